package server

import (
	"bytes"
	"container/list"
	"sync"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"
	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
	"lzdash/ui"
)

// maxFrames bounds the first frames a server keeps: one per terminal
// size, colour profile, language and mode that visitors arrive with. A
// frame of the largest terminal is a few hundred kilobytes.
const maxFrames = 32

// maxFrameTerm bounds the TERM of a session whose first frame is shared;
// a longer one gets a frame of its own.
const maxFrameTerm = 64

// frameKey is everything a dashboard's first frame depends on: the
// dataset and language of its content, the server's settings (tab,
// theme and keys, replaced as a whole on a reload of the config), its
// look, the terminal type that chooses the renderer's control sequences,
// whether Bubble Tea asks the terminal about synchronized output, and
// the size.
type frameKey struct {
	ds      *data.Dataset
	st      *settings
	lang    ui.Lang
	ascii   bool
	profile colorprofile.Profile
	term    string
	queries bool
	w, h    int
}

// frames keeps the first frames of the current dataset's dashboards, the
// bytes a new session's Bubble Tea program would write first, so that
// the sessions arriving with the same key share them instead of each
// drawing its own. Entries are immutable once drawn; the least recently
// used one goes when maxFrames are kept, and all of them when the
// dataset changes. It is safe for concurrent use.
type frames struct {
	mu      sync.Mutex
	ds      *data.Dataset
	entries map[frameKey]*list.Element // of *frameEntry
	lru     list.List                  // most recently used first
}

type frameEntry struct {
	key   frameKey
	ready chan struct{} // closed once bytes is set
	bytes []byte        // nil when the frame cannot be shared
}

func newFrames(ds *data.Dataset) *frames {
	return &frames{ds: ds, entries: map[frameKey]*list.Element{}}
}

// use makes ds the dataset whose frames are kept, and drops the others.
func (f *frames) use(ds *data.Dataset) {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.ds != ds {
		f.ds = ds
		clear(f.entries)
		f.lru.Init()
	}
}

// get returns the frame for k, drawing it with draw on a miss. Sessions
// asking for a frame being drawn wait for it. A frame of another dataset
// than the current one is drawn and not kept.
func (f *frames) get(k frameKey, draw func() []byte) []byte {
	f.mu.Lock()
	if k.ds != f.ds {
		f.mu.Unlock()
		return draw()
	}
	if el, ok := f.entries[k]; ok {
		f.lru.MoveToFront(el)
		e := el.Value.(*frameEntry)
		f.mu.Unlock()
		<-e.ready
		return e.bytes
	}
	e := &frameEntry{key: k, ready: make(chan struct{})}
	f.entries[k] = f.lru.PushFront(e)
	for f.lru.Len() > maxFrames {
		old := f.lru.Back()
		f.lru.Remove(old)
		delete(f.entries, old.Value.(*frameEntry).key)
	}
	f.mu.Unlock()
	defer close(e.ready) // even if draw panics: waiters then draw their own
	e.bytes = draw()
	return e.bytes
}

// len returns the number of frames kept.
func (f *frames) len() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lru.Len()
}

// options are the options of a dashboard of k.
func (k frameKey) options(shared *ui.Shared) ui.Options {
	o := ui.Options{Lang: k.lang, Dark: true, ASCII: k.ascii, Shared: shared}
	if k.st != nil {
		o.Tab, o.Theme, o.Keys = k.st.Tab, k.st.Theme, k.st.keys
	}
	return o
}

// firstFrame draws model m's first frame for k: m is brought to the state
// the session's program brings it to before its first frame (the colour
// profile and the window size), and its view is written as that program
// would write it. It returns nil when the view uses anything firstFrame
// does not write as Bubble Tea does.
func firstFrame(m tea.Model, k frameKey) []byte {
	m, _ = m.Update(tea.ColorProfileMsg{Profile: k.profile})
	m, _ = m.Update(tea.WindowSizeMsg{Width: k.w, Height: k.h})
	return writeFrame(m.View(), k)
}

