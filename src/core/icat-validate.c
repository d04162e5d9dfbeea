/* icat-validate.c — checking records against the exchange format
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-validate"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-clearance.h"
#include "icat-error.h"
#include "icat-format.h"
#include "icat-nested-id.h"
#include "icat-validate.h"

static void
ref_free (gpointer data)
{
  IcatRef *ref = data;

  g_free (ref->path);
  g_free (ref->target);
  g_free (ref->id);
  g_free (ref->parent_id);
  g_free (ref);
}

IcatValidation *
icat_validation_new (void)
{
  IcatValidation *validation = g_new0 (IcatValidation, 1);

  validation->refs = g_ptr_array_new_with_free_func (ref_free);
  validation->child_ids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  validation->children = g_ptr_array_new_with_free_func (ref_free);
  return validation;
}

void
icat_validation_free (IcatValidation *validation)
{
  g_ptr_array_unref (validation->refs);
  g_hash_table_unref (validation->child_ids);
  g_ptr_array_unref (validation->children);
  g_free (validation);
}

gboolean
icat_validation_merge (IcatValidation  *into,
                       IcatValidation  *from,
                       GError         **error)
{
  for (guint i = 0; i < from->children->len; i++)
    {
      IcatRef *child = from->children->pdata[i];
      g_autofree char *key = g_strconcat (child->target, "/", child->id, NULL);

      if (g_hash_table_contains (into->child_ids, key))
        {
          /* The child's own path, as check_children () names it. */
          g_autofree char *child_path = g_strndup (child->path, strlen (child->path) - strlen (".id"));

          return icat_set_invalid (error, child_path, _("the id %s is used twice"), child->id);
        }
      g_hash_table_insert (into->child_ids, g_steal_pointer (&key), g_strdup (child->parent_id));
    }
  g_ptr_array_extend_and_steal (into->refs, g_steal_pointer (&from->refs));
  g_ptr_array_extend_and_steal (into->children, g_steal_pointer (&from->children));
  from->refs = g_ptr_array_new_with_free_func (ref_free);
  from->children = g_ptr_array_new_with_free_func (ref_free);
  return TRUE;
}

gboolean
icat_set_invalid (GError     **error,
                  const char  *path,
                  const char  *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, ICAT_ERROR, ICAT_ERROR_INVALID, "%s: %s", path, message);
  return FALSE;
}

static gboolean
is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
is_blank (const char *text)
{
  for (; *text != '\0'; text = g_utf8_next_char (text))
    if (!g_unichar_isspace (g_utf8_get_char (text)))
      return FALSE;
  return TRUE;
}

/* A name tzdata knows ("Europe/Vienna", "UTC", "CET", "EST5EDT"), never a
 * file path or a POSIX rule ("ABC5"), which GLib would also accept (and
 * load, for a path): the name must be a file of the zone database. */
static gboolean
is_zone_name (const char *text)
{
  const char *tzdir = g_getenv ("TZDIR");
  g_autofree char *file = NULL;

  if (text == NULL || !g_ascii_isalpha (text[0]) || strstr (text, "..") != NULL)
    return FALSE;
  for (const char *c = text; *c != '\0'; c++)
    if (!g_ascii_isalnum (*c) && strchr ("_+-/", *c) == NULL)
      return FALSE;
  file = g_build_filename (tzdir != NULL && *tzdir != '\0' ? tzdir : "/usr/share/zoneinfo", text, NULL);
  return g_file_test (file, G_FILE_TEST_IS_REGULAR);
}

/* A date or time written as the format asks but outside the years it
 * allows, which deserves its own message. */
static gboolean
outside_years (const char *text)
{
  int year = 0;

  if (text == NULL || strlen (text) < 4)
    return FALSE;
  for (guint i = 0; i < 4; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      year = year * 10 + g_ascii_digit_value (text[i]);
    }
  return year < ICAT_YEAR_MIN || year > ICAT_YEAR_MAX;
}

static void
add_ref (IcatValidation *validation,
         const char     *path,
         const char     *target,
         const char     *id,
         const char     *parent_id)
{
  IcatRef *ref = g_new0 (IcatRef, 1);

  ref->path = g_strdup (path);
  ref->target = g_strdup (target);
  ref->id = g_strdup (id);
  ref->parent_id = g_strdup (parent_id);
  g_ptr_array_add (validation->refs, ref);
}

/* Appends "[index]": validating names a path for every element it
 * checks, and printf for each was a tenth of an import's validation. */
