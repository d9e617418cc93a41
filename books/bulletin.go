package books

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/sheets"
)

// The 通报 (SPEC §9.4): the Word document beside a briefing (duban brief) or a report
// (duban report --docx), laid out by internal/bulletin from what the workbook shows. Its
// 一、总体情况 is the workbook's own narrative, taken as it stands (briefLead, summaryLead),
// with a report's lines on extensions and progress against schedule (ProgressNotes): one
// source for both, so that the figures cannot differ. 二、存在问题 names the overdue
// items and what the figures leave out; units are not ranked (offices rank in a separate 考核
// 通报). 三、下一步工作要求 is the dictionary's paragraphs, then its contact.

// Words of the 通报 that duban writes itself.
const (
	bulletinBriefTitle   = "关于%s议定事项落实情况的通报"
	bulletinReportTitle  = "关于%d年度督查事项落实情况的通报"
	bulletinBriefAnnex   = "%s议定事项落实情况表"
	bulletinReportAnnex  = "未落实督查事项清单"
	bulletinReportSuffix = "_通报.docx"

	problemOverdue     = "部分事项逾期未落实。"
	problemOverdueText = "截至%s，逾期事项%d项："
	problemOverdueItem = "%s负责的“%s”，已逾期%d天"
	problemOverdueMore = "。以上是逾期最久的%d项，全部%d项见附件"
	problemNoOverdue   = "截至%s，未发现逾期未落实的事项。"
	problemLimits      = "部分事项未能计入。"
	problemUnheard     = "部分单位的落实情况未能计入。"
	problemMissing     = "部分交办事项漏报。"
	contactLine        = "联系人：%s"
	phoneLine          = "联系电话：%s"
	deadlineNone       = "未明确"
)

// maxNamedOverdue is the most overdue items 存在问题 names one by one; the 附件 lists them all.
const maxNamedOverdue = 10

// maxHeading is the longest first sentence of a 下一步工作要求 paragraph (its full stop
// included) that is printed as the paragraph's 楷体 heading.
const maxHeading = 16

// BriefBulletinName is the file name of a briefing's 通报: <title>_<YYYYMMDD>.docx, the
// meeting named as offices say it (关于市政府第14次常务会议议定事项落实情况的通报_20241220.docx).
func BriefBulletinName(b *sheets.Briefing) string {
	return SafeName(fmt.Sprintf(bulletinBriefTitle, sheets.SpokenMeeting(b.Meeting))) + "_" + b.AsOf.Format("20060102") + ".docx"
}

// BriefBulletinPath is where a briefing's 通报 goes: beside the briefing workbook at book.
func BriefBulletinPath(book string, b *sheets.Briefing) string {
	return filepath.Join(filepath.Dir(book), BriefBulletinName(b))
}

// ReportBulletinPath is where report --docx writes the period's 通报: <report name without
// .xlsx>_通报.docx beside the report.
func ReportBulletinPath(report string) string {
	return strings.TrimSuffix(report, filepath.Ext(report)) + bulletinReportSuffix
}

// BulletinOutput is the 通报 b to save at path with SaveFiles, beside the workbook it goes with.
func BulletinOutput(path string, b bulletin.Bulletin) Output {
	return Output{Path: path, Write: func(w io.Writer) error { return bulletin.Write(w, b) }}
}

// BriefBulletin is the 通报 on the meeting of the briefing b, made from the report r it was
// drawn from, with the dictionary's masthead and requirements and the 期号 issue (0: blank).
func BriefBulletin(b *sheets.Briefing, r *sheets.Report, d *sheets.Dict, issue int) bulletin.Bulletin {
	overview, limits := briefLead(b, r)
	var overdue []sheets.Flagged
	undated := false
	for _, f := range r.Overdue {
		if f.Item.Alert == alertOverdue && slices.Contains(b.Items, f.Item) {
			overdue = append(overdue, f)
		}
	}
	for _, it := range b.Items {
		undated = undated || it.Alert == sheets.AlertNoDeadline
	}
	out := masthead(r, d, issue, len(overdue) > 0, undated)
	out.Title = fmt.Sprintf(bulletinBriefTitle, sheets.SpokenMeeting(b.Meeting))
	out.Overview = texts(overview)
	out.Problems = problems(r, overdue, leftOut(problemLimits, limits), leftOut(problemUnheard, b.Unheard))
	out.Annex = bulletin.Annex{Title: fmt.Sprintf(bulletinBriefAnnex, sheets.SpokenMeeting(b.Meeting)), Items: annexItems(b.Items)}
	return out
}

