package sheets

import (
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

// excludedRow is what can be read of parsed row p, excluded by errors probs (its own problems),
// as the row rules read it, without their problems.
func (v *Validator) excludedRow(p *parsedRow, probs []Problem) ExcludedRow {
	r := p.r
	x := ExcludedRow{Src: r.Pos, Cell: r.Pos, Content: trimmed(r, FieldContent)}
	var discard []Problem
	if p.readable && p.in.categoryOK {
		x.Category, x.Kind = p.cat.Name, p.cat.Kind
		x.Meeting, _ = v.rowMeeting(p, p.cat, &discard)
	}
	x.Lead, _ = v.lead(r, &discard)
	if x.Lead == "" {
		x.Lead = r.UnitFromFile
	}
	x.Lead, _ = v.dict.Unit(x.Lead)
	st := v.dict.readStatus(trimmed(r, FieldStatus))
	x.Status, x.StatusKnown = st.class, st.ok
	if d := &p.dates; p.readable && !d.pending && d.deadlineErr == nil {
		x.Deadline = d.deadline.Date
	}
	for _, q := range probs {
		if q.Level == Error {
			x.Field, x.Cell = q.Field, q.Pos
			if f, ok := FieldByLabel(x.Field); ok {
				x.Raw = strings.TrimSpace(r.Text(f))
			}
			break
		}
	}
	return x
}
