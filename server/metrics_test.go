package server

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

// get fetches path from h and returns the status and body.
func get(t *testing.T, h http.Handler, path string) (int, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	b, _ := io.ReadAll(rec.Result().Body)
	return rec.Code, string(b)
}

func TestMetricsCountWhatHappened(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxSessions = 1 })
	h := ts.MetricsHandler()
	for deadline := time.Now().Add(waitLimit); ; time.Sleep(5 * time.Millisecond) {
		if code, _ := get(t, h, "/healthz"); code == http.StatusOK {
			break
		} else if time.Now().After(deadline) {
			t.Fatalf("/healthz: %d", code)
		}
	}
	if code, _ := get(t, h, "/readyz"); code != http.StatusOK {
		t.Fatalf("/readyz: %d", code)
	}
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	if _, _, st := run(t, ts.mustDial(t), "export"); st != 1 { // over the cap of 1
		t.Fatalf("export over the cap: status %d", st)
	}
	tm.press("q")
	tm.wait()
	ts.waitSessions(t, 0)
	if _, _, st := run(t, ts.mustDial(t), "export"); st != 0 {
		t.Fatalf("export: status %d", st)
	}
	// A session's duration is recorded just after its exit status is
	// sent: wait for the last one.
	var body string
	for deadline := time.Now().Add(waitLimit); ; time.Sleep(5 * time.Millisecond) {
		_, body = get(t, h, "/metrics")
		if strings.Contains(body, "lzdash_session_duration_seconds_count 3") || time.Now().After(deadline) {
			break
		}
	}
	for _, want := range []string{
		`lzdash_sessions_total{outcome="dashboard"} 1`,
		`lzdash_sessions_total{outcome="exec"} 1`,
		`lzdash_sessions_total{outcome="refused_busy"} 1`,
		`lzdash_sessions_total{outcome="dropped_stalled"} 0`,
		"lzdash_first_frame_seconds_count 1",
		"lzdash_session_duration_seconds_count 3",
		"lzdash_connections_open ",
		"go_goroutines ",
		"process_resident_memory_bytes ",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics has no %q", want)
		}
	}
}

func TestDrainingFailsReadinessKeepsSessionsThenSaysGoodbye(t *testing.T) {
	const drain = 1500 * time.Millisecond
	ts := startServer(t, func(c *Config) { c.DrainTimeout = drain })
	h := ts.MetricsHandler()
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)

	done := make(chan error, 1)
	start := time.Now()
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), drain+5*time.Second)
		defer cancel()
		done <- ts.Shutdown(ctx)
	}()
	deadline := time.Now().Add(waitLimit)
	for {
		if code, _ := get(t, h, "/readyz"); code == http.StatusServiceUnavailable {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("/readyz still ready while draining")
		}
		time.Sleep(5 * time.Millisecond)
	}
	// New visitors are turned away; the open session still works.
	if _, err := ts.dial(t); err == nil {
		t.Fatal("a connection was accepted while draining")
	}
	m := tm.mark()
	tm.press("\t")
	tm.waitFor(m, indicatorsToken)
	if time.Since(start) >= drain {
		t.Skip("the machine is too slow to check the session within the drain")
	}
	m = tm.mark()
	tm.waitFor(m, "goodbye")
	if took := time.Since(start); took < drain {
		t.Fatalf("goodbye after %v, before the %v drain", took, drain)
	}
	if err := <-done; err != nil {
		t.Fatalf("shutdown: %v", err)
	}
	<-ts.served
	ts.served <- nil
}

func TestAuthorizedKeysReplacedWithoutRestart(t *testing.T) {
	oldKey, newKey := newKey(t), newKey(t)
	ks, _ := ParseAuthorizedKeys("keys", strings.NewReader(authorizedLine(oldKey)))
	ts := startServer(t, func(c *Config) { c.AuthorizedKeys = ks })
	tm := openTerm(t, ts.mustDial(t, gossh.PublicKeys(oldKey)), 100, 30)
	tm.waitFor(0, overviewToken)

	next, _ := ParseAuthorizedKeys("keys", strings.NewReader(authorizedLine(newKey)))
	if !ts.SetAuthorizedKeys(next) {
		t.Fatal("keys not replaced")
	}
	if _, err := ts.dial(t, gossh.PublicKeys(oldKey)); err == nil {
		t.Fatal("a removed key still got in")
	}
	ts.mustDial(t, gossh.PublicKeys(newKey))
	// The session that was open goes on.
	m := tm.mark()
	tm.press("\t")
	tm.waitFor(m, indicatorsToken)

	open := startServer(t, nil)
	if open.SetAuthorizedKeys(next) {
		t.Fatal("an open demo server switched to keys on reload")
	}
}
