package server

import (
	"runtime/debug"
	"testing"
)

func TestTuneGCLeavesWhatTheEnvironmentSets(t *testing.T) {
	oldPercent, oldLimit := debug.SetGCPercent(100), debug.SetMemoryLimit(-1)
	t.Cleanup(func() {
		debug.SetGCPercent(oldPercent)
		debug.SetMemoryLimit(oldLimit)
	})
	none := func(string) string { return "" }
	if p, l := TuneGC(none, 100); p != ServeGCPercent || l != 64<<20+100*2<<20 {
		t.Errorf("without GOGC or GOMEMLIMIT: GOGC %d, limit %d; want %d and %d", p, l, ServeGCPercent, 64<<20+100*2<<20)
	}
	if _, l := TuneGC(none, 1<<30); l != 64<<20+(1<<16)*2<<20 {
		t.Errorf("for 2^30 sessions: limit %d, want the cap's %d", l, 64<<20+(1<<16)*2<<20)
	}
	// What the runtime took from the environment stays.
	debug.SetGCPercent(77)
	debug.SetMemoryLimit(1 << 30)
	env := map[string]string{"GOGC": "77", "GOMEMLIMIT": "1GiB"}
	if p, l := TuneGC(func(k string) string { return env[k] }, 100); p != 77 || l != 1<<30 {
		t.Errorf("with GOGC=77 GOMEMLIMIT=1GiB: GOGC %d, limit %d", p, l)
	}
	delete(env, "GOMEMLIMIT")
	if p, l := TuneGC(func(k string) string { return env[k] }, 10); p != 77 || l != 64<<20+10*2<<20 {
		t.Errorf("with GOGC=77 alone: GOGC %d, limit %d", p, l)
	}
}
