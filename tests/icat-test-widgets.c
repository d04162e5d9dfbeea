/* icat-test-widgets.c — finding widgets in the UI tests
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <X11/Xatom.h>
#include <X11/Xlib.h>
#include <dlfcn.h>
#include <signal.h>
#include <gdk/x11/gdkx.h>
#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>

#include "icat-application.h"
#include "icat-autosave.h"
#include "icat-languages.h"
#include "icat-meeting-editor.h"
#include "icat-preferences-window.h"
#include "icat-test-util.h"
#include "icat-test-widgets.h"
#include "icat-window-private.h"

GtkWidget *
icat_test_find_named (GtkWidget  *root,
                      const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (root), name) == 0)
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icat_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
icat_test_find_type (GtkWidget *root,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = icat_test_find_type (child, type);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct {
  IcatTestAppFunc test;
  gpointer        data;
  GPtrArray      *watched;  /* the window's views and editors, at its close */
} AppTest;

GtkWidget *
icat_test_find_toplevel (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

      if (g_strcmp0 (gtk_widget_get_name (window), name) == 0 && gtk_widget_get_visible (window))
        return window;
    }
  return NULL;
}

void
icat_test_close_window (GtkWindow *window)
{
  GtkWidget *dialog;

  gtk_window_close (window);
  /* A test that left a field wrong on purpose is asked before its input is
   * lost, and agrees. */
  dialog = icat_test_find_toplevel ("input-loss");
  if (dialog != NULL)
    {
      adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "discard");
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

static void
activated_cb (GApplication *app,
              AppTest      *run)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  g_assert_true (ICAT_IS_WINDOW (window));
  run->test (ICAT_WINDOW (window), icat_application_get_store (ICAT_APPLICATION (app)), run->data);
  run->watched = icat_test_watch_widgets (GTK_WIDGET (window));
  icat_test_close_window (window);
}

void
icat_test_run_app (IcatTestAppFunc test,
                   gpointer        data)
{
  g_autofree char *dir = icat_test_tmpdir_new ();
  g_autofree char *path = g_build_filename (dir, "icat.db", NULL);
  g_autoptr(IcatApplication) app = icat_application_new ();
  const char *argv[] = { "icat-tracker", "--database", path, NULL };
  AppTest run = { test, data, NULL };

  g_signal_connect_after (app, "activate", G_CALLBACK (activated_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, (char **) argv), ==, 0);
  g_assert_finalize_object (g_steal_pointer (&app));
  g_assert_nonnull (run.watched);
  icat_test_assert_finalized (run.watched);
  icat_test_tmpdir_free (g_steal_pointer (&dir));
}

void
icat_test_type_text (GtkWidget  *field,
                     const char *text)
{
  int position = 0;

  gtk_editable_delete_text (GTK_EDITABLE (field), 0, -1);
  gtk_editable_insert_text (GTK_EDITABLE (field), text, -1, &position);
}

const char *
icat_test_problem_below (GtkWidget *row)
{
  GtkWidget *line = gtk_widget_get_next_sibling (row);
  GtkWidget *label = line ? icat_test_find_type (line, GTK_TYPE_LABEL) : NULL;

  g_assert_true (gtk_widget_has_css_class (row, "error"));
  g_assert_nonnull (label);
  g_assert_true (gtk_widget_get_visible (line));
  g_assert_true (gtk_widget_has_css_class (label, "error"));
  return gtk_label_get_label (GTK_LABEL (label));
}

GtkWidget *
icat_test_show_section (IcatWindow *window,
                        const char *section,
                        GType       type)
{
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.section", "s", section));
  view = icat_test_find_type (GTK_WIDGET (window), type);
  g_assert_nonnull (view);
  g_assert_true (gtk_widget_get_mapped (view));
  return view;
}

/* Keys typed through the X server's XTEST extension. libX11 and libXtst are
 * loaded when a test asks for them, so the tests build without their
 * headers' packages and skip where there is no such display. */

