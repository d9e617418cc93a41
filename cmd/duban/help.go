package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/duban/duban/internal/zhtext"
	"github.com/spf13/pflag"
)

// doubleClickHint is said first when duban.exe is started by a double-click, with no
// arguments: it is a drag-and-drop program.
const doubleClickHint = "请把存放各单位台账工作簿的文件夹拖到 duban.exe 上，汇总工作簿会生成在该文件夹旁边。"

const helpHelp = `显示命令的用法、选项和示例；不给命令时列出全部命令。

示例：
  duban help report      显示 report 的用法`

// printUsage writes the list of commands.
func printUsage(w io.Writer) {
	var b strings.Builder
	b.WriteString("duban —— 督查事项台账汇总工具\n\n用法：\n")
	var rows [][2]string
	for _, c := range commands {
		rows = append(rows, [2]string{"duban " + c.usageLine, c.short})
	}
	rows = append(rows, [2]string{"duban 路径...", "等同于 duban " + defaultCommand + " 路径...（可把文件夹拖到 duban.exe 上）"})
	writeColumns(&b, rows)
	b.WriteString(`
路径可以是工作簿（.xlsx .xlsm .xltx .xltm，旧版 .xls 和 WPS .et，以及 OpenDocument .ods）或文件夹（含子文件夹）。
用 duban help 命令 查看各命令的选项和示例，如 duban help report。
`)
	io.WriteString(w, b.String())
}

// printHelp writes the command's usage line, its help and its options.
func (c *command) printHelp(w io.Writer, fs *pflag.FlagSet) {
	fmt.Fprintf(w, "用法：duban %s\n\n%s\n\n选项：\n%s", c.usageLine, c.long, flagUsages(fs))
}

// flagUsages lists the flags of fs in Chinese, one a line: the flag, a placeholder for its
// value, what it does and its default. The placeholder is the word in backquotes at the start
// of the flag's usage (“`日期` 统计截止日”); pflag's own listing would show the value's Go
// type and quote the defaults in English.
func flagUsages(fs *pflag.FlagSet) string {
	var rows [][2]string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Hidden {
			return
		}
		left := "    --" + f.Name
		if f.Shorthand != "" {
			left = "-" + f.Shorthand + ", --" + f.Name
		}
		placeholder, usage := splitUsage(f.Usage)
		if f.Value.Type() != "bool" {
			if placeholder == "" {
				placeholder = "值"
			}
			left += " " + placeholder
		}
		if def := f.DefValue; def != "" && def != "false" && def != "0" && !strings.Contains(usage, "默认") {
			usage += "（默认 " + def + "）"
		}
		rows = append(rows, [2]string{left, usage})
	})
	rows = append(rows, [2]string{"-h, --help", "显示此帮助"})
	var b strings.Builder
	writeColumns(&b, rows)
	return b.String()
}

// splitUsage takes the placeholder in backquotes off the start of a flag's usage.
func splitUsage(usage string) (placeholder, rest string) {
	if strings.HasPrefix(usage, "`") {
		if p, r, ok := strings.Cut(usage[1:], "`"); ok {
			return p, strings.TrimSpace(r)
		}
	}
	return "", usage
}

// writeColumns writes rows as two columns, indented by two spaces, the second aligned by
// display width; a first column too wide puts its second on the next line.
func writeColumns(b *strings.Builder, rows [][2]string) {
	const maxLeft = 34
	width := 0
	for _, r := range rows {
		if w := zhtext.Width(r[0]); w <= maxLeft {
			width = max(width, w)
		}
	}
	for _, r := range rows {
		b.WriteString("  " + r[0])
		if w := zhtext.Width(r[0]); w <= width {
			b.WriteString(strings.Repeat(" ", width-w+2))
		} else {
			b.WriteString("\n  " + strings.Repeat(" ", width+2))
		}
		b.WriteString(r[1] + "\n")
	}
}

// helpCmd is duban help [命令].
type helpCmd struct{}

func (*helpCmd) flags(*pflag.FlagSet) {}

func (*helpCmd) run(e *env, fs *pflag.FlagSet) int {
	switch fs.NArg() {
	case 0:
		printUsage(e.stdout)
		return exitOK
	case 1:
		name := fs.Arg(0)
		c := lookup(name)
		if c == nil {
			if near := closest(name); near != nil {
				fmt.Fprintf(e.stderr, "未知命令“%s”，是否要用 duban %s？\n", name, near.name())
			} else {
				fmt.Fprintf(e.stderr, "未知命令“%s”；用 duban help 查看全部命令\n", name)
			}
			return exitNothing
		}
		cfs := pflag.NewFlagSet(c.name(), pflag.ContinueOnError)
		cfs.SortFlags = false
		c.runner().flags(cfs)
		c.printHelp(e.stdout, cfs)
		return exitOK
	}
	fmt.Fprintf(e.stderr, "错误：多余的参数 %s；用法：duban help [命令]\n", strings.Join(fs.Args()[1:], " "))
	return exitNothing
}
