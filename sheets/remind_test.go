package sheets

import (
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestReminders(t *testing.T) {
	d := testDict(t)
	items := []Item{
		council(5, "甲", "市财政局", InProgress, date(2024, 12, 1), 2),
		council(5, "乙", "市财政局", InProgress, time.Time{}, 3),
		council(5, "丙", "市财政局", NotStarted, date(2024, 12, 24), 4),
		council(5, "丁", "市财政局", InProgress, date(2024, 11, 1), 5),
		council(5, "戊", "市财政局", Done, date(2024, 11, 1), 6),
		council(5, "己", "市商务局", InProgress, date(2025, 6, 1), 2),
		council(5, "庚", "市教育局", NotStarted, time.Time{}, 2),
	}
	items[4].Done = date(2024, 10, 1)
	r := Summarize(items, d, date(2024, 12, 20), 7)
	var got []string
	for _, rem := range Reminders(r) {
		var xs []string
		for _, x := range rem.Items {
			xs = append(xs, x.Item.Content+x.Alert+strconv.Itoa(x.Days))
		}
		got = append(got, rem.Unit+": "+strings.Join(xs, " "))
	}
	sameLines(t, "reminders", got, []string{
		"市财政局: 丁逾期49 甲逾期19 丙临期4 乙无明确时限0",
		"市教育局: 庚无明确时限0",
	})
}

// TestMergeReminder merges a returned reminder with the unit's earlier row: the reminder's row
// wins even on equal status, takes the place of the item, and the deadline the unit committed
// to for an undated item is taken, with a notice and no warning.
func TestMergeReminder(t *testing.T) {
	orig := council(5, "推进老旧小区改造", "市住建局", InProgress, time.Time{}, 7)
	back := council(5, "推进老旧小区改造", "市住建局", InProgress, date(2025, 6, 30), 4)
	back.Src.File = "市住建局_催办单_20241220.xlsx"
	back.Progress = "已完成方案"
	done := council(5, "推进城市更新", "市住建局", NotStarted, date(2024, 6, 30), 8)
	doneBack := council(5, "推进城市更新", "市住建局", Done, date(2024, 6, 30), 5)
	doneBack.Src.File, doneBack.Done = back.Src.File, date(2024, 12, 1)
	merged, dups, probs := Merge([]Item{orig, back, done, doneBack}, nil)
	if len(merged) != 2 || dups != 2 {
		t.Fatalf("%d items, %d merged", len(merged), dups)
	}
	for _, it := range merged {
		if it.Src.File != back.Src.File {
			t.Errorf("%s: winner %s, want the reminder", it.Content, it.Src)
		}
	}
	sameLines(t, "problems", dumpProblems(probs), []string{
		"市住建局.xlsx!台账!A7: 提示: 按催办单 市住建局_催办单_20241220.xlsx!台账!A4 的反馈更新，同一事项只计一次；原无明确时限，按单位在催办单中承诺的完成时限2025-06-30计",
		"市住建局.xlsx!台账!A8: 提示: 按催办单 市住建局_催办单_20241220.xlsx!台账!A5 的反馈更新，同一事项只计一次 [推进城市更新]",
	})
}
