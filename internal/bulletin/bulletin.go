// Package bulletin lays out the 督查通报 (SPEC §9.4) as a Word document from plain data: the
// masthead of a 简报, the title, the body in three sections, the 落款 and the item table as
// 附件, on the page of GB/T 9704-2012. It decides nothing about 督办: the caller brings every
// sentence and row; this package only puts them where a 公文 has them.
//
//	[mark]                                  密级 or 内部资料 mark, top left, 3号 黑体
//	              督查通报                    刊名, red 方正小标宋简体, centred
//	               第N期                     (第　期 when no number is given)
//	制表单位                      2024年12月20日
//	━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ red rule
//	            关于……的通报                  2号 方正小标宋简体, centred
//	    一、总体情况                          3号 黑体; （一） 3号 楷体; text 3号 仿宋
//	    ……
//	    附件：督查事项落实情况表
//	                          制表单位        落款, right-aligned
//	                      2024年12月20日
//	(new page) 附件 / title / table, its header row on every page
//
// Numbers of headings are literal text, not Word numbering (WPS and older Word number
// differently). Page numbers `— N —` sit at the outer edge: odd pages right, even pages left.
package bulletin

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/duban/duban/internal/docxout"
	"github.com/duban/duban/internal/zhtext"
)

// Description is the mark in the document properties by which duban knows a 通报 it wrote,
// beside the marks of its workbooks (duban-report, duban-template, duban-annotated).
const Description = "duban-bulletin"

// Bulletin is everything a 通报 prints.
type Bulletin struct {
	Name   string    // 刊名; empty: 督查通报
	Issue  int       // 期号; 0 prints 第　期, for the clerk to fill in
	Office string    // 制表单位: in the masthead and the 落款
	Date   time.Time // the as-of date: in the masthead and the 落款; zero leaves blanks
	Mark   string    // printed top left when set (内部资料　注意保存, a 密级)
	Title  string    // 关于……的通报

	// The three sections, each omitted when empty; they are numbered 一、二、三、 in the order
	// printed.
	Overview     []Paragraph // 一、总体情况
	Problems     []Paragraph // 二、存在问题
	Requirements []Paragraph // 三、下一步工作要求

	Annex Annex

	// Document properties.
	Creator string    // the program and version, e.g. duban 1.4
	Created time.Time // zero writes none
}

// Paragraph is a paragraph of the body. A Heading is a second-level heading in 楷体, numbered
// （一）（二）… within its section: on a line of its own when Text is empty, else followed on
// the same line by Text in 仿宋.
type Paragraph struct {
	Heading string
	Text    string
}

// Annex is the item table on a page of its own after the 落款.
type Annex struct {
	Title string // empty: 督查事项落实情况表
	Items []Item // none: no 附件
}

// Item is one row of the 附件 table; 序号 is its place.
type Item struct {
	Content  string // 事项内容
	Unit     string // 牵头单位
	Deadline string // 完成时限, as it should print (2024年12月31日, 长期)
	Status   string // 落实状态
	Alert    string // 预警: 逾期, 临期, 无明确时限 or empty
	Urgent   bool   // Alert printed in red (逾期)
}

// Write writes b as a .docx package to w.
func Write(w io.Writer, b Bulletin) error {
	return Document(b).Write(w)
}

// Document lays b out as a document, to write or to add to.
func Document(b Bulletin) *docxout.Document {
	d := docxout.New(docxout.GovPage())
	d.Props = docxout.Props{
		Application: "duban",
		Company:     b.Office,
		Creator:     b.Creator,
		Title:       b.Title,
		Description: Description,
		Created:     b.Created,
	}
	d.Footer = []docxout.Para{docxout.PageNumber(docxout.Right, docxout.FontSong, docxout.Size4)}
	d.FooterEven = []docxout.Para{docxout.PageNumber(docxout.Left, docxout.FontSong, docxout.Size4)}
	d.Add(masthead(b, d.Page)...)
	d.Add(title(b.Title, d.Page)...)
	d.Add(body(b)...)
	d.Add(signature(b, d.Page)...)
	d.Add(annex(b.Annex, d.Page)...)
	return d
}

// date is t as a 公文 writes it (2024年12月20日), or blanks to fill in.
func date(t time.Time) string {
	if t.IsZero() {
		return blankDate
	}
	return t.Format("2006年1月2日")
}

// Fonts in the 通报.
var (
	runBody    = docxout.Run{Font: docxout.FontFangSong, Size: docxout.Size3}
	runHeading = docxout.Run{Font: docxout.FontHei, Size: docxout.Size3}
	runSub     = docxout.Run{Font: docxout.FontKai, Size: docxout.Size3}
	runTitle   = docxout.Run{Font: docxout.FontXiaoBiaoSong, Size: docxout.Size2}
)

