package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// The worksheet parser: it does what excelize's Rows iterator does with RawCellValue, about
// ten times faster and without allocating per cell, and unlike that iterator it refuses
// damaged data instead of stopping early. It reads the cell values as written (shared
// strings, inline strings with rich-text runs, str/b/e/d/number values) with their kinds, the
// row and column of each cell, and the merged cells.

// Excel's limits.
const (
	maxRow = 1048576
	maxCol = 16384
)

// Element codes: the local names that matter, by where they occur.
const (
	elOther = iota
	elSheetData
	elRow
	elC
	elV
	elF
	elIs
	elR
	elRPh
	elT
	elMergeCell
	elSI
)

func elementCode(local []byte) int {
	switch string(local) {
	case "sheetData":
		return elSheetData
	case "row":
		return elRow
	case "c":
		return elC
	case "v":
		return elV
	case "f":
		return elF
	case "is":
		return elIs
	case "r":
		return elR
	case "rPh":
		return elRPh
	case "t":
		return elT
	case "mergeCell":
		return elMergeCell
	case "si":
		return elSI
	}
	return elOther
}

// cellSpan is one cell of the row being read: its value is text[start:end], or sst[sst].
type cellSpan struct {
	col        int
	start, end int
	sst        int // index into the shared strings, -1 if the value is in text
	kind       Kind
}

type sheetParser struct {
	x     xmlScan
	sst   []string
	out   *Sheet
	prev  int // number of the previous <row>
	row   int // number of the current row
	cells []cellSpan
	text  []byte // the current row's text
	slab  []Cell

	// the current cell
	cellStart int // text offset where the cell's text begins
	col       int
	typ       string // the t attribute
	hasF      bool
	vStart    int // text offset of the <v> value
	vEnd      int
	tStart    int // text offset of the inline string
	tEnd      int
	hasIs     bool
	hasV      bool
	capture   int   // elV or elT while inside a value to keep, else elOther
	open      bool  // the current row's cells are not handed over yet
	whole     []int // the merges of whole columns or rows, by index
	width     int   // the last column of the widest row
}

// readWorksheet reads a worksheet part into sh. sst is the workbook's shared strings. A damaged
// part — bad checksum, truncated, not well-formed, rows or cells out of order, an unknown
// shared string — is a *FormatError: never fewer rows silently.
func readWorksheet(zf *zip.File, part string, sst []string, sh *Sheet) error {
	rc, err := zf.Open()
	if err != nil {
		return zipError(part, err)
	}
	defer rc.Close()
	return parseSheet(rc, part, sst, sh)
}

func parseSheet(r io.Reader, part string, sst []string, sh *Sheet) error {
	p := &sheetParser{sst: sst, out: sh}
	p.x.init(r)
	if err := p.run(); err != nil {
		return p.x.wrap(part, err)
	}
	// A merge of whole columns or rows (A:A, 1:1) covers the sheet's real rows and columns,
	// not the million Excel allows.
	for _, i := range p.whole {
		if m := &sh.Merges[i]; m.R1 == 1 && m.R2 == maxRow {
			m.R2 = max(1, sh.LastRow)
		} else {
			m.C2 = max(m.C1, min(m.C2, p.width))
		}
	}
	return nil
}

func (p *sheetParser) run() error {
	x := &p.x
	for {
		kind, err := x.next()
		if err != nil {
			return err
		}
		switch kind {
		case tokEOF:
			return nil
		case tokText:
			if p.capture != elOther {
				if p.text, err = x.appendText(p.text); err != nil {
					return err
				}
			} else if err = x.checkText(); err != nil {
				return err
			}
		case tokStart:
			if err := p.start(x.code, x.parentCode()); err != nil {
				return err
			}
			if x.selfClose {
				if err := p.end(x.code); err != nil {
					return err
				}
				x.pop()
			}
		case tokEnd:
			if err := p.end(x.code); err != nil {
				return err
			}
			x.pop()
		}
	}
}

