package sheets

import (
	"cmp"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/duban/duban/internal/zhtext"
)

// A master list (交办清单) is the office's list of assigned items, in any layout the reader
// accepts and without a 落实状态 column. It is split into pre-filled forms (duban template
// --from) and reconciled against what the units sent back (duban report --expect).

// UnitRows are the master-list rows of one lead unit, in the list's order.
type UnitRows struct {
	Unit string
	Rows []RawRow
	// Kept is set when the list is a report duban wrote (SPEC §9.3): its rows carry each item's
	// last 落实状态, 完成日期 and 进展情况, which the form keeps for the unit to change.
	Kept bool
	// Excluded marks, by index in Rows, the rows the report's run excluded by errors (from its
	// check file), sent back to be checked and filled in.
	Excluded []bool
}

// masterRow is a master-list row with its item identity (ok false when the row is not a
// valid item, e.g. an unreadable deadline) and its lead unit.
type masterRow struct {
	raw  RawRow
	item Item
	ok   bool
	lead string
}

// readMaster reads and validates a master list, opened once: a 交办清单 in any layout the
// reader accepts, or a report duban wrote, by its 事项明细. Either is read whole or refused as
// a unit's file is (a damaged one is never read in part). ok is false when the file cannot be
// used at all; probs are the reader's and the row rules' findings (without 落实状态, which a
// master list does not have); report is set when the list is a report duban wrote. year is
// the reporting year its meetings without one take, 0 for the as-of year's; a report's own
// 年度 (in its 汇总's title) takes its place.
func readMaster(path string, d *Dict, asOf time.Time, year int, ro ReadOptions) (rows []masterRow, probs []Problem, ok, report bool) {
	name := cmp.Or(ro.Name, filepath.Base(path))
	book, err := openBook(path, ro)
	if err != nil {
		return nil, []Problem{{Pos: Pos{File: name}, Scope: ScopeFile, Level: Error, Kind: FileUnreadable, Msg: err.Error()}}, false, false
	}
	l := readBook(name, book, d, ro)
	raws, probs := l.Rows, l.Problems
	if fileFailed(probs) && isReport(book) {
		// A report duban wrote, as the master list of the next round: its 事项明细.
		t, err := writtenItems(name, book)
		if err != nil {
			return nil, []Problem{{Pos: Pos{File: name}, Scope: ScopeFile, Level: Error, Kind: FileUnreadable, Msg: err.Error()}}, false, false
		}
		raws, probs, report = t.asRows(), nil, true
		// Its meetings shown without a year are of its own 年度 (SPEC §4.1), not of this run's.
		year = cmp.Or(summaryYear(book), year)
	}
	if fileFailed(probs) {
		return nil, probs, false, false
	}
	v := NewValidator(d, asOf)
	v.Assigned = true
	if year > 0 {
		v.Year = RunYear{year, yearFromReport}
	}
	for _, r := range raws {
		mr := masterRow{raw: r, lead: d.leadOf(r.Vals[FieldLead])} // one lead, as the row rules take it
		if mr.lead == "" {
			probs = append(probs, Problem{Pos: r.Cell(FieldLead), Scope: ScopeCell, Level: Error, Kind: MasterNoLead, Field: FieldLead.String(), Msg: msgMasterNoLead})
		} else {
			mr.lead, _ = d.Unit(mr.lead)
		}
		// The office assigns items; whether they are done is the units' to say.
		r.Vals[FieldStatus] = NotStarted.String()
		r.Vals[FieldDone] = ""
		it, ps, valid := v.Row(&r)
		mr.item, mr.ok = it, valid
		if report && valid {
			// The form made from it names the meeting with its year, so that it reads back as
			// that year's meeting whenever the unit returns it.
			mr.raw.Vals[FieldMeeting] = it.DatedMeetingName()
		}
		for _, p := range ps {
			if p.Field != FieldLead.String() || p.Level == Warning {
				probs = append(probs, p)
			}
		}
		rows = append(rows, mr)
	}
	SortProblems(probs)
	return rows, probs, true, report
}

