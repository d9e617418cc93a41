package sheets

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"github.com/duban/duban/internal/zhtext"
)

// Alerts (预警) of an item in 事项明细.
const (
	AlertOverdue    = "逾期"
	AlertDueSoon    = "临期"
	AlertNoDeadline = "无明确时限"
	AlertLate       = "逾期完成"
	AlertNormal     = "正常"
)

// Summarize computes the report's statistics from merged items (SPEC §7). It is pure: the
// as-of date D is passed in. With deadline T: 逾期 = not 已落实 and T < D; 临期 = not 已落实
// and D ≤ T ≤ D+warnDays; 无明确时限 = not 已落实 and no T; 落实率 = 已落实/事项数.
// Summarize takes the items over: it sorts them in place and gives each its 预警, without
// copying them (a province's year is hundreds of thousands). The caller fills the row counts.
func Summarize(items []Item, d *Dict, asOf time.Time, warnDays int) *Report {
	return summarize(items, d, asOf, warnDays, against{})
}

// against is what a report is set against besides its items.
type against struct {
	// meetings are the meetings a master list names (--expect), by category and meetingKey:
	// the record of the meetings held (SPEC §7). A meeting category it names counts them with
	// any other its items name, is known complete (召开…N次), and has no gap to warn of.
	meetings map[string]map[string]bool
}

// summarize is Summarize against a master list's meetings.
func summarize(items []Item, d *Dict, asOf time.Time, warnDays int, a against) *Report {
	asOf = midnight(asOf)
	r := &Report{AsOf: asOf, WarnDays: warnDays}
	sortItems(d, items)
	r.Items = items
	t := tally{r: r, soon: asOf.AddDate(0, 0, warnDays), cats: map[string]*CategoryStats{},
		catMeetings: map[string]map[string]bool{}, meetings: map[string]int{},
		units: map[string]*UnitStats{}, leaders: map[string]*LeaderStats{}, suggestions: map[string]*SuggestionStats{}}
	for i := range r.Items {
		t.count(&r.Items[i])
	}
	t.listCategories(d, a.meetings)
	t.listUnitsAndLeaders()
	slices.SortStableFunc(r.Overdue, func(a, b Flagged) int { return cmp.Compare(b.Days, a.Days) })
	slices.SortStableFunc(r.DueSoon, func(a, b Flagged) int { return cmp.Compare(a.Days, b.Days) })
	t.listSuggestions(d)
	r.Narrative = narrative(r, d)
	return r
}

// tally is Summarize's state while it counts the items into the statistics of r. It is a
// local value of Summarize, and no field of it is appended to, so that its maps stay on the
// stack.
type tally struct {
	r           *Report
	soon        time.Time // the last day of 临期
	cats        map[string]*CategoryStats
	catMeetings map[string]map[string]bool // category → keys of its meetings
	meetings    map[string]int             // category and meeting key → index in r.Meetings
	units       map[string]*UnitStats
	leaders     map[string]*LeaderStats
	suggestions map[string]*SuggestionStats // 建议提案 by category
}

// count gives item it its 预警 and counts it in its category, unit, leader, meeting and total;
// a 建议提案 in its own table only (SPEC §9.5).
func (t *tally) count(it *Item) {
	if it.Kind == KindSuggestion {
		overdue, _ := t.alert(it)
		t.suggestion(it, overdue)
		return
	}
	c := t.category(it)
	u := t.unit(it.Lead)
	l := t.leader(it.Leader)
	m := t.meeting(it)
	overdue, dueSoon := t.alert(it)
	c.Counts.add(it.Status, overdue, dueSoon)
	u.Counts.add(it.Status, overdue, dueSoon)
	l.Counts.add(it.Status, overdue, dueSoon)
	t.r.Total.Counts.add(it.Status, overdue, dueSoon)
	if m != nil {
		m.Counts.add(it.Status, overdue, dueSoon)
	}
	due, ok := onTime(it, t.r.AsOf)
	for _, n := range []*Counts{&c.Counts, &u.Counts, &l.Counts, &t.r.Total.Counts} {
		n.addOnTime(due, ok)
	}
	if m != nil {
		m.Counts.addOnTime(due, ok)
	}
	if it.Extended() {
		t.r.Extended++
	}
	t.r.Schedules.add(it)
}

