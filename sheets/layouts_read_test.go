package sheets

import (
	"fmt"
	"testing"
	"time"
)

// Ledgers laid out as units really fill them (SPEC §3, issue 10): each test reads a sheet
// built from a readable description, validates it, and states every item and every problem.

// readItems reads the workbook at path and validates its rows as of asOf: one line per item,
// "行: 事项内容 | 所属 所属任务 | 落实状态 | 牵头单位 | 进展情况", and the problems of both stages.
func readItems(t *testing.T, path string, asOf time.Time) (items, probs []string, excluded int) {
	t.Helper()
	d := testDict(t)
	raws, ps := ReadFile(path, d, ReadOptions{})
	its, excluded, vps := NewValidator(d, asOf).Validate(raws)
	for _, it := range its {
		items = append(items, fmt.Sprintf("%d: %s | 所属 %s | %s | %s | %s", it.Src.Row, it.Content, it.Parent, it.Status, it.Lead, it.Progress))
	}
	for _, p := range append(ps, vps...) {
		probs = append(probs, p.String())
	}
	return items, probs, excluded
}

func TestCoreName(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"落实状态\n（已完成/推进中/未启动）", "落实状态"},
		{"完成时限（年月日）", "完成时限"},
		{"进展情况(200字以内)", "进展情况"},
		{" 办结时限 【精确到日】", "办结时限"},
		{"工作进展\r\n限150字以内", "工作进展"},
		{"落实状态", ""},
		{"（备注）", ""},
		{"", ""},
	} {
		if got := coreName(c.in); got != c.want {
			t.Errorf("coreName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
	d := testDict(t)
	for _, c := range []struct {
		in   string
		want Field
		ok   bool
	}{
		{"落实状态\n（已完成/推进中/未启动）", FieldStatus, true},
		{"完成时限（年月日）", FieldDeadline, true},
		{"进展情况（200字以内）", FieldProgress, true},
		{"办结时限（精确到日）", FieldDeadline, true},
		{"工作进展（限150字以内）", FieldProgress, true},
		{"承担单位详细名称(盖章)", 0, false},
	} {
		if got, ok := d.Column(c.in); got != c.want || ok != c.ok {
			t.Errorf("Column(%q) = %v, %v; want %v, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

// Header cells carrying hints, the way printed forms word them: the core name before the
// bracket or line break names the column, and the hint never hides it. The form of a city
// bureau puts hints inside its header cells ("承担单位详细名称(盖章)", "项目进展情况 1.按计划
// 进行2.进度超前…": http://www.fymate.net/html/text/lar/169626/16962653.html).
func TestLayoutHeaderHints(t *testing.T) {
	p := writeBook(t, t.TempDir(), "市发展和改革委员会.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"市发展和改革委员会2024年度督查事项落实台账",
			"序号|会议名称\n（届次）|会议时间\n（年月日）|议定事项\n（简要概括）|责任单位\n（请写全称）|办结时限\n（精确到日）|办理状态\n（已办结/办理中/未启动）|办结日期\n（年月日）|工作进展\n（限150字以内）",
			"#1|市政府第三次常务会议|2024-02-26|编制市“十五五”规划基本思路研究报告|市发展和改革委员会|2024年6月30日|已办结|2024-06-20|已报市政府审定。",
			"#2|市政府第五次常务会议|2024-04-16|做好年度重点项目集中开工准备工作|市发展和改革委员会|2024年12月31日|办理中||已完成前期手续，正在组织实施。",
			"#3|市政府第四次专题会议|2024-03-12|推动城北物流园区项目前期手续办理|市发展和改革委员会|2025年3月31日|未启动||待上级政策明确后启动。",
		},
		merges: []string{"A1:I1"},
	}}})
	items, probs, excluded := readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"3: 编制市“十五五”规划基本思路研究报告 | 所属  | 已落实 | 市发展和改革委员会 | 已报市政府审定。",
		"4: 做好年度重点项目集中开工准备工作 | 所属  | 推进中 | 市发展和改革委员会 | 已完成前期手续，正在组织实施。",
		"5: 推动城北物流园区项目前期手续办理 | 所属  | 未启动 | 市发展和改革委员会 | 待上级政策明确后启动。",
	})
	sameLines(t, "problems", probs, nil)
	if excluded != 0 {
		t.Errorf("excluded = %d, want 0", excluded)
	}
}

