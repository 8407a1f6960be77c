package cli

import (
	"flag"
	"io"
	"strings"

	"lzdash/data"
	"lzdash/internal/config"
	"lzdash/ui"
)

// SettingsFlags registers --config, --lang, --tab and --theme on fs, and
// returns what reads them once fs is parsed: the config file named (""
// for the default one) and the settings given, or a usage error.
func SettingsFlags(fs *flag.FlagSet) func() (string, config.Flags, error) {
	path := fs.String("config", "", "config `FILE` (default: lzdash/config.yaml in the user config dir, if there is one)")
	lang := fs.String("lang", "", "display language `zh|en` (default: the config file's, else the locale's (LC_ALL, LC_MESSAGES, LANG) when it is en or zh, else zh)")
	tab := fs.String("tab", "", "`TAB` to open on: "+strings.Join(ui.TabNames[:], ", ")+" (default: the config file's, else overview)")
	theme := fs.String("theme", "", "colour `THEME`: "+strings.Join(ui.ThemeNames(), ", ")+" (default: the config file's, else auto)")
	return func() (string, config.Flags, error) {
		f, err := parseSettings(*lang, *tab, *theme)
		return *path, f, err
	}
}

// parseSettings checks the settings given as flags.
func parseSettings(lang, tab, theme string) (config.Flags, error) {
	var f config.Flags
	if lang != "" {
		l, ok := ui.ParseLang(lang)
		if !ok {
			return f, usagef("unknown language %.40q: use zh or en", lang)
		}
		f.Lang = l
	}
	if _, ok := ui.TabIndex(tab); !ok && tab != "" {
		return f, usagef("unknown tab %.40q: use one of %s", tab, strings.Join(ui.TabNames[:], ", "))
	}
	f.Tab = tab
	if theme != "" {
		th, ok := ui.ParseTheme(theme)
		if !ok {
			return f, usagef("unknown theme %.40q: use %s", theme, strings.Join(ui.ThemeNames(), ", "))
		}
		f.Theme = th
	}
	return f, nil
}

// PrintConfigProblems prints what is wrong with a config file, each
// problem on its own line (FILE:LINE:COL: field: message), and that the
// settings they concern are the defaults.
func PrintConfigProblems(w io.Writer, err error) {
	printProblems(w, err,
		"%d problem(s) in the config file: the settings they concern are the defaults\n",
		"lzdash: the config file was not read, so the settings are the defaults: %s\n")
}

// configCmd prints the settings in effect, from the config file and the
// flags, as the config file that gives them, with where each came from;
// the file's problems go to stderr, and make it fail.
func configCmd() Command {
	return Command{Name: "config", Summary: "print the settings in effect (config file, flags, locale) as YAML",
		define: func(fs *flag.FlagSet, env Env) func() error {
			settings := SettingsFlags(fs)
			return func() error {
				path, flags, err := settings()
				if err != nil {
					return err
				}
				f, err := config.Read(path)
				if err != nil {
					return &Error{Code: ExitUsage, Msg: "--config: " + data.Sanitize(err.Error())}
				}
				s := config.Resolve(f.Config, flags, env.Getenv)
				out, err := s.YAML(f.Path, f.Err != nil)
				if err != nil {
					return &Error{Code: ExitData, Msg: err.Error()}
				}
				if err := output(env.Stdout.Write(out)); err != nil {
					return err
				}
				if f.Err != nil {
					PrintConfigProblems(env.Stderr, f.Err)
					return &Error{Code: ExitData, Msg: "the config file has problems", Shown: true}
				}
				return nil
			}
		}}
}
