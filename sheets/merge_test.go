package sheets

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
)

func mergeFixture() []Item {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	m5 := Meeting{Num: 5}
	return []Item{
		// Draft and final of one unit: the final's 已落实 wins.
		{Category: "市政府常务会议", Meeting: m5, Content: "加快推进 A 项目。", Lead: "市财政局", Status: InProgress, StatusRaw: "推进中", Progress: "草稿进展", Src: at("市财政局（初稿）.xlsx", 3)},
		{Category: "市政府常务会议", Meeting: m5, Content: "加快推进A项目", Lead: "市财政局", Status: Done, StatusRaw: "已完成", Done: date(2024, 5, 1), Src: at("市财政局（终稿）.xlsx", 4)},
		// The lead unit's report wins over a co-unit's, whatever their 完成日期.
		{Category: "市政府常务会议", Meeting: m5, Content: "B 工作", Lead: "市商务局", Status: Done, StatusRaw: "已落实", Done: date(2024, 3, 1), Src: at("市商务局.xlsx", 3)},
		{Category: "市政府常务会议", Meeting: m5, Content: "B工作", Lead: "市商务局", Status: Done, StatusRaw: "办结", Done: date(2024, 4, 1), Src: at("市交通局.xlsx", 9)},
		// Two co-units of equal standing, the same status: the later 完成日期 wins.
		{Category: "市政府常务会议", Meeting: m5, Content: "G 工作", Lead: "市住建局", Status: Done, StatusRaw: "已落实", Done: date(2024, 3, 1), Src: at("市城管局.xlsx", 3)},
		{Category: "市政府常务会议", Meeting: m5, Content: "G工作", Lead: "市住建局", Status: Done, StatusRaw: "办结", Done: date(2024, 4, 1), Src: at("市交通局.xlsx", 10)},
		// 编号 on both sides wins over differing content.
		{ID: "DB-7", Category: "市长批示件", Meeting: Meeting{Num: 7, Year: 2024}, Content: "C 事项", Lead: "市教育局", Status: NotStarted, StatusRaw: "未启动", Src: at("市教育局.xlsx", 5)},
		{ID: "DB-7", Category: "市长批示件", Meeting: Meeting{Num: 7, Year: 2024}, Content: "C 事项（补充说明）", Lead: "市教育局", Status: InProgress, StatusRaw: "推进中", Src: at("市教育局（终稿）.xlsx", 5)},
		// Same status in a draft and a final: the final wins, its progress is kept.
		{Category: "两报告", Content: "F 任务", Lead: "市教育局", Status: InProgress, StatusRaw: "推进中", Progress: "旧进展", Src: at("市教育局（初稿）.xlsx", 9)},
		{Category: "两报告", Content: "F 任务", Lead: "市教育局", Status: InProgress, StatusRaw: "推进中", Progress: "新进展", Src: at("市教育局（终稿）.xlsx", 9)},
		// Twice in one sheet.
		{Category: "两报告", Content: "D 任务", Lead: "市水利局", Status: InProgress, StatusRaw: "推进中", Src: at("市水利局.xlsx", 3)},
		{Category: "两报告", Content: "D任务", Lead: "市水利局", Status: InProgress, StatusRaw: "推进中", Src: at("市水利局.xlsx", 8)},
		// Different units: two items.
		{Category: "两报告", Content: "E 任务", Lead: "市水利局", Status: InProgress, StatusRaw: "推进中", Src: at("市水利局.xlsx", 4)},
		{Category: "两报告", Content: "E 任务", Lead: "市林业局", Status: InProgress, StatusRaw: "推进中", Src: at("市林业局.xlsx", 4)},
	}
}

