package sheets

import (
	"archive/zip"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/xlsxout"
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
func testReport() *Report {
	src := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	items := []Item{
		{
			ID: "CW-5-1", Category: "市政府常务会议", Kind: KindMeeting, MeetingName: "市政府常务会议第5次",
			MeetingDate: ymd(2024, 3, 1), Content: "推进老旧小区改造，年底前完成120个小区的改造任务并组织验收",
			Lead: "市住建局", Co: "市财政局、各区政府", Leader: "张三", Deadline: ymd(2024, 10, 31),
			Status: InProgress, Progress: "已完成80个小区", Src: src("市住建局.xlsx", 5), Alert: "逾期",
		},
		{
			Category: "市政府常务会议", Kind: KindMeeting, MeetingName: "市政府常务会议第6次",
			MeetingDate: ymd(2024, 4, 2), Content: "=1+1", Lead: "市交通局", Leader: "李四",
			Deadline: ymd(2024, 12, 5), Status: NotStarted, Src: src("市交通局.xlsx", 3), Alert: "临期",
		},
		{
			Category: "市长批示件", Kind: KindDoc, MeetingName: "市长批示件〔2024〕3号",
			Content: "@cmd 研究解决停车难问题", Lead: "市发改委", Status: InProgress,
			Progress: "持续推进中", Src: src("市发改委.xlsx", 4), Alert: "无明确时限",
		},
		{
			ID: "+001", Category: "市长批示件", Kind: KindDoc, MeetingName: "市长批示件〔2024〕7号",
			Content: "开展安全生产大检查", Lead: "市应急局", Deadline: ymd(2024, 9, 30), Status: Done,
			Done: ymd(2024, 9, 1), Progress: "-已完成检查并整改", Src: src("市应急局.xlsx", 6), Alert: "正常",
		},
	}
	return &Report{
		AsOf: ymd(2024, 11, 30), WarnDays: 7,
		Files: 4, RowsRead: 6, Duplicates: 1, Excluded: 1,
		Items: items,
		Categories: []CategoryStats{
			{Name: "市政府常务会议", Kind: KindMeeting, Meetings: 2,
				Counts: Counts{Items: 2, InProgress: 1, NotStarted: 1, Overdue: 1, DueSoon: 1}},
			{Name: "市长批示件", Kind: KindDoc, Meetings: 2, Counts: Counts{Items: 2, Done: 1, InProgress: 1}},
		},
		Total: CategoryStats{Name: "合计", Counts: Counts{Items: 4, Done: 1, InProgress: 2, NotStarted: 1, Overdue: 1, DueSoon: 1}},
		Meetings: []MeetingStats{
			{Category: "市政府常务会议", Name: "市政府常务会议第5次", Date: ymd(2024, 3, 1),
				Counts: Counts{Items: 1, InProgress: 1, Overdue: 1}},
			{Category: "市政府常务会议", Name: "市政府常务会议第6次", Date: ymd(2024, 4, 2),
				Counts: Counts{Items: 1, NotStarted: 1}},
		},
		Units: []UnitStats{
			{Rank: 1, Unit: "市应急局", Counts: Counts{Items: 1, Done: 1}},
			{Rank: 2, Unit: "市发改委", Counts: Counts{Items: 1, InProgress: 1}},
			{Rank: 2, Unit: "市交通局", Counts: Counts{Items: 1, NotStarted: 1}},
			{Rank: 4, Unit: "市住建局", Counts: Counts{Items: 1, InProgress: 1, Overdue: 1}},
		},
		Overdue:    []Flagged{{Item: &items[0], Days: 30}},
		DueSoon:    []Flagged{{Item: &items[1], Days: 5}},
		NoDeadline: []*Item{&items[2]},
		Problems: []Problem{
			{Pos: Pos{File: "市统计局.xlsx", Sheet: "台账", Row: 12, Col: 8}, Level: Error, Field: "完成时限",
				Raw: "2023年2月30日", Msg: "完成时限“2023年2月30日”不是有效日期（2月没有30日）"},
			{Pos: Pos{File: "市应急局.xlsx", Sheet: "台账", Row: 6, Col: 11}, Level: Warning, Field: "完成日期",
				Raw: "", Msg: "落实状态为“已落实”，但未填写完成日期"},
		},
		Narrative: "截至2024年11月30日，共召开市政府常务会议2次，议定事项2项，已落实0项，落实率0.0%；" +
			"市长批示件2件，已办结1件，办结率50.0%。未按期办结（逾期）事项1项，无明确时限事项1项。",
		Expect: &Reconciliation{
			Headers:    []string{"事项内容", "完成时限", "牵头单位"},
			Missing:    [][]string{{"加快政务服务一网通办", "2024年底前", "市政务服务中心"}},
			Unreported: []UnitDue{{Unit: "市政务服务中心", Items: 1}},
		},
	}
}

func writeTest(t *testing.T, r *Report) (string, *excelize.File) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "督查事项汇总_20241130.xlsx")
	if err := Write(path, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return path, f
}

