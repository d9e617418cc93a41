package hostile

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Legacy binary workbooks (.xls, .et) as a collection folder receives them: a compound file
// (CFB) holding a Workbook stream of BIFF records. The builders here write both layers from
// readable Go, so tests state every byte of a hostile .xls.

// CFB sector numbers with a meaning.
const (
	cfbFree       = 0xFFFFFFFF
	cfbEndOfChain = 0xFFFFFFFE
	cfbFATSect    = 0xFFFFFFFD
	cfbNoStream   = 0xFFFFFFFF
)

// Stream is one stream of a compound file.
type Stream struct {
	Name string
	Data []byte
}

// CFB returns a version 3 compound file (512-byte sectors) holding the streams at its root.
// Streams shorter than 4096 bytes go in the mini stream, as Excel writes them.
func CFB(streams ...Stream) []byte {
	const ss, mini, cutoff = 512, 64, 4096
	sectors := func(n, size int) int { return (n + size - 1) / size }
	var miniSecs int
	for _, s := range streams {
		if len(s.Data) < cutoff {
			miniSecs += sectors(len(s.Data), mini)
		}
	}
	nDir := sectors(1+len(streams), ss/128)
	nMiniFAT := sectors(miniSecs, ss/4)
	nContainer := sectors(miniSecs*mini, ss)
	rest := nDir + nMiniFAT + nContainer
	for _, s := range streams {
		if len(s.Data) >= cutoff {
			rest += sectors(len(s.Data), ss)
		}
	}
	nFAT := 1
	for nFAT*(ss/4) < nFAT+rest {
		nFAT++
	}
	total := nFAT + rest
	fat := make([]uint32, nFAT*(ss/4))
	for i := range fat {
		fat[i] = cfbFree
	}
	next := 0
	chain := func(n int) uint32 { // allocates n consecutive sectors, chained
		if n == 0 {
			return cfbEndOfChain
		}
		first := next
		for i := 0; i < n; i++ {
			fat[next] = uint32(next + 1)
			next++
		}
		fat[next-1] = cfbEndOfChain
		return uint32(first)
	}
	for i := 0; i < nFAT; i++ {
		fat[next] = cfbFATSect
		next++
	}
	dirStart := chain(nDir)
	miniFATStart := chain(nMiniFAT)
	containerStart := chain(nContainer)
	out := make([]byte, (1+total)*ss)
	sector := func(n uint32) []byte { return out[(1+int(n))*ss:] }

	// The mini stream and its FAT.
	miniFAT := make([]uint32, nMiniFAT*(ss/4))
	for i := range miniFAT {
		miniFAT[i] = cfbFree
	}
	container := make([]byte, nContainer*ss)
	starts := make([]uint32, len(streams))
	nextMini := 0
	for i, s := range streams {
		if len(s.Data) >= cutoff {
			n := sectors(len(s.Data), ss)
			starts[i] = chain(n)
			copy(sector(starts[i]), s.Data)
			continue
		}
		n := sectors(len(s.Data), mini)
		starts[i] = cfbEndOfChain
		if n == 0 {
			continue
		}
		starts[i] = uint32(nextMini)
		for j := 0; j < n; j++ {
			miniFAT[nextMini] = uint32(nextMini + 1)
			nextMini++
		}
		miniFAT[nextMini-1] = cfbEndOfChain
		copy(container[int(starts[i])*mini:], s.Data)
	}
	if nContainer > 0 {
		copy(sector(containerStart), container)
	}
	for i, v := range miniFAT {
		binary.LittleEndian.PutUint32(sector(miniFATStart)[4*i:], v)
	}
	for i, v := range fat {
		binary.LittleEndian.PutUint32(sector(0)[4*i:], v)
	}

	// The directory: the root, whose child is the first stream; streams chained as right siblings.
	dir := sector(dirStart)
	for i := 0; i < nDir*(ss/128); i++ {
		e := dir[128*i:]
		binary.LittleEndian.PutUint32(e[68:], cfbNoStream)
		binary.LittleEndian.PutUint32(e[72:], cfbNoStream)
		binary.LittleEndian.PutUint32(e[76:], cfbNoStream)
	}
	entry := func(i int, name string, typ byte, start uint32, size int) {
		e := dir[128*i:]
		u := utf16.Encode([]rune(name))
		for j, c := range u {
			binary.LittleEndian.PutUint16(e[2*j:], c)
		}
		binary.LittleEndian.PutUint16(e[64:], uint16(2*len(u)+2))
		e[66], e[67] = typ, 1
		binary.LittleEndian.PutUint32(e[116:], start)
		binary.LittleEndian.PutUint32(e[120:], uint32(size))
	}
	rootStart := containerStart
	entry(0, "Root Entry", 5, rootStart, miniSecs*mini)
	for i, s := range streams {
		entry(1+i, s.Name, 2, starts[i], len(s.Data))
		if i+1 < len(streams) {
			binary.LittleEndian.PutUint32(dir[128*(1+i)+72:], uint32(2+i))
		}
	}
	if len(streams) > 0 {
		binary.LittleEndian.PutUint32(dir[76:], 1)
	}

	// The header.
	h := out[:ss]
	copy(h, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1})
	binary.LittleEndian.PutUint16(h[24:], 0x003E)
	binary.LittleEndian.PutUint16(h[26:], 3)
	binary.LittleEndian.PutUint16(h[28:], 0xFFFE)
	binary.LittleEndian.PutUint16(h[30:], 9)
	binary.LittleEndian.PutUint16(h[32:], 6)
	binary.LittleEndian.PutUint32(h[44:], uint32(nFAT))
	binary.LittleEndian.PutUint32(h[48:], dirStart)
	binary.LittleEndian.PutUint32(h[56:], cutoff)
	binary.LittleEndian.PutUint32(h[60:], miniFATStart)
	binary.LittleEndian.PutUint32(h[64:], uint32(nMiniFAT))
	binary.LittleEndian.PutUint32(h[68:], cfbEndOfChain)
	for i := 0; i < 109; i++ {
		v := uint32(cfbFree)
		if i < nFAT {
			v = uint32(i)
		}
		binary.LittleEndian.PutUint32(h[76+4*i:], v)
	}
	return out
}

