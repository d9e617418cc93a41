package books

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The submission form (SPEC §9): sheet names, layout and the marks it carries. A form filled
// in and sent back is an ordinary ledger to the reader; it must never carry the report mark
// (duban-report), or the reader would skip it.
const (
	SheetGuide   = sheets.FormGuideSheet
	SheetForm    = "台账"
	SheetOptions = sheets.FormListSheet // hidden: the lists behind the drop-downs

	// HeaderRow is the row of the column labels on 台账; data starts below it.
	HeaderRow = 3

	formApplication = "duban"
	formDescription = sheets.FormDescription

	blankRows = 300 // styled, validated rows offered for filling in
	spareRows = 100 // extra styled rows below a pre-filled form
)

// Columns are the labels of the 台账 sheet, in order: 序号, then every canonical field.
var Columns = func() []string {
	c := []string{"序号"}
	for f := sheets.Field(0); f < sheets.NumFormFields; f++ {
		c = append(c, f.String())
	}
	return c
}()

// col returns the column letter of field f on 台账.
func col(f sheets.Field) string { return sheets.ColumnName(int(f) + 2) }

// formWidths are the widths of 台账's columns: as narrow as their labels and usual values
// allow (the date columns just fit 2024-06-30, 编号 fits CZ2024-001; longer text wraps), so that the printed form is
// as large as it can be (formPaper).
var formWidths = map[string]float64{
	"序号": 5, "编号": 11, "类别": 14, "会议": 14, "会议日期": 11, "事项内容": 30, "牵头单位": 12,
	"配合单位": 10, "责任领导": 9, "完成时限": 11, "落实状态": 9, "完成日期": 11, "进展情况": 24, "备注": 8,
}

// Texts of the form.
const (
	formTitle      = "督查事项落实台账"
	formUnitLine   = "填报单位：%s"
	formOfficeLine = "制表单位：%s"
	lineSep        = "　　" // between the parts of the line under the title
	formHintLine   = "请先阅读“填报说明”工作表；类别、落实状态请从下拉列表中选择，日期写成 2024-06-30。"
	deadlineTitle  = "完成时限的写法"
	statusTitle    = "落实状态"
	statusError    = "请从下拉列表中选择：已落实、推进中 或 未启动。"
	categoryTitle  = "类别"
	categoryError  = "该类别不在下拉列表中。如确属新类别可继续，否则请从下拉列表中选择。"
	doneDateTitle  = "完成日期"
	doneDatePrompt = "已落实的事项请填写完成日期，如 2024-06-30；未落实的事项不要填写。"
	// a form made from last round's report (SPEC §9.3)
	formKeptIntro = "本表已按上期汇总表预填本单位牵头的事项及其上期的落实状态、完成日期和进展情况。请逐项核对，" +
		"有变化的改写，没有变化的保持原样即可；请不要修改预填的编号、会议和事项内容。标明“上期因填写错误未计入”的事项，" +
		"请核实后按正确的写法填写。交办清单以外的事项请在下方空行续填。"
	formPrevLabel    = sheets.FormPrevColumn
	formExcludedMark = "上期因填写错误未计入，请核实后填写"
)

// maxPromptWords is how many of the dictionary's words for 无明确时限 the hint names.
const maxPromptWords = 3

// deadlinePrompt is the hint on how to write 完成时限, naming the first words for 无明确时限.
func deadlinePrompt(d *sheets.Dict) string {
	return deadlineHint(d.NoDeadline[:min(len(d.NoDeadline), maxPromptWords)])
}

// deadlineInput is deadlinePrompt as the input message of the 完成时限 column, which Excel
// refuses past 255 characters: a word that would push it over is left out, so a configured
// dictionary with long words still gives a whole sentence.
func deadlineInput(d *sheets.Dict) string {
	var words []string
	for _, w := range d.NoDeadline {
		if len(words) == maxPromptWords {
			break
		}
		try := append(slices.Clip(words), w)
		if xlsxout.UTF16Len(deadlineHint(try)) <= xlsxout.MaxPrompt {
			words = try
		}
	}
	return deadlineHint(words)
}

func deadlineHint(words []string) string {
	s := "可写：2024-06-30、2024年6月30日、2024年6月底前、2024年底前、2024年上半年、三季度末。"
	if len(words) > 0 {
		s += "没有明确时限的写“" + strings.Join(words, "”“") + "”等。"
	}
	return s
}

