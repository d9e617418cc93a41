package books

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// Labels and texts of the consolidated workbook. Column labels are fixed by SPEC §7.
var (
	colsSummary = []xlsxout.Column{
		column("类别", kText), column("会议次数", kInt), column("事项数", kInt), column("已落实", kInt),
		column("推进中", kInt), column("未启动", kInt), column("逾期", kInt), column("临期", kInt), column("落实率", kRate),
		column(labelOnTime, kRate),
	}
	colsMeetings = []xlsxout.Column{
		column("类别", kText), whole("会议"), column("会议日期", kDate), column("事项数", kInt),
		column("已落实", kInt), column("推进中", kInt), column("未启动", kInt), column("逾期", kInt), column("落实率", kRate),
		column(labelOnTime, kRate),
	}
	colsLeaders = []xlsxout.Column{
		column("责任领导", kText), column("事项数", kInt), column("已落实", kInt), column("推进中", kInt),
		column("未启动", kInt), column("逾期", kInt), column("临期", kInt), column("落实率", kRate),
	}
	colsUnits = []xlsxout.Column{
		column("排名", kInt), whole("牵头单位"), column("事项数", kInt), column("已落实", kInt),
		column("推进中", kInt), column("未启动", kInt), column("逾期", kInt), column("落实率", kRate),
		column(labelOnTime, kRate),
	}
	colsOverdue    = flaggedColumns("逾期天数")
	colsDueSoon    = flaggedColumns("剩余天数")
	colsNoDeadline = []xlsxout.Column{
		column("序号", kInt), column("类别", kText), whole("会议"), column("事项内容", kWrap),
		whole("牵头单位"), column("责任领导", kText), column("落实状态", kText), column("进展情况", kWrap),
	}
	colsItems = []xlsxout.Column{
		column("序号", kInt), column("编号", kText), column("类别", kText), whole("会议"),
		column("会议日期", kDate), column("事项内容", kWrap), whole("牵头单位"), narrow("配合单位"),
		column("责任领导", kText), column("完成时限", kDate), column("落实状态", kText), column("完成日期", kDate),
		column("进展情况", kWrap), column("预警", kText),
	}
	// 事项明细 of the check file: the report's columns, then where each item came from.
	colsItemsChecked = append(slices.Clip(colsItems), xlsxout.Column{Label: "来源", Kind: kWrap, Width: 18},
		xlsxout.Column{Label: "合并的重复行", Kind: kWrap, Width: 18})
	colsInputs = []xlsxout.Column{
		column("文件", kText), column("单位", kText), column("工作表", kText), column("读取行数", kInt),
		column("计入事项", kInt), column("重复合并", kInt), column("错误", kInt), column("警告", kInt),
		column("提示", kInt), column("结果", kWrap),
	}
	colsProblems = []xlsxout.Column{
		column("级别", kText), column("文件", kText), column("工作表", kText), column("单元格", kText),
		column("字段", kText), column("原值", kWrap), column("说明", kWrap),
	}
	colsUnreported = []xlsxout.Column{column("牵头单位", kText), column("应报事项数", kInt)}
)

const (
	labelOnTime   = "按期办结率"
	labelSchedule = "进度"
	labelTotal    = "合计"
	alertOverdue  = "逾期"
	alertDueSoon  = "临期"
	lineOffice    = "制表单位：%s　　统计截止：%s"
	lineAsOf      = "统计截止：%s"
	noteOpenSplit = "注：逾期、临期事项是推进中、未启动事项的一部分，不另计入事项数。"
	noteRankRule  = "排名规则：按落实率从高到低；落实率相同的，逾期事项少者在前；落实率和逾期事项数都相同的并列同一名次（按单位名称拼音排列）。"
	lineNoGaps    = "各类会议的届次均连续。"
	// with --expect: the meetings of the categories a 交办清单 names are those of the list
	lineMastersMeetings = "%s的会议次数以交办清单所列会议为准（届次完整，不再核对是否连续）。"
)

// The kinds of the report's columns, all measured from their values.
const (
	kText = xlsxout.KindText
	kWrap = xlsxout.KindWrap
	kInt  = xlsxout.KindInt
	kDate = xlsxout.KindDate
	kRate = xlsxout.KindRate
)

func column(label string, k xlsxout.Kind) xlsxout.Column {
	return xlsxout.Column{Label: label, Kind: k}
}

