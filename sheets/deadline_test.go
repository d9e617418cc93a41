package sheets

import (
	"testing"
	"time"
)

const (
	errLeap2023 = "不是有效日期（2023年不是闰年，2月没有29日）"
	errFeb30    = "不是有效日期（2月没有30日）"
)

// dateCases: raw cell text, 1904 date system, expected date (yyyy-mm-dd, "" for the zero
// time) or expected error message. The text forms are zhtext's (internal/zhtext/date_test.go);
// here are the blanks, the Excel serials, and the wording of every kind of error.
var dateCases = []struct {
	raw      string
	date1904 bool
	want     string
	err      string
}{
	{raw: "", want: ""},
	{raw: "   ", want: ""},
	// Excel serials, 1900 system.
	{raw: "45107", want: "2023-06-30"},
	{raw: "45107.5", want: "2023-06-30"},
	{raw: "45107.99999", want: "2023-06-30"},
	{raw: " 45107 ", want: "2023-06-30"},
	{raw: "36526", want: "2000-01-01"},
	{raw: "73415", want: "2100-12-31"},
	{raw: "45351", want: "2024-02-29"},
	{raw: "36525", err: "年份1999超出2000–2100的范围"},
	{raw: "73416", err: "年份2101超出2000–2100的范围"},
	{raw: "60", err: "是数字60，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	{raw: "1", err: "是数字1，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	{raw: "0", err: "是数字0，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	{raw: "61", err: "是数字61，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	// 1904 system: serial = 1900 serial − 1462.
	{raw: "43645", date1904: true, want: "2023-06-30"},
	{raw: "43646", date1904: true, want: "2023-07-01"},
	{raw: "43645.25", date1904: true, want: "2023-06-30"},
	{raw: "0", date1904: true, err: "是数字0，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	{raw: "6.3", err: "是数字6.3，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	{raw: "10000", err: "年份1927超出2000–2100的范围"},
	// yyyymmdd.
	{raw: "20230630", want: "2023-06-30"},
	{raw: "21500101", err: "年份2150超出2000–2100的范围"},
	{raw: "19991231", err: "年份1999超出2000–2100的范围"},
	{raw: "20230230", err: errFeb30},
	// Text.
	{raw: "2023-06-30", want: "2023-06-30"},
	{raw: " 2023-06-30 ", want: "2023-06-30"},
	{raw: "２０２３年６月３０日", want: "2023-06-30"},
	{raw: "2024-02-29", want: "2024-02-29"},
	{raw: "2000-02-29", want: "2000-02-29"},
	// Impossible dates.
	{raw: "2023-02-29", err: errLeap2023},
	{raw: "2100-02-29", err: "不是有效日期（2100年不是闰年，2月没有29日）"},
	{raw: "2023年2月30日", err: errFeb30},
	{raw: "2023年13月1日", err: "不是有效日期（没有13月）"},
	{raw: "2023-00-10", err: "不是有效日期（没有0月）"},
	{raw: "2023-04-31", err: "不是有效日期（4月没有31日）"},
	{raw: "2023年5月0日", err: "不是有效日期（5月没有0日）"},
	{raw: "2150-01-01", err: "年份2150超出2000–2100的范围"},
	{raw: "1999年12月31日", err: "年份1999超出2000–2100的范围"},
	// Not a date.
	{raw: "6月30日", err: msgDateNoYear},
	{raw: "2023年6月", err: msgDateUnknown},
	{raw: "2023年底", err: msgDateUnknown},
	{raw: "2023", err: msgDateUnknown},
	{raw: "2023-06/30", err: msgDateUnknown},
	{raw: "2023-06-30 晚上", err: msgDateUnknown},
	{raw: "明天", err: msgDateUnknown},
	{raw: "长期", err: msgDateUnknown},
	{raw: "1e400", err: msgDateUnknown},
	{raw: "123456789", err: msgDateUnknown},
}

func TestParseDate(t *testing.T) {
	t.Parallel()
	for _, c := range dateCases {
		got, err := ParseDate(c.raw, c.date1904)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("ParseDate(%q, %v) = %v, %v; want error %q", c.raw, c.date1904, got, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q, %v): unexpected error %v", c.raw, c.date1904, err)
			continue
		}
		if s := dateString(got); s != c.want {
			t.Errorf("ParseDate(%q, %v) = %s; want %s", c.raw, c.date1904, s, c.want)
		}
		if !got.IsZero() && got != time.Date(got.Year(), got.Month(), got.Day(), 0, 0, 0, 0, time.UTC) {
			t.Errorf("ParseDate(%q) = %#v; want midnight UTC", c.raw, got)
		}
	}
}

func dateString(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2006-01-02")
}

// deadlineCases are read with defaultYear 2024 and the built-in dictionary. want is
// yyyy-mm-dd, "none" for 无明确时限, with "~" prefixed when the year is inferred. The period
// forms are zhtext's (internal/zhtext/date_test.go); here are the no-deadline words, serials,
// a few text forms read through, and the wording of every kind of error.
var deadlineCases = []struct {
	raw  string
	want string
	err  string
}{
	{raw: "", want: "none"},
	{raw: "  ", want: "none"},
	{raw: "长期", want: "none"},
	{raw: " 长期坚持 ", want: "none"},
	{raw: "持续推进", want: "none"},
	{raw: "常态化", want: "none"},
	{raw: "持续", want: "none"},
	// Days.
	{raw: "2023-06-30", want: "2023-06-30"},
	{raw: "45107", want: "2023-06-30"},
	{raw: "45107.5", want: "2023-06-30"},
	// Months.
	{raw: "2023-06", want: "2023-06-30"},
	{raw: "2023年6月底前", want: "2023-06-30"},
	{raw: "6月底前", want: "~2024-06-30"},
	// Years and quarters.
	{raw: "2023年年底", want: "2023-12-31"},
	{raw: "2023", want: "2023-12-31"},
	{raw: "三季度末", want: "~2024-09-30"},
	// Errors.
	{raw: "2023年2月30日", err: errFeb30},
	{raw: "2023-02-29", err: errLeap2023},
	{raw: "2023年13月", err: "不是有效日期（没有13月）"},
	{raw: "2023-13", err: "不是有效日期（没有13月）"},
	{raw: "4月31日", err: "不是有效日期（4月没有31日）"},
	{raw: "第五季度", err: "不是有效时限（一年只有4个季度，没有第5季度）"},
	{raw: "Q0", err: "不是有效时限（一年只有4个季度，没有第0季度）"},
	{raw: "2150年底", err: "年份2150超出2000–2100的范围"},
	{raw: "2150-06-30", err: "年份2150超出2000–2100的范围"},
	{raw: "1999", err: "年份1999超出2000–2100的范围"},
	{raw: "100", err: "是数字100，不是日期；如指某月某日，请连同年份写成 2023-06-30"},
	{raw: "尽快", err: msgDeadlineUnknown},
	{raw: "前", err: msgDeadlineUnknown},
	{raw: "6月中旬", err: msgDeadlineUnknown},
	{raw: "2023年6月-7月", err: msgDeadlineUnknown},
	{raw: "2023-06-30-01", err: msgDeadlineUnknown},
	{raw: "长期推进中", err: msgDeadlineUnknown},
	{raw: "年", err: msgDeadlineUnknown},
	{raw: "上半", err: msgDeadlineUnknown},
}

func TestParseDeadline(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range deadlineCases {
		got, err := ParseDeadline(c.raw, d, 2024, false)
		if c.err != "" {
			if err == nil || err.Error() != c.err {
				t.Errorf("ParseDeadline(%q) = %+v, %v; want error %q", c.raw, got, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDeadline(%q): unexpected error %v", c.raw, err)
			continue
		}
		var s string
		switch {
		case got.None:
			s = "none"
			if !got.Date.IsZero() || got.YearInferred {
				t.Errorf("ParseDeadline(%q) = %+v; None with a date", c.raw, got)
			}
		case got.YearInferred:
			s = "~" + dateString(got.Date)
		default:
			s = dateString(got.Date)
		}
		if s != c.want {
			t.Errorf("ParseDeadline(%q) = %s; want %s", c.raw, s, c.want)
		}
	}
}

func TestParseDeadline1904AndNilDict(t *testing.T) {
	t.Parallel()
	got, err := ParseDeadline("43646", nil, 2024, true)
	if err != nil || got != (Deadline{Date: time.Date(2023, 7, 1, 0, 0, 0, 0, time.UTC)}) {
		t.Errorf("ParseDeadline(43646, 1904) = %+v, %v; want 2023-07-01", got, err)
	}
	if got, err := ParseDeadline("", nil, 2024, false); err != nil || !got.None {
		t.Errorf("ParseDeadline(\"\", nil dict) = %+v, %v; want None", got, err)
	}
	if _, err := ParseDeadline("长期", nil, 2024, false); err == nil {
		t.Errorf("ParseDeadline(长期, nil dict): want an error without a dictionary")
	}
	if _, err := ParseDeadline("6月底", nil, 1999, false); err == nil || err.Error() != "年份1999超出2000–2100的范围" {
		t.Errorf("ParseDeadline(6月底, default 1999) = %v; want a year error", err)
	}
}

func BenchmarkParseDateSerial(b *testing.B) {
	for b.Loop() {
		_, _ = ParseDate("45107", false)
	}
}

func BenchmarkParseDeadlineText(b *testing.B) {
	d := testDict(b)
	for b.Loop() {
		_, _ = ParseDeadline("2023年6月底前", d, 2024, false)
	}
}
