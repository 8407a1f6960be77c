package data

// Sanitize removes the characters that could control a terminal or upset
// its columns from s: C0 and C1 controls (tabs, newlines and the line and
// paragraph separators become spaces), DEL, the invisible format
// characters (bidi controls, zero-width characters, soft hyphen, fillers,
// tags and variation selectors), and combining marks with nothing to
// combine with. Validation rejects such characters in dataset files; the
// dashboard sanitizes again before rendering so that no path from a file
// to the screen depends on it.
func Sanitize(s string) string {
	if !hasUnshowable(s) {
		return s
	}
	return stripUnshowable(s)
}
