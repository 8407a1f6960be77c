package server

import (
	"fmt"
	"net"
	"runtime"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	gossh "golang.org/x/crypto/ssh"

	"lzdash/ui"
)

// These tests attack an in-process server the way a hostile or broken
// client would, and check that it stays up and gives its slots back.

// stall opens a dashboard whose client never reads its output, and makes
// the server draw until the SSH window is full.
func stall(t *testing.T, ts *testServer) *term {
	t.Helper()
	c := ts.mustDial(t)
	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sess.Close() })
	if _, err := sess.StdoutPipe(); err != nil { // never read
		t.Fatal(err)
	}
	if err := sess.RequestPty("xterm-256color", maxRows, maxCols, gossh.TerminalModes{}); err != nil {
		t.Fatal(err)
	}
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	go func() {
		// Every size change redraws the whole screen. Bounded: the
		// server drops the client long before this ends.
		for i := range 2000 {
			if sess.WindowChange(maxRows-i%2, maxCols-i%3) != nil {
				return
			}
			time.Sleep(2 * time.Millisecond)
		}
	}()
	return &term{t: t, sess: sess}
}

func TestStalledClientsAreDroppedAndTheirSlotsComeBack(t *testing.T) {
	const n = 10
	ts := startServer(t, func(c *Config) {
		c.MaxSessions = n
		c.WriteTimeout = 300 * time.Millisecond
	})
	var stalled []*term
	for range n {
		stalled = append(stalled, stall(t, ts))
	}
	// Each is dropped once a write makes no progress for WriteTimeout,
	// which takes 2 MB of output first (the client's SSH window): allow
	// for a slow machine drawing ten large screens at once.
	for _, tm := range stalled {
		if st := waitExitWithin(t, tm.sess, 6*waitLimit); st != -1 {
			t.Fatalf("a stalled session ended with status %d, want a dropped connection", st)
		}
	}
	ts.waitLog(t, "stalled")
	ts.waitSessions(t, 0)
	openTerm(t, ts.mustDial(t), 100, 30).waitFor(0, overviewToken)
}

func TestWindowChangeFloodKeepsTheSessionResponsive(t *testing.T) {
	ts := startServer(t, nil)
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	other := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	other.waitFor(0, overviewToken)
	for i := range 5000 {
		tm.resize(60+i%200, 20+i%90)
	}
	// Only the latest size matters.
	m := tm.mark()
	tm.resize(50, 15)
	tm.waitFor(m, "50×15")
	m = other.mark()
	other.press("\t")
	other.waitFor(m, indicatorsToken)
}

func TestLongCommandLineRefusedUnparsed(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	long := "export " + strings.Repeat("a\"b'c ", 250_000/6)
	_, stderr, st := run(t, c, long)
	if st != 1 || !strings.Contains(stderr, "the limit is 4096") || strings.Count(stderr, "\n") != 1 {
		t.Fatalf("status %d, stderr %q: want one refusal line", st, clip(stderr))
	}
	ts.waitLog(t, "command line too long")
	if strings.Contains(ts.logs.String(), strings.Repeat("a\"b'c ", 10)) {
		t.Fatal("the long command line reached the log")
	}
	// A command at the limit still runs.
	atLimit := "export --format csv" + strings.Repeat(" ", maxCommandLine-len("export --format csv"))
	if _, _, st := run(t, c, atLimit); st != 0 {
		t.Fatalf("a %d-byte command line: status %d", len(atLimit), st)
	}
}

func TestRemoteErrorsAreOneSafeLine(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	for _, cmd := range []string{
		"export --format $'\x1b[31mred\nsecond line'",
		"export --\x1b]0;title\x07=1",
		"snapshot --tab \x9b31m",
		"export extra\r\nline",
	} {
		_, stderr, st := run(t, c, cmd)
		if st != 1 {
			t.Errorf("%q: status %d", cmd, st)
		}
		if strings.IndexFunc(stderr, func(r rune) bool { return r < 0x20 && r != '\n' || r >= 0x7f && r < 0xa0 }) >= 0 ||
			strings.Contains(stderr, "\x9b") || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%q: stderr %q is not one clean line", cmd, stderr)
		}
	}
}

