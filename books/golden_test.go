package books

// The golden workbook — the test report written and dumped to text (cell values and kinds,
// merges, number formats), compared with testdata/golden (-update rewrites it) — the helpers
// that read a written workbook's parts, and the row cap, row heights and 所属任务 column.

import (
	"archive/zip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

func TestWriteGolden(t *testing.T) {
	t.Parallel()
	path, _ := writeTest(t, testReport())
	got := dumpWorkbook(t, path) + "#### " + filepath.Base(sheets.CheckPath(path)) + "\n" + dumpWorkbook(t, sheets.CheckPath(path))
	golden := filepath.Join("testdata", "golden", "report.txt")
	if updateGolden() {
		if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test ./books -run TestWriteGolden -update)", err)
	}
	if got != string(want) {
		t.Errorf("workbook differs from %s (run with -update and review the diff):\n%s", golden, lineDiff(string(want), got))
	}
}

// lineDiff lists the lines that differ between want and got.
func lineDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	var b strings.Builder
	for i := 0; i < max(len(w), len(g)); i++ {
		var a, c string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			c = g[i]
		}
		if a != c {
			fmt.Fprintf(&b, "line %d:\n-%s\n+%s\n", i+1, a, c)
		}
	}
	return b.String()
}

// dumpWorkbook renders a workbook as text for golden comparison: sheet order, the active
// sheet, merges, frozen panes, column widths, and every non-empty cell with its type, raw value
// and custom number format (s string, n number).
func dumpWorkbook(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	active := f.GetActiveSheetIndex()
	for i, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s", sheet)
		if i == active {
			b.WriteString(" (active)")
		}
		b.WriteString("\n")
		merged, err := f.GetMergeCells(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range merged {
			fmt.Fprintf(&b, "merge %s:%s\n", m.GetStartAxis(), m.GetEndAxis())
		}
		if p, err := f.GetPanes(sheet); err == nil && p.Freeze {
			fmt.Fprintf(&b, "freeze %s\n", p.TopLeftCell)
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		ncol := 0
		for _, row := range rows {
			ncol = max(ncol, len(row))
		}
		b.WriteString("widths")
		for c := 1; c <= ncol; c++ {
			w, _ := f.GetColWidth(sheet, sheets.ColumnName(c))
			fmt.Fprintf(&b, " %s=%g", sheets.ColumnName(c), w)
		}
		b.WriteString("\n")
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell := sheets.ColumnName(c+1) + strconv.Itoa(r+1)
				fmt.Fprintf(&b, "%s %s %q", cell, cellKind(t, f, sheet, cell), v)
				if nf := numFmt(t, f, sheet, cell); nf != "" {
					fmt.Fprintf(&b, " [%s]", nf)
				}
				b.WriteString("\n")
			}
		}
	}
	return b.String()
}

// cellKind is "s" for a string cell, "n" for a number, "" for an empty one, else the type.
func cellKind(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	if v == "" {
		return ""
	}
	ct, err := f.GetCellType(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	switch ct {
	case excelize.CellTypeInlineString, excelize.CellTypeSharedString:
		return "s"
	case excelize.CellTypeNumber, excelize.CellTypeUnset:
		return "n"
	}
	return fmt.Sprintf("type%d", ct)
}

func numFmt(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	id, err := f.GetCellStyle(sheet, cell)
	if err != nil {
		t.Fatal(err)
	}
	st, err := f.GetStyle(id)
	if err != nil {
		t.Fatal(err)
	}
	if st.CustomNumFmt != nil {
		return *st.CustomNumFmt
	}
	return ""
}

// readSheetXML returns the XML of every worksheet part of the workbook at path.
func readSheetXML(t *testing.T, path string) map[string]string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	out := map[string]string{}
	for _, zf := range z.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, err := zf.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[zf.Name] = string(data)
	}
	if len(out) == 0 {
		t.Fatal("no worksheets in the zip")
	}
	return out
}

