/* icat-window.c — the main window: sections, search, backups, undo
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-window"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-action-items-view.h"
#include "icat-agencies-view.h"
#include "icat-autosave.h"
#include "icat-editor-util.h"
#include "icat-error.h"
#include "icat-format.h"
#include "icat-history-window.h"
#include "icat-mandates-view.h"
#include "icat-meetings-view.h"
#include "icat-overview.h"
#include "icat-papers-view.h"
#include "icat-report.h"
#include "icat-sharing-window.h"
#include "icat-window-private.h"
#include "icat-work-plan-view.h"

G_DEFINE_FINAL_TYPE (IcatWindow, icat_window, ADW_TYPE_APPLICATION_WINDOW)

/* A section's view is made the first time the section is shown: the
 * window opens on the remembered section alone, and the other sections
 * cost nothing until they are visited. */
typedef GtkWidget *(*SectionCreate) (IcatWindow *self);

typedef struct {
  const char    *name;
  const char    *title;
  const char    *icon;
  SectionCreate  create;
} Section;

static GtkWidget *create_overview     (IcatWindow *self);
static GtkWidget *create_meetings     (IcatWindow *self);
static GtkWidget *create_action_items (IcatWindow *self);
static GtkWidget *create_work_plan    (IcatWindow *self);
static GtkWidget *create_papers       (IcatWindow *self);
static GtkWidget *create_mandates     (IcatWindow *self);
static GtkWidget *create_agencies     (IcatWindow *self);

static const Section sections[] = {
  { "overview", N_("Overview"), "view-grid-symbolic", create_overview },
  { "meetings", N_("Meetings"), "x-office-calendar-symbolic", create_meetings },
  { "action-items", N_("Action Items"), "object-select-symbolic", create_action_items },
  { "work-plan", N_("Work Plan"), "view-list-bullet-symbolic", create_work_plan },
  { "papers", N_("Papers"), "x-office-document-symbolic", create_papers },
  { "mandates", N_("Mandates"), "accessories-dictionary-symbolic", create_mandates },
  { "agencies", N_("Agencies and Chairs"), "system-users-symbolic", create_agencies },
};

static const Section *
find_section (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_strcmp0 (sections[i].name, name) == 0)
      return &sections[i];
  return NULL;
}

/* The section's view, made now if this is its first use. Each stack page
 * is a bin that holds the view once it is made. */
static GtkWidget *
section_view (IcatWindow    *self,
              const Section *section)
{
  AdwBin *page = ADW_BIN (gtk_stack_get_child_by_name (self->sections, section->name));

  if (adw_bin_get_child (page) == NULL)
    adw_bin_set_child (page, section->create (self));
  return adw_bin_get_child (page);
}

/* The view of the section called name (made now if need be). */
static GtkWidget *
named_view (IcatWindow *self,
            const char *name)
{
  const Section *section = find_section (name);

  g_assert (section != NULL);
  return section_view (self, section);
}

void
icat_window_show_section (IcatWindow *self,
                          const char *name)
{
  const Section *section = find_section (name);
  GtkListBoxRow *row;
  gboolean can_create;

  g_return_if_fail (ICAT_IS_WINDOW (self));
  if (section == NULL)
    section = &sections[0];
  section_view (self, section);
  gtk_stack_set_visible_child_name (self->sections, section->name);
  adw_window_title_set_title (self->section_title, _(section->title));
  row = gtk_list_box_get_row_at_index (self->sidebar, section - sections);
  if (gtk_list_box_get_selected_row (self->sidebar) != row)
    gtk_list_box_select_row (self->sidebar, row);
  /* "New" is there only where there is something to create: no dead
   * button in the Overview, the Work Plan (made of action items) and the
   * Mandates (the General Assembly's texts, from the built-in data). */
  can_create = g_str_equal (section->name, "meetings") || g_str_equal (section->name, "action-items") ||
               g_str_equal (section->name, "papers") || g_str_equal (section->name, "agencies");
  gtk_widget_set_visible (GTK_WIDGET (self->new_button), can_create);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new", can_create);
  g_settings_set_string (self->settings, "last-section", section->name);
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

const char *
icat_window_get_section (IcatWindow *self)
{
  return gtk_stack_get_visible_child_name (self->sections);
}

static void
sidebar_row_activated_cb (IcatWindow    *self,
                          GtkListBoxRow *row)
{
  icat_window_show_section (self, sections[gtk_list_box_row_get_index (row)].name);
}

static GtkWidget *
sidebar_row_new (const Section *section)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (_(section->title));

  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name (section->icon));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* A long name ("Учреждения и председатели") takes a second line rather
   * than losing its end at the sidebar's width. */
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  /* The rest of the row: given only its smallest width, a wrapping label
   * would break "概览" after each character. */
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

