package data

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"lzdash/internal/synth"
)

// medium is a synthetic dataset big enough to be read in chunks.
func medium() []byte {
	o := synth.Large
	o.Metrics, o.Zones = 300, 8
	return synth.Generate(o)
}

// TestChunkedMatchesWhole checks that reading the metrics list in
// parallel chunks gives exactly the dataset a whole parse gives.
func TestChunkedMatchesWhole(t *testing.T) {
	src := medium()
	if _, _, chunks, ok := splitMetrics(src, 4); !ok || len(chunks) < 2 {
		t.Fatalf("the synthetic file was not split (ok=%v, %d chunks)", ok, len(chunks))
	}
	a, err := parse("m.yaml", src, true)
	if err != nil {
		t.Fatal(err)
	}
	b, err := parse("m.yaml", src, false)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(a.Records(), b.Records()) || a.Stats() != b.Stats() {
		t.Fatal("chunked and whole parses differ")
	}
}

// TestChunkedResolvesReferences checks that a derived figure late in a
// chunked file finds its input early in it.
func TestChunkedResolvesReferences(t *testing.T) {
	lines := strings.Split(string(medium()), "\n")
	early, late := -1, -1
	for i, l := range lines {
		if strings.Contains(l, "kind: actual") && strings.Contains(l, "{year:") {
			if early < 0 {
				early = i
			}
			late = i
		}
	}
	lines[early] = strings.Replace(lines[early], "{year: ", "{id: x1, year: ", 1)
	lines[late] = strings.Replace(lines[late], "kind: actual", "kind: derived, formula: f, inputs: [x1]", 1)
	ds, err := parse("m.yaml", []byte(strings.Join(lines, "\n")), true)
	if err != nil {
		t.Fatal(err)
	}
	var derived *Figure
	for i := range ds.Metrics {
		for j := range ds.Metrics[i].Figures {
			if f := &ds.Metrics[i].Figures[j]; f.Kind == Derived {
				derived = f
			}
		}
	}
	if derived == nil {
		t.Fatal("no derived figure")
	}
	if in := ds.Inputs(derived); len(in) != 1 || in[0].Figure.ID != "x1" {
		t.Errorf("inputs of the derived figure = %+v, want x1", in)
	}
}

// TestChunkedProblemsMatchWhole checks that problems found in a chunked
// parse carry the same positions as in a whole parse, for validation
// problems deep in the list and for syntax errors.
func TestChunkedProblemsMatchWhole(t *testing.T) {
	src := medium()
	lines := strings.Split(string(src), "\n")
	// Break a figure near the end and one near the start.
	late, early := -1, -1
	for i, l := range lines {
		if strings.Contains(l, "kind: actual") && strings.Contains(l, "{year:") {
			if early < 0 {
				early = i
			}
			late = i
		}
	}
	edits := map[string]func([]string){
		"validation": func(ls []string) {
			ls[late] = strings.Replace(ls[late], "kind: actual", "kind: actul", 1)
			ls[early] = strings.Replace(ls[early], "{year: ", "{year: 1800, was: ", 1)
		},
		"syntax": func(ls []string) {
			ls[late] = strings.Replace(ls[late], "}", "", 1)
		},
		"tab": func(ls []string) {
			ls[late] = "\t" + ls[late]
		},
		"references across chunks": func(ls []string) {
			ls[early] = strings.Replace(ls[early], "{year: ", "{id: x1, year: ", 1)
			ls[late] = strings.Replace(ls[late], "kind: actual", "kind: derived, formula: f, inputs: [x1, nope]", 1)
		},
		"top-level key after metrics": func(ls []string) {
			ls[len(ls)-1] = "extra: 1"
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			ls := append([]string(nil), lines...)
			edit(ls)
			bad := []byte(strings.Join(ls, "\n"))
			_, errA := parse("m.yaml", bad, true)
			_, errB := parse("m.yaml", bad, false)
			if errA == nil || errB == nil {
				t.Fatalf("no error: chunked %v, whole %v", errA, errB)
			}
			if errA.Error() != errB.Error() {
				t.Fatalf("chunked:\n%v\nwhole:\n%v", errA, errB)
			}
		})
	}
}

