package xlsxout

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// unpacked returns the parts of a zip and their total size unpacked.
func unpacked(t *testing.T, data []byte) (map[string]string, int) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	parts, total := map[string]string{}, 0
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(b)
		total += len(b)
	}
	return parts, total
}

// validate runs ../shared/xlsx-strict/validate.sh on data and fails on any error or warning.
func validate(t *testing.T, data []byte) {
	t.Helper()
	v, _ := filepath.Abs("../../../shared/xlsx-strict/validate.sh")
	if _, err := os.Stat(v); err != nil || exec.Command("/usr/bin/python3", "-c", "import lxml").Run() != nil {
		t.Log("validate.sh or python3-lxml absent: not validated")
		return
	}
	path := filepath.Join(t.TempDir(), "book.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(v, "--no-info", path).CombinedOutput(); err != nil || !strings.Contains(string(msg), "0 errors, 0 warnings") {
		t.Errorf("validate.sh (%v):\n%s", err, msg)
	}
}

// openpyxlCell reads one cell with openpyxl (skipped when it is absent) and returns its value
// as Python prints it, its length for text.
func openpyxlCell(t *testing.T, data []byte, sheet, cell string) string {
	t.Helper()
	if exec.Command("/usr/bin/python3", "-c", "import openpyxl").Run() != nil {
		t.Log("openpyxl absent: not read")
		return ""
	}
	path := filepath.Join(t.TempDir(), "read.xlsx")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("/usr/bin/python3", "-c", `import sys, openpyxl
v = openpyxl.load_workbook(sys.argv[1], read_only=True)[sys.argv[2]][sys.argv[3]].value
print(len(v) if isinstance(v, str) else repr(v))`, path, sheet, cell).CombinedOutput()
	if err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, out)
	}
	return strings.TrimSpace(string(out))
}

// One long text (Excel's longest, 32,767 characters) in every one of 2,000 rows, as a
// ledger with the same 进展情况 pasted down a column gives: the workbook stores it once
// (SPEC §2.1; issue 20 measured 790 MB unpacked for such a report). The bound is what the
// content says: the text twice, and a constant per row for its cells.
func TestRepeatedTextStoredOnce(t *testing.T) {
	const rows = 2000
	long := strings.Repeat("按计划推进，", 32767/6) + strings.Repeat("进", 32767%6)
	// A long text that XML and Excel escape: spaces at its ends, markup, an escape-like text.
	odd := " 前导空格 _x0041_ <b>&amp;</b>" + strings.Repeat("说明", 600) + "\n"
	if UTF16Len(long) != 32767 {
		t.Fatalf("text of %d characters", UTF16Len(long))
	}
	tbl := &Table{
		Name: "事项", Titles: []string{"全部事项"},
		Cols: []Column{{Label: "序号", Kind: KindInt}, {Label: "进展情况", Kind: KindWrap}, {Label: "牵头单位", Kind: KindText},
			{Label: "备注", Kind: KindWrap}},
		N: rows,
		Row: func(i int, v []any) Tone {
			v[0], v[1], v[2], v[3] = i+1, long, "市财政局", Marked{Text: odd, Tone: Red}
			if i%2 == 1 {
				v[3] = long // the same text in another column
			}
			return None
		},
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := WriteBook(f, []*Table{tbl}); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	data := buf.Bytes()
	parts, total := unpacked(t, data)
	const perRow, fixed = 200, 64 << 10
	if limit := 2*len(long) + perRow*rows + fixed; total > limit {
		t.Errorf("%d bytes unpacked, want at most %d", total, limit)
	}
	sst := parts["xl/sharedStrings.xml"]
	// The title, four labels, the long texts and the unit: each once.
	if strings.Count(sst, long) != 1 || strings.Count(sst, "<si>") != 8 || !strings.Contains(sst, `count="6005" uniqueCount="8"`) {
		t.Errorf("shared strings: %d <si>, want 8, the long text once:\n%.300s", strings.Count(sst, "<si>"), sst)
	}

	g, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	for _, c := range []struct{ cell, want string }{
		{"A1", "全部事项"}, {"B2", "进展情况"}, {"A2002", "2000"}, {"C2002", "市财政局"}, {"B2002", long}, {"B3", long},
		{"D3", odd}, {"D4", long}, {"D2001", odd}, {"D2002", long},
	} {
		if got, err := g.GetCellValue("事项", c.cell); err != nil || got != c.want {
			t.Errorf("%s = %.40q (%v), want %.40q", c.cell, got, err, c.want)
		}
	}
	if got := openpyxlCell(t, data, "事项", "B2002"); got != "" && got != "32767" {
		t.Errorf("openpyxl reads B2002 as %s, want 32767 characters", got)
	}
	validate(t, data)
}
