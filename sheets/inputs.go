package sheets

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Texts of 报送情况, the meeting gaps and the sentence on 汇总 that says what limits the figures.
const (
	resultCounted  = "已计入"
	resultPartly   = "部分行已排除"
	resultFailed   = "未能读取"
	resultSkipped  = "已跳过"
	msgGap         = "%s的会议届次不连续：第1–%d次中缺%s（可能有单位未报送，或这些会议没有督查事项），会议次数只计有事项的会议，请核对"
	limitFailed    = "%s报送的台账无法读取"
	limitFailedAs  = "文件%s无法读取"
	limitFile      = "“%s”"
	limitExcluded  = "%s报送的%d行因填写错误被排除"
	limitOne       = "注：%s，其事项未计入本汇总。"
	limitSeveral   = "注：%s，上述事项均未计入本汇总。"
	limitMoreUnits = "%s等%d个单位"
	limitMoreFiles = "%s等%d个"
)

// The sentence on what the figures leave out as the 通报 (report --docx, brief) says it in its
// 二、存在问题.
const (
	limitOneBulletin     = "%s，其事项未计入本通报。"
	limitSeveralBulletin = "%s，上述事项均未计入本通报。"
)

// More texts of 报送情况: the end of the messages of skipped files, which 已跳过 says once, and
// a file whose rows all went into another's items.
const (
	skippedTail          = "，已跳过"
	resultSuperseded     = "全部与%s重复，按%s计"
	resultSupersededFile = "全部与 %s 重复，按其计"
)

// Submissions returns 报送情况: one row per input file and per file refused before reading,
// by file name, so that the order of the files given never changes the check file.
func (r *Report) Submissions() []FileResult {
	out := slices.Concat(r.Inputs, r.Refused)
	slices.SortStableFunc(out, func(a, b FileResult) int { return strings.Compare(a.File, b.File) })
	return out
}

// Add records problems found once the files were read — of merging, of the comparison with
// the previous report, a path Source could not read, a copy check --annotate could not
// write — among the report's problems, in order (SortProblems), and in the outcome of their
// files: a file refused before reading gets a row of its own in 报送情况.
func (r *Report) Add(ps []Problem) {
	index := inputIndex(r.Inputs)
	for _, p := range ps {
		if p.Scope == ScopeRun {
			continue
		}
		if i, ok := index[p.Pos.File]; ok {
			r.Inputs[i].note(p)
			continue
		}
		i := slices.IndexFunc(r.Refused, func(f FileResult) bool { return f.File == p.Pos.File })
		if i < 0 {
			if !p.failsFile() {
				continue
			}
			i = len(r.Refused)
			r.Refused = append(r.Refused, FileResult{File: p.Pos.File})
		}
		f := &r.Refused[i]
		if f.Failed == "" {
			f.Unit = namedUnit(f.File, nil)
		}
		f.note(p)
	}
	r.Problems = append(r.Problems, ps...)
	SortProblems(r.Problems)
}

// inputIndex maps the input files' names to their place in files.
func inputIndex(files []FileResult) map[string]int {
	index := make(map[string]int, len(files))
	for i, f := range files {
		index[f.File] = i
	}
	return index
}

// note counts problem p in the outcome of its file f. A problem with the whole file says why
// it was not read; a file that gave rows was read, whatever its notices say (an annotated
// copy read as the unit's return).
func (f *FileResult) note(p Problem) {
	switch p.Level {
	case Error:
		f.Errors++
	case Warning:
		f.Warnings++
	default:
		f.Notices++
	}
	if p.failsFile() && f.Failed == "" && f.Rows == 0 {
		f.Failed, f.Skipped = p.Msg, p.Level == Notice
		if f.Skipped {
			f.Unit, f.Sheets = "", nil // not a ledger
		}
	}
	if p.Scope >= ScopeRow {
		f.addSheet(p.Pos.Sheet)
	}
}

