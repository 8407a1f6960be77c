package ui

import (
	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
)

// Styles is every style the dashboard uses, built in one place from a
// small palette that follows the terminal's background.
type Styles struct {
	isDark bool
	// ASCII draws with ASCII borders and marks alone, for terminals that
	// draw characters of ambiguous East Asian width two columns wide.
	ASCII bool
	// Marks are the glyphs drawn as marks, in this mode.
	Marks Marks

	Title      lipgloss.Style
	Tab        lipgloss.Style
	ActiveTab  lipgloss.Style
	Heading    lipgloss.Style
	Subtle     lipgloss.Style
	Faint      lipgloss.Style
	Value      lipgloss.Style
	Unit       lipgloss.Style
	Selected   lipgloss.Style
	Card       lipgloss.Style
	Up         lipgloss.Style
	Down       lipgloss.Style
	Badge      lipgloss.Style
	Warn       lipgloss.Style
	Good       lipgloss.Style
	Bad        lipgloss.Style
	Notice     lipgloss.Style
	ErrorBar   lipgloss.Style
	Quote      lipgloss.Style
	Bar        lipgloss.Style
	BarEmpty   lipgloss.Style
	Chart      lipgloss.Style
	TargetLine lipgloss.Style
	Category   lipgloss.Style
	Filter     lipgloss.Style
	TableHead  lipgloss.Style
	// Block is the base of a block of text set to a width, for columns
	// laid side by side.
	Block lipgloss.Style

	Help help.Styles
}

// Marks are the glyphs the dashboard draws as marks. In ASCII mode each is
// ASCII; otherwise each is one column wide in every terminal, and the
// ones of ambiguous East Asian width are kept out of alignment.
type Marks struct {
	Cut  string // ends text cut to fit
	Good string // a target met, a notice
	Bad  string // a target missed, an error
	Rule string // one column of a horizontal rule
	Side string // one row of a vertical rule
}

// unicodeMarks and asciiMarks are the two sets of marks.
func unicodeMarks() Marks {
	return Marks{Cut: "~", Good: "✓", Bad: "✗", Rule: "─", Side: "│"}
}

func asciiMarks() Marks {
	return Marks{Cut: "~", Good: "v", Bad: "x", Rule: "-", Side: "|"}
}

// NewStyles builds the styles for a dark or light background, with
// ASCII borders and marks when ascii is set.
func NewStyles(isDark, ascii bool) Styles {
	ld := lipgloss.LightDark(isDark)
	var (
		fg      = ld(lipgloss.Color("#1F2328"), lipgloss.Color("#E6EDF3"))
		subtle  = ld(lipgloss.Color("#57606A"), lipgloss.Color("#9DA7B3"))
		faint   = ld(lipgloss.Color("#8C959F"), lipgloss.Color("#6E7681"))
		accent  = ld(lipgloss.Color("#0969DA"), lipgloss.Color("#58A6FF"))
		accentB = ld(lipgloss.Color("#DDF4FF"), lipgloss.Color("#1F3A5F"))
		green   = ld(lipgloss.Color("#1A7F37"), lipgloss.Color("#3FB950"))
		red     = ld(lipgloss.Color("#CF222E"), lipgloss.Color("#F85149"))
		amber   = ld(lipgloss.Color("#9A6700"), lipgloss.Color("#D29922"))
		borderC = ld(lipgloss.Color("#D0D7DE"), lipgloss.Color("#30363D"))
	)
	s := Styles{isDark: isDark, ASCII: ascii, Marks: unicodeMarks()}
	border := lipgloss.RoundedBorder()
	if ascii {
		s.Marks, border = asciiMarks(), lipgloss.ASCIIBorder()
	}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Tab = lipgloss.NewStyle().Foreground(subtle).Padding(0, 1)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent).Background(accentB).Padding(0, 1)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Faint = lipgloss.NewStyle().Foreground(faint)
	s.Value = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Unit = lipgloss.NewStyle().Foreground(subtle)
	s.Selected = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.Card = lipgloss.NewStyle().Border(border).BorderForeground(borderC).Padding(0, 1)
	s.Up = lipgloss.NewStyle().Foreground(green)
	s.Down = lipgloss.NewStyle().Foreground(red)
	s.Badge = lipgloss.NewStyle().Foreground(amber)
	s.Warn = lipgloss.NewStyle().Foreground(amber)
	s.Good = lipgloss.NewStyle().Foreground(green)
	s.Bad = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Notice = lipgloss.NewStyle().Foreground(green).Bold(true)
	s.ErrorBar = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Quote = lipgloss.NewStyle().Foreground(subtle).Italic(true)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.BarEmpty = lipgloss.NewStyle().Foreground(faint)
	s.Chart = lipgloss.NewStyle().Foreground(accent)
	s.TargetLine = lipgloss.NewStyle().Foreground(amber)
	s.Category = lipgloss.NewStyle().Bold(true).Foreground(subtle)
	s.Filter = lipgloss.NewStyle().Foreground(accent)
	s.TableHead = lipgloss.NewStyle().Bold(true).Foreground(subtle)
	s.Block = lipgloss.NewStyle()
	s.Help = help.DefaultStyles(isDark)
	return s
}
