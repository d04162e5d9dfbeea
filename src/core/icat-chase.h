/* icat-chase.h — the chasing e-mail: an agency asked about its overdue items
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "icat-store.h"

G_BEGIN_DECLS

/* A letter lists this many items at most, oldest first: enough to chase,
 * short enough for any mail program's mailto: limits. */
#define ICAT_CHASE_MAX_ITEMS 40

/* The letter, in the user's language; lines end in "\r\n" as mail wants. */
typedef struct {
  GStrv  recipients;   /* the focal points' addresses, as stored; may be empty */
  char  *subject;
  char  *body;
  guint  n_overdue;    /* the items overdue, listed or not: 0 is no letter to send */
} IcatChase;

/* The letter to the agency's focal points about its action items overdue
 * on today ("YYYY-MM-DD"): open, blocked or in progress and due before
 * today, oldest first. NULL if there is no such agency. */
IcatChase *icat_chase_new  (IcatStore  *store,
                            const char *agency_id,
                            const char *today);
void       icat_chase_free (IcatChase  *chase);
/* How many of the agency's action items icat_chase_new () would chase on
 * today, found in SQL as the letter's list is (ids only, no record read).
 * 0 for agency_id NULL. */
guint      icat_chase_count_overdue (IcatStore  *store,
                                     const char *agency_id,
                                     const char *today);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatChase, icat_chase_free)

G_END_DECLS
