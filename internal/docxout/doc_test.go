package docxout

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// sampleDoc uses every feature of the kit once.
func sampleDoc() *Document {
	d := New(GovPage())
	d.Props = Props{Application: "duban", Creator: "duban test", Company: "某市人民政府督查室",
		Title: "测试", Description: "duban-bulletin", Created: time.Date(2024, 12, 20, 9, 30, 0, 0, time.UTC)}
	d.Footer = []Para{PageNumber(Right, FontSong, Size4)}
	d.FooterEven = []Para{PageNumber(Left, FontSong, Size4)}
	rule := Text("某市人民政府督查室\t2024年12月20日", Run{})
	rule.Rule = &Border{Size: 16, Color: Red}
	rule.Tabs = []Tab{{Pos: d.Page.TextWidth(), Align: Right}}
	title := Text("关于\n测试的通报", Run{Font: FontXiaoBiaoSong, Size: Size2, Bold: true, Color: Red})
	title.Align, title.NoGrid, title.Line, title.Before, title.After = Center, true, Pt(35), Pt(6), Pt(6)
	body := Text("正文", Run{})
	body.FirstLine, body.Left, body.Right, body.KeepNext, body.KeepLines = 2, 1, 1, true, true
	next := Text("附件", Run{Font: FontHei, ASCIIFont: "Times New Roman"})
	next.PageBreakBefore = true
	d.Add(rule, title, body, next, Table{
		Widths: []Length{MM(20), d.Page.TextWidth() - MM(20)},
		Border: &Border{Size: 4},
		Align:  Center, CellMargin: MM(1),
		Rows: []Row{
			{Header: true, CantSplit: true, MinHeight: MM(8), Cells: []Cell{{Paras: []Para{Text("序号", Run{})}, VAlign: Middle, Shade: "D9D9D9"}, {}}},
			{CantSplit: true, Cells: []Cell{{Paras: []Para{Text("1", Run{})}, VAlign: Bottom}, {Paras: []Para{Text("事项", Run{}), Text("第二段", Run{})}}}},
		},
	})
	return d
}

// unzip returns the parts of a package by name.
func unzip(t *testing.T, b []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string]string{}
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			t.Fatal(err)
		}
		parts[f.Name] = string(data)
	}
	return parts
}