// narrow is a text column wrapped at a fixed width of 14 (seven CJK characters a line).
func narrow(label string) xlsxout.Column {
	return xlsxout.Column{Label: label, Kind: kWrap, Width: 14}
}

// whole is a column of names that must not break inside a word (a meeting's canonical name, a
// unit's), as wide as the longest one present (SPEC §7).
func whole(label string) xlsxout.Column {
	return xlsxout.Column{Label: label, Kind: kText, Whole: true}
}

// Key columns: the leading columns repeated on each printed part of a list too wide for one
// A4 page (xlsxout.FitA4): 序号 to 事项内容.
const (
	keyItems   = colContent + 1 // 事项明细
	keyFlagged = 4              // 逾期事项, 临期事项, 无明确时限
)

// flaggedColumns are the columns of 逾期事项 and 临期事项; the list prints on A4 (SPEC §7).
func flaggedColumns(days string) []xlsxout.Column {
	return []xlsxout.Column{
		column("序号", kInt), column("类别", kText), whole("会议"), column("事项内容", kWrap),
		whole("牵头单位"), column("责任领导", kText), column("完成时限", kDate), column(days, kInt),
		column("落实状态", kText), column("进展情况", kWrap),
	}
}

// WriteReport writes the two workbooks of SPEC §7: the report for the leaders at path, and
// the clerk's check file beside it (CheckPath), whose path it returns. Both are laid out
// before either is written, and each is written to a temporary file and renamed into place,
// so a failed write leaves no half-written workbook and existing files untouched.
// Other files of the run (the 通报, BulletinOutput) are saved with them, all or none.
func WriteReport(path string, r *sheets.Report, also ...Output) (checkPath string, err error) {
	writer := func(tables func(*sheets.Report) []*xlsxout.Table, title, mark string) func(io.Writer) error {
		return func(w io.Writer) error {
			f, err := build(r, tables(r), title, mark)
			if err != nil {
				return err
			}
			defer f.Close()
			return f.Write(w)
		}
	}
	checkPath = sheets.CheckPath(path)
	err = SaveFiles(append([]Output{
		{path, writer(reportTables, "督查事项落实情况汇总", sheets.ReportDescription)},
		{checkPath, writer(checkTables, "督查事项汇总核对", sheets.CheckDescription)}}, also...)...)
	if err != nil {
		return "", err
	}
	return checkPath, nil
}

