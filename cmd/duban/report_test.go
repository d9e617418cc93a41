package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

const sample = "../../testdata/sample"

// runCmd runs duban in-process and returns its exit status, stdout and stderr.
func runCmd(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errw bytes.Buffer
	code := run(args, &out, &errw)
	return code, out.String(), errw.String()
}

var balanceRE = regexp.MustCompile(`行数核对：读取(\d+)行 = 明细(\d+)项 \+ 重复合并(\d+)行 \+ 错误排除(\d+)行\n$`)

// balance checks the row-count proof that ends stdout and returns N, M, K, E.
func balance(t *testing.T, stdout string) [4]int {
	t.Helper()
	m := balanceRE.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("stdout does not end with the 行数核对 line:\n%s", stdout)
	}
	var v [4]int
	for i := range v {
		v[i], _ = strconv.Atoi(m[i+1])
	}
	if v[0] != v[1]+v[2]+v[3] {
		t.Fatalf("行数核对 does not add up: %v", v)
	}
	return v
}

// table returns the rows under the header row of sheet that holds all labels, up to the
// first blank row, as maps from label to cell text.
func table(t *testing.T, f *excelize.File, sheet string, labels ...string) []map[string]string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatalf("sheet %s: %v", sheet, err)
	}
	for i, r := range rows {
		col := map[string]int{}
		for j, c := range r {
			col[c] = j
		}
		all := true
		for _, l := range labels {
			if _, ok := col[l]; !ok {
				all = false
			}
		}
		if !all {
			continue
		}
		var out []map[string]string
		for _, d := range rows[i+1:] {
			if strings.TrimSpace(strings.Join(d, "")) == "" {
				break
			}
			m := map[string]string{}
			for l, j := range col {
				if j < len(d) {
					m[l] = d[j]
				}
			}
			out = append(out, m)
		}
		return out
	}
	t.Fatalf("sheet %s: no header with %v", sheet, labels)
	return nil
}

