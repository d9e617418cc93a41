package sheets

import (
	"cmp"
	"fmt"
	"math"
	"slices"
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
	asOf = midnight(asOf)
	r := &Report{AsOf: asOf, WarnDays: warnDays}
	sortItems(d, items)
	r.Items = items

	cats := map[string]*CategoryStats{}
	meetings := map[string]*MeetingStats{}
	units := map[string]*UnitStats{}
	catMeetings := map[string]map[string]bool{}
	var meetingOrder []string
	soon := asOf.AddDate(0, 0, warnDays)

	for i := range r.Items {
		it := &r.Items[i]
		c := cats[it.Category]
		if c == nil {
			c = &CategoryStats{Name: it.Category, Kind: it.Kind}
			cats[it.Category] = c
			catMeetings[it.Category] = map[string]bool{}
		}
		u := units[it.Lead]
		if u == nil {
			u = &UnitStats{Unit: it.Lead}
			units[it.Lead] = u
		}
		var m *MeetingStats
		if it.Kind == KindMeeting {
			mk := it.Category + "\x00" + meetingKey(it.Meeting)
			catMeetings[it.Category][mk] = true
			m = meetings[mk]
			if m == nil {
				m = &MeetingStats{Category: it.Category, Name: it.MeetingName, Date: it.MeetingDate}
				meetings[mk] = m
				meetingOrder = append(meetingOrder, mk)
			} else if m.Date.IsZero() || (!it.MeetingDate.IsZero() && it.MeetingDate.Before(m.Date)) {
				m.Date = it.MeetingDate
			}
		}

		it.Alert = AlertNormal
		var overdue, dueSoon bool
		switch {
		case it.Status == Done:
			if it.HasDeadline() && !it.Done.IsZero() && it.Done.After(it.Deadline) {
				it.Alert = AlertLate
			}
		case !it.HasDeadline():
			it.Alert = AlertNoDeadline
			r.NoDeadline = append(r.NoDeadline, it)
		case it.Deadline.Before(asOf):
			it.Alert = AlertOverdue
			overdue = true
			r.Overdue = append(r.Overdue, Flagged{Item: it, Days: days(it.Deadline, asOf)})
		case !it.Deadline.After(soon):
			it.Alert = AlertDueSoon
			dueSoon = true
			r.DueSoon = append(r.DueSoon, Flagged{Item: it, Days: days(asOf, it.Deadline)})
		}
		for _, k := range []*Counts{&c.Counts, &u.Counts, &r.Total.Counts, countsOf(m)} {
			if k != nil {
				k.add(it.Status, overdue, dueSoon)
			}
		}
	}

	for _, c := range cats {
		if c.Kind == KindMeeting {
			c.Meetings = len(catMeetings[c.Name])
			r.Total.Meetings += c.Meetings
		}
		r.Categories = append(r.Categories, *c)
	}
	slices.SortFunc(r.Categories, func(a, b CategoryStats) int {
		return cmp.Or(cmp.Compare(d.CategoryIndex(a.Name), d.CategoryIndex(b.Name)), strings.Compare(a.Name, b.Name))
	})
	r.Total.Name = "合计"

	// Items are sorted by category and meeting, so meetings met in order are already sorted.
	for _, mk := range meetingOrder {
		r.Meetings = append(r.Meetings, *meetings[mk])
	}

	for _, u := range units {
		r.Units = append(r.Units, *u)
	}
	// Names in pinyin order, as Excel and WPS sort Chinese text.
	pinyin := collate.New(language.Chinese)
	var buf collate.Buffer
	nameKey := map[string]string{}
	for _, u := range r.Units {
		nameKey[u.Unit] = string(pinyin.KeyFromString(&buf, u.Unit))
	}
	slices.SortFunc(r.Units, func(a, b UnitStats) int {
		// Best rate first, compared exactly: a.Done/a.Items vs b.Done/b.Items.
		if c := cmp.Compare(b.Done*a.Items, a.Done*b.Items); c != 0 {
			return c
		}
		return cmp.Or(cmp.Compare(a.Overdue, b.Overdue), strings.Compare(nameKey[a.Unit], nameKey[b.Unit]),
			strings.Compare(a.Unit, b.Unit))
	})
	for i := range r.Units {
		r.Units[i].Rank = i + 1
		if i > 0 && sameRank(&r.Units[i], &r.Units[i-1]) {
			r.Units[i].Rank = r.Units[i-1].Rank
		}
	}

	slices.SortStableFunc(r.Overdue, func(a, b Flagged) int { return cmp.Compare(b.Days, a.Days) })
	slices.SortStableFunc(r.DueSoon, func(a, b Flagged) int { return cmp.Compare(a.Days, b.Days) })
	r.Narrative = narrative(r, d)
	return r
}

func countsOf(m *MeetingStats) *Counts {
	if m == nil {
		return nil
	}
	return &m.Counts
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
	if den == 0 {
		return "0.0%"
	}
	// Integer arithmetic: tenths of a percent, rounded half up.
	t := (num*2000 + den) / (den * 2)
	return fmt.Sprintf("%d.%d%%", t/10, t%10)
}

// narrative writes the 文字摘要 in the style of an annual summary (SPEC §1, §7.9).
func narrative(r *Report, d *Dict) string {
	var b strings.Builder
	fmt.Fprintf(&b, "截至%d年%d月%d日，", r.AsOf.Year(), int(r.AsOf.Month()), r.AsOf.Day())
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
			parts = append(parts, fmt.Sprintf("召开%s%d次，议定事项%d项，已落实%d项，落实率%s",
				c.Name, c.Meetings, c.Items, c.Done, rate))
		case KindDoc:
			parts = append(parts, fmt.Sprintf("%s%d件，已办结%d件，办结率%s", c.Name, c.Items, c.Done, rate))
		default:
			parts = append(parts, fmt.Sprintf("%s确定任务%d项，已完成%d项，完成率%s", c.Name, c.Items, c.Done, rate))
		}
	}
	if r.Categories[0].Kind == KindMeeting {
		b.WriteString("共")
	}
	b.WriteString(strings.Join(parts, "；"))
	fmt.Fprintf(&b, "。合计事项%d项，已落实%d项，推进中%d项，未启动%d项，总体落实率%s。",
		r.Total.Items, r.Total.Done, r.Total.InProgress, r.Total.NotStarted, Percent(r.Total.Done, r.Total.Items))
	fmt.Fprintf(&b, "未按期办结（逾期）事项%d项，临期事项%d项，无明确时限事项%d项。",
		len(r.Overdue), len(r.DueSoon), len(r.NoDeadline))
	return b.String()
}
