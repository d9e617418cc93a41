package sheets

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/transform"
)

// This file is a focused streaming reader for worksheet cell data: it does what excelize's
// Rows iterator does with RawCellValue, about ten times faster and without allocating per
// cell, and unlike that iterator it refuses damaged data instead of stopping early. It reads
// only the cell text (shared strings, inline strings with rich-text runs, str/b/e/d/number
// values as written), the row and column of each cell and the merged cells; excelize keeps
// doing everything else.
//
// The XML is checked as it is read: tags must nest and close, attributes must be quoted,
// entities must be known, text must be UTF-8 without control characters, and the document
// must end. The part is always read to its end, so archive/zip verifies its checksum.

// Details of fastread errors, shown inside msgDamaged (see detXML).
const (
	detFastCut       = "内容不完整"
	detFastSyntax    = "第%d字节附近格式错误（%s）"
	detFastTooLong   = "单个XML标记或文本超过%d字节"
	detFastRowOrder  = "行号%d出现在第%d行之后"
	detFastCellOrder = "单元格%s出现在同一行的第%d列之后"
	detFastCellRef   = "单元格引用“%s”无效"
	detFastRowNum    = "行号“%s”无效"
	detFastSSTIndex  = "共享字符串编号“%s”无效（共%d个）"
)

// fastMaxToken bounds one tag or one run of text; real cells hold at most 32,767 characters.
const fastMaxToken = 16 << 20

// Excel's limits.
const (
	fastMaxRow = 1048576
	fastMaxCol = 16384
)

// fastRow is one row of a worksheet that has at least one cell value. Cells[i] is column
// i+1; the slice ends at the last cell with a value (or a formula), as excelize's Rows does.
type fastRow struct {
	N     int // 1-based row number
	Cells []string
}

// Uncalculated is the value read for a formula cell that holds no calculated result.
const Uncalculated = "\x00未计算的公式"

// fastSheet is what a worksheet holds for the reader.
type fastSheet struct {
	Rows    []fastRow   // rows with a value, in order; rows not listed are blank
	Merges  []cellRange // <mergeCell ref>, in document order
	LastRow int         // the number of the last <row> element, blank or not; 0 if none
}

// readSheetFast reads a worksheet part. sst is the workbook's shared strings. A damaged
// part — bad checksum, truncated, not well-formed, rows or cells out of order, an unknown
// shared string — is an error (a fileError for the user): never fewer rows silently.
func readSheetFast(zf *zip.File, part string, sst []string) (*fastSheet, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, zipError(part, err)
	}
	defer rc.Close()
	return parseSheetFast(rc, part, sst)
}

// readSharedStringsFast reads xl/sharedStrings.xml: the text of each <si>, with its
// rich-text runs joined and phonetic runs (<rPh>) left out, _xHHHH_ escapes decoded.
func readSharedStringsFast(zf *zip.File, part string) ([]string, error) {
	rc, err := zf.Open()
	if err != nil {
		return nil, zipError(part, err)
	}
	defer rc.Close()
	return parseSharedStringsFast(rc, part)
}

// fastBookInfo reads what the reader needs from a workbook besides its sheets: the date
// system (workbookPr date1904 in the workbook part) and the description of the document
// properties (docProps/core.xml), by which IsOwnReport recognises duban's reports.
func fastBookInfo(pkg *workbookPackage, workbookPart string) (date1904 bool, description string, err error) {
	var wb struct {
		Pr struct {
			Date1904 string `xml:"date1904,attr"`
		} `xml:"workbookPr"`
	}
	if err := pkg.decode(workbookPart, &wb); err != nil && !errors.Is(err, errNoPart) {
		return false, "", err
	}
	date1904 = wb.Pr.Date1904 == "1" || strings.EqualFold(wb.Pr.Date1904, "true")
	var core struct {
		Description string `xml:"description"`
	}
	if err := pkg.decode("docProps/core.xml", &core); err != nil && !errors.Is(err, errNoPart) {
		return date1904, "", err
	}
	return date1904, core.Description, nil
}

// ---- the worksheet ----

