package sheets

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// meetingRows renders a report's 分会议统计 as "类别|会议|会议日期|事项数".
func meetingRows(r *Report) []string {
	var out []string
	for _, m := range r.Meetings {
		day := ""
		if !m.Date.IsZero() {
			day = m.Date.Format(time.DateOnly)
		}
		out = append(out, fmt.Sprintf("%s|%s|%s|%d", m.Category, m.Name, day, m.Items))
	}
	return out
}

// TestMeetingYear: session numbers restart each year (SPEC §4.1). Counties number their
// government's meetings afresh every year and say so in the name: "县政府2023年第13次常务会议"
// (http://yangxian.gov.cn/yxzf/yxxwzx/yxxw/202310/5ccca541ffae457cb5dd704b337edb92.shtml),
// "2020年第6次县政府常务会议" (http://tongcheng.cjyun.org/xzfbgs/p/32119.html). A report of
// 2024 with items carried over from 2023's 第12次 has two 第12次; last year's shows its year,
// and the gaps in the numbers are looked for within each year.
func TestMeetingYear(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	hr := writeBook(t, dir, "市人社局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"市人社局2024年度督查事项落实台账",
		"序号|会议名称|议定事项|牵头单位|完成时限|落实状态|完成日期",
		"#1|市政府2023年第12次常务会议|推进零工市场规范化建设|市人社局|2024-06-30|推进中|",
		"#2|市政府2023年第12次常务会议|落实企业稳岗返还政策|市人社局|2024-03-31|已完成|2024-03-20",
		"#3|市政府2023年第15次常务会议|开展根治欠薪冬季专项行动|市人社局|2024-02-08|已完成|2024-01-31",
		"#4|市政府第12次常务会议|做好高校毕业生实名服务|市人社局|2025-06-30|推进中|",
		"#5|市政府第1次常务会议|开展技能人才评价机构备案|市人社局|2025-03-31|未启动|",
		"#6|市政府第2次常务会议|推进社保卡一卡通应用|市人社局|2024-12-31|推进中|",
	}}}})
	// Rows of one 第3次 with and without its 会议日期 stay one meeting: the dated rows give the
	// file's 第3次 its year (2023), which the undated row takes although the title says 2024.
	edu := writeBook(t, dir, "市教育局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"市教育局2024年度督查事项落实台账",
		"序号|会议名称|会议日期|议定事项|牵头单位|完成时限|落实状态|完成日期",
		"#1|市政府第3次常务会议|2023-03-02|推进城区学位扩容|市教育局|2024-09-30|推进中|",
		"#2|市政府第3次常务会议||完成食堂明厨亮灶改造|市教育局|2024-10-31|推进中|",
	}}}})
	r := Build([]string{hr, edu}, Options{Dict: testDict(t), AsOf: date(2025, 1, 15), WarnDays: 7, Year: 2024})
	var ms []string
	for _, m := range meetingRows(r) {
		if strings.HasPrefix(m, "市政府常务会议|") {
			ms = append(ms, m)
		}
	}
	sameLines(t, "分会议统计", ms, []string{
		"市政府常务会议|市政府常务会议2023年第3次|2023-03-02|2",
		"市政府常务会议|市政府常务会议2023年第12次||2",
		"市政府常务会议|市政府常务会议2023年第15次||1",
		"市政府常务会议|市政府常务会议第1次||1",
		"市政府常务会议|市政府常务会议第2次||1",
		"市政府常务会议|市政府常务会议第12次||1",
	})
	var gaps []string
	for _, p := range r.Problems {
		if strings.Contains(p.Msg, "届次不连续") {
			gaps = append(gaps, p.Msg[:strings.Index(p.Msg, "（")])
		}
	}
	sameLines(t, "gaps", gaps, []string{
		"市政府常务会议2023年的会议届次不连续：第1–15次中缺第1、2、4–11、13、14次",
		"市政府常务会议2024年的会议届次不连续：第1–12次中缺第3–11次",
	})
	for _, c := range r.Categories {
		if c.Name == "市政府常务会议" && (c.Meetings != 6 || c.Complete) {
			t.Errorf("市政府常务会议: %d meetings, complete %v; want 6 of two years, not complete", c.Meetings, c.Complete)
		}
	}
	// The latest session is the highest (year, number); 第12次 alone is this year's.
	for _, c := range []struct{ name, want string }{
		{"常务会", "市政府常务会议第12次"},
		{"市政府第12次常务会议", "市政府常务会议第12次"},
		{"市政府2023年第12次常务会议", "市政府常务会议2023年第12次"},
		{"第3次常务会议", "市政府常务会议2023年第3次"},
	} {
		m, err := FindMeeting(r, testDict(t), c.name)
		if err != nil || m.Name != c.want {
			t.Errorf("FindMeeting(%q) = %q, %v; want %q", c.name, m.Name, err, c.want)
		}
	}
	if m, _ := FindMeeting(r, testDict(t), "2023年第12次常务会议"); SpokenMeeting(m) != "市政府2023年第12次常务会议" {
		t.Errorf("SpokenMeeting(%q) = %q", m.Name, SpokenMeeting(m))
	}
}