func TestHandshakeFloodLeavesRoomForOthers(t *testing.T) {
	const perAddr = 4
	ts := startServer(t, func(c *Config) {
		c.MaxHandshakesPerAddr = perAddr
		c.MaxHandshakes = 8
	})
	// Connections from 127.0.0.1 that never say a word.
	var idle []net.Conn
	for range perAddr {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		idle = append(idle, conn)
	}
	waitAddrHandshakes(t, ts, "127.0.0.1", perAddr)
	// The next one from the same address is closed at once.
	extra, err := net.Dial("tcp", ts.addr)
	if err != nil {
		t.Fatal(err)
	}
	defer extra.Close()
	_ = extra.SetReadDeadline(time.Now().Add(waitLimit))
	if _, err := extra.Read(make([]byte, 1)); err == nil {
		t.Fatal("a connection over the per-address cap was served")
	} else if ne, ok := err.(net.Error); ok && ne.Timeout() {
		t.Fatal("a connection over the per-address cap was left open")
	}
	ts.waitLog(t, "too many handshakes from this address")

	// A visitor from another address still gets a dashboard.
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, 2)}, Timeout: waitLimit}
	conn, err := d.Dial("tcp", ts.addr)
	if err != nil {
		t.Skipf("cannot dial from 127.0.0.2: %v", err)
	}
	sc, chans, reqs, err := gossh.NewClientConn(conn, ts.addr, &gossh.ClientConfig{
		User: "visitor", HostKeyCallback: gossh.FixedHostKey(ts.hostKey), Timeout: waitLimit,
	})
	if err != nil {
		t.Fatalf("handshake from another address: %v", err)
	}
	c := gossh.NewClient(sc, chans, reqs)
	t.Cleanup(func() { c.Close() })
	openTerm(t, c, 100, 30).waitFor(0, overviewToken)

	// Closing the silent ones gives their places back.
	for _, c := range idle {
		c.Close()
	}
	waitConns(t, ts, 1)
}

// waitAddrHandshakes waits until the server counts n handshakes from addr.
func waitAddrHandshakes(t *testing.T, ts *testServer, addr string, n int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		ts.conns.mu.Lock()
		got := 0
		if ac := ts.conns.perAddr[addr]; ac != nil {
			got = ac.handshakes
		}
		ts.conns.mu.Unlock()
		if got == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d handshakes from %s after %v, want %d", got, addr, waitLimit, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// waitConns waits until the server has n connections open.
func waitConns(t *testing.T, ts *testServer, n int) {
	t.Helper()
	deadline := time.Now().Add(waitLimit)
	for {
		total, _ := ts.conns.count()
		if total == n {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d connections open after %v, want %d", total, waitLimit, n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// terminalRestored checks that the output after mark leaves the
// alternate screen, turns mouse reporting off, shows the cursor, and
// ends with a line holding want.
func terminalRestored(t *testing.T, tm *term, mark int, want string) {
	t.Helper()
	tm.mu.Lock()
	raw := string(tm.out[mark:])
	tm.mu.Unlock()
	for _, seq := range []string{"\x1b[?1049l", "\x1b[?1000l", "\x1b[?1006l", "\x1b[?25h"} {
		if !strings.Contains(raw, seq) {
			t.Errorf("the terminal was not restored: no %q in the last output %q", seq, tail(raw))
		}
	}
	if i := strings.LastIndex(raw, "\x1b[?25h"); i < 0 || !strings.Contains(raw[i:], want) {
		t.Errorf("no %q after the restore in %q", want, tail(raw))
	}
}

func tail(s string) string {
	if len(s) > 300 {
		return "..." + s[len(s)-300:]
	}
	return s
}

func TestIdleTimeoutRestoresTheTerminal(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.IdleTimeout = time.Second })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	tm.wait()
	terminalRestored(t, tm, m, "closed after 1s without activity")
	ts.waitSessions(t, 0)
}

func TestMaxTimeoutRestoresTheTerminalInChinese(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.MaxTimeout = time.Second; c.Lang = ui.Zh })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, "兰州")
	m := tm.mark()
	tm.wait()
	terminalRestored(t, tm, m, "会话最长 1s")
}

func TestPanicRestoresTheTerminal(t *testing.T) {
	ts := startServer(t, func(c *Config) { c.newModel = panicOnP })
	tm := openTerm(t, ts.mustDial(t), 100, 30)
	tm.waitFor(0, overviewToken)
	m := tm.mark()
	tm.press("p")
	tm.wait()
	terminalRestored(t, tm, m, "internal error")
}

