package books

import (
	"bytes"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
	"github.com/duban/duban/templates"
	"github.com/xuri/excelize/v2"
)

func builtin(t *testing.T) *sheets.Dict {
	t.Helper()
	d, err := sheets.ParseDict(templates.Dictionary)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func openForm(t *testing.T, d *sheets.Dict, unit string, rows []sheets.RawRow) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := Form(&buf, d, unit, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func cell(t *testing.T, f *excelize.File, sheet, ref string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, ref)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestBlankForm(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	f := openForm(t, d, "", nil)

	if got, want := f.GetSheetList(), []string{SheetGuide, SheetForm, SheetSuggestions, SheetOptions}; !slices.Equal(got, want) {
		t.Fatalf("sheets = %v, want %v", got, want)
	}
	if f.GetSheetName(f.GetActiveSheetIndex()) != SheetForm {
		t.Errorf("active sheet = %s, want %s", f.GetSheetName(f.GetActiveSheetIndex()), SheetForm)
	}
	if v, _ := f.GetSheetVisible(SheetOptions); v {
		t.Errorf("%s is visible, want hidden", SheetOptions)
	}
	rows, err := f.GetRows(SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"序号", "编号", "类别", "会议", "会议日期", "事项内容", "牵头单位", "配合单位",
		"责任领导", "完成时限", "落实状态", "完成日期", "进展情况", "备注"}
	if !slices.Equal(rows[HeaderRow-1], want) {
		t.Errorf("header = %v\nwant %v", rows[HeaderRow-1], want)
	}
	if len(rows) != HeaderRow {
		t.Errorf("a blank form has %d rows with values, want only the %d title and header rows", len(rows), HeaderRow)
	}
	if got := cell(t, f, SheetForm, "A1"); got != "督查事项落实台账" {
		t.Errorf("title = %q", got)
	}

	// Drop-downs reference the hidden list sheet, not an inline list.
	dvs, err := f.GetDataValidations(SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	bySqref := map[string]*excelize.DataValidation{}
	for _, dv := range dvs {
		bySqref[dv.Sqref] = dv
	}
	for sqref, formula := range map[string]string{
		"C4:C303": "'选项'!$A$2:$A$10",
		"K4:K303": "'选项'!$B$2:$B$4",
	} {
		dv := bySqref[sqref]
		if dv == nil {
			t.Errorf("no data validation on %s (have %v)", sqref, bySqref)
			continue
		}
		if dv.Type != "list" || dv.Formula1 != formula {
			t.Errorf("%s: type %q formula %q, want list %q", sqref, dv.Type, dv.Formula1, formula)
		}
	}
	if dv := bySqref["J4:J303"]; dv == nil || dv.Prompt == nil || !strings.Contains(*dv.Prompt, "2024年6月底前") ||
		!strings.Contains(*dv.Prompt, "长期") || len([]rune(*dv.Prompt)) > 255 {
		t.Errorf("完成时限 input message missing or too long: %+v", dv)
	}
	// The categories of 台账: not the 建议提案, which have a sheet of their own.
	for i, c := range d.Categories[:9] {
		if got := cell(t, f, SheetOptions, "A"+strconv.Itoa(i+2)); got != c.Name {
			t.Errorf("选项!A%d = %q, want %q", i+2, got, c.Name)
		}
	}
	if got := cell(t, f, SheetOptions, "A11"); got != "" {
		t.Errorf("选项!A11 = %q, want none: 建议 categories are not 台账's", got)
	}
	if got := cell(t, f, SheetOptions, "B2") + cell(t, f, SheetOptions, "B3") + cell(t, f, SheetOptions, "B4"); got != "已落实推进中未启动" {
		t.Errorf("status options = %q", got)
	}

	// Date columns carry a date format.
	for _, ref := range []string{"E4", "J4", "L4", "L303"} {
		id, err := f.GetCellStyle(SheetForm, ref)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		if st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
			t.Errorf("%s: number format %v, want yyyy-mm-dd", ref, st.CustomNumFmt)
		}
	}
	panes, err := f.GetPanes(SheetForm)
	if err != nil || !panes.Freeze || panes.YSplit != HeaderRow {
		t.Errorf("panes = %+v, %v; want the header frozen", panes, err)
	}
	pl, err := f.GetPageLayout(SheetForm)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("page layout = %+v, %v; want A4 landscape", pl, err)
	}
	// 事项内容 (column F) is the widest column, for the longest text.
	content, _ := f.GetColWidth(SheetForm, "F")
	for c := 1; c <= 14; c++ {
		name, _ := excelize.ColumnNumberToName(c)
		if w, _ := f.GetColWidth(SheetForm, name); name != "F" && w >= content {
			t.Errorf("column %s is %v wide, not narrower than 事项内容 (%v)", name, w, content)
		}
	}

	app, _ := f.GetAppProps()
	doc, _ := f.GetDocProps()
	if app.Application != "duban" || doc.Description != "duban-template" {
		t.Errorf("marks: application %q description %q", app.Application, doc.Description)
	}

	// No cell of the guide is a bare column label, so the reader never takes it for a ledger.
	guideRows, _ := f.GetRows(SheetGuide)
	for _, r := range guideRows {
		for _, c := range r {
			if _, ok := d.Column(c); ok {
				t.Errorf("填报说明 has a cell %q that reads as a column label", c)
			}
		}
	}
}

func TestFormForUnit(t *testing.T) {
	t.Parallel()
	f := openForm(t, builtin(t), "市财政局", nil)
	if got := cell(t, f, SheetForm, "A1"); got != "市财政局督查事项落实台账" {
		t.Errorf("title = %q", got)
	}
	if got := cell(t, f, SheetForm, "A2"); got != "填报单位：市财政局" {
		t.Errorf("unit line = %q", got)
	}
}

func TestPrefilledForm(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	var r sheets.RawRow
	r.Vals[sheets.FieldID] = "001"
	r.Vals[sheets.FieldMeeting] = "市政府第五次常务会议"
	r.Vals[sheets.FieldMeetingDate] = "45108" // 2023-07-01 as an Excel serial
	r.Vals[sheets.FieldContent] = "=推进老旧小区改造"
	r.Vals[sheets.FieldLead] = "市住建局"
	r.Vals[sheets.FieldDeadline] = "2023年底前"
	r.Vals[sheets.FieldStatus] = "推进中"
	var r2 sheets.RawRow
	r2.Vals[sheets.FieldCategory] = "市长批示"
	r2.Vals[sheets.FieldContent] = "研究停车难问题"
	r2.Vals[sheets.FieldDeadline] = "2023-09-30"
	r2.UnitFromFile = "市住建局"

	f := openForm(t, d, "市住建局", []sheets.RawRow{r, r2})
	rows, err := f.GetRows(SheetForm, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	got := [][]string{rows[3], rows[4]}
	want := [][]string{
		{"1", "001", "市政府常务会议", "市政府第五次常务会议", "45108", "=推进老旧小区改造", "市住建局", "", "", "2023年底前"},
		{"2", "", "市长批示件", "", "", "研究停车难问题", "市住建局", "", "", "45199"},
	}
	for i := range want {
		if !slices.Equal(got[i], want[i]) {
			t.Errorf("row %d = %q\nwant %q", i+4, got[i], want[i])
		}
	}
	if fm, _ := f.GetCellFormula(SheetForm, "F4"); fm != "" {
		t.Errorf("text that looks like a formula became formula %q", fm)
	}
	if dvs, _ := f.GetDataValidations(SheetForm); len(dvs) == 0 || !strings.HasSuffix(dvs[0].Sqref, "105") {
		t.Errorf("validations should cover the items and %d spare rows: %+v", spareRows, dvs[0])
	}
}

// A configured dictionary with long words for 无明确时限 must not push the 完成时限 input
// message past Excel's 255 characters: the words that do not fit are left out, and the
// sentence stays whole. The 填报说明 still names the first three words.
func TestDeadlinePromptLimit(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	long := strings.Repeat("长", 200)
	d.NoDeadline = []string{"长期", long, "持续推进", strings.Repeat("久", 190), "常态化"}
	f := openForm(t, d, "", nil)
	dvs, err := f.GetDataValidations(SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	var prompt string
	for _, dv := range dvs {
		if dv.Sqref == "J4:J303" && dv.Prompt != nil {
			prompt = *dv.Prompt
		}
	}
	want := "可写：2024-06-30、2024年6月30日、2024年6月底前、2024年底前、2024年上半年、三季度末。" +
		"没有明确时限的写“长期”“持续推进”“常态化”等。"
	if prompt != want {
		t.Errorf("完成时限 prompt (%d characters) = %q, want %q", len([]rune(prompt)), prompt, want)
	}
	guide := cell(t, f, SheetGuide, "A6")
	if !strings.Contains(guide, "“长期”“"+long+"”“持续推进”等") {
		t.Errorf("填报说明 line 5 = %q, want the first three words", guide)
	}

	// Words that fit are all kept: with three of 60 characters the hint is 253.
	d.NoDeadline = []string{strings.Repeat("甲", 60), strings.Repeat("乙", 60), strings.Repeat("丙", 60)}
	if got := deadlineInput(d); got != deadlinePrompt(d) || len([]rune(got)) > 255 {
		t.Errorf("deadlineInput = %d characters %q, want the whole hint", len([]rune(got)), got)
	}
	d.NoDeadline = []string{strings.Repeat("甲", 60), strings.Repeat("乙", 60), strings.Repeat("丙", 70)}
	if got := deadlineInput(d); strings.Contains(got, "丙") || !strings.Contains(got, "乙”等。") {
		t.Errorf("deadlineInput = %q, want 丙… left out", got)
	}
}

// The dictionary's 制表单位 is named under the title, in the guide and in the document
// properties of the blank and the pre-filled form; without one, the form names none.
func TestFormOffice(t *testing.T) {
	t.Parallel()
	const office = "x市人民政府办公室"
	var item sheets.RawRow
	item.Vals[sheets.FieldMeeting] = "市政府第五次常务会议"
	item.Vals[sheets.FieldLead] = "市住建局"
	for _, c := range []struct {
		name, office, unit string
		rows               []sheets.RawRow
		line               string   // 台账!A2
		guide              []string // 填报说明!A1…
	}{
		{"blank", office, "", nil, formHintLine + "　　制表单位：x市人民政府办公室",
			[]string{"督查事项落实台账填报说明", "制表单位：x市人民政府办公室", "1. 在“台账”工作表中每个事项填一行。请不要修改、删除表头，不要合并单元格，不要在表中插入空列。"}},
		{"prefilled", office, "市住建局", []sheets.RawRow{item}, "填报单位：市住建局　　制表单位：x市人民政府办公室",
			[]string{"督查事项落实台账填报说明", "填报单位：市住建局", "制表单位：x市人民政府办公室", formLayout("市住建局", "", 1).intro[0]}},
		{"blank, no office", "", "", nil, formHintLine,
			[]string{"督查事项落实台账填报说明", "1. 在“台账”工作表中每个事项填一行。请不要修改、删除表头，不要合并单元格，不要在表中插入空列。"}},
		{"prefilled, no office", "", "市住建局", []sheets.RawRow{item}, "填报单位：市住建局",
			[]string{"督查事项落实台账填报说明", "填报单位：市住建局", formLayout("市住建局", "", 1).intro[0]}},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := builtin(t)
			d.Office = c.office
			f := openForm(t, d, c.unit, c.rows)
			if got := cell(t, f, SheetForm, "A2"); got != c.line {
				t.Errorf("台账!A2 = %q, want %q", got, c.line)
			}
			for i, want := range c.guide {
				if got := cell(t, f, SheetGuide, "A"+strconv.Itoa(i+1)); got != want {
					t.Errorf("填报说明!A%d = %q, want %q", i+1, got, want)
				}
			}
			app, err := f.GetAppProps()
			if err != nil {
				t.Fatal(err)
			}
			doc, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if app.Company != c.office || (c.office != "" && doc.Creator != c.office) || app.Application != "duban" || doc.Description != "duban-template" {
				t.Errorf("company %q creator %q application %q description %q; want the office %q and the form's marks",
					app.Company, doc.Creator, app.Application, doc.Description, c.office)
			}
			if c.office == "" {
				rows, _ := f.GetRows(SheetGuide)
				for _, r := range rows {
					for _, v := range r {
						if strings.Contains(v, "制表单位") {
							t.Errorf("填报说明 names a 制表单位 the dictionary does not set: %q", v)
						}
					}
				}
			}
		})
	}
}

// A pre-filled form is read on paper, on A4 as every unit prints (SPEC §7): 会议 and 牵头单位
// as wide as their names, so that no name wraps; too wide then for one page at a readable
// size, it prints in parts that repeat 序号 to 事项内容. The blank form prints one page wide
// (TestBlankForm).
func TestPrefilledFormPrint(t *testing.T) {
	t.Parallel()
	var item sheets.RawRow
	item.Vals[sheets.FieldMeeting] = "市长专题会议第32次" // 18 wide
	item.Vals[sheets.FieldLead] = "市住建局"
	var short sheets.RawRow
	short.Vals[sheets.FieldCategory] = "市长批示"
	short.Vals[sheets.FieldContent] = "研究停车难问题"
	item.Vals[sheets.FieldContent] = strings.Repeat("推进老旧小区改造", 4) // 64 wide: three lines
	f := openForm(t, builtin(t), "市住建局", []sheets.RawRow{item, short})
	pl, err := f.GetPageLayout(SheetForm)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 ||
		pl.AdjustTo == nil || *pl.AdjustTo < 60 {
		t.Errorf("page layout = %+v, %v; want A4 landscape in parts at 60%% or more", pl, err)
	}
	var titles string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == SheetForm {
			titles = d.RefersTo
		}
	}
	if want := fmt.Sprintf("'%s'!$A:$F,'%s'!$%d:$%d", SheetForm, SheetForm, HeaderRow, HeaderRow); titles != want {
		t.Errorf("print titles %q, want %q", titles, want)
	}
	if w, _ := f.GetColWidth(SheetForm, col(sheets.FieldMeeting)); w < float64(zhtext.Width("市长专题会议第32次")+1) {
		t.Errorf("会议 is %v wide: 市长专题会议第32次 wraps", w)
	}
	content, _ := f.GetColWidth(SheetForm, col(sheets.FieldContent))
	if h, err := f.GetRowHeight(SheetForm, HeaderRow+1); err != nil || h != xlsxout.RowHeight(xlsxout.WrappedLines(item.Vals[sheets.FieldContent], content)) || h == xlsxout.RowHeight(1) {
		t.Errorf("row %d is %v high (%v), want the lines of 事项内容", HeaderRow+1, h, err)
	}
	if h, err := f.GetRowHeight(SheetForm, HeaderRow+2); err != nil || h > xlsxout.RowHeight(1) {
		t.Errorf("row %d is %v high (%v), want the default for one line", HeaderRow+2, h, err)
	}
}

