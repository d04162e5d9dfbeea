/* test-sync-security.c — only the group's own, intact, rightly placed files are applied
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Laptop A makes a real change file; the test damages or moves it as a
 * careless transport or an outsider could; laptop B then runs. B's records
 * must not change, the file must be counted and listed with a reason that
 * names the problem, and A's later good files must wait behind it rather
 * than be applied out of order. Laptop C stays idle: its folder is a place
 * to replay A's files into, and its state keeps A from pruning them.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "icat-db.h"
#include "icat-error.h"
#include "icat-sync-folder.h"
#include "icat-test-sync.h"
#include "icat-test-util.h"

enum { A, B, C };

typedef struct {
  IcatTestGroup *group;
  char          *before;   /* B's export before the damaged file */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->group = icat_test_group_new (3);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_pointer (&fixture->before, g_free);
  g_clear_pointer (&fixture->group, icat_test_group_free);
}

/* A saves a change and publishes it; returns the number of its file. */
static gint64
publish_change (Fixture    *fixture,
                const char *title)
{
  g_autofree char *id = icat_test_sync_add_item (fixture->group->laptops[A], title);
  IcatSyncReport report;

  icat_test_group_run (fixture->group, A, &report);
  g_assert_cmpuint (report.published_changes, ==, 1);
  return icat_test_group_last_file (fixture->group, A);
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static void
write_bytes (const char   *path,
             const guint8 *data,
             gsize         length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, (const char *) data, length, &error));
  g_assert_no_error (error);
}

static gboolean
list_has (GPtrArray  *lines,
          const char *path,
          const char *reason)
{
  for (guint i = 0; i < lines->len; i++)
    if (strstr (lines->pdata[i], path) != NULL && strstr (lines->pdata[i], reason) != NULL)
      return TRUE;
  return FALSE;
}

static IcatSyncStatus *
status_of (Fixture *fixture,
           guint    laptop)
{
  g_autoptr(GError) error = NULL;
  IcatSyncStatus *status = icat_sync_status (fixture->group->laptops[laptop], &error);

  g_assert_no_error (error);
  g_assert_nonnull (status);
  return status;
}

/* B runs over a bad file at path: nothing applied, the file counted and
 * listed with a reason (a refused one, or one kept for a newer version). */
static void
assert_held_back (Fixture    *fixture,
                  const char *path,
                  gboolean    refused,
                  const char *reason)
{
  g_autofree char *after = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;
  IcatSyncReport report;

  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 0);
  g_assert_cmpuint (report.refused_files, ==, refused ? 1 : 0);
  g_assert_cmpuint (report.waiting_files, ==, refused ? 0 : 1);
  after = icat_test_export (fixture->group->laptops[B]);
  g_assert_cmpstr (after, ==, fixture->before);
  status = status_of (fixture, B);
  g_assert_cmpuint (status->refused->len, ==, refused ? 1 : 0);
  g_assert_cmpuint (status->waiting->len, ==, refused ? 0 : 1);
  if (!list_has (refused ? status->refused : status->waiting, path, reason))
    g_error ("%s is not listed with “%s”", path, reason);
}

/* A publishes a good file after the bad one: it waits behind the gap. */
static void
assert_later_file_waits (Fixture *fixture)
{
  g_autofree char *after = NULL;
  IcatSyncReport report;

  publish_change (fixture, "Later change behind the bad file");
  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 0);
  g_assert_cmpuint (report.refused_files + report.waiting_files, ==, 2);
  after = icat_test_export (fixture->group->laptops[B]);
  g_assert_cmpstr (after, ==, fixture->before);
}

/* The transport delivers the good file after all: both are applied, in
 * order, and B holds what A holds. */
static void
assert_recovers (Fixture    *fixture,
                 const char *path,
                 GBytes     *good,
                 guint       applied)
{
  g_autofree char *mine = NULL;
  g_autofree char *theirs = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;
  IcatSyncReport report;

  write_bytes (path, g_bytes_get_data (good, NULL), g_bytes_get_size (good));
  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, applied);
  g_assert_cmpuint (report.applied_laptops, ==, 1);
  g_assert_cmpuint (report.refused_files, ==, 0);
  g_assert_cmpuint (report.waiting_files, ==, 0);
  mine = icat_test_export (fixture->group->laptops[B]);
  theirs = icat_test_export (fixture->group->laptops[A]);
  g_assert_cmpstr (mine, ==, theirs);
  status = status_of (fixture, B);
  g_assert_cmpuint (status->refused->len, ==, 0);
  g_assert_cmpuint (status->waiting->len, ==, 0);
}

