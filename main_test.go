package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"lzdash/data"
)

// runCLI runs lzdash with args and returns its exit code and output.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errOut bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errOut)
	return code, out.String(), errOut.String()
}

// embeddedStats parses the embedded dataset and counts what it holds.
func embeddedStats(t *testing.T) data.Stats {
	t.Helper()
	ds, err := data.Parse(embeddedName, embedded)
	if err != nil {
		t.Fatalf("the embedded dataset does not validate:\n%v", err)
	}
	return ds.Stats()
}

func TestEmbeddedDatasetValidates(t *testing.T) {
	st := embeddedStats(t)
	if st.Metrics == 0 || st.Figures == 0 || st.Sources == 0 {
		t.Errorf("the embedded dataset is nearly empty: %+v", st)
	}
}

// noCrash fails if output looks like a panic or a stack trace.
func noCrash(t *testing.T, output string) {
	t.Helper()
	for _, s := range []string{"panic", "goroutine ", ".go:"} {
		if strings.Contains(output, s) {
			t.Errorf("output contains %q:\n%s", s, output)
		}
	}
}

func TestValidateEmbedded(t *testing.T) {
	st := embeddedStats(t)
	code, stdout, stderr := runCLI("validate")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q; want 0 and nothing", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	if len(lines) != 1 || lines[0] == "" {
		t.Fatalf("stdout = %q; want one summary line", stdout)
	}
	for _, want := range []string{embeddedName, fmt.Sprint(st.Metrics), fmt.Sprint(st.Figures)} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("summary %q does not mention %s", lines[0], want)
		}
	}
}

