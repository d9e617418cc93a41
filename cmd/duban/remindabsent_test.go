package main

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/duban/duban/books"
	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/sheets"
)

// TestRemindAbsentSince is SPEC §9.2's reminder of a unit expected and not heard from (issue
// 18, situation 1, as the clerk follows it up): next month's folder without 市生态环境局.xlsx,
// `remind --since` last month's report. 市生态环境局 gets a reminder asking it to report, with
// its 20 items as last reported — status, deadline, 完成日期, progress, and 预警 as of now —
// and stdout lists it among the units. Filled in and saved by the unit, the reminder is its
// ledger: the next report hears from it, counts its 20 items, and warns of no absence.
func TestRemindAbsentSince(t *testing.T) {
	const unit = "市生态环境局"
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("previous report: exit %d\n%s", code, stderr)
	}
	in := sampleWithout(t, tmp, unit+".xlsx")
	dir := filepath.Join(tmp, "催办")
	code, stdout, stderr := runCmd(t, "remind", "--as-of", "2024-12-20", "--since", prev, "--reply-by", "2024-12-31", "--out-dir", dir, in)
	if code != exitErrors {
		t.Fatalf("remind: exit %d\n%s", code, stderr)
	}
	path := filepath.Join(dir, unit+"_催办单_20241220.xlsx")
	// 10 units with open items, and the one not heard from with all its items: 29 + 20.
	if !sentLine(stdout, unit, "20项（未报送，上期20项，其中逾期1项）", path) ||
		!strings.Contains(stdout, "\n已在 "+dir+" 写出11份催办单，共49项事项\n") {
		t.Errorf("stdout:\n%s", stdout)
	}
	if !strings.Contains(stderr, "  市生态环境局本期未报送台账（上期20项，其中逾期1项），其事项未计入本次统计，请催报\n") {
		t.Errorf("stderr lacks the warning of the unit not heard from:\n%s", stderr)
	}

	// Its items as in the previous report's 事项明细.
	want := map[string]map[string]string{}
	for _, it := range table(t, openBook(t, prev), sheets.SheetItems, "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期", "进展情况", "预警") {
		if it["牵头单位"] == unit {
			want[it["事项内容"]] = it
		}
	}
	if len(want) != 20 {
		t.Fatalf("the previous report has %d items of %s, want 20", len(want), unit)
	}
	f := openBook(t, path)
	rows, _ := f.GetRows(books.SheetForm)
	const line = "市生态环境局：贵单位本期未报送督查事项台账，请于2024年12月31日前报送。下列为上期汇总所列贵单位的20项事项，" +
		"请逐项更新落实状态、完成日期和进展情况，没有完成时限的事项请填写承诺的完成时限，用本表报送。"
	if rows[0][0] != "关于报送督查事项落实情况的通知（催办）" || rows[1][0] != line {
		t.Errorf("heading and line:\n%q\n%q\nwant\n%q", rows[0][0], rows[1][0], line)
	}
	got := table(t, f, books.SheetForm, "事项内容", "牵头单位", "完成时限", "落实状态", "完成日期", "进展情况", "预警", "逾期天数")
	if len(got) != 20 {
		t.Fatalf("the reminder lists %d items, want 20", len(got))
	}
	// 预警 as of 2024-12-20: the 批示件 due 2024-08-31 and still open, 111 days overdue, first.
	if got[0]["预警"] != "逾期" || got[0]["逾期天数"] != "111" || got[0]["完成时限"] != "2024-08-31" {
		t.Errorf("first row %v, want the item 111 days overdue", got[0])
	}
	done := 0
	for _, g := range got {
		w, ok := want[g["事项内容"]]
		if !ok {
			t.Errorf("the reminder lists %q, not in the previous report", g["事项内容"])
			continue
		}
		for _, l := range []string{"牵头单位", "完成时限", "落实状态", "完成日期", "进展情况"} {
			if g[l] != w[l] {
				t.Errorf("%s of %q: %q, the previous report says %q", l, g["事项内容"], g[l], w[l])
			}
		}
		if g["落实状态"] == "已落实" {
			done++
			if g["预警"] != w["预警"] { // 正常 or 逾期完成, whatever the date
				t.Errorf("预警 of done %q: %q, want %q", g["事项内容"], g["预警"], w["预警"])
			}
		}
	}
	if done != 18 {
		t.Errorf("%d items 已落实, want 18", done)
	}

	// The unit finishes the overdue item and saves the reminder in Excel.
	head, col := headerRow(t, f, books.SheetForm, "事项内容", "落实状态", "完成日期")
	must(t, f.SetCellStr(books.SheetForm, col["落实状态"]+strconv.Itoa(head+1), "已完成"))
	must(t, f.SetCellStr(books.SheetForm, col["完成日期"]+strconv.Itoa(head+1), "2024-12-10"))
	must(t, hostile.SavedBy(f, "Microsoft Excel", unit))
	must(t, f.Save())
	returned := filepath.Join(in, unit+"_催办单_20241220.xlsx")
	must(t, os.Rename(path, returned))

	cur := filepath.Join(tmp, "督查事项汇总_20241220.xlsx")
	code, stdout, stderr = runCmd(t, "report", "--as-of", "2024-12-20", "--since", prev, "-o", cur, in)
	if code != exitErrors {
		t.Fatalf("report with the returned reminder: exit %d\n%s", code, stderr)
	}
	if strings.Contains(stderr, "本期未报送") || strings.Contains(stdout, "本期未报送") {
		t.Errorf("the unit that returned its reminder is said not to have reported:\n%s%s", stdout, stderr)
	}
	// As the whole sample: 333 rows read, 302 items.
	if b := balance(t, stdout); b != [4]int{333, 302, 28, 3} {
		t.Errorf("row proof %v, want [333 302 28 3]", b)
	}
	rf := openBook(t, cur)
	var row map[string]string
	for _, u := range table(t, rf, sheets.SheetUnits, "排名", "牵头单位", "事项数", "已落实", "逾期") {
		if u["牵头单位"] == unit {
			row = u
		}
	}
	if row == nil || row["排名"] == "" || row["事项数"] != "20" || row["已落实"] != "19" || row["逾期"] != "0" {
		t.Errorf("单位统计 of %s: %v, want ranked with 20 items, 19 done, none overdue", unit, row)
	}
	for _, p := range table(t, openBook(t, checkPath(cur)), sheets.SheetProblems, "级别", "文件", "说明") {
		if sheets.IsReminder(p["文件"]) && p["级别"] != "提示" {
			t.Errorf("problem about the returned reminder: %v", p)
		}
	}
}

