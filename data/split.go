package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"runtime"
	"sync"
	"sync/atomic"

	"go.yaml.in/yaml/v3"
)

// chunkedMin is the file size from which Parse reads the metrics list in
// parallel; smaller files are parsed whole.
const chunkedMin = 256 << 10

// chunk is a run of whole entries of the top-level metrics list.
type chunk struct {
	src   []byte
	line  int // the file line of the chunk's first line, 1-based
	first int // the index in the list of the chunk's first entry
}

// splitMetrics finds a top-level "metrics:" block list that runs to the
// end of the file and cuts it into about n chunks at entry boundaries. It
// returns the part of the file before "metrics:", the line of that key,
// and the chunks. ok is false for any layout it is not sure of: the
// caller then parses the file whole, which also reports any error.
func splitMetrics(src []byte, n int) (head []byte, keyLine int, chunks []chunk, ok bool) {
	line, start := 1, -1
	for off := 0; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		l := bytes.TrimRight(src[off:off+end], " \r")
		if bytes.Equal(l, []byte("metrics:")) {
			head, keyLine, start = src[:off], line, off+end+1
			break
		}
		off += end + 1
	}
	if start < 0 || start >= len(src) {
		return nil, 0, nil, false
	}
	// Every line from here on must be blank, a comment, an entry start
	// ("- " at the list's indentation) or indented deeper.
	indent := -1
	var starts []int
	var startLines []int
	line = keyLine + 1
	for off := start; off < len(src); line++ {
		end := bytes.IndexByte(src[off:], '\n')
		if end < 0 {
			end = len(src) - off
		}
		l := bytes.TrimRight(src[off:off+end], " \r")
		sp := 0
		for sp < len(l) && l[sp] == ' ' {
			sp++
		}
		switch {
		case sp == len(l) || l[sp] == '#':
		case l[sp] == '\t':
			return nil, 0, nil, false
		case indent < 0:
			if !bytes.HasPrefix(l[sp:], []byte("- ")) {
				return nil, 0, nil, false
			}
			indent = sp
			starts, startLines = append(starts, off), append(startLines, line)
		case sp == indent && bytes.HasPrefix(l[sp:], []byte("- ")):
			starts, startLines = append(starts, off), append(startLines, line)
		case sp <= indent:
			return nil, 0, nil, false
		}
		off += end + 1
	}
	if len(starts) == 0 {
		return nil, 0, nil, false
	}
	per := max(1, (len(src)-starts[0])/max(1, n))
	from := 0
	for i := 1; i <= len(starts); i++ {
		if i < len(starts) && starts[i]-starts[from] < per {
			continue
		}
		end := len(src)
		if i < len(starts) {
			end = starts[i]
		}
		chunks = append(chunks, chunk{src: src[starts[from]:end], line: startLines[from], first: from})
		from = i
	}
	return head, keyLine, chunks, true
}

// parseStreamed decodes and validates a large file with its metrics list
// read in chunks, several at a time. Each chunk's YAML nodes are dropped
// as soon as its metrics are decoded and checked, so memory stays near
// the size of the dataset itself rather than of its syntax tree. It gives
// the problems a whole parse gives, and whether some were dropped past
// maxErrors. ok is false when the layout is unusual: the caller then
// parses the file whole.
func parseStreamed(file string, src []byte) (ds *Dataset, ps Problems, truncated, ok bool) {
	workers := runtime.GOMAXPROCS(0)
	head, keyLine, chunks, ok := splitMetrics(src, max(2*workers, len(src)/(128<<10)))
	if !ok {
		return nil, nil, false, false
	}
	d := newDecoder(file)
	// With nothing before "metrics:", the top mapping starts at that key.
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: keyLine, Column: 1}
	if len(bytes.TrimSpace(head)) > 0 {
		// The part before "metrics:" must read the same alone as in the
		// whole file: a block mapping from the first column, with no
		// document markers.
		if bytes.HasPrefix(head, []byte("---")) || bytes.HasPrefix(head, []byte("...")) ||
			bytes.Contains(head, []byte("\n---")) || bytes.Contains(head, []byte("\n...")) {
			return nil, nil, false, false
		}
		doc, err := parseOne(head)
		if err != nil || doc.Kind != yaml.MappingNode || doc.Style&yaml.FlowStyle != 0 || doc.Column != 1 {
			return nil, nil, false, false
		}
		root = doc
	}
	// The metrics key, so that positions of the root's fields resolve.
	root.Content = append(root.Content,
		&yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "metrics", Line: keyLine, Column: 1},
		&yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: keyLine + 1, Column: 1})
	ds = &Dataset{File: file}
	d.decode(root, reflect.ValueOf(ds).Elem())
	r := validateHead(ds, d)

	results := decodeChunks(file, chunks, r)
	// A chunk that is not valid YAML alone may be valid in the file, as
	// when a quoted string runs past the line that ends the chunk, and the
	// file's first error may lie in a later chunk. The rest of the file
	// from that chunk on, read as one chunk, reads as in a whole parse.
	for i, res := range results {
		if res.yamlErr == nil && !res.failed {
			continue
		}
		n := 0
		for _, c := range chunks[i:] {
			n += len(c.src)
		}
		rest := chunk{src: src[len(src)-n:], line: chunks[i].line, first: chunks[i].first}
		res = decodeChunk(file, rest, r)
		if res.yamlErr != nil {
			p, hasLine := yamlProblem(res.yamlErr)
			if !hasLine {
				return nil, nil, false, false
			}
			p.File, p.Pos.Line = file, p.Pos.Line+rest.line-2
			return nil, Problems{p}, false, true
		}
		if res.failed {
			return nil, nil, false, false
		}
		results = append(results[:i], res)
		break
	}

	ps, truncated = d.problems, d.truncated
	seen := map[string]bool{}
	links := d.links
	for _, res := range results {
		truncated = truncated || res.truncated
		ps = append(ps, res.problems...)
		links.merge(res.links)
		for j := range res.metrics {
			i := len(ds.Metrics)
			m := res.metrics[j]
			id := res.ids[j]
			if wellFormedID(m.ID) && seen[m.ID] && !id.broken {
				ps = append(ps, Problem{File: file, Pos: id.pos, Field: fmt.Sprintf("metrics[%d].id", i),
					Msg: fmt.Sprintf("duplicate metric id %q", m.ID)})
			}
			seen[m.ID] = true
			ds.Metrics = append(ds.Metrics, m)
		}
	}
	links.metrics = seen
	ps = append(ps, checkLinks(links)...)
	if len(ds.Metrics) == 0 {
		return nil, nil, false, false
	}
	return ds, ps, truncated, true
}

