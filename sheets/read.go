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
	name := cmp.Or(opt.Name, filepath.Base(path))
	file, err := os.Open(path)
	if err == nil {
		defer file.Close()
		var fi os.FileInfo
		if fi, err = file.Stat(); err == nil {
			return readFrom(name, file, fi.Size(), d, opt)
		}
	}
	return nil, []Problem{{Pos: Pos{File: name}, Level: Error, Msg: fmt.Sprintf(msgCannotOpen, err)}}
}

// readFrom reads a workbook of size bytes from ra; name is its file name. A panic of a
// library is an error for this file, not the end of the run.
func readFrom(name string, ra io.ReaderAt, size int64, d *Dict, opt ReadOptions) (rows []RawRow, probs []Problem) {
	r := &reader{file: name, dict: d, unit: unitFromFileName(path.Base(name))}
	defer func() {
		if p := recover(); p != nil {
			rows, probs = nil, []Problem{{Pos: Pos{File: name}, Level: Error, Msg: damaged(detPanic, p).Error()}}
		}
	}()
	if err := r.read(ra, size, opt); err != nil {
		return nil, []Problem{{Pos: Pos{File: name}, Level: Error, Msg: err.Error()}}
	}
	if r.form && len(r.rows) == 0 && Count(r.probs, Error) == 0 {
		r.probs = append(r.probs, Problem{Pos: Pos{File: name}, Level: Warning, Msg: msgBlankForm})
	}
	return r.rows, r.probs
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
	skipped  []string // why each skipped sheet was skipped
	form     bool     // a submission form written by duban template
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

// sheetReader turns the rows of one sheet into RawRows.
type sheetReader struct {
	*reader
	sheet   string
	merges  []cellRange
	cols    [NumFields]int
	alt     [NumFields]int // a second column for the field, read where the first is blank
	maxCol  int            // the rightmost mapped column
	known   []bool         // by column-1: the column is a field or 序号
	unit    string         // 填报单位 of this sheet, else of the file name
	dataRow int            // first row after the header
	lastRow int            // the sheet's last row number, 0 if unknown

	cells     []xlsx.Row // the sheet's rows as read, for the kinds of their cells
	kindRow   int        // index into cells of the row kindAt last found
	active    []activeMerge
	nextMerge int // index into merges sorted by r1
	dataMerge []cellRange
	seenData  bool   // a non-blank row after the header was seen
	group     string // the text of the last group heading (一、市政府常务会议议定事项)
	inFooter  bool
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
	// Rows before the header is known, by row-1 (nil for blank rows), up to the last non-blank
	// one read so far.
	var top [][]string
	nonBlank := 0
	decided := false
	for _, row := range fs.Rows {
		if decided {
			s.row(row.N, row.Cells)
			continue
		}
		if blank(row.Cells) {
			continue
		}
		for len(top) < row.N-1 {
			top = append(top, nil)
		}
		top = append(top, row.Cells)
		nonBlank++
		if nonBlank > headerScanRows {
			if !s.start(top) {
				break
			}
			decided = true
		}
	}
	if !decided {
		if nonBlank == 0 {
			r.skipSheet(sheet, msgEmptySheet, whyEmpty)
			return false
		}
		if nonBlank > headerScanRows || !s.start(top) {
			r.skipSheet(sheet, msgNoHeader, whyNoHeader)
			return false
		}
	}
	return true
}

// start finds the header among the top rows, reports its columns, and reads the data rows
// among them. It returns false when there is no header.
func (s *sheetReader) start(top [][]string) bool {
	h, sub, ok := s.findHeader(top)
	if !ok {
		return false
	}
	hdr := s.mapHeader(top, h, sub)
	s.cols = hdr.cols
	for _, c := range s.cols {
		s.maxCol = max(s.maxCol, c)
	}
	s.known = hdr.known
	at := Pos{Sheet: s.sheet, Row: h + 1}
	if len(hdr.unknown) > 0 {
		list := strings.Join(hdr.unknown, "、")
		s.notice(at, list, fmt.Sprintf(msgUnknownCols, list))
	}
	for _, d := range hdr.dups {
		s.notice(at, d.field.String(), fmt.Sprintf(msgDupColumn, d.field, ColumnName(d.kept), ColumnName(d.dropped), ColumnName(d.kept)))
		if s.alt[d.field] == 0 {
			s.alt[d.field] = d.dropped
		}
	}
	if u := unitFromLines(top[:h]); u != "" {
		s.unit = u
	}
	s.dataRow = h + 2
	if sub {
		s.dataRow++
	}
	// Room for the rows to come, but no more than a sheet of real rows needs: whole-column
	// formatting makes the last <row> of a near-empty sheet 1,048,576.
	if s.lastRow >= s.dataRow {
		s.rows = slices.Grow(s.rows, min(s.lastRow-s.dataRow+1, maxPrealloc))
	}
	// Merges that start in the data: sorted by first row.
	for _, m := range s.merges {
		if m.r1 >= s.dataRow && (m.r2 > m.r1 || m.c2 > m.c1) && s.coversField(m) {
			s.dataMerge = append(s.dataMerge, m)
		}
	}
	sortRanges(s.dataMerge)
	for i := s.dataRow - 1; i < len(top); i++ {
		s.row(i+1, top[i])
	}
	return true
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

// row handles one data-area row.
func (s *sheetReader) row(n int, cells []string) {
	s.advanceMerges(n, cells)
	if blank(cells) {
		return
	}
	at := Pos{Sheet: s.sheet, Row: n}
	if !s.inGroup(n) && s.isFooter(cells) {
		s.inFooter = true
		s.notice(at, joinCells(cells), msgFooter)
		return
	}
	if text, ok := s.heading(cells); ok && !s.inGroup(n) {
		s.group = text
		s.notice(at, joinCells(cells), msgHeading)
		return
	}
	if s.isHeaderAgain(cells) {
		s.notice(at, joinCells(cells), msgHeaderAgain)
		return
	}
	if !s.seenData && s.isNumberRow(cells) {
		s.seenData = true
		s.notice(at, joinCells(cells), msgNumberRow)
		return
	}
	s.seenData = true
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
				s.notice(at, joinCells(cells), msgOnlyUnknown)
				s.group = ""
				break
			}
		}
		return
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
// first text starts with a footer word followed by a colon, a space, a bracket, a digit or
// nothing (so 注意… or 审核通过… are data), and it holds no recognised status. Once a footer
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
	for _, w := range footerWords {
		rest, ok := strings.CutPrefix(first, w)
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
		sb := s.isSubHeader(top, i)
		hd := s.mapHeader(top, i, sb)
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

// isSubHeader reports whether row i+1 completes a two-row header starting at row i: a name
// of row i is merged down over both rows, or a group cell of row i is merged across columns
// that are named in row i+1, or row i+1 holds nothing but column names.
func (s *sheetReader) isSubHeader(top [][]string, i int) bool {
	if i+1 >= len(top) || blank(top[i+1]) {
		return false
	}
	row, next := i+1, top[i+1] // row is the 1-based number of row i
	for _, m := range s.merges {
		if m.r1 != row {
			continue
		}
		if m.r2 > row {
			return true
		}
		if m.c2 > m.c1 {
			for c := m.c1; c <= m.c2 && c <= len(next); c++ {
				if _, ok := s.dict.Column(next[c-1]); ok {
					return true
				}
			}
		}
	}
	names := 0
	for _, v := range next {
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

// mapHeader maps the columns of header row i (and of sub-header row i+1 when sub): a name in
// the sub-header wins over the group cell above it.
func (s *sheetReader) mapHeader(top [][]string, i int, sub bool) header {
	var h header
	upper := top[i]
	var lower []string
	if sub {
		lower = top[i+1]
	}
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
