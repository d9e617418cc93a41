package sheets

import (
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
)

// Sheet names of the consolidated workbook (SPEC §7). Readers find the tables by these names
// and by the column labels, so neither may change.
const (
	SheetSummary    = "汇总"
	SheetMeetings   = "分会议统计"
	SheetUnits      = "单位统计"
	SheetOverdue    = "逾期事项"
	SheetDueSoon    = "临期事项"
	SheetNoDeadline = "无明确时限"
	SheetItems      = "事项明细"
	SheetProblems   = "校验问题"
	SheetMissing    = "漏报事项"
	SheetUnreported = "未报送单位"
)

// The marks duban leaves in the properties of a workbook it writes; IsOwnReport looks for them.
const (
	reportApplication = "duban"
	reportDescription = "duban-report"
)

// Labels and texts of the consolidated workbook. Column labels are fixed by SPEC §7.
var (
	colsSummary = []column{
		{"类别", colText}, {"会议次数", colInt}, {"事项数", colInt}, {"已落实", colInt},
		{"推进中", colInt}, {"未启动", colInt}, {"逾期", colInt}, {"临期", colInt}, {"落实率", colRate},
	}
	colsMeetings = []column{
		{"类别", colText}, {"会议", colText}, {"会议日期", colDate}, {"事项数", colInt},
		{"已落实", colInt}, {"推进中", colInt}, {"未启动", colInt}, {"逾期", colInt}, {"落实率", colRate},
	}
	colsUnits = []column{
		{"排名", colInt}, {"牵头单位", colText}, {"事项数", colInt}, {"已落实", colInt},
		{"推进中", colInt}, {"未启动", colInt}, {"逾期", colInt}, {"落实率", colRate},
	}
	colsOverdue    = flaggedColumns("逾期天数")
	colsDueSoon    = flaggedColumns("剩余天数")
	colsNoDeadline = []column{
		{"序号", colInt}, {"类别", colText}, {"会议", colText}, {"事项内容", colWrap},
		{"牵头单位", colText}, {"落实状态", colText}, {"进展情况", colWrap}, {"来源", colText},
	}
	colsItems = []column{
		{"序号", colInt}, {"编号", colText}, {"类别", colText}, {"会议", colText},
		{"会议日期", colDate}, {"事项内容", colWrap}, {"牵头单位", colText}, {"配合单位", colText},
		{"责任领导", colText}, {"完成时限", colDate}, {"落实状态", colText}, {"完成日期", colDate},
		{"进展情况", colWrap}, {"预警", colText}, {"来源", colText},
	}
	colsProblems = []column{
		{"级别", colText}, {"文件", colText}, {"工作表", colText}, {"单元格", colText},
		{"字段", colText}, {"原值", colWrap}, {"说明", colWrap},
	}
	colsUnreported = []column{{"牵头单位", colText}, {"应报事项数", colInt}}
)

const (
	labelTotal      = "合计"
	alertOverdue    = "逾期"
	alertDueSoon    = "临期"
	footerPageOfN   = "&C第 &P 页，共 &N 页"
	noteSeeProblems = "，详见“校验问题”工作表"
)

func flaggedColumns(days string) []column {
	return []column{
		{"序号", colInt}, {"类别", colText}, {"会议", colText}, {"事项内容", colWrap},
		{"牵头单位", colText}, {"责任领导", colText}, {"完成时限", colDate}, {days, colInt},
		{"落实状态", colText}, {"进展情况", colWrap}, {"来源", colText},
	}
}

// Write writes the consolidated workbook for r to path. It writes a temporary file in the
// same folder and renames it into place, so a failed write leaves no half-written workbook and
// an existing file at path untouched.
func Write(path string, r *Report) error {
	return SaveFile(path, func(w io.Writer) error { return writeTo(w, r) })
}

// IsOwnReport reports whether f is a consolidated workbook written by duban (it carries the
// description Write puts in its document properties, which Excel and WPS keep on saving).
func IsOwnReport(f *excelize.File) bool {
	p, err := f.GetDocProps()
	return err == nil && p != nil && p.Description == reportDescription
}