/* Toasts: errors the user must read, and Undo after a deletion. */

void
icat_window_toast (IcatWindow *self,
                   const char *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
toast_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  icat_window_toast (ICAT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* How long a toast slides in (500 ms when it replaces another, and a
 * margin): libadwaita 1.2 frees a toast dismissed before that is over while
 * its animation still uses it, and crashes. */
#define TOAST_SHOW_MS 800

static void
undo_toast_dismissed_cb (AdwToast   *toast,
                         IcatWindow *self)
{
  g_object_set_data (G_OBJECT (toast), "icat-dismissed", GINT_TO_POINTER (TRUE));
  if (self->undo_toast == toast)
    g_clear_weak_pointer (&self->undo_toast);
}

static gboolean
dismiss_toast (gpointer toast)
{
  if (g_object_get_data (toast, "icat-dismissed") == NULL)
    adw_toast_dismiss (toast);
  return G_SOURCE_REMOVE;
}

/* The Undo toast stops offering Undo at once, and leaves once it is in. */
static void
withdraw_undo_toast (IcatWindow *self)
{
  AdwToast *toast = self->undo_toast;
  gint64 shown_ms = (g_get_monotonic_time () - self->undo_toast_shown_at) / 1000;

  if (toast == NULL)
    return;
  g_clear_weak_pointer (&self->undo_toast);
  if (shown_ms >= TOAST_SHOW_MS)
    dismiss_toast (toast);
  else
    g_timeout_add_full (G_PRIORITY_DEFAULT, TOAST_SHOW_MS - shown_ms, dismiss_toast,
                        g_object_ref (toast), g_object_unref);
}

static void
toast_undo_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  AdwToast *toast = adw_toast_new (g_variant_get_string (parameter, NULL));

  withdraw_undo_toast (self);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (undo_toast_dismissed_cb), self, 0);
  g_set_weak_pointer (&self->undo_toast, toast);
  self->undo_toast_shown_at = g_get_monotonic_time ();
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* An edit made after a deletion is what Undo would take back next: the
 * deletion's toast goes, and Ctrl+Z in a field is the field's own again. */
static void
withdraw_undo_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  withdraw_undo_toast (ICAT_WINDOW (widget));
}

static void
undone_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(IcatWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!icat_store_undo_finish (ICAT_STORE (source), result, &error))
    icat_window_toast (self, error->message);
}

static void
undo_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  /* Edits still waiting are written first: the undo takes back the newest
   * change, and never lands under an edit written after it. */
  gboolean saving = icat_autosave_send_all ();

  if (!saving && !icat_store_can_undo (self->store))
    {
      icat_window_toast (self, _("There is nothing to undo."));
      return;
    }
  icat_store_undo_async (self->store, NULL, undone_cb, g_object_ref (self));
}

/* While a deletion's Undo toast shows, Ctrl+Z undoes that deletion
 * wherever the focus is; otherwise a text field takes it first (its own
 * typing), and the window's binding undoes the last saved change. */
static gboolean
undo_shortcut_cb (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   user_data)
{
  IcatWindow *self = ICAT_WINDOW (widget);

  if (self->undo_toast == NULL)
    return FALSE;
  withdraw_undo_toast (self);
  gtk_widget_activate_action (widget, "win.undo", NULL);
  return TRUE;
}

