package books

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

func TestAnnotate(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "收文", "市统计局.xlsx")
	writeRowsBook(t, in, "台账", [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
		{"市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中", ""},
		{"市长专题会议第7次", "开展经济普查", "市统计局", "2023-06-30", "已落实", ""},
		{"市长专题会议第7次", "建设数据平台", "市统计局", "2023-12-31", "推进中", ""},
	})
	// The unit's own formatting and comments must survive.
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	bold, _ := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}})
	f.SetCellStyle("台账", "D2", "D2", bold)
	f.AddComment("台账", excelize.Comment{Cell: "E3", Author: "王", Paragraph: []excelize.RichTextRun{{Text: "已报分管领导"}}})
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	before, _ := os.ReadFile(in)

	o := sheets.Options{Dict: testDict(t), AsOf: date(2023, 12, 20), WarnDays: 7}
	r := sheets.Build([]string{in}, o)
	probs := append(r.Problems,
		sheets.Problem{Pos: sheets.Pos{File: "其他.xlsx", Sheet: "台账", Row: 2, Col: 1}, Level: sheets.Error, Msg: "别的文件"})
	out := filepath.Join(dir, "批注")
	if _, _, err := Annotate(out, in, filepath.Base(in), probs, AnnotateOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	if after, _ := os.ReadFile(in); !bytes.Equal(before, after) {
		t.Error("the input file was modified")
	}
	g, err := excelize.OpenFile(filepath.Join(out, "市统计局.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()

	// 问题清单 comes after the unit's sheets, and the copy opens on it.
	if got := g.GetSheetList(); !slices.Equal(got, []string{"台账", sheets.SheetIssues}) || g.GetSheetName(g.GetActiveSheetIndex()) != sheets.SheetIssues {
		t.Errorf("sheets = %v, active %q", got, g.GetSheetName(g.GetActiveSheetIndex()))
	}
	fill := func(ref string) (string, bool) {
		id, _ := g.GetCellStyle("台账", ref)
		st, _ := g.GetStyle(id)
		if st == nil || len(st.Fill.Color) == 0 {
			return "", st != nil && st.Font != nil && st.Font.Bold
		}
		return st.Fill.Color[0], st.Font != nil && st.Font.Bold
	}
	if c, b := fill("D2"); c != fillError || !b {
		t.Errorf("D2 (bad deadline): fill %q bold %v, want %s and still bold", c, b, fillError)
	}
	if c, _ := fill("F3"); c != fillWarning {
		t.Errorf("F3 (已落实 without 完成日期): fill %q, want %s", c, fillWarning)
	}
	if c, _ := fill("D4"); c != "" {
		t.Errorf("D4 (no problem): fill %q, want none", c)
	}
	comments, _ := g.GetComments("台账")
	texts := map[string]string{}
	for _, c := range comments {
		s := c.Text
		for _, r := range c.Paragraph {
			s += r.Text
		}
		texts[c.Cell] = s
	}
	if !strings.HasPrefix(texts["D2"], "督查室：\n错误：完成时限“2023年2月30日”") {
		t.Errorf("D2 comment = %q", texts["D2"])
	}
	if !strings.HasPrefix(texts["F3"], "督查室：\n警告：") {
		t.Errorf("F3 comment = %q", texts["F3"])
	}
	if texts["E3"] != "已报分管领导" {
		t.Errorf("the unit's comment on E3 = %q", texts["E3"])
	}

	rows, _ := g.GetRows(sheets.SheetIssues)
	if !slices.Equal(rows[1], issueColumns) {
		t.Errorf("问题清单 header = %v", rows[1])
	}
	var listed []string
	for _, r := range rows[2:] {
		listed = append(listed, r[0]+" "+r[2])
	}
	if want := []string{"错误 D2", "警告 F3"}; !slices.Equal(listed, want) {
		t.Errorf("问题清单 lists %v, want %v", listed, want)
	}
	if ok, link, _ := g.GetCellHyperLink(sheets.SheetIssues, "C3"); !ok || link != "'台账'!D2" {
		t.Errorf("C3 link = %v %q", ok, link)
	}
	pl, err := g.GetPageLayout(sheets.SheetIssues)
	if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
		t.Errorf("问题清单 page layout = %+v (%v), want A4 landscape", pl, err)
	}
	titles := ""
	for _, dn := range g.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" && dn.Scope == sheets.SheetIssues {
			titles = dn.RefersTo
		}
	}
	if titles != "'问题清单'!$2:$2" {
		t.Errorf("问题清单 print titles = %q, want the header row repeated", titles)
	}
	if h, _ := g.GetRowHeight(sheets.SheetIssues, 1); h != xlsxout.RowHeight(xlsxout.WrappedLines("以下1处错误请改正后重新报送，1处警告请核实。\n"+fmt.Sprintf(msgIssuesIntro, DefaultOffice), 122)) {
		t.Errorf("intro row height %v does not fit its wrapped text", h)
	}
	props, _ := g.GetDocProps()
	if props.Creator != DefaultOffice || props.LastModifiedBy != DefaultOffice || props.Description != sheets.AnnotatedDescription {
		t.Errorf("document properties %+v, want the office as author and duban's mark", props)
	}
	if g.GetSheetName(g.GetActiveSheetIndex()) != sheets.SheetIssues {
		t.Errorf("the copy should open on %s", sheets.SheetIssues)
	}
}

