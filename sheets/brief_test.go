package sheets

import (
	"strings"
	"testing"
	"time"
)

// council returns an item of 市政府常务会议第n次 from row row of a unit's file.
func council(n int, content, lead string, st Status, deadline time.Time, row int) Item {
	m := Meeting{Num: n}
	return Item{
		Category: "市政府常务会议", Kind: KindMeeting, Meeting: m, MeetingName: MeetingName("市政府常务会议", m, ""),
		Content: content, Lead: lead, Status: st, StatusRaw: st.String(), Deadline: deadline,
		Src: Pos{File: lead + ".xlsx", Sheet: "台账", Row: row},
	}
}

func TestBriefNarrative(t *testing.T) {
	d := testDict(t)
	asOf := date(2024, 12, 20)
	for _, tc := range []struct {
		name  string
		items []Item
		want  string
	}{
		{"one overdue", []Item{
			council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4),
			council(14, "推进B项目。", "市商务局", InProgress, date(2024, 12, 1), 5),
			council(14, "推进C项目", "市商务局", NotStarted, date(2025, 6, 30), 6),
		}, "市政府第14次常务会议议定事项3项，已落实1项，正在推进1项，未启动1项；逾期1项：推进B项目（市商务局），已逾期19天。"},
		{"several overdue, most days first", []Item{
			council(14, "推进A项目", "市财政局", InProgress, date(2024, 12, 10), 4),
			council(14, "推进B项目", "市商务局", NotStarted, date(2024, 11, 30), 5),
		}, "市政府第14次常务会议议定事项2项，已落实0项，正在推进1项，未启动1项；逾期2项：推进B项目（市商务局），已逾期20天；推进A项目（市财政局），已逾期10天。"},
		{"none overdue, one due soon", []Item{
			council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4),
			council(14, "推进B项目", "市商务局", InProgress, date(2024, 12, 25), 5),
			council(14, "推进C项目", "市商务局", InProgress, time.Time{}, 6),
		}, "市政府第14次常务会议议定事项3项，已落实1项，正在推进2项；无逾期事项；临期1项：推进B项目（市商务局），应于2024年12月25日前完成。"},
		{"all done", []Item{
			council(14, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4),
		}, "市政府第14次常务会议议定事项1项，已全部落实。"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := Summarize(tc.items, d, asOf, 7)
			b, err := Brief(r, d, "常务会")
			if err != nil {
				t.Fatal(err)
			}
			if b.Narrative != tc.want {
				t.Errorf("narrative\n got %s\nwant %s", b.Narrative, tc.want)
			}
		})
	}
}

func TestFindMeeting(t *testing.T) {
	d := testDict(t)
	items := []Item{
		council(13, "推进A项目", "市财政局", Done, date(2024, 6, 30), 4),
		council(14, "推进B项目", "市商务局", InProgress, date(2024, 12, 1), 5),
		council(2, "推进C项目", "市商务局", InProgress, date(2024, 12, 1), 6),
	}
	byDate := Item{Category: "市长办公会议", Kind: KindMeeting, Content: "推进D项目", Lead: "市财政局",
		Meeting: Meeting{Date: date(2024, 3, 5)}, MeetingDate: date(2024, 3, 5), Src: Pos{File: "a.xlsx", Sheet: "台账", Row: 9}}
	byDate.MeetingName = MeetingName(byDate.Category, byDate.Meeting, "")
	later := byDate
	later.Meeting.Date, later.MeetingDate, later.Src.Row = date(2024, 5, 6), date(2024, 5, 6), 10
	later.MeetingName = MeetingName(later.Category, later.Meeting, "")
	items = append(items, byDate, later)
	r := Summarize(items, d, date(2024, 12, 20), 7)
	for _, tc := range []struct{ name, want, err string }{
		{"市政府常务会议第14次", "市政府常务会议第14次", ""},
		{"常务会第14次", "市政府常务会议第14次", ""},
		{"市政府第十四次常务会议", "市政府常务会议第14次", ""},
		{"市政府常务会议（第13次）", "市政府常务会议第13次", ""},
		{"常务会", "市政府常务会议第14次", ""},
		{"市政府常务会议", "市政府常务会议第14次", ""},
		{"市长办公会", "市长办公会议（2024-05-06）", ""},
		{"常务会第12次", "", "台账中没有“常务会第12次”的事项；相近的会议有：市政府常务会议第13次、市政府常务会议第14次、市政府常务会议第2次"},
		{"书记专题会第1次", "", "“书记专题会第1次”属于书记专题会议，但台账中没有该类会议的事项；台账中的会议有：市政府常务会议（最近一次：市政府常务会议第14次）、市长办公会议（最近一次：市长办公会议（2024-05-06））"},
		{"座谈会", "", "无法从“座谈会”识别会议类别；台账中的会议有：市政府常务会议（最近一次：市政府常务会议第14次）、市长办公会议（最近一次：市长办公会议（2024-05-06））"},
		{" ", "", msgBriefNoName},
	} {
		m, err := FindMeeting(r, d, tc.name)
		switch {
		case tc.err != "":
			if err == nil || err.Error() != tc.err {
				t.Errorf("FindMeeting(%q) error\n got %v\nwant %s", tc.name, err, tc.err)
			}
		case err != nil:
			t.Errorf("FindMeeting(%q): %v", tc.name, err)
		case m.Name != tc.want:
			t.Errorf("FindMeeting(%q) = %s, want %s", tc.name, m.Name, tc.want)
		}
	}
}

