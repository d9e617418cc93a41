package books

import (
	"testing"
	"time"

	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// TestUnsentReminder: the line under the heading of the reminder of a unit not heard from says
// that its ledger did not come (or could not be read), by when to report, and where its items
// come from; stdout's count says 未报送 and what it had; a unit of which nothing is known gets a
// blank form.
func TestUnsentReminder(t *testing.T) {
	items := func(n int) []sheets.Reminded {
		xs := make([]sheets.Reminded, n)
		for i := range xs {
			xs[i] = sheets.Reminded{Item: &sheets.Item{Content: "事项", Lead: "市生态环境局"}, Alert: sheets.AlertNormal}
		}
		return xs
	}
	by := Notice{Office: "x市人民政府办公室", AsOf: sampleAsOf, ReplyBy: time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC), Contact: "张明"}
	for _, c := range []struct {
		a           sheets.Absence
		n           int
		notice      Notice
		line, count string
	}{
		{sheets.Absence{Before: 20, BeforeOverdue: 1}, 20, by,
			"市生态环境局：贵单位本期未报送督查事项台账，请于2024年12月31日前报送。下列为上期汇总所列贵单位的20项事项，请逐项更新落实状态、完成日期和进展情况，没有完成时限的事项请填写承诺的完成时限，用本表报送。（x市人民政府办公室，2024年12月20日）联系人：张明。",
			"20项（未报送，上期20项，其中逾期1项）"},
		{sheets.Absence{Due: 3, Assigned: 3}, 3, Notice{AsOf: sampleAsOf},
			"市生态环境局：贵单位本期未报送督查事项台账，请尽快报送。下列为交办清单所列贵单位的3项事项，请逐项更新落实状态、完成日期和进展情况，没有完成时限的事项请填写承诺的完成时限，用本表报送。",
			"3项（未报送，应报事项3项）"},
		{sheets.Absence{Before: 2, Due: 3, Assigned: 1, Unreadable: true}, 3, by,
			"市生态环境局：贵单位本期报送的督查事项台账无法读取，请于2024年12月31日前报送。下列为上期汇总和交办清单所列贵单位的3项事项，请逐项更新落实状态、完成日期和进展情况，没有完成时限的事项请填写承诺的完成时限，用本表报送。（x市人民政府办公室，2024年12月20日）联系人：张明。",
			"3项（台账无法读取，上期2项）"},
		{sheets.Absence{}, 0, by,
			"市生态环境局：贵单位本期未报送督查事项台账，请于2024年12月31日前报送。请在本表中逐项填写贵单位的督查事项后报送。（x市人民政府办公室，2024年12月20日）联系人：张明。",
			"0项（未报送）"},
	} {
		a := c.a
		a.Unit = "市生态环境局"
		rem := sheets.Reminder{Unit: a.Unit, Items: items(c.n), Absent: &a}
		if got := unsentLine(rem, c.notice); got != c.line {
			t.Errorf("line\n got %s\nwant %s", got, c.line)
		}
		sent, err := WriteReminders(t.TempDir(), builtin(t), []sheets.Reminder{rem}, c.notice, nil, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := sent[0].Counts(); got != c.count || sent[0].Items() != c.n || sent[0].Other != c.n {
			t.Errorf("counts %q (%d items, %d others), want %q", got, sent[0].Items(), sent[0].Other, c.count)
		}
		f, err := excelize.OpenFile(sent[0].Path)
		must(t, err)
		rows, _ := f.GetRows(SheetForm)
		f.Close()
		if len(rows) < 2 || rows[1][0] != c.line {
			t.Errorf("the reminder's line: %q", rows)
		}
	}
}
