package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// Units that sent nothing and units whose rows errors excluded (SPEC §7, §9.3; issue 18,
// situations 1, 4 and 9), each tried on the sample as a clerk would meet it.

// sampleWithout copies the sample into a new folder without the named files and returns it.
func sampleWithout(t *testing.T, dir string, files ...string) string {
	t.Helper()
	in := filepath.Join(dir, "收文")
	copyDir(t, sample, in)
	for _, f := range files {
		must(t, os.Remove(filepath.Join(in, f)))
	}
	return in
}

// summaryLead is what 汇总 holds between its title lines and its table: the narrative, the
// 较上期 line and the 注.
func summaryLead(t *testing.T, f *excelize.File) []string {
	t.Helper()
	rows, err := f.GetRows(sheets.SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	var lead []string
	for _, r := range rows[2:] {
		if len(r) == 0 || r[0] == "类别" {
			break
		}
		lead = append(lead, r[0])
	}
	return lead
}

// notes returns the lines of a sheet that start with prefix (the notes under its table).
func notes(t *testing.T, f *excelize.File, sheet, prefix string) []string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if len(r) > 0 && strings.HasPrefix(r[0], prefix) {
			out = append(out, r[0])
		}
	}
	return out
}

// TestAbsentUnitSince is situation 1 and 9: next month's folder without 市生态环境局.xlsx, run
// with --since last month's report. Its 20 items (1 overdue then) are not in the figures, and
// the leaders see why: the 注 on 汇总 and the 较上期 line name it with what it had, 单位统计 ends
// with a row 未报送 without rank or figures, 报送情况 has a row 未报送, stderr warns once, and
// the report's 变化情况 says it in one plain line while the check file lists its 20 items with
// their sources.
func TestAbsentUnitSince(t *testing.T) {
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("previous report: exit %d\n%s", code, stderr)
	}
	in := sampleWithout(t, tmp, "市生态环境局.xlsx")
	cur := filepath.Join(tmp, "督查事项汇总_20241220.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--since", prev, "-o", cur, in)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	const (
		unit     = "市生态环境局"
		note     = "注：市生态环境局本期未报送台账（上期20项，其中逾期1项），市交通运输局、市卫生健康委、市商务局报送的3行因填写错误被排除，上述事项均未计入本汇总。"
		since    = "；市生态环境局本期未报送（上期20项），未计入本期。"
		warning  = "  市生态环境局本期未报送台账（上期20项，其中逾期1项），其事项未计入本次统计，请催报\n"
		plainRow = "市生态环境局本期未报送，上期20项，其中逾期1项"
	)
	if strings.Count(stderr, unit) != 1 || !strings.Contains(stderr, "\n\n应报送而未报送台账的单位1个（其事项未计入统计）：\n"+warning+"\n警告") {
		t.Errorf("stderr should warn once of %s, before the warnings:\n%s", unit, stderr)
	}
	if !strings.Contains(stdout, since+"\n"+note+"\n") {
		t.Errorf("stdout lacks the 较上期 clause or the 注:\n%s", stdout)
	}

	f := openBook(t, cur)
	lead := summaryLead(t, f)
	if len(lead) != 3 || !strings.HasSuffix(lead[1], since) || lead[2] != note {
		t.Errorf("汇总 above the table: %q", lead)
	}
	// The figures are what was reported: the previous report's 302 items less its 20.
	for _, it := range table(t, f, sheets.SheetItems, "牵头单位") {
		if it["牵头单位"] == unit {
			t.Errorf("an item of %s in 事项明细: %v", unit, it)
		}
	}
	if n := len(table(t, f, sheets.SheetItems, "事项内容")); n != 282 {
		t.Errorf("事项明细 has %d items, want 282", n)
	}

	units := table(t, f, sheets.SheetUnits, "排名", "牵头单位", "说明", "事项数", "落实率")
	last := units[len(units)-1]
	if last["牵头单位"] != unit || last["说明"] != "未报送" || last["排名"] != "" || last["事项数"] != "" || last["落实率"] != "" {
		t.Errorf("单位统计 ends with %v, want %s 未报送 without rank or figures", last, unit)
	}
	for _, u := range units[:len(units)-1] {
		if u["排名"] == "" || strings.HasPrefix(u["牵头单位"], unit) {
			t.Errorf("单位统计 row %v", u)
		}
	}

	changes := table(t, f, sheets.SheetChanges, "变化", "事项内容", "牵头单位", "说明")
	var mine []map[string]string
	for _, c := range changes {
		if c["牵头单位"] == unit {
			mine = append(mine, c)
		}
		if s := c["说明"]; strings.Contains(s, "请核实") || strings.Contains(s, ".xls") || strings.Contains(s, "!") {
			t.Errorf("working material in the report's 变化情况: %v", c)
		}
	}
	if len(mine) != 1 || mine[0]["变化"] != sheets.ChangeUnreported || mine[0]["说明"] != plainRow || mine[0]["事项内容"] != "" {
		t.Errorf("the report's 变化情况 lines of %s: %v, want one: %s", unit, mine, plainRow)
	}

	cf := openBook(t, sheets.CheckPath(cur))
	var sent []map[string]string
	for _, s := range table(t, cf, sheets.SheetInputs, "文件", "单位", "读取行数", "结果") {
		if s["单位"] == unit {
			sent = append(sent, s)
		}
	}
	if len(sent) != 1 || sent[0]["文件"] != "" || sent[0]["读取行数"] != "" || sent[0]["结果"] != "未报送（上期20项，其中逾期1项）" {
		t.Errorf("报送情况 rows of %s: %v", unit, sent)
	}
	detail := 0
	for _, c := range table(t, cf, sheets.SheetChanges, "变化", "事项内容", "牵头单位", "说明", "来源") {
		if c["牵头单位"] != unit {
			continue
		}
		detail++
		if c["变化"] != sheets.ChangeUnreported || c["事项内容"] == "" || !strings.HasPrefix(c["来源"], unit+".xlsx!") ||
			c["说明"] != "该单位本期未报送台账（上期来源："+c["来源"]+"）" {
			t.Errorf("the check file's 变化情况: %v", c)
		}
	}
	if detail != 20 {
		t.Errorf("the check file's 变化情况 has %d lines of %s, want its 20 items", detail, unit)
	}
}

