package sheets

import (
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

// fileVerdict returns the problems of a file about the file itself (no sheet), and checks that
// the others are notices about its sheets.
func fileVerdict(t *testing.T, name string, probs []Problem) []Problem {
	t.Helper()
	var own []Problem
	for _, p := range probs {
		switch {
		case p.Pos.File != name:
			t.Errorf("%s: problem about another file: %s", name, p)
		case p.Scope == ScopeFile:
			own = append(own, p)
		case p.Level != Notice:
			t.Errorf("%s: unexpected %s", name, p)
		}
	}
	return own
}

// TestHostileCorpus reads every hostile file of the corpus on its own: no rows, and one
// problem about the file with the message of SPEC §2.1.
func TestHostileCorpus(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cases, err := hostile.Bad(dir)
	if err != nil {
		t.Fatal(err)
	}
	d := testDict(t)
	for _, c := range cases {
		if c.Level == "" || c.Level == Notice.String() {
			continue // Source's business: see TestHostileSource
		}
		t.Run(c.Name, func(t *testing.T) {
			rows, probs := ReadFile(filepath.Join(dir, c.Name), d, ReadOptions{})
			own := fileVerdict(t, c.Name, probs)
			if len(rows) != 0 || len(own) != 1 || own[0].Level.String() != c.Level || !strings.HasPrefix(own[0].Msg, c.Msg) {
				t.Errorf("%s (%s): %d rows, problems %q; want no rows and one %s starting %q",
					c.Name, c.What, len(rows), dumpProblems(probs), c.Level, c.Msg)
			}
		})
	}
}

// TestHostileSource checks which files of the corpus Source lists: hidden and lock files are
// left out without a word, a text file gets a notice, everything else goes to ReadFile.
func TestHostileSource(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	cases, err := hostile.Bad(dir)
	if err != nil {
		t.Fatal(err)
	}
	files, probs := Source([]string{dir})
	listed := map[string]bool{}
	for _, f := range files {
		listed[filepath.Base(f)] = true
	}
	for _, c := range cases {
		switch c.Level {
		case "", Notice.String():
			if listed[c.Name] {
				t.Errorf("%s (%s) is listed for reading", c.Name, c.What)
			}
		default:
			if !listed[c.Name] {
				t.Errorf("%s (%s) is not listed for reading", c.Name, c.What)
			}
		}
	}
	sameLines(t, "problems", dumpProblems(probs), []string{"说明.txt: 提示: 不是Excel工作簿，已跳过"})
}

func TestReadEncryptedWithPassword(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := filepath.Join(dir, "加密.xlsx")
	if err := hostile.WriteBook(p, "台账", hostile.Ledger("市统计局", 1, 6)); err != nil {
		t.Fatal(err)
	}
	plain, _ := os.ReadFile(p)
	enc, err := hostile.Encrypt(plain, hostile.Password)
	if err != nil {
		t.Fatal(err)
	}
	if string(enc[:8]) != "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1" {
		t.Fatalf("the encrypted workbook is not an OLE container: % x", enc[:8])
	}
	os.WriteFile(p, enc, 0o644)
	d := testDict(t)
	wantRefused(t, p, ReadOptions{}, hostile.MsgEncrypted)
	wantRefused(t, p, ReadOptions{Password: "123456"}, "文件已加密，--password 提供的密码打不开它")
	rows, probs := ReadFile(p, d, ReadOptions{Password: hostile.Password})
	if len(rows) != 6 || len(probs) != 0 {
		t.Errorf("with the password: %d rows, problems %q", len(rows), dumpProblems(probs))
	}
	// A legacy file is not asked for a password, with or without one; nor is a password tried
	// on an encrypted .xls.
	os.WriteFile(p, hostile.XLSBIFF5(), 0o644)
	wantRefused(t, p, ReadOptions{Password: hostile.Password}, hostile.MsgLegacy)
	os.WriteFile(p, hostile.XLSEncrypted(), 0o644)
	wantRefused(t, p, ReadOptions{}, hostile.MsgEncryptedXLS)
	wantRefused(t, p, ReadOptions{Password: hostile.Password}, hostile.MsgEncryptedXLS)
}

// allocated runs f and returns the bytes it allocated and how long it took.
func allocated(f func()) (uint64, time.Duration) {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	f()
	d := time.Since(start)
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc, d
}

// TestReadZipBombRefusedBeforeUnpacking: a workbook over --max-unzip is refused from its zip
// directory, without inflating anything — shown by the memory it costs, far below the size
// it would inflate to (a timed assertion would be flaky; the time is logged).
func TestReadZipBombRefusedBeforeUnpacking(t *testing.T) {
	// Not parallel: it counts the bytes the whole process allocates.
	dir := t.TempDir()
	d := testDict(t)
	for _, c := range []struct {
		name   string
		size   int64
		honest bool
		opt    ReadOptions
		msg    string
	}{
		{"small-limit.xlsx", 8 << 20, true, ReadOptions{MaxUnzip: 1 << 20}, "文件解压后超过1MiB（约8MiB），已拒绝读取；如确属正常文件，请用 --max-unzip 调大上限"},
		{"default-limit.xlsx", 2 << 30, true, ReadOptions{}, hostile.MsgTooBig},
		// The zip directory says 1000 bytes: archive/zip stops at the stated size.
		{"liar.xlsx", 256 << 20, false, ReadOptions{}, "文件已损坏（"},
	} {
		b, err := hostile.Bomb(c.size, c.honest)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, c.name)
		os.WriteFile(p, b, 0o644)
		var rows []RawRow
		var probs []Problem
		bytes, took := allocated(func() { rows, probs = ReadFile(p, d, c.opt) })
		t.Logf("%s: %d bytes on disk, inflates to %d; refused in %v, %d bytes allocated", c.name, len(b), c.size, took, bytes)
		if len(rows) != 0 || len(probs) != 1 || !strings.HasPrefix(probs[0].Msg, c.msg) {
			t.Errorf("%s: %d rows, problems %q; want %q", c.name, len(rows), dumpProblems(probs), c.msg)
		}
		if bytes > 16<<20 {
			t.Errorf("%s: refusing it allocated %d bytes: it was unpacked", c.name, bytes)
		}
	}
}

