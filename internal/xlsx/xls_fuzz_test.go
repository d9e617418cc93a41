package xlsx

import (
	"bytes"
	"flag"
	"math/rand"
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
	for _, c := range xlsIssue20Cases() {
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
		book, err := readXLSBytes(b, Options{MaxUnzip: 64 << 20})
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

// TestXLSMutations runs, in every test run, what FuzzXLS does without the fuzzing engine: a
// fixed sequence of byte mutations of the seeds (flipped bits, 0xFF and 0x00 bytes, lengths
// set near the record limit, copied runs). Each must give a book or an error.
func TestXLSMutations(t *testing.T) {
	t.Parallel()
	seeds := [][]byte{cellsWorkbook()}
	for _, c := range sstCases() {
		seeds = append(seeds, c.file())
	}
	rng := rand.New(rand.NewSource(11))
	for i := 0; i < 20000; i++ {
		b := bytes.Clone(seeds[rng.Intn(len(seeds))])
		for k := rng.Intn(6) + 1; k > 0; k-- {
			p := rng.Intn(len(b) - 1)
			switch rng.Intn(5) {
			case 0:
				b[p] ^= 1 << rng.Intn(8)
			case 1:
				b[p] = 0xFF
			case 2:
				b[p] = 0
			case 3:
				b[p], b[p+1] = 0x20, 0x20 // 8224
			case 4:
				q, l := rng.Intn(len(b)), rng.Intn(32)
				if q+l <= len(b) {
					copy(b[p:], b[q:q+l])
				}
			}
		}
		book, err := readXLSBytes(b, Options{})
		if (book == nil) == (err == nil) {
			t.Fatalf("mutation %d: book %v and error %v", i, book, err)
		}
	}
}
