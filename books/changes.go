package books

import (
	"slices"
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
)

// 变化情况 (SPEC §9.3): the changes since the previous report, which sheets.Since works out. The
// report's sheet holds plain facts for the leaders, a unit none of whose items came in one row;
// the check file's lists every item with its 来源 and the clerk's notes (请核实, the previous
// report's source).

var (
	colsChanges = []xlsxout.Column{
		column("变化", kText), column("类别", kText), whole("会议"), column("事项内容", kWrap),
		whole("牵头单位"), column("上期状态", kText), column("本期状态", kText), column("完成时限", kDate),
		column("说明", kWrap),
	}
	// the check file's: the report's columns, then where the row came from
	colsChangesChecked = append(slices.Clip(colsChanges), xlsxout.Column{Label: "来源", Kind: kWrap, Width: 18})
)

// ChangesTable is the sheet 变化情况 for the report (the report's writer appends it); the 变化
// cell is red for 新增逾期 and 仍逾期, yellow for 状态倒退 and 本期未报.
func ChangesTable(s *sheets.SinceResult, asOf time.Time) *xlsxout.Table {
	return changesTable(s, s.Changes, colsChanges, asOf)
}

// CheckChangesTable is the sheet 变化情况 of the check file: every item's change with its 来源
// (the current row, or the previous report's source of an item not reported) and the
// clerk's notes.
func CheckChangesTable(s *sheets.SinceResult, asOf time.Time) *xlsxout.Table {
	return changesTable(s, s.Detail, colsChangesChecked, asOf)
}

// changesTable lays out changes in cols: colsChanges, or colsChangesChecked with the clerk's
// notes and 来源.
func changesTable(s *sheets.SinceResult, changes []sheets.Change, cols []xlsxout.Column, asOf time.Time) *xlsxout.Table {
	checked := len(cols) > len(colsChanges)
	return &xlsxout.Table{
		Name: sheets.SheetChanges, Titles: []string{"变化情况（统计截止：" + sheets.CNDate(asOf) + "，上期：" + s.Prev.Date() + "）"},
		Cols: cols, N: len(changes), Empty: "与上期相比没有变化", Signal: 1, Key: keyFlagged,
		Notes: []string{s.Sentence},
		Row: func(i int, v []any) xlsxout.Tone {
			c := &changes[i]
			v[0] = c.Kind
			switch {
			case c.Item != nil:
				it := c.Item
				v[1], v[2], v[3], v[4] = it.Category, it.MeetingName, it.Content, it.Lead
				v[6], v[7] = it.Status.String(), xlsxout.DateValue(it.Deadline)
			case c.Prev != nil:
				pi := c.Prev
				v[1], v[2], v[3], v[4] = pi.Category, pi.MeetingName, pi.Content, pi.Lead
				v[7] = xlsxout.DateValue(pi.Deadline)
			default: // a unit none of whose items came
				v[4] = c.Unit
			}
			if c.Prev != nil {
				v[5] = c.Prev.Status.String()
			}
			v[8] = c.Note
			if checked {
				if c.Check != "" {
					v[8] = c.Check
				}
				switch {
				case c.Item != nil:
					v[9] = c.Item.Src.RowRef()
				case c.Prev != nil:
					v[9] = c.Prev.Source
				}
			}
			switch c.Kind {
			case sheets.ChangeOverdue, sheets.ChangeStillDue:
				return xlsxout.Red
			case sheets.ChangeRegressed, sheets.ChangeUnreported:
				return xlsxout.Yellow
			}
			return xlsxout.None
		},
	}
}
