// Command ttff measures a terminal program the way a person meets it: it
// starts the program in a real pseudo-terminal of a given size, answers
// the queries terminals answer at start-up, and reports
//
//   - the time from start to the first complete frame,
//   - the time from a key press to the frame that shows its effect,
//   - the peak resident memory of the process,
//
// as median, min and max over repeated runs. The key is pressed after
// the first frame at a random moment (-settle plus a uniform delay of up
// to -jitter, from -seed), so that it does not land at the same phase of
// a program's frame ticker every run. Each run is followed by one of the
// floor: ttff itself, as a trivial program that writes one frame with the
// marker and answers the key at once, so the tool's own overhead is
// printed beside the results.
//
//	go build -o /tmp/lzdash . && go run ./bench/ttff -n 20 -- /tmp/lzdash
//	go run ./bench/ttff -preset htop -n 20 -- htop
//
// A frame is the burst of output (chunks less than 5 ms apart) in which a
// marker of the program's appears, with escape sequences removed; its
// time is that of the burst's last chunk. The first frame's marker is
// something the program draws last (for lzdash, the last word of the help
// line); a key's marker is something only its effect draws. Markers must
// not contain spaces, since renderers skip unchanged cells by moving the
// cursor. -trace shows the output as it comes, to choose them.
package main

import (
	"bytes"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"regexp"
	"slices"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/charmbracelet/x/ansi"
	"github.com/creack/pty"
)

// preset is how to recognise one program's frames.
type preset struct {
	ready   string // drawn last in the first frame
	key     string // bytes to send
	changed string // appears once the key's effect is drawn
	quit    string // bytes that make the program exit; "|" pauses 200 ms
}

var presets = map[string]preset{
	"lzdash":    {ready: "退出", key: "\t", changed: "筛选", quit: "q"},
	"lzdash-en": {ready: "quit", key: "\t", changed: "filter", quit: "q"},
	"htop":      {ready: "F10Quit", key: "\x1bOP", changed: "return.", quit: "q|q"},
	"btop":      {ready: "signals", key: "h", changed: "Description:", quit: "\x1b|q"},
	"vd":        {ready: "rows", key: "I", changed: "describe", quit: "gq"},
}

type result struct {
	first, key time.Duration
	rssKB      int64
}

