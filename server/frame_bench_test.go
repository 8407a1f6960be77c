package server

import (
	"testing"

	"github.com/charmbracelet/colorprofile"

	"lzdash/ui"
)

// BenchmarkFirstFrame compares what a session's first frame costs the
// server: drawn by its own dashboard (a model brought to the terminal's
// size and profile, its view written as Bubble Tea writes a first
// frame, which is what a shared frame costs once per key), and taken
// from the shared frames by the sessions after the first.
func BenchmarkFirstFrame(b *testing.B) {
	ds := testDataset(b)
	shared := ui.NewShared()
	k := frameKey{ds: ds, lang: ui.En, profile: colorprofile.ANSI256, term: "xterm-256color", queries: true, w: 100, h: 30}
	draw := func() []byte {
		return firstFrame(ui.New(ds, ui.Options{Lang: k.lang, Dark: true, Shared: shared}), k)
	}
	draw() // the content, shared by every dashboard
	b.Run("own", func(b *testing.B) {
		for b.Loop() {
			draw()
		}
	})
	b.Run("shared", func(b *testing.B) {
		f := newFrames(ds)
		f.get(k, draw)
		for b.Loop() {
			f.get(k, draw)
		}
	})
}