func TestReloadsNeverQueue(t *testing.T) {
	ds := testDataset(t)
	h := newHub(ds)
	d := &dashboard{}
	d.data.init()
	if _, ok := h.join(&d.data); !ok {
		t.Fatal("join refused")
	}
	before := runtime.NumGoroutine()
	var last error
	for i := range 1000 {
		last = fmt.Errorf("problem %d", i)
		h.publish(nil, last)
	}
	h.publish(ds, nil)
	if after := runtime.NumGoroutine(); after > before+5 {
		t.Fatalf("1001 reloads to a dashboard that takes none started %d goroutines", after-before)
	}
	msg, ok := d.data.take()
	if !ok || msg.Dataset != ds || msg.Err != nil {
		t.Fatalf("pending message %+v, want the latest dataset", msg)
	}
	if _, ok := d.data.take(); ok {
		t.Fatal("more than one message was pending")
	}
	var _ tea.Msg = msg
}

func TestChannelsPerConnectionCapped(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	var open []*gossh.Session
	for range maxChannelsPerConn {
		s, err := c.NewSession()
		if err != nil {
			t.Fatalf("session %d: %v", len(open)+1, err)
		}
		open = append(open, s)
	}
	if _, err := c.NewSession(); err == nil || !strings.Contains(err.Error(), "too many sessions") {
		t.Fatalf("session %d: %v, want a refusal", maxChannelsPerConn+1, err)
	}
	open[0].Close()
	deadline := time.Now().Add(waitLimit)
	for {
		s, err := c.NewSession()
		if err == nil {
			s.Close()
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no session after one closed: %v", err)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func TestHandshakesAtTheirCapMakeRoomForNewcomers(t *testing.T) {
	const cap = 8
	ts := startServer(t, func(c *Config) { c.MaxHandshakes, c.MaxHandshakesPerAddr = cap, 1000 })
	var silent []net.Conn
	for range cap {
		conn, err := net.Dial("tcp", ts.addr)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { conn.Close() })
		silent = append(silent, conn)
	}
	waitConns(t, ts, cap)
	// A real visitor still gets in: the oldest silent handshake gives way.
	openTerm(t, ts.mustDial(t), 100, 30).waitFor(0, overviewToken)
	// Exactly one silent connection was closed (the oldest to reach the
	// server, which need not be the first dialled). The others stay open.
	closed := make(chan bool, cap)
	for _, conn := range silent {
		go func() {
			_ = conn.SetReadDeadline(time.Now().Add(2 * time.Second))
			buf := make([]byte, 256)
			for {
				_, err := conn.Read(buf) // the server's version line, then EOF
				if err != nil {
					ne, ok := err.(net.Error)
					closed <- !(ok && ne.Timeout())
					return
				}
			}
		}()
	}
	n := 0
	for range cap {
		if <-closed {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d silent handshakes were closed to make room, want 1", n)
	}
	ts.waitLog(t, "the oldest gave way")
}

// crashSeq is ESC [ and 32 semicolons, then 1R: 36 bytes that make
// x/ansi v0.11.8's decoder index out of range in Bubble Tea's input
// goroutine, where no recover can catch it.
var crashSeq = "\x1b[" + strings.Repeat(";", 32) + "1R"

func TestHostileInputCannotCrashTheServer(t *testing.T) {
	ts := startServer(t, nil)
	victim := openTerm(t, ts.mustDial(t), 100, 30)
	other := openTerm(t, ts.mustDial(t), 100, 30)
	victim.waitFor(0, overviewToken)
	other.waitFor(0, overviewToken)
	for _, in := range []string{
		crashSeq,
		"\x1bP" + strings.Repeat(";", 40) + "1q",                    // the same in a DCS
		"\x1b]11;" + strings.Repeat("x", 1<<20),                     // an OSC that never ends
		"\x1b[" + strings.Repeat("9", 1<<16),                        // a CSI that never ends
		"\x1b[200~" + strings.Repeat("paste ", 30000) + "\x1b[201~", // a huge paste
		"a" + strings.Repeat("\u0301", 1<<15),                       // one giant grapheme
		"\x1b[8;3000;3000t",                                         // a lying window report
	} {
		victim.press(in)
	}
	// The victim's dashboard still answers, and so does everyone else's.
	m := victim.mark()
	victim.press("\t")
	victim.waitFor(m, indicatorsToken)
	m = other.mark()
	other.press("\t")
	other.waitFor(m, indicatorsToken)
	victim.press("q")
	if st := victim.wait(); st != 0 {
		t.Fatalf("exit status after q: %d", st)
	}
}
