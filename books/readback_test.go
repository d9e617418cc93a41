package books

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
)

// Workbooks duban writes, read back by the reader as it reads a unit's file.

// TestReadOwnWrittenReport: a report Write produced, left among the inputs, is skipped with a
// notice — also when it is renamed like a unit's ledger.
func TestReadOwnWrittenReport(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "市统计局.xlsx")
	check, err := WriteReport(p, testReport())
	if err != nil {
		t.Fatal(err)
	}
	rows, probs := sheets.ReadFile(p, testDict(t), sheets.ReadOptions{})
	sameLines(t, "problems", dumpProblems(probs), []string{"市统计局.xlsx: 提示: " + hostile.MsgOwnReport})
	if len(rows) != 0 {
		t.Errorf("read %d rows from a report", len(rows))
	}
	// Its check file too, renamed like a ledger.
	renamed := filepath.Join(dir, "市财政局.xlsx")
	if err := os.Rename(check, renamed); err != nil {
		t.Fatal(err)
	}
	rows, probs = sheets.ReadFile(renamed, testDict(t), sheets.ReadOptions{})
	sameLines(t, "problems", dumpProblems(probs), []string{"市财政局.xlsx: 提示: 这是duban生成的核对工作簿，不是单位报送的台账，已跳过"})
	if len(rows) != 0 {
		t.Errorf("read %d rows from a check file", len(rows))
	}
}
