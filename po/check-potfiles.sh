#!/bin/sh
# check-potfiles.sh SOURCE_ROOT — every file with translatable text is in
# po/POTFILES.in, so none of it is left out of the translations.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
cd "$1"
status=0
for file in $(grep -lE '(^|[^A-Za-z0-9_])(N?C?_|g_dn?gettext|g_dpgettext2|ngettext)[[:space:]]*\(' $(find src -name '*.c' | sort) 2>/dev/null) \
            $(grep -l 'translatable="yes"' $(find ui -name '*.ui' | sort) 2>/dev/null); do
  if ! grep -qx "$file" po/POTFILES.in; then
    echo "$file has translatable text but is not in po/POTFILES.in"
    status=1
  fi
done
for file in $(grep -v '^#' po/POTFILES.in); do
  if [ ! -f "$file" ]; then
    echo "po/POTFILES.in names $file, which does not exist"
    status=1
  fi
done
exit $status
