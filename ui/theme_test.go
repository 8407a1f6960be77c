package ui

import (
	"image/color"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// styleFields lists every lipgloss style of st by field name, the help's
// included.
func styleFields(st Styles) map[string]lipgloss.Style {
	out := map[string]lipgloss.Style{}
	for _, s := range []any{st, st.Help} {
		v := reflect.ValueOf(s)
		for i := range v.NumField() {
			if f := v.Type().Field(i); f.IsExported() {
				if ls, ok := v.Field(i).Interface().(lipgloss.Style); ok {
					out[v.Type().Name()+"."+f.Name] = ls
				}
			}
		}
	}
	return out
}

func TestHighContrastStyles(t *testing.T) {
	for _, p := range []colorprofile.Profile{colorprofile.TrueColor, colorprofile.ANSI256, colorprofile.ANSI} {
		for _, dark := range []bool{true, false} {
			hc := NewStyles(Look{Dark: dark, Profile: p, HighContrast: true})
			for name, s := range styleFields(hc) {
				if s.GetFaint() {
					t.Errorf("%v dark=%v: %s is faint", p, dark, name)
				}
			}
			fg := hc.Heading.GetForeground()
			for _, s := range []lipgloss.Style{hc.Subtle, hc.Faint, hc.Unit, hc.Quote, hc.Tab, hc.Help.ShortDesc, hc.Help.FullKey} {
				if !reflect.DeepEqual(s.GetForeground(), fg) {
					t.Errorf("%v dark=%v: a grey %v where high contrast wants the text's %v", p, dark, s.GetForeground(), fg)
				}
			}
			if !hc.ActiveTab.GetReverse() || !hc.Help.ShortKey.GetBold() {
				t.Errorf("%v dark=%v: the active tab is not in reverse video, or the help's keys are not bold", p, dark)
			}
			def := NewStyles(Look{Dark: dark, Profile: p})
			grey := !reflect.DeepEqual(def.Subtle.GetForeground(), def.Heading.GetForeground()) || def.Faint.GetFaint()
			if !grey || def.ActiveTab.GetReverse() {
				t.Errorf("%v dark=%v: the default theme already looks like high contrast", p, dark)
			}
		}
	}
	// Full colour: pure white on dark, pure black on light.
	for dark, want := range map[bool]color.Color{true: lipgloss.Color("#FFFFFF"), false: lipgloss.Color("#000000")} {
		if got := NewStyles(Look{Dark: dark, HighContrast: true}).Value.GetForeground(); !reflect.DeepEqual(got, want) {
			t.Errorf("dark=%v: values in %v, want %v", dark, got, want)
		}
	}
}

// sgrParams returns every parameter of the SGR sequences in s.
func sgrParams(s string) []string {
	var out []string
	for _, m := range regexp.MustCompile(`\x1b\[([0-9;:]*)m`).FindAllStringSubmatch(s, -1) {
		out = append(out, strings.Split(m[1], ";")...)
	}
	return out
}

func TestThemesRender(t *testing.T) {
	ds := fixtureDataset(t)
	shot := func(th Theme, p colorprofile.Profile) string {
		return Snapshot(ds, SnapshotOptions{Tab: TabTargets, Width: 100, Height: 30, Lang: En, Color: true, Profile: p, Dark: true, Theme: th})
	}
	screens := map[Theme]string{}
	for _, th := range []Theme{ThemeAuto, ThemeDark, ThemeLight, ThemeHighContrast} {
		screens[th] = shot(th, colorprofile.TrueColor)
		if ansi.Strip(screens[th]) != ansi.Strip(screens[ThemeAuto]) {
			t.Errorf("%s: the text differs from the default theme's; a theme changes colours alone", th)
		}
	}
	if screens[ThemeAuto] != screens[ThemeDark] {
		t.Error("auto on a dark terminal differs from dark")
	}
	for _, th := range []Theme{ThemeLight, ThemeHighContrast} {
		if screens[th] == screens[ThemeDark] {
			t.Errorf("%s draws the same colours as dark", th)
		}
	}
	// On 16 colours the default theme draws faint text; high contrast
	// none, and reverse video for the active tab.
	if !slices.Contains(sgrParams(shot(ThemeAuto, colorprofile.ANSI)), "2") {
		t.Error("the default theme draws nothing faint on 16 colours: the check below proves nothing")
	}
	hc := sgrParams(shot(ThemeHighContrast, colorprofile.ANSI))
	if slices.Contains(hc, "2") || !slices.Contains(hc, "7") {
		t.Errorf("high contrast on 16 colours: SGR parameters %q, want no 2 (faint) and a 7 (reverse)", hc)
	}
	// Without colours (NO_COLOR) no theme has any colour left.
	for _, th := range []Theme{ThemeLight, ThemeHighContrast} {
		for _, p := range sgrParams(shot(th, colorprofile.Ascii)) {
			if n, _ := strconv.Atoi(p); n >= 30 && n <= 49 || n >= 90 && n <= 107 {
				t.Errorf("%s without colours: SGR parameter %s is a colour", th, p)
			}
		}
	}
}

func TestFixedThemesIgnoreTheBackground(t *testing.T) {
	ds := fixtureDataset(t)
	black, white := tea.BackgroundColorMsg{Color: color.Black}, tea.BackgroundColorMsg{Color: color.White}
	cases := []struct {
		theme      Theme
		msg        tea.BackgroundColorMsg
		dark, high bool
	}{
		{ThemeAuto, white, false, false},
		{ThemeAuto, black, true, false},
		{ThemeHighContrast, white, false, true},
		{ThemeDark, white, true, false},
		{ThemeLight, black, false, false},
		{"", white, false, false},
		{"neon", black, true, false},
	}
	for _, c := range cases {
		m := New(ds, Options{Lang: En, Dark: !c.dark, Theme: c.theme})
		next, _ := m.Update(c.msg)
		if l := next.(*Model).st.look; l.Dark != c.dark || l.HighContrast != c.high {
			t.Errorf("%q after %v: dark %v, high contrast %v; want %v, %v", c.theme, c.msg, l.Dark, l.HighContrast, c.dark, c.high)
		}
	}
}
