package sheets

import (
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
	Status      string `zh:"落实状态" validate:"status"`
	Done        string `zh:"完成日期"`
	Extended    string `zh:"调整后时限" validate:"extended"`
	Group       string // the group heading above the row
	// StatusAllBlank: the row's sheet has a 落实状态 column blank in every row
	StatusAllBlank bool
	Sheet          string // the sheet's name, which may name the category (常务会议)
	Year           int    // the year a date written without one takes (SPEC §4.2)
	Date1904       bool

	// What parse found, once (parsedRow): a category, a readable deadline, a readable
	// 落实状态, a 建议提案 (SPEC §9.5), which needs no 落实状态.
	categoryOK, deadlineOK, extendedOK, statusOK, suggestion bool
}

// itemInput is a parsed row as the warning rules see it.
type itemInput struct {
	Status      Status
	Suggestion  bool // a 建议提案: answered by a 办理结果 without its 答复日期 is no fault
	AsOf        time.Time
	MeetingDate time.Time
	Deadline    bool      // the item has a deadline: one 已落实 without 完成日期 is not on time (SPEC §7)
	Done        time.Time `zh:"完成日期" validate:"done_given,done_not_future,done_after_meeting,done_only_closed"`
}

// Validator applies the row rules of SPEC §5 with a dictionary and an as-of date.
type Validator struct {
	// Assigned marks the rows of a master list (交办清单), which have no 落实状态 column.
	Assigned bool

	// Year is the run's reporting year (年度), taken by a yearless date and by the meeting of
	// a row that has no year of its own context; zero: the as-of year. Meetings of another
	// year than a known Year are named with theirs.
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
		return fl.Parent().FieldByName("categoryOK").Bool()
	}, true))
	must(v.errors.RegisterValidation("deadline", func(fl validator.FieldLevel) bool {
		return fl.Parent().FieldByName("deadlineOK").Bool()
	}, true))
	must(v.errors.RegisterValidation("extended", func(fl validator.FieldLevel) bool {
		return fl.Parent().FieldByName("extendedOK").Bool()
	}, true))
	must(v.errors.RegisterValidation("content", func(fl validator.FieldLevel) bool {
		return !placeholder(fl.Field().String())
	}, true))
	must(v.errors.RegisterValidation("status", func(fl validator.FieldLevel) bool {
		p := fl.Parent()
		return p.FieldByName("suggestion").Bool() || p.FieldByName("statusOK").Bool()
	}, true))

	v.warns = validator.New()
	v.warns.RegisterTagNameFunc(name)
	done := func(fl validator.FieldLevel) (time.Time, itemInput) {
		in := fl.Parent().Interface().(itemInput)
		return in.Done, in
	}
	must(v.warns.RegisterValidation("done_given", func(fl validator.FieldLevel) bool {
		t, in := done(fl)
		return in.Status != Done || !t.IsZero() || in.Suggestion
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
			it.Meeting.Year = int(it.Meeting.chainYear)
			it.MeetingName = meetingName(it.Category, k, it.Meeting, "", 0)
		}
	}
}

// decisive reports whether a field decides an item's identity or figures, so that an
// unreadable value there excludes the row.
func decisive(f Field) bool {
	switch f {
	case FieldCategory, FieldMeeting, FieldContent, FieldLead, FieldDeadline, FieldStatus, FieldExtended:
		return true
	}
	return false
}

// Validate checks the rows and turns the good ones into items. A row with an error is left
// out and counted in excluded; its problems carry the row's raw values. A sheet whose name
// gave rows their category says so once, at the first of them. A date without a year in a
// row without a year of its own context takes v.Year, else the as-of year.
func (v *Validator) Validate(rows []RawRow) (items []Item, excluded int, probs []Problem) {
	s := validation{items: make([]Item, 0, len(rows))}
	blank := blankStatusSheets(rows)
	for i := range rows {
		p := v.parse(&rows[i], v.Year)
		p.in.StatusAllBlank = blank[sheetOf(&rows[i])]
		v.settle(&p)
		v.add(&s, &p)
	}
	return v.close(&s)
}

