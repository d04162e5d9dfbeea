/* icat-demo.h — a made-up but realistic exchange document of any size
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The demo's years end with this one, whatever today is, so that one seed
 * always gives the same document. */
#define ICAT_DEMO_LAST_YEAR 2025
#define ICAT_DEMO_MAX_YEARS 100
#define ICAT_DEMO_MAX_MEETINGS 100000
#define ICAT_DEMO_MAX_ITEMS 10000000

typedef struct {
  guint   years;     /* 1..ICAT_DEMO_MAX_YEARS, ending with ICAT_DEMO_LAST_YEAR */
  guint   meetings;  /* spread evenly over the years */
  guint   items;     /* action items, due in every year alike */
  guint64 seed;      /* the same seed gives the same bytes */
} IcatDemoSize;

/* An exchange document (DESIGN.md's format, version 1, one record a line)
 * that `import` takes on a new database: meetings with agendas, minutes,
 * attendance and decisions, papers, a work plan a year and action items,
 * in English and Chinese, owned by and linked to the built-in agencies
 * and mandates by their ids. */
GBytes *icat_demo_document (const IcatDemoSize  *size,
                            GError             **error);

G_END_DECLS
