// Command sshload measures `lzdash serve` under many concurrent SSH
// dashboard sessions. It opens -n sessions with a terminal each, waits for
// each one's first frame, leaves them idle for -hold, then presses Tab in
// each at a random moment and waits for the frame showing the Indicators
// tab (the first key, which starts a session's program), then 1 at
// another random moment and waits for the Overview (a key to a running
// program), leaves them idle again, and closes them all. It reports
// first-frame and key-to-frame latencies, and the server's CPU and memory
// per session before and after the keys. With -hibernate D the server
// stops the programs of sessions quiet for D: the tool then waits for
// that, measures the server again, and presses Tab once more in each
// session (the key that wakes it).
//
// By default it starts the server itself, as a child process of its own
// binary, so that the server's memory is measured apart from the
// clients'. With -addr it loads a running server instead; give -pid too to
// read that server's memory.
//
//	go run ./bench/sshload -n 500
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// Tokens of the English dashboard, without spaces: the renderer moves the
// cursor over cells that did not change.
const (
	firstFrameToken = "disagreements" // the overview's summary line
	keyFrameToken   = "filter"        // the indicators tab's help line
	backKey         = "1"             // back to the overview, whose summary line shows again
)

type options struct {
	n           int
	addr        string
	addrs       int
	floorRounds int
	pid         int
	width       int
	height      int
	ramp        time.Duration
	spread      time.Duration
	timeout     time.Duration
	hold        time.Duration
	data        string
	profile     string
	gogc        string
	memlimit    string
	hibernate   time.Duration
}

func main() {
	var o options
	child := flag.Bool("child", false, "run as the server child (internal)")
	flag.IntVar(&o.n, "n", 50, "concurrent sessions")
	flag.StringVar(&o.addr, "addr", "", "load the server at `ADDR` instead of starting one (it must be in English: serve --lang en)")
	flag.IntVar(&o.addrs, "addrs", 1, "spread the visitors over `K` loopback addresses (127.0.0.1 to 127.0.0.K, K at most 250)")
	flag.IntVar(&o.floorRounds, "floor", 0, "instead, alternate `R` rounds against lzdash and against a bare SSH server sending its frames, and compare")
	flag.IntVar(&o.pid, "pid", 0, "with -addr, the server's process `ID`, to read its memory")
	flag.IntVar(&o.width, "width", 100, "terminal width")
	flag.IntVar(&o.height, "height", 30, "terminal height")
	flag.DurationVar(&o.ramp, "ramp", 0, "spread the session starts over `D` (0: all at once)")
	flag.DurationVar(&o.spread, "spread", time.Second, "spread the key presses over `D`")
	flag.DurationVar(&o.timeout, "timeout", time.Minute, "give up on a session after `D`")
	flag.DurationVar(&o.hold, "hold", 2*time.Second, "keep the sessions open and idle for `D`, measuring the server's CPU")
	flag.StringVar(&o.data, "data", "indicators.yaml", "dataset `FILE` for the server it starts")
	flag.StringVar(&o.profile, "profile", "", "write the started server's CPU and heap profiles to `DIR`")
	flag.StringVar(&o.gogc, "gogc", "", "run the started server with GOGC=`VALUE` (default: the server's own setting, server.TuneGC)")
	flag.StringVar(&o.memlimit, "memlimit", "", "run the started server with GOMEMLIMIT=`VALUE`")
	flag.DurationVar(&o.hibernate, "hibernate", 0, "run the started server with Hibernate `D`, and after the keys wait D, measure, and press Tab again (0: off)")
	flag.Parse()
	if o.addrs < 1 || o.addrs > 250 {
		fmt.Fprintln(os.Stderr, "sshload: -addrs must be 1 to 250")
		os.Exit(2)
	}
	var err error
	if *child {
		err = runChild(o)
	} else {
		err = runBench(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "sshload:", err)
		os.Exit(1)
	}
}

type result struct {
	connect, firstFrame, keyFrame, nextKey time.Duration
	wakeKey                                time.Duration
	err                                    error
}

