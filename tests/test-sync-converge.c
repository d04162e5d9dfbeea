/* test-sync-converge.c — three laptops edit at random and end alike
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each seed, three laptops of one group make a random sequence of
 * edits (create, edit the same and different fields, reorder agenda items,
 * delete, edit what another laptop deleted, number decisions alike) while
 * their files reach each other's sync folders in random order, late, and
 * some twice. Once everything has arrived:
 * - the three JSON exports are byte-identical;
 * - the three laptops hold the same open conflicts;
 * - every text a laptop typed is still there, or held by a conflict, or
 *   was replaced by someone who saw it.
 * ICAT_TEST_SYNC_SEEDS sets how many seeds run; a failure names its seed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "icat-error.h"
#include "icat-record-io.h"
#include "icat-store-private.h"
#include "icat-sync.h"
#include "icat-test-util.h"

#define N_LAPTOPS 3
#define N_EDITS 30

static const char * const device_ids[N_LAPTOPS] = {
  "00000000-0000-4000-8000-00000000000a",
  "00000000-0000-4000-8000-00000000000b",
  "00000000-0000-4000-8000-00000000000c",
};

/* The group, made once: databases and folders each seed starts from. */
static char *template_dir;

typedef struct {
  guint32     seed;
  char       *dir;
  char       *folder[N_LAPTOPS];
  IcatStore  *store[N_LAPTOPS];
  GRand      *rand;
  GPtrArray  *meetings;    /* ids any laptop may know */
  GPtrArray  *items;
  GPtrArray  *agencies;
  GPtrArray  *mandates;
  GHashTable *typed;       /* "value" → "field key": every text typed */
  GHashTable *replaced;    /* values a laptop replaced while seeing them */
  guint       counter;
} World;

static char *
laptop_path (const char *dir,
             guint       laptop,
             const char *what)
{
  g_autofree char *name = g_strdup_printf ("%s-%u", what, laptop);

  return g_build_filename (dir, name, NULL);
}

static IcatStore *
open_laptop (const char *dir,
             guint       laptop)
{
  g_autofree char *db = laptop_path (dir, laptop, "laptop.db");
  g_autoptr(GError) error = NULL;
  IcatStore *store = icat_store_open (db, &error);

  g_assert_no_error (error);
  _icat_store_set_device_id (store, device_ids[laptop]);
  return store;
}

static void
copy_tree (const char *from,
           const char *to)
{
  g_autoptr(GDir) dir = g_dir_open (from, 0, NULL);
  const char *name;

  g_assert_cmpint (g_mkdir_with_parents (to, 0755), ==, 0);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *source = g_build_filename (from, name, NULL);
      g_autofree char *target = g_build_filename (to, name, NULL);
      g_autofree char *contents = NULL;
      gsize length;

      if (g_file_test (source, G_FILE_TEST_IS_DIR))
        copy_tree (source, target);
      else
        {
          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (target, contents, length, NULL));
        }
    }
}

static void
make_template (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *join = NULL;

  template_dir = icat_test_tmpdir_new ();
  join = g_build_filename (template_dir, "join.json", NULL);
  for (guint i = 0; i < N_LAPTOPS; i++)
    {
      g_autofree char *folder = laptop_path (template_dir, i, "folder");
      g_autoptr(IcatStore) store = open_laptop (template_dir, i);

      g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
      if (i == 0)
        g_assert_true (icat_sync_init (store, folder, join, NULL, NULL, &error));
      else
        {
          g_autofree char *first = laptop_path (template_dir, 0, "folder");

          copy_tree (first, folder);
          g_assert_true (icat_sync_join (store, folder, join, NULL, NULL, NULL, &error));
        }
      g_assert_no_error (error);
      icat_test_finalize_store (g_steal_pointer (&store));
    }
}

/* World {{{ */

