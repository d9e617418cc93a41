package sheets

import (
	"cmp"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/xlsx"
)

func TestTextYear(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		in   string
		want int
	}{
		{"2024年政府工作报告", 2024},
		{"市政府办公室督办〔2024〕5号", 2024},
		{"2024年第五次市政府常务会议", 2024},
		{"市教育局2024年度督查事项落实台账", 2024},
		{"[2023]12号", 2023},
		{"二〇二四年度督查事项台账", 2024},
		{"二○二三年市政府常务会议", 2023},
		{"一九九八年", 0},
		{"二届市人民政府第93次常务会议", 0},
		{"第2024次", 0},    // a session number, not a year
		{"1998年", 0},     // outside 2000–2100
		{"12024年", 0},    // not a four-digit year
		{"完成2000户改造", 0}, // a count
		{"", 0},
	} {
		if got := textYear(c.in); got != c.want {
			t.Errorf("textYear(%q) = %d, want %d", c.in, got, c.want)
		}
	}
}

func TestYearFromLines(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		name  string
		lines [][]string
		year  int
		from  string
	}{
		{"title", [][]string{{"市教育局2024年度督查事项落实台账"}}, 2024, yearFromTitle},
		// Sent in January about the year before: the title wins over the 填报日期 line.
		{"title over date line", [][]string{{"市教育局2024年度督查事项落实台账"}, {"填报单位：市教育局", "填报日期：2025年1月10日"}}, 2024, yearFromTitle},
		{"date line", [][]string{{"督查事项落实台账"}, {"填报单位：市教育局  填报日期：2024年12月20日"}}, 2024, yearFromDateLine},
		{"date in the next cell", [][]string{{"填报日期：", "2024-06-30"}}, 2024, yearFromDateLine},
		{"Excel date in the next cell", [][]string{{"填报时间", "45657"}}, 2024, yearFromDateLine}, // 2024-12-31
		{"截至 line", [][]string{{"（截至2024年11月30日）"}}, 2024, yearFromDateLine},
		{"no year", [][]string{{"市民政局督查事项落实情况台账"}, {"填报单位：市民政局"}}, 0, ""},
		{"no lines", nil, 0, ""},
	} {
		y, from := yearFromLines(textLines(c.lines), false)
		if y != c.year || from != c.from {
			t.Errorf("%s: yearFromLines = %d, %q; want %d, %q", c.name, y, from, c.year, c.from)
		}
	}
}

func TestRunYear(t *testing.T) {
	t.Parallel()
	jan := date(2025, 1, 15)
	for _, c := range []struct {
		name   string
		flag   int
		counts yearCounts
		want   RunYear
	}{
		{"--year wins", 2023, yearCounts{2024: 9}, RunYear{2023, yearFromFlag}},
		{"most meeting dates", 0, yearCounts{2024: 9, 2025: 2}, RunYear{2024, yearFromMeetings}},
		{"a tie takes the later", 0, yearCounts{2023: 3, 2024: 3}, RunYear{2024, yearFromMeetings}},
		{"no meeting dates", 0, yearCounts{}, RunYear{2025, yearFromAsOf}},
	} {
		if got := runYear(c.flag, c.counts, jan); got != c.want {
			t.Errorf("%s: runYear = %+v, want %+v", c.name, got, c.want)
		}
	}
}

