package books

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/duban/duban/internal/syserr"
)

// Errors of the operating system, said in Chinese and naming the file (SPEC §2.1).
const (
	msgOSError  = "无法%s %s：%s"
	msgUndone   = "%v；本次已写出的文件已删除：%s"
	msgRestored = "（已恢复原有的文件）"
	opWrite     = "写入"
	opReplace   = "替换"
	osOther     = "操作系统报告错误（%v）"
	// replacing a file was refused: on Windows, mostly because Excel or WPS has it open
	osReplaceDenied = "文件可能正在Excel或WPS中打开，请关闭后重试；或没有写入权限，请换一个文件夹"
)

// osText words each kind of error of the operating system for a clerk.
var osText = map[syserr.Kind]string{
	syserr.DiskFull:    "磁盘空间已满，请清理磁盘或换一个文件夹后重试",
	syserr.ReadOnly:    "磁盘或文件夹是只读的，请换一个可以写入的文件夹",
	syserr.Locked:      "文件正被其他程序（如Excel、WPS）打开，请关闭后重试",
	syserr.Permission:  "没有写入权限，请换一个文件夹，或请管理员开放权限",
	syserr.NotExist:    "文件夹不存在",
	syserr.NotDir:      "路径中有一段是文件而不是文件夹",
	syserr.IsDir:       "这是一个文件夹，不是文件",
	syserr.NameTooLong: "文件名或路径过长，请换一个短一些的文件名或文件夹",
	syserr.TooLarge:    "文件超过了系统允许的大小",
	syserr.IO:          "磁盘或网络读写出错，请检查磁盘或网络连接后重试",
}

// OSError is an error of the operating system writing or replacing the file at Path.
type OSError struct {
	Path string
	Op   string // 写入, 替换
	Err  error
}

func (e *OSError) Error() string {
	switch {
	case e.Op == opReplace && syserr.Of(e.Err) == syserr.Permission:
		// Windows refuses to replace a workbook Excel or WPS has open as access denied.
		return fmt.Sprintf(msgOSError, e.Op, e.Path, osReplaceDenied)
	case e.Op == opReplace && errors.Is(e.Err, fs.ErrExist):
		// Linux refuses to rename a file onto a folder that holds files so.
		return fmt.Sprintf(msgOSError, e.Op, e.Path, osText[syserr.IsDir])
	}
	return fmt.Sprintf(msgOSError, e.Op, e.Path, OSErrorText(e.Err))
}

func (e *OSError) Unwrap() error { return e.Err }

// OSErrorText says what the operating system's err means, for a clerk: disk full, read-only,
// file locked by Excel, no permission…, without Go's English text.
func OSErrorText(err error) string {
	if t, ok := osText[syserr.Of(err)]; ok {
		return t
	}
	return fmt.Sprintf(osOther, err)
}
