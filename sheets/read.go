package sheets

import (
	"cmp"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/duban/duban/internal/xlsx"
)

// DefaultMaxUnzip is the default limit on a workbook's total uncompressed size (--max-unzip).
const DefaultMaxUnzip = xlsx.DefaultMaxUnzip

// ReadOptions control how workbooks are opened.
type ReadOptions struct {
	Password string // --password: one password for every encrypted workbook
	MaxUnzip int64  // --max-unzip: refuse larger workbooks; 0 means DefaultMaxUnzip
	// Name is how the file is named in problems and 来源 (see Names); "" means its base name.
	Name string
	// Twin is set when another input has the same name but for its folder and extension: an
	// annotated copy (check --annotate) beside its original is a leftover, never merged twice;
	// without its original it is the unit's corrected return, and is read.
	Twin bool
}

// headerScanRows is how many non-blank rows at the top of a sheet are searched for the header.
const headerScanRows = 30

// ReadFile reads one workbook. Every visible sheet with a recognisable header row is a ledger
// sheet and gives its data rows; every other sheet is skipped with a notice. A workbook that
// cannot be read whole — damaged, legacy .xls/.et, encrypted, too large — gives no rows and a
// single error naming the file: a file is used whole or not at all.
func ReadFile(path string, d *Dict, opt ReadOptions) (rows []RawRow, probs []Problem) {
	l := ReadLedger(path, d, opt)
	return l.Rows, l.Problems
}

// Ledger is one workbook as read: the data rows of its ledger sheets, the problems found
// reading it, and what became of the rows of each ledger sheet.
type Ledger struct {
	Rows     []RawRow
	Problems []Problem
	Sheets   []SheetTally // one per ledger sheet, in workbook order
	Unit     string       // the unit its first 填报单位 line names, "" if none
	Form     bool         // a form or reminder duban wrote, filled in and saved by the unit
	// Returned is set for a form, reminder or annotated copy duban wrote that a program saved
	// since (SPEC §2): the unit's return, a later version of its ledger (§6).
	Returned bool
}

// ReadLedger is ReadFile with the tally of each ledger sheet's rows.
func ReadLedger(path string, d *Dict, opt ReadOptions) Ledger {
	name := cmp.Or(opt.Name, filepath.Base(path))
	file, err := os.Open(path)
	if err == nil {
		defer file.Close()
		var fi os.FileInfo
		if fi, err = file.Stat(); err == nil {
			return readFrom(name, file, fi.Size(), d, opt)
		}
	}
	return Ledger{Problems: []Problem{{Pos: Pos{File: name}, Scope: ScopeFile, Level: Error, Kind: FileUnreadable, Msg: fmt.Sprintf(msgCannotOpen, sysErrText(err))}}}
}

// readFrom reads a workbook of size bytes from ra; name is its file name. A panic of a
// library is an error for this file, not the end of the run.
func readFrom(name string, ra io.ReaderAt, size int64, d *Dict, opt ReadOptions) (l Ledger) {
	return readWith(name, d, func(r *reader) error { return r.read(ra, size, opt) })
}

// readBook reads the ledger sheets of a workbook already opened (a master list, opened once
// to be told apart from a report duban wrote).
func readBook(name string, book *xlsx.Book, d *Dict, opt ReadOptions) Ledger {
	return readWith(name, d, func(r *reader) error { return r.readSheets(book, opt) })
}

// readWith reads a workbook named name with read, and gathers what it found.
func readWith(name string, d *Dict, read func(*reader) error) (l Ledger) {
	r := &reader{file: name, dict: d, unit: unitFromFileName(path.Base(name))}
	defer func() {
		if p := recover(); p != nil {
			l = Ledger{Problems: []Problem{{Pos: Pos{File: name}, Scope: ScopeFile, Level: Error, Kind: FileUnreadable, Msg: damaged(detPanic, p).Error()}}}
		}
	}()
	if err := read(r); err != nil {
		return Ledger{Problems: []Problem{{Pos: Pos{File: name}, Scope: ScopeFile, Level: Error, Kind: FileUnreadable, Msg: err.Error()}}}
	}
	if r.form && len(r.rows) == 0 && Count(r.probs, Error) == 0 {
		r.probs = append(r.probs, Problem{Pos: Pos{File: name}, Scope: ScopeFile, Level: Warning, Kind: BlankForm, Msg: msgBlankForm})
	}
	return Ledger{Rows: r.rows, Problems: r.probs, Sheets: r.tallies, Unit: r.lineUnit, Form: r.form, Returned: r.returned}
}

