package sheets

import (
	"slices"
	"strings"
	"testing"
	"time"
)

// File names as units send successive versions of their ledger. The version words are those
// of office practice: 征求意见稿 → 送审稿 → 修改稿 → 定稿/终稿 (e.g. 《党政机关公文处理工作条例》
// drafting stages), and clerks' own 初稿/二稿/最终版, v1/v2, and a date in the name.
func TestLedgerVersionFamily(t *testing.T) {
	t.Parallel()
	same := [][]string{
		{"市财政局-初稿.xlsx", "市财政局终稿.xlsx", "市财政局（修改版）.xlsx", "市财政局.xlsx", "2024/市财政局_v2.xlsx"},
		{"市水利局（初稿）.xlsx", "市水利局（终稿）.xlsx", "市水利局 20241220.xlsx", "市水利局2024年12月20日.xls", "市水利局第二稿.xlsx"},
	}
	for _, names := range same {
		want := LedgerVersion(names[0], "", time.Time{}, false).Family
		for _, n := range names[1:] {
			if got := LedgerVersion(n, "", time.Time{}, false).Family; got != want {
				t.Errorf("%s: family %q, want %q (as %s)", n, got, want, names[0])
			}
		}
	}
	if a, b := LedgerVersion("市财政局.xlsx", "", time.Time{}, false), LedgerVersion("市税务局.xlsx", "", time.Time{}, false); a.SameLedger(b) {
		t.Errorf("市财政局 and 市税务局 taken for one ledger")
	}
	// The 填报单位 line names the unit whatever the file is called.
	a := LedgerVersion("台账（初稿）.xlsx", "市财政局", time.Time{}, false)
	b := LedgerVersion("财政局最终版.xlsx", "市财政局", time.Time{}, false)
	if !a.SameLedger(b) {
		t.Errorf("two files whose 填报单位 line is 市财政局 are not one ledger: %q %q", a.Family, b.Family)
	}
}

func TestLedgerVersionOrder(t *testing.T) {
	t.Parallel()
	d := func(s string) time.Time { t, _ := time.Parse(time.DateOnly, s); return t }
	// Each list is in version order, earliest first.
	orders := [][]Version{
		{
			LedgerVersion("市财政局（初稿）.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局（修改版）.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局（终稿）.xlsx", "", time.Time{}, false),
			LedgerVersion("市财政局_催办单_20241227.xlsx", "", time.Time{}, false),
		},
		{LedgerVersion("市财政局v1.xlsx", "", time.Time{}, false), LedgerVersion("市财政局v2.xlsx", "", time.Time{}, false)},
		{LedgerVersion("市财政局二稿.xlsx", "", time.Time{}, false), LedgerVersion("市财政局第三稿.xlsx", "", time.Time{}, false)},
		{LedgerVersion("市财政局20241130.xlsx", "", time.Time{}, false), LedgerVersion("市财政局20241220.xlsx", "", time.Time{}, false)},
		{LedgerVersion("甲.xlsx", "市财政局", d("2024-12-01"), false), LedgerVersion("乙.xlsx", "市财政局", d("2024-12-18"), false)},
		{LedgerVersion("市财政局.xlsx", "", time.Time{}, false), LedgerVersion("市财政局.xlsx", "", time.Time{}, true)},
	}
	for _, o := range orders {
		for i := 1; i < len(o); i++ {
			if c := o[i-1].Compare(o[i]); c >= 0 {
				t.Errorf("%+v not before %+v (Compare %d)", o[i-1], o[i], c)
			}
			if c := o[i].Compare(o[i-1]); c <= 0 {
				t.Errorf("%+v not after %+v (Compare %d)", o[i], o[i-1], c)
			}
		}
	}
	if c := LedgerVersion("a/市财政局.xlsx", "", time.Time{}, false).Compare(LedgerVersion("b/市财政局.xlsx", "", time.Time{}, false)); c != 0 {
		t.Errorf("two plain copies ordered %d; nothing tells them apart", c)
	}
}

