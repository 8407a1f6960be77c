package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"slices"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"lzdash/data"
	"lzdash/data/watch"
	"lzdash/internal/safeinput"
	"lzdash/ui"
)

// version is the release this source tree builds.
const version = "0.1.0"

const usage = `lzdash: Lanzhou science-and-technology innovation indicators in the terminal

Usage:
  lzdash [--data FILE [--watch]] [--lang zh|en]
                                              open the dashboard
  lzdash validate [--data FILE]               check a dataset and print a summary
  lzdash export [--data FILE] [--table figures|targets|conflicts|sources] [--format json|csv]
                                              write a table (every figure by default) to stdout
  lzdash verify --sources DIR [--data FILE]   check every quote and value against the archived articles
  lzdash snapshot [--tab TAB] [--width 100] [--height 40] [--lang zh|en] [--color]
                                              render one tab once, as plain text
  lzdash serve [--listen ADDR] [...]          serve the dashboard over SSH (serve -h)
  lzdash --version                            print the version
  lzdash help                                 show this help

Without --data, the dataset compiled into lzdash is used.
`

// exit codes
const (
	exitOK    = 0
	exitData  = 1
	exitUsage = 2
)

// errUsage marks a command-line mistake; the message has been printed.
var errUsage = errors.New("usage error")

// run is the whole program behind main, returning the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		switch args[0] {
		case "validate":
			return runValidate(args[1:], stdout, stderr)
		case "export":
			return runExport(args[1:], stdout, stderr)
		case "verify":
			return runVerify(args[1:], stdout, stderr)
		case "snapshot":
			return runSnapshot(args[1:], stdout, stderr)
		case "serve":
			return runServe(args[1:], stdout, stderr)
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage)
			return exitOK
		case "version", "-version", "--version":
			fmt.Fprintln(stdout, versionString())
			return exitOK
		}
		if !strings.HasPrefix(args[0], "-") {
			fmt.Fprintf(stderr, "lzdash: unknown command %q\n\n%s", args[0], usage)
			return exitUsage
		}
	}
	return runDashboard(args, stdin, stdout, stderr)
}

func versionString() string {
	s := "lzdash " + version
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, kv := range bi.Settings {
			if kv.Key == "vcs.revision" && len(kv.Value) >= 12 {
				s += " (" + kv.Value[:12] + ")"
			}
		}
	}
	return s
}

// newFlags returns a flag set that prints its errors and usage to stderr.
func newFlags(name string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	return fs
}

// prefix names the command of fs in messages: "lzdash" or "lzdash export".
func prefix(fs *flag.FlagSet) string {
	if fs.Name() == "lzdash" {
		return "lzdash"
	}
	return "lzdash " + fs.Name()
}

// parseFlags parses args and rejects stray positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "%s: unexpected argument %q\n", prefix(fs), fs.Arg(0))
		return errUsage
	}
	return nil
}

// dataFlag registers --data on fs.
func dataFlag(fs *flag.FlagSet) *string {
	return fs.String("data", "", "dataset `FILE` (default: the embedded Lanzhou dataset)")
}

// loadDataset reads and validates the dataset at path, or the embedded one
// when path is empty.
func loadDataset(path string) (*data.Dataset, error) {
	if path == "" {
		return data.Parse(embeddedName, embedded)
	}
	return data.Load(path)
}

// reportLoadError prints a dataset error, one problem per line.
func reportLoadError(stderr io.Writer, err error) {
	var ps data.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p.Error())
		}
		fmt.Fprintf(stderr, "%d problem(s) found\n", len(ps))
		return
	}
	fmt.Fprintf(stderr, "lzdash: %s\n", data.Sanitize(err.Error()))
}

func runValidate(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", stderr)
	path := dataFlag(fs)
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	ds, err := loadDataset(*path)
	if err != nil {
		reportLoadError(stderr, err)
		return exitData
	}
	st := ds.Stats()
	if _, err := fmt.Fprintf(stdout, "%s: ok: %d metrics, %d figures, %d sources, %d zones\n",
		ds.File, st.Metrics, st.Figures, st.Sources, st.Zones); err != nil {
		return outputFailed(stderr, fs, err)
	}
	return exitOK
}

// outputFailed reports that writing the command's output failed, as when
// stdout is a full disk or a closed pipe, and returns the exit code.
func outputFailed(stderr io.Writer, fs *flag.FlagSet, err error) int {
	fmt.Fprintf(stderr, "%s: writing output: %s\n", prefix(fs), data.Sanitize(err.Error()))
	return exitData
}

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("export", stderr)
	path := dataFlag(fs)
	format := fs.String("format", "json", "output `FORMAT`: json or csv")
	table := fs.String("table", "figures", "`TABLE` to write: "+strings.Join(data.TableNames[:], ", "))
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	if *format != "json" && *format != "csv" {
		fmt.Fprintf(stderr, "lzdash export: unknown format %q: use json or csv\n", *format)
		return exitUsage
	}
	if !slices.Contains(data.TableNames[:], *table) {
		fmt.Fprintf(stderr, "lzdash export: unknown table %q: use %s\n", *table, strings.Join(data.TableNames[:], ", "))
		return exitUsage
	}
	ds, err := loadDataset(*path)
	if err != nil {
		reportLoadError(stderr, err)
		return exitData
	}
	t, err := ds.Table(*table)
	if err == nil {
		err = t.Write(stdout, *format)
	}
	if err != nil {
		return outputFailed(stderr, fs, err)
	}
	return exitOK
}

