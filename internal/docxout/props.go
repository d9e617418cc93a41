package docxout

import (
	"slices"
	"time"
)

// fallback is the font that stands in for a Chinese government font where it is not
// installed: the Windows font of the same style, under the name fontconfig and Word know.
var fallback = map[string]string{
	FontXiaoBiaoSong: "SimSun",
	FontFangSong:     "FangSong",
	FontHei:          "SimHei",
	FontKai:          "KaiTi",
	FontSong:         "SimSun",
	"FangSong":       "仿宋",
	"SimHei":         "黑体",
	"KaiTi":          "楷体",
	"SimSun":         "宋体",
}

// govFonts are declared in every document, in this order, so that a reader without them
// finds their fallbacks; other fonts the document uses follow in the order of first use.
var govFonts = []string{FontXiaoBiaoSong, FontFangSong, FontHei, FontKai, FontSong, "FangSong", "SimHei", "KaiTi", "SimSun"}

// fonts lists every font the document names.
func (d *Document) fonts() []string {
	fs := slices.Clone(govFonts)
	add := func(names ...string) {
		for _, n := range names {
			if n != "" && !slices.Contains(fs, n) {
				fs = append(fs, n)
			}
		}
	}
	add(d.Font, d.ASCIIFont)
	var paras func(ps []Para)
	paras = func(ps []Para) {
		for _, p := range ps {
			for _, r := range p.Runs {
				add(r.Font, r.ASCIIFont)
			}
		}
	}
	paras(d.Footer)
	paras(d.FooterEven)
	for _, b := range d.Body {
		switch b := b.(type) {
		case Para:
			paras([]Para{b})
		case *Para:
			paras([]Para{*b})
		case Table:
			b.eachPara(paras)
		case *Table:
			b.eachPara(paras)
		}
	}
	return fs
}

func (t Table) eachPara(f func([]Para)) {
	for _, r := range t.Rows {
		for _, c := range r.Cells {
			f(c.Paras)
		}
	}
}

func fontTable(names []string) string {
	var x xw
	x.raw(xmlHeader)
	x.open("w:fonts", "xmlns:w", nsW)
	for _, n := range names {
		x.open("w:font", "w:name", n)
		if alt := fallback[n]; alt != "" {
			x.val("w:altName", alt)
		}
		if _, cjk := fallback[n]; cjk {
			x.val("w:charset", "86")
			x.val("w:family", "auto")
		} else {
			x.val("w:charset", "00")
			x.val("w:family", "roman")
		}
		x.val("w:pitch", "variable")
		x.close("w:font")
	}
	x.close("w:fonts")
	return x.b.String()
}

func (p Props) core() string {
	var x xw
	x.raw(xmlHeader)
	x.open("cp:coreProperties",
		"xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
		"xmlns:dc", "http://purl.org/dc/elements/1.1/",
		"xmlns:dcterms", "http://purl.org/dc/terms/",
		"xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance")
	x.texts([2]string{"dc:title", p.Title}, [2]string{"dc:subject", p.Subject}, [2]string{"dc:creator", p.Creator},
		[2]string{"dc:description", p.Description}, [2]string{"cp:lastModifiedBy", p.Creator})
	if !p.Created.IsZero() {
		t := p.Created.UTC().Truncate(time.Second).Format(time.RFC3339)
		x.text("dcterms:created", t, "xsi:type", "dcterms:W3CDTF")
		x.text("dcterms:modified", t, "xsi:type", "dcterms:W3CDTF")
	}
	x.close("cp:coreProperties")
	return x.b.String()
}

func (p Props) app() string {
	var x xw
	x.raw(xmlHeader)
	x.open("Properties",
		"xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
		"xmlns:vt", "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes")
	x.texts([2]string{"Application", p.Application}, [2]string{"Company", p.Company})
	x.close("Properties")
	return x.b.String()
}
