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

// Problem is one finding about the input, pointed at the cell to fix.
type Problem struct {
	Pos   Pos
	Level Level
	Field string // column label (canonical), may be empty
	Raw   string // the raw value, or for an excluded row all its values
	Msg   string // plain-Chinese explanation a unit clerk can act on
}

// String formats p as one stderr line: 文件!工作表!单元格: 级别: 说明.
func (p Problem) String() string {
	if p.Pos.File == "" { // about the whole run, such as a gap in meeting numbers
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
