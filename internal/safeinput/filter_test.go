package safeinput

import (
	"strings"
	"testing"
)

// run filters s in one write.
func run(s string) string {
	var f filter
	return string(f.write(nil, []byte(s)))
}

// runBytes filters s one byte at a time.
func runBytes(s string) string {
	var f filter
	var out []byte
	for i := 0; i < len(s); i++ {
		out = f.write(out, []byte{s[i]})
	}
	return string(out)
}

var semis = strings.Repeat(";", 32)

// filterCases are exact outputs for each rule.
var filterCases = []struct {
	name, in, out string
}{
	// Text.
	{"ascii", "hello q", "hello q"},
	{"semicolon run", strings.Repeat(";", 40) + "x" + strings.Repeat("1;", 35), strings.Repeat(";", 31) + "x" + strings.Repeat("1;", 31) + "1111"},
	{"controls", "\r\t\x03\x7f\x00", "\r\t\x03\x7f\x00"},
	{"utf8", "兰州 é 😀", "兰州 é 😀"},
	{"stray continuation", "a\x80b\xbfc", "abc"},
	{"bad leads", "a\xc0\xafb\xc1\xbfc\xf5\x80\x80\x80d\xffe", "a" + "b" + "c" + "d" + "e"},
	{"overlong", "a\xe0\x80\xafb", "ab"},
	{"surrogate", "a\xed\xa0\x80b", "ab"},
	{"past U+10FFFF", "a\xf4\x90\x80\x80b", "ab"},
	{"truncated rune then ascii", "a\xe5\x85b", "ab"},
	{"raw C1", "a\x9b1;1Rb\x9dc\x90d", "a1;1Rbcd"},
	{"C1 in UTF-8", "a\xc2\x9b1;1R\xc2\x85b\xc2\xa0", "a1;1Rb\u00a0"},
	{"combining run", "e" + strings.Repeat("\u0301", 40) + "x", "e" + strings.Repeat("\u0301", 32) + "x"},
	{"zwj run", "a" + strings.Repeat("\u200d", 40), "a" + strings.Repeat("\u200d", 32)},
	{"variation selectors", "☃" + strings.Repeat("\ufe0f", 33), "☃" + strings.Repeat("\ufe0f", 32)},
	{"emoji zwj chain", strings.Repeat("😀\u200d", 20), strings.Repeat("😀\u200d", 16) + "😀" + strings.Repeat("😀\u200d", 3)},
	{"hangul jamo run", strings.Repeat("\u1100", 40) + "a", strings.Repeat("\u1100", 33) + "a"},
	{"hangul syllables", strings.Repeat("한", 40), strings.Repeat("한", 40)},
	{"han text", strings.Repeat("州", 100), strings.Repeat("州", 100)},
	{"flags", strings.Repeat("🇨🇳", 30), strings.Repeat("🇨🇳", 30)},
	{"marks reset by a control", strings.Repeat("\u0301", 40) + "\r" + strings.Repeat("\u0301", 2), strings.Repeat("\u0301", 32) + "\r" + strings.Repeat("\u0301", 2)},

	// CSI.
	{"key", "\x1b[A\x1b[1;5C\x1b[3~", "\x1b[A\x1b[1;5C\x1b[3~"},
	{"32 params pass", "\x1b[" + semis[:31] + "1R", "\x1b[" + semis[:31] + "1R"},
	{"the 36-byte crash", "\x1b[" + semis + "1R", "\x1b[" + semis[:31] + "R"},
	{"colons count", "\x1b[" + strings.Repeat(":", 40) + "5u", "\x1b[" + strings.Repeat(":", 31) + "u"},
	{"digits after the cap", "\x1b[" + semis + "12;34;56m", "\x1b[" + semis[:31] + "m"},
	{"length cap", "\x1b[" + strings.Repeat("9", 300) + "m", "\x1b[" + strings.Repeat("9", maxSeqLen-3) + "m"},
	{"sgr mouse", "\x1b[<0;12;5M\x1b[<0;12;5m", "\x1b[<0;12;5M\x1b[<0;12;5m"},
	{"second prefix dropped", "\x1b[??1$y", "\x1b[?1$y"},
	{"prefix after params dropped", "\x1b[1?2m", "\x1b[12m"},
	{"param after intermediate dropped", "\x1b[1 2q", "\x1b[1 q"},
	{"C0 and DEL in CSI dropped", "\x1b[1\r;\x7f2H", "\x1b[1;2H"},
	{"ESC aborts CSI", "\x1b[12\x1b[A", "\x1b[12}\x1b[A"},
	{"CAN aborts CSI", "\x1b[12\x18x", "\x1b[12}x"},
	{"SUB aborts CSI", "\x1b[\x1ax", "\x1b[}x"},
	{"high byte aborts CSI", "\x1b[1;\xe5\x85\xb0", "\x1b[1;}兰"},
	{"window report neutralised", "\x1b[8;3000;3000t", "\x1b[8;3000;3000}"},
	{"urxvt shifted key", "\x1b[2$\r", "\x1b[2$\r"},
	{"urxvt key then digit", "\x1b[3$5", "\x1b[3$5"},
	{"DECRPM keeps $", "\x1b[?2004;1$y", "\x1b[?2004;1$y"},
	{"not an urxvt key", "\x1b[200$\r~", "\x1b[200$~"},
	{"urxvt key then intermediate", "\x1b[2$!\r", "\x1b[2$!"},

	// X10 mouse.
	{"x10", "\x1b[M !!", "\x1b[M !!"},
	{"x10 raw bytes clamped", "\x1b[M\x1b\x9b\xff;;", "\x1b[M \x7f\x7f;;"},
	{"x10 after params too", "\x1b[1;2M\x1b[;", "\x1b[1;2M [;"},
	{"x10 coordinates are not a CSI", "\x1b[M\x1b[" + semis + "1R", "\x1b[M [;" + semis[:31] + "1R"},

	// SS3.
	{"ss3", "\x1bOA\x1bO5P", "\x1bOA\x1bO5P"},
	{"ss3 digits capped", "\x1bO12345P", "\x1bO12P"},
	{"ss3 cut by control", "\x1bO\r", "\x1bO~\r"},
	{"ss3 cut by ESC", "\x1bO\x1b[A", "\x1bO~\x1b[A"},
	{"ss3 cut by CAN", "\x1bO\x18a", "\x1bO~a"},

	// ESC.
	{"lone esc", "\x1b", "\x1b"},
	{"alt key", "\x1ba\x1b\x01\x1b\x1b", "\x1ba\x1b\x01\x1b\x1b"},
	{"alt rune", "\x1bé", "\x1bé"},
	{"alt rune with bad byte", "\x1b\x9bx", "\x1bx"},
	{"esc, an invalid encoding, then O", "\x1b\xd4O ", "\x1bO~ "},
	{"esc, a C1 control, then [", "\x1b\xc2\x9b[" + semis + "1R", "\x1b[" + semis[:31] + "R"},
	{"esc, a truncated rune, then esc", "\x1b\xe5\x85\x1b[A", "\x1b\x1b[A"},
	{"esc intermediate then bracket", "\x1b [" + semis + "1R", "\x1b " + semis[1:] + "1R"}, // cut to 31 separators in a row, as text
	{"esc intermediates", "\x1b !(x", "\x1b !(x"},

	// Strings.
	{"osc reply", "\x1b]11;rgb:1e1e/1e1e/1e1e\x07", "\x1b]11;rgb:1e1e/1e1e/1e1e\x07"},
	{"osc st", "\x1b]11;rgb:0/0/0\x1b\\", "\x1b]11;rgb:0/0/0\x1b\\"},
	{"osc 8-bit st", "\x1b]11;x\x9c", "\x1b]11;x\x1b\\"},
	{"osc empty data", "\x1b]0;\x07\x1b];\x1b\\", "\x1b]0;\x18\x1b];?\x1b\\"},
	{"osc no number", "\x1b]x\x1b[A", "\x1b]x\x1b\\\x1b[A"},
	{"osc controls and high bytes dropped", "\x1b]2;a\r\xe5\x85\xb0\x9bb\x07", "\x1b]2;ab\x07"},
	{"osc cancelled", "\x1b]2;a\x18b", "\x1b]2;a\x18b"},
	{"osc overflow", "\x1b]2;" + strings.Repeat("x", 5000) + "\x07q", "\x1b]2;" + strings.Repeat("x", maxString-3) + "\x18q"},
	{"osc overflow then esc", "\x1b]2;" + strings.Repeat("x", 5000) + "\x1b[A", "\x1b]2;" + strings.Repeat("x", maxString-3) + "\x18\x1b[A"},
	{"osc overflow then st", "\x1b]2;" + strings.Repeat("x", 5000) + "\x1b\\q", "\x1b]2;" + strings.Repeat("x", maxString-3) + "\x18\x1b[}q"},
	{"osc overflow then bel", "\x1b]2;" + strings.Repeat("x", 5000) + "\aq", "\x1b]2;" + strings.Repeat("x", maxString-3) + "\x18q"},
	{"lone esc while dropping", "\x1b]2;" + strings.Repeat("x", 5000) + "\x1b", "\x1b]2;" + strings.Repeat("x", maxString-3) + "\x18\x1b"},
	{"dcs reply", "\x1bP>|xterm(390)\x1b\\", "\x1bP>|xterm(390)\x1b\\"},
	{"dcs 16 params", "\x1bP" + semis + "1q\x1b\\", "\x1bP" + semis[:15] + "q\x1b\\"},
	{"dcs ended by CAN", "\x1bP1$rx\x18a", "\x1bP1$rx\x1b\\a"},
	{"dcs ended by 8-bit st", "\x1bPqx\x9ca", "\x1bPqx\x1b\\a"},
	{"dcs header cut", "\x1bP1;\x1b[A", "\x1bP1;}\x1b\\\x1b[A"},
	{"dcs overflow", "\x1bPq" + strings.Repeat("#", 5000) + "\x1b\\a", "\x1bPq" + strings.Repeat("#", maxString-1) + "\x1b\\\x1b[}a"},
	{"apc", "\x1b_Gi=1;OK\x1b\\", "\x1b_Gi=1;OK\x1b\\"},
	{"apc bel is data", "\x1b_a\x07b\x1b\\", "\x1b_ab\x1b\\"},
	{"pm and sos", "\x1b^x\x1b\\\x1bXy\x1b\\", "\x1b^x\x1b\\\x1bXy\x1b\\"},
	{"esc in string then esc", "\x1b_a\x1b\x1b[A", "\x1b_a\x1b\\\x1b\x1b[A"},

	// Paste.
	{"paste", "\x1b[200~ab\x1b[201~", "\x1b[200~ab\x1b[201~"},
	{"paste keeps filtering", "\x1b[200~a\x1b[" + semis + "1R\x80\x1b[201~", "\x1b[200~a\x1b[" + semis[:31] + "R\x1b[201~"},
	{"overlong paste", "\x1b[200~" + strings.Repeat("p", maxPaste+100) + "\x1b[20\x1b[201~q", "\x1b[200~" + strings.Repeat("p", maxPaste) + "\x1b[201~q"},
}

