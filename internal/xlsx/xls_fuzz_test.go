package xlsx

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"testing"
)

// FuzzXLS feeds the .xls reader damaged compound files and BIFF streams: it must return a
// book or an error, never panic, hang or allocate beyond the limits. The seeds are the
// unit tests' workbooks; when fuzzing (-fuzz) with LibreOffice or Gnumeric installed, also a
// small ledger saved as .xls by them.
func FuzzXLS(f *testing.F) {
	f.Add(cellsWorkbook())
	for _, c := range sstCases() {
		f.Add(c.file())
	}
	for _, c := range refusedCases() {
		f.Add(c.file)
	}
	if fuzzCoordinator() && haveConverter() {
		dir := f.TempDir()
		src := filepath.Join(dir, "台账.xlsx")
		if err := diffLedger(src, false, 20); err != nil {
			f.Fatal(err)
		}
		for _, p := range convertXLS(f, dir, []string{src}) {
			b, err := os.ReadFile(p)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		book, err := readXLS(bytes.NewReader(b), int64(len(b)), Options{MaxUnzip: 64 << 20})
		if (book == nil) == (err == nil) {
			t.Fatalf("book %v and error %v", book, err)
		}
		if err != nil {
			return
		}
		for _, s := range book.Sheets {
			last := 0
			for _, r := range s.Rows {
				if r.N <= last || r.N > maxRows || len(r.Cells) == 0 || len(r.Cells) > maxCols ||
					r.Cells[len(r.Cells)-1].Kind == Blank {
					t.Fatalf("sheet %q: bad row %d after %d with %d cells", s.Name, r.N, last, len(r.Cells))
				}
				last = r.N
			}
			if s.LastRow < last {
				t.Fatalf("sheet %q: LastRow %d before row %d", s.Name, s.LastRow, last)
			}
		}
	})
}

// fuzzCoordinator says whether this process runs -fuzz and is not one of its workers (which
// are handed the seeds and need not convert them again).
func fuzzCoordinator() bool {
	fz, w := flag.Lookup("test.fuzz"), flag.Lookup("test.fuzzworker")
	return fz != nil && fz.Value.String() != "" && (w == nil || w.Value.String() != "true")
}
