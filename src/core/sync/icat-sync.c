/* icat-sync.c — joining a group, and one round of merging
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A run reads every other laptop's new files in their order (a gap waits
 * for the missing file; a file seen twice is a no-op), applies them in one
 * transaction of the store, repairs what they broke, and then publishes
 * this laptop's own unpublished changes and its state. Once every known
 * laptop has applied this laptop's files, it leaves a snapshot for
 * laptops that join later and removes the files.
 */
#define G_LOG_DOMAIN "icat-sync"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-sync-folder.h"
#include "icat-sync-private.h"

typedef struct {
  IcatStore *store;
  IcatDb    *db;        /* for reading: the store's own, or a worker's connection */
  guint8     key[ICAT_SYNC_KEY_SIZE];
  char      *group;
  char      *folder;
  const char *device;
} Group;

static void
group_clear (Group *group)
{
  g_free (group->group);
  g_free (group->folder);
  memset (group->key, 0, sizeof group->key);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Group, group_clear)

void
icat_sync_laptop_free (IcatSyncLaptop *laptop)
{
  g_free (laptop->device_id);
  g_free (laptop->name);
  g_free (laptop->last_change_at);
  g_free (laptop);
}

void
icat_sync_status_free (IcatSyncStatus *status)
{
  g_free (status->group_id);
  g_free (status->folder);
  g_free (status->device_name);
  g_clear_pointer (&status->laptops, g_ptr_array_unref);
  g_clear_pointer (&status->refused, g_ptr_array_unref);
  g_clear_pointer (&status->waiting, g_ptr_array_unref);
  g_free (status);
}

typedef struct {
  const char *key;
  const char *value;
} Setting;

static gboolean
write_setting (IcatDb       *db,
               IcatNotices  *notices,
               gpointer      data,
               GError      **error)
{
  Setting *setting = data;

  return _icat_sync_set_setting (db, setting->key, setting->value, error);
}

gboolean
_icat_sync_store_setting (IcatStore   *store,
                          const char  *key,
                          const char  *value,
                          GError     **error)
{
  Setting setting = { key, value };

  return _icat_store_write (store, write_setting, &setting, 0, NULL, error);
}

static gboolean
open_group (IcatStore   *store,
            IcatDb      *db,
            const char  *folder,
            Group       *group,
            GError     **error)
{
  group->store = store;
  group->db = db;
  group->device = icat_store_get_device_id (store);
  group->group = _icat_sync_setting (group->db, "group");
  if (group->group == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("This database is not in a group yet: use “sync init” on the first laptop and “sync join” on the others.")), FALSE;
  if (!_icat_sync_key_load (group->group, group->key, error))
    return FALSE;
  group->folder = folder ? g_strdup (folder) : _icat_sync_setting (group->db, "folder");
  if (group->folder == NULL)
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND, _("No sync folder is set: name one with --folder.")), FALSE;
  if (!g_file_test (group->folder, G_FILE_TEST_IS_DIR))
    return g_set_error (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND,
                        _("The sync folder “%s” is not reachable."), group->folder), FALSE;
  return TRUE;
}

static gint64
query_int (IcatDb     *db,
           const char *sql,
           const char *text)
{
  sqlite3_stmt *stmt = icat_db_prepare (db, sql, NULL);
  gint64 value = 0;

  if (stmt == NULL)
    return 0;
  if (text != NULL)
    icat_bind_text (stmt, 1, text);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int64 (stmt, 0);
  sqlite3_reset (stmt);
  return value;
}

static gint64
applied_seq (IcatDb     *db,
             const char *device)
{
  return query_int (db, "SELECT coalesce (max (seq), 0) FROM sync_applied WHERE device = ?1", device);
}

/* {"device": highest seq applied, ...} of every laptop in the journal. */
static JsonObject *
applied_map (IcatDb *db)
{
  JsonObject *map = json_object_new ();
  sqlite3_stmt *stmt = icat_db_prepare (db, "SELECT device, seq FROM sync_applied ORDER BY device", NULL);

  while (stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW)
    json_object_set_int_member (map, (const char *) sqlite3_column_text (stmt, 0), sqlite3_column_int64 (stmt, 1));
  if (stmt != NULL)
    sqlite3_reset (stmt);
  return map;
}

