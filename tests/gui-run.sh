#!/bin/sh
# gui-run.sh PROGRAM [ARG…] — runs one GUI test on an X display and a D-Bus session of its own.
#
# Each GUI test gets its own Xvfb (the server picks a free display itself, -displayfd, so
# tests started in parallel never race for one) and its own session bus (dbus-run-session),
# through which GTK reaches an accessibility bus that at-spi2-core starts for that display
# alone. So neither the caller's session nor another test running beside it changes the
# outcome, and a fresh machine with no session at all runs it the same way.
# Exits 77 (skip) with the package to install when Xvfb or dbus-run-session is missing.
set -eu

for tool in Xvfb:xvfb dbus-run-session:dbus-daemon; do
  if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
    echo "1..0 # SKIP ${tool%%:*} is not installed (apt install ${tool#*:})"
    exit 77
  fi
done

dir=$(mktemp -d "${TMPDIR:-/tmp}/ld-gui-test.XXXXXX")
xpid=
# The test's own status stands whatever the cleaning up meets.
cleanup () {
  status=$?
  [ -n "$xpid" ] && kill "$xpid" 2>/dev/null && wait "$xpid" 2>/dev/null
  # Where xdg-desktop-portal is installed (flatpak brings it), the bus may start the
  # document portal, which mounts a FUSE file system in the runtime directory.
  # Its process may have died with the bus, leaving the mount behind, so look in the
  # mount table rather than at the directory.
  for mnt in $(awk -v d="$dir/" 'index($2, d) == 1 { print $2 }' /proc/mounts 2>/dev/null); do
    fusermount3 -u -z "$mnt" 2>/dev/null || fusermount -u -z "$mnt" 2>/dev/null ||
      umount -l "$mnt" 2>/dev/null || true
  done
  rm -rf "$dir" 2>/dev/null || echo "gui-run.sh: could not remove $dir" >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkfifo "$dir/display"
# Unix socket only, no access control: a throwaway server for this one test.
# -noreset: without it the server resets when its last client leaves, and a client that
# connects during the reset (a test that checked the display with one client, then starts
# the program) is refused: "cannot open display".
Xvfb -displayfd 3 -screen 0 "${LD_TEST_SCREEN:-1600x1000x24}" -nolisten tcp -ac -noreset \
  3>"$dir/display" >"$dir/xvfb.log" 2>&1 &
xpid=$!
read -r number <"$dir/display" || true
if [ -z "${number:-}" ]; then
  echo "gui-run.sh: Xvfb did not start:" >&2
  cat "$dir/xvfb.log" >&2
  exit 1
fi

DISPLAY=:$number
export DISPLAY
unset WAYLAND_DISPLAY
# The at-spi bus launcher keeps its socket under XDG_RUNTIME_DIR (or ~/.cache) by display
# number: a directory of this test's own keeps even a reused number apart.
XDG_RUNTIME_DIR=$dir/runtime
mkdir -m 700 "$XDG_RUNTIME_DIR"
export XDG_RUNTIME_DIR

# The bus and the services it starts (at-spi's registry greets on its standard output) write
# to standard error; only the test itself writes to standard output, which is its TAP stream.
dbus-run-session -- sh -c 'exec "$@" >&3 3>&-' gui-test "$@" 3>&1 >&2
