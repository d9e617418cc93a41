package books

import (
	"fmt"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
)

// 汇总's table of 建议提案 (SPEC §9.5), below the table of the supervised items: its columns
// are fixed by SPEC.
var colsSuggestions = []xlsxout.Column{
	column("类别", kText), column("件数", kInt), column("已办复", kInt), column("办复率", kRate),
	column("A类", kInt), column("B类", kInt), column("C类", kInt), column("D类", kInt),
	column("满意", kInt), column("基本满意", kInt), column("不满意", kInt), column("满意率", kRate),
}

const (
	titleSuggestions = "人大代表建议和政协委员提案办理情况"
	// the report's 通报: the 建议提案 past their deadline, after the supervised items
	problemSuggestions     = "部分建议提案逾期未办复。"
	problemSuggestionsText = "截至%s，逾期未办复的建议提案%d件："
	problemSuggestionItem  = "%s承办的“%s”（%s），已逾期%d天"
	noteSuggestions        = "注：已办复指已填写答复日期或办理结果；办复率 = 已办复 / 件数；满意率 = （满意 + 基本满意）/ 已办复中填写了满意度的件数。建议提案单独统计，不计入上表督查事项。"
)

// suggestionSection is 汇总's 建议提案 table, nil when the report has none: a row per
// category, and 合计 when there are several.
func suggestionSection(r *sheets.Report) *xlsxout.Section {
	if len(r.Suggestions) == 0 {
		return nil
	}
	sec := &xlsxout.Section{Title: titleSuggestions, Cols: colsSuggestions, Notes: []string{noteSuggestions}}
	for _, s := range r.Suggestions {
		sec.Rows = append(sec.Rows, suggestionValues(s.Name, s))
	}
	if len(r.Suggestions) > 1 {
		sec.Total = suggestionValues(labelTotal, r.SuggestionTotal)
	}
	return sec
}

// suggestionValues are one row of the 建议提案 table; 满意率 is blank when no answer has a
// 满意度.
func suggestionValues(name string, s sheets.SuggestionStats) []any {
	v := []any{name, s.Items, s.Replied, xlsxout.Rate(s.ReplyRate()),
		s.Classes[0], s.Classes[1], s.Classes[2], s.Classes[3], s.Satisfied, s.Basic, s.Unsatisfied, nil}
	if s.Rated() > 0 {
		v[11] = xlsxout.Rate(s.SatisfactionRate())
	}
	return v
}

// splitSuggestions splits a list of overdue items into the supervised items and the 建议提案,
// each in its order: the 通报 counts the first as 汇总 does, and names the others apart.
func splitSuggestions(list []sheets.Flagged) (supervised, suggestions []sheets.Flagged) {
	for _, f := range list {
		if f.Item.Kind == sheets.KindSuggestion {
			suggestions = append(suggestions, f)
		} else {
			supervised = append(supervised, f)
		}
	}
	return supervised, suggestions
}

// suggestionProblem is the paragraph of 存在问题 on the 建议提案 past their deadline, the
// longest overdue first, at most maxNamedOverdue named.
func suggestionProblem(r *sheets.Report, overdue []sheets.Flagged) bulletin.Paragraph {
	text := namedOverdue(fmt.Sprintf(problemSuggestionsText, sheets.CNDate(r.AsOf), len(overdue)), overdue, func(f sheets.Flagged) string {
		return fmt.Sprintf(problemSuggestionItem, f.Item.Lead, trimEnd(f.Item.Content), f.Item.Category+f.Item.ID, f.Days)
	})
	return bulletin.Paragraph{Heading: problemSuggestions, Text: text}
}
