#!/usr/bin/env bash
# Runs ../shared/xlsx-strict/validate.sh (ISO/IEC 29500 schemas and Excel's limits: what would
# make Excel or WPS offer to repair a workbook) on every kind of workbook duban writes, from the
# bundled sample and from hostile inputs: the report and its check file, the blank and the
# pre-filled forms (from a report as the master list), the dictionary workbook, annotated copies,
# reminders, a briefing and the 通报 (.docx) of brief and report --docx, a report with 变化情况 and
# 漏报事项, and whatever else the commands write
# into the work folder. Exits non-zero on any ERROR.
#
# usage: scripts/validate-outputs.sh [PATH/TO/duban]     (default: builds ./cmd/duban)
#        KEEP=1 scripts/validate-outputs.sh              keeps the work folder
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
validate=../shared/xlsx-strict/validate.sh
if [[ ! -x $validate ]]; then
  echo "validate-outputs: $validate not found; skipped"
  exit 0
fi
if ! /usr/bin/python3 -c 'import lxml' 2>/dev/null; then
  if [[ $(id -u) == 0 ]]; then
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq python3-lxml >/dev/null
  else
    echo "validate-outputs: needs python3-lxml" >&2
    exit 2
  fi
fi
work=$(mktemp -d)
if [[ -n ${KEEP:-} ]]; then echo "kept in $work"; else trap 'rm -rf "$work"' EXIT; fi
bin=${1:-}
if [[ -z $bin ]]; then
  go build -o "$work/duban" ./cmd/duban
  bin=$work/duban
fi
out=$work/out
mkdir -p "$out"
# Exit 1 (written, rows excluded) is expected on the sample and on hostile inputs.
run() { "$@" >/dev/null 2>&1 || (($? == 1)); }

run "$bin" report --as-of 2024-12-20 --docx --issue 3 -o "$out/汇总.xlsx" testdata/sample
run "$bin" check --all --annotate "$out/退回" testdata/sample
"$bin" template -o "$out/报送模板.xlsx" >/dev/null
"$bin" template --unit 市财政局 -o "$out/市财政局模板.xlsx" >/dev/null
"$bin" config -o "$out/配置.xlsx" >/dev/null
run "$bin" template --from "$out/汇总.xlsx" --out-dir "$out/下发"
run "$bin" remind --as-of 2024-12-20 --reply-by 2024-12-31 --out-dir "$out/催办" testdata/sample
run "$bin" brief --as-of 2024-12-20 --meeting 常务会 -o "$out/会议通报.xlsx" testdata/sample
run "$bin" report --as-of 2024-12-27 --since "$out/汇总.xlsx" --expect "$out/汇总.xlsx" -o "$out/较上期.xlsx" testdata/sample
# The hostile corpus (internal/hostile) written to a folder, then annotated and split.
go run ./internal/hostile/cmd/hostile-corpus "$work/hostile" >/dev/null 2>&1 || true
if [[ -d $work/hostile ]]; then
  run "$bin" check --all --annotate "$out/hostile-退回" "$work/hostile"
  run "$bin" report --as-of 2024-12-20 -o "$out/hostile.xlsx" "$work/hostile"
fi
mapfile -t files < <(find "$out" -name '*.xlsx' -o -name '*.docx' | sort)
echo "validate-outputs: ${#files[@]} workbooks and Word documents (the 通报 of report --docx and of brief)"
"$validate" --no-info --quiet "${files[@]}"
