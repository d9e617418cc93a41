package sheets

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"

	"github.com/duban/duban/internal/zhtext"
)

// meetingKey is the identity of a meeting within its category (SPEC §4.1): the session
// number and its year, else the meeting date, else the name without spaces and punctuation.
// It is made in one allocation: every item's key is made in Merge and Summarize.
func meetingKey(m Meeting) string {
	var buf [32]byte
	b := buf[:0]
	switch {
	case m.Num > 0 && m.Year > 0:
		b = strconv.AppendInt(append(b, 'n'), int64(m.Year), 10)
		b = strconv.AppendInt(append(b, '-'), int64(m.Num), 10)
	case m.Num > 0:
		b = strconv.AppendInt(append(b, 'n'), int64(m.Num), 10)
	case !m.Date.IsZero():
		b = m.Date.AppendFormat(append(b, 'd'), time.DateOnly)
	default:
		return "k" + m.Key
	}
	return string(b)
}

// itemKey is the identity of an item (SPEC §6): category, meeting, content without spaces
// and punctuation, and lead unit.
func itemKey(it *Item) string {
	return it.Category + "\x00" + meetingKey(it.Meeting) + "\x00" + zhtext.Fold(it.Content) + "\x00" + it.Lead
}

// idKeys are the identity of an item that has a 编号: the 编号 stands for the content (which
// a final may have reworded) within the item's category and lead unit. base is that; exact
// adds the meeting when the row names it definitely (by number or date), so that units
// numbering their items 1, 2, 3 afresh for each meeting never collide; exact is "" when the
// meeting is only a name, which may be written differently by each unit.
func idKeys(it *Item) (base, exact string) {
	base = it.Category + "\x00#" + zhtext.Fold(it.ID) + "\x00" + it.Lead
	if it.Meeting.Num > 0 || !it.Meeting.Date.IsZero() {
		exact = base + "\x00" + meetingKey(it.Meeting)
	}
	return base, exact
}

// looseIDKey is the identity of a 编号 row whose meeting is only a name: the name counts, so
// that items numbered afresh under two unnumbered meetings stay apart.
func looseIDKey(base string, m Meeting) string { return base + "\x00?" + m.Key }

// Merge counts every item once (SPEC §6). Rows of the same item — a draft and a final file,
// or a lead and a co-unit reporting it — become one item, and which row counts is decided in
// this order: a later version of the same unit's ledger over an earlier one (versions, by
// file name; see Version), the lead unit's own report over a co-unit's, then the more
// advanced status, the later 完成日期 and the earlier place. Blank fields of the winner are
// filled from the others. 编号, when both rows have one, decides identity. The result does not
// depend on the order of items. dups is the number of rows merged into another. Merge reuses
// the items slice for its result. versions gives what the reader found of each file (its
// 填报单位 line, whether it is a returned form); a file it lacks is known by its name alone.
func Merge(items []Item, versions map[string]Version) (merged []Item, dups int, probs []Problem) {
	order, keys := canonicalOrder(items)
	g := grouping{items: items, keys: keys, withID: make([]bool, len(items)), group: map[string]int{},
		loose: map[string][]int{}, exact: map[string][]int{}}
	groups, probs := g.byID(order)
	g.joinLoose(groups)
	groups = g.byKey(order, groups)
	w := winners{items: items, versions: maps.Clone(versions), pairs: map[[2]string]*versionPair{}}
	if w.versions == nil {
		w.versions = map[string]Version{}
	}
	for i := range items {
		if f := items[i].Src.File; !has(w.versions, f) {
			w.versions[f] = LedgerVersion(f, "", time.Time{}, false)
		}
	}
	probs = append(probs, w.onlyInEarlier(groups)...)
	merged, dups, probs = w.keep(groups, probs)
	return merged, dups, append(probs, w.pairProblems()...)
}

// canonicalOrder returns the rows' indexes in a canonical order, and each row's itemKey, so
// that groups, winners and messages never depend on the order in which files were read.
func canonicalOrder(items []Item) (order []int, keys []string) {
	order = make([]int, len(items))
	keys = make([]string, len(items))
	for i := range items {
		order[i] = i
		keys[i] = itemKey(&items[i])
	}
	slices.SortFunc(order, func(a, b int) int {
		if c := items[a].Src.compare(items[b].Src); c != 0 {
			return c
		}
		return cmp.Compare(keys[a], keys[b])
	})
	return order, keys
}

// grouping is Merge's state while it puts the rows of one item into one group, a list of
// indexes in items. The groups themselves are passed along, not kept here, so that the maps
// stay on the stack.
type grouping struct {
	items  []Item
	keys   []string         // itemKey of each row
	withID []bool           // the row has a 编号: byID grouped it
	group  map[string]int   // identity → index in groups
	loose  map[string][]int // base → groups of 编号 rows whose meeting is only a name
	exact  map[string][]int // base → groups of 编号 rows with a definite meeting
}

