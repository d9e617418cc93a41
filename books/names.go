package books

import "strings"

// SafeName is s as part of a file name: the characters Windows refuses replaced by _, at most
// MaxNameRunes characters (Windows allows 255 UTF-16 units in a name and 260 in a whole path
// by default; a unit's or meeting's name of 80 characters must not make the file unwritable),
// no trailing dots or spaces, and 未命名 for a name that would be empty.
func SafeName(s string) string {
	s = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`\/:*?"<>|`, r) || r < 0x20 {
			return '_'
		}
		return r
	}, strings.TrimSpace(s))
	if r := []rune(s); len(r) > MaxNameRunes {
		s = string(r[:MaxNameRunes])
	}
	s = strings.TrimRight(s, ". ")
	if strings.Trim(s, ". ") == "" {
		return "未命名"
	}
	return s
}

// MaxNameRunes is the most characters SafeName keeps of a name.
const MaxNameRunes = 60
