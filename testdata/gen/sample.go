package main

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

// The bundled sample.

const (
	fmtISO    = "yyyy-mm-dd"
	fmtCN     = `yyyy"年"m"月"d"日"`
	fmtSlash  = "yyyy/m/d"
	fmtDot    = "yyyy.mm.dd"
	fmtLocale = `[$-804]yyyy"年"m"月"d"日";@`
	fmtShort  = "14" // built-in short date
)

func unitLine(u, date string) string {
	return fmt.Sprintf("填报单位（盖章）：%s        填报日期：%s", u, date)
}

func filler(name, phone, checker string) string {
	return fmt.Sprintf("填表人：%s    联系电话：%s    审核人：%s", name, phone, checker)
}

// sampleBooks lays out the 13 workbooks of the sample.
func (g *gen) sampleBooks() []*book {
	var books []*book
	add := func(file string, sheets ...*sheet) *book {
		b := &book{file: file, sheets: sheets}
		books = append(books, b)
		return b
	}

	// 市发展改革委: title, 填报单位 line, aliases, Chinese-numeral meeting names.
	fgw := &sheet{name: "督查事项台账", title: "市发展改革委2024年度市政府督查事项落实情况台账",
		unitLine: unitLine("市发展改革委", "2024年12月18日"),
		cols: cols("seq", "序号", "cat", "事项来源", "meeting", "会议名称", "mdate", "会议时间", "content", "议定事项",
			"lead", "责任单位", "co", "协办单位", "leader", "分管领导", "deadline", "办结时限", "status", "办理状态",
			"finished", "办结时间", "progress", "工作进展"),
		dl: dlDate, dateFmts: []string{fmtCN, fmtISO}, names: nsCN, vocab: vocabBanJie, freeze: true,
		footer: []string{filler("王磊", "0551-63358021", "刘洋")}}
	g.fill(fgw, "市发展改革委", "", "市政府常务会议", 18, "市长办公会议", 12)
	add("市发展改革委.xlsx", fgw)

	// 市财政局: two-row header, merged groups, 编号; the draft lags behind the final.
	czCols := cols("seq", "序号", "id", "编号", "cat", "类别", "meeting", "会议", "mdate", "会议日期", "content", "事项内容",
		"lead", "牵头单位", "leader", "责任领导", "deadline", "完成时限", "status", "落实状态", "finished", "完成日期",
		"progress", "进展情况", "note", "备注")
	czFinal := &sheet{name: "台账", title: "市财政局督查督办事项落实情况表",
		unitLine: "填报单位：市财政局    填报日期：2024年12月18日", cols: czCols,
		group: "落实情况", groupKeys: []string{"status", "finished", "progress"},
		mergeKeys: []string{"cat", "meeting", "mdate"},
		dl:        dlDate, dateFmts: []string{fmtSlash}, names: nsPlain, vocab: vocabCanon}
	g.fill(czFinal, "市财政局", "CZ2024", "市政府常务会议", 14, "市长专题会议", 12)
	czDraft := *czFinal
	czDraft.unitLine = "填报单位：市财政局    填报日期：2024年12月10日"
	czDraft.items = g.draft(czFinal.items)
	add("市财政局（初稿）.xlsx", &czDraft)
	add("市财政局（终稿）.xlsx", czFinal)

	// 市自然资源和规划局: header text with spaces, breaks, full-width characters; blank rows.
	zrzy := &sheet{name: "Sheet1",
		cols: cols("seq", "序 号", "cat", " 类 别 ", "meeting", "会议名称", "mdate", "会议\n日期", "content", "事项内容",
			"lead", "＊牵头单位", "co", "配合单位", "leader", "责任\n领导", "deadline", "完成\n时限", "status", "落实状态　",
			"finished", "完成日期", "progress", "进展情况", "note", "备　注"),
		blankBetween: true, dl: dlText, textDates: true, names: nsParen, vocab: vocabAll,
		footer: []string{"填表人：赵敏  联系电话：13905510000", "注：1.完成时限请填写具体日期；2.落实状态填写已落实、推进中或未启动。"}}
	g.fill(zrzy, "市自然资源和规划局", "", "市长专题会议", 16, "市政府常务会议", 10)
	add("市自然资源和规划局.xlsx", zrzy)

	// 市住房城乡建设局: 填报说明 + two ledgers + a hidden list sheet.
	howto := &sheet{name: "填报说明", free: [][]string{
		{"填报说明"},
		{"一、本表由各责任单位填写，每月18日前报市政府督查室，年底前报送全年落实情况。"},
		{"二、各栏目填写要求："},
		{"栏目", "填写要求"},
		{"完成时限", "填写具体日期，如2024年6月30日；无明确时限的填写“长期坚持”。"},
		{"落实状态", "从下拉列表中选择：已落实、推进中、未启动。"},
		{"完成日期", "已落实的事项必须填写。"},
		{"三、请勿修改表头，勿合并单元格。"},
	}}
	zjMeet := &sheet{name: "会议事项", title: "市住房城乡建设局会议议定事项落实台账",
		cols: cols("seq", "序号", "cat", "类别", "meeting", "会议", "mdate", "会议日期", "content", "事项内容",
			"lead", "牵头单位", "co", "配合单位", "leader", "责任领导", "deadline", "完成时限", "status", "落实状态",
			"finished", "完成日期", "progress", "进展情况", "note", "备注"),
		dl: dlDate, dateFmts: []string{fmtShort, fmtISO}, names: nsPlain, vocab: vocabCanon, freeze: true,
		dropList: "选项!$B$2:$B$4"}
	g.fill(zjMeet, "市住房城乡建设局", "", "市政府常务会议", 12, "市委常委会议", 8)
	zjDoc := &sheet{name: "批示件", title: "市住房城乡建设局领导批示件办理台账",
		cols: cols("seq", "序号", "cat", "类别", "meeting", "批示文号", "mdate", "批示日期", "content", "批示内容",
			"lead", "承办单位", "leader", "责任领导", "deadline", "截止日期", "status", "办理情况", "finished", "办结日期",
			"note", "备注"),
		dl: dlDate, dateFmts: []string{fmtISO}, names: nsPlain, vocab: vocabBanJie}
	g.fill(zjDoc, "市住房城乡建设局", "", "市长批示件", 10)
	lists := &sheet{name: "选项", hidden: true, free: [][]string{
		{"类别", "落实状态"}, {"市政府常务会议", "已落实"}, {"市委常委会议", "推进中"}, {"市长批示件", "未启动"}}}
	add("市住房城乡建设局.xlsx", howto, zjMeet, zjDoc, lists)

	// 市交通运输局: blank 牵头单位, mixed dates and meeting names, one row without 事项内容.
	jt := &sheet{name: "督查事项", title: "2024年市政府督查事项落实台账",
		unitLine: unitLine("市交通运输局", "2024年12月18日"),
		cols: cols("seq", "序号", "cat", "类别", "meeting", "会议", "content", "事项内容", "lead", "牵头单位",
			"leader", "责任领导", "deadline", "完成时限", "status", "落实状态", "finished", "完成日期", "progress", "进展情况"),
		dl: dlMixed, dateFmts: []string{fmtDot, fmtISO}, names: nsMixed, vocab: vocabDone, blankLead: true,
		footer: []string{filler("孙丽", "0551-62651234", "周涛")}}
	g.fill(jt, "市交通运输局", "", "市政府常务会议", 10, "市长办公会议", 8, "市长专题会议", 6)
	bad := g.newItem(jt, unit("市交通运输局"), cat("市长办公会议"))
	bad.raw["content"] = nil
	bad.problem, bad.probKey, bad.excluded = "错误: 事项内容为空", "content", true
	add("市交通运输局.xlsx", jt)

	// 市教育局: canonical; co-reports two items of 市发展改革委.
	jy := &sheet{name: "台账",
		cols: cols("seq", "序号", "cat", "类别", "meeting", "会议", "mdate", "会议日期", "content", "事项内容",
			"lead", "牵头单位", "co", "配合单位", "leader", "责任领导", "deadline", "完成时限", "status", "落实状态",
			"finished", "完成日期", "progress", "进展情况"),
		dl: dlDate, dateFmts: []string{fmtISO}, names: nsPlain, vocab: vocabCanon, freeze: true}
	g.fill(jy, "市教育局", "", "市长专题会议", 12, "两报告", 10)
	g.coReport(fgw, jy, "市教育局")
	add("市教育局.xlsx", jy)

	// 市卫生健康委: 第十四次, aliases 会议类型/会议届次/时限/状态; one unknown status.
	wj := &sheet{name: "台账", title: "市卫生健康委2024年市委、市政府督查事项台账",
		cols: cols("seq", "序号", "cat", "会议类型", "meeting", "会议届次", "content", "议定事项", "lead", "牵头单位",
			"leader", "牵头领导", "deadline", "时限", "status", "状态", "finished", "完成时间", "progress", "进展"),
		blankBetween: true, dl: dlText, textDates: true, names: nsNumOnly, vocab: vocabAll, catAlias: true,
		footer: []string{"注：本表“状态”栏填写已落实、推进中、未启动。"}}
	g.fill(wj, "市卫生健康委", "", "市委常委会议", 14, "市长专题会议", 8)
	bad = g.newItem(wj, unit("市卫生健康委"), cat("市委常委会议"))
	bad.raw["status"], bad.raw["finished"] = "基本完成", nil
	bad.raw["progress"] = "主体工程基本完成，正在做收尾工作。"
	bad.problem, bad.probKey, bad.excluded = `错误: 落实状态"基本完成"无法识别`, "status", true
	add("市卫生健康委.xlsx", wj)

	// 市商务局: every text deadline form; one impossible date.
	sw := &sheet{name: "台账",
		cols: cols("seq", "序号", "cat", "事项类别", "meeting", "来源", "mdate", "交办日期", "content", "工作事项",
			"lead", "主办单位", "leader", "分管领导", "deadline", "完成时间要求", "status", "完成情况",
			"finished", "实际完成时间", "progress", "落实情况", "note", "备注"),
		dl: dlText, textDates: true, names: nsCN, vocab: vocabAll,
		footer: []string{filler("钱进", "0551-63512345", "吴昊")}}
	g.fill(sw, "市商务局", "", "市政府常务会议", 10, "市长办公会议", 8, "两报告", 8)
	bad = g.newItem(sw, unit("市商务局"), cat("市政府常务会议"))
	if bad.status == done {
		bad.status, bad.finished, bad.progress = inProgress, time.Time{}, progressTexts[inProgress][0]
		g.render(bad, sw)
	}
	bad.raw["deadline"] = "2024年2月30日"
	bad.problem, bad.probKey, bad.excluded = `错误: 完成时限"2024年2月30日"不是有效日期`, "deadline", true
	add("市商务局.xlsx", sw)

	// 市工业和信息化局: no 类别 column, meeting cells merged; 已落实 without 完成日期.
	gx := &sheet{name: "台账", title: "市工业和信息化局督查事项落实情况台账",
		unitLine: unitLine("市工业和信息化局", "2024年12月17日"),
		cols: cols("seq", "序号", "meeting", "会议名称", "content", "议定事项", "lead", "牵头单位", "co", "配合单位",
			"leader", "责任领导", "deadline", "完成时限", "status", "落实状态", "finished", "完成日期", "progress", "进展情况"),
		mergeKeys: []string{"meeting"}, dl: dlMixed, dateFmts: []string{fmtISO}, names: nsCN, vocab: vocabDone}
	g.fill(gx, "市工业和信息化局", "", "市政府常务会议", 10, "市长专题会议", 10, "市长办公会议", 6)
	for _, it := range gx.items {
		if it.status == done {
			it.raw["finished"] = nil
			it.problem, it.probKey = "警告: 已落实但未填完成日期", "finished"
			break
		}
	}
	add("市工业和信息化局.xlsx", gx)

	// 市生态环境局: 市长批示件, 〔2024〕12号, 督办类型 merged over the sheet.
	sthj := &sheet{name: "批示件办理", title: "市生态环境局市长批示件办理情况",
		cols: cols("seq", "序号", "cat", "督办类型", "meeting", "批示文号", "mdate", "批示日期", "content", "批示内容",
			"lead", "主办单位", "leader", "牵头领导", "deadline", "时限要求", "status", "办理状态",
			"finished", "实际完成时间", "progress", "进展情况"),
		mergeKeys: []string{"cat", "meeting", "mdate"},
		dl:        dlMixed, dateFmts: []string{fmtLocale, fmtCN}, names: nsMixed, vocab: vocabBanJie}
	g.fill(sthj, "市生态环境局", "", "市长批示件", 20)
	add("市生态环境局.xlsx", sthj)

	// 市农业农村局: 两报告 and 批示件, text dates, saved by WPS.
	ny := &sheet{name: "台账",
		cols: cols("seq", "序号", "cat", "来源类别", "meeting", "交办来源", "content", "工作任务", "lead", "承办单位",
			"leader", "责任领导", "deadline", "时限要求", "status", "进度状态", "finished", "完成时间",
			"progress", "工作进展", "note", "备注"),
		dl: dlText, textDates: true, names: nsPlain, vocab: vocabAll, catAlias: true}
	g.fill(ny, "市农业农村局", "", "市长批示件", 8, "两报告", 20)
	add("市农业农村局.xlsx", ny).wps = true

	// 市应急管理局: the 1904 date system, 督办编号.
	yj := &sheet{name: "台账",
		cols: cols("id", "督办编号", "cat", "类别", "meeting", "会议", "mdate", "会议日期", "content", "具体事项",
			"lead", "责任单位", "leader", "责任领导", "deadline", "截止日期", "status", "落实状态",
			"finished", "办结日期", "progress", "进展情况"),
		dl: dlDate, dateFmts: []string{fmtISO}, names: nsParen, vocab: vocabCanon}
	g.fill(yj, "市应急管理局", "YJ2024", "市政府常务会议", 12, "市长办公会议", 10)
	add("市应急管理局.xlsx", yj).date1904 = true

	return books
}

