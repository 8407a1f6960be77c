package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"

	"lzdash/data"
)

// FPS is the frame rate the dashboard asks Bubble Tea for: the highest it
// allows, so that a key's effect is drawn within about 8 ms instead of
// Bubble Tea's default 16.
const FPS = 120

// Minimum terminal size the dashboard draws in.
const (
	MinWidth  = 60
	MinHeight = 20
)

// The tabs, in order.
const (
	TabOverview = iota
	TabIndicators
	TabTargets
	TabZones
	TabSources
	numTabs
)

// TabNames are the names `snapshot --tab` accepts, in tab order.
var TabNames = [numTabs]string{"overview", "indicators", "targets", "zones", "sources"}

// Options configure a dashboard.
type Options struct {
	Lang Lang
	// Dark selects the dark palette until the terminal reports its
	// background.
	Dark bool
	// Theme is the colour scheme; "" is ThemeAuto.
	Theme Theme
	// Tab is the tab to open on.
	Tab int
	// ASCII draws with ASCII borders and marks alone, for terminals
	// that draw characters of ambiguous East Asian width two columns
	// wide (see AmbiguousWide).
	ASCII bool
	// Profile is the terminal's colour profile, until the program
	// reports it; Unknown is taken for full colour.
	Profile colorprofile.Profile
	// Keys are the dashboard's keys (see NewKeys); nil is the default
	// keys.
	Keys *Keys
	// ConfigErr is what is wrong with the config file, shown in a banner
	// until dismissed: data.Problems, or why it could not be read.
	ConfigErr error
	// Shared, when set, shares the content derived from the dataset with
	// the other dashboards of the same process, such as the other
	// sessions of a server, which then calls Shared.Use on every reload.
	Shared *Shared
}

// headerRows are the rows above the tab's box: the tab bar and its rule.
const headerRows = 2

// Model is the root of the dashboard. It is used by pointer: Update
// changes it in place and returns it.
type Model struct {
	shared    *Shared
	ownShared bool // shared is this dashboard's own, to be told of reloads
	ds        *data.Dataset
	lang      Lang
	theme     Theme
	c         *content  // ds in lang
	k         *bindings // the keys in lang
	keys      *Keys
	st        Styles
	memo      memo

	tabs     [numTabs]tab
	active   int
	help     help.Model
	showHelp bool
	width    int
	height   int
	bodyH    int

	notice   string
	noticeID int
	// drilled is set while the Indicators tab shows a figure Enter
	// opened from tab back, to which Esc returns.
	drilled bool
	back    int
	loadErr error // of the last reload, when it failed
	// configErr is the config file's problem, until dismissed.
	configErr error
}

// New builds a dashboard on a validated dataset.
func New(ds *data.Dataset, o Options) *Model {
	if o.Lang == "" {
		o.Lang = Zh
	}
	if _, ok := ParseTheme(string(o.Theme)); !ok {
		o.Theme = ThemeAuto
	}
	look := o.Theme.look(o.Dark)
	look.ASCII, look.Profile = o.ASCII, o.Profile
	m := &Model{shared: o.Shared, ds: ds, lang: o.Lang, theme: o.Theme, st: NewStyles(look), help: help.New(), active: clamp(o.Tab, 0, numTabs-1)}
	if m.shared == nil {
		// A dashboard alone keeps its pages in its memo: no other
		// dashboard would draw from them.
		m.shared, m.ownShared = NewShared(), true
	} else {
		m.memo.shared = m.shared
	}
	m.keys, m.configErr = o.Keys, o.ConfigErr
	if m.keys == nil {
		m.keys = NewKeys(nil)
	}
	m.tabs = [numTabs]tab{newOverview(), newIndicators(), newTargets(), newZones(), newSources()}
	m.help.Styles = m.st.Help
	// bubbles/help separates with • and cuts with …, both of ambiguous
	// width: some CJK terminals draw them two columns wide, which would
	// push the help line past the edge.
	m.help.ShortSeparator = "  "
	m.help.Ellipsis = m.st.Marks.Cut
	m.setContent()
	return m
}

