package sheets

import (
	"strings"
	"testing"
	"time"
)

// Reading by meaning (SPEC §3.1, §4.2, §4.3, issue 19): the words and headers a clerk reads
// without thinking that no list holds.

// TestStatusByMeaningProperty is the main proof of the status rule: for each structure of SPEC
// §4.3, words generated from its parts — negations × actions, 已 × manners × finishing actions
// × closings, under-way forms × actions — each with remarks in brackets and dates in them,
// classify as SPEC says, in SPEC's order (partial or suspended first, then a negation, then
// finished, then under way); with a partial or suspended qualifier anywhere, none classifies.
func TestStatusByMeaningProperty(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	negations := []string{"未", "尚未", "暂未", "没有", "还未", "仍未", "均未"}
	starts := []string{"开展", "开工", "实施", "启动", "开始", "着手", "动工", "开工建设", "开始实施", "正式启动"}
	finishes := []string{"完成", "办结", "建成", "竣工", "完工", "竣工验收", "建成投用"}
	already := []string{"已", "已经", "现已", "均已", "目前已"}
	manners := []string{"", "全部", "全面", "按期", "提前", "顺利", "圆满"}
	closings := []string{"", "并销号", "并通过验收", "并投入使用"}
	remarks := []string{"", "（已协调财政）", "(已报市政府)", "【经区政府同意】", "（详见附件）"}
	dates := []string{"（6月3日）", "（2024年6月3日）", "(2024-06-03)", "（于6月3日办结）"}

	type gen struct {
		word string
		want Status
	}
	var words []gen
	for _, n := range negations {
		for _, a := range starts {
			words = append(words, gen{n + a, NotStarted})
		}
		for _, a := range finishes {
			words = append(words, gen{n + a, InProgress}) // not yet finished: under way
		}
		words = append(words, gen{n + "按期完成", InProgress}, gen{n + "按计划推进", InProgress})
	}
	for _, y := range already {
		for _, m := range manners {
			for _, a := range finishes {
				for _, c := range closings {
					words = append(words, gen{y + m + a + c, Done})
				}
			}
		}
		for _, a := range []string{"开工", "启动", "开工建设", "启动实施", "进场施工"} {
			words = append(words, gen{y + a, InProgress})
		}
		words = append(words, gen{y + "完成招标", InProgress}, gen{y + "完成前期工作", InProgress})
	}
	for _, a := range []string{"推进", "施工", "实施", "办理", "建设", "整改", "调试"} {
		words = append(words, gen{"正在" + a, InProgress}, gen{a + "中", InProgress}, gen{"目前正在" + a, InProgress})
	}
	for _, m := range []string{"稳步", "有序", "持续", "加快", "全力", "扎实", "常态化", "长期"} {
		for _, a := range []string{"推进", "实施", "开展", "坚持"} {
			words = append(words, gen{m + a, InProgress})
		}
		words = append(words, gen{m + "推进中", InProgress})
	}
	// Progress against the schedule is under way (kept apart as 进度 later, SPEC §4.3).
	for _, w := range []string{"略有滞后", "未达到序时", "慢于序时", "超序时推进", "进度偏慢", "进度超前", "推进缓慢", "达到进度要求"} {
		words = append(words, gen{w, InProgress})
	}
	for _, late := range []string{"逾期", "超期"} {
		words = append(words, gen{late + "未办结", InProgress}, gen{late + "未启动", NotStarted})
	}
	words = append(words, gen{"在建", InProgress}, gen{"进展顺利", InProgress},
		gen{"完成并通过验收", Done}, gen{"全部完成", Done}, gen{"建成投用", Done})

	for _, g := range words {
		for _, r := range remarks {
			w := g.word + r
			got := d.readStatus(w)
			if !got.ok || got.class != g.want {
				t.Errorf("readStatus(%q) = %v %v, want %v", w, got.class, got.ok, g.want)
				continue
			}
			if _, inDict := d.Status(w); !inDict && !got.meaning {
				t.Errorf("readStatus(%q): read by meaning without saying so", w)
			}
		}
		for _, dt := range dates {
			w := g.word + dt
			got := d.readStatus(w)
			if !got.ok || got.class != g.want {
				t.Errorf("readStatus(%q) = %v %v, want %v", w, got.class, got.ok, g.want)
			}
			// A date in the remark is the 完成日期 of a finished item only.
			if (got.date != "") != (g.want == Done) {
				t.Errorf("readStatus(%q): date %q, for class %v", w, got.date, g.want)
			}
		}
		// Partial and suspended qualifiers: never a class, in whatever structure.
		for _, bad := range []string{"基本" + g.word, "大部分" + g.word, g.word + "80%", "部分" + g.word,
			"暂缓" + g.word, "暂停" + g.word, g.word + "（已暂停）", g.word + "（完成80%）"} {
			if got := d.readStatus(bad); got.ok {
				t.Errorf("readStatus(%q) = %v, want no class (partial or suspended)", bad, got.class)
			}
		}
	}
	for _, bad := range []string{"基本完成", "大部分完成", "完成80%", "已完成80%", "基本办结", "暂缓", "暂停中", "停工中",
		"已撤销", "已基本完成并销号", "初步完成", "完成八成", "完成过半", "停工", "暂缓实施", "已取消"} {
		if got := d.readStatus(bad); got.ok {
			t.Errorf("readStatus(%q) = %v, want no class", bad, got.class)
		}
		if msg := d.statusMessage(bad); !strings.Contains(msg, "不能确定属于") {
			t.Errorf("statusMessage(%q) = %s, want one that asks for one of the three classes", bad, msg)
		}
	}
	// Words that do not say whether the work is done, begun or waiting stay errors.
	for _, bad := range []string{"未落实", "未整改", "验收", "已完成3项", "另行安排", "市政府已同意", "实施方案报市政府审定中",
		"已完成招标，施工单位已进场", "有序", "长期", "集中", "其中"} {
		if got := d.readStatus(bad); got.ok {
			t.Errorf("readStatus(%q) = %v, want no class", bad, got.class)
		}
	}
}

