package server

import (
	"encoding/csv"
	"encoding/json"
	"strings"
	"testing"

	"golang.org/x/crypto/ssh/agent"

	"lzdash/data"
)

func TestExportCommands(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)

	out, stderr, st := run(t, c, "export --format csv")
	if st != 0 || stderr != "" {
		t.Fatalf("export csv: status %d, stderr %q", st, stderr)
	}
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil {
		t.Fatalf("export csv output: %v", err)
	}
	if want := len(testDataset(t).Records()) + 1; len(rows) != want || strings.Join(rows[0], ",") != strings.Join(data.Header, ",") {
		t.Fatalf("export csv: %d rows with header %v, want %d with %v", len(rows), rows[0], want, data.Header)
	}

	out, _, st = run(t, c, "export --format json")
	var recs []data.Record
	if err := json.Unmarshal([]byte(out), &recs); st != 0 || err != nil || len(recs) == 0 {
		t.Fatalf("export json: status %d, %d records, %v", st, len(recs), err)
	}
}

func TestSnapshotCommand(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	out, stderr, st := run(t, c, "snapshot --tab zones --width 100 --height 30 --lang zh")
	if st != 0 || stderr != "" {
		t.Fatalf("snapshot: status %d, stderr %q", st, stderr)
	}
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) > 30 || !strings.Contains(lines[0], "园区") || strings.Contains(out, "\x1b") {
		t.Fatalf("snapshot: %d lines, want plain zh text of at most 30:\n%s", len(lines), out)
	}
	out, _, st = run(t, c, "snapshot --tab targets --width 80")
	if st != 0 || !strings.Contains(out, "Targets") {
		t.Fatalf("snapshot in the server's language (en): status %d:\n%s", st, out)
	}
}

func TestCommandsRefused(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	for _, tc := range []struct{ cmd, want string }{
		{"sh -c id", `unknown command "sh"`},
		{"ls", `unknown command "ls"`},
		{"export --format xml", `unknown format "xml"`},
		{"export --data /etc/passwd", "-data"},
		{"export extra", `unexpected argument "extra"`},
		{"snapshot --tab nope", `unknown tab "nope"`},
		{"snapshot --width 100000", "--width"},
		{"snapshot --lang fr", `unknown language "fr"`},
		{"snapshot -h", "--tab"},
		{"snapshot --height 121", "--height 1 to 120"},
		{"validate", "validate is not available over SSH: it reads files on the server; use export"},
		{"verify --sources /", "verify is not available over SSH"},
	} {
		out, stderr, st := run(t, c, tc.cmd)
		if st != 1 || out != "" || !strings.Contains(stderr, tc.want) || strings.Count(stderr, "\n") != 1 {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want status 1 and one line with %q", tc.cmd, st, out, stderr, tc.want)
		}
	}
}

func TestNoTerminalNoCommandRefused(t *testing.T) {
	ts := startServer(t, nil)
	sess, err := ts.mustDial(t).NewSession()
	if err != nil {
		t.Fatal(err)
	}
	var stderr strings.Builder
	sess.Stderr = &stderr
	if err := sess.Shell(); err != nil {
		t.Fatal(err)
	}
	if st := waitExit(t, sess); st != 1 || !strings.Contains(stderr.String(), "no terminal") {
		t.Fatalf("shell without a pty: status %d, stderr %q", st, stderr.String())
	}
}

func TestSubsystemsAndForwardingRefused(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)

	sess, err := c.NewSession()
	if err != nil {
		t.Fatal(err)
	}
	defer sess.Close()
	if err := sess.RequestSubsystem("sftp"); err == nil {
		t.Error("the sftp subsystem was accepted")
	}
	if err := agent.RequestAgentForwarding(sess); err == nil {
		t.Error("agent forwarding was accepted")
	}
	if err := sess.Setenv("NO_COLOR", "1"); err != nil {
		t.Errorf("a harmless env request was refused: %v", err)
	}

	if conn, err := c.Dial("tcp", ts.addr); err == nil {
		conn.Close()
		t.Error("local port forwarding was accepted")
	}
	if ln, err := c.Listen("tcp", "127.0.0.1:0"); err == nil {
		ln.Close()
		t.Error("remote port forwarding was accepted")
	}
	if _, _, err := c.OpenChannel("x11", nil); err == nil {
		t.Error("an x11 channel was accepted")
	}
}
