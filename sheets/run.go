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
	Read     ReadOptions
	// Progress, if set, is called after each file is read, from the calling goroutine's
	// point of view in no particular order, with the number of files done and rows so far.
	Progress func(filesDone, filesTotal, rows int)
}

// Build runs the pipeline on the named workbooks and returns the report. Files are read in
// parallel; the result does not depend on the order of files.
func Build(files []string, o Options) *Report {
	type result struct {
		rows  []RawRow
		probs []Problem
	}
	results := make([]result, len(files))
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
				rs, ps := ReadFile(files[i], o.Dict, o.Read)
				results[i] = result{rs, ps}
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

	var all []RawRow
	var probs []Problem
	filesRead := 0
	for _, r := range results {
		all = append(all, r.rows...)
		probs = append(probs, r.probs...)
		if !fileFailed(r.probs) {
			filesRead++
		}
	}
	v := NewValidator(o.Dict, o.AsOf)
	items, excluded, ps := v.Validate(all)
	probs = append(probs, ps...)
	merged, dups, ps := Merge(items)
	probs = append(probs, ps...)

	r := Summarize(merged, o.Dict, o.AsOf, o.WarnDays)
	r.Files = filesRead
	r.RowsRead = len(all)
	r.Duplicates = dups
	r.Excluded = excluded
	SortProblems(probs)
	r.Problems = probs
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
