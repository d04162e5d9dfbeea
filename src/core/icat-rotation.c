/* icat-rotation.c — whose turn it is to chair ICAT
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "icat-rotation"

#include "config.h"

#include <glib/gi18n.h>

#include "icat-rotation.h"

IcatChairYear *
icat_chair_year_new (int                 year,
                     const char * const *chairs)
{
  IcatChairYear *chair_year = g_new0 (IcatChairYear, 1);

  chair_year->year = year;
  chair_year->chairs = g_strdupv ((char **) chairs);
  return chair_year;
}

void
icat_chair_year_free (IcatChairYear *chair_year)
{
  if (chair_year == NULL)
    return;
  g_strfreev (chair_year->chairs);
  g_free (chair_year);
}

void
icat_rotation_warning_free (IcatRotationWarning *warning)
{
  g_free (warning->agency_id);
  g_free (warning);
}

static void
warn (GPtrArray           *warnings,
      int                  year,
      IcatRotationProblem  problem,
      const char          *agency_id)
{
  IcatRotationWarning *warning = g_new0 (IcatRotationWarning, 1);

  warning->year = year;
  warning->problem = problem;
  warning->agency_id = g_strdup (agency_id);
  g_ptr_array_add (warnings, warning);
}

/* The last year before `year` in which agency chaired, or G_MININT. */
static int
last_chaired (GPtrArray  *years,
              const char *agency_id,
              int         year)
{
  int last = G_MININT;

  for (guint i = 0; i < years->len; i++)
    {
      IcatChairYear *chair_year = years->pdata[i];

      if (chair_year->year < year && chair_year->year > last &&
          g_strv_contains ((const char * const *) chair_year->chairs, agency_id))
        last = chair_year->year;
    }
  return last;
}

static gboolean
chaired_too_recently (const IcatRotationRule *rule,
                      GPtrArray              *years,
                      const char             *agency_id,
                      int                     year)
{
  int last = last_chaired (years, agency_id, year);

  return rule->skip_recent_years > 0 && last != G_MININT && last >= year - (int) rule->skip_recent_years;
}

static gboolean
is_un (GHashTable *is_un_entity,
       const char *agency_id)
{
  return is_un_entity != NULL && g_hash_table_contains (is_un_entity, agency_id);
}

static int
position_in_order (const IcatRotationRule *rule,
                   const char             *agency_id)
{
  for (int i = 0; rule->order != NULL && rule->order[i] != NULL; i++)
    if (g_str_equal (rule->order[i], agency_id))
      return i;
  return -1;
}

/* Where the turn stands: the place in the order of the latest chair. */
static int
latest_position (const IcatRotationRule *rule,
                 GPtrArray              *years)
{
  IcatChairYear *latest = NULL;
  int position = -1;

  for (guint i = 0; i < years->len; i++)
    {
      IcatChairYear *chair_year = years->pdata[i];

      if (latest == NULL || chair_year->year > latest->year)
        latest = chair_year;
    }
  for (guint i = 0; latest != NULL && latest->chairs[i] != NULL; i++)
    position = MAX (position, position_in_order (rule, latest->chairs[i]));
  return position;
}

typedef struct {
  const IcatRotationRule *rule;
  GPtrArray              *years;
  GHashTable             *is_un_entity;
  int                     year;
  const char             *partner;   /* the co-chair already chosen, or NULL */
} Turn;

static gboolean
fits_pairing (Turn       *turn,
              const char *agency_id)
{
  if (turn->partner == NULL)
    return TRUE;
  if (g_str_equal (turn->partner, agency_id))
    return FALSE;
  return !turn->rule->pair_un_with_other ||
         is_un (turn->is_un_entity, turn->partner) != is_un (turn->is_un_entity, agency_id);
}

static gboolean
is_former (const IcatRotationRule *rule,
           const char             *agency_id)
{
  return rule->former != NULL && g_hash_table_contains (rule->former, agency_id);
}

/* How many agencies of the order may chair at all. */
static guint
n_proposable (const IcatRotationRule *rule)
{
  guint n = 0;

  for (guint i = 0; rule->order != NULL && rule->order[i] != NULL; i++)
    n += !is_former (rule, rule->order[i]);
  return n;
}

/* The next agency after `after` in the order that is free to chair. */
static int
next_free (Turn *turn,
           int   after)
{
  guint n = g_strv_length ((char **) turn->rule->order);

  for (guint step = 1; step <= n; step++)
    {
      int candidate = (int) ((after + step + n) % n);
      const char *agency_id = turn->rule->order[candidate];

      if (!is_former (turn->rule, agency_id) && fits_pairing (turn, agency_id) &&
          !chaired_too_recently (turn->rule, turn->years, agency_id, turn->year))
        return candidate;
    }
  return -1;
}

/* Nobody is free: the one who waited longest, pairing kept if possible. */
static int
longest_waiting (Turn *turn)
{
  int best = -1;
  int best_last = G_MAXINT;

  for (int pass = 0; pass < 2 && best < 0; pass++)
    for (int i = 0; turn->rule->order[i] != NULL; i++)
      {
        const char *agency_id = turn->rule->order[i];
        int last = last_chaired (turn->years, agency_id, turn->year);

        if (is_former (turn->rule, agency_id))
          continue;
        if (turn->partner != NULL && g_str_equal (turn->partner, agency_id))
          continue;
        if (pass == 0 && !fits_pairing (turn, agency_id))
          continue;
        if (last < best_last)
          {
            best = i;
            best_last = last;
          }
      }
  return best;
}

