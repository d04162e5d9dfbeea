/* icat-meeting-data.c — a meeting's record as the editor handles it
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * JSON values normalized so that what the editor shows compares equal to
 * what the store gives back, the values the editor builds from its fields
 * and reads back (titles, chairs, the state it reports), and the rule of resolution 72/195 on who must
 * be invited to a principals-level meeting. No widgets here.
 */
#define G_LOG_DOMAIN "icat-meeting-editor"

#include "config.h"

#include <string.h>

#include "icat-editor-util.h"
#include "icat-fields.h"
#include "icat-format.h"
#include "icat-json-merge.h"
#include "icat-meeting-editor-private.h"
#include "icat-record-io.h"
#include "icat-record-list.h"
#include "icat-today.h"

/* JSON helpers */

JsonArray *
_icat_meeting_get_array (JsonObject *object,
                         const char *field)
{
  JsonNode *node = object ? json_object_get_member (object, field) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonNode *
_icat_meeting_string_node (const char *text)
{
  if (text == NULL || *text == '\0')
    return json_node_new (JSON_NODE_NULL);
  return json_node_init_string (json_node_alloc (), text);
}

JsonNode *
_icat_meeting_array_node (JsonArray *array)
{
  JsonNode *node = json_node_new (JSON_NODE_ARRAY);

  json_node_take_array (node, array);
  return node;
}

/* What the editor shows, compared to the record */

void
_icat_meeting_shown_remember (JsonObject *shown,
                              const char *field,
                              JsonNode   *value)
{
  JsonNode *copy = icat_json_normalized (value);

  if (copy != NULL)
    json_object_set_member (shown, field, copy);
  else if (json_object_has_member (shown, field))
    json_object_remove_member (shown, field);
}

gboolean
_icat_meeting_shown_matches (JsonObject *shown,
                             JsonObject *data,
                             const char *field)
{
  g_autoptr(JsonNode) stored = icat_json_normalized (json_object_get_member (data, field));
  JsonNode *shown_value = json_object_get_member (shown, field);

  if (stored == NULL || shown_value == NULL)
    return stored == shown_value;
  return json_node_equal (stored, shown_value);
}

gboolean
_icat_meeting_json_same (JsonNode *a,
                         JsonNode *b)
{
  g_autoptr(JsonNode) first = icat_json_normalized (a);
  g_autoptr(JsonNode) second = icat_json_normalized (b);

  if (first == NULL || second == NULL)
    return first == second;
  return json_node_equal (first, second);
}

JsonObject *
_icat_meeting_dup_state (JsonObject *data,
                         JsonObject *shown)
{
  JsonObject *state = json_object_new ();
  g_autoptr(GList) members = json_object_get_members (data);

  for (GList *l = members; l != NULL; l = l->next)
    {
      JsonNode *value = json_object_has_member (shown, l->data) ? NULL
                        : icat_json_normalized (json_object_get_member (data, l->data));

      if (value != NULL)
        json_object_set_member (state, l->data, value);
    }
  g_list_free (g_steal_pointer (&members));
  members = json_object_get_members (shown);
  for (GList *l = members; l != NULL; l = l->next)
    json_object_set_member (state, l->data, icat_json_normalized (json_object_get_member (shown, l->data)));
  return state;
}

/* Titles and chairs */

const char *
_icat_meeting_title_text (JsonObject *title)
{
  /* The editor's one title row writes icat_user_language (): it shows that
   * language's title when there is one, so what is typed replaces what was
   * shown; else the title in the order every display follows. */
  const char *text = icat_json_get_string (title, icat_user_language ());

  if (text == NULL)
    text = icat_localized_pick (title);
  return text ? text : "";
}

JsonNode *
_icat_meeting_title_with (JsonNode   *old,
                          const char *language,
                          const char *text)
{
  g_autoptr(JsonObject) empty = json_object_new ();
  JsonNode *copy = old && JSON_NODE_HOLDS_OBJECT (old) ? icat_json_normalized (old)
                                                       : json_node_init_object (json_node_alloc (), empty);
  JsonObject *title = json_node_get_object (copy);

  if (*text != '\0')
    json_object_set_string_member (title, language, text);
  else if (json_object_has_member (title, language))
    json_object_remove_member (title, language);
  return copy;
}

const char *
_icat_meeting_chair_at (JsonObject *data,
                        guint       index)
{
  JsonArray *chairs = _icat_meeting_get_array (data, ICAT_KEY_CHAIRS);
  guint n_chairs = chairs ? json_array_get_length (chairs) : 0;

  return index < n_chairs ? json_array_get_string_element (chairs, index) : NULL;
}

JsonNode *
_icat_meeting_chairs_node (const char *chair,
                           const char *cochair)
{
  JsonArray *chairs = json_array_new ();

  if (chair != NULL)
    json_array_add_string_element (chairs, chair);
  if (cochair != NULL && g_strcmp0 (cochair, chair) != 0)
    json_array_add_string_element (chairs, cochair);
  return _icat_meeting_array_node (chairs);
}

/* Principals-level meetings and inactive members */

/* Whether a date of the format ("2018", "2018-05", "2018-05-02") starts after,
 * or ends before, the day today: compared to as much as it gives. */
static int
compare_to_today (const char *date,
                  const char *today)
{
  return strncmp (date, today, strlen (date));
}

static gboolean
is_inactive_member (IcatRecord *agency,
                    const char *today)
{
  JsonArray *memberships = icat_record_get_array (agency, ICAT_KEY_MEMBERSHIPS);
  const char *role = NULL;
  const char *latest = NULL;

  for (guint i = 0; memberships != NULL && i < json_array_get_length (memberships); i++)
    {
      JsonObject *membership = json_array_get_object_element (memberships, i);
      const char *from = icat_json_get_string (membership, ICAT_KEY_FROM);
      const char *to = icat_json_get_string (membership, ICAT_KEY_TO);

      if (from == NULL || compare_to_today (from, today) > 0 ||
          (to != NULL && compare_to_today (to, today) < 0))
        continue;
      if (latest == NULL || strcmp (from, latest) >= 0)
        {
          latest = from;
          role = icat_json_get_string (membership, ICAT_KEY_ROLE);
        }
    }
  return g_strcmp0 (role, "inactive-member") == 0;
}

static gboolean
is_listed (IcatRecord *agency,
           JsonObject *meeting)
{
  JsonArray *attendance = _icat_meeting_get_array (meeting, ICAT_KEY_ATTENDANCE);
  JsonArray *invited = _icat_meeting_get_array (meeting, ICAT_KEY_INVITED);
  JsonNode *name = json_object_get_member (icat_record_get_data (agency), ICAT_KEY_NAME);
  JsonObject *names = name != NULL && JSON_NODE_HOLDS_OBJECT (name) ? json_node_get_object (name) : NULL;

  for (guint i = 0; attendance != NULL && i < json_array_get_length (attendance); i++)
    if (g_strcmp0 (icat_json_get_string (json_array_get_object_element (attendance, i), ICAT_KEY_AGENCY),
                   icat_record_get_id (agency)) == 0)
      return TRUE;
  for (guint i = 0; invited != NULL && i < json_array_get_length (invited); i++)
    {
      const char *invitee = icat_json_get_string (json_array_get_object_element (invited, i), ICAT_KEY_NAME);
      g_autoptr(GList) languages = names ? json_object_get_members (names) : NULL;

      if (invitee == NULL)
        continue;
      if (g_ascii_strcasecmp (invitee, icat_record_get_string (agency, ICAT_KEY_ACRONYM)) == 0)
        return TRUE;
      for (GList *l = languages; l != NULL; l = l->next)
        if (g_strcmp0 (invitee, icat_json_get_string (names, l->data)) == 0)
          return TRUE;
    }
  return FALSE;
}

char **
_icat_meeting_missing_inactive (GListModel *agencies,
                                JsonObject *meeting)
{
  g_autoptr(GStrvBuilder) missing = g_strv_builder_new ();
  g_autofree char *today = icat_today_string ();

  if (g_strcmp0 (icat_json_get_string (meeting, ICAT_KEY_KIND), "principals") == 0)
    for (guint i = 0; i < g_list_model_get_n_items (agencies); i++)
      {
        g_autoptr(IcatRecord) agency = g_list_model_get_item (agencies, i);

        if (is_inactive_member (agency, today) && !is_listed (agency, meeting))
          g_strv_builder_add (missing, icat_record_get_string (agency, ICAT_KEY_ACRONYM));
      }
  return g_strv_builder_end (missing);
}

char **
icat_meeting_missing_inactive_members (IcatStore  *store,
                                       JsonObject *meeting)
{
  g_autoptr(IcatRecordList) agencies = NULL;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (meeting != NULL, NULL);
  agencies = icat_record_list_new (store, "agency");
  icat_record_list_set_sort (agencies, ICAT_KEY_ACRONYM, FALSE);
  return _icat_meeting_missing_inactive (G_LIST_MODEL (agencies), meeting);
}

/* Merging a change from elsewhere into what is being typed */

JsonNode *
_icat_meeting_merge_lists (JsonNode *base,
                           JsonNode *mine,
                           JsonNode *theirs)
{
  return icat_json_merge_lists (base, mine, theirs, _icat_meeting_json_same);
}