// TestAbsentUnitExpect: with only a master list (here last month's report, which a master list
// may be), the unit is named with its 应报事项数, in 未报送单位 as well.
func TestAbsentUnitExpect(t *testing.T) {
	tmp := t.TempDir()
	master := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", master, sample); code != exitErrors {
		t.Fatalf("master list: exit %d\n%s", code, stderr)
	}
	in := sampleWithout(t, tmp, "市生态环境局.xlsx")
	cur := filepath.Join(tmp, "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--expect", master, "-o", cur, in)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	const clause = "注：市生态环境局本期未报送台账（应报事项20项），"
	if !strings.Contains(stdout, "\n"+clause) || !strings.Contains(stderr, "  市生态环境局本期未报送台账（应报事项20项），其事项未计入本次统计，请催报\n") {
		t.Errorf("stdout or stderr lacks the unit:\n%s\n%s", stdout, stderr)
	}
	f := openBook(t, cur)
	if lead := summaryLead(t, f); len(lead) != 3 || !strings.HasPrefix(lead[1], clause) || lead[2] != "对照上期汇总表，漏报事项20项（市生态环境局20项），见“漏报事项”工作表。" {
		t.Errorf("汇总 above the table: %q", lead)
	}
	if got := table(t, f, sheets.SheetUnreported, "牵头单位", "应报事项数"); len(got) != 1 || got[0]["牵头单位"] != "市生态环境局" || got[0]["应报事项数"] != "20" {
		t.Errorf("未报送单位 %v", got)
	}
}

