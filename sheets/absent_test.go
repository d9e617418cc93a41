package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// The units expected to report (SPEC §7): by the previous report, with its items and those
// overdue then; by the master list, with its 应报事项数; by the dictionary's 应报送. A unit is
// heard from when a readable file of it was read — even one whose rows were all excluded, or
// a returned form with no items, or one named only by its file name — or an item names it; an
// unreadable or skipped file is not hearing from it.
func TestAbsences(t *testing.T) {
	t.Parallel()
	at := func(file string) Pos { return Pos{File: file, Sheet: "台账", Row: 2} }
	r := &Report{
		Items: []Item{
			{Lead: "市财政局", Src: at("市财政局.xlsx")},
			{Lead: "市商务局", Src: at("办公室汇总.xlsx")}, // heard from by its item in another's file
		},
		Inputs: []FileResult{
			{File: "市财政局.xlsx", Unit: "市财政局", Rows: 1, Counted: 1},
			{File: "办公室汇总.xlsx", Unit: "市商务局", Rows: 1, Counted: 1},
			{File: "市水利局.xlsx", Unit: "市水利局", Rows: 3, Excluded: 3},                          // every row excluded
			{File: "2024年12月市林业局督查台账（盖章）.xlsx", Unit: "2024年12月市林业局督查台账"},                    // a form returned empty
			{File: "市教育局.ods", Unit: "市教育局", Failed: "无法读取", Errors: 1},                      // unreadable
			{File: "市统计局_催办单.xlsx", Unit: "", Failed: "尚未填写，已跳过", Skipped: true, Notices: 1}, // a reminder nobody filled
		},
	}
	prev := &Previous{File: "上期.xlsx", Items: []PrevItem{
		{Lead: "市财政局"}, {Lead: "市水利局"}, {Lead: "市林业局"},
		{Lead: "市生态环境局", Alert: AlertOverdue}, {Lead: "市生态环境局"}, {Lead: "市生态环境局", Alert: AlertNormal},
		{Lead: "市教育局"}, {Lead: "市教育局"},
	}}
	master := &Master{rows: []masterRow{{lead: "市商务局"}, {lead: "市统计局"}, {lead: "市生态环境局"}, {lead: ""}}}
	d := testDict(t)
	d.Units = []Unit{{Name: "市审计局", Must: true}, {Name: "市林业局", Must: true}, {Name: "市人防办"}}

	got := r.absences(r.hearing(), d, master, prev)
	want := []Absence{
		{Unit: "市生态环境局", Before: 3, BeforeOverdue: 1, Due: 1},
		{Unit: "市教育局", Before: 2, Unreadable: true},
		{Unit: "市统计局", Due: 1}, // its reminder was skipped: not heard from
		{Unit: "市审计局"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("absences\n got %+v\nwant %+v", got, want)
	}
	if got := r.absences(r.hearing(), nil, nil, nil); got != nil {
		t.Errorf("nothing expected, absences %+v", got)
	}
	// What each had, as the sentences say it.
	var had []string
	for _, a := range want {
		had = append(had, a.Unit+"|"+a.Had()+"|"+a.Note())
	}
	if w := []string{"市生态环境局|上期3项，其中逾期1项|未报送", "市教育局|上期2项|未报送（台账无法读取）",
		"市统计局|应报事项1项|未报送", "市审计局||未报送"}; !reflect.DeepEqual(had, w) {
		t.Errorf("had\n got %q\nwant %q", had, w)
	}
	// One warning per unit, never per item.
	var msgs []string
	for _, p := range absenceProblems(want) {
		if p.Level != Warning || p.Kind != UnitAbsent || p.Scope != ScopeRun {
			t.Errorf("problem %+v", p)
		}
		msgs = append(msgs, p.Msg)
	}
	if w := []string{
		"市生态环境局本期未报送台账（上期3项，其中逾期1项），其事项未计入本次统计，请催报",
		"市教育局报送的台账无法读取，本期按未报送计（上期2项），其事项未计入本次统计",
		"市统计局本期未报送台账（应报事项1项），其事项未计入本次统计，请催报",
		"市审计局本期未报送台账，其事项未计入本次统计，请催报",
	}; !reflect.DeepEqual(msgs, w) {
		t.Errorf("warnings\n got %q\nwant %q", msgs, w)
	}
	if got, w := unreported(want), []UnitDue{{"市生态环境局", 1}, {"市统计局", 1}}; !reflect.DeepEqual(got, w) {
		t.Errorf("未报送单位 %v, want %v", got, w)
	}
}

// Build: the units not heard from and the master list's 未报送单位 follow the same rule, and
// checking ledgers (NoGaps) expects none of the dictionary's units.
func TestBuildAbsent(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const header = "类别|会议|事项内容|牵头单位|完成时限|落实状态"
	files := []string{
		writeBook(t, dir, "市财政局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{header,
			"市政府常务会议|市政府第5次常务会议|推进预算绩效管理改革|市财政局|2025-06-30|推进中"}}}}),
		// 市水利局's only row is excluded by its error: heard from, by the unit its row names
		// whatever its file is called, and not counted.
		writeBook(t, dir, "附件3.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{header,
			"市政府常务会议|市政府第5次常务会议|推进河道治理|市水利局|2024年2月30日|推进中"}}}}),
	}
	d := testDict(t)
	d.Units = []Unit{{Name: "市财政局"}, {Name: "市水利局", Must: true}, {Name: "市审计局", Must: true}}
	if err := d.index(); err != nil {
		t.Fatal(err)
	}
	r := Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7})
	if want := []Absence{{Unit: "市审计局"}}; !reflect.DeepEqual(r.Absent, want) {
		t.Errorf("absent %+v, want %+v", r.Absent, want)
	}
	if want := []UnitStats{{Unit: "市水利局", Excluded: 1}}; !reflect.DeepEqual(r.Uncounted, want) {
		t.Errorf("uncounted %+v, want %+v", r.Uncounted, want)
	}
	n := 0
	for _, p := range r.Problems {
		if p.Kind == UnitAbsent {
			n++
		}
	}
	if n != 1 {
		t.Errorf("%d warnings of units not heard from, want 1", n)
	}
	if l := r.Limits(); !strings.HasPrefix(l, "注：市审计局本期未报送台账，市水利局报送的1行因填写错误被排除，") {
		t.Errorf("limits %s", l)
	}
	if r := Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7, NoGaps: true}); r.Absent != nil {
		t.Errorf("checking ledgers: absent %+v", r.Absent)
	}
}

