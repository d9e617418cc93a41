package books

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

var ledgerHeader = []any{"编号", "类别", "会议", "会议日期", "事项内容", "牵头单位", "责任领导", "完成时限", "落实状态", "完成日期", "进展情况"}

// ledgerRow is one item of 市政府第5次常务会议 in a canonical ledger.
func ledgerRow(id, content, lead string, deadline any, status string, done any) []any {
	return []any{id, "市政府常务会议", "市政府第5次常务会议", date(2024, 3, 1), content, lead, "王副市长", deadline, status, done, ""}
}

// writeLedgers writes one canonical ledger per unit into dir.
func writeLedgers(t *testing.T, dir string, units map[string][][]any) {
	t.Helper()
	for unit, rows := range units {
		writeRowsBook(t, filepath.Join(dir, unit+".xlsx"), "台账", append([][]any{ledgerHeader}, rows...))
	}
}

// TestSince compares two states of a folder: an item finished, one newly overdue, one still
// overdue, one status regressed, one item reworded under its 编号, one whose meeting is named
// otherwise, one new item, one item a unit no longer reports (本期未报, with a warning), and one
// unit's file removed: one line for the unit in the report (SPEC §9.3), its items one by one
// with their sources in the check file's lines, and no warning per item.
func TestSince(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	tmp := t.TempDir()
	before, after := filepath.Join(tmp, "11月"), filepath.Join(tmp, "12月")
	finance := [][]any{
		ledgerRow("", "推进预算绩效管理改革", "市财政局", date(2024, 12, 31), "推进中", nil),
		ledgerRow("", "清理拖欠企业账款", "市财政局", date(2024, 12, 1), "推进中", nil),
		ledgerRow("", "完善政府采购制度", "市财政局", date(2024, 10, 31), "推进中", nil),
		ledgerRow("CZ-4", "盘活存量资产", "市财政局", date(2024, 9, 30), "已落实", date(2024, 9, 1)),
		ledgerRow("", "压减一般性支出", "市财政局", date(2025, 6, 30), "推进中", nil),
	}
	commerce := [][]any{
		ledgerRow("", "举办消费促进活动", "市商务局", date(2024, 10, 31), "已落实", date(2024, 10, 10)),
		ledgerRow("", "培育外贸新业态", "市商务局", "长期", "推进中", nil),
	}
	education := [][]any{
		ledgerRow("", "推进学校建设", "市教育局", date(2025, 6, 30), "推进中", nil),
		ledgerRow("", "落实课后服务", "市教育局", date(2024, 9, 1), "已落实", date(2024, 8, 20)),
	}
	commerce[1][2] = "常务会议" // named by its date this time, by its number next time
	writeLedgers(t, before, map[string][][]any{"市财政局": finance, "市商务局": commerce, "市教育局": education})
	prevReport := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	r1 := sheets.Build(mustSource(t, before), sheets.Options{Dict: d, AsOf: date(2024, 11, 20), WarnDays: 7})
	if _, err := WriteReport(prevReport, r1); err != nil {
		t.Fatal(err)
	}

	finance[0][8], finance[0][9] = "已落实", date(2024, 12, 10)
	finance[3][4] = "盘活国有存量资产" // reworded under its 编号
	finance = finance[:4]      // 压减一般性支出 no longer reported
	commerce[0][8], commerce[0][9] = "推进中", nil
	commerce[1][2] = "市政府第5次常务会议"
	commerce = append(commerce, ledgerRow("", "扩大汽车消费", "市商务局", date(2025, 3, 31), "未启动", nil))
	writeLedgers(t, after, map[string][][]any{"市财政局": finance, "市商务局": commerce})
	r2 := sheets.Build(mustSource(t, after), sheets.Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7})

	prev, err := sheets.ReadPrevious(prevReport, testDict(t), sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !prev.AsOf.Equal(date(2024, 11, 20)) || len(prev.Items) != 9 {
		t.Fatalf("previous: as of %v, %d items", prev.AsOf, len(prev.Items))
	}
	s := sheets.Since(r2, prev)
	var got []string
	for _, c := range s.Changes {
		got = append(got, dumpChange(&c))
	}
	want := []string{
		"新增事项|扩大汽车消费|市商务局||未启动|",
		"本期办结|推进预算绩效管理改革|市财政局|推进中|已落实|完成日期2024-12-10",
		"新增逾期|清理拖欠企业账款|市财政局|推进中|推进中|已逾期19天",
		"仍逾期|完善政府采购制度|市财政局|推进中|推进中|已逾期50天",
		"状态倒退|举办消费促进活动|市商务局|已落实|推进中|上期已落实，本期推进中",
		"本期未报|压减一般性支出|市财政局|推进中||本期未报送",
		"本期未报||市教育局|||市教育局本期未报送，上期2项",
	}
	sameLines(t, "changes", got, want)
	got = nil
	for _, c := range s.Detail {
		got = append(got, dumpChange(&c)+"|"+c.Check)
	}
	sameLines(t, "the check file's changes", got, []string{
		"新增事项|扩大汽车消费|市商务局||未启动||",
		"本期办结|推进预算绩效管理改革|市财政局|推进中|已落实|完成日期2024-12-10|",
		"新增逾期|清理拖欠企业账款|市财政局|推进中|推进中|已逾期19天|",
		"仍逾期|完善政府采购制度|市财政局|推进中|推进中|已逾期50天|",
		"状态倒退|举办消费促进活动|市商务局|已落实|推进中|上期已落实，本期推进中|上期已落实，本期推进中，请核实",
		"本期未报|推进学校建设|市教育局|推进中||本期未报送|该单位本期未报送台账（上期来源：市教育局.xlsx!台账!2）",
		"本期未报|落实课后服务|市教育局|已落实||本期未报送|该单位本期未报送台账（上期来源：市教育局.xlsx!台账!3）",
		"本期未报|压减一般性支出|市财政局|推进中||本期未报送|上期有此事项，本期无单位报送，请核实（上期来源：市财政局.xlsx!台账!6）",
	})
	const sentence = "较上期（2024年11月20日）：落实率由33.3%降至28.6%，本期办结1项，新增逾期1项，状态倒退1项，本期未报1项；市教育局本期未报送（上期2项），未计入本期。"
	if s.Sentence != sentence {
		t.Errorf("sentence\n got %s\nwant %s", s.Sentence, sentence)
	}
	sameLines(t, "warnings", dumpProblems(s.Problems), []string{
		"市商务局.xlsx!台账!A2: 警告: 上期（2024年11月20日）为已落实，本期为推进中，落实状态倒退，请核实 [推进中]",
		"督查事项汇总_20241120.xlsx!事项明细!A6: 警告: 上期汇总表中的事项本期没有单位报送（牵头单位市财政局，市政府常务会议第5次），请核实是否漏报 [压减一般性支出]",
	})

	// Built with the previous report, the report has the comparison, its sentence at the end
	// of the narrative and its warnings among the problems, and one warning for the unit that
	// sent nothing.
	r3 := sheets.Build(mustSource(t, after), sheets.Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7, Previous: prev})
	if r3.Since == nil || len(r3.Since.Changes) != len(want) || r3.Narrative != r2.Narrative+sentence {
		t.Errorf("built with the previous report: narrative %s", r3.Narrative)
	}
	warnings := 0
	for _, p := range r3.Problems {
		if p.Kind == sheets.StatusRegressed || p.Kind == sheets.PreviousUnreported || p.Kind == sheets.UnitAbsent {
			warnings++
		}
	}
	if warnings != 3 || len(r3.Problems) != len(r2.Problems)+3 {
		t.Errorf("%d warnings of the comparison among the report's %d problems, want 3 more than %d", warnings, len(r3.Problems), len(r2.Problems))
	}

	// The table the report appends, as written.
	out := filepath.Join(tmp, "变化.xlsx")
	f := excelize.NewFile()
	if err := xlsxout.WriteBook(f, []*xlsxout.Table{ChangesTable(s, r2.AsOf)}); err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	f.Close()
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	rows, _ := g.GetRows(sheets.SheetChanges)
	if h := strings.Join(rows[1], "|"); h != "变化|类别|会议|事项内容|牵头单位|上期状态|本期状态|完成时限|说明" {
		t.Errorf("header %s", h)
	}
	if l := strings.Join(rows[4], "|"); l != "新增逾期|市政府常务会议|市政府常务会议第5次|清理拖欠企业账款|市财政局|推进中|推进中|2024-12-01|已逾期19天" {
		t.Errorf("row %s", l)
	}
	if rows[len(rows)-1][0] != sentence {
		t.Errorf("last line %q", rows[len(rows)-1][0])
	}
}

