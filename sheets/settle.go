package sheets

import (
	"fmt"
	"strings"

	"github.com/duban/duban/internal/zhtext"
)

// Excluded rows settled by a later version (SPEC §6). A unit corrects the row the check sent
// back — in the annotated copy it was given, or a later draft — and the clerk keeps the first
// file beside it: the later version's item counts, and the earlier version's excluded row is
// settled by it, counted among the rows merged (重复合并) rather than the rows excluded. An
// excluded row that a later version repeats, still wrong, is excluded once, there.

// excludedKey is the identity of an excluded row or an item but for its category, which an
// excluded row may not have: meeting, content without spaces and punctuation, lead unit.
func excludedKey(m Meeting, content, lead string) string {
	return meetingKey(m) + "\x00" + zhtext.Fold(content) + "\x00" + lead
}

// settlement is a row of items or of excluded rows with an excluded row's identity.
type settlement struct {
	file, category string
	excluded       bool
}

// settle finds the excluded rows of t that a later version of the same unit's ledger settles,
// among items (before Merge) and the other excluded rows; it takes them out of the excluded
// rows and counts, turns their errors in probs into notices naming the later file, and returns
// how many rows it moved from excluded to merged.
func (b *run) settle(items []Item, probs []Problem, t *totals) (moved int) {
	if len(t.excludedRows) == 0 {
		return 0
	}
	families := map[string]bool{}
	keys := make([]string, len(t.excludedRows))
	later := map[string][]settlement{}
	for i := range t.excludedRows {
		x := &t.excludedRows[i]
		if fam := b.versions[x.Src.File].Family; fam != "" {
			families[fam] = true
			keys[i] = excludedKey(x.Meeting, x.Content, x.Lead)
			later[keys[i]] = append(later[keys[i]], settlement{file: x.Src.File, category: x.Category, excluded: true})
		}
	}
	if len(families) == 0 {
		return 0
	}
	for i := range items {
		it := &items[i]
		if !families[b.versions[it.Src.File].Family] {
			continue
		}
		k := excludedKey(it.Meeting, it.Content, it.Lead)
		if s, ok := later[k]; ok {
			later[k] = append(s, settlement{file: it.Src.File, category: it.Category})
		}
	}
	at := make(map[string]int, len(b.names))
	for i, n := range b.names {
		at[n] = i
	}
	kept := t.excludedRows[:0:0]
	for i, x := range t.excludedRows {
		by, corrected := "", false
		if keys[i] != "" {
			by, corrected = b.settledBy(x, later[keys[i]])
		}
		if by == "" {
			kept = append(kept, x)
			continue
		}
		moved++
		out := &b.results[at[x.Src.File]].out
		out.Excluded--
		out.Merged++
		msg := msgSettledRepeated
		if corrected {
			msg = msgSettledCorrected
		}
		for j := range probs {
			p := &probs[j]
			if p.Level == Error && p.Scope >= ScopeRow && p.Pos.File == x.Src.File && p.Pos.Sheet == x.Src.Sheet && p.Pos.Row == x.Src.Row {
				p.Level, p.Msg = Notice, fmt.Sprintf(msg, strings.TrimSuffix(p.Msg, msgExcluded), by)
				out.Errors--
				out.Notices++
			}
		}
	}
	t.excludedRows = kept
	t.excluded -= moved
	return moved
}

// settledBy returns the latest version of x's unit's ledger, later than x's own file, that has
// a row of x's identity (ss): an item, which corrects it (corrected), else an excluded row.
// x's category, when readable, must be the row's. by is "" when none does: two files that no
// version word, date or return orders (一月/市商务局.xlsx, 二月/市商务局.xlsx) settle nothing.
func (b *run) settledBy(x ExcludedRow, ss []settlement) (by string, corrected bool) {
	v := b.versions[x.Src.File]
	best := settlement{}
	for _, s := range ss {
		if s.file == x.Src.File || x.Category != "" && s.category != "" && s.category != x.Category {
			continue
		}
		sv := b.versions[s.file]
		c := sv.Compare(v)
		if !sv.SameLedger(v) || c <= 0 {
			continue
		}
		if best.file == "" || !s.excluded && best.excluded || s.excluded == best.excluded && b.laterFile(s.file, best.file) {
			best = s
		}
	}
	return best.file, best.file != "" && !best.excluded
}

// laterFile reports whether file a is a later version than c, by name when nothing else orders
// them (so that the result does not depend on the order of files).
func (b *run) laterFile(a, c string) bool {
	if n := b.versions[a].Compare(b.versions[c]); n != 0 {
		return n > 0
	}
	return a > c
}