func TestMerge(t *testing.T) {
	items := mergeFixture()
	merged, dups, probs := Merge(items, nil)
	if len(merged) != 8 || dups != 6 {
		t.Fatalf("merged %d items with %d duplicates, want 8 and 6", len(merged), dups)
	}
	if len(merged)+dups != len(items) {
		t.Fatalf("rows lost: %d + %d != %d", len(merged), dups, len(items))
	}
	find := func(content string) *Item {
		for i := range merged {
			if strings.HasPrefix(merged[i].Content, content) {
				return &merged[i]
			}
		}
		t.Fatalf("no item %q", content)
		return nil
	}
	a := find("加快推进")
	if a.Status != Done || a.Src.File != "市财政局（终稿）.xlsx" || a.Progress != "草稿进展" {
		t.Errorf("A = %+v; want the final's 已落实 with the draft's progress filled in", a)
	}
	if b := find("B"); b.Src.File != "市商务局.xlsx" || !b.Done.Equal(date(2024, 3, 1)) {
		t.Errorf("B from %s with 完成日期 %v, want the lead's own report", b.Src.File, b.Done)
	}
	if g := find("G"); !g.Done.Equal(date(2024, 4, 1)) {
		t.Errorf("G 完成日期 = %v, want the later one", g.Done)
	}
	if c := find("C"); c.Status != InProgress || c.Src.File != "市教育局（终稿）.xlsx" {
		t.Errorf("C = %+v", c)
	}
	if f := find("F"); f.Progress != "新进展" || f.Src.File != "市教育局（终稿）.xlsx" {
		t.Errorf("F = %+v; want the final's row", f)
	}
	var levels []string
	SortProblems(probs)
	for _, p := range probs {
		levels = append(levels, p.Level.String()+" "+p.Pos.String()+" "+p.Msg)
	}
	want := []string{
		"警告 市教育局.xlsx!台账!A5 与 市教育局（终稿）.xlsx!台账!A5 是同一事项，落实状态不同（此处“未启动”，彼处“推进中”）；市教育局（终稿）.xlsx 是同一单位台账的较新版本，按其计",
		"警告 市教育局（终稿）.xlsx 与 市教育局.xlsx 是同一单位台账的两个版本：1项落实状态不同，按本文件（较新版本）计",
		"警告 市水利局.xlsx!台账!A8 与本表第3行是同一事项（类别、会议、事项内容、牵头单位相同），只计一次",
		"警告 市财政局（初稿）.xlsx!台账!A3 与 市财政局（终稿）.xlsx!台账!A4 是同一事项，落实状态不同（此处“推进中”，彼处“已完成”）；市财政局（终稿）.xlsx 是同一单位台账的较新版本，按其计",
		"警告 市财政局（终稿）.xlsx 与 市财政局（初稿）.xlsx 是同一单位台账的两个版本：1项落实状态不同，按本文件（较新版本）计",
		"提示 市交通局.xlsx!台账!A9 与 市商务局.xlsx!台账!A3 是同一事项，重复报送，只计一次",
		"提示 市城管局.xlsx!台账!A3 与 市交通局.xlsx!台账!A10 是同一事项，重复报送，只计一次",
		"提示 市教育局（初稿）.xlsx!台账!A9 与 市教育局（终稿）.xlsx!台账!A9 是同一事项，重复报送，只计一次",
	}
	if !reflect.DeepEqual(levels, want) {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(levels, "\n"), strings.Join(want, "\n"))
	}
}

// TestMergeOrderIndependent shuffles the input many times; the merged result, the number of
// duplicates and the problems must not change.
func TestMergeOrderIndependent(t *testing.T) {
	d := testDict(t)
	m0, k0, p0 := Merge(mergeFixture(), nil)
	r0 := Summarize(m0, d, date(2024, 11, 30), 7)
	SortProblems(p0)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := 0; i < 50; i++ {
		sh := mergeFixture() // Merge and Summarize reuse their input, so a fresh copy each time
		rng.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		m, k, p := Merge(sh, nil)
		SortProblems(p)
		r := Summarize(m, d, date(2024, 11, 30), 7)
		if k != k0 || !reflect.DeepEqual(r.Items, r0.Items) || !reflect.DeepEqual(p, p0) || !reflect.DeepEqual(r.Units, r0.Units) {
			t.Fatalf("shuffle %d changed the result", i)
		}
	}
}

