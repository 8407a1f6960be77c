package data

import (
	"bytes"
	"errors"
	"io"
	"runtime"
	"sync"

	"gopkg.in/yaml.v3"
)

// chunkedMin is the file size from which Parse reads the metrics list in
// parallel; smaller files are parsed whole.
const chunkedMin = 256 << 10

// chunk is a run of whole entries of the top-level metrics list.
type chunk struct {
	src  []byte
	line int // the file line of the chunk's first line, 1-based
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
		chunks = append(chunks, chunk{src: src[starts[from]:end], line: startLines[from]})
		from = i
	}
	return head, keyLine, chunks, true
}

// parseChunked parses a large file's metrics list in parallel, one chunk
// per goroutine, and joins the results into one document. It returns nil
// when the layout is unusual or any part fails to parse; the caller then
// parses the file whole.
func parseChunked(src []byte) *yaml.Node {
	workers := runtime.GOMAXPROCS(0)
	head, keyLine, chunks, ok := splitMetrics(src, 2*workers)
	if !ok {
		return nil
	}
	root := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Line: 1, Column: 1}
	if len(bytes.TrimSpace(head)) > 0 {
		doc, err := parseOne(head)
		if err != nil || doc.Kind != yaml.MappingNode {
			return nil
		}
		root = doc
	}
	lists := make([][]*yaml.Node, len(chunks))
	failed := false
	var mu sync.Mutex
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(workers, len(chunks)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				c := chunks[i]
				doc, err := parseOne(append([]byte("metrics:\n"), c.src...))
				if err != nil || doc.Kind != yaml.MappingNode || len(doc.Content) != 2 || doc.Content[1].Kind != yaml.SequenceNode {
					mu.Lock()
					failed = true
					mu.Unlock()
					continue
				}
				seq := doc.Content[1]
				shift(seq, c.line-2)
				lists[i] = seq.Content
			}
		}()
	}
	for i := range chunks {
		next <- i
	}
	close(next)
	wg.Wait()
	if failed {
		return nil
	}
	seq := &yaml.Node{Kind: yaml.SequenceNode, Tag: "!!seq", Line: chunks[0].line, Column: 1}
	for _, l := range lists {
		seq.Content = append(seq.Content, l...)
	}
	if len(seq.Content) > 0 {
		seq.Line, seq.Column = seq.Content[0].Line, seq.Content[0].Column
	}
	key := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "metrics", Line: keyLine, Column: 1}
	root.Content = append(root.Content, key, seq)
	return root
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
