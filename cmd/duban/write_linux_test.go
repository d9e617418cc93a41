//go:build linux

package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/duban/duban/internal/hostile"
)

// writeLimit is the file size limit of the run that must fail: smaller than the report.
const writeLimit = 8 << 10

// TestFailedMidWrite runs report in a child process (this test binary) whose file size limit
// (RLIMIT_FSIZE) is smaller than the report, so that writing it fails for certain part way
// through, after the temporary file was created: the run exits 2 saying so, the earlier
// report is byte-identical, and no temporary file is left. A run killed at that point
// leaves a half temporary file (a hidden .duban-*): a later run skips it without a word.
func TestFailedMidWrite(t *testing.T) {
	if args := os.Getenv("DUBAN_LIMITED_RUN"); args != "" {
		limit := syscall.Rlimit{Cur: writeLimit, Max: writeLimit}
		if err := syscall.Setrlimit(syscall.RLIMIT_FSIZE, &limit); err != nil {
			t.Fatal(err)
		}
		// Go ignores SIGXFSZ, so the write that crosses the limit fails with EFBIG.
		os.Exit(run(strings.Split(args, "\n"), os.Stdout, os.Stderr))
	}
	tmp := t.TempDir()
	in, outDir := filepath.Join(tmp, "收文"), filepath.Join(tmp, "汇总")
	os.Mkdir(in, 0o755)
	os.Mkdir(outDir, 0o755)
	if _, err := hostile.Good(in); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(outDir, "督查事项汇总.xlsx")
	if code, _, stderr := duban(t, "report", "--as-of", "2024-12-20", "-o", out, in); code != exitOK {
		t.Fatalf("first run: exit %d\n%s", code, stderr)
	}
	earlier, _ := os.ReadFile(out)
	checkFile := filepath.Join(outDir, "督查事项汇总_核对.xlsx")
	earlierCheck, _ := os.ReadFile(checkFile)
	if len(earlier) <= writeLimit {
		t.Fatalf("the report is %d bytes, no more than the limit %d: the write would not fail", len(earlier), writeLimit)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestFailedMidWrite$")
	cmd.Env = append(os.Environ(), "DUBAN_LIMITED_RUN="+strings.Join([]string{"report", "--as-of", "2024-12-21", "-o", out, in}, "\n"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := -1
	if cmd.ProcessState != nil {
		code = cmd.ProcessState.ExitCode()
	}
	if code != exitNothing || stdout.Len() != 0 ||
		!strings.Contains(stderr.String(), "错误：未能写出汇总工作簿：无法写入 ") || !strings.Contains(stderr.String(), "：文件超过了系统允许的大小") ||
		strings.Contains(stderr.String(), "file too large") {
		t.Fatalf("limited run: %v, exit %d\nstdout:\n%s\nstderr:\n%s", err, code, &stdout, &stderr)
	}
	if now, _ := os.ReadFile(out); !bytes.Equal(now, earlier) {
		t.Errorf("the failed run changed the earlier report")
	}
	if now, _ := os.ReadFile(checkFile); len(earlierCheck) == 0 || !bytes.Equal(now, earlierCheck) {
		t.Errorf("the failed run changed the earlier check file")
	}
	assertFiles(t, outDir, "督查事项汇总.xlsx", "督查事项汇总_核对.xlsx")

	// What a run killed mid-write leaves: the first part of a report under a temporary name.
	leftover := filepath.Join(outDir, ".duban-"+strconv.Itoa(os.Getpid())+".xlsx")
	if err := os.WriteFile(leftover, earlier[:writeLimit], 0o600); err != nil {
		t.Fatal(err)
	}
	code, so, se := duban(t, "report", "-v", "--as-of", "2024-12-20", "-o", filepath.Join(tmp, "again.xlsx"), in, outDir)
	if code != exitOK || strings.Contains(se, ".duban-") || !strings.Contains(listedText(se), "督查事项汇总.xlsx: 提示: "+hostile.MsgOwnReport) {
		t.Errorf("exit %d\nstderr:\n%s", code, se)
	}
	if n, want := checkBalance(t, so), checkBalance(t, mustRun(t, "report", "--as-of", "2024-12-20", "-o", filepath.Join(tmp, "alone.xlsx"), in)); n != want {
		t.Errorf("read %d rows with the leftover beside the inputs, %d without", n, want)
	}
}

// mustRun runs duban in-process, fails the test unless it exits 0, and returns stdout.
func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stdout, stderr := duban(t, args...)
	if code != exitOK {
		t.Fatalf("%q: exit %d\n%s", args, code, stderr)
	}
	return stdout
}
