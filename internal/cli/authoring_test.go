package cli

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"lzdash/data"
)

func TestSchemaPrintsTheGeneratedSchema(t *testing.T) {
	out, _, err := run(t, false, "schema")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(data.JSONSchema()) || !json.Valid([]byte(out)) {
		t.Fatalf("lzdash schema printed %.200q", out)
	}
	if strings.Contains(strings.Join(Synopses(true), " "), "schema") {
		t.Fatal("schema is offered over SSH")
	}
}

func TestInitWritesAValidDatasetOnce(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.yaml")
	out, _, err := run(t, false, "init", "--out", path)
	if err != nil || !strings.Contains(out, "wrote ") {
		t.Fatalf("init: %v, %q", err, out)
	}
	src, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(src), "# yaml-language-server: $schema=lzdash.schema.json\n") {
		t.Fatalf("no modeline: %.80q", src)
	}
	if _, err := data.Parse(path, src); err != nil {
		t.Fatalf("the template does not validate: %v", err)
	}
	if err := os.WriteFile(path, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, _, err = run(t, false, "init", "--out", path); code(err) != ExitData || !strings.Contains(err.Error(), "exists") {
		t.Fatalf("init over a file: %v", err)
	}
	if got, _ := os.ReadFile(path); !bytes.Equal(got, []byte("mine")) {
		t.Fatalf("init overwrote the file: %q", got)
	}
}

func TestSnapshotSVG(t *testing.T) {
	out, _, err := run(t, false, "snapshot", "--format", "svg", "--lang", "zh", "--width", "60", "--height", "20")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(out, `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="360"`) ||
		!strings.Contains(out, ">示</tspan>") || !strings.Contains(out, `fill="#`) {
		t.Fatalf("not a picture of the screen:\n%.400s", out)
	}
	if _, _, err := run(t, false, "snapshot", "--format", "png"); code(err) != ExitUsage {
		t.Fatalf("--format png: %v", err)
	}
}
