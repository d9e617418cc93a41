package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/books"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The office's monthly cycle (SPEC §9.1–9.3): remind → collect → report --since → brief, each
// run as the command and read back from the workbooks it wrote.

// openBook opens a workbook written by a test run.
func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// absSample is the sample folder as an absolute path, for runs in another working folder.
func absSample(t *testing.T) string {
	t.Helper()
	p, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestBriefCommand briefs the sample's 14th executive meeting: the figures of the briefing
// workbook equal that meeting's row of 分会议统计 in the report of the same folder, the
// narrative is on stdout, and the default file name is <会议>议定事项落实情况_<YYYYMMDD>.xlsx in
// the current folder.
func TestBriefCommand(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "汇总.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", report, sample); code != exitErrors {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	var row map[string]string
	for _, m := range table(t, openBook(t, report), sheets.SheetMeetings, "类别", "会议", "事项数") {
		if m["会议"] == "市政府常务会议第14次" {
			row = m
		}
	}
	if row == nil {
		t.Fatal("分会议统计 has no row 市政府常务会议第14次")
	}

	samplePath := absSample(t)
	t.Chdir(dir)
	code, stdout, stderr := runCmd(t, "brief", "--meeting", "市政府第十四次常务会议", "--as-of", "2024-12-20", samplePath)
	if code != exitErrors { // the sample has rows excluded by errors, as with report
		t.Fatalf("brief: exit %d\n%s", code, stderr)
	}
	const narrative = "市政府第14次常务会议议定事项4项，已落实2项，正在推进2项；逾期1项：研究制定智慧交通平台建设相关工作（市交通运输局），已逾期13天。" // no row of it was excluded: no caveat
	const name = "市政府常务会议第14次议定事项落实情况_20241220.xlsx"
	if !strings.HasPrefix(stdout, narrative+"\n\n会议通报："+name+"\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if b := balance(t, stdout); b != [4]int{344, 313, 28, 3} { // with the sample's 11 建议提案
		t.Errorf("row proof %v", b)
	}
	f := openBook(t, filepath.Join(dir, name))
	rows, err := f.GetRows(books.SheetBrief)
	if err != nil {
		t.Fatal(err)
	}
	if rows[2][0] != narrative {
		t.Errorf("narrative line %q", rows[2][0])
	}
	got := map[string]int{}
	items := table(t, f, books.SheetBrief, "序号", "事项内容", "落实状态", "预警")
	for _, it := range items {
		got[it["落实状态"]]++
		if it["预警"] == "逾期" {
			got["逾期"]++
		}
	}
	for label, n := range map[string]int{"事项数": len(items), "已落实": got["已落实"], "推进中": got["推进中"],
		"未启动": got["未启动"], "逾期": got["逾期"]} {
		if strconv.Itoa(n) != row[label] {
			t.Errorf("briefing %s = %d, 分会议统计 says %s", label, n, row[label])
		}
	}

	// The category alone takes its latest session; an unknown session names the candidates;
	// without --meeting nothing is read; the briefing is not overwritten without --force.
	code, stdout, _ = runCmd(t, "brief", "--meeting", "常务会", "--as-of", "2024-12-20", "-o", "最近.xlsx", samplePath)
	if code != exitErrors || !strings.HasPrefix(stdout, "市政府第14次常务会议") {
		t.Errorf("--meeting 常务会: exit %d\n%s", code, stdout)
	}
	code, stdout, _ = runCmd(t, "brief", "-q", "--meeting", "常务会", "--as-of", "2024-12-20", "-o", "最近.xlsx", samplePath)
	if code != exitErrors || stdout != "会议通报：最近.xlsx\n督查通报：关于市政府第14次常务会议议定事项落实情况的通报_20241220.docx\n"+
		"行数核对：读取344行 = 明细313项 + 重复合并28行 + 错误排除3行\n" {
		t.Errorf("-q: exit %d\n%s", code, stdout)
	}
	code, stdout, stderr = runCmd(t, "brief", "--meeting", "常务会第99次", "--as-of", "2024-12-20", "-o", "无.xlsx", samplePath)
	if code != exitNothing || stdout != "" || !strings.Contains(stderr, "错误：台账中没有“常务会第99次”的事项；相近的会议有：市政府常务会议第14次、市政府常务会议第13次、") {
		t.Errorf("unknown meeting: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCmd(t, "brief", samplePath)
	if code != exitNothing || stderr != "错误：请用 --meeting 指定要通报的会议，如 --meeting 市政府常务会议第14次（只写 --meeting 常务会 取最近一次）\n" {
		t.Errorf("no --meeting: exit %d, stderr %q", code, stderr)
	}
	// As the report: duban's own briefing is replaced, one saved by WPS since is not.
	if code, _, stderr = runCmd(t, "brief", "--meeting", "常务会第14次", "--as-of", "2024-12-20", samplePath); code != exitErrors {
		t.Errorf("second run over the unedited briefing: exit %d\n%s", code, stderr)
	}
	saveAs(t, name, "WPS 表格")
	code, stdout, stderr = runCmd(t, "brief", "--meeting", "常务会第14次", "--as-of", "2024-12-20", samplePath)
	if code != exitNothing || stdout != "" || !strings.HasSuffix(stderr, "错误："+name+" 在生成后被修改过（由WPS保存）"+overwriteTail) {
		t.Errorf("run over the edited briefing: exit %d\n%s", code, stderr)
	}
	if code, _, _ = runCmd(t, "brief", "--meeting", "常务会第14次", "--as-of", "2024-12-20", "--force", samplePath); code != exitErrors {
		t.Errorf("run over the edited briefing with --force: exit %d", code)
	}
	if _, err := os.Stat("无.xlsx"); err == nil {
		t.Error("a briefing was written for an unknown meeting")
	}
	code, _, stderr = runCmd(t, "brief", "--meeting", "常务会第14次", "--strict", "-o", "严格.xlsx", samplePath)
	if code != exitNothing || !strings.Contains(stderr, "按 --strict 要求未生成任何工作簿") {
		t.Errorf("--strict with errors: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCmd(t, "brief", "--meeting", "常务会第14次", "-o", "通报.txt", samplePath)
	if code != exitNothing || stderr != "错误：输出文件 通报.txt 应以 .xlsx 结尾\n" {
		t.Errorf("-o 通报.txt: exit %d, stderr %q", code, stderr)
	}
	for _, f := range []string{"严格.xlsx", "通报.txt"} {
		if _, err := os.Stat(f); err == nil {
			t.Errorf("%s written", f)
		}
	}
}

// headerRow returns the 1-based row of sheet holding all labels, and each label's column name.
func headerRow(t *testing.T, f *excelize.File, sheet string, labels ...string) (int, map[string]string) {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		col := map[string]string{}
		for j, c := range r {
			if slices.Contains(labels, c) {
				col[c] = sheets.ColumnName(j + 1)
			}
		}
		if len(col) == len(labels) {
			return i + 1, col
		}
	}
	t.Fatalf("%s: no header with %v", sheet, labels)
	return 0, nil
}

// TestRemindCommand writes the sample's reminders, fills them in as the units would (已完成
// with a 完成日期; a deadline for the undated) and reports on the sample with the returned
// reminders: no item is overdue or without a deadline any more, and the row proof holds with
// every returned row counted.
func TestRemindCommand(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "催办")
	code, stdout, stderr := runCmd(t, "remind", "--out-dir", dir, "--reply-by", "2024-12-31", "--as-of", "2024-12-20", sample)
	if code != exitErrors {
		t.Fatalf("remind: exit %d\n%s", code, stderr)
	}
	lines := strings.Split(strings.TrimSuffix(stdout, "\n"), "\n")
	// 30 supervised items, 人大代表建议第21号 overdue (市农业农村局) and 闭会第2号 due today
	// (市交通运输局): 建议提案 get reminders like any item (SPEC §9.5).
	if len(lines) != 13 || lines[11] != "已在 "+dir+" 写出11份催办单，共32项事项" {
		t.Fatalf("stdout:\n%s", stdout)
	}
	// By name (pinyin, as Excel sorts), in columns.
	if want := "市交通运输局        4项（逾期2项、临期2项）                 " + filepath.Join(dir, "市交通运输局_催办单_20241220.xlsx"); lines[3] != want ||
		!strings.HasPrefix(lines[0], "市财政局            3项（逾期3项）  ") || !strings.HasPrefix(lines[10], "市自然资源和规划局  ") {
		t.Errorf("stdout lacks %q in place:\n%s", want, stdout)
	}
	before := balance(t, stdout)

	// The report of the same folder lists as many open items to remind.
	report := filepath.Join(t.TempDir(), "汇总.xlsx")
	runCmd(t, "report", "--as-of", "2024-12-20", "-o", report, sample)
	rf := openBook(t, report)
	listed := len(table(t, rf, sheets.SheetOverdue, "序号", "逾期天数")) + len(table(t, rf, sheets.SheetDueSoon, "序号", "剩余天数")) +
		len(table(t, rf, sheets.SheetNoDeadline, "序号", "事项内容"))
	if listed != 32 {
		t.Errorf("the report lists %d items to remind, the reminders hold 32", listed)
	}

	entries, err := os.ReadDir(dir)
	if err != nil || len(entries) != 11 {
		t.Fatalf("%d reminders (%v)", len(entries), err)
	}
	filled := 0
	for _, e := range entries {
		f := openBook(t, filepath.Join(dir, e.Name()))
		head, col := headerRow(t, f, books.SheetForm, "事项内容", "完成时限", "落实状态", "完成日期")
		rows, _ := f.GetRows(books.SheetForm)
		for r := head + 1; r <= len(rows); r++ {
			cell := func(label string) string { return col[label] + strconv.Itoa(r) }
			if v, _ := f.GetCellValue(books.SheetForm, cell("事项内容")); v == "" {
				continue
			}
			if v, _ := f.GetCellValue(books.SheetForm, cell("完成时限")); v == "" {
				must(t, f.SetCellStr(books.SheetForm, cell("完成时限"), "2025-06-30"))
			}
			must(t, f.SetCellStr(books.SheetForm, cell("落实状态"), "已完成"))
			must(t, f.SetCellStr(books.SheetForm, cell("完成日期"), "2024-12-15"))
			filled++
		}
		// 建议提案 (SPEC §9.5) are on a sheet of their own: answered with a 答复日期.
		if idx, _ := f.GetSheetIndex(books.SheetSuggestions); idx >= 0 {
			head, col := headerRow(t, f, books.SheetSuggestions, "事项内容", "答复日期")
			rows, _ := f.GetRows(books.SheetSuggestions)
			for r := head + 1; r <= len(rows); r++ {
				if v, _ := f.GetCellValue(books.SheetSuggestions, col["事项内容"]+strconv.Itoa(r)); v != "" {
					must(t, f.SetCellStr(books.SheetSuggestions, col["答复日期"]+strconv.Itoa(r), "2024-12-15"))
					filled++
				}
			}
		}
		must(t, f.Save())
		saveAs(t, filepath.Join(dir, e.Name()), "Microsoft Excel") // as the unit's Excel saves it
	}
	if filled != 32 {
		t.Errorf("filled %d rows, want 32", filled)
	}

	after := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr = runCmd(t, "report", "--as-of", "2024-12-20", "-o", after, sample, dir)
	if code != exitErrors {
		t.Fatalf("report with the reminders: exit %d\n%s", code, stderr)
	}
	if b := balance(t, stdout); b != [4]int{before[0] + 32, before[1], before[2] + 32, before[3]} {
		t.Errorf("row proof %v, want %v with 32 more rows merged", b, before)
	}
	f := openBook(t, after)
	for _, sheet := range []string{sheets.SheetOverdue, sheets.SheetNoDeadline} {
		rows, _ := f.GetRows(sheet)
		if n := len(table(t, f, sheet, "序号", "事项内容")); n != 0 || !slices.ContainsFunc(rows, func(r []string) bool { return len(r) > 0 && strings.HasPrefix(r[0], "无") }) {
			t.Errorf("%s holds %d items after the reminders came back", sheet, n)
		}
	}
	for _, p := range table(t, openBook(t, checkPath(after)), sheets.SheetProblems, "级别", "文件", "说明") {
		if sheets.IsReminder(p["文件"]) && p["级别"] != "提示" {
			t.Errorf("problem about a reminder: %v", p)
		}
	}

	// Reminders filled in and saved are not overwritten without --force.
	code, stdout, stderr = runCmd(t, "remind", "--out-dir", dir, "--as-of", "2024-12-20", sample)
	want := "\n  " + filepath.Join(dir, "市交通运输局_催办单_20241220.xlsx") + " 在生成后被修改过（由Excel保存），为免丢失手工修改，未覆盖；"
	if code != exitNothing || stdout != "" || !strings.Contains(stderr, "错误：以下催办单不能覆盖，未生成任何催办单：\n") || strings.Count(stderr, "（由Excel保存）") != 11 || !strings.Contains(stderr, want) {
		t.Errorf("second remind: exit %d\n%s%s", code, stdout, stderr)
	}
}

// TestRemindNothingAndUsage: nothing open to remind is said so; --out-dir and --reply-by are
// checked before anything is read.
func TestRemindNothingAndUsage(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	ledger := filepath.Join(tmp, "市财政局.xlsx")
	writeSheet(t, ledger, [][]any{
		{"类别", "会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"市政府常务会议", "第1次", "修订财政资金管理办法", "市财政局", "2024-06-30", "已完成", "2024-06-01"},
	})
	out := filepath.Join(tmp, "催办")
	code, stdout, stderr := runCmd(t, "remind", "--out-dir", out, "--as-of", "2024-12-20", ledger)
	if code != exitOK || stdout != "没有需要催办的事项\n行数核对：读取1行 = 明细1项 + 重复合并0行 + 错误排除0行\n" {
		t.Errorf("nothing to remind: exit %d\n%s%s", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("the folder was created with nothing to write")
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"remind", ledger}, "错误：请用 --out-dir 指定催办单写到哪个文件夹，如 --out-dir 催办\n"},
		{[]string{"remind", "--out-dir", out, "--reply-by", "下周", ledger}, "错误：--reply-by “下周”不是有效日期，应写成 2024-12-31\n"},
		{[]string{"remind", "--out-dir", out, "--as-of", "2024-12-20", "--reply-by", "2024-12-01", ledger}, "错误：--reply-by 2024-12-01 早于统计截止日 2024-12-20\n"},
		{[]string{"remind", "--out-dir", filepath.Join(tmp, "催办"), tmp}, "错误：催办单文件夹 " + filepath.Join(tmp, "催办") + " 在输入文件夹 " + tmp + " 之内，催办单会和各单位报送的台账混在一起，容易被误当作单位报来的文件；请另选文件夹\n"},
		{[]string{"remind", "--out-dir", tmp, tmp}, "错误：催办单文件夹 " + tmp + " 在输入文件夹 " + tmp + " 之内，催办单会和各单位报送的台账混在一起，容易被误当作单位报来的文件；请另选文件夹\n"},
	} {
		if code, stdout, stderr := runCmd(t, tc.args...); code != exitNothing || stdout != "" || stderr != tc.want {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", tc.args, code, stdout, stderr)
		}
	}
}

// TestReportSince builds the sample's states at two as-of dates, the second without
// 市教育局's file, and compares them with --since: the report's 变化情况 names 市教育局 in one
// line with its previous items, the check file's lists exactly its items in the previous
// report as 本期未报 with their sources, and both list as 新增逾期 exactly those overdue now and
// not then; 汇总 carries the 较上期 line under the narrative, saying the unit sent nothing, and
// stdout's narrative ends with it; stderr warns once of the unit, not once per item.
func TestReportSince(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("previous report: exit %d\n%s", code, stderr)
	}
	in := filepath.Join(tmp, "收文")
	copyDir(t, sample, in)
	must(t, os.Remove(filepath.Join(in, "市教育局.xls")))
	cur := filepath.Join(tmp, "督查事项汇总_20241220.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--since", prev, "-o", cur, in)
	if code != exitErrors {
		t.Fatalf("report --since: exit %d\n%s", code, stderr)
	}
	const sentence = "较上期（2024年11月20日）：落实率与上期持平（86.4%），本期办结0项，新增逾期6项；市教育局本期未报送（上期22项），未计入本期。"
	if !strings.Contains(stdout, "无明确时限事项7项。承办人大代表建议6件、政协委员提案5件，办复率81.8%，满意率87.5%，逾期未办复1件。"+sentence+"\n") {
		t.Errorf("stdout's narrative lacks the 较上期 clause:\n%s", stdout)
	}
	const warning = "  市教育局本期未报送台账（上期22项，其中逾期2项），其事项未计入本次统计，请催报\n"
	if strings.Count(stderr, "市教育局") != 1 || !strings.Contains(stderr, warning) {
		t.Errorf("stderr should warn once of 市教育局:\n%s", stderr)
	}

	then := map[string]string{} // 事项内容|牵头单位 → 预警 as of 2024-11-20
	var gone []string
	for _, it := range table(t, openBook(t, prev), sheets.SheetItems, "事项内容", "牵头单位", "预警") {
		then[it["事项内容"]+"|"+it["牵头单位"]] = it["预警"]
		if it["牵头单位"] == "市教育局" {
			gone = append(gone, it["事项内容"])
		}
	}
	f := openBook(t, cur)
	var newlyOverdue []string
	for _, it := range table(t, f, sheets.SheetItems, "事项内容", "牵头单位", "预警") {
		if it["预警"] == "逾期" && then[it["事项内容"]+"|"+it["牵头单位"]] != "逾期" {
			newlyOverdue = append(newlyOverdue, it["事项内容"])
		}
	}
	slices.Sort(gone)
	slices.Sort(newlyOverdue)
	if len(gone) != 22 || len(newlyOverdue) != 6 {
		t.Fatalf("the fixture: %d items of 市教育局, %d newly overdue", len(gone), len(newlyOverdue))
	}
	// The leaders' 变化情况: plain facts, one line for the unit; the clerk's: every item with
	// its source.
	for _, book := range []struct {
		f       *excelize.File
		labels  []string
		checked bool
	}{
		{f, []string{"变化", "事项内容", "牵头单位", "上期状态", "本期状态", "说明"}, false},
		{openBook(t, sheets.CheckPath(cur)), []string{"变化", "事项内容", "牵头单位", "上期状态", "本期状态", "说明", "来源"}, true},
	} {
		var unreported, overdue []string
		for _, c := range table(t, book.f, sheets.SheetChanges, book.labels...) {
			switch c["变化"] {
			case sheets.ChangeUnreported:
				unreported = append(unreported, c["事项内容"])
				if c["牵头单位"] != "市教育局" || c["本期状态"] != "" {
					t.Errorf("本期未报 %v", c)
				}
				if book.checked && (!strings.HasPrefix(c["来源"], "市教育局.xls!") || !strings.HasPrefix(c["说明"], "该单位本期未报送台账（上期来源：市教育局.xls!")) {
					t.Errorf("the check file's 本期未报 %v", c)
				}
				if !book.checked && c["说明"] != "市教育局本期未报送，上期22项，其中逾期2项" {
					t.Errorf("the report's 本期未报 %v", c)
				}
			case sheets.ChangeOverdue:
				overdue = append(overdue, c["事项内容"])
				if !book.checked && !strings.HasPrefix(c["说明"], "已逾期") || strings.Contains(c["说明"], "请核实") {
					t.Errorf("新增逾期 %v", c)
				}
			case sheets.ChangeStillDue:
			default: // the same files: nothing new, finished or regressed
				t.Errorf("change %v", c)
			}
			if !book.checked && (strings.Contains(c["说明"], ".xls") || strings.Contains(c["说明"], "请核实")) {
				t.Errorf("working material in the report's 变化情况: %v", c)
			}
		}
		slices.Sort(unreported)
		slices.Sort(overdue)
		if want := gone; !book.checked {
			if !slices.Equal(unreported, []string{""}) {
				t.Errorf("the report's 本期未报 %q, want one line for the unit", unreported)
			}
		} else if !slices.Equal(unreported, want) {
			t.Errorf("本期未报\n got %q\nwant %q", unreported, want)
		}
		if !slices.Equal(overdue, newlyOverdue) {
			t.Errorf("新增逾期\n got %q\nwant %q", overdue, newlyOverdue)
		}
	}

	if names := f.GetSheetList(); names[len(names)-1] != sheets.SheetChanges || names[len(names)-2] != sheets.SheetItems {
		t.Errorf("sheets %v: 变化情况 should follow 事项明细", names)
	}
	rows, _ := f.GetRows(sheets.SheetSummary)
	var lead []string
	for _, r := range rows[2:] {
		if len(r) == 0 || r[0] == "类别" {
			break
		}
		lead = append(lead, r[0])
	}
	const note = "注：市教育局本期未报送台账（上期22项，其中逾期2项），市交通运输局、市卫生健康委、市商务局报送的3行因填写错误被排除，上述事项均未计入本汇总。"
	if len(lead) != 3 || !strings.HasPrefix(lead[0], "截至2024年12月20日，") || strings.Contains(lead[0], "较上期") || lead[1] != sentence || lead[2] != note {
		t.Errorf("汇总 above the table: %q", lead)
	}

	// A --since file that is not a report, or missing: nothing written, the file named.
	for _, tc := range []struct{ since, want string }{
		{filepath.Join(in, "市财政局（终稿）.xlsx"), "错误：市财政局（终稿）.xlsx 不是duban生成的汇总表（没有“事项明细”工作表），无法与上期比较\n"},
		{filepath.Join(tmp, "无.xlsx"), "错误：上期汇总表 无.xlsx 无法读取："},
	} {
		out := filepath.Join(tmp, "x.xlsx")
		code, _, stderr := runCmd(t, "report", "--since", tc.since, "-o", out, in)
		if code != exitNothing || !strings.HasPrefix(stderr, tc.want) {
			t.Errorf("--since %s: exit %d, stderr %q", filepath.Base(tc.since), code, stderr)
		}
		if _, err := os.Stat(out); err == nil {
			t.Errorf("--since %s: a report was written", filepath.Base(tc.since))
		}
	}
	// The previous report is never the output.
	if code, _, stderr := runCmd(t, "report", "--since", prev, "-o", prev, in); code != exitNothing || !strings.Contains(stderr, "也是输入文件") {
		t.Errorf("--since = -o: exit %d\n%s", code, stderr)
	}
}

// TestOfficeFromConfig sets 制表单位 in the workbook duban config writes and passes it with
// --config: the report, the briefing, the reminders and the annotated copies carry it.
func TestOfficeFromConfig(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	config := filepath.Join(tmp, "配置.xlsx")
	if code, _, stderr := runCmd(t, "config", "-o", config); code != exitOK {
		t.Fatalf("config: exit %d\n%s", code, stderr)
	}
	cf := openBook(t, config)
	head, col := headerRow(t, cf, sheets.SectionSettings, "名称", "值")
	rows, _ := cf.GetRows(sheets.SectionSettings)
	at := ""
	for r := head + 1; r <= len(rows); r++ {
		if v, _ := cf.GetCellValue(sheets.SectionSettings, "A"+strconv.Itoa(r)); v == sheets.SettingOffice {
			at = col["值"] + strconv.Itoa(r)
		}
	}
	if at == "" {
		t.Fatalf("duban config wrote no 制表单位 row: %q", rows)
	}
	if v, _ := cf.GetCellValue(sheets.SectionSettings, at); v != "" {
		t.Errorf("制表单位 written as %q, want empty", v)
	}
	must(t, cf.SetCellStr(sheets.SectionSettings, at, "x市人民政府办公室"))
	must(t, cf.Save())

	const office = "x市人民政府办公室"
	report := filepath.Join(tmp, "汇总.xlsx")
	runCmd(t, "report", "--config", config, "--as-of", "2024-12-20", "-o", report, sample)
	rows, _ = openBook(t, report).GetRows(sheets.SheetSummary)
	if rows[0][0] != office+"2024年度督查事项落实情况汇总" || rows[1][0] != "制表单位："+office+"　　统计截止：2024年12月20日" {
		t.Errorf("汇总 titles %q %q", rows[0][0], rows[1][0])
	}

	brief := filepath.Join(tmp, "通报.xlsx")
	runCmd(t, "brief", "--config", config, "--meeting", "常务会第14次", "--as-of", "2024-12-20", "-o", brief, sample)
	rows, _ = openBook(t, brief).GetRows(books.SheetBrief)
	if len(rows) < 2 || rows[1][0] != "制表单位："+office+"    统计截止：2024年12月20日" {
		t.Errorf("briefing line %q", rows)
	}

	dir := filepath.Join(tmp, "催办")
	runCmd(t, "remind", "--config", config, "--out-dir", dir, "--as-of", "2024-12-20", sample)
	rf := openBook(t, filepath.Join(dir, "市交通运输局_催办单_20241220.xlsx"))
	if p, err := rf.GetDocProps(); err != nil || p.Creator != office {
		t.Errorf("reminder creator %+v %v", p, err)
	}
	if cells, _ := rf.SearchSheet(books.SheetForm, "（"+office+"，2024年12月20日）", true); len(cells) != 1 {
		t.Errorf("the reminder does not name the office: %v", cells)
	}

	ann := filepath.Join(tmp, "退回")
	runCmd(t, "check", "--config", config, "--annotate", ann, filepath.Join(sample, "市交通运输局.xlsx"))
	af := openBook(t, filepath.Join(ann, "市交通运输局.xlsx"))
	if p, err := af.GetDocProps(); err != nil || p.Creator != office {
		t.Errorf("annotated copy creator %+v %v", p, err)
	}
	// Without a 制表单位 the notes are signed 督查室.
	ann2 := filepath.Join(tmp, "退回2")
	runCmd(t, "check", "--annotate", ann2, filepath.Join(sample, "市交通运输局.xlsx"))
	if p, err := openBook(t, filepath.Join(ann2, "市交通运输局.xlsx")).GetDocProps(); err != nil || p.Creator != books.DefaultOffice {
		t.Errorf("annotated copy creator without an office %+v %v", p, err)
	}
}

// TestCycleValid: a briefing, a reminder and a report with 变化情况 pass validate.sh.
func TestCycleValid(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: a test of validate.sh")
	}
	v := validator(t)
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "上期", "汇总.xlsx")
	must(t, os.MkdirAll(filepath.Dir(prev), 0o755))
	runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample)
	out := filepath.Join(tmp, "出")
	must(t, os.MkdirAll(out, 0o755))
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--since", prev, "-o", filepath.Join(out, "汇总.xlsx"), sample); code != exitErrors {
		t.Fatalf("report --since: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "brief", "--meeting", "常务会第14次", "--as-of", "2024-12-20", "-o", filepath.Join(out, "通报.xlsx"), sample); code != exitErrors {
		t.Fatalf("brief: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "remind", "--out-dir", filepath.Join(out, "催办"), "--reply-by", "2024-12-31", "--as-of", "2024-12-20", sample); code != exitErrors {
		t.Fatalf("remind: exit %d\n%s", code, stderr)
	}
	assertValid(t, v, out, 3+11) // 汇总, its check file, the briefing, 11 reminders
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// TestReportSinceLater: a "previous" report as of a date not before this run's is refused
// (exit 2, nothing written): comparing with it would call every change backwards.
func TestReportSinceLater(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	later := filepath.Join(tmp, "督查事项汇总_20241220.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", later, sample); code != exitErrors {
		t.Fatalf("the later report: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "--since", later, "-o", out, sample)
	if code != exitNothing || !strings.Contains(stderr, "统计截止日2024年12月20日不早于本次的2024年11月20日，不能作为上期") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a report was written")
	}
}
