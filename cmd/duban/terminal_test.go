package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/duban/duban/internal/hostile"
	"github.com/duban/duban/internal/zhtext"
)

var (
	reWarningsHead = regexp.MustCompile(`^(警告\d+条（已计入统计，请核实）|应报送而未报送台账的单位\d+个（其事项未计入统计）)：$`)
	reNoticesHead  = regexp.MustCompile(`^提示\d+条：`)
)

// listed turns the problem blocks of stderr back into one line per problem as Problem.String
// writes it (文件!工作表!单元格: 级别: 说明), so that a test can say at which level a problem
// was listed. Notices are listed only with -v; the per-file lines are not problems.
func listed(stderr string) []string {
	var out []string
	level := ""
	for _, l := range strings.Split(stderr, "\n") {
		switch {
		case l == headErrors || l == headPathErrors:
			level = "错误"
		case reWarningsHead.MatchString(l):
			level = "警告"
		case reNoticesHead.MatchString(l):
			level = "提示"
		case level != "" && strings.HasPrefix(l, "  "):
			l = l[2:]
			if pos, msg, ok := strings.Cut(l, ": "); ok {
				out = append(out, pos+": "+level+": "+msg)
			} else {
				out = append(out, level+": "+l)
			}
		default:
			level = ""
		}
	}
	return out
}

// listedText is listed as lines of text.
func listedText(stderr string) string {
	return strings.Join(listed(stderr), "\n")
}

// inOrder reports whether each of subs occurs in s, each after the one before.
func inOrder(s string, subs ...string) bool {
	at := 0
	for _, sub := range subs {
		i := strings.Index(s[at:], sub)
		if i < 0 {
			return false
		}
		at += i + len(sub)
	}
	return true
}

// TestTerminalOrder: stderr gives the files, then the errors under the heading that sends
// them back, then the warnings, then the notices counted; stdout the table and the lines under
// it (按期办结率 …), the narrative,
// the sentence on what is left out, the workbooks, the problem counts and the proof last.
func TestTerminalOrder(t *testing.T) {
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, sample)
	if code != exitErrors {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !inOrder(stderr,
		"市交通运输局.xlsx        市交通运输局        计入24项，错误1条\n",
		"说明.txt                 已跳过：不是Excel工作簿\n\n",
		headErrors+"\n  市交通运输局.xlsx!督查事项!D21: 事项内容为空",
		"\n  市商务局.xlsx!台账!H12: 完成时限“2024年2月30日”不是有效日期（2月没有30日）（该行已排除，未计入统计，请修改后重新报送）\n\n",
		"警告5条（已计入统计，请核实）：\n  市委常委会议的会议届次不连续",
		"\n  市工业和信息化局.xlsx!台账!I6: 落实状态为“已完成”（已落实），但未填写完成日期；按期办结率中计为未按期办结\n",
		"\n\n提示81条：完成时限补全年份27条，牵头单位按填报单位推断24条，") || !strings.HasSuffix(stderr, "；加 -v 逐条列出\n\n"+hintNoOffice+"\n") {
		t.Errorf("stderr is not files, errors, warnings, notices:\n%s", stderr)
	}
	checkFile := strings.TrimSuffix(out, ".xlsx") + "_核对.xlsx"
	if !inOrder(stdout,
		"督查事项汇总（统计截止：2024年12月20日）\n类别 ",
		"\n合计                  72     302     261      33       8    16     7   86.4%       82.8%\n按期办结率82.8%",
		"\n\n截至2024年12月20日，",
		"无明确时限事项7项。\n注：市交通运输局、市卫生健康委、市商务局报送的3行因填写错误被排除，其事项未计入本汇总。\n\n",
		"汇总工作簿："+out+"\n核对工作簿："+checkFile+"\n发现问题95条：错误3条，警告11条，提示81条，已列入核对工作簿的“校验问题”工作表\n"+
			"行数核对：读取333行 = 明细302项 + 重复合并28行 + 错误排除3行\n") || !strings.HasSuffix(stdout, "错误排除3行\n") {
		t.Errorf("stdout is not table, narrative, limits, workbooks, counts, proof:\n%s", stdout)
	}
}

