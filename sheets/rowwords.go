package sheets

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/duban/duban/internal/zhtext"
)

// readDeadline reads a 完成时限 as units write it (SPEC §4.2): punctuation and spaces around
// it do not count (2024年10月底前；), and a text that begins with a no-deadline word of the
// dictionary means 无明确时限 (常态化开展, 持续跟进) — unless it also names a date
// (持续推进，2024年6月底前完成), which is an error: whether the item has a deadline is the
// unit's to say, not duban's to guess. A text the dictionary does not know is read by its
// meaning: a no-deadline phrasing (noDeadlineByMeaning), or a date followed by words about
// the work (9月30日前全面完成, 2024年10月底前建成投用), which is that date — as task-breakdown
// documents write their deadlines ("2022年10月底前…", see the [无明确时限] section of
// templates/dictionary.txt).
func (v *Validator) readDeadline(raw string, year int, date1904 bool) (Deadline, error) {
	s := TrimPunct(strings.TrimSpace(raw))
	if w, dated := v.dict.NoDeadlineWord(s); w != "" {
		if dated {
			return Deadline{}, fmt.Errorf(msgNoDeadlineDated, w, w)
		}
		return Deadline{None: true}, nil
	}
	dl, err := ParseDeadline(s, v.dict, year, date1904)
	if err == nil || !errors.Is(err, errDeadlineUnknown) {
		return dl, err
	}
	if noDeadlineByMeaning(s) {
		return Deadline{None: true}, nil
	}
	if date, _, ok := zhtext.DateLead(s); ok {
		return ParseDeadline(date, v.dict, year, date1904)
	}
	return dl, err
}

// lead returns a row's 牵头单位 and 配合单位. A 牵头单位 cell naming several units (SPEC §3.1)
// gives one lead — the one marked 牵头, else the first listed — and the others join the row's
// 配合单位, with a notice at the cell. A blank lead stays blank for the caller to fill; the
// caller checks the lead against the dictionary's units.
func (v *Validator) lead(r *RawRow, probs *[]Problem) (lead, co string) {
	cell := strings.TrimSpace(r.Vals[FieldLead])
	co = strings.TrimSpace(r.Vals[FieldCo])
	s := splitLeadKnown(cell, v.dict.knownUnit)
	if !s.several() {
		return s.lead, co
	}
	for i, u := range s.others {
		s.others[i], _ = v.dict.Unit(u) // a known unit by its name; an unknown one as written
	}
	others := "“" + strings.Join(s.others, "、") + "”"
	n := len(s.others) + 1
	var msg string
	switch {
	case s.marked > 1:
		msg = fmt.Sprintf(msgLeadMarks, n, s.marked, s.lead, others)
	case s.marked == 1:
		msg = fmt.Sprintf(msgLeadMarked, n, s.lead, others)
	default:
		msg = fmt.Sprintf(msgLeadFirst, n, s.lead, others)
	}
	*probs = append(*probs, Problem{Pos: r.Cell(FieldLead), Scope: ScopeCell, Level: Notice, Kind: SeveralLeads, Field: FieldLead.String(), Raw: cell, Msg: msg})
	return s.lead, mergeCo(s.lead, s.others, co)
}

// rowStatus reads the row's 落实状态, which checkErrors found readable, and its 完成日期. A
// status read by meaning rather than found whole in the dictionary is a notice at its cell
// (SPEC §4.3); the date in the bracketed remark of a finished one (已办结（6月3日）) is the
// 完成日期 when that cell is empty.
func (v *Validator) rowStatus(p *parsedRow, probs *[]Problem) (Status, time.Time) {
	r, in := p.r, &p.in
	sr := p.status
	done := p.dates.done
	if !sr.meaning {
		return sr.class, done
	}
	msg := fmt.Sprintf(msgStatusMeaning, in.Status, sr.class)
	if sr.date != "" && r.Blank(FieldDone) {
		if t, ok := remarkDay(sr.date, p.dates.year, r.Date1904); ok {
			done = t
			msg += fmt.Sprintf(msgStatusRemarkDate, sr.date, t.Format(time.DateOnly))
		}
	}
	*probs = append(*probs, Problem{Pos: r.Cell(FieldStatus), Scope: ScopeCell, Level: Notice, Kind: StatusMeaning, Field: FieldStatus.String(), Raw: in.Status, Msg: msg})
	return sr.class, done
}

// remarkDay reads the day a status remark names; one written without its year takes year.
func remarkDay(s string, year int, date1904 bool) (time.Time, bool) {
	t, err := ParseDate(s, date1904)
	if err == nil {
		return t, !t.IsZero()
	}
	if errors.Is(err, errDateNoYear) {
		if dl, err := ParseDeadline(s, nil, year, date1904); err == nil && dl.YearInferred {
			return dl.Date, true
		}
	}
	return time.Time{}, false
}

// deadlineNotice adds to probs the notice of a 完成时限 read as 无明确时限 by its meaning
// rather than by the dictionary (SPEC §4.2).
func (v *Validator) deadlineNotice(r *RawRow, raw string, dl Deadline, probs *[]Problem) {
	s := TrimPunct(strings.TrimSpace(raw))
	if !dl.None || s == "" || v.dict.IsNoDeadline(s) {
		return
	}
	if w, _ := v.dict.NoDeadlineWord(s); w != "" {
		return
	}
	*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Notice, Kind: NoDeadlineMeaning, Field: FieldDeadline.String(),
		Raw: raw, Msg: fmt.Sprintf(msgNoDeadlineMeaning, raw)})
}

