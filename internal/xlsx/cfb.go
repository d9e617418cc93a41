package xlsx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"strings"

	"github.com/richardlehane/mscfb"
)

// The compound file (CFB) around .xls workbooks and encrypted .xlsx packages.

// openCFB opens a compound file held whole in raw. A header whose sector counts disagree
// with its own tables, as the .NET ExcelLibrary writer leaves them, is read with the counts
// the tables give: xlrd, LibreOffice and Excel open such files. A panic of mscfb is a
// damaged file.
func openCFB(raw []byte) (cf *mscfb.Reader, err error) {
	defer func() {
		if r := recover(); r != nil {
			cf, err = nil, &FormatError{Part: xlsCompound, Offset: -1, Err: fmt.Errorf("%v", r)}
		}
	}()
	cf, err = mscfb.New(bytes.NewReader(raw))
	if err != nil {
		if fixed := recountCFB(raw); fixed != nil {
			if cf2, err2 := mscfb.New(bytes.NewReader(fixed)); err2 == nil {
				return cf2, nil
			}
		}
		return nil, &FormatError{Part: xlsCompound, Offset: -1, Err: err}
	}
	return cf, nil
}

// xlsCompound names the container in a FormatError.
const xlsCompound = "compound file"

// CFB special sector numbers.
const (
	cfbMaxSect    = 0xFFFFFFFA
	cfbEndOfChain = 0xFFFFFFFE
)

// recountCFB returns a copy of raw whose header counts the FAT, DIFAT and mini FAT sectors
// its chains hold, or nil when nothing differs or the header cannot be followed.
func recountCFB(raw []byte) []byte {
	if len(raw) < 512 {
		return nil
	}
	h := raw[:512]
	shift := binary.LittleEndian.Uint16(h[0x1E:])
	if shift != 9 && shift != 12 {
		return nil
	}
	size := 1 << shift
	nSect := uint32((len(raw) - size) / size)
	if len(raw) > size && (len(raw)-size)%size != 0 {
		nSect++ // a short last sector, read as far as it goes
	}
	sector := func(n uint32) []byte {
		off := size * (int(n) + 1)
		if n >= nSect || off >= len(raw) {
			return nil
		}
		return raw[off:min(off+size, len(raw))]
	}
	// The FAT's sectors: 109 in the header, the rest in the DIFAT chain.
	var fatSects []uint32
	addFAT := func(v uint32) {
		if v < nSect {
			fatSects = append(fatSects, v)
		}
	}
	for i := 76; i < 512; i += 4 {
		addFAT(binary.LittleEndian.Uint32(h[i:]))
	}
	nDIFAT := uint32(0)
	seen := map[uint32]bool{}
	for d := binary.LittleEndian.Uint32(h[0x44:]); d < nSect && !seen[d]; nDIFAT++ {
		seen[d] = true
		s := sector(d)
		if len(s) < size {
			return nil
		}
		for i := 0; i < size-4; i += 4 {
			addFAT(binary.LittleEndian.Uint32(s[i:]))
		}
		d = binary.LittleEndian.Uint32(s[size-4:])
	}
	next := func(n uint32) uint32 {
		k := int(n) / (size / 4)
		if k >= len(fatSects) {
			return cfbEndOfChain
		}
		s := sector(fatSects[k])
		i := 4 * (int(n) % (size / 4))
		if i+4 > len(s) {
			return cfbEndOfChain
		}
		return binary.LittleEndian.Uint32(s[i:])
	}
	nMini := uint32(0)
	seen = map[uint32]bool{}
	for m := binary.LittleEndian.Uint32(h[0x3C:]); m < nSect && !seen[m]; m = next(m) {
		seen[m] = true
		nMini++
	}
	out := bytes.Clone(raw[:512])
	binary.LittleEndian.PutUint32(out[0x2C:], uint32(len(fatSects)))
	binary.LittleEndian.PutUint32(out[0x40:], nMini)
	binary.LittleEndian.PutUint32(out[0x48:], nDIFAT)
	if nDIFAT == 0 {
		binary.LittleEndian.PutUint32(out[0x44:], cfbEndOfChain)
	}
	if bytes.Equal(out, h) {
		return nil
	}
	return append(out, raw[512:]...)
}

// rootStream returns the stream of the compound file's root storage with the given name (in
// any case), nil if there is none.
func rootStream(cf *mscfb.Reader, name string) *mscfb.File {
	for _, f := range cf.File {
		if len(f.Path) == 0 && !f.FileInfo().IsDir() && strings.EqualFold(f.Name, name) {
			return f
		}
	}
	return nil
}

// readStream reads a stream whole; it is at most limit bytes and no larger than the file.
func readStream(f *mscfb.File, part string, size, limit int64) ([]byte, error) {
	if f.Size > limit {
		return nil, &TooBigError{Limit: limit, Size: f.Size}
	}
	if f.Size > size {
		return nil, &FormatError{Part: part, Offset: -1, Err: fmt.Errorf("stream larger than the file")}
	}
	data := make([]byte, f.Size)
	if n, err := io.ReadFull(f, data); err != nil {
		return nil, &FormatError{Part: part, Offset: int64(n), Err: err}
	}
	return data, nil
}
