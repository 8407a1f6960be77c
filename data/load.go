package data

import (
	"fmt"
	"io"
	"os"
)

// Load reads and validates the dataset file at path. It refuses
// directories and reads at most MaxFileSize+1 bytes, so that an oversized
// file is reported rather than read whole.
func Load(path string) (*Dataset, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading dataset: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.IsDir() {
		return nil, fmt.Errorf("reading dataset: %s is a directory", Sanitize(path))
	}
	src, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, fmt.Errorf("reading dataset %s: %w", Sanitize(path), err)
	}
	return Parse(path, src)
}
