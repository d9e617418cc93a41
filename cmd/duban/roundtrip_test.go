package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The office's loop (SPEC §9), run in-process: a master list is split into pre-filled forms,
// the units fill them in (here with excelize directly, not with duban's writer), and the
// returned forms are merged into a report with the expected figures and no warning.

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// masterRows is a 交办清单 in its own layout: a title, aliases for the column names, no
// 落实状态 column, a real date and dates typed as text.
func masterRows(council string) [][]any {
	return [][]any{
		{"2024年督查事项交办清单"},
		{"督办编号", "会议名称", "会议时间", "议定事项", "责任单位", "时限要求"},
		{"", council + "第五次常务会议", day(2024, 3, 1), "推进老旧小区改造", "市住建局", "2024年底前"},
		{"", council + "第五次常务会议", day(2024, 3, 1), "整治城区停车秩序", "市住建局", "2024年6月底前"},
		{"DB-07", "市长批示件〔2024〕3号", "", "研究解决学校周边交通拥堵", "市住建局", "2024-05-30"},
		{"", "市长办公会议第2次", "", "完善财政资金直达机制", "市财政局", "长期"},
		{"", "市长办公会议第2次", "", "清理政府拖欠账款", "市财政局", day(2024, 6, 5)},
	}
}

// fills is what each unit writes back, by 事项内容: 落实状态 and 完成日期.
var fills = map[string]struct {
	status string
	done   time.Time
}{
	"推进老旧小区改造":     {"已落实", day(2024, 5, 1)},
	"整治城区停车秩序":     {"推进中", time.Time{}},
	"研究解决学校周边交通拥堵": {"未启动", time.Time{}},
	"完善财政资金直达机制":   {"正在推进", time.Time{}},
	"清理政府拖欠账款":     {"已完成", day(2024, 5, 20)},
}

