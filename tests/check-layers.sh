#!/bin/sh
# The layers' boundaries, read from the built libraries: what each one leaves undefined
# (nm -u) is what it calls in others. The model and the charts, and the command line on
# top of them, must call nothing of GTK, GDK, libadwaita or libshumate — that is what
# lets --export run without a display — and the model nothing of cairo or pango either.
# The UI library is checked the other way round, so a broken nm cannot pass silently.
#
# usage: check-layers.sh NM LAYER=LIBRARY…   (LAYER: model, charts, cli or ui)
set -eu
nm=$1
shift

gtk='(gtk|gdk|gsk|adw|shumate)_'
status=0

for arg in "$@"; do
  layer=${arg%%=*}
  lib=${arg#*=}
  undefined=$("$nm" -u "$lib" | awk '$1 == "U" { print $2 }' | sort -u)
  if [ -z "$undefined" ]; then
    echo "$layer: nm found no undefined symbols in $lib"
    status=1
    continue
  fi
  case $layer in
    model) forbidden="^($gtk|cairo_|pango_)" ;;
    charts|cli) forbidden="^$gtk" ;;
    ui)
      if printf '%s\n' "$undefined" | grep -Eq "^$gtk"; then
        echo "ui: calls GTK, as it should ($lib)"
      else
        echo "ui: no GTK call seen in $lib: is nm reading it?"
        status=1
      fi
      continue
      ;;
    *) echo "unknown layer $layer"; exit 2 ;;
  esac
  found=$(printf '%s\n' "$undefined" | grep -E "$forbidden" || true)
  if [ -n "$found" ]; then
    echo "$layer: $lib calls across its boundary:"
    printf '  %s\n' $found
    status=1
  else
    echo "$layer: $(printf '%s\n' "$undefined" | wc -l) undefined symbols, none beyond its layer"
  fi
done
exit $status
