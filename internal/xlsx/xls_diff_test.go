package xlsx

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// xlrdDump prints, for each .xls named on the command line, what xlrd (the reference reader
// for .xls) reads: the date mode and every worksheet's non-empty cells with their type.
const xlrdDump = `
import json, sys, xlrd
out = {}
for path in sys.argv[1:]:
    bk = xlrd.open_workbook(path, formatting_info=True)
    sheets = []
    for sh in bk.sheets():
        cells = []
        for r in range(sh.nrows):
            for c in range(sh.ncols):
                cell = sh.cell(r, c)
                t, v = cell.ctype, cell.value
                if t in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
                    continue
                if t == xlrd.XL_CELL_TEXT:
                    cells.append([r, c, "text", v])
                elif t in (xlrd.XL_CELL_NUMBER, xlrd.XL_CELL_DATE):
                    cells.append([r, c, "number", repr(float(v))])
                elif t == xlrd.XL_CELL_BOOLEAN:
                    cells.append([r, c, "bool", str(int(v))])
                elif t == xlrd.XL_CELL_ERROR:
                    cells.append([r, c, "error", xlrd.error_text_from_code.get(v, "?%d" % v)])
        sheets.append({"name": sh.name, "hidden": sh.visibility != 0, "cells": cells,
                       "merges": [[a + 1, b, c + 1, d] for a, b, c, d in sh.merged_cells]})
    out[path] = {"datemode": bk.datemode, "sheets": sheets}
json.dump(out, sys.stdout)
`

type xlrdBook struct {
	DateMode int `json:"datemode"`
	Sheets   []struct {
		Name   string   `json:"name"`
		Hidden bool     `json:"hidden"`
		Cells  [][]any  `json:"cells"`
		Merges [][4]int `json:"merges"` // rlo+1, rhi (inclusive, 1-based), clo+1, chi
	} `json:"sheets"`
}

// xlrdPython returns a Python interpreter that has xlrd, or "".
func xlrdPython() string {
	for _, p := range []string{"python3", "/usr/bin/python3"} {
		if exec.Command(p, "-c", "import xlrd").Run() == nil {
			return p
		}
	}
	return ""
}

// diffLedger writes a ledger workbook with what .xls readers get wrong: Chinese shared
// strings well over 8 KB (so the SST is split across CONTINUE records, inside strings too),
// dates, merged cells, formulas of each result type, negative and RK-encodable numbers,
// booleans, blank cells, a hidden sheet and 3000 rows.
func diffLedger(path string, date1904 bool, rows int) error {
	f := excelize.NewFile()
	defer f.Close()
	if date1904 {
		v := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &v}); err != nil {
			return err
		}
	}
	const sh = "督查事项台账"
	if err := f.SetSheetName("Sheet1", sh); err != nil {
		return err
	}
	set := func(sheet, cell string, v any) {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			panic(err)
		}
	}
	set(sh, "A1", "2026年市政府督查事项落实情况台账")
	if err := f.MergeCell(sh, "A1", "H1"); err != nil {
		return err
	}
	for i, h := range []string{"序号", "事项内容", "数值", "办结时限", "是否办结", "公式数", "公式文本", "公式真假"} {
		set(sh, string(rune('A'+i))+"2", h)
	}
	dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
	if err != nil {
		return err
	}
	nums := []float64{-1.5, 0.01, 123456789, -0.25, 3.14159, -1e-5, 1500, 45291, -123456.789, 0.1 + 0.2}
	base := time.Date(2026, 1, 5, 0, 0, 0, 0, time.UTC)
	for i := 1; i <= rows; i++ {
		r := i + 2
		cell := func(col string) string { return col + strconv.Itoa(r) }
		set(sh, cell("A"), i)
		set(sh, cell("B"), fmt.Sprintf("关于推进第%d项民生实事“城市更新”工作的落实情况（牵头单位：市住建局，责任人：张%d）", i, i%97))
		if i%7 != 0 { // blank cells among the values
			set(sh, cell("C"), nums[i%len(nums)]*float64(1+i%3))
		}
		if i%5 != 0 {
			set(sh, cell("D"), base.AddDate(0, 0, i%400))
			if err := f.SetCellStyle(sh, cell("D"), cell("D"), dateStyle); err != nil {
				return err
			}
		}
		set(sh, cell("E"), i%3 == 0)
		if i%50 == 0 {
			for col, fm := range map[string]string{"F": "A%d*-2.5", "G": `B%d&"（已核）"`, "H": "A%d>1500"} {
				if err := f.SetCellFormula(sh, cell(col), fmt.Sprintf(fm, r)); err != nil {
					return err
				}
			}
		}
		if i%300 == 0 {
			if err := f.MergeCell(sh, cell("F"), "H"+strconv.Itoa(r)); err != nil {
				return err
			}
		}
	}
	if _, err := f.NewSheet("隐藏"); err != nil {
		return err
	}
	set("隐藏", "A1", "备注")
	set("隐藏", "B3", -0.25)
	set("隐藏", "C3", true)
	if err := f.SetCellFormula("隐藏", "D3", "1/0"); err != nil {
		return err
	}
	if err := f.SetCellFormula("隐藏", "E3", "TRUE()"); err != nil {
		return err
	}
	if err := f.SetSheetVisible("隐藏", false); err != nil {
		return err
	}
	return f.SaveAs(path)
}

