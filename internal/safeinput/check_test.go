package safeinput

import (
	"context"
	"fmt"
	"io"
	"testing"
	"time"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/rivo/uniseg"
)

// checkOutput reports the first way the filter's output out breaks what
// the filter promises, reading it with x/ansi's own decoder (given room for
// more parameters than any input could make it see) and uv's segmenter.
func checkOutput(out []byte) error {
	if !utf8.Valid(out) {
		return fmt.Errorf("invalid UTF-8")
	}
	for i, r := range string(out) {
		if r >= 0x80 && r <= 0x9f {
			return fmt.Errorf("C1 control U+%04X at %d", r, i)
		}
	}
	p := ansi.NewParser()
	p.SetParamsSize(1 << 16)
	var state byte
	var txt []byte
	for b := out; len(b) > 0; {
		seq, width, n, next := ansi.DecodeSequence(b, state, p)
		if width > 0 {
			txt = append(txt, seq...)
		} else if err := checkClusters(txt); err != nil {
			return err
		} else {
			txt = txt[:0]
		}
		if next == ansi.NormalState && width == 0 {
			if err := checkSequence(seq, p); err != nil {
				return err
			}
		}
		state, b = next, b[n:]
	}
	return checkClusters(txt)
}

// checkCrashSafe checks only that no CSI or DCS in out carries more
// parameters than x/ansi's parser has room for, however out is read.
func checkCrashSafe(out []byte) error {
	p := ansi.NewParser()
	p.SetParamsSize(1 << 16)
	var state byte
	for b := out; len(b) > 0; {
		seq, width, n, next := ansi.DecodeSequence(b, state, p)
		if next == ansi.NormalState && width == 0 && (ansi.HasCsiPrefix(seq) || ansi.HasDcsPrefix(seq)) &&
			len(p.Params()) > maxCSIParams {
			return fmt.Errorf("a sequence with %d parameters: %q", len(p.Params()), seq)
		}
		state, b = next, b[n:]
	}
	return nil
}

// checkSequence checks one complete sequence.
func checkSequence(seq []byte, p *ansi.Parser) error {
	switch {
	case ansi.HasCsiPrefix(seq):
		if len(p.Params()) > maxCSIParams || len(seq) > maxSeqLen {
			return fmt.Errorf("CSI with %d parameters and %d bytes: %q", len(p.Params()), len(seq), seq)
		}
	case ansi.HasDcsPrefix(seq):
		if len(p.Params()) > maxDCSParams || len(seq) > maxSeqLen+maxString+2 {
			return fmt.Errorf("DCS with %d parameters and %d bytes", len(p.Params()), len(seq))
		}
	case ansi.HasOscPrefix(seq), ansi.HasApcPrefix(seq), ansi.HasPmPrefix(seq), ansi.HasSosPrefix(seq):
		if len(seq) > maxString+4 {
			return fmt.Errorf("string of %d bytes", len(seq))
		}
	}
	return nil
}

// checkClusters checks that no grapheme cluster of txt, as x/ansi's and
// uv's segmenters see it, is longer than the joiner cap allows.
func checkClusters(txt []byte) error {
	g := uniseg.NewGraphemes(string(txt))
	for g.Next() {
		if n := len(g.Runes()); n > maxJoiners+1 {
			return fmt.Errorf("grapheme cluster of %d code points", n)
		}
	}
	return nil
}

// checkNoWait decodes out with uv's decoder and reports an UnknownEvent
// before its end: uv's TerminalReader waits on one at the head of its
// buffer, holding back what follows, for as long as input keeps coming.
func checkNoWait(out []byte) error {
	var d uv.EventDecoder
	for i := 0; i < len(out); {
		n, ev := d.Decode(out[i:])
		if _, ok := ev.(uv.UnknownEvent); ok && i+n < len(out) {
			return fmt.Errorf("uv waits on %q at %d", out[i:i+n], i)
		}
		i += max(n, 1)
	}
	return nil
}

// noPause returns a Reader over r that does not sleep where it pauses,
// on a clock that stands still: as if all of r came at once.
func noPause(r io.Reader) *Reader {
	nr := NewReader(r)
	nr.sleep = func(time.Duration) {}
	t := time.Now()
	nr.now = func() time.Time { return t }
	return nr
}

// chunks is a reader that returns its chunks one Read at a time.
type chunks [][]byte

func (c *chunks) Read(p []byte) (int, error) {
	for len(*c) > 0 && len((*c)[0]) == 0 {
		*c = (*c)[1:]
	}
	if len(*c) == 0 {
		return 0, io.EOF
	}
	n := copy(p, (*c)[0])
	(*c)[0] = (*c)[0][n:]
	return n, nil
}

// decode runs uv's input path, as Bubble Tea does, over r until r ends,
// and returns the events.
func decode(t testing.TB, r io.Reader) []uv.Event {
	t.Helper()
	d := uv.NewTerminalReader(r, "xterm-256color")
	evc := make(chan uv.Event)
	done := make(chan []uv.Event)
	go func() {
		var evs []uv.Event
		for e := range evc {
			evs = append(evs, e)
		}
		done <- evs
	}()
	err := d.StreamEvents(context.Background(), evc)
	close(evc)
	evs := <-done
	if err != nil {
		t.Fatalf("StreamEvents: %v", err)
	}
	return evs
}

// checkEvents checks that uv made no event larger than the filter allows.
func checkEvents(evs []uv.Event) error {
	for _, e := range evs {
		switch e := e.(type) {
		case uv.KeyPressEvent:
			if len(e.Text) > (maxJoiners+1)*utf8.UTFMax {
				return fmt.Errorf("key event with %d bytes of text", len(e.Text))
			}
		case uv.PasteEvent:
			if len(e.Content) > maxPaste {
				return fmt.Errorf("paste of %d bytes", len(e.Content))
			}
		}
	}
	return nil
}
