package sheets

import (
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
)

// Field is a canonical column of a ledger (SPEC §3.1).
type Field int

// The canonical columns, in the order of the submission form.
const (
	FieldID          Field = iota // 编号
	FieldCategory                 // 类别
	FieldMeeting                  // 会议
	FieldMeetingDate              // 会议日期
	FieldContent                  // 事项内容
	FieldLead                     // 牵头单位
	FieldCo                       // 配合单位
	FieldLeader                   // 责任领导
	FieldDeadline                 // 完成时限
	FieldStatus                   // 落实状态
	FieldDone                     // 完成日期
	FieldProgress                 // 进展情况
	FieldNote                     // 备注
	FieldExtended                 // 调整后时限: an approved extension's deadline (SPEC §4.2)
	FieldSchedule                 // 进度: progress against schedule, 超进度/达进度/滞后 (SPEC §4.3)
	NumFields
)

// NumFormFields is the number of fields the submission form (SPEC §9) has columns for, 编号 to
// 备注: the later ones are read when a ledger has them, and not offered on the form.
const NumFormFields = FieldNote + 1

var fieldLabels = [NumFields]string{
	"编号", "类别", "会议", "会议日期", "事项内容", "牵头单位", "配合单位",
	"责任领导", "完成时限", "落实状态", "完成日期", "进展情况", "备注",
	"调整后时限", "进度",
}

// String returns the canonical Chinese label of f.
func (f Field) String() string {
	if f < 0 || f >= NumFields {
		return ""
	}
	return fieldLabels[f]
}

// FieldByLabel returns the field whose canonical label is s.
func FieldByLabel(s string) (Field, bool) {
	for f, l := range fieldLabels {
		if l == s {
			return Field(f), true
		}
	}
	return 0, false
}

// RawRow is one data row of a ledger sheet as read: the text of each canonical field and the
// place of each (Col 0 when the sheet has no such column).
type RawRow struct {
	Pos  Pos               // the row; Col 0
	Cols [NumFields]int    // 1-based column of each field in the sheet, 0 if absent
	Vals [NumFields]string // raw cell text; Excel dates arrive as serial numbers
	// Kinds says what each value is as the file holds it: a formula without its result is
	// xlsx.Uncalculated with Vals "", an error value (#N/A) xlsx.Error.
	Kinds [NumFields]xlsx.Kind
	// Date1904 is true when the workbook uses the 1904 date system.
	Date1904 bool
	// UnitFromFile is the unit to use when 牵头单位 is blank (from 填报单位： or the file name).
	UnitFromFile string
	// Group is the text of the group heading above the row (一、市政府常务会议议定事项), which
	// names the category, or the meeting, when the row's own cells do not.
	Group string
	// TitleMeeting is a line above the header that names a meeting by its date
	// (县政府6月20日专题会议议定事项), "" if none.
	TitleMeeting string
	// TitleYear is the year named above the header — in the ledger's title, else in its
	// 填报日期 line (TitleYearFrom says which) — for dates written without one; 0 if none.
	TitleYear     int
	TitleYearFrom string
	// Parent is the parent task (所属任务) over the row in a two-level list: the text of a
	// coarser 事项内容 column merged over several finer rows.
	Parent string
}

// Blank reports whether field f holds nothing: no value and no formula.
func (r *RawRow) Blank(f Field) bool { return r.Vals[f] == "" && r.Kinds[f] != xlsx.Uncalculated }

// Cell returns the place of field f in this row (the row's first cell if the column is absent).
func (r *RawRow) Cell(f Field) Pos { return r.Pos.At(r.Cols[f]) }

// Joined returns the row's raw values as one string, label=value separated by " | ".
func (r *RawRow) Joined() string { return r.join(false) }

// Readable is Joined with dates that arrived as Excel serial numbers shown as dates, for an
// excluded row's 原值.
func (r *RawRow) Readable() string { return r.join(true) }

