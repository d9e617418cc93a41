package books

import (
	"cmp"
	"flag"
	"fmt"
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

// The -update flag rewrites golden files; registered here unless another test file did.
var _ = func() bool {
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata/golden")
	}
	return true
}()

func updateGolden() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

func ymd(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.Local) }

// testReport is a small report built by hand: two categories, an overdue, a due-soon and a
// no-deadline item, problems, texts that look like formulas, and a reconciliation.
func testReport() *sheets.Report {
	src := func(file string, row int) sheets.Pos { return sheets.Pos{File: file, Sheet: "台账", Row: row} }
	items := []sheets.Item{
		{
			ID: "CW-5-1", Category: "市政府常务会议", Kind: sheets.KindMeeting, MeetingName: "市政府常务会议第5次",
			MeetingDate: ymd(2024, 3, 1), Content: "推进老旧小区改造，年底前完成120个小区的改造任务并组织验收",
			Lead: "市住建局", Co: "市财政局、各区政府", Leader: "张三", Deadline: ymd(2024, 10, 31),
			Status: sheets.InProgress, Progress: "已完成80个小区", Src: src("市住建局.xlsx", 5), Alert: "逾期",
			Merged: []sheets.Pos{src("市住建局（初稿）.xlsx", 5)},
		},
		{
			Category: "市政府常务会议", Kind: sheets.KindMeeting, MeetingName: "市政府常务会议第6次",
			MeetingDate: ymd(2024, 4, 2), Content: "=1+1", Lead: "市交通局", Leader: "李四",
			Deadline: ymd(2024, 12, 5), Status: sheets.NotStarted, Src: src("市交通局.xlsx", 3), Alert: "临期",
		},
		{
			Category: "市长批示件", Kind: sheets.KindDoc, MeetingName: "市长批示件〔2024〕3号",
			Content: "@cmd 研究解决停车难问题", Lead: "市发改委", Status: sheets.InProgress,
			Progress: "持续推进中", Src: src("市发改委.xlsx", 4), Alert: "无明确时限",
		},
		{
			ID: "+001", Category: "市长批示件", Kind: sheets.KindDoc, MeetingName: "市长批示件〔2024〕7号",
			Content: "开展安全生产大检查", Lead: "市应急局", Deadline: ymd(2024, 9, 30), Status: sheets.Done,
			Done: ymd(2024, 9, 1), Progress: "-已完成检查并整改", Src: src("市应急局.xlsx", 6), Alert: "正常",
		},
	}
	return &sheets.Report{
		AsOf: ymd(2024, 11, 30), WarnDays: 7,
		Office: "示例市人民政府办公室", Created: time.Date(2024, 12, 1, 9, 30, 0, 0, time.UTC),
		Files: 6, RowsRead: 6, Duplicates: 1, Excluded: 1,
		Inputs: []sheets.FileResult{
			{File: "市住建局.xlsx", Unit: "市住建局", Sheets: []string{"台账"}, Rows: 1, Valid: 1, Counted: 1},
			{File: "市住建局（初稿）.xlsx", Unit: "市住建局", Sheets: []string{"台账"}, Rows: 1, Valid: 1, Merged: 1},
			{File: "市交通局.xlsx", Unit: "市交通局", Sheets: []string{"台账"}, Rows: 1, Valid: 1, Counted: 1},
			{File: "市发改委.xlsx", Unit: "市发改委", Sheets: []string{"台账"}, Rows: 1, Valid: 1, Counted: 1},
			{File: "市应急局.xlsx", Unit: "市应急局", Sheets: []string{"台账"}, Rows: 1, Valid: 1, Counted: 1, Warnings: 1},
			{File: "市统计局.xlsx", Unit: "市统计局", Sheets: []string{"台账"}, Rows: 1, Excluded: 1, Errors: 1},
			{File: "市教育局.et", Unit: "市教育局", Errors: 1, Failed: "文件格式无法识别"},
		},
		Gaps:  []sheets.MeetingGap{{Category: "市政府常务会议", Last: 6, Missing: []int{1, 2, 3, 4}}},
		Items: items,
		Categories: []sheets.CategoryStats{
			{Name: "市政府常务会议", Kind: sheets.KindMeeting, Meetings: 2,
				Counts: sheets.Counts{Items: 2, InProgress: 1, NotStarted: 1, Overdue: 1, DueSoon: 1, Due: 1}},
			{Name: "市长批示件", Kind: sheets.KindDoc, Meetings: 2, Counts: sheets.Counts{Items: 2, Done: 1, InProgress: 1, Due: 1, OnTime: 1}},
		},
		// 应办结: the overdue item and the one done on 9-1 by its deadline 9-30, which is 按期办结
		Total: sheets.CategoryStats{Name: "合计", Counts: sheets.Counts{Items: 4, Done: 1, InProgress: 2, NotStarted: 1, Overdue: 1, DueSoon: 1, Due: 2, OnTime: 1}},
		Meetings: []sheets.MeetingStats{
			{Category: "市政府常务会议", Name: "市政府常务会议第5次", Date: ymd(2024, 3, 1),
				Counts: sheets.Counts{Items: 1, InProgress: 1, Overdue: 1, Due: 1}},
			{Category: "市政府常务会议", Name: "市政府常务会议第6次", Date: ymd(2024, 4, 2),
				Counts: sheets.Counts{Items: 1, NotStarted: 1}},
		},
		Leaders: []sheets.LeaderStats{
			{Leader: sheets.LeaderNone, Counts: sheets.Counts{Items: 2, Done: 1, InProgress: 1, Due: 1, OnTime: 1}},
			{Leader: "李四", Counts: sheets.Counts{Items: 1, NotStarted: 1, DueSoon: 1}},
			{Leader: "张三", Counts: sheets.Counts{Items: 1, InProgress: 1, Overdue: 1, Due: 1}},
		},
		Units: []sheets.UnitStats{
			{Rank: 1, Unit: "市应急局", Counts: sheets.Counts{Items: 1, Done: 1, Due: 1, OnTime: 1}},
			{Rank: 2, Unit: "市发改委", Counts: sheets.Counts{Items: 1, InProgress: 1}},
			{Rank: 2, Unit: "市交通局", Counts: sheets.Counts{Items: 1, NotStarted: 1}, Excluded: 1},
			{Rank: 4, Unit: "市住建局", Counts: sheets.Counts{Items: 1, InProgress: 1, Overdue: 1, Due: 1}},
		},
		Overdue:    []sheets.Flagged{{Item: &items[0], Days: 30}},
		DueSoon:    []sheets.Flagged{{Item: &items[1], Days: 5}},
		NoDeadline: []*sheets.Item{&items[2]},
		Problems: []sheets.Problem{
			{Pos: sheets.Pos{File: "市教育局.et"}, Scope: sheets.ScopeFile, Level: sheets.Error, Kind: sheets.FileUnreadable, Msg: "文件格式无法识别"},
			{Pos: sheets.Pos{File: "市统计局.xlsx", Sheet: "台账", Row: 12, Col: 8}, Scope: sheets.ScopeCell, Level: sheets.Error, Kind: sheets.RowInvalid, Field: "完成时限",
				Raw: "2023年2月30日", Msg: "完成时限“2023年2月30日”不是有效日期（2月没有30日）"},
			{Pos: sheets.Pos{File: "市应急局.xlsx", Sheet: "台账", Row: 6, Col: 11}, Scope: sheets.ScopeCell, Level: sheets.Warning, Kind: sheets.DoneDateDoubtful, Field: "完成日期",
				Raw: "", Msg: "落实状态为“已落实”，但未填写完成日期"},
		},
		Narrative: "截至2024年11月30日，共召开市政府常务会议2次，议定事项2项，已落实0项，落实率0.0%；" +
			"市长批示件2件，已办结1件，办结率50.0%。未按期办结（逾期）事项1项，无明确时限事项1项。",
		Expect: &sheets.Reconciliation{
			Headers:    []string{"事项内容", "完成时限", "牵头单位"},
			Missing:    [][]string{{"加快政务服务一网通办", "2024年底前", "市政务服务中心"}},
			Unreported: []sheets.UnitDue{{Unit: "市政务服务中心", Items: 1}},
		},
		Absent:    []sheets.Absence{{Unit: "市政务服务中心", Due: 1}},
		Uncounted: []sheets.UnitStats{{Unit: "市统计局", Excluded: 1}},
	}
}

