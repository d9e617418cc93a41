package sheets

import (
	"cmp"
	"slices"

	"github.com/duban/duban/internal/zhtext"
)

// A unit expected and not heard from (SPEC §7) gets a reminder too (SPEC §9.2), asking it to
// report: its items as last known — those of the previous report with their last status,
// deadline and progress, then those the master list assigns it that the previous report did
// not have — each with its 预警 as of the report's date, pre-filled as a form, so that the
// returned reminder merges as the unit's ledger. They are never counted in the figures.

// lastKnown gives each unit of r.Absent its items as last known (Absence.Items), from the
// previous report and the master list of o, in 事项明细 order with their 预警 as of r.AsOf.
func (r *Report) lastKnown(o Options) {
	if len(r.Absent) == 0 || o.Previous == nil && o.Master == nil {
		return
	}
	at := make(map[string]int, len(r.Absent))
	for i, a := range r.Absent {
		at[a.Unit] = i
	}
	had := map[string]bool{} // the previous items' identities (sinceKeys)
	if p := o.Previous; p != nil {
		for i := range p.Items {
			pi := &p.Items[i]
			j, ok := at[pi.Lead]
			if !ok {
				continue
			}
			r.Absent[j].Items = append(r.Absent[j].Items, pi.item(o.Dict, p))
			id, content := sinceKeys(pi.ID, pi.Category, pi.MeetingName, pi.Content, pi.Lead, p.Year)
			had[id], had[content] = id != "", true
		}
	}
	if m := o.Master; m != nil {
		for _, mr := range m.rows {
			j, ok := at[mr.lead]
			if !ok || !mr.ok { // a row with errors is the list's own problem, said at its cell
				continue
			}
			it := m.assigned(o.Dict, mr)
			id, content := sinceKeys(it.ID, it.Category, it.MeetingName, it.Content, it.Lead, r.Year)
			if had[id] || had[content] {
				continue
			}
			r.Absent[j].Items = append(r.Absent[j].Items, it)
			r.Absent[j].Assigned++
		}
	}
	for _, a := range r.Absent {
		if len(a.Items) > 0 {
			Summarize(a.Items, o.Dict, r.AsOf, r.WarnDays) // their 预警, in 事项明细 order
		}
	}
}

// item is a previous report's item as a merged item: its row of 事项明细, from where it came.
func (pi *PrevItem) item(d *Dict, p *Previous) Item {
	it := Item{ID: pi.ID, Category: pi.Category, MeetingName: pi.MeetingName, MeetingDate: pi.MeetingDate,
		Content: pi.Content, Parent: pi.Parent, Lead: pi.Lead, Co: pi.Co, Leader: pi.Leader, Deadline: pi.Deadline,
		Status: pi.Status, StatusRaw: pi.Status.String(), Done: pi.Done, Progress: pi.Progress, Note: pi.Note,
		Src: Pos{File: p.File, Sheet: SheetItems, Row: pi.Row}}
	if c, ok := d.Category(pi.Category); ok {
		it.Kind = c.Kind
	}
	if pi.MeetingName != "" {
		num, year := zhtext.MeetingNumber(pi.MeetingName)
		it.Meeting = Meeting{Num: num, Year: cmp.Or(year, textYear(pi.MeetingName), p.Year), Date: pi.MeetingDate,
			Key: zhtext.Fold(pi.MeetingName)}
	}
	return it
}

// assigned is a master-list row as a merged item: assigned, so 未启动 — unless the list is a
// report duban wrote, whose rows keep each item's last status and 完成日期.
func (m *Master) assigned(d *Dict, mr masterRow) Item {
	it := mr.item
	if m.report {
		it.Status = prevStatus(d, mr.raw.Vals[FieldStatus])
		it.StatusRaw = it.Status.String()
		it.Done, _ = ParseDate(mr.raw.Vals[FieldDone], mr.raw.Date1904)
	}
	return it
}

// absentReminders are the reminders of the units not heard from, in the order of r.Absent:
// each lists all its items as last known, 逾期 (most days first), 临期 (fewest days left
// first), 无明确时限, then the others, in 事项明细 order.
func (r *Report) absentReminders() []Reminder {
	rems := make([]Reminder, 0, len(r.Absent))
	for i := range r.Absent {
		a := &r.Absent[i]
		items := make([]Reminded, len(a.Items))
		for j := range a.Items {
			it := &a.Items[j]
			items[j] = Reminded{Item: it, Alert: it.Alert}
			switch it.Alert {
			case AlertOverdue:
				items[j].Days = days(it.Deadline, r.AsOf)
			case AlertDueSoon:
				items[j].Days = days(r.AsOf, it.Deadline)
			}
		}
		slices.SortStableFunc(items, func(x, y Reminded) int {
			c := cmp.Compare(remindRank(x.Alert), remindRank(y.Alert))
			switch {
			case c != 0:
				return c
			case x.Alert == AlertOverdue:
				return cmp.Compare(y.Days, x.Days)
			case x.Alert == AlertDueSoon:
				return cmp.Compare(x.Days, y.Days)
			}
			return 0
		})
		rems = append(rems, Reminder{Unit: a.Unit, Items: items, Absent: a})
	}
	return rems
}

// remindRank is the group of an item on a reminder: 逾期, 临期, 无明确时限, then the others.
func remindRank(alert string) int {
	switch alert {
	case AlertOverdue:
		return 0
	case AlertDueSoon:
		return 1
	case AlertNoDeadline:
		return 2
	}
	return 3
}
