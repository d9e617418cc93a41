package sheets

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// DefaultMaxUnzip is the default limit on a workbook's total uncompressed size (--max-unzip).
const DefaultMaxUnzip = xlsx.DefaultMaxUnzip

// ReadOptions control how workbooks are opened.
type ReadOptions struct {
	Password string // --password: one password for every encrypted workbook
	MaxUnzip int64  // --max-unzip: refuse larger workbooks; 0 means DefaultMaxUnzip
	// Name is how the file is named in problems and 来源 (see Names); "" means its base name.
	Name string
}

// maxPrealloc bounds the rows reserved ahead of reading a sheet.
const maxPrealloc = 1 << 14

// headerScanRows is how many non-blank rows at the top of a sheet are searched for the header.
const headerScanRows = 30

// ReadFile reads one workbook. Every visible sheet with a recognisable header row is a ledger
// sheet and gives its data rows; every other sheet is skipped with a notice. A workbook that
// cannot be read whole — damaged, legacy .xls/.et, encrypted, too large — gives no rows and a
// single error naming the file: a file is used whole or not at all.
func ReadFile(path string, d *Dict, opt ReadOptions) (rows []RawRow, probs []Problem) {
	l := ReadLedger(path, d, opt)
	return l.Rows, l.Problems
}

// Ledger is one workbook as read: the data rows of its ledger sheets, the problems found
// reading it, and what became of the rows of each ledger sheet.
type Ledger struct {
	Rows     []RawRow
	Problems []Problem
	Sheets   []SheetTally // one per ledger sheet, in workbook order
}

// ReadLedger is ReadFile with the tally of each ledger sheet's rows.
func ReadLedger(path string, d *Dict, opt ReadOptions) Ledger {
	name := cmp.Or(opt.Name, filepath.Base(path))
	file, err := os.Open(path)
	if err == nil {
		defer file.Close()
		var fi os.FileInfo
		if fi, err = file.Stat(); err == nil {
			return readFrom(name, file, fi.Size(), d, opt)
		}
	}
	return Ledger{Problems: []Problem{{Pos: Pos{File: name}, Level: Error, Msg: fmt.Sprintf(msgCannotOpen, err)}}}
}

// readFrom reads a workbook of size bytes from ra; name is its file name. A panic of a
// library is an error for this file, not the end of the run.
func readFrom(name string, ra io.ReaderAt, size int64, d *Dict, opt ReadOptions) (l Ledger) {
	r := &reader{file: name, dict: d, unit: unitFromFileName(path.Base(name))}
	defer func() {
		if p := recover(); p != nil {
			l = Ledger{Problems: []Problem{{Pos: Pos{File: name}, Level: Error, Msg: damaged(detPanic, p).Error()}}}
		}
	}()
	if err := r.read(ra, size, opt); err != nil {
		return Ledger{Problems: []Problem{{Pos: Pos{File: name}, Level: Error, Msg: err.Error()}}}
	}
	if r.form && len(r.rows) == 0 && Count(r.probs, Error) == 0 {
		r.probs = append(r.probs, Problem{Pos: Pos{File: name}, Level: Warning, Msg: msgBlankForm})
	}
	return Ledger{Rows: r.rows, Problems: r.probs, Sheets: r.tallies}
}

// fileError is why a whole file was refused; its text is the user's message.
type fileError string

func (e fileError) Error() string { return string(e) }

func damaged(format string, a ...any) error {
	return fileError(fmt.Sprintf(msgDamaged, fmt.Sprintf(format, a...)))
}

// reader holds the state of reading one workbook.
type reader struct {
	file     string // base name
	dict     *Dict
	unit     string // unit from the file name
	date1904 bool
	rows     []RawRow
	probs    []Problem
	skipped  []string     // why each skipped sheet was skipped
	form     bool         // a submission form written by duban template
	tallies  []SheetTally // what became of the rows of each ledger sheet
}

func (r *reader) notice(p Pos, raw, msg string) {
	p.File = r.file
	r.probs = append(r.probs, Problem{Pos: p, Level: Notice, Raw: raw, Msg: msg})
}

// skipSheet gives the notice for a sheet that is not read, and keeps the reason for the
// file's one error should no sheet of it be a ledger.
func (r *reader) skipSheet(sheet, msg, why string) {
	r.notice(Pos{Sheet: sheet}, "", msg)
	r.skipped = append(r.skipped, fmt.Sprintf(why, sheet))
}

