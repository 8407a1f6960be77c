package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"lzdash/data"
	"lzdash/data/watch"
	"lzdash/internal/cli"
	"lzdash/internal/config"
	"lzdash/internal/safeinput"
	"lzdash/ui"
)

// version is the release this source tree builds.
const version = "0.1.0"

// usage is lzdash help: the dashboard, the command tree's synopses, and
// the commands only the terminal has.
func usage() string {
	var b strings.Builder
	b.WriteString("lzdash: Lanzhou science-and-technology innovation indicators in the terminal\n\nUsage:\n")
	line := func(synopsis, summary string) { fmt.Fprintf(&b, "  lzdash %s\n        %s\n", synopsis, summary) }
	line(dashboardSynopsis, "open the dashboard")
	line(plainSynopsis, "read the figures as sentences, for a screen reader")
	for _, c := range cli.Commands() {
		line(c.Synopsis(false), c.Summary)
	}
	line("serve [--listen ADDR] [...]", "serve the dashboard over SSH (serve -h)")
	line("--version", "print the version")
	line("help", "show this help")
	b.WriteString("\nFlags of the dashboard and --plain:\n")
	newDashboardFlags(io.Discard).fs.VisitAll(func(f *flag.Flag) {
		arg, text := flag.UnquoteUsage(f)
		fmt.Fprintf(&b, "  --%s", f.Name)
		if arg != "" {
			fmt.Fprintf(&b, " %s", arg)
		}
		fmt.Fprintf(&b, "\n        %s\n", text)
	})
	b.WriteString("\nWithout --data, the dataset compiled into lzdash is used. The settings come from\n" +
		"the flags, then the config file (--config FILE, or lzdash/config.yaml in the user\n" +
		"config dir), then for the language the locale; lzdash config prints them.\n" +
		"lzdash COMMAND --help describes a command. Over SSH, " + strings.Join(remoteNames(), " and ") + "\n" +
		"run on the server's dataset.\n")
	return b.String()
}

// The synopses of the dashboard and of --plain, which lzdash help shows:
// every flag newDashboardFlags defines is in one of them.
const (
	dashboardSynopsis = "[--ascii] [--config FILE] [--data FILE [--watch]] [--lang zh|en] [--tab TAB] [--theme THEME]"
	plainSynopsis     = "--plain [--config FILE] [--data FILE [--watch]] [--lang zh|en]"
)

// dashboardFlags are the flags of the dashboard and of --plain.
type dashboardFlags struct {
	fs                    *flag.FlagSet
	path                  *string
	settings              func() (string, config.Flags, error)
	watch, plain, asciiOn *bool
}

// newDashboardFlags defines the flags of the dashboard and of --plain.
func newDashboardFlags(stderr io.Writer) dashboardFlags {
	fs := newFlags("lzdash", stderr)
	return dashboardFlags{
		fs:       fs,
		path:     dataFlag(fs),
		settings: cli.SettingsFlags(fs),
		watch:    fs.Bool("watch", false, "reload the --data file when it changes (with --plain, before the next command)"),
		plain:    fs.Bool("plain", false, "read the figures as sentences, line by line, for a screen reader or a braille display"),
		asciiOn:  fs.Bool("ascii", false, "draw borders and marks in ASCII, for terminals that draw ambiguous-width characters two columns wide (on by itself when RUNEWIDTH_EASTASIAN or a CJK locale says so)"),
	}
}

// remoteNames names the commands that also run over SSH.
func remoteNames() []string {
	var names []string
	for _, c := range cli.Commands() {
		if c.Remote {
			names = append(names, c.Name)
		}
	}
	return names
}

// exit codes
const (
	exitOK    = 0
	exitData  = cli.ExitData
	exitUsage = cli.ExitUsage
)

// errUsage marks a command-line mistake; the message has been printed.
var errUsage = errors.New("usage error")

