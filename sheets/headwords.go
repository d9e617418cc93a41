package sheets

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Headers read by their head word (SPEC §3.1). A header the dictionary does not know is read
// as a clerk reads it: its hint in brackets set aside, it is a head word — the last word of a
// Chinese noun phrase, which names the thing (…名称 of a 任务, …单位, …期限, …状态) — with
// modifiers before it that narrow it without changing what it is (督办事项名称, 主责单位,
// 计划完成时间). Only modifiers that headers use are set aside, so a cell of data that ends in
// a head word (推进城区供水管网改造任务) is no header. OA 督办 systems name their fields this
// way, a word for what is timed or reported before its head: "立项交办时间…完成时间、销号时间",
// "办理情况、进度情况…反馈情况" (http://xtnz.com.cn/buy/show-10635.html, a 工作督办系统), and
// 督查 bulletins speak of a task's "时间节点" for its deadlines
// (https://www.zyx.gov.cn/Content-2717260.html "6月底前开工、12月底前完工的时间节点").

// headRule recognises one field's headers: a head word with modifiers from mods before it;
// need lists modifiers of which at least one must be there (the head alone is too vague).
type headRule struct {
	field Field
	heads []string
	mods  []string
	need  []string
	// status: the column is 落实状态 only when its values are status words; otherwise it is
	// kept as 进展情况 (choose decides, by the rows under the header).
	status bool
}

var headRules = []headRule{
	// an actual time is the 完成日期 (实际完成时间); a planned or required one the 完成时限
	{field: FieldDone, heads: []string{"完成时间", "完成日期", "办结时间", "办结日期", "销号时间", "销号日期", "完成", "办结"},
		mods: []string{"实际", "具体"}, need: []string{"实际"}},
	{field: FieldDeadline, heads: []string{"完成时间", "完成日期", "办结时间", "办结日期", "时间", "日期"},
		mods: []string{"计划", "要求", "预计", "规定", "拟", "应", "最迟", "承诺", "目标"},
		need: []string{"计划", "要求", "预计", "规定", "拟", "应", "最迟", "承诺", "目标"}},
	{field: FieldDeadline, heads: []string{"时间节点", "节点", "时限", "期限", "截止时间", "截止日期", "时限要求", "期限要求"},
		mods: []string{"完成", "办结", "办理", "整改", "落实", "工作", "任务", "推进", "计划", "要求", "规定", "最终", "目标",
			"督办", "事项", "时间", "关键"}},
	{field: FieldMeetingDate, heads: []string{"日期", "时间"},
		mods: []string{"会议", "交办", "批示", "召开", "下达", "签批", "议定"}, need: []string{"会议", "交办", "批示", "召开", "下达", "签批", "议定"}},
	{field: FieldCo, heads: []string{"单位", "部门", "单位名称", "科室", "处室"},
		mods: []string{"配合", "协办", "协作", "参与", "协同", "协助", "责任", "其他"}, need: []string{"配合", "协办", "协作", "参与", "协同", "协助"}},
	{field: FieldLead, heads: []string{"单位", "部门", "单位名称", "科室", "处室"},
		mods: []string{"责任", "主责", "牵头", "主办", "承办", "负责", "实施", "落实", "办理", "主要", "主体", "具体", "第一", "直接", "主管"}},
	{field: FieldLeader, heads: []string{"领导", "市领导", "县领导", "区领导"},
		mods: []string{"责任", "分管", "牵头", "联系", "包保", "主管", "主要", "领办", "督办", "包联", "挂钩", "协调"}},
	{field: FieldID, heads: []string{"编号"}, mods: []string{"事项", "任务", "督办", "督查", "项目", "工作"}},
	{field: FieldCategory, heads: []string{"类别", "类型", "分类"}, mods: []string{"事项", "会议", "督办", "督查", "任务", "来源"}},
	{field: FieldContent, heads: []string{"事项名称", "任务名称", "项目名称", "工作名称", "事项内容", "任务内容", "工作内容", "项目内容",
		"事项", "任务", "内容"},
		mods: []string{"督办", "督查", "交办", "议定", "决定", "重点", "具体", "主要", "工作", "目标", "会议", "批示", "年度", "承办",
			"落实", "任务", "事项"}},
	{field: FieldStatus, heads: []string{"状态", "进度", "状况"}, status: true,
		mods: []string{"目前", "当前", "现在", "推进", "办理", "落实", "完成", "工作", "实施", "整改", "项目", "任务", "事项", "进展", "督办"}},
	{field: FieldProgress, heads: []string{"进展", "进展情况", "推进情况", "落实情况", "情况"},
		mods: []string{"工作", "目前", "当前", "最新", "推进", "落实", "办理", "主要", "具体", "整改", "项目", "任务", "事项", "工作推进"},
		need: nil},
	{field: FieldNote, heads: []string{"备注", "说明"}, mods: []string{"其他", "补充", "情况", "相关", "备注"}},
}

// columnByMeaning recognises a header the dictionary does not know by its head word; status
// reports a 落实状态 that its values must confirm.
func columnByMeaning(header string) (f Field, status, ok bool) {
	if strings.ContainsAny(header, "：:") {
		return 0, false, false // a label line, 单位名称（盖章）：市财政局
	}
	k := coreOr(header)
	if k == "" || utf8.RuneCountInString(k) > 12 || strings.ContainsAny(k, "：:，,。；;、/") {
		return 0, false, false
	}
	for _, r := range headRules {
		if r.matches(k) {
			return r.field, r.status, true
		}
	}
	return 0, false, false
}

// matches reports whether header k is the rule's head word with its modifiers before it.
func (r *headRule) matches(k string) bool {
	for _, h := range r.heads {
		pre, ok := strings.CutSuffix(k, h)
		if !ok {
			continue
		}
		if pre == "" && r.field == FieldProgress && h == "情况" {
			continue // 情况 alone names nothing
		}
		if pre == "" && len(r.need) > 0 {
			continue
		}
		if onlyModifiers(pre, r.mods, r.need) {
			return true
		}
	}
	return false
}

// onlyModifiers reports whether s is made of words of mods only, at least one of need among
// them when need is given.
func onlyModifiers(s string, mods, need []string) bool {
	needed := len(need) == 0
	for s != "" {
		rest, ok := cutLongest(s, mods)
		if !ok {
			return false
		}
		if !needed && slices.Contains(need, s[:len(s)-len(rest)]) {
			needed = true
		}
		s = rest
	}
	return needed
}

// columnOf is the field a header names: by the dictionary, else by its head word (meaning).
func (d *Dict) columnOf(header string) (f Field, meaning, status, ok bool) {
	if f, ok := d.Column(header); ok {
		return f, false, false, true
	}
	if _, isStatus := d.Status(header); isStatus {
		return 0, false, false, false // a status word naming a column of ticks (已完成 | 推进中)
	}
	f, status, ok = columnByMeaning(header)
	return f, ok, status, ok
}

// isColumnName reports whether a cell's text names a column, by the dictionary or by its head
// word.
func (d *Dict) isColumnName(v string) bool {
	_, _, _, ok := d.columnOf(v)
	return ok
}
