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
// CheckOverwrite (reports, briefings, reminders: duban's own unedited workbook may be replaced)
// and CheckNew (forms and the config workbook: no existing file without --force) decide what
// may be replaced.
//
// What goes to leaders and units prints on A4 (xlsxout.FitA4); only the check file may take A3.
//
// books lays out workbooks with internal/xlsxout and excelize, the only package besides
// internal/xlsxout that does. What it writes is read back by sheets through internal/xlsx,
// by the sheet names and marks sheets defines (marks.go there).
package books
