// Command flood attacks a `lzdash serve` process on loopback the way a
// hostile crowd would, and measures whether a real visitor still gets a
// dashboard, and what the attack costs the server.
//
//	go build -o /tmp/lzdash . && go run ./bench/flood -conns 6000 -nofile 4096 /tmp/lzdash
//	go run ./bench/flood -conns 6000 -addrs 200 -nofile 4096 /tmp/lzdash
//	go run ./bench/flood -exec 250000 /tmp/lzdash
//
// With -conns, it opens that many TCP connections that never say a word,
// from -addrs loopback addresses (127.0.0.1, 127.0.0.2, ...), keeps them
// open, and then a visitor from 127.0.1.1 opens a dashboard, five times;
// it reports each visitor's time to the first frame, and the server's
// open descriptors and memory. Meanwhile the flood goes on, replacing its
// oldest connection with a new one -rate times a second. With -exec, it runs one command line of
// that many bytes and reports the server CPU it cost. Every loop is
// bounded in count and time.
package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"

	gossh "golang.org/x/crypto/ssh"
)

type options struct {
	conns, addrs, nofile, execBytes, rate int
	timeout                               time.Duration
}

func main() {
	var o options
	flag.IntVar(&o.conns, "conns", 0, "idle connections to open")
	flag.IntVar(&o.addrs, "addrs", 1, "loopback addresses to spread them over")
	flag.IntVar(&o.nofile, "nofile", 0, "the server's file-descriptor limit (0: inherited)")
	flag.IntVar(&o.rate, "rate", 500, "connections replaced a second while the visitors try")
	flag.IntVar(&o.execBytes, "exec", 0, "run one command line of this many bytes")
	flag.DurationVar(&o.timeout, "timeout", 60*time.Second, "give up on opening connections after `D`")
	flag.Parse()
	if flag.NArg() != 1 || (o.conns <= 0 && o.execBytes <= 0) || o.addrs < 1 || o.addrs > 250 || o.rate < 1 {
		fmt.Fprintln(os.Stderr, "usage: flood [-conns N [-addrs K]] [-exec BYTES] [-nofile N] LZDASH-BINARY")
		os.Exit(2)
	}
	if err := runFlood(o, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "flood:", err)
		os.Exit(1)
	}
}

func runFlood(o options, bin string) error {
	srv, addr, err := startServer(bin, o.nofile)
	if err != nil {
		return err
	}
	defer func() { _ = srv.Process.Kill(); _ = srv.Wait() }()
	pid := srv.Process.Pid
	if o.execBytes > 0 {
		return longExec(addr, pid, o.execBytes)
	}

	var held []net.Conn
	defer func() {
		for _, c := range held {
			c.Close()
		}
	}()
	deadline := time.Now().Add(o.timeout)
	var dialErrs int
	start := time.Now()
	for i := 0; i < o.conns && time.Now().Before(deadline); i++ {
		d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(1+i%o.addrs))}, Timeout: time.Second}
		c, err := d.Dial("tcp", addr)
		if err != nil {
			dialErrs++
			continue
		}
		held = append(held, c)
	}
	fmt.Printf("flood           %d connections opened from %d addresses in %v, %d dial errors\n",
		len(held), o.addrs, time.Since(start).Round(time.Millisecond), dialErrs)
	time.Sleep(500 * time.Millisecond) // let the server take them in
	fds, rss := procStats(pid)
	fmt.Printf("server          %d descriptors open, %.1f MiB resident\n", fds, float64(rss)/1024)

	// While the visitors try, the flood goes on: the oldest connection
	// is replaced by a new one, -rate times a second.
	stop := make(chan struct{})
	rotated := make(chan int, 1)
	go func() {
		n := 0
		defer func() { rotated <- n }()
		tick := time.NewTicker(time.Second / time.Duration(o.rate))
		defer tick.Stop()
		for ; len(held) > 0 && time.Now().Before(deadline.Add(o.timeout)); n++ {
			select {
			case <-stop:
				return
			case <-tick.C:
			}
			i := n % len(held)
			held[i].Close()
			d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 0, byte(1+n%o.addrs))}, Timeout: time.Second}
			if c, err := d.Dial("tcp", addr); err == nil {
				held[i] = c
			}
		}
	}()

	var times []time.Duration
	for i := range 5 {
		took, err := visit(addr)
		if err != nil {
			fmt.Printf("visitor %d       no dashboard: %v\n", i+1, err)
			continue
		}
		times = append(times, took)
		fmt.Printf("visitor %d       first frame after %v\n", i+1, took.Round(time.Millisecond))
	}
	close(stop)
	fmt.Printf("flood           %d connections replaced meanwhile\n", <-rotated)
	if len(times) > 0 {
		sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
		fmt.Printf("visitors        %d of 5 got a dashboard, median %v\n", len(times), times[len(times)/2].Round(time.Millisecond))
	} else {
		fmt.Println("visitors        0 of 5 got a dashboard")
	}
	return nil
}