// SplitByUnit reads a master list and groups its items by 牵头单位 (units in the order they
// first appear). Rows without a lead unit are left out with an error. ok is false when the
// file cannot be read at all. A report duban wrote as the list (SPEC §9.3) gives rows that
// keep their last status, and then each unit's rows that its run excluded by errors, marked.
func SplitByUnit(path string, d *Dict, ro ReadOptions) (units []UnitRows, probs []Problem, ok bool) {
	rows, probs, ok, report := readMaster(path, d, time.Now(), 0, ro)
	if !ok {
		return nil, probs, false
	}
	at := map[string]int{}
	add := func(lead string, r RawRow, excluded bool) {
		i, seen := at[lead]
		if !seen {
			i = len(units)
			at[lead] = i
			units = append(units, UnitRows{Unit: lead, Kept: report})
		}
		u := &units[i]
		u.Rows = append(u.Rows, r)
		u.Excluded = append(u.Excluded, excluded)
	}
	for _, r := range rows {
		if r.lead != "" && strings.TrimSpace(r.raw.Vals[FieldContent]) != "" {
			add(r.lead, r.raw, false)
		}
	}
	if report {
		ex, ps := previousExcluded(path, d, ro)
		probs = append(probs, ps...)
		for _, r := range ex {
			lead, _ := d.Unit(d.leadOf(r.Vals[FieldLead]))
			add(lead, r, true)
		}
	}
	return units, probs, true
}

// Master is a master list (交办清单) as read for reconciling the reports with it (--expect).
type Master struct {
	// File is the list's name in its problems.
	File string
	rows []masterRow
	// report is set when the list is a report duban wrote: it knows only the meetings that had
	// items, so it is no record of the meetings held (SPEC §9.3).
	report bool
	// Problems are the list's own problems, at their cells as a ledger's (SPEC §9.3).
	Problems []Problem
}

// ReadMaster reads the master list at expectPath for reconciling (SPEC §9). A list that cannot
// be used is an error.
func ReadMaster(expectPath string, o Options) (*Master, error) {
	rows, probs, ok, report := readMaster(expectPath, o.Dict, o.AsOf, o.Year, o.Read)
	if !ok {
		msg := "无法读取"
		for _, p := range probs {
			if p.failsFile() {
				msg = p.Msg
				break
			}
		}
		return nil, fmt.Errorf(msgMasterUnusable, expectPath, msg)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf(msgMasterEmpty, expectPath)
	}
	if !slices.ContainsFunc(rows, func(mr masterRow) bool { return mr.lead != "" }) {
		return nil, fmt.Errorf(msgMasterNoLeads, expectPath)
	}
	name := cmp.Or(o.Read.Name, filepath.Base(expectPath))
	return &Master{File: name, rows: rows, report: report, Problems: probs}, nil
}

// Reconcile compares the merged items with the master list (SPEC §9): every assigned item
// that no unit reported is Missing, with the master list's columns and 牵头单位; every unit
// with assigned items that reported none at all is Unreported. Items are matched by the
// identity used in merging — category, meeting, content and lead unit, or 编号 when both sides
// have one.
func (m *Master) Reconcile(d *Dict, items []Item) *Reconciliation {
	rec, _ := m.against(d, items)
	return rec
}

// against reconciles the merged items with the master list, and returns the meetings the list
// names, by category: the record of the meetings held (meetingKeys). Categories the dictionary
// does not know get one kind over the list and the items.
func (m *Master) against(d *Dict, items []Item) (*Reconciliation, map[string]map[string]bool) {
	master := make([]Item, len(m.rows))
	for i := range m.rows {
		master[i] = m.rows[i].item
	}
	unifyKinds(d, master, items)
	rows := slices.Clone(m.rows)
	for i := range rows {
		rows[i].item = master[i]
	}
	back := indexReported(items)
	fields := masterColumns(rows)
	rec := &Reconciliation{}
	for _, f := range fields {
		rec.Headers = append(rec.Headers, f.String())
	}
	rec.Missing, rec.Unreported = back.compare(rows, fields)
	rec.report = m.report
	if m.report {
		return rec, nil // 召开/涉及 and the gaps as without a master list
	}
	meetings := meetingKeys(master)
	rec.listed = map[string]bool{}
	for c := range meetings {
		rec.listed[c] = true
	}
	return rec, meetings
}

