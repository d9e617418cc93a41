package xlsx

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math"
	"reflect"
	"testing"
	"unicode/utf16"

	"github.com/duban/duban/internal/hostile"
)

// Records of a test workbook, written as the BIFF8 specification lays them out.

func u16(v int) []byte    { return binary.LittleEndian.AppendUint16(nil, uint16(v)) }
func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }

func cat(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// utf16le is s as UTF-16LE bytes.
func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = binary.LittleEndian.AppendUint16(b, u)
	}
	return b
}

// xlString is an XLUnicodeString in UTF-16: count, flag byte 1, characters.
func xlString(s string) []byte {
	return cat(u16(len(utf16.Encode([]rune(s)))), []byte{1}, utf16le(s))
}

func cellHead(row, col int) []byte { return cat(u16(row), u16(col), u16(15)) }

func recNum(row, col int, v float64) []byte {
	return hostile.Record(recNumber, cat(cellHead(row, col), binary.LittleEndian.AppendUint64(nil, math.Float64bits(v))))
}
func recRKv(row, col int, rk uint32) []byte {
	return hostile.Record(recRK, cat(cellHead(row, col), u32(rk)))
}
func recSSTCell(row, col, i int) []byte {
	return hostile.Record(recLabelSST, cat(cellHead(row, col), u32(uint32(i))))
}
func recLabelCell(row, col int, s string) []byte {
	return hostile.Record(recLabel, cat(cellHead(row, col), xlString(s)))
}
func recBoolErrCell(row, col int, v, isErr byte) []byte {
	return hostile.Record(recBoolErr, cat(cellHead(row, col), []byte{v, isErr}))
}
func recFormulaCell(row, col int, result []byte) []byte {
	return hostile.Record(recFormula, cat(cellHead(row, col), result, u16(0), u32(0), u16(3), []byte{0x1E, 1, 0}))
}
func formulaSpecial(typ, v byte) []byte { return []byte{typ, 0, v, 0, 0, 0, 0xFF, 0xFF} }

// sstRecord is an SST record of UTF-16 strings, with no CONTINUE.
func sstRecord(strs ...string) []byte {
	d := cat(u32(uint32(len(strs))), u32(uint32(len(strs))))
	for _, s := range strs {
		d = append(d, xlString(s)...)
	}
	return hostile.Record(recSST, d)
}

// rkFloat is the RK of a float64 whose low 34 bits are zero.
func rkFloat(v float64) uint32 { return uint32(math.Float64bits(v) >> 32) }

// rkInt is the RK of an integer, divided by 100 if div.
func rkInt(v int32, div bool) uint32 {
	rk := uint32(v)<<2 | 2
	if div {
		rk |= 1
	}
	return rk
}

type xsheet struct {
	name        string
	state, kind byte
	recs        [][]byte // between the BOF and the EOF
}

// workbookStream lays out a globals substream (BOF, globals, BOUNDSHEETs, EOF) and the
// sheets' substreams after it, with the BOUNDSHEET offsets pointing at them.
func buildStream(globals [][]byte, sheets ...xsheet) []byte {
	head := cat(hostile.BOF(biff8, sheetGlobals), cat(globals...))
	bound := func(s xsheet, pos int) []byte {
		return hostile.Record(recBoundSheet, cat(u32(uint32(pos)), []byte{s.state, s.kind, byte(len(utf16.Encode([]rune(s.name)))), 1}, utf16le(s.name)))
	}
	pos := len(head) + len(hostile.EOFRecord)
	for _, s := range sheets {
		pos += len(bound(s, 0))
	}
	var bs, subs []byte
	for _, s := range sheets {
		bs = append(bs, bound(s, pos)...)
		typ := uint16(0x10)
		if s.kind == 2 {
			typ = 0x20
		}
		sub := cat(hostile.BOF(biff8, typ), cat(s.recs...), hostile.EOFRecord)
		subs = append(subs, sub...)
		pos += len(sub)
	}
	return cat(head, bs, hostile.EOFRecord, subs)
}

func readXLSBytes(b []byte, opt Options) (*Book, error) {
	cf, err := openCFB(b)
	if err != nil {
		return nil, err
	}
	return readXLS(cf, int64(len(b)), opt)
}

func buildXLS(globals [][]byte, sheets ...xsheet) []byte {
	return hostile.CFB(hostile.Stream{Name: "Workbook", Data: buildStream(globals, sheets...)})
}

