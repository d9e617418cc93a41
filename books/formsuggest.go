package books

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/internal/zhtext"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The 建议提案 sheet of the submission form (SPEC §9.5): a unit's 人大代表建议 and 政协委员提案
// in the columns their systems export (编号, 建议标题 or 提案案由, 领衔人, 主办 and 会办单位,
// 交办日期, 办理结果, 答复日期, 满意度), offered when the dictionary has categories of the kind 建议.
// Its labels are those the reader knows (交办日期 is an alias of 会议日期); it needs no 会议 or
// 落实状态 column.
const SheetSuggestions = "建议提案"

var suggestionColumns = []struct {
	label string
	width float64
}{
	{"序号", 5}, {"编号", 9}, {"类别", 13}, {"事项内容", 30}, {"领衔人", 9}, {"牵头单位", 12},
	{"配合单位", 10}, {"交办日期", 11}, {"完成时限", 11}, {"办理结果", 9}, {"答复日期", 11}, {"满意度", 9}, {"备注", 10},
}

// Texts of the 建议提案 sheet.
const (
	suggestionTitle    = "人大代表建议和政协委员提案办理情况台账"
	suggestionLine     = "类别、办理结果、满意度请从下拉列表中选择；已答复的填写答复日期和办理结果，日期写成 2024-06-30。"
	guideSuggestions   = "10. 本单位承办的人大代表建议、政协委员提案填在“建议提案”工作表，每件一行，类别选 %s。已答复的填写答复日期、办理结果（A类 已解决或采纳，B类 正在解决或列入计划，C类 列入规划逐步解决，D类 留作参考）和代表、委员反馈的满意度；完成时限不填的，大会期间提出的按当年6月30日、闭会期间提出的（编号或备注写明“闭会”）按交办日期起3个月计。"
	suggestionDeadline = "不填则按办理规定计：大会期间提出的于当年6月30日前办复；闭会期间提出的（编号或备注写明“闭会”）自交办日期起3个月内办复。"
	resultTitle        = "办理结果"
	resultError        = "请从下拉列表中选择：A类、B类、C类 或 D类。"
	satisfactionTitle  = "满意度"
	satisfactionError  = "请从下拉列表中选择：满意、基本满意 或 不满意。"
)

// writeSuggestionSheet fills the 建议提案 sheet (buildForm adds it after 台账 when the
// dictionary has 建议 categories) for unit, with its drop-down lists in columns C to E of the
// hidden list sheet.
func writeSuggestionSheet(f *excelize.File, d *sheets.Dict, unit string, lay *layout) error {
	cats := formCategories(d, true)
	s := SheetSuggestions
	lists := [][]string{cats, {"A类", "B类", "C类", "D类"}, {sheets.Satisfied, sheets.Basic, sheets.Unsatisfied}}
	for i, list := range lists {
		col := sheets.ColumnName(3 + i)
		list = append([]string{[]string{"建议提案类别", "办理结果选项", "满意度选项"}[i]}, list...)
		for j, v := range list {
			if err := f.SetCellStr(SheetOptions, col+strconv.Itoa(j+1), v); err != nil {
				return err
			}
		}
	}
	styles, err := formStyles(f)
	if err != nil {
		return err
	}
	last := sheets.ColumnName(len(suggestionColumns))
	// 牵头单位 as wide as the longest name pre-filled in it, so that no name breaks (as on 台账).
	lead := 0
	for i := range lay.suggested {
		lead = max(lead, zhtext.Width(strings.TrimSpace(lay.suggested[i].Vals[sheets.FieldLead])))
	}
	width := func(label string, w float64) float64 {
		if label == sheets.FieldLead.String() {
			return max(w, min(float64(lead+2), maxNameWidth))
		}
		return w
	}
	lineWidth := 0.0 // the line under the title is merged across the table and wraps in it
	for _, c := range suggestionColumns {
		lineWidth += width(c.label, c.width)
	}
	title, line := suggestionTitle, suggestionLine
	if unit != "" {
		title, line = unit+suggestionTitle, fmt.Sprintf(formUnitLine, unit)+lineSep+suggestionLine
	}
	if err := formHeading(f, s, last, lineWidth, title, line, styles); err != nil {
		return err
	}
	hr, first, end := strconv.Itoa(HeaderRow), HeaderRow+1, max(HeaderRow+blankRows, HeaderRow+len(lay.suggested)+spareRows)
	at := map[string]string{}
	for i, col := range suggestionColumns {
		c := sheets.ColumnName(i + 1)
		at[col.label] = c
		if err := f.SetCellStr(s, c+hr, col.label); err != nil {
			return err
		}
		if err := f.SetColWidth(s, c, c, width(col.label, col.width)); err != nil {
			return err
		}
		body := styles.text
		switch col.label {
		case "序号", "办理结果", "满意度":
			body = styles.center
		case "编号":
			body = styles.id
		case "交办日期", "完成时限", "答复日期":
			body = styles.date
		}
		if err := f.SetCellStyle(s, c+strconv.Itoa(first), c+strconv.Itoa(end), body); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A"+hr, last+hr, styles.head); err != nil {
		return err
	}
	if err := f.SetRowHeight(s, HeaderRow, 24); err != nil {
		return err
	}
	rng := func(label string) string { return fmt.Sprintf("%s%d:%s%d", at[label], first, at[label], end) }
	var dvs []*excelize.DataValidation
	for i, x := range []struct{ label, title, msg string }{
		{"类别", categoryTitle, categoryError}, {"办理结果", resultTitle, resultError}, {"满意度", satisfactionTitle, satisfactionError},
	} {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = rng(x.label)
		col := sheets.ColumnName(3 + i)
		dv.SetSqrefDropList(fmt.Sprintf("'%s'!$%s$2:$%s$%d", SheetOptions, col, col, len(lists[i])+1))
		dv.SetError(excelize.DataValidationErrorStyleWarning, x.title, x.msg)
		dvs = append(dvs, dv)
	}
	dl := excelize.NewDataValidation(true)
	dl.Sqref = rng("完成时限")
	dl.SetInput(deadlineTitle, suggestionDeadline)
	dvs = append(dvs, dl)
	if err := validateAndFreeze(f, s, dvs...); err != nil {
		return err
	}
	if err := prefillSuggestions(f, lay.suggested); err != nil {
		return err
	}
	if err := writeInfo(f, s, len(suggestionColumns), lay.suggestedInfo, len(lay.suggested), end, styles); err != nil {
		return err
	}
	return xlsxout.PrintSetup(f, s, xlsxout.Print{RepeatRows: HeaderRow, Footer: xlsxout.FooterPageOfN})
}

