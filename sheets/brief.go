package sheets

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/internal/zhtext"
)

// A briefing (会议通报, SPEC §9.1) is what the office reads out at an executive meeting about
// the items of an earlier one: one sentence of figures and overdue items, then the items.

// Briefing is the state of one meeting's items.
type Briefing struct {
	AsOf    time.Time
	Meeting MeetingStats // its row of 分会议统计
	Items   []*Item      // in 编号 order, then source order
	// Excluded are the rows of the meeting excluded by errors (their meeting read from their raw
	// values), counted apart in the narrative, in source order.
	Excluded []ExcludedRow
	// Apart is the sentence of the narrative that counts them apart (另有1项因填写有误未计入…),
	// "" when none was excluded.
	Apart string
	// ApartBulletin says the same in the 通报's 存在问题, where it stands on its own
	// (本次会议有1项事项因填写有误未计入本通报（市商务局…），已通知单位更正。).
	ApartBulletin string
	// Unheard is the sentence of the 通报's 二、存在问题 naming the units whose items are not in the
	// figures at all — a unit expected that sent nothing, a file that could not be read — any of
	// which may have been of the meeting (市交通运输局本期未报送台账，其事项未计入本通报。); "" when
	// every unit was heard from. A unit whose items of the meeting are known (from the previous
	// report or the master list) is counted apart in Apart instead (另有2项因…未报送落实情况未计入).
	// While any may be open, the narrative claims neither 无逾期 nor 已全部落实.
	Unheard   string
	Narrative string
	// unknown is set when a unit not heard from may have had open items of the meeting: its
	// items are not known, or some known were open when last reported.
	unknown bool
	// Checks are what the clerk must check before reading the narrative out — rows and files
	// left out that may hold items of the meeting — for the terminal, never the text.
	Checks []string
}

// FindMeeting resolves a meeting named in any form the reader accepts (市政府常务会议第14次,
// 常务会第14次, 市政府第十四次常务会议) among the meetings of r. A category alone (常务会)
// stands for its latest session: the highest number, else the latest date. When nothing
// matches, the error lists the meetings of that category (or all meetings) to choose from.
func FindMeeting(r *Report, d *Dict, name string) (MeetingStats, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return MeetingStats{}, fmt.Errorf(msgBriefNoName)
	}
	cat := ""
	if c, ok := d.Category(name); ok {
		cat = c.Name
	} else if c, ok := d.CategoryOf(name); ok {
		cat = c.Name
	}
	if cat == "" {
		// A category the dictionary does not know, as the report shows it.
		for _, m := range r.Meetings {
			if strings.HasPrefix(zhtext.Fold(name), zhtext.Fold(m.Category)) {
				cat = m.Category
				break
			}
		}
	}
	if cat == "" {
		return MeetingStats{}, fmt.Errorf(msgBriefNoCategory, name, meetingCategories(r.Meetings))
	}
	var of []MeetingStats
	for _, m := range r.Meetings {
		if m.Category == cat {
			of = append(of, m)
		}
	}
	if len(of) == 0 {
		return MeetingStats{}, fmt.Errorf(msgBriefNoItems, name, cat, meetingCategories(r.Meetings))
	}
	want := ParseMeeting(name)
	if want.Num == 0 {
		if _, isCat := d.Category(name); isCat || zhtext.Fold(name) == zhtext.Fold(cat) || onlyCategory(d, name) {
			return latest(of), nil
		}
		for _, m := range of {
			if zhtext.Fold(m.Name) == want.Key {
				return m, nil
			}
		}
		return MeetingStats{}, fmt.Errorf(msgBriefNotFound, name, candidates(of))
	}
	if m, ok := sessionOf(of, want, name, r.Year); ok {
		return m, nil
	}
	// The sessions nearest in number first.
	near := slices.Clone(of)
	slices.SortStableFunc(near, func(a, b MeetingStats) int {
		da, db := a.num-want.Num, b.num-want.Num
		return cmp.Or(cmp.Compare(max(da, -da), max(db, -db)), cmp.Compare(db, da))
	})
	slices.Reverse(near) // candidates lists from the end
	return MeetingStats{}, fmt.Errorf(msgBriefNotFound, name, candidates(near))
}

// onlyCategory reports whether name is no more than a recognition keyword or alias of a
// category (常务会, 市政府常务会), without a number, date or other words.
func onlyCategory(d *Dict, name string) bool {
	n := zhtext.Normalize(name)
	for _, c := range d.Categories {
		for _, w := range append(append([]string{c.Name}, c.Aliases...), c.Keywords...) {
			if zhtext.Normalize(w) == n {
				return true
			}
		}
	}
	return false
}

