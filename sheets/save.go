package sheets

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// SaveFile writes a file through write into a temporary file in path's folder and renames it
// into place, so that a failed or interrupted write leaves no half-written workbook and an
// existing file at path untouched. The temporary name starts with a dot, so Source never
// takes a leftover one for an input.
func SaveFile(path string, write func(io.Writer) error) (err error) {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".duban-*"+filepath.Ext(path))
	if err != nil {
		return fmt.Errorf("写入 %s: %w", path, err)
	}
	done := false
	defer func() { // also when write panics
		if !done {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("写入 %s: %w", path, err)
	}
	_ = tmp.Chmod(0o644) // CreateTemp makes 0600; best effort, not every file system has modes
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("写入 %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		if errors.Is(err, fs.ErrPermission) {
			return fmt.Errorf("无法替换 %s（文件可能正在Excel或WPS中打开，请关闭后重试）: %w", path, err)
		}
		return fmt.Errorf("写入 %s: %w", path, err)
	}
	done = true
	return nil
}
