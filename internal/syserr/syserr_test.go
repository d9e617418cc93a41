package syserr

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestOf: the errors of this system, as os returns them wrapped, and as a library wraps them
// again.
func TestOf(t *testing.T) {
	for err, want := range map[error]Kind{
		&fs.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC}:                        DiskFull,
		fmt.Errorf("zip: %w", &fs.PathError{Op: "write", Path: "a", Err: syscall.ENOSPC}): DiskFull,
		&os.LinkError{Op: "rename", Old: "a", New: "b", Err: syscall.EROFS}:               ReadOnly,
		&fs.PathError{Op: "open", Path: "a", Err: syscall.EACCES}:                         Permission,
		&fs.PathError{Op: "open", Path: "a", Err: syscall.ENOENT}:                         NotExist,
		&fs.PathError{Op: "write", Path: "a", Err: syscall.EFBIG}:                         TooLarge,
		errors.New("zip: not a valid zip file"):                                           Other,
	} {
		if got := Of(err); got != want {
			t.Errorf("Of(%v) = %v, want %v", err, got, want)
		}
	}
	// A real one: a file where a folder should be (as root too, unlike a read-only folder).
	dir := t.TempDir()
	file := filepath.Join(dir, "文件")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Create(filepath.Join(file, "汇总.xlsx")); Of(err) != NotDir {
		t.Errorf("creating under a file: %v is %v", err, Of(err))
	}
	if _, err := os.ReadFile(dir); Of(err) != IsDir {
		t.Errorf("reading a folder: %v is %v", err, Of(err))
	}
}
