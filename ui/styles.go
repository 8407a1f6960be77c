package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
)

// Styles is every style the dashboard uses, built in one place from a
// small palette that follows the terminal's background.
type Styles struct {
	look Look
	// ASCII draws with ASCII borders and marks alone, for terminals that
	// draw characters of ambiguous East Asian width two columns wide.
	ASCII bool
	// Marks are the glyphs drawn as marks, in this mode.
	Marks Marks

	Title     lipgloss.Style
	Tab       lipgloss.Style
	ActiveTab lipgloss.Style
	Heading   lipgloss.Style
	Subtle    lipgloss.Style
	Faint     lipgloss.Style
	Value     lipgloss.Style
	Unit      lipgloss.Style
	Selected  lipgloss.Style
	Card      lipgloss.Style
	// CardLit is the highlighted card's: a heavier border.
	CardLit    lipgloss.Style
	Up         lipgloss.Style
	Down       lipgloss.Style
	Badge      lipgloss.Style
	Warn       lipgloss.Style
	Good       lipgloss.Style
	Bad        lipgloss.Style
	Notice     lipgloss.Style
	ErrorBar   lipgloss.Style
	Banner     lipgloss.Style // the config file's problem
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
	Lit  string // points at the highlighted item
}

// unicodeMarks and asciiMarks are the two sets of marks.
func unicodeMarks() Marks {
	return Marks{Cut: "…", Good: "✓", Bad: "✗", Rule: "─", Side: "│", Lit: "▸"}
}

func asciiMarks() Marks {
	return Marks{Cut: ".", Good: "v", Bad: "x", Rule: "-", Side: "|", Lit: ">"}
}

// Look is what the styles depend on: the terminal's background, its
// colour profile, whether it wants ASCII alone, and the high-contrast
// theme.
type Look struct {
	Dark bool
	// HighContrast draws every text in the foreground or a pure colour,
	// none faint or grey, the active tab in reverse video: see Theme.
	HighContrast bool
	// Profile is the terminal's colour profile; Unknown is taken for
	// full colour.
	Profile colorprofile.Profile
	// ASCII draws with ASCII borders and marks alone, for terminals that
	// draw characters of ambiguous East Asian width two columns wide.
	ASCII bool
}

// shade is one colour of the palette on a dark and a light background,
// chosen by hand for 256 colours and for full colour. On 16 colours the
// palette does not follow the background, which the terminal may not
// report: see sixteen.
type shade struct {
	dark, light       string // full colour
	dark256, light256 string
	ansi              string // 16 colours; "" is the terminal's own foreground
}

func (c shade) in(l Look) color.Color {
	var v string
	switch {
	case l.Profile == colorprofile.ANSI && c.ansi == "":
		return lipgloss.NoColor{}
	case l.Profile == colorprofile.ANSI:
		v = c.ansi
	case l.Profile == colorprofile.ANSI256 && l.Dark:
		v = c.dark256
	case l.Profile == colorprofile.ANSI256:
		v = c.light256
	case l.Dark:
		v = c.dark
	default:
		v = c.light
	}
	return lipgloss.Color(v)
}

