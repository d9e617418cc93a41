package sheets

import (
	"fmt"
	"slices"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// ---- the header ----

// header is the mapping of a sheet's columns to fields.
type header struct {
	cols    [NumFields]int
	count   int
	known   []bool
	unknown []string
	dups    []dupColumn
	names   []string // by column-1: the header text as written, trimmed

	seq    int          // the column of 序号, 0 if none
	parent int          // the column of the parent task (所属任务) over finer 事项内容 rows, 0 if none
	ticks  []int        // columns named by a status word (已完成 | 正在推进 | 未启动), ticked with √
	yesNo  int          // a column such as 是否办结 holding 是/否, 0 if none
	sat    [3]int       // columns 满意 | 基本满意 | 不满意 ticked in place of a 满意度, 0 if none
	notes  []headerNote // the choices among candidate columns, said at the chosen column
	// the columns named by their head word rather than the dictionary (SPEC §3.1)
	meaning []meaningCol
}

// meaningCol is a column recognised by its head word.
type meaningCol struct {
	col    int
	field  Field
	status bool // 落实状态 only if its values are status words
}

// headerNote is a notice at a column of the header.
type headerNote struct {
	col  int
	kind ProblemKind
	msg  string
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
func (s *sheetReader) findHeader(top [][]xlsx.Cell) (h int, sub, ok bool) {
	best := 0
	for i := range top {
		if blank(top[i]) {
			continue
		}
		hd, sb := s.topHeader(top, i)
		if hd.count < 3 || !hd.key() {
			continue
		}
		// A row naming as many columns alone beats the row above it with that row as its
		// sub-header: the row above was a title or a 填报单位 line merged across.
		// So does a row with a sub-header of its own under a title merged across (建议编号 |
		// 提建议人 over 单位 | 姓名 under 代表建议目录): the title names no column.
		if hd.count > best || hd.count == best && sub && h == i-1 && (!sb || s.columnNames(top[h]) < 2) {
			best, h, sub, ok = hd.count, i, sb, true
		}
	}
	return h, sub, ok
}

// isSubHeader reports whether the row under header row n (upper) completes a two-row header:
// a name of row n is merged down over both rows, or a group cell of row n is merged across
// columns that are named in the row under it, or that row holds nothing but column names.
func (s *sheetReader) isSubHeader(upper, lower []xlsx.Cell, n int) bool {
	if blank(lower) {
		return false
	}
	return s.subByMerge(n, lower) || s.onlyNames(lower)
}

// subByMerge reports whether the merges of header row n reach into the row under it (lower):
// a cell merged down, or a group cell merged across columns that lower names.
func (s *sheetReader) subByMerge(n int, lower []xlsx.Cell) bool {
	for i := s.mergesFrom(n); i < len(s.merges) && s.merges[i].r1 == n; i++ {
		m := s.merges[i]
		if m.r2 > n {
			return true
		}
		if m.c2 > m.c1 {
			for c := m.c1; c <= m.c2 && c <= len(lower); c++ {
				if s.dict.isColumnName(lower[c-1].Value) {
					return true
				}
			}
		}
	}
	return false
}

// onlyNames reports whether a row holds nothing but column names (at least two) and 序号.
func (s *sheetReader) onlyNames(cells []xlsx.Cell) bool {
	names := 0
	for _, x := range cells {
		if !filled(x) {
			continue
		}
		if s.dict.isColumnName(x.Value) {
			names++
		} else if !isSeqHeader(x.Value) {
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
func (s *sheetReader) mapHeader(upper, lower []xlsx.Cell) header {
	var h header
	width := max(len(upper), len(lower))
	h.known = make([]bool, width)
	name := func(row []xlsx.Cell, c int) string {
		if c <= len(row) {
			return strings.TrimSpace(row[c-1].Value)
		}
		return ""
	}
	h.names = make([]string, width)
	var canon [NumFields]bool // the column's header is the canonical label
	var later []meaningCol    // columns named by their head word, claimed last
	claim := func(c int, v string) {
		h.names[c-1] = v
		if isSeqHeader(v) {
			h.known[c-1] = true
			h.seq = c
			return
		}
		f, meaning, status, ok := s.dict.columnOf(v)
		if !ok {
			if s.form && v == FormPrevColumn {
				return // duban's own column of its form
			}
			if !s.tickColumn(&h, c, v) {
				h.unknown = append(h.unknown, zhtext.Normalize(v))
			}
			return
		}
		if meaning {
			// After the columns the dictionary names, which it never displaces.
			later = append(later, meaningCol{c, f, status})
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
			if s.proposerPart(&h, upper, c, v) {
				continue
			}
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
	for _, m := range later {
		h.known[m.col-1] = true
		h.meaning = append(h.meaning, m)
		if h.cols[m.field] != 0 {
			h.dups = append(h.dups, dupColumn{m.field, h.cols[m.field], m.col})
			continue
		}
		h.cols[m.field] = m.col
		h.count++
	}
	h.markTicks()
	return h
}

// markTicks keeps the tick columns found by tickColumn only as a layout: at least two columns
// named by status words (a data row holds one status word, not several), or a 是否办结
// column. They count as named columns, so that the row naming them is the header; the others
// are unknown columns.
func (h *header) markTicks() {
	if len(h.ticks) == 1 {
		h.unknown = append(h.unknown, zhtext.Normalize(h.names[h.ticks[0]-1]))
		h.ticks = nil
	}
	for _, c := range h.ticks {
		h.known[c-1] = true
		h.count++
	}
	if h.yesNo > 0 {
		h.known[h.yesNo-1] = true
		h.count++
	}
	h.markSatisfaction()
}

// satisfactionWords are the words of 满意度, in the order of header.sat.
var satisfactionWords = [3]string{Satisfied, Basic, Unsatisfied}

// markSatisfaction keeps the columns named 满意 | 基本满意 | 不满意 as the layout of a 办理情况
// 征询意见表, whose 代表 or 委员 ticks one of them ("请选择在“满意”、“基本满意”、“不满意”空格内打“√”",
// github.com/Kskjshare/zhrd report/consultation.jsp): at least two of them and no 满意度
// column; a single one is an unknown column.
func (h *header) markSatisfaction() {
	n := 0
	for _, c := range h.sat {
		n += b2i(c > 0)
	}
	if n >= 2 && h.cols[FieldSatisfaction] == 0 {
		for _, c := range h.sat {
			if c > 0 {
				h.known[c-1] = true
			}
		}
		return
	}
	for i, c := range h.sat {
		if c > 0 {
			h.unknown = append(h.unknown, zhtext.Normalize(h.names[c-1]))
			h.sat[i] = 0
		}
	}
}

// tickColumn records column c, named v, when it is one of the columns a sheet marks instead
// of writing a status: a status word as the column's name (已完成 | 正在推进 | 未启动, ticked
// with √), or a yes/no question (是否办结, 是否完成).
func (s *sheetReader) tickColumn(h *header, c int, v string) bool {
	n := zhtext.Normalize(v)
	if _, ok := s.dict.Status(n); ok {
		h.ticks = append(h.ticks, c)
		return true
	}
	if strings.HasPrefix(n, "是否") && strings.ContainsAny(n, "办完落") {
		h.yesNo = c
		return true
	}
	if i := slices.Index(satisfactionWords[:], coreOr(v)); i >= 0 {
		h.sat[i] = c
		return true
	}
	return false
}

// lookAhead is how many non-blank rows under a header decide between candidate columns.
const lookAhead = 20

// choose decides, for each field that several columns name, which column is read, by the
// values in the first rows under the header (which ends at row end): the column whose values
// mostly parse as statuses is 落实状态 (the other becomes 进展情况 when there is none), the one
// whose values mostly parse as dates is the date field, and of two 事项内容 columns the one
// merged down over several finer rows is the parent task (所属任务). Each choice is a notice
// in hd.notes; a pair the values do not decide stays as mapHeader left it.
func (s *sheetReader) choose(hd *header, end int) {
	rows := s.below(end, lookAhead)
	s.chooseSchedule(hd, rows)
	k := 0
	for _, d := range hd.dups {
		if !s.decide(hd, d, rows, end) {
			hd.dups[k] = d
			k++
		}
	}
	hd.dups = hd.dups[:k]
	s.confirmMeaning(hd, rows)
}

// confirmMeaning settles the columns named by their head word (SPEC §3.1) by the rows under
// the header: one named as 落实状态 (目前进度, 推进状态) whose values are mostly not status
// words is 进展情况 (or ignored when the sheet has one); each column read by meaning is one
// notice, naming the column and its field.
func (s *sheetReader) confirmMeaning(hd *header, rows [][]xlsx.Cell) {
	for _, m := range hd.meaning {
		if hd.cols[m.field] != m.col {
			continue // another column was chosen for the field
		}
		name := coreOr(hd.names[m.col-1])
		if m.status {
			ok, n := mostly(rows, m.col, s.dict.isStatus)
			if n > 0 && !ok {
				hd.cols[FieldStatus] = 0
				hd.count--
				if hd.cols[FieldProgress] == 0 {
					hd.cols[FieldProgress] = m.col
					hd.count++
					hd.notes = append(hd.notes, headerNote{m.col, ColumnMeaning, fmt.Sprintf(msgColumnMeaning, name, FieldProgress)})
				} else {
					hd.known[m.col-1] = false
					hd.unknown = append(hd.unknown, name)
				}
				continue
			}
		}
		hd.notes = append(hd.notes, headerNote{m.col, ColumnMeaning, fmt.Sprintf(msgColumnMeaning, name, m.field)})
	}
}

// decide settles one pair of candidate columns, and reports whether it did.
func (s *sheetReader) decide(hd *header, d dupColumn, rows [][]xlsx.Cell, end int) bool {
	if hd.cols[d.field] != d.kept {
		return false // the kept column was itself replaced by an earlier choice
	}
	name := func(c int) string { return coreOr(hd.names[c-1]) }
	var fits func(string) bool
	switch d.field {
	case FieldContent:
		return s.decideParent(hd, d, rows, end)
	case FieldStatus:
		fits = s.dict.isStatus
	case FieldDeadline, FieldDone, FieldMeetingDate:
		// Any year will do: only whether the value reads as a date or deadline counts.
		fits = func(v string) bool { _, err := ParseDeadline(v, s.dict, 2000, s.date1904); return err == nil }
	default:
		return false
	}
	kept, keptN := mostly(rows, d.kept, fits)
	dropped, droppedN := mostly(rows, d.dropped, fits)
	if kept == dropped || keptN == 0 || droppedN == 0 {
		return false // the values do not tell them apart: one is read where the other is blank
	}
	use, other := d.kept, d.dropped
	if dropped {
		use, other = d.dropped, d.kept
	}
	hd.cols[d.field] = use
	if d.field != FieldStatus {
		hd.notes = append(hd.notes, headerNote{use, ColumnChosen, fmt.Sprintf(msgDateChosen, name(use), name(use), d.field, name(other))})
		return true
	}
	msg := fmt.Sprintf(msgStatusChosen, name(other), name(use), name(use))
	if hd.cols[FieldProgress] == 0 {
		hd.cols[FieldProgress] = other
		msg += fmt.Sprintf(msgStatusKept, name(other))
	} else {
		msg += fmt.Sprintf(msgStatusIgnored, name(other))
	}
	hd.notes = append(hd.notes, headerNote{use, ColumnChosen, msg})
	return true
}

// decideParent settles two 事项内容 columns by the rows under the header (ending at row end):
// the one merged down over several rows beside one that is not, else the one written once
// over several rows of the other, holds the parent tasks.
func (s *sheetReader) decideParent(hd *header, d dupColumn, rows [][]xlsx.Cell, end int) bool {
	msg := msgParentChosen
	a, b := s.mergedDown(d.kept, end), s.mergedDown(d.dropped, end)
	if a == b {
		msg = msgParentOnce
		a, b = writtenOnce(rows, d.kept, d.dropped), writtenOnce(rows, d.dropped, d.kept)
	}
	if a == b {
		return false
	}
	parent, content := d.kept, d.dropped
	if b {
		parent, content = d.dropped, d.kept
	}
	hd.cols[FieldContent], hd.parent = content, parent
	hd.notes = append(hd.notes, headerNote{parent, ParentTask, fmt.Sprintf(msg, coreOr(hd.names[parent-1]), coreOr(hd.names[content-1]))})
	return true
}

// mergedDown reports whether a cell of column c is merged down over several rows within the
// first rows under the header that ends at row end.
func (s *sheetReader) mergedDown(c, end int) bool {
	for i := s.mergesFrom(end + 1); i < len(s.merges) && s.merges[i].r1 <= end+lookAhead; i++ {
		if m := s.merges[i]; m.c1 == c && m.c2 == c && m.r2 > m.r1 {
			return true
		}
	}
	return false
}

// writtenOnce reports whether column a holds values written once over several rows of column
// b, without merged cells: among the rows where b is filled, whose values differ from row to
// row, a is filled in the first and blank or repeated in some of the others.
func writtenOnce(rows [][]xlsx.Cell, a, b int) bool {
	n, once := 0, 0
	last, lastB := "", ""
	for _, r := range rows {
		vb := valueAt(r, b)
		if vb == "" {
			continue
		}
		va := valueAt(r, a)
		switch {
		case vb == lastB:
			return false // b repeats: it is not the finer column
		case n == 0 && va == "":
			return false
		case n > 0 && (va == "" || va == last):
			once++
		}
		if va != "" {
			last = va
		}
		lastB = vb
		n++
	}
	return once > 0
}

// mostly reports whether more than half of the non-blank values of column c in rows fit, and
// how many values there are.
func mostly(rows [][]xlsx.Cell, c int, fits func(string) bool) (ok bool, n int) {
	k, fit := 0, 0
	for _, r := range rows {
		if c > len(r) {
			continue
		}
		if v := strings.TrimSpace(r[c-1].Value); v != "" {
			k++
			if fits(v) {
				fit++
			}
		}
	}
	return k > 0 && fit*2 > k, k
}

// coreOr is a header's core name (coreName), else its normalised text.
func coreOr(v string) string {
	if c := coreName(v); c != "" {
		return c
	}
	return zhtext.Normalize(v)
}

// proposerPart reads a sub-header cell v of column c under a group cell naming the 领衔人
// (SPEC §9.5): 提建议人 over 单位 | 姓名, as a 建议 system exports its 代表建议目录
// (github.com/Kskjshare/zhrd report/suggestlist.jsp: "建议编号 | 提建议人(单位|姓名) | 建议标题 |
// 拟主办单位"). The name is the 领衔人; the proposer's unit or post is not the 牵头单位 and is
// not read. It reports whether v was such a cell.
func (s *sheetReader) proposerPart(h *header, upper []xlsx.Cell, c int, v string) bool {
	group := ""
	for k := min(c, len(upper)); k >= 1 && group == ""; k-- {
		group = strings.TrimSpace(upper[k-1].Value)
	}
	if f, ok := s.dict.Column(group); !ok || f != FieldProposer || group == v {
		return false
	}
	h.names[c-1] = v
	h.known[c-1] = true
	if n := zhtext.Normalize(v); strings.HasSuffix(n, "姓名") || n == "名字" || n == "代表" || n == "委员" {
		if h.cols[FieldProposer] == 0 {
			h.cols[FieldProposer] = c
			h.count++
		}
	}
	return true
}

// columnNames counts the cells of a row that name a column.
func (s *sheetReader) columnNames(cells []xlsx.Cell) int {
	n := 0
	for _, x := range cells {
		if filled(x) && s.dict.isColumnName(x.Value) {
			n++
		}
	}
	return n
}
