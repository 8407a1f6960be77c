package ui

import (
	"regexp"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	"github.com/charmbracelet/x/ansi"
	"github.com/mattn/go-runewidth"
)

// AmbiguousWide reports whether a terminal run with the environment that
// getenv reads draws characters of ambiguous East Asian width (box
// drawing, arrows, … · “ ” ×) two columns wide, decided as go-runewidth
// decides it: RUNEWIDTH_EASTASIAN when it is set (on when true, off
// otherwise), else the locale in LC_ALL, LC_CTYPE or LANG, which counts
// when it is Chinese, Japanese or Korean.
//
// Lip Gloss measures such characters one column wide, and reads
// RUNEWIDTH_EASTASIAN once for the whole process; a dashboard in ASCII
// mode draws none of them, so its layout holds in either kind of
// terminal, and the choice can differ between the sessions of a server.
func AmbiguousWide(getenv func(string) string) bool {
	if v := getenv("RUNEWIDTH_EASTASIAN"); v != "" {
		on, err := strconv.ParseBool(v)
		return err == nil && on
	}
	loc := getenv("LC_ALL")
	if loc == "" {
		loc = getenv("LC_CTYPE")
	}
	if loc == "" {
		loc = getenv("LANG")
	}
	return eastAsianLocale(loc)
}

// localeRE splits a locale such as zh_CN.UTF-8 into its charset.
var localeRE = regexp.MustCompile(`^[a-z][a-z][a-z]?(?:_[A-Z][A-Z])?\.(.+)`)

// eastAsianLocale is go-runewidth's rule (v0.0.25, runewidth_posix.go): a
// multibyte charset, in a CJK language when the charset is Unicode, and
// not marked @cjk_narrow.
func eastAsianLocale(loc string) bool {
	if loc == "" || loc == "POSIX" || loc == "C" || (len(loc) > 1 && loc[0] == 'C' && (loc[1] == '.' || loc[1] == '-')) {
		return false
	}
	charset := strings.ToLower(loc)
	if r := localeRE.FindStringSubmatch(loc); len(r) == 2 {
		charset = strings.ToLower(r[1])
	}
	if strings.HasSuffix(charset, "@cjk_narrow") {
		return false
	}
	charset, _, _ = strings.Cut(charset, "@")
	switch charset {
	case "utf-8", "utf8":
		return strings.HasPrefix(loc, "ja") || strings.HasPrefix(loc, "ko") || strings.HasPrefix(loc, "zh")
	case "jis", "eucjp", "euckr", "euccn", "sjis", "cp932", "cp51932", "cp936", "cp949", "cp950", "big5", "gbk", "gb2312":
		return true
	}
	return false
}

// asciiKeys rewrites the arrows in bindings' help keys as words, for
// ASCII mode, where folding would turn ⇧tab into ^tab, which reads as
// ctrl+tab.
func asciiKeys(bs []key.Binding) []key.Binding {
	r := strings.NewReplacer("⇧tab", "shift+tab", "→", "right", "←", "left", "↑", "up", "↓", "down")
	out := make([]key.Binding, len(bs))
	for i, b := range bs {
		h := b.Help()
		b.SetHelp(r.Replace(h.Key), h.Desc)
		out[i] = b
	}
	return out
}

// foldASCII replaces every character a drawn screen has beyond ASCII by
// ASCII, except wide ones (Chinese text and its punctuation, which every
// terminal draws two columns wide), so that the screen's layout, measured
// by Lip Gloss, holds in every terminal and no glyph is left that a
// terminal's font may lack. Borders and marks are drawn in ASCII already
// in ASCII mode; this catches what remains: characters of ambiguous East
// Asian width, such as chart axes and the data's own text (“quotes”,
// pinyin, ×), and narrow ones, such as the bars' ░, the verdicts' ✓ and
// ✗ and the braille of sparklines. A character takes as many ASCII
// columns as Lip Gloss gave it: one, or two for one of ambiguous width
// when RUNEWIDTH_EASTASIAN was set for the whole process; one of no width
// (a combining accent, a joiner) is dropped. Escape sequences are ASCII,
// and left alone.
func foldASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r < 0x80 {
			b.WriteRune(r)
			continue
		}
		w := ansi.StringWidth(string(r))
		if w == 2 && !runewidth.IsAmbiguousWidth(r) {
			b.WriteRune(r) // wide
			continue
		}
		if w == 0 {
			continue
		}
		c := asciiFor(r)
		b.WriteRune(c)
		for range w - 1 {
			if strings.ContainsRune("-_=.", c) {
				b.WriteRune(c) // a rule stays a rule
			} else {
				b.WriteByte(' ')
			}
		}
	}
	return b.String()
}

