package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

// This file is the XML scanner of the worksheet and shared-strings parsers: it tokenizes a
// part through a sliding buffer without allocating per token, and checks well-formedness as
// it goes: tags must nest and close, attributes must be quoted, entities must be known, text
// must be UTF-8 without control characters, and the document must end. The part is always read
// to its end, so archive/zip verifies its checksum.

// maxToken bounds one tag or one run of text; real cells hold at most 32,767 characters.
const maxToken = 16 << 20

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
	bom     bool   // the part began with a byte-order mark, which decides its encoding

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

func (e *xmlSyntax) Error() string { return e.msg }

func (x *xmlScan) init(r io.Reader) {
	x.r, x.bom = skipBOM(r)
	x.buf = make([]byte, 64<<10)
}

// skipBOM reads past a byte-order mark at the start of a part, as .NET writers put there: a
// UTF-8 one is dropped, and UTF-16 (little or big endian) is decoded to UTF-8. It reports
// whether there was one; the mark then decides the encoding, not the XML declaration.
func skipBOM(r io.Reader) (io.Reader, bool) {
	var head [3]byte
	n, err := io.ReadFull(r, head[:])
	rest := r
	if err != nil {
		rest = errReader{err} // io.EOF, or the error at the end of a short part
		if err == io.ErrUnexpectedEOF {
			rest = errReader{io.EOF}
		}
	}
	b := head[:n]
	switch {
	case bytes.HasPrefix(b, []byte("\xEF\xBB\xBF")):
		return rest, true
	case bytes.HasPrefix(b, []byte("\xFF\xFE")):
		return utf16Reader(b[2:], rest, unicode.LittleEndian), true
	case bytes.HasPrefix(b, []byte("\xFE\xFF")):
		return utf16Reader(b[2:], rest, unicode.BigEndian), true
	case bytes.HasPrefix(b, []byte("\x00<")):
		// UTF-16 without a mark, as some .NET exports write: XML begins with '<', so its
		// first two bytes tell the byte order (XML 1.0 Appendix F).
		return utf16Reader(b, rest, unicode.BigEndian), true
	case bytes.HasPrefix(b, []byte("<\x00")):
		return utf16Reader(b, rest, unicode.LittleEndian), true
	}
	return io.MultiReader(bytes.NewReader(bytes.Clone(b)), rest), false
}

func utf16Reader(head []byte, rest io.Reader, e unicode.Endianness) io.Reader {
	dec := unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder()
	return transform.NewReader(io.MultiReader(bytes.NewReader(bytes.Clone(head)), rest), dec)
}

type errReader struct{ err error }

func (r errReader) Read([]byte) (int, error) { return 0, r.err }

func (x *xmlScan) syntax(msg string) error { return &xmlSyntax{off: x.base + x.pos, msg: msg} }

// wrap turns a scanning error into a *FormatError for part. Damaged data usually breaks the
// XML before archive/zip sees the checksum at the end, so the rest of the part is read first:
// a checksum or compression error is the truer diagnosis.
func (x *xmlScan) wrap(part string, err error) error {
	if x.rerr == nil && !x.eof {
		if _, rerr := io.Copy(io.Discard, x.r); rerr != nil {
			return zipError(part, rerr)
		}
	}
	var se *xmlSyntax
	switch {
	case errors.As(err, &se):
		return &FormatError{Part: part, Offset: int64(se.off), Err: fmt.Errorf("%w: %s", ErrSyntax, se.msg)}
	case x.rerr != nil && errors.Is(err, x.rerr):
		return zipError(part, err)
	}
	return &FormatError{Part: part, Offset: int64(x.base + x.pos), Err: err}
}

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
		if len(x.buf) >= maxToken {
			return false, ErrTooLong
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
					return tokEOF, ErrTruncated
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
					return tokEOF, x.syntax("text outside the root element")
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
				return tokEOF, ErrTruncated
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
				return tokEOF, ErrTruncated
			}
			enc, err := x.checkPI(x.buf[x.pos+2 : x.pos+i])
			if err != nil {
				return tokEOF, err
			}
			x.pos += i + 2
			if enc != "" && !x.bom {
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
		return "", x.syntax("processing instruction without a target")
	}
	if string(pi[:n]) != "xml" {
		return "", nil
	}
	if v, ok := declValue(pi, "version"); ok && v != "1.0" {
		return "", x.syntax("invalid XML version " + strconv.Quote(v))
	}
	if enc, ok := declValue(pi, "encoding"); ok && !strings.EqualFold(enc, "utf-8") {
		return enc, nil
	}
	return "", nil
}

// decodeFrom decodes the rest of the stream from the named encoding. Excel, WPS and
// LibreOffice write only UTF-8, but some exporters declare GBK or GB18030; such a part is
// read as excelize and encoding/xml read it (the WHATWG encoding names). An unknown encoding,
// or a second declaration of one, is ErrEncoding.
func (x *xmlScan) decodeFrom(label string) error {
	if x.decoded {
		return fmt.Errorf("%w: %s", ErrEncoding, label)
	}
	r, err := charsetReader(label, io.MultiReader(bytes.NewReader(bytes.Clone(x.buf[x.pos:x.end])), x.r))
	if err != nil {
		return fmt.Errorf("%w: %s", ErrEncoding, label)
	}
	x.r, x.decoded, x.eof = r, true, false
	x.base += x.pos // offsets in messages count decoded bytes from here
	x.pos, x.end = 0, 0
	return nil
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
			return ErrTruncated
		}
		x.pos += i + 3
		return nil
	case bytes.HasPrefix(rest, []byte("<![CDATA[")):
		if len(x.stack) == 0 {
			return x.syntax("CDATA outside the root element")
		}
		i, err := x.find(9, "]]>")
		if err != nil {
			return err
		}
		if i < 0 {
			return ErrTruncated
		}
		x.raw, x.cdata = x.buf[x.pos+9:x.pos+i], true
		x.pos += i + 3
		return nil
	}
	if len(rest) < 9 {
		return ErrTruncated
	}
	return x.syntax("unsupported <! declaration")
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
					return tokEOF, x.syntax("'<' in an attribute value")
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '>':
				goto found
			case c == '<':
				return tokEOF, x.syntax("unterminated tag")
			}
		}
		ok, err := x.fill()
		if err != nil {
			return tokEOF, err
		}
		if !ok {
			return tokEOF, ErrTruncated
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
		return tokEOF, x.syntax("invalid element name")
	}
	if len(x.stack) == 0 {
		if x.root {
			return tokEOF, x.syntax("more than one root element")
		}
		x.root = true
	}
	name := tag[:n]
	x.attrs = tag[n:]
	if len(x.attrs) > 0 && !isSpace(x.attrs[0]) {
		return tokEOF, x.syntax("invalid element name")
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
		return tokEOF, ErrTruncated
	}
	name := bytes.TrimRight(x.buf[x.pos+2:x.pos+i], " \t\r\n")
	if len(x.stack) == 0 {
		return tokEOF, x.syntax("unexpected end tag")
	}
	open := x.names[x.stack[len(x.stack)-1]:]
	if !bytes.Equal(name, open) {
		return tokEOF, x.syntax(fmt.Sprintf("element <%s> closed by </%s>", open, name))
	}
	x.pos += i + 1
	x.code = x.codes[len(x.codes)-1]
	return tokEnd, nil
}

func isSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\r' || c == '\n' }