// ListedMeetings are the meeting categories of r, in 汇总's order, whose meetings a 交办清单
// names (--expect): their 会议次数 are the meetings of the list, which are all that were held,
// and their session numbers are not searched for gaps (SPEC §7). None without a 交办清单, or
// with a report duban wrote as the master list.
func (r *Report) ListedMeetings() []string {
	var cs []string
	for _, c := range r.Categories {
		if r.Expect != nil && r.Expect.listed[c.Name] && c.Kind == KindMeeting {
			cs = append(cs, c.Name)
		}
	}
	return cs
}

// reported is what the units sent back, indexed to find the master list's items in it.
type reported struct {
	ids     map[string]bool // 编号 of reported items, with their identity and loosely
	keys    map[string]bool // identity of reported items without 编号
	allKeys map[string]bool // identity of all reported items
	loose   map[string]bool // content and lead unit of all reported items
	units   map[string]bool // units that reported anything
}

func indexReported(items []Item) *reported {
	s := &reported{ids: map[string]bool{}, keys: map[string]bool{}, allKeys: map[string]bool{},
		loose: map[string]bool{}, units: map[string]bool{}}
	for i := range items {
		it := &items[i]
		s.units[it.Lead] = true
		s.loose[looseKey(it.Content, it.Lead)] = true
		s.allKeys[itemKey(it)] = true
		if zhtext.Fold(it.ID) == "" {
			s.keys[itemKey(it)] = true
			continue
		}
		base, exact := idKeys(it)
		s.ids[base] = true
		s.ids[looseKey(it.ID, it.Lead)] = true
		if exact == "" {
			s.ids[base+"\x00?"] = true
		} else {
			s.ids[exact] = true
		}
	}
	return s
}

// masterColumns are the columns of 漏报事项: the master list's own, in its column order,
// then 牵头单位 if it has none.
func masterColumns(rows []masterRow) []Field {
	present := map[Field]int{}
	for _, mr := range rows {
		for f := Field(0); f < NumFields; f++ {
			if c := mr.raw.Cols[f]; c > 0 && present[f] == 0 {
				present[f] = c
			}
		}
	}
	var fields []Field
	for f := range present {
		fields = append(fields, f)
	}
	slices.SortFunc(fields, func(a, b Field) int { return cmp.Or(cmp.Compare(present[a], present[b]), cmp.Compare(a, b)) })
	if present[FieldLead] == 0 {
		fields = append(fields, FieldLead)
	}
	return fields
}

// compare returns the master list's rows that did not come back, as lines of fields, and
// the units that sent nothing back, most items due first.
func (s *reported) compare(rows []masterRow, fields []Field) (missing [][]string, unreported []UnitDue) {
	due := map[string]int{}
	var order []string
	for _, mr := range rows {
		if mr.lead == "" || strings.TrimSpace(mr.raw.Vals[FieldContent]) == "" {
			continue // not an item: reported at its cell when the list was read
		}
		if due[mr.lead] == 0 {
			order = append(order, mr.lead)
		}
		due[mr.lead]++
		if s.matched(&mr) {
			continue
		}
		line := make([]string, len(fields))
		for i, f := range fields {
			line[i] = masterValue(&mr, f)
		}
		missing = append(missing, line)
	}
	for _, u := range order {
		if !s.units[u] {
			unreported = append(unreported, UnitDue{Unit: u, Items: due[u]})
		}
	}
	slices.SortStableFunc(unreported, func(a, b UnitDue) int { return cmp.Compare(b.Items, a.Items) })
	return missing, unreported
}

