package server

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"charm.land/ssh"

	"lzdash/data"
	"lzdash/internal/cli"
)

// maxCommandLine bounds an exec request's command line. Longer ones are
// refused before anything parses or logs them: the shell-word splitter
// costs time that grows faster than the line.
const maxCommandLine = 4096

// runCommand runs a command of lzdash's command tree (package cli) over
// the loaded dataset, writing to the session, and refuses anything else
// with one line on stderr and exit status 1. Over SSH the tree has no
// flag that names a file, and no command that reads one, so a visitor
// can neither read nor write files on the server.
func (s *Server) runCommand(sess ssh.Session, g *guardedConn, args []string) {
	if len(args) == 0 {
		s.refuse(sess, "cannot parse the command line", "bad command line")
		return
	}
	c, ok := cli.Find(args[0])
	switch {
	case !ok:
		s.refuse(sess, fmt.Sprintf("unknown command %q: use %s", clip(args[0]), remoteCommands()), "unknown command")
		return
	case !c.Remote:
		s.refuse(sess, fmt.Sprintf("%s is not available over SSH: it reads files on the server; use %s", c.Name, remoteCommands()), "local command")
		return
	}
	ds := s.hub.current()
	out := newStallWriter(sess, s.cfg.WriteTimeout, func() { g.drop("stalled: the client stopped reading") })
	env := cli.Env{Stdout: out, Remote: true, Lang: s.Settings().Lang,
		Load: func(string) (*data.Dataset, error) { return ds, nil }}
	if err := c.Run(env, args[1:]); err != nil {
		fmt.Fprintf(sess.Stderr(), "lzdash %s: %s\n", c.Name, oneLine(err.Error()))
		s.log.Info("command refused", "remote-addr", sess.RemoteAddr().String(), "command", c.Name, "error", clipN(err.Error(), 160))
		_ = sess.Exit(1)
		return
	}
	_ = sess.Exit(0)
}

// remoteCommands lists what a session may run, for a refusal.
func remoteCommands() string { return strings.Join(cli.Synopses(true), ", ") }

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
