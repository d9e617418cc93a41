package xlsxout

import (
	"strings"
	"testing"
)

func TestTextWidth(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"市政府常务会议ab\n“好”", 16}, // the longest line; Chinese quotes are wide
		{"ＡＢ１", 6},
		{"𠀀", 2},
	} {
		if got := TextWidth(c.s); got != c.want {
			t.Errorf("TextWidth(%q) = %d, want %d", c.s, got, c.want)
		}
	}
}

// Wrapped text gets rows tall enough for its lines (a CJK character is two widths).
func TestWrappedLines(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		text  string
		width float64
		want  int
	}{
		{"", 32, 1},
		{"推进项目", 32, 1},
		{strings.Repeat("推", 15), 32, 1}, // 30 widths in 30.5
		{strings.Repeat("推", 16), 32, 2},
		{strings.Repeat("推", 40), 32, 3},
		{"第一行\n第二行\n第三行", 32, 3},
	} {
		if got := WrappedLines(c.text, c.width); got != c.want {
			t.Errorf("WrappedLines(%q, %v) = %d, want %d", c.text, c.width, got, c.want)
		}
	}
	if got := RowHeight(3); got != 3*14.5+3 {
		t.Errorf("RowHeight(3) = %v", got)
	}
	if got := RowHeight(100); got != 409 {
		t.Errorf("RowHeight(100) = %v, want Excel's tallest row 409", got)
	}
}

func TestUTF16Len(t *testing.T) {
	t.Parallel()
	if got := UTF16Len("a完𠀀"); got != 4 {
		t.Errorf("UTF16Len = %d, want 4", got)
	}
}
