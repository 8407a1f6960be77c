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

// TestDashboardFlagsHelp checks that -h among the dashboard's flags
// prints lzdash help, as lzdash help does, and that a flag mistake says
// what is wrong once, then shows the help, with the usage exit code.
func TestDashboardFlagsHelp(t *testing.T) {
	_, help, _ := runCLI("help")
	for _, args := range [][]string{{"--ascii", "-h"}, {"--lang", "en", "--help"}, {"--plain", "-h"}} {
		code, out, errOut := runCLI(args...)
		if code != 0 || out != help || errOut != "" {
			t.Errorf("%q: exit %d, stdout %d bytes (lzdash help: %d), stderr %q", args, code, len(out), len(help), errOut)
		}
	}
	code, out, errOut := runCLI("--bogus")
	if code != exitUsage || out != "" {
		t.Errorf("--bogus: exit %d, stdout %q", code, out)
	}
	if n := strings.Count(errOut, "not defined: -bogus"); n != 1 || !strings.HasPrefix(errOut, "lzdash: ") || !strings.HasSuffix(errOut, help) {
		t.Errorf("--bogus: the mistake said %d times, stderr:\n%s", n, errOut)
	}
}
