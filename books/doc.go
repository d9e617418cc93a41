// Package books writes every document duban hands to people — the stage after read →
// validate → merge → stats — and holds the one policy for writing files:
//
//	WriteReport  (report.go)   the report for the leaders and the clerk's check file beside it
//	                           (sheets.CheckPath), with 单位统计 (units.go), 变化情况
//	                           (changes.go) and 漏报事项
//	WriteBrief   (brief.go)    the briefing (会议通报) on one meeting's items
//	BriefBulletin, ReportBulletin (bulletin.go)
//	                           the 通报 as a Word document (internal/bulletin), saved with the
//	                           briefing or the report (BulletinOutput)
//	Annotate     (annotate.go) a unit's workbook with its problem cells marked and 问题清单;
//	                           a legacy .xls is copied into a new .xlsx (annotate_xls.go)
//	Form         (form.go)     a blank or pre-filled submission form (duban template)
//	Reminder     (remind.go)   a reminder (催办单), a form pre-filled with a unit's open items
//	WriteConfig  (config.go)   the dictionary as an editable workbook (duban config -o)
//
// The file policy: SafeName makes a unit's or meeting's name part of a file name, Unique makes
// names unique in one folder, MakeDir creates folders; SaveFile and SaveFiles write through a
// temporary file renamed into place, so that a failed write leaves no half-written workbook;
// CheckTargets decides, for every file a run writes and before any is written, what may be
// replaced (SPEC §2): a file carrying duban's mark nobody saved since (CheckOverwrite); one
// saved since only with --force; never an input, nor a file without the mark. A Batch writes
// the files of a run one by one and takes them back should the run fail part-way; OSError says
// what the operating system reported, in Chinese (oserr.go); stale temporary files of a
// killed run are removed by the next (stale.go).
//
// What goes to leaders and units prints on A4 (xlsxout.FitA4); only the check file may take A3.
//
// books lays out workbooks with internal/xlsxout and excelize, the only package besides
// internal/xlsxout that does. What it writes is read back by sheets through internal/xlsx,
// by the sheet names and marks sheets defines (marks.go there).
package books