// read opens the workbook (xlsx.Open reads every sheet, or refuses the whole file) and reads
// each ledger sheet.
func (r *reader) read(ra io.ReaderAt, size int64, opt ReadOptions) error {
	book, err := xlsx.Open(ra, size, xlsx.Options{Password: opt.Password, MaxUnzip: opt.MaxUnzip})
	if err != nil {
		return openError(r.file, err)
	}
	r.date1904 = book.Date1904
	names := make([]string, len(book.Sheets))
	for i, s := range book.Sheets {
		names[i] = s.Name
	}
	if book.Description == reportDescription || isOwnReportByNames(names) {
		r.notice(Pos{}, "", msgOwnReport)
		return nil
	}
	if book.Description == AnnotatedDescription && slices.Contains(names, SheetIssues) {
		r.notice(Pos{}, "", msgOwnAnnotated)
		return nil
	}
	r.form = book.Description == FormDescription
	ledgers := 0
	for _, s := range book.Sheets {
		switch {
		case book.Description == FormDescription && (s.Name == FormGuideSheet || s.Name == FormListSheet):
			continue // a returned submission form: its instructions and lists need no notice
		case s.Hidden:
			r.skipSheet(s.Name, msgHiddenSheet, whyHidden)
			continue
		case s.Kind != xlsx.Worksheet:
			r.skipSheet(s.Name, msgNotWorksheet, whyNotWorksheet)
			continue
		}
		if r.readSheet(s.Name, s) {
			ledgers++
		}
	}
	if ledgers == 0 {
		// One error names the file and says why, instead of a notice per sheet.
		msg := fmt.Sprintf(msgNoLedger, strings.Join(r.skipped, "；"))
		r.probs = []Problem{{Pos: Pos{File: r.file}, Level: Error, Msg: msg}}
	}
	return nil
}

type cellRange struct{ c1, r1, c2, r2 int }

// ---- one sheet ----

// Disposition is what became of one non-blank row of a ledger sheet. Every such row has
// exactly one, decided in one place (sheetReader.dispose), so that no row is ever lost
// without a word (SPEC §5).
type Disposition uint8

// The dispositions of a row.
const (
	RowTitle    Disposition = iota // a title or information line above the header (填报单位：…)
	RowHeading                     // a group heading in the data (一、市政府常务会议议定事项)
	RowHeader                      // a header row: the first, a repeated one, another table's, or their second rows
	RowData                        // given to validation: it becomes an item, joins one, or is excluded there
	RowFooter                      // a footer line (填表人：…, 注：…, 合计)
	RowPassed                      // passed over: a notice says why (column numbers, only unknown columns), or it holds only a 序号
	RowExcluded                    // excluded by the reader with an error: a data row that no header reads
	NumDispositions
)

var dispositionLabels = [NumDispositions]string{
	labelRowTitle, labelRowHeading, labelRowHeader, labelRowData, labelRowFooter, labelRowPassed, labelRowExcluded,
}

// String returns the Chinese name of d, as the clerk's check file shows it.
func (d Disposition) String() string {
	if d >= NumDispositions {
		return ""
	}
	return dispositionLabels[d]
}

// SheetTally counts what became of the non-blank rows of one ledger sheet. The counts add up
// to the sheet's non-blank rows.
type SheetTally struct {
	File, Sheet string
	Rows        [NumDispositions]int // by disposition
}

// Read is the sheet's share of N in the row proof (读取N行): the rows given to validation and
// the rows the reader excluded.
func (t SheetTally) Read() int { return t.Rows[RowData] + t.Rows[RowExcluded] }

// sheetReader turns the rows of one sheet into RawRows.
type sheetReader struct {
	*reader
	sheet   string
	merges  []cellRange
	unit    string // 填报单位 of this sheet, else of the file name
	lastRow int    // the sheet's last row number, 0 if unknown
	tally   SheetTally

	// The year in the title or 填报日期 line above the header (yearFrom says which).
	year     int
	yearFrom string

	first   int             // the row of the sheet's first header: the rows above it are not in any table
	upper   int             // the row above the first header that is its upper row (group names only), or 0
	stacked []stackedHeader // the headers under the first that start found among the top rows

	// The header in force: the sheet's first, or the last other table's.
	cols      [NumFields]int
	alt       [NumFields]int // a second column for the field, read where the first is blank
	known     []bool         // by column-1: the column is a field or 序号
	headerEnd int            // the header's last row (its sub-header row, if any)

	cells     []xlsx.Row // the sheet's rows as read, for the kinds of their cells
	kindRow   int        // index into cells of the row kindAt last found
	active    []activeMerge
	nextMerge int // index into dataMerge
	dataMerge []cellRange
	seenData  bool   // a non-blank row under the header was seen
	group     string // the text of the last group heading (一、市政府常务会议议定事项)
	groupRow  int    // its row
	lastData  int    // the row of the last data row
	inFooter  bool

	namesRow, namesVal int // names of row namesRow, kept for the row after it
}