// TestQuiet: -q prints only the errors on stderr, and on stdout still the workbooks written
// and the row-count proof; check -q the proof.
func TestQuiet(t *testing.T) {
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	code, stdout, stderr := runCmd(t, "report", "-q", "--as-of", "2024-12-20", "-o", out, sample)
	wantErr := headErrors + "\n" +
		"  市交通运输局.xlsx!督查事项!D21: 事项内容为空，请填写（该行其他列已填写）（该行已排除，未计入统计，请修改后重新报送）\n" +
		"  市卫生健康委.xlsx!台账!H18: 落实状态“基本完成”只说明基本或部分完成，没有说明事项是否已全部完成，不能确定属于 已落实、推进中、未启动 中的哪一类；" +
		"已全部完成的请填 已落实，仍有未完成部分的请填 推进中，具体进度写在进展情况中（该行已排除，未计入统计，请修改后重新报送）\n" +
		"  市商务局.xlsx!台账!H12: 完成时限“2024年2月30日”不是有效日期（2月没有30日）（该行已排除，未计入统计，请修改后重新报送）\n"
	proof := "行数核对：读取333行 = 明细302项 + 重复合并28行 + 错误排除3行\n"
	wantOut := "汇总工作簿：" + out + "\n核对工作簿：" + strings.TrimSuffix(out, ".xlsx") + "_核对.xlsx\n" + proof
	if code != exitErrors || stderr != wantErr || stdout != wantOut {
		t.Errorf("report -q: exit %d\nstdout:\n%s\nstderr:\n%s\nwant stdout:\n%s\nstderr:\n%s", code, stdout, stderr, wantOut, wantErr)
	}
	code, stdout, stderr = runCmd(t, "check", "-q", "--as-of", "2024-12-20", sample)
	if code != exitErrors || stderr != wantErr || stdout != proof {
		t.Errorf("check -q: exit %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
}

// TestFileLines: one line per input — counted, unreadable, skipped — aligned by display width,
// and the unreadable file's error among the files to send back.
func TestFileLines(t *testing.T) {
	dir := t.TempDir()
	for _, name := range []string{"市商务局.xlsx", "市应急管理局.xlsx"} {
		b, err := os.ReadFile(filepath.Join(sample, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	plain, err := hostile.Book("台账", hostile.Ledger("市教育局", 1, 3))
	if err != nil {
		t.Fatal(err)
	}
	enc, err := hostile.Encrypt(plain, hostile.Password)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "市教育局.xlsx"), enc, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "说明.txt"), []byte("各单位请于月底前报送"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := "" +
		"市商务局.xlsx      市商务局      计入26项，错误1条\n" +
		"市应急管理局.xlsx  市应急管理局  计入22项\n" +
		"市教育局.xlsx      未能读取：文件已加密，请用 --password 提供密码，或请单位发送未加密的文件\n" +
		"说明.txt           已跳过：不是Excel工作簿\n" +
		"\n" +
		headErrors + "\n" +
		"  市商务局.xlsx!台账!H12: 完成时限“2024年2月30日”不是有效日期（2月没有30日）（该行已排除，未计入统计，请修改后重新报送）\n" +
		"  市教育局.xlsx: 文件已加密，请用 --password 提供密码，或请单位发送未加密的文件\n" +
		"\n"
	for _, cmd := range []string{"report", "check"} {
		args := []string{cmd, "--as-of", "2024-12-20", dir}
		if cmd == "report" {
			args = append(args, "-o", filepath.Join(t.TempDir(), "汇总.xlsx"))
		}
		code, stdout, stderr := runCmd(t, args...)
		if code != exitErrors || !strings.HasPrefix(stderr, want) {
			t.Errorf("%s: exit %d\nstderr:\n%s\nwant it to begin:\n%s", cmd, code, stderr, want)
		}
		if cmd == "report" && !strings.Contains(stdout, "\n注：市教育局报送的台账无法读取，市商务局报送的1行因填写错误被排除，上述事项均未计入本汇总。\n") {
			t.Errorf("report: stdout does not say what is left out:\n%s", stdout)
		}
	}
}

// TestProgressLine: once a run has taken a second, the line names the file read longest
// with its number, and its time once it is slow; rewritten in place, padded over a longer
// line; after the last file, what was read.
func TestProgressLine(t *testing.T) {
	var buf bytes.Buffer
	now := time.Date(2024, 12, 20, 9, 0, 0, 0, time.UTC)
	p := newProgressLine(&buf, func() time.Time { return now })
	p.auto = true // as on a terminal; redrawn here by hand, no ticker is started after...
	p.ticker = time.NewTicker(time.Hour)
	p.stopped = make(chan struct{})
	redraw := func() { p.mu.Lock(); p.draw(); p.mu.Unlock() }

	p.reading("市住房城乡建设局.xlsx", 38, true)
	redraw() // under a second: nothing
	if buf.Len() != 0 {
		t.Errorf("shown before a second: %q", buf.String())
	}
	for i := 2; i <= 11; i++ {
		name := fmt.Sprintf("单位%d.xlsx", i)
		p.reading(name, 38, true)
		p.reading(name, 38, false)
		p.filesDone(i-1, 38, i*10)
	}
	p.reading("市住房城乡建设局.xlsx", 38, false)
	p.filesDone(11, 38, 120)
	now = now.Add(1500 * time.Millisecond)
	p.reading("市财政局.xlsx", 38, true)
	redraw()
	now = now.Add(10 * time.Second)
	p.reading("市商务局.xlsx", 38, true)
	redraw()
	for i := 12; i <= 38; i++ {
		p.filesDone(i, 38, 500)
	}
	redraw() // stopped: nothing more
	l1, l2, l3 := "正在读取 市财政局.xlsx（12/38）…", "正在读取 市财政局.xlsx（12/38）…已用时10秒", "已读取 38/38 个文件，500 行，用时 11.5 秒"
	want := "\r" + l1 + "\r" + l2 + "\r" + l3 + strings.Repeat(" ", max(zhtext.Width(l2)-zhtext.Width(l3), 0)) + "\n"
	if buf.String() != want {
		t.Errorf("progress:\n got %q\nwant %q", buf.String(), want)
	}
}
