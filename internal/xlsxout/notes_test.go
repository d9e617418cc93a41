package xlsxout

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Notes added to a workbook Excel wrote with notes on five sheets: on a cell that has a note
// (one box, the old text first), on a new cell, and on a sheet without notes. Shape ids stay
// unique in the workbook and validate.sh finds no error.
func TestAddNotesToExcelNotes(t *testing.T) {
	t.Parallel()
	in := "../../../shared/realworld-xlsx/sheetjs__comments_stress_test.xlsx"
	data, err := os.ReadFile(in)
	if err != nil {
		t.Skip("../shared/realworld-xlsx is absent")
	}
	out, err := AddNotes(data, "督查室", []Note{
		{Sheet: "Sheet2", Cell: "A1", Text: "错误：完成时限无法识别"},
		{Sheet: "Sheet2", Cell: "Z99", Text: "警告：\x01_x0001_"},
	})
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		t.Fatal(err)
	}
	part := map[string]string{}
	for _, f := range zr.File {
		rc, _ := f.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		part[f.Name] = string(b)
	}
	ids := map[string]string{}
	shape := regexp.MustCompile(`(?s)<v:shape\b[^>]*\bid="(_x0000_s\d+)".*?</v:shape>`)
	a1 := 0
	for name, body := range part {
		if !strings.HasSuffix(name, ".vml") {
			continue
		}
		for _, m := range shape.FindAllStringSubmatch(body, -1) {
			if other, ok := ids[m[1]]; ok {
				t.Errorf("shape id %s in %s and %s", m[1], other, name)
			}
			ids[m[1]] = name
			if name == "xl/drawings/vmlDrawing1.vml" && regexp.MustCompile(`<x:Row>0</x:Row>\s*<x:Column>0</x:Column>`).MatchString(m[0]) {
				a1++
			}
		}
	}
	if a1 != 1 {
		t.Errorf("%d boxes on Sheet2!A1, want 1", a1)
	}
	c := part["xl/comments1.xml"]
	if strings.Count(c, `ref="A1"`) != 1 || strings.Count(c, `ref="Z99"`) != 1 {
		t.Errorf("A1 and Z99 should have one comment each:\n%s", c)
	}
	if !strings.Contains(c, "<author>督查室</author>") || !strings.Contains(c, "督查室：错误：完成时限无法识别") ||
		!strings.Contains(c, "警告：_x005F_x0001_</t>") {
		t.Errorf("comments part:\n%s", c)
	}

	if testing.Short() {
		t.Skip("-short: validate.sh not run")
	}
	v, _ := filepath.Abs("../../../shared/xlsx-strict/validate.sh")
	if _, err := os.Stat(v); err != nil || exec.Command("/usr/bin/python3", "-c", "import lxml").Run() != nil {
		t.Skip("validate.sh or python3-lxml absent")
	}
	path := filepath.Join(t.TempDir(), "notes.xlsx")
	if err := os.WriteFile(path, out, 0o644); err != nil {
		t.Fatal(err)
	}
	if msg, err := exec.Command(v, "--no-info", path).CombinedOutput(); err != nil || !strings.Contains(string(msg), "0 errors, 0 warnings") {
		t.Errorf("validate.sh (%v):\n%s", err, msg)
	}
}