// uncalculated stands, in the rows the sheet code reads, for a formula whose result the file
// does not hold: a cell with content, which reaches RawRow as Kinds[f] = xlsx.Uncalculated.
const uncalculated = "\x00未计算的公式"

// textRow is a row's cell values as the sheet code reads them.
type textRow struct {
	N     int
	Cells []string
}

// textRows gives the values of rows, cut from one slab.
func textRows(rows []xlsx.Row) []textRow {
	n := 0
	for _, r := range rows {
		n += len(r.Cells)
	}
	slab := make([]string, n)
	out := make([]textRow, len(rows))
	for i, r := range rows {
		cells := slab[:len(r.Cells):len(r.Cells)]
		slab = slab[len(r.Cells):]
		for j, c := range r.Cells {
			cells[j] = c.Value
			if c.Kind == xlsx.Uncalculated {
				cells[j] = uncalculated
			}
		}
		out[i] = textRow{r.N, cells}
	}
	return out
}

// kindAt is the kind of the cell at row n, column c (1-based).
func (s *sheetReader) kindAt(n, c int) xlsx.Kind {
	i := s.kindRow // rows come in order: usually the row of the last call
	if i >= len(s.cells) || s.cells[i].N != n {
		var ok bool
		if i, ok = slices.BinarySearchFunc(s.cells, n, func(r xlsx.Row, n int) int { return r.N - n }); !ok {
			return xlsx.Blank
		}
		s.kindRow = i
	}
	if c < 1 || c > len(s.cells[i].Cells) {
		return xlsx.Blank
	}
	return s.cells[i].Cells[c-1].Kind
}

// take puts the value v of the cell at row n, column c into field f of out.
func (s *sheetReader) take(out *RawRow, f Field, n, c int, v string) {
	if v == uncalculated {
		out.Vals[f], out.Kinds[f] = "", xlsx.Uncalculated
		return
	}
	out.Vals[f], out.Kinds[f] = v, s.kindAt(n, c)
}

type activeMerge struct {
	cellRange
	val string
}

// stackedHeader is a header row under the sheet's first, and whether it has a sub-header row.
type stackedHeader struct {
	row int
	sub bool
}

// readSheet reads one worksheet; it reports whether it was a ledger sheet. The fast reader
// lists only the rows that hold a value, so a sheet formatted down to row 1,048,576 costs
// only its real rows.
func (r *reader) readSheet(sheet string, xs *xlsx.Sheet) bool {
	merges := make([]cellRange, len(xs.Merges))
	for i, m := range xs.Merges {
		merges[i] = cellRange{m.C1, m.R1, m.C2, m.R2}
	}
	s := &sheetReader{reader: r, sheet: sheet, merges: merges, unit: r.unit, lastRow: xs.LastRow, cells: xs.Rows}
	fs := struct{ Rows []textRow }{textRows(xs.Rows)}
	// The rows the header is searched among, by row-1 (nil for blank rows).
	var top [][]string
	nonBlank := 0
	for _, row := range fs.Rows {
		if blank(row.Cells) {
			continue
		}
		for len(top) < row.N-1 {
			top = append(top, nil)
		}
		top = append(top, row.Cells)
		if nonBlank++; nonBlank > headerScanRows {
			break
		}
	}
	if nonBlank == 0 {
		r.skipSheet(sheet, msgEmptySheet, whyEmpty)
		return false
	}
	if !s.start(top) {
		r.skipSheet(sheet, msgNoHeader, whyNoHeader)
		return false
	}
	first := len(s.rows)
	defer func() {
		for i := range s.rows[first:] {
			s.rows[first+i].TitleYear, s.rows[first+i].TitleYearFrom = s.year, s.yearFrom
		}
	}()
	for i := range fs.Rows {
		var next []string
		if i+1 < len(fs.Rows) && fs.Rows[i+1].N == fs.Rows[i].N+1 {
			next = fs.Rows[i+1].Cells
		}
		s.row(fs.Rows[i].N, fs.Rows[i].Cells, next)
	}
	r.tallies = append(r.tallies, s.tally)
	return true
}

// start finds the sheet's first header among the top rows and takes its columns. The header
// naming the most known columns is found first; a table stacked above it (一、… over 二、…)
// has a header of its own, and the first of those is where reading starts. start returns
// false when there is no header.
func (s *sheetReader) start(top [][]string) bool {
	h, sub, ok := s.findHeader(top)
	if !ok {
		return false
	}
	for {
		above, asub, ok := s.findHeader(top[:h])
		if !ok {
			break
		}
		s.stacked = append(s.stacked, stackedHeader{h + 1, sub})
		h, sub = above, asub
	}
	slices.Reverse(s.stacked)
	s.tally.File, s.tally.Sheet = s.file, s.sheet
	s.first = h + 1
	if !sub && h > 0 && s.isUpperRow(top[h-1], top[h], h) {
		s.upper = h
	}
	if u := unitFromLines(top[:h]); u != "" {
		s.unit = u
	}
	s.year, s.yearFrom = yearFromLines(top[:h], s.date1904)
	var lower []string
	if sub {
		lower = top[h+1]
	}
	s.useHeader(s.mapHeader(top[h], lower), h+1, sub)
	// Room for the rows to come, but no more than a sheet of real rows needs: whole-column
	// formatting makes the last <row> of a near-empty sheet 1,048,576.
	if s.lastRow > s.headerEnd {
		s.rows = slices.Grow(s.rows, min(s.lastRow-s.headerEnd, maxPrealloc))
	}
	return true
}

