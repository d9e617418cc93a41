package xlsx

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"unsafe"

	"github.com/richardlehane/mscfb"
)

// The legacy binary workbook (.xls, and WPS .et holding the same stream): a compound file
// (CFB) whose Workbook stream is a sequence of BIFF8 records. The globals substream names the
// sheets, holds the shared strings and the date system; each sheet's substream, found by its
// offset, holds the cells. Only what the xlsx path yields is read: values, kinds, merges.
// CODEPAGE is not needed: BIFF8 text is UTF-16, and its compressed (8-bit) strings are
// Latin-1 by the specification whatever the code page says. Excel 5.0/95 (BIFF5/7), whose
// text is in the code page, is refused with ErrLegacy.

// BIFF record types read here.
const (
	recFormula     = 0x0006
	recFormula4    = 0x0406 // FORMULA as BIFF4 numbered it; Apple Numbers and Java Excel API write it in BIFF8
	recEOF         = 0x000A
	recDateMode    = 0x0022
	recFilePass    = 0x002F
	recContinue    = 0x003C
	recBoundSheet  = 0x0085
	recMulRK       = 0x00BD
	recMulBlank    = 0x00BE
	recRString     = 0x00D6
	recMergedCells = 0x00E5
	recSST         = 0x00FC
	recLabelSST    = 0x00FD
	recBlank       = 0x0201
	recNumber      = 0x0203
	recLabel       = 0x0204
	recBoolErr     = 0x0205
	recString      = 0x0207
	recRow         = 0x0208
	recRK          = 0x027E
	recBOF         = 0x0809
	recBOF2        = 0x0009 // BIFF2
	recBOF3        = 0x0209 // BIFF3
	recBOF4        = 0x0409 // BIFF4
)

// Limits of the format, enforced so that a hostile file cannot make the reader allocate or
// loop beyond what its size justifies.
const (
	maxRecordLen = 8224  // BIFF8 record data
	maxChars     = 32767 // characters in one string
	maxRows      = 65536
	maxCols      = 256
	biff8        = 0x0600
	sheetGlobals = 0x0005
)

// Errors of a damaged Workbook stream, wrapped in *FormatError.
var (
	errXLSTruncated  = errors.New("record truncated")
	errXLSRecordSize = errors.New("record longer than 8224 bytes")
	errXLSBOF        = errors.New("substream does not start with BOF")
	errXLSNoEOF      = errors.New("substream without EOF")
	errXLSString     = errors.New("string longer than 32767 characters")
	errXLSSSTIndex   = errors.New("shared string index out of range")
	errXLSCell       = errors.New("cell outside 65536 rows and 256 columns")
	errXLSErrorCode  = errors.New("unknown error code")
	errXLSSheetOff   = errors.New("sheet offset outside the stream or overlapping another sheet")
	errXLSTooMany    = errors.New("more cells than the stream's size allows")
)

// xlsErrors are Excel's error values by their BIFF code.
var xlsErrors = map[byte]string{
	0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!",
	0x1D: "#NAME?", 0x24: "#NUM!", 0x2A: "#N/A", 0x2B: "#GETTING_DATA",
}

const xlsPart = "Workbook"

// readXLS reads a compound file holding a BIFF8 Workbook (or Book) stream. It returns
// ErrLegacy for BIFF5 and older or a compound file without such a stream (a non-BIFF .et),
// ErrEncryptedXLS for a FILEPASS record (with or without opt.Password: .xls is not
// decrypted), *TooBigError for a stream larger than opt.MaxUnzip and
// *FormatError for a damaged file.
func readXLS(cf *mscfb.Reader, size int64, opt Options) (*Book, error) {
	limit := opt.MaxUnzip
	if limit <= 0 {
		limit = DefaultMaxUnzip
	}
	wb, err := workbookStream(cf, size, limit)
	if err != nil {
		return nil, err
	}
	return parseBIFF(wb, limit)
}

// workbookStream returns the Workbook stream of a compound file, whole.
func workbookStream(cf *mscfb.Reader, size, limit int64) (data []byte, err error) {
	// mscfb has its own fuzz target; this guard keeps a panic it missed a damaged file.
	defer func() {
		if r := recover(); r != nil {
			data, err = nil, &FormatError{Part: xlsCompound, Offset: -1, Err: fmt.Errorf("%v", r)}
		}
	}()
	book := rootStream(cf, "Workbook")
	if book == nil {
		book = rootStream(cf, "Book")
	}
	if book == nil {
		return nil, ErrLegacy
	}
	return readStream(book, xlsPart, size, limit)
}