// draft returns the items of an earlier version of a ledger: the last few completions and one
// start had not happened yet.
func (g *gen) draft(final []*item) []*item {
	var out []*item
	for _, it := range final {
		c := *it
		c.raw = maps.Clone(it.raw)
		out = append(out, &c)
	}
	var doneIdx []int
	started := -1
	for i, it := range out {
		if it.status == done {
			doneIdx = append(doneIdx, i)
		} else if it.status == inProgress && started < 0 {
			started = i
		}
	}
	sort.SliceStable(doneIdx, func(a, b int) bool { return out[doneIdx[a]].finished.After(out[doneIdx[b]].finished) })
	n := min(5, len(doneIdx))
	for _, i := range doneIdx[:n] {
		it := out[i]
		it.status, it.finished = inProgress, time.Time{}
		it.progress = "正在收尾，预计近期完成。"
		it.raw["status"], it.raw["finished"], it.raw["progress"] = "推进中", nil, it.progress
	}
	if started >= 0 {
		it := out[started]
		it.status = notStarted
		it.progress = "正在研究工作方案。"
		it.raw["status"], it.raw["progress"] = "未启动", it.progress
		n++
	}
	g.notes = append(g.notes, fmt.Sprintf("市财政局（初稿）与（终稿）是同一批%d项事项，其中%d项初稿状态落后于终稿（合并时取终稿，并各有一条警告）。", len(out), n))
	return out
}

