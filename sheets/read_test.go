package sheets

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/internal/xlsx"
	"github.com/xuri/excelize/v2"
)

// A test workbook, written as text: each row is one string with cells separated by "|",
// starting at column A; a cell "#45000" is the number 45000, an empty cell is left empty.
type testBook struct {
	sheets   []testSheet
	date1904 bool
}

type testSheet struct {
	name   string
	hidden bool
	rows   []string
	merges []string // "A1:F1"
}

// writeBook writes b as dir/name and returns its path.
func writeBook(t *testing.T, dir, name string, b testBook) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, s := range b.sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", s.name); err != nil {
				t.Fatal(err)
			}
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, line := range s.rows {
			if line == "" {
				continue
			}
			var vals []any
			for _, c := range strings.Split(line, "|") {
				if n, ok := strings.CutPrefix(c, "#"); ok {
					v, err := strconv.ParseFloat(n, 64)
					if err != nil {
						t.Fatal(err)
					}
					vals = append(vals, v)
				} else if c == "" {
					vals = append(vals, nil)
				} else {
					vals = append(vals, c)
				}
			}
			if err := f.SetSheetRow(s.name, "A"+strconv.Itoa(r+1), &vals); err != nil {
				t.Fatal(err)
			}
		}
		for _, m := range s.merges {
			a, z, _ := strings.Cut(m, ":")
			if err := f.MergeCell(s.name, a, z); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, s := range b.sheets {
		if s.hidden {
			if err := f.SetSheetVisible(s.name, false); err != nil {
				t.Fatal(err)
			}
		}
	}
	if b.date1904 {
		on := true
		if err := f.SetWorkbookProps(&excelize.WorkbookPropsOptions{Date1904: &on}); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, name)
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

// dump renders rows as "行号: 字段=值 | …", the form the expectations are written in.
func dump(rows []RawRow) []string {
	var out []string
	for _, r := range rows {
		out = append(out, fmt.Sprintf("%d: %s", r.Pos.Row, r.Joined()))
	}
	return out
}

func dumpProblems(ps []Problem) []string {
	var out []string
	for _, p := range ps {
		s := p.String()
		if p.Raw != "" {
			s += " [" + p.Raw + "]"
		}
		out = append(out, s)
	}
	return out
}

func sameLines(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\ngot:\n\t%s\nwant:\n\t%s", what, strings.Join(got, "\n\t"), strings.Join(want, "\n\t"))
	}
}

// colsOf renders the column map as 字段=列字母.
func colsOf(r RawRow) string {
	var parts []string
	for f := Field(0); f < NumFields; f++ {
		if c := r.Cols[f]; c > 0 {
			parts = append(parts, f.String()+"="+ColumnName(c))
		}
	}
	return strings.Join(parts, " ")
}

func read(t *testing.T, path string) ([]RawRow, []Problem) {
	t.Helper()
	return ReadFile(path, testDict(t), ReadOptions{})
}

func TestReadTitleAndUnitLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "市统计局（终稿）.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"市统计局2023年度督查事项落实台账",
			"填报单位（盖章）：市统计局办公室  填报日期：2023年12月18日",
			"序号|类别|会议名称|事项内容|责任单位|完成时限|落实状态|完成日期|备注",
			"#1|市政府常务会议|市政府第五次常务会议|推进统计数据共享|市统计局|#45107|已完成|#45100|",
			"#2||市长办公会第3次|完善统计台账||2023年底前|推进中||按季度报送",
		},
		merges: []string{"A1:I1"},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"4: 类别=市政府常务会议 | 会议=市政府第五次常务会议 | 事项内容=推进统计数据共享 | 牵头单位=市统计局 | 完成时限=45107 | 落实状态=已完成 | 完成日期=45100",
		"5: 会议=市长办公会第3次 | 事项内容=完善统计台账 | 完成时限=2023年底前 | 落实状态=推进中 | 备注=按季度报送",
	})
	sameLines(t, "problems", dumpProblems(probs), nil)
	for _, r := range rows {
		if r.Pos != (Pos{File: "市统计局（终稿）.xlsx", Sheet: "台账", Row: r.Pos.Row}) {
			t.Errorf("Pos = %+v", r.Pos)
		}
		if got := colsOf(r); got != "类别=B 会议=C 事项内容=D 牵头单位=E 完成时限=F 落实状态=G 完成日期=H 备注=I" {
			t.Errorf("Cols = %s", got)
		}
		if r.UnitFromFile != "市统计局办公室" || r.Date1904 {
			t.Errorf("UnitFromFile = %q, Date1904 = %v", r.UnitFromFile, r.Date1904)
		}
	}
}

