package sheets

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestPercent(t *testing.T) {
	for _, c := range []struct {
		num, den int
		want     string
	}{
		{188, 197, "95.4%"}, {82, 92, "89.1%"}, {351, 404, "86.9%"}, {385, 405, "95.1%"},
		{1, 16, "6.3%"}, // 6.25 rounds half up
		{1, 8, "12.5%"}, {2, 3, "66.7%"}, {1, 3, "33.3%"}, {0, 5, "0.0%"}, {5, 5, "100.0%"}, {0, 0, "0.0%"},
	} {
		if got := Percent(c.num, c.den); got != c.want {
			t.Errorf("Percent(%d, %d) = %s, want %s", c.num, c.den, got, c.want)
		}
	}
}

func TestSummarizeDefinitions(t *testing.T) {
	d := testDict(t)
	asOf := date(2024, 11, 30)
	src := func(row int) Pos { return Pos{File: "a.xlsx", Sheet: "台账", Row: row} }
	meeting := func(n int) Meeting { return Meeting{Num: n} }
	items := []Item{
		// 市政府常务会议, two meetings.
		{Category: "市政府常务会议", Meeting: meeting(1), MeetingName: "市政府常务会议第1次", Content: "a", Lead: "甲局", Status: Done, Deadline: date(2024, 3, 1), Done: date(2024, 2, 1), Src: src(2)},
		{Category: "市政府常务会议", Meeting: meeting(1), MeetingName: "市政府常务会议第1次", Content: "b", Lead: "乙局", Status: InProgress, Deadline: date(2024, 11, 29), Src: src(3)},                    // overdue 1 day
		{Category: "市政府常务会议", Meeting: meeting(2), MeetingName: "市政府常务会议第2次", Content: "c", Lead: "甲局", Status: NotStarted, Deadline: date(2024, 11, 30), Src: src(4)},                    // due today: 临期
		{Category: "市政府常务会议", Meeting: meeting(2), MeetingName: "市政府常务会议第2次", Content: "d", Lead: "乙局", Status: InProgress, Deadline: date(2024, 12, 7), Src: src(5)},                     // D+7: 临期
		{Category: "市政府常务会议", Meeting: meeting(2), MeetingName: "市政府常务会议第2次", Content: "e", Lead: "乙局", Status: InProgress, Deadline: date(2024, 12, 8), Src: src(6)},                     // D+8: 正常
		{Category: "市长批示件", Kind: KindDoc, Meeting: Meeting{Num: 3, Year: 2024}, Content: "f", Lead: "甲局", Status: InProgress, Src: src(7)},                                               // 无明确时限
		{Category: "市长批示件", Kind: KindDoc, Meeting: Meeting{Num: 4, Year: 2024}, Content: "g", Lead: "丙局", Status: Done, Deadline: date(2024, 5, 1), Done: date(2024, 6, 1), Src: src(8)}, // 逾期完成
		{Category: "市长批示件", Kind: KindDoc, Meeting: Meeting{Num: 5, Year: 2024}, Content: "h", Lead: "丙局", Status: NotStarted, Deadline: date(2024, 1, 1), Src: src(9)},                   // overdue 334 days
	}
	r := Summarize(items, d, asOf, 7)

	if len(r.Categories) != 2 || r.Categories[0].Name != "市政府常务会议" || r.Categories[1].Name != "市长批示件" {
		t.Fatalf("categories = %+v", r.Categories)
	}
	want := CategoryStats{Name: "市政府常务会议", Kind: KindMeeting, Meetings: 2, Complete: true, // 第1、2次
		Counts: Counts{Items: 5, Done: 1, InProgress: 3, NotStarted: 1, Overdue: 1, DueSoon: 2, Due: 2, OnTime: 1}} // a on time, b past
	if r.Categories[0] != want {
		t.Errorf("市政府常务会议 = %+v, want %+v", r.Categories[0], want)
	}
	wantDoc := CategoryStats{Name: "市长批示件", Kind: KindDoc, Counts: Counts{Items: 3, Done: 1, InProgress: 1, NotStarted: 1, Overdue: 1, Due: 2}} // g late, h past; f none
	if r.Categories[1] != wantDoc {
		t.Errorf("市长批示件 = %+v, want %+v", r.Categories[1], wantDoc)
	}
	wantTotal := CategoryStats{Name: "合计", Meetings: 2, Counts: Counts{Items: 8, Done: 2, InProgress: 4, NotStarted: 2, Overdue: 2, DueSoon: 2, Due: 4, OnTime: 1}}
	if r.Total != wantTotal {
		t.Errorf("合计 = %+v, want %+v", r.Total, wantTotal)
	}
	if got := r.Total.Rate(); got != 0.25 {
		t.Errorf("rate = %v, want 0.25", got)
	}

	if len(r.Overdue) != 2 || r.Overdue[0].Item.Content != "h" || r.Overdue[0].Days != 334 || r.Overdue[1].Item.Content != "b" || r.Overdue[1].Days != 1 {
		t.Errorf("overdue = %v", flagged(r.Overdue))
	}
	if len(r.DueSoon) != 2 || r.DueSoon[0].Item.Content != "c" || r.DueSoon[0].Days != 0 || r.DueSoon[1].Days != 7 {
		t.Errorf("due soon = %v", flagged(r.DueSoon))
	}
	if len(r.NoDeadline) != 1 || r.NoDeadline[0].Content != "f" {
		t.Errorf("no deadline = %v", r.NoDeadline)
	}
	alerts := map[string]string{}
	for _, it := range r.Items {
		alerts[it.Content] = it.Alert
	}
	wantAlerts := map[string]string{"a": "正常", "b": "逾期", "c": "临期", "d": "临期", "e": "正常", "f": "无明确时限", "g": "逾期完成", "h": "逾期"}
	for k, v := range wantAlerts {
		if alerts[k] != v {
			t.Errorf("预警 of %s = %s, want %s", k, alerts[k], v)
		}
	}

	if len(r.Meetings) != 2 || r.Meetings[0].Name != "市政府常务会议第1次" || r.Meetings[0].Items != 2 || r.Meetings[1].Items != 3 {
		t.Errorf("meetings = %+v", r.Meetings)
	}
	// Units: 丙局 1/2, 甲局 1/3, 乙局 0/3.
	var units []string
	for _, u := range r.Units {
		units = append(units, u.Unit)
	}
	if len(units) != 3 || units[0] != "丙局" || units[1] != "甲局" || units[2] != "乙局" {
		t.Errorf("unit order = %v", units)
	}

	wantNarr := "截至2024年11月30日，共召开市政府常务会议2次，议定事项5项，已落实1项，落实率20.0%；市长批示件3件，已办结1件，办结率33.3%。" +
		"合计事项8项，已落实2项，推进中4项，未启动2项，总体落实率25.0%。未按期办结（逾期）事项2项，临期事项2项，无明确时限事项1项。"
	if r.Narrative != wantNarr {
		t.Errorf("narrative:\n got %s\nwant %s", r.Narrative, wantNarr)
	}
}

