package plain

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"lzdash/data"
)

// Options set up a reader.
type Options struct {
	// Lang is the language it starts in: "en" or "zh".
	Lang Lang
	// Terminal is set for a pty without a line discipline, as an SSH
	// session's is: the reader echoes and edits the line itself, and
	// ends its lines with CR LF.
	Terminal bool
	// Reloads, when set, hands the reader the dataset's latest reload,
	// if one came since it last asked: it asks before each command, so
	// that the command answers from the new dataset, after a line that
	// says so.
	Reloads func() (Reload, bool)
}

// reader is one session of the line-oriented reader.
type reader struct {
	ds      *data.Dataset
	s       *Sentences
	out     io.Writer
	current int // the metric read last, -1 before any
	err     error
}

// Read runs the line-oriented reader for a screen reader or a braille
// display: it prints a numbered menu of the metrics and answers each
// command line read from in with sentences on out, until quit or the
// end of input. Commands: a metric's number or part of its name (in
// either language), next, prev, list, targets, sources, conflicts,
// lang en|zh, help and quit. With o.Reloads set, a reload of the
// dataset reaches the next command (see Options). It returns the first
// error writing out.
func Read(ds *data.Dataset, in io.Reader, out io.Writer, o Options) error {
	lang := "zh"
	if o.Lang == "en" {
		lang = "en"
	}
	var echo io.Writer
	if o.Terminal {
		out = crlf{out}
		echo = out
	}
	r := &reader{ds: ds, s: New(ds, lang), out: out, current: -1}
	lines := newLineReader(in, echo)
	r.say(r.s.end(r.s.pick("lzdash, plain reader: ", "lzdash 纯文本阅读模式：") + clean(ds.Title.In(lang))))
	r.menu()
	r.say(r.s.pick(`Type a number or a name to read a metric, or "help".`, `输入编号或名称阅读指标，输入 help 查看命令。`))
	for r.err == nil {
		r.prompt()
		line, cut, err := lines.next()
		if err != nil {
			r.say("")
			break
		}
		if cut {
			r.say(r.s.end(fmt.Sprintf(r.s.pick("That line is too long: at most %d characters", "输入过长：最多%d个字符"), MaxLine)))
			continue
		}
		if o.Reloads != nil {
			if rl, ok := o.Reloads(); ok {
				r.reload(rl)
			}
		}
		if !r.do(strings.TrimSpace(line)) {
			break
		}
	}
	return r.err
}

// do runs one command line; false ends the session.
func (r *reader) do(cmd string) bool {
	word, arg, _ := strings.Cut(cmd, " ")
	arg = strings.TrimSpace(arg)
	switch strings.ToLower(word) {
	case "":
	case "quit", "exit", "q", "退出":
		r.say(r.s.pick("Goodbye.", "再见。"))
		return false
	case "help", "h", "?", "帮助":
		r.help()
	case "list", "menu", "metrics", "目录":
		r.list(arg)
	case "next", "n", "下一个":
		r.move(1)
	case "prev", "p", "previous", "上一个":
		r.move(-1)
	case "targets", "目标":
		r.say(r.s.Targets()...)
	case "sources", "来源":
		r.say(r.s.Sources()...)
	case "conflicts", "不一致":
		r.say(r.s.Conflicts()...)
	case "lang", "language", "语言":
		r.setLang(arg)
	default:
		r.find(cmd)
	}
	return true
}

// menu lists the categories, numbered, with how many metrics each has.
func (r *reader) menu() {
	r.say(r.s.end(fmt.Sprintf(r.s.pick("%d metrics in %d categories", "共%d个指标，分为%d类"), len(r.ds.Metrics), len(r.ds.Categories))))
	for i := range r.ds.Categories {
		c := &r.ds.Categories[i]
		n := len(r.inCategory(c.ID))
		r.say(r.s.end(fmt.Sprintf(r.s.pick("Category %d, %s: %d metrics", "第%d类，%s：%d个指标"), i+1, clean(c.Name.In(r.s.lang())), n)))
	}
	r.say(r.s.pick(`Type "list" and a category's number for its metrics, or "list all".`, `输入 list 和类别编号列出该类指标，或输入 list all 列出全部指标。`))
}

// inCategory lists the indexes of a category's metrics.
func (r *reader) inCategory(id string) []int {
	var out []int
	for i := range r.ds.Metrics {
		if r.ds.Metrics[i].Category == id {
			out = append(out, i)
		}
	}
	return out
}

// list lists the metrics, numbered: all of them, or those of the
// category numbered arg; with no arg, the categories.
func (r *reader) list(arg string) {
	if arg == "" {
		r.menu()
		return
	}
	if strings.EqualFold(arg, "all") || arg == "全部" {
		for i := range r.ds.Metrics {
			r.say(r.item(i))
		}
		return
	}
	n, err := strconv.Atoi(arg)
	if err != nil || n < 1 || n > len(r.ds.Categories) {
		r.say(r.s.end(fmt.Sprintf(r.s.pick(`Use "list all", or "list" and a category number from 1 to %d`, `请输入 list all，或 list 加1到%d的类别编号`), len(r.ds.Categories))))
		return
	}
	c := &r.ds.Categories[n-1]
	r.say(r.s.end(clean(c.Name.In(r.s.lang()))))
	for _, i := range r.inCategory(c.ID) {
		r.say(r.item(i))
	}
}

