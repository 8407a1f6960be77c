package server

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// vt is a small terminal emulator for the tests: enough of xterm to
// replay what Bubble Tea and ultraviolet write (text of any width with
// auto-wrap, cursor moves, erasing, inserting and deleting characters and
// lines, scrolling regions, SGR, the alternate screen, DEC private modes
// and the title), so that two byte streams can be compared by the screen
// they leave rather than by their bytes.
type vt struct {
	w, h    int
	main    [][]vtCell
	alt     [][]vtCell
	scr     *[][]vtCell
	x, y    int
	pending bool // the last column was written: the next character wraps
	pen     vtPen
	saved   [2]vtSaved // main and alternate screens' DECSC
	top     int        // scrolling region, inclusive
	bottom  int
	modes   map[string]bool // "?1049", "?25", "4", ...
	title   string
	last    string // the last character printed, for REP
	parser  *ansi.Parser
	state   byte
	pendIn  []byte // an incomplete sequence at the end of the last write
}

type vtCell struct {
	s   string // "" for the right half of a wide character
	pen vtPen
}

type vtSaved struct {
	x, y int
	pen  vtPen
}

// vtPen is the SGR state, each attribute as the parameters that set it.
type vtPen struct {
	bold, faint, italic, blink, reverse, conceal, strike bool
	underline                                            int
	fg, bg, ul                                           string
}

func newVT(w, h int) *vt {
	v := &vt{w: w, h: h, modes: map[string]bool{"?25": true, "?7": true}, parser: ansi.NewParser()}
	v.main, v.alt = v.blank(), v.blank()
	v.scr = &v.main
	v.bottom = h - 1
	return v
}

func (v *vt) blank() [][]vtCell {
	s := make([][]vtCell, v.h)
	for i := range s {
		s[i] = v.blankLine(vtPen{})
	}
	return s
}

func (v *vt) blankLine(p vtPen) []vtCell {
	l := make([]vtCell, v.w)
	for i := range l {
		l[i] = vtCell{s: " ", pen: vtPen{bg: p.bg}}
	}
	return l
}

// Write feeds the emulator.
func (v *vt) Write(b []byte) (int, error) {
	n := len(b)
	b = append(v.pendIn, b...)
	v.pendIn = nil
	for len(b) > 0 {
		seq, width, k, st := ansi.DecodeSequenceWc(b, v.state, v.parser)
		if k == 0 || (st != ansi.NormalState && k == len(b)) {
			// An incomplete sequence: keep it for the next write.
			v.pendIn = append([]byte(nil), b...)
			v.state = ansi.NormalState
			return n, nil
		}
		v.state = st
		v.handle(seq, width)
		b = b[k:]
	}
	return n, nil
}

func (v *vt) handle(seq []byte, width int) {
	switch {
	case width > 0:
		v.print(string(seq), width)
	case len(seq) == 1:
		v.control(seq[0])
	case ansi.HasCsiPrefix(seq):
		v.csi(ansi.Cmd(v.parser.Command()), v.parser.Params())
	case ansi.HasOscPrefix(seq):
		data := string(v.parser.Data())
		if c, rest, ok := strings.Cut(data, ";"); ok && (c == "0" || c == "2") {
			v.title = rest
		}
	case ansi.HasEscPrefix(seq) && len(seq) == 2:
		switch seq[1] {
		case '7':
			v.saveCursor()
		case '8':
			v.restoreCursor()
		case 'M':
			v.reverseIndex()
		case 'D':
			v.lineFeed()
		case 'E':
			v.x = 0
			v.lineFeed()
		}
	}
}

func (v *vt) control(c byte) {
	switch c {
	case '\r':
		v.x, v.pending = 0, false
	case '\n', '\v', '\f':
		v.lineFeed()
	case '\b':
		if v.x > 0 {
			v.x--
		}
		v.pending = false
	case '\t':
		v.x = min(v.w-1, (v.x/8+1)*8)
		v.pending = false
	}
}