func runBench(o options) error {
	srv := &target{addr: o.addr, pid: o.pid}
	if o.addr == "" {
		var err error
		if srv, err = startChild(o); err != nil {
			return err
		}
		defer srv.stop()
	}
	if o.floorRounds > 0 {
		return floorRounds(o, srv.addr, o.floorRounds)
	}
	baseRSS, _ := srv.memory()
	baseHeap := srv.ask("heap")
	cpuStart := srv.cpu()

	var (
		ready, keyed sync.WaitGroup
		woke         sync.WaitGroup
		slept        = make(chan struct{}) // closed once the hibernated sessions are measured
		finished     sync.WaitGroup
		peak         = make(chan struct{}) // closed once every session has its first frame
		measured     = make(chan struct{}) // closed once the peak is measured
		done         = make(chan struct{}) // closed once every key has its frame
		results      = make([]result, o.n)
	)
	ready.Add(o.n)
	keyed.Add(o.n)
	if o.hibernate > 0 {
		woke.Add(o.n)
	}
	finished.Add(o.n)
	start := time.Now()
	for i := range o.n {
		delay := time.Duration(0)
		if o.ramp > 0 {
			delay = o.ramp * time.Duration(i) / time.Duration(o.n)
		}
		go func() {
			defer finished.Done()
			time.Sleep(delay)
			results[i] = session(o, i, srv.addr, &ready, &keyed, &woke, measured, slept, done)
		}()
	}
	go func() { ready.Wait(); close(peak) }()
	<-peak
	allFirst := time.Since(start)
	openCPU := srv.cpu() - cpuStart
	rss, _ := srv.memory()
	peakHeap := srv.ask("heap")
	idle := srv.idleCPU(o.hold)
	keyStart := srv.cpu()
	close(measured)
	keyed.Wait()
	keyCPU := srv.cpu() - keyStart
	rss2, hwm := srv.memory()
	keyHeap := srv.ask("heap")
	var idle2 float64
	var asleep *sleepFigures
	if o.hibernate > 0 {
		asleep = measureAsleep(o, srv, slept, &woke)
	} else {
		idle2 = srv.idleCPU(o.hold)
	}
	close(done)
	finished.Wait()
	report(o, results, allFirst)
	if rss > 0 {
		per := func(r int) float64 { return float64(r-baseRSS) / float64(o.n) / 1024 }
		fmt.Printf("server RSS      %.1f MiB before, %.1f MiB after the first frames (%.2f MiB per session), %.1f MiB after the keys (%.2f MiB per session), VmHWM %.1f MiB\n",
			float64(baseRSS)/1024, float64(rss)/1024, per(rss), float64(rss2)/1024, per(rss2), float64(hwm)/1024)
	}
	if peakHeap != "" {
		fmt.Printf("server Go heap  before: %s\n                after the first frames: %s\n                after the keys: %s\n", baseHeap, peakHeap, keyHeap)
	}
	if srv.pid != 0 {
		fmt.Printf("server CPU      %v to open them all: %v per session; %v for their keys: %v per session\n",
			openCPU, (openCPU / time.Duration(o.n)).Round(100*time.Microsecond),
			keyCPU, (keyCPU / time.Duration(o.n)).Round(100*time.Microsecond))
	}
	if o.hold > 0 && srv.pid != 0 && asleep == nil {
		fmt.Printf("server CPU      %.1f%% of one core with all %d sessions open and idle for %v after their first frame, %.1f%% after their keys\n",
			idle*100, o.n, o.hold, idle2*100)
	}
	if asleep != nil {
		if o.hold > 0 && srv.pid != 0 {
			fmt.Printf("server CPU      %.1f%% of one core with all %d sessions open and idle for %v after their first frame\n", idle*100, o.n, o.hold)
		}
		asleep.report(o, baseRSS, srv.pid != 0)
	}
	return nil
}

// idleCPU measures the server's CPU over d, as a fraction of one core.
func (s *target) idleCPU(d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	c0 := s.cpu()
	time.Sleep(d)
	return float64(s.cpu()-c0) / float64(d)
}

