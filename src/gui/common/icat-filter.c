/* icat-filter.c — the drop-downs that filter a list, and its empty state
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A filter drop-down lists "all" first, then one choice per stored value in
 * the order of the schema's list, so position n chooses values[n - 1].
 */
#define G_LOG_DOMAIN "icat-filter"

#include "config.h"

#include "icat-filter.h"
#include "icat-format.h"

/* Fills dropdown with all, then values (shown through icat_format_enum()
 * when format_field is not NULL: document symbols are never translated),
 * and calls changed (swapped: user_data first) whenever the choice changes. */
void
icat_filter_setup (GtkDropDown        *dropdown,
                   const char         *all,
                   const char * const *values,
                   const char         *format_field,
                   GCallback           changed,
                   gpointer            user_data)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  g_return_if_fail (GTK_IS_DROP_DOWN (dropdown));
  g_return_if_fail (all != NULL);
  g_return_if_fail (values != NULL);

  gtk_string_list_append (choices, all);
  for (guint i = 0; values[i] != NULL; i++)
    gtk_string_list_append (choices, format_field ? icat_format_enum (format_field, values[i]) : values[i]);
  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (choices));
  if (changed != NULL)
    g_signal_connect_swapped (dropdown, "notify::selected", changed, user_data);
}

/* The chosen position; "all" and no choice at all are 0. */
guint
icat_filter_selected (GtkDropDown *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  return position == GTK_INVALID_LIST_POSITION ? 0 : position;
}

/* The value chosen in a drop-down set up with values; NULL for "all". */
const char *
icat_filter_selected_value (GtkDropDown        *dropdown,
                            const char * const *values)
{
  guint position = icat_filter_selected (dropdown);

  return position > 0 ? values[position - 1] : NULL;
}

/* Shows list_stack's "empty" page when shown has no items, else "list";
 * returns whether it is empty. */
gboolean
icat_filter_show_empty (GtkStack   *list_stack,
                        GListModel *shown)
{
  gboolean empty = g_list_model_get_n_items (shown) == 0;

  gtk_stack_set_visible_child_name (list_stack, empty ? "empty" : "list");
  return empty;
}
