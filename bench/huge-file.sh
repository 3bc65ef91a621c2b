#!/bin/sh
# huge-file.sh — by hand, not a test: generates a ~2 GB License report (13 million rows
# by default) with tools/ld-generate-report, which streams it to disk, then loads it with
# `license-dashboard --export summary` under /usr/bin/time -v and prints the elapsed time
# and the peak RSS (issue 7, docs/performance.md "Huge files").
#
#   bench/huge-file.sh [BUILD_DIR] [ROWS] [CUSTOMERS]
#
# BUILD_DIR defaults to ./build; the file goes to $TMPDIR (needs ~2.5 GB free) and is
# removed afterwards unless KEEP=1 (FILE=PATH reuses a file already made). Memory
# should follow the distinct values and the rows (a few bytes each), never the file's
# bytes. Target (issue 14): 13 million rows with 1.3 million customers in <= 6 s and
# <= 512 MiB. G_MESSAGES_DEBUG=ld-loader prints where the load's time went.
set -eu

cd "$(dirname "$0")/.."
build=${1:-build}
rows=${2:-13000000}
customers=${3:-}
dir=$(mktemp -d "${TMPDIR:-/tmp}/ld-huge.XXXXXX")
file=${FILE:-"$dir/huge-license-report.csv"}
[ "${KEEP:-0}" = 1 ] || trap 'rm -rf "$dir"' EXIT

for tool in "$build/tools/ld-generate-report" "$build/license-dashboard" /usr/bin/time; do
  [ -x "$tool" ] || { echo "missing $tool (build first; apt install time)" >&2; exit 2; }
done

if [ ! -s "$file" ]; then
  echo "== generating $rows rows into $file"
  start=$(date +%s)
  "$build/tools/ld-generate-report" --rows "$rows" ${customers:+--customers "$customers"} \
    --months 36 --output "$file"
  echo "generated $(du -h "$file" | cut -f1) ($(stat -c %s "$file") bytes) in $(( $(date +%s) - start )) s"
fi

echo "== loading: license-dashboard --export summary --format csv --range all"
/usr/bin/time -v "$build/license-dashboard" --export summary --format csv --range all "$file" \
  2> "$dir/time.txt" || { cat "$dir/time.txt" >&2; echo "load failed" >&2; exit 1; }
grep -E 'Elapsed \(wall clock\)|Maximum resident set size|User time|System time|Exit status' "$dir/time.txt"
echo "target: <= 6 s wall and <= 512 MiB (524288 kbytes) for 13 M rows with 1.3 M customers"
