package sheets

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// fastParts opens a workbook's bytes and reads its first sheet with the fast reader.
func fastParts(t testing.TB, data []byte) (*fastSheet, error) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := readPackage(zr)
	if err != nil {
		t.Fatal(err)
	}
	var sst []string
	if pkg.sst != "" {
		if zf := pkg.files[strings.ToLower(pkg.sst)]; zf != nil {
			if sst, err = readSharedStringsFast(zf, pkg.sst); err != nil {
				return nil, err
			}
		}
	}
	part := pkg.sheets[0].part
	return readSheetFast(pkg.files[strings.ToLower(part)], part, sst)
}

// excelizeRows reads the first sheet as read.go does today: Rows with RawCellValue, keeping
// the rows that have cells.
func excelizeRows(t testing.TB, data []byte) []fastRow {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	it, err := f.Rows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	var out []fastRow
	for n := 1; it.Next(); n++ {
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(cells) > 0 {
			out = append(out, fastRow{N: n, Cells: cells})
		}
	}
	return out
}

func saveBook(t testing.TB, f *excelize.File) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return b.Bytes()
}

// sameRows compares the fast reader's rows with excelize's. They differ on purpose in one
// way: a formula with no calculated result is blank to excelize and Uncalculated here.
func sameRows(t testing.TB, got, want []fastRow) {
	t.Helper()
	got = slices.Clone(got)
	for i, r := range got {
		if slices.Contains(r.Cells, Uncalculated) {
			cells := slices.Clone(r.Cells)
			for j, c := range cells {
				if c == Uncalculated {
					cells[j] = ""
				}
			}
			got[i].Cells = cells
		}
	}
	if len(got) == 0 && len(want) == 0 {
		return
	}
	if !reflect.DeepEqual(got, want) {
		for i := 0; i < max(len(got), len(want)); i++ {
			var g, w fastRow
			if i < len(got) {
				g = got[i]
			}
			if i < len(want) {
				w = want[i]
			}
			if !reflect.DeepEqual(g, w) {
				t.Fatalf("row %d differs:\nfast     %d %q\nexcelize %d %q", i, g.N, g.Cells, w.N, w.Cells)
			}
		}
	}
}

func TestFastSharedInlineRichDates(t *testing.T) {
	f := excelize.NewFile()
	sh := "Sheet1"
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	must(f.SetCellStr(sh, "A1", "事项内容"))                                        // shared string
	must(f.SetCellStr(sh, "C1", "a & b < c \"d\" 'e'\n第二行"))                    // entities, line break
	must(f.SetCellValue(sh, "B2", 45327))                                       // number
	must(f.SetCellValue(sh, "C2", 1.5))                                         // decimal
	must(f.SetCellValue(sh, "D2", true))                                        // bool
	must(f.SetCellValue(sh, "E2", time.Date(2024, 2, 5, 0, 0, 0, 0, time.UTC))) // date style
	must(f.SetCellFormula(sh, "F2", "B2+1"))                                    // formula without value
	must(f.SetCellRichText(sh, "A4", []excelize.RichTextRun{{Text: "已"}, {Text: "落实", Font: &excelize.Font{Bold: true}}}))
	must(f.SetCellStr(sh, "B4", "_x000D_ and _x005F_x0041_"))
	must(f.MergeCell(sh, "A6", "A8"))
	must(f.SetCellStr(sh, "A6", "市政府常务会议"))
	data := saveBook(t, f)

	got, err := fastParts(t, data)
	if err != nil {
		t.Fatal(err)
	}
	sameRows(t, got.Rows, excelizeRows(t, data))
	want := map[string]string{"A1": "事项内容", "B2": "45327", "C2": "1.5", "D2": "1", "E2": "45327", "F2": Uncalculated, "A4": "已落实", "A6": "市政府常务会议"}
	for ref, v := range want {
		c, r, _ := excelize.CellNameToCoordinates(ref)
		if g := cellAt(got.Rows, r, c); g != v {
			t.Errorf("%s = %q, want %q", ref, g, v)
		}
	}
	if g := cellAt(got.Rows, 1, 3); g != "a & b < c \"d\" 'e'\n第二行" {
		t.Errorf("C1 = %q", g)
	}
	if !reflect.DeepEqual(got.Merges, []cellRange{{1, 6, 1, 8}}) {
		t.Errorf("merges = %v", got.Merges)
	}
	if got.LastRow != 6 {
		t.Errorf("LastRow = %d, want 6", got.LastRow)
	}
}

func cellAt(rows []fastRow, r, c int) string {
	for _, row := range rows {
		if row.N == r && c <= len(row.Cells) {
			return row.Cells[c-1]
		}
	}
	return ""
}

