package xlsx

import (
	"archive/zip"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// The tables of content.xml. A table is rows of cells, each row or cell possibly repeated
// (table:number-rows-repeated, table:number-columns-repeated): LibreOffice ends every row with
// a blank cell repeated to the last column and every table with a blank row repeated to the
// last row. What a repetition unfolds to is paid for only where it holds something: blank
// cells and rows are counted, not stored, until a value follows them; a repeated row shares
// one slice of cells; and everything unfolded is charged against the limit (a cell repeated
// over a million rows is refused as too big, not allocated). A cell spanning columns or rows
// (table:number-columns-spanned / -rows-spanned, over covered-table-cells) is a merged range.

// The namespaces of the elements read. A file that forgets to declare one is read by its
// conventional prefix.
const (
	nsOffice  = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
	nsTable   = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
	nsText    = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
	nsStyle   = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
	nsDraw    = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
	nsCalcExt = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"
)

var nsPrefix = map[string]string{nsOffice: "office", nsTable: "table", nsText: "text", nsStyle: "style",
	nsDraw: "draw", nsCalcExt: "calcext"}

func isName(n xml.Name, ns, local string) bool {
	return n.Local == local && (n.Space == ns || n.Space == nsPrefix[ns])
}

func attrOf(se xml.StartElement, ns, local string) (string, bool) {
	for _, a := range se.Attr {
		if isName(a.Name, ns, local) {
			return a.Value, true
		}
	}
	return "", false
}

// What unfolding costs against the limit, in bytes: a cell, a row, a merged range.
const (
	costCell  = 24
	costRow   = 32
	costRange = 32
)

// odsParser reads content.xml.
type odsParser struct {
	dec   *xml.Decoder
	limit int64
	used  int64           // bytes unfolded so far
	hide  map[string]bool // table styles with table:display="false"
	book  *Book

	// the table being read
	sheet   *Sheet
	row     int     // rows of the table before the current one (saturates past maxRow)
	blank   []Range // merged ranges of blank rows not yet stored: kept only if a value follows
	cells   []Cell  // the current row's cells up to its last value
	pending int     // blank cells after cells, not stored (saturates past maxCol)
	merges  []Range // the current row's merged ranges, for its first repetition
}

// readContent reads the tables of content.xml into book. A part that is not well-formed, cut
// short or fails its checksum is a *FormatError; one whose repetitions unfold beyond limit is a
// *TooBigError.
func readContent(zf *zip.File, limit int64, book *Book) error {
	rc, err := zf.Open()
	if err != nil {
		return zipError(odsContent, err)
	}
	defer rc.Close()
	return parseContent(rc, limit, book)
}

func parseContent(rc io.Reader, limit int64, book *Book) error {
	r, bom := skipBOM(rc)
	p := &odsParser{dec: xml.NewDecoder(r), limit: limit, hide: map[string]bool{}, book: book}
	badLabel := ""
	p.dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if bom {
			return r, nil
		}
		d, err := charsetReader(label, r)
		if err != nil {
			badLabel = label
		}
		return d, err
	}
	err := p.document()
	var big *TooBigError
	switch {
	case err == nil:
		return nil
	case errors.As(err, &big):
		return err
	case errors.Is(err, zip.ErrChecksum), errors.Is(err, zip.ErrFormat), errors.Is(err, io.ErrUnexpectedEOF):
		return zipError(odsContent, err)
	case badLabel != "":
		err = fmt.Errorf("%w: %s", ErrEncoding, badLabel)
	}
	var se *xml.SyntaxError
	if errors.As(err, &se) {
		err = fmt.Errorf("%w: line %d: %s", ErrSyntax, se.Line, se.Msg)
	} else if !isSentinel(err) {
		err = fmt.Errorf("%w: %v", ErrCompressed, err) // the inflater's own error
	}
	return &FormatError{Part: odsContent, Offset: p.dec.InputOffset(), Err: err}
}

