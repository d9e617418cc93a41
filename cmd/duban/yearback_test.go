package main

import (
	"os"
	"path/filepath"
	"testing"
)

// A reminder sent in January about last year's items (its heading dated 2025) is still about
// last year's meetings: the form names each numbered meeting with its year (市政府常务会议2024年
// 第14次), so its rows merge with the ledger's instead of being counted again under 2025's
// sessions. (QA found 合计 282 → 286 and 会议次数 72 → 76 when they were read as 2025's.)
func TestReminderAnsweredNextYear(t *testing.T) {
	t.Parallel()
	tmp := t.TempDir()
	in := filepath.Join(tmp, "收文")
	copyDir(t, sample, in)
	rm := filepath.Join(tmp, "催办")
	if code, _, stderr := runCmd(t, "remind", "-q", "--as-of", "2025-01-20", "--out-dir", rm, in); code != exitErrors {
		t.Fatalf("remind: exit %d\n%s", code, stderr)
	}
	entries, err := os.ReadDir(rm)
	if err != nil || len(entries) == 0 {
		t.Fatalf("no reminders: %v", err)
	}
	alone := filepath.Join(tmp, "单独.xlsx")
	if code, _, stderr := runCmd(t, "report", "-q", "--as-of", "2025-01-20", "-o", alone, in); code != exitErrors {
		t.Fatalf("report: exit %d\n%s", code, stderr)
	}
	back := filepath.Join(in, "回复")
	if err := os.MkdirAll(back, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		p := filepath.Join(back, e.Name())
		b, err := os.ReadFile(filepath.Join(rm, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		resave(t, p, "Microsoft Excel") // returned unchanged, saved by the unit
	}
	with := filepath.Join(tmp, "含回复.xlsx")
	if code, _, stderr := runCmd(t, "report", "-q", "--as-of", "2025-01-20", "-o", with, in); code != exitErrors {
		t.Fatalf("report with the reminders: exit %d\n%s", code, stderr)
	}
	a, b := summary(t, alone)["合计"], summary(t, with)["合计"]
	for _, col := range []string{"会议次数", "事项数", "已落实", "逾期"} {
		if a[col] != b[col] {
			t.Errorf("合计 %s: %s without the reminders, %s with them answered in January", col, a[col], b[col])
		}
	}
}
