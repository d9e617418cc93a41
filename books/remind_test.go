package books

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

var sampleAsOf = time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)

func buildSample(t *testing.T, d *sheets.Dict, paths ...string) *sheets.Report {
	t.Helper()
	files, _ := sheets.Source(append([]string{"../testdata/sample"}, paths...))
	return sheets.Build(files, sheets.Options{Dict: d, AsOf: sampleAsOf, WarnDays: d.WarnDays})
}

// TestRemindRoundTrip writes the sample's reminders, checks that they hold every open 逾期,
// 临期 and 无明确时限 item once, grouped per unit, fills them in as the units would (已完成 with
// a 完成日期; one undated item only given a deadline) and reads the folder again with them:
// nothing is overdue or undated any more, no item is added, and the row proof holds.
func TestRemindRoundTrip(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	r := buildSample(t, d)
	rems := sheets.Reminders(r)

	// Every listed item exactly once, in its unit's reminder, grouped 逾期 → 临期 → 无明确时限.
	want := map[*sheets.Item]string{}
	for _, f := range r.Overdue {
		want[f.Item] = sheets.AlertOverdue
	}
	for _, f := range r.DueSoon {
		want[f.Item] = sheets.AlertDueSoon
	}
	for _, it := range r.NoDeadline {
		want[it] = sheets.AlertNoDeadline
	}
	rank := map[string]int{sheets.AlertOverdue: 0, sheets.AlertDueSoon: 1, sheets.AlertNoDeadline: 2}
	seen := map[*sheets.Item]bool{}
	for _, rem := range rems {
		last := 0
		for _, x := range rem.Items {
			if seen[x.Item] || want[x.Item] != x.Alert || x.Item.Lead != rem.Unit || rank[x.Alert] < last {
				t.Errorf("%s: item %s (%s) misplaced or repeated", rem.Unit, x.Item.Content, x.Alert)
			}
			seen[x.Item], last = true, rank[x.Alert]
		}
	}
	if len(seen) != len(want) || len(want) == 0 {
		t.Fatalf("reminders hold %d items, want %d", len(seen), len(want))
	}

	dir := t.TempDir()
	sent, err := WriteReminders(dir, d, rems, Notice{Office: "x市人民政府办公室", AsOf: r.AsOf, ReplyBy: sampleAsOf.AddDate(0, 0, 10)}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	var lines []string
	total := 0
	for _, s := range sent {
		lines = append(lines, fmt.Sprintf("%s %d %d %d", filepath.Base(s.Path), s.Overdue, s.DueSoon, s.NoDeadline))
		total += s.Items()
	}
	if total != len(want) || len(sent) != len(rems) {
		t.Errorf("sent %d items in %d files, want %d in %d", total, len(sent), len(want), len(rems))
	}
	// 临期 with 人大代表建议闭会第2号 of the sample, due 3 months after its 交办日期 2024-09-20.
	if !slices.Contains(lines, "市交通运输局_催办单_20241220.xlsx 2 2 0") {
		t.Errorf("sent: %q", lines)
	}
	// duban's own unedited reminders are replaced; one saved by Excel since is not, and then
	// nothing is written, unless force.
	if _, err := WriteReminders(dir, d, rems, Notice{Office: "x市人民政府办公室", AsOf: r.AsOf}, nil, false); err != nil {
		t.Errorf("second write over unedited reminders: %v", err)
	}
	edited := sent[0].Path
	ef, err := excelize.OpenFile(edited)
	must(t, err)
	must(t, ef.SetAppProps(&excelize.AppProperties{Application: "Microsoft Excel"}))
	must(t, ef.Save())
	ef.Close()
	_, err = WriteReminders(dir, d, rems, Notice{AsOf: r.AsOf}, nil, false)
	if want := "以下催办单不能覆盖，未生成任何催办单：\n  " + edited + " 在生成后被修改过（由Excel保存），为免丢失手工修改，未覆盖；如确需覆盖请加 --force，或换一个输出文件夹"; err == nil || err.Error() != want {
		t.Errorf("write over an edited reminder:\n got %v\nwant %s", err, want)
	}
	if _, err := WriteReminders(dir, d, rems, Notice{Office: "x市人民政府办公室", AsOf: r.AsOf}, nil, true); err != nil {
		t.Errorf("write with force: %v", err)
	}

	kept := ""
	for _, s := range sent {
		// As written, a reminder nobody saved since is skipped (SPEC §2, §9): unfilled, it
		// must not stand for the unit's reply.
		raws, probs := sheets.ReadFile(s.Path, d, sheets.ReadOptions{})
		if len(raws) != 0 || len(probs) != 1 || probs[0].Kind != sheets.Unfilled ||
			probs[0].Msg != "这是duban生成的催办单，生成后没有被修改保存过，尚未填写，已跳过" {
			t.Errorf("%s unfilled: read %d rows, %v", s.Path, len(raws), probs)
		}
		if k := fillReminder(t, s.Path, kept == ""); k != "" {
			kept = k
		}
		// Filled in and saved, it reads as a form: its items, no warning; the information
		// columns are unknown columns, passed over with a notice.
		l := sheets.ReadLedger(s.Path, d, sheets.ReadOptions{})
		if len(l.Rows) != s.Items() || !l.Returned {
			t.Errorf("%s: read %d rows, want %d (returned %v)", s.Path, len(l.Rows), s.Items(), l.Returned)
		}
		for _, p := range l.Problems {
			if p.Level != sheets.Notice || p.Msg != "未识别的列：预警、逾期天数，已忽略" {
				t.Errorf("reading %s: %s", filepath.Base(s.Path), p)
			}
		}
	}
	if kept == "" {
		t.Fatal("no undated item to commit to a deadline")
	}

	r2 := buildSample(t, d, dir)
	if len(r2.Overdue) != 0 || len(r2.NoDeadline) != 0 {
		t.Errorf("after the reminders: %d overdue, %d undated", len(r2.Overdue), len(r2.NoDeadline))
	}
	if len(r2.Items) != len(r.Items) {
		t.Errorf("items %d, want %d as before", len(r2.Items), len(r.Items))
	}
	if r2.RowsRead != len(r2.Items)+r2.Duplicates+r2.Excluded {
		t.Errorf("row proof: %d ≠ %d + %d + %d", r2.RowsRead, len(r2.Items), r2.Duplicates, r2.Excluded)
	}
	if r2.RowsRead != r.RowsRead+total || r2.Excluded != r.Excluded {
		t.Errorf("rows read %d (excluded %d), want %d (%d)", r2.RowsRead, r2.Excluded, r.RowsRead+total, r.Excluded)
	}
	notices := 0
	for _, p := range r2.Problems {
		if p.Level != sheets.Notice && (sheets.IsReminder(p.Pos.File) || strings.Contains(p.Msg, sheets.ReminderMark)) {
			t.Errorf("problem about a reminder: %s", p)
		}
		if strings.Contains(p.Msg, "原无明确时限，按单位在催办单中承诺的完成时限2025-06-30计") {
			notices++
		}
	}
	if notices != len(r.NoDeadline) {
		t.Errorf("%d deadline notices, want %d", notices, len(r.NoDeadline))
	}
	for i := range r2.Items {
		it := &r2.Items[i]
		if it.Content == kept {
			if it.Status != sheets.InProgress || !it.Deadline.Equal(time.Date(2025, 6, 30, 0, 0, 0, 0, time.UTC)) || it.Alert != sheets.AlertNormal {
				t.Errorf("the item committed to a deadline: %s %v %s", it.Status, it.Deadline, it.Alert)
			}
		}
	}
}

// fillReminder fills a reminder in as its unit would: every item 已完成 on 2024-12-15, a
// deadline 2025-06-30 for the undated; with keepOne, the first undated item only gets its
// deadline and stays 推进中, and its content is returned.
func fillReminder(t *testing.T, path string, keepOne bool) (kept string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetForm)
	if err != nil {
		t.Fatal(err)
	}
	cellOf := func(fl sheets.Field, r int) string { return col(fl) + strconv.Itoa(r) }
	for r := HeaderRow + 1; r <= len(rows); r++ {
		if v, _ := f.GetCellValue(SheetForm, cellOf(sheets.FieldContent, r)); v == "" {
			continue
		}
		if dl, _ := f.GetCellValue(SheetForm, cellOf(sheets.FieldDeadline, r)); dl == "" {
			must(t, f.SetCellStr(SheetForm, cellOf(sheets.FieldDeadline, r), "2025-06-30"))
			if keepOne && kept == "" {
				kept, _ = f.GetCellValue(SheetForm, cellOf(sheets.FieldContent, r))
				continue
			}
		}
		must(t, f.SetCellStr(SheetForm, cellOf(sheets.FieldStatus, r), "已完成"))
		must(t, f.SetCellStr(SheetForm, cellOf(sheets.FieldDone, r), "2024-12-15"))
	}
	fillSuggestions(t, f, "2024-12-15")
	must(t, hostile.SavedBy(f, "WPS 表格", "张三"))
	must(t, f.Save())
	return kept
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestReminderLayout checks what a reminder shows: the heading, the line naming the unit, the
// reply-by date and the office, the form's columns with the last known status and progress,
// 逾期天数, and an empty 完成时限 for an undated item.
func TestReminderLayout(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	r := buildSample(t, d)
	var rem sheets.Reminder
	for _, x := range sheets.Reminders(r) {
		if x.Unit == "市交通运输局" {
			rem = x
		}
	}
	dir := t.TempDir()
	sent, err := WriteReminders(dir, d, []sheets.Reminder{rem}, Notice{Office: "x市人民政府办公室", AsOf: sampleAsOf, ReplyBy: time.Date(2024, 12, 30, 0, 0, 0, 0, time.UTC)}, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(sent[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetForm)
	if rows[0][0] != "关于报送督查事项落实情况的通知（催办）" {
		t.Errorf("heading %q", rows[0][0])
	}
	const line = "市交通运输局：下列事项已逾期、临期或没有明确完成时限，请逐项更新落实状态、完成日期和进展情况，没有完成时限的事项请填写承诺的完成时限，并请于2024年12月30日前反馈。（x市人民政府办公室，2024年12月20日）"
	if rows[1][0] != line {
		t.Errorf("line\n got %s\nwant %s", rows[1][0], line)
	}
	if h := strings.Join(rows[HeaderRow-1], "|"); h != strings.Join(Columns, "|")+"|预警|逾期天数" {
		t.Errorf("header %s", h)
	}
	first := rows[HeaderRow]
	x := rem.Items[0]
	if x.Alert != sheets.AlertOverdue || first[5] != x.Item.Content || first[10] != x.Item.Status.String() ||
		first[12] != x.Item.Progress || first[14] != "逾期" || first[15] != strconv.Itoa(x.Days) || first[11] != "" {
		t.Errorf("first row %q for %+v", first, x)
	}
	if v, _ := f.GetSheetVisible(SheetOptions); v {
		t.Error("the list sheet is visible")
	}
	dvs, _ := f.GetDataValidations(SheetForm)
	if len(dvs) != 4 {
		t.Errorf("%d drop-downs and prompts, want 4 as on the form", len(dvs))
	}
	p, _ := f.GetDocProps()
	if p.Description != sheets.ReminderDescription || p.Title != remindHeading || p.Creator != "x市人民政府办公室" {
		t.Errorf("props %+v", p)
	}
	if app, _ := f.GetAppProps(); app.Company != "x市人民政府办公室" {
		t.Errorf("company %q, want the office", app.Company)
	}
	// 17 columns print legibly (about 8 points) on A4 only in parts (SPEC §7: units print A4).
	if pl, err := f.GetPageLayout(SheetForm); err != nil || pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil ||
		*pl.Orientation != "landscape" || pl.AdjustTo == nil || *pl.AdjustTo < 60 {
		t.Errorf("page layout = %+v, %v; want A4 landscape in parts", pl, err)
	}
	if got, want := sent[0].String(), "市交通运输局  4项（逾期2项、临期2项）  "+sent[0].Path; got != want {
		t.Errorf("stdout line %q, want %q", got, want)
	}
}

// TestFormFromReport splits a report duban wrote into the next round's forms (template
// --from): each form reads back with its unit's items and nothing to remark.
func TestFormFromReport(t *testing.T) {
	t.Parallel()
	d := builtin(t)
	r := buildSample(t, d)
	dir := t.TempDir()
	path := filepath.Join(dir, "督查事项汇总_20241220.xlsx")
	if _, err := WriteReport(path, r); err != nil {
		t.Fatal(err)
	}
	units, _, ok := sheets.SplitByUnit(path, d, sheets.ReadOptions{})
	if !ok || len(units) == 0 {
		t.Fatal("the report is not read as a master list")
	}
	for _, u := range units[:3] {
		out := filepath.Join(dir, u.Unit+".xlsx")
		err := SaveFile(out, func(w io.Writer) error { return Form(w, d, u.Unit, u.Rows) })
		if err != nil {
			t.Fatal(err)
		}
		if raws, probs := sheets.ReadFile(out, d, sheets.ReadOptions{}); len(raws) != 0 || len(probs) != 1 || probs[0].Kind != sheets.Unfilled {
			t.Errorf("%s as written: %d rows, problems %v; want skipped, unfilled", u.Unit, len(raws), probs)
		}
		resave(t, out, "Microsoft Excel")
		raws, probs := sheets.ReadFile(out, d, sheets.ReadOptions{})
		if len(raws) != len(u.Rows) || len(probs) != 0 {
			t.Errorf("%s: %d rows (want %d), problems %v", u.Unit, len(raws), len(u.Rows), probs)
		}
		for i := range raws {
			if raws[i].Vals[sheets.FieldContent] != u.Rows[i].Vals[sheets.FieldContent] || raws[i].Vals[sheets.FieldStatus] != "" {
				t.Errorf("%s row %d: %q", u.Unit, i, raws[i].Vals)
			}
		}
	}
}
