package books

import (
	"slices"
	"testing"
)

func TestUnique(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, want []string }{
		{[]string{"市财政局.xlsx", "市交通局.xlsx"}, []string{"市财政局.xlsx", "市交通局.xlsx"}},
		// A/B and A_B come out alike once made safe; case does not count on Windows.
		{[]string{"A_B.xlsx", "A_B.xlsx", "a_b.xlsx"}, []string{"A_B.xlsx", "A_B（2）.xlsx", "a_b（3）.xlsx"}},
		{[]string{"x_催办单_20241220.xlsx", "x_催办单_20241220.xlsx"}, []string{"x_催办单_20241220.xlsx", "x_催办单_20241220（2）.xlsx"}},
		{nil, []string{}},
	} {
		if got := Unique(tc.in); !slices.Equal(got, tc.want) {
			t.Errorf("Unique(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
