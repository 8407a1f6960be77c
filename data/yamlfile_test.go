package data

import (
	"strings"
	"testing"
)

func TestParseYAML(t *testing.T) {
	cases := []struct {
		name, src string
		want      string // the problem, or "" for none
		top       bool   // a top node is returned
	}{
		{"empty", "", "", false},
		{"comments only", "# nothing set\n\n", "", false},
		{"mapping", "lang: en\n", "", true},
		{"syntax", "lang: en\ntab: [overview\n", "c.yaml:2:1: invalid YAML: did not find expected ',' or ']'", false},
		{"two documents", "lang: en\n---\nlang: zh\n", "c.yaml:2:1: file holds more than one YAML document; put everything in one", false},
		{"control byte", "lang: en\ntab: \x07\n", "c.yaml:2:6: control character U+0007 is not allowed", false},
		{"bad utf-8", "lang: \xff\n", "c.yaml:1:7: invalid UTF-8 byte 0xff", false},
		{"too large", strings.Repeat("#", 2000) + "\n", "c.yaml:1:1: 2001 bytes is more than the 1 KiB limit", false},
	}
	for _, c := range cases {
		n, ps := ParseYAML("c.yaml", []byte(c.src), 1<<10)
		if (n != nil) != c.top {
			t.Errorf("%s: top node %v, want one: %v", c.name, n != nil, c.top)
		}
		switch {
		case c.want == "" && len(ps) > 0:
			t.Errorf("%s: unexpected problems %v", c.name, ps)
		case c.want != "" && (len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), c.want)):
			t.Errorf("%s: problems %v, want one starting %q", c.name, ps, c.want)
		}
	}
}

func TestParseYAMLSanitisesTheName(t *testing.T) {
	_, ps := ParseYAML("bad\x1b[2Jname.yaml", []byte("a: [\n"), 1<<10)
	if len(ps) != 1 || strings.ContainsRune(ps[0].Error(), 0x1b) {
		t.Errorf("the file name reaches the message unsanitised: %q", ps)
	}
}