/* A new bad file in place of A's next one; B's records as they were. */
typedef void (*Damage) (Fixture *fixture, const char *path, GBytes *good, gpointer data);

static void
check_refused (Fixture    *fixture,
               Damage      damage,
               gpointer    data,
               const char *reason)
{
  gint64 seq = publish_change (fixture, "Change that will be damaged");
  g_autofree char *path = icat_test_group_file (fixture->group, A, seq);
  g_autoptr(GBytes) good = read_bytes (path);

  g_clear_pointer (&fixture->before, g_free);
  fixture->before = icat_test_export (fixture->group->laptops[B]);
  damage (fixture, path, good, data);
  assert_held_back (fixture, path, TRUE, reason);
  assert_later_file_waits (fixture);
  assert_recovers (fixture, path, good, 2);
}

/* Tampered and truncated {{{ */

static gsize
payload_start (GBytes *file)
{
  gsize length;
  const char *data = g_bytes_get_data (file, &length);
  const char *newline = memchr (data + strlen ("ICATSYNC 1\n"), '\n', length - strlen ("ICATSYNC 1\n"));

  g_assert_nonnull (newline);
  return newline + 1 - data;
}

typedef enum { IN_HEADER, IN_PAYLOAD, IN_SIGNATURE } Where;

static void
flip_byte (Fixture    *fixture,
           const char *path,
           GBytes     *good,
           gpointer    data)
{
  Where where = GPOINTER_TO_INT (data);
  gsize length = g_bytes_get_size (good);
  g_autofree guint8 *bytes = g_memdup2 (g_bytes_get_data (good, NULL), length);
  gsize start = payload_start (good);
  gsize at = where == IN_HEADER ? start / 2 : where == IN_PAYLOAD ? start + (length - 32 - start) / 2 : length - 1;

  g_assert_cmpuint (length - 32, >, start);
  bytes[at] ^= 0x01;
  write_bytes (path, bytes, length);
}

static void
test_tampered (Fixture       *fixture,
               gconstpointer  data)
{
  for (Where where = IN_HEADER; where <= IN_SIGNATURE; where++)
    check_refused (fixture, flip_byte, GINT_TO_POINTER (where), "not signed by this group’s key: changed");
}

static void
cut_short (Fixture    *fixture,
           const char *path,
           GBytes     *good,
           gpointer    data)
{
  gsize keep = GPOINTER_TO_SIZE (data);
  gsize length = g_bytes_get_size (good);

  write_bytes (path, g_bytes_get_data (good, NULL), keep == G_MAXSIZE ? length - 1 : MIN (keep, length));
}

static void
test_truncated (Fixture       *fixture,
                gconstpointer  data)
{
  /* Cut in the signature, in the header, and before the signature could start. */
  const gsize keeps[] = { G_MAXSIZE, 60, 20, 5, 0 };

  for (guint i = 0; i < G_N_ELEMENTS (keeps); i++)
    check_refused (fixture, cut_short, GSIZE_TO_POINTER (keeps[i]), "cut short");
}

/* }}} */
/* Another group's files {{{ */

static void
copy_other_groups_file (Fixture    *fixture,
                        const char *path,
                        GBytes     *good,
                        gpointer    data)
{
  IcatTestGroup *other = data;
  g_autofree char *id = icat_test_sync_add_item (other->laptops[0], "Another group's change");
  g_autofree char *other_path = NULL;
  g_autoptr(GBytes) bytes = NULL;

  icat_test_group_run (other, 0, NULL);
  other_path = icat_test_group_file (other, 0, icat_test_group_last_file (other, 0));
  bytes = read_bytes (other_path);
  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* Signed with another group's key, yet saying all the right things. */
static void
forge_with_other_key (Fixture    *fixture,
                      const char *path,
                      GBytes     *good,
                      gpointer    data)
{
  IcatTestGroup *other = data;
  guint8 key[ICAT_SYNC_KEY_SIZE], other_key[ICAT_SYNC_KEY_SIZE];
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) forged = NULL;
  g_autoptr(GError) error = NULL;

  icat_test_group_key (fixture->group, key);
  icat_test_group_key (other, other_key);
  g_assert_true (_icat_sync_file_unpack (key, good, &header, &payload, &error));
  g_assert_no_error (error);
  forged = _icat_sync_file_pack (other_key, header, payload);
  write_bytes (path, g_bytes_get_data (forged, NULL), g_bytes_get_size (forged));
}

