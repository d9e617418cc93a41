package sheets

import (
	"fmt"
	"testing"
	"time"
)

// 建议提案 ledgers (SPEC §9.5) as the 建议提案 systems export them (research-22.md §1), each
// read, validated and summarised, every figure stated and computed here by hand.

// readSuggestions reads the workbook at path and validates its rows as of asOf: one line per
// item, "行: 类别 | 编号 | 事项内容 | 领衔人 | 牵头单位 | 配合单位 | 完成时限 | 落实状态 | 办理结果类 |
// 答复日期 | 满意度", and the problems of both stages.
func readSuggestions(t *testing.T, path string, asOf time.Time) (items []Item, lines, probs []string) {
	t.Helper()
	d := testDict(t)
	raws, ps := ReadFile(path, d, ReadOptions{})
	its, _, vps := NewValidator(d, asOf).Validate(raws)
	day := func(x time.Time) string {
		if x.IsZero() {
			return ""
		}
		return x.Format(time.DateOnly)
	}
	for _, it := range its {
		lines = append(lines, fmt.Sprintf("%d: %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s", it.Src.Row, it.Category, it.ID, it.Content,
			it.Proposer, it.Lead, it.Co, day(it.Deadline), it.Status, it.ResultClass, day(it.Replied), it.Satisfaction))
	}
	for _, p := range append(ps, vps...) {
		probs = append(probs, p.String())
	}
	return its, lines, probs
}

// L1: a 代表建议目录 exported by a 人大 system, a two-row header with 提建议人 over 单位 | 姓名
// (github.com/Kskjshare/zhrd report/suggestlist.jsp, commit 591a352b, exported as
// "…自治县十五届人民代表大会第二次会议代表建议目录.xlsx"), with the columns of the 办理 a unit adds
// to it. The title names the category; 建议编号 is the item's number; 拟主办单位 the 牵头单位.
func TestSuggestionTwoRowHeader(t *testing.T) {
	p := writeBook(t, t.TempDir(), "市住房城乡建设局.xlsx", testBook{sheets: []testSheet{{
		name: "Sheet1",
		rows: []string{
			"十五届人民代表大会第二次会议代表建议目录",
			"建议编号|提建议人||建议标题|拟主办单位|交办日期|办理结果|答复日期|满意度|备注",
			"|单位|姓名|",
			"第12号|城关镇|李燕芹|关于提高环卫工福利待遇的建议|市住房城乡建设局|2024-03-10|A|2024-05-20|满意|",
			"第27号|东城街道|王建国|关于加快老旧小区改造的建议|市住房城乡建设局|2024-03-10|B类|2024-06-18|基本满意|",
			"第31号|西城街道|赵敏|关于增设社区停车位的建议|市住房城乡建设局|2024-03-10||||",
		},
		merges: []string{"A1:J1", "B2:C2", "A2:A3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:H3", "I2:I3", "J2:J3"},
	}}})
	_, lines, probs := readSuggestions(t, p, date(2024, 7, 10))
	sameLines(t, "items", lines, []string{
		"4: 人大代表建议 | 第12号 | 关于提高环卫工福利待遇的建议 | 李燕芹 | 市住房城乡建设局 |  | 2024-06-30 | 已落实 | A | 2024-05-20 | 满意",
		"5: 人大代表建议 | 第27号 | 关于加快老旧小区改造的建议 | 王建国 | 市住房城乡建设局 |  | 2024-06-30 | 已落实 | B | 2024-06-18 | 基本满意",
		"6: 人大代表建议 | 第31号 | 关于增设社区停车位的建议 | 赵敏 | 市住房城乡建设局 |  | 2024-06-30 | 推进中 |  |  | ",
	})
	sameLines(t, "problems", probs, []string{})
}