// layout is what differs between the blank or pre-filled form and a reminder (催办单): the
// lines above the header, what the guide says first, whether pre-filled rows keep the last
// known status and progress, and read-only columns after 备注 that the reader ignores.
type layout struct {
	title, line string   // rows 1 and 2 of 台账
	office      string   // the 制表单位 the guide names; empty for none
	intro       []string // the guide's lines after its title and unit line
	keep        bool     // pre-filled rows keep 落实状态 and 进展情况
	keepDone    bool     // and 完成日期 (a form made from a report, SPEC §9.3)
	info        []info
	suggestions bool // a sheet 建议提案 after 台账, when the dictionary has 建议 categories
	// suggested are the 建议提案 pre-filled on it (a report as the master list, SPEC §9.5)
	suggested []sheets.RawRow
	// suggestedInfo are read-only columns after its 备注, one value per suggested row (a reminder)
	suggestedInfo []info
}

// info is a read-only column after 备注, one value per pre-filled row.
type info struct {
	label  string
	width  float64
	values []any
}

// formLayout is the layout of the submission form for unit, pre-filled with n rows, made by
// office (the 制表单位; empty: not named).
func formLayout(unit, office string, n int) *layout {
	lay := &layout{title: formTitle, line: formHintLine, office: office, suggestions: true}
	if unit != "" {
		lay.title, lay.line = unit+formTitle, fmt.Sprintf(formUnitLine, unit)
	}
	if office != "" {
		lay.line += lineSep + fmt.Sprintf(formOfficeLine, office)
	}
	if n > 0 {
		lay.intro = []string{"本表已按交办清单预填本单位牵头的事项。请不要修改预填的编号、会议和事项内容，" +
			"只需逐项填写落实状态、完成日期和进展情况；交办清单以外的事项请在下方空行续填。"}
	}
	return lay
}

// guide returns the lines of the 填报说明 sheet. No line may be a bare column label, so the
// reader never takes this sheet for a ledger.
func guide(d *sheets.Dict, unit, office string, intro []string, suggestions bool) []string {
	cats := formCategories(d, false)
	lines := []string{"督查事项落实台账填报说明"}
	if unit != "" {
		lines = append(lines, fmt.Sprintf(formUnitLine, unit))
	}
	if office != "" {
		lines = append(lines, fmt.Sprintf(formOfficeLine, office))
	}
	lines = append(lines, intro...)
	lines = append(lines,
		"1. 在“台账”工作表中每个事项填一行。请不要修改、删除表头，不要合并单元格，不要在表中插入空列。",
		"2. 必须填写：会议（或类别）、事项内容、落实状态；完成时限一列不可删除，没有明确时限的可以留空或写“长期”。",
		"3. 类别从下拉列表中选择："+strings.Join(cats, "、")+"。类别为空时按会议名称自动识别。",
		"4. 会议写会议名称和届次，如“市政府第5次常务会议”；批示件写批示文号，如“〔2024〕5号”。",
		"5. 完成时限"+deadlinePrompt(d),
		"6. 落实状态从下拉列表中选择：已落实、推进中、未启动。已落实的事项请填写完成日期；未落实的事项不要填写完成日期。",
		"7. 会议日期、完成日期写成 2024-06-30 或 2024年6月30日。",
		"8. 进展情况简要写明已完成的工作、存在的问题和下一步安排。",
		"9. 填好后直接保存为 .xlsx 报送，请不要另存为 .xls 或 .et 格式。",
	)
	if sug := formCategories(d, true); suggestions && len(sug) > 0 {
		lines = append(lines, fmt.Sprintf(guideSuggestions, strings.Join(sug, "、")))
	}
	return lines
}

// formCategories are the dictionary's categories of the 台账 form, or of its 建议提案 sheet
// (suggestions).
func formCategories(d *sheets.Dict, suggestions bool) []string {
	var cats []string
	for _, c := range d.Categories {
		if (c.Kind == sheets.KindSuggestion) == suggestions {
			cats = append(cats, c.Name)
		}
	}
	return cats
}

// Form writes the submission form to w, following dictionary d. unit, when not empty, names
// the unit in the title and the 填报单位 line. rows, when given, pre-fill the form: the master
// list's items of that unit, with 落实状态, 完成日期 and 进展情况 left for the unit. The
// dictionary's 制表单位, when set, is named under the title, in the guide and in the
// document properties.
func Form(w io.Writer, d *sheets.Dict, unit string, rows []sheets.RawRow) error {
	return writeForm(w, d, unit, rows, formLayout(unit, d.Office, len(rows)))
}

