// Command gendata writes a dataset file as Go code: a function that
// returns the dataset exactly as data.Parse reads it, so that a binary
// can carry its default dataset without parsing YAML at start. It parses
// and validates the file first, and writes nothing when it has problems.
//
//	go run ./internal/gendata -in indicators.yaml -out indicators_gen.go
//
// The output is deterministic, gofmt'd, and starts with the standard
// "Code generated ... DO NOT EDIT." line.
package main

import (
	"flag"
	"fmt"
	"os"

	"lzdash/data"
)

func main() {
	in := flag.String("in", "indicators.yaml", "dataset `FILE` to read")
	out := flag.String("out", "indicators_gen.go", "Go `FILE` to write")
	pkg := flag.String("pkg", "main", "package of the generated file")
	fn := flag.String("func", "generatedDataset", "name of the generated function")
	name := flag.String("name", "", "name the dataset is known by in messages (default: -in)")
	flag.Parse()
	if err := run(*in, *out, *pkg, *fn, *name); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

func run(in, out, pkg, fn, name string) error {
	if name == "" {
		name = in
	}
	src, err := os.ReadFile(in)
	if err != nil {
		return fmt.Errorf("reading dataset: %w", err)
	}
	ds, err := data.Parse(name, src)
	if err != nil {
		return fmt.Errorf("%s does not validate:\n%w", in, err)
	}
	code, err := generate(ds, file{Pkg: pkg, Func: fn, Input: in, Name: name})
	if err != nil {
		return fmt.Errorf("generating %s: %w", out, err)
	}
	if err := os.WriteFile(out, code, 0o644); err != nil {
		return fmt.Errorf("writing generated code: %w", err)
	}
	return nil
}
