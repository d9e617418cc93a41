package zhtext

import (
	"errors"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The years a date may fall in; anything else in a ledger of this century is a typing mistake
// (2150年底, 1999年12月31日), reported as a RangeError.
const (
	MinYear = 2000
	MaxYear = 2100
)

// ParseDate parses a text naming one day: 2023-06-30, 2023/6/30, 2023.6.30 (one separator
// throughout), 2023年6月30日 (or …号, 23年…, 二〇二三年…), 20230630, with full-width digits,
// spaces, a time of day or zone after it (2023-06-30T08:30:00+08:00) and the words around a
// date that do not change it (于…, 截至…, …前, …之前, …完成). A day without its year (6月30日)
// gives ErrNoYear, any other text ErrNotDate, an impossible day a *RangeError.
func ParseDate(s string) (time.Time, error) {
	var buf [dateMaxTokens]dateToken
	f, ok := matchDate(tokenizeDate(s, &buf))
	switch {
	case !ok || f.span != spanDay:
		return time.Time{}, ErrNotDate
	case !f.hasYear:
		return time.Time{}, ErrNoYear
	}
	return f.resolve(0)
}

// ParsePeriod parses a text naming a day or a period and returns the period's last day:
// everything ParseDate accepts, a month (2023年6月, 2023-06, 2023年6月底前, 6月底), a year
// (2023年底前, 年底, 2023年内, 2023年年内, 2023年, 2023, 今年), a half-year (2023年上半年,
// 下半年) or a quarter (三季度末, 第三季度, 2023年第3季度, 2023-Q3, Q3). A form without a year
// takes defaultYear and reports yearInferred. A text of no such form gives ErrNotDate, a
// period that does not exist a *RangeError.
func ParsePeriod(s string, defaultYear int) (last time.Time, yearInferred bool, err error) {
	var buf [dateMaxTokens]dateToken
	f, ok := matchDate(tokenizeDate(s, &buf))
	if !ok && strings.Contains(s, "年年") {
		// 2023年年底, 2023年年内: the year said twice, as clerks often write it.
		f, ok = matchDate(tokenizeDate(strings.Replace(s, "年年", "年", 1), &buf))
	}
	if !ok {
		return time.Time{}, false, ErrNotDate
	}
	last, err = f.resolve(defaultYear)
	if err != nil {
		return time.Time{}, false, err
	}
	return last, !f.hasYear, nil
}

// dateToken is one token of a date text: a number (sym 0) or another character.
type dateToken struct {
	sym rune // 0 for a number
	val int
	nd  int // digits written; 0 for a numeral with units such as 十二
}

const dateMaxTokens = 24

// tokenizeDate splits s into numbers (Arabic, full-width or Chinese) and single characters,
// skipping spaces. Full-width ASCII becomes half-width, dashes become '-', q becomes Q. A text
// too long to be a date, or with a malformed numeral, gives no tokens.
func tokenizeDate(s string, buf *[dateMaxTokens]dateToken) []dateToken {
	n := 0
	push := func(t dateToken) bool {
		if n == len(buf) {
			return false
		}
		buf[n] = t
		n++
		return true
	}
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		r = narrow(r)
		switch {
		case r >= '0' && r <= '9':
			// An Arabic number, possibly mixing half- and full-width digits.
			t := dateToken{}
			for i < len(s) {
				r, w = utf8.DecodeRuneInString(s[i:])
				if r = narrow(r); r < '0' || r > '9' {
					break
				}
				if t.nd == 9 {
					return nil
				}
				t.val = t.val*10 + int(r-'0')
				t.nd++
				i += w
			}
			if !push(t) {
				return nil
			}
			continue
		case isNumeral(r):
			j := i
			for j < len(s) {
				r, w = utf8.DecodeRuneInString(s[j:])
				if !isNumeral(r) {
					break
				}
				j += w
			}
			v, nd, ok := parseNumerals(s[i:j])
			if !ok || !push(dateToken{val: v, nd: nd}) {
				return nil
			}
			i = j
			continue
		case unicode.IsSpace(r) || unicode.Is(unicode.Cf, r):
		case r >= 0x2010 && r <= 0x2015 || r == 0x2212 || r == 0xFE63:
			if !push(dateToken{sym: '-'}) {
				return nil
			}
		case r == 'q':
			if !push(dateToken{sym: 'Q'}) {
				return nil
			}
		default:
			if !push(dateToken{sym: r}) {
				return nil
			}
		}
		i += w
	}
	return trimDateWords(buf[:n])
}

// trimDateWords drops the words around a date that do not change it: 于/在/截至 before it,
// 完成/办结 and 前/之前/以前/为止 after it.
func trimDateWords(t []dateToken) []dateToken {
	is := func(i int, r rune) bool { return i >= 0 && i < len(t) && t[i].sym == r }
	switch {
	case is(0, '截') && (is(1, '至') || is(1, '止')):
		t = t[2:]
	case is(0, '于') || is(0, '在') || is(0, '到'):
		t = t[1:]
	}
	n := len(t)
	if (is(n-2, '完') && is(n-1, '成')) || (is(n-2, '办') && is(n-1, '结')) {
		n -= 2
	}
	switch {
	case is(n-1, '前'):
		n--
		if is(n-1, '之') || is(n-1, '以') {
			n--
		}
	case is(n-1, '止'):
		n--
		if is(n-1, '为') {
			n--
		}
	}
	return t[:n]
}

