package books

import (
	"slices"
	"strconv"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// fillSuggestions answers every 建议提案 pre-filled on a reminder's sheet of that name, as a unit
// would: only its 答复日期 (the other columns keep what was pre-filled). A reminder without the
// sheet is left alone.
func fillSuggestions(t *testing.T, f *excelize.File, replied string) {
	t.Helper()
	if idx, _ := f.GetSheetIndex(SheetSuggestions); idx < 0 {
		return
	}
	rows, err := f.GetRows(SheetSuggestions)
	must(t, err)
	if len(rows) < HeaderRow {
		t.Fatalf("建议提案 has %d rows", len(rows))
	}
	content := slices.Index(rows[HeaderRow-1], "事项内容")
	answered := slices.Index(rows[HeaderRow-1], "答复日期")
	if content < 0 || answered < 0 {
		t.Fatalf("建议提案 header %q", rows[HeaderRow-1])
	}
	for r := HeaderRow + 1; r <= len(rows); r++ {
		if v, _ := f.GetCellValue(SheetSuggestions, sheets.ColumnName(content+1)+strconv.Itoa(r)); v == "" {
			continue
		}
		must(t, f.SetCellStr(SheetSuggestions, sheets.ColumnName(answered+1)+strconv.Itoa(r), replied))
	}
}

// TestReminderSuggestion: the sample's 市农业农村局 has an overdue 人大代表建议 (第21号, 关于支持农产品
// 冷链物流建设的建议, due 2024-06-30). Its reminder lists it on the 建议提案 sheet as the form lays it
// out, pre-filled with its last values and its 预警 and 逾期天数, and not on 台账, whose
// drop-down offers only the supervision categories. Returned with its 答复日期 filled, the
// next report counts it 已办复 and the 建议提案 table's 合计 keeps its 件数: the reminder's row
// and the 建议提案 ledger's are one item.
func TestReminderSuggestion(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	r := buildSample(t, d)
	const unit, content = "市农业农村局", "关于支持农产品冷链物流建设的建议"
	var rem sheets.Reminder
	for _, x := range sheets.Reminders(r) {
		if x.Unit == unit {
			rem = x
		}
	}
	var sug *sheets.Reminded
	for i, x := range rem.Items {
		if x.Item.Kind == sheets.KindSuggestion {
			if sug != nil {
				t.Fatalf("%s: more than one 建议提案 to remind", unit)
			}
			sug = &rem.Items[i]
		}
	}
	if sug == nil || sug.Item.Content != content || sug.Alert != sheets.AlertOverdue {
		t.Fatalf("%s: reminded 建议提案 %+v", unit, sug)
	}
	dir := t.TempDir()
	sent, err := WriteReminders(dir, d, []sheets.Reminder{rem}, Notice{Office: "x市人民政府办公室", AsOf: sampleAsOf}, nil, false)
	must(t, err)
	path := sent[0].Path
	if sent[0].Overdue != 2 || sent[0].NoDeadline != 3 {
		t.Errorf("sent %s", sent[0].Counts())
	}

	f, err := excelize.OpenFile(path)
	must(t, err)
	form, err := f.GetRows(SheetForm)
	must(t, err)
	for _, row := range form[HeaderRow:] {
		if slices.Contains(row, content) || slices.Contains(row, sug.Item.Category) {
			t.Errorf("台账 holds the 建议提案: %q", row)
		}
	}
	if len(form)-HeaderRow != len(rem.Items)-1 {
		t.Errorf("台账 has %d rows, want the %d supervised items", len(form)-HeaderRow, len(rem.Items)-1)
	}
	rows, err := f.GetRows(SheetSuggestions)
	must(t, err)
	var labels []string
	for _, c := range suggestionColumns {
		labels = append(labels, c.label)
	}
	if got, want := rows[HeaderRow-1], append(labels, "预警", "逾期天数"); !slices.Equal(got, want) {
		t.Errorf("建议提案 header %q, want %q", got, want)
	}
	if len(rows) != HeaderRow+1 {
		t.Fatalf("建议提案 has %d rows, want its header and one item", len(rows))
	}
	want := []string{"1", "第21号", "人大代表建议", content, "孙伟", unit, "市商务局", "2024-03-08", "2024-06-30", "", "", "", "",
		"逾期", strconv.Itoa(sug.Days)}
	if got := rows[HeaderRow]; !slices.Equal(got, want) {
		t.Errorf("建议提案 row\n got %q\nwant %q", got, want)
	}
	dvs, err := f.GetDataValidations(SheetSuggestions)
	must(t, err)
	if len(dvs) != 4 {
		t.Errorf("建议提案 has %d drop-downs and prompts, want 4 as on the form", len(dvs))
	}
	guideRows, err := f.GetRows(SheetGuide)
	must(t, err)
	mentions := 0
	for _, g := range guideRows {
		if len(g) > 0 && slices.ContainsFunc([]string{"10. 本单位承办的人大代表建议", remindSuggestions}, func(p string) bool { return len(g[0]) >= len(p) && g[0][:len(p)] == p }) {
			mentions++
		}
	}
	if mentions != 2 {
		t.Errorf("the guide names the 建议提案 sheet %d times, want its point 10 and the reminder's line", mentions)
	}

	// Returned with the 答复日期 filled in.
	fillSuggestions(t, f, "2024-12-15")
	must(t, hostile.SavedBy(f, "WPS 表格", "张三"))
	must(t, f.Save())
	f.Close()
	l := sheets.ReadLedger(path, d, sheets.ReadOptions{})
	if len(l.Rows) != len(rem.Items) || !l.Returned {
		t.Errorf("returned reminder: %d rows, want %d (returned %v)", len(l.Rows), len(rem.Items), l.Returned)
	}
	r2 := buildSample(t, d, path)
	if len(r2.Items) != len(r.Items) {
		t.Errorf("items %d, want %d as before", len(r2.Items), len(r.Items))
	}
	before, after := r.SuggestionTotal, r2.SuggestionTotal
	if after.Items != before.Items || after.Replied != before.Replied+1 || after.Overdue != before.Overdue-1 {
		t.Errorf("建议提案 合计 %d件 已办复%d 逾期%d, want %d件 已办复%d 逾期%d",
			after.Items, after.Replied, after.Overdue, before.Items, before.Replied+1, before.Overdue-1)
	}
	if r2.Total.Items != r.Total.Items {
		t.Errorf("督查事项 合计 %d, want %d as before", r2.Total.Items, r.Total.Items)
	}
	found := 0
	for i := range r2.Items {
		it := &r2.Items[i]
		if it.Content == content {
			found++
			if it.Status != sheets.Done || it.Replied.Format("2006-01-02") != "2024-12-15" || it.Lead != unit {
				t.Errorf("the answered 建议: %s replied %v lead %s", it.Status, it.Replied, it.Lead)
			}
		}
	}
	if found != 1 {
		t.Errorf("the 建议 is %d items, want 1", found)
	}
}

// TestReminderOnlySuggestion: a reminder of 建议提案 alone still has the form's 台账 (empty, as
// the reader expects a form) besides its 建议提案 sheet, and reads back, filled, as that item.
func TestReminderOnlySuggestion(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	r := buildSample(t, d)
	var only sheets.Reminder
	for _, rem := range sheets.Reminders(r) {
		for _, x := range rem.Items {
			if x.Item.Kind == sheets.KindSuggestion && only.Unit == "" {
				only = sheets.Reminder{Unit: rem.Unit, Items: []sheets.Reminded{x}}
			}
		}
	}
	if only.Unit == "" {
		t.Fatal("the sample has no 建议提案 to remind")
	}
	sent, err := WriteReminders(t.TempDir(), d, []sheets.Reminder{only}, Notice{AsOf: sampleAsOf}, nil, false)
	must(t, err)
	f, err := excelize.OpenFile(sent[0].Path)
	must(t, err)
	if got := f.GetSheetList(); !slices.Equal(got, []string{SheetGuide, SheetForm, SheetSuggestions, SheetOptions}) {
		t.Errorf("sheets %q", got)
	}
	fillSuggestions(t, f, "2024-12-15")
	must(t, hostile.SavedBy(f, "Microsoft Excel", "李四"))
	must(t, f.Save())
	f.Close()
	l := sheets.ReadLedger(sent[0].Path, d, sheets.ReadOptions{})
	if len(l.Rows) != 1 || l.Rows[0].Vals[sheets.FieldContent] != only.Items[0].Item.Content ||
		l.Rows[0].Vals[sheets.FieldReplied] == "" {
		t.Errorf("read back %d rows: %+v", len(l.Rows), l.Rows)
	}
	for _, p := range l.Problems {
		if p.Level != sheets.Notice {
			t.Errorf("reading the returned reminder: %s", p)
		}
	}
}
