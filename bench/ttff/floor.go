package main

import (
	"bytes"
	"encoding/hex"
	"fmt"
	"os"
	"strings"

	"github.com/charmbracelet/x/term"
)

// floorEnv, when set, makes ttff the floor program: its value is the
// preset's ready marker, key, changed marker and quit keys, NUL-separated
// and hex-encoded.
const floorEnv = "TTFF_FLOOR"

// runFloor is the least a terminal program can do: put the terminal in
// raw mode, write one full frame ending in the ready marker, answer the
// key with a frame holding the changed marker, and exit on the quit key.
func runFloor(encoded string) int {
	spec, err := hex.DecodeString(encoded)
	if err != nil {
		return 2
	}
	parts := strings.Split(string(spec), "\x00")
	if len(parts) != 4 {
		return 2
	}
	ready, key, changed, quit := parts[0], parts[1], parts[2], strings.Split(parts[3], "|")[0]
	if st, err := term.MakeRaw(os.Stdin.Fd()); err == nil {
		defer term.Restore(os.Stdin.Fd(), st) //nolint:errcheck
	}
	w, h, err := term.GetSize(os.Stdout.Fd())
	if err != nil {
		w, h = 120, 40
	}
	frame := func(marker string) []byte {
		var b bytes.Buffer
		b.WriteString("\x1b[H\x1b[2J")
		line := strings.Repeat("x", max(0, w-1))
		for range max(0, h-1) {
			b.WriteString(line + "\r\n")
		}
		fmt.Fprintf(&b, "%s", marker)
		return b.Bytes()
	}
	os.Stdout.Write(frame(ready))
	buf := make([]byte, 256)
	var in []byte
	for {
		n, err := os.Stdin.Read(buf)
		if err != nil {
			return 0
		}
		in = append(in, buf[:n]...)
		if bytes.Contains(in, []byte(key)) {
			os.Stdout.Write(frame(changed))
			in = bytes.ReplaceAll(in, []byte(key), nil)
		}
		if bytes.Contains(in, []byte(quit)) {
			return 0
		}
	}
}
