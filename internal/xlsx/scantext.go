package xlsx

import (
	"bytes"
	"errors"
	"fmt"
	"strconv"
	"unicode/utf8"
)

// The scanner's attributes and text: checked, entities decoded, line ends normalised.

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
			return x.syntax("invalid attribute name")
		}
		b = b[n:]
		for len(b) > 0 && isSpace(b[0]) {
			b = b[1:]
		}
		if len(b) == 0 || b[0] != '=' {
			return x.syntax("attribute without '='")
		}
		b = b[1:]
		for len(b) > 0 && isSpace(b[0]) {
			b = b[1:]
		}
		if len(b) == 0 || b[0] != '"' && b[0] != '\'' {
			return x.syntax("unquoted attribute value")
		}
		j := bytes.IndexByte(b[1:], b[0])
		if j < 0 {
			return x.syntax("unquoted attribute value")
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
			return x.syntax("no space between attributes")
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
		return dst, x.syntax("']]>' in text")
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
			return x.syntax(fmt.Sprintf("illegal character %#x", c))
		}
	}
	if !utf8.Valid(b) {
		return x.syntax("invalid UTF-8")
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
			return dst, errors.New("'&' without an entity name")
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
				return dst, fmt.Errorf("unknown entity &%s;", ent)
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
				return dst, fmt.Errorf("invalid character reference &%s;", ent)
			}
			dst = utf8.AppendRune(dst, r)
		}
	}
}
