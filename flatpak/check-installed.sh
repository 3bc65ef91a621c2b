#!/bin/sh
# flatpak/check-installed.sh — checks the installed Flatpak in its sandbox. Run by
# flatpak/check-local.sh inside `dbus-run-session`, with XDG_RUNTIME_DIR private (mode 700),
# from the top of the source tree after `./bootstrap.sh build` (the host build to compare with).
#
# Environment: LD_APP_ID, LD_MANIFEST (the real manifest), LD_CHECK_OUT (where the screenshot,
# the exports, the bundle and logs go). Every check runs; the exit status is non-zero when any
# failed, and each failure is named on standard error.
set -eu

: "${LD_APP_ID:?}" "${LD_MANIFEST:?}" "${LD_CHECK_OUT:?}" "${XDG_RUNTIME_DIR:?}" "${DBUS_SESSION_BUS_ADDRESS:?}"
app=$LD_APP_ID
out=$LD_CHECK_OUT
sample=$PWD/build/data/sample-license-report.csv
host=./build/license-dashboard
# Locale-independent output and English window titles, inside and out.
export LC_ALL=C.UTF-8 LANGUAGE=
unset WAYLAND_DISPLAY

failures=0
passes=0
pass () { echo "PASS: $*"; passes=$((passes + 1)); }
fail () { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Any wait here has a deadline that only a hang reaches.
sandboxed () { timeout 120 flatpak --user run "$@"; }

WIDGETS="summary customers licenses analysis-products analysis-customers geo data"

# compare_exports DIR: every table in csv and json, the report handed in through the document
# portal (@@ FILE @@), against the host build's over the same file. Returns 1 on a difference.
compare_exports () {
  dir=$1
  mkdir -p "$dir/host" "$dir/sandbox"
  ok=0
  for widget in $WIDGETS; do
    for format in csv json; do
      name=$widget.$format
      if ! "$host" --export "$widget" --format "$format" "$sample" >"$dir/host/$name" 2>"$dir/host/$name.err"; then
        echo "  host export of $name failed: $(cat "$dir/host/$name.err")" >&2; ok=1; continue
      fi
      if ! sandboxed --file-forwarding "$app" --export "$widget" --format "$format" @@ "$sample" @@ \
          >"$dir/sandbox/$name" 2>"$dir/sandbox/$name.err"; then
        echo "  sandboxed export of $name failed: $(tail -n 5 "$dir/sandbox/$name.err")" >&2; ok=1; continue
      fi
      if [ ! -s "$dir/host/$name" ]; then
        echo "  the host export of $name is empty" >&2; ok=1
      elif ! cmp -s "$dir/host/$name" "$dir/sandbox/$name"; then
        echo "  $name differs between the host and the sandbox:" >&2
        diff "$dir/host/$name" "$dir/sandbox/$name" | head -n 10 >&2; ok=1
      fi
    done
  done
  return $ok
}

echo "-- 1. a report handed in through the document portal"
# The sandbox sees the file at the portal's path, never at the host's.
seen=$(sandboxed --file-forwarding --command=sh "$app" -c 'printf %s "$1"; test -r "$1"' sh @@ "$sample" @@ \
  2>"$out/portal-path.err") || seen="(unreadable: $seen)"
case $seen in
  /run/user/*/doc/*/sample-license-report.csv) pass "the sandbox reads the report at $seen" ;;
  *) fail "document portal: the forwarded report is not a readable portal path: $seen $(tail -n 3 "$out/portal-path.err")" ;;
esac
if sandboxed --command=test "$app" -e "$sample" 2>/dev/null; then
  fail "sandbox: the host path $sample is visible inside the sandbox"
else
  pass "the host path $sample is invisible inside the sandbox"
fi
rm -rf "$out/exports"
if compare_exports "$out/exports"; then
  pass "--export of $(echo $WIDGETS | wc -w) tables in csv and json through the document portal is byte-identical to the host build's ($out/exports)"
else
  fail "document portal: the sandboxed --export differs from the host build's (see above)"
fi

echo "-- 2. the window starts on the sample"
xvfb_log=$out/xvfb.log
Xvfb -displayfd 3 -screen 0 1600x1000x24 -nolisten tcp 3>"$out/xvfb.display" >"$xvfb_log" 2>&1 &
xvfb_pid=$!
app_pid=
cleanup () {
  [ -z "$app_pid" ] || { flatpak kill "$app" 2>/dev/null; kill "$app_pid" 2>/dev/null; wait "$app_pid" 2>/dev/null; } || true
  kill "$xvfb_pid" 2>/dev/null || true
}
trap cleanup EXIT
deadline=$(( $(date +%s) + 30 ))
while [ ! -s "$out/xvfb.display" ] && [ "$(date +%s)" -lt "$deadline" ]; do sleep 0.2; done
if [ ! -s "$out/xvfb.display" ]; then
  fail "window: Xvfb did not start ($(cat "$xvfb_log"))"