struct _IcatTestKeyboard {
  void     *x11;
  void     *xtst;
  Display  *display;
  Display *(*open_display)      (const char *name);
  int      (*close_display)     (Display *display);
  int      (*sync)              (Display *display, Bool discard);
  Status   (*query_tree)        (Display *display, Window w, Window *root, Window *parent,
                                 Window **children, unsigned int *n);
  Status   (*get_attributes)    (Display *display, Window w, XWindowAttributes *attributes);
  int      (*set_input_focus)   (Display *display, Window w, int revert_to, Time time);
  int      (*free)              (void *data);
  KeySym   (*string_to_keysym)  (const char *name);
  KeyCode  (*keysym_to_keycode) (Display *display, KeySym keysym);
  int      (*fake_key)          (Display *display, unsigned int keycode, Bool press, unsigned long delay);
  Atom     (*intern_atom)       (Display *display, const char *name, Bool only_if_exists);
  int      (*get_property)      (Display *display, Window w, Atom property, long offset, long length,
                                 Bool delete, Atom type, Atom *actual_type, int *actual_format,
                                 unsigned long *n_items, unsigned long *bytes_after, unsigned char **value);
  int      (*get_input_focus)   (Display *display, Window *focus, int *revert_to);
  Window   (*get_selection_owner) (Display *display, Atom selection);
  Window     target;            /* refocused before each key */
  char      *display_name;      /* NULL: $DISPLAY */
};

static gboolean
keyboard_load (IcatTestKeyboard *kb)
{
  kb->x11 = dlopen ("libX11.so.6", RTLD_LAZY | RTLD_LOCAL);
  kb->xtst = dlopen ("libXtst.so.6", RTLD_LAZY | RTLD_LOCAL);
  if (kb->x11 == NULL || kb->xtst == NULL ||
      !(*(void **) &kb->open_display = dlsym (kb->x11, "XOpenDisplay")) ||
      !(*(void **) &kb->close_display = dlsym (kb->x11, "XCloseDisplay")) ||
      !(*(void **) &kb->sync = dlsym (kb->x11, "XSync")) ||
      !(*(void **) &kb->query_tree = dlsym (kb->x11, "XQueryTree")) ||
      !(*(void **) &kb->get_attributes = dlsym (kb->x11, "XGetWindowAttributes")) ||
      !(*(void **) &kb->set_input_focus = dlsym (kb->x11, "XSetInputFocus")) ||
      !(*(void **) &kb->free = dlsym (kb->x11, "XFree")) ||
      !(*(void **) &kb->string_to_keysym = dlsym (kb->x11, "XStringToKeysym")) ||
      !(*(void **) &kb->keysym_to_keycode = dlsym (kb->x11, "XKeysymToKeycode")) ||
      !(*(void **) &kb->intern_atom = dlsym (kb->x11, "XInternAtom")) ||
      !(*(void **) &kb->get_input_focus = dlsym (kb->x11, "XGetInputFocus")) ||
      !(*(void **) &kb->get_selection_owner = dlsym (kb->x11, "XGetSelectionOwner")) ||
      !(*(void **) &kb->get_property = dlsym (kb->x11, "XGetWindowProperty")) ||
      !(*(void **) &kb->fake_key = dlsym (kb->xtst, "XTestFakeKeyEvent")))
    return FALSE;
  kb->display = kb->open_display (kb->display_name);
  return kb->display != NULL;
}

void
icat_test_keyboard_free (IcatTestKeyboard *kb)
{
  if (kb->display != NULL)
    kb->close_display (kb->display);
  g_clear_pointer (&kb->xtst, dlclose);
  g_clear_pointer (&kb->x11, dlclose);
  g_free (kb->display_name);
  g_free (kb);
}

void
icat_test_keyboard_press (IcatTestKeyboard   *kb,
                          const char * const *keys)
{
  guint n = g_strv_length ((char **) keys);
  Window focus = None;
  int revert_to;

  /* Only when it was taken: focusing again would move a text field's cursor. */
  kb->get_input_focus (kb->display, &focus, &revert_to);
  if (kb->target != None && focus != kb->target)
    kb->set_input_focus (kb->display, kb->target, RevertToParent, CurrentTime);
  for (guint i = 0; i < n; i++)
    kb->fake_key (kb->display, kb->keysym_to_keycode (kb->display, kb->string_to_keysym (keys[i])), True, 0);
  for (guint i = n; i > 0; i--)
    kb->fake_key (kb->display, kb->keysym_to_keycode (kb->display, kb->string_to_keysym (keys[i - 1])), False, 0);
  kb->sync (kb->display, False);
  g_usleep (G_USEC_PER_SEC / 20);
}

