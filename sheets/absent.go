package sheets

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"golang.org/x/text/collate"
	"golang.org/x/text/language"
)

// What a unit's silence and its errors do to the figures (SPEC §7): a unit expected to report
// that sent nothing is named wherever a leader looks, and a unit some of whose rows were
// excluded by errors is marked in 单位统计, so that no figure looks better because a unit
// stayed silent or filled a cell wrong.

// Absence is a unit expected to report and not heard from: named in the master list
// (--expect), in the previous report (--since) or marked 应报送 in the dictionary, and no
// readable file of it was read and no item names it as 牵头单位. Its previous items are not
// carried forward into the figures.
type Absence struct {
	Unit string
	// Before is how many items the previous report had of it, BeforeOverdue how many of them
	// were overdue then; both 0 when it was not in the previous report.
	Before, BeforeOverdue int
	// Due is its 应报事项数 on the master list, 0 when the list does not name it.
	Due int
	// Unreadable is true when a file of it was given and could not be read.
	Unreadable bool
	// Items are its items as last known, for the reminder that asks it to report (SPEC §9.2),
	// never counted in the figures (lastKnown); Assigned of them came from the master list
	// alone.
	Items    []Item
	Assigned int
}

// Had is what the unit had before, for the sentences that name it: 上期20项，其中逾期1项 from the
// previous report, else 应报事项20项 from the master list, else empty.
func (a Absence) Had() string {
	switch {
	case a.Before > 0 && a.BeforeOverdue > 0:
		return fmt.Sprintf(msgAbsentBefore+msgAbsentOverdue, a.Before, a.BeforeOverdue)
	case a.Before > 0:
		return fmt.Sprintf(msgAbsentBefore, a.Before)
	case a.Due > 0:
		return fmt.Sprintf(msgAbsentDue, a.Due)
	}
	return ""
}

// Note is the 说明 of the unit's row at the end of 单位统计 and its 结果 in 报送情况: 未报送, or
// 未报送（台账无法读取）.
func (a Absence) Note() string {
	if a.Unreadable {
		return resultUnsent + "（" + noteUnreadable + "）"
	}
	return resultUnsent
}

// hearing is who was heard from in a report: the lead units of its items, and the files read
// (a file that could not be read, or was skipped, is not hearing from its unit).
type hearing struct {
	units  map[string]bool
	files  []string // the names of the files read
	failed []string // the names and units of the files that could not be read
	// failedUnits are the units the unreadable files name (namedUnit), in the order given.
	failedUnits []string
}

func (r *Report) hearing() hearing {
	h := hearing{units: map[string]bool{}}
	for i := range r.Items {
		// A unit's answers to deputies (建议提案, often listed by the office) are not its ledger.
		if r.Items[i].Kind != KindSuggestion {
			h.units[r.Items[i].Lead] = true
		}
	}
	for _, f := range r.Inputs {
		switch {
		case f.Failed == "":
			h.units[f.Unit] = true
			h.files = append(h.files, f.File)
		case !f.Skipped:
			h.failed = append(h.failed, f.File)
			if f.Unit != "" {
				h.failed = append(h.failed, f.Unit)
				h.failedUnits = appendNew(h.failedUnits, f.Unit)
			}
		}
	}
	return h
}

// from reports whether unit was heard from: a file of it was read (its unit, or its name naming
// the unit, as 市商务局（终稿）.xlsx does), or an item names it as 牵头单位.
func (h hearing) from(unit string) bool {
	return unit == "" || h.units[unit] || slices.ContainsFunc(h.files, func(f string) bool { return strings.Contains(f, unit) })
}

// unreadable reports whether a file of unit was given and could not be read.
func (h hearing) unreadable(unit string) bool {
	return slices.ContainsFunc(h.failed, func(f string) bool { return strings.Contains(f, unit) })
}

// compare sets r against what was expected of the units — the previous report, the master
// list, the dictionary's 应报送 — once it is known whom r heard from: the units not heard from
// (Absent, and the master list's 未报送单位), and the comparison with the previous report with
// its sentence at the end of the narrative. It returns the problems found.
func (r *Report) compare(o Options) []Problem {
	d := o.Dict
	if o.NoGaps {
		d = nil // checking ledgers: the units that are not among them say nothing
	}
	h := r.hearing()
	r.Absent = r.absences(h, d, o.Master, o.Previous)
	r.lastKnown(o)
	if r.Expect != nil {
		r.Expect.Unreported = unreported(r.Absent)
	}
	ps := absenceProblems(r.Absent)
	if !o.NoGaps {
		r.Absent = append(r.Absent, r.unreadAbsences(h)...) // their files' errors say it already
	}
	if o.Previous != nil {
		r.Since = Since(r, o.Previous)
		r.Narrative += r.Since.Sentence
		ps = append(ps, r.Since.Problems...)
	}
	return ps
}