// writeTo writes the workbook for r to w.
func writeTo(w io.Writer, r *Report) error {
	f, err := build(r)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Write(w)
}

// build lays out the whole workbook for r.
func build(r *Report) (*excelize.File, error) {
	f := excelize.NewFile()
	ok := false
	defer func() {
		if !ok {
			f.Close()
		}
	}()
	st, err := newStyles(f)
	if err != nil {
		return nil, err
	}
	tables := reportTables(r)
	for i, t := range tables {
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), t.name)
		} else {
			_, err = f.NewSheet(t.name)
		}
		if err != nil {
			return nil, fmt.Errorf("工作表 %s: %w", t.name, err)
		}
	}
	// Before streaming: afterwards SetActiveSheet would parse every streamed sheet again.
	f.SetActiveSheet(0)
	for _, t := range tables {
		if err := writeTable(f, st, t); err != nil {
			return nil, fmt.Errorf("工作表 %s: %w", t.name, err)
		}
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: reportApplication}); err != nil {
		return nil, err
	}
	err = f.SetDocProps(&excelize.DocProperties{
		Creator:        reportApplication,
		LastModifiedBy: reportApplication,
		Description:    reportDescription,
		Title:          "督查事项汇总",
		Subject:        "统计截止：" + cnDate(r.AsOf),
	})
	if err != nil {
		return nil, err
	}
	ok = true
	return f, nil
}

// reportTables describes every sheet of the report, in workbook order.
func reportTables(r *Report) []*table {
	asOf := "（统计截止：" + cnDate(r.AsOf) + "）"
	ts := []*table{
		summaryTable(r, asOf),
		{
			name: SheetMeetings, title: "分会议统计" + asOf, cols: colsMeetings,
			n: len(r.Meetings), empty: "无会议类事项",
			row: func(i int, v []any) tone {
				m := &r.Meetings[i]
				v[0], v[1], v[2] = m.Category, m.Name, dateValue(m.Date)
				countValues(v[3:], m.Counts, false)
				return toneNone
			},
		},
		{
			name: SheetUnits, title: "单位统计" + asOf, cols: colsUnits,
			n: len(r.Units), empty: "无事项",
			row: func(i int, v []any) tone {
				u := &r.Units[i]
				v[0], v[1] = u.Rank, u.Unit
				countValues(v[2:], u.Counts, false)
				return toneNone
			},
		},
		flaggedTable(SheetOverdue, "逾期事项"+asOf, colsOverdue, r.Overdue, toneRed, "无逾期事项"),
		flaggedTable(SheetDueSoon, "临期事项"+asOf, colsDueSoon, r.DueSoon, toneYellow, "无临期事项"),
		{
			name: SheetNoDeadline, title: "无明确时限事项" + asOf, cols: colsNoDeadline,
			n: len(r.NoDeadline), empty: "无未落实的无明确时限事项",
			row: func(i int, v []any) tone {
				it := r.NoDeadline[i]
				v[0], v[1], v[2], v[3] = i+1, it.Category, it.MeetingName, it.Content
				v[4], v[5], v[6], v[7] = it.Lead, it.Status.String(), it.Progress, it.Src.RowRef()
				return toneNone
			},
		},
		{
			name: SheetItems, title: "事项明细" + asOf, cols: colsItems,
			n: min(len(r.Items), maxTableRows), empty: "无事项", notes: overflow(len(r.Items), "项事项"),
			row: func(i int, v []any) tone {
				it := &r.Items[i]
				v[0], v[1], v[2], v[3] = i+1, it.ID, it.Category, it.MeetingName
				v[4], v[5], v[6], v[7] = dateValue(it.MeetingDate), it.Content, it.Lead, it.Co
				v[8], v[9], v[10], v[11] = it.Leader, dateValue(it.Deadline), it.Status.String(), dateValue(it.Done)
				v[12], v[13], v[14] = it.Progress, alertValue(it.Alert), it.Src.RowRef()
				return toneNone
			},
		},
		{
			name: SheetProblems, title: "校验问题" + asOf, cols: colsProblems,
			n: min(len(r.Problems), maxTableRows), empty: "未发现问题", notes: overflow(len(r.Problems), "条问题（多为提示）"),
			row: func(i int, v []any) tone {
				p := &r.Problems[i]
				lv := marked{p.Level.String(), toneNone}
				switch p.Level {
				case Error:
					lv.tone = toneRed
				case Warning:
					lv.tone = toneYellow
				}
				v[0], v[1], v[2], v[3] = lv, p.Pos.File, p.Pos.Sheet, p.Pos.Cell()
				v[4], v[5], v[6] = p.Field, p.Raw, p.Msg
				return toneNone
			},
		},
	}
	if e := r.Expect; e != nil {
		cols := make([]column, len(e.Headers))
		for i, h := range e.Headers {
			cols[i] = column{h, colText}
			if h == "会议日期" || h == "完成时限" || h == "完成日期" {
				cols[i].kind = colDate
			}
		}
		if len(cols) == 0 {
			cols = []column{{"牵头单位", colText}}
		}
		ts = append(ts, &table{
			name: SheetMissing, title: "漏报事项" + asOf, cols: cols,
			n: len(e.Missing), empty: "所有交办事项均已报送",
			row: func(i int, v []any) tone {
				row := e.Missing[i]
				for c := range v {
					v[c] = nil
					if c < len(row) {
						v[c] = row[c]
						// A date as a real date; 长期 or 2024年底前 as the master list wrote it.
						if t, err := time.Parse(time.DateOnly, row[c]); err == nil && cols[c].kind == colDate {
							v[c] = dateValue(t)
						}
					}
				}
				return toneNone
			},
		}, &table{
			name: SheetUnreported, title: "未报送单位" + asOf, cols: colsUnreported,
			n: len(e.Unreported), empty: "所有单位均已报送",
			row: func(i int, v []any) tone {
				v[0], v[1] = e.Unreported[i].Unit, e.Unreported[i].Items
				return toneNone
			},
		})
	}
	return ts
}

