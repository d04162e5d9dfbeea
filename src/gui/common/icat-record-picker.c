/* icat-record-picker.c — a menu button's popover that finds an agency or a mandate
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-record-picker"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "icat-agency-order.h"
#include "icat-format.h"
#include "icat-record-picker.h"
#include "icat-today.h"

typedef struct {
  GtkMenuButton          *button;    /* borrowed: the popover is its own */
  IcatRecordList         *source;    /* owned until the popover is made */
  IcatRecordPickerOffers  offers;
  IcatRecordPickerChosen  chosen;
  gpointer                user_data;
  gboolean                agencies;
  gboolean                show_former;  /* agencies: former members offered too */
  char                   *today;        /* owned: the day "former" is judged on */
  GtkSearchEntry         *search;
  GtkCheckButton         *former_toggle;
  GtkFilterListModel     *matches;   /* owned */
  GtkCustomFilter        *filter;    /* borrowed: owned by matches */
  GtkStack               *results;
  char                  **terms;     /* owned: casefolded words of the search */
} Picker;

static gboolean
is_agency (IcatRecord *record)
{
  return g_str_equal (icat_record_get_kind (record), "agency");
}

char *
icat_record_picker_label (IcatRecord *record)
{
  g_return_val_if_fail (ICAT_IS_RECORD (record), NULL);
  return is_agency (record) ? icat_action_record_label (G_OBJECT (record))
                            : icat_action_mandate_short_label (record);
}

const char *
icat_record_picker_detail (IcatRecord *record)
{
  g_return_val_if_fail (ICAT_IS_RECORD (record), NULL);
  return icat_record_get_localized (record, is_agency (record) ? ICAT_KEY_NAME : ICAT_KEY_TEXT);
}

/* The label, the record's own title ("A/RES/72/195, para. 10", "UNODC") and
 * its text or name as the user reads it. */
static char *
search_text (IcatRecord *record)
{
  g_autofree char *label = icat_record_picker_label (record);
  const char *detail = icat_record_picker_detail (record);

  return g_strjoin ("\n", label, icat_record_get_title (record), detail ? detail : "", NULL);
}

/* A number is found whole ("3" is not in "30" nor in "2013"); other words
 * anywhere. */
static gboolean
contains_term (const char *text,
               const char *term)
{
  gboolean number = term[strspn (term, "0123456789")] == '\0';
  gsize length = strlen (term);

  for (const char *at = strstr (text, term); at != NULL; at = strstr (at + 1, term))
    if (!number || ((at == text || !g_ascii_isdigit (at[-1])) && !g_ascii_isdigit (at[length])))
      return TRUE;
  return FALSE;
}

static gboolean
record_matches (gpointer item,
                gpointer user_data)
{
  Picker *picker = user_data;
  g_autofree char *text = NULL;
  g_autofree char *folded = NULL;

  if (picker->offers != NULL && !picker->offers (ICAT_RECORD (item), picker->user_data))
    return FALSE;
  if (picker->agencies && !picker->show_former &&
      icat_agency_is_former (icat_record_get_data (ICAT_RECORD (item)), picker->today))
    return FALSE;
  if (picker->terms == NULL || picker->terms[0] == NULL)
    return TRUE;
  text = search_text (ICAT_RECORD (item));
  folded = g_utf8_casefold (text, -1);
  for (guint i = 0; picker->terms[i] != NULL; i++)
    if (!contains_term (folded, picker->terms[i]))
      return FALSE;
  return TRUE;
}

static void
picker_free (gpointer data)
{
  Picker *picker = data;

  /* The list view may hold the model a little longer than the popover. */
  if (picker->filter != NULL)
    gtk_custom_filter_set_filter_func (picker->filter, NULL, NULL, NULL);
  g_clear_object (&picker->matches);
  g_clear_object (&picker->source);
  g_strfreev (picker->terms);
  g_free (picker->today);
  g_free (picker);
}

static void
update_results (Picker *picker)
{
  gboolean empty = g_list_model_get_n_items (G_LIST_MODEL (picker->matches)) == 0;

  gtk_stack_set_visible_child_name (picker->results, empty ? "empty" : "list");
}

