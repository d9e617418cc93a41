package books

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/duban/duban/internal/bulletin"
	"github.com/duban/duban/internal/syserr"
	"github.com/duban/duban/internal/xlsx"
	"github.com/duban/duban/sheets"
)

// readProps reads the document properties of the file at path.
func readProps(t *testing.T, path string) xlsx.Props {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	p, err := xlsx.ReadProps(f, st.Size())
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestEveryWriterMarks: every document duban writes carries its kind in the description of
// its document properties, names duban as the application and is not "saved since" as written
// (SPEC §2); each may then be replaced by the next run.
func TestEveryWriterMarks(t *testing.T) {
	d := testDict(t)
	r := sampleReport(t, d)
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }

	check, err := WriteReport(at("汇总.xlsx"), r)
	must(t, err)
	b, err := sheets.Brief(r, d, "市政府第十四次常务会议")
	must(t, err)
	must(t, WriteBrief(at("通报.xlsx"), b, "x市人民政府办公室"))
	must(t, SaveFile(at("模板.xlsx"), func(w io.Writer) error { return Form(w, d, "市财政局", nil) }))
	rems := sheets.Reminders(r)
	sent, err := WriteReminders(at("催办"), d, rems[:1], Notice{AsOf: r.AsOf}, nil, false)
	must(t, err)
	must(t, WriteConfig(at("配置.xlsx"), d))
	must(t, SaveFile(at("通报.docx"), func(w io.Writer) error {
		return bulletin.Write(w, bulletin.Bulletin{Title: "关于督查事项落实情况的通报", Created: time.Now()})
	}))
	in := at("收文/市统计局.xlsx")
	writeRowsBook(t, in, "台账", [][]any{
		{"会议", "事项内容", "牵头单位", "完成时限", "落实状态"},
		{"市长专题会议第7次", "编制统计公报", "市统计局", "2023年2月30日", "推进中"},
	})
	o := sheets.Options{Dict: d, AsOf: date(2023, 12, 20), WarnDays: 7}
	files, _ := sheets.Source([]string{filepath.Dir(in)})
	copyPath, _, err := Annotate(at("退回"), in, "市统计局.xlsx", sheets.Build(files, o).Problems, AnnotateOptions{})
	must(t, err)

	for path, want := range map[string]sheets.Mark{
		at("汇总.xlsx"): sheets.MarkReport, check: sheets.MarkCheck, at("通报.xlsx"): sheets.MarkBrief,
		at("模板.xlsx"): sheets.MarkForm, sent[0].Path: sheets.MarkReminder, at("配置.xlsx"): sheets.MarkConfig,
		at("通报.docx"): sheets.MarkBulletin, copyPath: sheets.MarkAnnotated,
	} {
		p := readProps(t, path)
		if got := sheets.MarkOf(p.Description); got != want || p.Application != sheets.ReportApplication || sheets.SavedSince(p) {
			t.Errorf("%s: mark %v (want %v), %+v, saved since %v", filepath.Base(path), got, want, p, sheets.SavedSince(p))
		}
		if err := CheckOverwrite(path); err != nil {
			t.Errorf("%s as written may not be replaced: %v", filepath.Base(path), err)
		}
	}
	if bulletin.Description != sheets.BulletinDescription {
		t.Errorf("the 通报's mark %q is not the one the reader knows (%q)", bulletin.Description, sheets.BulletinDescription)
	}
}

