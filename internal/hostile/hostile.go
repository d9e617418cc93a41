// Package hostile writes, for tests, the files a collection folder receives besides good
// ledgers (SPEC §2.1): truncated downloads, legacy and encrypted workbooks, text with an .xlsx
// name, empty workbooks, sheets without a header, zip bombs, damaged worksheets, and sheets
// formatted down to row 1,048,576. Every file is built from readable Go at test time; nothing
// here is committed as an opaque binary.
//
// It does not import package sheets, so the tests of sheets can use it too.
package hostile

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Case is one file of the corpus and the one problem it must get. A Case with an empty Level
// must be skipped without a word (hidden and lock files).
type Case struct {
	Name  string // file name in the folder
	Level string // 错误 or 提示; "" for a file skipped silently
	Msg   string // the message, or a leading part of it
	What  string // what the file is, for test failures
}

// Messages the reader gives; the tests state them in full so wording changes are reviewed.
const (
	MsgDamaged      = "文件已损坏（"
	MsgNotZip       = "文件已损坏（不是有效的xlsx文件，可能下载或复制不完整），请重新导出或重新发送"
	MsgText         = "文件已损坏（内容是纯文本（如CSV），不是xlsx工作簿），请重新导出或重新发送"
	MsgEmpty        = "文件已损坏（文件是空的），请重新导出或重新发送"
	MsgLegacy       = "旧版Excel格式（.xls/.et），请用Excel或WPS打开后另存为.xlsx"
	MsgEncrypted    = "文件已加密，请用 --password 提供密码，或请单位发送未加密的文件"
	MsgEncryptedXLS = "文件已加密，.xls文件的密码不受支持（--password 只用于.xlsx），请单位用Excel或WPS打开后另存为未加密的.xlsx再发送"
	MsgXLSCut       = "文件已损坏（文件结构不完整，可能下载或复制不完整），请重新导出或重新发送"
	MsgTooBig       = "文件解压后超过512MiB（约2GiB），已拒绝读取；如确属正常文件，请用 --max-unzip 调大上限"
	MsgNoLedger     = "没有找到台账工作表（"
	MsgOwnReport    = "这是duban生成的汇总表，不再重复汇总，已跳过"
	MsgNotBook      = "不是Excel工作簿，已跳过"
)

// Password is the password of the encrypted workbook of the corpus.
const Password = "督办2024"

// Header is the canonical header of a ledger (SPEC §3.1).
var Header = []any{"编号", "类别", "会议", "会议日期", "事项内容", "牵头单位", "配合单位", "责任领导",
	"完成时限", "落实状态", "完成日期", "进展情况", "备注"}

