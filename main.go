// Command lzdash is a terminal dashboard of Lanzhou's science-and-technology
// innovation indicators. Run it with no arguments to open the dashboard on
// the embedded dataset; see `lzdash help` for the subcommands.
package main

import (
	_ "embed"
	"os"
)

//go:generate go run ./internal/gendata -in indicators.yaml -out indicators_gen.go

// embedded is the default dataset, compiled into the binary.
//
//go:embed indicators.yaml
var embedded []byte

// embeddedName is how the embedded dataset is named in messages.
const embeddedName = "indicators.yaml"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
