package data

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// ParseYAML parses src, a small YAML file other than a dataset (lzdash's
// config file), with the safeguards a dataset gets: a file over limit
// bytes, a byte that cannot be in a text file, more than one document
// and the parser's own errors (and panics) are problems at their line,
// in file, which is sanitised. It returns the document's top node, or
// nil with no problem for a file with no document (empty, or comments
// alone). It does not refuse aliases: the caller, which walks the nodes,
// does.
func ParseYAML(file string, src []byte, limit int) (*yaml.Node, Problems) {
	file = Sanitize(file)
	at := func(p Problem) Problems { p.File = file; return Problems{p} }
	if len(src) > limit {
		return nil, at(Problem{Pos: Pos{1, 1}, Msg: fmt.Sprintf("%d bytes is more than the %d KiB limit", len(src), limit>>10)})
	}
	if p, bad := badByte(src); bad {
		return nil, at(p)
	}
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	switch err := safeDecode(dec, &doc); {
	case errors.Is(err, io.EOF):
		return nil, nil
	case err != nil:
		p, _ := yamlProblem(err)
		return nil, at(p)
	}
	var extra yaml.Node
	switch err := safeDecode(dec, &extra); {
	case err == nil:
		return nil, at(Problem{Pos: Pos{extra.Line, extra.Column}, Msg: "file holds more than one YAML document; put everything in one"})
	case !errors.Is(err, io.EOF):
		p, _ := yamlProblem(err)
		return nil, at(p)
	}
	if doc.Kind != yaml.DocumentNode || len(doc.Content) != 1 {
		return nil, nil
	}
	return doc.Content[0], nil
}
