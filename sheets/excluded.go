package sheets

import (
	"slices"
	"strings"
	"time"
)

// ExcludedRow is a row excluded by errors, with what can still be read from its raw values
// (SPEC §9.1): its category and meeting — from its own cells, else its group heading or sheet
// — so that a meeting's briefing counts it apart instead of staying silent about it, its unit,
// and its status and deadline where they are readable.
type ExcludedRow struct {
	Src      Pos
	Category string // "" when no category can be read
	Kind     Kind
	Meeting  Meeting
	Lead     string
	Content  string
	// Status is the row's class when its 落实状态 is readable (StatusKnown).
	Status      Status
	StatusKnown bool
	Deadline    time.Time // zero when none or unreadable
	// Field and Raw are the first field at fault and its value as written: what the unit must
	// correct (完成时限“2024年2月30日”), at Cell (the row's first cell when no cell is at fault).
	Field string
	Raw   string
	Cell  Pos
}

// Open reports whether the row may be an open item: its status is not readable as 已落实.
func (x *ExcludedRow) Open() bool { return !x.StatusKnown || x.Status != Done }

// MeetingKnown reports whether the row's meeting can be read: a category of meetings and a
// session number or date.
func (x *ExcludedRow) MeetingKnown() bool {
	return x.Category != "" && x.Kind == KindMeeting && (x.Meeting.Num > 0 || !x.Meeting.Date.IsZero())
}

// excludedRows reads, of the rows rs validated into items, those excluded by errors (the rows
// whose place no item has), each with the first error probs give for it.
func (v *Validator) excludedRows(rs []RawRow, items []Item, probs []Problem) []ExcludedRow {
	if len(items) == len(rs) {
		return nil
	}
	counted := make(map[Pos]bool, len(items))
	for i := range items {
		counted[items[i].Src] = true
	}
	var out []ExcludedRow
	for i := range rs {
		if !counted[rs[i].Pos] {
			out = append(out, v.excludedRow(&rs[i], probs))
		}
	}
	return out
}

// excludedRow reads what can be read of an excluded row r, as the row rules would read it,
// without their problems.
func (v *Validator) excludedRow(r *RawRow, probs []Problem) ExcludedRow {
	x := ExcludedRow{Src: r.Pos, Cell: r.Pos, Content: trimmed(r, FieldContent)}
	in, categoryMeeting, _ := v.input(r)
	var discard []Problem
	if cat, _, ok := v.category(in.Category, in.Meeting, in.Group, in.Sheet); ok {
		meetingDate, _ := v.date(r, FieldMeetingDate, in.Year)
		x.Category, x.Kind = cat.Name, cat.Kind
		x.Meeting, _ = v.rowMeeting(r, &in, cat, meetingDate, categoryMeeting, &discard)
	}
	x.Lead, _ = v.lead(r, &discard)
	if x.Lead == "" {
		x.Lead = r.UnitFromFile
	}
	x.Lead, _ = v.dict.Unit(x.Lead)
	st := v.dict.readStatus(in.Status)
	x.Status, x.StatusKnown = st.class, st.ok
	if dl, _, err := v.deadline(in.Deadline, in.MeetingDate, in.Year, r.Date1904); err == nil {
		x.Deadline = dl.Date
	}
	i := slices.IndexFunc(probs, func(p Problem) bool {
		return p.Level == Error && p.Pos.File == r.Pos.File && p.Pos.Sheet == r.Pos.Sheet && p.Pos.Row == r.Pos.Row
	})
	if i >= 0 {
		x.Field, x.Cell = probs[i].Field, probs[i].Pos
		if f, ok := FieldByLabel(x.Field); ok {
			x.Raw = strings.TrimSpace(r.Text(f))
		}
	}
	return x
}