func (p *sheetParser) start(code, parent int) error {
	x := &p.x
	switch {
	case code == elRow && parent == elSheetData:
		n := p.prev + 1
		if v, ok := x.attr("r"); ok {
			var err error
			if n, err = strconv.Atoi(string(bytes.TrimSpace(v))); err != nil || n < 1 {
				return fmt.Errorf("%w: %q", ErrRowNumber, v)
			}
		}
		if n > maxRow {
			// Rows without numbers counted past the last: Excel and LibreOffice stop there.
			return fmt.Errorf("%w: row %d", ErrPastLimit, n)
		}
		if n < p.prev || n == p.prev && !p.open {
			return fmt.Errorf("%w: row %d after row %d", ErrRowOrder, n, p.prev)
		}
		if n == p.prev {
			// The same row again, as .NET exports write each cell in a <row> of its own:
			// its cells join the row's.
			break
		}
		p.flushRow()
		p.row, p.prev, p.open = n, n, true
		p.cells, p.text = p.cells[:0], p.text[:0]
		p.col = 0
	case code == elC && parent == elRow:
		p.col++
		if v, ok := x.attr("r"); ok && !allDigits(v) {
			// A reference of digits only (r="0", from .NET exports) says no column: the
			// cell is the one after the previous, as Excel reads it.
			c, ok := columnOf(v)
			if !ok {
				if c > maxCol {
					return fmt.Errorf("%w: %q", ErrPastLimit, v)
				}
				return fmt.Errorf("%w: %q", ErrCellRef, v)
			}
			p.col = c
		}
		if p.col > maxCol {
			return fmt.Errorf("%w: column %d", ErrPastLimit, p.col)
		}
		if n := len(p.cells); n > 0 && p.cells[n-1].col >= p.col {
			return fmt.Errorf("%w: %s after column %d", ErrCellOrder, CellName(p.col, p.row), p.cells[n-1].col)
		}
		p.typ = ""
		if v, ok := x.attr("t"); ok {
			p.typ = cellType(v)
		}
		p.hasF, p.hasIs, p.hasV = false, false, false
		p.cellStart = len(p.text)
		p.vStart, p.vEnd, p.tStart, p.tEnd = p.cellStart, p.cellStart, p.cellStart, p.cellStart
	case code == elV && parent == elC:
		p.capture = elV
		p.hasV = true
		p.vStart = len(p.text)
		p.vEnd = p.vStart
	case code == elF && parent == elC:
		p.hasF = true
	case code == elIs && parent == elC:
		p.hasIs = true
		p.tStart = len(p.text)
		p.tEnd = p.tStart
	case code == elT && (parent == elIs || parent == elR && x.grandparentCode() == elIs):
		p.capture = elT
	case code == elMergeCell:
		if v, ok := x.attr("ref"); ok {
			if m, whole, ok := parseRange(string(v)); ok {
				if whole {
					p.whole = append(p.whole, len(p.out.Merges))
				}
				p.out.Merges = append(p.out.Merges, m)
			}
		}
	}
	return nil
}

func allDigits(b []byte) bool {
	b = bytes.TrimSpace(b)
	for _, c := range b {
		if c < '0' || c > '9' {
			return false
		}
	}
	return len(b) > 0
}

func (p *sheetParser) end(code int) error {
	x := &p.x
	parent := x.parentCode()
	switch {
	case code == elV && parent == elC:
		p.capture = elOther
		p.vEnd = len(p.text)
	case code == elT && p.capture == elT:
		p.capture = elOther
	case code == elIs && parent == elC:
		p.tEnd = len(p.text)
	case code == elC && parent == elRow:
		return p.endCell()
	case code == elRow && parent == elSheetData:
		p.out.LastRow = p.row
	case code == elSheetData:
		p.flushRow()
	}
	return nil
}

// keep makes text[from:to] the cell's value, decoding _xHHHH_ escapes if asked.
func (p *sheetParser) keep(from, to int, unescape bool) {
	n := copy(p.text[p.cellStart:], p.text[from:to])
	if unescape {
		n = unescapeBstr(p.text[p.cellStart : p.cellStart+n])
	}
	p.text = p.text[:p.cellStart+n]
}

