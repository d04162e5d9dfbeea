#!/bin/sh
# test-install.sh BUILD_DIR BINDIR DATADIR VERSION — `meson install` into
# a temporary DESTDIR, then both installed programs run from there with no
# variable pointing them at their data: the CLI exports and writes a work
# plan and a report, in English and in Chinese, each naming meson.build's
# VERSION; the app shows its first frame.
#
# Copyright 2026 ICAT Tracker developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

build=$1 bindir=$2 datadir=$3 meson_version=$4
app_id=org.icattracker.Tracker
tmp=$(mktemp -d "${TMPDIR:-/tmp}/icat-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
root=$tmp/root
mkdir -p "$tmp/home" "$tmp/runtime"
chmod 700 "$tmp/runtime"

fail() { echo "not ok: $*" >&2; exit 1; }

meson install -C "$build" --no-rebuild --quiet --destdir "$root" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; fail "meson install"; }
# meson leaves the schema to the system's trigger when DESTDIR is set, as
# Debian's libglib2.0-0 compiles /usr/share/glib-2.0/schemas on install.
glib-compile-schemas --strict "$root$datadir/glib-2.0/schemas"

for file in "$bindir/icat-tracker" "$bindir/icat-tracker-cli" \
            "$datadir/applications/$app_id.desktop" "$datadir/metainfo/$app_id.metainfo.xml" \
            "$datadir/icons/hicolor/scalable/apps/$app_id.svg" \
            "$datadir/icons/hicolor/symbolic/apps/$app_id-symbolic.svg" \
            "$datadir/locale/zh_CN/LC_MESSAGES/icat-tracker.mo" \
            "$datadir/man/man1/icat-tracker.1" "$datadir/man/man1/icat-tracker-cli.1"; do
  [ -f "$root$file" ] || fail "$file is not installed"
done
desktop-file-validate "$root$datadir/applications/$app_id.desktop"
appstreamcli validate --no-net "$root$datadir/metainfo/$app_id.metainfo.xml" >"$tmp/appstream.log" 2>&1 ||
  { cat "$tmp/appstream.log" >&2; fail "appstreamcli validate"; }

# Nothing of the build tree's environment: only what any session has.
clean() {
  env -i HOME="$tmp/home" XDG_RUNTIME_DIR="$tmp/runtime" PATH=/usr/bin:/bin LANG=C.UTF-8 TZ=UTC "$@"
}
cli=$root$bindir/icat-tracker-cli
db=$tmp/data.db

[ "$(clean "$cli" --version)" = "icat-tracker-cli $meson_version" ] || fail "icat-tracker-cli --version"
[ "$(clean "$root$bindir/icat-tracker" --version)" = "icat-tracker $meson_version" ] || fail "icat-tracker --version"

clean "$cli" demo --years 1 --meetings 4 --items 30 -o "$tmp/demo.json"
clean "$cli" -d "$db" import "$tmp/demo.json" >/dev/null
clean "$cli" -d "$db" export --format json -o "$tmp/export.json"
grep -q '"format" : "icat-tracker"' "$tmp/export.json" || fail "the export is no exchange document"
clean "$cli" -d "$db" workplan --year 2025 -o "$tmp/plan.pdf"
pdfinfo "$tmp/plan.pdf" | grep -qx "Creator: *ICAT Tracker $meson_version" || fail "the PDF's creator is not ICAT Tracker $meson_version"
clean "$cli" -d "$db" report coverage --year 2025 -o "$tmp/coverage.odt"
python3 -c 'import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read("meta.xml").decode())' "$tmp/coverage.odt" |
  grep -qF "<meta:generator>ICAT Tracker/$meson_version</meta:generator>" || fail "the report's generator is not ICAT Tracker/$meson_version"

# The translations come from the installed tree.
clean env LANGUAGE=zh_CN "$cli" --help | grep -q '命令' || fail "the CLI does not speak Chinese"

# The app finds its schema and shows its window (Xvfb from the test run).
# A session bus of its own: dconf, started on it, keeps the settings in
# the temporary home.
[ -n "${DISPLAY:-}" ] || fail "no display"
clean env DISPLAY="$DISPLAY" XAUTHORITY="${XAUTHORITY:-}" GTK_A11Y=none G_DEBUG=fatal-criticals \
  dbus-run-session -- \
  timeout 120 "$root$bindir/icat-tracker" --database "$tmp/app.db" --exit-after-first-frame ||
  fail "the installed app did not show its window"
[ -f "$tmp/app.db" ] || fail "the app opened no database"
echo "ok: installed into $root and ran"