// latest returns the session with the highest number, else the latest date.
func latest(ms []MeetingStats) MeetingStats {
	best := ms[0]
	for _, m := range ms[1:] {
		switch c := cmp.Or(cmp.Compare(m.year, best.year), cmp.Compare(m.num, best.num)); {
		case c > 0, c == 0 && m.Date.After(best.Date):
			best = m
		}
	}
	return best
}

// sessionOf finds the meeting of number want.Num among ms (SPEC §4.1): of the year written
// in name (2023年第9次, 〔2023〕9号), else of the report's year, else of the latest year.
func sessionOf(ms []MeetingStats, want Meeting, name string, year int) (MeetingStats, bool) {
	wantYear := cmp.Or(want.Year, textYear(name))
	var found *MeetingStats
	for i := range ms {
		m := &ms[i]
		if m.num != want.Num || wantYear > 0 && m.year != wantYear {
			continue
		}
		if found == nil || found.year != year && (m.year == year || m.year > found.year) {
			found = m
		}
	}
	if found == nil {
		return MeetingStats{}, false
	}
	return *found, true
}

// meetingCategories names the categories that have meetings in the report, with their latest
// session.
func meetingCategories(ms []MeetingStats) string {
	if len(ms) == 0 {
		return "（台账中没有会议类事项）"
	}
	var names []string
	seen := map[string]bool{}
	for _, m := range ms {
		if !seen[m.Category] {
			seen[m.Category] = true
			names = append(names, m.Category)
		}
	}
	for i, c := range names {
		var of []MeetingStats
		for _, m := range ms {
			if m.Category == c {
				of = append(of, m)
			}
		}
		names[i] = fmt.Sprintf("%s（最近一次：%s）", c, latest(of).Name)
	}
	return strings.Join(names, "、")
}

// candidates names up to ten meetings to choose from, the latest first.
func candidates(ms []MeetingStats) string {
	if len(ms) == 0 {
		return "（台账中没有会议类事项）"
	}
	var names []string
	for i := len(ms) - 1; i >= 0 && len(names) < 10; i-- {
		names = append(names, ms[i].Name)
	}
	s := strings.Join(names, "、")
	if len(ms) > 10 {
		s += fmt.Sprintf("等%d个会议", len(ms))
	}
	return s
}

// Brief returns the briefing on the meeting named name (as FindMeeting reads it).
func Brief(r *Report, d *Dict, name string) (*Briefing, error) {
	m, err := FindMeeting(r, d, name)
	if err != nil {
		return nil, err
	}
	b := &Briefing{AsOf: r.AsOf, Meeting: m}
	key := ""
	for i := range r.Items {
		it := &r.Items[i]
		if it.Kind == KindMeeting && it.Category == m.Category && it.MeetingName == m.Name {
			key = meetingKey(it.Meeting)
			break
		}
	}
	for i := range r.Items {
		it := &r.Items[i]
		if it.Kind == KindMeeting && it.Category == m.Category && meetingKey(it.Meeting) == key {
			b.Items = append(b.Items, it)
		}
	}
	slices.SortStableFunc(b.Items, briefOrder)
	b.Excluded, b.Checks = r.briefLeftOut(m, key)
	u := r.briefUnsent(m, key)
	b.Apart = excludedSentence(b.Excluded, msgBriefExcluded) + u.sentence(msgBriefUnsent)
	b.ApartBulletin = excludedSentence(b.Excluded, msgBulletinExcluded) + u.sentence(msgBulletinUnsent)
	b.Unheard = limitsSentence(limitOneBulletin, limitSeveralBulletin, r.leftOut(false, u.others))
	b.unknown = u.unknown || u.open
	b.Narrative = briefNarrative(b, r.AsOf)
	return b, nil
}

// briefOrder puts items with a 编号 first, in the 编号's natural order (2 before 10), then
// the others in source order.
func briefOrder(a, b *Item) int {
	ia, ib := zhtext.Fold(a.ID), zhtext.Fold(b.ID)
	if (ia == "") != (ib == "") {
		if ia != "" {
			return -1
		}
		return 1
	}
	if ia != "" {
		if c := naturalCompare(ia, ib); c != 0 {
			return c
		}
	}
	return a.Src.compare(b.Src)
}

