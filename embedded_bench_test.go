package main

import (
	"bytes"
	"encoding/gob"
	"encoding/json"
	"testing"

	"lzdash/data"
)

// The benchmarks below compare the ways the embedded dataset could be
// read at start: parsing its YAML, the generated Go code, and two
// encodings of the same values (gob and JSON), each followed by the
// lookups Parse builds. The generated code is what lzdash uses.

// BenchmarkEmbeddedYAML parses and validates indicators.yaml.
func BenchmarkEmbeddedYAML(b *testing.B) {
	for b.Loop() {
		if _, err := data.Parse(embeddedName, embedded); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEmbeddedGenerated builds the dataset from indicators_gen.go.
func BenchmarkEmbeddedGenerated(b *testing.B) {
	for b.Loop() {
		if ds := generatedDataset(); len(ds.Metrics) == 0 {
			b.Fatal("no metrics")
		}
	}
}

// BenchmarkEmbeddedGob decodes the dataset from gob, with a new decoder
// each time, as a start would.
func BenchmarkEmbeddedGob(b *testing.B) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(parsedEmbedded(b)); err != nil {
		b.Fatal(err)
	}
	enc := buf.Bytes()
	b.ReportMetric(float64(len(enc)), "encoded-bytes")
	for b.Loop() {
		var ds data.Dataset
		if err := gob.NewDecoder(bytes.NewReader(enc)).Decode(&ds); err != nil {
			b.Fatal(err)
		}
		data.Indexed(&ds)
	}
}

// BenchmarkEmbeddedJSON decodes the dataset from JSON.
func BenchmarkEmbeddedJSON(b *testing.B) {
	enc, err := json.Marshal(parsedEmbedded(b))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(len(enc)), "encoded-bytes")
	for b.Loop() {
		var ds data.Dataset
		if err := json.Unmarshal(enc, &ds); err != nil {
			b.Fatal(err)
		}
		data.Indexed(&ds)
	}
}

func parsedEmbedded(tb testing.TB) *data.Dataset {
	tb.Helper()
	ds, err := data.Parse(embeddedName, embedded)
	if err != nil {
		tb.Fatal(err)
	}
	return ds
}
