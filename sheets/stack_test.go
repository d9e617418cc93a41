package sheets

import (
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Two tables stacked in one sheet, the second with its own header naming more columns, in
// another order (the layout of 市自然资源和规划局.xlsx in the layouts corpus; the practice of
// one bulletin with a section per source, https://www.zhp.gov.cn/Content-2244518.html). The
// first table is read by its own header, the second by its own: no row is lost above the
// header that names the most columns.
func TestReadStackedTables(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "市自然资源和规划局.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"市自然资源和规划局2024年度督查事项落实台账",
			"一、政府会议确定事项",
			"序号|会议名称|会议时间|议定事项|责任单位|完成时限|落实状态|完成日期|进展情况",
			"#1|市政府第3次常务会议|#45353|做好年度国土空间规划实施监测评估|市自然资源和规划局|#45621|尚未启动||实施方案正在起草",
			"#2|第5次市长专题会议|#45384|加快城南片区控制性详细规划修编|市自然资源和规划局|#45444|已完成|#45431|已通过验收",
			"",
			"二、市长批示件落实情况",
			"序号|批示内容|类别|批示文号|批示日期|承办单位|办结时限|办理状态|办结日期|工作进展",
			"#1|研究解决城北安置小区不动产证办理滞后问题|市长批示件|〔2024〕7号|#45376|市自然资源和规划局|#45421|已完成|#45421|已转入日常管理",
			"#2|统筹解决矿山生态修复项目资金缺口|市长批示件|〔2024〕12号|#45431|市自然资源和规划局|#45498|正在推进||已完成前期手续",
		},
		merges: []string{"A1:J1", "A2:J2", "A7:J7"},
	}}})
	l := ReadLedger(p, testDict(t), ReadOptions{})
	sameLines(t, "rows", dump(l.Rows), []string{
		"4: 会议=市政府第3次常务会议 | 会议日期=45353 | 事项内容=做好年度国土空间规划实施监测评估 | 牵头单位=市自然资源和规划局 | 完成时限=45621 | 落实状态=尚未启动 | 进展情况=实施方案正在起草",
		"5: 会议=第5次市长专题会议 | 会议日期=45384 | 事项内容=加快城南片区控制性详细规划修编 | 牵头单位=市自然资源和规划局 | 完成时限=45444 | 落实状态=已完成 | 完成日期=45431 | 进展情况=已通过验收",
		"9: 类别=市长批示件 | 会议=〔2024〕7号 | 会议日期=45376 | 事项内容=研究解决城北安置小区不动产证办理滞后问题 | 牵头单位=市自然资源和规划局 | 完成时限=45421 | 落实状态=已完成 | 完成日期=45421 | 进展情况=已转入日常管理",
		"10: 类别=市长批示件 | 会议=〔2024〕12号 | 会议日期=45431 | 事项内容=统筹解决矿山生态修复项目资金缺口 | 牵头单位=市自然资源和规划局 | 完成时限=45498 | 落实状态=正在推进 | 进展情况=已完成前期手续",
	})
	sameLines(t, "problems", dumpProblems(l.Problems), []string{
		"市自然资源和规划局.xlsx!台账!A7: 提示: 分组标题行，已跳过（其下各行类别为空时按此标题归类） [二、市长批示件落实情况]",
		"市自然资源和规划局.xlsx!台账!A8: 提示: 另一张表的表头，以下各行按此行的列读取：事项内容（B列）、类别（C列）、会议（D列）、会议日期（E列）、牵头单位（F列）、完成时限（G列）、落实状态（H列）、完成日期（I列）、进展情况（J列） [序号 | 批示内容 | 类别 | 批示文号 | 批示日期 | 承办单位 | 办结时限 | 办理状态 | 办结日期 | 工作进展]",
	})
	var cols, groups []string
	for _, r := range l.Rows {
		cols = append(cols, colsOf(r))
		groups = append(groups, r.Group)
	}
	sameLines(t, "cols", cols, []string{
		"会议=B 会议日期=C 事项内容=D 牵头单位=E 完成时限=F 落实状态=G 完成日期=H 进展情况=I",
		"会议=B 会议日期=C 事项内容=D 牵头单位=E 完成时限=F 落实状态=G 完成日期=H 进展情况=I",
		"类别=C 会议=D 会议日期=E 事项内容=B 牵头单位=F 完成时限=G 落实状态=H 完成日期=I 进展情况=J",
		"类别=C 会议=D 会议日期=E 事项内容=B 牵头单位=F 完成时限=G 落实状态=H 完成日期=I 进展情况=J",
	})
	sameLines(t, "groups", groups, []string{"", "", "二、市长批示件落实情况", "二、市长批示件落实情况"})
	want := []SheetTally{{File: "市自然资源和规划局.xlsx", Sheet: "台账", Rows: [NumDispositions]int{
		RowTitle: 2, RowHeading: 1, RowHeader: 2, RowData: 4}}}
	if len(l.Sheets) != 1 || l.Sheets[0] != want[0] {
		t.Errorf("tallies = %+v, want %+v", l.Sheets, want)
	}
}

