// Command gen writes the synthetic large dataset used by the performance
// budgets to a file (or stdout), for measuring whole-process behaviour.
//
//	go run ./bench/gen -o /tmp/large.yaml
package main

import (
	"flag"
	"fmt"
	"os"

	"lzdash/internal/synth"
)

func main() {
	o := synth.Large
	out := flag.String("o", "", "output `FILE` (default stdout)")
	flag.Uint64Var(&o.Seed, "seed", o.Seed, "random seed")
	flag.IntVar(&o.Metrics, "metrics", o.Metrics, "number of metrics")
	flag.IntVar(&o.Years, "years", o.Years, "number of years")
	flag.IntVar(&o.Zones, "zones", o.Zones, "number of zones")
	flag.IntVar(&o.Sources, "sources", o.Sources, "number of sources")
	flag.Parse()
	src := synth.Generate(o)
	if *out == "" {
		os.Stdout.Write(src)
		return
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
