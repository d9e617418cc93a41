package xlsxout

import (
	"testing"

	"github.com/xuri/excelize/v2"
)

func TestPaperFor(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		width float64
		want  Paper
	}{{0, A4}, {a4Width, A4}, {a4Width + 0.5, A3}, {198, A3}} {
		if got := PaperFor(c.width); got != c.want {
			t.Errorf("PaperFor(%v) = %v, want %v", c.width, got, c.want)
		}
	}
}

// Every printed sheet has margins to print its footer in (excelize writes 0 for a margin not
// set: the footer 第X页 共Y页 then does not print and the title touches the paper's edge), on
// A4 and A3, fitted or in parts.
func TestPrintMargins(t *testing.T) {
	t.Parallel()
	for name, p := range map[string]Print{
		"A4":    {Footer: FooterPageOfN, RepeatRows: 2},
		"A3":    {Paper: A3, Footer: FooterPageOfN},
		"汇总":    {OnePage: true, Center: true, Footer: FooterPageOfN},
		"parts": {Footer: FooterPageOfN, Parts: Fit{Breaks: []int{8}, Key: 2, Scale: 75}},
	} {
		f := excelize.NewFile()
		sheet := f.GetSheetName(0)
		if err := PrintSetup(f, sheet, p); err != nil {
			t.Fatal(err)
		}
		m, err := f.GetPageMargins(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for side, v := range map[string]*float64{"left": m.Left, "right": m.Right, "top": m.Top, "bottom": m.Bottom,
			"header": m.Header, "footer": m.Footer} {
			if v == nil || *v <= 0 {
				t.Errorf("%s: %s margin %v", name, side, v)
			}
		}
		if *m.Footer >= *m.Bottom || *m.Header >= *m.Top {
			t.Errorf("%s: no room for the footer: bottom %v, footer %v", name, *m.Bottom, *m.Footer)
		}
		if hf, _ := f.GetHeaderFooter(sheet); hf.OddFooter != "&C第&P页 共&N页" {
			t.Errorf("%s: footer %q", name, hf.OddFooter)
		}
		f.Close()
	}
}
