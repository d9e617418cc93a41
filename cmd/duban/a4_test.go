package main

import (
	"fmt"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// What goes to leaders and units prints on A4 landscape (SPEC §7) at about 8 points or more:
// 11-point text at 72% (LibreOffice draws a column width unit 7.05 pt wide at 100%, and A4
// landscape has 769.89 pt between side margins of half an inch, so a table at most
// a4ListWidth wide prints at 72% or more fitted to the width).
const (
	a4MinScale  = 72
	a4ListWidth = 769.89 * 100 / (7.05 * a4MinScale)
)

// TestA4PageSetup reads the page setup of every sheet of the report (with --since and
// --expect, so that 变化情况, 漏报事项 and 未报送单位 are there), the briefing, a reminder
// and a pre-filled form of the sample: A4 landscape; fitted one page wide with columns narrow
// enough to print at a4MinScale, or in parts at that scale or more, across then down, the
// columns up to 事项内容 repeated; the header row repeated; margins with room for the footer
// 第X页 共Y页.
func TestA4PageSetup(t *testing.T) {
	samplePath := absSample(t)
	dir := t.TempDir()
	in := sampleWithout(t, dir, "市生态环境局.xlsx") // before Chdir: it copies the sample by its relative path
	t.Chdir(dir)
	for _, args := range [][]string{
		{"report", "-q", "--as-of", "2024-11-20", "-o", "上期.xlsx", samplePath},
		{"report", "-q", "--as-of", "2024-12-20", "--since", "上期.xlsx", "--expect", "上期.xlsx", "-o", "汇总.xlsx", in},
		{"brief", "-q", "--meeting", "常务会第14次", "--as-of", "2024-12-20", samplePath},
		{"remind", "-q", "--as-of", "2024-12-20", "--out-dir", "催办", samplePath},
		{"template", "--from", "上期.xlsx", "--out-dir", "下发"},
	} {
		if code, _, stderr := runCmd(t, args...); code != exitErrors && code != exitOK {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	f := openBook(t, "汇总.xlsx")
	want := []string{sheets.SheetSummary, sheets.SheetMeetings, sheets.SheetLeaders, "单位统计", sheets.SheetOverdue,
		sheets.SheetDueSoon, sheets.SheetNoDeadline, sheets.SheetItems, sheets.SheetMissing, sheets.SheetUnreported, "变化情况"}
	if got := f.GetSheetList(); !slices.Equal(got, want) {
		t.Fatalf("sheets %v, want %v", got, want)
	}
	parts := map[string]bool{}
	for _, sheet := range want {
		parts[sheet] = checkA4(t, f, "汇总.xlsx", sheet)
	}
	// 事项明细 of the sample cannot print one page wide at a readable size (its 15 columns are
	// 192 wide with 事项内容 and 进展情况 at their narrowest); the other lists of the report can,
	// but 漏报事项, whose columns are the master list's (here the 13 of last month's report).
	delete(parts, sheets.SheetMissing)
	for sheet, p := range parts {
		if p != (sheet == sheets.SheetItems) {
			t.Errorf("%s printed in parts: %v", sheet, p)
		}
	}
	reminders, _ := filepath.Glob(filepath.Join("催办", "*.xlsx"))
	forms, _ := filepath.Glob(filepath.Join("下发", "*.xlsx"))
	if len(reminders) == 0 || len(forms) == 0 {
		t.Fatalf("reminders %v, forms %v", reminders, forms)
	}
	checkA4(t, openBook(t, briefBook), briefBook, "议定事项落实情况")
	for _, path := range []string{reminders[0], forms[0]} {
		checkA4(t, openBook(t, path), path, "台账")
	}
}

// checkA4 checks the page setup of one sheet and reports whether it prints in parts.
func checkA4(t *testing.T, f *excelize.File, path, sheet string) (parts bool) {
	t.Helper()
	where := path + "!" + sheet
	pl, err := f.GetPageLayout(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if pl.Size == nil || *pl.Size != 9 || pl.Orientation == nil || *pl.Orientation != "landscape" {
		t.Errorf("%s: not A4 landscape: %+v", where, pl)
	}
	m, err := f.GetPageMargins(sheet)
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range []*float64{m.Left, m.Right, m.Top, m.Bottom, m.Header, m.Footer} {
		if v == nil || *v <= 0 {
			t.Errorf("%s: margins %v %v %v %v %v %v", where, m.Left, m.Right, m.Top, m.Bottom, m.Header, m.Footer)
			break
		}
	}
	if m.Footer != nil && m.Bottom != nil && *m.Footer >= *m.Bottom {
		t.Errorf("%s: no room for the footer (bottom %v, footer %v)", where, *m.Bottom, *m.Footer)
	}
	if hf, err := f.GetHeaderFooter(sheet); err != nil || hf.OddFooter != "&C第&P页 共&N页" {
		t.Errorf("%s: footer %+v (%v)", where, hf, err)
	}

	rows, err := f.GetRows(sheet)
	if err != nil {
		t.Fatal(err)
	}
	header := 0 // the first row of two cells or more: the titles above are merged lines
	for r, row := range rows {
		if len(slices.DeleteFunc(slices.Clone(row), func(s string) bool { return s == "" })) >= 2 {
			header = r + 1
			break
		}
	}
	if header == 0 {
		t.Fatalf("%s: no header row", where)
	}
	labels := rows[header-1]
	width := 0.0
	for c := range labels {
		w, err := f.GetColWidth(sheet, sheets.ColumnName(c+1))
		if err != nil {
			t.Fatal(err)
		}
		width += w
	}
	var titles string
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" && d.Scope == sheet {
			titles = d.RefersTo
		}
	}
	rowTitles := fmt.Sprintf("'%s'!$%d:$%d", sheet, header, header)
	sp, err := f.GetSheetProps(sheet)
	if err != nil {
		t.Fatal(err)
	}
	if sp.FitToPage != nil && *sp.FitToPage {
		if pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: fitted to the page but not one page wide: %+v", where, pl)
		}
		// 汇总 has its chart beside the table, in the width too (books' TestSummaryOnePage).
		if sheet != sheets.SheetSummary && width > a4ListWidth {
			t.Errorf("%s: %.0f wide, prints below %d%% fitted to A4's width", where, width, a4MinScale)
		}
		if titles != rowTitles {
			t.Errorf("%s: print titles %q, want %q", where, titles, rowTitles)
		}
		return false
	}
	key := slices.Index(labels, sheets.FieldContent.String())
	if pl.AdjustTo == nil || *pl.AdjustTo < a4MinScale || pl.PageOrder == nil || *pl.PageOrder != "overThenDown" {
		t.Errorf("%s: in parts at %s%%, order %s", where, deref(pl.AdjustTo), deref(pl.PageOrder))
	}
	if want := fmt.Sprintf("'%s'!$A:$%s,%s", sheet, sheets.ColumnName(key+1), rowTitles); key < 0 || titles != want {
		t.Errorf("%s: print titles %q, want %q", where, titles, want)
	}
	return true
}

// TestA4PDF converts the sample's report to PDF with LibreOffice: every page A4 landscape with
// its footer 第k页 共N页, and 事项明细, too wide for one page, in two parts on consecutive
// pages: both start with 序号 to 事项内容 and hold the same rows, the other columns are on one
// of them, and every item is on exactly two pages.
func TestA4PDF(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("needs soffice (LibreOffice), and takes seconds: not with -short")
	}
	for _, tool := range []string{"pdfinfo", "pdftotext"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skip("needs " + tool + " (poppler-utils)")
		}
	}
	samplePath := absSample(t)
	dir := t.TempDir()
	t.Chdir(dir)
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", "汇总.xlsx", samplePath)
	if code != exitErrors {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	items := balance(t, stdout)[1]
	rows, err := openBook(t, "汇总.xlsx").GetRows(sheets.SheetItems)
	if err != nil || len(rows) < 2 {
		t.Fatalf("事项明细: %v", err)
	}
	labels := rows[1]
	content := slices.Index(labels, sheets.FieldContent.String())
	if content < 0 {
		t.Fatalf("事项明细's labels %q", labels)
	}
	key := strings.Join(labels[:content+1], " ") // 序号 to 事项内容, repeated on each part
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "汇总.xlsx")
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "999", "汇总.pdf").Output()
	if err != nil {
		t.Fatal(err)
	}
	size := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`)
	pages := size.FindAllStringSubmatch(string(out), -1)
	if len(pages) < 10 {
		t.Fatalf("%d pages", len(pages))
	}
	for i, p := range pages {
		w, _ := strconv.ParseFloat(p[1], 64)
		h, _ := strconv.ParseFloat(p[2], 64)
		if w < 841 || w > 843 || h < 594 || h > 597 {
			t.Errorf("page %d is %s × %s pt, not A4 landscape", i+1, p[1], p[2])
		}
	}

	// 事项明细's pages: their header line names 编号 and 事项内容; the 序号 of a row starts a
	// line of its own.
	seqRE := regexp.MustCompile(`(?m)^\s*(\d+)\s`)
	type page struct {
		n      int
		header string
		seqs   []int
	}
	var detail []page
	for i := range pages {
		b, err := exec.Command("pdftotext", "-layout", "-f", strconv.Itoa(i+1), "-l", strconv.Itoa(i+1), "汇总.pdf", "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		if footer := fmt.Sprintf("第%d页 共%d页", i+1, len(pages)); !strings.Contains(text, footer) {
			t.Errorf("page %d: no footer %s", i+1, footer)
		}
		lines := strings.Split(text, "\n")
		h := slices.IndexFunc(lines, func(l string) bool { return strings.Contains(l, "序号") })
		if h < 0 || !strings.Contains(lines[h], "编号") || !strings.Contains(lines[h], "事项内容") {
			continue
		}
		p := page{n: i + 1, header: strings.Join(strings.Fields(lines[h]), " ")}
		for _, m := range seqRE.FindAllStringSubmatch(strings.Join(lines[h+1:], "\n"), -1) {
			n, _ := strconv.Atoi(m[1])
			p.seqs = append(p.seqs, n)
		}
		detail = append(detail, p)
	}
	// The parts of one row range are consecutive pages holding the same rows: as many parts as
	// the first range has (two, or three when 事项明细 has its optional columns: 进度, 办理结果).
	parts := 1
	for parts < len(detail) && len(detail[0].seqs) > 0 && slices.Equal(detail[parts].seqs, detail[0].seqs) {
		parts++
	}
	if parts < 2 || parts > 3 || len(detail)%parts != 0 {
		t.Fatalf("事项明细 on %d pages in parts of %d", len(detail), parts)
	}
	seen := map[int]int{}
	for i := 0; i < len(detail); i += parts {
		group := detail[i : i+parts]
		all := group[0].header
		for k, p := range group {
			if p.n != group[0].n+k {
				t.Errorf("事项明细's parts of one row range on pages %d and %d", group[0].n, p.n)
			}
			// Every part starts with the key columns; every other column is on one of them, in order.
			if !strings.HasPrefix(p.header, key+" ") {
				t.Errorf("page %d: header %q does not start with %q", p.n, p.header, key)
			}
			if k > 0 {
				all += " " + strings.TrimPrefix(p.header, key+" ")
			}
			if len(p.seqs) == 0 || !slices.Equal(p.seqs, group[0].seqs) {
				t.Errorf("pages %d and %d hold rows %v and %v", group[0].n, p.n, group[0].seqs, p.seqs)
			}
			for _, s := range p.seqs {
				seen[s]++
			}
		}
		if all != strings.Join(labels, " ") {
			t.Errorf("pages %d…: headers together %q, want %q", group[0].n, all, labels)
		}
	}
	for s := 1; s <= items; s++ {
		if seen[s] != parts {
			t.Errorf("item %d is on %d pages of 事项明细, want %d", s, seen[s], parts)
		}
	}
	if len(seen) != items {
		t.Errorf("事项明细's pages show %d items, the report %d", len(seen), items)
	}
}

// deref is what p points to, for a message.
func deref[T any](p *T) string {
	if p == nil {
		return "(none)"
	}
	return fmt.Sprint(*p)
}