// dateSpan is the period a date text names; a deadline is the period's last day.
type dateSpan uint8

const (
	spanDay dateSpan = iota + 1
	spanMonth
	spanQuarter
	spanHalf
	spanYear
)

// dateForm is a recognised date text before its validity is checked.
type dateForm struct {
	span    dateSpan
	y, m, d int // m is the month, or the quarter or half for those spans
	hasYear bool
}

// dateScan walks the tokens of a date text.
type dateScan struct {
	t []dateToken
	i int
}

func (s *dateScan) done() bool { return s.i >= len(s.t) }

// at reports whether the token k ahead of the cursor is the symbol r (0: a number).
func (s *dateScan) at(k int, r rune) bool { return s.i+k < len(s.t) && s.t[s.i+k].sym == r }

// eat consumes the symbol r if it is next.
func (s *dateScan) eat(r rune) bool {
	if s.at(0, r) && r != 0 {
		s.i++
		return true
	}
	return false
}

// num consumes a number if one is next.
func (s *dateScan) num() (dateToken, bool) {
	if !s.at(0, 0) {
		return dateToken{}, false
	}
	s.i++
	return s.t[s.i-1], true
}

// end consumes an optional time of day (" 00:00:00", "T08:30") and reports whether the text
// is then finished.
func (s *dateScan) end() bool {
	if s.done() {
		return true
	}
	s.eat('T')
	if _, ok := s.num(); !ok || !s.eat(':') {
		return false
	}
	if _, ok := s.num(); !ok {
		return false
	}
	if s.eat(':') {
		if _, ok := s.num(); !ok {
			return false
		}
		if s.eat('.') {
			if _, ok := s.num(); !ok {
				return false
			}
		}
	}
	// An ISO zone (Z, +08:00) as in cells of type d; the date is taken as written.
	if !s.eat('Z') && (s.eat('+') || s.eat('-')) {
		if _, ok := s.num(); !ok {
			return false
		}
		if s.eat(':') {
			if _, ok := s.num(); !ok {
				return false
			}
		}
	}
	return s.done()
}

func isDateSep(r rune) bool { return r == '-' || r == '/' || r == '.' }

// matchDate recognises the forms ParseDate and ParsePeriod accept in tokens.
func matchDate(t []dateToken) (f dateForm, ok bool) {
	if len(t) == 0 {
		return f, false
	}
	s := dateScan{t: t}
	yearWord := false // the text has 年 after the year (or stands for this year: 年底, 今年)
	switch first := t[0]; {
	case first.sym == 0 && first.nd == 8:
		s.i = 1
		f = dateForm{span: spanDay, y: first.val / 10000, m: first.val / 100 % 100, d: first.val % 100, hasYear: true}
		return f, s.end()
	case first.sym == 0 && s.at(1, '年'):
		f.y, f.hasYear, yearWord = first.val, true, true
		if first.nd == 2 {
			f.y += 2000
		}
		s.i = 2
	case first.sym == 0 && first.nd == 4 && len(t) > 1 && isDateSep(t[1].sym):
		return matchSeparated(&s)
	case first.sym == 0 && first.nd == 4 && (len(t) == 1 || s.at(1, 'Q')):
		f.y, f.hasYear = first.val, true
		s.i = 1
		if s.done() {
			f.span = spanYear
			return f, true
		}
	case s.eat('年'):
		yearWord = true
	case (s.at(0, '今') || s.at(0, '本') || s.at(0, '当')) && s.at(1, '年'):
		s.i = 2
		yearWord = true
	}

	switch {
	case s.done():
		// 2023年 or 今年; a lone 年 says nothing.
		f.span = spanYear
		return f, yearWord && (f.hasYear || len(t) == 2)
	case yearWord && (s.eat('底') || s.eat('末') || s.eat('内')):
		f.span = spanYear
		return f, s.done()
	case yearWord && s.eat('度'):
		_ = s.eat('底') || s.eat('末') || s.eat('内')
		f.span = spanYear
		return f, s.done()
	case s.at(0, '上') || s.at(0, '下'):
		f.m = 1
		if s.at(0, '下') {
			f.m = 2
		}
		s.i++
		if !s.eat('半') || !s.eat('年') {
			return f, false
		}
		_ = s.eat('底') || s.eat('末')
		f.span = spanHalf
		return f, s.done()
	case s.eat('Q'):
		q, ok := s.num()
		if !ok {
			return f, false
		}
		_ = s.eat('末') || s.eat('底')
		f.span, f.m = spanQuarter, q.val
		return f, s.done()
	case s.at(0, '第') || s.at(1, '季'):
		s.eat('第')
		q, ok := s.num()
		if !ok || !s.eat('季') {
			return f, false
		}
		s.eat('度')
		_ = s.eat('末') || s.eat('底')
		f.span, f.m = spanQuarter, q.val
		return f, s.done()
	case s.at(0, 0) && s.at(1, '月'):
		m, _ := s.num()
		s.i++ // 月
		f.m = m.val
		s.eat('份')
		if s.done() || (s.eat('底') || s.eat('末')) && s.done() {
			f.span = spanMonth
			return f, true
		}
		d, ok := s.num()
		if !ok {
			return f, false
		}
		_ = s.eat('日') || s.eat('号')
		f.span, f.d = spanDay, d.val
		return f, s.end()
	}
	return f, false
}