// ReportBulletin is the period's 通报 of the report r (report --docx); its 附件 lists the open
// items, 逾期 first, then 临期 and 无明确时限, as the report's lists do.
func ReportBulletin(r *sheets.Report, d *sheets.Dict, issue int) bulletin.Bulletin {
	overview, _ := summaryLead(r)
	year := r.Year
	if year == 0 {
		year = r.AsOf.Year()
	}
	// The 附件 lists the supervised items the text counts; overdue 建议提案 have their own
	// paragraph (SPEC §9.5: counted apart).
	var open []*sheets.Item
	for _, f := range r.Overdue {
		open = append(open, f.Item)
	}
	for _, f := range r.DueSoon {
		open = append(open, f.Item)
	}
	open = append(open, r.NoDeadline...)
	open = slices.DeleteFunc(open, func(it *sheets.Item) bool { return it.Kind == sheets.KindSuggestion })
	out := masthead(r, d, issue, len(r.Overdue) > 0, len(r.NoDeadline) > 0)
	out.Title = fmt.Sprintf(bulletinReportTitle, year)
	out.Overview = texts(append(overview, r.ProgressNotes()...))
	supervised, suggestions := splitSuggestions(r.Overdue)
	lost := [][]bulletin.Paragraph{leftOut(problemLimits, r.BulletinLimits()), leftOut(problemMissing, r.Expect.Line(false))}
	switch {
	case len(suggestions) == 0:
		out.Problems = problems(r, supervised, lost...)
	case len(supervised) == 0: // no claim that nothing is overdue: the 建议提案 are
		out.Problems = append([]bulletin.Paragraph{suggestionProblem(r, suggestions)}, slices.Concat(lost...)...)
	default: // after the supervised items', before what the figures leave out
		out.Problems = problems(r, supervised, lost...)
		out.Problems = slices.Insert(out.Problems, 1, suggestionProblem(r, suggestions))
	}
	out.Annex = bulletin.Annex{Title: bulletinReportAnnex, Items: annexItems(open)}
	return out
}

// masthead fills what every 通报 of r carries: the dictionary's 刊名 and mark, the office and
// the date, the requirements and the contact, and the document properties. overdue and undated
// tell whether the 通报 names overdue items and items without a deadline: a requirement about
// them is printed only then (sheets.Dict.Requirements).
func masthead(r *sheets.Report, d *sheets.Dict, issue int, overdue, undated bool) bulletin.Bulletin {
	b := bulletin.Bulletin{
		Name: d.Journal, Issue: max(issue, 0), Office: r.Office, Date: r.AsOf, Mark: d.Mark,
		Creator: sheets.ReportApplication, Created: r.Created,
	}
	for _, p := range d.Requirements {
		req := requirement(p)
		switch sheets.RequirementTopic(p) {
		case sheets.AlertOverdue:
			if !overdue {
				continue
			}
		case sheets.AlertNoDeadline:
			if !undated {
				continue
			}
		}
		b.Requirements = append(b.Requirements, req)
	}
	var contact []string
	if d.Contact != "" {
		contact = append(contact, fmt.Sprintf(contactLine, d.Contact))
	}
	if d.Phone != "" {
		contact = append(contact, fmt.Sprintf(phoneLine, d.Phone))
	}
	if len(contact) > 0 {
		b.Requirements = append(b.Requirements, bulletin.Paragraph{Text: strings.Join(contact, "，") + "。"})
	}
	return b
}