// The dictionary overrides the reading by meaning: an office that counts 已开工 as done says so
// in its dictionary, and its word is read whole without a notice.
func TestStatusDictionaryOverrides(t *testing.T) {
	t.Parallel()
	d, err := ParseDict("[类别]\nA\t会议\n[落实状态]\n已落实\t已开工、尚未办结\n")
	if err != nil {
		t.Fatal(err)
	}
	for w, want := range map[string]Status{"已开工": Done, "尚未办结": Done, "尚未开工": NotStarted} {
		got := d.readStatus(w)
		if !got.ok || got.class != want {
			t.Errorf("readStatus(%q) = %v %v, want %v", w, got.class, got.ok, want)
		}
	}
	if d.readStatus("已开工").meaning {
		t.Error("已开工 listed in the dictionary is read by meaning")
	}
}

// Status words as published bulletins word the classes they count, each read as the bulletin
// counts it.
func TestStatusByMeaningReal(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range []struct {
		word string
		want Status
	}{
		// http://bowenku.com/d/1503/171599232092275.php "全市90个重点项目已开(复)工69个" … "仍有21个重点项目没有开工或复工"
		{"已开(复)工", InProgress},
		{"没有开工或复工", NotStarted},
		// https://www.zyx.gov.cn/Content-2717260.html "已完成前期论证工作，下余87个项目前期工作推进中"; "正在建设11家"
		{"已完成前期论证工作", InProgress},
		{"前期工作推进中", InProgress},
		{"正在建设", InProgress},
		// https://www.zyx.gov.cn/Content-2717260.html "取得阶段性成果并持续推进事项25件"
		{"持续推进", InProgress},
		// http://www.tianlingjianzhu.com/content/bangongting/content-57-7370-1.html "在前期尚未开工的54个项目中"
		{"尚未开工", NotStarted},
		// https://www.zyx.gov.cn/Content-2463854.html "紧盯未办结事项…直至办结销号"
		{"尚未办结", InProgress},
		{"已办结销号", Done},
		// https://hdxq.suining.gov.cn/zwgk/show/a4414dae001e4f34b5e86771dc69eca6.html "督查了…等在建项目"
		{"在建", InProgress},
	} {
		got := d.readStatus(c.word)
		if !got.ok || got.class != c.want {
			t.Errorf("readStatus(%q) = %v %v, want %v", c.word, got.class, got.ok, c.want)
		}
	}
}

