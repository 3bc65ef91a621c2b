#!/bin/sh
# run-fuzzers.sh BUILD_DIR [SECONDS] — runs each libFuzzer target for SECONDS (default 45)
# on a seed corpus made from tests/data/** (fixtures, hostile inputs, past crashes).
# Exits non-zero on any crash, leak, timeout or sanitizer report. BUILD_DIR must be
# configured with CC=clang -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false.
#
# For a long run by hand, e.g. half an hour of the loader:
#   tests/fuzz/run-fuzzers.sh build-fuzz 1800 fuzz-loader
set -eu

src=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:?usage: $0 BUILD_DIR [SECONDS] [TARGET...]}
seconds=${2:-45}
shift; [ $# -gt 0 ] && shift
targets=${*:-fuzz-loader fuzz-parse}

work=$(mktemp -d "${TMPDIR:-/tmp}/ld-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Seeds: every file under tests/data (not the notes), one corpus per target.
mkdir -p "$work/fuzz-loader" "$work/fuzz-parse"
find "$src/tests/data" -type f ! -name '*.md' ! -name '*.tsv' ! -name '*.json' \
  ! -name '.gitattributes' ! -name '*.py' -size -1M -exec cp {} "$work/fuzz-loader/" \;
for s in 2026-03-05 2026/3/5 2026-03-05T00:00:00.5+01:00 '3/5/2026 3:04 PM' \
         '13/2/2026 23:59:59' 2026-02-30 ' 12.0 ' 2147483647 2147483648 -0 ''; do
  printf '%s' "$s" > "$work/fuzz-parse/$(printf '%s' "$s" | md5sum | cut -c1-12)"
done

export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:${ASAN_OPTIONS:-}"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}"

status=0
for t in $targets; do
  case $t in
    fuzz-loader) extra="-dict=$src/tests/fuzz/loader.dict -max_len=65536" ;;
    fuzz-parse) extra="-dict=$src/tests/fuzz/parse.dict -max_len=256" ;;
    *) echo "unknown target $t" >&2; exit 2 ;;
  esac
  echo "== $t: ${seconds} s"
  # shellcheck disable=SC2086
  if ! "$build/tests/fuzz/$t" $extra -timeout=10 -rss_limit_mb=2048 \
       -max_total_time="$seconds" -print_final_stats=1 \
       -artifact_prefix="$work/" "$work/$t" > "$work/$t.log" 2>&1; then
    status=1
    tail -n 60 "$work/$t.log"
    for a in "$work"/crash-* "$work"/leak-* "$work"/timeout-* "$work"/oom-*; do
      [ -f "$a" ] || continue
      mkdir -p "$src/tests/data/fuzz-regressions"
      cp "$a" "$src/tests/data/fuzz-regressions/"
      echo "$t: kept $(basename "$a") in tests/data/fuzz-regressions/ (add it to git)"
    done
  else
    grep -E '^stat::number_of_executed_units|^Done' "$work/$t.log" || true
  fi
done
exit $status
