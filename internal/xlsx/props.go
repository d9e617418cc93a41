package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Props are the document properties that say which program saved a workbook last and when:
// docProps/app.xml's Application, docProps/core.xml's creator, last modifier, times and
// description. A property the workbook does not carry is "".
type Props struct {
	Application    string // the program that saved the package last, e.g. "Microsoft Excel"
	Creator        string
	LastModifiedBy string
	Created        string // W3CDTF as written, e.g. 2024-12-20T08:00:00Z
	Modified       string
	Description    string
}

// maxPropsPart is the largest properties part ReadProps reads; real ones are a few KiB.
const maxPropsPart = 1 << 20

// ReadProps reads the document properties of the Office Open XML package of size bytes at r
// without unpacking any other part. A file that is not a zip package is ErrNotWorkbook; a
// properties part that cannot be read is a *FormatError; missing parts leave their
// properties "".
func ReadProps(r io.ReaderAt, size int64) (Props, error) {
	var p Props
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return p, fmt.Errorf("%w: %w", ErrNotWorkbook, ErrNotZip)
	}
	pkg := &workbookPackage{files: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		pkg.files[name] = zf
		pkg.lower[strings.ToLower(name)] = zf
	}
	var app struct {
		Application string `xml:"Application"`
	}
	var core struct {
		Creator        string `xml:"creator"`
		LastModifiedBy string `xml:"lastModifiedBy"`
		Created        string `xml:"created"`
		Modified       string `xml:"modified"`
		Description    string `xml:"description"`
	}
	for _, part := range []struct {
		name string
		v    any
	}{{"docProps/app.xml", &app}, {"docProps/core.xml", &core}} {
		if zf := pkg.file(part.name); zf != nil && zf.UncompressedSize64 > maxPropsPart {
			return p, &FormatError{Part: part.name, Offset: -1, Err: ErrTooLong}
		}
		if err := pkg.decode(part.name, part.v); err != nil && !errors.Is(err, ErrMissingPart) {
			return p, err
		}
	}
	p = Props{
		Application: strings.TrimSpace(app.Application), Creator: strings.TrimSpace(core.Creator),
		LastModifiedBy: strings.TrimSpace(core.LastModifiedBy), Created: strings.TrimSpace(core.Created),
		Modified: strings.TrimSpace(core.Modified), Description: strings.TrimSpace(core.Description),
	}
	return p, nil
}
