package sheets

import (
	"cmp"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/go-playground/validator/v10"
)

// rowInput is a data row's text as the row rules (SPEC §5) see it. Field names come from the
// zh tags, so a validation error names the column as the clerk knows it.
type rowInput struct {
	Content     string `zh:"事项内容" validate:"required,content"`
	Category    string `zh:"类别" validate:"category"`
	Meeting     string `zh:"会议"`
	MeetingDate string `zh:"会议日期"`
	Deadline    string `zh:"完成时限" validate:"deadline"`
	DeadlineNum bool   // the 完成时限 cell holds a number (2024.6 typed into a number cell)
	Status      string `zh:"落实状态" validate:"status"`
	Done        string `zh:"完成日期"`
	Group       string // the group heading above the row
	// StatusAllBlank: the row's sheet has a 落实状态 column blank in every row
	StatusAllBlank bool
	Sheet          string // the sheet's name, which may name the category (常务会议)
	Year           int    // the year a date written without one takes (SPEC §4.2)
	Date1904       bool
}

// itemInput is a parsed row as the warning rules see it.
type itemInput struct {
	Status      Status
	AsOf        time.Time
	MeetingDate time.Time
	Done        time.Time `zh:"完成日期" validate:"done_given,done_not_future,done_after_meeting,done_only_closed"`
}

// Validator applies the row rules of SPEC §5 with a dictionary and an as-of date.
type Validator struct {
	// Assigned marks the rows of a master list (交办清单), which have no 落实状态 column.
	Assigned bool

	// Year is the run's reporting year (年度), taken by a yearless date whose row has no year
	// of its own context; zero: the as-of year.
	Year RunYear

	dict   *Dict
	asOf   time.Time
	errors *validator.Validate // rules whose failure excludes the row
	warns  *validator.Validate // rules whose failure is a warning
}

// NewValidator returns the row rules for dictionary d and statistics date asOf.
func NewValidator(d *Dict, asOf time.Time) *Validator {
	v := &Validator{dict: d, asOf: asOf}
	name := func(f reflect.StructField) string { return f.Tag.Get("zh") }

	v.errors = validator.New(validator.WithRequiredStructEnabled())
	v.errors.RegisterTagNameFunc(name)
	must(v.errors.RegisterValidation("category", func(fl validator.FieldLevel) bool {
		p := fl.Parent()
		_, _, ok := v.category(fl.Field().String(), p.FieldByName("Meeting").String(), p.FieldByName("Group").String(), p.FieldByName("Sheet").String())
		return ok
	}, true))
	must(v.errors.RegisterValidation("deadline", func(fl validator.FieldLevel) bool {
		p := fl.Parent()
		if p.FieldByName("DeadlineNum").Bool() && decimalMonth(fl.Field().String()) {
			return false
		}
		_, _, err := v.deadline(fl.Field().String(), p.FieldByName("MeetingDate").String(), int(p.FieldByName("Year").Int()), p.FieldByName("Date1904").Bool())
		return err == nil
	}, true))
	must(v.errors.RegisterValidation("content", func(fl validator.FieldLevel) bool {
		return !placeholder(fl.Field().String())
	}, true))
	must(v.errors.RegisterValidation("status", func(fl validator.FieldLevel) bool {
		return d.readStatus(fl.Field().String()).ok
	}, true))

	v.warns = validator.New()
	v.warns.RegisterTagNameFunc(name)
	done := func(fl validator.FieldLevel) (time.Time, itemInput) {
		in := fl.Parent().Interface().(itemInput)
		return in.Done, in
	}
	must(v.warns.RegisterValidation("done_given", func(fl validator.FieldLevel) bool {
		t, in := done(fl)
		return in.Status != Done || !t.IsZero()
	}, true))
	must(v.warns.RegisterValidation("done_not_future", func(fl validator.FieldLevel) bool {
		t, in := done(fl)
		return !t.After(in.AsOf)
	}, true))
	must(v.warns.RegisterValidation("done_after_meeting", func(fl validator.FieldLevel) bool {
		t, in := done(fl)
		return t.IsZero() || in.MeetingDate.IsZero() || !t.Before(in.MeetingDate)
	}, true))
	must(v.warns.RegisterValidation("done_only_closed", func(fl validator.FieldLevel) bool {
		t, in := done(fl)
		return t.IsZero() || in.Status == Done
	}, true))
	return v
}

