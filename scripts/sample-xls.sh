#!/usr/bin/env bash
# Regenerates the bundled sample (testdata/sample): go run ./testdata/gen writes every file but
# 市教育局's ledger, which it writes as .xlsx into a scratch folder; LibreOffice saves that as
# .xls (BIFF8, Excel 97–2003) into the sample. `go test ./testdata/gen` checks both: the .xlsx
# files byte for byte, the .xls cell for cell against the generated .xlsx.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
command -v soffice >/dev/null || { echo "sample-xls.sh: needs LibreOffice (soffice)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go run ./testdata/gen -out testdata/sample -xlssrc "$tmp/src"
soffice "-env:UserInstallation=file://$tmp/profile" --headless --convert-to xls \
  --outdir testdata/sample "$tmp/src/市教育局.xlsx" >/dev/null
test -s testdata/sample/市教育局.xls
rm -f testdata/sample/市教育局.xlsx