// isSentinel reports whether err is one of the reader's own errors, not the zip's or XML's.
func isSentinel(err error) bool {
	for _, s := range []error{ErrSyntax, ErrEncoding, ErrRowNumber, ErrCellRef, ErrNoSheets, ErrTooLong} {
		if errors.Is(err, s) {
			return true
		}
	}
	return false
}

// token is the next token; the end of the part is io.ErrUnexpectedEOF inside an element.
func (p *odsParser) token() (xml.Token, error) {
	t, err := p.dec.Token()
	if err == io.EOF {
		return nil, fmt.Errorf("%w: unexpected end of the part", ErrSyntax)
	}
	return t, err
}

// document reads the whole part, to its end so that the zip checks its checksum.
func (p *odsParser) document() error {
	root := false
	for {
		t, err := p.dec.Token()
		if err == io.EOF {
			if !root {
				return fmt.Errorf("%w: no root element", ErrSyntax)
			}
			break
		}
		if err != nil {
			return err
		}
		se, ok := t.(xml.StartElement)
		if !ok {
			continue
		}
		root = true
		switch {
		case isName(se.Name, nsStyle, "style"):
			if err := p.tableStyle(se); err != nil {
				return err
			}
		case isName(se.Name, nsTable, "table"):
			if err := p.table(se); err != nil {
				return err
			}
		}
	}
	if len(p.book.Sheets) == 0 {
		return ErrNoSheets
	}
	return nil
}

// skip reads to the end of the element just started.
func (p *odsParser) skip() error {
	for depth := 1; depth > 0; {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t.(type) {
		case xml.StartElement:
			depth++
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// tableStyle notes a table style that hides its tables (style:table-properties
// table:display="false"), as LibreOffice writes a hidden sheet.
func (p *odsParser) tableStyle(se xml.StartElement) error {
	name, _ := attrOf(se, nsStyle, "name")
	family, _ := attrOf(se, nsStyle, "family")
	return p.children(func(t xml.StartElement) error {
		if display, ok := attrOf(t, nsTable, "display"); ok && family == "table" && isName(t.Name, nsStyle, "table-properties") {
			p.hide[name] = display == "false"
		}
		return p.skip()
	})
}

// children calls child on each child of the element just started, to its end; child reads
// the element it is given to its end.
func (p *odsParser) children(child func(xml.StartElement) error) error {
	for {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			if err := child(t); err != nil {
				return err
			}
		case xml.EndElement:
			return nil
		}
	}
}

// table reads one table:table into a sheet of the book.
func (p *odsParser) table(se xml.StartElement) error {
	name, _ := attrOf(se, nsTable, "name")
	style, _ := attrOf(se, nsTable, "style-name")
	p.sheet = &Sheet{Name: name, Kind: Worksheet, Hidden: p.hide[style]}
	p.book.Sheets = append(p.book.Sheets, p.sheet)
	p.row, p.blank = 0, nil
	for depth := 1; depth > 0; {
		t, err := p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case isName(t.Name, nsTable, "table-row"):
				if err := p.tableRow(t); err != nil {
					return err
				}
			case isName(t.Name, nsTable, "shapes"), isName(t.Name, nsTable, "table"), isName(t.Name, nsOffice, "forms"),
				isName(t.Name, nsTable, "table-cell"), isName(t.Name, nsTable, "covered-table-cell"):
				// Drawings, forms, a sub-table or a cell outside a row: no cells of the sheet.
				if err := p.skip(); err != nil {
					return err
				}
			default:
				depth++ // table:table-row-group, table:table-header-rows, table:table-rows, columns
			}
		case xml.EndElement:
			depth--
		}
	}
	return nil
}

// repeat reads a repetition count: at least 1, and saturated at limit (any count past the
// sheet's edge is the same).
func repeat(se xml.StartElement, local string, limit int) int {
	v, ok := attrOf(se, nsTable, local)
	if !ok {
		return 1
	}
	n, err := strconv.ParseInt(strings.TrimSpace(v), 10, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) || n < 1 {
		return 1 // "0", "-3", "x": LibreOffice reads one
	}
	return int(min(n, int64(limit)))
}

