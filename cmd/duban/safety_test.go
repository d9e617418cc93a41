package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The writing rule and reading by kind (SPEC §2, §2.1, §9), as a clerk meets them.

// TestAnnotateNeverReplacesALedger (issue 20): `check --annotate 十二月 十一月` would put
// November's marked copies on top of December's real ledgers of the same names. Nothing is
// written, --force or not, and each is named; a folder holding duban's own unedited copies
// is written again.
func TestAnnotateNeverReplacesALedger(t *testing.T) {
	tmp := t.TempDir()
	nov, dec := filepath.Join(tmp, "十一月"), filepath.Join(tmp, "十二月")
	copyDir(t, sample, nov)
	copyDir(t, sample, dec)
	before := readAll(t, filepath.Join(dec, "市应急管理局.xlsx"), filepath.Join(dec, "市商务局.xlsx"))
	for _, force := range [][]string{nil, {"--force"}} {
		args := append([]string{"check", "-q", "--as-of", "2024-12-20", "--annotate", dec}, force...)
		code, _, stderr := runCmd(t, append(args, nov)...)
		if code != exitNothing || !strings.Contains(stderr, "错误："+filepath.Join(dec, "市商务局.xlsx")+" 已存在，且不是duban生成的文件") ||
			!strings.Contains(stderr, "以上批注副本不能写出，未写出任何批注副本") {
			t.Errorf("check --annotate onto the next month's ledgers %v: exit %d\n%s", force, code, stderr)
		}
	}
	after := readAll(t, filepath.Join(dec, "市应急管理局.xlsx"), filepath.Join(dec, "市商务局.xlsx"))
	for i := range before {
		if !bytes.Equal(before[i], after[i]) {
			t.Errorf("a December ledger was replaced")
		}
	}

	// Into a folder of its own: written, and written again over its own unedited copies.
	back := filepath.Join(tmp, "退回")
	for range 2 {
		if code, _, stderr := runCmd(t, "check", "-q", "--as-of", "2024-12-20", "--annotate", back, nov); code != exitErrors {
			t.Fatalf("check --annotate into its own folder: exit %d\n%s", code, stderr)
		}
	}
	// The annotated copies onto their own inputs: refused as inputs.
	code, _, stderr := runCmd(t, "check", "-q", "--as-of", "2024-12-20", "--annotate", nov, nov)
	if code != exitNothing || !strings.Contains(stderr, "也是输入文件，不能覆盖") {
		t.Errorf("check --annotate onto its inputs: exit %d\n%s", code, stderr)
	}
}

// TestTargetsThatAreInputs (issue 20): the check file is compared with the inputs as the
// report is, and template --from never writes over its own master list, --force or not.
func TestTargetsThatAreInputs(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "收文")
	copyDir(t, sample, in)
	ledger := filepath.Join(in, "市商务局.xlsx")
	named := filepath.Join(in, "汇总_核对.xlsx")
	if err := os.Rename(ledger, named); err != nil {
		t.Fatal(err)
	}
	before := readAll(t, named)
	code, stdout, stderr := runCmd(t, "report", "-q", "--force", "-o", filepath.Join(in, "汇总.xlsx"), in)
	if code != exitNothing || stdout != "" || !strings.Contains(stderr, named+" 也是输入文件，不能覆盖") || bytes.Contains([]byte(stderr), []byte("汇总.xlsx 也是")) {
		t.Errorf("a check file that is an input: exit %d\n%s%s", code, stdout, stderr)
	}
	if !bytes.Equal(readAll(t, named)[0], before[0]) || exists(filepath.Join(in, "汇总.xlsx")) {
		t.Errorf("the run wrote")
	}

	// A master list named as one of its units' forms, split into its own folder.
	dir := filepath.Join(tmp, "下发")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	master := filepath.Join(dir, "市住建局.xlsx")
	writeSheet(t, master, masterRows("市政府"))
	before = readAll(t, master)
	code, _, stderr = runCmd(t, "template", "--force", "--from", master, "--out-dir", dir)
	if code != exitNothing || !strings.Contains(stderr, master+" 也是输入文件，不能覆盖") {
		t.Errorf("template --from onto itself: exit %d\n%s", code, stderr)
	}
	if !bytes.Equal(readAll(t, master)[0], before[0]) || exists(filepath.Join(dir, "市财政局.xlsx")) {
		t.Errorf("template --from wrote")
	}
}