// A row above the only header that looks like data is an error at its first cell, counted in
// the row proof as read and excluded — never skipped. Title and 填报单位 lines stay silent.
func TestReadDataAboveHeader(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"督查事项落实台账",
			"填报单位：市统计局|填报日期：2024年12月18日|联系人：张三",
			"#1|第5次常务会议|事项甲|市统计局|2024年底前|推进中",
			"序号|会议|事项内容|牵头单位|完成时限|落实状态",
			"#2|第5次常务会议|事项乙||2024年6月底前|推进中",
		},
		merges: []string{"A1:F1"},
	}}})
	l := ReadLedger(p, testDict(t), ReadOptions{})
	sameLines(t, "rows", dump(l.Rows), []string{"5: 会议=第5次常务会议 | 事项内容=事项乙 | 完成时限=2024年6月底前 | 落实状态=推进中"})
	sameLines(t, "problems", dumpProblems(l.Problems), []string{
		"a.xlsx!台账!A3: 错误: 表头上方的数据行未能识别：此行在第4行的表头之上，不属于任何一张表，无法读取；如是台账事项，请移到表头下方、按表头各列填写（该行已排除，未计入统计，请修改后重新报送） [1 | 第5次常务会议 | 事项甲 | 市统计局 | 2024年底前 | 推进中]",
	})
	if len(l.Rows) == 1 && l.Rows[0].UnitFromFile != "市统计局" {
		t.Errorf("UnitFromFile = %q", l.Rows[0].UnitFromFile)
	}
	want := SheetTally{File: "a.xlsx", Sheet: "台账", Rows: [NumDispositions]int{RowTitle: 2, RowHeader: 1, RowData: 1, RowExcluded: 1}}
	if len(l.Sheets) != 1 || l.Sheets[0] != want || l.Sheets[0].Read() != 2 {
		t.Errorf("tallies = %+v, want %+v", l.Sheets, want)
	}

	// The row proof counts it: 读取2行 = 明细1项 + 重复合并0行 + 错误排除1行.
	r := Build([]string{p}, Options{Dict: testDict(t), AsOf: date(2024, 12, 20), WarnDays: 7})
	if r.RowsRead != 2 || len(r.Items) != 1 || r.Duplicates != 0 || r.Excluded != 1 || Count(r.Problems, Error) != 1 ||
		r.Items[0].Content != "事项乙" {
		t.Errorf("proof: read %d = items %d + dups %d + excluded %d; problems %q", r.RowsRead, len(r.Items), r.Duplicates, r.Excluded, dumpProblems(r.Problems))
	}
	if len(r.Sheets) != 1 || r.Sheets[0] != want {
		t.Errorf("report tallies = %+v, want %+v", r.Sheets, want)
	}
}