func (v *vt) print(s string, width int) {
	if v.pending && v.modes["?7"] {
		v.x = 0
		v.lineFeed()
	}
	if v.x+width > v.w {
		if !v.modes["?7"] {
			return
		}
		v.x = 0
		v.lineFeed()
	}
	line := (*v.scr)[v.y]
	if v.modes["4"] { // insert mode
		copy(line[v.x+width:], line[v.x:v.w-width])
	}
	v.clearWide(line, v.x, v.x+width)
	line[v.x] = vtCell{s: s, pen: v.pen}
	for i := 1; i < width; i++ {
		line[v.x+i] = vtCell{s: "", pen: v.pen}
	}
	v.last = s
	if v.x+width >= v.w {
		v.x, v.pending = v.w-1, true
	} else {
		v.x += width
		v.pending = false
	}
}

// clearWide blanks the other half of any wide character that cells from
// to to cut.
func (v *vt) clearWide(line []vtCell, from, to int) {
	if from > 0 && from < v.w && line[from].s == "" {
		line[from-1] = vtCell{s: " ", pen: line[from-1].pen}
	}
	for i := to; i < v.w && line[i].s == ""; i++ {
		line[i] = vtCell{s: " ", pen: line[i].pen}
	}
}

func (v *vt) lineFeed() {
	v.pending = false
	if v.y == v.bottom {
		v.scrollUp(v.top, v.bottom, 1)
		return
	}
	if v.y < v.h-1 {
		v.y++
	}
}

func (v *vt) reverseIndex() {
	v.pending = false
	if v.y == v.top {
		v.scrollDown(v.top, v.bottom, 1)
		return
	}
	if v.y > 0 {
		v.y--
	}
}

func (v *vt) scrollUp(top, bottom, n int) {
	s := *v.scr
	for range min(n, bottom-top+1) {
		copy(s[top:bottom], s[top+1:bottom+1])
		s[bottom] = v.blankLine(v.pen)
	}
}

func (v *vt) scrollDown(top, bottom, n int) {
	s := *v.scr
	for range min(n, bottom-top+1) {
		copy(s[top+1:bottom+1], s[top:bottom])
		s[top] = v.blankLine(v.pen)
	}
}

func (v *vt) saveCursor() {
	i := 0
	if v.scr == &v.alt {
		i = 1
	}
	v.saved[i] = vtSaved{x: v.x, y: v.y, pen: v.pen}
}

func (v *vt) restoreCursor() {
	i := 0
	if v.scr == &v.alt {
		i = 1
	}
	v.x, v.y, v.pen, v.pending = v.saved[i].x, v.saved[i].y, v.saved[i].pen, false
}

func (v *vt) moveTo(x, y int) {
	v.x, v.y, v.pending = min(max(x, 0), v.w-1), min(max(y, 0), v.h-1), false
}

func (v *vt) erase(line []vtCell, from, to int) {
	from, to = max(from, 0), min(to, v.w)
	if from >= to {
		return
	}
	v.clearWide(line, from, to)
	for i := from; i < to; i++ {
		line[i] = vtCell{s: " ", pen: vtPen{bg: v.pen.bg}}
	}
}

