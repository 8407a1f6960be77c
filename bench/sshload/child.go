package main

import (
	"bufio"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"charm.land/log/v2"

	"lzdash/data"
	"lzdash/server"
	"lzdash/ui"
)

// runChild serves lzdash on a loopback port, prints the address, then
// answers one command a line on stdin until it closes:
//
//	heap  collect garbage, write a heap profile if asked to, and print
//	      the Go heap in use, the goroutine count and the collector's
//	      settings
func runChild(o options) error {
	src, err := os.ReadFile(o.data)
	if err != nil {
		return fmt.Errorf("reading the dataset: %w", err)
	}
	ds, err := data.Parse(o.data, src)
	if err != nil {
		return fmt.Errorf("parsing the dataset: %w", err)
	}
	dir, err := os.MkdirTemp("", "sshload")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	key, _, err := server.LoadHostKey(filepath.Join(dir, "host_ed25519"))
	if err != nil {
		return err
	}
	gogc, limit := server.TuneGC(os.Getenv, o.n+10)
	srv, err := server.New(server.Config{
		Dataset: ds, HostKey: key, Lang: ui.En,
		MaxSessions: o.n + 10, RateLimit: 1e6, RateBurst: 1e6, Hibernate: o.hibernate,
		MaxConnsPerAddr: o.n + 10, MaxHandshakesPerAddr: o.n + 10, MaxHandshakes: o.n + 10,
		Logger: log.NewWithOptions(os.Stderr, log.Options{Level: log.ErrorLevel}),
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	if o.profile != "" {
		f, err := os.Create(filepath.Join(o.profile, "cpu.pprof"))
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	go func() { _ = srv.Serve(ln) }()
	fmt.Println(ln.Addr())

	heaps := 0
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		if in.Text() != "heap" {
			fmt.Println("unknown command")
			continue
		}
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		if o.profile != "" {
			heaps++
			if err := writeHeap(filepath.Join(o.profile, fmt.Sprintf("heap%d.pprof", heaps))); err != nil {
				return err
			}
		}
		fmt.Printf("%.1f MiB in use, %.1f MiB from the OS, %d goroutines, %d sessions, %d GCs (GOGC %d, limit %d MiB)\n",
			float64(ms.HeapInuse)/(1<<20), float64(ms.Sys)/(1<<20), runtime.NumGoroutine(), srv.Sessions(),
			ms.NumGC, gogc, limit>>20)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	return srv.Shutdown(ctx)
}

func writeHeap(path string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return pprof.WriteHeapProfile(f)
}
