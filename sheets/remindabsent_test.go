package sheets

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestAbsentReminders: a unit not heard from is sent all its items as last known — the
// previous report's, then the master list's that the report did not have — with their 预警
// as of now, grouped 逾期 → 临期 → 无明确时限 → the others; a unit the dictionary alone expects
// is sent a blank form; none of it is counted.
func TestAbsentReminders(t *testing.T) {
	d := testDict(t)
	prev := func(row int, content, lead string, st Status, deadline, done time.Time) PrevItem {
		return PrevItem{Row: row, Category: "市长批示件", MeetingName: "市长批示件〔2024〕" + strconv.Itoa(row) + "号",
			Content: content, Lead: lead, Status: st, Deadline: deadline, Done: done, Progress: "进展" + content, Leader: "赵副市长"}
	}
	p := &Previous{File: "上期.xlsx", AsOf: date(2024, 11, 20), Year: 2024, Items: []PrevItem{
		prev(2, "甲", "市生态环境局", InProgress, date(2024, 12, 25), time.Time{}), // 临期 now, 正常 then
		prev(3, "乙", "市生态环境局", Done, date(2024, 6, 30), date(2024, 7, 10)),  // 逾期完成
		prev(4, "丙", "市财政局", InProgress, date(2024, 8, 31), time.Time{}),    // heard from
		prev(5, "丁", "市生态环境局", InProgress, date(2024, 8, 31), time.Time{}),  // 逾期111天
		prev(6, "戊", "市生态环境局", NotStarted, time.Time{}, time.Time{}),        // 无明确时限
		prev(7, "己", "市生态环境局", InProgress, date(2024, 11, 30), time.Time{}), // 逾期20天
	}}
	assigned := func(content string, num int) masterRow {
		it := Item{Category: "市长批示件", Kind: KindDoc, MeetingName: "市长批示件〔2024〕" + strconv.Itoa(num) + "号",
			Meeting: Meeting{Num: num, Year: 2024}, Content: content, Lead: "市生态环境局", Deadline: date(2025, 3, 31)}
		return masterRow{item: it, ok: true, lead: it.Lead}
	}
	m := &Master{File: "交办清单.xlsx", rows: []masterRow{
		assigned("甲", 2), // the previous report has it
		assigned("庚", 8), // assigned since
		{item: Item{Content: "辛"}, lead: "市生态环境局"},                       // a row with errors: said at its cell
		{item: Item{Content: "壬", Lead: "市财政局"}, ok: true, lead: "市财政局"}, // heard from
	}}
	r := &Report{AsOf: date(2024, 12, 20), WarnDays: 7, Year: 2024,
		Absent: []Absence{{Unit: "市生态环境局", Before: 5}, {Unit: "市审计局"}}}
	r.lastKnown(Options{Dict: d, Previous: p, Master: m})
	if a := r.Absent[0]; len(a.Items) != 6 || a.Assigned != 1 || r.Absent[1].Items != nil {
		t.Errorf("last known: %d items, %d assigned; %s %d items", len(a.Items), a.Assigned, r.Absent[1].Unit, len(r.Absent[1].Items))
	}
	var got []string
	for _, rem := range r.absentReminders() {
		var xs []string
		for _, x := range rem.Items {
			xs = append(xs, x.Item.Content+x.Alert+strconv.Itoa(x.Days)+x.Item.Status.String())
		}
		if rem.Absent == nil || rem.Absent.Unit != rem.Unit {
			t.Errorf("%s: reminder not marked absent", rem.Unit)
		}
		got = append(got, rem.Unit+": "+strings.Join(xs, " "))
	}
	sameLines(t, "reminders", got, []string{
		"市生态环境局: 丁逾期111推进中 己逾期20推进中 甲临期5推进中 戊无明确时限0未启动 乙逾期完成0已落实 庚正常0未启动",
		"市审计局: ",
	})
	// An item as last reported: its meeting, leader, progress and 完成日期, from where it came.
	for _, it := range r.Absent[0].Items {
		if it.Content == "乙" && (it.MeetingName != "市长批示件〔2024〕3号" || it.Meeting.Num != 3 || it.Leader != "赵副市长" ||
			it.Progress != "进展乙" || !it.Done.Equal(date(2024, 7, 10)) || it.Src != (Pos{File: "上期.xlsx", Sheet: SheetItems, Row: 3})) {
			t.Errorf("item 乙 as last known: %+v", it)
		}
	}
	// Without a previous report or a master list, nothing is known of a unit's items.
	r = &Report{AsOf: date(2024, 12, 20), Absent: []Absence{{Unit: "市审计局"}}}
	r.lastKnown(Options{Dict: d})
	if rems := Reminders(r); len(rems) != 1 || rems[0].Unit != "市审计局" || len(rems[0].Items) != 0 {
		t.Errorf("reminders of a unit the dictionary expects: %+v", rems)
	}
}
