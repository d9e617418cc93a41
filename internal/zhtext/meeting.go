package zhtext

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// MeetingNumber reads the number that identifies a meeting or document in its name: the
// session number of 第5次, 第五次, 第十四次, （第5次）, 第5期; else a document number 〔2023〕5号
// (also with [ ], ［ ］, ( ), （ ）, 【 】, 〖 〗, and 〔2023〕第5号), which gives its year too;
// else 第5号, with the year when written 2023年第5号. A year in 2023年第5次 is not part of a
// session's number. Numbers may be Arabic, full-width or Chinese. With no number num is 0,
// and year is 0 unless num is a document number.
func MeetingNumber(name string) (num, year int) {
	var session, doc, docYear int
	for i := 0; i < len(name); {
		r, w := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == '第':
			v, j, ok := readMeetingNumber(name, i+w)
			if !ok || v == 0 {
				break
			}
			switch r2, _ := nextNonSpace(name, j); r2 {
			case '次', '期':
				if session == 0 {
					session = v
				}
			case '号':
				if doc == 0 {
					doc, docYear = v, yearBefore(name, i)
				}
			}
		case closingBracket(r) != 0:
			if y, v, ok := readDocNumber(name, i+w, closingBracket(r)); ok && doc == 0 {
				doc, docYear = v, y
			}
		}
		i += w
	}
	switch {
	case session > 0:
		return session, 0
	case doc > 0:
		return doc, docYear
	}
	return 0, 0
}

// closingBracket returns the bracket that closes r around the year of a document number.
func closingBracket(r rune) rune {
	switch r {
	case '〔':
		return '〕'
	case '[', '［':
		return ']'
	case '(', '（':
		return ')'
	case '【':
		return '】'
	case '〖':
		return '〗'
	}
	return 0
}

// readDocNumber reads "2023〕5号" (or 〕第5号) from s[i:], the opening bracket just before i.
func readDocNumber(s string, i int, closer rune) (year, num int, ok bool) {
	r, j := nextNonSpace(s, i)
	nd := 0
	for ; nd < 4; nd++ {
		if r = narrow(r); r < '0' || r > '9' {
			return 0, 0, false
		}
		year = year*10 + int(r-'0')
		_, w := utf8.DecodeRuneInString(s[j:])
		r, j = nextNonSpace(s, j+w)
	}
	if r == '］' || r == '）' {
		r = narrow(r)
	}
	if r != closer {
		return 0, 0, false
	}
	_, w := utf8.DecodeRuneInString(s[j:])
	j += w
	if r, k := nextNonSpace(s, j); r == '第' {
		j = k + len("第")
	}
	num, j, ok = readMeetingNumber(s, j)
	if !ok {
		return 0, 0, false
	}
	if r, _ := nextNonSpace(s, j); r != '号' {
		return 0, 0, false
	}
	return year, num, true
}

// yearBefore returns YYYY when s[:i] ends with "YYYY年" (spaces allowed), else 0.
func yearBefore(s string, i int) int {
	s = strings.TrimRightFunc(s[:i], unicode.IsSpace)
	if !strings.HasSuffix(s, "年") {
		return 0
	}
	s = strings.TrimRightFunc(strings.TrimSuffix(s, "年"), unicode.IsSpace)
	y, mul := 0, 1
	for nd := 0; nd < 4; nd++ {
		r, w := utf8.DecodeLastRuneInString(s)
		if r = narrow(r); r < '0' || r > '9' {
			return 0
		}
		y += int(r-'0') * mul
		mul *= 10
		s = s[:len(s)-w]
	}
	return y
}

// nextNonSpace returns the first rune at or after s[i:] that is not a space, and its index;
// 0 at the end.
func nextNonSpace(s string, i int) (rune, int) {
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return r, i
		}
		i += w
	}
	return 0, i
}

// readMeetingNumber reads an Arabic, full-width or Chinese number at s[i:] after optional
// spaces, returning its value and the index after it.
func readMeetingNumber(s string, i int) (v, next int, ok bool) {
	_, i = nextNonSpace(s, i)
	j := i
	arabic := false
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		isArabic := r >= '0' && r <= '9' || r >= '０' && r <= '９'
		isCN := isNumeral(r)
		if j == i {
			arabic = isArabic
		}
		if arabic && !isArabic || !arabic && !isCN {
			break
		}
		j += w
	}
	if j == i {
		return 0, i, false
	}
	v, ok = ParseNumber(s[i:j])
	return v, j, ok
}