static JsonObject *
header_new (Group      *group,
            const char *kind,
            gint64      seq)
{
  JsonObject *header = json_object_new ();

  json_object_set_string_member (header, "kind", kind);
  json_object_set_string_member (header, "group", group->group);
  json_object_set_string_member (header, "device", group->device);
  json_object_set_int_member (header, "seq", seq);
  json_object_set_int_member (header, "schema", ICAT_SCHEMA_VERSION);
  return header;
}

/* Reading other laptops' files {{{ */

typedef struct {
  char    *device;
  gint64   seq;
  gint64   hlc;
  char    *made_at;
  GBytes  *changeset;
  char    *resolves;
  char    *deps;
  gboolean done;
} Pending;

static void
pending_clear (gpointer data)
{
  Pending *pending = data;

  g_free (pending->device);
  g_free (pending->made_at);
  g_clear_pointer (&pending->changeset, g_bytes_unref);
  g_free (pending->resolves);
  g_free (pending->deps);
}

typedef struct {
  GArray    *pending;    /* Pending, each device's in order */
  GPtrArray *problems;   /* path, refused ("1"/"0"), reason: three strings each */
  GPtrArray *states;     /* device, name, applied JSON, published: four strings each */
  guint      waiting;
  guint      refused;
} Incoming;

/* reason: as _icat_sync_problem_stored () keeps it. */
static void
note_problem (Incoming   *incoming,
              const char *path,
              gboolean    refused,
              const char *reason)
{
  g_ptr_array_add (incoming->problems, g_strdup (path));
  g_ptr_array_add (incoming->problems, g_strdup (refused ? "1" : "0"));
  g_ptr_array_add (incoming->problems, g_strdup (reason));
  if (refused)
    incoming->refused++;
  else
    incoming->waiting++;
}

static void
read_state (Group      *group,
            const char *device,
            Incoming   *incoming)
{
  g_autofree char *path = _icat_sync_state_path (group->folder, device);
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) state = NULL;
  g_autofree char *text = NULL;
  JsonNode *applied;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return;
  if (!_icat_sync_read_signed (group->key, path, group->group, "state", device, 0, &header, &payload, &error))
    {
      note_problem (incoming, path, TRUE, _icat_sync_problem_stored (error));
      return;
    }
  text = g_strndup (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  state = json_from_string (text, NULL);
  if (state == NULL || !JSON_NODE_HOLDS_OBJECT (state))
    return;
  applied = json_object_get_member (json_node_get_object (state), "applied");
  g_ptr_array_add (incoming->states, g_strdup (device));
  g_ptr_array_add (incoming->states,
                   g_strdup (json_object_get_string_member_with_default (json_node_get_object (state), "name", NULL)));
  g_ptr_array_add (incoming->states, applied ? json_to_string (applied, FALSE) : g_strdup ("{}"));
  g_ptr_array_add (incoming->states,
                   g_strdup_printf ("%" G_GINT64_FORMAT,
                                    json_object_get_int_member_with_default (json_node_get_object (state), "published", 0)));
}

