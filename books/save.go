package books

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// SaveFile writes a file through write into a temporary file in path's folder and renames it
// into place, so that a failed or interrupted write leaves no half-written workbook and an
// existing file at path untouched. The temporary name starts with a dot, so Source never
// takes a leftover one for an input.
func SaveFile(path string, write func(io.Writer) error) error {
	return SaveFiles(Output{path, write})
}

// Output is a file to save: where, and how to write it.
type Output struct {
	Path  string
	Write func(io.Writer) error
}

// SaveFiles saves several files as SaveFile does one, writing them at the same time (each on
// its own core) and renaming them into place only when every one was written: a failed write
// leaves all of the existing files untouched, never a new one beside an old one.
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
	var wg sync.WaitGroup
	for i, o := range outs {
		tmp, err := os.CreateTemp(filepath.Dir(o.Path), ".duban-*"+filepath.Ext(o.Path))
		if err != nil {
			return fmt.Errorf("写入 %s: %w", o.Path, err)
		}
		tmps[i] = tmp
		wg.Go(func() {
			defer func() { panics[i] = recover() }()
			if err := o.Write(tmp); err != nil {
				errs[i] = fmt.Errorf("写入 %s: %w", o.Path, err)
				return
			}
			_ = tmp.Chmod(0o644) // CreateTemp makes 0600; best effort, not every file system has modes
			if err := tmp.Close(); err != nil {
				errs[i] = fmt.Errorf("写入 %s: %w", o.Path, err)
			}
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
	for i, o := range outs {
		if err := os.Rename(tmps[i].Name(), o.Path); err != nil {
			if errors.Is(err, fs.ErrPermission) {
				return fmt.Errorf("无法替换 %s（文件可能正在Excel或WPS中打开，请关闭后重试）: %w", o.Path, err)
			}
			return fmt.Errorf("写入 %s: %w", o.Path, err)
		}
		tmps[i] = nil
	}
	return nil
}