// category returns the statistics of the item's category, new at its first item.
func (t *tally) category(it *Item) *CategoryStats {
	c := t.cats[it.Category]
	if c == nil {
		c = &CategoryStats{Name: it.Category, Kind: it.Kind}
		t.cats[it.Category] = c
		t.catMeetings[it.Category] = map[string]bool{}
	}
	return c
}

func (t *tally) unit(lead string) *UnitStats {
	u := t.units[lead]
	if u == nil {
		u = &UnitStats{Unit: lead}
		t.units[lead] = u
	}
	return u
}

// leader returns the statistics of a 责任领导, of LeaderNone for a blank one.
func (t *tally) leader(name string) *LeaderStats {
	if name == "" {
		name = LeaderNone
	}
	l := t.leaders[name]
	if l == nil {
		l = &LeaderStats{Leader: name}
		t.leaders[name] = l
	}
	return l
}

// meeting returns the statistics of the item's meeting, nil if it is not a meeting's item. A
// meeting takes the earliest 会议日期 its items give. Items are sorted by category and
// meeting, so meetings listed as they are met are in order.
func (t *tally) meeting(it *Item) *MeetingStats {
	if it.Kind != KindMeeting {
		return nil
	}
	mk := it.Category + "\x00" + meetingKey(it.Meeting)
	t.catMeetings[it.Category][mk] = true
	i, seen := t.meetings[mk]
	if !seen {
		i = len(t.r.Meetings)
		t.meetings[mk] = i
		t.r.Meetings = append(t.r.Meetings, MeetingStats{Category: it.Category, Name: it.MeetingName,
			Date: it.MeetingDate, num: it.Meeting.Num, year: it.Meeting.Year})
		return &t.r.Meetings[i]
	}
	m := &t.r.Meetings[i]
	if m.Date.IsZero() || (!it.MeetingDate.IsZero() && it.MeetingDate.Before(m.Date)) {
		m.Date = it.MeetingDate
	}
	return m
}

// alert gives it its 预警 and lists it among the report's overdue, due-soon or
// deadline-less items.
func (t *tally) alert(it *Item) (overdue, dueSoon bool) {
	r := t.r
	it.Alert = AlertNormal
	switch {
	case it.Status == Done:
		if it.HasDeadline() && !it.Done.IsZero() && it.Done.After(it.Deadline) {
			it.Alert = AlertLate
		}
	case !it.HasDeadline():
		it.Alert = AlertNoDeadline
		r.NoDeadline = append(r.NoDeadline, it)
	case it.Deadline.Before(r.AsOf):
		it.Alert = AlertOverdue
		overdue = true
		r.Overdue = append(r.Overdue, Flagged{Item: it, Days: days(it.Deadline, r.AsOf)})
	case !it.Deadline.After(t.soon):
		it.Alert = AlertDueSoon
		dueSoon = true
		r.DueSoon = append(r.DueSoon, Flagged{Item: it, Days: days(r.AsOf, it.Deadline)})
	}
	return overdue, dueSoon
}

