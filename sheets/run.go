package sheets

import (
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"time"
)

// Options configure a whole run: read, validate, merge, summarize.
type Options struct {
	Dict     *Dict
	AsOf     time.Time
	WarnDays int
	// Year is the reporting year (年度) given with --year, 0 to infer it (SPEC §4.2).
	Year int
	// Office is the 制表单位 shown on the report (dictionary §8); empty for none.
	Office string
	// Created is the run's clock, the creation time of the workbooks written.
	Created time.Time
	Read    ReadOptions
	// NoGaps leaves out the warnings about gaps in meetings' session numbers, and the units
	// the dictionary marks 应报送 that sent nothing: checking one unit's ledger (duban check),
	// the sessions it has no items of and the units it is not say nothing.
	NoGaps bool
	// Master is the master list to reconcile the reports with (--expect), nil for none: the
	// report's 漏报事项 and the record of the meetings held.
	Master *Master
	// Previous is the report to compare with (--since), nil for none: 变化情况 and 较上期.
	Previous *Previous
	// Progress, if set, is called after each file is read, from the calling goroutine's
	// point of view in no particular order, with the number of files done and rows so far.
	Progress func(filesDone, filesTotal, rows int)
	// Reading, if set, is called as each file (named as in problems) of filesTotal is begun
	// (begin) and when it is read, from the goroutines reading, so that a slow file can be named.
	Reading func(file string, filesTotal int, begin bool)
	// Names are how the files are named (NamesFrom the paths they were found among), nil
	// for Names(files).
	Names []string
}

// Build runs the pipeline on the named workbooks and returns the report, reconciled with the
// master list and compared with the previous report when the options give them. Files are read and
// their rows validated in parallel, so that a file's raw rows are dropped as soon as it is
// validated; the result does not depend on the order of files.
//
// A row with no year of its own context takes the run's reporting year for its dates written
// without one and its meeting's year (SPEC §4.1, §4.2), which, unless given, is the year most
// meeting dates of all files fall in: such rows wait, parsed, until every file is read, and
// are validated then.
func Build(files []string, o Options) *Report {
	names := o.Names
	if len(names) != len(files) {
		names = Names(files)
	}
	b := &run{o: o, files: files, names: names, twins: twinNames(files),
		results: make([]fileRun, len(files)), years: yearCounts{}, versions: map[string]Version{},
		v: NewValidator(o.Dict, o.AsOf)} // safe for concurrent use: its rules only read
	if o.Year > 0 {
		b.v.Year = runYear(o.Year, nil, o.AsOf)
	}
	parallel(len(files), b.read)
	year := runYear(o.Year, b.years, o.AsOf)
	b.v.Year = year
	parallel(len(files), b.validateLater)

	items, probs, t := b.collect()
	unifyKinds(o.Dict, items)
	nameByYear(items, year.Year)
	settled := b.settle(items, probs, &t)
	merged, dups, ps := Merge(items, b.versions)
	r := b.summarize(merged)
	r.Year = year.Year
	r.Files, r.RowsRead, r.Excluded, r.Sheets = t.files, t.rowsRead, t.excluded, t.sheets
	r.Duplicates = dups + settled
	r.ExcludedRows = t.excludedRows
	r.Office = o.Office
	r.Created = o.Created
	r.Inputs = b.outcomes()
	r.noteItems()
	b.unitsOfRows(r)
	b.unitsOfFailed(r)
	r.markExcluded()
	r.Problems = probs // counted in the files' outcomes as they were read and validated
	if !o.NoGaps {
		r.Problems = append(r.Problems, gapProblems(r.Gaps)...)
	}
	ps = append(ps, r.compare(o)...)
	r.Add(ps)
	return r
}

// summarize sums up the merged items against the master list the options give.
func (b *run) summarize(merged []Item) *Report {
	var a against
	var rec *Reconciliation
	if b.o.Master != nil {
		rec, a.meetings = b.o.Master.against(b.o.Dict, merged)
	}
	r := summarize(merged, b.o.Dict, b.o.AsOf, b.o.WarnDays, a)
	r.Expect = rec
	return r
}

// run is the state of Build while it reads and validates the files.
type run struct {
	o       Options
	files   []string
	names   []string // the files' names in the report (Names)
	twins   []bool   // twinNames
	v       *Validator
	results []fileRun // of each file, each written by one worker only
	// versions are the files' places among the versions of their unit's ledger, by name.
	versions map[string]Version

	mu    sync.Mutex // guards the rest
	done  int        // files read
	rows  int        // rows read
	years yearCounts // the meeting dates' years of all rows
}

// fileRun is what Build keeps of a file.
type fileRun struct {
	out       FileResult // what became of it, kept as it is read and validated (报送情况)
	items     []Item
	readProbs []Problem // about the file, its sheets and its rows as read
	rowProbs  []Problem // of validating its rows
	sheets    []SheetTally
	v         validation  // of its rows, under way
	later     []parsedRow // rows left to validate once the reporting year is known
	unit      string      // the 牵头单位 most of its rows name (rowsUnit)
	excluded  []ExcludedRow
}