/* Alt+1…7 in a popover: it closes, and the window goes to the section. */
static gboolean
popover_section_key_cb (GtkWidget *popover,
                        GVariant  *section,
                        gpointer   user_data)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (popover));

  gtk_popover_popdown (GTK_POPOVER (popover));
  return gtk_widget_activate_action_variant (window, "win.section", section);
}

/* Alt+1…7 go to a section wherever the focus is: in the capture phase, so
 * that no button, dropdown or list on the way takes them first. */
static GtkEventController *
section_shortcuts_new (gboolean in_popover)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  if (!in_popover)
    gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (controller), GTK_SHORTCUT_SCOPE_GLOBAL);
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkShortcutAction *action = in_popover ? gtk_callback_action_new (popover_section_key_cb, NULL, NULL)
                                             : gtk_named_action_new ("win.section");
      GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_1 + i, GDK_ALT_MASK), action);

      gtk_shortcut_set_arguments (shortcut, g_variant_new_string (sections[i].name));
      gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
    }
  return controller;
}

/* A popover (a drop-down's list, a menu, a picker) is a surface of its own:
 * its keys go from the popover down to its focus and never pass the
 * window's controllers. The first time the focus enters one, it gets the
 * same shortcuts. */
static void
focus_changed_cb (IcatWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkNative *native = focus != NULL ? gtk_widget_get_native (focus) : NULL;

  if (!GTK_IS_POPOVER (native) || g_object_get_data (G_OBJECT (native), "icat-section-keys") != NULL)
    return;
  gtk_widget_add_controller (GTK_WIDGET (native), section_shortcuts_new (TRUE));
  g_object_set_data (G_OBJECT (native), "icat-section-keys", GINT_TO_POINTER (TRUE));
}

static void
add_section_shortcuts (IcatWindow *self)
{
  gtk_widget_add_controller (GTK_WIDGET (self), section_shortcuts_new (FALSE));
  g_signal_connect_swapped (self, "notify::focus-widget", G_CALLBACK (focus_changed_cb), self);
}

static void
add_undo_shortcut (IcatWindow *self)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();
  GtkShortcut *shortcut = gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_z, GDK_CONTROL_MASK),
                                            gtk_callback_action_new (undo_shortcut_cb, NULL, NULL));

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller), shortcut);
  gtk_widget_add_controller (GTK_WIDGET (self), controller);
}

static void
new_activated (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  const char *section = icat_window_get_section (self);

  if (g_str_equal (section, "meetings"))
    icat_meetings_view_new_meeting (ICAT_MEETINGS_VIEW (named_view (self, "meetings")));
  else if (g_str_equal (section, "action-items"))
    icat_action_items_view_new_item (ICAT_ACTION_ITEMS_VIEW (named_view (self, "action-items")));
  else if (g_str_equal (section, "papers"))
    icat_papers_view_new_paper (ICAT_PAPERS_VIEW (named_view (self, "papers")));
  else if (g_str_equal (section, "agencies"))
    icat_agencies_view_add (ICAT_AGENCIES_VIEW (named_view (self, "agencies")));
}

static void
surface_mapped_cb (GdkSurface *surface,
                   GParamSpec *pspec,
                   IcatWindow *self)
{
  if (!gdk_surface_get_mapped (surface))
    return;
  g_signal_handlers_disconnect_by_func (surface, surface_mapped_cb, self);
  gtk_menu_button_popup (self->search_button);
}

/* GTK 4.8 cannot show a popover over a window the display has not put on
 * screen yet (and leaks the layout it made for it): a search asked for
 * before then opens once the window is shown. */
static void
search_activated (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (self));

  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  if (surface != NULL && !gdk_surface_get_mapped (surface))
    {
      g_signal_handlers_disconnect_by_func (surface, surface_mapped_cb, self);
      g_signal_connect_object (surface, "notify::mapped", G_CALLBACK (surface_mapped_cb), self, 0);
      return;
    }
  gtk_menu_button_popup (self->search_button);
}

