package sheets

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/internal/zhtext"
)

// Status words read by their meaning (SPEC §4.3). The dictionary lists the words offices use;
// a word it does not list is read as a clerk reads it, by its structure — an action, what
// stands before it (未, 尚未, 已, 正在 …) and after it (…中, 并销号), with the qualifiers in
// between — testing in SPEC's order: partial or suspended first (never a class: the words of
// statuswords.go), then a negation, then finished, then under way. A remark in brackets after
// the word does not change it. Bulletins use exactly these structures for their classes:
// "已办结6件…正在办理16件" (https://www.zyx.gov.cn/Content-2463854.html), "开工2个，未开工3个"
// (https://www.zyx.gov.cn/Content-2717260.html), "已开工事项65件" beside "已完成26件"
// (http://www.huichang.gov.cn/hcxxxgk/hc1373/202403/ac532136c88e40c999782114a0b6a02f.shtml),
// "前期尚未开工的54个项目" (http://www.tianlingjianzhu.com/content/bangongting/content-57-7370-1.html),
// "其他项目正按序时推进" (https://www.chengxiang.gov.cn/zwgk/wmbss/202101/t20210129_1571508.htm).

// statusReading is how a 落实状态 cell was read.
type statusReading struct {
	class Status
	ok    bool
	// meaning reports that the text is not a dictionary word whole: it was read by its
	// structure, or is a dictionary word with a remark in brackets. Said in a notice.
	meaning bool
	// date is the date a bracketed remark of a finished status names (已办结（6月3日）), as
	// written: the 完成日期 when that cell is empty.
	date string
}

// isStatus reports whether v reads as a status, from the dictionary or by its meaning: what
// tells a column of statuses from one of narrative.
func (d *Dict) isStatus(v string) bool { return d.readStatus(v).ok }

// readStatus reads a 落实状态: a dictionary word whole, else by its meaning.
func (d *Dict) readStatus(raw string) statusReading {
	if c, ok := d.Status(raw); ok {
		return statusReading{class: c, ok: true}
	}
	k := zhtext.Normalize(raw)
	if e := extensionOf(k); e.kind != extNone {
		// 已延期（至2025年3月31日）: the class of its word, said by rowExtension's notice
		if c, ok := d.Status(e.word); ok {
			return statusReading{class: c, ok: true}
		}
		return statusReading{class: InProgress, ok: true}
	}
	if partialOrSuspended(k) {
		// in the word or in its remark (已完成（80%）): not the whole story
		return statusReading{}
	}
	core, remarks := cutRemarks(k)
	core = strings.TrimRight(TrimPunct(core), "了的")
	if core == "" || partialOrSuspended(core) {
		return statusReading{}
	}
	if day, ok := doneOn(core); ok {
		return statusReading{class: Done, ok: true, meaning: true, date: day}
	}
	c, ok := d.Status(core)
	if !ok {
		c, ok = statusByStructure(core)
	}
	if !ok {
		return statusReading{}
	}
	sr := statusReading{class: c, ok: true, meaning: true}
	if c == Done {
		sr.date = remarkDate(remarks)
	}
	return sr
}

// doneOn reads a finished status that says its day: 已于6月3日完成, 已于2024年6月3日办结. The day
// is returned as written, for the 完成日期.
func doneOn(core string) (day string, ok bool) {
	rest, ok := cutWord(core, alreadyWords)
	if !ok {
		return "", false
	}
	rest, ok = cutWord(rest, []string{"于", "在"})
	if !ok {
		return "", false
	}
	for _, v := range []string{"完成", "办结"} {
		if d, cut := strings.CutSuffix(rest, v); cut && d != "" {
			if _, err := zhtext.ParseDate(d); err == nil || err == zhtext.ErrNoYear {
				return d, true
			}
		}
	}
	return "", false
}

// partialOrSuspended reports whether a status text says the item is partly done, paused or
// cancelled (the kinds of unclearStatuses other than 未落实): such a text never has a class.
func partialOrSuspended(k string) bool {
	for _, u := range unclearStatuses {
		if u.why != whyNotDone && u.match(k) {
			return true
		}
	}
	return false
}

