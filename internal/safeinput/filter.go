package safeinput

// Caps on what passes the filter.
const (
	// maxCSIParams is the most parameters a CSI may carry: x/ansi's
	// parser has room for 32.
	maxCSIParams = 32
	// maxDCSParams is the most parameters a DCS may carry: uv's DCS
	// decoder has room for 16 and waits on a 17th.
	maxDCSParams = 16
	// maxSeqLen bounds a CSI or DCS header (ESC, introducer, parameters,
	// intermediates and final byte). Keys and terminal replies are far
	// shorter.
	maxSeqLen = 128
	// maxSS3Digits bounds the modifier digits of an SS3 key.
	maxSS3Digits = 2
	// maxString bounds the data of an OSC, DCS, APC, PM or SOS string.
	// Terminal replies (colours, clipboard, capabilities, versions) are
	// far shorter.
	maxString = 4096
	// maxPaste bounds a bracketed paste; past it the paste is ended and
	// the rest of it dropped.
	maxPaste = 64 << 10
	// maxJoiners bounds a run of code points that may extend a grapheme
	// cluster (combining marks, joiners, variation selectors, emoji
	// modifiers, Hangul jamo).
	maxJoiners = 32
)

// Control bytes.
const (
	bel = 0x07
	can = 0x18
	sub = 0x1a
	esc = 0x1b
	del = 0x7f
	st  = 0x9c // 8-bit string terminator
)

// closeCSI is the final byte that closes an aborted CSI or DCS header: uv
// decodes a CSI ending in it to UnknownCsiEvent and x/ansi reads it as a
// complete sequence.
const closeCSI = '}'

// closeSS3 closes an SS3 key cut short: uv decodes it to UnknownSs3Event.
const closeSS3 = '~'

// oscFiller is the data the filter gives an OSC that ends right after ';',
// which uv would otherwise decode to an UnknownEvent and wait on.
const oscFiller = '?'

// pasteEnd ends a bracketed paste.
const pasteEnd = "\x1b[201~"

type state uint8

const (
	ground    state = iota
	escape          // after ESC
	escInter        // after ESC and an intermediate byte
	escRune         // after ESC and part of a UTF-8 encoding
	csiHeader       // in a CSI or a DCS before its data
	ss3             // after ESC O
	x10             // the raw bytes of an X10 mouse report
	str             // in the data of a string (OSC, DCS, APC, PM, SOS)
	strEsc          // after an ESC in a string's data
	skip            // dropping the rest of an overlong string
	skipEsc         // after an ESC while dropping a string
	pasteSkip       // dropping the rest of an overlong paste
)

// header phases of a CSI or DCS.
const (
	hdrStart  = iota // right after the introducer: a prefix may come
	hdrParams        // parameters
	hdrInter         // intermediates
)

// filter is the state machine behind Reader. Its zero value is ready.
type filter struct {
	st state

	// the CSI or DCS header being passed
	dcs        bool // a DCS rather than a CSI
	seqLen     int  // bytes passed, ESC and introducer included
	seps       int  // parameter separators passed
	phase      int
	paramsFull bool // a separator was dropped: drop the rest of the parameters
	prefix     byte
	inter      byte
	interN     int  // intermediate bytes passed
	last       byte // the last byte passed
	first      int  // the value of the first parameter, or -1
	ss3Digits  int
	x10Left    int // raw mouse bytes still to pass

	// the string being passed
	kind     byte // ']' (OSC), 'P' (DCS), '_' (APC), '^' (PM), 'X' (SOS)
	strLen   int
	oscCmd   bool // an OSC still in its command number
	oscEmpty bool // an OSC right after the ';' that ends its number

	// bracketed paste
	paste    bool
	pasteLen int // bytes passed since the paste began
	endMatch int // bytes of pasteEnd matched while dropping a paste

	text text // UTF-8 and grapheme-cluster state

	// groundSeps counts the ';' and ':' in the run of parameter bytes
	// (0x30 to 0x3F) that text has passed last.
	groundSeps int

	// pause is set when an Esc or Alt key event begins that uv waits on
	// until its input pauses (a lone ESC, or ESC and one ASCII byte, at
	// the head of its buffer), and pauses records where in the output of
	// write such events end, so that Reader can pause there.
	pause  bool
	pauses []int
}

// write filters src and appends what passes to dst, noting in f.pauses
// the offsets in dst after which Reader pauses.
func (f *filter) write(dst, src []byte) []byte {
	for _, c := range src {
		n := len(dst)
		if f.paste && f.pasteLen >= maxPaste && f.st == ground {
			f.paste = false
			f.st = pasteSkip
			f.endMatch = 0
			f.text.reset()
			dst = append(dst, pasteEnd...)
		}
		was := f.paste
		dst = f.byte(dst, c)
		if was && f.paste {
			f.pasteLen += len(dst) - n
		}
		if f.pause && f.st == ground {
			f.pause = false
			f.pauses = append(f.pauses, len(dst))
		}
	}
	return dst
}