// sheetXML wraps sheetData content in a worksheet.
func sheetXML(data string) string {
	return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<dimension ref="A1:A1"/><sheetData>` + data + `</sheetData><mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells></worksheet>`
}

func TestFastSheetXML(t *testing.T) {
	sst := []string{"共享", "", "落实"}
	tests := []struct {
		name string
		data string
		want []fastRow
	}{
		{"shared and inline, rich text, phonetic left out",
			`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><r><t>已</t></r><r><rPr/><t xml:space="preserve">落实 </t></r><rPh sb="0" eb="1"><t>yi</t></rPh></is></c></row>`,
			[]fastRow{{2, []string{"共享", "", "已落实 "}}}},
		{"no r attributes: by position",
			`<row><c><v>1</v></c><c t="str"><v>x</v></c></row><row><c/><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row>`,
			[]fastRow{{1, []string{"1", "x"}}, {2, []string{"", "0", "#N/A"}}}},
		{"empty shared string and empty cells leave no trailing cells",
			`<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="3"/></row>`,
			[]fastRow{{1, []string{"落实"}}}},
		{"prefixed elements, CDATA, entities, CRLF",
			`<row r="3"><c r="B3" t="str"><v><![CDATA[a<b]]>&amp;&#x4E00;&#20108;</v></c><c r="D3" t="inlineStr"><is><t>x` + "\r\n" + `y</t></is></c></row>`,
			[]fastRow{{3, []string{"", "a<b&一二", "", "x\ny"}}}},
		{"date type as written", `<row r="1"><c r="A1" t="d"><v>2024-02-05T00:00:00Z</v></c></row>`,
			[]fastRow{{1, []string{"2024-02-05T00:00:00Z"}}}},
		{"bstr escapes in inline strings only", `<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000A_b</t></is></c><c r="B1" t="str"><v>a_x000A_b</v></c></row>`,
			[]fastRow{{1, []string{"a\nb", "a_x000A_b"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseSheetFast(strings.NewReader(sheetXML(tt.data)), "s.xml", sst)
			if err != nil {
				t.Fatal(err)
			}
			sameRows(t, got.Rows, tt.want)
			if !reflect.DeepEqual(got.Merges, []cellRange{{2, 2, 2, 4}}) {
				t.Errorf("merges = %v", got.Merges)
			}
		})
	}
}