// validation is the validation of one file's rows under way: each row is finished as soon as
// it is parsed, or, when it waits for the run's reporting year, once that is known (Build).
type validation struct {
	items    []Item
	excluded int
	probs    []Problem
	named    sheetCategories
	hinted   sheetCategories // the sheets whose title or columns gave rows their 建议 category
	dated    sheetCategories // the sheets whose name gave rows their meeting's date
	left     []ExcludedRow   // the rows excluded, with what can be read of them (SPEC §9.1)
}

// add finishes parsed row p into s.
func (v *Validator) add(s *validation, p *parsedRow) {
	it, ps, fromSheet, ok := v.finish(p)
	s.probs = append(s.probs, ps...)
	if !ok {
		s.excluded++
		s.left = append(s.left, v.excludedRow(p, ps))
		return
	}
	s.items = append(s.items, it)
	if fromSheet {
		s.named.add(p.r, &it)
	}
	if p.catFromHint {
		s.hinted.add(p.r, &it)
	}
	switch p.dates.meetingFrom {
	case labelSheet:
		s.dated.addAs(p.r, &it, it.MeetingDate.Format(time.DateOnly), labelSheet+"“"+p.in.Sheet+"”")
	case yearFromTitle:
		s.dated.addAs(p.r, &it, it.MeetingDate.Format(time.DateOnly), yearFromTitle+"“"+p.r.TitleMeeting+"”")
	case labelMeetingName:
		s.probs = append(s.probs, Problem{Pos: p.r.Cell(FieldMeeting), Scope: ScopeCell, Level: Notice, Kind: MeetingByDate, Field: FieldMeetingDate.String(),
			Raw: p.in.Meeting, Msg: fmt.Sprintf(msgMeetingDay, labelMeetingName+"“"+p.in.Meeting+"”", it.MeetingDate.Format(time.DateOnly))})
	}
}

// close ends the validation of a file's rows: the sheets that gave rows their category are
// said, and its meetings take one year each (oneYearPerFile).
func (v *Validator) close(s *validation) (items []Item, excluded int, probs []Problem) {
	oneYearPerFile(s.items, v.reportYear())
	probs = append(s.probs, s.named.notices()...)
	for _, c := range s.hinted {
		probs = append(probs, Problem{Pos: c.first, Scope: ScopeCell, Level: Notice, Kind: CategoryFromSheet, Field: FieldCategory.String(), Raw: c.first.Sheet,
			Msg: fmt.Sprintf(msgHintCategory, c.first.Sheet, c.n, c.cat)})
	}
	for _, c := range s.dated {
		probs = append(probs, Problem{Pos: c.first, Scope: ScopeCell, Level: Notice, Kind: MeetingByDate, Field: FieldMeetingDate.String(), Raw: c.first.Sheet,
			Msg: fmt.Sprintf(msgMeetingDay, c.text, c.cat)})
	}
	return s.items, s.excluded, probs
}

// reportYear is the year a report of v's rows is of, when known (v.Year), else 0: Build
// names the meetings again once it knows the run's year.
func (v *Validator) reportYear() int { return v.Year.Year }

// sheetCategories are the sheets whose name gave rows their category, each with its first
// such row and their number. It holds the sheets whose name or title dates their rows'
// meeting too: cat is then the date, and text the name or title.
type sheetCategories []struct {
	first     Pos
	cat, text string
	n         int
}

func (s *sheetCategories) add(r *RawRow, it *Item) { s.addAs(r, it, it.Category, "") }

