package main

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

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