func TestReadTwoRowHeader(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "市发改委.xlsx", testBook{sheets: []testSheet{{
		name: "Sheet1",
		rows: []string{
			"市发改委督查事项台账",
			"序号|会议|事项内容|牵头单位|完成时限|落实情况|||备注",
			"|||||落实状态|完成日期|进展情况|",
			"#1|第5次常务会议|编制专项规划|市发改委|2023-06-30|已办结|2023-06-20|已印发|",
			"#2|第5次常务会议|争取中央预算内投资|市发改委|2023年底|推进中||已申报12个项目|",
		},
		merges: []string{"A1:I1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:H2", "I2:I3"},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"4: 会议=第5次常务会议 | 事项内容=编制专项规划 | 牵头单位=市发改委 | 完成时限=2023-06-30 | 落实状态=已办结 | 完成日期=2023-06-20 | 进展情况=已印发",
		"5: 会议=第5次常务会议 | 事项内容=争取中央预算内投资 | 牵头单位=市发改委 | 完成时限=2023年底 | 落实状态=推进中 | 进展情况=已申报12个项目",
	})
	sameLines(t, "problems", dumpProblems(probs), nil)
	if got := colsOf(rows[0]); got != "会议=B 事项内容=C 牵头单位=D 完成时限=E 落实状态=F 完成日期=G 进展情况=H 备注=I" {
		t.Errorf("Cols = %s", got)
	}
	if rows[0].UnitFromFile != "市发改委" {
		t.Errorf("UnitFromFile = %q", rows[0].UnitFromFile)
	}
}

func TestReadTwoRowHeaderWithoutMerges(t *testing.T) {
	t.Parallel()
	// WPS exports sometimes lose the merges; a row of nothing but column names under the
	// header is still its sub-header.
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议|事项内容|牵头单位|落实情况||",
			"||||落实状态|完成日期|进展情况",
			"#1|第5次常务会议|编制规划|市发改委|已办结|#45000|已印发",
		},
	}}})
	rows, _ := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"3: 会议=第5次常务会议 | 事项内容=编制规划 | 牵头单位=市发改委 | 落实状态=已办结 | 完成日期=45000 | 进展情况=已印发",
	})
}

func TestReadHeaderSpellings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			" 类 别 |*会议|事项\n内容|*牵头单位|完成\n时限|＊落实状态|完成　日期",
			"书记批示件|〔2023〕5号|调研|市委办|#45291|已完成|#45200",
		},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 类别=书记批示件 | 会议=〔2023〕5号 | 事项内容=调研 | 牵头单位=市委办 | 完成时限=45291 | 落实状态=已完成 | 完成日期=45200",
	})
	sameLines(t, "problems", dumpProblems(probs), nil)
	if got := colsOf(rows[0]); got != "类别=A 会议=B 事项内容=C 牵头单位=D 完成时限=E 落实状态=F 完成日期=G" {
		t.Errorf("Cols = %s", got)
	}
}