func must(err error) {
	if err != nil {
		panic(err) // a programming error in the rule table, caught by every test
	}
}

// category resolves the category (SPEC §4.1) from the category cell, else from the meeting
// name, else from the group heading above the row, else from the sheet's name (a sheet named
// 常务会议 whose rows say only 第3次); fromSheet reports the last. An unknown category written
// in the cell is kept as written.
func (v *Validator) category(cell, meeting, group, sheet string) (c Category, fromSheet, ok bool) {
	if strings.TrimSpace(cell) != "" {
		if k, found := v.dict.Category(cell); found {
			return *k, false, true
		}
		// A category cell holding a meeting name, such as 市政府第五次常务会议.
		if k, found := v.dict.CategoryOf(cell); found {
			return *k, false, true
		}
		return Category{Name: strings.TrimSpace(cell), Kind: guessKind(meeting)}, false, true
	}
	if k, found := v.dict.CategoryOf(meeting); found {
		return *k, false, true
	}
	// The group heading above the row: 一、市政府常务会议议定事项, or （二）市长批示件.
	if k, found := v.named(headingNumber.ReplaceAllString(group, "")); found {
		return *k, false, true
	}
	if k, found := v.named(sheet); found {
		return *k, true, true
	}
	return Category{}, false, false
}

// named recognises a category in a heading or sheet name: by the dictionary's keywords, or
// as a category name or alias.
func (v *Validator) named(s string) (*Category, bool) {
	if k, found := v.dict.CategoryOf(s); found {
		return k, true
	}
	return v.dict.Category(s)
}

// guessKind tells what a category the dictionary does not know counts, from how its meeting
// is written: a session (第5次) is a meeting, a document number (〔2024〕5号) an instruction,
// anything else a task list.
func guessKind(meeting string) Kind {
	switch m := ParseMeeting(meeting); {
	case m.Num > 0 && m.Year == 0:
		return KindMeeting
	case m.Num > 0:
		return KindDoc
	}
	return KindTask
}

// unifyKinds gives every item of a category the dictionary does not know one kind, decided
// over all its rows in items and in others (guessKind decides row by row): 会议 if any row
// names a session, else 批示 if any names a document number, else 任务. A meeting is then
// known by its number alone, as for the dictionary's meeting categories. Only items change.
func unifyKinds(d *Dict, items []Item, others ...[]Item) {
	kinds := map[string]Kind{}
	for _, items := range append([][]Item{items}, others...) {
		for i := range items {
			it := &items[i]
			if _, known := d.Category(it.Category); known {
				continue
			}
			k, seen := kinds[it.Category]
			if !seen || it.Kind == KindMeeting || it.Kind == KindDoc && k == KindTask {
				kinds[it.Category] = it.Kind
			}
		}
	}
	for i := range items {
		it := &items[i]
		k, ok := kinds[it.Category]
		if !ok || it.Kind == k {
			continue
		}
		it.Kind = k
		if k == KindMeeting && it.Meeting.Num > 0 {
			it.Meeting.Year = 0
			it.MeetingName = MeetingName(it.Category, it.Meeting, "")
		}
	}
}

// decisive reports whether a field decides an item's identity or figures, so that an
// unreadable value there excludes the row.
func decisive(f Field) bool {
	switch f {
	case FieldCategory, FieldMeeting, FieldContent, FieldLead, FieldDeadline, FieldStatus:
		return true
	}
	return false
}