// addSheet lists sheet among the sheets rows of f were read from, unless f was skipped
// without giving rows (not a ledger: no unit, no sheets).
func (f *FileResult) addSheet(sheet string) {
	if sheet == "" || f.skippedWhole() {
		return
	}
	if i, found := slices.BinarySearch(f.Sheets, sheet); !found {
		f.Sheets = slices.Insert(f.Sheets, i, sheet)
	}
}

// skippedWhole reports whether f was skipped as a whole, giving no rows.
func (f *FileResult) skippedWhole() bool { return f.Skipped && f.Rows == 0 }

// Unreadable reports whether f could not be read: it failed, and was not skipped as no ledger.
func (f *FileResult) Unreadable() bool { return f.Failed != "" && !f.Skipped }

// noteItems counts the merged items in the outcome of the files they came from — each
// item in the file of its row, each merged row in its own — and gives each file its unit: the
// 牵头单位 most of its items name, else its file name's.
func (r *Report) noteItems() {
	index := inputIndex(r.Inputs)
	leads := make([]map[string]int, len(r.Inputs))
	into := make([]map[string]bool, len(r.Inputs)) // the files each file's merged rows went into
	see := func(p Pos, lead string) *FileResult {
		i, ok := index[p.File]
		if !ok {
			return nil
		}
		if leads[i] == nil {
			leads[i] = map[string]int{}
		}
		leads[i][lead]++
		f := &r.Inputs[i]
		f.addSheet(p.Sheet)
		return f
	}
	for k := range r.Items {
		it := &r.Items[k]
		lead := it.Lead
		if it.Kind == KindSuggestion {
			lead = "" // the units of 建议提案 do not name the file's: an office's table lists many
		}
		if f := see(it.Src, lead); f != nil {
			f.Counted++
		}
		for _, p := range it.Merged {
			if f := see(p, lead); f != nil {
				f.Merged++
				i := index[p.File]
				if into[i] == nil {
					into[i] = map[string]bool{}
				}
				into[i][it.Src.File] = true
			}
		}
	}
	for i := range r.Inputs {
		f := &r.Inputs[i]
		if f.skippedWhole() {
			continue
		}
		if len(into[i]) == 1 {
			for g := range into[i] {
				f.Into = g
			}
		}
		f.Unit = mostNamed(leads[i], unitFromFileName(path.Base(f.File)))
	}
}

// Result is the 结果 of a file in 报送情况: 已计入, 部分行已排除, 未能读取 or 已跳过, and why.
func (f *FileResult) Result() string {
	switch {
	case f.Failed != "" && f.Skipped:
		return resultSkipped + "：" + strings.TrimSuffix(f.Failed, skippedTail)
	case f.Failed != "":
		return resultFailed + "：" + f.Failed
	case f.Excluded > 0:
		return fmt.Sprintf("%s：%d行有错误，未计入", resultPartly, f.Excluded)
	case f.Rows == 0:
		return resultCounted + "（未读取到数据行）"
	case f.Superseded() != "":
		return resultCounted + "：" + f.Superseded()
	}
	return resultCounted
}

// Superseded says that every row of f was merged into one other file's items, so that none is
// counted from f itself — a 初稿 wholly taken over by its 终稿 (SPEC §6): 全部与终稿重复，按终稿计.
// Empty otherwise.
func (f *FileResult) Superseded() string {
	if f.Counted > 0 || f.Merged == 0 || f.Excluded > 0 || f.Failed != "" || f.Into == "" {
		return ""
	}
	if w := versionWord(f.Into); w != "" {
		return fmt.Sprintf(resultSuperseded, w, w)
	}
	return fmt.Sprintf(resultSupersededFile, f.Into)
}

// Limits is the one sentence under the narrative on 汇总 saying what the figures leave out:
// units whose file could not be read, units expected that sent nothing (Absent, with what they
// had before), rows excluded by errors. It is empty when nothing is left out.
func (r *Report) Limits() string {
	return limitsSentence(limitOne, limitSeveral, r.leftOut(true, r.Absent))
}

