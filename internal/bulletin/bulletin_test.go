package bulletin

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/docxout"
)

// sample is a 通报 shaped like 紫阳县's 《2024年第五次县政府常务会议确定事项落实情况的通报》
// (二〇二四年第十六期, https://www.zyx.gov.cn/Content-2717260.html): 43 items of one meeting,
// 16 done, the 附件 table of all of them, so that it runs over several pages.
func sample() Bulletin {
	units := []string{"县发改局", "县自然资源局", "县水利局", "县农业农村局", "县文旅广电局", "县住建局", "县民政局", "县卫健局", "县税务局", "县教体科技局"}
	content := []string{
		"严格落实全县重点项目前期工作计划，按时完成项目前期工作，提高项目成熟度",
		"紧盯超长期国债项目6月底前开工、12月底前完工的时间节点，夯实责任、强化措施，加快推进项目实施",
		"切实抓好汉江宿集紫阳茶宿项目建设",
		"做好汛期地质灾害隐患点巡查排查",
		"完成城区老旧小区改造年度任务",
	}
	var items []Item
	for i := range 43 {
		it := Item{
			Content:  content[i%len(content)],
			Unit:     units[i%len(units)],
			Deadline: time.Date(2024, time.Month(6+i%7), 10+i%20, 0, 0, 0, 0, time.UTC).Format("2006年1月2日"),
			Status:   "推进中",
		}
		switch {
		case i < 16:
			it.Status = "已落实"
		case i < 19:
			it.Alert, it.Urgent = "逾期", true
		case i < 24:
			it.Alert = "临期"
		case i == 30:
			it.Deadline, it.Alert = "长期", "无明确时限"
		}
		items = append(items, it)
	}
	return Bulletin{
		Issue:  16,
		Office: "紫阳县人民政府督查室",
		Date:   time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC),
		Mark:   "内部资料　注意保存",
		Title:  "关于2024年第五次县政府常务会议确定事项落实情况的通报",
		Overview: []Paragraph{
			{Text: "按照《紫阳县政府系统督查检查工作办法》相关规定，县政府督查室对2024年第五次县政府常务会议确定事项落实情况开展了专项督查，现通报如下。"},
			{Text: "2024年第五次县政府常务会议确定事项43件，截至2024年6月10日，已落实16件，占37.2%；推进中27件，占62.8%，其中逾期3件、临期5件（详见附件）。"},
		},
		Problems: []Paragraph{
			{Heading: "部分事项逾期未落实。", Text: "县自然资源局负责的“紧盯超长期国债项目6月底前开工、12月底前完工的时间节点，夯实责任、强化措施，加快推进项目实施”，已逾期8天；县水利局负责的“切实抓好汉江宿集紫阳茶宿项目建设”，已逾期5天。"},
			{Heading: "个别单位未按时报送。", Text: "县税务局本期未报送落实情况。"},
		},
		Requirements: []Paragraph{
			{Text: "各责任单位要对照附件所列事项，逐项明确时间节点，加快推进落实；已逾期事项要说明原因，提出整改措施。"},
			{Text: "县政府督查室将紧盯未办结事项适时开展“回头看”，并视其情况实行“蓝、黄、红”三单预警督办，直至办结销号。"},
		},
		Annex:   Annex{Items: items},
		Creator: "duban test",
		Created: time.Date(2024, 6, 18, 9, 0, 0, 0, time.UTC),
	}
}

func writeSample(t *testing.T) (string, []byte) {
	t.Helper()
	var buf bytes.Buffer
	if err := Write(&buf, sample()); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "通报.docx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path, buf.Bytes()
}

// paragraphs reads a part of the package and returns the text of each w:p, tabs as '\t'.
func paragraphs(t *testing.T, docx []byte, name string) []string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(docx), int64(len(docx)))
	if err != nil {
		t.Fatal(err)
	}
	f, err := zr.Open(name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var out []string
	var cur strings.Builder
	inText, inRun := false, false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			switch tok.Name.Local {
			case "r":
				inRun = true
			case "t", "instrText":
				inText = true
			case "tab":
				if inRun {
					cur.WriteByte('\t')
				}
			}
		case xml.EndElement:
			switch tok.Name.Local {
			case "r":
				inRun = false
			case "t", "instrText":
				inText = false
			case "p":
				out = append(out, cur.String())
				cur.Reset()
			}
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		}
	}
	return out
}