// deadline reads a 完成时限. A form without a year takes year (the row's, SPEC §4.2); if
// that puts it before the meeting (3月底前 set in December), or makes it impossible (2月29日
// in a year that has none), the next year's date is taken and rolled says so.
func (v *Validator) deadline(raw, meetingDate string, year int, date1904 bool) (dl Deadline, rolled bool, err error) {
	dl, err = v.readDeadline(raw, year, date1904)
	meeting, merr := ParseDate(meetingDate, date1904)
	if merr != nil || meeting.IsZero() || err == nil && !(dl.YearInferred && dl.Date.Before(meeting)) {
		return dl, false, err
	}
	if next, nerr := v.readDeadline(raw, year+1, date1904); nerr == nil && next.YearInferred && !next.Date.Before(meeting) {
		return next, true, nil
	}
	return dl, false, err
}

// year is the year a date written without one takes in the row in (SPEC §4.2), and the words
// that say where it came from: the row's own context (ownYear), else the run's reporting
// year, else the as-of date's.
func (v *Validator) year(in *rowInput, r *RawRow) (year int, from string) {
	if y, from := ownYear(in, r.TitleYear, r.TitleYearFrom); y > 0 {
		return y, from
	}
	if v.Year.Year > 0 {
		return v.Year.Year, v.Year.From
	}
	return v.asOf.Year(), yearFromAsOf
}

// Validate checks the rows and turns the good ones into items. A row with an error is left
// out and counted in excluded; its problems carry the row's raw values. A sheet whose name
// gave rows their category says so once, at the first of them.
func (v *Validator) Validate(rows []RawRow) (items []Item, excluded int, probs []Problem) {
	items = make([]Item, 0, len(rows))
	type bySheet struct {
		first Pos
		cat   string
		n     int
	}
	var named []bySheet
	blank := blankStatusSheets(rows)
	for i := range rows {
		it, ps, fromSheet, ok := v.row(&rows[i], blank[sheetOf(&rows[i])])
		probs = append(probs, ps...)
		if !ok {
			excluded++
			continue
		}
		items = append(items, it)
		if !fromSheet {
			continue
		}
		if k := len(named) - 1; k >= 0 && named[k].first.Sheet == it.Src.Sheet && named[k].cat == it.Category {
			named[k].n++
			continue
		}
		named = append(named, bySheet{rows[i].Cell(FieldMeeting), it.Category, 1})
	}
	for _, s := range named {
		probs = append(probs, Problem{Pos: s.first, Scope: ScopeCell, Level: Notice, Kind: CategoryFromSheet, Field: FieldCategory.String(), Raw: s.first.Sheet,
			Msg: fmt.Sprintf(msgSheetCategory, s.first.Sheet, s.n, s.cat)})
	}
	return items, excluded, probs
}

// Row validates one row. ok is false when the row has an error and must be excluded.
func (v *Validator) Row(r *RawRow) (it Item, probs []Problem, ok bool) {
	it, probs, _, ok = v.row(r, false)
	return it, probs, ok
}

// row is Row; fromSheet reports that the sheet's name gave the category. statusAllBlank says
// that the row's sheet has no status in any row (blankStatusSheets).
func (v *Validator) row(r *RawRow, statusAllBlank bool) (it Item, probs []Problem, fromSheet, ok bool) {
	if !v.checkUnreadable(r, &probs) {
		return it, probs, false, false
	}
	in, categoryMeeting, yearFrom := v.input(r)
	in.StatusAllBlank = statusAllBlank
	if !v.checkErrors(r, &in, &probs) {
		return it, probs, false, false
	}
	cat, fromSheet, _ := v.category(in.Category, in.Meeting, in.Group, in.Sheet)
	v.checkCategoryKnown(r, in.Category, &probs)
	meetingDate, ps := v.date(r, FieldMeetingDate, in.Year)
	probs = append(probs, ps...)
	dl := v.rowDeadline(r, &in, yearFrom, meetingDate, &probs)
	status, done := v.rowStatus(r, &in, &probs)
	m, name := v.rowMeeting(r, &in, cat, meetingDate, categoryMeeting, &probs)
	lead, co := v.rowLead(r, &probs)
	it = Item{
		ID: trimmed(r, FieldID), Category: cat.Name, Kind: cat.Kind, Meeting: m,
		MeetingName: name, MeetingDate: meetingDate,
		Content: in.Content, Parent: r.Parent, Lead: lead, Co: co, Leader: trimmed(r, FieldLeader),
		Deadline: dl.Date, Status: status, StatusRaw: in.Status, Done: done,
		Progress: trimmed(r, FieldProgress), Note: trimmed(r, FieldNote), Src: r.Pos,
	}
	v.checkWarnings(r, &it, &probs)
	return it, probs, fromSheet, true
}

