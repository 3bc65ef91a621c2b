#!/bin/sh
# run-bench.sh — the engine's benchmark and its comparison with DuckDB and pandas
#
#   meson compile -C build bench              (meson passes the three programs)
#   bench/run-bench.sh [--install] [--rows N] LD_BENCH LD_GENERATE_REPORT LICENSE_DASHBOARD
#
# Generates a million-row report once (bench-1m.csv in the build directory, reused
# afterwards), checks on the 20,000-row sample and on that file that DuckDB and pandas
# compute the same figures as the engine, then times: the engine in process
# (ld-bench), the command line's --export of every aggregate table, and the same six
# tables computed by DuckDB (node, @duckdb/node-api) and pandas, each with
# /usr/bin/time -v for wall time and peak RSS. DuckDB and pandas are skipped, with a
# note, when they are not installed; --install (or BENCH_INSTALL=1) runs
# `npm install --no-save` in bench/ first. See docs/performance.md.
#
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

install=${BENCH_INSTALL:-0}
rows=${BENCH_ROWS:-1000000}
while [ $# -gt 0 ]; do
  case $1 in
    --install) install=1; shift ;;
    --rows) rows=$2; shift 2 ;;
    --) shift; break ;;
    -*) echo "run-bench.sh: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
if [ $# -ne 3 ]; then
  echo "usage: run-bench.sh [--install] [--rows N] LD_BENCH LD_GENERATE_REPORT LICENSE_DASHBOARD" >&2
  exit 2
fi
ld_bench=$1
ld_generate=$2
dashboard=$3

bench_dir=$(cd "$(dirname "$0")" && pwd)
build_root=${MESON_BUILD_ROOT:-$(cd "$(dirname "$ld_bench")/.." && pwd)}
out=$build_root/bench-out
mkdir -p "$out"

if [ "$rows" = 1000000 ]; then
  report=$build_root/bench-1m.csv
else
  report=$build_root/bench-$rows.csv
fi
sample=$out/sample-20k.csv

# /usr/bin/time -v gives wall time and peak RSS of a whole process; without it the
# wall time still comes from date(1).
have_time=0
if [ -x /usr/bin/time ] && /usr/bin/time -v true >/dev/null 2>&1; then
  have_time=1
fi

now_ms () {
  date +%s%N | awk '{ printf "%d", $1 / 1000000 }'
}

# timed NAME COMMAND...: runs COMMAND with its output in $out/NAME.out and .err, and
# sets wall_ms and rss_mib.
timed () {
  name=$1
  shift
  if [ $have_time = 1 ]; then
    /usr/bin/time -v -o "$out/$name.time" "$@" >"$out/$name.out" 2>"$out/$name.err"
    wall_ms=$(awk -F': ' '/Elapsed \(wall clock\)/ {
                n = split($2, p, ":"); s = 0
                for (i = 1; i <= n; i++) s = s * 60 + p[i]
                printf "%d", s * 1000 }' "$out/$name.time")
    rss_mib=$(awk -F': ' '/Maximum resident set size/ { printf "%.1f", $2 / 1024 }' "$out/$name.time")
  else
    start=$(now_ms)
    "$@" >"$out/$name.out" 2>"$out/$name.err"
    wall_ms=$(( $(now_ms) - start ))
    rss_mib="?"
  fi
}

result () {
  sed -n "s/^RESULT $2=//p" "$out/$1.out"
}

check_line () {
  grep '^CHECK ' "$out/$1.out" || echo "CHECK (none)"
}

ratio () {
  awk -v a="$1" -v b="$2" 'BEGIN { if (a == "" || b == "" || a + 0 == 0) print "–"; else printf "%.1f×", b / a }'
}

# ---------------------------------------------------------------------------------
# The comparison tools

duckdb_ok=0
if command -v node >/dev/null 2>&1; then
  if [ ! -d "$bench_dir/node_modules/@duckdb/node-api" ] && [ "$install" = 1 ]; then
    echo "Installing @duckdb/node-api into $bench_dir/node_modules …"
    (cd "$bench_dir" && npm install --no-save --no-audit --no-fund) || true
  fi
  if [ -d "$bench_dir/node_modules/@duckdb/node-api" ]; then
    duckdb_ok=1
  else
    echo "DuckDB: skipped (run with --install, or: cd bench && npm install)"
  fi
else
  echo "DuckDB: skipped (node is not installed)"
fi

pandas_ok=0
python=
for candidate in ${PYTHON:-} /usr/bin/python3 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import pandas' 2>/dev/null; then
    python=$candidate
    pandas_ok=1
    break
  fi
done
if [ $pandas_ok = 0 ]; then
  echo "pandas: skipped (apt-get install python3-pandas)"
fi

# ---------------------------------------------------------------------------------
# The input

if [ ! -s "$report" ]; then
  echo "Generating $report ($rows rows) …"
  start=$(now_ms)
  "$ld_generate" --rows "$rows" --seed 2026 --output "$report.tmp"
  mv "$report.tmp" "$report"
  echo "  $(( $(now_ms) - start )) ms, $(du -m "$report" | cut -f1) MB"
fi
"$ld_generate" --rows 20000 --seed 2026 --output "$sample"

# ---------------------------------------------------------------------------------
# Same answers? The CHECK lines hold the totals, distinct counts and table sizes.

agree=1
compare_checks () {
  what=$1
  ours=$(check_line "$2")
  for other in $3; do
    theirs=$(check_line "$other")
    if [ "$ours" = "$theirs" ]; then
      echo "  $what: $other agrees with the engine"
    else
      agree=0
      echo "  $what: $other DISAGREES with the engine"
      echo "    engine: $ours"
      echo "    $other: $theirs"
    fi
  done
}

others=
if ! timed check-ours "$ld_bench" --check "$sample"; then
  echo "ld-bench cannot load the sample: $(tail -n 3 "$out/check-ours.err")" >&2
  exit 1
fi
if [ $duckdb_ok = 1 ]; then
  timed check-duckdb node "$bench_dir/duckdb-aggregates.mjs" "$sample" && others="$others check-duckdb"
fi
if [ $pandas_ok = 1 ]; then
  timed check-pandas "$python" "$bench_dir/pandas-aggregates.py" "$sample" && others="$others check-pandas"
fi
echo "Checking the figures on the 20,000-row sample:"
echo "  $(check_line check-ours)"
compare_checks "sample" check-ours "$others"

# ---------------------------------------------------------------------------------
# The runs

echo "Running ld-bench on $report …"
if ! timed ours "$ld_bench" "$report"; then
  echo "ld-bench failed: $(tail -n 3 "$out/ours.err")" >&2
  exit 1
fi
grep -v '^RESULT\|^CHECK' "$out/ours.out" || true

rm -rf "$out/export"
mkdir -p "$out/export"
cli_ms=failed cli_rss=failed
if timed cli "$dashboard" --export summary,customers,licenses,analysis-products,analysis-customers,geo \
     --format csv --range all --output "$out/export" "$report"; then
  cli_ms=$wall_ms
  cli_rss=$rss_mib
else
  echo "license-dashboard --export failed: $(tail -n 3 "$out/cli.err")" >&2
fi

duck_ms= duck_wall= duck_rss=
if [ $duckdb_ok = 1 ]; then
  echo "Running DuckDB …"
  if timed duckdb node "$bench_dir/duckdb-aggregates.mjs" "$report"; then
    duck_ms=$(result duckdb total_ms)
    duck_wall=$wall_ms
    duck_rss=$rss_mib
  else
    echo "  DuckDB failed: $(tail -n 3 "$out/duckdb.err")"
  fi
fi

pandas_ms= pandas_wall= pandas_rss=
if [ $pandas_ok = 1 ]; then
  echo "Running pandas …"
  if timed pandas "$python" "$bench_dir/pandas-aggregates.py" "$report"; then
    pandas_ms=$(result pandas total_ms)
    pandas_wall=$wall_ms
    pandas_rss=$rss_mib
  else
    echo "  pandas failed: $(tail -n 3 "$out/pandas.err")"
  fi
fi

others=
[ -n "$duck_ms" ] && others="$others duckdb"
[ -n "$pandas_ms" ] && others="$others pandas"
echo "Checking the figures on $report:"
echo "  $(check_line ours)"
compare_checks "1M" ours "$others"

# ---------------------------------------------------------------------------------
# The table

ours_ms=$(result ours total_ms)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
echo
echo "Load + all six aggregate tables, $(basename "$report"), on ${cpu:-this machine} ($(nproc 2>/dev/null || echo ?) CPUs):"
printf '  %-36s %12s %12s %12s %10s %10s\n' "" "engine" "DuckDB" "pandas" "DuckDB/us" "pandas/us"
printf '  %-36s %12s %12s %12s %10s %10s\n' "in process (ms)" "$ours_ms" "${duck_ms:-–}" "${pandas_ms:-–}" \
  "$(ratio "$ours_ms" "$duck_ms")" "$(ratio "$ours_ms" "$pandas_ms")"
printf '  %-36s %12s %12s %12s %10s %10s\n' "whole process, wall (ms)" "$cli_ms" "${duck_wall:-–}" "${pandas_wall:-–}" \
  "$(ratio "$cli_ms" "$duck_wall")" "$(ratio "$cli_ms" "$pandas_wall")"
printf '  %-36s %12s %12s %12s %10s %10s\n' "whole process, peak RSS (MiB)" "$cli_rss" "${duck_rss:-–}" "${pandas_rss:-–}" \
  "$(ratio "$cli_rss" "$duck_rss")" "$(ratio "$cli_rss" "$pandas_rss")"
echo
echo "  engine re-query: median $(result ours requery_median_ms) ms, p95 $(result ours requery_p95_ms) ms" \
     "(with tables and facets: median $(result ours requery_full_median_ms) ms, p95 $(result ours requery_full_p95_ms) ms)"
echo "  engine store: $(result ours store_mib) MiB; ld-bench peak RSS $(result ours peak_rss_mib) MiB"
echo "  the engine's whole-process row is license-dashboard --export (startup, load, query, six CSV files)"
echo
echo "Targets: load + every table <= 1000 ms; re-query median <= 10 ms; --export peak RSS <= 100 MiB."

if [ $agree = 0 ]; then
  echo "The tools disagree on the figures: the comparison is not like for like." >&2
  exit 1
fi