// The second table's header has two rows (落实情况 merged over 落实状态 | 完成日期, the other
// names merged down), and the first table's two-row header is repeated further down: the new
// one is mapped with its sub-header, the repeated one passed over.
func TestReadStackedTwoRowHeaders(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"序号|会议|事项内容|牵头单位|落实情况|",
			"||||落实状态|完成日期",
			"#1|第5次常务会议|事项一|市统计局|已完成|#45300",
			"序号|会议|事项内容|牵头单位|落实情况|",
			"||||落实状态|完成日期",
			"#2|第6次常务会议|事项二|市统计局|推进中|",
			"",
			"二、市长批示件",
			"序号|批示内容|基本情况||落实情况|",
			"||批示文号|承办单位|办理状态|办结日期",
			"#1|事项三|〔2024〕7号|市统计局|已完成|#45400",
		},
		merges: []string{"A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "A4:A5", "B4:B5", "C4:C5", "D4:D5", "E4:F4",
			"A9:A10", "B9:B10", "C9:D9", "E9:F9"},
	}}})
	l := ReadLedger(p, testDict(t), ReadOptions{})
	sameLines(t, "rows", dump(l.Rows), []string{
		"3: 会议=第5次常务会议 | 事项内容=事项一 | 牵头单位=市统计局 | 落实状态=已完成 | 完成日期=45300",
		"6: 会议=第6次常务会议 | 事项内容=事项二 | 牵头单位=市统计局 | 落实状态=推进中",
		"11: 会议=〔2024〕7号 | 事项内容=事项三 | 牵头单位=市统计局 | 落实状态=已完成 | 完成日期=45400",
	})
	sameLines(t, "problems", dumpProblems(l.Problems), []string{
		"a.xlsx!台账!A4: 提示: 重复的表头行，已跳过 [序号 | 会议 | 事项内容 | 牵头单位 | 落实情况]",
		"a.xlsx!台账!A8: 提示: 分组标题行，已跳过（其下各行类别为空时按此标题归类） [二、市长批示件]",
		"a.xlsx!台账!A9: 提示: 另一张表的表头，以下各行按此行的列读取：事项内容（B列）、会议（C列）、牵头单位（D列）、落实状态（E列）、完成日期（F列） [序号 | 批示内容 | 基本情况 | 落实情况]",
	})
	want := SheetTally{File: "a.xlsx", Sheet: "台账", Rows: [NumDispositions]int{RowHeading: 1, RowHeader: 6, RowData: 3}}
	if len(l.Sheets) != 1 || l.Sheets[0] != want {
		t.Errorf("tallies = %+v, want %+v", l.Sheets, want)
	}
}

// The upper row of the first header naming no field of its own (group cells merged over the
// names below) is part of the header, not a data row above it.
func TestReadHeaderUpperRowOfGroups(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"督查事项台账",
			"序号|交办情况|||办理情况|",
			"|会议|事项内容|牵头单位|落实状态|完成日期",
			"#1|第5次常务会议|事项一|市统计局|已完成|#45300",
		},
		merges: []string{"A1:F1", "A2:A3", "B2:D2", "E2:F2"},
	}}})
	l := ReadLedger(p, testDict(t), ReadOptions{})
	sameLines(t, "rows", dump(l.Rows), []string{
		"4: 会议=第5次常务会议 | 事项内容=事项一 | 牵头单位=市统计局 | 落实状态=已完成 | 完成日期=45300",
	})
	sameLines(t, "problems", dumpProblems(l.Problems), nil)
	want := SheetTally{File: "a.xlsx", Sheet: "台账", Rows: [NumDispositions]int{RowTitle: 1, RowHeader: 2, RowData: 1}}
	if len(l.Sheets) != 1 || l.Sheets[0] != want {
		t.Errorf("tallies = %+v, want %+v", l.Sheets, want)
	}
}

// seqField and otherField stand for the 序号 column and a column duban does not know in a
// generated header.
const (
	seqField   Field = -1
	otherField Field = -2
)

// genAliases are header spellings a generated table picks from (SPEC §3.1, the dictionary).
var genAliases = map[Field][]string{
	seqField:      {"序号"},
	otherField:    {"联系人", "手机号码"},
	FieldCategory: {"类别", "事项类别"},
	FieldMeeting:  {"会议", "会议名称", "会议届次"},
	FieldContent:  {"事项内容", "议定事项", "工作任务", "督办事项"},
	FieldLead:     {"牵头单位", "责任单位", "承办单位"},
	FieldDeadline: {"完成时限", "办结时限", "时限要求"},
	FieldStatus:   {"落实状态", "办理状态", "状态"},
	FieldDone:     {"完成日期", "办结日期"},
	FieldProgress: {"进展情况", "工作进展"},
	FieldNote:     {"备注"},
}

