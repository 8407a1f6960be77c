package cli

import (
	"image/color"

	"lzdash/data"
	"lzdash/internal/termsvg"
	"lzdash/ui"
)

// snapshotSVG draws the snapshot o of ds, in colour, as an SVG picture of
// its cells, on the background of its theme: dark, but white for the
// light theme and black for high contrast.
func snapshotSVG(ds *data.Dataset, o ui.SnapshotOptions) []byte {
	o.Color = true
	bg := termsvg.Dark()
	switch o.Theme {
	case ui.ThemeLight:
		bg = termsvg.Options{Foreground: color.RGBA{0x1c, 0x1c, 0x1c, 0xff}, Background: color.White}
	case ui.ThemeHighContrast:
		bg = termsvg.Options{Foreground: color.White, Background: color.Black}
	}
	return termsvg.Render(ui.Snapshot(ds, o), o.Width, o.Height, bg)
}
