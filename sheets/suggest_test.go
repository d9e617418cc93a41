package sheets

import (
	"fmt"
	"strings"
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
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市住房城乡建设局.xlsx", ledgerL1)
	_, lines, probs := readSuggestions(t, p, date(2024, 7, 10))
	sameLines(t, "items", lines, []string{
		"4: 人大代表建议 | 第12号 | 关于提高环卫工福利待遇的建议 | 李燕芹 | 市住房城乡建设局 |  | 2024-06-30 | 已落实 | A | 2024-05-20 | 满意",
		"5: 人大代表建议 | 第27号 | 关于加快老旧小区改造的建议 | 王建国 | 市住房城乡建设局 |  | 2024-06-30 | 已落实 | B | 2024-06-18 | 基本满意",
		"6: 人大代表建议 | 第31号 | 关于增设社区停车位的建议 | 赵敏 | 市住房城乡建设局 |  | 2024-06-30 | 推进中 |  |  | ",
	})
	sameLines(t, "problems", probs, []string{
		"市住房城乡建设局.xlsx!Sheet1!A4: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市住房城乡建设局.xlsx!Sheet1!A5: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市住房城乡建设局.xlsx!Sheet1!A6: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市住房城乡建设局.xlsx!Sheet1!A4: 提示: 工作表“Sheet1”的标题或列名指明是建议提案：本表3行按人大代表建议统计",
	})
}

// L6: a 政协提案 record of an ASP.NET 提案 system (research-22.md §1 L6: "审查意向主办单位 |
// 审查意向会办单位 | 立案时间 | 办复时间 | 办理结果", proposer field 第一提案人), laid out as a
// unit's ledger: 主办 and 会办 units, 办理结果 in words and letters, 满意度 as the 委员 answered.
// The columns name 提案, so the rows are 政协委员提案; 会办单位 is the 配合单位.
func TestSuggestionProposalHostAndHelpers(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市交通运输局.xlsx", ledgerL6)
	_, lines, probs := readSuggestions(t, p, date(2024, 7, 10))
	sameLines(t, "items", lines, []string{
		"2: 政协委员提案 | 第23号 | 关于优化城区公交线路的提案 | 陈立 | 市交通运输局 | 市公安局、市城管局 | 2024-06-30 | 已落实 | A | 2024-05-30 | 满意",
		"3: 政协委员提案 | 第41号 | 关于加强农村公路养护的提案 | 刘洋 | 市交通运输局 | 市财政局 | 2024-06-30 | 已落实 | B | 2024-06-20 | 满意",
		"4: 政协委员提案 | 第56号 | 关于建设城市慢行系统的提案 | 周红 | 市交通运输局 |  | 2024-06-30 | 已落实 | C | 2024-06-25 | 不满意",
		"5: 政协委员提案 | 第60号 | 关于开通机场专线的提案 | 吴刚 | 市交通运输局 |  | 2024-06-30 | 已落实 | D | 2024-06-28 | ",
		"6: 政协委员提案 | 第77号 | 关于规范网约车管理的提案 | 郑丽 | 市交通运输局 | 市公安局 | 2024-06-30 | 推进中 |  |  | ",
	})
	sameLines(t, "problems", probs, []string{
		"市交通运输局.xlsx!提案办理!A2: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市交通运输局.xlsx!提案办理!A3: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市交通运输局.xlsx!提案办理!A4: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市交通运输局.xlsx!提案办理!A5: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市交通运输局.xlsx!提案办理!A6: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市交通运输局.xlsx!提案办理!A2: 提示: 工作表“提案办理”的标题或列名指明是建议提案：本表5行按政协委员提案统计",
	})
}

