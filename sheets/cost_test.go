package sheets

import (
	"archive/zip"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// Inputs whose cost must follow their content, not their claims (issue 20, SPEC §2.1): each is
// built here at a size that reads in about a second; BenchmarkCost reads them at the sizes the
// issue measured (go test ./sheets -run '^$' -bench Cost -benchmem).

const costNS = `xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"`

// costBook is a workbook whose workbook.xml lists the sheet part copies times, with the given
// sheet XML (a whole <worksheet>) and shared strings (<si> elements).
func costBook(tb testing.TB, sheetXML, sst string, copies int) []byte {
	tb.Helper()
	const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	var sheetsXML strings.Builder
	for i := range copies {
		name := "台账"
		if i > 0 {
			name = fmt.Sprintf("台账 (%d)", i+1)
		}
		fmt.Fprintf(&sheetsXML, `<sheet name="%s" sheetId="%d" r:id="rId1"/>`, name, i+1)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, e := range [][2]string{
		{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{"xl/workbook.xml", `<workbook ` + costNS + `><sheets>` + sheetsXML.String() + `</sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="` + rel + `/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="` + rel + `/sharedStrings" Target="sharedStrings.xml"/></Relationships>`},
		{"xl/worksheets/sheet1.xml", sheetXML},
		{"xl/sharedStrings.xml", `<sst ` + costNS + `>` + sst + `</sst>`},
	} {
		w, err := zw.Create(e[0])
		if err != nil {
			tb.Fatal(err)
		}
		w.Write([]byte(e[1]))
	}
	if err := zw.Close(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// costHeader is the header row of the ledgers below, in inline strings.
var costHeader = []string{"序号", "事项内容", "牵头单位", "完成时限", "落实状态"}

func inlineCell(w *strings.Builder, col string, row int, s string) {
	fmt.Fprintf(w, `<c r="%s%d" t="inlineStr"><is><t>%s</t></is></c>`, col, row, s)
}

// costLedger writes a worksheet: the header in row 1 and n items under it; extra, if not nil,
// adds cells at the end of each data row; merges are written as <mergeCell> elements. With
// noRefs, neither rows nor cells carry references.
func costLedger(n int, extra func(w *strings.Builder, row int), merges []string) string {
	var w strings.Builder
	w.WriteString(`<worksheet ` + costNS + `><sheetData><row r="1">`)
	for i, h := range costHeader {
		inlineCell(&w, string(rune('A'+i)), 1, h)
	}
	w.WriteString(`</row>`)
	for i := range n {
		r := i + 2
		fmt.Fprintf(&w, `<row r="%d">`, r)
		fmt.Fprintf(&w, `<c r="A%d"><v>%d</v></c>`, r, i+1)
		inlineCell(&w, "B", r, fmt.Sprintf("落实事项%d", i+1))
		inlineCell(&w, "C", r, "市统计局")
		inlineCell(&w, "D", r, "2024年底前")
		inlineCell(&w, "E", r, "正在推进")
		if extra != nil {
			extra(&w, r)
		}
		w.WriteString(`</row>`)
	}
	w.WriteString(`</sheetData>`)
	if len(merges) > 0 {
		fmt.Fprintf(&w, `<mergeCells count="%d">`, len(merges))
		for _, m := range merges {
			fmt.Fprintf(&w, `<mergeCell ref="%s"/>`, m)
		}
		w.WriteString(`</mergeCells>`)
	}
	w.WriteString(`</worksheet>`)
	return w.String()
}

// costCase is one input of the table: its name and how to build it at size n.
type costCase struct {
	name  string
	small int // the size of the test
	full  int // the size the issue measured
	build func(tb testing.TB, n int) []byte
}

var costCases = []costCase{
	{"cell at XFD on every row", 2000, 30000, func(tb testing.TB, n int) []byte {
		return costBook(tb, costLedger(n, func(w *strings.Builder, r int) { fmt.Fprintf(w, `<c r="XFD%d"><v>1</v></c>`, r) }, nil), "", 1)
	}},
	{"sheet part listed many times", 200, 2000, func(tb testing.TB, n int) []byte {
		return costBook(tb, costLedger(100, nil, nil), "", n)
	}},
	{"identical merges over all rows", 5000, 50000, func(tb testing.TB, n int) []byte {
		merges := make([]string, n)
		for i := range merges {
			merges[i] = fmt.Sprintf("C2:C%d", n+1)
		}
		return costBook(tb, costLedger(n, nil, merges), "", 1)
	}},
	{"many small merges", 10000, 100000, func(tb testing.TB, n int) []byte {
		merges := make([]string, n)
		for i := range merges {
			merges[i] = fmt.Sprintf("F%d:G%d", i+2, i+2)
		}
		return costBook(tb, costLedger(n, nil, merges), "", 1)
	}},
	{"one merge over the whole sheet", 1000, 65535, func(tb testing.TB, n int) []byte {
		return costBook(tb, costLedger(n, nil, []string{"C2:IV65536"}), "", 1)
	}},
	{"long shared string in every row", 200, 2000, func(tb testing.TB, n int) []byte {
		long := strings.Repeat("长", 32767)
		return costBook(tb, costLedger(n, func(w *strings.Builder, r int) { fmt.Fprintf(w, `<c r="F%d" t="s"><v>0</v></c>`, r) }, nil),
			"<si><t>"+long+"</t></si>", 1)
	}},
	{"rows down to the last", 20000, 1048575, func(tb testing.TB, n int) []byte {
		return costBook(tb, costLedger(n, nil, nil), "", 1)
	}},
}

// BenchmarkCost reads each input of costCases at its full size.
func BenchmarkCost(b *testing.B) {
	d := testDict(b)
	for _, c := range costCases {
		if only := os.Getenv("COST_CASE"); only != "" && !strings.Contains(c.name, only) {
			continue
		}
		b.Run(strings.ReplaceAll(c.name, " ", "_"), func(b *testing.B) {
			path := filepath.Join(b.TempDir(), "市统计局.xlsx")
			if err := os.WriteFile(path, c.build(b, c.full), 0o644); err != nil {
				b.Fatal(err)
			}
			b.ResetTimer()
			for range b.N {
				rows, probs := ReadFile(path, d, ReadOptions{MaxUnzip: 4 << 30})
				b.ReportMetric(float64(len(rows)), "rows")
				_ = probs
			}
		})
	}
}

// TestCostInputs reads each input of costCases at its small size: every item is read once,
// and what is not read is said.
func TestCostInputs(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	for _, c := range costCases {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "市统计局.xlsx")
			if err := os.WriteFile(path, c.build(t, c.small), 0o644); err != nil {
				t.Fatal(err)
			}
			rows, probs := ReadFile(path, d, ReadOptions{})
			want := c.small
			if c.name == "sheet part listed many times" {
				want = 100 // the sheet's items, once
			}
			if len(rows) != want {
				t.Fatalf("%d rows, want %d; problems %q", len(rows), want, dumpProblems(probs))
			}
			for i, r := range rows {
				if r.Vals[FieldContent] != fmt.Sprintf("落实事项%d", i+1) || r.Vals[FieldLead] != "市统计局" {
					t.Fatalf("row %d: %q", i, r.Joined())
				}
			}
			var far, repeat int
			for _, p := range probs {
				switch {
				case p.Level != Notice:
					t.Errorf("unexpected %s", p)
				case strings.Contains(p.Msg, "远离表格"):
					far++
					if p.Pos.Row != 2 || p.Pos.Col != 16384 {
						t.Errorf("far cells said at %+v", p.Pos)
					}
				case strings.Contains(p.Msg, "同一份数据"):
					repeat++
				}
			}
			wantFar, wantRepeat := 0, 0
			switch c.name {
			case "cell at XFD on every row":
				wantFar = 1
			case "sheet part listed many times":
				wantRepeat = c.small - 1
			}
			if far != wantFar || repeat != wantRepeat {
				t.Errorf("%d notices of far cells, %d of repeated sheets; want %d, %d", far, repeat, wantFar, wantRepeat)
			}
		})
	}
}

// A merge repeated many times fills the rows it covers as the merge written once does.
func TestRepeatedMergesFillOnce(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	read := func(copies int) []RawRow {
		merges := []string{"B2:B3"}
		for range copies {
			merges = append(merges, "C2:C3")
		}
		sheet := costLedger(4, nil, merges)
		// 牵头单位 written once, in the first row of its merge.
		sheet = strings.Replace(sheet, `<c r="C3" t="inlineStr"><is><t>市统计局</t></is></c>`, "", 1)
		sheet = strings.Replace(sheet, `<c r="C4" t="inlineStr"><is><t>市统计局</t></is></c>`, "", 1)
		path := filepath.Join(t.TempDir(), "市财政局.xlsx")
		if err := os.WriteFile(path, costBook(t, sheet, "", 1), 0o644); err != nil {
			t.Fatal(err)
		}
		rows, _ := ReadFile(path, d, ReadOptions{})
		return rows
	}
	once, many := read(1), read(500)
	if len(once) != 4 || once[1].Vals[FieldLead] != "市统计局" || once[2].Vals[FieldLead] != "" {
		t.Fatalf("one merge: %d rows, leads %q", len(once), []string{once[1].Vals[FieldLead], once[2].Vals[FieldLead]})
	}
	if !reflect.DeepEqual(once, many) {
		t.Errorf("500 copies of the merge read differently from one")
	}
}

// Rows counted past Excel's last row (no r attributes; LibreOffice shows 2 items where they
// would count 5): the file is one error, none of its rows used.
func TestRowsPastTheLast(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "市统计局.xlsx")
	sheet := `<row r="1048574">` + strings.Repeat(`<c t="inlineStr"><is><t>事项内容</t></is></c>`, 1) + `</row>` +
		strings.Repeat(`<row><c t="inlineStr"><is><t>落实事项</t></is></c></row>`, 5)
	if err := os.WriteFile(path, hostile.Minimal(sheet, ""), 0o644); err != nil {
		t.Fatal(err)
	}
	rows, probs := ReadFile(path, testDict(t), ReadOptions{})
	if len(rows) != 0 || len(probs) != 1 || probs[0].Level != Error || probs[0].Msg != msgPastLimit || probs[0].Pos.File != "市统计局.xlsx" {
		t.Errorf("%d rows, problems %q; want one error about the file", len(rows), dumpProblems(probs))
	}
}
