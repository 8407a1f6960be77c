package data

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// This file checks a dataset against the archived copies of its source
// articles: its provenance, which validation alone cannot see.

// maxArticleSize is the largest archived article Verify reads.
const maxArticleSize = 16 << 20

// VerifyResult is what Verify found: every problem, and how much it
// checked.
type VerifyResult struct {
	Problems Problems
	// Quotes and Values count the quotes found in their articles and
	// the values found in their quotes.
	Quotes, Values int
}

// Verify checks the dataset ds, parsed from src, against the archived
// articles in dir, each named by its source's file field:
//
//   - every quote appears in its article, once the pinyin annotations of
//     the archived pages are removed (see CleanArticle);
//   - every value that is not derived appears in its quote, as written
//     (1.07 for 1.07万件), in Chinese numerals (三), or by the stated
//     unit's conversion (10700 件 for 1.07万件); so does a ranking's field;
//   - every qualifier has its marker next to the value (近30 for
//     nearly), no value next to such a marker lacks its qualifier, and a
//     target's 以上 or 超过 agrees with its comparator;
//   - no figure printed before its period ended is actual, and no
//     provisional one was printed after; no stock is dated after its
//     source.
//
// Each problem is located at the field it concerns in src.
func Verify(ds *Dataset, src []byte, dir string) VerifyResult {
	v := verifier{ds: ds, pos: fieldPositions(src), articles: map[string]string{}}
	for i := range ds.Sources {
		v.article(i, dir)
	}
	for i := range ds.Zones {
		if in := ds.Zones[i].Industries; in != nil {
			v.quote(fmt.Sprintf("zones[%d].industries", i), in.Source, in.Quote)
		}
	}
	for i := range ds.Metrics {
		m := &ds.Metrics[i]
		for j := range m.Figures {
			v.figure(m, &m.Figures[j], fmt.Sprintf("metrics[%d].figures[%d]", i, j))
		}
	}
	v.res.Problems.sort()
	return v.res
}

// verifier carries one Verify run.
type verifier struct {
	ds       *Dataset
	pos      map[string]Pos
	articles map[string]string // source id to cleaned text
	res      VerifyResult
}

// fail records a problem at a field path, or at the nearest written
// field that contains it.
func (v *verifier) fail(path, format string, args ...any) {
	p, ok := v.pos[path]
	for probe := path; !ok; {
		i := strings.LastIndexAny(probe, ".[")
		if i < 0 {
			p = Pos{1, 1}
			break
		}
		probe = probe[:i]
		p, ok = v.pos[probe]
	}
	v.res.Problems = append(v.res.Problems, Problem{File: v.ds.File, Pos: p, Field: path, Msg: fmt.Sprintf(format, args...)})
}

// article reads and cleans source i's archived copy.
func (v *verifier) article(i int, dir string) {
	s := &v.ds.Sources[i]
	path := fmt.Sprintf("sources[%d].file", i)
	switch {
	case s.File == "":
		v.fail(path, "source %s names no archived file, so its quotes cannot be checked", s.ID)
		return
	case filepath.Base(s.File) != s.File || s.File == "." || s.File == "..":
		v.fail(path, "%q must be a file name in the sources folder, not a path", s.File)
		return
	}
	text, err := readArticle(filepath.Join(dir, s.File))
	if err != nil {
		v.fail(path, "%v", err)
		return
	}
	v.articles[s.ID] = CleanArticle(text)
}

// readArticle reads one archived article, refusing what is not a
// regular UTF-8 file of reasonable size.
func readArticle(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("reading the article: %w", err)
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && !st.Mode().IsRegular() {
		return "", fmt.Errorf("reading the article: %s is not a regular file", Sanitize(path))
	}
	b, err := io.ReadAll(io.LimitReader(f, maxArticleSize+1))
	switch {
	case err != nil:
		return "", fmt.Errorf("reading the article %s: %w", Sanitize(path), err)
	case len(b) > maxArticleSize:
		return "", fmt.Errorf("the article %s is over %d bytes", Sanitize(path), maxArticleSize)
	case !utf8.Valid(b):
		return "", fmt.Errorf("the article %s is not UTF-8 text", Sanitize(path))
	}
	return string(b), nil
}

// quote checks that a quote appears in its source's article.
func (v *verifier) quote(path, source, quote string) bool {
	text, ok := v.articles[source]
	if !ok {
		return false // the source is reported already
	}
	if !strings.Contains(text, quote) {
		v.fail(path+".quote", "quote %q is not in %s", quote, v.ds.Source(source).File)
		return false
	}
	v.res.Quotes++
	return true
}

