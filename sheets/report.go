package sheets

import "time"

// Report is everything the consolidated workbook shows (SPEC §7), computed by Summarize.
type Report struct {
	AsOf     time.Time
	WarnDays int

	Files      int // workbooks read
	RowsRead   int // N: non-blank data rows read
	Duplicates int // K: rows merged into another row of the same item
	Excluded   int // E: rows excluded by errors

	Items      []Item          // M merged items, in 事项明细 order (category, meeting, unit, content)
	Categories []CategoryStats // categories that occur, in dictionary order
	Total      CategoryStats   // 合计
	Meetings   []MeetingStats  // meetings of 会议-kind categories, by category then number
	Units      []UnitStats     // best 落实率 first
	Overdue    []Flagged       // most days overdue first
	DueSoon    []Flagged       // fewest days left first
	NoDeadline []*Item         // open items without a deadline

	Problems  []Problem // errors first
	Narrative string    // 文字摘要

	// Expect is set when the report reconciles against a master list (--expect).
	Expect *Reconciliation
	// Since is set when the report is compared with the previous one (--since).
	Since *SinceResult
}

// Counts are the completion figures of a group of items.
type Counts struct {
	Items      int
	Done       int // 已落实
	InProgress int // 推进中
	NotStarted int // 未启动
	Overdue    int // 逾期
	DueSoon    int // 临期
}

// Rate returns 落实率 = 已落实 / 事项数, the exact ratio (0 for no items).
func (c Counts) Rate() float64 {
	if c.Items == 0 {
		return 0
	}
	return float64(c.Done) / float64(c.Items)
}

// CategoryStats is one row of 汇总.
type CategoryStats struct {
	Name     string
	Kind     Kind
	Meetings int // distinct meetings (会议次数); meaningful for KindMeeting only
	Counts
}

// MeetingStats is one row of 分会议统计.
type MeetingStats struct {
	Category string
	Name     string    // canonical display name, e.g. 市政府常务会议第5次
	Date     time.Time // zero if unknown
	Counts
}

// UnitStats is one row of 单位统计.
type UnitStats struct {
	Rank int
	Unit string
	Counts
}

// Flagged is an item on the 逾期事项 or 临期事项 list with its days overdue or days left.
type Flagged struct {
	Item *Item
	Days int
}

// Reconciliation is the result of comparing the reports with a master list (SPEC §9).
type Reconciliation struct {
	Headers    []string   // the master list's columns, then 牵头单位
	Missing    [][]string // items assigned but not reported, one row of values per item
	Unreported []UnitDue  // units that sent nothing
}

// UnitDue is a unit that reported nothing and how many items it should have reported.
type UnitDue struct {
	Unit  string
	Items int
}