// absences returns the units expected — by the previous report p, the master list m or the
// dictionary d (each nil for none) — that were not heard from (h), most items before first,
// then by name in pinyin order.
func (r *Report) absences(h hearing, d *Dict, m *Master, p *Previous) []Absence {
	at := map[string]int{}
	var out []Absence
	expect := func(unit string) *Absence {
		if h.from(unit) {
			return nil
		}
		i, ok := at[unit]
		if !ok {
			i = len(out)
			at[unit] = i
			out = append(out, Absence{Unit: unit, Unreadable: h.unreadable(unit)})
		}
		return &out[i]
	}
	if p != nil {
		for _, pi := range p.Items {
			if pi.Suggestion {
				continue // not the unit's ledger (hearing)
			}
			if a := expect(pi.Lead); a != nil {
				a.Before++
				if pi.Alert == AlertOverdue {
					a.BeforeOverdue++
				}
			}
		}
	}
	if m != nil {
		for _, mr := range m.rows {
			if mr.ok && mr.item.Kind == KindSuggestion {
				continue // not the unit's ledger (hearing)
			}
			if a := expect(mr.lead); a != nil {
				a.Due++
			}
		}
	}
	if d != nil {
		for _, u := range d.Units {
			if u.Must {
				expect(u.Name)
			}
		}
	}
	pinyin := collate.New(language.Chinese)
	slices.SortStableFunc(out, func(a, b Absence) int {
		return cmp.Or(cmp.Compare(max(b.Before, b.Due), max(a.Before, a.Due)), pinyin.CompareString(a.Unit, b.Unit))
	})
	return out
}

// unreadAbsences are the units not heard from that nothing expected but their own unreadable
// file names (市商务局.xlsx, damaged, and no other file of it read): each is 未报送（台账无法读取）
// at the end of 单位统计 and named on 汇总 (SPEC §7), in pinyin order. h is whom r heard from,
// and r.Absent are those already expected.
func (r *Report) unreadAbsences(h hearing) []Absence {
	var out []Absence
	for _, u := range h.failedUnits {
		if !h.from(u) && !slices.ContainsFunc(r.Absent, func(a Absence) bool { return a.Unit == u }) {
			out = append(out, Absence{Unit: u, Unreadable: true})
		}
	}
	pinyin := collate.New(language.Chinese)
	slices.SortStableFunc(out, func(a, b Absence) int { return pinyin.CompareString(a.Unit, b.Unit) })
	return out
}

