package books

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/internal/xlsxout"
	"github.com/duban/duban/sheets"
	"github.com/xuri/excelize/v2"
)

// An annotated copy (duban check --annotate) is the unit's own workbook with every problem
// cell filled red (错误) or yellow (警告) and carrying a comment (批注) that explains it, and a
// 问题清单 sheet listing them all, so that the office can send it straight back.

// Names, colours and labels of an annotated copy.
const (
	// DefaultOffice names the office in annotated copies when the dictionary does not.
	DefaultOffice  = "督查室"
	fillError      = "FF9999"
	fillWarning    = "FFE699"
	msgIssuesIntro = "本表列出%s校验发现的问题：红色单元格为错误（该行未计入统计，须修改），黄色为警告（请核实）。" +
		"鼠标移到单元格上可看批注；点击“单元格”一列可跳到问题所在位置。改好后请删除本工作表再报送。"
	msgIssuesFile     = "（整个文件）"
	msgIssuesNoCell   = "（整张工作表）"
	msgIssuesTitle    = "问题清单"
	MsgAnnotateFailed = "无法写出批注副本（%v），请直接把问题清单发给单位"
	// the heading of 问题清单: whom it goes back to, what to do and by when
	msgIssuesErrors   = "以下%d处错误请%s改正后重新报送"
	msgIssuesWarnings = "%d处警告请核实"
	msgIssuesBy       = "于%s前"
)

var issueColumns = []string{"级别", "工作表", "单元格", "字段", "原值", "问题说明"}

// Widths of the 问题清单 columns, in characters; the wrapped ones are marked.
var (
	issueWidths = []float64{7, 14, 9, 10, 26, 56}
	issueWrap   = []bool{false, true, false, true, true, true}
)

// AnnotateOptions control Annotate.
type AnnotateOptions struct {
	Office   string    // the office (制表单位), author of the notes and the copy; "" is DefaultOffice
	Password string    // opens an encrypted input (--password); the copy is written unencrypted
	All      bool      // also copy files with warnings only (--all); by default only files with errors
	Now      time.Time // the copy's creation time; zero is now
	// Batch, when set, saves the copy: check --annotate takes back every copy it wrote should
	// the run fail part-way (disk full).
	Batch *Batch
	// Notices lists the notices (提示) in 问题清单 too: with --all, or when asked. By default
	// it lists what the unit must act on, the errors and warnings.
	Notices bool
	// Unit is the unit the copy goes back to, named in the heading of 问题清单; ReplyBy, when
	// set, the date by which it resubmits (--reply-by).
	Unit    string
	ReplyBy time.Time
}

// Annotate writes into dir a copy of the workbook at inputPath (of a legacy .xls or .et, an
// .xlsx of the same name built from what was read) marked with those of probs that
// concern it (Pos.File is name, its name from Names): each 错误 or 警告 cell filled and commented, and a
// 问题清单 sheet listing every problem of the file. It writes a copy only of a file with an 错误
// (with o.All, also of one with a 警告), and none when the file itself could not be read (there
// is no cell to mark). It returns the copy's path ("" if none) and the notices about the copy
// (renamed sheets). The input is never modified; a dir that would put the copy on top of the
// input is refused. A panic of the library is an error for this file.
func Annotate(dir, inputPath, name string, probs []sheets.Problem, o AnnotateOptions) (out string, notes []sheets.Problem, err error) {
	mine, ok := copyProblems(name, probs, o.All)
	if !ok {
		return "", nil, nil
	}
	sheets.SortProblems(mine)
	o.Office = cmp.Or(strings.TrimSpace(o.Office), DefaultOffice)
	if o.Now.IsZero() {
		o.Now = time.Now()
	}

	legacy := legacyBook(inputPath)
	out = copyPath(dir, inputPath, name)
	if same, err := samePath(out, inputPath); err != nil || same {
		return "", nil, fmt.Errorf("批注副本 %s 会覆盖原文件，请用 --annotate 指定另一个文件夹", out)
	}
	if err := MakeDir(filepath.Dir(out)); err != nil {
		return "", nil, fmt.Errorf("创建文件夹 %s: %w", filepath.Dir(out), err)
	}
	defer func() {
		if p := recover(); p != nil {
			out, notes, err = "", nil, fmt.Errorf("标注 %s 时发生异常：%v", name, p)
		}
	}()
	data, notes, err := annotated(inputPath, legacy, name, mine, o)
	if err != nil {
		return "", nil, fmt.Errorf("标注 %s: %w", name, err)
	}
	save := SaveFile
	if o.Batch != nil {
		save = o.Batch.Save
	}
	if err := save(out, func(w io.Writer) error { _, err := w.Write(data); return err }); err != nil {
		return "", nil, err
	}
	return out, notes, nil
}

