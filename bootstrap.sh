#!/bin/sh
# One command for everything a fresh Debian 12 / Ubuntu machine needs:
#
#   ./bootstrap.sh run    install what is missing, build, open the app on the sample report
#   ./bootstrap.sh test   install what is missing, build, run every test (each GUI one on an
#                         Xvfb display and a D-Bus session of its own, tests/gui-run.sh),
#                         then again in an AddressSanitizer + UBSan build (build-asan), the
#                         fuzzers for a bounded time (build-fuzz, clang) and the command line
#                         under valgrind
#   ./bootstrap.sh build  install what is missing and build
#
# Packages come from apt (through sudo when not root). The build goes to ./build.
set -eu

cd "$(dirname "$0")"

# desktop-file-utils: meson's post-install step needs update-desktop-database at configure time.
# libportal: Send by Email goes through the desktop's Email portal.
BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext \
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libshumate-dev \
  libcsv-dev libjson-glib-dev iso-codes desktop-file-utils libportal-dev libportal-gtk4-dev"
# dbus + at-spi2-core: every GUI test runs in a D-Bus session of its own (dbus-run-session),
# where GTK reaches the accessibility bus; xdotool and pyatspi drive the real window with
# real X input in the gui-input suite and read it back through the accessibility tree;
# imagemagick's import saves the screen when a gui-input test fails.
# flatpak-builder: the desktop suite parses the Flatpak manifest with it (--show-manifest).
TEST_PACKAGES="xvfb xauth locales python3 desktop-file-utils appstream poppler-utils \
  clang libclang-rt-14-dev valgrind dbus-daemon at-spi2-core \
  xdotool python3-pyatspi gir1.2-atspi-2.0 python3-gi imagemagick flatpak-builder"

as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

missing_packages () {
  for p in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
      printf '%s ' "$p"
    fi
  done
}

install_packages () {
  missing=$(missing_packages "$@")
  if [ -n "$missing" ]; then
    echo "Installing: $missing"
    as_root apt-get update -q
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
}

ensure_locale () {
  # Tests write CSV under a German locale to prove numbers stay locale-independent, and
  # draw under a Bulgarian one, whose glibc locale groups no digits (CLDR's grouping then).
  missing=""
  for loc in de_DE bg_BG; do
    if ! locale -a 2>/dev/null | grep -qi "^$loc\.utf-\?8\$"; then
      missing="$missing $loc"
    fi
  done
  [ -n "$missing" ] || return 0
  if [ -f /etc/locale.gen ]; then
    for loc in $missing; do
      as_root sed -i "s/^# *\($loc.UTF-8 UTF-8\)/\1/" /etc/locale.gen
      grep -q "^$loc.UTF-8 UTF-8" /etc/locale.gen || echo "$loc.UTF-8 UTF-8" | as_root tee -a /etc/locale.gen >/dev/null
    done
    as_root locale-gen
  else
    for loc in $missing; do
      as_root locale-gen "$loc.UTF-8"
    done
  fi
}

build () {
  if [ ! -f build/build.ninja ]; then
    meson setup build
  fi
  ninja -C build
}

cmd=${1:-run}
case "$cmd" in
  run)
    install_packages $BUILD_PACKAGES
    build
    GSETTINGS_SCHEMA_DIR="$PWD/build/data${GSETTINGS_SCHEMA_DIR:+:$GSETTINGS_SCHEMA_DIR}" \
      exec ./build/license-dashboard --sample
    ;;
  build)
    install_packages $BUILD_PACKAGES
    build
    ;;
  test)
    install_packages $BUILD_PACKAGES $TEST_PACKAGES
    ensure_locale
    build
    status=0
    meson test -C build --print-errorlogs || status=$?

    # The same suite under AddressSanitizer + UndefinedBehaviorSanitizer (issue 7), GUI
    # tests included. LeakSanitizer is on; tests/sanitizers/lsan.supp holds the few
    # leaks inside system libraries that we cannot free, each explained.
    echo "== Sanitized run (build-asan)"
    if [ ! -f build-asan/build.ninja ]; then
      meson setup build-asan -Db_sanitize=address,undefined -Db_lundef=false
    fi
    ninja -C build-asan
    # GDK_DEBUG=gl-disable: Mesa's EGL driver, probed when GDK opens the display, leaks
    # 128 bytes and is unloaded before exit, so LeakSanitizer can neither name it nor
    # have it suppressed; the sanitized GUI tests render with cairo instead.
    GDK_DEBUG=gl-disable ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
    LSAN_OPTIONS=suppressions="$PWD/tests/sanitizers/lsan.supp":print_suppressions=0 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
      meson test -C build-asan --print-errorlogs --timeout-multiplier 3 || status=$?

    # The fuzzers, for a bounded time (clang only; TEST_PACKAGES brings it).
    fuzz_status=skipped
    if command -v clang >/dev/null 2>&1; then
      echo "== Fuzzing (build-fuzz)"
      if [ ! -f build-fuzz/build.ninja ]; then
        CC=clang meson setup build-fuzz -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false
      fi
      fuzz_status=ok
      { ninja -C build-fuzz tests/fuzz/fuzz-loader tests/fuzz/fuzz-parse &&
        tests/fuzz/run-fuzzers.sh build-fuzz "${LD_FUZZ_SECONDS:-45}"; } || { fuzz_status=failed; status=1; }
    fi

    # The command line over the built sample under valgrind memcheck: no errors.
    valgrind_status=skipped
    if command -v valgrind >/dev/null 2>&1; then
      echo "== valgrind: license-dashboard --export ... over the sample"
      out=$(mktemp -d)
      valgrind_status=ok
      valgrind --error-exitcode=1 --leak-check=full -q \
        ./build/license-dashboard \
        --export summary,customers,licenses,analysis-products,analysis-customers,geo \
        --format csv --output "$out" build/data/sample-license-report.csv ||
        { valgrind_status=failed; status=1; }
      rm -rf "$out"
    fi

    # One summary line over all runs.
    python3 - build/meson-logs/testlog.json build-asan/meson-logs/testlog.json \
      "$fuzz_status" "$valgrind_status" <<'PY' || true
import json, sys
passed = failed = skipped = 0
for log in sys.argv[1:3]:
    try:
        lines = open(log).readlines()
    except OSError:
        failed += 1
        continue
    for line in lines:
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL"): passed += 1
        elif r == "SKIP": skipped += 1
        else: failed += 1
for extra in sys.argv[3:]:
    if extra == "ok": passed += 1
    elif extra == "skipped": skipped += 1
    else: failed += 1
# The count covers the test suite, the sanitized test suite, the fuzzers and valgrind;
# the line itself stands alone, as CI reads it.
print("Summary of the test suite, the sanitized test suite, the fuzzers and valgrind:")
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
    exit $status
    ;;
  *)
    echo "usage: $0 run|test|build" >&2
    exit 2
    ;;
esac
