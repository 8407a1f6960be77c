package safeinput

// startHeader begins a CSI or DCS after its introducer.
func (f *filter) startHeader(dcs bool) {
	f.st = csiHeader
	f.dcs = dcs
	f.seqLen = 2
	f.seps = 0
	f.phase = hdrStart
	f.paramsFull = false
	f.prefix = 0
	f.inter = 0
	f.interN = 0
	f.last = 0
	f.first = -1
}

// header filters a byte of a CSI or DCS header.
func (f *filter) header(dst []byte, c byte) []byte {
	if f.urxvtKey() && (c < ' ' || c > '/') && (c < '@' || c > '~') && c < 0x80 {
		// uv reads "CSI n $" followed by neither an intermediate nor a
		// final byte as a complete key (URxvt's shifted keys): the byte
		// begins what comes next. A byte of 0x80 or more does not: it
		// may begin an encoding that proves invalid and is dropped, and
		// the byte after it, an intermediate or final one, would then
		// join the key in uv's eyes. Such a header is closed as any
		// other cut short by it.
		f.st = ground
		return f.ground(dst, c)
	}
	room := f.seqLen < maxSeqLen-1 // keep a byte for the final
	switch {
	case c >= '0' && c <= ';':
		if f.phase == hdrInter || f.paramsFull || !room {
			return dst
		}
		if c == ':' || c == ';' {
			maxSeps := maxCSIParams - 1
			if f.dcs {
				maxSeps = maxDCSParams - 1
			}
			if f.seps == maxSeps {
				f.paramsFull = true
				return dst
			}
			f.seps++
		} else if f.seps == 0 {
			f.first = min(max(f.first, 0)*10+int(c-'0'), 1<<20)
		}
		f.phase = hdrParams
		return f.pass(dst, c)
	case c >= '<' && c <= '?':
		if f.phase != hdrStart || !room {
			return dst
		}
		f.prefix = c
		f.phase = hdrParams
		return f.pass(dst, c)
	case c >= ' ' && c <= '/':
		if !room {
			return dst
		}
		f.phase = hdrInter
		f.inter = c
		f.interN++
		return f.pass(dst, c)
	case c >= '@' && c <= '~':
		return f.final(dst, c)
	case c == esc || c == can || c == sub || c >= 0x80:
		dst = f.abortHeader(dst)
		if c == esc || c >= 0x80 {
			return f.ground(dst, c)
		}
		return dst
	}
	// Other C0 controls and DEL.
	return dst
}

// pass passes a header byte.
func (f *filter) pass(dst []byte, c byte) []byte {
	f.seqLen++
	f.last = c
	return append(dst, c)
}

// urxvtKey reports whether the header passed so far is "CSI n $" with n
// one of the keys uv decodes in that form.
func (f *filter) urxvtKey() bool {
	if f.dcs || f.last != '$' || f.interN != 1 || f.prefix != 0 || f.seps != 0 {
		return false
	}
	switch f.first {
	case 1, 2, 3, 4, 5, 6, 7, 8, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21,
		23, 24, 25, 26, 28, 29, 31, 32, 33, 34:
		return true
	}
	return false
}

// final passes the final byte of a CSI or DCS header.
func (f *filter) final(dst []byte, c byte) []byte {
	f.st = ground
	if f.dcs {
		f.st = str
		f.kind = 'P'
		f.strLen = 0
		return append(dst, c)
	}
	plain := f.prefix == 0 && f.inter == 0
	switch {
	case plain && c == 't':
		// A window report: see the package documentation.
		c = closeCSI
	case plain && c == 'M':
		// uv reads three raw bytes after any "CSI ... M" (X10 mouse).
		f.st = x10
		f.x10Left = 3
	case plain && c == '~' && f.first == 200:
		if !f.paste {
			f.paste = true
			f.pasteLen = 0
		}
	case plain && c == '~' && f.first == 201:
		f.paste = false
	}
	return append(dst, c)
}

// abortHeader closes a CSI or DCS header cut short by ESC, CAN, SUB or a
// byte of 0x80 or more, so that uv does not wait on it.
func (f *filter) abortHeader(dst []byte) []byte {
	f.st = ground
	dst = append(dst, closeCSI)
	if f.dcs {
		dst = append(dst, esc, '\\')
	}
	return dst
}

// ss3 filters a byte after ESC O.
func (f *filter) ss3(dst []byte, c byte) []byte {
	switch {
	case c >= '0' && c <= '9':
		if f.ss3Digits == maxSS3Digits {
			return dst
		}
		f.ss3Digits++
		return append(dst, c)
	case c > ' ' && c < del:
		f.st = ground
		return append(dst, c)
	}
	// uv would wait on "ESC O" followed by anything else.
	f.st = ground
	dst = append(dst, closeSS3)
	if c == can || c == sub {
		return dst
	}
	return f.ground(dst, c)
}