// 编号 identifies an item within its category, meeting and unit: units that number their items
// 1, 2, 3 afresh for each meeting, or alike, keep them apart; a reworded final with the same
// 编号 is one item.
func TestMergeByID(t *testing.T) {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	m := func(n int) Meeting { return Meeting{Num: n} }
	items := []Item{
		{ID: "1", Category: "市政府常务会议", Meeting: m(1), Content: "修路", Lead: "市财政局", Status: Done, Src: at("市财政局.xlsx", 3)},
		{ID: "2", Category: "市政府常务会议", Meeting: m(1), Content: "建桥", Lead: "市财政局", Status: Done, Src: at("市财政局.xlsx", 4)},
		{ID: "1", Category: "市政府常务会议", Meeting: m(2), Content: "建学校", Lead: "市财政局", Status: Done, Src: at("市财政局.xlsx", 5)},
		{ID: "1", Category: "市政府常务会议", Meeting: m(1), Content: "招老师", Lead: "市教育局", Status: Done, Src: at("市教育局.xlsx", 3)},
		{ID: "2", Category: "市长批示件", Meeting: Meeting{Num: 2, Year: 2024}, Content: "修渠", Lead: "市财政局", Status: Done, Src: at("市财政局.xlsx", 6)},
		// The final rewords item 2 of the first meeting.
		{ID: "2", Category: "市政府常务会议", Meeting: m(1), Content: "建设大桥", Lead: "市财政局", Status: Done, Src: at("市财政局（终稿）.xlsx", 4)},
		// A unit that writes the meeting only by a name matches the one definite meeting.
		{ID: "2", Category: "市政府常务会议", Meeting: Meeting{Key: "常务会"}, Content: "建桥工程", Lead: "市财政局", Status: InProgress, StatusRaw: "推进中", Src: at("市财政局（初稿）.xlsx", 9)},
	}
	srcs := func(m []Item) []string {
		var s []string
		for _, it := range m {
			s = append(s, it.Src.String())
		}
		slices.Sort(s)
		return s
	}
	rng := rand.New(rand.NewPCG(3, 4))
	var first []string
	for i := 0; i < 20; i++ { // the same winners in any order
		sh := slices.Clone(items)
		rng.Shuffle(len(sh), func(i, j int) { sh[i], sh[j] = sh[j], sh[i] })
		m, _, _ := Merge(sh, nil)
		if i == 0 {
			first = srcs(m)
		} else if !slices.Equal(srcs(m), first) {
			t.Fatalf("shuffle %d: winners %v, want %v", i, srcs(m), first)
		}
	}
	merged, dups, probs := Merge(items, nil)
	if len(merged) != 5 || dups != 2 {
		t.Fatalf("%d items, %d duplicates; want 5 and 2", len(merged), dups)
	}
	var got []string
	SortProblems(probs)
	earlier := 0
	for _, p := range probs {
		if p.Kind == VersionOnlyEarlier {
			earlier++ // 市财政局.xlsx's items that its 终稿 does not have: kept, with a warning
			continue
		}
		got = append(got, p.String())
	}
	want := []string{
		"市财政局.xlsx!台账!A4: 提示: 与 市财政局（终稿）.xlsx!台账!A4 编号同为“2”（事项内容的写法不同），按同一事项只计一次",
	}
	if earlier != 3 || len(got) != 4 || got[3] != want[0] {
		t.Errorf("%d items only in the earlier version, problems:\n%s", earlier, strings.Join(got, "\n"))
	}
}

// 编号 under meetings known only by name: numbered afresh under two such meetings, the items
// stay apart; a row without 编号 joins the group its twin with 编号 was moved into.
func TestMergeByIDLooseMeetings(t *testing.T) {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	items := []Item{
		{ID: "1", Category: "市长专题会议", Meeting: Meeting{Key: "城建专题会"}, Content: "完成老旧小区改造", Lead: "市住建局", Status: Done, Src: at("a.xlsx", 2)},
		{ID: "2", Category: "市长专题会议", Meeting: Meeting{Key: "城建专题会"}, Content: "完成雨污分流", Lead: "市住建局", Status: Done, Src: at("a.xlsx", 3)},
		{ID: "1", Category: "市长专题会议", Meeting: Meeting{Key: "燃气专题会"}, Content: "完成燃气管网改造", Lead: "市住建局", Status: NotStarted, Src: at("a.xlsx", 4)},
	}
	if merged, dups, _ := Merge(items, nil); len(merged) != 3 || dups != 0 {
		t.Errorf("%d items, %d duplicates; want 3 and 0", len(merged), dups)
	}

	items = []Item{
		{ID: "1", Category: "市政府常务会议", Meeting: Meeting{Num: 5}, Content: "甲事项", Lead: "市住建局", Status: Done, Src: at("a.xlsx", 2)},
		{ID: "1", Category: "市政府常务会议", Meeting: Meeting{Key: "常务会议"}, Content: "甲事项（修改）", Lead: "市住建局", Status: InProgress, Src: at("b.xlsx", 2)},
		{Category: "市政府常务会议", Meeting: Meeting{Key: "常务会议"}, Content: "甲事项（修改）", Lead: "市住建局", Status: InProgress, Src: at("c.xlsx", 2)},
	}
	if merged, dups, _ := Merge(items, nil); len(merged) != 1 || dups != 2 {
		t.Errorf("%d items, %d duplicates; want 1 and 2", len(merged), dups)
	}
}

