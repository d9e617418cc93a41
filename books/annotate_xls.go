package books

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// A legacy workbook (.xls, .et) or an OpenDocument spreadsheet (.ods) cannot be copied as it
// is: the annotated copy of one is a new .xlsx (same name, .xlsx) built from what the reader
// read — every sheet's values and merged cells — and then marked as the copy of any input.

// legacyBook returns the workbook at path as read when it is a legacy binary workbook or an
// OpenDocument spreadsheet (by content: a renamed one too), nil otherwise. It reads the whole
// file only when copiedAsXLSX finds one of those: an .xlsx is read once, by excelize.
func legacyBook(path string) *xlsx.Book {
	if !copiedAsXLSX(path) {
		return nil
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	book, err := xlsx.Open(bytes.NewReader(b), int64(len(b)), xlsx.Options{})
	if err != nil || book.Format != xlsx.BIFF8 && book.Format != xlsx.ODS {
		return nil // an encrypted .xlsx: excelize opens it with the password
	}
	return book
}

// copiedAsXLSX reports whether the annotated copy of the file at path is a new .xlsx (as
// legacyBook reads it), without reading the whole file: a compound file (a legacy .xls or .et,
// or an encrypted .xlsx, whose name is kept the same) or an OpenDocument spreadsheet.
func copiedAsXLSX(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 8)
	if _, err := io.ReadFull(f, head); err == nil && bytes.Equal(head, []byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
		return true
	}
	st, err := f.Stat()
	return err == nil && xlsx.IsODS(f, st.Size())
}

// copyName is the name of the annotated copy of the file named name: a legacy workbook's
// copy is an .xlsx.
func copyName(name string, legacy bool) string {
	if !legacy {
		return name
	}
	return strings.TrimSuffix(name, filepath.Ext(name)) + ".xlsx"
}

// bookCopy writes the worksheets of book into a new workbook, under names Excel accepts, and
// returns it with the renamed sheets (old name → new) and the merged ranges the copy keeps
// (keptMerges), by sheet name, which are not written into it. Chart and macro sheets, which
// hold no cells, are left out.
func bookCopy(book *xlsx.Book) (*excelize.File, map[string]string, map[string][]xlsx.Range, error) {
	var names []string // of all sheets, for the unnamed ones' positions
	var ws []*xlsx.Sheet
	for _, s := range book.Sheets {
		names = append(names, s.Name)
		if s.Kind == xlsx.Worksheet {
			ws = append(ws, s)
		}
	}
	renamed := copyNames(names)
	f := excelize.NewFile()
	merges := map[string][]xlsx.Range{}
	for i, s := range ws {
		name := s.Name
		if now, ok := renamed[name]; ok {
			name = now
		}
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return nil, nil, nil, err
			}
		} else if _, err := f.NewSheet(name); err != nil {
			return nil, nil, nil, err
		}
		if err := copySheet(f, name, s); err != nil {
			return nil, nil, nil, err
		}
		if ms := disjoint(slices.Clone(s.Merges)); len(ms) > 0 {
			merges[name] = ms
		}
	}
	if len(ws) > 0 {
		// The first visible sheet opens, as in the original.
		for i, s := range ws {
			if !s.Hidden {
				f.SetActiveSheet(i)
				break
			}
		}
		for i, s := range ws {
			if s.Hidden {
				if err := f.SetSheetVisible(f.GetSheetName(i), false); err != nil {
					return nil, nil, nil, err
				}
			}
		}
	}
	return f, renamed, merges, nil
}

// copySheet writes the cells of a sheet that hold a value. Text stays text (a value like
// "=1+1" is not made a formula), numbers numbers, booleans booleans, error values their text;
// a formula without a result is left blank.
func copySheet(f *excelize.File, name string, s *xlsx.Sheet) error {
	for _, r := range s.Rows {
		for i, c := range r.Cells {
			if err := copyCell(f, name, i+1, r.N, c); err != nil {
				return err
			}
		}
	}
	for _, c := range s.Far {
		if err := copyCell(f, name, c.Col, c.Row, c.Cell); err != nil {
			return err
		}
	}
	return nil
}

// copyCell writes cell c of a sheet at (col, row); a blank one is not written.
func copyCell(f *excelize.File, name string, col, row int, c xlsx.Cell) error {
	if c.Kind == xlsx.Blank || c.Kind == xlsx.Uncalculated {
		return nil
	}
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	switch c.Kind {
	case xlsx.Text, xlsx.Error, xlsx.ISODate:
		err = f.SetCellStr(name, ref, c.Value)
	case xlsx.Number:
		v, perr := strconv.ParseFloat(c.Value, 64)
		if perr != nil {
			err = f.SetCellStr(name, ref, c.Value)
		} else {
			err = f.SetCellFloat(name, ref, v, -1, 64)
		}
	case xlsx.Bool:
		err = f.SetCellBool(name, ref, c.Value == "1")
	}
	return err
}
