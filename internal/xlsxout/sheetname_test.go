package xlsxout

import (
	"maps"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

func TestSafeSheetName(t *testing.T) {
	long := strings.Repeat("市政府常务会议议定事项落实情况", 4) // 60 characters
	for _, c := range []struct {
		name  string
		taken []string
		want  string
	}{
		{"台账", nil, "台账"},
		{"台账", []string{"台账"}, "台账(2)"},
		{"Data", []string{"data", "data(2)"}, "Data(3)"},
		{"History", nil, "History(2)"},
		{"history", nil, "history(2)"},
		{"", nil, "Sheet"},
		{"", []string{"sheet"}, "Sheet(2)"},
		{"2024:上半年/台账?", nil, "2024_上半年_台账_"},
		{"'台账'", nil, "台账"},
		{"台\x01账", nil, "台_账"},
		{long, nil, string([]rune(long)[:31])},
		{long, []string{string([]rune(long)[:31])}, string([]rune(long)[:28]) + "(2)"},
		{strings.Repeat("a", 30) + "😀", nil, strings.Repeat("a", 30)},         // 😀 takes two units: not split
		{"'" + strings.Repeat("b", 29) + "''x", nil, strings.Repeat("b", 29)}, // cut after the apostrophes, which then end it
	} {
		taken := map[string]bool{}
		for _, s := range c.taken {
			taken[SheetKey(s)] = true
		}
		got := SafeSheetName(c.name, taken)
		if got != c.want || !ValidSheetName(got) || taken[SheetKey(got)] {
			t.Errorf("SafeSheetName(%q, %v) = %q (valid %v), want %q", c.name, c.taken, got, ValidSheetName(got), c.want)
		}
	}
}

func TestSafeSheetNames(t *testing.T) {
	got := SafeSheetNames([]string{"History", "History(2)", "", "台账", "台账", "DATA", "data", "说明"})
	want := map[string]string{"History": "History(3)", "": "Sheet", "data": "data(2)"}
	if !maps.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

// A ledger whose sheet is named History, or has no name: renamed as SafeSheetNames says, the
// copy is valid and the sheet's cells are where they were.
func TestSafeSheetNamesCopy(t *testing.T) {
	for name, want := range map[string]string{"History": "History(2)", "": "Sheet"} {
		data, err := hostile.WithSheetName(name, ledger)
		if err != nil {
			t.Fatal(err)
		}
		notes := []Note{{Sheet: want, Cell: "D4", Text: "错误：完成时限无法识别"}}
		out := annotate(t, data, func(f *excelize.File) {
			renamed := SafeSheetNames(f.GetSheetList())
			if renamed[name] != want {
				t.Fatalf("%q renamed %q, want %q", name, renamed[name], want)
			}
			if err := f.SetSheetName(name, want); err != nil {
				t.Fatal(err)
			}
		}, notes)
		g, err := excelize.OpenReader(strings.NewReader(string(out)))
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := g.GetCellValue(want, "D4"); v != "2024-02-30" {
			t.Errorf("%q: D4 = %q", want, v)
		}
		g.Close()
		validate(t, out)
	}
}
