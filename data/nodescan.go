package data

// nodeScanner counts the nodes yaml.v3 builds for a file by following the
// tokens of its scanner (libyaml's rules, as yaml.v3 implements them):
// plain, quoted and block scalars, comments, block and flow collections,
// indentation and simple keys. It builds nothing. On anything it does not
// follow exactly (tabs outside text, anchors, aliases, tags, explicit
// keys, directives, document markers, indentation indicators, or input
// yaml.v3 would refuse) it gives up, and the caller keeps nodeBound.
//
// Each token adds the nodes it opens a place for, as in nodeBound, but
// knowing its context: ":" in a block mapping opens a key and a value, in
// a flow list a one-pair mapping's key and value, in a flow mapping
// nothing (its entry did); a flow entry opens one place in a list and two
// in a mapping, and only when something fills it.
type nodeScanner struct {
	src   []byte
	i     int // offset of the next byte
	col   int // column of src[i], 0-based, in characters
	line  int // line of src[i], 0-based, counting yaml's line breaks
	count int
	limit int

	flow    []byte // the open flow collections, '[' or '{'
	pending bool   // a flow entry has been opened and not yet filled
	indents []int  // the block indentation levels, from -1
	// allowed is yaml.v3's simple_key_allowed: whether a key may start.
	allowed bool
	// keyAt is the offset of the possible simple key in block context
	// (-1: none); keyCol and keyLine are its column and line.
	keyAt, keyCol, keyLine int
}

// countNodes counts the nodes of src, stopping past limit. ok is false
// when it gave up; otherwise n is the count and at is the offset of the
// token that took it past limit, or -1 when it stayed within it.
func countNodes(src []byte, limit int) (n, at int, ok bool) {
	s := &nodeScanner{src: src, limit: limit, count: 2, indents: []int{-1}, allowed: true, keyAt: -1}
	if len(src) >= 3 && src[0] == 0xEF && src[1] == 0xBB && src[2] == 0xBF {
		s.i = 3
	}
	for {
		if !s.skipToToken() {
			return 0, 0, false
		}
		if s.i >= len(src) {
			return s.count, -1, true
		}
		start := s.i
		if !s.token() {
			return 0, 0, false
		}
		if s.count > limit {
			return s.count, start, true
		}
	}
}

func (s *nodeScanner) at(i int) byte {
	if i < len(s.src) {
		return s.src[i]
	}
	return 0
}

// blankz reports whether src[i] is a space, tab, line break or the end.
func (s *nodeScanner) blankz(i int) bool {
	c := s.at(i)
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0
}

func (s *nodeScanner) isBreak() bool { c := s.at(s.i); return c == '\n' || c == '\r' }

// advance moves past one byte, counting columns in characters.
func (s *nodeScanner) advance() {
	if s.src[s.i]&0xC0 != 0x80 {
		s.col++
	}
	s.i++
}

// lineBreak moves past a line break: LF, CR or CR LF.
func (s *nodeScanner) lineBreak() {
	if s.src[s.i] == '\r' && s.at(s.i+1) == '\n' {
		s.i++
	}
	s.i++
	s.line++
	s.col = 0
}

// docMarker reports whether a document marker (--- or ...) starts here.
func (s *nodeScanner) docMarker() bool {
	if s.col != 0 || s.i+3 > len(s.src) {
		return false
	}
	c := s.src[s.i]
	return (c == '-' || c == '.') && s.src[s.i+1] == c && s.src[s.i+2] == c && s.blankz(s.i+3)
}

// skipToToken skips spaces, comments and line breaks.
func (s *nodeScanner) skipToToken() bool {
	for s.i < len(s.src) {
		switch c := s.src[s.i]; {
		case c == ' ':
			s.advance()
		case c == '\t':
			return false
		case c == '#':
			for s.i < len(s.src) && !s.isBreak() {
				s.advance()
			}
		case c == '\n' || c == '\r':
			s.lineBreak()
			if len(s.flow) == 0 {
				s.allowed = true
			}
		default:
			return true
		}
	}
	return true
}

// add counts n more nodes.
func (s *nodeScanner) add(n int) { s.count += n }

// roll opens a block collection at column col if it is deeper.
func (s *nodeScanner) roll(col int) {
	if s.indents[len(s.indents)-1] < col {
		s.indents = append(s.indents, col)
	}
}

// saveKey records a possible simple key at the current token.
func (s *nodeScanner) saveKey() {
	if len(s.flow) == 0 && s.allowed {
		s.keyAt, s.keyCol, s.keyLine = s.i, s.col, s.line
	}
}

