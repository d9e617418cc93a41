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
