package server

import (
	"bytes"
	"io"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"lzdash/internal/safeinput"
)

func TestFirstKeys(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string // the keys' names; nil: left to the program
	}{
		{in: "\t", want: []string{"tab"}},
		{in: "1", want: []string{"1"}},
		{in: "jjq", want: []string{"j", "j", "q"}},
		{in: "L\r\x7f", want: []string{"L", "enter", "backspace"}},
		{in: "\x03", want: []string{"ctrl+c"}},
		{in: ""},
		{in: "\x1b"},                // Esc, or the start of a sequence
		{in: "\x1b[B"},              // down
		{in: "\x1b[<0;10;1M"},       // a click
		{in: "\x1b]11;rgb:0/0/0\a"}, // a reply to the background query
		{in: "j\x1b[B"},
		{in: "兰"},
		{in: strings.Repeat("j", maxFirstKeys+1)},
	} {
		keys, ok := firstKeys([]byte(c.in))
		var got []string
		for _, k := range keys {
			got = append(got, k.String())
		}
		if ok != (c.want != nil) || strings.Join(got, " ") != strings.Join(c.want, " ") {
			t.Errorf("firstKeys(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
}

// TestFirstKeysAreWhatTheProgramReads checks that every input firstKeys
// takes passes safeinput's filter unchanged and decodes, in a real
// program's input reader, to the same keys, one byte at a time.
func TestFirstKeysAreWhatTheProgramReads(t *testing.T) {
	var b []byte
	for c := range byte(0x80) {
		if c != 0x1b {
			b = append(b, c)
		}
	}
	filtered, err := io.ReadAll(safeinput.NewReader(bytes.NewReader(b)))
	if err != nil || !bytes.Equal(filtered, b) {
		t.Fatalf("safeinput changes ASCII without Esc: %q, %v", filtered, err)
	}
	for i := 0; i < len(b); i += maxFirstKeys {
		chunk := b[i:min(len(b), i+maxFirstKeys)]
		keys, ok := firstKeys(chunk)
		if !ok {
			t.Fatalf("firstKeys leaves %q to the program", chunk)
		}
		got := programKeys(t, chunk, len(keys))
		for j := range keys {
			if keys[j] != got[j] {
				t.Errorf("byte %q: firstKeys gives %#v, the program %#v", chunk[j], keys[j], got[j])
			}
		}
	}
}

// programKeys runs a Bubble Tea program reading in and returns the first
// n key presses its model gets.
func programKeys(t *testing.T, in []byte, n int) []tea.KeyPressMsg {
	t.Helper()
	rec := &keyRecorder{n: n, done: make(chan struct{})}
	r, w := io.Pipe()
	defer w.Close()
	p := tea.NewProgram(rec, tea.WithInput(r), tea.WithOutput(io.Discard), tea.WithoutRenderer(),
		tea.WithEnvironment([]string{"TERM=xterm-256color"}), tea.WithoutSignalHandler())
	ran := make(chan struct{})
	go func() { _, _ = p.Run(); close(ran) }()
	defer func() { p.Kill(); <-ran }()
	go func() { _, _ = w.Write(in) }()
	select {
	case <-rec.done:
	case <-ran:
		t.Fatal("the program ended before reading its keys")
	}
	return rec.keys
}

type keyRecorder struct {
	n    int
	keys []tea.KeyPressMsg
	done chan struct{}
}

func (k *keyRecorder) Init() tea.Cmd { return nil }

func (k *keyRecorder) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	if key, ok := msg.(tea.KeyPressMsg); ok && len(k.keys) < k.n {
		if k.keys = append(k.keys, key); len(k.keys) == k.n {
			close(k.done)
		}
	}
	return k, nil
}

func (k *keyRecorder) View() tea.View { return tea.NewView("") }

// TestFirstKeyFrameIsDrawnAtOnce checks that a session whose program
// starts on a key draws that key's screen as its program's first frame,
// not a repaint of the shared frame the visitor already has.
func TestFirstKeyFrameIsDrawnAtOnce(t *testing.T) {
	ts := startServer(t, nil)
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	mark := tm.mark()
	tm.press("\t")
	if scr := tm.settle(100, 30).screen(); !strings.Contains(scr, indicatorsToken) {
		t.Fatalf("no Indicators tab after the first key:\n%s", scr)
	}
	tm.mu.Lock()
	after := string(tm.out[mark:])
	tm.mu.Unlock()
	if n := strings.Count(after, ansi.SetModeAltScreenSaveCursor); n != 1 {
		t.Errorf("%d full frames after the first key, want 1", n)
	}
	if text := ansi.Strip(after); strings.Contains(text, overviewToken) {
		t.Errorf("the Overview was drawn again after the first key:\n%s", text)
	}
}

// TestFirstInputsLookLikeOwnProgram compares the screens of a lazily
// started session and of one with its own program after first inputs
// that the dashboard takes before its program starts (several keys, a
// key that quits) and ones it leaves to the program (an arrow, a reply
// to the shared frame's background query), and after the keys that
// follow.
func TestFirstInputsLookLikeOwnProgram(t *testing.T) {
	lazy := startServer(t, nil)
	eager := startServer(t, func(c *Config) { c.eager = true })
	for _, c := range []struct {
		first, then string
		quits       bool
	}{
		{first: "4j", then: "j\t"},
		{first: "\x1b[B", then: "\t"},
		{first: "\x1b]11;rgb:ffff/ffff/ffff\x1b\\", then: "\t"}, // a light terminal's reply
		{first: "q", quits: true},
	} {
		t.Run(strings.ReplaceAll(c.first, "\x1b", "Esc"), func(t *testing.T) {
			l := openTerm(t, lazy.mustDial(t), 100, 30)
			e := openTerm(t, eager.mustDial(t), 100, 30)
			l.waitFor(0, overviewToken)
			e.waitFor(0, overviewToken)
			sameScreen(t, "first frame", l, e, 100, 30)
			l.press(c.first)
			e.press(c.first)
			if c.quits {
				l.wait()
				e.wait()
			}
			sameScreen(t, "after the first input", l, e, 100, 30)
			if c.then != "" {
				l.press(c.then)
				e.press(c.then)
				sameScreen(t, "after more keys", l, e, 100, 30)
			}
		})
	}
}
