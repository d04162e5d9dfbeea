#!/bin/sh
# check-version.sh SOURCE_DIR VERSION — meson.build's version is the one
# debian/changelog, NEWS and the AppStream releases carry.
#
# Copyright 2026 ICAT Tracker developers
# SPDX-License-Identifier: GPL-3.0-or-later
set -eu

top=$1 version=$2
status=0

# "icat-tracker (0.1.0-1) unstable; urgency=medium": the upstream part.
changelog=$(sed -n '1s/^icat-tracker (\([^)]*\)).*/\1/p' "$top/debian/changelog")
if [ "${changelog%-*}" != "$version" ]; then
  echo "not ok: debian/changelog says ${changelog:-nothing}, meson.build $version" >&2
  status=1
fi
news=$(sed -n '1s/^Version \([^ ]*\).*/\1/p' "$top/NEWS")
if [ "$news" != "$version" ]; then
  echo "not ok: NEWS starts with ${news:-no version}, meson.build says $version" >&2
  status=1
fi
release=$(grep -o '<release version="[^"]*"' "$top/data/org.icattracker.Tracker.metainfo.xml.in.in" | head -n 1 | cut -d'"' -f2)
if [ "$release" != "$version" ]; then
  echo "not ok: the metainfo's newest release is $release, meson.build says $version" >&2
  status=1
fi
[ "$status" -eq 0 ] && echo "ok: version $version everywhere"
exit "$status"
