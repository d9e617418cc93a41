package sheets

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestStatusWords: every status word of the built-in dictionary taken from published
// 督查通报 (the sources are cited beside each line of templates/dictionary.txt and repeated
// here) is the class the bulletin counts it in. Matching is of the whole word, so a word that
// contains another (未完成 ⊃ 完成, 未开工 ⊃ 开工) keeps its own class.
func TestStatusWords(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range []struct {
		word string
		want Status
	}{
		// https://www.ahjinzhai.gov.cn/public/6596281/38062166.html "已完成和提前完成24个"
		{"提前完成", Done}, {"已提前完成", Done},
		// https://sthjj.cnbz.gov.cn/ztzl/msgc/14460961.html "已提前完成或超额完成年度目标任务的有3项"
		{"超额完成", Done}, {"已超额完成", Done},
		// https://zydjyzx.com/html/HtmlMCAFDCN8I35.html "已办理完成13项，正在办理6项"
		{"已办理完成", Done}, {"办理完成", Done},
		// https://www.zyx.gov.cn/Content-2463854.html "直至办结销号"
		{"销号", Done},
		// http://www.ruijin.gov.cn/rjsxxgk/rjin80885/202211/4b9971a0f2914baa97d9707b3c846fd6.shtml "已整改40项"
		{"整改到位", Done},
		// http://www.hanzhong.gov.cn/hzszf/hdjl/12345rx/202209/db3890416aa44c41b840ba54464d9375.shtml (办结数 | 在办数)
		{"在办", InProgress},
		// https://www.ahjinzhai.gov.cn/public/6596281/38062166.html "达进度的有162个…超进度的有10个…欠进度的有17个"
		{"达进度", InProgress}, {"超进度", InProgress}, {"欠进度", InProgress},
		// https://www.xuancheng.gov.cn/OpennessContent/show/2044556.html "达到序时进度44项…未达到序时进度11项"
		{"达序时进度", InProgress}, {"达到序时进度", InProgress}, {"已达序时进度", InProgress},
		{"未达序时进度", InProgress}, {"未达到序时进度", InProgress},
		// https://www.xiaomilidoc.com/p-9719896.html "超序时进度及按序时进度正常推进的51个"
		{"超序时进度", InProgress}, {"按序时进度推进", InProgress},
		// https://www.chengxiang.gov.cn/zwgk/wmbss/202101/t20210129_1571508.htm "慢序时项目" "正按序时推进"
		{"慢序时", InProgress}, {"正按序时推进", InProgress},
		// http://www.guanyun.gov.cn/gyxzf/gsgg/content/1bbcd6da-4ff8-4724-b7ae-54239c220f9a.html "均未达序时"
		{"未达序时", InProgress},
		// https://www.shouxian.gov.cn/public/118322644/1259257664.html "部分指标滞后序时"
		{"滞后序时", InProgress},
		// https://www.zyx.gov.cn/Content-2463854.html "16件正在办理。其中…进展滞后"
		{"进展滞后", InProgress}, {"滞后", InProgress},
		// http://www.cncn.gov.cn/art/2022/12/14/art_1229664772_59047997.html "进度滞后" "严重滞后"
		{"进度滞后", InProgress}, {"严重滞后", InProgress},
		// https://sthjj.cnbz.gov.cn/ztzl/msgc/14460961.html "正常推进的有4项…推进缓慢的有3项"
		// http://diseaseprevention5k.com/kpsfzhggj/zdlyxxgk/zdxm/content/post_2374813.html "进展缓慢和滞后的原因"
		{"正常推进", InProgress}, {"推进缓慢", InProgress}, {"进展缓慢", InProgress},
		// https://www.zhp.gov.cn/Content-2244518.html "完成385项，正在办理20项": not finished is being handled
		{"未完成", InProgress}, {"超期未完成", InProgress}, {"逾期未完成", InProgress},
		// https://www.zyx.gov.cn/Content-2463854.html "紧盯未办结事项" (已办结6件, 正在办理16件)
		{"未办结", InProgress},
		// http://www.huichang.gov.cn/hcxxxgk/hc1373/202403/ac532136c88e40c999782114a0b6a02f.shtml "已开工事项65件"
		{"已开工", InProgress},
		// https://www.zyx.gov.cn/Content-2717260.html "取得阶段性成果并持续推进事项25件" (inside 正在办理)
		{"取得阶段性成果", InProgress}, {"已取得阶段性成果", InProgress},
		// https://raw.githubusercontent.com/duyunzhoudyz/dyz-gongwen-skills/f88e395d0201935bdfe8969f58d316f8b6b81c22/skills/gongwen-minutes/references/supervision-list.md
		{"申请延期", InProgress}, {"已延期", InProgress}, {"待办理", NotStarted},
		// https://www.zyx.gov.cn/Content-2717260.html "开工2个，未开工3个";
		// http://www.tianlingjianzhu.com/content/bangongting/content-57-7370-1.html "尚未开工的54个项目"
		{"未开工", NotStarted}, {"尚未开工", NotStarted}, {"暂未开工", NotStarted},
		// https://www.ahjinzhai.gov.cn/public/6596281/38062166.html "暂未开启或推进缓慢"
		{"暂未开启", NotStarted},
		// the words that contain another keep their own class
		{"完成", Done}, {"办结", Done}, {"推进", InProgress},
	} {
		if got, ok := d.Status(c.word); !ok || got != c.want {
			t.Errorf("Status(%q) = %v %v, want %v", c.word, got, ok, c.want)
		}
	}
}