func FuzzLedgerVersion(f *testing.F) {
	for _, s := range []string{"市财政局（初稿）.xlsx", "v", "第稿", "2024-13-45.xlsx", "市局v99999999999999999999.xlsx", "二〇稿"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		v := LedgerVersion(name, "", time.Time{}, false)
		if v.Compare(v) != 0 {
			t.Errorf("%q: a version is not equal to itself", name)
		}
	})
}

// SPEC §6 and issue 18's third situation: the 初稿 says 已完成 (2024-11-30), the 终稿 corrects
// it to 未启动. The correction counts, although "the more advanced status" would undo it; an
// item the 终稿 dropped is kept with a warning; the terminal gets one warning for the pair of
// files, the check file one per item. The result does not depend on the order of the rows.
func TestMergeLaterVersionWins(t *testing.T) {
	t.Parallel()
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	m := Meeting{Num: 3, Year: 2024}
	rows := func() []Item {
		return []Item{
			{Category: "市政府常务会议", Meeting: m, Content: "建设城东污水厂", Lead: "市水利局", Status: Done, StatusRaw: "已完成", Done: date(2024, 11, 30), Src: at("市水利局（初稿）.xlsx", 3)},
			{Category: "市政府常务会议", Meeting: m, Content: "建设城东污水厂", Lead: "市水利局", Status: NotStarted, StatusRaw: "未启动", Src: at("市水利局（终稿）.xlsx", 3)},
			{Category: "市政府常务会议", Meeting: m, Content: "整治河道", Lead: "市水利局", Status: InProgress, StatusRaw: "推进中", Src: at("市水利局（初稿）.xlsx", 4)},
			{Category: "市政府常务会议", Meeting: m, Content: "整治河道", Lead: "市水利局", Status: Done, StatusRaw: "已办结", Done: date(2024, 12, 2), Src: at("市水利局（终稿）.xlsx", 4)},
			{Category: "市政府常务会议", Meeting: m, Content: "修缮水库", Lead: "市水利局", Status: InProgress, StatusRaw: "推进中", Src: at("市水利局（初稿）.xlsx", 5)},
		}
	}
	check := func(items []Item) {
		merged, dups, probs := Merge(items, nil)
		if len(merged) != 3 || dups != 2 {
			t.Fatalf("%d items, %d merged; want 3 and 2", len(merged), dups)
		}
		byContent := map[string]Item{}
		for _, it := range merged {
			byContent[it.Content] = it
		}
		if it := byContent["建设城东污水厂"]; it.Status != NotStarted || it.Src.File != "市水利局（终稿）.xlsx" {
			t.Errorf("the 终稿's correction to 未启动 lost: %v from %s", it.Status, it.Src.File)
		}
		if it := byContent["整治河道"]; it.Status != Done || it.Src.File != "市水利局（终稿）.xlsx" {
			t.Errorf("the 终稿's 已办结 lost: %v from %s", it.Status, it.Src.File)
		}
		if it, ok := byContent["修缮水库"]; !ok || it.Src.File != "市水利局（初稿）.xlsx" {
			t.Errorf("an item only the 初稿 has is not kept")
		}
		var terminal, detail []string
		for _, p := range probs {
			if p.Level != Warning {
				continue
			}
			if p.Detail {
				detail = append(detail, p.String())
			} else {
				terminal = append(terminal, p.String())
			}
		}
		slices.Sort(detail)
		wantTerminal := []string{"市水利局（终稿）.xlsx: 警告: 与 市水利局（初稿）.xlsx 是同一单位台账的两个版本：2项落实状态不同，按本文件（较新版本）计；1项只见于较早版本，仍计入，请核实"}
		wantDetail := []string{
			"市水利局（初稿）.xlsx!台账!A3: 警告: 与 市水利局（终稿）.xlsx!台账!A3 是同一事项，落实状态不同（此处“已完成”，彼处“未启动”）；市水利局（终稿）.xlsx 是同一单位台账的较新版本，按其计",
			"市水利局（初稿）.xlsx!台账!A4: 警告: 与 市水利局（终稿）.xlsx!台账!A4 是同一事项，落实状态不同（此处“推进中”，彼处“已办结”）；市水利局（终稿）.xlsx 是同一单位台账的较新版本，按其计",
			"市水利局（初稿）.xlsx!台账!A5: 警告: 此事项只见于本文件，同一单位台账的较新版本 市水利局（终稿）.xlsx 中没有，仍计入统计；请向单位核实是否已删除",
		}
		if !slices.Equal(terminal, wantTerminal) {
			t.Errorf("terminal warnings:\n%s\nwant\n%s", strings.Join(terminal, "\n"), strings.Join(wantTerminal, "\n"))
		}
		if !slices.Equal(detail, wantDetail) {
			t.Errorf("check-file warnings:\n%s\nwant\n%s", strings.Join(detail, "\n"), strings.Join(wantDetail, "\n"))
		}
	}
	check(rows())
	r := rows()
	slices.Reverse(r)
	check(r)
}