// Element codes: the local names that matter, by where they occur.
const (
	elOther = iota
	elSheetData
	elRow
	elC
	elV
	elF
	elIs
	elR
	elRPh
	elT
	elMergeCell
	elSI
)

func elementCode(local []byte) int {
	switch string(local) {
	case "sheetData":
		return elSheetData
	case "row":
		return elRow
	case "c":
		return elC
	case "v":
		return elV
	case "f":
		return elF
	case "is":
		return elIs
	case "r":
		return elR
	case "rPh":
		return elRPh
	case "t":
		return elT
	case "mergeCell":
		return elMergeCell
	case "si":
		return elSI
	}
	return elOther
}

// cellSpan is one cell of the row being read: its value is text[start:end], or sst[sst].
type cellSpan struct {
	col        int
	start, end int
	sst        int // index into the shared strings, -1 if the value is in text
}

type sheetParser struct {
	x     xmlScan
	sst   []string
	out   *fastSheet
	prev  int // number of the previous <row>
	row   int // number of the current row
	cells []cellSpan
	text  []byte // the current row's text
	slab  []string

	// the current cell
	cellStart int // text offset where the cell's text begins
	col       int
	typ       string
	hasF      bool
	vStart    int // text offset of the <v> value
	vEnd      int
	tStart    int // text offset of the inline string
	hasIs     bool
	hasV      bool
	capture   int // elV or elT while inside a value to keep, else elOther
}

func parseSheetFast(r io.Reader, part string, sst []string) (*fastSheet, error) {
	p := &sheetParser{sst: sst, out: &fastSheet{}}
	p.x.init(r)
	if err := p.run(); err != nil {
		return nil, p.x.wrap(part, err)
	}
	return p.out, nil
}

func (p *sheetParser) run() error {
	x := &p.x
	for {
		kind, err := x.next()
		if err != nil {
			return err
		}
		switch kind {
		case tokEOF:
			return nil
		case tokText:
			if p.capture != elOther {
				if p.text, err = x.appendText(p.text); err != nil {
					return err
				}
			} else if err = x.checkText(); err != nil {
				return err
			}
		case tokStart:
			if err := p.start(x.code, x.parentCode()); err != nil {
				return err
			}
			if x.selfClose {
				if err := p.end(x.code); err != nil {
					return err
				}
				x.pop()
			}
		case tokEnd:
			if err := p.end(x.code); err != nil {
				return err
			}
			x.pop()
		}
	}
}

func (p *sheetParser) start(code, parent int) error {
	x := &p.x
	switch {
	case code == elRow && parent == elSheetData:
		n := p.prev + 1
		if v, ok := x.attr("r"); ok {
			var err error
			if n, err = strconv.Atoi(string(bytes.TrimSpace(v))); err != nil || n < 1 || n > fastMaxRow {
				return fileErrorf(detFastRowNum, string(v))
			}
		}
		if n <= p.prev {
			return fileErrorf(detFastRowOrder, n, p.prev)
		}
		p.row, p.prev = n, n
		p.cells, p.text = p.cells[:0], p.text[:0]
	case code == elC && parent == elRow:
		p.col++
		if v, ok := x.attr("r"); ok {
			c, ok := columnOf(v)
			if !ok {
				return fileErrorf(detFastCellRef, string(v))
			}
			p.col = c
		}
		if p.col > fastMaxCol {
			return fileErrorf(detFastCellRef, strconv.Itoa(p.col))
		}
		if n := len(p.cells); n > 0 && p.cells[n-1].col >= p.col {
			return fileErrorf(detFastCellOrder, fastCellName(p.col, p.row), p.cells[n-1].col)
		}
		p.typ = ""
		if v, ok := x.attr("t"); ok {
			p.typ = fastCellType(v)
		}
		p.hasF, p.hasIs, p.hasV = false, false, false
		p.cellStart = len(p.text)
		p.vStart, p.vEnd, p.tStart = p.cellStart, p.cellStart, p.cellStart
	case code == elV && parent == elC:
		p.capture = elV
		p.hasV = true
		p.vStart = len(p.text)
	case code == elF && parent == elC:
		p.hasF = true
	case code == elIs && parent == elC:
		p.hasIs = true
		p.tStart = len(p.text)
	case code == elT && (parent == elIs || parent == elR && x.grandparentCode() == elIs):
		p.capture = elT
	case code == elMergeCell:
		if v, ok := x.attr("ref"); ok {
			if m, ok := parseRange(string(v)); ok {
				p.out.Merges = append(p.out.Merges, m)
			}
		}
	}
	return nil
}

