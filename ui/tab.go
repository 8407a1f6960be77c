package ui

import (
	"charm.land/bubbles/v2/help"
	tea "charm.land/bubbletea/v2"
)

// tab is one page of the dashboard. A tab holds only its own state
// (cursor, scroll, filter) and the content it was given. The root model
// owns the tabs, gives them content through SetContent and their box
// through SetSize alone, and sends them the keys and mouse events it does
// not handle itself.
type tab interface {
	help.KeyMap
	// SetContent gives the tab new content and the dashboard's keys in
	// its language, after a reload or a change of language, and clamps
	// the tab's state to the content.
	SetContent(*content, *bindings)
	// SetSize gives the tab its content box.
	SetSize(w, h int)
	// Update handles a message the root passed down.
	Update(tea.Msg) (tab, tea.Cmd)
	// Prepare runs at the end of every Update of the root while the tab
	// is on screen: it fills the memo with what the view will need and
	// keeps the scroll in step with the box.
	Prepare(*Styles, *memo)
	// View renders the tab into its content box. It changes nothing; a
	// page or chart missing from the memo is built and dropped.
	View(*Styles, *memo) string
	// Capturing reports whether the tab is taking text input, in which
	// case global keys other than ctrl+c go to it.
	Capturing() bool
}