// Line is the line under the narrative on 汇总 and stdout naming the items of the master list
// that no unit reported (SPEC §9): 对照交办清单，漏报事项22项（市生态环境局20项、市交通运输局2项），
// 见“漏报事项”工作表。 The 通报 (sheet false) leaves out the sheet. Empty without a master list
// (rc nil) or when every item came back.
func (rc *Reconciliation) Line(sheet bool) string {
	if rc == nil || len(rc.Missing) == 0 {
		return ""
	}
	list := lineMasterList
	if rc.report {
		list = lineMasterReport
	}
	all := rc.missingBy()
	by := all
	if len(by) > 5 {
		by = by[:3] // 甲20项、乙2项、丙1项等7个单位
	}
	var units []string
	for _, u := range by {
		units = append(units, fmt.Sprintf(lineMissingUnit, u.Unit, u.Items))
	}
	named := strings.Join(units, "、")
	if len(by) < len(all) {
		named += fmt.Sprintf(lineMissingMore, len(all))
	}
	s := fmt.Sprintf(lineMissing, list, len(rc.Missing))
	if named != "" {
		s += "（" + named + "）"
	}
	if sheet {
		return s + fmt.Sprintf(lineMissingSheet, SheetMissing)
	}
	return s + "。"
}

// missingBy counts the Missing items by their 牵头单位 (the column 漏报事项 always has), most
// first, then in the list's order.
func (rc *Reconciliation) missingBy() []UnitDue {
	col := slices.Index(rc.Headers, FieldLead.String())
	if col < 0 {
		return nil
	}
	var by []UnitDue
	for _, line := range rc.Missing {
		if col >= len(line) {
			continue
		}
		i := slices.IndexFunc(by, func(u UnitDue) bool { return u.Unit == line[col] })
		if i < 0 {
			i = len(by)
			by = append(by, UnitDue{Unit: line[col]})
		}
		by[i].Items++
	}
	slices.SortStableFunc(by, func(a, b UnitDue) int { return cmp.Compare(b.Items, a.Items) })
	return by
}

// matched reports whether a master-list item came back in the reports.
func (s *reported) matched(mr *masterRow) bool {
	if !mr.ok {
		if id := mr.raw.Vals[FieldID]; zhtext.Fold(id) != "" && s.ids[looseKey(id, mr.lead)] {
			return true
		}
		// A master-list row that is not a valid item (reported when the list was read) is
		// matched on its content and lead unit alone.
		return s.loose[looseKey(mr.raw.Vals[FieldContent], mr.lead)]
	}
	id := zhtext.Fold(mr.item.ID)
	if id != "" {
		// The same 编号 in the same meeting, or where either side names the meeting only
		// loosely, in the same category and unit.
		base, exact := idKeys(&mr.item)
		if exact == "" && s.ids[base] || s.ids[exact] || s.ids[base+"\x00?"] {
			return true
		}
	}
	k := itemKey(&mr.item)
	if id != "" {
		// 编号 decides when both sides have one; a report without 编号 matches by identity.
		return s.keys[k]
	}
	return s.allKeys[k]
}

func looseKey(content, lead string) string { return zhtext.Fold(content) + "\x00" + lead }

// masterValue is the text of field f of a master-list row as shown in 漏报事项: dates as
// yyyy-mm-dd, the lead unit by its canonical name.
func masterValue(mr *masterRow, f Field) string {
	v := strings.TrimSpace(mr.raw.Vals[f])
	switch f {
	case FieldLead:
		return mr.lead
	case FieldMeetingDate, FieldDeadline, FieldDone:
		if v != "" && v[0] >= '0' && v[0] <= '9' {
			if t, err := ParseDate(v, mr.raw.Date1904); err == nil && !t.IsZero() {
				return t.Format(time.DateOnly)
			}
		}
	}
	return v
}

// meetingKeys returns the meetings of the meeting categories items name, by category.
func meetingKeys(items []Item) map[string]map[string]bool {
	seen := map[string]map[string]bool{} // category → meetings
	for i := range items {
		it := &items[i]
		if it.Kind != KindMeeting {
			continue
		}
		if seen[it.Category] == nil {
			seen[it.Category] = map[string]bool{}
		}
		seen[it.Category][meetingKey(it.Meeting)] = true
	}
	return seen
}
