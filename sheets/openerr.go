package sheets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"

	"github.com/duban/duban/internal/syserr"
	"github.com/duban/duban/internal/xlsx"
)

// The user's words for a workbook xlsx.Open refuses (SPEC §2.1).

// The parts xlsx.FormatError names for a legacy .xls: its container and its BIFF stream.
const (
	xlsCompound = "compound file"
	xlsStream   = "Workbook"
)

// openError words why xlsx.Open refused the workbook named name.
func openError(name string, err error) error {
	var big *xlsx.TooBigError
	var fe *xlsx.FormatError
	switch {
	case errors.As(err, &big):
		return fileError(fmt.Sprintf(msgTooBig, sizeText(big.Limit), sizeText(big.Size)))
	case errors.Is(err, xlsx.ErrEncryptedXLS):
		return fileError(msgEncryptedXLS)
	case errors.Is(err, xlsx.ErrEncryptedODS):
		return fileError(msgEncryptedODS)
	case errors.Is(err, xlsx.ErrEncrypted):
		return fileError(msgEncrypted)
	case errors.Is(err, xlsx.ErrUnsupportedEncryption):
		return fileError(msgUnsupportedEncryption)
	case errors.Is(err, xlsx.ErrWrongPassword):
		return fileError(msgWrongPassword)
	case errors.Is(err, xlsx.ErrLegacy):
		return fileError(msgLegacy)
	case errors.Is(err, xlsx.ErrEmptyFile):
		return damaged(detEmpty)
	case errors.Is(err, xlsx.ErrNotWorkbook):
		// Excel 2.x–4.0 (a bare BIFF stream), a text export, or something else saved with an
		// .xls name: Excel or WPS opens most of them and can save them as .xlsx.
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".xls" || ext == ".et" {
			return fileError(msgLegacy)
		}
		if errors.Is(err, xlsx.ErrPlainText) {
			return damaged(detText)
		}
		return damaged(detNotZip)
	case errors.Is(err, xlsx.ErrPastLimit):
		// Not damage: Excel, WPS and LibreOffice show only part of such a sheet, so its
		// rows would count differently here than there.
		return fileError(msgPastLimit)
	case errors.As(err, &fe) && (fe.Part == xlsCompound || fe.Part == xlsStream && fe.Offset < 0):
		// A compound file whose sectors or Workbook stream run past its end: a download or copy
		// cut short, not a format the clerk can convert. (A compound file that is whole but
		// holds no BIFF8 workbook is ErrLegacy above.)
		return damaged(detXLSCut)
	case errors.As(err, &fe) && fe.Part == xlsStream:
		return damaged(detXLSRecord, fe.Part, fe.Offset)
	case errors.As(err, &fe):
		return damaged("%s", formatDetail(fe))
	}
	return fileError(fmt.Sprintf(msgCannotOpen, sysErrText(err)))
}

// formatDetail words the damage a FormatError names, for msgDamaged.
func formatDetail(fe *xlsx.FormatError) string {
	at := func(what string) string {
		if fe.Offset >= 0 {
			return fmt.Sprintf(detXML, fe.Part, fmt.Sprintf(detAtByte, fe.Offset, what))
		}
		return fmt.Sprintf(detXML, fe.Part, what)
	}
	err := fe.Err
	switch {
	case errors.Is(err, xlsx.ErrNotZip):
		return detNotZip
	case errors.Is(err, xlsx.ErrNoEntries):
		return detNoEntries
	case errors.Is(err, xlsx.ErrNoSheets):
		return detNoSheets
	case errors.Is(err, xlsx.ErrChecksum):
		return fmt.Sprintf(detChecksum, fe.Part)
	case errors.Is(err, xlsx.ErrTruncated):
		return fmt.Sprintf(detTruncated, fe.Part)
	case errors.Is(err, xlsx.ErrCompressed):
		return fmt.Sprintf(detCompressed, fe.Part)
	case errors.Is(err, xlsx.ErrNoWorkbook):
		return fmt.Sprintf(detNoWorkbook, fe.Part)
	case errors.Is(err, xlsx.ErrMissingPart):
		return fmt.Sprintf(detMissingPart, fe.Part)
	case errors.Is(err, xlsx.ErrAmbiguousPart):
		return fmt.Sprintf(detAmbiguousPart, fe.Part)
	case errors.Is(err, xlsx.ErrEncoding):
		return at(fmt.Sprintf(detEncoding, strings.TrimPrefix(err.Error(), xlsx.ErrEncoding.Error()+": ")))
	case errors.Is(err, xlsx.ErrTooLong):
		return at(detTooLong)
	case errors.Is(err, xlsx.ErrRowOrder), errors.Is(err, xlsx.ErrRowNumber):
		return at(detRowOrder)
	case errors.Is(err, xlsx.ErrCellOrder), errors.Is(err, xlsx.ErrCellRef):
		return at(detCellRef)
	case errors.Is(err, xlsx.ErrSharedString):
		return at(detSharedString)
	}
	return at(detSyntax)
}

// sizeText writes a byte count for people: 512MiB, 1.5GiB.
func sizeText(n int64) string {
	f := func(v float64, unit string) string {
		return strconv.FormatFloat(v, 'f', -1, 64) + unit
	}
	round := func(v float64) float64 { return float64(int64(v*10+0.5)) / 10 }
	switch {
	case n >= 1<<30:
		return f(round(float64(n)/(1<<30)), "GiB")
	case n >= 1<<20:
		return f(round(float64(n)/(1<<20)), "MiB")
	case n >= 1<<10:
		return f(round(float64(n)/(1<<10)), "KiB")
	}
	return strconv.FormatInt(n, 10) + "字节"
}

// sysErrText words an error of the operating system (opening or reading a file or folder) for
// a clerk: what went wrong, in Chinese, without Go's English text.
func sysErrText(err error) string {
	var pe *fs.PathError
	switch {
	case syserr.Of(err) == syserr.Locked:
		return sysLocked
	case errors.Is(err, fs.ErrNotExist):
		return sysNotExist
	case errors.Is(err, fs.ErrPermission):
		return sysPermission
	case errors.As(err, &pe) && errors.Is(pe.Err, syscall.EISDIR):
		return sysIsDir
	case errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF):
		return sysCut
	}
	return sysOther
}