func TestDocumentText(t *testing.T) {
	t.Parallel()
	_, docx := writeSample(t)
	got := paragraphs(t, docx, "word/document.xml")
	want := []string{
		"内部资料　注意保存",
		"督查通报",
		"第16期",
		"紫阳县人民政府督查室\t2024年6月18日",
		"关于2024年第五次县政府常务会议确定事项落实情况的通报",
		"一、总体情况",
		"二、存在问题",
		"（一）部分事项逾期未落实。县自然资源局负责的“紧盯超长期国债项目6月底前开工、12月底前完工的时间节点，夯实责任、强化措施，加快推进项目实施”，已逾期8天；县水利局负责的“切实抓好汉江宿集紫阳茶宿项目建设”，已逾期5天。",
		"（二）个别单位未按时报送。县税务局本期未报送落实情况。",
		"三、下一步工作要求",
		"附件：督查事项落实情况表",
		"紫阳县人民政府督查室",
		"2024年6月18日",
		"附件",
		"督查事项落实情况表",
		"序号", "事项内容", "牵头单位", "完成时限", "落实状态", "预警",
		"43",
	}
	// Every wanted paragraph, in this order.
	i := 0
	for _, p := range got {
		if i < len(want) && p == want[i] {
			i++
		}
	}
	if i < len(want) {
		t.Errorf("paragraph %q not found in order; document has:\n%s", want[i], strings.Join(got, "\n"))
	}
	for _, f := range []string{"word/footer1.xml", "word/footer2.xml"} {
		if p := paragraphs(t, docx, f); len(p) != 1 || p[0] != "—  PAGE 1 —" {
			t.Errorf("%s = %q, want the page field between dashes", f, p)
		}
	}
}

func TestBlankIssueAndDate(t *testing.T) {
	t.Parallel()
	b := sample()
	b.Issue, b.Date, b.Mark, b.Name = 0, time.Time{}, "", "政务督查"
	var buf bytes.Buffer
	if err := Write(&buf, b); err != nil {
		t.Fatal(err)
	}
	got := strings.Join(paragraphs(t, buf.Bytes(), "word/document.xml")[:3], "|")
	if want := "政务督查|第　期|紫阳县人民政府督查室\t　　年　月　日"; got != want {
		t.Errorf("masthead = %q, want %q", got, want)
	}
}

func TestNumeral(t *testing.T) {
	t.Parallel()
	for n, want := range map[int]string{1: "一", 3: "三", 10: "十", 11: "十一", 20: "二十", 21: "二十一", 99: "九十九"} {
		if got := numeral(n); got != want {
			t.Errorf("numeral(%d) = %q, want %q", n, got, want)
		}
	}
}

// TestSignatureOffsets checks the 落款 of GB/T 9704-2012 7.3.5.2: the date starts two
// characters right of the unit, and neither is closer than two characters to the right edge.
func TestSignatureOffsets(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		office string
		ru, rd float64
		date   time.Time
	}{
		// 10 characters of unit, a date 6.5 wide (a half-width digit is half a character)
		{"紫阳县人民政府督查室", 2, 3.5, time.Date(2024, 6, 18, 0, 0, 0, 0, time.UTC)},
		// a short unit: the date sits 2 in, the unit moves left
		{"督查室", 2 + 7 + 2 - 3, 2, time.Date(2024, 12, 20, 0, 0, 0, 0, time.UTC)},
	} {
		blocks := signature(Bulletin{Office: tc.office, Date: tc.date}, docxout.GovPage())
		if len(blocks) != 2 {
			t.Fatalf("%s: %d blocks", tc.office, len(blocks))
		}
		gotU := fmt.Sprint(blocks[0].(docxout.Para).Right)
		gotD := fmt.Sprint(blocks[1].(docxout.Para).Right)
		if gotU != fmt.Sprint(tc.ru) || gotD != fmt.Sprint(tc.rd) {
			t.Errorf("%s: right indents %s, %s; want %v, %v", tc.office, gotU, gotD, tc.ru, tc.rd)
		}
	}
}

