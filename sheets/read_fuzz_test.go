package sheets

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

// FuzzReadFile feeds ReadFile arbitrary bytes as a workbook, seeded with small valid
// workbooks and damaged variants of them. Whatever the bytes, ReadFile must not panic (it
// recovers, turning a panic into an error for the file; the test fails on that error, since
// the recover is a last line of defence, not a way to read), and a file is used whole or not
// at all: either rows and no error about the file, or no rows and exactly one problem about the
// file (an error, or the notice that it is a duban report).
//
//	go test -run XXX -fuzz FuzzReadFile -fuzztime 60s ./sheets
func FuzzReadFile(f *testing.F) {
	for _, seed := range readSeeds(f) {
		f.Add(seed)
	}
	for _, c := range costCases { // issue 20's shapes, small
		f.Add(c.build(f, 20))
	}
	for _, seed := range issue20Seeds() {
		f.Add(seed)
	}
	d := testDict(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		// From memory: with a file written per input, the fuzzer spent its time in the file
		// system, and minimizing one interesting input could take the whole run.
		l := readFrom("单位.xlsx", bytes.NewReader(data), int64(len(data)), d, ReadOptions{MaxUnzip: 8 << 20})
		rows, probs := l.Rows, l.Problems
		// The tallies account for the rows: every RawRow is a data row, every row the reader
		// excluded an error.
		dataRows, excluded, rowErrors := 0, 0, 0
		for _, tl := range l.Sheets {
			dataRows += tl.Rows[RowData]
			excluded += tl.Rows[RowExcluded]
		}
		for _, pr := range probs {
			if pr.Level == Error && pr.Pos.Row > 0 {
				rowErrors++
			}
		}
		if dataRows != len(rows) || excluded != rowErrors {
			t.Fatalf("tallies %+v: %d data rows for %d RawRows, %d excluded for %d row errors", l.Sheets, dataRows, len(rows), excluded, rowErrors)
		}
		var own []Problem
		for _, pr := range probs {
			if pr.Pos.File != "单位.xlsx" {
				t.Fatalf("a problem about another file: %s", pr)
			}
			if pr.Pos.Sheet == "" {
				own = append(own, pr)
			}
		}
		switch {
		case len(own) == 0:
			// read: rows (possibly none, for a ledger sheet with only its header)
		case len(rows) > 0:
			t.Fatalf("%d rows and a problem about the whole file: %q", len(rows), dumpProblems(probs))
		case len(probs) != 1 || own[0].Level == Warning || own[0].Level == Notice && own[0].Msg != msgOwnReport:
			t.Fatalf("no rows, problems %q; want exactly one about the file", dumpProblems(probs))
		}
		for _, pr := range own {
			if strings.Contains(pr.Msg, strings.TrimSuffix(detPanic, "%v")) {
				t.Fatalf("panic: %s", pr.Msg)
			}
		}
		for _, r := range rows {
			if r.Pos.File != "单位.xlsx" || r.Pos.Sheet == "" || r.Pos.Row <= 0 {
				t.Fatalf("row without a place: %+v", r.Pos)
			}
		}
	})
}