// join adds row i to the group of identity k, if there is one.
func (g *grouping) join(groups [][]int, k string, i int) bool {
	if n, ok := g.group[k]; ok {
		groups[n] = append(groups[n], i)
		return true
	}
	return false
}

// byID groups the rows with 编号 first: they define groups by 编号 and by content.
func (g *grouping) byID(order []int) (groups [][]int, probs []Problem) {
	items := g.items
	for _, i := range order {
		if zhtext.Fold(items[i].ID) == "" {
			continue
		}
		g.withID[i] = true
		base, id := idKeys(&items[i])
		definite := id != ""
		if !definite {
			id = looseIDKey(base, items[i].Meeting)
		}
		// One sheet using one 编号 for two different items (numbering begun again under
		// each heading): two items, and a warning, rather than one item lost.
		if n, ok := g.group[id]; ok {
			if j, clash := sameSheetOther(items, groups[n], i); clash {
				probs = append(probs, Problem{Pos: items[i].Src.At(0), Scope: ScopeRow, Level: Warning, Kind: IDReused, Field: FieldID.String(),
					Raw: items[i].ID, Msg: fmt.Sprintf(msgIDReused, items[i].ID, items[j].Src.Row)})
				id += "\x00" + zhtext.Fold(items[i].Content)
			}
		}
		if g.join(groups, id, i) {
			continue
		}
		g.group[id] = len(groups)
		if definite {
			g.exact[base] = append(g.exact[base], len(groups))
		} else {
			g.loose[base] = append(g.loose[base], len(groups))
		}
		if _, taken := g.group[g.keys[i]]; !taken {
			g.group[g.keys[i]] = len(groups)
		}
		groups = append(groups, []int{i})
	}
	return groups, probs
}

// joinLoose joins a 编号 row whose meeting is only a name to the one definite meeting with
// that 编号 (a unit that wrote 常务会议 where another wrote 第5次), never one of several.
// Identities that led to the emptied group lead to the joined one.
func (g *grouping) joinLoose(groups [][]int) {
	items := g.items
	moved := map[int]int{}
	for base, gs := range g.loose {
		e := g.exact[base]
		if len(gs) != 1 || len(e) == 0 {
			continue
		}
		if len(e) > 1 {
			// Several meetings use that 编号: the one whose content is the same, if only one.
			content := zhtext.Fold(items[groups[gs[0]][0]].Content)
			var same []int
			for _, n := range e {
				if zhtext.Fold(items[groups[n][0]].Content) == content {
					same = append(same, n)
				}
			}
			e = same
		}
		if len(e) == 1 {
			groups[e[0]] = append(groups[e[0]], groups[gs[0]]...)
			groups[gs[0]] = nil
			moved[gs[0]] = e[0]
		}
	}
	for k, n := range g.group {
		if to, ok := moved[n]; ok {
			g.group[k] = to
		}
	}
}

// byKey groups the rows without 编号 by their identity, joining the groups of 编号 rows with
// the same content.
func (g *grouping) byKey(order []int, groups [][]int) [][]int {
	for _, i := range order {
		if g.withID[i] {
			continue
		}
		if g.join(groups, g.keys[i], i) {
			continue
		}
		g.group[g.keys[i]] = len(groups)
		groups = append(groups, []int{i})
	}
	return groups
}

// keepWinners merges each group into its winner, in place: the winners stay where they are
// and the other rows go, so that no copy of a province's items is made; the order of merged
// items is left to Summarize. It appends to probs a problem for each row merged away.
func (w *winners) keep(groups [][]int, probs []Problem) (merged []Item, dups int, _ []Problem) {
	items := w.items
	lost := make([]bool, len(items))
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		win := g[0]
		for _, i := range g[1:] {
			if w.better(&items[i], &items[win]) {
				win = i
			}
		}
		for _, i := range g {
			if i == win {
				continue
			}
			dups++
			lost[i] = true
			// The problem is made before the winner takes the other row's blank fields.
			probs = append(probs, w.dupProblem(&items[i], &items[win]))
			fillBlanks(&items[win], &items[i])
			items[win].Merged = append(items[win].Merged, items[i].Src)
		}
	}
	merged = items[:0]
	for i := range items {
		if !lost[i] {
			merged = append(merged, items[i])
		}
	}
	clear(items[len(merged):]) // let the merged-away rows' strings go
	return merged, dups, probs
}

// sameSheetOther finds a row of group g in the same sheet as row i with other content.
func sameSheetOther(items []Item, g []int, i int) (int, bool) {
	for _, j := range g {
		a, b := &items[i], &items[j]
		if a.Src.File == b.Src.File && a.Src.Sheet == b.Src.Sheet && zhtext.Fold(a.Content) != zhtext.Fold(b.Content) {
			return j, true
		}
	}
	return 0, false
}

