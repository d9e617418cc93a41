package sheets

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestExtensionOf(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		raw  string
		kind extensionKind
		date string
	}{
		{"已延期（至2025年3月31日）", extApproved, "2025年3月31日"},
		{"已延期(延期至2025-03-31)", extApproved, "2025-03-31"},
		{"同意延期至2025年3月31日", extApproved, "2025年3月31日"},
		{"经批准延期至2025年3月底", extApproved, "2025年3月底"},
		{"延期至6月30日", extApproved, "6月30日"},
		{"已延期", extApproved, ""},
		{"已延期。", extApproved, ""},
		{"申请延期", extRequested, ""},
		{"已申请延期（拟延至2025年6月底）", extRequested, ""}, // a request: its date changes nothing
		{"已延期办理", extNone, ""},
		{"申请延期两个月", extNone, ""},
		{"延期", extNone, ""},
		{"推进中", extNone, ""},
		{"已完成", extNone, ""},
	} {
		e := extensionOf(c.raw)
		if e.kind != c.kind || e.date != c.date {
			t.Errorf("extensionOf(%q) = %d %q, want %d %q", c.raw, e.kind, e.date, c.kind, c.date)
		}
	}
}

// The words of progress against schedule as bulletins and ledgers write them.
func TestScheduleOf(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		raw  string
		want Schedule
	}{
		// 金寨: 欠进度 / 超进度 / 达进度 (https://www.ahjinzhai.gov.cn/public/6596281/38062166.html)
		{"欠进度", ScheduleBehind}, {"超进度", ScheduleAhead}, {"达进度", ScheduleOn},
		// 宣城: 达到序时进度 / 未达到序时进度 (https://www.xuancheng.gov.cn/OpennessContent/show/2044556.html)
		{"达到序时进度", ScheduleOn}, {"未达到序时进度", ScheduleBehind}, {"未达序时", ScheduleBehind},
		// 城厢: 按序时推进 / 慢序时 (https://www.chengxiang.gov.cn/zwgk/wmbss/202101/t20210129_1571508.htm)
		{"正按序时推进", ScheduleOn}, {"慢序时", ScheduleBehind}, {"序时推进", ScheduleOn},
		// 连云港: 超序时进度 (MIRROR http://www.7263355.com/zglygzfmhwz/gzdt_msss2025/content/2399a463-3ef6-47e4-bed9-614ef9ecfd36.html)
		{"超序时进度", ScheduleAhead},
		// 苍南's 当前进度 (http://www.cncn.gov.cn/art/2022/12/14/art_1229664772_59047997.html)
		{"80%(新区实验幼儿园进度滞后)", ScheduleBehind}, {"22%(严重滞后)", ScheduleBehind}, {"98.4%", ScheduleNone},
		// 巴中: 推进缓慢 (https://sthjj.cnbz.gov.cn/ztzl/msgc/14460961.html)
		{"推进缓慢", ScheduleBehind}, {"进展滞后。", ScheduleBehind},
		{"推进中", ScheduleNone}, {"已完成", ScheduleNone}, {"正常推进", ScheduleNone}, {"", ScheduleNone},
		{"项目因征地问题进度滞后，正在协调", ScheduleNone}, // narrative, not a word
	} {
		if got := scheduleOf(c.raw); got != c.want {
			t.Errorf("scheduleOf(%q) = %q, want %q", c.raw, got, c.want)
		}
	}
}

