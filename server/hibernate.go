package server

import (
	"io"
	"sync"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
)

// DefaultHibernate is the quiet period after which lzdash serve stops a
// dashboard's program, unless told otherwise.
const DefaultHibernate = time.Minute

// MinHibernate is the shortest quiet period lzdash serve takes: longer
// than the dashboard's notices (3 s), which clear themselves without
// input, and than anything Bubble Tea or its input decoder does after a
// key.
const MinHibernate = 5 * time.Second

// relayReadSize bounds one read of a session's filtered input.
const relayReadSize = 4 << 10

// relay hands a session's input, already filtered, to one reader at a
// time: the program of the moment, or the dashboard waiting to start the
// next one. A read of the session cannot be cancelled, so a read under
// way when a program stops goes on, and what it brings is kept for the
// next reader: no byte is lost or read twice, and only one read of the
// session is ever under way.
type relay struct {
	src     io.Reader
	res     chan readResult // the result of the read under way
	busy    sync.Mutex      // held by the reader of the moment, through its Read
	reading bool            // a read of src is under way; its result comes on res
	buf     []byte          // what that read fills
	held    []byte          // read and not yet handed out
	err     error           // what src returned last, once held is empty
}

func newRelay(src io.Reader) *relay {
	return &relay{src: src, res: make(chan readResult, 1), buf: make([]byte, relayReadSize)}
}

// start starts a read of src, unless one is under way. The caller holds
// busy.
func (r *relay) start() {
	if r.reading {
		return
	}
	r.reading = true
	go func() {
		n, err := r.src.Read(r.buf)
		r.res <- readResult{r.buf[:n], err}
	}()
}

// got records the result of the read under way. The caller holds busy.
func (r *relay) got(x readResult) {
	r.reading = false
	r.held, r.err = x.b, x.err
}

// pending reports whether input is held for the next reader. The caller
// holds busy.
func (r *relay) pending() bool { return len(r.held) > 0 }

// reader returns the input of a program watched by q: it ends, with
// nothing consumed, once q stops the program.
func (r *relay) reader(q *quiet) io.Reader { return &programInput{r: r, q: q} }

// programInput is one program's view of a relay.
type programInput struct {
	r *relay
	q *quiet
}

// Read implements io.Reader. It returns io.EOF once the program is
// stopped, and keeps what it had for the next program.
func (in *programInput) Read(p []byte) (int, error) {
	r := in.r
	r.busy.Lock()
	defer r.busy.Unlock()
	if len(r.held) == 0 && r.err == nil {
		r.start()
		select {
		case x := <-r.res:
			r.got(x)
		case <-in.q.cut:
			return 0, io.EOF
		}
	}
	if !in.q.touch() {
		return 0, io.EOF // stopped before this input could reach the program
	}
	if len(r.held) > 0 {
		n := copy(p, r.held)
		r.held = r.held[n:]
		return n, nil
	}
	return 0, r.err
}

// quiet watches one program for its quiet period: a stretch with no
// input handed to it, no resize or dataset forwarded to it and no output
// from it. At the end of one it stops the program without letting
// anything more reach the visitor, so that the screen stays as the
// program left it: its final render and its terminal restore are
// dropped. It is the program's output writer.
type quiet struct {
	period time.Duration // 0: never stop
	w      io.Writer

	wmu sync.Mutex // held through each write to w, so that a stop waits for it

	mu         sync.Mutex
	last       time.Time // the latest input, forward or output
	forwarding int       // forwards under way
	stopped    bool      // cut is closed, or the program has ended
	cut        chan struct{}
	timer      *time.Timer
}

func newQuiet(period time.Duration, w io.Writer) *quiet {
	return &quiet{period: period, w: w, last: time.Now(), cut: make(chan struct{})}
}

// watch stops the program with quit at the end of its first quiet
// period, if it has one.
func (q *quiet) watch(quit func()) {
	if q.period <= 0 {
		return
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	q.timer = time.AfterFunc(q.period, func() {
		if q.check() {
			quit()
		}
	})
}

// check stops the program if its quiet period is over, and otherwise
// looks again when it could be.
func (q *quiet) check() bool {
	q.wmu.Lock()
	defer q.wmu.Unlock()
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return false
	}
	wait := q.period - time.Since(q.last)
	if wait > 0 || q.forwarding > 0 {
		q.timer.Reset(max(wait, q.period/8, time.Millisecond))
		return false
	}
	q.stopped = true
	close(q.cut)
	return true
}

// end is called once the program has returned: it reports whether the
// program was stopped for quiet, and ends the watch.
func (q *quiet) end() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.timer != nil {
		q.timer.Stop()
	}
	asleep := q.stopped
	q.stopped = true
	return asleep
}

// touch records input handed to the program; false once it is stopped.
func (q *quiet) touch() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return false
	}
	q.last = time.Now()
	return true
}

// forward begins a forward to the program; false once it is stopped.
// Each true is followed by a call of forwarded.
func (q *quiet) forward() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.stopped {
		return false
	}
	q.forwarding++
	return true
}

func (q *quiet) forwarded() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.forwarding--
	q.last = time.Now()
}

// Write implements io.Writer: it writes the program's output, or drops
// it once the program is stopped for quiet.
func (q *quiet) Write(p []byte) (int, error) {
	q.wmu.Lock()
	defer q.wmu.Unlock()
	if isClosed(q.cut) {
		return len(p), nil
	}
	q.mu.Lock()
	q.last = time.Now()
	q.mu.Unlock()
	return q.w.Write(p)
}

func isClosed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}

// sleepRestore leaves a screen whose program was stopped for quiet as
// Bubble Tea's restore would have: as a shared first frame, and the
// Unicode mode (2027) its renderer turns on in terminals that have it.
const sleepRestore = frameRestore + ansi.ResetModeUnicodeCore

// sleep waits, with the session's program stopped for quiet and its
// screen left as it was, for the visitor's next input or resize, a
// dataset change, or the end of the session. It returns true when the
// next program is to start, with k's size the latest and the input that
// woke it held in in; false when the session ended first, after
// restoring the terminal and saying farewell if the connection is still
// there.
func (d *dashboard) sleep(k *frameKey, in *relay) bool {
	s := d.srv
	s.hibernated.Add(1)
	defer s.hibernated.Add(-1)
	s.log.Debug("dashboard hibernated", "remote-addr", d.sess.RemoteAddr().String())
	in.busy.Lock()
	defer in.busy.Unlock()
	if !in.pending() {
		var input <-chan readResult
		if in.err == nil {
			in.start()
			input = in.res
		}
		woke := d.until(k, input, func(x readResult) (<-chan readResult, bool) {
			in.got(x)
			switch {
			case len(x.b) > 0:
				return in.res, true
			case x.err == nil:
				in.start() // all of it filtered out
				return in.res, false
			default:
				return nil, false // input ended: see wait
			}
		})
		if !woke {
			return false
		}
	}
	s.log.Debug("dashboard woke", "remote-addr", d.sess.RemoteAddr().String())
	_, _ = io.WriteString(d.out, takeOver)
	return true
}

// resized is m told of k's size, when it has another.
func resized(m tea.Model, k frameKey, w, h int) tea.Model {
	if k.w != w || k.h != h {
		m, _ = m.Update(tea.WindowSizeMsg{Width: k.w, Height: k.h})
	}
	return m
}
