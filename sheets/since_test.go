package sheets

import "testing"

func TestSinceSentence(t *testing.T) {
	t.Parallel()
	prev := func(done, n int) *Previous {
		p := &Previous{File: "上期.xlsx", AsOf: date(2024, 11, 20)}
		for i := range n {
			st := InProgress
			if i < done {
				st = Done
			}
			p.Items = append(p.Items, PrevItem{Status: st})
		}
		return p
	}
	for _, tc := range []struct {
		prev    *Previous
		done, n int
		want    string
	}{
		{prev(37, 44), 38, 44, "较上期（2024年11月20日）：落实率由84.1%升至86.4%，本期办结0项，新增逾期0项。"},
		{prev(38, 44), 37, 44, "较上期（2024年11月20日）：落实率由86.4%降至84.1%，本期办结0项，新增逾期0项。"},
		// 1/3 and 333/1000 are both shown as 33.3%.
		{prev(1, 3), 333, 1000, "较上期（2024年11月20日）：落实率与上期持平（33.3%），本期办结0项，新增逾期0项。"},
		{&Previous{File: "上期.xlsx"}, 1, 2, "较上期（上期.xlsx）：落实率由0.0%升至50.0%，本期办结0项，新增逾期0项。"},
	} {
		r := &Report{Total: CategoryStats{Counts: Counts{Items: tc.n, Done: tc.done}}}
		if got := sinceSentence(r, &SinceResult{Prev: tc.prev}); got != tc.want {
			t.Errorf("got  %s\nwant %s", got, tc.want)
		}
	}
	// Units none of whose items came: the units heard from counted among 本期未报, those not
	// heard from named.
	r := &Report{Total: CategoryStats{Counts: Counts{Items: 44, Done: 38}}}
	s := &SinceResult{Prev: prev(37, 44), Changes: []Change{
		{Kind: ChangeUnreported, Prev: &PrevItem{}, Note: msgGoneNote},
		{Kind: ChangeUnreported, Unit: "市生态环境局", Before: 20, Absent: true},
		{Kind: ChangeUnreported, Unit: "市水利局", Before: 3},
		{Kind: ChangeUnreported, Unit: "市教育局", Before: 22, Absent: true},
	}}
	want := "较上期（2024年11月20日）：落实率由84.1%升至86.4%，本期办结0项，新增逾期0项，本期未报4项；" +
		"市生态环境局本期未报送（上期20项）、市教育局本期未报送（上期22项），未计入本期。"
	if got := sinceSentence(r, s); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}
