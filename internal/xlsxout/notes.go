package xlsxout

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Notes (批注) are written here rather than with excelize's AddComment, which does not handle
// the notes Excel already wrote: it starts every sheet's shapes at _x0000_s1025 whatever other
// sheets use (two VML parts with the same shape ids make Excel repair the workbook), and it
// finds a cell's old box by its own anchor, not Excel's, so a cell could keep two boxes.
// A note is two parts: its text in the sheet's comments part, and a hidden Note shape (the
// box) in the sheet's VML drawing. AddNotes edits both as text and keeps what it does not
// understand as it was.

// A Note is the text to put on one cell.
type Note struct {
	Sheet string
	Cell  string // A1 reference
	Text  string
}

// Relationship and content types of the parts of a note.
const (
	relComments   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments"
	relVML        = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing"
	relOfficeDoc  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
	nsRel         = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	ctComments    = "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"
	ctVML         = "application/vnd.openxmlformats-officedocument.vmlDrawing"
	maxNoteText   = 30000 // well inside a comment's 32,767 characters
	shapesInBlock = 1024  // VML shape ids come in clusters of 1024 per worksheet (MS-OE376 3.9.6)
)

// AddNotes returns the workbook package pkg with notes added, each by author. A cell that
// already has a note keeps its text with the new text after it, in one box; shape ids stay
// unique in the workbook, in id blocks no other sheet uses.
func AddNotes(pkg []byte, author string, notes []Note) ([]byte, error) {
	p, err := openPackage(pkg)
	if err != nil {
		return nil, err
	}
	sheets, err := p.sheetParts()
	if err != nil {
		return nil, err
	}
	p.scanShapes()
	var order []string
	bySheet := map[string][]Note{}
	for _, n := range notes {
		if _, ok := bySheet[n.Sheet]; !ok {
			order = append(order, n.Sheet)
		}
		bySheet[n.Sheet] = append(bySheet[n.Sheet], n)
	}
	for _, s := range order {
		part, ok := sheets[s]
		if !ok {
			return nil, fmt.Errorf("no sheet %q", s)
		}
		if err := p.addSheetNotes(part, author, bySheet[s]); err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
	}
	return p.bytes()
}

// ---- the package ----

type zipPackage struct {
	names []string          // in their order in the zip
	parts map[string][]byte // by name
	lower map[string]string // lower-case name → name
	// VML shape ids and id blocks in use, and which part holds each block
	usedIDs    map[int]bool
	blockOwner map[int]string
}

func openPackage(b []byte) (*zipPackage, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	p := &zipPackage{parts: map[string][]byte{}, lower: map[string]string{}}
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		p.put(zf.Name, data)
	}
	return p, nil
}

func (p *zipPackage) put(name string, data []byte) {
	if _, ok := p.parts[name]; !ok {
		p.names = append(p.names, name)
		p.lower[strings.ToLower(name)] = name
	}
	p.parts[name] = data
}

func (p *zipPackage) get(name string) ([]byte, bool) {
	n, ok := p.lower[strings.ToLower(name)]
	if !ok {
		return nil, false
	}
	return p.parts[n], true
}

