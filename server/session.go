package server

import (
	"fmt"
	"sync"

	tea "charm.land/bubbletea/v2"
	"charm.land/ssh"
	"charm.land/wish/v2"
	"charm.land/wish/v2/bubbletea"

	"lzdash/data"
	"lzdash/ui"
)

// goodbye is the last line a dashboard visitor sees when the server stops.
const goodbye = "lzdash: the server is shutting down: goodbye"

// route sends a session with a command to runCommand, one with a terminal
// and no command to its own dashboard, and refuses the rest.
func (s *Server) route() wish.Middleware {
	dashboard := bubbletea.MiddlewareWithProgramHandler(s.newProgram)(func(ssh.Session) {})
	return func(next ssh.Handler) ssh.Handler {
		return func(sess ssh.Session) {
			_, _, hasPty := sess.Pty()
			switch {
			case sess.RawCommand() != "":
				s.runCommand(sess)
			case hasPty:
				s.runDashboard(sess, dashboard)
			default:
				s.refuse(sess, "no terminal: connect with ssh -t for the dashboard, or run export or snapshot", "no pty")
			}
			next(sess)
		}
	}
}

// runDashboard runs the dashboard of one session, then says goodbye if
// the server is stopping.
func (s *Server) runDashboard(sess ssh.Session, dashboard ssh.Handler) {
	defer s.hub.leave(sess)
	dashboard(sess)
	if s.closing.Load() {
		fmt.Fprintln(sess, goodbye)
	}
}

// newProgram builds the dashboard of one session on the latest dataset
// and registers it for reloads. It returns nil, so that no dashboard
// starts, once the server is shutting down.
func (s *Server) newProgram(sess ssh.Session) *tea.Program {
	ds, ver := s.hub.current()
	m := s.cfg.newModel(ds, ui.Options{Lang: s.cfg.Lang, Dark: true, Shared: s.pages})
	// The server handles SIGINT and SIGTERM: a program must not quit on
	// them by itself.
	opts := append(bubbletea.MakeOptions(sess), tea.WithoutSignalHandler(), tea.WithFPS(ui.FPS))
	p := tea.NewProgram(m, opts...)
	if !s.hub.join(sess, p, ver) {
		return nil
	}
	return p
}

// hub holds the dataset shared by every session and the programs to tell
// when it changes.
type hub struct {
	mu     sync.Mutex
	ds     *data.Dataset // the latest good dataset
	ver    uint64        // counts changes of ds
	err    error         // the last reload's error, if it failed
	closed bool
	progs  map[ssh.Session]*tea.Program
}

func newHub(ds *data.Dataset) *hub {
	return &hub{ds: ds, progs: map[ssh.Session]*tea.Program{}}
}

// current returns the latest good dataset and the version it belongs to.
func (h *hub) current() (*data.Dataset, uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.ds, h.ver
}

// join registers p, built on version ver of the data, and catches it up
// if a reload came in meanwhile or the last one failed. It reports false
// once the hub is closed.
func (h *hub) join(sess ssh.Session, p *tea.Program, ver uint64) bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return false
	}
	h.progs[sess] = p
	var msgs []tea.Msg
	if h.ver != ver {
		msgs = append(msgs, ui.DatasetMsg{Dataset: h.ds})
	}
	if h.err != nil {
		msgs = append(msgs, ui.DatasetMsg{Err: h.err})
	}
	if len(msgs) > 0 {
		// Send blocks until the program runs, which is after we return.
		go func() {
			for _, m := range msgs {
				p.Send(m)
			}
		}()
	}
	return true
}

// leave forgets the program of sess.
func (h *hub) leave(sess ssh.Session) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.progs, sess)
}

// publish records a reload and tells every open dashboard: a good dataset
// replaces the old one; an error keeps it, and the dashboards show the
// error.
func (h *hub) publish(ds *data.Dataset, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err == nil {
		h.ds = ds
		h.ver++
	}
	h.err = err
	msg := ui.DatasetMsg{Dataset: ds, Err: err}
	for _, p := range h.progs {
		// Send blocks until the program takes the message; one busy
		// session must not hold up the others.
		go p.Send(msg)
	}
}

// close quits every open dashboard and refuses new ones.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
	for _, p := range h.progs {
		go p.Quit()
	}
}