func TestReadUnknownColumnsAndSerial(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议|事项内容|牵头单位|完成时限|落实状态|联系人|手机号码",
			"#1|第5次常务会议|调研|市委办|2023-06-30|推进中|张三|#13800000000",
			"#2",
			"#3||||||李四|",
			"#4|第5次常务会议|督导||||",
		},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 会议=第5次常务会议 | 事项内容=调研 | 牵头单位=市委办 | 完成时限=2023-06-30 | 落实状态=推进中",
		"5: 会议=第5次常务会议 | 事项内容=督导",
	})
	sameLines(t, "problems", dumpProblems(probs), []string{
		"a.xlsx!台账!A1: 提示: 未识别的列：联系人、手机号码，已忽略 [联系人、手机号码]",
		"a.xlsx!台账!A4: 提示: 此行只在未识别的列中有内容，已跳过 [3 | 李四]",
	})
}

func TestReadMergedDataCells(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"类别|会议|会议日期|事项内容|牵头单位|完成时限|落实状态",
			"市政府常务会议|第5次|#45000|事项一|市交通局|2023-06-30|已完成",
			"|||事项二||2023-06-30|推进中",
			"|||说明：事项三|市住建局||",
			"",
			"市长专题会议|第2次|#45010|事项四|市水利局、市农业局||推进中",
			"",
		},
		// 类别, 会议 and 会议日期 written once for rows 2-4; 牵头单位 merged across two rows
		// (its second row is otherwise filled); a row inside a group is never taken for a
		// footer (说明：…); a whole-row merge over rows 6-7 is one item.
		merges: []string{"A2:A4", "B2:B4", "C2:C4", "E2:E3", "A6:A7", "B6:B7", "C6:C7", "D6:D7", "E6:E7", "F6:F7", "G6:G7"},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 类别=市政府常务会议 | 会议=第5次 | 会议日期=45000 | 事项内容=事项一 | 牵头单位=市交通局 | 完成时限=2023-06-30 | 落实状态=已完成",
		"3: 类别=市政府常务会议 | 会议=第5次 | 会议日期=45000 | 事项内容=事项二 | 牵头单位=市交通局 | 完成时限=2023-06-30 | 落实状态=推进中",
		"4: 类别=市政府常务会议 | 会议=第5次 | 会议日期=45000 | 事项内容=说明：事项三 | 牵头单位=市住建局",
		"6: 类别=市长专题会议 | 会议=第2次 | 会议日期=45010 | 事项内容=事项四 | 牵头单位=市水利局、市农业局 | 落实状态=推进中",
	})
	sameLines(t, "problems", dumpProblems(probs), nil)
}

func TestReadHorizontalMergeInData(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议|事项内容|牵头单位|配合单位|落实状态",
			"第5次常务会议|共建项目|市科技局||推进中",
		},
		merges: []string{"C2:D2"},
	}}})
	rows, _ := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 会议=第5次常务会议 | 事项内容=共建项目 | 牵头单位=市科技局 | 配合单位=市科技局 | 落实状态=推进中",
	})
}

func TestReadBlankAndFooterRows(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议|事项内容|牵头单位|完成时限|落实状态",
			"#1|第5次常务会议|注重统计质量|市统计局|长期|推进中",
			"",
			"",
			"#2|第5次常务会议|审核通过后公布|市统计局|2023-12-31|未启动",
			"合计|||||",
			"",
			"填表人：王五    联系电话：12345678|||审核人：赵六||",
			"注：1. 完成时限请填写具体日期；|||||",
			"2. 落实状态只填 已落实、推进中、未启动。|||||",
		},
		merges: []string{"A9:F9", "A10:F10"},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 会议=第5次常务会议 | 事项内容=注重统计质量 | 牵头单位=市统计局 | 完成时限=长期 | 落实状态=推进中",
		"5: 会议=第5次常务会议 | 事项内容=审核通过后公布 | 牵头单位=市统计局 | 完成时限=2023-12-31 | 落实状态=未启动",
	})
	sameLines(t, "problems", dumpProblems(probs), []string{
		"a.xlsx!台账!A6: 提示: 表尾说明行，已跳过 [合计]",
		"a.xlsx!台账!A8: 提示: 表尾说明行，已跳过 [填表人：王五    联系电话：12345678 | 审核人：赵六]",
		"a.xlsx!台账!A9: 提示: 表尾说明行，已跳过 [注：1. 完成时限请填写具体日期；]",
		"a.xlsx!台账!A10: 提示: 表尾说明行，已跳过 [2. 落实状态只填 已落实、推进中、未启动。]",
	})
}

