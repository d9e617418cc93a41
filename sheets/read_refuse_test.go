package sheets

// Workbooks that are damaged, refused or written oddly: each is refused whole or read whole
// (SPEC §2.1); the folder scan; the cost of reading a file.

import (
	"archive/zip"
	"bytes"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

func rewriteZip(t *testing.T, p string, edit func(name string, data []byte) []byte) {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if data, err = hostile.StoreEdited(data, edit); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

func manyRows(n int) []string {
	rows := []string{"会议|事项内容|落实状态"}
	for i := 1; i <= n; i++ {
		rows = append(rows, fmt.Sprintf("第5次常务会议|事项%d|推进中", i))
	}
	return rows
}

func TestReadWrongDimension(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "wps.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(50)}}})
	dim := regexp.MustCompile(`<dimension ref="[^"]*"\s*(/>|></dimension>)`)
	rewriteZip(t, p, func(name string, data []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			if !dim.Match(data) {
				t.Fatal("no <dimension> to rewrite")
			}
			return dim.ReplaceAll(data, []byte(`<dimension ref="A1:A1"/>`))
		}
		return data
	})
	rows, probs := read(t, p)
	if len(rows) != 50 || rows[49].Pos.Row != 51 || rows[49].Vals[FieldContent] != "事项50" || len(probs) != 0 {
		t.Errorf("read %d rows, problems %q", len(rows), dumpProblems(probs))
	}
}

// wantRefused checks that a file gives no rows and exactly one error containing msg.
func wantRefused(t *testing.T, p string, opt ReadOptions, msg string) {
	t.Helper()
	rows, probs := ReadFile(p, testDict(t), opt)
	if len(rows) != 0 || len(probs) != 1 || probs[0].Level != Error || !strings.Contains(probs[0].Msg, msg) ||
		probs[0].Pos != (Pos{File: filepath.Base(p)}) {
		t.Errorf("%s: %d rows, problems %q; want one error containing %q", filepath.Base(p), len(rows), dumpProblems(probs), msg)
	}
}

func TestReadTruncatedSheetXML(t *testing.T) {
	t.Parallel()
	for _, cut := range []struct {
		name string
		edit func([]byte) []byte
	}{
		{"mid-row", func(b []byte) []byte { return b[:bytes.Index(b, []byte(`<row r="30"`))+40] }},
		{"after-row", func(b []byte) []byte { return b[:bytes.Index(b, []byte(`<row r="30"`))] }},
		{"no-end", func(b []byte) []byte { return b[:bytes.Index(b, []byte(`</worksheet>`))] }},
		{"garbage-mid", func(b []byte) []byte {
			i := bytes.Index(b, []byte(`<row r="20"`))
			return append(append(append([]byte{}, b[:i]...), "<c><<<"...), b[i:]...)
		}},
		{"garbage-last", func(b []byte) []byte {
			i := bytes.Index(b, []byte(`<row r="51"`))
			return append(append(append([]byte{}, b[:i+12]...), "<c r=\"A51\" <"...), b[i+12:]...)
		}},
	} {
		t.Run(cut.name, func(t *testing.T) {
			dir := t.TempDir()
			p := writeBook(t, dir, "cut.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(50)}}})
			rewriteZip(t, p, func(name string, data []byte) []byte {
				if name == "xl/worksheets/sheet1.xml" {
					return cut.edit(data)
				}
				return data
			})
			wantRefused(t, p, ReadOptions{}, "文件已损坏（")
		})
	}
}

func TestReadChecksum(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "crc.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(50)}}})
	rewriteZip(t, p, func(_ string, data []byte) []byte { return data }) // all entries stored
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	var off int64
	for _, zf := range zr.File {
		if zf.Name == "xl/sharedStrings.xml" || zf.Name == "xl/worksheets/sheet1.xml" {
			o, _ := zf.DataOffset()
			if zf.Name == "xl/sharedStrings.xml" {
				off = o + int64(zf.UncompressedSize64) - 30 // inside the text of a late string
			}
		}
	}
	zr.Close()
	b, _ := os.ReadFile(p)
	b[off] ^= 0x01
	os.WriteFile(p, b, 0o644)
	wantRefused(t, p, ReadOptions{}, "xl/sharedStrings.xml 数据校验失败")

	// A flipped byte in a deflated worksheet.
	p = writeBook(t, dir, "crc2.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(50)}}})
	zr, _ = zip.OpenReader(p)
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" {
			off, _ = zf.DataOffset()
			off += int64(zf.CompressedSize64) / 2
		}
	}
	zr.Close()
	b, _ = os.ReadFile(p)
	b[off] ^= 0x10
	os.WriteFile(p, b, 0o644)
	wantRefused(t, p, ReadOptions{}, "文件已损坏（xl/worksheets/sheet1.xml")
}

func TestReadRefusedFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	good := writeBook(t, dir, "good.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(5)}}})
	data, _ := os.ReadFile(good)
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	ole := append([]byte("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"), make([]byte, 600)...)
	wantRefused(t, write("truncated.xlsx", data[:len(data)/2]), ReadOptions{}, "文件已损坏（不是有效的xlsx文件")
	wantRefused(t, write("empty.xlsx", nil), ReadOptions{}, "文件已损坏（文件是空的）")
	wantRefused(t, write("text.xlsx", []byte("hello")), ReadOptions{}, "文件已损坏（")
	// A compound file's first bytes alone are a file cut short; an Excel 5.0/95 file is legacy.
	wantRefused(t, write("cut.xls", ole), ReadOptions{}, "文件已损坏（文件结构不完整，可能下载或复制不完整），请重新导出或重新发送")
	wantRefused(t, write("cut.xlsx", ole), ReadOptions{}, "文件已损坏（文件结构不完整")
	wantRefused(t, write("old.xls", hostile.XLSBIFF5()), ReadOptions{}, "旧版Excel格式（.xls/.et），请用Excel或WPS打开后另存为.xlsx")
	wantRefused(t, write("renamed.xlsx", hostile.XLSBIFF5()), ReadOptions{}, "旧版Excel格式")
	wantRefused(t, write("web.xls", []byte("<html><table><tr><td>1</td></tr></table></html>")), ReadOptions{}, "旧版Excel格式")
	wantRefused(t, good, ReadOptions{MaxUnzip: 1000}, "文件解压后超过1000字节")

	// Encrypted: refused without a password, read with the right one.
	f, err := excelize.OpenFile(good)
	if err != nil {
		t.Fatal(err)
	}
	enc := filepath.Join(dir, "enc.xlsx")
	if err := f.SaveAs(enc, excelize.Options{Password: "secret"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	wantRefused(t, enc, ReadOptions{}, "文件已加密，请用 --password 提供密码")
	wantRefused(t, enc, ReadOptions{Password: "wrong"}, "密码打不开")
	rows, probs := ReadFile(enc, testDict(t), ReadOptions{Password: "secret"})
	if len(rows) != 5 || len(probs) != 0 {
		t.Errorf("with password: %d rows, problems %q", len(rows), dumpProblems(probs))
	}
}

func TestReadOwnReport(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "督查事项汇总_20231220.xlsx", testBook{sheets: []testSheet{
		{name: SheetSummary, rows: []string{"类别|事项数"}},
		{name: SheetItems, rows: []string{"序号|编号|类别|会议|会议日期|事项内容|牵头单位|落实状态", "#1||市政府常务会议|第5次||事项|市统计局|推进中"}},
		{name: SheetProblems, rows: []string{"级别|文件"}},
	}})
	rows, probs := read(t, p)
	sameLines(t, "problems", dumpProblems(probs), []string{"督查事项汇总_20231220.xlsx: 提示: 这是duban生成的汇总表，不再重复汇总，已跳过"})
	if len(rows) != 0 {
		t.Errorf("read %d rows from a report", len(rows))
	}
}

func TestSource(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	for _, name := range []string{
		"b/市统计局.xlsx", "a/市财政局.XLSM", "a/旧.xls", "a/旧.et", "a/说明.docx", "a/~$市财政局.XLSM",
		".git/x.xlsx", "a/.hidden.xlsx", "c/模板.xltx", "Thumbs.db",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("x"), 0o644)
	}
	explicit := filepath.Join(dir, "a", "说明.docx")
	files, probs := Source([]string{dir, explicit, filepath.Join(dir, "b", "市统计局.xlsx"), filepath.Join(dir, "没有")})
	var rel []string
	for _, f := range files {
		r, _ := filepath.Rel(dir, f)
		rel = append(rel, filepath.ToSlash(r))
	}
	sameLines(t, "files", rel, []string{"a/市财政局.XLSM", "a/旧.et", "a/旧.xls", "b/市统计局.xlsx", "c/模板.xltx", "a/说明.docx"})
	sameLines(t, "problems", dumpProblems(probs), []string{
		"a/说明.docx: 提示: 不是Excel工作簿，已跳过", // named with its subfolder, as the files read are
		filepath.Join(dir, "没有") + ": 错误: 找不到此文件或文件夹，请检查路径",
	})
}

func BenchmarkReadFile(b *testing.B) {
	dir := b.TempDir()
	f := excelize.NewFile()
	sw, _ := f.NewStreamWriter("Sheet1")
	sw.SetRow("A1", []any{"序号", "类别", "会议", "会议日期", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期", "进展情况"})
	for r := 2; r <= 20001; r++ {
		sw.SetRow("A"+strconv.Itoa(r), []any{r - 1, "市政府常务会议", "第5次", 45000, fmt.Sprintf("事项内容%d", r), "市统计局", 45100 + r%100, "推进中", nil, "正在推进中"})
	}
	sw.Flush()
	p := filepath.Join(dir, "big.xlsx")
	f.SaveAs(p)
	f.Close()
	d := testDict(b)
	b.ResetTimer()
	for range b.N {
		rows, probs := ReadFile(p, d, ReadOptions{})
		if len(rows) != 20000 || len(probs) != 0 {
			b.Fatalf("%d rows, %v", len(rows), probs)
		}
	}
}

// TestReadCorruptedNeverShrinks flips single bits all over a workbook, compressed and
// stored: every result is either the whole sheet or an error, never fewer rows.
func TestReadCorruptedNeverShrinks(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	d := testDict(t)
	rng := rand.New(rand.NewPCG(1, 2))
	for _, stored := range []bool{false, true} {
		p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(200)}}})
		if stored {
			rewriteZip(t, p, func(_ string, b []byte) []byte { return b })
		}
		orig, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		q := filepath.Join(dir, "c.xlsx")
		for range 300 {
			b := bytes.Clone(orig)
			k := rng.IntN(len(b))
			b[k] ^= 1 << rng.IntN(8)
			if err := os.WriteFile(q, b, 0o644); err != nil {
				t.Fatal(err)
			}
			rows, probs := ReadFile(q, d, ReadOptions{})
			if Count(probs, Error) > 0 {
				continue
			}
			if len(rows) != 200 || rows[199].Vals[FieldContent] != "事项200" {
				t.Errorf("stored=%v, bit flipped at %d: %d rows, problems %q", stored, k, len(rows), dumpProblems(probs))
			}
		}
	}
}

