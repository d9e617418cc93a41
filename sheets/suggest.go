package sheets

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// 建议提案 (SPEC §9.5): 人大代表建议 and 政协委员提案 are categories of the kind 建议. Their
// ledgers are the exports of 建议提案 systems — 编号, 建议标题 or 提案案由, 领衔人, 主办单位 and
// 会办单位, 交办日期, 办理结果, 答复日期, 满意度 — with no 会议 or 落实状态 column: an item is
// 已落实 when it was answered (办复: an 答复日期, or a 办理结果 given), else 推进中, which is what
// published 办复率 count. Their deadline, when a row gives none, is the one the 办理 rules
// set: 6月30日 for what was made at the session, 3 months from assignment for what was made
// between sessions (闭会期间). They are counted in a table of their own, never among the
// supervised items (Summarize).

// The classes of 办理结果 and their words, as the 办理 rules define them: "已经解决或基本解决的
// (A类)…正在解决或有关工作已启动的(B类)…已列入规划逐步解决的(C类)…留作参考或不可行,需解释说明的
// (D类)" (a county's 2020年度人大建议办理总体情况, quoted in /work/research-22.md §1); 甘肃省政协
// "A类(已解决或采纳的)…B类(计划解决或准备采纳的)" (http://gszx.gov.cn/htm/20169/14_13195.htm).
// 甲/乙/丙/丁 are A/B/C/D: 沁阳 "已经解决或基本解决的43件(甲类)…正在解决以及列入计划逐步解决的
// 13件(乙类)" (http://www.qinyang.gov.cn/2023/11-23/2902344.html). The longest word found in a
// cell decides (因条件限制不能解决 is D, not the A of 解决).
var resultWords = []struct {
	class string
	words []string
}{
	{"A", []string{"解决", "已解决", "基本解决", "已基本解决", "已经解决", "采纳", "已采纳", "基本采纳"}},
	{"B", []string{"正在解决", "列入计划", "已列入计划", "列入计划解决", "计划解决", "准备采纳", "部分解决", "有关工作已启动"}},
	{"C", []string{"列入规划", "已列入规划", "逐步解决", "列入规划逐步解决", "以后解决", "暂缓解决"}},
	{"D", []string{"留作参考", "作为参考", "参考", "不能解决", "暂不能解决", "因条件限制不能解决", "不可行", "解释说明"}},
}

// ResultClasses are the classes of 办理结果 in the order of 汇总's columns.
var ResultClasses = [4]string{"A", "B", "C", "D"}

// resultClass reads a 办理结果: a letter A–D or 甲–丁, with or without 类 or 类件 and a remark
// (A类（已解决）), else the class of its words; ok is false for a text of no class.
func resultClass(s string) (class string, ok bool) {
	k := strings.ToUpper(TrimPunct(zhtext.Normalize(s)))
	if k == "" {
		return "", false
	}
	first, n := utf8.DecodeRuneInString(k)
	rest := k[n:]
	if i := strings.IndexAny(rest, "(（【[〔"); i >= 0 {
		rest = rest[:i]
	}
	rest = strings.TrimSuffix(strings.TrimSuffix(strings.TrimSuffix(rest, "件"), "类"), "级")
	for i, l := range []rune("ABCD甲乙丙丁") {
		if first == l && (rest == "" || rest == "类") {
			return ResultClasses[i%4], true
		}
	}
	best, class := 0, ""
	for _, c := range resultWords {
		for _, w := range c.words {
			if len(w) > best && strings.Contains(k, w) {
				best, class = len(w), c.class
			}
		}
	}
	return class, class != ""
}

// The words of 满意度: "满意70件，占86.4%；基本满意11件" (http://xgll.com.cn/xwzx/2011-12/04/content_27763.htm).
const (
	Satisfied   = "满意"
	Basic       = "基本满意"
	Unsatisfied = "不满意"
)

// satisfaction reads a 满意度: 满意, 基本满意 or 不满意 ("" and false for anything else).
func satisfaction(s string) (string, bool) {
	switch k := TrimPunct(zhtext.Normalize(s)); k {
	case Satisfied, "非常满意", "很满意":
		return Satisfied, true
	case Basic, "比较满意":
		return Basic, true
	case Unsatisfied, "不太满意":
		return Unsatisfied, true
	}
	return "", false
}