// writeTest writes the report and its check file and opens the report.
func writeTest(t *testing.T, r *sheets.Report) (string, *excelize.File) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "督查事项汇总_20241130.xlsx")
	check, err := WriteReport(path, r)
	if err != nil {
		t.Fatal(err)
	}
	if want := strings.TrimSuffix(path, ".xlsx") + "_核对.xlsx"; check != want {
		t.Errorf("check file %s, want %s", check, want)
	}
	return path, openBook(t, path)
}

// writeCheck writes the report and its check file and opens the check file.
func writeCheck(t *testing.T, r *sheets.Report) (string, *excelize.File) {
	t.Helper()
	path, _ := writeTest(t, r)
	check := sheets.CheckPath(path)
	return check, openBook(t, check)
}

func openBook(t *testing.T, path string) *excelize.File {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// headerRows is the row of each sheet's header: 汇总 has its title, the 制表单位 line, the
// narrative and the limits sentence above it.
func headerRow(sheet string) int {
	if sheet == sheets.SheetSummary {
		return 6 // title, 制表单位, narrative, 注, 漏报事项 (SPEC §9)
	}
	return 2
}

func TestWriteSheetsAndHeaders(t *testing.T) {
	t.Parallel()
	_, f := writeTest(t, testReport())
	want := []string{"汇总", "分会议统计", "分管领导统计", "单位统计", "逾期事项", "临期事项", "无明确时限", "事项明细", "漏报事项", "未报送单位"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	_, cf := writeCheck(t, testReport())
	wantCheck := []string{"报送情况", "校验问题", "事项明细"}
	if got := cf.GetSheetList(); !slices.Equal(got, wantCheck) {
		t.Fatalf("check file sheets = %q, want %q", got, wantCheck)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0 (汇总)", got)
	}
	headers := map[string]string{
		"汇总":     "类别|会议次数|事项数|已落实|推进中|未启动|逾期|临期|落实率|按期办结率",
		"分会议统计":  "类别|会议|会议日期|事项数|已落实|推进中|未启动|逾期|落实率|按期办结率",
		"分管领导统计": "责任领导|事项数|已落实|推进中|未启动|逾期|临期|落实率",
		"单位统计":   "排名|牵头单位|说明|事项数|已落实|推进中|未启动|逾期|落实率|按期办结率", // 说明: a unit sent nothing
		"逾期事项":   "序号|类别|会议|事项内容|牵头单位|责任领导|完成时限|逾期天数|落实状态|进展情况",
		"临期事项":   "序号|类别|会议|事项内容|牵头单位|责任领导|完成时限|剩余天数|落实状态|进展情况",
		"无明确时限":  "序号|类别|会议|事项内容|牵头单位|责任领导|落实状态|进展情况",
		"事项明细":   "序号|编号|类别|会议|会议日期|事项内容|牵头单位|配合单位|责任领导|完成时限|落实状态|完成日期|进展情况|预警",
		"漏报事项":   "事项内容|完成时限|牵头单位",
		"未报送单位":  "牵头单位|应报事项数",
	}
	checkHeaders := map[string]string{
		"报送情况": "文件|单位|工作表|读取行数|计入事项|重复合并|错误|警告|提示|结果",
		"校验问题": "级别|文件|工作表|单元格|字段|原值|说明",
		"事项明细": "序号|编号|类别|会议|会议日期|事项内容|牵头单位|配合单位|责任领导|完成时限|落实状态|完成日期|进展情况|预警|来源|合并的重复行",
	}
	for _, book := range []struct {
		f       *excelize.File
		sheets  []string
		headers map[string]string
	}{{f, want, headers}, {cf, wantCheck, checkHeaders}} {
		for _, sheet := range book.sheets {
			rows, err := book.f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			h := headerRow(sheet)
			if len(rows) < h {
				t.Fatalf("%s: %d rows", sheet, len(rows))
			}
			if got := strings.Join(rows[h-1], "|"); got != book.headers[sheet] {
				t.Errorf("%s header = %s, want %s", sheet, got, book.headers[sheet])
			}
			title := rows[0][0]
			if sheet == sheets.SheetSummary {
				title = rows[1][0]
			}
			if !strings.Contains(title, "统计截止：2024年11月30日") {
				t.Errorf("%s title = %q", sheet, title)
			}
		}
	}
}

type cellWant struct {
	sheet, cell string
	raw         string // raw value; "" means no value
	kind        string // "n" number, "s" string, "" empty
	numFmt      string // custom number format, checked when set
	shown       string // formatted value, checked when set
}

func TestWriteCellValues(t *testing.T) {
	t.Parallel()
	_, f := writeTest(t, testReport())
	_, cf := writeCheck(t, testReport())
	cases := []cellWant{
		{sheet: "汇总", cell: "A1", raw: "示例市人民政府办公室2024年度督查事项落实情况汇总", kind: "s"},
		{sheet: "汇总", cell: "A2", raw: "制表单位：示例市人民政府办公室　　统计截止：2024年11月30日", kind: "s"},
		{sheet: "汇总", cell: "A3", raw: testReport().Narrative, kind: "s"},
		{sheet: "汇总", cell: "A4", raw: "注：市教育局报送的台账无法读取，市政务服务中心本期未报送台账（应报事项1项），市统计局报送的1行因填写错误被排除，上述事项均未计入本汇总。", kind: "s"},
		{sheet: "汇总", cell: "A5", raw: "对照交办清单，漏报事项1项（市政务服务中心1项），见“漏报事项”工作表。", kind: "s"},
		{sheet: "汇总", cell: "A7", raw: "市政府常务会议", kind: "s"},
		{sheet: "汇总", cell: "B7", raw: "2", kind: "n"},
		{sheet: "汇总", cell: "I7", raw: "0", kind: "n", numFmt: "0.0%", shown: "0.0%"},
		{sheet: "汇总", cell: "B8", raw: "", kind: ""}, // 会议次数 blank for 批示
		{sheet: "汇总", cell: "C8", raw: "2", kind: "n"},
		{sheet: "汇总", cell: "I8", raw: "0.5", kind: "n", numFmt: "0.0%", shown: "50.0%"},
		{sheet: "汇总", cell: "A9", raw: "合计", kind: "s"},
		{sheet: "汇总", cell: "B9", raw: "2", kind: "n"}, // meetings of 会议 categories only
		{sheet: "汇总", cell: "H9", raw: "1", kind: "n"},
		{sheet: "汇总", cell: "I9", raw: "0.25", kind: "n", numFmt: "0.0%", shown: "25.0%"},
		{sheet: "汇总", cell: "A10", raw: "", kind: ""}, // blank row after the table
		{sheet: "汇总", cell: "A11", raw: "注：逾期、临期事项是推进中、未启动事项的一部分，不另计入事项数。", kind: "s"},
		{sheet: "汇总", cell: "J6", raw: "按期办结率", kind: "s"},
		{sheet: "汇总", cell: "J7", raw: "0", kind: "n", numFmt: "0.0%", shown: "0.0%"},   // 0 of 1 due
		{sheet: "汇总", cell: "J8", raw: "1", kind: "n", numFmt: "0.0%", shown: "100.0%"}, // 1 of 1
		{sheet: "汇总", cell: "J9", raw: "0.5", kind: "n", numFmt: "0.0%", shown: "50.0%"},
		{sheet: "汇总", cell: "A12", raw: "按期办结率50.0%（按期办结1项，应办结2项）。", kind: "s"},
		{sheet: "汇总", cell: "A13", raw: "应办结：有完成时限（经批准延期的按调整后时限）且时限已过或已落实的事项。", kind: "s"},
		{sheet: "汇总", cell: "A14", raw: "按期办结：应办结中完成日期不晚于时限的已落实事项；无明确时限的事项不计入。", kind: "s"},
		{sheet: "汇总", cell: "A15", raw: "", kind: ""}, // no 延期 or 进度 line; no counts of rows read on the leaders' sheet
		{sheet: "分管领导统计", cell: "A3", raw: "（未填写）", kind: "s"},
		{sheet: "分管领导统计", cell: "A5", raw: "张三", kind: "s"},
		{sheet: "分管领导统计", cell: "G4", raw: "1", kind: "n"},
		{sheet: "分管领导统计", cell: "H3", raw: "0.5", kind: "n", numFmt: "0.0%", shown: "50.0%"},
		{sheet: "单位统计", cell: "A5", raw: "2", kind: "n"}, // tied with the row above
		{sheet: "单位统计", cell: "A6", raw: "4", kind: "n"},
		{sheet: "单位统计", cell: "B5", raw: "市交通局※", kind: "s"}, // a row of it excluded by errors
		{sheet: "单位统计", cell: "C5", raw: "1行有错误未计入", kind: "s"},
		{sheet: "单位统计", cell: "A7", raw: "", kind: ""}, // none of its rows counted: no rank, no figures
		{sheet: "单位统计", cell: "B7", raw: "市统计局※", kind: "s"},
		{sheet: "单位统计", cell: "C7", raw: "1行有错误未计入", kind: "s"},
		{sheet: "单位统计", cell: "D7", raw: "", kind: ""},
		{sheet: "单位统计", cell: "A8", raw: "", kind: ""}, // the unit that sent nothing: no rank, no figures
		{sheet: "单位统计", cell: "B8", raw: "市政务服务中心", kind: "s"},
		{sheet: "单位统计", cell: "C8", raw: "未报送", kind: "s"},
		{sheet: "单位统计", cell: "D8", raw: "", kind: ""},
		{sheet: "单位统计", cell: "I8", raw: "", kind: ""},
		{sheet: "单位统计", cell: "A10", raw: "排名规则：按落实率从高到低；落实率相同的，逾期事项少者在前；落实率和逾期事项数都相同的并列同一名次（按单位名称拼音排列）。", kind: "s"},
		{sheet: "单位统计", cell: "A12", raw: "※ 有填写错误的行未计入，名次仅供参考：市交通局1行、市统计局1行。", kind: "s"},
		{sheet: "分会议统计", cell: "C3", raw: "45352", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-03-01"},
		{sheet: "分会议统计", cell: "I3", raw: "0", kind: "n", numFmt: "0.0%"},
		{sheet: "分会议统计", cell: "J3", raw: "0", kind: "n", numFmt: "0.0%"}, // 第5次: its one item due and open
		{sheet: "分会议统计", cell: "J4", raw: "", kind: ""},                   // 第6次: nothing due, no figure
		{sheet: "单位统计", cell: "A3", raw: "1", kind: "n"},
		{sheet: "单位统计", cell: "I3", raw: "1", kind: "n", numFmt: "0.0%", shown: "100.0%"},
		{sheet: "单位统计", cell: "J3", raw: "1", kind: "n", numFmt: "0.0%", shown: "100.0%"},
		{sheet: "单位统计", cell: "J4", raw: "", kind: ""}, // 市发改委: no deadline, nothing due
		{sheet: "逾期事项", cell: "G3", raw: "45596", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-10-31"},
		{sheet: "逾期事项", cell: "H3", raw: "30", kind: "n"},
		{sheet: "逾期事项", cell: "I3", raw: "推进中", kind: "s"},
		{sheet: "逾期事项", cell: "K3", raw: "", kind: ""}, // no 来源 on the leaders' sheets
		{sheet: "临期事项", cell: "D3", raw: "=1+1", kind: "s"},
		{sheet: "临期事项", cell: "H3", raw: "5", kind: "n"},
		{sheet: "无明确时限", cell: "D3", raw: "@cmd 研究解决停车难问题", kind: "s"},
		{sheet: "事项明细", cell: "B6", raw: "+001", kind: "s"},
		{sheet: "事项明细", cell: "J5", raw: "", kind: ""}, // no deadline: blank
		{sheet: "事项明细", cell: "L6", raw: "45536", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-09-01"},
		{sheet: "事项明细", cell: "M6", raw: "-已完成检查并整改", kind: "s"},
		{sheet: "事项明细", cell: "N3", raw: "逾期", kind: "s"},
		{sheet: "事项明细", cell: "O3", raw: "", kind: ""},
		{sheet: "未报送单位", cell: "B3", raw: "1", kind: "n"},
	}
	checkCases := []cellWant{
		{sheet: "校验问题", cell: "A3", raw: "错误", kind: "s"},
		{sheet: "校验问题", cell: "B3", raw: "市教育局.et", kind: "s"},
		{sheet: "校验问题", cell: "D3", raw: "", kind: ""}, // a whole file: no cell
		{sheet: "校验问题", cell: "D4", raw: "H12", kind: "s"},
		{sheet: "事项明细", cell: "O3", raw: "市住建局.xlsx!台账!5", kind: "s"},
		{sheet: "事项明细", cell: "P3", raw: "市住建局（初稿）.xlsx!台账!5", kind: "s"},
		{sheet: "事项明细", cell: "P4", raw: "", kind: ""},
	}
	checkCells(t, f, cases)
	checkCells(t, cf, checkCases)
}

// checkCells compares cells of f with what they should be.
func checkCells(t *testing.T, f *excelize.File, cases []cellWant) {
	t.Helper()
	for _, c := range cases {
		raw, err := f.GetCellValue(c.sheet, c.cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if raw != c.raw {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, raw, c.raw)
		}
		if kind := cellKind(t, f, c.sheet, c.cell); kind != c.kind {
			t.Errorf("%s!%s type = %q, want %q", c.sheet, c.cell, kind, c.kind)
		}
		if c.numFmt != "" {
			if got := numFmt(t, f, c.sheet, c.cell); got != c.numFmt {
				t.Errorf("%s!%s number format = %q, want %q", c.sheet, c.cell, got, c.numFmt)
			}
		}
		if c.shown != "" {
			shown, _ := f.GetCellValue(c.sheet, c.cell)
			if shown != c.shown {
				t.Errorf("%s!%s shows %q, want %q", c.sheet, c.cell, shown, c.shown)
			}
		}
	}
}

// TestWriteFills checks the colours: colour marks the signal, not the row — only the 逾期天数,
// 剩余天数 and 预警 cells are red or yellow, and in the check file the 级别 and 结果 cells.
func TestWriteFills(t *testing.T) {
	t.Parallel()
	_, f := writeTest(t, testReport())
	_, cf := writeCheck(t, testReport())
	cases := []struct {
		check             bool
		sheet, cell, fill string
	}{
		{false, "逾期事项", "H3", "FFC7CE"},
		{false, "逾期事项", "A3", ""},
		{false, "逾期事项", "D3", ""},
		{false, "逾期事项", "J3", ""},
		{false, "临期事项", "H3", "FFEB9C"},
		{false, "临期事项", "D3", ""},
		{false, "临期事项", "I3", ""},
		{false, "事项明细", "N3", "FFC7CE"},
		{false, "事项明细", "N4", "FFEB9C"},
		{false, "事项明细", "M3", ""},
		{false, "事项明细", "A3", ""},
		{false, "汇总", "A6", "D9E1F2"},
		{true, "校验问题", "A3", "FFC7CE"},
		{true, "校验问题", "A5", "FFEB9C"},
		{true, "校验问题", "B3", ""},
		{true, "报送情况", "J8", "FFC7CE"}, // 市教育局.et: 未能读取
		{true, "报送情况", "J9", "FFEB9C"}, // 市统计局.xlsx: rows excluded
		{true, "报送情况", "A9", ""},
		{true, "报送情况", "J3", ""},
	}
	for _, c := range cases {
		f := f
		if c.check {
			f = cf
		}
		id, err := f.GetCellStyle(c.sheet, c.cell)
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
		if got != c.fill {
			t.Errorf("%s!%s fill = %q, want %q", c.sheet, c.cell, got, c.fill)
		}
		if len(st.Border) != 4 {
			t.Errorf("%s!%s has %d borders, want 4", c.sheet, c.cell, len(st.Border))
		}
	}
}

func TestWriteLayout(t *testing.T) {
	t.Parallel()
	path, f := writeTest(t, testReport())
	checkPath, cf := writeCheck(t, testReport())
	// The report prints on A4 only, 事项明细 in parts repeating 序号 to 事项内容 (A:F); only the
	// check file's 事项明细 may take A3 (SPEC §7).
	checkLayout(t, f, path, nil, map[string]string{sheets.SheetItems: "F"})
	checkLayout(t, cf, checkPath, map[string]int{sheets.SheetItems: 8}, nil)

	chart := readZipFile(t, path, "xl/charts/chart1.xml")
	for _, ref := range []string{"<f>&#39;汇总&#39;!$A$7:$A$8</f>", "<f>&#39;汇总&#39;!$I$7:$I$8</f>", "<f>&#39;汇总&#39;!$I$6</f>"} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart lacks %s", ref)
		}
	}
	if !strings.Contains(chart, `<a:solidFill><a:srgbClr val="000000"></a:srgbClr></a:solidFill>`) &&
		!strings.Contains(chart, `<a:srgbClr val="000000"/>`) {
		t.Error("chart labels are not black")
	}
	if !strings.Contains(readSheetXML(t, path)["xl/worksheets/sheet1.xml"], "<drawing ") {
		t.Error("汇总 has no drawing for the chart")
	}

	for i, book := range []*excelize.File{f, cf} {
		mark := []string{sheets.ReportDescription, sheets.CheckDescription}[i]
		app, err := book.GetAppProps()
		if err != nil || app.Application != "duban" || app.Company != "示例市人民政府办公室" {
			t.Errorf("app properties = %+v, %v", app, err)
		}
		doc, err := book.GetDocProps()
		if err != nil || doc.Created != "2024-12-01T09:30:00Z" || doc.Creator != "示例市人民政府办公室" || doc.Description != mark {
			t.Errorf("document properties = %+v, %v", doc, err)
		}
	}
}

// checkLayout checks the print setup, panes, filters and widths of every sheet of f; paper is the
// paper size of sheets not on A4 (9).
// checkLayout checks every sheet's print setup: on the paper given (A4 when none), one page
// wide, or in parts repeating the columns up to parts[sheet].
func checkLayout(t *testing.T, f *excelize.File, path string, paper map[string]int, parts map[string]string) {
	t.Helper()
	names := f.GetDefinedName()
	for _, sheet := range f.GetSheetList() {
		found := false
		h := headerRow(sheet)
		for _, dn := range names {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
				found = true
				want := fmt.Sprintf("'%s'!$%d:$%d", sheet, h, h)
				if key := parts[sheet]; key != "" {
					want = fmt.Sprintf("'%s'!$A:$%s,%s", sheet, key, want)
				}
				if dn.RefersTo != want {
					t.Errorf("%s print titles = %q, want %q", sheet, dn.RefersTo, want)
				}
			}
		}
		if !found {
			t.Errorf("%s: no _xlnm.Print_Titles", sheet)
		}
		pl, err := f.GetPageLayout(sheet)
		if err != nil {
			t.Fatal(err)
		}
		tall := 0 // pages high: as many as needed
		if sheet == sheets.SheetSummary {
			tall = 1 // 汇总 fits one page
		}
		size := cmp.Or(paper[sheet], 9)
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if parts[sheet] != "" {
			if *pl.Orientation != "landscape" || *pl.Size != size || pl.AdjustTo == nil || *pl.AdjustTo < 60 ||
				props.FitToPage != nil && *props.FitToPage {
				t.Errorf("%s page layout in parts: orientation %s size %d scale %v", sheet, *pl.Orientation, *pl.Size, deref(pl.AdjustTo))
			}
		} else {
			if *pl.Orientation != "landscape" || *pl.Size != size || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
				pl.FitToHeight == nil || *pl.FitToHeight != tall {
				t.Errorf("%s page layout: orientation %s size %d fit %v×%v", sheet, *pl.Orientation, *pl.Size,
					deref(pl.FitToWidth), deref(pl.FitToHeight))
			}
			if props.FitToPage == nil || !*props.FitToPage {
				t.Errorf("%s: fitToPage not set", sheet)
			}
		}
		if m, err := f.GetPageMargins(sheet); err != nil || (sheet == sheets.SheetSummary) != (m.Horizontally != nil && *m.Horizontally) {
			t.Errorf("%s: centred %v, want %v (%v)", sheet, deref(m.Horizontally), sheet == sheets.SheetSummary, err)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if hf.OddFooter != "&C第&P页 共&N页" {
			t.Errorf("%s footer = %q", sheet, hf.OddFooter)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != h || panes.TopLeftCell != "A"+strconv.Itoa(h+1) {
			t.Errorf("%s panes = %+v", sheet, panes)
		}
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(merged) == 0 || merged[0].GetStartAxis() != "A1" || !strings.HasSuffix(merged[0].GetEndAxis(), "1") {
			t.Errorf("%s: title not merged across row 1: %v", sheet, merged)
		}
	}

	sheetXML := readSheetXML(t, path)
	colRe := regexp.MustCompile(`<col min="(\d+)" max="(\d+)"`)
	for name, x := range sheetXML {
		if strings.Contains(x, "<f>") || strings.Contains(x, "<f ") {
			t.Errorf("%s contains a formula", name)
		}
		if !regexp.MustCompile(`<autoFilter ref="\$?A\$?[26]:`).MatchString(x) {
			t.Errorf("%s has no autofilter on the header row", name)
		}
		prev := 0
		cols := colRe.FindAllStringSubmatch(x, -1)
		if len(cols) == 0 {
			t.Errorf("%s has no column widths", name)
		}
		for _, m := range cols {
			lo, _ := strconv.Atoi(m[1])
			hi, _ := strconv.Atoi(m[2])
			if lo <= prev || hi < lo {
				t.Errorf("%s: <col> entries out of order at min=%d (previous max %d)", name, lo, prev)
			}
			prev = hi
		}
	}
}

func TestWriteWidths(t *testing.T) {
	t.Parallel()
	_, f := writeTest(t, testReport())
	cases := []struct {
		sheet, col string
		width      float64
	}{
		{"汇总", "A", 16},   // 市政府常务会议: 7 CJK = 14, + 2
		{"汇总", "B", 10},   // 会议次数 header
		{"逾期事项", "A", 6},  // minimum
		{"事项明细", "F", 28}, // long content is capped and wrapped
	}
	for _, c := range cases {
		w, err := f.GetColWidth(c.sheet, c.col)
		if err != nil {
			t.Fatal(err)
		}
		if w != c.width {
			t.Errorf("%s!%s width = %v, want %v", c.sheet, c.col, w, c.width)
		}
	}
}

func TestWriteEmpty(t *testing.T) {
	t.Parallel()
	r := &sheets.Report{AsOf: ymd(2024, 11, 30), Expect: &sheets.Reconciliation{Headers: []string{"事项内容", "牵头单位"}}}
	_, f := writeTest(t, r)
	_, cf := writeCheck(t, r)
	cases := []struct{ sheet, cell, want string }{
		// No 制表单位 in the dictionary: none in the title, no 制表单位 line.
		{"汇总", "A1", "2024年度督查事项落实情况汇总"},
		{"汇总", "A2", "统计截止：2024年11月30日"},
		{"汇总", "A3", "类别"},
		{"汇总", "A4", "合计"},
		{"汇总", "B4", ""}, // no meeting category: 会议次数 blank
		{"汇总", "I4", "0.0%"},
		{"逾期事项", "A4", "无逾期事项"},
		{"校验问题", "A3", ""},
		{"校验问题", "A4", "未发现问题"},
		{"报送情况", "A4", "未读取任何文件"},
		{"漏报事项", "A4", "所有交办事项均已报送"},
		{"未报送单位", "A4", "所有单位均已报送"},
	}
	for _, c := range cases {
		f := f
		if c.sheet == sheets.SheetProblems || c.sheet == sheets.SheetInputs {
			f = cf
		}
		got, err := f.GetCellValue(c.sheet, c.cell)
		if err != nil {
			t.Fatal(err)
		}
		if got != c.want {
			t.Errorf("%s!%s = %q, want %q", c.sheet, c.cell, got, c.want)
		}
	}
	if !slices.Contains(f.GetSheetList(), "漏报事项") {
		t.Error("漏报事项 missing")
	}
	r.Expect = nil
	_, f = writeTest(t, r)
	if got := len(f.GetSheetList()); got != 8 {
		t.Errorf("without --expect: %d sheets, want 8", got)
	}
}

func TestWriteReplacesAtomically(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "汇总.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteReport(path, testReport()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("replaced file does not open: %v", err)
	}
	f.Close()
	assertOnly(t, dir, "汇总.xlsx", "汇总_核对.xlsx")

	// A path in a folder that does not exist: an error, nothing created.
	missing := filepath.Join(dir, "没有这个文件夹", "汇总.xlsx")
	if _, err := WriteReport(missing, testReport()); err == nil {
		t.Error("WriteReport into a missing folder: no error")
	}
	assertOnly(t, dir, "汇总.xlsx", "汇总_核对.xlsx")

	// The rename fails (the path is a folder): the temporary file is removed and the folder
	// is left as it was.
	busy := filepath.Join(dir, "busy.xlsx")
	if err := os.Mkdir(busy, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(busy, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteReport(busy, testReport()); err == nil {
		t.Error("WriteReport over a folder: no error")
	}
	// The report is renamed first: its failure leaves the check file unwritten too, so no check
	// file stands beside a report it does not belong to.
	assertOnly(t, dir, "busy.xlsx", "汇总.xlsx", "汇总_核对.xlsx")
	if _, err := os.Stat(filepath.Join(busy, "keep")); err != nil {
		t.Error(err)
	}
}

func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}
