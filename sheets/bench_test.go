package sheets

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// Benchmarks per stage, so a regression shows up where it happens:
//
//	go test ./sheets -run '^$' -bench . -benchmem
//
// Read and ReadFast read a corpus of benchFiles ledgers × benchRows items written in the
// setup; Validate, Merge and Summarize run on the rows read from it; Write (write_test.go)
// writes a report of 20,000 items. scripts/bench.sh measures the whole command on big
// corpora against the floor and pandas.
const (
	benchFiles = 20
	benchRows  = 500
	benchCols  = 11
)

// writeBenchCorpus writes files ledgers of rows items each, the canonical layout with a title
// row and a 填报单位 line, real Excel dates and text deadlines, in dir.
func writeBenchCorpus(b *testing.B, dir string, files, rows int) []string {
	b.Helper()
	cats := []string{"市委常委会议", "市政府常务会议", "市长办公会议", "市长专题会议", "市长批示件", "两报告"}
	meetings := []string{"市委第%s次常委会议", "市政府第%s次常务会议", "第%s次市长办公会议", "市长专题会议（第%s次）", "〔2024〕%s号", "政府工作报告"}
	statuses := []string{"已落实", "推进中", "未启动", "已完成", "正在推进", "已办结", "序时推进"}
	header := []any{"序号", "类别", "会议名称", "会议日期", "事项内容", "牵头单位", "责任领导", "完成时限", "落实状态", "完成日期", "进展情况"}
	var paths []string
	for i := range files {
		unit := fmt.Sprintf("市第%d局", i+1)
		f := excelize.NewFile()
		dateStyle, err := f.NewStyle(&excelize.Style{NumFmt: 14})
		if err != nil {
			b.Fatal(err)
		}
		sw, err := f.NewStreamWriter("Sheet1")
		if err != nil {
			b.Fatal(err)
		}
		set := func(row int, vals []any) {
			if err := sw.SetRow(fmt.Sprintf("A%d", row), vals); err != nil {
				b.Fatal(err)
			}
		}
		set(1, []any{unit + "2024年度督查事项落实台账"})
		set(2, []any{"填报单位：" + unit + "    填报日期：2024年12月18日"})
		set(3, header)
		for r := range rows {
			k := (r*7 + i) % len(cats)
			num := fmt.Sprint(r%30 + 1)
			meeting := meetings[k]
			if strings.Contains(meeting, "%s") {
				meeting = fmt.Sprintf(meeting, num)
			}
			mdate := time.Date(2024, time.Month(1+r%12), 1+r%28, 0, 0, 0, 0, time.UTC)
			var deadline any = fmt.Sprintf("2024年%d月%d日", 1+(r+3)%12, 1+r%28)
			if r%3 == 0 {
				deadline = excelize.Cell{StyleID: dateStyle, Value: mdate.AddDate(0, 2, 0)}
			}
			status := statuses[(r+i)%len(statuses)]
			var done any
			if strings.HasPrefix(status, "已") {
				done = excelize.Cell{StyleID: dateStyle, Value: mdate.AddDate(0, 1, 0)}
			}
			set(4+r, []any{r + 1, cats[k], meeting, excelize.Cell{StyleID: dateStyle, Value: mdate},
				fmt.Sprintf("推进%s第%d项重点工作，按期完成建设任务并组织验收", unit, r+1), unit, "张副市长",
				deadline, status, done, "已完成年度计划的百分之六十，正在组织验收"})
		}
		if err := sw.MergeCell("A1", "K1"); err != nil {
			b.Fatal(err)
		}
		if err := sw.Flush(); err != nil {
			b.Fatal(err)
		}
		p := filepath.Join(dir, fmt.Sprintf("%04d_%s.xlsx", i+1, unit))
		if err := f.SaveAs(p); err != nil {
			b.Fatal(err)
		}
		f.Close()
		paths = append(paths, p)
	}
	return paths
}

// benchRawRows reads the bench corpus and returns its rows.
func benchRawRows(b *testing.B, d *Dict) []RawRow {
	b.Helper()
	var all []RawRow
	for _, p := range writeBenchCorpus(b, b.TempDir(), benchFiles, benchRows) {
		rows, probs := ReadFile(p, d, ReadOptions{})
		if fileFailed(probs) {
			b.Fatalf("%s: %v", p, probs)
		}
		all = append(all, rows...)
	}
	if len(all) != benchFiles*benchRows {
		b.Fatalf("read %d rows, want %d", len(all), benchFiles*benchRows)
	}
	return all
}

func reportRows(b *testing.B, rows int) {
	b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
}

func BenchmarkRead(b *testing.B) {
	d := testDict(b)
	files := writeBenchCorpus(b, b.TempDir(), benchFiles, benchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range files {
			if rows, _ := ReadFile(p, d, ReadOptions{}); len(rows) != benchRows {
				b.Fatalf("%s: %d rows", p, len(rows))
			}
		}
	}
	reportRows(b, benchFiles*benchRows)
}

// BenchmarkReadFast reads the same corpus with xlsx.Open alone: package, shared strings and
// sheet cells, without header detection.
func BenchmarkReadFast(b *testing.B) {
	files := writeBenchCorpus(b, b.TempDir(), benchFiles, benchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, p := range files {
			f, err := os.Open(p)
			if err != nil {
				b.Fatal(err)
			}
			fi, err := f.Stat()
			if err != nil {
				b.Fatal(err)
			}
			book, err := xlsx.Open(f, fi.Size(), xlsx.Options{})
			f.Close()
			if err != nil {
				b.Fatal(err)
			}
			if sh := book.Sheets[0]; len(sh.Rows) != benchRows+3 {
				b.Fatalf("%s: %d rows", p, len(sh.Rows))
			}
		}
	}
	reportRows(b, benchFiles*benchRows)
}

func BenchmarkValidate(b *testing.B) {
	d := testDict(b)
	rows := benchRawRows(b, d)
	v := NewValidator(d, date(2024, 12, 20))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if items, _, _ := v.Validate(rows); len(items) != len(rows) {
			b.Fatalf("%d items of %d rows", len(items), len(rows))
		}
	}
	reportRows(b, len(rows))
}

func BenchmarkMerge(b *testing.B) {
	d := testDict(b)
	rows := benchRawRows(b, d)
	items, _, _ := NewValidator(d, date(2024, 12, 20)).Validate(rows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Merge(items, nil)
	}
	reportRows(b, len(items))
}

func BenchmarkSummarize(b *testing.B) {
	d := testDict(b)
	rows := benchRawRows(b, d)
	items, _, _ := NewValidator(d, date(2024, 12, 20)).Validate(rows)
	merged, _, _ := Merge(items, nil)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		Summarize(merged, d, date(2024, 12, 20), 7)
	}
	reportRows(b, len(merged))
}

// BenchmarkBuild is read, validate, merge and summarize of the corpus, files in parallel.
func BenchmarkBuild(b *testing.B) {
	d := testDict(b)
	files := writeBenchCorpus(b, b.TempDir(), benchFiles, benchRows)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if r := Build(files, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7}); r.RowsRead != benchFiles*benchRows {
			b.Fatalf("read %d rows", r.RowsRead)
		}
	}
	reportRows(b, benchFiles*benchRows)
}
