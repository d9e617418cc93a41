package zhtext

import "strings"

// ParseNumber parses a number written in Chinese numerals (十, 十四, 二十, 三十四, 一百零五,
// 一百五 = 150, 两, 〇/零), digit by digit (二〇二三), or in Arabic or full-width digits.
// Surrounding spaces are ignored. Results are below 10⁹ and never negative.
func ParseNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	v, nd := 0, 0
	for _, r := range s {
		r = narrow(r)
		if r < '0' || r > '9' {
			v, _, ok := parseNumerals(s)
			return v, ok
		}
		if nd == 9 {
			return 0, false
		}
		v = v*10 + int(r-'0')
		nd++
	}
	return v, true
}

// digit returns the value of a Chinese digit character, or -1.
func digit(r rune) int {
	switch r {
	case '〇', '零':
		return 0
	case '一':
		return 1
	case '二', '两':
		return 2
	case '三':
		return 3
	case '四':
		return 4
	case '五':
		return 5
	case '六':
		return 6
	case '七':
		return 7
	case '八':
		return 8
	case '九':
		return 9
	}
	return -1
}

// unit returns the value of a Chinese numeral unit character, or 0.
func unit(r rune) int {
	switch r {
	case '十':
		return 10
	case '百':
		return 100
	case '千':
		return 1000
	}
	return 0
}

// isNumeral reports whether r is a Chinese digit or unit.
func isNumeral(r rune) bool { return digit(r) >= 0 || unit(r) > 0 }

// parseNumerals parses a string of Chinese numeral characters. nd is the count of digits when
// the number is written digit by digit (二〇二三 → 2023, 4), else 0.
func parseNumerals(s string) (v, nd int, ok bool) {
	positional := false
	for _, r := range s {
		if unit(r) > 0 {
			positional = true
		} else if digit(r) < 0 {
			return 0, 0, false
		}
	}
	if !positional {
		for _, r := range s {
			if nd == 9 {
				return 0, 0, false
			}
			v = v*10 + digit(r)
			nd++
		}
		return v, nd, nd > 0
	}
	pending := -1     // a digit waiting for its unit
	lastUnit := 10000 // units must come in decreasing order: 千 百 十
	zero := false     // a 零 since the last unit: 一百零五 is 105, 一百五 is 150
	for _, r := range s {
		if d := digit(r); d == 0 {
			if pending >= 0 {
				return 0, 0, false
			}
			zero = true
			continue
		} else if d > 0 {
			if pending >= 0 {
				return 0, 0, false
			}
			pending = d
			continue
		}
		u := unit(r)
		if u >= lastUnit {
			return 0, 0, false
		}
		if pending < 0 {
			if u != 10 {
				return 0, 0, false
			}
			pending = 1 // 十四, 一百十
		}
		v += pending * u
		pending, lastUnit, zero = -1, u, false
	}
	if pending >= 0 {
		if !zero && lastUnit >= 100 && lastUnit < 10000 {
			v += pending * lastUnit / 10
		} else {
			v += pending
		}
	}
	return v, 0, true
}