// writeFrame writes view v as the first flush of Bubble Tea v2's
// renderer (cursed_renderer.go) on a fresh terminal of k's size and
// type writes it: the queries the program sends first, then the switch
// to the alternate screen, the modes the view asks for and the whole
// screen, through ultraviolet's renderer with the settings Bubble Tea
// gives it over SSH (no hard tabs or backspace moves; newlines mapped,
// since the input is not a terminal). Only views of the kind lzdash
// draws are written: in the alternate screen, with a title and mouse
// reporting, and no cursor, colours, progress bar, focus reports or
// keyboard enhancements.
func writeFrame(v tea.View, k frameKey) []byte {
	if !v.AltScreen || v.Content == "" || v.Cursor != nil || v.ForegroundColor != nil || v.BackgroundColor != nil ||
		v.ProgressBar != nil || v.ReportFocus || v.DisableBracketedPasteMode ||
		v.KeyboardEnhancements != (tea.KeyboardEnhancements{}) {
		return nil
	}
	var out, frame bytes.Buffer
	if k.queries {
		out.WriteString(ansi.RequestModeSynchronizedOutput + ansi.RequestModeUnicodeCore)
	}
	out.WriteString(ansi.RequestBackgroundColor) // the dashboard's Init

	scr := uv.NewTerminalRenderer(&frame, []string{"TERM=" + k.term})
	scr.SetColorProfile(k.profile)
	scr.SetRelativeCursor(true)
	scr.SetFullscreen(false)
	scr.SetTabStops(-1)
	scr.SetBackspace(false)
	scr.SetMapNewline(true)
	scr.SetScrollOptim(true)
	scr.Erase()
	scr.Resize(k.w, k.h)

	buf := uv.NewScreenBuffer(k.w, k.h)
	buf.Clear()
	uv.NewStyledString(v.Content).Draw(buf, buf.Bounds())

	scr.SaveCursor()
	scr.SetFullscreen(true)
	scr.SetRelativeCursor(false)
	scr.Erase()
	_, _ = scr.WriteString(ansi.SetModeBracketedPaste)
	switch v.MouseMode {
	case tea.MouseModeCellMotion:
		_, _ = scr.WriteString(ansi.SetModeMouseButtonEvent + ansi.SetModeMouseExtSgr)
	case tea.MouseModeAllMotion:
		_, _ = scr.WriteString(ansi.SetModeMouseAnyEvent + ansi.SetModeMouseExtSgr)
	}
	if v.WindowTitle != "" {
		_, _ = scr.WriteString(ansi.SetWindowTitle(v.WindowTitle))
	}
	_, _ = scr.WriteString(ansi.SetModifyOtherKeys2 + ansi.PushKittyKeyboard(1) + ansi.RequestKittyKeyboard)
	scr.Render(buf.RenderBuffer)
	_ = scr.Flush() // into a bytes.Buffer, which does not fail

	out.WriteString(ansi.ResetModifyOtherKeys + ansi.SetModeAltScreenSaveCursor + ansi.ResetModeTextCursorEnable)
	out.Write(frame.Bytes())
	return out.Bytes()
}

// takeOver is written before a program draws a screen of its own over a
// shared first frame: it undoes the keyboard modes the frame set, which
// the program sets again, so that the terminal's keyboard stack holds
// one entry of lzdash's, as after a program of its own. The program's
// first frame then repaints the whole screen, as every first frame does
// (see adoptWriter for a program whose first frame is the shared one).
const takeOver = ansi.ResetModifyOtherKeys + "\x1b[<1u" // PopKittyKeyboard(1)

// frameRestore leaves a shared first frame as Bubble Tea leaves its
// screen when its program ends: the keyboard modes, the alternate
// screen, the cursor, bracketed paste, mouse reporting and the title
// (SetWindowTitle("")).
const frameRestore = takeOver + ansi.ResetModeAltScreenSaveCursor +
	ansi.SetModeTextCursorEnable + ansi.ResetModeBracketedPaste +
	ansi.ResetModeMouseButtonEvent + ansi.ResetModeMouseAnyEvent + ansi.ResetModeMouseExtSgr +
	"\x1b]2;\x07"