// useHeader reads the rows under the header at row n (with its sub-header row when sub) by
// its columns, and says which of its columns are not read.
func (s *sheetReader) useHeader(hd header, n int, sub bool) {
	s.cols, s.known, s.alt = hd.cols, hd.known, [NumFields]int{}
	at := Pos{Sheet: s.sheet, Row: n}
	if len(hd.unknown) > 0 {
		list := strings.Join(hd.unknown, "、")
		s.notice(at, list, fmt.Sprintf(msgUnknownCols, list))
	}
	for _, d := range hd.dups {
		s.notice(at, d.field.String(), fmt.Sprintf(msgDupColumn, d.field, ColumnName(d.kept), ColumnName(d.dropped), ColumnName(d.kept)))
		if s.alt[d.field] == 0 {
			s.alt[d.field] = d.dropped
		}
	}
	s.headerEnd = n
	if sub {
		s.headerEnd++
	}
	// Merges that start under the header, over a field's column: sorted by first row.
	s.dataMerge = s.dataMerge[:0]
	for _, m := range s.merges {
		if m.r1 > s.headerEnd && (m.r2 > m.r1 || m.c2 > m.c1) && s.coversField(m) {
			s.dataMerge = append(s.dataMerge, m)
		}
	}
	sortRanges(s.dataMerge)
	s.nextMerge, s.active = 0, s.active[:0]
	s.seenData, s.inFooter = false, false
}

func (s *sheetReader) coversField(m cellRange) bool {
	for _, c := range s.cols {
		if c >= m.c1 && c <= m.c2 {
			return true
		}
	}
	return false
}

func sortRanges(rs []cellRange) {
	slices.SortStableFunc(rs, func(a, b cellRange) int { return a.r1 - b.r1 })
}

// row reads row n; next is the row under it when that is row n+1 and holds a value.
func (s *sheetReader) row(n int, cells, next []string) {
	s.advanceMerges(n, cells)
	if blank(cells) {
		return
	}
	s.tally.Rows[s.dispose(n, cells, next)]++
}

// dispose decides what the non-blank row n is and does what that asks — a notice, an error,
// a header's columns taken, a RawRow for validation — and returns its disposition. It is the
// one place where a row's fate is decided, and it decides one for every row.
func (s *sheetReader) dispose(n int, cells, next []string) Disposition {
	if n < s.first {
		return s.above(n, cells)
	}
	if n <= s.headerEnd {
		return RowHeader
	}
	at := Pos{Sheet: s.sheet, Row: n}
	if s.headerAt(n, cells, next) {
		return RowHeader
	}
	if !s.inGroup(n) && s.isFooter(cells) {
		s.inFooter = true
		s.notice(at, joinCells(cells), msgFooter)
		return RowFooter
	}
	if text, ok := s.heading(cells); ok && !s.inGroup(n) {
		s.group, s.groupRow = text, n
		s.notice(at, joinCells(cells), msgHeading)
		return RowHeading
	}
	if !s.seenData && s.isNumberRow(cells) {
		s.seenData = true
		s.notice(at, joinCells(cells), msgNumberRow)
		return RowPassed
	}
	s.seenData = true
	return s.data(n, cells)
}

// above decides a row above the sheet's first header: a title or information line, the upper
// row of the header, or a row that looks like data but that no header reads — an error at its
// first cell, never a silent skip.
func (s *sheetReader) above(n int, cells []string) Disposition {
	if n == s.upper {
		return RowHeader
	}
	filled := 0
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			filled++
		}
	}
	switch {
	case filled < 3 || s.isInfoLine(cells):
		return RowTitle
	case s.onlyNames(cells):
		return RowHeader // a table's header naming too few columns to be read
	}
	s.probs = append(s.probs, Problem{Pos: Pos{File: s.file, Sheet: s.sheet, Row: n}, Level: Error,
		Raw: joinCells(cells), Msg: fmt.Sprintf(msgAboveHeader, s.first)})
	return RowExcluded
}

