package main

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/books"
	"github.com/duban/duban/sheets"
)

// The 通报 (SPEC §9.4) of the sample, as duban brief and duban report --docx write it.
const (
	briefDocx  = "关于市政府第14次常务会议议定事项落实情况的通报_20241220.docx"
	briefBook  = "市政府常务会议第14次议定事项落实情况_20241220.xlsx"
	reportDocx = "汇总_通报.docx"
)

// docxPart returns a part of the .docx at path.
func docxPart(t *testing.T, path, name string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// docxParagraphs is the text of each w:p of the document's body, in order, and the number of
// table rows.
func docxParagraphs(t *testing.T, path string) (paras []string, rows int) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(docxPart(t, path, "word/document.xml")))
	var cur strings.Builder
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return paras, rows
		}
		if err != nil {
			t.Fatal(err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "t":
				inText = true
			case "tr":
				rows++
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "t":
				inText = false
			case "p":
				paras = append(paras, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		}
	}
}

// after is the paragraph after the one that is heading, failing when there is none.
func after(t *testing.T, paras []string, heading string) string {
	t.Helper()
	i := slices.Index(paras, heading)
	if i < 0 || i+1 >= len(paras) {
		t.Fatalf("no paragraph after %q in %q", heading, paras)
	}
	return paras[i+1]
}

// validDocx runs validate.sh (v, from validatorPath) on the documents: 0 ERROR. Without it the
// check is left out, and the rest of the test runs.
func validDocx(t *testing.T, v string, paths ...string) {
	t.Helper()
	if v == "" {
		t.Log("-short, or validate.sh or python3-lxml is absent: the 通报 is not validated")
		return
	}
	out, err := exec.Command(v, append([]string{"--no-info"}, paths...)...).CombinedOutput()
	if err != nil || strings.Contains(string(out), "ERROR") {
		t.Errorf("validate.sh (%v):\n%s", err, out)
	}
}

// validatorPath is validate.sh's absolute path (call it before t.Chdir), or "" when it or
// python3-lxml is absent, and under -short.
func validatorPath() string {
	if testing.Short() {
		return ""
	}
	v, err := filepath.Abs("../../../shared/xlsx-strict/validate.sh")
	if err != nil {
		return ""
	}
	if _, err := os.Stat(v); err != nil || exec.Command("/usr/bin/python3", "-c", "import lxml").Run() != nil {
		return ""
	}
	return v
}

