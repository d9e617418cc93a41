package main

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

// version is set at build time with -ldflags "-X main.version=…".
var version = "dev"

// Exit statuses (SPEC §2).
const (
	exitOK      = 0 // written, no 错误
	exitErrors  = 1 // written, but rows or files were excluded by errors
	exitNothing = 2 // nothing written
)

const usage = `duban —— 督查事项台账汇总工具

用法：
  duban report [选项] 路径...     校验、合并各单位台账，生成汇总工作簿
  duban check  [选项] 路径...     只校验，列出问题
  duban template [选项]           生成报送模板（空白或按交办清单预填）
  duban config -o 文件            把内置词典写成可编辑的工作簿
  duban version                   显示版本
  duban 路径...                   等同于 duban report 路径...（可把文件夹拖到 duban.exe 上）

路径可以是工作簿（.xlsx .xlsm .xltx .xltm）或文件夹（含子文件夹）。
用 duban 命令 --help 查看各命令的选项和示例。
`

// run is the single entry point: it parses the command line, runs one command and returns
// the exit status. Nothing below it exits the process.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitNothing
	}
	switch args[0] {
	case "report":
		return runReport(args[1:], stdout, stderr, false)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "template":
		return runTemplate(args[1:], stdout, stderr)
	case "config":
		return runConfig(args[1:], stdout, stderr)
	case "version", "--version", "-v":
		fmt.Fprintf(stdout, "duban %s\n", versionText())
		return exitOK
	case "help", "-h", "--help":
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	// duban PATH... (files or a folder dropped onto duban.exe), or duban --flags PATH...
	return runReport(args, stdout, stderr, isDropped(args[0]))
}

// versionText is the version set at build time, else the commit the binary was built from.
func versionText() string {
	if version != "dev" {
		return version
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version
	}
	rev, modified := "", false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(len(s.Value), 12)]
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return version
	}
	if modified {
		rev += "（有未提交的修改）"
	}
	return version + " " + rev
}

// flagError reports a command-line mistake in Chinese and returns the exit status: 0 for
// --help (pflag has printed the usage), 2 otherwise.
func flagError(err error, stderr io.Writer, help string) int {
	if errors.Is(err, pflag.ErrHelp) {
		return exitOK
	}
	fmt.Fprintf(stderr, "错误：命令行选项有误（%v），用 %s 查看用法\n", err, help)
	return exitNothing
}

// isDropped reports whether the first argument makes this the `duban PATH...` form, used
// when files or a folder are dropped onto duban.exe.
func isDropped(first string) bool {
	switch first {
	case "report", "check", "template", "config", "version", "--version", "-v", "help", "-h", "--help":
		return false
	}
	return !strings.HasPrefix(first, "-")
}
