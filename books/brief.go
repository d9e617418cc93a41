package books

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"strconv"
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The briefing workbook (会议通报, SPEC §9.1): the sentence to be read out, then the meeting's
// items; sheets.Brief gathers them.

// SheetBrief is the sheet of a briefing workbook.
const SheetBrief = "议定事项落实情况"

var colsBrief = []xlsxout.Column{
	column("序号", kInt), column("事项内容", kWrap), whole("牵头单位"), column("责任领导", kText),
	column("完成时限", kDate), column("落实状态", kText), column("进展情况", kWrap), column("预警", kText),
}

// BriefFileName is the briefing's file name: <会议>议定事项落实情况_<YYYYMMDD>.xlsx.
func BriefFileName(b *sheets.Briefing) string {
	return SafeName(b.Meeting.Name) + SheetBrief + "_" + b.AsOf.Format("20060102") + ".xlsx"
}

// BriefTable is the briefing's sheet: the title, the office and as-of line, the narrative to
// be read out (a title line that WriteBrief wraps), then the items.
func BriefTable(b *sheets.Briefing, office string) *xlsxout.Table {
	line := fmt.Sprintf(lineAsOf, sheets.CNDate(b.AsOf))
	if office != "" {
		line = "制表单位：" + office + "    " + line
	}
	return &xlsxout.Table{
		Name: SheetBrief, Titles: []string{sheets.SpokenMeeting(b.Meeting) + SheetBrief, line, b.Narrative},
		Cols: colsBrief, N: len(b.Items), Empty: "该会议没有议定事项", Signal: len(colsBrief), Key: 2,
		Row: func(i int, v []any) xlsxout.Tone {
			it := b.Items[i]
			v[0], v[1], v[2], v[3] = i+1, it.Content, it.Lead, it.Leader
			v[4], v[5], v[6], v[7] = xlsxout.DateValue(it.Deadline), it.Status.String(), it.Progress, alertValue(it.Alert)
			return xlsxout.None
		},
	}
}

// briefNarrativeRow is the row of the narrative on the briefing's sheet.
const briefNarrativeRow = 3

// WriteBrief writes the briefing workbook to path (A4 landscape, colour only on 预警). It is
// marked as duban's own, so that, left among the inputs, it is never read as a ledger. Other
// files of the run (the 通报, BulletinOutput) are saved with it, all or none.
func WriteBrief(path string, b *sheets.Briefing, office string, also ...Output) error {
	return SaveFiles(append([]Output{{path, func(w io.Writer) error {
		f, err := briefBook(b, office)
		if err != nil {
			return err
		}
		defer f.Close()
		err = xlsxout.SetProps(f, xlsxout.Props{
			Application: sheets.ReportApplication, Creator: cmp.Or(office, sheets.ReportApplication),
			Description: sheets.BriefDescription, Title: b.Meeting.Name + SheetBrief,
			Subject: fmt.Sprintf(lineAsOf, sheets.CNDate(b.AsOf)), Created: time.Now(),
		})
		if err != nil {
			return err
		}
		return f.Write(w)
	}}}, also...)...)
}

// briefBook lays out the briefing. The kit streams its tables, after which a sheet cannot be
// changed, so the written book is opened again to make the narrative's title line a wrapped
// paragraph (a briefing is a few dozen rows).
func briefBook(b *sheets.Briefing, office string) (*excelize.File, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := xlsxout.WriteBook(f, []*xlsxout.Table{BriefTable(b, office)}); err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return nil, err
	}
	g, err := excelize.OpenReader(&buf)
	if err != nil {
		return nil, err
	}
	if err := wrapLine(g, SheetBrief, briefNarrativeRow, len(colsBrief), b.Narrative); err != nil {
		g.Close()
		return nil, err
	}
	return g, nil
}

// wrapLine makes a title line of a written table a wrapped paragraph as tall as its text
// across the table's ncol columns.
func wrapLine(f *excelize.File, sheet string, row, ncol int, text string) error {
	style, err := f.NewStyle(&excelize.Style{Font: xlsxout.Font(false, 12, ""),
		Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	if err != nil {
		return err
	}
	total := 0.0
	for c := 1; c <= ncol; c++ {
		w, err := f.GetColWidth(sheet, sheets.ColumnName(c))
		if err != nil {
			return err
		}
		total += w
	}
	cell := "A" + strconv.Itoa(row)
	if err := f.SetCellStyle(sheet, cell, cell, style); err != nil {
		return err
	}
	return f.SetRowHeight(sheet, row, xlsxout.RowHeight(xlsxout.WrappedLines(text, total)+1))
}
