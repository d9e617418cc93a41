// Command gen writes realistic, messy unit ledgers (委办局督查事项台账) for duban's tests, demos
// and benchmarks, and prints the figures a correct `duban report` must arrive at.
//
// # The bundled sample
//
//	scripts/sample-xls.sh    # go run ./testdata/gen -out testdata/sample -xlssrc TMP, then soffice
//
// writes testdata/sample/: 13 workbooks from 12 units (about 300 items of 2024 in the categories
// 市委常委会议, 市政府常务会议, 市长办公会议, 市长专题会议, 市长批示件 and 两报告), one layout per
// file, together covering every case of SPEC §3. 市教育局's is an .xls (BIFF8): the generator
// writes it as .xlsx into the -xlssrc folder (not into the sample), and the script saves it into
// the sample with LibreOffice (soffice --convert-to xls).
//
//   - 市发展改革委: a title row merged across, a `填报单位（盖章）：… 填报日期：…` line, header aliases
//     (事项来源, 议定事项, 责任单位, 办结时限, 办理状态 …), dates formatted yyyy"年"m"月"d"日",
//     meetings written 市政府第五次常务会议, a 填表人/联系电话 footer.
//   - 市财政局（初稿） and 市财政局（终稿）: a two-row header (落实情况 merged over 落实状态 | 完成日期 |
//     进展情况, the other names merged down), 类别/会议/会议日期 merged vertically over each group,
//     a 编号 column. The final differs from the draft only by statuses advanced: every row of the
//     draft is a duplicate to merge.
//   - 市自然资源和规划局: header text with spaces, line breaks, `＊`, full-width spaces; blank rows
//     between groups; text deadlines; meetings written 市政府常务会议（第5次）; two footer rows.
//   - 市住房城乡建设局: a 填报说明 sheet (not a ledger), two ledger sheets (会议事项, 批示件) and a
//     hidden list sheet feeding a drop-down; dates in built-in format 14.
//   - 市交通运输局: the 牵头单位 column left blank, relying on the 填报单位 line; dates both real
//     and text; meeting names in every spelling; one row without 事项内容 (错误).
//   - 市教育局: the canonical layout; it co-reports two items led by 市发展改革委 (the same items in
//     two files, spelled differently), one with a status lagging behind the lead unit's.
//   - 市卫生健康委: 会议类型 + 会议届次 written only as 第十四次; one status 基本完成 (错误).
//   - 市商务局: every text deadline form of SPEC §4.2; one deadline 2024年2月30日 (错误).
//   - 市工业和信息化局: no 类别 column (the category comes from the meeting name), meeting cells
//     merged vertically; one 已落实 row without 完成日期 (警告).
//   - 市生态环境局: 市长批示件 with 批示文号 〔2024〕12号, the 督办类型 cell merged over the sheet,
//     a locale-tagged date format.
//   - 市农业农村局: 两报告 and 批示件 with text dates, saved as WPS does: a wrong <dimension> (A1:A1).
//   - 市应急管理局: the 1904 date system, a 督办编号 column.
//
// plus 说明.txt (not a workbook: a 提示) and ~$市财政局.xlsx (an Office lock file: skipped silently).
// Everything is fixed: the seed, the dates, the statistics date 2024-12-20.
//
// # Corpora for benchmarks
//
//	go run ./testdata/gen -out /tmp/big -files 200 -rows 1000
//
// writes FILES workbooks of ROWS items each (11 columns, the canonical layout with variations:
// header aliases, optional title rows, columns swapped, Excel or text dates, status spellings),
// through excelize's StreamWriter, several files at a time. They contain no duplicates and no
// errors. Output is deterministic for given flags; -seed changes it.
//
// # The expected figures
//
// Both modes print to stdout what a correct report shows as of 2024-12-20 with 临期 at 7 days:
// per category 会议次数, 事项数, 已落实, 推进中, 未启动, 逾期, 临期, 无明确时限 and 落实率, the line
// `行数核对：读取N行 = 明细M项 + 重复合并K行 + 错误排除E行`, the planted problems with their cells,
// figures per unit and the narrative in the style of SPEC §7.9.
//
// The go tool leaves testdata out of ./... patterns; test this program with
// `go test ./testdata/gen`. After changing it, regenerate the sample and review the summary.
package main

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"maps"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

const (
	year     = 2024
	warnDays = 7
)

// xlsUnit is the unit whose ledger the sample holds as .xls (BIFF8), as LibreOffice saves
// the .xlsx the generator writes for it (scripts/sample-xls.sh).
const xlsUnit = "市教育局"

// asOf is the statistics date (统计截止日) the printed figures are computed for.
var asOf = day(year, 12, 20)