func TestBriefOrder(t *testing.T) {
	d := testDict(t)
	a := council(14, "甲", "市财政局", Done, date(2024, 6, 30), 9)
	b := council(14, "乙", "市财政局", Done, date(2024, 6, 30), 3)
	c := council(14, "丙", "市商务局", Done, date(2024, 6, 30), 2)
	e := council(14, "丁", "市商务局", Done, date(2024, 6, 30), 1)
	a.ID, b.ID = "CW-10", "CW-2"
	r := Summarize([]Item{a, b, c, e}, d, date(2024, 12, 20), 7)
	br, err := Brief(r, d, "常务会第14次")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range br.Items {
		got = append(got, it.Content)
	}
	// 编号 in natural order, then the rest by file and row.
	if want := "乙 甲 丁 丙"; strings.Join(got, " ") != want {
		t.Errorf("order %s, want %s", strings.Join(got, " "), want)
	}
}

// TestBriefSample briefs the sample's 14th executive meeting: its figures are that meeting's
// row of 分会议统计, and the workbook holds the title, the items and the narrative.
func TestBriefSample(t *testing.T) {
	d := testDict(t)
	r := sampleReport(t, d)
	b, err := Brief(r, d, "市政府第十四次常务会议")
	if err != nil {
		t.Fatal(err)
	}
	var row MeetingStats
	for _, m := range r.Meetings {
		if m.Name == "市政府常务会议第14次" {
			row = m
		}
	}
	if b.Meeting != row || len(b.Items) != row.Items {
		t.Fatalf("briefing %+v with %d items, want the row %+v", b.Meeting, len(b.Items), row)
	}
	counts := Counts{}
	for _, it := range b.Items {
		counts.add(it.Status, it.Alert == AlertOverdue, it.Alert == AlertDueSoon)
		counts.addOnTime(onTime(it, r.AsOf))
	}
	if counts != row.Counts {
		t.Errorf("items count %+v, row says %+v", counts, row.Counts)
	}
	const want = "市政府第14次常务会议议定事项4项，已落实2项，正在推进2项；逾期1项：研究制定智慧交通平台建设相关工作（市交通运输局），已逾期13天。" // no row of it was excluded: no caveat
	if b.Narrative != want {
		t.Errorf("narrative\n got %s\nwant %s", b.Narrative, want)
	}

}

func TestNaturalCompare(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{{"CW-2", "CW-10", -1}, {"10", "9", 1}, {"007", "7", 0}, {"A1", "B1", -1}, {"一", "一1", -1}} {
		if got := naturalCompare(tc.a, tc.b); got != tc.want {
			t.Errorf("naturalCompare(%q, %q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
