#!/usr/bin/env bash
# Regenerates docs/summary.png, the README's picture of the 汇总 sheet: duban's report on the bundled
# sample (as of 2024-12-20, so the picture only changes when the code does), printed to PDF by
# LibreOffice and the first page rendered by pdftoppm, cropped to what is printed on it.
#
# usage: scripts/readme-picture.sh [OUT.png]   (default docs/summary.png; needs soffice,
#        poppler-utils and a CJK font: scripts/realreaders.sh installs them and checks that
#        docs/summary.png is what this script writes now)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH=$PATH:/usr/local/go/bin
as_of=2024-12-20
dpi=80
out=${1:-docs/summary.png}

for c in soffice pdftoppm pdftotext pdfinfo fc-list; do
  command -v "$c" >/dev/null || { echo "readme-picture: need $c (apt-get install libreoffice-calc-nogui poppler-utils fontconfig)" >&2; exit 2; }
done
[[ -n $(fc-list ':lang=zh') ]] || { echo "readme-picture: need a CJK font (apt-get install fonts-wqy-microhei)" >&2; exit 2; }

# renderer FILE writes the versions of the programs that render the picture.
renderer() {
  { soffice --version; pdftoppm -v 2>&1 | sed -n 1p; fc-list ':lang=zh' file | sort; } >"$1"
}

work=$(mktemp -d /tmp/readme-picture.XXXXXX)
trap 'rm -rf "$work"' EXIT
go build -o "$work/duban" ./cmd/duban
# Exit 1 only says the sample has rows with errors, as it is meant to.
"$work/duban" report -q --as-of "$as_of" -o "$work/report.xlsx" testdata/sample >/dev/null 2>&1 || [[ $? == 1 ]]
timeout 300 soffice -env:UserInstallation="file://$work/lo-profile" --headless --norestore --nolockcheck \
  --convert-to pdf --outdir "$work" "$work/report.xlsx" >"$work/lo.log" 2>&1 || { cat "$work/lo.log" >&2; exit 1; }

# The box around every word on page 1 except the page-number footer (bottom tenth), plus a margin
# for the table borders, in pixels at $dpi.
read -r page_h < <(pdfinfo -f 1 -l 1 "$work/report.pdf" | awk '/^Page +1 size:/ {print $6}')
read -r x y w h < <(pdftotext -f 1 -l 1 -bbox "$work/report.pdf" - | awk -v ph="$page_h" -v dpi="$dpi" '
  /<word / {
    for (i = 1; i <= NF; i++) if (split($i, kv, "\"") >= 2) v[substr(kv[1], 1, length(kv[1]) - 1)] = kv[2]
    if (v["yMin"] > ph * 0.9) next
    if (n++ == 0 || v["xMin"] < x0) x0 = v["xMin"]; if (v["xMax"] > x1) x1 = v["xMax"]
    if (n == 1 || v["yMin"] < y0) y0 = v["yMin"]; if (v["yMax"] > y1) y1 = v["yMax"]
  }
  END {
    if (!n) exit 1
    m = 14; k = dpi / 72
    x0 = (x0 > m ? x0 - m : 0); y0 = (y0 > m ? y0 - m : 0); x1 += m; y1 += m
    printf "%d %d %d %d\n", x0 * k, y0 * k, (x1 - x0) * k, (y1 - y0) * k
  }')
mkdir -p "$(dirname "$out")"
pdftoppm -png -r "$dpi" -f 1 -l 1 -x "$x" -y "$y" -W "$w" -H "$h" -singlefile "$work/report.pdf" "${out%.png}"
# The programs that drew it: the picture is compared byte for byte only under the same ones.
renderer "${out%.png}.renderer"
echo "readme-picture: wrote $out (${w}x${h} px, page 1 of the 汇总 sheet, as of $as_of)"