// sessionPeriod reports whether a 类别 cell names when a suggestion was made rather than a
// category — the 会议类型 of a 建议 system, "开会期间 / 闭会期间" (a 建议管理 form, research-22
// §1 L7) — and whether it is between sessions.
func sessionPeriod(s string) (between, ok bool) {
	k := TrimPunct(zhtext.Normalize(s))
	if k == "" || utf8.RuneCountInString(k) > 8 {
		return false, false
	}
	if strings.Contains(k, "闭会") {
		return true, true
	}
	for _, w := range []string{"开会期间", "大会期间", "会议期间", "大会", "大会类", "大会类建议", "会议类"} {
		if k == w {
			return false, true
		}
	}
	return false, false
}

// betweenSessions tells whether a suggestion was made between sessions (闭会期间), by its
// number (闭会第3号) or a note that says so (闭会期间建议); why names the cell that said so.
// 西安: "大会类建议436件,闭会类建议9件" (http://www.xa.gov.cn/ztzl/ztzl/2023xalh/zxbd/63ed880ef8fd1c4c21403fbe.html).
func betweenSessions(p *parsedRow) (ok bool, why string) {
	if p.between {
		return true, fmt.Sprintf(msgBetweenByNote, p.period)
	}
	if id := trimmed(p.r, FieldID); strings.Contains(id, "闭会") {
		return true, fmt.Sprintf(msgBetweenByID, id)
	}
	for _, s := range []string{trimmed(p.r, FieldNote), p.in.Meeting, p.in.Group} {
		if strings.Contains(s, "闭会") {
			return true, fmt.Sprintf(msgBetweenByNote, s)
		}
	}
	return false, ""
}

// suggestionHint is the 建议 category a sheet names by its title or its columns, "" if none:
// a title line naming one (XX县十五届人大二次会议代表建议目录), else a header with columns of
// 建议提案 only (领衔人, 办理结果, 答复日期, 满意度) whose names say 建议 or 代表 (人大代表建议)
// or 提案 or 委员 (政协委员提案), when they point to one category of the dictionary.
func (d *Dict) suggestionHint(title []string, names []string, cols *[NumFields]int) string {
	for _, v := range title {
		if c, ok := d.suggestionNamed(v); ok {
			return c
		}
	}
	own := false
	for f := FieldProposer; f <= FieldSatisfaction; f++ {
		own = own || cols[f] > 0
	}
	if !own {
		return ""
	}
	found := ""
	for _, c := range d.Categories {
		if c.Kind != KindSuggestion {
			continue
		}
		for _, w := range suggestionColumnWords(c.Name) {
			if anyContains(names, w) {
				if found != "" && found != c.Name {
					return "" // 建议 and 提案 both named: the columns do not tell
				}
				found = c.Name
			}
		}
	}
	return found
}

// suggestionNamed recognises a 建议 category in a title or sheet name.
func (d *Dict) suggestionNamed(s string) (string, bool) {
	if c, ok := d.CategoryOf(s); ok && c.Kind == KindSuggestion {
		return c.Name, true
	}
	if c, ok := d.Category(s); ok && c.Kind == KindSuggestion {
		return c.Name, true
	}
	return "", false
}

// suggestionColumnWords are the words of a header that point to a 建议 category: 建议 and
// 代表 (领衔代表, 建议标题) to one named …建议, 提案 and 委员 (第一提案人, 提案案由) to one named
// …提案.
func suggestionColumnWords(name string) []string {
	switch {
	case strings.HasSuffix(name, "建议"):
		return []string{"建议", "代表"}
	case strings.HasSuffix(name, "提案"):
		return []string{"提案", "委员"}
	}
	return nil
}

func anyContains(names []string, w string) bool {
	for _, n := range names {
		if strings.Contains(n, w) {
			return true
		}
	}
	return false
}

// suggestionContext is the 建议 category a row's context names — its sheet, else its title
// or columns (RawRow.Hint) — "" if none.
func (v *Validator) suggestionContext(r *RawRow) (cat string, fromSheet bool) {
	if c, ok := v.dict.suggestionNamed(r.Pos.Sheet); ok {
		return c, true
	}
	return r.Hint, false
}

