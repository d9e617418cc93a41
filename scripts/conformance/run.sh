#!/bin/bash
# Conformance check of `duban report` against SPEC.md, read back with openpyxl (an independent
# reader). usage: scripts/conformance/run.sh [PATH/TO/duban]   (default: builds ./cmd/duban)
# Exits non-zero on any failed check; the last line is `N passed, M failed`.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
py=/usr/bin/python3
if ! $py -c 'import openpyxl' 2>/dev/null; then
  (apt-get update -qq && apt-get install -y -qq python3-openpyxl) >/dev/null 2>&1 || { echo "need Debian's python3-openpyxl"; exit 2; }
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
bin=${1:-}
if [[ -z $bin ]]; then
  go build -o "$work/duban" ./cmd/duban
  bin=$work/duban
fi
$py "$here/gen_public.py" "$work/in" >/dev/null
as_of=$($py -c "import json,sys; print(json.load(open(sys.argv[1]))['as_of'])" "$work/in/expected.json")
set +e
"$bin" report --as-of "$as_of" -o "$work/out.xlsx" "$work/in/units" >"$work/stdout" 2>"$work/stderr"
code=$?
set -e
echo "duban report exited $code"
own=0
[[ $code == 0 ]] || { echo "FAIL: want exit 0 for a corpus without errors"; sed -n 1,20p "$work/stderr"; own=1; }
grep -q "落实率" "$work/stdout" || { echo "FAIL: no 落实率 in the stdout summary"; own=1; }
[[ -f $work/out.xlsx ]] || { echo "FAIL: no workbook written"; echo "0 passed, 1 failed"; exit 1; }
$py "$here/check_report.py" "$work/out.xlsx" "$work/in/expected.json" || exit 1
exit $own