func TestValidateGoodFile(t *testing.T) {
	code, stdout, stderr := runCLI("validate", "--data", "data/testdata/good.yaml")
	if code != 0 || stderr != "" || !strings.Contains(stdout, "data/testdata/good.yaml") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func TestValidateBadFile(t *testing.T) {
	const path = "data/testdata/bad/several_problems.yaml"
	code, stdout, stderr := runCLI("validate", "--data", path)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	if stdout != "" {
		t.Errorf("stdout = %q, want nothing", stdout)
	}
	noCrash(t, stderr)
	lineRE := regexp.MustCompile(`^` + regexp.QuoteMeta(path) + `:\d+:\d+: `)
	n := 0
	for _, l := range strings.Split(stderr, "\n") {
		if lineRE.MatchString(l) {
			n++
		}
	}
	if n < 2 {
		t.Errorf("stderr has %d FILE:LINE:COL lines, want every problem:\n%s", n, stderr)
	}
	if !strings.Contains(stderr, path+":16:16: metrics[0].figures[0].year: year 1900 is outside 1949..2100") {
		t.Errorf("stderr does not report the year 1900 at 16:16:\n%s", stderr)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{"validate", "--nope"},
		{"validate", "extra"},
		{"validate", "--data"},
		{"export", "--format", "xml"},
		{"export", "--nope"},
		{"export", "extra"},
		{"frobnicate"},
		{"--nope"},
	}
	for _, args := range tests {
		code, stdout, stderr := runCLI(args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if stdout != "" || stderr == "" {
			t.Errorf("%q: stdout %q, stderr %q; want the complaint on stderr only", args, stdout, stderr)
		}
		noCrash(t, stderr)
	}
	_, _, stderr := runCLI("export", "--format", "xml")
	if !strings.Contains(stderr, `"xml"`) {
		t.Errorf("the complaint about --format xml does not name it: %q", stderr)
	}
	_, _, stderr = runCLI("frobnicate")
	if !strings.Contains(stderr, `"frobnicate"`) {
		t.Errorf("the complaint about an unknown command does not name it: %q", stderr)
	}
}

func TestDataFileErrors(t *testing.T) {
	missing := t.TempDir() + "/missing.yaml"
	tests := []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--data", missing}, "no such file"},
		{[]string{"export", "--data", missing}, "no such file"},
		{[]string{"validate", "--data", t.TempDir()}, "not a regular file (a directory)"},
		{[]string{"validate", "--data", "data/testdata/bad/empty.yaml"}, "data/testdata/bad/empty.yaml:1:1: file is empty"},
	}
	for _, tt := range tests {
		code, stdout, stderr := runCLI(tt.args...)
		if code != 1 {
			t.Errorf("%q: exit %d, want 1", tt.args, code)
		}
		if stdout != "" {
			t.Errorf("%q: stdout %q, want nothing", tt.args, stdout)
		}
		if !strings.Contains(stderr, tt.want) {
			t.Errorf("%q: stderr %q does not say %q", tt.args, stderr, tt.want)
		}
		if strings.Count(strings.TrimSpace(stderr), "\n") > 1 {
			t.Errorf("%q: stderr runs to several lines: %q", tt.args, stderr)
		}
		noCrash(t, stderr)
	}
}

func TestExportJSON(t *testing.T) {
	st := embeddedStats(t)
	code, stdout, stderr := runCLI("export", "--format", "json")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	var recs []map[string]any
	if err := json.Unmarshal([]byte(stdout), &recs); err != nil {
		t.Fatalf("output is not a JSON array of objects: %v", err)
	}
	if len(recs) == 0 || len(recs) != st.Figures {
		t.Errorf("%d records for %d figures", len(recs), st.Figures)
	}
	for i, r := range recs {
		if len(r) != len(data.Header) {
			t.Fatalf("record %d has %d keys, want %d", i, len(r), len(data.Header))
		}
	}

	// JSON is the default format.
	if _, def, _ := runCLI("export"); def != stdout {
		t.Error("export without --format differs from --format json")
	}
}

func TestExportCSV(t *testing.T) {
	st := embeddedStats(t)
	code, stdout, stderr := runCLI("export", "--format", "csv")
	if code != 0 || stderr != "" {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(stdout)).ReadAll()
	if err != nil {
		t.Fatalf("output is not CSV: %v", err)
	}
	if len(rows) != st.Figures+1 || strings.Join(rows[0], ",") != strings.Join(data.Header, ",") {
		t.Errorf("%d rows with header %q; want %d rows with header %q", len(rows), rows[0], st.Figures+1, data.Header)
	}
}

func TestVersionAndHelp(t *testing.T) {
	for _, arg := range []string{"--version", "version"} {
		code, stdout, stderr := runCLI(arg)
		if code != 0 || !strings.HasPrefix(stdout, "lzdash "+version) || stderr != "" {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", arg, code, stdout, stderr)
		}
	}
	code, stdout, _ := runCLI("help")
	if code != 0 || !strings.Contains(stdout, "lzdash validate") || !strings.Contains(stdout, "lzdash export") {
		t.Errorf("help: exit %d, stdout %q", code, stdout)
	}
}

// TestDashboardNeedsTerminal runs the dashboard with files that are not
// terminals: it must say what to use instead, not start.
func TestDashboardNeedsTerminal(t *testing.T) {
	in, err := os.Open(os.DevNull)
	if err != nil {
		t.Fatal(err)
	}
	defer in.Close()
	out, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	var errOut bytes.Buffer
	if code := run(nil, in, out, &errOut); code != exitUsage {
		t.Fatalf("exit %d, want %d; stderr:\n%s", code, exitUsage, errOut.String())
	}
	if !strings.Contains(errOut.String(), "needs a terminal") || !strings.Contains(errOut.String(), "snapshot") {
		t.Fatalf("stderr %q does not say what to use instead", errOut.String())
	}
	noCrash(t, errOut.String())
}

func TestServeCreatesNoHostKeyWhenItCannotListen(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	key := filepath.Join(t.TempDir(), "lzdash", "host_ed25519")
	code, _, stderr := runCLI("serve", "--listen", busy.Addr().String(), "--host-key", key)
	if code != exitData || !strings.Contains(stderr, "address already in use") {
		t.Fatalf("exit %d, stderr %q; want 1 and the listen error", code, stderr)
	}
	if _, err := os.Stat(key); err == nil {
		t.Fatal("a host key was created although the server never started")
	}
}

// failingWriter fails every write, as stdout does on a full disk.
type failingWriter struct{}

func (failingWriter) Write([]byte) (int, error) {
	return 0, errors.New("write /dev/stdout: no space left on device")
}

// TestOutputFails checks that a command whose output cannot be written
// says so in one line and exits non-zero.
func TestOutputFails(t *testing.T) {
	for _, args := range [][]string{
		{"validate"}, {"snapshot"}, {"snapshot", "--tab", "zones", "--lang", "en"},
		{"export"}, {"export", "--format", "csv"},
	} {
		var errOut bytes.Buffer
		code := run(args, strings.NewReader(""), failingWriter{}, &errOut)
		if code != exitData {
			t.Errorf("%q: exit %d, want %d", args, code, exitData)
		}
		want := "lzdash " + args[0] + ": writing output: "
		if msg := errOut.String(); !strings.HasPrefix(msg, want) || !strings.Contains(msg, "no space left on device") ||
			strings.Count(msg, "\n") != 1 || !strings.HasSuffix(msg, "\n") {
			t.Errorf("%q: stderr %q; want one line starting %q", args, msg, want)
		}
	}
}
