package xlsx

import (
	"bytes"
	"encoding/binary"
	"math"
	"reflect"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// Legacy workbooks xlrd, LibreOffice and Excel read, read here too (issue 20).

// xlsIssue20Cases are the workbooks and the first column of each row they hold; FuzzXLS is
// seeded with them.
func xlsIssue20Cases() []struct {
	name string
	file []byte
	want []string
} {
	num := binary.LittleEndian.AppendUint64(nil, math.Float64bits(7))
	formula4 := func(row int, result []byte) []byte {
		return hostile.Record(recFormula4, cat(cellHead(row, 0), result, u16(0), u32(0), u16(3), []byte{0x1E, 1, 0}))
	}
	// A sheet whose BOUNDSHEET points past its BOF record (20 bytes on): the BOF is found
	// by searching forward from the end of the globals.
	offBOF := buildStream(nil, xsheet{name: "S", recs: [][]byte{recLabelCell(0, 0, "偏移")}})
	at := len(hostile.BOF(biff8, sheetGlobals)) + 4
	binary.LittleEndian.PutUint32(offBOF[at:], binary.LittleEndian.Uint32(offBOF[at:])+20)
	// A header counting one DIFAT sector that does not exist, and 200 mini FAT sectors
	// (.NET ExcelLibrary writes such counts).
	miscount := buildXLS(nil, xsheet{name: "S", recs: [][]byte{recLabelCell(0, 0, "计数")}})
	binary.LittleEndian.PutUint32(miscount[0x48:], 1)
	binary.LittleEndian.PutUint32(miscount[0x40:], 200)
	return []struct {
		name string
		file []byte
		want []string
	}{
		// POI WrongFormulaRecordType.xls, Tika jxl.xls: FORMULA as type 0x0406.
		{"FORMULA records of type 0x0406", buildXLS(nil, xsheet{name: "S", recs: [][]byte{
			formula4(0, num), formula4(1, formulaSpecial(0, 0)), hostile.Record(recString, xlString("文本结果")),
		}}), []string{"7", "文本结果"}},
		// ExcelDataReader Test_git_issue_392_oob.xls, NPOI optional_label_options.xls.
		{"an empty LABEL without its flag byte", buildXLS(nil, xsheet{name: "S", recs: [][]byte{
			hostile.Record(recLabel, cat(cellHead(0, 0), u16(0))), recLabelCell(1, 0, "后面"),
		}}), []string{"", "后面"}},
		{"an empty CONTINUE inside the SST", func() []byte {
			return sstCase{sst: sstSegments(2,
				cat(u16(3), []byte{1}, utf16le("中")), nil,
				cat([]byte{1}, utf16le("文字"), u16(1), []byte{0}, []byte("x"))), want: []string{"中文字", "x"}}.file()
		}(), []string{"中文字", "x"}},
		{"an empty CONTINUE between strings", func() []byte {
			return sstCase{sst: sstSegments(2, cat(u16(1), []byte{0}, []byte("a")), nil, cat(u16(1), []byte{0}, []byte("b"))),
				want: []string{"a", "b"}}.file()
		}(), []string{"a", "b"}},
		{"a sheet offset past its BOF", hostile.CFB(hostile.Stream{Name: "Workbook", Data: offBOF}), []string{"偏移"}},
		{"a compound-file header with miscounted sectors", miscount, []string{"计数"}},
		{"text saying EncryptedPackage", buildXLS([][]byte{sstRecord("EncryptedPackage")},
			xsheet{name: "S", recs: [][]byte{recSSTCell(0, 0, 0)}}), []string{"EncryptedPackage"}},
	}
}

func TestXLSIssue20(t *testing.T) {
	t.Parallel()
	for _, c := range xlsIssue20Cases() {
		book, err := Open(bytes.NewReader(c.file), int64(len(c.file)), Options{})
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		var got []string
		for _, r := range book.Sheets[0].Rows {
			got = append(got, r.Cells[0].Value)
		}
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}
