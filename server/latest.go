package server

import "sync"

// latest holds the most recent value put, for one reader; a newer value
// replaces one not yet taken.
type latest[T any] struct {
	mu    sync.Mutex
	val   T
	has   bool
	ready chan struct{}
}

func (l *latest[T]) init() { l.ready = make(chan struct{}, 1) }

// put replaces the held value and wakes the reader. It never blocks.
func (l *latest[T]) put(v T) {
	l.mu.Lock()
	l.val, l.has = v, true
	l.mu.Unlock()
	select {
	case l.ready <- struct{}{}:
	default:
	}
}

// pending reports whether a value is held.
func (l *latest[T]) pending() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.has
}

// wake wakes the reader again if a value is held, for a reader that was
// woken and did not take it.
func (l *latest[T]) wake() {
	if l.pending() {
		select {
		case l.ready <- struct{}{}:
		default:
		}
	}
}

// take returns the held value, if any, and empties the holder.
func (l *latest[T]) take() (T, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	v, ok := l.val, l.has
	var zero T
	l.val, l.has = zero, false
	return v, ok
}
