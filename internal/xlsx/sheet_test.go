package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// strRow is a row as strings, for comparing with excelize; an uncalculated formula shows as
// uncalc.
type strRow struct {
	N     int
	Cells []string
}

const uncalc = "\x00uncalculated"

// sheetStrRows is strRows of a sheet's rows with its far cells put back in their rows.
func sheetStrRows(sh *Sheet) []strRow {
	rows := slices.Clone(sh.Rows)
	for _, f := range sh.Far {
		i, ok := slices.BinarySearchFunc(rows, f.Row, func(r Row, n int) int { return r.N - n })
		if !ok {
			rows = slices.Insert(rows, i, Row{N: f.Row})
		}
		cells := make([]Cell, f.Col)
		copy(cells, rows[i].Cells)
		cells[f.Col-1] = f.Cell
		rows[i].Cells = cells
	}
	return strRows(rows)
}

func strRows(rows []Row) []strRow {
	var out []strRow
	for _, r := range rows {
		cells := make([]string, len(r.Cells))
		for i, c := range r.Cells {
			cells[i] = c.Value
			if c.Kind == Uncalculated {
				if c.Value != "" {
					panic("an uncalculated cell with a value")
				}
				cells[i] = uncalc
			}
		}
		out = append(out, strRow{r.N, cells})
	}
	return out
}

func parseReader(r io.Reader, sst []string) (*Sheet, error) {
	sh := &Sheet{}
	if err := parseSheet(r, "s.xml", sst, sh); err != nil {
		return nil, err
	}
	return sh, nil
}

func parseString(s string, sst []string) (*Sheet, error) {
	return parseReader(strings.NewReader(s), sst)
}

// fastParts opens a workbook's bytes and returns its first sheet.
func fastParts(t testing.TB, data []byte) (*Sheet, error) {
	t.Helper()
	b, err := Open(bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		return nil, err
	}
	return b.Sheets[0], nil
}

// excelizeRows reads the first sheet with excelize's Rows and RawCellValue, keeping the rows
// that have cells.
func excelizeRows(t testing.TB, data []byte) []strRow {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return excelizeSheet(t, f, f.GetSheetName(0))
}

