package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/xuri/excelize/v2"
)

// The inputs below are what made annotated copies (check --annotate) and forms (template
// --from) fail: notes Excel already wrote, a sheet without <sheetViews>, sheet names Excel
// would refuse, text with control characters, unit names no file system takes.

// WithParts rebuilds a zip: each entry passes through edit (nil drops it), and the entries of
// add are appended.
func WithParts(data []byte, edit func(name string, b []byte) []byte, add map[string]string) ([]byte, error) {
	out, err := RewriteZip(data, edit)
	if err != nil || len(add) == 0 {
		return out, err
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		if err := zw.Copy(zf); err != nil {
			return nil, err
		}
	}
	for _, name := range sortedKeys(add) {
		w, err := zw.Create(name)
		if err != nil {
			return nil, err
		}
		if _, err := io.WriteString(w, add[name]); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

// books writes a workbook with the given sheets of rows, in order; the first is active.
func books(sheets []string, rows [][][]any) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s); err != nil {
				return nil, err
			}
		} else if _, err := f.NewSheet(s); err != nil {
			return nil, err
		}
		for r, row := range rows[i] {
			if err := f.SetSheetRow(s, fmt.Sprintf("A%d", r+1), &row); err != nil {
				return nil, err
			}
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// excelComments is a comments part as Excel writes it, one note per cell.
func excelComments(author string, notes map[string]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\r\n" +
		`<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="xr" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision">` +
		`<authors><author>` + author + `</author></authors><commentList>`)
	for i, cell := range sortedKeys(notes) {
		fmt.Fprintf(&b, `<comment ref="%s" authorId="0" shapeId="0" xr:uid="{0000000%d-0006-0000-0000-000000000000}"><text>`+
			`<r><rPr><b/><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t>%s:</t></r>`+
			`<r><rPr><sz val="9"/><color indexed="81"/><rFont val="宋体"/><family val="3"/><charset val="134"/></rPr><t xml:space="preserve">`+"\n"+`%s</t></r>`+
			`</text></comment>`, cell, i, author, notes[cell])
	}
	b.WriteString(`</commentList></comments>`)
	return b.String()
}

// excelVML is a VML drawing as Excel writes it for notes: id block `block`, shapes from
// _x0000_s<block*1024+1>, each anchored with <x:Anchor>. cells are (row, column), 0-based.
func excelVML(block int, cells [][2]int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<xml xmlns:v="urn:schemas-microsoft-com:vml"
 xmlns:o="urn:schemas-microsoft-com:office:office"
 xmlns:x="urn:schemas-microsoft-com:office:excel">
 <o:shapelayout v:ext="edit">
  <o:idmap v:ext="edit" data="%d"/>
 </o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202"
  path="m,l,21600r21600,l21600,xe">
  <v:stroke joinstyle="miter"/>
  <v:path gradientshapeok="t" o:connecttype="rect"/>
 </v:shapetype>`, block)
	for i, c := range cells {
		fmt.Fprintf(&b, `<v:shape id="_x0000_s%d" type="#_x0000_t202" style='position:absolute;
  margin-left:107.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:%d;
  visibility:hidden' fillcolor="#ffffe1" o:insetmode="auto">
  <v:fill color2="#ffffe1"/>
  <v:shadow on="t" color="black" obscured="t"/>
  <v:path o:connecttype="none"/>
  <v:textbox style='mso-direction-alt:auto'>
   <div style='text-align:left'></div>
  </v:textbox>
  <x:ClientData ObjectType="Note">
   <x:MoveWithCells/>
   <x:SizeWithCells/>
   <x:Anchor>
    %d, 15, %d, 2, %d, 15, %d, 16</x:Anchor>
   <x:AutoFill>False</x:AutoFill>
   <x:Row>%d</x:Row>
   <x:Column>%d</x:Column>
  </x:ClientData>
 </v:shape>`, block*1024+1+i, i+1, c[1]+1, max(c[0]-1, 0), c[1]+3, c[0]+3, c[0], c[1])
	}
	b.WriteString("</xml>")
	return b.String()
}

// WithExcelNotes returns a two-sheet workbook, the ledger rows on 台账 and a note text on 说明,
// with notes (批注) written as Excel writes them: on 说明!A1 (created first: id block 1,
// _x0000_s1025) and on each cell of ledgerNotes on 台账 (block 2). Annotating a cell that
// already has a note, or any sheet, must keep shape ids unique and one box per cell.
func WithExcelNotes(ledger [][]any, ledgerNotes map[string]string) ([]byte, error) {
	data, err := books([]string{"台账", "说明"}, [][][]any{ledger, {{"本表由办公室填写"}}})
	if err != nil {
		return nil, err
	}
	var cells [][2]int
	for _, ref := range sortedKeys(ledgerNotes) {
		c, r, err := excelize.CellNameToCoordinates(ref)
		if err != nil {
			return nil, err
		}
		cells = append(cells, [2]int{r - 1, c - 1})
	}
	legacy := `<legacyDrawing r:id="rId9"/>`
	rels := func(n int) string {
		return fmt.Sprintf(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`+"\r\n"+
			`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
			`<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing" Target="../drawings/vmlDrawing%d.vml"/>`+
			`<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="../comments%d.xml"/></Relationships>`, n, n)
	}
	edit := func(name string, b []byte) []byte {
		switch name {
		case "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml":
			s := string(b)
			if !strings.Contains(s, `xmlns:r=`) {
				s = strings.Replace(s, "<worksheet ", `<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" `, 1)
			}
			return []byte(strings.Replace(s, "</worksheet>", legacy+"</worksheet>", 1))
		case "[Content_Types].xml":
			return []byte(strings.Replace(string(b), "</Types>",
				`<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>`+
					`<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>`+
					`<Override PartName="/xl/comments2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/></Types>`, 1))
		}
		return b
	}
	return WithParts(data, edit, map[string]string{
		"xl/worksheets/_rels/sheet1.xml.rels": rels(1),
		"xl/worksheets/_rels/sheet2.xml.rels": rels(2),
		"xl/comments1.xml":                    excelComments("王科长", ledgerNotes),
		"xl/drawings/vmlDrawing1.vml":         excelVML(2, cells),
		"xl/comments2.xml":                    excelComments("王科长", map[string]string{"A1": "请勿修改本页"}),
		"xl/drawings/vmlDrawing2.vml":         excelVML(1, [][2]int{{0, 0}}),
	})
}

