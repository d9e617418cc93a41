package sheets

import (
	"fmt"
	"time"
)

// Report is everything the consolidated workbook shows (SPEC §7), computed by Summarize.
type Report struct {
	AsOf     time.Time
	WarnDays int
	// Year is the reporting year of the title (年度); 0 means the year of AsOf.
	Year int
	// Office is the 制表单位 (dictionary §8); empty leaves it off the title and the sheets.
	Office string
	// Created is the run's clock, the creation time in the workbooks' document properties.
	Created time.Time

	Files      int // workbooks read
	RowsRead   int // N: non-blank data rows read
	Duplicates int // K: rows merged into another row of the same item
	Excluded   int // E: rows excluded by errors
	// ExcludedRows are the rows validation excluded, with what can still be read of them
	// (their meeting, unit, status), in the order of the files given.
	ExcludedRows []ExcludedRow
	// Sheets tells, for each ledger sheet read, what became of its rows (for 报送情况), in
	// the order of the files given.
	Sheets []SheetTally

	Items      []Item          // M merged items, in 事项明细 order (category, meeting, unit, content)
	Categories []CategoryStats // categories that occur, in dictionary order
	Total      CategoryStats   // 合计
	Meetings   []MeetingStats  // meetings of 会议-kind categories, by category then number
	Leaders    []LeaderStats   // 分管领导统计: most items first
	Units      []UnitStats     // best 落实率 first
	Overdue    []Flagged       // most days overdue first
	DueSoon    []Flagged       // fewest days left first
	NoDeadline []*Item         // open items without a deadline
	// Extended is how many items are measured against an approved extension (经批准延期).
	Extended int
	// Schedules are the items under way by their progress against schedule (进度).
	Schedules ScheduleCounts

	Gaps []MeetingGap // meeting categories whose session numbers have gaps

	// Inputs is what became of each input file, in the order given (报送情况), kept by Build
	// as it reads, validates and merges them.
	Inputs []FileResult
	// Refused are the files refused before reading (not workbooks, paths that name nothing),
	// each a row of 报送情况 of its own (Add).
	Refused []FileResult

	Problems  []Problem // errors first
	Narrative string    // 文字摘要

	// Expect is set when the report reconciles against a master list (--expect).
	Expect *Reconciliation
	// Since is set when the report is compared with the previous one (--since).
	Since *SinceResult
	// Absent are the units expected to report and not heard from (SPEC §7), biggest first:
	// named on 汇总, rows 未报送 in 报送情况 and at the end of 单位统计, one warning each.
	Absent []Absence
	// Uncounted are the units heard from none of whose rows were counted, every one excluded
	// by errors: after the ranked units of 单位统计, marked ※, without rank or figures.
	Uncounted []UnitStats

	// Suggestions are the 建议提案 by category (SPEC §9.5), in dictionary order, and their
	// total: 汇总's table of their own. They are in no other figure of the report; their items
	// are in Items, and in Overdue and DueSoon when open.
	Suggestions     []SuggestionStats
	SuggestionTotal SuggestionStats
}

// SuggestionStats is one row of 汇总's 建议提案 table: 类别 | 件数 | 已办复 | 办复率 | A类 |
// B类 | C类 | D类 | 满意 | 基本满意 | 不满意 | 满意率.
type SuggestionStats struct {
	Name    string
	Items   int    // 件数
	Replied int    // 已办复: answered (an 答复日期, or a 办理结果 given)
	Classes [4]int // 办理结果 A, B, C, D among the answered
	// 满意度 among the answered: 满意, 基本满意, 不满意
	Satisfied, Basic, Unsatisfied int
	Overdue                       int // open past deadline (逾期未办复)

	undated int // open without a deadline: in the report's NoDeadline list
}

// ReplyRate is 办复率 = 已办复 / 件数, the exact ratio (0 for none).
func (s SuggestionStats) ReplyRate() float64 { return ratio(s.Replied, s.Items) }

// Rated is how many answered items have a 满意度: the denominator of 满意率.
func (s SuggestionStats) Rated() int { return s.Satisfied + s.Basic + s.Unsatisfied }

