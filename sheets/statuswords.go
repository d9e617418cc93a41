package sheets

import (
	"fmt"
	"strings"

	"github.com/duban/duban/internal/zhtext"
)

// Status words that do not say which class an item is in (SPEC §4.3). Offices count them
// apart, never as done: bulletins give 调整 and "其它类" their own bucket
// (http://qdyyxzs.com/html/html1042017948fbab00052197bc8bd943498b89dd71.html "指标项目出现调整的有3项";
// https://www.ahjinzhai.gov.cn/public/6596281/38062166.html "其它类9个"), 基本完成 still has to
// reach 销号 (http://nzgx.org/html/ZhengCeFaGui/DiFangFaGui/20181113/551697.html "已基本完成任务20个…
// 确保按时达到销号标准"), a 提案 bulletin of lsdcl.net lists "基本落实或计划落实的有24件" apart from
// "已落实的有122件", and a percentage in a progress column is used for
// unfinished items only (http://www.cncn.gov.cn/art/2022/12/14/art_1229664772_59047997.html
// "80%(…进度滞后)"). Such a word stays an error, with a message that says why and what to write.
// They are explanations only: a word the office's dictionary puts in a class is that class.

// unclearStatus is one kind of status word that names no class.
type unclearStatus struct {
	why, advice string
	examples    []string // shown in README's 台账的写法; each is matched by match (tested)
	match       func(folded string) bool
}

var unclearStatuses = []unclearStatus{
	{whyPercent, advDoneOrOpen, []string{"80%", "完成95%"}, func(k string) bool {
		return strings.ContainsRune(k, '%') || strings.Contains(k, "百分之")
	}},
	{whyCancelled, advCancelled, []string{"已撤销", "取消", "不再实施", "已调整"}, func(k string) bool {
		return containsAny(k, "撤销", "取消", "终止", "不再实施", "不再执行", "停止实施") || k == "调整" || k == "已调整"
	}},
	{whyPaused, advPaused, []string{"暂缓", "暂缓实施", "暂停", "暂停中", "停工中"}, func(k string) bool {
		return containsAny(k, "暂缓", "缓办", "暂停", "搁置", "中止", "停工", "停滞", "停止", "冻结", "挂起")
	}},
	{whyPartial, advDoneOrOpen, []string{"基本完成", "已基本完成", "基本落实", "部分完成", "部分整改", "大部分完成", "基本办结", "完成八成"}, func(k string) bool {
		return containsAny(k, "基本", "部分", "大部", "初步", "过半", "大半", "多半", "大体", "大多") || shareInTenths(k)
	}},
	{whyNotDone, advStarted, []string{"未落实", "未整改"}, func(k string) bool {
		return k == "未落实" || k == "未整改" || k == "尚未落实" || k == "尚未整改" || k == "没有落实"
	}},
}

// shareInTenths reports whether s says a share in tenths: 完成八成, 七成.
func shareInTenths(s string) bool {
	prev := false
	for _, r := range s {
		if r == '成' && prev {
			return true
		}
		prev = strings.ContainsRune("一二三四五六七八九", r)
	}
	return false
}

func containsAny(s string, words ...string) bool {
	for _, w := range words {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

// statusMessage explains why a non-blank 落实状态 that the dictionary does not know cannot be
// counted: a known kind of unclear word says why, anything else is not a status word at all.
func (d *Dict) statusMessage(raw string) string {
	folded := zhtext.Normalize(raw)
	k := TrimPunct(folded)
	for _, u := range unclearStatuses {
		if u.match(folded) || u.match(k) {
			return fmt.Sprintf(msgAmbiguousStatus, strings.TrimSpace(raw), u.why, u.advice)
		}
	}
	if d.IsNoDeadline(k) {
		return fmt.Sprintf(msgAmbiguousStatus, strings.TrimSpace(raw), whyDeadlineWord, fmt.Sprintf(advStatusColumn, k))
	}
	return fmt.Sprintf(msgBadStatus, strings.TrimSpace(raw))
}