// Formulas: a cached result is the value; a formula without one (no <v>, or an empty <v>
// that only a text formula can have) is Uncalculated.
func TestFastSheetFormulas(t *testing.T) {
	data := `<row r="1"><c r="A1"><f>B1+1</f><v>45291</v></c><c r="B1"><f>C1</f></c>` +
		`<c r="C1"><f>DATE(2024,12,31)</f><v></v></c><c r="D1" t="str"><f>""</f><v></v></c>` +
		`<c r="E1" t="str"><f>"x"</f><v>x</v></c></row>`
	got, err := parseSheetFast(strings.NewReader(sheetXML(data)), "s.xml", nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []fastRow{{1, []string{"45291", Uncalculated, Uncalculated, "", "x"}}}
	if !reflect.DeepEqual(got.Rows, want) {
		t.Errorf("rows = %+v, want %+v", got.Rows, want)
	}
}

func TestFastSheetDamage(t *testing.T) {
	tests := []struct{ name, xml, want string }{
		{"mismatched tags", sheetXML(`<row r="1"><c r="A1"><v>1</c></v></row>`), "不匹配"},
		{"unknown entity", sheetXML(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`), "未知实体"},
		{"rows out of order", sheetXML(`<row r="5"/><row r="3"/>`), "行号3出现在第5行之后"},
		{"cells out of order", sheetXML(`<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>`), "单元格B1"},
		{"bad cell reference", sheetXML(`<row r="1"><c r="1A"><v>1</v></c></row>`), "单元格引用"},
		{"shared string out of range", sheetXML(`<row r="1"><c r="A1" t="s"><v>9</v></c></row>`), "共享字符串编号"},
		{"invalid UTF-8", sheetXML("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\xff</v></c></row>"), "UTF-8"},
		{"control character", sheetXML("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\x01</v></c></row>"), "非法字符"},
		{"unquoted attribute", sheetXML(`<row r=1></row>`), "引号"},
		{"two roots", sheetXML("") + "<x/>", "多个根元素"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseSheetFast(strings.NewReader(tt.xml), "s.xml", []string{"a"})
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.Contains(err.Error(), "文件已损坏") {
				t.Fatalf("err = %v, want one containing %q", err, tt.want)
			}
		})
	}
}

// Every cut of a worksheet short of its end is an error: never fewer rows silently.
func TestFastSheetTruncated(t *testing.T) {
	full := sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>事项</t></is></c></row><row r="2"><c r="A2"><v>12</v></c></row>`)
	if _, err := parseSheetFast(strings.NewReader(full), "s.xml", nil); err != nil {
		t.Fatal(err)
	}
	end := strings.LastIndex(full, ">") + 1
	for i := 0; i < end; i++ {
		// one byte at a time, so every buffer boundary is crossed too
		if _, err := parseSheetFast(iotestOneByte(full[:i]), "s.xml", nil); err == nil {
			t.Fatalf("cut at %d of %d: no error (%q)", i, end, full[max(0, i-20):i])
		}
	}
}

func iotestOneByte(s string) io.Reader { return &oneByte{s: s} }

type oneByte struct{ s string }

func (r *oneByte) Read(p []byte) (int, error) {
	if r.s == "" {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.s[0]
	r.s = r.s[1:]
	return 1, nil
}

// A corrupted zip entry surfaces as a checksum or compression error.
func TestFastSheetChecksum(t *testing.T) {
	f := excelize.NewFile()
	for r := 1; r <= 200; r++ {
		if err := f.SetCellStr("Sheet1", fmt.Sprintf("A%d", r), strings.Repeat("督办", r%7+1)); err != nil {
			t.Fatal(err)
		}
	}
	data := saveBook(t, f)
	i := bytes.Index(data, []byte("xl/worksheets/sheet1.xml"))
	if i < 0 {
		t.Fatal("no sheet entry")
	}
	broken := slicesClone(data)
	broken[i+len("xl/worksheets/sheet1.xml")+40] ^= 0xff // inside the compressed data
	zr, err := zip.NewReader(bytes.NewReader(broken), int64(len(broken)))
	if err != nil {
		t.Fatal(err)
	}
	pkg, err := readPackage(zr)
	if err != nil {
		t.Fatal(err)
	}
	_, err = readSheetFast(pkg.files["xl/worksheets/sheet1.xml"], "xl/worksheets/sheet1.xml", make([]string, 1000))
	var fe fileError
	if !errors.As(err, &fe) || !strings.Contains(err.Error(), "文件已损坏") {
		t.Fatalf("err = %v, want a damaged-file error", err)
	}
}

func slicesClone(b []byte) []byte { return append([]byte(nil), b...) }

// randomBook writes a workbook from random cell values with excelize: shared strings, inline
// strings through the stream writer, numbers, booleans, dates, rich text and merges.
func randomBook(t testing.TB, seed []byte) []byte {
	var s1, s2 uint64
	for i, b := range seed {
		if i%2 == 0 {
			s1 = s1*131 + uint64(b)
		} else {
			s2 = s2*137 + uint64(b)
		}
	}
	rng := rand.New(rand.NewPCG(s1, s2))
	pieces := strings.Split(string(seed), "\x00")
	text := func() string {
		p := pieces[rng.IntN(len(pieces))]
		if !utf8ValidString(p) || p == "" {
			p = []string{"事项内容", "已落实", " 市政府 ", "a&b<c>", "第5次", "_x0041_", "2024年6月底"}[rng.IntN(7)]
		}
		return p
	}
	value := func(rr *rand.Rand) any {
		switch rr.IntN(6) {
		case 0:
			return rr.IntN(100000)
		case 1:
			return rr.Float64() * 1000
		case 2:
			return rr.IntN(2) == 0
		case 3:
			return time.Date(2000+rr.IntN(30), time.Month(1+rr.IntN(12)), 1+rr.IntN(28), 0, 0, 0, 0, time.UTC)
		}
		return text()
	}
	f := excelize.NewFile()
	rows, cols := 1+rng.IntN(30), 1+rng.IntN(12)
	if rng.IntN(2) == 0 {
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= rows; r++ {
			if rng.IntN(5) == 0 {
				continue
			}
			row := make([]any, cols)
			for c := range row {
				if rng.IntN(3) > 0 {
					row[c] = value(rng)
				}
			}
			if err := sw.SetRow(fastCellName(1, r), row); err != nil {
				t.Fatal(err)
			}
		}
		if err := sw.Flush(); err != nil {
			t.Fatal(err)
		}
	} else {
		for r := 1; r <= rows; r++ {
			for c := 1; c <= cols; c++ {
				if rng.IntN(3) == 0 {
					continue
				}
				ref := fastCellName(c, r)
				var err error
				if rng.IntN(10) == 0 {
					err = f.SetCellRichText("Sheet1", ref, []excelize.RichTextRun{{Text: text()}, {Text: text(), Font: &excelize.Font{Bold: true}}})
				} else {
					err = f.SetCellValue("Sheet1", ref, value(rng))
				}
				if err != nil {
					t.Fatal(err)
				}
			}
		}
		if rows > 2 {
			if err := f.MergeCell("Sheet1", "A1", fastCellName(1, rows)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return saveBook(t, f)
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestFastDifferential(t *testing.T) {
	for i := range 200 {
		data := randomBook(t, []byte(fmt.Sprintf("seed %d\x00督办事项\x00a&b", i)))
		got, err := fastParts(t, data)
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		sameRows(t, got.Rows, excelizeRows(t, data))
	}
}

// FuzzFastSheet feeds arbitrary bytes to the worksheet parser: it must not panic, and what
// it accepts must be well-formed for encoding/xml too.
func FuzzFastSheet(f *testing.F) {
	f.Add([]byte(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)))
	f.Add([]byte(sheetXML(`<row><c t="inlineStr"><is><r><t>已</t></r><rPh><t>y</t></rPh></is></c></row>`)))
	f.Add([]byte(sheetXML(`<row r="2"><c r="B2"><f>A1</f></c></row><row r="3"><c r="A3" t="str"><v><![CDATA[x]]>&amp;</v></c></row>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := parseSheetFast(bytes.NewReader(data), "s.xml", []string{"a", "b"})
		if err != nil {
			return
		}
		if sh == nil {
			t.Fatal("nil sheet without error")
		}
		if err := wellFormed(data); err != nil {
			t.Fatalf("accepted, but encoding/xml says: %v", err)
		}
	})
}

// FuzzFastDifferential uses its input as cell values of a workbook written by excelize (see
// randomBook), which the fast reader must read exactly as excelize's Rows does.
func FuzzFastDifferential(f *testing.F) {
	f.Add([]byte("事项内容\x00已落实\x00_x000D_\x00a&amp;b"))
	f.Add([]byte("2024年6月底\x00 \x00\t\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		if len(data) > 2000 {
			return
		}
		book := randomBook(t, data)
		got, err := fastParts(t, book)
		if err != nil {
			t.Fatal(err)
		}
		sameRows(t, got.Rows, excelizeRows(t, book))
	})
}

// wellFormed checks a document with encoding/xml, reading declared encodings as the reader
// does.
func wellFormed(data []byte) error {
	d := xml.NewDecoder(bytes.NewReader(data))
	d.CharsetReader = charsetReader
	for {
		_, err := d.Token()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
	}
}

// TestReadDeclaredEncoding: parts an exporter wrote in GBK or GB18030, and say so in their
// XML declaration, read as the same workbook in UTF-8 does; an encoding nobody knows refuses
// the file.
func TestReadDeclaredEncoding(t *testing.T) {
	book, err := hostile.Book("台账", hostile.Ledger("市统计局", 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	recode := func(enc string, e encoding.Encoding) []byte {
		out, err := hostile.RewriteZip(book, func(name string, b []byte) []byte {
			if strings.HasPrefix(name, "xl/theme/") || !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
				return b // the theme names fonts of every script; the reader does not read it
			}
			b = bytes.Replace(b, []byte(`encoding="UTF-8"`), []byte(`encoding="`+enc+`"`), 1)
			if e != nil {
				if b, err = e.NewEncoder().Bytes(b); err != nil {
					t.Fatalf("%s in %s: %v", name, enc, err)
				}
			}
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	d := testDict(t)
	dir := t.TempDir()
	readBytes := func(b []byte) ([]RawRow, []Problem) {
		p := filepath.Join(dir, "市统计局.xlsx")
		os.WriteFile(p, b, 0o644)
		return ReadFile(p, d, ReadOptions{})
	}
	want, probs := readBytes(book)
	if len(want) != 3 || len(probs) != 0 {
		t.Fatalf("UTF-8: %d rows, problems %q", len(want), dumpProblems(probs))
	}
	for _, c := range []struct {
		name string
		e    encoding.Encoding
	}{{"GBK", simplifiedchinese.GBK}, {"gb2312", simplifiedchinese.GBK}, {"GB18030", simplifiedchinese.GB18030}} {
		got, probs := readBytes(recode(c.name, c.e))
		if len(probs) != 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: problems %q, rows\n%+v\nwant\n%+v", c.name, dumpProblems(probs), got, want)
		}
	}
	rows, probs := readBytes(recode("x-unknown", nil))
	if len(rows) != 0 || len(probs) != 1 || !strings.Contains(probs[0].Msg, "x-unknown") {
		t.Errorf("unknown encoding: %d rows, problems %q", len(rows), dumpProblems(probs))
	}
}