static void
read_changes_of (Group      *group,
                 const char *device,
                 Incoming   *incoming)
{
  g_autoptr(GArray) seqs = _icat_sync_list_numbered (group->folder, device, "", ".icatsync");
  gint64 next = applied_seq (group->db, device) + 1;

  for (guint i = 0; i < seqs->len; i++)
    {
      gint64 seq = g_array_index (seqs, gint64, i);
      g_autofree char *path = _icat_sync_change_path (group->folder, device, seq);
      g_autoptr(JsonObject) header = NULL;
      g_autoptr(GBytes) payload = NULL;
      g_autoptr(GError) error = NULL;
      Pending pending = { 0 };

      if (seq < next)
        continue;
      if (seq > next)
        {
          /* A gap: the missing file has not arrived yet. */
          incoming->waiting += seqs->len - i;
          return;
        }
      if (!_icat_sync_read_signed (group->key, path, group->group, "change", device, seq, &header, &payload, &error))
        {
          note_problem (incoming, path, TRUE, _icat_sync_problem_stored (error));
          /* The files after it wait behind it, as behind a gap. */
          incoming->waiting += seqs->len - i - 1;
          return;
        }
      if (json_object_get_int_member_with_default (header, "schema", 0) > ICAT_SCHEMA_VERSION)
        {
          note_problem (incoming, path, FALSE, _icat_sync_problem_name (ICAT_SYNC_PROBLEM_NEWER));
          incoming->waiting += seqs->len - i - 1;
          return;
        }
      pending.device = g_strdup (device);
      pending.seq = seq;
      pending.hlc = json_object_get_int_member_with_default (header, "hlc", 0);
      pending.made_at = g_strdup (json_object_get_string_member_with_default (header, "made_at", ""));
      pending.changeset = g_steal_pointer (&payload);
      if (json_object_has_member (header, "resolves"))
        pending.resolves = json_to_string (json_object_get_member (header, "resolves"), FALSE);
      if (json_object_has_member (header, "deps"))
        pending.deps = json_to_string (json_object_get_member (header, "deps"), FALSE);
      g_array_append_val (incoming->pending, pending);
      next++;
    }
}

/* }}} */
/* Applying {{{ */

typedef struct {
  Group          *group;
  Incoming       *incoming;
  IcatSyncReport *report;
} RunData;

static gboolean
store_states (IcatDb    *db,
              Incoming  *incoming,
              GError   **error)
{
  g_autofree char *now = icat_timestamp_now ();
  sqlite3_stmt *stmt;

  for (guint i = 0; i + 3 < incoming->states->len; i += 4)
    {
      stmt = icat_db_prepare (db,
                              "INSERT INTO sync_device (id, name, applied, published, seen_at) VALUES (?1, ?2, ?3, ?4, ?5) "
                              "ON CONFLICT DO UPDATE SET name = excluded.name, applied = excluded.applied, "
                              "published = excluded.published, seen_at = excluded.seen_at",
                              error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, incoming->states->pdata[i]);
      icat_bind_text (stmt, 2, incoming->states->pdata[i + 1]);
      icat_bind_text (stmt, 3, incoming->states->pdata[i + 2]);
      sqlite3_bind_int64 (stmt, 4, g_ascii_strtoll (incoming->states->pdata[i + 3], NULL, 10));
      icat_bind_text (stmt, 5, now);
      if (!icat_db_run (db, stmt, error))
        return FALSE;
    }
  if (!icat_db_exec (db, "DELETE FROM sync_file_problem", error))
    return FALSE;
  for (guint i = 0; i + 2 < incoming->problems->len; i += 3)
    {
      stmt = icat_db_prepare (db,
                              "INSERT OR REPLACE INTO sync_file_problem (path, refused, reason, seen_at) VALUES (?1, ?2, ?3, ?4)",
                              error);
      if (stmt == NULL)
        return FALSE;
      icat_bind_text (stmt, 1, incoming->problems->pdata[i]);
      sqlite3_bind_int (stmt, 2, g_str_equal (incoming->problems->pdata[i + 1], "1"));
      icat_bind_text (stmt, 3, incoming->problems->pdata[i + 2]);
      icat_bind_text (stmt, 4, now);
      if (!icat_db_run (db, stmt, error))
        return FALSE;
    }
  return TRUE;
}

/* Whether every change a change depends on is applied here. */
static gboolean
deps_applied (IcatDb     *db,
              const char *deps)
{
  g_autoptr(JsonNode) node = deps ? json_from_string (deps, NULL) : NULL;
  g_autoptr(GList) members = NULL;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return TRUE;
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (applied_seq (db, l->data) < json_object_get_int_member (object, l->data))
      return FALSE;
  return TRUE;
}