// cellsWorkbook holds one of each cell record, a hidden sheet and a chart sheet.
func cellsWorkbook() []byte {
	mulrk := hostile.Record(recMulRK, cat(u16(3), u16(1), u16(15), u32(rkInt(-7, false)), u16(15), u32(rkInt(250, true)), u16(2)))
	merge := hostile.Record(recMergedCells, cat(u16(1), u16(0), u16(0), u16(0), u16(2)))
	return buildXLS([][]byte{hostile.Record(recDateMode, u16(1)), sstRecord("督查", "", "台账")},
		xsheet{name: "表一", recs: [][]byte{
			merge,
			recSSTCell(0, 0, 0),
			hostile.Record(recMulBlank, cat(u16(0), u16(1), u16(15), u16(15), u16(2))),
			recRKv(1, 0, rkFloat(-1.5)),
			recRKv(1, 1, rkInt(1, true)), // 0.01
			recRKv(1, 2, rkInt(123456789, false)),
			recRKv(1, 3, rkFloat(-0.25)),
			recNum(1, 4, 1500),
			recNum(1, 5, 1.5e-7),
			recNum(1, 6, 1e21),
			recNum(1, 7, 45291.5),
			mulrk,
			recBoolErrCell(4, 0, 1, 0),
			recBoolErrCell(4, 1, 0, 0),
			recBoolErrCell(4, 2, 0x07, 1),
			recBoolErrCell(4, 3, 0x2A, 1),
			recLabelCell(4, 4, "标签"),
			recSSTCell(4, 5, 1),
			recFormulaCell(5, 0, binary.LittleEndian.AppendUint64(nil, math.Float64bits(-42))),
			recFormulaCell(5, 1, formulaSpecial(0, 0)),
			hostile.Record(0x04BC, make([]byte, 10)), // SHRFMLA between FORMULA and STRING
			hostile.Record(recString, xlString("公式文本")),
			recFormulaCell(5, 2, formulaSpecial(1, 1)),
			recFormulaCell(5, 3, formulaSpecial(2, 0x0F)),
			recFormulaCell(5, 4, formulaSpecial(3, 0)),
			recFormulaCell(5, 5, formulaSpecial(0, 0)), // no STRING follows
			hostile.Record(recBlank, cellHead(9, 3)),
			hostile.Record(recRow, cat(u16(11), make([]byte, 14))),
			hostile.Record(recRow, cat(u16(10), []byte{0})), // cut short: only its row number is read
		}},
		xsheet{name: "Hidden", state: 1, recs: [][]byte{recSSTCell(2, 1, 2)}},
		xsheet{name: "Chart", kind: 2, recs: [][]byte{recNum(0, 0, 1)}},
	)
}

func TestXLSCells(t *testing.T) {
	t.Parallel()
	b := cellsWorkbook()
	got, err := readXLSBytes(b, Options{})
	if err != nil {
		t.Fatal(err)
	}
	num := func(v string) Cell { return Cell{Value: v, Kind: Number} }
	want := &Book{Format: BIFF8, Date1904: true, Sheets: []*Sheet{
		{Name: "表一", LastRow: 12, Merges: []Range{{C1: 1, R1: 1, C2: 3, R2: 1}}, Rows: []Row{
			{N: 1, Cells: []Cell{{Value: "督查", Kind: Text}}},
			{N: 2, Cells: []Cell{num("-1.5"), num("0.01"), num("123456789"), num("-0.25"), num("1500"), num("0.00000015"), num("1000000000000000000000"), num("45291.5")}},
			{N: 4, Cells: []Cell{{}, num("-7"), num("2.5")}},
			{N: 5, Cells: []Cell{{Value: "1", Kind: Bool}, {Value: "0", Kind: Bool}, {Value: "#DIV/0!", Kind: Error}, {Value: "#N/A", Kind: Error}, {Value: "标签", Kind: Text}, {Value: "", Kind: Text}}},
			{N: 6, Cells: []Cell{num("-42"), {Value: "公式文本", Kind: Text}, {Value: "1", Kind: Bool}, {Value: "#VALUE!", Kind: Error}, {Value: "", Kind: Text}, {Kind: Uncalculated}}},
		}},
		{Name: "Hidden", Hidden: true, LastRow: 3, Rows: []Row{{N: 3, Cells: []Cell{{}, {Value: "台账", Kind: Text}}}}},
		{Name: "Chart", Kind: OtherSheet},
	}}
	if !reflect.DeepEqual(got, want) {
		for i := range max(len(got.Sheets), len(want.Sheets)) {
			if i < len(got.Sheets) && i < len(want.Sheets) {
				t.Logf("sheet %d\n got %+v\nwant %+v", i, *got.Sheets[i], *want.Sheets[i])
			}
		}
		t.Fatalf("got %+v, want %+v", got, want)
	}
}

