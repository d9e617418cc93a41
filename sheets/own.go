package sheets

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/duban/duban/internal/xlsx"
)

// duban's own workbooks read back — a previous report (report --since), a report used as the
// master list of the next round (report --expect, template --from), the config workbook
// (--config) — are read as a unit's file is: once, whole, through xlsx.Open under the same
// limits, and refused with the same words when damaged (SPEC §2.1). excelize, which keeps
// what it parsed before the damage, reads none of them.

// openBook reads the workbook at path whole, or returns why not in the words a unit's file
// gets (文件已损坏…, 无法打开文件…). A panic of a library is an error, as for a ledger.
func openBook(path string, opt ReadOptions) (book *xlsx.Book, err error) {
	name := cmp.Or(opt.Name, filepath.Base(path))
	f, err := os.Open(path)
	if err != nil {
		return nil, fileError(fmt.Sprintf(msgCannotOpen, sysErrText(err)))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fileError(fmt.Sprintf(msgCannotOpen, sysErrText(err)))
	}
	defer func() {
		if p := recover(); p != nil {
			book, err = nil, damaged(detPanic, p)
		}
	}()
	book, err = xlsx.Open(f, st.Size(), xlsx.Options{Password: opt.Password, MaxUnzip: opt.MaxUnzip})
	if err != nil {
		return nil, openError(name, err)
	}
	return book, nil
}

// sheet returns the sheet of book named name, or nil.
func sheet(book *xlsx.Book, name string) *xlsx.Sheet {
	i := slices.IndexFunc(book.Sheets, func(s *xlsx.Sheet) bool { return s.Name == name })
	if i < 0 {
		return nil
	}
	return book.Sheets[i]
}

// isReport reports whether book is a report duban wrote: its mark, or its 汇总 and 事项明细
// sheets (a program that dropped the document properties).
func isReport(book *xlsx.Book) bool {
	return book.Description == ReportDescription || sheet(book, SheetSummary) != nil && sheet(book, SheetItems) != nil
}

// itemsSheet is the 事项明细 sheet of a workbook duban wrote: its rows below the header, each
// label's column (0-based), and the text that carries its as-of date (the title rows).
type itemsSheet struct {
	file     string
	rows     []xlsx.Row
	col      map[string]int
	title    string
	date1904 bool
}

// writtenItems finds the 事项明细 sheet of book, by its name and its column labels.
func writtenItems(name string, book *xlsx.Book) (*itemsSheet, error) {
	s := sheet(book, SheetItems)
	if s == nil {
		return nil, fmt.Errorf(msgPrevNotReport, name, SheetItems)
	}
	var title strings.Builder
	for i := 0; i < len(s.Rows) && i < 10; i++ {
		at := map[string]int{}
		for c, v := range s.Rows[i].Cells {
			at[strings.TrimSpace(v.Value)] = c
		}
		_, content := at[FieldContent.String()]
		_, lead := at[FieldLead.String()]
		if content && lead {
			return &itemsSheet{file: name, rows: s.Rows[i+1:], col: at, title: title.String(), date1904: book.Date1904}, nil
		}
		for _, c := range s.Rows[i].Cells {
			title.WriteString(c.Value + " ")
		}
		title.WriteString("\n")
	}
	return nil, fmt.Errorf(msgPrevNoHeader, name, SheetItems)
}

// cell returns the cell under label in row, its value trimmed.
func (t *itemsSheet) cell(row xlsx.Row, label string) xlsx.Cell {
	c, ok := t.col[label]
	if !ok || c >= len(row.Cells) {
		return xlsx.Cell{}
	}
	x := row.Cells[c]
	x.Value = strings.TrimSpace(x.Value)
	return x
}

func (t *itemsSheet) text(row xlsx.Row, label string) string { return t.cell(row, label).Value }

// prevItems reads the items, their statuses through the dictionary d.
func (t *itemsSheet) prevItems(d *Dict) []PrevItem {
	var items []PrevItem
	for _, row := range t.rows {
		content := t.text(row, FieldContent.String())
		if content == "" {
			continue // a note below the table
		}
		it := PrevItem{
			Row: row.N, ID: t.text(row, FieldID.String()), Category: t.text(row, FieldCategory.String()),
			MeetingName: t.text(row, FieldMeeting.String()), Content: content, Lead: t.text(row, FieldLead.String()),
			Alert: t.text(row, "预警"), Source: t.text(row, "来源"),
		}
		it.Status = prevStatus(d, t.text(row, FieldStatus.String()))
		it.Deadline, _ = ParseDate(t.text(row, FieldDeadline.String()), t.date1904)
		it.MeetingDate, _ = ParseDate(t.text(row, FieldMeetingDate.String()), t.date1904)
		it.Done, _ = ParseDate(t.text(row, FieldDone.String()), t.date1904)
		it.Parent, it.Co, it.Leader = t.text(row, LabelParent), t.text(row, FieldCo.String()), t.text(row, FieldLeader.String())
		it.Progress, it.Note = t.text(row, FieldProgress.String()), t.text(row, FieldNote.String())
		items = append(items, it)
	}
	return items
}

// prevStatus is the class of a status in a report duban wrote: its own words, or, where a
// clerk retyped it, any word of the dictionary (已完成 is 已落实).
func prevStatus(d *Dict, raw string) Status {
	if d != nil {
		if st, ok := d.Status(raw); ok {
			return st
		}
	}
	st, _ := statusClass(raw)
	return st
}

// asRows reads 事项明细 as the rows of a ledger, for a report used as the master list of the
// next round: every canonical column the sheet has, by its label.
func (t *itemsSheet) asRows() []RawRow {
	var cols [NumFields]int
	for f := Field(0); f < NumFields; f++ {
		if c, ok := t.col[f.String()]; ok {
			cols[f] = c + 1
		}
	}
	var raws []RawRow
	for _, row := range t.rows {
		if t.text(row, FieldContent.String()) == "" {
			continue
		}
		r := RawRow{Pos: Pos{File: t.file, Sheet: SheetItems, Row: row.N}, Cols: cols, Date1904: t.date1904,
			Parent: t.text(row, LabelParent)}
		for f := Field(0); f < NumFields; f++ {
			if cols[f] > 0 {
				x := t.cell(row, f.String())
				r.Vals[f], r.Kinds[f] = x.Value, x.Kind
			}
		}
		raws = append(raws, r)
	}
	return raws
}