func TestAnnotateRefuses(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "a.xlsx")
	writeRowsBook(t, in, "台账", [][]any{{"x"}})
	p := sheets.Problem{Pos: sheets.Pos{File: "a.xlsx", Sheet: "台账", Row: 1, Col: 1}, Level: sheets.Warning, Msg: "m"}
	if _, _, err := Annotate(dir, in, filepath.Base(in), []sheets.Problem{p}, AnnotateOptions{All: true}); err == nil || !strings.Contains(err.Error(), "会覆盖原文件") {
		t.Errorf("annotating into the input's own folder: error = %v", err)
	}
	out := filepath.Join(dir, "out")
	notice := p
	notice.Level = sheets.Notice
	if _, _, err := Annotate(out, in, filepath.Base(in), []sheets.Problem{notice}, AnnotateOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a file with only notices got a copy (%v)", err)
	}
	damaged := sheets.Problem{Pos: sheets.Pos{File: "a.xlsx"}, Scope: sheets.ScopeFile, Level: sheets.Error, Msg: "文件已损坏"}
	if _, _, err := Annotate(out, in, filepath.Base(in), []sheets.Problem{damaged, p}, AnnotateOptions{All: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("a damaged file got a copy (%v)", err)
	}
}

// An encrypted workbook read with --password is annotated too; the copy needs no password.
func TestAnnotateEncrypted(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "市统计局.xlsx")
	writeRowsBook(t, in, "台账", [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态"},
		{"市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中"},
	})
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.SaveAs(in, excelize.Options{Password: "密码123"}); err != nil {
		t.Fatal(err)
	}
	f.Close()
	o := sheets.Options{Dict: testDict(t), AsOf: date(2023, 12, 20), WarnDays: 7, Read: sheets.ReadOptions{Password: "密码123"}}
	r := sheets.Build([]string{in}, o)
	out := filepath.Join(dir, "批注")
	if _, _, err := Annotate(out, in, filepath.Base(in), r.Problems, AnnotateOptions{Password: "密码123"}); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenFile(filepath.Join(out, "市统计局.xlsx"))
	if err != nil {
		t.Fatalf("the annotated copy does not open without a password: %v", err)
	}
	defer g.Close()
	comments, _ := g.GetComments("台账")
	if len(comments) != 1 || comments[0].Cell != "D2" {
		t.Errorf("comments = %+v, want one on D2", comments)
	}
}

