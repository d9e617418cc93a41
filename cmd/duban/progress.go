package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
)

// The progress line (SPEC §2, §2.1): on a terminal, once a run has taken a second, one line
// rewritten in place names the file being read — the one read longest when several are —
// so that a clerk waiting on one slow file sees which (正在读取 市财政局.xlsx（12/38）…); when
// every file is read it says how many files and rows took how long. Pipes and logs get nothing.

// Texts of the progress line.
const (
	progReading = "正在读取 %s（%d/%d）…"
	progSlow    = "已用时%.0f秒"
	progDone    = "已读取 %d/%d 个文件，%d 行，用时 %.1f 秒"
)

// Timing of the progress line.
const (
	progDelay     = time.Second            // nothing is shown for a shorter run
	progTick      = 250 * time.Millisecond // how often the line is redrawn
	progSlowAfter = 5 * time.Second        // a file read this long also shows its time
)

// progress sets the callbacks of the progress line on o when stderr is a terminal and not
// quiet; otherwise it leaves them nil.
func progress(o *sheets.Options, stderr io.Writer, quiet bool) {
	f, ok := stderr.(*os.File)
	if quiet || !ok || !isTerminal(f) {
		return
	}
	p := newProgressLine(f, time.Now)
	p.auto = true
	o.Reading, o.Progress = p.reading, p.filesDone
}

// progressLine is the state of the progress line.
type progressLine struct {
	w    io.Writer
	now  func() time.Time
	auto bool // redraw on a ticker (tests redraw by hand)

	mu      sync.Mutex
	start   time.Time
	started int                 // files begun
	total   int                 // files in the run, once known
	done    int                 // files read
	rows    int                 // rows read
	open    map[string]openFile // files being read
	width   int                 // of the line shown, 0 when none
	ticker  *time.Ticker
	stopped chan struct{}
}

// openFile is a file being read: its number in the run and when it was begun.
type openFile struct {
	n     int
	since time.Time
}

func newProgressLine(w io.Writer, now func() time.Time) *progressLine {
	return &progressLine{w: w, now: now, start: now(), open: map[string]openFile{}}
}

// reading is sheets.Options.Reading: file, one of total, is begun (begin) or read.
func (p *progressLine) reading(file string, total int, begin bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = total
	if !begin {
		delete(p.open, file)
		return
	}
	p.started++
	p.open[file] = openFile{n: p.started, since: p.now()}
	if p.ticker == nil && p.auto {
		p.ticker = time.NewTicker(progTick)
		p.stopped = make(chan struct{})
		go p.run(p.ticker, p.stopped)
	}
}

// run redraws the line at every tick until stopped.
func (p *progressLine) run(t *time.Ticker, stopped chan struct{}) {
	for {
		select {
		case <-t.C:
			p.mu.Lock()
			p.draw()
			p.mu.Unlock()
		case <-stopped:
			return
		}
	}
}

// filesDone is sheets.Options.Progress: done of total files read, rows so far. After the last,
// the line says what was read, and the redrawing stops.
func (p *progressLine) filesDone(done, total, rows int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done, p.total, p.rows = done, total, rows
	if done < total {
		return
	}
	if p.ticker != nil {
		p.ticker.Stop()
		close(p.stopped)
		p.ticker = nil
	}
	p.auto = false
	if p.width > 0 {
		p.show(fmt.Sprintf(progDone, done, total, rows, p.now().Sub(p.start).Seconds()))
		fmt.Fprintln(p.w)
		p.width = 0
	}
}

// draw shows the file read longest, once the run has taken progDelay. Its caller holds mu.
func (p *progressLine) draw() {
	now := p.now()
	if !p.auto || now.Sub(p.start) < progDelay || len(p.open) == 0 {
		return
	}
	var name string
	var f openFile
	for n, o := range p.open {
		if name == "" || o.since.Before(f.since) || o.since.Equal(f.since) && o.n < f.n {
			name, f = n, o
		}
	}
	total := max(p.total, p.started)
	line := fmt.Sprintf(progReading, name, f.n, total)
	if d := now.Sub(f.since); d >= progSlowAfter {
		line += fmt.Sprintf(progSlow, d.Seconds())
	}
	p.show(line)
}

// show writes line over the one shown, padded to cover it.
func (p *progressLine) show(line string) {
	w := zhtext.Width(line)
	fmt.Fprint(p.w, "\r"+line+strings.Repeat(" ", max(p.width-w, 0)))
	p.width = w
}

// isTerminal reports whether f is a character device (a console), not a file or pipe.
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}