// 单位统计 marks a unit whose files had rows excluded by errors, with their count, and the note
// names each; a unit without excluded rows is not marked, nor one whose file was unreadable.
func TestMarkExcluded(t *testing.T) {
	t.Parallel()
	r := &Report{
		Units: []UnitStats{{Rank: 1, Unit: "市商务局"}, {Rank: 2, Unit: "市财政局"}, {Rank: 3, Unit: "市交通运输局"}},
		Inputs: []FileResult{
			{File: "市商务局.xlsx", Unit: "市商务局", Rows: 27, Excluded: 1},
			{File: "市商务局（补报）.xlsx", Unit: "市商务局", Rows: 3, Excluded: 2},
			{File: "市财政局.xlsx", Unit: "市财政局", Rows: 20},
			{File: "市交通运输局.xlsx", Unit: "市交通运输局", Rows: 25, Excluded: 1},
			{File: "市水利局.xlsx", Unit: "市水利局", Rows: 2, Excluded: 2}, // no item counted
			{File: "市教育局.ods", Unit: "市教育局", Failed: "无法读取", Errors: 1},
		},
	}
	r.markExcluded()
	var got []string
	for _, u := range r.Units {
		got = append(got, fmt.Sprintf("%s %d", u.Unit, u.Excluded))
	}
	if want := []string{"市商务局 3", "市财政局 0", "市交通运输局 1"}; !reflect.DeepEqual(got, want) {
		t.Errorf("excluded %q, want %q", got, want)
	}
	// A unit none of whose rows were counted does not leave the table.
	if want := []UnitStats{{Unit: "市水利局", Excluded: 2}}; !reflect.DeepEqual(r.Uncounted, want) {
		t.Errorf("uncounted %+v, want %+v", r.Uncounted, want)
	}
	if got, want := r.ExcludedNote(), "※ 有填写错误的行未计入，名次仅供参考：市商务局3行、市交通运输局1行、市水利局2行。"; got != want {
		t.Errorf("note\n got %s\nwant %s", got, want)
	}
	if n := (&Report{Units: r.Units[1:2]}).ExcludedNote(); n != "" {
		t.Errorf("note without excluded rows: %q", n)
	}
}