// sstSegments is an SST record whose data is split into CONTINUE records: segs[0] follows the
// 8-byte header; each later segment is one CONTINUE record's data as given (flag bytes
// included by the caller where the split is inside characters).
func sstSegments(unique uint32, segs ...[]byte) []byte {
	out := hostile.Record(recSST, cat(u32(unique), u32(unique), segs[0]))
	for _, s := range segs[1:] {
		out = append(out, hostile.Record(recContinue, s)...)
	}
	return out
}

type sstCase struct {
	name string
	sst  []byte
	want []string
}

// sstCase's workbook has the SST and one cell per string wanted.
func (c sstCase) file() []byte {
	cells := make([][]byte, len(c.want))
	for i := range c.want {
		cells[i] = recSSTCell(i, 0, i)
	}
	return buildXLS([][]byte{c.sst}, xsheet{name: "S", recs: cells})
}

func sstCases() []sstCase {
	runs := cat(u16(0), u16(1), u16(1), u16(2)) // two rich-text runs, 8 bytes
	ext := []byte{1, 2, 3, 4, 5, 6}
	return []sstCase{
		{"split inside UTF-16 characters", sstSegments(2,
			cat(u16(3), []byte{1}, utf16le("中")),
			cat([]byte{1}, utf16le("文字"), u16(1), []byte{0}, []byte("x"))),
			[]string{"中文字", "x"}},
		{"compressed, then UTF-16 after the split", sstSegments(1,
			cat(u16(4), []byte{0}, []byte("ab")),
			cat([]byte{1}, utf16le("c中"))),
			[]string{"abc中"}},
		{"UTF-16, then compressed after the split", sstSegments(1,
			cat(u16(4), []byte{1}, utf16le("督查")),
			cat([]byte{0}, []byte{0xE9, 'z'})),
			[]string{"督查éz"}},
		{"split between strings: no flag byte", sstSegments(2,
			cat(u16(2), []byte{1}, utf16le("台账")),
			cat(u16(2), []byte{1}, utf16le("事项"))),
			[]string{"台账", "事项"}},
		{"header at the end of a record, characters in the next", sstSegments(1,
			cat(u16(2), []byte{1}),
			cat([]byte{1}, utf16le("牵头"))),
			[]string{"牵头"}},
		{"a surrogate pair split across records", sstSegments(1,
			cat(u16(3), []byte{1}, utf16le("A"), utf16le("😀")[:2]),
			cat([]byte{1}, utf16le("😀")[2:])),
			[]string{"A😀"}},
		{"rich runs and phonetic data split without flag bytes", sstSegments(2,
			cat(u16(2), []byte{0x0D}, u16(2), u32(uint32(len(ext))), utf16le("甲乙"), runs[:3]),
			cat(runs[3:], ext[:4]),
			cat(ext[4:], u16(1), []byte{0}, []byte("z"))),
			[]string{"甲乙", "z"}},
		{"fewer strings than counted", sstSegments(5, cat(u16(1), []byte{0}, []byte("a"))), []string{"a"}},
		{"a count of 2^31 strings", sstSegments(1<<31, cat(u16(1), []byte{0}, []byte("b"))), []string{"b"}},
	}
}