// record is one BIFF record: its type, data and the stream offset of its header.
type record struct {
	typ  uint16
	data []byte
	off  int64
}

// records walks the records of a stream from an offset.
type records struct {
	b   []byte
	pos int
}

// next returns the next record, io.EOF at the end of the stream.
func (r *records) next() (record, error) {
	if r.pos >= len(r.b) {
		return record{}, io.EOF
	}
	off := r.pos
	if len(r.b)-off < 4 {
		return record{}, &FormatError{Part: xlsPart, Offset: int64(off), Err: errXLSTruncated}
	}
	typ := binary.LittleEndian.Uint16(r.b[off:])
	n := int(binary.LittleEndian.Uint16(r.b[off+2:]))
	if n > maxRecordLen {
		return record{}, &FormatError{Part: xlsPart, Offset: int64(off), Err: errXLSRecordSize}
	}
	if len(r.b)-off-4 < n {
		return record{}, &FormatError{Part: xlsPart, Offset: int64(off), Err: errXLSTruncated}
	}
	r.pos = off + 4 + n
	return record{typ: typ, data: r.b[off+4 : r.pos], off: int64(off)}, nil
}

// continued gathers a record's data and that of the CONTINUE records after it.
func (r *records) continued(first record) [][]byte {
	segs := [][]byte{first.data}
	for r.pos+4 <= len(r.b) && binary.LittleEndian.Uint16(r.b[r.pos:]) == recContinue {
		save := r.pos
		c, err := r.next()
		if err != nil {
			r.pos = save // the caller's next() reports it
			break
		}
		segs = append(segs, c.data)
	}
	return segs
}

func formatErr(off int64, err error) error {
	return &FormatError{Part: xlsPart, Offset: off, Err: err}
}

// boundSheet is a BOUNDSHEET record: a sheet's name, state and where its substream starts.
type boundSheet struct {
	sheet *Sheet
	pos   int64
	off   int64 // of the BOUNDSHEET record, for errors
}

// parseBIFF reads the globals substream, then every sheet's.
func parseBIFF(wb []byte, limit int64) (*Book, error) {
	book := &Book{Format: BIFF8}
	rs := &records{b: wb}
	first, err := rs.next()
	if err == io.EOF {
		return nil, formatErr(0, errXLSBOF)
	}
	if err != nil {
		return nil, err
	}
	switch first.typ {
	case recBOF2, recBOF3, recBOF4:
		return nil, ErrLegacy
	case recBOF:
	default:
		return nil, formatErr(0, errXLSBOF)
	}
	if len(first.data) < 4 {
		return nil, formatErr(0, errXLSTruncated)
	}
	if binary.LittleEndian.Uint16(first.data) != biff8 {
		return nil, ErrLegacy
	}
	if binary.LittleEndian.Uint16(first.data[2:]) != sheetGlobals {
		return nil, formatErr(0, errXLSBOF)
	}
	var sst []string
	var sheets []boundSheet
	for {
		rec, err := rs.next()
		if err == io.EOF {
			return nil, formatErr(int64(len(wb)), errXLSNoEOF)
		}
		if err != nil {
			return nil, err
		}
		switch rec.typ {
		case recEOF:
			b := &budget{cells: cellBudget(len(wb), limit)}
			if err := readSheets(wb, rs.pos, sheets, sst, b); err != nil {
				return nil, err
			}
			for _, s := range sheets {
				book.Sheets = append(book.Sheets, s.sheet)
			}
			return book, nil
		case recFilePass:
			return nil, ErrEncryptedXLS
		case recDateMode:
			if len(rec.data) < 2 {
				return nil, formatErr(rec.off, errXLSTruncated)
			}
			book.Date1904 = binary.LittleEndian.Uint16(rec.data) == 1
		case recBoundSheet:
			s, err := readBoundSheet(rec)
			if err != nil {
				return nil, err
			}
			sheets = append(sheets, s)
		case recSST:
			if sst, err = readSST(rs.continued(rec), rec.off); err != nil {
				return nil, err
			}
		}
	}
}

