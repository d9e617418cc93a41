package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

var sampleFiles = []string{
	"~$市财政局.xlsx",
	"市交通运输局.xlsx",
	"市住房城乡建设局.xlsx",
	"市农业农村局.xlsx",
	"市发展改革委.xlsx",
	"市商务局.xlsx",
	"市卫生健康委.xlsx",
	"市工业和信息化局.xlsx",
	"市应急管理局.xlsx",
	"市生态环境局.xlsx",
	"市自然资源和规划局.xlsx",
	"市财政局（初稿）.xlsx",
	"市财政局（终稿）.xlsx",
	"说明.txt",
}

func TestSample(t *testing.T) {
	dir, src := t.TempDir(), t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"-out", dir, "-xlssrc", src}, &out, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range entries {
		names = append(names, e.Name())
	}
	slices.Sort(names)
	want := slices.Clone(sampleFiles)
	slices.Sort(want)
	if !slices.Equal(names, want) {
		t.Fatalf("files:\n got %q\nwant %q", names, want)
	}
	for _, want := range []string{
		"行数核对：读取333行 = 明细302项 + 重复合并28行 + 错误排除3行",
		"按期办结率：按期办结212项 / 应办结256项 = 82.8%",
		`市商务局.xlsx!台账!H12: 错误: 完成时限"2024年2月30日"`,
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("summary lacks %q:\n%s", want, out.String())
		}
	}

	rows := 0
	for _, path := range append(paths(dir, names), filepath.Join(src, xlsUnit+".xlsx")) {
		name := filepath.Base(path)
		if !strings.HasSuffix(name, ".xlsx") || strings.HasPrefix(name, "~$") {
			continue
		}
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, sh := range f.GetSheetList() {
			r, err := f.GetRows(sh)
			if err != nil {
				t.Fatalf("%s!%s: %v", name, sh, err)
			}
			rows += len(r)
		}
		f.Close()
	}
	if rows < 333 {
		t.Errorf("the workbooks hold %d rows in all, fewer than the 333 data rows", rows)
	}

	// The two-row header of the final and the 1904 date system are as described.
	f, err := excelize.OpenFile(filepath.Join(dir, "市财政局（终稿）.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("台账", "J3"); v != "落实情况" {
		t.Errorf("市财政局（终稿）J3 = %q, want the group header 落实情况", v)
	}
	if v, _ := f.GetCellValue("台账", "J4"); v != "落实状态" {
		t.Errorf("市财政局（终稿）J4 = %q, want 落实状态", v)
	}
	g, err := excelize.OpenFile(filepath.Join(dir, "市应急管理局.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if v, _ := g.GetCellValue("台账", "D2", excelize.Options{RawCellValue: true}); v != "43841" {
		t.Errorf("市应急管理局 D2 = %q, want 43841 (2024-01-12 in the 1904 system)", v)
	}
}

func paths(dir string, names []string) []string {
	var out []string
	for _, n := range names {
		out = append(out, filepath.Join(dir, n))
	}
	return out
}

// TestSampleXLS: the sample's .xls holds, read by duban's reader, exactly the cells, merges
// and sheets of the .xlsx the generator writes for that unit (scripts/sample-xls.sh saved one
// as the other with LibreOffice).
func TestSampleXLS(t *testing.T) {
	src := t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"-out", t.TempDir(), "-xlssrc", src}, &out, &out); err != nil {
		t.Fatal(err)
	}
	want := readBook(t, filepath.Join(src, xlsUnit+".xlsx"), xlsx.XLSX)
	got := readBook(t, filepath.Join("..", "sample", xlsUnit+".xls"), xlsx.BIFF8)
	t.Logf("%d lines, %d rows of cells", strings.Count(got, "\n"), strings.Count(got, ":"))
	if got != want {
		t.Errorf("testdata/sample/%s.xls is not the generated %[1]s.xlsx (run scripts/sample-xls.sh):\n got %s\nwant %s", xlsUnit, got, want)
	}
	if _, err := os.Stat(filepath.Join("..", "sample", xlsUnit+".xlsx")); err == nil {
		t.Errorf("testdata/sample holds %s.xlsx beside its .xls", xlsUnit)
	}
}