// BulletinLimits is Limits as the report's 通报 says it in 二、存在问题: 市教育局报送的台账无法读取，
// 其事项未计入本通报。
func (r *Report) BulletinLimits() string {
	return limitsSentence(limitOneBulletin, limitSeveralBulletin, r.leftOut(true, r.Absent))
}

// leftOut are the clauses of the sentence on what the figures leave out: units whose file
// could not be read, the units expected that sent nothing of absent, and with rows the rows
// excluded by errors.
func (r *Report) leftOut(rows bool, absent []Absence) []string {
	var failed, failedFiles, excludedUnits []string
	excluded := 0
	for _, f := range r.Submissions() {
		switch {
		case f.Unreadable() && f.Unit == "": // a file that names no unit
			failedFiles = append(failedFiles, fmt.Sprintf(limitFile, f.File))
		case f.Unreadable():
			failed = appendNew(failed, f.Unit)
		case f.Excluded > 0 && rows:
			excludedUnits = appendNew(excludedUnits, f.Unit)
			excluded += f.Excluded
		}
	}
	var parts []string
	if len(failed) > 0 {
		parts = append(parts, fmt.Sprintf(limitFailed, unitList(failed)))
	}
	if len(failedFiles) > 0 {
		files := strings.Join(failedFiles, "、")
		if len(failedFiles) > 5 {
			files = fmt.Sprintf(limitMoreFiles, strings.Join(failedFiles[:3], "、"), len(failedFiles))
		}
		parts = append(parts, fmt.Sprintf(limitFailedAs, files))
	}
	parts = append(parts, unsentClauses(absent)...)
	if excluded > 0 {
		parts = append(parts, fmt.Sprintf(limitExcluded, unitList(excludedUnits), excluded))
	}
	return parts
}

// limitsSentence makes the clauses parts one sentence, in the form one (one clause) or
// several; empty for none.
func limitsSentence(one, several string, parts []string) string {
	switch len(parts) {
	case 0:
		return ""
	case 1:
		return fmt.Sprintf(one, parts[0])
	}
	return fmt.Sprintf(several, strings.Join(parts, "，"))
}

// appendNew appends s to list unless it is there already.
func appendNew(list []string, s string) []string {
	if slices.Contains(list, s) {
		return list
	}
	return append(list, s)
}

// unitList names units as 甲、乙、丙, or 甲、乙、丙等7个单位 when there are more than five.
func unitList(us []string) string {
	if len(us) <= 5 {
		return strings.Join(us, "、")
	}
	return fmt.Sprintf(limitMoreUnits, strings.Join(us[:3], "、"), len(us))
}

// gapProblems warns, once per category, of the session numbers that have no items.
func gapProblems(gaps []MeetingGap) []Problem {
	var ps []Problem
	for _, g := range gaps {
		ps = append(ps, Problem{Scope: ScopeRun, Level: Warning, Kind: SessionGap, Field: FieldMeeting.String(), Msg: g.String()})
	}
	return ps
}

// String describes the gap, e.g. 市委常委会议的会议届次不连续：第1–19次中缺第4、7–8、15次…
func (g MeetingGap) String() string {
	return fmt.Sprintf(msgGap, g.named(), g.Last, sessionList(g.Missing))
}

// sessionList writes session numbers as 第4、7、8、15次, runs of three or more as 第20–25次.
func sessionList(ns []int) string {
	ns = slices.Clone(ns)
	slices.SortFunc(ns, cmp.Compare)
	var parts []string
	for i := 0; i < len(ns); {
		j := i
		for j+1 < len(ns) && ns[j+1] == ns[j]+1 {
			j++
		}
		if j-i >= 2 {
			parts = append(parts, strconv.Itoa(ns[i])+"–"+strconv.Itoa(ns[j]))
		} else {
			for k := i; k <= j; k++ {
				parts = append(parts, strconv.Itoa(ns[k]))
			}
		}
		i = j + 1
	}
	return "第" + strings.Join(parts, "、") + "次"
}