func main() {
	if err := run(os.Args[1:], os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("gen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("out", filepath.Join("testdata", "sample"), "output folder")
	files := fs.Int("files", 0, "number of workbooks for a benchmark corpus; 0 writes the bundled sample")
	rows := fs.Int("rows", 500, "items per workbook of a benchmark corpus")
	seed := fs.Uint64("seed", 2024, "random seed")
	xlsSrc := fs.String("xlssrc", "", "sample: folder for "+xlsUnit+".xlsx, which scripts/sample-xls.sh saves into the sample as .xls; \"\" leaves it out")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	if *files < 0 || *rows < 1 {
		return fmt.Errorf("-files must be ≥ 0 and -rows ≥ 1")
	}
	if err := os.MkdirAll(*out, 0o755); err != nil {
		return err
	}
	if *files > 0 {
		return corpus(*out, *files, *rows, *seed, stdout)
	}
	if *xlsSrc != "" {
		if err := os.MkdirAll(*xlsSrc, 0o755); err != nil {
			return err
		}
	}
	return sample(*out, *xlsSrc, *seed, stdout)
}

// ---------------------------------------------------------------------------------------------
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

// ---------------------------------------------------------------------------------------------
// Items and how a clerk writes them down.

// item is one row of a ledger: the truth behind it, and its cells as typed (raw, by column key).
type item struct {
	cat      *category
	num      int // meeting or document number; 1 for 两报告
	content  string
	lead     string
	co       string
	leader   string
	id       string
	deadline time.Time // zero: no deadline
	status   int
	finished time.Time
	progress string
	raw      map[string]any

	problem  string // a deliberate problem, as 校验问题 should report it
	probKey  string // the column at fault
	excluded bool   // the problem is an 错误: the row counts in no figure
	where    string // 文件!工作表!单元格, set when written
}

func (it *item) mdate() time.Time { return it.cat.date(it.num) }

// key is the merge identity of SPEC §6 (编号 aside).
func (it *item) key() string {
	return fmt.Sprintf("%s|%d|%s|%s", it.cat.name, it.num, normalize(it.content), it.lead)
}

func normalize(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// dateCell is a real Excel date with a number format ("14" means built-in format 14).
type dateCell struct {
	t   time.Time
	fmt string
}

type dlStyle int

const (
	dlDate  dlStyle = iota // real Excel dates
	dlText                 // text in the forms of SPEC §4.2
	dlMixed                // both
)

type nameStyle int

const (
	nsPlain   nameStyle = iota // 第5次常务会议, 〔2024〕12号
	nsCN                       // 市政府第五次常务会议, 市长批示〔2024〕12号
	nsParen                    // 市政府常务会议（第5次）
	nsNumOnly                  // 第十四次 (the 类别 column names the category)
	nsPeriod                   // 市长专题会议第5期
	nsMixed                    // any of the above that names the category
)

type col struct{ key, header string }

func cols(pairs ...string) []col {
	var cs []col
	for i := 0; i < len(pairs); i += 2 {
		cs = append(cs, col{pairs[i], pairs[i+1]})
	}
	return cs
}

// sheet is one worksheet: a ledger with its layout, or free text (free != nil).
type sheet struct {
	name         string
	title        string
	unitLine     string
	cols         []col
	group        string   // label of a two-row header group
	groupKeys    []string // the columns under it
	mergeKeys    []string // columns merged vertically over groups
	blankBetween bool
	footer       []string
	dl           dlStyle
	dateFmts     []string // number formats of date cells; the first most often
	textDates    bool     // 会议日期 and 完成日期 as text
	names        nameStyle
	vocab        vocab
	blankLead    bool
	catAlias     bool // sometimes write the category by a dictionary alias
	freeze       bool
	hidden       bool
	dropList     string // a data validation list for the status column, e.g. 选项!$B$2:$B$4
	items        []*item
	free         [][]string
}

func (sh *sheet) has(key string) bool {
	return slices.ContainsFunc(sh.cols, func(c col) bool { return c.key == key })
}

func (sh *sheet) colOf(key string) int {
	return slices.IndexFunc(sh.cols, func(c col) bool { return c.key == key }) + 1
}

type book struct {
	file     string
	date1904 bool
	wps      bool // rewrite <dimension> as WPS does
	sheets   []*sheet
}

// gen draws items and their spellings from one random stream.
type gen struct {
	r     *rand.Rand
	used  map[string]bool // contents, kept unique
	forms map[string]int  // text deadline forms used so far, for coverage
	names map[string]int  // meeting name forms used so far
	notes []string        // what the sample holds besides the planted problems
}

func newGen(seed, stream uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, stream)), used: map[string]bool{},
		forms: map[string]int{}, names: map[string]int{}}
}

func pick[T any](r *rand.Rand, xs []T) T { return xs[r.IntN(len(xs))] }

// content draws an item text that no other item has.
func (g *gen) content(u unitInfo, c *category) string {
	objects := u.objects
	for try := 0; ; try++ {
		obj := pick(g.r, objects)
		var s string
		switch c.kind {
		case kindDoc:
			s = pick(g.r, []string{"落实市长关于%s的批示要求", "研究解决%s中存在的问题，提出处理意见", "就%s有关情况作出专题报告"})
			s = fmt.Sprintf(s, obj)
		case kindTask:
			s = pick(g.r, []string{"全年完成%s目标任务", "%s取得明显成效", "深入推进%s"})
			s = fmt.Sprintf(s, obj)
		default:
			s = pick(g.r, verbs) + obj + pick(g.r, tails)
		}
		if try > 40 {
			s += fmt.Sprintf("（%s期）", cnNum(try/40+1))
		}
		if !g.used[normalize(s)] {
			g.used[normalize(s)] = true
			return s
		}
	}
}

// plan decides the truth of an item: its deadline, status and completion.
func (g *gen) plan(it *item) {
	r := g.r
	md := it.mdate()
	age := days(md, asOf)
	pDone := 0.25
	switch {
	case age > 150:
		pDone = 0.9
	case age > 60:
		pDone = 0.8
	case age > 25:
		pDone = 0.5
	}
	if r.Float64() < pDone {
		it.status = done
		d := md.AddDate(0, 0, 20+r.IntN(120))
		switch x := r.Float64(); {
		case x < 0.55:
			d = monthEnd(d)
		case x < 0.7:
			d = quarterEnd(d)
		}
		if d.After(day(year, 12, 31)) {
			d = day(year, 12, 31)
		}
		it.deadline = d
		fin := md.AddDate(0, 0, 3+r.IntN(days(md, d)+8))
		if !fin.Before(asOf) {
			fin = asOf.AddDate(0, 0, -1-r.IntN(4))
		}
		if !fin.After(md) {
			fin = md.AddDate(0, 0, 1)
		}
		it.finished = fin
		if r.Float64() < 0.08 {
			it.deadline = time.Time{}
		}
	} else {
		it.status = inProgress
		if r.Float64() < 0.25 {
			it.status = notStarted
		}
		x := r.Float64()
		if it.cat.kind == kindTask && x >= 0.35 && x < 0.75 {
			x = 0.4 // tasks such as 持续优化营商环境 often have no deadline
		}
		switch {
		case x < 0.35 && age > 20:
			lo := md.AddDate(0, 0, 15)
			d := lo.AddDate(0, 0, r.IntN(days(lo, asOf)))
			if me := monthEnd(d); me.Before(asOf) && r.Float64() < 0.6 {
				d = me
			}
			it.deadline = d
		case x < 0.6:
			// no deadline
		case x < 0.72:
			it.deadline = asOf.AddDate(0, 0, r.IntN(warnDays+1))
		default:
			it.deadline = pick(r, []time.Time{day(year, 12, 31), day(year+1, 1, 31), day(year+1, 3, 31), day(year+1, 6, 30), day(year+1, 12, 31)})
		}
	}
	it.progress = pick(r, progressTexts[it.status])
}

