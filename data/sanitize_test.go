package data_test

import (
	"testing"

	"lzdash/data"
)

func TestSanitize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"兰州新区 Lanzhou (2020) 57.1%", "兰州新区 Lanzhou (2020) 57.1%"},
		{"a\tb\nc\rd", "a b c d"},
		{"\x1b[31m红\x1b[0m", "[31m红[0m"},
		{"\x00\x07\x7f\u0085\u009b", ""},
		{"abc\u202edef", "abcdef"},
		{"\u2066x\u2069\u200by\u200ez\u061c", "xyz"},
		{"\uFEFFa\u2060b", "ab"},
		{"soft\u00ADhyphen\u0600\u06DD\u070F\u180E", "softhyphen"},
		{"line\u2028para\u2029end", "line para end"},
		{"\u3164\uFFA0fill\u115F", "fill"},
		{"tag\U000E0001\U000E0041\U000E007F", "tag"},
		{"vs\uFE0F\U000E0100\uFFF9x\uFFFB", "vsx"},
		{"\u0301start, e\u0301 ok, \u0308after space, \x1b\u0301after control", "start, e\u0301 ok, after space, after control"},
		{"兰州（新区）：全角，标点。\u3000空格", "兰州（新区）：全角，标点。\u3000空格"},
	}
	for _, tt := range tests {
		if got := data.Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
