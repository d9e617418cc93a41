package sheets

import (
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/zhtext"
)

// Extensions (延期, SPEC §4.2). An office approves a new deadline for an item that cannot be
// done in time, and the approval names the date: "延期申请应写明申请延期的原因和预计完成时间…在批复
// 申请人时，应明确具体完成时间" (a 督查办法, http://www.creditsailing.com/GuiZhangZhiDu/295240-3.html);
// "向厅分管领导申请延期办结时限，并说明原因，经同意后方可延期" (a 限时办结 rule,
// http://www.fsou.net.cn/html/text/lar/170496/17049659_1.html). Ledgers record it in a column
// (调整后时限, 延期至) or in the status (已延期（至2025年3月31日）, 同意延期至2025年3月31日); 督办清单
// use the statuses 申请延期 and 已延期 (templates/dictionary.txt). An approved extension is the
// deadline the item is measured against, and the original stays visible (原定时限); a request
// not yet approved changes nothing (按原定时间考核).

// extensionKind is what a status says of an extension.
type extensionKind uint8

const (
	extNone      extensionKind = iota
	extApproved                // 已延期, 同意延期, 经批准延期
	extRequested               // 申请延期: not approved
)

// extension is an extension a status names, with the new date as written ("" if none).
type extension struct {
	kind extensionKind
	word string // the status word without the date: 已延期
	date string
}

// The status words of an extension, longest first where one begins another.
var (
	extRequestWords  = []string{"已申请延期", "拟申请延期", "申请延期中", "延期申请中", "申请延期", "延期申请"}
	extApprovedWords = []string{"经批准延期", "已批准延期", "已同意延期", "经同意延期", "同意延期", "批准延期", "获批延期",
		"准予延期", "已延期"}
	// before the new date: 已延期至2025年3月31日, （延期至3月底）
	extDateWords = []string{"延期至", "延期到", "调整为", "调整至", "延至", "至", "到"}
)

// extensionOf reads the extension a 落实状态 names: approved or requested, and the new date,
// after the word (已延期至2025年3月31日) or in a bracketed remark (已延期（至2025年3月31日）).
// A bare 延期 names an extension only with its date (延期至2025年3月31日).
func extensionOf(raw string) extension {
	if !strings.Contains(raw, "延期") {
		return extension{}
	}
	k := zhtext.Normalize(raw)
	core, remarks := cutRemarks(k)
	core = TrimPunct(core)
	var e extension
	if rest, ok := cutWord(core, extRequestWords); ok {
		e = extension{kind: extRequested, word: strings.TrimSuffix(core, rest), date: rest}
	} else if rest, ok := cutWord(core, extApprovedWords); ok {
		e = extension{kind: extApproved, word: strings.TrimSuffix(core, rest), date: rest}
	} else if rest, ok := strings.CutPrefix(core, "延期"); ok && rest != "" {
		e = extension{kind: extApproved, word: "已延期", date: rest}
	} else {
		return extension{}
	}
	if e.date != "" {
		d, _ := cutWord(e.date, extDateWords)
		if e.date = TrimPunct(d); !namesDay(e.date) {
			return extension{} // 已延期办理, 申请延期两个月: not a date
		}
		return e
	}
	for _, r := range remarks {
		d, _ := cutWord(TrimPunct(strings.TrimSpace(r)), extDateWords)
		if d = TrimPunct(d); namesDay(d) {
			e.date = d
			break
		}
	}
	return e
}

// namesDay reports whether s is a deadline form with a date (2025年3月31日, 3月底前, 2025-03-31).
func namesDay(s string) bool {
	if s == "" {
		return false
	}
	dl, err := ParseDeadline(s, nil, 2000, false)
	return err == nil && !dl.None
}

// rowExtension settles the deadline the row's item is measured against (SPEC §4.2): the
// approved new date of its 调整后时限 cell or of its status (已延期（至2025年3月31日）), else the
// 完成时限; original is the 完成时限 when an extension replaced it, else zero. An approved
// extension is a notice; a request (申请延期) keeps the original deadline, with a notice, and so
// does an approval that names no date.
func (v *Validator) rowExtension(p *parsedRow, probs *[]Problem) (deadline, original time.Time) {
	d, in, r := &p.dates, &p.in, p.r
	deadline = d.deadline.Date
	e := extensionOf(in.Status)
	newDate, at, raw := d.extended.Date, FieldExtended, r.Text(FieldExtended)
	if e.kind == extApproved && e.date != "" {
		if t, ok := v.extensionDate(e.date, p); ok {
			newDate, at, raw = t, FieldStatus, in.Status
		}
	}
	notice := func(msg string, at Field, raw string) {
		*probs = append(*probs, Problem{Pos: r.Cell(at), Scope: ScopeCell, Level: Notice, Kind: DeadlineExtended, Field: at.String(),
			Raw: raw, Msg: msg})
	}
	switch {
	case e.kind == extRequested:
		notice(fmt.Sprintf(msgExtensionRequested, in.Status, shownDate(deadline)), FieldStatus, in.Status)
		return deadline, time.Time{}
	case newDate.IsZero() && e.kind == extApproved:
		notice(fmt.Sprintf(msgExtensionNoDate, in.Status, shownDate(deadline)), FieldStatus, in.Status)
		return deadline, time.Time{}
	case newDate.IsZero() || newDate.Equal(deadline):
		return deadline, time.Time{}
	case deadline.IsZero():
		notice(fmt.Sprintf(msgExtensionOnly, raw, newDate.Format(time.DateOnly)), at, raw)
		return newDate, time.Time{}
	}
	notice(fmt.Sprintf(msgExtended, deadline.Format(time.DateOnly), newDate.Format(time.DateOnly)), at, raw)
	return newDate, deadline
}

// extensionDate reads the new date a status names, with the row's year for a form without one.
func (v *Validator) extensionDate(s string, p *parsedRow) (time.Time, bool) {
	dl, _, err := v.deadline(s, p.dates.meeting, p.dates.year, p.in.Date1904)
	return dl.Date, err == nil && !dl.None
}

// shownDate is a deadline as a notice names it, 无明确时限 for none.
func shownDate(t time.Time) string {
	if t.IsZero() {
		return AlertNoDeadline
	}
	return t.Format(time.DateOnly)
}
