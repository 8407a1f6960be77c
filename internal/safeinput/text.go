package safeinput

import (
	"unicode"
	"unicode/utf8"
)

// text filters bytes outside sequences: it passes ASCII and valid UTF-8
// without C1 controls, and bounds the runs of code points that may join a
// grapheme cluster.
type text struct {
	buf    [utf8.UTFMax]byte // an incomplete encoding
	n      int               // bytes in buf
	need   int               // bytes the encoding still needs
	lo, hi byte              // the range of its next byte
	prev   rune              // the last code point passed, 0 after a control
	joins  int               // code points in a row that may join a cluster
	linker bool              // a virama, maybe followed by extenders, came last
	ri     int               // regional indicators in a row
}

// reset drops an incomplete encoding and starts a new cluster, as after a
// control.
func (t *text) reset() {
	t.n, t.need = 0, 0
	t.prev, t.joins, t.linker, t.ri = 0, 0, false, 0
}

// byte filters one byte that is not ESC.
func (t *text) byte(dst []byte, c byte) []byte {
	if t.need > 0 {
		if c >= t.lo && c <= t.hi {
			t.buf[t.n] = c
			t.n++
			t.need--
			t.lo, t.hi = 0x80, 0xbf
			if t.need > 0 {
				return dst
			}
			r, _ := utf8.DecodeRune(t.buf[:t.n])
			n := t.n
			t.n = 0
			if r <= 0x9f { // U+0080 to U+009F: C1 controls
				return dst
			}
			if !t.rune(r) {
				return dst
			}
			return append(dst, t.buf[:n]...)
		}
		// Not a continuation: the incomplete encoding is dropped and
		// the byte read afresh.
		t.n, t.need = 0, 0
	}
	switch {
	case c < ' ' || c == del:
		t.reset()
		return append(dst, c)
	case c < 0x80:
		if !t.rune(rune(c)) {
			return dst
		}
		return append(dst, c)
	case c >= 0xc2 && c <= 0xdf:
		t.start(c, 1, 0x80, 0xbf)
	case c == 0xe0:
		t.start(c, 2, 0xa0, 0xbf) // no overlong encodings
	case c == 0xed:
		t.start(c, 2, 0x80, 0x9f) // no surrogates
	case c >= 0xe1 && c <= 0xef:
		t.start(c, 2, 0x80, 0xbf)
	case c == 0xf0:
		t.start(c, 3, 0x90, 0xbf)
	case c >= 0xf1 && c <= 0xf3:
		t.start(c, 3, 0x80, 0xbf)
	case c == 0xf4:
		t.start(c, 3, 0x80, 0x8f) // nothing past U+10FFFF
	}
	// Anything else (continuation bytes out of place, raw C1 controls,
	// 0xc0, 0xc1 and 0xf5 to 0xff) is dropped.
	return dst
}

// continues reports whether c continues an incomplete encoding.
func (t *text) continues(c byte) bool {
	return t.need > 0 && c >= t.lo && c <= t.hi
}

// start begins a multi-byte encoding.
func (t *text) start(c byte, need int, lo, hi byte) {
	t.buf[0] = c
	t.n, t.need, t.lo, t.hi = 1, need, lo, hi
}

// rune reports whether r passes, as it does unless it is one joiner too
// many, and notes it if it does.
func (t *text) rune(r rune) bool {
	if t.mayJoin(r) {
		if t.joins == maxJoiners {
			return false
		}
		t.joins++
	} else {
		t.joins = 0
	}
	switch {
	case isLinker(r):
		t.linker = true
	case !extends(r):
		t.linker = false
	}
	if isRegional(r) {
		t.ri++
	} else {
		t.ri = 0
	}
	t.prev = r
	return true
}

// mayJoin reports whether r may continue a grapheme cluster after the code
// points passed, erring towards yes: it must be true wherever uv's or
// x/ansi's Unicode segmentation (UAX #29, in whichever Unicode version)
// joins them, so that bounding the runs it is true for bounds every
// cluster.
func (t *text) mayJoin(r rune) bool {
	switch {
	case isPrepend(t.prev): // GB9b, and GB11 after a ZWJ (a format character)
		return true
	case r < 0x80:
		return false
	case extends(r): // GB9, GB9a: extenders, joiners, spacing marks
		return true
	case t.linker: // GB9c: a consonant after a virama
		return true
	case isRegional(r): // GB12, GB13: the second of a pair
		return t.ri%2 == 1
	}
	return hangulJoins(t.prev, r)
}

// isLinker reports whether r may be a virama that joins the consonants
// around it (Indic_Conjunct_Break=Linker): a nonspacing mark of the
// Indic scripts.
func isLinker(r rune) bool {
	return r >= 0x0900 && r <= 0x0dff && unicode.Is(unicode.Mn, r)
}

// extends reports whether r is a mark, a format character (ZWJ, ZWNJ, tag
// characters), an emoji modifier, one of the few other extenders or spacing
// marks, or unassigned in Go's tables (so maybe a mark of a newer Unicode).
func extends(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r >= 0x1f3fb && r <= 0x1f3ff, // emoji modifiers
		r == 0xff9e, r == 0xff9f, // halfwidth katakana sound marks
		r == 0x0e33, r == 0x0eb3: // Thai and Lao sara am
		return true
	case r >= 0x4e00 && r <= 0x9fff, unicode.IsLetter(r): // the common case first
		return false
	case unicode.In(r, unicode.Mn, unicode.Me, unicode.Mc, unicode.Cf):
		return true
	}
	return !unicode.In(r, unicode.N, unicode.P, unicode.S, unicode.Z, unicode.Cc, unicode.Co)
}

// isPrepend reports whether r may be a prepended concatenation mark
// (Grapheme_Cluster_Break=Prepend): all of them are format characters but
// these letters.
func isPrepend(r rune) bool {
	switch {
	case r < 0x80:
		return false
	case r == 0x0d4e, r == 0x111c2, r == 0x111c3, r == 0x1193f, r == 0x11941,
		r == 0x11a3a, r >= 0x11a84 && r <= 0x11a89, r == 0x11d46, r == 0x11f02:
		return true
	}
	return unicode.Is(unicode.Cf, r)
}

func isRegional(r rune) bool { return r >= 0x1f1e6 && r <= 0x1f1ff }

// Hangul syllable types (UAX #29 GB6 to GB8).
const (
	hangulNone = iota
	hangulL
	hangulV
	hangulT
	hangulLV
	hangulLVT
)

func hangulType(r rune) int {
	switch {
	case r >= 0x1100 && r <= 0x115f, r >= 0xa960 && r <= 0xa97c:
		return hangulL
	case r >= 0x1160 && r <= 0x11a7, r >= 0xd7b0 && r <= 0xd7c6:
		return hangulV
	case r >= 0x11a8 && r <= 0x11ff, r >= 0xd7cb && r <= 0xd7fb:
		return hangulT
	case r >= 0xac00 && r <= 0xd7a3:
		if (r-0xac00)%28 == 0 {
			return hangulLV
		}
		return hangulLVT
	}
	return hangulNone
}

// hangulJoins reports whether Hangul r continues a syllable after prev.
func hangulJoins(prev, r rune) bool {
	p, n := hangulType(prev), hangulType(r)
	switch p {
	case hangulL:
		return n != hangulNone && n != hangulT
	case hangulLV, hangulV:
		return n == hangulV || n == hangulT
	case hangulLVT, hangulT:
		return n == hangulT
	}
	return false
}
