package plain

import (
	"errors"
	"fmt"
	"sync"

	"lzdash/data"
)

// Reload is one reload of the dataset a reader reads: the new dataset,
// or, with Dataset nil, a reload that failed and left the last good one
// in place. Err, when set, says why; a server leaves it nil, keeping its
// files' names and positions to itself.
type Reload struct {
	Dataset *data.Dataset
	Err     error
}

// Mailbox holds the latest reload for one reader, put by another
// goroutine: a newer one replaces one not yet taken, so that reloads
// never queue. The zero Mailbox is empty and ready.
type Mailbox struct {
	mu  sync.Mutex
	r   Reload
	has bool
}

// Put replaces the reload held. It never blocks.
func (mb *Mailbox) Put(r Reload) {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	mb.r, mb.has = r, true
}

// Take returns the reload held, if any, and empties the box: it serves
// as Options.Reloads.
func (mb *Mailbox) Take() (Reload, bool) {
	mb.mu.Lock()
	defer mb.mu.Unlock()
	r, ok := mb.r, mb.has
	mb.r, mb.has = Reload{}, false
	return r, ok
}

// reload takes a reload, in one line: a new dataset replaces the old,
// the metric read last staying current if it still exists; a failed one
// keeps the old, and says so.
func (r *reader) reload(rl Reload) {
	if rl.Dataset == nil {
		why := ""
		if rl.Err != nil {
			why = problemText(rl.Err)
		}
		switch {
		case why == "":
			r.say(r.s.pick("The dataset could not be reloaded; these are still the last good figures.", "数据重新加载失败，以下仍为上次的有效数据。"))
		default:
			r.say(r.s.end(fmt.Sprintf(r.s.pick("The dataset could not be reloaded (%s); these are still the last good figures", "数据重新加载失败（%s），以下仍为上次的有效数据"), why)))
		}
		return
	}
	id := ""
	if r.current >= 0 && r.current < len(r.ds.Metrics) {
		id = r.ds.Metrics[r.current].ID
	}
	r.ds, r.s, r.current = rl.Dataset, New(rl.Dataset, r.s.lang()), -1
	for i := range r.ds.Metrics {
		if id != "" && r.ds.Metrics[i].ID == id {
			r.current = i
		}
	}
	r.say(r.s.pick("Dataset reloaded.", "数据已重新加载。"))
}

// problemText is a failed load's first problem, and how many follow.
func problemText(err error) string {
	var ps data.Problems
	if errors.As(err, &ps) && len(ps) > 0 {
		s := ps[0].Error()
		if len(ps) > 1 {
			s += fmt.Sprintf(" (+%d)", len(ps)-1)
		}
		return s
	}
	return err.Error()
}