func TestUnitRankTies(t *testing.T) {
	d := testDict(t)
	mk := func(unit string, s Status, dl time.Time, row int) Item {
		return Item{Category: "两报告", Kind: KindTask, Content: unit + string(rune('a'+row)), Lead: unit, Status: s, Deadline: dl, Src: Pos{File: "x.xlsx", Sheet: "s", Row: row}}
	}
	asOf := date(2024, 6, 1)
	past, future := date(2024, 1, 1), date(2024, 12, 1)
	r := Summarize([]Item{
		mk("乙", Done, past, 1), mk("乙", InProgress, past, 2), // 1/2, 1 overdue
		mk("甲", Done, past, 3), mk("甲", InProgress, future, 4), // 1/2, 0 overdue
		mk("丁", Done, past, 5), mk("丁", InProgress, future, 6), // 1/2, 0 overdue: ties 甲
		mk("丙", Done, past, 7), // 1/1
	}, d, asOf, 7)
	got := ""
	for _, u := range r.Units {
		got += u.Unit + string(rune('0'+u.Rank))
	}
	// Best rate first; then fewer overdue; then name. Exact ties share a rank.
	if want := "丙1丁2甲2乙4"; got != want {
		t.Errorf("ranking = %s, want %s", got, want)
	}
}

func flagged(fs []Flagged) []string {
	var s []string
	for _, f := range fs {
		s = append(s, f.Item.Content+":"+string(rune('0'+f.Days%10)))
	}
	return s
}

