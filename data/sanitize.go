package data

import "strings"

// Sanitize removes the characters that could control a terminal from s:
// C0 and C1 controls (tabs and newlines become spaces), DEL, and the
// Unicode bidi and zero-width format characters. Validation rejects such
// characters in dataset files; the dashboard sanitizes again before
// rendering so that no path from a file to the screen depends on it.
func Sanitize(s string) string {
	clean := true
	for _, r := range s {
		if isControl(r) {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return ' '
		case isControl(r):
			return -1
		}
		return r
	}, s)
}