func (p *sheetParser) end(code int) error {
	x := &p.x
	parent := x.parentCode()
	switch {
	case code == elV && parent == elC:
		p.capture = elOther
		p.vEnd = len(p.text)
	case code == elT && p.capture == elT:
		p.capture = elOther
	case code == elC && parent == elRow:
		return p.endCell()
	case code == elRow && parent == elSheetData:
		p.endRow()
	}
	return nil
}

// endCell turns the cell's collected text into its value, as excelize's raw value, and
// keeps only that value in the row's text.
func (p *sheetParser) endCell() error {
	span := cellSpan{col: p.col, start: p.cellStart, sst: -1}
	switch {
	case p.typ == "s" && p.hasV:
		v := strings.TrimSpace(string(p.text[p.vStart:p.vEnd]))
		i, err := strconv.Atoi(v)
		if err != nil || i < 0 || i >= len(p.sst) {
			return fileErrorf(detFastSSTIndex, v, len(p.sst))
		}
		p.text = p.text[:p.cellStart]
		if p.sst[i] == "" && !p.hasF {
			return nil
		}
		span.sst = i
	case p.typ == "inlineStr" && p.hasIs:
		n := unescapeBstr(p.text[p.tStart:])
		p.text = p.text[:p.cellStart+copy(p.text[p.cellStart:], p.text[p.tStart:p.tStart+n])]
	case p.hasF && (!p.hasV || p.vStart == p.vEnd && p.typ != "str"):
		// A formula whose result the file does not hold (written by a program, never
		// calculated; only a text formula can have an empty result): marked, so that the
		// validator can say so instead of reading a blank.
		p.text = append(p.text[:p.cellStart], Uncalculated...)
	default:
		p.text = p.text[:p.cellStart+copy(p.text[p.cellStart:], p.text[p.vStart:p.vEnd])]
	}
	span.end = len(p.text)
	if span.sst < 0 && span.start == span.end && !p.hasF {
		return nil
	}
	p.cells = append(p.cells, span)
	return nil
}

// endRow hands the row over as strings: one allocation for the row's text, cells cut from a
// shared slab.
func (p *sheetParser) endRow() {
	if len(p.cells) > 0 {
		text := string(p.text)
		width := p.cells[len(p.cells)-1].col
		if len(p.slab) < width {
			p.slab = make([]string, max(width, 4096))
		}
		cells := p.slab[:width:width]
		p.slab = p.slab[width:]
		for _, c := range p.cells {
			if c.sst >= 0 {
				cells[c.col-1] = p.sst[c.sst]
			} else {
				cells[c.col-1] = text[c.start:c.end]
			}
		}
		p.out.Rows = append(p.out.Rows, fastRow{N: p.row, Cells: cells})
	}
	p.out.LastRow = p.row
	p.col = 0
}

func fastCellType(v []byte) string {
	switch string(v) {
	case "s":
		return "s"
	case "inlineStr":
		return "inlineStr"
	case "str":
		return "str" // a text formula's result, which may be empty
	}
	return "" // b, e, d, n: the value as written
}

// columnOf reads the column of a cell reference such as AB12 (the row part is checked, not
// used: the row is the enclosing <row>'s).
func columnOf(ref []byte) (int, bool) {
	ref = bytes.TrimSpace(ref)
	col, i := 0, 0
	for ; i < len(ref); i++ {
		c := ref[i]
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		if c < 'A' || c > 'Z' {
			break
		}
		col = col*26 + int(c-'A'+1)
		if col > fastMaxCol {
			return 0, false
		}
	}
	if i == 0 || i == len(ref) {
		return 0, false
	}
	for _, c := range ref[i:] {
		if c < '0' || c > '9' {
			return 0, false
		}
	}
	return col, true
}