func TestReadColumnNumberRow(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议|事项内容|牵头单位|落实状态",
			"#1|#2|#3|#4",
			"第5次常务会议|事项|市统计局|推进中",
		},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{"3: 会议=第5次常务会议 | 事项内容=事项 | 牵头单位=市统计局 | 落实状态=推进中"})
	sameLines(t, "problems", dumpProblems(probs), []string{"a.xlsx!台账!A2: 提示: 列编号行（表头下方的1、2、3…），已跳过 [1 | 2 | 3 | 4]"})
}

// A header repeated inside the data (tables pasted one under another) is passed over.
func TestReadHeaderAgain(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议|事项内容|牵头单位|落实状态",
			"第5次常务会议|事项一|市统计局|推进中",
			"会议名称|议定事项|责任单位|办理状态",
			"第6次常务会议|事项二|市统计局|已完成",
		},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 会议=第5次常务会议 | 事项内容=事项一 | 牵头单位=市统计局 | 落实状态=推进中",
		"4: 会议=第6次常务会议 | 事项内容=事项二 | 牵头单位=市统计局 | 落实状态=已完成",
	})
	sameLines(t, "problems", dumpProblems(probs), []string{"a.xlsx!台账!A3: 提示: 重复的表头行，已跳过 [会议名称 | 议定事项 | 责任单位 | 办理状态]"})
}

// Group headings inside the data are passed over, and each row keeps the heading above it
// (the validator takes the category, or the meeting, from it when the row's cells do not).
func TestReadGroupHeadings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议|事项内容|牵头单位|落实状态",
			"一、市政府常务会议议定事项",
			"#1|第5次|事项一|市统计局|推进中",
			"（二）市长批示件",
			"#2|〔2024〕3号|事项二|市统计局|已完成",
			"三、其他事项",
			"#3|2024年两报告|事项三|市统计局|已完成",
		},
		merges: []string{"A2:E2"},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"3: 会议=第5次 | 事项内容=事项一 | 牵头单位=市统计局 | 落实状态=推进中",
		"5: 会议=〔2024〕3号 | 事项内容=事项二 | 牵头单位=市统计局 | 落实状态=已完成",
		"7: 会议=2024年两报告 | 事项内容=事项三 | 牵头单位=市统计局 | 落实状态=已完成",
	})
	var groups []string
	for _, r := range rows {
		groups = append(groups, r.Group)
	}
	sameLines(t, "groups", groups, []string{"一、市政府常务会议议定事项", "（二）市长批示件", "三、其他事项"})
	sameLines(t, "problems", dumpProblems(probs), []string{
		"a.xlsx!台账!A2: 提示: 分组标题行，已跳过（其下各行类别为空时按此标题归类） [一、市政府常务会议议定事项]",
		"a.xlsx!台账!A4: 提示: 分组标题行，已跳过（其下各行类别为空时按此标题归类） [（二）市长批示件]",
		"a.xlsx!台账!A6: 提示: 分组标题行，已跳过（其下各行类别为空时按此标题归类） [三、其他事项]",
	})
}