// decodeChunks decodes the chunks on all cores. Once a chunk is not valid
// YAML, the chunks after it are left undecoded: parseStreamed reads them
// again with it.
func decodeChunks(file string, chunks []chunk, r refs) []chunkResult {
	results := make([]chunkResult, len(chunks))
	var bad atomic.Int64 // the first chunk known not to be valid YAML
	bad.Store(int64(len(chunks)))
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), len(chunks)) {
		wg.Go(func() {
			for i := range next {
				if int64(i) > bad.Load() {
					continue
				}
				results[i] = decodeChunk(file, chunks[i], r)
				if results[i].yamlErr != nil || results[i].failed {
					for cur := bad.Load(); int64(i) < cur && !bad.CompareAndSwap(cur, int64(i)); cur = bad.Load() {
					}
				}
			}
		})
	}
	for i := range chunks {
		next <- i
	}
	close(next)
	wg.Wait()
	return results[:min(len(results), int(bad.Load())+1)]
}

// chunkResult is what one chunk of the metrics list yields.
type chunkResult struct {
	metrics   []Metric
	ids       []idAt
	problems  Problems
	truncated bool
	yamlErr   error // the chunk is not valid YAML
	failed    bool  // the chunk is not a list of metrics: parse the file whole
	links     linkSet
}

// idAt is where a metric's id is, for the duplicate check across chunks.
type idAt struct {
	pos    Pos
	broken bool
}

// decodeChunk parses, decodes and validates one chunk of metrics.
func decodeChunk(file string, c chunk, r refs) chunkResult {
	dec := yaml.NewDecoder(bytes.NewReader(append([]byte("metrics:\n"), c.src...)))
	var doc, extra yaml.Node
	if err := safeDecode(dec, &doc); err != nil {
		return chunkResult{yamlErr: err}
	}
	if err := safeDecode(dec, &extra); !errors.Is(err, io.EOF) || doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return chunkResult{failed: true}
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode || len(top.Content) != 2 || top.Content[1].Kind != yaml.SequenceNode {
		return chunkResult{failed: true}
	}
	seq := top.Content[1]
	shift(seq, c.line-2)
	d := newDecoder(file)
	res := chunkResult{metrics: make([]Metric, len(seq.Content)), ids: make([]idAt, len(seq.Content))}
	for k, n := range seq.Content {
		i := c.first + k
		d.path = append(d.path[:0], step{key: "metrics"}, step{idx: i, isIdx: true})
		d.decode(n, reflect.ValueOf(&res.metrics[k]).Elem())
	}
	for k := range res.metrics {
		m := &res.metrics[k]
		l := loc{m, "metrics", c.first + k}
		d.metric(m, l, nil, r)
		res.ids[k] = idAt{pos: d.posOf(l, "id", -1), broken: d.insideBroken(fmt.Sprintf("metrics[%d].id", c.first+k))}
	}
	res.problems, res.truncated, res.links = d.problems, d.truncated, d.links
	return res
}

// parseOne parses src as exactly one YAML document and returns its top
// node.
func parseOne(src []byte) (*yaml.Node, error) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc, extra yaml.Node
	if err := safeDecode(dec, &doc); err != nil {
		return nil, err
	}
	if err := safeDecode(dec, &extra); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one document")
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, errors.New("no document")
	}
	return doc.Content[0], nil
}

// shift moves every node below n down by delta lines.
func shift(n *yaml.Node, delta int) {
	n.Line += delta
	for _, c := range n.Content {
		shift(c, delta)
	}
}
