package sheets

import (
	"maps"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestBriefExcludedSample briefs two meetings of the sample (SPEC §9.1): 市商务局's row with
// 完成时限“2024年2月30日” names 第十三次常务会议 and is open, so the 13th meeting's narrative
// counts it apart and says nothing of 无逾期事项; the 14th meeting had no row excluded and its
// narrative carries no caveat. What the clerk must check is in Checks, never in the text.
func TestBriefExcludedSample(t *testing.T) {
	d := testDict(t)
	r := sampleReport(t, d)
	b, err := Brief(r, d, "常务会第13次")
	if err != nil {
		t.Fatal(err)
	}
	const want13 = "市政府第13次常务会议议定事项4项，已落实3项，正在推进1项。" +
		"另有1项因填写有误未计入（市商务局，完成时限“2024年2月30日”），请单位更正。"
	if b.Narrative != want13 {
		t.Errorf("13th meeting\n got %s\nwant %s", b.Narrative, want13)
	}
	if len(b.Excluded) != 1 || b.Excluded[0].Lead != "市商务局" || b.Excluded[0].StatusKnown && b.Excluded[0].Status == Done {
		t.Errorf("excluded rows %+v", b.Excluded)
	}
	wantChecks := []string{"市商务局.xlsx!台账!H12：市政府第13次常务会议的事项因填写错误未计入，通报中已另行说明，请退回单位更正"}
	if !slices.Equal(b.Checks, wantChecks) {
		t.Errorf("checks %q, want %q", b.Checks, wantChecks)
	}

	b, err = Brief(r, d, "常务会第14次")
	if err != nil {
		t.Fatal(err)
	}
	const want14 = "市政府第14次常务会议议定事项4项，已落实2项，正在推进2项；逾期1项：研究制定智慧交通平台建设相关工作（市交通运输局），已逾期13天。"
	if b.Narrative != want14 || len(b.Excluded) != 0 || len(b.Checks) != 0 {
		t.Errorf("14th meeting: narrative %s, excluded %v, checks %q; want %s and nothing else", b.Narrative, b.Excluded, b.Checks, want14)
	}
	// Every excluded row of the sample names its meeting: each is counted apart in exactly one
	// meeting's briefing.
	attributed := 0
	for _, m := range r.Meetings {
		b, err := Brief(r, d, m.Name)
		if err != nil {
			t.Fatal(err)
		}
		attributed += len(b.Excluded)
		if len(b.Excluded) == 0 && strings.Contains(b.Narrative, "未计入") {
			t.Errorf("%s: a caveat without an excluded row: %s", m.Name, b.Narrative)
		}
	}
	if attributed != r.Excluded {
		t.Errorf("%d excluded rows attributed to meetings, %d excluded", attributed, r.Excluded)
	}
}

// TestBriefExcludedNarrative: an excluded row that is open, or whose status cannot be read,
// forbids 已全部落实 and 无逾期事项; one read as 已落实 does not; one of another meeting is not
// mentioned.
func TestBriefExcludedNarrative(t *testing.T) {
	d := testDict(t)
	asOf := date(2024, 12, 20)
	row := func(n int, lead, field, raw string, st Status, known bool) ExcludedRow {
		return ExcludedRow{Src: Pos{File: lead + ".xlsx", Sheet: "台账", Row: 9}, Category: "市政府常务会议", Kind: KindMeeting,
			Meeting: Meeting{Num: n}, Lead: lead, Status: st, StatusKnown: known, Field: field, Raw: raw}
	}
	done := []Item{council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4)}
	open := []Item{
		council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4),
		council(14, "推进B项目", "市商务局", InProgress, date(2025, 6, 30), 5),
	}
	for _, tc := range []struct {
		name     string
		items    []Item
		excluded []ExcludedRow
		want     string
	}{
		{"all done but one unknown", done, []ExcludedRow{row(14, "市商务局", "落实状态", "基本完成", 0, false)},
			"市政府第14次常务会议议定事项1项，已落实1项。另有1项因填写有误未计入（市商务局，落实状态“基本完成”），请单位更正。"},
		{"all done and one done", done, []ExcludedRow{row(14, "市商务局", "事项内容", "", Done, true)},
			"市政府第14次常务会议议定事项1项，已全部落实。另有1项因填写有误未计入（市商务局，事项内容未填写），请单位更正。"},
		{"none overdue but one open", open, []ExcludedRow{row(14, "市商务局", "完成时限", "2024年2月30日", InProgress, true), row(14, "市教育局", "完成时限", "下周", NotStarted, true)},
			"市政府第14次常务会议议定事项2项，已落实1项，正在推进1项。另有2项因填写有误未计入（市商务局，完成时限“2024年2月30日”；市教育局，完成时限“下周”），请单位更正。"},
		{"another meeting's row", open, []ExcludedRow{row(13, "市商务局", "完成时限", "2024年2月30日", InProgress, true)},
			"市政府第14次常务会议议定事项2项，已落实1项，正在推进1项；无逾期事项。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Summarize(tc.items, d, asOf, 7)
			r.ExcludedRows = tc.excluded
			b, err := Brief(r, d, "常务会第14次")
			if err != nil {
				t.Fatal(err)
			}
			if b.Narrative != tc.want {
				t.Errorf("narrative\n got %s\nwant %s", b.Narrative, tc.want)
			}
		})
	}
}