// TestYearOrder is the order of SPEC §4.2 in which a yearless 完成时限 finds its year, each
// with its notice. The run is a January one (as-of 2025-01-15) about 2024, as the office's
// January bulletin on the previous year's meetings is
// (https://www.zhp.gov.cn/Content-2244518.html, published 2021-01-27).
func TestYearOrder(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	asOf := date(2025, 1, 15)
	type row struct {
		cat, meeting, mdate, deadline, group, sheet string
		title                                       int
		titleFrom                                   string
	}
	for _, c := range []struct {
		name   string
		run    RunYear
		r      row
		want   time.Time
		notice string
	}{
		{"meeting date", RunYear{2023, yearFromFlag},
			row{meeting: "市政府第5次常务会议", mdate: "2024-03-05", deadline: "9月底前", title: 2022, titleFrom: yearFromTitle},
			date(2024, 9, 30), "完成时限“9月底前”未写年份，按会议日期的年份2024年理解为2024-09-30"},
		{"meeting date, rolled past the meeting", RunYear{},
			row{meeting: "市政府第14次常务会议", mdate: "2024-12-10", deadline: "3月底前"},
			date(2025, 3, 31), "完成时限“3月底前”未写年份，会议日期为2024-12-10，按其后最近的日期理解为2025-03-31"},
		{"year in the meeting name", RunYear{2023, yearFromFlag},
			row{meeting: "2024年第五次市政府常务会议", deadline: "11月30日", title: 2022, titleFrom: yearFromTitle},
			date(2024, 11, 30), "完成时限“11月30日”未写年份，按会议名称“2024年第五次市政府常务会议”中的2024年理解为2024-11-30"},
		{"year in a document number", RunYear{},
			row{cat: "市长批示件", meeting: "〔2024〕5号", deadline: "6月底前"},
			date(2024, 6, 30), "完成时限“6月底前”未写年份，按会议名称“〔2024〕5号”中的2024年理解为2024-06-30"},
		{"year in the category", RunYear{2023, yearFromFlag},
			row{cat: "2024年政府工作报告", deadline: "5月底前"},
			date(2024, 5, 31), "完成时限“5月底前”未写年份，按类别“2024年政府工作报告”中的2024年理解为2024-05-31"},
		{"year in the group heading", RunYear{},
			row{meeting: "第3次", group: "一、2024年市长办公会议议定事项", deadline: "年底前"},
			date(2024, 12, 31), "完成时限“年底前”未写年份，按分组标题“一、2024年市长办公会议议定事项”中的2024年理解为2024-12-31"},
		{"ledger title", RunYear{2023, yearFromFlag},
			row{meeting: "市政府第九次常务会议", deadline: "12月底前", title: 2024, titleFrom: yearFromTitle},
			date(2024, 12, 31), "完成时限“12月底前”未写年份，按台账标题中的2024年理解为2024-12-31"},
		{"填报日期 line", RunYear{},
			row{meeting: "市政府第九次常务会议", deadline: "三季度末", title: 2024, titleFrom: yearFromDateLine},
			date(2024, 9, 30), "完成时限“三季度末”未写年份，按填报日期中的2024年理解为2024-09-30"},
		{"sheet named by its year", RunYear{2023, yearFromFlag},
			row{meeting: "第七次市长办公会议", deadline: "8月底前", sheet: "2024年"},
			date(2024, 8, 31), "完成时限“8月底前”未写年份，按工作表名“2024年”中的2024年理解为2024-08-31"},
		{"title before the sheet's name", RunYear{},
			row{meeting: "第七次市长办公会议", deadline: "8月底前", sheet: "2023", title: 2024, titleFrom: yearFromTitle},
			date(2024, 8, 31), "完成时限“8月底前”未写年份，按台账标题中的2024年理解为2024-08-31"},
		{"--year", RunYear{2024, yearFromFlag},
			row{meeting: "第七次市长办公会议", deadline: "11月底前"},
			date(2024, 11, 30), "完成时限“11月底前”未写年份，按--year指定的年度2024年理解为2024-11-30"},
		{"most meeting dates of the run", RunYear{2024, yearFromMeetings},
			row{meeting: "第七次市长办公会议", deadline: "7月底前"},
			date(2024, 7, 31), "完成时限“7月底前”未写年份，按多数事项会议日期所在的年度2024年理解为2024-07-31"},
		{"as-of year", RunYear{},
			row{meeting: "第七次市长办公会议", deadline: "7月底前"},
			date(2025, 7, 31), "完成时限“7月底前”未写年份，按统计截止日的年份2025年理解为2025-07-31"},
		{"a year written wins over all", RunYear{2023, yearFromFlag},
			row{meeting: "市政府第5次常务会议", mdate: "2024-03-05", deadline: "2024年10月底前", title: 2022, titleFrom: yearFromTitle},
			date(2024, 10, 31), ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			v := NewValidator(d, asOf)
			v.Year = c.run
			r := RawRow{Pos: Pos{File: "f.xlsx", Sheet: cmp.Or(c.r.sheet, "台账"), Row: 3}, UnitFromFile: "市教育局",
				Group: c.r.group, TitleYear: c.r.title, TitleYearFrom: c.r.titleFrom}
			for f, val := range map[Field]string{FieldCategory: c.r.cat, FieldMeeting: c.r.meeting,
				FieldMeetingDate: c.r.mdate, FieldContent: "推进城区中小学学位扩容工程", FieldLead: "市教育局",
				FieldDeadline: c.r.deadline, FieldStatus: "推进中"} {
				r.Cols[f] = int(f) + 1
				r.Vals[f] = val
			}
			it, probs, ok := v.Row(&r)
			if !ok {
				t.Fatalf("row excluded: %v", probs)
			}
			if !it.Deadline.Equal(c.want) {
				t.Errorf("Deadline = %s, want %s", it.Deadline.Format(time.DateOnly), c.want.Format(time.DateOnly))
			}
			var notices []string
			for _, p := range probs {
				if p.Field == FieldDeadline.String() {
					notices = append(notices, p.Msg)
				}
			}
			if got := strings.Join(notices, "\n"); got != c.notice {
				t.Errorf("notice = %q\nwant     %q", got, c.notice)
			}
		})
	}
}

