package sheets

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsx"
)

// row reads row n; next is the row under it when that is row n+1 and holds a value.
func (s *sheetReader) row(n int, cells, next []xlsx.Cell) {
	s.advanceMerges(n, cells)
	if blank(cells) {
		return
	}
	s.tally.Rows[s.dispose(n, cells, next)]++
	s.prev = n
}

// dispose decides what the non-blank row n is and does what that asks — a notice, an error,
// a header's columns taken, a RawRow for validation — and returns its disposition. It is the
// one place where a row's fate is decided, and it decides one for every row.
func (s *sheetReader) dispose(n int, cells, next []xlsx.Cell) Disposition {
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
		s.notice(FooterSkipped, ScopeRow, at, joinCells(cells), msgFooter)
		return RowFooter
	}
	if text, ok := s.heading(cells); ok && !s.inGroup(n) {
		s.group, s.groupRow = text, n
		s.notice(HeadingSkipped, ScopeRow, at, joinCells(cells), msgHeading)
		return RowHeading
	}
	if !s.seenData && s.isNumberRow(cells) {
		s.seenData = true
		s.notice(NumberRowSkipped, ScopeRow, at, joinCells(cells), msgNumberRow)
		return RowPassed
	}
	s.seenData = true
	if first, ok := s.subHeading(cells, next); ok {
		s.notice(SubHeadingSkipped, ScopeRow, at, joinCells(cells), fmt.Sprintf(msgSubHeading, first))
		return RowHeading
	}
	if s.continues(n, cells) {
		return RowPassed
	}
	return s.data(n, cells)
}

// above decides a row above the sheet's first header: a title or information line, the upper
// row of the header, or a row that looks like data but that no header reads — an error at its
// first cell, never a silent skip.
func (s *sheetReader) above(n int, cells []xlsx.Cell) Disposition {
	if n == s.upper {
		return RowHeader
	}
	k := nFilled(cells)
	switch {
	case k < 3 || s.isInfoLine(cells):
		return RowTitle
	case s.onlyNames(cells):
		return RowHeader // a table's header naming too few columns to be read
	}
	s.probs = append(s.probs, Problem{Pos: Pos{File: s.file, Sheet: s.sheet, Row: n}, Scope: ScopeRow, Level: Error, Kind: AboveHeader,
		Raw: joinCells(cells), Msg: fmt.Sprintf(msgAboveHeader, s.first)})
	return RowExcluded
}