// newItem draws an item of unit u in category c and writes it down as sheet sh would.
func (g *gen) newItem(sh *sheet, u unitInfo, c *category) *item {
	it := &item{cat: c, lead: u.name, leader: u.leader}
	switch c.kind {
	case kindTask:
		it.num = 1
	default:
		it.num = 1 + g.r.IntN(c.count)
	}
	it.content = g.content(u, c)
	if g.r.Float64() < 0.3 {
		it.co = pick(g.r, units[:12]).name
		if it.co == it.lead {
			it.co = ""
		}
	}
	g.plan(it)
	g.render(it, sh)
	sh.items = append(sh.items, it)
	return it
}

// fill adds items to sh; counts alternate a category name and a number of items. With an
// idPrefix the items get a 编号 in the order of the sheet.
func (g *gen) fill(sh *sheet, unitName, idPrefix string, counts ...any) {
	u := unit(unitName)
	for i := 0; i < len(counts); i += 2 {
		c := cat(counts[i].(string))
		for range counts[i+1].(int) {
			g.newItem(sh, u, c)
		}
	}
	if idPrefix == "" {
		return
	}
	sortItems(sh.items)
	for i, it := range sh.items {
		it.id = fmt.Sprintf("%s-%03d", idPrefix, i+1)
		it.raw["id"] = it.id
	}
}

// sortItems orders items as a ledger lists them: by category, then meeting.
func sortItems(items []*item) {
	sort.SliceStable(items, func(a, b int) bool {
		x, y := items[a], items[b]
		if x.cat != y.cat {
			return x.cat.index() < y.cat.index()
		}
		return x.num < y.num
	})
}

// render writes the cells of it as the clerk of sh types them.
func (g *gen) render(it *item, sh *sheet) {
	r := g.r
	raw := map[string]any{
		"id":       it.id,
		"cat":      it.cat.name,
		"meeting":  g.meetingName(it, sh.names),
		"mdate":    g.date(it.mdate(), sh),
		"content":  it.content,
		"lead":     it.lead,
		"co":       it.co,
		"leader":   it.leader,
		"deadline": g.deadline(it.deadline, sh),
		"status":   pick(r, sh.vocab[it.status]),
		"progress": it.progress,
	}
	if sh.catAlias && r.Float64() < 0.3 {
		raw["cat"] = it.cat.alias
	}
	if it.status == done {
		raw["finished"] = g.date(it.finished, sh)
	}
	if sh.blankLead {
		raw["lead"] = nil
	}
	if it.status != done && r.Float64() < 0.1 {
		raw["note"] = pick(r, []string{"需市级层面协调", "已报分管领导", "资金缺口较大"})
	}
	it.raw = raw
}

func (g *gen) date(t time.Time, sh *sheet) any {
	if sh.textDates {
		return pick(g.r, []string{
			fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()),
			fmt.Sprintf("%d.%d.%d", t.Year(), t.Month(), t.Day()),
			t.Format("2006-01-02"),
			fmt.Sprintf("%d/%d/%d", t.Year(), t.Month(), t.Day()),
		})
	}
	f := sh.dateFmts[0]
	if len(sh.dateFmts) > 1 && g.r.Float64() < 0.25 {
		f = pick(g.r, sh.dateFmts[1:])
	}
	return dateCell{t, f}
}

// deadlineForm is a text spelling of a deadline (SPEC §4.2); ok says whether it can express d.
type deadlineForm struct {
	name   string
	weight int
	ok     func(d time.Time) bool
	text   func(d time.Time) string
}

func anyDate(time.Time) bool      { return true }
func isMonthEnd(d time.Time) bool { return d.Equal(monthEnd(d)) }
func isDec31(d time.Time) bool    { return d.Month() == 12 && d.Day() == 31 }
func thisYear(f func(time.Time) bool) func(time.Time) bool {
	return func(d time.Time) bool { return d.Year() == year && f(d) }
}

var deadlineForms = []deadlineForm{
	{"2024年6月30日", 8, anyDate, func(d time.Time) string { return fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day()) }},
	{"2024.6.30", 4, anyDate, func(d time.Time) string { return fmt.Sprintf("%d.%d.%d", d.Year(), d.Month(), d.Day()) }},
	{"2024-06-30", 3, anyDate, func(d time.Time) string { return d.Format("2006-01-02") }},
	{"2024/6/30", 2, anyDate, func(d time.Time) string { return fmt.Sprintf("%d/%d/%d", d.Year(), d.Month(), d.Day()) }},
	{"20240630", 1, anyDate, func(d time.Time) string { return d.Format("20060102") }},
	{"2024年6月", 2, isMonthEnd, func(d time.Time) string { return fmt.Sprintf("%d年%d月", d.Year(), d.Month()) }},
	{"2024-06", 1, isMonthEnd, func(d time.Time) string { return d.Format("2006-01") }},
	{"2024年6月底", 2, isMonthEnd, func(d time.Time) string { return fmt.Sprintf("%d年%d月底", d.Year(), d.Month()) }},
	{"2024年6月底前", 4, isMonthEnd, func(d time.Time) string { return fmt.Sprintf("%d年%d月底前", d.Year(), d.Month()) }},
	{"6月底前", 6, thisYear(isMonthEnd), func(d time.Time) string { return fmt.Sprintf("%d月底前", d.Month()) }},
	{"2024年底", 1, isDec31, func(d time.Time) string { return fmt.Sprintf("%d年底", d.Year()) }},
	{"2024年底前", 4, isDec31, func(d time.Time) string { return fmt.Sprintf("%d年底前", d.Year()) }},
	{"年底前", 3, thisYear(isDec31), func(time.Time) string { return "年底前" }},
	{"2024年内", 1, isDec31, func(d time.Time) string { return fmt.Sprintf("%d年内", d.Year()) }},
	{"2024年上半年", 3, func(d time.Time) bool { return d.Month() == 6 && d.Day() == 30 },
		func(d time.Time) string { return fmt.Sprintf("%d年上半年", d.Year()) }},
	{"三季度末", 3, thisYear(func(d time.Time) bool { return d.Month() == 9 && d.Day() == 30 }),
		func(time.Time) string { return "三季度末" }},
	{"第三季度", 1, thisYear(func(d time.Time) bool { return d.Month() == 9 && d.Day() == 30 }),
		func(time.Time) string { return "第三季度" }},
}