// noDeadlineByMeaning reports whether a 完成时限 text the dictionary does not know says there
// is no deadline (SPEC §4.2): a dash or slash alone (—, －, /), a limit denied (无, 不限,
// 不设时限, 无明确时限), or work that goes on or recurs (常年, 按年度推进, 长效推进, 每季度) with no
// date in it. Task-breakdown documents write the undated tasks so: "持续深化…""长期坚持…" beside
// "2022年10月底前…" (see the [无明确时限] section of templates/dictionary.txt).
func noDeadlineByMeaning(s string) bool {
	k := zhtext.Normalize(s)
	if k == "" {
		return false
	}
	if strings.Trim(k, "—―－-─━/／\\~～") == "" {
		return true
	}
	k = TrimPunct(k)
	if rest, ok := cutWord(k, limitDenied); ok {
		rest = cutAll(rest, []string{"明确", "固定", "具体", "设"})
		if slices.Contains(limitWords, rest) && (rest != "" || k == "无" || k == "不限" || k == "未定" || k == "不定") {
			return true
		}
	}
	if rest, ok := cutWord(k, continuingWords); ok {
		return !mentionsDate(rest)
	}
	return false
}

var (
	// a time limit denied: 无, 不限, 不设时限, 无明确时限, 未设完成时限
	limitDenied = []string{"暂无", "没有", "无需", "不设", "未设", "未定", "不定", "不限", "无", "不"}
	limitWords  = []string{"", "时限", "期限", "时间", "时间要求", "时限要求", "限", "限时", "限制", "截止时间", "完成时限", "时间节点"}
	// work that goes on or recurs: 常年, 长效推进, 按年度推进, 每季度调度
	continuingWords = []string{"常年", "长年", "长期", "长效", "常态化", "常态", "持续", "经常性", "经常", "每半年", "每季度", "每年",
		"每季", "每月", "每周", "按年度", "按季度", "按年", "按季", "按月", "逐年", "年年", "定期", "动态", "日常", "常抓不懈"}
)

// decimalMonth reports whether a number cell's value is a month typed as a decimal (2024.6,
// 2023.1): 2023.10 and 2023.1 are one number, so no reading of it is safe (SPEC §4.2).
func decimalMonth(v string) bool {
	y, m, ok := strings.Cut(strings.TrimSpace(v), ".")
	if !ok || len(y) != 4 || len(m) == 0 || len(m) > 2 {
		return false
	}
	for _, c := range y + m {
		if c < '0' || c > '9' {
			return false
		}
	}
	return y >= "2000" && y <= "2100"
}

// placeholder reports whether a cell holds only marks that stand for nothing (—, /, ——, -),
// as a clerk fills a cell that has nothing to say: no 事项内容 (SPEC §5).
func placeholder(v string) bool {
	if strings.ContainsFunc(v, unicode.IsLetter) { // any text: not to be normalized on every row
		return false
	}
	k := zhtext.Normalize(v)
	return k != "" && strings.Trim(k, "—―－-─━/／\\~～.。、,，") == ""
}

// knownUnit reports whether the dictionary lists u among its units.
func (d *Dict) knownUnit(u string) bool {
	_, ok := d.unit[zhtext.Normalize(u)]
	return ok
}

// noColumnMessageAt says which column the row's sheet lacks; a sheet without 落实状态 whose
// progress column holds a percentage (完成进度: 80%) is told that a percentage says nothing of
// whether the item is done, and what to write instead (SPEC §3).
func (v *Validator) noColumnMessageAt(f Field, r *RawRow) string {
	if p := strings.TrimSpace(r.Vals[FieldProgress]); f == FieldStatus && p != "" && isPercent(p) {
		return fmt.Sprintf(msgStatusByPercent, ColumnName(r.Cols[FieldProgress]), p)
	}
	return v.noColumnMessage(f)
}

// isPercent reports whether a cell is a percentage alone (80%, 完成80%, 百分之八十).
func isPercent(s string) bool {
	k := strings.TrimRight(zhtext.Normalize(s), "。.；;，,")
	return utf8.RuneCountInString(k) <= 8 && (strings.HasSuffix(k, "%") || strings.Contains(k, "百分之"))
}

// sheetKey names one sheet of one file.
type sheetKey struct{ file, sheet string }

func sheetOf(r *RawRow) sheetKey { return sheetKey{r.Pos.File, r.Pos.Sheet} }

// blankStatusSheets returns the sheets whose 落实状态 column is blank in every one of their rows
// (at least two). Such a sheet shows the status some other way — by fill colours or marks,
// which duban does not read — and its rows' errors say so, with what to write instead (SPEC §3).
func blankStatusSheets(rows []RawRow) map[sheetKey]bool {
	n := map[sheetKey]int{}
	for i := range rows {
		k := sheetOf(&rows[i])
		switch {
		case n[k] < 0:
		case rows[i].Cols[FieldStatus] > 0 && rows[i].Blank(FieldStatus):
			n[k]++
		default:
			n[k] = -1 // a status written, or no status column
		}
	}
	out := map[sheetKey]bool{}
	for k, c := range n {
		if c >= 2 {
			out[k] = true
		}
	}
	return out
}
