package books

import (
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/sheets"
)

// Messages of the overwrite protection (SPEC §2).
const (
	msgEdited    = "%s 在生成后被修改过（由%s保存），为免丢失手工修改，未覆盖；如确需覆盖请加 --force，或%s"
	msgForeign   = "%s 已存在，且不是duban生成的文件，为免丢失其中的内容，不会覆盖（加 --force 也不会）；请%s，或先把它移走"
	msgUnchecked = "%s 已存在，无法读取它（%s），不能确定能否覆盖，未覆盖；请关闭打开它的程序，或用 -o 换一个输出文件名"
	msgIsInput   = "%s 也是输入文件，不能覆盖；请换一个输出文件名（-o）或输出文件夹"
	msgIsDir     = "%s 是一个文件夹，不能用作输出文件；请用 -o 换一个输出文件名"
	msgNoFolder  = "文件夹 %s 不存在，请先创建或用 -o 指定其他位置"
	msgTwice     = "%s 在本次要写出的文件中出现了两次，请换一个输出文件名"
	elsewhereOut = "用 -o 换一个输出文件名"
	elsewhereDir = "换一个输出文件夹"
	byUnknown    = "其他程序"
)

// EditedError is the refusal to replace a file that a clerk may have worked on: one that
// another program saved after duban wrote it, or one duban did not write at all.
type EditedError struct {
	Path string
	// By names the program that saved the file last, as users know it (Excel, WPS,
	// LibreOffice, or what the file's properties say); "" when they do not say.
	By string
	// Foreign is set when the file does not carry duban's mark: it is never replaced, --force
	// or not.
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

// CheckOverwrite says whether the file at path — a workbook or a Word document — may be
// replaced (SPEC §2): nil when nothing is there, or when it carries duban's mark (its kind in
// the description of its document properties) and no program saved it since (sheets.SavedSince).
// Otherwise it returns an *EditedError — Foreign for a file without the mark, which is never
// replaced — or, for a file it cannot read, an error saying so. Commands check every target of
// a run with CheckTargets before writing any.
func CheckOverwrite(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf(msgUnchecked, path, OSErrorText(err))
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return fmt.Errorf(msgUnchecked, path, OSErrorText(err))
	}
	if st.IsDir() {
		return fmt.Errorf(msgIsDir, path)
	}
	p, err := xlsx.ReadProps(f, st.Size())
	if err != nil || sheets.MarkOf(p.Description) == sheets.NotOwn {
		return &EditedError{Path: path, Foreign: true}
	}
	if sheets.SavedSince(p) {
		return &EditedError{Path: path, By: programName(p.Application)}
	}
	return nil
}

// CheckTargets applies the writing rule to every file a run is about to write, before any is
// written (SPEC §2, §2.1): a target that is one of the inputs (a ledger, the master list, the
// previous report, a config workbook) is refused; one that exists is replaced only when
// CheckOverwrite allows it, or, with force, when it is duban's own file saved since — never
// when it does not carry duban's mark. It returns one error per refused target, in order.
// An empty input (a flag not given) is none.
func CheckTargets(targets, inputs []string, force bool) []error {
	return checkTargets(targets, inputs, force, false)
}

// CheckFolderTargets is CheckTargets for files whose names duban gives (a unit's form,
// reminder or annotated copy) in a folder the user chose: a refusal points to another folder,
// not another name.
func CheckFolderTargets(targets, inputs []string, force bool) []error {
	return checkTargets(targets, inputs, force, true)
}

func checkTargets(targets, inputs []string, force, inDir bool) []error {
	inputs = slices.DeleteFunc(slices.Clone(inputs), func(s string) bool { return s == "" })
	var errs []error
	seen := map[string]bool{}
	for _, t := range targets {
		abs, err := filepath.Abs(t)
		if err != nil {
			errs = append(errs, fmt.Errorf(msgUnchecked, t, OSErrorText(err)))
			continue
		}
		key := strings.ToLower(abs) // Windows and macOS compare names without case
		if seen[key] {
			errs = append(errs, fmt.Errorf(msgTwice, t))
			continue
		}
		seen[key] = true
		if slices.ContainsFunc(inputs, func(in string) bool { same, _ := samePath(t, in); return same }) {
			errs = append(errs, fmt.Errorf(msgIsInput, t))
			continue
		}
		err = CheckOverwrite(t)
		var ee *EditedError
		if errors.As(err, &ee) {
			ee.InDir = inDir
		}
		if err != nil && !(force && ee != nil && !ee.Foreign) {
			errs = append(errs, err)
		}
	}
	return errs
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

// CheckNew applies the writing rule (CheckTargets) to one file of a run that reads no
// other file, and refuses a missing folder.
func CheckNew(path string, force bool) error {
	if errs := CheckTargets([]string{path}, nil, force); len(errs) > 0 {
		return errs[0]
	}
	if dir := filepath.Dir(path); !isDir(dir) {
		return fmt.Errorf(msgNoFolder, dir)
	}
	return nil
}

func isDir(p string) bool {
	st, err := os.Stat(p)
	return err == nil && st.IsDir()
}

// Exists reports whether a file or folder is at p.
func Exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}
