#!/usr/bin/env bash
# Proves that programs nobody here wrote open what duban writes (issue 6).
#
# usage: scripts/realreaders.sh [PATH/TO/duban]     (default: builds ./cmd/duban)
#        KEEP=1 scripts/realreaders.sh              keeps the work folder and prints its path
#
# Runs duban on the bundled sample, on the conformance corpus and on a generated messy corpus,
# writes the blank template, and then checks that
#   - LibreOffice (headless) converts every report and template to PDF and every report sheet to CSV;
#   - openpyxl, pandas and LibreOffice read the same value in every cell of every report sheet,
#     and 汇总 equals the tables and narrative duban printed on stdout (scripts/realreaders.py);
#   - the XML has sorted <col> entries, no formulas, valid sheet names and few cell styles;
#   - the PDF is A4 landscape, with 汇总 on one page and no labelled column dropped (a list too wide
#     for one page prints in parts that repeat the key columns, the parts of a row range consecutive);
#   - docs/summary.png, the README's picture, is what scripts/readme-picture.sh renders now.
# Installs what it needs with apt-get when run as root (libreoffice-calc-nogui, python3-openpyxl,
# python3-pandas, poppler-utils, fontconfig, fonts-wqy-microhei). Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
py=/usr/bin/python3
start=$SECONDS