func write(t *testing.T, d *Document) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := d.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestGovPage(t *testing.T) {
	t.Parallel()
	p := GovPage()
	// 156 mm of 版心, 225 mm of height over 22 lines, 28 characters of 16 pt condensed.
	if got := p.TextWidth(); got != 8845 {
		t.Errorf("TextWidth = %d twips, want 8845 (156 mm)", got)
	}
	if got := p.LinePitch(); got != 579 {
		t.Errorf("LinePitch = %d twips, want 579 (28.95 pt)", got)
	}
	if got := p.CharSpacing(Size3); got != -5 {
		t.Errorf("CharSpacing(16) = %d twips, want -5", got)
	}
	if 28*(Pt(Size3)+p.CharSpacing(Size3)) > p.TextWidth() {
		t.Errorf("28 characters do not fit a line")
	}
	parts := unzip(t, write(t, sampleDoc()))
	doc := parts["word/document.xml"]
	for _, want := range []string{
		`<w:pgSz w:w="11906" w:h="16838"/>`,
		`<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587" w:header="850" w:footer="1247" w:gutter="0"/>`,
		`<w:docGrid w:type="lines" w:linePitch="579"/>`,
		`<w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if !strings.HasSuffix(doc, `</w:sectPr></w:body></w:document>`) {
		t.Errorf("w:sectPr is not the body's last child")
	}
	styles := parts["word/styles.xml"]
	for _, want := range []string{
		`<w:rFonts w:ascii="仿宋_GB2312" w:hAnsi="仿宋_GB2312" w:eastAsia="仿宋_GB2312" w:cs="仿宋_GB2312"/><w:spacing w:val="-5"/>`,
		`<w:sz w:val="32"/>`,
		`<w:spacing w:line="579" w:lineRule="exact"/>`,
	} {
		if !strings.Contains(styles, want) {
			t.Errorf("styles.xml lacks %s", want)
		}
	}
}

func TestParagraphsAndRuns(t *testing.T) {
	t.Parallel()
	doc := unzip(t, write(t, sampleDoc()))["word/document.xml"]
	for _, want := range []string{
		// the red rule and the right tab stop at the type area's edge
		`<w:pBdr><w:bottom w:val="single" w:sz="16" w:space="0" w:color="FF0000"/></w:pBdr><w:tabs><w:tab w:val="right" w:pos="8845"/></w:tabs>`,
		`<w:t xml:space="preserve">某市人民政府督查室</w:t><w:tab/><w:t xml:space="preserve">2024年12月20日</w:t>`,
		// 2号 bold red 小标宋, a line break, off the grid, exact 35 pt
		`<w:rFonts w:ascii="方正小标宋简体" w:hAnsi="方正小标宋简体" w:cs="方正小标宋简体" w:eastAsia="方正小标宋简体"/><w:b/><w:bCs/><w:color w:val="FF0000"/><w:sz w:val="44"/>`,
		`<w:t xml:space="preserve">关于</w:t><w:br/><w:t xml:space="preserve">测试的通报</w:t>`,
		`<w:snapToGrid w:val="0"/><w:spacing w:before="120" w:after="120" w:line="700" w:lineRule="exact"/><w:jc w:val="center"/>`,
		// 首行缩进二字 as characters and as twips of 16 pt
		`<w:keepNext/><w:keepLines/>`,
		`<w:ind w:left="320" w:leftChars="100" w:right="320" w:rightChars="100" w:firstLine="640" w:firstLineChars="200"/><w:jc w:val="both"/>`,
		`<w:pageBreakBefore/>`,
		`<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="黑体"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
}

func TestTable(t *testing.T) {
	t.Parallel()
	doc := unzip(t, write(t, sampleDoc()))["word/document.xml"]
	for _, want := range []string{
		`<w:tblW w:w="8845" w:type="dxa"/><w:jc w:val="center"/>`,
		`<w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders><w:tblLayout w:type="fixed"/>`,
		`<w:tblGrid><w:gridCol w:w="1134"/><w:gridCol w:w="7711"/></w:tblGrid>`,
		`<w:trPr><w:cantSplit/><w:trHeight w:val="454" w:hRule="atLeast"/><w:tblHeader/></w:trPr>`,
		`<w:tcW w:w="1134" w:type="dxa"/><w:shd w:val="clear" w:color="auto" w:fill="D9D9D9"/><w:vAlign w:val="center"/>`,
		// an empty cell still ends with a paragraph
		`<w:tcW w:w="7711" w:type="dxa"/></w:tcPr><w:p>`,
		// a table that ends the body is followed by a 1 pt paragraph before the section
		`</w:tbl><w:p><w:pPr><w:snapToGrid w:val="0"/><w:spacing w:line="20" w:lineRule="exact"/>`,
	} {
		if !strings.Contains(doc, want) {
			t.Errorf("document.xml lacks %s", want)
		}
	}
	if n := strings.Count(doc, "<w:tblHeader/>"); n != 1 {
		t.Errorf("%d header rows, want 1", n)
	}

	d := sampleDoc()
	d.Add(Table{Widths: []Length{100, 100}, Rows: []Row{{Cells: []Cell{{}}}}})
	if err := d.Write(io.Discard); !errors.Is(err, ErrTable) {
		t.Errorf("a row short of cells: err = %v, want ErrTable", err)
	}
	d.Body[len(d.Body)-1] = Table{Widths: []Length{100}}
	if err := d.Write(io.Discard); !errors.Is(err, ErrTable) {
		t.Errorf("a table without rows: err = %v, want ErrTable", err)
	}
}

func TestPackage(t *testing.T) {
	t.Parallel()
	parts := unzip(t, write(t, sampleDoc()))
	var names []string
	for n := range parts {
		names = append(names, n)
	}
	if len(names) != 11 {
		t.Errorf("parts %v, want 11", names)
	}
	for _, want := range []struct{ part, text string }{
		{"word/settings.xml", `<w:evenAndOddHeaders/>`},
		{"word/_rels/document.xml.rels", `Target="footer2.xml"`},
		{"[Content_Types].xml", `<Override PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`},
		{"word/footer1.xml", `<w:jc w:val="right"/>`},
		{"word/footer2.xml", `<w:jc w:val="left"/>`},
		{"word/footer1.xml", `<w:fldChar w:fldCharType="begin"/>`},
		{"word/footer1.xml", `<w:instrText xml:space="preserve"> PAGE </w:instrText>`},
		{"word/footer1.xml", `<w:rFonts w:ascii="宋体" w:hAnsi="宋体" w:cs="宋体" w:eastAsia="宋体"/><w:sz w:val="28"/>`},
		{"word/fontTable.xml", `<w:font w:name="方正小标宋简体"><w:altName w:val="SimSun"/><w:charset w:val="86"/>`},
		{"word/fontTable.xml", `<w:font w:name="仿宋_GB2312"><w:altName w:val="FangSong"/>`},
		{"word/fontTable.xml", `<w:font w:name="黑体"><w:altName w:val="SimHei"/>`},
		{"word/fontTable.xml", `<w:font w:name="楷体_GB2312"><w:altName w:val="KaiTi"/>`},
		{"word/fontTable.xml", `<w:font w:name="Times New Roman"><w:charset w:val="00"/>`},
		{"docProps/core.xml", `<dc:creator>duban test</dc:creator><dc:description>duban-bulletin</dc:description><cp:lastModifiedBy>duban test</cp:lastModifiedBy>`},
		{"docProps/core.xml", `<dcterms:created xsi:type="dcterms:W3CDTF">2024-12-20T09:30:00Z</dcterms:created>`},
		{"docProps/app.xml", `<Application>duban</Application><Company>某市人民政府督查室</Company>`},
	} {
		if !strings.Contains(parts[want.part], want.text) {
			t.Errorf("%s lacks %s", want.part, want.text)
		}
	}

	// One footer for all pages: no evenAndOddHeaders, no second footer.
	d := sampleDoc()
	d.FooterEven = nil
	parts = unzip(t, write(t, d))
	if strings.Contains(parts["word/settings.xml"], "evenAndOdd") || parts["word/footer2.xml"] != "" ||
		strings.Contains(parts["word/document.xml"], `w:type="even"`) {
		t.Errorf("a document without an even footer has one")
	}
}

func TestDeterministic(t *testing.T) {
	t.Parallel()
	if !bytes.Equal(write(t, sampleDoc()), write(t, sampleDoc())) {
		t.Errorf("the same document wrote different bytes")
	}
}

// docText is the text of every w:t in document.xml, which must parse as XML.
func docText(t *testing.T, b []byte) string {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(unzip(t, b)["word/document.xml"]))
	var sb strings.Builder
	in := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return sb.String()
		}
		if err != nil {
			t.Fatalf("document.xml: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local == "t"
		case xml.EndElement:
			in = false
		case xml.CharData:
			if in {
				sb.Write(tok)
			}
		}
	}
}

