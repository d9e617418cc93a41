package sheets

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
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
// or a lead and a co-unit reporting it — become one item: the most advanced status wins, then
// the later 完成日期, then the earlier place; blank fields of the winner are filled from the
// others. 编号, when both rows have one, decides identity. The result does not depend on the
// order of items. dups is the number of rows merged into another. Merge reuses the items
// slice for its result.
func Merge(items []Item) (merged []Item, dups int, probs []Problem) {
	order, keys := canonicalOrder(items)
	g := grouping{items: items, keys: keys, group: map[string]int{},
		loose: map[string][]int{}, exact: map[string][]int{}}
	groups, probs := g.byID(order)
	g.joinLoose(groups)
	groups = g.byKey(order, groups)
	return keepWinners(items, groups, probs)
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
	items []Item
	keys  []string         // itemKey of each row
	group map[string]int   // identity → index in groups
	loose map[string][]int // base → groups of 编号 rows whose meeting is only a name
	exact map[string][]int // base → groups of 编号 rows with a definite meeting
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
		base, id := idKeys(&items[i])
		definite := id != ""
		if !definite {
			id = looseIDKey(base, items[i].Meeting)
		}
		// One sheet using one 编号 for two different items (numbering begun again under
		// each heading): two items, and a warning, rather than one item lost.
		if n, ok := g.group[id]; ok {
			if j, clash := sameSheetOther(items, groups[n], i); clash {
				probs = append(probs, Problem{Pos: items[i].Src.At(0), Level: Warning, Field: FieldID.String(),
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
		if zhtext.Fold(g.items[i].ID) != "" {
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
func keepWinners(items []Item, groups [][]int, probs []Problem) (merged []Item, dups int, _ []Problem) {
	lost := make([]bool, len(items))
	for _, g := range groups {
		if len(g) == 0 {
			continue
		}
		win := g[0]
		for _, i := range g[1:] {
			if better(&items[i], &items[win]) {
				win = i
			}
		}
		for _, i := range g {
			if i == win {
				continue
			}
			dups++
			lost[i] = true
			fillBlanks(&items[win], &items[i])
			items[win].Merged = append(items[win].Merged, items[i].Src)
			probs = append(probs, dupProblem(&items[i], &items[win]))
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

// better reports whether a should win over b as the record of one item.
func better(a, b *Item) bool {
	if a.Status != b.Status {
		return a.Status > b.Status
	}
	if !a.Done.Equal(b.Done) {
		return a.Done.After(b.Done)
	}
	if ra, rb := draftRank(a.Src.File), draftRank(b.Src.File); ra != rb {
		return ra > rb
	}
	return a.Src.compare(b.Src) < 0
}

// draftRank ranks a file name by how final it says it is: a returned reminder over a 终稿
// over an unmarked file over a 初稿, so that on equal status the final's progress text and place are kept.
func draftRank(name string) int {
	if IsReminder(name) {
		return 2 // a returned reminder is the unit's latest word
	}
	for _, w := range []string{"终稿", "定稿", "最终", "正式", "修改稿", "修订"} {
		if strings.Contains(name, w) {
			return 1
		}
	}
	for _, w := range []string{"初稿", "草稿", "征求意见稿", "旧版"} {
		if strings.Contains(name, w) {
			return -1
		}
	}
	return 0
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
func dupProblem(lost, win *Item) Problem {
	p := dupKind(lost, win)
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
func dupKind(lost, win *Item) Problem {
	p := Problem{Pos: lost.Src, Level: Notice, Field: FieldContent.String(), Raw: lost.Content}
	if IsReminder(win.Src.File) && !IsReminder(lost.Src.File) {
		// The unit's answer to a reminder updates its earlier row: a notice, not a conflict.
		p.Msg = fmt.Sprintf(msgReminderUpdate, win.Src.RowRef())
		if !lost.HasDeadline() && win.HasDeadline() {
			p.Field, p.Raw = FieldDeadline.String(), ""
			p.Msg += fmt.Sprintf(msgReminderDeadline, win.Deadline.Format(time.DateOnly))
		}
		return p
	}
	switch {
	case lost.Src.File == win.Src.File && lost.Src.Sheet == win.Src.Sheet && zhtext.Fold(lost.Content) != zhtext.Fold(win.Content):
		p.Level = Warning
		p.Field = FieldID.String()
		p.Raw = lost.ID
		p.Msg = fmt.Sprintf(msgDupSameID, win.Src.Row, lost.ID)
	case lost.Src.File == win.Src.File && lost.Src.Sheet == win.Src.Sheet:
		p.Level = Warning
		p.Msg = fmt.Sprintf(msgDupSameSheet, win.Src.Row)
	case zhtext.Fold(lost.Content) != zhtext.Fold(win.Content) && lost.Status == win.Status:
		p.Field = FieldID.String()
		p.Raw = lost.ID
		p.Msg = fmt.Sprintf(msgDupByID, win.Src.RowRef(), lost.ID)
	case lost.Status != win.Status:
		p.Level = Warning
		p.Field = FieldStatus.String()
		p.Raw = lost.StatusRaw
		p.Msg = fmt.Sprintf(msgDupConflict, win.Src.RowRef(), lost.StatusRaw, win.StatusRaw, win.Status, win.Src.RowRef())
	default:
		p.Msg = fmt.Sprintf(msgDupSame, win.Src.RowRef())
	}
	return p
}