func TestXLSAgainstXlrd(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: needs python3-xlrd and LibreOffice or Gnumeric")
	}
	py := xlrdPython()
	if py == "" {
		t.Skip("python3-xlrd is not installed (apt-get install python3-xlrd)")
	}
	if !haveConverter() {
		t.Skip("neither soffice (LibreOffice) nor ssconvert (Gnumeric) is installed")
	}
	dir := t.TempDir()
	var srcs []string
	for _, v := range []struct {
		name     string
		date1904 bool
	}{{"台账1900.xlsx", false}, {"台账1904.xlsx", true}} {
		p := filepath.Join(dir, v.name)
		if err := diffLedger(p, v.date1904, 3000); err != nil {
			t.Fatal(err)
		}
		srcs = append(srcs, p)
	}
	xls := convertXLS(t, dir, srcs)
	raw, err := exec.Command(py, append([]string{"-c", xlrdDump}, xls...)...).Output()
	if err != nil {
		t.Fatalf("xlrd: %v", err)
	}
	var ref map[string]xlrdBook
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatal(err)
	}
	total, agree := 0, 0
	for _, p := range xls {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		book, err := readXLSBytes(b, Options{})
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		if strings.Contains(p, "1904") != book.Date1904 {
			t.Errorf("%s: Date1904 %v", filepath.Base(p), book.Date1904)
		}
		checkExercised(t, filepath.Base(p), b)
		n, a := compareXlrd(t, filepath.Base(p), book, ref[p])
		total += n
		agree += a
	}
	t.Logf("%d files, %d cells compared with xlrd, %d agree", len(xls), total, agree)
	if total < 2*3000*5 {
		t.Errorf("only %d cells compared", total)
	}
}

// compareXlrd compares every cell of book's worksheets with xlrd's and returns the number of
// cells compared and of those that agree.
func compareXlrd(t *testing.T, file string, book *Book, ref xlrdBook) (total, agree int) {
	t.Helper()
	if book.Date1904 != (ref.DateMode == 1) {
		t.Errorf("%s: Date1904 %v, xlrd datemode %d", file, book.Date1904, ref.DateMode)
	}
	var sheets []*Sheet
	for _, s := range book.Sheets {
		if s.Kind == Worksheet {
			sheets = append(sheets, s)
		}
	}
	if len(sheets) != len(ref.Sheets) {
		t.Errorf("%s: %d worksheets, xlrd %d", file, len(sheets), len(ref.Sheets))
		return
	}
	kinds := map[string]Kind{"text": Text, "number": Number, "bool": Bool, "error": Error}
	bad := 0
	for i, s := range sheets {
		rs := ref.Sheets[i]
		if s.Name != rs.Name || s.Hidden != rs.Hidden {
			t.Errorf("%s: sheet %d is %q hidden %v, xlrd %q hidden %v", file, i, s.Name, s.Hidden, rs.Name, rs.Hidden)
		}
		mine := map[[2]int]Cell{}
		for _, r := range s.Rows {
			for c, cell := range r.Cells {
				if cell.Kind != Blank {
					mine[[2]int{r.N - 1, c}] = cell
				}
			}
		}
		for _, rc := range rs.Cells {
			key := [2]int{int(rc[0].(float64)), int(rc[1].(float64))}
			want := Cell{Value: rc[3].(string), Kind: kinds[rc[2].(string)]}
			got, ok := mine[key]
			delete(mine, key)
			total++
			same := ok && got.Kind == want.Kind && got.Value == want.Value
			if ok && got.Kind == Number && want.Kind == Number {
				g, err1 := strconv.ParseFloat(got.Value, 64)
				w, err2 := strconv.ParseFloat(want.Value, 64)
				same = err1 == nil && err2 == nil && g == w && !strings.ContainsAny(got.Value, "eE")
			}
			if same {
				agree++
			} else if bad++; bad <= 20 {
				t.Errorf("%s %s row %d col %d: got %+v, xlrd %+v", file, s.Name, key[0]+1, key[1]+1, got, want)
			}
		}
		for key, c := range mine {
			total++
			if bad++; bad <= 20 {
				t.Errorf("%s %s row %d col %d: got %+v, xlrd has no value", file, s.Name, key[0]+1, key[1]+1, c)
			}
		}
		var merges [][4]int
		for _, m := range s.Merges {
			merges = append(merges, [4]int{m.R1, m.R2, m.C1, m.C2})
		}
		if fmt.Sprint(merges) != fmt.Sprint(rs.Merges) {
			t.Errorf("%s %s: merges %v, xlrd %v", file, s.Name, merges, rs.Merges)
		}
	}
	return total, agree
}