func fastCellName(col, row int) string {
	var b []byte
	for c := col; c > 0; c = (c - 1) / 26 {
		b = append([]byte{byte('A' + (c-1)%26)}, b...)
	}
	return string(b) + strconv.Itoa(row)
}

// unescapeBstr decodes Excel's _xHHHH_ escapes in place, as excelize does for shared and
// inline strings, and returns the new length.
func unescapeBstr(b []byte) int {
	if !bytes.Contains(b, []byte("_x")) {
		return len(b)
	}
	w := 0
	for i := 0; i < len(b); {
		if i+7 <= len(b) && b[i] == '_' && b[i+1] == 'x' && b[i+6] == '_' && isHex4(b[i+2:i+6]) {
			v, _ := strconv.ParseUint(string(b[i+2:i+6]), 16, 32)
			r := rune(v)
			if utf8.ValidRune(r) {
				w += utf8.EncodeRune(b[w:], r)
			}
			i += 7
			continue
		}
		b[w] = b[i]
		w++
		i++
	}
	return w
}

func isHex4(b []byte) bool {
	for _, c := range b {
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
			return false
		}
	}
	return true
}

// ---- shared strings ----

func parseSharedStringsFast(r io.Reader, part string) ([]string, error) {
	var x xmlScan
	x.init(r)
	var (
		text    []byte
		ends    []int
		capture bool
		start   int
	)
	fail := func(err error) ([]string, error) { return nil, x.wrap(part, err) }
	for {
		kind, err := x.next()
		if err != nil {
			return fail(err)
		}
		switch kind {
		case tokText:
			if capture {
				text, err = x.appendText(text)
			} else {
				err = x.checkText()
			}
			if err != nil {
				return fail(err)
			}
		case tokStart:
			parent := x.parentCode()
			switch {
			case x.code == elSI:
				start = len(text)
			case x.code == elT && (parent == elSI || parent == elR && x.grandparentCode() == elSI):
				capture = !x.selfClose
			}
			if x.selfClose {
				if x.code == elSI {
					ends = append(ends, len(text))
				}
				x.pop()
			}
		case tokEnd:
			switch x.code {
			case elT:
				capture = false
			case elSI:
				text = text[:start+unescapeBstr(text[start:])]
				ends = append(ends, len(text))
			}
			x.pop()
		case tokEOF:
			all := string(text)
			sst := make([]string, len(ends))
			from := 0
			for i, e := range ends {
				sst[i] = all[from:e]
				from = e
			}
			return sst, nil
		}
	}
}

// ---- the XML scanner ----

const (
	tokEOF = iota
	tokStart
	tokEnd
	tokText
)

// xmlScan tokenizes XML from a reader through a sliding buffer, checking well-formedness. It
// keeps the stack of open elements (names in one byte arena) and each one's element code.
type xmlScan struct {
	r       io.Reader
	buf     []byte
	pos     int // next byte to read in buf
	end     int // end of the data in buf
	base    int // stream offset of buf[0]
	eof     bool
	rerr    error
	names   []byte // open element names, concatenated
	stack   []int  // start of each open element's name in names
	codes   []int  // element code of each open element
	root    bool   // the root element has been seen
	decoded bool   // r decodes a declared encoding to UTF-8

	// the current token
	code      int    // element code of a start or end tag
	selfClose bool   // a start tag <x/>
	attrs     []byte // a start tag's attributes
	raw       []byte // a text token: raw text; cdata tells how to read it
	cdata     bool
}

type xmlSyntax struct {
	off int
	msg string
}

func (e *xmlSyntax) Error() string { return fmt.Sprintf(detFastSyntax, e.off, e.msg) }

var errFastCut = errors.New(detFastCut)

func (x *xmlScan) init(r io.Reader) {
	x.r = r
	x.buf = make([]byte, 64<<10)
}

func (x *xmlScan) syntax(msg string) error { return &xmlSyntax{off: x.base + x.pos, msg: msg} }

