package main

import (
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
)

// TestBriefUnitNotHeardFrom (QA): the dictionary marks 市交通运输局 应报送 and it sent nothing.
// Its item of the 14th meeting was the overdue one; without it the meeting's items read as none
// overdue. The briefing read aloud must not say 无逾期 (SPEC §9.1), the 通报's 二、存在问题 must
// not say 未发现逾期 and names the unit (§9.4), and its 三、下一步工作要求 leaves out the paragraph
// on overdue items, which it names none of.
func TestBriefUnitNotHeardFrom(t *testing.T) {
	tmp := t.TempDir()
	config := filepath.Join(tmp, "配置.xlsx")
	if code, _, stderr := runCmd(t, "config", "-o", config); code != exitOK {
		t.Fatalf("config: exit %d\n%s", code, stderr)
	}
	cf := openBook(t, config)
	head, col := headerRow(t, cf, sheets.SectionUnits, "单位名称", "应报送")
	must(t, cf.SetCellStr(sheets.SectionUnits, col["单位名称"]+strconv.Itoa(head+1), "市交通运输局"))
	must(t, cf.SetCellStr(sheets.SectionUnits, col["应报送"]+strconv.Itoa(head+1), "是"))
	must(t, cf.Save())
	in := sampleWithout(t, tmp, "市交通运输局.xlsx")
	t.Chdir(tmp)

	code, stdout, stderr := runCmd(t, "brief", "--config", config, "--as-of", "2024-12-20", "--meeting", "常务会第14次", "--issue", "12", in)
	if code != exitErrors {
		t.Fatalf("brief: exit %d\n%s", code, stderr)
	}
	const narrative = "市政府第14次常务会议议定事项3项，已落实2项，正在推进1项。\n"
	if !strings.HasPrefix(stdout, narrative) {
		t.Errorf("stdout does not begin with %q:\n%s", narrative, stdout)
	}
	if !strings.Contains(stderr, "市交通运输局本期未报送台账，其中如有本次会议的事项，未计入通报，请核实") ||
		!strings.Contains(stderr, "市交通运输局本期未报送台账，其事项未计入本次统计，请催报") {
		t.Errorf("stderr does not tell the clerk:\n%s", stderr)
	}
	paras, _ := docxParagraphs(t, briefDocx)
	text := strings.Join(paras, "\n")
	if strings.Contains(text, "无逾期") || strings.Contains(text, "未发现逾期") {
		t.Errorf("the 通报 claims nothing is overdue:\n%s", text)
	}
	if want := "（一）部分单位的落实情况未能计入。市交通运输局本期未报送台账，其事项未计入本通报。"; after(t, paras, "二、存在问题") != want {
		t.Errorf("存在问题 does not name the unit (%q):\n%s", want, text)
	}
	// Nor the one on items without a deadline: the meeting has none.
	if strings.Contains(text, "加快办理逾期事项") || strings.Contains(text, "细化无明确时限事项") || !strings.Contains(text, "压实工作责任。") {
		t.Errorf("下一步工作要求 is not that of a 通报 naming no overdue item:\n%s", text)
	}
}

// TestExpectReportNextYear (QA): December's report as the master list of January's run
// (report --as-of 2025-01-20 --expect 督查事项汇总_20241220.xlsx), 市生态环境局 silent. The
// report's meetings are of its own 年度 (SPEC §4.1), so exactly 市生态环境局's 20 items are
// 漏报事项, not also those the units reported without a 会议日期; they are named on 汇总 and
// stdout (SPEC §9), and the 通报 names what it leaves out in its own words (本通报). A report as
// the master list gives no record of the meetings held: the check file does not say it does.
func TestExpectReportNextYear(t *testing.T) {
	tmp := t.TempDir()
	master := filepath.Join(tmp, "督查事项汇总_20241220.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", master, sample); code != exitErrors {
		t.Fatalf("master list: exit %d\n%s", code, stderr)
	}
	in := sampleWithout(t, tmp, "市生态环境局.xlsx")
	cur := filepath.Join(tmp, "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2025-01-20", "--expect", master, "--docx", "-o", cur, in)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	const line = "对照上期汇总表，漏报事项20项（市生态环境局20项），见“漏报事项”工作表。"
	if !strings.Contains(stdout, "\n"+line+"\n") {
		t.Errorf("stdout lacks %q:\n%s", line, stdout)
	}
	f := openBook(t, cur)
	if lead := summaryLead(t, f); len(lead) != 3 || lead[2] != line {
		t.Errorf("汇总 above the table: %q", lead)
	}
	missing := table(t, f, sheets.SheetMissing, "事项内容", "牵头单位")
	for _, m := range missing {
		if m["牵头单位"] != "市生态环境局" {
			t.Errorf("漏报事项 lists an item that was reported: %v", m)
		}
	}
	if len(missing) != 20 {
		t.Errorf("漏报事项 has %d items, want 市生态环境局's 20", len(missing))
	}
	if got := notes(t, openBook(t, sheets.CheckPath(cur)), sheets.SheetInputs, ""); strings.Contains(strings.Join(got, "\n"), "交办清单所列会议") {
		t.Errorf("报送情况 says the meetings come from a master list that is a report:\n%s", strings.Join(got, "\n"))
	}
	paras, _ := docxParagraphs(t, strings.TrimSuffix(cur, ".xlsx")+"_通报.docx")
	text := strings.Join(paras, "\n")
	for _, want := range []string{"市生态环境局本期未报送台账（应报事项20项）", "上述事项均未计入本通报。", "（三）部分交办事项漏报。对照上期汇总表，漏报事项20项（市生态环境局20项）。"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 通报 lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "本汇总") || strings.Contains(text, "工作表") {
		t.Errorf("the 通报 speaks of the workbook:\n%s", text)
	}
}
