package sheets

import (
	"os"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// Every kind of problem has a name for the terminal's counts.
func TestProblemKindNames(t *testing.T) {
	t.Parallel()
	seen := map[string]ProblemKind{}
	for k := ProblemKind(1); k < numProblemKinds; k++ {
		name := k.String()
		if name == "" || name == kindNone {
			t.Errorf("kind %d has no name", k)
		}
		if other, ok := seen[name]; ok {
			t.Errorf("kinds %d and %d are both named %s", other, k, name)
		}
		seen[name] = k
	}
	if got := ProblemKind(0).String(); got != kindNone {
		t.Errorf("no kind is named %q, want %q", got, kindNone)
	}
}

func TestCountKinds(t *testing.T) {
	t.Parallel()
	ps := []Problem{{Kind: FooterSkipped}, {Kind: LeadFromFile}, {Kind: LeadFromFile}, {Kind: HiddenSheet}, {Kind: FooterSkipped}, {Kind: LeadFromFile}}
	want := []KindCount{{LeadFromFile, 3}, {FooterSkipped, 2}, {HiddenSheet, 1}}
	got := CountKinds(ps)
	if len(got) != len(want) {
		t.Fatalf("CountKinds = %v, want %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("CountKinds = %v, want %v", got, want)
		}
	}
}

// scopeFits reports whether a problem's Pos holds what its Scope says.
func scopeFits(p Problem) bool {
	switch p.Scope {
	case ScopeRun:
		return p.Pos == Pos{}
	case ScopeFile:
		return p.Pos.File != "" && p.Pos.Sheet == "" && p.Pos.Row == 0
	case ScopeSheet:
		return p.Pos.File != "" && p.Pos.Sheet != "" && p.Pos.Row == 0
	case ScopeRow:
		return p.Pos.Sheet != "" && p.Pos.Row > 0 && p.Pos.Col == 0
	case ScopeCell:
		return p.Pos.Sheet != "" && p.Pos.Row > 0
	}
	return false
}

// TestEveryProblemHasKindAndScope: the terminal counts notices by their kind and 报送情况 tells
// a file's outcome by the scope of its problems, both set where a problem is made; so every
// problem duban gives on the bundled sample, the hostile corpus and the real-world workbooks
// has a kind and a scope that fits its place (a problem made without them fails here).
func TestEveryProblemHasKindAndScope(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	dir := t.TempDir()
	if _, err := hostile.Good(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := hostile.Bad(dir); err != nil {
		t.Fatal(err)
	}
	roots := []string{"../testdata/sample", dir}
	if _, err := os.Stat("../../shared/realworld-xlsx"); err == nil && !testing.Short() { // -short: not the big corpus
		roots = append(roots, "../../shared/realworld-xlsx")
	}
	for _, root := range roots {
		files, probs := Source([]string{root})
		r := Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: d.WarnDays})
		for _, p := range append(probs, r.Problems...) {
			if p.Kind <= 0 || p.Kind >= numProblemKinds {
				t.Errorf("%s: a problem of no kind: %s", root, p)
			}
			if !scopeFits(p) {
				t.Errorf("%s: scope %d does not fit the place of %s", root, p.Scope, p)
			}
		}
	}
}
