package books

import (
	"cmp"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// A reminder (催办单, SPEC §9.2) is a submission form addressed to one lead unit, pre-filled
// with its open items that are 逾期, 临期 or 无明确时限 and their last known status and
// progress. It carries the form's mark, so that a returned reminder is read as any form; its
// read-only columns 预警 and 逾期天数 are columns the reader does not know and passes over
// with a notice. The reader knows a returned reminder by its file name (sheets.IsReminder).

// Texts of a reminder.
const (
	remindHeading = "关于报送督查事项落实情况的通知（催办）"
	infoFill      = "EDEDED" // read-only information columns
	// what the guide says of the 建议提案 sheet, when the reminder has one
	remindSuggestions = "人大代表建议、政协委员提案在“建议提案”工作表，已预填上次报送的情况；已答复的请填写答复日期、办理结果和满意度。"
	// a unit's line on stdout: its number of items, then of which kinds (Sent.Counts) or why
	// it is asked to report (unsentCounts)
	sentCount = "%d项（%s）"
)

// Notice is what a reminder says besides its items: who sends it, the as-of date of the
// report it comes from, and the date to reply by (zero: not named).
type Notice struct {
	Office  string // 制表单位, e.g. x市人民政府办公室
	AsOf    time.Time
	ReplyBy time.Time
	// Contact and Phone are whom the unit asks (the dictionary's 联系人, 联系电话); empty: none.
	Contact, Phone string
}

// Sent is what was written for one unit.
type Sent struct {
	Unit       string
	Path       string
	Overdue    int // 逾期
	DueSoon    int // 临期
	NoDeadline int // 无明确时限
	Other      int // the others of a unit not heard from, which is sent all its items
	// Absent is set for a unit expected and not heard from, asked to report (sheets.Reminder).
	Absent *sheets.Absence
}

// Items returns the number of items the unit was sent.
func (s Sent) Items() int { return s.Overdue + s.DueSoon + s.NoDeadline + s.Other }

// String is the stdout line of a unit sent a reminder: 市财政局  5项（逾期3项、临期1项、无明确时限1项）  <path>.
func (s Sent) String() string {
	return fmt.Sprintf("%s  %s  %s", s.Unit, s.Counts(), s.Path)
}

// Counts says how many items the unit was sent, and of which kinds: 5项（逾期3项、临期1项、无明确时限1项）.
func (s Sent) Counts() string {
	if s.Absent != nil {
		return s.unsentCounts()
	}
	var parts []string
	for _, p := range []struct {
		n    int
		what string
	}{{s.Overdue, sheets.AlertOverdue}, {s.DueSoon, sheets.AlertDueSoon}, {s.NoDeadline, sheets.AlertNoDeadline}} {
		if p.n > 0 {
			parts = append(parts, fmt.Sprintf("%s%d项", p.what, p.n))
		}
	}
	return fmt.Sprintf(sentCount, s.Items(), strings.Join(parts, "、"))
}

// ReminderName is the reminder's file name: <单位>_催办单_<YYYYMMDD>.xlsx.
func ReminderName(unit string, asOf time.Time) string {
	return SafeName(unit) + "_" + sheets.ReminderMark + "_" + asOf.Format("20060102") + ".xlsx"
}

// WriteReminders writes one reminder per unit into dir (created if needed). Nothing is
// written when any of the files may not be replaced (CheckTargets: duban's own unedited
// reminder may; one a unit filled in and saved may not, unless force; one of the inputs or a
// file duban did not write never), so that no returned reminder is overwritten; the error
// names them. A run that fails part-way (disk full) takes back the reminders it wrote
// (*UndoneError names them) and returns none.
func WriteReminders(dir string, d *sheets.Dict, rems []sheets.Reminder, n Notice, inputs []string, force bool) ([]Sent, error) {
	if err := MakeDir(dir); err != nil {
		return nil, fmt.Errorf("无法创建文件夹 %s：%v", dir, err)
	}
	names := make([]string, len(rems))
	for i, rem := range rems {
		names[i] = ReminderName(rem.Unit, n.AsOf)
	}
	paths := make([]string, len(rems))
	for i, name := range Unique(names) {
		paths[i] = filepath.Join(dir, name)
	}
	if errs := CheckFolderTargets(paths, inputs, force); len(errs) > 0 {
		refused := make([]string, len(errs))
		for i, err := range errs {
			refused[i] = err.Error()
		}
		return nil, fmt.Errorf("以下催办单不能覆盖，未生成任何催办单：\n  %s", strings.Join(refused, "\n  "))
	}
	var sent []Sent
	var b Batch
	for i, rem := range rems {
		err := b.Save(paths[i], func(w io.Writer) error { return Reminder(w, d, rem, n) })
		if err != nil {
			return nil, b.Fail(err)
		}
		s := Sent{Unit: rem.Unit, Path: paths[i], Absent: rem.Absent}
		for _, it := range rem.Items {
			switch it.Alert {
			case sheets.AlertOverdue:
				s.Overdue++
			case sheets.AlertDueSoon:
				s.DueSoon++
			case sheets.AlertNoDeadline:
				s.NoDeadline++
			default:
				s.Other++
			}
		}
		sent = append(sent, s)
	}
	b.Commit()
	return sent, nil
}

// Reminder writes the reminder of one unit to w.
func Reminder(w io.Writer, d *sheets.Dict, rem sheets.Reminder, n Notice) error {
	f := excelize.NewFile()
	defer f.Close()
	// Supervised items go on 台账, 建议提案 (SPEC §9.5) on a sheet of their own laid out as the
	// form's, each with its 预警 and 逾期天数.
	var rows, suggested []sheets.RawRow
	var alerts, overdue, sAlerts, sOverdue []any
	for _, x := range rem.Items {
		a, o := alertValues(x)
		if x.Item.Kind == sheets.KindSuggestion {
			suggested, sAlerts, sOverdue = append(suggested, rawOf(x.Item)), append(sAlerts, a), append(sOverdue, o)
			continue
		}
		rows, alerts, overdue = append(rows, rawOf(x.Item)), append(alerts, a), append(overdue, o)
	}
	line := reminderLine(rem.Unit, n)
	if rem.Absent != nil {
		line = unsentLine(rem, n) // asked to report
	}
	lay := &layout{
		title: remindHeading,
		line:  line,
		intro: reminderGuide(line, len(suggested) > 0),
		keep:  true,
		// A unit not heard from is sent all its items, done ones with their 完成日期.
		keepDone: rem.Absent != nil,
		info:     alertInfo(alerts, overdue),
		// The 建议提案 sheet only when there are 建议提案 to send: the guide names it then.
		suggestions:   len(suggested) > 0,
		suggested:     suggested,
		suggestedInfo: alertInfo(sAlerts, sOverdue),
	}
	if err := buildForm(f, d, rem.Unit, rows, lay); err != nil {
		return err
	}
	// The reminder's mark, so that the returned reminder is read as a form, and who sent it when.
	err := xlsxout.SetProps(f, xlsxout.Props{Application: formApplication, Description: sheets.ReminderDescription,
		Title: remindHeading, Subject: rem.Unit + sheets.ReminderMark, Creator: cmp.Or(n.Office, sheets.ReportApplication),
		Company: n.Office, Created: time.Now()})
	if err != nil {
		return err
	}
	return f.Write(w)
}

// alertInfo are a reminder sheet's read-only columns 预警 and 逾期天数, with the values of
// alertValues.
func alertInfo(alerts, overdue []any) []info {
	return []info{{label: "预警", width: 13, values: alerts}, {label: "逾期天数", width: 9, values: overdue}}
}

// alertValues are what the read-only columns 预警 and 逾期天数 of a reminder show for x.
func alertValues(x sheets.Reminded) (alert, days any) {
	switch x.Alert {
	case sheets.AlertOverdue:
		return x.Alert, x.Days
	case sheets.AlertDueSoon:
		return fmt.Sprintf("临期，剩%d天", x.Days), nil
	default:
		return x.Alert, nil // 无明确时限: the line above the header asks for a deadline
	}
}

// reminderLine is the line under the heading: the unit addressed, what to do, by when, and who
// asks.
func reminderLine(unit string, n Notice) string {
	s := unit + "：下列事项已逾期、临期或没有明确完成时限，请逐项更新落实状态、完成日期和进展情况，" +
		"没有完成时限的事项请填写承诺的完成时限"
	if !n.ReplyBy.IsZero() {
		s += "，并请于" + sheets.CNDate(n.ReplyBy) + "前反馈"
	}
	return s + "。" + signature(n)
}

// signature is what ends the line under the heading: who asks, when, and whom to ask.
func signature(n Notice) string {
	s := ""
	if n.Office != "" {
		s += "（" + n.Office
		if !n.AsOf.IsZero() {
			s += "，" + sheets.CNDate(n.AsOf)
		}
		s += "）"
	}
	return s + contactText(n)
}

// contactText is whom to ask, from the dictionary's 联系人 and 联系电话: 联系人：张明，联系电话：
// 0571-87051234。 Empty when neither is set.
func contactText(n Notice) string {
	var parts []string
	if n.Contact != "" {
		parts = append(parts, fmt.Sprintf(contactLine, n.Contact)) // as the 通报 names them
	}
	if n.Phone != "" {
		parts = append(parts, fmt.Sprintf(phoneLine, n.Phone))
	}
	if len(parts) == 0 {
		return ""
	}
	return strings.Join(parts, "，") + "。"
}

// reminderGuide is what the 填报说明 sheet of a reminder says first: the heading, the line
// under it.
func reminderGuide(line string, suggestions bool) []string {
	lines := []string{remindHeading, line,
		"本表已预填上次报送的落实状态和进展情况。请不要修改预填的编号、类别、会议和事项内容；" +
			"灰色的“预警”“逾期天数”两列仅供参考，无需填写。填好后原文件名报送即可。"}
	if suggestions {
		lines = append(lines, remindSuggestions)
	}
	return lines
}

// rawOf is an item as the row of a form: dates as yyyy-mm-dd, the status as its class.
func rawOf(it *sheets.Item) sheets.RawRow {
	var r sheets.RawRow
	day := func(t time.Time) string {
		if t.IsZero() {
			return ""
		}
		return t.Format(time.DateOnly)
	}
	r.Vals[sheets.FieldID] = it.ID
	r.Vals[sheets.FieldCategory] = it.Category
	if m := it.Meeting; m.Num > 0 || !m.Date.IsZero() || m.Key != "" {
		r.Vals[sheets.FieldMeeting] = it.DatedMeetingName() // else the category's name stands in for none
	}
	r.Vals[sheets.FieldMeetingDate] = day(it.MeetingDate)
	r.Vals[sheets.FieldContent] = it.Content
	r.Vals[sheets.FieldLead] = it.Lead
	r.Vals[sheets.FieldCo] = it.Co
	r.Vals[sheets.FieldLeader] = it.Leader
	r.Vals[sheets.FieldDeadline] = day(it.Deadline)
	r.Vals[sheets.FieldStatus] = it.Status.String()
	r.Vals[sheets.FieldDone] = day(it.Done)
	r.Vals[sheets.FieldProgress] = it.Progress
	r.Vals[sheets.FieldNote] = it.Note
	// A 建议提案's own columns (SPEC §9.5); its 交办日期 is the 会议日期 above.
	r.Vals[sheets.FieldProposer] = it.Proposer
	r.Vals[sheets.FieldResult] = it.Result
	r.Vals[sheets.FieldReplied] = day(it.Replied)
	r.Vals[sheets.FieldSatisfaction] = it.Satisfaction
	return r
}
