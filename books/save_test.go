package books

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// A write that fails or panics leaves no temporary file and the earlier file untouched.
func TestSaveFileCleansUp(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	path := filepath.Join(dir, "汇总.xlsx")
	if err := os.WriteFile(path, []byte("earlier"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := SaveFile(path, func(io.Writer) error { return errors.New("boom") }); err == nil {
		t.Error("no error from a failed write")
	}
	func() {
		defer func() { _ = recover() }()
		_ = SaveFile(path, func(io.Writer) error { panic("library bug") })
	}()
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("files left: %v", entries)
	}
	if b, _ := os.ReadFile(path); string(b) != "earlier" {
		t.Errorf("earlier file = %q", b)
	}
	if err := SaveFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("file = %q, want new", b)
	}
}