static void
append_index (GString *path,
              guint    index)
{
  char digits[12];
  int n = 0;

  g_string_append_c (path, '[');
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  while (n > 0)
    g_string_append_c (path, digits[--n]);
  g_string_append_c (path, ']');
}

static gboolean
check_language_code (const char *code)
{
  gsize len = strlen (code);

  if (len < 2 || len > 8)
    return FALSE;
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isalpha (code[i]) && code[i] != '-')
      return FALSE;
  return TRUE;
}

static gboolean
check_localized (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  JsonObject *object;
  g_autoptr(GList) members = NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return icat_set_invalid (error, path, _("must be texts by language, like {\"en\": \"…\", \"zh\": \"…\"}"));
  object = json_node_get_object (node);
  members = json_object_get_members (object);
  if (members == NULL)
    return icat_set_invalid (error, path, _("needs a text in at least one language"));
  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *text = json_object_get_member (object, l->data);

      if (!check_language_code (l->data))
        return icat_set_invalid (error, path, _("“%s” is not a language code"), (const char *) l->data);
      if (!is_string (text) || *json_node_get_string (text) == '\0')
        return icat_set_invalid (error, path, _("the “%s” text must be a non-empty string"), (const char *) l->data);
    }
  return TRUE;
}

static gboolean
check_id_list (JsonNode        *node,
               const IcatField *field,
               const char      *path,
               IcatValidation  *validation,
               GError         **error)
{
  JsonArray *array;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) element_path = g_string_new (path);
  gsize path_length = element_path->len;
  guint length;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return icat_set_invalid (error, path, _("must be a list"));
  array = json_node_get_array (node);
  length = json_array_get_length (array);
  if (field->max > 0 && (length < field->min || length > field->max))
    return icat_set_invalid (error, path, _("must name between %d and %d records"), (int) field->min, (int) field->max);
  for (guint i = 0; i < length; i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      const char *id;

      g_string_truncate (element_path, path_length);
      append_index (element_path, i);
      if (!is_string (element) || !icat_is_uuid (json_node_get_string (element)))
        return icat_set_invalid (error, element_path->str, _("must be an id (a lower-case UUID)"));
      id = json_node_get_string (element);
      if (!g_hash_table_add (seen, (gpointer) id))
        return icat_set_invalid (error, element_path->str, _("is listed twice"));
      add_ref (validation, element_path->str, field->ref, id, NULL);
    }
  return TRUE;
}

static gboolean
check_name_list (JsonNode    *node,
                 const char  *path,
                 GError     **error)
{
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return icat_set_invalid (error, path, _("must be a list of names"));
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    if (!is_string (json_array_get_element (array, i)))
      {
        g_autofree char *element_path = g_strdup_printf ("%s[%u]", path, i);

        return icat_set_invalid (error, element_path, _("must be text"));
      }
  return TRUE;
}

static JsonArray *check_children (JsonNode *node, const IcatField *field, const char *path,
                                  const char *parent_table, const char *parent_id,
                                  IcatValidation *validation, GError **error);