// fileError is why a whole file was refused; its text is the user's message.
type fileError string

func (e fileError) Error() string { return string(e) }

func damaged(format string, a ...any) error {
	return fileError(fmt.Sprintf(msgDamaged, fmt.Sprintf(format, a...)))
}

// reader holds the state of reading one workbook.
type reader struct {
	file     string // base name
	dict     *Dict
	unit     string // unit from the file name
	date1904 bool
	rows     []RawRow
	probs    []Problem
	skipped  []string     // why each skipped sheet was skipped
	form     bool         // a submission form written by duban template
	lineUnit string       // the unit of the first 填报单位 line above a header, "" if none
	tallies  []SheetTally // what became of the rows of each ledger sheet
	// props are the document properties of a workbook duban marked, nil when unknown (not
	// read, or unreadable: then it counts as saved since).
	props    *xlsx.Props
	returned bool // Ledger.Returned
}

// notice gives a notice of kind k about the part of the file s that p points at.
func (r *reader) notice(k ProblemKind, s Scope, p Pos, raw, msg string) {
	p.File = r.file
	r.probs = append(r.probs, Problem{Pos: p, Scope: s, Level: Notice, Kind: k, Raw: raw, Msg: msg})
}

// skipSheet gives the notice for a sheet that is not read, and keeps the reason for the
// file's one error should no sheet of it be a ledger.
func (r *reader) skipSheet(sheet string, k ProblemKind, msg, why string) {
	r.notice(k, ScopeSheet, Pos{Sheet: sheet}, "", msg)
	r.skipped = append(r.skipped, fmt.Sprintf(why, sheet))
}

// read opens the workbook (xlsx.Open reads every sheet, or refuses the whole file) and reads
// each ledger sheet.
func (r *reader) read(ra io.ReaderAt, size int64, opt ReadOptions) error {
	book, err := xlsx.Open(ra, size, xlsx.Options{Password: opt.Password, MaxUnzip: opt.MaxUnzip})
	if err != nil {
		return openError(r.file, err)
	}
	if MarkOf(book.Description) != NotOwn {
		if p, err := xlsx.ReadProps(ra, size); err == nil {
			r.props = &p
		}
	}
	return r.readSheets(book, opt)
}

// readSheets reads each ledger sheet of an opened workbook.
func (r *reader) readSheets(book *xlsx.Book, opt ReadOptions) error {
	r.date1904 = book.Date1904
	names := make([]string, len(book.Sheets))
	for i, s := range book.Sheets {
		names[i] = s.Name
	}
	for i, s := range book.Sheets {
		if s.Name == "" { // no name to give its cells' places: it goes by its position
			s.Name = xlsx.UnnamedSheet(names, i)
			names[i] = s.Name
			r.notice(SheetUnnamed, ScopeSheet, Pos{Sheet: s.Name}, "", fmt.Sprintf(msgSheetUnnamed, s.Name))
		}
	}
	if !r.ownFile(book, names, opt) {
		return nil
	}
	mark := MarkOf(book.Description)
	annotated := mark == MarkAnnotated && slices.Contains(names, SheetIssues)
	r.form = mark == MarkForm || mark == MarkReminder
	ledgers := 0
	for _, s := range book.Sheets {
		switch {
		case r.form && (s.Name == FormGuideSheet || s.Name == FormListSheet):
			continue // a returned submission form: its instructions and lists need no notice
		case annotated && s.Name == SheetIssues:
			continue // the list of problems duban added to the copy
		case s.Hidden:
			r.skipSheet(s.Name, HiddenSheet, msgHiddenSheet, whyHidden)
			continue
		case s.Kind != xlsx.Worksheet:
			r.skipSheet(s.Name, NotWorksheet, msgNotWorksheet, whyNotWorksheet)
			continue
		case s.Repeats != "":
			r.skipSheet(s.Name, SheetRepeated, fmt.Sprintf(msgRepeatSheet, s.Repeats), whyRepeat)
			continue
		}
		if r.readSheet(s.Name, s) {
			ledgers++
		}
	}
	if ledgers == 0 {
		// One error names the file and says why, instead of a notice per sheet.
		msg := fmt.Sprintf(msgNoLedger, strings.Join(r.skipped, "；"))
		r.probs = []Problem{{Pos: Pos{File: r.file}, Scope: ScopeFile, Level: Error, Kind: NoLedger, Msg: msg}}
	}
	return nil
}

