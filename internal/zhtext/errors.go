package zhtext

import (
	"errors"
	"fmt"
)

// Errors of ParseDate and ParsePeriod.
var (
	// ErrNotDate is a text that is none of the date or period forms.
	ErrNotDate = errors.New("zhtext: not a date")
	// ErrNoYear is a day written without its year (6月30日), given to ParseDate.
	ErrNoYear = errors.New("zhtext: date without a year")
)

// A RangeError is a date or period of a known form that does not exist: a year outside
// MinYear–MaxYear, a thirteenth month, 2月30日, 2月29日 of a common year, a fifth quarter.
type RangeError struct {
	Field Field // the part out of range
	// The date as written, the year after defaulting. Month and Day are set for FieldMonth
	// and FieldDay, Quarter for FieldQuarter.
	Year, Month, Day, Quarter int
}

// Field names the part of a date that a RangeError is about.
type Field uint8

const (
	FieldYear    Field = iota + 1 // outside MinYear–MaxYear
	FieldMonth                    // not 1–12
	FieldDay                      // not a day of its month (2月29日 in a common year too)
	FieldQuarter                  // not 1–4
)

func (e *RangeError) Error() string {
	switch e.Field {
	case FieldYear:
		return fmt.Sprintf("zhtext: year %d outside %d–%d", e.Year, MinYear, MaxYear)
	case FieldMonth:
		return fmt.Sprintf("zhtext: no month %d", e.Month)
	case FieldDay:
		return fmt.Sprintf("zhtext: no day %d-%02d-%02d", e.Year, e.Month, e.Day)
	case FieldQuarter:
		return fmt.Sprintf("zhtext: no quarter %d", e.Quarter)
	}
	return "zhtext: date out of range"
}
