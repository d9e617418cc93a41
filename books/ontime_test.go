package books

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// TestConfigOnTime: 设置 lists 按期办结率入摘要 as 否; the office sets it to 是 in the workbook.
func TestConfigOnTime(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "配置.xlsx")
	if err := WriteConfig(path, testDict(t)); err != nil {
		t.Fatal(err)
	}
	var at string
	editConfig(t, path, func(f *excelize.File) {
		at = findCell(t, f, sheets.SectionSettings, sheets.SettingOnTime)
		if v, _ := f.GetCellValue(sheets.SectionSettings, "B"+at[1:]); v != "否" {
			t.Errorf("%s = %q, want 否", sheets.SettingOnTime, v)
		}
		f.SetCellValue(sheets.SectionSettings, "B"+at[1:], "是")
	})
	d, err := sheets.ReadConfig(path, sheets.ReadOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if !d.OnTimeInSummary {
		t.Errorf("%s 是 not read", sheets.SettingOnTime)
	}
	editConfig(t, path, func(f *excelize.File) { f.SetCellValue(sheets.SectionSettings, "B"+at[1:], "要") })
	if _, err := sheets.ReadConfig(path, sheets.ReadOptions{}); err == nil || !strings.Contains(err.Error(), "按期办结率入摘要“要”无效，应填 是 或 否") {
		t.Errorf("按期办结率入摘要 要: error %v", err)
	}
}

// TestWriteExtensionsAndSchedule: an item measured against an approved extension shows its
// 原定时限 beside 完成时限, an item's progress against schedule shows as 进度 beside 落实状态
// (SPEC §7 事项明细), and 汇总 says both under its table.
func TestWriteExtensionsAndSchedule(t *testing.T) {
	t.Parallel()
	r := testReport()
	// 开展安全生产大检查: due 9-15, extended to 9-30, done 9-1; 推进老旧小区改造: behind schedule.
	r.Items[3].Original = ymd(2024, 9, 15)
	r.Items[0].Schedule = sheets.ScheduleBehind
	r.Extended, r.Schedules = 1, sheets.ScheduleCounts{Behind: 1}
	_, f := writeTest(t, r)
	_, cf := writeCheck(t, r)

	const items = "序号|编号|类别|会议|会议日期|事项内容|牵头单位|配合单位|责任领导|完成时限|原定时限|落实状态|进度|完成日期|进展情况|预警"
	for _, c := range []struct{ book, header string }{
		{"report", items},
		{"check", items + "|来源|合并的重复行"},
	} {
		book := f
		if c.book == "check" {
			book = cf
		}
		rows, err := book.GetRows(sheets.SheetItems)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rows[1], "|"); got != c.header {
			t.Errorf("%s 事项明细 header = %s\nwant %s", c.book, got, c.header)
		}
	}
	checkCells(t, f, []cellWant{
		{sheet: "事项明细", cell: "J3", raw: "45596", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-10-31"},
		{sheet: "事项明细", cell: "K3", raw: "", kind: ""}, // not extended
		{sheet: "事项明细", cell: "L3", raw: "推进中", kind: "s"},
		{sheet: "事项明细", cell: "M3", raw: "滞后", kind: "s"},
		{sheet: "事项明细", cell: "P3", raw: "逾期", kind: "s"},
		{sheet: "事项明细", cell: "J6", raw: "45565", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-09-30"},
		{sheet: "事项明细", cell: "K6", raw: "45550", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-09-15"},
		{sheet: "事项明细", cell: "M6", raw: "", kind: ""},
		{sheet: "事项明细", cell: "N6", raw: "45536", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-09-01"},
		{sheet: "事项明细", cell: "O6", raw: "-已完成检查并整改", kind: "s"},
		{sheet: "汇总", cell: "A15", raw: "经批准延期1项（逾期按调整后时限计算）。", kind: "s"}, // under 汇总's lead with its 漏报事项 line
		{sheet: "汇总", cell: "A16", raw: "推进中2项，其中达到序时进度0项、滞后1项，其余1项未说明进度。", kind: "s"},
	})
	checkCells(t, cf, []cellWant{
		{sheet: "事项明细", cell: "Q3", raw: "市住建局.xlsx!台账!5", kind: "s"},
		{sheet: "事项明细", cell: "R3", raw: "市住建局（初稿）.xlsx!台账!5", kind: "s"},
	})
	// The 预警 cell carries the signal's colour, moved right by the two columns.
	for cell, want := range map[string]string{"P3": "FFC7CE", "O3": "", "M3": ""} {
		id, err := f.GetCellStyle(sheets.SheetItems, cell)
		if err != nil {
			t.Fatal(err)
		}
		st, err := f.GetStyle(id)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if len(st.Fill.Color) > 0 {
			got = st.Fill.Color[0]
		}
		if got != want {
			t.Errorf("事项明细!%s fill = %q, want %q", cell, got, want)
		}
	}
}

// TestBulletinProgress: the 通报 has no table, so its 总体情况 says under the narrative what 汇总
// says under its table of extensions and progress against schedule — not 按期办结率, which the
// narrative gives only when 设置 says so.
func TestBulletinProgress(t *testing.T) {
	t.Parallel()
	r := testReport()
	r.Extended, r.Schedules = 1, sheets.ScheduleCounts{Behind: 1, On: 1}
	b := ReportBulletin(r, testDict(t), 1)
	var got []string
	for _, p := range b.Overview {
		got = append(got, p.Text)
	}
	want := []string{r.Narrative, "经批准延期1项（逾期按调整后时限计算）。", "推进中2项，其中达到序时进度1项、滞后1项。"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("总体情况:\n got %q\nwant %q", got, want)
	}
}
