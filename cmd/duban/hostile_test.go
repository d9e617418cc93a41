package main

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
)

// duban runs the command in-process and returns its exit status, stdout and stderr.
func duban(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

var balanceLine = regexp.MustCompile(`行数核对：读取(\d+)行 = 明细(\d+)项 \+ 重复合并(\d+)行 \+ 错误排除(\d+)行`)

// checkBalance finds the 行数核对 line on stdout and checks N = M + K + E; it returns N.
func checkBalance(t *testing.T, stdout string) int {
	t.Helper()
	m := balanceLine.FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no 行数核对 line on stdout:\n%s", stdout)
	}
	var n [4]int
	for i := range n {
		n[i], _ = strconv.Atoi(m[i+1])
	}
	if n[0] != n[1]+n[2]+n[3] {
		t.Errorf("行数核对 does not hold: %s", m[0])
	}
	return n[0]
}

// contentDump renders every sheet of a workbook but those in skip: each non-empty cell as
// "sheet!A1 value", in sheet and row order.
func contentDump(t *testing.T, path string, skip ...string) string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		fmt.Fprintf(&b, "== %s\n", sheet)
		if contains(skip, sheet) {
			continue
		}
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v != "" {
					cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
					fmt.Fprintf(&b, "%s %q\n", cell, v)
				}
			}
		}
	}
	return b.String()
}

// valuesOnly drops the cell references of a contentDump, so that two dumps compare by their
// values in order whatever rows they are in.
func valuesOnly(dump string) string {
	return regexp.MustCompile(`(?m)^[A-Z]+[0-9]+ `).ReplaceAllString(dump, "")
}

