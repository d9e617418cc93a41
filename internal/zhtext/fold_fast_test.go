package zhtext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// foldSlow is Fold by its definition alone, every rune through the Unicode tables.
func foldSlow(s string) string {
	var b strings.Builder
	for _, r := range s {
		r = narrow(r)
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
			unicode.IsPunct(r) || unicode.IsSymbol(r) || r == utf8.RuneError {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Fold's shortcut for Chinese characters, digits and small letters folds every rune as the
// tables do.
func TestFoldShortcut(t *testing.T) {
	for r := rune(0); r <= 0x10FFFF; r++ {
		s := "，" + string(r) // not clean: the rune goes through Fold's loop
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
	for _, s := range []string{"推进第１２３项工作，按期完成。", "ＡＢＣ abc　第5次", "\xff会议"} {
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Errorf("Fold(%q) = %q, want %q", s, got, want)
		}
	}
}