// TestReportSample runs the README's first command on the bundled sample and checks the
// figures the generator planted (testdata/gen prints them).
func TestReportSample(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "-v", "--as-of", "2024-12-20", "-o", out, sample)
	if code != exitErrors {
		t.Fatalf("exit %d, want 1 (the sample plants three errors)\n%s", code, stderr)
	}
	// 302 supervised items and the 11 建议提案, which 汇总 counts apart (SPEC §9.5).
	if got := balance(t, stdout); got != [4]int{344, 313, 28, 3} {
		t.Errorf("行数核对 = %v, want 344 = 313 + 28 + 3", got)
	}
	for _, want := range []string{
		"市交通运输局.xlsx!督查事项!D21: 错误: 事项内容为空",
		"市卫生健康委.xlsx!台账!H18: 错误: 落实状态“基本完成”只说明基本或部分完成，没有说明事项是否已全部完成",
		"市商务局.xlsx!台账!H12: 错误: 完成时限“2024年2月30日”不是有效日期（2月没有30日）",
		"市工业和信息化局.xlsx!台账!I6: 警告: 落实状态为“已完成”（已落实），但未填写完成日期",
		"说明.txt: 提示: 不是Excel工作簿，已跳过",
		"警告: 市委常委会议的会议届次不连续：第1–19次中缺第4、7、8、15次（可能有单位未报送，或这些会议没有督查事项），会议次数只计有事项的会议，请核对",
	} {
		if !strings.Contains(listedText(stderr), want) {
			t.Errorf("stderr lacks %q", want)
		}
	}
	if strings.Contains(stderr, "~$") {
		t.Error("the Office lock file was mentioned; it must be skipped silently")
	}
	if !strings.Contains(stdout, "发现问题107条：错误3条，警告11条（上面合并列为5条），提示93条，已列入核对工作簿的“校验问题”工作表\n") {
		t.Errorf("stdout does not count the problems:\n%s", stdout)
	}
	// 第1–19次 with four absent: 涉及, not 召开; 第1–14次 complete: 召开.
	if !strings.Contains(stdout, "截至2024年12月20日，市委常委会议涉及15次会议，议定事项22项，已落实20项，落实率90.9%；召开市政府常务会议14次，") {
		t.Errorf("narrative missing from stdout:\n%s", stdout)
	}
	checkPath := strings.TrimSuffix(out, ".xlsx") + "_核对.xlsx"
	if !strings.Contains(stdout, "核对工作簿："+checkPath+"\n") {
		t.Errorf("stdout does not name the check file %s:\n%s", checkPath, stdout)
	}

	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); strings.Join(got, " ") != "汇总 分会议统计 分管领导统计 单位统计 逾期事项 临期事项 无明确时限 事项明细" {
		t.Errorf("sheets = %v", got)
	}
	cf, err := excelize.OpenFile(checkPath)
	if err != nil {
		t.Fatal(err)
	}
	defer cf.Close()
	if got := cf.GetSheetList(); strings.Join(got, " ") != "报送情况 校验问题 事项明细" {
		t.Errorf("check file sheets = %v", got)
	}
	want := map[string]string{ // 类别 → 会议次数 事项数 已落实 推进中 未启动 逾期 临期
		"市委常委会议":  "15 22 20 2 0 2 0",
		"市政府常务会议": "14 96 87 8 1 4 1",
		"市长办公会议":  "12 44 36 6 2 2 2",
		"市长专题会议":  "31 64 51 10 3 4 4",
		"市长批示件":   " 38 36 2 0 1 0",
		"两报告":     " 38 31 5 2 3 0",
		"合计":      "72 302 261 33 8 16 7",
	}
	rows := table(t, f, "汇总", "类别", "会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期", "落实率")
	if len(rows) != len(want) {
		t.Errorf("汇总 has %d rows, want %d", len(rows), len(want))
	}
	for _, r := range rows {
		got := strings.Join([]string{r["会议次数"], r["事项数"], r["已落实"], r["推进中"], r["未启动"], r["逾期"], r["临期"]}, " ")
		if got != want[r["类别"]] {
			t.Errorf("汇总 %s = %q, want %q", r["类别"], got, want[r["类别"]])
		}
	}
	// The rate is the exact ratio, shown with one decimal.
	// The rate is the ratio 20/22 at Excel's precision of 15 significant digits (excelize
	// writes no more, as Excel itself cannot hold more).
	v, _ := f.GetCellValue("汇总", "I6", excelize.Options{RawCellValue: true})
	if want := strconv.FormatFloat(20.0/22, 'g', 15, 64); v != want {
		t.Errorf("汇总!I6 = %s, want the ratio 20/22 = %s", v, want)
	}
	if n := len(table(t, f, "事项明细", "事项内容", "牵头单位", "落实状态", "预警")); n != 302+11 {
		t.Errorf("事项明细 has %d rows, want 302 and the 11 建议提案", n)
	}
	if n := len(table(t, cf, "事项明细", "事项内容", "牵头单位", "落实状态", "预警", "来源")); n != 302+11 {
		t.Errorf("the check file's 事项明细 has %d rows, want 302 and the 11 建议提案", n)
	}
	// The 16 supervised items past due and 人大代表建议第21号, unanswered since 6月30日.
	overdue := table(t, f, "逾期事项", "类别", "事项内容", "逾期天数")
	if n := len(overdue); n != 16+1 || !slices.ContainsFunc(overdue, func(r map[string]string) bool {
		return r["类别"] == "人大代表建议" && r["逾期天数"] == "173"
	}) {
		t.Errorf("逾期事项 has %d rows, want 16 and 人大代表建议第21号 173 days overdue", n)
	}
	// 汇总's 建议提案 table: the figures the generator prints (testdata/gen, suggestions.go),
	// counted there from the rows it writes.
	sug := map[string]string{ // 类别 → 件数 已办复 A类 B类 C类 D类 满意 基本满意 不满意
		"人大代表建议": "6 4 1 1 1 1 2 1 1",
		"政协委员提案": "5 5 3 1 1 0 3 1 0",
		"合计":     "11 9 4 2 2 1 5 2 1",
	}
	srows := table(t, f, "汇总", "类别", "件数", "已办复", "办复率", "A类", "B类", "C类", "D类", "满意", "基本满意", "不满意", "满意率")
	if len(srows) != len(sug) {
		t.Errorf("汇总's 建议提案 table has %d rows, want %d", len(srows), len(sug))
	}
	for _, r := range srows {
		got := strings.Join([]string{r["件数"], r["已办复"], r["A类"], r["B类"], r["C类"], r["D类"], r["满意"], r["基本满意"], r["不满意"]}, " ")
		if got != sug[r["类别"]] {
			t.Errorf("建议提案 %s = %q, want %q", r["类别"], got, sug[r["类别"]])
		}
	}
	if !strings.Contains(stdout, "。承办人大代表建议6件、政协委员提案5件，办复率81.8%，满意率87.5%，逾期未办复1件。\n") {
		t.Errorf("stdout's narrative lacks the 建议提案 sentence:\n%s", stdout)
	}
	var errs []string
	for _, r := range table(t, cf, "校验问题", "级别", "文件", "工作表", "单元格", "字段", "原值", "说明") {
		if r["级别"] == "错误" {
			errs = append(errs, r["文件"]+"!"+r["工作表"]+"!"+r["单元格"])
		}
	}
	if strings.Join(errs, " ") != "市交通运输局.xlsx!督查事项!D21 市卫生健康委.xlsx!台账!H18 市商务局.xlsx!台账!H12" {
		t.Errorf("errors in 校验问题 = %v", errs)
	}
}