static void
test_other_group (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(IcatTestGroup) other = icat_test_group_new (1);

  g_assert_cmpstr (other->group_id, !=, fixture->group->group_id);
  check_refused (fixture, copy_other_groups_file, other, "not signed by this group’s key");
  check_refused (fixture, forge_with_other_key, other, "not signed by this group’s key");
}

/* }}} */
/* Replayed under another name {{{ */

static void
test_replayed_as_later_number (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 seq = publish_change (fixture, "Change applied once");
  g_autofree char *first_path = icat_test_group_file (fixture->group, A, seq);
  g_autofree char *path = NULL;
  g_autoptr(GBytes) first = read_bytes (first_path);
  g_autoptr(GBytes) good = NULL;
  IcatSyncReport report;

  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 1);
  fixture->before = icat_test_export (fixture->group->laptops[B]);

  /* The same signed bytes again, as A's next file. */
  path = icat_test_group_file (fixture->group, A, publish_change (fixture, "Change that is replaced"));
  good = read_bytes (path);
  write_bytes (path, g_bytes_get_data (first, NULL), g_bytes_get_size (first));
  assert_held_back (fixture, path, TRUE, "names another laptop, number or group");
  assert_later_file_waits (fixture);
  assert_recovers (fixture, path, good, 2);
}

static void
test_replayed_in_other_folder (Fixture       *fixture,
                               gconstpointer  data)
{
  gint64 seq = publish_change (fixture, "Change of A, copied into C's folder");
  g_autofree char *source = icat_test_group_file (fixture->group, A, seq);
  g_autofree char *path = icat_test_group_file (fixture->group, C, 1);
  g_autoptr(GBytes) bytes = read_bytes (source);
  g_autofree char *id = NULL;
  g_autofree char *mine = NULL, *theirs = NULL;
  IcatSyncReport report;

  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 1);
  fixture->before = icat_test_export (fixture->group->laptops[B]);
  g_assert_cmpint (icat_test_group_last_file (fixture->group, C), ==, 0);
  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  assert_held_back (fixture, path, TRUE, "names another laptop, number or group");

  /* C's own first file takes its place and is applied. */
  id = icat_test_sync_add_item (fixture->group->laptops[C], "C's own change");
  icat_test_group_run (fixture->group, C, &report);
  g_assert_cmpuint (report.published_changes, ==, 1);
  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 1);
  g_assert_cmpuint (report.refused_files, ==, 0);
  mine = icat_test_export (fixture->group->laptops[B]);
  theirs = icat_test_export (fixture->group->laptops[C]);
  g_assert_cmpstr (mine, ==, theirs);
}

/* }}} */
/* A newer schema {{{ */

static void
resign_with_newer_schema (Fixture    *fixture,
                          const char *path,
                          GBytes     *good,
                          gpointer    data)
{
  guint8 key[ICAT_SYNC_KEY_SIZE];
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) newer = NULL;
  g_autoptr(GError) error = NULL;

  icat_test_group_key (fixture->group, key);
  g_assert_true (_icat_sync_file_unpack (key, good, &header, &payload, &error));
  g_assert_no_error (error);
  g_assert_cmpint (json_object_get_int_member (header, "schema"), ==, ICAT_SCHEMA_VERSION);
  json_object_set_int_member (header, "schema", ICAT_SCHEMA_VERSION + 1);
  newer = _icat_sync_file_pack (key, header, payload);
  write_bytes (path, g_bytes_get_data (newer, NULL), g_bytes_get_size (newer));
}

static void
test_newer_schema (Fixture       *fixture,
                   gconstpointer  data)
{
  gint64 seq = publish_change (fixture, "Change from a newer version");
  g_autofree char *path = icat_test_group_file (fixture->group, A, seq);
  g_autoptr(GBytes) good = read_bytes (path);

  fixture->before = icat_test_export (fixture->group->laptops[B]);
  resign_with_newer_schema (fixture, path, good, NULL);
  /* Kept, not refused: an upgrade of this laptop applies it. */
  assert_held_back (fixture, path, FALSE, "newer version of ICAT Tracker");
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  assert_later_file_waits (fixture);
  assert_recovers (fixture, path, good, 2);
}

