package books

import (
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// TestAnnotateXLS: the annotated copy of an .xls (LibreOffice's BIFF8) is an .xlsx of the
// same name holding the ledger's values and merged cells, marked as the copy of an .xlsx is,
// and valid for Excel.
func TestAnnotateXLS(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "src", "市统计局.xlsx")
	rows := [][]any{
		{"2023年督查事项台账"},
		{"编号", "会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{1, "市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中", ""},
		{2, "市长专题会议第7次", "开展经济普查", "市统计局", "2023-06-30", "已落实", ""},
		{3.5, "市长专题会议第7次", "=1+1建设数据平台", "市统计局", "2023-12-31", "推进中", ""},
	}
	writeRowsBook(t, src, "台账", rows)
	f, err := excelize.OpenFile(src)
	if err != nil {
		t.Fatal(err)
	}
	f.MergeCell("台账", "A1", "G1")
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	xls, err := hostile.SofficeXLS(filepath.Join(dir, "收文"), src)
	if err == hostile.ErrNoSoffice {
		t.Skip("LibreOffice (soffice) is not installed")
	}
	if err != nil {
		t.Fatal(err)
	}
	in := xls[0]

	o := sheets.Options{Dict: testDict(t), AsOf: date(2023, 12, 20), WarnDays: 7}
	r := sheets.Build([]string{in}, o)
	out := filepath.Join(dir, "批注")
	path, _, err := Annotate(out, in, filepath.Base(in), r.Problems, AnnotateOptions{All: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := filepath.Join(out, "市统计局.xlsx"); path != want {
		t.Fatalf("copy written to %q, want %q", path, want)
	}
	g, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	// 问题清单 comes after the unit's sheets, and the copy opens on it.
	if got := g.GetSheetList(); !slices.Equal(got, []string{"台账", sheets.SheetIssues}) || g.GetSheetName(g.GetActiveSheetIndex()) != sheets.SheetIssues {
		t.Errorf("sheets = %v, active %q", got, g.GetSheetName(g.GetActiveSheetIndex()))
	}
	// The values are the ledger's, kind for kind.
	got, _ := g.GetRows("台账")
	want := [][]string{
		{"2023年督查事项台账"},
		{"编号", "会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"1", "市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中"},
		{"2", "市长专题会议第7次", "开展经济普查", "市统计局", "2023-06-30", "已落实"},
		{"3.5", "市长专题会议第7次", "=1+1建设数据平台", "市统计局", "2023-12-31", "推进中"},
	}
	if !slices.EqualFunc(got, want, slices.Equal[[]string]) {
		t.Errorf("台账 values\n%q\nwant\n%q", got, want)
	}
	// Numbers stay numbers (excelize writes them without a type, which is a number), text text.
	for cell, isText := range map[string]bool{"A3": false, "A5": false, "C5": true, "B2": true} {
		ct, _ := g.GetCellType("台账", cell)
		if text := ct == excelize.CellTypeSharedString || ct == excelize.CellTypeInlineString; text != isText || !text && ct != excelize.CellTypeUnset && ct != excelize.CellTypeNumber {
			t.Errorf("%s is of type %v, want text %v", cell, ct, isText)
		}
	}
	if f, _ := g.GetCellFormula("台账", "C5"); f != "" {
		t.Errorf("C5 became the formula %q", f)
	}
	ms, _ := g.GetMergeCells("台账")
	if len(ms) != 1 || ms[0].GetStartAxis() != "A1" || ms[0].GetEndAxis() != "G1" {
		t.Errorf("merges %v, want A1:G1", ms)
	}
	// Marked as any copy: the bad deadline red, the 已落实 without a date yellow, both listed.
	fill := func(ref string) string {
		id, _ := g.GetCellStyle("台账", ref)
		st, _ := g.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	if c := fill("E3"); c != fillError {
		t.Errorf("E3 (bad deadline): fill %q, want %s", c, fillError)
	}
	if c := fill("G4"); c != fillWarning {
		t.Errorf("G4 (已落实 without 完成日期): fill %q, want %s", c, fillWarning)
	}
	issues, _ := g.GetRows(sheets.SheetIssues)
	var listed []string
	for _, r := range issues[2:] {
		listed = append(listed, r[0]+" "+r[2])
	}
	if want := []string{"错误 E3", "警告 G4"}; !slices.Equal(listed, want) {
		t.Errorf("问题清单 lists %v, want %v", listed, want)
	}
	comments, _ := g.GetComments("台账")
	if len(comments) != 2 {
		t.Errorf("%d comments, want 2", len(comments))
	}

	// The copy is recognised as duban's own annotated copy: as written, beside its original
	// it is a leftover, not merged twice, and alone it is not yet corrected (SPEC §2); saved
	// by the unit's Excel since, it is the unit's corrected return, read as a ledger without
	// its 问题清单.
	if _, probs := sheets.ReadFile(path, o.Dict, sheets.ReadOptions{Twin: true}); len(probs) != 1 || probs[0].Msg != msgOwnAnnotated {
		t.Errorf("reading the copy beside its original: %q", dumpProblems(probs))
	}
	if rows, probs := sheets.ReadFile(path, o.Dict, sheets.ReadOptions{}); len(rows) != 0 || len(probs) != 1 || !strings.Contains(probs[0].Msg, "尚未填写，已跳过") {
		t.Errorf("reading the copy alone, unsaved: %d rows, %q", len(rows), dumpProblems(probs))
	}
	must(t, hostile.SavedBy(g, "Microsoft Excel", "市统计局"))
	must(t, g.Save())
	if l := sheets.ReadLedger(path, o.Dict, sheets.ReadOptions{}); len(l.Rows) == 0 || len(l.Problems) == 0 || l.Problems[0].Msg != msgAnnotatedReturned || !l.Returned {
		t.Errorf("reading the copy saved since: %d rows, %q, returned %v", len(l.Rows), dumpProblems(l.Problems), l.Returned)
	}

	v, err := filepath.Abs("../../shared/xlsx-strict/validate.sh")
	if _, serr := os.Stat(v); err != nil || serr != nil {
		t.Log("../shared/xlsx-strict is absent: the copy is not validated")
		return
	}
	if exec.Command("/usr/bin/python3", "-c", "import lxml").Run() != nil {
		t.Log("python3-lxml is not installed: the copy is not validated")
		return
	}
	if b, err := exec.Command(v, "--no-info", "--quiet", path).CombinedOutput(); err != nil {
		t.Errorf("validate.sh %s: %v\n%s", path, err, b)
	} else if s := strings.TrimSpace(string(b)); s != "" {
		t.Logf("validate.sh: %s", s)
	}
}
