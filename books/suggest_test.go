package books

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// 汇总 with 建议提案 (SPEC §9.5): their own table below the supervised items' — 类别 | 件数 |
// 已办复 | 办复率 | A类 | B类 | C类 | D类 | 满意 | 基本满意 | 不满意 | 满意率 — with 合计 for two
// categories, rates as numbers, 满意率 blank where no answer has a 满意度; the supervised table
// and its 合计 unchanged; 事项明细 with a column 办理结果 after 预警.
func TestWriteSuggestions(t *testing.T) {
	t.Parallel()
	r := testReport()
	r.Items = append(r.Items, sheets.Item{
		ID: "第23号", Category: "政协委员提案", Kind: sheets.KindSuggestion, MeetingName: "政协委员提案",
		Content: "关于优化城区公交线路的提案", Lead: "市交通局", Deadline: ymd(2024, 6, 30), Status: sheets.Done,
		Done: ymd(2024, 5, 30), Replied: ymd(2024, 5, 30), Result: "A类", ResultClass: "A", Satisfaction: sheets.Satisfied,
		Src: sheets.Pos{File: "市交通局.xlsx", Sheet: "提案", Row: 2}, Alert: "正常",
	})
	r.Suggestions = []sheets.SuggestionStats{
		{Name: "人大代表建议", Items: 8, Replied: 3, Classes: [4]int{1, 2, 0, 0}},
		{Name: "政协委员提案", Items: 5, Replied: 4, Classes: [4]int{1, 1, 1, 1}, Satisfied: 2, Unsatisfied: 1},
	}
	r.SuggestionTotal = sheets.SuggestionStats{Name: "合计", Items: 13, Replied: 7, Classes: [4]int{2, 3, 1, 1}, Satisfied: 2, Unsatisfied: 1}
	_, f := writeTest(t, r)

	rows, err := f.GetRows(sheets.SheetSummary, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := slices.IndexFunc(rows, func(row []string) bool { return len(row) > 1 && row[0] == "类别" && row[1] == "件数" })
	if head < 0 {
		t.Fatalf("汇总 has no 建议提案 table:\n%v", rows)
	}
	if got := strings.Join(rows[head], "|"); got != "类别|件数|已办复|办复率|A类|B类|C类|D类|满意|基本满意|不满意|满意率" {
		t.Errorf("header = %s", got)
	}
	if rows[head-1][0] != titleSuggestions {
		t.Errorf("line above the table = %q, want %q", rows[head-1][0], titleSuggestions)
	}
	// Rates are the exact ratios, stored as Excel stores numbers (15 significant digits).
	want := []string{
		"人大代表建议|8|3|0.375|1|2|0|0|0|0|0|",
		"政协委员提案|5|4|0.8|1|1|1|1|2|0|1|0.666666666666666",
		"合计|13|7|0.538461538461538|2|3|1|1|2|0|1|0.666666666666666",
	}
	for i, w := range want {
		row := rows[head+1+i]
		for len(row) < 12 {
			row = append(row, "")
		}
		if got := strings.Join(row, "|"); got != w {
			t.Errorf("row %d = %s, want %s", i+1, got, w)
		}
	}
	if got := rows[head+5][0]; got != noteSuggestions {
		t.Errorf("note = %q", got)
	}
	// The supervised items' 合计 is theirs alone.
	total := slices.IndexFunc(rows, func(row []string) bool { return len(row) > 2 && row[0] == "合计" })
	if total < 0 || rows[total][2] != "4" {
		t.Errorf("督查事项合计 = %v, want 4 items", rows[total])
	}
	style, _ := f.GetCellStyle(sheets.SheetSummary, "D"+strconv.Itoa(head+2))
	if st, _ := f.GetStyle(style); st == nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "0.0%" {
		t.Errorf("办复率 style = %+v, want 0.0%%", st)
	}

	items, err := f.GetRows(sheets.SheetItems)
	if err != nil {
		t.Fatal(err)
	}
	h := slices.IndexFunc(items, func(row []string) bool { return len(row) > 0 && row[0] == "序号" })
	if i := slices.Index(items[h], sheets.LabelResult); i != slices.Index(items[h], "预警")+1 {
		t.Fatalf("事项明细 header = %v: want 办理结果 after 预警", items[h])
	}
	last := items[h+len(r.Items)]
	if last[1] != "第23号" || last[len(last)-1] != "A类" {
		t.Errorf("建议提案 in 事项明细 = %v", last)
	}
}
