package sheets

import (
	"flag"
	"os"
	"testing"
	"time"

	"github.com/duban/duban/internal/xlsx"
)

// testDict returns the built-in dictionary from templates/dictionary.txt.
func testDict(t testing.TB) *Dict {
	t.Helper()
	b, err := os.ReadFile("../templates/dictionary.txt")
	if err != nil {
		t.Fatal(err)
	}
	d, err := ParseDict(string(b))
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// date returns a UTC midnight date.
func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// textCells is a row of text cells, as the reader gives them to the sheet code.
func textCells(vals []string) []xlsx.Cell {
	out := make([]xlsx.Cell, len(vals))
	for i, v := range vals {
		out[i] = xlsx.Cell{Value: v, Kind: xlsx.Text}
	}
	return out
}

// sampleReport builds the report of the bundled sample as of 2024-12-20, as duban report does.
func sampleReport(t *testing.T, d *Dict, extra ...string) *Report {
	t.Helper()
	files, _ := Source(append([]string{"../testdata/sample"}, extra...))
	return Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: d.WarnDays})
}

// The -update flag rewrites golden files.
var update = flag.Bool("update", false, "rewrite the golden files")

func updateGolden() bool { return *update }