static gboolean
apply_incoming (IcatDb       *db,
                IcatNotices  *notices,
                gpointer      data,
                GError      **error)
{
  RunData *run = data;
  g_autoptr(GHashTable) laptops = g_hash_table_new (g_str_hash, g_str_equal);
  IcatSyncClock last = { 0, NULL };

  /* Each laptop's changes in its order, and each after the changes of
   * others its laptop had applied when it was made. */
  for (gboolean progress = TRUE; progress;)
    {
      progress = FALSE;
      for (guint i = 0; i < run->incoming->pending->len; i++)
        {
          Pending *pending = &g_array_index (run->incoming->pending, Pending, i);
          IcatSyncEntry entry = { pending->device, pending->seq, pending->hlc, pending->made_at,
                                  pending->changeset, pending->resolves, pending->deps };
          gint64 applied;

          if (pending->done)
            continue;
          applied = applied_seq (db, pending->device);
          /* Another program may have applied it meanwhile. */
          if (pending->seq <= applied)
            {
              pending->done = TRUE;
              continue;
            }
          if (pending->seq != applied + 1 || !deps_applied (db, pending->deps))
            continue;
          if (!_icat_sync_apply_entry (db, &entry, notices, &run->report->new_conflicts, error))
            return FALSE;
          pending->done = progress = TRUE;
          run->report->applied_changes++;
          g_hash_table_add (laptops, pending->device);
          if (pending->hlc > last.hlc)
            {
              last.hlc = pending->hlc;
              last.device = pending->device;
            }
        }
    }
  for (guint i = 0; i < run->incoming->pending->len; i++)
    if (!g_array_index (run->incoming->pending, Pending, i).done)
      run->report->waiting_files++;
  run->report->applied_laptops = g_hash_table_size (laptops);
  if (run->report->applied_changes > 0 &&
      (!_icat_sync_repair (db, notices, &last, &run->report->new_conflicts, error) ||
       !_icat_notices_reindex (notices, db, error)))
    return FALSE;
  return store_states (db, run->incoming, error);
}

/* }}} */
/* Publishing {{{ */

/* Marks this laptop's new changes as published, in a write of the store:
 * a save coalesced into a change (icat-sync-journal.c) must never be one
 * whose file is already out. */
static gboolean
claim_unpublished (IcatDb       *db,
                   IcatNotices  *notices,
                   gpointer      data,
                   GError      **error)
{
  Group *group = data;
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, applied_seq (db, group->device));

  return _icat_sync_set_setting (db, "published", text, error);
}

static gboolean
write_change_file (Group         *group,
                   sqlite3_stmt  *stmt,
                   GError       **error)
{
  gint64 seq = sqlite3_column_int64 (stmt, 0);
  g_autoptr(JsonObject) header = header_new (group, "change", seq);
  g_autoptr(GBytes) changeset = g_bytes_new (sqlite3_column_blob (stmt, 3), sqlite3_column_bytes (stmt, 3));
  g_autoptr(GBytes) file = NULL;
  g_autofree char *path = _icat_sync_change_path (group->folder, group->device, seq);

  json_object_set_int_member (header, "hlc", sqlite3_column_int64 (stmt, 1));
  json_object_set_string_member (header, "made_at", (const char *) sqlite3_column_text (stmt, 2));
  if (sqlite3_column_type (stmt, 4) != SQLITE_NULL)
    json_object_set_member (header, "resolves", json_from_string ((const char *) sqlite3_column_text (stmt, 4), NULL));
  if (sqlite3_column_type (stmt, 5) != SQLITE_NULL)
    json_object_set_member (header, "deps", json_from_string ((const char *) sqlite3_column_text (stmt, 5), NULL));
  file = _icat_sync_file_pack (group->key, header, changeset);
  return _icat_sync_write_file (path, file, error);
}

/* Writes the file of every published change of this laptop that is not
 * in the folder: the new ones, and any a crash or a full stick lost. */
