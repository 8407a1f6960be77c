package cli

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"

	"lzdash/data"
)

const fixture = "../../data/testdata/good.yaml"

// env runs commands on the fixture dataset, recording the paths loaded.
func env(t *testing.T, remote bool, loaded *[]string) (Env, *bytes.Buffer, *bytes.Buffer) {
	t.Helper()
	var out, errOut bytes.Buffer
	return Env{Stdout: &out, Stderr: &errOut, Remote: remote, Lang: "en",
		Load: func(path string) (*data.Dataset, error) {
			*loaded = append(*loaded, path)
			if path == "" {
				path = fixture
			}
			return data.Load(path)
		},
		Source: os.ReadFile,
	}, &out, &errOut
}

// run runs the command line args in a fresh env.
func run(t *testing.T, remote bool, args ...string) (string, string, error) {
	t.Helper()
	c, ok := Find(args[0])
	if !ok {
		t.Fatalf("no command %q", args[0])
	}
	var loaded []string
	e, out, errOut := env(t, remote, &loaded)
	err := c.Run(e, args[1:])
	return out.String(), errOut.String(), err
}

func code(err error) int {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return -1
}

func TestRemoteTreeHasNoFileFlags(t *testing.T) {
	got := strings.Join(Synopses(true), ", ")
	want := "export [--bom] [--format json|csv] [--table figures|targets|conflicts|sources], " +
		"snapshot [--ascii] [--color] [--colors N] [--format screen|svg|text] [--height LINES] [--lang zh|en] [--metric ID] [--tab TAB] [--theme THEME] [--width COLUMNS] [--zone ID]"
	if got != want {
		t.Fatalf("remote synopses\n%s\nwant\n%s", got, want)
	}
	if local := strings.Join(Synopses(false), ", "); !strings.Contains(local, "validate [--data FILE]") ||
		!strings.Contains(local, "verify [--data FILE] --sources DIR") {
		t.Fatalf("local synopses lack validate or verify: %s", local)
	}
	for _, c := range Commands() {
		if h := c.Help(true); strings.Contains(h, "--data") {
			t.Errorf("%s: remote help offers --data:\n%s", c.Name, h)
		}
	}
	// Over SSH, --data is not a flag: the command never loads a path.
	for _, name := range []string{"export", "snapshot"} {
		c, _ := Find(name)
		var loaded []string
		e, out, errOut := env(t, true, &loaded)
		err := c.Run(e, []string{"--data", "/etc/passwd"})
		if code(err) != ExitUsage || !strings.Contains(err.Error(), "-data") || len(loaded) != 0 ||
			out.Len() != 0 || errOut.Len() != 0 {
			t.Errorf("%s --data over SSH: %v, loaded %q, stdout %q, stderr %q", name, err, loaded, out, errOut)
		}
	}
}

func TestHelp(t *testing.T) {
	out, _, err := run(t, false, "export", "--help")
	if err != nil || !strings.HasPrefix(out, "Usage: lzdash export [--bom] [--data FILE] [--format json|csv]") ||
		!strings.Contains(out, "  --table figures|targets|conflicts|sources\n") || !strings.Contains(out, "(default json)") {
		t.Fatalf("export --help: %v\n%s", err, out)
	}
	out, _, err = run(t, true, "snapshot", "-h")
	if out != "" || err == nil || strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "usage: snapshot [--ascii] [--color]") {
		t.Fatalf("snapshot -h over SSH: stdout %q, %v; want one usage line", out, err)
	}
}

func TestLocalFlagErrorShowsHelp(t *testing.T) {
	out, errOut, err := run(t, false, "snapshot", "--nope")
	var e *Error
	if !errors.As(err, &e) || e.Code != ExitUsage || !e.Shown || out != "" ||
		!strings.HasPrefix(errOut, "lzdash snapshot: flag provided but not defined: -nope\n\nUsage: lzdash snapshot") {
		t.Fatalf("stdout %q, stderr %q, %v", out, errOut, err)
	}
}

func TestSnapshotSizeLimits(t *testing.T) {
	for _, tc := range []struct {
		remote bool
		args   []string
		ok     bool
	}{
		{true, []string{"--width", "320", "--height", "120"}, true},
		{true, []string{"--width", "321"}, false},
		{true, []string{"--height", "121"}, false},
		{false, []string{"--width", "321", "--height", "121"}, true},
		{false, []string{"--width", "1001"}, false},
		{false, []string{"--height", "0"}, false},
	} {
		out, _, err := run(t, tc.remote, append([]string{"snapshot"}, tc.args...)...)
		if tc.ok != (err == nil) || !tc.ok && (code(err) != ExitUsage || !strings.Contains(err.Error(), "--width must be 1 to")) {
			t.Errorf("remote %v %q: %v", tc.remote, tc.args, err)
		}
		if tc.ok && !strings.Contains(out, "Example City S&T indicators") {
			t.Errorf("remote %v %q: snapshot lacks the fixture's title:\n%s", tc.remote, tc.args, out)
		}
	}
}

