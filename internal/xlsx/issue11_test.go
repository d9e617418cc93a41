package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// What .NET writers and others legitimately write is read (issue 11, SPEC §2.1).

const (
	ctypes   = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>`
	rootRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbookXML = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
		`<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`
	sstXML = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>事项内容</t></si><si><t>已落实</t></si></sst>`
)

type part struct{ name, data string }

// zipBook writes a workbook package of the given parts, in order.
func zipBook(t *testing.T, parts ...part) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(p.data))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// oneSheet is a workbook with one sheet of sheetData content; edit may change any part.
func oneSheet(t *testing.T, data string, edit func(name, data string) string) []byte {
	t.Helper()
	parts := []part{
		{"[Content_Types].xml", ctypes}, {"_rels/.rels", rootRels}, {"xl/workbook.xml", workbookXML},
		{"xl/_rels/workbook.xml.rels", workbookRels}, {"xl/sharedStrings.xml", sstXML},
		{"xl/worksheets/sheet1.xml", sheetXML(data)},
	}
	if edit != nil {
		for i := range parts {
			parts[i].data = edit(parts[i].name, parts[i].data)
		}
	}
	return zipBook(t, parts...)
}

func openBytes(data []byte) (*Book, error) {
	return Open(bytes.NewReader(data), int64(len(data)), Options{})
}

func firstRows(t *testing.T, data []byte) []Row {
	t.Helper()
	b, err := openBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	return b.Sheets[0].Rows
}

const plainRows = `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>市统计局</t></is></c></row>` +
	`<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>45291</v></c></row>`

var plainWant = []Row{
	{N: 1, Cells: []Cell{{"事项内容", Text}, {"市统计局", Text}}},
	{N: 2, Cells: []Cell{{"已落实", Text}, {"45291", Number}}},
}

