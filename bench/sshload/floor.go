package main

import (
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"
	"io"
	"net"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/charmbracelet/x/ansi"
	gossh "golang.org/x/crypto/ssh"
)

// The floor is a bare x/crypto/ssh server in this tool that answers a
// PTY session with the bytes of lzdash's own first frame, and keys in
// turn with the bytes of the frame that Tab draws and of the first frame
// again: all that any SSH dashboard must do, with none of the
// dashboard's work. Rounds against lzdash and
// against the floor alternate, so that both meet the same machine.

// captureFrames records the bytes of lzdash's first frame and of the
// frame after Tab, from one session.
func captureFrames(o options, addr string) (first, second []byte, err error) {
	c, err := gossh.Dial("tcp", addr, &gossh.ClientConfig{
		User: "floor", HostKeyCallback: gossh.InsecureIgnoreHostKey(), Timeout: o.timeout,
	})
	if err != nil {
		return nil, nil, fmt.Errorf("capturing the frames: %w", err)
	}
	defer c.Close()
	sess, err := c.NewSession()
	if err != nil {
		return nil, nil, err
	}
	defer sess.Close()
	in, _ := sess.StdinPipe()
	out, _ := sess.StdoutPipe()
	if err := sess.RequestPty("xterm-256color", o.height, o.width, gossh.TerminalModes{}); err != nil {
		return nil, nil, err
	}
	if err := sess.Shell(); err != nil {
		return nil, nil, err
	}
	chunks := make(chan []byte, 64)
	go func() {
		defer close(chunks)
		for {
			b := make([]byte, 32<<10)
			n, err := out.Read(b)
			if n > 0 {
				chunks <- b[:n]
			}
			if err != nil {
				return
			}
		}
	}()
	// until reads until token shows, then what follows within 50 ms.
	until := func(token string) ([]byte, error) {
		var got []byte
		deadline := time.After(o.timeout)
		var quiet <-chan time.Time
		for {
			select {
			case b, ok := <-chunks:
				if !ok {
					return nil, errors.New("the session ended")
				}
				got = append(got, b...)
				if quiet == nil && strings.Contains(ansi.Strip(string(got)), token) {
					quiet = time.After(50 * time.Millisecond)
				}
			case <-quiet:
				return got, nil
			case <-deadline:
				return nil, fmt.Errorf("no %q within %v", token, o.timeout)
			}
		}
	}
	if first, err = until(firstFrameToken); err != nil {
		return nil, nil, err
	}
	if _, err := io.WriteString(in, "\t"); err != nil {
		return nil, nil, err
	}
	if second, err = until(keyFrameToken); err != nil {
		return nil, nil, err
	}
	return first, second, nil
}

// startFloor serves the floor on a loopback port until stop is called.
func startFloor(first, second []byte) (addr string, stop func(), err error) {
	_, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return "", nil, err
	}
	signer, err := gossh.NewSignerFromKey(priv)
	if err != nil {
		return "", nil, err
	}
	cfg := &gossh.ServerConfig{NoClientAuth: true}
	cfg.AddHostKey(signer)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	var wg sync.WaitGroup
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			wg.Go(func() { floorConn(conn, cfg, first, second) })
		}
	}()
	return ln.Addr().String(), func() { ln.Close(); wg.Wait() }, nil
}

func floorConn(conn net.Conn, cfg *gossh.ServerConfig, first, second []byte) {
	defer conn.Close()
	sc, chans, reqs, err := gossh.NewServerConn(conn, cfg)
	if err != nil {
		return
	}
	defer sc.Close()
	go gossh.DiscardRequests(reqs)
	for nc := range chans {
		if nc.ChannelType() != "session" {
			_ = nc.Reject(gossh.UnknownChannelType, "sessions only")
			continue
		}
		ch, creqs, err := nc.Accept()
		if err != nil {
			return
		}
		go func() {
			for req := range creqs {
				_ = req.Reply(req.Type == "pty-req" || req.Type == "shell" || req.Type == "env", nil)
				if req.Type == "shell" {
					_, _ = ch.Write(first)
				}
			}
		}()
		go func() {
			defer ch.Close()
			buf := make([]byte, 256)
			for i := 0; ; i++ {
				if _, err := ch.Read(buf); err != nil {
					return
				}
				answer := second
				if i%2 == 1 {
					answer = first
				}
				_, _ = ch.Write(answer)
			}
		}()
	}
}