// wrap turns a scanning error into the user's message for part. Damaged data usually
// breaks the XML before archive/zip sees the checksum at the end, so the rest of the part is
// read first: a checksum or compression error is the truer diagnosis.
func (x *xmlScan) wrap(part string, err error) error {
	if x.rerr == nil && !x.eof {
		if _, rerr := io.Copy(io.Discard, x.r); rerr != nil {
			return zipError(part, rerr)
		}
	}
	var fe fileError
	var se *xmlSyntax
	switch {
	case errors.As(err, &fe):
		return damaged(detXML, part, string(fe))
	case errors.As(err, &se), errors.Is(err, errFastCut):
		return damaged(detXML, part, err.Error())
	case x.rerr != nil && errors.Is(err, x.rerr):
		return zipError(part, err)
	}
	return damaged(detXML, part, err.Error())
}

func fileErrorf(format string, a ...any) error { return fileError(fmt.Sprintf(format, a...)) }

// fill reads more data, keeping buf[pos:end]. It returns false at the end of the stream.
func (x *xmlScan) fill() (bool, error) {
	if x.rerr != nil {
		return false, x.rerr
	}
	if x.eof {
		return false, nil
	}
	if x.pos > 0 {
		n := copy(x.buf, x.buf[x.pos:x.end])
		x.base += x.pos
		x.end, x.pos = n, 0
	}
	if x.end == len(x.buf) {
		if len(x.buf) >= fastMaxToken {
			return false, fileErrorf(detFastTooLong, fastMaxToken)
		}
		nb := make([]byte, 2*len(x.buf))
		copy(nb, x.buf[:x.end])
		x.buf = nb
	}
	for {
		n, err := x.r.Read(x.buf[x.end:])
		x.end += n
		if err == io.EOF {
			x.eof = true
			return n > 0, nil
		}
		if err != nil {
			x.rerr = err
			return false, err
		}
		if n > 0 {
			return true, nil
		}
	}
}

// find returns the offset from pos of the first pat at or after pos+from, reading more as
// needed; -1 at the end of the stream.
func (x *xmlScan) find(from int, pat string) (int, error) {
	for {
		if i := bytes.Index(x.buf[x.pos+from:x.end], []byte(pat)); i >= 0 {
			return from + i, nil
		}
		from = max(from, x.end-x.pos-len(pat)+1)
		ok, err := x.fill()
		if err != nil {
			return -1, err
		}
		if !ok {
			return -1, nil
		}
	}
}

func (x *xmlScan) parentCode() int {
	if n := len(x.codes); n >= 2 {
		return x.codes[n-2]
	}
	return elOther
}

func (x *xmlScan) grandparentCode() int {
	if n := len(x.codes); n >= 3 {
		return x.codes[n-3]
	}
	return elOther
}

// pop closes the current element (after an end tag or a self-closing start tag).
func (x *xmlScan) pop() {
	n := len(x.stack) - 1
	x.names = x.names[:x.stack[n]]
	x.stack, x.codes = x.stack[:n], x.codes[:n]
}

// next reads the next token. After tokStart the element is on the stack (its parent is
// parentCode); after tokEnd it is still there until pop, so code and parentCode describe it.
func (x *xmlScan) next() (int, error) {
	for {
		if x.pos >= x.end {
			ok, err := x.fill()
			if err != nil {
				return tokEOF, err
			}
			if !ok {
				if len(x.stack) > 0 || !x.root {
					return tokEOF, errFastCut
				}
				return tokEOF, nil
			}
		}
		if x.buf[x.pos] != '<' {
			i, err := x.find(0, "<")
			if err != nil {
				return tokEOF, err
			}
			if i < 0 {
				i = x.end - x.pos
			}
			x.raw, x.cdata = x.buf[x.pos:x.pos+i], false
			x.pos += i
			if len(x.stack) == 0 {
				if len(bytes.TrimLeft(x.raw, " \t\r\n")) > 0 {
					return tokEOF, x.syntax("根元素之外有文本")
				}
				continue
			}
			return tokText, nil
		}
		if x.end-x.pos < 2 {
			if _, err := x.fill(); err != nil {
				return tokEOF, err
			}
			if x.end-x.pos < 2 {
				return tokEOF, errFastCut
			}
		}
		switch x.buf[x.pos+1] {
		case '/':
			return x.endTag()
		case '?':
			i, err := x.find(2, "?>")
			if err != nil {
				return tokEOF, err
			}
			if i < 0 {
				return tokEOF, errFastCut
			}
			enc, err := x.checkPI(x.buf[x.pos+2 : x.pos+i])
			if err != nil {
				return tokEOF, err
			}
			x.pos += i + 2
			if enc != "" {
				if err := x.decodeFrom(enc); err != nil {
					return tokEOF, err
				}
			}
		case '!':
			if err := x.bang(); err != nil {
				return tokEOF, err
			}
			if x.cdata {
				return tokText, nil
			}
		default:
			return x.startTag()
		}
	}
}