// coReport copies two items led by the unit of lead into co, written the co unit's way; the
// first done item is reported as still in progress there.
func (g *gen) coReport(lead, co *sheet, coUnit string) {
	var lag, same *item
	for _, it := range lead.items {
		if it.cat.kind != kindMeeting {
			continue
		}
		if lag == nil && it.status == done {
			lag = it
		} else if same == nil && it.status == inProgress {
			same = it
		}
	}
	for _, it := range []*item{lag, same} {
		if it == nil {
			continue
		}
		note := "两处状态相同"
		it.co = coUnit
		it.raw["co"] = coUnit
		c := *it
		c.content = it.content + "。"
		if c.status == done {
			c.status, c.finished = inProgress, time.Time{}
			c.progress = "配合牵头单位推进。"
			note = "配合单位写推进中、牵头单位写已落实，合并取已落实并有一条警告"
		}
		g.notes = append(g.notes, fmt.Sprintf("%s作为配合单位也报送了%s牵头的“%s”（%s）。", coUnit, it.lead, it.content, note))
		g.render(&c, co)
		co.items = append(co.items, &c)
	}
}

func sample(dir, xlsSrc string, seed uint64, stdout io.Writer) error {
	g := newGen(seed, 1)
	books := g.sampleBooks()
	for _, b := range books {
		path := filepath.Join(dir, b.file)
		if b.file == xlsUnit+".xlsx" {
			if xlsSrc == "" {
				continue
			}
			path = filepath.Join(xlsSrc, b.file)
		}
		if err := writeBook(path, b); err != nil {
			return err
		}
	}
	// The 建议提案 after the ledgers, drawing nothing from the random stream.
	if err := writeBook(filepath.Join(dir, suggestionFile), suggestionBook()); err != nil {
		return err
	}
	note := "本文件夹是 duban 的示例数据：12个单位报送的2024年督查事项台账（格式各不相同，" + xlsUnit + "报送的是.xls），" +
		"以及人大代表建议和政协委员提案办理情况表（单独统计）。\n" +
		"由 scripts/sample-xls.sh 生成（go run ./testdata/gen，再用LibreOffice把" + xlsUnit + "的台账另存为.xls），请勿手工修改。\n" +
		"试一试：duban report --as-of 2024-12-20 testdata/sample\n"
	if err := os.WriteFile(filepath.Join(dir, "说明.txt"), []byte(note), 0o644); err != nil {
		return err
	}
	// An Office lock file: the owner's name in a fixed-size record.
	lock := append([]byte("\x06wangli"), bytes.Repeat([]byte{' '}, 48)...)
	if err := os.WriteFile(filepath.Join(dir, "~$市财政局.xlsx"), lock, 0o644); err != nil {
		return err
	}
	var all []*item
	for _, b := range books {
		for _, sh := range b.sheets {
			all = append(all, sh.items...)
		}
	}
	fmt.Fprintf(stdout, "已生成示例数据 %s：%d个工作簿（12个单位，"+xlsUnit+"的台账由scripts/sample-xls.sh另存为.xls；另有建议提案办理情况表），另有说明.txt（应提示跳过）和~$市财政局.xlsx（应静默跳过）。\n",
		dir, len(books)+1)
	summarize(stdout, all)
	summarizeSuggestions(stdout)
	fmt.Fprintln(stdout, "\n有意设置的问题（校验问题应列出）：")
	for _, it := range all {
		if it.problem != "" {
			fmt.Fprintf(stdout, "  %s: %s\n", it.where, it.problem)
		}
	}
	fmt.Fprintln(stdout, "\n重复事项：")
	for _, n := range g.notes {
		fmt.Fprintln(stdout, "  "+n)
	}
	if miss := g.uncovered(); len(miss) > 0 {
		return fmt.Errorf("the sample misses these spellings: %s", strings.Join(miss, "、"))
	}
	return nil
}