// An unknown category is kept as written and quoted in the narrative, so that a name such as
// +A1 cannot run into the count that follows it.
func TestNarrativeQuotesUnknownCategory(t *testing.T) {
	r := Summarize([]Item{{Category: "+A1", Kind: KindMeeting, Meeting: Meeting{Num: 1}, Content: "x", Lead: "甲", Status: Done}},
		testDict(t), date(2024, 1, 1), 7)
	want := "截至2024年1月1日，共召开“+A1”1次，议定事项1项，已落实1项，落实率100.0%。合计事项1项，已落实1项，推进中0项，未启动0项，总体落实率100.0%。未按期办结（逾期）事项0项，临期事项0项，无明确时限事项0项。"
	if r.Narrative != want {
		t.Errorf("narrative:\n got %s\nwant %s", r.Narrative, want)
	}
}

// Units that tie on rate and overdue items are in pinyin order, as Excel sorts names:
// 甲 (jiǎ) before 乙 (yǐ), though 乙 comes first by code point.
func TestUnitTiesInPinyinOrder(t *testing.T) {
	var items []Item
	for i, u := range []string{"市住建局", "乙局", "市财政局", "甲局"} {
		items = append(items, Item{Category: "两报告", Kind: KindTask, Content: u, Lead: u, Status: Done, Src: Pos{File: "x.xlsx", Sheet: "s", Row: i + 1}})
	}
	r := Summarize(items, testDict(t), date(2024, 6, 1), 7)
	var got []string
	for _, u := range r.Units {
		got = append(got, u.Unit)
	}
	if want := "甲局 市财政局 市住建局 乙局"; strings.Join(got, " ") != want {
		t.Errorf("order = %v, want %s", got, want)
	}
}

// 分管领导统计: one row per 责任领导, items without one under （未填写）, most items first, then
// named leaders before （未填写）, then pinyin.
func TestLeaderStats(t *testing.T) {
	asOf := date(2024, 6, 1)
	mk := func(leader string, s Status, dl time.Time, row int) Item {
		return Item{Category: "两报告", Kind: KindTask, Content: string(rune('a' + row)), Lead: "甲局", Leader: leader,
			Status: s, Deadline: dl, Src: Pos{File: "x.xlsx", Sheet: "s", Row: row}}
	}
	r := Summarize([]Item{
		mk("王副市长", Done, date(2024, 1, 1), 1), mk("王副市长", InProgress, date(2024, 5, 1), 2),
		mk("", NotStarted, date(2024, 6, 3), 3), mk("", Done, time.Time{}, 4),
		mk("李副市长", InProgress, date(2024, 6, 5), 5),
		mk("张副市长", NotStarted, time.Time{}, 6),
	}, testDict(t), asOf, 7)
	want := []LeaderStats{
		// 王副市长: one 已落实 without 完成日期 and one open past its deadline, both due, neither on time
		{Leader: "王副市长", Counts: Counts{Items: 2, Done: 1, InProgress: 1, Overdue: 1, Due: 2}},
		{Leader: "（未填写）", Counts: Counts{Items: 2, Done: 1, NotStarted: 1, DueSoon: 1}},
		{Leader: "李副市长", Counts: Counts{Items: 1, InProgress: 1, DueSoon: 1}},
		{Leader: "张副市长", Counts: Counts{Items: 1, NotStarted: 1}},
	}
	if !slices.Equal(r.Leaders, want) {
		t.Errorf("leaders =\n%+v\nwant\n%+v", r.Leaders, want)
	}
}

