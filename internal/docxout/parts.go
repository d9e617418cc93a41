package docxout

import (
	"archive/zip"
	"cmp"
	"fmt"
	"io"
	"time"
)

type part struct {
	name string
	data string
}

const (
	ctMain     = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
	ctStyles   = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"
	ctSettings = "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"
	ctFonts    = "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml"
	ctFooter   = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
	ctCore     = "application/vnd.openxmlformats-package.core-properties+xml"
	ctApp      = "application/vnd.openxmlformats-officedocument.extended-properties+xml"
	ctRels     = "application/vnd.openxmlformats-package.relationships+xml"

	relDoc      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	relCore     = "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
	relApp      = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties"
	relStyles   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles"
	relSettings = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/settings"
	relFonts    = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/fontTable"
	relFooter   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
)

// parts renders every part of the package, in the order they are zipped.
func (d *Document) parts() ([]part, error) {
	body, err := d.document()
	if err != nil {
		return nil, err
	}
	even := len(d.FooterEven) > 0
	footers := [][]Para{d.Footer}
	if even {
		footers = append(footers, d.FooterEven)
	}
	ps := []part{
		{"[Content_Types].xml", contentTypes(len(footers))},
		{"_rels/.rels", rels([][3]string{
			{"rId1", relDoc, "word/document.xml"},
			{"rId2", relCore, "docProps/core.xml"},
			{"rId3", relApp, "docProps/app.xml"},
		})},
		{"word/document.xml", body},
		{"word/_rels/document.xml.rels", rels(docRels(len(footers)))},
		{"word/styles.xml", d.styles()},
		{"word/settings.xml", settings(even)},
		{"word/fontTable.xml", fontTable(d.fonts())},
	}
	for i, f := range footers {
		ps = append(ps, part{fmt.Sprintf("word/footer%d.xml", i+1), d.footer(f)})
	}
	return append(ps,
		part{"docProps/core.xml", d.Props.core()},
		part{"docProps/app.xml", d.Props.app()},
	), nil
}

func docRels(footers int) [][3]string {
	r := [][3]string{
		{"rId1", relStyles, "styles.xml"},
		{"rId2", relSettings, "settings.xml"},
		{"rId3", relFonts, "fontTable.xml"},
	}
	for i := range footers {
		r = append(r, [3]string{fmt.Sprintf("rId%d", 4+i), relFooter, fmt.Sprintf("footer%d.xml", i+1)})
	}
	return r
}

func writeZip(w io.Writer, parts []part) error {
	zw := zip.NewWriter(w)
	// A fixed time: the same document is the same bytes.
	when := time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, p := range parts {
		f, err := zw.CreateHeader(&zip.FileHeader{Name: p.name, Method: zip.Deflate, Modified: when})
		if err != nil {
			return err
		}
		if _, err := io.WriteString(f, p.data); err != nil {
			return err
		}
	}
	return zw.Close()
}

func contentTypes(footers int) string {
	var x xw
	x.raw(xmlHeader)
	x.open("Types", "xmlns", nsCT)
	x.empty("Default", "Extension", "rels", "ContentType", ctRels)
	x.empty("Default", "Extension", "xml", "ContentType", "application/xml")
	over := [][2]string{
		{"/word/document.xml", ctMain},
		{"/word/styles.xml", ctStyles},
		{"/word/settings.xml", ctSettings},
		{"/word/fontTable.xml", ctFonts},
	}
	for i := range footers {
		over = append(over, [2]string{fmt.Sprintf("/word/footer%d.xml", i+1), ctFooter})
	}
	over = append(over, [2]string{"/docProps/core.xml", ctCore}, [2]string{"/docProps/app.xml", ctApp})
	for _, o := range over {
		x.empty("Override", "PartName", o[0], "ContentType", o[1])
	}
	x.close("Types")
	return x.b.String()
}

func rels(rs [][3]string) string {
	var x xw
	x.raw(xmlHeader)
	x.open("Relationships", "xmlns", nsRel)
	for _, r := range rs {
		x.empty("Relationship", "Id", r[0], "Type", r[1], "Target", r[2])
	}
	x.close("Relationships")
	return x.b.String()
}

// document renders word/document.xml: the body, then the section.
func (d *Document) document() (string, error) {
	var x xw
	x.raw(xmlHeader)
	x.open("w:document", "xmlns:w", nsW, "xmlns:r", nsR)
	x.open("w:body")
	for _, b := range d.Body {
		if err := b.writeBlock(&x, d); err != nil {
			return "", err
		}
	}
	// Word wants a paragraph after a table that ends the body; a 1 pt one cannot spill onto
	// a page of its own.
	if len(d.Body) == 0 || isTable(d.Body[len(d.Body)-1]) {
		Para{NoGrid: true, Line: Pt(1), Runs: nil}.write(&x, d)
	}
	d.writeSectPr(&x)
	x.close("w:body")
	x.close("w:document")
	return x.b.String(), nil
}