// requirement is a paragraph of 下一步工作要求: its first sentence, when short, is its heading
// (压实工作责任。各牵头单位要……).
func requirement(p string) bulletin.Paragraph {
	if i := strings.Index(p, "。"); i > 0 && i+len("。") < len(p) && utf8.RuneCountInString(p[:i])+1 <= maxHeading {
		return bulletin.Paragraph{Heading: p[:i+len("。")], Text: p[i+len("。"):]}
	}
	return bulletin.Paragraph{Text: p}
}

// briefLead is the briefing's narrative as the workbook shows it, and the sentence counting
// apart the meeting's rows excluded by errors when the narrative ends with it, which the 通报
// moves to 存在问题.
func briefLead(b *sheets.Briefing, r *sheets.Report) (overview []string, limits string) {
	n := b.Narrative
	if l := b.Apart; l != "" && strings.HasSuffix(n, l) && len(n) > len(l) {
		n, limits = strings.TrimSuffix(n, l), b.ApartBulletin
	}
	return []string{n}, limits
}

// leftOut is a paragraph of 存在问题 on what the figures leave out, under heading; none for
// an empty text. A sentence of 汇总 loses its 注：.
func leftOut(heading, text string) []bulletin.Paragraph {
	if text == "" {
		return nil
	}
	return []bulletin.Paragraph{{Heading: heading, Text: strings.TrimPrefix(text, "注：")}}
}

// problems is 二、存在问题: the overdue items by unit, then what the figures leave out (left,
// from leftOut).
func problems(r *sheets.Report, overdue []sheets.Flagged, left ...[]bulletin.Paragraph) []bulletin.Paragraph {
	asOf := sheets.CNDate(r.AsOf)
	lost := slices.Concat(left...)
	var ps []bulletin.Paragraph
	switch {
	case len(overdue) == 0 && len(lost) > 0:
		// what was left out may be overdue: no claim that nothing is (SPEC §9.1)
	case len(overdue) == 0:
		ps = append(ps, bulletin.Paragraph{Text: fmt.Sprintf(problemNoOverdue, asOf)})
	default:
		text := namedOverdue(fmt.Sprintf(problemOverdueText, asOf, len(overdue)), overdue, func(f sheets.Flagged) string {
			return fmt.Sprintf(problemOverdueItem, f.Item.Lead, trimEnd(f.Item.Content), f.Days)
		})
		ps = append(ps, bulletin.Paragraph{Heading: problemOverdue, Text: text})
	}
	return append(ps, lost...)
}

// namedOverdue is a sentence of 存在问题: head, then the overdue items as item names them,
// separated by ；, at most maxNamedOverdue of them.
func namedOverdue(head string, overdue []sheets.Flagged, item func(sheets.Flagged) string) string {
	var s strings.Builder
	s.WriteString(head)
	for i, f := range overdue {
		if i == maxNamedOverdue {
			fmt.Fprintf(&s, problemOverdueMore, maxNamedOverdue, len(overdue))
			break
		}
		if i > 0 {
			s.WriteString("；")
		}
		s.WriteString(item(f))
	}
	s.WriteString("。")
	return s.String()
}

// annexItems are the rows of the 附件 table.
func annexItems(items []*sheets.Item) []bulletin.Item {
	out := make([]bulletin.Item, 0, len(items))
	for _, it := range items {
		a := bulletin.Item{Content: it.Content, Unit: it.Lead, Deadline: deadlineNone, Status: it.Status.String(), Alert: it.Alert}
		if it.HasDeadline() {
			a.Deadline = sheets.CNDate(it.Deadline)
		}
		if a.Alert == sheets.AlertNormal {
			a.Alert = ""
		}
		a.Urgent = it.Alert == alertOverdue
		out = append(out, a)
	}
	return out
}

func texts(ss []string) []bulletin.Paragraph {
	var ps []bulletin.Paragraph
	for _, s := range ss {
		if s != "" {
			ps = append(ps, bulletin.Paragraph{Text: s})
		}
	}
	return ps
}

// trimEnd drops the closing punctuation of an item's content, which the sentence supplies.
func trimEnd(s string) string {
	return strings.TrimRightFunc(strings.TrimSpace(s), func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) })
}
