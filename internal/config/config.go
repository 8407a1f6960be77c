// Package config reads lzdash's config file: the language and tab the
// dashboard opens on, its theme, and key remaps. Decoding is strict, and
// every problem is located as FILE:LINE:COL: field: message, but none is
// fatal: a setting with a problem takes its default, and the dashboard
// says so in a banner. The package reads one file and writes nothing.
package config

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"lzdash/data"
	"lzdash/internal/regfile"
	"lzdash/ui"
)

// MaxSize is the largest config file read.
const MaxSize = 64 << 10

// Config is the settings a config file gives. A zero field was not set,
// or had a problem, and takes its default.
type Config struct {
	Lang ui.Lang
	// Tab is one of ui.TabNames.
	Tab   string
	Theme ui.Theme
	// Keys remap actions' keys; nil when the file remaps none, or when
	// any remap has a problem, since remaps depend on one another.
	Keys ui.KeyRemaps
}

// File is a config file as read.
type File struct {
	// Path is the file read, or "" when there was none.
	Path   string
	Config Config
	// Err is what is wrong with the file, never fatal: a data.Problems,
	// or why a file that is there could not be read.
	Err error
}

// DefaultPath is the config file read when none is named:
// lzdash/config.yaml in the user config dir ($XDG_CONFIG_HOME, by
// default ~/.config).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", fmt.Errorf("finding the config file: %w", err)
	}
	return filepath.Join(dir, "lzdash", "config.yaml"), nil
}

// Read reads the config file at path, or, when path is "", the one at
// DefaultPath if there is one. It fails only when path names a file that
// cannot be read; anything else wrong with a file is in File.Err.
func Read(path string) (File, error) {
	if path != "" {
		c, err := Load(path)
		var ps data.Problems
		if err != nil && !errors.As(err, &ps) {
			return File{}, err
		}
		return File{Path: path, Config: c, Err: err}, nil
	}
	def, err := DefaultPath()
	if err != nil {
		return File{}, nil // no config dir, so no config file: the defaults
	}
	c, err := Load(def)
	if errors.Is(err, fs.ErrNotExist) {
		return File{}, nil
	}
	return File{Path: def, Config: c, Err: err}, nil
}

// Load reads and decodes the config file at path, as Parse does. A file
// that cannot be read (missing, not a regular file, over MaxSize) gives
// no settings and an error that wraps the cause (fs.ErrNotExist for a
// missing one). Only regular files are read: a named pipe or a device is
// refused without waiting on it.
func Load(path string) (Config, error) {
	name := data.Sanitize(path)
	f, st, err := regfile.Open(path)
	if err != nil {
		return Config{}, fmt.Errorf("reading the config file: %w", err)
	}
	defer f.Close()
	if !st.Mode().IsRegular() {
		return Config{}, fmt.Errorf("%s: not a regular file (%s)", name, regfile.Kind(st.Mode()))
	}
	if st.Size() > MaxSize {
		return Config{}, fmt.Errorf("%s: %d bytes is more than the %d KiB a config file may hold", name, st.Size(), MaxSize>>10)
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxSize+1))
	if err != nil {
		return Config{}, fmt.Errorf("reading the config file %s: %w", name, err)
	}
	return Parse(path, src)
}
