package xlsxout

import "math"

// How a sheet that goes to leaders and units prints on A4 (SPEC §7): their printers hold A4
// only, and tools find tables by their labels, so no labelled column is dropped. Text is
// readable when it prints at about 8 points or more: 11-point text at minScale percent or more.
//
// A sheet prints one page wide, fitted to the width, when its columns are at most a4Width
// wide, or can be made so by giving up width in its wrapped columns (事项内容, 进展情况,
// 所属任务: their text wraps onto more lines), down to minSqueeze each. Otherwise it prints in
// as few parts across pages as can each be made at most a4Width wide the same way, every part
// after the first starting again with the sheet's key columns (序号 to 事项内容), at one scale
// for all parts; page order across then down, so that the parts of the same rows follow each
// other.

// minSqueeze is the narrowest a wrapped column is made to fit A4: eight CJK characters a line.
const minSqueeze = 16

// Scale of the parts: printable is the width of A4 landscape between the side margins, in
// points; unitPoints the printed width of one column width unit at 100%, as LibreOffice draws
// it (7.05 pt, measured from its PDF of the report; Excel draws a unit narrower, so a scale
// that fits LibreOffice fits Excel too).
const (
	printable  = 841.89 - 2*72*sideMargin
	unitPoints = 7.05
	minScale   = 72  // percent: 11-point text prints at 7.9 points
	sideMargin = 0.5 // inches, left and right, on A4
)

// a4Width is the widest table (in column width units) that prints on A4 landscape, one page
// wide, at minScale or more (about 151.7).
const a4Width = printable * 100 / (unitPoints * minScale)

// Fit is the layout FitA4 chose: the column widths, and when the sheet prints in parts, the
// columns (1-based) before which a part begins, how many leading columns each part repeats,
// and the print scale in percent.
type Fit struct {
	Widths []float64
	Breaks []int
	Key    int
	Scale  int
}

// FitA4 fits columns of the given widths to A4 landscape: the columns with wrap set may be
// narrowed, and key leading columns (0: none) are repeated on every part when the sheet must
// print in parts. widths is not changed.
func FitA4(widths []float64, wrap []bool, key int) Fit {
	canWrap := func(c int) bool { return c < len(wrap) && wrap[c] }
	if key <= 0 || key >= len(widths) {
		ws := append([]float64(nil), widths...)
		squeeze(ws, canWrap, [][2]int{{0, len(ws)}}, 0)
		return Fit{Widths: ws}
	}
	// The fewest parts that can each be made to fit; of those partitions, the one that takes
	// the least width from the wrapped columns, then the one with the narrowest widest part.
	var best []float64
	var bestBreaks []int
	bestLoss, bestWidest := math.Inf(1), math.Inf(1)
	for n := 1; n <= min(maxSearched, len(widths)-key) && best == nil; n++ {
		for _, breaks := range partitions(key, len(widths), n) {
			ws := append([]float64(nil), widths...)
			parts := partRanges(key, len(ws), breaks)
			if !squeeze(ws, canWrap, parts, key) {
				continue
			}
			loss, w := sum(widths)-sum(ws), widest(ws, parts, key)
			if loss < bestLoss || loss == bestLoss && w < bestWidest {
				best, bestBreaks, bestLoss, bestWidest = ws, breaks, loss, w
			}
		}
	}
	if best == nil {
		best = append([]float64(nil), widths...)
		bestBreaks = packed(best, canWrap, key)
		squeeze(best, canWrap, partRanges(key, len(best), bestBreaks), key)
	}
	if len(bestBreaks) == 0 {
		return Fit{Widths: best}
	}
	w := widest(best, partRanges(key, len(best), bestBreaks), key)
	return Fit{Widths: best, Breaks: bestBreaks, Key: key,
		Scale: min(100, int(math.Floor(100*printable/(w*unitPoints))))}
}

// maxSearched is the most parts whose every partition FitA4 tries; a table that needs more
// is cut where its columns, narrowed as far as they go, fill a part (packed).
const maxSearched = 3

// packed cuts the columns after the key into parts left to right, each as full as it can be
// with the wrapped columns at minSqueeze, and returns the breaks.
func packed(ws []float64, canWrap func(int) bool, key int) []int {
	least := func(c int) float64 {
		if canWrap(c) {
			return min(ws[c], minSqueeze)
		}
		return ws[c]
	}
	keyWidth := 0.0
	for c := range key {
		keyWidth += least(c)
	}
	var breaks []int
	part := 0.0
	for c := key; c < len(ws); c++ {
		if part > 0 && keyWidth+part+least(c) > a4Width {
			breaks = append(breaks, c+1)
			part = 0
		}
		part += least(c)
	}
	return breaks
}

// partitions lists the ways to cut the columns key..n-1 (0-based) into parts contiguous
// parts, each as the 1-based columns before which a part after the first begins.
func partitions(key, n, parts int) [][]int {
	if parts == 1 {
		return [][]int{nil}
	}
	var all [][]int
	// The first part holds the columns key..c-1, at least one.
	for c := key + 1; c <= n-(parts-1); c++ {
		for _, rest := range partitions(c, n, parts-1) {
			all = append(all, append([]int{c + 1}, rest...))
		}
	}
	return all
}

// partRanges is the columns [from, to) (0-based) of each part, the key columns apart.
func partRanges(key, n int, breaks []int) [][2]int {
	var r [][2]int
	from := key
	for _, b := range breaks {
		r = append(r, [2]int{from, b - 1})
		from = b - 1
	}
	return append(r, [2]int{from, n})
}

// partWidth is the printed width of a part: the key columns and its own.
func partWidth(ws []float64, p [2]int, key int) float64 {
	return sum(ws[:key]) + sum(ws[p[0]:p[1]])
}

// widest is the width of the widest part.
func widest(ws []float64, parts [][2]int, key int) float64 {
	w := 0.0
	for _, p := range parts {
		w = max(w, partWidth(ws, p, key))
	}
	return w
}

// squeeze narrows the wrapped columns until every part is at most a4Width wide, a unit at a
// time: in the widest part, its widest wrapped column or key column, of equal ones the
// rightmost (so that 事项内容 keeps the most), down to minSqueeze. It reports whether every
// part fits; when not, it narrows as far as it can.
func squeeze(ws []float64, canWrap func(int) bool, parts [][2]int, key int) bool {
	for {
		worst, w := -1, 0.0
		for i, p := range parts {
			if pw := partWidth(ws, p, key); pw > a4Width && pw > w {
				worst, w = i, pw
			}
		}
		if worst < 0 {
			return true
		}
		best := -1
		for c, x := range ws {
			in := c < key || c >= parts[worst][0] && c < parts[worst][1]
			if in && canWrap(c) && x > minSqueeze && (best < 0 || x >= ws[best]) {
				best = c
			}
		}
		if best < 0 {
			return false
		}
		ws[best] = max(ws[best]-1, minSqueeze)
	}
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}
