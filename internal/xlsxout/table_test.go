package xlsxout

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// writeBook writes tables into a workbook and opens it again.
func writeBook(t *testing.T, tables []*Table, p Props) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	if err := WriteBook(f, tables); err != nil {
		t.Fatal(err)
	}
	if err := SetProps(f, p); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

func fillColor(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Fill.Color) == 0 {
		return ""
	}
	return st.Fill.Color[0]
}

func TestWriteTable(t *testing.T) {
	day := time.Date(2024, 6, 30, 15, 0, 0, 0, time.FixedZone("CST", 8*3600))
	rows := [][]any{
		{"甲", DateValue(day), Rate(0.5), Marked{Text: "逾期", Tone: Red}},
		{"乙", DateValue(time.Time{}), Rate(1), ""},
	}
	tables := []*Table{{
		Name:   "清单",
		Titles: []string{"督查清单", "制表单位：市政府督查室"},
		Cols: []Column{
			{Label: "名称"}, {Label: "日期", Kind: KindDate}, {Label: "比率", Kind: KindRate},
			{Label: "预警", Kind: KindText, Width: 12},
		},
		N: len(rows),
		Row: func(i int, v []any) Tone {
			copy(v, rows[i])
			return Yellow
		},
		Signal:    1,
		Notes:     []string{"注：示例"},
		Narrative: "一段说明。",
		Paper:     A3,
	}, {
		Name: "单列", Titles: []string{"单列表"}, Cols: []Column{{Label: "写法"}}, Empty: "无",
	}}
	created := time.Date(2024, 12, 20, 9, 30, 0, 0, time.UTC)
	f := writeBook(t, tables, Props{Application: "duban", Creator: "市政府督查室", Title: "清单", Created: created})

	got, err := f.GetRows("清单")
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	for _, r := range got {
		lines = append(lines, strings.Join(r, "|"))
	}
	want := []string{
		"督查清单", "制表单位：市政府督查室", "名称|日期|比率|预警",
		"甲|2024-06-30|50.0%|逾期", "乙||100.0%", "", "注：示例", "", "一段说明。",
	}
	if !slices.Equal(lines, want) {
		t.Errorf("rows:\n%s\nwant:\n%s", strings.Join(lines, "\n"), strings.Join(want, "\n"))
	}
	if v, _ := f.GetCellValue("清单", "B4", excelize.Options{RawCellValue: true}); v != "45473" {
		t.Errorf("B4 = %s, want the serial 45473 of 2024-06-30 (wall-clock day)", v)
	}
	// The row's tone colours only the signal column; a Marked value keeps its own.
	for cell, color := range map[string]string{"A4": yellowFill, "B4": "", "C4": "", "D4": redFill, "A5": yellowFill, "D5": ""} {
		if got := fillColor(t, f, "清单", cell); got != color {
			t.Errorf("%s fill = %q, want %q", cell, got, color)
		}
	}
	ms, _ := f.GetMergeCells("清单")
	var merges []string
	for _, m := range ms {
		merges = append(merges, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	slices.Sort(merges)
	if want := []string{"A1:D1", "A2:D2", "A9:D9"}; !slices.Equal(merges, want) {
		t.Errorf("merges = %v, want %v", merges, want)
	}
	if w, _ := f.GetColWidth("清单", "D"); w != 12 {
		t.Errorf("D width = %v, want the fixed 12", w)
	}
	if w, _ := f.GetColWidth("清单", "A"); w != minWidth {
		t.Errorf("A width = %v, want %d", w, minWidth)
	}
	pl, err := f.GetPageLayout("清单")
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Size != 8 || *pl.Orientation != "landscape" || *pl.FitToWidth != 1 || *pl.FitToHeight != 0 {
		t.Errorf("page layout = size %d %s %d×%d, want A3 (8) landscape one page wide",
			*pl.Size, *pl.Orientation, *pl.FitToWidth, *pl.FitToHeight)
	}
	var names []string
	for _, n := range f.GetDefinedName() {
		names = append(names, n.Scope+" "+n.Name+" "+n.RefersTo)
	}
	if want := []string{
		"清单 _xlnm._FilterDatabase '清单'!$A$3:$D$5", "清单 _xlnm.Print_Titles '清单'!$3:$3",
		"单列 _xlnm._FilterDatabase '单列'!$A$2:$A$2", "单列 _xlnm.Print_Titles '单列'!$2:$2",
	}; !slices.Equal(names, want) {
		t.Errorf("defined names = %q, want %q", names, want)
	}
	hf, _ := f.GetHeaderFooter("清单")
	if hf == nil || hf.OddFooter != FooterPageOfN {
		t.Errorf("footer = %+v", hf)
	}

	// One column: no one-cell merges; an empty table shows its Empty note.
	if ms, _ := f.GetMergeCells("单列"); len(ms) != 0 {
		t.Errorf("单列 merges = %v, want none", ms)
	}
	if v, _ := f.GetCellValue("单列", "A4"); v != "无" {
		t.Errorf("单列!A4 = %q, want 无", v)
	}

	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	if p.Creator != "市政府督查室" || p.LastModifiedBy != "市政府督查室" || p.Created != "2024-12-20T09:30:00Z" || p.Modified != p.Created {
		t.Errorf("doc props = %+v", p)
	}
}

func TestCap(t *testing.T) {
	defer func(n int) { MaxRows = n }(MaxRows)
	MaxRows = 3
	if n, notes := Cap(3, "项事项"); n != 3 || notes != nil {
		t.Errorf("Cap(3) = %d, %v", n, notes)
	}
	n, notes := Cap(5, "项事项")
	if want := []string{"另有2项事项超出工作表行数上限，未列出；完整列表见命令行输出"}; n != 3 || !slices.Equal(notes, want) {
		t.Errorf("Cap(5) = %d, %v", n, notes)
	}
}
