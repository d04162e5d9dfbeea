/* icat-agency-choice.c — a drop-down of agencies that keeps former ones out of the way
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-agency-choice"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agency-choice.h"

/* In shown: the "Show former members…" entry, after every name; and, while
 * two lists are compared, the end of a list. */
#define SHOW_FORMER_ENTRY (G_MAXUINT - 1)
#define END_OF_LIST       G_MAXUINT

#define ICAT_TYPE_AGENCY_CHOICES (icat_agency_choices_get_type ())
G_DECLARE_FINAL_TYPE (IcatAgencyChoices, icat_agency_choices, ICAT, AGENCY_CHOICES, GObject)

/* The names a drop-down offers: a list model over some of names, in their
 * order. */
struct _IcatAgencyChoices
{
  GObject          parent_instance;

  /* owned */
  GListModel      *names;
  GArray          *shown;            /* guint: positions in names offered, then maybe SHOW_FORMER_ENTRY */
  GtkStringObject *show_former_entry;

  /* borrowed: the caller's */
  GPtrArray       *ids;
  GHashTable      *former;

  guint            first_id;
  guint            kept;             /* the record's own choice, offered even if former */
  guint            also_kept;        /* the earlier one, while the choice moves */
  guint            last_choice;      /* the agency chosen before "Show former members…" */
  gboolean         show_former;
  gboolean         updating;         /* the choice moves by itself, not by the user */
  gboolean         silent;           /* ... and nobody is told */
};

static GType
icat_agency_choices_get_item_type (GListModel *model)
{
  return GTK_TYPE_STRING_OBJECT;
}

static guint
icat_agency_choices_get_n_items (GListModel *model)
{
  return ICAT_AGENCY_CHOICES (model)->shown->len;
}

static gpointer
icat_agency_choices_get_item (GListModel *model,
                              guint       position)
{
  IcatAgencyChoices *self = ICAT_AGENCY_CHOICES (model);
  guint name;

  if (position >= self->shown->len)
    return NULL;
  name = g_array_index (self->shown, guint, position);
  if (name == SHOW_FORMER_ENTRY)
    return g_object_ref (self->show_former_entry);
  return g_list_model_get_item (self->names, name);
}

static void
icat_agency_choices_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = icat_agency_choices_get_item_type;
  iface->get_n_items = icat_agency_choices_get_n_items;
  iface->get_item = icat_agency_choices_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (IcatAgencyChoices, icat_agency_choices, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, icat_agency_choices_list_model_init))

static gboolean
is_former (IcatAgencyChoices *self,
           guint              name)
{
  const char *id;

  if (name < self->first_id || name - self->first_id >= self->ids->len)
    return FALSE;
  id = self->ids->pdata[name - self->first_id];
  return id != NULL && g_hash_table_contains (self->former, id);
}

static GArray *
wanted_names (IcatAgencyChoices *self)
{
  GArray *wanted = g_array_new (FALSE, FALSE, sizeof (guint));
  guint n_names = g_list_model_get_n_items (self->names);
  gboolean hidden = FALSE;

  for (guint name = 0; name < n_names; name++)
    if (self->show_former || name == self->kept || name == self->also_kept || !is_former (self, name))
      g_array_append_val (wanted, name);
    else
      hidden = TRUE;
  if (hidden)
    {
      guint entry = SHOW_FORMER_ENTRY;

      g_array_append_val (wanted, entry);
    }
  return wanted;
}

/* Names are only added or taken away around the ones kept, one at a time,
 * so that the drop-down's choice stays where it is. */
static void
update_shown (IcatAgencyChoices *self)
{
  g_autoptr(GArray) wanted = wanted_names (self);
  guint at = 0, next = 0;

  while (at < self->shown->len || next < wanted->len)
    {
      guint have = at < self->shown->len ? g_array_index (self->shown, guint, at) : END_OF_LIST;
      guint want = next < wanted->len ? g_array_index (wanted, guint, next) : END_OF_LIST;

      if (have == want)
        {
          at++;
          next++;
        }
      else if (have < want)
        {
          g_array_remove_index (self->shown, at);
          g_list_model_items_changed (G_LIST_MODEL (self), at, 1, 0);
        }
      else
        {
          g_array_insert_val (self->shown, at, want);
          g_list_model_items_changed (G_LIST_MODEL (self), at, 0, 1);
          at++;
          next++;
        }
    }
}

/* Every name may have moved: the owner fills the drop-down's choice again. */
static void
names_changed_cb (GListModel        *names,
                  guint              position,
                  guint              removed,
                  guint              added,
                  IcatAgencyChoices *self)
{
  guint old_length = self->shown->len;
  g_autoptr(GArray) wanted = NULL;

  self->kept = GTK_INVALID_LIST_POSITION;
  wanted = wanted_names (self);
  g_array_set_size (self->shown, 0);
  g_array_append_vals (self->shown, wanted->data, wanted->len);
  self->updating = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), 0, old_length, self->shown->len);
  self->updating = FALSE;
}

