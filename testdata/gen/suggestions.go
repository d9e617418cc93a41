package main

import (
	"fmt"
	"io"
	"strings"
)

// The sample's 建议提案 (SPEC §9.5): the office's table of the 人大代表建议 and 政协委员提案 its
// units handle, one sheet each, as a 建议 system exports them — the columns of a 人大 list page
// (建议编号 | 题目 | 领衔代表 | … | 要求结办日期 | 主办单位, research-22.md §1 L4) and of a 政协
// 提案 record (提案号, 第一提案人, 主办单位, 会办单位, 立案时间, 办复时间, 办理结果, L6) — with no
// 会议 or 落实状态 column. They are counted apart: the figures of the supervised items do not
// change.

const suggestionFile = "人大代表建议和政协委员提案办理情况.xlsx"

// suggestion is one row: its sheet's columns in order.
type suggestion struct {
	id, title, proposer, lead, co, assigned, deadline, replied, result, satisfaction string
}

var suggestionSheets = []struct {
	name, title string
	header      []string
	rows        []suggestion
}{
	{"人大代表建议", "2024年市人大代表建议办理情况",
		[]string{"建议编号", "题目", "领衔代表", "主办单位", "会办单位", "交办日期", "要求结办日期", "办复时间", "办理结果", "满意度"},
		[]suggestion{
			{"第3号", "关于加快城区老旧供水管网改造的建议", "李燕芹", "市住房城乡建设局", "市财政局", "2024-03-08", "", "2024-06-12", "A", "满意"},
			{"第7号", "关于完善农村客运班线的建议", "王建国", "市交通运输局", "", "2024-03-08", "", "2024-06-25", "B类", "基本满意"},
			{"第15号", "关于扩大普惠性托育服务供给的建议", "赵敏", "市卫生健康委", "市教育局", "2024-03-08", "", "2024-05-30", "列入规划，逐步解决", "满意"},
			{"第21号", "关于支持农产品冷链物流建设的建议", "孙伟", "市农业农村局", "市商务局", "2024-03-08", "", "", "", ""},
			{"闭会第2号", "关于加强校园周边交通安全的建议", "钱芳", "市交通运输局", "市教育局", "2024-09-20", "", "", "", ""},
			{"第26号", "关于推进工业园区污水集中处理的建议", "马骏", "市生态环境局", "", "2024-03-08", "2024-08-31", "2024-08-20", "D", "不满意"},
		}},
	{"政协委员提案", "2024年市政协委员提案办理情况",
		[]string{"提案号", "提案案由", "第一提案人", "主办单位", "会办单位", "立案时间", "办理时限", "办复时间", "办理结果", "满意度"},
		[]suggestion{
			{"第12号", "关于持续优化营商环境的提案", "陈立", "市发展改革委", "市商务局", "2024-03-06", "", "2024-06-18", "A", "满意"},
			{"第18号", "关于加强耕地保护的提案", "刘洋", "市自然资源和规划局", "市农业农村局", "2024-03-06", "", "2024-06-28", "B", "满意"},
			{"第30号", "关于推广装配式建筑的提案", "周红", "市住房城乡建设局", "", "2024-03-06", "", "2024-06-26", "A", "基本满意"},
			{"第33号", "关于建设应急避难场所的提案", "吴刚", "市应急管理局", "市住房城乡建设局", "2024-03-06", "", "2024-07-15", "C", ""},
			{"第41号", "关于加快发展数字经济的提案", "郑丽", "市工业和信息化局", "", "2024-03-06", "", "2024-06-20", "采纳", "满意"},
		}},
}

// suggestionBook is the sample's 建议提案 workbook: a title over each sheet's header.
func suggestionBook() *book {
	b := &book{file: suggestionFile}
	for _, s := range suggestionSheets {
		rows := [][]string{{s.title}, s.header}
		for _, r := range s.rows {
			rows = append(rows, []string{r.id, r.title, r.proposer, r.lead, r.co, r.assigned, r.deadline, r.replied, r.result, r.satisfaction})
		}
		b.sheets = append(b.sheets, &sheet{name: s.name, free: rows})
	}
	return b
}

// summarizeSuggestions prints the expected figures of the 建议提案, counted here from the rows
// above: answered (办复) when a reply date or a result is given; the deadline is the row's, else
// 6月30日, else (闭会) three months from assignment; 满意率 over the answered with a 满意度.
func summarizeSuggestions(w io.Writer) {
	var parts []string
	items, replied, satisfied, rated, overdue := 0, 0, 0, 0, 0
	for _, s := range suggestionSheets {
		n, answered := 0, 0
		for _, r := range s.rows {
			n++
			if r.replied != "" || r.result != "" {
				answered++
				if r.satisfaction != "" {
					rated++
				}
				if r.satisfaction == "满意" || r.satisfaction == "基本满意" {
					satisfied++
				}
				continue
			}
			due := day(year, 6, 30)
			if strings.Contains(r.id, "闭会") {
				var y, m, d int
				fmt.Sscanf(r.assigned, "%d-%d-%d", &y, &m, &d)
				due = day(y, m, d).AddDate(0, 3, 0)
			}
			if due.Before(asOf) {
				overdue++
			}
		}
		parts = append(parts, fmt.Sprintf("%s%d件（已办复%d件）", s.name, n, answered))
		items += n
		replied += answered
	}
	fmt.Fprintf(w, "建议提案（单独统计，不计入上表）：%s，办复率%s，满意率%s，逾期未办复%d件。\n",
		strings.Join(parts, "、"), pct(replied, items), pct(satisfied, rated), overdue)
}
