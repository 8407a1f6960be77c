package server

import (
	"fmt"
	"io"

	tea "charm.land/bubbletea/v2"
	uv "github.com/charmbracelet/ultraviolet"
)

// maxFirstKeys bounds the keys of a visitor's first input that the
// dashboard takes before its program starts; a longer input is the
// program's to read.
const maxFirstKeys = 16

// firstKeys returns the key presses that b, a visitor's first input, is
// made of, when it holds only keys that Bubble Tea's input reader
// decodes from one byte each, whatever follows: ASCII without Esc
// (letters, digits, Tab, Enter, Backspace, control keys), which
// safeinput passes unchanged. It returns false for anything else
// (escape sequences such as arrows, mouse reports or terminal replies,
// which may be cut short, and other text), which the program reads.
func firstKeys(b []byte) ([]tea.KeyPressMsg, bool) {
	if len(b) == 0 || len(b) > maxFirstKeys {
		return nil, false
	}
	var dec uv.EventDecoder // as Bubble Tea's reader has it: no legacy encodings
	keys := make([]tea.KeyPressMsg, 0, len(b))
	for i := range b {
		if b[i] >= 0x80 || b[i] == 0x1b {
			return nil, false
		}
		n, ev := dec.Decode(b[i : i+1])
		k, ok := ev.(uv.KeyPressEvent)
		if n != 1 || !ok {
			return nil, false
		}
		keys = append(keys, tea.KeyPressMsg(k))
	}
	return keys, true
}

// takeKeys takes the visitor's first input from p when it is only keys
// (see firstKeys), for the dashboard to handle before its program starts,
// so that the program's first frame already shows what they asked for:
// drawn at once, instead of a repaint of the screen they have and their
// keys' frame a frame period after it. It returns nil when the input is
// anything else or has not come, and leaves it to the program.
func (p *pendingReader) takeKeys() []tea.KeyPressMsg {
	if !p.got {
		return nil
	}
	keys, ok := firstKeys(p.buf)
	if !ok {
		return nil
	}
	p.buf = nil
	return keys
}

// startModel is a dashboard that handled keys before its program
// started: the program runs their commands along with the dashboard's
// own first ones. Its first Update hands the program the dashboard
// itself.
type startModel struct {
	tea.Model
	cmds []tea.Cmd
}

// Init implements tea.Model.
func (m *startModel) Init() tea.Cmd {
	return tea.Batch(append([]tea.Cmd{m.Model.Init()}, m.cmds...)...)
}

// Update implements tea.Model.
func (m *startModel) Update(msg tea.Msg) (tea.Model, tea.Cmd) { return m.Model.Update(msg) }

// withFirstKeys hands model m the visitor's first input, when in is a
// session's pending first input that is only keys (see takeKeys).
func withFirstKeys(m tea.Model, in io.Reader) (tea.Model, error) {
	if p, ok := in.(*pendingReader); ok {
		if keys := p.takeKeys(); keys != nil {
			return pressFirst(m, keys)
		}
	}
	return m, nil
}

// pressFirst hands model m the keys, and returns it with their commands
// for the program to run. A model that panics on them ends its session
// as it would in its program: with an error wrapping tea.ErrProgramPanic.
func pressFirst(m tea.Model, keys []tea.KeyPressMsg) (_ tea.Model, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", tea.ErrProgramPanic, r)
		}
	}()
	var cmds []tea.Cmd
	for _, k := range keys {
		var cmd tea.Cmd
		m, cmd = m.Update(k)
		if cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	if len(cmds) == 0 {
		return m, nil
	}
	return &startModel{Model: m, cmds: cmds}, nil
}
