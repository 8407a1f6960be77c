package server

import (
	"context"
	"os"
	"time"
)

// stamp is what a poll compares to see a file change.
type stamp struct {
	mod     time.Time
	size    int64
	missing bool
}

func statStamp(path string) stamp {
	fi, err := os.Stat(path)
	if err != nil {
		return stamp{missing: true}
	}
	return stamp{mod: fi.ModTime(), size: fi.Size()}
}

// watch polls the dataset file once for the whole server and, when it
// changes, reloads it and hands the result to every session: a valid
// file replaces the data everywhere, an invalid one is logged and shown
// as an error while the last good data stays. Polling sees files that
// editors replace by renaming, and needs no extra dependency.
func (s *Server) watch(ctx context.Context) {
	path := s.cfg.WatchPath
	last := statStamp(path)
	t := time.NewTicker(s.cfg.PollInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		now := statStamp(path)
		if now == last {
			continue
		}
		last = now
		began := time.Now()
		ds, err := s.cfg.Reload()
		if err != nil {
			s.ReloadFailed(err) // data errors name the file
			continue
		}
		s.Reload(ds, time.Since(began))
	}
}
