#!/bin/sh
# flatpak/check-local.sh — builds the Flatpak on this machine, installs it and checks it in its
# sandbox, without Flathub (issue 15).
#
# The GNOME runtime the manifest names is not reachable here, so this builds against a stand-in
# runtime and SDK made from Debian 12 packages (flatpak/standin-runtime.sh, cached in
# $LD_FLATPAK_CACHE, default /var/cache/license-dashboard-flatpak, so the next run reuses it).
# The manifest it builds is generated from the real one by flatpak/standin-manifest.py: runtime
# and SDK swapped, the modules the stand-in already carries (libcsv, libshumate) left out,
# nothing else changed. Then, in a D-Bus session of its own (flatpak/check-installed.sh):
#   - a report handed in through the document portal gives the same --export tables as the
#     host build, and the host path itself stays invisible in the sandbox;
#   - the window starts on the sample (a screenshot under Xvfb);
#   - the installed app exports its desktop file, metainfo and icons;
#   - its permissions are exactly the manifest's finish-args;
#   - a single-file bundle made from the build installs and runs the same.
#
# Every flatpak command uses --user, so a caller's FLATPAK_USER_DIR decides where everything is
# installed. What it needs from apt is installed through sudo when not root. Outputs (the
# screenshot, the exports, the bundle, logs) go to $LD_FLATPAK_OUT (default build/flatpak-check).
# Exits non-zero on any failure, naming the check that failed.
set -eu

cd "$(dirname "$0")/.."
src=$PWD

APP_ID=io.github.licensedashboard.LicenseDashboard
PLATFORM=io.github.licensedashboard.StandIn.Platform
SDK=io.github.licensedashboard.StandIn.Sdk
BRANCH=12
REMOTE=license-dashboard-standin
# The real manifest's modules that the stand-in SDK already has as Debian packages.
CARRIED_MODULES="libcsv libshumate"

manifest=flatpak/$APP_ID.json
standin_manifest=flatpak/$APP_ID.standin.json
cache=${LD_FLATPAK_CACHE:-/var/cache/license-dashboard-flatpak}
out=${LD_FLATPAK_OUT:-$src/build/flatpak-check}

# flatpak, flatpak-builder and mmdebstrap build and run it; xdg-desktop-portal brings the
# document portal; flatpak-builder strips with the host's eu-strip (elfutils); Xvfb, xdotool
# and ImageMagick's import show and photograph the window.
CHECK_PACKAGES="flatpak flatpak-builder mmdebstrap xdg-desktop-portal elfutils fuse3 \
  dbus-daemon xvfb xauth xdotool imagemagick python3 desktop-file-utils"

stage=setup
started=$(date +%s)
# say STAGE: names the stage (for the failure message) and prints it with the time so far.
say () { stage=$1; echo "== [$(( $(date +%s) - started )) s] $stage"; }
trap 'status=$?; if [ "$status" -ne 0 ]; then echo "flatpak/check-local.sh: FAILED at: $stage (exit $status)" >&2; fi' EXIT

as_root () {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

install_packages () {
  missing=
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    echo "Installing:$missing"
    as_root apt-get update -q
    # shellcheck disable=SC2086
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $missing
  fi
}

mkdir -p "$out"
: > "$out/steps.log"
# run LOGNAME COMMAND…: runs it with its output in $out/LOGNAME.log, shown only when it fails.
run () {
  log=$out/$1.log; shift
  if ! "$@" >"$log" 2>&1; then
    tail -n 40 "$log" >&2
    echo "(full log: $log)" >&2
    return 1
  fi
}

say "installing what the check needs (apt)"
install_packages $CHECK_PACKAGES

say "building the app on the host (./bootstrap.sh build), for the exports to compare with"
./bootstrap.sh build >"$out/host-build.log" 2>&1 || { tail -n 40 "$out/host-build.log" >&2; exit 1; }
[ -f build/data/sample-license-report.csv ] || { echo "no build/data/sample-license-report.csv after the build" >&2; exit 1; }

say "the stand-in runtime and SDK from Debian 12 packages ($cache)"
as_root sh flatpak/standin-runtime.sh "$cache"

say "installing the stand-in runtime and SDK (flatpak --user)"
if flatpak --user remotes --columns=name | grep -qx "$REMOTE"; then
  flatpak --user remote-modify --no-gpg-verify --url="file://$cache/repo" "$REMOTE"
else
  flatpak --user remote-add --no-gpg-verify "$REMOTE" "file://$cache/repo"
fi
run install-runtime flatpak --user install -y --noninteractive --or-update "$REMOTE" \
  "runtime/$PLATFORM//$BRANCH" "runtime/$SDK//$BRANCH"

say "generating the stand-in manifest from $manifest"
drops=
for m in $CARRIED_MODULES; do drops="$drops --drop $m"; done
# shellcheck disable=SC2086
python3 flatpak/standin-manifest.py "$manifest" "$standin_manifest" \
  --runtime "$PLATFORM" --sdk "$SDK" --runtime-version "$BRANCH" $drops

say "flatpak-builder --user --install (log: $out/flatpak-builder.log)"
# rofiles-fuse only saves disk space while building; without it the build needs no FUSE mount.
run flatpak-builder flatpak-builder --user --install --force-clean --disable-rofiles-fuse \
  --repo=build-repo build-flatpak "$standin_manifest"
flatpak --user info "$APP_ID" | sed -n '1,12p'

say "the installed app in its sandbox (flatpak/check-installed.sh)"
# The document portal and flatpak's session helper are D-Bus services; a session bus of our own
# starts them and takes them down again. The portals need XDG_RUNTIME_DIR (mode 700), and it
# must be /run/user/UID: flatpak forwards files at the portal's host path but mounts the portal
# only at /run/user/UID/doc inside the sandbox. A desktop session's own portal already mounted
# there would refuse ours, so that is an error, not something to work around.
runtime_dir=/run/user/$(id -u)
made_runtime_dir=
if mountpoint -q "$runtime_dir/doc" 2>/dev/null; then
  echo "a document portal is already mounted at $runtime_dir/doc (a desktop session's):" \
    "run the check outside a desktop session, e.g. over ssh or in CI" >&2
  exit 1
fi
if [ ! -d "$runtime_dir" ]; then
  as_root mkdir -p "$runtime_dir"
  as_root chown "$(id -u):$(id -g)" "$runtime_dir"
  made_runtime_dir=1
fi
chmod 700 "$runtime_dir"
status=0
XDG_RUNTIME_DIR=$runtime_dir LD_CHECK_OUT=$out LD_APP_ID=$APP_ID LD_MANIFEST=$src/$manifest \
  dbus-run-session -- sh flatpak/check-installed.sh || status=$?
# The document portal's FUSE mount goes with the bus; unmount it should it linger, and never
# delete through it.
if mountpoint -q "$runtime_dir/doc" 2>/dev/null; then
  fusermount3 -u "$runtime_dir/doc" 2>/dev/null || fusermount -u "$runtime_dir/doc" 2>/dev/null || true
fi
if [ -n "$made_runtime_dir" ] && ! mountpoint -q "$runtime_dir/doc" 2>/dev/null; then
  as_root rm -rf --one-file-system "$runtime_dir" 2>/dev/null || true
fi
[ "$status" -eq 0 ] || exit "$status"

stage=done
echo "flatpak/check-local.sh: in $(( $(date +%s) - started )) s, the Flatpak built, installed and passed every check in its sandbox"
echo "  screenshot: $out/sandbox-window.png   bundle: $out/license-dashboard.flatpak"
