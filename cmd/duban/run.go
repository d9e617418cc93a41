package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/spf13/pflag"
)

// Exit statuses (SPEC §2).
const (
	exitOK      = 0 // written, no 错误
	exitErrors  = 1 // written, but rows or files were excluded by errors
	exitNothing = 2 // nothing written
)

// A command is one of duban's subcommands, in the manner of the go command's base.Command.
// Dispatch, the drag-and-drop form, flag parsing and help all work from the table commands.
type command struct {
	// usageLine is what follows "duban" in the usage; its first word is the command's name.
	usageLine string
	// short is the command's line in the list of commands.
	short string
	// long is the help after the usage line: what it does, examples, exit statuses. The
	// options are listed after it from the flag set.
	long string
	// runner returns a fresh run of the command, whose flags register its flags on a flag set.
	runner func() runner
}

// A runner is one run of a command: flags registers its flags (with their values in the
// runner) on a new flag set, and run does the work once the command line is parsed.
type runner interface {
	flags(fs *pflag.FlagSet)
	run(e *env, fs *pflag.FlagSet) int
}

// env is what a run writes to and how it was started.
type env struct {
	stdout, stderr io.Writer
	// dropped is set for the form duban PATH..., used when files or a folder are dropped
	// onto duban.exe.
	dropped bool
}

// commands lists duban's commands in the order duban help shows them. A new command is an
// entry here and a file with its runner.
var commands = []*command{
	{"report [选项] 路径...", "校验、合并各单位台账，生成汇总工作簿", reportHelp, func() runner { return new(reportCmd) }},
	{"check [选项] 路径...", "只校验，列出问题", checkHelp, func() runner { return new(checkCmd) }},
	{"brief [选项] 路径...", "生成一次会议议定事项的落实情况通报（--meeting 会议）", briefHelp, func() runner { return new(briefCmd) }},
	{"remind [选项] 路径...", "为各牵头单位生成催办单（--out-dir 文件夹）", remindHelp, func() runner { return new(remindCmd) }},
	{"template [选项]", "生成报送模板（空白或按交办清单预填）", templateHelp, func() runner { return new(templateCmd) }},
	{"config [-o 文件]", "把内置词典写成可编辑的工作簿", configHelp, func() runner { return new(configCmd) }},
	{"version", "显示版本和构建所用的提交", versionHelp, func() runner { return new(versionCmd) }},
	{"help [命令]", "显示命令的用法、选项和示例", helpHelp, func() runner { return new(helpCmd) }},
}

// defaultCommand is the command of the form duban PATH....
const defaultCommand = "report"

// name is the command's name, the first word of its usage line.
func (c *command) name() string {
	name, _, _ := strings.Cut(c.usageLine, " ")
	return name
}

// lookup returns the command named name, or nil.
func lookup(name string) *command {
	for _, c := range commands {
		if c.name() == name {
			return c
		}
	}
	return nil
}

// run is the single entry point: it parses the command line, runs one command and returns
// the exit status. Nothing below it exits the process.
func run(args []string, stdout, stderr io.Writer) int {
	e := &env{stdout: stdout, stderr: stderr}
	if len(args) == 0 {
		if ownConsole() {
			fmt.Fprintln(stderr, doubleClickHint)
			fmt.Fprintln(stderr)
		}
		printUsage(stderr)
		return exitNothing
	}
	switch args[0] {
	case "-h", "--help":
		printUsage(stdout)
		return exitOK
	case "--version":
		args = append([]string{"version"}, args[1:]...)
	}
	cmd := lookup(args[0])
	if cmd != nil {
		args = args[1:]
	} else {
		if msg := unknownCommand(args[0]); msg != "" {
			fmt.Fprintln(stderr, msg)
			return exitNothing
		}
		// duban PATH... (files or a folder dropped onto duban.exe), or duban --flags PATH...
		cmd, e.dropped = lookup(defaultCommand), isDropped(args[0])
	}
	return cmd.run(e, args)
}