// sheetGen writes one random sheet as read_test's testSheet rows, and what reading it must give.
type sheetGen struct {
	rng    *rand.Rand
	serial *int // numbers the contents, unique in the workbook
	rows   []string
	merges []string
	want   [NumDispositions]int
	items  []string // the RawRows as dump renders them
	errors []int    // rows of the stray data rows above the first header
}

func (g *sheetGen) line(d Disposition, cells ...string) int {
	g.rows = append(g.rows, strings.Join(cells, "|"))
	g.want[d]++
	return len(g.rows)
}

func (g *sheetGen) blanks(most int) {
	for range g.rng.IntN(most + 1) {
		g.rows = append(g.rows, "")
	}
}

func (g *sheetGen) chance(p float64) bool { return g.rng.Float64() < p }

func (g *sheetGen) pick(s []string) string { return s[g.rng.IntN(len(s))] }

// columns picks a table's fields in a random order: the required ones, some others, and
// 序号 first or not at all; with done after status when grouped under 落实情况.
func (g *sheetGen) columns(grouped bool) []Field {
	fs := []Field{FieldMeeting, FieldContent, FieldDeadline, FieldStatus}
	for _, f := range []Field{FieldCategory, FieldLead, FieldDone, FieldProgress, FieldNote} {
		if g.chance(0.5) || grouped && f == FieldDone {
			fs = append(fs, f)
		}
	}
	g.rng.Shuffle(len(fs), func(i, j int) { fs[i], fs[j] = fs[j], fs[i] })
	if grouped {
		fs = slices.DeleteFunc(fs, func(f Field) bool { return f == FieldDone })
		i := slices.Index(fs, FieldStatus)
		fs = slices.Insert(fs, i+1, FieldDone)
	}
	if g.chance(0.7) {
		fs = append([]Field{seqField}, fs...)
	}
	if g.chance(0.2) {
		fs = append(fs, otherField)
	}
	return fs
}

// consistent reports whether a header of cols maps every field where prev does: a repeat.
func consistent(cols, prev []Field) bool {
	for i, f := range cols {
		if f >= 0 && !(i < len(prev) && prev[i] == f) {
			return false
		}
	}
	return true
}

// header writes a header of cols, of two rows (落实情况 over 落实状态 | 完成日期, the other
// names merged down) when grouped.
func (g *sheetGen) header(cols []Field, grouped bool) {
	name := func(f Field) string { return g.pick(genAliases[f]) }
	if !grouped {
		var cells []string
		for _, f := range cols {
			cells = append(cells, name(f))
		}
		g.line(RowHeader, cells...)
		return
	}
	upper, lower := make([]string, len(cols)), make([]string, len(cols))
	r := len(g.rows) + 1
	for i, f := range cols {
		c := ColumnName(i + 1)
		switch f {
		case FieldStatus:
			upper[i], lower[i] = "落实情况", name(f)
			g.merges = append(g.merges, fmt.Sprintf("%s%d:%s%d", c, r, ColumnName(i+2), r))
		case FieldDone:
			lower[i] = name(f)
		default:
			upper[i] = name(f)
			g.merges = append(g.merges, fmt.Sprintf("%s%d:%s%d", c, r, c, r+1))
		}
	}
	g.line(RowHeader, upper...)
	g.line(RowHeader, lower...)
}