static void
show_sections_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  adw_leaflet_navigate (ICAT_WINDOW (widget)->leaflet, ADW_NAVIGATION_DIRECTION_BACK);
}

static void
section_activated (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  icat_window_show_section (ICAT_WINDOW (widget), g_variant_get_string (parameter, NULL));
}

/* Opening records from search, the Overview and other sections. */

void
icat_window_show_record (IcatWindow *self,
                         const char *kind,
                         const char *id)
{
  g_return_if_fail (ICAT_IS_WINDOW (self));

  if (g_str_equal (kind, "meeting"))
    {
      icat_window_show_section (self, "meetings");
      icat_meetings_view_show_meeting (ICAT_MEETINGS_VIEW (named_view (self, "meetings")), id);
    }
  else if (g_str_equal (kind, "action_item"))
    {
      icat_window_show_section (self, "action-items");
      icat_action_items_view_show_item (ICAT_ACTION_ITEMS_VIEW (named_view (self, "action-items")), id);
    }
  else if (g_str_equal (kind, "paper"))
    {
      icat_window_show_section (self, "papers");
      icat_papers_view_show_paper (ICAT_PAPERS_VIEW (named_view (self, "papers")), id);
    }
  else if (g_str_equal (kind, "mandate"))
    {
      icat_window_show_section (self, "mandates");
      icat_mandates_view_show_mandate (ICAT_MANDATES_VIEW (named_view (self, "mandates")), id);
    }
  else
    {
      GtkWidget *agencies = named_view (self, "agencies");

      icat_window_show_section (self, "agencies");
      if (g_str_equal (kind, "agency"))
        icat_agencies_view_show_agency (ICAT_AGENCIES_VIEW (agencies), id);
      else if (g_str_equal (kind, "chair_term"))
        icat_agencies_view_set_page (ICAT_AGENCIES_VIEW (agencies), "rotation");
    }
}

void
icat_window_show_agenda_item (IcatWindow *self,
                              const char *meeting_id,
                              const char *item_id)
{
  g_return_if_fail (ICAT_IS_WINDOW (self));
  g_return_if_fail (meeting_id != NULL);

  icat_window_show_section (self, "meetings");
  icat_meetings_view_show_agenda_item (ICAT_MEETINGS_VIEW (named_view (self, "meetings")), meeting_id, item_id);
}

static void
show_agenda_item_activated (GtkWidget  *widget,
                            const char *action_name,
                            GVariant   *parameter)
{
  const char *meeting_id, *item_id;

  g_variant_get (parameter, "(&s&s)", &meeting_id, &item_id);
  icat_window_show_agenda_item (ICAT_WINDOW (widget), meeting_id, item_id);
}

/* An action item made from an agenda item opens in Action items; the way
 * back to the minutes is one click. */
static void
toast_back_to_meeting_activated (GtkWidget  *widget,
                                 const char *action_name,
                                 GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);
  AdwToast *toast = adw_toast_new (_("Action item created"));

  adw_toast_set_button_label (toast, _("_Back to Meeting"));
  adw_toast_set_action_name (toast, "win.show-agenda-item");
  adw_toast_set_action_target_value (toast, parameter);
  adw_toast_set_timeout (toast, 10);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
show_action_item_cb (IcatWindow *self,
                     const char *id)
{
  icat_window_show_record (self, "action_item", id);
}

static void
show_meeting_cb (IcatWindow *self,
                 const char *id)
{
  icat_window_show_record (self, "meeting", id);
}

static void
show_overdue_cb (IcatWindow *self,
                 const char *agency_id)
{
  icat_window_show_section (self, "action-items");
  icat_action_items_view_show_overdue (ICAT_ACTION_ITEMS_VIEW (named_view (self, "action-items")), agency_id);
}

