// Package syserr tells what an error of the operating system means to a clerk — a full disk,
// a read-only one, a file another program holds open — whichever system reported it: Linux and
// macOS report ENOSPC or EROFS, Windows ERROR_DISK_FULL or ERROR_SHARING_VIOLATION. Callers
// word each Kind in Chinese (SPEC §2.1), never in the system's English.
package syserr

import (
	"errors"
	"io/fs"
	"slices"
	"syscall"
)

// Kind is what an error of the operating system means.
type Kind int

const (
	Other       Kind = iota
	NotExist         // no such file or folder
	Permission       // access denied
	DiskFull         // no space left, or a disk quota reached
	ReadOnly         // a read-only disk or file system
	Locked           // another program holds the file open (Windows: Excel keeps its workbook so)
	NotDir           // a part of the path is a file, not a folder
	IsDir            // a folder where a file was expected
	NameTooLong      // a name or path longer than the system allows
	TooLarge         // a file larger than the system allows (EFBIG)
	IO               // the disk or the network failed
)

// Of is what err means; Other when it is not an error of the operating system it knows.
func Of(err error) Kind {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch {
		case errno == syscall.ENOSPC || slices.Contains(diskFull, errno):
			return DiskFull
		case errno == syscall.EROFS || slices.Contains(readOnly, errno):
			return ReadOnly
		case slices.Contains(locked, errno):
			return Locked
		case errno == syscall.ENOTDIR:
			return NotDir
		case errno == syscall.EISDIR || errno == syscall.ENOTEMPTY:
			return IsDir
		case errno == syscall.ENAMETOOLONG || slices.Contains(nameLong, errno):
			return NameTooLong
		case errno == syscall.EFBIG:
			return TooLarge
		case errno == syscall.EIO:
			return IO
		}
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return Permission
	case errors.Is(err, fs.ErrNotExist):
		return NotExist
	}
	return Other
}
