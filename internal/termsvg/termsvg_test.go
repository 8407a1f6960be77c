package termsvg

import (
	"encoding/xml"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// screen is a small coloured screen: a bold underlined tab on a blue
// background, Chinese text, a faint line with a 256-colour word, a
// reverse-video cell and a box-drawing border.
const screen = "\x1b[1;4;38;2;88;166;255;48;2;31;58;95m 总览 \x1b[0m 指标\n" +
	"\x1b[2m技术合同 \x1b[38;5;214m62.76\x1b[0m亿元\n" +
	"\x1b[7mR\x1b[0m╭─╮ a中b"

func TestGolden(t *testing.T) {
	golden.RequireEqual(t, Render(screen, 20, 3, Dark()))
}

// elements decodes doc as XML and returns its text elements, with the x
// positions of their characters and their content.
func elements(t *testing.T, doc []byte) [][2]string {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(string(doc)))
	var out [][2]string
	var xs []string
	var text strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("not well-formed XML: %v\n%s", err, doc)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "svg", "g", "rect":
			case "text":
				inText, xs = true, nil
				text.Reset()
			case "tspan":
				for _, a := range tok.Attr {
					if a.Name.Local == "x" {
						xs = append(xs, a.Value)
					}
				}
			default:
				t.Fatalf("unexpected element <%s>", tok.Name.Local)
			}
		case xml.CharData:
			if inText {
				text.Write(tok)
			}
		case xml.EndElement:
			if tok.Name.Local == "text" {
				inText = false
				out = append(out, [2]string{strings.Join(xs, " "), text.String()})
			}
		}
	}
	return out
}

func TestWellFormed(t *testing.T) {
	got := elements(t, Render(screen, 20, 3, Dark()))
	var all strings.Builder
	for _, e := range got {
		all.WriteString(e[1])
	}
	for _, want := range []string{"总览", "指标", "技术合同", "62.76", "亿元", "╭─╮", "中"} {
		if !strings.Contains(all.String(), want) {
			t.Errorf("the picture lacks %q: %q", want, all.String())
		}
	}
}

func TestHostileTextIsEscaped(t *testing.T) {
	hostile := `</text><script>alert(1)</script>&amp;"'<![CDATA[x]]>` + "\x1b]8;;javascript:x\x07link\x1b]8;;\x07"
	doc := Render(hostile, 80, 1, Dark())
	if strings.Contains(string(doc), "<script") || strings.Contains(string(doc), "javascript") {
		t.Fatalf("hostile text reached the markup:\n%s", doc)
	}
	got := elements(t, doc)
	var text strings.Builder
	for _, e := range got {
		text.WriteString(e[1])
	}
	if want := `</text><script>alert(1)</script>&amp;"'<![CDATA[x]]>link`; text.String() != want {
		t.Fatalf("text %q, want %q", text.String(), want)
	}
}

func TestWideCellsTakeTwoColumns(t *testing.T) {
	got := elements(t, Render("a中b兰州c", 10, 1, Dark()))
	if len(got) != 1 {
		t.Fatalf("one run of one style should be one text element: %q", got)
	}
	// Columns 0, 1 (two wide), 3, 4 (two wide), 6 (two wide), 8.
	if want := "0 8 24 32 48 64"; got[0][0] != want || got[0][1] != "a中b兰州c" {
		t.Fatalf("x=%q text=%q, want x=%q", got[0][0], got[0][1], want)
	}
	// A wide character that does not fit in the last column is cut, not
	// drawn over the edge.
	for _, e := range elements(t, Render("abc中", 4, 1, Dark())) {
		if strings.Contains(e[1], "中") {
			t.Fatalf("a wide character drawn in the last column: %q", e)
		}
	}
}
