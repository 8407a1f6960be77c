package plain

import (
	"bytes"
	"io"
	"strings"
	"testing"

	"lzdash/data"
)

// drive runs a reader on the test dataset, writes each input through
// an io.Pipe, and returns everything the reader wrote once it ended.
func drive(t *testing.T, o Options, inputs ...string) string {
	t.Helper()
	ds := load(t)
	in, w := io.Pipe()
	var out bytes.Buffer
	done := make(chan error, 1)
	go func() {
		err := Read(ds, in, &out, o)
		in.Close() // the writes after quit fail
		done <- err
	}()
	for _, s := range inputs {
		if _, err := io.WriteString(w, s); err != nil {
			break // the reader has quit
		}
	}
	w.Close()
	if err := <-done; err != nil {
		t.Fatal(err)
	}
	return out.String()
}

func TestReaderCommands(t *testing.T) {
	out := drive(t, Options{Lang: "en"}, "2\n", "next\n", "prev\n", "turnover\n", "专利\n", "patent\n", "zz\n",
		"99\n", "targets\n", "lang zh\n", "next\n", "lang fr\n", "quit\n", "1\n")
	want := []string{
		"lzdash, plain reader: Test City S&T indicators.\n2 metrics in 1 categories.\nCategory 1, Innovation: 2 metrics.\n",
		"> Metric 2 of 2.\nPatent applications: 2 figures.\nPatent applications, Jan-Oct 2021: 10,700, part-year. Source: ",
		"> There is no metric that way; this is metric 2 of 2.\n> Metric 1 of 2.\nTechnology contract turnover: 6 figures.\n",
		"Technology contract turnover, 2018: CNY 6.28 bn, actual; up 11.8% on 2017. Source: 测试日报, S&T work conference held, 2020-03-01.\n",
		"> Metric 1 of 2.\nTechnology contract turnover: 6 figures.\n",
		"> Metric 2 of 2.\nPatent applications: 2 figures.\n",
		"> Metric 2 of 2.\nPatent applications: 2 figures.\n",
		"> No metric or command matches \"zz\"; type help for the commands.\n",
		"> There is no metric 99: the numbers are 1 to 2.\n",
		"> 2 targets: 1 met, 0 missed, 1 unknown.\nTechnology contract turnover, target for 2019:",
		"> 语言：中文。\n> 没有更多指标：当前为第2个，共2个。\n> 请输入 lang en 或 lang zh。\n> 再见。\n",
	}
	rest := out
	for _, w := range want {
		i := strings.Index(rest, w)
		if i < 0 {
			t.Fatalf("no %q (in order) in\n%s", w, out)
		}
		rest = rest[i+len(w):]
	}
	if rest != "" {
		t.Errorf("after quit: %q", rest)
	}
}

func TestReaderLines(t *testing.T) {
	out := drive(t, Options{Lang: "en"}, strings.Repeat("x", MaxLine+1)+"\n", "help\n")
	if !strings.Contains(out, "> That line is too long: at most 200 characters.\n> Commands:\n") || !strings.HasSuffix(out, "> \n") {
		t.Errorf("a long line, then EOF:\n%s", out)
	}
}

// TestReaderTerminal drives the reader as an SSH pty does: raw bytes,
// with no line discipline.
func TestReaderTerminal(t *testing.T) {
	out := drive(t, Options{Lang: "en", Terminal: true},
		"\x1b[A\x1b]0;title\x07pa\x01t\x7ftent\x1b[31m\u202e\r", "\r\n", "zz\x9b\xff\r", "lang zh\r", "专\x7f利\r", "\x04")
	for _, w := range []string{
		"\r\n> pat\b \btent\r\nMetric 2 of 2.\r\nPatent applications: 2 figures.\r\n",
		"> zz\r\nNo metric or command matches \"zz\"; type help for the commands.\r\n",
		"> lang zh\r\n语言：中文。\r\n> 专\b \b\b \b利\r\n第2个指标，共2个。\r\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("no %q in\n%q", w, out)
		}
	}
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") || strings.ContainsAny(out, "\x1b\x01\u202e") {
		t.Errorf("a bare LF or a control character in\n%q", out)
	}
	if strings.Count(out, "> ") != 6 {
		t.Errorf("want 6 prompts (CR LF is one Enter) in\n%q", out)
	}
}