// item names metric i with its number.
func (r *reader) item(i int) string {
	m := &r.ds.Metrics[i]
	return fmt.Sprintf("%d. %s", i+1, r.s.Heading(m, len(m.Figures)))
}

func (r *reader) help() {
	r.say(r.s.pick("Commands:", "命令："),
		r.s.pick("a number, or part of a metric's name in Chinese or English: read that metric.", "编号，或指标中文、英文名称的一部分：阅读该指标。"),
		r.s.pick("next, prev: read the next or the previous metric.", "next、prev：阅读下一个或上一个指标。"),
		r.s.pick("list: the categories; list and a category's number: its metrics; list all: every metric.", "list：类别；list 加类别编号：该类指标；list all：全部指标。"),
		r.s.pick("targets, sources, conflicts: every target, source, or disagreement between sources.", "targets、sources、conflicts：全部目标、来源或来源不一致之处。"),
		r.s.pick("lang en, lang zh: read in English or in Chinese.", "lang en、lang zh：切换为英文或中文。"),
		r.s.pick("help: these commands. quit: leave.", "help：本说明。quit：退出。"))
}

// move reads the metric delta places from the current one.
func (r *reader) move(delta int) {
	i := r.current + delta
	if r.current < 0 {
		i = 0
	}
	if i < 0 || i >= len(r.ds.Metrics) {
		r.say(r.s.pick("There is no metric that way; this is metric "+strconv.Itoa(r.current+1)+" of "+strconv.Itoa(len(r.ds.Metrics))+".",
			fmt.Sprintf("没有更多指标：当前为第%d个，共%d个。", r.current+1, len(r.ds.Metrics))))
		return
	}
	r.read(i)
}

// read reads metric i and makes it the current one.
func (r *reader) read(i int) {
	r.current = i
	r.say(fmt.Sprintf(r.s.pick("Metric %d of %d.", "第%d个指标，共%d个。"), i+1, len(r.ds.Metrics)))
	r.say(r.s.Metric(&r.ds.Metrics[i])...)
}

// find reads the metric with the number or name cmd, or lists those
// whose names hold it.
func (r *reader) find(cmd string) {
	if n, err := strconv.Atoi(cmd); err == nil {
		if n < 1 || n > len(r.ds.Metrics) {
			r.say(r.s.end(fmt.Sprintf(r.s.pick("There is no metric %d: the numbers are 1 to %d", "没有第%d个指标：编号为1到%d"), n, len(r.ds.Metrics))))
			return
		}
		r.read(n - 1)
		return
	}
	q := strings.ToLower(cmd)
	var found []int
	for i := range r.ds.Metrics {
		m := &r.ds.Metrics[i]
		if strings.EqualFold(m.ID, cmd) || strings.EqualFold(m.Name.Zh, cmd) || strings.EqualFold(m.Name.En, cmd) {
			found = []int{i}
			break
		}
		if strings.Contains(strings.ToLower(m.Name.Zh), q) || strings.Contains(strings.ToLower(m.Name.En), q) {
			found = append(found, i)
		}
	}
	switch len(found) {
	case 0:
		r.say(r.s.end(fmt.Sprintf(r.s.pick(`No metric or command matches "%s"; type help for the commands`, `没有与“%s”匹配的指标或命令；输入 help 查看命令`), cmd)))
	case 1:
		r.read(found[0])
	default:
		r.say(r.s.end(fmt.Sprintf(r.s.pick("%d metrics match; type a number", "%d个指标匹配；请输入编号"), len(found))))
		for _, i := range found {
			r.say(r.item(i))
		}
	}
}

func (r *reader) setLang(arg string) {
	switch strings.ToLower(arg) {
	case "en":
		r.s = New(r.ds, "en")
		r.say("Language: English.")
	case "zh", "cn":
		r.s = New(r.ds, "zh")
		r.say("语言：中文。")
	default:
		r.say(r.s.pick("Use lang en or lang zh.", "请输入 lang en 或 lang zh。"))
	}
}

func (r *reader) prompt() {
	if r.err == nil {
		_, r.err = io.WriteString(r.out, "> ")
	}
}

// say writes lines, each sanitized, until a write fails.
func (r *reader) say(lines ...string) {
	for _, l := range lines {
		if r.err != nil {
			return
		}
		_, r.err = io.WriteString(r.out, clean(l)+"\n")
	}
}

// crlf ends every line with CR LF, for a terminal without a line
// discipline.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	s := strings.ReplaceAll(strings.ReplaceAll(string(p), "\r\n", "\n"), "\n", "\r\n")
	if _, err := io.WriteString(c.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
