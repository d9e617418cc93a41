package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// returnAnnotated runs check --annotate on a copy of the sample, lets fix correct 市商务局's
// annotated copy, resaves it as the unit would and puts it in 收文/回复 beside the original
// 市商务局.xlsx (QA, 2024-12: the unit answered the send-back list with the copy it was given).
// It returns the folder to report on.
func returnAnnotated(t *testing.T, fix func(f *excelize.File)) string {
	t.Helper()
	tmp := t.TempDir()
	in, an := filepath.Join(tmp, "收文"), filepath.Join(tmp, "an")
	copyDir(t, sample, in)
	if code, _, stderr := runCmd(t, "check", "-q", "--as-of", "2024-12-20", "--annotate", an, in); code != exitErrors {
		t.Fatalf("check --annotate: exit %d\n%s", code, stderr)
	}
	src := filepath.Join(an, "市商务局.xlsx")
	if fix != nil {
		f, err := excelize.OpenFile(src)
		must(t, err)
		fix(f)
		must(t, f.Save())
		must(t, f.Close())
	}
	resave(t, src, "Microsoft Excel")
	must(t, os.MkdirAll(filepath.Join(in, "回复"), 0o755))
	must(t, os.Rename(src, filepath.Join(in, "回复", "市商务局.xlsx")))
	return in
}

// TestCorrectedCopySettlesExcluded: 市商务局 corrects the 完成时限 the check flagged (H12,
// 2024年2月30日) in the annotated copy and sends it back; its original stays in the folder.
// The corrected row counts, and the original's excluded row is settled by it: not in 注, no ※,
// no error sent back, exit 0 for it, the proof moving the row from 错误排除 to 重复合并.
func TestCorrectedCopySettlesExcluded(t *testing.T) {
	t.Parallel()
	_, plain, _ := runCmd(t, "report", "--as-of", "2024-12-20", "-o", filepath.Join(t.TempDir(), "原.xlsx"), sample)
	before := balance(t, plain)
	in := returnAnnotated(t, func(f *excelize.File) {
		sheet := f.GetSheetName(0)
		must(t, f.SetCellValue(sheet, "H12", "2024年12月30日"))
	})
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, in)
	v := balance(t, stdout)
	if v[1] != before[1]+1 {
		t.Errorf("明细 %d items, want %d (the corrected row counted)\n%s", v[1], before[1]+1, stdout)
	}
	if v[3] != before[3]-1 {
		t.Errorf("错误排除 %d rows, want %d: the original's row is settled by the corrected copy\n%s", v[3], before[3]-1, stdout)
	}
	if strings.Contains(stderr, "市商务局.xlsx!台账!H12: 错误") {
		t.Errorf("the settled cell is still sent back as an error:\n%s", stderr)
	}
	if code != exitErrors && before[3]-1 > 0 || code == exitErrors && before[3]-1 == 0 {
		t.Errorf("exit %d with %d rows still excluded\n%s", code, before[3]-1, stderr)
	}
	f := openBook(t, out)
	for _, l := range summaryLead(t, f) {
		if strings.Contains(l, "市商务局报送") {
			t.Errorf("注 still names 市商务局's settled row: %s", l)
		}
	}
	rows, err := f.GetRows(sheets.SheetUnits)
	must(t, err)
	for _, r := range rows {
		if strings.Contains(strings.Join(r, "|"), "市商务局※") {
			t.Errorf("单位统计 marks 市商务局: %q", r)
		}
	}
	c := openBook(t, checkPath(out))
	probs := table(t, c, sheets.SheetProblems, "级别", "说明")
	settled := false
	for _, p := range probs {
		if p["文件"] == "市商务局.xlsx" && p["单元格"] == "H12" {
			settled = p["级别"] == "提示" && strings.HasSuffix(p["说明"], "已在同一单位台账的较新版本 回复/市商务局.xlsx 中更正，按其计") &&
				!strings.Contains(p["说明"], "该行已排除")
		}
	}
	if !settled {
		t.Errorf("校验问题 does not say the row was corrected in 回复/市商务局.xlsx: %v", probs)
	}
}

// TestUnchangedCopyCountsOnce: the annotated copy sent back unchanged beside its original
// holds the same error rows; each counts once in 注 and in the proof.
func TestUnchangedCopyCountsOnce(t *testing.T) {
	t.Parallel()
	_, plain, _ := runCmd(t, "report", "--as-of", "2024-12-20", "-o", filepath.Join(t.TempDir(), "原.xlsx"), sample)
	before := balance(t, plain)
	pf := filepath.Join(t.TempDir(), "原2.xlsx")
	runCmd(t, "report", "--as-of", "2024-12-20", "-o", pf, sample)
	wantLead := summaryLead(t, openBook(t, pf))
	in := returnAnnotated(t, nil)
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, in)
	if code != exitErrors {
		t.Errorf("exit %d, want %d: the copy's rows are still wrong\n%s", code, exitErrors, stderr)
	}
	v := balance(t, stdout)
	if v[1] != before[1] || v[3] != before[3] {
		t.Errorf("明细 %d, 错误排除 %d; want %d, %d as without the copy\n%s", v[1], v[3], before[1], before[3], stdout)
	}
	got := summaryLead(t, openBook(t, out))
	if len(got) != len(wantLead) || !strings.Contains(strings.Join(got, "\n"), "报送的3行因填写错误被排除") {
		t.Errorf("汇总 lead with the unchanged copy:\n%s\nwant as without it:\n%s", strings.Join(got, "\n"), strings.Join(wantLead, "\n"))
	}
}
