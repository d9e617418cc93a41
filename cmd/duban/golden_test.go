package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestGoldenSample runs report on the bundled sample and compares the whole of stdout and
// stderr with testdata/sample.stdout and testdata/sample.stderr, so that a change to what
// the terminal shows is a reviewed diff (go test ./cmd/duban -run TestGoldenSample -update
// rewrites them).
func TestGoldenSample(t *testing.T) {
	abs, err := filepath.Abs(sample)
	if err != nil {
		t.Fatal(err)
	}
	golden, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(t.TempDir()) // the report's path on stdout is then the same on every machine
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", "汇总.xlsx", abs)
	if code != exitErrors {
		t.Errorf("exit %d, want 1", code)
	}
	for _, g := range []struct{ name, got string }{{"sample.stdout", stdout}, {"sample.stderr", stderr}} {
		path := filepath.Join(golden, g.name)
		if *update {
			if err := os.WriteFile(path, []byte(g.got), 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		want, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if g.got != string(want) {
			t.Errorf("%s differs from testdata/%s (run with -update and review the diff):\n%s", g.name, g.name, firstDiff(string(want), g.got))
		}
	}
}
