package sheets

import (
	"cmp"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// Since the last report (较上期, SPEC §9.3): the items of a report duban wrote earlier, read
// back from its 事项明细, are matched with the current items by the merge identity (SPEC §6),
// so that no item disappears between two reports without a word.

// Changes (变化) of an item since the previous report, in the order of the 变化情况 sheet.
const (
	ChangeNew        = "新增事项"
	ChangeFinished   = "本期办结"
	ChangeOverdue    = "新增逾期"
	ChangeStillDue   = "仍逾期"
	ChangeRegressed  = "状态倒退"
	ChangeUnreported = "本期未报"
)

var changeOrder = []string{ChangeNew, ChangeFinished, ChangeOverdue, ChangeStillDue, ChangeRegressed, ChangeUnreported}

// SheetChanges is the report's sheet of changes since the previous report.
const SheetChanges = "变化情况"

// PrevItem is one row of a previous report's 事项明细.
type PrevItem struct {
	Row         int // the row in 事项明细
	ID          string
	Category    string
	MeetingName string
	Content     string
	Lead        string
	Deadline    time.Time
	Status      Status
	Alert       string
	Source      string // 来源 (from the report, or from the check file beside it), if known
	// The rest of the row, for the reminder of a unit that sent nothing this round, which
	// lists its items as last reported (SPEC §9.2).
	MeetingDate, Done                  time.Time
	Parent, Co, Leader, Progress, Note string
}

// Previous is a report duban wrote earlier, as read back.
type Previous struct {
	File string // base name
	AsOf time.Time
	// Year is the report's 年度 (in its 汇总's title), which its meetings shown without a
	// year are of; else its as-of year.
	Year  int
	Items []PrevItem
}

// Change is one line of 变化情况: Item is nil for 本期未报, Prev for 新增事项, and both for the
// one line of a unit none of whose items came.
type Change struct {
	Kind string
	Item *Item
	Prev *PrevItem
	// Note is the 说明 for the leaders: plain facts (本期未报送, 已逾期29天, 上期无此事项).
	Note string
	// Check is the 说明 in the check file's 变化情况, with 请核实 and where the previous row came
	// from; empty when it is Note.
	Check string
	// Unit is the unit of the one line that stands for all its items when none of them came,
	// Before how many there were in the previous report, and Absent whether the unit was not
	// heard from at all (SPEC §7).
	Unit   string
	Before int
	Absent bool
}

// SinceResult is the comparison of a report with the previous one.
type SinceResult struct {
	Prev *Previous
	// Changes are the lines of the report's 变化情况, grouped in the order 新增事项 … 本期未报,
	// each group in item order; a unit none of whose items came is one line, after the
	// items of its group.
	Changes []Change
	// Detail are the lines of the check file's 变化情况: every item's change, each with its
	// source, in the same order.
	Detail   []Change
	Sentence string    // 较上期（2024年11月20日）：落实率由84.1%升至86.4%，本期办结15项，新增逾期3项。
	Problems []Problem // a warning for every 状态倒退, and for every 本期未报 of a unit some of whose items came
}

// Count returns how many items changed by kind k (the lines of Detail).
func (s *SinceResult) Count(k string) int {
	n := 0
	for _, c := range s.Detail {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// asOfPattern finds the as-of date in a report's title or properties.
var asOfPattern = regexp.MustCompile(`统计截止[：:]\s*(\d{4})年(\d{1,2})月(\d{1,2})日`)

// ReadPrevious reads the 事项明细 of a report duban wrote, and the 来源 of its items from the
// check file beside it (<name>_核对.xlsx) when the report has none. The report is read whole,
// as a unit's file is (opt's limits; a damaged one is refused, never read in part), and its
// statuses are read through the dictionary d, so that one retyped as 已完成 counts as 已落实.
func ReadPrevious(path string, d *Dict, opt ReadOptions) (*Previous, error) {
	name := filepath.Base(path)
	book, err := openBook(path, opt)
	if err != nil {
		return nil, fmt.Errorf(msgPrevUnreadable, name, err)
	}
	t, err := writtenItems(name, book)
	if err != nil {
		return nil, err
	}
	p := &Previous{File: name, Items: t.prevItems(d)}
	if m := asOfPattern.FindStringSubmatch(t.title); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		day, _ := strconv.Atoi(m[3])
		p.AsOf = time.Date(y, time.Month(mo), day, 0, 0, 0, 0, time.UTC)
	}
	p.Year = cmp.Or(summaryYear(book), p.AsOf.Year())
	p.addSources(CheckPath(path), d, opt)
	return p, nil
}

// summaryYear is the 年度 in the title of a report's 汇总 (…2024年度督查事项落实情况汇总), 0 if
// it names none.
func summaryYear(book *xlsx.Book) int {
	s := sheet(book, SheetSummary)
	if s == nil || len(s.Rows) == 0 || s.Rows[0].N != 1 || len(s.Rows[0].Cells) == 0 {
		return 0
	}
	return textYear(s.Rows[0].Cells[0].Value)
}

// addSources takes the 来源 of the items from the check file at check, when it is there, can
// be read whole and lists the same items.
func (p *Previous) addSources(check string, d *Dict, opt ReadOptions) {
	if _, err := os.Stat(check); err != nil {
		return
	}
	book, err := openBook(check, opt)
	if err != nil {
		return
	}
	t, err := writtenItems(filepath.Base(check), book)
	if err != nil {
		return
	}
	ci := t.prevItems(d)
	if len(ci) != len(p.Items) {
		return
	}
	for i := range p.Items {
		if p.Items[i].Source == "" && ci[i].Content == p.Items[i].Content {
			p.Items[i].Source = ci[i].Source
		}
	}
}

// sinceKeys are the identities of an item for the comparison: by 编号 (within category, unit
// and meeting) and by content (category, meeting, content without spaces and punctuation,
// unit). Meetings are compared by the name reports show, which is canonical on both sides,
// in the year of its report (sinceMeeting).
func sinceKeys(id, cat, meeting, content, lead string, year int) (byID, byContent string) {
	m := sinceMeeting(meeting, year)
	if f := zhtext.Fold(id); f != "" {
		byID = cat + "\x00#" + f + "\x00" + lead + "\x00" + m
	}
	return byID, cat + "\x00" + m + "\x00" + zhtext.Fold(content) + "\x00" + lead
}

// sinceMeeting is the identity of a meeting shown as name in a report of year (SPEC §4.1,
// §9.3): a numbered meeting by its number and year — written in the name (2023年第9次,
// 〔2023〕5号), else the report's 年度 — so that last year's report's 第9次 is this year's
// 2023年第9次; any other by its name folded.
func sinceMeeting(name string, year int) string {
	num, docYear := zhtext.MeetingNumber(name)
	if num == 0 {
		return zhtext.Fold(name)
	}
	return meetingKey(Meeting{Num: num, Year: cmp.Or(docYear, textYear(name), year)})
}

// Since compares r with the previous report p (SPEC §9.3). An item matches by 编号 when both
// sides have one (so reworded content still matches), else by content.
func Since(r *Report, p *Previous) *SinceResult {
	res := &SinceResult{Prev: p}
	byID := map[string]int{}
	byContent := map[string][]int{}
	for i := range p.Items {
		pi := &p.Items[i]
		id, content := sinceKeys(pi.ID, pi.Category, pi.MeetingName, pi.Content, pi.Lead, p.Year)
		if id != "" {
			byID[id] = i
		}
		byContent[content] = append(byContent[content], i)
	}
	used := make([]bool, len(p.Items))
	match := make([]int, len(r.Items))
	// 编号 first, so that a reworded item is not taken by content for another.
	for i := range r.Items {
		it := &r.Items[i]
		match[i] = -1
		id, _ := sinceKeys(it.ID, it.Category, it.MeetingName, it.Content, it.Lead, r.Year)
		if j, ok := byID[id]; ok && id != "" && !used[j] {
			match[i], used[j] = j, true
		}
	}
	for i := range r.Items {
		if match[i] >= 0 {
			continue
		}
		it := &r.Items[i]
		_, content := sinceKeys(it.ID, it.Category, it.MeetingName, it.Content, it.Lead, r.Year)
		for _, j := range byContent[content] {
			// 编号 on both sides decides: different numbers are different items.
			if used[j] || zhtext.Fold(it.ID) != "" && zhtext.Fold(p.Items[j].ID) != "" {
				continue
			}
			match[i], used[j] = j, true
			break
		}
	}
	matchLoosely(r, p, match, used)

	groups, detail := map[string][]Change{}, map[string][]Change{}
	came := map[string]bool{} // units some of whose items came
	for i := range r.Items {
		it := &r.Items[i]
		came[it.Lead] = true
		var prev *PrevItem
		if match[i] >= 0 {
			prev = &p.Items[match[i]]
		}
		if c, ok := change(it, prev, r.AsOf); ok {
			groups[c.Kind] = append(groups[c.Kind], c)
			detail[c.Kind] = append(detail[c.Kind], c)
			if c.Kind == ChangeRegressed {
				res.Problems = append(res.Problems, Problem{Pos: it.Src, Scope: ScopeRow, Level: Warning, Kind: StatusRegressed, Field: FieldStatus.String(),
					Raw: it.StatusRaw, Msg: fmt.Sprintf(msgRegressed, CNDate(p.AsOf), prev.Status, it.Status)})
			}
		}
	}
	gone := res.gone(p, used, came, r.hearing())
	groups[ChangeUnreported] = append(groups[ChangeUnreported], gone.items...)
	groups[ChangeUnreported] = append(groups[ChangeUnreported], gone.units...)
	detail[ChangeUnreported] = gone.detail
	for _, k := range changeOrder {
		res.Changes = append(res.Changes, groups[k]...)
		res.Detail = append(res.Detail, detail[k]...)
	}
	res.Sentence = sinceSentence(r, res)
	return res
}

// goneItems are the previous report's items no current item matched: the lines of items of
// units some of whose items came, one line per unit none of whose items came, and the lines
// of every item for the check file.
type goneItems struct {
	items, units, detail []Change
}

// gone lists the previous items no current item matched (used), in the previous report's
// order. An item of a unit some of whose items came is a line of its own and a warning; the
// items of a unit none of whose came are one line (市生态环境局本期未报送，上期20项), with one
// warning when the unit was heard from (its rows excluded, say) and none when it was not,
// which Build warns of once (SPEC §7).
func (res *SinceResult) gone(p *Previous, used []bool, came map[string]bool, h hearing) goneItems {
	var g goneItems
	at := map[string]int{} // unit → index in g.units
	overdue := map[string]int{}
	for j := range p.Items {
		if used[j] {
			continue
		}
		pi := &p.Items[j]
		from := ""
		if pi.Source != "" {
			from = fmt.Sprintf(msgUnreportedFrom, pi.Source)
		}
		c := Change{Kind: ChangeUnreported, Prev: pi, Note: msgGoneNote, Check: msgUnreportedNote + from}
		if came[pi.Lead] || pi.Lead == "" { // an item without a unit stands alone
			g.items = append(g.items, c)
			g.detail = append(g.detail, c)
			res.Problems = append(res.Problems, Problem{Pos: Pos{File: p.File, Sheet: SheetItems, Row: pi.Row}, Scope: ScopeRow, Level: Warning, Kind: PreviousUnreported,
				Field: FieldContent.String(), Raw: pi.Content, Msg: fmt.Sprintf(msgUnreported, pi.Lead, pi.MeetingName)})
			continue
		}
		absent := !h.from(pi.Lead)
		if absent {
			c.Check = msgAbsentItemNote + from
		}
		g.detail = append(g.detail, c)
		i, ok := at[pi.Lead]
		if !ok {
			i = len(g.units)
			at[pi.Lead] = i
			g.units = append(g.units, Change{Kind: ChangeUnreported, Unit: pi.Lead, Absent: absent})
		}
		g.units[i].Before++
		if pi.Alert == AlertOverdue {
			overdue[pi.Lead]++
		}
	}
	for i := range g.units {
		u := &g.units[i]
		if u.Absent {
			had := Absence{Unit: u.Unit, Before: u.Before, BeforeOverdue: overdue[u.Unit]}.Had()
			u.Note = fmt.Sprintf(msgAbsentRow, u.Unit, had)
			continue
		}
		u.Note = fmt.Sprintf(msgSilentRow, u.Unit, u.Before)
		res.Problems = append(res.Problems, Problem{Pos: Pos{File: p.File}, Scope: ScopeRun, Level: Warning, Kind: PreviousUnreported,
			Field: FieldLead.String(), Raw: u.Unit, Msg: fmt.Sprintf(msgSilentItems, u.Unit, u.Before)})
	}
	return g
}

// matchLoosely matches the items left over by category, content and unit alone, where that
// is unique on both sides: the same item under a meeting named differently in the two reports
// (常务会议 one month, 第5次 the next) is not 本期未报 and 新增事项 at once.
func matchLoosely(r *Report, p *Previous, match []int, used []bool) {
	key := func(cat, content, lead string) string { return cat + "\x00" + zhtext.Fold(content) + "\x00" + lead }
	prevBy := map[string][]int{}
	for j := range p.Items {
		if !used[j] {
			pi := &p.Items[j]
			k := key(pi.Category, pi.Content, pi.Lead)
			prevBy[k] = append(prevBy[k], j)
		}
	}
	curBy := map[string][]int{}
	for i := range r.Items {
		if match[i] < 0 {
			it := &r.Items[i]
			k := key(it.Category, it.Content, it.Lead)
			curBy[k] = append(curBy[k], i)
		}
	}
	for k, is := range curBy {
		js := prevBy[k]
		if len(is) != 1 || len(js) != 1 {
			continue
		}
		i, j := is[0], js[0]
		if a, b := zhtext.Fold(r.Items[i].ID), zhtext.Fold(p.Items[j].ID); a != "" && b != "" && a != b {
			continue
		}
		match[i], used[j] = j, true
	}
}

// change classifies one current item against its previous state (prev nil: not in the
// previous report). Unchanged items give false.
func change(it *Item, prev *PrevItem, asOf time.Time) (Change, bool) {
	c := Change{Item: it, Prev: prev}
	overdue := it.Alert == AlertOverdue
	switch {
	case prev == nil && overdue:
		c.Kind, c.Note = ChangeOverdue, fmt.Sprintf(msgNewAndOverdue, days(it.Deadline, asOf))
	case prev == nil:
		c.Kind = ChangeNew
	case it.Status < prev.Status:
		c.Kind, c.Note = ChangeRegressed, fmt.Sprintf(msgRegressedFact, prev.Status, it.Status)
		c.Check = fmt.Sprintf(msgRegressedNote, prev.Status, it.Status)
	case it.Status == Done && prev.Status != Done:
		c.Kind = ChangeFinished
		if !it.Done.IsZero() {
			c.Note = "完成日期" + it.Done.Format(time.DateOnly)
		}
	case overdue && prev.Alert != AlertOverdue:
		c.Kind, c.Note = ChangeOverdue, fmt.Sprintf(msgOverdueDays, days(it.Deadline, asOf))
	case overdue:
		c.Kind, c.Note = ChangeStillDue, fmt.Sprintf(msgOverdueDays, days(it.Deadline, asOf))
	default:
		return c, false
	}
	return c, true
}

// tenths is a ratio in tenths of a percent, rounded half up (as Percent shows it).
func tenths(num, den int) int {
	if den == 0 {
		return 0
	}
	return (num*2000 + den) / (den * 2)
}

// sinceSentence writes the 较上期 line (SPEC §9.3). The rates are compared as shown, to one
// decimal: equal figures are 持平.
func sinceSentence(r *Report, s *SinceResult) string {
	prevDone := 0
	for _, pi := range s.Prev.Items {
		if pi.Status == Done {
			prevDone++
		}
	}
	before, now := Percent(prevDone, len(s.Prev.Items)), Percent(r.Total.Done, r.Total.Items)
	var b strings.Builder
	fmt.Fprintf(&b, "较上期（%s）：", s.Prev.Date())
	switch a, c := tenths(prevDone, len(s.Prev.Items)), tenths(r.Total.Done, r.Total.Items); {
	case c > a:
		fmt.Fprintf(&b, msgRateUp, before, now)
	case c < a:
		fmt.Fprintf(&b, msgRateDown, before, now)
	default:
		fmt.Fprintf(&b, msgRateSame, now)
	}
	fmt.Fprintf(&b, msgSinceCounts, s.Count(ChangeFinished), s.Count(ChangeOverdue))
	if n := s.Count(ChangeRegressed); n > 0 {
		fmt.Fprintf(&b, msgSinceRegressed, n)
	}
	var unreported int
	var absent []string
	for _, c := range s.Changes {
		switch {
		case c.Kind != ChangeUnreported:
		case c.Unit == "":
			unreported++
		case c.Absent:
			absent = append(absent, fmt.Sprintf(msgSinceAbsentOne, c.Unit, c.Before))
		default:
			unreported += c.Before
		}
	}
	if unreported > 0 {
		fmt.Fprintf(&b, msgSinceUnreported, unreported)
	}
	if len(absent) > 0 {
		fmt.Fprintf(&b, msgSinceAbsent, strings.Join(absent, "、"))
	}
	b.WriteString("。")
	return b.String()
}

// Date is the previous report's as-of date, or its file name when the date is unknown.
func (p *Previous) Date() string {
	if p.AsOf.IsZero() {
		return p.File
	}
	return CNDate(p.AsOf)
}
