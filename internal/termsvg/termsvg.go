// Package termsvg draws a rendered terminal screen, text with ANSI
// colours and styles, as an SVG picture with the screen's exact cell
// geometry: every character is placed at its column, a wide (CJK)
// character takes two, and colours, bold, faint, italic, underline and
// reverse video come from the cells. It reads the screen with
// ultraviolet's cell grid, the one Bubble Tea draws with.
package termsvg

import (
	"encoding/xml"
	"fmt"
	"image/color"
	"strings"
	"unicode/utf8"

	uv "github.com/charmbracelet/ultraviolet"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// Geometry of a cell, in SVG user units (pixels). The font's half-width
// advance is half an em, so a font size of 16 fills an 8-unit column.
const (
	CellWidth  = 8
	CellHeight = 18
	FontSize   = 16
	// baseline is the text baseline below the top of its row.
	baseline = 14
)

// FontFamily is the font stack: CJK-capable monospace fonts first, whose
// full-width characters are exactly two half-width columns.
const FontFamily = `'Noto Sans Mono CJK SC', 'Sarasa Mono SC', monospace`

// SymbolFamily is the font stack of the characters of ambiguous East
// Asian width (box drawing, blocks, braille, arrows, …) that the screen
// gives one column: CJK fonts draw them two columns wide, so fonts that
// draw them in one come first.
const SymbolFamily = `'Sarasa Mono SC', 'DejaVu Sans Mono', monospace`

// Options are the colours of cells that set none.
type Options struct {
	Foreground, Background color.Color
}

// Dark are the default colours of a dark terminal.
func Dark() Options {
	return Options{Foreground: color.RGBA{0xd8, 0xd8, 0xd8, 0xff}, Background: color.RGBA{0x1c, 0x1c, 0x1c, 0xff}}
}

// Render draws screen, lines of text with ANSI SGR sequences, on a grid
// of width by height cells, and returns the SVG document. What falls
// outside the grid is cut.
func Render(screen string, width, height int, o Options) []byte {
	buf := uv.NewScreenBuffer(width, height)
	buf.Method = ansi.GraphemeWidth
	screen = strings.ReplaceAll(screen, "\r\n", "\n")
	uv.NewStyledString(screen).Draw(buf, uv.Rect(0, 0, width, height))

	var b strings.Builder
	w, h := width*CellWidth, height*CellHeight
	fmt.Fprintf(&b, `<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">`+"\n", w, h, w, h)
	fmt.Fprintf(&b, `<rect width="100%%" height="100%%" fill="%s"/>`+"\n", hex(o.Background))
	fmt.Fprintf(&b, `<g font-family="%s" font-size="%d" xml:space="preserve">`+"\n", FontFamily, FontSize)
	for y := range height {
		runs := rowRuns(buf.Line(y), o)
		writeBackgrounds(&b, runs, y, hex(o.Background))
		for _, r := range runs {
			if r.blank() {
				continue
			}
			writeText(&b, r, y)
		}
	}
	b.WriteString("</g>\n</svg>\n")
	return []byte(b.String())
}

// run is a stretch of a row whose cells share one style.
type run struct {
	col, cols int
	// cells are the run's characters and the column of each.
	cells  []cell
	fg, bg string
	attrs  uint8
	under  bool
	// symbol marks a run of one-column characters of ambiguous width.
	symbol bool
}

type cell struct {
	col     int
	content string
}

// blank reports whether the run draws no character.
func (r run) blank() bool {
	if r.attrs&uv.AttrConceal != 0 {
		return true
	}
	for _, c := range r.cells {
		if strings.TrimSpace(c.content) != "" {
			return false
		}
	}
	return !r.under
}

// rowRuns splits a row into runs of cells of the same look.
func rowRuns(line uv.Line, o Options) []run {
	var runs []run
	for x := 0; x < len(line); x++ {
		c := line[x]
		if c.Width == 0 && c.Content == "" && x > 0 {
			continue // the second column of a wide character
		}
		content, width := c.Content, c.Width
		if content == "" || width <= 0 {
			content, width = " ", 1
		}
		fg, bg := colour(c.Style.Fg, o.Foreground), colour(c.Style.Bg, o.Background)
		if c.Style.Attrs&uv.AttrReverse != 0 {
			fg, bg = bg, fg
		}
		attrs := c.Style.Attrs &^ uv.AttrReverse
		under := c.Style.Underline != uv.UnderlineNone
		symbol := width == 1 && isSymbol(content)
		if n := len(runs); n > 0 && runs[n-1].fg == fg && runs[n-1].bg == bg && runs[n-1].attrs == attrs &&
			runs[n-1].under == under && runs[n-1].symbol == symbol && runs[n-1].col+runs[n-1].cols == x {
			r := &runs[n-1]
			r.cells = append(r.cells, cell{x, content})
			r.cols += width
		} else {
			runs = append(runs, run{col: x, cols: width, cells: []cell{{x, content}}, fg: fg, bg: bg, attrs: attrs, under: under, symbol: symbol})
		}
		x += width - 1
	}
	return runs
}

// writeBackgrounds writes one rectangle for each stretch of the row whose
// background is not the picture's.
func writeBackgrounds(b *strings.Builder, runs []run, y int, def string) {
	for i := 0; i < len(runs); {
		j, end := i+1, runs[i].col+runs[i].cols
		for j < len(runs) && runs[j].bg == runs[i].bg && runs[j].col == end {
			end += runs[j].cols
			j++
		}
		if runs[i].bg != def {
			fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d" fill="%s"/>`+"\n",
				runs[i].col*CellWidth, y*CellHeight, (end-runs[i].col)*CellWidth, CellHeight, runs[i].bg)
		}
		i = j
	}
}