static GPtrArray *
ids_of (IcatStore  *store,
        const char *kind,
        guint       limit)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *ids = icat_record_io_list_ids (_icat_store_get_read_db (store), icat_schema_lookup (kind), &error);

  g_assert_no_error (error);
  if (ids->len > limit)
    g_ptr_array_set_size (ids, limit);
  return ids;
}

static void
world_init (World   *world,
            guint32  seed)
{
  world->seed = seed;
  world->rand = g_rand_new_with_seed (seed);
  world->dir = icat_test_tmpdir_new ();
  copy_tree (template_dir, world->dir);
  for (guint i = 0; i < N_LAPTOPS; i++)
    {
      world->folder[i] = laptop_path (world->dir, i, "folder");
      world->store[i] = open_laptop (world->dir, i);
    }
  world->meetings = ids_of (world->store[0], "meeting", 4);
  world->items = ids_of (world->store[0], "action_item", 4);
  world->agencies = ids_of (world->store[0], "agency", 6);
  world->mandates = ids_of (world->store[0], "mandate", 4);
  world->typed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  world->replaced = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

static void
world_clear (World *world)
{
  for (guint i = 0; i < N_LAPTOPS; i++)
    {
      icat_test_finalize_store (g_steal_pointer (&world->store[i]));
      g_free (world->folder[i]);
    }
  icat_test_tmpdir_free (world->dir);
  g_rand_free (world->rand);
  g_ptr_array_unref (world->meetings);
  g_ptr_array_unref (world->items);
  g_ptr_array_unref (world->agencies);
  g_ptr_array_unref (world->mandates);
  g_hash_table_unref (world->typed);
  g_hash_table_unref (world->replaced);
}

static const char *
pick (World     *world,
      GPtrArray *ids)
{
  return ids->len > 0 ? ids->pdata[g_rand_int_range (world->rand, 0, ids->len)] : NULL;
}

static char *
new_text (World *world,
          guint  laptop)
{
  return g_strdup_printf ("typed on laptop %u, edit %u", laptop, ++world->counter);
}

/* }}} */
/* Edits {{{ */

static void
save (World      *world,
      guint       laptop,
      const char *kind,
      JsonObject *changes)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *id = icat_store_save (world->store[laptop], kind, changes, &error);

  /* An edit of what this laptop no longer has is not made. */
  if (error != NULL && !g_error_matches (error, ICAT_ERROR, ICAT_ERROR_NOT_FOUND))
    g_assert_no_error (error);
}

static JsonObject *
read_record (World      *world,
             guint       laptop,
             const char *kind,
             const char *id)
{
  return icat_store_read (world->store[laptop], kind, id, NULL);
}

/* Typing over a field in conflict decides it: the values its conflicts
 * hold on this laptop were seen, like the one shown. Deleting a record
 * (field NULL) decides all of its conflicts. */
static void
replace_conflicting (World      *world,
                     guint       laptop,
                     const char *record_id,
                     const char *field)
{
  g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (world->store[laptop], NULL);
  GHashTableIter iter;
  gpointer typed;

  for (guint i = 0; i < conflicts->len; i++)
    {
      IcatSyncConflict *conflict = conflicts->pdata[i];

      if (!g_str_equal (conflict->record_id, record_id) ||
          (field != NULL && (!g_str_equal (conflict->kind, "field") || !g_str_equal (conflict->field, field))))
        continue;
      g_hash_table_iter_init (&iter, world->typed);
      while (g_hash_table_iter_next (&iter, &typed, NULL))
        if ((conflict->theirs_value != NULL && strstr (conflict->theirs_value, typed) != NULL) ||
            (conflict->mine_value != NULL && strstr (conflict->mine_value, typed) != NULL))
          g_hash_table_add (world->replaced, g_strdup (typed));
    }
}

/* A text field typed over: what the laptop saw there was replaced by
 * someone who saw it. */