// Session numbers with gaps: a gap listing the absent sessions, and the narrative says 涉及N次会议
// rather than 召开N次; numbers 1..N without gaps: 召开N次.
func TestMeetingGaps(t *testing.T) {
	d := testDict(t)
	var items []Item
	add := func(cat string, nums ...int) {
		for _, n := range nums {
			items = append(items, Item{Category: cat, Kind: KindMeeting, Meeting: Meeting{Num: n},
				MeetingName: fmt.Sprintf("%s第%d次", cat, n), Content: "x", Lead: "甲局", Status: Done,
				Src: Pos{File: "x.xlsx", Sheet: "s", Row: len(items) + 2}})
		}
	}
	add("市委常委会议", 1, 2, 3, 5, 6, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19) // 4、7、8、15 absent
	add("市政府常务会议", 2, 1, 3)
	add("市长办公会议", 1, 2, 20, 21, 22, 23, 24, 25)
	r := Summarize(items, d, date(2024, 12, 20), 7)
	wantGaps := []MeetingGap{
		{Category: "市委常委会议", Last: 19, Missing: []int{4, 7, 8, 15}},
		{Category: "市长办公会议", Last: 25, Missing: []int{3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19}},
	}
	if len(r.Gaps) != 2 || !reflect.DeepEqual(r.Gaps, wantGaps) {
		t.Fatalf("gaps = %+v, want %+v", r.Gaps, wantGaps)
	}
	if got, want := r.Gaps[0].String(), "市委常委会议的会议届次不连续：第1–19次中缺第4、7、8、15次（可能有单位未报送，或这些会议没有督查事项），会议次数只计有事项的会议，请核对"; got != want {
		t.Errorf("gap:\n got %s\nwant %s", got, want)
	}
	if got, want := sessionList(r.Gaps[1].Missing), "第3–19次"; got != want {
		t.Errorf("sessions = %s, want %s", got, want)
	}
	want := "截至2024年12月20日，市委常委会议涉及15次会议，议定事项15项，已落实15项，落实率100.0%；" +
		"召开市政府常务会议3次，议定事项3项，已落实3项，落实率100.0%；" +
		"市长办公会议涉及8次会议，议定事项8项，已落实8项，落实率100.0%。"
	if !strings.HasPrefix(r.Narrative, want) {
		t.Errorf("narrative:\n got %s\nwant %s…", r.Narrative, want)
	}
	ps := gapProblems(r.Gaps)
	if len(ps) != 2 || ps[0].Level != Warning || ps[0].Pos != (Pos{}) || ps[0].Field != "会议" ||
		ps[0].String() != "警告: "+r.Gaps[0].String() {
		t.Errorf("gap problems = %+v", ps)
	}

	// An unnumbered meeting: the set is not known complete, though no number is absent.
	items = items[:0]
	add("市政府常务会议", 1, 2)
	items = append(items, Item{Category: "市政府常务会议", Kind: KindMeeting, Meeting: Meeting{Key: "专题"},
		MeetingName: "市政府常务会议（专题）", Content: "y", Lead: "甲局", Status: Done, Src: Pos{File: "x.xlsx", Sheet: "s", Row: 99}})
	r = Summarize(items, d, date(2024, 12, 20), 7)
	if len(r.Gaps) != 0 || r.Categories[0].Complete ||
		!strings.HasPrefix(r.Narrative, "截至2024年12月20日，市政府常务会议涉及3次会议，") {
		t.Errorf("gaps %+v, narrative %s", r.Gaps, r.Narrative)
	}
}