// The 应报送 column of the dictionary's 单位 table.
func TestDictMustReport(t *testing.T) {
	t.Parallel()
	d, err := ParseDict("[类别]\n市政府常务会议\t会议\n[单位]\n市财政局\t财政局\t是\n市商务局\t\t否\n市审计局\n市统计局\t统计局\t√\n")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range d.Units {
		got = append(got, fmt.Sprintf("%s %v", u.Name, u.Must))
	}
	if want := []string{"市财政局 true", "市商务局 false", "市审计局 false", "市统计局 true"}; !reflect.DeepEqual(got, want) {
		t.Errorf("units %q, want %q", got, want)
	}
	_, err = ParseDict("[类别]\n市政府常务会议\t会议\n[单位]\n市财政局\t\t必须\n")
	if want := "词典第4行：单位“市财政局”的应报送“必须”无效，应填 是 或 否（留空为否）"; err == nil || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
}

// 变化情况 (SPEC §9.3): the items of a unit none of whose items came are one line for the
// leaders — 本期未报送 with what it had when it was not heard from, without a warning (Build
// warns of the unit once); one line and one warning when it was heard from (its rows
// excluded, say) — and one line each, with sources, for the clerk; an item a unit that
// reported no longer lists is a line and a warning of its own, 本期未报送 for the leaders and
// 请核实 with its source for the clerk.
func TestSinceUnitsSilent(t *testing.T) {
	t.Parallel()
	it := func(lead, content string) Item {
		return Item{Category: "市长批示件", Kind: KindDoc, Content: content, Lead: lead, Status: InProgress,
			Src: Pos{File: lead + ".xlsx", Sheet: "台账", Row: 2}}
	}
	r := &Report{AsOf: date(2024, 12, 20), Items: []Item{it("市财政局", "甲")},
		Inputs: []FileResult{{File: "市财政局.xlsx", Unit: "市财政局", Rows: 1}, {File: "市水利局.xlsx", Unit: "市水利局", Rows: 1, Excluded: 1}}}
	r.Total.Counts = Counts{Items: 1}
	prevItem := func(row int, lead, content, alert string) PrevItem {
		return PrevItem{Row: row, Category: "市长批示件", Content: content, Lead: lead, Status: InProgress, Alert: alert,
			Source: fmt.Sprintf("%s.xlsx!台账!%d", lead, row)}
	}
	p := &Previous{File: "上期.xlsx", AsOf: date(2024, 11, 20), Items: []PrevItem{
		prevItem(3, "市财政局", "甲", ""), prevItem(4, "市财政局", "乙", ""),
		prevItem(5, "市生态环境局", "丙", AlertOverdue), prevItem(6, "市生态环境局", "丁", ""),
		prevItem(7, "市水利局", "戊", ""),
	}}
	s := Since(r, p)
	dump := func(cs []Change, check bool) []string {
		var out []string
		for _, c := range cs {
			content := ""
			if c.Prev != nil {
				content = c.Prev.Content
			}
			note := c.Note
			if check && c.Check != "" {
				note = c.Check
			}
			out = append(out, strings.Join([]string{c.Kind, content, c.Unit, note}, "|"))
		}
		return out
	}
	if got, want := dump(s.Changes, false), []string{
		"本期未报|乙||本期未报送",
		"本期未报||市生态环境局|市生态环境局本期未报送，上期2项，其中逾期1项",
		"本期未报||市水利局|市水利局本期报送的台账中没有上期的1项事项",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("the report's lines\n got %q\nwant %q", got, want)
	}
	if got, want := dump(s.Detail, true), []string{
		"本期未报|乙||上期有此事项，本期无单位报送，请核实（上期来源：市财政局.xlsx!台账!4）",
		"本期未报|丙||该单位本期未报送台账（上期来源：市生态环境局.xlsx!台账!5）",
		"本期未报|丁||该单位本期未报送台账（上期来源：市生态环境局.xlsx!台账!6）",
		"本期未报|戊||上期有此事项，本期无单位报送，请核实（上期来源：市水利局.xlsx!台账!7）",
	}; !reflect.DeepEqual(got, want) {
		t.Errorf("the check file's lines\n got %q\nwant %q", got, want)
	}
	var warnings []string
	for _, p := range s.Problems {
		warnings = append(warnings, p.Msg)
	}
	if want := []string{
		"上期汇总表中的事项本期没有单位报送（牵头单位市财政局，），请核实是否漏报",
		"市水利局本期报送了台账，但上期的1项事项本期均未报送（可能因填写错误被排除），请核实",
	}; !reflect.DeepEqual(warnings, want) {
		t.Errorf("warnings\n got %q\nwant %q", warnings, want)
	}
	// 本期未报 counts the items of the units heard from; the unit not heard from is named.
	if want := "较上期（2024年11月20日）：落实率与上期持平（0.0%），本期办结0项，新增逾期0项，本期未报2项；市生态环境局本期未报送（上期2项），未计入本期。"; s.Sentence != want {
		t.Errorf("sentence\n got %s\nwant %s", s.Sentence, want)
	}
	if n := s.Count(ChangeUnreported); n != 4 {
		t.Errorf("Count(本期未报) = %d items, want 4", n)
	}
}