func main() {
	name := flag.String("preset", "lzdash", "how to recognise frames: lzdash, lzdash-en, htop, btop or vd")
	runs := flag.Int("n", 20, "number of runs")
	cols := flag.Int("w", 120, "terminal width")
	rows := flag.Int("h", 40, "terminal height")
	answer := flag.Bool("answer", true, "answer start-up queries (cursor position, colours, modes) like a terminal")
	settle := flag.Duration("settle", 300*time.Millisecond, "wait at least this long after the first frame before pressing the key")
	jitter := flag.Duration("jitter", 50*time.Millisecond, "and up to this much more, uniformly at random: at least two frame periods of the slowest program measured")
	seed := flag.Uint64("seed", 1, "seed of the random key moments")
	floor := flag.Bool("floor", true, "measure the floor (a trivial program) after each run")
	timeout := flag.Duration("timeout", 10*time.Second, "give up on a frame after this long")
	trace := flag.Bool("trace", false, "print each chunk of output with its time, to choose markers")
	flag.Parse()
	if os.Getenv(floorEnv) != "" {
		os.Exit(runFloor(os.Getenv(floorEnv)))
	}
	p, ok := presets[*name]
	if !ok || flag.NArg() == 0 {
		fmt.Fprintln(os.Stderr, "usage: ttff [-preset NAME] [-n RUNS] [-w COLS] [-h ROWS] -- COMMAND [ARGS]")
		os.Exit(2)
	}
	rng := rand.New(rand.NewPCG(*seed, 0))
	wait := func() time.Duration { return *settle + time.Duration(rng.Int64N(int64(*jitter)+1)) }
	self, err := os.Executable()
	if err != nil {
		fmt.Fprintln(os.Stderr, "ttff:", err)
		os.Exit(1)
	}
	var rs, fs []result
	for i := 0; i < *runs; i++ {
		r, err := measure(flag.Args(), nil, p, uint16(*cols), uint16(*rows), *answer, wait(), *timeout, *trace)
		if err != nil {
			fmt.Fprintf(os.Stderr, "run %d: %v\n", i+1, err)
			os.Exit(1)
		}
		rs = append(rs, r)
		if *floor {
			env := []string{floorEnv + "=" + hex.EncodeToString([]byte(p.ready+"\x00"+p.key+"\x00"+p.changed+"\x00"+p.quit))}
			f, err := measure([]string{self}, env, p, uint16(*cols), uint16(*rows), *answer, wait(), *timeout, false)
			if err != nil {
				fmt.Fprintf(os.Stderr, "floor run %d: %v\n", i+1, err)
				os.Exit(1)
			}
			fs = append(fs, f)
		}
	}
	fmt.Printf("%s (%d runs, %dx%d, queries answered: %v, key after %v + up to %v, seed %d)\n",
		strings.Join(flag.Args(), " "), *runs, *cols, *rows, *answer, *settle, *jitter, *seed)
	report("first frame", rs, fs, func(r result) float64 { return ms(r.first) }, "ms")
	report("key to frame", rs, fs, func(r result) float64 { return ms(r.key) }, "ms")
	report("peak RSS", rs, fs, func(r result) float64 { return float64(r.rssKB) / 1024 }, "MB")
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// report prints the median, min and max of f over rs, and the floor's
// median over fs beside them.
func report(what string, rs, fs []result, f func(result) float64, unit string) {
	med, lo, hi := stats(rs, f)
	fmt.Printf("  %-13s median %8.2f %s   min %8.2f   max %8.2f", what, med, unit, lo, hi)
	if len(fs) > 0 {
		fmed, _, _ := stats(fs, f)
		fmt.Printf("   floor %8.2f %s", fmed, unit)
	}
	fmt.Println()
}

func stats(rs []result, f func(result) float64) (med, lo, hi float64) {
	v := make([]float64, len(rs))
	for i, r := range rs {
		v[i] = f(r)
	}
	slices.Sort(v)
	med = v[len(v)/2]
	if len(v)%2 == 0 {
		med = (v[len(v)/2-1] + v[len(v)/2]) / 2
	}
	return med, v[0], v[len(v)-1]
}

// screen collects a program's output and answers its queries.
type screen struct {
	mu     sync.Mutex
	out    bytes.Buffer
	marks  []*mark
	answer bool
	tty    *os.File
	last   time.Time // when the last chunk arrived
}

type mark struct {
	s  string
	ch chan time.Time
	// from is the output length when the mark was set; only output after
	// it counts.
	from int
	// seen is set once the marker has appeared; the mark then fires with
	// the time of the last chunk of that burst of output.
	seen bool
}

// burstGap is the silence that ends a burst of output: a frame is written
// in chunks well under a millisecond apart, and frames come at least a
// frame interval apart.
const burstGap = 5 * time.Millisecond

// queries are the start-up questions of Bubble Tea and other TUIs, with a
// terminal's answers.
var queries = []struct {
	re  *regexp.Regexp
	ans func([]string) string
}{
	{regexp.MustCompile(`\x1b\[6n`), func([]string) string { return "\x1b[1;1R" }},
	{regexp.MustCompile(`\x1b\[\?6n`), func([]string) string { return "\x1b[?1;1R" }},
	{regexp.MustCompile(`\x1b\](1[01]);\?(\x07|\x1b\\)`), func(m []string) string {
		c := "ffff/ffff/ffff"
		if m[1] == "11" {
			c = "0000/0000/0000"
		}
		return "\x1b]" + m[1] + ";rgb:" + c + "\x1b\\"
	}},
	{regexp.MustCompile(`\x1b\[\?(\d+)\$p`), func(m []string) string { return "\x1b[?" + m[1] + ";2$y" }},
	{regexp.MustCompile(`\x1b\[\?u`), func([]string) string { return "\x1b[?0u" }},
	{regexp.MustCompile(`\x1b\[>0?q`), func([]string) string { return "\x1bP>|ttff\x1b\\" }},
	{regexp.MustCompile(`\x1b\[0?c`), func([]string) string { return "\x1b[?62;22c" }},
	{regexp.MustCompile(`\x1bP\+q([0-9a-fA-F;]+)\x1b\\`), func([]string) string { return "\x1bP0+r\x1b\\" }},
}

func (s *screen) write(b []byte) {
	now := time.Now()
	s.mu.Lock()
	defer s.mu.Unlock()
	s.out.Write(b)
	if s.answer {
		for _, q := range queries {
			for _, m := range q.re.FindAllStringSubmatch(string(b), -1) {
				s.tty.WriteString(q.ans(m))
			}
		}
	}
	s.last = now
	for _, mk := range s.marks {
		if !mk.seen && strings.Contains(ansi.Strip(s.out.String()[mk.from:]), mk.s) {
			mk.seen = true
			go s.fireAfterBurst(mk)
		}
	}
}

// fireAfterBurst waits for the output to fall silent and reports the time
// of the last chunk before the silence.
func (s *screen) fireAfterBurst(mk *mark) {
	for {
		time.Sleep(burstGap)
		s.mu.Lock()
		last := s.last
		s.mu.Unlock()
		if time.Since(last) >= burstGap {
			mk.ch <- last
			return
		}
	}
}

// expect returns a channel that receives the time at which s first
// appears in the output written from now on.
func (s *screen) expect(str string) chan time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	ch := make(chan time.Time, 1)
	s.marks = append(s.marks, &mark{s: str, ch: ch, from: s.out.Len()})
	return ch
}

