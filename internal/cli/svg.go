package cli

import (
	"lzdash/data"
	"lzdash/internal/termsvg"
	"lzdash/ui"
)

// snapshotSVG draws the snapshot o of ds, in colour, as an SVG picture of
// its cells.
func snapshotSVG(ds *data.Dataset, o ui.SnapshotOptions) []byte {
	o.Color = true
	return termsvg.Render(ui.Snapshot(ds, o), o.Width, o.Height, termsvg.Dark())
}
