/* icat-json-merge.c — a list changed on two sides, merged
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An editor saves a record's lists (the agenda, decisions) whole. When the
 * record changed elsewhere since the editor read it — another laptop's
 * change applied while the person was typing, or while a save was on its
 * way to the writer — the list is merged element by element (by "id")
 * and member by member: what was changed on this side wins, the rest
 * comes from the other. The meeting editor merges what it shows; the
 * store merges each save against the record as the window knew it.
 */
#define G_LOG_DOMAIN "icat-json-merge"

#include "config.h"

#include "icat-json-merge.h"
#include "icat-record.h"

/* The elements of a list by their "id"; NULL when one has none. */
static GHashTable *
elements_by_id (JsonNode *list)
{
  GHashTable *by_id = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *array = list && JSON_NODE_HOLDS_ARRAY (list) ? json_node_get_array (list) : NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id = JSON_NODE_HOLDS_OBJECT (element)
                       ? icat_json_get_string (json_node_get_object (element), "id") : NULL;

      if (id == NULL)
        {
          g_hash_table_unref (by_id);
          return NULL;
        }
      g_hash_table_insert (by_id, (gpointer) id, json_node_get_object (element));
    }
  return by_id;
}

/* One element changed on both sides: each member as this editor has it
 * where it was changed here, else as the other side has it. Only the
 * members the editor has: it saves its lists in its own shape. */
static JsonObject *
merge_element (JsonObject   *base,
               JsonObject   *mine,
               JsonObject   *theirs,
               IcatJsonSame  same)
{
  JsonObject *merged = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (mine);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *own = json_object_get_member (mine, l->data);
      JsonNode *before = base ? json_object_get_member (base, l->data) : NULL;
      JsonNode *other = json_object_get_member (theirs, l->data);
      gboolean changed_here = base == NULL || !same (own, before);

      json_object_set_member (merged, l->data, json_node_copy (changed_here ? own : other ? other : own));
    }
  return merged;
}

/* A copy of element at the end of merged, numbered again by the list's
 * order as the editor numbers it. */
static void
add_element (JsonArray  *merged,
             JsonObject *element)
{
  JsonObject *copy = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (element);

  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (copy, l->data, json_node_copy (json_object_get_member (element, l->data)));
  if (json_object_has_member (copy, "position"))
    json_object_set_int_member (copy, "position", json_array_get_length (merged));
  json_array_add_object_element (merged, copy);
}

/* Whether the elements list and other share are in a different order. */
static gboolean
order_differs (JsonArray  *list,
               GHashTable *in_other,
               JsonArray  *other,
               GHashTable *in_list)
{
  guint i = 0, j = 0, n = json_array_get_length (list), m = json_array_get_length (other);

  while (TRUE)
    {
      while (i < n && !g_hash_table_contains (in_other, icat_json_get_string (json_array_get_object_element (list, i), "id")))
        i++;
      while (j < m && !g_hash_table_contains (in_list, icat_json_get_string (json_array_get_object_element (other, j), "id")))
        j++;
      if (i == n || j == m)
        return FALSE;
      if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (list, i), "id"),
                     icat_json_get_string (json_array_get_object_element (other, j), "id")) != 0)
        return TRUE;
      i++, j++;
    }
}

/* The merged element of id, or NULL when it is out: taken out here, or
 * taken out there and not changed here. */
static JsonObject *
merged_element (const char   *id,
                GHashTable   *base_by_id,
                GHashTable   *mine_by_id,
                GHashTable   *theirs_by_id,
                IcatJsonSame  same)
{
  JsonObject *own = g_hash_table_lookup (mine_by_id, id);
  JsonObject *before = g_hash_table_lookup (base_by_id, id);
  JsonObject *other = g_hash_table_lookup (theirs_by_id, id);
  g_autoptr(JsonNode) own_node = NULL;
  g_autoptr(JsonNode) before_node = NULL;

  if (own == NULL)
    return before == NULL && other != NULL ? json_object_ref (other) : NULL;
  if (other != NULL)
    return merge_element (before, own, other, same);
  if (before == NULL)
    return json_object_ref (own);
  own_node = json_node_init_object (json_node_alloc (), own);
  before_node = json_node_init_object (json_node_alloc (), before);
  return same (own_node, before_node) ? NULL : json_object_ref (own);
}

static void
add_merged_from (JsonArray    *merged,
                 GHashTable   *added,
                 JsonArray    *order,
                 GHashTable   *base_by_id,
                 GHashTable   *mine_by_id,
                 GHashTable   *theirs_by_id,
                 IcatJsonSame  same)
{
  for (guint i = 0; i < json_array_get_length (order); i++)
    {
      const char *id = icat_json_get_string (json_array_get_object_element (order, i), "id");
      g_autoptr(JsonObject) element = NULL;

      if (g_hash_table_contains (added, id))
        continue;
      g_hash_table_add (added, (gpointer) id);
      element = merged_element (id, base_by_id, mine_by_id, theirs_by_id, same);
      if (element != NULL)
        add_element (merged, element);
    }
}

JsonNode *
icat_json_merge_lists (JsonNode     *base,
                       JsonNode     *mine,
                       JsonNode     *theirs,
                       IcatJsonSame  same)
{
  g_autoptr(GHashTable) base_by_id = elements_by_id (base);
  g_autoptr(GHashTable) mine_by_id = elements_by_id (mine);
  g_autoptr(GHashTable) theirs_by_id = elements_by_id (theirs);
  g_autoptr(GHashTable) added = g_hash_table_new (g_str_hash, g_str_equal);
  JsonArray *merged, *first, *second;
  JsonNode *node;

  if (base_by_id == NULL || mine_by_id == NULL || theirs_by_id == NULL ||
      mine == NULL || !JSON_NODE_HOLDS_ARRAY (mine) || theirs == NULL || !JSON_NODE_HOLDS_ARRAY (theirs))
    return mine ? json_node_copy (mine) : NULL;
  /* In this editor's order, unless only the other side moved elements;
   * the other side's news after. */
  first = json_node_get_array (mine);
  second = json_node_get_array (theirs);
  if (base != NULL && JSON_NODE_HOLDS_ARRAY (base) &&
      order_differs (json_node_get_array (theirs), base_by_id, json_node_get_array (base), theirs_by_id) &&
      !order_differs (json_node_get_array (mine), base_by_id, json_node_get_array (base), mine_by_id))
    first = json_node_get_array (theirs), second = json_node_get_array (mine);
  merged = json_array_new ();
  add_merged_from (merged, added, first, base_by_id, mine_by_id, theirs_by_id, same);
  add_merged_from (merged, added, second, base_by_id, mine_by_id, theirs_by_id, same);
  node = json_node_new (JSON_NODE_ARRAY);
  json_node_take_array (node, merged);
  return node;
}
