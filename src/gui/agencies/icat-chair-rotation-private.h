/* icat-chair-rotation-private.h — what the chair rotation's files share
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chair rotation is one widget in two files:
 *   icat-chair-rotation.c        the object, the years recorded, the rule's
 *                                switches, the proposal and the rule check;
 *   icat-chair-rotation-order.c  the turn order and its editing;
 *   icat-chair-term-row.c        one recorded year's row (a template): its
 *                                record's id, year and autosave;
 *   icat-chair-order-row.c       one turn's row (a template).
 */
#pragma once

#include "icat-chair-rotation.h"
#include "icat-record-list.h"

G_BEGIN_DECLS

struct _IcatChairRotation {
  AdwBin               parent_instance;

  /* Template widgets */
  AdwActionRow        *current_row;
  AdwPreferencesGroup *proposal_group;
  GtkListBox          *proposal_list;
  GtkSpinButton       *skip_spin;
  GtkSwitch           *co_chairs_switch;
  GtkSwitch           *pair_switch;
  AdwActionRow        *pair_row;
  GtkListBox          *order_list;
  GtkWidget           *add_order_box;
  GtkDropDown         *add_order_dropdown;
  GtkListBox          *warnings_list;
  GtkListBox          *history_list;

  /* Owned */
  IcatStore           *store;
  GSettings           *settings;
  IcatRecordList      *agencies;       /* by acronym */
  IcatRecordList      *terms;          /* chair terms by year */
  GtkStringList       *chair_names;    /* the acronyms, as the chair drop-downs show them */
  GtkStringList       *cochair_names;  /* "None" and the acronyms */
  GPtrArray           *agency_ids;     /* the ids, in the order of chair_names: current
                                        * members first, by acronym */
  GHashTable          *acronyms;       /* id → acronym */
  GHashTable          *un_entities;    /* ids of the agencies of kind "un-entity" */
  GHashTable          *former;         /* ids of former members and defunct bodies: never
                                        * proposed nor offered for the turn order */
  GtkStringList       *missing_names;  /* agencies not in the turn order */
  GPtrArray           *missing_ids;
  GHashTable          *year_rows;      /* chair term id → its row (borrowed from the list) */
  GStrv                order;          /* the turn order in force */
  GPtrArray           *proposals;      /* IcatChairYear */
  char                *open_when_shown; /* a year just added, to open once its row exists */

  int                  this_year;
  int                  first_free_year; /* the first year from this one without chairs */
  int                  focus_order;     /* the turn to focus after a move, or -1 */
  guint                refresh_source;
  guint                loading;         /* > 0 while the drop-downs' choices are replaced */
};

/* icat-chair-rotation.c */
const char *_icat_chair_rotation_acronym_of       (IcatChairRotation *self,
                                                   const char        *id);

/* icat-chair-rotation-order.c */
/* The order in settings without agencies deleted since; when none is set,
 * the current members and the Working Group by acronym. */
GStrv       _icat_chair_rotation_current_order    (IcatChairRotation *self);
/* Shows self->order, and the agencies that could be added to it. */
void        _icat_chair_rotation_update_order     (IcatChairRotation *self);
/* "rotation.move-up", "rotation.move-down", "rotation.remove-from-order"
 * (the turn's index), "rotation.add-to-order", "rotation.reset-order", and
 * Alt+↑/↓ on the focused turn. */
void        _icat_chair_rotation_class_init_order (GtkWidgetClass    *widget_class);

G_END_DECLS
