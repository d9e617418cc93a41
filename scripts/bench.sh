#!/usr/bin/env bash
# shellcheck disable=SC2086,SC2001  # $cmd lines are split on purpose; sed reads clearer here
# Measures `duban report` against its floor and against pandas on generated corpora.
#
#   scripts/bench.sh [--quick | --province] [--no-pandas] [--pandas-all] [--runs N] [--work DIR]
#
# For each corpus (FILES×ROWS, written once by `go run ./testdata/gen` into the work folder):
# duban's wall time (hyperfine when installed, else the best of N runs of /usr/bin/time), its
# peak RSS (/usr/bin/time -v), the floor measured in the same run (scripts/floor: inflate every
# input worksheet on all cores + deflate every part of duban's output), and, on 100×500 (or on
# all sizes with --pandas-all), the pandas + openpyxl equivalent (scripts/bench_pandas.py).
# Prints a table with the ratios duban/floor and pandas/duban, and per-row cost for the
# linear-growth sizes.
#
# Needs: go; optional hyperfine (apt-get install hyperfine); pandas + openpyxl for python3
# (apt-get install python3-pandas python3-openpyxl). --quick runs only 100×500. --province runs
# only 500×1000, a province's month (half a million rows, about 1 GB of worksheets to write and
# inflate): one run by default, without pandas, its time and peak RSS from the same run of
# /usr/bin/time; it takes minutes and needs about 1 GB of disk in the work folder. Not for CI.
set -euo pipefail

cd "$(dirname "$0")/.."
work=${TMPDIR:-/tmp}/duban-bench
runs=
pandas=first
quick=0
province=0
while [ $# -gt 0 ]; do
	case $1 in
	--quick) quick=1 ;;
	--province) province=1 ;;
	--no-pandas) pandas=none ;;
	--pandas-all) pandas=all ;;
	--runs) runs=$2; shift ;;
	--work) work=$2; shift ;;
	-h|--help) sed -n '2,19p' "$0"; exit 0 ;;
	*) echo "bench.sh: unknown argument $1" >&2; exit 2 ;;
	esac
	shift
done

# The sizes of the issue, then the linear-growth series (100 files, 250 to 2000 rows each).
sizes="100x500 200x1000 2000x50 100x250 100x1000 100x2000"
[ "$quick" = 1 ] && sizes="100x500"
if [ "$province" = 1 ]; then
	sizes="500x1000"
	pandas=none
	runs=${runs:-1}
fi
runs=${runs:-3}

mkdir -p "$work"
go build -o "$work/duban" ./cmd/duban
go build -o "$work/floor" ./scripts/floor
python=/usr/bin/python3
[ -x "$python" ] || python=python3
have_pandas=0
if [ "$pandas" != none ] && "$python" -c 'import pandas, openpyxl' 2>/dev/null; then
	have_pandas=1
fi
have_hyperfine=0
command -v hyperfine >/dev/null && have_hyperfine=1
[ "$province" = 1 ] && have_hyperfine=0 # one long run: its time and RSS together

echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//'), $(free -g | awk '/Mem:/{print $2}') GiB RAM, $(go version | cut -d' ' -f3)"
printf '%-10s %8s %9s %9s %8s %9s %8s %10s %10s %9s\n' corpus rows duban_s floor_s ratio rss_MB pandas_s pandas/dub us/row inflateMB

for size in $sizes; do
	files=${size%x*}
	rows=${size#*x}
	dir=$work/c$size
	if [ ! -f "$dir/.done" ]; then
		rm -rf "$dir"
		go run ./testdata/gen -out "$dir" -files "$files" -rows "$rows" >/dev/null
		touch "$dir/.done"
	fi
	out=$work/out-$size.xlsx
	cmd="$work/duban report -q --as-of 2024-12-20 -o $out $dir"
	if [ "$have_hyperfine" = 1 ]; then
		hyperfine -N -w 1 -r "$runs" --export-json "$work/hf-$size.json" "$cmd" >/dev/null 2>&1 || true
		dub=$("$python" -c 'import json,sys; print("%.3f" % json.load(open(sys.argv[1]))["results"][0]["median"])' "$work/hf-$size.json")
	else
		dub=; rss=0
		for _ in $(seq "$runs"); do
			# %e and %M are the wall time and "Maximum resident set size" of /usr/bin/time -v.
			# shellcheck disable=SC2086 # $cmd is a command line, split on purpose
			/usr/bin/time -f '%e %M' -o "$work/time" $cmd >/dev/null 2>&1 || true
			read -r t m < <(tail -1 "$work/time")
			if [ -z "$dub" ] || awk "BEGIN{exit !($t < $dub)}"; then dub=$t; fi
			if [ "$m" -gt "$rss" ]; then rss=$m; fi
		done
	fi
	if [ "$have_hyperfine" = 1 ]; then
		/usr/bin/time -f %M -o "$work/rss" $cmd >/dev/null 2>&1 || true
		rss=$(tail -1 "$work/rss")
	fi
	floor=; inflate_mb=
	for _ in $(seq "$runs"); do
		line=$("$work/floor" -out "$out" -out "${out%.xlsx}_核对.xlsx" "$dir")
		f=$(sed 's/.*floor_s=\([0-9.]*\).*/\1/' <<<"$line")
		if [ -z "$floor" ] || awk "BEGIN{exit !($f < $floor)}"; then floor=$f; fi
		inflate_mb=$(sed 's/.*inflate_bytes=\([0-9]*\).*/\1/' <<<"$line" | awk '{printf "%.0f", $1/1048576}')
	done
	pd=-; pdratio=-
	if [ "$have_pandas" = 1 ] && { [ "$pandas" = all ] || [ "$size" = 100x500 ]; }; then
		start=$(date +%s.%N)
		"$python" scripts/bench_pandas.py "$work/pandas-$size.xlsx" "$dir" >/dev/null
		pd=$(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $start}")
		pdratio=$(awk "BEGIN{printf \"%.0fx\", $pd / $dub}")
	fi
	total=$((files * rows))
	printf '%-10s %8d %9.3f %9.3f %7.1fx %9.0f %8s %10s %10.2f %9s\n' "$size" "$total" "$dub" "$floor" \
		"$(awk "BEGIN{print $dub / $floor}")" "$(awk "BEGIN{print $rss / 1024}")" "$pd" "$pdratio" \
		"$(awk "BEGIN{print $dub * 1e6 / $total}")" "$inflate_mb"
done
