package sheets

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/zhtext"
)

// TestSplitLead: several units in one 牵头单位 cell (SPEC §3.1). The unit marked 牵头 leads,
// else the first listed: "责任分解中，列第一位的责任单位为牵头单位或汇总单位"
// (https://z.hangzhou.com.cn/2020/hzrmzfgb/content/content_7745055.html). The forms are those
// of published 分工方案: "（市政府办公室、市行政审批制度改革工作领导小组办公室牵头，市级各有关部门
// 及各县市区政府按职责分工负责）" (https://newton.com.tw/wiki/…/61994341, cited in gen_layouts.py),
// "牵头单位：区发改局 / 责任单位：立山经济开发区，各街道、区直各部门"
// (http://www.lishan.gov.cn/html/ASLSQ/202303/0168765895614794.html), and unit names with
// brackets inside, "各县（市、区）政府（管委会）" (许政〔2020〕20号, research-10 XCH20).
func TestSplitLead(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		cell   string
		lead   string
		others string // joined by 、
		marked int
	}{
		{"市住建局、市自然资源局", "市住建局", "市自然资源局", 0},
		{"市城管局，市住建局，市生态环境局", "市城管局", "市住建局、市生态环境局", 0},
		{"市城管局（牵头）、市住建局", "市城管局", "市住建局", 1},
		{"市城管局、市公安局（牵头）", "市公安局", "市城管局", 1},
		{"市水利局牵头，市财政局配合", "市水利局", "市财政局", 1},
		{"市城管局（牵头），市自然资源和规划局、市公安局", "市城管局", "市自然资源和规划局、市公安局", 1},
		{"市财政局配合，市水利局牵头", "市水利局", "市财政局", 1},
		{"市政府办公室、市审改办牵头，市级各有关部门及各县市区政府按职责分工负责", "市政府办公室", "市审改办、市级各有关部门及各县市区政府", 2},
		{"牵头单位：区发改局；责任单位：立山经济开发区，各街道、区直各部门", "区发改局", "立山经济开发区、各街道、区直各部门", 1},
		{"市卫健委、各县（市、区）政府（管委会）", "市卫健委", "各县（市、区）政府（管委会）", 0},
		{"市卫健委(牵头)、市医保局(配合)", "市卫健委", "市医保局", 1},
		{"市医保局（配合）、市卫健委", "市卫健委", "市医保局", 0},
		{"市城管局\n市住建局", "市城管局", "市住建局", 0},
		{"市委/政府办", "市委/政府办", "", 0},
		{"市住建局、市自然资源局等", "市住建局", "市自然资源局", 0},
		{"市住建局、市住建局", "市住建局", "", 0},
		{"市城管局（牵头）", "市城管局", "", 1},
		{"市城管局牵头", "市城管局", "", 1},
		{"市统计局", "市统计局", "", 0},
		{" 市统计局 ", "市统计局", "", 0},
		{"市统计局。", "市统计局", "", 0},
		{"市住建局、市自然资源局。", "市住建局", "市自然资源局", 0},
		{"各县（市、区）政府", "各县（市、区）政府", "", 0},
		{"", "", "", 0},
		{"、", "、", "", 0},
	} {
		s := splitLead(c.cell)
		if s.lead != c.lead || strings.Join(s.others, "、") != c.others || s.marked != c.marked {
			t.Errorf("splitLead(%q) = %q [%s] marked %d, want %q [%s] marked %d",
				c.cell, s.lead, strings.Join(s.others, "、"), s.marked, c.lead, c.others, c.marked)
		}
	}
}

func TestMergeCo(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		lead, others, co, want string
	}{
		{"市城管局", "市住建局", "", "市住建局"},
		{"市城管局", "市住建局", "市公安局", "市住建局、市公安局"},
		{"市城管局", "市住建局", "市住建局，市公安局", "市住建局、市公安局"},
		{"市城管局", "市住建局", "市城管局、市公安局", "市住建局、市公安局"},
		{"市城管局", "市住建局、市生态环境局", "市 生态环境局", "市住建局、市生态环境局"},
	} {
		if got := mergeCo(c.lead, strings.Split(c.others, "、"), c.co); got != c.want {
			t.Errorf("mergeCo(%q, %q, %q) = %q, want %q", c.lead, c.others, c.co, got, c.want)
		}
	}
}

