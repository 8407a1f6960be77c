package cli

import (
	"errors"
	"flag"
	"fmt"
	"io/fs"
	"os"

	"lzdash/data"
)

// schemaCmd prints the JSON Schema of the dataset format, for editors
// that check a dataset as it is typed.
func schemaCmd() Command {
	return Command{Name: "schema", Summary: "print the JSON Schema of the dataset format, for editors",
		define: func(_ *flag.FlagSet, env Env) func() error {
			return func() error {
				_, err := env.Stdout.Write(data.JSONSchema())
				return output(0, err)
			}
		}}
}

// initCmd writes a small commented dataset to start from. It never
// overwrites a file.
func initCmd() Command {
	return Command{Name: "init", Summary: "write a small commented dataset to start from; never overwrites a file",
		define: func(flags *flag.FlagSet, env Env) func() error {
			out := flags.String("out", "indicators.yaml", "`FILE` to write")
			return func() error {
				f, err := os.OpenFile(*out, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
				if errors.Is(err, fs.ErrExist) {
					return &Error{Code: ExitData, Msg: fmt.Sprintf("%s exists; it is left as it is: choose another --out", data.Sanitize(*out))}
				}
				if err != nil {
					return &Error{Code: ExitData, Msg: data.Sanitize(err.Error())}
				}
				_, err = f.WriteString(data.Template())
				if cerr := f.Close(); err == nil {
					err = cerr
				}
				if err != nil {
					return &Error{Code: ExitData, Msg: "writing " + data.Sanitize(err.Error())}
				}
				return output(fmt.Fprintf(env.Stdout, "wrote %s; lzdash schema > lzdash.schema.json beside it lets an editor check it as you type, and lzdash validate --data %s checks it all\n",
					data.Sanitize(*out), data.Sanitize(*out)))
			}
		}}
}
