package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"

	"lzdash/internal/regfile"
)

// Load reads and validates the dataset file at path. It reads only
// regular files: a directory, named pipe, device or socket is refused
// without waiting on it, so that a watcher polling the path never blocks.
// A file over MaxFileSize is refused before it is read.
func Load(path string) (*Dataset, error) {
	name := Sanitize(path)
	if st, err := os.Stat(path); err == nil && !st.Mode().IsRegular() {
		return nil, notRegular(name, st.Mode())
	}
	f, st, err := regfile.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading dataset: %w", err)
	}
	defer f.Close()
	if !st.Mode().IsRegular() {
		return nil, notRegular(name, st.Mode())
	}
	src, err := readLimited(f, st.Size(), MaxFileSize)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return Parse(path, src)
}

// notRegular is the error for a path that is not a regular file.
func notRegular(name string, m os.FileMode) error {
	return fmt.Errorf("%s: not a regular file (%s)", name, regfile.Kind(m))
}

// readLimited reads r, whose size was size when it was opened, refusing
// it when it holds more than limit bytes: before reading when size says
// so, and after limit+1 bytes when it has grown since.
func readLimited(r io.Reader, size, limit int64) ([]byte, error) {
	if size > limit {
		return nil, errors.New(tooLarge(size, limit))
	}
	// One buffer of the file's size, rather than io.ReadAll's doublings.
	buf := bytes.NewBuffer(make([]byte, 0, max(size, 0)+bytes.MinRead))
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, fmt.Errorf("reading dataset: %w", err)
	}
	if int64(buf.Len()) > limit {
		return nil, fmt.Errorf("more than %d MiB", limit>>20)
	}
	return buf.Bytes(), nil
}

// tooLarge says that size bytes are over limit, a whole number of MiB:
// "70.0 MiB is more than the 64 MiB limit". The size has one decimal, or
// as many more as it takes to read as more than the limit
// ("64.000001 MiB", not "64.0 MiB").
func tooLarge(size, limit int64) string {
	v := float64(size) / (1 << 20)
	s := strconv.FormatFloat(v, 'f', 1, 64)
	for prec := 2; prec <= 9 && size > limit; prec++ {
		if f, _ := strconv.ParseFloat(s, 64); f > float64(limit)/(1<<20) {
			break
		}
		s = strconv.FormatFloat(v, 'f', prec, 64)
	}
	return fmt.Sprintf("%s MiB is more than the %d MiB limit", s, limit>>20)
}
