package sheets

import (
	"fmt"
	"slices"
	"strings"
)

// briefLeftOut returns the rows excluded by errors that belong to meeting m (of meeting key
// key), in source order, and what the clerk must check on the terminal: rows and files left
// out whose meeting cannot be read, and so may hold items of m (SPEC §9.1).
func (r *Report) briefLeftOut(m MeetingStats, key string) (rows []ExcludedRow, checks []string) {
	validated := map[string]int{} // rows excluded by validation, by file
	var unsure []ExcludedRow
	for _, x := range r.ExcludedRows {
		validated[x.Src.File]++
		switch {
		case x.Category == m.Category && x.Kind == KindMeeting && meetingKey(x.Meeting) == key:
			rows = append(rows, x)
		case !x.MeetingKnown() && (x.Category == "" || x.Category == m.Category):
			unsure = append(unsure, x)
		}
	}
	bySrc := func(a, b ExcludedRow) int { return a.Src.compare(b.Src) }
	slices.SortFunc(rows, bySrc)
	slices.SortFunc(unsure, bySrc)
	for _, x := range rows {
		checks = append(checks, fmt.Sprintf(msgBriefCheckCounted, x.Cell, SpokenMeeting(m)))
	}
	for _, x := range unsure {
		checks = append(checks, fmt.Sprintf(msgBriefCheckRow, x.Cell))
	}
	for _, a := range r.Absent {
		if !a.Unreadable { // an unreadable file is named below
			checks = append(checks, fmt.Sprintf(msgBriefCheckAbsent, a.Unit))
		}
	}
	for _, f := range r.Submissions() {
		switch {
		case f.Unreadable():
			checks = append(checks, fmt.Sprintf(msgBriefCheckFile, f.File))
		case f.Excluded > validated[f.File]:
			checks = append(checks, fmt.Sprintf(msgBriefCheckRead, f.File, f.Excluded-validated[f.File]))
		}
	}
	return rows, checks
}

// excludedSentence counts apart, for the narrative read aloud, the meeting's rows excluded by
// errors, naming each one's unit and what is wrong: 另有1项因填写有误未计入（市商务局，完成时限
// “2024年2月30日”），请单位更正。 Empty when there are none.
func excludedSentence(rows []ExcludedRow, format string) string {
	if len(rows) == 0 {
		return ""
	}
	var parts []string
	for _, x := range rows {
		if len(parts) == maxNamedExcluded {
			parts[len(parts)-1] += msgBriefExcludedMore
			break
		}
		p := x.Lead
		switch {
		case x.Field != "" && x.Raw != "":
			p += fmt.Sprintf(msgBriefExcludedValue, x.Field, x.Raw)
		case x.Field != "":
			p += fmt.Sprintf(msgBriefExcludedBlank, x.Field)
		}
		parts = append(parts, p)
	}
	return fmt.Sprintf(format, len(rows), strings.Join(parts, "；"))
}

// maxNamedExcluded is how many excluded rows the narrative names one by one.
const maxNamedExcluded = 5

// briefUnsent is what the units not heard from (Report.Absent) leave out of a meeting's
// briefing (SPEC §9.1): the items of the meeting of those whose items are known — from the
// previous report or the master list (Absence.Items) — counted apart by unit, and the others.
type briefUnsent struct {
	units []string // the units with known items of the meeting, in the order of r.Absent
	n     int      // their items of the meeting
	open  bool     // one of those items was open when last known (or assigned, never reported)
	// unknown is set when a unit's items are not known (the dictionary's 应报送 alone), or a
	// file could not be read: any of them may be of the meeting.
	unknown bool
	others  []Absence // the units not heard from that have no item of the meeting counted apart
}

func (r *Report) briefUnsent(m MeetingStats, key string) briefUnsent {
	var u briefUnsent
	for _, a := range r.Absent {
		if a.Before == 0 && a.Due == 0 { // nothing says what it had
			u.unknown = true
			u.others = append(u.others, a)
			continue
		}
		n := 0
		for i := range a.Items {
			it := &a.Items[i]
			if it.Kind == KindMeeting && it.Category == m.Category && meetingKey(it.Meeting) == key {
				n++
				u.open = u.open || it.Status != Done
			}
		}
		if n == 0 {
			u.others = append(u.others, a)
			continue
		}
		u.units = append(u.units, a.Unit)
		u.n += n
	}
	for _, f := range r.Submissions() {
		u.unknown = u.unknown || f.Unreadable()
	}
	return u
}

// sentence counts the known items apart in the narrative read aloud: 另有2项因市交通运输局未报送
// 落实情况未计入，请单位及时报送。 Empty when there are none.
func (u briefUnsent) sentence(format string) string {
	if u.n == 0 {
		return ""
	}
	return fmt.Sprintf(format, u.n, unitList(u.units))
}