func summaryTable(r *Report, asOf string) *table {
	meetings, anyMeeting := 0, false
	for _, c := range r.Categories {
		if c.Kind == KindMeeting {
			meetings += c.Meetings
			anyMeeting = true
		}
	}
	total := make([]any, len(colsSummary))
	total[0] = labelTotal
	if anyMeeting {
		total[1] = meetings
	}
	countValues(total[2:], r.Total.Counts, true)

	excluded := fmt.Sprintf("错误排除 %d 行", r.Excluded)
	if r.Excluded > 0 {
		excluded += noteSeeProblems
	}
	return &table{
		name: SheetSummary, title: "督查事项汇总" + asOf, cols: colsSummary,
		n: len(r.Categories), empty: "无事项",
		row: func(i int, v []any) tone {
			c := &r.Categories[i]
			v[0], v[1] = c.Name, nil
			if c.Kind == KindMeeting {
				v[1] = c.Meetings
			}
			countValues(v[2:], c.Counts, true)
			return toneNone
		},
		total: total,
		notes: []string{
			fmt.Sprintf("读取文件 %d 个", r.Files),
			fmt.Sprintf("读取数据行 %d 行", r.RowsRead),
			fmt.Sprintf("汇总事项 %d 项", len(r.Items)),
			fmt.Sprintf("重复合并 %d 行", r.Duplicates),
			excluded,
		},
		narrative: r.Narrative,
		chart:     rateChart(len(r.Categories)),
	}
}

