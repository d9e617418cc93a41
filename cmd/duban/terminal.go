package main

// What report and check print (SPEC §2), for a clerk with a 30-line console window. stderr
// comes first: one line per input file, the errors grouped by file under a heading that sends
// those files back, the warnings, the notices counted by kind. stdout comes last, so that it
// stays on screen: the figures, the narrative, the output paths, the problem counts and the
// row-count proof.

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
)

// Texts of the terminal.
const (
	headErrors     = "以下文件有错误，请退回单位修改后重新报送："
	headPathErrors = "以下路径有误，未能读取，请检查命令中的文件或文件夹："
	headWarnings   = "警告%d条（已计入统计，请核实）："
	headAbsent     = "应报送而未报送台账的单位%d个（其事项未计入统计）："
	headNotices    = "提示%d条：%s"
	hintVerbose    = "；加 -v 逐条列出"
	kindCount      = "%s%d条"
	fileCounted    = "计入%d项"
	fileMerged     = "重复合并%d行"
	fileErrors     = "错误%d条"
	fileWarnings   = "警告%d条"
	fileFailed     = "未能读取："
	fileSkipped    = "已跳过："
	skippedSuffix  = "，已跳过" // the end of the messages of skipped files, said once by fileSkipped
	lineTitle      = "督查事项汇总（统计截止：%s）"
	lineReport     = "汇总工作簿：%s"
	lineCheckFile  = "核对工作簿：%s"
	lineBulletin   = "督查通报：%s"
	lineProblems   = "发现问题%d条：错误%d条，警告%d条，提示%d条，已列入核对工作簿的“校验问题”工作表"
	lineChecked    = "共检查%d个文件：错误%d条，警告%d条，提示%d条"
	warnsMerged    = "（上面合并列为%d条）"
	lineAnnotated  = "已在 %s 写出%d个标注过的台账"
)

// headMasterErrors heads the master list's own errors (--expect): the office's list, not a
// unit's file.
const headMasterErrors = "交办清单（%s）中以下各处有误，这些行未能与各单位报送的事项核对，请修改交办清单后重新运行："

// printStderr writes stderr of report and check in SPEC §2's order — the units expected that
// sent nothing in a block of their own before the warnings, since nothing of theirs is
// counted; with o.Quiet only the errors, with o.Verbose every notice after their counts.
func printStderr(w io.Writer, r *sheets.Report, o Options) {
	var errs, absent, warns, notes []sheets.Problem
	for _, p := range r.Problems {
		switch {
		case p.Level == sheets.Error:
			errs = append(errs, p)
		case p.Kind == sheets.UnitAbsent: // not counted at all: a block of its own, one line a unit
			absent = append(absent, p)
		case p.Level == sheets.Warning:
			if !p.Detail { // in the check file; its summary is another warning
				warns = append(warns, p)
			}
		default:
			notes = append(notes, p)
		}
	}
	// An error about a path that named no file (a mistyped folder) is the clerk's, not a
	// unit's: it is not listed among the files to send back.
	inputs := map[string]bool{}
	for _, f := range r.Inputs {
		inputs[f.File] = true
	}
	var pathErrs, unitErrs, masterErrs []sheets.Problem
	for _, p := range errs {
		if o.Master != nil && p.Pos.File == o.Master.File && !inputs[p.Pos.File] {
			masterErrs = append(masterErrs, p)
			continue
		}
		if inputs[p.Pos.File] {
			unitErrs = append(unitErrs, p)
		} else {
			pathErrs = append(pathErrs, p)
		}
	}
	blocks := &blockWriter{w: w}
	if !o.Quiet {
		printFiles(blocks.next(), r.Submissions())
	}
	if len(pathErrs) > 0 {
		printProblems(blocks.next(), headPathErrors, pathErrs)
	}
	if len(masterErrs) > 0 {
		printProblems(blocks.next(), fmt.Sprintf(headMasterErrors, o.Master.File), masterErrs)
	}
	if len(unitErrs) > 0 {
		printProblems(blocks.next(), headErrors, unitErrs)
	}
	if o.Quiet {
		return
	}
	if len(absent) > 0 {
		printProblems(blocks.next(), fmt.Sprintf(headAbsent, len(absent)), absent)
	}
	if len(warns) > 0 {
		printProblems(blocks.next(), fmt.Sprintf(headWarnings, len(warns)), warns)
	}
	if len(notes) > 0 {
		printNotices(blocks.next(), notes, o.Verbose)
	}
}

// blockWriter separates blocks of lines by one blank line.
type blockWriter struct {
	w       io.Writer
	started bool
}

// next returns the writer of the next block, after a blank line if a block came before.
func (b *blockWriter) next() io.Writer {
	if b.started {
		fmt.Fprintln(b.w)
	}
	b.started = true
	return b.w
}

