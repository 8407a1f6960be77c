package data_test

import (
	"strings"
	"testing"

	"lzdash/data"
)

// TestParseKeepsVisibleText checks that text with combining marks on
// letters, full-width punctuation and ideographic spaces is accepted, as
// is a byte-order mark at the start of the file.
func TestParseKeepsVisibleText(t *testing.T) {
	const title = "示例市科技工作会议召开"
	for _, text := range []string{
		"示例市（科技）：工作、会议。召开！", "示例市\u3000科技", "\"Cafe\u0301 na\u0308ive\"", "\"兰州\u00A0新区\"",
	} {
		ds, err := data.Parse("ok.yaml", goodWith(t, title, text))
		if err != nil {
			t.Errorf("%s: %v", text, err)
			continue
		}
		if got := ds.Sources[0].Title; data.Sanitize(got) != got {
			t.Errorf("Sanitize changes %q to %q", got, data.Sanitize(got))
		}
	}
}

// TestUnknownKeyQuoted checks that a key holding a character that prints
// as nothing is written escaped in the message that refuses it.
func TestUnknownKeyQuoted(t *testing.T) {
	src := goodWith(t, "    title: 示例市科技工作会议召开", "    title: x\n    \"ti\\u3164tle\": x")
	got := strings.Join(parseBad(t, "key.yaml", src), "\n")
	if !strings.Contains(got, `unknown field "ti\u3164tle"`) || strings.ContainsRune(got, 0x3164) {
		t.Errorf("the key is not escaped:\n%s", got)
	}
}
