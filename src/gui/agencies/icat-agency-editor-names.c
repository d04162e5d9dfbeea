/* icat-agency-editor-names.c — an agency's name in the six languages
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * ICAT's members write in the six official languages of the United
 * Nations. The name in the coordinator's own language comes first; the
 * five others wait in an expander row, which says which of them are
 * given, so the editor stays as short as it was with one name.
 */
#define G_LOG_DOMAIN "icat-agency-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agency-editor-private.h"
#include "icat-editor-util.h"
#include "icat-languages.h"
#include "icat-record-io.h"
#include "icat-schema.h"

/* In the order the United Nations lists its languages. */
static const struct {
  const char *code;
  const char *title;
} name_languages[ICAT_AGENCY_NAME_LANGUAGES] = {
  { "ar", N_("Name in Arabic") },
  { "zh", N_("Name in Chinese") },
  { "en", N_("Name in English") },
  { "fr", N_("Name in French") },
  { "ru", N_("Name in Russian") },
  { "es", N_("Name in Spanish") },
};

/* The language's name in itself, as the document language lists it. */
static const char *
own_name (const char *code)
{
  const IcatLanguage *language = icat_language_find (g_str_equal (code, "zh") ? "zh_CN" : code);

  return language != NULL ? language->name : code;
}

/* The other languages that have a name, for the expander's subtitle. */
static void
update_other_names (IcatAgencyEditor *self)
{
  gboolean any = FALSE;
  /* A mark of the row's own direction first: a list that starts with
   * العربية would otherwise be laid out right to left in an English row. */
  g_autoptr(GString) given = g_string_new (gtk_widget_get_direction (GTK_WIDGET (self->other_names_row))
                                           == GTK_TEXT_DIR_RTL ? "\u200F" : "\u200E");

  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    {
      g_autofree char *text = NULL;

      if (self->name_rows[i] == self->name_row)
        continue;
      text = _icat_agency_stripped_text (self->name_rows[i]);
      if (*text == '\0')
        continue;
      g_string_append_printf (given, "%s\u2068%s\u2069", any ? _(", ") : "", own_name (name_languages[i].code));
      any = TRUE;
    }
  adw_expander_row_set_subtitle (self->other_names_row, any ? given->str : _("None"));
}

static void
name_changed_cb (IcatAgencyEditor *self)
{
  JsonNode *old = json_object_get_member (self->shown, ICAT_KEY_NAME);
  g_autoptr(JsonNode) copy = old && JSON_NODE_HOLDS_OBJECT (old) ? icat_json_normalized (old) : NULL;
  JsonObject *name;

  if (copy == NULL)
    {
      copy = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (copy, json_object_new ());
    }
  name = json_node_get_object (copy);
  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    {
      g_autofree char *text = _icat_agency_stripped_text (self->name_rows[i]);

      if (*text != '\0')
        json_object_set_string_member (name, name_languages[i].code, text);
      else if (json_object_has_member (name, name_languages[i].code))
        json_object_remove_member (name, name_languages[i].code);
    }
  /* The format needs a name in at least one language: said below the
   * first row, which is never folded away. */
  _icat_agency_show_error (self->name_row, json_object_get_size (name) == 0);
  icat_row_show_problem (GTK_WIDGET (self->name_row), json_object_get_size (name) == 0
                         ? _("An agency needs a name in at least one language.") : NULL);
  if (json_object_get_size (name) > 0)
    _icat_agency_editor_queue_field (self, ICAT_KEY_NAME, g_steal_pointer (&copy));
  else
    _icat_agency_editor_withdraw_field (self, ICAT_KEY_NAME);
  update_other_names (self);
  _icat_agency_editor_update_heading (self);
}

void
_icat_agency_names_build (IcatAgencyEditor *self)
{
  const char *own = icat_localized_user_code ();

  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    {
      gboolean first = g_str_equal (name_languages[i].code, own);
      AdwEntryRow *row = first ? self->name_row : ADW_ENTRY_ROW (adw_entry_row_new ());
      g_autofree char *widget_name = g_strconcat ("name-", name_languages[i].code, NULL);

      gtk_widget_set_name (GTK_WIDGET (row), widget_name);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(name_languages[i].title));
      g_signal_connect_swapped (row, "changed", G_CALLBACK (name_changed_cb), self);
      if (!first)
        adw_expander_row_add_row (self->other_names_row, GTK_WIDGET (row));
      self->name_rows[i] = row;
    }
}

void
_icat_agency_names_load (IcatAgencyEditor *self,
                         JsonObject       *data)
{
  JsonNode *node = json_object_get_member (data, ICAT_KEY_NAME);
  JsonObject *name = node && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

  self->loading++;
  for (guint i = 0; i < G_N_ELEMENTS (name_languages); i++)
    icat_editable_show_text (GTK_EDITABLE (self->name_rows[i]), icat_json_get_string (name, name_languages[i].code));
  _icat_agency_show_error (self->name_row, FALSE);
  icat_row_show_problem (GTK_WIDGET (self->name_row), NULL);
  update_other_names (self);
  self->loading--;
}
