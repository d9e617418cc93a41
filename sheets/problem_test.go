package sheets

import (
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

func TestFormatParts(t *testing.T) {
	for _, c := range []struct {
		format string
		want   []string
	}{
		{"表尾说明行，已跳过", []string{"表尾说明行，已跳过"}},
		{"牵头单位为空，按填报单位（或文件名）取为“%s”", []string{"牵头单位为空，按填报单位（或文件名）取为“", "”"}},
		{"%s“%s”未写年份，按%d年理解为%s", []string{"", "“", "”未写年份，按", "年理解为", ""}},
		{"落实率%5.1f%%，共%-3d项", []string{"落实率", "%，共", "项"}},
	} {
		if got := formatParts(c.format); !slices.Equal(got, c.want) {
			t.Errorf("formatParts(%q) = %q, want %q", c.format, got, c.want)
		}
	}
}

// Every listed format, filled in, is of its own kind: no earlier format of another kind
// takes its messages, with or without a clause appended.
func TestNoticeKinds(t *testing.T) {
	for _, k := range noticeKinds {
		args := make([]any, strings.Count(k.format, "%"))
		for i := range args {
			args[i] = "甲"
		}
		msg := fmt.Sprintf(k.format, args...)
		for _, m := range []string{msg, msg + "；另附说明"} {
			if got := (Problem{Level: Notice, Msg: m}).Kind(); got != k.kind {
				t.Errorf("%q is of kind %q, want %q", m, got, k.kind)
			}
		}
	}
	for _, c := range []struct{ msg, kind string }{
		{fmt.Sprintf(msgLeadFromFile, "市交通运输局"), "牵头单位按填报单位推断"},
		{fmt.Sprintf(msgYearInferred, "8月底前", "统计截止日", 2024, "2024-08-31"), "完成时限补全年份"},
		{fmt.Sprintf(msgDateYearInferred, FieldMeetingDate, "3月5日", 2024, "2024-03-05"), "日期补全年份"},
		{fmt.Sprintf(msgReminderUpdate, "催办单_市商务局.xlsx!催办事项!5") + fmt.Sprintf(msgReminderDeadline, "2025-03-31"), "按催办单反馈更新"},
		{fmt.Sprintf(msgDupByID, "市商务局.xlsx!台账!5", "SW-01"), "重复报送只计一次"},
		{"一条没有登记的提示", kindOther},
	} {
		if got := (Problem{Level: Notice, Msg: c.msg}).Kind(); got != c.kind {
			t.Errorf("%q is of kind %q, want %q", c.msg, got, c.kind)
		}
	}
}

// TestEveryNoticeHasAKind: the terminal counts notices by kind, so every notice duban gives on
// the bundled sample, the hostile corpus and the real-world workbooks has one (a notice
// message added without an entry in noticeKinds would be counted as 其他).
func TestEveryNoticeHasAKind(t *testing.T) {
	d := testDict(t)
	dir := t.TempDir()
	if _, err := hostile.Good(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := hostile.Bad(dir); err != nil {
		t.Fatal(err)
	}
	roots := []string{"../testdata/sample", dir}
	if _, err := os.Stat("../../shared/realworld-xlsx"); err == nil {
		roots = append(roots, "../../shared/realworld-xlsx")
	}
	for _, root := range roots {
		files, probs := Source([]string{root})
		r := Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: d.WarnDays})
		for _, p := range append(probs, r.Problems...) {
			if p.Level == Notice && p.Kind() == kindOther {
				t.Errorf("%s: a notice of no kind: %s", root, p)
			}
		}
	}
}