// rateChart draws 落实率 by category as horizontal bars from the 汇总 table, or nothing for
// no categories.
func rateChart(n int) func(f *excelize.File, anchor string) error {
	if n == 0 {
		return nil
	}
	return func(f *excelize.File, anchor string) error {
		first, last := headerRow+1, headerRow+n
		ref := func(col string) string {
			return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", SheetSummary, col, first, col, last)
		}
		lo, hi := 0.0, 1.0
		none := false
		return f.AddChart(SheetSummary, anchor, &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				// Name is a reference, not text: the 落实率 header cell.
				Name:       fmt.Sprintf("'%s'!$%s$%d", SheetSummary, ColumnName(len(colsSummary)), headerRow),
				Categories: ref("A"), Values: ref(ColumnName(len(colsSummary))),
				Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"4472C4"}},
			}},
			Title:      excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类别落实率"}}},
			Legend:     excelize.ChartLegend{Position: "none"},
			VaryColors: &none,
			XAxis:      excelize.ChartAxis{ReverseOrder: true},
			YAxis: excelize.ChartAxis{
				Minimum: &lo, Maximum: &hi, MajorGridLines: true,
				NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"},
			},
			PlotArea: excelize.ChartPlotArea{
				ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"},
			},
			Dimension: excelize.ChartDimension{Width: 560, Height: uint(min(100+26*n, 420))},
		})
	}
}

func flaggedTable(name, title string, cols []column, list []Flagged, t tone, empty string) *table {
	return &table{
		name: name, title: title, cols: cols, n: len(list), empty: empty,
		row: func(i int, v []any) tone {
			it, days := list[i].Item, list[i].Days
			v[0], v[1], v[2], v[3] = i+1, it.Category, it.MeetingName, it.Content
			v[4], v[5], v[6], v[7] = it.Lead, it.Leader, dateValue(it.Deadline), days
			v[8], v[9], v[10] = it.Status.String(), it.Progress, it.Src.RowRef()
			return t
		},
	}
}

// countValues fills the count columns: 事项数 已落实 推进中 未启动 逾期 [临期] 落实率.
func countValues(v []any, c Counts, dueSoon bool) {
	v[0], v[1], v[2], v[3], v[4] = c.Items, c.Done, c.InProgress, c.NotStarted, c.Overdue
	if dueSoon {
		v[5], v[6] = c.DueSoon, rate(c.Rate())
	} else {
		v[5] = rate(c.Rate())
	}
}

// alertValue colours 逾期 red and 临期 yellow.
func alertValue(a string) any {
	switch a {
	case alertOverdue:
		return marked{a, toneRed}
	case alertDueSoon:
		return marked{a, toneYellow}
	}
	return a
}

// cnDate formats a date as 2024年11月30日.
func cnDate(t time.Time) string {
	return t.Format("2006年1月2日")
}

// excelEpoch is day 0 of the 1900 date system as Excel counts it (after 1900-02-28).
var excelEpoch = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)

// dateValue returns the Excel serial number of t's calendar day, or nil for the zero time.
// The wall-clock date is used whatever the location, so a date never shifts by a time zone.
func dateValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	y, m, d := t.Date()
	return serial(int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(excelEpoch) / (24 * time.Hour)))
}

// serial is an Excel date serial number; rate is an exact ratio shown as a percentage.
type (
	serial int
	rate   float64
)

// marked is a text cell with its own colour (预警, 级别).
type marked struct {
	text string
	tone tone
}

// colKind is how a column's values are written and formatted.
type colKind uint8

const (
	colText colKind = iota
	colWrap         // long text, wrapped
	colInt
	colDate
	colRate
	numKinds
)

// column is one column of a report table.
type column struct {
	label string
	kind  colKind
}

// tone is the fill of a data cell: none, red (逾期, 错误) or yellow (临期, 警告).
type tone uint8

const (
	toneNone tone = iota
	toneRed
	toneYellow
	numTones
)

// table is one sheet of the report: a title, a table found by its header labels, and lines
// below it.
type table struct {
	name, title string
	cols        []column
	n           int                       // data rows
	row         func(i int, v []any) tone // fills data row i into v; returns the row's fill
	total       []any                     // an optional bold last row (合计), outside the filter
	empty       string                    // note shown when n == 0
	notes       []string                  // lines after the table and a blank row
	narrative   string                    // a wrapped paragraph after the notes
	// chart, when set, adds a chart anchored at the given cell below everything else.
	chart func(f *excelize.File, anchor string) error
}