// TestReportDefaultOutput checks the default file name, and that `duban PATH` (a folder
// dropped onto duban.exe) writes beside the folder.
func TestReportDefaultOutput(t *testing.T) {
	abs, _ := filepath.Abs(sample)
	work := t.TempDir()
	t.Chdir(work)
	if code, _, stderr := runCmd(t, "report", "-q", "--as-of", "2024-12-20", abs); code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if _, err := os.Stat(filepath.Join(work, "督查事项汇总_20241220.xlsx")); err != nil {
		t.Errorf("default output not in the current folder: %v", err)
	}

	// Dropped: a copy of the sample in a folder of its own.
	parent := t.TempDir()
	dir := filepath.Join(parent, "收文")
	copyDir(t, abs, dir)
	if code, _, stderr := runCmd(t, dir); code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	name := "督查事项汇总_" + time.Now().Format("20060102") + ".xlsx"
	if _, err := os.Stat(filepath.Join(parent, name)); err != nil {
		t.Errorf("dropped folder: output not beside it: %v", err)
	}
}

func TestReportExitCodes(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	out := filepath.Join(dir, "out.xlsx")
	for _, c := range []struct {
		name string
		args []string
		want int
		msg  string
	}{
		{"no paths", []string{"report"}, exitNothing, "请给出要汇总的工作簿或文件夹"},
		{"bad flag", []string{"report", "--no-such-flag", sample}, exitNothing, "命令行选项有误"},
		{"bad as-of", []string{"report", "--as-of", "明天", "-o", out, sample}, exitNothing, "--as-of “明天”不是有效日期"},
		{"missing path", []string{"report", "-o", out, filepath.Join(dir, "没有这个文件夹")}, exitNothing, "没有读取到任何台账数据"},
		{"strict", []string{"report", "--strict", "--as-of", "2024-12-20", "-o", out, sample}, exitNothing, "按 --strict 要求未生成汇总工作簿"},
		{"missing output folder", []string{"report", "-o", filepath.Join(dir, "无", "out.xlsx"), sample}, exitNothing, "不存在"},
		{"output is input", []string{"report", "-o", filepath.Join(sample, "市商务局.xlsx"), sample}, exitNothing, "也是输入文件"},
		{"output not xlsx", []string{"report", "-o", filepath.Join(dir, "out.csv"), sample}, exitNothing, "应以 .xlsx 结尾"},
		{"negative warn-days", []string{"report", "--warn-days", "-3", "-o", out, sample}, exitNothing, "--warn-days -3 无效"},
		{"bad year", []string{"report", "--year", "24", "-o", out, sample}, exitNothing, "--year 24 无效"},
	} {
		t.Run(c.name, func(t *testing.T) {
			code, _, stderr := runCmd(t, c.args...)
			if code != c.want || !strings.Contains(stderr, c.msg) {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and %q", code, stderr, c.want, c.msg)
			}
			if _, err := os.Stat(out); err == nil {
				t.Errorf("a workbook was written")
			}
		})
	}
}