// TestMeetingYearOfRun: without --year, a row with no year of its own takes the run's (the
// year most meeting dates fall in) for its meeting too, and a meeting of that year is named
// without it.
func TestMeetingYearOfRun(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	a := writeBook(t, dir, "市民政局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"序号|会议名称|议定事项|牵头单位|完成时限|落实状态",
		"#1|市政府第4次常务会议|提高低保标准|市民政局|7月底前|推进中",
	}}}})
	b := writeBook(t, dir, "市财政局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"序号|会议名称|会议日期|议定事项|牵头单位|完成时限|落实状态",
		"#1|市政府第4次常务会议|2024-03-01|落实低保资金|市财政局|2024-06-30|推进中",
		"#2|市政府第5次常务会议|2024-04-01|统筹债券资金|市财政局|2024-06-30|推进中",
	}}}})
	r := Build([]string{a, b}, Options{Dict: testDict(t), AsOf: date(2025, 1, 15), WarnDays: 7})
	sameLines(t, "分会议统计", meetingRows(r), []string{
		"市政府常务会议|市政府常务会议第4次|2024-03-01|2",
		"市政府常务会议|市政府常务会议第5次|2024-04-01|1",
	})
}

// TestSheetDateMeeting: a meeting named only by its date (SPEC §4.1). 专题会议 have no session
// numbers; each has its own 纪要 and is known by its day ("每次市人民政府专题会议原则上均应编印
// 会议纪要", http://www.lawyee.com.cn/html/text/lar/170438/17043885_7.html), and units keep one
// sheet per meeting named by that day. The sheet's name, the 会议 cell or the ledger's title
// gives the 会议日期 and the category; two 专题会 of different days are two meetings.
func TestSheetDateMeeting(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	header := "序号|议定事项|牵头单位|完成时限|落实状态"
	transport := writeBook(t, dir, "市交通运输局.xlsx", testBook{sheets: []testSheet{
		{name: "0612常务会", rows: []string{"市交通运输局2024年度会议议定事项落实台账", header,
			"#1|推进城区公交场站建设|市交通运输局|2024-12-31|推进中", "#2|完成农村公路危桥改造|市交通运输局|2024-10-31|推进中"}},
		{name: "6.20专题会议", rows: []string{"市交通运输局2024年度会议议定事项落实台账", header,
			"#1|研究高铁新区公交接驳问题|市交通运输局|9月底前|推进中"}},
		{name: "7月3日办公会", rows: []string{"市交通运输局2024年度会议议定事项落实台账", header,
			"#1|落实网约车合规化管理措施|市交通运输局|2024-12-31|推进中"}},
		{name: "9.26专题会议", rows: []string{"市交通运输局2024年度会议议定事项落实台账", header,
			"#1|优化中心城区交通信号配时|市交通运输局|2024-12-31|推进中"}},
	}})
	water := writeBook(t, dir, "市水利局.xlsx", testBook{sheets: []testSheet{
		{name: "台账", rows: []string{"市水利局2024年度督查事项台账", "序号|会议|议定事项|牵头单位|完成时限|落实状态",
			"#1|3月15日市长专题会|推进城区防洪堤加固|市水利局|2024-06-30|推进中"}},
		{name: "Sheet2", rows: []string{"市政府2024年10月8日专题会议议定事项落实台账", header,
			"#1|做好冬春水利设施检修|市水利局|2024-12-31|推进中"}},
	}})
	r := Build([]string{transport, water}, Options{Dict: testDict(t), AsOf: date(2025, 1, 15), WarnDays: 7})
	sameLines(t, "分会议统计", meetingRows(r), []string{
		"市政府常务会议|市政府常务会议（2024-06-12）|2024-06-12|2",
		"市长办公会议|市长办公会议（2024-07-03）|2024-07-03|1",
		"市长专题会议|市长专题会议（2024-03-15）|2024-03-15|1",
		"市长专题会议|市长专题会议（2024-06-20）|2024-06-20|1",
		"市长专题会议|市长专题会议（2024-09-26）|2024-09-26|1",
		"市长专题会议|市长专题会议（2024-10-08）|2024-10-08|1",
	})
	var dated []string
	for _, p := range r.Problems {
		switch {
		case p.Level != Notice:
			t.Errorf("problem: %s", p)
		case strings.Contains(p.Msg, "以日期指明会议"):
			dated = append(dated, p.String())
		}
	}
	// Every date read from a name is a 提示: once per sheet, at each 会议 cell.
	sameLines(t, "notices", dated, []string{
		"市交通运输局.xlsx!0612常务会!A3: 提示: 工作表名“0612常务会”以日期指明会议，会议日期按2024-06-12计",
		"市交通运输局.xlsx!6.20专题会议!A3: 提示: 工作表名“6.20专题会议”以日期指明会议，会议日期按2024-06-20计",
		"市交通运输局.xlsx!7月3日办公会!A3: 提示: 工作表名“7月3日办公会”以日期指明会议，会议日期按2024-07-03计",
		"市交通运输局.xlsx!9.26专题会议!A3: 提示: 工作表名“9.26专题会议”以日期指明会议，会议日期按2024-09-26计",
		"市水利局.xlsx!Sheet2!A3: 提示: 台账标题“市政府2024年10月8日专题会议议定事项落实台账”以日期指明会议，会议日期按2024-10-08计",
		"市水利局.xlsx!台账!B3: 提示: 会议名称“3月15日市长专题会”以日期指明会议，会议日期按2024-03-15计",
	})
	for _, it := range r.Items {
		if it.Content == "研究高铁新区公交接驳问题" && !it.Deadline.Equal(date(2024, 9, 30)) {
			t.Errorf("9月底前 under 6.20专题会议 of 2024: deadline %v", it.Deadline)
		}
	}
}

