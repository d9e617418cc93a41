package bulletin

import (
	"math"
	"strconv"

	"github.com/duban/duban/internal/docxout"
)

// annexWidths are the 附件 table's column widths in mm, summing to the 版心's 156 mm, for
// 五号 type (3.7 mm a character) in cells with 0.8 mm padding: 序号 `序号` and three digits,
// 牵头单位 six characters (县自然资源局), 完成时限 `2024年12月31日` on one line, 落实状态
// `推进中`, 预警 `逾期` and `无明确/时限` on two lines; 事项内容 takes the rest, 15
// characters a line. The date is 26 mm in 仿宋_GB2312 in Word, but LibreOffice spaces digits
// from Chinese characters whatever w:autoSpaceDE says (its importer ignores it): 30.7 mm
// measured in its PDF. At 小四 the date needed 37 mm and left 事项内容 ten characters a line,
// and at 32 mm the 日 of two-digit months went onto a line of its own. Where the government
// fonts are not installed (LibreOffice on a machine without 仿宋_GB2312 draws the digits in
// DejaVu Sans) the date is wider still: at 33 mm 2024年10月31日 broke before 日; 36 mm holds it.
var annexWidths = []float64{10, 57, 25, 36, 14, 14}

// A 牵头单位 longer than six characters widens its column, up to maxUnitWidth mm, so that a
// unit's name stays on one line (市住房城乡建设局, not 市住房城乡建｜设局); 事项内容 gives
// up the width. charWidth is a 五号 character, cellPadding both sides' margins.
const (
	charWidth    = 3.7
	cellPadding  = 2 * 0.8
	maxUnitWidth = 38
)

// widths are the column widths in mm for items: annexWidths, with 牵头单位 as wide as the
// longest unit's name needs.
func widths(items []Item) []float64 {
	ws := append([]float64(nil), annexWidths...)
	longest := 0.0
	for _, it := range items {
		longest = max(longest, chars(it.Unit))
	}
	if need := math.Ceil(longest*charWidth + cellPadding + 0.5); need > ws[2] {
		need = min(need, maxUnitWidth)
		ws[1] -= need - ws[2]
		ws[2] = need
	}
	return ws
}

// The 附件 table's type: 五号 仿宋, the header in 黑体.
var (
	runCell   = docxout.Run{Font: docxout.FontFangSong, Size: docxout.Size5}
	runHeader = docxout.Run{Font: docxout.FontHei, Size: docxout.Size5}
)

// annex is the 附件 page: its label top left, its title, and the item table with its header
// row repeated on every page.
func annex(a Annex, page docxout.Page) []docxout.Block {
	if len(a.Items) == 0 {
		return nil
	}
	label := docxout.Text(annexLabel, runHeading)
	label.Align, label.PageBreakBefore, label.KeepNext = docxout.Left, true, true
	t := docxout.Text(annexTitle(a), runTitle)
	t.Align, t.NoGrid, t.Line, t.Before, t.After, t.KeepNext = docxout.Center, true, docxout.Pt(36), docxout.Pt(12), docxout.Pt(18), true
	return []docxout.Block{label, t, annexTable(a.Items, page)}
}

func annexTable(items []Item, page docxout.Page) docxout.Table {
	t := docxout.Table{
		Border:     &docxout.Border{Size: 4},
		CellMargin: docxout.MM(0.8),
	}
	var sum docxout.Length
	for _, w := range widths(items) {
		t.Widths = append(t.Widths, docxout.MM(w))
		sum += docxout.MM(w)
	}
	// Rounding to twips: the widest column takes the difference, so that the table is exactly
	// as wide as the type area.
	t.Widths[1] += page.TextWidth() - sum

	header := docxout.Row{Header: true, CantSplit: true, MinHeight: docxout.MM(8)}
	for _, c := range annexColumns {
		header.Cells = append(header.Cells, cell(c, runHeader, docxout.Center))
	}
	t.Rows = append(t.Rows, header)
	for i, it := range items {
		alert := runCell
		if it.Urgent {
			alert.Color = docxout.Red
		}
		t.Rows = append(t.Rows, docxout.Row{CantSplit: true, MinHeight: docxout.MM(7), Cells: []docxout.Cell{
			cell(strconv.Itoa(i+1), runCell, docxout.Center),
			cell(it.Content, runCell, docxout.Both),
			cell(it.Unit, runCell, docxout.Center),
			cell(it.Deadline, runCell, docxout.Center),
			cell(it.Status, runCell, docxout.Center),
			cell(it.Alert, alert, docxout.Center),
		}})
	}
	return t
}

func cell(s string, r docxout.Run, align docxout.Align) docxout.Cell {
	p := docxout.Text(s, r)
	p.Align, p.NoGrid, p.Line = align, true, docxout.Pt(16)
	return docxout.Cell{Paras: []docxout.Para{p}, VAlign: docxout.Middle}
}