func encodeUTF16(t *testing.T, s string, e unicode.Endianness) string {
	t.Helper()
	s = strings.Replace(s, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
	out, err := unicode.UTF16(e, unicode.UseBOM).NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// 1. A byte-order mark at the start of any part, UTF-8 or UTF-16 (little or big endian).
func TestByteOrderMark(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		edit func(name, data string) string
	}{
		{"UTF-8 BOM everywhere", func(_, d string) string { return "\xEF\xBB\xBF" + d }},
		{"UTF-8 BOM in the sheet only", func(n, d string) string {
			if strings.HasPrefix(n, "xl/worksheets/") {
				return "\xEF\xBB\xBF" + d
			}
			return d
		}},
		{"UTF-16LE everywhere", func(_, d string) string { return encodeUTF16(t, d, unicode.LittleEndian) }},
		{"UTF-16BE sheet and shared strings", func(n, d string) string {
			if strings.HasPrefix(n, "xl/worksheets/") || n == "xl/sharedStrings.xml" {
				return encodeUTF16(t, d, unicode.BigEndian)
			}
			return d
		}},
		{"UTF-8 BOM beats a declared GBK", func(n, d string) string {
			if strings.HasPrefix(n, "xl/worksheets/") || n == "xl/sharedStrings.xml" {
				return "\xEF\xBB\xBF" + strings.Replace(d, `encoding="UTF-8"`, `encoding="GBK"`, 1)
			}
			return d
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := firstRows(t, oneSheet(t, plainRows, c.edit)); !reflect.DeepEqual(got, plainWant) {
				t.Errorf("rows = %v, want %v", got, plainWant)
			}
		})
	}
	// A BOM is no licence for text before the root element.
	_, err := openBytes(oneSheet(t, plainRows, func(n, d string) string {
		if strings.HasPrefix(n, "xl/worksheets/") {
			return "\xEF\xBB\xBFx" + d
		}
		return d
	}))
	if !errors.Is(err, ErrSyntax) {
		t.Errorf("text after the BOM: err = %v, want ErrSyntax", err)
	}
}

// 2. <c t="s"><v/></c>: an empty shared-string index is an empty cell.
func TestEmptySharedStringIndex(t *testing.T) {
	t.Parallel()
	got := firstRows(t, oneSheet(t, `<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v> </v></c></row>`+
		`<row r="2"><c r="A2" t="s"><v></v></c></row>`, nil))
	want := []Row{{N: 1, Cells: []Cell{{}, {"已落实", Text}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
	if _, err := openBytes(oneSheet(t, `<row r="1"><c r="A1" t="s"><v>x</v></c></row>`, nil)); !errors.Is(err, ErrSharedString) {
		t.Errorf("index x: err = %v, want ErrSharedString", err)
	}
}

// 3. _xHHHH_ escapes in the <v> of a text formula's result, as in <t>.
func TestTextFormulaEscapes(t *testing.T) {
	t.Parallel()
	got := firstRows(t, oneSheet(t, `<row r="1"><c r="A1" t="str"><f>A2</f><v>abc_x000D_&#10;def</v></c><c r="B1" t="str"><v>_x005F_x0041_</v></c><c r="C1"><v>1_x0041_</v></c></row>`, nil))
	want := []Row{{N: 1, Cells: []Cell{{"abc\r\ndef", Text}, {"_x0041_", Text}, {"1_x0041_", Number}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %+v, want %+v", got, want)
	}
}

// 4. An inline string with a <v> beside it is the inline string, before or after it.
func TestInlineStringWithValue(t *testing.T) {
	t.Parallel()
	got := firstRows(t, oneSheet(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is><v>b</v></c>`+
		`<c r="B1" t="inlineStr"><v>b</v><is><r><t>a</t></r><r><t>_x0031_</t></r></is></c><c r="C1" t="inlineStr"><v>v</v></c></row>`, nil))
	want := []Row{{N: 1, Cells: []Cell{{"a", Text}, {"a1", Text}, {"v", Text}}}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %+v, want %+v", got, want)
	}
}

// 5. Entry names that differ only in case are ambiguous; otherwise a part is found by its
// exact name, or by its only case-insensitive match.
func TestCaseOfPartNames(t *testing.T) {
	t.Parallel()
	book := oneSheet(t, plainRows, nil)
	dup := zipBook(t, part{"[Content_Types].xml", ctypes}, part{"_rels/.rels", rootRels}, part{"xl/workbook.xml", workbookXML},
		part{"xl/_rels/workbook.xml.rels", workbookRels}, part{"xl/sharedStrings.xml", sstXML},
		part{"xl/worksheets/sheet1.xml", sheetXML(plainRows)}, part{"xl/worksheets/Sheet1.xml", sheetXML(`<row r="1"><c r="A1"><v>666</v></c></row>`)})
	_, err := openBytes(dup)
	var fe *FormatError
	if !errors.As(err, &fe) || !errors.Is(err, ErrAmbiguousPart) || fe.Part != "xl/worksheets/Sheet1.xml" {
		t.Errorf("sheet1.xml and Sheet1.xml: err = %v, want an ErrAmbiguousPart FormatError", err)
	}
	sameName := zipBook(t, part{"_rels/.rels", rootRels}, part{"xl/workbook.xml", workbookXML}, part{"xl/workbook.xml", workbookXML})
	if _, err := openBytes(sameName); !errors.Is(err, ErrAmbiguousPart) {
		t.Errorf("two entries of one name: err = %v, want ErrAmbiguousPart", err)
	}
	// The relationship says Worksheets/SHEET1.xml; the only entry is worksheets/sheet1.xml.
	odd := oneSheet(t, plainRows, func(n, d string) string {
		return strings.Replace(d, `Target="worksheets/sheet1.xml"`, `Target="Worksheets/SHEET1.xml"`, 1)
	})
	if got := firstRows(t, odd); !reflect.DeepEqual(got, plainWant) {
		t.Errorf("case-insensitive fallback: rows = %v, want %v", got, plainWant)
	}
	if got := firstRows(t, book); !reflect.DeepEqual(got, plainWant) {
		t.Errorf("rows = %v", got)
	}
}

// Cells carry their kinds; cells and rows without r= are placed by position.
func TestCellKinds(t *testing.T) {
	t.Parallel()
	got := firstRows(t, oneSheet(t, `<row><c t="e"><v>#N/A</v></c><c><f>A2</f></c><c t="b"><v>1</v></c><c t="d"><v>2024-02-05</v></c>`+
		`<c t="n"><v>-1.5</v></c><c t="str"><f>"x"</f><v></v></c><c t="e"><f>1/0</f><v>#DIV/0!</v></c><c t="s"><f>B1</f><v/></c></row><row><c><v>7</v></c></row>`, nil))
	want := []Row{
		{N: 1, Cells: []Cell{{"#N/A", Error}, {"", Uncalculated}, {"1", Bool}, {"2024-02-05", ISODate}, {"-1.5", Number}, {"", Text}, {"#DIV/0!", Error}, {"", Uncalculated}}},
		{N: 2, Cells: []Cell{{"7", Number}}},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("rows =\n%+v\nwant\n%+v", got, want)
	}
}

// The real files behind each fix (skipped when ../shared is absent).
func TestRealWorldIssue11(t *testing.T) {
	t.Parallel()
	realWorldFiles(t)
	rows := func(name, sheet string) []strRow {
		b, _, err := openFile(t, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, s := range b.Sheets {
			if s.Name == sheet || sheet == "" {
				return sheetStrRows(s)
			}
		}
		t.Fatalf("%s: no sheet %q", name, sheet)
		return nil
	}
	// 1: the BOM file reads as the one Excel Online re-saved without BOMs.
	if got, want := rows("calamine__tests__issue_261.xlsx", ""), rows("calamine__tests__issue_261_fixed_by_excel.xlsx", ""); len(got) == 0 || !reflect.DeepEqual(got, want) {
		t.Errorf("issue_261 with BOMs:\n%v\nre-saved:\n%v", got, want)
	}
	// 3: Excel for Mac's ="abc"&CHAR(13)&CHAR(10)&"def".
	if got := rows("sheetjs__crlf__crlf.xlsx", "Sheet1"); len(got) < 2 || got[1].Cells[1] != "abc\r\ndef" {
		t.Errorf("crlf: %+v", got)
	}
	// 5: refused as ambiguous.
	if _, _, err := openFile(t, "poi__test-data__spreadsheet__duplicate-filename-case-insensitive.xlsx"); !errors.Is(err, ErrAmbiguousPart) {
		t.Errorf("duplicate-filename-case-insensitive: err = %v", err)
	}
}
