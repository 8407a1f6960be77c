//go:build unix

package data

import (
	"net"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// loadWithin runs Load on path and fails the test if it has not returned
// within a few seconds, so that a Load that blocks fails rather than
// hangs the test.
func loadWithin(t *testing.T, path string) error {
	t.Helper()
	done := make(chan error, 1)
	go func() {
		_, err := Load(path)
		done <- err
	}()
	select {
	case err := <-done:
		return err
	case <-time.After(5 * time.Second):
		t.Fatalf("Load(%s) still blocked after 5 s", path)
		return nil
	}
}

func TestLoadRefusesWhatIsNotARegularFile(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.yaml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	sock := filepath.Join(dir, "sock.yaml")
	l, err := net.Listen("unix", sock)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	tests := []struct{ path, want string }{
		{fifo, fifo + ": not a regular file (a named pipe)"},
		{dir, dir + ": not a regular file (a directory)"},
		{sock, sock + ": not a regular file (a socket)"},
		{os.DevNull, os.DevNull + ": not a regular file (a character device)"},
	}
	for _, tt := range tests {
		if err := loadWithin(t, tt.path); err == nil || err.Error() != tt.want {
			t.Errorf("Load(%s) = %v; want %q", tt.path, err, tt.want)
		}
	}
}

func TestLoadSizes(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.yaml")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 70 MiB long, next to nothing on disk.
	if err := f.Truncate(70 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want := path + ": 70.0 MiB is more than the 64 MiB limit"
	if err := loadWithin(t, path); err == nil || err.Error() != want {
		t.Errorf("Load = %v; want %q", err, want)
	}
}

func TestReadLimited(t *testing.T) {
	const limit = 4 << 20
	tests := []struct {
		size int64
		src  string
		want string
	}{
		{limit + 1, "", "4.000001 MiB is more than the 4 MiB limit"},
		{limit + limit/2, "", "6.0 MiB is more than the 4 MiB limit"},
		{1 << 30, "", "1024.0 MiB is more than the 4 MiB limit"},
		// The file has grown since its size was taken.
		{10, strings.Repeat("x", limit+1), "more than 4 MiB"},
		{10, strings.Repeat("x", limit), ""},
	}
	for _, tt := range tests {
		src, err := readLimited(strings.NewReader(tt.src), tt.size, limit)
		switch {
		case tt.want == "" && (err != nil || len(src) != len(tt.src)):
			t.Errorf("size %d: read %d bytes, error %v; want all %d", tt.size, len(src), err, len(tt.src))
		case tt.want != "" && (err == nil || err.Error() != tt.want):
			t.Errorf("size %d: error %v; want %q", tt.size, err, tt.want)
		}
	}
}