// onTimeSample is a ledger of 市长批示件 with extensions and progress against schedule, as of
// the sample's 2024-12-20: the items and what the report must make of each.
var onTimeSample = testBook{sheets: []testSheet{{name: "台账", rows: []string{
	"序号|类别|会议|事项内容|牵头单位|完成时限|调整后时限|落实状态|完成日期|序时进度|进展情况",
	// extended to 12-31: not overdue, not due; 达进度 from the column
	"1|市长批示件|〔2024〕31号|推进文旅融合示范区创建|市文化广电旅游局|2024-06-30|2024-12-31|推进中||达进度|已报省厅",
	// extended in the status to 11-30: overdue 20 days; 滞后 from the column
	"2|市长批示件|〔2024〕32号|修缮历史文化街区|市文化广电旅游局|2024-09-30||已延期（至2024年11月30日）||滞后|",
	// only requested: measured against 10-31, overdue
	"3|市长批示件|〔2024〕33号|举办全市文旅消费季活动|市文化广电旅游局|2024-10-31||申请延期|||",
	// extended to 10-31 and done 10-15: on time, though after the original 08-31
	"4|市长批示件|〔2024〕34号|完成A级景区复核|市文化广电旅游局|2024-08-31|2024-10-31|已完成|2024-10-15||",
	// 超进度 as the status: 推进中, ahead; due next year
	"5|市长批示件|〔2024〕35号|建设智慧旅游平台|市文化广电旅游局|2025-03-31||超进度|||",
	// 欠进度 as the status: behind, overdue
	"6|市长批示件|〔2024〕36号|推进游客集散中心建设|市文化广电旅游局|2024-07-31||欠进度|||",
	// no deadline: outside 应办结
	"7|市长批示件|〔2024〕37号|培育夜间文旅消费集聚区|市文化广电旅游局|||达到序时进度|||",
	// done without 完成日期: due, not on time (a warning says so)
	"8|市长批示件|〔2024〕38号|编制文旅产业发展规划|市文化广电旅游局|2024-05-31||已完成|||",
	// approved in the status with its date: not due
	"9|市长批示件|〔2024〕39号|实施博物馆提升改造|市文化广电旅游局|2024-12-01||同意延期至2025年1月15日|||",
}}}}

