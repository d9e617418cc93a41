package sheets

import (
	"testing"
	"time"

	"github.com/duban/duban/internal/zhtext"
)

// checkDate fails when a parsed date is outside 2000–2100 or not midnight UTC.
func checkDate(t *testing.T, raw string, d time.Time) {
	t.Helper()
	if y := d.Year(); y < zhtext.MinYear || y > zhtext.MaxYear {
		t.Fatalf("%q: date %v outside 2000–2100", raw, d)
	}
	if d != time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC) {
		t.Fatalf("%q: date %#v is not midnight UTC", raw, d)
	}
}

// The text forms are fuzzed in internal/zhtext; these targets add the serials, the dictionary's
// no-deadline words and the wording of the errors.

func FuzzParseDate(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.raw, c.date1904)
	}
	f.Fuzz(func(t *testing.T, raw string, date1904 bool) {
		d, err := ParseDate(raw, date1904)
		switch {
		case err != nil:
			if !d.IsZero() || err.Error() == "" {
				t.Fatalf("%q: error %v with date %v", raw, err, d)
			}
		case !d.IsZero():
			checkDate(t, raw, d)
		}
	})
}

func FuzzParseDeadline(f *testing.F) {
	d := testDict(f)
	for _, c := range deadlineCases {
		f.Add(c.raw, 2024, false)
	}
	for _, c := range dateCases {
		f.Add(c.raw, 2023, c.date1904)
	}
	f.Fuzz(func(t *testing.T, raw string, year int, date1904 bool) {
		dl, err := ParseDeadline(raw, d, year, date1904)
		switch {
		case err != nil:
			if dl != (Deadline{}) || err.Error() == "" {
				t.Fatalf("%q: error %v with %+v", raw, err, dl)
			}
		case dl.None:
			if !dl.Date.IsZero() || dl.YearInferred {
				t.Fatalf("%q: None with %+v", raw, dl)
			}
		default:
			checkDate(t, raw, dl.Date)
			if dl.YearInferred && dl.Date.Year() != year {
				t.Fatalf("%q: inferred year %d, default %d", raw, dl.Date.Year(), year)
			}
		}
	})
}