// langFlag registers --lang on fs.
func langFlag(fs *flag.FlagSet) *string {
	return fs.String("lang", "zh", "display `LANG`: zh or en")
}

// parseLang checks a --lang value, printing the usage error.
func parseLang(fs *flag.FlagSet, s string) (ui.Lang, error) {
	l, ok := ui.ParseLang(s)
	if !ok {
		fmt.Fprintf(fs.Output(), "%s: unknown language %q: use zh or en\n", prefix(fs), s)
		return "", errUsage
	}
	return l, nil
}

// runDashboard opens the TUI.
func runDashboard(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlags("lzdash", stderr)
	path := dataFlag(fs)
	lang := langFlag(fs)
	watching := fs.Bool("watch", false, "reload the --data file when it changes")
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	l, err := parseLang(fs, *lang)
	if err != nil {
		return exitUsage
	}
	if *watching && *path == "" {
		fmt.Fprintln(stderr, "lzdash: --watch needs --data FILE: the embedded dataset never changes")
		return exitUsage
	}
	var w *watch.Watcher
	if *watching {
		w = watch.New(*path) // before the load, so that no change is missed
	}
	ds, err := loadDataset(*path)
	if err != nil {
		reportLoadError(stderr, err)
		return exitData
	}
	if !isTerminal(stdin) || !isTerminal(stdout) {
		fmt.Fprintln(stderr, "lzdash: the dashboard needs a terminal; for output to a file or pipe use lzdash snapshot or lzdash export")
		return exitUsage
	}
	p := tea.NewProgram(ui.New(ds, ui.Options{Lang: l, Dark: true}),
		tea.WithInput(filterInput(stdin)), tea.WithOutput(stdout), tea.WithFPS(ui.FPS))
	if w != nil {
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		// Send blocks while the program is busy and returns once it has
		// ended, so the watcher never queues reloads.
		go w.Poll(ctx, watch.Interval, func(ev watch.Event) {
			p.Send(ui.DatasetMsg{Dataset: ev.Dataset, Err: ev.Err})
		})
	}
	if _, err := p.Run(); err != nil {
		fmt.Fprintf(stderr, "lzdash: %v\n", err)
		return exitData
	}
	return exitOK
}

// filterInput passes the dashboard's input through safeinput, keeping a
// terminal a file that Bubble Tea can put in raw mode.
func filterInput(r io.Reader) io.Reader {
	if f, ok := r.(*os.File); ok {
		return safeinput.NewFile(f)
	}
	return safeinput.NewReader(r)
}

// isTerminal reports whether f is a terminal; readers and writers that
// are not files (as in tests) count as terminals.
func isTerminal(f any) bool {
	if fd, ok := f.(interface{ Fd() uintptr }); ok {
		return term.IsTerminal(fd.Fd())
	}
	return true
}

func runSnapshot(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("snapshot", stderr)
	path := dataFlag(fs)
	lang := langFlag(fs)
	tabName := fs.String("tab", "overview", "`TAB` to render: "+strings.Join(ui.TabNames[:], ", "))
	width := fs.Int("width", 100, "width in `COLUMNS`")
	height := fs.Int("height", 40, "height in `LINES`")
	color := fs.Bool("color", false, "keep colours and styles (ANSI escape codes)")
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	l, err := parseLang(fs, *lang)
	if err != nil {
		return exitUsage
	}
	tab, ok := ui.TabIndex(*tabName)
	if !ok {
		fmt.Fprintf(stderr, "lzdash snapshot: unknown tab %q: use one of %s\n", *tabName, strings.Join(ui.TabNames[:], ", "))
		return exitUsage
	}
	if *width < 1 || *height < 1 || *width > 1000 || *height > 1000 {
		fmt.Fprintln(stderr, "lzdash snapshot: --width and --height must be between 1 and 1000")
		return exitUsage
	}
	ds, err := loadDataset(*path)
	if err != nil {
		reportLoadError(stderr, err)
		return exitData
	}
	out := ui.Snapshot(ds, ui.SnapshotOptions{Tab: tab, Width: *width, Height: *height, Lang: l, Color: *color, Dark: true})
	if _, err := fmt.Fprintln(stdout, out); err != nil {
		return outputFailed(stderr, fs, err)
	}
	return exitOK
}
