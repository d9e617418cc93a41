package docxout

import "fmt"

// Table is a table of fixed column widths with no merged cells (WPS and Word lay merges out
// differently). Widths are written twice, as w:tblW/w:tcW (Word) and w:tblGrid (WPS,
// LibreOffice, python-docx), so that the table is the same everywhere.
type Table struct {
	Widths []Length // one per column; the table is as wide as their sum
	Rows   []Row
	Border *Border // all borders, inside and out; nil: none
	Align  Align   // the table on the page: Both (the default) and Left are flush left
	// CellMargin is the left and right padding of every cell; 0 takes Word's 0.19 cm.
	CellMargin Length
}

// Row is a table row. Header rows (at the top) repeat on every page the table runs onto; a
// row that cannot split stays whole on one page.
type Row struct {
	Cells     []Cell
	Header    bool
	CantSplit bool
	MinHeight Length
}

// VAlign is a cell's vertical alignment.
type VAlign int

const (
	Top VAlign = iota
	Middle
	Bottom
)

// Cell is a table cell; a cell without paragraphs is written with an empty one (Word requires
// a paragraph at the end of each cell).
type Cell struct {
	Paras  []Para
	VAlign VAlign
	Shade  string // background RRGGBB; empty: none
}

func (t Table) width() Length {
	var w Length
	for _, c := range t.Widths {
		w += c
	}
	return w
}

func (t Table) writeBlock(x *xw, d *Document) error {
	for i, r := range t.Rows {
		if len(r.Cells) != len(t.Widths) {
			return fmt.Errorf("%w: row %d has %d cells, the table %d columns", ErrTable, i+1, len(r.Cells), len(t.Widths))
		}
	}
	if len(t.Widths) == 0 || len(t.Rows) == 0 {
		return fmt.Errorf("%w: a table needs at least one column and one row", ErrTable)
	}
	x.open("w:tbl")
	t.writeTblPr(x)
	x.open("w:tblGrid")
	for _, w := range t.Widths {
		x.empty("w:gridCol", "w:w", itoa(int(w)))
	}
	x.close("w:tblGrid")
	for _, r := range t.Rows {
		t.writeRow(x, d, r)
	}
	x.close("w:tbl")
	return nil
}

func (t Table) writeTblPr(x *xw) {
	x.open("w:tblPr")
	x.empty("w:tblW", "w:w", itoa(int(t.width())), "w:type", "dxa")
	switch t.Align {
	case Center:
		x.val("w:jc", "center")
	case Right:
		x.val("w:jc", "right")
	}
	if b := t.Border; b != nil {
		x.open("w:tblBorders")
		for _, side := range []string{"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"} {
			b.write(x, side)
		}
		x.close("w:tblBorders")
	}
	x.empty("w:tblLayout", "w:type", "fixed")
	if t.CellMargin > 0 {
		m := itoa(int(t.CellMargin))
		x.open("w:tblCellMar")
		x.empty("w:left", "w:w", m, "w:type", "dxa")
		x.empty("w:right", "w:w", m, "w:type", "dxa")
		x.close("w:tblCellMar")
	}
	x.empty("w:tblLook", "w:val", "0000", "w:firstRow", "0", "w:lastRow", "0",
		"w:firstColumn", "0", "w:lastColumn", "0", "w:noHBand", "1", "w:noVBand", "1")
	x.close("w:tblPr")
}

func (t Table) writeRow(x *xw, d *Document, r Row) {
	x.open("w:tr")
	if r.Header || r.CantSplit || r.MinHeight > 0 {
		x.open("w:trPr")
		if r.CantSplit {
			x.empty("w:cantSplit")
		}
		if r.MinHeight > 0 {
			x.empty("w:trHeight", "w:val", itoa(int(r.MinHeight)), "w:hRule", "atLeast")
		}
		if r.Header {
			x.empty("w:tblHeader")
		}
		x.close("w:trPr")
	}
	for i, c := range r.Cells {
		x.open("w:tc")
		x.open("w:tcPr")
		x.empty("w:tcW", "w:w", itoa(int(t.Widths[i])), "w:type", "dxa")
		if c.Shade != "" {
			x.empty("w:shd", "w:val", "clear", "w:color", "auto", "w:fill", c.Shade)
		}
		switch c.VAlign {
		case Middle:
			x.val("w:vAlign", "center")
		case Bottom:
			x.val("w:vAlign", "bottom")
		}
		x.close("w:tcPr")
		if len(c.Paras) == 0 {
			Para{NoGrid: true}.write(x, d)
		}
		for _, p := range c.Paras {
			p.write(x, d)
		}
		x.close("w:tc")
	}
	x.close("w:tr")
}
