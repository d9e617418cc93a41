package main

import (
	"archive/zip"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

// validator returns the path of ../shared/xlsx-strict/validate.sh, skipping the test when it
// or python3-lxml is missing.
func validator(t *testing.T) string {
	t.Helper()
	v, err := filepath.Abs("../../../shared/xlsx-strict/validate.sh")
	if err != nil {
		t.Skip(err)
	}
	if _, err := os.Stat(v); err != nil {
		t.Skip("../shared/xlsx-strict is absent")
	}
	if exec.Command("/usr/bin/python3", "-c", "import lxml").Run() != nil {
		t.Skip("python3-lxml is not installed (apt-get install python3-lxml)")
	}
	return v
}

// assertValid runs validate.sh on every workbook under dir and fails on any ERROR.
func assertValid(t *testing.T, v, dir string, want int) {
	t.Helper()
	var books []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".xlsx") {
			books = append(books, p)
		}
		return nil
	})
	if len(books) != want {
		t.Errorf("%s holds %d workbooks, want %d: %v", dir, len(books), want, books)
	}
	if len(books) == 0 {
		return
	}
	out, err := exec.Command(v, append([]string{"--no-info", "--quiet"}, books...)...).CombinedOutput()
	if err != nil {
		t.Errorf("validate.sh found errors (%v):\n%s", err, out)
	}
}

// parts returns the entries of a zip by name.
func parts(t *testing.T, path string) map[string]string {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	out := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(rc)
		rc.Close()
		out[f.Name] = string(b)
	}
	return out
}

var (
	reVMLShape = regexp.MustCompile(`(?s)<v:shape\b[^>]*\bid="(_x0000_s\d+)".*?</v:shape>`)
	reVMLCell  = regexp.MustCompile(`<x:Row>\s*(\d+)\s*</x:Row>\s*<x:Column>\s*(\d+)\s*</x:Column>`)
	reComment  = regexp.MustCompile(`<comment ref="([A-Z]+\d+)"`)
)

// hostileLedger is a ledger of one unit with an error on row 2 (an impossible deadline whose
// text carries control characters) and a warning on row 3.
func hostileLedger() [][]any {
	return [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"市长专题会议第7次", "编制统计公报", "市统计局", hostile.ControlText, "推进中", ""},
		{"市长专题会议第7次", "开展经济普查", "市统计局", "2023-06-30", "已落实", ""},
	}
}