func TestSplitMetricsRefusesOddLayouts(t *testing.T) {
	for _, src := range []string{
		"metrics: []\n",
		"schema: 1\nmetrics:\n",
		"metrics:\nid: x\n",
		"metrics:\n  - id: a\nsources: []\n",
		"metrics:\n  - id: a\n---\n",
		"metrics:\n\t- id: a\n",
	} {
		if _, _, _, ok := splitMetrics([]byte(src), 4); ok {
			t.Errorf("split %q", src)
		}
	}
	src := "schema: 1\nmetrics:\n  # a comment\n  - id: a\n    figures:\n      - {year: 2000}\n\n  - id: b\n"
	head, line, chunks, ok := splitMetrics([]byte(src), 2)
	if !ok || string(head) != "schema: 1\n" || line != 2 || len(chunks) != 2 {
		t.Fatalf("ok=%v head=%q line=%d chunks=%d", ok, head, line, len(chunks))
	}
	var joined bytes.Buffer
	for _, c := range chunks {
		joined.Write(c.src)
	}
	if want := src[strings.Index(src, "  - id: a"):]; joined.String() != want {
		t.Fatalf("chunks lose text: %q", joined.String())
	}
	if chunks[0].line != 4 || chunks[1].line != 8 {
		t.Fatalf("chunk lines %d, %d; want 4, 8", chunks[0].line, chunks[1].line)
	}
}

// FuzzChunked checks that a chunked parse and a whole parse of any input
// agree: the same problems at the same positions, or the same figures.
func FuzzChunked(f *testing.F) {
	o := synth.Large
	o.Metrics, o.Zones, o.Sources, o.YearsPerMetric = 6, 2, 3, 3
	f.Add(synth.Generate(o))
	good, err := os.ReadFile("testdata/good.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	f.Add([]byte("schema: 1\nmetrics:\n  - id: a\n  - id: b\n    figures: [\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		a, errA := parse("f.yaml", src, true)
		b, errB := parse("f.yaml", src, false)
		if (errA == nil) != (errB == nil) {
			t.Fatalf("chunked error %v, whole error %v", errA, errB)
		}
		if errA != nil {
			if errA.Error() != errB.Error() {
				t.Fatalf("chunked:\n%v\nwhole:\n%v", errA, errB)
			}
			return
		}
		if !reflect.DeepEqual(a.Records(), b.Records()) {
			t.Fatal("chunked and whole parses differ")
		}
	})
}

// TestStreamedReadsBadFiles checks that a file the chunked path finds
// broken is reported from what it read, with the messages of a whole
// parse, rather than being parsed again whole.
func TestStreamedReadsBadFiles(t *testing.T) {
	src := medium()
	_, _, chunks, ok := splitMetrics(src, max(2*runtime.GOMAXPROCS(0), len(src)/(128<<10)))
	if !ok || len(chunks) < 4 {
		t.Fatalf("the synthetic file was not split (ok=%v, %d chunks)", ok, len(chunks))
	}
	lines := strings.Split(string(src), "\n")
	// The last line of chunk 1 and the first of chunk 2, 0-based.
	end1, start2 := chunks[2].line-2, chunks[2].line-1
	edits := map[string]func([]string){
		"syntax error in a middle chunk": func(ls []string) {
			ls[end1] = strings.Replace(ls[end1], "}", "", 1)
		},
		"string across chunks": func(ls []string) {
			ls[end1] += "\n    note: \"跨块"
			ls[start2+1] = "    name: 完\""
		},
		"unclosed string": func(ls []string) {
			ls[end1] += "\n    note: \"跨块"
		},
		"too many problems": func(ls []string) {
			for i, l := range ls {
				ls[i] = strings.Replace(l, "{year: 2", "{year: 1", 1)
			}
		},
	}
	for name, edit := range edits {
		t.Run(name, func(t *testing.T) {
			ls := append([]string(nil), lines...)
			edit(ls)
			bad := []byte(strings.Join(ls, "\n"))
			ds, ps, truncated, ok := parseStreamed("m.yaml", bad)
			if !ok {
				t.Fatal("the chunked path gave the file up for a whole parse")
			}
			_, errA := finish(ds, "m.yaml", ps, truncated)
			_, errB := parse("m.yaml", bad, false)
			if errA == nil || errB == nil {
				t.Fatalf("no error: chunked %v, whole %v", errA, errB)
			}
			if errA.Error() != errB.Error() {
				t.Fatalf("chunked:\n%v\nwhole:\n%v", errA, errB)
			}
		})
	}
}

// TestDecodeChunksStopsAtBadChunk checks that the chunks after one that
// is not valid YAML are not decoded.
func TestDecodeChunksStopsAtBadChunk(t *testing.T) {
	var chunks []chunk
	for i := range 8 {
		c := fmt.Sprintf("  - id: m%d\n    unit: 件\n", i)
		if i == 2 {
			c = "  - id: [\n"
		}
		chunks = append(chunks, chunk{src: []byte(c), line: 2 + 2*i, first: i})
	}
	res := decodeChunks("c.yaml", chunks, refs{})
	if len(res) != 3 || res[2].yamlErr == nil || res[0].yamlErr != nil || len(res[1].metrics) != 1 {
		t.Fatalf("decodeChunks gave %d results; want 3, the last not valid YAML", len(res))
	}
}