func TestCheck(t *testing.T) {
	t.Parallel()
	code, stdout, stderr := runCmd(t, "check", "--as-of", "2024-12-20", sample)
	if code != exitErrors {
		t.Errorf("exit %d, want 1", code)
	}
	if !strings.Contains(listedText(stderr), "市商务局.xlsx!台账!H12: 错误: 完成时限“2024年2月30日”不是有效日期") {
		t.Errorf("check did not list the problem:\n%s", stderr)
	}
	balance(t, stdout)
	// -q on a clean file: nothing on stderr, only the row-count proof on stdout.
	code, stdout, stderr = runCmd(t, "check", "-q", filepath.Join(sample, "市应急管理局.xlsx"))
	if code != exitOK || stderr != "" || stdout != "行数核对：读取22行 = 明细22项 + 重复合并0行 + 错误排除0行\n" {
		t.Errorf("clean file: exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	if err := os.CopyFS(to, os.DirFS(from)); err != nil {
		t.Fatal(err)
	}
}

// TestCheckAnnotate sends a unit's workbook back with its problem cells marked.
func TestCheckAnnotate(t *testing.T) {
	t.Parallel()
	src := filepath.Join(sample, "市商务局.xlsx")
	before, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "退回")
	code, stdout, _ := runCmd(t, "check", "--as-of", "2024-12-20", "--annotate", dir, src)
	if code != exitErrors || !strings.Contains(stdout, "写出1个标注过的台账") {
		t.Fatalf("exit %d\n%s", code, stdout)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "市商务局.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments("台账")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range comments {
		if c.Cell == "H12" {
			for _, p := range c.Paragraph {
				found = found || strings.Contains(p.Text, "2月没有30日")
			}
		}
	}
	if !found {
		t.Errorf("no comment on H12 explaining the date: %+v", comments)
	}
	if idx, _ := f.GetSheetIndex("问题清单"); idx < 0 {
		t.Error("no 问题清单 sheet")
	}
	after, _ := os.ReadFile(src)
	if !bytes.Equal(before, after) {
		t.Error("the original workbook was changed")
	}
}

