package xlsx

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const realWorld = "../../../shared/realworld-xlsx"

// realWorldFiles returns the real-world workbooks (../shared/realworld-xlsx, see its
// MANIFEST.tsv), skipping the test when the folder is absent.
func realWorldFiles(t *testing.T) []string {
	t.Helper()
	manifest, err := os.ReadFile(filepath.Join(realWorld, "MANIFEST.tsv"))
	if err != nil {
		t.Skipf("no real-world workbooks: %v", err)
	}
	var files []string
	for i, line := range strings.Split(strings.TrimSpace(string(manifest)), "\n") {
		if i > 0 {
			files = append(files, strings.Split(line, "\t")[0])
		}
	}
	if len(files) < 70 {
		t.Fatalf("MANIFEST.tsv lists %d files", len(files))
	}
	return files
}

func openFile(t *testing.T, name string) (*Book, []byte, error) {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(realWorld, name))
	if err != nil {
		t.Fatal(err)
	}
	b, err := Open(bytes.NewReader(data), int64(len(data)), Options{})
	return b, data, err
}

// refused are the real-world files Open refuses, each with the error it must give; every
// other file of the MANIFEST is read by the references and must be read by Open.
var refused = map[string]error{
	// text before the root element: really malformed (openpyxl refuses it too)
	"exceljs__spec__integration__data__invalid-xml.xlsx": ErrSyntax,
	// a DOCTYPE with entity expansion (an XML bomb)
	"poi__test-data__spreadsheet__54764.xlsx": ErrSyntax,
	// Excel 2007 beta format: excelize refuses it too
	"poi__test-data__spreadsheet__sample-beta.xlsx": ErrSharedString,
	// a broken entry for the workbook's relationships (only SheetJS, ignoring CRCs, reads it)
	"calamine__tests__issue252.xlsx": ErrCompressed,
	// <sheets></sheets>: the references return no sheet at all
	"excelize__test__BadWorkbook.xlsx": ErrNoSheets,
	// sheet1.xml and Sheet1.xml, and two entries of one name: readers disagree on which part
	// they read, so a crafted file could show Excel one table and duban another
	"poi__test-data__spreadsheet__duplicate-filename-case-insensitive.xlsx": ErrAmbiguousPart,
	"poi__test-data__spreadsheet__duplicate-filename.xlsx":                  ErrAmbiguousPart,
}

func TestRealWorldOpen(t *testing.T) {
	t.Parallel()
	for _, name := range realWorldFiles(t) {
		_, _, err := openFile(t, name)
		want, isRefused := refused[name]
		switch {
		case isRefused && !errors.Is(err, want):
			t.Errorf("%s: err = %v, want %v", name, err, want)
		case !isRefused && err != nil:
			t.Errorf("%s: %v", name, err)
		}
	}
}

// Known differences between Open and excelize's raw values on the real-world files, and why.
var (
	// Excel for Mac and SheetJS escape control characters in the cached result of a text
	// formula (<c t="str"><v>abc_x000D_</v>) as in <t>; Excel, POI and SheetJS decode them,
	// excelize does not (issue 11). These files are compared with excelize's values decoded.
	strEscapes = map[string]bool{
		"sheetjs__crlf__crlf.xlsx":           true,
		"sheetjs__comments_stress_test.xlsx": true,
		"sheetjs__formula_stress_test.xlsx":  true,
	}
	// excelize reads these wrong; Open's first row of a sheet is checked instead.
	excelizeWrong = map[string]struct {
		why, sheet string
		first      strRow
	}{
		// the workbook lives in wtf/, not xl/: excelize looks for xl/sharedStrings.xml and
		// loses every shared string, and misses the sheet of only shared strings
		"sheetjs__wtf_path.xlsx": {"shared strings outside xl/", "Hidden", strRow{1, []string{"H", "i", "d", "d", "e", "n"}}},
		// s="" attributes: excelize's iterator returns no rows at all
		"calamine__tests__empty_s_attribute.xlsx": {`s=""`, "Sheet1", strRow{1, []string{"Name", "Value"}}},
	}
)

// TestRealWorldDifferential compares every worksheet Open reads with excelize's raw values.
func TestRealWorldDifferential(t *testing.T) {
	t.Parallel()
	for _, name := range realWorldFiles(t) {
		if refused[name] != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			book, data, err := openFile(t, name)
			if err != nil {
				t.Fatal(err)
			}
			if testing.Short() && len(data) > 512<<10 {
				t.Skip("-short: excelize takes seconds on it")
			}
			f, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Skipf("excelize does not read it: %v", err)
			}
			defer f.Close()
			if w, ok := excelizeWrong[name]; ok {
				for _, sh := range book.Sheets {
					if sh.Name == w.sheet {
						if rows := sheetStrRows(sh); len(rows) == 0 || !reflect.DeepEqual(rows[0], w.first) {
							t.Errorf("sheet %q starts %v, want %v", w.sheet, rows, w.first)
						}
						return
					}
				}
				t.Fatalf("no sheet %q", w.sheet)
			}
			for _, sh := range book.Sheets {
				if sh.Kind != Worksheet {
					continue
				}
				if idx, err := f.GetSheetIndex(sh.Name); err != nil || idx < 0 {
					t.Errorf("sheet %q: excelize does not have it", sh.Name)
					continue
				}
				want := excelizeSheetLoose(f, sh.Name)
				if strEscapes[name] {
					for _, r := range want {
						for i, c := range r.Cells {
							b := []byte(c)
							r.Cells[i] = string(b[:unescapeBstr(b)])
						}
					}
				}
				if msg := diffRows(sheetStrRows(sh), want); msg != "" {
					t.Errorf("sheet %q: %s", sh.Name, msg)
				}
			}
		})
	}
}

// excelizeSheetLoose reads a sheet as excelizeSheet does, returning what it read before an
// error (excelize stops early on damage; Open has refused those files already).
func excelizeSheetLoose(f *excelize.File, sheet string) []strRow {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil
	}
	var out []strRow
	for n := 1; it.Next(); n++ {
		cells, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			break
		}
		if len(cells) > 0 {
			out = append(out, strRow{N: n, Cells: cells})
		}
	}
	return out
}
