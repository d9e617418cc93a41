package xlsxout

import (
	"bytes"
	"math"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

func TestCellText(t *testing.T) {
	a := func(n int) string { return strings.Repeat("a", n) }
	room := MaxText - UTF16Len(MsgCut) // 32,761
	for _, c := range []struct{ name, in, want string }{
		{"plain", "按计划推进", "按计划推进"},
		{"tab and line breaks kept", "甲\t乙\r\n丙", "甲\t乙\r\n丙"},
		{"control characters dropped", "坏日期\x01\x08\x1f！\uFFFE", "坏日期！"},
		{"invalid UTF-8 dropped", "甲\xff\xfe乙", "甲乙"},
		{"escape-like text kept as it is (excelize escapes it)", "_x0001_", "_x0001_"},
		{"exactly the limit", a(MaxText), a(MaxText)},
		{"one over", a(MaxText + 1), a(room) + MsgCut},
		// 😀 takes two UTF-16 units: it does not fit in the last unit, and is not split.
		{"emoji at the cut", a(room-1) + "😀" + a(10), a(room-1) + MsgCut},
		{"emoji before the cut", a(room-2) + "😀" + a(10), a(room-2) + "😀" + MsgCut},
		{"CJK", strings.Repeat("进", MaxText+5), strings.Repeat("进", room) + MsgCut},
	} {
		got := CellText(c.in)
		if got != c.want {
			t.Errorf("%s: got %d units ending %q, want %d units ending %q", c.name,
				UTF16Len(got), tail(got), UTF16Len(c.want), tail(c.want))
		}
		if !utf8.ValidString(got) || UTF16Len(got) > MaxText {
			t.Errorf("%s: %d units, valid UTF-8 %v", c.name, UTF16Len(got), utf8.ValidString(got))
		}
	}
}

func tail(s string) string {
	r := []rune(s)
	return string(r[max(len(r)-8, 0):])
}

func TestCellNumber(t *testing.T) {
	for _, c := range []struct {
		in   float64
		want any
	}{
		{0.5, 0.5}, {math.NaN(), "NaN"}, {math.Inf(1), "+Inf"}, {math.Inf(-1), "-Inf"},
	} {
		if got := CellNumber(c.in); got != c.want {
			t.Errorf("CellNumber(%v) = %#v, want %#v", c.in, got, c.want)
		}
	}
}

// Values that would make Excel repair a workbook, written through a table: a rate that is
// NaN, a number that is infinite, a text over 32,767 characters ending in an emoji, control
// characters in a title, a value and a note. The workbook is valid and says what it holds.
func TestTableHostileValues(t *testing.T) {
	room := MaxText - UTF16Len(MsgCut)
	long := strings.Repeat("落", room-1) + "😀" + strings.Repeat("尾", 10) // cut where 😀 begins
	tbl := &Table{
		Name: "清单", Titles: []string{"督查\x0b清单"},
		Cols: []Column{{Label: "事项\x01", Kind: KindWrap}, {Label: "完成率", Kind: KindRate}, {Label: "数", Kind: KindInt}},
		N:    2,
		Row: func(i int, v []any) Tone {
			if i == 0 {
				v[0], v[1], v[2] = long, Rate(math.NaN()), math.Inf(1)
			} else {
				v[0], v[1], v[2] = Marked{Text: "逾期\x07", Tone: Red}, Rate(0.25), math.Inf(-1)
			}
			return None
		},
		Notes: []string{"注：\x00含控制字符"},
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := WriteBook(f, []*Table{tbl}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	g, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	want := map[string]string{
		"A1": "督查清单", "A2": "事项", "A3": strings.Repeat("落", room-1) + MsgCut,
		"B3": "NaN", "C3": "+Inf", "A4": "逾期", "B4": "25.0%", "C4": "-Inf", "A6": "注：含控制字符",
	}
	for cell, w := range want {
		if got, err := g.GetCellValue("清单", cell); err != nil || got != w {
			t.Errorf("%s = %q (%v), want %q", cell, tail(got), err, tail(w))
		}
	}
	validate(t, data)
}
