package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
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
	capture   int // elV or elT while inside a value to keep, else elOther
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
			if n, err = strconv.Atoi(string(bytes.TrimSpace(v))); err != nil || n < 1 || n > maxRow {
				return fmt.Errorf("%w: %q", ErrRowNumber, v)
			}
		}
		if n <= p.prev {
			return fmt.Errorf("%w: row %d after row %d", ErrRowOrder, n, p.prev)
		}
		p.row, p.prev = n, n
		p.cells, p.text = p.cells[:0], p.text[:0]
	case code == elC && parent == elRow:
		p.col++
		if v, ok := x.attr("r"); ok {
			c, ok := columnOf(v)
			if !ok {
				return fmt.Errorf("%w: %q", ErrCellRef, v)
			}
			p.col = c
		}
		if p.col > maxCol {
			return fmt.Errorf("%w: column %d", ErrCellRef, p.col)
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
			if m, ok := parseRange(string(v)); ok {
				p.out.Merges = append(p.out.Merges, m)
			}
		}
	}
	return nil
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
		p.endRow()
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

// endRow hands the row over: one allocation for the row's text, cells cut from a shared
// slab.
func (p *sheetParser) endRow() {
	if len(p.cells) > 0 {
		text := string(p.text)
		width := p.cells[len(p.cells)-1].col
		if len(p.slab) < width {
			p.slab = make([]Cell, max(width, 4096))
		}
		cells := p.slab[:width:width]
		p.slab = p.slab[width:]
		for _, c := range p.cells {
			if c.sst >= 0 {
				cells[c.col-1] = Cell{Value: p.sst[c.sst], Kind: c.kind}
			} else {
				cells[c.col-1] = Cell{Value: text[c.start:c.end], Kind: c.kind}
			}
		}
		p.out.Rows = append(p.out.Rows, Row{N: p.row, Cells: cells})
	}
	p.out.LastRow = p.row
	p.col = 0
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
			return 0, false
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

// parseRange reads an A1:B2 reference (or a single cell).
func parseRange(ref string) (Range, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		b = a
	}
	c1, r1, ok1 := cellRef(a)
	c2, r2, ok2 := cellRef(b)
	if !ok1 || !ok2 {
		return Range{}, false
	}
	return Range{min(c1, c2), min(r1, r2), max(c1, c2), max(r1, r2)}, true
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
		if i+7 <= len(b) && b[i] == '_' && b[i+1] == 'x' && b[i+6] == '_' && isHex4(b[i+2:i+6]) {
			v, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			r := rune(v)
			if utf8.ValidRune(r) {
				w += utf8.EncodeRune(b[w:], r)
			}
			i += 7
			continue
		}
		b[w] = b[i]
		w++
		i++
	}
	return w
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}