// Each status read by meaning is a notice at its cell, counted by kind on the terminal; the
// date in the remark of a finished one is the 完成日期 when that cell is empty, with its year
// from the row's context.
func TestStatusMeaningNotice(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	row := func(status, done string) RawRow {
		r := RawRow{Pos: Pos{File: "市应急管理局.xlsx", Sheet: "台账", Row: 5}}
		vals := map[Field]string{FieldCategory: "市政府常务会议", FieldMeeting: "第3次", FieldContent: "修订市突发事件总体应急预案",
			FieldLead: "市应急管理局", FieldDeadline: "2024-06-30", FieldStatus: status, FieldDone: done}
		for f, c := range map[Field]int{FieldCategory: 1, FieldMeeting: 2, FieldContent: 3, FieldLead: 4, FieldDeadline: 5, FieldStatus: 6, FieldDone: 7} {
			r.Cols[f], r.Vals[f] = c, vals[f]
		}
		return r
	}
	r := row("已办结（6月3日）", "")
	it, probs, ok := v.Row(&r)
	if !ok || it.Status != Done || it.Done.Format(time.DateOnly) != "2024-06-03" {
		t.Fatalf("已办结（6月3日）: ok %v, %v, done %v; %v", ok, it.Status, it.Done, probs)
	}
	sameLines(t, "problems", problemStrings(probs), []string{
		"市应急管理局.xlsx!台账!F5: 提示: 落实状态“已办结（6月3日）”按词义计为已落实，所写日期“6月3日”作为完成日期（2024-06-03）",
	})
	if k := probs[0].Kind.String(); k != "落实状态按词义归类" {
		t.Errorf("kind %q", k)
	}
	// A finished status that says its day in its words.
	r = row("已于6月3日办结", "")
	if it, _, ok := v.Row(&r); !ok || it.Status != Done || it.Done.Format(time.DateOnly) != "2024-06-03" {
		t.Errorf("已于6月3日办结: ok %v, %v, done %v", ok, it.Status, it.Done)
	}
	// A filled 完成日期 stays as written.
	r = row("已办结（6月3日）", "2024-06-05")
	it, _, _ = v.Row(&r)
	if it.Done.Format(time.DateOnly) != "2024-06-05" {
		t.Errorf("done %v, want the cell's 2024-06-05", it.Done)
	}
	// Partial: an error at the status cell that asks for one of the three classes.
	r = row("大部分完成", "")
	_, probs, ok = v.Row(&r)
	if ok || len(probs) != 1 || probs[0].Pos.Col != 6 || probs[0].Level != Error || !strings.Contains(probs[0].Msg, "“已落实”“推进中”“未启动”") {
		t.Errorf("大部分完成: ok %v, %v", ok, problemStrings(probs))
	}
}

