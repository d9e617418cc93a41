package sheets

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/duban/duban/internal/xlsxout"
	"github.com/xuri/excelize/v2"
)

// An annotated copy (duban check --annotate) is the unit's own workbook with every problem
// cell filled red (错误) or yellow (警告) and carrying a comment (批注) that explains it, and a
// 问题清单 sheet listing them all, so that the office can send it straight back.

// Names, colours and labels of an annotated copy.
const (
	SheetIssues    = "问题清单"
	annotateAuthor = "duban"
	fillError      = "FF9999"
	fillWarning    = "FFE699"
	msgIssuesIntro = "本表列出 duban 校验发现的问题：红色单元格为错误（该行未计入统计，须修改），黄色为警告（请核实）。" +
		"鼠标移到单元格上可看批注；点击“单元格”一列可跳到问题所在位置。改好后请删除本工作表再报送。"
	msgIssuesFile   = "（整个文件）"
	msgIssuesNoCell = "（整张工作表）"
)

var issueColumns = []string{"级别", "工作表", "单元格", "字段", "原值", "问题说明"}

// Annotate writes into dir a copy of the workbook at inputPath marked with those of probs that
// concern it (Pos.File is name, its name from Names): each 错误 or 警告 cell filled and commented, and a
// 问题清单 sheet listing every problem of the file. It writes nothing when the file has no 错误
// or 警告, or when the file itself could not be read (there is no cell to mark). The input is
// never modified; a dir that would put the copy on top of the input is refused. password
// opens an encrypted input (--password); the copy is written unencrypted.
func Annotate(dir, inputPath, name, password string, probs []Problem) error {
	var mine []Problem
	serious := false
	for _, p := range probs {
		if p.Pos.File != name {
			continue
		}
		if p.Pos.Sheet == "" && p.Level == Error {
			return nil // damaged, encrypted, legacy format: nothing inside to mark
		}
		serious = serious || p.Level != Notice
		mine = append(mine, p)
	}
	if !serious {
		return nil
	}
	SortProblems(mine)

	out := filepath.Join(dir, filepath.FromSlash(name))
	if same, err := samePath(out, inputPath); err != nil || same {
		return fmt.Errorf("批注副本 %s 会覆盖原文件，请用 --annotate 指定另一个文件夹", out)
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return fmt.Errorf("创建文件夹 %s: %w", filepath.Dir(out), err)
	}
	f, err := excelize.OpenFile(inputPath, excelize.Options{Password: password})
	if err != nil {
		return fmt.Errorf("打开 %s: %w", name, err)
	}
	defer f.Close()
	if err := markCells(f, mine); err != nil {
		return fmt.Errorf("标注 %s: %w", name, err)
	}
	if err := issueSheet(f, mine); err != nil {
		return fmt.Errorf("标注 %s: %w", name, err)
	}
	// Options without a password: the copy goes back to the unit unencrypted.
	return SaveFile(out, func(w io.Writer) error { return f.Write(w, excelize.Options{}) })
}

// mergeAnchor returns the top-left cell of the merged range holding p, if any.
func mergeAnchor(ms []excelize.MergeCell, p Pos) (string, bool) {
	col := max(p.Col, 1)
	for _, m := range ms {
		c1, r1, err1 := excelize.CellNameToCoordinates(m.GetStartAxis())
		c2, r2, err2 := excelize.CellNameToCoordinates(m.GetEndAxis())
		if err1 == nil && err2 == nil && c1 <= col && col <= c2 && r1 <= p.Row && p.Row <= r2 {
			return m.GetStartAxis(), true
		}
	}
	return "", false
}

// samePath reports whether a and b name the same file (b exists; a may not).
func samePath(a, b string) (bool, error) {
	aa, err := filepath.Abs(a)
	if err != nil {
		return false, err
	}
	bb, err := filepath.Abs(b)
	if err != nil {
		return false, err
	}
	if aa == bb {
		return true, nil
	}
	sa, err1 := os.Stat(aa)
	sb, err2 := os.Stat(bb)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb), nil
}

type cellRef struct{ sheet, cell string }