func exists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// TestUnfilledFormsSkipped (issue 18, situation 5): pre-filled forms and a reminder duban
// wrote, left unfilled in a subfolder of the collection, are skipped with a notice each —
// not 302 errors, and the reminder does not stand for its unit's reply; the figures are those
// of the ledgers alone. Once the unit saved it, the reminder is read.
func TestUnfilledFormsSkipped(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "收文")
	copyDir(t, sample, in)
	prev := filepath.Join(tmp, "上期.xlsx")
	code, want, wantErr := runCmd(t, "report", "-v", "--as-of", "2024-12-20", "-o", prev, in)
	if code != exitErrors {
		t.Fatalf("report: exit %d", code)
	}
	wantN := checkBalance(t, want)
	forms := filepath.Join(in, "下发")
	if code, _, stderr := runCmd(t, "template", "--from", prev, "--out-dir", forms); code == exitNothing {
		t.Fatalf("template --from: exit %d\n%s", code, stderr)
	}
	rems := filepath.Join(tmp, "催办")
	if code, _, stderr := runCmd(t, "remind", "-q", "--as-of", "2024-12-20", "--out-dir", rems, in); code == exitNothing {
		t.Fatalf("remind: exit %d\n%s", code, stderr)
	}
	rem := filepath.Join(forms, "市交通运输局_催办单_20241220.xlsx")
	if err := os.Rename(filepath.Join(rems, filepath.Base(rem)), rem); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(forms)

	code, got, stderr := runCmd(t, "report", "-v", "--as-of", "2024-12-20", "-o", filepath.Join(tmp, "汇总.xlsx"), in)
	if code != exitErrors || checkBalance(t, got) != wantN {
		t.Errorf("with the unfilled forms: exit %d, read %d rows, want %d\n%s", code, checkBalance(t, got), wantN, stderr)
	}
	if n := strings.Count(listedText(stderr), "生成后没有被修改保存过，尚未填写，已跳过"); n != len(entries) || len(entries) < 10 {
		t.Errorf("%d notices of an unfilled form for %d files\n%s", n, len(entries), stderr)
	}
	if n, w := strings.Count(listedText(stderr), ": 错误: "), strings.Count(listedText(wantErr), ": 错误: "); n != w {
		t.Errorf("%d errors with the unfilled forms, %d without\n%s", n, w, stderr)
	}

	// Filled in and saved by the unit: its return, read.
	resave(t, rem, "WPS 表格")
	_, got, stderr = runCmd(t, "report", "-v", "--as-of", "2024-12-20", "-o", filepath.Join(tmp, "汇总2.xlsx"), in)
	if strings.Contains(stderr, "市交通运输局_催办单_20241220.xlsx: 提示: 这是duban生成的催办单") || checkBalance(t, got) <= wantN {
		t.Errorf("a returned reminder is not read: read %d rows\n%s", checkBalance(t, got), stderr)
	}
}

// TestRemindFullDisk (issue 20): remind on a disk that fills up part way takes back the
// reminders it wrote, names them, and exits 2; no temporary file is left. The disk is a
// small tmpfs, which only root can mount.
func TestRemindFullDisk(t *testing.T) {
	tmp := t.TempDir()
	disk := filepath.Join(tmp, "disk")
	if err := os.Mkdir(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", disk).Run(); err != nil {
		t.Skip("cannot mount a small tmpfs (needs root):", err)
	}
	defer exec.Command("umount", disk).Run()
	out := filepath.Join(disk, "催办")
	code, stdout, stderr := runCmd(t, "remind", "-q", "--as-of", "2024-12-20", "--out-dir", out, sample)
	if code != exitNothing || strings.Contains(stdout, "已在") ||
		!strings.Contains(stderr, "：磁盘空间已满，请清理磁盘或换一个文件夹后重试；本次已写出的文件已删除："+filepath.Join(out, "")) {
		t.Errorf("remind on a full disk: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestReportReadOnlyDisk: a report written onto a read-only disk is refused in Chinese,
// naming the file, exit 2. The disk is a read-only tmpfs, which only root can mount; a folder
// without write permission stops no root.
func TestReportReadOnlyDisk(t *testing.T) {
	disk := filepath.Join(t.TempDir(), "disk")
	if err := os.Mkdir(disk, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := exec.Command("mount", "-t", "tmpfs", "-o", "size=64k,ro", "tmpfs", disk).Run(); err != nil {
		t.Skip("cannot mount a read-only tmpfs (needs root):", err)
	}
	defer exec.Command("umount", disk).Run()
	out := filepath.Join(disk, "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "-q", "--as-of", "2024-12-20", "-o", out, sample)
	if code != exitNothing || stdout != "" || !strings.Contains(stderr, "错误：未能写出汇总工作簿：无法写入 "+out+"：磁盘或文件夹是只读的，请换一个可以写入的文件夹") ||
		strings.Contains(stderr, "read-only") {
		t.Errorf("exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}
