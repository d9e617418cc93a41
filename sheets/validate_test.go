package sheets

import (
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/xlsx"
)

// row builds a RawRow of 台账 in 市统计局.xlsx at the given row, with the canonical columns in
// Field order starting at column B, from label=value pairs.
func row(n int, kv ...string) RawRow {
	r := RawRow{Pos: Pos{File: "市统计局.xlsx", Sheet: "台账", Row: n}, UnitFromFile: "市统计局"}
	for f := Field(0); f < NumFields; f++ {
		r.Cols[f] = int(f) + 2
	}
	for i := 0; i+1 < len(kv); i += 2 {
		f, ok := FieldByLabel(kv[i])
		if !ok {
			panic(kv[i])
		}
		r.Vals[f] = kv[i+1]
	}
	return r
}

func TestValidateErrors(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	base := []string{"类别", "市政府常务会议", "会议", "第5次常务会议", "事项内容", "做好某项工作", "牵头单位", "市统计局", "完成时限", "2023-06-30", "落实状态", "推进中"}
	with := func(kv ...string) RawRow {
		return row(12, append(append([]string(nil), base...), kv...)...)
	}
	for _, c := range []struct {
		name string
		row  RawRow
		want []string // exact problem lines
	}{
		{"impossible date", with("完成时限", "2023年2月30日"),
			[]string{"市统计局.xlsx!台账!J12: 错误: 完成时限“2023年2月30日”不是有效日期（2月没有30日）" + msgExcluded}},
		{"unknown status", with("落实状态", "已汇报"),
			[]string{"市统计局.xlsx!台账!K12: 错误: 落实状态“已汇报”无法识别，应为“已落实”“推进中”或“未启动”（或词典中的其他写法）" + msgExcluded}},
		// SPEC §4.3: a word that does not say whether the item is done stays an error, and says why.
		{"unclear status", with("落实状态", "基本完成"),
			[]string{"市统计局.xlsx!台账!K12: 错误: 落实状态“基本完成”只说明基本或部分完成，没有说明事项是否已全部完成，不能确定属于“已落实”“推进中”“未启动”中的哪一类；已全部完成的请填“已落实”，仍有未完成部分的请填“推进中”，具体进度写在进展情况中" + msgExcluded}},
		{"empty content", with("事项内容", ""),
			[]string{"市统计局.xlsx!台账!F12: 错误: 事项内容为空，请填写（该行其他列已填写）" + msgExcluded}},
		{"no category", with("类别", "", "会议", "第5次会议"),
			[]string{"市统计局.xlsx!台账!C12: 错误: 无法确定类别：类别为空，会议名称“第5次会议”中也没有可识别的会议类型，请填写类别（如 市政府常务会议、市长批示件）" + msgExcluded}},
		{"two errors", with("落实状态", "", "完成时限", "2023-13-01"), []string{
			"市统计局.xlsx!台账!J12: 错误: 完成时限“2023-13-01”不是有效日期（没有13月）" + msgExcluded,
			"市统计局.xlsx!台账!K12: 错误: 落实状态为空，请填写 已落实、推进中 或 未启动" + msgExcluded,
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, probs, ok := v.Row(&c.row)
			if ok {
				t.Fatal("row accepted, want excluded")
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
				if !strings.Contains(p.Raw, "整行：") {
					t.Errorf("原值 %q does not keep the row's raw values", p.Raw)
				}
			}
			if strings.Join(got, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(c.want, "\n"))
			}
		})
	}
}