/* Checks one value and returns what to store (a new node), or NULL. */
static JsonNode *
check_value (JsonNode        *node,
             const IcatField *field,
             const char      *path,
             const char      *table,
             JsonObject      *record,
             IcatValidation  *validation,
             GError         **error)
{
  const char *text = is_string (node) ? json_node_get_string (node) : NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *normalized = NULL;
  g_autofree char *choices = NULL;
  JsonArray *children;
  gint64 number;

  switch (field->type)
    {
    case ICAT_VALUE_ID:
      if (!icat_is_uuid (text))
        return icat_set_invalid (error, path, _("must be an id (a lower-case UUID)")), NULL;
      break;
    case ICAT_VALUE_TIMESTAMP:
      normalized = icat_timestamp_normalize (text);
      if (normalized == NULL && outside_years (text))
        return icat_set_invalid (error, path, _("must be in the years %d to %d"), ICAT_YEAR_MIN, ICAT_YEAR_MAX), NULL;
      if (normalized == NULL)
        return icat_set_invalid (error, path, _("must be a UTC time like 2026-11-23T10:00:00.000Z")), NULL;
      return json_node_init_string (json_node_alloc (), normalized);
    case ICAT_VALUE_DATE:
      if (!icat_is_date (text) && outside_years (text))
        return icat_set_invalid (error, path, _("must be in the years %d to %d"), ICAT_YEAR_MIN, ICAT_YEAR_MAX), NULL;
      if (!icat_is_date (text))
        return icat_set_invalid (error, path, _("must be a date like 2026, 2026-11 or 2026-11-23")), NULL;
      break;
    case ICAT_VALUE_TEXT:
      if (text == NULL)
        return icat_set_invalid (error, path, _("must be text")), NULL;
      if ((field->flags & ICAT_FIELD_REQUIRED) && is_blank (text))
        return icat_set_invalid (error, path, _("must not be empty")), NULL;
      break;
    case ICAT_VALUE_LOCALIZED:
      if (!check_localized (node, path, error))
        return NULL;
      break;
    case ICAT_VALUE_INTEGER:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
        return icat_set_invalid (error, path, _("must be a whole number")), NULL;
      number = json_node_get_int (node);
      if (number < field->min || number > field->max)
        return icat_set_invalid (error, path, _("must be between %d and %d"), (int) field->min, (int) field->max), NULL;
      break;
    case ICAT_VALUE_BOOLEAN:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        return icat_set_invalid (error, path, _("must be true or false")), NULL;
      break;
    case ICAT_VALUE_ENUM:
      if (!icat_schema_enum_has (field, text))
        {
          choices = g_strjoinv (", ", (char **) field->choices);
          return icat_set_invalid (error, path, _("must be one of: %s"), choices), NULL;
        }
      break;
    case ICAT_VALUE_TIMEZONE:
      if (!is_zone_name (text) || (zone = icat_time_zone_named (text)) == NULL)
        return icat_set_invalid (error, path, _("must be a time zone name like Europe/Vienna")), NULL;
      break;
    case ICAT_VALUE_REF:
      if (!icat_is_uuid (text))
        return icat_set_invalid (error, path, _("must be an id (a lower-case UUID)")), NULL;
      add_ref (validation, path, field->ref, text, NULL);
      break;
    case ICAT_VALUE_CHILD_REF:
      {
        JsonNode *via = json_object_get_member (record, field->via);

        if (!icat_is_uuid (text))
          return icat_set_invalid (error, path, _("must be an id (a lower-case UUID)")), NULL;
        if (via == NULL || !is_string (via))
          return icat_set_invalid (error, path, _("names an item but not the record it belongs to (%s)"), field->via), NULL;
        add_ref (validation, path, field->ref, text, json_node_get_string (via));
      }
      break;
    case ICAT_VALUE_REF_LIST:
      if (!check_id_list (node, field, path, validation, error))
        return NULL;
      break;
    case ICAT_VALUE_NAME_LIST:
      if (!check_name_list (node, path, error))
        return NULL;
      break;
    case ICAT_VALUE_CHILDREN:
      children = check_children (node, field, path, table,
                                 json_object_get_string_member_with_default (record, "id", NULL),
                                 validation, error);
      if (children == NULL)
        return NULL;
      {
        JsonNode *list = json_node_init (json_node_alloc (), JSON_NODE_ARRAY);

        /* The node takes check_children's reference over. */
        json_node_take_array (list, children);
        return list;
      }
    default:
      g_assert_not_reached ();
    }
  return json_node_copy (node);
}

static JsonObject *validate_object (const IcatKind *kind, JsonNode *node, const char *path,
                                    const char *table, IcatValidation *validation, GError **error);

static JsonArray *
check_children (JsonNode         *node,
                const IcatField  *field,
                const char       *path,
                const char       *parent_table,
                const char       *parent_id,
                IcatValidation   *validation,
                GError          **error)
{
  g_autofree char *table = icat_schema_sub_table (parent_table, field);
  g_autoptr(JsonArray) result = json_array_new ();
  g_autoptr(GString) child_path = g_string_new (path);
  gsize path_length = child_path->len;
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return icat_set_invalid (error, path, _("must be a list")), NULL;
  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *child;

      g_string_truncate (child_path, path_length);
      append_index (child_path, i);
      child = validate_object (field->child, json_array_get_element (array, i), child_path->str, table,
                               validation, error);
      if (child == NULL)
        return NULL;
      json_array_add_object_element (result, child);
    }
  /* Rows of older documents, and rows just added in the app, get the id
   * every laptop derives alike. */
  icat_nested_ids_fill (parent_id, field->name, field->child, result);
  for (guint i = 0; i < json_array_get_length (result); i++)
    {
      JsonObject *child = json_array_get_object_element (result, i);
      const char *child_id;

      g_string_truncate (child_path, path_length);
      append_index (child_path, i);
      child_id = json_object_get_string_member_with_default (child, "id", NULL);
      if (child_id != NULL &&
          !g_hash_table_insert (validation->child_ids, g_strconcat (table, "/", child_id, NULL),
                                g_strdup (parent_id)))
        return icat_set_invalid (error, child_path->str, _("the id %s is used twice"), child_id), NULL;
      if (child_id != NULL)
        {
          IcatRef *child_ref = g_new0 (IcatRef, 1);

          child_ref->path = g_strconcat (child_path->str, ".id", NULL);
          child_ref->target = g_strdup (table);
          child_ref->id = g_strdup (child_id);
          child_ref->parent_id = g_strdup (parent_id);
          g_ptr_array_add (validation->children, child_ref);
        }
    }
  return g_steal_pointer (&result);
}