// The 建议提案 sheet (SPEC §9.5) of a unit's form: the columns a 建议提案 system exports, as the
// reader knows them, with drop-downs for 类别, 办理结果 and 满意度; none when the dictionary has
// no category of the kind 建议.
func TestFormSuggestions(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	f := openForm(t, d, "市教育局", nil)
	rows, err := f.GetRows(SheetSuggestions)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"序号", "编号", "类别", "事项内容", "领衔人", "牵头单位", "配合单位", "交办日期", "完成时限", "办理结果", "答复日期", "满意度", "备注"}
	if len(rows) != HeaderRow || !slices.Equal(rows[HeaderRow-1], want) {
		t.Fatalf("建议提案 rows = %v\nwant the title lines and the header %v", rows, want)
	}
	if rows[0][0] != "市教育局人大代表建议和政协委员提案办理情况台账" {
		t.Errorf("title = %q", rows[0][0])
	}
	for _, label := range want[1:] {
		if label == "交办日期" {
			label = "会议日期"
		}
		if _, ok := d.Column(label); !ok {
			t.Errorf("header %q is not a column the reader knows", label)
		}
	}
	dvs, err := f.GetDataValidations(SheetSuggestions)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, dv := range dvs {
		got[dv.Sqref] = dv.Formula1
	}
	for sqref, formula := range map[string]string{
		"C4:C303": "'选项'!$C$2:$C$3", // 人大代表建议, 政协委员提案
		"J4:J303": "'选项'!$D$2:$D$5", // A类 … D类
		"L4:L303": "'选项'!$E$2:$E$4", // 满意, 基本满意, 不满意
	} {
		if got[sqref] != formula {
			t.Errorf("%s: drop-down %q, want %q", sqref, got[sqref], formula)
		}
	}
	var opts []string
	for _, ref := range []string{"C2", "C3", "D2", "D5", "E2", "E4"} {
		opts = append(opts, cell(t, f, SheetOptions, ref))
	}
	if s := strings.Join(opts, " "); s != "人大代表建议 政协委员提案 A类 D类 满意 不满意" {
		t.Errorf("options = %s", s)
	}

	// A county whose dictionary has no 建议 categories gets no such sheet.
	text, err := os.ReadFile("../templates/dictionary.txt")
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.Split(string(text), "\n") {
		if !strings.Contains(l, "\t建议\t") {
			kept = append(kept, l)
		}
	}
	plain, err := sheets.ParseDict(strings.Join(kept, "\n"))
	if err != nil {
		t.Fatal(err)
	}
	if got := openForm(t, plain, "市教育局", nil).GetSheetList(); slices.Contains(got, SheetSuggestions) {
		t.Errorf("sheets = %v: a 建议提案 sheet without 建议 categories", got)
	}
}

// The line under the 建议提案 sheet's title (填报单位 and the hint) is merged across the table;
// a long unit name wraps it, and the row is as tall as its lines, or the printed form cuts it.
func TestFormSuggestionsLineHeight(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	short := openForm(t, d, "市财政局", nil)
	if h, err := short.GetRowHeight(SheetSuggestions, 2); err != nil || h != 20 {
		t.Errorf("short unit: row 2 height = %v, %v; want 20 (one line)", h, err)
	}
	unit := "某某自治州人民政府发展和改革委员会驻北京联络处经济协作办公室"
	f := openForm(t, d, unit, nil)
	line := cell(t, f, SheetSuggestions, "A2")
	if !strings.HasPrefix(line, "填报单位："+unit) {
		t.Fatalf("row 2 = %q", line)
	}
	n := xlsxout.WrappedLines(line, 149) // the widths of the 13 columns
	if h, err := f.GetRowHeight(SheetSuggestions, 2); err != nil || n < 2 || h != xlsxout.RowHeight(n) {
		t.Errorf("long unit: row 2 height = %v, %v; want %v for %d lines", h, err, xlsxout.RowHeight(n), n)
	}
}