// listCategories puts the categories into the report in dictionary order, each meeting
// category with its number of meetings and the gaps in their session numbers; of a category
// whose meetings a master list names (recorded), the meetings of both.
func (t *tally) listCategories(d *Dict, recorded map[string]map[string]bool) {
	r := t.r
	for _, c := range t.cats {
		if c.Kind == KindMeeting {
			t.countMeetings(c, recorded[c.Name])
			r.Total.Meetings += c.Meetings
		}
		r.Categories = append(r.Categories, *c)
	}
	slices.SortFunc(r.Categories, func(a, b CategoryStats) int {
		return cmp.Or(cmp.Compare(d.CategoryIndex(a.Name), d.CategoryIndex(b.Name)), strings.Compare(a.Name, b.Name))
	})
	r.Total.Name = "合计"
	slices.SortStableFunc(r.Gaps, func(a, b MeetingGap) int {
		return cmp.Compare(d.CategoryIndex(a.Category), d.CategoryIndex(b.Category))
	})
}

// countMeetings gives meeting category c its 会议次数, and tells whether its meetings are known
// complete. The meetings of a master list (listed, nil for none) are the record: they count
// with those of the items, and are complete. Otherwise a gap in the session numbers is listed.
func (t *tally) countMeetings(c *CategoryStats, listed map[string]bool) {
	own := t.catMeetings[c.Name]
	c.Meetings = len(own)
	if listed != nil {
		for k := range listed {
			if !own[c.Name+"\x00"+k] {
				c.Meetings++
			}
		}
		c.Complete = true
		return
	}
	var gaps []MeetingGap
	c.Complete, gaps = sessionGaps(c.Name, meetingsOf(t.r.Meetings, t.meetings, own))
	t.r.Gaps = append(t.r.Gaps, gaps...)
}

// listUnitsAndLeaders puts the units, ranked, and the leaders into the report.
func (t *tally) listUnitsAndLeaders() {
	r := t.r
	for _, u := range t.units {
		r.Units = append(r.Units, *u)
	}
	for _, l := range t.leaders {
		r.Leaders = append(r.Leaders, *l)
	}
	nameKey := map[string]string{}
	pinyinKeys(nameKey, r.Units, r.Leaders)
	sortLeaders(r.Leaders, nameKey)
	rankUnits(r.Units, nameKey)
}

// pinyinKeys puts into nameKey the collation keys of the units' and leaders' names, to sort
// them in pinyin order as Excel and WPS sort Chinese text.
func pinyinKeys(nameKey map[string]string, units []UnitStats, leaders []LeaderStats) {
	pinyin := collate.New(language.Chinese)
	var buf collate.Buffer
	for _, u := range units {
		nameKey[u.Unit] = string(pinyin.KeyFromString(&buf, u.Unit))
	}
	for _, l := range leaders {
		nameKey[l.Leader] = string(pinyin.KeyFromString(&buf, l.Leader))
	}
}

// sortLeaders puts the leaders with most items first; （未填写） after the named leaders
// with as many.
func sortLeaders(leaders []LeaderStats, nameKey map[string]string) {
	slices.SortFunc(leaders, func(a, b LeaderStats) int {
		return cmp.Or(cmp.Compare(b.Items, a.Items), cmp.Compare(b2i(a.Leader == LeaderNone), b2i(b.Leader == LeaderNone)),
			strings.Compare(nameKey[a.Leader], nameKey[b.Leader]), strings.Compare(a.Leader, b.Leader))
	})
}

// rankUnits sorts the units best rate first, then fewest overdue, and ranks them; units that
// tie on both share a rank.
func rankUnits(units []UnitStats, nameKey map[string]string) {
	slices.SortFunc(units, func(a, b UnitStats) int {
		// The rates compared exactly: a.Done/a.Items vs b.Done/b.Items.
		if c := cmp.Compare(b.Done*a.Items, a.Done*b.Items); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Overdue, b.Overdue), strings.Compare(nameKey[a.Unit], nameKey[b.Unit]),
			strings.Compare(a.Unit, b.Unit))
	})
	for i := range units {
		units[i].Rank = i + 1
		if i > 0 && sameRank(&units[i], &units[i-1]) {
			units[i].Rank = units[i-1].Rank
		}
	}
}

// LeaderNone is the 责任领导 of 分管领导统计 under which items without one are counted.
const LeaderNone = "（未填写）"

