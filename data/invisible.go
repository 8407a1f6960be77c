package data

import (
	"fmt"
	"strings"
	"unicode"
)

// invisibleName names the invisible characters lzdash refuses that are
// not variation selectors or tags, which are named by number, and is ""
// for any other.
func invisibleName(r rune) string {
	switch r {
	case 0x00AD:
		return "SOFT HYPHEN"
	case 0x0600:
		return "ARABIC NUMBER SIGN"
	case 0x0601:
		return "ARABIC SIGN SANAH"
	case 0x0602:
		return "ARABIC FOOTNOTE MARKER"
	case 0x0603:
		return "ARABIC SIGN SAFHA"
	case 0x0604:
		return "ARABIC SIGN SAMVAT"
	case 0x0605:
		return "ARABIC NUMBER MARK ABOVE"
	case 0x061C:
		return "ARABIC LETTER MARK"
	case 0x06DD:
		return "ARABIC END OF AYAH"
	case 0x070F:
		return "SYRIAC ABBREVIATION MARK"
	case 0x0890:
		return "ARABIC POUND MARK ABOVE"
	case 0x0891:
		return "ARABIC PIASTRE MARK ABOVE"
	case 0x08E2:
		return "ARABIC DISPUTED END OF AYAH"
	case 0x115F:
		return "HANGUL CHOSEONG FILLER"
	case 0x1160:
		return "HANGUL JUNGSEONG FILLER"
	case 0x180B:
		return "MONGOLIAN FREE VARIATION SELECTOR ONE"
	case 0x180C:
		return "MONGOLIAN FREE VARIATION SELECTOR TWO"
	case 0x180D:
		return "MONGOLIAN FREE VARIATION SELECTOR THREE"
	case 0x180E:
		return "MONGOLIAN VOWEL SEPARATOR"
	case 0x180F:
		return "MONGOLIAN FREE VARIATION SELECTOR FOUR"
	case 0x200B:
		return "ZERO WIDTH SPACE"
	case 0x200C:
		return "ZERO WIDTH NON-JOINER"
	case 0x200D:
		return "ZERO WIDTH JOINER"
	case 0x200E:
		return "LEFT-TO-RIGHT MARK"
	case 0x200F:
		return "RIGHT-TO-LEFT MARK"
	case 0x2028:
		return "LINE SEPARATOR"
	case 0x2029:
		return "PARAGRAPH SEPARATOR"
	case 0x202A:
		return "LEFT-TO-RIGHT EMBEDDING"
	case 0x202B:
		return "RIGHT-TO-LEFT EMBEDDING"
	case 0x202C:
		return "POP DIRECTIONAL FORMATTING"
	case 0x202D:
		return "LEFT-TO-RIGHT OVERRIDE"
	case 0x202E:
		return "RIGHT-TO-LEFT OVERRIDE"
	case 0x2060:
		return "WORD JOINER"
	case 0x2061:
		return "FUNCTION APPLICATION"
	case 0x2062:
		return "INVISIBLE TIMES"
	case 0x2063:
		return "INVISIBLE SEPARATOR"
	case 0x2064:
		return "INVISIBLE PLUS"
	case 0x2066:
		return "LEFT-TO-RIGHT ISOLATE"
	case 0x2067:
		return "RIGHT-TO-LEFT ISOLATE"
	case 0x2068:
		return "FIRST STRONG ISOLATE"
	case 0x2069:
		return "POP DIRECTIONAL ISOLATE"
	case 0x206A:
		return "INHIBIT SYMMETRIC SWAPPING"
	case 0x206B:
		return "ACTIVATE SYMMETRIC SWAPPING"
	case 0x206C:
		return "INHIBIT ARABIC FORM SHAPING"
	case 0x206D:
		return "ACTIVATE ARABIC FORM SHAPING"
	case 0x206E:
		return "NATIONAL DIGIT SHAPES"
	case 0x206F:
		return "NOMINAL DIGIT SHAPES"
	case 0x3164:
		return "HANGUL FILLER"
	case 0xFEFF:
		return "ZERO WIDTH NO-BREAK SPACE"
	case 0xFFA0:
		return "HALFWIDTH HANGUL FILLER"
	case 0xFFF9:
		return "INTERLINEAR ANNOTATION ANCHOR"
	case 0xFFFA:
		return "INTERLINEAR ANNOTATION SEPARATOR"
	case 0xFFFB:
		return "INTERLINEAR ANNOTATION TERMINATOR"
	case 0xE0001:
		return "LANGUAGE TAG"
	case 0xE007F:
		return "CANCEL TAG"
	}
	return ""
}

