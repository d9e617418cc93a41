package sheets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/duban/duban/internal/xlsx"
)

// TestOpenErrorLegacy states the words for every way a legacy binary workbook is refused:
// a format to convert, a password .xls cannot take, and damage.
func TestOpenErrorLegacy(t *testing.T) {
	t.Parallel()
	const (
		legacy = "旧版Excel格式（.xls/.et），请用Excel或WPS打开后另存为.xlsx"
		cut    = "文件已损坏（文件结构不完整，可能下载或复制不完整），请重新导出或重新发送"
	)
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"旧版.xls", xlsx.ErrLegacy, legacy},
		{"旧版改名.xlsx", xlsx.ErrLegacy, legacy},
		{"Excel4.xls", xlsx.ErrNotWorkbook, legacy},
		{"文本导出.xls", fmt.Errorf("%w: %w", xlsx.ErrNotWorkbook, xlsx.ErrPlainText), legacy},
		{"金山.et", xlsx.ErrNotWorkbook, legacy},
		{"空.xls", fmt.Errorf("%w: %w", xlsx.ErrNotWorkbook, xlsx.ErrEmptyFile), "文件已损坏（文件是空的），请重新导出或重新发送"},
		{"加密.xls", xlsx.ErrEncryptedXLS,
			"文件已加密，.xls文件的密码不受支持（--password 只用于.xlsx），请单位用Excel或WPS打开后另存为未加密的.xlsx再发送"},
		{"加密.xlsx", xlsx.ErrEncrypted, "文件已加密，请用 --password 提供密码，或请单位发送未加密的文件"},
		{"百万行.xlsx", &xlsx.FormatError{Part: "xl/worksheets/sheet1.xml", Offset: 9000, Err: fmt.Errorf("%w: row 1048577", xlsx.ErrPastLimit)},
			"工作表超出Excel的范围（超过1048576行或超过XFD列），Excel和WPS只能显示其中一部分，整个文件未读取；请单位在Excel中核对后另存再发送"},
		{"RC2加密.xlsx", xlsx.ErrUnsupportedEncryption,
			"文件已加密，此加密方式不受支持（无论密码对错都无法读取），请单位用Excel或WPS打开后另存为未加密的文件再发送"},
		{"截断.xls", &xlsx.FormatError{Part: "compound file", Offset: -1, Err: errors.New("mscfb: EOF")}, cut},
		{"截断流.xls", &xlsx.FormatError{Part: "Workbook", Offset: -1, Err: errors.New("stream larger than the file")}, cut},
		{"坏记录.xls", &xlsx.FormatError{Part: "Workbook", Offset: 1234, Err: errors.New("record truncated")},
			"文件已损坏（.xls的Workbook数据流第1234字节附近记录损坏），请重新导出或重新发送"},
		{"坏表.xlsx", &xlsx.FormatError{Part: "xl/worksheets/sheet1.xml", Offset: 80, Err: xlsx.ErrSyntax},
			"文件已损坏（xl/worksheets/sheet1.xml 的XML格式错误：第80字节附近格式错误），请重新导出或重新发送"},
	} {
		if got := openError(tt.name, tt.err).Error(); got != tt.want {
			t.Errorf("%s (%v):\n got %s\nwant %s", tt.name, tt.err, got, tt.want)
		}
	}
}

// TestSysErrText: what the system says when a file or folder cannot be opened reaches the
// clerk in Chinese, never as Go's English text (open …: no such file or directory).
func TestSysErrText(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	_, errMissing := os.Open(filepath.Join(dir, "没有.xlsx"))
	for _, c := range []struct {
		err  error
		want string
	}{
		{errMissing, sysNotExist},
		{&fs.PathError{Op: "open", Path: "x", Err: fs.ErrPermission}, sysPermission},
		{&fs.PathError{Op: "read", Path: "x", Err: syscall.EISDIR}, sysIsDir},
		{io.ErrUnexpectedEOF, sysCut},
		{errors.New("something else"), sysOther},
	} {
		if got := sysErrText(c.err); got != c.want {
			t.Errorf("sysErrText(%v) = %q, want %q", c.err, got, c.want)
		}
	}
	l := ReadLedger(filepath.Join(dir, "没有.xlsx"), testDict(t), ReadOptions{})
	if len(l.Problems) != 1 || l.Problems[0].Msg != "无法打开文件（文件或文件夹不存在），请确认文件存在且未被其他程序独占" {
		t.Errorf("a missing file: %v", l.Problems)
	}
}