// TestCheckTargets: the one writing rule (SPEC §2, §2.1). An input is never a target; a file
// without duban's mark is never replaced, --force or not; duban's own file saved since only
// with --force; every refusal is returned, before anything is written.
func TestCheckTargets(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	own, err := WriteReport(at("汇总.xlsx"), testReport()) // the check file
	must(t, err)
	edited := at("改过.xlsx")
	must(t, SaveFile(edited, func(w io.Writer) error { return Form(w, testDict(t), "市财政局", nil) }))
	resave(t, edited, "Microsoft Excel")
	ledger := at("市财政局.xlsx")
	writeRowsBook(t, ledger, "台账", [][]any{{"事项内容", "牵头单位"}, {"编制统计公报", "市统计局"}})
	input := at("十一月/市商务局.xlsx")
	writeRowsBook(t, input, "台账", [][]any{{"事项内容", "牵头单位"}, {"编制统计公报", "市统计局"}})
	inputs := []string{input}

	texts := func(errs []error) []string {
		var out []string
		for _, e := range errs {
			out = append(out, e.Error())
		}
		return out
	}
	foreign := ledger + " 已存在，且不是duban生成的文件，为免丢失其中的内容，不会覆盖（加 --force 也不会）；请用 -o 换一个输出文件名，或先把它移走"
	for _, c := range []struct {
		name    string
		targets []string
		force   bool
		want    []string
	}{
		{"new and own", []string{at("新.xlsx"), own}, false, nil},
		{"edited", []string{edited}, false, []string{edited + " 在生成后被修改过（由Excel保存），为免丢失手工修改，未覆盖；如确需覆盖请加 --force，或用 -o 换一个输出文件名"}},
		{"edited, forced", []string{edited}, true, nil},
		{"a unit's ledger", []string{ledger}, false, []string{foreign}},
		{"a unit's ledger, forced", []string{ledger}, true, []string{foreign}},
		{"an input", []string{filepath.Join(dir, "十一月", "..", "十一月", "市商务局.xlsx")}, true,
			[]string{filepath.Join(dir, "十一月", "..", "十一月", "市商务局.xlsx") + " 也是输入文件，不能覆盖；请换一个输出文件名（-o）或输出文件夹"}},
		{"all at once", []string{own, ledger, input, at("十一月")}, true,
			[]string{foreign, input + " 也是输入文件，不能覆盖；请换一个输出文件名（-o）或输出文件夹", at("十一月") + " 是一个文件夹，不能用作输出文件；请用 -o 换一个输出文件名"}},
		{"twice", []string{at("新.xlsx"), at("新.XLSX")}, false, []string{at("新.XLSX") + " 在本次要写出的文件中出现了两次，请换一个输出文件名"}},
	} {
		if got := texts(CheckTargets(c.targets, inputs, c.force)); !slices.Equal(got, c.want) {
			t.Errorf("%s:\n got %q\nwant %q", c.name, got, c.want)
		}
	}
}

// TestBatchUndo: a run that fails part-way takes back the files it wrote and puts back the
// ones they replaced, naming what it took back; the disk-full error is said in Chinese and
// names the file; no temporary file is left.
func TestBatchUndo(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	must(t, os.WriteFile(at("b.xlsx"), []byte("old b"), 0o644))
	full := fmt.Errorf("write %s: %w", "x", syscall.ENOSPC)
	written := 0
	fileWrite = func(f *os.File, p []byte) (int, error) {
		if written >= 3 {
			return 0, &os.PathError{Op: "write", Path: f.Name(), Err: syscall.ENOSPC}
		}
		return f.Write(p)
	}
	defer func() { fileWrite = (*os.File).Write }()
	var b Batch
	for _, name := range []string{"a.xlsx", "b.xlsx", "c.xlsx"} {
		err := b.Save(at(name), func(w io.Writer) error {
			written++
			_, err := io.WriteString(w, "new "+name)
			if err != nil {
				return full // as a library wraps it
			}
			return nil
		})
		if err == nil {
			continue
		}
		var oe *OSError
		if !errors.As(err, &oe) || err.Error() != "无法写入 "+at("c.xlsx")+"：磁盘空间已满，请清理磁盘或换一个文件夹后重试" {
			t.Fatalf("the error of a full disk: %T %v", err, err)
		}
		err = b.Fail(err)
		want := "无法写入 " + at("c.xlsx") + "：磁盘空间已满，请清理磁盘或换一个文件夹后重试；本次已写出的文件已删除：" +
			at("b.xlsx") + "（已恢复原有的文件）、" + at("a.xlsx")
		if err.Error() != want {
			t.Errorf("after undoing:\n got %s\nwant %s", err, want)
		}
	}
	assertOnly(t, dir, "b.xlsx")
	if got, _ := os.ReadFile(at("b.xlsx")); string(got) != "old b" {
		t.Errorf("b.xlsx is %q, want the old one back", got)
	}
}

