package main

import (
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// The expected figures.

type tally struct {
	meetings                                         map[int]bool
	items, started, progress, done, over, near, none int
	due, onTime                                      int // 应办结, 按期办结 (SPEC §7)
}

func (t *tally) add(it *item) {
	t.items++
	t.meetings[it.num] = true
	// 应办结: a deadline past, or done, with a deadline; 按期办结: done by it, with its date
	if !it.deadline.IsZero() && (it.status == done || it.deadline.Before(asOf)) {
		t.due++
		if it.status == done && !it.finished.IsZero() && !it.finished.After(it.deadline) {
			t.onTime++
		}
	}
	switch it.status {
	case done:
		t.done++
		return
	case inProgress:
		t.progress++
	default:
		t.started++
	}
	switch {
	case it.deadline.IsZero():
		t.none++
	case it.deadline.Before(asOf):
		t.over++
	case !it.deadline.After(asOf.AddDate(0, 0, warnDays)):
		t.near++
	}
}

// merge folds rows into items as SPEC §6 does: the more advanced status, then the later 完成日期.
func merge(rows []*item) (items []*item, read, dups, excluded int) {
	byKey := map[string]*item{}
	for _, it := range rows {
		read++
		if it.excluded {
			excluded++
			continue
		}
		k := it.key()
		prev, ok := byKey[k]
		if !ok {
			byKey[k] = it
			items = append(items, it)
			continue
		}
		dups++
		if it.status > prev.status || (it.status == prev.status && it.finished.After(prev.finished)) {
			*prev = *it
		}
	}
	return items, read, dups, excluded
}

func summarize(w io.Writer, rows []*item) {
	items, read, dups, excluded := merge(slices.Clone(clones(rows)))
	per := make([]*tally, len(categories))
	sum := &tally{meetings: map[int]bool{}}
	for i := range per {
		per[i] = &tally{meetings: map[int]bool{}}
	}
	byUnit := map[string]*tally{}
	for _, it := range items {
		per[it.cat.index()].add(it)
		sum.add(it)
		if byUnit[it.lead] == nil {
			byUnit[it.lead] = &tally{meetings: map[int]bool{}}
		}
		byUnit[it.lead].add(it)
	}
	fmt.Fprintf(w, "统计截止日%s，临期天数%d。预期数字：\n", asOf.Format("2006-01-02"), warnDays)
	head := []string{"类别", "会议次数", "事项数", "已落实", "推进中", "未启动", "逾期", "临期", "无明确时限", "落实率", "按期办结率"}
	tw := []int{16, 8, 6, 6, 6, 6, 4, 4, 10, 7, 10}
	printRow(w, tw, head)
	meetings := 0
	for i, c := range categories {
		t := per[i]
		if t.items == 0 {
			continue
		}
		m := ""
		if c.kind == kindMeeting {
			m = fmt.Sprint(len(t.meetings))
			meetings += len(t.meetings)
		}
		printRow(w, tw, []string{c.name, m, fmt.Sprint(t.items), fmt.Sprint(t.done), fmt.Sprint(t.progress),
			fmt.Sprint(t.started), fmt.Sprint(t.over), fmt.Sprint(t.near), fmt.Sprint(t.none), pct(t.done, t.items), pct(t.onTime, t.due)})
	}
	printRow(w, tw, []string{"合计", fmt.Sprint(meetings), fmt.Sprint(sum.items), fmt.Sprint(sum.done), fmt.Sprint(sum.progress),
		fmt.Sprint(sum.started), fmt.Sprint(sum.over), fmt.Sprint(sum.near), fmt.Sprint(sum.none), pct(sum.done, sum.items), pct(sum.onTime, sum.due)})
	fmt.Fprintf(w, "按期办结率：按期办结%d项 / 应办结%d项 = %s\n", sum.onTime, sum.due, pct(sum.onTime, sum.due))
	fmt.Fprintf(w, "行数核对：读取%d行 = 明细%d项 + 重复合并%d行 + 错误排除%d行\n", read, len(items), dups, excluded)

	// Narrative in the style of SPEC §7.9.
	var parts []string
	for i, c := range categories {
		t := per[i]
		switch {
		case t.items == 0:
		case c.kind == kindMeeting:
			parts = append(parts, fmt.Sprintf("召开%s%d次，议定事项%d项，已落实%d项，落实率%s", c.name, len(t.meetings), t.items, t.done, pct(t.done, t.items)))
		case c.kind == kindDoc:
			parts = append(parts, fmt.Sprintf("%s%d件，已办结%d件，办结率%s", c.name, t.items, t.done, pct(t.done, t.items)))
		default:
			parts = append(parts, fmt.Sprintf("%s%d项，已落实%d项，落实率%s", c.name, t.items, t.done, pct(t.done, t.items)))
		}
	}
	fmt.Fprintf(w, "文字摘要（参考）：截至%d年%d月%d日，共%s。未按期办结（逾期）事项%d项，无明确时限事项%d项。\n",
		asOf.Year(), asOf.Month(), asOf.Day(), strings.Join(parts, "；"), sum.over, sum.none)

	if len(items) <= 1000 {
		fmt.Fprintln(w, "\n逾期事项（逾期天数从多到少）：")
		var over []*item
		for _, it := range items {
			if it.status != done && !it.deadline.IsZero() && it.deadline.Before(asOf) {
				over = append(over, it)
			}
		}
		sort.SliceStable(over, func(a, b int) bool { return over[a].deadline.Before(over[b].deadline) })
		for _, it := range over {
			m := it.cat.name
			switch it.cat.kind {
			case kindMeeting:
				m += fmt.Sprintf("第%d次", it.num)
			case kindDoc:
				m += fmt.Sprintf("〔%d〕%d号", year, it.num)
			}
			fmt.Fprintf(w, "  %3d天  %s  %s  %s  时限%s  %s\n", days(it.deadline, asOf), it.lead, m,
				it.content, it.deadline.Format("2006-01-02"), classNames[it.status])
		}
	}
	if len(byUnit) > 40 {
		return
	}
	fmt.Fprintln(w, "\n单位统计（按落实率、逾期、名称排序）：")
	names := make([]string, 0, len(byUnit))
	for n := range byUnit {
		names = append(names, n)
	}
	sort.Slice(names, func(a, b int) bool {
		x, y := byUnit[names[a]], byUnit[names[b]]
		if rx, ry := x.done*y.items, y.done*x.items; rx != ry {
			return rx > ry
		}
		if x.over != y.over {
			return x.over < y.over
		}
		return names[a] < names[b]
	})
	uw := []int{20, 6, 6, 6, 6, 4, 7}
	printRow(w, uw, []string{"牵头单位", "事项数", "已落实", "推进中", "未启动", "逾期", "落实率"})
	for _, n := range names {
		t := byUnit[n]
		printRow(w, uw, []string{n, fmt.Sprint(t.items), fmt.Sprint(t.done), fmt.Sprint(t.progress), fmt.Sprint(t.started),
			fmt.Sprint(t.over), pct(t.done, t.items)})
	}
}

// clones copies the rows so that merging never alters the items of a sheet.
func clones(rows []*item) []*item {
	out := make([]*item, len(rows))
	for i, it := range rows {
		c := *it
		out[i] = &c
	}
	return out
}

// pct rounds half up to one decimal, as SPEC §7.9 asks.
func pct(n, d int) string {
	if d == 0 {
		return "—"
	}
	x := (n*2000 + d) / (2 * d)
	return fmt.Sprintf("%d.%d%%", x/10, x%10)
}

// printRow pads cells to display widths, a CJK character counting two.
func printRow(w io.Writer, widths []int, cells []string) {
	var b strings.Builder
	for i, c := range cells {
		pad := widths[i] - displayWidth(c)
		if i == 0 {
			b.WriteString(c + strings.Repeat(" ", max(0, pad)))
		} else {
			b.WriteString("  " + strings.Repeat(" ", max(0, pad)) + c)
		}
	}
	fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if r > 0x2E80 {
			n += 2
		} else {
			n++
		}
	}
	return n
}
