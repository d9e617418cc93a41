package xlsx

import (
	"encoding/binary"
	"unicode/utf16"
)

// BIFF8 strings are UTF-16LE, or "compressed": one byte per character, the high byte zero
// (Latin-1). A string longer than a record goes on in CONTINUE records; where the split falls
// inside its characters, the continuation starts with a new flag byte saying whether the rest
// is compressed. Rich-text runs and phonetic data after the characters may be split anywhere,
// without a flag byte.

// contReader reads a record's data and its CONTINUE records' as one sequence.
type contReader struct {
	segs [][]byte
	seg  int // current segment
	pos  int // offset in it
	buf  []uint16
	// splits counts the continuations met inside characters (each with its flag byte).
	splits int
}

// left is the number of bytes not yet read.
func (c *contReader) left() int {
	if c.seg >= len(c.segs) {
		return 0
	}
	n := len(c.segs[c.seg]) - c.pos
	for _, s := range c.segs[c.seg+1:] {
		n += len(s)
	}
	return n
}

// more says whether any byte is left; it moves past exhausted segments, so it is called
// only between strings, where no flag byte is due.
func (c *contReader) more() bool {
	for c.seg < len(c.segs) && c.pos >= len(c.segs[c.seg]) {
		c.seg++
		c.pos = 0
	}
	return c.seg < len(c.segs)
}

// skip passes over n bytes across segment boundaries; false if there are fewer.
func (c *contReader) skip(n int64) bool {
	for n > 0 {
		if c.seg >= len(c.segs) {
			return false
		}
		k := int64(len(c.segs[c.seg]) - c.pos)
		if k > n {
			c.pos += int(n)
			return true
		}
		n -= k
		c.seg++
		c.pos = 0
	}
	return true
}

// uint reads an n-byte (n <= 4) little-endian integer across segment boundaries.
func (c *contReader) uint(n int) (uint32, bool) {
	var v uint32
	for i := 0; i < n; i++ {
		for c.seg < len(c.segs) && c.pos >= len(c.segs[c.seg]) {
			c.seg++
			c.pos = 0
		}
		if c.seg >= len(c.segs) {
			return 0, false
		}
		v |= uint32(c.segs[c.seg][c.pos]) << (8 * i)
		c.pos++
	}
	return v, true
}

// chars reads n characters, compressed or not as high says; at each segment boundary inside
// them a flag byte restates the compression.
func (c *contReader) chars(n int, high bool) (string, bool) {
	u := c.buf[:0]
	for len(u) < n {
		if c.seg >= len(c.segs) {
			return "", false
		}
		d := c.segs[c.seg][c.pos:]
		if len(d) == 0 || (high && len(d) == 1) { // a lone odd byte is passed over, as xlrd does
			c.seg++
			for c.seg < len(c.segs) && len(c.segs[c.seg]) == 0 {
				c.seg++ // an empty CONTINUE holds nothing, not even the flag byte
			}
			if c.seg >= len(c.segs) {
				return "", false
			}
			high = c.segs[c.seg][0]&1 != 0
			c.pos = 1
			c.splits++
			continue
		}
		if high {
			k := min(len(d)/2, n-len(u))
			for i := 0; i < k; i++ {
				u = append(u, binary.LittleEndian.Uint16(d[2*i:]))
			}
			c.pos += 2 * k
		} else {
			k := min(len(d), n-len(u))
			for _, b := range d[:k] {
				u = append(u, uint16(b))
			}
			c.pos += k
		}
	}
	c.buf = u
	return decodeUTF16(u), true
}

// decodeUTF16 decodes UTF-16 code units; an unpaired surrogate becomes U+FFFD.
func decodeUTF16(u []uint16) string {
	ascii := true
	for _, r := range u {
		if r >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		b := make([]byte, len(u))
		for i, r := range u {
			b[i] = byte(r)
		}
		return string(b)
	}
	return string(utf16.Decode(u))
}

// richString reads an XLUnicodeRichExtendedString (an SST entry): its characters, with the
// rich-text runs and phonetic data after them passed over.
func (c *contReader) richString() (string, error) {
	cch, ok1 := c.uint(2)
	flags, ok2 := c.uint(1)
	if !ok1 || !ok2 {
		return "", errXLSTruncated
	}
	if cch > maxChars {
		return "", errXLSString
	}
	var runs, ext uint32
	ok := true
	if flags&8 != 0 {
		runs, ok = c.uint(2)
	}
	if ok && flags&4 != 0 {
		ext, ok = c.uint(4)
	}
	if !ok {
		return "", errXLSTruncated
	}
	s, ok := c.chars(int(cch), flags&1 != 0)
	if !ok || !c.skip(4*int64(runs)) || !c.skip(int64(ext)) {
		return "", errXLSTruncated
	}
	return s, nil
}

// readSST reads the shared strings of an SST record and its CONTINUE records. Fewer strings
// than the count claims are read as they are (a writer's miscount); a string cut short is
// damage.
func readSST(segs [][]byte, off int64) ([]string, error) {
	c := &contReader{segs: segs}
	if _, ok := c.uint(4); !ok {
		return nil, formatErr(off, errXLSTruncated)
	}
	n, ok := c.uint(4)
	if !ok {
		return nil, formatErr(off, errXLSTruncated)
	}
	// Each string takes at least 3 bytes: the count cannot allocate beyond the data.
	sst := make([]string, 0, min(int64(n), int64(c.left()/3)))
	for i := int64(0); i < int64(n) && c.more(); i++ {
		s, err := c.richString()
		if err != nil {
			return nil, formatErr(off, err)
		}
		sst = append(sst, s)
	}
	return sst, nil
}

// readStringRecord reads an XLUnicodeString (the data of LABEL and of the STRING record after a
// formula, possibly continued): a 16-bit count, a flag byte and the characters.
func readStringRecord(segs [][]byte) (string, error) {
	c := &contReader{segs: segs}
	cch, ok1 := c.uint(2)
	flags, ok2 := c.uint(1)
	if ok1 && cch == 0 {
		return "", nil // an empty string, its flag byte left out by some writers
	}
	if !ok1 || !ok2 {
		return "", errXLSTruncated
	}
	if cch > maxChars {
		return "", errXLSString
	}
	s, ok := c.chars(int(cch), flags&1 != 0)
	if !ok {
		return "", errXLSTruncated
	}
	return s, nil
}

// readShortString reads a ShortXLUnicodeString (a sheet name): an 8-bit count, a flag byte and
// the characters. It returns the string and the bytes it took.
func readShortString(d []byte) (string, int, error) {
	if len(d) < 2 {
		return "", 0, errXLSTruncated
	}
	n := int(d[0])
	if d[1]&1 != 0 {
		n *= 2
	}
	if len(d) < 2+n {
		return "", 0, errXLSTruncated
	}
	c := &contReader{segs: [][]byte{d[2 : 2+n]}}
	s, ok := c.chars(int(d[0]), d[1]&1 != 0)
	if !ok {
		return "", 0, errXLSTruncated
	}
	return s, 2 + n, nil
}