// readBoundSheet reads a BOUNDSHEET record.
func readBoundSheet(rec record) (boundSheet, error) {
	d := rec.data
	if len(d) < 8 {
		return boundSheet{}, formatErr(rec.off, errXLSTruncated)
	}
	s := &Sheet{Hidden: d[4]&3 != 0}
	if d[5] != 0 {
		s.Kind = OtherSheet
	}
	name, _, err := readShortString(d[6:])
	if err != nil {
		return boundSheet{}, formatErr(rec.off, err)
	}
	s.Name = name
	return boundSheet{sheet: s, pos: int64(binary.LittleEndian.Uint32(d)), off: rec.off}, nil
}

// budget is what is left of the cells a workbook may allocate: a file cannot claim more
// than its size allows.
type budget struct{ cells int64 }

// cellBudget allows a stream's cells, blank ones padding a row included, some multiple of
// its size (a real row of values costs at least a few bytes per cell), and never more than
// the unpacked-size limit.
func cellBudget(streamLen int, limit int64) int64 {
	n := 8*int64(streamLen) + 1<<20
	if m := limit / int64(unsafe.Sizeof(Cell{})); n > m {
		n = m
	}
	return n
}

// readSheets reads the sheets' substreams in stream order, the first after the globals end at
// globalsEnd; a substream may not overlap another, so no part of the stream is read twice.
func readSheets(wb []byte, globalsEnd int, sheets []boundSheet, sst []string, b *budget) error {
	order := make([]int, len(sheets))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(i, j int) bool { return sheets[order[i]].pos < sheets[order[j]].pos })
	end := globalsEnd
	for k, i := range order {
		s := sheets[i]
		if s.pos < int64(end) || s.pos >= int64(len(wb)) {
			return formatErr(s.off, errXLSSheetOff)
		}
		pos := int(s.pos)
		if !bofAt(wb, pos) {
			// An offset a few bytes off (xlrd, LibreOffice and Excel read such files): the
			// sheet's BOF is the first after the previous substream, and before the next
			// sheet's offset.
			limit := len(wb)
			if k+1 < len(order) {
				limit = int(min(sheets[order[k+1]].pos, int64(len(wb))))
			}
			if pos = findBOF(wb, end, limit); pos < 0 {
				return formatErr(s.off, errXLSSheetOff)
			}
		}
		n, err := readSheet(wb, pos, s.sheet, sst, b)
		if err != nil {
			return err
		}
		end = n
	}
	return nil
}

// bofAt reports whether a BIFF8 BOF record starts at pos.
func bofAt(wb []byte, pos int) bool {
	return pos >= 0 && pos+8 <= len(wb) && binary.LittleEndian.Uint16(wb[pos:]) == recBOF &&
		binary.LittleEndian.Uint16(wb[pos+2:]) >= 4 && binary.LittleEndian.Uint16(wb[pos+4:]) == biff8
}

// findBOF returns the offset of the first BOF record in wb[from:to], -1 if none.
func findBOF(wb []byte, from, to int) int {
	for i := from; i >= 0 && i < to; i++ {
		j := bytes.Index(wb[i:to], []byte{0x09, 0x08})
		if j < 0 {
			return -1
		}
		if i += j; bofAt(wb, i) {
			return i
		}
	}
	return -1
}

// cellAt is one cell value read from a sheet, before the rows are built.
type cellAt struct {
	row, col uint16
	cell     Cell
}

// sheetReader collects one sheet substream's cells.
type sheetReader struct {
	sst     []string
	cells   []cellAt
	lastRow int
	pending int // index in cells of a string formula waiting for its STRING record, or -1
}