// cutRemarks removes the bracketed remarks of a status text (推进中（已协调财政）) and returns
// the text without them and the remarks.
func cutRemarks(k string) (core string, remarks []string) {
	var b strings.Builder
	depth, start := 0, 0
	for i, r := range k {
		switch {
		case strings.ContainsRune("(（【[〔", r):
			if depth == 0 {
				start = i + utf8.RuneLen(r)
			}
			depth++
		case strings.ContainsRune(")）】]〕", r) && depth > 0:
			depth--
			if depth == 0 {
				remarks = append(remarks, k[start:i])
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	if depth > 0 { // an unclosed bracket: the rest is its remark
		remarks = append(remarks, k[start:])
	}
	return b.String(), remarks
}

// remarkDate returns the first remark that names a day (6月3日, 2024-06-03, 于6月3日办结),
// without the words around it, or "".
func remarkDate(remarks []string) string {
	for _, r := range remarks {
		r = strings.TrimSpace(r)
		for _, p := range []string{"已于", "于", "已在", "已"} {
			if rest, ok := strings.CutPrefix(r, p); ok {
				r = rest
				break
			}
		}
		if _, err := zhtext.ParseDate(r); err == nil || err == zhtext.ErrNoYear {
			return r
		}
	}
	return ""
}

// The words of status structures. Each list is tried longest first where one word begins
// another (尚未 before 未).
var (
	// the time a status is said at, and lateness, which do not change its class: 目前正在推进,
	// 现已完成, 逾期未完成 (the deadline measures lateness, §4.2)
	statusTimeWords = []string{"截至目前", "截止目前", "截至当前", "到目前为止", "目前", "当前", "现阶段", "现在", "至今",
		"超期", "逾期", "到期", "超时"}
	// a negation before an action: 尚未开工, 暂未实施, 没有启动
	negationWords = []string{"尚未", "暂未", "还未", "仍未", "均未", "未能", "未曾", "尚没有", "还没有", "仍没有", "暂没有", "没有", "未", "没"}
	// work waiting to start: 待开工, 待启动
	waitWords = []string{"待"}
	// the work done: 已完成, 现已建成, 均已办结
	alreadyWords = []string{"已经", "业已", "均已", "都已", "全部已", "现已", "已"}
	// actions that start or carry the work: their negation is 未启动, 已… is under way
	startVerbs = []string{"开展", "开工", "复工", "实施", "启动", "开始", "着手", "动工", "推进", "进行", "办理", "建设", "施工",
		"部署", "招标", "立项", "开启", "进场", "执行", "组织", "谋划", "签约", "动建", "运行"}
	// actions that finish the work: 已… is 已落实, their negation is not yet finished (推进中)
	doneVerbs = []string{"办理完毕", "整改到位", "落实到位", "通过验收", "投入使用", "交付使用", "完成", "办结", "结办", "办完",
		"建成", "竣工", "完工", "验收", "销号", "投用", "投产", "交付", "结束", "结案", "结项", "完毕", "解决", "到位"}
	// actions that finish it only after 已 (已落实, 已整改): 未落实 and 未整改 do not say whether
	// the work has begun (statuswords.go)
	doneAfterAlready = []string{"落实", "整改"}
	// a finished action that closes the item whatever follows it: 已办结…, 已销号…
	closingVerbs = []string{"办结", "结办", "销号", "结案"}
	// how the work was finished, which does not change that it was: 已全部完成, 圆满完成
	doneManner = []string{"全部", "全面", "按期", "按时", "如期", "提前", "圆满", "顺利", "正式", "整体", "全数", "均", "都"}
	// a schedule the negation is of (未按期完成, 未按计划推进): the work is under way, behind
	scheduleWords = []string{"按序时进度", "按序时", "按计划", "按进度", "按期", "按时", "如期"}
	// joining two finished actions: 已完成并销号, 完成并通过验收, 建成投用
	joinWords = []string{"并已", "并经", "并", "且", "和", "及", "或", "、"}
	// what was finished when it is the item itself: 已完成整改任务
	itemObjects = []string{"目标任务", "全部任务", "各项任务", "年度任务", "整改任务", "建设任务", "任务", "工作", "建设", "整改",
		"工程", "项目", "事项"}
	// what was finished when it is only a stage of the item: 已完成招标 is under way
	stageObjects = []string{"前期工作", "前期手续", "初步设计", "方案编制", "可行性研究", "前期", "招标", "立项", "设计", "方案",
		"选址", "签约", "备案", "审批", "可研", "征地", "拆迁", "规划", "评审", "调研", "摸底", "摸排", "初稿"}
	// how work goes on: 稳步推进, 有序推进, 长期坚持, 常态化推进
	ongoingManner = []string{"常态化", "按计划", "按序时", "按进度", "稳步", "有序", "持续", "加快", "加紧", "全力", "扎实",
		"积极", "正常", "顺利", "抓紧", "全面", "深入", "不断", "长期", "长效", "有力", "强力", "大力", "逐步", "稳妥", "分步",
		"继续", "正", "按期"}
	ongoingVerbs = []string{"推进", "实施", "办理", "开展", "建设", "施工", "落实", "跟进", "坚持", "进行", "整改", "推动",
		"督办", "协调", "运行"}
	// …中 that is no action under way
	notUnderWay = []string{"其", "集", "之", "当", "空", "心", "手", "高", "初", "期", "年", "月", "途", "会", "暂停", "停工", "停"}
	// 在建, 在办: under way
	atWork = []string{"在建", "在办", "在施", "在推进", "在实施", "在落实", "在建设", "在进行", "在整改", "在审批"}
	// 进展顺利: under way
	progressWords = []string{"进展", "进度", "推进"}
	progressGood  = []string{"顺利", "正常", "良好", "平稳", "较快"}
)

// The longest status word read by its structure, and the longest action before …中, in
// characters: 已完成并通过竣工验收 and 有序推进中 are status words; longer texts are sentences
// of narrative, which a status column may hold beside a status column (SPEC §3).
const (
	maxStatusWord   = 14
	maxUnderWayStem = 6
)

// statusByStructure reads a status text the dictionary does not know by its structure, in
// SPEC's order: a negation, then finished, then under way. The caller has ruled out the
// partial and suspended words.
func statusByStructure(k string) (Status, bool) {
	if strings.IndexFunc(k, unicode.IsDigit) >= 0 {
		return 0, false // 完成3项, 已完成2/3: a count, not a class
	}
	if utf8.RuneCountInString(k) > maxStatusWord || strings.ContainsAny(k, "，。；;,.!！？?：:") {
		return 0, false // a sentence of narrative (已完成招标，施工单位已进场), not a status word
	}
	for {
		rest, ok := cutWord(k, statusTimeWords)
		if !ok || rest == "" {
			break
		}
		k = rest
	}
	if againstSchedule(k) {
		return InProgress, true
	}
	if rest, ok := cutWord(k, negationWords); ok {
		return negated(rest)
	}
	if rest, ok := cutWord(k, waitWords); ok {
		if n, tail := chain(rest, startVerbs); n > 0 && tail == "" {
			return NotStarted, true // 待开工
		}
		return 0, false
	}
	if rest, ok := cutWord(k, alreadyWords); ok && rest != "" {
		return already(rest)
	}
	if c, ok := finished(k, false); ok {
		return c, true
	}
	if underWay(k) {
		return InProgress, true
	}
	return 0, false
}

// againstSchedule reports whether a text measures the work against its schedule (序时进度):
// ahead, on or behind (超序时, 略有滞后, 未达到序时, 进度偏慢). Bulletins count all of these
// among the items under way, apart from the finished ones ("达进度的有162个…超进度的有10个…
// 欠进度的有17个" beside "已完成和提前完成24个": https://www.ahjinzhai.gov.cn/public/6596281/38062166.html);
// another field (进度, SPEC §4.3) keeps them apart later.
func againstSchedule(k string) bool {
	if strings.Contains(k, "序时") {
		return true
	}
	for _, w := range []string{"滞后", "超前", "缓慢", "较慢", "偏慢", "落后"} {
		if strings.HasSuffix(k, w) {
			return true
		}
	}
	return strings.Contains(k, "进度") && containsAny(k, "超", "达", "欠", "慢", "快", "正常")
}

// negated reads what follows a negation: an action not begun (尚未开工 → 未启动), not finished
// (未完成, 未办结 → 推进中), or not on schedule (未按期完成, 未按计划推进 → 推进中).
func negated(rest string) (Status, bool) {
	if r, ok := cutWord(rest, scheduleWords); ok {
		if n, tail := chain(r, append(startVerbs, doneVerbs...)); n > 0 && tail == "" {
			return InProgress, true
		}
		return 0, false
	}
	if r, ok := cutWord(rest, []string{"全部", "全面", "完全"}); ok {
		if n, tail := chain(r, doneVerbs); n > 0 && tail == "" {
			return InProgress, true // 未全部完成: under way
		}
		return 0, false // 未全面开展: partly begun
	}
	rest = cutAll(rest, []string{"正式", "开始"})
	if n, tail := chain(rest, startVerbs); n > 0 && (tail == "" || slices.Contains(itemObjects, tail)) {
		return NotStarted, true
	}
	if n, tail := chain(rest, doneVerbs); n > 0 && tail == "" {
		return InProgress, true
	}
	return 0, false
}

// already reads what follows 已: a finished action (已完成并销号, 已全部完成, 已建成) → 已落实,
// a finished stage (已完成招标) or a begun action (已开工, 已启动实施) or an extension (已延期)
// → 推进中.
func already(rest string) (Status, bool) {
	if c, ok := finished(rest, true); ok {
		return c, true
	}
	rest = cutAll(rest, doneManner)
	if n, tail := chain(rest, startVerbs); n > 0 && (tail == "" || slices.Contains(itemObjects, tail)) {
		return InProgress, true
	}
	if rest == "延期" || rest == "申请延期" || rest == "批准延期" {
		return InProgress, true
	}
	return 0, false
}

// finished reads a finished action with its manner (全部完成), further finished actions
// (完成并通过验收, 建成投用) and what was finished: the item (完成整改任务) → 已落实, a stage of
// it (完成招标) → 推进中. afterAlready: the text followed 已, which alone says the action is
// done (已建成); without it a single action needs a manner or a second action, except the
// plain finishing verbs.
func finished(s string, afterAlready bool) (Status, bool) {
	manner := false
	if r := cutAll(s, doneManner); r != s {
		s, manner = r, true
	}
	verbs := doneVerbs
	if afterAlready {
		verbs = append(append([]string(nil), doneAfterAlready...), doneVerbs...)
	}
	n, tail := chain(s, verbs)
	if n == 0 {
		return 0, false
	}
	if !afterAlready && !manner && n == 1 && tail == "" && !slices.Contains([]string{"建成", "竣工", "完工", "办理完毕", "结案"}, s) {
		return 0, false // 验收, 交付 alone: not said to be done
	}
	switch {
	case tail == "" || slices.Contains(itemObjects, tail):
		return Done, true
	case hasPrefixWord(tail, stageObjects):
		return InProgress, true // 已完成前期论证工作: a stage, the item goes on
	case hasPrefixWord(s, closingVerbs) && !strings.ContainsAny(tail, "未没不"):
		return Done, true // 已办结…: closed, whatever follows
	}
	return 0, false
}

// underWay reports whether a text says the work is under way: 正在…, …中, 在建, continuing
// work (稳步推进, 长期坚持), or progress going well (进展顺利).
func underWay(k string) bool {
	if rest, ok := strings.CutPrefix(k, "正在"); ok && rest != "" {
		return true
	}
	if slices.Contains(atWork, k) {
		return true
	}
	if stem, ok := strings.CutSuffix(k, "中"); ok && stem != "" {
		stem = strings.TrimSuffix(stem, "之")
		if utf8.RuneCountInString(stem) > maxUnderWayStem {
			return false // 实施方案报市政府审定中: a sentence about the work, not a status word
		}
		for _, w := range notUnderWay {
			if strings.HasSuffix(stem, w) {
				return false
			}
		}
		return stem != ""
	}
	if r := cutAll(k, ongoingManner); r != k {
		if n, tail := chain(r, ongoingVerbs); n > 0 && tail == "" {
			return true
		}
	}
	if r, ok := cutWord(k, progressWords); ok && slices.Contains(progressGood, r) {
		return true
	}
	return false
}

// cutWord removes the first of words that s begins with.
func cutWord(s string, words []string) (string, bool) {
	for _, w := range words {
		if rest, ok := strings.CutPrefix(s, w); ok {
			return rest, true
		}
	}
	return s, false
}

// cutAll removes words from the start of s as long as it begins with one, leaving at least
// something.
func cutAll(s string, words []string) string {
	for {
		rest, ok := cutWord(s, words)
		if !ok || rest == "" {
			return s
		}
		s = rest
	}
}

// hasPrefixWord reports whether s begins with one of words.
func hasPrefixWord(s string, words []string) bool {
	_, ok := cutWord(s, words)
	return ok
}

// chain reads a run of actions from verbs at the start of s, joined or not (完成并销号,
// 开工建设, 建成投用), and returns how many it read and what follows.
func chain(s string, verbs []string) (n int, tail string) {
	for {
		rest, ok := cutLongest(s, verbs)
		if !ok {
			return n, s
		}
		n++
		s = rest
		if j, ok := cutWord(s, joinWords); ok {
			if _, more := cutLongest(j, verbs); more {
				s = j
			}
		}
	}
}

// cutLongest removes the longest of words that s begins with.
func cutLongest(s string, words []string) (string, bool) {
	best := ""
	for _, w := range words {
		if len(w) > len(best) && strings.HasPrefix(s, w) {
			best = w
		}
	}
	if best == "" {
		return s, false
	}
	return s[len(best):], true
}