// Two columns whose names both alias 落实状态: 完成情况 holding narrative left of 进度状态
// holding status words. The values decide: 进度状态 is the status, 完成情况 is kept as 进展情况
// (the sheet has none), and a notice at the header says so. A published bulletin gives each
// item a class (已完成 / 正在办理) and a narrative ("截至目前…开工2个，未开工3个"):
// https://www.zyx.gov.cn/Content-2717260.html.
func TestLayoutStatusByValues(t *testing.T) {
	p := writeBook(t, t.TempDir(), "市住房和城乡建设局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|类别|会议名称|会议日期|工作任务|责任单位|完成时限|完成情况|进度状态|完成日期",
			"#1|市政府常务会议|市政府第2次常务会议|2024-02-06|完成城东片区12个老旧小区改造任务|市住房和城乡建设局|2024年10月31日|改造任务全部完成，居民满意度测评已结束|已完成|2024-10-20",
			"#2|市政府常务会议|市政府第6次常务会议|2024-04-16|推进城市燃气管道老化更新改造工程|市住房和城乡建设局|2025年6月30日|已完成招标，施工单位已进场|正在推进|",
			"#3|市长办公会议|第5次市长办公会议|2024-05-14|开展全市自建房安全专项整治回头看|市住房和城乡建设局|2025年3月31日|实施方案报市政府审定中|未启动|",
		},
	}}})
	items, probs, _ := readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"2: 完成城东片区12个老旧小区改造任务 | 所属  | 已落实 | 市住房和城乡建设局 | 改造任务全部完成，居民满意度测评已结束",
		"3: 推进城市燃气管道老化更新改造工程 | 所属  | 推进中 | 市住房和城乡建设局 | 已完成招标，施工单位已进场",
		"4: 开展全市自建房安全专项整治回头看 | 所属  | 未启动 | 市住房和城乡建设局 | 实施方案报市政府审定中",
	})
	sameLines(t, "problems", probs, []string{
		"市住房和城乡建设局.xlsx!台账!I1: 提示: “完成情况”列多为文字说明，“进度状态”列为落实状态，按“进度状态”列统计；“完成情况”列作为进展情况",
	})

	// With a 进展情况 column of its own, the narrative column is ignored; of two deadline
	// columns, the one holding dates is read.
	p = writeBook(t, t.TempDir(), "市住房和城乡建设局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议名称|工作任务|责任单位|时限要求|办结时限|办理情况|办理状态|进展情况",
			"市政府第9次常务会议|推进中心城区雨污分流改造|市住房和城乡建设局|按省住建厅统一部署|2025年6月30日|主体管网已完成七成|推进中|正在加快施工。",
			"市长专题会议第8次|做好建筑工地扬尘污染防治|市住房和城乡建设局|按市政府要求办理|2024年11月30日|已建立日常巡查机制|已落实|已转入常态化监管。",
		},
	}}})
	items, probs, _ = readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"2: 推进中心城区雨污分流改造 | 所属  | 推进中 | 市住房和城乡建设局 | 正在加快施工。",
		"3: 做好建筑工地扬尘污染防治 | 所属  | 已落实 | 市住房和城乡建设局 | 已转入常态化监管。",
	})
	sameLines(t, "problems", probs, []string{
		"市住房和城乡建设局.xlsx!台账!E1: 提示: “办结时限”列多为日期，按“办结时限”列读取完成时限；“时限要求”列已忽略",
		"市住房和城乡建设局.xlsx!台账!G1: 提示: “办理情况”列多为文字说明，“办理状态”列为落实状态，按“办理状态”列统计；“办理情况”列已忽略",
		"市住房和城乡建设局.xlsx!台账!A3: 警告: 落实状态为“已落实”（已落实），但未填写完成日期；按期办结率中计为未按期办结",
	})
}

