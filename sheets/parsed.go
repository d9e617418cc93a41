package sheets

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// A data row is read once (SPEC §4, §5): parse takes its text as the row rules see it, its
// meeting from context, and its dates — 会议日期, 完成时限, 完成日期 — with the year a date
// written without one takes and where that year came from. Every later step reads these
// fields: the error rules, the row's item, the run's count of meeting years, the meeting's
// identity and year. A row whose own context gives no year waits, parsed as far as it can be,
// until the run's reporting year is known (settle).

// parsedRow is a data row as read once.
type parsedRow struct {
	r  *RawRow
	in rowInput
	// categoryMeeting: the 类别 cell is a whole meeting name, which gave 会议 (a notice).
	categoryMeeting bool
	meeting         Meeting  // the 会议 cell's number and name (ParseMeeting)
	cat             Category // the row's category (Validator.category), if in.categoryOK
	catFromSheet    bool     // the sheet's name gave it
	// Of a 建议提案 (SPEC §9.5): catFromHint, the sheet's title or columns gave its category
	// (RawRow.Hint); period, the 类别 cell named when it was made (闭会期间), not a category,
	// and between says it was between sessions.
	catFromHint bool
	period      string
	between     bool
	status      statusReading // the 落实状态 cell (Dict.readStatus)
	dates       rowDates
	// readable is false when a required column is missing or a decisive cell holds a formula
	// without its result (checkUnreadable); probs are those errors and warnings.
	readable bool
	probs    []Problem
}

// rowDates are the dates of a row, each cell read once.
type rowDates struct {
	meeting time.Time // 会议日期, else the date naming the meeting; zero if none or unreadable
	// meetingYear is the year of a meeting date written with its year, else 0: it counts for
	// the run's reporting year and is the row's own year.
	meetingYear int
	// meetingFrom says where a date naming the meeting was found (labelMeetingName,
	// labelSheet, yearFromTitle), "" when it is the 会议日期 cell's.
	meetingFrom string
	// noYear: the meeting date has no year (6月20日, a sheet named 0612常务会): it takes year;
	// month and day keep a date naming the meeting, which is not read again.
	noYear     bool
	month, day int
	meetingErr error // an unreadable 会议日期: a warning, counted blank

	deadline    Deadline
	deadlineErr error // an unreadable 完成时限: an error that excludes the row
	extended    Deadline
	extendedErr error // an unreadable 调整后时限: an error that excludes the row
	rolled      bool  // a yearless deadline before the meeting took the next year
	done        time.Time

	year     int    // the year a date written without one takes, and the meeting's by default
	yearFrom string // where year came from, in the notice's words
	pending  bool   // no year of the row's own, and the run's is not known yet
	probs    []Problem
}

// parse reads row r once. run is the run's reporting year, zero when it is not known yet: a
// row without a year of its own context is then pending until settle.
func (v *Validator) parse(r *RawRow, run RunYear) parsedRow {
	p := parsedRow{r: r}
	if p.readable = v.checkUnreadable(r, &p.probs); !p.readable {
		return p
	}
	p.in = rowInput{
		Content: trimmed(r, FieldContent), Category: trimmed(r, FieldCategory), Meeting: trimmed(r, FieldMeeting),
		MeetingDate: trimmed(r, FieldMeetingDate), Deadline: trimmed(r, FieldDeadline), Status: trimmed(r, FieldStatus),
		Done: trimmed(r, FieldDone), Extended: trimmed(r, FieldExtended), Group: r.Group, Sheet: r.Pos.Sheet, Date1904: r.Date1904,
	}
	p.status = v.dict.readStatus(p.in.Status)
	p.in.statusOK = p.status.ok
	p.categoryMeeting = v.meetingFromContext(&p.in, r.TitleMeeting)
	p.meeting = ParseMeeting(p.in.Meeting)
	if v.suggestionCategory(&p) {
		p.catFromHint = !p.catFromSheet
	} else {
		p.cat, p.catFromSheet, p.in.categoryOK = v.category(p.in.Category, p.in.Meeting, p.in.Group, p.in.Sheet)
	}
	p.in.suggestion = p.in.categoryOK && p.cat.Kind == KindSuggestion
	d := &p.dates
	v.readMeetingDate(&p)
	var meeting time.Time
	if d.meetingYear > 0 {
		meeting = d.meeting
	}
	year, from := ownYear(&p.in, meeting, r.TitleYear, r.TitleYearFrom)
	if year == 0 {
		year, from = run.Year, run.From
	}
	if year == 0 {
		d.pending = true
		return p
	}
	v.readDates(&p, year, from)
	return p
}