// noDeadline are the ways to write that an item has no deadline (无明确时限).
var noDeadline = []string{"", "长期坚持", "长期", "持续推进", "常态化", "持续"}

func (g *gen) deadline(d time.Time, sh *sheet) any {
	text := sh.dl == dlText || (sh.dl == dlMixed && g.r.Float64() < 0.5)
	if d.IsZero() {
		if !text {
			if g.r.Float64() < 0.6 {
				return nil
			}
			return pick(g.r, []string{"长期", "长期坚持"})
		}
		for _, w := range noDeadline {
			if g.forms["无:"+w] == 0 {
				g.forms["无:"+w]++
				return nilIfEmpty(w)
			}
		}
		w := pick(g.r, noDeadline)
		g.forms["无:"+w]++
		return nilIfEmpty(w)
	}
	if !text {
		return g.date(d, &sheet{dateFmts: sh.dateFmts})
	}
	// A form never used yet first, so that the sample shows them all; else by weight.
	var fits []deadlineForm
	total := 0
	for _, f := range deadlineForms {
		if f.ok(d) {
			if g.forms[f.name] == 0 {
				g.forms[f.name]++
				return f.text(d)
			}
			fits = append(fits, f)
			total += f.weight
		}
	}
	n := g.r.IntN(total)
	for _, f := range fits {
		if n < f.weight {
			g.forms[f.name]++
			return f.text(d)
		}
		n -= f.weight
	}
	panic("unreachable")
}

// uncovered lists the deadline and meeting-name spellings the sample was meant to show but does not.
func (g *gen) uncovered() []string {
	var miss []string
	for _, f := range deadlineForms {
		if g.forms[f.name] == 0 {
			miss = append(miss, f.name)
		}
	}
	for _, w := range noDeadline {
		if g.forms["无:"+w] == 0 {
			miss = append(miss, "无明确时限“"+w+"”")
		}
	}
	for _, ns := range []nameStyle{nsPlain, nsCN, nsParen, nsNumOnly, nsPeriod} {
		if g.names[fmt.Sprint(ns)] == 0 {
			miss = append(miss, fmt.Sprintf("会议名称写法%d", ns))
		}
	}
	for _, k := range []string{"〔2024〕12号", "市长批示〔2024〕12号", "第十几次"} {
		if g.names[k] == 0 {
			miss = append(miss, k)
		}
	}
	return miss
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// meetingName writes the meeting (or document) of it in style ns.
func (g *gen) meetingName(it *item, ns nameStyle) string {
	c, n := it.cat, it.num
	if ns == nsMixed {
		ns = pick(g.r, []nameStyle{nsPlain, nsCN, nsParen, nsPeriod})
		if c.name == "市长专题会议" && g.names[fmt.Sprint(nsPeriod)] == 0 {
			ns = nsPeriod
		}
	}
	switch c.kind {
	case kindTask:
		return fmt.Sprintf("%d年政府工作报告", year)
	case kindDoc:
		if ns == nsCN || ns == nsParen {
			g.names["市长批示〔2024〕12号"]++
			return fmt.Sprintf("市长批示〔%d〕%d号", year, n)
		}
		g.names["〔2024〕12号"]++
		return fmt.Sprintf("〔%d〕%d号", year, n)
	}
	if ns == nsPeriod && c.name != "市长专题会议" {
		ns = nsPlain
	}
	g.names[fmt.Sprint(ns)]++
	switch ns {
	case nsCN:
		return c.cnPrefix + "第" + cnNum(n) + "次" + c.cnShort
	case nsParen:
		return fmt.Sprintf("%s（第%d次）", c.name, n)
	case nsNumOnly:
		if n > 10 {
			g.names["第十几次"]++
		}
		return "第" + cnNum(n) + "次"
	case nsPeriod:
		return fmt.Sprintf("%s第%d期", c.name, n)
	default:
		return fmt.Sprintf("第%d次%s", n, c.short)
	}
}

// ---------------------------------------------------------------------------------------------
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
	note := "本文件夹是 duban 的示例数据：12个单位报送的2024年督查事项台账（格式各不相同，" + xlsUnit + "报送的是.xls）。\n" +
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
	fmt.Fprintf(stdout, "已生成示例数据 %s：%d个工作簿（12个单位，"+xlsUnit+"的台账由scripts/sample-xls.sh另存为.xls），另有说明.txt（应提示跳过）和~$市财政局.xlsx（应静默跳过）。\n",
		dir, len(books))
	summarize(stdout, all)
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

// ---------------------------------------------------------------------------------------------
// Writing a workbook with the normal API (merges are easy here).

type styler struct {
	f                         *excelize.File
	title, line, header, body int
	wrap                      int
	dates                     map[string]int
}

func newStyler(f *excelize.File) (*styler, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	s := &styler{f: f, dates: map[string]int{}}
	var err error
	mk := func(st *excelize.Style) int {
		if err != nil {
			return 0
		}
		var id int
		id, err = f.NewStyle(st)
		return id
	}
	s.title = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Family: "方正小标宋简体"},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	s.line = mk(&excelize.Style{Font: &excelize.Font{Size: 11}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	s.header = mk(&excelize.Style{Font: &excelize.Font{Bold: true, Size: 11, Family: "黑体"}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"D9E1F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	s.body = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center"}})
	s.wrap = mk(&excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}})
	return s, err
}

