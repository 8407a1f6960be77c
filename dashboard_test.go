package main

import (
	"bytes"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/creack/pty"
)

// TestDashboardSurvivesCrashInput runs the dashboard on a pseudo-terminal
// and types the 36 bytes that crash an unfiltered Bubble Tea v2 program,
// then q. The dashboard must put the terminal in raw mode (or q, with no
// newline after it, would never arrive), survive, quit, and restore the
// terminal.
func TestDashboardSurvivesCrashInput(t *testing.T) {
	ptm, pts, err := pty.Open()
	if err != nil {
		t.Skipf("no pseudo-terminal: %v", err)
	}
	defer ptm.Close()
	defer pts.Close()
	if err := pty.Setsize(ptm, &pty.Winsize{Rows: 30, Cols: 100}); err != nil {
		t.Fatal(err)
	}
	before, err := term.GetState(pts.Fd())
	if err != nil {
		t.Fatal(err)
	}
	drawn := make(chan struct{})
	go func() {
		buf := make([]byte, 4096)
		first := true
		for {
			n, err := ptm.Read(buf)
			if n > 0 && first {
				first = false
				close(drawn)
			}
			if err != nil {
				return
			}
		}
	}()
	var errOut bytes.Buffer
	done := make(chan int, 1)
	go func() { done <- run([]string{"--lang", "en"}, pts, pts, &errOut) }()
	select {
	case <-drawn:
	case <-time.After(20 * time.Second):
		t.Fatal("the dashboard drew nothing within 20 s")
	}
	crash := "\x1b[" + strings.Repeat(";", 32) + "1R"
	for _, s := range []string{"\t", crash, "q"} {
		if _, err := ptm.Write([]byte(s)); err != nil && !errors.Is(err, io.EOF) {
			t.Fatal(err)
		}
	}
	select {
	case code := <-done:
		if code != exitOK {
			t.Fatalf("exit %d; stderr:\n%s", code, errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("the dashboard did not quit on q within 20 s")
	}
	noCrash(t, errOut.String())
	after, err := term.GetState(pts.Fd())
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(before, after) {
		t.Error("the terminal's mode was not restored")
	}
}
