package plain

import (
	"fmt"
	"io"
	"strings"

	"lzdash/data"
)

// Metric lists a metric's heading and then each of its figures as a
// sentence, in the order of the dataset file.
func (s *Sentences) Metric(m *data.Metric) []string {
	out := []string{s.Heading(m, len(m.Figures))}
	for i := range m.Figures {
		out = append(out, s.Figure(m, &m.Figures[i]))
	}
	return out
}

// Targets lists every target with its verdict, problems first, after
// a sentence that counts them.
func (s *Sentences) Targets() []string {
	vs := s.ds.Verdicts()
	var met, missed int
	for _, v := range vs {
		switch v.Status {
		case data.Met:
			met++
		case data.Missed:
			missed++
		}
	}
	out := []string{s.end(fmt.Sprintf(s.pick("%d targets: %d met, %d missed, %d unknown", "共%d项目标：%d项达成，%d项未达成，%d项未知"),
		len(vs), met, missed, len(vs)-met-missed))}
	for _, v := range vs {
		out = append(out, s.Target(v))
	}
	return out
}

// Sources lists every source with the number of figures taken from it.
func (s *Sentences) Sources() []string {
	out := []string{s.end(fmt.Sprintf(s.pick("%d sources", "共%d个来源"), len(s.ds.Sources)))}
	for i := range s.ds.Sources {
		src := &s.ds.Sources[i]
		line := strings.TrimSuffix(strings.TrimSuffix(s.Source(src.ID), "."), "。")
		line += fmt.Sprintf(s.pick("; %d figures", "；%d项数据"), len(s.ds.FiguresFrom(src.ID)))
		if u := clean(src.URL); u != "" {
			line += s.pick("; address: ", "；网址：") + u
		}
		out = append(out, s.end(line))
	}
	return out
}

// Conflicts lists every disagreement between figures: a sentence that
// says what it is, and then each figure in it.
func (s *Sentences) Conflicts() []string {
	cs := s.ds.Conflicts()
	out := []string{s.end(fmt.Sprintf(s.pick("%d disagreements between sources, all kept", "共%d处来源不一致，均已保留"), len(cs)))}
	for i, c := range cs {
		lead := fmt.Sprintf(s.pick("Disagreement %d", "不一致之处%d"), i+1)
		if n := clean(c.Note.In(s.lang())); n != "" {
			lead += s.pick(": ", "：") + strings.TrimRight(n, ".。")
		}
		out = append(out, s.end(lead))
		for _, r := range c.Figures {
			out = append(out, s.Figure(r.Metric, r.Figure))
		}
	}
	return out
}

// Write writes every figure of the dataset as sentences, grouped by
// metric, then the targets, the disagreements and the sources; a blank
// line ends each group.
func (s *Sentences) Write(w io.Writer) error {
	var groups [][]string
	for i := range s.ds.Metrics {
		groups = append(groups, s.Metric(&s.ds.Metrics[i]))
	}
	groups = append(groups, s.Targets(), s.Conflicts(), s.Sources())
	for _, g := range groups {
		if _, err := io.WriteString(w, strings.Join(g, "\n")+"\n\n"); err != nil {
			return err
		}
	}
	return nil
}
