package books

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/sheets"
)

// Messages of the overwrite protection (SPEC §2).
const (
	msgEdited    = "%s 在生成后被修改过（由%s保存），为免丢失手工修改，未覆盖；如确需覆盖请加 --force，或%s"
	msgForeign   = "%s 已存在，且不是duban生成的工作簿，为免丢失其中的内容，未覆盖；如确需覆盖请加 --force，或%s"
	msgUnchecked = "%s 已存在，无法读取它（%v），未覆盖；如确需覆盖请加 --force，或用 -o 换一个输出文件名"
	elsewhereOut = "用 -o 换一个输出文件名"
	elsewhereDir = "用 --out-dir 换一个文件夹"
	byUnknown    = "其他程序"
)

// EditedError is the refusal to replace a workbook that a clerk may have worked on: one that
// another program saved after duban wrote it, or one duban did not write at all.
type EditedError struct {
	Path string
	// By names the program that saved the workbook last, as users know it (Excel, WPS,
	// LibreOffice, or what the workbook's properties say); "" when they do not say.
	By string
	// Foreign is set when duban did not write the workbook.
	Foreign bool
	// InDir is set when the file's name is duban's and only its folder is the user's
	// (--out-dir), so that the way out is another folder, not another name (-o).
	InDir bool
}

func (e *EditedError) Error() string {
	elsewhere := elsewhereOut
	if e.InDir {
		elsewhere = elsewhereDir
	}
	if e.Foreign {
		return fmt.Sprintf(msgForeign, e.Path, elsewhere)
	}
	return fmt.Sprintf(msgEdited, e.Path, cmp.Or(e.By, byUnknown), elsewhere)
}

// CheckOverwrite says whether the workbook at path may be replaced (SPEC §2): nil when nothing
// is there, or when duban wrote it and no program has saved it since — its document
// properties still name duban as the application that saved it, and it was not modified
// after it was created. Otherwise it returns an *EditedError, or for a file it cannot read
// an error saying so; the caller refuses to write unless told to (--force). Check every
// workbook a command writes before writing any of them.
func CheckOverwrite(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf(msgUnchecked, path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf(msgUnchecked, path, err)
	}
	p, err := xlsx.ReadProps(f, st.Size())
	if err != nil {
		return &EditedError{Path: path, Foreign: true}
	}
	switch {
	case p.Application == sheets.ReportApplication && p.Modified == p.Created:
		return nil
	case p.Application == sheets.ReportApplication || strings.HasPrefix(p.Description, sheets.ReportApplication+"-"):
		return &EditedError{Path: path, By: programName(p.Application)}
	}
	return &EditedError{Path: path, Foreign: true}
}

// programName is the name users know the program by whose Application string this is:
// "Microsoft Excel" → Excel, "WPS 表格" and "WPS Spreadsheets" → WPS, "LibreOffice/7.4…" →
// LibreOffice (as the real-world workbooks of ../shared/realworld-xlsx say). duban's own
// mark (kept by a program that changed only the times) and an empty one say nothing.
func programName(app string) string {
	low := strings.ToLower(app)
	switch {
	case app == "" || app == sheets.ReportApplication:
		return ""
	case strings.Contains(low, "wps") || strings.Contains(low, "kingsoft") || strings.Contains(app, "金山"):
		return "WPS"
	case strings.Contains(low, "openpyxl"): // "Microsoft Excel Compatible / Openpyxl 3.1.5"
		return "openpyxl"
	case strings.Contains(low, "excel"):
		return "Excel"
	case strings.Contains(low, "libreoffice"):
		return "LibreOffice"
	case strings.Contains(low, "openoffice"):
		return "OpenOffice"
	}
	name, _, _ := strings.Cut(app, "/")
	if r := []rune(strings.TrimSpace(name)); len(r) > 30 {
		return string(r[:30]) + "…"
	}
	return strings.TrimSpace(name)
}

// CheckNew is the rule for the files a user fills in or edits (forms, the config workbook):
// it refuses to overwrite an existing file unless force, and a missing folder.
func CheckNew(path string, force bool) error {
	if st, err := os.Stat(path); err == nil {
		if st.IsDir() {
			return fmt.Errorf("%s 是一个文件夹，请用 -o 指定文件名", path)
		}
		if !force {
			return fmt.Errorf("文件 %s 已存在，未覆盖（确需覆盖请加 --force，或用 -o 指定其他文件名）", path)
		}
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("文件夹 %s 不存在，请先创建或用 -o 指定其他位置", dir)
	}
	return nil
}

// Exists reports whether a file or folder is at p.
func Exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
