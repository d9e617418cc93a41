package sheets

import (
	"testing"
)

// sampleReport builds the report of the bundled sample as of 2024-12-20, as duban report does.
func sampleReport(t *testing.T, d *Dict, extra ...string) *Report {
	t.Helper()
	files, _ := Source(append([]string{"../testdata/sample"}, extra...))
	return Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: d.WarnDays})
}
