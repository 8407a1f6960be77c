package cli

import (
	"io"
	"strings"

	"lzdash/data"
	"lzdash/internal/plain"
	"lzdash/ui"
)

// Snapshot formats: the rendered screen, or its figures as sentences.
const (
	formatScreen = "screen"
	formatText   = "text"
)

// writeText writes a snapshot as sentences, for a screen reader: the
// overview every figure grouped by metric, then the targets, the
// disagreements and the sources; the indicators tab every metric's
// figures, or one metric's with --metric; the zones tab the figures of
// the --zone (of every zone without it); the targets and sources tabs
// their lists. o has been checked against ds.
func writeText(w io.Writer, ds *data.Dataset, o ui.SnapshotOptions) error {
	s := plain.New(ds, string(o.Lang))
	var lines []string
	switch ui.TabNames[o.Tab] {
	case "targets":
		lines = s.Targets()
	case "sources":
		lines = s.Sources()
	case "overview":
		if o.Metric == "" && o.Zone == "" {
			return s.Write(w)
		}
		fallthrough
	default:
		for i := range ds.Metrics {
			m := &ds.Metrics[i]
			if o.Metric != "" && m.ID != o.Metric {
				continue
			}
			var group []string
			for j := range m.Figures {
				f := &m.Figures[j]
				if o.Zone == "" && ui.TabNames[o.Tab] == "zones" && f.Zone == "" || o.Zone != "" && f.Zone != o.Zone {
					continue
				}
				group = append(group, s.Figure(m, f))
			}
			if len(group) > 0 {
				lines = append(append(append(lines, s.Heading(m, len(group))), group...), "")
			}
		}
	}
	_, err := io.WriteString(w, strings.TrimRight(strings.Join(lines, "\n"), "\n")+"\n")
	return err
}
