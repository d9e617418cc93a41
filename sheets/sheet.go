package sheets

import (
	"fmt"
	"slices"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

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
	merges  []cellRange // by first row, each once (sheetMerges)
	unit    string      // 填报单位 of this sheet, else of the file name
	lastRow int         // the sheet's last row number, 0 if unknown
	tally   SheetTally

	// The year in the title or 填报日期 line above the header (yearFrom says which).
	year     int
	yearFrom string
	// titleMeeting is a title naming a meeting by its date (RawRow.TitleMeeting).
	titleMeeting string
	// titles are the texts above the first header; hint is the 建议 category they or the
	// header in force name (RawRow.Hint).
	titles []string
	hint   string

	first   int             // the row of the sheet's first header: the rows above it are not in any table
	upper   int             // the row above the first header that is its upper row (group names only), or 0
	stacked []stackedHeader // the headers under the first that start found among the top rows
	tops    []topHeader     // the top rows' headers, each mapped once (topHeader)

	// The header in force: the sheet's first, or the last other table's.
	cols      [NumFields]int
	alt       [NumFields]int // a second column for the field, read where the first is blank
	known     []bool         // by column-1: the column is a field or 序号
	headerEnd int            // the header's last row (its sub-header row, if any)
	seq       int            // the column of 序号, 0 if none
	parent    int            // the column of the parent task (所属任务), 0 if none
	ticks     []int          // columns ticked with √ in place of a status (已完成 | 正在推进 | 未启动)
	yesNo     int            // a 是否办结 column in place of a status, 0 if none
	sat       [3]int         // columns 满意 | 基本满意 | 不满意 ticked in place of a 满意度
	heads     []string       // the header's texts, by column-1

	rowsIn     []xlsx.Row // the sheet's rows as read
	prev       int        // the last non-blank row before the one being read
	tail       int        // the last row of the last item read: its row or its last continuation row
	lastParent string     // the parent task of the last item read, for the rows under it that leave it blank
	active     []activeMerge
	nextMerge  int    // index into merges of the next merge to take up
	seenData   bool   // a non-blank row under the header was seen
	group      string // the text of the last group heading (一、市政府常务会议议定事项)
	groupRow   int    // its row
	lastData   int    // the row of the last data row
	inFooter   bool

	namesRow, namesVal int // names of row namesRow, kept for the row after it
}

// take puts the cell x into field f of out: its value trimmed, and its kind (a formula
// without its result is xlsx.Uncalculated with the value "").
func take(out *RawRow, f Field, x xlsx.Cell) {
	out.Vals[f], out.Kinds[f] = strings.TrimSpace(x.Value), x.Kind
}

// activeMerge is a merge of the data covering the row being read, with its first cell.
type activeMerge struct {
	cellRange
	val xlsx.Cell
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
	merges := sheetMerges(xs.Merges)
	s := &sheetReader{reader: r, sheet: sheet, merges: merges, unit: r.unit, lastRow: xs.LastRow, rowsIn: xs.Rows}
	// The rows the header is searched among, by row-1 (nil for blank rows).
	var top [][]xlsx.Cell
	nonBlank := 0
	for _, row := range xs.Rows {
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
		r.skipSheet(sheet, EmptySheet, msgEmptySheet, whyEmpty)
		return false
	}
	if !s.start(top) {
		r.skipSheet(sheet, NoHeaderSheet, msgNoHeader, whyNoHeader)
		return false
	}
	s.farCells(xs.Far)
	rows := xs.Rows
	for i := range rows {
		var next []xlsx.Cell
		if i+1 < len(rows) && rows[i+1].N == rows[i].N+1 {
			next = rows[i+1].Cells
		}
		s.row(rows[i].N, rows[i].Cells, next)
	}
	r.tallies = append(r.tallies, s.tally)
	return true
}

// farCells says, once for the sheet, that cells right of column IV are not read: no ledger
// is that wide, and they are not in any column of its table.
func (s *sheetReader) farCells(far []xlsx.FarCell) {
	if len(far) == 0 {
		return
	}
	rows := 0
	for i, f := range far {
		if i == 0 || f.Row != far[i-1].Row {
			rows++
		}
	}
	f := far[0]
	s.notice(FarCells, ScopeCell, Pos{Sheet: s.sheet, Row: f.Row}.At(f.Col), f.Value,
		fmt.Sprintf(msgFarCells, ColumnName(xlsx.FarColumn), rows, xlsx.CellName(f.Col, f.Row)))
}