func TestFilter(t *testing.T) {
	for _, tc := range filterCases {
		got := run(tc.in)
		if got != tc.out {
			t.Errorf("%s: filter(%q)\n got %q\nwant %q", tc.name, abbrev(tc.in), abbrev(got), abbrev(tc.out))
		}
		if err := checkOutput([]byte(got)); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
		// Followed by a key, nothing in the output is left for uv to
		// wait on.
		if err := checkNoWait([]byte(got + "q")); err != nil {
			t.Errorf("%s: %v", tc.name, err)
		}
	}
}

// TestUnfilteredWaits checks that checkNoWait sees what uv waits on.
func TestUnfilteredWaits(t *testing.T) {
	for _, in := range []string{"\x1b[\x01a", "\x1bO\x01a", "\x1b]0;\x07a", "\x1bP" + semis[:16] + "1q\x1b\\a", "\xa0a"} {
		if checkNoWait([]byte(in)) == nil {
			t.Errorf("%q: uv does not wait", in)
		}
		if err := checkNoWait([]byte(run(in))); err != nil {
			t.Errorf("%q filtered: %v", in, err)
		}
	}
}

func TestFilterByteAtATime(t *testing.T) {
	for _, tc := range filterCases {
		if got := runBytes(tc.in); got != tc.out {
			t.Errorf("%s: byte at a time\n got %q\nwant %q", tc.name, abbrev(got), abbrev(tc.out))
		}
	}
}

// abbrev shortens long test strings in messages.
func abbrev(s string) string {
	if len(s) > 200 {
		return s[:100] + "…" + s[len(s)-100:]
	}
	return s
}