// table writes a table's data rows: some runs share a meeting written once in merged cells,
// with blank rows between some of them.
func (g *sheetGen) table(cols []Field, n int) {
	seq := 0
	for n > 0 {
		run := 1
		if g.chance(0.3) {
			run = min(n, 2+g.rng.IntN(2))
		}
		cat, meeting := "市政府常务会议", fmt.Sprintf("市政府第%d次常务会议", 1+g.rng.IntN(20))
		if g.chance(0.5) {
			cat, meeting = "市长专题会议", fmt.Sprintf("第%d次市长专题会议", 1+g.rng.IntN(20))
		}
		first := len(g.rows) + 1
		for k := range run {
			*g.serial++
			seq++
			var vals [NumFields]string
			vals[FieldCategory], vals[FieldMeeting] = cat, meeting
			vals[FieldContent] = fmt.Sprintf("推进第%d项重点工作", *g.serial)
			vals[FieldLead] = g.pick([]string{"市统计局", "市财政局", "市住房和城乡建设局"})
			month := 1 + g.rng.IntN(11)
			vals[FieldDeadline] = fmt.Sprintf("2024年%d月底前", month)
			vals[FieldStatus] = g.pick([]string{"已完成", "推进中", "未启动"})
			if vals[FieldStatus] == "已完成" {
				vals[FieldDone] = fmt.Sprintf("2024-%02d-15", month)
			}
			if g.chance(0.5) {
				vals[FieldProgress] = "已完成前期工作，正在组织实施"
			}
			var cells []string
			var got [NumFields]string
			for _, f := range cols {
				switch {
				case f == seqField:
					cells = append(cells, fmt.Sprintf("#%d", seq))
				case f == otherField:
					cells = append(cells, "张三")
				case k > 0 && run > 1 && (f == FieldCategory || f == FieldMeeting):
					cells = append(cells, "") // under the merged cell of the run's first row
					got[f] = vals[f]
				default:
					cells = append(cells, vals[f])
					got[f] = vals[f]
				}
			}
			// A continuation row (only more 进展情况) under the run's last item joins it.
			var cont []string
			if p := slices.Index(cols, FieldProgress); p >= 0 && k == run-1 && g.chance(0.2) {
				cont = make([]string, len(cols))
				cont[p] = "另：配套工程同步推进"
				if got[FieldProgress] != "" {
					got[FieldProgress] += "\n"
				}
				got[FieldProgress] += cont[p]
			}
			r := g.line(RowData, cells...)
			row := RawRow{Vals: got}
			g.items = append(g.items, fmt.Sprintf("%d: %s", r, row.Joined()))
			if cont != nil {
				g.line(RowPassed, cont...)
			}
		}
		if run > 1 {
			for i, f := range cols {
				if f == FieldCategory || f == FieldMeeting {
					c := ColumnName(i + 1)
					g.merges = append(g.merges, fmt.Sprintf("%s%d:%s%d", c, first, c, first+run-1))
				}
			}
		}
		n -= run
		if n > 0 {
			g.blanks(1)
		}
	}
}

// sheet writes a random sheet: titles, a 填报单位 line, maybe a stray data row above the
// header, one to three stacked tables (headings, headers of one or two rows in their own
// column order, column numbers, repeated headers, items), and footers.
func (g *sheetGen) sheet() {
	for range g.rng.IntN(3) {
		r := g.line(RowTitle, "市统计局2024年度督查事项落实台账")
		g.merges = append(g.merges, fmt.Sprintf("A%d:F%d", r, r))
	}
	if g.chance(0.5) {
		cells := []string{"填报单位：市统计局", "填报日期：2024年12月18日"}
		if g.chance(0.5) {
			cells = append(cells, "联系人：张三")
		}
		g.line(RowTitle, cells...)
	}
	g.blanks(1)
	if g.chance(0.4) {
		g.errors = append(g.errors, g.line(RowExcluded, "#1", "市政府第1次常务会议", "没有表头的事项", "市统计局", "推进中"))
		g.blanks(1)
	}
	var prev []Field
	for t := range 1 + g.rng.IntN(3) {
		if t > 0 {
			g.blanks(2)
		}
		if t == 0 && g.chance(0.5) {
			g.line(RowTitle, "一、会议议定事项")
		} else if t > 0 && prev[0] != FieldContent && g.chance(0.7) {
			// (a lone cell in the 事项内容 column is an item whose other cells are empty)
			g.line(RowHeading, []string{"二、其他事项", "三、其他事项"}[t-1])
		}
		grouped := g.chance(0.3)
		cols := g.columns(grouped)
		g.header(cols, grouped)
		if !consistent(cols, prev) && g.chance(0.3) {
			var nums []string
			for i := range cols {
				nums = append(nums, fmt.Sprintf("#%d", i+1))
			}
			g.line(RowPassed, nums...)
		}
		items := 1 + g.rng.IntN(4)
		if g.chance(0.15) {
			items = 30 + g.rng.IntN(10) // the next table's header past the rows searched for the first
		}
		g.table(cols, items)
		if g.chance(0.2) {
			g.header(cols, grouped) // repeated, perhaps in other spellings
			g.table(cols, 1+g.rng.IntN(2))
		}
		prev = cols
	}
	g.blanks(1)
	for _, f := range [][]string{{"填表人：张三", "联系电话：12345678"}, {"注：完成时限请写具体日期"}, {"审核人：李四"}} {
		if g.chance(0.4) {
			g.line(RowFooter, f...)
		}
	}
}