// A two-level task list: a parent 工作任务 merged over finer 具体事项 rows, both aliases of
// 事项内容. Each finer row is one item with its own unit and status; the parent text is its
// 所属任务, never its content. Published breakdowns count the finer level ("145项目标任务…
// 细化为222个具体工作内容": https://www.ahjinzhai.gov.cn/public/6596281/38062166.html; "五个方面
// 79项重点工作任务…牵头单位、配合单位及完成时限": http://www.elht.gov.cn/mobile/c/2024-04-02/97683.shtml).
func TestLayoutTwoLevel(t *testing.T) {
	p := writeBook(t, t.TempDir(), "市农业农村局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"市农业农村局2024年度督查事项落实台账",
			"序号|来源|工作任务|具体事项|责任单位|完成时限|落实状态|完成日期|进展情况",
			"#1|2024年政府工作报告|稳定粮食生产，全年粮食播种面积稳定在95万亩以上|落实耕地地力保护补贴政策|市农业农村局|2024年6月30日|已完成|2024-06-12|补贴资金已全部发放到户。",
			"#2|||新建高标准农田5万亩|市农业农村局|2024年12月31日|推进中||已完成4.2万亩。",
			"#3|||做好小麦“一喷三防”技术指导服务|市农业农村局|2024年5月31日|已完成|2024-05-20|",
			"#4||推进农村人居环境整治提升|完成农村户厕问题摸排整改|市农业农村局|2024年9月30日|已完成|2024-09-25|",
			"#5||加快发展乡村特色产业|推进茶叶全产业链建设|市供销合作社|长期坚持|推进中||",
		},
		merges: []string{"A1:I1", "B3:B7", "C3:C5"},
	}}})
	items, probs, _ := readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"3: 落实耕地地力保护补贴政策 | 所属 稳定粮食生产，全年粮食播种面积稳定在95万亩以上 | 已落实 | 市农业农村局 | 补贴资金已全部发放到户。",
		"4: 新建高标准农田5万亩 | 所属 稳定粮食生产，全年粮食播种面积稳定在95万亩以上 | 推进中 | 市农业农村局 | 已完成4.2万亩。",
		"5: 做好小麦“一喷三防”技术指导服务 | 所属 稳定粮食生产，全年粮食播种面积稳定在95万亩以上 | 已落实 | 市农业农村局 | ",
		"6: 完成农村户厕问题摸排整改 | 所属 推进农村人居环境整治提升 | 已落实 | 市农业农村局 | ",
		"7: 推进茶叶全产业链建设 | 所属 加快发展乡村特色产业 | 推进中 | 市供销合作社 | ",
	})
	sameLines(t, "problems", probs, []string{
		"市农业农村局.xlsx!台账!C2: 提示: “工作任务”列合并跨越多行，作为所属任务；“具体事项”列为事项内容，每行一项",
	})

	// The parent written once above its finer rows without merged cells, in a column named
	// 重点任务 right of the finer 工作措施 (also an alias, 任务内容): the same reading.
	p = writeBook(t, t.TempDir(), "市商务局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|任务内容|重点任务|牵头单位|完成时限|落实状态|进展情况|来源",
			"#1|组织开展“消费促进月”系列活动|提振消费|市商务局|2024年9月30日|已完成||2024年政府工作报告",
			"#2|发放家电以旧换新补贴||市商务局|2024年12月31日|推进中|已发放补贴1.2亿元。|2024年政府工作报告",
			"#3|培育夜间经济集聚区2个|提振消费|市商务局|2024年12月31日|推进中||2024年政府工作报告",
			"#4|推进县域商业体系建设|完善流通网络|市商务局|2025年6月30日|未启动||2024年政府工作报告",
		},
	}}})
	items, probs, _ = readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"2: 组织开展“消费促进月”系列活动 | 所属 提振消费 | 已落实 | 市商务局 | ",
		"3: 发放家电以旧换新补贴 | 所属 提振消费 | 推进中 | 市商务局 | 已发放补贴1.2亿元。",
		"4: 培育夜间经济集聚区2个 | 所属 提振消费 | 推进中 | 市商务局 | ",
		"5: 推进县域商业体系建设 | 所属 完善流通网络 | 未启动 | 市商务局 | ",
	})
	sameLines(t, "problems", probs, []string{
		"市商务局.xlsx!台账!C1: 提示: “重点任务”列一格写在其下多行之上，作为所属任务；“任务内容”列为事项内容，每行一项",
		"市商务局.xlsx!台账!A2: 警告: 落实状态为“已完成”（已落实），但未填写完成日期；按期办结率中计为未按期办结",
	})
}