/* A display of its own: other tests' windows on a shared one take the
 * keyboard focus, and GTK's selection traffic between processes is then
 * still under way when they exit. */
GSubprocess *
icat_test_display_start (char **name_out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) server = NULL;
  g_autoptr(GDataInputStream) out = NULL;
  g_autofree char *number = NULL;

  server = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                             "Xvfb", "-displayfd", "1", "-screen", "0", "1280x1024x24", "-nolisten", "tcp", NULL);
  if (server == NULL)
    return NULL;
  out = g_data_input_stream_new (g_subprocess_get_stdout_pipe (server));
  number = g_data_input_stream_read_line (out, NULL, NULL, NULL);
  if (number == NULL)
    {
      g_subprocess_force_exit (server);
      return NULL;
    }
  *name_out = g_strdup_printf (":%s", g_strstrip (number));
  return g_steal_pointer (&server);
}

void
icat_test_display_stop (GSubprocess *server)
{
  g_subprocess_send_signal (server, SIGTERM);
  g_subprocess_wait (server, NULL, NULL);
  g_object_unref (server);
}

IcatPreferencesWindow *
icat_test_open_preferences (IcatWindow *window)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (window));

  g_action_group_activate_action (G_ACTION_GROUP (app), "preferences", NULL);
  for (GList *l = gtk_application_get_windows (app); l != NULL; l = l->next)
    if (ICAT_IS_PREFERENCES_WINDOW (l->data))
      return l->data;
  g_assert_not_reached ();
}

gboolean
icat_test_agenda_item_in_view (gpointer      editor,
                               gconstpointer index)
{
  GtkWidget *box = _icat_meeting_editor_get_agenda_item (editor, GPOINTER_TO_UINT (index));
  GtkWidget *title = box ? icat_test_find_named (box, "agenda-title") : NULL;
  GtkWidget *scroller = box ? gtk_widget_get_ancestor (box, GTK_TYPE_SCROLLED_WINDOW) : NULL;
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (editor)));
  graphene_rect_t bounds;

  if (title == NULL || scroller == NULL || focus == NULL || !gtk_widget_is_ancestor (focus, title) ||
      !gtk_widget_compute_bounds (title, scroller, &bounds))
    return FALSE;
  return bounds.origin.y >= 0 && bounds.origin.y + bounds.size.height <= gtk_widget_get_height (scroller);
}

void
icat_test_run_app_with_keys (const char      *program,
                             const char      *test_path,
                             const char      *child_variable,
                             IcatTestAppFunc  test)
{
  g_autofree char *display = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) child = NULL;
  g_autoptr(GError) error = NULL;
  GSubprocess *server;

  if (g_getenv (child_variable) != NULL)
    {
      IcatTestKeyboard *kb = icat_test_keyboard_open (NULL);

      g_assert_nonnull (kb);
      icat_test_run_app (test, kb);
      icat_test_keyboard_free (kb);
      return;
    }
  server = icat_test_display_start (&display);
  if (server == NULL)
    {
      g_test_skip ("No Xvfb to press keys on");
      return;
    }
  /* Its TAP lines are its own; its errors show on stderr. */
  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE);
  g_subprocess_launcher_setenv (launcher, "DISPLAY", display, TRUE);
  g_subprocess_launcher_setenv (launcher, child_variable, "1", TRUE);
  child = g_subprocess_launcher_spawn (launcher, &error, program, "-p", test_path, NULL);
  g_assert_no_error (error);
  g_subprocess_wait_check (child, NULL, &error);
  icat_test_display_stop (server);
  g_assert_no_error (error);
}

IcatTestKeyboard *
icat_test_keyboard_open (const char *display)
{
  IcatTestKeyboard *kb = g_new0 (IcatTestKeyboard, 1);

  kb->display_name = g_strdup (display);

  if (!keyboard_load (kb))
    g_clear_pointer (&kb, icat_test_keyboard_free);
  return kb;
}