// L7: a 建议管理 form with a column of its own for when a suggestion was made, 会议类型
// [开会期间 / 闭会期间] (research-22.md §1 L7), and numbers that say 闭会 (闭会第3号). A suggestion
// made between sessions is due 3 months after it was assigned, one made at the session on
// 6月30日 (a city's rule: "对市建议、提案,各承办单位须在6月30日前答复完毕…闭会期间提出的建议、
// 提案,承办单位须在3个月内答复完毕", http://www.fymate.net/html/text/lar/169273/16927300_1.html);
// a row that gives its 完成时限 keeps it. 会议类型 is an alias of 类别, so its values must not
// become categories of their own.
func TestSuggestionBetweenSessions(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市教育局.xlsx", ledgerL7)
	_, lines, probs := readSuggestions(t, p, date(2024, 12, 20))
	sameLines(t, "items", lines, []string{
		"2: 人大代表建议 | 第8号 | 关于增加城区学位供给的建议 | 孙伟 | 市教育局 |  | 2024-06-30 | 已落实 | B | 2024-06-10 | ",
		"3: 人大代表建议 | 闭会第3号 | 关于规范校外培训机构的建议 | 钱芳 | 市教育局 |  | 2024-11-15 | 推进中 |  |  | ",
		"4: 人大代表建议 | 第9号 | 关于改善乡村学校食堂条件的建议 | 李强 | 市教育局 |  | 2024-12-02 | 推进中 |  |  | ",
		"5: 人大代表建议 | 第10号 | 关于建设青少年活动中心的建议 | 马骏 | 市教育局 |  | 2025-01-08 | 推进中 |  |  | ",
		"6: 人大代表建议 | 第11号 | 关于配齐心理健康教师的建议 | 冯雪 | 市教育局 |  | 2024-05-31 | 推进中 |  |  | ",
	})
	sameLines(t, "problems", probs, []string{
		"市教育局.xlsx!人大代表建议!G2: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市教育局.xlsx!人大代表建议!G3: 提示: 建议提案未填写完成时限，编号“闭会第3号”是闭会期间的编号，按闭会期间提出的建议提案，自交办日期（2024-08-15）起3个月内办复（2024-11-15）",
		"市教育局.xlsx!人大代表建议!G4: 提示: 建议提案未填写完成时限，“闭会期间”写明是闭会期间提出的，按闭会期间提出的建议提案，自交办日期（2024-09-02）起3个月内办复（2024-12-02）",
		"市教育局.xlsx!人大代表建议!G5: 提示: 建议提案未填写完成时限，“闭会期间建议”写明是闭会期间提出的，按闭会期间提出的建议提案，自交办日期（2024-10-08）起3个月内办复（2025-01-08）",
		"市教育局.xlsx!人大代表建议!A2: 提示: 工作表名“人大代表建议”指明了类别：本表5行未写类别，按人大代表建议统计",
	})
}

// The test ledgers, one per layout: L1 of TestSuggestionTwoRowHeader, L6 of
// TestSuggestionProposalHostAndHelpers, L7 of TestSuggestionBetweenSessions (sources there).
var (
	ledgerL1 = testBook{sheets: []testSheet{{
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
	}}}
	ledgerL6 = testBook{sheets: []testSheet{{
		name: "提案办理",
		rows: []string{
			"序号|提案号|提案案由|第一提案人|审查意向主办单位|审查意向会办单位|立案时间|办复时间|办理结果|满意度",
			"#1|第23号|关于优化城区公交线路的提案|陈立|市交通运输局|市公安局、市城管局|2024-03-05|2024-05-30|已解决|满意",
			"#2|第41号|关于加强农村公路养护的提案|刘洋|市交通运输局|市财政局|2024-03-05|2024-06-20|列入计划|满意",
			"#3|第56号|关于建设城市慢行系统的提案|周红|市交通运输局||2024-03-05|2024-06-25|列入规划，逐步解决|不满意",
			"#4|第60号|关于开通机场专线的提案|吴刚|市交通运输局||2024-03-05|2024-06-28|因条件限制不能解决|",
			"#5|第77号|关于规范网约车管理的提案|郑丽|市交通运输局|市公安局|2024-03-05|||",
		},
	}}}
	ledgerL7 = testBook{sheets: []testSheet{{
		name: "人大代表建议",
		rows: []string{
			"编号|题目|会议类型|领衔代表|主办单位|交办日期|要求结办日期|办复时间|办理结果|备注",
			"第8号|关于增加城区学位供给的建议|开会期间|孙伟|市教育局|2024-03-12||2024-06-10|B|",
			"闭会第3号|关于规范校外培训机构的建议||钱芳|市教育局|2024-08-15|||",
			"第9号|关于改善乡村学校食堂条件的建议|闭会期间|李强|市教育局|2024-09-02||||",
			"第10号|关于建设青少年活动中心的建议||马骏|市教育局|2024-10-08||||闭会期间建议",
			"第11号|关于配齐心理健康教师的建议|开会期间|冯雪|市教育局|2024-03-12|2024-05-31|||",
		},
	}}}
)