// TestSinceMeetingYear: a previous report read back takes its own 年度 for the meetings it
// shows without a year (SPEC §4.1, §9.3): the 2024 report's 第12次 is the 2025 report's
// 2024年第12次, and 2025's own 第12次 is another meeting.
func TestSinceMeetingYear(t *testing.T) {
	t.Parallel()
	const cat = "市政府常务会议"
	p := &Previous{Year: 2024, AsOf: date(2024, 12, 20), Items: []PrevItem{
		{Category: cat, MeetingName: cat + "第12次", Content: "推进零工市场规范化建设", Lead: "市人社局", Status: InProgress},
	}}
	r := &Report{Year: 2025, AsOf: date(2025, 6, 30), Items: []Item{
		{Category: cat, Kind: KindMeeting, Meeting: Meeting{Num: 12, Year: 2024}, MeetingName: cat + "2024年第12次",
			Content: "推进零工市场规范化建设", Lead: "市人社局", Status: Done, Done: date(2025, 3, 1)},
		{Category: cat, Kind: KindMeeting, Meeting: Meeting{Num: 12, Year: 2025}, MeetingName: cat + "第12次",
			Content: "推进零工市场规范化建设", Lead: "市人社局", Status: InProgress},
	}}
	res := Since(r, p)
	var got []string
	for _, c := range res.Changes {
		name := ""
		if c.Item != nil {
			name = c.Item.MeetingName
		}
		got = append(got, c.Kind+" "+name)
	}
	sameLines(t, "changes", got, []string{ChangeNew + " " + cat + "第12次", ChangeFinished + " " + cat + "2024年第12次"})
}