// Prefilled writes the pre-filled form of one unit of a master list (template --from) to w.
// When the list was a report duban wrote (SPEC §9.3) each row keeps the item's last 落实状态,
// 完成日期 and 进展情况 for the unit to change what changed, and the rows its run excluded by
// errors are marked in a column 上期情况 that the reader ignores.
func Prefilled(w io.Writer, d *sheets.Dict, u sheets.UnitRows) error {
	u, lay := splitSuggestionRows(d, u)
	if u.Kept {
		lay.keep, lay.keepDone = true, true
		lay.intro = []string{formKeptIntro}
	}
	if slices.Contains(u.Excluded, true) {
		marks := make([]any, len(u.Rows))
		for i, x := range u.Excluded {
			if x {
				marks[i] = formExcludedMark
			}
		}
		lay.info = []info{{label: formPrevLabel, width: 16, values: marks}}
	}
	return writeForm(w, d, u.Unit, u.Rows, lay)
}

// writeForm writes a form laid out by lay to w.
func writeForm(w io.Writer, d *sheets.Dict, unit string, rows []sheets.RawRow, lay *layout) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := buildForm(f, d, unit, rows, lay); err != nil {
		return err
	}
	err := xlsxout.SetProps(f, xlsxout.Props{Application: formApplication, Description: formDescription,
		Title: lay.title, Creator: cmp.Or(d.Office, sheets.ReportApplication), Company: d.Office, Created: time.Now()})
	if err != nil {
		return err
	}
	return f.Write(w)
}

