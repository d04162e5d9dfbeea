/* test-sync-summary.c — what the sidebar says about sharing, state by state
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <gtk/gtk.h>

#include "icat-sync-summary.h"
#include "icat-test-util.h"

/* A status as icat_sync_status () gives it, in a group whose folder is
 * the test's temporary folder. */
static IcatSyncStatus *
status_new (const char *folder)
{
  IcatSyncStatus *status = g_new0 (IcatSyncStatus, 1);

  status->group_id = g_strdup ("group");
  status->folder = g_strdup (folder);
  status->laptops = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_sync_laptop_free);
  status->refused = g_ptr_array_new_with_free_func (g_free);
  status->waiting = g_ptr_array_new_with_free_func (g_free);
  return status;
}

static void
add_laptop (IcatSyncStatus *status,
            const char     *name,
            const char     *last_change_at,
            gboolean        is_self)
{
  IcatSyncLaptop *laptop = g_new0 (IcatSyncLaptop, 1);

  laptop->device_id = g_strdup ("6ba7b810-9dad-11d1-80b4-00c04fd430c8");
  laptop->name = g_strdup (name);
  laptop->last_change_at = g_strdup (last_change_at);
  laptop->is_self = is_self;
  g_ptr_array_add (status->laptops, laptop);
}

typedef struct {
  char *title;
  char *subtitle;
  char *decisions;
} Texts;

static void
texts_clear (Texts *texts)
{
  g_free (texts->title);
  g_free (texts->subtitle);
  g_free (texts->decisions);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Texts, texts_clear)

static void
texts_of (Texts                *texts,
          const IcatSyncStatus *status,
          const GError         *failure)
{
  g_autoptr(IcatSyncSummary) summary = icat_sync_summary_new (status, failure);
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 ("2026-12-05T15:00:00Z", NULL);

  texts->title = icat_sync_summary_title (summary);
  texts->subtitle = icat_sync_summary_subtitle (summary, now);
  texts->decisions = icat_sync_summary_decisions (summary);
}

static void
test_not_in_group (void)
{
  g_auto(Texts) none = { 0 };
  g_autoptr(IcatSyncStatus) outside = g_new0 (IcatSyncStatus, 1);
  g_auto(Texts) texts = { 0 };

  texts_of (&none, NULL, NULL);
  texts_of (&texts, outside, NULL);
  g_assert_null (none.title);
  g_assert_null (texts.title);
  g_assert_null (texts.subtitle);
  g_assert_null (texts.decisions);
}

static void
test_states (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *gone = g_build_filename (dir, "unplugged-stick", NULL);
  g_autoptr(IcatSyncStatus) status = status_new (dir);
  g_autoptr(GError) failure = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "No space left on device");

  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.title, ==, "All changes shared");
    g_assert_cmpstr (texts.subtitle, ==, "No other laptop yet");
    g_assert_null (texts.decisions);
  }
  status->unshared = 3;
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.title, ==, "3 changes not yet shared");
  }
  status->unshared = 1;
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.title, ==, "1 change not yet shared");
  }
  g_ptr_array_add (status->refused, g_strdup ("a.icatsync: another group"));
  g_ptr_array_add (status->refused, g_strdup ("b.icatsync: tampered with"));
  status->open_conflicts = 2;
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    /* Refused files come before changes waiting here. */
    g_assert_cmpstr (texts.title, ==, "2 files refused");
    g_assert_cmpstr (texts.decisions, ==, "Needs your decision (2)");
  }
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, failure);
    g_assert_cmpstr (texts.title, ==, "Changes could not be shared");
    g_assert_cmpstr (texts.subtitle, ==, "No space left on device");
  }
  g_free (status->folder);
  status->folder = g_strdup (gone);
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, failure);
    /* A folder gone says so first, whatever else. */
    g_assert_cmpstr (texts.title, ==, "Sync folder not reachable");
  }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

static void
test_last_from (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatSyncStatus) status = status_new (dir);

  add_laptop (status, "This laptop", "2026-12-05T14:59:00Z", TRUE);
  add_laptop (status, "UNODC Vienna laptop", "2026-12-04T09:15:00Z", FALSE);
  add_laptop (status, "Amina's laptop", "2026-12-05T10:42:00Z", FALSE);
  {
    g_auto(Texts) texts = { 0 };

    /* The newest change of another laptop; this one's own never counts. */
    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.subtitle, ==, "Last from Amina's laptop 10:42");
  }
  g_ptr_array_remove_index (status->laptops, 2);
  {
    g_auto(Texts) texts = { 0 };

    /* Not today: the day too. */
    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.subtitle, ==, "Last from UNODC Vienna laptop 4 Dec 09:15");
  }
  g_free (((IcatSyncLaptop *) status->laptops->pdata[1])->name);
  ((IcatSyncLaptop *) status->laptops->pdata[1])->name = NULL;
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.subtitle, ==, "Last from laptop 6ba7b810 4 Dec 09:15");
  }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

/* Laptops that joined and sent nothing yet are there, as the Sharing
 * window lists them: the sidebar counts them, in the plural it needs. */
static void
test_nothing_received (void)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autoptr(IcatSyncStatus) status = status_new (dir);

  add_laptop (status, "This laptop", "2026-12-05T14:59:00Z", TRUE);
  {
    g_auto(Texts) texts = { 0 };

    /* This laptop's own changes never make another laptop. */
    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.subtitle, ==, "No other laptop yet");
  }
  add_laptop (status, "UNODC Vienna laptop", NULL, FALSE);
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.subtitle, ==, "1 other laptop, nothing received yet");
  }
  add_laptop (status, "Amina's laptop", NULL, FALSE);
  {
    g_auto(Texts) texts = { 0 };

    texts_of (&texts, status, NULL);
    g_assert_cmpstr (texts.subtitle, ==, "2 other laptops, nothing received yet");
  }
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);
  gtk_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sync-summary/not-in-group", test_not_in_group);
  g_test_add_func ("/sync-summary/states", test_states);
  g_test_add_func ("/sync-summary/last-from", test_last_from);
  g_test_add_func ("/sync-summary/nothing-received", test_nothing_received);

  return g_test_run ();
}
