package sheets

import (
	"testing"
	"time"

	"github.com/duban/duban/internal/zhtext"
)

// The numbers read from meeting names are zhtext's (internal/zhtext/meeting_test.go).
func TestParseMeeting(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"第5次常务会议", "市政府常务会议（第5次）", "市政办〔2023〕15号", "市长专题会议", ""} {
		num, year := zhtext.MeetingNumber(name)
		want := Meeting{Num: num, Year: year, Key: zhtext.Fold(name)}
		if got := ParseMeeting(name); got != want {
			t.Errorf("ParseMeeting(%q) = %+v; want %+v", name, got, want)
		}
	}
	if got, want := ParseMeeting("市政办〔2023〕15号"), (Meeting{Num: 15, Year: 2023, Key: "市政办202315号"}); got != want {
		t.Errorf("ParseMeeting(市政办〔2023〕15号) = %+v; want %+v", got, want)
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
	t.Parallel()
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

func BenchmarkParseMeeting(b *testing.B) {
	for b.Loop() {
		_ = ParseMeeting("市政府2023年第十四次常务会议")
	}
}
