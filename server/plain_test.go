package server

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	gossh "golang.org/x/crypto/ssh"

	"lzdash/data"
)

// ptyCommand runs command in a session with a pty, as ssh -t host --
// command does, after sending the environment variables env (name,
// value, ...), typing input, and returns its output and exit status.
func ptyCommand(t *testing.T, c *gossh.Client, command, input string, env ...string) (stdout, stderr string, status int) {
	t.Helper()
	sess, err := c.NewSession()
	if err != nil {
		t.Fatalf("new session: %v", err)
	}
	defer sess.Close()
	in, err := sess.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	var o, e bytes.Buffer
	sess.Stdout, sess.Stderr = &o, &e
	for i := 0; i+1 < len(env); i += 2 {
		if err := sess.Setenv(env[i], env[i+1]); err != nil {
			t.Fatalf("setenv %s: %v", env[i], err)
		}
	}
	if err := sess.RequestPty("xterm-256color", 24, 80, gossh.TerminalModes{}); err != nil {
		t.Fatalf("pty: %v", err)
	}
	if err := sess.Start(command); err != nil {
		t.Fatalf("start %q: %v", command, err)
	}
	if _, err := in.Write([]byte(input)); err != nil {
		t.Fatal(err)
	}
	status = waitExit(t, sess)
	return o.String(), e.String(), status
}

func TestPlainOverSSH(t *testing.T) {
	ts := startServer(t, nil)
	c := ts.mustDial(t)
	out, stderr, st := ptyCommand(t, c, "--plain --lang zh", "专利申请量\x1b[31m\r\nlang en\rtargets\r\x1b]52;c;eA==\x07quit\r")
	for _, w := range []string{
		"lzdash 纯文本阅读模式：",
		"\r\n> 专利申请量\r\n",
		"专利申请量，2018年：10708 件，实际；比2017年增长37.4%。来源：兰州晚报",
		"> lang en\r\nLanguage: English.\r\n> targets\r\n",
		"S&T progress contribution rate, target for 2019: at least 58.2%; status: unknown, no 2019 figure.",
		"> quit\r\nGoodbye.\r\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%q", w, out)
		}
	}
	if st != 0 || stderr != "" || strings.ContainsAny(out, "\x1b\x07") || strings.Contains(out, "\r\r") || strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Errorf("status %d, stderr %q, output %q", st, stderr, out)
	}
	for _, tc := range []struct{ command, want string }{
		{"--bogus", "lzdash: flag provided but not defined: -bogus: the options are --plain and --lang zh|en\r\n"},
		{"--plain --lang fr", "lzdash: unknown language \"fr\": use zh or en\r\n"},
		{"--plain extra", "lzdash: unexpected argument \"extra\": the options are --plain and --lang zh|en\r\n"},
	} {
		out, stderr, st := ptyCommand(t, c, tc.command, "")
		if st != 1 || stderr != tc.want || out != "" {
			t.Errorf("%s: status %d, stdout %q, stderr %q; want %q", tc.command, st, out, stderr, tc.want)
		}
	}
}

// TestPlainReloadOverSSH checks that a plain reader over SSH takes the
// server's reloads as the dashboards do: its next command says so, in
// its language, and answers from the new dataset; a failed reload is
// said without its details, and a reader who connects after it is told
// at the first command.
func TestPlainReloadOverSSH(t *testing.T) {
	ts := startServer(t, nil)
	en := openCommand(t, ts.mustDial(t), 80, 24, "--plain --lang en")
	zh := openCommand(t, ts.mustDial(t), 80, 24, "--plain --lang zh")
	for _, tm := range []*term{en, zh} {
		tm.waitFor(0, "> ")
		m := tm.mark()
		tm.press("innovation-index\r")
		tm.waitFor(m, "innovation-index")
	}
	en.waitFor(0, "Composite S&T innovation index:")
	zh.waitFor(0, "综合科技创新水平指数：")

	src, err := os.ReadFile(filepath.Join("..", "indicators.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	renamed, err := data.Parse("indicators.yaml", []byte(strings.Replace(string(src),
		"{zh: 综合科技创新水平指数, en: Composite S&T innovation index}", "{zh: 综合创新指数, en: Composite innovation index}", 1)))
	if err != nil {
		t.Fatal(err)
	}
	ts.Reload(renamed, 0)
	for _, tc := range []struct {
		tm         *term
		notice, at string
	}{
		{en, "Dataset reloaded.\r\nMetric ", "Composite innovation index:"},
		{zh, "数据已重新加载。\r\n第", "综合创新指数："},
	} {
		m := tc.tm.mark()
		tc.tm.press("innovation-index\r")
		tc.tm.waitFor(m, tc.notice)
		tc.tm.waitFor(m, tc.at)
	}

	ts.ReloadFailed(errors.New("indicators.yaml:9:9: secret detail"))
	late := openCommand(t, ts.mustDial(t), 80, 24, "--plain --lang en")
	late.waitFor(0, "> ")
	for _, tm := range []*term{en, late} {
		m := tm.mark()
		tm.press("innovation-index\r")
		tm.waitFor(m, "The dataset could not be reloaded; these are still the last good figures.\r\nMetric ")
		// The last good data stays.
		tm.waitFor(m, "Composite innovation index:")
		m = tm.mark()
		tm.press("quit\r")
		tm.waitFor(m, "Goodbye.")
		if st := tm.wait(); st != 0 {
			t.Errorf("exit status %d", st)
		}
		if out := tm.since(0); strings.Contains(out, "secret") {
			t.Errorf("a visitor is told the reload's details:\n%s", out)
		}
	}
}
