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
var leadExamples = []string{"市住建局、市自然资源局", "市城管局（牵头）、市住建局", "市城管局、市公安局（牵头）", "市水利局牵头，市财政局配合",
	"市发改委 市财政局"}

// Words read by meaning (SPEC §3.1, §4.2, §4.3), shown with how they are read; each is tested
// to be read so.
var (
	statusMeaningExamples = []string{"尚未动工", "暂未着手", "没有启动", "尚未办结", "已开工建设", "正在施工", "有序推进中", "稳步推进",
		"长期坚持", "已完成并销号", "完成并通过验收", "已建成", "已办结（6月3日）", "推进中（已协调财政）"}
	noDeadlineMeaningExamples = []string{"—", "/", "不限", "不设时限", "常年", "按年度推进", "长效推进"}
	dateWordsExamples         = []string{"9月30日前全面完成", "2024年10月底前建成投用"}
	headerMeaningExamples     = []string{"任务名称", "督办事项名称", "主责单位", "主要责任单位", "整改期限", "预计完成时间",
		"规定办结日期", "实际办结日期", "目前进度", "推进状态"}
)

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
	p("词典中没有、又不属于上面几种的写法，按词义归类，并在该格给出提示（可把它加进词典固定下来）：" +
		"先看是否部分完成或暂停（错误），再看否定词加动作（`未`、`尚未`、`暂未`、`没有` + 开展/开工/实施/启动 → 未启动），" +
		"再看已经办完（已落实），最后看正在办理或持续推进（推进中）。状态后括号里的说明不影响归类，" +
		"已办结的括号里写了日期、完成日期栏又空着的，按该日期计完成日期。")
	p("")
	p("| 写法 | 计为 |")
	p("|---|---|")
	for _, w := range statusMeaningExamples {
		p("| `%s` | %s |", w, d.readStatus(w).class)
	}
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
	p("词典中没有的 %s 这类写法，按词义计为无明确时限，并给出提示；日期后面写了要做的事的（%s），按该日期计。",
		list(noDeadlineMeaningExamples), list(dateWordsExamples))
	p("")
	p("这些写法是错误：%s。数字格式单元格里的 `2024.6` 也是错误（数字 2024.1 和 2024.10 相同，无法确定月份）；写成文本的 `2024.6` 是2024年6月底。", list(unclearDeadlines))
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
	p("上表没有的表头，去掉括号中的说明和修饰词，按中心词认列，并给出提示（“目前进度”“推进状态”这样的列，填的是状态词时才是落实状态，" +
		"填的是文字说明时作为进展情况；两列都可能是同一列时，按所填内容区分）：")
	p("")
	p("| 表头 | 认作 |")
	p("|---|---|")
	for _, h := range headerMeaningExamples {
		f, _, _, _ := d.columnOf(h)
		p("| `%s` | %s |", h, f)
	}
	p("")
	p("### 几个单位写在一格牵头单位里")
	p("")
	p("标注“牵头”的单位为牵头单位，没有标注的取列第一位的单位；其余单位计入配合单位，并给出提示。" +
		"单位之间只用空格隔开的，每一段都是词典中的单位、或以局、委、办、中心、公司、镇、乡、街道等结尾时，才按几个单位读。")
	p("")
	p("| 牵头单位栏 | 牵头单位 | 配合单位 |")
	p("|---|---|---|")
	for _, cell := range leadExamples {
		s := splitLead(cell)
		p("| `%s` | %s | %s |", cell, s.lead, strings.Join(s.others, "、"))
	}
	return b.String()
}
