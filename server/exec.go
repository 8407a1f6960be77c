package server

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"charm.land/ssh"

	"lzdash/data"
	"lzdash/ui"
)

// commands lists what a session may run, for the refusal message.
const commands = "export [--format json|csv], snapshot [--tab TAB] [--width N] [--height N] [--lang zh|en]"

// runCommand answers export and snapshot, writing to the session, and
// refuses anything else with one line on stderr and exit status 1. The
// commands only read the loaded dataset: they take no file name, so they
// can neither read nor write files on the server.
func (s *Server) runCommand(sess ssh.Session) {
	args := sess.Command()
	if len(args) == 0 {
		s.refuse(sess, "cannot parse the command line", "bad command line")
		return
	}
	ds, _ := s.hub.current()
	var err error
	switch args[0] {
	case "export":
		err = s.export(sess, ds, args[1:])
	case "snapshot":
		err = s.snapshot(sess, ds, args[1:])
	default:
		s.refuse(sess, fmt.Sprintf("unknown command %q: use %s", clip(args[0]), commands), "unknown command")
		return
	}
	if err != nil {
		fmt.Fprintf(sess.Stderr(), "lzdash %s: %v\n", args[0], err)
		s.log.Info("command refused", "remote-addr", sess.RemoteAddr().String(), "command", args[0], "error", err)
		_ = sess.Exit(1)
		return
	}
	_ = sess.Exit(0)
}

func (s *Server) export(sess ssh.Session, ds *data.Dataset, args []string) error {
	fs := newFlags("export")
	format := fs.String("format", "json", "output `FORMAT`: json or csv")
	if err := parse(fs, args); err != nil {
		return err
	}
	recs := ds.Records()
	switch *format {
	case "json":
		return data.WriteJSON(sess, recs)
	case "csv":
		return data.WriteCSV(sess, recs)
	}
	return fmt.Errorf("unknown format %q: use json or csv", clip(*format))
}

func (s *Server) snapshot(sess ssh.Session, ds *data.Dataset, args []string) error {
	fs := newFlags("snapshot")
	tabName := fs.String("tab", "overview", "`TAB` to render: "+strings.Join(ui.TabNames[:], ", "))
	width := fs.Int("width", 100, "width in `COLUMNS`")
	height := fs.Int("height", 40, "height in `LINES`")
	lang := fs.String("lang", string(s.cfg.Lang), "display `LANG`: zh or en")
	if err := parse(fs, args); err != nil {
		return err
	}
	tab, ok := ui.TabIndex(*tabName)
	if !ok {
		return fmt.Errorf("unknown tab %q: use one of %s", clip(*tabName), strings.Join(ui.TabNames[:], ", "))
	}
	l, ok := ui.ParseLang(*lang)
	if !ok {
		return fmt.Errorf("unknown language %q: use zh or en", clip(*lang))
	}
	if *width < 1 || *height < 1 || *width > maxCols || *height > maxRows {
		return fmt.Errorf("--width must be 1 to %d and --height 1 to %d", maxCols, maxRows)
	}
	out := ui.Snapshot(ds, ui.SnapshotOptions{Tab: tab, Width: *width, Height: *height, Lang: l, Dark: true})
	_, err := fmt.Fprintln(sess, out)
	return err
}

// newFlags returns a silent flag set for a remote command: parse reports
// its errors, and -h, in one line instead of the flag package's usage.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses the flags of a remote command and rejects stray arguments.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return fmt.Errorf("flags: %s", flagList(fs))
		}
		return fmt.Errorf("%w: flags are %s", err, flagList(fs))
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", clip(fs.Arg(0)))
	}
	return nil
}

// flagList lists the flags of fs on one line.
func flagList(fs *flag.FlagSet) string {
	var names []string
	fs.VisitAll(func(f *flag.Flag) {
		name, _ := flag.UnquoteUsage(f)
		names = append(names, "--"+f.Name+" "+name)
	})
	return strings.Join(names, ", ")
}

// clip shortens a visitor's string for an error message; %q then
// escapes its control characters.
func clip(s string) string {
	const limit = 40
	if r := []rune(s); len(r) > limit {
		return string(r[:limit]) + "..."
	}
	return s
}
