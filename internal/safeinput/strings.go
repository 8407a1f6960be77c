package safeinput

// str filters a byte of a string's data.
func (f *filter) str(dst []byte, c byte) []byte {
	osc := f.kind == ']'
	switch {
	case c == esc:
		dst = f.fillOSC(dst)
		f.st = strEsc
		return append(dst, esc)
	case c == bel && osc, c == st, c == can, c == sub:
		f.st = ground
		return f.endString(dst, c)
	case c < ' ' || c >= del:
		// Controls and bytes of 0x80 or more are dropped from the data:
		// x/ansi and uv would end the string on a 0x9c inside a UTF-8
		// encoding and read the bytes after it as new input.
		return dst
	}
	if f.strLen >= maxString-1 { // a byte is kept for fillOSC
		f.st = skip
		if f.kind == 'P' {
			return append(dst, esc, '\\')
		}
		return append(dst, can)
	}
	f.strLen++
	if osc {
		switch {
		case f.oscCmd && c == ';':
			f.oscCmd = false
			f.oscEmpty = true
		case f.oscCmd && (c < '0' || c > '9'):
			f.oscCmd = false
		default:
			f.oscEmpty = false
		}
	}
	return append(dst, c)
}

// fillOSC gives an OSC with nothing after its ';' one byte of data.
func (f *filter) fillOSC(dst []byte) []byte {
	if f.kind == ']' && f.oscEmpty {
		f.oscEmpty = false
		f.strLen++
		dst = append(dst, oscFiller)
	}
	return dst
}

// endString passes what ends a string whose terminator c was read: BEL
// and CAN or SUB for an OSC, APC, PM or SOS as they came (an OSC with
// empty data is cancelled instead, which uv ignores), and ST as ESC \ (uv
// ends a DCS on nothing else).
func (f *filter) endString(dst []byte, c byte) []byte {
	switch {
	case f.kind == 'P' || c == st && !f.oscEmpty:
		return append(dst, esc, '\\')
	case f.oscEmpty:
		return append(dst, can)
	}
	return append(dst, c)
}

// strEsc filters the byte after an ESC in a string's data.
func (f *filter) strEsc(dst []byte, c byte) []byte {
	f.st = ground
	if c == '\\' {
		return append(dst, c)
	}
	// The ESC aborts the string and starts a sequence: close the string
	// for uv and x/ansi with the ESC already passed, then pass a new ESC.
	dst = append(dst, '\\', esc)
	f.st = escape
	return f.escape(dst, c)
}

// skip drops a byte of an overlong string, up to and including its
// terminator.
func (f *filter) skip(dst []byte, c byte) []byte {
	switch {
	case c == esc:
		// The string is closed for uv already: the ESC may begin a new
		// sequence, and passes at once.
		f.st = skipEsc
		return append(dst, esc)
	case c == st || c == can || c == sub || c == bel && f.kind == ']':
		f.st = ground
	}
	return dst
}

// skipEsc filters the byte after an ESC in an overlong string.
func (f *filter) skipEsc(dst []byte, c byte) []byte {
	if c == '\\' {
		// It was the string's ST: the ESC passed becomes a CSI that uv
		// ignores rather than Alt and \.
		f.st = ground
		return append(dst, '[', closeCSI)
	}
	return f.escape(dst, c)
}

// pasteSkip drops a byte of an overlong paste, up to and including the
// paste's own end.
func (f *filter) pasteSkip(dst []byte, c byte) []byte {
	switch {
	case c == pasteEnd[f.endMatch]:
		f.endMatch++
		if f.endMatch == len(pasteEnd) {
			f.st = ground
		}
	case c == esc:
		f.endMatch = 1
	default:
		f.endMatch = 0
	}
	return dst
}