// ownFile reads duban's mark on book, whose sheets are named names (SPEC §2, §9), and
// reports whether its sheets are to be read: not those of a report, check file, briefing or
// dictionary (never merged), nor of a form, reminder or annotated copy nobody saved since
// duban wrote it (尚未填写); those are skipped with a notice. One saved since is the unit's
// return (r.returned).
func (r *reader) ownFile(book *xlsx.Book, names []string, opt ReadOptions) bool {
	mark := MarkOf(book.Description)
	switch {
	case mark == MarkReport || mark == NotOwn && isOwnReportByNames(names):
		r.notice(OwnReport, ScopeFile, Pos{}, "", msgOwnReport)
		return false
	case mark.Output():
		r.notice(OwnReport, ScopeFile, Pos{}, "", fmt.Sprintf(msgOwnOutput, ownKindName[mark]))
		return false
	case !mark.Returnable():
		return true
	}
	if mark == MarkAnnotated && !slices.Contains(names, SheetIssues) {
		return true // the mark without duban's 问题清单: a program copied the properties along
	}
	saved := r.props == nil || SavedSince(*r.props)
	switch {
	case !saved && mark == MarkAnnotated && opt.Twin:
		r.notice(OwnAnnotated, ScopeFile, Pos{}, "", msgOwnAnnotated)
		return false
	case !saved && mark == MarkAnnotated:
		r.notice(OwnAnnotated, ScopeFile, Pos{}, "", msgAnnotatedUnsaved)
		return false
	case !saved:
		r.notice(Unfilled, ScopeFile, Pos{}, "", fmt.Sprintf(msgUnfilled, ownKindName[mark]))
		return false
	case mark == MarkAnnotated:
		r.notice(AnnotatedReturned, ScopeFile, Pos{}, "", msgAnnotatedReturned)
	}
	r.returned = true
	return true
}

type cellRange struct{ c1, r1, c2, r2 int }

// ---- the unit ----

var unitLabel = regexp.MustCompile(`(?:填报|报送|填表)?单位(?:名称)?\s*(?:[（(]\s*(?:盖章|公章|章)\s*[)）])?\s*[:：]\s*`)

// unitStop ends a unit name written on one line with other labels.
var unitStop = regexp.MustCompile(`[\s\x{3000}]|填报日期|填表日期|报送日期|日期|填表人|填报人|联系人|联系电话|时间`)

// unitFromLines finds the unit in a 填报单位：XX局 line above the header.
func unitFromLines(rows [][]xlsx.Cell) string {
	for _, row := range rows {
		for j, x := range row {
			v := x.Value
			loc := unitLabel.FindStringIndex(v)
			if loc == nil {
				continue
			}
			rest := v[loc[1]:]
			if k := unitStop.FindStringIndex(rest); k != nil {
				rest = rest[:k[0]]
			}
			if rest = trimBracketed(rest); rest != "" {
				return rest
			}
			for _, y := range row[j+1:] {
				if w := strings.TrimSpace(y.Value); w != "" {
					if k := unitStop.FindStringIndex(w); k != nil && k[0] > 0 {
						w = w[:k[0]]
					}
					return trimBracketed(w)
				}
			}
		}
	}
	return ""
}

// unitFromFileName takes the unit from a file name: the name without its extension and
// without bracketed suffixes such as （初稿）, (修改版) or 【终稿】.
func unitFromFileName(name string) string {
	return trimBracketed(strings.TrimSuffix(name, filepath.Ext(name)))
}

// trimBracketed drops bracketed suffixes: 市财政局（盖章） and 市财政局【终稿】 are 市财政局.
func trimBracketed(u string) string {
	pairs := map[rune]rune{'）': '（', ')': '(', '】': '【', ']': '[', '〕': '〔', '》': '《'}
	for {
		u = strings.TrimRight(strings.TrimSpace(u), "-_ .　")
		last, size := utf8.DecodeLastRuneInString(u)
		open, ok := pairs[last]
		if !ok {
			break
		}
		i := strings.LastIndex(u[:len(u)-size], string(open))
		if i <= 0 {
			break
		}
		u = u[:i]
	}
	return u
}