// isInfoLine reports whether a row above the header is a line such as 填报单位：XX局 or
// 填报日期：… rather than data.
func (s *sheetReader) isInfoLine(cells []xlsx.Cell) bool {
	for _, x := range cells {
		v := strings.TrimSpace(x.Value)
		if v == "" {
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
func (s *sheetReader) isUpperRow(cells, header []xlsx.Cell, n int) bool {
	k, named := 0, false
	for _, x := range cells {
		if filled(x) {
			v := strings.TrimSpace(x.Value)
			if plainNumber(v) {
				return false
			}
			if !named {
				_, named = s.dict.Column(v)
				named = named || isSeqHeader(v)
			}
			k++
		}
	}
	return k >= 2 && named && !s.isInfoLine(cells) && (s.subByMerge(n, header) || s.onlyNames(header))
}

// data turns a data row into a RawRow for validation.
func (s *sheetReader) data(n int, cells []xlsx.Cell) Disposition {
	out := RawRow{Pos: Pos{File: s.file, Sheet: s.sheet, Row: n}, Cols: s.cols, Date1904: s.date1904, UnitFromFile: s.unit,
		TitleYear: s.year, TitleYearFrom: s.yearFrom, TitleMeeting: s.titleMeeting, Hint: s.hint}
	own := false
	for f, c := range s.cols {
		if c > 0 && c <= len(cells) {
			if filled(cells[c-1]) {
				take(&out, Field(f), cells[c-1])
				own = true
			}
		}
		if a := s.alt[f]; a > 0 && a <= len(cells) && out.Blank(Field(f)) {
			if filled(cells[a-1]) {
				take(&out, Field(f), cells[a-1]) // 完成时限 empty, 办结时限 filled: the value is not lost
				own = true
			}
		}
	}
	if s.cols[FieldSatisfaction] == 0 && s.sat != [3]int{} {
		s.satisfactionTicked(cells, &out)
	}
	if !own {
		// Only unknown columns, or text (not a bare number) in the 序号 column: said, and the
		// group heading above no longer applies. A row with only its 序号 is passed silently.
		for c, x := range cells {
			if filled(x) && (c >= len(s.known) || !s.known[c] || !isNumber(strings.TrimSpace(x.Value))) {
				s.notice(UnknownOnlyRow, ScopeRow, Pos{Sheet: s.sheet, Row: n}, joinCells(cells), msgOnlyUnknown)
				s.group = ""
				break
			}
		}
		return RowPassed
	}
	if s.cols[FieldStatus] == 0 && (len(s.ticks) > 0 || s.yesNo > 0) {
		return s.ticked(n, cells, &out)
	}
	if s.parent > 0 && s.parent <= len(cells) {
		out.Parent = strings.TrimSpace(cells[s.parent-1].Value)
	}
	for i := range s.active {
		m := &s.active[i]
		for f, c := range s.cols {
			if c >= m.c1 && c <= m.c2 && out.Blank(Field(f)) {
				take(&out, Field(f), m.val)
			}
		}
		if s.parent >= m.c1 && s.parent <= m.c2 && out.Parent == "" {
			out.Parent = m.val.Value
		}
	}
	if s.parent > 0 {
		// A parent written once, without merged cells, over the finer rows under it.
		out.Parent = cmp.Or(out.Parent, s.lastParent)
		s.lastParent = out.Parent
	}
	out.Group = s.group
	s.rows = append(s.rows, out)
	s.lastData, s.tail = n, n
	return RowData
}

// continues reports whether row n is a continuation row — its only filled cells are in
// 进展情况 or 备注 (no 序号, content, status, unit or deadline), right under an item or its
// last continuation row — and joins its text to that item, on a new line, with a notice.
func (s *sheetReader) continues(n int, cells []xlsx.Cell) bool {
	if s.tail == 0 || s.prev != s.tail || len(s.rows) == 0 {
		return false
	}
	var fields []Field
	for c, x := range cells {
		if !filled(x) {
			continue
		}
		if x.Kind == xlsx.Uncalculated {
			return false // a formula: not text to join
		}
		switch c + 1 {
		case s.cols[FieldProgress]:
			fields = append(fields, FieldProgress)
		case s.cols[FieldNote]:
			fields = append(fields, FieldNote)
		default:
			return false
		}
	}
	if len(fields) == 0 {
		return false
	}
	item := &s.rows[len(s.rows)-1]
	names := make([]string, len(fields))
	for i, f := range fields {
		c := s.cols[f]
		v := strings.TrimSpace(cells[c-1].Value)
		if item.Blank(f) {
			take(item, f, cells[c-1])
		} else {
			item.Vals[f] += "\n" + v
		}
		names[i] = f.String()
	}
	s.notice(ContinuationRow, ScopeRow, Pos{Sheet: s.sheet, Row: n}, joinCells(cells), fmt.Sprintf(msgContinuation, strings.Join(names, "、"), item.Pos.Row))
	s.tail = n
	return true
}

// subHeading reports whether a row is the heading of sub-items — a 序号 and one text cell,
// nothing else, with the next row numbered under it (1 over 1.1, 1.2 …) — and the first
// sub-item's number.
func (s *sheetReader) subHeading(cells, next []xlsx.Cell) (first string, ok bool) {
	if s.seq == 0 || s.seq > len(cells) || s.seq > len(next) {
		return "", false
	}
	num := strings.TrimSpace(cells[s.seq-1].Value)
	k := nFilled(cells)
	if num == "" || k != 2 {
		return "", false
	}
	first = strings.TrimSpace(next[s.seq-1].Value)
	rest, ok := strings.CutPrefix(first, num)
	if !ok || rest == "" || !strings.ContainsRune(".．-", []rune(rest)[0]) {
		return "", false
	}
	return first, true
}

// ticked excludes a data row of a sheet that marks its status instead of writing it — √
// under 已完成 | 正在推进 | 未启动, or 是/否 under 是否办结 — with an error at the mark that says
// what the sheet does and what to write instead (SPEC §3).
func (s *sheetReader) ticked(n int, cells []xlsx.Cell, out *RawRow) Disposition {
	at := Pos{File: s.file, Sheet: s.sheet, Row: n}
	p := Problem{Scope: ScopeCell, Level: Error, Kind: StatusTicked, Field: FieldStatus.String(), Raw: out.Readable()}
	value := func(c int) string {
		if c > 0 && c <= len(cells) {
			return strings.TrimSpace(cells[c-1].Value)
		}
		return ""
	}
	switch {
	case s.yesNo > 0 && len(s.ticks) == 0:
		p.Pos = at.At(s.yesNo)
		v := cmp.Or(value(s.yesNo), "是/否")
		p.Msg = fmt.Sprintf(msgYesNo, coreOr(s.heads[s.yesNo-1]), v)
	default:
		var names []string
		for _, c := range s.ticks {
			names = append(names, coreOr(s.heads[c-1]))
			if v := value(c); v != "" && p.Msg == "" {
				p.Pos = at.At(c)
				p.Msg = fmt.Sprintf(msgTicked, v, coreOr(s.heads[c-1]))
			}
		}
		if p.Msg == "" {
			p.Pos = at.At(s.ticks[0])
			p.Msg = fmt.Sprintf(msgTickedNone, strings.Join(names, "、"))
		}
	}
	s.probs = append(s.probs, p)
	return RowExcluded
}

// headerAt reports whether row n, under the header in force, is a header row: the header
// repeated (the same fields in the same columns, or a row of nothing but column names in the
// mapped columns), or the header of another table stacked under the first, whose columns are
// read from here on. A header is recognised as findHeader recognises the first — at least
// three known column names, among them 事项内容, 会议 or 落实状态, with the row under it when
// that is its sub-header — or is the upper row of a two-row header over such a row. Each is
// said in a notice at its first row.
func (s *sheetReader) headerAt(n int, cells, next []xlsx.Cell) bool {
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
	var lower []xlsx.Cell
	if sub {
		lower = next
	}
	hd := s.headerOf(n, cells, lower, sub)
	end := n
	if sub {
		end++
	}
	s.choose(&hd, end)
	at := Pos{Sheet: s.sheet, Row: n}
	switch {
	case s.sameColumns(&hd):
		s.notice(HeaderRepeated, ScopeRow, at, joinCells(cells), msgHeaderAgain)
		if sub {
			s.headerEnd = n + 1
		}
	case hd.count >= 3 && hd.key():
		if s.groupRow < s.lastData {
			s.group = "" // the heading belonged to the table above
		}
		s.notice(AnotherHeader, ScopeRow, at, joinCells(cells), fmt.Sprintf(msgNewHeader, columnList(&hd)))
		s.useHeader(hd, n, sub)
	case s.isHeaderAgain(cells):
		s.notice(HeaderRepeated, ScopeRow, at, joinCells(cells), msgHeaderAgain)
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
func (s *sheetReader) names(n int, cells []xlsx.Cell) int {
	if n == s.namesRow {
		return s.namesVal
	}
	k := 0
scan:
	for _, x := range cells {
		v := strings.TrimSpace(x.Value)
		switch {
		case !filled(x):
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

func (s *sheetReader) isName(v string) bool { return s.dict.isColumnName(v) }

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
func (s *sheetReader) heading(cells []xlsx.Cell) (text string, ok bool) {
	col := 0
	for c, x := range cells {
		if filled(x) {
			if col != 0 {
				return "", false
			}
			text, col = strings.TrimSpace(x.Value), c+1
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
func (s *sheetReader) isHeaderAgain(cells []xlsx.Cell) bool {
	named := 0
	for _, c := range s.cols {
		if c == 0 || c > len(cells) || !filled(cells[c-1]) {
			continue
		}
		// Any column name will do: the upper row of a two-row header has its group names
		// (落实情况 over 落实状态 …) in other columns.
		if !s.dict.isColumnName(cells[c-1].Value) {
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
func (s *sheetReader) advanceMerges(n int, cells []xlsx.Cell) {
	k := 0
	for _, m := range s.active {
		if m.r2 >= n {
			s.active[k] = m
			k++
		}
	}
	s.active = s.active[:k]
	for s.nextMerge < len(s.merges) && s.merges[s.nextMerge].r1 <= n {
		m := s.merges[s.nextMerge]
		s.nextMerge++
		if m.r1 < n || m.r2 == m.r1 && m.c2 == m.c1 || !s.coversField(m) || s.shadowed(m) {
			continue
		}
		if m.c1 <= len(cells) && filled(cells[m.c1-1]) {
			x := cells[m.c1-1]
			x.Value = strings.TrimSpace(x.Value)
			s.active = append(s.active, activeMerge{m, x})
		}
	}
}

// shadowed reports whether every column of m that a field or the parent task is read from
// is covered, for all of m's rows, by a merge already active: such a merge (one overlapping
// another, which Excel does not write) fills nothing, and is not kept, so that a merge
// repeated or nested thousands of times does not cost thousands at every row.
func (s *sheetReader) shadowed(m cellRange) bool {
	covered := func(c int) bool {
		if c < m.c1 || c > m.c2 {
			return true
		}
		for _, a := range s.active {
			if c >= a.c1 && c <= a.c2 && a.r2 >= m.r2 {
				return true
			}
		}
		return false
	}
	for _, c := range s.cols {
		if !covered(c) {
			return false
		}
	}
	return s.parent == 0 || covered(s.parent)
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
func (s *sheetReader) isFooter(cells []xlsx.Cell) bool {
	if c := s.cols[FieldStatus]; c > 0 && c <= len(cells) {
		if _, ok := s.dict.Status(strings.TrimSpace(cells[c-1].Value)); ok && strings.TrimSpace(cells[c-1].Value) != "" {
			return false
		}
	}
	first, k := "", 0
	for _, x := range cells {
		if filled(x) {
			if k == 0 {
				first = strings.TrimSpace(x.Value)
			}
			k++
		}
	}
	if s.inFooter && k <= 2 {
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
func (s *sheetReader) isNumberRow(cells []xlsx.Cell) bool {
	prev, k := 0, 0
	for _, x := range cells {
		if !filled(x) {
			continue
		}
		n, err := strconv.Atoi(strings.TrimSpace(x.Value))
		if err != nil || (k > 0 && n != prev+1) {
			return false
		}
		prev = n
		k++
	}
	return k >= 3
}

func blank(cells []xlsx.Cell) bool {
	for _, x := range cells {
		if filled(x) {
			return false
		}
	}
	return true
}

func joinCells(cells []xlsx.Cell) string {
	var parts []string
	for _, x := range cells {
		if v := strings.TrimSpace(x.Value); v != "" {
			parts = append(parts, v)
		}
	}
	return strings.Join(parts, " | ")
}
