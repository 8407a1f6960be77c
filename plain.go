package main

import (
	"context"
	"fmt"
	"io"

	"lzdash/data"
	"lzdash/data/watch"
	"lzdash/internal/plain"
	"lzdash/ui"
)

// runPlain runs the line-oriented reader of lzdash --plain on stdin and
// stdout, which need not be a terminal: the terminal, if any, echoes and
// edits the lines. With w set (--watch), the file's changes reach the
// reader as the dashboard's do: each command answers from the latest
// good dataset, after a line that says it was reloaded, or that a reload
// failed and where.
func runPlain(ds *data.Dataset, l ui.Lang, w *watch.Watcher, stdin io.Reader, stdout, stderr io.Writer) int {
	o := plain.Options{Lang: string(l)}
	if w != nil {
		var box plain.Mailbox
		ctx, cancel := context.WithCancel(context.Background())
		defer cancel()
		go w.Poll(ctx, watch.Interval, func(ev watch.Event) {
			box.Put(plain.Reload{Dataset: ev.Dataset, Err: ev.Err})
		})
		o.Reloads = box.Take
	}
	if err := plain.Read(ds, stdin, stdout, o); err != nil {
		fmt.Fprintf(stderr, "lzdash: %s\n", data.Sanitize(err.Error()))
		return exitData
	}
	return exitOK
}
