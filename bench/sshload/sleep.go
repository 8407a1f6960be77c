package main

import (
	"fmt"
	"sync"
	"time"
)

// sleepFigures are the server's figures with every session's program
// stopped for quiet (-hibernate), and for the keys that woke them.
type sleepFigures struct {
	rss     int // KiB
	rssLate int // KiB, at the end of the hold
	heap    string
	idle    float64 // of one core
	wakeCPU time.Duration
}

// measureAsleep waits for the server to hibernate every session, which
// it does once a session has been quiet for o.hibernate, measures its
// memory and idle CPU, then lets the sessions press their wake keys
// (closing slept) and measures the CPU they cost.
func measureAsleep(o options, srv *target, slept chan<- struct{}, woke *sync.WaitGroup) *sleepFigures {
	time.Sleep(o.hibernate + 2*time.Second) // the last key's frame is followed by nothing
	var f sleepFigures
	f.rss, _ = srv.memory()
	f.heap = srv.ask("heap")
	f.idle = srv.idleCPU(o.hold)
	f.rssLate, _ = srv.memory()
	c0 := srv.cpu()
	close(slept)
	woke.Wait()
	f.wakeCPU = srv.cpu() - c0
	return &f
}

func (f *sleepFigures) report(o options, baseRSS int, measured bool) {
	if f.rss > 0 {
		per := func(r int) float64 { return float64(r-baseRSS) / float64(o.n) / 1024 }
		fmt.Printf("server RSS      %.1f MiB once hibernated (%.2f MiB per session), %.1f MiB after the hold (%.2f MiB per session)\n",
			float64(f.rss)/1024, per(f.rss), float64(f.rssLate)/1024, per(f.rssLate))
	}
	if f.heap != "" {
		fmt.Printf("server Go heap  once hibernated: %s\n", f.heap)
	}
	if measured {
		fmt.Printf("server CPU      %.1f%% of one core with all %d sessions hibernated for %v; %v for their wake keys: %v per session\n",
			f.idle*100, o.n, o.hold, f.wakeCPU, (f.wakeCPU / time.Duration(o.n)).Round(100*time.Microsecond))
	}
}
