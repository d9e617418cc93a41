package books

import (
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
)

// 变化情况 (SPEC §9.3): the report's sheet of changes since the previous report, which
// sheets.Since works out.

var colsChanges = []xlsxout.Column{
	column("变化", kText), column("类别", kText), column("会议", kText), column("事项内容", kWrap),
	column("牵头单位", kText), column("上期状态", kText), column("本期状态", kText), column("完成时限", kDate),
	column("说明", kWrap),
}

// ChangesTable is the sheet 变化情况 for the report (the report's writer appends it); the 变化
// cell is red for 新增逾期 and 仍逾期, yellow for 状态倒退 and 本期未报.
func ChangesTable(s *sheets.SinceResult, asOf time.Time) *xlsxout.Table {
	return &xlsxout.Table{
		Name: sheets.SheetChanges, Titles: []string{"变化情况（统计截止：" + sheets.CNDate(asOf) + "，上期：" + s.Prev.Date() + "）"},
		Cols: colsChanges, N: len(s.Changes), Empty: "与上期相比没有变化", Signal: 1,
		Notes: []string{s.Sentence},
		Row: func(i int, v []any) xlsxout.Tone {
			c := &s.Changes[i]
			v[0] = c.Kind
			if it := c.Item; it != nil {
				v[1], v[2], v[3], v[4] = it.Category, it.MeetingName, it.Content, it.Lead
				v[6], v[7] = it.Status.String(), xlsxout.DateValue(it.Deadline)
			} else {
				pi := c.Prev
				v[1], v[2], v[3], v[4] = pi.Category, pi.MeetingName, pi.Content, pi.Lead
				v[7] = xlsxout.DateValue(pi.Deadline)
			}
			if c.Prev != nil {
				v[5] = c.Prev.Status.String()
			}
			v[8] = c.Note
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