// trimmed is the row's value of field f without surrounding spaces.
func trimmed(r *RawRow, f Field) string { return strings.TrimSpace(r.Vals[f]) }

// checkUnreadable adds to probs an error for each required column the row's sheet lacks, and
// for each formula without its result, or one that failed (#N/A): an error where the value
// decides the figures, elsewhere a warning, and the value is taken as blank. It reports
// whether the row can be read on.
func (v *Validator) checkUnreadable(r *RawRow, probs *[]Problem) bool {
	for _, f := range v.missingColumns(r) {
		*probs = append(*probs, Problem{Pos: r.Pos, Scope: ScopeRow, Level: Error, Kind: ColumnMissing, Field: f.String(),
			Raw: withRow("", r.Readable()), Msg: v.noColumnMessageAt(f, r) + msgExcluded})
	}
	for f := Field(0); f < NumFields; f++ {
		var msg string
		switch r.Kinds[f] {
		case xlsx.Uncalculated:
			msg = fmt.Sprintf(msgUncalculated, f)
		case xlsx.Error:
			msg = fmt.Sprintf(msgErrorValue, f, trimmed(r, f))
		default:
			continue
		}
		if decisive(f) {
			*probs = append(*probs, Problem{Pos: r.Cell(f), Scope: ScopeCell, Level: Error, Kind: FormulaUnreadable, Field: f.String(),
				Raw: withRow(r.Text(f), r.Readable()), Msg: msg + msgExcluded})
			continue
		}
		*probs = append(*probs, Problem{Pos: r.Cell(f), Scope: ScopeCell, Level: Warning, Kind: FormulaUnreadable, Field: f.String(), Raw: r.Text(f), Msg: msg + msgTakenBlank})
		r.Vals[f], r.Kinds[f] = "", xlsx.Blank
	}
	return Count(*probs, Error) == 0
}

// input is the row's text as the row rules see it, its 会议 filled from context
// (meetingFromContext, whose categoryMeeting it returns), and its year for dates written
// without one, which came from yearFrom.
func (v *Validator) input(r *RawRow) (in rowInput, categoryMeeting bool, yearFrom string) {
	in = rowInput{
		Content: trimmed(r, FieldContent), Category: trimmed(r, FieldCategory), Meeting: trimmed(r, FieldMeeting),
		MeetingDate: trimmed(r, FieldMeetingDate), Deadline: trimmed(r, FieldDeadline), Status: trimmed(r, FieldStatus),
		Done: trimmed(r, FieldDone), Group: r.Group, Sheet: r.Pos.Sheet, Date1904: r.Date1904,
		DeadlineNum: r.Kinds[FieldDeadline] == xlsx.Number,
	}
	categoryMeeting = v.meetingFromContext(&in)
	in.Year, yearFrom = v.year(&in, r)
	return in, categoryMeeting, yearFrom
}

// checkErrors applies the rules whose failure excludes the row, adds an error to probs for
// each that fails, and reports whether none did.
func (v *Validator) checkErrors(r *RawRow, in *rowInput, probs *[]Problem) bool {
	err := v.errors.Struct(*in)
	if err == nil {
		return true
	}
	var fes validator.ValidationErrors
	if !errors.As(err, &fes) {
		*probs = append(*probs, Problem{Pos: r.Pos, Scope: ScopeRow, Level: Error, Kind: RowInvalid, Raw: r.Readable(), Msg: err.Error()})
		return false
	}
	whole := r.Readable()
	for _, fe := range fes {
		f, _ := FieldByLabel(fe.Field())
		raw := fmt.Sprint(fe.Value())
		*probs = append(*probs, Problem{
			Pos: r.Cell(f), Scope: ScopeCell, Level: Error, Kind: RowInvalid, Field: f.String(),
			Raw: withRow(raw, whole), Msg: v.errorMessage(f, fe.Tag(), raw, in) + msgExcluded,
		})
	}
	return false
}