// readBook reads a workbook with internal/xlsx, checks its format, and renders every sheet:
// name, visibility, rows with each cell's kind and value, merges, the date system.
func readBook(t *testing.T, path string, format xlsx.Format) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	book, err := xlsx.Open(bytes.NewReader(b), int64(len(b)), xlsx.Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	if book.Format != format {
		t.Errorf("%s is of format %v, want %v", path, book.Format, format)
	}
	var w strings.Builder
	fmt.Fprintf(&w, "1904=%v\n", book.Date1904)
	for _, s := range book.Sheets {
		fmt.Fprintf(&w, "== %s kind=%v hidden=%v merges=%v\n", s.Name, s.Kind, s.Hidden, s.Merges)
		for _, r := range s.Rows {
			fmt.Fprintf(&w, "%d:", r.N)
			for _, c := range r.Cells {
				fmt.Fprintf(&w, " %d%q", c.Kind, c.Value)
			}
			w.WriteString("\n")
		}
	}
	return w.String()
}

func TestSampleDeterministic(t *testing.T) {
	a, b := t.TempDir(), t.TempDir()
	var out bytes.Buffer
	for _, dir := range []string{a, b} {
		if err := run([]string{"-out", dir}, &out, &out); err != nil {
			t.Fatal(err)
		}
	}
	for _, name := range sampleFiles {
		x, err := os.ReadFile(filepath.Join(a, name))
		if err != nil {
			t.Fatal(err)
		}
		y, err := os.ReadFile(filepath.Join(b, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(x, y) {
			t.Errorf("%s differs between two runs", name)
		}
		// The bundled sample is what the generator writes now.
		if z, err := os.ReadFile(filepath.Join("..", "sample", name)); err != nil || !bytes.Equal(x, z) {
			t.Errorf("testdata/sample/%s is not what the generator writes (%v); run go run ./testdata/gen", name, err)
		}
	}
}

func TestCorpus(t *testing.T) {
	dir := t.TempDir()
	var out bytes.Buffer
	if err := run([]string{"-out", dir, "-files", "3", "-rows", "40", "-seed", "7"}, &out, &out); err != nil {
		t.Fatalf("run: %v\n%s", err, out.String())
	}
	if want := "行数核对：读取120行 = 明细120项 + 重复合并0行 + 错误排除0行"; !strings.Contains(out.String(), want) {
		t.Errorf("summary lacks %q:\n%s", want, out.String())
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(entries) != 3 {
		t.Fatalf("%d files, want 3", len(entries))
	}
	for _, e := range entries {
		f, err := excelize.OpenFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		rows, err := f.GetRows("台账")
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", e.Name(), err)
		}
		data := 0
		for _, r := range rows {
			if len(r) > 0 {
				if _, err := strconv.Atoi(r[0]); err == nil {
					data++
				}
			}
		}
		if data != 40 {
			t.Errorf("%s: %d numbered rows, want 40", e.Name(), data)
		}
	}
}

func TestDeadlineForms(t *testing.T) {
	// Every form must render to text that names its date the way SPEC §4.2 reads it.
	for _, f := range deadlineForms {
		d := day(year, 6, 30)
		if !f.ok(d) {
			d = day(year, 9, 30)
		}
		if !f.ok(d) {
			d = day(year, 12, 31)
		}
		if !f.ok(d) {
			t.Errorf("form %s fits none of the test dates", f.name)
			continue
		}
		if got := f.text(d); got == "" {
			t.Errorf("form %s renders %v empty", f.name, d)
		}
	}
	for n, want := range map[int]string{1: "一", 10: "十", 14: "十四", 20: "二十", 34: "三十四"} {
		if got := cnNum(n); got != want {
			t.Errorf("cnNum(%d) = %q, want %q", n, got, want)
		}
	}
}
