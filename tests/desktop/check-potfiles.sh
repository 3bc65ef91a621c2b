#!/bin/sh
# Every source file with a translatable string is listed in po/POTFILES.in, and every
# listed file exists: otherwise its strings silently never reach the translators.
# usage: check-potfiles.sh SOURCE_ROOT
set -eu
cd "$1"
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "po/POTFILES.in lists $f, which does not exist"
    status=1
  fi
done

for f in $(grep -l -E '(^|[^A-Za-z0-9_])(N?_|g_dngettext|ngettext|C_|NC_)\(' src/*/*.c src/*.c 2>/dev/null) \
         $(grep -l 'translatable="yes"' data/ui/*.ui data/gtk/*.ui 2>/dev/null) \
         data/*.desktop.in data/*.metainfo.xml.in data/*.gschema.xml; do
  if ! printf '%s\n' $listed | grep -qx "$f"; then
    echo "$f has translatable strings but is missing from po/POTFILES.in"
    status=1
  fi
done

[ $status = 0 ] && echo "po/POTFILES.in lists every file with translatable strings"
exit $status
