package sheets

import (
	"fmt"
	"io"
	"time"

	"github.com/duban/duban/internal/xlsxout"
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

// Labels and texts of the consolidated workbook. Column labels are fixed by SPEC §7.
var (
	colsSummary = []xlsxout.Column{
		column("类别", kText), column("会议次数", kInt), column("事项数", kInt), column("已落实", kInt),
		column("推进中", kInt), column("未启动", kInt), column("逾期", kInt), column("临期", kInt), column("落实率", kRate),
	}
	colsMeetings = []xlsxout.Column{
		column("类别", kText), column("会议", kText), column("会议日期", kDate), column("事项数", kInt),
		column("已落实", kInt), column("推进中", kInt), column("未启动", kInt), column("逾期", kInt), column("落实率", kRate),
	}
	colsUnits = []xlsxout.Column{
		column("排名", kInt), column("牵头单位", kText), column("事项数", kInt), column("已落实", kInt),
		column("推进中", kInt), column("未启动", kInt), column("逾期", kInt), column("落实率", kRate),
	}
	colsOverdue    = flaggedColumns("逾期天数")
	colsDueSoon    = flaggedColumns("剩余天数")
	colsNoDeadline = []xlsxout.Column{
		column("序号", kInt), column("类别", kText), column("会议", kText), column("事项内容", kWrap),
		column("牵头单位", kText), column("落实状态", kText), column("进展情况", kWrap), column("来源", kText),
	}
	colsItems = []xlsxout.Column{
		column("序号", kInt), column("编号", kText), column("类别", kText), column("会议", kText),
		column("会议日期", kDate), column("事项内容", kWrap), column("牵头单位", kText), column("配合单位", kText),
		column("责任领导", kText), column("完成时限", kDate), column("落实状态", kText), column("完成日期", kDate),
		column("进展情况", kWrap), column("预警", kText), column("来源", kText),
	}
	colsProblems = []xlsxout.Column{
		column("级别", kText), column("文件", kText), column("工作表", kText), column("单元格", kText),
		column("字段", kText), column("原值", kWrap), column("说明", kWrap),
	}
	colsUnreported = []xlsxout.Column{column("牵头单位", kText), column("应报事项数", kInt)}
)

const (
	labelTotal      = "合计"
	alertOverdue    = "逾期"
	alertDueSoon    = "临期"
	noteSeeProblems = "，详见“校验问题”工作表"
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

func flaggedColumns(days string) []xlsxout.Column {
	return []xlsxout.Column{
		column("序号", kInt), column("类别", kText), column("会议", kText), column("事项内容", kWrap),
		column("牵头单位", kText), column("责任领导", kText), column("完成时限", kDate), column(days, kInt),
		column("落实状态", kText), column("进展情况", kWrap), column("来源", kText),
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
	if err := xlsxout.WriteBook(f, reportTables(r)); err != nil {
		f.Close()
		return nil, err
	}
	err := xlsxout.SetProps(f, xlsxout.Props{
		Application: reportApplication,
		Creator:     reportApplication,
		Description: reportDescription,
		Title:       "督查事项汇总",
		Subject:     "统计截止：" + cnDate(r.AsOf),
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}

// reportTables describes every sheet of the report, in workbook order.
func reportTables(r *Report) []*xlsxout.Table {
	asOf := "（统计截止：" + cnDate(r.AsOf) + "）"
	nItems, itemsCut := xlsxout.Cap(len(r.Items), "项事项")
	nProblems, problemsCut := xlsxout.Cap(len(r.Problems), "条问题（多为提示）")
	ts := []*xlsxout.Table{
		summaryTable(r, asOf),
		{
			Name: SheetMeetings, Titles: []string{"分会议统计" + asOf}, Cols: colsMeetings,
			N: len(r.Meetings), Empty: "无会议类事项",
			Row: func(i int, v []any) xlsxout.Tone {
				m := &r.Meetings[i]
				v[0], v[1], v[2] = m.Category, m.Name, xlsxout.DateValue(m.Date)
				countValues(v[3:], m.Counts, false)
				return xlsxout.None
			},
		},
		{
			Name: SheetUnits, Titles: []string{"单位统计" + asOf}, Cols: colsUnits,
			N: len(r.Units), Empty: "无事项",
			Row: func(i int, v []any) xlsxout.Tone {
				u := &r.Units[i]
				v[0], v[1] = u.Rank, u.Unit
				countValues(v[2:], u.Counts, false)
				return xlsxout.None
			},
		},
		flaggedTable(SheetOverdue, "逾期事项"+asOf, colsOverdue, r.Overdue, xlsxout.Red, "无逾期事项"),
		flaggedTable(SheetDueSoon, "临期事项"+asOf, colsDueSoon, r.DueSoon, xlsxout.Yellow, "无临期事项"),
		{
			Name: SheetNoDeadline, Titles: []string{"无明确时限事项" + asOf}, Cols: colsNoDeadline,
			N: len(r.NoDeadline), Empty: "无未落实的无明确时限事项",
			Row: func(i int, v []any) xlsxout.Tone {
				it := r.NoDeadline[i]
				v[0], v[1], v[2], v[3] = i+1, it.Category, it.MeetingName, it.Content
				v[4], v[5], v[6], v[7] = it.Lead, it.Status.String(), it.Progress, it.Src.RowRef()
				return xlsxout.None
			},
		},
		{
			Name: SheetItems, Titles: []string{"事项明细" + asOf}, Cols: colsItems,
			N: nItems, Empty: "无事项", Notes: itemsCut,
			Row: func(i int, v []any) xlsxout.Tone {
				it := &r.Items[i]
				v[0], v[1], v[2], v[3] = i+1, it.ID, it.Category, it.MeetingName
				v[4], v[5], v[6], v[7] = xlsxout.DateValue(it.MeetingDate), it.Content, it.Lead, it.Co
				v[8], v[9], v[10], v[11] = it.Leader, xlsxout.DateValue(it.Deadline), it.Status.String(), xlsxout.DateValue(it.Done)
				v[12], v[13], v[14] = it.Progress, alertValue(it.Alert), it.Src.RowRef()
				return xlsxout.None
			},
		},
		{
			Name: SheetProblems, Titles: []string{"校验问题" + asOf}, Cols: colsProblems,
			N: nProblems, Empty: "未发现问题", Notes: problemsCut,
			Row: func(i int, v []any) xlsxout.Tone {
				p := &r.Problems[i]
				lv := xlsxout.Marked{Text: p.Level.String()}
				switch p.Level {
				case Error:
					lv.Tone = xlsxout.Red
				case Warning:
					lv.Tone = xlsxout.Yellow
				}
				v[0], v[1], v[2], v[3] = lv, p.Pos.File, p.Pos.Sheet, p.Pos.Cell()
				v[4], v[5], v[6] = p.Field, p.Raw, p.Msg
				return xlsxout.None
			},
		},
	}
	if e := r.Expect; e != nil {
		cols := make([]xlsxout.Column, len(e.Headers))
		for i, h := range e.Headers {
			cols[i] = xlsxout.Column{Label: h}
			if h == "会议日期" || h == "完成时限" || h == "完成日期" {
				cols[i].Kind = kDate
			}
		}
		if len(cols) == 0 {
			cols = []xlsxout.Column{{Label: "牵头单位"}}
		}
		ts = append(ts, &xlsxout.Table{
			Name: SheetMissing, Titles: []string{"漏报事项" + asOf}, Cols: cols,
			N: len(e.Missing), Empty: "所有交办事项均已报送",
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
		}, &xlsxout.Table{
			Name: SheetUnreported, Titles: []string{"未报送单位" + asOf}, Cols: colsUnreported,
			N: len(e.Unreported), Empty: "所有单位均已报送",
			Row: func(i int, v []any) xlsxout.Tone {
				v[0], v[1] = e.Unreported[i].Unit, e.Unreported[i].Items
				return xlsxout.None
			},
		})
	}
	return ts
}

func summaryTable(r *Report, asOf string) *xlsxout.Table {
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
	return &xlsxout.Table{
		Name: SheetSummary, Titles: []string{"督查事项汇总" + asOf}, Cols: colsSummary,
		N: len(r.Categories), Empty: "无事项",
		Row: func(i int, v []any) xlsxout.Tone {
			c := &r.Categories[i]
			v[0], v[1] = c.Name, nil
			if c.Kind == KindMeeting {
				v[1] = c.Meetings
			}
			countValues(v[2:], c.Counts, true)
			return xlsxout.None
		},
		Total: total,
		Notes: []string{
			fmt.Sprintf("读取文件 %d 个", r.Files),
			fmt.Sprintf("读取数据行 %d 行", r.RowsRead),
			fmt.Sprintf("汇总事项 %d 项", len(r.Items)),
			fmt.Sprintf("重复合并 %d 行", r.Duplicates),
			excluded,
		},
		Narrative: r.Narrative,
		Chart:     rateChart(len(r.Categories)),
		OnePage:   true, // 汇总, its notes and its chart on one page
	}
}

// rateChart draws 落实率 by category as horizontal bars from the 汇总 table, or nothing for
// no categories.
func rateChart(n int) func(f *excelize.File, at xlsxout.ChartPlace) error {
	if n == 0 {
		return nil
	}
	return func(f *excelize.File, at xlsxout.ChartPlace) error {
		rateCol := ColumnName(len(colsSummary))
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

func flaggedTable(name, title string, cols []xlsxout.Column, list []Flagged, t xlsxout.Tone, empty string) *xlsxout.Table {
	return &xlsxout.Table{
		Name: name, Titles: []string{title}, Cols: cols, N: len(list), Empty: empty,
		Row: func(i int, v []any) xlsxout.Tone {
			it, days := list[i].Item, list[i].Days
			v[0], v[1], v[2], v[3] = i+1, it.Category, it.MeetingName, it.Content
			v[4], v[5], v[6], v[7] = it.Lead, it.Leader, xlsxout.DateValue(it.Deadline), days
			v[8], v[9], v[10] = it.Status.String(), it.Progress, it.Src.RowRef()
			return t
		},
	}
}

// countValues fills the count columns: 事项数 已落实 推进中 未启动 逾期 [临期] 落实率.
func countValues(v []any, c Counts, dueSoon bool) {
	v[0], v[1], v[2], v[3], v[4] = c.Items, c.Done, c.InProgress, c.NotStarted, c.Overdue
	if dueSoon {
		v[5], v[6] = c.DueSoon, xlsxout.Rate(c.Rate())
	} else {
		v[5] = xlsxout.Rate(c.Rate())
	}
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

// cnDate formats a date as 2024年11月30日.
func cnDate(t time.Time) string {
	return t.Format("2006年1月2日")
}
