package main

import "testing"

// A size too large for int64 is refused, not wrapped to a negative number that means the
// default 512 MiB (issue 20).
func TestParseSizeOverflow(t *testing.T) {
	t.Parallel()
	for _, s := range []string{"99999999999999999999GiB", "9999999999999999999", "8589934592GiB"} {
		if n, err := parseSize(s); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", s, n)
		}
	}
	for s, want := range map[string]int64{"512MiB": 512 << 20, "1G": 1 << 30, "2048": 2048, "4194304GiB": 1 << 52} {
		if n, err := parseSize(s); err != nil || n != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", s, n, err, want)
		}
	}
}