// start finds the sheet's first header among the top rows and takes its columns. The header
// naming the most known columns is found first; a table stacked above it (一、… over 二、…)
// has a header of its own, and the first of those is where reading starts. start returns
// false when there is no header.
func (s *sheetReader) start(top [][]xlsx.Cell) bool {
	s.tops = make([]topHeader, len(top))
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
		if s.lineUnit == "" {
			s.lineUnit = u
		}
	}
	s.year, s.yearFrom = yearFromLines(top[:h], s.date1904)
	s.titleMeeting = s.meetingTitle(top[:h])
	for _, row := range top[:h] {
		for _, c := range row {
			if v := strings.TrimSpace(c.Value); v != "" && !labelled(v) {
				s.titles = append(s.titles, v)
			}
		}
	}
	hd, _ := s.topHeader(top, h)
	end := h + 1
	if sub {
		end++
	}
	s.choose(&hd, end)
	s.useHeader(hd, h+1, sub)
	// Room for the rows to come: at most one for each row under the header that holds a
	// value (never the last <row>'s number, which whole-column formatting makes 1,048,576),
	// so that a million items are not copied as their slice grows.
	i, _ := slices.BinarySearchFunc(s.rowsIn, s.headerEnd+1, func(r xlsx.Row, n int) int { return r.N - n })
	s.rows = slices.Grow(s.rows, len(s.rowsIn)-i)
	return true
}

// topHeader is the header top row i maps to, with the row under it when that is its
// sub-header — the row under it is not when i is top's last row, as when start looks for a
// table stacked above a header — and whether it has one; a row that is no header (fewer than
// three column names, none of them 事项内容, 会议 or 落实状态) gives the zero header. Each row
// is mapped once however often the top rows are searched (findHeader), and once more at most
// as a last row; only headers are kept.
func (s *sheetReader) topHeader(top [][]xlsx.Cell, i int) (header, bool) {
	k := 0
	var next []xlsx.Cell
	if i+1 < len(top) {
		next = top[i+1]
	} else {
		k = 1
	}
	t := &s.tops[i]
	if !t.done[k] {
		t.done[k] = true
		t.sub[k] = s.isSubHeader(top[i], next, i+1)
		var lower []xlsx.Cell
		if t.sub[k] {
			lower = next
		}
		hd := s.mapHeader(top[i], lower)
		if hd.count >= 3 && hd.key() {
			kept := hd // on the heap for a header only
			t.hd[k] = &kept
		}
	}
	if t.hd[k] == nil {
		return header{}, t.sub[k]
	}
	return *t.hd[k], t.sub[k]
}

// topHeader is a top row's header as mapped: [0] with the row under it, [1] as the last row;
// nil when the row is no header.
type topHeader struct {
	hd   [2]*header
	sub  [2]bool
	done [2]bool
}

// headerOf maps header row n (cells, with its sub-header row lower when sub): the mapping the
// top rows were given when it is one of them with the same sub-header, else anew.
func (s *sheetReader) headerOf(n int, cells, lower []xlsx.Cell, sub bool) header {
	if n-1 < len(s.tops) {
		if t := &s.tops[n-1]; t.hd[0] != nil && t.sub[0] == sub {
			return *t.hd[0]
		}
	}
	return s.mapHeader(cells, lower)
}

// meetingTitle is the line above the header that names a meeting by its date
// (县政府6月20日专题会议议定事项), "" if none (SPEC §4.1).
func (s *sheetReader) meetingTitle(rows [][]xlsx.Cell) string {
	for _, row := range rows {
		for _, c := range row {
			v := strings.TrimSpace(c.Value)
			if v == "" || labelled(v) {
				continue
			}
			if k, ok := s.dict.CategoryOf(v); ok && k.Kind == KindMeeting {
				if _, _, _, dated := zhtext.MeetingDay(v); dated {
					return v
				}
			}
		}
	}
	return ""
}

