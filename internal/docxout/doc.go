// Package docxout is the writer kit for Word documents (WordprocessingML, ISO/IEC 29500
// Transitional), the counterpart of xlsxout for workbooks. It imports nothing of the project and
// only the standard library: Go has no maintained, freely licensed .docx library.
//
// A Document is one section of pages (size, margins, the line and character grid of GB/T
// 9704-2012), footers for odd and even pages, and a body of blocks in order: paragraphs (Para) of
// runs (Run), and tables (Table). Write renders it as a package:
//
//	[Content_Types].xml, _rels/.rels
//	word/document.xml    the body, ending with its w:sectPr
//	word/styles.xml      the defaults (font, size, exact line spacing) and the Normal style
//	word/settings.xml    evenAndOddHeaders when the even pages have their own footer
//	word/fontTable.xml   every font used, with the fallbacks of the Chinese government fonts
//	word/footer1.xml     odd pages (all pages when there is no even footer)
//	word/footer2.xml     even pages
//	docProps/core.xml, docProps/app.xml
//
// What Word, WPS 文字 and LibreOffice render alike is used and nothing else: numbers and headings
// are literal text (no auto numbering), tables write both w:tblW and w:tblGrid (WPS lays a table
// out by the grid, Word by the widths) and have no merged cells. Text is escaped by encoding/xml
// after the characters XML 1.0 forbids are dropped; nothing is cut for length. The output is a
// function of the Document alone: the same Document writes the same bytes.
package docxout

import (
	"errors"
	"io"
	"math"
	"time"
)

// Length is a length in twentieths of a point (twips), WordprocessingML's unit of page geometry.
type Length int

// MM is the Length of mm millimetres, rounded to the nearest twip.
func MM(mm float64) Length { return Length(math.Round(mm * 1440 / 25.4)) }

// Pt is the Length of pt points.
func Pt(pt float64) Length { return Length(math.Round(pt * 20)) }

// Font sizes of Chinese typesetting (字号), in points.
const (
	SizeChu    = 42   // 初号
	Size1      = 26   // 一号
	SizeSmall1 = 24   // 小一
	Size2      = 22   // 二号
	SizeSmall2 = 18   // 小二
	Size3      = 16   // 三号
	SizeSmall3 = 15   // 小三
	Size4      = 14   // 四号
	SizeSmall4 = 12   // 小四
	Size5      = 10.5 // 五号
)

// The fonts of Chinese government documents as their machines name them, and the names of
// the fonts that stand in for them elsewhere (Windows' own, and what fontconfig matches).
const (
	FontXiaoBiaoSong = "方正小标宋简体"   // titles and mastheads
	FontFangSong     = "仿宋_GB2312" // body text
	FontHei          = "黑体"        // first-level headings (一、)
	FontKai          = "楷体_GB2312" // second-level headings (（一）)
	FontSong         = "宋体"        // page numbers
)

// Red is the red of mastheads and their rule.
const Red = "FF0000"

// Page is the paper and the type area of the document's one section.
type Page struct {
	Width, Height            float64 // paper, mm
	Top, Bottom, Left, Right float64 // margins, mm
	Header, Footer           float64 // from the paper's edge to the header's top and the footer's bottom, mm
	// Lines and Chars, when both are above zero, set the document grid: Lines lines to the
	// type area's height (w:docGrid, and the default exact line height) and Chars characters
	// of the default size to its width. The characters are fitted by a default character
	// spacing (紧缩 by a fraction of a point), not by w:docGrid's character pitch: LibreOffice
	// gives a character wider than that pitch two grid cells, so that 3号 text on a 28-a-line
	// grid (15.79 pt a cell) ran 14 characters a line; spacing lays out 28 in Word, WPS and
	// LibreOffice alike.
	Lines, Chars int
}

// GovPage is the page of GB/T 9704-2012: A4; 天头 (top) 37 mm, 订口 (left) 28 mm, 版心 156 ×
// 225 mm, so right 26 mm and bottom 35 mm; 22 lines of 28 characters of 3号 type; the page
// number's line about 7 mm below the type area.
func GovPage() Page {
	return Page{
		Width: 210, Height: 297,
		Top: 37, Bottom: 35, Left: 28, Right: 26,
		Header: 15, Footer: 22,
		Lines: 22, Chars: 28,
	}
}

// TextWidth is the width of the type area (版心).
func (p Page) TextWidth() Length { return MM(p.Width) - MM(p.Left) - MM(p.Right) }

// LinePitch is the height of one grid line, at most the type area's height over Lines (so
// that Lines lines fit), or 0 without a grid.
func (p Page) LinePitch() Length {
	if p.Lines <= 0 || p.Chars <= 0 {
		return 0
	}
	return Length(math.Floor(float64(MM(p.Height)-MM(p.Top)-MM(p.Bottom)) / float64(p.Lines)))
}

// CharSpacing is the spacing that fits Chars characters of size pt to a line (negative:
// condensed), rounded down to whole twips so that they do fit, or 0 without a grid.
func (p Page) CharSpacing(size float64) Length {
	if p.LinePitch() == 0 {
		return 0
	}
	pitch := float64(p.TextWidth()) / float64(p.Chars)
	return Length(math.Floor(pitch - size*20))
}

// Props are the document properties (docProps/core.xml and app.xml). Description carries the
// mark by which duban knows its own documents, as it does for its workbooks.
type Props struct {
	Application string // app.xml's Application
	Company     string // app.xml's Company
	Creator     string // also the last modifier
	Title       string
	Subject     string
	Description string
	Created     time.Time // also the modification time; zero writes none
}

// Document is a document of one section. The zero value is not useful: start from New.
type Document struct {
	Page  Page
	Props Props
	// The default run: East Asian font, Latin font (empty: the same) and size in points.
	Font, ASCIIFont string
	Size            float64
	// Line is the default exact line height (0: single spacing); GovPage's grid pitch for the
	// body text of a 公文.
	Line Length
	// Footer is on every page, or on odd pages when FooterEven is set.
	Footer     []Para
	FooterEven []Para
	Body       []Block
}

// Block is a block-level element of the body: a Para or a Table.
type Block interface {
	writeBlock(x *xw, d *Document) error
}

// New is an empty document on page p with 3号 仿宋 body text on p's grid.
func New(p Page) *Document {
	return &Document{Page: p, Font: FontFangSong, Size: Size3, Line: p.LinePitch()}
}

// Add appends blocks to the body.
func (d *Document) Add(b ...Block) { d.Body = append(d.Body, b...) }

// ErrTable is wrapped by Write's error for a table whose rows do not match its columns.
var ErrTable = errors.New("docxout: table rows must have one cell per column")

// Write writes the document as a .docx package to w.
func (d *Document) Write(w io.Writer) error {
	parts, err := d.parts()
	if err != nil {
		return err
	}
	return writeZip(w, parts)
}

// PageNumber is a footer paragraph `— N —` (N the PAGE field) one character in from the
// side given: GB/T 9704-2012 7.5 puts odd pages' numbers right and even pages' left, one
// character in from the type area's edge, in 4号 半角宋体 Arabic digits.
func PageNumber(side Align, font string, size float64) Para {
	p := Para{Align: side, NoGrid: true, Line: -1}
	switch side {
	case Right:
		p.Right = 1
	case Left:
		p.Left = 1
	}
	r := Run{Font: font, Size: size}
	dash := r
	dash.Text = "— "
	num := r
	num.Field, num.Text = "PAGE", "1"
	end := r
	end.Text = " —"
	p.Runs = []Run{dash, num, end}
	return p
}