// readSheet reads the substream at pos into s and returns the offset after its EOF.
func readSheet(wb []byte, pos int, s *Sheet, sst []string, b *budget) (int, error) {
	rs := &records{b: wb, pos: pos}
	bof, err := rs.next()
	if err == io.EOF || (err == nil && bof.typ != recBOF) {
		return 0, formatErr(int64(pos), errXLSBOF)
	}
	if err != nil {
		return 0, err
	}
	if len(bof.data) < 4 {
		return 0, formatErr(bof.off, errXLSTruncated)
	}
	if binary.LittleEndian.Uint16(bof.data[2:]) != 0x0010 {
		s.Kind = OtherSheet // a chart, macro sheet or module
	}
	sr := &sheetReader{sst: sst, pending: -1}
	depth := 0 // BOF/EOF pairs nested in the sheet (an embedded chart)
	for {
		rec, err := rs.next()
		if err == io.EOF {
			return 0, formatErr(int64(len(wb)), errXLSNoEOF)
		}
		if err != nil {
			return 0, err
		}
		switch {
		case rec.typ == recBOF:
			depth++
			continue
		case rec.typ == recEOF && depth > 0:
			depth--
			continue
		case rec.typ == recEOF:
			if s.Kind == Worksheet {
				if err := sr.build(s, b); err != nil {
					return 0, formatErr(rec.off, err)
				}
			}
			return rs.pos, nil
		case depth > 0 || s.Kind != Worksheet:
			continue
		case rec.typ == recString && sr.pending >= 0:
			v, err := readStringRecord(rs.continued(rec))
			if err != nil {
				return 0, formatErr(rec.off, err)
			}
			sr.cells[sr.pending].cell = Cell{Value: v, Kind: Text}
			sr.pending = -1
			continue
		case rec.typ == recMergedCells:
			if err := readMerges(rec, s); err != nil {
				return 0, err
			}
			continue
		}
		if err := sr.record(rec); err != nil {
			return 0, formatErr(rec.off, err)
		}
	}
}

// readMerges appends a MERGEDCELLS record's ranges to s.Merges.
func readMerges(rec record, s *Sheet) error {
	d := rec.data
	if len(d) < 2 {
		return formatErr(rec.off, errXLSTruncated)
	}
	n := int(binary.LittleEndian.Uint16(d))
	if len(d) < 2+8*n {
		return formatErr(rec.off, errXLSTruncated)
	}
	for i := 0; i < n; i++ {
		r := d[2+8*i:]
		r1, r2 := int(binary.LittleEndian.Uint16(r)), int(binary.LittleEndian.Uint16(r[2:]))
		c1, c2 := int(binary.LittleEndian.Uint16(r[4:])), int(binary.LittleEndian.Uint16(r[6:]))
		if c1 >= maxCols || c2 >= maxCols {
			return formatErr(rec.off, errXLSCell)
		}
		s.Merges = append(s.Merges, Range{C1: c1 + 1, R1: r1 + 1, C2: c2 + 1, R2: r2 + 1})
	}
	return nil
}

// record reads one cell record of a worksheet; other records are ignored.
func (sr *sheetReader) record(rec record) error {
	d := rec.data
	need := cellRecordLen(rec.typ)
	if need == 0 {
		return nil
	}
	if len(d) < need {
		return errXLSTruncated
	}
	row := binary.LittleEndian.Uint16(d)
	if int(row)+1 > sr.lastRow {
		sr.lastRow = int(row) + 1
	}
	if rec.typ == recRow {
		return nil
	}
	sr.pending = -1
	col := binary.LittleEndian.Uint16(d[2:])
	if col >= maxCols {
		return errXLSCell
	}
	switch rec.typ {
	case recBlank, recMulBlank:
		return nil
	case recNumber:
		sr.add(row, col, numberCell(math.Float64frombits(binary.LittleEndian.Uint64(d[6:]))))
	case recRK:
		sr.add(row, col, numberCell(rkValue(binary.LittleEndian.Uint32(d[6:]))))
	case recMulRK:
		return sr.mulRK(row, col, d)
	case recLabelSST:
		i := binary.LittleEndian.Uint32(d[6:])
		if int64(i) >= int64(len(sr.sst)) {
			return errXLSSSTIndex
		}
		sr.add(row, col, Cell{Value: sr.sst[i], Kind: Text})
	case recLabel, recRString:
		v, err := readStringRecord([][]byte{d[6:]})
		if err != nil {
			return err
		}
		sr.add(row, col, Cell{Value: v, Kind: Text})
	case recBoolErr:
		c, err := boolErr(d[6], d[7])
		if err != nil {
			return err
		}
		sr.add(row, col, c)
	case recFormula, recFormula4:
		return sr.formula(row, col, d[6:14])
	}
	return nil
}

