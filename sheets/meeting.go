package sheets

import (
	"strconv"
	"strings"

	"github.com/duban/duban/internal/zhtext"
)

// ParseMeeting reads the identity of a meeting (or document) from its name (SPEC §4.1): its
// session or document number and the year of a document number (zhtext.MeetingNumber), and
// Key, the name folded. Date is left for the caller.
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
