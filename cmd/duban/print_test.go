package main

import (
	"path/filepath"
	"testing"

	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
)

// TestNamesFitColumns measures, in every list duban writes from the sample — the report, the
// check file, the briefing and the reminders — the 会议 and 牵头单位 columns against the names
// in them: each name fits on one line (SPEC §7: no canonical meeting name breaks inside a
// word, 市政府常务会议第1｜4次).
func TestNamesFitColumns(t *testing.T) {
	samplePath := absSample(t)
	t.Chdir(t.TempDir())
	for _, args := range [][]string{
		{"report", "-q", "--as-of", "2024-12-20", "-o", "汇总.xlsx", samplePath},
		{"brief", "-q", "--meeting", "常务会第14次", "--as-of", "2024-12-20", samplePath},
		{"remind", "-q", "--as-of", "2024-12-20", "--out-dir", "催办", samplePath},
	} {
		if code, _, stderr := runCmd(t, args...); code != exitErrors {
			t.Fatalf("%v: exit %d\n%s", args, code, stderr)
		}
	}
	reminders, _ := filepath.Glob(filepath.Join("催办", "*.xlsx"))
	if len(reminders) == 0 {
		t.Fatal("no reminders written")
	}
	names := map[string]int{} // label → names measured
	for _, path := range append([]string{"汇总.xlsx", "汇总_核对.xlsx", briefBook}, reminders...) {
		f := openBook(t, path)
		for _, sheet := range f.GetSheetList() {
			rows, err := f.GetRows(sheet)
			if err != nil {
				t.Fatal(err)
			}
			for h := 0; h < len(rows) && h < 6; h++ {
				for c, label := range rows[h] {
					if label != sheets.FieldMeeting.String() && label != sheets.FieldLead.String() {
						continue
					}
					col := sheets.ColumnName(c + 1)
					width, err := f.GetColWidth(sheet, col)
					if err != nil {
						t.Fatal(err)
					}
					for _, row := range rows[h+1:] {
						if c >= len(row) || row[c] == "" {
							continue
						}
						names[label]++
						// A column of width w holds w digits, a CJK character two, with room for
						// the cell's padding.
						if w := zhtext.Width(row[c]); float64(w)+1 > width {
							t.Errorf("%s!%s column %s: %q (%d wide) wraps in a column %v wide", path, sheet, col, row[c], w, width)
						}
					}
				}
			}
		}
	}
	// The lists of the sample hold hundreds of names; a test that saw none proves nothing.
	if names["会议"] < 300 || names["牵头单位"] < 300 {
		t.Errorf("names measured: %v", names)
	}
}