need=()
command -v soffice >/dev/null || need+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null && command -v pdftoppm >/dev/null || need+=(poppler-utils)
$py -c 'import openpyxl' 2>/dev/null || need+=(python3-openpyxl)
$py -c 'import pandas' 2>/dev/null || need+=(python3-pandas)
# A CJK font, or LibreOffice prints every Chinese character as a box.
command -v fc-list >/dev/null || need+=(fontconfig)
[[ -n $(fc-list ':lang=zh' 2>/dev/null) ]] || need+=(fonts-wqy-microhei)
if ((${#need[@]})); then
  if [[ $(id -u) != 0 ]]; then
    echo "realreaders: missing ${need[*]}; run as root or: sudo apt-get install ${need[*]}" >&2
    exit 2
  fi
  echo "realreaders: installing ${need[*]}"
  apt_get() { DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 -y -qq "$@"; }
  apt_get update >/dev/null
  apt_get install --no-install-recommends "${need[@]}" >/dev/null
fi
soffice --version

work=$(mktemp -d /tmp/realreaders.XXXXXX)
if [[ ${KEEP:-} ]]; then
  echo "realreaders: work folder $work"
else
  trap 'rm -rf "$work"' EXIT
fi
bin=${1:-}
if [[ -z $bin ]]; then
  go build -o "$work/duban" ./cmd/duban
  bin=$work/duban
fi

fail=0
die() { echo "FAIL: $*" >&2; fail=1; }

# The corpora: name, as-of date, input folder.
mkdir -p "$work/in" "$work/out"
$py scripts/conformance/gen_public.py "$work/in/conformance" >/dev/null
conf_as_of=$($py -c "import json,sys; print(json.load(open(sys.argv[1]))['as_of'])" "$work/in/conformance/expected.json")
go run ./testdata/gen -out "$work/in/gen" -files 20 -rows 200 >/dev/null
corpora=(
  "sample 2024-12-20 testdata/sample"
  "conformance $conf_as_of $work/in/conformance/units"
  "gen 2024-12-20 $work/in/gen"
)
reports=()
for c in "${corpora[@]}"; do
  read -r name as_of dir <<<"$c"
  set +e
  "$bin" report --as-of "$as_of" -o "$work/out/$name.xlsx" "$dir" >"$work/out/$name.stdout" 2>"$work/out/$name.stderr"
  code=$?
  set -e
  echo "realreaders: duban report $name (as of $as_of): exit $code, $(wc -l <"$work/out/$name.stderr") problems"
  if [[ $code -gt 1 || ! -s $work/out/$name.xlsx ]]; then
    die "duban report $name exited $code and wrote no workbook"
    sed -n 1,10p "$work/out/$name.stderr" >&2
    continue
  fi
  reports+=("$name $as_of")
done

templates=()
if "$bin" template --help >/dev/null 2>&1; then
  "$bin" template -o "$work/out/template.xlsx" >/dev/null || die "duban template -o exited $?"
  "$bin" template --unit 市财政局 -o "$work/out/template-unit.xlsx" >/dev/null || die "duban template --unit exited $?"
  for t in template template-unit; do [[ -s $work/out/$t.xlsx ]] && templates+=("$t"); done
else
  echo "realreaders: NOTE: this duban has no 'template' command yet; templates not checked"
fi

# LibreOffice, headless, with a private profile so that no other soffice (or a stale lock) interferes.
lo() {
  timeout 600 soffice -env:UserInstallation="file://$work/lo-profile" --headless --norestore --nolockcheck "$@" \
    >"$work/lo.log" 2>&1 || { cat "$work/lo.log" >&2; return 1; }
}
files=()
for r in "${reports[@]}"; do files+=("$work/out/${r%% *}.xlsx"); done
for t in "${templates[@]}"; do files+=("$work/out/$t.xlsx"); done
lo --convert-to pdf --outdir "$work/pdf" "${files[@]}" || die "LibreOffice could not convert to PDF"
for f in "${files[@]}"; do
  p=$work/pdf/$(basename "${f%.xlsx}").pdf
  if ! [[ -s $p ]] || ! pdfinfo "$p" >/dev/null; then
    die "LibreOffice wrote no readable PDF for $(basename "$f")"
  fi
done
# CSV, one file per sheet: the last option (-1) exports every sheet (LibreOffice ≥ 7.2); the 9th
# (false) writes raw values rather than the formatted text.
for r in "${reports[@]}"; do
  name=${r%% *}
  lo --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' \
    --outdir "$work/csv/$name" "$work/out/$name.xlsx" || die "LibreOffice could not convert $name.xlsx to CSV"
done

for r in "${reports[@]}"; do
  read -r name as_of <<<"$r"
  [[ -s $work/pdf/$name.pdf ]] || continue
  $py scripts/realreaders.py report "$work/out/$name.xlsx" "$work/out/$name.stdout" "$as_of" \
    "$work/csv/$name" "$work/pdf/$name.pdf" || fail=1
done
for r in "${reports[@]}"; do
  name=${r%% *}
  if [[ -s $work/out/${name}_核对.xlsx ]]; then
    $py scripts/realreaders.py checkfile "$work/out/${name}_核对.xlsx" "$work/out/$name.xlsx" || fail=1
  else
    die "duban report $name wrote no check file ${name}_核对.xlsx"
  fi
done
for t in "${templates[@]}"; do
  [[ -s $work/pdf/$t.pdf ]] || continue
  $py scripts/realreaders.py template "$work/out/$t.xlsx" "$work/pdf/$t.pdf" || fail=1
done

# The README's picture must be what the current code prints.
# Rendering differs between versions of LibreOffice, poppler and the font, so the bytes are
# compared only when the same programs drew the committed picture; otherwise a notice.
scripts/readme-picture.sh "$work/summary.png" >/dev/null
if ! cmp -s "$work/summary.png" docs/summary.png; then
  if cmp -s "$work/summary.renderer" docs/summary.renderer; then
    die "docs/summary.png is not what the current code prints; run scripts/readme-picture.sh and review the picture"
  else
    echo "realreaders: notice: docs/summary.png was drawn by other versions of the renderers; not compared" >&2
    diff docs/summary.renderer "$work/summary.renderer" >&2 || true
  fi
fi

echo "realreaders: ${#reports[@]} reports, ${#templates[@]} templates checked in $((SECONDS - start))s"
if ((fail)); then
  echo "realreaders: FAILED (see FAIL: lines above)" >&2
  exit 1
fi
echo "realreaders: all passed"