// naturalCompare compares strings with their runs of digits compared as numbers.
func naturalCompare(a, b string) int {
	for a != "" && b != "" {
		da, db := digitRun(a), digitRun(b)
		if da > 0 && db > 0 {
			na, _ := strconv.Atoi(a[:da]) // at most 9 digits: no overflow
			nb, _ := strconv.Atoi(b[:db])
			if c := cmp.Compare(na, nb); c != 0 {
				return c
			}
			a, b = a[da:], b[db:]
			continue
		}
		ra, wa := firstRune(a)
		rb, wb := firstRune(b)
		if ra != rb {
			return cmp.Compare(ra, rb)
		}
		a, b = a[wa:], b[wb:]
	}
	return cmp.Compare(len(a), len(b))
}

func digitRun(s string) int {
	n := 0
	for n < len(s) && n < 9 && s[n] >= '0' && s[n] <= '9' {
		n++
	}
	return n
}

func firstRune(s string) (rune, int) { return utf8.DecodeRuneInString(s) }

// SpokenMeeting is how a meeting is read out: 市政府第14次常务会议 for 市政府常务会议第14次
// (the session number after the government's name, or first; 市政府2023年第9次常务会议 for a
// meeting shown with its year), else the name as shown.
func SpokenMeeting(m MeetingStats) string {
	if m.num == 0 {
		return m.Name
	}
	nth := "第" + strconv.Itoa(m.num) + "次"
	switch m.Name {
	case m.Category + nth:
	case m.Category + strconv.Itoa(m.year) + "年" + nth:
		nth = strconv.Itoa(m.year) + "年" + nth
	default:
		return m.Name
	}
	if i := strings.LastIndex(m.Category, "政府"); i >= 0 {
		i += len("政府")
		return m.Category[:i] + nth + m.Category[i:]
	}
	return nth + m.Category
}

// briefNarrative writes the sentence read out at the meeting (SPEC §9.1): the counts, then the
// overdue items with their lead units and days overdue, then the items due soon.
func briefNarrative(b *Briefing, asOf time.Time) string {
	c := b.Meeting.Counts
	var s strings.Builder
	// An open excluded row, or a unit not heard from, may be overdue: no claim that none is.
	open := slices.ContainsFunc(b.Excluded, func(x ExcludedRow) bool { return x.Open() }) || b.unknown
	if c.Items == c.Done && !open {
		fmt.Fprintf(&s, msgBriefAllDone, SpokenMeeting(b.Meeting), c.Items)
		s.WriteString(b.Apart)
		return s.String()
	}
	fmt.Fprintf(&s, msgBriefCounts, SpokenMeeting(b.Meeting), c.Items, c.Done)
	var parts []string
	if c.InProgress > 0 {
		parts = append(parts, fmt.Sprintf(msgBriefInProgress, c.InProgress))
	}
	if c.NotStarted > 0 {
		parts = append(parts, fmt.Sprintf(msgBriefNotStarted, c.NotStarted))
	}
	for _, p := range parts {
		s.WriteString("，" + p)
	}
	var overdue, soon []*Item
	for _, it := range b.Items {
		switch it.Alert {
		case AlertOverdue:
			overdue = append(overdue, it)
		case AlertDueSoon:
			soon = append(soon, it)
		}
	}
	slices.SortStableFunc(overdue, func(a, b *Item) int { return a.Deadline.Compare(b.Deadline) })
	slices.SortStableFunc(soon, func(a, b *Item) int { return a.Deadline.Compare(b.Deadline) })
	switch {
	case len(overdue) == 0 && open: // say nothing of what cannot be known
	case len(overdue) == 0:
		s.WriteString(msgBriefNoOverdue)
	default:
		fmt.Fprintf(&s, msgBriefOverdue, len(overdue))
		for i, it := range overdue {
			if i > 0 {
				s.WriteString("；")
			}
			fmt.Fprintf(&s, msgBriefOverdueItem, trimEnd(it.Content), it.Lead, days(it.Deadline, asOf))
		}
	}
	if len(soon) > 0 {
		fmt.Fprintf(&s, msgBriefDueSoon, len(soon))
		for i, it := range soon {
			if i > 0 {
				s.WriteString("；")
			}
			fmt.Fprintf(&s, msgBriefDueSoonItem, trimEnd(it.Content), it.Lead, CNDate(it.Deadline))
		}
	}
	s.WriteString("。")
	s.WriteString(b.Apart)
	return s.String()
}

// trimEnd drops the closing punctuation of an item's content, which the sentence supplies.
func trimEnd(s string) string {
	return strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}