// Sub-items under one merged meeting whose content looks like a heading are data rows.
func TestReadSubItemsInMergedGroup(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"类别|会议|事项内容|牵头单位|落实状态",
			"市政府常务会议|第5次|（1）完成老旧小区改造|市住建局|已完成",
			"||（2）完成雨污分流||",
			"||（3）完成燃气管网改造||",
		},
		merges: []string{"A2:A4", "B2:B4", "D2:D4", "E2:E4"},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 类别=市政府常务会议 | 会议=第5次 | 事项内容=（1）完成老旧小区改造 | 牵头单位=市住建局 | 落实状态=已完成",
		"3: 类别=市政府常务会议 | 会议=第5次 | 事项内容=（2）完成雨污分流 | 牵头单位=市住建局 | 落实状态=已完成",
		"4: 类别=市政府常务会议 | 会议=第5次 | 事项内容=（3）完成燃气管网改造 | 牵头单位=市住建局 | 落实状态=已完成",
	})
	sameLines(t, "problems", dumpProblems(probs), nil)
}

// Two columns for one field whose values do not decide between them (both hold status
// words): the one with the canonical name is read. (Values that decide: TestReadColumnByValues.)
func TestReadDuplicateColumnPrefersCanonical(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议|事项内容|完成情况|落实状态",
			"第5次常务会议|事项一|已完成|推进中",
		},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{"2: 会议=第5次常务会议 | 事项内容=事项一 | 落实状态=推进中"})
	sameLines(t, "problems", dumpProblems(probs), []string{"a.xlsx!台账!A1: 提示: 重复的列：落实状态（D列、C列），以D列为准，该列为空时取另一列 [落实状态]"})

	// The canonical column empty, the other filled: the value is read, not lost.
	p = writeBook(t, dir, "b.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议|事项内容|办结时限|完成时限|落实状态",
			"第5次常务会议|事项一|2024-01-31||推进中",
		},
	}}})
	rows, _ = read(t, p)
	sameLines(t, "rows", dump(rows), []string{"2: 会议=第5次常务会议 | 事项内容=事项一 | 完成时限=2024-01-31 | 落实状态=推进中"})
}

// A lone 事项内容 cell is an item whose other cells are still empty, not a heading; text in
// the 序号 column ends a group.
func TestReadNotHeadings(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议|事项内容|牵头单位|落实状态",
			"一、市政府常务会议",
			"#1|第5次|事项一|市统计局|推进中",
			"||（三）推进老旧小区改造||",
			"其他工作",
			"#2|市长专题会议（关于B）|事项二|市统计局|推进中",
		},
	}}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"3: 会议=第5次 | 事项内容=事项一 | 牵头单位=市统计局 | 落实状态=推进中",
		"4: 事项内容=（三）推进老旧小区改造",
		"6: 会议=市长专题会议（关于B） | 事项内容=事项二 | 牵头单位=市统计局 | 落实状态=推进中",
	})
	if rows[1].Group != "一、市政府常务会议" || rows[2].Group != "" {
		t.Errorf("groups = %q, %q", rows[1].Group, rows[2].Group)
	}
	sameLines(t, "problems", dumpProblems(probs), []string{
		"a.xlsx!台账!A2: 提示: 分组标题行，已跳过（其下各行类别为空时按此标题归类） [一、市政府常务会议]",
		"a.xlsx!台账!A5: 提示: 此行只在未识别的列中有内容，已跳过 [其他工作]",
	})
}