// isInfoLine reports whether a row above the header is a line such as 填报单位：XX局 or
// 填报日期：… rather than data.
func (s *sheetReader) isInfoLine(cells []string) bool {
	for _, v := range cells {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		if labelled(v) || unitLabel.MatchString(v) {
			return true
		}
	}
	return false
}

// isUpperRow reports whether row n (cells), right above the header row under it, is the
// header's upper row whose group cells name no field of their own: not a title or
// information line, no numbers, a column name or 序号 among its cells (a data row has
// neither), and merged as a header is (a cell merged down, or a group cell across named
// columns) or over a row of nothing but column names.
func (s *sheetReader) isUpperRow(cells, header []string, n int) bool {
	filled, named := 0, false
	for _, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			if plainNumber(v) {
				return false
			}
			if !named {
				_, named = s.dict.Column(v)
				named = named || isSeqHeader(v)
			}
			filled++
		}
	}
	return filled >= 2 && named && !s.isInfoLine(cells) && (s.subByMerge(n, header) || s.onlyNames(header))
}

// data turns a data row into a RawRow for validation.
func (s *sheetReader) data(n int, cells []string) Disposition {
	out := RawRow{Pos: Pos{File: s.file, Sheet: s.sheet, Row: n}, Cols: s.cols, Date1904: s.date1904, UnitFromFile: s.unit}
	own := false
	for f, c := range s.cols {
		if c > 0 && c <= len(cells) {
			if v := strings.TrimSpace(cells[c-1]); v != "" {
				s.take(&out, Field(f), n, c, v)
				own = true
			}
		}
		if a := s.alt[f]; a > 0 && a <= len(cells) && out.Blank(Field(f)) {
			if v := strings.TrimSpace(cells[a-1]); v != "" {
				s.take(&out, Field(f), n, a, v) // 完成时限 empty, 办结时限 filled: the value is not lost
				own = true
			}
		}
	}
	if !own {
		// Only unknown columns, or text (not a bare number) in the 序号 column: said, and the
		// group heading above no longer applies. A row with only its 序号 is passed silently.
		for c, v := range cells {
			v = strings.TrimSpace(v)
			if v != "" && (c >= len(s.known) || !s.known[c] || !isNumber(v)) {
				s.notice(Pos{Sheet: s.sheet, Row: n}, joinCells(cells), msgOnlyUnknown)
				s.group = ""
				break
			}
		}
		return RowPassed
	}
	for i := range s.active {
		m := &s.active[i]
		for f, c := range s.cols {
			if c >= m.c1 && c <= m.c2 && out.Blank(Field(f)) {
				s.take(&out, Field(f), m.r1, m.c1, m.val)
			}
		}
	}
	out.Group = s.group
	s.rows = append(s.rows, out)
	s.lastData = n
	return RowData
}

// headerAt reports whether row n, under the header in force, is a header row: the header
// repeated (the same fields in the same columns, or a row of nothing but column names in the
// mapped columns), or the header of another table stacked under the first, whose columns are
// read from here on. A header is recognised as findHeader recognises the first — at least
// three known column names, among them 事项内容, 会议 or 落实状态, with the row under it when
// that is its sub-header — or is the upper row of a two-row header over such a row. Each is
// said in a notice at its first row.
func (s *sheetReader) headerAt(n int, cells, next []string) bool {
	for len(s.stacked) > 0 && s.stacked[0].row < n {
		s.stacked = s.stacked[1:] // read as part of another header
	}
	var sub bool
	switch names := s.names(n, cells); {
	case len(s.stacked) > 0 && s.stacked[0].row == n:
		sub = s.stacked[0].sub
		s.stacked = s.stacked[1:]
	case names >= 3:
		sub = next != nil && s.isSubHeader(cells, next, n)
	case names >= 0 && next != nil && s.names(n+1, next) >= 3 && s.isUpperRow(cells, next, n):
		sub = true
	default:
		return false
	}
	var lower []string
	if sub {
		lower = next
	}
	hd := s.mapHeader(cells, lower)
	at := Pos{Sheet: s.sheet, Row: n}
	switch {
	case s.sameColumns(&hd):
		s.notice(at, joinCells(cells), msgHeaderAgain)
		if sub {
			s.headerEnd = n + 1
		}
	case hd.count >= 3 && hd.key():
		if s.groupRow < s.lastData {
			s.group = "" // the heading belonged to the table above
		}
		s.notice(at, joinCells(cells), fmt.Sprintf(msgNewHeader, columnList(&hd)))
		s.useHeader(hd, n, sub)
	case s.isHeaderAgain(cells):
		s.notice(at, joinCells(cells), msgHeaderAgain)
	default:
		return false
	}
	return true
}

