package xlsxout

import (
	"slices"
	"strings"
	"testing"
)

func TestFitA4(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name   string
		widths []float64
		wrap   []bool
		key    int
		want   []float64
		breaks []int
		scale  int
	}{
		{"fits", []float64{6, 28, 20, 28}, []bool{false, true, false, true}, 1, []float64{6, 28, 20, 28}, nil, 0},
		// 170: the two wrapped columns give up 5 each, the widest first.
		{"narrowed", []float64{6, 28, 20, 28, 88}, []bool{false, true, false, true, false}, 1,
			[]float64{6, 23, 20, 23, 88}, nil, 0},
		// 事项明细 of the sample: 214 wide, still 178 with the wrapped columns at 16, so it
		// keeps its widths and prints in two parts: A–J (152) and A–F again with K–N (158),
		// at 69% (7.6 pt in LibreOffice).
		{"parts", []float64{6, 12, 16, 22, 12, 28, 20, 14, 10, 12, 10, 12, 28, 12},
			[]bool{false, false, false, false, false, true, false, true, false, false, false, false, true, false}, 6,
			[]float64{6, 12, 16, 22, 12, 28, 20, 14, 10, 12, 10, 12, 28, 12}, []int{11}, 69},
	} {
		f := FitA4(c.widths, c.wrap, c.key)
		if !slices.Equal(f.Widths, c.want) || !slices.Equal(f.Breaks, c.breaks) || f.Scale != c.scale {
			t.Errorf("%s: FitA4 = %+v, want widths %v, breaks %v, scale %d", c.name, f, c.want, c.breaks, c.scale)
		}
		from := c.key
		for _, b := range append(slices.Clone(f.Breaks), len(f.Widths)+1) {
			if w := sum(f.Widths[:c.key]) + sum(f.Widths[from:b-1]); len(f.Breaks) > 0 && w > a4Width {
				t.Errorf("%s: the part before column %d is %v wide", c.name, b, w)
			}
			from = b - 1
		}
	}
}

// A table printed in parts has its column breaks, its key columns and header row as print
// titles, a fixed scale and no fit-to-page.
func TestPartsPrintSetup(t *testing.T) {
	t.Parallel()
	cols := make([]Column, 14)
	for i := range cols {
		cols[i] = Column{Label: "列" + strings.Repeat("宽", i%3), Width: 15}
	}
	f := writeBook(t, []*Table{{Name: "明细", Titles: []string{"明细"}, Cols: cols, Key: 2}}, Props{Application: "duban"})
	pl, err := f.GetPageLayout("明细")
	if err != nil {
		t.Fatal(err)
	}
	if *pl.Size != 9 || pl.AdjustTo == nil || *pl.AdjustTo < 60 || *pl.PageOrder != "overThenDown" {
		t.Errorf("page layout %+v", pl)
	}
	sp, _ := f.GetSheetProps("明细")
	if sp.FitToPage != nil && *sp.FitToPage {
		t.Error("fit to page set on a sheet printed in parts")
	}
	var titles string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == "明细" {
			titles = d.RefersTo
		}
	}
	if titles != "'明细'!$A:$B,'明细'!$2:$2" {
		t.Errorf("print titles %q", titles)
	}
}
