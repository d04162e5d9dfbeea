#!/bin/sh
# check-man-pages.sh APP CLI MAN_DIR — every option the programs' --help
# lists, every command's and subcommand's too, is in the manual page, in
# bold as scdoc writes an option (*--year*), and so is every command.
#
# Copyright 2026 ICAT Tracker developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -u

app=$1 cli=$2 man_dir=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/icat-man.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
export ICAT_TRACKER_DB="$tmp/help.db" LANGUAGE=C LC_ALL=C.UTF-8
missing=0 checked=0

# The options of one --help: "  -d, --database=PATH  …" gives -d and --database.
options_of() {
  grep -E '^ +-' | sed -E 's/^ +//; s/  .*//; s/=[^ ,]*//g' | tr ',' '\n' | sed -E 's/^ +//; s/ .*//' | grep -E '^-'
}

# The commands a --help lists under "Commands:" (or a report's list).
commands_of() {
  sed -n '/^Commands:/,/^$/p; /^Usage: icat-tracker-cli report/,/^$/p' | grep -E '^  [a-z]' | awk '{ print $1 }'
}

check_help() {
  page=$1; shift
  help=$("$@" --help 2>&1) || { echo "not ok: $* --help failed" >&2; missing=$((missing + 1)); return; }
  for option in $(printf '%s\n' "$help" | options_of); do
    checked=$((checked + 1))
    if ! grep -qF -- "*$option*" "$man_dir/$page.scd"; then
      echo "not ok: $page does not document $option of “$* --help”" >&2
      missing=$((missing + 1))
    fi
  done
}

check_command() {
  checked=$((checked + 1))
  if ! grep -qE "^## $1\$|^\\*$2\\*" "$man_dir/icat-tracker-cli.1.scd"; then
    echo "not ok: icat-tracker-cli.1 does not document the command “$2”" >&2
    missing=$((missing + 1))
  fi
}

check_help icat-tracker.1 "$app"
check_help icat-tracker-cli.1 "$cli"
for command in $("$cli" --help 2>&1 | commands_of); do
  check_command "$command" "$command"
  check_help icat-tracker-cli.1 "$cli" "$command"
  for sub in $("$cli" "$command" --help 2>&1 | commands_of); do
    check_command "-" "$command $sub"
    check_help icat-tracker-cli.1 "$cli" "$command" "$sub"
  done
done

[ "$checked" -gt 20 ] || { echo "not ok: only $checked options and commands found in --help" >&2; exit 1; }
[ "$missing" -eq 0 ] || exit 1
echo "ok: $checked options and commands documented"