// readSeeds returns small workbooks of every shape the reader handles, and damaged copies.
func readSeeds(tb testing.TB) [][]byte {
	tb.Helper()
	minimal := hostile.Minimal(
		`<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>`+
			`<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="inlineStr"><is><t>事项</t></is></c><c r="C2" t="s"><v>4</v></c></row>`+
			`<row r="3"><c r="A3" t="s"><v>3</v></c><c r="B3" t="inlineStr"><is><t>事项二</t></is></c><c r="C3" t="s"><v>4</v></c></row>`,
		`<si><t>会议</t></si><si><t>事项内容</t></si><si><t>落实状态</t></si><si><t>第5次常务会议</t></si><si><t>推进中</t></si>`)
	canonical, err := hostile.Book("台账", hostile.Ledger("市统计局", 1, 3))
	if err != nil {
		tb.Fatal(err)
	}
	stored, err := hostile.Store(canonical)
	if err != nil {
		tb.Fatal(err)
	}
	// A title, a two-row header with merges, a vertical merge in the data, a footer.
	dir := tb.TempDir()
	p := filepath.Join(dir, "merged.xlsx")
	if err := hostile.WriteBook(p, "台账", [][]any{
		{"市统计局督查事项台账"},
		{"会议", "事项内容", "落实情况"},
		{"", "", "落实状态", "完成日期"},
		{"第5次常务会议", "事项甲", "已完成", 45300},
		{"", "事项乙", "推进中"},
		{"填表人：张三"},
	}); err != nil {
		tb.Fatal(err)
	}
	merged, _ := os.ReadFile(p)
	f2, err := hostile.RewriteZip(merged, func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			return b[:len(b)-len("</worksheet>")] // the sheet's XML cut short
		}
		return b
	})
	if err != nil {
		tb.Fatal(err)
	}
	report := filepath.Join(dir, "report.xlsx")
	if err := writeOwnReport(report); err != nil {
		tb.Fatal(err)
	}
	own, _ := os.ReadFile(report)
	flipped, err := hostile.FlipInEntry(canonical, "xl/worksheets/sheet1.xml", 0x04)
	if err != nil {
		tb.Fatal(err)
	}
	wrong, err := hostile.WrongValue(canonical, "xl/worksheets/sheet1.xml")
	if err != nil {
		tb.Fatal(err)
	}
	enc, err := hostile.Encrypt(minimal, "x")
	if err != nil {
		tb.Fatal(err)
	}
	return [][]byte{
		minimal, canonical, stored, merged, own,
		f2, flipped, wrong, enc,
		minimal[:len(minimal)/2], stored[:len(stored)-30],
		hostile.LegacyXLS()[:1024], []byte("编号,事项内容\n1,事项\n"), nil,
		hostile.Minimal(`<row r="1048576"><c r="A1048576" t="s"><v>0</v></c></row>`, `<si><t>x</t></si>`),
		hostile.Minimal(`<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row><row><c><v>1</v></c><c t="s"><v>1</v></c><c t="s"><v>4</v></c></row>`,
			`<si><t>会议</t></si><si><t>事项内容</t></si><si><t>落实状态</t></si><si><t>第5次常务会议</t></si><si><t>推进中</t></si>`),
	}
}

// TestReadSeeds checks that the valid seeds of FuzzReadFile are read whole, so the fuzzer
// starts from workbooks that reach the row reader.
func TestReadSeeds(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	seeds := readSeeds(t)
	for i, want := range map[int]int{0: 2, 1: 3, 2: 3, 3: 2, 15: 1} {
		p := filepath.Join(t.TempDir(), "单位.xlsx")
		os.WriteFile(p, seeds[i], 0o644)
		rows, probs := ReadFile(p, d, ReadOptions{})
		if len(rows) != want || Count(probs, Error) > 0 {
			t.Errorf("seed %d: %d rows, want %d; problems %q", i, len(rows), want, dumpProblems(probs))
		}
	}
}

// writeOwnReport writes a workbook that carries a report's marks: its sheets and its
// description (the report itself is written by package books, above this one).
func writeOwnReport(path string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", SheetSummary); err != nil {
		return err
	}
	for _, s := range []string{SheetItems, SheetProblems} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	if err := f.SetDocProps(&excelize.DocProperties{Description: ReportDescription}); err != nil {
		return err
	}
	return f.SaveAs(path)
}

// issue20Seeds are the sheets of issue 20 that other readers read: a <row> repeated with the
// same number, digit-only references, escaped surrogate pairs, whole-column merges; and rows
// past Excel's last.
func issue20Seeds() [][]byte {
	const sst = `<si><t>会议</t></si><si><t>事项内容</t></si><si><t>落实状态</t></si><si><t>第5次常务会议</t></si><si><t>_xD83D__xDE00_推进中</t></si>`
	wholeMerges, _ := hostile.RewriteZip(hostile.Minimal(`<row r="1"><c t="s"><v>0</v></c><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row><row r="2"><c t="s"><v>3</v></c></row><row r="3"><c r="B3" t="s"><v>1</v></c></row>`, sst),
		func(name string, b []byte) []byte {
			return bytes.Replace(b, []byte(`</sheetData>`), []byte(`</sheetData><mergeCells count="2"><mergeCell ref="A:A"/><mergeCell ref="3:3"/></mergeCells>`), 1)
		})
	return [][]byte{
		hostile.Minimal(`<row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="1"><c r="B1" t="s"><v>1</v></c></row><row r="1"><c r="C1" t="s"><v>2</v></c></row>`+
			`<row r="2"><c r="0" t="s"><v>3</v></c><c r="0" t="inlineStr"><is><t>A_xD83D__xDE00_B</t></is></c><c r="0" t="s"><v>4</v></c></row>`, sst),
		wholeMerges,
		hostile.Minimal(`<row r="1048575"><c t="s"><v>0</v></c></row><row><c t="s"><v>1</v></c></row><row><c t="s"><v>2</v></c></row>`, sst),
	}
}