// TestRemindAbsentExpect: with the master list (--expect) alone, a unit on it that sent nothing
// is reminded of the items the list assigns it. A report duban wrote as the list keeps each
// item's last status.
func TestRemindAbsentExpect(t *testing.T) {
	const unit = "市生态环境局"
	tmp := t.TempDir()
	prev := filepath.Join(tmp, "督查事项汇总_20241120.xlsx")
	if code, _, stderr := runCmd(t, "report", "--as-of", "2024-11-20", "-o", prev, sample); code != exitErrors {
		t.Fatalf("previous report: exit %d\n%s", code, stderr)
	}
	in := sampleWithout(t, tmp, unit+".xlsx")
	dir := filepath.Join(tmp, "催办")
	code, stdout, stderr := runCmd(t, "remind", "--as-of", "2024-12-20", "--expect", prev, "--out-dir", dir, in)
	if code != exitErrors {
		t.Fatalf("remind: exit %d\n%s", code, stderr)
	}
	path := filepath.Join(dir, unit+"_催办单_20241220.xlsx")
	if !sentLine(stdout, unit, "20项（未报送，应报事项20项）", path) {
		t.Errorf("stdout:\n%s", stdout)
	}
	f := openBook(t, path)
	rows, _ := f.GetRows(books.SheetForm)
	if want := "下列为交办清单所列贵单位的20项事项，"; !strings.Contains(rows[1][0], want) || !strings.Contains(rows[1][0], "请于2024年12月27日前报送。") {
		t.Errorf("line %q lacks %q or the default reply date", rows[1][0], want)
	}
	n := map[string]int{}
	for _, g := range table(t, f, books.SheetForm, "事项内容", "落实状态") {
		n[g["落实状态"]]++
	}
	if n["已落实"] != 18 || n["推进中"] != 2 {
		t.Errorf("statuses %v, want the report's last: 18 已落实, 2 推进中", n)
	}
}

// sentLine reports whether stdout has the line of a unit sent a reminder: its name, what it
// was sent, and the file, in columns.
func sentLine(stdout string, fields ...string) bool {
	for _, l := range strings.Split(stdout, "\n") {
		if strings.Join(strings.Fields(l), " ") == strings.Join(fields, " ") {
			return true
		}
	}
	return false
}
