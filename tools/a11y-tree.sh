#!/bin/sh
# Prints what a screen reader sees of the app on the sample report (the AT-SPI tree),
# and counts interactive objects without a name. Needs at-spi2-core, python3-pyatspi,
# dbus and xvfb. Run from the source tree after building into ./build:
#   tools/a11y-tree.sh > a11y.txt
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
exec dbus-run-session -- xvfb-run -a -s "-screen 0 1600x1000x24" sh -c "
  export GTK_A11Y=atspi GSETTINGS_SCHEMA_DIR='$here/build/data' GSETTINGS_BACKEND=memory
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  '$here/build/license-dashboard' --sample 2>/dev/null &
  pid=\$!
  sleep 5
  /usr/bin/python3 '$here/tools/a11y-tree.py'
  kill \$pid"