func measure(argv, env []string, p preset, cols, rows uint16, answer bool, settle, timeout time.Duration, trace bool) (result, error) {
	var r result
	cmd := exec.Command(argv[0], argv[1:]...)
	cmd.Env = append(append(os.Environ(), "TERM=xterm-256color", "COLORTERM=truecolor"), env...)
	s := &screen{answer: answer}
	ready := s.expect(p.ready)
	start := time.Now()
	tty, err := pty.StartWithSize(cmd, &pty.Winsize{Cols: cols, Rows: rows})
	if err != nil {
		return r, err
	}
	s.tty = tty
	done := make(chan struct{})
	go func() {
		defer close(done)
		buf := make([]byte, 64<<10)
		for {
			n, err := tty.Read(buf)
			if n > 0 {
				s.write(buf[:n])
				if trace {
					txt := []rune(strings.Join(strings.Fields(ansi.Strip(string(buf[:n]))), " "))
					if len(txt) > 100 {
						txt = append(txt[:50], append([]rune(" ... "), txt[len(txt)-50:]...)...)
					}
					fmt.Fprintf(os.Stderr, "%8.2f ms  %6d bytes  %s\n", ms(time.Since(start)), n, string(txt))
				}
			}
			if err != nil {
				return
			}
		}
	}()
	kill := func() { _ = cmd.Process.Kill(); _ = cmd.Wait(); tty.Close() }
	select {
	case t := <-ready:
		r.first = t.Sub(start)
	case <-time.After(timeout):
		kill()
		return r, fmt.Errorf("no first frame (marker %q) within %v; output:\n%s", p.ready, timeout, tail(s))
	}
	time.Sleep(settle)
	changed := s.expect(p.changed)
	sent := time.Now()
	if _, err := tty.WriteString(p.key); err != nil {
		kill()
		return r, err
	}
	select {
	case t := <-changed:
		r.key = t.Sub(sent)
	case <-time.After(timeout):
		kill()
		return r, fmt.Errorf("no frame with %q within %v after the key", p.changed, timeout)
	}
	time.Sleep(settle)
	for i, q := range strings.Split(p.quit, "|") {
		if i > 0 {
			time.Sleep(200 * time.Millisecond)
		}
		if _, err := tty.WriteString(q); err != nil {
			kill()
			return r, err
		}
	}
	exited := make(chan error, 1)
	go func() { exited <- cmd.Wait() }()
	select {
	case err := <-exited:
		var ee *exec.ExitError
		if err != nil && !errors.As(err, &ee) {
			return r, err
		}
	case <-time.After(timeout):
		kill()
		return r, fmt.Errorf("did not quit on %q", p.quit)
	}
	tty.Close()
	<-done
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.rssKB = ru.Maxrss
	}
	return r, nil
}

func tail(s *screen) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := ansi.Strip(s.out.String())
	if len(out) > 2000 {
		out = out[len(out)-2000:]
	}
	return out
}
