// Package cli is lzdash's one command tree: snapshot, export, validate,
// verify, schema, init and config, each defined once with its flags, limits, help and messages. The
// same definitions run in the terminal (lzdash export ...) and as SSH exec
// commands (ssh host export ...) over the server's loaded dataset; over
// SSH, the commands and flags that read files on the server are absent.
package cli

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"lzdash/data"
	"lzdash/ui"
)

// Exit statuses of a local command. Over SSH every failure is status 1.
const (
	ExitData  = 1 // the data could not be read, or the output written
	ExitUsage = 2 // a mistake on the command line
)

// Snapshot sizes. Locally a snapshot is at most MaxWidth by MaxHeight.
// Over SSH it is at most RemoteMaxWidth by RemoteMaxHeight, the largest
// window the server draws a dashboard in: every cell costs server memory.
const (
	MaxWidth        = 1000
	MaxHeight       = 1000
	RemoteMaxWidth  = 320
	RemoteMaxHeight = 120
)

// Env is where a command runs.
type Env struct {
	Stdout, Stderr io.Writer
	// Remote is set for an SSH exec command: flags that read files are
	// absent, snapshots obey the remote size caps, and every failure is
	// returned as an Error with nothing written to Stderr.
	Remote bool
	// Lang is the default of --lang.
	Lang ui.Lang
	// Load returns the dataset at path; "" is the default dataset (the
	// embedded one locally, the loaded one on a server).
	Load func(path string) (*data.Dataset, error)
	// Source returns the text of the dataset at path ("" as for Load),
	// for verify to locate its problems. Only local commands use it.
	Source func(path string) ([]byte, error)
	// Getenv reads the environment, for the locale's language; nil
	// reads none.
	Getenv func(string) string
}

// Error is a failed command. Msg is one line, without the "lzdash CMD: "
// prefix; Shown reports that the details were printed already (locally:
// a flag error with the help, or a dataset's problems, one per line).
type Error struct {
	Code  int
	Msg   string
	Shown bool
}

func (e *Error) Error() string { return e.Msg }

// usagef is a command-line mistake.
func usagef(format string, args ...any) error {
	return &Error{Code: ExitUsage, Msg: fmt.Sprintf(format, args...)}
}

// Command is one subcommand of the tree.
type Command struct {
	Name    string
	Summary string
	// Remote reports that the command runs over SSH. Commands that read
	// files named on their command line do not.
	Remote bool
	// Checks reports that the command checks the dataset's text: where
	// the default dataset has a faster form than its text, the command
	// must be given the text's parse (Env.Load), so that what it reports
	// is about the file.
	Checks bool
	// required names the flag that must be given, for the synopsis.
	required string
	// define registers the command's flags for env on fs and returns
	// what runs once they are parsed.
	define func(fs *flag.FlagSet, env Env) func() error
}

// Commands returns the tree, in the order help lists it.
func Commands() []Command {
	return []Command{validateCmd(), exportCmd(), verifyCmd(), snapshotCmd(), schemaCmd(), initCmd(), configCmd()}
}

// Find returns the command called name.
func Find(name string) (Command, bool) {
	for _, c := range Commands() {
		if c.Name == name {
			return c, true
		}
	}
	return Command{}, false
}

// Synopses lists the commands available locally, or over SSH when remote
// is set, each with its flags, as "export [--format json|csv] ...".
func Synopses(remote bool) []string {
	var out []string
	for _, c := range Commands() {
		if c.Remote || !remote {
			out = append(out, c.Synopsis(remote))
		}
	}
	return out
}