// endCell turns the cell's collected text into its value, as excelize's raw value, and
// keeps only that value in the row's text.
func (p *sheetParser) endCell() error {
	span := cellSpan{col: p.col, start: p.cellStart, sst: -1}
	switch {
	case p.typ == "s" && p.hasV && len(bytes.TrimSpace(p.text[p.vStart:p.vEnd])) > 0:
		v := strings.TrimSpace(string(p.text[p.vStart:p.vEnd]))
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(p.sst) {
			return fmt.Errorf("%w: %q of %d", ErrSharedString, v, len(p.sst))
		}
		p.text = p.text[:p.cellStart]
		if p.sst[i] == "" && !p.hasF {
			return nil
		}
		span.sst, span.kind = i, Text
	case p.typ == "inlineStr" && p.hasIs:
		// The <is> string, whatever a <v> beside it says, as every other reader does.
		p.keep(p.tStart, p.tEnd, true)
		span.kind = Text
	case p.hasF && (!p.hasV || p.vStart == p.vEnd && p.typ != "str"):
		// A formula whose result the file does not hold (written by a program, never
		// calculated; only a text formula can have an empty result).
		p.text = p.text[:p.cellStart]
		span.kind = Uncalculated
	case p.typ == "s":
		// <v/>: an empty shared-string index is an empty cell.
		p.text = p.text[:p.cellStart]
	default:
		p.keep(p.vStart, p.vEnd, p.typ == "str")
		span.kind = kindOf(p.typ)
	}
	span.end = len(p.text)
	if span.sst < 0 && span.start == span.end && !p.hasF {
		return nil
	}
	p.cells = append(p.cells, span)
	return nil
}

// flushRow hands the row read over, once its last <row> element has ended: one allocation
// for the row's text, cells cut from a shared slab.
func (p *sheetParser) flushRow() {
	if !p.open {
		return
	}
	p.open = false
	if len(p.cells) > 0 {
		text := string(p.text)
		value := func(c cellSpan) Cell {
			if c.sst >= 0 {
				return Cell{Value: p.sst[c.sst], Kind: c.kind}
			}
			return Cell{Value: text[c.start:c.end], Kind: c.kind}
		}
		p.width = max(p.width, p.cells[len(p.cells)-1].col)
		near := len(p.cells)
		for near > 0 && p.cells[near-1].col > FarColumn {
			near--
		}
		if near > 0 {
			width := p.cells[near-1].col
			if len(p.slab) < width {
				p.slab = make([]Cell, max(width, 4096))
			}
			cells := p.slab[:width:width]
			p.slab = p.slab[width:]
			for _, c := range p.cells[:near] {
				cells[c.col-1] = value(c)
			}
			p.out.Rows = append(p.out.Rows, Row{N: p.row, Cells: cells})
		}
		for _, c := range p.cells[near:] {
			p.out.Far = append(p.out.Far, FarCell{p.row, c.col, value(c)})
		}
	}
}

func cellType(v []byte) string {
	switch string(v) { // constants, so that no string is allocated per cell
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str" // a text formula's result, which may be empty
	case "b":
		return "b"
	case "e":
		return "e"
	case "d":
		return "d"
	}
	return "" // n, or a type nobody writes: the value as written
}

func kindOf(typ string) Kind {
	switch typ {
	case "str", "inlineStr":
		return Text
	case "b":
		return Bool
	case "e":
		return Error
	case "d":
		return ISODate
	}
	return Number
}