// expire closes what is open when uv has had no input for its
// EscTimeout: uv has then taken an incomplete sequence for a complete or
// an unknown one, and reads what comes next afresh, and so must the
// filter. In case uv has not got there yet, the sequence is closed as on
// an abort; if it has, the closer is a stray key. What the filter drops
// of an overlong string or paste it goes on dropping: it closed them for
// uv when it began to, so uv has nothing open and nothing to give up on,
// and a pause must not turn the rest of a string's data into keys.
func (f *filter) expire(dst []byte) []byte {
	switch f.st {
	case ground, skip, pasteSkip:
		return dst
	case csiHeader:
		dst = f.abortHeader(dst)
	case ss3:
		dst = append(dst, closeSS3)
	case str:
		if f.kind == 'P' {
			dst = append(dst, esc, '\\')
		} else {
			dst = append(dst, can)
		}
	case strEsc:
		dst = append(dst, '\\')
	}
	f.st = ground
	if f.pause {
		f.pause = false
		f.pauses = append(f.pauses, len(dst))
	}
	return dst
}

// byte filters one input byte.
func (f *filter) byte(dst []byte, c byte) []byte {
	switch f.st {
	case ground:
		return f.ground(dst, c)
	case escape:
		return f.escape(dst, c)
	case escInter:
		return f.escInter(dst, c)
	case escRune:
		if !f.text.continues(c) {
			// The encoding is invalid and dropped: c follows the ESC.
			f.text.reset()
			return f.escape(dst, c)
		}
		n := len(dst)
		dst = f.text.byte(dst, c)
		switch {
		case len(dst) > n:
			f.st = ground
		case f.text.need == 0:
			f.st = escape // a C1 control, dropped
		}
		return dst
	case csiHeader:
		return f.header(dst, c)
	case ss3:
		return f.ss3(dst, c)
	case x10:
		f.x10Left--
		if f.x10Left == 0 {
			f.st = ground
		}
		return append(dst, min(max(c, ' '), del))
	case str:
		return f.str(dst, c)
	case strEsc:
		return f.strEsc(dst, c)
	case skip:
		return f.skip(dst, c)
	case skipEsc:
		return f.skipEsc(dst, c)
	case pasteSkip:
		return f.pasteSkip(dst, c)
	}
	return dst
}

// ground filters a byte outside any sequence.
//
// Text never carries a run of parameter bytes with more than
// maxCSIParams-1 separators either. Whatever the filter's state, uv may
// still hold an ESC the filter took for finished (after a pause, if uv's
// goroutine was slow to see it), and would then read such a run as the
// parameters of a CSI: this rule keeps the crash out even then, at the
// cost of the 32nd semicolon in a row of typed or pasted text.
func (f *filter) ground(dst []byte, c byte) []byte {
	if c == esc {
		f.text.reset()
		f.groundSeps = 0
		f.st = escape
		return append(dst, c)
	}
	switch {
	case c == ';' || c == ':':
		if f.groundSeps >= maxCSIParams-1 {
			return dst
		}
		f.groundSeps++
	case c < 0x30 || c > 0x3f:
		f.groundSeps = 0
	}
	return f.text.byte(dst, c)
}

// escape filters the byte after an ESC.
func (f *filter) escape(dst []byte, c byte) []byte {
	f.st = ground
	switch {
	case c == '[' || c == 'P':
		f.startHeader(c == 'P')
	case c == ']' || c == '_' || c == '^' || c == 'X':
		f.st = str
		f.kind = c
		f.strLen = 0
		f.oscCmd = c == ']'
		f.oscEmpty = false
	case c == 'O':
		f.st = ss3
		f.ss3Digits = 0
	case c >= 0x80:
		// Alt and a non-ASCII key, if the encoding is valid: until it is
		// complete, what follows the ESC in the output is undecided.
		f.st = escape
		dst = f.text.byte(dst, c)
		if f.text.need > 0 {
			f.st = escRune
		}
		return dst
	case c == esc:
		// Esc, or Alt and the sequence that follows: uv may wait after
		// the first ESC until the input pauses.
		f.st = escape
		f.pause = true
	case c >= ' ' && c <= '/':
		// Alt and a key, on which uv waits until the input pauses.
		// x/ansi goes on reading an escape sequence after an
		// intermediate byte.
		f.st = escInter
		f.pause = true
	default:
		// Alt and a key, on which uv waits until the input pauses.
		f.pause = true
	}
	return append(dst, c)
}

// escInter filters a byte after ESC and intermediate bytes. x/ansi would
// read "[", "P", "]", "_", "^" or "X" here as the start of a CSI, DCS or
// string that uv, which saw Alt and a key, reads as text: those are
// dropped.
func (f *filter) escInter(dst []byte, c byte) []byte {
	switch {
	case c >= ' ' && c <= '/':
		return append(dst, c)
	case c == '[' || c == 'P' || c == ']' || c == '_' || c == '^' || c == 'X':
		return dst
	}
	f.st = ground
	return f.ground(dst, c)
}
