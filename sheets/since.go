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

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/internal/zhtext"
	"github.com/xuri/excelize/v2"
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

var colsChanges = []xlsxout.Column{
	column("变化", kText), column("类别", kText), column("会议", kText), column("事项内容", kWrap),
	column("牵头单位", kText), column("上期状态", kText), column("本期状态", kText), column("完成时限", kDate),
	column("说明", kWrap),
}

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

// Change is one line of 变化情况: Item is nil for 本期未报, Prev for 新增事项.
type Change struct {
	Kind string
	Item *Item
	Prev *PrevItem
	Note string
}

// SinceResult is the comparison of a report with the previous one.
type SinceResult struct {
	Prev     *Previous
	Changes  []Change  // grouped in the order 新增事项 … 本期未报, each group in item order
	Sentence string    // 较上期（2024年11月20日）：落实率由84.1%升至86.4%，本期办结15项，新增逾期3项。
	Problems []Problem // a warning for every 状态倒退 and 本期未报
}

// Count returns how many changes are of kind k.
func (s *SinceResult) Count(k string) int {
	n := 0
	for _, c := range s.Changes {
		if c.Kind == k {
			n++
		}
	}
	return n
}

// asOfPattern finds the as-of date in a report's title or properties.
var asOfPattern = regexp.MustCompile(`统计截止[：:]\s*(\d{4})年(\d{1,2})月(\d{1,2})日`)

// ReadPrevious reads the 事项明细 of a report duban wrote, and the 来源 of its items from the
// check file beside it (<name>_核对.xlsx) when the report has none.
func ReadPrevious(path string) (*Previous, error) {
	p := &Previous{File: filepath.Base(path)}
	items, title, err := readItemsSheet(path)
	if err != nil {
		return nil, err
	}
	p.Items = items
	if m := asOfPattern.FindStringSubmatch(title); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		p.AsOf = time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	}
	p.Year = cmp.Or(summaryYear(path), p.AsOf.Year())
	check := CheckPath(path)
	if _, err := os.Stat(check); err == nil {
		if ci, _, err := readItemsSheet(check); err == nil && len(ci) == len(items) {
			for i := range p.Items {
				if p.Items[i].Source == "" && ci[i].Content == p.Items[i].Content {
					p.Items[i].Source = ci[i].Source
				}
			}
		}
	}
	return p, nil
}

// summaryYear is the 年度 in the title of a report's 汇总 (…2024年度督查事项落实情况汇总), 0 if
// it names none.
func summaryYear(path string) int {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return 0
	}
	defer f.Close()
	title, err := f.GetCellValue(SheetSummary, "A1")
	if err != nil {
		return 0
	}
	return textYear(title)
}

// writtenItems is the 事项明细 sheet of a workbook duban wrote: its rows, the header row (0-based),
// each label's column, and the text that carries its as-of date (the title rows and the
// document's subject).
type writtenItems struct {
	file   string
	rows   [][]string
	header int
	col    map[string]int
	title  string
}

// cell returns the value under label in row i, trimmed.
func (t *writtenItems) cell(i int, label string) string {
	c, ok := t.col[label]
	if !ok || c >= len(t.rows[i]) {
		return ""
	}
	return strings.TrimSpace(t.rows[i][c])
}

// readWrittenItems reads the 事项明细 sheet of a workbook duban wrote, found by its name and its
// column labels.
func readWrittenItems(path string) (*writtenItems, error) {
	name := filepath.Base(path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf(msgPrevUnreadable, name, workbookErrText(err))
	}
	defer f.Close()
	if idx, _ := f.GetSheetIndex(SheetItems); idx < 0 {
		return nil, fmt.Errorf(msgPrevNotReport, name, SheetItems)
	}
	rows, err := f.GetRows(SheetItems)
	if err != nil {
		return nil, fmt.Errorf(msgPrevUnreadable, name, workbookErrText(err))
	}
	t := &writtenItems{file: name, rows: rows, header: -1}
	var title strings.Builder
	if p, err := f.GetDocProps(); err == nil && p != nil {
		title.WriteString(p.Subject + "\n")
	}
	for i := 0; i < len(rows) && i < 10; i++ {
		at := map[string]int{}
		for c, v := range rows[i] {
			at[strings.TrimSpace(v)] = c
		}
		_, content := at[FieldContent.String()]
		_, lead := at[FieldLead.String()]
		if content && lead {
			t.header, t.col = i, at
			break
		}
		title.WriteString(strings.Join(rows[i], " ") + "\n")
	}
	if t.header < 0 {
		return nil, fmt.Errorf(msgPrevNoHeader, name, SheetItems)
	}
	t.title = title.String()
	return t, nil
}

// readItemsSheet reads the items of a report's 事项明细 and the text carrying its as-of date.
func readItemsSheet(path string) ([]PrevItem, string, error) {
	t, err := readWrittenItems(path)
	if err != nil {
		return nil, "", err
	}
	var items []PrevItem
	for i := t.header + 1; i < len(t.rows); i++ {
		content := t.cell(i, FieldContent.String())
		if content == "" {
			continue // a note below the table
		}
		it := PrevItem{
			Row: i + 1, ID: t.cell(i, FieldID.String()), Category: t.cell(i, FieldCategory.String()),
			MeetingName: t.cell(i, FieldMeeting.String()), Content: content, Lead: t.cell(i, FieldLead.String()),
			Alert: t.cell(i, "预警"), Source: t.cell(i, "来源"),
		}
		it.Status, _ = statusClass(t.cell(i, FieldStatus.String()))
		it.Deadline, _ = ParseDate(t.cell(i, FieldDeadline.String()), false)
		items = append(items, it)
	}
	return items, t.title, nil
}

