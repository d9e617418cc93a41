package xlsxout

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

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
	at := make(map[[2]int]int, len(c.list)+len(notes)) // the first comment of each cell
	for i := len(c.list) - 1; i >= 0; i-- {
		at[cellKey(c.list[i].ref)] = i
	}
	for _, n := range notes {
		col, row, err := excelize.CellNameToCoordinates(n.Cell)
		if err != nil {
			continue
		}
		key := [2]int{row, col}
		i, ok := at[key]
		if !ok {
			ref, _ := excelize.CoordinatesToCellName(col, row)
			at[key] = len(c.list)
			c.list = append(c.list, comment{ref: ref, author: aid,
				text: c.run(author+"：", true) + c.run("\n"+noteText(n.Text), false)})
		} else {
			c.list[i].text = c.appendRun(c.list[i].text, "\n"+author+"："+noteText(n.Text))
		}
		touched[key] = true
	}
	keys := make(map[string][2]int, len(c.list))
	for _, x := range c.list {
		keys[x.ref] = cellKey(x.ref)
	}
	slices.SortStableFunc(c.list, func(a, b comment) int {
		ka, kb := keys[a.ref], keys[b.ref]
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
