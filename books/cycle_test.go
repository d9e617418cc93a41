package books

import (
	"path/filepath"
	"testing"

	"github.com/duban/duban/sheets"
)

// sampleReport builds the report of the bundled sample as of 2024-12-20, as duban report does.
func sampleReport(t *testing.T, d *sheets.Dict, extra ...string) *sheets.Report {
	t.Helper()
	files, _ := sheets.Source(append([]string{"../testdata/sample"}, extra...))
	return sheets.Build(files, sheets.Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: d.WarnDays})
}

// TestReportAsMasterList uses a report duban wrote as the master list of the next round
// (template --from, report --expect): its 事项明细 is split by lead unit, every item once and
// then the rows its run excluded by errors (from the check file beside it, SPEC §9.3), and
// reconciling the same folder against it finds nothing missing.
func TestReportAsMasterList(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	r := sampleReport(t, d)
	path := filepath.Join(t.TempDir(), "督查事项汇总_20241220.xlsx")
	if _, err := WriteReport(path, r); err != nil {
		t.Fatal(err)
	}
	units, probs, ok := sheets.SplitByUnit(path, d, sheets.ReadOptions{})
	if !ok {
		t.Fatalf("report refused as a master list: %v", probs)
	}
	for _, p := range probs {
		if p.Level == sheets.Error {
			t.Errorf("problem: %s", p)
		}
	}
	rows, excluded := 0, 0
	for _, u := range units {
		if !u.Kept || len(u.Excluded) != len(u.Rows) {
			t.Errorf("%s: kept %v, %d marks for %d rows", u.Unit, u.Kept, len(u.Excluded), len(u.Rows))
		}
		for i, raw := range u.Rows {
			if u.Excluded[i] {
				excluded++
				if raw.Vals[sheets.FieldLead] != u.Unit || raw.Pos.Sheet == sheets.SheetItems || raw.Pos.File != u.Unit+".xlsx" {
					t.Errorf("%s: excluded row %v %q", u.Unit, raw.Pos, raw.Vals)
				}
				continue
			}
			rows++
			if raw.Vals[sheets.FieldLead] != u.Unit || raw.Pos.Sheet != sheets.SheetItems {
				t.Errorf("%s: row %v", u.Unit, raw.Pos)
			}
		}
	}
	if len(units) != len(r.Units) || rows != len(r.Items) || excluded != r.Excluded {
		t.Errorf("%d units with %d rows and %d excluded, want %d with %d and %d", len(units), rows, excluded, len(r.Units), len(r.Items), r.Excluded)
	}
	first := units[0].Rows[0]
	it := r.Items[0]
	// The form names the meeting with its year (市委常委会议2024年第1次), so that it reads back as
	// that year's meeting in whatever year the unit returns it.
	if first.Vals[sheets.FieldContent] != it.Content || first.Vals[sheets.FieldMeeting] != it.DatedMeetingName() || first.Vals[sheets.FieldCategory] != it.Category {
		t.Errorf("first row %q, want item %+v", first.Vals, it)
	}
	m, err := sheets.ReadMaster(path, sheets.Options{Dict: d, AsOf: r.AsOf})
	if err != nil {
		t.Fatal(err)
	}
	rec := m.Reconcile(d, r.Items)
	if len(rec.Missing) != 0 || len(rec.Unreported) != 0 {
		t.Errorf("against its own report: missing %v, unreported %v", rec.Missing, rec.Unreported)
	}
	// Read in the next year (report --as-of 2025-01-20 --expect 上期汇总), the report's meetings
	// shown without a year are of its own 年度 (2024), not of the as-of year (SPEC §4.1): every
	// item is still found, those without a 会议日期 too.
	m, err = sheets.ReadMaster(path, sheets.Options{Dict: d, AsOf: date(2025, 1, 20)})
	if err != nil {
		t.Fatal(err)
	}
	if rec := m.Reconcile(d, r.Items); len(rec.Missing) != 0 || len(rec.Unreported) != 0 {
		t.Errorf("read as of the next year: %d missing (first %q), unreported %v", len(rec.Missing), rec.Missing[:min(1, len(rec.Missing))], rec.Unreported)
	}
}