// itemsAsRows reads a report's 事项明细 as the rows of a ledger, for a report used as the
// master list of the next round: every canonical column the sheet has, by its label.
func itemsAsRows(path string) ([]RawRow, error) {
	t, err := readWrittenItems(path)
	if err != nil {
		return nil, err
	}
	var cols [NumFields]int
	for f := Field(0); f < NumFields; f++ {
		if c, ok := t.col[f.String()]; ok {
			cols[f] = c + 1
		}
	}
	var raws []RawRow
	for i := t.header + 1; i < len(t.rows); i++ {
		if t.cell(i, FieldContent.String()) == "" {
			continue
		}
		r := RawRow{Pos: Pos{File: t.file, Sheet: SheetItems, Row: i + 1}, Cols: cols, Parent: t.cell(i, labelParent)}
		for f := Field(0); f < NumFields; f++ {
			if cols[f] > 0 {
				r.Vals[f] = t.cell(i, f.String())
			}
		}
		raws = append(raws, r)
	}
	return raws, nil
}

// isReport reports whether the workbook at path is a report duban wrote: its mark, or its
// 汇总 and 事项明细 sheets.
func isReport(path string) bool {
	f, err := excelize.OpenFile(path)
	if err != nil {
		return false
	}
	defer f.Close()
	if IsOwnReport(f) {
		return true
	}
	a, _ := f.GetSheetIndex(SheetSummary)
	b, _ := f.GetSheetIndex(SheetItems)
	return a >= 0 && b >= 0
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

	groups := map[string][]Change{}
	for i := range r.Items {
		it := &r.Items[i]
		var prev *PrevItem
		if match[i] >= 0 {
			prev = &p.Items[match[i]]
		}
		if c, ok := change(it, prev, r.AsOf); ok {
			groups[c.Kind] = append(groups[c.Kind], c)
			if c.Kind == ChangeRegressed {
				res.Problems = append(res.Problems, Problem{Pos: it.Src, Level: Warning, Field: FieldStatus.String(),
					Raw: it.StatusRaw, Msg: fmt.Sprintf(msgRegressed, CNDate(p.AsOf), prev.Status, it.Status)})
			}
		}
	}
	for j := range p.Items {
		if used[j] {
			continue
		}
		pi := &p.Items[j]
		note := msgUnreportedNote
		if pi.Source != "" {
			note += fmt.Sprintf(msgUnreportedFrom, pi.Source)
		}
		groups[ChangeUnreported] = append(groups[ChangeUnreported], Change{Kind: ChangeUnreported, Prev: pi, Note: note})
		res.Problems = append(res.Problems, Problem{Pos: Pos{File: p.File, Sheet: SheetItems, Row: pi.Row}, Level: Warning,
			Field: FieldContent.String(), Raw: pi.Content, Msg: fmt.Sprintf(msgUnreported, pi.Lead, pi.MeetingName)})
	}
	for _, k := range changeOrder {
		res.Changes = append(res.Changes, groups[k]...)
	}
	res.Sentence = sinceSentence(r, res)
	return res
}

// AddSince compares r with the previous report p and records the result in r: r.Since for
// the sheet 变化情况 and the 较上期 line, its warnings among r's problems, and the 较上期
// sentence at the end of the narrative.
func AddSince(r *Report, p *Previous) {
	s := Since(r, p)
	r.Since = s
	r.Problems = append(r.Problems, s.Problems...)
	SortProblems(r.Problems)
	r.Narrative += s.Sentence
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
		c.Kind, c.Note = ChangeRegressed, fmt.Sprintf(msgRegressedNote, prev.Status, it.Status)
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
	fmt.Fprintf(&b, "较上期（%s）：", prevDate(s.Prev))
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
	if n := s.Count(ChangeUnreported); n > 0 {
		fmt.Fprintf(&b, msgSinceUnreported, n)
	}
	b.WriteString("。")
	return b.String()
}

// prevDate is the previous report's as-of date, or its file name when the date is unknown.
func prevDate(p *Previous) string {
	if p.AsOf.IsZero() {
		return p.File
	}
	return CNDate(p.AsOf)
}

// ChangesTable is the sheet 变化情况 for the report (the report's writer appends it); the 变化
// cell is red for 新增逾期 and 仍逾期, yellow for 状态倒退 and 本期未报.
func ChangesTable(s *SinceResult, asOf time.Time) *xlsxout.Table {
	return &xlsxout.Table{
		Name: SheetChanges, Titles: []string{"变化情况（统计截止：" + CNDate(asOf) + "，上期：" + prevDate(s.Prev) + "）"},
		Cols: colsChanges, N: len(s.Changes), Empty: "与上期相比没有变化", Signal: 1,
		Notes: []string{s.Sentence},
		Row: func(i int, v []any) xlsxout.Tone {
			c := &s.Changes[i]
			v[0] = c.Kind
			if it := c.Item; it != nil {
				v[1], v[2], v[3], v[4] = it.Category, it.MeetingName, it.Content, it.Lead
				v[6], v[7] = it.Status.String(), xlsxout.DateValue(it.Deadline)
			} else {
				pi := c.Prev
				v[1], v[2], v[3], v[4] = pi.Category, pi.MeetingName, pi.Content, pi.Lead
				v[7] = xlsxout.DateValue(pi.Deadline)
			}
			if c.Prev != nil {
				v[5] = c.Prev.Status.String()
			}
			v[8] = c.Note
			switch c.Kind {
			case ChangeOverdue, ChangeStillDue:
				return xlsxout.Red
			case ChangeRegressed, ChangeUnreported:
				return xlsxout.Yellow
			}
			return xlsxout.None
		},
	}
}