// A problem in a cell hidden inside merged cells is marked on the merge's visible top-left
// cell, naming the row it is about.
func TestAnnotateMergedCells(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	in := filepath.Join(dir, "市统计局.xlsx")
	writeRowsBook(t, in, "台账", [][]any{
		{"类别", "会议", "事项内容", "牵头单位", "完成时限", "落实状态"},
		{"区长会议", "第1次", "事项一", "市统计局", "长期", "推进中"},
		{nil, "第1次", "事项二", "市统计局", "长期", "推进中"},
	})
	f, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.MergeCell("台账", "A2", "A3"); err != nil {
		t.Fatal(err)
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	r := sheets.Build([]string{in}, sheets.Options{Dict: testDict(t), AsOf: date(2023, 12, 20), WarnDays: 7})
	out := filepath.Join(dir, "批注")
	if _, _, err := Annotate(out, in, filepath.Base(in), r.Problems, AnnotateOptions{All: true, Office: "x市人民政府办公室"}); err != nil {
		t.Fatal(err)
	}
	g, err := excelize.OpenFile(filepath.Join(out, "市统计局.xlsx"))
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	comments, _ := g.GetComments("台账")
	var text string
	for _, c := range comments {
		if c.Cell != "A2" {
			t.Errorf("comment on %s, want only A2", c.Cell)
		}
		if c.Author != "x市人民政府办公室" {
			t.Errorf("comment author %q, want the office", c.Author)
		}
		for _, p := range c.Paragraph {
			text += p.Text
		}
		text += c.Text
	}
	if !strings.Contains(text, "第3行 警告：类别“区长会议”不在词典中") {
		t.Errorf("comment on A2 = %q; want the row-3 warning in it", text)
	}
}

// TestAnnotatePrintTitles: a ledger with 打印标题 (print titles, a name scoped to its sheet),
// the first sheet or after a 填报说明 sheet, gets its annotated copy, and every sheet keeps its own
// print titles: moving 问题清单 first once made excelize give the ledger's print titles to
// 问题清单 ("the same name already exists on the scope", or a repair prompt in Excel).
func TestAnnotatePrintTitles(t *testing.T) {
	t.Parallel()
	for _, names := range [][]string{{"台账"}, {"填报说明", "台账"}} {
		dir := t.TempDir()
		in := filepath.Join(dir, "收文", "市统计局.xlsx")
		writeRowsBook(t, in, "台账", [][]any{
			{"会议", "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期"},
			{"市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中", ""},
		})
		f, err := excelize.OpenFile(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(names) > 1 {
			f.NewSheet("填报说明")
			f.MoveSheet("填报说明", "台账")
		}
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "台账!$1:$1", Scope: "台账"}); err != nil {
			t.Fatal(err)
		}
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		r := sheets.Build([]string{in}, sheets.Options{Dict: testDict(t), AsOf: date(2023, 12, 20), WarnDays: 7})
		out, _, err := Annotate(filepath.Join(dir, "批注"), in, filepath.Base(in), r.Problems, AnnotateOptions{})
		if err != nil || out == "" {
			t.Fatalf("%v: no copy: %v", names, err)
		}
		g, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		titles := map[string]string{}
		for _, n := range g.GetDefinedName() {
			if n.Name == "_xlnm.Print_Titles" {
				titles[n.Scope] = n.RefersTo
			}
		}
		g.Close()
		if !strings.HasPrefix(titles["台账"], "台账!") || !strings.Contains(titles[sheets.SheetIssues], sheets.SheetIssues+"'!") && !strings.HasPrefix(titles[sheets.SheetIssues], sheets.SheetIssues+"!") || len(titles) != 2 {
			t.Errorf("%v: print titles by sheet = %v", names, titles)
		}
	}
}

// A sheet without a name (other programs write <sheet name="">; issue 20): the reader calls it
// by its position, with a notice, and its copy is written under that name with its cells marked.
func TestAnnotateUnnamedSheet(t *testing.T) {
	ledger := [][]any{
		{"编号", "会议", "事项内容", "牵头单位", "完成时限", "落实状态"},
		{1, "市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中"},
		{2, "市长专题会议第7次", "开展经济普查", "市统计局", "2023-12-31", "推进中"},
	}
	xlsxData, err := hostile.WithSheetName("", ledger)
	if err != nil {
		t.Fatal(err)
	}
	xlsData, err := hostile.XLS("", ledger, nil)
	if err != nil {
		t.Fatal(err)
	}
	for file, data := range map[string][]byte{"市统计局.xlsx": xlsxData, "市财政局.xls": xlsData} {
		t.Run(file, func(t *testing.T) {
			dir := t.TempDir()
			in := filepath.Join(dir, "收文", file)
			os.MkdirAll(filepath.Dir(in), 0o755)
			if err := os.WriteFile(in, data, 0o644); err != nil {
				t.Fatal(err)
			}
			r := sheets.Build([]string{in}, sheets.Options{Dict: testDict(t), AsOf: date(2023, 12, 20), WarnDays: 7})
			var got []string
			for _, p := range r.Problems {
				if p.Pos.File == file && p.Level != sheets.Warning {
					got = append(got, p.Level.String()+" "+p.Pos.Sheet+"!"+p.Pos.Cell()+" "+p.Kind.String())
				}
			}
			want := []string{"错误 Sheet1!E2 填写有误的行", "提示 Sheet1! 无名称的工作表按位置命名"}
			if !slices.Equal(got, want) {
				t.Fatalf("problems %q, want %q", got, want)
			}
			out, notes, err := Annotate(filepath.Join(dir, "批注"), in, file, r.Problems, AnnotateOptions{})
			if err != nil || out == "" || len(notes) != 0 {
				t.Fatalf("copy %q, notes %q, %v", out, dumpProblems(notes), err)
			}
			g, err := excelize.OpenFile(out)
			if err != nil {
				t.Fatal(err)
			}
			defer g.Close()
			if list := g.GetSheetList(); !slices.Equal(list, []string{"Sheet1", sheets.SheetIssues}) {
				t.Errorf("sheets %q", list)
			}
			comments, _ := g.GetComments("Sheet1")
			if len(comments) != 1 || comments[0].Cell != "E2" {
				t.Errorf("comments %+v, want one on E2", comments)
			}
		})
	}
	if got := xlsx.UnnamedSheet([]string{"sheet2", ""}, 1); got != "Sheet2(2)" {
		t.Errorf("UnnamedSheet = %q, want Sheet2(2)", got)
	}
}