// checkPath is the check file written beside the report at path.
func checkPath(path string) string { return strings.TrimSuffix(path, ".xlsx") + "_核对.xlsx" }

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// withoutLine drops the lines of s that start with prefix.
func withoutLine(s, prefix string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, prefix) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// writeFormatted writes a good ledger whose columns are formatted down to row 1,048,576.
func writeFormatted(t *testing.T, path string) {
	t.Helper()
	data, err := hostile.Book("台账", hostile.Ledger("市商务局", 2, 6))
	if err != nil {
		t.Fatal(err)
	}
	if data, err = hostile.FormattedToTheBottom(data); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHostileFolder runs report on one folder holding the whole hostile corpus, last month's
// report, and good ledgers: every bad file is named once with its message, the good files'
// figures are what they are alone, the exit status is 1, and 行数核对 holds.
func TestHostileFolder(t *testing.T) {
	t.Parallel()
	root := t.TempDir()
	goodDir := filepath.Join(root, "good")
	mixed := filepath.Join(root, "收文")
	for _, d := range []string{goodDir, mixed} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			t.Fatal(err)
		}
		if _, err := hostile.Good(d); err != nil {
			t.Fatal(err)
		}
		if !testing.Short() {
			writeFormatted(t, filepath.Join(d, "市商务局.xlsx"))
		}
	}
	// An .xls and an .et ledger (BIFF8, saved by LibreOffice) among the good files: read.
	legacy, err := goodLegacy(goodDir)
	switch {
	case err == hostile.ErrNoSoffice:
		t.Log("-short, or LibreOffice is not installed: no .xls or .et ledger among the good files")
	case err != nil:
		t.Fatal(err)
	default:
		if _, err := goodLegacy(mixed); err != nil {
			t.Fatal(err)
		}
	}
	cases, err := hostile.Bad(mixed)
	if err != nil {
		t.Fatal(err)
	}

	goodOut := filepath.Join(root, "good.xlsx")
	code, goodStdout, goodStderr := duban(t, "report", "--as-of", "2024-12-20", "-o", goodOut, goodDir)
	if code != exitOK {
		t.Fatalf("good files alone: exit %d\n%s", code, goodStderr)
	}
	goodN := checkBalance(t, goodStdout)
	// Every good row is counted: hostile.Good's 12+9+7, writeFormatted's 6, and the legacy ledgers'.
	want := 12 + 9 + 7
	if !testing.Short() {
		want += 6
	}
	if legacy != nil {
		for _, l := range hostile.LegacyLedgers {
			want += len(l.Rows) - 1
		}
	}
	if goodN != want {
		t.Errorf("the good files gave %d rows, want %d", goodN, want)
	}

	// Last month's report, left in the folder under a unit-like name.
	last, _ := os.ReadFile(goodOut)
	os.WriteFile(filepath.Join(mixed, "督查事项汇总_20241120.xlsx"), last, 0o644)
	cases = append(cases, hostile.Case{Name: "督查事项汇总_20241120.xlsx", Level: "提示", Msg: hostile.MsgOwnReport, What: "last month's report"})

	out := filepath.Join(root, "mixed.xlsx")
	code, stdout, stderr := duban(t, "report", "-v", "--as-of", "2024-12-20", "-o", out, mixed)
	if code != exitErrors {
		t.Errorf("exit %d, want %d", code, exitErrors)
	}
	if n := checkBalance(t, stdout); n != goodN {
		t.Errorf("read %d rows, the good files alone %d", n, goodN)
	}
	t.Logf("stderr (go test -v shows it for review):\n%s", stderr)
	lines := listed(stderr)
	for _, c := range cases {
		var named []string
		for _, l := range lines {
			if strings.Contains(l, c.Name) {
				named = append(named, l)
			}
		}
		want := c.Name + ": " + c.Level + ": " + c.Msg
		switch {
		case c.Level == "" && strings.Contains(stderr, c.Name):
			t.Errorf("%s (%s) should be skipped silently:\n%s", c.Name, c.What, stderr)
		case c.Level != "" && (len(named) != 1 || !strings.HasPrefix(named[0], want)):
			t.Errorf("%s (%s): stderr lines %q, want one starting %q", c.Name, c.What, named, want)
		}
	}
	// Nothing else on stderr: every line is about one of the corpus's bad files.
	for _, l := range lines {
		if !strings.Contains(l, ": 错误: ") && !strings.Contains(l, ": 提示: ") || strings.HasPrefix(l, "市") {
			t.Errorf("unexpected stderr line: %s", l)
		}
	}
	if len(lines) != len(cases)-2 { // two files are skipped without a word
		t.Errorf("%d stderr lines for %d named files:\n%s", len(lines), len(cases)-2, stderr)
	}

	// The good files' figures are unchanged: every sheet of the report, where 汇总 only adds
	// the sentence naming the units whose files could not be read; the check file's 事项明细;
	// and stdout.
	limits := "注：文件“下载一半.xlsx”、“传输中断.xls”、“加密.xlsx”等20个无法读取，其事项未计入本汇总。" // no file names a unit
	if g, m := valuesOnly(contentDump(t, goodOut)), valuesOnly(contentDump(t, out)); g != withoutLine(m, strconv.Quote(limits)) || !strings.Contains(m, strconv.Quote(limits)) {
		t.Errorf("the report differs from the good files' alone (but for %s):\n%s", limits, firstDiff(g, m))
	}
	skip := []string{"报送情况", "校验问题"}
	if g, m := contentDump(t, checkPath(goodOut), skip...), contentDump(t, checkPath(out), skip...); g != m {
		t.Errorf("the check file differs from the good files' alone:\n%s", firstDiff(g, m))
	}
	// (Only the outputs' names, the count of problems and the sentence naming the units left
	// out may differ: the bad files are problems.)
	drop := func(s string) string {
		return withoutLine(withoutLine(withoutLine(s, "汇总工作簿："), "核对工作簿："), "发现问题")
	}
	if g, m := drop(goodStdout), drop(stdout); g != withoutLine(m, limits) || !strings.Contains(m, "\n"+limits+"\n") {
		t.Errorf("stdout differs from the good files' alone:\n%s", firstDiff(g, m))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := range max(len(al), len(bl)) {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return fmt.Sprintf("line %d:\n-%s\n+%s", i+1, x, y)
		}
	}
	return "(same)"
}

// TestHostilePassword: --password opens the encrypted workbook of the corpus.
func TestHostilePassword(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	plain, err := hostile.Book("台账", hostile.Ledger("市统计局", 1, 8))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := hostile.Encrypt(plain, hostile.Password)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "市统计局.xlsx"), enc, 0o644)
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := duban(t, "report", "--as-of", "2024-12-20", "--password", hostile.Password, "-o", out, dir)
	if code != exitOK || checkBalance(t, stdout) != 8 {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	code, _, stderr = duban(t, "report", "--as-of", "2024-12-20", "--password", "错误密码", "-o", out, dir)
	if code != exitNothing || !strings.Contains(listedText(stderr), "市统计局.xlsx: 错误: 文件已加密，--password 提供的密码打不开它") {
		t.Errorf("wrong password: exit %d\n%s", code, stderr)
	}
}