// MeetingDay reads the day a meeting is named by when its name carries a date (SPEC §4.1): a
// sheet named 6.20专题会议, 0612常务会 or 7月3日办公会, a 会议 cell 3月15日县长专题会, a title
// 县政府2024年6月20日专题会议议定事项. The date is the first one written in the name: 2024年6月20日
// (or 6月20日, …号), 2024.6.20 (or - /), 6.20, or four digits MMDD (eight yyyymmdd) at the start
// of the name. year is 0 when the name gives none. ok is false when the name has no such
// date, or names an impossible day.
func MeetingDay(name string) (year, month, day int, ok bool) {
	t := dayTokens(name)
	for i := range t {
		if t[i].sym != 0 {
			continue
		}
		if year, month, day, ok = dayAt(t, i); ok {
			y := year
			if y == 0 {
				y = 2000 // a leap year: 2月29日 stays possible until the year is known
			}
			if month < 1 || month > 12 || day < 1 || day > daysInMonth(y, month) ||
				year != 0 && (year < MinYear || year > MaxYear) {
				return 0, 0, 0, false
			}
			return year, month, day, true
		}
	}
	return 0, 0, 0, false
}

// dayTokens splits s into numbers (sym 0, val, nd digits) and other runes, as far as the
// first 16 tokens; full-width digits and dots count as ASCII.
func dayTokens(s string) []dateToken {
	var t []dateToken
	for i := 0; i < len(s) && len(t) < 16; {
		r, w := utf8.DecodeRuneInString(s[i:])
		r = narrow(r)
		if r < '0' || r > '9' {
			if r == '。' || r == '．' {
				r = '.'
			}
			t = append(t, dateToken{sym: r})
			i += w
			continue
		}
		n := dateToken{}
		for i < len(s) {
			r, w = utf8.DecodeRuneInString(s[i:])
			if r = narrow(r); r < '0' || r > '9' || n.nd == 9 {
				break
			}
			n.val, n.nd = n.val*10+int(r-'0'), n.nd+1
			i += w
		}
		t = append(t, n)
	}
	return t
}

// dayAt matches a meeting's date at number token i of t (see MeetingDay).
func dayAt(t []dateToken, i int) (year, month, day int, ok bool) {
	sym := func(k int) rune {
		if k < len(t) {
			return t[k].sym
		}
		return -1
	}
	num := func(k int) bool { return k < len(t) && t[k].sym == 0 }
	after := func(k int) bool { return k >= len(t) || t[k].sym != 0 && t[k].sym != '.' && !isDateSep(t[k].sym) }
	n := t[i]
	switch {
	case i > 0 && t[i-1].sym == '第':
		return 0, 0, 0, false // 第5次
	case n.nd == 4 && sym(i+1) == '年' && num(i+2) && sym(i+3) == '月' && num(i+4) && (sym(i+5) == '日' || sym(i+5) == '号'):
		return n.val, t[i+2].val, t[i+4].val, true
	case n.nd <= 2 && sym(i+1) == '月' && num(i+2) && (sym(i+3) == '日' || sym(i+3) == '号'):
		return 0, n.val, t[i+2].val, true
	case n.nd == 4 && isDateSep(sym(i+1)) && num(i+2) && sym(i+3) == sym(i+1) && num(i+4) && after(i+5):
		return n.val, t[i+2].val, t[i+4].val, true
	case n.nd <= 2 && sym(i+1) == '.' && num(i+2) && t[i+2].nd <= 2 && after(i+3) && (i == 0 || t[i-1].sym != '.'):
		return 0, n.val, t[i+2].val, true
	case i == 0 && n.nd == 4 && after(1) && sym(1) != '年':
		return 0, n.val / 100, n.val % 100, true
	case i == 0 && n.nd == 8 && after(1):
		return n.val / 10000, n.val / 100 % 100, n.val % 100, true
	}
	return 0, 0, 0, false
}