// names counts the known column names among a row's cells, cheaply for the data rows it is
// asked about: a header row names a column (or 序号) in its first filled cell, so a row whose
// first filled cell other than 序号 is a plain number (a 序号, an Excel date) gives -1 and
// one whose first is any other text that is not a column name gives 0, each after one look.
// The count of row n is kept for the row after it.
func (s *sheetReader) names(n int, cells []string) int {
	if n == s.namesRow {
		return s.namesVal
	}
	k := 0
scan:
	for _, v := range cells {
		v = strings.TrimSpace(v)
		switch {
		case v == "":
		case k == 0 && plainNumber(v):
			k = -1
			break scan
		case len(v) <= 12 && isSeqHeader(v):
		case s.isName(v):
			k++
		case k == 0:
			break scan
		}
	}
	s.namesRow, s.namesVal = n, k
	return k
}

func (s *sheetReader) isName(v string) bool {
	_, ok := s.dict.Column(v)
	return ok
}

// plainNumber reports whether v is written as a plain decimal number (12, 45291, 3.5), without
// the allocation of a failed strconv.ParseFloat.
func plainNumber(v string) bool {
	digits, dot := 0, false
	for i := 0; i < len(v); i++ {
		switch c := v[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.' && !dot:
			dot = true
		case c == '-' && i == 0:
		default:
			return false
		}
	}
	return digits > 0
}

// sameColumns reports whether a header row maps each field it names to the column the header
// in force reads it from: the header repeated, perhaps with other spellings.
func (s *sheetReader) sameColumns(hd *header) bool {
	k := 0
	for f, c := range hd.cols {
		if c == 0 {
			continue
		}
		if c != s.cols[f] && c != s.alt[f] {
			return false
		}
		k++
	}
	return k > 0
}

// columnList names a header's columns, left to right, for the notice of a new table:
// 事项内容（B列）、类别（C列）.
func columnList(hd *header) string {
	var parts []string
	for c := 1; c <= len(hd.known); c++ {
		for f, fc := range hd.cols {
			if fc == c {
				parts = append(parts, fmt.Sprintf("%s（%s列）", Field(f), ColumnName(c)))
			}
		}
	}
	return strings.Join(parts, "、")
}

// heading reports whether a row is a group heading inside the data — one cell of text such
// as 一、市政府常务会议议定事项 or （二）市长批示件, numbered or naming a category, and not in
// the 事项内容 column (a lone content cell is an item with its other cells still empty) — and
// the text it carries.
func (s *sheetReader) heading(cells []string) (text string, ok bool) {
	col := 0
	for c, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			if text != "" {
				return "", false
			}
			text, col = v, c+1
		}
	}
	if text == "" || col == s.cols[FieldContent] {
		return "", false
	}
	if headingNumber.MatchString(text) {
		return text, true
	}
	_, known := s.dict.CategoryOf(text)
	if !known {
		_, known = s.dict.Category(text)
	}
	return text, known && len([]rune(text)) <= 30
}

// headingNumber is the numbering of a group heading: 一、 （二） 3. 第四部分
var headingNumber = regexp.MustCompile(`^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十]+(?:部分|类)[、：:\s]*)`)

// isHeaderAgain reports whether a row repeats the header (tables pasted together, or a header
// repeated for printing): at least three of its filled mapped cells, and all of them, are
// column names.
func (s *sheetReader) isHeaderAgain(cells []string) bool {
	named := 0
	for _, c := range s.cols {
		if c == 0 || c > len(cells) || strings.TrimSpace(cells[c-1]) == "" {
			continue
		}
		// Any column name will do: the upper row of a two-row header has its group names
		// (落实情况 over 落实状态 …) in other columns.
		if _, ok := s.dict.Column(cells[c-1]); !ok {
			return false // a data row: its first filled cell already says so
		}
		named++
	}
	return named >= 3
}

// inGroup reports whether row n continues a vertical merge of the data (a group of items
// under one meeting or category); such a row is never a footer.
func (s *sheetReader) inGroup(n int) bool {
	for _, m := range s.active {
		if m.r1 < n {
			return true
		}
	}
	return false
}

// advanceMerges keeps the merges covering row n active, with the value of their first cell.
func (s *sheetReader) advanceMerges(n int, cells []string) {
	k := 0
	for _, m := range s.active {
		if m.r2 >= n {
			s.active[k] = m
			k++
		}
	}
	s.active = s.active[:k]
	for s.nextMerge < len(s.dataMerge) && s.dataMerge[s.nextMerge].r1 <= n {
		m := s.dataMerge[s.nextMerge]
		s.nextMerge++
		if m.r1 < n {
			continue
		}
		v := ""
		if m.c1 <= len(cells) {
			v = strings.TrimSpace(cells[m.c1-1])
		}
		if v != "" {
			s.active = append(s.active, activeMerge{m, v})
		}
	}
}