func (s *styler) date(format string) (int, error) {
	if id, ok := s.dates[format]; ok {
		return id, nil
	}
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	st := &excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "center", Horizontal: "center"}}
	if format == fmtShort {
		st.NumFmt = 14
	} else {
		f := format
		st.CustomNumFmt = &f
	}
	id, err := s.f.NewStyle(st)
	s.dates[format] = id
	return id, err
}

var widths = map[string]float64{"seq": 6, "id": 13, "cat": 14, "meeting": 24, "mdate": 13, "content": 42,
	"lead": 18, "co": 16, "leader": 11, "deadline": 15, "status": 10, "finished": 14, "progress": 32, "note": 16}

func writeBook(path string, b *book) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "督查室", LastModifiedBy: "督查室",
		Created: "2024-12-18T09:00:00Z", Modified: "2024-12-18T17:30:00Z", Language: "zh-CN"}); err != nil {
		return err
	}
	if b.date1904 {
		t := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &t}); err != nil {
			return err
		}
	}
	st, err := newStyler(f)
	if err != nil {
		return err
	}
	for i, sh := range b.sheets {
		if i == 0 {
			err = f.SetSheetName("Sheet1", sh.name)
		} else {
			_, err = f.NewSheet(sh.name)
		}
		if err != nil {
			return err
		}
		if sh.free != nil {
			err = writeFree(f, sh)
		} else {
			err = writeLedger(f, st, b.file, sh)
		}
		if err != nil {
			return fmt.Errorf("%s!%s: %w", b.file, sh.name, err)
		}
		if sh.hidden {
			if err := f.SetSheetVisible(sh.name, false); err != nil {
				return err
			}
		}
	}
	// Open on the first ledger.
	for i, sh := range b.sheets {
		if sh.free == nil {
			f.SetActiveSheet(i)
			break
		}
	}
	if !b.wps {
		return save(f, path)
	}
	if err := f.SetAppProps(&excelize.AppProperties{Application: "WPS 表格", AppVersion: "12.0000"}); err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		return err
	}
	return os.WriteFile(path, wpsDimension(buf.Bytes()), 0o644)
}

func writeFree(f *excelize.File, sh *sheet) error {
	for r, line := range sh.free {
		for c, v := range line {
			cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
			if err := f.SetCellValue(sh.name, cell, v); err != nil {
				return err
			}
		}
	}
	return f.SetColWidth(sh.name, "A", "B", 20)
}

func cellName(c, r int) string {
	s, _ := excelize.CoordinatesToCellName(c, r)
	return s
}

func writeLedger(f *excelize.File, st *styler, file string, sh *sheet) error {
	name := sh.name
	ncol := len(sh.cols)
	row := 1
	var errs []error
	do := func(err error) {
		if err != nil {
			errs = append(errs, err)
		}
	}
	banner := func(text string, style int, height float64) {
		do(f.SetCellValue(name, cellName(1, row), text))
		do(f.MergeCell(name, cellName(1, row), cellName(ncol, row)))
		do(f.SetCellStyle(name, cellName(1, row), cellName(ncol, row), style))
		do(f.SetRowHeight(name, row, height))
		row++
	}
	if sh.title != "" {
		banner(sh.title, st.title, 32)
	}
	if sh.unitLine != "" {
		banner(sh.unitLine, st.line, 20)
	}

	// Header: one row, or two with a group over some columns and the rest merged down.
	if sh.group != "" {
		first, last := 0, 0
		for c, cl := range sh.cols {
			if slices.Contains(sh.groupKeys, cl.key) {
				do(f.SetCellValue(name, cellName(c+1, row+1), cl.header))
				if first == 0 {
					first = c + 1
				}
				last = c + 1
			} else {
				do(f.SetCellValue(name, cellName(c+1, row), cl.header))
				do(f.MergeCell(name, cellName(c+1, row), cellName(c+1, row+1)))
			}
		}
		do(f.SetCellValue(name, cellName(first, row), sh.group))
		do(f.MergeCell(name, cellName(first, row), cellName(last, row)))
		do(f.SetCellStyle(name, cellName(1, row), cellName(ncol, row+1), st.header))
		row += 2
	} else {
		for c, cl := range sh.cols {
			do(f.SetCellValue(name, cellName(c+1, row), cl.header))
		}
		do(f.SetCellStyle(name, cellName(1, row), cellName(ncol, row), st.header))
		do(f.SetRowHeight(name, row, 30))
		row++
	}
	if sh.freeze {
		do(f.SetPanes(name, &excelize.Panes{Freeze: true, YSplit: row - 1, TopLeftCell: cellName(1, row), ActivePane: "bottomLeft"}))
	}

	// Data: sorted by category and meeting; blank lines between some groups.
	items := slices.Clone(sh.items)
	sortItems(items)
	var lines []*item // nil: a blank row
	for i, it := range items {
		if i > 0 && sh.blankBetween && (it.cat != items[i-1].cat || it.num != items[i-1].num) && blankAfter(it) {
			lines = append(lines, nil)
		}
		lines = append(lines, it)
	}
	first := row
	vals := make([][]any, len(lines))
	seq := 0
	for i, it := range lines {
		if it == nil {
			continue
		}
		seq++
		vals[i] = make([]any, ncol)
		for c, cl := range sh.cols {
			if cl.key == "seq" {
				vals[i][c] = seq
			} else {
				vals[i][c] = it.raw[cl.key]
			}
		}
		it.where = fmt.Sprintf("%s!%s!%s", file, name, cellName(max(1, sh.colOf(it.probKey)), first+i))
	}
	// Vertical merges: a run of rows of the same category (for "cat") or meeting.
	for _, key := range sh.mergeKeys {
		c := sh.colOf(key) - 1
		for i := 0; i < len(lines); {
			j := i + 1
			for j < len(lines) && lines[i] != nil && lines[j] != nil && sameGroup(key, lines[i], lines[j]) {
				j++
			}
			if j-i > 1 {
				for k := i + 1; k < j; k++ {
					vals[k][c] = nil
				}
				do(f.MergeCell(name, cellName(c+1, first+i), cellName(c+1, first+j-1)))
			}
			i = j
		}
	}
	last := first + len(lines) - 1
	for c, cl := range sh.cols {
		style := st.body
		if cl.key == "content" || cl.key == "progress" || cl.key == "meeting" || cl.key == "note" {
			style = st.wrap
		}
		do(f.SetCellStyle(name, cellName(c+1, first), cellName(c+1, last), style))
		colName, _ := excelize.ColumnNumberToName(c + 1)
		do(f.SetColWidth(name, colName, colName, widths[cl.key]))
	}
	for i, line := range vals {
		for c, v := range line {
			cell := cellName(c+1, first+i)
			switch v := v.(type) {
			case nil:
			case string:
				if v != "" {
					do(f.SetCellStr(name, cell, v))
				}
			case dateCell:
				do(f.SetCellValue(name, cell, v.t))
				id, err := st.date(v.fmt)
				do(err)
				do(f.SetCellStyle(name, cell, cell, id))
			default:
				do(f.SetCellValue(name, cell, v))
			}
		}
	}
	if sh.dropList != "" {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s%d:%s%d", colLetter(sh.colOf("status")), first, colLetter(sh.colOf("status")), last+20)
		dv.SetSqrefDropList(sh.dropList)
		do(f.AddDataValidation(name, dv))
	}
	row = last + 2
	for _, text := range sh.footer {
		do(f.SetCellValue(name, cellName(1, row), text))
		do(f.MergeCell(name, cellName(1, row), cellName(ncol, row)))
		row++
	}
	if len(errs) > 0 {
		return errs[0]
	}
	return nil
}