// figure runs every check on one figure.
func (v *verifier) figure(m *Metric, f *Figure, path string) {
	v.timing(f, path)
	v.quote(path, f.Source, f.Quote)
	if f.Kind == Derived {
		return
	}
	found := false
	for _, t := range numbers(f.Quote) {
		if v.matches(m, f, t) {
			found = true
			break
		}
	}
	if !found {
		v.fail(path+".value", "value %s %s is not in the quote %q, as written or converted", formatNumber(f.Value), f.UnitOr(m.Unit), f.Quote)
		return
	}
	v.res.Values++
	if f.OutOf > 0 {
		if _, ok := QualifierIn(f.Quote, f.OutOf); !ok {
			v.fail(path+".out_of", "the field of %s is not in the quote %q", formatNumber(f.OutOf), f.Quote)
		}
	}
	v.qualifier(f, path)
}

// matches reports whether number t of the quote is the figure's value:
// as written, or once the magnitude after it (万, 亿) and the figure's
// unit are both taken into account.
func (v *verifier) matches(m *Metric, f *Figure, t number) bool {
	if t.value == f.Value {
		return true
	}
	mag := 1.0
	r, _ := utf8.DecodeRuneInString(f.Quote[t.end:])
	switch r {
	case '万', '萬':
		mag = 1e4
	case '亿', '億':
		mag = 1e8
	}
	scale, _ := splitUnit(f.UnitOr(m.Unit))
	return mag != 1 && round12(t.value*mag) == round12(f.Value*scale)
}

// qualifier checks a figure's qualifier against the words next to its
// value.
func (v *verifier) qualifier(f *Figure, path string) {
	q, _ := QualifierIn(f.Quote, f.Value)
	switch {
	case f.Kind == Target:
		want := map[Qualifier]string{AtLeast: ">=", MoreThan: ">"}[q]
		if want != "" && f.Comparator != want {
			v.fail(path+".comparator", "the quote %q calls for comparator %s, not %s", f.Quote, want, f.Comparator)
		}
	case f.Qualifier != "" && q != f.Qualifier:
		v.fail(path+".qualifier", "qualifier %s, but the quote %q has none of %s next to %s", f.Qualifier, f.Quote,
			strings.Join(f.Qualifier.Markers(), ", "), formatNumber(f.Value))
	case f.Qualifier == "" && q != "":
		v.fail(path+".qualifier", "the quote %q gives %s approximately: write qualifier: %s", f.Quote, formatNumber(f.Value), q)
	}
}

// timing checks a figure's kind against its source's date.
func (v *verifier) timing(f *Figure, path string) {
	s := v.ds.Source(f.Source)
	if s == nil || f.Kind == Target || f.Kind == Derived || f.Kind == Estimate {
		return
	}
	d, ok := parseDate(s.Date)
	if !ok {
		return
	}
	printed := d.first()
	switch p := f.When; p.Type {
	case PeriodStock, PeriodRunning:
		if p.AsOf.first() > printed {
			v.fail(path+".as_of", "as_of %s is after the source's date, %s", p.AsOf, s.Date)
		}
		if f.Kind == Provisional {
			v.fail(path+".kind", "a stock or running total is counted as of a date, not provisional")
		}
	case PeriodUnstated:
	default:
		end, _ := p.End()
		switch {
		case f.Kind != Provisional && end > printed:
			v.fail(path+".kind", "printed on %s, before its period (%s) ended: write kind: provisional, or estimate for a forecast", s.Date, p.Label("en"))
		case f.Kind == Provisional && end <= printed:
			v.fail(path+".kind", "printed on %s, after its period (%s) ended: a provisional figure is one printed before", s.Date, p.Label("en"))
		}
	}
}

// CleanArticle removes the pinyin annotations that a conversion site put
// after some characters of the archived articles: a parenthesised run of
// lowercase Latin letters, with or without tone marks, as in 創(chuàng)新
// and 區(qū). Other parentheses, such as (王文嘉) or 網易(蘭州), are kept.
func CleanArticle(s string) string {
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '(')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i])
		n := pinyinLen(s[i+1:])
		if n > 0 && strings.HasPrefix(s[i+1+n:], ")") {
			s = s[i+1+n+1:]
			continue
		}
		b.WriteByte('(')
		s = s[i+1:]
	}
}

// pinyinLen returns the length in bytes of the run of lowercase Latin
// letters and combining marks at the start of s.
func pinyinLen(s string) int {
	n := 0
	for n < len(s) {
		r, size := utf8.DecodeRuneInString(s[n:])
		if !(unicode.Is(unicode.Latin, r) && unicode.IsLower(r)) && !unicode.Is(unicode.Mn, r) {
			break
		}
		n += size
	}
	return n
}

// fieldPositions maps the path of every mapping, list and value in a
// YAML file (metrics[3].figures[2].quote) to its position. A file that
// does not parse gives an empty map.
func fieldPositions(src []byte) map[string]Pos {
	out := map[string]Pos{}
	d := newDecoder("")
	root := d.parse(src)
	if root == nil {
		return out
	}
	var walk func(n *yaml.Node, path string)
	walk = func(n *yaml.Node, path string) {
		out[path] = Pos{n.Line, n.Column}
		switch n.Kind {
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				walk(n.Content[i+1], join(path, n.Content[i].Value))
			}
		case yaml.SequenceNode:
			for i, c := range n.Content {
				walk(c, path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
	walk(root, "")
	return out
}