// WriteBook writes a workbook with one sheet of rows (row 1 first) to path.
func WriteBook(path, sheet string, rows [][]any) error {
	b, err := Book(sheet, rows)
	if err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// Book returns a workbook with one sheet of rows (row 1 first).
func Book(sheet string, rows [][]any) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	if sheet != "Sheet1" {
		if err := f.SetSheetName("Sheet1", sheet); err != nil {
			return nil, err
		}
	}
	for i, r := range rows {
		if len(r) == 0 {
			continue
		}
		if err := f.SetSheetRow(sheet, "A"+strconv.Itoa(i+1), &r); err != nil {
			return nil, err
		}
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Ledger returns n rows of the canonical layout for unit: the header, then items of
// 市政府常务会议 numbered from first, with statuses and deadlines cycling so that every
// figure of the report is exercised.
func Ledger(unit string, first, n int) [][]any {
	rows := [][]any{Header}
	statuses := []string{"已完成", "正在推进", "未启动", "办理中"}
	deadlines := []string{"2024-06-30", "2024-12-25", "2025-03-31", "长期", "2024年底前"}
	for i := range n {
		k := first + i
		st := statuses[k%len(statuses)]
		done := ""
		if st == "已完成" {
			done = "2024-06-01"
		}
		rows = append(rows, []any{
			fmt.Sprintf("%s-%03d", unit, k), "市政府常务会议", fmt.Sprintf("市政府第%d次常务会议", 1+k%5), "2024-01-15",
			fmt.Sprintf("%s落实事项%d", unit, k), unit, "", "张副市长", deadlines[k%len(deadlines)], st, done,
			"按计划推进", "",
		})
	}
	return rows
}

// Good writes the good ledgers of the corpus into dir and returns their names.
func Good(dir string) ([]string, error) {
	books := []struct {
		name string
		rows [][]any
	}{
		{"市统计局.xlsx", Ledger("市统计局", 1, 12)},
		{"市财政局.xlsx", Ledger("市财政局", 3, 9)},
		{"市教育局（终稿）.xlsx", Ledger("市教育局", 5, 7)},
	}
	var names []string
	for _, b := range books {
		if err := WriteBook(filepath.Join(dir, b.name), "台账", b.rows); err != nil {
			return nil, err
		}
		names = append(names, b.name)
	}
	return names, nil
}

// Bad writes the hostile files of the corpus into dir and returns what each must get. The
// report duban itself wrote is left to the caller (this package cannot import sheets).
func Bad(dir string) ([]Case, error) {
	var cases []Case
	data, err := Book("台账", Ledger("样本", 1, 40))
	if err != nil {
		return nil, err
	}
	file := func(name, level, msg, what string, b []byte) error {
		cases = append(cases, Case{Name: name, Level: level, Msg: msg, What: what})
		return os.WriteFile(filepath.Join(dir, name), b, 0o644)
	}
	sheetEdit := func(edit func([]byte) []byte) ([]byte, error) {
		return RewriteZip(data, func(name string, b []byte) []byte {
			if name == "xl/worksheets/sheet1.xml" {
				return edit(b)
			}
			return b
		})
	}
	cutSheet, err := sheetEdit(func(b []byte) []byte { return b[:bytes.Index(b, []byte(`<row r="30"`))+25] })
	if err != nil {
		return nil, err
	}
	badXML, err := sheetEdit(func(b []byte) []byte {
		i := bytes.Index(b, []byte(`<row r="20"`))
		return slicesConcat(b[:i], []byte("<c r=\"A20\"><v>1</v></row><<"), b[i:])
	})
	if err != nil {
		return nil, err
	}
	flipped, err := FlipInEntry(data, "xl/worksheets/sheet1.xml", 0x10)
	if err != nil {
		return nil, err
	}
	crc, err := WrongValue(data, "xl/worksheets/sheet1.xml")
	if err != nil {
		return nil, err
	}
	enc, err := Encrypt(data, Password)
	if err != nil {
		return nil, err
	}
	bomb, err := Bomb(2<<30, true)
	if err != nil {
		return nil, err
	}
	liar, err := Bomb(64<<20, false)
	if err != nil {
		return nil, err
	}
	docx, err := RewriteZip(data, func(name string, b []byte) []byte {
		if strings.HasPrefix(name, "xl/") || name == "_rels/.rels" {
			return nil
		}
		return b
	})
	if err != nil {
		return nil, err
	}
	csv := []byte("\xEF\xBB\xBF编号,类别,会议,事项内容,牵头单位,完成时限,落实状态\r\n1,市政府常务会议,第5次,事项,市统计局,2024-06-30,已完成\r\n")
	for _, c := range []struct {
		name, level, msg, what string
		b                      []byte
	}{
		{"下载一半.xlsx", "错误", MsgNotZip, "a download cut in half", data[:len(data)/2]},
		{"旧版台账.xls", "错误", MsgLegacy, "an Excel 5.0/95 (BIFF5) .xls", XLSBIFF5()},
		{"旧版改名.xlsx", "错误", MsgLegacy, "an Excel 5.0/95 .xls renamed to .xlsx", XLSBIFF5()},
		{"金山表格.et", "错误", MsgLegacy, "a WPS .et without a BIFF workbook stream", ETNotBIFF()},
		{"加密旧版.xls", "错误", MsgEncryptedXLS, "a password-protected BIFF8 .xls", XLSEncrypted()},
		{"传输中断.xls", "错误", MsgXLSCut, "a BIFF8 .xls cut off half way", XLSCut()},
		{"残缺文件.xls", "错误", MsgXLSCut, "the first sectors of a compound file, without its directory", LegacyXLS()},
		{"网页导出.xls", "错误", MsgLegacy, "an HTML table saved as .xls", []byte("<html><body><table><tr><td>事项内容</td></tr></table></body></html>")},
		{"加密.xlsx", "错误", MsgEncrypted, "an encrypted OOXML workbook", enc},
		{"表格导出.xlsx", "错误", MsgText, "a CSV named .xlsx", csv},
		{"空文件.xlsx", "错误", MsgEmpty, "an empty file", nil},
		{"压缩炸弹.xlsx", "错误", MsgTooBig, "a 2 GiB zip bomb", bomb},
		{"谎报大小.xlsx", "错误", MsgDamaged, "a zip bomb whose directory under-states its size", liar},
		{"截断工作表.xlsx", "错误", MsgDamaged + "xl/worksheets/sheet1.xml", "worksheet XML cut short", cutSheet},
		{"格式错误.xlsx", "错误", MsgDamaged, "worksheet XML malformed in the middle", badXML},
		{"压缩数据损坏.xlsx", "错误", MsgDamaged + "xl/worksheets/sheet1.xml", "a bit flipped in a deflated worksheet", flipped},
		{"校验失败.xlsx", "错误", MsgDamaged + "xl/worksheets/sheet1.xml 数据校验失败", "a stored worksheet whose value changed: only the CRC tells", crc},
		{"文档改名.xlsx", "错误", MsgDamaged + "缺少工作簿目录", "a zip that is not a workbook", docx},
		{"~$市统计局.xlsx", "", "", "an Office lock file", []byte("lock")},
		{".duban-123456.xlsx", "", "", "a temporary file of an interrupted duban run", data[:len(data)/3]},
		{"说明.txt", "提示", MsgNotBook, "a text file", []byte("请于12月20日前报送")},
	} {
		if err := file(c.name, c.level, c.msg, c.what, c.b); err != nil {
			return nil, err
		}
	}

	// Workbooks that open but hold no ledger: one error for the file.
	if err := WriteBook(filepath.Join(dir, "空工作簿.xlsx"), "Sheet1", nil); err != nil {
		return nil, err
	}
	cases = append(cases, Case{"空工作簿.xlsx", "错误", MsgNoLedger + "“Sheet1”是空的），请按报送模板填写后重新报送", "an empty workbook"})
	noHeader := [][]any{{"请各单位于12月20日前报送"}, {"第5次常务会议", "事项甲", "已完成"}, {"第5次常务会议", "事项乙", "推进中"}}
	if err := WriteBook(filepath.Join(dir, "无表头.xlsx"), "台账", noHeader); err != nil {
		return nil, err
	}
	cases = append(cases, Case{"无表头.xlsx", "错误", MsgNoLedger + "“台账”没有表头，表头应含 事项内容、落实状态 等列），请按报送模板填写后重新报送", "a sheet with no header"})
	return cases, nil
}

func slicesConcat(parts ...[]byte) []byte {
	var b []byte
	for _, p := range parts {
		b = append(b, p...)
	}
	return b
}

// RewriteZip rebuilds a zip, passing each entry through edit (nil drops the entry). Entries
// are deflated.
func RewriteZip(data []byte, edit func(name string, b []byte) []byte) ([]byte, error) {
	return rebuild(data, zip.Deflate, edit)
}

// Store rebuilds a zip with every entry stored, not compressed: damage to the bytes is then
// damage to the XML.
func Store(data []byte) ([]byte, error) {
	return StoreEdited(data, func(_ string, b []byte) []byte { return b })
}

// StoreEdited is Store with each entry passed through edit first (nil drops the entry).
func StoreEdited(data []byte, edit func(name string, b []byte) []byte) ([]byte, error) {
	return rebuild(data, zip.Store, edit)
}

// rebuild writes every entry of a zip again with the given method, through edit.
func rebuild(data []byte, method uint16, edit func(name string, b []byte) []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			return nil, err
		}
		b, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			return nil, err
		}
		if b = edit(zf.Name, b); b == nil {
			continue
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: method})
		if err != nil {
			return nil, err
		}
		if _, err := w.Write(b); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// FlipInEntry flips bits in the middle of the compressed data of one entry, so that it
