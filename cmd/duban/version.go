package main

import (
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/pflag"
)

// version is set at build time with -ldflags "-X main.version=…" (scripts/release.sh).
var version = "dev"

const versionHelp = `显示 duban 的版本，以及构建它所用的提交、提交时间和是否有未提交的修改（报告问题时请附上）。

示例：
  duban version`

// versionCmd is duban version.
type versionCmd struct{}

func (*versionCmd) flags(*pflag.FlagSet) {}

func (*versionCmd) run(e *env, fs *pflag.FlagSet) int {
	if fs.NArg() > 0 {
		fmt.Fprintf(e.stderr, "错误：多余的参数 %s；用法：duban version\n", strings.Join(fs.Args(), " "))
		return exitNothing
	}
	info, _ := debug.ReadBuildInfo()
	fmt.Fprint(e.stdout, versionText(version, info))
	return exitOK
}

// versionText is the version and what the build information says of the commit: its
// revision, its time and whether the working tree had changes; “未知” for what it does not say
// (go test, or a build outside a repository).
func versionText(version string, info *debug.BuildInfo) string {
	rev, at, modified := "未知", "未知", "未知"
	if info != nil {
		for _, s := range info.Settings {
			switch s.Key {
			case "vcs.revision":
				rev = s.Value
			case "vcs.time":
				at = s.Value
			case "vcs.modified":
				modified = map[string]string{"true": "有", "false": "无"}[s.Value]
				if modified == "" {
					modified = "未知"
				}
			}
		}
	}
	return fmt.Sprintf("duban %s\n提交：%s\n提交时间：%s\n未提交的修改：%s\n", version, rev, at, modified)
}
