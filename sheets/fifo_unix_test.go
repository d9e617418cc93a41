//go:build unix

package sheets

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// A named pipe in the input folder, even one named like a workbook, is skipped with a notice
// and never opened: opening it would wait for a writer forever (issue 20).
func TestSourceSkipsPipe(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := hostile.WriteBook(filepath.Join(dir, "市统计局.xlsx"), "台账", hostile.Ledger("市统计局", 1, 2)); err != nil {
		t.Fatal(err)
	}
	pipe := filepath.Join(dir, "市财政局.xlsx")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	if err := os.Symlink(pipe, filepath.Join(dir, "链接.xlsx")); err != nil {
		t.Fatal(err)
	}
	for _, paths := range [][]string{{dir}, {pipe}} {
		files, probs := Source(paths)
		for _, f := range files {
			if filepath.Base(f) != "市统计局.xlsx" {
				t.Errorf("Source(%q) lists %s", paths, f)
			}
		}
		want := 2
		if len(paths) == 1 && paths[0] == pipe {
			want = 1
		}
		n := 0
		for _, p := range probs {
			if p.Msg == msgNotRegular && p.Level == Notice {
				n++
			}
		}
		if n != want {
			t.Errorf("Source(%q): %d notices of a pipe, want %d: %v", paths, n, want, probs)
		}
	}
}