// inflates to wrong bytes or fails its checksum.
func FlipInEntry(data []byte, entry string, mask byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		if zf.Name == entry {
			off, err := zf.DataOffset()
			if err != nil {
				return nil, err
			}
			b := bytes.Clone(data)
			b[off+int64(zf.CompressedSize64)/2] ^= mask
			return b, nil
		}
	}
	return nil, fmt.Errorf("no entry %s", entry)
}

// WrongValue rebuilds the zip with its entries stored (not compressed) and changes one digit
// of the last <v> of an entry in place: the XML stays well-formed and the cell now names
// another shared string, so only the entry's checksum shows the damage.
func WrongValue(data []byte, entry string) ([]byte, error) {
	out, err := Store(data)
	if err != nil {
		return nil, err
	}
	zr, err := zip.NewReader(bytes.NewReader(out), int64(len(out)))
	if err != nil {
		return nil, err
	}
	for _, zf := range zr.File {
		if zf.Name != entry {
			continue
		}
		off, err := zf.DataOffset()
		if err != nil {
			return nil, err
		}
		part := out[off : off+int64(zf.UncompressedSize64)]
		i := bytes.LastIndex(part, []byte("<v>"))
		if i < 0 || part[i+3] < '0' || part[i+3] > '9' {
			return nil, fmt.Errorf("no number value in %s", entry)
		}
		part[i+3] = '0' + (part[i+3]-'0'+1)%10
		return out, nil
	}
	return nil, fmt.Errorf("no entry %s", entry)
}

