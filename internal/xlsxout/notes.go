package xlsxout

import (
	"bytes"
	"errors"
	"fmt"
	"path"
	"regexp"
	"strings"
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
// unique in the workbook, in id blocks no other sheet uses. What in pkg would make Excel
// repair the copy is mended on the way (repair.go): the copy is better than its input.
func AddNotes(pkg []byte, author string, notes []Note) ([]byte, error) {
	return AddNotesAndMerges(pkg, author, notes, nil)
}

// AddNotesAndMerges is AddNotes that also writes, into each sheet named in merges (which has
// no merged cells), those merged ranges ("A1:B2"): the ranges TakeMerges took out.
func AddNotesAndMerges(pkg []byte, author string, notes []Note, merges map[string][]string) ([]byte, error) {
	p, err := openPackage(pkg)
	if err != nil {
		return nil, err
	}
	sheets, err := p.sheetParts()
	if err != nil {
		return nil, err
	}
	p.scanShapes()
	if err := p.repair(sheets); err != nil {
		return nil, err
	}
	for s, refs := range merges {
		part, ok := sheets[s]
		b, found := p.get(part)
		if !ok || !found {
			return nil, fmt.Errorf("no sheet %q", s)
		}
		nb, err := putMerges(b, refs)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", part, err)
		}
		p.put(p.nameOf(part), nb)
	}
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
	if m := reLegacyDrawing.Find(sheetXML[afterCells(sheetXML):]); m != nil {
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
	}
	if err := p.ensureContentType(p.nameOf(commentsPart), ctComments, false); err != nil {
		return err
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
	}
	if err := p.ensureContentType(p.nameOf(vmlPart), ctVML, true); err != nil {
		return err
	}
	vml, err = p.fitShapes(vmlPart, vml, cs, touched)
	if err != nil {
		return fmt.Errorf("%s: %w", vmlPart, err)
	}
	p.put(p.nameOf(vmlPart), vml)
	return nil
}

// afterCells is where the elements after the cells of worksheet b start: the last
// "sheetData" is the end of <sheetData> (a cell's text is inside it), 0 if there is none. The
// elements after the cells are searched from there, not through the rows.
func afterCells(b []byte) int {
	return max(bytes.LastIndex(b, []byte("sheetData")), 0)
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
	from := afterCells(b)
	if m := reAfterLegacy.FindIndex(b[from:]); m != nil {
		return splice(b, from+m[0], from+m[0], el), nil
	}
	if m := reSheetEnd.FindAllIndex(b[from:], -1); len(m) > 0 {
		at := from + m[len(m)-1][0]
		return splice(b, at, at, el), nil
	}
	return nil, errors.New("no </worksheet>")
}