// flags returns the flag set of c for env, and what runs after parsing.
func (c Command) flags(env Env) (*flag.FlagSet, func() error) {
	fs := flag.NewFlagSet(c.Name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs, c.define(fs, env)
}

// Synopsis is the command's name and flags, as usage lines show them.
func (c Command) Synopsis(remote bool) string {
	fs, _ := c.flags(Env{Remote: remote})
	parts := []string{c.Name}
	fs.VisitAll(func(f *flag.Flag) {
		arg, _ := flag.UnquoteUsage(f)
		s := "--" + f.Name
		if arg != "" {
			s += " " + arg
		}
		if f.Name != c.required {
			s = "[" + s + "]"
		}
		parts = append(parts, s)
	})
	return strings.Join(parts, " ")
}

// Help is the text of lzdash CMD --help.
func (c Command) Help(remote bool) string {
	fs, _ := c.flags(Env{Remote: remote})
	var b strings.Builder
	fmt.Fprintf(&b, "Usage: lzdash %s\n\n%s.\n\nFlags:\n", c.Synopsis(remote), capitalize(c.Summary))
	fs.VisitAll(func(f *flag.Flag) {
		arg, usage := flag.UnquoteUsage(f)
		fmt.Fprintf(&b, "  --%s", f.Name)
		if arg != "" {
			fmt.Fprintf(&b, " %s", arg)
		}
		fmt.Fprintf(&b, "\n        %s", usage)
		if f.DefValue != "" && f.DefValue != "false" {
			fmt.Fprintf(&b, " (default %s)", f.DefValue)
		}
		b.WriteString("\n")
	})
	return b.String()
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// Run parses args (the words after the command's name) and runs the
// command in env. -h and --help print the help (over SSH, the synopsis
// as one line of an Error).
func (c Command) Run(env Env, args []string) error {
	if env.Remote {
		env.Stderr = io.Discard
	}
	fs, run := c.flags(env)
	if err := fs.Parse(args); err != nil {
		switch {
		case env.Remote && errors.Is(err, flag.ErrHelp):
			return usagef("usage: %s: %s", c.Synopsis(true), c.Summary)
		case env.Remote:
			return usagef("%v: usage: %s", err, c.Synopsis(true))
		case errors.Is(err, flag.ErrHelp):
			return output(io.WriteString(env.Stdout, c.Help(false)))
		}
		fmt.Fprintf(env.Stderr, "lzdash %s: %v\n\n%s", c.Name, err, c.Help(false))
		return &Error{Code: ExitUsage, Msg: err.Error(), Shown: true}
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %.40q", fs.Arg(0))
	}
	return run()
}

// output turns a failed write of the command's output into its Error.
func output(_ int, err error) error {
	if err != nil {
		return &Error{Code: ExitData, Msg: "writing output: " + data.Sanitize(err.Error())}
	}
	return nil
}

// load reads the dataset at path; locally, its problems are printed one
// per line.
func load(env Env, path string) (*data.Dataset, error) {
	ds, err := env.Load(path)
	if err == nil {
		return ds, nil
	}
	if env.Remote {
		return nil, &Error{Code: ExitData, Msg: data.Sanitize(err.Error())}
	}
	PrintLoadError(env.Stderr, err)
	return nil, &Error{Code: ExitData, Msg: err.Error(), Shown: true}
}

// PrintLoadError prints a dataset error: each problem on its own line
// (FILE:LINE:COL: field: message) and their count, or one line.
func PrintLoadError(w io.Writer, err error) {
	printProblems(w, err, "%d problem(s) found\n", "lzdash: %s\n")
}

// printProblems prints each of a file's located problems on its own line
// and then their count in the words of count; an error that is not a list
// of problems goes on one line, sanitised, in the words of one.
func printProblems(w io.Writer, err error, count, one string) {
	var ps data.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(w, p.Error())
		}
		fmt.Fprintf(w, count, len(ps))
		return
	}
	fmt.Fprintf(w, one, data.Sanitize(err.Error()))
}

// dataFlag registers --data on a local command's flags; over SSH the
// command has no such flag, and reads the server's dataset.
func dataFlag(fs *flag.FlagSet, env Env) *string {
	if env.Remote {
		return new(string)
	}
	return fs.String("data", "", "dataset `FILE` (default: the embedded Lanzhou dataset)")
}
