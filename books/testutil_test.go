package books

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/duban/duban/templates"
	"github.com/xuri/excelize/v2"
)

// testDict returns the built-in dictionary (templates/dictionary.txt).
func testDict(t testing.TB) *sheets.Dict {
	t.Helper()
	d, err := sheets.ParseDict(templates.Dictionary)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// date returns a UTC midnight date.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// What the reader says of an annotated copy among the inputs (sheets' messages).
const (
	msgOwnAnnotated      = "这是duban写出的批注副本（check --annotate），原台账也在汇总之列，不再重复汇总，已跳过；如是单位改好后退回的文件，请用它替换原台账后再汇总"
	msgAnnotatedReturned = "这是duban写出的批注副本（check --annotate），按单位改好后退回的台账汇总（“问题清单”工作表不计）"
)

// writeRowsBook writes a workbook of one sheet with rows to path.
func writeRowsBook(t *testing.T, path, sheet string, rows [][]any) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		t.Fatal(err)
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}

// dumpProblems renders problems one a line, with their raw values.
func dumpProblems(ps []sheets.Problem) []string {
	var out []string
	for _, p := range ps {
		s := p.String()
		if p.Raw != "" {
			s += " [" + p.Raw + "]"
		}
		out = append(out, s)
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// resave opens the workbook at path and saves it as the program app would: a unit that filled
// in a form and saved it (SPEC §2: saved since).
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