// run is the whole program behind main, returning the exit code.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		if c, ok := cli.Find(args[0]); ok {
			return runCommand(c, args[1:], stdout, stderr)
		}
		switch args[0] {
		case "serve":
			return runServe(args[1:], stdout, stderr)
		case "help", "-h", "-help", "--help":
			fmt.Fprint(stdout, usage())
			return exitOK
		case "version", "-version", "--version":
			fmt.Fprintln(stdout, versionString())
			return exitOK
		}
		if !strings.HasPrefix(args[0], "-") {
			fmt.Fprintf(stderr, "lzdash: unknown command %q\n\n%s", args[0], usage())
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

// loadDataset reads and validates the dataset at path, or returns the
// embedded one, from its generated form, when path is empty.
func loadDataset(path string) (*data.Dataset, error) {
	if path == "" {
		return generatedDataset(), nil
	}
	return data.Load(path)
}

// parseDataset is loadDataset, parsing the embedded dataset's YAML, for
// the commands that check the file.
func parseDataset(path string) (*data.Dataset, error) {
	if path == "" {
		return data.Parse(embeddedName, embedded)
	}
	return data.Load(path)
}

// runCommand runs a command of the tree in the terminal, on the embedded
// dataset or the --data file, and returns its exit code.
func runCommand(c cli.Command, args []string, stdout, stderr io.Writer) int {
	env := cli.Env{Stdout: stdout, Stderr: stderr, Lang: ui.Zh, Load: loadDataset, Source: datasetSource, Getenv: os.Getenv}
	if c.Checks {
		env.Load = parseDataset
	}
	err := c.Run(env, args)
	if err == nil {
		return exitOK
	}
	var e *cli.Error
	if !errors.As(err, &e) {
		e = &cli.Error{Code: exitData, Msg: err.Error()}
	}
	if !e.Shown {
		fmt.Fprintf(stderr, "lzdash %s: %s\n", c.Name, e.Msg)
	}
	return e.Code
}

// datasetSource returns the text of the dataset at path, or of the
// embedded one when path is empty.
func datasetSource(path string) ([]byte, error) {
	if path == "" {
		return embedded, nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("reading dataset: %w", err)
	}
	return b, nil
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
	df := newDashboardFlags(stderr)
	fs, path, settingsOf, watching, plainMode, asciiOnly := df.fs, df.path, df.settings, df.watch, df.plain, df.asciiOn
	// As with the commands: -h or --help among the flags prints lzdash
	// help, and a mistake prints itself and the help.
	fs.Usage = func() {}
	fs.SetOutput(io.Discard) // the error is printed below, once
	err := fs.Parse(args)
	fs.SetOutput(stderr)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, usage())
			return exitOK
		}
		fmt.Fprintf(stderr, "lzdash: %v\n\n%s", err, usage())
		return exitUsage
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(stderr, "lzdash: unexpected argument %q\n", fs.Arg(0))
		return exitUsage
	}
	cfgPath, flags, err := settingsOf()
	if err != nil {
		fmt.Fprintf(stderr, "lzdash: %v\n", err)
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
	cfg, err := config.Read(cfgPath)
	if err != nil {
		fmt.Fprintf(stderr, "lzdash: --config: %s\n", data.Sanitize(err.Error()))
		return exitUsage
	}
	set := config.Resolve(cfg.Config, flags, os.Getenv)
	ds, err := loadDataset(*path)
	if err != nil {
		cli.PrintLoadError(stderr, err)
		return exitData
	}
	if *plainMode {
		if cfg.Err != nil {
			cli.PrintConfigProblems(stderr, cfg.Err)
		}
		return runPlain(ds, set.Lang, w, stdin, stdout, stderr)
	}
	if !isTerminal(stdin) || !isTerminal(stdout) {
		fmt.Fprintln(stderr, "lzdash: the dashboard needs a terminal; for output to a file or pipe use lzdash snapshot or lzdash export")
		return exitUsage
	}
	o := ui.Options{Lang: set.Lang, Tab: set.Tab, Theme: set.Theme, Keys: ui.NewKeys(set.Keys), ConfigErr: cfg.Err,
		Dark: true, ASCII: *asciiOnly || ui.AmbiguousWide(os.Getenv)}
	p := tea.NewProgram(ui.New(ds, o),
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
