package xlsx

import (
	"encoding/xml"
	"fmt"
	"math"
	"strconv"
	"strings"
	"time"
)

// A cell's value, as an .xlsx holding the same cell reads: office:value-type says what the
// cell holds. Numbers (float, percentage, currency) are office:value as written; a date is
// its day serial in the 1900 date system (what Excel stores, and LibreOffice's own null date),
// with the time of day as its fraction; a time is the fraction of a day; a boolean is "1" or
// "0"; a string is its paragraphs' text joined by line breaks. A formula cell whose result
// the file does not hold is Uncalculated; an error result (calcext:value-type="error") is its
// text, "#DIV/0!".

// cellValue reads the cell just started, to its end, and returns its value: the zero Cell
// when it is blank.
func (p *odsParser) cellValue(se xml.StartElement) (Cell, error) {
	typ, _ := attrOf(se, nsOffice, "value-type")
	ext, _ := attrOf(se, nsCalcExt, "value-type")
	_, formula := attrOf(se, nsTable, "formula")
	text, err := p.cellText()
	if err != nil {
		return Cell{}, err
	}
	if ext == "error" {
		return Cell{Value: text, Kind: Error}, nil
	}
	attr := func(local string) string {
		v, _ := attrOf(se, nsOffice, local)
		return strings.TrimSpace(v)
	}
	var c Cell
	switch typ {
	case "float", "percentage", "currency":
		if v := attr("value"); v != "" {
			c = Cell{Value: v, Kind: Number}
		}
	case "date":
		if v := attr("date-value"); v != "" {
			c = Cell{Value: v, Kind: ISODate}
			if serial, ok := dateSerial(v); ok {
				c = Cell{Value: serial, Kind: Number}
			}
		}
	case "time":
		if v := attr("time-value"); v != "" {
			if days, ok := durationDays(v); ok {
				c = Cell{Value: days, Kind: Number}
			}
		}
	case "boolean":
		switch strings.ToLower(attr("boolean-value")) {
		case "true", "1":
			c = Cell{Value: "1", Kind: Bool}
		case "false", "0":
			c = Cell{Value: "0", Kind: Bool}
		}
	case "string":
		if v, ok := attrOf(se, nsOffice, "string-value"); ok {
			text = v
		}
		if text == "" && !formula {
			return Cell{}, nil // an empty string is a blank cell, but a formula's empty result
		}
		return Cell{Value: text, Kind: Text}, nil
	}
	switch {
	case c != Cell{}:
		return c, nil
	case text != "":
		return Cell{Value: text, Kind: Text}, nil // a value the attributes do not give: as shown
	case formula:
		return Cell{Kind: Uncalculated}, nil
	}
	return Cell{}, nil
}

// cellText reads a cell's content to its end: the text of its paragraphs (text:p, text:h, in
// lists too), one line each. Comments (office:annotation), drawings and notes are not the
// cell's text.
func (p *odsParser) cellText() (string, error) {
	var b strings.Builder
	w := textWriter{b: &b, p: p}
	paragraphs := 0
	for depth := 1; depth > 0; {
		t, err := p.token()
		if err != nil {
			return "", err
		}
		switch t := t.(type) {
		case xml.StartElement:
			switch {
			case isName(t.Name, nsText, "p") || isName(t.Name, nsText, "h"):
				if paragraphs > 0 {
					b.WriteByte('\n')
				}
				paragraphs++
				if err := w.paragraph(); err != nil {
					return "", err
				}
			case isName(t.Name, nsText, "list"), isName(t.Name, nsText, "list-item"), isName(t.Name, nsText, "list-header"),
				isName(t.Name, nsText, "section"):
				depth++
			default:
				if err := p.skip(); err != nil {
					return "", err
				}
			}
		case xml.EndElement:
			depth--
		}
	}
	return b.String(), nil
}

// maxCellText bounds the text of one cell, as the scanner of .xlsx parts bounds a text run.
// The spaces text:s unfolds to (text:c of them) are also charged against the limit.
const maxCellText = maxToken

// textWriter writes a paragraph's text as LibreOffice Calc reads a cell's: the characters as
// written (Calc keeps leading and repeated spaces, unlike a text document), and text:s,
// text:tab and text:line-break as a space (text:c of them), a tab and a line break.
type textWriter struct {
	b *strings.Builder
	p *odsParser
}