// TestReadDispositionsProperty reads generated sheets laid out as units lay them out and
// checks SPEC §5 on each: every non-blank row has exactly one disposition (the tally by kind
// is the generator's, and adds up to the sheet's non-blank rows), the items carry their
// values, each stray data row above the header is an error at its first cell, and the row
// proof adds up with those rows counted as read and excluded.
func TestReadDispositionsProperty(t *testing.T) {
	t.Parallel()
	runs := 150
	if testing.Short() {
		runs = 40
	}
	d := testDict(t)
	dir := t.TempDir()
	for seed := range runs {
		rng := rand.New(rand.NewPCG(uint64(seed), 14))
		serial := 0
		var book testBook
		var gens []*sheetGen
		for k := range 1 + rng.IntN(2) {
			g := &sheetGen{rng: rng, serial: &serial}
			g.sheet()
			book.sheets = append(book.sheets, testSheet{name: fmt.Sprintf("台账%d", k+1), rows: g.rows, merges: g.merges})
			gens = append(gens, g)
		}
		name := fmt.Sprintf("seed%d.xlsx", seed)
		p := writeBook(t, dir, name, book)
		l := ReadLedger(p, d, ReadOptions{})
		failed := false
		fail := func(format string, a ...any) {
			failed = true
			t.Errorf("seed %d: "+format, append([]any{seed}, a...)...)
		}
		if len(l.Sheets) != len(gens) {
			fail("%d tallies for %d sheets: %+v", len(l.Sheets), len(gens), l.Sheets)
			continue
		}
		data, stray := 0, 0
		for k, g := range gens {
			sheet := book.sheets[k].name
			tl := l.Sheets[k]
			nonBlank, sum := 0, 0
			for _, r := range g.rows {
				if r != "" {
					nonBlank++
				}
			}
			for _, c := range tl.Rows {
				sum += c
			}
			if tl.Sheet != sheet || tl.File != name || tl.Rows != g.want || sum != nonBlank {
				fail("sheet %s: tally %+v (%d rows), want %v (%d non-blank rows)", sheet, tl, sum, g.want, nonBlank)
			}
			var rows []RawRow
			for _, r := range l.Rows {
				if r.Pos.Sheet == sheet {
					rows = append(rows, r)
				}
			}
			if got := dump(rows); strings.Join(got, "\n") != strings.Join(g.items, "\n") {
				fail("sheet %s: rows\n\t%s\nwant\n\t%s", sheet, strings.Join(got, "\n\t"), strings.Join(g.items, "\n\t"))
			}
			var errs []int
			for _, pr := range l.Problems {
				if pr.Level == Error && pr.Pos.Sheet == sheet {
					if pr.Pos.Col != 0 || !strings.HasPrefix(pr.Msg, "表头上方的数据行未能识别") {
						fail("unexpected error %s", pr)
					}
					errs = append(errs, pr.Pos.Row)
				}
			}
			if !slices.Equal(errs, g.errors) {
				fail("sheet %s: errors at rows %v, want %v", sheet, errs, g.errors)
			}
			data += g.want[RowData]
			stray += g.want[RowExcluded]
		}
		r := Build([]string{p}, Options{Dict: d, AsOf: date(2024, 12, 20), WarnDays: 7})
		if r.RowsRead != len(r.Items)+r.Duplicates+r.Excluded || r.RowsRead != data+stray || len(r.Items) != data || r.Excluded != stray {
			fail("proof: read %d = items %d + dups %d + excluded %d; want %d data rows and %d stray rows",
				r.RowsRead, len(r.Items), r.Duplicates, r.Excluded, data, stray)
		}
		if failed {
			for k, g := range gens {
				t.Logf("seed %d sheet %d:\n\t%s\nmerges %v\nproblems:\n\t%s", seed, k+1, strings.Join(g.rows, "\n\t"), g.merges,
					strings.Join(dumpProblems(l.Problems), "\n\t"))
			}
		}
	}
}

