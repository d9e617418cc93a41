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
// time) or expected error message.
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
	{raw: "20000101", want: "2000-01-01"},
	{raw: "21001231", want: "2100-12-31"},
	{raw: "21500101", err: "年份2150超出2000–2100的范围"},
	{raw: "19991231", err: "年份1999超出2000–2100的范围"},
	{raw: "20230230", err: errFeb30},
	// Text.
	{raw: "2023-06-30", want: "2023-06-30"},
	{raw: "2023-6-3", want: "2023-06-03"},
	{raw: "2023/6/30", want: "2023-06-30"},
	{raw: "2023.6.30", want: "2023-06-30"},
	{raw: "2023年6月30日", want: "2023-06-30"},
	{raw: "2023年06月30号", want: "2023-06-30"},
	{raw: "2023年6月30", want: "2023-06-30"},
	{raw: " 2023-06-30 ", want: "2023-06-30"},
	{raw: "\u30002023年6月30日\u3000", want: "2023-06-30"},
	{raw: "2023 年 6 月 30 日", want: "2023-06-30"},
	{raw: "２０２３年６月３０日", want: "2023-06-30"},
	{raw: "２０２３－０６－３０", want: "2023-06-30"},
	{raw: "２０２３０６３０", want: "2023-06-30"},
	{raw: "2023年6月30日前", want: "2023-06-30"},
	{raw: "2023-06-30 00:00:00", want: "2023-06-30"},
	{raw: "2023-06-30T08:30:00", want: "2023-06-30"},
	{raw: "2023-06-30T00:00:00Z", want: "2023-06-30"}, // a cell of type d
	{raw: "2023-06-30T00:00:00+08:00", want: "2023-06-30"},
	{raw: "2023-06-30T00:00:00.000-05:00", want: "2023-06-30"},
	{raw: "2023/6/30 8:30", want: "2023-06-30"},
	{raw: "2023-06-30 00:00:00.000", want: "2023-06-30"},
	{raw: "二〇二三年六月三十日", want: "2023-06-30"},
	{raw: "23年6月30日", want: "2023-06-30"},
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
// yyyy-mm-dd, "none" for 无明确时限, with "~" prefixed when the year is inferred.
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
	{raw: "2023/6/30", want: "2023-06-30"},
	{raw: "2023.6.30", want: "2023-06-30"},
	{raw: "2023年6月30日", want: "2023-06-30"},
	{raw: "2023年06月30号", want: "2023-06-30"},
	{raw: "20230630", want: "2023-06-30"},
	{raw: "45107", want: "2023-06-30"},
	{raw: "45107.5", want: "2023-06-30"},
	{raw: "2023-06-30 00:00:00", want: "2023-06-30"},
	{raw: "2023年6月30日前", want: "2023-06-30"},
	{raw: "2023年6月30日之前", want: "2023-06-30"},
	{raw: "于2023年6月30日前完成", want: "2023-06-30"},
	{raw: "截至2023年6月30日", want: "2023-06-30"},
	{raw: "6月30日前", want: "~2024-06-30"},
	{raw: "6月30日", want: "~2024-06-30"},
	{raw: "2月29日", want: "~2024-02-29"},
	{raw: "六月三十日", want: "~2024-06-30"},
	// Months.
	{raw: "2023年6月", want: "2023-06-30"},
	{raw: "2023-06", want: "2023-06-30"},
	{raw: "2023/6", want: "2023-06-30"},
	{raw: "2023.6", want: "2023-06-30"},
	{raw: "2023.10", want: "2023-10-31"},
	{raw: "2023年6月底", want: "2023-06-30"},
	{raw: "2023年6月底前", want: "2023-06-30"},
	{raw: "2023年6月末", want: "2023-06-30"},
	{raw: "2023年6月份", want: "2023-06-30"},
	{raw: "2023年6月底前完成", want: "2023-06-30"},
	{raw: "2023年2月", want: "2023-02-28"},
	{raw: "2024年2月底", want: "2024-02-29"},
	{raw: "2023年12月底前", want: "2023-12-31"},
	{raw: "6月底前", want: "~2024-06-30"},
	{raw: "6月底", want: "~2024-06-30"},
	{raw: "6月", want: "~2024-06-30"},
	{raw: "2月底", want: "~2024-02-29"},
	{raw: "十二月底", want: "~2024-12-31"},
	{raw: "６月底前", want: "~2024-06-30"},
	// Years.
	{raw: "2023年底", want: "2023-12-31"},
	{raw: "2023年底前", want: "2023-12-31"},
	{raw: "2023年末", want: "2023-12-31"},
	{raw: "2023年内", want: "2023-12-31"},
	{raw: "2023年年内", want: "2023-12-31"},
	{raw: "2023年年底前", want: "2023-12-31"},
	{raw: "2023年年底", want: "2023-12-31"},
	{raw: "2023年", want: "2023-12-31"},
	{raw: "2023年度", want: "2023-12-31"},
	{raw: "2023", want: "2023-12-31"},
	{raw: "二〇二三年底", want: "2023-12-31"},
	{raw: "年底前", want: "~2024-12-31"},
	{raw: "年底", want: "~2024-12-31"},
	{raw: "年内", want: "~2024-12-31"},
	{raw: "今年底", want: "~2024-12-31"},
	{raw: "今年", want: "~2024-12-31"},
	{raw: "本年度", want: "~2024-12-31"},
	// Half-years.
	{raw: "2023年上半年", want: "2023-06-30"},
	{raw: "2023年下半年", want: "2023-12-31"},
	{raw: "上半年", want: "~2024-06-30"},
	{raw: "下半年", want: "~2024-12-31"},
	{raw: "上半年前", want: "~2024-06-30"},
	// Quarters.
	{raw: "三季度末", want: "~2024-09-30"},
	{raw: "第三季度", want: "~2024-09-30"},
	{raw: "2023年第三季度", want: "2023-09-30"},
	{raw: "2023年三季度末", want: "2023-09-30"},
	{raw: "一季度", want: "~2024-03-31"},
	{raw: "二季度", want: "~2024-06-30"},
	{raw: "第四季度末前", want: "~2024-12-31"},
	{raw: "Q3", want: "~2024-09-30"},
	{raw: "q2", want: "~2024-06-30"},
	{raw: "Ｑ1", want: "~2024-03-31"},
	{raw: "第3季度", want: "~2024-09-30"},
	{raw: "3季度", want: "~2024-09-30"},
	{raw: "2023年第3季度末", want: "2023-09-30"},
	{raw: "2023Q4", want: "2023-12-31"},
	{raw: "2023年Q2", want: "2023-06-30"},
	{raw: "2023-Q1", want: "2023-03-31"},
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