func masthead(b Bulletin, page docxout.Page) []docxout.Block {
	var out []docxout.Block
	if b.Mark != "" {
		p := docxout.Text(b.Mark, runHeading)
		p.Align = docxout.Left
		out = append(out, p)
	}
	name := b.Name
	if name == "" {
		name = defaultName
	}
	head := docxout.Text(name, docxout.Run{Font: docxout.FontXiaoBiaoSong, Size: docxout.SizeChu, Color: docxout.Red})
	head.Align, head.NoGrid, head.Line = docxout.Center, true, docxout.Pt(60)
	if b.Mark == "" {
		head.Before = docxout.Pt(12)
	}
	issue := blankIssue
	if b.Issue > 0 {
		issue = fmt.Sprintf(issueFormat, b.Issue)
	}
	num := docxout.Text(issue, runBody)
	num.Align, num.Before = docxout.Center, docxout.Pt(6)
	// 制表单位 left and the date right, one character in from each side, over the red rule
	// as wide as the type area (so the indent is the first line's, and a tab stop's).
	line := docxout.Text(b.Office+"\t"+date(b.Date), runBody)
	line.Align, line.FirstLine = docxout.Left, 1
	line.Tabs = []docxout.Tab{{Pos: page.TextWidth() - docxout.Pt(docxout.Size3), Align: docxout.Right}}
	line.Rule = &docxout.Border{Size: 16, Color: docxout.Red}
	line.After = docxout.Pt(24)
	return append(out, head, num, line)
}

func title(t string, page docxout.Page) []docxout.Block {
	p := docxout.Text(breakTitle(t, page.TextWidth()), runTitle)
	p.Align, p.NoGrid, p.Line, p.After = docxout.Center, true, docxout.Pt(36), docxout.Pt(29)
	p.KeepNext = true
	return []docxout.Block{p}
}

func body(b Bulletin) []docxout.Block {
	var out []docxout.Block
	n := 0
	for _, s := range []struct {
		heading string
		paras   []Paragraph
	}{
		{headingOverview, b.Overview},
		{headingProblems, b.Problems},
		{headingRequirements, b.Requirements},
	} {
		if len(s.paras) == 0 {
			continue
		}
		n++
		h := docxout.Text(numeral(n)+"、"+s.heading, runHeading)
		h.FirstLine, h.KeepNext = 2, true
		out = append(out, h)
		sub := 0
		for _, p := range s.paras {
			out = append(out, paragraph(p, &sub))
		}
	}
	return out
}

// paragraph lays out one body paragraph; sub counts the section's second-level headings.
func paragraph(p Paragraph, sub *int) docxout.Para {
	out := docxout.Para{FirstLine: 2}
	if p.Heading != "" {
		*sub++
		h := runSub
		h.Text = "（" + numeral(*sub) + "）" + p.Heading
		out.Runs = append(out.Runs, h)
		if p.Text == "" {
			out.KeepNext = true
		}
	}
	if p.Text != "" {
		t := runBody
		t.Text = p.Text
		out.Runs = append(out.Runs, t)
	}
	return out
}

// breakTitle breaks a title wider than one line of 2号 type before its closing words, so that
// the break falls between words and not where the line runs out (确定事｜项). A title with a
// line break of its own, or with no such words, is left as it is.
func breakTitle(t string, width docxout.Length) string {
	fits := func(s string) bool { return chars(s)*docxout.Size2*20 <= float64(width) }
	if strings.Contains(t, "\n") || fits(t) {
		return t
	}
	for _, tail := range titleTails {
		if i := strings.LastIndex(t, tail); i > 0 && fits(t[:i]) && fits(t[i:]) {
			return t[:i] + "\n" + t[i:]
		}
	}
	return t
}

// signature is the 附件说明 and the 落款 of GB/T 9704-2012 7.3.5.2 (a document without a
// seal): a blank line after the text, the unit two characters in from the right, the date
// on the next line starting two characters right of the unit's start — or, when the date is
// the longer, the date two characters in and the unit moved left to keep the offset.
func signature(b Bulletin, page docxout.Page) []docxout.Block {
	var out []docxout.Block
	before := page.LinePitch() // 空一行
	if len(b.Annex.Items) > 0 {
		p := docxout.Text(fmt.Sprintf(annexNoteFormat, annexTitle(b.Annex)), runBody)
		p.FirstLine, p.Before = 2, before
		out = append(out, p)
	}
	d := date(b.Date)
	wu, wd := chars(b.Office), chars(d)
	ru, rd := 2.0, 2+wu-2-wd
	if rd < 2 {
		rd = 2
		ru = rd + wd + 2 - wu
	}
	if b.Office != "" {
		u := docxout.Text(b.Office, runBody)
		u.Align, u.Right, u.Before, u.KeepNext = docxout.Right, ru, before, true
		out = append(out, u)
		before = 0
	}
	dp := docxout.Text(d, runBody)
	dp.Align, dp.Right, dp.Before = docxout.Right, rd, before
	return append(out, dp)
}

// chars is the width of s in characters of its size (a half-width digit is half of one).
func chars(s string) float64 { return float64(zhtext.Width(s)) / 2 }

func annexTitle(a Annex) string {
	if a.Title != "" {
		return a.Title
	}
	return defaultAnnexTitle
}

// numeral writes n (1…99) in Chinese numerals as headings are numbered: 一, 十, 十一, 二十一.
func numeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return fmt.Sprint(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