// startServer starts bin serve on a loopback port with a fresh host key
// and returns its address.
func startServer(bin string, nofile int) (*exec.Cmd, string, error) {
	dir, err := os.MkdirTemp("", "flood")
	if err != nil {
		return nil, "", err
	}
	args := []string{bin, "serve", "--listen", "127.0.0.1:0", "--host-key", filepath.Join(dir, "host_ed25519")}
	var cmd *exec.Cmd
	if nofile > 0 {
		cmd = exec.Command("sh", append([]string{"-c", `ulimit -n "$0" && exec "$@"`, strconv.Itoa(nofile)}, args...)...)
	} else {
		cmd = exec.Command(args[0], args[1:]...)
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", fmt.Errorf("starting the server: %w", err)
	}
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			if strings.Contains(sc.Text(), "serving on ") {
				line <- sc.Text()
			}
		}
	}()
	select {
	case l := <-line:
		f := strings.Fields(strings.SplitN(l, "serving on ", 2)[1])
		return cmd, strings.TrimSuffix(f[0], ":"), nil
	case <-time.After(10 * time.Second):
		_ = cmd.Process.Kill()
		return nil, "", errors.New("the server did not start")
	}
}

// visit opens a dashboard from 127.0.1.1 and returns the time to its
// first frame, giving up after 10 s.
func visit(addr string) (time.Duration, error) {
	start := time.Now()
	d := net.Dialer{LocalAddr: &net.TCPAddr{IP: net.IPv4(127, 0, 1, 1)}, Timeout: 10 * time.Second}
	conn, err := d.Dial("tcp", addr)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	_ = conn.SetDeadline(start.Add(10 * time.Second))
	sc, chans, reqs, err := gossh.NewClientConn(conn, addr, &gossh.ClientConfig{
		User: "visitor", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
	})
	if err != nil {
		return 0, err
	}
	c := gossh.NewClient(sc, chans, reqs)
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return 0, err
	}
	out, err := sess.StdoutPipe()
	if err != nil {
		return 0, err
	}
	if err := sess.RequestPty("xterm-256color", 30, 100, gossh.TerminalModes{}); err != nil {
		return 0, err
	}
	if err := sess.Shell(); err != nil {
		return 0, err
	}
	buf := make([]byte, 0, 64<<10)
	chunk := make([]byte, 16<<10)
	for {
		n, err := out.Read(chunk)
		buf = append(buf, chunk[:n]...)
		if strings.Contains(string(buf), "兰州") {
			return time.Since(start), nil
		}
		if err != nil {
			return 0, err
		}
	}
}

// longExec runs one command line of n bytes and reports what it cost.
func longExec(addr string, pid, n int) error {
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "visitor", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: 10 * time.Second,
	})
	if err != nil {
		return err
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return err
	}
	defer sess.Close()
	var stderr strings.Builder
	sess.Stderr = &stderr
	before := cpu(pid)
	start := time.Now()
	cmd := "export --format=" + strings.Repeat("a", n) // one long word: the splitter's worst case
	if err := sess.Start(cmd); err != nil {
		return err
	}
	done := make(chan error, 1)
	go func() { done <- sess.Wait() }()
	select {
	case err = <-done:
	case <-time.After(60 * time.Second):
		err = errors.New("no answer within 60 s")
	}
	took := time.Since(start)
	fmt.Printf("exec            %d bytes: answered after %v (%v), server CPU %v\n",
		len(cmd), took.Round(time.Millisecond), err, (cpu(pid) - before).Round(time.Millisecond))
	if s := strings.TrimSpace(stderr.String()); s != "" {
		fmt.Printf("stderr          %.100s\n", s)
	}
	return nil
}

// cpu returns the user and system CPU time of process pid so far.
func cpu(pid int) time.Duration {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(b)
	f := strings.Fields(s[strings.LastIndexByte(s, ')')+2:])
	ut, _ := strconv.Atoi(f[11])
	st, _ := strconv.Atoi(f[12])
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ is 100 on Linux
}

// procStats returns the open descriptors and resident KiB of process pid.
func procStats(pid int) (fds, rssKiB int) {
	if ents, err := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid)); err == nil {
		fds = len(ents)
	}
	b, _ := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmRSS:") {
			rssKiB, _ = strconv.Atoi(strings.Fields(l)[1])
		}
	}
	return fds, rssKiB
}
