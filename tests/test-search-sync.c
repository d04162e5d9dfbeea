/* test-search-sync.c — search finds what another laptop changed
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The search indexes are derived on each laptop from its own records:
 * they never travel as changes, and what a laptop applies from another is
 * indexed there, in both indexes.
 */
#include "config.h"

#include "icat-fields.h"
#include "icat-store-private.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

static gboolean
finds (IcatStore  *store,
       const char *text,
       const char *id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = icat_store_search (store, text, 50, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < hits->len; i++)
    if (g_strcmp0 (((IcatSearchHit *) hits->pdata[i])->id, id) == 0)
      return TRUE;
  return FALSE;
}

static void
deliver (IcatTestGroup *group)
{
  icat_test_group_run (group, 0, NULL);
  icat_test_group_run (group, 1, NULL);
}

static void
test_incoming_change (void)
{
  g_autoptr(IcatTestGroup) group = icat_test_group_new (2);
  IcatStore *here = group->laptops[0];
  IcatStore *there = group->laptops[1];
  g_autofree char *id = icat_test_sync_add_item (here, "Survey of Xj venues for 会议");

  g_assert_false (finds (there, "xj", id));
  deliver (group);
  /* One and two characters, Latin and Chinese, and a long term beside. */
  g_assert_true (finds (there, "xj", id));
  g_assert_true (finds (there, "j", id));
  g_assert_true (finds (there, "会议", id));
  g_assert_true (finds (there, "会 venues", id));

  icat_test_sync_set_text (here, "action_item", id, ICAT_KEY_TITLE, "Map referral Qv 主席");
  deliver (group);
  g_assert_true (finds (there, "qv", id));
  g_assert_true (finds (there, "主席 referral", id));
  g_assert_false (finds (there, "xj", id));
  g_assert_false (finds (there, "会议", id));
}

static void
test_not_journaled (void)
{
  /* The records travel; the indexes, which each laptop derives, do not. */
  g_assert_true (_icat_journal_tracks_table ("action_item"));
  g_assert_false (_icat_journal_tracks_table ("search_doc"));
  g_assert_false (_icat_journal_tracks_table ("search_fts"));
  g_assert_false (_icat_journal_tracks_table ("search_short"));
  g_assert_false (_icat_journal_tracks_table ("search_short_data"));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);
  g_test_add_func ("/search/sync/incoming-change", test_incoming_change);
  g_test_add_func ("/search/sync/not-journaled", test_not_journaled);
  return g_test_run ();
}