// AnnotateTarget is where Annotate writes the copy of the input at inputPath, named name,
// given all of the run's problems; "" when it writes none. A command checks every target
// (CheckTargets) before annotating any file.
func AnnotateTarget(dir, inputPath, name string, probs []sheets.Problem, o AnnotateOptions) string {
	if _, ok := copyProblems(name, probs, o.All); !ok {
		return ""
	}
	return copyPath(dir, inputPath, name)
}

// copyProblems returns the problems of the file named name, and whether it gets an annotated
// copy: it has an 错误 (with all, a 警告), and the file itself was read (a damaged, encrypted
// or legacy-format file has no cell to mark).
func copyProblems(name string, probs []sheets.Problem, all bool) ([]sheets.Problem, bool) {
	var mine []sheets.Problem
	errs, warns := false, false
	for _, p := range probs {
		if p.Pos.File != name {
			continue
		}
		if p.Scope == sheets.ScopeFile && p.Level == sheets.Error {
			return nil, false
		}
		errs = errs || p.Level == sheets.Error
		warns = warns || p.Level == sheets.Warning
		mine = append(mine, p)
	}
	return mine, errs || all && warns
}

// copyPath is the annotated copy's path in dir: the input's name, an .xlsx for a legacy
// .xls or .et (a compound file).
func copyPath(dir, inputPath, name string) string {
	return filepath.Join(dir, filepath.FromSlash(copyName(name, copiedAsXLSX(inputPath))))
}

// annotated returns the bytes of the annotated copy and the notices about it. The copy is
// of the file at inputPath, or built from legacy when it is not nil.
func annotated(inputPath string, legacy *xlsx.Book, name string, probs []sheets.Problem, o AnnotateOptions) ([]byte, []sheets.Problem, error) {
	f, renamed, merges, err := openCopy(inputPath, legacy, o.Password)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	delete(merges, sheets.SheetIssues) // an old 问题清单 is replaced
	var notes []sheets.Problem
	for old, now := range renamed {
		if old != "" { // the reader has said what an unnamed sheet is called
			notes = append(notes, sheets.RenamedSheetNote(name, old, now))
		}
	}
	sheets.SortProblems(notes)
	probs = slices.Clone(probs)
	for i, p := range probs {
		if now, ok := renamed[p.Pos.Sheet]; ok {
			probs[i].Pos.Sheet = now
		}
	}
	marks, err := markCells(f, probs, merges)
	if err != nil {
		return nil, nil, err
	}
	listed := slices.DeleteFunc(append(slices.Clone(probs), notes...), func(p sheets.Problem) bool {
		return p.Level == sheets.Notice && !o.Notices
	})
	if err := issueSheet(f, listed, o); err != nil {
		return nil, nil, err
	}
	err = xlsxout.SetProps(f, xlsxout.Props{Application: sheets.ReportApplication, Creator: o.Office,
		Title: msgIssuesTitle + "：" + path.Base(name), Description: sheets.AnnotatedDescription, Created: o.Now})
	if err != nil {
		return nil, nil, err
	}
	var buf bytes.Buffer
	// Options without a password: the copy goes back to the unit unencrypted.
	if err := f.Write(&buf, excelize.Options{}); err != nil {
		return nil, nil, err
	}
	refs := map[string][]string{}
	for s, ms := range merges {
		refs[s] = mergeRefs(ms)
	}
	data, err := xlsxout.AddNotesAndMerges(buf.Bytes(), o.Office, marks, refs)
	return data, notes, err
}