/* }}} */
/* The key file {{{ */

static void
test_loose_key (Fixture       *fixture,
                gconstpointer  data)
{
  const int loose_modes[] = { 0644, 0640, 0604, 0610 };
  g_autofree char *key_path = icat_test_group_key_path (fixture->group);
  g_autofree char *after = NULL;
  IcatSyncReport report;

  publish_change (fixture, "Change behind a loose key");
  fixture->before = icat_test_export (fixture->group->laptops[B]);
  for (guint i = 0; i < G_N_ELEMENTS (loose_modes); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (g_chmod (key_path, loose_modes[i]), ==, 0);
      g_assert_false (icat_sync_run (fixture->group->laptops[B], NULL, &report, &error));
      g_assert_error (error, ICAT_ERROR, ICAT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, key_path));
      g_assert_nonnull (strstr (error->message, "can be read by other users"));
      g_assert_cmpuint (report.applied_changes, ==, 0);
      g_clear_pointer (&after, g_free);
      after = icat_test_export (fixture->group->laptops[B]);
      g_assert_cmpstr (after, ==, fixture->before);
    }

  g_assert_cmpint (g_chmod (key_path, 0600), ==, 0);
  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 1);
}

/* }}} */
/* Seen twice, and what is not ours to read {{{ */

static void
test_seen_twice (Fixture       *fixture,
                 gconstpointer  data)
{
  gint64 seq = publish_change (fixture, "Change applied once only");
  g_autofree char *path = icat_test_group_file (fixture->group, A, seq);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autofree char *once = NULL, *twice = NULL;
  IcatSyncReport report;

  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 1);
  once = icat_test_export (fixture->group->laptops[B]);
  /* The transport delivers the same file again, then B runs again. */
  write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  for (guint i = 0; i < 2; i++)
    {
      icat_test_group_run (fixture->group, B, &report);
      g_assert_cmpuint (report.applied_changes, ==, 0);
      g_assert_cmpuint (report.new_conflicts, ==, 0);
      g_assert_cmpuint (report.refused_files, ==, 0);
      g_assert_cmpuint (report.waiting_files, ==, 0);
      g_assert_cmpuint (report.published_changes, ==, 0);
      g_clear_pointer (&twice, g_free);
      twice = icat_test_export (fixture->group->laptops[B]);
      g_assert_cmpstr (twice, ==, once);
    }
}

static void
make_stray (const char *folder,
            const char *name,
            GBytes     *contents)
{
  g_autofree char *path = g_build_filename (folder, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (parent, 0700), ==, 0);
  if (contents == NULL)
    g_assert_cmpint (g_mkdir_with_parents (path, 0700), ==, 0);
  else
    write_bytes (path, g_bytes_get_data (contents, NULL), g_bytes_get_size (contents));
}