void
icat_window_show_due (IcatWindow *self,
                      const char *agency_id)
{
  g_return_if_fail (ICAT_IS_WINDOW (self));
  icat_window_show_section (self, "action-items");
  icat_action_items_view_show_due (ICAT_ACTION_ITEMS_VIEW (named_view (self, "action-items")), agency_id);
}

static void
show_record_cb (IcatWindow *self,
                const char *kind,
                const char *id)
{
  icat_window_show_record (self, kind, id);
}

static GtkWidget *
create_overview (IcatWindow *self)
{
  GtkWidget *overview = icat_overview_new (self->store);

  g_signal_connect_object (overview, "show-meeting", G_CALLBACK (show_meeting_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (overview, "show-overdue", G_CALLBACK (show_overdue_cb), self, G_CONNECT_SWAPPED);
  return overview;
}

static GtkWidget *
create_meetings (IcatWindow *self)
{
  GtkWidget *meetings = icat_meetings_view_new (self->store, self->settings);

  g_signal_connect_object (meetings, "show-action-item", G_CALLBACK (show_action_item_cb), self, G_CONNECT_SWAPPED);
  return meetings;
}

static GtkWidget *
create_action_items (IcatWindow *self)
{
  return icat_action_items_view_new (self->store, self->settings);
}

static GtkWidget *
create_work_plan (IcatWindow *self)
{
  return icat_work_plan_view_new (self->store, self->settings);
}

static GtkWidget *
create_papers (IcatWindow *self)
{
  return icat_papers_view_new (self->store);
}

static GtkWidget *
create_mandates (IcatWindow *self)
{
  GtkWidget *mandates = icat_mandates_view_new (self->store);

  g_signal_connect_object (mandates, "show-record", G_CALLBACK (show_record_cb), self, G_CONNECT_SWAPPED);
  return mandates;
}

static GtkWidget *
create_agencies (IcatWindow *self)
{
  return icat_agencies_view_new (self->store, self->settings);
}

/* Every section is listed and has its page; the views come later (see
 * section_view). */
static void
build_sections (IcatWindow *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      GtkStackPage *page = gtk_stack_add_named (self->sections, adw_bin_new (), sections[i].name);

      gtk_stack_page_set_title (page, _(sections[i].title));
      gtk_list_box_append (self->sidebar, sidebar_row_new (&sections[i]));
    }
}

static gboolean
close_after_input_loss (gpointer data)
{
  IcatWindow *self = data;
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));

  if (self->input_loss_quits && application != NULL)
    g_action_group_activate_action (G_ACTION_GROUP (application), "quit", NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
  return G_SOURCE_REMOVE;
}

static void
input_loss_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        IcatWindow       *self)
{
  if (g_strcmp0 (response, "discard") != 0)
    return;
  self->input_loss_accepted = TRUE;
  self->input_loss_quits = g_object_get_data (G_OBJECT (dialog), "quitting") != NULL;
  /* Once the dialog has gone: it must not outlive the window it belongs to. */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, close_after_input_loss, g_object_ref (self), g_object_unref);
}

/* Input that cannot be saved as typed ("2026-02-30") is never dropped
 * without a word: before the window goes, the user is asked, and the
 * fields are named. Returns TRUE when the window may go now; otherwise the
 * question is on screen, and agreeing closes the window (or quits). A
 * session ending or a signal does not ask: there is no one to answer. */
