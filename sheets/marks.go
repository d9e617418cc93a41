package sheets

// The marks duban leaves in the workbooks it writes, by which the reader knows them again.

// The marks in the properties of a consolidated workbook (write.go); IsOwnReport and the
// reader look for them.
const (
	reportApplication = "duban"
	reportDescription = "duban-report"
)

// The marks of a submission form written by duban template (templates/form.go): a form filled
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
