package safeinput

import (
	"fmt"
	"strings"
	"testing"
)

// benchInputs are benign and hostile inputs of about n bytes.
func benchInputs(n int) map[string][]byte {
	fill := func(s string) []byte { return []byte(strings.Repeat(s, n/len(s))) }
	return map[string][]byte{
		"benign":  fill("lanzhou 兰州 q\x1b[A\x1b[<0;12;5M\x1b[1;5C\t"),
		"osc":     append([]byte("\x1b]0;"), fill("x")...),
		"csi":     append([]byte("\x1b["), fill("1")...),
		"paste":   append([]byte("\x1b[200~"), fill("p")...),
		"marks":   append([]byte("e"), fill("\u0301")...),
		"crashes": fill("\x1b[" + strings.Repeat(";", 32) + "1R"),
	}
}

// BenchmarkFilter measures the filter's throughput at two sizes; ns/byte
// staying the same from 1 MB to 4 MB shows the cost is linear.
func BenchmarkFilter(b *testing.B) {
	for _, size := range []int{1 << 20, 4 << 20} {
		for _, name := range []string{"benign", "osc", "csi", "paste", "marks", "crashes"} {
			in := benchInputs(size)[name]
			b.Run(fmt.Sprintf("%s/%dMB", name, size>>20), func(b *testing.B) {
				out := make([]byte, 0, len(in)+64)
				b.SetBytes(int64(len(in)))
				for b.Loop() {
					var f filter
					out = f.write(out[:0], in)
				}
				b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(in)), "ns/byte")
			})
		}
	}
}

// BenchmarkFilterReader measures the Reader over a source that returns
// 4 KiB at a time, as a terminal does, reading with uv's 4 KiB buffer.
func BenchmarkFilterReader(b *testing.B) {
	for _, size := range []int{1 << 20, 4 << 20} {
		in := benchInputs(size)["benign"]
		b.Run(fmt.Sprintf("benign/%dMB", size>>20), func(b *testing.B) {
			buf := make([]byte, 4096)
			b.SetBytes(int64(len(in)))
			for b.Loop() {
				r := noPause(strings.NewReader(string(in)))
				for {
					if _, err := r.Read(buf); err != nil {
						break
					}
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(in)), "ns/byte")
		})
	}
}