// openCopy opens the workbook the annotated copy starts from, its sheets renamed where Excel
// refuses their names, and returns the renamed ones (old name → new) and, by (new) sheet name,
// the merged ranges the copy keeps (keptMerges), which are not in the returned workbook: the
// caller writes them into the finished copy.
func openCopy(inputPath string, legacy *xlsx.Book, password string) (*excelize.File, map[string]string, map[string][]xlsx.Range, error) {
	if legacy != nil {
		return bookCopy(legacy)
	}
	// Every part in memory (none in temporary files), so that the merges can be taken out of
	// each worksheet before excelize reads it.
	f, err := excelize.OpenFile(inputPath, excelize.Options{Password: password, UnzipSizeLimit: 16 << 30, UnzipXMLSizeLimit: 16 << 30})
	if err != nil {
		return nil, nil, nil, err
	}
	refs, err := xlsxout.TakeMerges(f)
	if err != nil {
		f.Close()
		return nil, nil, nil, err
	}
	// A workbook without styles.xml (some writers leave it out) gets a minimal one before
	// any cell is styled: excelize would fail on it.
	if _, err := xlsxout.EnsureStyles(f); err != nil {
		f.Close()
		return nil, nil, nil, err
	}
	renamed, err := fixSheetNames(f)
	if err != nil {
		f.Close()
		return nil, nil, nil, err
	}
	merges := map[string][]xlsx.Range{}
	for s, rs := range refs {
		if now, ok := renamed[s]; ok {
			s = now
		}
		if ms := keptMerges(rs); len(ms) > 0 {
			merges[s] = ms
		}
	}
	return f, renamed, merges, nil
}

// fixSheetNames renames the sheets whose names Excel refuses (other programs write them:
// more than 31 characters, []:*?/\, a quote at either end, the reserved History, an empty
// name) and returns old name → new.
func fixSheetNames(f *excelize.File) (map[string]string, error) {
	renamed := copyNames(f.GetSheetList())
	for _, s := range f.GetSheetList() {
		if now, ok := renamed[s]; ok {
			if err := f.SetSheetName(s, now); err != nil {
				return nil, err
			}
		}
	}
	return renamed, nil
}

