package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A report duban wrote, used as the master list of the next round (duban template --from,
// SPEC §9.3), carries the cycle on: each form keeps the item's last 落实状态, 完成日期 and
// 进展情况, and the rows the report's run excluded by errors — listed with their raw values in
// the check file beside it — come back to their units marked, so that no item drops out.

// previousExcluded reads, from the check file beside the report at report, the rows its run
// excluded by errors, each once, with the raw values its 校验问题 keeps in 原值. A check file
// that is not there, or cannot be read, is a warning: those rows cannot be sent back.
func previousExcluded(report string, d *Dict, ro ReadOptions) ([]RawRow, []Problem) {
	check := CheckPath(report)
	name := filepath.Base(check)
	missing := func(why string) []Problem {
		return []Problem{{Pos: Pos{File: name}, Scope: ScopeFile, Level: Warning, Kind: CheckFileMissing,
			Msg: fmt.Sprintf(msgCarryNoCheck, why)}}
	}
	if _, err := os.Stat(check); err != nil {
		return nil, missing(msgCarryCheckAbsent)
	}
	ro.Name = name
	book, err := openBook(check, ro)
	if err != nil {
		return nil, missing(fmt.Sprintf(msgCarryCheckBad, err))
	}
	s := sheet(book, SheetProblems)
	if s == nil {
		return nil, missing(fmt.Sprintf(msgCarryNoSheet, SheetProblems))
	}
	labels := []string{"级别", "文件", "工作表", "单元格", "原值"}
	var col map[string]int
	start := 0
	for i := 0; i < len(s.Rows) && i < 10 && col == nil; i++ {
		at := map[string]int{}
		for c, v := range s.Rows[i].Cells {
			at[strings.TrimSpace(v.Value)] = c
		}
		if hasAll(at, labels) {
			col, start = at, i+1
		}
	}
	if col == nil {
		return nil, missing(fmt.Sprintf(msgCarryNoSheet, SheetProblems))
	}
	get := func(cells []string, label string) string {
		if c := col[label]; c < len(cells) {
			return strings.TrimSpace(cells[c])
		}
		return ""
	}
	seen := map[Pos]bool{}
	var rows []RawRow
	for _, row := range s.Rows[start:] {
		cells := make([]string, len(row.Cells))
		for i, c := range row.Cells {
			cells[i] = c.Value
		}
		_, whole, found := strings.Cut(get(cells, "原值"), rowPrefix)
		if get(cells, "级别") != Error.String() || !found {
			continue
		}
		p := Pos{File: get(cells, "文件"), Sheet: get(cells, "工作表"), Row: cellRow(get(cells, "单元格"))}
		if p.Row == 0 || seen[p] {
			continue
		}
		seen[p] = true
		r := RawRow{Pos: p, UnitFromFile: unitFromFileName(p.File)}
		for _, kv := range strings.Split(whole, rowSep) {
			label, v, ok := strings.Cut(kv, "=")
			if f, known := FieldByLabel(strings.TrimSpace(label)); ok && known {
				r.Vals[f], r.Cols[f] = strings.TrimSpace(v), int(f)+1
			}
		}
		if strings.TrimSpace(r.Vals[FieldLead]) == "" {
			r.Vals[FieldLead], _ = d.Unit(r.UnitFromFile)
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// hasAll reports whether every label has a column in at.
func hasAll(at map[string]int, labels []string) bool {
	for _, l := range labels {
		if _, ok := at[l]; !ok {
			return false
		}
	}
	return true
}

// cellRow is the row number of an A1 reference (H12 → 12), 0 when it has none.
func cellRow(ref string) int {
	i := strings.IndexAny(ref, "0123456789")
	if i < 0 {
		return 0
	}
	n, err := strconv.Atoi(ref[i:])
	if err != nil {
		return 0
	}
	return n
}

// How an excluded row's values are kept in 原值 (withRow, RawRow.Joined): 整行：label=value |
// label=value.
const (
	rowPrefix = "整行："
	rowSep    = " | "
)