static void
search_changed_cb (GtkSearchEntry *entry,
                   Picker         *picker)
{
  g_autofree char *folded = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);
  g_auto(GStrv) words = g_strsplit_set (g_strstrip (folded), " \t\n", -1);
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] != '\0')
      g_strv_builder_add (terms, words[i]);
  g_strfreev (picker->terms);
  picker->terms = g_strv_builder_end (terms);
  gtk_filter_changed (GTK_FILTER (picker->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (picker);
}

static void
choose_at (Picker *picker,
           guint   position)
{
  g_autoptr(IcatRecord) record = g_list_model_get_item (G_LIST_MODEL (picker->matches), position);

  if (record == NULL)
    return;
  gtk_menu_button_popdown (picker->button);
  gtk_editable_set_text (GTK_EDITABLE (picker->search), "");
  picker->chosen (record, picker->user_data);
}

static void
match_activated_cb (GtkListView *list,
                    guint        position,
                    Picker      *picker)
{
  choose_at (picker, position);
}

/* Enter in the search chooses the first match. */
static void
search_activated_cb (GtkSearchEntry *entry,
                     Picker         *picker)
{
  choose_at (picker, 0);
}

static void
setup_match_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *text = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (text), 2);
  gtk_label_set_ellipsize (GTK_LABEL (text), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_widget_add_css_class (text, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_add_css_class (box, "record-match");
  gtk_list_item_set_child (list_item, box);
}

static void
bind_match_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  IcatRecord *record = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  g_autofree char *label = icat_record_picker_label (record);
  const char *detail = icat_record_picker_detail (record);

  gtk_label_set_label (GTK_LABEL (title), label);
  gtk_label_set_label (GTK_LABEL (gtk_widget_get_next_sibling (title)), detail ? detail : "");
}

static GtkWidget *
results_new (Picker *picker)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (picker->matches)));
  GtkWidget *stack = gtk_stack_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *empty = gtk_label_new (picker->agencies ? _("No agency matches.") : _("No mandate matches."));
  GtkWidget *list;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_match_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_match_cb), NULL);
  list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), g_object_ref (factory));
  gtk_widget_set_name (list, "record-matches");
  gtk_list_view_set_single_click_activate (GTK_LIST_VIEW (list), TRUE);
  gtk_widget_add_css_class (list, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  picker->agencies ? _("Agencies") : _("Mandates"), -1);
  g_signal_connect (list, "activate", G_CALLBACK (match_activated_cb), picker);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), list);
  gtk_widget_add_css_class (empty, "meeting-placeholder");
  gtk_stack_add_named (GTK_STACK (stack), scroller, "list");
  gtk_stack_add_named (GTK_STACK (stack), empty, "empty");
  picker->results = GTK_STACK (stack);
  return stack;
}

static int
compare_current_first (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  Picker *picker = user_data;

  return icat_agency_compare_current_first (icat_record_get_data (ICAT_RECORD ((gpointer) a)),
                                            icat_record_get_data (ICAT_RECORD ((gpointer) b)),
                                            picker->today);
}

/* Agencies: current members first, by acronym. The list of agencies is
 * short, so sorting it reads every agency, never an action item. */
static GListModel *
offered_order (Picker     *picker,
               GListModel *source)
{
  GtkCustomSorter *sorter;

  if (!picker->agencies)
    return source;
  sorter = gtk_custom_sorter_new (compare_current_first, picker, NULL);
  return G_LIST_MODEL (gtk_sort_list_model_new (source, GTK_SORTER (sorter)));
}

static void
former_toggled_cb (GtkCheckButton *toggle,
                   Picker         *picker)
{
  picker->show_former = gtk_check_button_get_active (toggle);
  gtk_filter_changed (GTK_FILTER (picker->filter),
                      picker->show_former ? GTK_FILTER_CHANGE_LESS_STRICT : GTK_FILTER_CHANGE_MORE_STRICT);
  update_results (picker);
}