// Record returns one BIFF record: its type, the data's length and the data. The length is
// written as given, even past what BIFF8 allows, so hostile records can be built.
func Record(typ uint16, data []byte) []byte {
	b := binary.LittleEndian.AppendUint16(nil, typ)
	b = binary.LittleEndian.AppendUint16(b, uint16(len(data)))
	return append(b, data...)
}

// BOF returns a BOF record of the given BIFF version (0x0600 for BIFF8, 0x0500 for BIFF5/7)
// and substream type (5 globals, 0x10 worksheet).
func BOF(version, typ uint16) []byte {
	d := binary.LittleEndian.AppendUint16(nil, version)
	d = binary.LittleEndian.AppendUint16(d, typ)
	d = append(d, 0xBB, 0x0D, 0xCC, 0x07, 0, 0, 0, 0, 0x06, 0x04, 0, 0) // build, year, history
	return Record(0x0809, d)
}

// EOFRecord is the record that ends a substream.
var EOFRecord = Record(0x000A, nil)

// XLSEncrypted is a BIFF8 workbook protected by a password: its globals hold FILEPASS
// (RC4 CryptoAPI; the key data is irrelevant, nothing is decrypted).
func XLSEncrypted() []byte {
	filepass := append([]byte{1, 0, 4, 0, 2, 0}, make([]byte, 48)...)
	var s []byte
	s = append(s, BOF(0x0600, 5)...)
	s = append(s, Record(0x002F, filepass)...)
	s = append(s, EOFRecord...)
	return CFB(Stream{"Workbook", s})
}

// XLSBIFF5 is an Excel 5.0/95 workbook: a Book stream whose BOF says BIFF5.
func XLSBIFF5() []byte {
	var s []byte
	s = append(s, BOF(0x0500, 5)...)
	s = append(s, EOFRecord...)
	return CFB(Stream{"Book", s})
}

// ETNotBIFF is a WPS .et that is a compound file without a Workbook stream.
func ETNotBIFF() []byte {
	return CFB(Stream{"WpsContent", []byte("WPS Office ET document, not BIFF")})
}

// XLSCut is a BIFF8 .xls cut off half way, as an interrupted download leaves it: the
// directory still names a Workbook stream longer than what is left of the file.
func XLSCut() []byte {
	var s []byte
	s = append(s, BOF(0x0600, 5)...)
	for range 2000 {
		s = append(s, Record(0x00E1, []byte{0xB0, 0x04})...) // INTERFACEHDR: code page 1200
	}
	s = append(s, EOFRecord...)
	b := CFB(Stream{"Workbook", s})
	return b[:len(b)/2]
}

// ErrNoSoffice is returned by the functions that need LibreOffice where it is not installed.
var ErrNoSoffice = errors.New("hostile: LibreOffice (soffice) is not installed")

