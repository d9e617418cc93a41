package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress returns a callback that shows files done, rows and elapsed time on stderr when it
// is a terminal and the run is long; nil otherwise, so pipes and logs stay clean.
func progress(stderr io.Writer, quiet bool) func(done, total, rows int) {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return nil
	}
	start := time.Now()
	var last time.Time
	return func(done, total, rows int) {
		now := time.Now()
		if now.Sub(start) < time.Second || (now.Sub(last) < 200*time.Millisecond && done < total) {
			return
		}
		last = now
		fmt.Fprintf(f, "\r已读取 %d/%d 个文件，%d 行，用时 %.1f 秒", done, total, rows, now.Sub(start).Seconds())
		if done == total {
			fmt.Fprintln(f)
		}
	}
}

// isTerminal reports whether f is a character device (a console), not a file or pipe.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