static void
test_stray_files (Fixture       *fixture,
                  gconstpointer  data)
{
  const char *folder = fixture->group->folder;
  const char *a = icat_test_group_device (fixture->group, A);
  gint64 seq = publish_change (fixture, "The one real change");
  g_autofree char *path = icat_test_group_file (fixture->group, A, seq);
  g_autoptr(GBytes) real = read_bytes (path);
  g_autoptr(GBytes) text = g_bytes_new_static ("Bring the draft agenda.\n", 24);
  g_autofree char *mine = NULL, *theirs = NULL;
  g_autoptr(IcatSyncStatus) status = NULL;
  IcatSyncReport report;
  g_autofree char *next_tmp = g_strdup_printf ("%s/.syncthing.%" G_GINT64_FORMAT ".icatsync.tmp", a, seq + 1);
  g_autofree char *next_conflict = g_strdup_printf ("%s/%" G_GINT64_FORMAT ".sync-conflict-20261205-101010-ABCDEFG.icatsync",
                                                    a, seq + 1);
  g_autofree char *next_backup = g_strdup_printf ("%s/~%" G_GINT64_FORMAT ".icatsync", a, seq + 1);
  g_autofree char *notes = g_strdup_printf ("%s/notes.txt", a);
  g_autofree char *zero = g_strdup_printf ("%s/0.icatsync", a);
  g_autofree char *marker = g_strdup_printf ("%s/.stfolder", a);
  /* Syncthing's own entries, its conflict copies and versions, and what people leave about. */
  const struct { const char *name; GBytes *contents; } strays[] = {
    { ".stfolder", NULL },
    { ".stversions/x/1~20261205-101010.icatsync", real },
    { "notes.txt", text },
    { "not-a-device/1.icatsync", real },
    { "00000000-0000-4000-8000-FFFFFFFFFFFF/1.icatsync", real },
    { "00000000-0000-4000-8000-ffffffffffff", text },
    { next_tmp, text },
    { next_conflict, real },
    { next_backup, real },
    { notes, text },
    { zero, real },
    { marker, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (strays); i++)
    make_stray (folder, strays[i].name, strays[i].contents);

  icat_test_group_run (fixture->group, B, &report);
  g_assert_cmpuint (report.applied_changes, ==, 1);
  g_assert_cmpuint (report.refused_files, ==, 0);
  g_assert_cmpuint (report.waiting_files, ==, 0);
  status = status_of (fixture, B);
  g_assert_cmpuint (status->refused->len, ==, 0);
  g_assert_cmpuint (status->waiting->len, ==, 0);
  /* The strays made up no laptop: B knows A and C by their names, and
   * itself. */
  g_assert_cmpuint (status->laptops->len, ==, 3);
  for (guint i = 0, others = 0; i < status->laptops->len; i++)
    {
      IcatSyncLaptop *laptop = status->laptops->pdata[i];

      if (laptop->is_self)
        continue;
      g_assert_cmpstr (laptop->name, ==, others++ == 0 ? "Laptop A" : "Laptop C");
    }
  mine = icat_test_export (fixture->group->laptops[B]);
  theirs = icat_test_export (fixture->group->laptops[A]);
  g_assert_cmpstr (mine, ==, theirs);
}

/* }}} */

static gboolean
decodes (const char *passphrase,
         guint8      key[ICAT_SYNC_KEY_SIZE])
{
  g_autoptr(GError) error = NULL;
  gboolean ok = _icat_sync_passphrase_decode (passphrase, key, &error);

  g_assert_true (ok == (error == NULL));
  return ok;
}

/* Only the passphrase itself opens the group: the last letter carries
 * one bit of the key and four zeros, so a slip there is refused rather
 * than read as the same key. */
static void
test_passphrase_exact (void)
{
  guint8 key[ICAT_SYNC_KEY_SIZE], decoded[ICAT_SYNC_KEY_SIZE];
  g_autofree char *passphrase = NULL;
  g_autofree char *lower = NULL;
  g_autofree char *slipped = NULL;
  g_autofree char *longer = NULL;
  g_autofree char *shorter = NULL;
  gsize length;

  for (guint i = 0; i < ICAT_SYNC_KEY_SIZE; i++)
    key[i] = (guint8) (i * 37 + 11);
  key[ICAT_SYNC_KEY_SIZE - 1] |= 1;
  passphrase = _icat_sync_passphrase (key);
  length = strlen (passphrase);
  g_assert_true (decodes (passphrase, decoded));
  g_assert_cmpmem (decoded, sizeof decoded, key, sizeof key);
  lower = g_ascii_strdown (passphrase, -1);
  g_assert_true (decodes (lower, decoded));
  g_assert_cmpmem (decoded, sizeof decoded, key, sizeof key);

  slipped = g_strdup (passphrase);
  /* A letter whose high bit is the key's and whose low bits are not zero. */
  slipped[length - 1] = slipped[length - 1] == 'B' ? 'C' : 'B';
  g_assert_false (decodes (slipped, decoded));
  longer = g_strconcat (passphrase, "A", NULL);
  g_assert_false (decodes (longer, decoded));
  shorter = g_strndup (passphrase, length - 1);
  g_assert_false (decodes (shorter, decoded));
}

int
main (int    argc,
      char **argv)
{
  icat_test_init (&argc, &argv);

#define ADD(path, func) g_test_add ("/sync/security/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("tampered", test_tampered);
  ADD ("truncated", test_truncated);
  ADD ("other-group", test_other_group);
  ADD ("replayed-as-later-number", test_replayed_as_later_number);
  ADD ("replayed-in-other-folder", test_replayed_in_other_folder);
  ADD ("newer-schema", test_newer_schema);
  ADD ("loose-key", test_loose_key);
  ADD ("seen-twice", test_seen_twice);
  ADD ("stray-files", test_stray_files);
#undef ADD
  g_test_add_func ("/sync/security/passphrase-exact", test_passphrase_exact);

  return g_test_run ();
}
