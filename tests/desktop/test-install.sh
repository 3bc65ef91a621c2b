#!/bin/sh
# test-install.sh — installs the build into a scratch DESTDIR and checks that everything a
# desktop needs to show, launch and translate the app landed where it looks for it.
#
# Environment (set by tests/desktop/meson.build):
#   MESON_BUILD_ROOT   the build directory to install from (already built by `meson test`)
#   LD_SOURCE_ROOT     the source tree, for po/LINGUAS
#   LD_APP_ID          the application ID
#   LD_GETTEXT_PACKAGE the gettext domain
#   LD_BINDIR LD_DATADIR LD_LOCALEDIR  absolute install paths (prefix already joined)
set -eu

: "${MESON_BUILD_ROOT:?}" "${LD_SOURCE_ROOT:?}" "${LD_APP_ID:?}" "${LD_GETTEXT_PACKAGE:?}"
: "${LD_BINDIR:?}" "${LD_DATADIR:?}" "${LD_LOCALEDIR:?}"

meson=${MESON:-meson}
if ! command -v "$meson" >/dev/null 2>&1; then
  echo "SKIP: meson is not on PATH, cannot run meson install" >&2
  exit 77
fi

destdir=$(mktemp -d "${TMPDIR:-/tmp}/ld-install-XXXXXX")
trap 'rm -rf "$destdir"' EXIT

# --no-rebuild: meson test has built everything already, and a rebuild from inside a test
# would fight the running ninja. Post-install scripts skip themselves under DESTDIR.
if ! "$meson" install -C "$MESON_BUILD_ROOT" --destdir "$destdir" --no-rebuild >"$destdir.log" 2>&1; then
  cat "$destdir.log" >&2
  rm -f "$destdir.log"
  echo "FAIL: meson install --destdir failed" >&2
  exit 1
fi
rm -f "$destdir.log"

failures=0
expect () {
  if [ -f "$destdir$1" ]; then
    echo "ok: $1"
  else
    echo "MISSING: $1" >&2
    failures=$((failures + 1))
  fi
}

expect "$LD_BINDIR/license-dashboard"
expect "$LD_DATADIR/applications/$LD_APP_ID.desktop"
expect "$LD_DATADIR/metainfo/$LD_APP_ID.metainfo.xml"
expect "$LD_DATADIR/icons/hicolor/scalable/apps/$LD_APP_ID.svg"
expect "$LD_DATADIR/icons/hicolor/symbolic/apps/$LD_APP_ID-symbolic.svg"
expect "$LD_DATADIR/glib-2.0/schemas/$LD_APP_ID.gschema.xml"

# One .mo per language listed in po/LINGUAS (comments and blank lines allowed).
languages=$(sed -e 's/#.*//' "$LD_SOURCE_ROOT/po/LINGUAS" | tr -s ' \t' '\n\n' | sed '/^$/d')
for lang in $languages; do
  expect "$LD_LOCALEDIR/$lang/LC_MESSAGES/$LD_GETTEXT_PACKAGE.mo"
done
[ -n "$languages" ] || echo "note: po/LINGUAS lists no languages yet, so no .mo files are expected"

# The launcher must name what was installed: its Icon and the program in Exec.
desktop="$destdir$LD_DATADIR/applications/$LD_APP_ID.desktop"
if [ -f "$desktop" ]; then
  grep -qx "Icon=$LD_APP_ID" "$desktop" || { echo "WRONG: Icon= is not $LD_APP_ID" >&2; failures=$((failures + 1)); }
  grep -q '^Exec=license-dashboard ' "$desktop" || { echo "WRONG: Exec= does not run license-dashboard" >&2; failures=$((failures + 1)); }
fi

if [ "$failures" -ne 0 ]; then
  echo "FAIL: $failures file(s) missing or wrong in the installed tree" >&2
  exit 1
fi
echo "PASS: the installed tree is complete"
