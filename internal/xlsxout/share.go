package xlsxout

import (
	"archive/zip"
	"bufio"
	"bytes"
	"compress/flate"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strconv"
	"sync"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// An output is as large as what it says (SPEC §2.1). excelize's stream writer, which writes
// the tables, puts every text into its cell as an inline string: one 32,767-character text
// in 2,000 rows made a report of 790 MB unpacked. shareStrings makes the workbook save
// through a zip writer that turns those inline strings into shared strings as the parts go
// by, so a repeated text is stored once, whichever way the caller saves the file.

// shareStrings makes f save its worksheets' inline strings as shared strings.
func shareStrings(f *excelize.File) {
	f.SetZipWriter(func(w io.Writer) excelize.ZipWriter {
		zw := zip.NewWriter(w)
		zw.RegisterCompressor(zip.Deflate, newDeflater)
		return &sharedZip{zw: zw, pkg: &f.Pkg, index: map[string]int{}, held: map[string][]byte{}}
	})
}

// deflateLevel is the compression of a workbook's parts. archive/zip's level, 5, made
// deflating a fifth of the CPU of a 100×500 report; level 4 looks less far for repeats
// (duban report on 100×500, CPU user, median of 7 alternating: 3.30 → 2.90 s), and
// the report and its check file are about 10 % and 16 % larger (3.70 → 4.05 MB, 4.25 →
// 4.94 MB; 798b1b3 wrote 4.51 and 4.79 MB).
const deflateLevel = 4

var deflaters sync.Pool // of *flate.Writer at deflateLevel, as archive/zip keeps its own

// newDeflater is the zip writer's compressor for a part.
func newDeflater(w io.Writer) (io.WriteCloser, error) {
	if fw, ok := deflaters.Get().(*flate.Writer); ok {
		fw.Reset(w)
		return &pooledDeflater{fw}, nil
	}
	fw, err := flate.NewWriter(w, deflateLevel)
	if err != nil {
		return nil, err
	}
	return &pooledDeflater{fw}, nil
}

// pooledDeflater returns its writer to deflaters when closed.
type pooledDeflater struct{ fw *flate.Writer }

func (d *pooledDeflater) Write(p []byte) (int, error) {
	if d.fw == nil {
		return 0, errors.New("write to a closed part")
	}
	return d.fw.Write(p)
}

func (d *pooledDeflater) Close() error {
	if d.fw == nil {
		return errors.New("part closed twice")
	}
	err := d.fw.Close()
	deflaters.Put(d.fw)
	d.fw = nil
	return err
}

// Parts of a workbook excelize writes, by the names it gives them.
const (
	partSST          = "xl/sharedStrings.xml"
	partContentTypes = "[Content_Types].xml"
	partWorkbookRels = "xl/_rels/workbook.xml.rels"
	ctSST            = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
	relSST           = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings"
)

var (
	reWorksheetPart = regexp.MustCompile(`^xl/worksheets/[^/]+\.xml$`)
	reSI            = regexp.MustCompile(`<si[\s>/]`)
	reRelIDNum      = regexp.MustCompile(`\bId="rId(\d+)"`)
	reSSTCount      = regexp.MustCompile(`\b(count|uniqueCount)="\d*"`)
	reSSTTotal      = regexp.MustCompile(`<sst\b[^>]*\bcount="(\d+)"`)
	reSSTRoot       = regexp.MustCompile(`<sst\b[^>]*>`)
	// What excelize's stream writer writes for a text cell, from its type on: the text is
	// escaped, so it holds no '<' or '>'.
	inlineOpen  = []byte(`t="inlineStr"><is><t`)
	inlineClose = []byte(`</t></is>`)
	cellOpen    = []byte(`<c r="`)
)

// sharedZip is an excelize.ZipWriter. Worksheets pass through inlineShare; the shared
// strings, the content types and the workbook's relationships are held until Close, which
// writes them with the new strings, their content type and their relationship.
type sharedZip struct {
	zw      *zip.Writer
	pkg     *sync.Map // the workbook's parts as excelize holds them, before it writes them
	started bool
	base    int            // strings in the workbook's shared strings before ours
	index   map[string]int // a string as stored (attributes of <t> and text, escaped) → its index
	list    []string       // ours, in order
	refs    int            // cells that refer to ours
	held    map[string][]byte
	cur     *inlineShare // the worksheet being written
	key     []byte       // reused to look strings up without allocating
}

func (z *sharedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	if !z.started {
		z.started = true
		// excelize writes its shared strings into pkg before it creates any part.
		if b, ok := z.pkg.Load(partSST); ok {
			if b, ok := b.([]byte); ok {
				z.base = len(reSI.FindAllIndex(b, -1))
			}
		}
	}
	switch name {
	case partSST, partContentTypes, partWorkbookRels:
		return &heldPart{z: z, name: name}, nil
	}
	w, err := z.zw.Create(name)
	if err != nil {
		return nil, err
	}
	if reWorksheetPart.MatchString(name) {
		z.cur = &inlineShare{z: z, w: w}
		return z.cur, nil
	}
	return w, nil
}

// AddFS is not used by excelize when it saves; it is passed on for completeness.
func (z *sharedZip) AddFS(fsys fs.FS) error {
	if err := z.finish(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// finish writes what the worksheet being written still holds.
func (z *sharedZip) finish() error {
	if z.cur == nil {
		return nil
	}
	err := z.cur.drain(true)
	z.cur = nil
	return err
}

func (z *sharedZip) Close() error {
	err := z.finish()
	if err == nil {
		err = z.writeHeld()
	}
	if cerr := z.zw.Close(); err == nil {
		err = cerr
	}
	return err
}

// intern returns the index of a string as stored: attrs of its <t> and its escaped text.
func (z *sharedZip) intern(attrs, text []byte) int {
	z.refs++
	z.key = append(append(append(z.key[:0], attrs...), '>'), text...)
	if i, ok := z.index[string(z.key)]; ok {
		return i
	}
	key := string(z.key)
	i := z.base + len(z.list)
	z.index[key] = i
	z.list = append(z.list, key)
	return i
}

// writeHeld writes the held parts, the shared strings with ours appended.
func (z *sharedZip) writeHeld() error {
	var tail []byte // of the shared strings, after ours
	if len(z.list) > 0 {
		var err error
		if tail, err = z.addSST(); err != nil {
			return err
		}
	}
	for _, name := range []string{partContentTypes, partWorkbookRels, partSST} {
		b, ok := z.held[name]
		if !ok {
			continue
		}
		w, err := z.zw.Create(name)
		if err != nil {
			return err
		}
		if _, err := w.Write(b); err != nil {
			return err
		}
		if name == partSST && len(z.list) > 0 {
			if err := z.writeOurs(w, tail); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeOurs writes our strings and then tail, the end of the shared strings part. They go
// straight to the zip: a report's strings are tens of megabytes, not to be copied again.
func (z *sharedZip) writeOurs(w io.Writer, tail []byte) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	for _, s := range z.list {
		bw.WriteString("<si><t")
		bw.WriteString(s)
		bw.WriteString("</t></si>")
	}
	bw.Write(tail)
	return bw.Flush()
}

// addSST makes the held shared strings part (declared and related to the workbook when
// excelize wrote none) ready for ours: its counts include them, and it is cut where they go;
// it returns the rest, which writeOurs writes after them.
func (z *sharedZip) addSST() ([]byte, error) {
	sst, ok := z.held[partSST]
	if !ok {
		sst = []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
			`<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>`)
		if err := z.declareSST(); err != nil {
			return nil, err
		}
	}
	count := z.base
	if m := reSSTTotal.FindSubmatch(sst); m != nil {
		count, _ = strconv.Atoi(string(m[1]))
	}
	end := bytes.LastIndex(sst, []byte("</sst>"))
	if end < 0 {
		if end = bytes.LastIndex(sst, []byte("/>")); end < 0 || !bytes.Contains(sst, []byte("<sst")) {
			return nil, errors.New("sharedStrings.xml: no </sst>")
		}
		sst = splice(sst, end, end+2, "></sst>")
		end++
	}
	root := reSSTRoot.FindIndex(sst)
	if root == nil || root[1] > end {
		return nil, errors.New("sharedStrings.xml: no <sst>")
	}
	head := reSSTCount.ReplaceAllFunc(sst[root[0]:root[1]], func(a []byte) []byte {
		if bytes.HasPrefix(a, []byte("count")) {
			return fmt.Appendf(nil, `count="%d"`, count+z.refs)
		}
		return fmt.Appendf(nil, `uniqueCount="%d"`, z.base+len(z.list))
	})
	tail := slices.Clone(sst[end:])
	z.held[partSST] = slices.Concat(sst[:root[0]], head, sst[root[1]:end])
	return tail, nil
}

// declareSST gives a new shared strings part its content type and its relationship.
func (z *sharedZip) declareSST() error {
	ct, ok := z.held[partContentTypes]
	if !ok {
		return errors.New("no [Content_Types].xml")
	}
	ct, _, err := addOverride(ct, partSST, ctSST)
	if err != nil {
		return err
	}
	z.held[partContentTypes] = ct
	rels, ok := z.held[partWorkbookRels]
	if !ok {
		return errors.New("no " + partWorkbookRels)
	}
	rels, _, err = addRelationship(rels, partWorkbookRels, relSST, "sharedStrings.xml")
	if err != nil {
		return err
	}
	z.held[partWorkbookRels] = rels
	return nil
}

// addOverride returns the content types ct with part (no leading '/') declared as typ,
// unless ct declares it already; it reports whether it added the declaration.
func addOverride(ct []byte, part, typ string) ([]byte, bool, error) {
	if bytes.Contains(ct, []byte(`PartName="/`+part+`"`)) {
		return ct, false, nil
	}
	at := bytes.LastIndex(ct, []byte("</Types>"))
	if at < 0 {
		return nil, false, errors.New("[Content_Types].xml: no </Types>")
	}
	return splice(ct, at, at, `<Override PartName="/`+part+`" ContentType="`+typ+`"/>`), true, nil
}

// addRelationship returns rels, the relationships part name, with a relationship of type
// typ to target under the next free rId, unless rels has one of that type; it reports
// whether it added the relationship.
func addRelationship(rels []byte, name, typ, target string) ([]byte, bool, error) {
	if bytes.Contains(rels, []byte(typ+`"`)) {
		return rels, false, nil
	}
	id := 0
	for _, m := range reRelIDNum.FindAllSubmatch(rels, -1) {
		n, _ := strconv.Atoi(string(m[1]))
		id = max(id, n)
	}
	at := bytes.LastIndex(rels, []byte("</Relationships>"))
	if at < 0 {
		return nil, false, fmt.Errorf("%s: no </Relationships>", name)
	}
	return splice(rels, at, at, fmt.Sprintf(`<Relationship Id="rId%d" Type="%s" Target="%s"/>`, id+1, typ, target)), true, nil
}

// heldPart collects a part written at Close.
type heldPart struct {
	z    *sharedZip
	name string
}

func (h *heldPart) Write(p []byte) (int, error) {
	h.z.held[h.name] = append(h.z.held[h.name], p...)
	return len(p), nil
}

// inlineShare passes a worksheet through, each inline string cell made a shared string one.
type inlineShare struct {
	z   *sharedZip
	w   io.Writer
	buf []byte // what is not written yet: from the start of the last cell
	out bytes.Buffer
	// The shared string of each cell of the sheet with a long text, for the references to
	// it (repeat).
	longs map[string]int
}

func (s *inlineShare) Write(p []byte) (int, error) {
	s.buf = append(s.buf, p...)
	if err := s.drain(false); err != nil {
		return 0, err
	}
	return len(p), nil
}

// index returns the shared string of the inline string attrs, text whose cell begins in
// before: a reference to a long text resolved, a long text noted for the references to it.
func (s *inlineShare) index(before, attrs, text []byte) (int, error) {
	if len(text) < longBytes && !bytes.HasPrefix(text, []byte(repeatRef)) {
		return s.z.intern(attrs, text), nil
	}
	ref := ""
	if c := bytes.LastIndex(before, cellOpen); c >= 0 {
		r := before[c+len(cellOpen):]
		if q := bytes.IndexByte(r, '"'); q >= 0 {
			ref = string(r[:q])
		}
	}
	if to, ok := bytes.CutPrefix(text, []byte(repeatRef)); ok {
		to, ok = bytes.CutSuffix(to, []byte(repeatEnd))
		n, found := s.longs[string(to)]
		if !ok || !found {
			return 0, fmt.Errorf("%s: reference to %s, which holds no long text", ref, to)
		}
		s.z.refs++
		return n, nil
	}
	n := s.z.intern(attrs, text)
	if s.longs == nil {
		s.longs = map[string]int{}
	}
	s.longs[ref] = n
	return n, nil
}

// drain writes what it can of buf; at the end it writes everything.
func (s *inlineShare) drain(end bool) error {
	b := s.buf
	out := &s.out
	out.Reset()
	for {
		i := bytes.Index(b, inlineOpen)
		if i < 0 {
			keep := 0
			if !end { // the last cell may be an inline string: its reference is needed
				keep = min(len(b), len(inlineOpen)-1)
				if c := bytes.LastIndex(b, cellOpen); c >= 0 {
					keep = max(keep, len(b)-c)
				}
			}
			out.Write(b[:len(b)-keep])
			b = b[len(b)-keep:]
			break
		}
		from := i + len(inlineOpen)
		j := bytes.Index(b[from:], inlineClose)
		k := bytes.IndexByte(b[from:], '>')
		if j < 0 || k < 0 || k > j {
			if end { // not excelize's form: left as it is
				out.Write(b)
				b = nil
				break
			}
			out.Write(b[:i])
			b = b[i:]
			break
		}
		out.Write(b[:i])
		n, err := s.index(b[:i], b[from:from+k], b[from+k+1:from+j])
		if err != nil {
			return err
		}
		out.WriteString(`t="s"><v>`)
		out.Write(strconv.AppendInt(out.AvailableBuffer(), int64(n), 10))
		out.WriteString(`</v>`)
		b = b[from+j+len(inlineClose):]
	}
	s.buf = append(s.buf[:0], b...)
	_, err := s.w.Write(out.Bytes())
	return err
}

// A long text repeated in a table (a 进展情况 pasted down a column) would still cost its
// length in every row as excelize's stream writer escapes it, before sharedZip stores it
// once. So the table writes it in full once, and after that a short reference to that cell,
// which sharedZip resolves to the same shared string: repeatRef, the cell, repeatEnd. U+FDD0
// and U+FDD1 are noncharacters, which CellText removes from any text, so no text is taken
// for a reference.
const (
	repeatRef = "\uFDD0"
	repeatEnd = "\uFDD1"
	// longBytes is the length from which a text is written once per table.
	longBytes = 1024
)

// repeat returns s for column c (0-based) of row r, or, when s is long and the table has
// written it before, the reference to the cell that holds it.
func (w *tableWriter) repeat(c, r int, s string) string {
	if len(s) < longBytes {
		return s
	}
	if l, ok := w.longs[s]; ok {
		return repeatRef + l.ref + repeatEnd
	}
	if w.longs == nil {
		w.longs = map[string]longText{}
	}
	w.longs[s] = longText{ref: xlsx.ColumnName(c+1) + strconv.Itoa(r), col: c, lines: -1}
	return s
}

// wrapped is WrappedLines of s in column c, counted once for a long text.
func (w *tableWriter) wrapped(s string, c int) int {
	if len(s) < longBytes {
		return WrappedLines(s, w.widths[c])
	}
	l, ok := w.longs[s]
	if !ok || l.lines < 0 || c != l.col {
		n := WrappedLines(s, w.widths[c])
		if ok && c == l.col {
			l.lines = n
			w.longs[s] = l
		}
		return n
	}
	return l.lines
}
