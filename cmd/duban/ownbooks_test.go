package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// sheetPart returns the zip entry of the sheet named name in the workbook data, by
// xl/workbook.xml and its relationships.
func sheetPart(t *testing.T, data []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	part := func(n string) string {
		for _, zf := range zr.File {
			if zf.Name == n {
				rc, err := zf.Open()
				if err != nil {
					t.Fatal(err)
				}
				defer rc.Close()
				b, err := io.ReadAll(rc)
				if err != nil {
					t.Fatal(err)
				}
				return string(b)
			}
		}
		t.Fatalf("no part %s", n)
		return ""
	}
	m := regexp.MustCompile(`<sheet [^>]*name="` + regexp.QuoteMeta(name) + `"[^>]*r:id="([^"]+)"`).FindStringSubmatch(part("xl/workbook.xml"))
	if m == nil {
		t.Fatalf("no sheet %s in xl/workbook.xml", name)
	}
	rel := regexp.MustCompile(`<Relationship [^>]*Id="` + m[1] + `"[^>]*Target="/?(?:xl/)?([^"]+)"`).FindStringSubmatch(part("xl/_rels/workbook.xml.rels"))
	if rel == nil {
		rel = regexp.MustCompile(`<Relationship [^>]*Target="/?(?:xl/)?([^"]+)"[^>]*Id="` + m[1] + `"`).FindStringSubmatch(part("xl/_rels/workbook.xml.rels"))
	}
	if rel == nil {
		t.Fatalf("no relationship %s", m[1])
	}
	return "xl/" + rel[1]
}

// damagedCopies writes next to path two damaged copies of it, the part of its sheet named
// sheet cut in half and with one value changed so that only the part's checksum shows it,
// and returns their paths.
func damagedCopies(t *testing.T, path, sheet string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	entry := sheetPart(t, data, sheet)
	cut, err := hostile.RewriteZip(data, func(name string, b []byte) []byte {
		if name == entry {
			return b[:len(b)/2]
		}
		return b
	})
	if err != nil {
		t.Fatal(err)
	}
	crc, err := hostile.WrongValue(data, entry)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(filepath.Dir(path), "坏")
	must(t, os.MkdirAll(dir, 0o755))
	var out []string
	for name, b := range map[string][]byte{"截断.xlsx": cut, "校验和.xlsx": crc} {
		p := filepath.Join(dir, name)
		must(t, os.WriteFile(p, b, 0o644))
		out = append(out, p)
	}
	return out
}

// xlsxIn lists the workbooks in dir (none when dir does not exist).
func xlsxIn(t *testing.T, dir string) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

// TestDamagedOwnWorkbooksRefused: a previous report (--since), a master list (--expect,
// template --from) or a config workbook (--config) damaged in one part — 事项明细 cut in half,
// or a value changed so that only the part's checksum tells — is refused whole with the
// file's 文件已损坏 message, as a unit's file is, and nothing is written: excelize once read
// such a report in part, and the leaders' 汇总 compared with a rate the previous report never
// had, and template --from wrote forms for some of the units and exited 0.
func TestDamagedOwnWorkbooksRefused(t *testing.T) {
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("previous report: exit %d\n%s", code, stderr)
	}
	config := filepath.Join(tmp, "配置.xlsx")
	if code, _, stderr := runCmd(t, "config", "-o", config); code != exitOK {
		t.Fatalf("config: exit %d\n%s", code, stderr)
	}
	out := filepath.Join(tmp, "本期.xlsx")
	noOutput := func(what string) {
		t.Helper()
		for _, p := range []string{out, sheets.CheckPath(out)} {
			if _, err := os.Stat(p); err == nil {
				t.Errorf("%s: %s was written", what, filepath.Base(p))
			}
		}
	}
	for _, bad := range damagedCopies(t, prev, sheets.SheetItems) {
		name := filepath.Base(bad)
		code, _, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "--since", bad, "-o", out, sample)
		if want := "错误：上期汇总表 " + name + " 无法读取：" + hostile.MsgDamaged; code != exitNothing || !strings.HasPrefix(stderr, want) {
			t.Errorf("--since %s: exit %d, stderr %q, want it to begin %q", name, code, stderr, want)
		}
		noOutput("--since " + name)

		code, _, stderr = runCmd(t, "report", "--as-of", "2024-12-20", "--expect", bad, "-o", out, sample)
		if want := "交办清单 " + bad + " 无法读取：" + hostile.MsgDamaged; code != exitNothing || !strings.Contains(stderr, want) {
			t.Errorf("--expect %s: exit %d, stderr %q, want %q", name, code, stderr, want)
		}
		noOutput("--expect " + name)

		forms := filepath.Join(tmp, "下发", strings.TrimSuffix(name, ".xlsx"))
		code, stdout, stderr := runCmd(t, "template", "--from", bad, "--out-dir", forms)
		if code == exitOK || !strings.Contains(stderr, name+": 错误: "+hostile.MsgDamaged) || stdout != "" {
			t.Errorf("template --from %s: exit %d\nstdout %q\nstderr %q", name, code, stdout, stderr)
		}
		if got := xlsxIn(t, forms); len(got) != 0 {
			t.Errorf("template --from %s wrote %d forms", name, len(got))
		}
	}
	for _, bad := range damagedCopies(t, config, sheets.SectionCategories) {
		name := filepath.Base(bad)
		code, _, stderr := runCmd(t, "report", "--config", bad, "-o", out, sample)
		if want := "错误：无法打开词典配置 " + name + "：" + hostile.MsgDamaged; code != exitNothing || !strings.HasPrefix(stderr, want) {
			t.Errorf("--config %s: exit %d, stderr %q, want it to begin %q", name, code, stderr, want)
		}
		noOutput("--config " + name)
	}
}

// TestSinceRetypedStatuses: a clerk retyped the statuses of a previous report in words of the
// dictionary (已完成 for 已落实). Read through the dictionary they are the same class, so a
// report of the same ledgers finds nothing finished since: no 本期办结 that never happened.
func TestSinceRetypedStatuses(t *testing.T) {
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("previous report: exit %d\n%s", code, stderr)
	}
	f := openBook(t, prev)
	rows, err := f.GetRows(sheets.SheetItems)
	if err != nil {
		t.Fatal(err)
	}
	col, retyped := -1, 0
	for i, r := range rows {
		for c, v := range r {
			if col < 0 && v == "落实状态" {
				col = c
			}
			if col >= 0 && c == col && v == sheets.Done.String() {
				cell, _ := excelize.CoordinatesToCellName(c+1, i+1)
				must(t, f.SetCellStr(sheets.SheetItems, cell, "已完成"))
				retyped++
			}
		}
	}
	if retyped < 10 {
		t.Fatalf("only %d statuses retyped", retyped)
	}
	must(t, f.Save())

	cur := filepath.Join(tmp, "督查事项汇总_20241121.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-11-21", "--since", prev, "-o", cur, sample)
	if code != exitErrors {
		t.Fatalf("report --since: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "较上期（2024年11月20日）：落实率与上期持平（86.4%），本期办结0项，") {
		t.Errorf("the 较上期 sentence counts retyped statuses as changes:\n%s", stdout)
	}
	for _, c := range table(t, openBook(t, cur), sheets.SheetChanges, "变化", "事项内容", "上期状态", "本期状态") {
		if c["变化"] == sheets.ChangeFinished || c["变化"] == sheets.ChangeRegressed {
			t.Errorf("change %v", c)
		}
	}
}
