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
		case f.Failed != "" && !f.Skipped:
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
func excludedSentence(rows []ExcludedRow) string {
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
	return fmt.Sprintf(msgBriefExcluded, len(rows), strings.Join(parts, "；"))
}

// maxNamedExcluded is how many excluded rows the narrative names one by one.
const maxNamedExcluded = 5