// The three 建议提案 ledgers beside a unit's 督查 ledger, summarised as of 2024-12-20: the
// 建议提案 are counted in their own table only, and the narrative gives them a sentence in
// the form offices publish (承办人大代表建议117件、政协委员提案89件，办复率100%，满意率98.1%).
// Every figure below is counted by hand from the ledgers:
//
//	人大代表建议: L1 3 items (第12号 A 满意, 第27号 B 基本满意 answered; 第31号 open, due 06-30)
//	             + L7 5 items (第8号 B answered; 闭会第3号 due 11-15, 第9号 due 12-02, 第11号
//	             due 05-31 open and past due; 第10号 due 2025-01-08 open, not yet due)
//	             = 8 件, 3 已办复 (37.5%), A1 B2, 满意1 基本满意1 → 满意率 2/2
//	政协委员提案: L6 5 items, 4 answered (A, B, C, D; 满意, 满意, 不满意, none), 第77号 open,
//	             due 06-30 → 5 件, 4 已办复 (80%), 满意率 2/3
//	together 13 件, 7 已办复 → 办复率 7/13 = 53.8%; 满意率 (2+2)/(2+3) = 80%; 逾期 1+3+1 = 5.
func TestSuggestionSummary(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	writeBook(t, dir, "市住房城乡建设局.xlsx", ledgerL1)
	writeBook(t, dir, "市交通运输局.xlsx", ledgerL6)
	writeBook(t, dir, "市教育局.xlsx", ledgerL7)
	writeBook(t, dir, "市商务局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"类别|会议|事项内容|牵头单位|责任领导|完成时限|落实状态|完成日期",
			"市政府常务会议|第1次|推进县域商业体系建设|市商务局|张副市长|2024-06-30|已完成|2024-06-20",
			"市政府常务会议|第1次|培育夜间经济集聚区2个|市商务局|张副市长|2024-10-31|推进中|",
		},
	}}})
	d := testDict(t)
	files, _ := Source([]string{dir})
	r := Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: d.WarnDays})

	want := []SuggestionStats{
		{Name: "人大代表建议", Items: 8, Replied: 3, Classes: [4]int{1, 2, 0, 0}, Satisfied: 1, Basic: 1, Overdue: 4},
		{Name: "政协委员提案", Items: 5, Replied: 4, Classes: [4]int{1, 1, 1, 1}, Satisfied: 2, Unsatisfied: 1, Overdue: 1},
	}
	if len(r.Suggestions) != len(want) {
		t.Fatalf("suggestions = %+v, want %+v", r.Suggestions, want)
	}
	for i, w := range want {
		if g := r.Suggestions[i]; g != w {
			t.Errorf("suggestions[%d] = %+v, want %+v", i, g, w)
		}
	}
	all := r.SuggestionTotal
	if all.Items != 13 || all.Replied != 7 || all.Classes != [4]int{2, 3, 1, 1} || all.Satisfied != 3 || all.Basic != 1 || all.Unsatisfied != 1 {
		t.Errorf("total = %+v", all)
	}
	if got, want := all.ReplyRate(), 7.0/13; got != want {
		t.Errorf("办复率 = %v, want %v", got, want)
	}
	if got, want := all.SatisfactionRate(), 4.0/5; got != want {
		t.Errorf("满意率 = %v, want %v", got, want)
	}
	if got, want := r.Suggestions[1].SatisfactionRate(), 2.0/3; got != want {
		t.Errorf("政协委员提案 满意率 = %v, want %v", got, want)
	}

	// The supervised items alone in 合计, 单位统计, 分会议统计 and 分管领导统计.
	if r.Total.Items != 2 || r.Total.Done != 1 || r.Total.Overdue != 1 {
		t.Errorf("合计 = %+v, want 2 items, 1 done, 1 overdue", r.Total.Counts)
	}
	if len(r.Categories) != 1 || r.Categories[0].Name != "市政府常务会议" {
		t.Errorf("categories = %+v", r.Categories)
	}
	if len(r.Units) != 1 || r.Units[0].Unit != "市商务局" || len(r.Meetings) != 1 || len(r.Leaders) != 1 {
		t.Errorf("units %+v, meetings %+v, leaders %+v: only 市商务局's items", r.Units, r.Meetings, r.Leaders)
	}
	// All items in 事项明细, the open 建议提案 past their deadline in 逾期事项.
	if len(r.Items) != 15 {
		t.Errorf("items = %d, want 15", len(r.Items))
	}
	var overdue []string
	for _, f := range r.Overdue {
		overdue = append(overdue, fmt.Sprintf("%s %s %d", f.Item.Category, f.Item.ID, f.Days))
	}
	sameLines(t, "逾期事项", overdue, []string{
		"人大代表建议 第11号 203", // 2024-05-31 → 12-20
		"人大代表建议 第31号 173", // 06-30
		"政协委员提案 第77号 173",
		"市政府常务会议  50",     // 10-31
		"人大代表建议 闭会第3号 35", // 11-15
		"人大代表建议 第9号 18",   // 12-02
	})
	sentence := "承办人大代表建议8件、政协委员提案5件，办复率53.8%，满意率80%，逾期未办复5件。"
	if !strings.HasSuffix(r.Narrative, sentence) {
		t.Errorf("narrative = %s\nwant it to end with %s", r.Narrative, sentence)
	}
	if !strings.Contains(r.Narrative, "合计事项2项，已落实1项，推进中1项，未启动0项，总体落实率50.0%。未按期办结（逾期）事项1项，临期事项0项，无明确时限事项0项。") {
		t.Errorf("narrative = %s: the supervised items alone", r.Narrative)
	}
}