// Minimal returns the smallest workbook Excel opens: one sheet named 台账 with the given
// <sheetData> content and shared strings (<si> elements), its entries stored.
func Minimal(sheetData, sharedStrings string) []byte {
	const ns = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"`
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range [][2]string{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook ` + ns + ` xmlns:r="` + rel + `"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", `<worksheet ` + ns + `><sheetData>` + sheetData + `</sheetData></worksheet>`},
		{"xl/sharedStrings.xml", `<sst ` + ns + `>` + sharedStrings + `</sst>`},
	} {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: e[0], Method: zip.Store})
		io.WriteString(w, e[1])
	}
	zw.Close()
	return buf.Bytes()
}

// LegacyXLS returns the start of a compound file (OLE/CFB, as .xls and .et are): the signature,
// a header, and directory entries naming a Workbook stream, but no sector tables. The .xls
// reader cannot follow it: it is damage (a file cut short), not a format to convert.
func LegacyXLS() []byte {
	b := make([]byte, 4096)
	copy(b, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")
	binary.LittleEndian.PutUint16(b[0x18:], 0x3E) // minor version
	binary.LittleEndian.PutUint16(b[0x1A:], 3)    // major version: 512-byte sectors
	binary.LittleEndian.PutUint16(b[0x1C:], 0xFFFE)
	binary.LittleEndian.PutUint16(b[0x1E:], 9)
	binary.LittleEndian.PutUint16(b[0x20:], 6)
	for i, name := range []string{"Root Entry", "Workbook", "\x05SummaryInformation"} {
		at := 1024 + 128*i
		for j, r := range name {
			binary.LittleEndian.PutUint16(b[at+2*j:], uint16(r))
		}
		binary.LittleEndian.PutUint16(b[at+64:], uint16(2*len(name)+2))
	}
	return b
}

// Encrypt returns the workbook data saved with a password (an OLE container holding an
// EncryptedPackage stream, as Excel writes it).
func Encrypt(data []byte, password string) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: password}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Bomb returns a workbook whose worksheet inflates to size bytes of zeros; it costs a few
// megabytes and milliseconds to build, because the deflate stream repeats one block. With
// honest, the zip directory states the true size; otherwise it claims 1000 bytes.
func Bomb(size int64, honest bool) ([]byte, error) {
	const chunk = 1 << 20
	if size%chunk != 0 || size < 4*chunk {
		return nil, errors.New("bomb size must be a multiple of 1 MiB, at least 4 MiB")
	}
	var def bytes.Buffer
	w, err := flate.NewWriter(&def, flate.BestCompression)
	if err != nil {
		return nil, err
	}
	zeros := make([]byte, chunk)
	var marks []int
	for range 3 {
		w.Write(zeros)
		w.Flush()
		marks = append(marks, def.Len())
	}
	b := def.Bytes()
	block := b[marks[0]:marks[1]]
	if !bytes.Equal(block, b[marks[1]:marks[2]]) {
		return nil, errors.New("deflate blocks of zeros differ; cannot build the bomb cheaply")
	}
	stream := bytes.Clone(b[:marks[1]])
	for range size/chunk - 2 {
		stream = append(stream, block...)
	}
	stream = append(stream, 0x03, 0x00) // an empty final block
	crc := crc32.NewIEEE()
	for range size / chunk {
		crc.Write(zeros)
	}

	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range [][2]string{
		{"[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`},
		{"_rels/.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`},
	} {
		w, err := zw.Create(e[0])
		if err != nil {
			return nil, err
		}
		io.WriteString(w, e[1])
	}
	claimed := uint64(size)
	if !honest {
		claimed = 1000
	}
	raw, err := zw.CreateRaw(&zip.FileHeader{
		Name: "xl/worksheets/sheet1.xml", Method: zip.Deflate, CRC32: crc.Sum32(),
		CompressedSize64: uint64(len(stream)), UncompressedSize64: claimed,
	})
	if err != nil {
		return nil, err
	}
	if _, err := raw.Write(stream); err != nil {
		return nil, err
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

var dimension = regexp.MustCompile(`<dimension ref="[^"]*"\s*/>`)

// FormattedToTheBottom rewrites a workbook so that its first sheet carries whole-column
// formatting: after the real rows, a styled empty <row> for every row down to 1,048,576, and
// a <dimension> claiming all of them, as Excel saves a sheet whose columns were formatted.
func FormattedToTheBottom(data []byte) ([]byte, error) {
	return RewriteZip(data, func(name string, b []byte) []byte {
		if name != "xl/worksheets/sheet1.xml" {
			return b
		}
		last := 0
		for _, m := range regexp.MustCompile(`<row r="(\d+)"`).FindAllSubmatch(b, -1) {
			last, _ = strconv.Atoi(string(m[1]))
		}
		end := bytes.Index(b, []byte("</sheetData>"))
		var out bytes.Buffer
		out.Grow(len(b) + 45*(1048576-last))
		out.Write(dimension.ReplaceAll(b[:end], []byte(`<dimension ref="A1:K1048576"/>`)))
		for r := last + 1; r <= 1048576; r++ {
			out.WriteString(`<row r="`)
			out.WriteString(strconv.Itoa(r))
			out.WriteString(`" s="1" customFormat="1"/>`)
		}
		out.Write(b[end:])
		return out.Bytes()
	})
}

// WriteBig writes a ledger of n items for unit through excelize's stream writer, for tests
// that need a run long enough to interrupt.
func WriteBig(path, unit string, n int) error {
	f := excelize.NewFile()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	for i, r := range Ledger(unit, 1, n) {
		if err := sw.SetRow("A"+strconv.Itoa(i+1), r); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return f.SaveAs(path)
}
