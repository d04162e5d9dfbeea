#!/bin/sh
# check-translations.sh SOURCE_ROOT LANGUAGE — the translation has every
# message the sources have today, none of them fuzzy. The template is
# extracted afresh, as `ninja icat-tracker-update-po` would, so a string
# added without updating the translation fails here.
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu
root=$1
language=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

xgettext --from-code=UTF-8 --add-comments --directory="$root" --files-from="$root/po/POTFILES.in" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --output="$work/template.pot"
msgmerge --quiet --no-fuzzy-matching "$root/po/$language.po" "$work/template.pot" --output-file="$work/merged.po"
msgattrib --untranslated --no-obsolete "$work/merged.po" --output-file="$work/untranslated.po"
msgattrib --only-fuzzy --no-obsolete "$work/merged.po" --output-file="$work/fuzzy.po"
status=0
for kind in untranslated fuzzy; do
  # msgattrib writes nothing when no message is left.
  if [ -s "$work/$kind.po" ]; then
    echo "po/$language.po has $kind messages:"
    grep '^msgid' "$work/$kind.po" | grep -v '^msgid ""$'
    status=1
  fi
done
# The header says the language and its plural forms: without Plural-Forms,
# gettext falls back to English plurals ("3 one activity" in Arabic).
for field in Language Plural-Forms; do
  if ! grep -q "^\"$field: " "$root/po/$language.po"; then
    echo "po/$language.po has no $field in its header"
    status=1
  fi
done
exit $status
