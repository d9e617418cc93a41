package books

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// TestWriteBrief writes the briefing on the sample's 14th executive meeting: the workbook
// holds the title, the narrative, the items with colour only on 预警, and it is skipped as
// duban's own when left among the inputs.
func TestWriteBrief(t *testing.T) {
	d := testDict(t)
	r := sampleReport(t, d)
	b, err := sheets.Brief(r, d, "市政府第十四次常务会议")
	if err != nil {
		t.Fatal(err)
	}
	want := b.Narrative
	path := filepath.Join(t.TempDir(), BriefFileName(b))
	if filepath.Base(path) != "市政府常务会议第14次议定事项落实情况_20241220.xlsx" {
		t.Errorf("file name %s", filepath.Base(path))
	}
	if err := WriteBrief(path, b, "x市人民政府办公室"); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(SheetBrief)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "市政府第14次常务会议议定事项落实情况" || rows[1][0] != "制表单位：x市人民政府办公室    统计截止：2024年12月20日" {
		t.Errorf("titles %q %q", rows[0][0], rows[1][0])
	}
	if rows[2][0] != want {
		t.Errorf("narrative line %q", rows[2][0])
	}
	if got := strings.Join(rows[3], "|"); got != "序号|事项内容|牵头单位|责任领导|完成时限|落实状态|进展情况|预警" {
		t.Errorf("header %s", got)
	}
	if got := strings.Join(rows[4][:6], "|"); got != "1|研究制定智慧交通平台建设相关工作|市交通运输局|赵副市长|2024-12-07|推进中" {
		t.Errorf("first item %s", got)
	}
	if rows[4][7] != "逾期" || len(rows) != 4+len(b.Items) {
		t.Errorf("alert %q, %d rows", rows[4][7], len(rows))
	}
	// Colour only on 预警: the overdue cell is filled, its row's content is not.
	fill := func(cell string) string {
		id, _ := f.GetCellStyle(SheetBrief, cell)
		st, _ := f.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 {
			return ""
		}
		return st.Fill.Color[0]
	}
	if fill("H5") == "" || fill("B5") != "" {
		t.Errorf("fills: 预警 %q, 事项内容 %q", fill("H5"), fill("B5"))
	}
	if h, _ := f.GetRowHeight(SheetBrief, 3); h < 2*xlsxout.LineHeight {
		t.Errorf("narrative row height %v", h)
	}
	ps, _ := f.GetPageLayout(SheetBrief)
	if ps.Orientation == nil || *ps.Orientation != "landscape" || ps.Size == nil || *ps.Size != 9 {
		t.Errorf("page layout %+v", ps)
	}
	// Left among the inputs, the briefing is skipped as duban's own workbook.
	if _, probs := sheets.ReadFile(path, d, sheets.ReadOptions{}); len(probs) != 1 || probs[0].Msg != "这是duban生成的会议通报，不是单位报送的台账，已跳过" {
		t.Errorf("reading the briefing: %v", probs)
	}
}

func TestSafeName(t *testing.T) {
	for in, want := range map[string]string{"市财政局": "市财政局", "A/B:C": "A_B_C", " .. ": "未命名", "": "未命名"} {
		if got := SafeName(in); got != want {
			t.Errorf("SafeName(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSafeNameLong: a meeting or unit named at length (found by QA: a 75-character unit name
// made brief and remind fail with "file name too long", so that no reminder was written at
// all) still gives a file name that can be written.
func TestSafeNameLong(t *testing.T) {
	long := strings.Repeat("市城乡建设和交通运输综合行政执法支队", 5) // 90 characters
	name := SafeName(long)
	if n := len([]rune(name)); n != MaxNameRunes || !strings.HasPrefix(long, name) {
		t.Errorf("SafeName kept %d characters: %q", n, name)
	}
	for _, s := range []string{long + "_催办单_20241220.xlsx", SafeName("a/b:c*d?") + ".xlsx"} {
		path := filepath.Join(t.TempDir(), SafeName(strings.TrimSuffix(s, ".xlsx"))+".xlsx")
		if err := os.WriteFile(path, []byte("x"), 0o644); err != nil {
			t.Errorf("%q: %v", s, err)
		}
	}
	if got := SafeName(" ..  "); got != "未命名" {
		t.Errorf("SafeName of dots = %q", got)
	}
}