func excelizeSheet(t testing.TB, f *excelize.File, sheet string) []strRow {
	t.Helper()
	it, err := f.Rows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	var out []strRow
	for n := 1; it.Next(); n++ {
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(cells) > 0 {
			out = append(out, strRow{N: n, Cells: cells})
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

// sameRows compares Open's rows with excelize's. They differ on purpose in one way: a formula
// with no calculated result is blank to excelize and Uncalculated here.
func sameRows(t testing.TB, got, want []strRow) {
	t.Helper()
	if msg := diffRows(got, want); msg != "" {
		t.Fatal(msg)
	}
}

func diffRows(got, want []strRow) string {
	got = slices.Clone(got)
	for i, r := range got {
		if slices.Contains(r.Cells, uncalc) {
			cells := slices.Clone(r.Cells)
			for j, c := range cells {
				if c == uncalc {
					cells[j] = ""
				}
			}
			got[i].Cells = cells
		}
	}
	if len(got) == 0 && len(want) == 0 {
		return ""
	}
	for i := 0; i < max(len(got), len(want)); i++ {
		var g, w strRow
		if i < len(got) {
			g = got[i]
		}
		if i < len(want) {
			w = want[i]
		}
		if !reflect.DeepEqual(g, w) {
			return fmt.Sprintf("row %d differs:\nxlsx     %d %q\nexcelize %d %q", i, g.N, g.Cells, w.N, w.Cells)
		}
	}
	return ""
}

func TestFastSharedInlineRichDates(t *testing.T) {
	t.Parallel()
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
	sameRows(t, sheetStrRows(got), excelizeRows(t, data))
	want := map[string]string{"A1": "事项内容", "B2": "45327", "C2": "1.5", "D2": "1", "E2": "45327", "F2": uncalc, "A4": "已落实", "A6": "市政府常务会议"}
	for ref, v := range want {
		c, r, _ := excelize.CellNameToCoordinates(ref)
		if g := strCellAt(sheetStrRows(got), r, c); g != v {
			t.Errorf("%s = %q, want %q", ref, g, v)
		}
	}
	if g := strCellAt(sheetStrRows(got), 1, 3); g != "a & b < c \"d\" 'e'\n第二行" {
		t.Errorf("C1 = %q", g)
	}
	if !reflect.DeepEqual(got.Merges, []Range{{1, 6, 1, 8}}) {
		t.Errorf("merges = %v", got.Merges)
	}
	if got.LastRow != 6 {
		t.Errorf("LastRow = %d, want 6", got.LastRow)
	}
}

func strCellAt(rows []strRow, r, c int) string {
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
	t.Parallel()
	sst := []string{"共享", "", "落实"}
	tests := []struct {
		name string
		data string
		want []strRow
	}{
		{"shared and inline, rich text, phonetic left out",
			`<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><r><t>已</t></r><r><rPr/><t xml:space="preserve">落实 </t></r><rPh sb="0" eb="1"><t>yi</t></rPh></is></c></row>`,
			[]strRow{{2, []string{"共享", "", "已落实 "}}}},
		{"no r attributes: by position",
			`<row><c><v>1</v></c><c t="str"><v>x</v></c></row><row><c/><c t="b"><v>0</v></c><c t="e"><v>#N/A</v></c></row>`,
			[]strRow{{1, []string{"1", "x"}}, {2, []string{"", "0", "#N/A"}}}},
		{"empty shared string and empty cells leave no trailing cells",
			`<row r="1"><c r="A1" t="s"><v>2</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" s="3"/></row>`,
			[]strRow{{1, []string{"落实"}}}},
		{"prefixed elements, CDATA, entities, CRLF",
			`<row r="3"><c r="B3" t="str"><v><![CDATA[a<b]]>&amp;&#x4E00;&#20108;</v></c><c r="D3" t="inlineStr"><is><t>x` + "\r\n" + `y</t></is></c></row>`,
			[]strRow{{3, []string{"", "a<b&一二", "", "x\ny"}}}},
		{"date type as written", `<row r="1"><c r="A1" t="d"><v>2024-02-05T00:00:00Z</v></c></row>`,
			[]strRow{{1, []string{"2024-02-05T00:00:00Z"}}}},
		{"bstr escapes in inline strings and text-formula values", `<row r="1"><c r="A1" t="inlineStr"><is><t>a_x000A_b</t></is></c><c r="B1" t="str"><v>a_x000A_b</v></c></row>`,
			[]strRow{{1, []string{"a\nb", "a\nb"}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := parseString(sheetXML(tt.data), sst)
			if err != nil {
				t.Fatal(err)
			}
			sameRows(t, sheetStrRows(got), tt.want)
			if !reflect.DeepEqual(got.Merges, []Range{{2, 2, 2, 4}}) {
				t.Errorf("merges = %v", got.Merges)
			}
		})
	}
}

// Formulas: a cached result is the value; a formula without one (no <v>, or an empty <v>
// that only a text formula can have) is Uncalculated.
func TestFastSheetFormulas(t *testing.T) {
	t.Parallel()
	data := `<row r="1"><c r="A1"><f>B1+1</f><v>45291</v></c><c r="B1"><f>C1</f></c>` +
		`<c r="C1"><f>DATE(2024,12,31)</f><v></v></c><c r="D1" t="str"><f>""</f><v></v></c>` +
		`<c r="E1" t="str"><f>"x"</f><v>x</v></c></row>`
	got, err := parseString(sheetXML(data), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []strRow{{1, []string{"45291", uncalc, uncalc, "", "x"}}}
	if !reflect.DeepEqual(sheetStrRows(got), want) {
		t.Errorf("rows = %+v, want %+v", got.Rows, want)
	}
}

func TestFastSheetDamage(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, xml string
		err       error
		want      string
	}{
		{"mismatched tags", sheetXML(`<row r="1"><c r="A1"><v>1</c></v></row>`), ErrSyntax, "element <v> closed by </c>"},
		{"unknown entity", sheetXML(`<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`), ErrSyntax, "unknown entity &nbsp;"},
		{"rows out of order", sheetXML(`<row r="5"/><row r="3"/>`), ErrRowOrder, "row 3 after row 5"},
		{"cells out of order", sheetXML(`<row r="1"><c r="C1"><v>1</v></c><c r="B1"><v>1</v></c></row>`), ErrCellOrder, "B1 after column 3"},
		{"bad cell reference", sheetXML(`<row r="1"><c r="1A"><v>1</v></c></row>`), ErrCellRef, `"1A"`},
		{"shared string out of range", sheetXML(`<row r="1"><c r="A1" t="s"><v>9</v></c></row>`), ErrSharedString, `"9" of 1`},
		{"invalid UTF-8", sheetXML("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\xff</v></c></row>"), ErrSyntax, "invalid UTF-8"},
		{"control character", sheetXML("<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\x01</v></c></row>"), ErrSyntax, "illegal character 0x1"},
		{"unquoted attribute", sheetXML(`<row r=1></row>`), ErrSyntax, "unquoted attribute value"},
		{"two roots", sheetXML("") + "<x/>", ErrSyntax, "more than one root element"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := parseString(tt.xml, []string{"a"})
			var fe *FormatError
			if !errors.As(err, &fe) || fe.Part != "s.xml" || !errors.Is(err, tt.err) || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("err = %v, want a FormatError of s.xml: %v containing %q", err, tt.err, tt.want)
			}
		})
	}
}

// Every cut of a worksheet short of its end is an error: never fewer rows silently.
func TestFastSheetTruncated(t *testing.T) {
	t.Parallel()
	full := sheetXML(`<row r="1"><c r="A1" t="inlineStr"><is><t>事项</t></is></c></row><row r="2"><c r="A2"><v>12</v></c></row>`)
	if _, err := parseString(full, nil); err != nil {
		t.Fatal(err)
	}
	end := strings.LastIndex(full, ">") + 1
	for i := 0; i < end; i++ {
		// one byte at a time, so every buffer boundary is crossed too
		if _, err := parseReader(iotestOneByte(full[:i]), nil); err == nil {
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
	t.Parallel()
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
	var zf *zip.File
	for _, f := range zr.File {
		if f.Name == "xl/worksheets/sheet1.xml" {
			zf = f
		}
	}
	err = readWorksheet(zf, "xl/worksheets/sheet1.xml", make([]string, 1000), &Sheet{})
	var fe *FormatError
	if !errors.As(err, &fe) || fe.Part != "xl/worksheets/sheet1.xml" || !errors.Is(err, ErrChecksum) && !errors.Is(err, ErrCompressed) {
		t.Fatalf("err = %v, want a checksum or compression error", err)
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
			if err := sw.SetRow(CellName(1, r), row); err != nil {
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
				ref := CellName(c, r)
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
			if err := f.MergeCell("Sheet1", "A1", CellName(1, rows)); err != nil {
				t.Fatal(err)
			}
		}
	}
	return saveBook(t, f)
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "") == s }

func TestFastDifferential(t *testing.T) {
	t.Parallel()
	for i := range 200 {
		data := randomBook(t, []byte(fmt.Sprintf("seed %d\x00督办事项\x00a&b", i)))
		got, err := fastParts(t, data)
		if err != nil {
			t.Fatalf("seed %d: %v", i, err)
		}
		sameRows(t, sheetStrRows(got), excelizeRows(t, data))
	}
}

// FuzzFastSheet feeds arbitrary bytes to the worksheet parser: it must not panic, and what
// it accepts must be well-formed for encoding/xml too.
func FuzzFastSheet(f *testing.F) {
	f.Add([]byte(sheetXML(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`)))
	f.Add([]byte(sheetXML(`<row><c t="inlineStr"><is><r><t>已</t></r><rPh><t>y</t></rPh></is></c></row>`)))
	f.Add([]byte(sheetXML(`<row r="2"><c r="B2"><f>A1</f></c></row><row r="3"><c r="A3" t="str"><v><![CDATA[x]]>&amp;</v></c></row>`)))
	f.Add([]byte("\xEF\xBB\xBF" + sheetXML(`<row><c t="s"><v/></c><c t="inlineStr"><v>b</v><is><t>a</t></is></c></row>`)))
	f.Fuzz(func(t *testing.T, data []byte) {
		sh, err := parseReader(bytes.NewReader(data), []string{"a", "b"})
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
		sameRows(t, sheetStrRows(got), excelizeRows(t, book))
	})
}

// wellFormed checks a document with encoding/xml, reading declared encodings as the reader
// does.
func wellFormed(data []byte) error {
	r, bom := skipBOM(bytes.NewReader(data))
	d := xml.NewDecoder(r)
	d.CharsetReader = charsetReader
	if bom {
		d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	}
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
