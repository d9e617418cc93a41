package main

import (
	"slices"
	"time"
)

// The domain: categories, meetings, units, statuses.

type kind int

const (
	kindMeeting kind = iota // 会议
	kindDoc                 // 批示
	kindTask                // 任务
)

// category is a source of items. Meetings (or documents) are numbered 1..count through the year.
type category struct {
	name     string
	kind     kind
	count    int
	first    time.Time // date of number 1
	every    int       // tenths of a day between two numbers
	short    string    // as in 第5次常务会议
	cnPrefix string    // as in 市政府第五次常务会议
	cnShort  string
	alias    string // a dictionary alias a clerk may write in the 类别 cell
}

// categories in dictionary order, the order of the printed table.
var categories = []*category{
	{name: "市委常委会议", kind: kindMeeting, count: 20, first: day(year, 1, 8), every: 170,
		short: "市委常委会议", cnPrefix: "市委", cnShort: "常委会议", alias: "市委常委会"},
	{name: "市政府常务会议", kind: kindMeeting, count: 14, first: day(year, 1, 12), every: 240,
		short: "常务会议", cnPrefix: "市政府", cnShort: "常务会议", alias: "政府常务会议"},
	{name: "市长办公会议", kind: kindMeeting, count: 12, first: day(year, 1, 19), every: 280,
		short: "市长办公会议", cnShort: "市长办公会议", alias: "市长办公会"},
	{name: "市长专题会议", kind: kindMeeting, count: 34, first: day(year, 1, 10), every: 100,
		short: "市长专题会议", cnShort: "市长专题会议", alias: "市长专题会"},
	{name: "市长批示件", kind: kindDoc, count: 60, first: day(year, 1, 4), every: 57, alias: "市长批示"},
	{name: "两报告", kind: kindTask, count: 1, first: day(year, 1, 18), alias: "两报告"},
}

func cat(name string) *category {
	for _, c := range categories {
		if c.name == name {
			return c
		}
	}
	panic("unknown category " + name)
}

func (c *category) index() int { return slices.Index(categories, c) }

// date of meeting (or document) n.
func (c *category) date(n int) time.Time {
	return c.first.AddDate(0, 0, (n-1)*c.every/10)
}

// The classes of 落实状态, from least to most advanced (SPEC §4.3).
const (
	notStarted = iota // 未启动
	inProgress        // 推进中
	done              // 已落实
)

var classNames = [3]string{"未启动", "推进中", "已落实"}

// vocab is how one clerk spells the three classes; each entry is picked at random.
type vocab [3][]string

var (
	vocabCanon  = vocab{{"未启动"}, {"推进中"}, {"已落实"}}
	vocabDone   = vocab{{"未开始"}, {"正在推进"}, {"已完成"}}
	vocabBanJie = vocab{{"尚未启动"}, {"办理中", "正在办理"}, {"已办结"}}
	vocabAll    = vocab{
		{"未启动", "未开始", "尚未启动"},
		{"推进中", "正在推进", "正在落实", "序时推进", "办理中", "推进", "正在办理"},
		{"已落实", "已完成", "已办结", "完成", "办结", "落实", "已销号"},
	}
	vocabs = []vocab{vocabCanon, vocabDone, vocabBanJie, vocabAll}
)

type unitInfo struct {
	name    string
	leader  string
	objects []string
}