// namedUnit is the unit a file's name names (市商务局（终稿）.xlsx names 市商务局): its name in d
// when the dictionary knows it, else the name itself when it ends as a unit's name does (局,
// 委, 办, 中心, 公司, 镇, 乡, 街道); empty when the name names no unit (假表.xlsx, 附件3.xlsx),
// so that such a file is named as a file, not as a unit.
func namedUnit(file string, d *Dict) string {
	u := unitFromFileName(file[strings.LastIndexAny(file, `/\`)+1:]) // a name, or a path as given
	if d != nil && len(d.Units) > 0 {
		if c, ok := d.Unit(u); ok {
			return c
		}
	}
	if unitLike(u) {
		return u
	}
	return ""
}

// unitsOfFailed gives each file that could not be read the unit its name names (namedUnit),
// or none: nothing of it was read, not even a 填报单位 line.
func (b *run) unitsOfFailed(r *Report) {
	for i := range r.Inputs {
		if f := &r.Inputs[i]; f.Unreadable() {
			f.Unit = namedUnit(f.File, b.o.Dict)
		}
	}
}

// absenceProblems warns once of each unit not heard from, never once per item.
func absenceProblems(as []Absence) []Problem {
	var ps []Problem
	for _, a := range as {
		had := a.Had()
		if had != "" {
			had = "（" + had + "）"
		}
		msg := fmt.Sprintf(msgAbsent, a.Unit, had)
		if a.Unreadable {
			msg = fmt.Sprintf(msgAbsentUnreadable, a.Unit, had)
		}
		ps = append(ps, Problem{Scope: ScopeRun, Level: Warning, Kind: UnitAbsent, Field: FieldLead.String(), Raw: a.Unit, Msg: msg})
	}
	return ps
}

// unreported are the units of the master list not heard from (未报送单位), most items due first.
func unreported(as []Absence) []UnitDue {
	var out []UnitDue
	for _, a := range as {
		if a.Due > 0 {
			out = append(out, UnitDue{Unit: a.Unit, Items: a.Due})
		}
	}
	slices.SortStableFunc(out, func(a, b UnitDue) int { return cmp.Compare(b.Items, a.Items) })
	return out
}

// rowsUnit is the 牵头单位 most of rows name (as the row rules read it, by its canonical name in
// d), else the unit they take from 填报单位 or the file's name; empty for no rows.
func rowsUnit(rows []RawRow, d *Dict) string {
	n := map[string]int{}
	cell, lead := "", "" // the last cell read: a file's rows mostly repeat their unit
	for i := range rows {
		if c := rows[i].Vals[FieldLead]; i == 0 || c != cell {
			cell, lead = c, d.leadOf(c)
		}
		u := lead
		if u == "" {
			u = rows[i].UnitFromFile
		}
		if u == "" {
			continue
		}
		if d != nil {
			u, _ = d.Unit(u)
		}
		n[u]++
	}
	return mostNamed(n, "")
}

// mostNamed is the unit n counts most often, the first in byte order among equals; none for
// an empty count (n[""] is not a unit).
func mostNamed(n map[string]int, none string) string {
	unit, best := none, 0
	for u, c := range n {
		if u != "" && (c > best || c == best && u < unit) {
			unit, best = u, c
		}
	}
	return unit
}

// unitsOfRows gives each file read none of whose rows was counted — every one excluded by
// errors — the unit its rows name, rather than its file's name (附件3.xlsx), so that the unit is
// heard from and its rows are marked against it.
func (b *run) unitsOfRows(r *Report) {
	for i := range r.Inputs {
		f := &r.Inputs[i]
		if u := b.results[i].unit; u != "" && f.Failed == "" && f.Counted+f.Merged == 0 {
			f.Unit = u
		}
	}
}

// markExcluded counts in 单位统计 the rows of each unit's files that errors excluded, so that
// the unit is marked ※ (SPEC §7): a unit must not climb the table by filling a cell wrong, nor
// leave it so — a unit none of whose rows were counted is listed after the ranked units
// (Uncounted).
func (r *Report) markExcluded() {
	at := make(map[string]int, len(r.Units))
	for i, u := range r.Units {
		at[u.Unit] = i
	}
	uncounted := map[string]int{}
	for _, f := range r.Inputs {
		if f.Failed != "" || f.Excluded == 0 {
			continue
		}
		if i, ok := at[f.Unit]; ok {
			r.Units[i].Excluded += f.Excluded
			continue
		}
		i, ok := uncounted[f.Unit]
		if !ok {
			i = len(r.Uncounted)
			uncounted[f.Unit] = i
			r.Uncounted = append(r.Uncounted, UnitStats{Unit: f.Unit})
		}
		r.Uncounted[i].Excluded += f.Excluded
	}
}

// ExcludedNote is the note under 单位统计 when units are marked ※, naming how many rows of
// each were left out: ※ 有填写错误的行未计入，名次仅供参考：市商务局1行。 Empty when none is.
func (r *Report) ExcludedNote() string {
	var parts []string
	for _, u := range slices.Concat(r.Units, r.Uncounted) {
		if u.Excluded > 0 {
			parts = append(parts, fmt.Sprintf(noteExcludedUnit, u.Unit, u.Excluded))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return fmt.Sprintf(noteExcluded, strings.Join(parts, "、"))
}

// unsentClauses are the clauses of the 注 on 汇总 naming the units not heard from whose files
// were not unreadable (those the clause of unreadable files names): each with what it had
// before (市生态环境局本期未报送台账（上期20项，其中逾期1项）), the others together; more than five
// as 甲、乙、丙等7个单位.
func unsentClauses(as []Absence) []string {
	var named, plain []string
	var parts []string
	for _, a := range as {
		if a.Unreadable {
			continue
		}
		named = append(named, a.Unit)
		if had := a.Had(); had != "" {
			parts = append(parts, fmt.Sprintf(limitUnsentHad, a.Unit, had))
		} else {
			plain = append(plain, a.Unit)
		}
	}
	if len(named) > 5 {
		return []string{fmt.Sprintf(limitUnsent, unitList(named))}
	}
	if len(plain) > 0 {
		parts = append(parts, fmt.Sprintf(limitUnsent, strings.Join(plain, "、")))
	}
	return parts
}