// TestBriefExcludedContext: a ledger that names its meetings only in its sheets' names (工作表
// 第13次常务会议, 第14次常务会议, as units split a year's 台账 by meeting) has its excluded row
// counted in its sheet's meeting; a row whose meeting cannot be read (a sheet naming no
// category) is not put in the text but listed for the clerk.
func TestBriefExcludedContext(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "市商务局.xlsx")
	header := []any{"事项内容", "牵头单位", "完成时限", "落实状态"}
	writeSheets(t, p, map[string][][]any{
		"第13次常务会议": {header,
			{"推进外贸稳增长", "市商务局", "2024年2月30日", "推进中"},
			{"举办消费季活动", "市商务局", "2024年10月31日", "已落实"}},
		"第14次常务会议": {header, {"培育跨境电商主体", "市商务局", "2025年6月30日", "推进中"}},
		"其他":       {header, {"清理无类别的事项", "市商务局", "2024年5月30日", "推进中"}},
	})
	d := testDict(t)
	r := Build([]string{p}, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7})
	b, err := Brief(r, d, "市政府第十三次常务会议")
	if err != nil {
		t.Fatal(err)
	}
	const want = "市政府第13次常务会议议定事项1项，已落实1项。另有1项因填写有误未计入（市商务局，完成时限“2024年2月30日”），请单位更正。"
	if b.Narrative != want {
		t.Errorf("narrative\n got %s\nwant %s", b.Narrative, want)
	}
	if len(b.Checks) != 2 || !strings.HasPrefix(b.Checks[1], "市商务局.xlsx!其他!A2：") || !strings.Contains(b.Checks[1], "无法判断是否属于本次会议") {
		t.Errorf("checks %q", b.Checks)
	}
	b, err = Brief(r, d, "常务会第14次")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.Narrative, "未计入") || len(b.Excluded) != 0 {
		t.Errorf("14th meeting: %s", b.Narrative)
	}
}

