package server

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"charm.land/ssh"

	"lzdash/internal/plain"
	"lzdash/ui"
)

// dashboardOptions reports whether a pty session's command line gives
// options of the dashboard (ssh -t host -- --plain) rather than a
// command of the tree.
func dashboardOptions(args []string) bool {
	return len(args) > 0 && strings.HasPrefix(args[0], "-")
}

// parseOptions reads a pty session's dashboard options: --plain for the
// line-oriented reader, --lang zh|en for the language it opens in.
func parseOptions(args []string, def ui.Lang) (plainMode bool, lang ui.Lang, err error) {
	fs := flag.NewFlagSet("lzdash", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	p := fs.Bool("plain", false, "")
	l := fs.String("lang", string(def), "")
	if err := fs.Parse(args); err != nil {
		return false, "", fmt.Errorf("%s: the options are --plain and --lang zh|en", oneLine(err.Error()))
	}
	if fs.NArg() > 0 {
		return false, "", fmt.Errorf("unexpected argument %q: the options are --plain and --lang zh|en", clip(fs.Arg(0)))
	}
	lang, ok := ui.ParseLang(*l)
	if !ok {
		return false, "", fmt.Errorf("unknown language %q: use zh or en", clip(*l))
	}
	return *p, lang, nil
}

// runOptions runs the dashboard, or with --plain the line-oriented
// reader, as a pty session's options ask; it refuses other options in
// one line.
func (s *Server) runOptions(sess ssh.Session, g *guardedConn, args []string) {
	plainMode, lang, err := parseOptions(args, s.visitorLang(sess))
	if err != nil {
		s.metrics.count(outcomeRefusedOther)
		s.refuse(sess, err.Error(), "bad dashboard options")
		return
	}
	s.metrics.count(outcomeDashboard)
	if !plainMode {
		s.runDashboard(sess, g, lang)
		return
	}
	_, winch, _ := sess.Pty()
	go func() { // a line reader has no use for window changes
		for range winch {
		}
	}()
	// The reader is told of reloads as the dashboards are, through a
	// mailbox of its own that holds the latest.
	var box latest[ui.DatasetMsg]
	box.init()
	ds, ok := s.hub.join(&box)
	if !ok {
		return
	}
	defer s.hub.leave(&box)
	out := newStallWriter(sess, s.cfg.WriteTimeout, func() { g.drop("stalled: the client stopped reading") })
	// The visitor's bytes go through the reader's bounded line reader,
	// which keeps printable characters alone and echoes only those.
	o := plain.Options{Lang: string(lang), Terminal: true, Reloads: func() (plain.Reload, bool) {
		msg, ok := box.take()
		// A failed reload's details stay in the server's log.
		return plain.Reload{Dataset: msg.Dataset}, ok
	}}
	if err := plain.Read(ds, sess, out, o); err != nil {
		_ = sess.Exit(1)
		return
	}
	_ = sess.Exit(0)
}