func (p *zipPackage) bytes() ([]byte, error) {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, n := range p.names {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(p.parts[n]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// freeName returns the first name made by format from 1, 2, … that no part has.
func (p *zipPackage) freeName(format string) string {
	for i := 1; ; i++ {
		n := fmt.Sprintf(format, i)
		if _, ok := p.get(n); !ok {
			return n
		}
	}
}

type relationship struct {
	ID     string `xml:"Id,attr"`
	Type   string `xml:"Type,attr"`
	Target string `xml:"Target,attr"`
	Mode   string `xml:"TargetMode,attr"`
}

// rels reads the relationships of part (nil when it has none).
func (p *zipPackage) rels(part string) ([]relationship, error) {
	b, ok := p.get(relsPart(part))
	if !ok {
		return nil, nil
	}
	var r struct {
		Rels []relationship `xml:"Relationship"`
	}
	if err := xml.Unmarshal(b, &r); err != nil {
		return nil, fmt.Errorf("%s: %w", relsPart(part), err)
	}
	return r.Rels, nil
}

// addRel adds a relationship of part to target (a part name) and returns its id.
func (p *zipPackage) addRel(part, typ, target string) (string, error) {
	rels, err := p.rels(part)
	if err != nil {
		return "", err
	}
	taken := map[string]bool{}
	for _, r := range rels {
		taken[r.ID] = true
	}
	id := ""
	for i := len(rels) + 1; ; i++ {
		if id = "rId" + strconv.Itoa(i); !taken[id] {
			break
		}
	}
	rel := fmt.Sprintf(`<Relationship Id="%s" Type="%s" Target="%s"/>`, id, typ, relTarget(part, target))
	name := relsPart(part)
	b, ok := p.get(name)
	if !ok {
		p.put(name, []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\n"+
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+rel+`</Relationships>`))
		return id, nil
	}
	at := bytes.LastIndex(b, []byte("</Relationships>"))
	if at < 0 {
		return "", fmt.Errorf("%s: no </Relationships>", name)
	}
	p.put(p.lower[strings.ToLower(name)], splice(b, at, at, rel))
	return id, nil
}

// addContentType declares the content type of a new part, by its extension when ext is set.
func (p *zipPackage) addContentType(part, ext, typ string) error {
	const name = "[Content_Types].xml"
	b, ok := p.get(name)
	if !ok {
		return errors.New("no [Content_Types].xml")
	}
	var decl string
	if ext != "" {
		if regexp.MustCompile(`(?i)<Default\s[^>]*Extension="` + ext + `"`).Match(b) {
			return nil
		}
		decl = fmt.Sprintf(`<Default Extension="%s" ContentType="%s"/>`, ext, typ)
	} else {
		decl = fmt.Sprintf(`<Override PartName="/%s" ContentType="%s"/>`, part, typ)
	}
	at := bytes.LastIndex(b, []byte("</Types>"))
	if at < 0 {
		return errors.New("[Content_Types].xml: no </Types>")
	}
	p.put(p.lower[strings.ToLower(name)], splice(b, at, at, decl))
	return nil
}

// sheetParts maps each sheet's name to its part.
func (p *zipPackage) sheetParts() (map[string]string, error) {
	wbPart := "xl/workbook.xml"
	root, err := p.rels("")
	if err != nil {
		return nil, err
	}
	for _, r := range root {
		if r.Type == relOfficeDoc {
			wbPart = resolve("", r.Target)
		}
	}
	b, ok := p.get(wbPart)
	if !ok {
		return nil, fmt.Errorf("no %s", wbPart)
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			RID  string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	if err := xml.Unmarshal(b, &wb); err != nil {
		return nil, fmt.Errorf("%s: %w", wbPart, err)
	}
	rels, err := p.rels(wbPart)
	if err != nil {
		return nil, err
	}
	out := map[string]string{}
	for _, s := range wb.Sheets {
		for _, r := range rels {
			if r.ID == s.RID {
				out[s.Name] = resolve(path.Dir(wbPart), r.Target)
			}
		}
	}
	return out, nil
}

var (
	reShapeID = regexp.MustCompile(`_x0000_s(\d+)`)
	reIDMap   = regexp.MustCompile(`(?s)<[\w.-]*:?idmap\b[^>]*?\bdata\s*=\s*["']([^"']*)["']`)
)

// scanShapes notes the VML shape ids and id blocks every VML part of the package uses.
func (p *zipPackage) scanShapes() {
	p.usedIDs, p.blockOwner = map[int]bool{}, map[int]string{}
	for _, n := range p.names {
		if !strings.HasSuffix(strings.ToLower(n), ".vml") {
			continue
		}
		for _, b := range vmlBlocks(p.parts[n]) {
			if _, ok := p.blockOwner[b]; !ok {
				p.blockOwner[b] = n
			}
		}
		for _, m := range reShapeID.FindAllSubmatch(p.parts[n], -1) {
			if id, err := strconv.Atoi(string(m[1])); err == nil {
				p.usedIDs[id] = true
			}
		}
	}
}

// vmlBlocks lists the id blocks a VML part reserves (o:idmap) or uses (its shape ids).
func vmlBlocks(b []byte) []int {
	var out []int
	for _, m := range reIDMap.FindAllSubmatch(b, -1) {
		for f := range strings.SplitSeq(string(m[1]), ",") {
			if n, err := strconv.Atoi(strings.TrimSpace(f)); err == nil && n >= 0 {
				out = append(out, n)
			}
		}
	}
	for _, m := range reShapeID.FindAllSubmatch(b, -1) {
		if id, err := strconv.Atoi(string(m[1])); err == nil && id > 0 {
			out = append(out, (id-1)/shapesInBlock)
		}
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// ---- one sheet ----

var (
	reLegacyDrawing = regexp.MustCompile(`<(?:[\w.-]+:)?legacyDrawing\b[^>]*>`)
	reRelID         = regexp.MustCompile(`\b[\w.-]+:id\s*=\s*["']([^"']*)["']`)
	reAfterLegacy   = regexp.MustCompile(`<(?:[\w.-]+:)?(?:legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b`)
	reSheetEnd      = regexp.MustCompile(`</(?:[\w.-]+:)?worksheet\s*>`)
	reSheetRoot     = regexp.MustCompile(`<([\w.-]+:)?worksheet\b[^>]*>`)
)

func (p *zipPackage) addSheetNotes(part, author string, notes []Note) error {
	sheetXML, ok := p.get(part)
	if !ok {
		return errors.New("missing part")
	}
	rels, err := p.rels(part)
	if err != nil {
		return err
	}
	commentsPart, vmlPart := "", ""
	for _, r := range rels {
		if r.Type == relComments && r.Mode != "External" {
			commentsPart = resolve(path.Dir(part), r.Target)
		}
	}
	if m := reLegacyDrawing.Find(sheetXML); m != nil {
		if id := reRelID.FindSubmatch(m); id != nil {
			for _, r := range rels {
				if r.ID == string(id[1]) && r.Type == relVML {
					vmlPart = resolve(path.Dir(part), r.Target)
				}
			}
		}
		if vmlPart == "" {
			return errors.New("legacyDrawing without its VML part")
		}
	}

	var cs *comments
	if b, ok := p.get(commentsPart); commentsPart != "" && ok {
		if cs, err = parseComments(b); err != nil {
			return fmt.Errorf("%s: %w", commentsPart, err)
		}
	} else {
		cs = newComments()
		commentsPart = p.freeName("xl/comments%d.xml")
		if _, err := p.addRel(part, relComments, commentsPart); err != nil {
			return err
		}
		if err := p.addContentType(commentsPart, "", ctComments); err != nil {
			return err
		}
	}
	touched := cs.add(author, notes)
	p.put(p.nameOf(commentsPart), cs.bytes())

	var vml []byte
	if b, ok := p.get(vmlPart); vmlPart != "" && ok {
		vml = b
	} else {
		vmlPart = p.freeName("xl/drawings/vmlDrawing%d.vml")
		vml = []byte(newVML)
		id, err := p.addRel(part, relVML, vmlPart)
		if err != nil {
			return err
		}
		if sheetXML, err = insertLegacyDrawing(sheetXML, id); err != nil {
			return err
		}
		p.put(p.nameOf(part), sheetXML)
		if err := p.addContentType(vmlPart, "vml", ctVML); err != nil {
			return err
		}
	}
	vml, err = p.fitShapes(vmlPart, vml, cs, touched)
	if err != nil {
		return fmt.Errorf("%s: %w", vmlPart, err)
	}
	p.put(p.nameOf(vmlPart), vml)
	return nil
}

// nameOf is the stored spelling of name, or name for a new part.
func (p *zipPackage) nameOf(name string) string {
	if n, ok := p.lower[strings.ToLower(name)]; ok {
		return n
	}
	return name
}

// insertLegacyDrawing adds <legacyDrawing r:id> to a worksheet, where the schema puts it.
func insertLegacyDrawing(b []byte, rid string) ([]byte, error) {
	root := reSheetRoot.FindSubmatch(b)
	if root == nil {
		return nil, errors.New("no <worksheet>")
	}
	prefix := string(root[1])
	el := fmt.Sprintf(`<%slegacyDrawing xmlns:r="%s" r:id="%s"/>`, prefix, nsRel, rid)
	if m := reAfterLegacy.FindIndex(b); m != nil {
		return splice(b, m[0], m[0], el), nil
	}
	if m := reSheetEnd.FindAllIndex(b, -1); len(m) > 0 {
		at := m[len(m)-1][0]
		return splice(b, at, at, el), nil
	}
	return nil, errors.New("no </worksheet>")
}

// ---- the comments part ----

// comments is a comments part: its comments with their text kept as written.
type comments struct {
	head    string // the XML declaration and the root's start tag
	prefix  string // of the SpreadsheetML elements, e.g. "" or "x:"
	authors []string
	list    []comment
	tail    string // what follows the comment list (extLst)
}

type comment struct {
	ref    string
	author int
	attrs  string // other attributes, as written
	text   string // the content of <text>, as written
}

func newComments() *comments {
	return &comments{head: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">`}
}

func parseComments(b []byte) (*comments, error) {
	c := &comments{}
	d := xml.NewDecoder(bytes.NewReader(b))
	depth, textAt, tailAt := 0, -1, -1
	var cur *comment
	var author *strings.Builder
	for {
		start := int(d.InputOffset())
		tok, err := d.RawToken()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		end := int(d.InputOffset())
		switch t := tok.(type) {
		case xml.StartElement:
			depth++
			switch {
			case depth == 1:
				c.head = string(b[:end])
				if strings.HasSuffix(c.head, "/>") {
					c.head = strings.TrimSuffix(c.head, "/>") + ">"
				}
				if t.Name.Space != "" {
					c.prefix = t.Name.Space + ":"
				}
			case depth == 3 && t.Name.Local == "author":
				author = &strings.Builder{}
			case depth == 3 && t.Name.Local == "comment":
				cur = &comment{}
				var attrs strings.Builder
				for _, a := range t.Attr {
					switch {
					case a.Name.Space == "" && a.Name.Local == "ref":
						cur.ref = a.Value
					case a.Name.Space == "" && a.Name.Local == "authorId":
						cur.author, _ = strconv.Atoi(a.Value)
					default:
						name := a.Name.Local
						if a.Name.Space != "" {
							name = a.Name.Space + ":" + name
						}
						fmt.Fprintf(&attrs, ` %s="%s"`, name, escape(a.Value))
					}
				}
				cur.attrs = attrs.String()
			case depth == 4 && cur != nil && t.Name.Local == "text":
				textAt = end
			case depth == 2 && t.Name.Local != "authors" && t.Name.Local != "commentList" && tailAt < 0:
				tailAt = start
			}
		case xml.CharData:
			if author != nil {
				author.Write(t)
			}
		case xml.EndElement:
			switch {
			case depth == 1 && tailAt >= 0:
				c.tail = string(b[tailAt:start])
			case depth == 3 && author != nil:
				c.authors = append(c.authors, author.String())
				author = nil
			case depth == 3 && cur != nil:
				c.list = append(c.list, *cur)
				cur = nil
			case depth == 4 && cur != nil && textAt >= 0:
				cur.text = string(b[textAt:start])
				textAt = -1
			}
			depth--
		}
	}
	if c.head == "" {
		return nil, errors.New("no root element")
	}
	return c, nil
}

// add puts the notes into c and returns the cells whose text changed.
func (c *comments) add(author string, notes []Note) map[[2]int]bool {
	aid := slices.Index(c.authors, author)
	if aid < 0 {
		aid = len(c.authors)
		c.authors = append(c.authors, author)
	}
	touched := map[[2]int]bool{}
	for _, n := range notes {
		col, row, err := excelize.CellNameToCoordinates(n.Cell)
		if err != nil {
			continue
		}
		key := [2]int{row, col}
		i := slices.IndexFunc(c.list, func(x comment) bool { return cellKey(x.ref) == key })
		if i < 0 {
			ref, _ := excelize.CoordinatesToCellName(col, row)
			c.list = append(c.list, comment{ref: ref, author: aid,
				text: c.run(author+"：", true) + c.run("\n"+noteText(n.Text), false)})
		} else {
			c.list[i].text = c.appendRun(c.list[i].text, "\n"+author+"："+noteText(n.Text))
		}
		touched[key] = true
	}
	slices.SortStableFunc(c.list, func(a, b comment) int {
		ka, kb := cellKey(a.ref), cellKey(b.ref)
		if ka[0] != kb[0] {
			return ka[0] - kb[0]
		}
		return ka[1] - kb[1]
	})
	return touched
}

// appendRun adds a run of text at the end of a comment's rich text, before any phonetic runs.
func (c *comments) appendRun(text, s string) string {
	at := len(text)
	for _, el := range []string{"rPh", "phoneticPr"} {
		if i := strings.Index(text, "<"+c.prefix+el); i >= 0 && i < at {
			at = i
		}
	}
	return text[:at] + c.run(s, false) + text[at:]
}

// run is one rich-text run of a note, in the font Excel gives notes.
func (c *comments) run(s string, bold bool) string {
	b := ""
	if bold {
		b = "<" + c.prefix + "b/>"
	}
	p := c.prefix
	return fmt.Sprintf(`<%[1]sr><%[1]srPr>%[2]s<%[1]ssz val="9"/><%[1]scolor indexed="81"/><%[1]srFont val="宋体"/><%[1]scharset val="134"/></%[1]srPr><%[1]st xml:space="preserve">%[3]s</%[1]st></%[1]sr>`,
		p, b, escape(s))
}

func (c *comments) bytes() []byte {
	var b strings.Builder
	p := c.prefix
	b.WriteString(c.head)
	fmt.Fprintf(&b, "<%sauthors>", p)
	for _, a := range c.authors {
		fmt.Fprintf(&b, "<%[1]sauthor>%[2]s</%[1]sauthor>", p, escape(a))
	}
	fmt.Fprintf(&b, "</%[1]sauthors><%[1]scommentList>", p)
	for _, x := range c.list {
		fmt.Fprintf(&b, `<%[1]scomment ref="%[2]s" authorId="%[3]d"%[4]s><%[1]stext>%[5]s</%[1]stext></%[1]scomment>`,
			p, escape(x.ref), min(max(x.author, 0), len(c.authors)-1), x.attrs, x.text)
	}
	fmt.Fprintf(&b, "</%scommentList>%s</%scomments>", p, c.tail, p)
	return []byte(b.String())
}

// cellKey is the (row, column) of an A1 reference; (0, 0) when it is not one.
func cellKey(ref string) [2]int {
	col, row, err := excelize.CellNameToCoordinates(strings.ReplaceAll(ref, "$", ""))
	if err != nil {
		return [2]int{}
	}
	return [2]int{row, col}
}

var reEscapeLike = regexp.MustCompile(`(?i)_x[0-9a-f]{4}_`)

// noteText makes s safe in a note: no characters XML cannot hold, _xHHHH_ kept literal
// (Excel would read it as an escaped character), and within a comment's length limit.
func noteText(s string) string {
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
			return r
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
			return -1
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	s = reEscapeLike.ReplaceAllStringFunc(s, func(m string) string { return "_x005F" + m })
	if r := []rune(s); len(r) > maxNoteText {
		s = string(r[:maxNoteText]) + "…"
	}
	return s
}

func escape(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(s))
	return b.String()
}

// ---- the VML part ----

const newVML = `<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">
</xml>`

const (
	nsV = "urn:schemas-microsoft-com:vml"
	nsO = "urn:schemas-microsoft-com:office:office"
	nsX = "urn:schemas-microsoft-com:office:excel"
)

// fitShapes makes the VML part hold exactly one Note shape per comment of cs: the cells in
// touched get a new box sized to their text, other comments keep theirs, boxes without a
// comment and second boxes of a cell go.
func (p *zipPackage) fitShapes(part string, vml []byte, cs *comments, touched map[[2]int]bool) ([]byte, error) {
	v, o, x, vml := vmlPrefixes(vml)
	reShape := regexp.MustCompile(`(?s)<` + regexp.QuoteMeta(v) + `shape\b[^>]*?(?:/>|>.*?</` + regexp.QuoteMeta(v) + `shape\s*>)`)
	reRow := regexp.MustCompile(`<` + regexp.QuoteMeta(x) + `Row>\s*(\d+)\s*<`)
	reCol := regexp.MustCompile(`<` + regexp.QuoteMeta(x) + `Column>\s*(\d+)\s*<`)
	reNote := regexp.MustCompile(`ObjectType\s*=\s*["']Note["']`)

	want := map[[2]int]bool{}
	for _, c := range cs.list {
		want[cellKey(c.ref)] = true
	}
	have := map[[2]int]bool{}
	var cut [][2]int
	for _, m := range reShape.FindAllIndex(vml, -1) {
		sh := vml[m[0]:m[1]]
		if !reNote.Match(sh) {
			continue
		}
		r, c := reRow.FindSubmatch(sh), reCol.FindSubmatch(sh)
		if r == nil || c == nil {
			cut = append(cut, [2]int{m[0], m[1]})
			continue
		}
		row, _ := strconv.Atoi(string(r[1]))
		col, _ := strconv.Atoi(string(c[1]))
		key := [2]int{row + 1, col + 1}
		if touched[key] || have[key] || !want[key] {
			cut = append(cut, [2]int{m[0], m[1]})
			continue
		}
		have[key] = true
	}
	for i := len(cut) - 1; i >= 0; i-- {
		vml = splice(vml, cut[i][0], cut[i][1], "")
	}

	blocks := p.ownBlocks(part, vml)
	var add strings.Builder
	if !regexp.MustCompile(`<` + regexp.QuoteMeta(v) + `shapetype\b[^>]*\bid\s*=\s*["']_x0000_t202["']`).Match(vml) {
		fmt.Fprintf(&add, `<%[1]sshapetype id="_x0000_t202" coordsize="21600,21600" %[2]sspt="202" path="m,l,21600r21600,l21600,xe">`+
			`<%[1]sstroke joinstyle="miter"/><%[1]spath gradientshapeok="t" %[2]sconnecttype="rect"/></%[1]sshapetype>`, v, o)
	}
	z := 1
	for _, c := range cs.list {
		key := cellKey(c.ref)
		if key[0] == 0 || have[key] {
			continue
		}
		id, newBlock := p.nextShapeID(part, &blocks)
		if newBlock {
			vml = setIDMap(vml, v, o, blocks)
		}
		lines := strings.Count(c.text, "\n") + 1 + len([]rune(plainText(c.text)))/24
		fmt.Fprintf(&add, "\n"+`<%[1]sshape id="_x0000_s%[4]d" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:%[5]dpt;height:%[6]dpt;z-index:%[7]d;visibility:hidden" fillcolor="#ffffe1" %[2]sinsetmode="auto">`+
			`<%[1]sfill color2="#ffffe1"/><%[1]sshadow on="t" color="black" obscured="t"/><%[1]spath %[2]sconnecttype="none"/>`+
			`<%[1]stextbox style="mso-direction-alt:auto"><div style="text-align:left"></div></%[1]stextbox>`+
			`<%[3]sClientData ObjectType="Note"><%[3]sMoveWithCells/><%[3]sSizeWithCells/><%[3]sAnchor>%[8]s</%[3]sAnchor>`+
			`<%[3]sAutoFill>False</%[3]sAutoFill><%[3]sRow>%[9]d</%[3]sRow><%[3]sColumn>%[10]d</%[3]sColumn></%[3]sClientData></%[1]sshape>`,
			v, o, x, id, 240, min(40+12*lines, 400), z, anchor(key, lines), key[0]-1, key[1]-1)
		z++
	}
	if len(blocks) > 0 && !reIDMap.Match(vml) {
		vml = setIDMap(vml, v, o, blocks)
	}
	ends := regexp.MustCompile(`(?i)</xml\s*>`).FindAllIndex(vml, -1)
	if len(ends) == 0 {
		return nil, errors.New("no </xml>")
	}
	at := ends[len(ends)-1][0]
	return splice(vml, at, at, add.String()+"\n"), nil
}

// anchor places a note's box to the right of its cell, as Excel does: columns and rows
// with offsets in pixels.
func anchor(key [2]int, lines int) string {
	row, col := key[0]-1, key[1]-1
	top := max(row-1, 0)
	return fmt.Sprintf("%d, 15, %d, 10, %d, 15, %d, 4", col+1, top, col+5, top+min(3+lines, 25))
}

var reTags = regexp.MustCompile(`<[^>]*>`)

func plainText(s string) string { return reTags.ReplaceAllString(s, "") }

// vmlPrefixes returns the prefixes ("v:", "o:", "x:") the VML part binds its namespaces to,
// declaring the missing ones on the root.
func vmlPrefixes(vml []byte) (v, o, x string, out []byte) {
	out = vml
	var missing strings.Builder
	find := func(ns, std string) string {
		m := regexp.MustCompile(`xmlns:([\w.-]+)\s*=\s*["']` + regexp.QuoteMeta(ns) + `["']`).FindSubmatch(vml)
		if m != nil {
			return string(m[1]) + ":"
		}
		fmt.Fprintf(&missing, ` xmlns:%s="%s"`, std, ns)
		return std + ":"
	}
	v, o, x = find(nsV, "v"), find(nsO, "o"), find(nsX, "x")
	if missing.Len() > 0 {
		if m := regexp.MustCompile(`(?i)<xml\b`).FindIndex(out); m != nil {
			out = splice(out, m[1], m[1], missing.String())
		}
	}
	return v, o, x, out
}

// ownBlocks lists the id blocks the VML part may allocate in: its own, used by no other part.
func (p *zipPackage) ownBlocks(part string, vml []byte) []int {
	var out []int
	for _, b := range vmlBlocks(vml) {
		if owner, ok := p.blockOwner[b]; !ok || strings.EqualFold(owner, part) {
			out = append(out, b)
			p.blockOwner[b] = part
		}
	}
	return out
}

// nextShapeID returns an unused shape id in one of blocks, adding a block no part uses when
// they are full.
func (p *zipPackage) nextShapeID(part string, blocks *[]int) (int, bool) {
	for _, b := range *blocks {
		for id := max(b*shapesInBlock+1, 1); id <= b*shapesInBlock+shapesInBlock; id++ {
			if b > 0 && !p.usedIDs[id] {
				p.usedIDs[id] = true
				return id, false
			}
		}
	}
	b := 1
	for ; ; b++ {
		if _, ok := p.blockOwner[b]; !ok {
			break
		}
	}
	p.blockOwner[b] = part
	*blocks = append(*blocks, b)
	id := b*shapesInBlock + 1
	p.usedIDs[id] = true
	return id, true
}

// setIDMap writes the part's o:idmap, adding one when it has none.
func setIDMap(vml []byte, v, o string, blocks []int) []byte {
	var ids []string
	for _, b := range blocks {
		if b > 0 {
			ids = append(ids, strconv.Itoa(b))
		}
	}
	data := strings.Join(ids, ",")
	if m := reIDMap.FindSubmatchIndex(vml); m != nil {
		return splice(vml, m[2], m[3], data)
	}
	layout := fmt.Sprintf(`<%[2]sshapelayout %[1]sext="edit"><%[2]sidmap %[1]sext="edit" data="%[3]s"/></%[2]sshapelayout>`, v, o, data)
	if m := regexp.MustCompile(`(?i)<xml\b[^>]*>`).FindIndex(vml); m != nil {
		return splice(vml, m[1], m[1], "\n"+layout)
	}
	return vml
}

// ---- paths ----

func splice(b []byte, from, to int, s string) []byte {
	out := make([]byte, 0, len(b)-(to-from)+len(s))
	out = append(out, b[:from]...)
	out = append(out, s...)
	return append(out, b[to:]...)
}

// relsPart is the relationships part of part ("" for the package).
func relsPart(part string) string {
	if part == "" {
		return "_rels/.rels"
	}
	return path.Join(path.Dir(part), "_rels", path.Base(part)+".rels")
}

// resolve resolves a relationship target against the folder of its source part.
func resolve(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Clean(path.Join(dir, target))
}

// relTarget is the relative target from part's folder to target.
func relTarget(part, target string) string {
	from := strings.Split(path.Dir(part), "/")
	to := strings.Split(target, "/")
	if path.Dir(part) == "." {
		from = nil
	}
	i := 0
	for i < len(from) && i < len(to)-1 && from[i] == to[i] {
		i++
	}
	return strings.Repeat("../", len(from)-i) + strings.Join(to[i:], "/")
}