// checkPI checks a processing instruction: it has a target, and an XML declaration has
// version 1.0. It returns the encoding an XML declaration names when that is not UTF-8.
func (x *xmlScan) checkPI(pi []byte) (encoding string, err error) {
	n := xmlName(pi)
	if n == 0 || n < len(pi) && !isSpace(pi[n]) {
		return "", x.syntax("处理指令缺少名称")
	}
	if string(pi[:n]) != "xml" {
		return "", nil
	}
	if v, ok := declValue(pi, "version"); ok && v != "1.0" {
		return "", x.syntax("XML版本“" + v + "”无效")
	}
	if enc, ok := declValue(pi, "encoding"); ok && !strings.EqualFold(enc, "utf-8") {
		return enc, nil
	}
	return "", nil
}

// decodeFrom decodes the rest of the stream from the named encoding. Excel, WPS and
// LibreOffice write only UTF-8, but some exporters declare GBK or GB18030; such a part is
// read as excelize and encoding/xml read it (the WHATWG encoding names). An unknown encoding,
// or a second declaration of one, is errFastEncoding.
func (x *xmlScan) decodeFrom(label string) error {
	if x.decoded {
		return fmt.Errorf("%w：%s", errFastEncoding, label)
	}
	r, err := charsetReader(label, io.MultiReader(bytes.NewReader(bytes.Clone(x.buf[x.pos:x.end])), x.r))
	if err != nil {
		return fmt.Errorf("%w：%s", errFastEncoding, label)
	}
	x.r, x.decoded, x.eof = r, true, false
	x.base += x.pos // offsets in messages count decoded bytes from here
	x.pos, x.end = 0, 0
	return nil
}

// charsetReader decodes r from the named encoding to UTF-8: the CharsetReader of
// encoding/xml for the small parts, and the fast reader's decoder.
func charsetReader(label string, r io.Reader) (io.Reader, error) {
	e, err := htmlindex.Get(label)
	if err != nil {
		return nil, err
	}
	if name, _ := htmlindex.Name(e); name == "utf-8" {
		return r, nil
	}
	return transform.NewReader(r, e.NewDecoder()), nil
}

// declValue returns a pseudo-attribute of an XML declaration.
func declValue(pi []byte, name string) (string, bool) {
	i := bytes.Index(pi, []byte(name))
	if i < 0 {
		return "", false
	}
	rest := bytes.TrimLeft(pi[i+len(name):], " \t\r\n=")
	if len(rest) == 0 || rest[0] != '"' && rest[0] != '\'' {
		return "", true
	}
	j := bytes.IndexByte(rest[1:], rest[0])
	if j < 0 {
		return "", true
	}
	return string(rest[1 : 1+j]), true
}

// errFastEncoding is a part declared in an encoding that cannot be read.
var errFastEncoding = errors.New("不支持的字符编码")

// bang reads a comment or a CDATA section (x.cdata with x.raw).
func (x *xmlScan) bang() error {
	x.cdata = false
	for x.end-x.pos < 9 {
		ok, err := x.fill()
		if err != nil {
			return err
		}
		if !ok {
			break
		}
	}
	rest := x.buf[x.pos:x.end]
	switch {
	case bytes.HasPrefix(rest, []byte("<!--")):
		i, err := x.find(4, "-->")
		if err != nil {
			return err
		}
		if i < 0 {
			return errFastCut
		}
		x.pos += i + 3
		return nil
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(x.stack) == 0 {
			return x.syntax("根元素之外有CDATA")
		}
		i, err := x.find(9, "]]>")
		if err != nil {
			return err
		}
		if i < 0 {
			return errFastCut
		}
		x.raw, x.cdata = x.buf[x.pos+9:x.pos+i], true
		x.pos += i + 3
		return nil
	}
	if len(rest) < 9 {
		return errFastCut
	}
	return x.syntax("不支持的<!声明")
}

