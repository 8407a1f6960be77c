package data_test

import (
	"os"
	"testing"

	"lzdash/data"
	"lzdash/internal/synth"
)

// BenchmarkParseEmbedded decodes and validates the Lanzhou dataset.
func BenchmarkParseEmbedded(b *testing.B) {
	src, err := os.ReadFile("../indicators.yaml")
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := data.Parse("indicators.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParseLarge decodes and validates the synthetic large dataset:
// 2,000 metrics over 50 years, 50 zones, 100 sources.
func BenchmarkParseLarge(b *testing.B) {
	src := synth.Generate(synth.Large)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		if _, err := data.Parse("large.yaml", src); err != nil {
			b.Fatal(err)
		}
	}
}
