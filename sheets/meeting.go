package sheets

import (
	"cmp"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/zhtext"
)

// ParseMeeting reads the identity of a meeting (or document) from its name (SPEC §4.1): its
// session or document number and the year of a document number (zhtext.MeetingNumber), and
// Key, the name folded. Date, and a meeting's year (SPEC §4.1), are left for the caller: the
// row's parse knows them (parsedRow.meetingYear).
func ParseMeeting(name string) Meeting {
	num, year := zhtext.MeetingNumber(name)
	return Meeting{Num: num, Year: year, Key: zhtext.Fold(name)}
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

// sessionOnly returns the session a meeting cell names by a bare number (3 in a 会议届次
// column under a sheet or category that names the meeting), 0 if it is anything else.
func sessionOnly(cell string) int {
	n, err := strconv.Atoi(strings.TrimSpace(cell))
	if err != nil || n < 1 || n > 999 {
		return 0
	}
	return n
}

// meetingName is the name an item's meeting is shown by in a report of year (SPEC §4.1): a
// meeting of another year than the report's shows its year (县政府常务会议2023年第9次); a task
// list or an unnumbered document is shown as written, not by its date; else MeetingName. A
// year of 0 shows no meeting's year.
func meetingName(cat string, kind Kind, m Meeting, raw string, year int) string {
	switch {
	case kind == KindMeeting && m.Num > 0:
		n := "第" + strconv.Itoa(m.Num) + "次"
		if m.Year > 0 && year > 0 && m.Year != year {
			return cat + strconv.Itoa(m.Year) + "年" + n
		}
		return cat + n
	case kind != KindMeeting && m.Num == 0:
		return cmp.Or(strings.TrimSpace(raw), cat)
	}
	return MeetingName(cat, m, raw)
}

// nameByYear names the numbered meetings of items of another year than year, once the
// report's year is known: the others were named as of their own year, without it.
func nameByYear(items []Item, year int) {
	if year == 0 {
		return
	}
	for i := range items {
		if it := &items[i]; it.Kind == KindMeeting && it.Meeting.Num > 0 && it.Meeting.Year != year {
			it.MeetingName = meetingName(it.Category, it.Kind, it.Meeting, "", year)
		}
	}
}

// oneYearPerFile gives a numbered meeting one year within one file (SPEC §4.1): rows of 第9次
// with and without a 会议日期 stay one meeting. A row whose meeting's year came from the
// ledger or the run takes the year its file's rows of that meeting date it in — the one most
// of them do, the later on a tie — unless it is one of those. A year written in the name
// (2023年第9次 beside 第9次) marks another year's meeting and is left as it is.
func oneYearPerFile(items []Item, year int) {
	inferred := false
	for i := range items { // by index: an Item is too large to copy for each
		if it := &items[i]; it.Kind == KindMeeting && it.Meeting.Num > 0 && it.Meeting.yearBy == meetingYearInferred {
			inferred = true
			break
		}
	}
	if !inferred {
		return
	}
	type key struct {
		file, cat string
		num       int
	}
	dated := map[key]map[int]int{}
	for i := range items {
		it := &items[i]
		if it.Kind != KindMeeting || it.Meeting.Num == 0 || it.Meeting.yearBy != meetingYearDated {
			continue
		}
		k := key{it.Src.File, it.Category, it.Meeting.Num}
		if dated[k] == nil {
			dated[k] = map[int]int{}
		}
		dated[k][it.Meeting.Year]++
	}
	if len(dated) == 0 {
		return
	}
	for i := range items {
		it := &items[i]
		if it.Kind != KindMeeting || it.Meeting.Num == 0 || it.Meeting.yearBy != meetingYearInferred {
			continue
		}
		years := dated[key{it.Src.File, it.Category, it.Meeting.Num}]
		if len(years) == 0 || years[it.Meeting.Year] > 0 {
			continue
		}
		best, n := 0, 0
		for y, k := range years {
			if k > n || k == n && y > best {
				best, n = y, k
			}
		}
		it.Meeting.Year = best
		it.MeetingName = meetingName(it.Category, it.Kind, it.Meeting, "", year)
	}
}

// DatedMeetingName is the name a form or reminder writes for the item's meeting: a numbered
// meeting with its year (市政府常务会议2024年第14次), so that the form read back in another year —
// a reminder answered in January — is still that year's meeting (SPEC §4.1); any other as shown.
func (it *Item) DatedMeetingName() string {
	if m := it.Meeting; it.Kind == KindMeeting && m.Num > 0 && m.Year > 0 {
		return meetingName(it.Category, it.Kind, m, "", m.Year+1) // a year other than its own shows it
	}
	return it.MeetingName
}