// checkCategoryKnown warns about a 类别 the dictionary knows neither by name nor by keyword.
func (v *Validator) checkCategoryKnown(r *RawRow, category string, probs *[]Problem) {
	if category == "" {
		return
	}
	_, named := v.dict.Category(category)
	_, recognised := v.dict.CategoryOf(category)
	if !named && !recognised {
		*probs = append(*probs, Problem{Pos: r.Cell(FieldCategory), Scope: ScopeCell, Level: Warning, Kind: CategoryUnknown, Field: FieldCategory.String(),
			Raw: category, Msg: fmt.Sprintf(msgUnknownCategory, category)})
	}
}

// rowDeadline reads the row's 完成时限, which checkErrors found readable, with a notice when
// its year was inferred and a warning when it falls before the meeting.
func (v *Validator) rowDeadline(r *RawRow, in *rowInput, yearFrom string, meetingDate time.Time, probs *[]Problem) Deadline {
	dl, rolled, _ := v.deadline(in.Deadline, in.MeetingDate, in.Year, r.Date1904)
	v.deadlineNotice(r, in.Deadline, dl, probs)
	switch {
	case rolled:
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Notice, Kind: DeadlineYearInferred, Field: FieldDeadline.String(),
			Raw: in.Deadline, Msg: fmt.Sprintf(msgYearInferredNext, in.Deadline, meetingDate.Format(time.DateOnly), dl.Date.Format(time.DateOnly))})
	case dl.YearInferred:
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Notice, Kind: DeadlineYearInferred, Field: FieldDeadline.String(),
			Raw: in.Deadline, Msg: yearNotice(in.Deadline, in.Year, yearFrom, dl.Date)})
	case !dl.Date.IsZero() && !meetingDate.IsZero() && dl.Date.Before(meetingDate):
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Warning, Kind: DeadlineBeforeMeeting, Field: FieldDeadline.String(),
			Raw: r.Text(FieldDeadline), Msg: fmt.Sprintf(msgDeadlineBeforeMeeting, dl.Date.Format(time.DateOnly), meetingDate.Format(time.DateOnly))})
	}
	return dl
}

// rowMeeting reads the row's meeting in category cat and returns it with the name it is
// shown by, warning about a meeting's item that names none and noting a 类别 that gave it.
func (v *Validator) rowMeeting(r *RawRow, in *rowInput, cat Category, meetingDate time.Time, categoryMeeting bool, probs *[]Problem) (m Meeting, name string) {
	m = ParseMeeting(in.Meeting)
	if cat.Kind == KindMeeting {
		m.Year = 0 // 纪要〔2023〕5号 is the fifth meeting: one meeting with 第5次 (SPEC §4.1)
		if m.Num == 0 {
			m.Num = sessionOnly(in.Meeting) // a 会议届次 cell holding 3
		}
	}
	if m.Num == 0 {
		m.Date = meetingDate
	}
	if cat.Kind == KindMeeting && in.Meeting == "" {
		*probs = append(*probs, Problem{Pos: r.Cell(FieldMeeting), Scope: ScopeCell, Level: Warning, Kind: MeetingMissing, Field: FieldMeeting.String(),
			Msg: msgNoMeeting})
	}
	name = MeetingName(cat.Name, m, in.Meeting)
	if categoryMeeting {
		*probs = append(*probs, Problem{Pos: r.Cell(FieldCategory), Scope: ScopeCell, Level: Notice, Kind: CategoryIsMeeting, Field: FieldCategory.String(),
			Raw: in.Category, Msg: fmt.Sprintf(msgCategoryMeeting, in.Category, name)})
	}
	if cat.Kind != KindMeeting && m.Num == 0 {
		// A task list or an unnumbered document is shown as written, not by its date.
		name = cmp.Or(in.Meeting, cat.Name)
	}
	return m, name
}

