package xlsx

import (
	"errors"
	"reflect"
	"strings"
	"testing"

	"golang.org/x/text/encoding/unicode"
)

// Readable files read, and files past Excel's limits refused with the reason (issue 20).

// UTF-16 without a byte-order mark, as .NET exports write it; the first two bytes of XML tell
// the byte order.
func TestUTF16WithoutMark(t *testing.T) {
	t.Parallel()
	for _, e := range []unicode.Endianness{unicode.BigEndian, unicode.LittleEndian} {
		data := oneSheet(t, plainRows, func(_, d string) string {
			d = strings.Replace(d, `encoding="UTF-8"`, `encoding="UTF-16"`, 1)
			out, err := unicode.UTF16(e, unicode.IgnoreBOM).NewEncoder().String(d)
			if err != nil {
				t.Fatal(err)
			}
			return out
		})
		if got := firstRows(t, data); !reflect.DeepEqual(got, plainWant) {
			t.Errorf("endianness %v: rows = %v, want %v", e, got, plainWant)
		}
	}
}

// Escaped surrogate pairs are one character (PhpSpreadsheet issue.4724.xlsx: a cell holding
// only 😀 came back empty); a lone half is dropped, as before.
func TestEscapedSurrogatePairs(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"_xD83D__xDE00_":         "😀",
		"A_xD83D__xDE00_B":       "A😀B",
		"_xD83D_":                "",
		"_xDE00_x":               "x",
		"_xD83D__x0041_":         "A",
		"_xd83d__xde00__x4E2D_ ": "😀中 ",
	} {
		b := []byte(in)
		if got := string(b[:unescapeBstr(b)]); got != want {
			t.Errorf("unescapeBstr(%q) = %q, want %q", in, got, want)
		}
	}
	data := oneSheet(t, `<row r="1"><c r="A1" t="inlineStr"><is><t>_xD83D__xDE00_</t></is></c><c r="B1" t="s"><v>0</v></c></row>`,
		func(n, d string) string {
			if n == "xl/sharedStrings.xml" {
				return strings.Replace(d, "事项内容", "A_xD83D__xDE00_B", 1)
			}
			return d
		})
	want := []Row{{N: 1, Cells: []Cell{{"😀", Text}, {"A😀B", Text}}}}
	if got := firstRows(t, data); !reflect.DeepEqual(got, want) {
		t.Errorf("rows = %v, want %v", got, want)
	}
}

// .NET exports that Excel opens: each cell in a <row> of its own with the same number, and
// references of digits only.
func TestDotNetRows(t *testing.T) {
	t.Parallel()
	got := firstRows(t, oneSheet(t, `<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1"><c r="B1" t="inlineStr"><is><t>市统计局</t></is></c></row>`+
		`<row r="2"><c r="0" t="s"><v>1</v></c><c r="0"><v>45291</v></c></row>`, nil))
	if !reflect.DeepEqual(got, plainWant) {
		t.Errorf("rows = %v, want %v", got, plainWant)
	}
	// The same row again after another is still out of order.
	_, err := openBytes(oneSheet(t, `<row r="1"/><row r="2"/><row r="1"/>`, nil))
	if !errors.Is(err, ErrRowOrder) {
		t.Errorf("row 1 after row 2: err = %v, want ErrRowOrder", err)
	}
	// Cells of the repeated row still go left to right.
	_, err = openBytes(oneSheet(t, `<row r="1"><c r="B1"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>`, nil))
	if !errors.Is(err, ErrCellOrder) {
		t.Errorf("A1 after B1: err = %v, want ErrCellOrder", err)
	}
}

// Rows counted past Excel's last row (no r attributes) or cells past XFD: Excel and
// LibreOffice show only part of such a sheet, so the file is refused, not counted differently.
func TestPastExcelLimits(t *testing.T) {
	t.Parallel()
	for name, data := range map[string]string{
		"a row after 1048576":  `<row r="1048576"><c><v>1</v></c></row><row><c><v>2</v></c></row>`,
		"a cell after XFD":     `<row r="1"><c r="XFD1"><v>1</v></c><c><v>2</v></c></row>`,
		"a reference past XFD": `<row r="1"><c r="XFE1"><v>1</v></c></row>`,
	} {
		_, err := openBytes(oneSheet(t, data, nil))
		var fe *FormatError
		if !errors.Is(err, ErrPastLimit) || !errors.As(err, &fe) || fe.Part != "xl/worksheets/sheet1.xml" {
			t.Errorf("%s: err = %v, want ErrPastLimit in the sheet", name, err)
		}
	}
	// At the limits, all is read.
	b, err := openBytes(oneSheet(t, `<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>`, nil))
	if err != nil {
		t.Fatal(err)
	}
	if want := []FarCell{{maxRow, maxCol, Cell{"1", Number}}}; !reflect.DeepEqual(b.Sheets[0].Far, want) || len(b.Sheets[0].Rows) != 0 {
		t.Errorf("the last cell: far %v, want %v", b.Sheets[0].Far, want)
	}
}

// Cells right of IV are kept apart: a stray cell at XFD on every row costs its content, not
// 16,384 cells a row.
func TestFarCells(t *testing.T) {
	t.Parallel()
	b, err := openBytes(oneSheet(t, `<row r="1"><c r="A1"><v>1</v></c><c r="IV1"><v>2</v></c><c r="IW1"><v>3</v></c><c r="XFD1"><v>4</v></c></row>`+
		`<row r="2"><c r="XFD2" t="inlineStr"><is><t>远</t></is></c></row>`, nil))
	if err != nil {
		t.Fatal(err)
	}
	rows := b.Sheets[0].Rows
	if len(rows) != 1 || len(rows[0].Cells) != FarColumn || rows[0].Cells[0].Value != "1" || rows[0].Cells[FarColumn-1].Value != "2" {
		t.Errorf("rows = %v", rows)
	}
	want := []FarCell{{1, 257, Cell{"3", Number}}, {1, maxCol, Cell{"4", Number}}, {2, maxCol, Cell{"远", Text}}}
	if got := b.Sheets[0].Far; !reflect.DeepEqual(got, want) {
		t.Errorf("far = %v, want %v", got, want)
	}
}

// Whole-column and whole-row merges are kept, bounded to the sheet's real rows and columns.
func TestWholeColumnMerges(t *testing.T) {
	t.Parallel()
	data := oneSheet(t, plainRows, func(n, d string) string {
		if strings.HasPrefix(n, "xl/worksheets/") {
			return strings.Replace(d, "</sheetData>", `</sheetData><mergeCells count="3"><mergeCell ref="A:A"/><mergeCell ref="$C:$D"/><mergeCell ref="2:2"/></mergeCells>`, 1)
		}
		return d
	})
	b, err := openBytes(data)
	if err != nil {
		t.Fatal(err)
	}
	want := []Range{{1, 1, 1, 2}, {3, 1, 4, 2}, {1, 2, 2, 2}, {2, 2, 2, 4}} // and the B2:B4 of sheetXML
	if got := b.Sheets[0].Merges; !reflect.DeepEqual(got, want) {
		t.Errorf("merges = %v, want %v", got, want)
	}
}
