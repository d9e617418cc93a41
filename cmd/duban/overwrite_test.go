package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

var reApplication = regexp.MustCompile(`<Application>[^<]*</Application>`)

// saveAs rewrites the workbook at path as if app had saved it: its app.xml names app.
func saveAs(t *testing.T, path, app string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	b, err := hostile.RewriteZip(data, func(part string, b []byte) []byte {
		if part == "docProps/app.xml" {
			return reApplication.ReplaceAll(b, []byte("<Application>"+app+"</Application>"))
		}
		return b
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// asOfOf returns the 统计截止 a workbook duban wrote says in its properties.
func asOfOf(t *testing.T, path string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	return p.Subject
}

func readAll(t *testing.T, paths ...string) [][]byte {
	t.Helper()
	var out [][]byte
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, b)
	}
	return out
}

const overwriteTail = "，为免丢失手工修改，未覆盖；如确需覆盖请加 --force，或用 -o 换一个输出文件名\n"

// TestReportOverwrite: duban replaces its own unedited report and check file; one saved by
// another program since is refused — both are checked before either is written — unless
// --force.
func TestReportOverwrite(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "汇总.xlsx")
	checkFile := filepath.Join(dir, "汇总_核对.xlsx")
	report := func(asOf string, extra ...string) (int, string, string) {
		return runCmd(t, append([]string{"report", "-q", "--as-of", asOf, "-o", out, sample}, extra...)...)
	}
	if code, _, stderr := report("2024-12-19"); code != exitErrors {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := report("2024-12-20"); code != exitErrors {
		t.Fatalf("own output: exit %d\n%s", code, stderr)
	}
	for _, p := range []string{out, checkFile} {
		if got := asOfOf(t, p); got != "统计截止：2024年12月20日" {
			t.Errorf("%s was not replaced: %s", p, got)
		}
	}

	for _, c := range []struct {
		name   string
		edit   map[string]string // path → the program that saved it
		stderr string
	}{
		{"report edited", map[string]string{out: "Microsoft Excel"},
			"错误：" + out + " 在生成后被修改过（由Excel保存）" + overwriteTail},
		{"check file edited", map[string]string{checkFile: "WPS 表格"},
			"错误：" + checkFile + " 在生成后被修改过（由WPS保存）" + overwriteTail},
		{"both edited", map[string]string{out: "Microsoft Excel", checkFile: "WPS 表格"},
			"错误：" + out + " 在生成后被修改过（由Excel保存）" + overwriteTail +
				"错误：" + checkFile + " 在生成后被修改过（由WPS保存）" + overwriteTail},
	} {
		t.Run(c.name, func(t *testing.T) {
			if code, _, stderr := report("2024-12-20", "--force"); code != exitErrors {
				t.Fatalf("reset: exit %d\n%s", code, stderr)
			}
			for p, app := range c.edit {
				saveAs(t, p, app)
			}
			before := readAll(t, out, checkFile)
			code, stdout, stderr := report("2024-12-21")
			if code != exitNothing || stdout != "" || stderr != c.stderr {
				t.Errorf("exit %d\nstdout: %q\nstderr: %q\nwant exit 2 and %q", code, stdout, stderr, c.stderr)
			}
			for i, b := range readAll(t, out, checkFile) {
				if !bytes.Equal(b, before[i]) {
					t.Errorf("%s was written", []string{out, checkFile}[i])
				}
			}
			code, stdout, stderr = report("2024-12-21", "--force")
			if code != exitErrors || !bytes.HasSuffix([]byte(stdout), []byte("错误排除3行\n")) {
				t.Errorf("--force: exit %d\n%s%s", code, stdout, stderr)
			}
			for _, p := range []string{out, checkFile} {
				if got := asOfOf(t, p); got != "统计截止：2024年12月21日" {
					t.Errorf("--force: %s was not replaced: %s", p, got)
				}
			}
		})
	}

	// A workbook that is not duban's at all.
	other := filepath.Join(dir, "台账.xlsx")
	if err := os.WriteFile(other, []byte("不是工作簿"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "report", "-q", "-o", other, sample)
	want := "错误：" + other + " 已存在，且不是duban生成的文件，为免丢失其中的内容，不会覆盖（加 --force 也不会）；请用 -o 换一个输出文件名，或先把它移走\n"
	if code != exitNothing || stderr != want {
		t.Errorf("a file duban did not write: exit %d\n%s", code, stderr)
	}
	// --force does not change that (SPEC §2): a file without duban's mark is never replaced.
	before := readAll(t, other)
	if code, _, stderr := runCmd(t, "report", "-q", "--force", "-o", other, sample); code != exitNothing || stderr != want {
		t.Errorf("a file duban did not write, --force: exit %d\n%s", code, stderr)
	}
	if !bytes.Equal(readAll(t, other)[0], before[0]) {
		t.Errorf("--force replaced a file duban did not write")
	}
}

// TestReportOverwriteLibreOffice: a report re-saved by LibreOffice (which writes its own
// Application) is refused by name.
func TestReportOverwriteLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("needs soffice (LibreOffice), and takes seconds: not with -short")
	}
	dir := t.TempDir()
	out := filepath.Join(dir, "汇总.xlsx")
	if code, _, stderr := runCmd(t, "report", "-q", "--as-of", "2024-12-20", "-o", out, sample); code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	lo := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", lo, out)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved, err := os.ReadFile(filepath.Join(lo, "汇总.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, saved, 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "report", "-q", "--as-of", "2024-12-20", "-o", out, sample)
	if want := "错误：" + out + " 在生成后被修改过（由LibreOffice保存）" + overwriteTail; code != exitNothing || stderr != want {
		t.Errorf("exit %d\nstderr: %q\nwant %q", code, stderr, want)
	}
}