GPtrArray *
icat_rotation_propose (const IcatRotationRule *rule,
                       GPtrArray              *history,
                       GHashTable             *is_un_entity,
                       int                     from_year,
                       guint                   n_years,
                       GPtrArray             **warnings)
{
  g_autoptr(GPtrArray) proposals = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_chair_year_free);
  g_autoptr(GPtrArray) years = g_ptr_array_new ();
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_rotation_warning_free);
  int position;

  g_return_val_if_fail (rule != NULL, NULL);

  for (guint i = 0; history != NULL && i < history->len; i++)
    if (((IcatChairYear *) history->pdata[i])->year < from_year)
      g_ptr_array_add (years, history->pdata[i]);
  position = latest_position (rule, years);

  for (guint offset = 0; n_proposable (rule) > 0 && offset < n_years; offset++)
    {
      const char *chosen[3] = { NULL, NULL, NULL };
      Turn turn = { rule, years, is_un_entity, from_year + (int) offset, NULL };
      guint n_chairs = rule->co_chairs && n_proposable (rule) > 1 ? 2 : 1;
      IcatChairYear *proposal;

      for (guint c = 0; c < n_chairs; c++)
        {
          int pick = next_free (&turn, position);

          if (pick < 0)
            {
              pick = longest_waiting (&turn);
              warn (problems, turn.year, ICAT_ROTATION_NO_CANDIDATE, rule->order[pick]);
            }
          chosen[c] = rule->order[pick];
          turn.partner = chosen[c];
          position = pick;
        }
      proposal = icat_chair_year_new (turn.year, chosen);
      g_ptr_array_add (proposals, proposal);
      g_ptr_array_add (years, proposal);
    }
  if (warnings != NULL)
    *warnings = g_steal_pointer (&problems);
  return g_steal_pointer (&proposals);
}

GPtrArray *
icat_rotation_check (const IcatRotationRule *rule,
                     GPtrArray              *chairs,
                     GHashTable             *is_un_entity)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) icat_rotation_warning_free);

  for (guint i = 0; chairs != NULL && i < chairs->len; i++)
    {
      IcatChairYear *chair_year = chairs->pdata[i];
      guint n = g_strv_length (chair_year->chairs);

      for (guint c = 0; c < n; c++)
        {
          const char *agency_id = chair_year->chairs[c];

          if (position_in_order (rule, agency_id) < 0)
            warn (warnings, chair_year->year, ICAT_ROTATION_NOT_IN_ORDER, agency_id);
          if (chaired_too_recently (rule, chairs, agency_id, chair_year->year))
            warn (warnings, chair_year->year, ICAT_ROTATION_TOO_SOON, agency_id);
        }
      if (n == 2 && rule->pair_un_with_other &&
          is_un (is_un_entity, chair_year->chairs[0]) == is_un (is_un_entity, chair_year->chairs[1]))
        warn (warnings, chair_year->year, ICAT_ROTATION_NOT_PAIRED, chair_year->chairs[1]);
    }
  return warnings;
}

/* The last year before year in which the agency chaired, or 0. */
static int
previous_turn (GPtrArray  *years,
               const char *agency_id,
               int         year)
{
  int previous = 0;

  for (guint i = 0; i < years->len; i++)
    {
      IcatChairYear *chair_year = years->pdata[i];

      if (chair_year->year < year && chair_year->year > previous &&
          g_strv_contains ((const char * const *) chair_year->chairs, agency_id))
        previous = chair_year->year;
    }
  return previous;
}

char *
icat_rotation_warning_text (const IcatRotationWarning *warning,
                            GPtrArray                 *years,
                            const char                *acronym,
                            guint                      skip_recent_years,
                            gboolean                   un_entity)
{
  switch (warning->problem)
    {
    case ICAT_ROTATION_NOT_IN_ORDER:
      return g_strdup_printf (_("%s chaired in %d but is not in the turn order."), acronym, warning->year);
    case ICAT_ROTATION_TOO_SOON:
      return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%s chaired in %d, within %u year of its turn in %d.",
                                           "%s chaired in %d, within %u years of its turn in %d.", skip_recent_years),
                              acronym, warning->year, skip_recent_years,
                              previous_turn (years, warning->agency_id, warning->year));
    case ICAT_ROTATION_NOT_PAIRED:
      if (un_entity)
        return g_strdup_printf (_("The co-chairs of %d are both UN entities; the rule pairs a UN entity with a co-chair from outside the UN system."),
                                warning->year);
      return g_strdup_printf (_("The co-chairs of %d are both from outside the UN system; the rule pairs a UN entity with one of them."),
                              warning->year);
    case ICAT_ROTATION_NO_CANDIDATE:
    default:
      return g_strdup_printf (_("No agency in the turn order is free to chair in %d; %s, who waited longest, is proposed."),
                              warning->year, acronym);
    }
}