// blankAfter decides, the same way in a draft and its final, whether a group gets a blank row.
func blankAfter(it *item) bool { return (it.num+it.cat.index())%3 == 0 }

func sameGroup(key string, a, b *item) bool {
	if key == "cat" {
		return a.cat == b.cat
	}
	return a.cat == b.cat && a.num == b.num
}

func colLetter(c int) string {
	s, _ := excelize.ColumnNumberToName(c)
	return s
}

// wpsDimension rewrites every worksheet's <dimension> as A1:A1, as WPS does.
func wpsDimension(xlsx []byte) []byte {
	zr, err := zip.NewReader(bytes.NewReader(xlsx), int64(len(xlsx)))
	if err != nil {
		panic(err)
	}
	var out bytes.Buffer
	zw := zip.NewWriter(&out)
	for _, zf := range zr.File {
		rc, err := zf.Open()
		if err != nil {
			panic(err)
		}
		data, err := io.ReadAll(rc)
		rc.Close()
		if err != nil {
			panic(err)
		}
		if strings.HasPrefix(zf.Name, "xl/worksheets/sheet") {
			s := string(data)
			if i := strings.Index(s, `<dimension ref="`); i >= 0 {
				j := strings.Index(s[i+16:], `"`)
				s = s[:i+16] + "A1:A1" + s[i+16+j:]
			}
			data = []byte(s)
		}
		w, err := zw.CreateHeader(&zip.FileHeader{Name: zf.Name, Method: zip.Deflate})
		if err != nil {
			panic(err)
		}
		w.Write(data)
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return out.Bytes()
}

// ---------------------------------------------------------------------------------------------
// Benchmark corpora, written with StreamWriter.

// aliases of the 11 corpus columns; the first is the canonical name.
var corpusCols = []struct {
	key     string
	headers []string
}{
	{"seq", []string{"序号"}},
	{"cat", []string{"类别", "事项类别", "事项来源", "会议类型"}},
	{"meeting", []string{"会议", "会议名称", "来源", "交办来源"}},
	{"mdate", []string{"会议日期", "会议时间", "交办日期"}},
	{"content", []string{"事项内容", "议定事项", "工作任务", "督办事项", "具体事项"}},
	{"lead", []string{"牵头单位", "责任单位", "承办单位"}},
	{"leader", []string{"责任领导", "分管领导"}},
	{"deadline", []string{"完成时限", "办结时限", "时限要求", "截止日期"}},
	{"status", []string{"落实状态", "办理状态", "完成情况", "进度状态"}},
	{"finished", []string{"完成日期", "办结时间", "实际完成时间"}},
	{"progress", []string{"进展情况", "工作进展", "进展"}},
}

var corpusWeights = []int{10, 25, 10, 25, 15, 15} // per category, in order

func corpus(dir string, files, rows int, seed uint64, stdout io.Writer) error {
	results := make([][]*item, files)
	errs := make([]error, files)
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				results[i], errs[i] = corpusFile(dir, i, rows, seed)
			}
		}()
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	var all []*item
	for _, r := range results {
		all = append(all, r...)
	}
	fmt.Fprintf(stdout, "已生成基准数据 %s：%d个工作簿 × %d行。\n", dir, files, rows)
	summarize(stdout, all)
	return nil
}