// 报送情况 (by file name), as the items and problems are recorded in the files' outcomes, and
// the sentence on 汇总 naming what limits the figures.
func TestSubmissionsAndLimits(t *testing.T) {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	r := &Report{
		Items: []Item{
			{Lead: "市财政局", Src: at("市财政局（终稿）.xlsx", 3), Merged: []Pos{at("市财政局（初稿）.xlsx", 3)}},
			{Lead: "市财政局", Src: at("市财政局（终稿）.xlsx", 4)},
			{Lead: "市统计局", Src: at("统计.xlsx", 3)},
		},
		Inputs: []FileResult{
			{File: "市财政局（终稿）.xlsx", Rows: 2, Valid: 2},
			{File: "市财政局（初稿）.xlsx", Rows: 1, Valid: 1},
			{File: "统计.xlsx", Rows: 3, Valid: 1, Excluded: 2},
			{File: "市教育局.xlsx"},
			{File: "旧汇总.xlsx"},
		},
	}
	r.noteItems()
	r.Add([]Problem{
		{Pos: Pos{File: "市教育局.xlsx"}, Scope: ScopeFile, Level: Error, Msg: "文件已损坏"},
		{Pos: Pos{File: "旧汇总.xlsx"}, Scope: ScopeFile, Level: Notice, Msg: "这是duban生成的汇总表，不再重复汇总，已跳过"},
		{Pos: at("统计.xlsx", 4).At(9), Scope: ScopeCell, Level: Error, Msg: "x"},
		{Pos: at("统计.xlsx", 5).At(9), Scope: ScopeCell, Level: Error, Msg: "x"},
		{Pos: at("市财政局（初稿）.xlsx", 3), Scope: ScopeRow, Level: Notice, Msg: "重复"},
		{Pos: Pos{File: "说明.txt"}, Scope: ScopeFile, Level: Notice, Msg: "不是工作簿，已跳过"},
		{Scope: ScopeRun, Level: Warning, Msg: "会议届次不连续"},
	})
	var got []string
	for _, f := range r.Submissions() {
		got = append(got, fmt.Sprintf("%s|%s|%s|%d|%d|%d|%d|%d|%d|%s", f.File, f.Unit, strings.Join(f.Sheets, "、"),
			f.Rows, f.Counted, f.Merged, f.Errors, f.Warnings, f.Notices, f.Result()))
	}
	want := []string{
		"市教育局.xlsx|市教育局||0|0|0|1|0|0|未能读取：文件已损坏",
		"市财政局（初稿）.xlsx|市财政局|台账|1|0|1|0|0|1|已计入：全部与终稿重复，按终稿计", // not 计入0项 and 已计入
		"市财政局（终稿）.xlsx|市财政局|台账|2|2|0|0|0|0|已计入",
		"旧汇总.xlsx|||0|0|0|0|0|1|已跳过：这是duban生成的汇总表，不再重复汇总", // 已跳过 said once
		"统计.xlsx|市统计局|台账|3|1|0|2|0|0|部分行已排除：2行有错误，未计入",
		"说明.txt|||0|0|0|0|0|1|已跳过：不是工作簿",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("报送情况:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if got, want := r.Limits(), "注：市教育局报送的台账无法读取，市统计局报送的2行因填写错误被排除，上述事项均未计入本汇总。"; got != want {
		t.Errorf("limits:\n got %s\nwant %s", got, want)
	}
	if len(r.Problems) != 7 {
		t.Errorf("the report keeps %d problems, want 7", len(r.Problems))
	}
	r.Inputs, r.Refused = r.Inputs[3:4], nil
	if got, want := r.Limits(), "注：市教育局报送的台账无法读取，其事项未计入本汇总。"; got != want {
		t.Errorf("limits:\n got %s\nwant %s", got, want)
	}
	r.Inputs = nil
	for _, u := range []string{"甲局", "乙局", "丙局", "丁局", "戊局", "己局"} {
		r.Absent = append(r.Absent, Absence{Unit: u, Due: 1})
	}
	if got, want := r.Limits(), "注：甲局、乙局、丙局等6个单位本期未报送台账，其事项未计入本汇总。"; got != want {
		t.Errorf("limits:\n got %s\nwant %s", got, want)
	}
	// Five or fewer: each with what it had before, from the previous report or else the master
	// list; those the dictionary alone expects together; an unreadable one by its file.
	r.Absent = []Absence{{Unit: "市生态环境局", Before: 20, BeforeOverdue: 1, Due: 18}, {Unit: "市统计局", Due: 4},
		{Unit: "市审计局"}, {Unit: "市林业局"}, {Unit: "市教育局", Before: 22, Unreadable: true}}
	if got, want := r.Limits(), "注：市生态环境局本期未报送台账（上期20项，其中逾期1项），市统计局本期未报送台账（应报事项4项），"+
		"市审计局、市林业局本期未报送台账，上述事项均未计入本汇总。"; got != want {
		t.Errorf("limits:\n got %s\nwant %s", got, want)
	}
	r.Absent = r.Absent[:1]
	if got, want := r.Limits(), "注：市生态环境局本期未报送台账（上期20项，其中逾期1项），其事项未计入本汇总。"; got != want {
		t.Errorf("limits:\n got %s\nwant %s", got, want)
	}
	r.Absent = nil
	if got := r.Limits(); got != "" {
		t.Errorf("limits with nothing left out = %q", got)
	}
}

// The meetings of a master list are the record (SPEC §7): a category it names counts its
// meetings with those of the items, is complete (召开N次) and has no gap; a category it does
// not name keeps its own count and gap.
func TestSummarizeAgainstMaster(t *testing.T) {
	d := testDict(t)
	var items []Item
	add := func(cat string, nums ...int) {
		for _, n := range nums {
			items = append(items, Item{Category: cat, Kind: KindMeeting, Meeting: Meeting{Num: n},
				MeetingName: fmt.Sprintf("%s第%d次", cat, n), Content: "x", Lead: "甲局", Status: Done,
				Src: Pos{File: "x.xlsx", Sheet: "s", Row: len(items) + 2}})
		}
	}
	add("市委常委会议", 1, 3)    // the list names 1, 2, 3 and 5
	add("市长办公会议", 1, 2, 4) // the list names none of these
	master := meetingKeys([]Item{
		{Category: "市委常委会议", Kind: KindMeeting, Meeting: Meeting{Num: 1}},
		{Category: "市委常委会议", Kind: KindMeeting, Meeting: Meeting{Num: 2}},
		{Category: "市委常委会议", Kind: KindMeeting, Meeting: Meeting{Num: 3}},
		{Category: "市委常委会议", Kind: KindMeeting, Meeting: Meeting{Num: 5}},
		{Category: "市长批示件", Kind: KindDoc, Meeting: Meeting{Num: 5}},
	})
	r := summarize(items, d, date(2024, 12, 20), 7, against{meetings: master})
	got := map[string]string{}
	for _, c := range r.Categories {
		got[c.Name] = fmt.Sprintf("%d %v", c.Meetings, c.Complete)
	}
	if want := map[string]string{"市委常委会议": "4 true", "市长办公会议": "3 false"}; !reflect.DeepEqual(got, want) {
		t.Errorf("categories %v, want %v", got, want)
	}
	if r.Total.Meetings != 7 {
		t.Errorf("total meetings %d, want 7", r.Total.Meetings)
	}
	if want := []MeetingGap{{Category: "市长办公会议", Last: 4, Missing: []int{3}}}; !reflect.DeepEqual(r.Gaps, want) {
		t.Errorf("gaps %+v, want %+v", r.Gaps, want)
	}
	if want := "截至2024年12月20日，共召开市委常委会议4次，议定事项2项，已落实2项，落实率100.0%；市长办公会议涉及3次会议，"; !strings.HasPrefix(r.Narrative, want) {
		t.Errorf("narrative:\n got %s\nwant %s…", r.Narrative, want)
	}
}
