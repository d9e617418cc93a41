package sheets

import (
	"testing"

	"github.com/duban/duban/internal/xlsx"
)

// TestOpenErrorODS states the words for an .ods refused: a password it cannot take (the unit
// saves it again without one), and damage named by its part as for an .xlsx.
func TestOpenErrorODS(t *testing.T) {
	for _, tt := range []struct {
		name string
		err  error
		want string
	}{
		{"加密.ods", xlsx.ErrEncryptedODS,
			"文件已加密，.ods文件的密码不受支持（--password 只用于.xlsx），请单位用WPS或LibreOffice打开后另存为未加密的.xlsx或.ods再发送"},
		{"改名.xlsm", xlsx.ErrEncryptedODS,
			"文件已加密，.ods文件的密码不受支持（--password 只用于.xlsx），请单位用WPS或LibreOffice打开后另存为未加密的.xlsx或.ods再发送"},
		{"坏表.ods", &xlsx.FormatError{Part: "content.xml", Offset: 80, Err: xlsx.ErrSyntax},
			"文件已损坏（content.xml 的XML格式错误：第80字节附近格式错误），请重新导出或重新发送"},
		{"校验.ods", &xlsx.FormatError{Part: "content.xml", Offset: -1, Err: xlsx.ErrChecksum},
			"文件已损坏（content.xml 数据校验失败），请重新导出或重新发送"},
	} {
		if got := openError(tt.name, tt.err).Error(); got != tt.want {
			t.Errorf("%s (%v):\n got %s\nwant %s", tt.name, tt.err, got, tt.want)
		}
	}
}
