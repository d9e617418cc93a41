package sheets

import (
	"runtime"
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
	// Progress, if set, is called after each file is read, from the calling goroutine's
	// point of view in no particular order, with the number of files done and rows so far.
	Progress func(filesDone, filesTotal, rows int)
}

// Build runs the pipeline on the named workbooks and returns the report. Files are read and
// their rows validated in parallel, so that a file's raw rows are dropped as soon as it is
// validated; the result does not depend on the order of files.
//
// A date written without a year in a row with no year of its own context takes the run's
// reporting year (SPEC §4.2), which, unless given, is the year most meeting dates of all files
// fall in: the files with such rows keep their rows until every file is read, and are
// validated then.
func Build(files []string, o Options) *Report {
	type result struct {
		items     []Item
		rowsRead  int
		excluded  int
		valid     int
		readProbs []Problem // about the file, its sheets and its rows as read
		rowProbs  []Problem // of validating its rows
		sheets    []SheetTally
		later     []RawRow // rows left to validate once the reporting year is known
	}
	results := make([]result, len(files))
	names := Names(files)
	v := NewValidator(o.Dict, o.AsOf) // safe for concurrent use: its rules only read
	if o.Year > 0 {
		v.Year = runYear(o.Year, nil, o.AsOf)
	}
	var (
		mu    sync.Mutex
		done  int
		rows  int
		years = yearCounts{}
	)
	validate := func(i int, rs []RawRow) {
		r := &results[i]
		items, excluded, vps := v.Validate(rs)
		r.items, r.valid, r.rowProbs = items, len(items), vps
		r.excluded += excluded
	}
	parallel(len(files), func(i int) {
		ro := o.Read
		ro.Name = names[i]
		l := ReadLedger(files[i], o.Dict, ro)
		rs := l.Rows
		// The rows the reader excluded (a data row no header reads) count in the proof as
		// the rows validation excludes do: read, and excluded.
		read, excluded := len(rs), 0
		for _, t := range l.Sheets {
			read += t.Rows[RowExcluded]
			excluded += t.Rows[RowExcluded]
		}
		results[i] = result{rowsRead: read, excluded: excluded, readProbs: l.Problems, sheets: l.Sheets}
		later := o.Year == 0 && v.needsRunYear(rs)
		if later {
			results[i].later = rs
		} else {
			validate(i, rs)
		}
		seen := yearCounts{}
		seen.add(rs)
		mu.Lock()
		for y, n := range seen {
			years[y] += n
		}
		if o.Progress != nil {
			done++
			rows += len(rs)
			o.Progress(done, len(files), rows)
		}
		mu.Unlock()
	})
	year := runYear(o.Year, years, o.AsOf)
	v.Year = year
	parallel(len(files), func(i int) {
		if rs := results[i].later; rs != nil {
			results[i].later = nil
			validate(i, rs)
		}
	})

	// In file order, read problems before validation problems, as if the files had been read
	// one after another and validated together.
	n := 0
	for _, r := range results {
		n += len(r.items)
	}
	items := make([]Item, 0, n)
	var probs []Problem
	filesRead, rowsRead, excluded := 0, 0, 0
	var tallies []SheetTally
	for i, r := range results {
		items = append(items, r.items...)
		results[i].items = nil // one copy of the items at a time
		probs = append(probs, r.readProbs...)
		tallies = append(tallies, r.sheets...)
		rowsRead += r.rowsRead
		excluded += r.excluded
		if !fileFailed(r.readProbs) {
			filesRead++
		}
	}
	for _, r := range results {
		probs = append(probs, r.rowProbs...)
	}
	unifyKinds(o.Dict, items)
	merged, dups, ps := Merge(items)
	probs = append(probs, ps...)

	r := Summarize(merged, o.Dict, o.AsOf, o.WarnDays)
	r.Year = year.Year
	r.Files = filesRead
	r.RowsRead = rowsRead
	r.Duplicates = dups
	r.Excluded = excluded
	r.Office = o.Office
	r.Created = o.Created
	r.Sheets = tallies
	probs = append(probs, gapProblems(r.Gaps)...)
	SortProblems(probs)
	r.Problems = probs
	r.Inputs = make([]FileResult, len(results))
	for i, res := range results {
		r.Inputs[i] = FileResult{File: names[i], Rows: res.rowsRead, Valid: res.valid, Excluded: res.excluded}
	}
	return r
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

// fileFailed reports whether a file was refused or skipped as a whole (an error or a notice
// about the file itself, such as a damaged file or a report duban wrote).
func fileFailed(ps []Problem) bool {
	for _, p := range ps {
		if p.Pos.Sheet == "" && p.Level != Warning {
			return true
		}
	}
	return false
}