func corpusFile(dir string, i, rows int, seed uint64) ([]*item, error) {
	g := newGen(seed, uint64(i)+100)
	r := g.r
	u := units[i%len(units)]
	file := fmt.Sprintf("%04d_%s.xlsx", i+1, u.name)

	sh := &sheet{name: "台账", dl: dlDate, dateFmts: []string{pick(r, []string{fmtISO, fmtCN, fmtSlash, fmtShort})},
		names: pick(r, []nameStyle{nsPlain, nsCN, nsParen}), vocab: pick(r, vocabs)}
	switch x := r.Float64(); {
	case x < 0.25:
		sh.dl, sh.textDates = dlText, r.Float64() < 0.5
	case x < 0.4:
		sh.dl = dlMixed
	}
	for _, c := range corpusCols {
		h := c.headers[0]
		if r.Float64() < 0.4 {
			h = pick(r, c.headers)
		}
		sh.cols = append(sh.cols, col{c.key, h})
	}
	if r.Float64() < 0.3 {
		a, b := 1+r.IntN(len(sh.cols)-1), 1+r.IntN(len(sh.cols)-1)
		sh.cols[a], sh.cols[b] = sh.cols[b], sh.cols[a]
	}
	if r.Float64() < 0.5 {
		sh.title = fmt.Sprintf("%s%d年度督查事项落实情况台账", u.name, year)
		sh.unitLine = unitLine(u.name, "2024年12月18日")
	}
	if r.Float64() < 0.5 {
		sh.footer = []string{filler("张三", "0551-6"+fmt.Sprintf("%07d", r.IntN(10000000)), "李四")}
	}
	total := 0
	for _, w := range corpusWeights {
		total += w
	}
	items := make([]*item, 0, rows)
	for j := range rows {
		n := r.IntN(total)
		c := categories[0]
		for k, w := range corpusWeights {
			if n < w {
				c = categories[k]
				break
			}
			n -= w
		}
		it := &item{cat: c, lead: u.name, leader: u.leader, num: 1}
		if c.kind != kindTask {
			it.num = 1 + r.IntN(c.count)
		}
		obj := pick(r, u.objects)
		it.content = fmt.Sprintf("%s%s（%04d-%04d）", pick(r, verbs), obj, i+1, j+1)
		g.plan(it)
		g.render(it, sh)
		items = append(items, it)
	}
	return items, writeStream(filepath.Join(dir, file), sh, items, r)
}

func writeStream(path string, sh *sheet, items []*item, r *rand.Rand) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "督查室", Created: "2024-12-18T09:00:00Z",
		Modified: "2024-12-18T17:30:00Z"}); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", sh.name); err != nil {
		return err
	}
	st, err := newStyler(f)
	if err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sh.name)
	if err != nil {
		return err
	}
	ncol := len(sh.cols)
	for c, cl := range sh.cols {
		if err := sw.SetColWidth(c+1, c+1, widths[cl.key]); err != nil {
			return err
		}
	}
	row := 1
	banner := func(text string, style int) error {
		if err := sw.SetRow(cellName(1, row), []any{excelize.Cell{StyleID: style, Value: text}}); err != nil {
			return err
		}
		err := sw.MergeCell(cellName(1, row), cellName(ncol, row))
		row++
		return err
	}
	if sh.title != "" {
		if err := banner(sh.title, st.title); err != nil {
			return err
		}
		if err := banner(sh.unitLine, st.line); err != nil {
			return err
		}
	}
	hdr := make([]any, ncol)
	for c, cl := range sh.cols {
		hdr[c] = excelize.Cell{StyleID: st.header, Value: cl.header}
	}
	if err := sw.SetRow(cellName(1, row), hdr); err != nil {
		return err
	}
	row++
	for j, it := range items {
		if j > 0 && r.IntN(50) == 0 {
			row++ // a blank row
		}
		vals := make([]any, ncol)
		for c, cl := range sh.cols {
			var v any = it.raw[cl.key]
			if cl.key == "seq" {
				v = j + 1
			}
			switch x := v.(type) {
			case dateCell:
				id, err := st.date(x.fmt)
				if err != nil {
					return err
				}
				vals[c] = excelize.Cell{StyleID: id, Value: x.t}
			case string:
				if x != "" {
					vals[c] = excelize.Cell{StyleID: st.body, Value: x}
				}
			case nil:
			default:
				vals[c] = excelize.Cell{StyleID: st.body, Value: x}
			}
		}
		if err := sw.SetRow(cellName(1, row), vals); err != nil {
			return err
		}
		row++
	}
	row++
	for _, text := range sh.footer {
		if err := sw.SetRow(cellName(1, row), []any{text}); err != nil {
			return err
		}
		row++
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return save(f, path)
}

// save writes f to path as an ordinary (non-executable) file; excelize's SaveAs uses mode 0755.
func save(f *excelize.File, path string) error {
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return err
	}
	if _, err := f.WriteTo(out); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// ---------------------------------------------------------------------------------------------
// The expected figures.

type tally struct {
	meetings                                         map[int]bool
	items, started, progress, done, over, near, none int
}

func (t *tally) add(it *item) {
	t.items++
	t.meetings[it.num] = true
	switch it.status {
	case done:
		t.done++
		return
	case inProgress:
		t.progress++
	default:
		t.started++
	}
	switch {
	case it.deadline.IsZero():
		t.none++
	case it.deadline.Before(asOf):
		t.over++
	case !it.deadline.After(asOf.AddDate(0, 0, warnDays)):
		t.near++
	}
}

// merge folds rows into items as SPEC §6 does: the more advanced status, then the later 完成日期.
func merge(rows []*item) (items []*item, read, dups, excluded int) {
	byKey := map[string]*item{}
	for _, it := range rows {
		read++
		if it.excluded {
			excluded++
			continue
		}
		k := it.key()
		prev, ok := byKey[k]
		if !ok {
			byKey[k] = it
			items = append(items, it)
			continue
		}
		dups++
		if it.status > prev.status || (it.status == prev.status && it.finished.After(prev.finished)) {
			*prev = *it
		}
	}
	return items, read, dups, excluded
}