static void
type_text (World      *world,
           guint       laptop,
           const char *kind,
           const char *id,
           const char *field)
{
  g_autoptr(JsonObject) record = id ? read_record (world, laptop, kind, id) : NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *text = new_text (world, laptop);

  if (record == NULL)
    return;
  if (json_object_get_string_member_with_default (record, field, NULL) != NULL)
    g_hash_table_add (world->replaced, g_strdup (json_object_get_string_member (record, field)));
  replace_conflicting (world, laptop, id, field);
  g_debug ("laptop %u types “%s” into %.8s %s over “%s”", laptop, text, id, field,
           json_object_get_string_member_with_default (record, field, ""));
  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, field, text);
  g_hash_table_insert (world->typed, g_strdup (text), g_strdup (field));
  save (world, laptop, kind, changes);
}

static JsonArray *
copy_list (JsonObject *record,
           const char *field)
{
  JsonNode *node = json_object_get_member (record, field);
  g_autoptr(JsonNode) copy = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_ARRAY (node))
    return json_array_new ();
  copy = json_node_copy (node);
  return json_array_ref (json_node_get_array (copy));
}

static void
edit_list (World      *world,
           guint       laptop,
           const char *list)
{
  const char *meeting = pick (world, world->meetings);
  g_autoptr(JsonObject) record = read_record (world, laptop, "meeting", meeting);
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autoptr(JsonArray) rows = NULL;
  guint n;

  if (record == NULL)
    return;
  rows = copy_list (record, list);
  n = json_array_get_length (rows);
  if (g_str_equal (list, "agenda") && (n == 0 || g_rand_boolean (world->rand)))
    {
      JsonObject *item = json_object_new ();
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *title = new_text (world, laptop);

      json_object_set_string_member (item, "id", id);
      json_object_set_int_member (item, "position", n + 1);
      json_object_set_string_member (item, "title", title);
      json_array_add_object_element (rows, item);
    }
  else if (g_str_equal (list, "agenda") && g_rand_boolean (world->rand))
    {
      /* Minutes of an item. */
      JsonObject *item = json_array_get_object_element (rows, g_rand_int_range (world->rand, 0, n));
      g_autofree char *text = new_text (world, laptop);

      if (json_object_get_string_member_with_default (item, "minutes", NULL) != NULL)
        g_hash_table_add (world->replaced, g_strdup (json_object_get_string_member (item, "minutes")));
      replace_conflicting (world, laptop, meeting, "agenda.minutes");
      g_hash_table_insert (world->typed, g_strdup (text), g_strdup ("minutes"));
      json_object_set_string_member (item, "minutes", text);
    }
  else if (g_str_equal (list, "agenda"))
    {
      /* The first item moves last. */
      for (guint i = 0; i < n; i++)
        json_object_set_int_member (json_array_get_object_element (rows, i), "position", i == 0 ? n : i);
    }
  else if (g_str_equal (list, "decisions"))
    {
      JsonObject *decision = json_object_new ();
      g_autofree char *id = g_uuid_string_random ();
      g_autofree char *text = new_text (world, laptop);

      json_object_set_string_member (decision, "id", id);
      json_object_set_int_member (decision, "number", n + 1);
      json_object_set_string_member (decision, "text", text);
      json_array_add_object_element (rows, decision);
    }
  else
    {
      const char *agency = pick (world, world->agencies);
      JsonObject *row = json_object_new ();

      for (guint i = 0; i < n; i++)
        if (g_str_equal (json_object_get_string_member (json_array_get_object_element (rows, i), "agency"), agency))
          {
            json_object_unref (row);
            return;
          }
      json_object_set_string_member (row, "agency", agency);
      json_object_set_boolean_member (row, "present", TRUE);
      json_array_add_object_element (rows, row);
    }
  json_object_set_string_member (changes, "id", meeting);
  json_object_set_array_member (changes, list, g_steal_pointer (&rows));
  save (world, laptop, "meeting", changes);
}

