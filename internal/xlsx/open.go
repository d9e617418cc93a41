package xlsx

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// Open reads a workbook of size bytes from r: an Office Open XML package (a zip, or one
// encrypted in a compound file, opened with opt.Password: ErrEncrypted without one,
// ErrWrongPassword or ErrUnsupportedEncryption when it cannot be decrypted), an OpenDocument
// spreadsheet (a zip told by its content, ods.go), or a legacy .xls compound file.
// Every worksheet is parsed before Open returns, hidden ones too: a damaged part anywhere
// refuses the whole workbook with a *FormatError. A workbook larger than opt.MaxUnzip when
// unpacked is refused with a *TooBigError before anything is unpacked. A file that is neither
// a zip nor a compound file is ErrNotWorkbook, or ErrLegacy when it is markup (an HTML table
// saved with an .xls name).
func Open(r io.ReaderAt, size int64, opt Options) (*Book, error) {
	limit := opt.MaxUnzip
	if limit <= 0 {
		limit = DefaultMaxUnzip
	}
	var head [512]byte
	n, _ := r.ReadAt(head[:], 0)
	switch {
	case n == 0:
		return nil, fmt.Errorf("%w: %w", ErrNotWorkbook, ErrEmptyFile)
	case n >= 4 && string(head[:4]) == "PK\x03\x04":
	case n >= 8 && string(head[:8]) == "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1":
		if size > limit {
			return nil, &TooBigError{Limit: limit, Size: size}
		}
		raw, err := io.ReadAll(io.NewSectionReader(r, 0, size))
		if err != nil {
			return nil, err
		}
		cf, err := openCFB(raw)
		if err != nil {
			return nil, err
		}
		// An encrypted package is told by its streams, not by text anywhere in the file (an
		// .xls may well say "EncryptedPackage" in a cell).
		if rootStream(cf, "EncryptedPackage") == nil && rootStream(cf, "EncryptionInfo") == nil {
			return readXLS(cf, size, opt)
		}
		if opt.Password == "" {
			return nil, ErrEncrypted
		}
		decrypted, err := decryptPackage(cf, size, limit, opt.Password)
		if err != nil {
			return nil, err
		}
		r, size = bytes.NewReader(decrypted), int64(len(decrypted))
	case n >= 4 && string(head[:4]) == "PK\x05\x06":
		return nil, &FormatError{Offset: -1, Err: ErrNoEntries}
	case looksLikeMarkup(head[:n]):
		return nil, ErrLegacy // an HTML or XML table saved with an .xls name
	case looksLikeText(head[:n]):
		return nil, fmt.Errorf("%w: %w", ErrNotWorkbook, ErrPlainText)
	default:
		return nil, ErrNotWorkbook
	}

	zr, err := zip.NewReader(r, size)
	if err != nil {
		return nil, &FormatError{Offset: -1, Err: ErrNotZip}
	}
	var total uint64
	for _, zf := range zr.File {
		total += min(zf.UncompressedSize64, 1<<50) // no overflow, and far above any limit
	}
	if total > uint64(limit) {
		return nil, &TooBigError{Limit: limit, Size: int64(total)}
	}
	if ods, err := isODS(zr); err != nil || ods {
		if err != nil {
			return nil, err
		}
		return readODS(zr, limit)
	}
	return readPackage(zr)
}

func looksLikeMarkup(b []byte) bool {
	b = bytes.TrimPrefix(b, []byte("\xEF\xBB\xBF"))
	b = bytes.TrimLeft(b, " \t\r\n")
	return len(b) > 0 && b[0] == '<'
}

// looksLikeText reports whether the start of a file is plain text, such as a CSV file in
// UTF-8 or GBK: no control characters other than tab and line breaks.
func looksLikeText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\r' && c != '\n' || c == 0x7F {
			return false
		}
	}
	return len(b) > 0
}