func problemStrings(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// Headers by their head word (SPEC §3.1): hints, brackets and modifiers set aside.
func TestColumnByMeaning(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range []struct {
		header  string
		want    Field
		meaning bool
	}{
		{"任务名称", FieldContent, true},
		{"督办事项名称", FieldContent, true},
		{"项目名称（全称）", FieldContent, true},
		{"主责单位", FieldLead, true},
		{"主要责任单位\n（盖章）", FieldLead, true},
		{"配合责任单位", FieldCo, true},
		{"计划完成时间", FieldDeadline, false}, // a dictionary alias
		{"预计完成时间", FieldDeadline, true},
		{"规定办结日期", FieldDeadline, true},
		{"整改期限", FieldDeadline, true},
		{"实际完成时间", FieldDone, false}, // a dictionary alias
		{"实际办结日期", FieldDone, true},
		{"目前进度", FieldStatus, true},
		{"推进状态（已完成/推进中/未启动）", FieldStatus, true},
		{"最新进展", FieldProgress, true},
		{"承办科室", FieldLead, true},
		{"计划完成时限", FieldDeadline, true},
		{"工作任务名称", FieldContent, true},
		{"督办内容", FieldContent, true},
		{"办理进度", FieldStatus, true},
		{"包保市领导", FieldLeader, true},
		{"会议召开时间", FieldMeetingDate, true},
		{"责任部门", FieldLead, false},
		{"完成期限", FieldDeadline, false},
		{"时间节点", FieldDeadline, false},
	} {
		f, meaning, _, ok := d.columnOf(c.header)
		if !ok || f != c.want || meaning != c.meaning {
			t.Errorf("columnOf(%q) = %v meaning %v ok %v; want %v meaning %v", c.header, f, meaning, ok, c.want, c.meaning)
		}
	}
	for _, h := range []string{"推进城区供水管网改造任务", "填报单位：市财政局", "序号", "已完成", "推进中", "情况", "时间", "单位名称（盖章）：",
		"市住房和城乡建设局", "2024年度重点任务", "反馈时限", "完成情况说明"} {
		if f, _, _, ok := d.columnOf(h); ok {
			t.Errorf("columnOf(%q) = %v, want no column", h, f)
		}
	}
}

// An OA system's export read fully: no title, the header in row 1, columns named by their head
// word — 任务名称 | 责任部门 | 完成期限 | 目前进度 | 完成时间 | 工作进展 — each column taken by
// meaning said once. A 工作督办系统 records 完成时间 and 办理情况/进度情况 as its fields
// (http://xtnz.com.cn/buy/show-10635.html).
func TestOAExportByMeaning(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市数据资源管理局.xlsx", testBook{sheets: []testSheet{{
		name: "Sheet1",
		rows: []string{
			"序号|任务名称|会议名称|责任部门|完成期限|目前进度|完成时间|工作进展",
			"#1|建设全市一体化公共数据平台|市政府第4次常务会议|市数据资源管理局|2024-10-31|已完成|2024-10-20|平台已上线运行。",
			"#2|推进政务服务“一网通办”事项接入|市长专题会议第5次|市数据资源管理局|2025-06-30|推进中||已接入事项1260项。",
			"#3|开展公共数据质量提升专项行动|市政府第7次常务会议|市数据资源管理局|2025-03-31|未启动||方案起草中。",
		},
	}}})
	items, probs, excluded := readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"2: 建设全市一体化公共数据平台 | 所属  | 已落实 | 市数据资源管理局 | 平台已上线运行。",
		"3: 推进政务服务“一网通办”事项接入 | 所属  | 推进中 | 市数据资源管理局 | 已接入事项1260项。",
		"4: 开展公共数据质量提升专项行动 | 所属  | 未启动 | 市数据资源管理局 | 方案起草中。",
	})
	sameLines(t, "problems", probs, []string{
		"市数据资源管理局.xlsx!Sheet1!B1: 提示: “任务名称”列按词义识别为事项内容",
		"市数据资源管理局.xlsx!Sheet1!F1: 提示: “目前进度”列按词义识别为落实状态",
	})
	if excluded != 0 {
		t.Errorf("excluded %d", excluded)
	}

	// The same head word over narrative beside a status column: content decides, and it is
	// kept as 进展情况.
	p = writeBook(t, t.TempDir(), "市数据资源管理局.xlsx", testBook{sheets: []testSheet{{
		name: "Sheet1",
		rows: []string{
			"任务名称|会议名称|责任部门|完成期限|目前进度|办理状态",
			"建设全市一体化公共数据平台|市政府第4次常务会议|市数据资源管理局|2024-10-31|平台已上线运行，正在组织验收准备工作|推进中",
		},
	}}})
	items, probs, _ = readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, []string{
		"2: 建设全市一体化公共数据平台 | 所属  | 推进中 | 市数据资源管理局 | 平台已上线运行，正在组织验收准备工作",
	})
	sameLines(t, "problems", probs, []string{
		"市数据资源管理局.xlsx!Sheet1!F1: 提示: “目前进度”列多为文字说明，“办理状态”列为落实状态，按“办理状态”列统计；“目前进度”列作为进展情况",
		"市数据资源管理局.xlsx!Sheet1!A1: 提示: “任务名称”列按词义识别为事项内容",
	})

	// Alone over narrative, it is no status column either: it is 进展情况, and the sheet has no
	// 落实状态 column, which is said at each row.
	p = writeBook(t, t.TempDir(), "市数据资源管理局.xlsx", testBook{sheets: []testSheet{{
		name: "Sheet1",
		rows: []string{
			"任务名称|会议名称|责任部门|完成期限|目前进度",
			"建设全市一体化公共数据平台|市政府第4次常务会议|市数据资源管理局|2024-10-31|平台已上线运行，正在组织验收准备工作",
		},
	}}})
	items, probs, _ = readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, nil)
	if len(probs) != 3 || !strings.Contains(probs[1], "“目前进度”列按词义识别为进展情况") || !strings.Contains(probs[2], "表中没有“落实状态") {
		t.Errorf("problems:\n%s", strings.Join(probs, "\n"))
	}
}

