package zhtext

import (
	"errors"
	"testing"
	"time"
)

// dateCases: text, expected date (yyyy-mm-dd) or expected error.
var dateCases = []struct {
	s    string
	want string
	err  error
}{
	// yyyymmdd.
	{"20230630", "2023-06-30", nil},
	{"20000101", "2000-01-01", nil},
	{"21001231", "2100-12-31", nil},
	{"21500101", "", &RangeError{Field: FieldYear, Year: 2150}},
	{"19991231", "", &RangeError{Field: FieldYear, Year: 1999}},
	{"20230230", "", &RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 30}},
	// Text.
	{"2023-06-30", "2023-06-30", nil},
	{"2023-6-3", "2023-06-03", nil},
	{"2023/6/30", "2023-06-30", nil},
	{"2023.6.30", "2023-06-30", nil},
	{"2023年6月30日", "2023-06-30", nil},
	{"2023年06月30号", "2023-06-30", nil},
	{"2023年6月30", "2023-06-30", nil},
	{" 2023-06-30 ", "2023-06-30", nil},
	{"\u30002023年6月30日\u3000", "2023-06-30", nil},
	{"2023 年 6 月 30 日", "2023-06-30", nil},
	{"２０２３年６月３０日", "2023-06-30", nil},
	{"２０２３－０６－３０", "2023-06-30", nil},
	{"２０２３０６３０", "2023-06-30", nil},
	{"2023年6月30日前", "2023-06-30", nil},
	{"2023-06-30 00:00:00", "2023-06-30", nil},
	{"2023-06-30T08:30:00", "2023-06-30", nil},
	{"2023-06-30T00:00:00Z", "2023-06-30", nil}, // a cell of type d
	{"2023-06-30T00:00:00+08:00", "2023-06-30", nil},
	{"2023-06-30T00:00:00.000-05:00", "2023-06-30", nil},
	{"2023/6/30 8:30", "2023-06-30", nil},
	{"2023-06-30 00:00:00.000", "2023-06-30", nil},
	{"二〇二三年六月三十日", "2023-06-30", nil},
	{"23年6月30日", "2023-06-30", nil},
	{"2024-02-29", "2024-02-29", nil},
	{"2000-02-29", "2000-02-29", nil},
	// Impossible dates.
	{"2023-02-29", "", &RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 29}},
	{"2100-02-29", "", &RangeError{Field: FieldDay, Year: 2100, Month: 2, Day: 29}},
	{"2023年2月30日", "", &RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 30}},
	{"2023年13月1日", "", &RangeError{Field: FieldMonth, Year: 2023, Month: 13}},
	{"2023-00-10", "", &RangeError{Field: FieldMonth, Year: 2023, Month: 0}},
	{"2023-04-31", "", &RangeError{Field: FieldDay, Year: 2023, Month: 4, Day: 31}},
	{"2023年5月0日", "", &RangeError{Field: FieldDay, Year: 2023, Month: 5, Day: 0}},
	{"2150-01-01", "", &RangeError{Field: FieldYear, Year: 2150}},
	{"1999年12月31日", "", &RangeError{Field: FieldYear, Year: 1999}},
	// Not a date.
	{"6月30日", "", ErrNoYear},
	{"2023年6月", "", ErrNotDate},
	{"2023年底", "", ErrNotDate},
	{"2023", "", ErrNotDate},
	{"2023-06/30", "", ErrNotDate},
	{"2023-06-30 晚上", "", ErrNotDate},
	{"明天", "", ErrNotDate},
	{"长期", "", ErrNotDate},
	{"1e400", "", ErrNotDate},
}

