package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The bundled sample saved as .xls gives exactly the figures of the sample as it is (issue 11:
// a folder of ledgers saved as .xls by LibreOffice or Gnumeric is read as the .xlsx were).

// TestSampleAsXLSLibreOffice converts every .xlsx of the sample with LibreOffice, in one call.
func TestSampleAsXLSLibreOffice(t *testing.T) {
	// Not parallel: sampleAsXLS changes the working folder.
	if testing.Short() {
		t.Skip("converts 12 workbooks with LibreOffice")
	}
	sampleAsXLS(t, func(dir string, srcs []string) error {
		_, err := hostile.SofficeXLS(dir, srcs...)
		if err == hostile.ErrNoSoffice {
			t.Skip("LibreOffice (soffice) is not installed")
		}
		return err
	})
}

// TestSampleAsXLSGnumeric converts them with Gnumeric's ssconvert.
func TestSampleAsXLSGnumeric(t *testing.T) {
	if testing.Short() {
		t.Skip("converts 12 workbooks with Gnumeric")
	}
	ssconvert, err := exec.LookPath("ssconvert")
	if err != nil {
		t.Skip("Gnumeric (ssconvert) is not installed")
	}
	sampleAsXLS(t, func(dir string, srcs []string) error {
		for _, s := range srcs {
			out := filepath.Join(dir, strings.TrimSuffix(filepath.Base(s), ".xlsx")+".xls")
			if b, err := exec.Command(ssconvert, "--export-type=Gnumeric_Excel:excel_biff8", s, out).CombinedOutput(); err != nil {
				t.Fatalf("ssconvert %s: %v\n%s", s, err, b)
			}
		}
		return nil
	})
}

// sampleAsXLS writes the sample into a folder with every unit .xlsx replaced by the .xls that
// convert writes, runs report on both folders, and compares stdout, stderr (every problem at the
// same cell, the file names aside) and the report's 汇总, 分会议统计 and 单位统计.
func sampleAsXLS(t *testing.T, convert func(dir string, srcs []string) error) {
	abs, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir(abs)
	if err != nil {
		t.Fatal(err)
	}
	root := t.TempDir()
	xlsDir := filepath.Join(root, "sample")
	if err := os.Mkdir(xlsDir, 0o755); err != nil {
		t.Fatal(err)
	}
	var srcs []string
	renamed := map[string]string{}
	for _, e := range entries {
		name := e.Name()
		if strings.HasSuffix(name, ".xlsx") && !strings.HasPrefix(name, "~$") {
			srcs = append(srcs, filepath.Join(abs, name))
			renamed[name] = strings.TrimSuffix(name, ".xlsx") + ".xls"
			continue
		}
		b, err := os.ReadFile(filepath.Join(abs, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(xlsDir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if len(srcs) < 12 {
		t.Fatalf("the sample has %d unit .xlsx files", len(srcs))
	}
	if err := convert(xlsDir, srcs); err != nil {
		t.Fatal(err)
	}

	t.Chdir(root)
	report := func(in, out string) (string, string) {
		code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, in)
		if code != exitErrors {
			t.Errorf("%s: exit %d, want 1\n%s", in, code, stderr)
		}
		return stdout, stderr
	}
	wantOut, wantErr := report(abs, "xlsx.xlsx")
	gotOut, gotErr := report(xlsDir, "xls.xlsx")
	for from, to := range renamed {
		wantErr = strings.ReplaceAll(wantErr, from, to)
	}
	wantOut = strings.ReplaceAll(wantOut, "xlsx.xlsx", "xls.xlsx")
	wantOut = strings.ReplaceAll(wantOut, "xlsx_核对.xlsx", "xls_核对.xlsx")
	if gotOut != wantOut {
		t.Errorf("stdout differs from the .xlsx sample's:\n%s", firstDiff(wantOut, gotOut))
	}
	// The per-file lines are aligned to the longest file name, which the renaming changes.
	spaces := regexp.MustCompile(`  +`)
	wantErr, gotErr = spaces.ReplaceAllString(wantErr, "  "), spaces.ReplaceAllString(gotErr, "  ")
	if gotErr != wantErr {
		t.Errorf("stderr differs from the .xlsx sample's (file names aside):\n%s", firstDiff(wantErr, gotErr))
	}
	figures := func(path string) string {
		f, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		var others []string
		for _, s := range f.GetSheetList() {
			if s != sheets.SheetSummary && s != sheets.SheetMeetings && s != sheets.SheetUnits {
				others = append(others, s)
			}
		}
		f.Close()
		return contentDump(t, path, others...)
	}
	want, got := figures(filepath.Join(root, "xlsx.xlsx")), figures(filepath.Join(root, "xls.xlsx"))
	if !strings.Contains(want, "== "+sheets.SheetUnits+"\nA1 ") {
		t.Fatalf("the report has no %s sheet:\n%s", sheets.SheetUnits, want)
	}
	t.Logf("%d converted; stderr %d lines; figures %d lines", len(srcs), strings.Count(gotErr, "\n"), strings.Count(got, "\n"))
	if got != want {
		t.Errorf("the report's figures differ from the .xlsx sample's:\n%s", firstDiff(want, got))
	}
}
