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
		// 170: the two wrapped columns give up 19 between them, the widest first, of equal
		// ones the rightmost; one page wide rather than two parts at full width.
		{"narrowed", []float64{6, 28, 20, 28, 88}, []bool{false, true, false, true, false}, 1,
			[]float64{6, 19, 20, 18, 88}, nil, 0},
		// 事项明细 of the sample: 214 wide, still 176 with the wrapped columns at 16, so two
		// parts: A–J and A–F again with K–N; 事项内容 (in the key) and 进展情况 give up 3 and 4
		// so that both are at most a4Width, at 72% (7.9 pt in LibreOffice) rather than 69%.
		{"parts", []float64{6, 12, 16, 22, 12, 28, 20, 14, 10, 12, 10, 12, 28, 12},
			[]bool{false, false, false, false, false, true, false, true, false, false, false, false, true, false}, 6,
			[]float64{6, 12, 16, 22, 12, 25, 20, 14, 10, 12, 10, 12, 24, 12}, []int{11}, 72},
		// Fixed columns that two parts cannot hold: three, nothing narrowed.
		{"three parts", []float64{6, 30, 30, 30, 30, 30, 30, 30, 30, 30}, nil, 2,
			[]float64{6, 30, 30, 30, 30, 30, 30, 30, 30, 30}, []int{5, 8}, 86},
		// The same with a wrapped key column: narrowed by 5, it saves the third part.
		{"the key narrowed", []float64{6, 30, 30, 30, 30, 30, 30, 30, 30, 30}, []bool{false, true}, 2,
			[]float64{6, 25, 30, 30, 30, 30, 30, 30, 30, 30}, []int{7}, 72},
		// The key and any one column are wider than A4 at a readable size: a column a part,
		// at the scale of the widest.
		{"key too wide", []float64{6, 140, 20, 25, 20}, nil, 2,
			[]float64{6, 140, 20, 25, 20}, []int{4, 5}, 63},
	} {
		f := FitA4(c.widths, c.wrap, c.key)
		if !slices.Equal(f.Widths, c.want) || !slices.Equal(f.Breaks, c.breaks) || f.Scale != c.scale {
			t.Errorf("%s: FitA4 = %+v, want widths %v, breaks %v, scale %d", c.name, f, c.want, c.breaks, c.scale)
		}
		from := c.key
		for _, b := range append(slices.Clone(f.Breaks), len(f.Widths)+1) {
			if w := sum(f.Widths[:c.key]) + sum(f.Widths[from:b-1]); len(f.Breaks) > 0 && c.scale >= minScale && w > a4Width {
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
	if *pl.Size != 9 || pl.AdjustTo == nil || *pl.AdjustTo < minScale || *pl.PageOrder != "overThenDown" {
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

// The title of a table printed in parts is merged across its key columns, which every part
// repeats, so that each printed page shows it whole; one that fits is merged across the table,
// and further when the table is narrower than its title.
func TestPartsTitle(t *testing.T) {
	t.Parallel()
	cols := make([]Column, 14)
	for i := range cols {
		cols[i] = Column{Label: "列", Width: 15}
	}
	f := writeBook(t, []*Table{
		{Name: "明细", Titles: []string{"明细（统计截止：2024年12月20日）"}, Cols: cols, Key: 3},
		{Name: "名单", Titles: []string{"名单"}, Cols: cols[:4], Key: 3},
		// 未报送单位: two columns 26 wide, its title 38 wide at 11 points, 14 here: merged
		// across the table and as many columns of the default width (9.14) as hold it.
		{Name: "未报送单位", Titles: []string{"未报送单位（统计截止：2024年12月20日）"},
			Cols: []Column{{Label: "牵头单位", Width: 14}, {Label: "应报事项数", Width: 12}}},
	}, Props{Application: "duban"})
	for sheet, want := range map[string]string{"明细": "C1", "名单": "D1", "未报送单位": "E1"} {
		m, err := f.GetMergeCells(sheet)
		if err != nil || len(m) != 1 || m[0].GetStartAxis() != "A1" || m[0].GetEndAxis() != want {
			t.Errorf("%s: title merged as %v (%v), want A1:%s", sheet, m, err, want)
		}
	}
}
