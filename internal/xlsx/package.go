package xlsx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// The package structure: which sheets, in which parts, and the workbook's properties.

type sheetInfo struct {
	name      string
	part      string // zip path of the sheet's XML, e.g. xl/worksheets/sheet1.xml
	hidden    bool
	worksheet bool // a worksheet, not a chart sheet or dialog
}

type workbookPackage struct {
	workbook string               // zip path of the workbook part
	files    map[string]*zip.File // by name, with / for \
	lower    map[string]*zip.File // by lower-case name
	sheets   []sheetInfo
	sst      string // zip path of the shared strings, "" if none
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

type xmlWorkbook struct {
	Pr struct {
		Date1904 string `xml:"date1904,attr"`
	} `xml:"workbookPr"`
	Sheets []struct {
		Name  string     `xml:"name,attr"`
		State string     `xml:"state,attr"`
		Attrs []xml.Attr `xml:",any,attr"`
	} `xml:"sheets>sheet"`
}

// readPackage reads an OOXML package: its structure, properties, shared strings and every
// worksheet.
func readPackage(zr *zip.Reader) (*Book, error) {
	pkg, wb, err := readStructure(zr)
	if err != nil {
		return nil, err
	}
	book := &Book{Format: XLSX}
	book.Date1904 = wb.Pr.Date1904 == "1" || strings.EqualFold(wb.Pr.Date1904, "true")
	var core struct {
		Description string `xml:"description"`
	}
	if err := pkg.decode("docProps/core.xml", &core); err != nil && !errors.Is(err, ErrMissingPart) {
		return nil, err
	}
	book.Description = core.Description

	var sst []string
	if zf := pkg.file(pkg.sst); pkg.sst != "" && zf != nil {
		if sst, err = readSharedStrings(zf, pkg.sst); err != nil {
			return nil, err
		}
	}
	parsed := map[string]*Sheet{}
	for _, s := range pkg.sheets {
		sh := &Sheet{Name: s.name, Hidden: s.hidden, Kind: OtherSheet}
		book.Sheets = append(book.Sheets, sh)
		if !s.worksheet {
			continue
		}
		sh.Kind = Worksheet
		if p := parsed[s.part]; p != nil {
			sh.Rows, sh.Merges, sh.LastRow, sh.Far, sh.Repeats = p.Rows, p.Merges, p.LastRow, p.Far, p.Name
			continue
		}
		zf := pkg.file(s.part)
		if zf == nil {
			return nil, &FormatError{Part: s.part, Offset: -1, Err: ErrMissingPart}
		}
		if err := readWorksheet(zf, s.part, sst, sh); err != nil {
			return nil, err
		}
		parsed[s.part] = sh
	}
	return book, nil
}

// readStructure finds the workbook part, its sheets and their parts, and the shared strings.
func readStructure(zr *zip.Reader) (*workbookPackage, *xmlWorkbook, error) {
	pkg := &workbookPackage{files: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		low := strings.ToLower(name)
		if other := pkg.lower[low]; other != nil {
			// Which of the two a program reads depends on the program: Excel could show one
			// table and duban another.
			return nil, nil, &FormatError{Part: name, Offset: -1, Err: fmt.Errorf("%w: %s", ErrAmbiguousPart, other.Name)}
		}
		pkg.files[name] = zf
		pkg.lower[low] = zf
	}
	if len(pkg.files) == 0 {
		return nil, nil, &FormatError{Offset: -1, Err: ErrNoEntries}
	}
	wbPath := "xl/workbook.xml"
	var root xmlRels
	if err := pkg.decode("_rels/.rels", &root); err == nil {
		for _, rel := range root.Rels {
			if strings.HasSuffix(rel.Type, "/officeDocument") {
				wbPath = resolvePart("", rel.Target)
			}
		}
	} else if !errors.Is(err, ErrMissingPart) {
		return nil, nil, err
	}
	pkg.workbook = wbPath
	var wb xmlWorkbook
	if err := pkg.decode(wbPath, &wb); err != nil {
		return nil, nil, noWorkbook(err)
	}
	dir := path.Dir(wbPath)
	var rels xmlRels
	if err := pkg.decode(path.Join(dir, "_rels", path.Base(wbPath)+".rels"), &rels); err != nil {
		return nil, nil, noWorkbook(err)
	}
	targets := map[string]int{}
	for i, rel := range rels.Rels {
		targets[rel.ID] = i
		if strings.HasSuffix(rel.Type, "/sharedStrings") {
			pkg.sst = resolvePart(dir, rel.Target)
		}
	}
	if pkg.sst == "" && pkg.file(path.Join(dir, "sharedStrings.xml")) != nil {
		pkg.sst = path.Join(dir, "sharedStrings.xml")
	}
	for _, s := range wb.Sheets {
		info := sheetInfo{name: s.Name, hidden: s.State == "hidden" || s.State == "veryHidden"}
		for _, a := range s.Attrs {
			if a.Name.Local != "id" {
				continue
			}
			if i, ok := targets[a.Value]; ok {
				info.part = resolvePart(dir, rels.Rels[i].Target)
				info.worksheet = strings.HasSuffix(rels.Rels[i].Type, "/worksheet")
			}
		}
		pkg.sheets = append(pkg.sheets, info)
	}
	if len(pkg.sheets) == 0 {
		return nil, nil, &FormatError{Part: wbPath, Offset: -1, Err: ErrNoSheets}
	}
	return pkg, &wb, nil
}

// noWorkbook marks the absence of the workbook part or its relationships: a zip that is not
// a workbook (a Word document renamed, say).
func noWorkbook(err error) error {
	var fe *FormatError
	if errors.As(err, &fe) && errors.Is(fe.Err, ErrMissingPart) {
		fe.Err = fmt.Errorf("%w: %w", ErrNoWorkbook, ErrMissingPart)
	}
	return err
}

// file looks a part up by its exact name, else by its name in any case (the package has no
// two names that differ only in case).
func (pkg *workbookPackage) file(name string) *zip.File {
	if zf := pkg.files[name]; zf != nil {
		return zf
	}
	return pkg.lower[strings.ToLower(name)]
}

// decode unmarshals a small XML part; a missing part is ErrMissingPart.
func (pkg *workbookPackage) decode(name string, v any) error {
	zf := pkg.file(name)
	if zf == nil {
		return &FormatError{Part: name, Offset: -1, Err: ErrMissingPart}
	}
	rc, err := zf.Open()
	if err != nil {
		return zipError(name, err)
	}
	defer rc.Close()
	r, bom := skipBOM(rc)
	b, err := io.ReadAll(r)
	if err != nil {
		return zipError(name, err)
	}
	dec := xml.NewDecoder(bytes.NewReader(b))
	badLabel := ""
	dec.CharsetReader = func(label string, r io.Reader) (io.Reader, error) {
		if bom {
			return r, nil // already UTF-8: the byte-order mark, not the declaration, decides
		}
		d, err := charsetReader(label, r)
		if err != nil {
			badLabel = label
		}
		return d, err
	}
	if err := dec.Decode(v); err != nil {
		fe := &FormatError{Part: name, Offset: dec.InputOffset(), Err: fmt.Errorf("%w: %v", ErrSyntax, err)}
		var se *xml.SyntaxError
		switch {
		case badLabel != "":
			fe.Err = fmt.Errorf("%w: %s", ErrEncoding, badLabel)
		case errors.As(err, &se):
			fe.Err = fmt.Errorf("%w: line %d: %s", ErrSyntax, se.Line, se.Msg)
		}
		return fe
	}
	return nil
}

// charsetReader decodes r from the named encoding to UTF-8: the CharsetReader of
// encoding/xml for the small parts, and the scanner's decoder. Some exporters declare GBK or
// GB18030; such a part is read as excelize and encoding/xml read it (the WHATWG names).
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, err
	}
	if name, _ := htmlindex.Name(e); name == "utf-8" {
		return r, nil
	}
	return transform.NewReader(r, e.NewDecoder()), nil
}

// resolvePart resolves a relationship target against the folder of its source part.
func resolvePart(dir, target string) string {
	target = strings.ReplaceAll(target, "\\", "/")
	if strings.HasPrefix(target, "/") {
		return path.Clean(target[1:])
	}
	return path.Clean(path.Join(dir, target))
}

// zipError is the FormatError of a zip entry that cannot be read.
func zipError(part string, err error) error {
	switch {
	case errors.Is(err, zip.ErrChecksum):
		err = ErrChecksum
	case errors.Is(err, io.ErrUnexpectedEOF):
		err = ErrTruncated
	default:
		err = fmt.Errorf("%w: %v", ErrCompressed, err)
	}
	return &FormatError{Part: part, Offset: -1, Err: err}
}
