package docxout

import (
	"cmp"
	"math"
	"strings"
)

// Align is a paragraph's (or a table's) alignment.
type Align int

const (
	Both   Align = iota // justified, the default of body text
	Left                // flush left
	Center              // centred
	Right               // flush right
)

func (a Align) jc() string {
	switch a {
	case Left:
		return "left"
	case Center:
		return "center"
	case Right:
		return "right"
	}
	return "both"
}

// Border is a line: its width in eighths of a point (4 is ½ pt, the thinnest Word draws
// alike everywhere) and its colour (RRGGBB; empty is black).
type Border struct {
	Size  int
	Color string
}

func (b Border) write(x *xw, name string) {
	color := b.Color
	if color == "" {
		color = "000000"
	}
	size := min(max(b.Size, 2), 96)
	x.empty(name, "w:val", "single", "w:sz", itoa(size), "w:space", "0", "w:color", color)
}

// Tab is a tab stop: a position from the paragraph's left edge (the margin) and the side of
// the text it aligns.
type Tab struct {
	Pos   Length
	Align Align // Left (the default when Both), Center or Right
}

// Para is a paragraph. Indents are in characters of the paragraph's first run (so 2 is the
// 首行缩进二字 of body text); they are written both as characters (Word, WPS) and as twips of
// the document's default size (readers that ignore the former).
type Para struct {
	Runs      []Run
	Align     Align
	FirstLine float64 // first-line indent, characters
	Left      float64 // left indent, characters
	Right     float64 // right indent, characters
	// Line is the exact line height; 0 takes the document's (and single spacing without one),
	// a negative Line is single spacing in any case.
	Line            Length
	Before, After   Length // space before and after
	PageBreakBefore bool
	KeepNext        bool // on the same page as the next paragraph (headings, a table's caption)
	KeepLines       bool // never split across pages
	// NoGrid takes the paragraph off the document grid: type larger or smaller than the
	// grid's (titles, mastheads, tables) keeps its own spacing instead of a whole number of
	// grid cells per character and line.
	NoGrid bool
	Rule   *Border // a line below the paragraph (the red rule under a masthead)
	Tabs   []Tab
}

// Run is text in one format. In Text a tab ('\t') is a tab and a line feed a line break; a
// carriage return is dropped.
type Run struct {
	Text      string
	Font      string  // East Asian font; empty: the document's
	ASCIIFont string  // Latin font; empty: Font, else the document's
	Size      float64 // points; 0: the document's
	Bold      bool
	Color     string // RRGGBB; empty: automatic
	// Field, when set, makes the run a field with this instruction (e.g. "PAGE"), Text being
	// its result as shown until the reader updates it.
	Field string
}

// Text is a paragraph of one run.
func Text(s string, r Run) Para {
	r.Text = s
	return Para{Runs: []Run{r}}
}

func (p Para) writeBlock(x *xw, d *Document) error {
	p.write(x, d)
	return nil
}

func (p Para) write(x *xw, d *Document) {
	x.open("w:p")
	p.writePPr(x, d)
	for _, r := range p.Runs {
		r.write(x)
	}
	x.close("w:p")
}

// twips of n characters of the paragraph's type.
func (p Para) charsTwips(d *Document, n float64) string {
	size := d.Size
	if len(p.Runs) > 0 && p.Runs[0].Size > 0 {
		size = p.Runs[0].Size
	}
	return itoa(int(math.Round(n * size * 20)))
}

func hundredths(n float64) string { return itoa(int(math.Round(n * 100))) }