// better reports whether a should win over b as the record of one item (SPEC §6): a later
// version of the same unit's ledger, then the lead unit's own report, then the more advanced
// status, the later 完成日期, and the file path in sort order.
func (w *winners) better(a, b *Item) bool {
	if c := w.newer(a, b); c != 0 {
		return c > 0
	}
	if la, lb := w.byLead(a), w.byLead(b); la != lb {
		return la
	}
	if a.Status != b.Status {
		return a.Status > b.Status
	}
	if !a.Done.Equal(b.Done) {
		return a.Done.After(b.Done)
	}
	return a.Src.compare(b.Src) < 0
}

// fillBlanks fills the winner's empty descriptive fields from another row of the same item.
func fillBlanks(w, o *Item) {
	for _, p := range [][2]*string{{&w.ID, &o.ID}, {&w.Co, &o.Co}, {&w.Leader, &o.Leader}, {&w.Progress, &o.Progress}, {&w.Note, &o.Note}, {&w.Parent, &o.Parent}} {
		if *p[0] == "" {
			*p[0] = *p[1]
		}
	}
	if w.MeetingDate.IsZero() {
		w.MeetingDate = o.MeetingDate
	}
	// A winner that names its meeting only loosely takes the other row's definite meeting
	// (第5次), so that it is counted under that meeting and not a meeting of its own.
	if w.Meeting.Num == 0 && w.Meeting.Date.IsZero() && (o.Meeting.Num > 0 || !o.Meeting.Date.IsZero()) {
		w.Meeting, w.MeetingName = o.Meeting, o.MeetingName
	}
}

// dupProblem describes the merging of row lost into row win, at lost's place.
func (w *winners) dupProblem(lost, win *Item) Problem {
	returned := w.versions[win.Src.File].Stage == stageReturned && w.versions[lost.Src.File].Stage != stageReturned
	if !returned && w.newer(win, lost) > 0 && lost.Status != win.Status {
		return w.versionDiffers(lost, win)
	}
	p := dupKind(lost, win, returned)
	if p.Kind == DuplicateConflict && w.newer(win, lost) == 0 && w.byLead(win) && !w.byLead(lost) {
		// Not the more advanced status: the lead unit's own report counts (SPEC §6).
		p.Msg = fmt.Sprintf(msgDupLead, win.Src.String(), statusText(lost), statusText(win), win.Lead, win.Src.String())
	}
	// A deadline moved between two reports of one item (a unit answering a reminder with a
	// later 完成时限 takes an overdue item off the list): counted as the winner says, but never
	// without a word.
	if lost.HasDeadline() && win.HasDeadline() && !lost.Deadline.Equal(win.Deadline) {
		p.Level = Warning
		p.Msg += fmt.Sprintf(msgDupDeadline, lost.Deadline.Format(time.DateOnly), win.Deadline.Format(time.DateOnly))
	}
	return p
}

// dupKind is the problem of a row merged into another of the same item, by how they differ.
func dupKind(lost, win *Item, returned bool) Problem {
	p := Problem{Pos: lost.Src, Scope: ScopeRow, Level: Notice, Kind: DuplicateMerged, Field: FieldContent.String(), Raw: lost.Content}
	if returned {
		// The unit's answer to a reminder updates its earlier row: a notice, not a conflict.
		p.Kind, p.Msg = ReminderUpdate, fmt.Sprintf(msgReminderUpdate, win.Src.String())
		if !lost.HasDeadline() && win.HasDeadline() {
			p.Field, p.Raw = FieldDeadline.String(), ""
			p.Msg += fmt.Sprintf(msgReminderDeadline, win.Deadline.Format(time.DateOnly))
		}
		return p
	}
	switch {
	case lost.Src.File == win.Src.File && lost.Src.Sheet == win.Src.Sheet && zhtext.Fold(lost.Content) != zhtext.Fold(win.Content):
		p.Level, p.Kind = Warning, DuplicateInSheet
		p.Field = FieldID.String()
		p.Raw = lost.ID
		p.Msg = fmt.Sprintf(msgDupSameID, win.Src.Row, lost.ID)
	case lost.Src.File == win.Src.File && lost.Src.Sheet == win.Src.Sheet:
		p.Level, p.Kind = Warning, DuplicateInSheet
		p.Msg = fmt.Sprintf(msgDupSameSheet, win.Src.Row)
	case zhtext.Fold(lost.Content) != zhtext.Fold(win.Content) && lost.Status == win.Status:
		p.Field = FieldID.String()
		p.Raw = lost.ID
		p.Msg = fmt.Sprintf(msgDupByID, win.Src.String(), lost.ID)
	case lost.Status != win.Status:
		p.Level, p.Kind = Warning, DuplicateConflict
		p.Field = FieldStatus.String()
		p.Raw = lost.StatusRaw
		p.Msg = fmt.Sprintf(msgDupConflict, win.Src.String(), lost.StatusRaw, win.StatusRaw, win.Status, win.Src.String())
	default:
		p.Msg = fmt.Sprintf(msgDupSame, win.Src.String())
	}
	return p
}

// has reports whether m has key k.
func has[K comparable, V any](m map[K]V, k K) bool {
	_, ok := m[k]
	return ok
}