// validate runs the shared package checker on path; it skips without python3-lxml.
func validate(t *testing.T, path string) {
	t.Helper()
	if testing.Short() {
		t.Skip("-short: validate.sh not run")
	}
	script := filepath.Join("..", "..", "..", "shared", "xlsx-strict", "validate.sh")
	if _, err := os.Stat(script); err != nil {
		t.Skipf("no validator: %v", err)
	}
	if exec.Command("/usr/bin/python3", "-c", "import lxml").Run() != nil {
		t.Skip("validate.sh needs python3-lxml")
	}
	out, err := exec.Command("bash", script, "--no-info", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "ERROR") {
		t.Errorf("validate.sh: %v\n%s", err, out)
	}
	if strings.Contains(string(out), "WARN") {
		t.Errorf("validate.sh warns:\n%s", out)
	}
}

func TestValidates(t *testing.T) {
	t.Parallel()
	path, _ := writeSample(t)
	validate(t, path)
}

// TestPDF converts the sample with LibreOffice and checks its pages: every one A4, the 附件
// over more than one page after the body's. DOCX_LOOK=dir keeps the PDF there to look at.
func TestPDF(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("LibreOffice conversion is slow")
	}
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		t.Skip("no LibreOffice")
	}
	path, _ := writeSample(t)
	dir := filepath.Dir(path)
	cmd := exec.Command(soffice, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--convert-to", "pdf", "--outdir", dir, path)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	pdf := strings.TrimSuffix(path, ".docx") + ".pdf"
	if look := os.Getenv("DOCX_LOOK"); look != "" {
		b, err := os.ReadFile(pdf)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(look, "通报.pdf"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := exec.LookPath("pdfinfo"); err != nil {
		t.Skip("no pdfinfo to read the pages")
	}
	out, err := exec.Command("pdfinfo", "-f", "1", "-l", "99", pdf).Output()
	if err != nil {
		t.Fatal(err)
	}
	sizes := regexp.MustCompile(`Page +\d+ size: +([\d.]+) x ([\d.]+) pts`).FindAllStringSubmatch(string(out), -1)
	if len(sizes) < 4 {
		t.Fatalf("%d pages, want the body and an 附件 of several:\n%s", len(sizes), out)
	}
	for i, s := range sizes {
		// A4 is 595.276 × 841.89 pt; the page is written in whole twips (11906 × 16838).
		w, _ := strconv.ParseFloat(s[1], 64)
		h, _ := strconv.ParseFloat(s[2], 64)
		if math.Abs(w-595.276) > 0.1 || math.Abs(h-841.89) > 0.1 {
			t.Errorf("page %d is %s × %s pt, want A4 (595.276 × 841.89)", i+1, s[1], s[2])
		}
	}
}

func TestBreakTitle(t *testing.T) {
	t.Parallel()
	w := docxout.GovPage().TextWidth() // 20 characters of 2号 type
	for _, tc := range []struct{ in, want string }{
		{"关于市政府第14次常务会议议定事项落实情况的通报", "关于市政府第14次常务会议议定事项\n落实情况的通报"},
		{"关于2024年第五次县政府常务会议确定事项落实情况的通报", "关于2024年第五次县政府常务会议确定事项\n落实情况的通报"},
		{"关于2024年度督查事项落实情况的通报", "关于2024年度督查事项落实情况的通报"}, // fits one line
		{"关于某某\n落实情况的通报", "关于某某\n落实情况的通报"},             // the caller's own break
		// no 落实情况: the break comes before 情况的通报
		{"关于市十六届人大三次会议代表建议办理情况的通报", "关于市十六届人大三次会议代表建议办理\n情况的通报"},
		// a head too long for one line whatever the tail: left to wrap
		{"关于市人民政府第十四次常务会议研究部署事项推进落实情况的通报", "关于市人民政府第十四次常务会议研究部署事项推进落实情况的通报"},
		{"关于一二三四五六七八九十一二三四五六七八九十一二三四五的通知", "关于一二三四五六七八九十一二三四五六七八九十一二三四五的通知"}, // no known words: left to wrap
	} {
		if got := breakTitle(tc.in, w); got != tc.want {
			t.Errorf("breakTitle(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
