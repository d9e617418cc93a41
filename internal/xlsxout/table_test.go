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
	t.Parallel()
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
		Name: "单列", Titles: []string{"表"}, Cols: []Column{{Label: "写法"}}, Empty: "无",
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
	// Not parallel: it lowers the package's MaxRows while it runs.
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

// Lead paragraphs go between the titles and the header, which moves down; a Wide table too
// wide for A4 at a readable size prints on A3, any other stays on A4 (in parts that repeat its
// key columns: FitA4), a narrow one too; the footer is 第X页 共Y页.
func TestLeadAndPaper(t *testing.T) {
	t.Parallel()
	wide := make([]Column, 12)
	for i := range wide {
		wide[i] = Column{Label: "列", Width: 14} // 168 > a4Width
	}
	tables := []*Table{{
		Name: "汇总", Titles: []string{"标题", "统计截止：2024年12月20日"}, Lead: []string{"一段摘要。", "注：一句说明。"},
		Cols: []Column{{Label: "类别"}, {Label: "事项数", Kind: KindInt}}, N: 1,
		Row: func(i int, v []any) Tone { v[0], v[1] = "甲", 3; return None },
	}, {
		Name: "明细", Titles: []string{"明细"}, Cols: wide, Wide: true,
	}, {
		Name: "名单", Titles: []string{"名单"}, Cols: wide, Key: 2,
	}}
	f := writeBook(t, tables, Props{Application: "duban", Company: "示例市人民政府办公室"})
	rows, err := f.GetRows("汇总")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, r := range rows {
		got = append(got, strings.Join(r, "|"))
	}
	want := "标题\n统计截止：2024年12月20日\n一段摘要。\n注：一句说明。\n类别|事项数\n甲|3"
	if strings.Join(got, "\n") != want {
		t.Errorf("汇总 rows:\n%s\nwant\n%s", strings.Join(got, "\n"), want)
	}
	if p, _ := f.GetPanes("汇总"); p.YSplit != 5 {
		t.Errorf("header frozen at %d, want 5", p.YSplit)
	}
	for sheet, size := range map[string]int{"汇总": 9, "明细": 8, "名单": 9} {
		pl, err := f.GetPageLayout(sheet)
		if err != nil || *pl.Size != size {
			t.Errorf("%s paper %v, want %d (%v)", sheet, *pl.Size, size, err)
		}
		hf, _ := f.GetHeaderFooter(sheet)
		if hf.OddFooter != "&C第&P页 共&N页" {
			t.Errorf("%s footer %q", sheet, hf.OddFooter)
		}
	}
	if app, err := f.GetAppProps(); err != nil || app.Company != "示例市人民政府办公室" || app.Application != "duban" {
		t.Errorf("app properties %+v, %v", app, err)
	}
}