func summarize(w io.Writer, rows []*item) {
	items, read, dups, excluded := merge(slices.Clone(clones(rows)))
	per := make([]*tally, len(categories))
	sum := &tally{meetings: map[int]bool{}}
	for i := range per {
		per[i] = &tally{meetings: map[int]bool{}}
	}
	byUnit := map[string]*tally{}
	for _, it := range items {
		per[it.cat.index()].add(it)
		sum.add(it)
		if byUnit[it.lead] == nil {
			byUnit[it.lead] = &tally{meetings: map[int]bool{}}
		}
		byUnit[it.lead].add(it)
	}
	fmt.Fprintf(w, "统计截止日%s，临期天数%d。预期数字：\n", asOf.Format("2006-01-02"), warnDays)
	head := []string{"类别", "会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期", "无明确时限", "落实率"}
	tw := []int{16, 8, 6, 6, 6, 6, 4, 4, 10, 7}
	printRow(w, tw, head)
	meetings := 0
	for i, c := range categories {
		t := per[i]
		if t.items == 0 {
			continue
		}
		m := ""
		if c.kind == kindMeeting {
			m = fmt.Sprint(len(t.meetings))
			meetings += len(t.meetings)
		}
		printRow(w, tw, []string{c.name, m, fmt.Sprint(t.items), fmt.Sprint(t.done), fmt.Sprint(t.progress),
			fmt.Sprint(t.started), fmt.Sprint(t.over), fmt.Sprint(t.near), fmt.Sprint(t.none), pct(t.done, t.items)})
	}
	printRow(w, tw, []string{"合计", fmt.Sprint(meetings), fmt.Sprint(sum.items), fmt.Sprint(sum.done), fmt.Sprint(sum.progress),
		fmt.Sprint(sum.started), fmt.Sprint(sum.over), fmt.Sprint(sum.near), fmt.Sprint(sum.none), pct(sum.done, sum.items)})
	fmt.Fprintf(w, "行数核对：读取%d行 = 明细%d项 + 重复合并%d行 + 错误排除%d行\n", read, len(items), dups, excluded)

	// Narrative in the style of SPEC §7.9.
	var parts []string
	for i, c := range categories {
		t := per[i]
		switch {
		case t.items == 0:
		case c.kind == kindMeeting:
			parts = append(parts, fmt.Sprintf("召开%s%d次，议定事项%d项，已落实%d项，落实率%s", c.name, len(t.meetings), t.items, t.done, pct(t.done, t.items)))
		case c.kind == kindDoc:
			parts = append(parts, fmt.Sprintf("%s%d件，已办结%d件，办结率%s", c.name, t.items, t.done, pct(t.done, t.items)))
		default:
			parts = append(parts, fmt.Sprintf("%s%d项，已落实%d项，落实率%s", c.name, t.items, t.done, pct(t.done, t.items)))
		}
	}
	fmt.Fprintf(w, "文字摘要（参考）：截至%d年%d月%d日，共%s。未按期办结（逾期）事项%d项，无明确时限事项%d项。\n",
		asOf.Year(), asOf.Month(), asOf.Day(), strings.Join(parts, "；"), sum.over, sum.none)

	if len(items) <= 1000 {
		fmt.Fprintln(w, "\n逾期事项（逾期天数从多到少）：")
		var over []*item
		for _, it := range items {
			if it.status != done && !it.deadline.IsZero() && it.deadline.Before(asOf) {
				over = append(over, it)
			}
		}
		sort.SliceStable(over, func(a, b int) bool { return over[a].deadline.Before(over[b].deadline) })
		for _, it := range over {
			m := it.cat.name
			switch it.cat.kind {
			case kindMeeting:
				m += fmt.Sprintf("第%d次", it.num)
			case kindDoc:
				m += fmt.Sprintf("〔%d〕%d号", year, it.num)
			}
			fmt.Fprintf(w, "  %3d天  %s  %s  %s  时限%s  %s\n", days(it.deadline, asOf), it.lead, m,
				it.content, it.deadline.Format("2006-01-02"), classNames[it.status])
		}
	}
	if len(byUnit) > 40 {
		return
	}
	fmt.Fprintln(w, "\n单位统计（按落实率、逾期、名称排序）：")
	names := make([]string, 0, len(byUnit))
	for n := range byUnit {
		names = append(names, n)
	}
	sort.Slice(names, func(a, b int) bool {
		x, y := byUnit[names[a]], byUnit[names[b]]
		if rx, ry := x.done*y.items, y.done*x.items; rx != ry {
			return rx > ry
		}
		if x.over != y.over {
			return x.over < y.over
		}
		return names[a] < names[b]
	})
	uw := []int{20, 6, 6, 6, 6, 4, 7}
	printRow(w, uw, []string{"牵头单位", "事项数", "已落实", "推进中", "未启动", "逾期", "落实率"})
	for _, n := range names {
		t := byUnit[n]
		printRow(w, uw, []string{n, fmt.Sprint(t.items), fmt.Sprint(t.done), fmt.Sprint(t.progress), fmt.Sprint(t.started),
			fmt.Sprint(t.over), pct(t.done, t.items)})
	}
}

// clones copies the rows so that merging never alters the items of a sheet.
func clones(rows []*item) []*item {
	out := make([]*item, len(rows))
	for i, it := range rows {
		c := *it
		out[i] = &c
	}
	return out
}

// pct rounds half up to one decimal, as SPEC §7.9 asks.
func pct(n, d int) string {
	if d == 0 {
		return "—"
	}
	x := (n*2000 + d) / (2 * d)
	return fmt.Sprintf("%d.%d%%", x/10, x%10)
}

// printRow pads cells to display widths, a CJK character counting two.
func printRow(w io.Writer, widths []int, cells []string) {
	var b strings.Builder
	for i, c := range cells {
		pad := widths[i] - displayWidth(c)
		if i == 0 {
			b.WriteString(c + strings.Repeat(" ", max(0, pad)))
		} else {
			b.WriteString("  " + strings.Repeat(" ", max(0, pad)) + c)
		}
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r > 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}

// ---------------------------------------------------------------------------------------------
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