// The narrative's sentence in SPEC §9.5's form, figures of the example: 117 and 89 件 all
// answered, 满意率 98.1% (202 of 206 satisfied or basically satisfied) — and without a 满意度,
// no 满意率 (the narrative is true or silent).
func TestSuggestionSentence(t *testing.T) {
	t.Parallel()
	r := &Report{Suggestions: []SuggestionStats{
		{Name: "人大代表建议", Items: 117, Replied: 117},
		{Name: "政协委员提案", Items: 89, Replied: 89},
	}, SuggestionTotal: SuggestionStats{Items: 206, Replied: 206, Satisfied: 190, Basic: 12, Unsatisfied: 4}}
	if got, want := suggestionSentence(r), "承办人大代表建议117件、政协委员提案89件，办复率100%，满意率98.1%。"; got != want {
		t.Errorf("sentence = %s, want %s", got, want)
	}
	r.SuggestionTotal.Satisfied, r.SuggestionTotal.Basic, r.SuggestionTotal.Unsatisfied = 0, 0, 0
	if got, want := suggestionSentence(r), "承办人大代表建议117件、政协委员提案89件，办复率100%。"; got != want {
		t.Errorf("sentence = %s, want %s", got, want)
	}
}

// 办理结果 as units write it: letters, 甲乙丙丁, with 类 and a remark, or the words of the
// classes (sources at resultWords); 满意度 words.
func TestSuggestionValues(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ in, want string }{
		{"A", "A"}, {"b", "B"}, {"Ｃ类", "C"}, {"D类件", "D"}, {"A类（已解决）", "A"}, {"甲类", "A"}, {"丙", "C"},
		{"已解决", "A"}, {"基本解决", "A"}, {"采纳", "A"}, {"正在解决", "B"}, {"列入计划", "B"},
		{"列入规划，逐步解决", "C"}, {"留作参考", "D"}, {"因条件限制不能解决", "D"}, {"已答复", ""}, {"AB", ""},
	} {
		got, ok := resultClass(c.in)
		if got != c.want || ok != (c.want != "") {
			t.Errorf("resultClass(%q) = %q, %v; want %q", c.in, got, ok, c.want)
		}
	}
	for _, c := range []struct{ in, want string }{
		{"满意", Satisfied}, {"基本满意。", Basic}, {"不满意", Unsatisfied}, {"√", ""}, {"一般", ""},
	} {
		if got, _ := satisfaction(c.in); got != c.want {
			t.Errorf("satisfaction(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// L3: the 办理情况征询意见表 a 代表 returns (github.com/Kskjshare/zhrd report/consultation.jsp:
// "标题 | 建议(议案)编号 | 主办单位 | … | 收到答复函您认为: 满意 | 基本满意 | 不满意", with
// "请选择在“满意”、“基本满意”、“不满意”空格内打“√”"), gathered into a grid: the 满意度 is the
// ticked column; two ticks are no answer (a warning), none is none.
func TestSuggestionSatisfactionTicks(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市农业农村局.xlsx", testBook{sheets: []testSheet{{
		name: "代表建议征询意见",
		rows: []string{
			"建议编号|标题|主办单位|答复日期|满意|基本满意|不满意",
			"第5号|关于发展设施农业的建议|市农业农村局|2024-06-20|√||",
			"第6号|关于加强农机购置补贴的建议|市农业农村局|2024-06-21||√|",
			"第9号|关于完善农村电商服务的建议|市农业农村局|2024-06-25|√||√",
			"第11号|关于培育家庭农场的建议|市农业农村局|2024-06-26|||",
		},
	}}})
	_, lines, probs := readSuggestions(t, p, date(2024, 7, 10))
	sameLines(t, "items", lines, []string{
		"2: 人大代表建议 | 第5号 | 关于发展设施农业的建议 |  | 市农业农村局 |  | 2024-06-30 | 已落实 |  | 2024-06-20 | 满意",
		"3: 人大代表建议 | 第6号 | 关于加强农机购置补贴的建议 |  | 市农业农村局 |  | 2024-06-30 | 已落实 |  | 2024-06-21 | 基本满意",
		"4: 人大代表建议 | 第9号 | 关于完善农村电商服务的建议 |  | 市农业农村局 |  | 2024-06-30 | 已落实 |  | 2024-06-25 | ",
		"5: 人大代表建议 | 第11号 | 关于培育家庭农场的建议 |  | 市农业农村局 |  | 2024-06-30 | 已落实 |  | 2024-06-26 | ",
	})
	sameLines(t, "problems", probs, []string{
		"市农业农村局.xlsx!代表建议征询意见!E1: 提示: “满意”“基本满意”“不满意”各占一列，按打勾的一列读作满意度",
		"市农业农村局.xlsx!代表建议征询意见!A2: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市农业农村局.xlsx!代表建议征询意见!A3: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市农业农村局.xlsx!代表建议征询意见!E4: 警告: 满意度“满意、不满意”不是 满意、基本满意 或 不满意，未计入满意率；请按代表、委员的反馈填写",
		"市农业农村局.xlsx!代表建议征询意见!A4: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市农业农村局.xlsx!代表建议征询意见!A5: 提示: 建议提案未填写完成时限，按大会期间提出的建议提案，于当年6月30日前办复（2024-06-30）",
		"市农业农村局.xlsx!代表建议征询意见!A2: 提示: 工作表名“代表建议征询意见”指明了类别：本表4行未写类别，按人大代表建议统计",
	})
}