var reSheetViews = regexp.MustCompile(`(?s)<sheetViews>.*?</sheetViews>`)

// WithoutSheetViews returns a workbook whose active sheet is 说明 and whose second sheet, the
// ledger 台账, has no <sheetViews> (the schema allows it; excelize's MoveSheet dereferences it).
func WithoutSheetViews(ledger [][]any) ([]byte, error) {
	data, err := books([]string{"说明", "台账"}, [][][]any{{{"填报说明"}}, ledger})
	if err != nil {
		return nil, err
	}
	return RewriteZip(data, func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet2.xml" {
			return reSheetViews.ReplaceAll(b, nil)
		}
		return b
	})
}

// WithSheetName returns a one-sheet ledger workbook whose sheet is named name, which may be
// one Excel refuses (more than 31 characters, an apostrophe at the end): other programs write
// them, and excelize refuses to touch such a sheet.
func WithSheetName(name string, ledger [][]any) ([]byte, error) {
	data, err := Book("台账", ledger)
	if err != nil {
		return nil, err
	}
	var esc strings.Builder
	if err := xmlEscape(&esc, name); err != nil {
		return nil, err
	}
	return RewriteZip(data, func(n string, b []byte) []byte {
		if n == "xl/workbook.xml" {
			return bytes.Replace(b, []byte(`name="台账"`), []byte(`name="`+esc.String()+`"`), 1)
		}
		return b
	})
}

func xmlEscape(w io.Writer, s string) error {
	r := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;", "'", "&apos;")
	_, err := io.WriteString(w, r.Replace(s))
	return err
}

// LongName is a 60-character sheet name with an apostrophe, as other programs write.
var LongName = strings.Repeat("市政府常务会议议定事项落实情况", 4) + "'"

// HostileUnits are unit names no file system takes as they are: 300 characters, and the
// characters Windows forbids in file names.
var HostileUnits = []string{
	strings.Repeat("市发展和改革委员会", 33) + "办公室",
	`市住建局/城管局:联合*工作?专班"<一>|二`,
	`市住建局\城管局:联合*工作?专班"<一>|二`, // the same name once made safe: must not overwrite
}

// MasterList returns a master list (交办清单) with one item for each unit.
func MasterList(units []string) [][]any {
	rows := [][]any{{"序号", "类别", "会议", "事项内容", "牵头单位", "完成时限"}}
	for i, u := range units {
		rows = append(rows, []any{i + 1, "市政府常务会议", "市政府第3次常务会议", fmt.Sprintf("交办事项%d", i+1), u, "2024-12-31"})
	}
	return rows
}

// ControlText is cell text with control characters, as Excel escapes them (_x0001_) and with
// a literal escape-like text, for messages that quote raw values.
const ControlText = "坏日期_x0001__x0008_ _x005F_x0007_"