// isInvisible reports whether r is drawn as nothing, or as something a
// terminal cannot be relied on to measure, while it can change how the
// text around it is shown: a format character (category Cf, which holds
// the bidi controls and the zero-width characters), a line or paragraph
// separator, a Hangul filler, a tag character or a variation selector.
func isInvisible(r rune) bool {
	switch {
	case r < 0xAD, r > 0x3164 && r < 0xFE00:
		// ASCII, Latin-1, and the CJK and Hangul blocks hold none.
		return false
	case r >= 0xFE00 && r <= 0xFE0F, r >= 0xE0100 && r <= 0xE01EF, r >= 0xE0000 && r <= 0xE007F:
		return true
	case r == 0x2065:
		return true // unassigned, between the bidi isolates and the shaping controls
	}
	return invisibleName(r) != "" || unicode.Is(unicode.Cf, r)
}

// describeRune names r for a message: "control character U+001B",
// "invisible character U+200B ZERO WIDTH SPACE".
func describeRune(r rune) string {
	if !isInvisible(r) {
		return fmt.Sprintf("control character %U", r)
	}
	name := invisibleName(r)
	switch {
	case r >= 0xFE00 && r <= 0xFE0F:
		name = fmt.Sprintf("VARIATION SELECTOR-%d", r-0xFE00+1)
	case r >= 0xE0100 && r <= 0xE01EF:
		name = fmt.Sprintf("VARIATION SELECTOR-%d", r-0xE0100+17)
	case r >= 0xE0041 && r <= 0xE005A:
		name = fmt.Sprintf("TAG LATIN CAPITAL LETTER %c", r-0xE0000)
	case r >= 0xE0061 && r <= 0xE007A:
		name = fmt.Sprintf("TAG LATIN SMALL LETTER %c", r-0xE0000+'A'-'a')
	case r >= 0xE0030 && r <= 0xE0039:
		name = "TAG DIGIT " + strings.Fields("ZERO ONE TWO THREE FOUR FIVE SIX SEVEN EIGHT NINE")[r-0xE0030]
	}
	if name == "" {
		return fmt.Sprintf("invisible character %U", r)
	}
	return fmt.Sprintf("invisible character %U %s", r, name)
}

// strayMark reports whether r is a combining mark with nothing to combine
// with: at the start of a text, after a space, or after a character that
// is not shown. prev is the rune before r, or -1 at the start.
func strayMark(prev, r rune) bool {
	if r < 0x300 || (r >= 0x3100 && r < 0xA66F) { // no marks among CJK ideographs
		return false
	}
	return (prev < 0 || unicode.IsSpace(prev) || isControl(prev)) && unicode.Is(unicode.M, r)
}

// textProblem says what makes s unfit to show, or "" when nothing does:
// a control or invisible character, or a combining mark with nothing to
// combine with.
func textProblem(s string) string {
	prev := rune(-1)
	for _, r := range s {
		switch {
		case isControl(r):
			return describeRune(r) + " is not allowed in text"
		case strayMark(prev, r) && prev < 0:
			return fmt.Sprintf("combining mark %U at the start of the text is not allowed: it has nothing to combine with", r)
		case strayMark(prev, r):
			return fmt.Sprintf("combining mark %U after a space is not allowed: it has nothing to combine with", r)
		}
		prev = r
	}
	return ""
}

// hasUnshowable reports whether textProblem finds anything in s.
func hasUnshowable(s string) bool {
	prev := rune(-1)
	for _, r := range s {
		// Printable ASCII, and the CJK and Hangul blocks, hold nothing to
		// refuse: most text is checked without a table lookup.
		if (r >= 0x20 && r < 0x7f) || (r > 0x3164 && r < 0xA66F) {
			prev = r
			continue
		}
		if isControl(r) || strayMark(prev, r) {
			return true
		}
		prev = r
	}
	return false
}

// stripUnshowable is Sanitize's slow path.
func stripUnshowable(s string) string {
	var b strings.Builder
	prev := rune(-1)
	for _, r := range s {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == 0x2028 || r == 0x2029:
			b.WriteByte(' ')
			r = ' '
		case isControl(r) || strayMark(prev, r):
		default:
			b.WriteRune(r)
		}
		prev = r
	}
	return b.String()
}
