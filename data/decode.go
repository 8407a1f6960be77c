package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest dataset file Parse accepts.
const MaxFileSize = 64 << 20

// Pos is a position in a dataset file, 1-based.
type Pos struct {
	Line, Col int
}

// Problem is one thing wrong with a dataset file.
type Problem struct {
	File string
	Pos  Pos
	// Field is the path of the offending field, e.g. metrics[2].figures[0].year.
	Field string
	Msg   string
}

// Error formats the problem as FILE:LINE:COL: field: message.
func (p Problem) Error() string {
	file := p.File
	if file == "" {
		file = "<input>"
	}
	if p.Field == "" {
		return fmt.Sprintf("%s:%d:%d: %s", file, p.Pos.Line, p.Pos.Col, p.Msg)
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", file, p.Pos.Line, p.Pos.Col, p.Field, p.Msg)
}

// Problems is every problem found in one file, in file order.
type Problems []Problem

// Error joins the problems one per line.
func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.Error()
	}
	return strings.Join(lines, "\n")
}

// decoder turns a yaml.Node tree into Go values strictly: unknown keys,
// duplicate keys, aliases and type mismatches are problems, not silent
// defaults. It keeps the mapping node of every struct it fills, so that
// validation can point at any field without a position being stored for
// each one.
type decoder struct {
	file     string
	problems Problems
	// nodes maps a pointer to each decoded struct to its mapping node.
	nodes map[any]*yaml.Node
	// fields caches the yaml field names of each struct type.
	fields map[reflect.Type]*structFields
	// path is the path of the node being decoded.
	path []step
	// broken holds the paths at which decoding failed; validation says
	// nothing more about them or anything inside them.
	broken map[string]bool
	// truncated is set when problems past maxErrors were dropped.
	truncated bool
	// links are the references between figures and metrics, checked
	// once every metric is read.
	links linkSet
}

// add records a problem. Past maxErrors it keeps the maxErrors first in
// file order, whatever order they are found in, so that a file read in
// chunks reports the same ones as a file read whole.
func (d *decoder) add(p Problem) {
	d.problems = append(d.problems, p)
	if len(d.problems) >= 2*maxErrors {
		d.problems.sort()
		d.problems = d.problems[:maxErrors]
		d.truncated = true
	}
}

// addf records a decoding problem at node n, whose path is d.path.
func (d *decoder) addf(n *yaml.Node, format string, args ...any) {
	p := Pos{1, 1}
	if n != nil {
		p = Pos{n.Line, n.Column}
	}
	ps := pathString(d.path)
	d.broken[ps] = true
	d.add(Problem{File: d.file, Pos: p, Field: ps, Msg: fmt.Sprintf(format, args...)})
}

var (
	textType = reflect.TypeOf(Text{})
	noteType = reflect.TypeOf(Note{})
	// parserErrors are the messages yaml.v3 reports with a 0-based line
	// number (its scanner's messages carry a 1-based one).
	parserErrors = map[string]bool{
		"did not find expected ',' or ']'":       true,
		"did not find expected ',' or '}'":       true,
		"did not find expected '-' indicator":    true,
		"did not find expected <document start>": true,
		"did not find expected <stream-start>":   true,
		"did not find expected key":              true,
		"did not find expected node content":     true,
		"found duplicate %TAG directive":         true,
		"found duplicate %YAML directive":        true,
		"found incompatible YAML document":       true,
		"found undefined tag handle":             true,
	}
)

// maxErrors is the most problems reported for one file.
const maxErrors = 200

// Parse decodes and validates a dataset. file is used in messages only.
// On failure the error is a Problems listing every problem found, in file
// order; past 200 problems it lists the first 200, and a last line says
// so.
func Parse(file string, src []byte) (*Dataset, error) {
	return parse(file, src, len(src) >= chunkedMin)
}

// parse is Parse, reading the metrics list in parallel chunks when
// chunked is set and the file's layout allows it.
func parse(file string, src []byte, chunked bool) (*Dataset, error) {
	// The name is shown in every message; a name with control characters
	// must not reach a terminal either.
	file = Sanitize(file)
	if p, bad := precheck(src); bad {
		p.File = file
		return nil, Problems{p}
	}
	if chunked {
		if ds, ps, truncated, ok := parseStreamed(file, src); ok {
			return finish(ds, file, ps, truncated)
		}
	}
	d := newDecoder(file)
	root := d.parse(src)
	if root == nil {
		return nil, d.problems
	}
	ds := &Dataset{File: file}
	d.decode(root, reflect.ValueOf(ds).Elem())
	validate(ds, d)
	return finish(ds, file, d.problems, d.truncated)
}