var chineseNumberCases = []struct {
	s    string
	want int
	ok   bool
}{
	{"一", 1, true},
	{"九", 9, true},
	{"十", 10, true},
	{"十四", 14, true},
	{"二十", 20, true},
	{"三十四", 34, true},
	{"九十九", 99, true},
	{"一百", 100, true},
	{"一百零五", 105, true},
	{"一百一十", 110, true},
	{"一百十", 110, true},
	{"一百五", 150, true},
	{"一千零五十", 1050, true},
	{"九千九百九十九", 9999, true},
	{"两", 2, true},
	{"〇", 0, true},
	{"零", 0, true},
	{"二〇二三", 2023, true},
	{"14", 14, true},
	{"０５", 5, true},
	{"１４", 14, true},
	{" 5 ", 5, true},
	{"999999999", 999999999, true},
	{"", 0, false},
	{"1234567890", 0, false},
	{"十十", 0, false},
	{"百", 0, false},
	{"三四十", 0, false},
	{"十百", 0, false},
	{"1十", 0, false},
	{"五a", 0, false},
	{"abc", 0, false},
	{"-5", 0, false},
}

func TestChineseNumber(t *testing.T) {
	for _, c := range chineseNumberCases {
		got, ok := ChineseNumber(c.s)
		if got != c.want || ok != c.ok {
			t.Errorf("ChineseNumber(%q) = %d, %v; want %d, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}

var meetingCases = []struct {
	name      string
	num, year int
}{
	{"第5次常务会议", 5, 0},
	{"市政府第五次常务会议", 5, 0},
	{"市政府常务会议（第5次）", 5, 0},
	{"市政府常务会议(第5次)", 5, 0},
	{"第十四次", 14, 0},
	{"市长专题会议第三十四次", 34, 0},
	{"第 5 次", 5, 0},
	{"第０５次常务会议", 5, 0},
	{"第5期", 5, 0},
	{"第5号", 5, 0},
	{"2023年第5号", 5, 2023},
	{"市长批示件2023年 第5号", 5, 2023},
	{"市政府2023年第5次常务会议", 5, 0},
	{"市委第十四届常委会第5次会议", 5, 0},
	{"〔2023〕5号", 5, 2023},
	{"市政办〔2023〕15号", 15, 2023},
	{"[2023]5号", 5, 2023},
	{"［2023］5号", 5, 2023},
	{"(2023)5号", 5, 2023},
	{"（2023）5号", 5, 2023},
	{"【2023】5号", 5, 2023},
	{"〔2023〕第5号", 5, 2023},
	{"〔 2023 〕 12 号", 12, 2023},
	{"〔２０２３〕５号", 5, 2023},
	{"省政府督办件〔2023〕第十二号", 12, 2023},
	{"常务会议纪要〔2023〕3号（第5次）", 5, 0},
	{"2024年两报告", 0, 0},
	{"市长专题会议", 0, 0},
	{"", 0, 0},
	{"第0次", 0, 0},
	{"第次", 0, 0},
	{"〔2023〕", 0, 0},
	{"〔2023〕5", 0, 0},
	{"〔20231〕5号", 0, 0},
	{"第十四届", 0, 0},
	{"第5", 0, 0},
}

func TestParseMeeting(t *testing.T) {
	for _, c := range meetingCases {
		got := ParseMeeting(c.name)
		want := Meeting{Num: c.num, Year: c.year, Key: Fold(c.name)}
		if got != want {
			t.Errorf("ParseMeeting(%q) = %+v; want %+v", c.name, got, want)
		}
	}
	// SPEC §4.1: three spellings from different units are one meeting.
	a, b, c := ParseMeeting("第5次常务会议"), ParseMeeting("市政府第五次常务会议"), ParseMeeting("市政府常务会议（第5次）")
	if a.Num != 5 || b.Num != a.Num || c.Num != a.Num {
		t.Errorf("session numbers differ: %d %d %d", a.Num, b.Num, c.Num)
	}
	if got := ParseMeeting("市政府常务会议（第5次）").Key; got != "市政府常务会议第5次" {
		t.Errorf("Key = %q", got)
	}
}

func TestMeetingName(t *testing.T) {
	date := time.Date(2023, 5, 6, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		cat  string
		m    Meeting
		raw  string
		want string
	}{
		{"市政府常务会议", Meeting{Num: 5}, "第五次常务会议", "市政府常务会议第5次"},
		{"市政府常务会议", Meeting{Num: 14, Date: date}, "", "市政府常务会议第14次"},
		{"市长批示件", Meeting{Num: 5, Year: 2023}, "市政办〔2023〕5号", "市长批示件〔2023〕5号"},
		{"市长专题会议", Meeting{Date: date}, "专题会", "市长专题会议（2023-05-06）"},
		{"市长专题会议", Meeting{}, " 关于城区停车的专题会 ", "关于城区停车的专题会"},
		{"两报告", Meeting{}, "  ", "两报告"},
		{"两报告", Meeting{}, "", "两报告"},
	}
	for _, c := range cases {
		if got := MeetingName(c.cat, c.m, c.raw); got != c.want {
			t.Errorf("MeetingName(%q, %+v, %q) = %q; want %q", c.cat, c.m, c.raw, got, c.want)
		}
	}
}

var foldCases = []struct{ s, want string }{
	{"市政府常务会议（第5次）", "市政府常务会议第5次"},
	{"“第５次 常务会议。”", "第5次常务会议"},
	{"《关于加快建设的报告》、〔2023〕", "关于加快建设的报告2023"},
	{"，。、（）〔〕“”《》【】！？：；…—·", ""},
	{"ABC-def_GHI", "abcdefghi"},
	{"Ａ＊Ｂ", "ab"},
	{"￥100元+5%", "100元5"},
	{"\t 第 5 次\n", "第5次"},
	{"\ufeff第5次\u200b", "第5次"},
	{"already5", "already5"},
	{"", ""},
}

func TestFold(t *testing.T) {
	for _, c := range foldCases {
		if got := Fold(c.s); got != c.want {
			t.Errorf("Fold(%q) = %q; want %q", c.s, got, c.want)
		}
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

func BenchmarkParseMeeting(b *testing.B) {
	for b.Loop() {
		_ = ParseMeeting("市政府2023年第十四次常务会议")
	}
}