// splitSuggestionRows takes the 建议提案 out of a unit's rows of a master list (a report duban
// wrote lists them in 事项明细 under their category): they are pre-filled on the 建议提案 sheet
// of the layout it returns, the others on 台账.
func splitSuggestionRows(d *sheets.Dict, u sheets.UnitRows) (sheets.UnitRows, *layout) {
	var rows []sheets.RawRow
	var excluded []bool
	var suggested []sheets.RawRow
	for i, r := range u.Rows {
		c, ok := d.Category(r.Vals[sheets.FieldCategory])
		if ok && c.Kind == sheets.KindSuggestion && !(i < len(u.Excluded) && u.Excluded[i]) {
			suggested = append(suggested, r)
			continue
		}
		rows = append(rows, r)
		if i < len(u.Excluded) {
			excluded = append(excluded, u.Excluded[i])
		}
	}
	u.Rows, u.Excluded = rows, excluded
	lay := formLayout(u.Unit, d.Office, len(rows)+len(suggested))
	lay.suggested = suggested
	return u, lay
}

// suggestionFields are the fields of the 建议提案 sheet's columns after 序号, in order; 交办日期
// is the 会议日期 field, and a report's 完成日期 of an answered one its 答复日期.
var suggestionFields = []sheets.Field{
	sheets.FieldID, sheets.FieldCategory, sheets.FieldContent, sheets.FieldProposer, sheets.FieldLead, sheets.FieldCo,
	sheets.FieldMeetingDate, sheets.FieldDeadline, sheets.FieldResult, sheets.FieldReplied, sheets.FieldSatisfaction, sheets.FieldNote,
}

// prefillSuggestions writes the rows of lay.suggested on the 建议提案 sheet from row HeaderRow+1.
func prefillSuggestions(f *excelize.File, rows []sheets.RawRow) error {
	s := SheetSuggestions
	for i, raw := range rows {
		row := strconv.Itoa(HeaderRow + 1 + i)
		if err := f.SetCellInt(s, "A"+row, int64(i+1)); err != nil {
			return err
		}
		for k, fl := range suggestionFields {
			v := strings.TrimSpace(raw.Vals[fl])
			if fl == sheets.FieldReplied && v == "" {
				v = strings.TrimSpace(raw.Vals[sheets.FieldDone])
			}
			if v == "" {
				continue
			}
			cell := sheets.ColumnName(k+2) + row
			switch fl {
			case sheets.FieldMeetingDate, sheets.FieldDeadline, sheets.FieldReplied:
				if t, err := sheets.ParseDate(v, raw.Date1904); err == nil && !t.IsZero() {
					if err := f.SetCellFloat(s, cell, xlsxout.Serial(t), -1, 64); err != nil {
						return err
					}
					continue
				}
			}
			if err := f.SetCellStr(s, cell, v); err != nil {
				return err
			}
		}
	}
	return nil
}