// FuzzSuggestionValues: whatever a 办理结果, 满意度 or 类别 cell holds, reading it never panics
// and gives one of the classes or nothing.
func FuzzSuggestionValues(f *testing.F) {
	for _, s := range []string{"A", "Ｂ类件", "甲类（已解决）", "因条件限制不能解决", "满意", "基本满意。", "闭会期间", "大会", "", "\xff", "A类（"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if c, ok := resultClass(s); ok != (c != "") || ok && !strings.Contains("ABCD", c) {
			t.Errorf("resultClass(%q) = %q, %v", s, c, ok)
		}
		if w, ok := satisfaction(s); ok != (w != "") {
			t.Errorf("satisfaction(%q) = %q, %v", s, w, ok)
		}
		if between, ok := sessionPeriod(s); between && !ok {
			t.Errorf("sessionPeriod(%q) = between without a period", s)
		}
	})
}

// A suggestion made between sessions is due 3 months after its 交办日期 (SPEC §9.5); one that
// gives no 交办日期 has no date to count from, so it is left without a deadline (无明确时限)
// with a notice asking for the date, never given the at-session 6月30日 by default. The form is
// L7's (TestSuggestionBetweenSessions).
func TestSuggestionBetweenSessionsNoDate(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市教育局.xlsx", testBook{sheets: []testSheet{{
		name: "人大代表建议",
		rows: []string{
			"编号|题目|会议类型|领衔代表|主办单位|交办日期|要求结办日期|办复时间|办理结果|备注",
			"闭会第5号|关于增设校园周边交通信号灯的建议||钱芳|市教育局||||",
			"第12号|关于推进学校体育场馆开放的建议|闭会期间|李强|市教育局||||",
		},
	}}})
	_, lines, probs := readSuggestions(t, p, date(2024, 12, 20))
	sameLines(t, "items", lines, []string{
		"2: 人大代表建议 | 闭会第5号 | 关于增设校园周边交通信号灯的建议 | 钱芳 | 市教育局 |  |  | 推进中 |  |  | ",
		"3: 人大代表建议 | 第12号 | 关于推进学校体育场馆开放的建议 | 李强 | 市教育局 |  |  | 推进中 |  |  | ",
	})
	sameLines(t, "problems", probs, []string{
		"市教育局.xlsx!人大代表建议!G2: 提示: 建议提案未填写完成时限，编号“闭会第5号”是闭会期间的编号，闭会期间提出的建议提案自交办日期起3个月内办复，但未填写交办日期，按无明确时限计；请补填交办日期或完成时限",
		"市教育局.xlsx!人大代表建议!G3: 提示: 建议提案未填写完成时限，“闭会期间”写明是闭会期间提出的，闭会期间提出的建议提案自交办日期起3个月内办复，但未填写交办日期，按无明确时限计；请补填交办日期或完成时限",
		"市教育局.xlsx!人大代表建议!A2: 提示: 工作表名“人大代表建议”指明了类别：本表2行未写类别，按人大代表建议统计",
	})
}

// A 闭会期间 suggestion is answered within 3 months of its 交办日期, counted as periods in months
// are (民法典 第二百零二条): a month without the day ends the period on its last day.
func TestAddMonths(t *testing.T) {
	t.Parallel()
	for _, c := range []struct{ from, want string }{
		{"2024-03-15", "2024-06-15"},
		{"2024-11-30", "2025-02-28"},
		{"2023-11-29", "2024-02-29"},
		{"2024-11-29", "2025-02-28"},
		{"2024-10-31", "2025-01-31"},
		{"2024-12-31", "2025-03-31"},
	} {
		from, _ := time.Parse(time.DateOnly, c.from)
		if got := addMonths(from, 3).Format(time.DateOnly); got != c.want {
			t.Errorf("%s + 3个月 = %s, want %s", c.from, got, c.want)
		}
	}
}
