package books

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// The config workbook (SPEC §8): the dictionary as an office edits it in Excel, one sheet per
// table (sheets.ConfigTables); sheets.ReadConfig reads it back.

// WriteConfig writes dictionary d to path as an editable config workbook, through a temporary
// file in the same folder renamed into place.
func WriteConfig(path string, d *sheets.Dict) (err error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := buildConfig(f, d); err != nil {
		return fmt.Errorf("写入 %s: %w", path, err)
	}
	return SaveFile(path, func(w io.Writer) error { return f.Write(w) })
}

func buildConfig(f *excelize.File, d *sheets.Dict) error {
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
	for i, t := range sheets.ConfigTables() {
		sheet := t.Section
		if i == 0 {
			if err := f.SetSheetName("Sheet1", sheet); err != nil {
				return err
			}
		} else if _, err := f.NewSheet(sheet); err != nil {
			return err
		}
		last := sheets.ColumnName(len(t.Header))
		if err := f.SetCellStr(sheet, "A1", t.Note); err != nil {
			return err
		}
		if len(t.Header) > 1 { // a one-cell merge is no merge (Excel never writes one)
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
		for c, h := range t.Header {
			if err := f.SetCellStr(sheet, sheets.ColumnName(c+1)+"2", h); err != nil {
				return err
			}
			if err := f.SetColWidth(sheet, sheets.ColumnName(c+1), sheets.ColumnName(c+1), t.Widths[c]); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(sheet, "A2", last+"2", head); err != nil {
			return err
		}
		rows := configRows(t.Section, d)
		for r, cells := range rows {
			for c, v := range cells {
				if err := f.SetCellStr(sheet, sheets.ColumnName(c+1)+strconv.Itoa(r+3), v); err != nil {
					return err
				}
			}
		}
		// Style some empty rows too, so that added lines look like the others.
		if err := f.SetCellStyle(sheet, "A3", last+strconv.Itoa(len(rows)+22), body); err != nil {
			return err
		}
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: sheets.ConfigHeaderRow, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		if t.Section == sheets.SectionCategories {
			dv := excelize.NewDataValidation(true)
			dv.Sqref = "B3:B1000"
			if err := dv.SetDropList([]string{sheets.KindMeeting.String(), sheets.KindDoc.String(), sheets.KindTask.String()}); err != nil {
				return err
			}
			dv.SetError(excelize.DataValidationErrorStyleStop, "种类", "种类应为 会议、批示 或 任务")
			if err := f.AddDataValidation(sheet, dv); err != nil {
				return err
			}
		}
	}
	return xlsxout.SetProps(f, xlsxout.Props{Application: sheets.ReportApplication, Creator: sheets.ReportApplication,
		Description: sheets.ConfigDescription, Title: "duban 词典配置", Created: time.Now()})
}

// configRows returns the entries of one table of d, as cells.
func configRows(section string, d *sheets.Dict) [][]string {
	join := func(s []string) string { return strings.Join(s, sheets.ConfigListSep) }
	var rows [][]string
	switch section {
	case sheets.SectionCategories:
		for _, c := range d.Categories {
			rows = append(rows, []string{c.Name, c.Kind.String(), join(c.Aliases), join(c.Keywords)})
		}
	case sheets.SectionStatuses:
		for _, s := range []sheets.Status{sheets.Done, sheets.InProgress, sheets.NotStarted} {
			rows = append(rows, []string{s.String(), join(d.Statuses[s])})
		}
	case sheets.SectionColumns:
		for f := sheets.Field(0); f < sheets.NumFields; f++ {
			rows = append(rows, []string{f.String(), join(d.Columns[f])})
		}
	case sheets.SectionNoDeadline:
		for _, w := range d.NoDeadline {
			rows = append(rows, []string{w})
		}
	case sheets.SectionUnits:
		for _, u := range d.Units {
			rows = append(rows, []string{u.Name, join(u.Aliases), yesNo(u.Must)})
		}
	case sheets.SectionSettings:
		rows = append(rows, []string{sheets.SettingWarnDays, strconv.Itoa(d.WarnDays)}, []string{sheets.SettingOffice, d.Office},
			[]string{sheets.SettingJournal, d.Journal}, []string{sheets.SettingMark, d.Mark},
			[]string{sheets.SettingContact, d.Contact}, []string{sheets.SettingPhone, d.Phone},
			[]string{sheets.SettingOnTime, yesNo(d.OnTimeInSummary)})
		for _, p := range d.Requirements {
			rows = append(rows, []string{sheets.SettingNext, p})
		}
	}
	return rows
}

// yesNo is a 是/否 cell of the config workbook.
func yesNo(b bool) string {
	if b {
		return "是"
	}
	return "否"
}
