package books

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

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

// Unique makes file names unique within one folder, as Windows compares them (case does not
// count): the second A.xlsx becomes A（2）.xlsx, the third A（3）.xlsx. Names that come out
// alike only once made safe (A/B and A_B) still get a file each.
func Unique(names []string) []string {
	out := make([]string, len(names))
	taken := map[string]bool{}
	for i, base := range names {
		name := base
		for k := 2; taken[strings.ToLower(name)]; k++ {
			name = strings.TrimSuffix(base, filepath.Ext(base)) + fmt.Sprintf("（%d）", k) + filepath.Ext(base)
		}
		taken[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// MakeDir creates the folder dir, and any folder above it, for the files duban writes.
func MakeDir(dir string) error {
	return os.MkdirAll(dir, 0o755)
}
