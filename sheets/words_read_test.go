package sheets

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestLedgerWordsAndUnits reads a ledger filled the way county and city units fill theirs and
// checks every item and every problem. The words are those of published 督查通报: 在办
// (http://www.hanzhong.gov.cn/hzszf/hdjl/12345rx/202209/db3890416aa44c41b840ba54464d9375.shtml),
// 慢序时 (https://www.chengxiang.gov.cn/zwgk/wmbss/202101/t20210129_1571508.htm), 提前完成 and 欠进度
// (https://www.ahjinzhai.gov.cn/public/6596281/38062166.html), 未开工
// (https://www.zyx.gov.cn/Content-2717260.html), status words copied out of a sentence with its
// punctuation ("已办理完成13项，正在办理6项。", https://zydjyzx.com/html/HtmlMCAFDCN8I35.html);
// the unit lists are those of 任务分工方案 ("列第一位的责任单位为牵头单位",
// https://z.hangzhou.com.cn/2020/hzrmzfgb/content/content_7745055.html).
func TestLedgerWordsAndUnits(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市城市管理局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"市城市管理局2024年度督查事项落实台账",
			"序号|会议名称|会议日期|议定事项|责任单位|配合单位|完成时限|落实状态|完成日期",
			"#1|市政府第3次常务会议|2024-02-05|开展城区占道经营专项整治|市城市管理局、市市场监督管理局||2024年10月底前；|在办|",
			"#2|市长专题会议第7次|2024-04-09|推进生活垃圾分类示范片区建设|市城市管理局，市住房和城乡建设局，市生态环境局|市生态环境局|常态化开展|慢序时|",
			"#3|市长办公会议第5次|2024-05-20|整治城区主干道交通秩序|市城市管理局、市公安局（牵头）|市交通运输局|2024年6月30日|提前完成。|2024-06-18",
			"#4|市政府第9次常务会议|2024-07-03|规范互联网租赁自行车停放管理|市交通运输局牵头，市城市管理局配合||持续跟进|未开工|",
			"#5|市长专题会议第10次|2024-08-12|推进城市公园绿地提质改造|市城市管理局||2024年12月底前|欠进度|",
			"#6|市政府第12次常务会议|2024-09-10|完成餐饮服务单位油烟在线监控安装|市城市管理局||持续推进，2024年11月底前完成|正在推进|",
			"#7|市长办公会议第9次|2024-10-15|治理建筑垃圾乱倾倒问题|市城市管理局||2024年12月31日|基本完成|",
		},
		merges: []string{"A1:I1"},
	}}})
	d := testDict(t)
	raws, probs := ReadFile(p, d, ReadOptions{})
	items, excluded, vps := NewValidator(d, date(2024, 12, 20)).Validate(raws)
	probs = append(probs, vps...)

	var got []string
	for _, it := range items {
		dl := "无明确时限"
		if it.HasDeadline() {
			dl = it.Deadline.Format(time.DateOnly)
		}
		got = append(got, fmt.Sprintf("%d: %s | 牵头 %s | 配合 %s | %s | %s", it.Src.Row, it.Content, it.Lead, it.Co, it.Status, dl))
	}
	sameLines(t, "items", got, []string{
		"3: 开展城区占道经营专项整治 | 牵头 市城市管理局 | 配合 市市场监督管理局 | 推进中 | 2024-10-31",
		"4: 推进生活垃圾分类示范片区建设 | 牵头 市城市管理局 | 配合 市住房和城乡建设局、市生态环境局 | 推进中 | 无明确时限",
		"5: 整治城区主干道交通秩序 | 牵头 市公安局 | 配合 市城市管理局、市交通运输局 | 已落实 | 2024-06-30",
		"6: 规范互联网租赁自行车停放管理 | 牵头 市交通运输局 | 配合 市城市管理局 | 未启动 | 无明确时限",
		"7: 推进城市公园绿地提质改造 | 牵头 市城市管理局 | 配合  | 推进中 | 2024-12-31",
	})
	if excluded != 2 {
		t.Errorf("excluded = %d, want 2", excluded)
	}
	var lines []string
	for _, p := range probs {
		lines = append(lines, p.String())
	}
	sameLines(t, "problems", lines, []string{
		"市城市管理局.xlsx!台账!E3: 提示: 牵头单位栏列有2个单位，按列第一位的“市城市管理局”为牵头单位统计，“市市场监督管理局”计入配合单位；如牵头单位不是它，请在牵头单位后注明（牵头）",
		"市城市管理局.xlsx!台账!E4: 提示: 牵头单位栏列有3个单位，按列第一位的“市城市管理局”为牵头单位统计，“市住房和城乡建设局、市生态环境局”计入配合单位；如牵头单位不是它，请在牵头单位后注明（牵头）",
		"市城市管理局.xlsx!台账!E5: 提示: 牵头单位栏列有2个单位，按标注牵头的“市公安局”为牵头单位统计，“市城市管理局”计入配合单位",
		"市城市管理局.xlsx!台账!E6: 提示: 牵头单位栏列有2个单位，按标注牵头的“市交通运输局”为牵头单位统计，“市城市管理局”计入配合单位",
		"市城市管理局.xlsx!台账!G8: 错误: 完成时限“持续推进，2024年11月底前完成”既有表示无明确时限的“持续推进”，又写了日期或期限，无法确定有没有完成时限；有明确时限的请只写时限（如 2024年6月底前），没有的请只写“持续推进”" + msgExcluded,
		"市城市管理局.xlsx!台账!H9: 错误: 落实状态“基本完成”只说明基本或部分完成，没有说明事项是否已全部完成，不能确定属于“已落实”“推进中”“未启动”中的哪一类；已全部完成的请填“已落实”，仍有未完成部分的请填“推进中”，具体进度写在进展情况中" + msgExcluded,
	})
	if len(items) > 0 && strings.Contains(items[0].Lead, "、") {
		t.Errorf("a list of units counted as one unit: %q", items[0].Lead)
	}
}
