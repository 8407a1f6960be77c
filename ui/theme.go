package ui

// Theme is a colour scheme of the dashboard. ThemeAuto follows the
// background the terminal reports; ThemeDark and ThemeLight keep the
// palette for that background whatever it reports; ThemeHighContrast
// follows the background with pure white or black text, full-strength
// colours, nothing faint or grey, and the active tab in reverse video.
// NO_COLOR, or a terminal without colours, drops every colour of every
// theme, keeping bold, underline and reverse video.
type Theme string

// The themes.
const (
	ThemeAuto         Theme = "auto"
	ThemeDark         Theme = "dark"
	ThemeLight        Theme = "light"
	ThemeHighContrast Theme = "high-contrast"
)

// ThemeNames lists the themes, as a config file or --theme names them.
func ThemeNames() []string {
	return []string{string(ThemeAuto), string(ThemeDark), string(ThemeLight), string(ThemeHighContrast)}
}

// ParseTheme reads a theme's name.
func ParseTheme(s string) (Theme, bool) {
	switch t := Theme(s); t {
	case ThemeAuto, ThemeDark, ThemeLight, ThemeHighContrast:
		return t, true
	}
	return "", false
}

// followsBackground reports whether the theme's palette changes with the
// background the terminal reports.
func (t Theme) followsBackground() bool { return t != ThemeDark && t != ThemeLight }

// look is the look of the theme on a terminal whose background is dark
// or not, as far as is known.
func (t Theme) look(dark bool) Look {
	switch t {
	case ThemeDark:
		dark = true
	case ThemeLight:
		dark = false
	}
	return Look{Dark: dark, HighContrast: t == ThemeHighContrast}
}
