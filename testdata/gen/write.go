package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Writing a workbook with the normal API (merges are easy here).

type styler struct {
	f                         *excelize.File
	title, line, header, body int
	wrap                      int
	dates                     map[string]int
}

func newStyler(f *excelize.File) (*styler, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	s := &styler{f: f, dates: map[string]int{}}
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "方正小标宋简体"},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	s.line = mk(&excelize.Style{Font: &excelize.Font{Size: 11}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: "黑体"}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.body = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center"}})
	s.wrap = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	return s, err
}

func (s *styler) date(format string) (int, error) {
	if id, ok := s.dates[format]; ok {
		return id, nil
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	st := &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center"}}
	if format == fmtShort {
		st.NumFmt = 14
	} else {
		f := format
		st.CustomNumFmt = &f
	}
	id, err := s.f.NewStyle(st)
	s.dates[format] = id
	return id, err
}

var widths = map[string]float64{"seq": 6, "id": 13, "cat": 14, "meeting": 24, "mdate": 13, "content": 42,
	"lead": 18, "co": 16, "leader": 11, "deadline": 15, "status": 10, "finished": 14, "progress": 32, "note": 16}

func writeBook(path string, b *book) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "督查室", LastModifiedBy: "督查室",
		Created: "2024-12-18T09:00:00Z", Modified: "2024-12-18T17:30:00Z", Language: "zh-CN"}); err != nil {
		return err
	}
	if b.date1904 {
		t := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t}); err != nil {
			return err
		}
	}
	st, err := newStyler(f)
	if err != nil {
		return err
	}
	for i, sh := range b.sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err != nil {
			return err
		}
		if sh.free != nil {
			err = writeFree(f, sh)
		} else {
			err = writeLedger(f, st, b.file, sh)
		}
		if err != nil {
			return fmt.Errorf("%s!%s: %w", b.file, sh.name, err)
		}
		if sh.hidden {
			if err := f.SetSheetVisible(sh.name, false); err != nil {
				return err
			}
		}
	}
	// Open on the first ledger.
	for i, sh := range b.sheets {
		if sh.free == nil {
			f.SetActiveSheet(i)
			break
		}
	}
	if !b.wps {
		return save(f, path)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "WPS 表格", AppVersion: "12.0000"}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, wpsDimension(buf.Bytes()), 0o644)
}

func writeFree(f *excelize.File, sh *sheet) error {
	for r, line := range sh.free {
		for c, v := range line {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sh.name, cell, v); err != nil {
				return err
			}
		}
	}
	return f.SetColWidth(sh.name, "A", "B", 20)
}

