// Package xlsxout is the writer kit of duban's workbooks: tables laid out with a title, a header
// found by its labels, rows of typed values and notes below; the styles, column widths, row
// heights, print setup and document properties that go with them.
//
// It knows nothing of 督办: the caller maps its domain to Tables. It imports only excelize,
// the standard library and internal/xlsx (for the serial dates).
package xlsxout

import (
	"time"

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