// formulaLike is text that a spreadsheet would take for a formula if written carelessly.
var formulaLike = []string{"=SUM(A1:A9)", "+86-551-12345", "-1", "@cmd", "=HYPERLINK(\"http://x\",\"点我\")", "=1+1", "-2-3", "+A1"}

// TestFormulaTextStaysText puts formula-looking text in every text field of the input, in a
// file and a sheet so named: no output cell is a formula, and the text arrives unchanged.
func TestFormulaTextStaysText(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	h := hostile.Header
	rows := [][]any{h,
		{"=A1", "市政府常务会议", "市政府第5次常务会议", "2024-01-15", "=SUM(A1:A9)", "+86-551-12345", "-1", "@cmd", "2024-06-30", "推进中", "", "=HYPERLINK(\"http://x\",\"点我\")", "=1+1"},
		{"-2-3", "市政府常务会议", "=1+1", "2024-02-15", "@cmd", "=SUM(A1:A9)", "+A1", "-1", "2024-06-30", "已完成", "2024-05-01", "+86-551-12345", ""},
		{"@x", "+A1", "市政府第6次常务会议", "2024-03-15", "-1", "=1+1", "", "", "2024-06-30", "已完成", "2024-05-01", "-2-3", "@cmd"},
		{"", "市政府常务会议", "市政府第7次常务会议", "2024-03-15", "=1+1 截止", "+A1", "", "", "=DATE(2024,1,1)", "推进中", "", "", ""}, // an error row: 原值 in 校验问题
		{"", "市长批示件", "=SUM(A1:A9)", "", "长期事项", "", "", "", "长期", "=1+1", "", "", ""},                              // unknown status: an error row
	}
	if err := hostile.WriteBook(filepath.Join(dir, "=1+1市统计局.xlsx"), "+台账", rows); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := duban(t, "report", "--as-of", "2024-12-20", "-o", out, dir)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	checkBalance(t, stdout)

	// No <f> in any worksheet, and no cell of a formula-result type.
	zr, err := zip.OpenReader(out)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, zf := range zr.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		rc, _ := zf.Open()
		b, _ := io.ReadAll(rc)
		rc.Close()
		if bytes.Contains(b, []byte("<f>")) || bytes.Contains(b, []byte("<f ")) || bytes.Contains(b, []byte(`t="str"`)) {
			t.Errorf("%s holds a formula", zf.Name)
		}
	}

	// Every formula-looking value arrives as text, unchanged, somewhere in the report or its
	// check file (来源 and 原值 are there).
	whole := map[string]bool{} // the values of whole cells
	var all strings.Builder
	for _, path := range []string{out, checkPath(out)} {
		formulaCells(t, path, whole, &all)
	}
	for _, s := range append(formulaLike, "=1+1市统计局.xlsx!+台账!2", "事项内容==1+1 截止", "完成时限==DATE(2024,1,1)") {
		if !strings.Contains(all.String(), s) {
			t.Errorf("%q is not in the report", s)
		}
	}
	for _, s := range []string{"=SUM(A1:A9)", "+86-551-12345", "-1", "@cmd", "=1+1", "+A1", "=1+1市统计局.xlsx", "+台账", "=HYPERLINK(\"http://x\",\"点我\")"} {
		if !whole[s] {
			t.Errorf("no cell holds exactly %q", s)
		}
	}
}

// formulaCells collects the values of every cell of the workbook at path, and fails the test
// for a formula-looking value not stored as text.
func formulaCells(t *testing.T, path string, whole map[string]bool, all *strings.Builder) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if typ, _ := f.GetCellType(sheet, cell); strings.ContainsAny(v[:1], "=+-@") && typ != excelize.CellTypeSharedString && typ != excelize.CellTypeInlineString {
					t.Errorf("%s!%s %q is of type %v, not text", sheet, cell, v, typ)
				}
				whole[v] = true
				all.WriteString(v + "\n")
			}
		}
	}
}