func (v *vt) csi(cmd ansi.Cmd, ps ansi.Params) {
	p := func(i, def int) int {
		n, _, _ := ps.Param(i, def)
		if n == 0 && def > 0 {
			return def
		}
		return n
	}
	if cmd.Intermediate() != 0 {
		return // DECRQM and other queries
	}
	switch cmd.Prefix() {
	case '?':
		if f := cmd.Final(); f == 'h' || f == 'l' {
			ps.ForEach(0, func(_, n int, _ bool) { v.decMode(n, f == 'h') })
		}
		return
	case 0:
	default:
		return // kitty keyboard, modifyOtherKeys and other prefixed sequences
	}
	s := *v.scr
	switch cmd.Final() {
	case 'A':
		v.moveTo(v.x, v.y-p(0, 1))
	case 'B':
		v.moveTo(v.x, v.y+p(0, 1))
	case 'C':
		v.moveTo(v.x+p(0, 1), v.y)
	case 'D':
		v.moveTo(v.x-p(0, 1), v.y)
	case 'E':
		v.moveTo(0, v.y+p(0, 1))
	case 'F':
		v.moveTo(0, v.y-p(0, 1))
	case 'G', '`':
		v.moveTo(p(0, 1)-1, v.y)
	case 'd':
		v.moveTo(v.x, p(0, 1)-1)
	case 'H', 'f':
		v.moveTo(p(1, 1)-1, p(0, 1)-1)
	case 'I':
		for range p(0, 1) {
			v.control('\t')
		}
	case 'Z':
		v.moveTo((v.x-1)/8*8, v.y)
	case 'J':
		switch p(0, 0) {
		case 0:
			v.erase(s[v.y], v.x, v.w)
			for y := v.y + 1; y < v.h; y++ {
				v.erase(s[y], 0, v.w)
			}
		case 1:
			v.erase(s[v.y], 0, v.x+1)
			for y := range v.y {
				v.erase(s[y], 0, v.w)
			}
		case 2, 3:
			for y := range v.h {
				v.erase(s[y], 0, v.w)
			}
		}
	case 'K':
		switch p(0, 0) {
		case 0:
			v.erase(s[v.y], v.x, v.w)
		case 1:
			v.erase(s[v.y], 0, v.x+1)
		case 2:
			v.erase(s[v.y], 0, v.w)
		}
	case 'X':
		v.erase(s[v.y], v.x, v.x+p(0, 1))
	case 'b':
		for range p(0, 1) {
			v.print(v.last, max(1, ansi.StringWidth(v.last)))
		}
	case '@':
		n := min(p(0, 1), v.w-v.x)
		line := s[v.y]
		copy(line[v.x+n:], line[v.x:v.w-n])
		v.erase(line, v.x, v.x+n)
	case 'P':
		n := min(p(0, 1), v.w-v.x)
		line := s[v.y]
		copy(line[v.x:], line[v.x+n:])
		v.erase(line, v.w-n, v.w)
	case 'L':
		if v.y >= v.top && v.y <= v.bottom {
			v.scrollDown(v.y, v.bottom, p(0, 1))
			v.x = 0
		}
	case 'M':
		if v.y >= v.top && v.y <= v.bottom {
			v.scrollUp(v.y, v.bottom, p(0, 1))
			v.x = 0
		}
	case 'S':
		v.scrollUp(v.top, v.bottom, p(0, 1))
	case 'T':
		v.scrollDown(v.top, v.bottom, p(0, 1))
	case 'r':
		top, bottom := p(0, 1)-1, p(1, v.h)-1
		if top < bottom && bottom < v.h {
			v.top, v.bottom = top, bottom
			v.moveTo(0, 0)
		}
	case 'h', 'l':
		ps.ForEach(0, func(_, n int, _ bool) { v.modes[strconv.Itoa(n)] = cmd.Final() == 'h' })
	case 'm':
		v.sgr(ps)
	}
}

func (v *vt) decMode(n int, on bool) {
	if n == 1049 {
		switch {
		case on && v.scr != &v.alt:
			v.saveCursor()
			v.scr = &v.alt
			v.alt = v.blank()
		case !on && v.scr == &v.alt:
			v.scr = &v.main
			v.restoreCursor()
		}
	}
	v.modes["?"+strconv.Itoa(n)] = on
}

