package sheets

import (
	"cmp"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/duban/duban/internal/zhtext"
)

// Versions of one unit's ledger (SPEC §6). A unit corrects its mistakes by sending a later
// version — 市财政局（初稿）.xlsx, then 市财政局（终稿）.xlsx — and the later version's word
// counts, even when it takes an item back from 已完成 to 推进中. Two files are versions of one
// ledger when they name the same unit once version words, dates and separators are set aside.

// Version is where a file stands among the versions of its unit's ledger.
type Version struct {
	Family string    // the unit the file is a version of: its name without version words and dates
	Stage  int       // by the version word: 初稿 < none < 修改稿 < 终稿 < a returned form or reminder
	Num    int       // v2, 第二稿, 三稿: the number of the draft, 0 if none
	Named  time.Time // a date in the file name (市财政局_20241220), zero if none
	Filed  time.Time // the 填报日期 line of the ledger, zero if none
}

// The stages of a version, in order.
const (
	stageDraft    = -1 // 初稿, 草稿, 征求意见稿, 旧版
	stagePlain    = 0  // no version word
	stageRevised  = 1  // 修改稿, 修改版, 修订稿, 二稿
	stageFinal    = 2  // 终稿, 定稿, 最终版, 正式版
	stageReturned = 3  // a form or reminder duban wrote, filled in and sent back
)

// versionWords are the version words of file names as units write them, longest first within
// a stage so that 最终版 is taken whole. The number words (二稿, 第3稿, v2) are read by versionNum.
var versionWords = []struct {
	word  string
	stage int
}{
	{"征求意见稿", stageDraft}, {"初稿", stageDraft}, {"草稿", stageDraft}, {"旧版", stageDraft}, {"送审稿", stageDraft},
	{"修改稿", stageRevised}, {"修改版", stageRevised}, {"修订稿", stageRevised}, {"修订版", stageRevised},
	{"更新版", stageRevised}, {"更正版", stageRevised}, {"更正", stageRevised}, {"修改", stageRevised}, {"修订", stageRevised},
	{"最终版", stageFinal}, {"最终稿", stageFinal}, {"终稿", stageFinal}, {"定稿", stageFinal},
	{"正式版", stageFinal}, {"正式稿", stageFinal}, {"最终", stageFinal}, {"正式", stageFinal},
}

// versionNum matches a numbered draft: 二稿, 第3稿, 三稿, v2, V3, 第二版.
var versionNum = regexp.MustCompile(`(?i)(?:第?([0-9一二三四五六七八九十]+)(?:稿|版))|(?:v\s*([0-9]+))`)

// nameDates match a date in a file name: 20241220, 2024-12-20, 2024.12.20, 2024年12月20日.
// A bare 1220 is left alone: it may as well be a number.
var nameDates = []*regexp.Regexp{
	regexp.MustCompile(`(20[0-9]{2})([01][0-9])([0-3][0-9])`),
	regexp.MustCompile(`(20[0-9]{2})[-_.]([0-9]{1,2})[-_.]([0-9]{1,2})`),
	regexp.MustCompile(`(20[0-9]{2})年([0-9]{1,2})月([0-9]{1,2})日`),
}

// LedgerVersion reads a file's place among its unit's versions from its name, with the unit of
// its 填报单位 line and its 填报日期 (blank and zero when the ledger has none) and whether duban
// wrote it as a form or reminder that a unit filled in (returned).
func LedgerVersion(file, unit string, filed time.Time, returned bool) Version {
	name := filepath.Base(file)
	name = strings.TrimSuffix(name, filepath.Ext(name))
	v := Version{Filed: filed}
	if returned || IsReminder(name) {
		v.Stage = stageReturned
		name = strings.ReplaceAll(name, ReminderMark, " ")
	}
	for _, re := range nameDates {
		m := re.FindStringSubmatchIndex(name)
		if m == nil {
			continue
		}
		y, mo, d := atoi(name[m[2]:m[3]]), atoi(name[m[4]:m[5]]), atoi(name[m[6]:m[7]])
		if t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC); t.Month() == time.Month(mo) && t.Day() == d {
			v.Named = t
			name = name[:m[0]] + " " + name[m[1]:]
			break
		}
	}
	if m := versionNum.FindStringSubmatchIndex(name); m != nil {
		num := ""
		if m[2] >= 0 {
			num = name[m[2]:m[3]]
		} else {
			num = name[m[4]:m[5]]
		}
		if n, ok := zhtext.ParseNumber(num); ok && n > 0 && n < 100 {
			v.Num = n
			if v.Stage == stagePlain && n >= 2 {
				v.Stage = stageRevised
			}
			name = name[:m[0]] + " " + name[m[1]:]
		}
	}
	for _, w := range versionWords {
		if strings.Contains(name, w.word) {
			if v.Stage != stageReturned && (v.Stage == stagePlain || w.stage > v.Stage) {
				v.Stage = w.stage
			}
			name = strings.ReplaceAll(name, w.word, " ")
		}
	}
	v.Family = zhtext.Fold(name) // Fold drops the separators and brackets left behind
	if unit != "" {
		v.Family = zhtext.Fold(unit)
	}
	return v
}

// atoi reads the digits of a matched number; the pattern guarantees digits only.
func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}

// SameLedger reports whether a and b are versions of one unit's ledger.
func (v Version) SameLedger(o Version) bool { return v.Family != "" && v.Family == o.Family }

// Compare orders two versions of one ledger: negative when v is earlier, 0 when nothing
// tells them apart. The version word decides, then the draft number, then a date in the name,
// then the 填报日期 line.
func (v Version) Compare(o Version) int {
	if c := cmp.Compare(v.Stage, o.Stage); c != 0 {
		return c
	}
	if c := cmp.Compare(v.Num, o.Num); c != 0 {
		return c
	}
	if c := v.Named.Compare(o.Named); c != 0 && !v.Named.IsZero() && !o.Named.IsZero() {
		return c
	}
	if !v.Filed.IsZero() && !o.Filed.IsZero() {
		return v.Filed.Compare(o.Filed)
	}
	return 0
}
