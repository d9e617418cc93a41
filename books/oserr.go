package books

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
)

// Errors of the operating system, said in Chinese and naming the file (SPEC §2.1).
const (
	msgOSError  = "无法%s %s：%s"
	msgUndone   = "%v；本次已写出的文件已删除：%s"
	msgRestored = "（已恢复原有的文件）"
	opWrite     = "写入"
	opReplace   = "替换"

	osDiskFull   = "磁盘空间已满，请清理磁盘或换一个文件夹后重试"
	osReadOnly   = "磁盘或文件夹是只读的，请换一个可以写入的文件夹"
	osLocked     = "文件正被其他程序（如Excel、WPS）打开，请关闭后重试"
	osPermission = "没有写入权限，请换一个文件夹，或请管理员开放权限"
	osNotExist   = "文件夹不存在"
	osNotDir     = "路径中有一段是文件而不是文件夹"
	osNameLong   = "文件名或路径过长，请换一个短一些的文件名或文件夹"
	osTooLarge   = "文件超过了系统允许的大小"
	osIO         = "磁盘或网络读写出错，请检查磁盘或网络连接后重试"
	osOther      = "操作系统报告错误（%v）"
)

// OSError is an error of the operating system writing or replacing the file at Path.
type OSError struct {
	Path string
	Op   string // 写入, 替换
	Err  error
}

func (e *OSError) Error() string {
	return fmt.Sprintf(msgOSError, e.Op, e.Path, OSErrorText(e.Err))
}

func (e *OSError) Unwrap() error { return e.Err }

// OSErrorText says what the operating system's err means, for a clerk: disk full, read-only,
// file locked by Excel, no permission…, without Go's English text.
func OSErrorText(err error) string {
	var errno syscall.Errno
	if errors.As(err, &errno) {
		switch {
		case errno == syscall.ENOSPC || isErrno(errno, diskFull):
			return osDiskFull
		case errno == syscall.EROFS || isErrno(errno, readOnly):
			return osReadOnly
		case isErrno(errno, locked):
			return osLocked
		case errno == syscall.ENOTDIR:
			return osNotDir
		case errno == syscall.ENAMETOOLONG || isErrno(errno, nameLong):
			return osNameLong
		case errno == syscall.EFBIG:
			return osTooLarge
		case errno == syscall.EIO:
			return osIO
		}
	}
	switch {
	case errors.Is(err, fs.ErrPermission):
		return osPermission
	case errors.Is(err, fs.ErrNotExist):
		return osNotExist
	}
	return fmt.Sprintf(osOther, err)
}

func isErrno(e syscall.Errno, set []syscall.Errno) bool {
	for _, x := range set {
		if e == x {
			return true
		}
	}
	return false
}