// TestReadDeclaredEncoding: parts an exporter wrote in GBK or GB18030, and say so in their
// XML declaration, read as the same workbook in UTF-8 does; an encoding nobody knows refuses
// the file.
func TestReadDeclaredEncoding(t *testing.T) {
	t.Parallel()
	book, err := hostile.Book("台账", hostile.Ledger("市统计局", 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	recode := func(enc string, e encoding.Encoding) []byte {
		out, err := hostile.RewriteZip(book, func(name string, b []byte) []byte {
			if strings.HasPrefix(name, "xl/theme/") || !strings.HasSuffix(name, ".xml") && !strings.HasSuffix(name, ".rels") {
				return b // the theme names fonts of every script; the reader does not read it
			}
			b = bytes.Replace(b, []byte(`encoding="UTF-8"`), []byte(`encoding="`+enc+`"`), 1)
			if e != nil {
				if b, err = e.NewEncoder().Bytes(b); err != nil {
					t.Fatalf("%s in %s: %v", name, enc, err)
				}
			}
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		return out
	}
	d := testDict(t)
	dir := t.TempDir()
	readBytes := func(b []byte) ([]RawRow, []Problem) {
		p := filepath.Join(dir, "市统计局.xlsx")
		os.WriteFile(p, b, 0o644)
		return ReadFile(p, d, ReadOptions{})
	}
	want, probs := readBytes(book)
	if len(want) != 3 || len(probs) != 0 {
		t.Fatalf("UTF-8: %d rows, problems %q", len(want), dumpProblems(probs))
	}
	for _, c := range []struct {
		name string
		e    encoding.Encoding
	}{{"GBK", simplifiedchinese.GBK}, {"gb2312", simplifiedchinese.GBK}, {"GB18030", simplifiedchinese.GB18030}} {
		got, probs := readBytes(recode(c.name, c.e))
		if len(probs) != 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: problems %q, rows\n%+v\nwant\n%+v", c.name, dumpProblems(probs), got, want)
		}
	}
	rows, probs := readBytes(recode("x-unknown", nil))
	if len(rows) != 0 || len(probs) != 1 || !strings.Contains(probs[0].Msg, "x-unknown") {
		t.Errorf("unknown encoding: %d rows, problems %q", len(rows), dumpProblems(probs))
	}
}

// Parts that .NET writers begin with a byte-order mark, or write in UTF-16, read as the same
// workbook without one, with no message (issue 11).
func TestReadByteOrderMark(t *testing.T) {
	t.Parallel()
	book, err := hostile.Book("台账", hostile.Ledger("市统计局", 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	d := testDict(t)
	dir := t.TempDir()
	readBytes := func(b []byte) ([]RawRow, []Problem) {
		p := filepath.Join(dir, "市统计局.xlsx")
		os.WriteFile(p, b, 0o644)
		return ReadFile(p, d, ReadOptions{})
	}
	want, probs := readBytes(book)
	if len(want) != 3 || len(probs) != 0 {
		t.Fatalf("without BOM: %d rows, problems %q", len(want), dumpProblems(probs))
	}
	for name, mark := range map[string]func([]byte) []byte{
		"UTF-8": func(b []byte) []byte { return append([]byte("\xEF\xBB\xBF"), b...) },
		"UTF-16LE": func(b []byte) []byte {
			b = bytes.Replace(b, []byte(`encoding="UTF-8"`), []byte(`encoding="UTF-16"`), 1)
			out, err := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder().Bytes(b)
			if err != nil {
				t.Fatal(err)
			}
			return out
		},
	} {
		bom, err := hostile.RewriteZip(book, func(part string, b []byte) []byte {
			if strings.HasSuffix(part, ".xml") || strings.HasSuffix(part, ".rels") {
				return mark(b)
			}
			return b
		})
		if err != nil {
			t.Fatal(err)
		}
		if got, probs := readBytes(bom); len(probs) != 0 || !reflect.DeepEqual(got, want) {
			t.Errorf("%s: problems %q, rows\n%+v\nwant\n%+v", name, dumpProblems(probs), got, want)
		}
	}
}

// TestReadCaseTwinEntries: two zip entries whose names differ only in case are ambiguous
// (SPEC §2.1) — Excel could show one table and duban read the other — so the file is refused
// whole as damaged, naming the entry, and no row of either is counted. Apache POI keeps such a
// file as a test case (test-data/spreadsheet/duplicate-filename-case-insensitive.xlsx).
func TestReadCaseTwinEntries(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "twins.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: manyRows(5)}}})
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var sheet string
	keep := func(name string, b []byte) []byte {
		if name == "xl/worksheets/sheet1.xml" {
			sheet = string(b)
		}
		return b
	}
	if _, err := hostile.WithParts(data, keep, nil); err != nil || sheet == "" {
		t.Fatalf("no sheet1.xml to copy: %v", err)
	}
	for _, twin := range []string{"xl/worksheets/Sheet1.xml", "XL/WORKSHEETS/SHEET1.XML"} {
		out, err := hostile.WithParts(data, func(_ string, b []byte) []byte { return b }, map[string]string{twin: sheet})
		if err != nil {
			t.Fatal(err)
		}
		q := filepath.Join(dir, "twin.xlsx")
		if err := os.WriteFile(q, out, 0o644); err != nil {
			t.Fatal(err)
		}
		wantRefused(t, q, ReadOptions{},
			"文件已损坏（压缩包中有名称只差大小写的条目 "+twin+"，无法确定应读哪一个），请重新导出或重新发送")
	}
}