// Init asks the terminal for its background colour. Reloaded data
// arrives as DatasetMsg from whoever watches the file.
func (m *Model) Init() tea.Cmd {
	return tea.RequestBackgroundColor
}

// Update handles a message, then has the tab on screen prepare what its
// view will draw: View itself changes nothing.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	cmd := m.update(msg)
	m.prepare()
	return m, cmd
}

func (m *Model) update(msg tea.Msg) tea.Cmd {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.width, m.height = max(0, msg.Width), max(0, msg.Height)
		m.layout()
	case tea.BackgroundColorMsg:
		if m.theme.followsBackground() {
			l := m.st.look
			l.Dark = msg.IsDark()
			m.restyle(l)
		}
	case tea.ColorProfileMsg:
		l := m.st.look
		l.Profile = msg.Profile
		m.restyle(l)
	case tea.KeyPressMsg:
		return m.handleKey(msg)
	case tea.MouseClickMsg:
		mo := msg.Mouse()
		if mo.Y == 0 {
			if i, ok := m.tabAt(mo.X); ok {
				m.active, m.drilled = i, false
			}
			return nil
		}
		// Below the tab bar and its rule, a click goes to the tab in
		// the tab's own coordinates.
		if mo.Y < headerRows || mo.Y >= headerRows+m.bodyH {
			return nil
		}
		mo.Y -= headerRows
		return m.updateTab(tea.MouseClickMsg(mo))
	case DatasetMsg:
		_, cmd := m.apply(msg)
		return cmd
	case clearNoticeMsg:
		if msg.id == m.noticeID {
			m.notice = ""
			m.layout()
		}
	default:
		return m.updateTab(msg)
	}
	return nil
}

// restyle builds the styles for a new look.
func (m *Model) restyle(l Look) {
	if l != m.st.look {
		m.st = NewStyles(l)
		m.help.Styles = m.st.Help
	}
}

// prepare brings the memo in step with the content, the box and the
// palette, and lets the tab on screen fill it.
func (m *Model) prepare() {
	m.memo.sync(memoKey{c: m.c, w: m.width, h: m.bodyH, look: m.st.look})
	m.tabs[m.active].Prepare(&m.st, &m.memo)
}

func (m *Model) handleKey(msg tea.KeyPressMsg) tea.Cmd {
	k := m.k.keys
	if key.Matches(msg, k.Interrupt) {
		return tea.Quit
	}
	// The help shown depends on the tab and its mode, and the body's
	// height on the help, so the layout follows every key.
	defer m.layout()
	if m.tabs[m.active].Capturing() {
		return m.updateTab(msg)
	}
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Help):
		m.showHelp = !m.showHelp
	case m.showHelp && key.Matches(msg, k.CloseHelp):
		m.showHelp = false
	case key.Matches(msg, k.Lang):
		m.lang = m.lang.Other()
		m.setContent()
	case m.configErr != nil && key.Matches(msg, k.Dismiss):
		m.configErr = nil
	case m.drilled && m.active == TabIndicators && key.Matches(msg, k.Back):
		m.active, m.drilled = m.back, false
	case m.active != TabIndicators && key.Matches(msg, k.Drill):
		return m.drill(msg)
	case key.Matches(msg, k.Cite):
		return m.cite()
	case key.Matches(msg, k.CopyTable):
		return m.copyTable()
	case key.Matches(msg, k.Next):
		m.active, m.drilled = (m.active+1)%numTabs, false
	case key.Matches(msg, k.Prev):
		m.active, m.drilled = (m.active+numTabs-1)%numTabs, false
	default:
		for i, b := range k.Tabs {
			if key.Matches(msg, b) {
				m.active, m.drilled = i, false
				return nil
			}
		}
		return m.updateTab(msg)
	}
	return nil
}