// A form or reminder that duban wrote and the unit filled in is the unit's latest word, known
// by its mark whatever its name: it updates the ledger with a notice, not a conflict.
func TestMergeReturnedForm(t *testing.T) {
	t.Parallel()
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	items := []Item{
		{Category: "两报告", Content: "建设口袋公园", Lead: "市住建局", Status: NotStarted, StatusRaw: "未启动", Src: at("市住建局.xlsx", 3)},
		{Category: "两报告", Content: "建设口袋公园", Lead: "市住建局", Status: InProgress, StatusRaw: "推进中", Src: at("住建局反馈.xlsx", 4)},
	}
	versions := map[string]Version{"住建局反馈.xlsx": LedgerVersion("住建局反馈.xlsx", "市住建局", time.Time{}, true)}
	merged, _, probs := Merge(items, versions)
	if len(merged) != 1 || merged[0].Src.File != "住建局反馈.xlsx" {
		t.Fatalf("merged %+v", merged)
	}
	if len(probs) != 1 || probs[0].Kind != ReminderUpdate || probs[0].Level != Notice {
		t.Errorf("problems %v, want one notice that the return updates the ledger", probs)
	}
}

// The lead unit's own report counts over a co-unit's (SPEC §6 rule 2), even when the co-unit
// says more, and the warning says why: not "the more advanced status". (QA found the old
// reason text on the sample's 市教育局.xls!A2.)
func TestMergeLeadWinsWithItsReason(t *testing.T) {
	t.Parallel()
	at := func(file string, row int) Pos { return Pos{File: file, Sheet: "台账", Row: row} }
	items := []Item{
		{Category: "两报告", Content: "全面开展粮食储备库扩建", Lead: "市发展改革委", Status: InProgress, StatusRaw: "办理中", Src: at("市发展改革委.xlsx", 4)},
		{Category: "两报告", Content: "全面开展粮食储备库扩建", Lead: "市发展改革委", Status: Done, StatusRaw: "已完成", Src: at("市农业农村局.xlsx", 9)},
	}
	merged, _, probs := Merge(items, nil)
	if len(merged) != 1 || merged[0].Src.File != "市发展改革委.xlsx" || merged[0].Status != InProgress {
		t.Fatalf("merged %+v; want the lead's 办理中", merged)
	}
	want := "市农业农村局.xlsx!台账!A9: 警告: 与 市发展改革委.xlsx!台账!A4 是同一事项，但落实状态不同（此处“已完成”，彼处“办理中”），按牵头单位市发展改革委自己的报送（来源 市发展改革委.xlsx!台账!A4）计"
	if len(probs) != 1 || probs[0].String() != want {
		t.Errorf("problems %v\nwant %s", probs, want)
	}
}