static void
create_item (World *world,
             guint  laptop)
{
  g_autoptr(JsonObject) changes = json_object_new ();
  g_autofree char *id = g_uuid_string_random ();
  g_autofree char *title = new_text (world, laptop);

  json_object_set_string_member (changes, "id", id);
  json_object_set_string_member (changes, "title", title);
  json_object_set_string_member (changes, "owner", pick (world, world->agencies));
  json_object_set_string_member (changes, "status", "open");
  if (g_rand_boolean (world->rand))
    {
      const char *meeting = pick (world, world->meetings);
      g_autoptr(JsonObject) known = read_record (world, laptop, "meeting", meeting);

      /* Only a meeting this laptop has. */
      if (known != NULL)
        json_object_set_string_member (changes, "meeting", meeting);
    }
  g_hash_table_insert (world->typed, g_strdup (title), g_strdup ("title"));
  save (world, laptop, "action_item", changes);
  g_ptr_array_add (world->items, g_steal_pointer (&id));
}

static void
create_meeting (World *world,
                guint  laptop)
{
  g_autoptr(JsonObject) changes = icat_test_object ("{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group\"}, "
                                                    "\"starts_at\": \"2027-03-01T09:00:00.000Z\", "
                                                    "\"date_precision\": \"day\", \"timezone\": \"Europe/Vienna\"}");
  g_autofree char *id = g_uuid_string_random ();

  json_object_set_string_member (changes, "id", id);
  save (world, laptop, "meeting", changes);
  g_ptr_array_add (world->meetings, g_steal_pointer (&id));
}

/* Deleting what the laptop sees: its texts were seen and replaced. */
static void
delete_record (World      *world,
               guint       laptop,
               const char *kind,
               GPtrArray  *ids)
{
  const char *id = pick (world, ids);
  g_autoptr(JsonObject) record = id ? read_record (world, laptop, kind, id) : NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;
  GHashTableIter iter;
  gpointer value;

  if (record == NULL)
    return;
  node = json_node_init_object (json_node_alloc (), record);
  text = json_to_string (node, FALSE);
  replace_conflicting (world, laptop, id, NULL);
  if (!icat_store_delete (world->store[laptop], kind, id, &error))
    {
      g_assert_true (g_error_matches (error, ICAT_ERROR, ICAT_ERROR_IN_USE));
      return;
    }
  g_hash_table_iter_init (&iter, world->typed);
  while (g_hash_table_iter_next (&iter, &value, NULL))
    if (strstr (text, value) != NULL)
      g_hash_table_add (world->replaced, g_strdup (value));
}

/* A list of links: the mandates an action item serves. */
static void
link_mandates (World *world,
               guint  laptop)
{
  const char *item = pick (world, world->items);
  g_autoptr(JsonObject) record = item ? read_record (world, laptop, "action_item", item) : NULL;
  g_autoptr(JsonObject) changes = json_object_new ();
  JsonArray *mandates = json_array_new ();

  for (guint i = 0; i < world->mandates->len; i++)
    if (g_rand_boolean (world->rand))
      json_array_add_string_element (mandates, world->mandates->pdata[i]);
  if (record == NULL)
    {
      json_array_unref (mandates);
      return;
    }
  json_object_set_string_member (changes, "id", item);
  json_object_set_array_member (changes, "mandates", mandates);
  save (world, laptop, "action_item", changes);
}

static void
random_edit (World *world,
             guint  laptop)
{
  switch (g_rand_int_range (world->rand, 0, 13))
    {
    case 12:
      link_mandates (world, laptop);
      break;
    case 0: case 1:
      type_text (world, laptop, "meeting", pick (world, world->meetings), "note");
      break;
    case 2:
      type_text (world, laptop, "meeting", pick (world, world->meetings), "venue");
      break;
    case 3:
      type_text (world, laptop, "action_item", pick (world, world->items), "completion_note");
      break;
    case 4: case 5:
      edit_list (world, laptop, "agenda");
      break;
    case 6:
      edit_list (world, laptop, "decisions");
      break;
    case 7:
      edit_list (world, laptop, "attendance");
      break;
    case 8:
      create_item (world, laptop);
      break;
    case 9:
      delete_record (world, laptop, "action_item", world->items);
      break;
    case 10:
      if (world->meetings->len < 8)
        create_meeting (world, laptop);
      break;
    default:
      if (world->meetings->len > 4)
        delete_record (world, laptop, "meeting", world->meetings);
      break;
    }
}