func isTable(b Block) bool {
	switch b.(type) {
	case Table, *Table:
		return true
	}
	return false
}

func (d *Document) writeSectPr(x *xw) {
	p := d.Page
	x.open("w:sectPr")
	x.empty("w:footerReference", "w:type", "default", "r:id", "rId4")
	if len(d.FooterEven) > 0 {
		x.empty("w:footerReference", "w:type", "even", "r:id", "rId5")
	}
	x.empty("w:pgSz", "w:w", itoa(int(MM(p.Width))), "w:h", itoa(int(MM(p.Height))))
	x.empty("w:pgMar",
		"w:top", itoa(int(MM(p.Top))), "w:right", itoa(int(MM(p.Right))),
		"w:bottom", itoa(int(MM(p.Bottom))), "w:left", itoa(int(MM(p.Left))),
		"w:header", itoa(int(MM(p.Header))), "w:footer", itoa(int(MM(p.Footer))), "w:gutter", "0")
	x.empty("w:cols", "w:space", "425")
	if pitch := p.LinePitch(); pitch > 0 {
		x.empty("w:docGrid", "w:type", "lines", "w:linePitch", itoa(int(pitch)))
	}
	x.close("w:sectPr")
}

func (d *Document) size() float64 {
	if d.Size > 0 {
		return d.Size
	}
	return Size3
}

func (d *Document) footer(paras []Para) string {
	var x xw
	x.raw(xmlHeader)
	x.open("w:ftr", "xmlns:w", nsW, "xmlns:r", nsR)
	if len(paras) == 0 {
		paras = []Para{{}}
	}
	for _, p := range paras {
		p.write(&x, d)
	}
	x.close("w:ftr")
	return x.b.String()
}

func (d *Document) styles() string {
	var x xw
	x.raw(xmlHeader)
	x.open("w:styles", "xmlns:w", nsW)
	x.open("w:docDefaults")
	x.open("w:rPrDefault")
	x.open("w:rPr")
	font := cmp.Or(d.Font, FontFangSong)
	ascii := cmp.Or(d.ASCIIFont, font)
	x.empty("w:rFonts", "w:ascii", ascii, "w:hAnsi", ascii, "w:eastAsia", font, "w:cs", ascii)
	spacing := d.Page.CharSpacing(d.size())
	if spacing != 0 {
		x.val("w:spacing", itoa(int(spacing)))
	}
	x.val("w:kern", "0")
	x.size(d.size())
	x.empty("w:lang", "w:val", "en-US", "w:eastAsia", "zh-CN", "w:bidi", "ar-SA")
	x.close("w:rPr")
	x.close("w:rPrDefault")
	x.open("w:pPrDefault")
	x.open("w:pPr")
	x.val("w:widowControl", "0")
	// No extra space between Chinese and Latin text or digits (2024年, not 2024 年): a 公文
	// sets them on the character grid as they are.
	x.val("w:autoSpaceDE", "0")
	x.val("w:autoSpaceDN", "0")
	if d.Line > 0 {
		x.empty("w:spacing", "w:line", itoa(int(d.Line)), "w:lineRule", "exact")
	}
	x.val("w:jc", "both")
	x.close("w:pPr")
	x.close("w:pPrDefault")
	x.close("w:docDefaults")
	// The Normal style repeats the default font and size: LibreOffice sizes the character
	// grid by the Normal style's East Asian size, not by the document defaults.
	x.raw(`<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>`)
	x.empty("w:rFonts", "w:ascii", ascii, "w:hAnsi", ascii, "w:eastAsia", font, "w:cs", ascii)
	if spacing != 0 {
		x.val("w:spacing", itoa(int(spacing)))
	}
	x.size(d.size())
	x.raw(`</w:rPr></w:style>`)
	x.raw(`<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>`)
	x.raw(`<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>` +
		`<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`)
	x.close("w:styles")
	return x.b.String()
}

func settings(evenOdd bool) string {
	var x xw
	x.raw(xmlHeader)
	x.open("w:settings", "xmlns:w", nsW)
	x.empty("w:zoom", "w:percent", "100")
	x.val("w:defaultTabStop", "420")
	if evenOdd {
		x.empty("w:evenAndOddHeaders")
	}
	// One full-width character per grid cell: punctuation is not compressed in a 公文.
	x.val("w:characterSpacingControl", "doNotCompress")
	x.open("w:compat")
	x.empty("w:compatSetting", "w:name", "compatibilityMode", "w:uri", "http://schemas.microsoft.com/office/word", "w:val", "15")
	x.close("w:compat")
	x.close("w:settings")
	return x.b.String()
}
