package sheets

import (
	"os"
	"strings"
	"testing"
	"time"
)

// TestDictDocForms: what 台账的写法 says of 完成时限 is what duban does.
func TestDictDocForms(t *testing.T) {
	v := NewValidator(testDict(t), date(2024, 12, 20))
	for _, f := range docDateForms {
		for _, w := range f.examples {
			dl, err := v.readDeadline(w, 2024, false)
			if err != nil || dl.Date.Format(time.DateOnly) != f.date {
				t.Errorf("readDeadline(%q) = %v %v, README says %s", w, dl.Date, err, f.date)
			}
		}
	}
	// The words shown as read by meaning are so read, and none is a dictionary word.
	d := testDict(t)
	for _, w := range statusMeaningExamples {
		if sr := d.readStatus(w); !sr.ok || !sr.meaning {
			t.Errorf("README shows %q read by meaning: %+v", w, sr)
		}
	}
	for _, h := range headerMeaningExamples {
		if _, meaning, _, ok := d.columnOf(h); !ok || !meaning {
			t.Errorf("README shows the header %q read by its head word: meaning %v ok %v", h, meaning, ok)
		}
	}
	for _, w := range append(noDeadlineMeaningExamples, dateWordsExamples...) {
		if _, err := v.readDeadline(w, 2024, false); err != nil || d.IsNoDeadline(w) {
			t.Errorf("README shows %q read by meaning: %v", w, err)
		}
	}
	for _, w := range unclearDeadlines {
		if dl, err := v.readDeadline(w, 2024, false); err == nil {
			t.Errorf("readDeadline(%q) = %+v, README says it is an error", w, dl)
		}
	}
}

func TestDictDoc(t *testing.T) {
	d, err := ParseDict("[类别]\nA\t会议\n[落实状态]\n已落实\t办结、已销号\n未启动\t未开工\n[无明确时限]\n长期\n常态化\n[列名]\n备注\t说明\n")
	if err != nil {
		t.Fatal(err)
	}
	doc := DictDoc(d)
	for _, line := range []string{
		"| 已落实 | `已落实`、`办结`、`已销号` |",
		"| 推进中 | `推进中` |",
		"| 未启动 | `未启动`、`未开工` |",
		"- `基本完成`、`已基本完成`、`基本落实`、`部分完成`、`部分整改`、`大部分完成`、`基本办结`、`完成八成`：只说明基本或部分完成，没有说明事项是否已全部完成",
		"| `尚未动工` | 未启动 |",
		"| `已办结（6月3日）` | 已落实 |",
		"| `有序推进中` | 推进中 |",
		"| `任务名称` | 事项内容 |",
		"| `实际办结日期` | 完成日期 |",
		"| `预计完成时间` | 完成时限 |",
		"| `市发改委 市财政局` | 市发改委 | 市财政局 |",
		"- `80%`、`完成95%`：是进度百分比，没有说明事项是否已完成",
		"| `2024年底`、`2024年底前`、`年底前`、`2024年内` | 12月31日，即 2024-12-31 |",
		"空白，或以 `长期`、`常态化` 开头的写法（如 `常态化开展`、`持续跟进`、`长期推进`），计为无明确时限；但后面又写了日期的（`持续推进，2024年6月底前完成`）是错误，`常态化开展，每季度通报` 这样的周期不算日期。",
		"| 备注 | `说明` |",
		"| 编号 | — |",
		"| `市城管局、市公安局（牵头）` | 市公安局 | 市城管局 |",
		"| `市水利局牵头，市财政局配合` | 市水利局 | 市财政局 |",
	} {
		if !strings.Contains(doc, "\n"+line+"\n") {
			t.Errorf("DictDoc lacks the line\n%s\nin\n%s", line, doc)
		}
	}
}

// TestReadmeDictDoc: README.md's 台账的写法 between its markers is what DictDoc renders from
// the built-in dictionary. go test ./sheets -run TestReadmeDictDoc -update rewrites it.
func TestReadmeDictDoc(t *testing.T) {
	const path = "../README.md"
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	readme := string(b)
	i, j := strings.Index(readme, DictDocBegin), strings.Index(readme, DictDocEnd)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the markers %s … %s", DictDocBegin, DictDocEnd)
	}
	want := "\n" + DictDoc(testDict(t))
	got := readme[i+len(DictDocBegin) : j]
	if got == want {
		return
	}
	if updateGolden() {
		if err := os.WriteFile(path, []byte(readme[:i+len(DictDocBegin)]+want+readme[j:]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("README.md's 台账的写法 is not what DictDoc renders; run go test ./sheets -run TestReadmeDictDoc -update and review the diff")
}
