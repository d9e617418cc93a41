package xlsxout

import "math"

// How a sheet that goes to leaders and units prints on A4 (SPEC §7): their printers hold A4
// only, and tools find tables by their labels, so no labelled column is dropped. A sheet
// whose columns are at most a4Width wide prints one page wide, fitted to the width. A wider
// one gives up width in its wrapped columns (事项内容, 进展情况: their text wraps onto more
// lines), down to minSqueeze each, when that makes it fit; otherwise it keeps its widths and
// prints in parts across pages, each part at most a4Width wide, every part after the first
// starting again with the sheet's key columns (序号 and what identifies a row), at one scale
// for all parts.

// minSqueeze is the narrowest a wrapped column is made to fit A4: eight CJK characters a line.
const minSqueeze = 16

// Scale of the parts: printable is the width of A4 landscape between margins of half an inch,
// in points; unitPoints the printed width of one column width unit at 100%, as LibreOffice
// draws it (7.05 pt, measured from its PDF of the report; Excel draws a unit narrower, so a
// scale that fits LibreOffice fits Excel too).
const (
	printable  = 841.89 - 2*36
	unitPoints = 7.05
	sideMargin = 0.5 // inches, left and right, on A4
)

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
	ws := append([]float64(nil), widths...)
	over := sum(ws) - a4Width
	least := 0.0
	for c, w := range ws {
		if c < len(wrap) && wrap[c] {
			least += min(w, minSqueeze)
		} else {
			least += w
		}
	}
	if least > a4Width && key > 0 && key < len(ws) {
		over = -over // parts: no narrowing, which would only make the text taller
	}
	// Narrow the widest wrapped columns first, a unit at a time, so that they end alike; of
	// equal ones the rightmost, so that 事项内容 keeps the most.
	for over > 0 {
		best := -1
		for c, w := range ws {
			if c < len(wrap) && wrap[c] && w > minSqueeze && (best < 0 || w >= ws[best]) {
				best = c
			}
		}
		if best < 0 {
			break
		}
		ws[best]--
		over--
	}
	fit := Fit{Widths: ws}
	if sum(ws) <= a4Width || key <= 0 || key >= len(ws) {
		return fit
	}
	keyWidth := sum(ws[:key])
	part, widest := sum(ws[:key]), 0.0
	for c := key; c < len(ws); c++ {
		if part+ws[c] > a4Width && part > keyWidth {
			fit.Breaks = append(fit.Breaks, c+1)
			widest = max(widest, part)
			part = keyWidth
		}
		part += ws[c]
	}
	widest = max(widest, part)
	if len(fit.Breaks) == 0 {
		return Fit{Widths: ws}
	}
	fit.Key = key
	fit.Scale = min(100, int(math.Floor(100*printable/(widest*unitPoints))))
	return fit
}

func sum(ws []float64) float64 {
	t := 0.0
	for _, w := range ws {
		t += w
	}
	return t
}
