package sheets

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeRowsBook writes a one-sheet workbook whose rows are given as cell values (time.Time values
// become real Excel dates).
func writeRowsBook(t *testing.T, path, sheet string, rows [][]any) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// masterList is a 交办清单: a title row, no 落实状态 column, a meeting date as a real date.
var masterList = [][]any{
	{"2024年市政府督查事项交办清单"},
	{"编号", "会议", "会议日期", "议定事项", "责任单位", "完成时限"},
	{"", "市政府第五次常务会议", date(2024, 3, 1), "推进老旧小区改造", "市住建局", "2024年底前"},
	{"", "市政府第五次常务会议", date(2024, 3, 1), "整治城区停车秩序", "市住建局", "2024年6月底前"},
	{"DB-07", "市长批示件〔2024〕3号", "", "研究解决学校周边交通拥堵", "市住建局", "2024-09-30"},
	{"", "市长办公会议第2次", "", "完善财政资金直达机制", "市财政局", "长期"},
	{"", "市长办公会议第2次", "", "清理政府拖欠账款", "市财政局", "2024年底前"},
	{"", "市长专题会议第7次", "", "制定数据开放目录", "市数据局", ""},
}

func TestReconcile(t *testing.T) {
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	writeRowsBook(t, master, "清单", masterList)
	// 市住建局 reports two of its three items, spelling the meeting another way and giving
	// the 编号 item new wording; 市财政局 and 市数据局 send nothing; 市教育局 reports an item
	// of its own.
	in := filepath.Join(dir, "收文")
	writeRowsBook(t, filepath.Join(in, "市住建局.xlsx"), "台账", [][]any{
		{"编号", "会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"", "第5次常务会议", "推进老旧小区 改造。", "市住建局", "2024年底前", "推进中", ""},
		{"DB-07", "市长批示", "研究学校周边交通问题", "市住建局", "2024-09-30", "已落实", date(2024, 5, 1)},
	})
	writeRowsBook(t, filepath.Join(in, "市教育局.xlsx"), "台账", [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态"},
		{"市长专题会议第7次", "改善学校食堂", "市教育局", "", "推进中"},
	})

	o := Options{Dict: testDict(t), AsOf: date(2024, 6, 1), WarnDays: 7}
	m, err := ReadMaster(master, o)
	if err != nil {
		t.Fatal(err)
	}
	o.Master = m
	files, _ := Source([]string{in})
	r := Build(files, o)
	if len(r.Items) != 3 {
		t.Fatalf("built %d items, want 3; problems: %v", len(r.Items), r.Problems)
	}
	rec := r.Expect
	if want := []string{"编号", "会议", "会议日期", "事项内容", "牵头单位", "完成时限"}; !slices.Equal(rec.Headers, want) {
		t.Errorf("headers = %v, want %v", rec.Headers, want)
	}
	want := [][]string{
		{"", "市政府第五次常务会议", "2024-03-01", "整治城区停车秩序", "市住建局", "2024年6月底前"},
		{"", "市长办公会议第2次", "", "完善财政资金直达机制", "市财政局", "长期"},
		{"", "市长办公会议第2次", "", "清理政府拖欠账款", "市财政局", "2024年底前"},
		{"", "市长专题会议第7次", "", "制定数据开放目录", "市数据局", ""},
	}
	if !slices.EqualFunc(rec.Missing, want, slices.Equal) {
		t.Errorf("missing =\n%q\nwant\n%q", rec.Missing, want)
	}
	if want := []UnitDue{{"市财政局", 2}, {"市数据局", 1}}; !slices.Equal(rec.Unreported, want) {
		t.Errorf("unreported = %v, want %v", rec.Unreported, want)
	}
	// Named on 汇总 and stdout too (SPEC §9), by unit, most first.
	if got, want := rec.Line(true), "对照交办清单，漏报事项4项（市财政局2项、市住建局1项、市数据局1项），见“漏报事项”工作表。"; got != want {
		t.Errorf("line on 汇总\n got %s\nwant %s", got, want)
	}
	if got, want := rec.Line(false), "对照交办清单，漏报事项4项（市财政局2项、市住建局1项、市数据局1项）。"; got != want {
		t.Errorf("sentence of the 通报\n got %s\nwant %s", got, want)
	}
	// The list names the meetings held of the categories it names (SPEC §7), of those 汇总
	// shows (no unit reported an item of 市长办公会议).
	if got, want := r.ListedMeetings(), []string{"市政府常务会议", "市长专题会议"}; !slices.Equal(got, want) {
		t.Errorf("listed meetings %q, want %q", got, want)
	}
}

// TestMissingLineMany: more than five units with items not reported are named as three and
// a count; a reconciliation with nothing missing, or none at all, says nothing.
func TestMissingLineMany(t *testing.T) {
	rc := &Reconciliation{Headers: []string{"事项内容", "牵头单位"}}
	for i, u := range []string{"甲局", "乙局", "乙局", "丙局", "丁局", "戊局", "己局"} {
		rc.Missing = append(rc.Missing, []string{"事项" + string(rune('A'+i)), u})
	}
	if got, want := rc.Line(true), "对照交办清单，漏报事项7项（乙局2项、甲局1项、丙局1项等6个单位），见“漏报事项”工作表。"; got != want {
		t.Errorf("got %s\nwant %s", got, want)
	}
	rc.report = true
	if got := rc.Line(false); !strings.HasPrefix(got, "对照上期汇总表，") {
		t.Errorf("a report as the list: %s", got)
	}
	var none *Reconciliation
	if none.Line(true) != "" || (&Reconciliation{}).Line(true) != "" {
		t.Error("a line without items missing")
	}
}

func TestReconcileAllBack(t *testing.T) {
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	writeRowsBook(t, master, "清单", [][]any{
		{"会议", "事项内容", "完成时限"}, // no 牵头单位 column: the list's own file name is no unit
		{"市长专题会议第7次", "制定数据开放目录", ""},
	})
	_, err := ReadMaster(master, Options{Dict: testDict(t)})
	if err == nil || !strings.Contains(err.Error(), "没有任何事项填写了牵头单位") {
		t.Errorf("a list without units: error = %v", err)
	}
	master2 := filepath.Join(dir, "清单2.xlsx")
	writeRowsBook(t, master2, "清单", [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限"},
		{"市长专题会议第7次", "制定数据开放目录", "市数据局", ""},
	})
	items := []Item{{Category: "市长专题会议", Kind: KindMeeting, Meeting: Meeting{Num: 7, Year: 2024},
		Content: "制定数据开放目录", Lead: "市数据局"}}
	m, err := ReadMaster(master2, Options{Dict: testDict(t), Year: 2024})
	if err != nil {
		t.Fatal(err)
	}
	rec := m.Reconcile(testDict(t), items)
	if len(rec.Missing) != 0 || len(rec.Unreported) != 0 {
		t.Errorf("everything came back, got missing %v unreported %v", rec.Missing, rec.Unreported)
	}
	if want := []string{"会议", "事项内容", "牵头单位", "完成时限"}; !slices.Equal(rec.Headers, want) {
		t.Errorf("headers = %v", rec.Headers)
	}
}

func TestReconcileUnreadable(t *testing.T) {
	_, err := ReadMaster(filepath.Join(t.TempDir(), "没有.xlsx"), Options{Dict: testDict(t)})
	if err == nil || !strings.HasPrefix(err.Error(), "交办清单 ") {
		t.Errorf("error = %v", err)
	}
}

func TestSplitByUnit(t *testing.T) {
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	rows := append(slices.Clone(masterList), []any{"", "市长专题会议第7次", "", "没有牵头单位的事项", "", ""})
	writeRowsBook(t, master, "清单", rows)
	units, probs, ok := SplitByUnit(master, testDict(t), ReadOptions{})
	if !ok {
		t.Fatalf("not ok: %v", probs)
	}
	var got []string
	for _, u := range units {
		var cs []string
		for _, r := range u.Rows {
			cs = append(cs, r.Vals[FieldContent])
		}
		got = append(got, u.Unit+":"+strings.Join(cs, "/"))
	}
	want := []string{
		"市住建局:推进老旧小区改造/整治城区停车秩序/研究解决学校周边交通拥堵",
		"市财政局:完善财政资金直达机制/清理政府拖欠账款",
		"市数据局:制定数据开放目录",
	}
	if !slices.Equal(got, want) {
		t.Errorf("units =\n%v\nwant\n%v", got, want)
	}
	var errs []string
	for _, p := range probs {
		if p.Level == Error {
			errs = append(errs, p.String())
		}
	}
	if want := []string{"交办清单.xlsx!清单!E9: 错误: " + msgMasterNoLead}; !slices.Equal(errs, want) {
		t.Errorf("errors = %v, want %v", errs, want)
	}
}

// A category the dictionary does not know gets one kind on both sides of a reconciliation, so
// a minutes number (〔2024〕3号) that counts as a meeting in the report is found for the list.
func TestReconcileUnknownCategory(t *testing.T) {
	dir := t.TempDir()
	rows := [][]any{
		{"类别", "会议", "事项内容", "牵头单位", "完成时限", "落实状态"},
		{"区长碰头会", "第5次碰头会", "修路", "区交通局", "长期", "推进中"},
		{"区长碰头会", "碰头会纪要〔2024〕3号", "建桥", "区交通局", "长期", "推进中"},
	}
	master := filepath.Join(dir, "交办清单.xlsx")
	writeRowsBook(t, master, "清单", rows)
	report := filepath.Join(dir, "收文", "区交通局.xlsx")
	writeRowsBook(t, report, "台账", rows)
	o := Options{Dict: testDict(t), AsOf: date(2024, 12, 20), WarnDays: 7}
	m, err := ReadMaster(master, o)
	if err != nil {
		t.Fatal(err)
	}
	r := Build([]string{report}, o)
	rec := m.Reconcile(o.Dict, r.Items)
	if len(rec.Missing) != 0 || len(rec.Unreported) != 0 {
		t.Errorf("missing %v, unreported %v; want none", rec.Missing, rec.Unreported)
	}
}
