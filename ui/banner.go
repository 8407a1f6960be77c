package ui

import (
	"errors"
	"fmt"

	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"

	"lzdash/data"
)

// configBanner is the line that says the config file has a problem and
// its settings are the defaults where it does: the first problem, how
// many follow and the key that dismisses it, which always show. It is
// empty when there is no problem or the banner was dismissed.
func (m *Model) configBanner() string {
	if m.configErr == nil {
		return ""
	}
	var ps data.Problems
	text, more := clean(m.configErr.Error()), ""
	if errors.As(m.configErr, &ps) && len(ps) > 0 {
		text = m.problemsText(ps[:1])
		if len(ps) > 1 {
			more = fmt.Sprintf(m.c.t.MoreProblems, len(ps)-1)
		}
	}
	k := m.k.keys.Dismiss
	hint := "  " + k.Help().Key + " " + k.Help().Desc
	if m.st.ASCII {
		hint = "  " + asciiKeys([]key.Binding{k})[0].Help().Key + " " + k.Help().Desc
	}
	room := max(0, m.width-lipgloss.Width(hint)-lipgloss.Width(more))
	left := truncateMark(m.st.Marks.Bad+" "+m.c.t.ConfigProblem+text, room, m.st.Marks.Cut) + more
	return m.st.Banner.Render(truncateMark(left+hint, m.width, m.st.Marks.Cut))
}