// settle reads the dates of a pending row with the run's reporting year, or the as-of year
// when the run has none.
func (v *Validator) settle(p *parsedRow) {
	if !p.readable || !p.dates.pending {
		return
	}
	p.dates.pending = false
	if v.Year.Year > 0 {
		v.readDates(p, v.Year.Year, v.Year.From)
		return
	}
	v.readDates(p, v.asOf.Year(), yearFromAsOf)
}

// readMeetingDate reads the row's 会议日期 cell, or, when it is blank, the date that names the
// meeting (SPEC §4.1): in the 会议 cell (3月15日县长专题会, or a title that meetingFromContext
// put there) or the sheet's name (6.20专题会议, 0612常务会); a name with a session number is
// not named by a date.
func (v *Validator) readMeetingDate(p *parsedRow) {
	d, in := &p.dates, &p.in
	if in.MeetingDate != "" {
		t, err := ParseDate(TrimPunct(in.MeetingDate), in.Date1904)
		switch {
		case err == nil:
			d.meeting = t
			if !t.IsZero() {
				d.meetingYear = t.Year()
			}
		case errors.Is(err, errDateNoYear):
			d.noYear = true
		default:
			d.meetingErr = err
		}
		return
	}
	for _, c := range []struct{ from, text string }{{labelMeetingName, in.Meeting}, {labelSheet, in.Sheet}} {
		if c.text == "" || c.from == labelMeetingName && p.meeting.Num > 0 ||
			c.from == labelSheet && (!v.namesMeeting(c.text) || ParseMeeting(c.text).Num > 0) {
			continue
		}
		y, m, day, ok := zhtext.MeetingDay(c.text)
		if !ok {
			continue
		}
		d.meetingFrom = c.from
		if c.from == labelMeetingName && p.r.TitleMeeting != "" && in.Meeting == p.r.TitleMeeting {
			d.meetingFrom = yearFromTitle // put there by meetingFromContext
		}
		if y == 0 {
			d.noYear, d.month, d.day = true, m, day
			return
		}
		d.meeting = time.Date(y, time.Month(m), day, 0, 0, 0, 0, time.UTC)
		d.meetingYear = y
		return
	}
}

// namesMeeting reports whether a sheet name or title names a meeting category (常务会, 专题会议).
func (v *Validator) namesMeeting(s string) bool {
	k, ok := v.named(s)
	return ok && k.Kind == KindMeeting
}

// readDates reads the row's dates that take year: a meeting date without a year, the
// 完成时限 (rolled to the next year when a yearless one would fall before the meeting) and
// the 完成日期, with a notice for each date whose year was taken and a warning for an
// unreadable 会议日期 or 完成日期, which counts as blank.
func (v *Validator) readDates(p *parsedRow, year int, from string) {
	d, in, r := &p.dates, &p.in, p.r
	d.year, d.yearFrom = year, from
	in.Year = year
	switch {
	case d.meetingErr != nil:
		d.probs = append(d.probs, dateIgnored(r, FieldMeetingDate, in.MeetingDate, d.meetingErr))
	case d.noYear && d.meetingFrom != "":
		d.meeting = time.Date(year, time.Month(d.month), d.day, 0, 0, 0, 0, time.UTC)
		if d.meeting.Day() != d.day { // 2月29日 in a year without one
			d.meeting = time.Time{}
		}
	case d.noYear:
		d.meeting = v.yearlessDate(r, FieldMeetingDate, in.MeetingDate, year, &d.probs)
	}
	d.deadline, d.rolled, d.deadlineErr = v.deadline(in.Deadline, d.meeting, year, in.Date1904)
	// A month typed as a decimal into a number cell (2024.6) cannot be read safely: 2023.10 and
	// 2023.1 are the same number (SPEC §4.2).
	in.deadlineOK = d.deadlineErr == nil && !(r.Kinds[FieldDeadline] == xlsx.Number && decimalMonth(in.Deadline))
	if in.Extended != "" {
		d.extended, _, d.extendedErr = v.deadline(in.Extended, d.meeting, year, in.Date1904)
	}
	in.extendedOK = d.extendedErr == nil && !(r.Kinds[FieldExtended] == xlsx.Number && decimalMonth(in.Extended))
	t, err := ParseDate(TrimPunct(in.Done), in.Date1904)
	switch {
	case err == nil:
		d.done = t
	case errors.Is(err, errDateNoYear):
		d.done = v.yearlessDate(r, FieldDone, in.Done, year, &d.probs)
	default:
		d.probs = append(d.probs, dateIgnored(r, FieldDone, in.Done, err))
	}
}

