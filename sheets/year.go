package sheets

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
)

// The year a date written without one belongs to (SPEC §4.2) is found in the item's own
// context first — its meeting date, a year in its meeting or category text or group heading,
// the ledger's title or 填报日期 line — and only then in the run's: its reporting year (年度),
// given with --year or taken from the meeting dates most items carry, else the as-of year.

// yearWritten is a year as written in a name or title: 2024年, 2024年度, 〔2024〕5号, [2024].
var yearWritten = regexp.MustCompile(`(?:^|[^0-9])(2[0-9]{3})\s*(?:年|〕|］|\]|】)`)

// dateLine marks a line above the header that dates the ledger rather than titling it.
var dateLine = regexp.MustCompile(`(?:填报|填表|报送|统计|上报)(?:日期|时间)|截至|截止`)

// yearInWords is a year written in Chinese digits, as titles of official documents write it:
// 二〇二四年.
var yearInWords = regexp.MustCompile(`([〇零○一二三四五六七八九]{4})\s*年`)

// cnDigit is the value of a Chinese digit of a year.
var cnDigit = map[rune]int{'〇': 0, '零': 0, '○': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// textYear returns the year written in s (the first, within 2000–2100), or 0.
func textYear(s string) int {
	if !strings.ContainsAny(s, "年〕］]】") {
		return 0
	}
	for _, m := range yearWritten.FindAllStringSubmatch(s, -1) {
		if y, err := strconv.Atoi(m[1]); err == nil && y >= 2000 && y <= 2100 {
			return y
		}
	}
	for _, m := range yearInWords.FindAllStringSubmatch(s, -1) {
		y := 0
		for _, r := range m[1] {
			y = y*10 + cnDigit[r]
		}
		if y >= 2000 && y <= 2100 {
			return y
		}
	}
	return 0
}

// yearFromLines returns the year named in the lines above a ledger's header and where: its
// title (市教育局2024年度督查事项落实台账) wins over its 填报日期 line, which may be written in
// January about the year before. A date cell after the 填报日期 label counts too.
func yearFromLines(rows [][]xlsx.Cell, date1904 bool) (year int, from string) {
	var dated int
	for _, row := range rows {
		for j, c := range row {
			v := strings.TrimSpace(c.Value)
			if v == "" {
				continue
			}
			if !dateLine.MatchString(v) {
				if y := textYear(v); y > 0 {
					return y, yearFromTitle
				}
				continue
			}
			if dated > 0 {
				continue
			}
			if dated = dateYear(v[dateLine.FindStringIndex(v)[1]:], date1904); dated > 0 {
				continue
			}
			for _, c := range row[j+1:] {
				if w := strings.TrimSpace(c.Value); w != "" {
					dated = dateYear(w, date1904)
					break
				}
			}
		}
	}
	if dated > 0 {
		return dated, yearFromDateLine
	}
	return 0, ""
}

// dateYear is the year of a date written after a label (：2024年12月31日, 2024-12-31), or of
// an Excel date, 0 if there is none.
func dateYear(s string, date1904 bool) int {
	s = strings.TrimLeft(strings.TrimSpace(s), ":： ")
	if t, err := ParseDate(s, date1904); err == nil && !t.IsZero() {
		return t.Year()
	}
	if y := textYear(s); y > 0 {
		return y
	}
	if m := leadingYear.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		return y
	}
	return 0
}

// leadingYear is the year of a date such as 2024-12-31 or 2024.12.31 followed by other text.
var leadingYear = regexp.MustCompile(`^(20[0-9]{2})[-./][01]?[0-9]`)

// ownYear returns the year the row's own context gives a date written without one, and
// how the notice names that source; 0 when the row must take the run's year: its meeting
// date when written with its year (meeting, zero if not), a year in its meeting or category
// text or group heading, the ledger's title or 填报日期 line, a sheet named by its year
// (2024年).
func ownYear(in *rowInput, meeting time.Time, titleYear int, titleFrom string) (year int, from string) {
	if !meeting.IsZero() {
		return meeting.Year(), yearFromMeetingDate
	}
	for _, c := range []struct{ label, text string }{
		{labelMeetingName, in.Meeting}, {FieldCategory.String(), in.Category}, {labelGroup, in.Group},
	} {
		if y := textYear(c.text); y > 0 {
			return y, c.label + "“" + c.text + "”"
		}
	}
	if titleYear > 0 {
		return titleYear, titleFrom
	}
	if y := sheetYear(in.Sheet); y > 0 {
		return y, labelSheet + "“" + in.Sheet + "”"
	}
	return 0, ""
}

// sheetYear is the year a sheet is named by (2024年, 2024年度, 2024), 0 if none.
func sheetYear(name string) int {
	name = strings.TrimSpace(name)
	if y, err := strconv.Atoi(name); err == nil && len(name) == 4 && y >= 2000 && y <= 2100 {
		return y
	}
	return textYear(name)
}

// RunYear is the reporting year (年度) of a run and where it came from (SPEC §4.2).
type RunYear struct {
	Year int
	From string // yearFromFlag, yearFromMeetings or yearFromAsOf
}

// yearCounts counts the years of meeting dates written with one (rowDates.meetingYear), for
// the run's reporting year.
type yearCounts map[int]int

// runYear decides the reporting year: flag when given (non-zero), else the year most meeting
// dates fall in (the later on a tie), else the as-of year.
func runYear(flag int, counts yearCounts, asOf time.Time) RunYear {
	if flag > 0 {
		return RunYear{flag, yearFromFlag}
	}
	best, n := 0, 0
	for y, k := range counts {
		if k > n || k == n && y > best {
			best, n = y, k
		}
	}
	if best > 0 {
		return RunYear{best, yearFromMeetings}
	}
	return RunYear{asOf.Year(), yearFromAsOf}
}