var units = []unitInfo{
	{"市发展改革委", "张副市长", []string{"重大项目集中开工", "年度重点项目投资计划", "以工代赈项目", "社会信用体系建设", "粮食储备库扩建", "电力保供应急预案", "新能源汽车充电基础设施", "专项债券项目储备", "民营经济发展专项行动", "价格监测预警体系", "城市更新项目谋划", "服务业集聚区提档升级"}},
	{"市财政局", "王副市长", []string{"财政资金直达机制", "政府债务风险化解", "预算绩效管理改革", "国有资产清查盘点", "政府采购电子化平台", "涉农资金统筹整合", "惠企政策资金兑付", "专项债券资金使用监管", "非税收入征管改革", "财政暂付款清理消化"}},
	{"市自然资源和规划局", "李副市长", []string{"国土空间总体规划报批", "闲置土地清理处置", "耕地保护专项整治", "不动产登记“一窗受理”", "城市地下空间规划", "历史遗留矿山生态修复", "建设用地审批提速", "批而未供土地消化", "村庄规划编制", "土地征收成片开发方案"}},
	{"市住房城乡建设局", "李副市长", []string{"城区老旧小区改造工程", "保障性租赁住房筹建", "城市燃气管道更新改造", "海绵城市建设", "建筑工地扬尘治理", "房地产市场平稳健康发展", "物业服务质量提升", "城市排水防涝设施建设", "公共停车设施建设", "既有住宅加装电梯"}},
	{"市交通运输局", "赵副市长", []string{"城市公交线网优化", "国省干线公路改造", "农村公路提质扩面", "客运枢纽站建设", "网约车合规化管理", "冷链物流通道建设", "道路运输安全专项整治", "港口航道疏浚", "交通项目征地拆迁", "智慧交通平台建设"}},
	{"市教育局", "刘副市长", []string{"中小学学位扩容", "学前教育普惠发展", "“双减”政策落实", "校园安全隐患排查", "职业教育产教融合", "教师队伍建设", "校舍维修改造", "课后服务全覆盖", "义务教育优质均衡发展", "高校毕业生就业服务"}},
	{"市卫生健康委", "刘副市长", []string{"市第一人民医院新院区建设", "紧密型县域医共体建设", "基层医疗卫生服务能力提升", "公立医院综合改革", "120急救网络建设", "托育服务体系建设", "重大传染病防控", "全民健康信息平台建设", "医疗卫生人才引进", "老年友善医疗机构建设"}},
	{"市商务局", "陈副市长", []string{"招商引资重大项目签约落地", "外贸稳增长", "促消费系列活动", "夜间经济示范街区", "县域商业体系建设", "跨境电商综合试验区建设", "重点商贸企业纾困", "肉菜流通追溯体系", "成品油市场整治", "外资企业服务专员制度"}},
	{"市工业和信息化局", "陈副市长", []string{"长丰猎豹技改扩能项目建设", "规上工业企业培育", "专精特新企业梯度培育", "5G基站建设", "工业园区标准化厂房建设", "中小企业纾困解难", "制造业数字化转型", "工业企业亩均效益评价", "新材料产业链招商", "迎峰度夏工业用电保障"}},
	{"市生态环境局", "赵副市长", []string{"大气污染联防联控", "中央环保督察反馈问题整改", "重点河道综合治理", "污水处理厂提标改造", "土壤污染状况调查", "危险废物规范化管理", "秸秆禁烧", "饮用水水源地保护", "入河排污口排查整治", "工地扬尘污染治理"}},
	{"市农业农村局", "王副市长", []string{"农村人居环境整治", "高标准农田建设", "农产品冷链物流体系建设", "粮食生产稳产增产", "农村集体经济发展", "乡村振兴示范村创建", "动物疫病防控", "农业产业化龙头企业培育", "农村宅基地制度改革", "耕地撂荒整治"}},
	{"市应急管理局", "张副市长", []string{"冬春火灾防控", "安全生产治本攻坚三年行动", "防汛抗旱物资储备", "危险化学品安全风险排查", "应急避难场所建设", "森林防灭火", "工贸企业有限空间作业整治", "应急广播体系建设", "自然灾害综合风险普查成果应用", "燃气安全专项整治"}},
	// Only in benchmark corpora.
	{"市公安局", "李副市长", []string{"电信网络诈骗打击治理", "道路交通秩序整治", "智慧安防小区建设"}},
	{"市民政局", "刘副市长", []string{"养老服务设施建设", "困难群众救助", "社区综合服务设施"}},
	{"市人力资源社会保障局", "刘副市长", []string{"稳就业专项行动", "根治欠薪", "技能人才培训"}},
	{"市文化和旅游局", "陈副市长", []string{"文旅融合示范项目", "A级景区创建", "公共文化服务体系"}},
	{"市市场监管局", "陈副市长", []string{"食品安全监管", "特种设备安全检查", "经营主体培育"}},
	{"市城市管理局", "李副市长", []string{"城市环境综合整治", "生活垃圾分类", "城市照明提升"}},
	{"市水利局", "赵副市长", []string{"水库除险加固", "农村供水保障", "河湖长制落实"}},
	{"市科技局", "陈副市长", []string{"高新技术企业培育", "科技成果转化", "创新平台建设"}},
	{"市数据资源局", "王副市长", []string{"政务数据共享交换平台", "“互联网+政务服务”事项梳理", "一网通办"}},
	{"市医疗保障局", "刘副市长", []string{"医保基金监管", "门诊共济保障", "药品集中带量采购"}},
	{"市国资委", "王副市长", []string{"国有企业改革深化提升行动", "国企债务风险防范", "国有资本布局优化"}},
	{"市审计局", "王副市长", []string{"审计发现问题整改", "重大政策跟踪审计", "经济责任审计"}},
}

func unit(name string) unitInfo {
	for _, u := range units {
		if u.name == name {
			return u
		}
	}
	panic("unknown unit " + name)
}

var verbs = []string{"加快推进", "研究制定", "抓紧落实", "统筹做好", "进一步完善", "启动实施", "督促完成",
	"协调解决", "全面开展", "扎实推进", "认真组织", "着力抓好"}

var tails = []string{"", "", "", "", "工作", "，确保按期完成", "，并将结果报市政府", "，形成工作方案", "相关工作"}

var progressTexts = [3][]string{
	{"尚未启动，正在研究工作方案。", "已列入明年计划，待资金落实后启动。", "正在对接相关部门，尚未开工。"},
	{"正在按计划推进，部分工作待协调。", "方案已起草，正在征求意见。", "已完成前期手续，正在组织实施。", "受资金影响进度滞后，正在协调解决。", "已完成总工作量的60%。"},
	{"已按要求完成。", "已完成并报送市政府。", "项目已竣工验收。", "已印发实施方案并组织实施。", "已办结，相关材料已归档。"},
}

// Dates and numerals.

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

func days(from, to time.Time) int { return int(to.Sub(from).Hours() / 24) }

func monthEnd(d time.Time) time.Time { return day(d.Year(), int(d.Month())+1, 0) }

func quarterEnd(d time.Time) time.Time {
	q := (int(d.Month())-1)/3*3 + 3
	return day(d.Year(), q+1, 0)
}

func cnNum(n int) string {
	const digits = "零一二三四五六七八九"
	d := []rune(digits)
	switch {
	case n < 10:
		return string(d[n])
	case n < 20:
		if n%10 == 0 {
			return "十"
		}
		return "十" + string(d[n%10])
	default:
		s := string(d[n/10]) + "十"
		if n%10 != 0 {
			s += string(d[n%10])
		}
		return s
	}
}
