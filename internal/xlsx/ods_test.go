package xlsx

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// OpenDocument spreadsheets are built here from readable XML: the zip written as LibreOffice
// writes it (mimetype first and stored, then the manifest and the parts).

const odsNS = `xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" ` +
	`xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" ` +
	`xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" ` +
	`xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ` +
	`xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" ` +
	`xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"`

const odsManifestText = `<?xml version="1.0" encoding="UTF-8"?>` +
	`<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">` +
	`<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>` +
	`<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>` +
	`</manifest:manifest>`

// odsContentXML wraps automatic styles and the tables of a spreadsheet into content.xml.
func odsContentXML(styles, tables string) string {
	return `<?xml version="1.0" encoding="UTF-8"?><office:document-content ` + odsNS + ` office:version="1.3">` +
		`<office:automatic-styles>` + styles + `</office:automatic-styles>` +
		`<office:body><office:spreadsheet>` + tables + `</office:spreadsheet></office:body></office:document-content>`
}

type odsPart struct {
	name, data string
	stored     bool
}

// odsZip writes the parts into a zip, in order.
func odsZip(t testing.TB, parts ...odsPart) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		h := &zip.FileHeader{Name: p.name, Method: zip.Deflate}
		if p.stored {
			h.Method = zip.Store
		}
		w, err := zw.CreateHeader(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write([]byte(p.data)); err != nil {
			t.Fatal(err)
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// odsFile is a whole .ods package around content.xml.
func odsFile(t testing.TB, content string) []byte {
	return odsZip(t, odsPart{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
		odsPart{"META-INF/manifest.xml", odsManifestText, false}, odsPart{"content.xml", content, false})
}

// dumpBook writes a book as lines: each sheet, each cell with its kind, each merged range.
func dumpBook(b *Book) string {
	kinds := map[Kind]string{Blank: "blank", Text: "text", Number: "number", Bool: "bool", Error: "error",
		Uncalculated: "formula", ISODate: "isodate"}
	var sb strings.Builder
	for _, s := range b.Sheets {
		fmt.Fprintf(&sb, "sheet %q hidden=%v last=%d\n", s.Name, s.Hidden, s.LastRow)
		for _, r := range s.Rows {
			for i, c := range r.Cells {
				if c != (Cell{}) {
					fmt.Fprintf(&sb, "%s %s %q\n", CellName(i+1, r.N), kinds[c.Kind], c.Value)
				}
			}
		}
		for _, m := range s.Merges {
			fmt.Fprintf(&sb, "merge %s:%s\n", CellName(m.C1, m.R1), CellName(m.C2, m.R2))
		}
	}
	return sb.String()
}

func openODS(t testing.TB, content string, opt Options) (*Book, error) {
	data := odsFile(t, content)
	return Open(bytes.NewReader(data), int64(len(data)), opt)
}

// odsCases are content.xml bodies and the book each reads as; FuzzReadODS starts from them.
var odsCases = []struct {
	name, styles, tables, want string
}{
	{"value types", "", `<table:table table:name="台账">` +
		`<table:table-column table:number-columns-repeated="5"/>` +
		`<table:table-row><table:table-cell office:value-type="string" calcext:value-type="string"><text:p>序号</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="float" office:value="12.5"><text:p>12.50</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="percentage" office:value="0.35"><text:p>35%</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="currency" office:currency="CNY" office:value="1200"><text:p>¥1,200.00</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell></table:table-row>` +
		`<table:table-row><table:table-cell office:value-type="date" office:date-value="2024-06-30"><text:p>2024年6月30日</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="date" office:date-value="2024-06-30T12:00:00"><text:p>2024-06-30 12:00</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="time" office:time-value="PT06H00M00S"><text:p>06:00</text:p></table:table-cell>` +
		`<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>` +
		`<table:table-cell table:formula="of:=[.A1]"/></table:table-row>` +
		`<table:table-row><table:table-cell office:value-type="date" office:date-value="1800-01-01"><text:p>1800-01-01</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="boolean" office:boolean-value="false"/>` +
		`<table:table-cell office:value-type="string" office:string-value="属性里的文字"><text:p>显示的</text:p></table:table-cell>` +
		`<table:table-cell><text:p>无类型</text:p></table:table-cell></table:table-row>` +
		`</table:table>`,
		`sheet "台账" hidden=false last=3
A1 text "序号"
B1 number "12.5"
C1 number "0.35"
D1 number "1200"
E1 bool "1"
A2 number "45473"
B2 number "45473.5"
C2 number "0.25"
D2 error "#DIV/0!"
E2 formula ""
A3 isodate "1800-01-01"
B3 bool "0"
C3 text "属性里的文字"
D3 text "无类型"
`},
	// LibreOffice writes a run of spaces inside a line as text:s (leading ones as written), a
	// tab as text:tab and each line of a cell as a paragraph; Calc reads the characters of a
	// paragraph as written, white space too.
	{"text", "", `<table:table table:name="文字"><table:table-row>` +
		`<table:table-cell office:value-type="string"><text:p><text:s text:c="2"/>推进 <text:s/>两个空格</text:p><text:p>第二行<text:line-break/>第三行<text:tab/>末</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="string"><text:p>  市<text:span text:style-name="T1">财政</text:span>
		局 </text:p></table:table-cell>` +
		`<table:table-cell office:value-type="string"><text:p>有批注<office:annotation><dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">x</dc:creator><text:p>批注不是值</text:p></office:annotation></text:p>` +
		`<office:annotation><text:p>也不是</text:p></office:annotation><draw:frame><draw:text-box><text:p>图</text:p></draw:text-box></draw:frame></table:table-cell>` +
		`<table:table-cell office:value-type="string"><text:p><text:a xlink:href="http://x" xmlns:xlink="http://www.w3.org/1999/xlink">链接</text:a>&amp;&lt;</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="string"><text:p/></table:table-cell>` +
		`<table:table-cell office:value-type="string"><text:list><text:list-item><text:p>一</text:p></text:list-item><text:list-item><text:p>二</text:p></text:list-item></text:list></table:table-cell>` +
		`</table:table-row></table:table>`,
		`sheet "文字" hidden=false last=1
A1 text "  推进  两个空格\n第二行\n第三行\t末"
B1 text "  市财政\n\t\t局 "
C1 text "有批注"
D1 text "链接&<"
F1 text "一\n二"
`},
	// Blank cells and rows cost nothing until a value follows; repeated values unfold. What
	// other readers got wrong on real files: LibreOffice ends each row with a blank (styled)
	// cell repeated to column 16,384 and each sheet with a blank row repeated to row 1,048,576
	// (tdf/odftoolkit#25 and #64, productdevbook/hucre#545: rows 16,384 wide, a million rows
	// iterated); a repeated row can hold values — identical adjoining rows are written once
	// (ropensci/readODS#81: 245 rows of a gov.uk statistics release read as blank); an
	// interior blank row keeps its place (productdevbook/hucre#394).
	{"repeats", "", `<table:table table:name="重复"><table:table-column table:number-columns-repeated="16384"/>` +
		`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
		`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-repeated="2"/>` +
		`<table:table-cell office:value-type="string" table:number-columns-repeated="2"><text:p>同</text:p></table:table-cell>` +
		`<table:table-cell table:number-columns-repeated="16380"/></table:table-row>` +
		`<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>` +
		`</table:table>`,
		`sheet "重复" hidden=false last=4
C3 text "同"
D3 text "同"
C4 text "同"
D4 text "同"
`},
	// A cell spanning columns and rows is a merged range over the covered cells (whose
	// values, kept by "keep the contents of hidden cells", are read as Excel reads them).
	{"merges", "", `<table:table table:name="合并">` +
		`<table:table-row><table:table-cell table:number-columns-spanned="3" table:number-rows-spanned="1" office:value-type="string"><text:p>标题</text:p></table:table-cell>` +
		`<table:covered-table-cell table:number-columns-repeated="2"/></table:table-row>` +
		`<table:table-row><table:table-cell table:number-rows-spanned="2" office:value-type="string"><text:p>市政府常务会议</text:p></table:table-cell>` +
		`<table:table-cell office:value-type="float" office:value="1"/></table:table-row>` +
		`<table:table-row><table:covered-table-cell office:value-type="string"><text:p>藏</text:p></table:covered-table-cell>` +
		`<table:table-cell office:value-type="float" office:value="2"/></table:table-row>` +
		`<table:table-row table:number-rows-repeated="2"><table:table-cell table:number-columns-spanned="2"/><table:covered-table-cell/></table:table-row>` +
		`<table:table-row><table:table-cell office:value-type="string"><text:p>末</text:p></table:table-cell></table:table-row>` +
		`<table:table-row table:number-rows-repeated="5"><table:table-cell table:number-columns-spanned="2"/><table:covered-table-cell/></table:table-row>` +
		`</table:table>`,
		`sheet "合并" hidden=false last=6
A1 text "标题"
A2 text "市政府常务会议"
B2 number "1"
A3 text "藏"
B3 number "2"
A6 text "末"
merge A1:C1
merge A2:A3
merge A4:B4
merge A5:B5
`},
	// Sheet names as written; a table whose style has table:display="false" is hidden.
	{"sheets", `<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>` +
		`<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>`,
		`<table:table table:name="2024年 台账" table:style-name="ta1"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row></table:table>` +
			`<table:table table:name="隐藏" table:style-name="ta2"><table:table-row><table:table-cell office:value-type="float" office:value="2"/></table:table-row></table:table>` +
			`<table:table table:name="空"/>`,
		`sheet "2024年 台账" hidden=false last=1
A1 number "1"
sheet "隐藏" hidden=true last=1
A1 number "2"
sheet "空" hidden=false last=0
`},
}

func TestReadODS(t *testing.T) {
	for _, c := range odsCases {
		book, err := openODS(t, odsContentXML(c.styles, c.tables), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if book.Format != ODS {
			t.Errorf("%s: format %v, want ODS", c.name, book.Format)
		}
		if got := dumpBook(book); got != c.want {
			t.Errorf("%s: read\n%s\nwant\n%s", c.name, got, c.want)
		}
	}
}

// A blank run at the end of a row or a sheet costs nothing, and a row repeated a million times
// shares one slice of cells: the cost follows what the sheet holds.
func TestODSCostFollowsContent(t *testing.T) {
	wide := `<table:table-cell office:value-type="string" table:number-columns-repeated="16384"><text:p>满</text:p></table:table-cell>`
	content := odsContentXML("", `<table:table table:name="大"><table:table-row table:number-rows-repeated="1048576">`+wide+`</table:table-row></table:table>`)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	book, err := openODS(t, content, Options{})
	runtime.ReadMemStats(&after)
	if err != nil {
		t.Fatal(err)
	}
	rows := book.Sheets[0].Rows
	if len(rows) != maxRow || len(rows[0].Cells) != maxCol || &rows[0].Cells[0] != &rows[maxRow-1].Cells[0] {
		t.Fatalf("%d rows of %d cells, sharing: %v", len(rows), len(rows[0].Cells), &rows[0].Cells[0] == &rows[maxRow-1].Cells[0])
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 100<<20 {
		t.Errorf("a million repeated rows allocated %d MB", alloc>>20)
	}
	// Repeated blank runs, however long, store nothing.
	content = odsContentXML("", `<table:table table:name="空"><table:table-row table:number-rows-repeated="999999999999">`+
		`<table:table-cell table:number-columns-repeated="999999999999"/></table:table-row></table:table>`)
	if book, err = openODS(t, content, Options{}); err != nil || len(book.Sheets[0].Rows) != 0 {
		t.Errorf("blank runs: %v", err)
	}
}

// What an .ods is refused for: the damage refusals and limits of an .xlsx.
func TestODSRefused(t *testing.T) {
	table := func(rows string) string {
		return odsContentXML("", `<table:table table:name="台账">`+rows+`</table:table>`)
	}
	good := table(`<table:table-row><table:table-cell office:value-type="string"><text:p>事项</text:p></table:table-cell></table:table-row>`)
	var big *TooBigError
	for _, c := range []struct {
		name    string
		content string
		opt     Options
		want    error // nil: a TooBigError
	}{
		{"not well-formed", strings.Replace(good, "</text:p>", "", 1), Options{}, ErrSyntax},
		{"cut short", good[:len(good)-40], Options{}, ErrSyntax},
		{"empty part", "", Options{}, ErrSyntax},
		{"bad entity", strings.Replace(good, "事项", "&nbsp;", 1), Options{}, ErrSyntax},
		{"no tables", odsContentXML("", ""), Options{}, ErrNoSheets},
		{"a value past the last row", table(`<table:table-row table:number-rows-repeated="1048576"/>` +
			`<table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row>`), Options{}, ErrRowNumber},
		{"a value repeated past the last row", table(`<table:table-row table:number-rows-repeated="1048577">` +
			`<table:table-cell office:value-type="float" office:value="1"/></table:table-row>`), Options{}, ErrRowNumber},
		{"a cell repeated a million times", table(`<table:table-row><table:table-cell office:value-type="float" office:value="1" ` +
			`table:number-columns-repeated="1000000"/></table:table-row>`), Options{}, ErrCellRef},
		{"spaces unfolding past any cell", table(`<table:table-row><table:table-cell office:value-type="string">` +
			`<text:p><text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row>`), Options{}, ErrTooLong},
		{"unfolding past --max-unzip", table(`<table:table-row table:number-rows-repeated="100000">` +
			`<table:table-cell office:value-type="float" office:value="1" table:number-columns-repeated="100"/></table:table-row>`),
			Options{MaxUnzip: 1 << 20}, nil},
		{"larger than --max-unzip", good, Options{MaxUnzip: 100}, nil},
	} {
		_, err := openODS(t, c.content, c.opt)
		if c.want == nil {
			if !errors.As(err, &big) {
				t.Errorf("%s: err = %v, want a TooBigError", c.name, err)
			}
			continue
		}
		var fe *FormatError
		if !errors.Is(err, c.want) || !errors.As(err, &fe) || fe.Part != "content.xml" {
			t.Errorf("%s: err = %v, want a FormatError of content.xml with %v", c.name, err, c.want)
		}
	}

	// A part whose checksum fails: the stored content.xml with one byte changed.
	data := odsZip(t, odsPart{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
		odsPart{"content.xml", good, true})
	i := bytes.Index(data, []byte("事项"))
	data[i+3] ^= 0x01 // still valid UTF-8: 项 becomes another character
	if _, err := Open(bytes.NewReader(data), int64(len(data)), Options{}); !errors.Is(err, ErrChecksum) {
		t.Errorf("bad CRC: err = %v, want ErrChecksum", err)
	}

	// Saved with a password: the manifest lists the encryption of its parts.
	manifest := strings.Replace(odsManifestText, `manifest:media-type="text/xml"/>`,
		`manifest:media-type="text/xml"><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">`+
			`<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>`, 1)
	data = odsZip(t, odsPart{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true},
		odsPart{"META-INF/manifest.xml", manifest, false}, odsPart{"content.xml", "\x8a\x01binary", true})
	for _, pw := range []string{"", "secret"} {
		if _, err := Open(bytes.NewReader(data), int64(len(data)), Options{Password: pw}); !errors.Is(err, ErrEncryptedODS) || !errors.Is(err, ErrEncrypted) {
			t.Errorf("encrypted, password %q: err = %v, want ErrEncryptedODS", pw, err)
		}
	}
}

// An .ods is told by its content: the mimetype entry, or a manifest without OOXML content
// types; another OpenDocument file (a text document) is not a workbook.
func TestODSByContent(t *testing.T) {
	content := odsContentXML("", `<table:table table:name="台账"><table:table-row><table:table-cell office:value-type="string"><text:p>事项</text:p></table:table-cell></table:table-row></table:table>`)
	meta := `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ` + odsNS + ` xmlns:dc="http://purl.org/dc/elements/1.1/"><office:meta><dc:description>duban-report</dc:description></office:meta></office:document-meta>`
	for _, c := range []struct {
		name  string
		parts []odsPart
		want  error
	}{
		{"template", []odsPart{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet-template", true}, {"content.xml", content, false}}, nil},
		{"no mimetype", []odsPart{{"content.xml", content, false}, {"META-INF/manifest.xml", odsManifestText, false}, {"meta.xml", meta, false}}, nil},
		{"text document", []odsPart{{"mimetype", "application/vnd.oasis.opendocument.text", true}, {"content.xml", content, false}}, ErrNoWorkbook},
		{"no content.xml", []odsPart{{"mimetype", "application/vnd.oasis.opendocument.spreadsheet", true}}, ErrNoWorkbook},
	} {
		data := odsZip(t, c.parts...)
		book, err := Open(bytes.NewReader(data), int64(len(data)), Options{})
		if c.want != nil {
			if !errors.Is(err, c.want) {
				t.Errorf("%s: err = %v, want %v", c.name, err, c.want)
			}
			continue
		}
		if err != nil || book.Format != ODS || len(book.Sheets) != 1 || book.Sheets[0].Rows[0].Cells[0].Value != "事项" {
			t.Errorf("%s: %v, %+v", c.name, err, book)
			continue
		}
		if c.name == "no mimetype" && book.Description != "duban-report" {
			t.Errorf("%s: description %q, want duban-report", c.name, book.Description)
		}
	}
}

// FuzzReadODS: any content.xml is read or refused, never a panic, and what is read keeps the
// Book's promises.
func FuzzReadODS(f *testing.F) {
	for _, c := range odsCases {
		f.Add([]byte(odsContentXML(c.styles, c.tables)))
	}
	f.Add([]byte(odsContentXML("", `<table:table><table:table-row table:number-rows-repeated="-1"><table:table-cell table:number-columns-spanned="99999999" table:number-rows-spanned="x"/></table:table-row></table:table>`)))
	f.Fuzz(func(t *testing.T, content []byte) {
		var buf bytes.Buffer
		zw := zip.NewWriter(&buf)
		for name, data := range map[string][]byte{"mimetype": []byte("application/vnd.oasis.opendocument.spreadsheet"), "content.xml": content} {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: name, Method: zip.Store})
			if err != nil {
				t.Fatal(err)
			}
			w.Write(data)
		}
		zw.Close()
		book, err := Open(bytes.NewReader(buf.Bytes()), int64(buf.Len()), Options{MaxUnzip: 4 << 20}) // small: each input stays quick
		if err != nil {
			return
		}
		for _, s := range book.Sheets {
			prev := 0
			for _, r := range s.Rows {
				if r.N <= prev || r.N > maxRow || len(r.Cells) == 0 || len(r.Cells) > maxCol || r.Cells[len(r.Cells)-1] == (Cell{}) {
					t.Fatalf("sheet %q: row %d after %d with %d cells", s.Name, r.N, prev, len(r.Cells))
				}
				prev = r.N
			}
			for _, m := range s.Merges {
				if m.C1 < 1 || m.R1 < 1 || m.C2 < m.C1 || m.R2 < m.R1 || m.C2 > maxCol || m.R2 > maxRow {
					t.Fatalf("sheet %q: merge %+v", s.Name, m)
				}
			}
		}
	})
}

// Spaces unfolded by text:s are paid for: cells of a million spaces each, more than the limit
// in all, are refused as too big.
func TestODSSpacesCharged(t *testing.T) {
	cell := `<table:table-cell office:value-type="string"><text:p>x<text:s text:c="1000000"/>y</text:p></table:table-cell>`
	content := odsContentXML("", `<table:table table:name="台账"><table:table-row>`+strings.Repeat(cell, 10)+`</table:table-row></table:table>`)
	var big *TooBigError
	if _, err := openODS(t, content, Options{MaxUnzip: 8 << 20}); !errors.As(err, &big) {
		t.Errorf("10 cells of a million spaces, limit 8 MiB: err = %v, want a TooBigError", err)
	}
	book, err := openODS(t, odsContentXML("", `<table:table table:name="台账"><table:table-row>`+cell+`</table:table-row></table:table>`), Options{})
	if err != nil || book.Sheets[0].Rows[0].Cells[0].Value != "x"+strings.Repeat(" ", 1000000)+"y" {
		t.Errorf("one cell of a million spaces: %v", err)
	}
}