static gboolean
check_record_rules (const IcatKind  *kind,
                    JsonObject      *record,
                    const char      *path,
                    GError         **error)
{
  const char *starts = json_object_get_string_member_with_default (record, "starts_at", NULL);
  const char *ends = json_object_get_string_member_with_default (record, "ends_at", NULL);
  const char *start_date = json_object_get_string_member_with_default (record, "starts", NULL);
  const char *due = json_object_get_string_member_with_default (record, "due", NULL);

  if (strcmp (kind->name, "meeting") == 0 && starts && ends && strcmp (ends, starts) < 0)
    {
      g_autofree char *field_path = g_strconcat (path, ".ends_at", NULL);

      return icat_set_invalid (error, field_path, _("the meeting ends before it starts"));
    }
  /* Partial dates compare on what both know: due "2026-03" is not before
   * a start on "2026-03-15". */
  if (strcmp (kind->name, "action_item") == 0 && start_date && due &&
      strncmp (due, start_date, MIN (strlen (due), strlen (start_date))) < 0)
    {
      g_autofree char *field_path = g_strconcat (path, ".due", NULL);

      return icat_set_invalid (error, field_path, _("is before the start date"));
    }
  /* One agency clears a paper once: two rows would be two answers. */
  if (strcmp (kind->name, "paper") == 0)
    {
      JsonNode *clearances = json_object_get_member (record, ICAT_KEY_CLEARANCES);
      int twice = clearances != NULL && JSON_NODE_HOLDS_ARRAY (clearances)
                  ? icat_clearance_find_duplicate (json_node_get_array (clearances)) : -1;

      if (twice >= 0)
        {
          g_autofree char *row_path = g_strdup_printf ("%s.%s[%d].%s", path, ICAT_KEY_CLEARANCES, twice, ICAT_KEY_AGENCY);

          return icat_set_invalid (error, row_path, _("this agency's clearance is already listed"));
        }
    }
  return TRUE;
}

static JsonObject *
validate_object (const IcatKind  *kind,
                 JsonNode        *node,
                 const char      *path,
                 const char      *table,
                 IcatValidation  *validation,
                 GError         **error)
{
  g_autoptr(JsonObject) result = json_object_new ();
  g_autoptr(GList) members = NULL;
  g_autoptr(GString) field_path = g_string_new (path);
  gsize path_length = field_path->len;
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return icat_set_invalid (error, path, _("must be an object")), NULL;
  object = json_node_get_object (node);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (icat_kind_lookup_field (kind, l->data) == NULL)
      {
        g_string_append_c (field_path, '.');
        g_string_append (field_path, l->data);
        return icat_set_invalid (error, field_path->str, _("is not a field of this record")), NULL;
      }

  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];
      JsonNode *value = json_object_get_member (object, field->name);
      JsonNode *checked;

      g_string_truncate (field_path, path_length);
      g_string_append_c (field_path, '.');
      g_string_append (field_path, field->name);
      if (value == NULL || JSON_NODE_HOLDS_NULL (value))
        {
          if (field->flags & ICAT_FIELD_REQUIRED)
            return icat_set_invalid (error, field_path->str, _("is required")), NULL;
          if (field->flags & ICAT_FIELD_FALSE_IF_ABSENT)
            json_object_set_boolean_member (result, field->name, FALSE);
          else if (field->type == ICAT_VALUE_REF_LIST || field->type == ICAT_VALUE_CHILDREN ||
                   field->type == ICAT_VALUE_NAME_LIST)
            json_object_set_array_member (result, field->name, json_array_new ());
          else
            json_object_set_null_member (result, field->name);
          continue;
        }
      checked = check_value (value, field, field_path->str, table, object, validation, error);
      if (checked == NULL)
        return NULL;
      json_object_set_member (result, field->name, checked);
    }
  if (!check_record_rules (kind, result, path, error))
    return NULL;
  return g_steal_pointer (&result);
}

JsonObject *
icat_validate_record (const IcatKind  *kind,
                      JsonNode        *node,
                      const char      *path,
                      IcatValidation  *validation,
                      GError         **error)
{
  return validate_object (kind, node, path, kind->name, validation, error);
}