// isSuggestionRow reports whether a row is a 建议提案 by its 类别 cell or its context, before
// it is parsed: such a row needs no 落实状态 or 完成时限 column (missingColumns).
func (v *Validator) isSuggestionRow(r *RawRow) bool {
	cell := trimmed(r, FieldCategory)
	if _, ok := sessionPeriod(cell); ok {
		cell = ""
	}
	if c, ok := v.dict.Category(cell); ok {
		return c.Kind == KindSuggestion
	}
	if c, ok := v.dict.CategoryOf(trimmed(r, FieldMeeting)); ok {
		return c.Kind == KindSuggestion
	}
	if c, ok := v.named(headingNumber.ReplaceAllString(r.Group, "")); ok {
		return c.Kind == KindSuggestion
	}
	c, _ := v.suggestionContext(r)
	return c != ""
}

// suggestionCategory settles the category of a row whose context names a 建议 category: a
// 类别 cell naming when it was made (闭会期间) is no category, and a 类别 cell the dictionary
// does not know (a topic such as 城建环保 under 类型) gives way to the context. It runs before
// category; settled reports that the context gave the category (p.catFromSheet says whether
// the sheet's name did, else its title or columns did: a notice either way).
func (v *Validator) suggestionCategory(p *parsedRow) (settled bool) {
	in := &p.in
	if between, ok := sessionPeriod(in.Category); ok {
		p.period, p.between = in.Category, between
		in.Category = ""
	}
	ctx, fromSheet := v.suggestionContext(p.r)
	if ctx == "" {
		return false
	}
	if in.Category != "" {
		if _, known := v.dict.Category(in.Category); known {
			return false
		}
		if _, known := v.dict.CategoryOf(in.Category); known {
			return false
		}
		in.Category = ""
	}
	if _, ok := v.dict.CategoryOf(in.Meeting); ok {
		return false
	}
	c, _ := v.dict.Category(ctx)
	p.cat, p.in.categoryOK, p.catFromSheet = *c, true, fromSheet
	return true
}

// suggestion completes item it of a 建议提案 row: its 领衔人, 办理结果, 答复日期 and 满意度,
// whether it was answered, its number, and the default deadline when the row gives none.
func (v *Validator) suggestion(p *parsedRow, it *Item, probs *[]Problem) {
	r := p.r
	it.Proposer = trimmed(r, FieldProposer)
	it.Result = trimmed(r, FieldResult)
	if it.Result != "" {
		class, ok := resultClass(it.Result)
		it.ResultClass = class
		if !ok {
			*probs = append(*probs, Problem{Pos: r.Cell(FieldResult), Scope: ScopeCell, Level: Warning, Kind: SuggestionValue,
				Field: FieldResult.String(), Raw: it.Result, Msg: fmt.Sprintf(msgResultUnknown, it.Result)})
		}
	}
	if raw := trimmed(r, FieldSatisfaction); raw != "" {
		s, ok := satisfaction(raw)
		it.Satisfaction = s
		if !ok {
			*probs = append(*probs, Problem{Pos: r.Cell(FieldSatisfaction), Scope: ScopeCell, Level: Warning, Kind: SuggestionValue,
				Field: FieldSatisfaction.String(), Raw: raw, Msg: fmt.Sprintf(msgSatisfactionBad, raw)})
		}
	}
	it.Replied = v.repliedDate(p, probs)
	if it.Done.IsZero() {
		it.Done = it.Replied
	}
	// 办复: an 答复日期, a 办理结果, or a status that says it was answered.
	answered := !it.Replied.IsZero() || it.Result != ""
	if sr := p.status; p.in.Status != "" && sr.ok && sr.class == Done {
		answered = true
	}
	it.Status = InProgress
	if answered {
		it.Status = Done
	}
	// 第214号 is the item's number, never a session (州人大第214号建议, research-22 §1).
	if it.ID == "" && ParseMeeting(p.in.Meeting).Num > 0 && strings.Contains(p.in.Meeting, "号") {
		it.ID = p.in.Meeting
	}
	it.Meeting = Meeting{Key: zhtext.Fold(p.in.Meeting)}
	it.MeetingName = meetingName(it.Category, KindSuggestion, it.Meeting, p.in.Meeting, 0)
	if p.in.Deadline == "" && !it.HasDeadline() {
		v.defaultDeadline(p, it, probs)
	}
}

