package xlsx

import "time"

// Excel's date serials: days since 1899-12-30 in the 1900 date system (which counts the
// phantom 1900-02-29, so the epoch is the 30th, not the 31st), since 1904-01-01 in the 1904
// system. Only calendar days are used; a time of day is cut off.
var (
	epoch1900 = time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)
	epoch1904 = time.Date(1904, 1, 1, 0, 0, 0, 0, time.UTC)
)

// SerialDay returns the calendar day of a date serial in the given date system. It is meant
// for serials of real dates (1900-03-01 onwards); the caller bounds the years it accepts.
func SerialDay(v float64, date1904 bool) time.Time {
	e := epoch1900
	if date1904 {
		e = epoch1904
	}
	return time.Unix(e.Unix()+int64(v)*86400, 0).UTC()
}

// DaySerial returns the 1900-system serial of t's calendar day (what writers store).
func DaySerial(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(epoch1900) / (24 * time.Hour))
}
