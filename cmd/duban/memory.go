package main

import (
	"os"
	"runtime/debug"
)

// Memory: Go's collector lets the heap grow to twice what is live before it collects, so a
// big run would peak at twice its working set. A soft limit near what the inputs need keeps
// the peak down without making the collector run all the time: the working set is about
// inputFactor times the size of the (compressed) input workbooks. Below the working set the
// collector runs without end and the peak is no lower: 300 ledgers of 1,000 items (22 MB)
// took 36.7 s CPU at a 16× limit and 24 s at 24×, both peaking at 590 MB.
const (
	minMemoryLimit = 256 << 20
	inputFactor    = 24
)

// limitMemory sets a soft memory limit for a run over files, unless GOMEMLIMIT is set.
func limitMemory(files []string) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var total int64
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			total += st.Size()
		}
	}
	debug.SetMemoryLimit(max(minMemoryLimit, inputFactor*total))
}

// copyMemory is the least soft limit while annotated copies are written: excelize holds the
// sheet it marks as a tree of cells, some 8 times the sheet's text. Under a limit below that
// the collector runs without end (check --annotate of a ledger of 100,000 rows: 19.7 s CPU at
// 256 MiB, 14.4 s at 400 MiB, both peaking at 490 MB; 10.3 s at 512 MiB, peaking at 530 MB).
const copyMemory = 512 << 20

// limitMemoryForCopies raises the soft memory limit to copyMemory, unless GOMEMLIMIT is set.
func limitMemoryForCopies() {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	debug.SetMemoryLimit(max(debug.SetMemoryLimit(-1), copyMemory))
}
