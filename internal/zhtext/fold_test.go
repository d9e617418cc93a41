package zhtext

import (
	"testing"

	"golang.org/x/text/width"
)

var foldCases = []struct{ s, want string }{
	{"市政府常务会议（第5次）", "市政府常务会议第5次"},
	{"“第５次 常务会议。”", "第5次常务会议"},
	{"《关于加快建设的报告》、〔2023〕", "关于加快建设的报告2023"},
	{"，。、（）〔〕“”《》【】！？：；…—·", ""},
	{"ABC-def_GHI", "abcdefghi"},
	{"Ａ＊Ｂ", "ab"},
	{"￥100元+5%", "100元5"},
	{"\t 第 5 次\n", "第5次"},
	{"\ufeff第5次\u200b", "第5次"},
	{"already5", "already5"},
	{"", ""},
}

func TestFold(t *testing.T) {
	t.Parallel()
	for _, c := range foldCases {
		if got := Fold(c.s); got != c.want {
			t.Errorf("Fold(%q) = %q; want %q", c.s, got, c.want)
		}
	}
}

func TestNormalize(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"完成\n时限":   "完成时限",
		" 类 别 ":    "类别",
		"*牵头单位":    "牵头单位",
		"＊牵头单位":    "牵头单位",
		"落实　状态":    "落实状态",
		"ＡＢＣ１２３":   "ABC123",
		"事项内容\r\n": "事项内容",
		"会议":       "会议",
	} {
		if got := Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestWidth(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		s    string
		want int
	}{
		{"", 0},
		{"abc", 3},
		{"市政府常务会议ab\n“好”", 16}, // the widest line; Chinese quotes are wide
		{"第５次", 6},
		{"a\nbcd\n", 3},
		{"한글", 4},
		{"𠀀", 2}, // CJK Extension B
		{"\xff", 1},
	} {
		if got := Width(c.s); got != c.want {
			t.Errorf("Width(%q) = %d; want %d", c.s, got, c.want)
		}
	}
}

// TestNarrow checks narrow against golang.org/x/text/width on the full-width block and
// around it.
func TestNarrow(t *testing.T) {
	t.Parallel()
	for r := rune(0xFF00); r <= 0xFF60; r++ {
		want := r
		if r >= 0xFF01 && r <= 0xFF5E {
			want = width.LookupRune(r).Narrow()
		}
		if got := narrow(r); got != want {
			t.Errorf("narrow(%U) = %U; want %U", r, got, want)
		}
	}
	for _, r := range "a5第次〇\u3000" {
		if narrow(r) != r {
			t.Errorf("narrow(%q) = %q; want it unchanged", r, narrow(r))
		}
	}
	if narrow('（') != '(' || narrow('５') != '5' || narrow('Ａ') != 'A' {
		t.Errorf("narrow: full-width forms not folded")
	}
}