// xmlName reads an XML name at b; it returns its length (0 if none). Spreadsheet parts use
// ASCII names only, so other names are not accepted.
func xmlName(b []byte) int {
	i := 0
	for i < len(b) {
		c := b[i]
		if c == '_' || c == ':' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' ||
			i > 0 && (c == '-' || c == '.' || c >= '0' && c <= '9') {
			i++
			continue
		}
		break
	}
	return i
}

func localName(name []byte) []byte {
	if i := bytes.LastIndexByte(name, ':'); i >= 0 {
		return name[i+1:]
	}
	return name
}

func (x *xmlScan) startTag() (int, error) {
	// Find the closing '>' outside quoted attribute values.
	i, quote := 1, byte(0)
	for {
		for ; x.pos+i < x.end; i++ {
			c := x.buf[x.pos+i]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				} else if c == '<' {
					return tokEOF, x.syntax("属性值中有“<”")
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				goto found
			case c == '<':
				return tokEOF, x.syntax("标记未结束")
			}
		}
		ok, err := x.fill()
		if err != nil {
			return tokEOF, err
		}
		if !ok {
			return tokEOF, errFastCut
		}
	}
found:
	tag := x.buf[x.pos+1 : x.pos+i]
	x.pos += i + 1
	x.selfClose = len(tag) > 0 && tag[len(tag)-1] == '/'
	if x.selfClose {
		tag = tag[:len(tag)-1]
	}
	n := xmlName(tag)
	if n == 0 {
		return tokEOF, x.syntax("元素名无效")
	}
	if len(x.stack) == 0 {
		if x.root {
			return tokEOF, x.syntax("有多个根元素")
		}
		x.root = true
	}
	name := tag[:n]
	x.attrs = tag[n:]
	if len(x.attrs) > 0 && !isSpace(x.attrs[0]) {
		return tokEOF, x.syntax("元素名无效")
	}
	if err := x.checkAttrs(); err != nil {
		return tokEOF, err
	}
	x.code = elementCode(localName(name))
	x.stack = append(x.stack, len(x.names))
	x.names = append(x.names, name...)
	x.codes = append(x.codes, x.code)
	return tokStart, nil
}

func (x *xmlScan) endTag() (int, error) {
	i, err := x.find(2, ">")
	if err != nil {
		return tokEOF, err
	}
	if i < 0 {
		return tokEOF, errFastCut
	}
	name := bytes.TrimRight(x.buf[x.pos+2:x.pos+i], " \t\r\n")
	if len(x.stack) == 0 {
		return tokEOF, x.syntax("多余的结束标记")
	}
	open := x.names[x.stack[len(x.stack)-1]:]
	if !bytes.Equal(name, open) {
		return tokEOF, x.syntax(fmt.Sprintf("<%s>与</%s>不匹配", open, name))
	}
	x.pos += i + 1
	x.code = x.codes[len(x.codes)-1]
	return tokEnd, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }

// checkAttrs checks the current start tag's attributes: name="value" or name='value'.
func (x *xmlScan) checkAttrs() error {
	b := x.attrs
	for {
		for len(b) > 0 && isSpace(b[0]) {
			b = b[1:]
		}
		if len(b) == 0 {
			return nil
		}
		n := xmlName(b)
		if n == 0 {
			return x.syntax("属性名无效")
		}
		b = b[n:]
		for len(b) > 0 && isSpace(b[0]) {
			b = b[1:]
		}
		if len(b) == 0 || b[0] != '=' {
			return x.syntax("属性缺少“=”")
		}
		b = b[1:]
		for len(b) > 0 && isSpace(b[0]) {
			b = b[1:]
		}
		if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
			return x.syntax("属性值缺少引号")
		}
		j := bytes.IndexByte(b[1:], b[0])
		if j < 0 {
			return x.syntax("属性值缺少引号")
		}
		if err := x.checkChars(b[1 : 1+j]); err != nil {
			return err
		}
		if bytes.IndexByte(b[1:1+j], '&') >= 0 {
			if _, err := appendUnescaped(nil, b[1:1+j]); err != nil {
				return x.syntax(err.Error())
			}
		}
		b = b[j+2:]
		if len(b) > 0 && !isSpace(b[0]) {
			return x.syntax("属性之间缺少空格")
		}
	}
}

