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
func Build(files []string, o Options) *Report {
	type result struct {
		items     []Item
		rowsRead  int
		excluded  int
		valid     int
		readProbs []Problem // about the file, its sheets and its rows as read
		rowProbs  []Problem // of validating its rows
		sheets    []SheetTally
	}
	results := make([]result, len(files))
	names := Names(files)
	v := NewValidator(o.Dict, o.AsOf) // safe for concurrent use: its rules only read
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		done int
		rows int
	)
	next := make(chan int)
	workers := min(runtime.GOMAXPROCS(0), len(files))
	for range workers {
		wg.Go(func() {
			for i := range next {
				ro := o.Read
				ro.Name = names[i]
				l := ReadLedger(files[i], o.Dict, ro)
				rs := l.Rows
				items, excluded, vps := v.Validate(rs)
				// The rows the reader excluded (a data row no header reads) count in the proof
				// as the rows validation excludes do: read, and excluded.
				read := len(rs)
				for _, t := range l.Sheets {
					read += t.Rows[RowExcluded]
					excluded += t.Rows[RowExcluded]
				}
				results[i] = result{items, read, excluded, len(items), l.Problems, vps, l.Sheets}
				if o.Progress != nil {
					mu.Lock()
					done++
					rows += len(rs)
					o.Progress(done, len(files), rows)
					mu.Unlock()
				}
			}
		})
	}
	for i := range files {
		next <- i
	}
	close(next)
	wg.Wait()

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