// TestOnTimeSample: the sample with onTimeSample beside it. Every figure is computed here,
// from the merged items for the sample (by SPEC §7's definitions) and by hand for the extra
// ledger.
func TestOnTimeSample(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	asOf := date(2024, 12, 20)
	base := sampleReport(t, d)
	extra := writeBook(t, t.TempDir(), "市文化广电旅游局.xlsx", onTimeSample)
	r := sampleReport(t, d, extra)

	// The sample alone, by the definition: due = a deadline past, or 已落实, with a deadline.
	var due, onTime, extended, on, behind int
	for _, it := range base.Items {
		if it.Deadline.IsZero() {
			continue
		}
		if it.Status == Done {
			due++
			if !it.Done.IsZero() && !it.Done.After(it.Deadline) {
				onTime++
			}
		} else if it.Deadline.Before(asOf) {
			due++
		}
		if !it.Original.IsZero() {
			extended++
		}
	}
	for _, it := range base.Items {
		if it.Status == InProgress && strings.Contains(it.StatusRaw, "序时推进") {
			on++ // the sample's only schedule word
		}
		if it.Status == InProgress && strings.ContainsAny(it.StatusRaw, "滞欠") {
			behind++
		}
	}
	// testdata/gen prints the same from its own model of the sample (go run ./testdata/gen):
	// 按期办结212项 / 应办结256项 = 82.8%, and per category these rates.
	if due != 256 || onTime != 212 {
		t.Errorf("the sample's items: 应办结 %d 按期办结 %d, the generator's 256 212", due, onTime)
	}
	genRates := map[string]string{"市委常委会议": "77.3%", "市政府常务会议": "86.9%", "市长办公会议": "80.0%", "市长专题会议": "84.3%",
		"市长批示件": "81.3%", "两报告": "78.1%"}
	for _, c := range base.Categories {
		if got := Percent(c.OnTime, c.Due); got != genRates[c.Name] {
			t.Errorf("%s 按期办结率 %s, the generator's %s", c.Name, got, genRates[c.Name])
		}
	}
	if base.Total.Due != due || base.Total.OnTime != onTime || base.Extended != 0 || extended != 0 {
		t.Errorf("sample: 应办结 %d 按期办结 %d 延期 %d, want %d %d 0", base.Total.Due, base.Total.OnTime, base.Extended, due, onTime)
	}
	if base.Schedules != (ScheduleCounts{On: on, Behind: behind}) {
		t.Errorf("sample: 进度 %+v, want 达到 %d 滞后 %d", base.Schedules, on, behind)
	}
	// The extra ledger, by hand: due 2, 3, 4, 6, 8; on time 4; extended 1, 2, 4, 9; under way
	// 1, 2, 3, 5, 6, 7, 9 with 进度 达 1, 7, 超 5, 滞后 2, 6; overdue 2, 3, 6.
	if r.Total.Due != due+5 || r.Total.OnTime != onTime+1 {
		t.Errorf("应办结 %d 按期办结 %d, want %d %d", r.Total.Due, r.Total.OnTime, due+5, onTime+1)
	}
	if r.Extended != 4 || r.Schedules != (ScheduleCounts{Ahead: 1, On: on + 2, Behind: behind + 2}) {
		t.Errorf("延期 %d, 进度 %+v", r.Extended, r.Schedules)
	}
	if r.Total.Items != base.Total.Items+9 || r.Total.InProgress != base.Total.InProgress+7 || r.Total.Overdue != base.Total.Overdue+3 {
		t.Errorf("合计 %+v, want the sample's %+v with 9 items, 7 under way, 3 overdue more", r.Total.Counts, base.Total.Counts)
	}
	// 单位统计 and 分会议统计 carry the same figures.
	for _, u := range r.Units {
		if u.Unit == "市文化广电旅游局" && (u.Due != 5 || u.OnTime != 1) {
			t.Errorf("单位统计 %+v, want 应办结5 按期办结1", u)
		}
	}
	var mDue, mOnTime int
	for _, m := range r.Meetings {
		mDue, mOnTime = mDue+m.Due, mOnTime+m.OnTime
	}
	var cDue int
	for _, c := range r.Categories {
		if c.Kind == KindMeeting {
			cDue += c.Due
		}
	}
	if mDue != cDue {
		t.Errorf("分会议统计 应办结 %d, the meeting categories' %d", mDue, cDue)
	}

	type want struct {
		deadline, original time.Time
		schedule           Schedule
		alert              string
	}
	wants := map[string]want{
		"推进文旅融合示范区创建": {date(2024, 12, 31), date(2024, 6, 30), ScheduleOn, AlertNormal},
		"修缮历史文化街区":    {date(2024, 11, 30), date(2024, 9, 30), ScheduleBehind, AlertOverdue},
		"举办全市文旅消费季活动": {date(2024, 10, 31), time.Time{}, ScheduleNone, AlertOverdue},
		"完成A级景区复核":    {date(2024, 10, 31), date(2024, 8, 31), ScheduleNone, AlertNormal},
		"建设智慧旅游平台":    {date(2025, 3, 31), time.Time{}, ScheduleAhead, AlertNormal},
		"推进游客集散中心建设":  {date(2024, 7, 31), time.Time{}, ScheduleBehind, AlertOverdue},
		"培育夜间文旅消费集聚区": {time.Time{}, time.Time{}, ScheduleOn, AlertNoDeadline},
		"编制文旅产业发展规划":  {date(2024, 5, 31), time.Time{}, ScheduleNone, AlertNormal},
		"实施博物馆提升改造":   {date(2025, 1, 15), date(2024, 12, 1), ScheduleNone, AlertNormal},
	}
	found := 0
	for _, it := range r.Items {
		w, ok := wants[it.Content]
		if !ok {
			continue
		}
		found++
		if !it.Deadline.Equal(w.deadline) || !it.Original.Equal(w.original) || it.Schedule != w.schedule || it.Alert != w.alert {
			t.Errorf("%s: 时限 %s 原定 %s 进度 %q 预警 %s, want %s %s %q %s", it.Content, it.Deadline.Format(time.DateOnly),
				it.Original.Format(time.DateOnly), it.Schedule, it.Alert, w.deadline.Format(time.DateOnly),
				w.original.Format(time.DateOnly), w.schedule, w.alert)
		}
	}
	if found != len(wants) {
		t.Errorf("found %d of the %d items", found, len(wants))
	}
	for _, days := range []struct {
		content string
		days    int
	}{{"修缮历史文化街区", 20}, {"举办全市文旅消费季活动", 50}, {"推进游客集散中心建设", 142}} {
		if !slices.ContainsFunc(r.Overdue, func(f Flagged) bool { return f.Item.Content == days.content && f.Days == days.days }) {
			t.Errorf("逾期事项 lacks %s overdue %d days", days.content, days.days)
		}
	}

	var got []string
	for _, p := range r.Problems {
		if p.Pos.File == "市文化广电旅游局.xlsx" && (p.Kind == DeadlineExtended || p.Kind == DoneDateDoubtful) {
			got = append(got, p.String())
		}
	}
	wantProbs := []string{
		"市文化广电旅游局.xlsx!台账!G2: 提示: 经批准延期：完成时限由2024-06-30调整为2024-12-31，逾期按调整后时限计算",
		"市文化广电旅游局.xlsx!台账!H3: 提示: 经批准延期：完成时限由2024-09-30调整为2024-11-30，逾期按调整后时限计算",
		"市文化广电旅游局.xlsx!台账!H4: 提示: 落实状态为“申请延期”，延期未经批准，按原定时限（2024-10-31）考核",
		"市文化广电旅游局.xlsx!台账!G5: 提示: 经批准延期：完成时限由2024-08-31调整为2024-10-31，逾期按调整后时限计算",
		"市文化广电旅游局.xlsx!台账!I9: 警告: 落实状态为“已完成”（已落实），但未填写完成日期；按期办结率中计为未按期办结",
		"市文化广电旅游局.xlsx!台账!H10: 提示: 经批准延期：完成时限由2024-12-01调整为2025-01-15，逾期按调整后时限计算",
	}
	slices.Sort(got)
	slices.Sort(wantProbs)
	if !slices.Equal(got, wantProbs) {
		t.Errorf("problems:\n got %s\nwant %s", strings.Join(got, "\n     "), strings.Join(wantProbs, "\n     "))
	}

	notes := r.SummaryNotes()
	wantNotes := []string{
		fmt.Sprintf("按期办结率%s（按期办结%d项，应办结%d项）。", Percent(onTime+1, due+5), onTime+1, due+5),
		"应办结：有完成时限（经批准延期的按调整后时限）且时限已过或已落实的事项。",
		"按期办结：应办结中完成日期不晚于时限的已落实事项；无明确时限的事项不计入。",
		"经批准延期4项（逾期按调整后时限计算）。",
		fmt.Sprintf("推进中%d项，其中达到序时进度%d项（含超进度1项）、滞后%d项，其余%d项未说明进度。",
			base.Total.InProgress+7, on+3, behind+2, base.Total.InProgress+7-on-3-behind-2),
	}
	if !slices.Equal(notes, wantNotes) {
		t.Errorf("notes under 汇总:\n got %q\nwant %q", notes, wantNotes)
	}
	// The narrative gives no 按期办结率 by default; with 设置 按期办结率入摘要 = 是 it does.
	if strings.Contains(r.Narrative, "按期办结率") {
		t.Errorf("narrative gives 按期办结率 by default: %s", r.Narrative)
	}
	d2 := testDict(t)
	d2.OnTimeInSummary = true
	r2 := sampleReport(t, d2, extra)
	rate := fmt.Sprintf("总体落实率%s，按期办结率%s。", Percent(r.Total.Done, r.Total.Items), Percent(onTime+1, due+5))
	if !strings.Contains(r2.Narrative, rate) || strings.Replace(r2.Narrative, rate, "总体落实率"+Percent(r.Total.Done, r.Total.Items)+"。", 1) != r.Narrative {
		t.Errorf("narrative with 按期办结率入摘要 = 是:\n%s\nwant %q in place of the rate's sentence end", r2.Narrative, rate)
	}
}

