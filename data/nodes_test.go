package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// yamlNodes is the number of nodes yaml.v3 builds for the first two
// documents of src, as parse reads them, and whether it read them
// without error.
func yamlNodes(src []byte) (int, bool) {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	total := 0
	for range 2 {
		var doc yaml.Node
		err := safeDecode(dec, &doc)
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return 0, false
		}
		total += treeSize(&doc)
	}
	return total, true
}

func treeSize(n *yaml.Node) int {
	size := 1
	for _, c := range n.Content {
		size += treeSize(c)
	}
	return size
}

// nodeCases are YAML texts whose nodes countNodes must count exactly.
var nodeCases = map[string]string{
	"block mapping":      "a: 1\nb: 2\n",
	"nested":             "a:\n  b: 1\n  c:\n    d: x\n",
	"list of mappings":   "- a: 1\n  b: 2\n- c: 3\n",
	"indentless list":    "a:\n- 1\n- 2\nb: 3\n",
	"nested lists":       "- - - x\n  - y\n- z\n",
	"empty values":       "a:\nb:\n- \n-\n",
	"flow":               "a: [1, 2, {b: 3, c: [4, 5]}]\nd: {e, f: }\n",
	"empty flow":         "a: []\nb: {}\nc: [[], {}]\n",
	"trailing commas":    "a: [1, 2,]\nb: {c: 1,}\n",
	"one-pair mappings":  "a: [b: 1, c: 2, d: , \"e\": 4]\n",
	"flow over lines":    "a: [1,\n  2, # two\n  3]\nb: {c: 1,\n  d: 2}\n",
	"flow keys":          "[a, b]: 1\n{c: d}: 2\n\"e\": 3\n'f': 4\n",
	"quotes":             "a: \"x: [1, 2], {y}\"\nb: 'it''s: - ok'\nc: \"esc \\\" [\"\nd: \"two\n  lines, [\"\n",
	"plain punctuation":  "url: https://example.com/a-b?c=1,2\ndate: 2020-01-02\nt: a:b-c [d] {e}\n",
	"multi-line plain":   "a: one\n  two, [three]\n  four\nb: -five\n",
	"plain in flow":      "a: [x y, -1, a:b, c\n  d]\n",
	"comments":           "# head\na: 1 # line, [x]\n# - y: [z\nb: 2#not a comment\n",
	"literal":            "a: |\n  x: [1, 2]\n  - y\nb: 1\n",
	"folded keep":        "a: >+\n\n   x: {1}\n   - y\n\nb: [1]\n",
	"block in list":      "- |-\n  a, b: c\n- >\n   d\n  \n   e\n- f\n",
	"block then key":     "a:\n  b: |\n    text: [1]\n  c: 2\n",
	"empty block":        "a: |\nb: [1, 2]\n",
	"crlf":               "a: 1\r\nb: [2, 3]\r\nc: |\r\n  x: y\r\n",
	"bom":                "\uFEFFa: [1, 2]\n",
	"scalar document":    "just text, [not, a, list]\n",
	"flow document":      "[1, 2, {a: b}]\n",
	"chinese":            "名称: {zh: 兰州, en: Lanzhou}\n数据: [一, 二]\n",
	"keys after blocks":  "- a: |\n    x\n  b: 1\n",
	"quoted over lines":  "a: 'one\n\n  two'\nb: \"x\\\n  y\"\n",
	"value on next line": "a:\n  [1, 2]\nb:\n  \"c\"\n",
}

func TestCountNodesExact(t *testing.T) {
	cases := map[string][]byte{}
	for name, src := range nodeCases {
		cases[name] = []byte(src)
	}
	for _, path := range []string{"testdata/good.yaml", "../indicators.yaml"} {
		src, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		cases[path] = src
	}
	cases["synthetic"] = medium()
	for name, src := range cases {
		want, ok := yamlNodes(src)
		if !ok {
			t.Fatalf("%s: yaml.v3 refuses the case", name)
		}
		got, at, ok := countNodes(src, math.MaxInt)
		if !ok || at != -1 || got != want {
			t.Errorf("%s: countNodes = %d (at %d, ok %v); yaml.v3 builds %d", name, got, at, ok, want)
		}
		if b := nodeBound(src); b < want {
			t.Errorf("%s: nodeBound = %d, below the %d nodes yaml.v3 builds", name, b, want)
		}
	}
}

