package cli

import (
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/charmbracelet/colorprofile"

	"lzdash/data"
	"lzdash/ui"
)

func validateCmd() Command {
	return Command{Name: "validate", Summary: "check a dataset and print a summary", Checks: true,
		define: func(fs *flag.FlagSet, env Env) func() error {
			path := dataFlag(fs, env)
			return func() error {
				ds, err := load(env, *path)
				if err != nil {
					return err
				}
				st := ds.Stats()
				return output(fmt.Fprintf(env.Stdout, "%s: ok: %d metrics, %d figures, %d sources, %d zones\n",
					ds.File, st.Metrics, st.Figures, st.Sources, st.Zones))
			}
		}}
}

func exportCmd() Command {
	tables := strings.Join(data.TableNames[:], ", ")
	return Command{Name: "export", Summary: "write a table (every figure by default) to stdout", Remote: true,
		define: func(fs *flag.FlagSet, env Env) func() error {
			path := dataFlag(fs, env)
			format := fs.String("format", "json", "output format: `json|csv`")
			table := fs.String("table", "figures", "table to write: `"+strings.Join(data.TableNames[:], "|")+"`")
			bom := fs.Bool("bom", false, "start the CSV with a UTF-8 byte order mark, so that Excel reads its Chinese")
			return func() error {
				if *format != "json" && *format != "csv" {
					return usagef("unknown format %.40q: use json or csv", *format)
				}
				if *bom && *format != "csv" {
					return usagef("--bom is for --format csv")
				}
				if !slices.Contains(data.TableNames[:], *table) {
					return usagef("unknown table %.40q: use %s", *table, tables)
				}
				ds, err := load(env, *path)
				if err != nil {
					return err
				}
				t, err := ds.Table(*table)
				if err != nil {
					return usagef("%v", err)
				}
				if *bom {
					if _, err := io.WriteString(env.Stdout, "\ufeff"); err != nil {
						return output(0, err)
					}
				}
				return output(0, t.Write(env.Stdout, *format))
			}
		}}
}

func snapshotCmd() Command {
	return Command{Name: "snapshot", Summary: "render one tab once, as text, an SVG picture, or sentences", Remote: true,
		define: func(fs *flag.FlagSet, env Env) func() error {
			path := dataFlag(fs, env)
			lang := fs.String("lang", string(env.langOrZh()), "display language: `zh|en`")
			tabName := fs.String("tab", "overview", "`TAB` to render: "+strings.Join(ui.TabNames[:], ", "))
			width := fs.Int("width", 100, "width in `COLUMNS`")
			height := fs.Int("height", 40, "height in `LINES`")
			color := fs.Bool("color", false, "keep colours and styles (ANSI escape codes)")
			metric := fs.String("metric", "", "open the indicators tab on the metric with this `ID`")
			zone := fs.String("zone", "", "open the indicators tab on the zone with this `ID`")
			colors := fs.Int("colors", 0, "with --color, draw for a terminal of `N` colours: 16, 256, or 0 for full colour")
			format := fs.String("format", formatScreen, "output format: `screen|svg|text`: the screen as text (with --color, its ANSI styles), an SVG picture of it in colour, or its figures as sentences for a screen reader")
			asciiOnly := fs.Bool("ascii", false, "draw borders and marks in ASCII, for terminals that draw ambiguous-width characters two columns wide")
			themeName := fs.String("theme", string(ui.ThemeAuto), "colour `THEME` of --color and svg: "+strings.Join(ui.ThemeNames(), ", ")+" (auto draws the dark palette)")
			return func() error {
				theme, ok := ui.ParseTheme(*themeName)
				if !ok {
					return usagef("unknown theme %.40q: use %s", *themeName, strings.Join(ui.ThemeNames(), ", "))
				}
				if *format != formatScreen && *format != "svg" && *format != formatText {
					return usagef("unknown format %.40q: use screen, svg or text", *format)
				}
				l, ok := ui.ParseLang(*lang)
				if !ok {
					return usagef("unknown language %.40q: use zh or en", *lang)
				}
				tab, ok := ui.TabIndex(*tabName)
				if !ok {
					return usagef("unknown tab %.40q: use one of %s", *tabName, strings.Join(ui.TabNames[:], ", "))
				}
				maxW, maxH := MaxWidth, MaxHeight
				if env.Remote {
					maxW, maxH = RemoteMaxWidth, RemoteMaxHeight
				}
				if *width < 1 || *height < 1 || *width > maxW || *height > maxH {
					return usagef("--width must be 1 to %d and --height 1 to %d", maxW, maxH)
				}
				profile, ok := map[int]colorprofile.Profile{0: colorprofile.TrueColor, 16: colorprofile.ANSI, 256: colorprofile.ANSI256}[*colors]
				if !ok {
					return usagef("--colors must be 16, 256 or 0")
				}
				ds, err := load(env, *path)
				if err != nil {
					return err
				}
				o := ui.SnapshotOptions{Tab: tab, Width: *width, Height: *height, Lang: l, Color: *color, Profile: profile, Dark: true, Theme: theme,
					ASCII: *asciiOnly, Metric: *metric, Zone: *zone}
				if err := o.Check(ds); err != nil {
					return usagef("%v", err)
				}
				if *format == "svg" {
					return output(env.Stdout.Write(snapshotSVG(ds, o)))
				}
				if *format == formatText {
					return output(0, writeText(env.Stdout, ds, o))
				}
				out := ui.Snapshot(ds, o)
				return output(fmt.Fprintln(env.Stdout, out))
			}
		}}
}

// langOrZh is the default of --lang.
func (env Env) langOrZh() ui.Lang {
	if env.Lang == "" {
		return ui.Zh
	}
	return env.Lang
}

// verifyCmd checks a dataset against the archived articles in --sources:
// it prints every problem as FILE:LINE:COL: field: message and fails, or
// prints a one-line summary.
func verifyCmd() Command {
	return Command{Name: "verify", Summary: "check every quote and value against the archived articles", Checks: true, required: "sources",
		define: func(fs *flag.FlagSet, env Env) func() error {
			path := dataFlag(fs, env)
			dir := fs.String("sources", "", "`DIR` holding the archived source articles, named by the sources' file fields")
			return func() error {
				if *dir == "" {
					return usagef("--sources DIR is required: the folder of the archived articles")
				}
				if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
					return &Error{Code: ExitData, Msg: fmt.Sprintf("--sources %s is not a folder", data.Sanitize(*dir))}
				}
				ds, err := load(env, *path)
				if err != nil {
					return err
				}
				// The file validated a moment ago; it is read again only
				// to locate the problems.
				src, err := env.Source(*path)
				if err != nil {
					return &Error{Code: ExitData, Msg: data.Sanitize(err.Error())}
				}
				res := data.Verify(ds, src, *dir)
				if len(res.Problems) > 0 {
					for _, p := range res.Problems {
						fmt.Fprintln(env.Stderr, p.Error())
					}
					fmt.Fprintf(env.Stderr, "%d problem(s) found\n", len(res.Problems))
					return &Error{Code: ExitData, Msg: "problems found", Shown: true}
				}
				return output(fmt.Fprintf(env.Stdout, "%s: ok: %d quotes found in their articles, %d values in their quotes\n",
					ds.File, res.Quotes, res.Values))
			}
		}}
}
