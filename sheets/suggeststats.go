package sheets

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// suggestion counts an item of a 建议 category in its category's row of the 建议提案 table.
func (t *tally) suggestion(it *Item, overdue bool) {
	s := t.suggestions[it.Category]
	if s == nil {
		s = &SuggestionStats{Name: it.Category}
		t.suggestions[it.Category] = s
	}
	s.add(it, overdue)
	t.r.SuggestionTotal.add(it, overdue)
}

// listSuggestions puts the 建议 categories into the report in dictionary order.
func (t *tally) listSuggestions(d *Dict) {
	r := t.r
	for _, s := range t.suggestions {
		r.Suggestions = append(r.Suggestions, *s)
	}
	slices.SortFunc(r.Suggestions, func(a, b SuggestionStats) int {
		return cmp.Or(cmp.Compare(d.CategoryIndex(a.Name), d.CategoryIndex(b.Name)), strings.Compare(a.Name, b.Name))
	})
	r.SuggestionTotal.Name = "合计"
}

// suggestionSentence is the narrative's sentence on the 建议提案 in the form offices publish
// it: 承办人大代表建议117件、政协委员提案89件，办复率100%，满意率98.1% (SPEC §9.5) — the 满意率
// only when some answer has a 满意度, and the items still open past their deadline when there
// are any; "" when there are no 建议提案. Published forms: 湘阴 "县政府承办人大代表建议117件…
// 承办政协提案139件" (http://www.xiangyin.gov.cn/31176/31178/content_1312811.html); 即墨
// "办复率和满意率均达100%" (http://www.jimo.gov.cn/zwgk/bmxxgk/jtys/zdgk/ndzdgz/202302/t20230202_6832537.shtml).
func suggestionSentence(r *Report) string {
	if len(r.Suggestions) == 0 {
		return ""
	}
	parts := make([]string, len(r.Suggestions))
	for i, s := range r.Suggestions {
		parts[i] = fmt.Sprintf(partSuggestion, s.Name, s.Items)
	}
	all := r.SuggestionTotal
	b := fmt.Sprintf(sentenceSuggestions, strings.Join(parts, "、"), publishedPercent(all.Replied, all.Items))
	if n := all.Rated(); n > 0 {
		b += fmt.Sprintf(sentenceSatisfied, publishedPercent(all.Satisfied+all.Basic, n))
	}
	if all.Overdue > 0 {
		b += fmt.Sprintf(sentenceSuggestionsLate, all.Overdue)
	}
	return b + "。"
}

// publishedPercent is Percent as 建议提案 summaries print it: a whole percentage without its
// .0 (办复率100%, 满意率99%), else one decimal (满意率98.1%).
func publishedPercent(num, den int) string {
	p := Percent(num, den)
	return strings.Replace(p, ".0%", "%", 1)
}