static gboolean
window_has_pid (IcatTestKeyboard *kb,
                Window            window,
                GPid              pid)
{
  Atom type;
  int format;
  unsigned long n = 0, after;
  unsigned char *value = NULL;
  gboolean found;

  if (kb->get_property (kb->display, window, kb->intern_atom (kb->display, "_NET_WM_PID", False), 0, 1, False,
                        XA_CARDINAL, &type, &format, &n, &after, &value) != Success)
    return FALSE;
  found = value != NULL && n == 1 && format == 32 && *(unsigned long *) value == (unsigned long) pid;
  if (value != NULL)
    kb->free (value);
  return found;
}

gulong
icat_test_keyboard_find_window (IcatTestKeyboard *kb,
                                GPid              pid)
{
  Window root = DefaultRootWindow (kb->display), parent, *children = NULL, found = None;
  unsigned int n = 0;

  kb->query_tree (kb->display, root, &root, &parent, &children, &n);
  for (unsigned int i = 0; i < n && found == None; i++)
    {
      XWindowAttributes attributes;

      if (kb->get_attributes (kb->display, children[i], &attributes) &&
          attributes.map_state == IsViewable && attributes.width > 300 && window_has_pid (kb, children[i], pid))
        found = children[i];
    }
  if (children != NULL)
    kb->free (children);
  return found;
}

gboolean
icat_test_keyboard_has_selection (IcatTestKeyboard *kb)
{
  return kb->get_selection_owner (kb->display, XA_PRIMARY) != None;
}

void
icat_test_keyboard_focus (IcatTestKeyboard *kb,
                          gulong            window)
{
  kb->target = window;
  kb->set_input_focus (kb->display, window, RevertToParent, CurrentTime);
  kb->sync (kb->display, False);
}

void
icat_test_keyboard_focus_widget (IcatTestKeyboard *kb,
                                 GtkWidget        *widget)
{
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  g_assert_true (GDK_IS_X11_SURFACE (surface));
  icat_test_keyboard_focus (kb, gdk_x11_surface_get_xid (surface));
}

void
icat_test_wait_saved (IcatStore *store)
{
  icat_autosave_flush_all ();
  icat_store_sync (store);
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

typedef struct {
  gpointer  object;     /* NULL once finalized */
  char     *type_name;
} Watched;

static void
watched_free (gpointer data)
{
  Watched *watched = data;

  if (watched->object != NULL)
    g_object_remove_weak_pointer (watched->object, &watched->object);
  g_free (watched->type_name);
  g_free (watched);
}

static gboolean
is_view_or_editor (GtkWidget *widget)
{
  const char *type_name = G_OBJECT_TYPE_NAME (widget);

  return g_str_has_prefix (type_name, "Icat") &&
         (g_str_has_suffix (type_name, "View") || g_str_has_suffix (type_name, "Editor") ||
          GTK_IS_WINDOW (widget));
}

static void
watch_below (GtkWidget *widget,
             GPtrArray *watched)
{
  if (is_view_or_editor (widget))
    {
      Watched *entry = g_new0 (Watched, 1);

      entry->object = widget;
      entry->type_name = g_strdup (G_OBJECT_TYPE_NAME (widget));
      g_object_add_weak_pointer (G_OBJECT (widget), &entry->object);
      g_ptr_array_add (watched, entry);
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    watch_below (child, watched);
}

GPtrArray *
icat_test_watch_widgets (GtkWidget *root)
{
  GPtrArray *watched = g_ptr_array_new_with_free_func (watched_free);

  watch_below (root, watched);
  return watched;
}

void
icat_test_assert_finalized (GPtrArray *watched)
{
  for (guint i = 0; i < watched->len; i++)
    {
      Watched *entry = watched->pdata[i];

      if (entry->object != NULL)
        g_error ("%s %p outlived its window: something still holds a reference",
                 entry->type_name, entry->object);
    }
  g_ptr_array_unref (watched);
}

static gboolean
file_written (gpointer      path,
              gconstpointer unused)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

void
icat_test_export_report (IcatWindow *window,
                         const char *path,
                         const char *name,
                         int         from_year,
                         int         to_year)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  _icat_window_set_document_file (window, file);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.export-report", "(sii)", name, from_year,
                                             to_year));
  icat_test_wait_until (file_written, (gpointer) path, NULL, 30);
}

