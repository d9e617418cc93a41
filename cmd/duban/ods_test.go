package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// A unit that saves its ledger as OpenDocument (.ods, what LibreOffice and WPS save by default
// on 统信UOS/麒麟 desktops) is counted as if it had sent the .xlsx: the same items, errors and
// figures, with 来源 naming the .ods; an .ods renamed .xlsm is read by its content.
func TestReportODS(t *testing.T) {
	units := []string{"市卫生健康委", "市商务局"} // 市卫生健康委 plants an error at 台账!H18
	dirX, dirO, dirM := t.TempDir(), t.TempDir(), t.TempDir()
	for _, u := range units {
		src := filepath.Join(sample, u+".xlsx")
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dirX, u+".xlsx"), data, 0o644); err != nil {
			t.Fatal(err)
		}
		writeODSOf(t, src, filepath.Join(dirO, u+".ods"))
	}
	ods, err := os.ReadFile(filepath.Join(dirO, "市商务局.ods"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dirM, "市商务局.xlsm"), ods, 0o644); err != nil {
		t.Fatal(err)
	}

	report := func(dir string) (stdout, stderr string, cf *excelize.File) {
		out := filepath.Join(t.TempDir(), "汇总.xlsx")
		code, stdout, stderr := runCmd(t, "report", "-v", "--as-of", "2024-12-20", "-o", out, dir)
		if code != exitErrors {
			t.Fatalf("%s: exit %d, want 1 (市卫生健康委 plants an error)\n%s", dir, code, stderr)
		}
		cf, err := excelize.OpenFile(strings.TrimSuffix(out, ".xlsx") + "_核对.xlsx")
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cf.Close() })
		return stdout, stderr, cf
	}
	outX, errX, cfX := report(dirX)
	outO, errO, cfO := report(dirO)
	if bx, bo := balance(t, outX), balance(t, outO); bx != bo {
		t.Errorf("行数核对 of the .ods %v, of the .xlsx %v", bo, bx)
	}
	if want := strings.ReplaceAll(errX, ".xlsx", ".ods"); errO != want {
		t.Errorf("stderr of the .ods:\n%s\nwant, as of the .xlsx:\n%s", errO, want)
	}
	if strings.Contains(errO, "不是Excel工作簿") || strings.Contains(errO, "损坏") {
		t.Errorf("an .ods called unreadable:\n%s", errO)
	}
	labels := []string{"事项内容", "牵头单位", "落实状态", "完成时限", "预警", "来源"}
	rowsX, rowsO := table(t, cfX, "事项明细", labels...), table(t, cfO, "事项明细", labels...)
	if len(rowsO) != len(rowsX) || len(rowsX) == 0 {
		t.Fatalf("事项明细: %d items from the .ods, %d from the .xlsx", len(rowsO), len(rowsX))
	}
	for i, rx := range rowsX {
		ro := rowsO[i]
		for _, l := range labels {
			want := rx[l]
			if l == "来源" {
				want = strings.ReplaceAll(want, ".xlsx", ".ods")
				if !strings.Contains(ro[l], ".ods") {
					t.Errorf("事项明细 row %d: 来源 %q does not name the .ods", i+1, ro[l])
				}
			}
			if ro[l] != want {
				t.Errorf("事项明细 row %d %s: %q, want %q", i+1, l, ro[l], want)
			}
		}
	}

	// Renamed .xlsm: read by its content, counted, not called damaged (市商务局 plants an
	// error at 台账!H12, which is found as in the .xlsx).
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, dirM)
	if code != exitErrors || strings.Contains(stderr, "损坏") || !strings.Contains(stderr, "市商务局.xlsm!台账!H12: 完成时限“2024年2月30日”不是有效日期") {
		t.Errorf("an .ods named .xlsm: exit %d\n%s", code, stderr)
	}
	if n := balance(t, stdout)[1]; n != 26 {
		t.Errorf("an .ods named .xlsm: %d items counted, want the 26 of its .xlsx\n%s", n, stdout)
	}
}

