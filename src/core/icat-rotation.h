/* icat-rotation.h — whose turn it is to chair ICAT
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The chair rotates every year among the members (A/71/119 para 63), one
 * chair or two co-chairs. The rule is the coordinators' own, kept where
 * they can see and change it: members in a set order, skipping any that
 * chaired in the last few years, and, for co-chairs, a UN entity paired with
 * an organization from outside the UN system. These are plain functions
 * over plain data, tested without a database or a display.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  const char * const *order;       /* agency ids, the turn order; NULL-terminated */
  guint       skip_recent_years;   /* an agency that chaired in the last N years waits */
  gboolean    co_chairs;           /* propose two co-chairs a year */
  gboolean    pair_un_with_other;  /* co-chairs: one UN entity and one from outside the UN system */
  GHashTable *former;              /* agency ids never proposed: former members and defunct
                                    * bodies still in a stored order; may be NULL */
} IcatRotationRule;

typedef struct {
  int         year;
  char      **chairs;              /* one or two agency ids; NULL-terminated */
} IcatChairYear;

typedef enum {
  ICAT_ROTATION_NOT_IN_ORDER,      /* the chair is not among the agencies of the order */
  ICAT_ROTATION_TOO_SOON,          /* it chaired again within skip_recent_years */
  ICAT_ROTATION_NOT_PAIRED,        /* co-chairs both UN entities, or both not */
  ICAT_ROTATION_NO_CANDIDATE,      /* a proposal had to break the rule: nobody was free */
} IcatRotationProblem;

typedef struct {
  int                 year;
  IcatRotationProblem problem;
  char               *agency_id;   /* the chair concerned */
} IcatRotationWarning;

IcatChairYear *icat_chair_year_new            (int                     year,
                                               const char * const     *chairs);
void           icat_chair_year_free           (IcatChairYear          *chair_year);
void           icat_rotation_warning_free     (IcatRotationWarning    *warning);
/* The warning as a sentence in the program's language, as the Chair
 * Rotation page and the handover pack say it: "UNODC chaired in 2022,
 * within 2 years of its turn in 2021." years: the years the warning was
 * found in (history and proposals); acronym: its agency's; un_entity:
 * whether that agency is a UN entity. */
char          *icat_rotation_warning_text     (const IcatRotationWarning *warning,
                                               GPtrArray              *years,
                                               const char             *acronym,
                                               guint                   skip_recent_years,
                                               gboolean                un_entity);

/* is_un_entity: agency id → non-NULL when the agency is a UN entity.
 * history: IcatChairYear in any order.
 * Returns IcatChairYear for from_year .. from_year + n_years - 1, each the
 * next in the order after the latest chair who has not chaired within the
 * rule's window (counting the proposals before it). A year where nobody is
 * free takes the agency that chaired longest ago and gets a warning. An
 * agency in rule->former is never proposed; when the order holds no other,
 * nothing is proposed. */
GPtrArray     *icat_rotation_propose          (const IcatRotationRule *rule,
                                               GPtrArray              *history,
                                               GHashTable             *is_un_entity,
                                               int                     from_year,
                                               guint                   n_years,
                                               GPtrArray             **warnings);
/* IcatRotationWarning for every year of chairs that breaks the rule. */
GPtrArray     *icat_rotation_check            (const IcatRotationRule *rule,
                                               GPtrArray              *chairs,
                                               GHashTable             *is_un_entity);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IcatChairYear, icat_chair_year_free)

G_END_DECLS