// TestAbsentUnitDictionary: a unit the dictionary marks 应报送 that sent nothing is named
// without figures when nothing else says what it had; a unit whose only file cannot be read
// is not heard from (its file's row says why); check, which looks at the files given, names
// neither.
func TestAbsentUnitDictionary(t *testing.T) {
	tmp := t.TempDir()
	config := filepath.Join(tmp, "配置.xlsx")
	if code, _, stderr := runCmd(t, "config", "-o", config); code != exitOK {
		t.Fatalf("config: exit %d\n%s", code, stderr)
	}
	cf := openBook(t, config)
	head, col := headerRow(t, cf, sheets.SectionUnits, "单位名称", "应报送")
	for i, u := range [][]string{{"市统计局", "是"}, {"市审计局", "否"}, {"市生态环境局", "是"}} {
		r := head + 1 + i
		must(t, cf.SetCellStr(sheets.SectionUnits, col["单位名称"]+strconv.Itoa(r), u[0]))
		must(t, cf.SetCellStr(sheets.SectionUnits, col["应报送"]+strconv.Itoa(r), u[1]))
	}
	must(t, cf.Save())
	in := sampleWithout(t, tmp, "市生态环境局.xlsx")
	// 市统计局 sent a file nothing can read.
	must(t, os.WriteFile(filepath.Join(in, "市统计局.xlsx"), []byte("not a workbook"), 0o644))

	cur := filepath.Join(tmp, "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--config", config, "--as-of", "2024-12-20", "-o", cur, in)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	const note = "注：市统计局报送的台账无法读取，市生态环境局本期未报送台账，"
	if !strings.Contains(stdout, "\n"+note) {
		t.Errorf("stdout lacks the 注 %s:\n%s", note, stdout)
	}
	for _, w := range []string{"  市生态环境局本期未报送台账，其事项未计入本次统计，请催报\n", "  市统计局报送的台账无法读取，本期按未报送计，其事项未计入本次统计\n"} {
		if !strings.Contains(stderr, w) {
			t.Errorf("stderr lacks %q:\n%s", w, stderr)
		}
	}
	if strings.Contains(stdout+stderr, "市审计局") {
		t.Errorf("市审计局 is not marked 应报送:\n%s\n%s", stdout, stderr)
	}
	f := openBook(t, cur)
	units := table(t, f, sheets.SheetUnits, "排名", "牵头单位", "说明")
	got := map[string]string{}
	for _, u := range units[len(units)-2:] {
		got[u["牵头单位"]] = u["排名"] + "|" + u["说明"]
	}
	if got["市生态环境局"] != "|未报送" || got["市统计局"] != "|未报送（台账无法读取）" {
		t.Errorf("单位统计 ends with %v", units[len(units)-2:])
	}
	// 报送情况: a row 未报送 for the unit that sent nothing; the unreadable file has its own row.
	rows := 0
	for _, s := range table(t, openBook(t, sheets.CheckPath(cur)), sheets.SheetInputs, "文件", "单位", "结果") {
		switch s["单位"] {
		case "市生态环境局":
			rows++
			if s["结果"] != "未报送" {
				t.Errorf("报送情况 %v", s)
			}
		case "市统计局":
			rows++
			if s["文件"] != "市统计局.xlsx" || !strings.HasPrefix(s["结果"], "未能读取") {
				t.Errorf("报送情况 %v", s)
			}
		}
	}
	if rows != 2 {
		t.Errorf("报送情况 has %d rows of the two units, want 2", rows)
	}

	_, _, stderr = runCmd(t, "check", "--config", config, "--as-of", "2024-12-20", filepath.Join(in, "市商务局.xlsx"))
	if strings.Contains(stderr, "本期未报送") {
		t.Errorf("check names units it was not given:\n%s", stderr)
	}
}

// TestExcludedRowsMarked is situation 4: 市商务局's excluded row (完成时限 2024年2月30日) is open
// and would be overdue; its rank in 单位统计 is marked ※ and the note under the table names
// the rows left out, as for every unit with excluded rows, and only for those.
func TestExcludedRowsMarked(t *testing.T) {
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, sample); code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	f := openBook(t, out)
	marked := map[string]bool{}
	for _, u := range table(t, f, sheets.SheetUnits, "排名", "牵头单位") {
		if name, ok := strings.CutSuffix(u["牵头单位"], "※"); ok {
			marked[name] = true
			if u["排名"] == "" {
				t.Errorf("a marked unit keeps its rank: %v", u)
			}
		}
	}
	want := map[string]bool{"市交通运输局": true, "市卫生健康委": true, "市商务局": true}
	if len(marked) != len(want) || !marked["市商务局"] || !marked["市交通运输局"] || !marked["市卫生健康委"] {
		t.Errorf("marked %v, want %v", marked, want)
	}
	const note = "※ 有填写错误的行未计入，名次仅供参考：市商务局1行、市卫生健康委1行、市交通运输局1行。" // in the order of the table
	if got := notes(t, f, sheets.SheetUnits, "※"); len(got) != 1 || got[0] != note {
		t.Errorf("note under 单位统计 %q, want %q", got, note)
	}
}