func cellName(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

func writeLedger(f *excelize.File, st *styler, file string, sh *sheet) error {
	name := sh.name
	ncol := len(sh.cols)
	row := 1
	var errs []error
	do := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	banner := func(text string, style int, height float64) {
		do(f.SetCellValue(name, cellName(1, row), text))
		do(f.MergeCell(name, cellName(1, row), cellName(ncol, row)))
		do(f.SetCellStyle(name, cellName(1, row), cellName(ncol, row), style))
		do(f.SetRowHeight(name, row, height))
		row++
	}
	if sh.title != "" {
		banner(sh.title, st.title, 32)
	}
	if sh.unitLine != "" {
		banner(sh.unitLine, st.line, 20)
	}

	// Header: one row, or two with a group over some columns and the rest merged down.
	if sh.group != "" {
		first, last := 0, 0
		for c, cl := range sh.cols {
			if slices.Contains(sh.groupKeys, cl.key) {
				do(f.SetCellValue(name, cellName(c+1, row+1), cl.header))
				if first == 0 {
					first = c + 1
				}
				last = c + 1
			} else {
				do(f.SetCellValue(name, cellName(c+1, row), cl.header))
				do(f.MergeCell(name, cellName(c+1, row), cellName(c+1, row+1)))
			}
		}
		do(f.SetCellValue(name, cellName(first, row), sh.group))
		do(f.MergeCell(name, cellName(first, row), cellName(last, row)))
		do(f.SetCellStyle(name, cellName(1, row), cellName(ncol, row+1), st.header))
		row += 2
	} else {
		for c, cl := range sh.cols {
			do(f.SetCellValue(name, cellName(c+1, row), cl.header))
		}
		do(f.SetCellStyle(name, cellName(1, row), cellName(ncol, row), st.header))
		do(f.SetRowHeight(name, row, 30))
		row++
	}
	if sh.freeze {
		do(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: row - 1, TopLeftCell: cellName(1, row), ActivePane: "bottomLeft"}))
	}

	// Data: sorted by category and meeting; blank lines between some groups.
	items := slices.Clone(sh.items)
	sortItems(items)
	var lines []*item // nil: a blank row
	for i, it := range items {
		if i > 0 && sh.blankBetween && (it.cat != items[i-1].cat || it.num != items[i-1].num) && blankAfter(it) {
			lines = append(lines, nil)
		}
		lines = append(lines, it)
	}
	first := row
	vals := make([][]any, len(lines))
	seq := 0
	for i, it := range lines {
		if it == nil {
			continue
		}
		seq++
		vals[i] = make([]any, ncol)
		for c, cl := range sh.cols {
			if cl.key == "seq" {
				vals[i][c] = seq
			} else {
				vals[i][c] = it.raw[cl.key]
			}
		}
		it.where = fmt.Sprintf("%s!%s!%s", file, name, cellName(max(1, sh.colOf(it.probKey)), first+i))
	}
	// Vertical merges: a run of rows of the same category (for "cat") or meeting.
	for _, key := range sh.mergeKeys {
		c := sh.colOf(key) - 1
		for i := 0; i < len(lines); {
			j := i + 1
			for j < len(lines) && lines[i] != nil && lines[j] != nil && sameGroup(key, lines[i], lines[j]) {
				j++
			}
			if j-i > 1 {
				for k := i + 1; k < j; k++ {
					vals[k][c] = nil
				}
				do(f.MergeCell(name, cellName(c+1, first+i), cellName(c+1, first+j-1)))
			}
			i = j
		}
	}
	last := first + len(lines) - 1
	for c, cl := range sh.cols {
		style := st.body
		if cl.key == "content" || cl.key == "progress" || cl.key == "meeting" || cl.key == "note" {
			style = st.wrap
		}
		do(f.SetCellStyle(name, cellName(c+1, first), cellName(c+1, last), style))
		colName, _ := excelize.ColumnNumberToName(c + 1)
		do(f.SetColWidth(name, colName, colName, widths[cl.key]))
	}
	for i, line := range vals {
		for c, v := range line {
			cell := cellName(c+1, first+i)
			switch v := v.(type) {
			case nil:
			case string:
				if v != "" {
					do(f.SetCellStr(name, cell, v))
				}
			case dateCell:
				do(f.SetCellValue(name, cell, v.t))
				id, err := st.date(v.fmt)
				do(err)
				do(f.SetCellStyle(name, cell, cell, id))
			default:
				do(f.SetCellValue(name, cell, v))
			}
		}
	}
	if sh.dropList != "" {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", colLetter(sh.colOf("status")), first, colLetter(sh.colOf("status")), last+20)
		dv.SetSqrefDropList(sh.dropList)
		do(f.AddDataValidation(name, dv))
	}
	row = last + 2
	for _, text := range sh.footer {
		do(f.SetCellValue(name, cellName(1, row), text))
		do(f.MergeCell(name, cellName(1, row), cellName(ncol, row)))
		row++
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// blankAfter decides, the same way in a draft and its final, whether a group gets a blank row.
func blankAfter(it *item) bool { return (it.num+it.cat.index())%3 == 0 }

func sameGroup(key string, a, b *item) bool {
	if key == "cat" {
		return a.cat == b.cat
	}
	return a.cat == b.cat && a.num == b.num
}

func colLetter(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}

// wpsDimension rewrites every worksheet's <dimension> as A1:A1, as WPS does.
func wpsDimension(xlsx []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			panic(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			panic(err)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			s := string(data)
			if i := strings.Index(s, `<dimension ref="`); i >= 0 {
				j := strings.Index(s[i+16:], `"`)
				s = s[:i+16] + "A1:A1" + s[i+16+j:]
			}
			data = []byte(s)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}
