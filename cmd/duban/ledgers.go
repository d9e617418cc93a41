package main

import (
	"fmt"
	"io"

	"github.com/duban/duban/sheets"
	"github.com/spf13/pflag"
)

// The commands that read ledgers — report, check, brief, remind — begin alike: the shared
// flags, the input files found among the paths, memory bounded by their size (begin); then the
// ledgers are read, validated and merged (build); and nothing is written when nothing was
// read or --strict finds errors (writable).

// ledgerRun is one run of a command that reads ledgers: its options, the input files and the
// problems of finding them.
type ledgerRun struct {
	Options
	files []string
	found []sheets.Problem // of finding the files among the paths (a path that does not exist)
}

// begin parses the shared flags of cmd, finds the input files among the paths on the command
// line and bounds memory by their size. ok is false when the command must stop, with its exit
// status in code.
func (c *common) begin(cmd string, e *env, fs *pflag.FlagSet, noPaths string) (l *ledgerRun, code int, ok bool) {
	o, code, ok := c.parse(cmd, e, fs, noPaths)
	if !ok {
		return nil, code, false
	}
	files, found := sheets.Source(fs.Args())
	limitMemory(files)
	return &ledgerRun{Options: o, files: files, found: found}, exitOK, true
}

// build reads, validates and merges the ledgers; the problems of finding the files come first,
// then all in order (sheets.SortProblems).
func (l *ledgerRun) build() *sheets.Report {
	r := sheets.Build(l.files, l.Options.Options)
	r.Add(l.found)
	if m := l.Master; m != nil {
		r.Add(m.Problems) // the master list's own, at their cells (SPEC §9.3)
	}
	return r
}

// writable reports whether the run may write what reads the ledgers of r: not when nothing
// was read, nor with --strict when errors excluded rows or files. Otherwise it says why on
// stderr, naming what is not written (what: 汇总工作簿, 任何工作簿), and returns the exit status.
func (l *ledgerRun) writable(e *env, r *sheets.Report, what string) (code int, ok bool) {
	if r.Files == 0 || r.RowsRead == 0 {
		fmt.Fprintf(e.stderr, "错误：没有读取到任何台账数据，未生成%s\n", what)
		return exitNothing, false
	}
	if errs := sheets.Count(r.Problems, sheets.Error); l.Strict && errs > 0 {
		fmt.Fprintf(e.stderr, "错误：发现%d个错误，按 --strict 要求未生成%s\n", errs, what)
		return exitNothing, false
	}
	return exitOK, true
}

// collect reads, validates and merges the ledgers as report does, prints the problems on
// stderr, and says whether anything may be written (writable).
func (l *ledgerRun) collect(e *env) (r *sheets.Report, code int, ok bool) {
	r = l.build()
	printStderr(e.stderr, r, l.Options)
	code, ok = l.writable(e, r, "任何工作簿")
	return r, code, ok
}

// exitCode is the exit status of a run that wrote its workbooks: 1 when errors excluded rows or
// files, else 0.
func exitCode(r *sheets.Report) int {
	if sheets.Count(r.Problems, sheets.Error) > 0 {
		return exitErrors
	}
	return exitOK
}

// against reads what the run is set against into its options, as report and remind do: the
// previous report (--since) and the master list (--expect), each "" for none. It says on w
// why one cannot be used, and then reports false.
func (l *ledgerRun) against(w io.Writer, since, expect string) bool {
	o := &l.Options
	if since != "" {
		p, err := sheets.ReadPrevious(since, o.Dict, sheets.ReadOptions{MaxUnzip: o.Read.MaxUnzip})
		if err != nil {
			fmt.Fprintln(w, "错误："+err.Error())
			return false
		}
		if !p.AsOf.IsZero() && !p.AsOf.Before(o.AsOf) {
			fmt.Fprintf(w, "错误：上期汇总表 %s 的统计截止日%s不早于本次的%s，不能作为上期；请检查 --since 的文件或 --as-of\n",
				p.File, sheets.CNDate(p.AsOf), sheets.CNDate(o.AsOf))
			return false
		}
		o.Previous = p
	}
	if expect != "" {
		m, err := sheets.ReadMaster(expect, o.Options)
		if err != nil {
			fmt.Fprintln(w, "错误："+err.Error())
			return false
		}
		o.Master = m
	}
	return true
}
