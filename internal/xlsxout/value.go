// Package xlsxout is the writer kit of duban's workbooks: tables laid out with a title, a header
// found by its labels, rows of typed values and notes below; the styles, column widths, row
// heights, print setup and document properties that go with them.
//
// It knows nothing of 督办: the caller maps its domain to Tables. It imports only excelize,
// the standard library and internal/xlsx (for the serial dates).
package xlsxout

import (
	"math"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsx"
)

// Kind is how a column's values are written and formatted.
type Kind uint8

const (
	KindText Kind = iota
	KindWrap      // long text, wrapped
	KindInt
	KindDate // an Excel date serial shown as yyyy-mm-dd
	KindRate // a ratio shown as a percentage with one decimal
	numKinds
)

// Column is one column of a table: its header label, the kind of its values and, when Width is
// above zero, a fixed width instead of one measured from the values.
type Column struct {
	Label string
	Kind  Kind
	Width float64
	// Whole columns hold names that must not break inside a word (a meeting's canonical
	// name, a unit's): measured to their longest value up to maxWhole, and never narrowed
	// to fit the page.
	Whole bool
}

// Tone is the fill of a data cell: none, red (逾期, 错误) or yellow (临期, 警告).
type Tone uint8

const (
	None Tone = iota
	Red
	Yellow
	numTones
)

// Values a table's Row may put in a cell besides string (empty is a blank cell), int and nil.
type (
	// Date is an Excel date serial number (1900 date system).
	Date int
	// Rate is an exact ratio, shown as a percentage.
	Rate float64
	// Marked is a text cell with its own tone (预警, 级别).
	Marked struct {
		Text string
		Tone Tone
	}
)

// DateValue returns the serial of t's calendar day as a Date, or nil for the zero time. The
// wall-clock date is used whatever the location, so a date never shifts by a time zone.
func DateValue(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return Date(xlsx.DaySerial(t))
}

// Serial returns the serial of t's calendar day as the float excelize's SetCellFloat takes.
func Serial(t time.Time) float64 {
	return float64(xlsx.DaySerial(t))
}

// MaxText is the most characters (UTF-16 units) Excel holds in a cell; a longer text makes
// it repair the workbook.
const MaxText = 32767

// CellText returns s as a cell can hold it: without the characters XML cannot carry
// (control characters other than tab and line breaks, invalid UTF-8) or no text should
// (noncharacters U+FDD0–U+FDEF), and, when longer than
// MaxText, cut at a character boundary with MsgCut at its end, so that the cut is seen.
// (excelize would cut it silently, and show the control characters as U+FFFD.)
func CellText(s string) string {
	if len(s) <= MaxText && cleanText(s) {
		return s
	}
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	if strings.ContainsFunc(s, badChar) {
		s = strings.Map(func(r rune) rune {
			if badChar(r) {
				return -1
			}
			return r
		}, s)
	}
	if len(s) <= MaxText || UTF16Len(s) <= MaxText {
		return s
	}
	return cutUTF16(s, MaxText-UTF16Len(MsgCut)) + MsgCut
}

// cleanText reports, in one pass, whether s is valid UTF-8 without a badChar: the text of
// almost every cell, which CellText returns as it is.
func cleanText(s string) bool {
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b < 0x20 && b != '\t' && b != '\n' && b != '\r' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n == 1 || badChar(r) {
			return false
		}
		i += n
	}
	return true
}

// badChar reports whether XML 1.0 cannot carry r, or r is one of the noncharacters
// U+FDD0–U+FDEF (which no text exchanged holds, and the table writer uses, share.go).
func badChar(r rune) bool {
	return r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF || r >= 0xD800 && r <= 0xDFFF ||
		r >= 0xFDD0 && r <= 0xFDEF
}

// CellNumber returns x as a cell can hold it: the number, or, when it is not finite (NaN,
// ±Inf, which make Excel repair a workbook), its text, so that the value is still seen.
func CellNumber(x float64) any {
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return strconv.FormatFloat(x, 'g', -1, 64)
	}
	return x
}
