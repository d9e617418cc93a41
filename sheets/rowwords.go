package sheets

import (
	"fmt"
	"strings"
)

// readDeadline reads a 完成时限 as units write it (SPEC §4.2): punctuation and spaces around
// it do not count (2024年10月底前；), and a text that begins with a no-deadline word of the
// dictionary means 无明确时限 (常态化开展, 持续跟进) — unless it also names a date
// (持续推进，2024年6月底前完成), which is an error: whether the item has a deadline is the
// unit's to say, not duban's to guess.
func (v *Validator) readDeadline(raw string, year int, date1904 bool) (Deadline, error) {
	s := TrimPunct(strings.TrimSpace(raw))
	if w, dated := v.dict.NoDeadlineWord(s); w != "" {
		if dated {
			return Deadline{}, fmt.Errorf(msgNoDeadlineDated, w, w)
		}
		return Deadline{None: true}, nil
	}
	return ParseDeadline(s, v.dict, year, date1904)
}

// lead returns a row's 牵头单位 and 配合单位. A 牵头单位 cell naming several units (SPEC §3.1)
// gives one lead — the one marked 牵头, else the first listed — and the others join the row's
// 配合单位, with a notice at the cell. A blank lead stays blank for the caller to fill; the
// caller checks the lead against the dictionary's units.
func (v *Validator) lead(r *RawRow, probs *[]Problem) (lead, co string) {
	cell := strings.TrimSpace(r.Vals[FieldLead])
	co = strings.TrimSpace(r.Vals[FieldCo])
	s := splitLead(cell)
	if !s.several() {
		return s.lead, co
	}
	for i, u := range s.others {
		s.others[i], _ = v.dict.Unit(u) // a known unit by its name; an unknown one as written
	}
	others := "“" + strings.Join(s.others, "、") + "”"
	n := len(s.others) + 1
	var msg string
	switch {
	case s.marked > 1:
		msg = fmt.Sprintf(msgLeadMarks, n, s.marked, s.lead, others)
	case s.marked == 1:
		msg = fmt.Sprintf(msgLeadMarked, n, s.lead, others)
	default:
		msg = fmt.Sprintf(msgLeadFirst, n, s.lead, others)
	}
	*probs = append(*probs, Problem{Pos: r.Cell(FieldLead), Scope: ScopeCell, Level: Notice, Kind: SeveralLeads, Field: FieldLead.String(), Raw: cell, Msg: msg})
	return s.lead, mergeCo(s.lead, s.others, co)
}