func TestParseDate(t *testing.T) {
	for _, c := range dateCases {
		got, err := ParseDate(c.s)
		if c.err != nil {
			if !sameError(err, c.err) || !got.IsZero() {
				t.Errorf("ParseDate(%q) = %v, %v; want error %v", c.s, got, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseDate(%q): unexpected error %v", c.s, err)
			continue
		}
		if s := got.Format(time.DateOnly); s != c.want {
			t.Errorf("ParseDate(%q) = %s; want %s", c.s, s, c.want)
		}
		if got != time.Date(got.Year(), got.Month(), got.Day(), 0, 0, 0, 0, time.UTC) {
			t.Errorf("ParseDate(%q) = %#v; want midnight UTC", c.s, got)
		}
	}
}

// periodCases are read with defaultYear 2024. want is the last day (yyyy-mm-dd), with "~"
// prefixed when the year is inferred.
var periodCases = []struct {
	s    string
	want string
	err  error
}{
	// Days.
	{"2023-06-30", "2023-06-30", nil},
	{"2023/6/30", "2023-06-30", nil},
	{"2023.6.30", "2023-06-30", nil},
	{"2023年6月30日", "2023-06-30", nil},
	{"2023年06月30号", "2023-06-30", nil},
	{"20230630", "2023-06-30", nil},
	{"2023-06-30 00:00:00", "2023-06-30", nil},
	{"2023年6月30日前", "2023-06-30", nil},
	{"2023年6月30日之前", "2023-06-30", nil},
	{"于2023年6月30日前完成", "2023-06-30", nil},
	{"截至2023年6月30日", "2023-06-30", nil},
	{"6月30日前", "~2024-06-30", nil},
	{"6月30日", "~2024-06-30", nil},
	{"2月29日", "~2024-02-29", nil},
	{"六月三十日", "~2024-06-30", nil},
	// Months.
	{"2023年6月", "2023-06-30", nil},
	{"2023-06", "2023-06-30", nil},
	{"2023/6", "2023-06-30", nil},
	{"2023.6", "2023-06-30", nil},
	{"2023.10", "2023-10-31", nil},
	{"2023年6月底", "2023-06-30", nil},
	{"2023年6月底前", "2023-06-30", nil},
	{"2023年6月末", "2023-06-30", nil},
	{"2023年6月份", "2023-06-30", nil},
	{"2023年6月底前完成", "2023-06-30", nil},
	{"2023年2月", "2023-02-28", nil},
	{"2024年2月底", "2024-02-29", nil},
	{"2023年12月底前", "2023-12-31", nil},
	{"6月底前", "~2024-06-30", nil},
	{"6月底", "~2024-06-30", nil},
	{"6月", "~2024-06-30", nil},
	{"2月底", "~2024-02-29", nil},
	{"十二月底", "~2024-12-31", nil},
	{"６月底前", "~2024-06-30", nil},
	// Years.
	{"2023年底", "2023-12-31", nil},
	{"2023年底前", "2023-12-31", nil},
	{"2023年末", "2023-12-31", nil},
	{"2023年内", "2023-12-31", nil},
	{"2023年年内", "2023-12-31", nil},
	{"2023年年底前", "2023-12-31", nil},
	{"2023年年底", "2023-12-31", nil},
	{"2023年", "2023-12-31", nil},
	{"2023年度", "2023-12-31", nil},
	{"2023", "2023-12-31", nil},
	{"二〇二三年底", "2023-12-31", nil},
	{"年底前", "~2024-12-31", nil},
	{"年底", "~2024-12-31", nil},
	{"年内", "~2024-12-31", nil},
	{"今年底", "~2024-12-31", nil},
	{"今年", "~2024-12-31", nil},
	{"本年度", "~2024-12-31", nil},
	// Half-years.
	{"2023年上半年", "2023-06-30", nil},
	{"2023年下半年", "2023-12-31", nil},
	{"上半年", "~2024-06-30", nil},
	{"下半年", "~2024-12-31", nil},
	{"上半年前", "~2024-06-30", nil},
	// Quarters.
	{"三季度末", "~2024-09-30", nil},
	{"第三季度", "~2024-09-30", nil},
	{"2023年第三季度", "2023-09-30", nil},
	{"2023年三季度末", "2023-09-30", nil},
	{"一季度", "~2024-03-31", nil},
	{"二季度", "~2024-06-30", nil},
	{"第四季度末前", "~2024-12-31", nil},
	{"Q3", "~2024-09-30", nil},
	{"q2", "~2024-06-30", nil},
	{"Ｑ1", "~2024-03-31", nil},
	{"第3季度", "~2024-09-30", nil},
	{"3季度", "~2024-09-30", nil},
	{"2023年第3季度末", "2023-09-30", nil},
	{"2023Q4", "2023-12-31", nil},
	{"2023年Q2", "2023-06-30", nil},
	{"2023-Q1", "2023-03-31", nil},
	// Errors.
	{"2023年2月30日", "", &RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 30}},
	{"2023-02-29", "", &RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 29}},
	{"2023年13月", "", &RangeError{Field: FieldMonth, Year: 2023, Month: 13}},
	{"2023-13", "", &RangeError{Field: FieldMonth, Year: 2023, Month: 13}},
	{"4月31日", "", &RangeError{Field: FieldDay, Year: 2024, Month: 4, Day: 31}},
	{"第五季度", "", &RangeError{Field: FieldQuarter, Year: 2024, Quarter: 5}},
	{"Q0", "", &RangeError{Field: FieldQuarter, Year: 2024, Quarter: 0}},
	{"2150年底", "", &RangeError{Field: FieldYear, Year: 2150}},
	{"2150-06-30", "", &RangeError{Field: FieldYear, Year: 2150}},
	{"1999", "", &RangeError{Field: FieldYear, Year: 1999}},
	{"尽快", "", ErrNotDate},
	{"前", "", ErrNotDate},
	{"6月中旬", "", ErrNotDate},
	{"2023年6月-7月", "", ErrNotDate},
	{"2023-06-30-01", "", ErrNotDate},
	{"长期推进中", "", ErrNotDate},
	{"年", "", ErrNotDate},
	{"上半", "", ErrNotDate},
}

