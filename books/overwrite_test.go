package books

import (
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

var (
	reApplication = regexp.MustCompile(`<Application>[^<]*</Application>`)
	reModified    = regexp.MustCompile(`(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)`)
)

// CheckOverwrite lets duban replace its own unedited workbooks, and refuses one another
// program saved since (telling which, from app.xml) or one duban never wrote.
func TestCheckOverwrite(t *testing.T) {
	dir := t.TempDir()
	report := filepath.Join(dir, "汇总.xlsx")
	checkFile, err := WriteReport(report, testReport())
	if err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(report)
	if err != nil {
		t.Fatal(err)
	}
	edited := func(name string, edit func(part string, b []byte) []byte) string {
		t.Helper()
		b, err := hostile.RewriteZip(data, edit)
		if err != nil {
			t.Fatal(err)
		}
		path := filepath.Join(dir, name)
		if err := os.WriteFile(path, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return path
	}
	savedBy := func(app string) func(string, []byte) []byte {
		return func(part string, b []byte) []byte {
			if part == "docProps/app.xml" {
				return reApplication.ReplaceAll(b, []byte("<Application>"+app+"</Application>"))
			}
			return b
		}
	}
	excel := edited("Excel.xlsx", savedBy("Microsoft Excel"))
	wps := edited("WPS.xlsx", savedBy("WPS 表格"))
	other := edited("其他.xlsx", savedBy("Numbers/14.0"))
	noApp := edited("无app.xlsx", func(part string, b []byte) []byte {
		if part == "docProps/app.xml" {
			return nil
		}
		return b
	})
	touched := edited("改时间.xlsx", func(part string, b []byte) []byte {
		if part == "docProps/core.xml" {
			return reModified.ReplaceAll(b, []byte("${1}2030-01-01T00:00:00Z${2}"))
		}
		return b
	})
	// A program that keeps app.xml and the times but names its user as the last modifier.
	byUser := edited("改作者.xlsx", func(part string, b []byte) []byte {
		if part == "docProps/core.xml" {
			return regexp.MustCompile(`<lastModifiedBy>[^<]*</lastModifiedBy>`).ReplaceAll(b, []byte("<lastModifiedBy>张三</lastModifiedBy>"))
		}
		return b
	})
	text := filepath.Join(dir, "文本.xlsx")
	if err := os.WriteFile(text, []byte("类别,事项内容\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	foreign := filepath.Join(dir, "别人的.xlsx")
	f := excelize.NewFile()
	if err := f.SaveAs(foreign); err != nil {
		t.Fatal(err)
	}
	f.Close()

	const tail = "，为免丢失手工修改，未覆盖；如确需覆盖请加 --force，或用 -o 换一个输出文件名"
	const foreignTail = " 已存在，且不是duban生成的文件，为免丢失其中的内容，不会覆盖（加 --force 也不会）；请用 -o 换一个输出文件名，或先把它移走"
	for _, c := range []struct {
		path, want string
	}{
		{filepath.Join(dir, "没有.xlsx"), ""},
		{report, ""},
		{checkFile, ""},
		{excel, excel + " 在生成后被修改过（由Excel保存）" + tail},
		{wps, wps + " 在生成后被修改过（由WPS保存）" + tail},
		{other, other + " 在生成后被修改过（由Numbers保存）" + tail},
		{noApp, noApp + " 在生成后被修改过（由其他程序保存）" + tail},
		{touched, touched + " 在生成后被修改过（由其他程序保存）" + tail},
		{byUser, byUser + " 在生成后被修改过（由其他程序保存）" + tail},
		{text, text + foreignTail},
		{foreign, foreign + foreignTail},
	} {
		err := CheckOverwrite(c.path)
		got := ""
		if err != nil {
			got = err.Error()
			var ee *EditedError
			if !errors.As(err, &ee) || ee.Path != c.path {
				t.Errorf("%s: %T %v, want an *EditedError naming it", c.path, err, err)
			}
		}
		if got != c.want {
			t.Errorf("CheckOverwrite(%s) = %q, want %q", filepath.Base(c.path), got, c.want)
		}
	}
}

func TestProgramName(t *testing.T) {
	for app, want := range map[string]string{
		"Microsoft Excel":           "Excel",
		"Microsoft Macintosh Excel": "Excel",
		"WPS 表格":                    "WPS",
		"WPS Spreadsheets":          "WPS",
		"LibreOffice/7.4.7.2$Linux_X86_64 LibreOffice_project/40$Build-2": "LibreOffice",
		"OpenOffice/4.1.14$Win32":                     "OpenOffice",
		"Microsoft Excel Online":                      "Excel",
		"Microsoft Excel Compatible / Openpyxl 3.1.5": "openpyxl",
		"ONLYOFFICE/5.6.0.21":                         "ONLYOFFICE",
		"gnumeric":                                    "gnumeric",
		"duban":                                       "",
		"":                                            "",
	} {
		if got := programName(app); got != want {
			t.Errorf("programName(%q) = %q, want %q", app, got, want)
		}
	}
}

// No workbook another program wrote is taken for duban's own: every real-world workbook is
// refused.
func TestCheckOverwriteRealWorld(t *testing.T) {
	paths, _ := filepath.Glob("../../shared/realworld-xlsx/*/*.xlsx")
	more, _ := filepath.Glob("../../shared/realworld-xlsx/*.xlsx")
	paths = append(paths, more...)
	if len(paths) == 0 {
		t.Skip("../shared/realworld-xlsx is absent")
	}
	for _, p := range paths {
		var ee *EditedError
		if err := CheckOverwrite(p); !errors.As(err, &ee) {
			t.Errorf("%s: %v, want it refused", p, err)
		}
	}
}
