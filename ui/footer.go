package ui

import (
	"errors"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
)

// ShortHelp lists the keys that work now: while the tab takes text input,
// its own keys and ctrl+c, since every other key is typed; otherwise the
// way back when there is one, the active tab's bindings, y and Enter
// where they work, and the global ones, ending with help and quit.
func (m *Model) ShortHelp() []key.Binding {
	k := m.k.keys
	t := m.tabs[m.active]
	first, then := m.actionHelp()
	bs := append(append(append(first, t.ShortHelp()...), then...), k.Next, k.Lang, k.Help, k.Quit)
	if t.Capturing() {
		bs = append(t.ShortHelp(), k.Interrupt)
	}
	if m.st.ASCII {
		return asciiKeys(bs)
	}
	return bs
}

// FullHelp lists the active tab's binding groups, then the global ones;
// while the tab takes text input, only the keys that then work.
func (m *Model) FullHelp() [][]key.Binding {
	k := m.k.keys
	t := m.tabs[m.active]
	gs := append(t.FullHelp(), m.copyHelp()...)
	gs = append(gs, []key.Binding{k.Next, k.Prev, k.Jump}, []key.Binding{k.Lang, k.CloseHelp, k.Quit})
	if t.Capturing() {
		gs = [][]key.Binding{t.ShortHelp(), {k.Interrupt}}
	}
	if m.st.ASCII {
		for i, g := range gs {
			gs[i] = asciiKeys(g)
		}
	}
	return gs
}

// pinned is how many of ShortHelp's last bindings the short help keeps
// whatever the width: the next tab, the other language, help and the way
// out (tab, L, ? and q), or ctrl+c while the tab takes text input. The
// way to the other tabs is the one a new user needs first, so a narrow
// screen drops the tab's own keys before it.
func (m *Model) pinned() int {
	if m.tabs[m.active].Capturing() {
		return 1
	}
	return 4
}

// footer is the banner (a notice or a reload error) and the help.
func (m *Model) footer() string {
	var parts []string
	if b := m.configBanner(); b != "" {
		parts = append(parts, b)
	}
	if m.loadErr != nil {
		// The banner may take two lines so that the position and the
		// message both show.
		text := m.c.t.ReloadFailed + m.loadErrText()
		if errors.Is(m.loadErr, ErrDataWithheld) {
			text = m.c.t.DataWithheld
		}
		parts = append(parts, m.st.ErrorBar.Render(fit(wrapText(m.st.Marks.Bad+" "+text, m.width), m.width, 2)))
	} else if m.notice != "" {
		parts = append(parts, m.st.Notice.Render(truncate(m.st.Marks.Good+" "+m.notice, m.width)))
	}
	if m.showHelp {
		parts = append(parts, m.fullHelpView())
	} else {
		parts = append(parts, m.shortHelpView())
	}
	return strings.Join(parts, "\n")
}

// footerHeight is the footer's height in rows. The short help alone is
// always one line, so the common case is known without drawing it, which
// costs a tenth of a key's work; a banner, a notice or the full help is
// drawn to be measured.
func (m *Model) footerHeight() int {
	if !m.showHelp && m.loadErr == nil && m.notice == "" && m.configBanner() == "" {
		return 1
	}
	return lipgloss.Height(m.footer())
}

// shortHelpView draws the short help on one line. The pinned bindings
// come last and always show; the others give way from the right, whole,
// with the cut marked, when the line is too narrow for them all.
func (m *Model) shortHelpView() string {
	bs := m.ShortHelp()
	n := min(m.pinned(), len(bs))
	head, tail := bs[:len(bs)-n], bs[len(bs)-n:]
	h := m.help
	h.SetWidth(0)
	right := h.ShortHelpView(tail)
	sep := h.Styles.ShortSeparator.Inline(true).Render(h.ShortSeparator)
	room := m.width - lipgloss.Width(right) - lipgloss.Width(sep)
	cut := " " + h.Styles.Ellipsis.Inline(true).Render(h.Ellipsis)
	for k := len(head); k > 0; k-- {
		left := h.ShortHelpView(head[:k])
		if k < len(head) {
			left += cut
		}
		if lipgloss.Width(left) <= room {
			return left + sep + right
		}
	}
	return truncate(right, m.width)
}

// fullHelpView draws the full help's groups as columns, wrapping them
// onto further rows of columns rather than cutting the global keys off
// on a narrow screen.
func (m *Model) fullHelpView() string {
	h := m.help
	h.SetWidth(0)
	sep := lipgloss.Width(h.FullSeparator)
	var rows []string
	var row [][]key.Binding
	used := 0
	flush := func() {
		if len(row) > 0 {
			rows = append(rows, h.FullHelpView(row))
		}
		row, used = nil, 0
	}
	for _, g := range m.FullHelp() {
		w := lipgloss.Width(h.FullHelpView([][]key.Binding{g}))
		if w == 0 {
			continue // every binding in the group is disabled
		}
		if len(row) > 0 && used+sep+w > m.width {
			flush()
		}
		if len(row) > 0 {
			used += sep
		}
		row = append(row, g)
		used += w
	}
	flush()
	rows = append(rows, m.legend()...)
	full := strings.Join(rows, "\n")
	return fit(full, m.width, lipgloss.Height(full))
}

// legend explains every mark the screens draw, one key away: under the
// full help, wrapped to the width.
func (m *Model) legend() []string {
	mk, t := m.st.Marks, m.c.t
	items := []string{
		mk.Good + " " + t.StatusMet, mk.Bad + " " + t.StatusMissed, "? " + t.StatusUnknown,
		t.LegendQualifiers,
		"[" + t.Estimate + "] [" + t.Provisional + "] [" + t.Partial + "] [" + t.Derived + "] " + t.LegendNotFinal,
		"o " + t.LegendFinal + "  * " + t.LegendNotFinalPoint,
		mk.Cut + " " + t.LegendCut,
	}
	text := m.st.Subtle.Render(t.Legend+t.Colon) + strings.Join(items, "   ")
	return strings.Split(wrapText(text, m.width), "\n")
}