func (r *RawRow) join(readable bool) string {
	var b strings.Builder
	for f := Field(0); f < NumFields; f++ {
		v := r.Vals[f]
		if r.Blank(f) {
			continue
		}
		if readable || r.Kinds[f] == xlsx.Uncalculated {
			v = r.Text(f)
		}
		if b.Len() > 0 {
			b.WriteString(rowSep)
		}
		b.WriteString(f.String() + "=" + v)
	}
	return b.String()
}

// Text is field f's value as a clerk would read it in the cell: a date that arrived as an
// Excel serial number as a date, a formula without a result as such.
func (r *RawRow) Text(f Field) string {
	v := strings.TrimSpace(r.Vals[f])
	switch {
	case r.Kinds[f] == xlsx.Uncalculated:
		return "（未计算的公式）"
	case f == FieldMeetingDate || f == FieldDeadline || f == FieldDone:
		if t, err := ParseDate(v, r.Date1904); err == nil && !t.IsZero() && isNumber(v) {
			return t.Format(time.DateOnly)
		}
	}
	return v
}

// isNumber reports whether s is a plain decimal number such as an Excel serial.
func isNumber(s string) bool {
	_, err := strconv.ParseFloat(s, 64)
	return err == nil
}

// Status is the class of a 落实状态 (SPEC §4.3), ordered from least to most advanced.
type Status int

// The three status classes.
const (
	NotStarted Status = iota // 未启动
	InProgress               // 推进中
	Done                     // 已落实
)

// String returns the Chinese class name.
func (s Status) String() string {
	switch s {
	case Done:
		return "已落实"
	case InProgress:
		return "推进中"
	}
	return "未启动"
}

// Kind is what a category counts: meetings, instruction documents or tasks.
type Kind int

// The kinds of category.
const (
	KindMeeting Kind = iota // 会议: counted in 会议次数
	KindDoc                 // 批示
	KindTask                // 任务
)

// String returns the Chinese name of the kind.
func (k Kind) String() string {
	switch k {
	case KindDoc:
		return "批示"
	case KindTask:
		return "任务"
	}
	return "会议"
}

// Meeting is the identity of a meeting (or document) within a category (SPEC §4.1).
type Meeting struct {
	Num int // session or document number, 0 if none
	// Year is a meeting's year, always set for the items of a 会议 category (numbers restart
	// each year), and the year of a document number such as 〔2023〕5号, else 0.
	Year int
	Date time.Time // meeting date, used for identity only when Num is 0
	Key  string    // normalised name, used for identity only when Num and Date are absent

	chainYear int16     // the meeting's year by the row's chain, whatever the category's kind
	yearBy    meetingBy // where chainYear came from
}

// meetingBy is where a meeting's year came from: the ledger or the run (inferred), its date,
// or its name.
type meetingBy uint8

const (
	meetingYearInferred meetingBy = iota
	meetingYearDated
	meetingYearWritten
)

// Item is one validated ledger row.
type Item struct {
	ID          string // 编号
	Category    string // canonical category name
	Kind        Kind
	Meeting     Meeting
	MeetingName string    // canonical display name, e.g. 市政府常务会议第5次
	MeetingDate time.Time // zero if unknown
	Content     string
	Parent      string    // 所属任务: the parent task of a two-level list, "" if none
	Lead        string    // 牵头单位
	Co          string    // 配合单位
	Leader      string    // 责任领导
	Deadline    time.Time // zero: 无明确时限; after an approved extension, its new deadline
	Status      Status
	StatusRaw   string
	Done        time.Time // 完成日期, zero if none
	Progress    string
	Note        string
	Src         Pos    // the row (Col 0)
	Merged      []Pos  // the rows merged into this one (Col 0), set by Merge
	Alert       string // 预警, set by Summarize: 逾期, 临期, 无明确时限, 逾期完成 or 正常
	// Original is the 原定时限 an approved extension replaced (SPEC §4.2), zero if none.
	Original time.Time
	// Schedule is the item's progress against schedule (进度, SPEC §4.3), ScheduleNone if none.
	Schedule Schedule
}

// Extended reports whether the item's deadline is an approved extension's.
func (it *Item) Extended() bool { return !it.Original.IsZero() }

// HasDeadline reports whether the item has a definite deadline.
func (it *Item) HasDeadline() bool { return !it.Deadline.IsZero() }
