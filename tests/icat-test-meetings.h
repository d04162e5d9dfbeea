/* icat-test-meetings.h — the Meetings section's test fixture
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "icat-meeting-editor.h"
#include "icat-meetings-view.h"

G_BEGIN_DECLS

typedef struct {
  char              *dir;
  IcatStore         *store;
  GSettings         *settings;
  GtkWidget         *window;
  IcatMeetingsView  *view;
  IcatMeetingEditor *editor;
  GPtrArray         *toasts;        /* what the window would have shown */
  GPtrArray         *action_items;  /* ids "show-action-item" gave */
  GPtrArray         *exported;      /* meeting ids "win.export-meeting-record" got */
} Fixture;

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

typedef struct {
  const char *field;
  const char *json;
} Expected;

/* A window with the meetings view on a new database; "win.toast" and
 * "win.toast-undo" land in f->toasts. */
void        fixture_set_up     (Fixture       *f,
                                gconstpointer  data);
void        fixture_tear_down  (Fixture       *f,
                                gconstpointer  data);
/* The meeting the editor shows, as stored. */
JsonObject *read_meeting       (Fixture       *f);
gboolean    meeting_open       (Fixture       *f,
                                gconstpointer  data);
gboolean    stored_title_is    (Fixture       *f,
                                gconstpointer  data);
/* A field of the stored meeting as JSON text ("null" when absent). */
char       *stored_field       (Fixture       *f,
                                const char    *field);
gboolean    stored_field_is    (Fixture       *f,
                                gconstpointer  data);
/* Ctrl+N in the section: the new meeting's id, once it is open. */
char       *new_meeting        (Fixture       *f);
GtkWidget  *agenda_part        (Fixture       *f,
                                guint          index,
                                const char    *name);
void        add_agenda_item    (Fixture       *f,
                                const char    *title,
                                const char    *minutes);
/* data: titles and minutes, pairs, then NULL: the stored agenda is that. */
gboolean    agenda_is          (Fixture       *f,
                                gconstpointer  data);
gboolean    toast_shown        (Fixture       *f,
                                gconstpointer  data);
gboolean    agenda_widgets_are (Fixture       *f,
                                gconstpointer  data);
/* A row of the editor's top group by the start of its title. */
GtkWidget  *row_titled         (Fixture       *f,
                                const char    *prefix);

/* Stores a meeting (JSON text) and opens it in the view: its id. */
char       *open_stored_meeting (Fixture      *f,
                                 const char   *json);
/* data: how many action items "show-action-item" has given. */
gboolean    action_items_shown (Fixture       *f,
                                gconstpointer  data);
/* An action item as stored. */
JsonObject *read_action_item   (Fixture       *f,
                                const char    *id);
/* The fixture in the language data names ("fr": LANGUAGE=fr while it lasts). */
void        language_set_up    (Fixture       *f,
                                gconstpointer  data);
void        language_tear_down (Fixture       *f,
                                gconstpointer  data);
/* The fixture in Chinese (LANGUAGE=zh_CN while it lasts). */
void        chinese_set_up     (Fixture       *f,
                                gconstpointer  data);
void        chinese_tear_down  (Fixture       *f,
                                gconstpointer  data);

G_END_DECLS
