package sheets

import (
	"cmp"
	"slices"
	"strings"
)

// Level is how serious a Problem is.
type Level int

const (
	// Error (错误): the row or file is excluded from all statistics.
	Error Level = iota
	// Warning (警告): the row counts, but something is suspicious.
	Warning
	// Notice (提示): information, e.g. a skipped sheet or an inferred year.
	Notice
)

// String returns the Chinese name of the level.
func (l Level) String() string {
	switch l {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Problem is one finding about the input, pointed at the cell to fix.
type Problem struct {
	Pos   Pos
	Level Level
	Field string // column label (canonical), may be empty
	Raw   string // the raw value, or for an excluded row all its values
	Msg   string // plain-Chinese explanation a unit clerk can act on
}

// String formats p as one stderr line: 文件!工作表!单元格: 级别: 说明.
func (p Problem) String() string {
	if p.Pos.File == "" { // about the whole run, such as a gap in meeting numbers
		return p.Level.String() + ": " + p.Msg
	}
	return p.Pos.String() + ": " + p.Level.String() + ": " + p.Msg
}

// SortProblems orders problems errors first, then by place, then by message, so output
// does not depend on the order in which files were read.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := cmp.Compare(a.Level, b.Level); c != 0 {
			return c
		}
		if c := a.Pos.compare(b.Pos); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		return cmp.Compare(a.Msg, b.Msg)
	})
}

// Count returns how many problems have level l.
func Count(ps []Problem, l Level) int {
	n := 0
	for _, p := range ps {
		if p.Level == l {
			n++
		}
	}
	return n
}

// noticeKinds names each kind of notice (提示) by the message it is built from, so that the
// terminal can count notices by kind (提示81条：牵头单位按填报单位推断24条，…) instead of
// listing them. A message matches a format when the format's literal text appears in it in
// order, the first part at its start; where one format's message would also match another,
// the more specific format comes first. A notice of a message not listed is kindOther.
var noticeKinds = []struct{ format, kind string }{
	{msgLeadFromFile, "牵头单位按填报单位推断"},
	{msgYearInferred, "完成时限补全年份"},
	{msgYearInferredNext, "完成时限补全年份"},
	{msgYearFrom, "完成时限补全年份"},
	{msgYearOfRun, "完成时限补全年份"},
	{msgDateYearInferred, "日期补全年份"},
	{msgSheetCategory, "类别按工作表名推断"},
	{msgCategoryMeeting, "类别栏写了完整会议名称"},
	{msgDupSame, "重复报送只计一次"},
	{msgDupByID, "重复报送只计一次"},
	{msgReminderUpdate, "按催办单反馈更新"},
	{msgLeadFirst, "牵头单位栏有多个单位"},
	{msgLeadMarked, "牵头单位栏有多个单位"},
	{msgLeadMarks, "牵头单位栏有多个单位"},
	{msgFooter, "跳过表尾说明行"},
	{msgHeading, "跳过分组标题行"},
	{msgHeaderAgain, "跳过重复表头行"},
	{msgNumberRow, "跳过列编号行"},
	{msgOnlyUnknown, "跳过只有未识别列的行"},
	{msgNewHeader, "另一张表的表头"},
	{msgStatusChosen, "按内容选定的列"},
	{msgDateChosen, "按内容选定的列"},
	{msgParentChosen, "两级任务的所属任务"},
	{msgParentOnce, "两级任务的所属任务"},
	{msgContinuation, "续行并入上一事项"},
	{msgSubHeading, "跳过子项标题行"},
	{msgUnknownCols, "忽略未识别的列"},
	{msgDupColumn, "重复的列"},
	{msgHiddenSheet, "跳过隐藏工作表"},
	{msgNotWorksheet, "跳过非数据工作表"},
	{msgEmptySheet, "跳过空工作表"},
	{msgNoHeader, "跳过无表头的工作表"},
	{msgOwnReport, "跳过duban生成的汇总表"},
	{msgOwnAnnotated, "跳过批注副本"},
	{msgAnnotatedReturned, "批注副本按退回台账汇总"},
	{msgNotWorkbook, "跳过非Excel文件"},
	{msgSheetRenamed, "副本中工作表改名"},
	{msgStatusMeaning, "落实状态按词义归类"},
	{msgNoDeadlineMeaning, "完成时限按词义计为无明确时限"},
	{msgColumnMeaning, "列名按词义识别"},
}

// kindOther is the kind of a notice whose message is not in noticeKinds.
const kindOther = "其他"

// Kind is the short name of the kind of notice p is, such as 牵头单位按填报单位推断, for
// counting notices by kind; kindOther when its message is of no listed kind.
func (p Problem) Kind() string {
	for _, k := range noticeKinds {
		if matchesFormat(p.Msg, k.format) {
			return k.kind
		}
	}
	return kindOther
}

// matchesFormat reports whether msg could have been built by fmt.Sprintf(format, …): the
// literal parts of format between its verbs appear in msg in order, the first at its start.
// Text after the last part is allowed, for messages with a clause appended.
func matchesFormat(msg, format string) bool {
	for i, part := range formatParts(format) {
		j := strings.Index(msg, part)
		if j < 0 || i == 0 && j != 0 {
			return false
		}
		msg = msg[j+len(part):]
	}
	return true
}

// formatParts splits a format at its verbs (%s, %d, %v, %5.1f …) into its literal parts; the
// first is "" when the format starts with a verb. %% is a literal %.
func formatParts(format string) []string {
	var parts []string
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			b.WriteByte(format[i])
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0123456789.*[]", format[i]) >= 0 {
			i++
		}
		if i < len(format) && format[i] == '%' {
			b.WriteByte('%')
			continue
		}
		parts = append(parts, b.String())
		b.Reset()
	}
	return append(parts, b.String())
}