// read reads file i and validates its rows, or keeps those that need the run's reporting
// year for later, and counts their meeting dates' years.
func (b *run) read(i int) {
	if b.o.Reading != nil {
		b.o.Reading(b.names[i], len(b.files), true)
		defer b.o.Reading(b.names[i], len(b.files), false)
	}
	ro := b.o.Read
	ro.Name = b.names[i]
	ro.Twin = b.twins[i]
	l := ReadLedger(b.files[i], b.o.Dict, ro)
	rs := l.Rows
	// The rows the reader excluded (a data row no header reads) count in the proof as
	// the rows validation excludes do: read, and excluded.
	read, excluded := len(rs), 0
	for _, t := range l.Sheets {
		read += t.Rows[RowExcluded]
		excluded += t.Rows[RowExcluded]
	}
	out := FileResult{File: b.names[i], Rows: read, Excluded: excluded, Returned: l.Returned}
	for _, p := range l.Problems {
		out.note(p)
	}
	b.results[i] = fileRun{out: out, readProbs: l.Problems, sheets: l.Sheets, unit: rowsUnit(rs, b.o.Dict)}
	seen := yearCounts{}
	res := &b.results[i]
	res.v.items = make([]Item, 0, len(rs))
	blank := blankStatusSheets(rs)
	for k := range rs {
		p := b.v.parse(&rs[k], b.v.Year)
		p.in.StatusAllBlank = blank[sheetOf(&rs[k])]
		if y := p.dates.meetingYear; y > 0 {
			seen[y]++
		}
		if p.dates.pending {
			res.later = append(res.later, p)
		} else {
			b.v.add(&res.v, &p)
		}
	}
	if res.later == nil {
		b.close(i)
	}
	b.mu.Lock()
	b.versions[b.names[i]] = LedgerVersion(b.names[i], l.Unit, time.Time{}, l.Returned)
	for y, n := range seen {
		b.years[y] += n
	}
	if b.o.Progress != nil {
		b.done++
		b.rows += len(rs)
		b.o.Progress(b.done, len(b.files), b.rows)
	}
	b.mu.Unlock()
}

// validateLater validates the rows of file i that waited for the reporting year.
func (b *run) validateLater(i int) {
	res := &b.results[i]
	if res.later == nil {
		return
	}
	for k := range res.later {
		b.v.settle(&res.later[k])
		b.v.add(&res.v, &res.later[k])
	}
	res.later = nil
	b.close(i)
}

// close ends the validation of file i's rows.
func (b *run) close(i int) {
	r := &b.results[i]
	items, excluded, vps := b.v.close(&r.v)
	r.items, r.rowProbs = items, vps
	r.excluded = r.v.left
	r.out.Valid = len(items)
	r.out.Excluded += excluded
	for _, p := range vps {
		r.out.note(p)
	}
	r.v = validation{}
}

// outcomes returns what became of each file as read and validated, in the order given.
func (b *run) outcomes() []FileResult {
	out := make([]FileResult, len(b.results))
	for i := range b.results {
		out[i] = b.results[i].out
	}
	return out
}

// totals are the counts of files, rows and sheets of a run.
type totals struct {
	files, rowsRead, excluded int
	sheets                    []SheetTally
	excludedRows              []ExcludedRow
}

// collect returns the items of all files and their problems: in file order, read problems
// before validation problems, as if the files had been read one after another and validated
// together.
func (b *run) collect() (items []Item, probs []Problem, t totals) {
	n := 0
	for _, r := range b.results {
		n += len(r.items)
	}
	items = make([]Item, 0, n)
	for i, r := range b.results {
		items = append(items, r.items...)
		b.results[i].items = nil // one copy of the items at a time
		probs = append(probs, r.readProbs...)
		t.sheets = append(t.sheets, r.sheets...)
		t.rowsRead += r.out.Rows
		t.excluded += r.out.Excluded
		t.excludedRows = append(t.excludedRows, r.excluded...)
		if !fileFailed(r.readProbs) {
			t.files++
		}
	}
	for _, r := range b.results {
		probs = append(probs, r.rowProbs...)
	}
	return items, probs, t
}

// parallel calls f(i) for i in [0, n) on as many goroutines as there are processors.
func parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for range min(runtime.GOMAXPROCS(0), n) {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// twinNames reports, for each file, whether another file has the same name but for its folder
// and extension (市财政局.xls and 退回/市财政局.xlsx).
func twinNames(files []string) []bool {
	stem := func(f string) string {
		b := filepath.Base(f)
		return strings.ToLower(strings.TrimSuffix(b, filepath.Ext(b)))
	}
	n := map[string]int{}
	for _, f := range files {
		n[stem(f)]++
	}
	out := make([]bool, len(files))
	for i, f := range files {
		out[i] = n[stem(f)] > 1
	}
	return out
}