// A unit whose only file cannot be read is not heard from, --since or not (SPEC §7): it gets
// its row 未报送（台账无法读取） at the end of 单位统计 and the 注 names it; a file whose name names
// no unit (假表.xlsx, 空文件.xlsx) is named as a file, not as a unit. Its file's error says it
// already: no warning besides. (The QA repro: a ledger cut short in copying, a text file
// renamed .xlsx, an empty file, in the sample folder.)
func TestUnreadableOnlyFile(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	const header = "类别|会议|事项内容|牵头单位|完成时限|落实状态"
	good := writeBook(t, dir, "市财政局.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{header,
		"市政府常务会议|市政府第5次常务会议|推进预算绩效管理改革|市财政局|2025-06-30|推进中"}}}})
	whole, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	cut := filepath.Join(dir, "市商务局.xlsx")
	junk := filepath.Join(dir, "假表.xlsx")
	empty := filepath.Join(dir, "空文件.xlsx")
	for f, b := range map[string][]byte{cut: whole[:len(whole)/2], junk: []byte("junkjunk\n"), empty: nil} {
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	r := Build([]string{good, cut, junk, empty}, Options{Dict: testDict(t), AsOf: date(2024, 12, 20), WarnDays: 7})
	if want := []Absence{{Unit: "市商务局", Unreadable: true}}; !reflect.DeepEqual(r.Absent, want) {
		t.Errorf("absent %+v, want %+v", r.Absent, want)
	}
	var units []string
	for _, f := range r.Submissions() {
		units = append(units, f.File+"|"+f.Unit)
	}
	if want := []string{"假表.xlsx|", "市商务局.xlsx|市商务局", "市财政局.xlsx|市财政局", "空文件.xlsx|"}; !reflect.DeepEqual(units, want) {
		t.Errorf("报送情况 units %q, want %q", units, want)
	}
	for _, p := range r.Problems {
		if p.Kind == UnitAbsent {
			t.Errorf("a warning besides the file's error: %s", p.Msg)
		}
	}
	if l, want := r.Limits(), "注：市商务局报送的台账无法读取，文件“假表.xlsx”、“空文件.xlsx”无法读取，上述事项均未计入本汇总。"; l != want {
		t.Errorf("limits\n got %s\nwant %s", l, want)
	}
	// With another, readable file of it, the unit is heard from.
	other := writeBook(t, dir, "市商务局（终稿）.xlsx", testBook{sheets: []testSheet{{name: "台账", rows: []string{header,
		"市政府常务会议|市政府第5次常务会议|推进外贸稳增长|市商务局|2025-06-30|推进中"}}}})
	if r := Build([]string{good, cut, other}, Options{Dict: testDict(t), AsOf: date(2024, 12, 20), WarnDays: 7}); r.Absent != nil {
		t.Errorf("heard from by its other file: absent %+v", r.Absent)
	}
}
