package docxout

import (
	"encoding/xml"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// xw accumulates one XML part. Every text and attribute value goes through esc.
type xw struct {
	b strings.Builder
}

const xmlHeader = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"

// Namespaces of the parts.
const (
	nsW   = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
	nsR   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	nsRel = "http://schemas.openxmlformats.org/package/2006/relationships"
	nsCT  = "http://schemas.openxmlformats.org/package/2006/content-types"
)

func (x *xw) raw(s string) { x.b.WriteString(s) }

// elem writes <name a1="v1" …> (or <name …/> when empty), attrs as name, value pairs.
func (x *xw) elem(name string, empty bool, attrs ...string) {
	x.b.WriteByte('<')
	x.b.WriteString(name)
	for i := 0; i+1 < len(attrs); i += 2 {
		x.b.WriteByte(' ')
		x.b.WriteString(attrs[i])
		x.b.WriteString(`="`)
		x.b.WriteString(esc(attrs[i+1]))
		x.b.WriteByte('"')
	}
	if empty {
		x.b.WriteString("/>")
	} else {
		x.b.WriteByte('>')
	}
}

func (x *xw) open(name string, attrs ...string)  { x.elem(name, false, attrs...) }
func (x *xw) empty(name string, attrs ...string) { x.elem(name, true, attrs...) }
func (x *xw) close(name string)                  { x.raw("</" + name + ">") }

// text writes <name>s</name> with s escaped.
func (x *xw) text(name, s string, attrs ...string) {
	x.open(name, attrs...)
	x.raw(esc(s))
	x.close(name)
}

// texts writes <name>s</name> for each {name, s} whose s is not empty.
func (x *xw) texts(es ...[2]string) {
	for _, e := range es {
		if e[1] != "" {
			x.text(e[0], e[1])
		}
	}
}

// val writes <name w:val="v"/>.
func (x *xw) val(name, v string) { x.empty(name, "w:val", v) }

// size writes a run's size of pt points, in half-points, for Latin and complex script alike.
func (x *xw) size(pt float64) {
	hp := itoa(int(math.Round(pt * 2)))
	x.val("w:sz", hp)
	x.val("w:szCs", hp)
}

func itoa(n int) string { return strconv.Itoa(n) }

// esc is s without the characters XML 1.0 cannot carry, escaped by encoding/xml.
func esc(s string) string {
	var b strings.Builder
	// xml.EscapeText writes to an io.Writer; a strings.Builder never fails.
	_ = xml.EscapeText(&b, []byte(Clean(s)))
	return b.String()
}

// Clean drops from s what XML 1.0 cannot carry: control characters other than tab, line feed
// and carriage return, invalid UTF-8, surrogates and U+FFFE/U+FFFF. Everything else is kept,
// however long.
func Clean(s string) string {
	ok := true
	for i, r := range s {
		if !legal(r) || (r == utf8.RuneError && isBad(s, i)) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		if legal(r) && !(r == utf8.RuneError && isBad(s, i)) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

func isBad(s string, i int) bool {
	_, n := utf8.DecodeRuneInString(s[i:])
	return n <= 1
}

func legal(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return true
	case r < 0x20:
		return false
	case r >= 0xD800 && r <= 0xDFFF, r == 0xFFFE, r == 0xFFFF:
		return false
	}
	return r <= 0x10FFFF
}