// attr returns the value of the current start tag's attribute with the given local name,
// entities decoded.
func (x *xmlScan) attr(local string) ([]byte, bool) {
	b := x.attrs
	for len(b) > 0 {
		for len(b) > 0 && isSpace(b[0]) {
			b = b[1:]
		}
		n := xmlName(b)
		if n == 0 {
			return nil, false
		}
		name := b[:n]
		eq := bytes.IndexAny(b[n:], `"'`)
		if eq < 0 {
			return nil, false
		}
		b = b[n+eq:]
		j := bytes.IndexByte(b[1:], b[0])
		val := b[1 : 1+j]
		b = b[j+2:]
		if string(name) == local {
			if bytes.IndexByte(val, '&') >= 0 {
				v, err := appendUnescaped(nil, val)
				if err != nil {
					return nil, false
				}
				return v, true
			}
			return val, true
		}
	}
	return nil, false
}

// checkText checks a text token without keeping it.
func (x *xmlScan) checkText() error {
	if x.cdata {
		return x.checkChars(x.raw)
	}
	_, err := x.appendText(nil)
	return err
}

// appendText appends the current text token's characters to dst: entities decoded, line
// ends normalised as XML requires.
func (x *xmlScan) appendText(dst []byte) ([]byte, error) {
	if err := x.checkChars(x.raw); err != nil {
		return dst, err
	}
	if x.cdata {
		return appendNewlines(dst, x.raw), nil
	}
	if bytes.Contains(x.raw, []byte("]]>")) {
		return dst, x.syntax("文本中有“]]>”")
	}
	out, err := appendUnescaped(dst, x.raw)
	if err != nil {
		return dst, x.syntax(err.Error())
	}
	return out, nil
}

// checkChars refuses invalid UTF-8 and the control characters XML 1.0 does not allow.
func (x *xmlScan) checkChars(b []byte) error {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' {
			return x.syntax(fmt.Sprintf("非法字符 %#x", c))
		}
	}
	if !utf8.Valid(b) {
		return x.syntax("不是有效的UTF-8文本")
	}
	return nil
}

func appendNewlines(dst, b []byte) []byte {
	if bytes.IndexByte(b, '\r') < 0 {
		return append(dst, b...)
	}
	for i := 0; i < len(b); i++ {
		if b[i] == '\r' {
			dst = append(dst, '\n')
			if i+1 < len(b) && b[i+1] == '\n' {
				i++
			}
			continue
		}
		dst = append(dst, b[i])
	}
	return dst
}

// appendUnescaped decodes the five entities and character references.
func appendUnescaped(dst, b []byte) ([]byte, error) {
	for {
		i := bytes.IndexByte(b, '&')
		if i < 0 {
			return appendNewlines(dst, b), nil
		}
		dst = appendNewlines(dst, b[:i])
		b = b[i:]
		j := bytes.IndexByte(b, ';')
		if j < 0 || j > 12 {
			return dst, errors.New("“&”后缺少实体名")
		}
		ent := b[1:j]
		b = b[j+1:]
		switch string(ent) {
		case "amp":
			dst = append(dst, '&')
		case "lt":
			dst = append(dst, '<')
		case "gt":
			dst = append(dst, '>')
		case "quot":
			dst = append(dst, '"')
		case "apos":
			dst = append(dst, '\'')
		default:
			if len(ent) < 2 || ent[0] != '#' {
				return dst, fmt.Errorf("未知实体&%s;", ent)
			}
			var v uint64
			var err error
			if ent[1] == 'x' {
				v, err = strconv.ParseUint(string(ent[2:]), 16, 32)
			} else {
				v, err = strconv.ParseUint(string(ent[1:]), 10, 32)
			}
			r := rune(v)
			if err != nil || !utf8.ValidRune(r) || r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
				return dst, fmt.Errorf("字符引用&%s;无效", ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
}
