package server

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"charm.land/ssh"

	"lzdash/data"
	"lzdash/ui"
)

// maxCommandLine bounds an exec request's command line. Longer ones are
// refused before anything parses or logs them: the shell-word splitter
// costs time that grows faster than the line.
const maxCommandLine = 4096

// commands lists what a session may run, for the refusal message.
const commands = "export [--table TABLE] [--format json|csv], snapshot [--tab TAB] [--width N] [--height N] [--lang zh|en]"

// runCommand answers export and snapshot, writing to the session, and
// refuses anything else with one line on stderr and exit status 1. The
// commands only read the loaded dataset: they take no file name, so they
// can neither read nor write files on the server.
func (s *Server) runCommand(sess ssh.Session, g *guardedConn) {
	args := sess.Command() // the one parse of the command line
	if len(args) == 0 {
		s.refuse(sess, "cannot parse the command line", "bad command line")
		return
	}
	ds, _ := s.hub.current()
	out := newStallWriter(sess, s.cfg.WriteTimeout, func() { g.drop("stalled: the client stopped reading") })
	var err error
	switch args[0] {
	case "export":
		err = s.export(out, ds, args[1:])
	case "snapshot":
		err = s.snapshot(out, ds, args[1:])
	default:
		s.refuse(sess, fmt.Sprintf("unknown command %q: use %s", clip(args[0]), commands), "unknown command")
		return
	}
	if err != nil {
		fmt.Fprintf(sess.Stderr(), "lzdash %s: %s\n", oneLine(args[0]), oneLine(err.Error()))
		s.log.Info("command refused", "remote-addr", sess.RemoteAddr().String(), "command", clip(args[0]), "error", clipN(err.Error(), 160))
		_ = sess.Exit(1)
		return
	}
	_ = sess.Exit(0)
}

func (s *Server) export(w io.Writer, ds *data.Dataset, args []string) error {
	fs := newFlags("export")
	format := fs.String("format", "json", "output `FORMAT`: json or csv")
	table := fs.String("table", "figures", "`TABLE`: "+strings.Join(data.TableNames[:], ", "))
	if err := parse(fs, args); err != nil {
		return err
	}
	t, err := ds.Table(*table)
	switch {
	case err != nil:
		return fmt.Errorf("unknown table %q: use %s", clip(*table), strings.Join(data.TableNames[:], ", "))
	case *format == "json", *format == "csv":
		return t.Write(w, *format)
	}
	return fmt.Errorf("unknown format %q: use json or csv", clip(*format))
}

func (s *Server) snapshot(w io.Writer, ds *data.Dataset, args []string) error {
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
	_, err := fmt.Fprintln(w, out)
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

// clip shortens a visitor's string for a message or a log; %q (or the
// logger's quoting) then escapes its control characters. It looks at no
// more of s than it keeps.
func clip(s string) string { return clipN(s, 40) }

// clipN is clip with a limit of n characters, for longer messages such as
// errors that may quote what a client sent.
func clipN(s string, limit int) string {
	n := 0
	for i := range s {
		if n == limit {
			return s[:i] + "..."
		}
		n++
	}
	return s
}

// maxLine bounds one line of a message to a visitor.
const maxLine = 300

// oneLine makes s safe to print to a visitor's terminal as one line:
// control characters (newlines and escapes among them) and invalid UTF-8
// are written as \x.. escapes, and the result is cut to maxLine bytes.
func oneLine(s string) string {
	var b strings.Builder
	for i, r := range s {
		if b.Len() >= maxLine {
			b.WriteString("...")
			break
		}
		switch {
		case r == utf8.RuneError && !strings.HasPrefix(s[i:], "\uFFFD"):
			fmt.Fprintf(&b, "\\x%02x", s[i])
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			fmt.Fprintf(&b, "\\x%02x", r)
		case data.Sanitize(string(r)) == "":
			fmt.Fprintf(&b, "\\u%04X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
