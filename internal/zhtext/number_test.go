package zhtext

import "testing"

var numberCases = []struct {
	s    string
	want int
	ok   bool
}{
	{"一", 1, true},
	{"九", 9, true},
	{"十", 10, true},
	{"十四", 14, true},
	{"二十", 20, true},
	{"三十四", 34, true},
	{"九十九", 99, true},
	{"一百", 100, true},
	{"一百零五", 105, true},
	{"一百一十", 110, true},
	{"一百十", 110, true},
	{"一百五", 150, true},
	{"一千零五十", 1050, true},
	{"九千九百九十九", 9999, true},
	{"两", 2, true},
	{"〇", 0, true},
	{"零", 0, true},
	{"二〇二三", 2023, true},
	{"14", 14, true},
	{"０５", 5, true},
	{"１４", 14, true},
	{" 5 ", 5, true},
	{"999999999", 999999999, true},
	{"", 0, false},
	{"1234567890", 0, false},
	{"十十", 0, false},
	{"百", 0, false},
	{"三四十", 0, false},
	{"十百", 0, false},
	{"1十", 0, false},
	{"五a", 0, false},
	{"abc", 0, false},
	{"-5", 0, false},
}

func TestParseNumber(t *testing.T) {
	t.Parallel()
	for _, c := range numberCases {
		got, ok := ParseNumber(c.s)
		if got != c.want || ok != c.ok {
			t.Errorf("ParseNumber(%q) = %d, %v; want %d, %v", c.s, got, ok, c.want, c.ok)
		}
	}
}
