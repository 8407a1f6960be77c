package server

import "runtime/debug"

// The garbage collector's settings for serving, chosen by measurement
// with bench/sshload (README, Performance): a higher GOGC than the
// default 100 spends less CPU on collection for the garbage each frame
// leaves, and a soft memory limit, in proportion to the sessions the
// server admits, bounds what that costs in memory.
const (
	ServeGCPercent     = 400
	serveLimitBase     = 64 << 20 // the dataset, its content, the runtime
	serveLimitPerSess  = 2 << 20  // a session with its program running
	serveLimitSessions = 1 << 16  // caps the product
)

// TuneGC sets the garbage collector for a server of up to maxSessions
// sessions: GOGC to ServeGCPercent and a soft memory limit of 64 MiB
// and 2 MiB a session, each unless the environment sets it (GOGC,
// GOMEMLIMIT, which the Go runtime has applied already): getenv reads
// the environment. It returns the GOGC and the memory limit in force.
// It changes the whole process, so a server calls it once, at start,
// and the local dashboard never does.
func TuneGC(getenv func(string) string, maxSessions int) (percent int, limit int64) {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(ServeGCPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		n := int64(min(max(maxSessions, 1), serveLimitSessions))
		debug.SetMemoryLimit(serveLimitBase + n*serveLimitPerSess)
	}
	percent = debug.SetGCPercent(100)
	debug.SetGCPercent(percent)
	return percent, debug.SetMemoryLimit(-1)
}