// TestReadFormattedToTheBottom: a sheet whose columns are formatted down to row 1,048,576
// (a styled empty <row> for every row, and a <dimension> claiming them) reads its real rows,
// and its empty rows cost no memory of their own.
func TestReadFormattedToTheBottom(t *testing.T) {
	// Not parallel: it counts the bytes the whole process allocates.
	if testing.Short() {
		t.Skip("writes a sheet of 1,048,576 rows")
	}
	dir := t.TempDir()
	d := testDict(t)
	for _, n := range []int{5, 40} { // header found in the scan, and after it
		p := filepath.Join(dir, "formatted.xlsx")
		writeFormatted(t, p, n)
		var rows []RawRow
		var probs []Problem
		bytes, took := allocated(func() { rows, probs = ReadFile(p, d, ReadOptions{}) })
		t.Logf("%d real rows + %d styled empty rows: read in %v, %d bytes allocated (%.0f per empty row)",
			n, 1048576-n-1, took, bytes, float64(bytes)/float64(1048576-n-1))
		if len(rows) != n || len(probs) != 0 || rows[n-1].Vals[FieldContent] != "市统计局落实事项"+strconv.Itoa(n) {
			t.Errorf("%d rows: read %d rows, problems %q", n, len(rows), dumpProblems(probs))
		}
		// The reader must add nothing per empty row: before this test it reserved a RawRow for
		// each (400 MB) and kept an entry per empty row during the header scan, and excelize's
		// row iterator, which it used then, allocated about 300 bytes for every <row>. The
		// streaming reader lists only rows with values; what remains is a fixed cost.
		if per := float64(bytes) / 1048576; per > 64 {
			t.Errorf("%d rows: %.0f bytes allocated per empty row", n, per)
		}
	}
}

// writeFormatted writes a ledger of n rows whose columns A:K are formatted, then extends the
// formatting to every row of the sheet as Excel saves it.
func writeFormatted(t *testing.T, p string, n int) {
	t.Helper()
	f := excelize.NewFile()
	st, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFF00"}}})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SetColStyle("Sheet1", "A:K", st); err != nil {
		t.Fatal(err)
	}
	for i, r := range hostile.Ledger("市统计局", 1, n) {
		if err := f.SetSheetRow("Sheet1", "A"+strconv.Itoa(i+1), &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	f.Close()
	b, _ := os.ReadFile(p)
	b, err = hostile.FormattedToTheBottom(b)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p, b, 0o644)
}

// TestReadLegacyLedgers: an .xls and a WPS .et saved by LibreOffice (BIFF8) are read to
// exactly the rows of the same ledger as .xlsx, without a problem.
func TestReadLegacyLedgers(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("-short: needs LibreOffice (soffice) to write the .xls and .et")
	}
	dir := t.TempDir()
	names, err := hostile.GoodLegacy(dir)
	if err == hostile.ErrNoSoffice {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if err != nil {
		t.Fatal(err)
	}
	d := testDict(t)
	for i, name := range names {
		rows, probs := ReadFile(filepath.Join(dir, name), d, ReadOptions{})
		ref := filepath.Join(dir, strings.TrimSuffix(name, filepath.Ext(name))+".xlsx")
		if err := hostile.WriteBook(ref, "台账", hostile.LegacyLedgers[i].Rows); err != nil {
			t.Fatal(err)
		}
		want, _ := ReadFile(ref, d, ReadOptions{})
		if len(probs) != 0 || len(rows) != len(hostile.LegacyLedgers[i].Rows)-1 {
			t.Errorf("%s: %d rows, problems %q", name, len(rows), dumpProblems(probs))
		}
		sameLines(t, name, dump(rows), dump(want))
	}
}