// addAs counts row r of item it under cat with text.
func (s *sheetCategories) addAs(r *RawRow, it *Item, cat, text string) {
	for k := range *s {
		if c := &(*s)[k]; c.first.Sheet == it.Src.Sheet && c.cat == cat && c.text == text {
			c.n++
			if r.Pos.Row < c.first.Row {
				c.first = r.Cell(FieldMeeting)
			}
			return
		}
	}
	*s = append(*s, struct {
		first     Pos
		cat, text string
		n         int
	}{r.Cell(FieldMeeting), cat, text, 1})
}

// notices say, once per sheet, that its name gave rows their category.
func (s sheetCategories) notices() []Problem {
	var ps []Problem
	for _, c := range s {
		ps = append(ps, Problem{Pos: c.first, Scope: ScopeCell, Level: Notice, Kind: CategoryFromSheet, Field: FieldCategory.String(), Raw: c.first.Sheet,
			Msg: fmt.Sprintf(msgSheetCategory, c.first.Sheet, c.n, c.cat)})
	}
	return ps
}

// Row validates one row. ok is false when the row has an error and must be excluded.
func (v *Validator) Row(r *RawRow) (it Item, probs []Problem, ok bool) {
	p := v.parse(r, v.Year)
	v.settle(&p)
	it, probs, _, ok = v.finish(&p)
	return it, probs, ok
}

// finish validates a parsed row; fromSheet reports that the sheet's name gave the category.
func (v *Validator) finish(p *parsedRow) (it Item, probs []Problem, fromSheet, ok bool) {
	r, in := p.r, &p.in
	probs = p.probs
	if !p.readable || !v.checkErrors(p, &probs) {
		return it, probs, false, false
	}
	cat, fromSheet := p.cat, p.catFromSheet
	v.checkCategoryKnown(r, in.Category, &probs)
	probs = append(probs, p.dates.probs...)
	v.rowDeadline(p, &probs)
	status, done := v.rowStatus(p, &probs)
	deadline, original := v.rowExtension(p, &probs)
	m, name := v.rowMeeting(p, cat, &probs)
	lead, co := v.rowLead(r, &probs)
	d := &p.dates
	it = Item{
		ID: trimmed(r, FieldID), Category: cat.Name, Kind: cat.Kind, Meeting: m,
		MeetingName: name, MeetingDate: d.meeting,
		Content: in.Content, Parent: r.Parent, Lead: lead, Co: co, Leader: trimmed(r, FieldLeader),
		Deadline: deadline, Status: status, StatusRaw: in.Status, Done: done,
		Progress: trimmed(r, FieldProgress), Note: trimmed(r, FieldNote), Src: r.Pos,
		Original: original, Schedule: v.rowSchedule(r, in.Status),
	}
	if cat.Kind == KindSuggestion {
		v.suggestion(p, &it, &probs)
	}
	v.checkWarnings(r, &it, &probs)
	return it, probs, fromSheet, true
}

// checkUnreadable adds to probs an error for each required column the row's sheet lacks, and
// for each formula without its result, or one that failed (#N/A): an error where the value
// decides the figures, elsewhere a warning, and the value is taken as blank. It reports
// whether the row can be read on.
func (v *Validator) checkUnreadable(r *RawRow, probs *[]Problem) bool {
	for _, f := range v.missingColumns(r) {
		*probs = append(*probs, Problem{Pos: r.Pos, Scope: ScopeRow, Level: Error, Kind: ColumnMissing, Field: f.String(),
			Raw: withRow("", r.Readable()), Msg: v.noColumnMessageAt(f, r) + v.excludedTail()})
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
				Raw: withRow(r.Text(f), r.Readable()), Msg: msg + v.excludedTail()})
			continue
		}
		*probs = append(*probs, Problem{Pos: r.Cell(f), Scope: ScopeCell, Level: Warning, Kind: FormulaUnreadable, Field: f.String(), Raw: r.Text(f), Msg: msg + msgTakenBlank})
		r.Vals[f], r.Kinds[f] = "", xlsx.Blank
	}
	return Count(*probs, Error) == 0
}