func TestEscaping(t *testing.T) {
	t.Parallel()
	long := strings.Repeat("长", 100000)
	for _, tc := range []struct{ in, want string }{
		{`<a href="x">&amp;'`, `<a href="x">&amp;'`},
		{"a\x00b\x01c\x0bd\x1fe\uFFFEf\uFFFF", "abcdef"},
		{"bad\xff\xfeutf8", "badutf8"},
		{"\r", ""},
		{long, long}, // nothing is cut
	} {
		d := New(GovPage())
		d.Add(Text(tc.in, Run{}))
		d.Props.Title = tc.in
		b := write(t, d)
		if got := docText(t, b); got != tc.want {
			t.Errorf("text %.40q came back as %.40q, want %.40q", tc.in, got, tc.want)
		}
		var core struct {
			Title string `xml:"title"`
		}
		if err := xml.Unmarshal([]byte(unzip(t, b)["docProps/core.xml"]), &core); err != nil || core.Title != Clean(tc.in) {
			t.Errorf("core.xml title %.40q: %v, %.40q", tc.in, err, core.Title)
		}
	}
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"", "正文", "a\tb\nc\r", "<&>\"'", "\x00\x1f\xff", "\uFFFE"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d := New(GovPage())
		d.Add(Text(s, Run{}), Table{Widths: []Length{100}, Rows: []Row{{Cells: []Cell{{Paras: []Para{Text(s, Run{})}}}}}})
		var buf bytes.Buffer
		if err := d.Write(&buf); err != nil {
			t.Fatal(err)
		}
		want := strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(Clean(s))
		if got := docText(t, buf.Bytes()); got != want+want {
			t.Errorf("%q came back as %q", s, got)
		}
	})
}

func TestValidates(t *testing.T) {
	t.Parallel()
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
	path := filepath.Join(t.TempDir(), "kit.docx")
	if err := os.WriteFile(path, write(t, sampleDoc()), 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command("bash", script, "--no-info", path).CombinedOutput()
	if err != nil || strings.Contains(string(out), "ERROR") || strings.Contains(string(out), "WARN") {
		t.Errorf("validate.sh: %v\n%s", err, out)
	}
}
