// Command gen writes the synthetic large dataset used by the performance
// budgets to a file (or stdout), for measuring whole-process behaviour.
// With -bomb N it writes instead a YAML node bomb of N small values,
// x: [0,0,0,...], two bytes a value, for measuring what refusing one
// costs.
//
//	go run ./bench/gen -o /tmp/large.yaml
//	go run ./bench/gen -bomb 10000000 -o /tmp/bomb20.yaml
package main

import (
	"bytes"
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
	bomb := flag.Int("bomb", 0, "write a node bomb of `N` values instead")
	flag.Parse()
	var src []byte
	if *bomb > 0 {
		src = append([]byte("x: ["), bytes.Repeat([]byte("0,"), *bomb-1)...)
		src = append(src, "0]\n"...)
	} else {
		src = synth.Generate(o)
	}
	if *out == "" {
		os.Stdout.Write(src)
		return
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}
