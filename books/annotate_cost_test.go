package books

import (
	"bytes"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// Inputs whose annotated copy must cost what they hold, not what they declare (issue 20, SPEC
// §2.1): an .xls with one merge over the whole sheet, an .xlsx with a merge on every row. The
// test builds them at a size that annotates in about a second; BenchmarkAnnotateCost at the
// sizes the issue measured (go test ./books -run '^$' -bench AnnotateCost -benchmem).

// costLedger is a ledger of n items whose deadline is every 7th item not a date (an 错误 to mark).
func costLedger(n int) [][]any {
	rows := [][]any{{"编号", "会议", "事项内容", "牵头单位", "完成时限", "落实状态", "备注", "说明"}}
	for i := range n {
		deadline := "2024-12-31"
		if i%7 == 0 {
			deadline = "2023年2月30日"
		}
		rows = append(rows, []any{i + 1, "市长专题会议第7次", fmt.Sprintf("落实事项%d", i+1), "市统计局", deadline, "推进中", "", ""})
	}
	return rows
}

type annotateCostCase struct {
	name        string
	file        string
	small, full int
	build       func(n int) ([]byte, error)
}

var annotateCostCases = []annotateCostCase{
	{"xls one merge over the whole sheet", "市统计局.xls", 300, 2000, func(n int) ([]byte, error) {
		return hostile.XLS("台账", costLedger(n), []string{"A2:IV65536"})
	}},
	{"xlsx a merge on every row", "市统计局.xlsx", 3000, 100000, func(n int) ([]byte, error) {
		merges := make([]string, n)
		for i := range merges {
			merges[i] = fmt.Sprintf("G%d:H%d", i+2, i+2)
		}
		return hostile.WithMerges(costLedger(n), merges)
	}},
}

// costInput builds case c at size n in dir and returns its path and problems.
func costInput(tb testing.TB, dir string, c annotateCostCase, n int) (string, []sheets.Problem) {
	tb.Helper()
	data, err := c.build(n)
	if err != nil {
		tb.Fatal(err)
	}
	in := filepath.Join(dir, "收文", c.file)
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(in, data, 0o644); err != nil {
		tb.Fatal(err)
	}
	r := sheets.Build([]string{in}, sheets.Options{Dict: testDict(tb), AsOf: date(2023, 12, 20), WarnDays: 7})
	return in, r.Problems
}

// BenchmarkAnnotateCost annotates each case at the size the issue measured. With
// COST_INPUTS=dir it only writes the inputs there (for duban check --annotate under
// /usr/bin/time).
func BenchmarkAnnotateCost(b *testing.B) {
	for _, c := range annotateCostCases {
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			if dir := os.Getenv("COST_INPUTS"); dir != "" {
				costInput(b, filepath.Join(dir, strings.ReplaceAll(c.name, " ", "_")), c, c.full)
				b.Skip("inputs written")
			}
			dir := b.TempDir()
			in, probs := costInput(b, dir, c, c.full)
			b.ResetTimer()
			for range b.N {
				out, _, err := Annotate(filepath.Join(dir, "批注"), in, filepath.Base(in), probs, AnnotateOptions{})
				if err != nil || out == "" {
					b.Fatalf("copy %q: %v", out, err)
				}
				b.StopTimer()
				os.Remove(out)
				b.StartTimer()
			}
		})
	}
}

// TestAnnotateCost annotates each case at its small size: the copy keeps the merges as they
// were, and a problem inside a merge is marked on the merge's first cell, naming its row.
func TestAnnotateCost(t *testing.T) {
	for _, c := range annotateCostCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			in, probs := costInput(t, dir, c, c.small)
			// A problem in the last item's 说明 (column H): inside G:H on the .xlsx.
			last := c.small + 1
			probs = append(probs, sheets.Problem{Pos: sheets.Pos{File: filepath.Base(in), Sheet: "台账", Row: last, Col: 8},
				Level: sheets.Error, Scope: sheets.ScopeCell, Msg: "说明有误"})
			out, _, err := Annotate(filepath.Join(dir, "批注"), in, filepath.Base(in), probs, AnnotateOptions{})
			if err != nil {
				t.Fatal(err)
			}
			data, err := os.ReadFile(out)
			if err != nil {
				t.Fatal(err)
			}
			book, err := xlsx.Open(bytes.NewReader(data), int64(len(data)), xlsx.Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := book.Sheets[0]
			wantMerges, anchor := 1, "A2"
			if c.file == "市统计局.xlsx" {
				wantMerges, anchor = c.small, fmt.Sprintf("G%d", last)
			}
			if s.Name != "台账" || len(s.Merges) != wantMerges {
				t.Fatalf("sheet %q has %d merges, want %d", s.Name, len(s.Merges), wantMerges)
			}
			if c.file == "市统计局.xls" && s.Merges[0] != (xlsx.Range{C1: 1, R1: 2, C2: 256, R2: 65536}) {
				t.Errorf("merge %+v, want A2:IV65536", s.Merges[0])
			}
			if c.file == "市统计局.xlsx" && s.Merges[c.small-1] != (xlsx.Range{C1: 7, R1: last, C2: 8, R2: last}) {
				t.Errorf("last merge %+v, want G%d:H%d", s.Merges[c.small-1], last, last)
			}
			g, err := excelize.OpenReader(bytes.NewReader(data))
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			comments, _ := g.GetComments("台账")
			var text string
			for _, cm := range comments {
				if cm.Cell == anchor {
					for _, p := range cm.Paragraph {
						text += p.Text
					}
				}
			}
			if want := fmt.Sprintf("第%d行 错误：说明有误", last); !strings.Contains(text, want) {
				t.Errorf("the note on %s reads %q, want it to contain %q", anchor, text, want)
			}
		})
	}
}

// Merges the copy cannot keep as they are: a single cell, an unreadable reference, ranges
// overlapping one before them (the same range 3 times; one inside another; a whole column
// across both); the anchors of cells inside the kept ones.
func TestKeptMerges(t *testing.T) {
	kept := keptMerges([]string{"C2:C5", "B7:D8", "C2:C5", "A1:A1", "x", "C3:C4", "C2:C5", "E:E", "$A$10:$B$11", "E1:F1"})
	if got, want := mergeRefs(kept), []string{"E1:E1048576", "C2:C5", "B7:D8", "A10:B11"}; !slices.Equal(got, want) {
		t.Errorf("kept %q, want %q", got, want)
	}
	got := mergeAnchors(kept, [][2]int{{4, 3}, {4, 4}, {8, 4}, {9, 4}, {11, 1}, {500, 5}, {1, 6}})
	want := map[[2]int]xlsx.Range{
		{4, 3}:   {C1: 3, R1: 2, C2: 3, R2: 5},
		{8, 4}:   {C1: 2, R1: 7, C2: 4, R2: 8},
		{11, 1}:  {C1: 1, R1: 10, C2: 2, R2: 11},
		{500, 5}: {C1: 5, R1: 1, C2: 5, R2: 1048576},
	}
	if !maps.Equal(got, want) {
		t.Errorf("anchors %v, want %v", got, want)
	}
}