// One sheet numbering afresh under each heading of one meeting: the same 编号 for different
// items keeps them apart, with a warning; a final with that 编号 still merges.
func TestMergeIDReusedInSheet(t *testing.T) {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	m5 := Meeting{Num: 5}
	items := []Item{
		{ID: "1", Category: "市政府常务会议", Meeting: m5, Content: "项目建设一", Lead: "市发改委", Status: Done, Src: at("a.xlsx", 3)},
		{ID: "2", Category: "市政府常务会议", Meeting: m5, Content: "项目建设二", Lead: "市发改委", Status: Done, Src: at("a.xlsx", 4)},
		{ID: "1", Category: "市政府常务会议", Meeting: m5, Content: "民生保障一", Lead: "市发改委", Status: NotStarted, Src: at("a.xlsx", 6)},
		{ID: "2", Category: "市政府常务会议", Meeting: m5, Content: "民生保障二", Lead: "市发改委", Status: NotStarted, Src: at("a.xlsx", 7)},
	}
	merged, dups, probs := Merge(items, nil)
	if len(merged) != 4 || dups != 0 {
		t.Fatalf("%d items, %d duplicates; want 4 and 0", len(merged), dups)
	}
	SortProblems(probs)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"a.xlsx!台账!A6: 警告: 编号“1”在本表第3行已用于另一事项，按两个事项统计；请改正编号",
		"a.xlsx!台账!A7: 警告: 编号“2”在本表第4行已用于另一事项，按两个事项统计；请改正编号",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// A 编号 row under a meeting known only by name, where the unit has that 编号 under several
// numbered meetings, joins the one with the same content.
func TestMergeLooseIDBySameContent(t *testing.T) {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	items := []Item{
		{ID: "J2", Category: "市政府常务会议", Meeting: Meeting{Key: "常务会议"}, Content: "修路B", Lead: "市交通局", Status: Done, Src: at("a.xlsx", 2)},
		{ID: "J2", Category: "市政府常务会议", Meeting: Meeting{Num: 5}, Content: "修路B", Lead: "市交通局", Status: InProgress, Src: at("b.xlsx", 2)},
		{ID: "J2", Category: "市政府常务会议", Meeting: Meeting{Num: 6}, Content: "修路B2", Lead: "市交通局", Status: InProgress, Src: at("b.xlsx", 3)},
	}
	merged, dups, _ := Merge(items, nil)
	if len(merged) != 2 || dups != 1 {
		t.Fatalf("%d items, %d duplicates; want 2 and 1", len(merged), dups)
	}
	for _, it := range merged {
		if it.Content == "修路B" && (it.Status != Done || it.Src.File != "a.xlsx" || it.Meeting.Num != 5) {
			t.Errorf("修路B = %+v; want the 已落实 row to win, counted under meeting 5", it)
		}
	}
}

// TestMergeDeadlineMoved: two reports of one item with different deadlines — a unit answering a
// reminder with a later 完成时限 for an overdue item, or a draft and a final — are counted once,
// with the winner's deadline, and a warning that names both (an overdue item must not leave the
// list without a word).
func TestMergeDeadlineMoved(t *testing.T) {
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	m := Meeting{Num: 14}
	for _, c := range []struct {
		name    string
		lost    Item
		win     Item
		warning bool
	}{
		{"reminder", Item{Category: "市政府常务会议", Meeting: m, Content: "研究制定智慧交通平台建设相关工作", Lead: "市交通运输局",
			Status: InProgress, StatusRaw: "推进中", Deadline: date(2024, 12, 7), Src: at("市交通运输局.xlsx", 5)},
			Item{Category: "市政府常务会议", Meeting: m, Content: "研究制定智慧交通平台建设相关工作", Lead: "市交通运输局",
				Status: InProgress, StatusRaw: "推进中", Deadline: date(2025, 3, 31), Src: at("市交通运输局_催办单_20241220.xlsx", 4)}, true},
		{"same deadline", Item{Category: "两报告", Content: "F 任务", Lead: "市教育局", Status: InProgress, StatusRaw: "推进中",
			Deadline: date(2024, 6, 30), Src: at("市教育局（初稿）.xlsx", 9)},
			Item{Category: "两报告", Content: "F 任务", Lead: "市教育局", Status: InProgress, StatusRaw: "推进中",
				Deadline: date(2024, 6, 30), Src: at("市教育局（终稿）.xlsx", 9)}, false},
	} {
		merged, dups, probs := Merge([]Item{c.lost, c.win}, nil)
		if len(merged) != 1 || dups != 1 || len(probs) != 1 {
			t.Fatalf("%s: %d items, %d merged, problems %v", c.name, len(merged), dups, probs)
		}
		if !merged[0].Deadline.Equal(c.win.Deadline) {
			t.Errorf("%s: deadline %v, want the winner's %v", c.name, merged[0].Deadline, c.win.Deadline)
		}
		moved := strings.Contains(probs[0].Msg, "两处完成时限不同（此处2024-12-07，彼处2025-03-31），按彼处计")
		if moved != c.warning || (probs[0].Level == Warning) != c.warning {
			t.Errorf("%s: %s: %s", c.name, probs[0].Level, probs[0].Msg)
		}
	}
}