// session runs one visitor from dial to close.
func session(o options, i int, addr string, ready, keyed, woke *sync.WaitGroup, measured, slept, done <-chan struct{}) (r result) {
	readyDone, keyedDone, wokeDone := false, false, o.hibernate <= 0
	defer func() {
		if !wokeDone {
			woke.Done()
		}
		if !readyDone {
			ready.Done()
		}
		if !keyedDone {
			keyed.Done()
		}
	}()
	ctx, cancel := context.WithTimeout(context.Background(), o.timeout)
	defer cancel()

	t0 := time.Now()
	// Visitor i comes from 127.0.0.(1 + i mod -addrs), as visitors from
	// many places would, so that limits per address do not apply to the
	// whole crowd.
	d := net.Dialer{Timeout: o.timeout, LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(1+i%o.addrs))}}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		r.err = fmt.Errorf("dial: %w", err)
		return r
	}
	_ = conn.SetDeadline(time.Now().Add(o.timeout))
	sc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: "bench", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: o.timeout,
	})
	if err != nil {
		conn.Close()
		r.err = fmt.Errorf("handshake: %w", err)
		return r
	}
	_ = conn.SetDeadline(time.Time{})
	c := gossh.NewClient(sc, chans, reqs)
	defer c.Close()
	r.connect = time.Since(t0)
	sess, err := c.NewSession()
	if err != nil {
		r.err = fmt.Errorf("session: %w", err)
		return r
	}
	defer sess.Close()
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.RequestPty("xterm-256color", o.height, o.width, gossh.TerminalModes{}); err != nil {
		r.err = fmt.Errorf("pty: %w", err)
		return r
	}
	if err := sess.Shell(); err != nil {
		r.err = fmt.Errorf("shell: %w", err)
		return r
	}
	scr := newScreen(out)
	go func() { <-ctx.Done(); c.Close() }()
	if err := scr.waitFor(firstFrameToken); err != nil {
		r.err = fmt.Errorf("first frame: %w", err)
		return r
	}
	r.firstFrame = time.Since(t0)
	readyDone = true
	ready.Done()

	<-measured
	for i, k := range []struct {
		key, token string
		took       *time.Duration
	}{{"\t", keyFrameToken, &r.keyFrame}, {backKey, firstFrameToken, &r.nextKey}} {
		time.Sleep(rand.N(o.spread + 1))
		scr.mark()
		t1 := time.Now()
		if _, err := io.WriteString(in, k.key); err != nil {
			r.err = fmt.Errorf("key %d: %w", i+1, err)
			return r
		}
		if err := scr.waitFor(k.token); err != nil {
			r.err = fmt.Errorf("key %d frame: %w", i+1, err)
			return r
		}
		*k.took = time.Since(t1)
	}
	keyedDone = true
	keyed.Done()
	if o.hibernate > 0 {
		<-slept
		time.Sleep(rand.N(o.spread + 1))
		scr.mark()
		t1 := time.Now()
		if _, err := io.WriteString(in, "\t"); err != nil {
			r.err = fmt.Errorf("wake key: %w", err)
			return r
		}
		if err := scr.waitFor(keyFrameToken); err != nil {
			r.err = fmt.Errorf("wake key frame: %w", err)
			return r
		}
		r.wakeKey = time.Since(t1)
		wokeDone = true
		woke.Done()
	}
	<-done
	return r
}

// screen accumulates a session's output, to find tokens in what follows
// a mark.
type screen struct {
	r    io.Reader
	buf  []byte
	from int
}

func newScreen(r io.Reader) *screen { return &screen{r: r} }

func (s *screen) mark() { s.from = len(s.buf) }

func (s *screen) waitFor(token string) error {
	chunk := make([]byte, 32<<10)
	for !strings.Contains(ansi.Strip(string(s.buf[s.from:])), token) {
		n, err := s.r.Read(chunk)
		s.buf = append(s.buf, chunk[:n]...)
		if err != nil {
			return err
		}
	}
	return nil
}

func report(o options, rs []result, allFirst time.Duration) {
	var conn, first, key, next, wake []time.Duration
	errs := map[string]int{}
	for _, r := range rs {
		if r.err != nil {
			errs[r.err.Error()]++
			continue
		}
		conn, first = append(conn, r.connect), append(first, r.firstFrame)
		key, next = append(key, r.keyFrame), append(next, r.nextKey)
		if o.hibernate > 0 {
			wake = append(wake, r.wakeKey)
		}
	}
	how := "all started at once"
	if o.ramp > 0 {
		how = "started over " + o.ramp.String()
	}
	fmt.Printf("sessions        %d (%s), %d ok, %dx%d terminals; all first frames in %v\n",
		o.n, how, len(first), o.width, o.height, allFirst.Round(time.Millisecond))
	fmt.Printf("connect+auth    %s\n", quantiles(conn))
	fmt.Printf("first frame     %s   (from dial)\n", quantiles(first))
	fmt.Printf("first key       %s   (Tab at a random moment in %v)\n", quantiles(key), o.spread)
	fmt.Printf("next key        %s   (1 at a random moment in %v)\n", quantiles(next), o.spread)
	if o.hibernate > 0 {
		fmt.Printf("wake key        %s   (Tab at a random moment in %v, once hibernated)\n", quantiles(wake), o.spread)
	}
	for e, n := range errs {
		fmt.Printf("error x%d: %s\n", n, e)
	}
}

func quantiles(ds []time.Duration) string {
	if len(ds) == 0 {
		return "-"
	}
	slices.Sort(ds)
	q := func(p float64) time.Duration {
		return ds[min(len(ds)-1, int(p*float64(len(ds))))].Round(100 * time.Microsecond)
	}
	return fmt.Sprintf("p50 %-9v p99 %-9v max %v", q(0.50), q(0.99), ds[len(ds)-1].Round(100*time.Microsecond))
}