// No deadline by meaning (SPEC §4.2), with a notice when the dictionary does not list the word;
// a date followed by words about the work is that date.
func TestDeadlineByMeaning(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	v := NewValidator(d, date(2024, 12, 20))
	for _, w := range []string{"常年", "按年度推进", "—", "－", "/", "——", "不限", "长效推进", "不设时限", "无", "无明确时限",
		"常态化推进", "持续开展", "长期坚持", "每季度调度", "定期开展"} {
		dl, err := v.readDeadline(w, 2024, false)
		if err != nil || !dl.None {
			t.Errorf("readDeadline(%q) = %+v %v, want 无明确时限", w, dl, err)
		}
		var probs []Problem
		r := RawRow{Pos: Pos{File: "a.xlsx", Sheet: "台账", Row: 3}}
		r.Cols[FieldDeadline] = 8
		v.deadlineNotice(&r, w, dl, &probs)
		_, stem := d.NoDeadlineWord(w)
		byDict := d.IsNoDeadline(w) || stem || func() bool { s, _ := d.NoDeadlineWord(w); return s != "" }()
		if byDict == (len(probs) == 1) {
			t.Errorf("%q: notices %v (dictionary word: %v)", w, problemStrings(probs), byDict)
		}
	}
	for w, want := range map[string]string{
		"9月30日前全面完成":      "2024-09-30",
		"2024年10月底前建成投用":  "2024-10-31",
		"2024年8月15日前完成招标": "2024-08-15",
		"11月底前完成竣工验收":     "2024-11-30",
		"年底前全面完成":         "2024-12-31",
		"2024.6":          "2024-06-30", // text keeps its digits
		"2025年1月20日前开工建设": "2025-01-20",
	} {
		dl, err := v.readDeadline(w, 2024, false)
		if err != nil || dl.Date.Format(time.DateOnly) != want {
			t.Errorf("readDeadline(%q) = %v %v, want %s", w, dl.Date, err, want)
		}
	}
	for _, w := range []string{"6月底前完成50%", "6月后启动", "2024年1月起实施", "6月开工，12月底完工", "3年内完成", "不", "持续两年"} {
		if dl, err := v.readDeadline(w, 2024, false); err == nil {
			t.Errorf("readDeadline(%q) = %+v, want an error", w, dl)
		}
	}
}

// A month typed as a decimal in a number cell is an error at the cell; the same digits as text
// are the end of that month (SPEC §4.2). A dash or slash alone as 事项内容 in a filled row is
// an error at that cell, and no item.
func TestDecimalMonthAndPlaceholderContent(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	base := func() RawRow {
		r := RawRow{Pos: Pos{File: "市市场监督管理局.xlsx", Sheet: "台账", Row: 4}}
		vals := map[Field]string{FieldCategory: "市政府常务会议", FieldMeeting: "第4次", FieldContent: "推进电梯安全筑底行动",
			FieldLead: "市市场监督管理局", FieldDeadline: "2024-12-31", FieldStatus: "推进中"}
		for f, c := range map[Field]int{FieldCategory: 1, FieldMeeting: 2, FieldContent: 5, FieldLead: 6, FieldDeadline: 8, FieldStatus: 9} {
			r.Cols[f], r.Vals[f], r.Kinds[f] = c, vals[f], 1
		}
		return r
	}
	r := base()
	r.Vals[FieldDeadline], r.Kinds[FieldDeadline] = "2024.6", 2 // xlsx.Number
	_, probs, ok := v.Row(&r)
	if ok || len(probs) != 1 || probs[0].Pos.Col != 8 || !strings.Contains(probs[0].Msg, "数字格式") {
		t.Errorf("2024.6 in a number cell: ok %v, %v", ok, problemStrings(probs))
	}
	r = base()
	r.Vals[FieldDeadline] = "2024.6"
	if it, probs, ok := v.Row(&r); !ok || it.Deadline.Format(time.DateOnly) != "2024-06-30" {
		t.Errorf("2024.6 as text: ok %v, %v, %v", ok, it.Deadline, problemStrings(probs))
	}
	for _, dash := range []string{"—", "/", "——", "－"} {
		r = base()
		r.Vals[FieldContent] = dash
		_, probs, ok := v.Row(&r)
		if ok || len(probs) != 1 || probs[0].Pos.Col != 5 || probs[0].Level != Error {
			t.Errorf("事项内容 %q: ok %v, %v", dash, ok, problemStrings(probs))
		}
	}
}