// NewStyles builds the styles for a look.
//
// On 16 colours, text, borders and faint text take the terminal's own
// foreground (faint text by the faint attribute), since each of the 16
// colours vanishes on some console: black (30) on a black one, white and
// bright black on others. On 256 and full colours, borders and faint
// text are mid greys, which show on black and on white whichever
// background the terminal reports.
func NewStyles(l Look) Styles {
	var (
		fg      = shade{"#E6EDF3", "#1F2328", "255", "235", ""}.in(l)
		subtle  = shade{"#9DA7B3", "#57606A", "249", "241", ""}.in(l)
		faint   = shade{"#8B949E", "#6E7781", "245", "244", ""}.in(l)
		accent  = shade{"#58A6FF", "#0969DA", "75", "26", "4"}.in(l)
		accentB = shade{"#1F3A5F", "#DDF4FF", "24", "153", ""}.in(l)
		green   = shade{"#3FB950", "#1A7F37", "71", "28", "2"}.in(l)
		red     = shade{"#F85149", "#CF222E", "203", "160", "1"}.in(l)
		amber   = shade{"#D29922", "#9A6700", "178", "136", "3"}.in(l)
		borderC = shade{"#6E7681", "#8C959F", "243", "247", ""}.in(l)
		sixteen = l.Profile == colorprofile.ANSI
	)
	if l.HighContrast {
		// Pure white or black text, the same for what is otherwise grey;
		// colours at full strength; no faint attribute.
		fg = shade{"#FFFFFF", "#000000", "231", "16", ""}.in(l)
		subtle, faint, borderC = fg, fg, fg
		accent = shade{"#00FFFF", "#0000CC", "51", "20", ""}.in(l)
		green = shade{"#00FF00", "#005F00", "46", "22", "2"}.in(l)
		red = shade{"#FF5F5F", "#AF0000", "203", "124", "1"}.in(l)
		amber = shade{"#FFFF00", "#805000", "226", "94", "3"}.in(l)
		sixteen = false
	}
	s := Styles{look: l, ASCII: l.ASCII, Marks: unicodeMarks()}
	border, heavy := lipgloss.RoundedBorder(), lipgloss.ThickBorder()
	if l.ASCII {
		s.Marks, border, heavy = asciiMarks(), lipgloss.ASCIIBorder(), asciiHeavyBorder()
	}
	s.Title = lipgloss.NewStyle().Bold(true).Foreground(accent)
	s.Tab = lipgloss.NewStyle().Foreground(subtle).Padding(0, 1)
	s.ActiveTab = lipgloss.NewStyle().Bold(true).Underline(true).Foreground(accent).Background(accentB).Padding(0, 1)
	s.Heading = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Subtle = lipgloss.NewStyle().Foreground(subtle)
	s.Faint = lipgloss.NewStyle().Foreground(faint).Faint(sixteen)
	s.Value = lipgloss.NewStyle().Bold(true).Foreground(fg)
	s.Unit = lipgloss.NewStyle().Foreground(subtle)
	s.Selected = lipgloss.NewStyle().Bold(true).Reverse(true)
	s.Card = lipgloss.NewStyle().Border(border).BorderForeground(borderC).Padding(0, 1)
	s.CardLit = lipgloss.NewStyle().Border(heavy).BorderForeground(accent).Padding(0, 1)
	s.Up = lipgloss.NewStyle().Foreground(green)
	s.Down = lipgloss.NewStyle().Foreground(red)
	s.Badge = lipgloss.NewStyle().Foreground(amber)
	s.Warn = lipgloss.NewStyle().Foreground(amber)
	s.Good = lipgloss.NewStyle().Foreground(green)
	s.Bad = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Notice = lipgloss.NewStyle().Foreground(green).Bold(true)
	s.ErrorBar = lipgloss.NewStyle().Foreground(red).Bold(true)
	s.Banner = lipgloss.NewStyle().Foreground(amber).Bold(true)
	s.Quote = lipgloss.NewStyle().Foreground(subtle).Italic(true)
	s.Bar = lipgloss.NewStyle().Foreground(accent)
	s.BarEmpty = lipgloss.NewStyle().Foreground(faint).Faint(sixteen)
	s.Chart = lipgloss.NewStyle().Foreground(accent)
	s.TargetLine = lipgloss.NewStyle().Foreground(amber)
	s.Category = lipgloss.NewStyle().Bold(true).Foreground(subtle)
	s.Filter = lipgloss.NewStyle().Foreground(accent)
	s.TableHead = lipgloss.NewStyle().Bold(true).Foreground(subtle)
	s.Block = lipgloss.NewStyle()
	key := lipgloss.NewStyle().Foreground(subtle)
	if l.HighContrast {
		// Reverse video shows on any background; bold marks what is
		// otherwise told apart by shade alone.
		s.ActiveTab = lipgloss.NewStyle().Bold(true).Underline(true).Reverse(true).Padding(0, 1)
		s.Category = s.Category.Underline(true)
		s.TableHead = s.TableHead.Underline(true)
		key = key.Bold(true)
	}
	desc := lipgloss.NewStyle().Foreground(faint).Faint(sixteen)
	s.Help = help.Styles{
		ShortKey: key, ShortDesc: desc, ShortSeparator: desc, Ellipsis: desc,
		FullKey: key, FullDesc: desc, FullSeparator: desc,
	}
	return s
}

// asciiHeavyBorder is the highlighted card's border in ASCII mode, which
// tells it from ASCIIBorder's + - | without colour.
func asciiHeavyBorder() lipgloss.Border {
	return lipgloss.Border{
		Top: "=", Bottom: "=", Left: "#", Right: "#",
		TopLeft: "#", TopRight: "#", BottomLeft: "#", BottomRight: "#",
	}
}
