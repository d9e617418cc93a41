package xlsxout

import (
	"fmt"
	"slices"
	"strconv"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// Table is one sheet: title rows, a table found by its header labels, and lines below it.
//
//	row 1            Titles[0], bold and merged across the table
//	rows 2…          Titles[1:], one line each, merged across
//	then             Lead, one wrapped paragraph each, merged across
//	HeaderRow()      the column labels, repeated on every printed page, with an AutoFilter
//	data rows        Row(0) … Row(N-1), then Total
//	(blank row)      Empty when N is 0, then Notes, one per row
//	(blank row)      Narrative, one wrapped paragraph merged across
//	(blank row)      Chart
type Table struct {
	Name   string   // the sheet name
	Titles []string // at least one
	Lead   []string // paragraphs between the titles and the table (a summary's narrative)
	Cols   []Column
	N      int // data rows
	// Row fills data row i into v (cleared beforehand) and returns the row's tone.
	Row func(i int, v []any) Tone
	// Signal, when above zero, is the column (1-based) that the row's tone colours; at zero the
	// tone colours the whole row. A Marked value has its own tone either way.
	Signal    int
	Total     []any    // an optional bold last row (合计), outside the filter
	Empty     string   // the note shown when N is 0
	Notes     []string // lines after the table and a blank row
	Narrative string   // a wrapped paragraph after the notes
	// Chart, when set, adds a chart below everything else, or beside the table from its
	// header row down when ChartBeside is set (a summary on one page: the page is wider than
	// tall, and a chart below would shrink the text to fit the height).
	Chart       func(f *excelize.File, at ChartPlace) error
	ChartBeside bool
	// Paper is the paper the sheet prints on. A table on A4 too wide to print there at a
	// readable size (about 8 pt) prints on A3 when it is Wide (the check file, the office's
	// own); otherwise it stays on A4 (FitA4): its wrapped columns narrowed, then in parts
	// that each repeat its first Key columns.
	Paper   Paper
	Wide    bool
	Key     int
	OnePage bool // print on one page, centred (a summary with its chart)
	// Then, when set, is a second table on the sheet, below the first, its notes and the
	// chart beside the table, whose size in pixels is ChartW × ChartH: the lead paragraphs
	// then span the table and the chart, so that they take fewer lines of the one page.
	Then           *Section
	ChartW, ChartH int
}

// Section is a second table on a sheet (汇总's 建议提案): a line naming it, its header and
// rows, an optional total, and notes, in the sheet's columns, which are as wide as either
// table needs. It has no filter and no frozen rows of its own.
type Section struct {
	Title string
	Cols  []Column
	Rows  [][]any
	Total []any
	Notes []string
}

// ChartPlace tells a Table's Chart where it goes and where the table's data is.
type ChartPlace struct {
	Sheet       string
	Anchor      string // the cell of the chart's top left corner
	Header      int    // the header row
	First, Last int    // the first and last data rows
}

// HeaderRow is the row (1-based) of the column labels.
func (t *Table) HeaderRow() int { return max(len(t.Titles), 1) + len(t.Lead) + 1 }

// MaxRows is the most data rows a table gets: a sheet holds 1,048,576 rows. (A variable only
// so that a test can lower it.)
var MaxRows = 1_000_000

// Cap returns the rows of a list of n to write, and the note under the table when the list is
// cut at MaxRows (what names the rows, e.g. 项事项).
func Cap(n int, what string) (int, []string) {
	if n <= MaxRows {
		return n, nil
	}
	return MaxRows, []string{fmt.Sprintf("另有%d%s超出工作表行数上限，未列出；完整列表见命令行输出", n-MaxRows, what)}
}

// WriteBook writes tables into the new workbook f, one sheet each in order, the first active.
func WriteBook(f *excelize.File, tables []*Table) error {
	for i, t := range tables {
		var err error
		if i == 0 {
			err = f.SetSheetName(f.GetSheetName(0), t.Name)
		} else {
			_, err = f.NewSheet(t.Name)
		}
		if err != nil {
			return fmt.Errorf("工作表 %s: %w", t.Name, err)
		}
	}
	// Before streaming: afterwards SetActiveSheet would parse every streamed sheet again.
	f.SetActiveSheet(0)
	st, err := NewStyles(f)
	if err != nil {
		return err
	}
	for _, t := range tables {
		if err := WriteTable(f, st, t); err != nil {
			return fmt.Errorf("工作表 %s: %w", t.Name, err)
		}
	}
	return nil
}

// WriteTable streams one table into its sheet, which must exist and be empty. From then on f
// saves its text as shared strings, each text stored once (share.go).
func WriteTable(f *excelize.File, st *Styles, t *Table) error {
	shareStrings(f)
	w := &tableWriter{f: f, st: st, t: t, header: t.HeaderRow(), last: xlsx.ColumnName(t.width())}
	w.kinds, w.widths = t.measure()
	w.fit = t.fit(w.kinds, w.widths)
	w.widths = w.fit.Widths
	w.leadCols = len(t.Cols)
	if extra := t.leadWidths(w.widths); len(extra) > 0 {
		w.widths = append(slices.Clip(w.widths), extra...)
		w.leadCols = len(w.widths)
		w.last = xlsx.ColumnName(len(w.widths))
	}
	w.lay = t.layout()
	if err := w.settings(); err != nil {
		return err
	}
	if err := w.open(); err != nil {
		return err
	}
	for _, phase := range []func() error{w.head, w.rows, w.below, w.section, w.chart} {
		if err := phase(); err != nil {
			return err
		}
	}
	return w.sw.Flush()
}

// tableWriter is the state of writing one table; its methods are the phases, in order.
type tableWriter struct {
	f      *excelize.File
	st     *Styles
	t      *Table
	header int
	last   string // the last column's letters
	kinds  []Kind
	widths []float64
	fit    Fit // how it prints on A4
	lay    tableLayout
	// leadCols is how many columns the lead paragraphs span: the table's, or with a section
	// below and a chart beside, those under the chart too (leadWidths).
	leadCols int
	sw       *excelize.StreamWriter

	// One row buffer reused for every row: values, their cells, and the []any SetRow takes.
	vals  []any
	cells []excelize.Cell
	out   []any
	tall  [1]excelize.RowOpts

	// Long texts written, each with the cell that holds it first, and the lines it wraps to.
	longs map[string]longText
}

// longText is a long text of a table: the cell it was first written in, its column
// (0-based), and (once known) the lines it takes in that column.
type longText struct {
	ref   string
	col   int
	lines int
}

// settings puts the sheet-level settings into the worksheet before the stream starts, because
// the stream writer copies them when it opens or flushes.
func (w *tableWriter) settings() error {
	t := w.t
	filter := xlsx.ColumnName(len(t.Cols))
	if err := w.f.AutoFilter(t.Name, fmt.Sprintf("A%d:%s%d", w.header, filter, w.header+t.N), nil); err != nil {
		return err
	}
	p := Print{Paper: t.Paper, OnePage: t.OnePage, RepeatRows: w.header, Footer: FooterPageOfN,
		Center: t.OnePage, Parts: w.fit}
	if p.Paper == A4 && t.Wide && w.totalWidth() > a4Width {
		p.Paper = A3
	}
	if err := PrintSetup(w.f, t.Name, p); err != nil {
		return err
	}
	// The stream writer writes <dimension> when it opens; readers that trust it need it right.
	return w.f.SetSheetDimension(t.Name, fmt.Sprintf("A1:%s%d", w.last, w.lay.last))
}

// open starts the stream with the column widths and the frozen header.
func (w *tableWriter) open() error {
	sw, err := w.f.NewStreamWriter(w.t.Name)
	if err != nil {
		return err
	}
	w.sw = sw
	// excelize puts each new <col> before the existing ones, and readers drop out-of-order
	// entries, so widths are set from the last column back to get them in increasing order.
	for c := len(w.widths); c >= 1; c-- {
		if err := sw.SetColWidth(c, c, w.widths[c-1]); err != nil {
			return err
		}
	}
	first := "A" + strconv.Itoa(w.header+1)
	err = sw.SetPanes(&excelize.Panes{
		Freeze: true, YSplit: w.header, TopLeftCell: first, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
	})
	if err != nil {
		return err
	}
	ncol := w.t.width()
	w.vals = make([]any, ncol)
	w.cells = make([]excelize.Cell, ncol)
	w.out = make([]any, ncol)
	for c := range w.cells {
		w.out[c] = &w.cells[c]
	}
	return nil
}

// put writes the first width cells as row r.
func (w *tableWriter) put(r, width int, opts ...excelize.RowOpts) error {
	return w.sw.SetRow("A"+strconv.Itoa(r), w.out[:width], opts...)
}

// line writes one text cell as row r, merged across the table (a part of it when the sheet
// prints in parts), or further when a line that does not wrap needs it.
func (w *tableWriter) line(r int, text string, style int, opts ...excelize.RowOpts) error {
	end := w.lineColumns()
	if style != w.st.Narrative { // a line that does not wrap: merged across as many as show it whole
		end = w.lineEnd(text, style)
	}
	return w.lineAcross(r, end, text, style, opts...)
}

// lineAcross writes one text cell as row r, merged across the first cols columns.
func (w *tableWriter) lineAcross(r, cols int, text string, style int, opts ...excelize.RowOpts) error {
	w.cells[0] = excelize.Cell{StyleID: style, Value: CellText(text)}
	if err := w.put(r, 1, opts...); err != nil {
		return err
	}
	if cols <= 1 {
		return nil // a one-cell merge is no merge (Excel never writes one)
	}
	ref := strconv.Itoa(r)
	return w.sw.MergeCell("A"+ref, xlsx.ColumnName(cols)+ref)
}

// defaultColWidth is the width of a column duban sets none for (Excel's 8.43 characters);
// maxExtra the most such columns a line is merged across beyond the table.
const (
	defaultColWidth = 9.14
	maxExtra        = 20
)

// lineEnd is the last column a one-line text is merged across: that of lineColumns, or further
// to the right when the text is wider than they are (a short table's title, 未报送单位), so
// that it is not cut at the merged cell's edge.
func (w *tableWriter) lineEnd(text string, style int) int {
	need := float64(TextWidth(text)) + widthMargin
	if style == w.st.Title {
		need = need * titleSize / 11
	}
	end, width := w.lineColumns(), w.lineWidth()
	for width < need && end < len(w.widths)+maxExtra {
		end++
		if end <= len(w.widths) {
			width += w.widths[end-1]
		} else {
			width += defaultColWidth
		}
	}
	return end
}

// head writes the title rows and the header.
func (w *tableWriter) head() error {
	for i, s := range w.t.Titles {
		style, opts := w.st.Note, []excelize.RowOpts(nil)
		if i == 0 {
			style, opts = w.st.Title, []excelize.RowOpts{{Height: titleHeight}}
		}
		if err := w.line(i+1, s, style, opts...); err != nil {
			return err
		}
	}
	first := max(len(w.t.Titles), 1) + 1
	for i, s := range w.t.Lead {
		cols, width := w.lineColumns(), w.lineWidth()
		if w.leadCols > len(w.t.Cols) {
			cols, width = w.leadCols, sum(w.widths[:w.leadCols])
		}
		h := narrativeHeight(s, width)
		if err := w.lineAcross(first+i, cols, s, w.st.Narrative, excelize.RowOpts{Height: h}); err != nil {
			return err
		}
	}
	for c, col := range w.t.Cols {
		w.cells[c] = excelize.Cell{StyleID: w.st.Header, Value: CellText(col.Label)}
	}
	return w.put(w.header, len(w.t.Cols))
}

// rows writes the data rows and the total.
func (w *tableWriter) rows() error {
	t := w.t
	vals := w.vals[:len(t.Cols)]
	for i := 0; i < t.N; i++ {
		clear(vals)
		w.fill(w.header+1+i, vals, t.Row(i, vals), false)
		if err := w.put(w.header+1+i, len(t.Cols), w.height(vals)...); err != nil {
			return err
		}
	}
	if t.Total == nil {
		return nil
	}
	w.fill(w.header+1+t.N, t.Total, None, true)
	return w.put(w.header+1+t.N, len(t.Cols))
}

// fill turns the values of row r into its cells, each as a cell can hold it (CellText,
// CellNumber), a long text seen before as a reference to it (repeat).
func (w *tableWriter) fill(r int, v []any, rt Tone, bold bool) {
	for c, x := range v {
		tn := rt
		if w.t.Signal > 0 && c != w.t.Signal-1 {
			tn = None
		}
		switch y := x.(type) {
		case Marked:
			x, tn = w.repeat(c, r, CellText(y.Text)), y.Tone
		case Date:
			x = int(y)
		case Rate:
			x = CellNumber(float64(y))
		case float64:
			x = CellNumber(y)
		case string:
			if y == "" {
				x = nil
			} else if t := w.repeat(c, r, CellText(y)); t != y {
				x = t // else x, already holding y, is not boxed again (an allocation a cell)
			}
		}
		w.cells[c] = excelize.Cell{StyleID: w.st.Cell(w.kinds[c], tn, bold), Value: x}
	}
}

// height gives wrapped text the height of its lines: readers do not all fit rows to their
// text (LibreOffice draws the lines over the next row).
func (w *tableWriter) height(v []any) []excelize.RowOpts {
	lines := 1
	for c, x := range v {
		if w.kinds[c] != KindWrap {
			continue
		}
		switch y := x.(type) {
		case string:
			lines = max(lines, w.wrapped(y, c))
		case Marked:
			lines = max(lines, w.wrapped(y.Text, c))
		}
	}
	if lines == 1 {
		return nil
	}
	w.tall[0].Height = RowHeight(lines)
	return w.tall[:]
}

// below writes the lines below the table, after one blank row, and the narrative.
func (w *tableWriter) below() error {
	for i, s := range w.lay.lines {
		w.cells[0] = excelize.Cell{StyleID: w.st.Note, Value: CellText(s)}
		if err := w.put(w.lay.linesFrom+i, 1); err != nil {
			return err
		}
	}
	if w.lay.narrative == 0 {
		return nil
	}
	h := narrativeHeight(w.t.Narrative, w.lineWidth())
	return w.line(w.lay.narrative, w.t.Narrative, w.st.Narrative, excelize.RowOpts{Height: h})
}

// lineColumns is how many columns the title lines and paragraphs are merged across: all, or
// when the table prints in parts its key columns, which every part repeats, so that each
// page shows its titles whole.
func (w *tableWriter) lineColumns() int {
	if len(w.fit.Breaks) > 0 {
		return w.fit.Key
	}
	return len(w.t.Cols)
}

// lineWidth is the width of the columns of lineColumns.
func (w *tableWriter) lineWidth() float64 {
	return sum(w.widths[:w.lineColumns()])
}

// totalWidth is the width of all the table's columns.
func (w *tableWriter) totalWidth() float64 {
	total := 0.0
	for _, x := range w.widths {
		total += x
	}
	return total
}

// chart adds the table's chart; charts are placed by column widths, so they go in after
// SetColWidth.
func (w *tableWriter) chart() error {
	if w.t.Chart == nil {
		return nil
	}
	anchor := "A" + strconv.Itoa(w.lay.last+2)
	if w.t.ChartBeside {
		anchor = xlsx.ColumnName(len(w.t.Cols)+1) + strconv.Itoa(w.header)
	}
	return w.t.Chart(w.f, ChartPlace{
		Sheet: w.t.Name, Anchor: anchor,
		Header: w.header, First: w.header + 1, Last: w.header + w.t.N,
	})
}

// tableLayout is where the parts of a sheet go below the table.
type tableLayout struct {
	lines     []string // one-line notes, from row linesFrom
	linesFrom int
	narrative int // row of the narrative, 0 if none
	then      int // row of the title of the second table (Then), 0 if none
	last      int // last used row
}

func (t *Table) layout() tableLayout {
	end := t.HeaderRow() + t.N
	if t.Total != nil {
		end++
	}
	lay := tableLayout{linesFrom: end + 2, last: end}
	if t.N == 0 && t.Empty != "" {
		lay.lines = append(lay.lines, t.Empty)
	}
	lay.lines = append(lay.lines, t.Notes...)
	if len(lay.lines) > 0 {
		lay.last = lay.linesFrom + len(lay.lines) - 1
	}
	if t.Narrative != "" {
		lay.narrative = lay.last + 2
		lay.last = lay.narrative
	}
	if sec := t.Then; sec != nil {
		lay.then = max(lay.last+2, t.HeaderRow()+(t.ChartH+rowPixels-1)/rowPixels+1)
		lay.last = lay.then + 1 + len(sec.Rows)
		if sec.Total != nil {
			lay.last++
		}
		if len(sec.Notes) > 0 {
			lay.last += 1 + len(sec.Notes)
		}
	}
	return lay
}

// rowPixels is the height of a row of one line (15 pt), and colPixels the pixels of a column
// width unit, as Excel lays a sheet out in 11-point text.
const (
	rowPixels = 20
	colPixels = 7
)

// leadWidths are the widths of the columns the lead paragraphs span beyond widths (the
// table's and the section's): with a chart beside the table and a section below, columns as
// wide as the part of the chart that is right of them; else none.
func (t *Table) leadWidths(widths []float64) []float64 {
	if t.Then == nil || !t.ChartBeside || t.ChartW == 0 {
		return nil
	}
	target := sum(widths[:len(t.Cols)]) + float64(t.ChartW)/colPixels
	have := sum(widths)
	var extra []float64
	for have < target {
		w := min(defaultWidth, target-have)
		extra = append(extra, w)
		have += w
	}
	return extra
}

// defaultWidth is Excel's width of a column it was given none.
const defaultWidth = 9

// width is how many columns the sheet's tables take.
func (t *Table) width() int {
	if t.Then != nil {
		return max(len(t.Cols), len(t.Then.Cols))
	}
	return len(t.Cols)
}

// measure returns each column's kind (text too wide for a column becomes wrapped) and width,
// from the header and the first sampleRows data rows; a column with a Width keeps it.
func (t *Table) measure() ([]Kind, []float64) {
	ncol := len(t.Cols)
	kinds := make([]Kind, ncol)
	widest := make([]int, ncol)
	for c, col := range t.Cols {
		kinds[c] = col.Kind
		widest[c] = TextWidth(col.Label)
	}
	see := func(v []any) {
		for c, x := range v {
			if w := valueWidth(x); w > widest[c] {
				widest[c] = w
			}
		}
	}
	row := make([]any, ncol)
	for i := 0; i < t.N && i < sampleRows; i++ {
		clear(row)
		t.Row(i, row)
		see(row)
	}
	if t.Total != nil {
		see(t.Total)
	}
	widths := make([]float64, ncol)
	for c, col := range t.Cols {
		if col.Width > 0 {
			widths[c] = col.Width
			continue
		}
		w := widest[c] + widthMargin
		if kinds[c] == KindDate { // yyyy-mm-dd needs no more than a width unit to spare
			w = max(TextWidth(col.Label)+widthMargin, valueWidth(Date(0))+dateMargin)
		}
		limit := maxWidth
		switch {
		case col.Whole:
			limit = maxWhole
		case kinds[c] == KindWrap:
			limit = maxWrap
		}
		if w > limit {
			w = limit
			kinds[c] = KindWrap
		}
		widths[c] = float64(max(w, minWidth))
	}
	if t.Then != nil {
		kinds, widths = t.Then.measure(kinds, widths)
	}
	return kinds, widths
}

// measure widens the first table's columns (kinds, widths) to fit the section's values, and
// adds the columns the first table does not have.
func (sec *Section) measure(kinds []Kind, widths []float64) ([]Kind, []float64) {
	for c, col := range sec.Cols {
		w := TextWidth(col.Label)
		for _, row := range append(sec.Rows, sec.Total) {
			if c < len(row) {
				w = max(w, valueWidth(row[c]))
			}
		}
		w = min(w+widthMargin, maxWidth)
		if c < len(widths) {
			widths[c] = max(widths[c], float64(w))
			continue
		}
		kinds = append(kinds, col.Kind)
		widths = append(widths, float64(max(w, minWidth)))
	}
	return kinds, widths
}

// fit fits the measured columns to A4 (FitA4), unless the table may print on A3.
func (t *Table) fit(kinds []Kind, widths []float64) Fit {
	if t.Wide || t.Paper != A4 {
		return Fit{Widths: widths}
	}
	wrap := make([]bool, len(widths))
	for c, col := range t.Cols {
		wrap[c] = kinds[c] == KindWrap && col.Width == 0 && !col.Whole
	}
	return FitA4(widths, wrap, t.Key)
}

// section writes the second table (Then): its title line, header, rows and total, each cell
// styled by the section's own column kinds, and its notes.
func (w *tableWriter) section() error {
	sec := w.t.Then
	if sec == nil {
		return nil
	}
	r := w.lay.then
	w.cells[0] = excelize.Cell{StyleID: w.st.Note, Value: CellText(sec.Title)}
	if err := w.put(r, 1); err != nil {
		return err
	}
	for c, col := range sec.Cols {
		w.cells[c] = excelize.Cell{StyleID: w.st.Header, Value: CellText(col.Label)}
	}
	if err := w.put(r+1, len(sec.Cols)); err != nil {
		return err
	}
	r += 2
	rows := sec.Rows
	if sec.Total != nil {
		rows = append(rows[:len(rows):len(rows)], sec.Total)
	}
	for i, v := range rows {
		bold := sec.Total != nil && i == len(rows)-1
		for c := range sec.Cols {
			var x any
			if c < len(v) {
				x = v[c]
			}
			switch y := x.(type) {
			case Rate:
				x = CellNumber(float64(y))
			case string:
				if y == "" {
					x = nil
				} else {
					x = CellText(y)
				}
			}
			w.cells[c] = excelize.Cell{StyleID: w.st.Cell(sec.Cols[c].Kind, None, bold), Value: x}
		}
		if err := w.put(r, len(sec.Cols)); err != nil {
			return err
		}
		r++
	}
	if len(sec.Notes) > 0 {
		r++
	}
	for _, s := range sec.Notes {
		w.cells[0] = excelize.Cell{StyleID: w.st.Note, Value: CellText(s)}
		if err := w.put(r, 1); err != nil {
			return err
		}
		r++
	}
	return nil
}