// Layout constants.
const (
	titleRow    = 1
	headerRow   = 2
	sampleRows  = 1000 // rows measured for column widths
	minWidth    = 6
	maxWidth    = 30 // wider text wraps, so that the lists print large enough on A4
	maxWrap     = 32 // wrapped columns (事项内容, 进展情况) stop widening here
	widthMargin = 2
)

// styles holds every style of the report, each created once.
type styles struct {
	title, header, note, narrative int
	cell                           [numKinds][numTones][2]int // kind, tone, bold
}

func newStyles(f *excelize.File) (*styles, error) {
	var st styles
	var err error
	add := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(s)
		return id
	}
	border := []excelize.Border{
		{Type: "left", Color: "808080", Style: 1},
		{Type: "top", Color: "808080", Style: 1},
		{Type: "right", Color: "808080", Style: 1},
		{Type: "bottom", Color: "808080", Style: 1},
	}
	st.title = add(&excelize.Style{
		Font:      font(true, 14, ""),
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
	})
	st.header = add(&excelize.Style{
		Font:      font(true, 11, ""),
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Border:    border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true},
	})
	st.note = add(&excelize.Style{Font: font(false, 11, "")})
	st.narrative = add(&excelize.Style{
		Font:      font(false, 11, ""),
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
	})
	fills := [numTones]excelize.Fill{
		toneRed:    {Type: "pattern", Pattern: 1, Color: []string{"FFC7CE"}},
		toneYellow: {Type: "pattern", Pattern: 1, Color: []string{"FFEB9C"}},
	}
	fonts := [numTones]string{toneRed: "9C0006", toneYellow: "9C5700"}
	dateFmt, rateFmt := "yyyy-mm-dd", "0.0%"
	for k := colKind(0); k < numKinds; k++ {
		for t := tone(0); t < numTones; t++ {
			for b := 0; b < 2; b++ {
				s := &excelize.Style{
					Border:    border,
					Fill:      fills[t],
					Font:      font(b == 1, 11, fonts[t]),
					Alignment: &excelize.Alignment{Vertical: "center", WrapText: k == colWrap},
				}
				switch k {
				case colDate:
					s.CustomNumFmt = &dateFmt
					s.Alignment.Horizontal = "center"
				case colRate:
					s.CustomNumFmt = &rateFmt
				}
				st.cell[k][t][b] = add(s)
			}
		}
	}
	return &st, err
}

// maxTableRows is the most rows a table gets: a sheet holds 1,048,576 rows, and a province's
// notices could pass that. Problems are sorted errors first, so what is cut is notices.
// (A variable only so that a test can lower it.)
var maxTableRows = 1_000_000

// overflow is the note under a table cut at maxTableRows, or nothing.
func overflow(n int, what string) []string {
	if n <= maxTableRows {
		return nil
	}
	return []string{fmt.Sprintf("另有%d%s超出工作表行数上限，未列出；完整列表见命令行输出", n-maxTableRows, what)}
}

// font names the typeface and size of every style, so that Excel, WPS and LibreOffice print
// the same CJK font rather than each falling back to its own default.
func font(bold bool, size float64, color string) *excelize.Font {
	return &excelize.Font{Family: "宋体", Size: size, Bold: bold, Color: color}
}

