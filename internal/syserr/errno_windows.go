package syserr

import "syscall"

// The Windows errors that mean a full disk, a read-only medium, a file another program holds
// open (Excel keeps the workbook it shows locked) and a name too long.
var (
	diskFull = []syscall.Errno{39, 112} // ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
	readOnly = []syscall.Errno{19}      // ERROR_WRITE_PROTECT
	locked   = []syscall.Errno{32, 33}  // ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
	nameLong = []syscall.Errno{206}     // ERROR_FILENAME_EXCED_RANGE
)