// matchSeparated reads 2023-06-30, 2023/6/30, 2023.6.30 (one separator throughout), the month
// forms 2023-06 and 2023/6, and 2023-Q3; the cursor is at the year.
func matchSeparated(s *dateScan) (f dateForm, ok bool) {
	y, _ := s.num()
	sep := s.t[s.i].sym
	s.i++
	f.y, f.hasYear = y.val, true
	if s.eat('Q') {
		q, ok := s.num()
		f.span, f.m = spanQuarter, q.val
		return f, ok && s.done()
	}
	m, ok := s.num()
	if !ok {
		return f, false
	}
	f.m = m.val
	if s.done() {
		f.span = spanMonth
		return f, true
	}
	if !s.eat(sep) {
		return f, false
	}
	d, ok := s.num()
	if !ok {
		return f, false
	}
	f.span, f.d = spanDay, d.val
	return f, s.end()
}

// resolve checks f and returns the last day of its period; a form without a year takes
// defaultYear.
func (f dateForm) resolve(defaultYear int) (time.Time, error) {
	y := f.y
	if !f.hasYear {
		y = defaultYear
	}
	if y < MinYear || y > MaxYear {
		return time.Time{}, &RangeError{Field: FieldYear, Year: y}
	}
	m, d := f.m, f.d
	switch f.span {
	case spanYear:
		m, d = 12, 31
	case spanHalf:
		m, d = 6*f.m, 31
		if m == 6 {
			d = 30
		}
	case spanQuarter:
		if f.m < 1 || f.m > 4 {
			return time.Time{}, &RangeError{Field: FieldQuarter, Year: y, Quarter: f.m}
		}
		m = 3 * f.m
		d = daysInMonth(y, m)
	case spanMonth:
		if m < 1 || m > 12 {
			return time.Time{}, &RangeError{Field: FieldMonth, Year: y, Month: m}
		}
		d = daysInMonth(y, m)
	default:
		if m < 1 || m > 12 {
			return time.Time{}, &RangeError{Field: FieldMonth, Year: y, Month: m}
		}
		if d < 1 || d > daysInMonth(y, m) {
			return time.Time{}, &RangeError{Field: FieldDay, Year: y, Month: m, Day: d}
		}
	}
	return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC), nil
}

func daysInMonth(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// DateLead splits a deadline written as a date or period followed by words about the work —
// 9月30日前全面完成, 2024年10月底前建成投用, 2024年8月15日前完成招标 — into the date (which
// ParsePeriod reads) and the words. ok is false when the text is no such form: nothing of a
// date form at its start, or words that are not plain Chinese text (a digit: another date or
// an amount, 6月底前完成50%), that name another date or period (6月开工，12月底完工), or that
// change the date before them (6月后启动, 2024年1月起实施, 6月中旬完成).
func DateLead(s string) (date, words string, ok bool) {
	s = strings.TrimSpace(s)
	var buf [dateMaxTokens]dateToken
	// The longest prefix that is a date, ending where a date ends.
	for i := len(s); i > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		j := i
		i -= w
		if !strings.ContainsRune("前日号底末内月年", r) || j == len(s) {
			continue
		}
		f, fok := matchDate(tokenizeDate(s[:j], &buf))
		if !fok {
			continue
		}
		var re *RangeError
		if _, err := f.resolve(2000); errors.As(err, &re) && re.Field == FieldYear {
			return "", "", false
		}
		rest := s[j:]
		if !leadWords(rest) {
			return "", "", false
		}
		return s[:j], rest, true
	}
	return "", "", false
}

// leadWords reports whether the words after a date only say what is to be done by then.
func leadWords(rest string) bool {
	for _, w := range []string{"后", "以后", "之后", "起", "开始", "至", "到", "以来", "左右", "或", "中", "上", "下", "初", "份", "以内", "内"} {
		if strings.HasPrefix(rest, w) {
			return false
		}
	}
	prevNumeral, han := false, 0
	for _, r := range rest {
		switch {
		case r >= 0x4E00 && r <= 0x9FFF:
			if strings.ContainsRune("年月日号季", r) && prevNumeral {
				return false
			}
			prevNumeral = isNumeral(r)
			han++
		case r == '，' || r == '、' || r == ',' || r == '；' || r == ';' || r == '。' || unicode.IsSpace(r):
			prevNumeral = false
		default:
			return false
		}
	}
	for _, w := range []string{"年底", "年末", "月底", "月末", "季度", "半年", "年内", "年前"} {
		if strings.Contains(rest, w) {
			return false
		}
	}
	return han > 0
}