func TestSnapshotFixture(t *testing.T) {
	out, errOut, err := run(t, false, "snapshot", "--tab", "zones", "--width", "80", "--height", "24", "--lang", "en")
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if err != nil || errOut != "" || len(lines) > 24 || !strings.Contains(out, "East Zone  ") ||
		!strings.Contains(out, "share 44.5%") || strings.Contains(out, "\x1b") {
		t.Fatalf("%v, stderr %q, %d lines:\n%s", err, errOut, len(lines), out)
	}
	for i, l := range lines {
		if len([]rune(l)) > 80 {
			t.Errorf("line %d is wider than 80: %q", i+1, l)
		}
	}
}

// TestSnapshotMetric checks that --metric and --zone open the Indicators
// tab on that metric and zone, locally and over SSH, and that an unknown
// id is a usage error that names it.
func TestSnapshotMetric(t *testing.T) {
	for _, remote := range []bool{false, true} {
		out, errOut, err := run(t, remote, "snapshot", "--metric", "zone-rank", "--zone", "west", "--width", "100", "--height", "30", "--lang", "en")
		if err != nil || errOut != "" || !strings.Contains(out, ">National rank") || !strings.Contains(out, "West Zone") ||
			!strings.Contains(out, "No. 138 of 218") {
			t.Fatalf("remote %v: %v, stderr %q:\n%s", remote, err, errOut, out)
		}
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"--metric", "nope"}, `unknown metric "nope"`},
		{[]string{"--zone", "nowhere"}, `unknown zone "nowhere"`},
		{[]string{"--metric", "patents", "--zone", "east"}, `metric "patents" has no figures for zone "east"`},
	} {
		_, errOut, err := run(t, false, append([]string{"snapshot"}, tc.args...)...)
		if code(err) != ExitUsage || !strings.Contains(errOut+err.Error(), tc.want) {
			t.Errorf("%q: exit %d, %v, stderr %q; want usage error %q", tc.args, code(err), err, errOut, tc.want)
		}
	}
}

func TestExportFixture(t *testing.T) {
	ds, err := data.Load(fixture)
	if err != nil {
		t.Fatal(err)
	}
	out, _, err := run(t, true, "export")
	var recs []data.Record
	if err != nil || json.Unmarshal([]byte(out), &recs) != nil || len(recs) != len(ds.Records()) || len(recs) == 0 {
		t.Fatalf("export: %v, %d records, want %d", err, len(recs), len(ds.Records()))
	}
	for _, args := range [][]string{{"export", "--format", "xml"}, {"export", "--table", "nope"}, {"export", "extra"}} {
		for _, remote := range []bool{false, true} {
			out, errOut, err := run(t, remote, args...)
			if code(err) != ExitUsage || out != "" || errOut != "" {
				t.Errorf("%q (remote %v): %v, stdout %q, stderr %q", args, remote, err, out, errOut)
			}
		}
	}
}

func TestValidateFixture(t *testing.T) {
	out, _, err := run(t, false, "validate", "--data", fixture)
	if err != nil || !strings.HasPrefix(out, fixture+": ok: 4 metrics, ") {
		t.Fatalf("validate: %v, %q", err, out)
	}
	_, errOut, err := run(t, false, "validate", "--data", "../../data/testdata/bad/several_problems.yaml")
	var e *Error
	if !errors.As(err, &e) || e.Code != ExitData || !e.Shown || !strings.Contains(errOut, "problem(s) found") {
		t.Fatalf("bad file: %v, stderr %q", err, errOut)
	}
}

func TestSnapshotASCIIAndColours(t *testing.T) {
	out, _, err := run(t, false, "snapshot", "--ascii", "--width", "80", "--height", "24")
	// The one card is the highlighted one, in ASCII's heavier border.
	if err != nil || strings.ContainsAny(out, "─│╭╮╰╯━┃┏┓┗┛") || !strings.Contains(out, "#===") {
		t.Fatalf("snapshot --ascii: %v\n%s", err, out)
	}
	out, _, err = run(t, false, "snapshot", "--color", "--colors", "16", "--width", "80", "--height", "24")
	if err != nil || strings.Contains(out, "38;2;") || strings.Contains(out, "38;5;") || !strings.Contains(out, "\x1b[") {
		t.Fatalf("snapshot --color --colors 16 keeps colours beyond 16: %v", err)
	}
	if _, _, err := run(t, false, "snapshot", "--colors", "8"); code(err) != ExitUsage {
		t.Fatalf("snapshot --colors 8: %v, want a usage error", err)
	}
}

// TestExportBOM checks that --bom starts the CSV, and only the CSV, with
// a UTF-8 byte order mark, and that without it no export has one.
func TestExportBOM(t *testing.T) {
	out, _, err := run(t, true, "export", "--format", "csv", "--bom")
	plain, _, _ := run(t, true, "export", "--format", "csv")
	if err != nil || out != "\ufeff"+plain || strings.HasPrefix(plain, "\ufeff") || plain == "" {
		t.Fatalf("export --format csv --bom: %v, %.40q; without --bom %.40q", err, out, plain)
	}
	if out, _, err := run(t, true, "export", "--bom"); code(err) != ExitUsage || out != "" {
		t.Errorf("export --bom with JSON: %v, stdout %.40q; want a usage error", err, out)
	}
}