// writeTable streams one sheet. Sheet-level settings go into the worksheet before the stream
// starts, because the stream writer copies them when it opens or flushes.
func writeTable(f *excelize.File, st *styles, t *table) error {
	ncol := len(t.cols)
	last := ColumnName(ncol)
	kinds, widths := t.measure()
	lay := t.layout()

	if err := f.AutoFilter(t.name, fmt.Sprintf("A%d:%s%d", headerRow, last, headerRow+t.n), nil); err != nil {
		return err
	}
	if err := printSetup(f, t.name); err != nil {
		return err
	}
	// The stream writer writes <dimension> when it opens; readers that trust it need it right.
	if err := f.SetSheetDimension(t.name, fmt.Sprintf("A1:%s%d", last, lay.last)); err != nil {
		return err
	}

	sw, err := f.NewStreamWriter(t.name)
	if err != nil {
		return err
	}
	// excelize puts each new <col> before the existing ones, and readers drop out-of-order
	// entries, so widths are set from the last column back to get them in increasing order.
	for c := ncol; c >= 1; c-- {
		if err := sw.SetColWidth(c, c, widths[c-1]); err != nil {
			return err
		}
	}
	first := "A" + strconv.Itoa(headerRow+1)
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: headerRow, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}

	// One row buffer reused for every row: values, their cells, and the []any SetRow takes.
	row := make([]any, ncol)
	cells := make([]excelize.Cell, ncol)
	out := make([]any, ncol)
	for c := range cells {
		out[c] = &cells[c]
	}
	put := func(r, width int, opts ...excelize.RowOpts) error {
		return sw.SetRow("A"+strconv.Itoa(r), out[:width], opts...)
	}
	fill := func(v []any, rt tone, bold int) {
		for c, x := range v {
			tn := rt
			switch y := x.(type) {
			case marked:
				x, tn = y.text, y.tone
			case serial:
				x = int(y)
			case rate:
				x = float64(y)
			case string:
				if y == "" {
					x = nil
				}
			}
			cells[c] = excelize.Cell{StyleID: st.cell[kinds[c]][tn][bold], Value: x}
		}
	}

	cells[0] = excelize.Cell{StyleID: st.title, Value: t.title}
	if err := put(titleRow, 1, excelize.RowOpts{Height: 28}); err != nil {
		return err
	}
	if ncol > 1 {
		if err := sw.MergeCell("A1", last+"1"); err != nil {
			return err
		}
	}
	for c, col := range t.cols {
		cells[c] = excelize.Cell{StyleID: st.header, Value: col.label}
	}
	if err := put(headerRow, ncol); err != nil {
		return err
	}
	// Wrapped text gets the height of its lines: readers do not all fit rows to their text
	// (LibreOffice draws the lines over the next row).
	var tall [1]excelize.RowOpts
	heightOf := func(v []any) []excelize.RowOpts {
		lines := 1
		for c, x := range v {
			if kinds[c] != colWrap {
				continue
			}
			switch y := x.(type) {
			case string:
				lines = max(lines, wrappedLines(y, widths[c]))
			case marked:
				lines = max(lines, wrappedLines(y.text, widths[c]))
			}
		}
		if lines == 1 {
			return nil
		}
		tall[0].Height = min(float64(lines)*lineHeight+3, 409) // 409 points: Excel's tallest row
		return tall[:]
	}
	for i := 0; i < t.n; i++ {
		clear(row)
		fill(row, t.row(i, row), 0)
		if err := put(headerRow+1+i, ncol, heightOf(row)...); err != nil {
			return err
		}
	}
	if t.total != nil {
		fill(t.total, toneNone, 1)
		if err := put(headerRow+1+t.n, ncol); err != nil {
			return err
		}
	}

	// Lines below the table, after one blank row.
	for i, s := range lay.lines {
		cells[0] = excelize.Cell{StyleID: st.note, Value: s}
		if err := put(lay.linesFrom+i, 1); err != nil {
			return err
		}
	}
	if lay.narrative > 0 {
		total := 0.0
		for _, w := range widths {
			total += w
		}
		cells[0] = excelize.Cell{StyleID: st.narrative, Value: t.narrative}
		h := narrativeHeight(t.narrative, total)
		if err := put(lay.narrative, 1, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
		if ncol > 1 {
			ref := strconv.Itoa(lay.narrative)
			if err := sw.MergeCell("A"+ref, last+ref); err != nil {
				return err
			}
		}
	}
	// Charts are placed by column widths, so they go in after SetColWidth.
	if t.chart != nil {
		if err := t.chart(f, "A"+strconv.Itoa(lay.last+2)); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// tableLayout is where the parts of a sheet go below the table.
type tableLayout struct {
	lines     []string // one-line notes, from row linesFrom
	linesFrom int
	narrative int // row of the narrative, 0 if none
	last      int // last used row
}

func (t *table) layout() tableLayout {
	end := headerRow + t.n
	if t.total != nil {
		end++
	}
	lay := tableLayout{linesFrom: end + 2, last: end}
	if t.n == 0 && t.empty != "" {
		lay.lines = append(lay.lines, t.empty)
	}
	lay.lines = append(lay.lines, t.notes...)
	if len(lay.lines) > 0 {
		lay.last = lay.linesFrom + len(lay.lines) - 1
	}
	if t.narrative != "" {
		lay.narrative = lay.last + 2
		lay.last = lay.narrative
	}
	return lay
}

// printSetup sets A4 landscape, one page wide (汇总: one page), the header row repeated on
// every page, and page numbers in the footer. AutoFilter must come first: it replaces the sheet properties.
func printSetup(f *excelize.File, sheet string) error {
	yes, a4, landscape, one, tall := true, 9, "landscape", 1, 0
	if sheet == SheetSummary {
		tall = 1 // 汇总, its notes and its chart on one page
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall,
	})
	if err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: footerPageOfN}); err != nil {
		return err
	}
	rows := fmt.Sprintf("$%d:$%d", headerRow, headerRow)
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + sheet + "'!" + rows,
		Scope:    sheet,
	})
}