// TestBatchCommit: a batch that ends well leaves the new files and no kept old ones.
func TestBatchCommit(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	must(t, os.WriteFile(at("a.xlsx"), []byte("old"), 0o644))
	var b Batch
	for _, name := range []string{"a.xlsx", "b.xlsx"} {
		must(t, b.Save(at(name), func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }))
	}
	if got := b.Written(); !slices.Equal(got, []string{at("a.xlsx"), at("b.xlsx")}) {
		t.Errorf("written %v", got)
	}
	b.Commit()
	assertOnly(t, dir, "a.xlsx", "b.xlsx")
	if got, _ := os.ReadFile(at("a.xlsx")); string(got) != "new" {
		t.Errorf("a.xlsx is %q", got)
	}
}

// TestOSErrorText: what the operating system reports is said in Chinese, naming the file —
// a read-only place (a file where a folder should be works as root too), and the errors of
// a full, read-only or locked disk as the system gives them.
func TestOSErrorText(t *testing.T) {
	dir := t.TempDir()
	notDir := filepath.Join(dir, "文件")
	must(t, os.WriteFile(notDir, nil, 0o644))
	err := SaveFile(filepath.Join(notDir, "汇总.xlsx"), func(w io.Writer) error { return nil })
	if want := "无法写入 " + filepath.Join(notDir, "汇总.xlsx") + "：路径中有一段是文件而不是文件夹"; err == nil || err.Error() != want {
		t.Errorf("under a file: %v, want %s", err, want)
	}
	for errno, want := range map[syscall.Errno]string{
		syscall.ENOSPC: osText[syserr.DiskFull], syscall.EROFS: osText[syserr.ReadOnly], syscall.EACCES: osText[syserr.Permission],
		syscall.ENOENT: osText[syserr.NotExist], syscall.ENAMETOOLONG: osText[syserr.NameTooLong], syscall.EIO: osText[syserr.IO],
	} {
		if got := OSErrorText(&os.PathError{Op: "open", Path: "x", Err: errno}); got != want {
			t.Errorf("%v: %s, want %s", errno, got, want)
		}
	}
	if os.Geteuid() != 0 { // root writes into a read-only folder
		ro := filepath.Join(dir, "只读")
		must(t, os.Mkdir(ro, 0o555))
		err := SaveFile(filepath.Join(ro, "汇总.xlsx"), func(w io.Writer) error { return nil })
		if want := "无法写入 " + filepath.Join(ro, "汇总.xlsx") + "：" + osText[syserr.Permission]; err == nil || err.Error() != want {
			t.Errorf("read-only folder: %v, want %s", err, want)
		}
	}
}

// TestCleanStale: temporary files of a duban that was killed (kill -9) are removed by the
// next run writing into the folder; those of a running duban, and other dot files, are not.
func TestCleanStale(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	dead := exec.Command("true")
	if err := dead.Run(); err != nil {
		t.Skip("cannot start a process to take its id:", err)
	}
	deadPID := strconv.Itoa(dead.Process.Pid)
	alive := exec.Command("sleep", "30")
	if err := alive.Start(); err != nil {
		t.Skip("cannot start a process:", err)
	}
	defer func() { alive.Process.Kill(); alive.Wait() }()
	livePID := strconv.Itoa(alive.Process.Pid)
	old := time.Now().Add(-48 * time.Hour)
	for name, mtime := range map[string]time.Time{
		".duban-" + deadPID + "-123.xlsx": time.Now(), // killed: removed
		".duban-" + livePID + "-456.xlsx": time.Now(), // running: kept
		".duban-" + livePID + "-789.docx": old,        // too old whatever the id: removed
		".duban-4242.xlsx":                old,        // an older version's, old: removed
		".duban-4243.xlsx":                time.Now(), // an older version's, recent: kept
		".duban-notes.txt":                old,        // not duban's temporary name: kept
		".hidden.xlsx":                    old,
	} {
		must(t, os.WriteFile(at(name), []byte("x"), 0o644))
		must(t, os.Chtimes(at(name), mtime, mtime))
	}
	must(t, SaveFile(at("汇总.xlsx"), func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }))
	kept := []string{".duban-" + livePID + "-456.xlsx", ".duban-4243.xlsx", ".duban-notes.txt", ".hidden.xlsx", "汇总.xlsx"}
	slices.Sort(kept)
	assertOnly(t, dir, kept...)
	if strings.Contains(deadPID, "-") {
		t.Fatal(deadPID)
	}
}

