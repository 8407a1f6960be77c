package main

import (
	"fmt"
	"io"
	"os"

	"lzdash/data"
)

// runVerify checks a dataset against the archived articles in --sources:
// it prints every problem as FILE:LINE:COL: field: message and exits 1,
// or prints a one-line summary and exits 0.
func runVerify(args []string, stdout, stderr io.Writer) int {
	fs := newFlags("verify", stderr)
	path := dataFlag(fs)
	dir := fs.String("sources", "", "`DIR` holding the archived source articles, named by the sources' file fields")
	if err := parseFlags(fs, args); err != nil {
		return exitUsage
	}
	if *dir == "" {
		fmt.Fprintln(stderr, "lzdash verify: --sources DIR is required: the folder of the archived articles")
		return exitUsage
	}
	if st, err := os.Stat(*dir); err != nil || !st.IsDir() {
		fmt.Fprintf(stderr, "lzdash verify: --sources %s is not a folder\n", data.Sanitize(*dir))
		return exitData
	}
	ds, err := loadDataset(*path)
	if err != nil {
		reportLoadError(stderr, err)
		return exitData
	}
	src := embedded
	if *path != "" {
		// The file validated a moment ago; it is read again only to
		// locate the problems.
		if src, err = os.ReadFile(*path); err != nil {
			fmt.Fprintf(stderr, "lzdash verify: %s\n", data.Sanitize(err.Error()))
			return exitData
		}
	}
	res := data.Verify(ds, src, *dir)
	if len(res.Problems) > 0 {
		for _, p := range res.Problems {
			fmt.Fprintln(stderr, p.Error())
		}
		fmt.Fprintf(stderr, "%d problem(s) found\n", len(res.Problems))
		return exitData
	}
	fmt.Fprintf(stdout, "%s: ok: %d quotes found in their articles, %d values in their quotes\n", ds.File, res.Quotes, res.Values)
	return exitOK
}