// asciiFor is the ASCII stand-in for a character of ambiguous width.
func asciiFor(r rune) rune {
	switch {
	case r >= 0x2500 && r <= 0x257F: // box drawing
		switch r {
		case 0x2500, 0x2501, 0x2504, 0x2505, 0x2508, 0x2509, 0x254C, 0x254D, 0x2550, 0x2574, 0x2576, 0x2578, 0x257A, 0x257C, 0x257E:
			return '-'
		case 0x2502, 0x2503, 0x2506, 0x2507, 0x250A, 0x250B, 0x254E, 0x254F, 0x2551, 0x2575, 0x2577, 0x2579, 0x257B, 0x257D, 0x257F:
			return '|'
		case 0x2571:
			return '/'
		case 0x2572:
			return '\\'
		}
		return '+'
	case r >= 0x2070 && r <= 0x2079: // superscript digits
		return '0' + (r - 0x2070)
	case r >= 0x2800 && r <= 0x28FF: // braille
		return brailleASCII(r)
	}
	if c, ok := tableASCII(r); ok {
		return c
	}
	if c, ok := latinBase(r); ok {
		return c
	}
	return '?'
}

// asciiFrom and asciiTo pair the other characters beyond ASCII the
// dashboard and its data use, rune for rune, with their stand-ins.
const (
	asciiFrom = "▁▂▃▄▅▆▇█▀▌▐░▒▓■□▪▲△▼▽▶◀▸▹◂▾●○◆◇★☆◎←→↑↓↔⇧⇒⇔•·‧…‥—–―‐‘’“”′″°±×÷‰¹²³§¶¤¨´¸¬®¯※√∞≈≠≤≥∶∑ⅠⅤⅩ✓✔✗✘"
	asciiTo   = "__.--==#\"||.:##o#^^vv><>><v*o*o**o<>^v-^>=*....----''\"\"'\"o+x/%123SP$\"',-R-*v8~#<>:EIVXvvxx"
)

// brailleASCII stands in for a braille cell by how many of its four rows
// have a dot: the sparklines fill their cells from the bottom, ⣀ ⣤ ⣶ ⣿
// becoming _ - = #.
func brailleASCII(r rune) rune {
	rows := 0
	for _, mask := range []rune{0x09, 0x12, 0x24, 0xC0} {
		if (r-0x2800)&mask != 0 {
			rows++
		}
	}
	return rune(" _-=#"[rows])
}

// tableASCII looks r up in asciiFrom.
func tableASCII(r rune) (rune, bool) {
	i := 0
	for _, f := range asciiFrom {
		if f == r {
			return rune(asciiTo[i]), true
		}
		i++
	}
	return 0, false
}

// latinBase strips the accent from a Latin letter of ambiguous width, as
// in pinyin (ū, ǜ) or Latin-1 (é, ö).
func latinBase(r rune) (rune, bool) {
	const groups = "aàáâãäåāăǎ eèéêëēĕěę iìíîïīĭǐ oòóôõöøōŏǒ uùúûüūŭǔǖǘǚǜ nñń cç yýÿ AÀÁÂÃÄÅĀǍ EÈÉÊËĒĚ IÌÍÎÏĪǏ OÒÓÔÕÖØŌǑ UÙÚÛÜŪǓǕǗǙǛ NÑ CÇ"
	for _, g := range strings.Fields(groups) {
		if strings.ContainsRune(g[1:], r) {
			return rune(g[0]), true
		}
	}
	return 0, false
}