// TestOutputIsAnInput: an output path that is also an input exits 2 and leaves it as it was.
func TestOutputIsAnInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := hostile.Good(dir); err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "市统计局.xlsx")
	before, _ := os.ReadFile(in)
	for _, args := range [][]string{
		{"report", "-o", in, in},
		{"report", "-o", in, dir}, // reached through the folder
		{"report", "-o", filepath.Join(dir, ".", "..", filepath.Base(dir), "市统计局.xlsx"), dir}, // spelled differently
		{"-o", in, dir}, // drag-and-drop form
	} {
		code, stdout, stderr := duban(t, args...)
		if code != exitNothing || !strings.Contains(stderr, "也是输入文件，不能覆盖") || stdout != "" {
			t.Errorf("%q: exit %d\nstdout: %s\nstderr: %s", args, code, stdout, stderr)
		}
		if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
			t.Fatalf("%q changed the input", args)
		}
	}
	assertFiles(t, dir, "市教育局（终稿）.xlsx", "市统计局.xlsx", "市财政局.xlsx")
}

// TestOutputFolderMissing: an output in a folder that does not exist exits 2, creating nothing.
func TestOutputFolderMissing(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if _, err := hostile.Good(dir); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "没有这个文件夹", "汇总.xlsx")
	code, _, stderr := duban(t, "report", "-o", out, dir)
	if code != exitNothing || !strings.Contains(stderr, "输出文件夹") || !strings.Contains(stderr, "不存在") {
		t.Errorf("exit %d\n%s", code, stderr)
	}
	assertFiles(t, dir, "市教育局（终稿）.xlsx", "市统计局.xlsx", "市财政局.xlsx")
}

// assertFiles checks that dir holds exactly the named entries.
func assertFiles(t *testing.T, dir string, names ...string) {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range entries {
		got = append(got, e.Name())
	}
	if strings.Join(got, "|") != strings.Join(names, "|") {
		t.Errorf("%s holds %q, want %q", dir, got, names)
	}
}

// TestSameInputsAnyOrder: the same files listed in different orders give the same workbook
// content, the same problems and the same stdout — with duplicates across files whose
// statuses conflict, so the order would show if it mattered.
func TestSameInputsAnyOrder(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	names, err := hostile.Good(dir)
	if err != nil {
		t.Fatal(err)
	}
	// The draft and final of one unit, and a co-unit reporting the same items: every item of
	// the draft is a duplicate, half with another status.
	draft := hostile.Ledger("市统计局", 1, 12)
	for i, r := range draft[1:] {
		if i%2 == 0 {
			r[9], r[10] = "推进中", ""
		}
	}
	co := hostile.Ledger("市统计局", 4, 4)
	for _, r := range co[1:] {
		r[9], r[10] = "已完成", "2024-07-01" // a later completion date for the same items
	}
	co = append(co, []any{"", "市政府常务会议", "第9次常务会议", "", "", "市统计局", "", "", "2024-06-30", "推进中"}) // an error row
	for name, rows := range map[string][][]any{"市统计局（初稿）.xlsx": draft, "市发展改革委.xlsx": co} {
		if err := hostile.WriteBook(filepath.Join(dir, name), "台账", rows); err != nil {
			t.Fatal(err)
		}
		names = append(names, name)
	}
	var dumps, stdouts, stderrs []string
	for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {2, 4, 0, 3, 1}} {
		args := []string{"report", "--as-of", "2024-12-20", "-o", filepath.Join(t.TempDir(), "汇总.xlsx")}
		for _, i := range order {
			args = append(args, filepath.Join(dir, names[i]))
		}
		code, stdout, stderr := duban(t, args...)
		if code != exitErrors {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
		if n := checkBalance(t, stdout); n != 12+9+7+12+5 {
			t.Errorf("read %d rows", n)
		}
		dumps = append(dumps, contentDump(t, args[4])+contentDump(t, checkPath(args[4])))
		stdouts = append(stdouts, withoutLine(withoutLine(stdout, "汇总工作簿："), "核对工作簿："))
		stderrs = append(stderrs, stderr)
	}
	for i := 1; i < len(dumps); i++ {
		if dumps[i] != dumps[0] {
			t.Errorf("order %d: the workbook differs:\n%s", i, firstDiff(dumps[0], dumps[i]))
		}
		if stdouts[i] != stdouts[0] || stderrs[i] != stderrs[0] {
			t.Errorf("order %d: the messages differ:\n%s\n%s", i, firstDiff(stdouts[0], stdouts[i]), firstDiff(stderrs[0], stderrs[i]))
		}
	}
	if m := balanceLine.FindStringSubmatch(stdouts[0]); m == nil || m[3] == "0" || !strings.Contains(listedText(stderrs[0]), ": 警告: ") {
		t.Errorf("no duplicates merged with a warning:\n%s", stderrs[0])
	}
}