// meetingsOf returns the meetings of one category: those of keys, found in all by index.
func meetingsOf(all []MeetingStats, index map[string]int, keys map[string]bool) []*MeetingStats {
	ms := make([]*MeetingStats, 0, len(keys))
	for k := range keys {
		ms = append(ms, &all[index[k]])
	}
	return ms
}

// sessionGaps tells whether a category's meetings are known complete: all of one year,
// every one numbered, from 第1次 up to the last with none absent. Numbers restart each year
// (SPEC §4.1), so gaps are looked for within each year; when the category has meetings of
// several years, each gap names its year.
func sessionGaps(category string, ms []*MeetingStats) (complete bool, gaps []MeetingGap) {
	have := map[int]map[int]bool{} // year → session numbers
	last := map[int]int{}
	unnumbered := false
	for _, m := range ms {
		if m.num <= 0 {
			unnumbered = true
			continue
		}
		if have[m.year] == nil {
			have[m.year] = map[int]bool{}
		}
		have[m.year][m.num] = true
		last[m.year] = max(last[m.year], m.num)
	}
	for y, nums := range have {
		var missing []int
		for n := 1; n <= last[y]; n++ {
			if !nums[n] {
				missing = append(missing, n)
			}
		}
		if len(missing) > 0 {
			g := MeetingGap{Category: category, Last: last[y], Missing: missing}
			if len(have) > 1 {
				g.Year = y
			}
			gaps = append(gaps, g)
		}
	}
	slices.SortFunc(gaps, func(a, b MeetingGap) int { return cmp.Compare(a.Year, b.Year) })
	return !unnumbered && len(have) == 1 && len(gaps) == 0, gaps
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (c *Counts) add(s Status, overdue, dueSoon bool) {
	c.Items++
	switch s {
	case Done:
		c.Done++
	case InProgress:
		c.InProgress++
	default:
		c.NotStarted++
	}
	if overdue {
		c.Overdue++
	}
	if dueSoon {
		c.DueSoon++
	}
}

// sameRank reports whether two units tie on rate and overdue count.
func sameRank(a, b *UnitStats) bool {
	return a.Done*b.Items == b.Done*a.Items && a.Overdue == b.Overdue
}

func midnight(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// days returns the whole days from a to b.
func days(a, b time.Time) int {
	return int(math.Round(b.Sub(a).Hours() / 24))
}

// sortItems puts items in the order of 事项明细: category in dictionary order, meeting, unit,
// content (folded), place. The category index and the folded content are computed once per
// item, not at every comparison, and each item is moved once.
func sortItems(d *Dict, items []Item) {
	type key struct {
		cat     int
		content string
		i       int
	}
	keys := make([]key, len(items))
	for i := range items {
		keys[i] = key{d.CategoryIndex(items[i].Category), zhtext.Fold(items[i].Content), i}
	}
	slices.SortFunc(keys, func(ka, kb key) int {
		if c := cmp.Compare(ka.cat, kb.cat); c != 0 {
			return c
		}
		a, b := &items[ka.i], &items[kb.i]
		if c := strings.Compare(a.Category, b.Category); c != 0 {
			return c
		}
		if c := compareMeetings(&a.Meeting, &b.Meeting); c != 0 {
			return c
		}
		if c := strings.Compare(a.Lead, b.Lead); c != 0 {
			return c
		}
		if c := strings.Compare(ka.content, kb.content); c != 0 {
			return c
		}
		return a.Src.compare(b.Src)
	})
	// Move every item to its place by following the cycles of the permutation, so that
	// items[j] becomes the old items[keys[j].i] with one item held aside per cycle.
	for start := range keys {
		if keys[start].i < 0 {
			continue
		}
		held := items[start]
		j := start
		for {
			k := keys[j].i
			keys[j].i = -1
			if k == start {
				items[j] = held
				break
			}
			items[j] = items[k]
			j = k
		}
	}
}

// compareMeetings orders meetings by year and number, then date, then name; numbered first.
func compareMeetings(a, b *Meeting) int {
	an, bn := a.Num > 0, b.Num > 0
	if an != bn {
		if an {
			return -1
		}
		return 1
	}
	return cmp.Or(
		cmp.Compare(a.Year, b.Year),
		cmp.Compare(a.Num, b.Num),
		a.Date.Compare(b.Date),
		strings.Compare(a.Key, b.Key),
	)
}

// Percent formats a ratio rounded half-up to one decimal, e.g. 188/197 → "95.4%".
func Percent(num, den int) string {
	t := tenths(num, den) // 0 for none: "0.0%"
	return fmt.Sprintf("%d.%d%%", t/10, t%10)
}

// narrative writes the 文字摘要 in the style of an annual summary (SPEC §1, §7.9).
func narrative(r *Report, d *Dict) string {
	var b strings.Builder
	fmt.Fprintf(&b, "截至%d年%d月%d日，", r.AsOf.Year(), int(r.AsOf.Month()), r.AsOf.Day())
	if len(r.Categories) == 0 && len(r.Suggestions) > 0 {
		b.WriteString(suggestionSentence(r))
		return b.String()
	}
	if len(r.Categories) == 0 {
		b.WriteString("未读取到督查事项。")
		return b.String()
	}
	parts := make([]string, 0, len(r.Categories))
	for _, c := range r.Categories {
		rate := Percent(c.Done, c.Items)
		if _, known := d.Category(c.Name); !known {
			c.Name = "“" + c.Name + "”" // a category the dictionary does not know, kept as written
		}
		switch c.Kind {
		case KindMeeting:
			// 召开N次 only when the meetings are known to be all there were (SPEC §7).
			format := "%s涉及%d次会议，议定事项%d项，已落实%d项，落实率%s"
			if c.Complete {
				format = "召开%s%d次，议定事项%d项，已落实%d项，落实率%s"
			}
			parts = append(parts, fmt.Sprintf(format, c.Name, c.Meetings, c.Items, c.Done, rate))
		case KindDoc:
			parts = append(parts, fmt.Sprintf("%s%d件，已办结%d件，办结率%s", c.Name, c.Items, c.Done, rate))
		default:
			parts = append(parts, fmt.Sprintf("%s确定任务%d项，已完成%d项，完成率%s", c.Name, c.Items, c.Done, rate))
		}
	}
	if c := r.Categories[0]; c.Kind == KindMeeting && c.Complete {
		b.WriteString("共")
	}
	b.WriteString(strings.Join(parts, "；"))
	fmt.Fprintf(&b, "。合计事项%d项，已落实%d项，推进中%d项，未启动%d项，总体落实率%s",
		r.Total.Items, r.Total.Done, r.Total.InProgress, r.Total.NotStarted, Percent(r.Total.Done, r.Total.Items))
	if d.OnTimeInSummary && r.Total.Due > 0 {
		fmt.Fprintf(&b, narrativeOnTime, Percent(r.Total.OnTime, r.Total.Due))
	}
	b.WriteString("。")
	// The supervised items' 逾期 and 临期, as 合计 counts them: not the 建议提案 (SPEC §9.5).
	fmt.Fprintf(&b, "未按期办结（逾期）事项%d项，临期事项%d项，无明确时限事项%d项。",
		r.Total.Overdue, r.Total.DueSoon, len(r.NoDeadline)-r.SuggestionTotal.undated)
	b.WriteString(suggestionSentence(r))
	return b.String()
}

// named is the gap's category, with its year when the category has meetings of several
// years (县政府常务会议2023年).
func (g MeetingGap) named() string {
	if g.Year > 0 {
		return g.Category + strconv.Itoa(g.Year) + "年"
	}
	return g.Category
}
