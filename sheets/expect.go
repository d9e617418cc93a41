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
}

// masterRow is a master-list row with its item identity (ok false when the row is not a
// valid item, e.g. an unreadable deadline) and its lead unit.
type masterRow struct {
	raw  RawRow
	item Item
	ok   bool
	lead string
}

// readMaster reads and validates a master list (a report duban wrote is read by its 事项明细). ok is false when the file cannot be used at
// all; probs are the reader's and the row rules' findings (without 落实状态, which a master
// list does not have). year is the reporting year its meetings without one take, 0 for the
// as-of year's.
func readMaster(path string, d *Dict, asOf time.Time, year int, ro ReadOptions) (rows []masterRow, probs []Problem, ok bool) {
	raws, probs := ReadFile(path, d, ro)
	if fileFailed(probs) && isReport(path) {
		// A report duban wrote, as the master list of the next round: its 事项明细.
		rs, err := itemsAsRows(path)
		if err != nil {
			return nil, []Problem{{Pos: Pos{File: filepath.Base(path)}, Level: Error, Msg: err.Error()}}, false
		}
		raws, probs = rs, nil
	}
	if fileFailed(probs) {
		return nil, probs, false
	}
	v := NewValidator(d, asOf)
	v.Assigned = true
	if year > 0 {
		v.Year = RunYear{year, yearFromReport}
	}
	for _, r := range raws {
		mr := masterRow{raw: r, lead: splitLead(r.Vals[FieldLead]).lead} // one lead, as the row rules take it
		if mr.lead == "" {
			probs = append(probs, Problem{Pos: r.Cell(FieldLead), Level: Error, Field: FieldLead.String(), Msg: msgMasterNoLead})
		} else {
			mr.lead, _ = d.Unit(mr.lead)
		}
		// The office assigns items; whether they are done is the units' to say.
		r.Vals[FieldStatus] = NotStarted.String()
		r.Vals[FieldDone] = ""
		it, ps, valid := v.Row(&r)
		mr.item, mr.ok = it, valid
		for _, p := range ps {
			if p.Field != FieldLead.String() || p.Level == Warning {
				probs = append(probs, p)
			}
		}
		rows = append(rows, mr)
	}
	SortProblems(probs)
	return rows, probs, true
}

// SplitByUnit reads a master list and groups its items by 牵头单位 (units in the order they
// first appear). Rows without a lead unit are left out with an error. ok is false when the
// file cannot be read at all.
func SplitByUnit(path string, d *Dict, ro ReadOptions) (units []UnitRows, probs []Problem, ok bool) {
	rows, probs, ok := readMaster(path, d, time.Now(), 0, ro)
	if !ok {
		return nil, probs, false
	}
	at := map[string]int{}
	for _, r := range rows {
		if r.lead == "" {
			continue
		}
		i, seen := at[r.lead]
		if !seen {
			i = len(units)
			at[r.lead] = i
			units = append(units, UnitRows{Unit: r.lead})
		}
		units[i].Rows = append(units[i].Rows, r.raw)
	}
	return units, probs, true
}

// Reconcile compares the merged items of r with the master list at expectPath (SPEC §9):
// every assigned item that no unit reported is Missing, with the master list's columns and
// 牵头单位; every unit with assigned items that reported none at all is Unreported. Items are
// matched by the identity used in merging — category, meeting, content and lead unit, or 编号
// when both sides have one.
func Reconcile(expectPath string, r *Report, o Options) (*Reconciliation, error) {
	rows, master, err := readMasterFor(expectPath, r, o)
	if err != nil {
		return nil, err
	}
	back := indexReported(r.Items)
	fields := masterColumns(rows)
	rec := &Reconciliation{}
	for _, f := range fields {
		rec.Headers = append(rec.Headers, f.String())
	}
	rec.Missing, rec.Unreported = back.compare(rows, fields)
	r.meetingsFromMaster(master, o.Dict)
	return rec, nil
}

// readMasterFor reads the master list at expectPath for reconciling with r, and returns its
// rows and their items. Categories the dictionary does not know get one kind over the list
// and the report. A list that cannot be used is an error.
func readMasterFor(expectPath string, r *Report, o Options) ([]masterRow, []Item, error) {
	rows, probs, ok := readMaster(expectPath, o.Dict, o.AsOf, r.Year, o.Read)
	master := make([]Item, len(rows))
	for i := range rows {
		master[i] = rows[i].item
	}
	unifyKinds(o.Dict, master, r.Items)
	for i := range rows {
		rows[i].item = master[i]
	}
	if !ok {
		msg := "无法读取"
		for _, p := range probs {
			if p.Pos.Sheet == "" {
				msg = p.Msg
				break
			}
		}
		return nil, nil, fmt.Errorf(msgMasterUnusable, expectPath, msg)
	}
	if len(rows) == 0 {
		return nil, nil, fmt.Errorf(msgMasterEmpty, expectPath)
	}
	if !slices.ContainsFunc(rows, func(mr masterRow) bool { return mr.lead != "" }) {
		return nil, nil, fmt.Errorf(msgMasterNoLeads, expectPath)
	}
	return rows, master, nil
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
		if mr.lead == "" {
			continue
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

// meetingsFromMaster makes the master list the record of the meetings (SPEC §7): for each
// meeting category it names, 会议次数 counts the distinct meetings of the list (and any other
// the units reported), the set is known complete — the narrative says 召开…N次 — and the
// warning about gaps in its session numbers goes, since the list says which sessions had items.
func (r *Report) meetingsFromMaster(master []Item, d *Dict) {
	seen := map[string]map[string]bool{} // category → meetings
	add := func(it *Item) {
		if it.Kind != KindMeeting {
			return
		}
		if seen[it.Category] == nil {
			seen[it.Category] = map[string]bool{}
		}
		seen[it.Category][meetingKey(it.Meeting)] = true
	}
	for i := range master {
		add(&master[i])
	}
	if len(seen) == 0 {
		return
	}
	for i := range r.Items {
		if seen[r.Items[i].Category] != nil {
			add(&r.Items[i])
		}
	}
	r.Total.Meetings = 0
	for i := range r.Categories {
		c := &r.Categories[i]
		if ms := seen[c.Name]; ms != nil && c.Kind == KindMeeting {
			c.Meetings, c.Complete = len(ms), true
		}
		r.Total.Meetings += c.Meetings
	}
	var dropped []string
	r.Gaps = slices.DeleteFunc(r.Gaps, func(g MeetingGap) bool {
		if seen[g.Category] != nil {
			dropped = append(dropped, g.String())
			return true
		}
		return false
	})
	r.Problems = slices.DeleteFunc(r.Problems, func(p Problem) bool {
		return p.Pos.File == "" && p.Level == Warning && slices.Contains(dropped, p.Msg)
	})
	r.Narrative = narrative(r, d)
}