/* }}} */
/* Transport {{{ */

/* What Syncthing or a USB stick does, badly: some of one folder's files
 * reach another, in no order, some again. */
static void
carry_files (World   *world,
             guint    from,
             guint    to,
             gboolean everything)
{
  g_autoptr(GDir) devices = g_dir_open (world->folder[from], 0, NULL);
  const char *device;

  while ((device = g_dir_read_name (devices)) != NULL)
    {
      g_autofree char *source_dir = g_build_filename (world->folder[from], device, NULL);
      g_autofree char *target_dir = g_build_filename (world->folder[to], device, NULL);
      g_autoptr(GDir) files = g_dir_open (source_dir, 0, NULL);
      const char *name;

      g_mkdir_with_parents (target_dir, 0755);
      while ((name = g_dir_read_name (files)) != NULL)
        {
          g_autofree char *source = g_build_filename (source_dir, name, NULL);
          g_autofree char *target = g_build_filename (target_dir, name, NULL);
          g_autofree char *contents = NULL;
          gsize length;

          if (!everything && g_rand_int_range (world->rand, 0, 3) == 0)
            continue;
          g_assert_true (g_file_get_contents (source, &contents, &length, NULL));
          g_assert_true (g_file_set_contents (target, contents, length, NULL));
        }
    }
}