// rowLead reads the row's 牵头单位 (the file's unit when the row names none) by its
// dictionary name, and its 配合单位.
func (v *Validator) rowLead(r *RawRow, probs *[]Problem) (lead, co string) {
	lead, co = v.lead(r, probs)
	if lead == "" {
		lead = r.UnitFromFile
		*probs = append(*probs, Problem{Pos: r.Cell(FieldLead), Scope: ScopeCell, Level: Notice, Kind: LeadFromFile, Field: FieldLead.String(),
			Msg: fmt.Sprintf(msgLeadFromFile, lead)})
	}
	if name, known := v.dict.Unit(lead); known {
		return name, co
	}
	*probs = append(*probs, Problem{Pos: r.Cell(FieldLead), Scope: ScopeCell, Level: Warning, Kind: UnitUnknown, Field: FieldLead.String(),
		Raw: lead, Msg: fmt.Sprintf(msgUnknownUnit, lead)})
	return lead, co
}

// checkWarnings applies the warning rules to the row's item it.
func (v *Validator) checkWarnings(r *RawRow, it *Item, probs *[]Problem) {
	w := itemInput{Status: it.Status, AsOf: v.asOf, MeetingDate: it.MeetingDate, Done: it.Done}
	err := v.warns.Struct(w)
	if err == nil {
		return
	}
	var fes validator.ValidationErrors // escapes to the heap: declared only for a row with warnings
	if !errors.As(err, &fes) {
		return
	}
	for _, fe := range fes {
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDone), Scope: ScopeCell, Level: Warning, Kind: DoneDateDoubtful, Field: FieldDone.String(),
			Raw: r.Text(FieldDone), Msg: v.warningMessage(fe.Tag(), &w, it.StatusRaw)})
	}
}

// meetingFromContext fills a blank 会议 from the row's context (SPEC §4.1): a 类别 cell that is
// a whole meeting name (事项来源: 市政府第5次常务会议), else a group heading, else the sheet's
// name, when it names a session. categoryMeeting reports the first, which is said in a notice.
func (v *Validator) meetingFromContext(in *rowInput) (categoryMeeting bool) {
	if in.Meeting != "" {
		return false
	}
	session := func(s string) bool { return ParseMeeting(s).Num > 0 }
	if session(in.Category) {
		_, named := v.dict.Category(in.Category)
		if _, found := v.dict.CategoryOf(in.Category); found && !named {
			in.Meeting = in.Category
			return true
		}
	}
	if session(in.Group) {
		in.Meeting = in.Group // a heading naming the meeting: 市政府第5次常务会议
		return false
	}
	if _, found := v.dict.CategoryOf(in.Sheet); found && in.Category == "" && session(in.Sheet) {
		in.Meeting = in.Sheet // a sheet named 第5次常务会议
	}
	return false
}

// yearNotice says how a yearless 完成时限 raw was read as t with year from its source.
func yearNotice(raw string, year int, from string, t time.Time) string {
	day := t.Format(time.DateOnly)
	switch from {
	case yearFromMeetingDate, yearFromAsOf:
		return fmt.Sprintf(msgYearInferred, raw, from, year, day)
	case yearFromFlag, yearFromMeetings:
		return fmt.Sprintf(msgYearOfRun, raw, from, year, day)
	}
	return fmt.Sprintf(msgYearFrom, raw, from, year, day)
}

// date reads a 会议日期 or 完成日期 (SPEC §4.2). A date written without a year takes
// defaultYear, with a notice. An unreadable one is a warning and counts as blank: the row
// stays in the statistics, which do not hang on these dates.
func (v *Validator) date(r *RawRow, f Field, defaultYear int) (time.Time, []Problem) {
	raw := strings.TrimSpace(r.Vals[f])
	t, err := ParseDate(TrimPunct(raw), r.Date1904)
	if err == nil {
		return t, nil
	}
	if errors.Is(err, errDateNoYear) {
		if dl, err2 := ParseDeadline(TrimPunct(raw), nil, defaultYear, r.Date1904); err2 == nil && dl.YearInferred {
			return dl.Date, []Problem{{Pos: r.Cell(f), Scope: ScopeCell, Level: Notice, Kind: DateYearInferred, Field: f.String(), Raw: raw,
				Msg: fmt.Sprintf(msgDateYearInferred, f, raw, defaultYear, dl.Date.Format(time.DateOnly))}}
		}
	}
	return time.Time{}, []Problem{{Pos: r.Cell(f), Scope: ScopeCell, Level: Warning, Kind: DateUnreadable, Field: f.String(), Raw: raw,
		Msg: fmt.Sprintf(msgDateIgnored, f, raw, err)}}
}