// excludedTail ends the message of an error that excludes a row: addressed to the unit that
// sends its ledger back, or, on the office's own master list (Assigned), to the office.
func (v *Validator) excludedTail() string {
	if v.Assigned {
		return msgMasterExcluded
	}
	return msgExcluded
}

// checkErrors applies the rules whose failure excludes the row, adds an error to probs for
// each that fails, and reports whether none did.
func (v *Validator) checkErrors(p *parsedRow, probs *[]Problem) bool {
	r := p.r
	err := v.errors.Struct(p.in)
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
			Raw: withRow(raw, whole), Msg: v.errorMessage(f, fe.Tag(), raw, p) + v.excludedTail(),
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

// rowDeadline notes a 完成时限 whose year was taken from the row's context or the run, and
// warns about one that falls before the meeting.
func (v *Validator) rowDeadline(p *parsedRow, probs *[]Problem) {
	d, in, r := &p.dates, &p.in, p.r
	dl, meeting := d.deadline, d.meeting
	v.deadlineNotice(r, in.Deadline, dl, probs)
	switch {
	case d.rolled:
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Notice, Kind: DeadlineYearInferred, Field: FieldDeadline.String(),
			Raw: in.Deadline, Msg: fmt.Sprintf(msgYearInferredNext, in.Deadline, meeting.Format(time.DateOnly), dl.Date.Format(time.DateOnly))})
	case dl.YearInferred:
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Notice, Kind: DeadlineYearInferred, Field: FieldDeadline.String(),
			Raw: in.Deadline, Msg: yearNotice(in.Deadline, d.year, d.yearFrom, dl.Date)})
	case !dl.Date.IsZero() && !meeting.IsZero() && dl.Date.Before(meeting):
		*probs = append(*probs, Problem{Pos: r.Cell(FieldDeadline), Scope: ScopeCell, Level: Warning, Kind: DeadlineBeforeMeeting, Field: FieldDeadline.String(),
			Raw: r.Text(FieldDeadline), Msg: fmt.Sprintf(msgDeadlineBeforeMeeting, dl.Date.Format(time.DateOnly), meeting.Format(time.DateOnly))})
	}
}

// rowMeeting reads the row's meeting in category cat (SPEC §4.1) and returns it with the name
// it is shown by, warning about a meeting's item that names none and noting a 类别 that gave
// it. A meeting's identity has its year; one with no number is known by its date.
func (v *Validator) rowMeeting(p *parsedRow, cat Category, probs *[]Problem) (m Meeting, name string) {
	in, r := &p.in, p.r
	m = p.meeting
	if _, known := v.dict.Category(cat.Name); cat.Kind == KindMeeting || !known {
		y, by := p.meetingYear() // also for a kind unifyKinds may yet decide
		m.chainYear, m.yearBy = int16(y), by
	}
	if cat.Kind == KindMeeting {
		// 纪要〔2023〕5号 is the fifth meeting of 2023: one meeting with 2023's 第5次.
		m.Year = int(m.chainYear)
		if m.Num == 0 {
			m.Num = sessionOnly(in.Meeting) // a 会议届次 cell holding 3
		}
	}
	if m.Num == 0 {
		m.Date = p.dates.meeting
	}
	if cat.Kind == KindMeeting && in.Meeting == "" && p.dates.meetingFrom == "" {
		*probs = append(*probs, Problem{Pos: r.Cell(FieldMeeting), Scope: ScopeCell, Level: Warning, Kind: MeetingMissing, Field: FieldMeeting.String(),
			Msg: msgNoMeeting})
	}
	if p.categoryMeeting {
		// The name without its year, which the run's year may not yet tell.
		*probs = append(*probs, Problem{Pos: r.Cell(FieldCategory), Scope: ScopeCell, Level: Notice, Kind: CategoryIsMeeting, Field: FieldCategory.String(),
			Raw: in.Category, Msg: fmt.Sprintf(msgCategoryMeeting, in.Category, meetingName(cat.Name, cat.Kind, m, in.Meeting, 0))})
	}
	name = meetingName(cat.Name, cat.Kind, m, in.Meeting, v.reportYear())
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
	w := itemInput{Status: it.Status, Suggestion: it.Kind == KindSuggestion, AsOf: v.asOf, MeetingDate: it.MeetingDate,
		Deadline: it.HasDeadline(), Done: it.Done}
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
// name, when it names a session, else a title naming a meeting by its date (title). categoryMeeting reports the first, which is said in a notice.
func (v *Validator) meetingFromContext(in *rowInput, title string) (categoryMeeting bool) {
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
		return false
	}
	if title != "" && in.Category == "" && in.Group == "" && !v.namesMeeting(in.Sheet) {
		in.Meeting = title // a ledger titled 县政府6月20日专题会议议定事项
	}
	return false
}