// writeODSOf writes the workbook at src as LibreOffice would save it as .ods: each sheet a
// table, hidden ones by their style, runs of blank cells and rows repeated, merged ranges as
// spanned and covered cells, dates (the serials of the sample's date columns) as date values,
// runs of spaces as text:s and each line of a text as a paragraph.
func writeODSOf(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	book, err := xlsx.Open(bytes.NewReader(data), int64(len(data)), xlsx.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><office:document-content ` +
		`xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
		`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.3">` +
		`<office:automatic-styles><style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>` +
		`<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style></office:automatic-styles>` +
		`<office:body><office:spreadsheet>`)
	for _, s := range book.Sheets {
		style := "ta1"
		if s.Hidden {
			style = "ta2"
		}
		fmt.Fprintf(&b, `<table:table table:name="%s" table:style-name="%s">`, xmlText(s.Name), style)
		writeODSRows(&b, s)
		b.WriteString(`</table:table>`)
	}
	b.WriteString(`</office:spreadsheet></office:body></office:document-content>`)

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range []struct{ name, data string }{
		{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
		{"META-INF/manifest.xml", `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">` +
			`<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>` +
			`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`},
		{"content.xml", b.String()},
	} {
		method := zip.Deflate
		if p.name == "mimetype" {
			method = zip.Store
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: method})
		if err == nil {
			_, err = w.Write([]byte(p.data))
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(dst, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func writeODSRows(b *strings.Builder, s *xlsx.Sheet) {
	cells := map[[2]int]xlsx.Cell{}
	lastRow, lastCol := 0, 0
	for _, r := range s.Rows {
		for i, c := range r.Cells {
			if c != (xlsx.Cell{}) {
				cells[[2]int{r.N, i + 1}] = c
				lastRow, lastCol = max(lastRow, r.N), max(lastCol, i+1)
			}
		}
	}
	covered := map[[2]int]bool{}
	spans := map[[2]int]xlsx.Range{}
	for _, m := range s.Merges {
		spans[[2]int{m.R1, m.C1}] = m
		for r := m.R1; r <= m.R2; r++ {
			for c := m.C1; c <= m.C2; c++ {
				covered[[2]int{r, c}] = r != m.R1 || c != m.C1
			}
		}
		lastRow, lastCol = max(lastRow, m.R2), max(lastCol, m.C2)
	}
	blankRows := 0
	for r := 1; r <= lastRow; r++ {
		var row strings.Builder
		blanks, any := 0, false
		flush := func() {
			if blanks > 0 {
				fmt.Fprintf(&row, `<table:table-cell table:number-columns-repeated="%d"/>`, blanks)
				blanks = 0
			}
		}
		for c := 1; c <= lastCol; c++ {
			k := [2]int{r, c}
			cell, has := cells[k]
			m, spanned := spans[k]
			if !has && !spanned && !covered[k] {
				blanks++
				continue
			}
			flush()
			any = true
			tag := "table:table-cell"
			if covered[k] {
				tag = "table:covered-table-cell"
			}
			row.WriteString("<" + tag)
			if spanned {
				fmt.Fprintf(&row, ` table:number-columns-spanned="%d" table:number-rows-spanned="%d"`, m.C2-m.C1+1, m.R2-m.R1+1)
			}
			row.WriteString(odsValue(cell) + "</" + tag + ">")
		}
		// LibreOffice ends each row with a blank run to the sheet's last column.
		blanks += 16384 - lastCol
		flush()
		if !any {
			blankRows++
			continue
		}
		if blankRows > 0 {
			fmt.Fprintf(b, `<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`, blankRows)
			blankRows = 0
		}
		b.WriteString("<table:table-row>" + row.String() + "</table:table-row>")
	}
	fmt.Fprintf(b, `<table:table-row table:number-rows-repeated="%d"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>`, 1048576-lastRow)
}

// odsValue writes a cell's attributes and paragraphs (after the element's name).
func odsValue(c xlsx.Cell) string {
	switch c.Kind {
	case xlsx.Number:
		v, err := strconv.ParseFloat(c.Value, 64)
		if err == nil && v == float64(int(v)) && v > 36526 && v < 54789 { // 2000–2050: the sample's dates
			d := xlsx.SerialDay(v, false).Format(time.DateOnly)
			return fmt.Sprintf(` office:value-type="date" office:date-value="%s"><text:p>%s</text:p>`, d, d)
		}
		return fmt.Sprintf(` office:value-type="float" office:value="%s"><text:p>%s</text:p>`, c.Value, c.Value)
	case xlsx.Bool:
		return fmt.Sprintf(` office:value-type="boolean" office:boolean-value="%v"><text:p/>`, c.Value == "1")
	case xlsx.Blank:
		return ">"
	}
	var b strings.Builder
	b.WriteString(` office:value-type="string">`)
	for _, line := range strings.Split(c.Value, "\n") {
		b.WriteString("<text:p>")
		// A run of n spaces: the first as written, the others as <text:s text:c="n-1"/>,
		// and every leading one as text:s.
		for i := 0; i < len(line); {
			j := i
			for j < len(line) && line[j] == ' ' {
				j++
			}
			switch n := j - i; {
			case n == 0:
				k := strings.IndexByte(line[i:], ' ')
				if k < 0 {
					k = len(line) - i
				}
				b.WriteString(xmlText(line[i : i+k]))
				j = i + k
			case i == 0:
				fmt.Fprintf(&b, `<text:s text:c="%d"/>`, n)
			case n == 1:
				b.WriteString(" ")
			default:
				fmt.Fprintf(&b, ` <text:s text:c="%d"/>`, n-1)
			}
			i = j
		}
		b.WriteString("</text:p>")
	}
	return b.String()
}

func xmlText(s string) string {
	var b bytes.Buffer
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// check --annotate on an .ods writes the marked copy as an .xlsx of the same name (as for an
// .xls): the unit's values, the error's cell commented, and the 问题清单.
func TestCheckAnnotateODS(t *testing.T) {
	src := filepath.Join(t.TempDir(), "市商务局.ods")
	writeODSOf(t, filepath.Join(sample, "市商务局.xlsx"), src)
	dir := filepath.Join(t.TempDir(), "退回")
	code, stdout, stderr := runCmd(t, "check", "--as-of", "2024-12-20", "--annotate", dir, src)
	if code != exitErrors || !strings.Contains(stdout, "写出1个标注过的台账") {
		t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(filepath.Join(dir, "市商务局.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	comments, err := f.GetComments("台账")
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, c := range comments {
		for _, p := range c.Paragraph {
			found = found || c.Cell == "H12" && strings.Contains(p.Text, "2月没有30日")
		}
	}
	if v, _ := f.GetCellValue("台账", "H12"); !found || v != "2024年2月30日" {
		t.Errorf("H12 = %q, comments %+v", v, comments)
	}
	if idx, _ := f.GetSheetIndex("问题清单"); idx < 0 {
		t.Error("no 问题清单 sheet")
	}
}