// cellRecordLen is the least length of a cell record's data, 0 for other records.
func cellRecordLen(typ uint16) int {
	switch typ {
	case recRow:
		return 2
	case recBlank, recMulBlank, recMulRK:
		return 6
	case recBoolErr:
		return 8
	case recLabel, recRString:
		return 8 // an empty string may lack its flag byte
	case recRK, recLabelSST:
		return 10
	case recNumber:
		return 14
	case recFormula, recFormula4:
		return 20
	}
	return 0
}

func (sr *sheetReader) add(row, col uint16, c Cell) {
	sr.cells = append(sr.cells, cellAt{row: row, col: col, cell: c})
}

// mulRK reads a MULRK record: RK values in consecutive columns of one row.
func (sr *sheetReader) mulRK(row, first uint16, d []byte) error {
	n := (len(d) - 6) / 6
	if len(d) != 6+6*n {
		return errXLSTruncated
	}
	last := binary.LittleEndian.Uint16(d[len(d)-2:])
	if last < first || int(last-first)+1 != n {
		return errXLSTruncated
	}
	if int(last) >= maxCols {
		return errXLSCell
	}
	for i := 0; i < n; i++ {
		rk := binary.LittleEndian.Uint32(d[4+6*i+2:])
		sr.add(row, first+uint16(i), numberCell(rkValue(rk)))
	}
	return nil
}

// formula reads a FORMULA record's cached result; a string result is in the STRING record
// that follows.
func (sr *sheetReader) formula(row, col uint16, res []byte) error {
	if res[6] != 0xFF || res[7] != 0xFF {
		sr.add(row, col, numberCell(math.Float64frombits(binary.LittleEndian.Uint64(res))))
		return nil
	}
	switch res[0] {
	case 0: // the STRING record follows; until then the result is unknown
		sr.add(row, col, Cell{Kind: Uncalculated})
		sr.pending = len(sr.cells) - 1
		return nil
	case 1:
		c, err := boolErr(res[2], 0)
		if err != nil {
			return err
		}
		sr.add(row, col, c)
	case 2:
		c, err := boolErr(res[2], 1)
		if err != nil {
			return err
		}
		sr.add(row, col, c)
	case 3:
		sr.add(row, col, Cell{Kind: Text})
	default:
		return errXLSTruncated
	}
	return nil
}

// boolErr is the cell of a BOOLERR value: a bool (isErr 0) or an error code.
func boolErr(v, isErr byte) (Cell, error) {
	if isErr == 0 {
		if v != 0 {
			return Cell{Value: "1", Kind: Bool}, nil
		}
		return Cell{Value: "0", Kind: Bool}, nil
	}
	text, ok := xlsErrors[v]
	if !ok {
		return Cell{}, errXLSErrorCode
	}
	return Cell{Value: text, Kind: Error}, nil
}

// rkValue decodes an RK number: a 30-bit integer or the high 30 bits of a float64, either
// possibly to be divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&^3) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// numberCell writes a number as the xlsx path reads one: plain decimal, never exponent form,
// integers without a fraction. NaN and infinities, which no spreadsheet stores, read as #NUM!.
func numberCell(v float64) Cell {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Cell{Value: "#NUM!", Kind: Error}
	}
	if v == 0 {
		v = 0 // no "-0"
	}
	return Cell{Value: strconv.FormatFloat(v, 'f', -1, 64), Kind: Number}
}

// build turns the collected cells into s.Rows: a later record for the same cell wins, as in
// Excel. The rows' width, blank padding included, is charged to the budget before allocation.
func (sr *sheetReader) build(s *Sheet, b *budget) error {
	s.LastRow = sr.lastRow
	cells := sr.cells
	sort.SliceStable(cells, func(i, j int) bool {
		if cells[i].row != cells[j].row {
			return cells[i].row < cells[j].row
		}
		return cells[i].col < cells[j].col
	})
	for i := 0; i < len(cells); {
		j := i
		for j < len(cells) && cells[j].row == cells[i].row {
			j++
		}
		width := int64(cells[j-1].col) + 1
		if b.cells -= width; b.cells < 0 {
			return errXLSTooMany
		}
		row := Row{N: int(cells[i].row) + 1, Cells: make([]Cell, width)}
		for _, c := range cells[i:j] {
			row.Cells[c.col] = c.cell
		}
		s.Rows = append(s.Rows, row)
		i = j
	}
	return nil
}
