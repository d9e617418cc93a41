package xlsx

import (
	"errors"
	"fmt"
)

// Sentinel errors: Open returns them (possibly wrapped) for workbooks it will not read.
// The caller words them for its users.
var (
	ErrNotWorkbook   = errors.New("xlsx: not a workbook")                      // neither zip nor compound file
	ErrLegacy        = errors.New("xlsx: legacy format not read")              // BIFF5 or older, non-BIFF .et, HTML saved as .xls
	ErrEncrypted     = errors.New("xlsx: workbook is encrypted")               // no password given
	ErrWrongPassword = errors.New("xlsx: password does not open the workbook") // Options.Password failed
	// ErrUnsupportedEncryption is an encrypted workbook whose cipher is not read (RC2, DES,
	// 3DES, RC4, extensible encryption): no password would open it here.
	ErrUnsupportedEncryption = errors.New("xlsx: encryption method not supported")

	// ErrEncryptedXLS is ErrEncrypted (errors.Is holds) for a legacy .xls, whose passwords
	// are not supported: the file has to be saved again without one.
	ErrEncryptedXLS = fmt.Errorf("%w: a password-protected .xls is not decrypted", ErrEncrypted)

	// ErrEncryptedODS is ErrEncrypted (errors.Is holds) for an OpenDocument spreadsheet saved
	// with a password, which is not decrypted either.
	ErrEncryptedODS = fmt.Errorf("%w: a password-protected .ods is not decrypted", ErrEncrypted)
)

// TooBigError is returned for a workbook whose uncompressed size exceeds Options.MaxUnzip;
// it is decided before anything is unpacked.
type TooBigError struct {
	Limit, Size int64
}

func (e *TooBigError) Error() string {
	return fmt.Sprintf("xlsx: uncompressed size %d exceeds limit %d", e.Size, e.Limit)
}

// FormatError is a damaged workbook: a part (a zip entry or, for .xls, a stream or record)
// that cannot be read whole. Offset is the byte offset within the part where the damage was
// found, -1 if unknown. Err is one of the errors below or a more specific one.
type FormatError struct {
	Part   string
	Offset int64
	Err    error
}

func (e *FormatError) Error() string {
	if e.Offset >= 0 {
		return fmt.Sprintf("xlsx: %s at byte %d: %v", e.Part, e.Offset, e.Err)
	}
	return fmt.Sprintf("xlsx: %s: %v", e.Part, e.Err)
}

func (e *FormatError) Unwrap() error { return e.Err }

// These are the errors a FormatError's Err can be, possibly wrapped with a detail (use
// errors.Is). Open may also return ErrNotWorkbook wrapped together with ErrEmptyFile or
// ErrPlainText, saying what the file is instead.
var (
	ErrNotZip        = errors.New("not a readable zip package")     // starts like a zip, but is cut short or broken
	ErrNoEntries     = errors.New("the zip package is empty")       // an empty zip
	ErrChecksum      = errors.New("checksum mismatch")              // a zip entry's CRC-32 fails
	ErrTruncated     = errors.New("data cut short")                 // a part ends early
	ErrCompressed    = errors.New("compressed data is corrupt")     // a zip entry does not inflate
	ErrSyntax        = errors.New("XML is not well-formed")         // with the detail and Offset
	ErrEncoding      = errors.New("unsupported character encoding") // with the label
	ErrTooLong       = errors.New("XML token too long")             // one tag or text run over 16 MiB
	ErrRowOrder      = errors.New("row out of order")               // <row r> not increasing
	ErrCellOrder     = errors.New("cell out of order")              // <c r> not increasing in its row
	ErrCellRef       = errors.New("invalid cell reference")
	ErrRowNumber     = errors.New("invalid row number")
	ErrSharedString  = errors.New("invalid shared-string index")
	ErrPastLimit     = errors.New("row or column past Excel's last") // rows past 1,048,576 or columns past XFD
	ErrMissingPart   = errors.New("part is missing")                 // the workbook, its relationships or a worksheet
	ErrNoWorkbook    = errors.New("no workbook part")                // with ErrMissingPart: the workbook or its relationships
	ErrNoSheets      = errors.New("workbook has no sheets")
	ErrAmbiguousPart = errors.New("zip entry names differ only in case") // a crafted or broken package

	ErrEmptyFile = errors.New("the file is empty")                // with ErrNotWorkbook
	ErrPlainText = errors.New("the file is plain text, like CSV") // with ErrNotWorkbook
)