// measure returns each column's kind (text too wide for a column becomes wrapped) and width,
// from the header and the first sampleRows data rows.
func (t *table) measure() ([]colKind, []float64) {
	ncol := len(t.cols)
	kinds := make([]colKind, ncol)
	widest := make([]int, ncol)
	for c, col := range t.cols {
		kinds[c] = col.kind
		widest[c] = textWidth(col.label)
	}
	see := func(v []any) {
		for c, x := range v {
			if w := valueWidth(x); w > widest[c] {
				widest[c] = w
			}
		}
	}
	row := make([]any, ncol)
	for i := 0; i < t.n && i < sampleRows; i++ {
		clear(row)
		t.row(i, row)
		see(row)
	}
	if t.total != nil {
		see(t.total)
	}
	widths := make([]float64, ncol)
	for c := range widths {
		w := widest[c] + widthMargin
		limit := maxWidth
		if kinds[c] == colWrap {
			limit = maxWrap
		}
		if w > limit {
			w = limit
			kinds[c] = colWrap
		}
		widths[c] = float64(max(w, minWidth))
	}
	return kinds, widths
}

// lineHeight is the height in points of one line of 11-point text.
const lineHeight = 14.5

// wrappedLines is how many lines text takes in a wrapped column of the given width.
func wrappedLines(text string, width float64) int {
	room := max(width-1.5, 1)
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		n += max(1, int(math.Ceil(float64(textWidth(line))/room)))
	}
	return n
}

// valueWidth is the display width of a cell value as Excel shows it.
func valueWidth(x any) int {
	switch y := x.(type) {
	case string:
		return textWidth(y)
	case marked:
		return textWidth(y.text)
	case int:
		return len(strconv.Itoa(y))
	case serial:
		return len("2006-01-02")
	case rate:
		return len("100.0%")
	}
	return 0
}

// textWidth is the display width of s, its longest line, where a CJK or full-width character
// counts two.
func textWidth(s string) int {
	widest, w := 0, 0
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\n':
			widest, w = max(widest, w), 0
		case isWide(r):
			w += 2
		default:
			w++
		}
	}
	return max(widest, w)
}

func isWide(r rune) bool {
	switch {
	case r < 0x1100:
		return false
	case r >= 0x2018 && r <= 0x201D, // Chinese quotes are wide in CJK fonts
		r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}

// narrativeHeight is a row height (points) that shows s wrapped in a merged cell of the
// given total width; Excel does not fit merged cells by itself.
func narrativeHeight(s string, width float64) float64 {
	lines := 0
	for _, l := range strings.Split(s, "\n") {
		lines += int(float64(textWidth(l))/max(width-2, 10)) + 1
	}
	return min(float64(lines)*16+6, 409)
}