// missingColumns returns the required columns (SPEC §3.1) that the row's sheet lacks: 事项内容,
// 完成时限 (whose cells may be blank, but not the column: without it every item would
// silently count as 无明确时限), 落实状态 (not for a master list), and 类别 or 会议.
func (v *Validator) missingColumns(r *RawRow) []Field {
	var miss []Field
	suggestion := -1 // whether the row is a 建议提案, found out when it matters
	isSuggestion := func() bool {
		if suggestion < 0 {
			suggestion = b2i(v.isSuggestionRow(r))
		}
		return suggestion == 1
	}
	for _, f := range []Field{FieldCategory, FieldContent, FieldDeadline, FieldStatus} {
		switch {
		case r.Cols[f] > 0:
		case f == FieldCategory && r.Hint != "":
		case (f == FieldDeadline || f == FieldStatus) && isSuggestion():
		case f == FieldCategory && (r.Cols[FieldMeeting] > 0 || r.Group != ""):
		case f == FieldCategory && (v.sheetNamesCategory(r.Pos.Sheet) || r.TitleMeeting != ""):
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
func (v *Validator) errorMessage(f Field, tag, raw string, p *parsedRow) string {
	switch tag {
	case "required":
		return fmt.Sprintf(msgRequired, f)
	case "content":
		return fmt.Sprintf(msgContentPlaceholder, raw)
	case "category":
		return fmt.Sprintf(msgNoCategory, p.in.Meeting)
	case "status":
		if raw == "" && p.in.StatusAllBlank {
			return msgStatusAllBlank
		}
		if raw == "" {
			return msgStatusEmpty
		}
		return v.dict.statusMessage(raw)
	case "deadline":
		if p.r.Kinds[FieldDeadline] == xlsx.Number && decimalMonth(raw) {
			return fmt.Sprintf(msgDecimalMonth, raw)
		}
		return fmt.Sprintf("%s“%s”%s", f, raw, errText(p.dates.deadlineErr))
	case "extended":
		if p.r.Kinds[FieldExtended] == xlsx.Number && decimalMonth(raw) {
			return fmt.Sprintf(msgDecimalMonthExtended, raw)
		}
		return fmt.Sprintf("%s“%s”%s", f, raw, errText(p.dates.extendedErr))
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
		class := msgDoneClass // 已完成（已落实）, but not 已落实（已落实）
		if strings.TrimSpace(statusRaw) == Done.String() {
			class = ""
		}
		if in.Deadline {
			return fmt.Sprintf(msgDoneMissing, statusRaw, class) + msgDoneMissingOnTime
		}
		return fmt.Sprintf(msgDoneMissing, statusRaw, class)
	case "done_not_future":
		return fmt.Sprintf(msgDoneFuture, day(in.Done), day(in.AsOf))
	case "done_after_meeting":
		return fmt.Sprintf(msgDoneBeforeMeeting, day(in.Done), day(in.MeetingDate))
	case "done_only_closed":
		return fmt.Sprintf(msgOpenWithDone, statusRaw, day(in.Done))
	}
	return tag
}
