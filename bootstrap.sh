#!/bin/sh
# One command for everything a fresh Debian 12 / Ubuntu machine needs:
#
#   ./bootstrap.sh run    install what is missing, build, open the app on the sample report
#   ./bootstrap.sh test   install what is missing, build, run every test (GUI ones under xvfb-run)
#   ./bootstrap.sh build  install what is missing and build
#
# Packages come from apt (through sudo when not root). The build goes to ./build.
set -eu

cd "$(dirname "$0")"

BUILD_PACKAGES="build-essential meson ninja-build pkg-config gettext \
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev libshumate-dev \
  libcsv-dev libjson-glib-dev iso-codes"
TEST_PACKAGES="xvfb xauth locales python3 desktop-file-utils appstream poppler-utils"

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
  # One test writes CSV under a German locale to prove numbers stay locale-independent.
  if ! locale -a 2>/dev/null | grep -qi '^de_DE\.utf-\?8$'; then
    if [ -f /etc/locale.gen ]; then
      as_root sed -i 's/^# *\(de_DE.UTF-8 UTF-8\)/\1/' /etc/locale.gen
      grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | as_root tee -a /etc/locale.gen >/dev/null
      as_root locale-gen
    else
      as_root locale-gen de_DE.UTF-8
    fi
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
    xvfb-run -a -s "-screen 0 1600x1000x24" meson test -C build --print-errorlogs || status=$?
    python3 - build/meson-logs/testlog.json <<'PY' || true
import json, sys
passed = failed = skipped = 0
for line in open(sys.argv[1]):
    r = json.loads(line)["result"]
    if r in ("OK", "EXPECTEDFAIL"): passed += 1
    elif r == "SKIP": skipped += 1
    else: failed += 1
print(f"{passed} passed, {failed} failed, {skipped} skipped")
PY
    exit $status
    ;;
  *)
    echo "usage: $0 run|test|build" >&2
    exit 2
    ;;
esac