// build lays out a workbook of r's tables with its document properties, marked as mark.
func build(r *sheets.Report, tables []*xlsxout.Table, title, mark string) (*excelize.File, error) {
	f := excelize.NewFile()
	if err := xlsxout.WriteBook(f, tables); err != nil {
		f.Close()
		return nil, err
	}
	creator := r.Office
	if creator == "" {
		creator = sheets.ReportApplication
	}
	err := xlsxout.SetProps(f, xlsxout.Props{
		Application: sheets.ReportApplication,
		Creator:     creator,
		Company:     r.Office,
		Description: mark,
		Title:       title,
		Subject:     fmt.Sprintf(lineAsOf, sheets.CNDate(r.AsOf)),
		Created:     r.Created,
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// reportTables describes every sheet of the report, in workbook order (SPEC §7).
func reportTables(r *sheets.Report) []*xlsxout.Table {
	asOf := "（统计截止：" + sheets.CNDate(r.AsOf) + "）"
	nItems, itemsCut := xlsxout.Cap(len(r.Items), "项事项")
	ts := []*xlsxout.Table{
		summaryTable(r),
		{
			Name: sheets.SheetMeetings, Titles: []string{sheets.SheetMeetings + asOf}, Cols: colsMeetings,
			N: len(r.Meetings), Empty: "无会议类事项",
			Row: func(i int, v []any) xlsxout.Tone {
				m := &r.Meetings[i]
				v[0], v[1], v[2] = m.Category, m.Name, xlsxout.DateValue(m.Date)
				countValues(v[3:], m.Counts, false)
				v[9] = onTimeValue(m.Counts)
				return xlsxout.None
			},
		},
		{
			Name: sheets.SheetLeaders, Titles: []string{sheets.SheetLeaders + asOf}, Cols: colsLeaders,
			N: len(r.Leaders), Empty: "无事项",
			Row: func(i int, v []any) xlsxout.Tone {
				l := &r.Leaders[i]
				v[0] = l.Leader
				countValues(v[1:], l.Counts, true)
				return xlsxout.None
			},
		},
		unitsTable(r, asOf),
		flaggedTable(sheets.SheetOverdue, sheets.SheetOverdue+asOf, colsOverdue, r.Overdue, xlsxout.Red, "无逾期事项"),
		flaggedTable(sheets.SheetDueSoon, sheets.SheetDueSoon+asOf, colsDueSoon, r.DueSoon, xlsxout.Yellow, "无临期事项"),
		{
			Name: sheets.SheetNoDeadline, Titles: []string{"无明确时限事项" + asOf}, Cols: colsNoDeadline,
			N: len(r.NoDeadline), Empty: "无未落实的无明确时限事项", Key: keyFlagged,
			Row: func(i int, v []any) xlsxout.Tone {
				it := r.NoDeadline[i]
				v[0], v[1], v[2], v[3] = i+1, it.Category, it.MeetingName, it.Content
				v[4], v[5], v[6], v[7] = it.Lead, it.Leader, it.Status.String(), it.Progress
				return xlsxout.None
			},
		},
		itemsTable(r, colsItems, sheets.SheetItems+asOf, nItems, itemsCut),
	}
	if e := r.Expect; e != nil {
		ts = append(ts, expectTables(e, asOf)...)
	}
	if r.Since != nil {
		ts = append(ts, ChangesTable(r.Since, r.AsOf))
	}
	return ts
}

// itemsTable is 事项明细: in the report with cols colsItems, in the check file with
// colsItemsChecked (来源 and the merged rows). Columns some items only have are there when
// any item has them (SPEC §7): 所属任务 after 事项内容 (an item from a two-level list), 原定时限
// after 完成时限 (an approved extension), 进度 after 落实状态 (progress against schedule),
// 办理结果 after 预警 (a 建议提案 answered, SPEC §9.5).
func itemsTable(r *sheets.Report, cols []xlsxout.Column, title string, n int, cut []string) *xlsxout.Table {
	extras := itemExtras(r.Items)
	src := make([]int, 0, len(cols)+len(extras)) // each column's index among cols, or -1-k for extras[k]
	out := make([]xlsxout.Column, 0, cap(src))
	for i, c := range cols {
		for k, e := range extras {
			if e.at == i {
				src, out = append(src, -1-k), append(out, e.col)
			}
		}
		src, out = append(src, i), append(out, c)
	}
	signal := len(colsItems) // 预警, after the extras before it
	for k, e := range extras {
		if e.at == len(cols) { // after the last column (办理结果 after 预警 in the report)
			src, out = append(src, -1-k), append(out, e.col)
		}
		if e.at < len(colsItems) {
			signal++
		}
	}
	return &xlsxout.Table{
		Name: sheets.SheetItems, Titles: []string{title}, Cols: out,
		N: n, Empty: "无事项", Notes: cut, Signal: signal,
		Key: keyItems,
		Row: func(i int, v []any) xlsxout.Tone {
			it := &r.Items[i]
			if len(extras) == 0 {
				fillItem(i, it, v)
				return xlsxout.None
			}
			var buf [16]any
			w := buf[:len(cols)]
			fillItem(i, it, w)
			for c, j := range src {
				if j < 0 {
					v[c] = extras[-1-j].val(it)
				} else {
					v[c] = w[j]
				}
			}
			return xlsxout.None
		},
	}
}

// itemExtra is a column of 事项明细 that only some items have, inserted before column at of
// colsItems.
type itemExtra struct {
	at  int
	col xlsxout.Column
	val func(*sheets.Item) any
}

// itemExtras are the columns of 事项明细 that the items call for, in column order.
func itemExtras(items []sheets.Item) []itemExtra {
	var parents, original, schedule, results bool
	for i := range items {
		it := &items[i]
		parents = parents || it.Parent != ""
		original = original || it.Extended()
		schedule = schedule || it.Schedule != sheets.ScheduleNone
		results = results || it.Result != ""
	}
	var extras []itemExtra
	if parents {
		extras = append(extras, itemExtra{colContent + 1, xlsxout.Column{Label: sheets.LabelParent, Kind: kWrap},
			func(it *sheets.Item) any { return it.Parent }})
	}
	if original {
		extras = append(extras, itemExtra{colDeadline + 1, column(sheets.LabelOriginal, kDate),
			func(it *sheets.Item) any { return xlsxout.DateValue(it.Original) }})
	}
	if schedule {
		extras = append(extras, itemExtra{colStatus + 1, column(labelSchedule, kText),
			func(it *sheets.Item) any { return it.Schedule.String() }})
	}
	if results {
		extras = append(extras, itemExtra{len(colsItems), column(sheets.LabelResult, kText),
			func(it *sheets.Item) any { return it.Result }})
	}
	return extras
}

// The indexes of 完成时限 and 落实状态 among colsItems.
const (
	colDeadline = 9
	colStatus   = 10
)

// colContent is the index of 事项内容 among colsItems.
const colContent = 5

// fillItem fills the values of item i in the columns of colsItems, and 来源 and the merged
// rows when v is as long as colsItemsChecked.
func fillItem(i int, it *sheets.Item, v []any) {
	v[0], v[1], v[2], v[3] = i+1, it.ID, it.Category, it.MeetingName
	v[4], v[5], v[6], v[7] = xlsxout.DateValue(it.MeetingDate), it.Content, it.Lead, it.Co
	v[8], v[9], v[10], v[11] = it.Leader, xlsxout.DateValue(it.Deadline), it.Status.String(), xlsxout.DateValue(it.Done)
	v[12], v[13] = it.Progress, alertValue(it.Alert)
	if len(v) > len(colsItems) {
		v[14], v[15] = it.Src.RowRef(), rowRefs(it.Merged)
	}
}

// rowRefs lists places as 文件名!工作表!行号, one a line.
func rowRefs(ps []sheets.Pos) string {
	refs := make([]string, len(ps))
	for i, p := range ps {
		refs[i] = p.RowRef()
	}
	return strings.Join(refs, "\n")
}

// expectTables are 漏报事项 and 未报送单位 (SPEC §9).
func expectTables(e *sheets.Reconciliation, asOf string) []*xlsxout.Table {
	cols := make([]xlsxout.Column, len(e.Headers))
	key := 0 // the master list's columns up to 事项内容, repeated when the list prints in parts
	for i, h := range e.Headers {
		cols[i] = xlsxout.Column{Label: h}
		switch h {
		case "会议日期", "完成时限", "完成日期":
			cols[i].Kind = kDate
		case "会议", "牵头单位":
			cols[i] = whole(h)
		case "事项内容":
			key = i + 1
		}
	}
	if len(cols) == 0 {
		cols = []xlsxout.Column{{Label: "牵头单位"}}
	}
	return []*xlsxout.Table{{
		Name: sheets.SheetMissing, Titles: []string{sheets.SheetMissing + asOf}, Cols: cols,
		N: len(e.Missing), Empty: "所有交办事项均已报送", Key: key,
		Row: func(i int, v []any) xlsxout.Tone {
			row := e.Missing[i]
			for c := range v {
				v[c] = nil
				if c < len(row) {
					v[c] = row[c]
					// A date as a real date; 长期 or 2024年底前 as the master list wrote it.
					if t, err := time.Parse(time.DateOnly, row[c]); err == nil && cols[c].Kind == kDate {
						v[c] = xlsxout.DateValue(t)
					}
				}
			}
			return xlsxout.None
		},
	}, {
		Name: sheets.SheetUnreported, Titles: []string{sheets.SheetUnreported + asOf}, Cols: colsUnreported,
		N: len(e.Unreported), Empty: "所有单位均已报送",
		Row: func(i int, v []any) xlsxout.Tone {
			v[0], v[1] = e.Unreported[i].Unit, e.Unreported[i].Items
			return xlsxout.None
		},
	}}
}

// checkTables describes the sheets of the clerk's check file (SPEC §7).
func checkTables(r *sheets.Report) []*xlsxout.Table {
	asOf := "（统计截止：" + sheets.CNDate(r.AsOf) + "）"
	nItems, itemsCut := xlsxout.Cap(len(r.Items), "项事项")
	nProblems, problemsCut := xlsxout.Cap(len(r.Problems), "条问题（多为提示）")
	inputs, absent := r.Submissions(), absentRows(r)
	notes := []string{r.Balance()}
	for _, g := range r.Gaps {
		notes = append(notes, g.String())
	}
	switch listed := r.ListedMeetings(); {
	case len(listed) > 0:
		notes = append(notes, fmt.Sprintf(lineMastersMeetings, strings.Join(listed, "、")))
	case len(r.Gaps) == 0:
		notes = append(notes, lineNoGaps)
	}
	ts := []*xlsxout.Table{
		{
			Name: sheets.SheetInputs, Titles: []string{sheets.SheetInputs + asOf}, Cols: colsInputs,
			N: len(inputs) + len(absent), Empty: "未读取任何文件", Notes: notes, Signal: len(colsInputs), Wide: true,
			Row: func(i int, v []any) xlsxout.Tone {
				if i >= len(inputs) { // a unit expected that sent nothing
					a := absent[i-len(inputs)]
					v[1], v[9] = a.Unit, absentResult(a)
					return xlsxout.Yellow
				}
				f := &inputs[i]
				v[0], v[1], v[2], v[3] = f.File, f.Unit, strings.Join(f.Sheets, "、"), f.Rows
				v[4], v[5], v[6], v[7], v[8] = f.Counted, f.Merged, f.Errors, f.Warnings, f.Notices
				v[9] = f.Result()
				switch {
				case f.Unreadable():
					return xlsxout.Red
				case f.Excluded > 0:
					return xlsxout.Yellow
				}
				return xlsxout.None
			},
		},
		{
			Name: sheets.SheetProblems, Titles: []string{sheets.SheetProblems + asOf}, Cols: colsProblems,
			N: nProblems, Empty: "未发现问题", Notes: problemsCut, Wide: true,
			Row: func(i int, v []any) xlsxout.Tone {
				p := &r.Problems[i]
				lv := xlsxout.Marked{Text: p.Level.String()}
				switch p.Level {
				case sheets.Error:
					lv.Tone = xlsxout.Red
				case sheets.Warning:
					lv.Tone = xlsxout.Yellow
				}
				v[0], v[1], v[2], v[3] = lv, p.Pos.File, p.Pos.Sheet, p.Pos.Cell()
				v[4], v[5], v[6] = p.Field, p.Raw, p.Msg
				return xlsxout.None
			},
		},
		checkedItems(r, nItems, itemsCut, asOf),
	}
	if r.Since != nil {
		changes := CheckChangesTable(r.Since, r.AsOf)
		changes.Wide = true // the check file's, with its sources
		ts = append(ts, changes)
	}
	return ts
}

// checkedItems is 事项明细 of the check file, the office's own: it may print on A3.
func checkedItems(r *sheets.Report, n int, cut []string, asOf string) *xlsxout.Table {
	t := itemsTable(r, colsItemsChecked, "事项明细（含来源）"+asOf, n, cut)
	t.Wide = true
	return t
}

func summaryTable(r *sheets.Report) *xlsxout.Table {
	meetings, anyMeeting := 0, false
	for _, c := range r.Categories {
		if c.Kind == sheets.KindMeeting {
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
	total[colSummaryRate] = onTimeValue(r.Total.Counts)

	line := fmt.Sprintf(lineAsOf, sheets.CNDate(r.AsOf))
	if r.Office != "" {
		line = fmt.Sprintf(lineOffice, r.Office, sheets.CNDate(r.AsOf))
	}
	lead, limits := summaryLead(r)
	if limits != "" {
		lead = append(lead, limits)
	}
	if missing := r.Expect.Line(true); missing != "" { // SPEC §9: 漏报事项 named on 汇总 too
		lead = append(lead, missing)
	}
	t := &xlsxout.Table{
		Name: sheets.SheetSummary, Titles: []string{r.SummaryTitle(), line}, Lead: lead, Cols: colsSummary,
		N: len(r.Categories), Empty: "无事项",
		Row: func(i int, v []any) xlsxout.Tone {
			c := &r.Categories[i]
			v[0], v[1] = c.Name, nil
			if c.Kind == sheets.KindMeeting {
				v[1] = c.Meetings
			}
			countValues(v[2:], c.Counts, true)
			v[colSummaryRate] = onTimeValue(c.Counts)
			return xlsxout.None
		},
		Total:       total,
		Notes:       append([]string{noteOpenSplit}, r.SummaryNotes()...),
		Chart:       rateChart(len(r.Categories)),
		ChartBeside: true,
		OnePage:     true, // 汇总, its notes and its chart on one page
		Then:        suggestionSection(r),
	}
	if t.Chart != nil {
		t.ChartW, t.ChartH = chartWidth+chartOffset, int(chartHeight(len(r.Categories)))
	}
	return t
}

// summaryLead is what 汇总 says above its table, in order: the narrative, with --since the
// 较上期 sentence as a line of its own, and the sentence on what the figures leave out (limits,
// empty when nothing is). The 通报 prints the same lines (ReportBulletin).
func summaryLead(r *sheets.Report) (lead []string, limits string) {
	// With --since the narrative ends with the 较上期 sentence (Options.Previous); on 汇总 it is a line
	// of its own under the narrative.
	narrative := r.Narrative
	if r.Since != nil {
		narrative = strings.TrimSuffix(narrative, r.Since.Sentence)
	}
	if narrative != "" {
		lead = append(lead, narrative)
	}
	if r.Since != nil {
		lead = append(lead, r.Since.Sentence)
	}
	return lead, r.Limits()
}

// The size of the chart of 落实率 beside 汇总's table, in pixels: a bar per category; and its
// distance from the table.
const (
	chartWidth  = 480
	chartOffset = 12
)

func chartHeight(categories int) uint { return uint(min(100+26*categories, 420)) }

// chartFont is the font of the chart's axis labels.
var chartFont = excelize.Font{Size: 10, Color: "000000", Family: xlsxout.FontFamily}

// rateChart draws 落实率 by category as horizontal bars from the 汇总 table, or nothing for
// no categories.
func rateChart(n int) func(f *excelize.File, at xlsxout.ChartPlace) error {
	if n == 0 {
		return nil
	}
	return func(f *excelize.File, at xlsxout.ChartPlace) error {
		rateCol := sheets.ColumnName(colSummaryRate)
		ref := func(col string) string {
			return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", at.Sheet, col, at.First, col, at.Last)
		}
		lo, hi := 0.0, 1.0
		none := false
		return f.AddChart(at.Sheet, at.Anchor, &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{
				// Name is a reference, not text: the 落实率 header cell.
				Name:       fmt.Sprintf("'%s'!$%s$%d", at.Sheet, rateCol, at.Header),
				Categories: ref("A"), Values: ref(rateCol),
				Fill: xlsxout.Solid("4472C4"),
			}},
			Title: excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "各类别落实率",
				Font: &excelize.Font{Bold: true, Size: 12, Color: "000000", Family: xlsxout.FontFamily}}}},
			Legend:     excelize.ChartLegend{Position: "none"},
			VaryColors: &none,
			// Labels dark and at 10 pt, legible when printed.
			XAxis: excelize.ChartAxis{ReverseOrder: true, Font: chartFont},
			YAxis: excelize.ChartAxis{
				Minimum: &lo, Maximum: &hi, MajorGridLines: true, Font: chartFont,
				NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0%"},
			},
			PlotArea: excelize.ChartPlotArea{
				ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.0%"},
			},
			Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight(n)},
			Format:    excelize.GraphicOptions{OffsetX: chartOffset}, // apart from the table beside it
		})
	}
}

