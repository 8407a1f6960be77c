package server

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// maxKeyFile bounds the host key and authorized_keys files: both are a
// few kilobytes in practice.
const maxKeyFile = 1 << 20

// readRegular reads a regular file of at most limit bytes without ever
// blocking on a named pipe or device: it opens without waiting for a
// writer, checks what it opened, and only then reads. what names the
// file in errors.
func readRegular(path, what string, limit int64) ([]byte, fs.FileInfo, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK|syscall.O_NOCTTY, 0)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %w", what, path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %w", what, path, err)
	}
	if !st.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s %s: not a regular file (%s)", what, path, kindOf(st.Mode()))
	}
	if st.Size() > limit {
		return nil, nil, fmt.Errorf("%s %s: %d bytes is more than the %d-byte limit", what, path, st.Size(), limit)
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %w", what, path, err)
	}
	if int64(len(b)) > limit {
		return nil, nil, fmt.Errorf("%s %s: more than the %d-byte limit", what, path, limit)
	}
	return b, st, nil
}

// kindOf names a file type that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0, m&fs.ModeCharDevice != 0:
		return "a device"
	}
	return "not a plain file"
}
