package xlsxout

import (
	"fmt"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// Page margins in inches: Excel's defaults, whose header and footer leave room for the page
// number (第X页 共Y页).
const (
	defaultSide  = 0.7
	topMargin    = 0.75
	bottomMargin = 0.75
	headerMargin = 0.3
	footerMargin = 0.3
)

// FooterPageOfN is the centred page-number footer of every printed sheet.
const FooterPageOfN = "&C第&P页 共&N页"

// Paper is a paper size of the print setup.
type Paper uint8

const (
	A4 Paper = iota // the zero value
	A3              // for tables too wide to read on A4
)

// PaperFor is the paper of a sheet whose columns are width units wide in all (SPEC §7): A4
// landscape, or A3 when A4 would shrink its text below a readable size (about 8 points).
func PaperFor(width float64) Paper {
	if width > a4Width {
		return A3
	}
	return A4
}

// paperSize is the code of each Paper in <pageSetup paperSize>.
var paperSize = [...]int{A4: 9, A3: 8}

// Print is how a sheet prints: landscape, one page wide, and these settings.
type Print struct {
	Paper      Paper
	OnePage    bool   // the height fitted to one page too
	RepeatRows int    // the row (1-based) repeated at the top of every page; 0 for none
	Footer     string // e.g. FooterPageOfN; empty for none
	Center     bool   // centred between the side margins (a summary)
	// Parts, when it has Breaks, prints the sheet in parts across pages instead of one page
	// wide (FitA4): a page break before each column of Breaks, Key columns repeated on each
	// part, at Scale percent, the parts of the same rows on consecutive pages.
	Parts Fit
}

// PrintSetup applies p to sheet. An AutoFilter must be set before: it replaces the sheet
// properties that carry fit-to-page.
func PrintSetup(f *excelize.File, sheet string, p Print) error {
	size, landscape, one, tall := paperSize[A4], "landscape", 1, 0
	if int(p.Paper) < len(paperSize) {
		size = paperSize[p.Paper]
	}
	if p.OnePage {
		tall = 1
	}
	parts := len(p.Parts.Breaks) > 0
	fitted := !parts
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fitted}); err != nil {
		return err
	}
	layout := &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall}
	if parts {
		scale, order := uint(max(p.Parts.Scale, 10)), "overThenDown"
		layout = &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, AdjustTo: &scale, PageOrder: &order}
		for _, c := range p.Parts.Breaks {
			if err := f.InsertPageBreak(sheet, xlsx.ColumnName(c)+"1"); err != nil {
				return err
			}
		}
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	// Every margin is set (inches; Excel's own defaults but for A4's narrower sides): excelize writes 0 for one left out, and a sheet with no header or
	// footer margin prints no 第X页 共Y页 and its title at the paper's edge.
	side, top, bottom, header, footer := defaultSide, topMargin, bottomMargin, headerMargin, footerMargin
	if p.Paper == A4 {
		side = sideMargin
	}
	margins := &excelize.PageLayoutMarginsOptions{Horizontally: &p.Center,
		Left: &side, Right: &side, Top: &top, Bottom: &bottom, Header: &header, Footer: &footer}
	if err := f.SetPageMargins(sheet, margins); err != nil {
		return err
	}
	if p.Footer != "" {
		if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: p.Footer}); err != nil {
			return err
		}
	}
	var titles []string
	if parts && p.Parts.Key > 0 {
		titles = append(titles, fmt.Sprintf("'%s'!$A:$%s", sheet, xlsx.ColumnName(p.Parts.Key)))
	}
	if p.RepeatRows > 0 {
		titles = append(titles, fmt.Sprintf("'%s'!$%d:$%d", sheet, p.RepeatRows, p.RepeatRows))
	}
	if len(titles) == 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: strings.Join(titles, ","),
		Scope:    sheet,
	})
}