// SofficeXLS saves each .xlsx of srcs as .xls (BIFF8) with LibreOffice, in one call (it is slow
// to start), into outdir, and returns the .xls paths in the order of srcs. The profile is
// private, so that runs at the same time do not wait for each other's.
func SofficeXLS(outdir string, srcs ...string) ([]string, error) {
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		return nil, ErrNoSoffice
	}
	profile, err := os.MkdirTemp("", "hostile-soffice-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(profile)
	args := append([]string{"-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "xls", "--outdir", outdir}, srcs...)
	if b, err := exec.Command(soffice, args...).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("soffice: %v\n%s", err, b)
	}
	var out []string
	for _, s := range srcs {
		p := filepath.Join(outdir, strings.TrimSuffix(filepath.Base(s), filepath.Ext(s))+".xls")
		if _, err := os.Stat(p); err != nil {
			return nil, fmt.Errorf("soffice did not write %s", p)
		}
		out = append(out, p)
	}
	return out, nil
}

// LegacyLedgers are the ledgers GoodLegacy writes, by file name: an .xls and a WPS .et, both
// BIFF8 as LibreOffice saves them (WPS writes the same stream under .et).
var LegacyLedgers = []struct {
	Name string
	Rows [][]any
}{
	{"市审计局.xls", Ledger("市审计局", 1, 9)},
	{"市民政局.et", Ledger("市民政局", 4, 6)},
}

// GoodLegacy writes LegacyLedgers into dir (with LibreOffice: ErrNoSoffice without it) and
// returns their names. They are read like any .xlsx ledger.
func GoodLegacy(dir string) ([]string, error) {
	tmp, err := os.MkdirTemp("", "hostile-xls-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var srcs, names []string
	for i, l := range LegacyLedgers {
		p := filepath.Join(tmp, fmt.Sprintf("%d.xlsx", i))
		if err := WriteBook(p, "台账", l.Rows); err != nil {
			return nil, err
		}
		srcs = append(srcs, p)
	}
	xls, err := SofficeXLS(tmp, srcs...)
	if err != nil {
		return nil, err
	}
	for i, l := range LegacyLedgers {
		b, err := os.ReadFile(xls[i])
		if err != nil {
			return nil, err
		}
		if err := os.WriteFile(filepath.Join(dir, l.Name), b, 0o644); err != nil {
			return nil, err
		}
		names = append(names, l.Name)
	}
	return names, nil
}

// XLS returns a BIFF8 workbook of one worksheet named sheet: rows (row 1 first) as LABEL
// cells, a number (int or float64) as a NUMBER cell, and merges as one MERGEDCELLS record per
// 1,000 ranges ("A2:IV65536"). A row or column past .xls's 65,536 × 256 is an error.
func XLS(sheet string, rows [][]any, merges []string) ([]byte, error) {
	u16 := func(b []byte, v int) []byte { return binary.LittleEndian.AppendUint16(b, uint16(v)) }
	xlString := func(b []byte, s string) []byte {
		us := utf16.Encode([]rune(s))
		b = u16(b, len(us))
		b = append(b, 1)
		for _, u := range us {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		return b
	}
	var sub []byte
	sub = append(sub, BOF(0x0600, 0x10)...)
	for r, row := range rows {
		for c, v := range row {
			head := u16(u16(u16(nil, r), c), 15)
			switch v := v.(type) {
			case nil:
			case string:
				sub = append(sub, Record(0x0204, xlString(head, v))...)
			case int:
				sub = append(sub, Record(0x0203, binary.LittleEndian.AppendUint64(head, math.Float64bits(float64(v))))...)
			case float64:
				sub = append(sub, Record(0x0203, binary.LittleEndian.AppendUint64(head, math.Float64bits(v)))...)
			default:
				return nil, fmt.Errorf("hostile.XLS: cell %T", v)
			}
		}
	}
	for i := 0; i < len(merges); i += 1000 {
		part := merges[i:min(i+1000, len(merges))]
		d := u16(nil, len(part))
		for _, m := range part {
			tl, br, ok := strings.Cut(m, ":")
			c1, r1, err1 := excelize.CellNameToCoordinates(tl)
			c2, r2, err2 := excelize.CellNameToCoordinates(br)
			if !ok || err1 != nil || err2 != nil || r2 > 65536 || c2 > 256 {
				return nil, fmt.Errorf("hostile.XLS: merge %q", m)
			}
			d = u16(u16(u16(u16(d, r1-1), r2-1), c1-1), c2-1)
		}
		sub = append(sub, Record(0x00E5, d)...)
	}
	sub = append(sub, EOFRecord...)

	head := BOF(0x0600, 5)
	name := utf16.Encode([]rune(sheet))
	bound := func(pos int) []byte {
		d := binary.LittleEndian.AppendUint32(nil, uint32(pos))
		d = append(d, 0, 0, byte(len(name)), 1)
		for _, u := range name {
			d = binary.LittleEndian.AppendUint16(d, u)
		}
		return Record(0x0085, d)
	}
	pos := len(head) + len(bound(0)) + len(EOFRecord)
	stream := slicesConcat(head, bound(pos), EOFRecord, sub)
	return CFB(Stream{"Workbook", stream}), nil
}
