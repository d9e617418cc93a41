package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/spf13/pflag"
)

// TestUnknownCommand: a first argument that is neither a command nor a path but is close to
// a command's name is a typing mistake; an existing path of that name is still a path.
func TestUnknownCommand(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"repot", "收文"}, "未知命令“repot”，是否要用 duban report？\n"},
		{[]string{"reprot"}, "未知命令“reprot”，是否要用 duban report？\n"},
		{[]string{"chek", "收文"}, "未知命令“chek”，是否要用 duban check？\n"},
		{[]string{"Template"}, "未知命令“Template”，是否要用 duban template？\n"},
		{[]string{"confg", "-o", "x.xlsx"}, "未知命令“confg”，是否要用 duban config？\n"},
		{[]string{"versoin"}, "未知命令“versoin”，是否要用 duban version？\n"},
		{[]string{"help", "repot"}, "未知命令“repot”，是否要用 duban report？\n"},
		{[]string{"help", "汇总"}, "未知命令“汇总”；用 duban help 查看全部命令\n"},
	} {
		code, stdout, stderr := runCmd(t, c.args...)
		if code != exitNothing || stdout != "" || stderr != c.stderr {
			t.Errorf("%q: exit %d\nstdout: %q\nstderr: %q\nwant exit 2 and %q", c.args, code, stdout, stderr, c.stderr)
		}
	}

	// Neither a path nor near a command: the path error, as before.
	code, _, stderr := runCmd(t, "收文")
	// The mistyped path is the clerk's to fix, not a unit's file to send back.
	if code != exitNothing || !strings.Contains(listedText(stderr), "收文: 错误: 找不到此文件或文件夹") || strings.Contains(stderr, "未知命令") ||
		!strings.Contains(stderr, headPathErrors+"\n  收文: ") || strings.Contains(stderr, headErrors) {
		t.Errorf("收文: exit %d\n%s", code, stderr)
	}
	// A folder named like a mistyped command is a path.
	if err := os.Mkdir("repot", 0o755); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = runCmd(t, "repot")
	if code != exitNothing || strings.Contains(stderr, "未知命令") || !strings.Contains(stderr, "没有读取到任何台账数据") {
		t.Errorf("the folder repot: exit %d\n%s", code, stderr)
	}
}

func TestEditDistance(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		a, b string
		want int
	}{
		{"report", "report", 0}, {"repot", "report", 1}, {"reprot", "report", 1}, {"rport", "report", 1},
		{"check", "chekc", 1}, {"", "help", 4}, {"收文", "check", 5}, {"汇总表", "汇总", 1},
	} {
		if got := editDistance(c.a, c.b); got != c.want {
			t.Errorf("editDistance(%q, %q) = %d, want %d", c.a, c.b, got, c.want)
		}
	}
}

// TestBadFlags: a flag a command does not have exits 2 and says which, for every command.
func TestBadFlags(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		name := c.name()
		code, stdout, stderr := runCmd(t, name, "--bogus")
		want := "错误：命令行选项有误：没有 --bogus 这个选项；用 duban help " + name + " 查看用法\n"
		if code != exitNothing || stdout != "" || stderr != want {
			t.Errorf("%s --bogus: exit %d\nstdout: %q\nstderr: %q\nwant %q", name, code, stdout, stderr, want)
		}
	}
	for _, c := range []struct {
		args   []string
		stderr string
	}{
		{[]string{"report", "--warn-days", "七", "收文"}, "错误：命令行选项有误：选项 --warn-days 的值“七”无效；用 duban help report 查看用法\n"},
		{[]string{"check", "--as-of"}, "错误：命令行选项有误：选项 --as-of 后面要写一个值；用 duban help check 查看用法\n"},
		{[]string{"template", "-x"}, "错误：命令行选项有误：没有 -x 这个选项；用 duban help template 查看用法\n"},
		{[]string{"report", "-qx", "收文"}, "错误：命令行选项有误：没有 -x 这个选项；用 duban help report 查看用法\n"},
		{[]string{"--bogus", "收文"}, "错误：命令行选项有误：没有 --bogus 这个选项；用 duban help report 查看用法\n"},
		{[]string{"version", "extra"}, "错误：多余的参数 extra；用法：duban version\n"},
		{[]string{"help", "report", "check"}, "错误：多余的参数 check；用法：duban help [命令]\n"},
	} {
		code, stdout, stderr := runCmd(t, c.args...)
		if code != exitNothing || stdout != "" || stderr != c.stderr {
			t.Errorf("%q: exit %d\nstdout: %q\nstderr: %q\nwant %q", c.args, code, stdout, stderr, c.stderr)
		}
	}
}

var helpLast = regexp.MustCompile(`\n  -h, --help +显示此帮助\n$`)

