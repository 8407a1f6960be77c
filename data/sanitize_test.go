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
	}
	for _, tt := range tests {
		if got := data.Sanitize(tt.in); got != tt.want {
			t.Errorf("Sanitize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
