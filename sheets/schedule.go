package sheets

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// Progress against schedule (序时进度, SPEC §4.3). Offices that measure an open item against
// the part of its year's plan that should be done by now publish three classes among the
// items under way: 金寨 "欠进度的有17个…超进度的有10个…达进度的有162个" beside "已完成和提前完成24个"
// (https://www.ahjinzhai.gov.cn/public/6596281/38062166.html); 宣城 "达到序时进度44项…未达到序时进度
// 11项" (https://www.xuancheng.gov.cn/OpennessContent/show/2044556.html); 城厢 "其他项目正按序时推进。
// 进度慢序时的项目…" (https://www.chengxiang.gov.cn/zwgk/wmbss/202101/t20210129_1571508.htm);
// 苍南's 当前进度 column "80%(新区实验幼儿园进度滞后)", "22%(严重滞后)"
// (http://www.cncn.gov.cn/art/2022/12/14/art_1229664772_59047997.html). The class is kept per
// item, from a 进度 column or from the status word itself (超进度 is 推进中 with 进度 超进度).

// Schedule is an item's progress against schedule.
type Schedule uint8

// The classes of progress against schedule.
const (
	ScheduleNone   Schedule = iota // not said
	ScheduleBehind                 // 滞后: 欠进度, 未达序时进度, 推进缓慢
	ScheduleOn                     // 达到序时进度: 达进度, 序时推进
	ScheduleAhead                  // 超进度: 超序时进度, 进度超前
)

// String is the class as 事项明细's column 进度 shows it and the 汇总 line counts it.
func (s Schedule) String() string {
	switch s {
	case ScheduleBehind:
		return "滞后"
	case ScheduleOn:
		return "达到序时进度"
	case ScheduleAhead:
		return "超进度"
	}
	return ""
}

// scheduleOf reads the progress against schedule a status or 进度 cell states: in the word
// itself (欠进度, 按序时推进), else in a bracketed remark after it (80%(进度滞后)). A sentence of
// narrative states none: its words may be about a part of the work.
func scheduleOf(raw string) Schedule {
	if !containsAny(raw, "进度", "序时", "滞后", "落后", "慢", "超前") {
		return ScheduleNone
	}
	k := zhtext.Normalize(raw)
	if k == "" {
		return ScheduleNone
	}
	core, remarks := cutRemarks(k)
	for _, s := range append([]string{core}, remarks...) {
		if c := scheduleWord(TrimPunct(s)); c != ScheduleNone {
			return c
		}
	}
	return ScheduleNone
}

// scheduleWord reads one schedule word, testing behind first: 未达到序时进度 names 达 too.
func scheduleWord(k string) Schedule {
	if k == "" || utf8.RuneCountInString(k) > maxStatusWord || strings.ContainsAny(k, "，。；;,!！？?：:") {
		return ScheduleNone
	}
	k = cutAll(k, statusTimeWords)
	timed := strings.Contains(k, "序时") || strings.Contains(k, "进度")
	switch {
	case containsAny(k, "欠进度", "滞后", "落后", "缓慢", "偏慢", "较慢", "慢序时", "未达", "没达", "未按序时", "不达"):
		return ScheduleBehind
	case containsAny(k, "超进度", "超序时", "超前", "快于序时"), timed && containsAny(k, "超过", "提前"):
		return ScheduleAhead
	case containsAny(k, "达进度", "达序时", "达到序时", "符合序时", "按序时", "序时推进"):
		return ScheduleOn
	}
	return ScheduleNone
}

// scheduleColumn reports whether a column's values are schedule words, as a 进度 column's are
// (SPEC §3.1): else it holds narrative (进度情况: 已完成招标…), read as 进展情况.
func scheduleColumn(v string) bool {
	k := TrimPunct(zhtext.Normalize(v))
	return scheduleOf(k) != ScheduleNone || isPercent(k)
}

// rowSchedule is the row's progress against schedule: its 进度 cell's, else its status word's
// (超进度, 欠进度, 按序时推进 — counted 推进中 by the dictionary as before).
func (v *Validator) rowSchedule(r *RawRow, status string) Schedule {
	if s := scheduleOf(trimmed(r, FieldSchedule)); s != ScheduleNone {
		return s
	}
	return scheduleOf(status)
}

// chooseSchedule settles the sheet's 进度 column by the rows under the header (SPEC §3.1): a
// column named as 进度 (序时进度, 进度情况) whose values are not schedule words is narrative,
// read as 进展情况 when the sheet has none, else not read; and of two columns named as
// 落实状态, one holding schedule words beside one that does not is 进度 (目前进度: 超进度 beside
// 落实状态: 推进中); a sheet without 落实状态 whose 进度 column holds status words (金寨's classes
// 已完成, 超进度, 达进度, 欠进度) reads its status there too. Each is a notice at the column.
func (s *sheetReader) chooseSchedule(hd *header, rows [][]xlsx.Cell) {
	if c := hd.cols[FieldSchedule]; c > 0 {
		if hd.cols[FieldStatus] == 0 {
			// no 落实状态: a 进度 column of status words (已完成, 超进度, 欠进度) is the status too
			if ok, _ := mostly(rows, c, s.dict.isStatus); ok {
				hd.cols[FieldStatus] = c
				hd.notes = append(hd.notes, headerNote{c, ScheduleColumn, fmt.Sprintf(msgScheduleAsStatus, coreOr(hd.names[c-1]))})
				return
			}
		}
		if ok, n := mostly(rows, c, scheduleColumn); n > 0 && !ok {
			name := coreOr(hd.names[c-1])
			hd.cols[FieldSchedule] = 0
			if hd.cols[FieldProgress] == 0 {
				hd.cols[FieldProgress] = c
				hd.notes = append(hd.notes, headerNote{c, ScheduleColumn, fmt.Sprintf(msgScheduleNarrative, name, FieldProgress)})
			} else {
				hd.known[c-1] = false
				hd.count--
				hd.notes = append(hd.notes, headerNote{c, ScheduleColumn, fmt.Sprintf(msgScheduleIgnored, name)})
			}
		}
		return
	}
	for i, d := range hd.dups {
		if d.field != FieldStatus || hd.cols[FieldStatus] != d.kept {
			continue
		}
		kept, _ := mostly(rows, d.kept, scheduleColumn)
		dropped, n := mostly(rows, d.dropped, scheduleColumn)
		if n == 0 || kept || !dropped {
			continue
		}
		hd.cols[FieldSchedule] = d.dropped
		hd.dups = append(hd.dups[:i], hd.dups[i+1:]...)
		hd.notes = append(hd.notes, headerNote{d.dropped, ColumnChosen, fmt.Sprintf(msgScheduleChosen, coreOr(hd.names[d.dropped-1]), coreOr(hd.names[d.kept-1]))})
		return
	}
}