// TestMarkSurvivesLibreOffice: a form duban wrote, saved again by LibreOffice (what 统信UOS
// and 麒麟 desktops use), still carries duban's mark and is told as saved since: the reader
// takes it for the unit's return, and the next run does not replace it without --force.
func TestMarkSurvivesLibreOffice(t *testing.T) {
	soffice, err := exec.LookPath("soffice")
	if err != nil || testing.Short() {
		t.Skip("needs soffice (LibreOffice), and takes seconds: not with -short")
	}
	dir := t.TempDir()
	d := testDict(t)
	form := filepath.Join(dir, "市财政局.xlsx")
	var row sheets.RawRow
	row.Vals[sheets.FieldContent], row.Vals[sheets.FieldLead] = "清理政府拖欠账款", "市财政局"
	row.Vals[sheets.FieldMeeting], row.Vals[sheets.FieldDeadline] = "市长办公会议第2次", "2024-06-30"
	rows := []sheets.RawRow{row}
	must(t, SaveFile(form, func(w io.Writer) error { return Form(w, d, "市财政局", rows) }))
	lo := filepath.Join(dir, "lo")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
		"--headless", "--convert-to", "xlsx", "--outdir", lo, form)
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, b)
	}
	saved := filepath.Join(lo, "市财政局.xlsx")
	p := readProps(t, saved)
	if sheets.MarkOf(p.Description) != sheets.MarkForm || !sheets.SavedSince(p) {
		t.Errorf("after LibreOffice: %+v: mark %v, saved since %v", p, sheets.MarkOf(p.Description), sheets.SavedSince(p))
	}
	var ee *EditedError
	if err := CheckOverwrite(saved); !errors.As(err, &ee) || ee.Foreign || ee.By != "LibreOffice" {
		t.Errorf("CheckOverwrite after LibreOffice: %v", err)
	}
	if l := sheets.ReadLedger(saved, d, sheets.ReadOptions{}); !l.Returned || len(l.Rows) != 1 {
		t.Errorf("read after LibreOffice: returned %v, %d rows, %v", l.Returned, len(l.Rows), l.Problems)
	}
	if l := sheets.ReadLedger(form, d, sheets.ReadOptions{}); l.Returned || len(l.Rows) != 0 || len(l.Problems) != 1 || l.Problems[0].Kind != sheets.Unfilled {
		t.Errorf("read as written: returned %v, %d rows, %v", l.Returned, len(l.Rows), l.Problems)
	}
}

// TestSaveFilesUndo: when one of a run's files cannot be put in place after all were written
// (here a folder stands at its path; on Windows, a workbook Excel holds open), those already
// put in place are taken back and the ones they replaced put back; the error names them.
func TestSaveFilesUndo(t *testing.T) {
	dir := t.TempDir()
	at := func(name string) string { return filepath.Join(dir, name) }
	must(t, os.WriteFile(at("a.xlsx"), []byte("old a"), 0o644))
	must(t, os.MkdirAll(at("b.xlsx/x"), 0o755))
	write := func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }
	err := SaveFiles(Output{at("a.xlsx"), write}, Output{at("c.xlsx"), write}, Output{at("b.xlsx"), write})
	var ue *UndoneError
	if !errors.As(err, &ue) || !slices.Equal(ue.Removed, []string{at("c.xlsx"), at("a.xlsx")}) ||
		!strings.HasPrefix(err.Error(), "无法替换 "+at("b.xlsx")+"：这是一个文件夹，不是文件；") || !strings.HasSuffix(err.Error(), "本次已写出的文件已删除："+at("c.xlsx")+"、"+at("a.xlsx")+"（已恢复原有的文件）") {
		t.Errorf("%T %v", err, err)
	}
	assertOnly(t, dir, "a.xlsx", "b.xlsx")
	if got, _ := os.ReadFile(at("a.xlsx")); string(got) != "old a" {
		t.Errorf("a.xlsx is %q, want the old one back", got)
	}
}
