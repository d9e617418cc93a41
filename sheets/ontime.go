package sheets

import (
	"fmt"
	"strings"
	"time"
)

// The on-time rate, extensions and progress against schedule (SPEC §7). Published figures
// quote whether items were done by their deadline, not only done: 金华's 数字城管 rule
// "按期结案率 = 按期结案数 / (应结案数 − 缓办数)" (https://m.wenke99.com/p-414460.html), 西宁城中区
// "交办工作任务59项，按期办结59项，按期办结率100%" (https://xncz.gov.cn/info/3937/174342.htm). duban
// has no 缓办 class: the denominator is 应办结.

// OnTimeRate returns 按期办结率 = 按期办结 / 应办结, the exact ratio, and whether there is any
// item due (应办结 > 0); with none the rate is no figure at all.
func (c Counts) OnTimeRate() (float64, bool) {
	if c.Due == 0 {
		return 0, false
	}
	return float64(c.OnTime) / float64(c.Due), true
}

// onTime tells whether an item is due (应办结: it has a deadline, after any approved extension,
// that is past, or it is 已落实) and whether it was done on time (按期办结: 已落实 with a
// 完成日期 not after the deadline). An 已落实 item without 完成日期 is due and not on time.
func onTime(it *Item, asOf time.Time) (due, ok bool) {
	if !it.HasDeadline() {
		return false, false
	}
	if it.Status != Done {
		return it.Deadline.Before(asOf), false
	}
	return true, !it.Done.IsZero() && !it.Done.After(it.Deadline)
}

// addOnTime counts an item in 应办结 and 按期办结.
func (c *Counts) addOnTime(due, ok bool) {
	if due {
		c.Due++
	}
	if ok {
		c.OnTime++
	}
}

// ScheduleCounts are the items under way (推进中) by their progress against schedule.
type ScheduleCounts struct {
	Ahead  int // 超进度
	On     int // 达到序时进度, 超进度 not included
	Behind int // 滞后
}

// Any reports whether some item under way has a 进度.
func (s ScheduleCounts) Any() bool { return s.Ahead+s.On+s.Behind > 0 }

// add counts an item in its schedule class when it is under way.
func (s *ScheduleCounts) add(it *Item) {
	if it.Status != InProgress {
		return
	}
	switch it.Schedule {
	case ScheduleAhead:
		s.Ahead++
	case ScheduleOn:
		s.On++
	case ScheduleBehind:
		s.Behind++
	}
}

// SummaryNotes are the lines under 汇总's table after the note on 逾期 and 临期 (SPEC §7): the
// 按期办结率 with its definition, always; the extensions approved, when any; the items under
// way by their progress against schedule, when the ledgers give it.
func (r *Report) SummaryNotes() []string {
	return append(r.onTimeLines(), r.ProgressNotes()...)
}

// ProgressNotes are the lines of SummaryNotes on extensions and progress against schedule,
// none when the ledgers give neither; the 通报 says them in its 总体情况, which has no table.
func (r *Report) ProgressNotes() []string {
	var notes []string
	if r.Extended > 0 {
		notes = append(notes, fmt.Sprintf(lineExtended, r.Extended))
	}
	if s := r.Schedules; s.Any() {
		on := fmt.Sprintf(lineScheduleOn, s.On+s.Ahead)
		if s.Ahead > 0 {
			on += fmt.Sprintf(lineScheduleAhead, s.Ahead)
		}
		line := fmt.Sprintf(lineSchedule, r.Total.InProgress, on, s.Behind)
		if s.Behind == 0 { // no 滞后0项: the published form names what there is
			line = fmt.Sprintf(lineScheduleNoneBehind, r.Total.InProgress, on)
		}
		if rest := r.Total.InProgress - s.On - s.Ahead - s.Behind; rest > 0 {
			// the published form counts every item under way; where some say nothing, so does the line
			line = strings.TrimSuffix(line, "。") + fmt.Sprintf(lineScheduleRest, rest)
		}
		notes = append(notes, line)
	}
	return notes
}

// onTimeLines are 按期办结率 with its figures, and its definition; each line fits under 汇总's
// table, beside which the chart stands.
func (r *Report) onTimeLines() []string {
	rate := lineOnTimeNone
	if r.Total.Due > 0 {
		rate = fmt.Sprintf(lineOnTime, Percent(r.Total.OnTime, r.Total.Due), r.Total.OnTime, r.Total.Due)
	}
	return []string{rate, lineOnTimeDue, lineOnTimeDone}
}
