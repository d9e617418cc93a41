package zhtext

import "testing"

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

func TestMeetingNumber(t *testing.T) {
	t.Parallel()
	for _, c := range meetingCases {
		if num, year := MeetingNumber(c.name); num != c.num || year != c.year {
			t.Errorf("MeetingNumber(%q) = %d, %d; want %d, %d", c.name, num, year, c.num, c.year)
		}
	}
}

func BenchmarkMeetingNumber(b *testing.B) {
	for b.Loop() {
		_, _ = MeetingNumber("市政府2023年第十四次常务会议")
	}
}

// meetingDayCases are names of meetings known by their day, as units name their sheets and
// cells (SPEC §4.1), and names that carry no such day.
var meetingDayCases = []struct {
	name             string
	year, month, day int
	ok               bool
}{
	{"6.20专题会议", 0, 6, 20, true},
	{"9.26专题会议", 0, 9, 26, true},
	{"６．２０专题会", 0, 6, 20, true},
	{"0612常务会", 0, 6, 12, true},
	{"7月3日办公会", 0, 7, 3, true},
	{"3月15日县长专题会", 0, 3, 15, true},
	{"12月1号专题会议", 0, 12, 1, true},
	{"县政府2024年6月20日专题会议议定事项", 2024, 6, 20, true},
	{"2024.6.20专题会", 2024, 6, 20, true},
	{"2024-06-20专题会", 2024, 6, 20, true},
	{"20240620专题会", 2024, 6, 20, true},
	{"2.29专题会", 0, 2, 29, true},
	{"第5次常务会议", 0, 0, 0, false},
	{"市政府2023年第12次常务会议", 0, 0, 0, false},
	{"〔2023〕5号", 0, 0, 0, false},
	{"市交通运输局2024年度会议议定事项落实台账", 0, 0, 0, false},
	{"2024常务会", 0, 0, 0, false},
	{"1312常务会", 0, 0, 0, false},
	{"2.30专题会", 0, 0, 0, false},
	{"2023年2月29日专题会", 0, 0, 0, false},
	{"1.2.3专题会", 0, 0, 0, false},
	{"专题会议", 0, 0, 0, false},
	{"", 0, 0, 0, false},
}

func TestMeetingDay(t *testing.T) {
	t.Parallel()
	for _, c := range meetingDayCases {
		y, m, d, ok := MeetingDay(c.name)
		if y != c.year || m != c.month || d != c.day || ok != c.ok {
			t.Errorf("MeetingDay(%q) = %d, %d, %d, %v; want %d, %d, %d, %v", c.name, y, m, d, ok, c.year, c.month, c.day, c.ok)
		}
	}
}

// FuzzMeetingDay: any name gives no day or a possible one.
func FuzzMeetingDay(f *testing.F) {
	for _, c := range meetingDayCases {
		f.Add(c.name)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, m, d, ok := MeetingDay(s)
		if !ok {
			if y != 0 || m != 0 || d != 0 {
				t.Errorf("MeetingDay(%q) = %d, %d, %d without a day", s, y, m, d)
			}
			return
		}
		if y != 0 && (y < MinYear || y > MaxYear) || m < 1 || m > 12 || d < 1 || d > daysInMonth(max(y, 2000), m) {
			t.Errorf("MeetingDay(%q) = %d, %d, %d", s, y, m, d)
		}
	})
}