func (v *vt) sgr(ps ansi.Params) {
	if len(ps) == 0 {
		v.pen = vtPen{}
		return
	}
	for i := 0; i < len(ps); i++ {
		n := ps[i].Param(0)
		switch {
		case n == 0:
			v.pen = vtPen{}
		case n == 1:
			v.pen.bold = true
		case n == 2:
			v.pen.faint = true
		case n == 3:
			v.pen.italic = true
		case n == 4:
			v.pen.underline = 1
			if ps[i].HasMore() && i+1 < len(ps) {
				i++
				v.pen.underline = ps[i].Param(0)
			}
		case n == 5 || n == 6:
			v.pen.blink = true
		case n == 7:
			v.pen.reverse = true
		case n == 8:
			v.pen.conceal = true
		case n == 9:
			v.pen.strike = true
		case n == 21:
			v.pen.underline = 2
		case n == 22:
			v.pen.bold, v.pen.faint = false, false
		case n == 23:
			v.pen.italic = false
		case n == 24:
			v.pen.underline = 0
		case n == 25:
			v.pen.blink = false
		case n == 27:
			v.pen.reverse = false
		case n == 28:
			v.pen.conceal = false
		case n == 29:
			v.pen.strike = false
		case n >= 30 && n <= 37 || n >= 90 && n <= 97:
			v.pen.fg = strconv.Itoa(n)
		case n == 39:
			v.pen.fg = ""
		case n >= 40 && n <= 47 || n >= 100 && n <= 107:
			v.pen.bg = strconv.Itoa(n)
		case n == 49:
			v.pen.bg = ""
		case n == 59:
			v.pen.ul = ""
		case n == 38 || n == 48 || n == 58:
			var c string
			c, i = extColor(ps, i)
			switch n {
			case 38:
				v.pen.fg = c
			case 48:
				v.pen.bg = c
			default:
				v.pen.ul = c
			}
		}
	}
}

// extColor reads the colour of a 38, 48 or 58 at ps[i], in its ; or :
// form, and returns it with the index of its last parameter.
func extColor(ps ansi.Params, i int) (string, int) {
	if i+1 >= len(ps) {
		return "", i
	}
	switch ps[i+1].Param(0) {
	case 5:
		if i+2 < len(ps) {
			return fmt.Sprintf("5;%d", ps[i+2].Param(0)), i + 2
		}
	case 2:
		// 38;2;r;g;b, or 38:2::r:g:b with a colour space id.
		j := i + 2
		if ps[i+1].HasMore() && i+5 < len(ps) && ps[i+5].HasMore() {
			j++
		}
		if j+2 < len(ps) {
			return fmt.Sprintf("2;%d;%d;%d", ps[j].Param(0), ps[j+1].Param(0), ps[j+2].Param(0)), j + 2
		}
	}
	return "", len(ps)
}

// screen returns the text of the screen on show, one line a row, with
// the right halves of wide characters left out.
func (v *vt) screen() string {
	var b strings.Builder
	for y, line := range *v.scr {
		if y > 0 {
			b.WriteByte('\n')
		}
		for _, c := range line {
			b.WriteString(c.s)
		}
	}
	return b.String()
}

// diff describes the first differences between the screens, styles and
// modes of v and o, or returns "" when they are the same.
func (v *vt) diff(o *vt) string {
	var out []string
	if v.w != o.w || v.h != o.h {
		return fmt.Sprintf("size %dx%d and %dx%d", v.w, v.h, o.w, o.h)
	}
	if (v.scr == &v.alt) != (o.scr == &o.alt) {
		out = append(out, "one is on the alternate screen, the other is not")
	}
	for _, m := range []string{"?25", "?2004", "?1000", "?1002", "?1003", "?1006", "?7", "4"} {
		if v.modes[m] != o.modes[m] {
			out = append(out, fmt.Sprintf("mode %s: %v and %v", m, v.modes[m], o.modes[m]))
		}
	}
	if v.title != o.title {
		out = append(out, fmt.Sprintf("title %q and %q", v.title, o.title))
	}
	a, b := *v.scr, *o.scr
	for y := range v.h {
		for x := range v.w {
			if a[y][x] != b[y][x] && len(out) < 10 {
				out = append(out, fmt.Sprintf("cell %d,%d: %+v and %+v", x, y, a[y][x], b[y][x]))
			}
		}
	}
	return strings.Join(out, "\n")
}