// TestHelp: duban help CMD and duban CMD --help show the same Chinese help on stdout, with
// no word of pflag's English listing; every option of the command is in it.
func TestHelp(t *testing.T) {
	t.Parallel()
	for _, c := range commands {
		name := c.name()
		code, byHelp, stderr := runCmd(t, "help", name)
		if code != exitOK || stderr != "" {
			t.Fatalf("help %s: exit %d\n%s", name, code, stderr)
		}
		for _, flag := range []string{"--help", "-h"} {
			code, stdout, stderr := runCmd(t, name, flag)
			if code != exitOK || stderr != "" || stdout != byHelp {
				t.Errorf("%s %s: exit %d, stderr %q; differs from duban help %s:\n%s", name, flag, code, stderr, name, stdout)
			}
		}
		if !strings.HasPrefix(byHelp, "用法：duban "+c.usageLine+"\n\n") || !strings.Contains(byHelp, "示例：\n  duban "+name) ||
			!strings.Contains(byHelp, "\n选项：\n") || !helpLast.MatchString(byHelp) {
			t.Errorf("help %s is not usage, help with examples, options:\n%s", name, byHelp)
		}
		for _, english := range []string{"default", "string", " int", "[=", "Usage", "flag", "\"", "值"} {
			if strings.Contains(byHelp, english) {
				t.Errorf("help %s holds %q:\n%s", name, english, byHelp)
			}
		}
	}
	_, help, _ := runCmd(t, "help", "report")
	for _, line := range []string{
		"  -o, --output 文件     汇总工作簿（默认 督查事项汇总_<统计截止日>.xlsx）\n",
		"      --as-of 日期      统计截止日，如 2024-11-30（默认今天）\n",
		"  -v, --verbose         逐条列出每个提示\n",
		"      --max-unzip 大小  单个工作簿解压后的大小上限，超过即拒绝读取（默认 512MiB）\n",
		"      --strict          有任何错误就不生成工作簿，退出码2\n",
		"2 未生成（用法错误、没有可读的数据、加 --strict 时有错误、输出文件也是输入文件、\n输出文件在生成后被手工修改过而未加 --force）。",
		"      --force           覆盖生成后被修改过的汇总工作簿和核对工作簿（默认不覆盖，以免丢失手工修改）\n",
	} {
		if !strings.Contains(help, line) {
			t.Errorf("help report lacks %q:\n%s", line, help)
		}
	}
	_, help, _ = runCmd(t, "help", "config")
	if !strings.Contains(help, "  -o, --output 文件  要写入的词典工作簿（默认 配置.xlsx）\n") {
		t.Errorf("help config does not give -o's default:\n%s", help)
	}
}

