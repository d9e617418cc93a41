package sheets

import (
	"fmt"
	"strings"
)

// DictDocBegin and DictDocEnd mark, in README.md, the part of the section 台账的写法 that
// DictDoc renders; a test keeps the two equal.
const (
	DictDocBegin = "<!-- 台账的写法 -->"
	DictDocEnd   = "<!-- /台账的写法 -->"
)

// docDateForm is a group of 完成时限 spellings that mean one date when the year is 2024 (a form
// without a year takes it from the item's context, SPEC §4.2); a test reads each of them.
type docDateForm struct {
	examples []string
	date     string // yyyy-mm-dd
	meaning  string
}

var docDateForms = []docDateForm{
	{[]string{"2024-06-30", "2024/6/30", "2024.6.30", "2024年6月30日", "20240630", "6月30日"}, "2024-06-30", "当日（单元格也可以是 Excel 日期）"},
	{[]string{"2024年6月", "2024-06", "2024年6月底", "2024年6月底前", "6月底前"}, "2024-06-30", "当月最后一天"},
	{[]string{"2024年上半年", "上半年"}, "2024-06-30", "6月30日"},
	{[]string{"三季度末", "第三季度", "2024年第3季度"}, "2024-09-30", "季度最后一天"},
	{[]string{"2024年底", "2024年底前", "年底前", "2024年内"}, "2024-12-31", "12月31日"},
}

// unclearDeadlines are 完成时限 texts that stay errors; a test checks that each is one.
var unclearDeadlines = []string{"尽快", "按上级要求", "会后20个工作日内", "持续推进，2024年6月底前完成", "2024年2月30日"}

// leadExamples are 牵头单位 cells naming several units, shown with how they are read.
var leadExamples = []string{"市住建局、市自然资源局", "市城管局（牵头）、市住建局", "市城管局、市公安局（牵头）", "市水利局牵头，市财政局配合"}

// DictDoc renders what duban understands in a ledger — the status words by class, the
// no-deadline words, the date forms, the column names and the reading of several units — as
// Markdown for README's section 台账的写法, from dictionary d.
func DictDoc(d *Dict) string {
	var b strings.Builder
	p := func(format string, a ...any) { fmt.Fprintf(&b, format+"\n", a...) }
	list := func(words []string) string { return "`" + strings.Join(words, "`、`") + "`" }

	p("### 落实状态")
	p("")
	p("每格写一个词，按整格认（`未完成` 不会被当成 `完成`），格首格尾的标点和空格不计（`已完成。` 即 `已完成`）。")
	p("")
	p("| 计为 | 写法 |")
	p("|---|---|")
	for _, s := range []Status{Done, InProgress, NotStarted} {
		p("| %s | %s |", s, list(append([]string{s.String()}, d.Statuses[s]...)))
	}
	p("")
	p("下面这些写法没有说明事项是否办结，是错误（该行不计入统计），说明中会讲明原因并请单位改填三类之一：")
	p("")
	for _, u := range unclearStatuses {
		p("- %s：%s", list(u.examples), u.why)
	}
	p("- 其他词典中没有的写法：无法识别")
	p("")
	p("### 完成时限")
	p("")
	p("| 写法 | 理解为（以2024年为例） |")
	p("|---|---|")
	for _, f := range docDateForms {
		p("| %s | %s，即 %s |", list(f.examples), f.meaning, f.date)
	}
	p("")
	p("没写年份的（`6月底前`），按事项的会议日期等上下文确定年份，并给出提示。")
	p("")
	p("空白，或以 %s 开头的写法（如 `常态化开展`、`持续跟进`、`长期推进`），计为无明确时限；"+
		"但后面又写了日期的（`持续推进，2024年6月底前完成`）是错误，`常态化开展，每季度通报` 这样的周期不算日期。", list(d.NoDeadline))
	p("")
	p("这些写法是错误：%s。", list(unclearDeadlines))
	p("")
	p("### 列名")
	p("")
	p("表头去掉空格、换行、`*` 和全角半角差异后按下表认列。")
	p("")
	p("| 列 | 表头也可写作 |")
	p("|---|---|")
	for f := Field(0); f < NumFields; f++ {
		aliases := "—"
		if len(d.Columns[f]) > 0 {
			aliases = list(d.Columns[f])
		}
		p("| %s | %s |", f, aliases)
	}
	p("")
	p("### 几个单位写在一格牵头单位里")
	p("")
	p("标注“牵头”的单位为牵头单位，没有标注的取列第一位的单位；其余单位计入配合单位，并给出提示。")
	p("")
	p("| 牵头单位栏 | 牵头单位 | 配合单位 |")
	p("|---|---|---|")
	for _, cell := range leadExamples {
		s := splitLead(cell)
		p("| `%s` | %s | %s |", cell, s.lead, strings.Join(s.others, "、"))
	}
	return b.String()
}