// TestReaderReloads checks that a reload reaches the next command: a
// line says so, in the reader's language, before the command answers
// from the new dataset, the metric read last staying current; a failed
// reload says so, with its reason when it has one, and keeps the data.
func TestReaderReloads(t *testing.T) {
	renamed, err := data.Parse("test.yaml", []byte(strings.Replace(testData, "{zh: 专利申请量, en: Patent applications}", "{zh: 专利受理量, en: Patent filings}", 1)))
	if err != nil {
		t.Fatal(err)
	}
	_, bad := data.Parse("test.yaml", []byte(testData+"\nbogus: 1\n"))
	if bad == nil {
		t.Fatal("the bad dataset parses")
	}
	for _, tc := range []struct {
		lang string
		want []string
	}{
		{"en", []string{
			"> Metric 2 of 2.\nPatent applications: 2 figures.\n",
			"> Dataset reloaded.\nMetric 1 of 2.\nTechnology contract turnover: 6 figures.\n",
			"> The dataset could not be reloaded (test.yaml:83:1: bogus: unknown field", "); these are still the last good figures.\nMetric 2 of 2.\nPatent filings: 2 figures.\n",
			"> The dataset could not be reloaded; these are still the last good figures.\nGoodbye.\n",
		}},
		{"zh", []string{
			"> 第2个指标，共2个。\n专利申请量：共2项数据。\n",
			"> 数据已重新加载。\n第1个指标，共2个。\n技术合同交易额：共6项数据。\n",
			"> 数据重新加载失败（test.yaml:83:1: bogus: unknown field", "），以下仍为上次的有效数据。\n第2个指标，共2个。\n专利受理量：共2项数据。\n",
			"> 数据重新加载失败，以下仍为上次的有效数据。\n再见。\n",
		}},
	} {
		// The reloads come between the commands: none before the first,
		// a new dataset before the second, failures before the third
		// and the fourth, the last without its reason, as a server
		// tells it.
		reloads := []*Reload{nil, {Dataset: renamed}, {Err: bad}, {}}
		calls := 0
		o := Options{Lang: tc.lang, Reloads: func() (Reload, bool) {
			defer func() { calls++ }()
			if calls < len(reloads) && reloads[calls] != nil {
				return *reloads[calls], true
			}
			return Reload{}, false
		}}
		out := drive(t, o, "2\n", "prev\n", "next\n", "quit\n")
		rest := out
		for _, w := range tc.want {
			i := strings.Index(rest, w)
			if i < 0 {
				t.Fatalf("%s: no %q (in order) in\n%s", tc.lang, w, out)
			}
			rest = rest[i+len(w):]
		}
		if calls != 4 {
			t.Errorf("%s: the reader asked for reloads %d times for 4 commands", tc.lang, calls)
		}
	}
}

// TestMailboxKeepsTheLatest checks that a mailbox holds one reload, the
// latest put, until it is taken.
func TestMailboxKeepsTheLatest(t *testing.T) {
	var mb Mailbox
	if _, ok := mb.Take(); ok {
		t.Fatal("an empty mailbox gives a reload")
	}
	ds := load(t)
	mb.Put(Reload{Err: io.ErrUnexpectedEOF})
	mb.Put(Reload{Dataset: ds})
	if r, ok := mb.Take(); !ok || r.Dataset != ds || r.Err != nil {
		t.Fatalf("Take gives %+v, %v; want the latest reload", r, ok)
	}
	if _, ok := mb.Take(); ok {
		t.Fatal("a reload is taken twice")
	}
}
