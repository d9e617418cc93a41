package sheets

// Parsers of what people type into a ledger (SPEC §4): dates, deadlines, Chinese numerals and
// meeting names. They are pure functions, run once per cell on hundreds of thousands of rows,
// so they scan by hand into small stack buffers instead of using regular expressions.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// The years a date may fall in (SPEC §4.2); anything else is a typing mistake.
const (
	dateMinYear = 2000
	dateMaxYear = 2100
)

var (
	errDateUnknown     = errors.New(msgDateUnknown)
	errDeadlineUnknown = errors.New(msgDeadlineUnknown)
	errDateNoYear      = errors.New(msgDateNoYear)
)

// ParseDate parses a 完成日期 or 会议日期 cell. raw is the cell text as read with excelize's
// RawCellValue: a real Excel date arrives as its serial number ("45107", "45107.5"; the time
// of day is dropped) in the 1900 date system, or the 1904 one when date1904. Text may be
// 2023-06-30, 2023/6/30, 2023.6.30, 2023年6月30日 (or …号), 20230630, with full-width digits,
// a trailing 前 or a time of day. A blank cell gives the zero time and no error. The error of
// an unreadable or impossible date is a Chinese explanation without the field name.
func ParseDate(raw string, date1904 bool) (time.Time, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return time.Time{}, nil
	}
	if t, ok, err := parseSerial(s, date1904, errDateUnknown); ok {
		return t, err
	}
	var buf [dateMaxTokens]dateToken
	f, ok := matchDate(tokenizeDate(s, &buf))
	switch {
	case !ok || f.span != spanDay:
		return time.Time{}, errDateUnknown
	case !f.hasYear:
		return time.Time{}, errDateNoYear
	}
	return f.resolve(0)
}

// Deadline is a parsed 完成时限 (SPEC §4.2).
type Deadline struct {
	Date time.Time // the last day of the period; zero when None
	// None means 无明确时限: a blank cell or a dictionary word such as 长期.
	None bool
	// YearInferred means the form had no year (6月底前) and the default year was used.
	YearInferred bool
}

// ParseDeadline parses a 完成时限 cell: everything ParseDate accepts, and periods that end on
// their last day — a month (2023年6月, 2023-06, 2023年6月底前, 6月底), a year (2023年底前, 年底,
// 2023年内, 2023年), a half-year (2023年上半年, 下半年) or a quarter (三季度末, 第三季度,
// 2023年第3季度, Q3). A form without a year takes defaultYear and sets YearInferred. A blank
// cell or a no-deadline word of d gives None.
func ParseDeadline(raw string, d *Dict, defaultYear int, date1904 bool) (Deadline, error) {
	s := strings.TrimSpace(raw)
	if s == "" || d != nil && d.IsNoDeadline(s) {
		return Deadline{None: true}, nil
	}
	if t, ok, err := parseSerial(s, date1904, errDeadlineUnknown); ok {
		if err != nil {
			return Deadline{}, err
		}
		return Deadline{Date: t}, nil
	}
	var buf [dateMaxTokens]dateToken
	f, ok := matchDate(tokenizeDate(s, &buf))
	if !ok && strings.Contains(s, "年年") {
		// 2023年年底, 2023年年内: the year said twice, as clerks often write it.
		f, ok = matchDate(tokenizeDate(strings.Replace(s, "年年", "年", 1), &buf))
	}
	if !ok {
		return Deadline{}, errDeadlineUnknown
	}
	t, err := f.resolve(defaultYear)
	if err != nil {
		return Deadline{}, err
	}
	return Deadline{Date: t, YearInferred: !f.hasYear}, nil
}

// Excel serial numbers of 1970-01-01 in the two date systems.
const (
	serialUnix1900 = 25569
	serialUnix1904 = 24107
)