// run parses args with the command's flags and runs it.
func (c *command) run(e *env, args []string) int {
	fs := pflag.NewFlagSet(c.name(), pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	fs.SortFlags = false
	r := c.runner()
	r.flags(fs)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			c.printHelp(e.stdout, fs)
			return exitOK
		}
		msg := flagMessage(err)
		if long := singleDashLong(fs, args); long != "" {
			msg = fmt.Sprintf("“%s”少了一个短横，应写成 %s", "-"+strings.TrimPrefix(long, "--"), long)
		}
		fmt.Fprintf(e.stderr, "错误：命令行选项有误：%s；用 duban help %s 查看用法\n", msg, c.name())
		return exitNothing
	}
	return r.run(e, fs)
}

// singleDashLong returns the first long option of fs written with one dash among args
// (-as-of for --as-of), as --as-of, else "".
func singleDashLong(fs *pflag.FlagSet, args []string) string {
	for _, a := range args {
		if a == "--" {
			break
		}
		if len(a) < 3 || a[0] != '-' || a[1] == '-' {
			continue
		}
		name, _, _ := strings.Cut(a[1:], "=")
		if len(name) > 1 && fs.Lookup(name) != nil {
			return "--" + name
		}
	}
	return ""
}

// isDropped reports whether the first argument makes this the `duban PATH...` form, used
// when files or a folder are dropped onto duban.exe.
func isDropped(first string) bool {
	return lookup(first) == nil && !strings.HasPrefix(first, "-")
}

// unknownCommand returns the message for a first argument that is neither a command nor a
// path but is close to a command's name (a typing mistake), else "".
func unknownCommand(arg string) string {
	if strings.HasPrefix(arg, "-") || strings.ContainsAny(arg, `/\.:`) {
		return ""
	}
	if _, err := os.Lstat(arg); err == nil {
		return "" // a file or folder of that name: a path
	}
	if c := closest(arg); c != nil {
		return fmt.Sprintf("未知命令“%s”，是否要用 duban %s？", arg, c.name())
	}
	return ""
}

// closest returns the command whose name is within a typing mistake or two of s, or nil.
func closest(s string) *command {
	s = strings.ToLower(s)
	var best *command
	bestDist := 0
	for _, c := range commands {
		n := c.name()
		limit := 1
		if len(n) >= 5 {
			limit = 2
		}
		if d := editDistance(s, n); d <= limit && (best == nil || d < bestDist) {
			best, bestDist = c, d
		}
	}
	return best
}

// editDistance is the number of insertions, deletions, substitutions and transpositions of
// adjacent characters that turn a into b (the optimal string alignment distance).
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	d := make([][]int, len(x)+1)
	for i := range d {
		d[i] = make([]int, len(y)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(x); i++ {
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(x)][len(y)]
}

// flagMessage says in Chinese what is wrong with the command line.
func flagMessage(err error) string {
	var (
		notExist *pflag.NotExistError
		noValue  *pflag.ValueRequiredError
		invalid  *pflag.InvalidValueError
		syntax   *pflag.InvalidSyntaxError
	)
	switch {
	case errors.As(err, &notExist):
		if strings.HasPrefix(notExist.Error(), "unknown shorthand") {
			return fmt.Sprintf("没有 -%s 这个选项", notExist.GetSpecifiedName())
		}
		return fmt.Sprintf("没有 --%s 这个选项", notExist.GetSpecifiedName())
	case errors.As(err, &noValue):
		return fmt.Sprintf("选项 %s 后面要写一个值", flagName(noValue.GetFlag()))
	case errors.As(err, &invalid):
		return fmt.Sprintf("选项 %s 的值“%s”无效", flagName(invalid.GetFlag()), invalid.GetValue())
	case errors.As(err, &syntax):
		return fmt.Sprintf("“%s”不是有效的选项写法", syntax.GetSpecifiedFlag())
	}
	return err.Error()
}

// flagName is how a flag is written on the command line: --output, or -o/--output.
func flagName(f *pflag.Flag) string {
	if f == nil {
		return "?"
	}
	if f.Shorthand != "" {
		return "-" + f.Shorthand + "/--" + f.Name
	}
	return "--" + f.Name
}
