#!/usr/bin/env bash
# Builds the release: dist/duban_<version>_<os>_<arch>.zip for windows/amd64, linux/amd64,
# linux/arm64 and linux/loong64 (统信UOS and 麒麟 on 海光, 飞腾/鲲鹏 and 龙芯 machines), each
# holding the binary and a short Chinese 使用说明.txt.
#
#   scripts/release.sh [VERSION]
#
# VERSION defaults to `git describe --tags --always --dirty`; `duban version` prints it with
# the commit the binary was built from. The zips are written by python3's zipfile, which marks
# the Chinese file name as UTF-8 so that Windows' Explorer shows it right.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin

version=${1:-$(git describe --tags --always --dirty 2>/dev/null || echo dev)}
dist=$PWD/dist
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$dist"

# The list of commands comes from duban itself, so that it cannot fall behind the program.
commands=$(go run ./cmd/duban help | grep '^  duban ')

# notes writes 使用说明.txt for the version being built (its “” are Chinese quotation marks).
# shellcheck disable=SC1111
notes() {
  cat <<EOF
duban 督办 —— 督查事项台账汇总工具（版本 $version）

一、它做什么
读取各责任单位报送的督查事项台账（Excel 工作簿，.xlsx 等），逐项校验、合并，生成一份可直接
打印的汇总工作簿：按类别、会议和单位统计落实情况，列出逾期和临期事项；发现的每个问题都写明
所在的文件、工作表和单元格，便于退回单位修改。不联网，不改动各单位的原文件。

二、最简单的用法
把存放各单位台账工作簿的文件夹拖到 duban.exe 上，汇总工作簿“督查事项汇总_<日期>.xlsx”
会生成在该文件夹旁边，窗口中显示汇总结果和发现的问题，按回车键关闭。
在 Linux（统信UOS、麒麟）上，解压后在终端中运行：./duban 文件夹

三、命令（在命令提示符或终端中运行）
$commands

用 duban help 命令 查看各命令的选项和示例，如 duban help report。

四、系统要求
Windows：需要 Windows 10 或更高版本（64 位）。Windows 7 和 8 无法运行本程序
（它用 Go 语言编写，Go 已不支持这些系统）。
统信UOS、麒麟等国产操作系统：按电脑的处理器选择压缩包，解压即可使用，无需安装——
  海光（x86-64）           duban_${version}_linux_amd64.zip
  飞腾、鲲鹏（ARM64）      duban_${version}_linux_arm64.zip
  龙芯 3A5000/3A6000 等    duban_${version}_linux_loong64.zip
EOF
}

for target in windows/amd64 linux/amd64 linux/arm64 linux/loong64; do
  os=${target%/*}
  arch=${target#*/}
  name=duban_${version}_${os}_${arch}
  dir=$work/$name
  mkdir -p "$dir"
  exe=duban
  [[ $os == windows ]] && exe=duban.exe
  CGO_ENABLED=0 GOOS=$os GOARCH=$arch go build -trimpath -buildvcs=true -ldflags "-s -w -X main.version=$version" \
    -o "$dir/$exe" ./cmd/duban
  if [[ $os == windows ]]; then
    # Notepad: a byte-order mark and CRLF line ends.
    { printf '\xef\xbb\xbf'; notes | sed 's/$/\r/'; } >"$dir/使用说明.txt"
  else
    notes >"$dir/使用说明.txt"
  fi
  rm -f "$dist/$name.zip"
  python3 - "$dist/$name.zip" "$dir" "$exe" <<'PY'
import os, sys, zipfile
out, folder, exe = sys.argv[1:]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
    for f in (exe, "使用说明.txt"):
        z.write(os.path.join(folder, f), os.path.join(os.path.basename(folder), f))
PY
  echo "$dist/$name.zip"
done
