package sheets

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
)

// The marks duban leaves in the workbooks it writes, by which the reader knows them again.

// The marks in the properties of the documents duban writes (package books): every one
// carries its kind in the description of its document properties, which Excel, WPS and
// LibreOffice keep on saving (SPEC §2). The reader skips a report, a check file and a briefing
// (never merged), and tells a form, a reminder or an annotated copy nobody saved since
// (尚未填写) from one a unit filled in and saved (its return); the overwrite rule replaces only
// a marked file not saved since. ReportApplication is the program duban writes into app.xml:
// a program that saves the file again writes its own there (SavedSince).
const (
	ReportApplication    = "duban"
	ReportDescription    = "duban-report"    // the consolidated workbook (report)
	CheckDescription     = "duban-check"     // the clerk's check file beside it
	BriefDescription     = "duban-brief"     // the briefing workbook (brief)
	BulletinDescription  = "duban-bulletin"  // the 通报 as a Word document
	FormDescription      = "duban-template"  // a submission form (duban template)
	ReminderDescription  = "duban-reminder"  // a reminder, a pre-filled form (duban remind)
	AnnotatedDescription = "duban-annotated" // a copy written by check --annotate
	ConfigDescription    = "duban-config"    // the dictionary workbook (duban config)
	FormGuideSheet       = "填报说明"
	FormListSheet        = "选项"
)

// Mark is the kind of document duban wrote, as its description says; NotOwn for any other.
type Mark uint8

const (
	NotOwn Mark = iota
	MarkReport
	MarkCheck
	MarkBrief
	MarkBulletin
	MarkForm
	MarkReminder
	MarkAnnotated
	MarkConfig
)

// MarkOf is the mark a document's description carries. Reports, check files and briefings
// written before each had its own mark carried the report's; reminders, the form's.
func MarkOf(description string) Mark {
	switch strings.TrimSpace(description) {
	case ReportDescription:
		return MarkReport
	case CheckDescription:
		return MarkCheck
	case BriefDescription:
		return MarkBrief
	case BulletinDescription:
		return MarkBulletin
	case FormDescription:
		return MarkForm
	case ReminderDescription:
		return MarkReminder
	case AnnotatedDescription:
		return MarkAnnotated
	case ConfigDescription:
		return MarkConfig
	}
	return NotOwn
}

// Output reports whether m marks a document made for reading (report, check file, briefing,
// 通报, dictionary): never a unit's return, never merged.
func (m Mark) Output() bool {
	return m == MarkReport || m == MarkCheck || m == MarkBrief || m == MarkBulletin || m == MarkConfig
}

// Returnable reports whether m marks a document sent to a unit to fill in and send back: a
// form, a reminder or an annotated copy.
func (m Mark) Returnable() bool {
	return m == MarkForm || m == MarkReminder || m == MarkAnnotated
}

// SavedSince reports whether a program other than duban saved the document after duban
// wrote it: duban writes its name as the application (app.xml), the same creation and
// modification times, and the creator (or nothing) as the last modifier; Excel, WPS and
// LibreOffice write their own application and their user as the last modifier, and a program
// that drops app.xml or keeps it changes the times. Any one of these tells.
func SavedSince(p xlsx.Props) bool {
	return p.Application != ReportApplication || p.Modified != p.Created ||
		p.LastModifiedBy != "" && p.LastModifiedBy != p.Creator && p.LastModifiedBy != ReportApplication
}

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
