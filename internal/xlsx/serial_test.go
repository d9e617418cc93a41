package xlsx

import (
	"testing"
	"time"
)

func TestSerial(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		v        float64
		date1904 bool
		want     string
	}{
		{45291, false, "2023-12-31"}, // Excel shows 45291 as 2023-12-31
		{25569, false, "1970-01-01"},
		{43830, true, "2024-01-01"}, // 1462 days less than the 1900 serial of the day
		{45291.75, false, "2023-12-31"},
	} {
		got := SerialDay(c.v, c.date1904).Format(time.DateOnly)
		if got != c.want {
			t.Errorf("SerialDay(%v, %v) = %s, want %s", c.v, c.date1904, got, c.want)
		}
		if !c.date1904 && DaySerial(SerialDay(c.v, false)) != int(c.v) {
			t.Errorf("DaySerial(SerialDay(%v)) = %d", c.v, DaySerial(SerialDay(c.v, false)))
		}
	}
}
