package ui

import (
	"fmt"
	"image/color"
	"math"
	"regexp"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

func TestAmbiguousWideFollowsRunewidth(t *testing.T) {
	locales := []string{"", "C", "POSIX", "C.UTF-8", "en_US.UTF-8", "zh_CN.UTF-8", "zh_TW.UTF-8", "ja_JP.UTF-8",
		"ko_KR.UTF-8", "zh_CN.GB2312", "zh_CN.gbk", "de_DE.eucJP", "en_US.ISO-8859-1", "zh_CN.UTF-8@cjk_narrow",
		"ja_JP.eucJP@euro", "zh_CN", "zh"}
	for _, loc := range locales {
		t.Setenv("LC_ALL", loc)
		t.Setenv("LC_CTYPE", "")
		t.Setenv("LANG", "")
		if got, want := eastAsianLocale(loc), runewidth.IsEastAsian(); got != want {
			t.Errorf("locale %q: ambiguous wide %v, go-runewidth says %v", loc, got, want)
		}
	}
	cases := []struct {
		env  map[string]string
		want bool
	}{
		{map[string]string{}, false},
		{map[string]string{"RUNEWIDTH_EASTASIAN": "1"}, true},
		{map[string]string{"RUNEWIDTH_EASTASIAN": "0", "LANG": "zh_CN.UTF-8"}, false},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, true},
		{map[string]string{"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, false},
		{map[string]string{"LC_CTYPE": "ja_JP.UTF-8", "LANG": "en_US.UTF-8"}, true},
	}
	for _, c := range cases {
		if got := AmbiguousWide(func(k string) string { return c.env[k] }); got != c.want {
			t.Errorf("%v: ambiguous wide %v, want %v", c.env, got, c.want)
		}
	}
}

// eastAsian measures as a terminal that draws ambiguous characters two
// columns wide.
var eastAsian = &runewidth.Condition{EastAsianWidth: true, StrictEmojiNeutral: true}

func TestASCIIModeWidths(t *testing.T) {
	for _, set := range []string{"fixture", "embedded"} {
		ds := fixtureDataset(t)
		if set == "embedded" {
			ds = testDataset(t)
		}
		for _, l := range []Lang{Zh, En} {
			for _, sz := range [][2]int{{80, 24}, {60, 20}, {120, 40}} {
				if set == "embedded" && sz[0] != 80 {
					continue
				}
				bad := 0
				screens(t, ds, Options{Lang: l, ASCII: true}, sz[0], sz[1], func(what, screen string) {
					for i, line := range strings.Split(screen, "\n") {
						plain := ansi.Strip(line)
						ea, lg := eastAsian.StringWidth(plain), lipgloss.Width(line)
						if (ea != lg || lg > sz[0]) && bad < 5 {
							bad++
							t.Errorf("%s %s %s %dx%d line %d: %d columns in an East Asian terminal, %d by Lip Gloss: %q",
								set, l, what, sz[0], sz[1], i, ea, lg, plain)
						}
					}
				})
			}
		}
	}
}

func TestASCIIModeDrawsASCIIBorders(t *testing.T) {
	ds := fixtureDataset(t)
	for _, help := range []bool{false, true} {
		m := sized(New(ds, Options{Lang: En, ASCII: true}), 80, 24)
		if help {
			m = press(m, "?")
		}
		view := ansi.Strip(m.Render())
		for _, r := range view {
			if runewidth.IsAmbiguousWidth(r) {
				t.Fatalf("ASCII mode draws %q:\n%s", r, view)
			}
		}
		contains(t, view, "+---", "| ", "-----")
		if help {
			contains(t, view, "shift+tab/left", "tab/right")
		} else {
			contains(t, view, "up/k", "down/j")
		}
	}
	// Without the mode, the screen keeps its box drawing.
	contains(t, ansi.Strip(sized(New(ds, Options{Lang: En}), 80, 24).Render()), "╭", "─")
}

func TestFoldASCIIKeepsWidths(t *testing.T) {
	for _, s := range []string{"╭──╮│┤┼ ▁▃▅█ ← → ↑ ↓ ⇧ × … · “引号” ǜ é ² ±", "\x1b[1;31m×\x1b[m"} {
		f := foldASCII(s)
		if lipgloss.Width(f) != lipgloss.Width(s) || eastAsian.StringWidth(ansi.Strip(f)) != lipgloss.Width(f) {
			t.Errorf("fold %q -> %q changes a width", s, f)
		}
	}
	// RUNEWIDTH_EASTASIAN=1 in the test's environment makes Lip Gloss
	// count these characters two columns wide, and the fold follows.
	if got := foldASCII("╭─╮ ← ǜ ×"); ansi.StringWidth("─") == 1 && got != "+-+ < u x" {
		t.Errorf("fold gives %q", got)
	}
}

// sgrColour finds the colour parameters of SGR sequences.
var sgrColour = regexp.MustCompile(`\x1b\[([0-9;]*)m`)

func TestSixteenColoursKeepBordersVisible(t *testing.T) {
	ds := fixtureDataset(t)
	for _, dark := range []bool{true, false} {
		for tab := range numTabs {
			var b strings.Builder
			w := &colorprofile.Writer{Forward: &b, Profile: colorprofile.ANSI}
			m := sized(New(ds, Options{Lang: En, Tab: tab, Dark: dark, Profile: colorprofile.ANSI}), 100, 30)
			if _, err := w.WriteString(m.Render()); err != nil {
				t.Fatal(err)
			}
			// Black, white, bright black and bright white each vanish on
			// a black or a white console.
			for _, seq := range sgrColour.FindAllStringSubmatch(b.String(), -1) {
				for _, p := range strings.Split(seq[1], ";") {
					if p == "30" || p == "37" || p == "90" || p == "97" {
						t.Errorf("dark=%v %s: 16-colour screen uses SGR %s, invisible on some consoles", dark, TabNames[tab], p)
					}
				}
			}
		}
	}
	st := NewStyles(Look{Dark: true, Profile: colorprofile.ANSI})
	if !st.Faint.GetFaint() {
		t.Error("faint text on 16 colours is not faint by attribute")
	}
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	lum := func(c color.Color) float64 {
		r, g, bl, _ := c.RGBA()
		ch := func(v uint32) float64 {
			x := float64(v) / 0xffff
			if x <= 0.03928 {
				return x / 12.92
			}
			return math.Pow((x+0.055)/1.055, 2.4)
		}
		return 0.2126*ch(r) + 0.7152*ch(g) + 0.0722*ch(bl)
	}
	la, lb := lum(a), lum(b)
	return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
}

func TestBordersAndFaintShowOnBlackAndWhite(t *testing.T) {
	black, white := lipgloss.Color("#000000"), lipgloss.Color("#FFFFFF")
	for _, p := range []colorprofile.Profile{colorprofile.ANSI256, colorprofile.TrueColor} {
		for _, dark := range []bool{true, false} {
			st := NewStyles(Look{Dark: dark, Profile: p})
			for name, c := range map[string]color.Color{
				"border": st.Card.GetBorderTopForeground(), "faint": st.Faint.GetForeground(),
				"help": st.Help.ShortDesc.GetForeground(), "bar": st.BarEmpty.GetForeground(),
			} {
				for bg, on := range map[string]color.Color{"black": black, "white": white} {
					if r := contrast(c, on); r < 2.5 {
						t.Errorf("%v dark=%v: %s %s has contrast %.2f on %s", p, dark, name, fmt.Sprint(c), r, bg)
					}
				}
			}
		}
	}
}

// TestASCIIModeDrawsNoGlyphs renders every tab in ASCII mode, through its
// items, with the help open and with a filter typed, in both languages
// and at several sizes, and fails on any character beyond ASCII but the
// wide ones of Chinese text: bars, marks, sparklines, rules and chart
// glyphs must all be folded.
func TestASCIIModeDrawsNoGlyphs(t *testing.T) {
	for _, set := range []string{"fixture", "embedded"} {
		ds := fixtureDataset(t)
		if set == "embedded" {
			ds = testDataset(t)
		}
		for _, l := range []Lang{En, Zh} {
			for _, sz := range [][2]int{{60, 20}, {80, 24}, {120, 40}, {200, 60}} {
				seen := map[rune]bool{}
				check := func(what, screen string) {
					for _, r := range ansi.Strip(screen) {
						if r >= 0x80 && !seen[r] && (runewidth.IsAmbiguousWidth(r) || ansi.StringWidth(string(r)) != 2) {
							seen[r] = true
							t.Errorf("%s %s %s %dx%d: ASCII mode draws %q (U+%04X)", set, l, what, sz[0], sz[1], r, r)
						}
					}
				}
				o := Options{Lang: l, ASCII: true}
				screens(t, ds, o, sz[0], sz[1], check)
				for tab := range numTabs {
					o.Tab = tab
					check(TabNames[tab]+" help", press(sized(New(ds, o), sz[0], sz[1]), "?").Render())
					check(TabNames[tab]+" filter", press(sized(New(ds, o), sz[0], sz[1]), "/", "a").Render())
				}
			}
		}
	}
}

func TestFoldASCIIGlyphs(t *testing.T) {
	for in, want := range map[string]string{
		"██░░":       "##..",
		"⣀⣤⣶⣿":       "_-=#",
		"✓ met ✗ no": "v met x no",
		"技术合同「成交」":   "技术合同「成交」",
		"e\u0301":    "e",
	} {
		if got := foldASCII(in); got != want {
			t.Errorf("foldASCII(%q) = %q, want %q", in, got, want)
		}
	}
}
