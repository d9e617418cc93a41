package xlsx

import (
	"bytes"
	"errors"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// What Open says of files that are not workbooks it reads.
func TestOpenSniff(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name string
		data []byte
		want []error
	}{
		{"empty", nil, []error{ErrNotWorkbook, ErrEmptyFile}},
		{"CSV", []byte("事项内容,落实状态\n某事,已落实\n"), []error{ErrNotWorkbook, ErrPlainText}},
		{"binary", []byte{0, 1, 2, 3, 4}, []error{ErrNotWorkbook}},
		{"HTML saved as .xls", []byte("\xEF\xBB\xBF  <html><table><tr><td>1</td></tr></table></html>"), []error{ErrLegacy}},
		{"encrypted OOXML", hostile.CFB(hostile.Stream{Name: "EncryptionInfo", Data: []byte{4, 0, 4, 0}}, hostile.Stream{Name: "EncryptedPackage", Data: make([]byte, 24)}), []error{ErrEncrypted}},
		{"empty zip", []byte("PK\x05\x06" + strings.Repeat("\x00", 18)), []error{ErrNoEntries}},
		{"cut zip", oneSheet(t, plainRows, nil)[:300], []error{ErrNotZip}},
	} {
		_, err := Open(bytes.NewReader(c.data), int64(len(c.data)), Options{})
		for _, w := range c.want {
			if !errors.Is(err, w) {
				t.Errorf("%s: err = %v, want %v", c.name, err, w)
			}
		}
	}
	book := oneSheet(t, plainRows, nil)
	_, err := Open(bytes.NewReader(book), int64(len(book)), Options{MaxUnzip: 100})
	var big *TooBigError
	if !errors.As(err, &big) || big.Limit != 100 || big.Size <= 100 {
		t.Errorf("MaxUnzip 100: err = %v, want a TooBigError", err)
	}
}

// Every worksheet is parsed, hidden ones too; other sheets are listed without rows; the
// workbook's date system and description are read.
func TestOpenSheets(t *testing.T) {
	t.Parallel()
	wb := `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
		`<workbookPr date1904="1"/><sheets><sheet name="台账" sheetId="1" r:id="rId1"/><sheet name="图表" sheetId="2" r:id="rId3"/><sheet name="隐藏" sheetId="3" state="hidden" r:id="rId4"/></sheets></workbook>`
	rels := strings.Replace(workbookRels, `</Relationships>`,
		`<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/>`+
			`<Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/></Relationships>`, 1)
	core := `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:description>duban-template</dc:description></cp:coreProperties>`
	build := func(hidden string) []byte {
		return zipBook(t, part{"_rels/.rels", rootRels}, part{"xl/workbook.xml", wb}, part{"xl/_rels/workbook.xml.rels", rels},
			part{"xl/sharedStrings.xml", sstXML}, part{"xl/worksheets/sheet1.xml", sheetXML(plainRows)},
			part{"xl/worksheets/sheet2.xml", hidden}, part{"docProps/core.xml", core})
	}
	b, err := openBytes(build(sheetXML(`<row r="4"><c r="C4"><v>1</v></c></row>`)))
	if err != nil {
		t.Fatal(err)
	}
	if !b.Date1904 || b.Description != "duban-template" || b.Format != XLSX || len(b.Sheets) != 3 {
		t.Fatalf("book = %+v", b)
	}
	got := []Sheet{*b.Sheets[0], *b.Sheets[1], *b.Sheets[2]}
	want := []Sheet{
		{Name: "台账", Kind: Worksheet, Rows: plainWant, Merges: []Range{{2, 2, 2, 4}}, LastRow: 2},
		{Name: "图表", Kind: OtherSheet},
		{Name: "隐藏", Kind: Worksheet, Hidden: true, Rows: []Row{{N: 4, Cells: []Cell{{}, {}, {"1", Number}}}}, Merges: []Range{{2, 2, 2, 4}}, LastRow: 4},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("sheets =\n%+v\nwant\n%+v", got, want)
	}
	_, err = openBytes(build(sheetXML(`<row r="4"><c r="C4"><v>1</c></row>`)))
	var fe *FormatError
	if !errors.As(err, &fe) || fe.Part != "xl/worksheets/sheet2.xml" || !errors.Is(err, ErrSyntax) {
		t.Errorf("damaged hidden sheet: err = %v, want a FormatError of xl/worksheets/sheet2.xml", err)
	}
	noSheet := zipBook(t, part{"_rels/.rels", rootRels}, part{"xl/workbook.xml", workbookXML}, part{"xl/_rels/workbook.xml.rels", workbookRels})
	if _, err := openBytes(noSheet); !errors.As(err, &fe) || fe.Part != "xl/worksheets/sheet1.xml" || !errors.Is(err, ErrMissingPart) {
		t.Errorf("missing worksheet: err = %v", err)
	}
	noBook := zipBook(t, part{"word/document.xml", "<w/>"})
	if _, err := openBytes(noBook); !errors.Is(err, ErrNoWorkbook) || !errors.Is(err, ErrMissingPart) {
		t.Errorf("a zip without a workbook: err = %v", err)
	}
	gbk := oneSheet(t, plainRows, func(n, d string) string {
		if n == "xl/workbook.xml" {
			return strings.Replace(d, `encoding="UTF-8"`, `encoding="x-unknown"`, 1)
		}
		return d
	})
	if _, err := openBytes(gbk); !errors.Is(err, ErrEncoding) || !strings.Contains(err.Error(), "x-unknown") {
		t.Errorf("unknown encoding: err = %v", err)
	}
}

// Open hands a compound file without an EncryptedPackage stream to the .xls reader.
func TestOpenRoutesXLS(t *testing.T) {
	t.Parallel()
	data := cellsWorkbook()
	got, err := Open(bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want, err := readXLSBytes(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Format != BIFF8 || !reflect.DeepEqual(got, want) {
		t.Errorf("Open = %+v, want readXLS's %+v", got, want)
	}
}
