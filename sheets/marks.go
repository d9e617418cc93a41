package sheets

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"
)

// The marks duban leaves in the workbooks it writes, by which the reader knows them again.

// The marks in the properties of the workbooks duban writes (package books): the reader and
// the overwrite rule look for them. ReportDescription marks a report, its check file and a
// briefing.
const (
	ReportApplication = "duban"
	ReportDescription = "duban-report"
)

// The marks of a submission form written by duban template (books/form.go): a form filled
// in and sent back is an ordinary ledger, whose instructions and hidden lists the reader
// passes over without a word.
const (
	FormDescription      = "duban-template"
	AnnotatedDescription = "duban-annotated" // a copy written by check --annotate: never merged again
	FormGuideSheet       = "填报说明"
	FormListSheet        = "选项"
)

// isOwnReportByNames recognises a consolidated workbook duban wrote by its fixed sheet names,
// for when another program has dropped its document properties.
func isOwnReportByNames(sheets []string) bool {
	has := map[string]bool{}
	for _, s := range sheets {
		has[s] = true
	}
	return has[SheetSummary] && has[SheetItems] && has[SheetProblems]
}

// Sheet names of the consolidated workbook (SPEC §7). Readers find the tables by these names
// and by the column labels, so neither may change.
const (
	SheetSummary    = "汇总"
	SheetMeetings   = "分会议统计"
	SheetLeaders    = "分管领导统计"
	SheetUnits      = "单位统计"
	SheetOverdue    = "逾期事项"
	SheetDueSoon    = "临期事项"
	SheetNoDeadline = "无明确时限"
	SheetItems      = "事项明细"
	SheetProblems   = "校验问题" // in the check file
	SheetInputs     = "报送情况" // in the check file
	SheetMissing    = "漏报事项"
	SheetUnreported = "未报送单位"
	SheetIssues     = "问题清单" // in an annotated copy (check --annotate)
)

// LabelParent heads the column of 事项明细 that shows an item's parent task, when some item
// came from a two-level list (SPEC §7).
const LabelParent = "所属任务"

// RenamedSheetNote is the notice that the annotated copy of file shows its sheet old as now, a
// name Excel accepts.
func RenamedSheetNote(file, old, now string) Problem {
	return Problem{Pos: Pos{File: file, Sheet: old}, Scope: ScopeSheet, Level: Notice, Kind: SheetRenamed,
		Msg: fmt.Sprintf(msgSheetRenamed, old, now)}
}

// checkSuffix ends the name of a report's check file.
const checkSuffix = "_核对"

// CheckPath is the check file of the report at path: 汇总.xlsx → 汇总_核对.xlsx.
func CheckPath(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + checkSuffix + ".xlsx"
}

// CNDate formats a date as 2024年11月30日, the way dates are written in sentences.
func CNDate(t time.Time) string {
	return t.Format("2006年1月2日")
}

// titleSummary is the title of the report's 汇总: <制表单位><年度>年度督查事项落实情况汇总.
const titleSummary = "%s%d年度督查事项落实情况汇总"

// SummaryTitle is the title of 汇总: <制表单位><年度>年度督查事项落实情况汇总, the year of
// the as-of date unless the report's year is set.
func (r *Report) SummaryTitle() string {
	year := r.Year
	if year == 0 {
		year = r.AsOf.Year()
	}
	return fmt.Sprintf(titleSummary, r.Office, year)
}

// LabelOriginal heads the column of 事项明细 that shows the 原定时限 an approved extension
// replaced, when some item has one (SPEC §4.2, §7); its 完成时限 is the extended one.
const LabelOriginal = "原定时限"
