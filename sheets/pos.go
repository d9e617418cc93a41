package sheets

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/xlsx"
)

// Pos is a place in an input workbook: a file, a sheet, and a 1-based row and column.
// Col 0 means the whole row (shown as the row's first cell, column A); Row 0 means the
// whole sheet, and an empty Sheet the whole file.
type Pos struct {
	File  string // base name of the file, e.g. 市统计局.xlsx
	Sheet string
	Row   int
	Col   int
}

// Cell returns the A1 reference of p ("H12"), "A12" for a whole row, "" for a whole sheet.
func (p Pos) Cell() string {
	if p.Row <= 0 {
		return ""
	}
	c := p.Col
	if c <= 0 {
		c = 1
	}
	return ColumnName(c) + strconv.Itoa(p.Row)
}

// String returns p as 文件名!工作表!单元格, shortened when the sheet or the row is unknown.
func (p Pos) String() string {
	switch {
	case p.Sheet == "":
		return p.File
	case p.Row <= 0:
		return p.File + "!" + p.Sheet
	}
	return p.File + "!" + p.Sheet + "!" + p.Cell()
}

// RowRef returns 文件名!工作表!行号, the form used in the 来源 column.
func (p Pos) RowRef() string {
	return fmt.Sprintf("%s!%s!%d", p.File, p.Sheet, p.Row)
}

// At returns p moved to column col of the same row.
func (p Pos) At(col int) Pos {
	p.Col = col
	return p
}

// compare orders places by file, sheet, row, column.
func (p Pos) compare(q Pos) int {
	return cmp.Or(strings.Compare(p.File, q.File), strings.Compare(p.Sheet, q.Sheet),
		cmp.Compare(p.Row, q.Row), cmp.Compare(p.Col, q.Col))
}

// ColumnName returns the letters of a 1-based column number: 1 → A, 27 → AA.
func ColumnName(col int) string { return xlsx.ColumnName(col) }
