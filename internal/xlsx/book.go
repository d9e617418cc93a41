// Package xlsx reads the cells of spreadsheet workbooks — Office Open XML (.xlsx, .xlsm,
// .xltx, .xltm), the legacy binary BIFF8 format (.xls, and WPS .et holding a BIFF8
// stream) and OpenDocument spreadsheets (.ods) — into rows of typed cells with their merged ranges. Like encoding/csv it knows
// nothing of what the cells mean: headers, dates in text and the ledger's domain belong to the
// caller. A workbook is read whole or refused with an error: a damaged part anywhere is never
// read short.
package xlsx

import (
	"slices"
	"strconv"
	"strings"
)

// Kind is what a cell holds, as the file says.
type Kind uint8

const (
	Blank        Kind = iota // no value (the zero Cell)
	Text                     // a shared, inline or formula string (t="s", "inlineStr", "str")
	Number                   // a number as written ("45291", "-1.5"); dates are numbers too
	Bool                     // "1" or "0"
	Error                    // an error value as written: "#N/A", "#DIV/0!"
	Uncalculated             // a formula whose result the file does not hold; Value is ""
	ISODate                  // t="d": an ISO 8601 date as written
)

// Cell is one cell's value and kind.
type Cell struct {
	Value string
	Kind  Kind
}

// Row is one row that holds at least one cell value (or a formula). Cells[i] is column i+1;
// the slice ends at the last cell with a value up to column FarColumn. Cells right of
// FarColumn are in the sheet's Far: no ledger is that wide, and a stray cell at XFD must not
// make every row 16,384 cells. A row with only such cells is not in Rows. Rows may share their Cells (an .ods row
// repeated by number-rows-repeated): read them, never write them.
type Row struct {
	N     int // 1-based row number
	Cells []Cell
}

// FarCell is a cell right of FarColumn.
type FarCell struct {
	Row, Col int // 1-based
	Cell
}

// FarColumn is the last column held in Row.Cells: IV, the last of Excel 2003 and of .xls.
const FarColumn = 256

// Range is a merged range, 1-based and inclusive: columns C1..C2, rows R1..R2.
type Range struct{ C1, R1, C2, R2 int }

// SheetKind says what a sheet of the workbook is.
type SheetKind uint8

const (
	Worksheet  SheetKind = iota // a sheet of cells
	OtherSheet                  // a chart sheet, dialog or macro sheet: no rows are read
)

// Sheet is one sheet of the workbook, in workbook order.
type Sheet struct {
	Name    string
	Kind    SheetKind
	Hidden  bool      // state hidden or veryHidden
	Rows    []Row     // the rows with a value, in increasing order; rows not listed are blank
	Merges  []Range   // in document order
	LastRow int       // the number of the last row element, blank or not; 0 if none
	Far     []FarCell // the cells right of FarColumn, by row and column
	// Repeats names the earlier sheet whose part this one is: workbook.xml lists one part
	// twice. Its rows are that sheet's (read once), and a reader should not count them again.
	Repeats string
}

// Book is a workbook as read.
type Book struct {
	Sheets   []*Sheet
	Date1904 bool   // the 1904 date system (a Mac workbook, or DATEMODE 1 in .xls)
	Format   Format // which file format it was read from
	// Description is the description of the document properties (docProps/core.xml;
	// "" for .xls). Writers that mark their workbooks (duban's reports) put the mark there.
	Description string
}

// Format is the file format a Book was read from.
type Format uint8

const (
	XLSX  Format = iota // Office Open XML, possibly decrypted with Options.Password
	BIFF8               // .xls (Excel 97–2003) or a BIFF8 .et
	ODS                 // OpenDocument spreadsheet (.ods, .ots), whatever the file's extension
)

// Options control how Open reads a workbook.
type Options struct {
	Password string // opens an encrypted workbook; "" means none is tried
	MaxUnzip int64  // refuse a workbook larger than this when unpacked; <= 0 means DefaultMaxUnzip
}

// DefaultMaxUnzip is the default limit on a workbook's total uncompressed size.
const DefaultMaxUnzip = 512 << 20

// UnnamedSheet is the name the i-th sheet of a workbook goes by when it has none (other
// programs write <sheet name="">; Excel refuses it): Sheet<i+1>, with (2), (3)… while another
// of names, the workbook's sheet names in order, is that name (ignoring case, as Excel does).
// The reader and the annotated copy both call the sheet so.
func UnnamedSheet(names []string, i int) string {
	base := "Sheet" + strconv.Itoa(i+1)
	taken := func(s string) bool {
		return slices.ContainsFunc(names, func(n string) bool { return strings.EqualFold(n, s) })
	}
	now := base
	for n := 2; taken(now); n++ {
		now = base + "(" + strconv.Itoa(n) + ")"
	}
	return now
}