// TestBriefBulletin: duban brief writes the 通报 beside its workbook; its 一、总体情况 is the
// workbook's narrative word for word (the meeting had no row excluded by errors: nothing to
// count apart, TestBriefBulletinExcluded), the masthead carries --issue, the 附件 lists the
// meeting's items.
func TestBriefBulletin(t *testing.T) {
	samplePath, v := absSample(t), validatorPath()
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCmd(t, "brief", "--meeting", "常务会第14次", "--as-of", "2024-12-20", "--issue", "16", samplePath)
	if code != exitErrors {
		t.Fatalf("brief: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "会议通报："+briefBook+"\n督查通报："+briefDocx+"\n") {
		t.Errorf("stdout does not name the 通报:\n%s", stdout)
	}
	validDocx(t, v, briefDocx)
	paras, rows := docxParagraphs(t, briefDocx)
	text := strings.Join(paras, "\n")
	for _, want := range []string{"督查通报", "第16期", "2024年12月20日", "关于市政府第14次常务会议议定事项", "落实情况的通报",
		"一、总体情况", "二、存在问题", "三、下一步工作要求", "附件：市政府第14次常务会议议定事项落实情况表"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 通报 lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "排名") || strings.Contains(text, "名次") {
		t.Errorf("the 通报 ranks units:\n%s", text)
	}

	f := openBook(t, briefBook)
	wb, err := f.GetRows(books.SheetBrief)
	if err != nil {
		t.Fatal(err)
	}
	narrative := wb[2][0]
	overview := after(t, paras, "一、总体情况")
	if overview != narrative || strings.Contains(text, "未能计入") {
		t.Fatalf("总体情况 %q is not the workbook's narrative %q, or 存在问题 has a caveat:\n%s", overview, narrative, text)
	}
	items := table(t, f, books.SheetBrief, "序号", "事项内容", "牵头单位", "预警")
	if rows-1 != len(items) {
		t.Errorf("附件 has %d rows, the workbook %d items", rows-1, len(items))
	}
	for _, it := range items {
		if it["预警"] == "逾期" && !strings.Contains(text, it["牵头单位"]+"负责的“"+it["事项内容"]+"”，已逾期13天") {
			t.Errorf("存在问题 does not name the overdue item %v:\n%s", it, text)
		}
	}
}

// TestReportBulletin: report --docx writes the period's 通报 beside the report, saved and
// protected with it; 一、总体情况 is 汇总's narrative; the 附件 lists the open items of the
// report's three lists; --issue needs --docx.
func TestReportBulletin(t *testing.T) {
	samplePath, v := absSample(t), validatorPath()
	t.Chdir(t.TempDir())
	code, stdout, stderr := runCmd(t, "report", "--docx", "--as-of", "2024-12-20", "-o", "汇总.xlsx", samplePath)
	if code != exitErrors {
		t.Fatalf("report --docx: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "核对工作簿：汇总_核对.xlsx\n督查通报："+reportDocx+"\n") {
		t.Errorf("stdout does not name the 通报:\n%s", stdout)
	}
	validDocx(t, v, reportDocx)
	paras, rows := docxParagraphs(t, reportDocx)
	text := strings.Join(paras, "\n")
	for _, want := range []string{"第　期", "关于2024年度督查事项落实情况的通报", "附件：未落实督查事项清单"} {
		if !strings.Contains(text, want) {
			t.Errorf("the 通报 lacks %q:\n%s", want, text)
		}
	}
	f := openBook(t, "汇总.xlsx")
	summary, err := f.GetRows(sheets.SheetSummary)
	if err != nil {
		t.Fatal(err)
	}
	if got := after(t, paras, "一、总体情况"); got != summary[2][0] {
		t.Errorf("总体情况 %q, 汇总 says %q", got, summary[2][0])
	}
	// The figures of the narrative are 汇总's table's: 合计 and 逾期.
	var total map[string]string
	for _, r := range table(t, f, sheets.SheetSummary, "类别", "事项数", "已落实", "逾期") {
		if r["类别"] == "合计" {
			total = r
		}
	}
	if total == nil || !strings.Contains(summary[2][0], "合计事项"+total["事项数"]+"项，已落实"+total["已落实"]+"项") ||
		!strings.Contains(text, "逾期事项"+total["逾期"]+"项：") {
		t.Errorf("合计 %v not in the 通报:\n%s", total, text)
	}
	// The 附件 lists the supervised items of the report's lists, without the 建议提案 (counted
	// apart, in a paragraph of their own: QA found the 附件 disagreeing with 全部N项见附件).
	overdue := table(t, f, sheets.SheetOverdue, "序号", "类别", "事项内容", "牵头单位", "逾期天数")
	open := 0
	for _, sheet := range []string{sheets.SheetOverdue, sheets.SheetDueSoon, sheets.SheetNoDeadline} {
		for _, r := range table(t, f, sheet, "序号", "类别") {
			if r["类别"] != "人大代表建议" && r["类别"] != "政协委员提案" {
				open++
			}
		}
	}
	if rows-1 != open {
		t.Errorf("附件 has %d rows, the report's lists %d supervised items", rows-1, open)
	}
	supervised := 0
	for _, r := range overdue {
		if r["类别"] != "人大代表建议" && r["类别"] != "政协委员提案" {
			supervised++
		}
	}
	if !strings.Contains(text, fmt.Sprintf("全部%d项见附件", supervised)) {
		t.Errorf("存在问题 does not point to the %d overdue supervised items of the 附件:\n%s", supervised, text)
	}
	first := overdue[0]
	if want := fmt.Sprintf("%s负责的“%s”，已逾期%s天", first["牵头单位"], strings.TrimRight(first["事项内容"], "。；"), first["逾期天数"]); !strings.Contains(text, want) {
		t.Errorf("存在问题 lacks %q:\n%s", want, text)
	}

	// Edited in Word, the 通报 is not replaced, nor is anything else written.
	before := readAll(t, "汇总.xlsx", "汇总_核对.xlsx")
	saveAs(t, reportDocx, "Microsoft Office Word")
	code, _, stderr = runCmd(t, "report", "--docx", "-q", "--as-of", "2024-12-20", "-o", "汇总.xlsx", samplePath)
	if want := "错误：" + reportDocx + " 在生成后被修改过（由Microsoft Office Word保存）" + overwriteTail; code != exitNothing || stderr != want {
		t.Errorf("over the edited 通报: exit %d\nstderr %q\nwant %q", code, stderr, want)
	}
	if !slices.EqualFunc(before, readAll(t, "汇总.xlsx", "汇总_核对.xlsx"), bytes.Equal) {
		t.Error("the workbooks were written although the 通报 could not be")
	}
	code, _, stderr = runCmd(t, "report", "--issue", "3", "--as-of", "2024-12-20", "-o", "汇总.xlsx", samplePath)
	if code != exitNothing || !strings.Contains(stderr, "--issue 是督查通报的期号") {
		t.Errorf("--issue without --docx: exit %d\n%s", code, stderr)
	}
}

// TestBulletinPDF: LibreOffice converts both 通报 of the sample to PDF, every page A4 portrait.
// DOCX_LOOK=dir keeps the PDFs there to look at.
func TestBulletinPDF(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("needs soffice (LibreOffice), and takes seconds: not with -short")
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("needs pdfinfo (poppler-utils)")
	}
	samplePath := absSample(t)
	dir := t.TempDir()
	t.Chdir(dir)
	if code, _, stderr := runCmd(t, "brief", "-q", "--meeting", "常务会第14次", "--as-of", "2024-12-20", "--issue", "16", samplePath); code != exitErrors {
		t.Fatalf("brief: exit %d\n%s", code, stderr)
	}
	if code, _, stderr := runCmd(t, "report", "-q", "--docx", "--as-of", "2024-12-20", "-o", "汇总.xlsx", samplePath); code != exitErrors {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "pdf", "--outdir", "pdf", briefDocx, reportDocx)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	size := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`)
	for _, docx := range []string{briefDocx, reportDocx} {
		pdf := filepath.Join("pdf", strings.TrimSuffix(docx, ".docx")+".pdf")
		if look := os.Getenv("DOCX_LOOK"); look != "" {
			if b, err := os.ReadFile(pdf); err == nil {
				os.WriteFile(filepath.Join(look, filepath.Base(pdf)), b, 0o644)
			}
		}
		out, err := exec.Command("pdfinfo", "-f", "1", "-l", "99", pdf).Output()
		if err != nil {
			t.Fatalf("pdfinfo %s: %v", pdf, err)
		}
		pages := size.FindAllStringSubmatch(string(out), -1)
		if len(pages) < 2 { // the body, then the 附件 on a page of its own
			t.Errorf("%s: %d pages", pdf, len(pages))
		}
		for i, p := range pages {
			w, _ := strconv.ParseFloat(p[1], 64)
			h, _ := strconv.ParseFloat(p[2], 64)
			if w < 594 || w > 597 || h < 841 || h > 843 {
				t.Errorf("%s page %d is %s × %s pt, not A4", pdf, i+1, p[1], p[2])
			}
		}
	}
}