// On the sample corpus and the real-world workbooks, the tally of each ledger sheet adds up
// to its non-blank rows as excelize reads them, and its data rows are the RawRows read.
func TestReadTallyCoversCorpus(t *testing.T) {
	t.Parallel()
	d := testDict(t)
	var files []string
	for _, dir := range []string{"../testdata/sample", "../../shared/realworld-xlsx"} {
		if testing.Short() && dir != "../testdata/sample" {
			continue // -short: not the big corpus
		}
		fs, _ := filepath.Glob(filepath.Join(dir, "*.xls[xm]"))
		files = append(files, fs...)
	}
	if len(files) == 0 {
		t.Skip("no corpus")
	}
	sheets := 0
	for _, p := range files {
		l := ReadLedger(p, d, ReadOptions{})
		f, err := excelize.OpenFile(p)
		if err != nil {
			continue // refused by excelize too
		}
		for _, tl := range l.Sheets {
			rows, err := f.GetRows(tl.Sheet, excelize.Options{RawCellValue: true})
			if err != nil {
				t.Errorf("%s!%s: %v", tl.File, tl.Sheet, err)
				continue
			}
			nonBlank, sum, read := 0, 0, 0
			for _, r := range rows {
				if !blank(textCells(r)) {
					nonBlank++
				}
			}
			for _, c := range tl.Rows {
				sum += c
			}
			for _, r := range l.Rows {
				if r.Pos.Sheet == tl.Sheet {
					read++
				}
			}
			if sum != nonBlank || tl.Rows[RowData] != read {
				t.Errorf("%s!%s: tally %v adds up to %d, %d non-blank rows; %d RawRows", tl.File, tl.Sheet, tl.Rows, sum, nonBlank, read)
			}
			sheets++
		}
		f.Close()
	}
	t.Logf("%d ledger sheets of %d files", sheets, len(files))
}

// A second table whose header begins with a column duban does not know is found among the top
// rows as the first header is (the one naming the most columns), and read by its own columns.
func TestReadStackedHeaderUnknownFirst(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	p := writeBook(t, dir, "a.xlsx", testBook{sheets: []testSheet{{
		name: "台账",
		rows: []string{
			"会议|事项内容|完成时限|落实状态",
			"市政府第5次常务会议|事项一|2024年6月底前|推进中",
			"联系人|类别|批示文号|批示内容|承办单位|办结时限|办理状态",
			"张三|市长批示件|〔2024〕7号|事项二|市统计局|2024年9月底前|已完成",
		},
	}}})
	l := ReadLedger(p, testDict(t), ReadOptions{})
	sameLines(t, "rows", dump(l.Rows), []string{
		"2: 会议=市政府第5次常务会议 | 事项内容=事项一 | 完成时限=2024年6月底前 | 落实状态=推进中",
		"4: 类别=市长批示件 | 会议=〔2024〕7号 | 事项内容=事项二 | 牵头单位=市统计局 | 完成时限=2024年9月底前 | 落实状态=已完成",
	})
	sameLines(t, "problems", dumpProblems(l.Problems), []string{
		"a.xlsx!台账!A3: 提示: 另一张表的表头，以下各行按此行的列读取：类别（B列）、会议（C列）、事项内容（D列）、牵头单位（E列）、完成时限（F列）、落实状态（G列） [联系人 | 类别 | 批示文号 | 批示内容 | 承办单位 | 办结时限 | 办理状态]",
		"a.xlsx!台账!A3: 提示: 未识别的列：联系人，已忽略 [联系人]",
	})
}