// token reads one token at src[i].
func (s *nodeScanner) token() bool {
	c := s.src[s.i]
	if len(s.flow) == 0 {
		for s.indents[len(s.indents)-1] > s.col {
			s.indents = s.indents[:len(s.indents)-1]
		}
	}
	if s.col == 0 && (c == '%' || s.docMarker()) {
		return false
	}
	if len(s.flow) > 0 && s.pending && c != ']' && c != '}' && c != ',' {
		s.pending = false
		if s.flow[len(s.flow)-1] == '[' {
			s.add(1)
		} else {
			s.add(2)
		}
	}
	switch {
	case c == '[' || c == '{':
		s.saveKey()
		s.flow = append(s.flow, c)
		s.pending, s.allowed = true, true
		s.advance()
	case c == ']' || c == '}':
		if len(s.flow) == 0 || s.flow[len(s.flow)-1] != c-2 { // '['+2 == ']', '{'+2 == '}'
			return false
		}
		s.flow = s.flow[:len(s.flow)-1]
		s.pending, s.allowed = false, false
		s.advance()
	case c == ',':
		if len(s.flow) == 0 {
			return false
		}
		s.pending, s.allowed = true, true
		s.advance()
	case c == '-' && s.blankz(s.i+1):
		if len(s.flow) > 0 || !s.allowed {
			return false
		}
		s.roll(s.col)
		s.add(1)
		s.keyAt, s.allowed = -1, true
		s.advance()
	case c == '?' && (len(s.flow) > 0 || s.blankz(s.i+1)):
		return false
	case c == ':' && (len(s.flow) > 0 || s.blankz(s.i+1)):
		return s.value()
	case c == '*' || c == '&' || c == '!' || c == '@' || c == '`' || c == '#' || c == '%':
		return false
	case c == '|' || c == '>':
		return len(s.flow) == 0 && s.blockScalar()
	case c == '\'' || c == '"':
		s.saveKey()
		s.allowed = false
		return s.quoted(c)
	case c == '-' || (len(s.flow) == 0 && (c == '?' || c == ':')) || !s.blankz(s.i):
		s.saveKey()
		s.allowed = false
		return s.plain()
	default:
		return false
	}
	return true
}

// value reads a ":" value indicator.
func (s *nodeScanner) value() bool {
	switch {
	case len(s.flow) > 0:
		if s.flow[len(s.flow)-1] == '[' {
			s.add(2) // a one-pair mapping's key and value
		}
		s.allowed = false
		s.advance()
		return true // the block context's possible key stays
	case s.keyAt >= 0 && s.keyLine == s.line && s.i-s.keyAt <= 1024:
		s.roll(s.keyCol)
		s.add(2)
		s.allowed = false
	case s.keyAt >= 0 && s.keyLine == s.line:
		return false // perhaps past yaml.v3's 1024 characters
	case !s.allowed:
		return false
	default:
		s.roll(s.col)
		s.add(2)
		s.allowed = true
	}
	s.keyAt = -1
	s.advance()
	return true
}

// quoted skips a single- or double-quoted scalar.
func (s *nodeScanner) quoted(q byte) bool {
	s.advance()
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case s.docMarker():
			return false
		case c == '\n' || c == '\r':
			s.lineBreak()
		case c == q && q == '\'' && s.at(s.i+1) == '\'':
			s.advance()
			s.advance()
		case c == q:
			s.advance()
			return true
		case c == '\\' && q == '"':
			s.advance()
			if s.i < len(s.src) {
				if s.isBreak() {
					s.lineBreak()
				} else {
					s.advance()
				}
			}
		default:
			s.advance()
		}
	}
	return false // unterminated: yaml.v3 refuses it
}

// plain skips a plain scalar, which may run over several lines.
func (s *nodeScanner) plain() bool {
	indent := s.indents[len(s.indents)-1] + 1
	leading := false // the scalar's last blanks held a line break
	for {
		if s.docMarker() {
			return false
		}
		if s.at(s.i) == '#' {
			break
		}
		for !s.blankz(s.i) {
			c := s.src[s.i]
			if c == ':' && s.blankz(s.i+1) {
				break
			}
			if len(s.flow) > 0 && (c == ',' || c == '?' || c == '[' || c == ']' || c == '{' || c == '}') {
				break
			}
			s.advance()
			leading = false
		}
		if s.i >= len(s.src) || !(s.src[s.i] == ' ' || s.src[s.i] == '\t' || s.isBreak()) {
			break
		}
		for s.i < len(s.src) && (s.src[s.i] == ' ' || s.src[s.i] == '\t' || s.isBreak()) {
			switch {
			case s.src[s.i] == '\t' && leading:
				return false
			case s.isBreak():
				s.lineBreak()
				leading = true
			default:
				s.advance()
			}
		}
		if len(s.flow) == 0 && s.col < indent {
			break
		}
	}
	if leading {
		s.allowed = true
	}
	return true
}

// blockScalar skips a literal (|) or folded (>) scalar.
func (s *nodeScanner) blockScalar() bool {
	s.keyAt = -1
	s.allowed = true
	parent := s.indents[len(s.indents)-1]
	s.advance()
	if c := s.at(s.i); c == '+' || c == '-' {
		s.advance()
	}
	if c := s.at(s.i); c >= '0' && c <= '9' {
		return false
	}
	for s.at(s.i) == ' ' {
		s.advance()
	}
	if s.at(s.i) == '#' {
		for s.i < len(s.src) && !s.isBreak() {
			s.advance()
		}
	}
	if s.i >= len(s.src) {
		return true
	}
	if !s.isBreak() || parent < 0 {
		return false
	}
	s.lineBreak()
	// Leading blank lines and the first line with text set the indentation.
	indent := 0
	for {
		for s.at(s.i) == ' ' {
			s.advance()
		}
		indent = max(indent, s.col)
		if s.at(s.i) == '\t' {
			return false
		}
		if !s.isBreak() {
			break
		}
		s.lineBreak()
	}
	indent = max(indent, parent+1)
	for s.col == indent && s.i < len(s.src) {
		for s.i < len(s.src) && !s.isBreak() {
			s.advance()
		}
		if s.i >= len(s.src) {
			break
		}
		s.lineBreak()
		for {
			for s.col < indent && s.at(s.i) == ' ' {
				s.advance()
			}
			if s.col < indent && s.at(s.i) == '\t' {
				return false
			}
			if !s.isBreak() {
				break
			}
			s.lineBreak()
		}
	}
	return true
}