// footerWords begin the lines under a table: signatures, contacts, notes and totals.
var footerWords = []string{
	"填表人", "填报人", "制表人", "制表", "审核人", "审核", "审批人", "联系人", "联系电话", "电话",
	"单位负责人", "主要负责人", "分管负责人", "负责人", "填报日期", "填表日期", "报送日期",
	"填报单位", "注", "备注", "说明", "合计", "总计", "小计", "签字", "签发",
}

// isFooter reports whether a row after the header is a footer line rather than data: its
// first text is labelled with a footer word, and it holds no recognised status. Once a footer
// is seen, short rows after it (continued notes) are footers too.
func (s *sheetReader) isFooter(cells []string) bool {
	if c := s.cols[FieldStatus]; c > 0 && c <= len(cells) {
		if _, ok := s.dict.Status(strings.TrimSpace(cells[c-1])); ok && strings.TrimSpace(cells[c-1]) != "" {
			return false
		}
	}
	first, filled := "", 0
	for _, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			if first == "" {
				first = v
			}
			filled++
		}
	}
	if s.inFooter && filled <= 2 {
		return true
	}
	return labelled(first)
}

// labelled reports whether a text starts with a footer word followed by a colon, a space, a
// bracket, a digit or nothing (so 注意… or 审核通过… are not labelled).
func labelled(text string) bool {
	for _, w := range footerWords {
		rest, ok := strings.CutPrefix(text, w)
		if !ok {
			continue
		}
		if rest == "" {
			return true
		}
		r, _ := utf8.DecodeRuneInString(rest)
		switch {
		case r == ':' || r == '：' || r == ' ' || r == '\u3000' || r == '\t' || r == '\n' || r == '\r',
			r == '(' || r == '（' || r == '【' || r == '[',
			r >= '0' && r <= '9', r >= '①' && r <= '⑳':
			return true
		}
	}
	return false
}

// isNumberRow reports whether a row holds only the column numbers 1, 2, 3… that some forms
// put under the header.
func (s *sheetReader) isNumberRow(cells []string) bool {
	prev, k := 0, 0
	for _, v := range cells {
		if v = strings.TrimSpace(v); v == "" {
			continue
		}
		n, err := strconv.Atoi(v)
		if err != nil || (k > 0 && n != prev+1) {
			return false
		}
		prev = n
		k++
	}
	return k >= 3
}

func blank(cells []string) bool {
	for _, v := range cells {
		if strings.TrimSpace(v) != "" {
			return false
		}
	}
	return true
}

func joinCells(cells []string) string {
	var parts []string
	for _, v := range cells {
		if v = strings.TrimSpace(v); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " | ")
}

// ---- the header ----

// header is the mapping of a sheet's columns to fields.
type header struct {
	cols    [NumFields]int
	count   int
	known   []bool
	unknown []string
	dups    []dupColumn
}

type dupColumn struct {
	field         Field
	kept, dropped int
}

func (h *header) key() bool {
	return h.cols[FieldContent] > 0 || h.cols[FieldMeeting] > 0 || h.cols[FieldStatus] > 0
}

// findHeader picks the header among the top rows (0-based index h): the row, together with
// the row under it when that is a sub-header, naming the most known columns — at least three,
// among them 事项内容, 会议 or 落实状态.
func (s *sheetReader) findHeader(top [][]string) (h int, sub, ok bool) {
	best := 0
	for i := range top {
		if blank(top[i]) {
			continue
		}
		var next []string
		if i+1 < len(top) {
			next = top[i+1]
		}
		sb := s.isSubHeader(top[i], next, i+1)
		var lower []string
		if sb {
			lower = next
		}
		hd := s.mapHeader(top[i], lower)
		if hd.count < 3 || !hd.key() {
			continue
		}
		// A row naming as many columns alone beats the row above it with that row as its
		// sub-header: the row above was a title or a 填报单位 line merged across.
		if hd.count > best || hd.count == best && sub && h == i-1 && !sb {
			best, h, sub, ok = hd.count, i, sb, true
		}
	}
	return h, sub, ok
}

// isSubHeader reports whether the row under header row n (upper) completes a two-row header:
// a name of row n is merged down over both rows, or a group cell of row n is merged across
// columns that are named in the row under it, or that row holds nothing but column names.
func (s *sheetReader) isSubHeader(upper, lower []string, n int) bool {
	if blank(lower) {
		return false
	}
	return s.subByMerge(n, lower) || s.onlyNames(lower)
}

// subByMerge reports whether the merges of header row n reach into the row under it (lower):
// a cell merged down, or a group cell merged across columns that lower names.
func (s *sheetReader) subByMerge(n int, lower []string) bool {
	for _, m := range s.merges {
		if m.r1 != n {
			continue
		}
		if m.r2 > n {
			return true
		}
		if m.c2 > m.c1 {
			for c := m.c1; c <= m.c2 && c <= len(lower); c++ {
				if _, ok := s.dict.Column(lower[c-1]); ok {
					return true
				}
			}
		}
	}
	return false
}