// Units separated by spaces in one 牵头单位 cell (SPEC §3.1): split only when every part is a
// unit — known to the dictionary or ending as units' names do.
func TestUnitsBySpaces(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cell, lead, others string
	}{
		{"市发展和改革委员会 市财政局", "市发展和改革委员会", "市财政局"},
		{"市发展和改革委员会\u3000市工业和信息化局", "市发展和改革委员会", "市工业和信息化局"},
		{"市发改委  市住建局  市交通运输局", "市发改委", "市住建局、市交通运输局"},
		{"城关镇 东城街道 市供水公司", "城关镇", "东城街道、市供水公司"},
		{"市财政局（配合） 市水利局", "市水利局", "市财政局"},
		{"市 财政局", "市 财政局", ""},       // spaced for alignment: one unit
		{"市住建局 牵头", "市住建局", ""},      // a role word, not a unit
		{"中共市委 宣传部", "中共市委 宣传部", ""}, // 宣传部 does not end as the units listed do
	} {
		s := splitLead(c.cell)
		if s.lead != c.lead || strings.Join(s.others, "、") != c.others {
			t.Errorf("splitLead(%q) = %q [%s], want %q [%s]", c.cell, s.lead, strings.Join(s.others, "、"), c.lead, c.others)
		}
	}
	d, err := ParseDict("[类别]\nA\t会议\n[单位]\n市委宣传部\n市委组织部\n")
	if err != nil {
		t.Fatal(err)
	}
	if s := splitLeadKnown("市委宣传部 市委组织部", d.knownUnit); s.lead != "市委宣传部" || strings.Join(s.others, "、") != "市委组织部" {
		t.Errorf("known units: %q %q", s.lead, s.others)
	}
}

// A sheet that shows how far each item is only by a percentage (完成进度: 80%) is told so, and
// what to write instead. A progress column of percentages is used for unfinished items only in
// published tables ("80%(新区实验幼儿园进度滞后)": http://www.cncn.gov.cn/art/2022/12/14/art_1229664772_59047997.html).
func TestLayoutPercentOnly(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市教育局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议名称|工作任务|责任单位|完成时限|完成进度",
			"市政府第3次常务会议|新建城南实验幼儿园|市教育局|2024-12-31|80%",
		},
	}}})
	items, probs, excluded := readItems(t, p, date(2024, 12, 20))
	sameLines(t, "items", items, nil)
	if excluded != 1 || len(probs) != 2 || !strings.Contains(probs[1], "只用E列的百分比“80%”表示") {
		t.Errorf("excluded %d, problems:\n%s", excluded, strings.Join(probs, "\n"))
	}
}

// FuzzReadStatus: reading a status by meaning never panics, a class comes with ok, and a
// date is given only for a finished item.
func FuzzReadStatus(f *testing.F) {
	for _, s := range []string{"已办结（6月3日）", "尚未开工", "推进中（已协调财政", "（", "已于6月3日办结", "基本完成", "\xff中"} {
		f.Add(s)
	}
	d := testDict(f)
	f.Fuzz(func(t *testing.T, s string) {
		sr := d.readStatus(s)
		if !sr.ok && (sr.class != 0 || sr.meaning || sr.date != "") {
			t.Fatalf("readStatus(%q) = %+v without a class", s, sr)
		}
		if sr.date != "" && sr.class != Done {
			t.Fatalf("readStatus(%q) = %+v: a date for an open item", s, sr)
		}
		columnByMeaning(s)
		splitLeadKnown(s, d.knownUnit)
		noDeadlineByMeaning(s)
	})
}

// A sheet whose 落实状态 is blank in every row shows the status some other way (fill colours
// are a common one, which duban does not read): each row's error says so and what to write.
func TestLayoutStatusAllBlank(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市商务局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议名称|工作任务|责任单位|完成时限|落实状态",
			"市政府第3次常务会议|举办消费促进月活动|市商务局|2024-10-31|",
			"市政府第5次常务会议|推进县域商业体系建设|市商务局|2024-12-31|",
		},
	}}})
	_, probs, excluded := readItems(t, p, date(2024, 12, 20))
	if excluded != 2 || len(probs) != 2 || !strings.Contains(probs[0], "本表落实状态列全部为空，如是用底色") {
		t.Errorf("excluded %d, problems:\n%s", excluded, strings.Join(probs, "\n"))
	}
	// One blank status among filled ones is just that.
	p = writeBook(t, t.TempDir(), "市商务局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议名称|工作任务|责任单位|完成时限|落实状态",
			"市政府第3次常务会议|举办消费促进月活动|市商务局|2024-10-31|",
			"市政府第5次常务会议|推进县域商业体系建设|市商务局|2024-12-31|推进中",
		},
	}}})
	_, probs, _ = readItems(t, p, date(2024, 12, 20))
	if len(probs) != 1 || !strings.Contains(probs[0], msgStatusEmpty) {
		t.Errorf("problems:\n%s", strings.Join(probs, "\n"))
	}
}