// maxAlign is the widest file or unit name the per-file lines are aligned to: a longer one
// (a file name of 60 characters) is followed by two spaces, so that the lines of the others
// stay within an 80-column console.
const maxAlign = 28

// printFiles writes one line per input file: its unit, the items counted from it and its
// errors and warnings, or why it was not read. Files and units are aligned in columns.
func printFiles(w io.Writer, files []sheets.FileResult) {
	fileWidth, unitWidth := 0, 0
	for _, f := range files {
		if d := zhtext.Width(f.File); d <= maxAlign {
			fileWidth = max(fileWidth, d)
		}
		if d := zhtext.Width(f.Unit); f.Failed == "" && d <= maxAlign {
			unitWidth = max(unitWidth, d)
		}
	}
	for _, f := range files {
		line := pad(f.File, fileWidth) + "  "
		switch {
		case f.Failed != "" && f.Skipped:
			line += fileSkipped + strings.TrimSuffix(f.Failed, skippedSuffix)
		case f.Failed != "":
			line += fileFailed + f.Failed
		default:
			line += pad(f.Unit, unitWidth) + "  " + fileCounts(f)
		}
		fmt.Fprintln(w, line)
	}
}

// fileCounts is 计入25项，重复合并3行，错误1条，警告2条, leaving out what is zero after 计入.
func fileCounts(f sheets.FileResult) string {
	parts := []string{fmt.Sprintf(fileCounted, f.Counted)}
	if s := f.Superseded(); s != "" { // not 计入0项: its rows are counted in the later version's items
		parts[0] = s
	}
	for _, c := range []struct {
		format string
		n      int
	}{{fileMerged, f.Merged}, {fileErrors, f.Errors}, {fileWarnings, f.Warnings}} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf(c.format, c.n))
		}
	}
	return strings.Join(parts, "，")
}

// printProblems writes a heading and under it one indented line per problem, 文件!工作表!单元格:
// 说明, in the order given (SortProblems: by file, so that each file's lines are together).
func printProblems(w io.Writer, heading string, ps []sheets.Problem) {
	fmt.Fprintln(w, heading)
	for _, p := range ps {
		fmt.Fprintln(w, "  "+problemLine(p))
	}
}

// problemLine is a problem without its level, which its block says: 文件!工作表!单元格: 说明.
func problemLine(p sheets.Problem) string {
	if p.Scope == sheets.ScopeRun { // such as a gap in meeting numbers
		return p.Msg
	}
	return p.Pos.String() + ": " + p.Msg
}

// printNotices writes the notices counted by kind, most frequent first; verbose lists each one
// under the counts, otherwise the line says how to list them.
func printNotices(w io.Writer, notes []sheets.Problem, verbose bool) {
	kinds := sheets.CountKinds(notes)
	parts := make([]string, len(kinds))
	for i, k := range kinds {
		parts[i] = fmt.Sprintf(kindCount, k.Kind, k.N)
	}
	line := fmt.Sprintf(headNotices, len(notes), strings.Join(parts, "，"))
	if !verbose {
		fmt.Fprintln(w, line+hintVerbose)
		return
	}
	printProblems(w, line, notes)
}

// printReportOutput writes stdout of report: the table per category, the narrative and what
// limits the figures, the two workbooks written, the problem counts, and the row-count proof
// last. With o.Quiet only the workbooks and the proof.
// bulletin is the 通报 written with them (report --docx), or "".
func printReportOutput(w io.Writer, r *sheets.Report, o Options, report, checkFile, bulletin string) {
	if !o.Quiet {
		printSummary(w, r)
	}
	fmt.Fprintf(w, lineReport+"\n", report)
	fmt.Fprintf(w, lineCheckFile+"\n", checkFile)
	if bulletin != "" {
		fmt.Fprintf(w, lineBulletin+"\n", bulletin)
	}
	if n := len(r.Problems); n > 0 && !o.Quiet {
		fmt.Fprintf(w, lineWithWarnings(lineProblems, r)+"\n", n, sheets.Count(r.Problems, sheets.Error),
			sheets.Count(r.Problems, sheets.Warning), sheets.Count(r.Problems, sheets.Notice))
	}
	printBalance(w, r)
}

// printCheckOutput writes stdout of check: the annotated copies written (annotated < 0: none
// asked for), the problem counts, and the row-count proof last. With o.Quiet only the copies
// and the proof.
func printCheckOutput(w io.Writer, r *sheets.Report, o Options, dir string, annotated int) {
	if annotated >= 0 {
		fmt.Fprintf(w, lineAnnotated+"\n", dir, annotated)
	}
	if !o.Quiet {
		fmt.Fprintf(w, lineWithWarnings(lineChecked, r)+"\n", len(r.Inputs), sheets.Count(r.Problems, sheets.Error),
			sheets.Count(r.Problems, sheets.Warning), sheets.Count(r.Problems, sheets.Notice))
	}
	printBalance(w, r)
}

