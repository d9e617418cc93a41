package sheets

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/internal/zhtext"
	"github.com/xuri/excelize/v2"
)

// The config workbook (SPEC §8) is the dictionary as an office edits it in Excel: one sheet per
// table of templates/dictionary.txt, each with an explanation in row 1, a header in row 2 and
// one entry per row below. Lists of spellings in one cell are joined with 、.

// configTable describes one sheet of the config workbook.
type configTable struct {
	section string
	header  []string
	note    string
	widths  []float64
	// blame is the column (0-based) that BuildDict complains about for a line of this table,
	// so that its error names the cell to fix.
	blame func(cells []string) int
}

var configTables = []configTable{
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
	{SectionUnits, []string{"单位名称", "别名"},
		"单位：留空表示不核对单位名称；列出后，不在名单中的牵头单位会给出警告，别名会统一为单位名称。多个别名用“、”分隔。",
		[]float64{24, 60}, func([]string) int { return 0 }},
	{SectionSettings, []string{"名称", "值"},
		"设置：临期天数是距完成时限不超过多少天的未落实事项记为临期（命令行 --warn-days 优先）；" +
			"制表单位请填本单位名称（如 x市人民政府办公室），写在汇总表、会议通报、催办单的抬头和批注署名中。",
		[]float64{14, 36}, func(cells []string) int {
			if len(cells) > 0 {
				if s := strings.TrimSpace(cells[0]); s == SettingWarnDays || s == SettingOffice {
					return 1
				}
			}
			return 0
		}},
}

const (
	configHeaderRow = 2
	configListSep   = "、"
)

// WriteConfig writes dictionary d to path as an editable config workbook, through a temporary
// file in the same folder renamed into place.
func WriteConfig(path string, d *Dict) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := buildConfig(f, d); err != nil {
		return fmt.Errorf("写入 %s: %w", path, err)
	}
	return SaveFile(path, func(w io.Writer) error { return f.Write(w) })
}

func buildConfig(f *excelize.File, d *Dict) error {
	note, err := f.NewStyle(&excelize.Style{
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
		Font:      &excelize.Font{Color: "595959"},
	})
	if err != nil {
		return err
	}
	border := xlsxout.Border("BFBFBF")
	head, err := f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      xlsxout.Solid(xlsxout.FormFill),
		Border:    border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
	})
	if err != nil {
		return err
	}
	body, err := f.NewStyle(&excelize.Style{
		Border: border, NumFmt: 49, // text, so 7 or 001 stay as typed
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"},
	})
	if err != nil {
		return err
	}
	for i, t := range configTables {
		sheet := t.section
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		last := ColumnName(len(t.header))
		if err := f.SetCellStr(sheet, "A1", t.note); err != nil {
			return err
		}
		if len(t.header) > 1 { // a one-cell merge is no merge (Excel never writes one)
			if err := f.MergeCell(sheet, "A1", last+"1"); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, "A1", last+"1", note); err != nil {
			return err
		}
		if err := f.SetRowHeight(sheet, 1, 48); err != nil {
			return err
		}
		for c, h := range t.header {
			if err := f.SetCellStr(sheet, ColumnName(c+1)+"2", h); err != nil {
				return err
			}
			if err := f.SetColWidth(sheet, ColumnName(c+1), ColumnName(c+1), t.widths[c]); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, "A2", last+"2", head); err != nil {
			return err
		}
		rows := configRows(t.section, d)
		for r, cells := range rows {
			for c, v := range cells {
				if err := f.SetCellStr(sheet, ColumnName(c+1)+strconv.Itoa(r+3), v); err != nil {
					return err
				}
			}
		}
		// Style some empty rows too, so that added lines look like the others.
		if err := f.SetCellStyle(sheet, "A3", last+strconv.Itoa(len(rows)+22), body); err != nil {
			return err
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: configHeaderRow, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if t.section == SectionCategories {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = "B3:B1000"
			if err := dv.SetDropList([]string{KindMeeting.String(), KindDoc.String(), KindTask.String()}); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "种类", "种类应为 会议、批示 或 任务")
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	return xlsxout.SetProps(f, xlsxout.Props{Application: "duban", Description: "duban-config", Title: "duban 词典配置"})
}

// configRows returns the entries of one table of d, as cells.
func configRows(section string, d *Dict) [][]string {
	join := func(s []string) string { return strings.Join(s, configListSep) }
	var rows [][]string
	switch section {
	case SectionCategories:
		for _, c := range d.Categories {
			rows = append(rows, []string{c.Name, c.Kind.String(), join(c.Aliases), join(c.Keywords)})
		}
	case SectionStatuses:
		for _, s := range []Status{Done, InProgress, NotStarted} {
			rows = append(rows, []string{s.String(), join(d.Statuses[s])})
		}
	case SectionColumns:
		for f := Field(0); f < NumFields; f++ {
			rows = append(rows, []string{f.String(), join(d.Columns[f])})
		}
	case SectionNoDeadline:
		for _, w := range d.NoDeadline {
			rows = append(rows, []string{w})
		}
	case SectionUnits:
		for _, u := range d.Units {
			rows = append(rows, []string{u.Name, join(u.Aliases)})
		}
	case SectionSettings:
		rows = append(rows, []string{SettingWarnDays, strconv.Itoa(d.WarnDays)}, []string{SettingOffice, d.Office})
	}
	return rows
}

// ReadConfig reads a config workbook written by WriteConfig and edited by the office. Its
// errors are in Chinese and name the place to fix as 文件!工作表!单元格.
func ReadConfig(path string) (*Dict, error) {
	name := filepath.Base(path)
	f, err := excelize.OpenFile(path)
	if err != nil {
		return nil, fmt.Errorf("无法打开词典配置 %s：%w（请确认是 duban config 导出的 .xlsx 工作簿）", name, err)
	}
	defer f.Close()
	tables := map[string][]DictLine{}
	for _, t := range configTables {
		idx, err := f.GetSheetIndex(t.section)
		if err != nil || idx < 0 {
			return nil, fmt.Errorf("%s：缺少工作表“%s”，请不要删除或改名配置工作簿中的工作表（可用 duban config -o 重新导出）", name, t.section)
		}
		rows, err := f.GetRows(t.section)
		if err != nil {
			return nil, fmt.Errorf("%s!%s：无法读取：%w", name, t.section, err)
		}
		header := configHeader(rows, t.header[0])
		if header < 0 {
			return nil, fmt.Errorf("%s!%s：找不到表头行（第一列应为“%s”），请不要删除表头", name, t.section, t.header[0])
		}
		for r := header + 1; r < len(rows); r++ {
			cells := rows[r]
			if blankRow(cells) {
				continue
			}
			col := t.blame(cells)
			where := fmt.Sprintf("%s!%s!%s%d", name, t.section, ColumnName(col+1), r+1)
			tables[t.section] = append(tables[t.section], DictLine{Cells: cells, Where: where})
		}
	}
	d, err := BuildDict(tables)
	if err != nil {
		return nil, fmt.Errorf("词典配置有误：%w", err)
	}
	return d, nil
}

// configHeader returns the 0-based index of the header row, whose first cell is first; the
// office may have inserted or deleted lines above it.
func configHeader(rows [][]string, first string) int {
	for i := 0; i < len(rows) && i < 10; i++ {
		if len(rows[i]) > 0 && zhtext.Normalize(rows[i][0]) == first {
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
