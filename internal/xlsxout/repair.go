package xlsxout

import (
	"bytes"
	"encoding/xml"
	"html"
	"math"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// A copy of a unit's workbook (check --annotate) is only as valid as its input was; it must
// be better (SPEC §9: opens in Excel and WPS without a repair prompt, whatever the inputs
// held). repair mends, in the package AddNotes writes, what other programs put in workbooks
// that makes Excel repair them, keeping what each value says:
//   - a number cell whose value is not a finite number (NaN, INF) becomes a text cell with
//     that value (a formula's cached result becomes a string result);
//   - a text longer than MaxText, in the shared strings or inline, is cut with MsgCut;
//   - a VML part (notes' boxes) without a content type gets one.

var (
	reOddNumber = regexp.MustCompile(`v>\s*[-+]?(?i:nan|inf)`) // a literal first: searched fast through the rows
	reCell      = regexp.MustCompile(`(?s)<((?:[\w.-]+:)?)c\b([^>]*?)(?:/>|>(.*?)</(?:[\w.-]+:)?c\s*>)`)
	reCellType  = regexp.MustCompile(`\s\bt\s*=\s*["']([^"']*)["']`)
	reValue     = regexp.MustCompile(`(?s)<(?:[\w.-]+:)?v\s*>(.*?)</(?:[\w.-]+:)?v\s*>`)
	reFormula   = regexp.MustCompile(`<(?:[\w.-]+:)?f\b`)
	reInline    = regexp.MustCompile(`(?s)<((?:[\w.-]+:)?)is\s*>.*?</(?:[\w.-]+:)?is\s*>`)
	reSIElem    = regexp.MustCompile(`(?s)<((?:[\w.-]+:)?)si\s*>.*?</(?:[\w.-]+:)?si\s*>`)
	rePhonetic  = regexp.MustCompile(`(?s)<(?:[\w.-]+:)?rPh\b.*?</(?:[\w.-]+:)?rPh\s*>`)
	reTextElem  = regexp.MustCompile(`(?s)<(?:[\w.-]+:)?t\b[^>]*?(?:/>|>(.*?)</(?:[\w.-]+:)?t\s*>)`)
	reXEscape   = regexp.MustCompile(`_x([0-9A-Fa-f]{4})_`)
)

func (p *zipPackage) repair(sheets map[string]string) error {
	for _, n := range slices.Clone(p.names) {
		if strings.EqualFold(path.Ext(n), ".vml") {
			if err := p.ensureContentType(n, ctVML, true); err != nil {
				return err
			}
		}
	}
	parts := map[string]bool{}
	for _, part := range sheets {
		parts[part] = true
	}
	for part := range parts {
		if b, ok := p.get(part); ok {
			if nb, changed := repairCells(b); changed {
				p.put(p.nameOf(part), nb)
			}
		}
	}
	if sst := p.sharedStringsPart(); sst != "" {
		if b, ok := p.get(sst); ok && len(b) > MaxText {
			if nb, changed := repairLongItems(b, reSIElem, "si"); changed {
				p.put(p.nameOf(sst), nb)
			}
		}
	}
	return nil
}

// sharedStringsPart is the workbook's shared strings part, "" if none.
func (p *zipPackage) sharedStringsPart() string {
	wb := "xl/workbook.xml"
	if root, err := p.rels(""); err == nil {
		for _, r := range root {
			if r.Type == relOfficeDoc {
				wb = resolve("", r.Target)
			}
		}
	}
	rels, err := p.rels(wb)
	if err != nil {
		return ""
	}
	for _, r := range rels {
		if r.Type == relSST && r.Mode != "External" {
			return resolve(path.Dir(wb), r.Target)
		}
	}
	return ""
}

// repairCells mends a worksheet's number cells that hold no finite number and its inline
// texts over MaxText.
func repairCells(b []byte) ([]byte, bool) {
	odd := reOddNumber.Match(b)
	long := len(b) > MaxText && bytes.Contains(b, []byte("inlineStr"))
	if !odd && !long {
		return b, false
	}
	changed := false
	out := reCell.ReplaceAllFunc(b, func(c []byte) []byte {
		m := reCell.FindSubmatch(c)
		prefix, attrs, body := m[1], m[2], m[3]
		typ := ""
		if t := reCellType.FindSubmatch(attrs); t != nil {
			typ = string(t[1])
		}
		switch {
		case (typ == "" || typ == "n") && odd:
			v := reValue.FindSubmatch(body)
			if v == nil || finite(string(v[1])) {
				return c
			}
			changed = true
			bare := reCellType.ReplaceAll(attrs, nil)
			if reFormula.Match(body) {
				return slices.Concat([]byte("<"), prefix, []byte("c"), bare, []byte(` t="str">`), body, []byte("</"), prefix, []byte("c>"))
			}
			return slices.Concat([]byte("<"), prefix, []byte("c"), bare, []byte(` t="inlineStr"><`), prefix, []byte("is><"), prefix,
				[]byte("t>"), bytes.TrimSpace(v[1]), []byte("</"), prefix, []byte("t></"), prefix, []byte("is></"), prefix, []byte("c>"))
		case typ == "inlineStr" && long && len(body) > MaxText:
			nb, ok := repairLongItems(body, reInline, "is")
			if !ok {
				return c
			}
			changed = true
			return slices.Concat([]byte("<"), prefix, []byte("c"), attrs, []byte(">"), nb, []byte("</"), prefix, []byte("c>"))
		}
		return c
	})
	return out, changed
}

// finite reports whether v is the text of a finite number.
func finite(v string) bool {
	x, err := strconv.ParseFloat(strings.TrimSpace(v), 64)
	return err == nil && !math.IsNaN(x) && !math.IsInf(x, 0)
}

// repairLongItems cuts each rich or plain text item (<si> or <is>, found by re, whose first
// group is its prefix) longer than MaxText characters to a plain text ending with MsgCut.
func repairLongItems(b []byte, re *regexp.Regexp, name string) ([]byte, bool) {
	changed := false
	out := re.ReplaceAllFunc(b, func(item []byte) []byte {
		if len(item) <= MaxText {
			return item
		}
		text := itemText(item)
		if UTF16Len(text) <= MaxText {
			return item
		}
		changed = true
		prefix := string(re.FindSubmatch(item)[1])
		var esc strings.Builder
		_ = xml.EscapeText(&esc, []byte(CellText(text)))
		s := reEscapeLike.ReplaceAllStringFunc(esc.String(), func(m string) string { return "_x005F" + m })
		return []byte("<" + prefix + name + "><" + prefix + `t xml:space="preserve">` + s + "</" + prefix + "t></" + prefix + name + ">")
	})
	return out, changed
}

// itemText is the text of a <si> or <is>: its <t> elements outside phonetic runs, with XML
// character references and Excel's _xHHHH_ escapes decoded.
func itemText(item []byte) string {
	item = rePhonetic.ReplaceAll(item, nil)
	var b strings.Builder
	for _, m := range reTextElem.FindAllSubmatch(item, -1) {
		b.Write(m[1])
	}
	return unescapeX(html.UnescapeString(b.String()))
}

// unescapeX decodes Excel's _xHHHH_ escapes (ST_Xstring), each one UTF-16 unit: a pair of
// escaped surrogates is one character; a lone surrogate is dropped.
func unescapeX(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var out strings.Builder
	high := rune(0)
	last := 0
	for _, m := range reXEscape.FindAllStringSubmatchIndex(s, -1) {
		if m[0] > last {
			high = 0
			out.WriteString(s[last:m[0]])
		}
		last = m[1]
		u, _ := strconv.ParseUint(s[m[2]:m[3]], 16, 16)
		r := rune(u)
		switch {
		case utf16.IsSurrogate(r) && r < 0xDC00:
			high = r
		case utf16.IsSurrogate(r):
			if high != 0 {
				out.WriteRune(utf16.DecodeRune(high, r))
			}
			high = 0
		default:
			high = 0
			out.WriteRune(r)
		}
	}
	out.WriteString(s[last:])
	return out.String()
}
