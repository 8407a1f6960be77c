package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// SnapshotOptions choose what Snapshot draws.
type SnapshotOptions struct {
	Tab    int
	Width  int
	Height int
	Lang   Lang
	Color  bool
	Dark   bool
}

// Snapshot renders one tab once, with the same code as the dashboard, at
// most Width columns by Height lines. Without Color the result is plain
// text.
func Snapshot(ds *data.Dataset, o SnapshotOptions) string {
	m := New(ds, Options{Lang: o.Lang, Tab: o.Tab, Dark: o.Dark})
	next, _ := m.Update(tea.WindowSizeMsg{Width: o.Width, Height: o.Height})
	s := next.(*Model).Render()
	if !o.Color {
		s = ansi.Strip(s)
		lines := strings.Split(s, "\n")
		for i, l := range lines {
			lines[i] = strings.TrimRight(l, " ")
		}
		s = strings.TrimRight(strings.Join(lines, "\n"), "\n")
	}
	return s
}

// TabIndex finds a tab by its snapshot name.
func TabIndex(name string) (int, bool) {
	for i, n := range TabNames {
		if n == name {
			return i, true
		}
	}
	return 0, false
}