static gboolean
publish_changes (Group           *group,
                 IcatSyncReport  *report,
                 GError         **error)
{
  g_autofree char *pruned_text = NULL;
  g_autofree char *published_text = NULL;
  g_autoptr(GArray) present = NULL;
  g_autoptr(GHashTable) in_folder = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3_stmt *stmt;
  int rc;

  gint64 before;

  /* Files up to the last run's are rewritten only when missing; the new
   * ones always, over whatever took their names. */
  published_text = _icat_sync_setting (group->db, "published");
  before = published_text ? g_ascii_strtoll (published_text, NULL, 10) : 0;
  g_clear_pointer (&published_text, g_free);
  if (!_icat_store_write (group->store, claim_unpublished, group, 0, NULL, error))
    return FALSE;
  pruned_text = _icat_sync_setting (group->db, "pruned");
  published_text = _icat_sync_setting (group->db, "published");
  present = _icat_sync_list_numbered (group->folder, group->device, "", ".icatsync");
  for (guint i = 0; i < present->len; i++)
    g_hash_table_add (in_folder, g_memdup2 (&g_array_index (present, gint64, i), sizeof (gint64)));

  stmt = icat_db_prepare (group->db,
                          "SELECT seq, hlc, made_at, changeset, resolves, deps FROM sync_journal "
                          "WHERE device = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq",
                          error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, group->device);
  sqlite3_bind_int64 (stmt, 2, pruned_text ? g_ascii_strtoll (pruned_text, NULL, 10) : 0);
  sqlite3_bind_int64 (stmt, 3, published_text ? g_ascii_strtoll (published_text, NULL, 10) : 0);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 seq = sqlite3_column_int64 (stmt, 0);

      if (seq <= before && g_hash_table_contains (in_folder, &seq))
        continue;
      if (!write_change_file (group, stmt, error))
        {
          sqlite3_reset (stmt);
          return FALSE;
        }
      report->published_changes++;
    }
  return icat_db_end_rows (group->db, stmt, rc, error);
}

/* Whether path already holds file. The state is written only when it
 * changed: every write wakes the other laptops' folder watch, which
 * would wake this one's in turn, for ever. */
static gboolean
state_unchanged (const char *path,
                 GBytes     *file)
{
  g_autofree char *contents = NULL;
  gsize length;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;
  return length == g_bytes_get_size (file) &&
         memcmp (contents, g_bytes_get_data (file, NULL), length) == 0;
}

static gboolean
publish_state (Group   *group,
               GError **error)
{
  g_autoptr(JsonObject) header = header_new (group, "state", 0);
  g_autoptr(JsonObject) state = json_object_new ();
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);
  g_autofree char *name = _icat_sync_setting (group->db, "device_name");
  g_autofree char *published = _icat_sync_setting (group->db, "published");
  g_autofree char *text = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autofree char *path = _icat_sync_state_path (group->folder, group->device);

  if (name != NULL)
    json_object_set_string_member (state, "name", name);
  json_object_set_object_member (state, "applied", applied_map (group->db));
  json_object_set_int_member (state, "published", published ? g_ascii_strtoll (published, NULL, 10) : 0);
  json_node_set_object (node, state);
  text = json_to_string (node, FALSE);
  payload = g_bytes_new (text, strlen (text));
  file = _icat_sync_file_pack (group->key, header, payload);
  return state_unchanged (path, file) || _icat_sync_write_file (path, file, error);
}

