package books

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
)

// SaveFile writes a file through write into a temporary file in path's folder and renames it
// into place, so that a failed or interrupted write leaves no half-written workbook and an
// existing file at path untouched. The temporary name starts with a dot, so Source never
// takes a leftover one for an input; leftovers of a run that was killed are removed by the
// next run that writes into the folder (cleanStale).
func SaveFile(path string, write func(io.Writer) error) error {
	return SaveFiles(Output{path, write})
}

// Output is a file to save: where, and how to write it.
type Output struct {
	Path  string
	Write func(io.Writer) error
}

// SaveFiles saves several files as SaveFile does one, writing them at the same time (at most
// one per core) and renaming them into place only when every one was written: a failed write
// leaves all of the existing files untouched, never a new one beside an old one. Should a
// rename fail (a file held open by Excel), the files already renamed are taken back and the
// ones they replaced put back; the error names them.
func SaveFiles(outs ...Output) error {
	tmps := make([]*os.File, len(outs))
	errs := make([]error, len(outs))
	panics := make([]any, len(outs))
	defer func() { // also when a write panics
		for _, t := range tmps {
			if t != nil {
				t.Close()
				os.Remove(t.Name())
			}
		}
	}()
	for i, o := range outs {
		tmp, err := createTemp(o.Path)
		if err != nil {
			return err
		}
		tmps[i] = tmp
	}
	var wg sync.WaitGroup
	slots := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i, o := range outs {
		wg.Go(func() {
			slots <- struct{}{}
			defer func() { <-slots }()
			defer func() { panics[i] = recover() }()
			errs[i] = writeTemp(tmps[i], o)
		})
	}
	wg.Wait()
	for _, p := range panics {
		if p != nil {
			panic(p) // in the caller's goroutine, after the temporary files are removed
		}
	}
	if err := errors.Join(errs...); err != nil {
		return err
	}
	var b Batch
	for i, o := range outs {
		err := b.install(tmps[i].Name(), o.Path)
		tmps[i] = nil // renamed, or removed by install
		if err != nil {
			return b.fail(err)
		}
	}
	b.Commit()
	return nil
}

// A Batch saves the files of one run one after the other (the copies of check --annotate,
// reminders, forms), each as SaveFile does, and keeps each file it replaces aside until the
// run ends: a run failing part-way (disk full) takes back what it wrote and puts back what was
// there (Undo), so that it leaves the folder as it found it. The zero Batch is ready to use;
// end it with Commit or Undo.
type Batch struct {
	done []installed
}

// installed is a file a Batch put in place, and where the file it replaced was kept.
type installed struct{ path, backup string }

// Save writes the file at path through write (as SaveFile). An error of the operating
// system is an *OSError; an error of write is returned as it is, and the run may go on.
func (b *Batch) Save(path string, write func(io.Writer) error) (err error) {
	tmp, err := createTemp(path)
	if err != nil {
		return err
	}
	defer func() {
		if p := recover(); p != nil {
			tmp.Close()
			os.Remove(tmp.Name())
			panic(p)
		}
	}()
	if err := writeTemp(tmp, Output{path, write}); err != nil {
		os.Remove(tmp.Name())
		return err
	}
	return b.install(tmp.Name(), path)
}

// Written lists the files the batch has put in place so far.
func (b *Batch) Written() []string {
	out := make([]string, len(b.done))
	for i, d := range b.done {
		out[i] = d.path
	}
	return out
}

// Commit ends the batch: the files it replaced are removed.
func (b *Batch) Commit() {
	for _, d := range b.done {
		if d.backup != "" {
			os.Remove(d.backup)
		}
	}
	b.done = nil
}

// Undo ends the batch by taking back every file it wrote, last first, putting back the files
// they replaced; it returns the files taken back.
func (b *Batch) Undo() []string {
	var removed []string
	for _, u := range b.undo() {
		removed = append(removed, u.path)
	}
	return removed
}

// undo is Undo, telling which of the files taken back had replaced one it put back.
func (b *Batch) undo() []installed {
	var out []installed
	for i := len(b.done) - 1; i >= 0; i-- {
		d := b.done[i]
		if d.backup != "" {
			if os.Rename(d.backup, d.path) != nil {
				continue // the new file stays rather than neither
			}
		} else if os.Remove(d.path) != nil {
			continue
		}
		out = append(out, d)
	}
	b.done = nil
	return out
}

