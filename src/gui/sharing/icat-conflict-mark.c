/* icat-conflict-mark.c — a list row's sign that its record needs a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A warning icon that shows itself while the row's record has an open
 * conflict, following the store's marks, so rows need no code of their
 * own beyond naming their record.
 */
#define G_LOG_DOMAIN "icat-sharing"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-conflict-mark.h"
#include "icat-conflict-marks.h"

struct _IcatConflictMark {
  GtkWidget          parent_instance;

  /* Owned */
  IcatConflictMarks *marks;
  char              *kind;
  char              *id;
};

G_DEFINE_FINAL_TYPE (IcatConflictMark, icat_conflict_mark, GTK_TYPE_WIDGET)

static void
update_mark (IcatConflictMark *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self),
                          self->marks != NULL && icat_conflict_marks_has (self->marks, self->kind, self->id));
}

static void
icat_conflict_mark_dispose (GObject *object)
{
  IcatConflictMark *self = ICAT_CONFLICT_MARK (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->marks);
  G_OBJECT_CLASS (icat_conflict_mark_parent_class)->dispose (object);
}

static void
icat_conflict_mark_finalize (GObject *object)
{
  IcatConflictMark *self = ICAT_CONFLICT_MARK (object);

  g_free (self->kind);
  g_free (self->id);
  G_OBJECT_CLASS (icat_conflict_mark_parent_class)->finalize (object);
}

static void
icat_conflict_mark_class_init (IcatConflictMarkClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_conflict_mark_dispose;
  object_class->finalize = icat_conflict_mark_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "conflict-mark");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
icat_conflict_mark_init (IcatConflictMark *self)
{
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_parent (icon, GTK_WIDGET (self));
  gtk_widget_add_css_class (GTK_WIDGET (self), "warning");
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), _("Needs your decision"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Needs your decision"), -1);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
icat_conflict_mark_new (void)
{
  return g_object_new (ICAT_TYPE_CONFLICT_MARK, NULL);
}

void
icat_conflict_mark_set_record (IcatConflictMark *self,
                               IcatStore        *store,
                               const char       *kind,
                               const char       *id)
{
  IcatConflictMarks *marks;

  g_return_if_fail (ICAT_IS_CONFLICT_MARK (self));
  g_return_if_fail (store == NULL || ICAT_IS_STORE (store));

  marks = store ? icat_conflict_marks_get (store) : NULL;
  if (marks != self->marks)
    {
      if (self->marks != NULL)
        g_signal_handlers_disconnect_by_func (self->marks, update_mark, self);
      g_set_object (&self->marks, marks);
      if (marks != NULL)
        g_signal_connect_object (marks, "changed", G_CALLBACK (update_mark), self, G_CONNECT_SWAPPED);
    }
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_free (self->id);
  self->id = g_strdup (id);
  update_mark (self);
}