/* Former members and defunct bodies (DAW, UNIFEM) are rarely given new
 * work, but a record may still need them. */
static GtkWidget *
former_toggle_new (Picker *picker)
{
  GtkWidget *toggle = gtk_check_button_new_with_mnemonic (_("Show _former members"));

  gtk_widget_set_name (toggle, "show-former");
  g_signal_connect (toggle, "toggled", G_CALLBACK (former_toggled_cb), picker);
  picker->former_toggle = GTK_CHECK_BUTTON (toggle);
  return toggle;
}

static void
popover_shown_cb (GtkPopover *popover,
                  Picker     *picker)
{
  /* What may be offered can have changed since it was last open, and a
   * day may have passed. */
  g_free (picker->today);
  picker->today = icat_today_string ();
  gtk_filter_changed (GTK_FILTER (picker->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_results (picker);
  gtk_widget_grab_focus (GTK_WIDGET (picker->search));
}

/* Made the first time the button is used: most agenda items never link. */
static void
create_popup_cb (GtkMenuButton *button,
                 gpointer       user_data)
{
  Picker *picker = user_data;
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  picker->filter = gtk_custom_filter_new (record_matches, picker, NULL);
  picker->matches = gtk_filter_list_model_new (offered_order (picker, G_LIST_MODEL (g_steal_pointer (&picker->source))),
                                               GTK_FILTER (picker->filter));
  picker->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (picker->search), "record-search");
  g_object_set (picker->search, "placeholder-text",
                picker->agencies ? _("Acronym or name") : _("Document, paragraph or words"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  picker->agencies ? _("Search agencies") : _("Search mandates"), -1);
  g_signal_connect (picker->search, "search-changed", G_CALLBACK (search_changed_cb), picker);
  g_signal_connect (picker->search, "activate", G_CALLBACK (search_activated_cb), picker);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->search));
  gtk_box_append (GTK_BOX (box), results_new (picker));
  if (picker->agencies)
    gtk_box_append (GTK_BOX (box), former_toggle_new (picker));
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_popover_set_default_widget (GTK_POPOVER (popover), GTK_WIDGET (picker->search));
  g_signal_connect (popover, "show", G_CALLBACK (popover_shown_cb), picker);
  gtk_menu_button_set_popover (button, popover);
  /* Only once: from now on the button shows this popover. */
  gtk_menu_button_set_create_popup_func (button, NULL, NULL, NULL);
}

void
icat_record_picker_attach (GtkMenuButton          *button,
                           IcatRecordList         *source,
                           IcatRecordPickerOffers  offers,
                           IcatRecordPickerChosen  chosen,
                           gpointer                user_data)
{
  Picker *picker = g_new0 (Picker, 1);

  picker->button = button;
  picker->source = g_object_ref (source);
  picker->offers = offers;
  picker->chosen = chosen;
  picker->user_data = user_data;
  picker->agencies = g_str_equal (icat_record_list_get_kind (source), "agency");
  picker->today = icat_today_string ();
  gtk_menu_button_set_create_popup_func (button, create_popup_cb, picker, NULL);
  g_object_set_data_full (G_OBJECT (button), "icat-record-picker", picker, picker_free);
}

GtkCheckButton *
_icat_record_picker_get_former_toggle (GtkMenuButton *button)
{
  Picker *picker = g_object_get_data (G_OBJECT (button), "icat-record-picker");

  if (picker->search == NULL)
    create_popup_cb (button, picker);
  return picker->former_toggle;
}

GListModel *
_icat_record_picker_get_matches (GtkMenuButton *button)
{
  Picker *picker = g_object_get_data (G_OBJECT (button), "icat-record-picker");

  if (picker->search == NULL)
    create_popup_cb (button, picker);
  return G_LIST_MODEL (picker->matches);
}

GtkSearchEntry *
_icat_record_picker_get_search (GtkMenuButton *button)
{
  Picker *picker = g_object_get_data (G_OBJECT (button), "icat-record-picker");

  if (picker->search == NULL)
    create_popup_cb (button, picker);
  return picker->search;
}
