package data

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"testing"
)

// shapeCases are the regular expressions the period and date shapes
// replace, each with its shape.
var shapeCases = []struct {
	re    *regexp.Regexp
	shape func(string) bool
}{
	{regexp.MustCompile(`^(\d{4})([HQ])(\d)$`), isHalfOrQuarter},
	{regexp.MustCompile(`^(\d{4})-(\d{4})$`), isSpan},
	{regexp.MustCompile(`^(\d{4})-(\d{2})(?:\.\.(\d{4})-(\d{2}))?$`), isMonths},
	{regexp.MustCompile(`^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$`), isDate},
}

// TestShapesMatchTheirRegexps checks every shape against its regular
// expression on the shapes' own examples, on near misses, and on random
// strings of the bytes they look at, so that reading by shape accepts
// exactly what the expressions did.
func TestShapesMatchTheirRegexps(t *testing.T) {
	inputs := []string{"", "2021H1", "2021Q4", "2021X1", "2021H", "2021H12", "２０２１H1", "2017-2021", "2017-202",
		"2020-10", "2020-01..2020-10", "2020-01..2020-1", "2020-01.2020-10", "2020", "2020-05-22", "2020-5-22",
		"2020-05-22\n", " 2020", "2020\x00", "2020-05-2a"}
	rng := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789-.HQ \n٣"
	for range 200000 {
		b := make([]byte, rng.IntN(18))
		for i := range b {
			b[i] = alphabet[rng.IntN(len(alphabet))]
		}
		inputs = append(inputs, string(b))
	}
	// Strings that are one byte off a valid one.
	for _, s := range []string{"2021H1", "2017-2021", "2020-01..2020-10", "2020-05-22"} {
		for i := range len(s) {
			for _, c := range []byte("0-.HQx") {
				b := []byte(s)
				b[i] = c
				inputs = append(inputs, string(b))
			}
		}
	}
	matched := make([]int, len(shapeCases))
	for _, s := range inputs {
		for i, c := range shapeCases {
			want := c.re.MatchString(s)
			if got := c.shape(s); got != want {
				t.Errorf("%s on %q: %v, want %v", c.re, s, got, want)
			}
			if want {
				matched[i]++
			}
		}
	}
	for i, n := range matched {
		if n < 10 {
			t.Errorf("%s matched only %d inputs: the inputs do not test it", shapeCases[i].re, n)
		}
	}
}

// TestLineMessageMatchesItsRegexp checks lineMessage against the regular
// expression it replaces, on parser messages and near misses.
func TestLineMessageMatchesItsRegexp(t *testing.T) {
	re := regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
	inputs := []string{"yaml: line 3: did not find expected key", "yaml: line 12: mapping values are not allowed in this context",
		"yaml: line : x", "yaml: line 3 x", "yaml: line 3:x", "yaml: line 3: ", "yaml: line 3: two\nlines", "yaml: line 3: a: b",
		"yaml: line 99999999999999999999: big", "yaml: did not find expected node content", "EOF", "", "yaml: line 3: bad \xff byte",
		" yaml: line 3: x", "yaml: line 3: ends in a newline\n"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		b := []byte("yaml: line ")
		for range rng.IntN(6) {
			b = append(b, "0123456789: \nx"[rng.IntN(14)])
		}
		inputs = append(inputs, string(b))
	}
	for _, s := range inputs {
		n, text, ok := lineMessage(s)
		m := re.FindStringSubmatch(s)
		if ok != (m != nil) {
			t.Errorf("%q: matched %v, want %v", s, ok, m != nil)
			continue
		}
		if m != nil {
			want, _ := strconv.Atoi(m[1])
			if n != want || text != m[2] {
				t.Errorf("%q: line %d, text %q; want %d, %q", s, n, text, want, m[2])
			}
		}
	}
}