func (p Para) writePPr(x *xw, d *Document) {
	x.open("w:pPr")
	if p.KeepNext {
		x.empty("w:keepNext")
	}
	if p.KeepLines {
		x.empty("w:keepLines")
	}
	if p.PageBreakBefore {
		x.empty("w:pageBreakBefore")
	}
	if p.Rule != nil {
		x.open("w:pBdr")
		p.Rule.write(x, "w:bottom")
		x.close("w:pBdr")
	}
	if len(p.Tabs) > 0 {
		x.open("w:tabs")
		for _, t := range p.Tabs {
			v := "left"
			switch t.Align {
			case Center:
				v = "center"
			case Right:
				v = "right"
			}
			x.empty("w:tab", "w:val", v, "w:pos", itoa(int(t.Pos)))
		}
		x.close("w:tabs")
	}
	if p.NoGrid {
		x.val("w:snapToGrid", "0")
	}
	p.writeSpacing(x, d)
	if p.FirstLine != 0 || p.Left != 0 || p.Right != 0 {
		var a []string
		if p.Left != 0 {
			a = append(a, "w:left", p.charsTwips(d, p.Left), "w:leftChars", hundredths(p.Left))
		}
		if p.Right != 0 {
			a = append(a, "w:right", p.charsTwips(d, p.Right), "w:rightChars", hundredths(p.Right))
		}
		if p.FirstLine > 0 {
			a = append(a, "w:firstLine", p.charsTwips(d, p.FirstLine), "w:firstLineChars", hundredths(p.FirstLine))
		}
		x.empty("w:ind", a...)
	}
	x.val("w:jc", p.Align.jc())
	x.close("w:pPr")
}

func (p Para) writeSpacing(x *xw, d *Document) {
	var a []string
	if p.Before > 0 {
		a = append(a, "w:before", itoa(int(p.Before)))
	}
	if p.After > 0 {
		a = append(a, "w:after", itoa(int(p.After)))
	}
	switch line := p.Line; {
	case line > 0:
		a = append(a, "w:line", itoa(int(line)), "w:lineRule", "exact")
	case line < 0 && d.Line > 0:
		a = append(a, "w:line", "240", "w:lineRule", "auto")
	}
	if len(a) > 0 {
		x.empty("w:spacing", a...)
	}
}

func (r Run) writeRPr(x *xw) {
	var fonts []string
	if ascii := cmp.Or(r.ASCIIFont, r.Font); ascii != "" {
		fonts = append(fonts, "w:ascii", ascii, "w:hAnsi", ascii, "w:cs", ascii)
	}
	if r.Font != "" {
		fonts = append(fonts, "w:eastAsia", r.Font)
	}
	if len(fonts) == 0 && !r.Bold && r.Color == "" && r.Size <= 0 {
		return
	}
	x.open("w:rPr")
	if len(fonts) > 0 {
		x.empty("w:rFonts", fonts...)
	}
	if r.Bold {
		x.empty("w:b")
		x.empty("w:bCs")
	}
	if r.Color != "" {
		x.val("w:color", r.Color)
	}
	if r.Size > 0 {
		x.size(r.Size)
	}
	x.close("w:rPr")
}

func (r Run) write(x *xw) {
	if r.Field != "" {
		r.writeField(x)
		return
	}
	x.open("w:r")
	r.writeRPr(x)
	r.writeText(x, "w:t")
	x.close("w:r")
}

// writeText writes the run's text as w:t (or w:instrText) pieces, tabs and breaks between them.
func (r Run) writeText(x *xw, name string) {
	text := strings.ReplaceAll(Clean(r.Text), "\r", "")
	start := 0
	flush := func(end int) {
		if end > start {
			x.text(name, text[start:end], "xml:space", "preserve")
		}
	}
	for i, c := range text {
		switch c {
		case '\t':
			flush(i)
			x.empty("w:tab")
			start = i + 1
		case '\n':
			flush(i)
			x.empty("w:br")
			start = i + 1
		}
	}
	flush(len(text))
}

// writeField writes a complex field: begin, the instruction, separate, the result, end — each
// its own run in the run's format, as Word writes a page number.
func (r Run) writeField(x *xw) {
	mark := func(kind string) {
		x.open("w:r")
		r.writeRPr(x)
		x.empty("w:fldChar", "w:fldCharType", kind)
		x.close("w:r")
	}
	mark("begin")
	x.open("w:r")
	r.writeRPr(x)
	x.text("w:instrText", " "+r.Field+" ", "xml:space", "preserve")
	x.close("w:r")
	mark("separate")
	x.open("w:r")
	r.writeRPr(x)
	r.writeText(x, "w:t")
	x.close("w:r")
	mark("end")
}