// Continuation rows holding only more 进展情况 (or 备注) text join the item above, with a
// notice, never an error; a sub-item heading (1 over 1.1 1.2) is not an item. A city's
// progress report tells an item's progress in several successive passages:
// http://xuchang.gov.cn/zt/010009/010009004/20180404/ae24dd1b-c2c8-4157-bb30-f58bb1d4598b.html.
func TestLayoutContinuationRows(t *testing.T) {
	p := writeBook(t, t.TempDir(), "市水利局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议名称|会议日期|议定事项|牵头单位|完成时限|落实状态|完成日期|进展情况|备注",
			"1|||水旱灾害防御能力提升",
			"1.1|市政府第4次常务会议|2024-03-05|完成城区排涝泵站提标改造|市水利局|2024年5月31日|已完成|2024-05-28|已通过验收。|",
			"1.2|第3次市长办公会议|2024-03-18|开展汛前水库大坝安全隐患排查|市水利局|2024年4月30日|已完成|2024-04-26||",
			"2|||水资源节约集约利用",
			"2.1|市政府第7次常务会议|2024-06-04|推进城乡供水一体化工程|市水利局|2024年11月30日|推进中||主管网铺设过半。|",
			"||||||||12月中旬已完成主管网铺设，正在进行水压试验。|",
			"|||||||||春节前通水",
			"3|市政府第10次常务会议|2024-08-20|实施中小河流治理项目|市水利局|2024年12月31日|推进中|||",
			"||||||||截至12月20日完成工程量的85%，力争春节前完工。|",
			"",
			"注：进展情况较长的，可在下一行续写。",
		},
	}}})
	items, probs, excluded := readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"3: 完成城区排涝泵站提标改造 | 所属  | 已落实 | 市水利局 | 已通过验收。",
		"4: 开展汛前水库大坝安全隐患排查 | 所属  | 已落实 | 市水利局 | ",
		"6: 推进城乡供水一体化工程 | 所属  | 推进中 | 市水利局 | 主管网铺设过半。\n12月中旬已完成主管网铺设，正在进行水压试验。",
		"9: 实施中小河流治理项目 | 所属  | 推进中 | 市水利局 | 截至12月20日完成工程量的85%，力争春节前完工。",
	})
	sameLines(t, "problems", probs, []string{
		"市水利局.xlsx!台账!A2: 提示: 子项标题行（其下为1.1等子项），不是事项，已跳过",
		"市水利局.xlsx!台账!A5: 提示: 子项标题行（其下为2.1等子项），不是事项，已跳过",
		"市水利局.xlsx!台账!A7: 提示: 续行：只有进展情况的内容，已并入第6行的事项",
		"市水利局.xlsx!台账!A8: 提示: 续行：只有备注的内容，已并入第6行的事项",
		"市水利局.xlsx!台账!A10: 提示: 续行：只有进展情况的内容，已并入第9行的事项",
		"市水利局.xlsx!台账!A12: 提示: 表尾说明行，已跳过",
	})
	if excluded != 0 {
		t.Errorf("excluded = %d, want 0", excluded)
	}
}