static gboolean
publish_snapshot (Group   *group,
                  GError **error)
{
  g_autofree char *temporary = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  g_autoptr(IcatDb) db = NULL;
  g_autoptr(JsonObject) header = NULL;
  g_autoptr(GBytes) payload = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GArray) older = NULL;
  gint64 seq = applied_seq (group->db, group->device);
  sqlite3_stmt *stmt;
  int fd;

  fd = g_file_open_tmp ("icat-tracker-snapshot-XXXXXX", &temporary, error);
  if (fd < 0)
    return FALSE;
  close (fd);
  g_unlink (temporary);
  db = icat_db_open (icat_store_get_path (group->store), ICAT_DB_READ_ONLY, NULL, error);
  if (db == NULL)
    return FALSE;
  stmt = icat_db_prepare (db, "VACUUM INTO ?1", error);
  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, temporary);
  if (!icat_db_run (db, stmt, error))
    return FALSE;
  if (!g_file_get_contents (temporary, &contents, &length, error))
    return FALSE;
  g_unlink (temporary);

  header = header_new (group, "snapshot", MAX (seq, 1));
  json_object_set_object_member (header, "applied", applied_map (group->db));
  payload = g_bytes_new_take (g_steal_pointer (&contents), length);
  file = _icat_sync_file_pack (group->key, header, payload);
  name = g_strdup_printf ("snapshot-%" G_GINT64_FORMAT ".icatsnap", MAX (seq, 1));
  path = g_build_filename (group->folder, group->device, name, NULL);
  if (!_icat_sync_write_file (path, file, error))
    return FALSE;
  older = _icat_sync_list_numbered (group->folder, group->device, "snapshot-", ".icatsnap");
  for (guint i = 0; i < older->len; i++)
    if (g_array_index (older, gint64, i) < MAX (seq, 1))
      {
        g_autofree char *old_name = g_strdup_printf ("snapshot-%" G_GINT64_FORMAT ".icatsnap",
                                                     g_array_index (older, gint64, i));
        g_autofree char *old_path = g_build_filename (group->folder, group->device, old_name, NULL);

        g_unlink (old_path);
      }
  return TRUE;
}

/* Removes this laptop's files that every laptop it knows has applied,
 * after a snapshot covering them. */
static gboolean
prune (Group   *group,
       GError **error)
{
  sqlite3_stmt *stmt = icat_db_prepare (group->db,
                                        "SELECT min (coalesce (json_extract (applied, '$.\"' || ?1 || '\"'), 0)), count (*) "
                                        "FROM sync_device WHERE id != ?1",
                                        error);
  g_autoptr(GArray) seqs = NULL;
  gint64 everyone = 0, known = 0;
  gboolean any = FALSE;

  if (stmt == NULL)
    return FALSE;
  icat_bind_text (stmt, 1, group->device);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    {
      everyone = sqlite3_column_int64 (stmt, 0);
      known = sqlite3_column_int64 (stmt, 1);
    }
  sqlite3_reset (stmt);
  if (known == 0 || everyone <= 0)
    return TRUE;
  seqs = _icat_sync_list_numbered (group->folder, group->device, "", ".icatsync");
  for (guint i = 0; i < seqs->len; i++)
    any |= g_array_index (seqs, gint64, i) <= everyone;
  if (!any)
    return TRUE;
  if (!publish_snapshot (group, error))
    return FALSE;
  {
    g_autofree char *pruned = g_strdup_printf ("%" G_GINT64_FORMAT, everyone);

    /* Noted first: a file that is gone on purpose is not written again. */
    if (!_icat_sync_store_setting (group->store, "pruned", pruned, error))
      return FALSE;
  }
  for (guint i = 0; i < seqs->len; i++)
    if (g_array_index (seqs, gint64, i) <= everyone)
      {
        g_autofree char *path = _icat_sync_change_path (group->folder, group->device, g_array_index (seqs, gint64, i));

        g_unlink (path);
      }
  return TRUE;
}

/* }}} */

/* One run, reading through db: the store's own connection on its thread,
 * a connection of the worker's own off it. */
