package sheets

import (
	"cmp"
	"slices"
)

// Level is how serious a Problem is.
type Level int

const (
	// Error (错误): the row or file is excluded from all statistics.
	Error Level = iota
	// Warning (警告): the row counts, but something is suspicious.
	Warning
	// Notice (提示): information, e.g. a skipped sheet or an inferred year.
	Notice
)

// String returns the Chinese name of the level.
func (l Level) String() string {
	switch l {
	case Error:
		return "错误"
	case Warning:
		return "警告"
	}
	return "提示"
}

// Problem is one finding about the input, pointed at the cell to fix. Its kind and scope are
// set where it is made, so that nothing later works them out again from its message or the
// shape of its Pos.
type Problem struct {
	Pos   Pos
	Scope Scope // what Pos points at: the run, a file, a sheet, a row or a cell
	Level Level
	Kind  ProblemKind
	Field string // column label (canonical), may be empty
	Raw   string // the raw value, or for an excluded row all its values
	Msg   string // plain-Chinese explanation a unit clerk can act on
	// Detail is a problem listed in the check file only: the terminal gives its summary in
	// another problem (one warning per pair of files, not one per item).
	Detail bool
}

// String formats p as one stderr line: 文件!工作表!单元格: 级别: 说明.
func (p Problem) String() string {
	if p.Scope == ScopeRun { // such as a gap in meeting numbers
		return p.Level.String() + ": " + p.Msg
	}
	return p.Pos.String() + ": " + p.Level.String() + ": " + p.Msg
}

// SortProblems orders problems errors first, then by place, then by message, so output
// does not depend on the order in which files were read.
func SortProblems(ps []Problem) {
	slices.SortStableFunc(ps, func(a, b Problem) int {
		if c := cmp.Compare(a.Level, b.Level); c != 0 {
			return c
		}
		if c := a.Pos.compare(b.Pos); c != 0 {
			return c
		}
		if c := cmp.Compare(a.Field, b.Field); c != 0 {
			return c
		}
		return cmp.Compare(a.Msg, b.Msg)
	})
}

// Count returns how many problems have level l.
func Count(ps []Problem, l Level) int {
	n := 0
	for _, p := range ps {
		if p.Level == l {
			n++
		}
	}
	return n
}

// Scope is what a problem is about, and so what its Pos holds.
type Scope int

// The scopes of a problem. The zero Scope is none: a problem made without one is a bug.
const (
	ScopeRun   Scope = iota + 1 // the whole run, such as a gap in meeting numbers: no Pos
	ScopeFile                   // a whole file: Pos.File only
	ScopeSheet                  // a whole sheet: Pos.File and Pos.Sheet
	ScopeRow                    // a row: Pos.Row, shown at its first cell
	ScopeCell                   // a field of a row: Pos.Col, 0 when the sheet has no column for it
)

// failsFile reports whether p is why its file was not read: an error refusing it, or a notice
// skipping it.
func (p Problem) failsFile() bool { return p.Scope == ScopeFile && p.Level != Warning }

// fileFailed reports whether any of ps refused or skipped its file as a whole.
func fileFailed(ps []Problem) bool { return slices.ContainsFunc(ps, Problem.failsFile) }

// ProblemKind is what a problem says, for counting problems by kind (the terminal counts the
// notices: 提示81条：牵头单位按填报单位推断24条，…). Its Chinese name is its String. The zero
// ProblemKind is none: a problem made without one is a bug.
type ProblemKind int

// The kinds of problem; their names are in kindNames (messages.go).
const (
	// notices (提示)
	LeadFromFile ProblemKind = iota + 1
	DeadlineYearInferred
	DateYearInferred
	CategoryFromSheet
	CategoryIsMeeting
	DuplicateMerged
	ReminderUpdate
	SeveralLeads
	FooterSkipped
	HeadingSkipped
	HeaderRepeated
	NumberRowSkipped
	UnknownOnlyRow
	AnotherHeader
	ColumnChosen
	ParentTask
	ContinuationRow
	SubHeadingSkipped
	UnknownColumns
	DuplicateColumn
	HiddenSheet
	NotWorksheet
	EmptySheet
	NoHeaderSheet
	OwnReport
	OwnAnnotated
	AnnotatedReturned
	Unfilled // a form or reminder duban wrote, not saved since
	NotWorkbook
	SheetRenamed
	StatusMeaning     // a status word read by its meaning (SPEC §4.3)
	NoDeadlineMeaning // a no-deadline phrase read by its meaning (SPEC §4.2)
	ColumnMeaning     // a column header read by its head word (SPEC §3.1)
	MeetingByDate     // a meeting known by the date in a sheet name, title or 会议 cell (SPEC §4.1)
	SheetRepeated     // a sheet part listed again in the workbook: read once
	FarCells          // cells far right of any ledger column, not read
	NotRegular        // a named pipe, socket or device among the inputs: never opened
	SheetUnnamed      // a sheet without a name, called by its position (xlsx.UnnamedSheet)

	// errors and warnings (错误, 警告)
	NoSuchPath
	FolderUnreadable
	FileUnreadable
	NoLedger
	BlankForm
	AboveHeader
	StatusTicked
	ColumnMissing
	FormulaUnreadable
	RowInvalid
	CategoryUnknown
	DeadlineBeforeMeeting
	MeetingMissing
	UnitUnknown
	DoneDateDoubtful
	DateUnreadable
	DuplicateInSheet
	DuplicateConflict
	IDReused
	SessionGap
	StatusRegressed
	PreviousUnreported
	MasterNoLead
	AnnotateFailed
	VersionDiffers
	VersionOnlyEarlier
	UnitAbsent
	CheckFileMissing

	// notices of the deadline an item is measured against and of its progress (SPEC §4.2, §4.3)
	DeadlineExtended // an approved extension, or a request measured against the original
	ScheduleColumn   // a 进度 column whose values are not schedule words
	// 建议提案 (SPEC §9.5)
	SuggestionDeadline // notice: a 建议提案 without a 完成时限 took the default one
	SuggestionValue    // warning: a 办理结果 or 满意度 that is none of the classes

	numProblemKinds
)

// String returns the Chinese name of the kind, such as 牵头单位按填报单位推断.
func (k ProblemKind) String() string {
	if k <= 0 || k >= numProblemKinds {
		return kindNone
	}
	return kindNames[k]
}

// CountKinds counts ps by kind, most frequent first, kinds of equal count in the order they
// first occur.
func CountKinds(ps []Problem) []KindCount {
	var out []KindCount
	index := map[ProblemKind]int{}
	for _, p := range ps {
		i, ok := index[p.Kind]
		if !ok {
			i = len(out)
			index[p.Kind] = i
			out = append(out, KindCount{Kind: p.Kind})
		}
		out[i].N++
	}
	slices.SortStableFunc(out, func(a, b KindCount) int { return cmp.Compare(b.N, a.N) })
	return out
}

// KindCount is how many problems are of one kind.
type KindCount struct {
	Kind ProblemKind
	N    int
}
