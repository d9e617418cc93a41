package sheets

import (
	"fmt"
	"testing"
	"time"
)

// januaryLedgers writes, into dir, four ledgers of a January run (as-of 2025-01-15) about
// 2024, one of each class of SPEC §4.1 and §4.2 context, after the office's January bulletin
// on the previous year's meetings (https://www.zhp.gov.cn/Content-2244518.html, published
// 2021-01-27: "第六次常务会确定事项44项…第八次县长办公会…").
//   - 市交通运输局: sheets named 常务会议, 专题会议 and 办公会 whose rows give only the session
//     (第5次, 第十四次) and the meeting date.
//   - 市商务局: a 事项来源 column holding the whole meeting name
//     (https://www.zyx.gov.cn/Content-2717260.html "2024年第五次县政府常务会议";
//     https://ynlf.gov.cn/info/egovinfo/1007/overt_centent/11532331015179648Q-/2024-1121001.htm
//     "二届市人民政府第93次常务会议"), no 会议 or 会议日期 column.
//   - 市教育局: yearless deadlines, no meeting dates, the year in the ledger's title.
//   - 市民政局: yearless deadlines, no year anywhere in the file.
func januaryLedgers(t *testing.T, dir string) []string {
	t.Helper()
	transport := testBook{sheets: []testSheet{
		{name: "常务会议", rows: []string{
			"市交通运输局2024年度常务会议议定事项落实台账",
			"序号|会议届次|会议时间|议定事项|牵头单位|完成时限|落实状态|完成日期|进展情况",
			"#1|第5次|2024-04-20|加快推进城区公交线网优化调整|市交通运输局|6月底前|已完成|2024-06-25|已调整线路8条",
			"#2|第十四次|2024-12-06|做好春运交通运输保障工作|市交通运输局|3月底前|推进中||已制定保障方案",
		}, merges: []string{"A1:I1"}},
		{name: "专题会议", rows: []string{
			"市交通运输局2024年度专题会议议定事项落实台账",
			"序号|会议届次|会议时间|议定事项|牵头单位|完成时限|落实状态|完成日期|进展情况",
			"#1|第4次|2024-03-12|研究解决高铁站综合枢纽接驳问题|市交通运输局|2024-10-31|推进中||方案已报审",
		}, merges: []string{"A1:I1"}},
		{name: "办公会", rows: []string{
			"市交通运输局2024年度办公会议定事项落实台账",
			"序号|会议届次|会议时间|议定事项|牵头单位|完成时限|落实状态|完成日期|进展情况",
			"#1|第二次|2024-02-23|落实出租汽车运价调整方案|市交通运输局|2024-05-31|已完成|2024-05-20|已执行",
		}, merges: []string{"A1:I1"}},
	}}
	commerce := testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"市商务局2024年度督查事项落实台账",
		"序号|事项来源|督办事项|责任单位|完成时限|落实状态|完成日期|进展情况",
		"#1|二届市人民政府第4次常务会议|组织开展“消费促进月”系列活动|市商务局|2024-05-31|已完成|2024-05-28|已举办12场",
		"#2|2024年第五次市政府常务会议|推进县域商业体系建设|市商务局|2024-12-31|推进中||已建成乡镇商贸中心3个",
		"#3|市长办公会议（第7次）|加快外贸企业出口退税办理进度|市商务局|2025-01-20|推进中||正在办理",
		"#4|市政府第十次专题会议|推进中心城区步行街改造提升|市商务局|2025-06-30|未启动||",
	}, merges: []string{"A1:H1"}}}}
	education := testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"市教育局2024年度督查事项落实台账",
		"序号|类别|会议名称|事项内容|牵头单位|完成时限|落实状态|完成日期|进展情况",
		"#1|市政府常务会议|市政府第六次常务会议|推进城区中小学学位扩容工程|市教育局|9月底前|推进中||新增学位1200个",
		"#2|市长办公会议|第六次市长办公会议|完成校园食堂“明厨亮灶”改造|市教育局|10月底前|已完成|2024-10-25|已全部完成",
		"#3|市长专题会议|市政府第十次专题会议|开展校外培训机构专项治理|市教育局|11月30日|推进中||",
	}, merges: []string{"A1:I1"}}}}
	civil := testBook{sheets: []testSheet{{name: "台账", rows: []string{
		"市民政局督查事项落实情况台账",
		"序号|会议名称|事项内容|责任单位|完成时限|办理状态|办结时间|工作进展",
		"#1|市政府第四次常务会议|提高城乡低保和特困人员供养标准|市民政局|7月底前|已完成|2024-07-20|已提标",
		"#2|第七次市长办公会议|推进居家和社区养老服务改革|市民政局|11月底前|推进中||试点已启动",
	}, merges: []string{"A1:H1"}}}}
	return []string{
		writeBook(t, dir, "市交通运输局.xlsx", transport),
		writeBook(t, dir, "市商务局.xlsx", commerce),
		writeBook(t, dir, "市教育局.xlsx", education),
		writeBook(t, dir, "市民政局.xlsx", civil),
	}
}

