/* icat-conflict-banner.c — an editor's note that its record needs a decision
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sits at the top of every editor: whoever opens a record another laptop
 * changed too learns it there, and one click takes them to the decision.
 */
#define G_LOG_DOMAIN "icat-sharing"

#include "config.h"

#include "icat-conflict-banner.h"
#include "icat-conflict-marks.h"
#include "icat-sharing-window.h"

struct _IcatConflictBanner {
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkRevealer       *revealer;

  /* Borrowed: the marks hold no reference to it */
  IcatStore         *store;

  /* Owned */
  IcatConflictMarks *marks;
  char              *kind;
  char              *id;
};

G_DEFINE_FINAL_TYPE (IcatConflictBanner, icat_conflict_banner, GTK_TYPE_WIDGET)

static void
update_banner (IcatConflictBanner *self)
{
  gboolean shown = self->marks != NULL && icat_conflict_marks_has (self->marks, self->kind, self->id);

  gtk_revealer_set_reveal_child (self->revealer, shown);
  /* A hidden banner takes no room and no Tab stop. */
  gtk_widget_set_visible (GTK_WIDGET (self), shown);
}

static void
decide_clicked_cb (IcatConflictBanner *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->store != NULL)
    icat_sharing_window_present (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, "decisions");
}

static void
icat_conflict_banner_dispose (GObject *object)
{
  IcatConflictBanner *self = ICAT_CONFLICT_BANNER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_CONFLICT_BANNER);
  g_clear_object (&self->marks);
  self->store = NULL;
  G_OBJECT_CLASS (icat_conflict_banner_parent_class)->dispose (object);
}

static void
icat_conflict_banner_finalize (GObject *object)
{
  IcatConflictBanner *self = ICAT_CONFLICT_BANNER (object);

  g_free (self->kind);
  g_free (self->id);
  G_OBJECT_CLASS (icat_conflict_banner_parent_class)->finalize (object);
}

static void
icat_conflict_banner_class_init (IcatConflictBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_conflict_banner_dispose;
  object_class->finalize = icat_conflict_banner_finalize;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/sharing/icat-conflict-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatConflictBanner, revealer);
  gtk_widget_class_bind_template_callback (widget_class, decide_clicked_cb);
}

static void
icat_conflict_banner_init (IcatConflictBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

void
icat_conflict_banner_set_record (IcatConflictBanner *self,
                                 IcatStore          *store,
                                 const char         *kind,
                                 const char         *id)
{
  IcatConflictMarks *marks;

  g_return_if_fail (ICAT_IS_CONFLICT_BANNER (self));
  g_return_if_fail (store == NULL || ICAT_IS_STORE (store));

  marks = store ? icat_conflict_marks_get (store) : NULL;
  if (marks != self->marks)
    {
      if (self->marks != NULL)
        g_signal_handlers_disconnect_by_func (self->marks, update_banner, self);
      g_set_object (&self->marks, marks);
      if (marks != NULL)
        g_signal_connect_object (marks, "changed", G_CALLBACK (update_banner), self, G_CONNECT_SWAPPED);
    }
  self->store = store;
  g_free (self->kind);
  self->kind = g_strdup (kind);
  g_free (self->id);
  self->id = g_strdup (id);
  update_banner (self);
}

gboolean
icat_conflict_banner_is_shown (IcatConflictBanner *self)
{
  g_return_val_if_fail (ICAT_IS_CONFLICT_BANNER (self), FALSE);
  return gtk_revealer_get_reveal_child (self->revealer);
}