GtkFileChooser *
icat_test_wait_file_chooser (void)
{
  guint deadline = icat_test_timeout (30);
  gint64 end = g_get_monotonic_time () + deadline * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      GListModel *toplevels = gtk_window_get_toplevels ();

      for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
        {
          g_autoptr(GtkWidget) window = g_list_model_get_item (toplevels, i);

          if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_visible (window))
            return GTK_FILE_CHOOSER (window);
        }
      g_main_context_iteration (NULL, TRUE);
    }
  g_error ("No file chooser after %u s", deadline);
}

/* The first drop-down below widget with an item that says item; its
 * position in *position. */
static GtkDropDown *
drop_down_with (GtkWidget  *widget,
                const char *item,
                guint      *position)
{
  if (GTK_IS_DROP_DOWN (widget))
    {
      GListModel *items = gtk_drop_down_get_model (GTK_DROP_DOWN (widget));

      for (guint i = 0; items != NULL && i < g_list_model_get_n_items (items); i++)
        {
          g_autoptr(GObject) object = g_list_model_get_item (items, i);

          if (GTK_IS_STRING_OBJECT (object) && g_str_equal (gtk_string_object_get_string (GTK_STRING_OBJECT (object)), item))
            {
              *position = i;
              return GTK_DROP_DOWN (widget);
            }
        }
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkDropDown *found = drop_down_with (child, item, position);

      if (found != NULL)
        return found;
    }
  return NULL;
}

void
icat_test_choose_in_file_chooser (GtkFileChooser *chooser,
                                  const char     *id,
                                  const char     *label,
                                  const char     *option)
{
  guint position = 0;
  GtkDropDown *options = drop_down_with (GTK_WIDGET (chooser), label, &position);

  g_assert_nonnull (options);
  gtk_drop_down_set_selected (options, position);
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, id), ==, option);
}

void
icat_test_choose_document_language (GtkFileChooser *chooser,
                                    const char     *language)
{
  const IcatLanguage *chosen = icat_language_find (language);

  g_assert_nonnull (chosen);
  /* The app's own language comes first, and is chosen at first. */
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "document-language"), ==, "app");
  icat_test_choose_in_file_chooser (chooser, "document-language", chosen->name, language);
}

static gboolean
chooser_names (gpointer      chooser,
               gconstpointer path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (chooser);

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

void
icat_test_accept_file_chooser (GtkFileChooser *chooser,
                               const char     *path)
{
  g_autofree char *folder_path = g_path_get_dirname (path);
  g_autoptr(GFile) folder = g_file_new_for_path (folder_path);

  g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
  gtk_file_chooser_set_current_name (chooser, path);  /* typed whole */
  icat_test_wait_until (chooser_names, chooser, path, 30);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

gboolean
icat_test_shows_label (GtkWidget  *root,
                       const char *prefix)
{
  if (GTK_IS_LABEL (root) && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (root)), prefix) &&
      gtk_widget_get_mapped (root))
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (root); child; child = gtk_widget_get_next_sibling (child))
    if (icat_test_shows_label (child, prefix))
      return TRUE;
  return FALSE;
}

char *
icat_test_odt_content (const char *path)
{
  g_autofree char *data = NULL;
  gsize length = 0;
  GsfInput *input;
  GsfInfile *zip;
  GsfInput *content;
  char *text;

  g_assert_true (g_file_get_contents (path, &data, &length, NULL));
  input = gsf_input_memory_new ((const guint8 *) data, length, FALSE);
  zip = gsf_infile_zip_new (input, NULL);
  g_assert_nonnull (zip);
  content = gsf_infile_child_by_name (zip, "content.xml");
  g_assert_nonnull (content);
  text = g_strndup ((const char *) gsf_input_read (content, gsf_input_size (content), NULL), gsf_input_size (content));
  g_object_unref (content);
  g_object_unref (zip);
  g_object_unref (input);
  return text;
}