// charge counts n bytes unfolded against the limit.
func (p *odsParser) charge(n int64) error {
	p.used += n
	if p.used > p.limit {
		return &TooBigError{Limit: p.limit, Size: p.used}
	}
	return nil
}

// tableRow reads one table:table-row and its repetitions.
func (p *odsParser) tableRow(se xml.StartElement) error {
	rows := repeat(se, "number-rows-repeated", maxRow+1)
	first := p.row + 1
	p.cells, p.pending, p.merges = nil, 0, p.merges[:0]
	err := p.children(func(t xml.StartElement) error {
		if isName(t.Name, nsTable, "table-cell") || isName(t.Name, nsTable, "covered-table-cell") {
			return p.tableCell(t, first, rows)
		}
		return p.skip()
	})
	if err != nil {
		return err
	}
	return p.endRow(first, rows)
}

// endRow stores the row just read, once per repetition.
func (p *odsParser) endRow(first, rows int) error {
	p.row = min(p.row+rows, maxRow+1)
	if len(p.cells) == 0 {
		// A blank row: its merged ranges wait for a value below them.
		for _, m := range p.merges {
			for i := 0; i < rows && first+i <= maxRow; i++ {
				if err := p.charge(costRange); err != nil {
					return err
				}
				p.blank = append(p.blank, Range{m.C1, m.R1 + i, m.C2, min(m.R2+i, maxRow)})
			}
		}
		return nil
	}
	if first+rows-1 > maxRow {
		return fmt.Errorf("%w: row %d of sheet %q is past the last row, %d", ErrRowNumber, first+rows-1, p.sheet.Name, maxRow)
	}
	if err := p.charge(int64(rows) * costRow); err != nil {
		return err
	}
	p.sheet.Merges = append(p.sheet.Merges, p.blank...)
	p.blank = p.blank[:0]
	cells := p.cells[:len(p.cells):len(p.cells)]
	p.sheet.Rows = slices.Grow(p.sheet.Rows, rows)
	for i := range rows {
		p.sheet.Rows = append(p.sheet.Rows, Row{N: first + i, Cells: cells})
		for _, m := range p.merges {
			if err := p.charge(costRange); err != nil {
				return err
			}
			p.sheet.Merges = append(p.sheet.Merges, Range{m.C1, m.R1 + i, m.C2, min(m.R2+i, maxRow)})
		}
	}
	p.sheet.LastRow = first + rows - 1
	return nil
}

// tableCell reads one cell (or covered cell) of the row that begins at row first and is
// repeated rows times.
func (p *odsParser) tableCell(se xml.StartElement, first, rows int) error {
	cols := repeat(se, "number-columns-repeated", maxCol+1)
	col := len(p.cells) + p.pending + 1 // the cell's column
	cell, err := p.cellValue(se)
	if err != nil {
		return err
	}
	spanC := repeat(se, "number-columns-spanned", maxCol)
	spanR := repeat(se, "number-rows-spanned", maxRow)
	if (spanC > 1 || spanR > 1) && col <= maxCol && first <= maxRow {
		for i := 0; i < cols && col+i <= maxCol; i++ {
			if err := p.charge(costRange); err != nil {
				return err
			}
			p.merges = append(p.merges, Range{col + i, first, min(col+i+spanC-1, maxCol), min(first+spanR-1, maxRow)})
		}
	}
	if cell == (Cell{}) {
		p.pending = min(p.pending+cols, maxCol+1)
		return nil
	}
	if col+cols-1 > maxCol {
		return fmt.Errorf("%w: column %d of sheet %q is past the last column, %d", ErrCellRef, col+cols-1, p.sheet.Name, maxCol)
	}
	if err := p.charge(int64(p.pending+cols) * costCell); err != nil {
		return err
	}
	for range p.pending {
		p.cells = append(p.cells, Cell{})
	}
	p.pending = 0
	for range cols {
		p.cells = append(p.cells, cell)
	}
	return nil
}