// missingColumns returns the required columns (SPEC §3.1) that the row's sheet lacks: 事项内容,
// 完成时限 (whose cells may be blank, but not the column: without it every item would
// silently count as 无明确时限), 落实状态 (not for a master list), and 类别 or 会议.
func (v *Validator) missingColumns(r *RawRow) []Field {
	var miss []Field
	for _, f := range []Field{FieldCategory, FieldContent, FieldDeadline, FieldStatus} {
		switch {
		case r.Cols[f] > 0:
		case f == FieldCategory && (r.Cols[FieldMeeting] > 0 || r.Group != ""):
		case f == FieldCategory && v.sheetNamesCategory(r.Pos.Sheet):
		case f == FieldStatus && v.Assigned:
		default:
			miss = append(miss, f)
		}
	}
	return miss
}

// sheetNamesCategory reports whether a sheet's name is a category's (常务会议, 专题会), which
// gives its rows their category when they have no 类别 column (SPEC §4.1).
func (v *Validator) sheetNamesCategory(sheet string) bool {
	_, ok := v.named(sheet)
	return ok
}

// noColumnMessage says which column a sheet lacks and what it may be called.
func (v *Validator) noColumnMessage(f Field) string {
	if f == FieldCategory {
		return msgNoCategoryColumn
	}
	names := append([]string{f.String()}, v.dict.Columns[f]...)
	return fmt.Sprintf(msgNoColumn, strings.Join(names[:min(len(names), 4)], "、"))
}

// withRow appends the whole row's values to a cell's raw value, so that an excluded row
// keeps its values in 原值.
func withRow(raw, whole string) string {
	switch {
	case whole == "":
		return raw
	case raw == "":
		return rowPrefix + whole
	}
	return raw + "\n" + rowPrefix + whole
}

// errorMessage explains a failed error rule in words a unit clerk can act on.
func (v *Validator) errorMessage(f Field, tag, raw string, in *rowInput) string {
	switch tag {
	case "required":
		return fmt.Sprintf(msgRequired, f)
	case "content":
		return fmt.Sprintf(msgContentPlaceholder, raw)
	case "category":
		return fmt.Sprintf(msgNoCategory, in.Meeting)
	case "status":
		if raw == "" && in.StatusAllBlank {
			return msgStatusAllBlank
		}
		if raw == "" {
			return msgStatusEmpty
		}
		return v.dict.statusMessage(raw)
	case "deadline":
		if in.DeadlineNum && decimalMonth(raw) {
			return fmt.Sprintf(msgDecimalMonth, raw)
		}
		_, _, err := v.deadline(raw, in.MeetingDate, in.Year, in.Date1904)
		return fmt.Sprintf("%s“%s”%s", f, raw, errText(err))
	}
	return fmt.Sprintf("%s“%s”不符合要求（%s）", f, raw, tag)
}

func errText(err error) string {
	if err == nil {
		return "无效"
	}
	return err.Error()
}

// warningMessage explains a failed warning rule.
func (v *Validator) warningMessage(tag string, in *itemInput, statusRaw string) string {
	day := func(t time.Time) string { return t.Format(time.DateOnly) }
	switch tag {
	case "done_given":
		return fmt.Sprintf(msgDoneMissing, statusRaw)
	case "done_not_future":
		return fmt.Sprintf(msgDoneFuture, day(in.Done), day(in.AsOf))
	case "done_after_meeting":
		return fmt.Sprintf(msgDoneBeforeMeeting, day(in.Done), day(in.MeetingDate))
	case "done_only_closed":
		return fmt.Sprintf(msgOpenWithDone, statusRaw, day(in.Done))
	}
	return tag
}