// columnOf reads the column of a cell reference such as AB12 (the row part is checked, not
// used: the row is the enclosing <row>'s).
func columnOf(ref []byte) (int, bool) {
	ref = bytes.TrimSpace(ref)
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > maxCol {
			return col, false // past XFD
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col, true
}

// cellRef reads a reference such as B12 or $B$12 into its column and row.
func cellRef(ref string) (col, row int, ok bool) {
	ref = strings.ReplaceAll(ref, "$", "")
	col, ok = columnOf([]byte(ref))
	if !ok {
		return 0, 0, false
	}
	i := strings.IndexAny(ref, "0123456789")
	row, err := strconv.Atoi(ref[i:])
	if err != nil || row < 1 || row > maxRow {
		return 0, 0, false
	}
	return col, row, true
}

// ParseRange reads a merged range as a worksheet writes it: A1:B2, a single cell, or a whole
// column (A:B) or row (1:2) range, which reaches to Excel's last row or column.
func ParseRange(ref string) (Range, bool) {
	r, _, ok := parseRange(ref)
	return r, ok
}

// parseRange reads an A1:B2 reference (or a single cell). A whole-column (A:B) or whole-row
// (1:2) range reaches to Excel's last row or column; whole says so, for the caller to bound
// it to the sheet's real rows and columns.
func parseRange(ref string) (r Range, whole, ok bool) {
	a, b, ok := strings.Cut(strings.ReplaceAll(ref, "$", ""), ":")
	if !ok {
		b = a
	} else if c1, c2, ok := wholeColumns(a, b); ok {
		return Range{min(c1, c2), 1, max(c1, c2), maxRow}, true, true
	} else if r1, r2, ok := wholeRows(a, b); ok {
		return Range{1, min(r1, r2), maxCol, max(r1, r2)}, true, true
	}
	c1, r1, ok1 := cellRef(a)
	c2, r2, ok2 := cellRef(b)
	if !ok1 || !ok2 {
		return Range{}, false, false
	}
	return Range{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, false, true
}

// wholeColumns reads the two ends of a range such as A:C.
func wholeColumns(a, b string) (c1, c2 int, ok bool) {
	if strings.ContainsAny(a, "0123456789") || strings.ContainsAny(b, "0123456789") {
		return 0, 0, false
	}
	c1, ok1 := columnOf([]byte(a + "1"))
	c2, ok2 := columnOf([]byte(b + "1"))
	return c1, c2, ok1 && ok2
}

// wholeRows reads the two ends of a range such as 3:5.
func wholeRows(a, b string) (r1, r2 int, ok bool) {
	if !allDigits([]byte(a)) || !allDigits([]byte(b)) {
		return 0, 0, false
	}
	r1, err1 := strconv.Atoi(strings.TrimSpace(a))
	r2, err2 := strconv.Atoi(strings.TrimSpace(b))
	return r1, r2, err1 == nil && err2 == nil && r1 >= 1 && r2 >= 1 && r1 <= maxRow && r2 <= maxRow
}

// CellName writes a cell reference: CellName(2, 12) is "B12".
func CellName(col, row int) string { return ColumnName(col) + strconv.Itoa(row) }

// ColumnName returns the letters of a 1-based column number: 1 → A, 27 → AA.
func ColumnName(col int) string {
	var b [8]byte
	i := len(b)
	for col > 0 {
		col--
		i--
		b[i] = byte('A' + col%26)
		col /= 26
	}
	return string(b[i:])
}

// unescapeBstr decodes Excel's _xHHHH_ escapes in place, as excelize does for shared and
// inline strings, and returns the new length.
func unescapeBstr(b []byte) int {
	if !bytes.Contains(b, []byte("_x")) {
		return len(b)
	}
	w := 0
	for i := 0; i < len(b); {
		if r, ok := bstrEscape(b[i:]); ok {
			i += 7
			if utf16.IsSurrogate(r) {
				// A character outside the BMP is two escapes, _xD83D__xDE00_ for 😀.
				if lo, ok := bstrEscape(b[i:]); ok && r < 0xDC00 {
					if c := utf16.DecodeRune(r, lo); c != utf8.RuneError {
						i += 7
						w += utf8.EncodeRune(b[w:], c) // 4 bytes for 14 read
					}
				}
				continue // a lone half is no character
			}
			w += utf8.EncodeRune(b[w:], r)
			continue
		}
		b[w] = b[i]
		w++
		i++
	}
	return w
}

// bstrEscape reads an _xHHHH_ escape at the start of b.
func bstrEscape(b []byte) (rune, bool) {
	if len(b) < 7 || b[0] != '_' || b[1] != 'x' || b[6] != '_' || !isHex4(b[2:6]) {
		return 0, false
	}
	v, _ := strconv.ParseUint(string(b[2:6]), 16, 32)
	return rune(v), true
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