// TestCountNodesGivesUp checks that what the count does not follow is
// left to the bound.
func TestCountNodesGivesUp(t *testing.T) {
	for _, src := range []string{
		"a: &x 1\nb: *x\n", "a: !!str 1\n", "? a\n: b\n", "[? a]\n",
		"%YAML 1.2\n---\na: 1\n", "---\na: 1\n", "a: 1\n...\n", "a:\n\t- 1\n",
		"a: |2\n   x\n", "a: \"open\n", "a: [1}\n", "a: ]\n", ", a\n", "a: b: c\n",
		"a: [- b]\n", "a: @x\n", "|\n  root\n",
		"k" + strings.Repeat("x", 1100) + ": v\n",
	} {
		if n, _, ok := countNodes([]byte(src), math.MaxInt); ok {
			t.Errorf("countNodes(%q) = %d, ok; want it to give up", src, n)
		}
	}
}

func TestCountNodesStops(t *testing.T) {
	src := []byte("a: [" + strings.Repeat("0, ", 99) + "0]\n")
	n, at, ok := countNodes(src, 50)
	// The document, its mapping, a and the list are 4; the 47th value is
	// the 51st node.
	if !ok || n != 51 || at != len("a: [")+3*46 {
		t.Errorf("countNodes = %d at %d, ok %v; want 51 at the 47th value", n, at, ok)
	}
}

// FuzzNodeCount checks that neither the bound nor the count is ever
// below the nodes yaml.v3 builds.
func FuzzNodeCount(f *testing.F) {
	for _, src := range nodeCases {
		f.Add([]byte(src))
	}
	f.Add(readTestdata(f, "testdata/good.yaml"))
	f.Fuzz(func(t *testing.T, src []byte) {
		if _, bad := badByte(src); bad {
			return
		}
		want, ok := yamlNodes(src)
		if !ok {
			return
		}
		if b := nodeBound(src); b < want {
			t.Fatalf("nodeBound = %d; yaml.v3 builds %d nodes", b, want)
		}
		if got, _, ok := countNodes(src, math.MaxInt); ok && got < want {
			t.Fatalf("countNodes = %d; yaml.v3 builds %d nodes", got, want)
		}
	})
}

// TestParseRefusesNodeBombs checks that files of many small values are
// refused before they are parsed, at the node that passes MaxNodes.
func TestParseRefusesNodeBombs(t *testing.T) {
	values := strings.Repeat("0,", MaxNodes)
	tests := []struct{ name, src, want string }{
		{"flow list", "x: [" + values + "0]\n",
			fmt.Sprintf("bomb.yaml:1:%d: more than %d YAML nodes", len("x: [")+2*(MaxNodes-4)+1, MaxNodes)},
		{"block list", "schema: 1\nx:\n" + strings.Repeat("- 0\n", MaxNodes),
			// schema, x and their values are 6 with the document and its
			// mapping; the rest are list entries, from line 3.
			fmt.Sprintf("bomb.yaml:%d:1: more than %d YAML nodes", 3+(MaxNodes-6), MaxNodes)},
		{"with an anchor", "a: &a 1\nx: [" + values + "0]\n",
			// The bound is 4, 2 for each ":" and ",", 1 for "[": 9 and
			// then the commas, each at column 4+2k.
			fmt.Sprintf("bomb.yaml:2:%d: possibly more than %d YAML nodes", len("x: [")+2*((MaxNodes-9)/2+1), MaxNodes)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("bomb.yaml", []byte(tt.src))
			var ps Problems
			if !errors.As(err, &ps) || len(ps) != 1 || !strings.HasPrefix(ps[0].Error(), tt.want) {
				t.Fatalf("got %v; want one problem starting %q", err, tt.want)
			}
		})
	}
}

// TestParseCountsPunctuationInText checks that a file whose text is full
// of the punctuation that may start nodes is counted, not refused.
func TestParseCountsPunctuationInText(t *testing.T) {
	src := string(readTestdata(t, "testdata/good.yaml"))
	const quote = "quote: 增长1.5个百分点"
	if strings.Count(src, quote) != 1 {
		t.Fatalf("good.yaml does not hold %s once", quote)
	}
	src = strings.Replace(src, quote, `quote: "`+strings.Repeat("-,:{", MaxNodes/4)+`"`, 1)
	if nodeBound([]byte(src)) <= MaxNodes {
		t.Fatal("the bound alone lets the file through; the test tests nothing")
	}
	if _, err := Parse("punct.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

func readTestdata(t testing.TB, path string) []byte {
	t.Helper()
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return src
}