func TestWriteSheetsAndHeaders(t *testing.T) {
	_, f := writeTest(t, testReport())
	want := []string{"汇总", "分会议统计", "单位统计", "逾期事项", "临期事项", "无明确时限", "事项明细", "校验问题", "漏报事项", "未报送单位"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets = %q, want %q", got, want)
	}
	if got := f.GetActiveSheetIndex(); got != 0 {
		t.Errorf("active sheet = %d, want 0 (汇总)", got)
	}
	headers := map[string]string{
		"汇总":    "类别|会议次数|事项数|已落实|推进中|未启动|逾期|临期|落实率",
		"分会议统计": "类别|会议|会议日期|事项数|已落实|推进中|未启动|逾期|落实率",
		"单位统计":  "排名|牵头单位|事项数|已落实|推进中|未启动|逾期|落实率",
		"逾期事项":  "序号|类别|会议|事项内容|牵头单位|责任领导|完成时限|逾期天数|落实状态|进展情况|来源",
		"临期事项":  "序号|类别|会议|事项内容|牵头单位|责任领导|完成时限|剩余天数|落实状态|进展情况|来源",
		"无明确时限": "序号|类别|会议|事项内容|牵头单位|落实状态|进展情况|来源",
		"事项明细":  "序号|编号|类别|会议|会议日期|事项内容|牵头单位|配合单位|责任领导|完成时限|落实状态|完成日期|进展情况|预警|来源",
		"校验问题":  "级别|文件|工作表|单元格|字段|原值|说明",
		"漏报事项":  "事项内容|完成时限|牵头单位",
		"未报送单位": "牵头单位|应报事项数",
	}
	for _, sheet := range want {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) < 2 {
			t.Fatalf("%s: %d rows", sheet, len(rows))
		}
		if got := strings.Join(rows[1], "|"); got != headers[sheet] {
			t.Errorf("%s header = %s, want %s", sheet, got, headers[sheet])
		}
		if !strings.Contains(rows[0][0], "（统计截止：2024年11月30日）") {
			t.Errorf("%s title = %q", sheet, rows[0][0])
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
	_, f := writeTest(t, testReport())
	cases := []cellWant{
		{sheet: "汇总", cell: "A1", raw: "督查事项汇总（统计截止：2024年11月30日）", kind: "s"},
		{sheet: "汇总", cell: "A3", raw: "市政府常务会议", kind: "s"},
		{sheet: "汇总", cell: "B3", raw: "2", kind: "n"},
		{sheet: "汇总", cell: "I3", raw: "0", kind: "n", numFmt: "0.0%", shown: "0.0%"},
		{sheet: "汇总", cell: "B4", raw: "", kind: ""}, // 会议次数 blank for 批示
		{sheet: "汇总", cell: "C4", raw: "2", kind: "n"},
		{sheet: "汇总", cell: "I4", raw: "0.5", kind: "n", numFmt: "0.0%", shown: "50.0%"},
		{sheet: "汇总", cell: "A5", raw: "合计", kind: "s"},
		{sheet: "汇总", cell: "B5", raw: "2", kind: "n"}, // meetings of 会议 categories only
		{sheet: "汇总", cell: "H5", raw: "1", kind: "n"},
		{sheet: "汇总", cell: "I5", raw: "0.25", kind: "n", numFmt: "0.0%", shown: "25.0%"},
		{sheet: "汇总", cell: "A6", raw: "", kind: ""}, // blank row after the table
		{sheet: "汇总", cell: "A7", raw: "读取文件 4 个", kind: "s"},
		{sheet: "汇总", cell: "A11", raw: "错误排除 1 行，详见“校验问题”工作表", kind: "s"},
		{sheet: "分会议统计", cell: "C3", raw: "45352", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-03-01"},
		{sheet: "分会议统计", cell: "I3", raw: "0", kind: "n", numFmt: "0.0%"},
		{sheet: "单位统计", cell: "A3", raw: "1", kind: "n"},
		{sheet: "单位统计", cell: "H3", raw: "1", kind: "n", numFmt: "0.0%", shown: "100.0%"},
		{sheet: "逾期事项", cell: "G3", raw: "45596", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-10-31"},
		{sheet: "逾期事项", cell: "H3", raw: "30", kind: "n"},
		{sheet: "逾期事项", cell: "I3", raw: "推进中", kind: "s"},
		{sheet: "逾期事项", cell: "K3", raw: "市住建局.xlsx!台账!5", kind: "s"},
		{sheet: "临期事项", cell: "D3", raw: "=1+1", kind: "s"},
		{sheet: "临期事项", cell: "H3", raw: "5", kind: "n"},
		{sheet: "无明确时限", cell: "D3", raw: "@cmd 研究解决停车难问题", kind: "s"},
		{sheet: "事项明细", cell: "B6", raw: "+001", kind: "s"},
		{sheet: "事项明细", cell: "J5", raw: "", kind: ""}, // no deadline: blank
		{sheet: "事项明细", cell: "L6", raw: "45536", kind: "n", numFmt: "yyyy-mm-dd", shown: "2024-09-01"},
		{sheet: "事项明细", cell: "M6", raw: "-已完成检查并整改", kind: "s"},
		{sheet: "事项明细", cell: "N3", raw: "逾期", kind: "s"},
		{sheet: "校验问题", cell: "A3", raw: "错误", kind: "s"},
		{sheet: "校验问题", cell: "D3", raw: "H12", kind: "s"},
		{sheet: "未报送单位", cell: "B3", raw: "1", kind: "n"},
	}
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

// TestWriteFills checks the colours: overdue rows red, due-soon rows yellow, the 预警 and 级别
// cells by their value.
func TestWriteFills(t *testing.T) {
	_, f := writeTest(t, testReport())
	cases := []struct{ sheet, cell, fill string }{
		{"逾期事项", "A3", "FFC7CE"},
		{"逾期事项", "K3", "FFC7CE"},
		{"临期事项", "D3", "FFEB9C"},
		{"事项明细", "N3", "FFC7CE"},
		{"事项明细", "N4", "FFEB9C"},
		{"事项明细", "M3", ""},
		{"校验问题", "A3", "FFC7CE"},
		{"校验问题", "A4", "FFEB9C"},
		{"汇总", "A2", "D9E1F2"},
	}
	for _, c := range cases {
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
	path, f := writeTest(t, testReport())
	names := f.GetDefinedName()
	for _, sheet := range f.GetSheetList() {
		found := false
		for _, dn := range names {
			if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheet {
				found = true
				if want := "'" + sheet + "'!$2:$2"; dn.RefersTo != want {
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
		if sheet == SheetSummary {
			tall = 1 // 汇总 fits one page
		}
		if *pl.Orientation != "landscape" || *pl.Size != 9 || pl.FitToWidth == nil || *pl.FitToWidth != 1 ||
			pl.FitToHeight == nil || *pl.FitToHeight != tall {
			t.Errorf("%s page layout: orientation %s size %d fit %v×%v", sheet, *pl.Orientation, *pl.Size,
				deref(pl.FitToWidth), deref(pl.FitToHeight))
		}
		props, err := f.GetSheetProps(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if props.FitToPage == nil || !*props.FitToPage {
			t.Errorf("%s: fitToPage not set", sheet)
		}
		hf, err := f.GetHeaderFooter(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(hf.OddFooter, "&P") || !strings.Contains(hf.OddFooter, "&N") {
			t.Errorf("%s footer = %q", sheet, hf.OddFooter)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil {
			t.Fatal(err)
		}
		if !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
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
		if !regexp.MustCompile(`<autoFilter ref="\$?A\$?2:`).MatchString(x) {
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

	chart := readZipFile(t, path, "xl/charts/chart1.xml")
	for _, ref := range []string{"<f>&#39;汇总&#39;!$A$3:$A$4</f>", "<f>&#39;汇总&#39;!$I$3:$I$4</f>", "<f>&#39;汇总&#39;!$I$2</f>"} {
		if !strings.Contains(chart, ref) {
			t.Errorf("chart lacks %s", ref)
		}
	}
	if !strings.Contains(sheetXML["xl/worksheets/sheet1.xml"], "<drawing ") {
		t.Error("汇总 has no drawing for the chart")
	}

	if !IsOwnReport(f) {
		t.Error("IsOwnReport(written report) = false")
	}
	app, err := f.GetAppProps()
	if err != nil || app.Application != "duban" {
		t.Errorf("Application = %v, %v", app, err)
	}
	other := excelize.NewFile()
	defer other.Close()
	if IsOwnReport(other) {
		t.Error("IsOwnReport(new file) = true")
	}
}

func TestWriteWidths(t *testing.T) {
	_, f := writeTest(t, testReport())
	cases := []struct {
		sheet, col string
		width      float64
	}{
		{"汇总", "A", 16},   // 市政府常务会议: 7 CJK = 14, + 2
		{"汇总", "B", 10},   // 会议次数 header
		{"逾期事项", "A", 6},  // minimum
		{"事项明细", "F", 32}, // long content is capped and wrapped
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
	r := &Report{AsOf: ymd(2024, 11, 30), Expect: &Reconciliation{Headers: []string{"事项内容", "牵头单位"}}}
	_, f := writeTest(t, r)
	cases := []struct{ sheet, cell, want string }{
		{"汇总", "A3", "合计"},
		{"汇总", "B3", ""}, // no meeting category: 会议次数 blank
		{"汇总", "I3", "0.0%"},
		{"逾期事项", "A4", "无逾期事项"},
		{"校验问题", "A3", ""},
		{"校验问题", "A4", "未发现问题"},
		{"漏报事项", "A4", "所有交办事项均已报送"},
		{"未报送单位", "A4", "所有单位均已报送"},
	}
	for _, c := range cases {
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
	dir := t.TempDir()
	path := filepath.Join(dir, "汇总.xlsx")
	if err := os.WriteFile(path, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(path, testReport()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatalf("replaced file does not open: %v", err)
	}
	f.Close()
	assertOnly(t, dir, "汇总.xlsx")

	// A path in a folder that does not exist: an error, nothing created.
	missing := filepath.Join(dir, "没有这个文件夹", "汇总.xlsx")
	if err := Write(missing, testReport()); err == nil {
		t.Error("Write into a missing folder: no error")
	}
	assertOnly(t, dir, "汇总.xlsx")

	// The rename fails (the path is a folder): the temporary file is removed and the folder
	// is left as it was.
	busy := filepath.Join(dir, "busy.xlsx")
	if err := os.Mkdir(busy, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(busy, "keep"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := Write(busy, testReport()); err == nil {
		t.Error("Write over a folder: no error")
	}
	assertOnly(t, dir, "busy.xlsx", "汇总.xlsx")
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

func TestWriteGolden(t *testing.T) {
	path, _ := writeTest(t, testReport())
	got := dumpWorkbook(t, path)
	golden := filepath.Join("testdata", "golden", "report.txt")
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./sheets -run TestWriteGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("workbook differs from %s (run with -update and review the diff):\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n-%s\n+%s\n", i+1, a, c)
		}
	}
	return b.String()
}

// dumpWorkbook renders a workbook as text for golden comparison: sheet order, the active
// sheet, merges, frozen panes, column widths, and every non-empty cell with its type, raw value
// and custom number format (s string, n number).
func dumpWorkbook(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	active := f.GetActiveSheetIndex()
	for i, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s", sheet)
		if i == active {
			b.WriteString(" (active)")
		}
		b.WriteString("\n")
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merged {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		if p, err := f.GetPanes(sheet); err == nil && p.Freeze {
			fmt.Fprintf(&b, "freeze %s\n", p.TopLeftCell)
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		ncol := 0
		for _, row := range rows {
			ncol = max(ncol, len(row))
		}
		b.WriteString("widths")
		for c := 1; c <= ncol; c++ {
			w, _ := f.GetColWidth(sheet, ColumnName(c))
			fmt.Fprintf(&b, " %s=%g", ColumnName(c), w)
		}
		b.WriteString("\n")
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell := ColumnName(c+1) + strconv.Itoa(r+1)
				fmt.Fprintf(&b, "%s %s %q", cell, cellKind(t, f, sheet, cell), v)
				if nf := numFmt(t, f, sheet, cell); nf != "" {
					fmt.Fprintf(&b, " [%s]", nf)
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// cellKind is "s" for a string cell, "n" for a number, "" for an empty one, else the type.
func cellKind(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if v == "" {
		return ""
	}
	ct, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	switch ct {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "s"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "n"
	}
	return fmt.Sprintf("type%d", ct)
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return ""
}

// readSheetXML returns the XML of every worksheet part of the workbook at path.
func readSheetXML(t *testing.T, path string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	out := map[string]string{}
	for _, zf := range z.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name] = string(data)
	}
	if len(out) == 0 {
		t.Fatal("no worksheets in the zip")
	}
	return out
}

func readZipFile(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	rc, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func deref(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// bigReport is a report of n items spread over units and meetings, for benchmarks.
func bigReport(n int) *Report {
	r := testReport()
	r.Items = make([]Item, n)
	r.Overdue, r.DueSoon, r.NoDeadline = nil, nil, nil
	r.Problems = r.Problems[:0]
	for i := range r.Items {
		it := &r.Items[i]
		*it = Item{
			ID: "ID-" + strconv.Itoa(i), Category: "市政府常务会议", Kind: KindMeeting,
			MeetingName: "市政府常务会议第" + strconv.Itoa(i%40+1) + "次", MeetingDate: ymd(2024, 1+i%12, 1+i%28),
			Content: "推进第" + strconv.Itoa(i) + "项重点工作，按期完成建设任务并组织验收，确保取得实效",
			Lead:    "市第" + strconv.Itoa(i%60) + "局", Co: "各区政府", Leader: "张三",
			Deadline: ymd(2024, 1+i%12, 28), Status: Status(i % 3), Progress: "正在推进，已完成年度计划的百分之六十",
			Src: Pos{File: "单位" + strconv.Itoa(i%60) + ".xlsx", Sheet: "台账", Row: 3 + i/60}, Alert: "正常",
		}
		switch i % 10 {
		case 0:
			it.Alert = "逾期"
			r.Overdue = append(r.Overdue, Flagged{Item: it, Days: i % 100})
		case 1:
			it.Alert = "临期"
			r.DueSoon = append(r.DueSoon, Flagged{Item: it, Days: i % 7})
		case 2:
			it.Alert, it.Deadline = "无明确时限", time.Time{}
			r.NoDeadline = append(r.NoDeadline, it)
		}
		if i%20 == 0 {
			r.Problems = append(r.Problems, Problem{Pos: it.Src.At(9), Level: Level(i % 3), Field: "完成时限",
				Raw: "2023年2月30日", Msg: "完成时限不是有效日期"})
		}
	}
	return r
}

func BenchmarkWrite(b *testing.B) {
	r := bigReport(20000)
	b.ReportAllocs()
	for b.Loop() {
		if err := writeTo(io.Discard, r); err != nil {
			b.Fatal(err)
		}
	}
}

// A table longer than a sheet can hold is cut, with a note, instead of failing the workbook.
func TestWriteTableCap(t *testing.T) {
	defer func(n int) { xlsxout.MaxRows = n }(xlsxout.MaxRows)
	xlsxout.MaxRows = 2
	r := Summarize(nil, testDict(t), ymd(2024, 11, 30), 7)
	for i := range 5 {
		r.Problems = append(r.Problems, Problem{Pos: Pos{File: "a.xlsx", Sheet: "台账", Row: i + 2}, Level: Notice, Msg: "提示"})
	}
	path := filepath.Join(t.TempDir(), "out.xlsx")
	if err := Write(path, r); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(SheetProblems)
	var texts []string
	for _, row := range rows {
		texts = append(texts, strings.Join(row, "|"))
	}
	got := strings.Join(texts, "\n")
	if !strings.Contains(got, "另有3条问题（多为提示）超出工作表行数上限，未列出；完整列表见命令行输出") || strings.Count(got, "提示|") != 2 {
		t.Errorf("校验问题:\n%s", got)
	}
}

func TestWriteRowHeights(t *testing.T) {
	r := testReport()
	r.Items[0].Content = strings.Repeat("长文本", 30) // 90 CJK characters: several lines
	_, f := writeTest(t, r)
	rows, _ := f.GetRows(SheetItems)
	for i, row := range rows {
		if len(row) > 5 && row[5] == r.Items[0].Content {
			h, _ := f.GetRowHeight(SheetItems, i+1)
			if want := float64(xlsxout.WrappedLines(row[5], 32))*xlsxout.LineHeight + 3; h != want {
				t.Errorf("row %d height %v, want %v", i+1, h, want)
			}
			return
		}
	}
	t.Error("the long item is not in 事项明细")
}
