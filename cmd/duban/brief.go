package main

import (
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/duban/duban/books"
	"github.com/duban/duban/sheets"
	"github.com/spf13/pflag"
)

const briefHelp = `生成一次会议议定事项的落实情况通报（会议通报）：开头是可以在会上直接宣读的一段话，
下面按编号列出该会议的每个事项及其落实状态、进展情况和预警。这段话也显示在屏幕上。
同时在工作簿旁边生成可直接印发的督查通报（Word文档，WPS文字也能打开）：
关于<会议>议定事项落实情况的通报_<统计截止日>.docx，含刊头、总体情况、存在问题、下一步工作要求和附件事项表，
数字与工作簿一致。刊名、密级标注、联系人和下一步工作要求取自词典的“设置”（duban config）。

会议名称可以写成台账中的任何写法（市政府常务会议第14次、常务会第14次、市政府第十四次常务会议）；
只写类别（常务会）时取该类别最近一次会议。

示例：
  duban brief --meeting 市政府常务会议第14次 收文                 通报第14次常务会议议定事项的落实情况
  duban brief --meeting 常务会 --as-of 2024-12-20 收文             通报最近一次常务会议
  duban brief --meeting 常务会第14次 -o 第14次通报.xlsx 收文        指定输出文件
  duban brief --meeting 常务会 --issue 16 收文                     通报刊头印“第16期”

默认写到当前文件夹的 <会议>议定事项落实情况_<统计截止日>.xlsx，督查通报写在它旁边。与汇总工作簿一样，
duban 生成后未经修改的会议通报和督查通报可以直接覆盖；在Excel或WPS中修改保存过的不会被覆盖，除非加 --force。

退出码：0 已生成且无错误；1 已生成，但有行或文件因错误被排除；
2 未生成（用法错误、没有可读的数据、找不到该会议、加 --strict 时有错误、输出文件也是输入文件、
输出文件在生成后被手工修改过而未加 --force）。`

// briefCmd is duban brief: the briefing on one meeting's items (SPEC §9.1).
type briefCmd struct {
	common
	meeting, output string
	force           bool
	issue           int // --issue: the 期号 of the 通报
}

func (c *briefCmd) flags(fs *pflag.FlagSet) {
	fs.StringVar(&c.meeting, "meeting", "", "`会议` 要通报的会议，如 市政府常务会议第14次；只写类别（常务会）取最近一次")
	fs.StringVarP(&c.output, "output", "o", "", "`文件` 会议通报工作簿（默认 <会议>议定事项落实情况_<统计截止日>.xlsx）")
	c.register(fs, "有任何错误就不生成会议通报，退出码2")
	fs.BoolVar(&c.force, "force", false, "覆盖生成后被修改过的会议通报和督查通报（默认不覆盖，以免丢失手工修改）")
	fs.IntVar(&c.issue, "issue", 0, "`期号` 督查通报刊头的期号，如 16 印作“第16期”（默认留空“第　期”，印发前填写）")
}

func (c *briefCmd) run(e *env, fs *pflag.FlagSet) int {
	stdout, stderr := e.stdout, e.stderr
	if strings.TrimSpace(c.meeting) == "" && fs.NArg() > 0 {
		fmt.Fprintln(stderr, "错误：请用 --meeting 指定要通报的会议，如 --meeting 市政府常务会议第14次（只写 --meeting 常务会 取最近一次）")
		return exitNothing
	}
	l, code, ok := c.begin("brief", e, fs, "请给出各单位台账所在的工作簿或文件夹")
	if !ok {
		return code
	}
	o := l.Options
	if c.issue < 0 {
		fmt.Fprintf(stderr, "错误：--issue %d 无效，期号应为正整数，如 --issue 16\n", c.issue)
		return exitNothing
	}
	if c.output != "" && !strings.EqualFold(filepath.Ext(c.output), ".xlsx") {
		fmt.Fprintf(stderr, "错误：输出文件 %s 应以 .xlsx 结尾\n", c.output)
		return exitNothing
	}
	r, code, ok := l.collect(e)
	if !ok {
		return code
	}
	b, err := sheets.Brief(r, o.Dict, c.meeting)
	if err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	printChecks(stderr, b.Checks)
	senderHint(stderr, o.Office, o.Quiet)
	out := c.output
	if out == "" {
		out = books.BriefFileName(b)
	}
	if err := checkOutput(out); err != nil {
		fmt.Fprintln(stderr, "错误："+err.Error())
		return exitNothing
	}
	docx := books.BriefBulletinPath(out, b)
	if refuseTargets(stderr, c.force, append(slices.Clip(l.files), c.config), out, docx) {
		return exitNothing
	}
	tb := books.BulletinOutput(docx, books.BriefBulletin(b, r, o.Dict, c.issue))
	if err := books.WriteBrief(out, b, o.Office, tb); err != nil {
		fmt.Fprintf(stderr, "错误：未能写出会议通报：%v\n", err)
		return exitNothing
	}
	if !o.Quiet { // as report: -q keeps the paths and the proof
		fmt.Fprintln(stdout, b.Narrative)
		fmt.Fprintln(stdout)
	}
	fmt.Fprintf(stdout, "会议通报：%s\n", out)
	fmt.Fprintf(stdout, lineBulletin+"\n", docx)
	printBalance(stdout, r)
	return exitCode(r)
}

// printChecks lists on stderr what the clerk must check before the briefing is read out (SPEC
// §9.1): what the narrative leaves out, which is never said in it.
func printChecks(w io.Writer, checks []string) {
	if len(checks) == 0 {
		return
	}
	fmt.Fprintln(w, "\n宣读前请核实：")
	for _, c := range checks {
		fmt.Fprintln(w, "  "+c)
	}
}
