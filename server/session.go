package server

import (
	"sync"

	"charm.land/ssh"

	"lzdash/data"
	"lzdash/ui"
)

// goodbye is the last line a dashboard visitor sees when the server stops.
const goodbye = "lzdash: the server is shutting down: goodbye"

// route sends a session with a terminal and dashboard options (--plain,
// --lang) to runOptions, one with a command to runCommand, one with a
// terminal and no command to its own dashboard, and refuses the rest.
func (s *Server) route(sess ssh.Session, g *guardedConn) {
	_, winch, hasPty := sess.Pty()
	var args []string
	if sess.RawCommand() != "" {
		args = sess.Command() // the one parse of the command line
	}
	switch {
	case hasPty && dashboardOptions(args):
		s.runOptions(sess, g, args)
	case sess.RawCommand() != "":
		if hasPty {
			// Nobody else reads this session's window changes: drain
			// them, or the SSH library's request loop would block.
			go func() {
				for range winch {
				}
			}()
		}
		s.metrics.count(outcomeExec)
		s.runCommand(sess, g, args)
	case hasPty:
		s.metrics.count(outcomeDashboard)
		s.runDashboard(sess, g, s.visitorLang(sess))
	default:
		s.metrics.count(outcomeRefusedOther)
		s.refuse(sess, "no terminal: connect with ssh -t for the dashboard, or run export or snapshot", "no pty")
	}
}

// hub holds the dataset shared by every session and the mailboxes of
// the sessions to tell when it changes: each dashboard's, and each plain
// reader's.
type hub struct {
	mu     sync.Mutex
	ds     *data.Dataset // the latest good dataset
	err    error         // the last reload's error, if it failed
	closed bool
	boxes  map[*latest[ui.DatasetMsg]]struct{}
}

func newHub(ds *data.Dataset) *hub {
	return &hub{ds: ds, boxes: map[*latest[ui.DatasetMsg]]struct{}{}}
}

// current returns the latest good dataset.
func (h *hub) current() *data.Dataset {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.ds
}

// join registers a session's mailbox and returns the dataset the session
// starts on; a new visitor is also told if the last reload failed. It
// reports false once the hub is closed.
func (h *hub) join(box *latest[ui.DatasetMsg]) (*data.Dataset, bool) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed {
		return nil, false
	}
	h.boxes[box] = struct{}{}
	if h.err != nil {
		box.put(ui.DatasetMsg{Err: ui.ErrDataWithheld})
	}
	return h.ds, true
}

// leave forgets a session's mailbox.
func (h *hub) leave(box *latest[ui.DatasetMsg]) {
	h.mu.Lock()
	defer h.mu.Unlock()
	delete(h.boxes, box)
}

// publish records a reload and tells every open session: a good dataset
// replaces the old one; an error keeps it, and the sessions say that
// the file has a problem (the details go to the server's log only: a
// visitor is not told the server's file names). Each session holds at
// most one pending dataset, the latest, so a slow one never queues
// reloads.
func (h *hub) publish(ds *data.Dataset, err error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if err == nil {
		h.ds = ds
	}
	h.err = err
	msg := ui.DatasetMsg{Dataset: ds}
	if err != nil {
		msg = ui.DatasetMsg{Err: ui.ErrDataWithheld}
	}
	for box := range h.boxes {
		box.put(msg)
	}
}

// close refuses new dashboards.
func (h *hub) close() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.closed = true
}
