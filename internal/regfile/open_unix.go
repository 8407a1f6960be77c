//go:build unix

package regfile

import (
	"os"
	"syscall"
)

// Open opens path for reading without blocking, even on a named
// pipe with no writer, never taking a terminal as its controlling one,
// and returns it with its fstat. When it is a regular file, the
// descriptor is made blocking again for reading.
func Open(path string) (*os.File, os.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	if st.Mode().IsRegular() {
		if err := syscall.SetNonblock(int(f.Fd()), false); err != nil {
			f.Close()
			return nil, nil, err
		}
	}
	return f, st, nil
}