func mustSource(t *testing.T, dir string) []string {
	t.Helper()
	files, probs := sheets.Source([]string{dir})
	if len(files) == 0 {
		t.Fatalf("no files in %s: %v", dir, probs)
	}
	return files
}

func dumpChange(c *sheets.Change) string {
	content, lead, before, now := "", "", "", ""
	if c.Prev != nil {
		content, lead, before = c.Prev.Content, c.Prev.Lead, c.Prev.Status.String()
	}
	if c.Item != nil {
		content, lead, now = c.Item.Content, c.Item.Lead, c.Item.Status.String()
	}
	if c.Unit != "" {
		lead = c.Unit
	}
	return strings.Join([]string{c.Kind, content, lead, before, now, c.Note}, "|")
}

func TestReadPreviousNotReport(t *testing.T) {
	t.Parallel()
	p := filepath.Join(t.TempDir(), "台账.xlsx")
	writeRowsBook(t, p, "台账", [][]any{ledgerHeader})
	_, err := sheets.ReadPrevious(p, testDict(t), sheets.ReadOptions{})
	if err == nil || err.Error() != "台账.xlsx 不是duban生成的汇总表（没有“事项明细”工作表），无法与上期比较" {
		t.Errorf("error %v", err)
	}
	if _, err := sheets.ReadPrevious(filepath.Join(t.TempDir(), "无.xlsx"), testDict(t), sheets.ReadOptions{}); err == nil || !strings.HasPrefix(err.Error(), "上期汇总表 无.xlsx 无法读取：") {
		t.Errorf("missing file: %v", err)
	}
}