static gboolean
run_reading (IcatStore       *store,
             IcatDb          *db,
             const char      *folder,
             IcatSyncReport  *report,
             GError         **error)
{
  g_auto(Group) group = { 0 };
  g_autoptr(GPtrArray) devices = NULL;
  IcatSyncReport local_report = { 0 };
  Incoming incoming = { 0 };
  RunData run = { &group, &incoming, report ? report : &local_report };
  gboolean ok;

  memset (run.report, 0, sizeof *run.report);
  if (!open_group (store, db, folder, &group, error))
    return FALSE;
  devices = _icat_sync_list_devices (group.folder, error);
  if (devices == NULL)
    return FALSE;
  g_debug ("run on %s", group.device);

  incoming.pending = g_array_new (FALSE, TRUE, sizeof (Pending));
  g_array_set_clear_func (incoming.pending, pending_clear);
  incoming.problems = g_ptr_array_new_with_free_func (g_free);
  incoming.states = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < devices->len; i++)
    if (!g_str_equal (devices->pdata[i], group.device))
      {
        read_state (&group, devices->pdata[i], &incoming);
        read_changes_of (&group, devices->pdata[i], &incoming);
      }
  run.report->waiting_files = incoming.waiting;
  run.report->refused_files = incoming.refused;

  ok = _icat_store_write (store, apply_incoming, &run,
                          incoming.pending->len > 1000 ? ICAT_STORE_WRITE_RELOAD_ALL : 0, NULL, error) &&
       publish_changes (&group, run.report, error) &&
       publish_state (&group, error) &&
       prune (&group, error);
  if (ok && folder != NULL)
    ok = _icat_sync_store_setting (store, "folder", folder, error);
  g_array_unref (incoming.pending);
  g_ptr_array_unref (incoming.problems);
  g_ptr_array_unref (incoming.states);
  return ok;
}

gboolean
icat_sync_run (IcatStore       *store,
               const char      *folder,
               IcatSyncReport  *report,
               GError         **error)
{
  g_return_val_if_fail (ICAT_IS_STORE (store), FALSE);
  return run_reading (store, _icat_store_get_read_db (store), folder, report, error);
}

typedef struct {
  char           *folder;
  IcatSyncReport  report;
} AsyncRun;

static void
async_run_free (AsyncRun *async_run)
{
  g_free (async_run->folder);
  g_free (async_run);
}

static void
run_thread (GTask        *task,
            gpointer      source_object,
            gpointer      task_data,
            GCancellable *cancellable)
{
  IcatStore *store = source_object;
  AsyncRun *async_run = task_data;
  g_autoptr(IcatDb) db = NULL;
  GError *error = NULL;

  db = icat_db_open (icat_store_get_path (store), ICAT_DB_READ_ONLY, NULL, &error);
  if (db != NULL && run_reading (store, db, async_run->folder, &async_run->report, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

void
icat_sync_run_async (IcatStore          *store,
                     const char         *folder,
                     GCancellable       *cancellable,
                     GAsyncReadyCallback callback,
                     gpointer            user_data)
{
  g_autoptr(GTask) task = NULL;
  AsyncRun *async_run;

  g_return_if_fail (ICAT_IS_STORE (store));
  async_run = g_new0 (AsyncRun, 1);
  async_run->folder = g_strdup (folder);
  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, icat_sync_run_async);
  g_task_set_task_data (task, async_run, (GDestroyNotify) async_run_free);
  g_task_run_in_thread (task, run_thread);
}

gboolean
icat_sync_run_finish (IcatStore       *store,
                      GAsyncResult    *result,
                      IcatSyncReport  *report,
                      GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == icat_sync_run_async, FALSE);
  if (report != NULL)
    *report = ((AsyncRun *) g_task_get_task_data (G_TASK (result)))->report;
  return g_task_propagate_boolean (G_TASK (result), error);
}

gboolean
_icat_sync_start_publishing (IcatStore  *store,
                             GError    **error)
{
  g_auto(Group) group = { 0 };
  g_autofree char *published = NULL;

  if (!open_group (store, _icat_store_get_read_db (store), NULL, &group, error))
    return FALSE;
  /* The snapshot holds this laptop's changes so far: nobody needs them
   * as files. */
  published = g_strdup_printf ("%" G_GINT64_FORMAT, applied_seq (group.db, group.device));
  return _icat_sync_store_setting (store, "published", published, error) &&
         _icat_sync_store_setting (store, "pruned", published, error) &&
         publish_snapshot (&group, error) &&
         publish_state (&group, error);
}
