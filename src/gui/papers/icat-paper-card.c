/* icat-paper-card.c — one paper's card on the Papers board
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-papers-view"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-clearance.h"
#include "icat-conflict-mark.h"
#include "icat-format.h"
#include "icat-paper-card.h"
#include "icat-papers-view.h"
#include "icat-schema.h"
#include "icat-today.h"

/* Cards name at most this many mandates; more are counted. */
#define MAX_MANDATE_LABELS 2

struct _IcatPaperCard {
  GtkBox             parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkLabel          *kind_label;
  GtkLabel          *lead_label;
  GtkLabel          *contributing_label;
  GtkLabel          *mandates_label;
  GtkWidget         *clearance_box;
  GtkWidget         *objection_icon;
  GtkLabel          *clearance_label;
  GtkLabel          *date_label;
  GtkWidget         *overdue_badge;
  GtkButton         *advance_button;
  AdwButtonContent  *advance_content;
  IcatConflictMark  *conflict_mark;

  /* Owned */
  IcatStore         *store;  /* for agency acronyms and mandate labels */
  IcatRecord        *paper;
};

G_DEFINE_FINAL_TYPE (IcatPaperCard, icat_paper_card, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

enum {
  ADVANCE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* "UNODC, IOM": the acronyms of a list of agency ids. */
static char *
acronyms (IcatStore *store,
          JsonArray *ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; ids != NULL && i < json_array_get_length (ids); i++)
    {
      g_autoptr(IcatRecord) agency = icat_store_lookup (store, "agency", json_array_get_string_element (ids, i));

      if (text->len > 0)
        /* Translators: between agency acronyms in a list */
        g_string_append (text, _(", "));
      g_string_append (text, agency ? icat_record_get_string (agency, ICAT_KEY_ACRONYM) : "?");
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

/* "72/195 ¶10, GPA annex 11", or the first and how many more. */
static char *
mandate_labels (IcatStore *store,
                JsonArray *ids)
{
  guint n = ids ? json_array_get_length (ids) : 0;
  g_autoptr(GString) text = g_string_new (NULL);
  guint shown = n > MAX_MANDATE_LABELS ? 1 : n;

  if (n == 0)
    return NULL;
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(IcatRecord) mandate = icat_store_lookup (store, "mandate", json_array_get_string_element (ids, i));
      g_autofree char *label = mandate ? icat_action_mandate_short_label (mandate) : g_strdup ("?");

      if (text->len > 0)
        g_string_append (text, _(", "));
      g_string_append (text, label);
    }
  if (shown < n)
    /* Translators: a card's mandates: the first one's label, and how many more */
    return g_strdup_printf (ngettext ("%s and %u more", "%s and %u more", n - shown), text->str, n - shown);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* "Issue brief 02 · 2017" */
static char *
kind_line (JsonObject *paper)
{
  const char *kind = icat_format_enum (ICAT_KEY_KIND, icat_json_get_string (paper, ICAT_KEY_KIND));
  const char *number = icat_json_get_string (paper, ICAT_KEY_NUMBER);
  gint64 year = json_object_get_int_member_with_default (paper, ICAT_KEY_YEAR, 0);
  g_autofree char *named = number && *number
                           /* Translators: a paper's kind and its number in the series: "Issue brief 02" */
                           ? g_strdup_printf (C_("paper", "%s %s"), kind, number) : g_strdup (kind);

  if (year <= 0)
    return g_steal_pointer (&named);
  /* Translators: a paper's kind and year: "Issue brief 02 · 2017" */
  return g_strdup_printf (_("%s · %d"), named, (int) year);
}

static char *
date_line (JsonObject *paper)
{
  const char *published = icat_json_get_string (paper, ICAT_KEY_PUBLISHED_ON);
  const char *target = icat_json_get_string (paper, ICAT_KEY_TARGET_DATE);
  g_autofree char *date = NULL;

  if (g_strcmp0 (icat_json_get_string (paper, ICAT_KEY_STATUS), "published") == 0)
    {
      if (published == NULL)
        return g_strdup (_("Publication date unknown"));
      date = icat_action_format_date (published);
      /* Translators: on a paper's card, e.g. "Published 12 Jun 2017" */
      return g_strdup_printf (_("Published %s"), date);
    }
  if (target == NULL)
    return g_strdup (_("No target date"));
  date = icat_action_format_date (target);
  /* Translators: on a paper's card: when its current stage should end, e.g. "Target 30 Jun 2026" */
  return g_strdup_printf (_("Target %s"), date);
}

static void
set_line (GtkLabel   *label,
          const char *text)
{
  gtk_label_set_label (label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL && *text != '\0');
}

static void
update_advance_button (IcatPaperCard *self,
                       const char    *title,
                       const char    *status)
{
  const char *next = icat_paper_next_status (status);
  g_autofree char *tooltip = NULL;
  g_autofree char *name = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->advance_button), next != NULL);
  if (next == NULL)
    return;
  adw_button_content_set_label (self->advance_content, icat_format_enum (ICAT_KEY_STATUS, next));
  /* Translators: the tooltip of a card's button; %s is the next stage */
  tooltip = g_strdup_printf (_("Move to %s (Alt+→)"), icat_format_enum (ICAT_KEY_STATUS, next));
  /* Translators: what a card's button does, for screen readers: “Title” to the next stage */
  name = g_strdup_printf (_("Move “%s” to %s"), title, icat_format_enum (ICAT_KEY_STATUS, next));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->advance_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->advance_button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
show_paper (IcatPaperCard *self)
{
  IcatRecord *paper = self->paper;
  JsonObject *data;
  g_autofree char *today = icat_today_string ();
  g_autofree char *kind = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *lead_line = NULL;
  g_autofree char *contributing = NULL;
  g_autofree char *contributing_line = NULL;
  g_autofree char *mandates = NULL;
  g_autofree char *mandates_line = NULL;
  g_autofree char *date = NULL;
  g_autofree char *clearance = NULL;
  g_autofree char *description = NULL;
  IcatClearanceCount count;
  gboolean overdue;

  if (paper == NULL)
    return;
  data = icat_record_get_data (paper);
  overdue = icat_paper_is_overdue (data, today);
  kind = kind_line (data);
  lead = acronyms (self->store, icat_record_get_array (paper, ICAT_KEY_LEAD_AGENCIES));
  contributing = acronyms (self->store, icat_record_get_array (paper, ICAT_KEY_CONTRIBUTING_AGENCIES));
  mandates = mandate_labels (self->store, icat_record_get_array (paper, ICAT_KEY_MANDATES));
  /* Translators: on a paper's card, the agencies that lead it: "Lead: UNODC, IOM" */
  lead_line = lead ? g_strdup_printf (_("Lead: %s"), lead) : g_strdup (_("No lead agency yet"));
  /* Translators: on a paper's card, the agencies that contribute: "With: UNHCR, ILO" */
  contributing_line = contributing ? g_strdup_printf (_("With: %s"), contributing) : NULL;
  /* Translators: on a paper's card, the mandates it answers: "Mandates: 72/195 ¶10" */
  mandates_line = mandates ? g_strdup_printf (_("Mandates: %s"), mandates) : NULL;
  date = date_line (data);
  clearance = icat_clearance_summary (data);
  icat_clearance_count (data, &count);

  set_line (self->title_label, icat_record_get_title (paper));
  set_line (self->kind_label, kind);
  set_line (self->lead_label, lead_line);
  set_line (self->contributing_label, contributing_line);
  set_line (self->mandates_label, mandates_line);
  set_line (self->date_label, date);
  set_line (self->clearance_label, clearance);
  gtk_widget_set_visible (self->clearance_box, clearance != NULL);
  gtk_widget_set_visible (self->objection_icon, count.n_objected > 0);
  gtk_widget_set_visible (self->overdue_badge, overdue);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self), "paper-card-overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "paper-card-overdue");
  update_advance_button (self, icat_record_get_title (paper), icat_record_get_string (paper, ICAT_KEY_STATUS));
  /* For screen readers: what the card shows, one sentence a line. */
  description = g_strjoin (". ", icat_record_get_title (paper), kind, lead_line, date,
                           overdue ? _("Overdue") : NULL, NULL);
  if (clearance != NULL)
    {
      char *with_clearance = g_strconcat (description, ". ", clearance, NULL);

      g_free (description);
      description = with_clearance;
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
advance_clicked_cb (IcatPaperCard *self)
{
  if (self->paper != NULL)
    g_signal_emit (self, signals[ADVANCE_REQUESTED], 0, icat_record_get_id (self->paper));
}

static void
icat_paper_card_dispose (GObject *object)
{
  IcatPaperCard *self = ICAT_PAPER_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_PAPER_CARD);
  g_clear_object (&self->paper);
  g_clear_object (&self->store);
  G_OBJECT_CLASS (icat_paper_card_parent_class)->dispose (object);
}

static void
icat_paper_card_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IcatPaperCard *self = ICAT_PAPER_CARD (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->paper);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_paper_card_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IcatPaperCard *self = ICAT_PAPER_CARD (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      icat_paper_card_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
icat_paper_card_class_init (IcatPaperCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_paper_card_dispose;
  object_class->get_property = icat_paper_card_get_property;
  object_class->set_property = icat_paper_card_set_property;

  /* Set again with the same record, the card shows its data anew. */
  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, ICAT_TYPE_RECORD,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The card's button was clicked: move the paper (its id) a stage on. */
  signals[ADVANCE_REQUESTED] =
    g_signal_new ("advance-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (ICAT_TYPE_CONFLICT_MARK);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/papers/icat-paper-card.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, title_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, conflict_mark);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, lead_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, contributing_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, mandates_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, clearance_box);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, objection_icon);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, clearance_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, date_label);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, overdue_badge);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, advance_button);
  gtk_widget_class_bind_template_child (widget_class, IcatPaperCard, advance_content);
  gtk_widget_class_bind_template_callback (widget_class, advance_clicked_cb);
}

static void
icat_paper_card_init (IcatPaperCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
icat_paper_card_new (IcatStore *store)
{
  IcatPaperCard *self;

  g_return_val_if_fail (ICAT_IS_STORE (store), NULL);

  self = g_object_new (ICAT_TYPE_PAPER_CARD, NULL);
  self->store = g_object_ref (store);
  return GTK_WIDGET (self);
}

/* A NULL paper (the card unbound) leaves what is shown as it is. */
void
icat_paper_card_set_record (IcatPaperCard *self,
                            IcatRecord    *paper)
{
  g_return_if_fail (ICAT_IS_PAPER_CARD (self));
  g_return_if_fail (paper == NULL || ICAT_IS_RECORD (paper));

  if (g_set_object (&self->paper, paper))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
  if (paper != NULL)
    icat_conflict_mark_set_record (self->conflict_mark, self->store, "paper", icat_record_get_id (paper));
  show_paper (self);
}

const char *
icat_paper_card_get_paper_id (IcatPaperCard *self)
{
  g_return_val_if_fail (ICAT_IS_PAPER_CARD (self), NULL);
  return self->paper ? icat_record_get_id (self->paper) : NULL;
}

GtkWidget *
_icat_paper_card_get_overdue_badge (IcatPaperCard *self)
{
  g_return_val_if_fail (ICAT_IS_PAPER_CARD (self), NULL);
  return self->overdue_badge;
}

GtkLabel *
_icat_paper_card_get_clearance_label (IcatPaperCard *self)
{
  g_return_val_if_fail (ICAT_IS_PAPER_CARD (self), NULL);
  return self->clearance_label;
}

GtkWidget *
_icat_paper_card_get_advance_button (IcatPaperCard *self)
{
  g_return_val_if_fail (ICAT_IS_PAPER_CARD (self), NULL);
  return GTK_WIDGET (self->advance_button);
}