// itemLines renders items as "类别 | 会议 | 事项内容 | 完成时限 | 预警".
func itemLines(items []Item) []string {
	var out []string
	for _, it := range items {
		dl := "无"
		if it.HasDeadline() {
			dl = it.Deadline.Format(time.DateOnly)
		}
		out = append(out, fmt.Sprintf("%s | %s | %s | %s | %s", it.Category, it.MeetingName, it.Content, dl, it.Alert))
	}
	return out
}

// problemLines renders problems as the console lists them.
func problemLines(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

func TestBuildJanuaryContext(t *testing.T) {
	t.Parallel()
	files := januaryLedgers(t, t.TempDir())
	r := Build(files, Options{Dict: testDict(t), AsOf: date(2025, 1, 15), WarnDays: 7})
	sameLines(t, "items", itemLines(r.Items), []string{
		"市政府常务会议 | 市政府常务会议第4次 | 组织开展“消费促进月”系列活动 | 2024-05-31 | 正常",
		"市政府常务会议 | 市政府常务会议第4次 | 提高城乡低保和特困人员供养标准 | 2024-07-31 | 正常",
		"市政府常务会议 | 市政府常务会议第5次 | 推进县域商业体系建设 | 2024-12-31 | 逾期",
		"市政府常务会议 | 市政府常务会议第5次 | 加快推进城区公交线网优化调整 | 2024-06-30 | 正常",
		"市政府常务会议 | 市政府常务会议第6次 | 推进城区中小学学位扩容工程 | 2024-09-30 | 逾期",
		"市政府常务会议 | 市政府常务会议第14次 | 做好春运交通运输保障工作 | 2025-03-31 | 正常",
		"市长办公会议 | 市长办公会议第2次 | 落实出租汽车运价调整方案 | 2024-05-31 | 正常",
		"市长办公会议 | 市长办公会议第6次 | 完成校园食堂“明厨亮灶”改造 | 2024-10-31 | 正常",
		"市长办公会议 | 市长办公会议第7次 | 加快外贸企业出口退税办理进度 | 2025-01-20 | 临期",
		"市长办公会议 | 市长办公会议第7次 | 推进居家和社区养老服务改革 | 2024-11-30 | 逾期",
		"市长专题会议 | 市长专题会议第4次 | 研究解决高铁站综合枢纽接驳问题 | 2024-10-31 | 逾期",
		"市长专题会议 | 市长专题会议第10次 | 推进中心城区步行街改造提升 | 2025-06-30 | 正常",
		"市长专题会议 | 市长专题会议第10次 | 开展校外培训机构专项治理 | 2024-11-30 | 逾期",
	})
	sameLines(t, "problems", problemLines(r.Problems), []string{
		"警告: 市政府常务会议的会议届次不连续：第1–14次中缺第1–3、7–13次（可能有单位未报送，或这些会议没有督查事项），会议次数只计有事项的会议，请核对",
		"警告: 市长专题会议的会议届次不连续：第1–10次中缺第1–3、5–9次（可能有单位未报送，或这些会议没有督查事项），会议次数只计有事项的会议，请核对",
		"警告: 市长办公会议的会议届次不连续：第1–7次中缺第1、3–5次（可能有单位未报送，或这些会议没有督查事项），会议次数只计有事项的会议，请核对",
		"市交通运输局.xlsx!专题会议!B3: 提示: 工作表名“专题会议”指明了类别：本表1行未写类别，按市长专题会议统计",
		"市交通运输局.xlsx!办公会!B3: 提示: 工作表名“办公会”指明了类别：本表1行未写类别，按市长办公会议统计",
		"市交通运输局.xlsx!常务会议!B3: 提示: 工作表名“常务会议”指明了类别：本表2行未写类别，按市政府常务会议统计",
		"市交通运输局.xlsx!常务会议!F3: 提示: 完成时限“6月底前”未写年份，按会议日期的年份2024年理解为2024-06-30",
		"市交通运输局.xlsx!常务会议!F4: 提示: 完成时限“3月底前”未写年份，会议日期为2024-12-06，按其后最近的日期理解为2025-03-31",
		"市商务局.xlsx!台账!B3: 提示: 类别“二届市人民政府第4次常务会议”是完整的会议名称，会议按市政府常务会议第4次统计",
		"市商务局.xlsx!台账!B4: 提示: 类别“2024年第五次市政府常务会议”是完整的会议名称，会议按市政府常务会议第5次统计",
		"市商务局.xlsx!台账!B5: 提示: 类别“市长办公会议（第7次）”是完整的会议名称，会议按市长办公会议第7次统计",
		"市商务局.xlsx!台账!B6: 提示: 类别“市政府第十次专题会议”是完整的会议名称，会议按市长专题会议第10次统计",
		"市教育局.xlsx!台账!F3: 提示: 完成时限“9月底前”未写年份，按台账标题中的2024年理解为2024-09-30",
		"市教育局.xlsx!台账!F4: 提示: 完成时限“10月底前”未写年份，按台账标题中的2024年理解为2024-10-31",
		"市教育局.xlsx!台账!F5: 提示: 完成时限“11月30日”未写年份，按台账标题中的2024年理解为2024-11-30",
		"市民政局.xlsx!台账!E3: 提示: 完成时限“7月底前”未写年份，按多数事项会议日期所在的年度2024年理解为2024-07-31",
		"市民政局.xlsx!台账!E4: 提示: 完成时限“11月底前”未写年份，按多数事项会议日期所在的年度2024年理解为2024-11-30",
	})
	if r.Year != 2024 {
		t.Errorf("Year = %d, want 2024", r.Year)
	}
	if got, want := r.SummaryTitle(), fmt.Sprintf(titleSummary, "", 2024); got != want {
		t.Errorf("SummaryTitle = %q, want %q", got, want)
	}
	var meetings int
	for _, c := range r.Categories {
		meetings += c.Meetings
	}
	// 常务会议 4, 5, 6, 14; 办公会议 2, 6, 7; 专题会议 4, 10: keyed by session, not by date.
	if meetings != 9 {
		t.Errorf("会议次数 = %d, want 9", meetings)
	}
}

// TestBuildYearFlag: --year decides for the rows with no year of their own context (市民政局),
// and only for them: the title's year and the meeting dates still hold.
func TestBuildYearFlag(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	files := januaryLedgers(t, dir)
	r := Build(files, Options{Dict: testDict(t), AsOf: date(2025, 1, 15), WarnDays: 7, Year: 2023})
	var got []string
	for _, it := range r.Items {
		if it.Lead == "市民政局" || it.Lead == "市教育局" {
			got = append(got, it.Content+" "+it.Deadline.Format(time.DateOnly)+" "+it.Alert)
		}
	}
	sameLines(t, "items", got, []string{
		"提高城乡低保和特困人员供养标准 2023-07-31 逾期完成",
		"推进城区中小学学位扩容工程 2024-09-30 逾期",
		// 2023's 第七次市长办公会议 before 2024's 第六次: a meeting's year is part of its identity.
		"推进居家和社区养老服务改革 2023-11-30 逾期",
		"完成校园食堂“明厨亮灶”改造 2024-10-31 正常",
		"开展校外培训机构专项治理 2024-11-30 逾期",
	})
	want := "市民政局.xlsx!台账!E4: 提示: 完成时限“11月底前”未写年份，按--year指定的年度2023年理解为2023-11-30"
	found := false
	for _, p := range r.Problems {
		found = found || p.String() == want
	}
	if !found {
		t.Errorf("no notice %q in %v", want, problemLines(r.Problems))
	}
	if r.Year != 2023 {
		t.Errorf("Year = %d, want 2023", r.Year)
	}

	// Without meeting dates in the run, nor --year, the as-of year.
	r = Build(files[3:], Options{Dict: testDict(t), AsOf: date(2025, 1, 15), WarnDays: 7})
	sameLines(t, "as-of year", itemLines(r.Items), []string{
		"市政府常务会议 | 市政府常务会议第4次 | 提高城乡低保和特困人员供养标准 | 2025-07-31 | 正常",
		"市长办公会议 | 市长办公会议第7次 | 推进居家和社区养老服务改革 | 2025-11-30 | 正常",
	})
	if r.Year != 2025 {
		t.Errorf("Year = %d, want 2025", r.Year)
	}
}

// TestReadTitleYear: the reader gives each row the year above its sheet's header, the title's
// before the 填报日期 line's, per sheet.
func TestReadTitleYear(t *testing.T) {
	t.Parallel()
	p := writeBook(t, t.TempDir(), "市水利局.xlsx", testBook{sheets: []testSheet{
		{name: "台账", rows: []string{
			"市水利局督查事项落实台账",
			"填报单位：市水利局|||填报日期：2024年12月20日",
			"序号|类别|会议名称|事项内容|完成时限|落实状态",
			"#1|市政府常务会议|第3次|推进城乡供水一体化工程|9月底前|推进中",
		}},
		{name: "2025", rows: []string{
			"2025年市长专题会议议定事项",
			"序号|类别|会议名称|事项内容|完成时限|落实状态",
			"#1|市长专题会议|第1次|实施中小河流治理项目|6月底前|推进中",
		}},
	}})
	rows, _ := read(t, p)
	var got []string
	for _, r := range rows {
		got = append(got, fmt.Sprintf("%s %d %d %s", r.Pos.Sheet, r.Pos.Row, r.TitleYear, r.TitleYearFrom))
	}
	sameLines(t, "title years", got, []string{"台账 4 2024 填报日期", "2025 3 2025 台账标题"})
}
