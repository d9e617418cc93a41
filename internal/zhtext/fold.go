package zhtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Normalize folds a header or dictionary word for matching: full-width ASCII becomes
// half-width, and spaces (the ideographic space too), line breaks, other control and
// zero-width characters, and '*' (a header's "required" mark) go. Letters keep their case and
// punctuation stays, so 完成时限* and 完成 时限 match 完成时限, but 会议（第5次） does not match
// 会议第5次: the dictionary's words are matched as written.
func Normalize(s string) string {
	clean := true
	for _, r := range s {
		if r >= 0x80 && !(r >= 0x4E00 && r <= 0x9FFF) || r <= ' ' || r == '*' {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r == 0x3000 {
			continue
		}
		r = narrow(r)
		if unicode.IsSpace(r) || r == '*' || unicode.IsControl(r) || r == 0xFEFF || r == 0x200B {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Fold folds free text for identity comparison, more loosely than Normalize: it also drops
// punctuation and symbols (Unicode P* and S*, so ，。、（）〔〕“”《》 too) and invalid bytes, and
// lower-cases letters. 第5次常务会议 and “第５次 常务会议。” fold alike. Fold(Normalize(s)) is
// Fold(s), and Fold(Fold(s)) is Fold(s) for valid UTF-8.
func Fold(s string) string {
	clean := true
	for _, r := range s {
		if !(r >= 0x4E00 && r <= 0x9FFF || r >= '0' && r <= '9' || r >= 'a' && r <= 'z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = narrow(r)
		if r >= 0x4E00 && r <= 0x9FFF || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' {
			b.WriteRune(r) // most of a text, kept as it is: no table to look it up in
			continue
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
			unicode.IsPunct(r) || unicode.IsSymbol(r) || r == utf8.RuneError {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// narrow maps the full-width form of an ASCII character (Ａ, ５, （, U+FF01–U+FF5E) to the
// character, as golang.org/x/text/width's Narrow does for that block, and returns any other
// rune unchanged. It is the one conversion every parser here applies, rune by rune.
func narrow(r rune) rune {
	if r >= 0xFF01 && r <= 0xFF5E {
		return r - 0xFEE0
	}
	return r
}

// Width returns the display width of s in half-width columns, as a spreadsheet shows it in a
// CJK font: the width of its widest line, with Chinese characters, full-width forms and
// Chinese quotation marks (‘’“”) counting 2 and everything else 1.
func Width(s string) int {
	widest, w := 0, 0
	for _, r := range s {
		switch {
		case r == '\n':
			widest, w = max(widest, w), 0
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return max(widest, w)
}

// isWide reports whether r takes two columns: East Asian wide and full-width characters, and
// the Chinese quotation marks, which are wide in CJK fonts.
func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x2018 && r <= 0x201D,
		r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}
