package sheets

import "strings"

// Reminders (催办单, SPEC §9.2): for every lead unit, its open items that are 逾期, 临期 or
// 无明确时限, to be sent back to it as a pre-filled form (books.WriteReminders). A
// returned reminder is a form like any other; Merge lets its rows win over the unit's earlier
// ones and says so with a notice, not a warning, and takes a deadline it sets for an item
// that had none.

// ReminderMark is in the file name of every reminder (<单位>_催办单_<YYYYMMDD>.xlsx); it is how
// a returned reminder is known, as 终稿 marks a final.
const ReminderMark = "催办单"

// IsReminder reports whether a file name is that of a reminder.
func IsReminder(name string) bool { return strings.Contains(name, ReminderMark) }

// Reminder is one unit's reminder: its items grouped 逾期 (most days first), 临期 (fewest days
// left first), 无明确时限 (in 事项明细 order), each once.
type Reminder struct {
	Unit  string
	Items []Reminded
	// Absent is set for a unit expected and not heard from (SPEC §7): its reminder asks it to
	// report and lists all its items as last known, whatever their 预警.
	Absent *Absence
}

// Reminded is an item on a reminder with its 预警 and days overdue (逾期) or left (临期).
type Reminded struct {
	Item  *Item
	Alert string
	Days  int
}

// Reminders returns the reminders of r, one per lead unit with items to remind, units in the
// order of 单位统计, then one per unit not heard from (Report.Absent).
func Reminders(r *Report) []Reminder {
	by := map[string][]Reminded{}
	for _, f := range r.Overdue {
		by[f.Item.Lead] = append(by[f.Item.Lead], Reminded{f.Item, AlertOverdue, f.Days})
	}
	for _, f := range r.DueSoon {
		by[f.Item.Lead] = append(by[f.Item.Lead], Reminded{f.Item, AlertDueSoon, f.Days})
	}
	for _, it := range r.NoDeadline {
		by[it.Lead] = append(by[it.Lead], Reminded{it, AlertNoDeadline, 0})
	}
	var rems []Reminder
	for _, u := range r.Units {
		if items := by[u.Unit]; len(items) > 0 {
			rems = append(rems, Reminder{Unit: u.Unit, Items: items})
		}
	}
	return append(rems, r.absentReminders()...)
}
