//go:build windows

package sheets

import "syscall"

// hiddenAttr reports whether Windows marks the file or folder at p hidden or system.
func hiddenAttr(p string) bool {
	name, err := syscall.UTF16PtrFromString(p)
	if err != nil {
		return false
	}
	a, err := syscall.GetFileAttributes(name)
	return err == nil && a&(syscall.FILE_ATTRIBUTE_HIDDEN|syscall.FILE_ATTRIBUTE_SYSTEM) != 0
}