// lineWithWarnings is line (lineProblems, lineChecked) with, after its count of warnings —
// every warning, as the check file and the files' lines count them — how many lines stderr
// gave them, when it merged some: the differences between two versions of a ledger, listed
// item by item in the check file, are one line a pair of files above (警告11条（上面合并列为5条）).
// report and check count alike.
func lineWithWarnings(line string, r *sheets.Report) string {
	all, detail := 0, 0
	for _, p := range r.Problems {
		if p.Level == sheets.Warning {
			all++
			if p.Detail {
				detail++
			}
		}
	}
	if detail == 0 {
		return line
	}
	return strings.Replace(line, "警告%d条", "警告%d条"+strings.ReplaceAll(fmt.Sprintf(warnsMerged, all-detail), "%", "%%"), 1)
}

// printSummary writes the short table per category, the narrative and, when anything limits
// the figures, the sentence that says so.
func printSummary(w io.Writer, r *sheets.Report) {
	fmt.Fprintf(w, lineTitle+"\n", sheets.CNDate(r.AsOf))
	rows := [][]string{{"类别", "会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期", "落实率", "按期办结率"}}
	line := func(c sheets.CategoryStats, meetings string) []string {
		onTime := ""
		if c.Due > 0 {
			onTime = sheets.Percent(c.OnTime, c.Due)
		}
		return []string{c.Name, meetings, strconv.Itoa(c.Items), strconv.Itoa(c.Done), strconv.Itoa(c.InProgress),
			strconv.Itoa(c.NotStarted), strconv.Itoa(c.Overdue), strconv.Itoa(c.DueSoon), sheets.Percent(c.Done, c.Items), onTime}
	}
	for _, c := range r.Categories {
		m := ""
		if c.Kind == sheets.KindMeeting {
			m = strconv.Itoa(c.Meetings)
		}
		rows = append(rows, line(c, m))
	}
	rows = append(rows, line(r.Total, strconv.Itoa(r.Total.Meetings)))
	if len(r.Categories) > 0 || len(r.Suggestions) == 0 { // 建议提案 alone: their table only
		printTable(w, rows)
		for _, n := range r.SummaryNotes() {
			fmt.Fprintln(w, n)
		}
	}
	printSuggestions(w, r)
	fmt.Fprintln(w)
	fmt.Fprintln(w, r.Narrative)
	if limits := r.Limits(); limits != "" {
		fmt.Fprintln(w, limits)
	}
	if missing := r.Expect.Line(true); missing != "" {
		fmt.Fprintln(w, missing)
	}
	fmt.Fprintln(w)
}

// printBalance writes the row-count proof that ends stdout (SPEC §5).
func printBalance(w io.Writer, r *sheets.Report) {
	fmt.Fprintln(w, r.Balance())
}

// printTable aligns columns by display width (a CJK character is two columns wide).
func printTable(w io.Writer, rows [][]string) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], zhtext.Width(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			if i == 0 {
				b.WriteString(pad(c, widths[i]))
			} else {
				b.WriteString(strings.Repeat(" ", widths[i]-zhtext.Width(c)) + c)
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// pad fills s with spaces on the right to width display columns.
func pad(s string, width int) string {
	return s + strings.Repeat(" ", max(0, width-zhtext.Width(s)))
}

// printSuggestions writes 汇总's table of 建议提案 (SPEC §9.5) under the table per category,
// after a blank line, when there are any.
func printSuggestions(w io.Writer, r *sheets.Report) {
	if len(r.Suggestions) == 0 {
		return
	}
	rows := [][]string{{"类别", "件数", "已办复", "办复率", "A类", "B类", "C类", "D类", "满意", "基本满意", "不满意", "满意率"}}
	line := func(s sheets.SuggestionStats) []string {
		rate := ""
		if s.Rated() > 0 {
			rate = sheets.Percent(s.Satisfied+s.Basic, s.Rated())
		}
		return []string{s.Name, strconv.Itoa(s.Items), strconv.Itoa(s.Replied), sheets.Percent(s.Replied, s.Items),
			strconv.Itoa(s.Classes[0]), strconv.Itoa(s.Classes[1]), strconv.Itoa(s.Classes[2]), strconv.Itoa(s.Classes[3]),
			strconv.Itoa(s.Satisfied), strconv.Itoa(s.Basic), strconv.Itoa(s.Unsatisfied), rate}
	}
	for _, s := range r.Suggestions {
		rows = append(rows, line(s))
	}
	if len(r.Suggestions) > 1 {
		rows = append(rows, line(r.SuggestionTotal))
	}
	if len(r.Categories) > 0 {
		fmt.Fprintln(w)
	}
	printTable(w, rows)
}
