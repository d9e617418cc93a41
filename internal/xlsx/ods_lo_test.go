package xlsx

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// The reader against LibreOffice itself: a ledger written as .xlsx and converted to .ods by
// `soffice --headless --convert-to ods` reads cell for cell as the .xlsx does. Skipped under
// -short and where LibreOffice is not installed.
func TestODSLikeXLSX(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		soffice, err = exec.LookPath("libreoffice")
	}
	if testing.Short() || err != nil {
		t.Skip("needs LibreOffice (soffice), and not under -short")
	}
	dir := t.TempDir()
	if d := os.Getenv("ODS_KEEP"); d != "" {
		dir = d
	}
	xlsxPath := filepath.Join(dir, "市财政局.xlsx")
	writeLOLedger(t, xlsxPath)
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, soffice, "-env:UserInstallation=file://"+filepath.ToSlash(filepath.Join(dir, "lo")),
		"--headless", "--convert-to", "ods", "--outdir", dir, xlsxPath)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Skipf("soffice failed: %v\n%s", err, out)
	}
	want := openPath(t, xlsxPath)
	got := openPath(t, filepath.Join(dir, "市财政局.ods"))
	if got.Format != ODS {
		t.Fatalf("format %v, want ODS", got.Format)
	}
	if len(got.Sheets) != len(want.Sheets) {
		t.Fatalf("%d sheets, want %d", len(got.Sheets), len(want.Sheets))
	}
	for i, w := range want.Sheets {
		g := got.Sheets[i]
		if g.Name != w.Name || g.Hidden != w.Hidden {
			t.Errorf("sheet %d: %q hidden=%v, want %q hidden=%v", i, g.Name, g.Hidden, w.Name, w.Hidden)
		}
		gc, wc := cellMap(g), cellMap(w)
		for ref, wv := range wc {
			if gv, ok := gc[ref]; !ok || !sameCell(gv, wv) {
				t.Errorf("%s!%s: %+v, want %+v", w.Name, ref, gv, wv)
			}
		}
		for ref, gv := range gc {
			if _, ok := wc[ref]; !ok {
				t.Errorf("%s!%s: %+v, not in the .xlsx", w.Name, ref, gv)
			}
		}
		sortRanges := func(rs []Range) []Range {
			rs = slices.Clone(rs)
			slices.SortFunc(rs, func(a, b Range) int { return (a.R1-b.R1)*maxCol*2 + a.C1 - b.C1 })
			return rs
		}
		if gm, wm := sortRanges(g.Merges), sortRanges(w.Merges); !slices.Equal(gm, wm) {
			t.Errorf("%s: merges %v, want %v", w.Name, gm, wm)
		}
	}
}

func openPath(t *testing.T, path string) *Book {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	book, err := Open(bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return book
}

func cellMap(s *Sheet) map[string]Cell {
	m := map[string]Cell{}
	for _, r := range s.Rows {
		for i, c := range r.Cells {
			if c != (Cell{}) {
				m[CellName(i+1, r.N)] = c
			}
		}
	}
	return m
}

// sameCell compares numbers by value: the two formats write them with different digits.
func sameCell(g, w Cell) bool {
	if g.Kind != w.Kind {
		return false
	}
	if g.Kind == Number {
		a, err1 := strconv.ParseFloat(g.Value, 64)
		b, err2 := strconv.ParseFloat(w.Value, 64)
		return err1 == nil && err2 == nil && (a-b < 1e-9 && b-a < 1e-9)
	}
	return g.Value == w.Value
}

// writeLOLedger writes a unit's ledger as units fill them: a merged title, a header, a
// meeting merged over its items, dates, numbers and percentages, text with runs of spaces,
// line breaks and a tab, blank cells between values, a note far to the right, a hidden sheet.
// No booleans: LibreOffice imports an .xlsx boolean as the formula =TRUE() with the number 1
// (TestReadODS reads the booleans LibreOffice writes of its own).
func writeLOLedger(t *testing.T, path string) {
	f := excelize.NewFile()
	defer f.Close()
	s := "台账"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetSheetName("Sheet1", s))
	set := func(ref string, v any) { must(f.SetCellValue(s, ref, v)) }
	set("A1", "2024年市政府督查事项落实台账")
	must(f.MergeCell(s, "A1", "G1"))
	set("A2", "填报单位：市财政局        填报日期：2024年12月27日")
	for i, h := range []string{"序号", "会议名称", "事项内容", "牵头单位", "完成时限", "落实状态", "完成率"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 3)
		set(cell, h)
	}
	date := func(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }
	rows := [][]any{
		{1, "市政府常务会议（第2次）", "统筹市级财力保障重点项目建设资金", "市财政局", date(2024, 6, 30), "已落实", 1},
		{2, nil, "  推进预算绩效管理扩围提质\n（二）强化结果应用", "市财政局、市审计局", "2024年底前", "推进中", 0.35},
		{3, nil, "清理盘活\t财政存量资金", "市财政局", date(2024, 9, 30), nil, nil},
		{4, "市长专题会议", "开展财会监督专项行动  （重点检查）", "市财政局", "长期坚持", "已落实", 1},
		{5, "市长办公会议", "落实政府采购支持中小企业政策", nil, date(2025, 3, 31), "未启动", 0},
	}
	for r, row := range rows {
		for c, v := range row {
			if v == nil {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(c+1, r+4)
			set(cell, v)
		}
	}
	must(f.MergeCell(s, "B4", "B6"))
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	must(err)
	must(f.SetCellStyle(s, "E4", "E8", dateStyle))
	pct, err := f.NewStyle(&excelize.Style{NumFmt: 9})
	must(err)
	must(f.SetCellStyle(s, "G4", "G8", pct))
	set("L20", "备注：以上为2024年度事项")
	_, err = f.NewSheet("说明")
	must(err)
	must(f.SetCellValue("说明", "A1", "本表由市财政局填报"))
	must(f.SetSheetVisible("说明", false))
	must(f.SaveAs(path))
}
