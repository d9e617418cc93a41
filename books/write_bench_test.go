package books

import (
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/duban/duban/sheets"
)

// BenchmarkWrite writes the report (and its check file) of 20,000 items: the writer's cost
// per item, for the README's Performance section.
//
//	go test ./books -run '^$' -bench Write -benchmem
func BenchmarkWrite(b *testing.B) {
	r := bigReport(20000)
	b.ReportAllocs()
	dir := b.TempDir()
	for b.Loop() {
		if _, err := WriteReport(filepath.Join(dir, "r.xlsx"), r); err != nil {
			b.Fatal(err)
		}
	}
}

// bigReport is a report of n items spread over units and meetings, for benchmarks.
func bigReport(n int) *sheets.Report {
	r := testReport()
	r.Items = make([]sheets.Item, n)
	r.Overdue, r.DueSoon, r.NoDeadline = nil, nil, nil
	r.Problems = r.Problems[:0]
	for i := range r.Items {
		it := &r.Items[i]
		*it = sheets.Item{
			ID: "ID-" + strconv.Itoa(i), Category: "市政府常务会议", Kind: sheets.KindMeeting,
			MeetingName: "市政府常务会议第" + strconv.Itoa(i%40+1) + "次", MeetingDate: ymd(2024, 1+i%12, 1+i%28),
			Content: "推进第" + strconv.Itoa(i) + "项重点工作，按期完成建设任务并组织验收，确保取得实效",
			Lead:    "市第" + strconv.Itoa(i%60) + "局", Co: "各区政府", Leader: "张三",
			Deadline: ymd(2024, 1+i%12, 28), Status: sheets.Status(i % 3), Progress: "正在推进，已完成年度计划的百分之六十",
			Src: sheets.Pos{File: "单位" + strconv.Itoa(i%60) + ".xlsx", Sheet: "台账", Row: 3 + i/60}, Alert: "正常",
		}
		switch i % 10 {
		case 0:
			it.Alert = "逾期"
			r.Overdue = append(r.Overdue, sheets.Flagged{Item: it, Days: i % 100})
		case 1:
			it.Alert = "临期"
			r.DueSoon = append(r.DueSoon, sheets.Flagged{Item: it, Days: i % 7})
		case 2:
			it.Alert, it.Deadline = "无明确时限", time.Time{}
			r.NoDeadline = append(r.NoDeadline, it)
		}
		if i%20 == 0 {
			r.Problems = append(r.Problems, sheets.Problem{Pos: it.Src.At(9), Level: sheets.Level(i % 3), Field: "完成时限",
				Raw: "2023年2月30日", Msg: "完成时限不是有效日期"})
		}
	}
	return r
}