static void
icat_agency_choices_finalize (GObject *object)
{
  IcatAgencyChoices *self = ICAT_AGENCY_CHOICES (object);

  g_signal_handlers_disconnect_by_func (self->names, names_changed_cb, self);
  g_clear_object (&self->names);
  g_clear_object (&self->show_former_entry);
  g_clear_pointer (&self->shown, g_array_unref);
  G_OBJECT_CLASS (icat_agency_choices_parent_class)->finalize (object);
}

static void
icat_agency_choices_class_init (IcatAgencyChoicesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = icat_agency_choices_finalize;
}

static void
icat_agency_choices_init (IcatAgencyChoices *self)
{
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));
  self->kept = self->also_kept = self->last_choice = GTK_INVALID_LIST_POSITION;
  self->show_former_entry = gtk_string_object_new (_("Show former members…"));
}

static IcatAgencyChoices *
choices_of (AdwComboRow *row)
{
  GListModel *model = adw_combo_row_get_model (row);

  return ICAT_IS_AGENCY_CHOICES (model) ? ICAT_AGENCY_CHOICES (model) : NULL;
}

static guint
shown_position (IcatAgencyChoices *self,
                guint              name)
{
  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, guint, i) == name)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
show_former (AdwComboRow       *row,
             IcatAgencyChoices *self)
{
  self->silent = TRUE;
  self->show_former = TRUE;
  update_shown (self);
  adw_combo_row_set_selected (row, shown_position (self, self->last_choice));
  self->silent = FALSE;
}

/* "Show former members…" is not a choice: the drop-down keeps the agency it
 * had and offers every name from the next time it opens. Whoever
 * follows the row's choice never hears of it, nor of the choice moving
 * meanwhile. */
static void
row_selected_cb (AdwComboRow       *row,
                 GParamSpec        *pspec,
                 IcatAgencyChoices *self)
{
  guint selected = adw_combo_row_get_selected (row);
  guint name = selected < self->shown->len ? g_array_index (self->shown, guint, selected) : END_OF_LIST;

  if (self->silent)
    g_signal_stop_emission_by_name (row, "notify::selected");
  else if (name != SHOW_FORMER_ENTRY)
    self->last_choice = name;
  else if (!self->updating)
    {
      show_former (row, self);
      g_signal_stop_emission_by_name (row, "notify::selected");
    }
}

void
icat_agency_choice_attach (AdwComboRow *row,
                           GListModel  *names,
                           GPtrArray   *ids,
                           guint        first_id,
                           GHashTable  *former)
{
  g_autoptr(IcatAgencyChoices) self = NULL;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  g_return_if_fail (G_IS_LIST_MODEL (names));
  g_return_if_fail (ids != NULL && former != NULL);

  self = g_object_new (ICAT_TYPE_AGENCY_CHOICES, NULL);
  self->names = g_object_ref (names);
  self->ids = ids;
  self->first_id = first_id;
  self->former = former;
  names_changed_cb (names, 0, 0, 0, self);
  g_signal_connect (names, "items-changed", G_CALLBACK (names_changed_cb), self);
  adw_combo_row_set_model (row, G_LIST_MODEL (self));
  if (adw_combo_row_get_selected (row) < self->shown->len)
    self->last_choice = g_array_index (self->shown, guint, adw_combo_row_get_selected (row));
  /* The model lives as long as the row holds it. */
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (row_selected_cb), self, 0);
}

guint
icat_agency_choice_get_selected (AdwComboRow *row)
{
  IcatAgencyChoices *self;
  guint selected;

  g_return_val_if_fail (ADW_IS_COMBO_ROW (row), GTK_INVALID_LIST_POSITION);
  self = choices_of (row);
  g_return_val_if_fail (self != NULL, GTK_INVALID_LIST_POSITION);

  selected = adw_combo_row_get_selected (row);
  if (selected >= self->shown->len || g_array_index (self->shown, guint, selected) == SHOW_FORMER_ENTRY)
    return GTK_INVALID_LIST_POSITION;
  return g_array_index (self->shown, guint, selected);
}

void
icat_agency_choice_set_selected (AdwComboRow *row,
                                 guint        position)
{
  IcatAgencyChoices *self;

  g_return_if_fail (ADW_IS_COMBO_ROW (row));
  self = choices_of (row);
  g_return_if_fail (self != NULL);

  /* The new choice is offered before the earlier record's former member
   * goes, so that the choice never falls on a neighbour meanwhile. */
  self->updating = TRUE;
  self->also_kept = self->kept;
  self->kept = position;
  update_shown (self);
  adw_combo_row_set_selected (row, shown_position (self, position));
  self->also_kept = GTK_INVALID_LIST_POSITION;
  update_shown (self);
  self->last_choice = position;
  self->updating = FALSE;
}

gboolean
_icat_agency_choice_get_show_former (AdwComboRow *row)
{
  IcatAgencyChoices *self = choices_of (row);

  g_return_val_if_fail (self != NULL, FALSE);
  return self->show_former;
}