// copyNames returns, for each name of a workbook's sheets (in order) that Excel refuses, the
// name its copy gives it (xlsxout.SafeSheetNames): a sheet without a name is called as the
// reader calls it (xlsx.UnnamedSheet), so that its problems are marked on it.
func copyNames(list []string) map[string]string {
	renamed := xlsxout.SafeSheetNames(list)
	if i := slices.Index(list, ""); i >= 0 {
		renamed[""] = xlsx.UnnamedSheet(list, i)
	}
	return renamed
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

// markCells fills every cell that has an error or a warning and returns the notes that
// explain them, one per cell. merges are the sheets' merged ranges (keptMerges).
func markCells(f *excelize.File, probs []sheets.Problem, merges map[string][]xlsx.Range) ([]xlsxout.Note, error) {
	present := map[string]bool{}
	for _, s := range f.GetSheetList() {
		present[s] = true
	}
	marked := func(p *sheets.Problem) bool {
		return p.Level != sheets.Notice && p.Scope >= sheets.ScopeRow && present[p.Pos.Sheet]
	}
	cells := map[string][][2]int{}
	for i := range probs {
		if p := &probs[i]; marked(p) {
			cells[p.Pos.Sheet] = append(cells[p.Pos.Sheet], [2]int{p.Pos.Row, max(p.Pos.Col, 1)})
		}
	}
	anchors := map[string]map[[2]int]xlsx.Range{}
	for s, cs := range cells {
		anchors[s] = mergeAnchors(merges[s], cs)
	}
	var order []cellRef
	notes := map[cellRef][]string{}
	worst := map[cellRef]sheets.Level{}
	for _, p := range probs {
		if !marked(&p) {
			continue
		}
		// A cell inside merged cells is hidden: mark the merge's top-left cell, and say
		// which row the problem is about.
		cell, msg := p.Pos.Cell(), p.Level.String()+"："+p.Msg
		if m, ok := anchors[p.Pos.Sheet][[2]int{p.Pos.Row, max(p.Pos.Col, 1)}]; ok {
			if tl := xlsx.CellName(m.C1, m.R1); tl != cell {
				cell, msg = tl, fmt.Sprintf("第%d行 %s", p.Pos.Row, msg)
			}
		}
		k := cellRef{p.Pos.Sheet, cell}
		if _, seen := notes[k]; !seen {
			order = append(order, k)
			worst[k] = p.Level
		}
		notes[k] = append(notes[k], msg)
		worst[k] = min(worst[k], p.Level)
	}

	styles := map[[2]int]int{} // (original style, level) → new style
	var out []xlsxout.Note
	for _, k := range order {
		fill := fillWarning
		if worst[k] == sheets.Error {
			fill = fillError
		}
		orig, err := f.GetCellStyle(k.sheet, k.cell)
		if err != nil {
			return nil, err
		}
		id, ok := styles[[2]int{orig, int(worst[k])}]
		if !ok {
			st, err := f.GetStyle(orig)
			if err != nil || st == nil {
				st = &excelize.Style{}
			}
			st.Fill = xlsxout.Solid(fill)
			if id, err = f.NewStyle(st); err != nil {
				return nil, err
			}
			styles[[2]int{orig, int(worst[k])}] = id
		}
		if err := f.SetCellStyle(k.sheet, k.cell, k.cell, id); err != nil {
			return nil, err
		}
		out = append(out, xlsxout.Note{Sheet: k.sheet, Cell: k.cell, Text: strings.Join(notes[k], "\n")})
	}
	return out, nil
}

// issueSheet adds (or replaces) the 问题清单 sheet, placed first and opened on, printable on
// A4 landscape with its header repeated on every page.
func issueSheet(f *excelize.File, probs []sheets.Problem, o AnnotateOptions) error {
	if err := placeIssueSheet(f); err != nil {
		return err
	}
	st, err := newIssueStyles(f)
	if err != nil {
		return err
	}
	if err := issueHeader(f, st, issuesHeading(probs, o)+fmt.Sprintf(msgIssuesIntro, o.Office)); err != nil {
		return err
	}
	for i, p := range probs {
		if err := issueRow(f, st, i+3, &p); err != nil {
			return err
		}
	}
	s := sheets.SheetIssues
	if err := f.SetPanes(s, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := xlsxout.PrintSetup(f, s, xlsxout.Print{RepeatRows: 2, Footer: xlsxout.FooterPageOfN}); err != nil {
		return err
	}
	idx, err := f.GetSheetIndex(s)
	if err != nil {
		return err
	}
	f.SetActiveSheet(idx)
	return nil
}

// placeIssueSheet makes a new, empty 问题清单 sheet after the unit's sheets (the copy opens on
// it: the caller makes it active). It is not moved first: excelize keeps the localSheetId of
// the workbook's sheet-scoped names (a ledger's 打印标题, _xlnm.Print_Titles) when it reorders
// sheets, so a moved sheet would take over another's print titles — a repair prompt in Excel.
func placeIssueSheet(f *excelize.File) error {
	if idx, _ := f.GetSheetIndex(sheets.SheetIssues); idx >= 0 {
		if err := f.DeleteSheet(sheets.SheetIssues); err != nil {
			return err
		}
	}
	_, err := f.NewSheet(sheets.SheetIssues)
	return err
}

// issueStyles are the cell styles of 问题清单.
type issueStyles struct {
	intro, head, wrap, link int
	level                   map[sheets.Level]int // the 级别 cell of each level, filled in its colour
}

func newIssueStyles(f *excelize.File) (*issueStyles, error) {
	border := xlsxout.Border(xlsxout.GridColor)
	style := func(st excelize.Style) (int, error) {
		if st.Font == nil {
			st.Font = xlsxout.Font(false, 11, "")
		}
		return f.NewStyle(&st)
	}
	var st issueStyles
	var err error
	if st.intro, err = style(excelize.Style{Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	if st.head, err = style(excelize.Style{Font: xlsxout.Font(true, 11, ""), Fill: xlsxout.Solid(xlsxout.FormFill), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}); err != nil {
		return nil, err
	}
	if st.wrap, err = style(excelize.Style{Border: border, Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}}); err != nil {
		return nil, err
	}
	if st.link, err = style(excelize.Style{Font: xlsxout.Font(false, 11, "0563C1"), Border: border,
		Alignment: &excelize.Alignment{Vertical: "top"}}); err != nil {
		return nil, err
	}
	st.level = map[sheets.Level]int{}
	for l, c := range map[sheets.Level]string{sheets.Error: fillError, sheets.Warning: fillWarning, sheets.Notice: ""} {
		s := excelize.Style{Border: border, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "center"}}
		if c != "" {
			s.Fill = xlsxout.Solid(c)
		}
		if st.level[l], err = style(s); err != nil {
			return nil, err
		}
	}
	return &st, nil
}

// issuesHeading is the first line of 问题清单: the unit, how many errors to correct by when,
// and how many warnings to check — 市商务局：以下1处错误请于2024年12月27日前改正后重新报送。
func issuesHeading(probs []sheets.Problem, o AnnotateOptions) string {
	by := ""
	if !o.ReplyBy.IsZero() {
		by = fmt.Sprintf(msgIssuesBy, sheets.CNDate(o.ReplyBy))
	}
	var parts []string
	if n := sheets.Count(probs, sheets.Error); n > 0 {
		parts = append(parts, fmt.Sprintf(msgIssuesErrors, n, by))
	}
	if n := sheets.Count(probs, sheets.Warning); n > 0 {
		parts = append(parts, fmt.Sprintf(msgIssuesWarnings, n))
	}
	if len(parts) == 0 {
		return ""
	}
	s := strings.Join(parts, "，") + "。\n"
	if o.Unit != "" {
		s = o.Unit + "：" + s
	}
	return s
}

// issueHeader writes the two rows above the problems: the heading and introduction text,
// merged across the columns, and the column headings; and sets the columns' widths.
func issueHeader(f *excelize.File, st *issueStyles, text string) error {
	s := sheets.SheetIssues
	if err := f.SetCellStr(s, "A1", text); err != nil {
		return err
	}
	if err := f.MergeCell(s, "A1", "F1"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", st.intro); err != nil {
		return err
	}
	total := 0.0
	for i, w := range issueWidths {
		c := sheets.ColumnName(i + 1)
		if err := f.SetColWidth(s, c, c, w); err != nil {
			return err
		}
		total += w
	}
	if err := f.SetRowHeight(s, 1, xlsxout.RowHeight(xlsxout.WrappedLines(text, total))); err != nil {
		return err
	}
	for i, h := range issueColumns {
		if err := f.SetCellStr(s, sheets.ColumnName(i+1)+"2", h); err != nil {
			return err
		}
	}
	return f.SetCellStyle(s, "A2", "F2", st.head)
}

// issueRow writes problem p in row r of 问题清单, its 单元格 a link to the cell when it has one.
func issueRow(f *excelize.File, st *issueStyles, r int, p *sheets.Problem) error {
	s := sheets.SheetIssues
	row := strconv.Itoa(r)
	cell := p.Pos.Cell()
	switch {
	case p.Scope == sheets.ScopeFile:
		cell = msgIssuesFile
	case p.Scope == sheets.ScopeSheet:
		cell = msgIssuesNoCell
	}
	lines := 1
	for j, v := range []string{p.Level.String(), p.Pos.Sheet, cell, p.Field, p.Raw, p.Msg} {
		v = cellText(v)
		if err := f.SetCellStr(s, sheets.ColumnName(j+1)+row, v); err != nil {
			return err
		}
		if issueWrap[j] {
			lines = max(lines, xlsxout.WrappedLines(v, issueWidths[j]))
		}
	}
	if err := f.SetCellStyle(s, "B"+row, "F"+row, st.wrap); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A"+row, "A"+row, st.level[p.Level]); err != nil {
		return err
	}
	if err := f.SetRowHeight(s, r, xlsxout.RowHeight(lines)); err != nil {
		return err
	}
	if p.Scope < sheets.ScopeRow {
		return nil
	}
	target := "'" + strings.ReplaceAll(p.Pos.Sheet, "'", "''") + "'!" + p.Pos.Cell()
	if err := f.SetCellHyperLink(s, "C"+row, target, "Location"); err != nil {
		return err
	}
	return f.SetCellStyle(s, "C"+row, "C"+row, st.link)
}

// cellText makes s fit a cell: no characters XML cannot hold, within Excel's 32,767.
func cellText(s string) string { return xlsxout.CellText(s) }