func buildForm(f *excelize.File, d *sheets.Dict, unit string, rows []sheets.RawRow, lay *layout) error {
	if err := f.SetSheetName("Sheet1", SheetGuide); err != nil {
		return err
	}
	form, err := f.NewSheet(SheetForm)
	if err != nil {
		return err
	}
	lay.suggestions = lay.suggestions && len(formCategories(d, true)) > 0
	if lay.suggestions {
		if _, err := f.NewSheet(SheetSuggestions); err != nil {
			return err
		}
	}
	if _, err := f.NewSheet(SheetOptions); err != nil {
		return err
	}
	if err := writeGuide(f, d, unit, lay.office, lay.intro, lay.suggestions); err != nil {
		return err
	}
	nCat, err := writeOptions(f, d)
	if err != nil {
		return err
	}
	if err := writeFormSheet(f, d, rows, nCat, lay); err != nil {
		return err
	}
	if lay.suggestions {
		if err := writeSuggestionSheet(f, d, unit, lay); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(SheetOptions, false); err != nil {
		return err
	}
	f.SetActiveSheet(form)
	return nil
}

func writeGuide(f *excelize.File, d *sheets.Dict, unit, office string, intro []string, suggestions bool) error {
	wrap, err := f.NewStyle(&excelize.Style{Font: xlsxout.Font(false, 11, ""), Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: xlsxout.Font(true, 14, "")})
	if err != nil {
		return err
	}
	if err := f.SetColWidth(SheetGuide, "A", "A", 100); err != nil {
		return err
	}
	if err := xlsxout.PrintSetup(f, SheetGuide, xlsxout.Print{}); err != nil {
		return err
	}
	for i, l := range guide(d, unit, office, intro, suggestions) {
		cell := "A" + strconv.Itoa(i+1)
		if err := f.SetCellStr(SheetGuide, cell, l); err != nil {
			return err
		}
		style := wrap
		if i == 0 {
			style = bold
		}
		if err := f.SetCellStyle(SheetGuide, cell, cell, style); err != nil {
			return err
		}
		if i > 0 && len([]rune(l)) > 55 {
			if err := f.SetRowHeight(SheetGuide, i+1, 30); err != nil {
				return err
			}
		}
	}
	return nil
}

// writeOptions fills the hidden list sheet: categories in column A, status classes in B.
// It returns the number of categories.
func writeOptions(f *excelize.File, d *sheets.Dict) (int, error) {
	if err := f.SetCellStr(SheetOptions, "A1", "类别选项"); err != nil {
		return 0, err
	}
	if err := f.SetCellStr(SheetOptions, "B1", "状态选项"); err != nil {
		return 0, err
	}
	cats := formCategories(d, false)
	for i, c := range cats {
		if err := f.SetCellStr(SheetOptions, "A"+strconv.Itoa(i+2), c); err != nil {
			return 0, err
		}
	}
	for i, s := range []sheets.Status{sheets.Done, sheets.InProgress, sheets.NotStarted} {
		if err := f.SetCellStr(SheetOptions, "B"+strconv.Itoa(i+2), s.String()); err != nil {
			return 0, err
		}
	}
	return len(cats), nil
}

func writeFormSheet(f *excelize.File, d *sheets.Dict, rows []sheets.RawRow, nCat int, lay *layout) error {
	s := SheetForm
	last := sheets.ColumnName(len(Columns) + len(lay.info))
	end := HeaderRow + blankRows
	if len(rows) > 0 {
		end = HeaderRow + len(rows) + spareRows
	}
	styles, err := formStyles(f)
	if err != nil {
		return err
	}
	fit := formFit(d, rows, lay)
	widths := map[string]float64{}
	for i, label := range Columns {
		widths[label] = fit.Widths[i]
	}
	// The title lines: across the table, or when the form prints in parts across the key
	// columns, which every part repeats, so that each page shows them whole (the line under
	// the title wrapped onto as many lines as it takes).
	lineLast, lineWidth := last, 0.0
	for _, w := range fit.Widths {
		lineWidth += w
	}
	if len(fit.Breaks) > 0 {
		lineLast, lineWidth = sheets.ColumnName(fit.Key), 0
		for _, w := range fit.Widths[:fit.Key] {
			lineWidth += w
		}
	}

	if err := formHeading(f, s, lineLast, lineWidth, lay.title, lay.line, styles); err != nil {
		return err
	}

	hr := strconv.Itoa(HeaderRow)
	for i, label := range Columns {
		c := sheets.ColumnName(i + 1)
		if err := f.SetCellStr(s, c+hr, label); err != nil {
			return err
		}
		if err := f.SetColWidth(s, c, c, fit.Widths[i]); err != nil {
			return err
		}
		body := styles.text
		switch label {
		case "序号":
			body = styles.center
		case "编号":
			body = styles.id
		case "会议日期", "完成时限", "完成日期":
			body = styles.date
		case "落实状态":
			body = styles.center
		}
		if err := f.SetCellStyle(s, c+strconv.Itoa(HeaderRow+1), c+strconv.Itoa(end), body); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A"+hr, last+hr, styles.head); err != nil {
		return err
	}
	if err := writeInfo(f, s, len(Columns), lay.info, len(rows), end, styles); err != nil {
		return err
	}
	if err := f.SetRowHeight(s, HeaderRow, 24); err != nil {
		return err
	}

	for i := range rows {
		lines, err := prefill(f, d, HeaderRow+1+i, i+1, &rows[i], lay, widths)
		if err != nil {
			return err
		}
		for _, c := range lay.info {
			if i < len(c.values) {
				if v, ok := c.values[i].(string); ok {
					lines = max(lines, xlsxout.WrappedLines(v, c.width))
				}
			}
		}
		// Excel does not fit the height of a row to wrapped text it did not lay out itself.
		if lines > 1 {
			if err := f.SetRowHeight(s, HeaderRow+1+i, xlsxout.RowHeight(lines)); err != nil {
				return err
			}
		}
	}

	first := HeaderRow + 1
	rng := func(fl sheets.Field) string { return fmt.Sprintf("%s%d:%s%d", col(fl), first, col(fl), end) }
	cat := excelize.NewDataValidation(true)
	cat.Sqref = rng(sheets.FieldCategory)
	cat.SetSqrefDropList(fmt.Sprintf("'%s'!$A$2:$A$%d", SheetOptions, nCat+1))
	cat.SetError(excelize.DataValidationErrorStyleWarning, categoryTitle, categoryError)
	st := excelize.NewDataValidation(true)
	st.Sqref = rng(sheets.FieldStatus)
	st.SetSqrefDropList(fmt.Sprintf("'%s'!$B$2:$B$4", SheetOptions))
	st.SetError(excelize.DataValidationErrorStyleStop, statusTitle, statusError)
	dl := excelize.NewDataValidation(true)
	dl.Sqref = rng(sheets.FieldDeadline)
	dl.SetInput(deadlineTitle, deadlineInput(d))
	done := excelize.NewDataValidation(true)
	done.Sqref = rng(sheets.FieldDone)
	done.SetInput(doneDateTitle, doneDatePrompt)
	if err := validateAndFreeze(f, s, cat, st, dl, done); err != nil {
		return err
	}
	return xlsxout.PrintSetup(f, s, xlsxout.Print{RepeatRows: HeaderRow, Footer: xlsxout.FooterPageOfN, Parts: fit})
}

// validateAndFreeze adds a form sheet's data validations and freezes its heading above
// HeaderRow+1, the first row a unit fills in (台账 and 建议提案 alike).
func validateAndFreeze(f *excelize.File, s string, dvs ...*excelize.DataValidation) error {
	for _, dv := range dvs {
		if err := f.AddDataValidation(s, dv); err != nil {
			return err
		}
	}
	top := "A" + strconv.Itoa(HeaderRow+1)
	return f.SetPanes(s, &excelize.Panes{
		Freeze: true, YSplit: HeaderRow, TopLeftCell: top, ActivePane: "bottomLeft",
		Selection: []excelize.Selection{{SQRef: top, ActiveCell: top, Pane: "bottomLeft"}},
	})
}

// formKey is the number of 台账's leading columns, 序号 to 事项内容, repeated on each printed
// part of a form too wide for one A4 page.
const formKey = 6

// maxNameWidth is the widest 会议 or 牵头单位 column of a form; a longer name wraps.
const maxNameWidth = 40

// formFit is how 台账 prints (SPEC §7): on A4, which every unit can print, at the widths of
// formWidths, but 会议 and 牵头单位 as wide as the longest name pre-filled in them, so that no
// name breaks inside a word, and the read-only columns after 备注; the wrapped columns give
// way to fit (xlsxout.FitA4).
func formFit(d *sheets.Dict, rows []sheets.RawRow, lay *layout) xlsxout.Fit {
	meeting, unit := 0, 0
	for i := range rows {
		meeting = max(meeting, zhtext.Width(strings.TrimSpace(rows[i].Vals[sheets.FieldMeeting])))
		unit = max(unit, zhtext.Width(formLead(d, &rows[i])))
	}
	var ws []float64
	var wrap []bool
	for _, label := range Columns {
		w := formWidths[label]
		switch label {
		case sheets.FieldMeeting.String():
			w = max(w, min(float64(meeting+2), maxNameWidth))
		case sheets.FieldLead.String():
			w = max(w, min(float64(unit+2), maxNameWidth))
		}
		ws = append(ws, w)
		wrap = append(wrap, label == "事项内容" || label == "进展情况" || label == "配合单位" || label == "备注")
	}
	for _, c := range lay.info {
		ws, wrap = append(ws, c.width), append(wrap, false)
	}
	return xlsxout.FitA4(ws, wrap, formKey)
}

// formLead is the 牵头单位 a pre-filled row shows: its own, else its file's, as the dictionary
// names it.
func formLead(d *sheets.Dict, raw *sheets.RawRow) string {
	v := strings.TrimSpace(raw.Vals[sheets.FieldLead])
	if v == "" {
		v = raw.UnitFromFile
	}
	v, _ = d.Unit(v)
	return v
}

type formStyleIDs struct{ title, sub, head, text, center, id, date, infoHead, info int }

func formStyles(f *excelize.File) (st formStyleIDs, err error) {
	border := xlsxout.Border(xlsxout.GridColor)
	for _, x := range []struct {
		id *int
		s  *excelize.Style
	}{
		{&st.title, &excelize.Style{Font: xlsxout.Font(true, 16, ""),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}}},
		{&st.sub, &excelize.Style{Font: xlsxout.Font(false, 11, ""), Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&st.head, &excelize.Style{Font: xlsxout.Font(true, 11, ""), Border: border,
			Fill:      xlsxout.Solid(xlsxout.FormFill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.text, &excelize.Style{Font: xlsxout.Font(false, 11, ""), Border: border, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&st.center, &excelize.Style{Font: xlsxout.Font(false, 11, ""), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}}},
		{&st.id, &excelize.Style{Font: xlsxout.Font(false, 11, ""), Border: border, NumFmt: 49, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&st.infoHead, &excelize.Style{Font: xlsxout.Font(true, 11, ""), Border: border,
			Fill:      xlsxout.Solid(infoFill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&st.info, &excelize.Style{Font: xlsxout.Font(false, 11, ""), Border: border, Fill: xlsxout.Solid(infoFill),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}},
		{&st.date, &excelize.Style{Font: xlsxout.Font(false, 11, ""), Border: border, CustomNumFmt: xlsxout.DateFormat(),
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top", WrapText: true}}}, // 2024年6月底前
	} {
		if *x.id, err = f.NewStyle(x.s); err != nil {
			return st, err
		}
	}
	return st, nil
}

// writeInfo writes the read-only columns after 备注 (column after) of sheet: a grey header and
// grey cells holding one value per pre-filled row, down to row end.
func writeInfo(f *excelize.File, sheet string, after int, cols []info, n, end int, st formStyleIDs) error {
	for i, c := range cols {
		letter := sheets.ColumnName(after + 1 + i)
		hr := letter + strconv.Itoa(HeaderRow)
		if err := f.SetCellStr(sheet, hr, c.label); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, hr, hr, st.infoHead); err != nil {
			return err
		}
		if err := f.SetColWidth(sheet, letter, letter, c.width); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, letter+strconv.Itoa(HeaderRow+1), letter+strconv.Itoa(end), st.info); err != nil {
			return err
		}
		for r := 0; r < n && r < len(c.values); r++ {
			if err := f.SetCellValue(sheet, letter+strconv.Itoa(HeaderRow+1+r), c.values[r]); err != nil {
				return err
			}
		}
	}
	return nil
}

// prefill writes one item into row r of 台账 as number n; lay.keep keeps its 落实状态 and
// 进展情况 (a reminder), lay.keepDone its 完成日期, else they are left for the unit. It returns
// how many lines the row's wrapped text takes.
func prefill(f *excelize.File, d *sheets.Dict, r, n int, raw *sheets.RawRow, lay *layout, widths map[string]float64) (lines int, err error) {
	s := SheetForm
	row := strconv.Itoa(r)
	if err := f.SetCellInt(s, "A"+row, int64(n)); err != nil {
		return 0, err
	}
	lines = 1
	val := func(fl sheets.Field) string { return strings.TrimSpace(raw.Vals[fl]) }
	for fl := sheets.Field(0); fl < sheets.NumFormFields; fl++ {
		v := val(fl)
		switch fl {
		case sheets.FieldStatus, sheets.FieldProgress:
			if !lay.keep {
				continue // for the unit to fill in
			}
		case sheets.FieldDone:
			if !lay.keepDone {
				continue // for the unit to fill in
			}
			if t, err := sheets.ParseDate(v, raw.Date1904); err == nil && !t.IsZero() {
				if err := f.SetCellFloat(s, col(fl)+row, xlsxout.Serial(t), -1, 64); err != nil {
					return 0, err
				}
				continue
			}
		case sheets.FieldCategory:
			if c, ok := d.Category(v); ok {
				v = c.Name
			} else if c, ok := d.CategoryOf(val(sheets.FieldMeeting)); v == "" && ok {
				v = c.Name
			}
		case sheets.FieldLead:
			v = formLead(d, raw)
		case sheets.FieldMeetingDate, sheets.FieldDeadline:
			if t, err := sheets.ParseDate(v, raw.Date1904); err == nil && !t.IsZero() {
				if err := f.SetCellFloat(s, col(fl)+row, xlsxout.Serial(t), -1, 64); err != nil {
					return 0, err
				}
				continue
			}
		}
		if v == "" {
			continue
		}
		if err := f.SetCellStr(s, col(fl)+row, v); err != nil {
			return 0, err
		}
		lines = max(lines, xlsxout.WrappedLines(v, widths[fl.String()]))
	}
	return lines, nil
}

// FileName turns a unit name into the file name of its form (--out-dir), as SafeName
// makes names safe: characters Windows forbids in file names become _, and a name too long
// for a file is shortened. changed reports whether the name is not the unit's own, so that the
// caller can say so.
func FileName(unit string) (name string, changed bool) {
	s := SafeName(unit)
	return s + ".xlsx", s != unit
}

// formHeading writes a form sheet's title (row 1) and the line under it (row 2), each merged
// from A to last, the line wrapped in width and its row as tall as its lines.
func formHeading(f *excelize.File, sheet, last string, width float64, title, line string, styles formStyleIDs) error {
	for _, c := range []struct {
		row   int
		text  string
		style int
		h     float64
	}{{1, title, styles.title, 30}, {2, line, styles.sub, 20}} {
		a := "A" + strconv.Itoa(c.row)
		if err := f.SetCellStr(sheet, a, c.text); err != nil {
			return err
		}
		if err := f.MergeCell(sheet, a, last+strconv.Itoa(c.row)); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, a, a, c.style); err != nil {
			return err
		}
		if n := xlsxout.WrappedLines(c.text, width); c.row == 2 && n > 1 {
			c.h = xlsxout.RowHeight(n)
		}
		if err := f.SetRowHeight(sheet, c.row, c.h); err != nil {
			return err
		}
	}
	return nil
}