gboolean
icat_window_may_close (IcatWindow *self,
                       gboolean    quitting)
{
  g_autofree char *problems = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  g_return_val_if_fail (ICAT_IS_WINDOW (self), TRUE);
  if (self->input_loss_accepted)
    return TRUE;
  problems = icat_problems_describe (GTK_WIDGET (self));
  if (problems == NULL)
    return TRUE;
  body = g_strdup_printf ("%s\n\n%s", _("What is typed in these fields cannot be saved as it is, and will be lost:"),
                          problems);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Lose Input That Was Not Saved?"), body);
  gtk_widget_set_name (dialog, "input-loss");
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Keep Editing"),
                                    "discard", quitting ? _("_Quit Anyway") : _("_Close Anyway"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data (G_OBJECT (dialog), "quitting", GINT_TO_POINTER (quitting));
  g_signal_connect_object (dialog, "response", G_CALLBACK (input_loss_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return FALSE;
}

static gboolean
close_request_cb (IcatWindow *self)
{
  if (!icat_window_may_close (self, FALSE))
    return TRUE;
  /* What is being typed is written, and reaches the disk, before the
   * window goes. */
  icat_autosave_flush_all ();
  icat_store_sync (self->store);
  return FALSE;
}

/* The sidebar's sharing status and its "Needs your decision" button. */
static void
show_sharing_activated (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  IcatWindow *self = ICAT_WINDOW (widget);

  icat_sharing_window_present (GTK_WINDOW (self), self->store, g_variant_get_string (parameter, NULL));
}

static void
icat_window_dispose (GObject *object)
{
  IcatWindow *self = ICAT_WINDOW (object);

  g_clear_weak_pointer (&self->undo_toast);
  gtk_widget_dispose_template (GTK_WIDGET (self), ICAT_TYPE_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_object (&self->document_file);
  G_OBJECT_CLASS (icat_window_parent_class)->dispose (object);
}

static void
icat_window_class_init (IcatWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = icat_window_dispose;

  g_type_ensure (ICAT_TYPE_SYNC_STATUS_BUTTON);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/window/icat-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, sections);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, section_title);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, new_button);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, search_button);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, search_results);
  gtk_widget_class_bind_template_child (widget_class, IcatWindow, sync_status);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_result_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_popover_shown_cb);

  gtk_widget_class_install_action (widget_class, "win.toast", "s", toast_activated);
  gtk_widget_class_install_action (widget_class, "win.toast-undo", "s", toast_undo_activated);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_activated);
  gtk_widget_class_install_action (widget_class, "win.withdraw-undo", NULL, withdraw_undo_activated);
  gtk_widget_class_install_action (widget_class, "win.new", NULL, new_activated);
  gtk_widget_class_install_action (widget_class, "win.search", NULL, search_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sections", NULL, show_sections_activated);
  gtk_widget_class_install_action (widget_class, "win.section", "s", section_activated);
  gtk_widget_class_install_action (widget_class, "win.show-history", "s", icat_history_show_activated);
  gtk_widget_class_install_action (widget_class, "win.show-sharing", "s", show_sharing_activated);
  gtk_widget_class_install_action (widget_class, "win.show-agenda-item", "(ss)", show_agenda_item_activated);
  gtk_widget_class_install_action (widget_class, "win.toast-back-to-meeting", "(ss)", toast_back_to_meeting_activated);
  _icat_window_class_init_backup (widget_class);
  _icat_window_class_init_documents (widget_class);
  _icat_window_class_init_reports (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.new", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.search", NULL);
}

static void
icat_window_init (IcatWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "window-width", self, "default-width", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-height", self, "default-height", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "window-maximized", self, "maximized", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect (self, "close-request", G_CALLBACK (close_request_cb), NULL);
  add_undo_shortcut (self);
  add_section_shortcuts (self);
}

IcatWindow *
icat_window_new (IcatApplication *application)
{
  IcatWindow *self = g_object_new (ICAT_TYPE_WINDOW, "application", application, NULL);
  g_autofree char *last = NULL;

  self->store = g_object_ref (icat_application_get_store (application));
  icat_sync_status_button_set_service (self->sync_status, icat_application_get_sync_service (application));
  build_sections (self);
  last = g_settings_get_string (self->settings, "last-section");
  icat_window_show_section (self, last);
  /* Narrow windows start on the section, not on the list of sections. */
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
  return self;
}

IcatStore *
icat_window_get_store (IcatWindow *self)
{
  g_return_val_if_fail (ICAT_IS_WINDOW (self), NULL);
  return self->store;
}
