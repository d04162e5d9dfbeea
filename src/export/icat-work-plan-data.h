/* icat-work-plan-data.h — what goes into the work plan of a year
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "icat-document-private.h"

G_BEGIN_DECLS

typedef enum {
  ICAT_ACTIVITY_ACTION_ITEM,
  ICAT_ACTIVITY_PAPER,
  ICAT_ACTIVITY_MEETING,
  ICAT_ACTIVITY_RECURRING,
} IcatActivityType;

typedef struct {
  char  *id;
  char  *label;     /* "A/RES/72/195, para. 10" */
  char  *summary;   /* in the user's language */
  char  *pillar;
  guint  order;     /* the documents' order */
} IcatMandateInfo;

typedef struct {
  IcatActivityType  type;
  char             *title;
  char             *type_label;
  char             *lead;        /* acronyms, or NULL */
  char             *start;       /* stored dates: YYYY, YYYY-MM or YYYY-MM-DD */
  char             *end;
  char             *status_label;
  gboolean          overdue;
  gboolean          muted;
  GPtrArray        *mandates;    /* IcatMandateInfo, borrowed */
  GPtrArray        *lead_ids;    /* agency ids, for the focal points */
} IcatActivity;

typedef struct {
  char      *title;
  char      *description;
  GPtrArray *activities;         /* IcatActivity, borrowed */
} IcatActivityGroup;

typedef struct {
  IcatDb     *db;                /* borrowed */
  int         year;
  char       *status;            /* "draft" or "endorsed" */
  char       *endorsed_on;
  char       *endorsed_at_title;
  char       *chairs;            /* "UNODC — United Nations Office on Drugs and Crime" */
  guint       n_chairs;
  char       *working_group;     /* acronyms */
  GPtrArray  *activities;        /* IcatActivity, by date */
  guint       n_action_items;
  guint       n_papers;
  guint       n_meetings;
  guint       n_recurring;
  guint       n_recorded;        /* all but the recurring dates */
  GHashTable *mandates;          /* id → IcatMandateInfo */
} IcatWorkPlanData;

IcatWorkPlanData *icat_work_plan_data_load     (IcatDb           *db,
                                                int               year,
                                                GError          **error);
void              icat_work_plan_data_free     (IcatWorkPlanData *data);
/* IcatActivityGroup, in the order the plan shows them; empty ones left out. */
GPtrArray        *icat_work_plan_data_group    (IcatWorkPlanData *data,
                                                IcatGroupBy       group_by);
/* Rows of four strings (agency, name, title, e-mail and phone) for the
 * focal points of the year's lead agencies. */
GPtrArray        *icat_work_plan_data_contacts (IcatWorkPlanData *data);
const char       *icat_activity_type_label     (IcatActivityType  type);

/* The Gantt-style chart of the year, one row per dated activity. */
void              icat_work_plan_draw_timeline (IcatPageWriter   *writer,
                                                IcatWorkPlanData *data);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatWorkPlanData, icat_work_plan_data_free)

G_END_DECLS
