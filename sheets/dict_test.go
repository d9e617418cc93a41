package sheets

import (
	"os"
	"strings"
	"testing"

	"github.com/duban/duban/internal/zhtext"
)

func TestBuiltinDict(t *testing.T) {
	d := testDict(t)
	var names []string
	for _, c := range d.Categories {
		names = append(names, c.Name+"/"+c.Kind.String())
	}
	want := "市委常委会议/会议 书记专题会议/会议 市政府常务会议/会议 市长办公会议/会议 市长专题会议/会议 省政府督办件/批示 书记批示件/批示 市长批示件/批示 两报告/任务"
	if got := strings.Join(names, " "); got != want {
		t.Errorf("categories = %s", got)
	}
	for meeting, want := range map[string]string{
		"市政府第五次常务会议":   "市政府常务会议",
		"第5次常务会议":      "市政府常务会议",
		"市政府常务会议（第5次）": "市政府常务会议",
		"第3次市长专题会议":    "市长专题会议",
		"第3次书记专题会议":    "书记专题会议",
		"市长办公会（第2次）":   "市长办公会议",
		"市委常委会第9次会议":   "市委常委会议",
		"2024年两报告":     "两报告",
		"〔2024〕5号":     "",
		"":             "",
	} {
		c, ok := d.CategoryOf(meeting)
		got := ""
		if ok {
			got = c.Name
		}
		if got != want {
			t.Errorf("CategoryOf(%q) = %q, want %q", meeting, got, want)
		}
	}
	for header, want := range map[string]Field{"完成\n时限": FieldDeadline, " 类 别 ": FieldCategory, "*牵头单位": FieldLead,
		"责任单位": FieldLead, "办理状态": FieldStatus, "议定事项": FieldContent, "落实情况": FieldProgress,
		"计划完成时间": FieldDeadline, "牵头部门": FieldLead, "实际完成日期": FieldDone, "推进情况": FieldProgress} {
		if f, ok := d.Column(header); !ok || f != want {
			t.Errorf("Column(%q) = %v %v, want %v", header, f, ok, want)
		}
	}
	for s, want := range map[string]Status{"已销号": Done, "序时推进": InProgress, "尚未启动": NotStarted, " 已落实 ": Done,
		"进行中": InProgress, "持续推进": InProgress, "暂未启动": NotStarted, "完成销号": Done} {
		if got, ok := d.Status(s); !ok || got != want {
			t.Errorf("Status(%q) = %v %v, want %v", s, got, ok, want)
		}
	}
	if _, ok := d.Status("基本完成"); ok {
		t.Error("基本完成 recognised as a status")
	}
	if !d.IsNoDeadline("长期坚持") || d.IsNoDeadline("2024年底") {
		t.Error("no-deadline words wrong")
	}
	if d.WarnDays != 7 {
		t.Errorf("WarnDays = %d", d.WarnDays)
	}
	if d.Office != "" {
		t.Errorf("the built-in dictionary names an office: %q", d.Office)
	}
}

func TestParseDictErrors(t *testing.T) {
	for _, c := range []struct{ text, want string }{
		{"[类别]\n市长会议\t会面\n", "词典第2行：类别“市长会议”的种类“会面”无效，应为 会议、批示 或 任务"},
		{"[类别]\nA\t会议\tX\nB\t会议\tX\n", "词典：写法“X”同时属于类别“A”和“B”"},
		{"[类别]\nA\t会议\n[落实状态]\n已落实\t推进\n推进中\t推进\n", "词典：落实状态写法“推进”同时属于“已落实”和“推进中”"},
		{"A\t会议\n", "词典第1行：不在任何一节中（缺少 [类别] 这样的节名）"},
		{"[类别]\nA\t会议\n[设置]\n临期天数\t七\n", "词典第4行：临期天数“七”应为 0 到 366 之间的整数"},
		{"[落实状态]\n", "词典没有任何类别（[类别] 一节为空）"},
		{"[类别]\nA\t会议\n[设置]\n刊名\t" + strings.Repeat("督", 41) + "\n", "词典第4行：刊名“" + strings.Repeat("督", 41) + "”有41个字，过长（不超过40个字）"},
		{"[类别]\nA\t会议\n[设置]\n期号\t3\n", "词典第4行：未知设置“期号”（可用：临期天数、制表单位、刊名、密级标注、联系人、联系电话、按期办结率入摘要、下一步工作要求）"},
	} {
		_, err := ParseDict(c.text)
		if err == nil || err.Error() != c.want {
			t.Errorf("ParseDict(%q) error = %v, want %s", c.text, err, c.want)
		}
	}
}

// FuzzParseDict: any dictionary text either fails with a message or gives a dictionary whose
// lookups work and whose every category is found by its own name.
func FuzzParseDict(f *testing.F) {
	b, err := os.ReadFile("../templates/dictionary.txt")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(b))
	f.Add("[类别]\nA\t批示\tB、C\tD\n[设置]\n临期天数\t3\n")
	f.Add("[类别]\nA\t会议\n[列名]\n事项内容\t任务\n")
	f.Fuzz(func(t *testing.T, text string) {
		d, err := ParseDict(text)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		for _, c := range d.Categories {
			if k, ok := d.Category(c.Name); !ok || k.Name != c.Name && zhtext.Normalize(k.Name) != zhtext.Normalize(c.Name) {
				t.Fatalf("category %q not found by its name", c.Name)
			}
		}
		d.CategoryOf(text)
		d.Status(text)
		d.Column(text)
	})
}