// SPEC §7's sentences, verbatim, where every item under way states its progress: 推进中33项,
// 25 on schedule, 8 behind; five extensions approved (issue 22's 经批准延期5项).
func TestSummaryNotesVerbatim(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	asOf := date(2024, 6, 30)
	var items []Item
	for i := range 33 {
		it := Item{Category: "两报告", Kind: KindTask, Content: fmt.Sprint("任务", i), Lead: "甲局", Status: InProgress,
			Deadline: date(2024, 12, 31), Schedule: ScheduleOn, Src: Pos{File: "a.xlsx", Sheet: "s", Row: i + 2}}
		if i < 8 {
			it.Schedule = ScheduleBehind
		}
		if i < 5 {
			it.Original = date(2024, 6, 1)
		}
		items = append(items, it)
	}
	notes := Summarize(items, d, asOf, 7).SummaryNotes()
	want := []string{"按期办结率：暂无应办结事项。", lineOnTimeDue, lineOnTimeDone, "经批准延期5项（逾期按调整后时限计算）。", "推进中33项，其中达到序时进度25项、滞后8项。"}
	if !slices.Equal(notes, want) {
		t.Errorf("notes:\n got %q\nwant %q", notes, want)
	}
}

// TestScheduleColumnNarrative: a column named 进度情况 whose cells are narrative is 进展情况,
// with a notice; the status word still gives the item its 进度.
func TestScheduleColumnNarrative(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	path := writeBook(t, t.TempDir(), "市水利局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"类别|会议|事项内容|牵头单位|完成时限|落实状态|进度情况",
		"市长批示件|〔2024〕5号|推进水库除险加固|市水利局|2024-12-31|欠进度|已完成主体工程的60%，汛后复工",
		"市长批示件|〔2024〕6号|实施河道整治|市水利局|2024-12-31|推进中|完成招标，施工单位已进场",
	}}}})
	files, _ := Source([]string{path})
	r := Build(files, Options{Dict: d, AsOf: date(2024, 11, 30), WarnDays: 7})
	if len(r.Items) != 2 {
		t.Fatalf("items %d", len(r.Items))
	}
	for _, it := range r.Items {
		want := ScheduleNone
		if it.Content == "推进水库除险加固" {
			want = ScheduleBehind
		}
		if it.Schedule != want || !strings.HasPrefix(it.Progress, "完成招标") && !strings.HasPrefix(it.Progress, "已完成主体") {
			t.Errorf("%s: 进度 %q 进展情况 %q", it.Content, it.Schedule, it.Progress)
		}
	}
	const notice = "市水利局.xlsx!台账!G1: 提示: “进度情况”列填的不是超进度、达进度、滞后这样的进度词，按进展情况读取"
	if !slices.ContainsFunc(r.Problems, func(p Problem) bool { return p.String() == notice }) {
		t.Errorf("no notice %s in %v", notice, r.Problems)
	}
}