func (w *textWriter) paragraph() error {
	for depth := 1; depth > 0; {
		t, err := w.p.token()
		if err != nil {
			return err
		}
		switch t := t.(type) {
		case xml.CharData:
			w.b.Write(t)
		case xml.StartElement:
			if err := w.element(t, &depth); err != nil {
				return err
			}
		case xml.EndElement:
			depth--
		}
		if w.b.Len() > maxCellText {
			return fmt.Errorf("%w: a cell's text is over %d bytes", ErrTooLong, maxCellText)
		}
	}
	return nil
}

// element handles an element inside a paragraph: depth counts the open ones.
func (w *textWriter) element(t xml.StartElement, depth *int) error {
	switch {
	case isName(t.Name, nsText, "s"):
		n := 1
		if v, ok := attrOf(t, nsText, "c"); ok {
			if c, err := strconv.Atoi(strings.TrimSpace(v)); err == nil && c > 0 {
				n = c
			}
		}
		if n > maxCellText-w.b.Len() {
			return fmt.Errorf("%w: %d spaces in one cell", ErrTooLong, n)
		}
		if err := w.p.charge(int64(n)); err != nil {
			return err
		}
		for range n {
			w.b.WriteByte(' ')
		}
		return w.p.skip()
	case isName(t.Name, nsText, "tab"):
		w.b.WriteByte('\t')
		return w.p.skip()
	case isName(t.Name, nsText, "line-break"):
		w.b.WriteByte('\n')
		return w.p.skip()
	case isName(t.Name, nsOffice, "annotation"), isName(t.Name, nsText, "note"), isName(t.Name, nsText, "ruby-text"),
		t.Name.Space == nsDraw || t.Name.Space == "draw":
		return w.p.skip() // a comment, a footnote, a reading aid or a drawing: not the cell's text
	}
	*depth++ // text:span, text:a, a field: its text is the paragraph's
	return nil
}

// dateSerial turns an office:date-value (2024-06-30, 2024-06-30T14:30:00, with fractions of
// a second or a zone) into its day serial: whole days when there is no time of day.
func dateSerial(v string) (string, bool) {
	day, clock, hasClock := strings.Cut(v, "T")
	d, err := time.Parse("2006-01-02", day)
	if err != nil {
		return "", false
	}
	days := float64(d.Sub(epoch1900) / (24 * time.Hour))
	if hasClock {
		clock = strings.TrimSuffix(clock, "Z")
		if i := strings.IndexAny(clock, "+-"); i >= 0 {
			clock = clock[:i] // the zone: the day and time as written are the cell's
		}
		t, err := time.Parse("15:04:05.999999999", clock)
		if err != nil {
			return "", false
		}
		days += float64(t.Hour()*3600+t.Minute()*60+t.Second())/86400 + float64(t.Nanosecond())/86400e9
	}
	if days < 0 {
		return "", false // before 1899-12-30: no serial, kept as written
	}
	return strconv.FormatFloat(days, 'f', -1, 64), true
}

// durationDays turns an office:time-value, an ISO 8601 duration such as PT14H30M00S (or
// P1DT2H), into days.
func durationDays(v string) (string, bool) {
	neg := strings.HasPrefix(v, "-")
	v = strings.TrimPrefix(v, "-")
	if !strings.HasPrefix(v, "P") {
		return "", false
	}
	v = v[1:]
	secs, inTime, num := 0.0, false, ""
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9' || r == '.' || r == ',':
			if r == ',' {
				r = '.'
			}
			num += string(r)
			continue
		case r == 'T':
			inTime = true
			continue
		}
		f, err := strconv.ParseFloat(num, 64)
		if err != nil {
			return "", false
		}
		num = ""
		switch {
		case r == 'D' && !inTime:
			secs += f * 86400
		case r == 'H' && inTime:
			secs += f * 3600
		case r == 'M' && inTime:
			secs += f * 60
		case r == 'S' && inTime:
			secs += f
		default:
			return "", false // years, months and weeks are not a time of day
		}
	}
	if num != "" || math.IsInf(secs, 0) || math.IsNaN(secs) {
		return "", false
	}
	days := secs / 86400
	if neg {
		days = -days
	}
	return strconv.FormatFloat(days, 'f', -1, 64), true
}
