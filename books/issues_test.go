package books

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// TestIssuesHeading (issue 18): the 问题清单 of an annotated copy lists what the unit must act
// on — errors and warnings — under a heading naming the unit and the date to resubmit by; the
// notices (a 牵头单位 taken from the file name, a footer row skipped) only when asked.
func TestIssuesHeading(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "市商务局.xlsx")
	writeRowsBook(t, in, "台账", [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"市政府第十三次常务会议", "推进外贸稳增长", "市商务局", "2024年2月30日", "推进中", ""},
		{"市政府第十三次常务会议", "举办消费季活动", "", "2024-10-31", "已落实", ""},
		{"填表人：李四　　联系电话：0571-1234567"},
	})
	o := sheets.Options{Dict: testDict(t), AsOf: date(2024, 12, 20), WarnDays: 7}
	r := sheets.Build([]string{in}, o)
	if sheets.Count(r.Problems, sheets.Notice) == 0 {
		t.Fatalf("the ledger gives no notice: %v", r.Problems)
	}
	listed := func(opt AnnotateOptions) (string, []string) {
		out := filepath.Join(dir, "批注"+strings.Repeat("x", len(opt.Unit)))
		if _, _, err := Annotate(out, in, filepath.Base(in), r.Problems, opt); err != nil {
			t.Fatal(err)
		}
		g, err := excelize.OpenFile(filepath.Join(out, "市商务局.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer g.Close()
		rows, _ := g.GetRows(sheets.SheetIssues)
		var levels []string
		for _, row := range rows[2:] {
			levels = append(levels, row[0])
		}
		return rows[0][0], levels
	}
	head, levels := listed(AnnotateOptions{Unit: "市商务局", ReplyBy: date(2024, 12, 27)})
	if !strings.HasPrefix(head, "市商务局：以下1处错误请于2024年12月27日前改正后重新报送，1处警告请核实。\n本表列出") {
		t.Errorf("heading %q", head)
	}
	if strings.Join(levels, " ") != "错误 警告" {
		t.Errorf("listed %v, want the error and the warning only", levels)
	}
	_, levels = listed(AnnotateOptions{Notices: true})
	if len(levels) <= 2 || levels[len(levels)-1] != "提示" {
		t.Errorf("with notices asked for, listed %v", levels)
	}
}
