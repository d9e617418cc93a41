package sheets

import (
	"path/filepath"
	"strings"
	"testing"
)

// settleLedger is a 市商务局 ledger of two items, the second's 完成时限 as given (the sample's
// 市商务局.xlsx!H12 wrote 2024年2月30日, which the unit corrected to 2024年12月30日).
func settleLedger(deadline string) [][]any {
	return [][]any{
		{"类别", "会议", "会议日期", "事项内容", "牵头单位", "责任领导", "完成时限", "落实状态"},
		{"市政府常务会议", "市政府第十三次常务会议", "2024-10-26", "着力抓好外贸稳增长", "市商务局", "陈副市长", "2024年12月31日", "推进中"},
		{"市政府常务会议", "市政府第十三次常务会议", "2024-10-26", "着力抓好招商引资重大项目签约落地相关工作", "市商务局", "陈副市长", deadline, "推进中"},
	}
}

// settleRun builds the report of two versions of 市商务局's ledger, named first and second.
func settleRun(t *testing.T, first, firstDeadline, second, secondDeadline string) (*Report, string, string) {
	t.Helper()
	dir := t.TempDir()
	a, b := filepath.Join(dir, first), filepath.Join(dir, second)
	writeRowsBook(t, a, "台账", settleLedger(firstDeadline))
	writeRowsBook(t, b, "台账", settleLedger(secondDeadline))
	r := Build([]string{a, b}, Options{Dict: testDict(t), AsOf: date(2024, 12, 20), WarnDays: 7, NoGaps: true})
	if r.RowsRead != len(r.Items)+r.Duplicates+r.Excluded {
		t.Errorf("N %d ≠ M %d + K %d + E %d", r.RowsRead, len(r.Items), r.Duplicates, r.Excluded)
	}
	sum := func(f func(FileResult) int) int {
		n := 0
		for _, in := range r.Inputs {
			n += f(in)
		}
		return n
	}
	if e := sum(func(f FileResult) int { return f.Excluded }); e != r.Excluded {
		t.Errorf("the files exclude %d rows, the report %d", e, r.Excluded)
	}
	return r, filepath.Base(a), filepath.Base(b)
}

// rowProblem is the problem of file's row 3 at 完成时限.
func rowProblem(r *Report, file string) (Problem, bool) {
	for _, p := range r.Problems {
		if p.Pos.File == file && p.Pos.Row == 3 && p.Field == FieldDeadline.String() {
			return p, true
		}
	}
	return Problem{}, false
}

func TestSettleCorrectedInLaterVersion(t *testing.T) {
	t.Parallel()
	r, first, second := settleRun(t, "市商务局（初稿）.xlsx", "2024年2月30日", "市商务局（终稿）.xlsx", "2024年12月30日")
	if len(r.Items) != 2 || r.Excluded != 0 || r.Duplicates != 2 || len(r.ExcludedRows) != 0 {
		t.Errorf("M %d, K %d, E %d, excluded rows %v; want 2, 2, 0, none", len(r.Items), r.Duplicates, r.Excluded, r.ExcludedRows)
	}
	if n := Count(r.Problems, Error); n != 0 {
		t.Errorf("%d errors left: %v", n, r.Problems)
	}
	p, ok := rowProblem(r, first)
	if !ok || p.Level != Notice || !strings.Contains(p.Msg, "2月没有30日") ||
		!strings.HasSuffix(p.Msg, "已在同一单位台账的较新版本 "+second+" 中更正，按其计") || strings.Contains(p.Msg, msgExcluded) {
		t.Errorf("the settled row's problem: %+v", p)
	}
	for _, u := range r.Units {
		if u.Excluded != 0 {
			t.Errorf("单位统计 marks %s with %d rows", u.Unit, u.Excluded)
		}
	}
	if s := r.Limits(); strings.Contains(s, "填写错误") {
		t.Errorf("注 names the settled row: %s", s)
	}
	for _, f := range r.Inputs {
		if f.File == first && (f.Excluded != 0 || f.Errors != 0) {
			t.Errorf("%s: %d excluded, %d errors", f.File, f.Excluded, f.Errors)
		}
	}
}

// An error in the later version is not settled by the earlier version's correct row.
func TestSettleNotByEarlierVersion(t *testing.T) {
	t.Parallel()
	r, _, second := settleRun(t, "市商务局（初稿）.xlsx", "2024年12月30日", "市商务局（终稿）.xlsx", "2024年2月30日")
	if r.Excluded != 1 || len(r.ExcludedRows) != 1 || r.ExcludedRows[0].Src.File != second {
		t.Errorf("E %d, excluded rows %v; want the 终稿's row", r.Excluded, r.ExcludedRows)
	}
	if p, ok := rowProblem(r, second); !ok || p.Level != Error {
		t.Errorf("the 终稿's error: %+v", p)
	}
}

// The same wrong row in two versions is excluded once, in the later one; its error in the
// earlier version becomes a notice, so that the row is sent back once.
func TestSettleRepeatedErrorCountsOnce(t *testing.T) {
	t.Parallel()
	r, first, second := settleRun(t, "市商务局（初稿）.xlsx", "2024年2月30日", "市商务局（终稿）.xlsx", "2024年2月30日")
	if r.Excluded != 1 || len(r.ExcludedRows) != 1 || r.ExcludedRows[0].Src.File != second || len(r.Items) != 1 {
		t.Errorf("M %d, E %d, excluded rows %v; want 1, 1, the 终稿's row", len(r.Items), r.Excluded, r.ExcludedRows)
	}
	if p, ok := rowProblem(r, second); !ok || p.Level != Error {
		t.Errorf("the 终稿's error: %+v", p)
	}
	if p, ok := rowProblem(r, first); !ok || p.Level != Notice || !strings.Contains(p.Msg, "仍有错误") {
		t.Errorf("the 初稿's problem: %+v", p)
	}
	if s := r.Limits(); !strings.Contains(s, "1行") {
		t.Errorf("注: %s", s)
	}
}

// Two ledgers of different units holding the same wrong row settle nothing.
func TestSettleOnlyWithinOneLedger(t *testing.T) {
	t.Parallel()
	r, _, _ := settleRun(t, "市商务局.xlsx", "2024年2月30日", "市发展改革委.xlsx", "2024年12月30日")
	if r.Excluded != 1 {
		t.Errorf("E %d, want 1: another unit's file is no version of 市商务局's", r.Excluded)
	}
}
