package server

import (
	"fmt"
	"io"
	"io/fs"

	"lzdash/internal/regfile"
)

// maxKeyFile bounds the host key and authorized_keys files: both are a
// few kilobytes in practice.
const maxKeyFile = 1 << 20

// readRegular reads a regular file of at most limit bytes without ever
// blocking on a named pipe or device: it opens without waiting for a
// writer, checks what it opened, and only then reads. what names the
// file in errors.
func readRegular(path, what string, limit int64) ([]byte, fs.FileInfo, error) {
	f, st, err := regfile.Open(path)
	if err != nil {
		return nil, nil, fmt.Errorf("%s %s: %w", what, path, err)
	}
	defer f.Close()
	if !st.Mode().IsRegular() {
		return nil, nil, fmt.Errorf("%s %s: not a regular file (%s)", what, path, regfile.Kind(st.Mode()))
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
