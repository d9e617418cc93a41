package xlsxout

import (
	"cmp"
	"fmt"
	"strings"
)

// Excel refuses a sheet name that is empty, longer than 31 characters (UTF-16 units), holds
// one of []:*?/\ or a control character, begins or ends with an apostrophe, or is History
// (reserved for its change tracking); and two names that differ only in case. Other programs
// write such names; an annotated copy must not keep them (Excel would repair it, dropping
// the sheet's references).

// maxSheetName is the longest sheet name Excel takes, in UTF-16 units.
const maxSheetName = 31

// ValidSheetName reports whether Excel accepts name as a sheet name (uniqueness aside).
func ValidSheetName(name string) bool {
	return name != "" && UTF16Len(name) <= maxSheetName && !strings.ContainsAny(name, "[]:*?/\\") &&
		!strings.HasPrefix(name, "'") && !strings.HasSuffix(name, "'") &&
		!strings.ContainsFunc(name, func(r rune) bool { return r < ' ' || badChar(r) }) &&
		!strings.EqualFold(name, "History")
}

// SafeSheetName returns name when Excel accepts it and taken does not hold it, else a name
// made from it that Excel accepts and taken does not hold: the refused characters become _,
// the apostrophes at the ends go, the name is cut to 31 characters, and (2), (3)… is added
// while taken holds it (History becomes History(2)). taken holds names in lower case
// (SheetKey), as Excel compares them; SafeSheetName does not add to it.
func SafeSheetName(name string, taken map[string]bool) string {
	if ValidSheetName(name) && !taken[SheetKey(name)] {
		return name
	}
	base := strings.Trim(strings.Map(func(r rune) rune {
		if strings.ContainsRune("[]:*?/\\", r) || r < ' ' || badChar(r) {
			return '_'
		}
		return r
	}, strings.ToValidUTF8(name, "")), "'")
	base = cmp.Or(base, "Sheet")
	now := cmp.Or(strings.TrimRight(cutUTF16(base, maxSheetName), "'"), "Sheet")
	for n := 2; !ValidSheetName(now) || taken[SheetKey(now)]; n++ {
		suffix := fmt.Sprintf("(%d)", n)
		now = strings.TrimRight(cutUTF16(base, maxSheetName-len(suffix)), "'") + suffix
	}
	return now
}

// SafeSheetNames returns, for each name of a workbook's sheets (in order) that Excel refuses
// or that repeats an earlier one in another case, the name SafeSheetName gives it, unique in
// the workbook; names Excel accepts are not in the map. (A name repeated exactly cannot be
// told apart by name: it is left to the caller.)
func SafeSheetNames(list []string) map[string]string {
	taken := map[string]bool{}
	for _, s := range list {
		if ValidSheetName(s) {
			taken[SheetKey(s)] = true
		}
	}
	renamed := map[string]string{}
	seen := map[string]bool{}  // ignoring case
	exact := map[string]bool{} // as spelled
	for _, s := range list {
		if exact[s] {
			continue
		}
		exact[s] = true
		if ValidSheetName(s) && !seen[SheetKey(s)] {
			seen[SheetKey(s)] = true
			continue
		}
		now := SafeSheetName(s, taken)
		taken[SheetKey(now)] = true
		renamed[s] = now
	}
	return renamed
}

// SheetKey is name as Excel compares sheet names: ignoring case.
func SheetKey(name string) string { return strings.ToLower(name) }