// useHeader reads the rows under the header at row n (with its sub-header row when sub) by
// its columns, and says which of its columns are not read.
func (s *sheetReader) useHeader(hd header, n int, sub bool) {
	s.cols, s.known, s.alt = hd.cols, hd.known, [NumFields]int{}
	s.seq, s.parent, s.ticks, s.yesNo, s.heads = hd.seq, hd.parent, hd.ticks, hd.yesNo, hd.names
	s.sat = hd.sat
	s.lastParent = ""
	s.hint = s.dict.suggestionHint(s.titles, hd.names, &hd.cols)
	at := Pos{Sheet: s.sheet, Row: n}
	if c := max(hd.sat[0], hd.sat[1], hd.sat[2]); c > 0 {
		s.notice(ColumnMeaning, ScopeCell, at.At(min0(hd.sat)), hd.names[c-1], msgSatisfactionTicks)
	}
	for _, nt := range hd.notes {
		s.notice(nt.kind, ScopeCell, at.At(nt.col), hd.names[nt.col-1], nt.msg)
	}
	if len(hd.unknown) > 0 {
		list := strings.Join(hd.unknown, "、")
		s.notice(UnknownColumns, ScopeRow, at, list, fmt.Sprintf(msgUnknownCols, list))
	}
	for _, d := range hd.dups {
		s.notice(DuplicateColumn, ScopeRow, at, d.field.String(), fmt.Sprintf(msgDupColumn, d.field, ColumnName(d.kept), ColumnName(d.dropped), ColumnName(d.kept)))
		if s.alt[d.field] == 0 {
			s.alt[d.field] = d.dropped
		}
	}
	s.headerEnd = n
	if sub {
		s.headerEnd++
	}
	// The merges that start under the header are taken up as their rows come
	// (advanceMerges): a header costs no pass over a sheet's merges.
	s.nextMerge = s.mergesFrom(s.headerEnd + 1)
	s.active = s.active[:0]
	s.seenData, s.inFooter = false, false
}

func (s *sheetReader) coversField(m cellRange) bool {
	for _, c := range s.cols {
		if c >= m.c1 && c <= m.c2 {
			return true
		}
	}
	return s.parent >= m.c1 && s.parent <= m.c2 && s.parent > 0
}

// below returns the values of up to k non-blank rows under row end.
func (s *sheetReader) below(end, k int) [][]xlsx.Cell {
	i, _ := slices.BinarySearchFunc(s.rowsIn, end+1, func(r xlsx.Row, n int) int { return r.N - n })
	var out [][]xlsx.Cell
	for ; i < len(s.rowsIn) && len(out) < k; i++ {
		if !blank(s.rowsIn[i].Cells) {
			out = append(out, s.rowsIn[i].Cells)
		}
	}
	return out
}

// sheetMerges returns a sheet's merged ranges by first row (in document order among those of
// one row), each once: a file repeating one merge 50,000 times costs one.
func sheetMerges(ms []xlsx.Range) []cellRange {
	out := make([]cellRange, 0, len(ms))
	seen := make(map[cellRange]bool, len(ms))
	for _, m := range ms {
		r := cellRange{m.C1, m.R1, m.C2, m.R2}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b cellRange) int { return a.r1 - b.r1 })
	return out
}

// mergesFrom returns the index of the first merge whose first row is r or later.
func (s *sheetReader) mergesFrom(r int) int {
	i, _ := slices.BinarySearchFunc(s.merges, r, func(m cellRange, r int) int { return m.r1 - r })
	return i
}

// filled reports whether a cell holds a value: text other than spaces, or a formula whose
// result the file does not hold.
func filled(x xlsx.Cell) bool {
	return x.Kind == xlsx.Uncalculated || strings.TrimSpace(x.Value) != ""
}

// nFilled counts the filled cells of a row.
func nFilled(cells []xlsx.Cell) int {
	k := 0
	for _, x := range cells {
		if filled(x) {
			k++
		}
	}
	return k
}

// valueAt is the trimmed value of column c (1-based) of a row, "" beyond its last cell.
func valueAt(r []xlsx.Cell, c int) string {
	if c < 1 || c > len(r) {
		return ""
	}
	return strings.TrimSpace(r[c-1].Value)
}
