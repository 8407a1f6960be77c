package data_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"lzdash/data"
)

func TestTimeCorpus(t *testing.T) {
	files, _ := filepath.Glob("/root/.cache/go-build/fuzz/lzdash/data/FuzzParse/*")
	type r struct{ d time.Duration; n string; size int }
	var worst r
	for _, f := range files {
		b, _ := os.ReadFile(f)
		s := string(b)
		i := strings.Index(s, "[]byte(")
		q := s[i+7 : strings.LastIndex(s, ")")]
		src, err := strconv.Unquote(q)
		if err != nil { t.Fatal(f, err) }
		st := time.Now()
		data.Parse("x", []byte(src))
		if d := time.Since(st); d > worst.d { worst = r{d, f, len(src)} }
	}
	t.Log(worst)
}
