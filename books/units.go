package books

import (
	"fmt"
	"slices"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
)

// 单位统计 and the units not heard from (SPEC §7): the ranked units, a unit with rows excluded by
// errors marked ※; after them, without rank or figures, the units none of whose rows were
// counted, and one row 未报送 per unit expected and not heard from. The 说明 column beside
// 牵头单位 is there only when some unit has such a row.

const (
	markExcluded     = "※"
	noteExcludedRows = "%d行有错误未计入"
	noteAbsentUnits  = "未报送的单位不参加排名，其事项未计入统计。"
	labelNote        = "说明"
)

// unitsTable is the report's sheet 单位统计.
func unitsTable(r *sheets.Report, asOf string) *xlsxout.Table {
	cols, notes := colsUnits, []string{noteRankRule}
	ranked, uncounted := len(r.Units), len(r.Units)+len(r.Uncounted)
	noted := uncounted > ranked || len(r.Absent) > 0 // a column 说明
	if noted {
		cols = slices.Insert(slices.Clip(cols), 2, column(labelNote, kText))
	}
	if len(r.Absent) > 0 {
		notes = append(notes, noteAbsentUnits)
	}
	if n := r.ExcludedNote(); n != "" {
		notes = append(notes, n)
	}
	return &xlsxout.Table{
		Name: sheets.SheetUnits, Titles: []string{sheets.SheetUnits + asOf}, Cols: cols,
		N: uncounted + len(r.Absent), Empty: "无事项", Notes: notes,
		Row: func(i int, v []any) xlsxout.Tone {
			figures := v[2:]
			if noted {
				figures = v[3:]
			}
			switch {
			case i >= uncounted:
				a := r.Absent[i-uncounted]
				v[1], v[2] = a.Unit, xlsxout.Marked{Text: a.Note(), Tone: xlsxout.Yellow}
				return xlsxout.None
			case i >= ranked:
				u := &r.Uncounted[i-ranked]
				v[1], v[2] = u.Unit+markExcluded, xlsxout.Marked{Text: fmt.Sprintf(noteExcludedRows, u.Excluded), Tone: xlsxout.Yellow}
				return xlsxout.None
			}
			u := &r.Units[i]
			v[0], v[1] = u.Rank, u.Unit
			if u.Excluded > 0 {
				v[1] = u.Unit + markExcluded
				if noted {
					v[2] = fmt.Sprintf(noteExcludedRows, u.Excluded)
				}
			}
			countValues(figures, u.Counts, false)
			figures[6] = onTimeValue(u.Counts)
			return xlsxout.None
		},
	}
}

// absentRows are the rows 未报送 of 报送情况 (the check file): one per unit expected and not
// heard from whose file was not unreadable (that file has its own row), with no file and no
// figures, and what it had before.
func absentRows(r *sheets.Report) []sheets.Absence {
	var out []sheets.Absence
	for _, a := range r.Absent {
		if !a.Unreadable {
			out = append(out, a)
		}
	}
	return out
}

// absentResult is the 结果 of an absent unit's row in 报送情况: 未报送（上期20项，其中逾期1项）.
func absentResult(a sheets.Absence) string {
	if had := a.Had(); had != "" {
		return a.Note() + "（" + had + "）"
	}
	return a.Note()
}