// TestValidateSeveralUnits: the row rules take one lead from a list, merge the others into
// 配合单位 and leave a notice at the 牵头单位 cell; a single unit has no notice.
func TestValidateSeveralUnits(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	base := []string{"类别", "市政府常务会议", "会议", "第3次常务会议", "会议日期", "2024-03-01", "事项内容", "开展城区占道经营专项整治",
		"完成时限", "2024-10-31", "落实状态", "推进中"}
	for _, c := range []struct {
		lead, co       string
		wantLead       string
		wantCo, notice string
	}{
		{"市城市管理局、市市场监督管理局", "", "市城市管理局", "市市场监督管理局",
			"市统计局.xlsx!台账!G5: 提示: 牵头单位栏列有2个单位，按列第一位的“市城市管理局”为牵头单位统计，“市市场监督管理局”计入配合单位；如牵头单位不是它，请在牵头单位后注明（牵头）"},
		{"市城市管理局、市公安局（牵头）", "市交通运输局", "市公安局", "市城市管理局、市交通运输局",
			"市统计局.xlsx!台账!G5: 提示: 牵头单位栏列有2个单位，按标注牵头的“市公安局”为牵头单位统计，“市城市管理局”计入配合单位"},
		{"市交通运输局牵头，市城市管理局配合", "市城市管理局", "市交通运输局", "市城市管理局",
			"市统计局.xlsx!台账!G5: 提示: 牵头单位栏列有2个单位，按标注牵头的“市交通运输局”为牵头单位统计，“市城市管理局”计入配合单位"},
		{"市城管局（牵头）、市住建局（牵头）、市公安局", "", "市城管局", "市住建局、市公安局",
			"市统计局.xlsx!台账!G5: 提示: 牵头单位栏列有3个单位，其中2个标注牵头，按其中列第一位的“市城管局”为牵头单位统计，“市住建局、市公安局”计入配合单位"},
		{"市城市管理局", "市公安局，市住建局", "市城市管理局", "市公安局，市住建局", ""},
	} {
		r := row(5, append(append([]string(nil), base...), "牵头单位", c.lead, "配合单位", c.co)...)
		it, probs, ok := v.Row(&r)
		if !ok {
			t.Fatalf("%s: row excluded: %v", c.lead, probs)
		}
		var got []string
		for _, p := range probs {
			got = append(got, p.String())
		}
		if it.Lead != c.wantLead || it.Co != c.wantCo || strings.Join(got, "\n") != c.notice {
			t.Errorf("%s: lead %q co %q problems\n%s\nwant %q %q\n%s", c.lead, it.Lead, it.Co, strings.Join(got, "\n"), c.wantLead, c.wantCo, c.notice)
		}
		if len(probs) > 0 && probs[0].Raw != c.lead {
			t.Errorf("%s: 原值 %q, want the cell", c.lead, probs[0].Raw)
		}
	}
}

// TestUnitStatsSeveralUnits: unit statistics count the lead of a list, never the list.
func TestUnitStatsSeveralUnits(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	var rows []RawRow
	for i, lead := range []string{"市住建局、市自然资源局", "市自然资源局（牵头）、市住建局", "市住建局"} {
		rows = append(rows, row(3+i, "类别", "市政府常务会议", "会议", "第3次常务会议", "事项内容", "事项"+string(rune('甲'+i)),
			"牵头单位", lead, "完成时限", "2024-10-31", "落实状态", "推进中"))
	}
	items, excluded, _ := v.Validate(rows)
	if excluded != 0 {
		t.Fatalf("%d rows excluded", excluded)
	}
	count := map[string]int{}
	for _, it := range items {
		count[it.Lead]++
	}
	if len(count) != 2 || count["市住建局"] != 2 || count["市自然资源局"] != 1 {
		t.Errorf("items per lead %v, want 市住建局 2, 市自然资源局 1", count)
	}
}

// FuzzSplitLead: any 牵头单位 cell gives one lead that is not among the others, no unit twice,
// and the notice's count of units is the count of distinct units named.
func FuzzSplitLead(f *testing.F) {
	for _, s := range []string{"市住建局、市自然资源局", "市城管局（牵头）、市住建局", "市水利局牵头，市财政局配合",
		"牵头单位：区发改局；责任单位：立山经济开发区，各街道、区直各部门", "各县（市、区）政府（管委会", "（牵头）", "、，；", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, cell string) {
		s := splitLead(cell)
		seen := map[string]bool{zhtext.Normalize(s.lead): true}
		for _, u := range s.others {
			if seen[zhtext.Normalize(u)] || zhtext.Normalize(u) == "" {
				t.Fatalf("splitLead(%q): unit %q repeated or blank (lead %q, others %q)", cell, u, s.lead, s.others)
			}
			seen[zhtext.Normalize(u)] = true
		}
		if s.several() && s.lead == "" {
			t.Fatalf("splitLead(%q): several units and no lead", cell)
		}
		mergeCo(s.lead, s.others, cell)
	})
}