// fail undoes the batch after err and returns err naming the files taken back.
func (b *Batch) fail(err error) error {
	undone := b.undo()
	if len(undone) == 0 {
		return err
	}
	e := &UndoneError{Err: err}
	for _, u := range undone {
		e.Removed = append(e.Removed, u.path)
		e.Restored = append(e.Restored, u.backup != "")
	}
	return e
}

// UndoneError is a run that failed part-way after writing some of its files, which it took
// back (Batch.Undo).
type UndoneError struct {
	Err      error
	Removed  []string // the files taken back, last written first
	Restored []bool   // for each, whether the file it had replaced was put back
}

func (e *UndoneError) Error() string {
	names := make([]string, len(e.Removed))
	for i, p := range e.Removed {
		names[i] = p
		if i < len(e.Restored) && e.Restored[i] {
			names[i] += msgRestored
		}
	}
	return fmt.Sprintf(msgUndone, e.Err, strings.Join(names, "、"))
}

func (e *UndoneError) Unwrap() error { return e.Err }

// Fail undoes the batch after err, as a run that must stop (disk full) does, and returns err
// naming the files it took back.
func (b *Batch) Fail(err error) error { return b.fail(err) }

// install puts the written temporary file tmp in place at path: an existing file is first
// renamed aside (kept until Commit), so that Undo can put it back.
func (b *Batch) install(tmp, path string) error {
	backup := ""
	if st, err := os.Lstat(path); err == nil && st.Mode().IsRegular() {
		bk, err := createTemp(path)
		if err != nil {
			os.Remove(tmp)
			return err
		}
		bk.Close()
		backup = bk.Name()
		if err := os.Rename(path, backup); err != nil {
			os.Remove(backup)
			os.Remove(tmp)
			return &OSError{Path: path, Op: opReplace, Err: err}
		}
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		if backup != "" {
			os.Rename(backup, path)
		}
		return &OSError{Path: path, Op: opReplace, Err: err}
	}
	b.done = append(b.done, installed{path: path, backup: backup})
	return nil
}

// tempPrefix starts the names of duban's temporary files, followed by the process id.
const tempPrefix = ".duban-"

// createTemp creates the temporary file a file at path is written to: in path's folder,
// named .duban-<pid>-<random><ext>. It removes the folder's stale temporaries first.
func createTemp(path string) (*os.File, error) {
	dir := filepath.Dir(path)
	cleanStale(dir)
	tmp, err := os.CreateTemp(dir, tempPrefix+strconv.Itoa(os.Getpid())+"-*"+filepath.Ext(path))
	if err != nil {
		return nil, &OSError{Path: path, Op: opWrite, Err: err}
	}
	return tmp, nil
}

// writeTemp writes o into tmp and closes it. An error of the operating system (disk full)
// on the way is an *OSError naming o.Path, whatever write made of it.
func writeTemp(tmp *os.File, o Output) error {
	w := &osWriter{f: tmp}
	err := o.Write(w)
	if w.err != nil {
		tmp.Close()
		return &OSError{Path: o.Path, Op: opWrite, Err: w.err}
	}
	if err != nil {
		tmp.Close()
		return fmt.Errorf("写入 %s: %w", o.Path, err)
	}
	_ = tmp.Chmod(0o644) // CreateTemp makes 0600; best effort, not every file system has modes
	if err := tmp.Close(); err != nil {
		return &OSError{Path: o.Path, Op: opWrite, Err: err}
	}
	return nil
}

// fileWrite writes to a temporary file; tests put a full disk in its place.
var fileWrite = (*os.File).Write

// osWriter writes to a file and keeps the first error of the operating system, which a
// library writing through it may wrap beyond recognition.
type osWriter struct {
	f   *os.File
	err error
}

func (w *osWriter) Write(p []byte) (int, error) {
	n, err := fileWrite(w.f, p)
	if err != nil && w.err == nil {
		w.err = err
	}
	return n, err
}
