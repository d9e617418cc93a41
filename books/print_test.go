package books

import (
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// A4 landscape, as duban's sheets print it: the width between side margins of half an inch
// and the height between Excel's default top and bottom margins (0.75 in), in points; a column
// width unit is 7.05 pt wide as LibreOffice prints it (xlsxout.FitA4), Excel narrower.
const (
	a4PrintWidth  = 841.89 - 2*36
	a4PrintHeight = 595.28 - 2*54
	unitPoints    = 7.05
)

// TestSummaryOnePage: 汇总 prints on one A4 page, centred, at the size that fits its width —
// not shrunk further to fit its height — with every optional line present: the 注 on what
// the figures leave out, the 较上期 sentence, every category of the dictionary, and the lines
// other rules add under the table (按期办结率 with its definition, 延期, 进度 with 超进度 and
// the items that say nothing of it).
func TestSummaryOnePage(t *testing.T) {
	r := testReport()
	d := testDict(t)
	r.Categories = nil
	for _, c := range d.Categories {
		r.Categories = append(r.Categories, sheets.CategoryStats{Name: c.Name, Kind: c.Kind, Meetings: 19,
			Counts: sheets.Counts{Items: 404, Done: 351, InProgress: 40, NotStarted: 13, Overdue: 7, DueSoon: 3}})
	}
	r.Narrative = "截至2024年12月20日，共召开市委常委会议19次，议定事项404项，已落实351项，落实率86.9%；" +
		strings.Repeat("市政府常务会议涉及19次会议，议定事项404项，已落实351项，落实率86.9%；", 6) +
		"市长批示件342件，已办结321件，办结率93.9%。合计事项3636项，已落实3159项，推进中360项，未启动117项，总体落实率86.9%。" +
		"未按期办结（逾期）事项63项，临期事项27项，无明确时限事项65项。"
	r.Since = &sheets.SinceResult{Sentence: "较上期（2024年11月20日）：落实率由84.1%升至86.4%，本期办结15项，新增逾期3项；" +
		"市生态环境局本期未报送（上期20项），未计入本期。"}
	r.Narrative += r.Since.Sentence
	r.Inputs = []sheets.FileResult{{File: "市教育局.xls", Unit: "市教育局", Failed: "无法读取"},
		{File: "市商务局.xlsx", Unit: "市商务局", Rows: 20, Excluded: 2}}
	if r.Limits() == "" {
		t.Fatal("no 注 line")
	}
	r.Total.Counts = sheets.Counts{Items: 3636, Done: 3159, InProgress: 360, NotStarted: 117, Overdue: 63, DueSoon: 27, Due: 3300, OnTime: 2726}
	r.Extended = 12
	r.Schedules = sheets.ScheduleCounts{Ahead: 10, On: 291, Behind: 50}
	tb := summaryTable(r)
	if len(tb.Notes) != 6 {
		t.Fatalf("notes under 汇总 = %q, want the 逾期/临期 note, 按期办结率, 延期 and 进度", tb.Notes)
	}

	f := excelize.NewFile()
	defer f.Close()
	if err := xlsxout.WriteBook(f, []*xlsxout.Table{tb}); err != nil {
		t.Fatal(err)
	}
	sheet := sheets.SheetSummary
	if m, err := f.GetPageMargins(sheet); err != nil || m.Horizontally == nil || !*m.Horizontally {
		t.Errorf("汇总 not centred: %+v, %v", m, err)
	}
	if pl, err := f.GetPageLayout(sheet); err != nil || *pl.Size != 9 || *pl.FitToHeight != 1 || *pl.FitToWidth != 1 {
		t.Errorf("汇总 not fitted to one A4 page: %+v, %v", pl, err)
	}
	width := 0.0
	for c := 1; c <= len(tb.Cols); c++ {
		w, _ := f.GetColWidth(sheet, sheets.ColumnName(c))
		width += w
	}
	// The chart is beside the table, from its header row down: its width adds to the table's,
	// and its height counts from the header row.
	scale := min(1, a4PrintWidth/(width*unitPoints+(12+chartWidth)*0.75))
	top, below := 0.0, 0.0
	last := tb.HeaderRow() + tb.N + 1 + 1 + len(tb.Notes) // the table, 合计, a blank row, the notes
	for row := 1; row <= last; row++ {
		h, err := f.GetRowHeight(sheet, row)
		if err != nil {
			t.Fatal(err)
		}
		if row < tb.HeaderRow() {
			top += h
		} else {
			below += h
		}
	}
	height := top + max(below, float64(chartHeight(len(r.Categories)))*0.75) // the chart, px → pt
	if scale < 0.75 {
		t.Errorf("汇总 and its chart are too wide for A4 at a readable size: scale %.2f", scale)
	}
	t.Logf("汇总: %.0f pt tall, scale %.2f", height, scale)
	if height*scale > a4PrintHeight {
		t.Errorf("汇总 is %.0f pt tall at the width's scale %.2f: %.0f pt > %.0f pt, so it prints smaller than its width allows",
			height, scale, height*scale, a4PrintHeight)
	}
}
