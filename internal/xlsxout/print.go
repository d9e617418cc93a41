package xlsxout

import (
	"fmt"

	"github.com/xuri/excelize/v2"
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
}

// PrintSetup applies p to sheet. An AutoFilter must be set before: it replaces the sheet
// properties that carry fit-to-page.
func PrintSetup(f *excelize.File, sheet string, p Print) error {
	yes, size, landscape, one, tall := true, paperSize[A4], "landscape", 1, 0
	if int(p.Paper) < len(paperSize) {
		size = paperSize[p.Paper]
	}
	if p.OnePage {
		tall = 1
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{
		Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &tall,
	})
	if err != nil {
		return err
	}
	if p.Footer != "" {
		if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: p.Footer}); err != nil {
			return err
		}
	}
	if p.RepeatRows <= 0 {
		return nil
	}
	return f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: fmt.Sprintf("'%s'!$%d:$%d", sheet, p.RepeatRows, p.RepeatRows),
		Scope:    sheet,
	})
}