func TestValidateItem(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	r := row(7, "类别", "", "会议", "市政府第五次常务会议", "会议日期", "45000", "事项内容", " 推进A项目 ",
		"牵头单位", "", "完成时限", "6月底前", "落实状态", "正在推进", "进展情况", "进展顺利")
	it, probs, ok := v.Row(&r)
	if !ok {
		t.Fatalf("row excluded: %v", probs)
	}
	// Serial 45000 is 2023-03-15; the year of 6月底前 comes from it.
	if it.Category != "市政府常务会议" || it.Kind != KindMeeting || it.Meeting.Num != 5 ||
		it.MeetingName != "市政府常务会议第5次" || !it.MeetingDate.Equal(date(2023, 3, 15)) ||
		it.Content != "推进A项目" || it.Lead != "市统计局" || !it.Deadline.Equal(date(2023, 6, 30)) ||
		it.Status != InProgress || it.Progress != "进展顺利" || it.Src != r.Pos {
		t.Errorf("item = %+v", it)
	}
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"市统计局.xlsx!台账!J7: 提示: 完成时限“6月底前”未写年份，按会议日期的年份2023年理解为2023-06-30",
		"市统计局.xlsx!台账!G7: 提示: 牵头单位为空，按填报单位（或文件名）取为“市统计局”",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestValidateWarnings(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	base := []string{"类别", "市长专题会议", "会议", "第3次", "会议日期", "2023-05-10", "事项内容", "某事", "牵头单位", "市统计局", "完成时限", "长期"}
	for _, c := range []struct {
		name string
		kv   []string
		want string
	}{
		{"done without date", []string{"落实状态", "已办结"}, "市统计局.xlsx!台账!L3: 警告: 落实状态为“已办结”（已落实），但未填写完成日期"},
		// The class is said only when the word is another: not 已落实（已落实）.
		{"已落实 without date", []string{"落实状态", "已落实"}, "市统计局.xlsx!台账!L3: 警告: 落实状态为“已落实”，但未填写完成日期"},
		{"done in the future", []string{"落实状态", "已完成", "完成日期", "2024-01-05"}, "市统计局.xlsx!台账!L3: 警告: 完成日期2024-01-05晚于统计截止日2023-12-20，请核实"},
		{"done before meeting", []string{"落实状态", "完成", "完成日期", "2023年5月1日"}, "市统计局.xlsx!台账!L3: 警告: 完成日期2023-05-01早于会议日期2023-05-10，请核实"},
		{"open with date", []string{"落实状态", "推进中", "完成日期", "2023/6/1"}, "市统计局.xlsx!台账!L3: 警告: 落实状态为“推进中”（未落实），却填写了完成日期2023-06-01，请核实状态"},
		{"unknown category", []string{"类别", "区长会议", "落实状态", "推进中"}, "市统计局.xlsx!台账!C3: 警告: 类别“区长会议”不在词典中，按原样单独统计；如是笔误请改为词典中的类别名称"},
		{"clean", []string{"落实状态", "已完成", "完成日期", "2023-06-01"}, ""},
		// 完成日期 and 会议日期 do not decide any figure: a bad one is a warning, not an exclusion.
		{"unreadable done date", []string{"落实状态", "已完成", "完成日期", "2023-13-01"},
			"市统计局.xlsx!台账!L3: 警告: 完成日期“2023-13-01”不是有效日期（没有13月），按未填写处理\n" +
				"市统计局.xlsx!台账!L3: 警告: 落实状态为“已完成”（已落实），但未填写完成日期"},
		{"done date without a year", []string{"落实状态", "已完成", "完成日期", "11月5日"},
			"市统计局.xlsx!台账!L3: 提示: 完成日期“11月5日”未写年份，按2023年理解为2023-11-05"},
		{"category cell naming a meeting", []string{"类别", "市长专题会", "落实状态", "推进中"}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := row(3, append(append([]string(nil), base...), c.kv...)...)
			_, probs, ok := v.Row(&r)
			if !ok {
				t.Fatalf("row excluded: %v", probs)
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if strings.Join(got, "\n") != c.want {
				t.Errorf("got  %s\nwant %s", strings.Join(got, "\n"), c.want)
			}
		})
	}
}

// A sheet without a required column: every row is excluded and says which column is missing,
// rather than reading as if each cell were blank (a missing 完成时限 column would otherwise
// turn every item into 无明确时限).
func TestValidateMissingColumns(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	r := row(5, "类别", "市长批示件", "会议", "〔2023〕1号", "事项内容", "某事", "牵头单位", "市统计局", "落实状态", "推进中")
	r.Cols[FieldDeadline] = 0
	r.Cols[FieldStatus] = 0
	r.Vals[FieldStatus] = ""
	_, probs, ok := v.Row(&r)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"市统计局.xlsx!台账!A5: 错误: 表中没有“完成时限、办结时限、时限要求、完成时间要求”等列，无法统计该行；请按报送模板补上这一列" + msgExcluded,
		"市统计局.xlsx!台账!A5: 错误: 表中没有“落实状态、办理状态、完成情况、办理情况”等列，无法统计该行；请按报送模板补上这一列" + msgExcluded,
	}
	if ok || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ok=%v\n%s\nwant\n%s", ok, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	// A master list has no 落实状态 column, and needs none.
	v.Assigned = true
	r.Cols[FieldDeadline] = 10
	r.Vals[FieldStatus] = "未启动"
	if _, probs, ok := v.Row(&r); !ok {
		t.Errorf("master-list row excluded: %v", probs)
	}
	v.Assigned = false

	r = row(6, "事项内容", "某事", "牵头单位", "市统计局", "落实状态", "推进中")
	r.Cols[FieldCategory], r.Cols[FieldMeeting] = 0, 0
	if _, probs, _ := v.Row(&r); len(probs) != 1 || probs[0].Msg != msgNoCategoryColumn+msgExcluded {
		t.Errorf("no 类别 or 会议 column: %v", probs)
	}
}