// SatisfactionRate is 满意率 = (满意 + 基本满意) / 已办复 with a 满意度 given, the exact ratio
// (0 for none).
func (s SuggestionStats) SatisfactionRate() float64 { return ratio(s.Satisfied+s.Basic, s.Rated()) }

func ratio(num, den int) float64 {
	if den == 0 {
		return 0
	}
	return float64(num) / float64(den)
}

// add counts an item of a 建议 category; overdue says it is open past its deadline.
func (s *SuggestionStats) add(it *Item, overdue bool) {
	s.Items++
	if overdue {
		s.Overdue++
	}
	if it.Status != Done {
		if !it.HasDeadline() {
			s.undated++
		}
		return
	}
	s.Replied++
	for i, c := range ResultClasses {
		if it.ResultClass == c {
			s.Classes[i]++
		}
	}
	switch it.Satisfaction {
	case Satisfied:
		s.Satisfied++
	case Basic:
		s.Basic++
	case Unsatisfied:
		s.Unsatisfied++
	}
}

// Counts are the completion figures of a group of items.
type Counts struct {
	Items      int
	Done       int // 已落实
	InProgress int // 推进中
	NotStarted int // 未启动
	Overdue    int // 逾期
	DueSoon    int // 临期
	Due        int // 应办结: a deadline past, or 已落实 (按期办结率's denominator)
	OnTime     int // 按期办结: 已落实 by the deadline
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
	// Complete is true when the meetings are known to be all there were (numbered 1..N with
	// none absent): the narrative then says 召开N次, else 涉及N次会议.
	Complete bool
	Counts
}

// MeetingStats is one row of 分会议统计.
type MeetingStats struct {
	Category string
	Name     string    // canonical display name, e.g. 市政府常务会议第5次
	Date     time.Time // zero if unknown
	Counts

	num, year int // the session number and the meeting's year, for the gaps and the latest session
}

// LeaderStats is one row of 分管领导统计.
type LeaderStats struct {
	Leader string // 责任领导, LeaderNone when the items name none
	Counts
}

// MeetingGap is a meeting category whose session numbers run from 1 to Last with some absent.
type MeetingGap struct {
	Category string
	Year     int // the meetings' year when the category has meetings of several years, else 0
	Last     int
	Missing  []int
}

// FileResult is what became of one input file: one row of 报送情况.
type FileResult struct {
	File     string   // the name shown in problems and 来源
	Unit     string   // the unit the file is from (its items' 牵头单位, else its name)
	Sheets   []string // the sheets rows were read from
	Rows     int      // non-blank data rows read
	Valid    int      // rows that passed validation
	Counted  int      // items counted from this file after merging
	Merged   int      // rows merged into an item of another row
	Excluded int      // rows excluded by errors
	Errors   int
	Warnings int
	Notices  int
	// Failed is the reason the whole file was not read (未能读取) or skipped (已跳过); empty
	// when its rows were read.
	Failed  string
	Skipped bool // Failed is a skip (a notice), not an error
	// Returned is set for a form, reminder or annotated copy duban wrote that the unit filled
	// in and saved (Ledger.Returned): a later version of its ledger.
	Returned bool
	// Into is the one file all the rows merged from this file went into (a 初稿 into its 终稿),
	// "" when none or several.
	Into string
}

// UnitStats is one row of 单位统计.
type UnitStats struct {
	Rank int
	Unit string
	Counts
	// Excluded is how many rows of the unit's files were excluded by errors: its name is
	// marked ※ and its rank only indicative (SPEC §7).
	Excluded int
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
	// report is set when the master list is a report duban wrote (上期汇总表), not a 交办清单.
	report bool
	// listed are the meeting categories whose meetings a 交办清单 names: their 会议次数 are the
	// list's, complete (SPEC §7).
	listed map[string]bool
}

// UnitDue is a unit that reported nothing and how many items it should have reported.
type UnitDue struct {
	Unit  string
	Items int
}

// Balance is the row-count proof (SPEC §5), in exactly the form stdout and the check file
// give it: 行数核对：读取N行 = 明细M项 + 重复合并K行 + 错误排除E行.
func (r *Report) Balance() string {
	return fmt.Sprintf(lineBalance, r.RowsRead, len(r.Items), r.Duplicates, r.Excluded)
}