static guint
sync_laptop (World *world,
             guint  laptop)
{
  g_debug ("laptop %u runs", laptop);
  IcatSyncReport report;
  g_autoptr(GError) error = NULL;

  g_assert_true (icat_sync_run (world->store[laptop], world->folder[laptop], &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.refused_files, ==, 0);
  return report.applied_changes + report.published_changes;
}

static void
until_quiet (World *world)
{
  for (guint round = 0; round < 20; round++)
    {
      guint activity = 0;

      for (guint from = 0; from < N_LAPTOPS; from++)
        for (guint to = 0; to < N_LAPTOPS; to++)
          if (from != to)
            carry_files (world, from, to, TRUE);
      for (guint i = 0; i < N_LAPTOPS; i++)
        activity += sync_laptop (world, i);
      if (activity == 0)
        return;
    }
  g_error ("Seed %u: the laptops never became quiet", world->seed);
}

/* }}} */
/* Checks {{{ */

static int
compare_texts (gconstpointer a,
               gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static void
print_conflicts (IcatStore *store)
{
  g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (store, NULL);

  for (guint i = 0; conflicts != NULL && i < conflicts->len; i++)
    {
      IcatSyncConflict *conflict = conflicts->pdata[i];

      g_printerr ("  %.8s %s %s/%.8s %s: kept %s (%.4s %s) lost %s (%.4s %s)\n", conflict->id, conflict->kind,
                  conflict->record_kind, conflict->record_id, conflict->field,
                  conflict->mine_value, conflict->mine_device, conflict->mine_time,
                  conflict->theirs_value, conflict->theirs_device, conflict->theirs_time);
    }
}

static char *
open_conflicts (IcatStore *store,
                GString   *values)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = icat_sync_conflicts (store, &error);
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < conflicts->len; i++)
    {
      IcatSyncConflict *conflict = conflicts->pdata[i];

      g_ptr_array_add (ids, conflict->id);
      if (values != NULL)
        g_string_append_printf (values, "%s\n%s\n", conflict->mine_value ? conflict->mine_value : "",
                                conflict->theirs_value ? conflict->theirs_value : "");
    }
  g_ptr_array_sort (ids, compare_texts);
  for (guint i = 0; i < ids->len; i++)
    g_string_append_printf (text, "%s\n", (const char *) ids->pdata[i]);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
check_converged (World *world)
{
  g_autofree char *first = icat_test_export (world->store[0]);
  g_autoptr(GString) held = g_string_new (NULL);
  g_autofree char *first_conflicts = open_conflicts (world->store[0], held);
  GHashTableIter iter;
  gpointer typed, field;

  for (guint i = 1; i < N_LAPTOPS; i++)
    {
      g_autofree char *other = icat_test_export (world->store[i]);
      g_autofree char *other_conflicts = open_conflicts (world->store[i], NULL);

      if (g_strcmp0 (first, other) != 0 || g_strcmp0 (first_conflicts, other_conflicts) != 0)
        {
          g_printerr ("Seed %u: laptop %u differs from laptop 0\nLaptop 0:\n", world->seed, i);
          print_conflicts (world->store[0]);
          g_printerr ("Laptop %u:\n", i);
          print_conflicts (world->store[i]);
        }
      g_assert_cmpstr (first, ==, other);
      g_assert_cmpstr (first_conflicts, ==, other_conflicts);
    }

  /* No typed text vanished without a conflict or a person who saw it. */
  g_hash_table_iter_init (&iter, world->typed);
  while (g_hash_table_iter_next (&iter, &typed, &field))
    {
      g_autofree char *quoted = g_strdup_printf ("\"%s\"", (const char *) typed);

      if (strstr (first, quoted) == NULL && strstr (held->str, typed) == NULL &&
          !g_hash_table_contains (world->replaced, typed))
        g_error ("Seed %u: “%s” (%s) vanished without a conflict", world->seed, (const char *) typed,
                 (const char *) field);
    }
}

static void
run_seed (guint32 seed)
{
  World world = { 0 };

  world_init (&world, seed);
  for (guint edit = 0; edit < N_EDITS; edit++)
    {
      guint laptop = g_rand_int_range (world.rand, 0, N_LAPTOPS);

      random_edit (&world, laptop);
      if (g_rand_int_range (world.rand, 0, 3) == 0)
        {
          guint from = g_rand_int_range (world.rand, 0, N_LAPTOPS);
          guint to = (from + g_rand_int_range (world.rand, 1, N_LAPTOPS)) % N_LAPTOPS;

          carry_files (&world, from, to, FALSE);
        }
      if (g_rand_int_range (world.rand, 0, 3) == 0)
        sync_laptop (&world, g_rand_int_range (world.rand, 0, N_LAPTOPS));
    }
  until_quiet (&world);
  check_converged (&world);
  world_clear (&world);
}

/* }}} */

static void
test_converge (void)
{
  const char *seeds_text = g_getenv ("ICAT_TEST_SYNC_SEEDS");
  const char *first_text = g_getenv ("ICAT_TEST_SYNC_FIRST_SEED");
  guint seeds = seeds_text ? (guint) g_ascii_strtoull (seeds_text, NULL, 10) : 200;
  guint32 first = first_text ? (guint32) g_ascii_strtoull (first_text, NULL, 10) : 1;

  /* The sanitizers make each seed several times slower. */
  if (seeds_text == NULL && icat_test_timeout (1) > 3)
    seeds = 30;
  make_template ();
  for (guint32 seed = first; seed < first + seeds; seed++)
    {
      g_test_message ("seed %u", seed);
      run_seed (seed);
    }
  icat_test_tmpdir_free (g_steal_pointer (&template_dir));
}

int
main (int    argc,
      char **argv)
{
  /* Hundreds of laptops' databases, each save synced to disk: in memory
   * where the machine has it, as power loss is not what this tests. */
  if (g_getenv ("TMPDIR") == NULL && g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) &&
      g_access ("/dev/shm", W_OK) == 0)
    g_setenv ("TMPDIR", "/dev/shm", TRUE);
  icat_test_init (&argc, &argv);
  g_test_add_func ("/sync/converge", test_converge);
  return g_test_run ();
}