// A formula the file holds no result for is an error at its cell, not a blank.
func TestValidateUncalculated(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	r := row(9, "类别", "市长批示件", "会议", "〔2023〕1号", "事项内容", "某事", "牵头单位", "市统计局", "落实状态", "推进中")
	r.Kinds[FieldDeadline] = xlsx.Uncalculated
	_, probs, ok := v.Row(&r)
	want := "市统计局.xlsx!台账!J9: 错误: 完成时限是公式，但文件中没有保存计算结果（文件可能由程序生成），请用Excel或WPS打开、保存后重新报送" + msgExcluded
	if ok || len(probs) != 1 || probs[0].String() != want {
		t.Errorf("ok=%v %v\nwant %s", ok, probs, want)
	}
	if !strings.Contains(probs[0].Raw, "完成时限=（未计算的公式）") {
		t.Errorf("原值 = %q", probs[0].Raw)
	}
}

func TestValidateMeetingsAndDeadlines(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	for _, c := range []struct {
		name     string
		kv       []string
		meeting  string
		kind     Kind
		deadline time.Time
		probs    string
	}{
		{"minutes number is the session", []string{"类别", "市长专题会议", "会议", "市长专题会议纪要〔2023〕5号"},
			"市长专题会议第5次", KindMeeting, date(2023, 6, 30), ""},
		{"document number stays", []string{"类别", "市长批示件", "会议", "〔2023〕5号"},
			"市长批示件〔2023〕5号", KindDoc, date(2023, 6, 30), ""},
		{"no year, meeting in December: the next March", []string{"会议", "第9次常务会议", "会议日期", "2022-12-15", "完成时限", "3月底前"},
			"市政府常务会议第9次", KindMeeting, date(2023, 3, 31),
			"市统计局.xlsx!台账!J4: 提示: 完成时限“3月底前”未写年份，会议日期为2022-12-15，按其后最近的日期理解为2023-03-31"},
		{"no year, 2月29日 after a December meeting: the next leap day", []string{"会议", "第9次常务会议", "会议日期", "2023-12-15", "完成时限", "2月29日前"},
			"市政府常务会议第9次", KindMeeting, date(2024, 2, 29),
			"市统计局.xlsx!台账!J4: 提示: 完成时限“2月29日前”未写年份，会议日期为2023-12-15，按其后最近的日期理解为2024-02-29"},
		{"deadline before the meeting", []string{"会议", "第9次常务会议", "会议日期", "2023-07-01"},
			"市政府常务会议第9次", KindMeeting, date(2023, 6, 30),
			"市统计局.xlsx!台账!J4: 警告: 完成时限2023-06-30早于会议日期2023-07-01，请核实"},
		{"unknown category with sessions is a meeting", []string{"类别", "区长会议", "会议", "第2次区长会议"},
			"区长会议第2次", KindMeeting, date(2023, 6, 30), "市统计局.xlsx!台账!C4: 警告: 类别“区长会议”不在词典中，按原样单独统计；如是笔误请改为词典中的类别名称"},
		{"unknown category with document numbers is an instruction", []string{"类别", "区长批示件", "会议", "〔2023〕7号"},
			"区长批示件〔2023〕7号", KindDoc, date(2023, 6, 30), "市统计局.xlsx!台账!C4: 警告: 类别“区长批示件”不在词典中，按原样单独统计；如是笔误请改为词典中的类别名称"},
	} {
		t.Run(c.name, func(t *testing.T) {
			kv := append([]string{"事项内容", "某事", "牵头单位", "市统计局", "完成时限", "2023-06-30", "落实状态", "推进中"}, c.kv...)
			r := row(4, kv...)
			it, probs, ok := v.Row(&r)
			if !ok {
				t.Fatalf("excluded: %v", probs)
			}
			var got []string
			for _, p := range probs {
				got = append(got, p.String())
			}
			if it.MeetingName != c.meeting || it.Kind != c.kind || !it.Deadline.Equal(c.deadline) || strings.Join(got, "\n") != c.probs {
				t.Errorf("meeting %s kind %v deadline %v problems:\n%s\nwant %s %v %v\n%s", it.MeetingName, it.Kind,
					it.Deadline.Format(time.DateOnly), strings.Join(got, "\n"), c.meeting, c.kind, c.deadline.Format(time.DateOnly), c.probs)
			}
		})
	}
}

