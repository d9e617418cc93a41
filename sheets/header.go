package sheets

import (
	"strings"

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
