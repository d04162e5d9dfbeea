/* icat-chair-term-row.c — one recorded year of the chair rotation
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-chair-rotation"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-agency-choice.h"
#include "icat-chair-term-row.h"
#include "icat-editor-util.h"
#include "icat-input.h"

struct _IcatChairTermRow {
  AdwExpanderRow  parent_instance;

  /* Template widgets */
  GtkWidget      *warning_icon;
  GtkWidget      *this_year_badge;
  GtkWidget      *remove_button;
  AdwActionRow   *year_row;
  GtkSpinButton  *year_spin;
  AdwComboRow    *chair_row;
  AdwComboRow    *cochair_row;
  AdwEntryRow    *note_row;

  /* Owned */
  char           *term_id;
  IcatAutosave   *autosave;
  int             year;
  int             shown_year;   /* the year last loaded or queued */
  guint           loading;
};

G_DEFINE_FINAL_TYPE (IcatChairTermRow, icat_chair_term_row, ADW_TYPE_EXPANDER_ROW)

static void
icat_chair_term_row_finalize (GObject *object)
{
  IcatChairTermRow *self = ICAT_CHAIR_TERM_ROW (object);

  g_clear_object (&self->autosave);
  g_free (self->term_id);
  G_OBJECT_CLASS (icat_chair_term_row_parent_class)->finalize (object);
}

static void
icat_chair_term_row_class_init (IcatChairTermRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = icat_chair_term_row_finalize;
  gtk_widget_class_set_template_from_resource (widget_class, "/org/icattracker/Tracker/agencies/icat-chair-term-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, this_year_badge);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, year_row);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, year_spin);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, chair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, cochair_row);
  gtk_widget_class_bind_template_child (widget_class, IcatChairTermRow, note_row);
}

static void
icat_chair_term_row_init (IcatChairTermRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  icat_spin_button_check_typing (self->year_spin, GTK_WIDGET (self->year_row), icat_input_year_problem);
}

GtkWidget *
icat_chair_term_row_new (IcatStore  *store,
                         const char *term_id,
                         GListModel *chair_names,
                         GListModel *cochair_names,
                         GPtrArray  *agency_ids,
                         GHashTable *former)
{
  IcatChairTermRow *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);
  g_return_val_if_fail (term_id != NULL, NULL);
  self = g_object_new (ICAT_TYPE_CHAIR_TERM_ROW, NULL);
  self->term_id = g_strdup (term_id);
  self->autosave = icat_autosave_new (store, "chair_term", term_id);
  /* The co-chair's names start with "None". */
  icat_agency_choice_attach (self->chair_row, chair_names, agency_ids, 0, former);
  icat_agency_choice_attach (self->cochair_row, cochair_names, agency_ids, 1, former);
  return GTK_WIDGET (self);
}

const char *
icat_chair_term_row_get_term_id (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->term_id;
}

IcatAutosave *
icat_chair_term_row_get_autosave (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->autosave;
}

GtkWidget *
icat_chair_term_row_get_remove_button (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->remove_button;
}

GtkSpinButton *
icat_chair_term_row_get_year_spin (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->year_spin;
}

AdwComboRow *
icat_chair_term_row_get_chair_row (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->chair_row;
}

AdwComboRow *
icat_chair_term_row_get_cochair_row (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->cochair_row;
}

AdwEntryRow *
icat_chair_term_row_get_note_row (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), NULL);
  return self->note_row;
}

int
icat_chair_term_row_get_year (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), 0);
  return self->year;
}

int
icat_chair_term_row_get_shown_year (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), 0);
  return self->shown_year;
}

void
icat_chair_term_row_set_shown_year (IcatChairTermRow *self,
                                    int               year)
{
  g_return_if_fail (ICAT_IS_CHAIR_TERM_ROW (self));
  self->shown_year = year;
}

void
icat_chair_term_row_load (IcatChairTermRow *self,
                          int               year,
                          guint             chair,
                          guint             cochair,
                          const char       *note)
{
  g_return_if_fail (ICAT_IS_CHAIR_TERM_ROW (self));
  self->loading++;
  self->year = self->shown_year = year;
  if (gtk_spin_button_get_value_as_int (self->year_spin) != year)
    gtk_spin_button_set_value (self->year_spin, year);
  icat_agency_choice_set_selected (self->chair_row, chair);
  icat_agency_choice_set_selected (self->cochair_row, cochair);
  /* Setting the same text again would move the cursor of someone typing. */
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->note_row)), note ? note : "") != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->note_row), note ? note : "");
  self->loading--;
}

gboolean
icat_chair_term_row_is_loading (IcatChairTermRow *self)
{
  g_return_val_if_fail (ICAT_IS_CHAIR_TERM_ROW (self), FALSE);
  return self->loading > 0;
}

/* The title is the year as last loaded. */
void
icat_chair_term_row_show_header (IcatChairTermRow *self,
                                 const char       *subtitle,
                                 gboolean          warned,
                                 gboolean          this_year)
{
  g_autofree char *title = NULL;

  g_return_if_fail (ICAT_IS_CHAIR_TERM_ROW (self));
  title = g_strdup_printf ("%d", self->year);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
  /* The icon's place is kept when there is no warning, so the years of
   * the list stay aligned. */
  gtk_image_set_from_icon_name (GTK_IMAGE (self->warning_icon), warned ? "dialog-warning-symbolic" : NULL);
  if (warned)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->warning_icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                    _("Warning"), -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->warning_icon), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_widget_set_visible (self->this_year_badge, this_year);
  if (this_year)
    gtk_widget_add_css_class (GTK_WIDGET (self), "rotation-this-year");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "rotation-this-year");
}
