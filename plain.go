package main

import (
	"fmt"
	"io"

	"lzdash/data"
	"lzdash/internal/plain"
	"lzdash/ui"
)

// runPlain runs the line-oriented reader of lzdash --plain on stdin and
// stdout, which need not be a terminal: the terminal, if any, echoes and
// edits the lines.
func runPlain(ds *data.Dataset, l ui.Lang, stdin io.Reader, stdout, stderr io.Writer) int {
	if err := plain.Read(ds, stdin, stdout, plain.Options{Lang: string(l)}); err != nil {
		fmt.Fprintf(stderr, "lzdash: %s\n", data.Sanitize(err.Error()))
		return exitData
	}
	return exitOK
}
