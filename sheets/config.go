package sheets

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/zhtext"
)

// The config workbook (SPEC §8) is the dictionary as an office edits it in Excel: one sheet per
// table of templates/dictionary.txt, each with an explanation in row 1, a header in row 2 and
// one entry per row below. Lists of spellings in one cell are joined with 、.

// ConfigTable describes one sheet of the config workbook.
type ConfigTable struct {
	Section string
	Header  []string  // the labels of row 2
	Note    string    // the explanation in row 1
	Widths  []float64 // of the columns, in characters
	// blame is the column (0-based) that BuildDict complains about for a line of this table,
	// so that its error names the cell to fix.
	blame func(cells []string) int
}

var configTables = []ConfigTable{
	{SectionCategories, []string{"名称", "种类", "别名", "识别关键词"},
		"类别：每行一个类别，按此顺序出现在汇总表中。种类填 会议（计入会议次数）、批示 或 任务。" +
			"别名是类别栏里的其他写法；识别关键词用于类别栏为空时从会议名称识别类别（如 常务会）。多个写法用“、”分隔。",
		[]float64{20, 10, 44, 36}, func([]string) int { return 1 }},
	{SectionStatuses, []string{"类别", "写法"},
		"落实状态：每行一类（已落实、推进中、未启动，不能改名），写法是各单位台账中表示这一类的其他说法，用“、”分隔。",
		[]float64{14, 70}, func([]string) int { return 0 }},
	{SectionColumns, []string{"标准列名", "别名"},
		"列名：标准列名不能修改；别名是各单位台账表头的其他写法，用“、”分隔。表头中的空格、换行、*号和全角半角差异会自动忽略。",
		[]float64{14, 80}, func([]string) int { return 0 }},
	{SectionNoDeadline, []string{"写法"},
		"无明确时限：完成时限栏写了这些词（或空白）的事项，计为没有明确时限。每行一个词。",
		[]float64{50}, func([]string) int { return 0 }},
	{SectionUnits, []string{"单位名称", "别名", "应报送"},
		"单位：留空表示不核对单位名称；列出后，不在名单中的牵头单位会给出警告，别名会统一为单位名称。多个别名用“、”分隔。" +
			"应报送填 是 的单位每期都应报送台账，未报送的在汇总表中注明。",
		[]float64{24, 60, 10}, func(cells []string) int {
			if len(cells) > 2 {
				if _, ok := mustReport(strings.TrimSpace(cells[2])); !ok {
					return 2
				}
			}
			return 0
		}},
	{SectionSettings, []string{"名称", "值"},
		"设置：临期天数是距完成时限不超过多少天的未落实事项记为临期（命令行 --warn-days 优先）；" +
			"制表单位请填本单位名称（如 x市人民政府办公室），写在汇总表、会议通报、催办单的抬头和批注署名中；" +
			"刊名、密级标注、联系人、联系电话印在督查通报（Word文档）上；下一步工作要求每行一段，段首一句（不超过16个字）作小标题；" +
			"段首一句含“逾期”的段落只在有逾期事项时印出，含“无明确时限”的只在有无明确时限事项时印出。",
		[]float64{14, 36}, func(cells []string) int {
			if len(cells) > 0 && slices.Contains(Settings(), strings.TrimSpace(cells[0])) {
				return 1
			}
			return 0
		}},
}

// ConfigTables are the sheets of the config workbook, in order.
func ConfigTables() []ConfigTable { return slices.Clone(configTables) }

// ConfigHeaderRow is the config workbook's header row (1-based); the explanation is above it.
const ConfigHeaderRow = 2

// ConfigListSep joins several spellings in one cell of the config workbook.
const ConfigListSep = "、"

// ReadConfig reads a config workbook written by books.WriteConfig and edited by the office,
// whole and under opt's limits as a unit's file is read: a damaged one is refused with the
// same words, never read in part. Its errors are in Chinese and name the place to fix as
// 文件!工作表!单元格.
func ReadConfig(path string, opt ReadOptions) (*Dict, error) {
	name := filepath.Base(path)
	book, err := openBook(path, opt)
	if err != nil {
		return nil, fmt.Errorf("无法打开词典配置 %s：%w（请确认是 duban config 导出的 .xlsx 工作簿）", name, err)
	}
	tables := map[string][]DictLine{}
	for _, t := range configTables {
		s := sheet(book, t.Section)
		if s == nil {
			return nil, fmt.Errorf("%s：缺少工作表“%s”，请不要删除或改名配置工作簿中的工作表（可用 duban config -o 重新导出）", name, t.Section)
		}
		header := configHeader(s.Rows, t.Header[0])
		if header < 0 {
			return nil, fmt.Errorf("%s!%s：找不到表头行（第一列应为“%s”），请不要删除表头", name, t.Section, t.Header[0])
		}
		for _, row := range s.Rows[header+1:] {
			cells := make([]string, len(row.Cells))
			for c, x := range row.Cells {
				cells[c] = x.Value
			}
			if blankRow(cells) {
				continue
			}
			col := t.blame(cells)
			where := fmt.Sprintf("%s!%s!%s%d", name, t.Section, ColumnName(col+1), row.N)
			tables[t.Section] = append(tables[t.Section], DictLine{Cells: cells, Where: where})
		}
	}
	d, err := BuildDict(tables)
	if err != nil {
		return nil, fmt.Errorf("词典配置有误：%w", err)
	}
	return d, nil
}

// configHeader returns the index in rows of the header row (among the first ten), whose first
// cell is first; the office may have inserted or deleted lines above it.
func configHeader(rows []xlsx.Row, first string) int {
	for i := 0; i < len(rows) && rows[i].N <= 10; i++ {
		if c := rows[i].Cells; len(c) > 0 && zhtext.Normalize(c[0].Value) == first {
			return i
		}
	}
	return -1
}

func blankRow(cells []string) bool {
	for _, c := range cells {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}