// Two files with one name in different folders are told apart in problems and 来源.
func TestReportSameFileNames(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, month := range []string{"一月", "二月"} {
		if err := os.MkdirAll(filepath.Join(dir, month), 0o755); err != nil {
			t.Fatal(err)
		}
		data, err := os.ReadFile(filepath.Join(sample, "市商务局.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, month, "市商务局.xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(t.TempDir(), "out.xlsx")
	_, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, dir)
	for _, want := range []string{"一月/市商务局.xlsx!台账!H12: 错误", "二月/市商务局.xlsx!台账!H12: 错误"} {
		if !strings.Contains(listedText(stderr), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
}

// A January run about last year: 汇总's title names the reporting year the meeting dates
// fall in, or the one --year gives (SPEC §4.2).
func TestReportYear(t *testing.T) {
	t.Parallel()
	title := func(args ...string) string {
		out := filepath.Join(t.TempDir(), "out.xlsx")
		runCmd(t, append([]string{"report", "-q", "--as-of", "2025-01-15", "-o", out}, append(args, sample)...)...)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		v, err := f.GetCellValue("汇总", "A1")
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	if got := title(); !strings.Contains(got, "2024年度") {
		t.Errorf("title without --year = %q, want 2024年度", got)
	}
	if got := title("--year", "2023"); !strings.Contains(got, "2023年度") {
		t.Errorf("title with --year 2023 = %q, want 2023年度", got)
	}
}

// --warn-days on the command line decides 临期: with 0 only items due on the as-of date are 临期.
func TestReportWarnDays(t *testing.T) {
	t.Parallel()
	count := func(args ...string) string {
		out := filepath.Join(t.TempDir(), "out.xlsx")
		runCmd(t, append([]string{"report", "-q", "--as-of", "2024-12-20", "-o", out}, append(args, sample)...)...)
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		for _, r := range table(t, f, "汇总", "类别", "临期") {
			if r["类别"] == "合计" {
				return r["临期"]
			}
		}
		return ""
	}
	if got := count(); got != "7" {
		t.Errorf("临期 with the default 7 days = %s, want 7", got)
	}
	if got := count("--warn-days", "0"); got != "1" {
		t.Errorf("临期 with --warn-days 0 = %s, want 1 (due on the as-of date)", got)
	}
}

// TestExpectMeetings: with a 交办清单 the meetings come from it (SPEC §7): the set is known
// complete, so the narrative says 召开…N次 where without it the gaps in the session numbers made
// it say 涉及…N次会议, and the gaps are no longer warned about. A report used as the master list
// knows only the meetings that had items (SPEC §9.3, issue 18 situation 6): 涉及 and the gap
// warnings stay as without --expect.
func TestExpectMeetings(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "上期汇总.xlsx")
	_, plain, plainErr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample)
	if !strings.Contains(plain, "市委常委会议涉及15次会议") || !strings.Contains(plainErr, "市委常委会议的会议届次不连续") {
		t.Fatalf("without a master list the sample's 市委常委会议 has gaps:\n%s\n%s", plain, plainErr)
	}
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--expect", prev, "-o", filepath.Join(tmp, "汇总1.xlsx"), sample)
	if code > exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "市委常委会议涉及15次会议") || !strings.Contains(stdout, "市长专题会议涉及31次会议") ||
		strings.Contains(stdout, "共召开市委常委会议") ||
		!strings.Contains(stderr, "市委常委会议的会议届次不连续：第1–19次中缺第4、7、8、15次") ||
		!strings.Contains(stderr, "市长专题会议的会议届次不连续：第1–34次中缺第9、12、29次") {
		t.Errorf("with last month's report as the master list:\n%s\n%s", stdout, stderr)
	}

	// A 交办清单 of the same items: the office's list of what was assigned, no 落实状态.
	master := filepath.Join(tmp, "交办清单.xlsx")
	list := [][]any{{"类别", "会议", "事项内容", "牵头单位", "完成时限"}}
	for _, it := range table(t, openBook(t, prev), sheets.SheetItems, "类别", "会议", "事项内容", "牵头单位", "完成时限") {
		list = append(list, []any{it["类别"], it["会议"], it["事项内容"], it["牵头单位"], it["完成时限"]})
	}
	writeSheet(t, master, list)
	code, stdout, stderr = runCmd(t, "report", "--as-of", "2024-12-20", "--expect", master, "-o", filepath.Join(tmp, "汇总2.xlsx"), sample)
	if code > exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "共召开市委常委会议15次") || !strings.Contains(stdout, "召开市长专题会议31次") ||
		strings.Contains(stdout, "涉及") || strings.Contains(stderr, "会议届次不连续") {
		t.Errorf("with a 交办清单:\n%s\n%s", stdout, stderr)
	}
}