// markCells fills and comments every cell that has an error or a warning.
func markCells(f *excelize.File, probs []Problem) error {
	sheets := map[string]bool{}
	for _, s := range f.GetSheetList() {
		sheets[s] = true
	}
	var order []cellRef
	notes := map[cellRef][]string{}
	worst := map[cellRef]Level{}
	merges := map[string][]excelize.MergeCell{}
	for _, p := range probs {
		if p.Level == Notice || p.Pos.Row <= 0 || !sheets[p.Pos.Sheet] {
			continue
		}
		if _, ok := merges[p.Pos.Sheet]; !ok {
			merges[p.Pos.Sheet], _ = f.GetMergeCells(p.Pos.Sheet)
		}
		// A cell inside merged cells is hidden: mark the merge's top-left cell, and say
		// which row the problem is about.
		cell, msg := p.Pos.Cell(), p.Level.String()+"："+p.Msg
		if tl, ok := mergeAnchor(merges[p.Pos.Sheet], p.Pos); ok && tl != cell {
			cell, msg = tl, fmt.Sprintf("第%d行 %s", p.Pos.Row, msg)
		}
		k := cellRef{p.Pos.Sheet, cell}
		if _, seen := notes[k]; !seen {
			order = append(order, k)
			worst[k] = p.Level
		}
		notes[k] = append(notes[k], msg)
		worst[k] = min(worst[k], p.Level)
	}

	existing := map[cellRef]string{}
	for s := range sheets {
		cs, err := f.GetComments(s)
		if err != nil {
			continue
		}
		for _, c := range cs {
			text := c.Text
			if text == "" {
				for _, r := range c.Paragraph {
					text += r.Text
				}
			}
			existing[cellRef{s, c.Cell}] = text
		}
	}

	styles := map[[2]int]int{} // (original style, level) → new style
	for _, k := range order {
		fill := fillWarning
		if worst[k] == Error {
			fill = fillError
		}
		orig, err := f.GetCellStyle(k.sheet, k.cell)
		if err != nil {
			return err
		}
		id, ok := styles[[2]int{orig, int(worst[k])}]
		if !ok {
			st, err := f.GetStyle(orig)
			if err != nil || st == nil {
				st = &excelize.Style{}
			}
			st.Fill = xlsxout.Solid(fill)
			if id, err = f.NewStyle(st); err != nil {
				return err
			}
			styles[[2]int{orig, int(worst[k])}] = id
		}
		if err := f.SetCellStyle(k.sheet, k.cell, k.cell, id); err != nil {
			return err
		}
		text := strings.Join(notes[k], "\n")
		if old, ok := existing[k]; ok {
			if err := f.DeleteComment(k.sheet, k.cell); err != nil {
				return err
			}
			text = old + "\n" + text
		}
		lines := strings.Count(text, "\n") + 1 + len([]rune(text))/30
		if err := f.AddComment(k.sheet, excelize.Comment{
			Cell: k.cell, Author: annotateAuthor,
			Paragraph: []excelize.RichTextRun{{Text: text}},
			Width:     320, Height: uint(min(400, 20+16*lines)),
		}); err != nil {
			return err
		}
	}
	return nil
}

// issueSheet adds (or replaces) the 问题清单 sheet, placed first and opened on.
func issueSheet(f *excelize.File, probs []Problem) error {
	if idx, _ := f.GetSheetIndex(SheetIssues); idx >= 0 {
		if err := f.DeleteSheet(SheetIssues); err != nil {
			return err
		}
	}
	first := f.GetSheetList()[0]
	if _, err := f.NewSheet(SheetIssues); err != nil {
		return err
	}
	if err := f.MoveSheet(SheetIssues, first); err != nil {
		return err
	}
	s := SheetIssues
	wrap, err := f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: xlsxout.Solid(xlsxout.FormFill)})
	if err != nil {
		return err
	}
	link, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Color: "0563C1", Underline: "single"},
		Alignment: &excelize.Alignment{Vertical: "top"}})
	if err != nil {
		return err
	}
	levelStyle := map[Level]int{}
	for l, c := range map[Level]string{Error: fillError, Warning: fillWarning} {
		if levelStyle[l], err = f.NewStyle(&excelize.Style{Alignment: &excelize.Alignment{Vertical: "top"},
			Fill: xlsxout.Solid(c)}); err != nil {
			return err
		}
	}

	if err := f.SetCellStr(s, "A1", msgIssuesIntro); err != nil {
		return err
	}
	if err := f.MergeCell(s, "A1", "F1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", wrap); err != nil {
		return err
	}
	if err := f.SetRowHeight(s, 1, 36); err != nil {
		return err
	}
	for i, h := range issueColumns {
		if err := f.SetCellStr(s, ColumnName(i+1)+"2", h); err != nil {
			return err
		}
	}
	if err := f.SetCellStyle(s, "A2", "F2", head); err != nil {
		return err
	}
	for i, w := range []float64{8, 14, 10, 12, 30, 70} {
		c := ColumnName(i + 1)
		if err := f.SetColWidth(s, c, c, w); err != nil {
			return err
		}
	}
	for i, p := range probs {
		row := strconv.Itoa(i + 3)
		cell := p.Pos.Cell()
		switch {
		case p.Pos.Sheet == "":
			cell = msgIssuesFile
		case cell == "":
			cell = msgIssuesNoCell
		}
		for j, v := range []string{p.Level.String(), p.Pos.Sheet, cell, p.Field, p.Raw, p.Msg} {
			if err := f.SetCellStr(s, ColumnName(j+1)+row, v); err != nil {
				return err
			}
		}
		if err := f.SetCellStyle(s, "B"+row, "F"+row, wrap); err != nil {
			return err
		}
		if st, ok := levelStyle[p.Level]; ok {
			if err := f.SetCellStyle(s, "A"+row, "A"+row, st); err != nil {
				return err
			}
		}
		if p.Pos.Sheet != "" && p.Pos.Row > 0 {
			target := "'" + strings.ReplaceAll(p.Pos.Sheet, "'", "''") + "'!" + p.Pos.Cell()
			if err := f.SetCellHyperLink(s, "C"+row, target, "Location"); err != nil {
				return err
			}
			if err := f.SetCellStyle(s, "C"+row, "C"+row, link); err != nil {
				return err
			}
		}
	}
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	idx, err := f.GetSheetIndex(s)
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return nil
}