// TestSinceSample compares the sample as of 2024-11-20 with the sample as of 2024-12-20 without
// 市教育局's file: exactly 市教育局's items are 本期未报, and exactly the items overdue now but
// not then are 新增逾期.
func TestSinceSample(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	tmp := t.TempDir()
	prevPath := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	files := mustSource(t, "../testdata/sample")
	r1 := sheets.Build(files, sheets.Options{Dict: d, AsOf: date(2024, 11, 20), WarnDays: 7})
	if _, err := WriteReport(prevPath, r1); err != nil {
		t.Fatal(err)
	}
	var without []string
	for _, f := range files {
		if filepath.Base(f) != "市教育局.xls" {
			without = append(without, f)
		}
	}
	r2 := sheets.Build(without, sheets.Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7})
	prev, err := sheets.ReadPrevious(prevPath, testDict(t), sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	s := sheets.Since(r2, prev)

	then := map[string]string{} // content and unit → 预警 as of 2024-11-20
	var gone []string
	for _, it := range r1.Items {
		then[it.Content+"|"+it.Lead] = it.Alert
		if it.Lead == "市教育局" {
			gone = append(gone, it.Content)
		}
	}
	var newlyOverdue []string
	for _, it := range r2.Items {
		if it.Alert == sheets.AlertOverdue && then[it.Content+"|"+it.Lead] != sheets.AlertOverdue {
			newlyOverdue = append(newlyOverdue, it.Content)
		}
	}
	var unreported, overdue []string
	for _, c := range s.Detail {
		switch c.Kind {
		case sheets.ChangeUnreported:
			unreported = append(unreported, c.Prev.Content)
		case sheets.ChangeOverdue:
			overdue = append(overdue, c.Item.Content)
		}
	}
	if len(gone) == 0 || len(newlyOverdue) == 0 {
		t.Fatalf("the fixture has %d items of 市教育局 and %d newly overdue", len(gone), len(newlyOverdue))
	}
	slices.Sort(gone)
	slices.Sort(unreported)
	slices.Sort(newlyOverdue)
	slices.Sort(overdue)
	sameLines(t, "本期未报", unreported, gone)
	sameLines(t, "新增逾期", overdue, newlyOverdue)
	if s.Count(sheets.ChangeNew) != 0 {
		t.Errorf("%d new items in the same folder", s.Count(sheets.ChangeNew))
	}
	// The report's 变化情况 names the unit once, with its previous items.
	var lines []string
	for _, c := range s.Changes {
		if c.Kind == sheets.ChangeUnreported {
			lines = append(lines, dumpChange(&c))
		}
	}
	sameLines(t, "the report's 本期未报", lines, []string{"本期未报||市教育局|||市教育局本期未报送，上期22项，其中逾期2项"})
}
