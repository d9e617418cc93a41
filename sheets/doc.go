// Package sheets is duban's pipeline, one file a stage:
//
//	Source   (collect.go)   the workbooks named by files and folders
//	ReadFile (read.go)      a workbook → raw rows, each with its place (internal/xlsx reads
//	                        the cells; damage anywhere refuses the whole file); one sheet's
//	                        ledger in sheet.go, its header and column choice in header.go,
//	                        the disposition of each row in rows.go
//	Validate (validate.go)  raw rows → items, by the row rules of SPEC §5 (validator/v10)
//	Merge    (merge.go)     the same item from several rows counted once (SPEC §6)
//	Summarize (stats.go)    items → Report: the figures of SPEC §7, the as-of date passed in
//	                        (absent.go: the units expected that sent nothing, and the units
//	                        whose rows errors excluded; since.go: 较上期 against a previous report)
//
// Build (run.go) runs them all; package books writes the Report. Only the reader touches
// workbooks — a unit's ledger, and duban's own workbooks read back (own.go: a previous report,
// a report as master list, the config workbook), all through internal/xlsx; everything between
// is plain Go values, testable without files. The dictionary (dict.go) holds everything an office
// names its own way; deadline.go and meeting.go read dates, deadlines and meeting names, whose
// Chinese text forms internal/zhtext parses.
//
// The input contract is SPEC §3–§4: any visible sheet whose header row names known columns
// is a ledger, however messy its layout. Every problem found is a Problem with its place,
// printed as 文件名!工作表!单元格: 级别: 说明 (错误 excludes the row or file, 警告 counts
// it, 提示 informs), and no row is lost: rows read = items + rows merged + rows excluded.
package sheets