// writeSheets writes a workbook with one sheet per entry of sheets, in name order.
func writeSheets(t *testing.T, path string, sheets map[string][][]any) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	names := slices.Sorted(maps.Keys(sheets))
	for i, name := range names {
		if i == 0 {
			must(f.SetSheetName("Sheet1", name))
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for j, row := range sheets[name] {
			cell, _ := excelize.CoordinatesToCellName(1, j+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// TestBriefAbsentUnit: a unit expected and not heard from may have had items of the meeting,
// open or overdue; the clerk is told on the terminal, the narrative read aloud says nothing it
// cannot know — neither 已全部落实 nor 无逾期事项 (SPEC §9.1) — and the 通报's 存在问题 names the
// unit (Unheard, SPEC §9.4).
func TestBriefAbsentUnit(t *testing.T) {
	d := testDict(t)
	for _, tc := range []struct {
		name  string
		items []Item
		want  string
	}{
		{"all done", []Item{council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4)},
			"市政府第14次常务会议议定事项1项，已落实1项。"},
		{"none overdue", []Item{council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4),
			council(14, "推进B项目", "市商务局", InProgress, date(2025, 6, 30), 5)},
			"市政府第14次常务会议议定事项2项，已落实1项，正在推进1项。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Summarize(tc.items, d, date(2024, 12, 20), 7)
			r.Absent = []Absence{{Unit: "市生态环境局"}} // 应报送 in the dictionary: its items are not known
			b, err := Brief(r, d, "常务会第14次")
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"市生态环境局本期未报送台账，其中如有本次会议的事项，未计入通报，请核实"}
			if !slices.Equal(b.Checks, want) || b.Narrative != tc.want {
				t.Errorf("checks %q, narrative %s; want %s", b.Checks, b.Narrative, tc.want)
			}
			if want := "市生态环境局本期未报送台账，其事项未计入本通报。"; b.Unheard != want {
				t.Errorf("unheard %q, want %q", b.Unheard, want)
			}
		})
	}
}

// TestBriefUnreadableFile: a file that could not be read may hold items of the meeting, as a
// silent unit's would: no claim of 无逾期, and the 通报 names the unit.
func TestBriefUnreadableFile(t *testing.T) {
	d := testDict(t)
	r := Summarize([]Item{council(14, "推进B项目", "市商务局", InProgress, date(2025, 6, 30), 5)}, d, date(2024, 12, 20), 7)
	r.Inputs = []FileResult{{File: "市教育局.xlsx", Unit: "市教育局", Failed: "文件已损坏"}}
	b, err := Brief(r, d, "常务会第14次")
	if err != nil {
		t.Fatal(err)
	}
	if want := "市政府第14次常务会议议定事项1项，已落实0项，正在推进1项。"; b.Narrative != want {
		t.Errorf("narrative %s, want %s", b.Narrative, want)
	}
	if want := "市教育局报送的台账无法读取，其事项未计入本通报。"; b.Unheard != want {
		t.Errorf("unheard %q, want %q", b.Unheard, want)
	}
}

// TestBriefAbsentKnown: with the previous report or the master list (--since, --expect) the
// items of a unit not heard from are known (Absence.Items): those of the meeting are counted
// apart, as excluded rows are, and while one was open the narrative claims nothing of 无逾期;
// a unit none of whose known items is of the meeting changes nothing in the narrative and is
// named in the 通报 (Unheard).
func TestBriefAbsentKnown(t *testing.T) {
	d := testDict(t)
	asOf := date(2024, 12, 20)
	reported := []Item{council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4)}
	for _, tc := range []struct {
		name             string
		last             []Item // the silent unit's items as last known
		narrative, heard string
	}{
		{"open item of the meeting", []Item{council(14, "建设智慧交通平台", "市交通运输局", InProgress, date(2024, 12, 7), 3)},
			"市政府第14次常务会议议定事项1项，已落实1项。另有1项因市交通运输局未报送落实情况未计入，请单位及时报送。", ""},
		{"done item of the meeting", []Item{council(14, "建设智慧交通平台", "市交通运输局", Done, date(2024, 12, 7), 3)},
			"市政府第14次常务会议议定事项1项，已全部落实。另有1项因市交通运输局未报送落实情况未计入，请单位及时报送。", ""},
		{"items of another meeting", []Item{council(13, "建设智慧交通平台", "市交通运输局", InProgress, date(2024, 12, 7), 3)},
			"市政府第14次常务会议议定事项1项，已全部落实。", "市交通运输局本期未报送台账（上期1项），其事项未计入本通报。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Summarize(reported, d, asOf, 7)
			r.Absent = []Absence{{Unit: "市交通运输局", Before: len(tc.last), Items: tc.last}}
			b, err := Brief(r, d, "常务会第14次")
			if err != nil {
				t.Fatal(err)
			}
			if b.Narrative != tc.narrative || b.Unheard != tc.heard {
				t.Errorf("narrative %s\nunheard %q\nwant %s\n%q", b.Narrative, b.Unheard, tc.narrative, tc.heard)
			}
		})
	}
}
