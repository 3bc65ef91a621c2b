#!/bin/sh
# test-standin-manifest.sh SOURCE_ROOT APP_ID — flatpak/standin-manifest.py turns the real
# manifest into the one flatpak/check-local.sh builds: runtime and SDK swapped, libcsv and
# libshumate left out, and every other key and module exactly as in the real one. It refuses
# to drop a module the manifest does not have, and to write where relative paths would move.
set -eu

root=$1; app_id=$2
real=$root/flatpak/$app_id.json
tmp=$(mktemp -d "${TMPDIR:-/tmp}/ld-standin-XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp "$real" "$tmp/real.json"

python3 "$root/flatpak/standin-manifest.py" "$tmp/real.json" "$tmp/standin.json" \
  --runtime org.example.Platform --sdk org.example.Sdk --runtime-version 12 \
  --drop libcsv --drop libshumate

# An independent reading of both files: only the promised edits, nothing else.
python3 - "$tmp/real.json" "$tmp/standin.json" <<'PY'
import json, sys
real = json.load(open(sys.argv[1]))
standin = json.load(open(sys.argv[2]))
problems = []
want = {"runtime": "org.example.Platform", "sdk": "org.example.Sdk", "runtime-version": "12"}
for key, value in want.items():
    if standin.get(key) != value:
        problems.append(f"{key} is {standin.get(key)!r}, not {value!r}")
    if real.get(key) == value:
        problems.append(f"the real manifest already has {key} {value!r}: the test proves nothing")
for key in set(real) | set(standin):
    if key not in want and key != "modules" and real.get(key) != standin.get(key):
        problems.append(f"{key} changed")
real_names = [m["name"] for m in real["modules"]]
names = [m["name"] for m in standin["modules"]]
if names != [n for n in real_names if n not in ("libcsv", "libshumate")] or "libcsv" not in real_names:
    problems.append(f"modules {names} from {real_names}")
for m in standin["modules"]:
    if m != next(r for r in real["modules"] if r["name"] == m["name"]):
        problems.append(f"module {m['name']} changed")
for p in problems:
    print(f"FAIL: {p}", file=sys.stderr)
sys.exit(1 if problems else 0)
PY

status=0
python3 "$root/flatpak/standin-manifest.py" "$tmp/real.json" "$tmp/bad.json" \
  --runtime a.B --sdk a.C --runtime-version 1 --drop no-such-module 2>/dev/null || status=$?
[ "$status" -eq 1 ] || { echo "FAIL: dropping a module the manifest lacks exits $status, not 1" >&2; exit 1; }
[ ! -e "$tmp/bad.json" ] || { echo "FAIL: a refused manifest was written anyway" >&2; exit 1; }

mkdir "$tmp/elsewhere"
status=0
python3 "$root/flatpak/standin-manifest.py" "$tmp/real.json" "$tmp/elsewhere/standin.json" \
  --runtime a.B --sdk a.C --runtime-version 1 2>/dev/null || status=$?
[ "$status" -eq 2 ] || { echo "FAIL: writing beside another directory exits $status, not 2" >&2; exit 1; }

echo "PASS: the stand-in manifest is the real one with only the runtime, SDK and carried modules changed"