// repliedDate reads the 答复日期, a date written without its year taking the row's; an
// unreadable one is a warning and counts as blank.
func (v *Validator) repliedDate(p *parsedRow, probs *[]Problem) time.Time {
	r := p.r
	raw := trimmed(r, FieldReplied)
	if raw == "" || r.Kinds[FieldReplied] == xlsx.Error {
		return time.Time{}
	}
	t, err := ParseDate(TrimPunct(raw), r.Date1904)
	switch {
	case err == nil:
		return t
	case errors.Is(err, errDateNoYear):
		return v.yearlessDate(r, FieldReplied, raw, p.dates.year, probs)
	}
	*probs = append(*probs, dateIgnored(r, FieldReplied, raw, err))
	return time.Time{}
}

// defaultDeadline gives a 建议提案 without a 完成时限 the deadline of the 办理 rules, with a
// notice: "对市建议、提案,各承办单位须在6月30日前答复完毕…闭会期间提出的建议、提案,承办单位须在3个月
// 内答复完毕" (http://www.fymate.net/html/text/lar/169273/16927300_1.html); 衡东 "各承办单位要在
// 6月30日前办理完毕" (http://www.hengdong.gov.cn/zwgk/xzfxxgkml/hddt/20200208/i913432.html).
func (v *Validator) defaultDeadline(p *parsedRow, it *Item, probs *[]Problem) {
	r := p.r
	note := func(msg string) {
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Notice, Kind: SuggestionDeadline,
			Field: FieldDeadline.String(), Msg: msg})
	}
	between, why := betweenSessions(p)
	switch {
	case between && p.dates.meeting.IsZero():
		note(fmt.Sprintf(msgSuggestionNoDate, why))
	case between:
		it.Deadline = addMonths(p.dates.meeting, 3)
		note(fmt.Sprintf(msgSuggestionBetween, why, p.dates.meeting.Format(time.DateOnly), it.Deadline.Format(time.DateOnly)))
	default:
		it.Deadline = time.Date(p.dates.year, time.June, 30, 0, 0, 0, 0, time.UTC)
		note(fmt.Sprintf(msgSuggestionSession, it.Deadline.Format(time.DateOnly)))
	}
}

// satisfactionTicked reads the 满意度 of a row from the column of 满意 | 基本满意 | 不满意
// ticked in it (√, ✓, 1 …; 否, ×, 0 or 无 are no tick): the ticked column's word, the words
// of several joined (a warning then, satisfaction reads none of them), nothing when none is.
func (s *sheetReader) satisfactionTicked(cells []xlsx.Cell, out *RawRow) {
	var words []string
	for i, c := range s.sat {
		if c == 0 || c > len(cells) {
			continue
		}
		switch v := TrimPunct(zhtext.Normalize(cells[c-1].Value)); v {
		case "", "否", "×", "✗", "0", "无":
		default:
			words = append(words, satisfactionWords[i])
			if out.Cols[FieldSatisfaction] == 0 {
				out.Cols[FieldSatisfaction] = c
			}
		}
	}
	if len(words) > 0 {
		out.Vals[FieldSatisfaction], out.Kinds[FieldSatisfaction] = strings.Join(words, "、"), xlsx.Text
	}
}

// min0 is the least column of cols that is not 0.
func min0(cols [3]int) int {
	m := 0
	for _, c := range cols {
		if c > 0 && (m == 0 || c < m) {
			m = c
		}
	}
	return m
}

// addMonths is the day n months after t, as a period in months is counted (民法典 第二百零二条):
// the same day of that month, or its last day when it has no such day (11月30日 + 3个月 is
// 2月28日, not 3月2日 as time.AddDate would normalise it).
func addMonths(t time.Time, n int) time.Time {
	first := time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	last := first.AddDate(0, 1, -1).Day()
	return first.AddDate(0, 0, min(t.Day(), last)-1)
}
