package data

import (
	"bytes"
	"fmt"
)

// MaxNodes is the most YAML nodes (keys, values, lists and mappings) a
// dataset file may hold. The YAML library builds a node of about 200
// bytes for each before lzdash sees any of them, so a file of small
// values (x: [0,0,0,...]) under MaxFileSize could otherwise take
// gigabytes. The synthetic large dataset (60,000 figures) holds 735,559.
const MaxNodes = 3_000_000

// nodeProblem refuses src before it is parsed when it holds more than
// limit YAML nodes. It first takes a bound that holds for any input and
// costs a few passes of bytes.Count; only a file past the limit by that
// bound is then counted exactly, token by token, so that a large file
// whose strings are full of punctuation is not refused for it.
func nodeProblem(file string, src []byte, limit int) (Problem, bool) {
	if nodeBound(src) <= limit {
		return Problem{}, false
	}
	_, at, ok := countNodes(src, limit)
	switch {
	case ok && at < 0:
		return Problem{}, false
	case ok:
		return Problem{File: file, Pos: posAt(src, at),
			Msg: fmt.Sprintf("more than %d YAML nodes (keys, values, lists and mappings): a dataset needs far fewer; lzdash stops here to keep memory bounded", limit)}, true
	}
	return Problem{File: file, Pos: posAt(src, boundPassed(src, limit)),
		Msg: fmt.Sprintf("possibly more than %d YAML nodes (keys, values, lists and mappings) by here, and anchors, tags, tabs, explicit keys or document markers prevent an exact count; lzdash stops here to keep memory bounded", limit)}, true
}

// nodeBound is an upper bound on the nodes yaml.v3 builds for the first
// two documents of any src. Every node but a document is a child of one
// collection, in a place opened by an indicator: an entry by "-" in a
// block list or by "[" or "," in a flow list; a key and a value by ":" or
// "?", by "{" or "," in a flow mapping, and by ":" or "?" for a one-pair
// mapping in a flow list. So "-" and "[" open at most one place each,
// ":", "?", "," and "{" at most two, and two documents add four nodes.
func nodeBound(src []byte) int {
	n := 4
	for _, c := range []byte("-[") {
		n += bytes.Count(src, []byte{c})
	}
	for _, c := range []byte(":?,{") {
		n += 2 * bytes.Count(src, []byte{c})
	}
	return n
}

// boundPassed is the offset at which nodeBound of src[:offset+1] passes
// limit, or the end of src.
func boundPassed(src []byte, limit int) int {
	n := 4
	for i, c := range src {
		switch c {
		case '-', '[':
			n++
		case ':', '?', ',', '{':
			n += 2
		}
		if n > limit {
			return i
		}
	}
	return len(src)
}

// posAt is the line and column, 1-based and in characters, of offset off.
func posAt(src []byte, off int) Pos {
	off = min(off, len(src))
	start := bytes.LastIndexByte(src[:off], '\n') + 1
	col := 1
	for _, b := range src[start:off] {
		if b&0xC0 != 0x80 {
			col++
		}
	}
	return Pos{bytes.Count(src[:off], []byte{'\n'}) + 1, col}
}