// TestStatusPunctuation: punctuation and spaces around a status word never change it (SPEC
// §4.2), as when the word is copied out of a sentence: "已办理完成13项，正在办理6项。"
// (https://zydjyzx.com/html/HtmlMCAFDCN8I35.html). Inside the word they do.
func TestStatusPunctuation(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range []struct {
		cell string
		want Status
		ok   bool
	}{
		{"已完成。", Done, true},
		{"办理中；", InProgress, true},
		{"正在推进，", InProgress, true},
		{"尚未启动。", NotStarted, true},
		{" 在办 ", InProgress, true},
		{"“已办结”", Done, true},
		{"（推进中）", InProgress, true},
		{"、未开工", NotStarted, true},
		{"已完成!", Done, true},
		{"未完成…", InProgress, true},
		{"已完成。已归档", 0, false},
		{"已，完成", 0, false},
		{"。", 0, false},
		{"", 0, false},
	} {
		got, ok := d.Status(c.cell)
		if ok != c.ok || got != c.want {
			t.Errorf("Status(%q) = %v %v, want %v %v", c.cell, got, ok, c.want, c.ok)
		}
	}
}

func TestTrimPunct(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"已完成。":        "已完成",
		"办理中；":        "办理中",
		"2024年10月底前；": "2024年10月底前",
		"“推进中”":       "推进中",
		"　已办结　":       "已办结",
		"(已落实)":       "已落实",
		"2023-06-30":  "2023-06-30",
		"已完成。已归档":     "已完成。已归档",
		"/":           "/",
		"——":          "——",
		"":            "",
	} {
		if got := TrimPunct(in); got != want {
			t.Errorf("TrimPunct(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestUnclearStatus: words that do not say whether the item is done stay errors (SPEC §4.3),
// each with the reason and what to write. Sources in sheets/statuswords.go.
func TestUnclearStatus(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	partial := "只说明基本或部分完成，没有说明事项是否已全部完成，不能确定属于“已落实”“推进中”“未启动”中的哪一类；" +
		"已全部完成的请填“已落实”，仍有未完成部分的请填“推进中”，具体进度写在进展情况中"
	percent := "是进度百分比，没有说明事项是否已完成，不能确定属于“已落实”“推进中”“未启动”中的哪一类；" +
		"已全部完成的请填“已落实”，仍有未完成部分的请填“推进中”，具体进度写在进展情况中"
	cancelled := "表示事项已撤销、取消或调整，没有说明其落实情况，不能确定属于“已落实”“推进中”“未启动”中的哪一类；" +
		"仍需办理的请填“推进中”或“未启动”；经批准撤销或调整的，请在备注中写明依据，并与督查部门确认是否从台账中删除"
	paused := "表示事项暂缓（暂停）办理，没有说明其进度，不能确定属于“已落实”“推进中”“未启动”中的哪一类；" +
		"请按实际填“推进中”或“未启动”，并在备注中写明暂缓的原因和依据"
	notDone := "只说明尚未落实，没有说明是否已经开始办理，不能确定属于“已落实”“推进中”“未启动”中的哪一类；" +
		"已开始办理的请填“推进中”，尚未开始的请填“未启动”"
	for _, c := range []struct{ cell, want string }{
		{"基本完成", "落实状态“基本完成”" + partial},
		{"已基本完成", "落实状态“已基本完成”" + partial},
		{"基本落实", "落实状态“基本落实”" + partial},
		{"部分完成", "落实状态“部分完成”" + partial},
		{"部分整改", "落实状态“部分整改”" + partial},
		{"大部分完成", "落实状态“大部分完成”" + partial},
		{"基本完成。", "落实状态“基本完成。”" + partial},
		{"80%", "落实状态“80%”" + percent},
		{"８０％", "落实状态“８０％”" + percent},
		{"完成95%", "落实状态“完成95%”" + percent},
		{"100%", "落实状态“100%”" + percent},
		{"百分之六十", "落实状态“百分之六十”" + percent},
		{"已撤销", "落实状态“已撤销”" + cancelled},
		{"取消", "落实状态“取消”" + cancelled},
		{"不再实施", "落实状态“不再实施”" + cancelled},
		{"已调整", "落实状态“已调整”" + cancelled},
		{"暂缓", "落实状态“暂缓”" + paused},
		{"暂缓实施", "落实状态“暂缓实施”" + paused},
		{"暂停", "落实状态“暂停”" + paused},
		{"未落实", "落实状态“未落实”" + notDone},
		{"未整改", "落实状态“未整改”" + notDone},
		{"长期坚持", "落实状态“长期坚持”是完成时限的写法，不是落实状态，不能确定属于“已落实”“推进中”“未启动”中的哪一类；请填“已落实”“推进中”或“未启动”，“长期坚持”应写在完成时限栏"},
		{"常态化", "落实状态“常态化”是完成时限的写法，不是落实状态，不能确定属于“已落实”“推进中”“未启动”中的哪一类；请填“已落实”“推进中”或“未启动”，“常态化”应写在完成时限栏"},
		{"已汇报", "落实状态“已汇报”无法识别，应为“已落实”“推进中”或“未启动”（或词典中的其他写法）"},
		// a status that merely begins with a no-deadline word is not called a deadline word
		{"持续推进中", "落实状态“持续推进中”无法识别，应为“已落实”“推进中”或“未启动”（或词典中的其他写法）"},
		{"长期坚持。", "落实状态“长期坚持。”是完成时限的写法，不是落实状态，不能确定属于“已落实”“推进中”“未启动”中的哪一类；请填“已落实”“推进中”或“未启动”，“长期坚持”应写在完成时限栏"},
	} {
		if _, ok := d.Status(c.cell); ok {
			t.Errorf("Status(%q) recognised, want an error", c.cell)
		}
		if got := d.statusMessage(c.cell); got != c.want {
			t.Errorf("statusMessage(%q) =\n%s\nwant\n%s", c.cell, got, c.want)
		}
	}
	// The examples README's 台账的写法 shows are the words each rule explains.
	for _, u := range unclearStatuses {
		for _, w := range u.examples {
			if got := d.statusMessage(w); !strings.Contains(got, u.why) {
				t.Errorf("example %q of %q explained as %s", w, u.why, got)
			}
		}
	}
}

// TestUnclearStatusOverridden: an office that counts 基本完成 as done says so in its dictionary,
// and the dictionary wins over the explanation.
func TestUnclearStatusOverridden(t *testing.T) {
	t.Parallel()
	d, err := ParseDict("[类别]\n市政府常务会议\t会议\n[落实状态]\n已落实\t基本完成\n")
	if err != nil {
		t.Fatal(err)
	}
	if got, ok := d.Status("基本完成。"); !ok || got != Done {
		t.Errorf("Status(基本完成。) = %v %v, want 已落实", got, ok)
	}
}

// TestReadDeadline: 完成时限 as units write it (SPEC §4.2). No-deadline phrasings begin with a
// dictionary word — undated tasks in a 分工方案 are worded "持续深化…", "长期坚持…" beside dated
// ones "2022年10月底前…" (https://newton.com.tw/wiki/…/61994341, cited in gen_layouts.py) — and
// punctuation around a date never changes it. A no-deadline word with a date is an error: the
// cell does not say whether the item has a deadline.
func TestReadDeadline(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	dated := func(w string) string {
		return fmt.Sprintf("既有表示无明确时限的“%s”，又写了日期或期限，无法确定有没有完成时限；有明确时限的请只写时限（如 2024年6月底前），没有的请只写“%s”", w, w)
	}
	for _, c := range []struct {
		cell string
		want string // a date, 无 for 无明确时限, or the exact error
	}{
		{"常态化开展", "无"},
		{"持续跟进", "无"},
		{"长期推进", "无"},
		{"持续抓好落实", "无"},
		{"长期坚持", "无"},
		{"长期", "无"},
		{"常态化推进。", "无"},
		{"“持续开展”", "无"},
		{"长期坚持，日常巡查", "无"},
		{"", "无"},
		{"2024年10月底前；", "2024-10-31"},
		{"2024年6月30日。", "2024-06-30"},
		{"（2024年底前）", "2024-12-31"},
		{" 2024-06-30， ", "2024-06-30"},
		{"6月底前。", "2024-06-30"},
		{"持续推进，2024年6月底前完成", dated("持续推进")},
		{"长期坚持，每年12月31日前报送", "无"},
		{"常态化开展，每月10日前报送进展", "无"},
		{"长期坚持，2024年12月31日前每月报送", dated("长期坚持")},
		{"常态化开展，年底前完成", dated("常态化")},
		{"持续推进至十二月", dated("持续推进")},
		{"长期（三季度末评估）", dated("长期")},
		{"持续两年", dated("持续")},
		{"/", "无"}, // a slash alone is no deadline (SPEC §4.2, as revised by issue 19)
		{"——", "无"},
		{"9月30日前全面完成", "2024-09-30"},
		{"2024年10月底前建成投用", "2024-10-31"},
		{"6月底前完成50%", "无法识别为日期或时限，应写成 2023-06-30、2023年6月底前、2023年底前，或写“长期”等表示无明确时限"},
		{"2024年1月起实施", "无法识别为日期或时限，应写成 2023-06-30、2023年6月底前、2023年底前，或写“长期”等表示无明确时限"},
		{"尽快", "无法识别为日期或时限，应写成 2023-06-30、2023年6月底前、2023年底前，或写“长期”等表示无明确时限"},
		{"推进中长期", "无法识别为日期或时限，应写成 2023-06-30、2023年6月底前、2023年底前，或写“长期”等表示无明确时限"},
	} {
		dl, err := v.readDeadline(c.cell, 2024, false)
		var got string
		switch {
		case err != nil:
			got = err.Error()
		case dl.None:
			got = "无"
		default:
			got = dl.Date.Format(time.DateOnly)
		}
		if got != c.want {
			t.Errorf("readDeadline(%q) = %s, want %s", c.cell, got, c.want)
		}
	}
	// Stems are for 完成时限 only: a status is matched whole.
	if _, ok := v.dict.Status("持续推进中"); ok {
		t.Error("Status(持续推进中) recognised: a status word is matched whole")
	}
}

func TestNoDeadlineWord(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range []struct {
		cell, word string
		dated      bool
	}{
		{"长期坚持", "长期坚持", false},
		{"长期推进", "长期", false},
		{"持续推进工作", "持续推进", false},
		{"持续跟进", "持续", false},
		{"常态化开展", "常态化", false},
		{"常态化开展，每季度通报", "常态化", false},
		{"持续推进，每月5日前报送", "持续推进", false},
		{"持续推进至2024年底，每月报送", "持续推进", true},
		{"持续推进，2024年6月底前", "持续推进", true},
		{"持续推进，六月底前", "持续推进", true},
		{"长期坚持（全年）", "长期坚持", false},
		{"2024年底前", "", false},
		{"推进中长期", "", false},
	} {
		w, dated := d.NoDeadlineWord(c.cell)
		if w != c.word || dated != c.dated {
			t.Errorf("NoDeadlineWord(%q) = %q %v, want %q %v", c.cell, w, dated, c.word, c.dated)
		}
	}
}

// TestValidateWords: a row as units write it, through the row rules: status and deadline
// with punctuation, a no-deadline stem, and the error of a dated no-deadline word at its cell.
func TestValidateWords(t *testing.T) {
	t.Parallel()
	v := NewValidator(testDict(t), date(2024, 12, 20))
	base := []string{"类别", "市政府常务会议", "会议", "第5次常务会议", "会议日期", "2024-03-01", "事项内容", "做好某项工作",
		"牵头单位", "市统计局"}
	for _, c := range []struct {
		name, deadline, status string
		wantDeadline           string // "" for 无明确时限
		wantStatus             Status
	}{
		{"status with a full stop", "2024年10月底前；", "已完成。", "2024-10-31", Done},
		{"status with a semicolon", "2024-06-30", "办理中；", "2024-06-30", InProgress},
		{"no-deadline stem", "常态化开展", "正在推进，", "", InProgress},
		{"schedule word", "持续抓好落实", "未达序时", "", InProgress},
		{"not started", "长期推进", "未开工", "", NotStarted},
	} {
		t.Run(c.name, func(t *testing.T) {
			r := row(9, append(append([]string(nil), base...), "完成时限", c.deadline, "落实状态", c.status,
				"完成日期", map[bool]string{true: "2024-05-06。"}[c.wantStatus == Done])...)
			it, probs, ok := v.Row(&r)
			if !ok {
				t.Fatalf("row excluded: %v", probs)
			}
			got := ""
			if !it.Deadline.IsZero() {
				got = it.Deadline.Format(time.DateOnly)
			}
			if got != c.wantDeadline || it.Status != c.wantStatus {
				t.Errorf("deadline %q status %v, want %q %v", got, it.Status, c.wantDeadline, c.wantStatus)
			}
			if c.wantStatus == Done && !it.Done.Equal(date(2024, 5, 6)) {
				t.Errorf("完成日期 %v, want 2024-05-06", it.Done)
			}
			if len(probs) != 0 {
				t.Errorf("problems %v, want none", probs)
			}
		})
	}
	r := row(10, append(append([]string(nil), base...), "完成时限", "持续推进，2024年6月底前完成", "落实状态", "推进中")...)
	_, probs, ok := v.Row(&r)
	want := "市统计局.xlsx!台账!J10: 错误: 完成时限“持续推进，2024年6月底前完成”既有表示无明确时限的“持续推进”，又写了日期或期限，" +
		"无法确定有没有完成时限；有明确时限的请只写时限（如 2024年6月底前），没有的请只写“持续推进”" + msgExcluded
	if ok || len(probs) != 1 || probs[0].String() != want {
		t.Errorf("dated no-deadline word: ok=%v problems %v, want\n%s", ok, probs, want)
	}
}

// TestCategoryPunctuation: a category written with a trailing full stop is still the category.
func TestCategoryPunctuation(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, s := range []string{"市政府常务会议。", "“市长批示件”", "两报告；"} {
		c, ok := d.Category(s)
		if !ok || c.Name != TrimPunct(strings.Trim(s, "“”")) {
			t.Errorf("Category(%q) = %v %v", s, c, ok)
		}
	}
}