// writeText writes one text element for r, each character in a tspan
// at its column: renderers that honour only the first of a list of x
// positions (librsvg) then place every character exactly too.
func writeText(b *strings.Builder, r run, y int) {
	fmt.Fprintf(b, `<text y="%d" fill="%s"`, y*CellHeight+baseline, r.fg)
	if r.symbol {
		fmt.Fprintf(b, ` font-family="%s"`, SymbolFamily)
	}
	if r.attrs&uv.AttrBold != 0 {
		b.WriteString(` font-weight="bold"`)
	}
	if r.attrs&uv.AttrFaint != 0 {
		b.WriteString(` fill-opacity="0.6"`)
	}
	if r.attrs&uv.AttrItalic != 0 {
		b.WriteString(` font-style="italic"`)
	}
	switch {
	case r.under && r.attrs&uv.AttrStrikethrough != 0:
		b.WriteString(` text-decoration="underline line-through"`)
	case r.under:
		b.WriteString(` text-decoration="underline"`)
	case r.attrs&uv.AttrStrikethrough != 0:
		b.WriteString(` text-decoration="line-through"`)
	}
	b.WriteString(">")
	for _, c := range r.cells {
		if c.content == " " && !r.under {
			continue // a space draws nothing
		}
		fmt.Fprintf(b, `<tspan x="%d">`, c.col*CellWidth)
		_ = xml.EscapeText(b, []byte(c.content)) // a strings.Builder does not fail
		b.WriteString("</tspan>")
	}
	b.WriteString("</text>\n")
}

// isSymbol reports whether s starts with a character of ambiguous East
// Asian width, other than a space.
func isSymbol(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r != ' ' && runewidth.IsAmbiguousWidth(r)
}

// colour is c as #rrggbb, or def when c is nil.
func colour(c, def color.Color) string {
	if c == nil {
		return hex(def)
	}
	return hex(c)
}

func hex(c color.Color) string {
	r, g, b, _ := c.RGBA()
	return fmt.Sprintf("#%02x%02x%02x", r>>8, g>>8, b>>8)
}
