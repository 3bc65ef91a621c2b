#!/bin/sh
# test-flatpak-permissions.sh CHECKER MANIFEST — check-flatpak-permissions.py, which
# flatpak/check-local.sh uses on the installed app, accepts flatpak's record of exactly the
# manifest's finish-args and rejects one that grants more or less.
set -eu
checker=$1; manifest=$2
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ld-perms-XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# What `flatpak info --show-permissions` prints for the manifest's finish-args (flatpak 1.14
# records --socket=fallback-x11 as x11 and fallback-x11).
cat > "$tmp/exact" <<'KF'
[Context]
shared=network;ipc;
sockets=x11;wayland;fallback-x11;
devices=dri;
KF
python3 "$checker" "$manifest" "$tmp/exact" >/dev/null ||
  { echo "FAIL: exactly the manifest's permissions were rejected" >&2; exit 1; }

# expect_rejected NAME: the key file $tmp/NAME must fail the check.
expect_rejected () {
  if python3 "$checker" "$manifest" "$tmp/$1" >/dev/null 2>&1; then
    echo "FAIL: permissions '$1' were accepted" >&2; exit 1
  fi
}
sed 's/^devices=dri;/devices=dri;\nfilesystems=home;/' "$tmp/exact" > "$tmp/home"
expect_rejected home
sed 's/^shared=network;ipc;/shared=ipc;/' "$tmp/exact" > "$tmp/no-network"
expect_rejected no-network
printf '[Session Bus Policy]\norg.freedesktop.Flatpak=talk\n' | cat "$tmp/exact" - > "$tmp/talk"
expect_rejected talk
printf '[Context]\nshared=network;ipc;\nsockets=x11;wayland;\ndevices=dri;\n' > "$tmp/x11-always"
expect_rejected x11-always
echo "PASS: the permissions check accepts the manifest's sandbox and rejects wider or narrower ones"