func flaggedTable(name, title string, cols []xlsxout.Column, list []sheets.Flagged, t xlsxout.Tone, empty string) *xlsxout.Table {
	return &xlsxout.Table{
		Name: name, Titles: []string{title}, Cols: cols, N: len(list), Empty: empty, Signal: 8, Key: keyFlagged,
		Row: func(i int, v []any) xlsxout.Tone {
			it, days := list[i].Item, list[i].Days
			v[0], v[1], v[2], v[3] = i+1, it.Category, it.MeetingName, it.Content
			v[4], v[5], v[6], v[7] = it.Lead, it.Leader, xlsxout.DateValue(it.Deadline), days
			v[8], v[9] = it.Status.String(), it.Progress
			return t
		},
	}
}

// countValues fills the count columns: 事项数 已落实 推进中 未启动 逾期 [临期] 落实率.
func countValues(v []any, c sheets.Counts, dueSoon bool) {
	v[0], v[1], v[2], v[3], v[4] = c.Items, c.Done, c.InProgress, c.NotStarted, c.Overdue
	if dueSoon {
		v[5], v[6] = c.DueSoon, xlsxout.Rate(c.Rate())
	} else {
		v[5] = xlsxout.Rate(c.Rate())
	}
}

// colSummaryRate is the 1-based column of 落实率 on 汇总, and the 0-based one of 按期办结率.
const colSummaryRate = 9

// onTimeValue is a 按期办结率 cell: the exact ratio, blank when no item is due (应办结 = 0).
func onTimeValue(c sheets.Counts) any {
	if rate, ok := c.OnTimeRate(); ok {
		return xlsxout.Rate(rate)
	}
	return nil
}

// alertValue colours 逾期 red and 临期 yellow.
func alertValue(a string) any {
	switch a {
	case alertOverdue:
		return xlsxout.Marked{Text: a, Tone: xlsxout.Red}
	case alertDueSoon:
		return xlsxout.Marked{Text: a, Tone: xlsxout.Yellow}
	}
	return a
}
