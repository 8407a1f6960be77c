package plain

import (
	"bufio"
	"io"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"lzdash/data"
)

// MaxLine is the most characters a command line keeps; the rest of a
// longer line is dropped, and the line is refused.
const MaxLine = 200

// lineReader reads command lines from bytes no one vouches for: a pipe,
// a terminal, or an SSH visitor. It keeps printable characters only
// (those data.Sanitize keeps, and no control characters or escape
// sequences), at most MaxLine of them a line, so its memory is bounded
// however long a line is.
//
// With echo set it plays the part of a terminal's line discipline, for a
// pty that has none (an SSH session): it echoes what it keeps, erases
// with Backspace or Delete, ends the line on Enter (CR, LF or CR LF),
// and takes Ctrl-C, or Ctrl-D on an empty line, as the end of input.
type lineReader struct {
	in     *bufio.Reader
	echo   io.Writer // nil: the terminal echoes and edits itself
	lastCR bool
}

func newLineReader(in io.Reader, echo io.Writer) *lineReader {
	return &lineReader{in: bufio.NewReaderSize(in, 512), echo: echo}
}

// next returns the next line without its end, and whether it was cut;
// io.EOF when input ends (a last line without an end is returned first).
func (lr *lineReader) next() (line string, cut bool, err error) {
	var rs []rune
	for {
		r, size, err := lr.in.ReadRune()
		if err != nil {
			if len(rs) > 0 || cut {
				return string(rs), cut, nil
			}
			return "", false, io.EOF
		}
		wasCR := lr.lastCR
		lr.lastCR = r == '\r'
		switch {
		case r == '\n' && wasCR:
			continue // the LF of CR LF
		case r == '\r' || r == '\n':
			lr.write("\r\n")
			return string(rs), cut, nil
		case lr.echo != nil && (r == 0x03 || r == 0x04 && len(rs) == 0):
			lr.write("\r\n")
			return "", false, io.EOF
		case lr.echo != nil && (r == 0x08 || r == 0x7f):
			if len(rs) > 0 {
				w := max(ansi.StringWidth(string(rs[len(rs)-1])), 1)
				rs = rs[:len(rs)-1]
				for range w {
					lr.write("\b \b")
				}
			}
		case r == 0x1b:
			lr.skipSequence()
		case r == utf8.RuneError && size == 1, !keep(r):
			// invalid UTF-8 and characters that control a terminal
		case len(rs) >= MaxLine:
			cut = true
		default:
			rs = append(rs, r)
			lr.write(string(r))
		}
	}
}

// keep reports whether a character may be part of a command line.
func keep(r rune) bool {
	return unicode.IsPrint(r) && data.Sanitize(string(r)) == string(r)
}

// skipSequence drops the rest of an escape sequence (an arrow key, a
// function key, a paste mark) after its ESC: CSI and SS3 up to their
// final byte, a string (OSC, DCS and the like) up to its terminator, and
// any other one character. It reads at most MaxLine bytes.
func (lr *lineReader) skipSequence() {
	b, err := lr.in.ReadByte()
	if err != nil {
		return
	}
	final := func(c byte) bool { return c >= 0x40 && c <= 0x7e }
	switch b {
	case '[', 'O':
		for range MaxLine {
			c, err := lr.in.ReadByte()
			if err != nil || (b == 'O' || c != '[') && final(c) {
				return
			}
		}
	case ']', 'P', 'X', '^', '_':
		for range MaxLine {
			c, err := lr.in.ReadByte()
			if err != nil || c == 0x07 || c == '\\' {
				return
			}
		}
	}
}

func (lr *lineReader) write(s string) {
	if lr.echo != nil {
		_, _ = io.WriteString(lr.echo, s)
	}
}
