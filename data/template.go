package data

import _ "embed"

//go:embed template.yaml
var template string

// Template is a small commented dataset that validates, for lzdash init
// to start a new dataset from. Its first line names lzdash.schema.json,
// the output of lzdash schema, for the YAML language server.
func Template() string { return template }