// TestCategoryFromContext is the fallback order of SPEC §4.1: the row's 类别, else its 会议
// name, else the group heading, else the sheet's name; and a 类别 cell (事项来源) holding the
// whole meeting name gives the session too. Sheets named after the kind of meeting whose rows
// give only the session follow https://www.zhp.gov.cn/Content-2244518.html ("第六次常务会确定
// 事项44项…第八次县长办公会"); 事项来源 holding the meeting name follows
// https://www.zyx.gov.cn/Content-2717260.html ("2024年第五次县政府常务会议").
func TestCategoryFromContext(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	v := NewValidator(d, date(2024, 12, 20))
	for _, c := range []struct {
		name                       string
		sheet, group, cat, meeting string
		noCat                      bool // the sheet has no 类别 column
		wantCat, wantMeeting       string
		notice                     string // at the 类别 cell
	}{
		{"sheet name alias", "常务会议", "", "", "第3次", true, "市政府常务会议", "市政府常务会议第3次", ""},
		{"sheet name keyword", "办公会", "", "", "第十四次", true, "市长办公会议", "市长办公会议第14次", ""},
		{"sheet name, blank 类别 cell", "专题会议", "", "", "第十次", false, "市长专题会议", "市长专题会议第10次", ""},
		{"sheet name, bare session number", "常务会议", "", "", "3", true, "市政府常务会议", "市政府常务会议第3次", ""},
		{"bare number under a document category", "台账", "", "市长批示件", "5", false, "市长批示件", "5", ""},
		{"sheet name naming the session", "第5次常务会", "", "", "", true, "市政府常务会议", "市政府常务会议第5次", ""},
		{"the row's 类别 wins", "常务会议", "", "市长办公会议", "第3次", false, "市长办公会议", "市长办公会议第3次", ""},
		{"the row's 会议 wins", "常务会议", "", "", "第2次市长专题会议", true, "市长专题会议", "市长专题会议第2次", ""},
		{"the heading wins", "常务会议", "二、市长办公会议议定事项", "", "第4次", true, "市长办公会议", "市长办公会议第4次", ""},
		{"类别 holding the meeting", "台账", "", "市政府第5次常务会议", "", false, "市政府常务会议", "市政府常务会议第5次",
			"类别“市政府第5次常务会议”是完整的会议名称，会议按市政府常务会议第5次统计"},
		{"类别 holding the meeting with its year", "台账", "", "2024年第五次市政府常务会议", "", false, "市政府常务会议", "市政府常务会议第5次",
			"类别“2024年第五次市政府常务会议”是完整的会议名称，会议按市政府常务会议第5次统计"},
		{"类别 holding the meeting, bracketed session", "台账", "", "市长办公会议（第7次）", "", false, "市长办公会议", "市长办公会议第7次",
			"类别“市长办公会议（第7次）”是完整的会议名称，会议按市长办公会议第7次统计"},
		{"类别 holding the meeting, 会议 given", "台账", "", "市政府第十次专题会议", "第11次", false, "市长专题会议", "市长专题会议第11次", ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := RawRow{Pos: Pos{File: "f.xlsx", Sheet: c.sheet, Row: 3}, Group: c.group, UnitFromFile: "市交通运输局"}
			vals := map[Field]string{FieldCategory: c.cat, FieldMeeting: c.meeting, FieldContent: "加快推进城区公交线网优化调整",
				FieldLead: "市交通运输局", FieldDeadline: "2024-06-30", FieldStatus: "推进中"}
			for f, val := range vals {
				if f == FieldCategory && c.noCat {
					continue
				}
				r.Cols[f] = int(f) + 1
				r.Vals[f] = val
			}
			it, probs, ok := v.Row(&r)
			if !ok {
				t.Fatalf("row excluded: %v", probs)
			}
			if it.Category != c.wantCat || it.MeetingName != c.wantMeeting {
				t.Errorf("category, meeting = %s, %s; want %s, %s", it.Category, it.MeetingName, c.wantCat, c.wantMeeting)
			}
			var notices []string
			for _, p := range probs {
				if p.Field == FieldCategory.String() {
					notices = append(notices, fmt.Sprintf("%s %s", p.Level, p.Msg))
				}
			}
			want := ""
			if c.notice != "" {
				want = Notice.String() + " " + c.notice
			}
			if got := strings.Join(notices, "\n"); got != want {
				t.Errorf("category problems = %q, want %q", got, want)
			}
		})
	}

	// Neither the row nor its context names a category: still an error.
	r := RawRow{Pos: Pos{File: "f.xlsx", Sheet: "Sheet1", Row: 3}, UnitFromFile: "市交通运输局"}
	for f, val := range map[Field]string{FieldMeeting: "第3次", FieldContent: "做好春运交通运输保障工作",
		FieldDeadline: "2024-06-30", FieldStatus: "推进中"} {
		r.Cols[f], r.Vals[f] = int(f)+1, val
	}
	if _, probs, ok := v.Row(&r); ok || len(probs) != 1 || probs[0].Msg != fmt.Sprintf(msgNoCategory, "第3次")+msgExcluded {
		t.Errorf("no category anywhere: ok = %v, problems %v", ok, probs)
	}
}

