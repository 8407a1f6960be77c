package main

import (
	"flag"
	"io"
	"strings"
	"testing"
)

// TestHelpNamesEveryDashboardFlag checks that lzdash help names every
// flag the dashboard accepts in a synopsis and describes it, the
// synopses being written by hand.
func TestHelpNamesEveryDashboardFlag(t *testing.T) {
	code, help, _ := runCLI("--help")
	if code != 0 {
		t.Fatalf("--help: exit %d", code)
	}
	var synopses string
	for _, l := range strings.Split(help, "\n") {
		if strings.HasPrefix(l, "  lzdash [") || strings.HasPrefix(l, "  lzdash --plain") {
			synopses += l + "\n"
		}
	}
	if synopses == "" {
		t.Fatalf("no synopsis of the dashboard in:\n%s", help)
	}
	_, described, _ := strings.Cut(help, "Flags of the dashboard and --plain:\n")
	n := 0
	newDashboardFlags(io.Discard).fs.VisitAll(func(f *flag.Flag) {
		n++
		name := "--" + f.Name
		if !strings.Contains(synopses+" ", name+" ") && !strings.Contains(synopses, name+"]") {
			t.Errorf("no synopsis names %s:\n%s", name, synopses)
		}
		if !strings.Contains(described, "\n  "+name) && !strings.HasPrefix(described, "  "+name) {
			t.Errorf("help does not describe %s", name)
		}
	})
	if n < 8 {
		t.Errorf("the dashboard has %d flags, want at least 8", n)
	}
}
