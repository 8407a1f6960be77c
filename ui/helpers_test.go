package ui

import (
	"bytes"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/colorprofile"

	"lzdash/data"
)

// testDataset loads the repository's dataset, the one lzdash embeds.
func testDataset(t testing.TB) *data.Dataset {
	t.Helper()
	ds, err := data.Load("../indicators.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// fixtureDataset loads testdata/fixture.yaml, the small dataset the
// golden files render.
func fixtureDataset(t testing.TB) *data.Dataset {
	t.Helper()
	ds, err := data.Load("testdata/fixture.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// sized returns a model after a window-size message.
func sized(m *Model, w, h int) *Model {
	next, _ := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return next.(*Model)
}

// press sends keys by name ("tab", "shift+tab", "down", or one character).
func press(m *Model, keys ...string) *Model {
	for _, k := range keys {
		next, _ := m.Update(keyMsg(k))
		m = next.(*Model)
	}
	return m
}

func keyMsg(k string) tea.KeyPressMsg {
	switch k {
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "left":
		return tea.KeyPressMsg{Code: tea.KeyLeft}
	case "right":
		return tea.KeyPressMsg{Code: tea.KeyRight}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "ctrl+c":
		return tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

// ascii renders through a fixed ASCII colour profile: no colours, so the
// golden files are the same on every terminal.
func ascii(t testing.TB, s string) string {
	t.Helper()
	var b bytes.Buffer
	w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.Ascii}
	if _, err := w.WriteString(s); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func contains(t *testing.T, view string, subs ...string) {
	t.Helper()
	for _, s := range subs {
		if !strings.Contains(view, s) {
			t.Errorf("view lacks %q:\n%s", s, view)
		}
	}
}
