#!/bin/sh
# test-po.sh PO_DIR — `msgfmt --check` on every translation, and every language in LINGUAS
# must have its .po (and every .po must be listed, or it would never be installed).
# With no translations yet there is nothing to check, and that passes.
set -eu

podir=${1:?usage: test-po.sh PO_DIR}
msgfmt=${MSGFMT:-msgfmt}
if ! command -v "$msgfmt" >/dev/null 2>&1; then
  echo "SKIP: msgfmt (gettext) is not installed" >&2
  exit 77
fi

failures=0
checked=0
for po in "$podir"/*.po; do
  [ -e "$po" ] || continue
  checked=$((checked + 1))
  if "$msgfmt" --check --statistics -o /dev/null "$po"; then
    echo "ok: $(basename "$po")"
  else
    echo "FAIL: $(basename "$po") does not pass msgfmt --check" >&2
    failures=$((failures + 1))
  fi
done

languages=$(sed -e 's/#.*//' "$podir/LINGUAS" 2>/dev/null | tr -s ' \t' '\n\n' | sed '/^$/d')
for lang in $languages; do
  if [ ! -f "$podir/$lang.po" ]; then
    echo "FAIL: po/LINGUAS lists $lang but po/$lang.po does not exist" >&2
    failures=$((failures + 1))
  fi
done
for po in "$podir"/*.po; do
  [ -e "$po" ] || continue
  lang=$(basename "$po" .po)
  if ! printf '%s\n' $languages | grep -qx "$lang"; then
    echo "FAIL: po/$lang.po is not listed in po/LINGUAS, so it would not be installed" >&2
    failures=$((failures + 1))
  fi
done

[ "$checked" -gt 0 ] || echo "note: no .po files yet, nothing to check"
[ "$failures" -eq 0 ]
