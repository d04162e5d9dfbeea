/* icat-seed.h — the built-in data: loading it and bringing its corrections
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "icat-db.h"
#include "icat-store.h"

G_BEGIN_DECLS

/* The sync_setting key naming the revision of the built-in data a database
 * holds: the newest updated_at of the seed that last filled or corrected it. */
#define ICAT_SEED_REVISION_KEY "seed_revision"

/* The revision of every database set up before the key existed. */
#define ICAT_SEED_FIRST_REVISION "2026-01-01T00:00:00.000Z"

/* The revision of data/seed/icat.json: the newest updated_at in it (a
 * test checks that they agree). A constant, so that opening a current
 * database reads no JSON. */
#define ICAT_SEED_REVISION "2026-12-07T00:00:00.000Z"

/* Fills a new database with the built-in data (an IcatDbSeedFunc). */
gboolean   icat_seed_load             (IcatDb     *db,
                                       gpointer    user_data,
                                       GError    **error);
/* The group's own name (the seed's top-level "group"), in the user's
 * language as icat_localized_pick () chooses it. */
const char *icat_seed_group_name      (void);
/* "Inter-Agency Coordination Group against Trafficking in Persons (ICAT)"
 * in the user's language: how documents name their author. */
char       *icat_seed_group_heading   (void);
/* The revision of the built-in data compiled in: ICAT_SEED_REVISION. */
const char *icat_seed_revision        (void);
/* Brings the corrections of a newer built-in data to the built-in records
 * nobody has edited or deleted, and its new records, as one journaled
 * write; once per database. */
gboolean   icat_seed_upgrade          (IcatStore  *store,
                                       GError    **error);
/* The built-in records that differ from the built-in data compiled in,
 * one sentence each, for `check`. */
GPtrArray *icat_seed_differences      (IcatDb     *db,
                                       GError    **error);

G_END_DECLS