// The hostile inputs of annotated copies and forms: every workbook duban writes from them
// passes validate.sh, the run goes on past each, and copies left among the inputs are not
// merged again.
func TestAnnotateHostile(t *testing.T) {
	v := validator(t)
	dir := t.TempDir()
	in := filepath.Join(dir, "收文")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	notes, err := hostile.WithExcelNotes(hostileLedger(), map[string]string{"D2": "单位的批注", "A3": "另一条"})
	if err != nil {
		t.Fatal(err)
	}
	noViews, err := hostile.WithoutSheetViews(hostileLedger())
	if err != nil {
		t.Fatal(err)
	}
	longName, err := hostile.WithSheetName(hostile.LongName, hostileLedger())
	if err != nil {
		t.Fatal(err)
	}
	for name, b := range map[string][]byte{"有批注.xlsx": notes, "无视图.xlsx": noViews, "长表名.xlsx": longName} {
		if err := os.WriteFile(filepath.Join(in, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(in, "批注")
	code, stdout, stderr := duban(t, "check", "-v", "--as-of", "2023-12-20", "--annotate", out, in)
	if code != exitErrors {
		t.Fatalf("check --annotate: exit %d, want %d\nstdout:\n%s\nstderr:\n%s", code, exitErrors, stdout, stderr)
	}
	if strings.Contains(stdout+stderr, "无法写出批注副本") || !strings.Contains(stdout, "已在 "+out+" 写出3个标注过的台账") {
		t.Errorf("not every file was annotated:\n%s\n%s", stdout, stderr)
	}
	wantRenamed := "长表名.xlsx!" + hostile.LongName + ": 提示: 工作表名称“" + hostile.LongName + "”不符合Excel的规定"
	if !strings.Contains(listedText(stderr), wantRenamed) {
		t.Errorf("no notice of the renamed sheet (%q) in:\n%s", wantRenamed, stderr)
	}
	assertValid(t, v, out, 3)

	// The workbook with Excel's notes: ids unique across the workbook, one box per cell, the
	// unit's note on the flagged cell kept in front of duban's.
	p := parts(t, filepath.Join(out, "有批注.xlsx"))
	seen := map[string]string{}
	for name, body := range p {
		if !strings.HasSuffix(name, ".vml") {
			continue
		}
		boxes := map[string]int{}
		for _, m := range reVMLShape.FindAllStringSubmatch(body, -1) {
			if other, ok := seen[m[1]]; ok {
				t.Errorf("shape id %s in %s and %s", m[1], other, name)
			}
			seen[m[1]] = name
			if c := reVMLCell.FindStringSubmatch(m[0]); c != nil {
				boxes[c[1]+","+c[2]]++
			}
		}
		for cell, n := range boxes {
			if n != 1 {
				t.Errorf("%s: %d boxes for the cell (row,col) %s", name, n, cell)
			}
		}
	}
	if len(seen) != 4 { // 说明!A1; 台账!D2 (the old note and duban's in one), A3 (the unit's), F3 (duban's)
		t.Errorf("shapes %v, want 4", seen)
	}
	c1 := p["xl/comments1.xml"]
	var refs []string
	for _, m := range reComment.FindAllStringSubmatch(c1, -1) {
		refs = append(refs, m[1])
	}
	if want := []string{"D2", "A3", "F3"}; !slices.Equal(refs, want) {
		t.Errorf("comments of 台账: %v, want %v", refs, want)
	}
	if i, j := strings.Index(c1, "单位的批注"), strings.Index(c1, "督查室：错误：完成时限"); i < 0 || j < i {
		t.Errorf("D2's note should keep the unit's text, then duban's:\n%s", c1)
	}
	if !strings.Contains(p["docProps/core.xml"], "<dc:creator>督查室</dc:creator>") ||
		!strings.Contains(p["docProps/core.xml"], "duban-annotated") {
		t.Errorf("document properties:\n%s", p["docProps/core.xml"])
	}

	// The copies sit inside the input folder: a second run skips them and counts the same.
	code2, stdout2, stderr2 := duban(t, "check", "-v", "--as-of", "2023-12-20", in)
	if code2 != exitErrors {
		t.Fatalf("second check: exit %d\n%s\n%s", code2, stdout2, stderr2)
	}
	summary := regexp.MustCompile(`共检查\d+个文件：错误(\d+)条，警告(\d+)条`)
	first, second := summary.FindStringSubmatch(stdout), summary.FindStringSubmatch(stdout2)
	if first == nil || second == nil || !slices.Equal(first[1:], second[1:]) {
		t.Errorf("problems changed once the copies were among the inputs: %v then %v", first, second)
	}
	if got := strings.Count(listedText(stderr2), "这是duban写出的批注副本"); got != 3 {
		t.Errorf("%d copies recognised, want 3:\n%s", got, stderr2)
	}
}

// template --from a master list whose units no file system takes as names: one form for each
// unit, names shortened and made safe with a notice, every form valid.
func TestTemplateHostileUnits(t *testing.T) {
	v := validator(t)
	dir := t.TempDir()
	master := filepath.Join(dir, "交办清单.xlsx")
	if err := hostile.WriteBook(master, "交办清单", hostile.MasterList(hostile.HostileUnits)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "下发")
	code, stdout, stderr := duban(t, "template", "--from", master, "--out-dir", out)
	if code != exitOK {
		t.Fatalf("template --from: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if got := strings.Count(stderr, "提示：单位名称不能直接用作文件名"); got != 3 {
		t.Errorf("%d notices of changed file names, want 3:\n%s", got, stderr)
	}
	assertValid(t, v, out, 3)
}

// A blank form sent back unfilled — opened and saved by the unit without an item — is a
// warning naming the file, in check and in report. (One nobody saved is skipped: SPEC §2.)
func TestBlankFormReturned(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "收文")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	form := filepath.Join(in, "市统计局.xlsx")
	if code, _, stderr := duban(t, "template", "-o", form); code != exitOK {
		t.Fatalf("template: exit %d: %s", code, stderr)
	}
	resave(t, form, "Microsoft Excel")
	want := "市统计局.xlsx: 警告: 未填报任何事项：这是下发的报送模板，台账中只有表头，请单位填写后重新报送"
	_, stdout, stderr := duban(t, "check", in)
	if !strings.Contains(listedText(stderr), want) {
		t.Errorf("check: no %q in\n%s\n%s", want, stdout, stderr)
	}
	_, stdout, stderr = duban(t, "report", "-o", filepath.Join(dir, "汇总.xlsx"), in)
	if !strings.Contains(listedText(stderr), want) {
		t.Errorf("report: no %q in\n%s\n%s", want, stdout, stderr)
	}
}

// TestAnnotatedCopyReturned: a unit sends back the annotated copy it was given, corrected,
// with the 问题清单 sheet still in it, and the clerk puts it in place of the original. Its rows
// are read — never skipped as a leftover, which would drop the unit's items from the figures
// with only a notice; beside its original, the copy is a leftover and is skipped.
func TestAnnotatedCopyReturned(t *testing.T) {
	tmp := t.TempDir()
	in, back := filepath.Join(tmp, "收文"), filepath.Join(tmp, "退回")
	copyDir(t, sample, in)
	if code, _, stderr := runCmd(t, "check", "--as-of", "2024-12-20", "--annotate", back, in); code != exitErrors {
		t.Fatalf("check --annotate: exit %d\n%s", code, stderr)
	}
	_, want, _ := runCmd(t, "report", "--as-of", "2024-12-20", "-o", filepath.Join(tmp, "原.xlsx"), in)
	wantN := checkBalance(t, want)

	// Beside the originals: skipped, the figures unchanged.
	_, both, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", filepath.Join(tmp, "并列.xlsx"), in, back)
	if n := checkBalance(t, both); n != wantN {
		t.Errorf("with the copies beside the originals: read %d rows, want %d\n%s", n, wantN, stderr)
	}

	// In place of the originals: read.
	copies, err := filepath.Glob(filepath.Join(back, "*.xlsx"))
	if err != nil || len(copies) == 0 {
		t.Fatalf("no annotated copies: %v", err)
	}
	for _, c := range copies {
		resave(t, c, "Microsoft Excel") // the unit corrected it and saved it
		if err := os.Rename(c, filepath.Join(in, filepath.Base(c))); err != nil {
			t.Fatal(err)
		}
	}
	_, got, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-v", "-o", filepath.Join(tmp, "退回后.xlsx"), in)
	if n := checkBalance(t, got); n != wantN {
		t.Errorf("with the copies in place of the originals: read %d rows, want %d\n%s", n, wantN, stderr)
	}
	if strings.Contains(stderr, "已跳过：这是duban写出的批注副本") || !strings.Contains(stderr, "批注副本按退回台账汇总3条") {
		t.Errorf("the returned copies are listed as skipped, or their notices are not counted\n%s", stderr)
	}
	if c := strings.Count(listedText(stderr), "提示: 这是duban写出的批注副本（check --annotate），按单位改好后退回的台账汇总"); c != len(copies) {
		t.Errorf("%d notices of a returned copy, want %d\n%s", c, len(copies), stderr)
	}
}

// resave opens the workbook at path and saves it as the program app would: a unit that
// filled in or corrected what duban sent it (SPEC §2: saved since).
func resave(t *testing.T, path, app string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := hostile.SavedBy(f, app, "张三"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}