// parseSerial reads a cell holding a number as an Excel date serial. ok is false when s is not
// such a number and should be read as text: a four-digit integer part (2023, 2023.6) is a year
// typed by hand, never a serial (serial 2023 is in 1905), and eight digits are yyyymmdd.
func parseSerial(s string, date1904 bool, unknown error) (t time.Time, ok bool, err error) {
	if s[0] < '0' || s[0] > '9' {
		return time.Time{}, false, nil
	}
	intDigits := -1
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
		case c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-':
			if intDigits < 0 {
				intDigits = i
			}
		default:
			return time.Time{}, false, nil
		}
	}
	if intDigits < 0 {
		intDigits = len(s)
	}
	if intDigits == 4 || intDigits == 8 {
		return time.Time{}, false, nil
	}
	f, perr := strconv.ParseFloat(s, 64)
	if perr != nil {
		return time.Time{}, false, nil
	}
	if f >= 1e8 {
		return time.Time{}, true, unknown
	}
	if f < 1000 {
		// Far too small for a date of this century: 6.3 or 12.31 typed as month.day (which
		// Excel keeps as a number, dropping a trailing 0) or a count of days.
		return time.Time{}, true, fmt.Errorf(msgDateSmallNumber, s)
	}
	days := int64(f)
	if date1904 {
		days -= serialUnix1904
	} else {
		days -= serialUnix1900
	}
	t = time.Unix(days*86400, 0).UTC()
	if y := t.Year(); y < dateMinYear || y > dateMaxYear {
		return time.Time{}, true, fmt.Errorf(msgDateYear, y)
	}
	return t, true, nil
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
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		switch {
		case r >= '0' && r <= '9':
			// An Arabic number, possibly mixing half- and full-width digits.
			t := dateToken{}
			for i < len(s) {
				r, w = utf8.DecodeRuneInString(s[i:])
				if r >= '０' && r <= '９' {
					r -= 0xFEE0
				}
				if r < '0' || r > '9' {
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
		case cnDigit(r) >= 0 || cnUnit(r) > 0:
			j := i
			for j < len(s) {
				r, w = utf8.DecodeRuneInString(s[j:])
				if cnDigit(r) < 0 && cnUnit(r) == 0 {
					break
				}
				j += w
			}
			v, nd, ok := cnNumber(s[i:j])
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

// matchDate recognises the forms of SPEC §4.2 in tokens.
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
	if y < dateMinYear || y > dateMaxYear {
		return time.Time{}, fmt.Errorf(msgDateYear, y)
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
			return time.Time{}, fmt.Errorf(msgDateQuarter, f.m)
		}
		m = 3 * f.m
		d = daysInMonth(y, m)
	case spanMonth:
		if m < 1 || m > 12 {
			return time.Time{}, fmt.Errorf(msgDateMonth, m)
		}
		d = daysInMonth(y, m)
	default:
		if m < 1 || m > 12 {
			return time.Time{}, fmt.Errorf(msgDateMonth, m)
		}
		if d < 1 || d > daysInMonth(y, m) {
			if m == 2 && d == 29 {
				return time.Time{}, fmt.Errorf(msgDateLeapDay, y)
			}
			return time.Time{}, fmt.Errorf(msgDateDay, m, d)
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

// cnDigit returns the value of a Chinese digit character, or -1.
func cnDigit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// cnUnit returns the value of a Chinese numeral unit character, or 0.
func cnUnit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// ChineseNumber parses a number written in Chinese numerals (十, 十四, 二十, 三十四, 一百零五,
// 一百五 = 150, 两, 〇/零), digit by digit (二〇二三), or in Arabic or full-width digits.
// Surrounding spaces are ignored. Results are below 10⁹ and never negative.
func ChineseNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	v, nd := 0, 0
	for _, r := range s {
		if r >= '０' && r <= '９' {
			r -= 0xFEE0
		}
		if r < '0' || r > '9' {
			v, _, ok := cnNumber(s)
			return v, ok
		}
		if nd == 9 {
			return 0, false
		}
		v = v*10 + int(r-'0')
		nd++
	}
	return v, true
}

// cnNumber parses a string of Chinese numeral characters. nd is the count of digits when the
// number is written digit by digit (二〇二三 → 2023, 4), else 0.
func cnNumber(s string) (v, nd int, ok bool) {
	positional := false
	for _, r := range s {
		if cnUnit(r) > 0 {
			positional = true
		} else if cnDigit(r) < 0 {
			return 0, 0, false
		}
	}
	if !positional {
		for _, r := range s {
			if nd == 9 {
				return 0, 0, false
			}
			v = v*10 + cnDigit(r)
			nd++
		}
		return v, nd, nd > 0
	}
	digit := -1       // a digit waiting for its unit
	lastUnit := 10000 // units must come in decreasing order: 千 百 十
	zero := false     // a 零 since the last unit: 一百零五 is 105, 一百五 is 150
	for _, r := range s {
		if d := cnDigit(r); d == 0 {
			if digit >= 0 {
				return 0, 0, false
			}
			zero = true
			continue
		} else if d > 0 {
			if digit >= 0 {
				return 0, 0, false
			}
			digit = d
			continue
		}
		u := cnUnit(r)
		if u >= lastUnit {
			return 0, 0, false
		}
		if digit < 0 {
			if u != 10 {
				return 0, 0, false
			}
			digit = 1 // 十四, 一百十
		}
		v += digit * u
		digit, lastUnit, zero = -1, u, false
	}
	if digit >= 0 {
		if !zero && lastUnit >= 100 && lastUnit < 10000 {
			v += digit * lastUnit / 10
		} else {
			v += digit
		}
	}
	return v, 0, true
}

// ParseMeeting reads the identity of a meeting (or document) from its name (SPEC §4.1): the
// session number of 第5次, 第五次, （第5次）, 第5期; else a document number 〔2023〕5号 (also
// with [ ], ［ ］, ( ), 【 】), which sets Year too; else 第5号 (with Year when written
// 2023年第5号). A year in 2023年第5次 is not part of the identity. With no number Num is 0.
// Key is Fold(name); Date is left for the caller.
func ParseMeeting(name string) Meeting {
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
	m := Meeting{Key: Fold(name)}
	switch {
	case session > 0:
		m.Num = session
	case doc > 0:
		m.Num, m.Year = doc, docYear
	}
	return m
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
		if r >= '０' && r <= '９' {
			r -= 0xFEE0
		}
		if r < '0' || r > '9' {
			return 0, 0, false
		}
		year = year*10 + int(r-'0')
		_, w := utf8.DecodeRuneInString(s[j:])
		r, j = nextNonSpace(s, j+w)
	}
	if r == '］' || r == '）' {
		r -= 0xFEE0
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
		if r >= '０' && r <= '９' {
			r -= 0xFEE0
		}
		if r < '0' || r > '9' {
			return 0
		}
		y += int(r-'0') * mul
		mul *= 10
		s = s[:len(s)-w]
	}
	return y
}

// nextNonSpace returns the first rune at or after s[i:] that is not a space (full-width forms
// of ASCII folded), and its index; 0 at the end.
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
		isCN := cnDigit(r) >= 0 || cnUnit(r) > 0
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
	v, ok = ChineseNumber(s[i:j])
	return v, j, ok
}

// MeetingName returns the name a meeting is shown by everywhere (SPEC §4.1): cat〔2023〕5号
// for a document number, cat第5次 for a session, cat（2023-05-06） for a meeting known by its
// date, else the name as written (cat if that is blank).
func MeetingName(cat string, m Meeting, raw string) string {
	switch {
	case m.Num > 0 && m.Year > 0:
		return cat + "〔" + strconv.Itoa(m.Year) + "〕" + strconv.Itoa(m.Num) + "号"
	case m.Num > 0:
		return cat + "第" + strconv.Itoa(m.Num) + "次"
	case !m.Date.IsZero():
		return cat + "（" + m.Date.Format("2006-01-02") + "）"
	}
	if raw = strings.TrimSpace(raw); raw != "" {
		return raw
	}
	return cat
}

// Fold normalises text for identity comparison: like Normalize, and also without punctuation
// and symbols (Unicode P* and S*, so ，。、（）〔〕“”《》 too), full-width folded to half-width,
// letters lower-cased. 第5次常务会议 and “第５次 常务会议。” fold alike.
func Fold(s string) string {
	clean := true
	for _, r := range s {
		if !(r >= 0x4E00 && r <= 0x9FFF || r >= '0' && r <= '9' || r >= 'a' && r <= 'z') {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		if r >= 0xFF01 && r <= 0xFF5E {
			r -= 0xFEE0
		}
		if unicode.IsSpace(r) || unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
			unicode.IsPunct(r) || unicode.IsSymbol(r) || r == utf8.RuneError {
			continue
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
