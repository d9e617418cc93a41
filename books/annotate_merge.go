package books

import (
	"cmp"
	"container/heap"
	"slices"
	"sort"

	"github.com/duban/duban/internal/xlsx"
)

// The merged ranges of an annotated copy are read once, by row, and never expanded into the
// cells they cover: one merge can span a whole sheet (16 million cells of an .xls) and a sheet
// can hold 10⁵ of them. A sweep down the rows keeps the ranges that cover the current row,
// which never overlap one another, in column order; what each problem cell needs — the merge
// holding it — is a binary search there.

// keptMerges returns the merged ranges refs of a sheet ("A1:B2", "C:C") that the copy keeps,
// by their first row and column: those Excel would repair away — a single cell, a reference it
// cannot read, a range overlapping one before it — are left out.
func keptMerges(refs []string) []xlsx.Range {
	ms := make([]xlsx.Range, 0, len(refs))
	for _, ref := range refs {
		if r, ok := xlsx.ParseRange(ref); ok && (r.R1 != r.R2 || r.C1 != r.C2) {
			ms = append(ms, r)
		}
	}
	return disjoint(ms)
}

// disjoint returns ms without the ranges that overlap one before them, by first row and column
// (in document order among equals), sorted so.
func disjoint(ms []xlsx.Range) []xlsx.Range {
	slices.SortStableFunc(ms, func(a, b xlsx.Range) int { return cmp.Or(cmp.Compare(a.R1, b.R1), cmp.Compare(a.C1, b.C1)) })
	var act active
	kept := ms[:0]
	for _, m := range ms {
		act.advance(m.R1)
		if i := act.from(m.C1); i < len(act.byCol) && act.byCol[i].C1 <= m.C2 {
			continue // overlaps a kept range that covers this row
		}
		act.add(m)
		kept = append(kept, m)
	}
	return kept
}

// mergeAnchors returns, for each cell of cells ({row, column}) inside one of the ranges ms
// (disjoint, sorted as keptMerges returns them), that range.
func mergeAnchors(ms []xlsx.Range, cells [][2]int) map[[2]int]xlsx.Range {
	out := map[[2]int]xlsx.Range{}
	if len(ms) == 0 {
		return out
	}
	cells = slices.Clone(cells)
	slices.SortFunc(cells, func(a, b [2]int) int { return cmp.Compare(a[0], b[0]) })
	var act active
	next := 0
	for _, c := range cells {
		for ; next < len(ms) && ms[next].R1 <= c[0]; next++ {
			act.advance(ms[next].R1)
			act.add(ms[next])
		}
		act.advance(c[0])
		if i := act.from(c[1]); i < len(act.byCol) && act.byCol[i].C1 <= c[1] {
			out[c] = act.byCol[i]
		}
	}
	return out
}

// active holds the ranges covering the current row of a sweep down a sheet: pairwise disjoint
// in columns, in column order, and by last row for leaving them behind.
type active struct {
	byCol []xlsx.Range
	ends  byEnd
}

// advance leaves behind the ranges that end above row.
func (a *active) advance(row int) {
	for len(a.ends) > 0 && a.ends[0].R2 < row {
		r := heap.Pop(&a.ends).(xlsx.Range)
		if i := a.from(r.C1); i < len(a.byCol) && a.byCol[i] == r {
			a.byCol = slices.Delete(a.byCol, i, i+1)
		}
	}
}

// from is the index of the first range that ends at or right of column col.
func (a *active) from(col int) int {
	return sort.Search(len(a.byCol), func(i int) bool { return a.byCol[i].C2 >= col })
}

// add adds r, which overlaps none of the ranges held.
func (a *active) add(r xlsx.Range) {
	a.byCol = slices.Insert(a.byCol, a.from(r.C1), r)
	heap.Push(&a.ends, r)
}

type byEnd []xlsx.Range

func (h byEnd) Len() int           { return len(h) }
func (h byEnd) Less(i, j int) bool { return h[i].R2 < h[j].R2 }
func (h byEnd) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *byEnd) Push(x any)        { *h = append(*h, x.(xlsx.Range)) }
func (h *byEnd) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// mergeRefs writes ranges as references ("A1:B2").
func mergeRefs(ms []xlsx.Range) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = xlsx.CellName(m.C1, m.R1) + ":" + xlsx.CellName(m.C2, m.R2)
	}
	return out
}
