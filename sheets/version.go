package sheets

import (
	"cmp"
	"fmt"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
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

// winners decides, for each group of rows of one item, the row that counts (Merge), and keeps
// the tally of each pair of versions of one ledger that differ: one warning per pair of files
// on the terminal, one per item in the check file.
type winners struct {
	items    []Item
	versions map[string]Version // by file name
	pairs    map[[2]string]*versionPair
}

// versionPair counts how an earlier version of a ledger (key[0]) differs from a later one
// (key[1]).
type versionPair struct {
	differ      int // items whose 落实状态 differs: the later version's counts
	onlyEarlier int // items only the earlier version has: kept, to be checked
}

// newer compares the files of two rows as versions of one unit's ledger: positive when a's
// file is the later version, 0 when they are not versions of one ledger or nothing orders them.
func (w *winners) newer(a, b *Item) int {
	if a.Src.File == b.Src.File {
		return 0
	}
	va, vb := w.versions[a.Src.File], w.versions[b.Src.File]
	if !va.SameLedger(vb) {
		return 0
	}
	return va.Compare(vb)
}

// byLead reports whether row a comes from the ledger of the item's lead unit, rather than a
// co-unit's that reports the item too.
func (w *winners) byLead(a *Item) bool {
	fam, lead := w.versions[a.Src.File].Family, zhtext.Fold(a.Lead)
	return fam != "" && lead != "" && (fam == lead || strings.Contains(fam, lead) || strings.Contains(lead, fam))
}

// pair returns the tally of the earlier and later versions.
func (w *winners) pair(earlier, later string) *versionPair {
	k := [2]string{earlier, later}
	p := w.pairs[k]
	if p == nil {
		p = &versionPair{}
		w.pairs[k] = p
	}
	return p
}

// versionDiffers is the problem, in the check file, of an item whose status an earlier
// version of its ledger gives otherwise than the later one, which counts.
func (w *winners) versionDiffers(lost, win *Item) Problem {
	w.pair(lost.Src.File, win.Src.File).differ++
	return Problem{Pos: lost.Src, Scope: ScopeRow, Level: Warning, Kind: VersionDiffers, Detail: true,
		Field: FieldStatus.String(), Raw: lost.StatusRaw,
		Msg: fmt.Sprintf(msgVersionDiffers, win.Src.String(), statusText(lost), statusText(win), win.Src.File)}
}

// onlyInEarlier finds the items that an earlier version of a unit's ledger has and its latest
// version does not: they are kept, and the clerk asks whether the unit dropped them on
// purpose. A returned form or reminder holds only the items it was sent with, so an item
// missing from it says nothing.
func (w *winners) onlyInEarlier(groups [][]int) []Problem {
	latest := map[string]string{} // family → the file of its latest version that has items
	for i := range w.items {
		f := w.items[i].Src.File
		v := w.versions[f]
		if v.Family == "" {
			continue
		}
		l, ok := latest[v.Family]
		if !ok || w.versions[l].Compare(v) < 0 || w.versions[l].Compare(v) == 0 && f < l {
			latest[v.Family] = f
		}
	}
	var probs []Problem
	for _, g := range groups {
		newest := map[string]int{} // family → the row of the group in its newest version
		for _, i := range g {
			v := w.versions[w.items[i].Src.File]
			if j, ok := newest[v.Family]; !ok || w.versions[w.items[j].Src.File].Compare(v) < 0 {
				newest[v.Family] = i
			}
		}
		for fam, i := range newest {
			it := &w.items[i]
			l := latest[fam]
			lv := w.versions[l]
			if fam == "" || l == "" || lv.Stage == stageReturned || w.versions[it.Src.File].Compare(lv) >= 0 {
				continue
			}
			w.pair(it.Src.File, l).onlyEarlier++
			probs = append(probs, Problem{Pos: it.Src, Scope: ScopeRow, Level: Warning, Kind: VersionOnlyEarlier,
				Detail: true, Field: FieldContent.String(), Raw: it.Content, Msg: fmt.Sprintf(msgVersionOnlyEarlier, l)})
		}
	}
	return probs
}

// pairProblems are the warnings on the terminal, one per pair of versions that differ, at the
// later file.
func (w *winners) pairProblems() []Problem {
	keys := slices.Collect(maps.Keys(w.pairs))
	slices.SortFunc(keys, func(a, b [2]string) int { return cmp.Or(strings.Compare(a[1], b[1]), strings.Compare(a[0], b[0])) })
	var probs []Problem
	for _, k := range keys {
		p := w.pairs[k]
		var parts []string
		if p.differ > 0 {
			parts = append(parts, fmt.Sprintf(msgPairDiffer, p.differ))
		}
		if p.onlyEarlier > 0 {
			parts = append(parts, fmt.Sprintf(msgPairOnlyEarlier, p.onlyEarlier))
		}
		probs = append(probs, Problem{Pos: Pos{File: k[1]}, Scope: ScopeFile, Level: Warning, Kind: VersionDiffers,
			Msg: fmt.Sprintf(msgVersionPair, k[0], strings.Join(parts, "；"))})
	}
	return probs
}

// statusText is the status as the unit wrote it, else its class.
func statusText(it *Item) string { return cmp.Or(it.StatusRaw, it.Status.String()) }

// versionWord is the version word in a file's name (终稿 in 市财政局（终稿）.xlsx), "" if none.
func versionWord(file string) string {
	name := filepath.Base(file)
	for _, w := range versionWords {
		if strings.Contains(name, w.word) {
			return w.word
		}
	}
	return ""
}