func newDecoder(file string) *decoder {
	return &decoder{file: file, nodes: map[any]*yaml.Node{}, fields: map[reflect.Type]*structFields{}, broken: map[string]bool{}}
}

// finish returns the dataset, or its problems in file order with a last
// line when some were dropped.
func finish(ds *Dataset, file string, ps Problems, truncated bool) (*Dataset, error) {
	if len(ps) > 0 {
		ps.sort()
		if len(ps) > maxErrors {
			ps, truncated = ps[:maxErrors], true
		}
		if truncated {
			last := ps[len(ps)-1]
			ps = append(ps, Problem{File: file, Pos: last.Pos,
				Msg: fmt.Sprintf("too many problems; stopped after %d", maxErrors)})
		}
		return nil, ps
	}
	ds.buildIndex()
	return ds, nil
}

// precheck refuses what must not reach the YAML parser: a file over
// MaxFileSize, an empty one, one with a byte that cannot be in a dataset,
// and one with more than MaxNodes nodes.
func precheck(src []byte) (Problem, bool) {
	if len(src) > MaxFileSize {
		return Problem{Pos: Pos{1, 1}, Msg: tooLarge(int64(len(src)), MaxFileSize)}, true
	}
	if len(bytes.TrimSpace(src)) == 0 {
		return Problem{Pos: Pos{1, 1}, Msg: "file is empty: expected a YAML mapping with schema, sources, zones and metrics"}, true
	}
	if p, ok := badByte(src); ok {
		return p, true
	}
	return nodeProblem("", src, MaxNodes)
}

// parse returns the document's top node, or nil after recording why not.
func (d *decoder) parse(src []byte) *yaml.Node {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(src))
	if err := safeDecode(dec, &doc); err != nil {
		d.yamlError(err)
		return nil
	}
	var extra yaml.Node
	switch err := safeDecode(dec, &extra); {
	case err == nil:
		d.addf(&extra, "file holds more than one YAML document; put everything in one")
		return nil
	case !errors.Is(err, io.EOF):
		d.yamlError(err)
		return nil
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		d.addf(nil, "file holds no YAML document")
		return nil
	}
	return doc.Content[0]
}

// safeDecode runs the YAML parser, turning a panic inside it into an error
// so that no input can crash the caller.
func safeDecode(dec *yaml.Decoder, n *yaml.Node) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("yaml: the YAML parser failed on this input: %v", r)
		}
	}()
	return dec.Decode(n)
}

// yamlError records a parser error, keeping its line when it has one.
func (d *decoder) yamlError(err error) {
	p, _ := yamlProblem(err)
	p.File = d.file
	d.add(p)
}

// yamlProblem is a parser error as a problem at its line; hasLine is
// false when the message names none, and the problem is put at line 1.
func yamlProblem(err error) (p Problem, hasLine bool) {
	msg := err.Error()
	line := 1
	if n, text, ok := lineMessage(msg); ok {
		line, msg = n, text
		if parserErrors[msg] {
			line++
		}
		hasLine = true
	} else {
		msg = strings.TrimPrefix(msg, "yaml: ")
	}
	if msg == "EOF" {
		msg = "file holds no YAML document"
	}
	return Problem{Pos: Pos{line, 1}, Msg: "invalid YAML: " + msg}, hasLine
}

// lineMessage splits a parser message of one line, "yaml: line N:
// text", into N and text.
func lineMessage(msg string) (line int, text string, ok bool) {
	rest, ok := strings.CutPrefix(msg, "yaml: line ")
	digits := 0
	for digits < len(rest) && rest[digits] >= '0' && rest[digits] <= '9' {
		digits++
	}
	text, sep := strings.CutPrefix(rest[digits:], ": ")
	if !ok || digits == 0 || !sep || strings.Contains(text, "\n") {
		return 0, "", false
	}
	line, _ = strconv.Atoi(rest[:digits])
	return line, text, true
}

// badByte finds the first byte that cannot appear in a dataset file:
// invalid UTF-8 or a control character other than tab, CR and LF.
func badByte(src []byte) (Problem, bool) {
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			return Problem{Pos: Pos{line, col}, Msg: fmt.Sprintf("invalid UTF-8 byte 0x%02x: the file must be UTF-8 text", src[i])}, true
		case r == '\n':
			line, col = line+1, 0
		case r == '\t' || r == '\r' || r == '\uFEFF' && i == 0:
		case isControl(r):
			return Problem{Pos: Pos{line, col}, Msg: describeRune(r) + " is not allowed"}, true
		}
		i += size
		col++
	}
	return Problem{}, false
}

// isControl reports whether r is a C0 or C1 control character, DEL, or an
// invisible character (see isInvisible) that can hide or reorder text or
// upset the widths of a terminal's columns.
func isControl(r rune) bool {
	return r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) || isInvisible(r)
}