// loadOnce opens o.n sessions at once on addr, presses Tab in each, and
// returns what each measured.
func loadOnce(o options, addr string) []result {
	var ready, keyed, woke, finished sync.WaitGroup
	measured, done := make(chan struct{}), make(chan struct{})
	o.hibernate = 0 // the floor has no programs to stop
	results := make([]result, o.n)
	ready.Add(o.n)
	keyed.Add(o.n)
	finished.Add(o.n)
	for i := range o.n {
		go func() {
			defer finished.Done()
			results[i] = session(o, i, addr, &ready, &keyed, &woke, measured, nil, done)
		}()
	}
	ready.Wait()
	close(measured)
	keyed.Wait()
	close(done)
	finished.Wait()
	return results
}

// floorRounds alternates rounds against lzdash at addr and against the
// floor, and prints each round and the medians with their ratio.
func floorRounds(o options, addr string, rounds int) error {
	first, second, err := captureFrames(o, addr)
	if err != nil {
		return err
	}
	faddr, stop, err := startFloor(first, second)
	if err != nil {
		return err
	}
	defer stop()
	fmt.Printf("floor           a bare x/crypto/ssh server sending lzdash's frames (%d and %d bytes)\n", len(first), len(second))
	var lz, fl [][2]time.Duration       // p50, p99 of the first frame per round
	var lzKey, flKey [][2]time.Duration // p99 of the first and the next key per round
	for r := range rounds {
		for _, t := range []struct {
			name string
			addr string
			out  *[][2]time.Duration
			key  *[][2]time.Duration
		}{{"lzdash", addr, &lz, &lzKey}, {"floor", faddr, &fl, &flKey}} {
			rs := loadOnce(o, t.addr)
			var firsts, keys, nexts []time.Duration
			bad := 0
			for _, x := range rs {
				if x.err != nil {
					bad++
					continue
				}
				firsts = append(firsts, x.firstFrame)
				keys = append(keys, x.keyFrame)
				nexts = append(nexts, x.nextKey)
			}
			if len(firsts) == 0 {
				return fmt.Errorf("round %d, %s: every session failed", r+1, t.name)
			}
			slices.Sort(firsts)
			slices.Sort(keys)
			slices.Sort(nexts)
			p50, p99 := pct(firsts, 50), pct(firsts, 99)
			*t.out = append(*t.out, [2]time.Duration{p50, p99})
			*t.key = append(*t.key, [2]time.Duration{pct(keys, 99), pct(nexts, 99)})
			fmt.Printf("round %d %-7s first frame p50 %-9v p99 %-9v first key p99 %-9v next key p99 %-9v %d failed\n", r+1, t.name,
				p50.Round(time.Millisecond), p99.Round(time.Millisecond), pct(keys, 99).Round(100*time.Microsecond),
				pct(nexts, 99).Round(100*time.Microsecond), bad)
		}
	}
	med := func(v [][2]time.Duration, i int) time.Duration {
		d := make([]time.Duration, len(v))
		for j := range v {
			d[j] = v[j][i]
		}
		slices.Sort(d)
		return d[len(d)/2]
	}
	lz50, lz99, fl50, fl99 := med(lz, 0), med(lz, 1), med(fl, 0), med(fl, 1)
	fmt.Printf("median          first frame: lzdash p50 %v p99 %v; floor p50 %v p99 %v; ratio p50 %.2f, p99 %.2f\n",
		lz50.Round(time.Millisecond), lz99.Round(time.Millisecond), fl50.Round(time.Millisecond), fl99.Round(time.Millisecond),
		float64(lz50)/float64(fl50), float64(lz99)/float64(fl99))
	lk1, lk2, fk1, fk2 := med(lzKey, 0), med(lzKey, 1), med(flKey, 0), med(flKey, 1)
	fmt.Printf("median          key p99: lzdash first %v next %v; floor first %v next %v; ratio first %.2f, next %.2f\n",
		lk1.Round(100*time.Microsecond), lk2.Round(100*time.Microsecond), fk1.Round(100*time.Microsecond), fk2.Round(100*time.Microsecond),
		float64(lk1)/float64(fk1), float64(lk2)/float64(fk2))
	return nil
}

// pct returns the p-th percentile of sorted ds.
func pct(ds []time.Duration, p int) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := (len(ds)*p + 99) / 100
	return ds[min(max(i-1, 0), len(ds)-1)]
}