// TestUsage: duban help, --help and -h list every command on stdout; duban alone lists them
// on stderr and exits 2.
func TestUsage(t *testing.T) {
	t.Parallel()
	_, usage, _ := runCmd(t, "help")
	for _, c := range commands {
		if !strings.Contains(usage, "\n  duban "+c.usageLine+" ") || !strings.Contains(usage, c.short+"\n") {
			t.Errorf("the usage does not list %s:\n%s", c.name(), usage)
		}
	}
	if !strings.Contains(usage, "  duban 路径...                等同于 duban report 路径...（可把文件夹拖到 duban.exe 上）\n") {
		t.Errorf("the usage does not give the drag-and-drop form:\n%s", usage)
	}
	for _, args := range [][]string{{"--help"}, {"-h"}} {
		if code, stdout, stderr := runCmd(t, args...); code != exitOK || stdout != usage || stderr != "" {
			t.Errorf("%q: exit %d\n%s%s", args, code, stdout, stderr)
		}
	}
	if code, stdout, stderr := runCmd(t); code != exitNothing || stdout != "" || stderr != usage {
		t.Errorf("no arguments: exit %d\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}
}

// TestDoubleClick: started with no arguments in a console of its own (a double-click on
// duban.exe), duban first says to drag the folder onto it, then gives the usage.
func TestDoubleClick(t *testing.T) {
	defer func(f func() bool) { ownConsole = f }(ownConsole)
	ownConsole = func() bool { return true }
	_, usage, _ := runCmd(t, "help")
	code, stdout, stderr := runCmd(t)
	want := "请把存放各单位台账工作簿的文件夹拖到 duban.exe 上，汇总工作簿会生成在该文件夹旁边。\n\n" + usage
	if code != exitNothing || stdout != "" || stderr != want {
		t.Errorf("exit %d\nstdout: %q\nstderr: %q", code, stdout, stderr)
	}
}

func TestVersion(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{{"version"}, {"--version"}} {
		code, stdout, stderr := runCmd(t, args...)
		// go test builds without version control information.
		if code != exitOK || stderr != "" || stdout != "duban dev\n提交：未知\n提交时间：未知\n未提交的修改：未知\n" {
			t.Errorf("%q: exit %d\nstdout: %q\nstderr: %q", args, code, stdout, stderr)
		}
	}
	info := &debug.BuildInfo{Settings: []debug.BuildSetting{
		{Key: "vcs", Value: "git"},
		{Key: "vcs.revision", Value: "c8c48ca0123456789abcdef0123456789abcdef0"},
		{Key: "vcs.time", Value: "2026-11-30T08:00:00Z"},
		{Key: "vcs.modified", Value: "true"},
	}}
	want := "duban 1.2.0\n提交：c8c48ca0123456789abcdef0123456789abcdef0\n提交时间：2026-11-30T08:00:00Z\n未提交的修改：有\n"
	if got := versionText("1.2.0", info); got != want {
		t.Errorf("versionText = %q, want %q", got, want)
	}
	info.Settings[3].Value = "false"
	if got := versionText("1.2.0", info); !strings.HasSuffix(got, "未提交的修改：无\n") {
		t.Errorf("versionText = %q", got)
	}
}

// TestVerbose: without -v the notices are counted by kind on one line; -v and --verbose list
// each of them under the counts, for report and check alike.
func TestVerbose(t *testing.T) {
	t.Parallel()
	out := filepath.Join(t.TempDir(), "汇总.xlsx")
	// The 11 建议提案 of the sample: 10 without a 完成时限 take the default one, and each of its two
	// sheets gives its rows their category.
	counts := "提示93条：完成时限补全年份27条，牵头单位按填报单位推断24条，重复报送只计一次21条，建议提案按默认办理时限10条，跳过表尾说明行6条，" +
		"类别按工作表名推断2条，跳过无表头的工作表1条，跳过隐藏工作表1条，跳过非Excel文件1条"
	_, _, plain := runCmd(t, "report", "--as-of", "2024-12-20", "-o", out, sample)
	if !strings.HasSuffix(plain, "\n\n"+counts+"；加 -v 逐条列出\n\n"+hintNoOffice+"\n") || strings.Contains(listedText(plain), ": 提示: ") {
		t.Errorf("without -v, stderr should end with the notices counted, none listed:\n%s", plain)
	}
	var verbose []string
	for _, args := range [][]string{
		{"report", "-v", "--as-of", "2024-12-20", "-o", out, sample},
		{"report", "--verbose", "--as-of", "2024-12-20", "-o", out, sample},
		{"check", "-v", "--as-of", "2024-12-20", sample},
	} {
		code, _, stderr := runCmd(t, args...)
		stderr = strings.TrimSuffix(stderr, "\n"+hintNoOffice+"\n") // said once by a run that writes documents
		verbose = append(verbose, stderr)
		notices := strings.Count(listedText(stderr), ": 提示: ")
		if code != exitErrors || notices != 93 || !strings.Contains(stderr, "\n"+counts+"\n") ||
			!strings.HasSuffix(stderr, "\n  说明.txt: 不是Excel工作簿，已跳过\n") || strings.Contains(stderr, "加 -v") {
			t.Errorf("%q: exit %d, %d notices listed, want 93 after their counts:\n%s", args, code, notices, stderr)
		}
	}
	// check lists what report lists, but for the gaps in session numbers (the report's concern,
	// not a unit's): two warnings fewer.
	var lines []string
	for _, l := range strings.SplitAfter(verbose[0], "\n") {
		if !strings.Contains(l, "会议届次不连续") {
			lines = append(lines, l)
		}
	}
	asCheck := strings.Replace(strings.Join(lines, ""), "警告5条", "警告3条", 1)
	if verbose[0] != verbose[1] || asCheck != verbose[2] || strings.Contains(verbose[2], "会议届次不连续") {
		t.Errorf("-v, --verbose and check -v differ:\n%s", firstDiff(asCheck, verbose[2]))
	}
	if !strings.HasPrefix(verbose[0], plain[:strings.LastIndex(plain, counts)]) {
		t.Errorf("-v changes what comes before the notices:\n%s", firstDiff(plain, verbose[0]))
	}
	for _, c := range []struct {
		args []string
		want bool
	}{
		{[]string{"-v", sample}, true},
		{[]string{"--verbose", sample}, true},
		{[]string{"-qv", sample}, true},
		{[]string{sample}, false},
	} {
		fs := pflag.NewFlagSet("check", pflag.ContinueOnError)
		var cc common
		cc.register(fs, "")
		if err := fs.Parse(c.args); err != nil {
			t.Fatal(err)
		}
		var stderr bytes.Buffer
		o, _, ok := cc.parse("check", &env{stdout: io.Discard, stderr: &stderr}, fs, "")
		if !ok || o.Verbose != c.want {
			t.Errorf("%q: ok %v, Verbose %v, want %v\n%s", c.args, ok, o.Verbose, c.want, &stderr)
		}
	}
}

// TestCheckStrict: check writes nothing, so --strict does not change its exit status, as its
// help says: 1 with errors.
func TestCheckStrict(t *testing.T) {
	t.Parallel()
	code, _, _ := runCmd(t, "check", "--strict", "--as-of", "2024-12-20", sample)
	_, help, _ := runCmd(t, "help", "check")
	if code != exitErrors || !strings.Contains(help, "退出码：0 没有错误；1 有错误（加不加 --strict 都是1）；") {
		t.Errorf("check --strict exits %d; its help says:\n%s", code, help)
	}
}