// TestScheduleColumnAsStatus: a ledger in the classes of 金寨's half-year bulletin on the 政府工作
// 报告 ("欠进度的有17个…超进度的有10个…已完成和提前完成24个…达进度的有162个",
// https://www.ahjinzhai.gov.cn/public/6596281/38062166.html) with no 落实状态 column: its 序时进度
// column is the status and the 进度 both.
func TestScheduleColumnAsStatus(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	path := writeBook(t, t.TempDir(), "县发改委.xlsx", testBook{sheets: []testSheet{{name: "两报告", rows: []string{
		"序号|类别|重点任务|牵头单位|完成时限|序时进度|进展情况",
		"1|两报告|新建改造农村公路50公里|县交通运输局|2025-12-31|超进度|已完成62公里",
		"2|两报告|新增城镇就业3000人|县人社局|2025-12-31|达进度|1-6月新增1620人",
		"3|两报告|完成老旧小区改造12个|县住建局|2025-12-31|欠进度|已开工5个",
		"4|两报告|建成城市书房3个|县文旅局|2025-06-30|提前完成|",
	}}}})
	files, _ := Source([]string{path})
	r := Build(files, Options{Dict: d, AsOf: date(2025, 7, 15), WarnDays: 7})
	if len(r.Items) != 4 || r.Excluded != 0 {
		t.Fatalf("items %d, excluded %d: %v", len(r.Items), r.Excluded, r.Problems)
	}
	want := map[string]struct {
		status   Status
		schedule Schedule
	}{
		"新建改造农村公路50公里": {InProgress, ScheduleAhead},
		"新增城镇就业3000人":  {InProgress, ScheduleOn},
		"完成老旧小区改造12个":  {InProgress, ScheduleBehind},
		"建成城市书房3个":     {Done, ScheduleNone},
	}
	for _, it := range r.Items {
		if w := want[it.Content]; it.Status != w.status || it.Schedule != w.schedule {
			t.Errorf("%s: %s %q, want %s %q", it.Content, it.Status, it.Schedule, w.status, w.schedule)
		}
	}
	if got := r.SummaryNotes()[3]; got != "推进中3项，其中达到序时进度2项（含超进度1项）、滞后1项。" {
		t.Errorf("进度 line %q", got)
	}
	const notice = "县发改委.xlsx!两报告!F1: 提示: 表中没有落实状态列，“序时进度”列填的是已完成、超进度、欠进度这样的状态词，按此列统计落实状态，超进度、达进度、欠进度记为进度"
	if !slices.ContainsFunc(r.Problems, func(p Problem) bool { return p.String() == notice }) {
		t.Errorf("no notice %s in\n%v", notice, r.Problems)
	}
}

// FuzzExtensionOf: any status text reads as no extension, or one whose date is a deadline
// form; its schedule is one of the classes. Nothing panics.
func FuzzExtensionOf(f *testing.F) {
	for _, s := range []string{"已延期（至2025年3月31日）", "同意延期至2025年3月31日", "申请延期", "延期至6月30日", "已延期办理",
		"80%(新区实验幼儿园进度滞后)", "未达到序时进度", "超进度", "（（延期", "已延期（", "延期至至"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e := extensionOf(s)
		if e.kind == extNone && (e.date != "" || e.word != "") || e.date != "" && !namesDay(e.date) {
			t.Errorf("extensionOf(%q) = %+v", s, e)
		}
		if c := scheduleOf(s); c > ScheduleAhead {
			t.Errorf("scheduleOf(%q) = %d", s, c)
		}
	})
}
