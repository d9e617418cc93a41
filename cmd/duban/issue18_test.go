package main

import (
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/books"
	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
)

// The leaders' figures never look better than the truth (issue 18): the situations a clerk met
// over two monthly rounds with testdata/sample, each run as the clerk ran it.

// TestBriefExcludedRow (situation 2, SPEC §9.1): 市商务局's row with 完成时限“2024年2月30日”
// names 第十三次常务会议 and is open; the briefing read aloud counts it apart and never says
// 无逾期事项, and what the clerk must check is on stderr. The 14th meeting, none of whose rows
// was excluded, carries no caveat at all.
func TestBriefExcludedRow(t *testing.T) {
	samplePath := absSample(t)
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCmd(t, "brief", "--meeting", "常务会第13次", "--as-of", "2024-12-20", samplePath)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	const narrative = "市政府第13次常务会议议定事项4项，已落实3项，正在推进1项。" +
		"另有1项因填写有误未计入（市商务局，完成时限“2024年2月30日”），请单位更正。"
	if !strings.HasPrefix(stdout, narrative+"\n") || strings.Contains(stdout, "无逾期") || strings.Contains(stdout, "请核实") {
		t.Errorf("stdout:\n%s", stdout)
	}
	const check = "宣读前请核实：\n  市商务局.xlsx!台账!H12：市政府第13次常务会议的事项因填写错误未计入，通报中已另行说明，请退回单位更正\n"
	if !strings.Contains(stderr, check) {
		t.Errorf("stderr lacks the clerk's check %q:\n%s", check, stderr)
	}
	rows, err := openBook(t, "市政府常务会议第13次议定事项落实情况_20241220.xlsx").GetRows(books.SheetBrief)
	if err != nil || len(rows) < 3 || rows[2][0] != narrative {
		t.Errorf("the briefing workbook's narrative: %v %q", err, rows)
	}

	code, stdout, stderr = runCmd(t, "brief", "--meeting", "常务会第14次", "--as-of", "2024-12-20", samplePath)
	if code != exitErrors || strings.Contains(stdout, "注：") || strings.Contains(stdout, "未计入") || strings.Contains(stderr, "宣读前请核实") {
		t.Errorf("14th meeting: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// TestExpectMasterProblems (situation 7, SPEC §9.3): a 交办清单 whose item has no 牵头单位 and
// which has a row holding only a unit's name (a unit's sub-heading) is reported at its cells, on
// stderr under its own heading and in the check file; the unit's name is not a blank item of
// 漏报事项.
func TestExpectMasterProblems(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	writeSheet(t, master, [][]any{
		{"2024年督查事项交办清单"},
		{"会议", "议定事项", "责任单位", "时限要求"},
		{"", "", "市商务局", ""},
		{"市政府第十三次常务会议", "推进外贸稳增长", "市商务局", "2024年底前"},
		{"市政府第十三次常务会议", "举办新春消费季活动", "", "2024年3月底前"},
	})
	report := filepath.Join(dir, "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--expect", master, "-o", report, sample)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	const head = "交办清单（交办清单.xlsx）中以下各处有误，这些行未能与各单位报送的事项核对，请修改交办清单后重新运行：\n"
	i := strings.Index(stderr, head)
	if i < 0 {
		t.Fatalf("no heading for the master list's errors:\n%s", stderr)
	}
	block, _, _ := strings.Cut(stderr[i+len(head):], "\n\n")
	for _, want := range []string{"交办清单.xlsx!Sheet1!B3: 事项内容为空", "交办清单.xlsx!Sheet1!C5: 牵头单位为空"} {
		if !strings.Contains(block, want) {
			t.Errorf("the master list's errors lack %q:\n%s", want, block)
		}
	}
	// The office's own list: nothing is asked of a unit (重新报送), nothing said of 统计.
	if !strings.Contains(block, "（该行未能与各单位报送的事项核对，请修改交办清单）") || strings.Contains(block, "重新报送") || strings.Contains(block, "未计入统计") {
		t.Errorf("the master list's errors are worded for a unit:\n%s", block)
	}
	if strings.Contains(stderr[:i], "交办清单.xlsx!") {
		t.Errorf("the master list's errors are listed among the units' files:\n%s", stderr)
	}
	f := openBook(t, report)
	for _, m := range table(t, f, sheets.SheetMissing, "事项内容", "牵头单位") {
		if strings.TrimSpace(m["事项内容"]) == "" {
			t.Errorf("漏报事项 has a blank item: %v", m)
		}
	}
	var found int
	for _, p := range table(t, openBook(t, sheets.CheckPath(report)), sheets.SheetProblems, "级别", "文件", "单元格", "说明") {
		if p["文件"] == "交办清单.xlsx" && p["级别"] == "错误" && (p["单元格"] == "B3" || p["单元格"] == "C5") {
			found++
		}
	}
	if found != 2 {
		t.Errorf("the check file's 校验问题 lists %d of the master list's 2 errors", found)
	}
	_ = stdout
}

// TestTemplateFromReport (situation 8, SPEC §9.3): last round's report as the master list of
// the next: each form keeps the item's last 落实状态, 完成日期 and 进展情况, so that a form
// returned unchanged is no error; the row 市商务局's run excluded (from the check file beside the
// report) is on 市商务局's form, marked; no item drops out of the cycle.
func TestTemplateFromReport(t *testing.T) {
	t.Parallel()
	dir, prev, out, stdout := formsFromReport(t)
	if !strings.Contains(stdout, "共316项") { // 302 items + the 3 rows excluded by errors + the 11 建议提案
		t.Errorf("stdout:\n%s", stdout)
	}
	// A unit's 建议提案 are on its form's sheet of their own (SPEC §9.5), not on 台账:
	// 市住房城乡建设局 handles 人大代表建议第3号 and 政协委员提案第30号.
	zj := openBook(t, filepath.Join(out, "市住房城乡建设局.xlsx"))
	sug := table(t, zj, books.SheetSuggestions, "编号", "类别", "事项内容", "牵头单位", "答复日期", "办理结果")
	if len(sug) != 2 || sug[0]["编号"] != "第3号" || sug[0]["办理结果"] != "A" || sug[0]["答复日期"] != "2024-06-12" ||
		sug[1]["类别"] != "政协委员提案" {
		t.Errorf("市住房城乡建设局's 建议提案 sheet: %v", sug)
	}
	if n := len(table(t, zj, books.SheetForm, "事项内容", "落实状态")); n != 30 {
		t.Errorf("市住房城乡建设局's 台账 has %d rows, want its 30 supervised items", n)
	}
	form := openBook(t, filepath.Join(out, "市商务局.xlsx"))
	rows := table(t, form, books.SheetForm, "事项内容", "完成时限", "落实状态", "完成日期", "进展情况", "上期情况")
	if len(rows) != 27 {
		t.Fatalf("市商务局's form has %d rows, want its 26 items and its excluded row", len(rows))
	}
	marked, done := 0, 0
	for _, r := range rows {
		if r["上期情况"] == "上期因填写错误未计入，请核实后填写" {
			marked++
			if r["完成时限"] != "2024年2月30日" {
				t.Errorf("the excluded row keeps its raw values: %v", r)
			}
			continue
		}
		if r["落实状态"] == "" {
			t.Errorf("a row without its last status: %v", r)
		}
		if r["落实状态"] == "已落实" && r["完成日期"] != "" {
			done++
		}
	}
	if marked != 1 || done == 0 {
		t.Errorf("%d rows marked, %d done with their date", marked, done)
	}

	// Returned unchanged (opened and saved by the unit, nothing changed), a unit's form is no
	// error: 市发展改革委 had no excluded row.
	resaved := filepath.Join(out, "市发展改革委.xlsx")
	resave(t, resaved, "WPS 表格")
	code, _, stderr := runCmd(t, "check", "--as-of", "2024-12-20", resaved)
	if code != exitOK || strings.Contains(stderr, "错误") {
		t.Errorf("a form returned unchanged: exit %d\n%s", code, stderr)
	}

	// Without the check file beside the report the excluded rows cannot come back: said once.
	if err := os.Remove(sheets.CheckPath(prev)); err != nil {
		t.Fatal(err)
	}
	code, stdout, stderr = runCmd(t, "template", "--from", prev, "--out-dir", filepath.Join(dir, "下发2"))
	if code != exitOK || !strings.Contains(stdout, "共313项") || strings.Count(stderr, "上期汇总_核对.xlsx: 警告: ") != 1 {
		t.Errorf("without the check file: exit %d\n%s\n%s", code, stdout, stderr)
	}
}

// TestSender (situation 10, SPEC §2, §8, §9.2): out of the box a run says once how to set the
// 制表单位, and remind without --reply-by asks for an answer by as-of + 7 days, saying so on
// stdout; with 制表单位, 联系人 and 联系电话 set in the dictionary's 设置 the hint is gone and
// each reminder names whom to ask.
func TestSender(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "催办")
	code, stdout, stderr := runCmd(t, "remind", "--out-dir", dir, "--as-of", "2024-12-20", sample)
	if code != exitErrors || strings.Count(stderr, hintNoOffice) != 1 || !strings.HasSuffix(stderr, hintNoOffice+"\n") {
		t.Errorf("without a 制表单位: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "\n未指定 --reply-by，催办单请各单位于2024年12月27日前反馈（统计截止日后7天）；另定日期请加 --reply-by\n") {
		t.Errorf("stdout does not give the default reply date:\n%s", stdout)
	}
	rf := openBook(t, filepath.Join(dir, "市交通运输局_催办单_20241220.xlsx"))
	if cells, _ := rf.SearchSheet(books.SheetForm, "请于2024年12月27日前反馈", true); len(cells) != 1 {
		t.Errorf("the reminder does not ask for an answer by 2024-12-27: %v", cells)
	}

	config := filepath.Join(tmp, "配置.xlsx")
	if code, _, stderr := runCmd(t, "config", "-o", config); code != exitOK {
		t.Fatalf("config: exit %d\n%s", code, stderr)
	}
	cf := openBook(t, config)
	head, col := headerRow(t, cf, sheets.SectionSettings, "名称", "值")
	rows, _ := cf.GetRows(sheets.SectionSettings)
	set := map[string]string{sheets.SettingOffice: "x市人民政府办公室", sheets.SettingContact: "张明", sheets.SettingPhone: "0571-87051234"}
	for r := head + 1; r <= len(rows); r++ {
		name, _ := cf.GetCellValue(sheets.SectionSettings, "A"+strconv.Itoa(r))
		if v, ok := set[name]; ok {
			must(t, cf.SetCellStr(sheets.SectionSettings, col["值"]+strconv.Itoa(r), v))
			delete(set, name)
		}
	}
	if len(set) > 0 {
		t.Fatalf("duban config wrote no rows %v", set)
	}
	must(t, cf.Save())
	dir2 := filepath.Join(tmp, "催办2")
	code, _, stderr = runCmd(t, "remind", "--config", config, "--out-dir", dir2, "--reply-by", "2024-12-31", "--as-of", "2024-12-20", sample)
	if code != exitErrors || strings.Contains(stderr, "没有设置制表单位") {
		t.Errorf("with a 制表单位: exit %d\n%s", code, stderr)
	}
	rf = openBook(t, filepath.Join(dir2, "市交通运输局_催办单_20241220.xlsx"))
	want := "并请于2024年12月31日前反馈。（x市人民政府办公室，2024年12月20日）联系人：张明，联系电话：0571-87051234。"
	if v, _ := rf.GetCellValue(books.SheetForm, "A2"); !strings.HasSuffix(v, want) {
		t.Errorf("the reminder's line %q does not end %q", v, want)
	}
}

// TestSmallWording (issue 18, also found on the way): a long option written with one dash is
// told its right form; --year's help line fits an 80-column console.
func TestSmallWording(t *testing.T) {
	t.Parallel()
	code, _, stderr := runCmd(t, "report", "-as-of", "2024-12-20", sample)
	if code != exitNothing || stderr != "错误：命令行选项有误：“-as-of”少了一个短横，应写成 --as-of；用 duban help report 查看用法\n" {
		t.Errorf("-as-of: exit %d\n%s", code, stderr)
	}
	_, help, _ := runCmd(t, "help", "report")
	found := false
	for _, l := range strings.Split(help, "\n") {
		if strings.Contains(l, "--year") && !strings.Contains(l, "duban ") {
			found = true
			if w := zhtext.Width(l); w > 80 {
				t.Errorf("--year's help line is %d columns wide: %s", w, l)
			}
		}
	}
	if !found {
		t.Errorf("no --year line in:\n%s", help)
	}
}

// TestAnnotateReplyBy (issue 18): check --annotate names the unit and the date to resubmit by
// at the head of 问题清单 — --reply-by, else as-of + 7 days, said on stdout.
func TestAnnotateReplyBy(t *testing.T) {
	t.Parallel()
	dir := filepath.Join(t.TempDir(), "退回")
	in := filepath.Join(absSample(t), "市商务局.xlsx")
	code, stdout, stderr := runCmd(t, "check", "--as-of", "2024-12-20", "--annotate", dir, in)
	if code != exitErrors || !strings.Contains(stdout, "未指定 --reply-by，批注副本请各单位于2024年12月27日前改正后重新报送（统计截止日后7天）") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	head, _ := openBook(t, filepath.Join(dir, "市商务局.xlsx")).GetCellValue(sheets.SheetIssues, "A1")
	if !strings.HasPrefix(head, "市商务局：以下1处错误请于2024年12月27日前改正后重新报送。\n") {
		t.Errorf("问题清单 heading %q", head)
	}
	dir2 := filepath.Join(t.TempDir(), "退回")
	code, stdout, _ = runCmd(t, "check", "--as-of", "2024-12-20", "--annotate", dir2, "--reply-by", "2024-12-31", in)
	head, _ = openBook(t, filepath.Join(dir2, "市商务局.xlsx")).GetCellValue(sheets.SheetIssues, "A1")
	if code != exitErrors || strings.Contains(stdout, "未指定 --reply-by") || !strings.HasPrefix(head, "市商务局：以下1处错误请于2024年12月31日前改正后重新报送。\n") {
		t.Errorf("with --reply-by: exit %d, heading %q\n%s", code, head, stdout)
	}
}

// TestBriefBulletinExcluded (situation 2 in the 通报, SPEC §9.1, §9.4): the briefing's sentence
// counting 市商务局's excluded row apart moves from 一、总体情况 to 二、存在问题.
func TestBriefBulletinExcluded(t *testing.T) {
	samplePath := absSample(t)
	t.Chdir(t.TempDir())
	if code, _, stderr := runCmd(t, "brief", "--meeting", "常务会第13次", "--as-of", "2024-12-20", samplePath); code != exitErrors {
		t.Fatalf("brief: exit %d\n%s", code, stderr)
	}
	paras, _ := docxParagraphs(t, "关于市政府第13次常务会议议定事项落实情况的通报_20241220.docx")
	// The sentence stands on its own in the 通报, not as the narrative's 另有… (QA: a clerk's
	// note a 秘书长 would not sign).
	const apart = "本次会议有1项事项因填写有误未计入本通报（市商务局，完成时限“2024年2月30日”），已通知单位更正。"
	if got := after(t, paras, "一、总体情况"); got != "市政府第13次常务会议议定事项4项，已落实3项，正在推进1项。" {
		t.Errorf("总体情况 %q", got)
	}
	// No claim that nothing is overdue while the excluded row, open, may be.
	if want := "（一）部分事项未能计入。" + apart; !slices.Contains(paras, want) || slices.ContainsFunc(paras, func(p string) bool { return strings.Contains(p, "未发现逾期") }) {
		t.Errorf("存在问题 lacks %q, or says nothing is overdue:\n%s", want, strings.Join(paras, "\n"))
	}
}

// TestTemplateFromOrderAndFolder: template --from lists the forms in pinyin order, as remind
// lists its units; into a folder holding the units' own ledgers (the QA run: --out-dir the
// sample folder) it writes nothing and names the way out — another folder, not -o, which
// --from refuses.
func TestTemplateFromOrderAndFolder(t *testing.T) {
	t.Parallel()
	dir, prev, out, stdout := formsFromReport(t)
	var units []string
	for _, l := range strings.Split(stdout, "\n") {
		if name, _, ok := strings.Cut(strings.TrimPrefix(l, out+string(filepath.Separator)), ".xlsx（"); ok {
			units = append(units, name)
		}
	}
	if want := []string{"市财政局", "市发展改革委", "市工业和信息化局", "市交通运输局", "市教育局", "市农业农村局", "市商务局",
		"市生态环境局", "市卫生健康委", "市应急管理局", "市住房城乡建设局", "市自然资源和规划局"}; !slices.Equal(units, want) {
		t.Errorf("forms listed %q, want pinyin order %q", units, want)
	}
	ledgers := filepath.Join(dir, "收文")
	copyDir(t, sample, ledgers)
	code, stdout, stderr := runCmd(t, "template", "--from", prev, "--out-dir", ledgers)
	want := "错误：" + filepath.Join(ledgers, "市交通运输局.xlsx") + " 已存在，且不是duban生成的文件，为免丢失其中的内容，不会覆盖（加 --force 也不会）；请换一个输出文件夹，或先把它移走\n"
	if code != exitNothing || stdout != "" || !strings.Contains(stderr, want) || strings.Contains(stderr, "请用 -o") {
		t.Errorf("into the units' folder: exit %d\nstdout %s\nstderr %s\nwant a line %s", code, stdout, stderr, want)
	}
}

// TestFormPrevColumnKnown: the column 上期情况 that template --from writes into a unit's form
// (marking the row its last run excluded) is duban's own: the form returned unchanged gives no
// notice of an unknown column (QA: 忽略未识别的列3条 on the forms of the sample's units).
func TestFormPrevColumnKnown(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	prev := filepath.Join(dir, "上期汇总.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(dir, "下发")
	if code, _, stderr := runCmd(t, "template", "--from", prev, "--out-dir", out); code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, stderr)
	}
	form := filepath.Join(out, "市商务局.xlsx")
	if rows := table(t, openBook(t, form), books.SheetForm, "事项内容", sheets.FormPrevColumn); len(rows) != 27 {
		t.Fatalf("市商务局's form has %d rows under 上期情况, want 27", len(rows))
	}
	resave(t, form, "WPS 表格")
	_, stdout, stderr := runCmd(t, "check", "-v", "--as-of", "2024-12-20", form)
	if strings.Contains(stderr, "未识别的列") || !strings.Contains(stdout, "提示0条") {
		t.Errorf("a form returned unchanged:\n%s%s", stderr, stdout)
	}
}

// formsFromReport writes last round's report of the sample (as of 2024-11-20) and splits it
// with template --from into one form per unit: the folder, the report, the forms' folder and
// template's stdout.
func formsFromReport(t *testing.T) (dir, prev, out, stdout string) {
	t.Helper()
	dir = t.TempDir()
	prev = filepath.Join(dir, "上期汇总.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	out = filepath.Join(dir, "下发")
	code, stdout, stderr := runCmd(t, "template", "--from", prev, "--out-dir", out)
	if code != exitOK {
		t.Fatalf("template: exit %d\n%s", code, stderr)
	}
	return dir, prev, out, stdout
}
