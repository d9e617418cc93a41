#!/bin/bash
# Conformance of `duban report` with the real-world ledger classes of SPEC §3, §3.1 and §4
# (gen_layouts.py), read back with openpyxl (an independent reader).
# usage: scripts/conformance/run-layouts.sh [PATH/TO/duban]   (default: builds ./cmd/duban)
#   LAYOUTS_CANON=1   the same items in the plain forms duban has long read (checks the suite itself)
#   LAYOUTS_KEEP=DIR  keep the generated ledgers, the report and duban's output in DIR
# Prints one FAIL line per failing class and last `N passed, M failed`; the exit status is the check's.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
if ! $py -c 'import openpyxl' 2>/dev/null; then
  (apt-get update -qq && apt-get install -y -qq python3-openpyxl) >/dev/null 2>&1 || { echo "need Debian's python3-openpyxl"; exit 2; }
fi
if [[ -n ${LAYOUTS_KEEP:-} ]]; then
  mkdir -p "$LAYOUTS_KEEP"
  work=$(cd "$LAYOUTS_KEEP" && pwd)
  rm -rf "$work/in" "$work/out.xlsx" "$work/out_核对.xlsx"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
bin=${1:-}
if [[ -z $bin ]]; then
  go build -o "$work/duban" ./cmd/duban
  bin=$work/duban
fi
$py "$here/gen_layouts.py" "$work/in"
as_of=$($py -c "import json,sys; print(json.load(open(sys.argv[1]))['as_of'])" "$work/in/expected.json")
set +e
"$bin" report --as-of "$as_of" -o "$work/out.xlsx" "$work/in/units" >"$work/stdout" 2>"$work/stderr"
code=$?
set -e
echo "duban report exited $code"
if [[ ! -f $work/out.xlsx ]]; then
  echo "FAIL [report] no workbook written"
  sed -n 1,20p "$work/stderr"
  echo "0 passed, 1 failed"
  exit 1
fi
[[ -z ${LAYOUTS_KEEP:-} ]] || echo "kept in $work"
$py "$here/check_layouts.py" --stdout "$work/stdout" --exit-code "$code" "$work/out.xlsx" "$work/in/expected.json"