func readZipFile(t *testing.T, path, name string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	rc, err := z.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func deref[T any](p *T) any {
	if p == nil {
		return nil
	}
	return *p
}

// A table longer than a sheet can hold is cut, with a note, instead of failing the workbook.
func TestWriteTableCap(t *testing.T) {
	// Not parallel: it lowers xlsxout.MaxRows while it runs.
	defer func(n int) { xlsxout.MaxRows = n }(xlsxout.MaxRows)
	xlsxout.MaxRows = 2
	r := sheets.Summarize(nil, testDict(t), ymd(2024, 11, 30), 7)
	for i := range 5 {
		r.Problems = append(r.Problems, sheets.Problem{Pos: sheets.Pos{File: "a.xlsx", Sheet: "台账", Row: i + 2}, Level: sheets.Notice, Msg: "提示"})
	}
	path := filepath.Join(t.TempDir(), "out.xlsx")
	check, err := WriteReport(path, r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(check)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, _ := f.GetRows(sheets.SheetProblems)
	var texts []string
	for _, row := range rows {
		texts = append(texts, strings.Join(row, "|"))
	}
	got := strings.Join(texts, "\n")
	if !strings.Contains(got, "另有3条问题（多为提示）超出工作表行数上限，未列出；完整列表见命令行输出") || strings.Count(got, "提示|") != 2 {
		t.Errorf("校验问题:\n%s", got)
	}
}

func TestWriteRowHeights(t *testing.T) {
	t.Parallel()
	r := testReport()
	r.Items[0].Content = strings.Repeat("长文本", 30) // 90 CJK characters: several lines
	_, f := writeTest(t, r)
	rows, _ := f.GetRows(sheets.SheetItems)
	for i, row := range rows {
		if len(row) > 5 && row[5] == r.Items[0].Content {
			h, _ := f.GetRowHeight(sheets.SheetItems, i+1)
			if want := float64(xlsxout.WrappedLines(row[5], 28))*xlsxout.LineHeight + 3; h != want {
				t.Errorf("row %d height %v, want %v", i+1, h, want)
			}
			return
		}
	}
	t.Error("the long item is not in 事项明细")
}

// An item from a two-level list shows its parent task in a column 所属任务 after 事项内容, in
// the report and in the check file; the other columns keep their places after it.
func TestWriteParentColumn(t *testing.T) {
	t.Parallel()
	r := testReport()
	r.Items[0].Parent = "稳定粮食生产"
	path, f := writeTest(t, r)
	cf := openBook(t, sheets.CheckPath(path))
	for _, c := range []struct {
		f    *excelize.File
		want string
	}{
		{f, "序号|编号|类别|会议|会议日期|事项内容|所属任务|牵头单位|配合单位|责任领导|完成时限|落实状态|完成日期|进展情况|预警"},
		{cf, "序号|编号|类别|会议|会议日期|事项内容|所属任务|牵头单位|配合单位|责任领导|完成时限|落实状态|完成日期|进展情况|预警|来源|合并的重复行"},
	} {
		rows, err := c.f.GetRows(sheets.SheetItems)
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Join(rows[1], "|"); got != c.want {
			t.Errorf("事项明细 header %s, want %s", got, c.want)
		}
		it := r.Items[0]
		row := rows[2]
		if row[5] != it.Content || row[6] != "稳定粮食生产" || row[7] != it.Lead || row[14] != "逾期" {
			t.Errorf("事项明细 row %q: want content %q, parent 稳定粮食生产, lead %q, 预警 逾期", row, it.Content, it.Lead)
		}
	}
	// A report used as the next round's master list keeps the parent task.
	units, probs, ok := sheets.SplitByUnit(path, testDict(t), sheets.ReadOptions{})
	if !ok || len(units) == 0 {
		t.Fatalf("report refused as a master list: %v", probs)
	}
	raws := units[0].Rows
	if len(raws) == 0 || raws[0].Parent != "稳定粮食生产" || raws[0].Vals[sheets.FieldContent] != r.Items[0].Content {
		t.Errorf("read back: %+v, want the first item with its parent 稳定粮食生产", raws[:min(1, len(raws))])
	}
}