// A sheet that marks the status instead of writing it — √ under 已完成 | 正在推进 | 未启动
// (a two-row header, 完成情况 over the three), or 是/否 under 是否办结 — cannot be counted:
// every row is an error at its mark, saying what the sheet does and what to write instead,
// not a bare "落实状态为空". Forms that have the state marked among printed options
// ("项目进展情况 1.按计划进行2.进度超前3.拖延…"): http://www.fymate.net/html/text/lar/169626/16962653.html.
func TestLayoutTicks(t *testing.T) {
	p := writeBook(t, t.TempDir(), "市信访局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"市信访局2024年度督查事项落实台账",
			"序号|会议名称|督办事项|责任单位|办结时限|完成情况|||备注",
			"|||||已完成|正在推进|未启动|",
			"#1|市政府第4次常务会议|化解城东片区拆迁安置信访积案|市信访局|2024年12月31日||√||",
			"#2|第3次市长办公会议|开展信访突出问题攻坚化解行动|市信访局|2024年12月31日|✓|||",
			"#3|第6次市长专题会议|规范网上信访事项办理流程|市信访局|2024年12月31日||||",
		},
		merges: []string{"A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "I2:I3", "F2:H2"},
	}}})
	l := ReadLedger(p, testDict(t), ReadOptions{})
	if len(l.Rows) != 0 {
		t.Errorf("%d rows given to validation, want 0", len(l.Rows))
	}
	var probs []string
	for _, p := range l.Problems {
		probs = append(probs, p.String())
	}
	sameLines(t, "problems", probs, []string{
		"市信访局.xlsx!台账!G4: 错误: 落实状态用“√”勾选在“正在推进”列，duban无法据此统计；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送）",
		"市信访局.xlsx!台账!F5: 错误: 落实状态用“✓”勾选在“已完成”列，duban无法据此统计；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送）",
		"市信访局.xlsx!台账!F6: 错误: 落实状态用勾选表示（已完成、正在推进、未启动列），本行未勾选，duban无法据此统计；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送）",
	})
	if got := l.Sheets[0].Rows; got[RowExcluded] != 3 || got[RowHeader] != 2 || got[RowTitle] != 1 || got[RowData] != 0 {
		t.Errorf("tally %v, want 1 title, 2 header, 3 excluded rows", got)
	}

	p = writeBook(t, t.TempDir(), "市信访局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议名称|督办事项|责任单位|办结时限|是否办结|备注",
			"#1|市政府第4次常务会议|化解城东片区拆迁安置信访积案|市信访局|2024年12月31日|否|",
			"#2|第3次市长办公会议|开展信访突出问题攻坚化解行动|市信访局|2024年12月31日|是|",
		},
	}}})
	_, ps := read(t, p)
	sameLines(t, "problems", dumpProblems(ps), []string{
		"市信访局.xlsx!台账!F2: 错误: 落实状态只用“是否办结”列的“否”表示，duban无法据此区分推进中和未启动；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送） [会议=市政府第4次常务会议 | 事项内容=化解城东片区拆迁安置信访积案 | 牵头单位=市信访局 | 完成时限=2024年12月31日]",
		"市信访局.xlsx!台账!F3: 错误: 落实状态只用“是否办结”列的“是”表示，duban无法据此区分推进中和未启动；请增加“落实状态”列，填写 已落实、推进中 或 未启动（该行已排除，未计入统计，请修改后重新报送） [会议=第3次市长办公会议 | 事项内容=开展信访突出问题攻坚化解行动 | 牵头单位=市信访局 | 完成时限=2024年12月31日]",
	})
}