else
  export DISPLAY=":$(cat "$out/xvfb.display")"
  unset XAUTHORITY
  flatpak --user run "$app" --sample >"$out/window.log" 2>&1 &
  app_pid=$!
  # The title becomes the report's name once the sample has loaded.
  found=
  deadline=$(( $(date +%s) + 90 ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if xdotool search --onlyvisible --name '^Sample report$' >/dev/null 2>&1; then found=1; break; fi
    kill -0 "$app_pid" 2>/dev/null || break
    sleep 0.5
  done
  if [ -z "$found" ]; then
    fail "window: no window titled 'Sample report' within 90 s (log: $out/window.log)"
    tail -n 20 "$out/window.log" >&2
  else
    sleep 3   # the cards draw after the title changes; a screenshot any earlier shows them empty
    import -window root "$out/sandbox-window.png"
    colours=$(identify -format '%k' "$out/sandbox-window.png" 2>/dev/null || echo 0)
    if [ "$colours" -gt 200 ]; then
      pass "the window opened on the sample in the sandbox (screenshot $out/sandbox-window.png, $colours colours)"
    else
      fail "window: the screenshot $out/sandbox-window.png is nearly blank ($colours colours)"
    fi
  fi
  flatpak kill "$app" 2>/dev/null || true
  kill "$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
fi

echo "-- 3. the desktop file, metainfo and icons are exported"
# The deployment is USER_DIR/app/APP/ARCH/BRANCH/COMMIT; the user installation's exports
# are USER_DIR/exports (where a caller's FLATPAK_USER_DIR put it).
location=$(flatpak --user info --show-location "$app" 2>/dev/null) || location=/nonexistent
exports=${location%%/app/"$app"/*}/exports/share
desktop=$exports/applications/$app.desktop
# flatpak-builder 1.2 installs the metainfo under its older name, APP.appdata.xml; newer ones
# keep APP.metainfo.xml. Either is exported to software centres.
metainfo=$exports/metainfo/$app.metainfo.xml
[ -f "$metainfo" ] || metainfo=$exports/metainfo/$app.appdata.xml
missing=
for f in "$desktop" "$metainfo" \
    "$exports/icons/hicolor/scalable/apps/$app.svg" \
    "$exports/icons/hicolor/symbolic/apps/$app-symbolic.svg"; do
  [ -f "$f" ] || missing="$missing $f"
done
if [ -n "$missing" ]; then
  fail "exports: missing:$missing"
elif ! grep -q "^Exec=.*flatpak run .*--file-forwarding $app .*@@[u]\? %[fFuU] @@" "$desktop"; then
  fail "exports: $desktop does not start the app with its files forwarded: $(grep '^Exec=' "$desktop")"
elif ! desktop-file-validate "$desktop" >"$out/desktop-validate.log" 2>&1; then
  fail "exports: desktop-file-validate rejects $desktop: $(cat "$out/desktop-validate.log")"
elif ! grep -q "<id>$app</id>" "$metainfo"; then
  fail "exports: the exported metainfo $metainfo does not name $app"
elif ! zcat "$location/files/share/app-info/xmls/$app.xml.gz" 2>/dev/null | grep -q "<id>$app"; then
  fail "exports: flatpak-builder composed no AppStream data for $app ($location/files/share/app-info/xmls)"
else
  pass "exported: the desktop file ($(grep '^Exec=' "$desktop")), both icons, the metainfo ($(basename "$metainfo")); AppStream data composed"
fi

echo "-- 4. the permissions are the manifest's finish-args"
flatpak --user info --show-permissions "$app" >"$out/permissions.txt" 2>&1 || true
if python3 tests/desktop/check-flatpak-permissions.py "$LD_MANIFEST" "$out/permissions.txt"; then
  pass "the sandbox grants exactly the manifest's finish-args"
else
  fail "permissions: the sandbox differs from the manifest's finish-args"
fi

echo "-- 5. a single-file bundle"
bundle=$out/license-dashboard.flatpak
rm -f "$bundle"
if ! flatpak build-bundle build-repo "$bundle" "$app" master >"$out/bundle.log" 2>&1; then
  fail "bundle: flatpak build-bundle failed: $(tail -n 5 "$out/bundle.log")"
elif ! flatpak --user uninstall -y --noninteractive "$app" >>"$out/bundle.log" 2>&1 ||
     flatpak --user info "$app" >/dev/null 2>&1; then
  fail "bundle: could not uninstall the app built by flatpak-builder to make room for the bundle"
elif ! flatpak --user install -y --noninteractive --bundle "$bundle" >>"$out/bundle.log" 2>&1; then
  fail "bundle: installing $bundle failed: $(tail -n 5 "$out/bundle.log")"
else
  origin=$(flatpak --user info --show-origin "$app" 2>/dev/null) || origin=
  flatpak --user info --show-permissions "$app" >"$out/permissions-bundle.txt" 2>&1 || true
  rm -rf "$out/exports-bundle"
  if [ -z "$origin" ]; then
    fail "bundle: $app is not installed after installing $bundle"
  elif ! compare_exports "$out/exports-bundle"; then
    fail "bundle: the app installed from $bundle exports differently from the host build"
  elif ! python3 tests/desktop/check-flatpak-permissions.py "$LD_MANIFEST" "$out/permissions-bundle.txt" >/dev/null; then
    fail "bundle: the app installed from $bundle has other permissions than the manifest's"
  else
    pass "$bundle ($(du -h "$bundle" | cut -f1)) installs (origin $origin), exports the same tables and has the same permissions"
  fi
fi

if [ "$failures" -eq 0 ]; then
  echo "flatpak/check-installed.sh: all $passes checks passed"
else
  echo "flatpak/check-installed.sh: $failures of $((passes + failures)) checks FAILED" >&2
  exit 1
fi