// FuzzNoDeadlineWord: the word found begins the folded text, and readDeadline never panics.
func FuzzNoDeadlineWord(f *testing.F) {
	for _, s := range []string{"常态化开展", "持续推进，2024年6月底前完成", "长期（三季度末）", "2024年10月底前；", "。"} {
		f.Add(s)
	}
	d := testDict(f)
	v := NewValidator(d, date(2024, 12, 20))
	f.Fuzz(func(t *testing.T, cell string) {
		if w, _ := d.NoDeadlineWord(cell); w != "" && !strings.HasPrefix(TrimPunct(zhtext.Normalize(cell)), w) {
			t.Fatalf("NoDeadlineWord(%q) = %q, which the text does not begin with", cell, w)
		}
		v.readDeadline(cell, 2024, false)
		d.statusMessage(cell)
	})
}

// TestSeveralUnitsKnownUnits: with a list of known units, the lead is checked and the others
// take their names from the list.
func TestSeveralUnitsKnownUnits(t *testing.T) {
	t.Parallel()
	d, err := ParseDict("[类别]\n市政府常务会议\t会议\n[单位]\n市住房和城乡建设局\t市住建局\n市城市管理局\t市城管局\n")
	if err != nil {
		t.Fatal(err)
	}
	v := NewValidator(d, date(2024, 12, 20))
	r := row(6, "类别", "市政府常务会议", "会议", "第3次常务会议", "事项内容", "整治城区主干道交通秩序",
		"牵头单位", "市城管局（牵头）、市住建局、市公安局", "完成时限", "2024-10-31", "落实状态", "推进中")
	it, probs, ok := v.Row(&r)
	if !ok {
		t.Fatalf("row excluded: %v", probs)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"市统计局.xlsx!台账!G6: 提示: 牵头单位栏列有3个单位，按标注牵头的“市城管局”为牵头单位统计，“市住房和城乡建设局、市公安局”计入配合单位",
	}
	if it.Lead != "市城市管理局" || it.Co != "市住房和城乡建设局、市公安局" || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("lead %q co %q problems\n%s", it.Lead, it.Co, strings.Join(got, "\n"))
	}
}

// TestSplitByUnitSeveralUnits: a master list whose 责任单位 names several units sends the item
// to its lead only, the unit that reports it.
func TestSplitByUnitSeveralUnits(t *testing.T) {
	t.Parallel()
	master := filepath.Join(t.TempDir(), "交办清单.xlsx")
	writeRowsBook(t, master, "清单", [][]any{
		{"会议", "会议日期", "议定事项", "责任单位", "完成时限"},
		{"市政府第五次常务会议", date(2024, 3, 1), "推进老旧小区改造", "市住建局、市自然资源局", "2024年底前"},
		{"市政府第五次常务会议", date(2024, 3, 1), "整治城区停车秩序", "市住建局、市公安局（牵头）", "2024年6月底前"},
		{"市长办公会议第2次", "", "清理政府拖欠账款", "市财政局牵头，市住建局配合", "2024年底前"},
	})
	units, probs, ok := SplitByUnit(master, testDict(t), ReadOptions{})
	if !ok {
		t.Fatalf("not ok: %v", probs)
	}
	var got []string
	for _, u := range units {
		var cs []string
		for _, r := range u.Rows {
			cs = append(cs, r.Vals[FieldContent])
		}
		got = append(got, u.Unit+":"+strings.Join(cs, "/"))
	}
	want := "市住建局:推进老旧小区改造 市公安局:整治城区停车秩序 市财政局:清理政府拖欠账款"
	if strings.Join(got, " ") != want {
		t.Errorf("units = %s, want %s", strings.Join(got, " "), want)
	}
}

// A master list reads its 责任单位 as the row rules do (SPEC §3.1): units separated by a space
// split where the parts are units the dictionary knows, also one that does not end like a unit
// (消防支队), so the item goes to its first unit only.
func TestSplitByUnitSpacedKnownUnits(t *testing.T) {
	t.Parallel()
	d, err := ParseDict("[类别]\n市政府常务会议\t会议\n[单位]\n市消防救援支队\t\n市应急管理局\t\n")
	if err != nil {
		t.Fatal(err)
	}
	master := filepath.Join(t.TempDir(), "交办清单.xlsx")
	writeRowsBook(t, master, "清单", [][]any{
		{"会议", "会议日期", "议定事项", "责任单位", "完成时限"},
		{"市政府第五次常务会议", date(2024, 3, 1), "开展高层建筑消防隐患排查", "市消防救援支队 市应急管理局", "2024年底前"},
	})
	units, probs, ok := SplitByUnit(master, d, ReadOptions{})
	if !ok || len(units) != 1 || units[0].Unit != "市消防救援支队" {
		var names []string
		for _, u := range units {
			names = append(names, u.Unit)
		}
		t.Errorf("units %q (ok %v, problems %v), want the item sent to 市消防救援支队 only", names, ok, dumpProblems(probs))
	}
}