// A cell holding an Excel error value (a broken formula) is an error at that cell.
func TestValidateErrorValue(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	r := row(7, "类别", "市长批示件", "会议", "〔2023〕1号", "事项内容", "#N/A", "牵头单位", "市统计局", "完成时限", "长期", "落实状态", "推进中")
	r.Kinds[FieldContent] = xlsx.Error
	_, probs, ok := v.Row(&r)
	want := "市统计局.xlsx!台账!F7: 错误: 事项内容是错误值“#N/A”（公式出错），请改正后重新报送" + msgExcluded
	if ok || len(probs) != 1 || probs[0].String() != want {
		t.Errorf("ok=%v %v\nwant %s", ok, probs, want)
	}
}

// An unknown category gets one kind from all its rows: one session number makes it a meeting
// category, and its document-numbered rows count as meetings by number too.
func TestUnifyKinds(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	v := NewValidator(d, date(2024, 12, 20))
	var items []Item
	for i, meeting := range []string{"深改委年度要点", "第3次", "〔2024〕5号"} {
		r := row(i+2, "类别", "区委深改委会议", "会议", meeting, "事项内容", "事"+meeting, "牵头单位", "区财政局", "完成时限", "长期", "落实状态", "推进中")
		it, _, ok := v.Row(&r)
		if !ok {
			t.Fatal("row excluded")
		}
		items = append(items, it)
	}
	unifyKinds(d, items)
	var got []string
	for _, it := range items {
		got = append(got, it.Kind.String()+" "+it.MeetingName)
	}
	want := "会议 深改委年度要点|会议 区委深改委会议第3次|会议 区委深改委会议第5次"
	if strings.Join(got, "|") != want {
		t.Errorf("got %s\nwant %s", strings.Join(got, "|"), want)
	}
	r := Summarize(items, d, date(2024, 12, 20), 7)
	if len(r.Categories) != 1 || r.Categories[0].Meetings != 3 || len(r.Meetings) != 3 {
		t.Errorf("会议次数 %d, 分会议统计 %d rows; want 3 and 3", r.Categories[0].Meetings, len(r.Meetings))
	}
}

// The group heading above a row names its category, or its meeting, only where the row's own
// cells do not.
func TestValidateGroupHeading(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	for _, c := range []struct {
		group, meeting string
		want           string // category and meeting name
	}{
		{"一、市政府常务会议议定事项", "第5次", "市政府常务会议 市政府常务会议第5次"},
		{"一、市政府常务会议议定事项", "市长专题会议（关于B）", "市长专题会议 市长专题会议（关于B）"},
		{"市政府第6次常务会议", "", "市政府常务会议 市政府常务会议第6次"},
		{"（二）市长批示件", "〔2024〕3号", "市长批示件 市长批示件〔2024〕3号"},
	} {
		r := row(3, "会议", c.meeting, "事项内容", "某事", "牵头单位", "市统计局", "完成时限", "长期", "落实状态", "推进中")
		r.Cols[FieldCategory] = 0
		r.Group = c.group
		it, probs, ok := v.Row(&r)
		if got := it.Category + " " + it.MeetingName; !ok || got != c.want {
			t.Errorf("heading %q, meeting %q: %q (ok=%v %v), want %q", c.group, c.meeting, got, ok, probs, c.want)
		}
	}
}

// An error value where it decides nothing (备注, 进展情况 …) is a warning and a blank.
func TestValidateErrorValueElsewhere(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2023, 12, 20))
	r := row(7, "类别", "市长批示件", "会议", "〔2023〕1号", "事项内容", "某事", "牵头单位", "市统计局", "完成时限", "长期", "落实状态", "推进中", "备注", "#N/A")
	r.Kinds[FieldNote] = xlsx.Error
	r.Kinds[FieldProgress] = xlsx.Uncalculated
	it, probs, ok := v.Row(&r)
	var got []string
	for _, p := range probs {
		got = append(got, p.String())
	}
	want := []string{
		"市统计局.xlsx!台账!M7: 警告: 进展情况是公式，但文件中没有保存计算结果（文件可能由程序生成），请用Excel或WPS打开、保存后重新报送，按未填写处理",
		"市统计局.xlsx!台账!N7: 警告: 备注是错误值“#N/A”（公式出错），请改正后重新报送，按未填写处理",
	}
	if !ok || it.Note != "" || it.Progress != "" || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("ok=%v note=%q\n%s\nwant\n%s", ok, it.Note, strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
