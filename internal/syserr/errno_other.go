//go:build !windows

package syserr

import "syscall"

// The errors beside ENOSPC, EROFS and ENAMETOOLONG that mean the same on this system: a disk
// quota reached is a full disk to the clerk. Files are not locked against writing here.
var (
	diskFull = []syscall.Errno{syscall.EDQUOT}
	readOnly []syscall.Errno
	locked   []syscall.Errno
	nameLong []syscall.Errno
)