// Inputs whose annotated copies Excel would repair if they were copied as they are (issue 20):
// numbers that are not finite, texts over Excel's 32,767 characters, notes' VML parts without
// a content type, no styles part. Other programs write each of them, and Excel opens them.

// WithCells returns a ledger workbook (one sheet, 台账) in which each cell of raw is the given
// <c> element instead of what excelize wrote: `<c r="D2"><v>NaN</v></c>`. The cell must have
// a value in ledger.
func WithCells(ledger [][]any, raw map[string]string) ([]byte, error) {
	data, err := Book("台账", ledger)
	if err != nil {
		return nil, err
	}
	var missing []string
	out, err := RewriteZip(data, func(name string, b []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return b
		}
		for _, ref := range sortedKeys(raw) {
			re := regexp.MustCompile(`<c r="` + ref + `"[^>]*?(?:/>|>.*?</c>)`)
			if !re.Match(b) {
				missing = append(missing, ref)
				continue
			}
			b = re.ReplaceAllLiteral(b, []byte(raw[ref]))
		}
		return b
	})
	if len(missing) > 0 {
		return nil, fmt.Errorf("no cells %v in the ledger", missing)
	}
	return out, err
}

// WithLongText returns a ledger workbook in which the shared string placeholder (a value of
// ledger) is text, which may be longer than Excel's 32,767 characters (excelize would cut it).
func WithLongText(ledger [][]any, placeholder, text string) ([]byte, error) {
	data, err := Book("台账", ledger)
	if err != nil {
		return nil, err
	}
	var esc strings.Builder
	if err := xmlEscape(&esc, text); err != nil {
		return nil, err
	}
	found := false
	out, err := RewriteZip(data, func(name string, b []byte) []byte {
		if name == "xl/sharedStrings.xml" {
			found = bytes.Contains(b, []byte(">"+placeholder+"<"))
			return bytes.Replace(b, []byte(">"+placeholder+"<"), []byte(">"+esc.String()+"<"), 1)
		}
		return b
	})
	if err == nil && !found {
		err = fmt.Errorf("no shared string %q", placeholder)
	}
	return out, err
}

// WithoutStyles returns a ledger workbook without a styles part, its relationship and its
// content type, as some programs write (excelize opens it, then fails in NewStyle).
func WithoutStyles(ledger [][]any) ([]byte, error) {
	data, err := Book("台账", ledger)
	if err != nil {
		return nil, err
	}
	override := regexp.MustCompile(`<Override PartName="/xl/styles.xml"[^>]*/>`)
	rel := regexp.MustCompile(`<Relationship [^>]*/styles"[^>]*/>`)
	return RewriteZip(data, func(name string, b []byte) []byte {
		switch name {
		case "xl/styles.xml":
			return nil
		case "[Content_Types].xml":
			return override.ReplaceAll(b, nil)
		case "xl/_rels/workbook.xml.rels":
			return rel.ReplaceAll(b, nil)
		}
		return b
	})
}

// WithUndeclaredVML is WithExcelNotes without the content type of the VML parts (no Default
// for .vml), as some programs write.
func WithUndeclaredVML(ledger [][]any, ledgerNotes map[string]string) ([]byte, error) {
	data, err := WithExcelNotes(ledger, ledgerNotes)
	if err != nil {
		return nil, err
	}
	vml := regexp.MustCompile(`<Default Extension="vml"[^>]*/>`)
	return RewriteZip(data, func(name string, b []byte) []byte {
		if name == "[Content_Types].xml" {
			return vml.ReplaceAll(b, nil)
		}
		return b
	})
}

// WithMerges returns a ledger workbook (one sheet, 台账) with the merged ranges merges
// ("G2:H2"), written straight into the sheet's XML: excelize checks each new merge against
// all earlier ones.
func WithMerges(ledger [][]any, merges []string) ([]byte, error) {
	data, err := Book("台账", ledger)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	fmt.Fprintf(&b, `<mergeCells count="%d">`, len(merges))
	for _, m := range merges {
		fmt.Fprintf(&b, `<mergeCell ref="%s"/>`, m)
	}
	b.WriteString(`</mergeCells>`)
	found := false
	out, err := RewriteZip(data, func(name string, x []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return x
		}
		i := bytes.Index(x, []byte("</sheetData>"))
		if i < 0 {
			return x
		}
		found = true
		i += len("</sheetData>")
		return slicesConcat(x[:i], []byte(b.String()), x[i:])
	})
	if err == nil && !found {
		err = fmt.Errorf("no </sheetData> in the ledger")
	}
	return out, err
}
