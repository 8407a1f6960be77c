package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestPlainFlag(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"--plain", "--lang", "en"}, strings.NewReader("technology contract turnover\nquit\n"), &out, &errOut)
	if code != exitOK || errOut.Len() != 0 ||
		!strings.Contains(out.String(), "> Metric 6 of ") ||
		!strings.Contains(out.String(), "Technology contract turnover, 2018: CNY 6.28 bn, actual; up 11.8% on 2017. Source: 兰州晚报") {
		t.Fatalf("exit %d, stderr %q:\n%s", code, errOut.String(), out.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"--plain", "--watch"}, strings.NewReader(""), &out, &errOut); code != exitUsage ||
		!strings.Contains(errOut.String(), "--watch needs --data FILE") {
		t.Errorf("--plain --watch: exit %d, stderr %q", code, errOut.String())
	}
}

// lockedBuffer is a bytes.Buffer safe for concurrent use.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (lb *lockedBuffer) Write(p []byte) (int, error) {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	return lb.b.Write(p)
}

func (lb *lockedBuffer) String() string {
	lb.mu.Lock()
	defer lb.mu.Unlock()
	return lb.b.String()
}

// TestPlainWatch checks that lzdash --plain --data FILE --watch follows
// the file as the dashboard does: a valid change reaches the next
// command, after a line that says so; an invalid one is said with its
// position, and the last good data stays.
func TestPlainWatch(t *testing.T) {
	src, err := os.ReadFile("indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "data.yaml")
	write := func(s string, at time.Time) {
		t.Helper()
		if err := os.WriteFile(path, []byte(s), 0o600); err != nil {
			t.Fatal(err)
		}
		if err := os.Chtimes(path, at, at); err != nil {
			t.Fatal(err)
		}
	}
	write(string(src), time.Now().Add(-time.Hour))
	in, typed := io.Pipe()
	var out, errOut lockedBuffer
	done := make(chan int, 1)
	go func() {
		done <- run([]string{"--plain", "--watch", "--data", path, "--lang", "en"}, in, &out, &errOut)
		in.Close()
	}()
	say := func(line string) {
		t.Helper()
		if _, err := io.WriteString(typed, line+"\n"); err != nil {
			t.Fatalf("typing %q: %v", line, err)
		}
	}
	// until types empty lines, which read nothing, until the output
	// after mark holds want: the watcher looks twice a second.
	until := func(mark int, want string) {
		t.Helper()
		for range 50 {
			if strings.Contains(out.String()[mark:], want) {
				return
			}
			say("")
			time.Sleep(100 * time.Millisecond)
		}
		t.Fatalf("no %q in\n%s", want, out.String()[mark:])
	}
	say("innovation-index")
	until(0, "Composite S&T innovation index:")

	write(strings.Replace(string(src), "en: Composite S&T innovation index}", "en: Composite innovation index}", 1), time.Now())
	m := len(out.String())
	until(m, "Dataset reloaded.\n")
	say("innovation-index")
	until(m, "Composite innovation index:")

	write(string(src)+"\nbogus: [\n", time.Now().Add(time.Minute))
	m = len(out.String())
	until(m, "The dataset could not be reloaded ("+path+":")
	say("innovation-index")
	until(m, "Composite innovation index:")
	say("quit")
	if code := <-done; code != exitOK || errOut.String() != "" {
		t.Errorf("exit %d, stderr %q", code, errOut.String())
	}
}