// onlyNames reports whether a row holds nothing but column names (at least two) and 序号.
func (s *sheetReader) onlyNames(cells []string) bool {
	names := 0
	for _, v := range cells {
		if strings.TrimSpace(v) == "" {
			continue
		}
		if _, ok := s.dict.Column(v); ok {
			names++
		} else if !isSeqHeader(v) {
			return false
		}
	}
	return names >= 2
}

func isSeqHeader(v string) bool {
	n := zhtext.Normalize(v)
	return n == "序号" || n == "序" || n == "No." || n == "NO." || n == "no."
}

// mapHeader maps the columns of a header row (upper), with its sub-header row (lower, nil
// for none): a name in the sub-header wins over the group cell above it.
func (s *sheetReader) mapHeader(upper, lower []string) header {
	var h header
	width := max(len(upper), len(lower))
	h.known = make([]bool, width)
	name := func(row []string, c int) string {
		if c <= len(row) {
			return strings.TrimSpace(row[c-1])
		}
		return ""
	}
	var canon [NumFields]bool // the column's header is the canonical label
	claim := func(c int, v string) {
		if isSeqHeader(v) {
			h.known[c-1] = true
			return
		}
		f, ok := s.dict.Column(v)
		if !ok {
			h.unknown = append(h.unknown, zhtext.Normalize(v))
			return
		}
		h.known[c-1] = true
		exact := zhtext.Normalize(v) == f.String()
		if h.cols[f] != 0 {
			// Two columns for one field (完成情况 and 落实状态): the one with the canonical
			// name is read, else the first.
			if exact && !canon[f] {
				h.dups = append(h.dups, dupColumn{f, c, h.cols[f]})
				h.cols[f], canon[f] = c, true
				return
			}
			h.dups = append(h.dups, dupColumn{f, h.cols[f], c})
			return
		}
		h.cols[f], canon[f] = c, exact
		h.count++
	}
	// Names in the sub-header row first, then the upper row where the sub-header is empty.
	for c := 1; c <= width; c++ {
		if v := name(lower, c); v != "" {
			claim(c, v)
		}
	}
	for c := 1; c <= width; c++ {
		if name(lower, c) != "" {
			continue
		}
		if v := name(upper, c); v != "" {
			claim(c, v)
		}
	}
	return h
}

// ---- the unit ----

var unitLabel = regexp.MustCompile(`(?:填报|报送|填表)?单位(?:名称)?\s*(?:[（(]\s*(?:盖章|公章|章)\s*[)）])?\s*[:：]\s*`)

// unitStop ends a unit name written on one line with other labels.
var unitStop = regexp.MustCompile(`[\s\x{3000}]|填报日期|填表日期|报送日期|日期|填表人|填报人|联系人|联系电话|时间`)

// unitFromLines finds the unit in a 填报单位：XX局 line above the header.
func unitFromLines(rows [][]string) string {
	for _, row := range rows {
		for j, v := range row {
			loc := unitLabel.FindStringIndex(v)
			if loc == nil {
				continue
			}
			rest := v[loc[1]:]
			if k := unitStop.FindStringIndex(rest); k != nil {
				rest = rest[:k[0]]
			}
			if rest = trimBracketed(rest); rest != "" {
				return rest
			}
			for _, w := range row[j+1:] {
				if w = strings.TrimSpace(w); w != "" {
					if k := unitStop.FindStringIndex(w); k != nil && k[0] > 0 {
						w = w[:k[0]]
					}
					return trimBracketed(w)
				}
			}
		}
	}
	return ""
}

// unitFromFileName takes the unit from a file name: the name without its extension and
// without bracketed suffixes such as （初稿）, (修改版) or 【终稿】.
func unitFromFileName(name string) string {
	return trimBracketed(strings.TrimSuffix(name, filepath.Ext(name)))
}

// trimBracketed drops bracketed suffixes: 市财政局（盖章） and 市财政局【终稿】 are 市财政局.
func trimBracketed(u string) string {
	pairs := map[rune]rune{'）': '（', ')': '(', '】': '【', ']': '[', '〕': '〔', '》': '《'}
	for {
		u = strings.TrimRight(strings.TrimSpace(u), "-_ .　")
		last, size := utf8.DecodeLastRuneInString(u)
		open, ok := pairs[last]
		if !ok {
			break
		}
		i := strings.LastIndex(u[:len(u)-size], string(open))
		if i <= 0 {
			break
		}
		u = u[:i]
	}
	return u
}
