package zhtext

import (
	"errors"
	"testing"
	"time"
	"unicode/utf8"
)

// checkDate fails when a parsed date is outside MinYear–MaxYear or not midnight UTC.
func checkDate(t *testing.T, s string, d time.Time) {
	t.Helper()
	if y := d.Year(); y < MinYear || y > MaxYear {
		t.Fatalf("%q: date %v outside 2000–2100", s, d)
	}
	if d != time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, time.UTC) {
		t.Fatalf("%q: date %#v is not midnight UTC", s, d)
	}
}

// checkError fails unless err is one the parsers document.
func checkError(t *testing.T, s string, err error) {
	t.Helper()
	var re *RangeError
	if !errors.Is(err, ErrNotDate) && !errors.Is(err, ErrNoYear) && !errors.As(err, &re) {
		t.Fatalf("%q: undocumented error %v", s, err)
	}
	if re != nil && (re.Field < FieldYear || re.Field > FieldQuarter) {
		t.Fatalf("%q: RangeError without a field: %+v", s, re)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, c := range dateCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			checkError(t, s, err)
			if !d.IsZero() {
				t.Fatalf("%q: error %v with date %v", s, err, d)
			}
			return
		}
		checkDate(t, s, d)
	})
}

func FuzzParsePeriod(f *testing.F) {
	for _, c := range periodCases {
		f.Add(c.s, 2024)
	}
	for _, c := range dateCases {
		f.Add(c.s, 2023)
	}
	f.Fuzz(func(t *testing.T, s string, year int) {
		d, inferred, err := ParsePeriod(s, year)
		if err != nil {
			checkError(t, s, err)
			if errors.Is(err, ErrNoYear) || !d.IsZero() || inferred {
				t.Fatalf("%q: error %v with %v, %v", s, err, d, inferred)
			}
			return
		}
		checkDate(t, s, d)
		if inferred && d.Year() != year {
			t.Fatalf("%q: inferred year %d, default %d", s, d.Year(), year)
		}
		// A day ParseDate reads is the same day here.
		if day, err := ParseDate(s); err == nil && (day != d || inferred) {
			t.Fatalf("%q: ParseDate %v, ParsePeriod %v (inferred %v)", s, day, d, inferred)
		}
	})
}

func FuzzMeetingNumber(f *testing.F) {
	for _, c := range meetingCases {
		f.Add(c.name)
	}
	for _, c := range foldCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		num, year := MeetingNumber(name)
		if num < 0 || year < 0 || year > 9999 || num == 0 && year != 0 {
			t.Fatalf("MeetingNumber(%q) = %d, %d", name, num, year)
		}
	})
}

func FuzzFold(f *testing.F) {
	for _, c := range foldCases {
		f.Add(c.s)
	}
	for _, c := range meetingCases {
		f.Add(c.name)
	}
	f.Add("完成\n时限*")
	f.Fuzz(func(t *testing.T, s string) {
		k := Fold(s)
		if utf8.ValidString(s) && Fold(k) != k {
			t.Fatalf("Fold not idempotent on %q: %q then %q", s, k, Fold(k))
		}
		if n := Normalize(s); Fold(n) != k {
			t.Fatalf("Fold(Normalize(%q)) = %q; Fold = %q", s, Fold(n), k)
		}
		if utf8.ValidString(s) && Normalize(Normalize(s)) != Normalize(s) {
			t.Fatalf("Normalize not idempotent on %q", s)
		}
	})
}

func FuzzParseNumber(f *testing.F) {
	for _, c := range numberCases {
		f.Add(c.s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n, ok := ParseNumber(s)
		if n < 0 || n >= 1e9 || !ok && n != 0 {
			t.Fatalf("ParseNumber(%q) = %d, %v", s, n, ok)
		}
	})
}

// FuzzDateLead: a date found at the start of a text is a prefix of it that ParsePeriod reads
// or rejects with a documented error, and the words are the rest.
func FuzzDateLead(f *testing.F) {
	for _, s := range []string{"9月30日前全面完成", "2024年10月底前建成投用", "6月后启动", "3年内完成", "年底前完成\xff", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		date, words, ok := DateLead(s)
		if !ok {
			return
		}
		if date == "" || words == "" || !utf8.ValidString(words) {
			t.Fatalf("DateLead(%q) = %q, %q", s, date, words)
		}
		if d, _, err := ParsePeriod(date, 2024); err != nil {
			checkError(t, date, err)
		} else {
			checkDate(t, date, d)
		}
	})
}