// checkExercised fails unless the converted file holds what the comparison is meant to test:
// an SST continued with splits inside strings, formulas with string results, RK numbers,
// merged cells.
func checkExercised(t *testing.T, file string, b []byte) {
	t.Helper()
	cf, err := openCFB(b)
	if err != nil {
		t.Fatal(err)
	}
	wb, err := workbookStream(cf, int64(len(b)), DefaultMaxUnzip)
	if err != nil {
		t.Fatal(err)
	}
	count := map[uint16]int{}
	splits := 0
	rs := &records{b: wb}
	for {
		rec, err := rs.next()
		if err != nil {
			break
		}
		count[rec.typ]++
		if rec.typ == recSST {
			segs := rs.continued(rec)
			count[recContinue] += len(segs) - 1
			c := &contReader{segs: segs}
			c.skip(8)
			for c.more() {
				if _, err := c.richString(); err != nil {
					t.Fatal(err)
				}
			}
			splits = c.splits
		}
	}
	t.Logf("%s: SST continued %d times, %d inside strings; %d FORMULA, %d STRING, %d RK, %d MULRK, %d BOOLERR",
		file, count[recContinue], splits, count[recFormula], count[recString], count[recRK], count[recMulRK], count[recBoolErr])
	if count[recContinue] < 10 || splits < 5 || count[recFormula] == 0 || count[recString] == 0 ||
		count[recRK]+count[recMulRK] == 0 || count[recMergedCells] == 0 {
		t.Errorf("%s does not exercise the reader: %v", file, count)
	}
}

func haveConverter() bool {
	_, err1 := exec.LookPath("soffice")
	_, err2 := exec.LookPath("ssconvert")
	return err1 == nil || err2 == nil
}

// convertXLS saves each .xlsx in srcs as .xls with LibreOffice (all in one call: it is slow
// to start) and with Gnumeric, whichever is installed, and returns the .xls paths.
func convertXLS(tb testing.TB, dir string, srcs []string) []string {
	tb.Helper()
	soffice, _ := exec.LookPath("soffice")
	ssconvert, _ := exec.LookPath("ssconvert")
	var xls []string
	if soffice != "" {
		out := filepath.Join(dir, "lo")
		args := append([]string{"-env:UserInstallation=file://" + filepath.Join(dir, "profile"),
			"--headless", "--convert-to", "xls", "--outdir", out}, srcs...)
		if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
			tb.Fatalf("soffice: %v\n%s", err, b)
		}
		for _, s := range srcs {
			xls = append(xls, filepath.Join(out, strings.TrimSuffix(filepath.Base(s), ".xlsx")+".xls"))
		}
	}
	if ssconvert != "" {
		for _, s := range srcs {
			o := strings.TrimSuffix(s, ".xlsx") + ".gnumeric.xls"
			if b, err := exec.Command(ssconvert, s, o).CombinedOutput(); err != nil {
				tb.Fatalf("ssconvert: %v\n%s", err, b)
			}
			xls = append(xls, o)
		}
	}
	return xls
}
