package sheets

// The dates of a ledger (SPEC §4.2): 完成时限, 完成日期 and 会议日期 cells. A cell holds either
// an Excel date serial, read here, or text, read by zhtext; the dictionary's no-deadline words
// and the Chinese wording of every error are added here.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

var (
	errDateUnknown     = errors.New(msgDateUnknown)
	errDeadlineUnknown = errors.New(msgDeadlineUnknown)
	errDateNoYear      = errors.New(msgDateNoYear)
)

// ParseDate parses a 完成日期 or 会议日期 cell. raw is the cell text as read with excelize's
// RawCellValue: a real Excel date arrives as its serial number ("45107", "45107.5"; the time
// of day is dropped) in the 1900 date system, or the 1904 one when date1904. Text may be
// 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日 (or …号), 20230630, with full-width digits,
// a trailing 前 or a time of day (zhtext.ParseDate). A blank cell gives the zero time and no
// error. The error of an unreadable or impossible date is a Chinese explanation without the
// field name; a date without a year is errDateNoYear.
func ParseDate(raw string, date1904 bool) (time.Time, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok, err := parseSerial(s, date1904, errDateUnknown); ok {
		return t, err
	}
	t, err := zhtext.ParseDate(s)
	if err != nil {
		return time.Time{}, dateError(err, errDateUnknown)
	}
	return t, nil
}

// Deadline is a parsed 完成时限 (SPEC §4.2).
type Deadline struct {
	Date time.Time // the last day of the period; zero when None
	// None means 无明确时限: a blank cell or a dictionary word such as 长期.
	None bool
	// YearInferred means the form had no year (6月底前) and the default year was used.
	YearInferred bool
}

// ParseDeadline parses a 完成时限 cell: everything ParseDate accepts, and periods that end on
// their last day — a month (2023年6月, 2023-06, 2023年6月底前, 6月底), a year (2023年底前, 年底,
// 2023年内, 2023年), a half-year (2023年上半年, 下半年) or a quarter (三季度末, 第三季度,
// 2023年第3季度, Q3) (zhtext.ParsePeriod). A form without a year takes defaultYear and sets
// YearInferred. A blank cell or a no-deadline word of d gives None.
func ParseDeadline(raw string, d *Dict, defaultYear int, date1904 bool) (Deadline, error) {
	s := strings.TrimSpace(raw)
	if s == "" || d != nil && d.IsNoDeadline(s) {
		return Deadline{None: true}, nil
	}
	if t, ok, err := parseSerial(s, date1904, errDeadlineUnknown); ok {
		if err != nil {
			return Deadline{}, err
		}
		return Deadline{Date: t}, nil
	}
	t, inferred, err := zhtext.ParsePeriod(s, defaultYear)
	if err != nil {
		return Deadline{}, dateError(err, errDeadlineUnknown)
	}
	return Deadline{Date: t, YearInferred: inferred}, nil
}

// parseSerial reads a cell holding a number as an Excel date serial. ok is false when s is not
// such a number and should be read as text: a four-digit integer part (2023, 2023.6) is a year
// typed by hand, never a serial (serial 2023 is in 1905), and eight digits are yyyymmdd.
func parseSerial(s string, date1904 bool, unknown error) (t time.Time, ok bool, err error) {
	if s[0] < '0' || s[0] > '9' {
		return time.Time{}, false, nil
	}
	intDigits := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-':
			if intDigits < 0 {
				intDigits = i
			}
		default:
			return time.Time{}, false, nil
		}
	}
	if intDigits < 0 {
		intDigits = len(s)
	}
	if intDigits == 4 || intDigits == 8 {
		return time.Time{}, false, nil
	}
	f, perr := strconv.ParseFloat(s, 64)
	if perr != nil {
		return time.Time{}, false, nil
	}
	if f >= 1e8 {
		return time.Time{}, true, unknown
	}
	if f < 1000 {
		// Far too small for a date of this century: 6.3 or 12.31 typed as month.day (which
		// Excel keeps as a number, dropping a trailing 0) or a count of days.
		return time.Time{}, true, fmt.Errorf(msgDateSmallNumber, s)
	}
	t = xlsx.SerialDay(f, date1904)
	if y := t.Year(); y < zhtext.MinYear || y > zhtext.MaxYear {
		return time.Time{}, true, fmt.Errorf(msgDateYear, y)
	}
	return t, true, nil
}
