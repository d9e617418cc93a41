package xlsx

import (
	"archive/zip"
	"errors"
	"fmt"
	"io"
	"strings"
)

// OpenDocument spreadsheets (.ods, .ots): what LibreOffice and WPS save by default on 统信UOS
// and 麒麟 desktops. The package is a zip like an .xlsx, told apart by its content — the
// mimetype entry, or a manifest without OOXML content types — never by the file's extension,
// so an .ods renamed .xlsm is read too. The cells are in content.xml, streamed with
// encoding/xml's Decoder (ods_content.go); meta.xml holds the description that marks duban's
// own workbooks.

// odsMimeTypes are the media types of an OpenDocument spreadsheet and its template.
var odsMimeTypes = []string{
	"application/vnd.oasis.opendocument.spreadsheet",
	"application/vnd.oasis.opendocument.spreadsheet-template",
}

const (
	odsContent  = "content.xml"
	odsMeta     = "meta.xml"
	odsManifest = "META-INF/manifest.xml"
	odsMimeType = "mimetype"
)

// isODS reports whether the zip package is an OpenDocument spreadsheet: its mimetype entry
// says so or, without one (a writer that leaves it out), its manifest is there and no
// [Content_Types].xml. A mimetype entry that cannot be read is damage.
func isODS(zr *zip.Reader) (bool, error) {
	var content, manifest, ooxml bool
	for _, zf := range zr.File {
		switch name := strings.ReplaceAll(zf.Name, "\\", "/"); {
		case name == odsMimeType:
			b, err := readSmall(zf, 256)
			if err != nil {
				return false, zipError(odsMimeType, err)
			}
			return isODSType(string(b)), nil
		case name == odsContent:
			content = true
		case name == odsManifest:
			manifest = true
		case strings.EqualFold(name, "[Content_Types].xml"):
			ooxml = true
		}
	}
	return content && manifest && !ooxml, nil
}

func isODSType(s string) bool {
	s = strings.TrimSpace(s)
	for _, t := range odsMimeTypes {
		if strings.EqualFold(s, t) {
			return true
		}
	}
	return false
}

// readSmall reads a zip entry of at most max bytes whole (to its end, so that its checksum
// is verified); a longer one is cut at max.
func readSmall(zf *zip.File, max int64) ([]byte, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, err
	}
	defer rc.Close()
	b, err := io.ReadAll(io.LimitReader(rc, max))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) < max {
		return b, nil
	}
	_, err = io.Copy(io.Discard, rc) // the checksum is checked at the end
	return b, err
}

// odsManifestXML is META-INF/manifest.xml: each entry's path and media type, and whether it
// is encrypted.
type odsManifestXML struct {
	Entries []struct {
		Path       string    `xml:"full-path,attr"`
		Type       string    `xml:"media-type,attr"`
		Encryption *struct{} `xml:"encryption-data"`
	} `xml:"file-entry"`
}

// readODS reads an OpenDocument spreadsheet: every table of content.xml, with the
// description of meta.xml. limit bounds what the tables unfold to (repeated rows and cells),
// as Options.MaxUnzip bounds what the zip unpacks to.
func readODS(zr *zip.Reader, limit int64) (*Book, error) {
	pkg := &workbookPackage{workbook: odsContent, files: map[string]*zip.File{}, lower: map[string]*zip.File{}}
	for _, zf := range zr.File {
		name := strings.ReplaceAll(zf.Name, "\\", "/")
		low := strings.ToLower(name)
		if other := pkg.lower[low]; other != nil {
			return nil, &FormatError{Part: name, Offset: -1, Err: fmt.Errorf("%w: %s", ErrAmbiguousPart, other.Name)}
		}
		pkg.files[name] = zf
		pkg.lower[low] = zf
	}
	var manifest odsManifestXML
	if err := pkg.decode(odsManifest, &manifest); err != nil && !errors.Is(err, ErrMissingPart) {
		return nil, err
	}
	for _, e := range manifest.Entries {
		if e.Encryption != nil {
			// Saved with a password (LibreOffice's 用密码保存): the parts are encrypted.
			return nil, ErrEncryptedODS
		}
	}
	book := &Book{Format: ODS}
	var meta struct {
		Description string `xml:"meta>description"`
	}
	if err := pkg.decode(odsMeta, &meta); err != nil && !errors.Is(err, ErrMissingPart) {
		return nil, err
	}
	book.Description = meta.Description
	zf := pkg.file(odsContent)
	if zf == nil {
		return nil, &FormatError{Part: odsContent, Offset: -1, Err: fmt.Errorf("%w: %w", ErrNoWorkbook, ErrMissingPart)}
	}
	if err := readContent(zf, limit, book); err != nil {
		return nil, err
	}
	return book, nil
}

// IsODS reports whether the file of size bytes in r is an OpenDocument spreadsheet, by its
// content, without reading its sheets (a writer that copies a workbook picks its way by it).
func IsODS(r io.ReaderAt, size int64) bool {
	zr, err := zip.NewReader(r, size)
	if err != nil {
		return false
	}
	ods, err := isODS(zr)
	return err == nil && ods
}