func writeSheet(t *testing.T, path string, rows [][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// fillForm fills a returned form cell by cell, as a unit would in Excel.
func fillForm(t *testing.T, path string) int {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("台账")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[2] {
		col[h] = i + 1
	}
	n := 0
	for r := 3; r < len(rows); r++ {
		content := rows[r][col["事项内容"]-1]
		fill, ok := fills[content]
		if !ok {
			t.Fatalf("%s row %d: unexpected item %q", path, r+1, content)
		}
		ref := func(label string) string {
			c, _ := excelize.CoordinatesToCellName(col[label], r+1)
			return c
		}
		if err := f.SetCellStr("台账", ref("落实状态"), fill.status); err != nil {
			t.Fatal(err)
		}
		if !fill.done.IsZero() {
			if err := f.SetCellValue("台账", ref("完成日期"), fill.done); err != nil {
				t.Fatal(err)
			}
		}
		if err := f.SetCellStr("台账", ref("进展情况"), "按计划推进"); err != nil {
			t.Fatal(err)
		}
		n++
	}
	if err := hostile.SavedBy(f, "Microsoft Excel", "张三"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	return n
}

// summary reads the 汇总 table of a report: row label → column label → value.
func summary(t *testing.T, path string) map[string]map[string]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("汇总", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	var header []string
	for _, r := range rows {
		if len(r) > 2 && r[0] == "类别" && slices.Contains(r, "事项数") {
			header = r
			continue
		}
		if header == nil || len(r) == 0 || r[0] == "" {
			continue
		}
		m := map[string]string{}
		for i, v := range r {
			if i < len(header) {
				m[header[i]] = v
			}
		}
		out[r[0]] = m
		if r[0] == "合计" {
			break
		}
	}
	return out
}

func runOK(t *testing.T, args ...string) (string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	if code := run(args, &stdout, &stderr); code != exitOK {
		t.Fatalf("duban %s: exit %d\nstdout:\n%s\nstderr:\n%s", strings.Join(args, " "), code, stdout.String(), stderr.String())
	}
	return stdout.String(), stderr.String()
}

// loop runs master list → template --from → filled forms → report and returns the report's
// 汇总 table and stderr.
func loop(t *testing.T, dir, council string, config ...string) (map[string]map[string]string, string) {
	master := filepath.Join(dir, "交办清单.xlsx")
	writeSheet(t, master, masterRows(council))
	forms := filepath.Join(dir, "下发")
	args := append([]string{"template", "--from", master, "--out-dir", forms}, config...)
	stdout, _ := runOK(t, args...)
	if !strings.Contains(stdout, "已为2个牵头单位生成预填模板，共5项") {
		t.Errorf("template --from said:\n%s", stdout)
	}
	n := 0
	for _, unit := range []string{"市住建局", "市财政局"} {
		n += fillForm(t, filepath.Join(forms, unit+".xlsx"))
	}
	if n != 5 {
		t.Fatalf("the forms carry %d items, want 5", n)
	}
	out := filepath.Join(dir, "汇总.xlsx")
	args = append([]string{"report", "-v", "--as-of", "2024-06-01", "-o", out, forms}, config...)
	stdout, stderr := runOK(t, args...)
	if !strings.Contains(stdout, "行数核对：读取5行 = 明细5项 + 重复合并0行 + 错误排除0行") {
		t.Errorf("report stdout:\n%s", stdout)
	}
	for _, l := range listed(stderr) {
		if strings.Contains(l, ": 警告: ") || strings.Contains(l, ": 错误: ") {
			t.Errorf("returned forms should merge without warnings, got: %s", l)
		}
		if strings.Contains(l, "!填报说明") || strings.Contains(l, "!选项") {
			t.Errorf("a returned form's instructions and lists need no notice, got: %s", l)
		}
	}
	return summary(t, out), stderr
}

func checkFigures(t *testing.T, got map[string]map[string]string, want map[string][]string) {
	t.Helper()
	labels := []string{"会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期"}
	for name, w := range want {
		row, ok := got[name]
		if !ok {
			t.Errorf("汇总 has no row %s (rows: %v)", name, got)
			continue
		}
		var g []string
		for _, l := range labels {
			g = append(g, row[l])
		}
		if !slices.Equal(g, w) {
			t.Errorf("汇总 %s: %v = %v, want %v", name, labels, g, w)
		}
	}
	if len(got) != len(want) {
		t.Errorf("汇总 rows %v, want only %v", got, want)
	}
}

func TestRoundTrip(t *testing.T) {
	got, _ := loop(t, t.TempDir(), "市政府")
	checkFigures(t, got, map[string][]string{
		"市政府常务会议": {"1", "2", "1", "1", "0", "0", "0"},
		"市长办公会议":  {"1", "2", "1", "1", "0", "0", "0"},
		"市长批示件":   {"", "1", "0", "0", "1", "1", "0"},
		"合计":      {"2", "5", "2", "2", "1", "1", "0"},
	})
}

// A county exports the dictionary, renames 市政府常务会议 to 县政府常务会议, and runs the same
// loop with it: forms and report use the new name, and meeting names are still recognised.
func TestRoundTripCountyConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "配置.xlsx")
	runOK(t, "config", "-o", cfg)
	f, err := excelize.OpenFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	cells, _ := f.SearchSheet("类别", "市政府常务会议")
	if len(cells) != 1 || !strings.HasPrefix(cells[0], "A") {
		t.Fatalf("config 类别 sheet: 市政府常务会议 at %v", cells)
	}
	row := cells[0][1:]
	f.SetCellStr("类别", "A"+row, "县政府常务会议")
	f.SetCellStr("类别", "C"+row, "政府常务会议、常务会议")
	f.SetCellStr("类别", "D"+row, "县政府常务会、常务会")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()

	got, _ := loop(t, dir, "县政府", "--config", cfg)
	checkFigures(t, got, map[string][]string{
		"县政府常务会议": {"1", "2", "1", "1", "0", "0", "0"},
		"市长办公会议":  {"1", "2", "1", "1", "0", "0", "0"},
		"市长批示件":   {"", "1", "0", "0", "1", "1", "0"},
		"合计":      {"2", "5", "2", "2", "1", "1", "0"},
	})
}

func TestTemplateCommand(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "报送模板.xlsx")
	stdout, _ := runOK(t, "template", "-o", out, "--unit", "市财政局")
	if !strings.Contains(stdout, out) {
		t.Errorf("stdout = %q", stdout)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("台账", "A2"); v != "填报单位：市财政局" {
		t.Errorf("A2 = %q", v)
	}
	f.Close()

	// duban's own form, unfilled, is replaced (SPEC §2); once filled in and saved, only with
	// --force; a file duban did not write, never.
	runOK(t, "template", "-o", out)
	var so, se bytes.Buffer
	other := filepath.Join(dir, "别人的.xlsx")
	writeSheet(t, other, [][]any{{"事项内容"}, {"清理政府拖欠账款"}})
	for _, force := range []string{"", "--force"} {
		se.Reset()
		args := slices.DeleteFunc([]string{"template", "-o", other, force}, func(s string) bool { return s == "" })
		if code := run(args, &so, &se); code != exitNothing || !strings.Contains(se.String(), "不是duban生成的文件") {
			t.Errorf("overwriting a file duban did not write %s: exit %d, stderr %q", force, code, se.String())
		}
	}

	// A blank form filled in by the unit (牵头单位 left blank) checks without warnings; the
	// unit comes from the 填报单位 line.
	g, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for ref, v := range map[string]any{"D4": "市长办公会议第2次", "F4": "清理政府拖欠账款", "J4": "2024年底前",
		"K4": "已落实", "L4": day(2024, 5, 20), "D5": "市长办公会议第2次", "F5": "完善财政资金直达机制", "K5": "推进中"} {
		if err := g.SetCellValue("台账", ref, v); err != nil {
			t.Fatal(err)
		}
	}
	if err := hostile.SavedBy(g, "WPS 表格", "李四"); err != nil {
		t.Fatal(err)
	}
	if err := g.Save(); err != nil {
		t.Fatal(err)
	}
	g.Close()
	se.Reset()
	if code := run([]string{"template", "-o", out}, &so, &se); code != exitNothing || !strings.Contains(se.String(), "在生成后被修改过（由WPS保存）") {
		t.Errorf("overwriting a filled form: exit %d, stderr %q", code, se.String())
	}
	so.Reset()
	se.Reset()
	if code := run([]string{"check", "--as-of", "2024-06-01", out}, &so, &se); code != exitOK ||
		strings.Contains(listedText(se.String()), ": 警告: ") || !strings.Contains(so.String(), "读取2行 = 明细2项") {
		t.Errorf("check of a filled blank form: exit %d\n%s%s", code, so.String(), se.String())
	}

	// A master list without units gives no forms.
	master := filepath.Join(dir, "交办清单.xlsx")
	writeSheet(t, master, [][]any{{"事项内容", "会议", "完成时限"}, {"没有牵头单位", "市长办公会议第2次", ""}})
	se.Reset()
	if code := run([]string{"template", "--from", master, "--out-dir", filepath.Join(dir, "x")}, &so, &se); code != exitNothing ||
		!strings.Contains(se.String(), "牵头单位为空") {
		t.Errorf("master list without units: exit %d, stderr %q", code, se.String())
	}
}

func TestHelpShowsExamples(t *testing.T) {
	for _, cmd := range []string{"report", "check", "brief", "remind", "template", "config"} {
		var stdout, stderr bytes.Buffer
		code := run([]string{cmd, "--help"}, &stdout, &stderr)
		help := stdout.String() + stderr.String()
		if code != exitOK || !strings.Contains(help, "示例") || !strings.Contains(help, "duban "+cmd) {
			t.Errorf("duban %s --help: exit %d, no example in Chinese:\n%s", cmd, code, help)
		}
	}
}

// One unit returns its form, the other sends nothing: reconciling against the master list
// names the missing items and the silent unit.
func TestRoundTripExpect(t *testing.T) {
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	writeSheet(t, master, masterRows("市政府"))
	forms := filepath.Join(dir, "下发")
	runOK(t, "template", "--from", master, "--out-dir", forms)
	fillForm(t, filepath.Join(forms, "市住建局.xlsx"))
	back := filepath.Join(dir, "收文")
	if err := os.Mkdir(back, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Rename(filepath.Join(forms, "市住建局.xlsx"), filepath.Join(back, "市住建局.xlsx")); err != nil {
		t.Fatal(err)
	}
	d, err := loadDict("", sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	o := sheets.Options{Dict: d, AsOf: day(2024, 6, 1), WarnDays: 7}
	if o.Master, err = sheets.ReadMaster(master, o); err != nil {
		t.Fatal(err)
	}
	files, _ := sheets.Source([]string{back})
	rec := sheets.Build(files, o).Expect
	var missing []string
	for _, m := range rec.Missing {
		missing = append(missing, strings.Join(m, "|"))
	}
	want := []string{"|市长办公会议第2次||完善财政资金直达机制|市财政局|长期", "|市长办公会议第2次||清理政府拖欠账款|市财政局|2024-06-05"}
	if !slices.Equal(missing, want) || !slices.Equal(rec.Headers, []string{"编号", "会议", "会议日期", "事项内容", "牵头单位", "完成时限"}) {
		t.Errorf("漏报事项 %v\n%v\nwant %v", rec.Headers, missing, want)
	}
	if len(rec.Unreported) != 1 || rec.Unreported[0] != (sheets.UnitDue{Unit: "市财政局", Items: 2}) {
		t.Errorf("未报送单位 = %v", rec.Unreported)
	}

	// The same through the command: both sheets in the workbook.
	out := filepath.Join(dir, "汇总.xlsx")
	if code := run([]string{"report", "-q", "--as-of", "2024-06-01", "--expect", master, "-o", out, back}, io.Discard, io.Discard); code != exitOK {
		t.Fatalf("report --expect: exit %d", code)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := table(t, f, "漏报事项", "事项内容", "牵头单位"); len(got) != 2 || got[0]["事项内容"] != "完善财政资金直达机制" {
		t.Errorf("漏报事项 = %v", got)
	}
	// Dates stay real dates (2024-06-05 is serial 45448); words such as 长期 stay text.
	raw, err := f.GetRows("漏报事项", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	var deadlines []string
	for _, r := range raw {
		if len(r) > 5 && (r[3] == "完善财政资金直达机制" || r[3] == "清理政府拖欠账款") {
			deadlines = append(deadlines, r[5])
		}
	}
	if !slices.Equal(deadlines, []string{"长期", "45448"}) {
		t.Errorf("漏报事项 完成时限 cells = %q, want 长期 and the date serial 45448", deadlines)
	}
	if got := table(t, f, "未报送单位", "牵头单位", "应报事项数"); len(got) != 1 || got[0]["牵头单位"] != "市财政局" || got[0]["应报事项数"] != "2" {
		t.Errorf("未报送单位 = %v", got)
	}
}

// Units whose names come out alike as file names (市委/政府办 and 市委_政府办) get a form each.
func TestTemplateFromDistinctFiles(t *testing.T) {
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	writeSheet(t, master, [][]any{
		{"会议名称", "议定事项", "责任单位", "时限要求"},
		{"市政府第五次常务会议", "事项一", "市委/政府办", "2024年底前"},
		{"市政府第五次常务会议", "事项二", "市委_政府办", "2024年底前"},
	})
	forms := filepath.Join(dir, "下发")
	runOK(t, "template", "--from", master, "--out-dir", forms)
	for _, name := range []string{"市委_政府办.xlsx", "市委_政府办（2）.xlsx"} {
		if _, err := os.Stat(filepath.Join(forms, name)); err != nil {
			t.Errorf("form %s: %v", name, err)
		}
	}
}