func TestXLSSSTContinue(t *testing.T) {
	t.Parallel()
	for _, tt := range sstCases() {
		t.Run(tt.name, func(t *testing.T) {
			book, err := readXLSBytes(tt.file(), Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range book.Sheets[0].Rows {
				got = append(got, r.Cells[0].Value)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

type refusedCase struct {
	name   string
	file   []byte
	opt    Options
	err    error // a sentinel, or the FormatError's Err
	offset int64 // of the FormatError; -2 for any
}

// sheetsAt is a workbook of two sheets whose second BOUNDSHEET (at byte 34) points at pos,
// or at the first sheet's substream if pos < 0.
func sheetsAt(pos int) []byte {
	s := buildStream(nil, xsheet{name: "A", recs: [][]byte{recNum(0, 0, 1)}}, xsheet{name: "B"})
	p := binary.LittleEndian.Uint32(s[20+4:])
	if pos >= 0 {
		p = uint32(pos)
	}
	binary.LittleEndian.PutUint32(s[34+4:], p)
	return hostile.CFB(hostile.Stream{Name: "Workbook", Data: s})
}

func refusedCases() []refusedCase {
	globalsLen := len(hostile.BOF(biff8, sheetGlobals))
	huge := hostile.Record(recSST, cat(u32(1), u32(1), u16(30000), []byte{1}, utf16le("短")))
	tooLong := hostile.Record(recSST, cat(u32(1), u32(1), u16(40000), []byte{0}, []byte("x")))
	wide := make([][]byte, 20)
	for i := range wide {
		wide[i] = recNum(i, 255, 1)
	}
	return []refusedCase{
		{"FILEPASS", hostile.XLSEncrypted(), Options{}, ErrEncryptedXLS, 0},
		{"BIFF5", hostile.XLSBIFF5(), Options{}, ErrLegacy, 0},
		{"BIFF4 BOF", hostile.CFB(hostile.Stream{Name: "Book", Data: hostile.Record(recBOF4, make([]byte, 6))}), Options{}, ErrLegacy, 0},
		{"no Workbook stream (WPS .et)", hostile.ETNotBIFF(), Options{}, ErrLegacy, 0},
		{"a record claiming 65535 bytes", hostile.CFB(hostile.Stream{Name: "Workbook", Data: cat(hostile.BOF(biff8, sheetGlobals), u16(recSST), u16(0xFFFF), make([]byte, 100))}),
			Options{}, errXLSRecordSize, int64(globalsLen)},
		{"a record cut short", hostile.CFB(hostile.Stream{Name: "Workbook", Data: cat(hostile.BOF(biff8, sheetGlobals), u16(recSST), u16(200), make([]byte, 100))}),
			Options{}, errXLSTruncated, int64(globalsLen)},
		{"no EOF", hostile.CFB(hostile.Stream{Name: "Workbook", Data: hostile.BOF(biff8, sheetGlobals)}), Options{}, errXLSNoEOF, int64(globalsLen)},
		{"a string claiming 30000 characters", buildXLS([][]byte{huge}), Options{}, errXLSTruncated, int64(globalsLen)},
		{"a string over 32767 characters", buildXLS([][]byte{tooLong}), Options{}, errXLSString, int64(globalsLen)},
		{"a shared string index out of range", buildXLS([][]byte{sstRecord("a")}, xsheet{name: "S", recs: [][]byte{recSSTCell(0, 0, 1)}}), Options{}, errXLSSSTIndex, -2},
		{"column 257", buildXLS(nil, xsheet{name: "S", recs: [][]byte{recNum(0, 256, 1)}}), Options{}, errXLSCell, -2},
		{"more cells than allowed", buildXLS(nil, xsheet{name: "S", recs: wide}), Options{MaxUnzip: 24 * 1000}, errXLSTooMany, -2},
		{"two sheets at one offset", sheetsAt(-1), Options{}, errXLSSheetOff, 34},
		{"a sheet beyond the stream", sheetsAt(1 << 20), Options{}, errXLSSheetOff, 34},
		{"an unknown error code", buildXLS(nil, xsheet{name: "S", recs: [][]byte{recBoolErrCell(0, 0, 0x55, 1)}}), Options{}, errXLSErrorCode, -2},
	}
}

func TestXLSRefused(t *testing.T) {
	t.Parallel()
	for _, tt := range refusedCases() {
		t.Run(tt.name, func(t *testing.T) {
			book, err := readXLSBytes(tt.file, tt.opt)
			if book != nil {
				t.Errorf("got a book %+v", book)
			}
			var fe *FormatError
			if tt.err == ErrEncryptedXLS || tt.err == ErrLegacy {
				if err != tt.err {
					t.Fatalf("got %v, want %v", err, tt.err)
				}
				return
			}
			if !errors.As(err, &fe) || fe.Part != "Workbook" || fe.Err != tt.err {
				t.Fatalf("got %v, want a Workbook FormatError %v", err, tt.err)
			}
			if tt.offset != -2 && fe.Offset != tt.offset {
				t.Errorf("offset %d, want %d", fe.Offset, tt.offset)
			}
		})
	}
}

// A password is not tried on an .xls: the error still says encrypted, and that no password
// was tried.
func TestXLSPasswordNotTried(t *testing.T) {
	t.Parallel()
	_, err := readXLSBytes(hostile.XLSEncrypted(), Options{Password: "123"})
	if err != ErrEncryptedXLS || !errors.Is(err, ErrEncrypted) || err.Error() != "xlsx: workbook is encrypted: a password-protected .xls is not decrypted" {
		t.Fatalf("got %v", err)
	}
}

// The stream's size decides before any cell is read: a stream beyond MaxUnzip is TooBig.
func TestXLSTooBig(t *testing.T) {
	t.Parallel()
	b := buildXLS([][]byte{sstRecord(string(make([]rune, 3000)))})
	_, err := readXLSBytes(b, Options{MaxUnzip: 1000})
	var tb *TooBigError
	if !errors.As(err, &tb) || tb.Limit != 1000 {
		t.Fatalf("got %v, want a TooBigError with limit 1000", err)
	}
}