// yearlessDate reads a 会议日期 or 完成日期 written without its year (6月3日) in year, with a
// notice; an impossible one is a warning and counts as blank.
func (v *Validator) yearlessDate(r *RawRow, f Field, raw string, year int, probs *[]Problem) time.Time {
	dl, err := ParseDeadline(TrimPunct(raw), nil, year, r.Date1904)
	if err != nil || !dl.YearInferred {
		if err == nil {
			err = errDateUnknown
		}
		*probs = append(*probs, dateIgnored(r, f, raw, err))
		return time.Time{}
	}
	*probs = append(*probs, Problem{Pos: r.Cell(f), Scope: ScopeCell, Level: Notice, Kind: DateYearInferred, Field: f.String(), Raw: raw,
		Msg: fmt.Sprintf(msgDateYearInferred, f, raw, year, dl.Date.Format(time.DateOnly))})
	return dl.Date
}

// dateIgnored is the warning about an unreadable 会议日期 or 完成日期, which counts as blank:
// the row stays in the statistics, which do not hang on these dates.
func dateIgnored(r *RawRow, f Field, raw string, err error) Problem {
	return Problem{Pos: r.Cell(f), Scope: ScopeCell, Level: Warning, Kind: DateUnreadable, Field: f.String(), Raw: raw,
		Msg: fmt.Sprintf(msgDateIgnored, f, raw, err)}
}

// deadline reads a 完成时限. A form without a year takes year (the row's, SPEC §4.2); if
// that puts it before the meeting (3月底前 set in December), or makes it impossible (2月29日
// in a year that has none), the next year's date is taken and rolled says so.
func (v *Validator) deadline(raw string, meeting time.Time, year int, date1904 bool) (dl Deadline, rolled bool, err error) {
	dl, err = v.readDeadline(raw, year, date1904)
	if meeting.IsZero() || err == nil && !(dl.YearInferred && dl.Date.Before(meeting)) {
		return dl, false, err
	}
	if next, nerr := v.readDeadline(raw, year+1, date1904); nerr == nil && next.YearInferred && !next.Date.Before(meeting) {
		return next, true, nil
	}
	return dl, false, err
}

// meetingYear is the year of the row's meeting (SPEC §4.1), by the chain it shares with the
// dates: a year written in the meeting's name (县政府2023年第9次常务会议, 〔2023〕9号), else the
// meeting date's, else the row's year (its title or 填报日期 line, else the run's), and which
// of them it is (oneYearPerFile).
func (p *parsedRow) meetingYear() (int, meetingBy) {
	if y := textYear(p.in.Meeting); y > 0 {
		return y, meetingYearWritten
	}
	if !p.dates.meeting.IsZero() {
		return p.dates.meeting.Year(), meetingYearDated
	}
	return p.dates.year, meetingYearInferred
}

// yearNotice says how a yearless 完成时限 raw was read as t with year from its source.
func yearNotice(raw string, year int, from string, t time.Time) string {
	day := t.Format(time.DateOnly)
	switch from {
	case yearFromMeetingDate, yearFromAsOf:
		return fmt.Sprintf(msgYearInferred, raw, from, year, day)
	case yearFromFlag, yearFromMeetings, yearFromReport:
		return fmt.Sprintf(msgYearOfRun, raw, from, year, day)
	}
	return fmt.Sprintf(msgYearFrom, raw, from, year, day)
}

// trimmed is the row's value of field f without surrounding spaces.
func trimmed(r *RawRow, f Field) string { return strings.TrimSpace(r.Vals[f]) }