// TestPendingRow: a row waits for the run's reporting year when its own context gives none
// (SPEC §4.1, §4.2): its yearless dates and its meeting's year take the run's; a row with a
// year of its own is read at once.
func TestPendingRow(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2025, 1, 15))
	row := func(deadline, meeting, meetingDate string, title int) RawRow {
		r := RawRow{Pos: Pos{File: "f.xlsx", Sheet: "台账", Row: 3}, TitleYear: title, TitleYearFrom: yearFromTitle}
		r.Vals[FieldDeadline], r.Vals[FieldMeeting], r.Vals[FieldMeetingDate] = deadline, meeting, meetingDate
		for _, f := range []Field{FieldCategory, FieldContent, FieldDeadline, FieldStatus} {
			r.Cols[f] = int(f) + 1
		}
		return r
	}
	for _, c := range []struct {
		name string
		row  RawRow
		want bool
	}{
		{"the meeting date's year", row("9月底前", "第3次", "2024-03-05", 0), false},
		{"the title's year", row("9月底前", "第3次", "", 2024), false},
		{"the meeting name's year", row("9月底前", "2024年第3次", "", 0), false},
		{"a yearless meeting date", row("2024-09-30", "第3次", "3月5日", 0), true},
		{"no year of its own", row("2024-09-30", "第4次", "", 0), true},
	} {
		if got := v.parse(&c.row, RunYear{}).dates.pending; got != c.want {
			t.Errorf("%s: pending = %v, want %v", c.name, got, c.want)
		}
		if got := v.parse(&c.row, RunYear{2024, yearFromMeetings}).dates.pending; got {
			t.Errorf("%s: pending with the run's year known", c.name)
		}
	}
}

// FuzzYearFromLines: the lines above a header are anything a unit wrote; a year found is
// within 2000–2100 and said to come from the title or the 填报日期 line.
func FuzzYearFromLines(f *testing.F) {
	for _, s := range []string{"市教育局2024年度督查事项落实台账", "填报日期：2024年12月20日", "填报时间|45657",
		"（截至2024年11月30日）", "二〇二四年度", "〔2024〕5号", "填报日期：|2024.6", "20242024年"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		y, from := yearFromLines(textLines([][]string{strings.Split(s, "|")}), false)
		if y != 0 && (y < 2000 || y > 2100 || from != yearFromTitle && from != yearFromDateLine) || y == 0 && from != "" {
			t.Errorf("yearFromLines(%q) = %d, %q", s, y, from)
		}
	})
}

// textLines turns lines of text into rows of text cells, as the reader hands them over.
func textLines(lines [][]string) [][]xlsx.Cell {
	out := make([][]xlsx.Cell, len(lines))
	for i, l := range lines {
		out[i] = textCells(l)
	}
	return out
}
