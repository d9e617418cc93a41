package xlsxout

import "testing"

func TestPaperFor(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		width float64
		want  Paper
	}{{0, A4}, {a4Width, A4}, {a4Width + 0.5, A3}, {198, A3}} {
		if got := PaperFor(c.width); got != c.want {
			t.Errorf("PaperFor(%v) = %v, want %v", c.width, got, c.want)
		}
	}
}