func TestReadSheetsSkipped(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ledger := testSheet{name: "台账", rows: []string{"会议|事项内容|落实状态", "第5次常务会议|事项|推进中"}}
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{
		{name: "填报说明", rows: []string{"请按模板填写", "完成时限写具体日期"}},
		ledger,
		{name: "旧台账", hidden: true, rows: ledger.rows},
		{name: "Sheet3"},
		{name: "台账二", rows: []string{"二季度", "", "事项内容|落实状态|会议", "事项乙|已完成|第6次常务会议"}},
	}})
	rows, probs := read(t, p)
	sameLines(t, "rows", dump(rows), []string{
		"2: 会议=第5次常务会议 | 事项内容=事项 | 落实状态=推进中",
		"4: 会议=第6次常务会议 | 事项内容=事项乙 | 落实状态=已完成",
	})
	if len(rows) == 2 && (rows[0].Pos != Pos{File: "a.xlsx", Sheet: "台账", Row: 2} || rows[1].Pos != Pos{File: "a.xlsx", Sheet: "台账二", Row: 4} ||
		colsOf(rows[1]) != "会议=C 事项内容=A 落实状态=B") {
		t.Errorf("Pos/Cols: %+v %+v %s", rows[0].Pos, rows[1].Pos, colsOf(rows[1]))
	}
	sameLines(t, "problems", dumpProblems(probs), []string{
		"a.xlsx!填报说明: 提示: 未找到表头（应含 事项内容、落实状态 等列），已跳过",
		"a.xlsx!旧台账: 提示: 工作表已隐藏，已跳过",
		"a.xlsx!Sheet3: 提示: 工作表为空，已跳过",
	})

	p = writeBook(t, dir, "b.xlsx", testBook{sheets: []testSheet{{name: "说明", rows: []string{"无"}}}})
	rows, probs = read(t, p)
	if len(rows) != 0 || Count(probs, Error) != 1 || !strings.Contains(probs[len(probs)-1].Msg, "没有找到台账工作表") {
		t.Errorf("no ledger: rows %d, problems %q", len(rows), dumpProblems(probs))
	}
}

func TestReadUnitFromFileName(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "市教育局（修改版）.xlsx", testBook{sheets: []testSheet{{
		name: "台账", rows: []string{"会议|事项内容|落实状态", "第5次常务会议|事项|推进中"},
	}}})
	rows, _ := read(t, p)
	if len(rows) != 1 || rows[0].UnitFromFile != "市教育局" {
		t.Fatalf("rows = %+v", rows)
	}
	for _, c := range []struct{ name, want string }{
		{"市统计局.xlsx", "市统计局"},
		{"市统计局（初稿）.xlsx", "市统计局"},
		{"市统计局(修改版).XLSX", "市统计局"},
		{"市统计局【终稿】(1).xlsx", "市统计局"},
		{"市统计局 - 副本.xlsm", "市统计局 - 副本"},
		{"（初稿）.xlsx", "（初稿）"},
	} {
		if got := unitFromFileName(c.name); got != c.want {
			t.Errorf("unitFromFileName(%q) = %q, want %q", c.name, got, c.want)
		}
	}
	for _, c := range []struct {
		row  []string
		want string
	}{
		{[]string{"填报单位：市统计局  填报日期：2023年12月18日"}, "市统计局"},
		{[]string{"填报单位（盖章）：市统计局填报日期：2023年12月18日"}, "市统计局"},
		{[]string{"填报单位：市财政局（盖章）  填报日期：2023年12月18日"}, "市财政局"},
		{[]string{"填报单位：", "市财政局（盖章）"}, "市财政局"},
		{[]string{"填报单位：", "", "市财政局", "填报日期：2023-12-18"}, "市财政局"},
		{[]string{"报送单位:市审计局"}, "市审计局"},
		{[]string{"市统计局2023年度督查事项台账"}, ""},
	} {
		if got := unitFromLines([][]xlsx.Cell{textCells(c.row)}); got != c.want {
			t.Errorf("unitFromLines(%q) = %q, want %q", c.row, got, c.want)
		}
	}
}

func TestReadDate1904(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	sheet := testSheet{name: "台账", rows: []string{"会议|事项内容|完成时限|落实状态", "第5次常务会议|事项|#43645|推进中"}}
	for _, on := range []bool{false, true} {
		p := writeBook(t, dir, fmt.Sprintf("d%v.xlsx", on), testBook{sheets: []testSheet{sheet}, date1904: on})
		rows, _ := read(t, p)
		if len(rows) != 1 || rows[0].Date1904 != on || rows[0].Vals[FieldDeadline] != "43645" {
			t.Errorf("date1904=%v: rows = %+v", on, rows)
		}
	}
}

// rewriteZip rewrites the zip at p with every entry stored, passing each through edit.