func (m *Model) updateTab(msg tea.Msg) tea.Cmd {
	t, cmd := m.tabs[m.active].Update(msg)
	m.tabs[m.active] = t
	return cmd
}

// setData swaps in a reloaded dataset.
func (m *Model) setData(ds *data.Dataset) {
	m.ds = ds
	if m.ownShared {
		m.shared.Use(ds)
	}
	m.setContent()
}

// setContent hands every tab the content of the dataset in the current
// language: the one path by which content reaches the tabs.
func (m *Model) setContent() {
	m.c = m.shared.content(m.ds, m.lang)
	m.k = m.keys.in(m.lang)
	for _, t := range m.tabs {
		t.SetContent(m.c, m.k)
	}
	m.layout()
}

// layout computes the content box and hands it to every tab: the one
// path by which sizes reach the tabs.
func (m *Model) layout() {
	m.help.SetWidth(m.width)
	m.bodyH = max(0, m.height-headerRows-m.footerHeight())
	for _, t := range m.tabs {
		t.SetSize(m.width, m.bodyH)
	}
}

// Active returns the index of the tab on screen.
func (m *Model) Active() int { return m.active }

// Lang returns the display language.
func (m *Model) Lang() Lang { return m.lang }

// HelpOpen reports whether the full help is showing.
func (m *Model) HelpOpen() bool { return m.showHelp }

// Dataset returns the dataset on screen.
func (m *Model) Dataset() *data.Dataset { return m.ds }

// LoadError returns the message of the last failed reload, if any, in
// the language on screen.
func (m *Model) LoadError() string { return m.loadErrText() }

// View renders the dashboard.
func (m *Model) View() tea.View {
	v := tea.NewView(m.Render())
	v.AltScreen = true
	v.MouseMode = tea.MouseModeCellMotion
	v.WindowTitle = "lzdash"
	return v
}

// Render draws the whole screen as a string; in ASCII mode, with no
// character of ambiguous width.
func (m *Model) Render() string {
	if m.st.ASCII {
		return foldASCII(m.draw())
	}
	return m.draw()
}

func (m *Model) draw() string {
	if m.width < MinWidth || m.height < MinHeight {
		if m.width <= 0 || m.height <= 0 {
			return ""
		}
		msg := fmt.Sprintf(m.c.t.TooSmall, MinWidth, MinHeight, m.width, m.height)
		return fit(wrapText(msg, m.width), m.width, m.height)
	}
	body := fit(m.tabs[m.active].View(&m.st, &m.memo), m.width, m.bodyH)
	if gap := m.bodyH - lipgloss.Height(body); gap > 0 {
		body += strings.Repeat("\n", gap)
	}
	rule := m.st.Faint.Render(strings.Repeat(m.st.Marks.Rule, m.width))
	// Each part is already cut to the width, and layout sized the body so
	// that the parts fill the height exactly.
	return strings.Join([]string{m.tabBar(), rule, body, m.footer()}, "\n")
}

// tabBar renders the tab titles, numbered, with the dataset title on the
// right when it fits.
func (m *Model) tabBar() string {
	var b strings.Builder
	for i := range numTabs {
		b.WriteString(m.tabTitle(i))
	}
	bar := b.String()
	title := m.st.Title.Render(name(m.ds.Title, m.lang))
	if gap := m.width - lipgloss.Width(bar) - lipgloss.Width(title); gap >= 2 {
		bar += strings.Repeat(" ", gap) + title
	}
	return bar
}

func (m *Model) tabTitle(i int) string {
	s := fmt.Sprintf("%d %s", i+1, m.c.t.Tabs[i])
	if i == m.active {
		return m.st.ActiveTab.Render(s)
	}
	return m.st.Tab.Render(s)
}

// tabAt finds the tab whose title covers column x of the tab bar.
func (m *Model) tabAt(x int) (int, bool) {
	left := 0
	for i := range numTabs {
		w := lipgloss.Width(m.tabTitle(i))
		if x >= left && x < left+w {
			return i, true
		}
		left += w
	}
	return 0, false
}