func TestParsePeriod(t *testing.T) {
	for _, c := range periodCases {
		got, inferred, err := ParsePeriod(c.s, 2024)
		if c.err != nil {
			if !sameError(err, c.err) || !got.IsZero() || inferred {
				t.Errorf("ParsePeriod(%q) = %v, %v, %v; want error %v", c.s, got, inferred, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePeriod(%q): unexpected error %v", c.s, err)
			continue
		}
		s := got.Format(time.DateOnly)
		if inferred {
			s = "~" + s
		}
		if s != c.want {
			t.Errorf("ParsePeriod(%q) = %s; want %s", c.s, s, c.want)
		}
	}
}

func TestParsePeriodDefaultYear(t *testing.T) {
	if _, _, err := ParsePeriod("6月底", 1999); !sameError(err, &RangeError{Field: FieldYear, Year: 1999}) {
		t.Errorf("ParsePeriod(6月底, default 1999) = %v; want a year error", err)
	}
	if got, inferred, err := ParsePeriod("2月29日", 2023); !sameError(err, &RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 29}) {
		t.Errorf("ParsePeriod(2月29日, default 2023) = %v, %v, %v; want no 2023-02-29", got, inferred, err)
	}
}

// sameError reports whether err is want: the same sentinel, or a *RangeError equal to it.
func sameError(err, want error) bool {
	var w, g *RangeError
	if errors.As(want, &w) {
		return errors.As(err, &g) && *g == *w
	}
	return errors.Is(err, want)
}

func TestRangeErrorText(t *testing.T) {
	for _, c := range []struct {
		err  *RangeError
		want string
	}{
		{&RangeError{Field: FieldYear, Year: 2150}, "zhtext: year 2150 outside 2000–2100"},
		{&RangeError{Field: FieldMonth, Year: 2023, Month: 13}, "zhtext: no month 13"},
		{&RangeError{Field: FieldDay, Year: 2023, Month: 2, Day: 29}, "zhtext: no day 2023-02-29"},
		{&RangeError{Field: FieldQuarter, Year: 2024, Quarter: 5}, "zhtext: no quarter 5"},
	} {
		if got := c.err.Error(); got != c.want {
			t.Errorf("%+v.Error() = %q; want %q", *c.err, got, c.want)
		}
	}
}

func BenchmarkParsePeriod(b *testing.B) {
	for b.Loop() {
		_, _, _ = ParsePeriod("2023年6月底前", 2024)
	}
}

// A deadline written as a date followed by what is to be done by then — as task-breakdown
// documents write them, "紧盯超长期国债项目6月底前开工、12月底前完工的时间节点"
// (https://www.zyx.gov.cn/Content-2717260.html) — is that date; words that name another date
// or change this one are not.
func TestDateLead(t *testing.T) {
	for _, c := range []struct{ in, date, words string }{
		{"9月30日前全面完成", "9月30日前", "全面完成"},
		{"2024年10月底前建成投用", "2024年10月底前", "建成投用"},
		{"6月底前开工", "6月底前", "开工"},
		{"2024年8月15日前完成招标", "2024年8月15日前", "完成招标"},
		{"年底前全面完成", "年底前", "全面完成"},
		{"2024年建成投用", "2024年", "建成投用"},
	} {
		date, words, ok := DateLead(c.in)
		if !ok || date != c.date || words != c.words {
			t.Errorf("DateLead(%q) = %q, %q, %v; want %q, %q", c.in, date, words, ok, c.date, c.words)
		}
	}
	for _, s := range []string{"6月底前开工、12月底前完工", "6月底前完成50%", "6月后启动", "2024年1月起实施", "6月中旬完成",
		"3年内完成", "尽快完成", "2024年6月30日", "6月底前完成 subtask"} {
		if date, words, ok := DateLead(s); ok {
			t.Errorf("DateLead(%q) = %q, %q; want no date lead", s, date, words)
		}
	}
}
