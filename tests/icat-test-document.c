/* icat-test-document.c — random valid exchange documents from a seed
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Records are built in the order references need them (agencies, mandates,
 * meetings, then what refers to those), each optional field present or
 * null at random, and text drawn from fragments in many scripts with the
 * characters JSON must escape.
 */
#define G_LOG_DOMAIN "icat-tests"

#include "config.h"

#include <json-glib/json-glib.h>
#include <stdlib.h>

#include "icat-test-document.h"

typedef struct {
  GRand       *rand;
  JsonBuilder *builder;
  GPtrArray   *agencies;   /* ids */
  GPtrArray   *mandates;
  GPtrArray   *meetings;
  GPtrArray   *agendas;    /* per meeting: GPtrArray of agenda item ids */
  GHashTable  *used;       /* acronyms, mandate paragraphs, years */
  char        *device;
} Generator;

static const char * const fragments[] = {
  "Working Group", "joint statement", "会议纪要", "人口贩运问题机构间协调小组", "主席", "الاتجار بالأشخاص",
  "Торговля людьми", "trata de personas", "traite des êtres humains", "Ελληνικά", "हिन्दी पाठ", "日本語のテキスト",
  "한국어", "emoji 🙂🚀", "quote \" and \\ backslash", "line\nbreak", "tab\there", "café ümlaut", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "=SUM(A1)", "<b>not html</b>", "A/RES/72/195", "para. 10", "¿Qué?", "«guillemets»", "‘curly’ “quotes”",
  "zero‍width‌joiners", "RTL \u200f mark", "ß", "☃",
};

static char *
random_uuid (Generator *gen)
{
  guint32 a = g_rand_int (gen->rand), b = g_rand_int (gen->rand), c = g_rand_int (gen->rand), d = g_rand_int (gen->rand);

  return g_strdup_printf ("%08x-%04x-4%03x-%04x-%04x%08x", a, b >> 16, b & 0xfff,
                          0x8000 | (c >> 16 & 0x3fff), c & 0xffff, d);
}

static char *
random_text (Generator *gen,
             guint      max_fragments)
{
  GString *text = g_string_new (NULL);
  guint n = g_rand_int_range (gen->rand, 1, max_fragments + 1);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, fragments[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (fragments))]);
    }
  return g_string_free (text, FALSE);
}

static const char *
pick (Generator          *gen,
      const char * const *choices,
      guint               n_choices)
{
  return choices[g_rand_int_range (gen->rand, 0, n_choices)];
}

#define PICK(gen, ...) pick ((gen), (const char * const[]) { __VA_ARGS__ }, \
                             G_N_ELEMENTS (((const char * const[]) { __VA_ARGS__ })))

static gboolean
maybe (Generator *gen)
{
  return g_rand_boolean (gen->rand);
}

static char *
random_timestamp (Generator *gen,
                  gint64    *unix_time)
{
  gint64 seconds = 1262304000 + g_rand_int_range (gen->rand, 0, 500000000);  /* 2010 on */
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (seconds);
  g_autofree char *text = g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");

  if (unix_time != NULL)
    *unix_time = seconds;
  return g_strdup_printf ("%s.%03dZ", text, g_rand_int_range (gen->rand, 0, 1000));
}

static char *
random_date (Generator *gen)
{
  int year = g_rand_int_range (gen->rand, 2016, 2031);
  int month = g_rand_int_range (gen->rand, 1, 13);

  switch (g_rand_int_range (gen->rand, 0, 3))
    {
    case 0:
      return g_strdup_printf ("%d", year);
    case 1:
      return g_strdup_printf ("%d-%02d", year, month);
    default:
      return g_strdup_printf ("%d-%02d-%02d", year, month, g_rand_int_range (gen->rand, 1, 29));
    }
}

static void
add_string (Generator  *gen,
            const char *name,
            const char *value)
{
  json_builder_set_member_name (gen->builder, name);
  if (value != NULL)
    json_builder_add_string_value (gen->builder, value);
  else
    json_builder_add_null_value (gen->builder);
}

static void
add_owned_string (Generator  *gen,
                  const char *name,
                  char       *value)
{
  add_string (gen, name, value);
  g_free (value);
}

/* A text, a date or a reference that is there or null at random. */
static void
add_optional_text (Generator  *gen,
                   const char *name)
{
  add_owned_string (gen, name, maybe (gen) ? random_text (gen, 4) : NULL);
}

static void
add_optional_date (Generator  *gen,
                   const char *name)
{
  add_owned_string (gen, name, maybe (gen) ? random_date (gen) : NULL);
}

static const char *
random_id_of (Generator *gen,
              GPtrArray *ids)
{
  if (ids->len == 0)
    return NULL;
  return ids->pdata[g_rand_int_range (gen->rand, 0, ids->len)];
}

static void
add_localized (Generator  *gen,
               const char *name)
{
  static const char * const languages[] = { "en", "zh", "ar", "es", "fr", "ru" };

  json_builder_set_member_name (gen->builder, name);
  json_builder_begin_object (gen->builder);
  add_owned_string (gen, "en", random_text (gen, 4));
  for (guint i = 1; i < G_N_ELEMENTS (languages); i++)
    if (g_rand_int_range (gen->rand, 0, 3) == 0)
      add_owned_string (gen, languages[i], random_text (gen, 4));
  json_builder_end_object (gen->builder);
}

/* Up to max distinct ids of the list, in random order; each id written
 * is also added to written, when given. */
static void
add_ref_list_noting (Generator  *gen,
                     const char *name,
                     GPtrArray  *ids,
                     guint       min,
                     guint       max,
                     GPtrArray  *written)
{
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  guint wanted = g_rand_int_range (gen->rand, min, max + 1);
  guint n = MIN (wanted, ids->len);

  json_builder_set_member_name (gen->builder, name);
  json_builder_begin_array (gen->builder);
  while (g_hash_table_size (chosen) < n)
    {
      const char *id = random_id_of (gen, ids);

      if (g_hash_table_add (chosen, (gpointer) id))
        {
          json_builder_add_string_value (gen->builder, id);
          if (written != NULL)
            g_ptr_array_add (written, (gpointer) id);
        }
    }
  json_builder_end_array (gen->builder);
}

static void
add_ref_list (Generator  *gen,
              const char *name,
              GPtrArray  *ids,
              guint       min,
              guint       max)
{
  add_ref_list_noting (gen, name, ids, min, max, NULL);
}

/* Starts a record: its id (returned, owned by the list it joins) and stamps. */
static const char *
begin_record (Generator *gen,
              GPtrArray *ids)
{
  char *id = random_uuid (gen);
  gint64 created = 0;
  g_autofree char *created_at = random_timestamp (gen, &created);

  json_builder_begin_object (gen->builder);
  add_string (gen, "id", id);
  add_string (gen, "created_at", created_at);
  add_string (gen, "updated_at", created_at);
  add_string (gen, "updated_by", gen->device);
  if (ids != NULL)
    g_ptr_array_add (ids, id);
  else
    g_free (id);
  return ids != NULL ? id : NULL;
}

static char *
unique_value (Generator  *gen,
              const char *prefix)
{
  for (;;)
    {
      char *value = g_strdup_printf ("%s%u", prefix, g_rand_int_range (gen->rand, 100, 100000000));

      if (g_hash_table_add (gen->used, value))
        return g_strdup (value);
    }
}

static void
add_agency (Generator *gen)
{
  /* Chosen first: an agency is never its own successor. */
  const char *successor = maybe (gen) ? random_id_of (gen, gen->agencies) : NULL;

  begin_record (gen, gen->agencies);
  add_owned_string (gen, "acronym", unique_value (gen, "AG"));
  add_localized (gen, "name");
  add_string (gen, "kind", PICK (gen, "un-entity", "intergovernmental", "regional"));
  json_builder_set_member_name (gen->builder, "memberships");
  json_builder_begin_array (gen->builder);
  for (int i = g_rand_int_range (gen->rand, 0, 3); i > 0; i--)
    {
      json_builder_begin_object (gen->builder);
      add_string (gen, "role", PICK (gen, "member", "inactive-member", "working-group", "partner", "coordinator"));
      add_owned_string (gen, "from", g_strdup_printf ("%d", g_rand_int_range (gen->rand, 2006, 2016)));
      add_owned_string (gen, "to", maybe (gen) ? g_strdup_printf ("%d", g_rand_int_range (gen->rand, 2016, 2030)) : NULL);
      add_optional_text (gen, "note");
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
  add_string (gen, "successor", successor);
  json_builder_set_member_name (gen->builder, "focal_points");
  json_builder_begin_array (gen->builder);
  for (int i = g_rand_int_range (gen->rand, 0, 3); i > 0; i--)
    {
      json_builder_begin_object (gen->builder);
      add_owned_string (gen, "name", random_text (gen, 2));
      add_optional_text (gen, "title");
      add_string (gen, "email", maybe (gen) ? "focal.point@example.org" : NULL);
      add_string (gen, "phone", maybe (gen) ? "+43 1 26060 0" : NULL);
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
  add_string (gen, "website", maybe (gen) ? "https://www.example.org/icat" : NULL);
  add_optional_text (gen, "note");
  json_builder_end_object (gen->builder);
}

static void
add_mandate (Generator *gen)
{
  begin_record (gen, gen->mandates);
  add_string (gen, "document", PICK (gen, "A/RES/72/195", "A/RES/64/293", "E/RES/2015/23", "CTOC/COP resolution 5/2"));
  add_owned_string (gen, "paragraph", unique_value (gen, ""));
  add_localized (gen, "text");
  add_string (gen, "addressee",
              PICK (gen, "icat", "coordinator", "unodc", "member-states", "secretary-general", "un-system", "stakeholders"));
  add_string (gen, "pillar",
              PICK (gen, "general", "prevention", "protection", "prosecution", "partnership", "coordination", "reporting"));
  add_optional_text (gen, "note");
  json_builder_end_object (gen->builder);
}

static void
add_agenda (Generator *gen,
            GPtrArray *agenda_ids)
{
  json_builder_set_member_name (gen->builder, "agenda");
  json_builder_begin_array (gen->builder);
  for (int i = 0, n = g_rand_int_range (gen->rand, 0, 5); i < n; i++)
    {
      char *id = random_uuid (gen);

      g_ptr_array_add (agenda_ids, id);
      json_builder_begin_object (gen->builder);
      add_string (gen, "id", id);
      json_builder_set_member_name (gen->builder, "position");
      json_builder_add_int_value (gen->builder, i);
      add_owned_string (gen, "title", random_text (gen, 3));
      add_string (gen, "presenter", maybe (gen) ? random_id_of (gen, gen->agencies) : NULL);
      add_optional_text (gen, "minutes");
      add_ref_list (gen, "mandates", gen->mandates, 0, 2);
      /* Absent, false or true: absent reads as false. */
      if (maybe (gen))
        {
          json_builder_set_member_name (gen->builder, "continue_next");
          json_builder_add_boolean_value (gen->builder, maybe (gen));
        }
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
}

static void
add_decisions_and_attendance (Generator *gen)
{
  json_builder_set_member_name (gen->builder, "decisions");
  json_builder_begin_array (gen->builder);
  for (int i = 1, n = g_rand_int_range (gen->rand, 0, 4); i <= n; i++)
    {
      json_builder_begin_object (gen->builder);
      add_owned_string (gen, "id", random_uuid (gen));
      json_builder_set_member_name (gen->builder, "number");
      json_builder_add_int_value (gen->builder, i);
      add_owned_string (gen, "text", random_text (gen, 5));
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);

  json_builder_set_member_name (gen->builder, "attendance");
  json_builder_begin_array (gen->builder);
  for (guint i = 0, n = g_rand_int_range (gen->rand, 0, MIN (gen->agencies->len, 4u) + 1); i < n; i++)
    {
      json_builder_begin_object (gen->builder);
      /* One entry per agency: the first n, in order. */
      add_string (gen, "agency", gen->agencies->pdata[i]);
      json_builder_set_member_name (gen->builder, "present");
      json_builder_add_boolean_value (gen->builder, maybe (gen));
      json_builder_set_member_name (gen->builder, "delegates");
      json_builder_begin_array (gen->builder);
      for (int d = g_rand_int_range (gen->rand, 0, 3); d > 0; d--)
        json_builder_add_string_value (gen->builder, PICK (gen, "张伟", "Ana María Pérez", "Олег Иванов", "Fatima Al-Sayed"));
      json_builder_end_array (gen->builder);
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
}

static void
add_invited_and_attachments (Generator *gen)
{
  json_builder_set_member_name (gen->builder, "invited");
  json_builder_begin_array (gen->builder);
  for (int i = g_rand_int_range (gen->rand, 0, 3); i > 0; i--)
    {
      json_builder_begin_object (gen->builder);
      add_owned_string (gen, "name", random_text (gen, 2));
      add_string (gen, "kind", PICK (gen, "state", "organization"));
      json_builder_set_member_name (gen->builder, "attended");
      json_builder_add_boolean_value (gen->builder, maybe (gen));
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);

  json_builder_set_member_name (gen->builder, "attachments");
  json_builder_begin_array (gen->builder);
  for (int i = g_rand_int_range (gen->rand, 0, 3); i > 0; i--)
    {
      json_builder_begin_object (gen->builder);
      add_owned_string (gen, "title", random_text (gen, 2));
      add_string (gen, "uri", PICK (gen, "https://www.unodc.org/icat/", "mailto:icat@example.org", "file:///tmp/minutes.pdf"));
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
}

static void
add_meeting (Generator *gen)
{
  GPtrArray *agenda_ids = g_ptr_array_new_with_free_func (g_free);
  gint64 starts = 0;
  g_autofree char *starts_at = random_timestamp (gen, &starts);
  /* Within the day: longer needs multi_day, which older schemas lack. At
   * least a second later, as the end has no milliseconds and the start may. */
  g_autoptr(GDateTime) end = g_date_time_new_from_unix_utc (starts + g_rand_int_range (gen->rand, 1, 9 * 3600));
  g_autofree char *ends_at = g_date_time_format (end, "%Y-%m-%dT%H:%M:%S.000Z");

  begin_record (gen, gen->meetings);
  g_ptr_array_add (gen->agendas, agenda_ids);
  add_string (gen, "kind", PICK (gen, "working-group", "principals", "member-state-briefing", "hq-briefing", "other"));
  add_localized (gen, "title");
  add_string (gen, "starts_at", starts_at);
  add_string (gen, "ends_at", maybe (gen) ? ends_at : NULL);
  add_string (gen, "date_precision", PICK (gen, "minute", "day", "month", "year"));
  add_string (gen, "timezone", PICK (gen, "Europe/Vienna", "America/New_York", "Asia/Shanghai", "Africa/Nairobi",
                                     "Asia/Kolkata", "America/Sao_Paulo", "Pacific/Auckland"));
  add_string (gen, "venue", PICK (gen, "Vienna", "Geneva", "New York", "virtual", "Bangkok"));
  add_string (gen, "host", maybe (gen) ? random_id_of (gen, gen->agencies) : NULL);
  add_ref_list (gen, "chairs", gen->agencies, 0, 2);
  add_string (gen, "record_status", PICK (gen, "draft", "circulated", "approved"));
  add_optional_date (gen, "circulated_on");
  if (maybe (gen))
    {
      /* A record is only reopened after an approval, whose day it keeps. */
      add_owned_string (gen, "approved_on", random_date (gen));
      add_optional_date (gen, "reopened_on");
    }
  add_agenda (gen, agenda_ids);
  add_decisions_and_attendance (gen);
  add_invited_and_attachments (gen);
  add_optional_text (gen, "note");
  json_builder_end_object (gen->builder);
}

/* Some of the agencies that write a paper, each once, in any state; an
 * objection always says why, with or without an id of its own. */
static void
add_clearances (Generator *gen,
                GPtrArray *writers)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (gen->builder, "clearances");
  json_builder_begin_array (gen->builder);
  for (guint i = 0; i < writers->len; i++)
    {
      const char *state = PICK (gen, "requested", "cleared", "cleared-with-comments", "objected");

      if (!g_hash_table_add (seen, writers->pdata[i]) || !maybe (gen))
        continue;
      json_builder_begin_object (gen->builder);
      if (maybe (gen))
        add_owned_string (gen, "id", random_uuid (gen));
      add_string (gen, "agency", writers->pdata[i]);
      add_string (gen, "state", state);
      add_owned_string (gen, "on", maybe (gen) ? random_date (gen) : NULL);
      if (g_str_equal (state, "objected"))
        add_owned_string (gen, "note", random_text (gen, 4));
      else
        add_optional_text (gen, "note");
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
}

static void
add_paper (Generator *gen)
{
  g_autoptr(GPtrArray) writers = g_ptr_array_new ();

  begin_record (gen, NULL);
  add_string (gen, "kind", PICK (gen, "policy-paper", "issue-brief", "joint-statement", "report", "other"));
  add_owned_string (gen, "number", maybe (gen) ? g_strdup_printf ("%02d", g_rand_int_range (gen->rand, 1, 20)) : NULL);
  add_localized (gen, "title");
  json_builder_set_member_name (gen->builder, "year");
  if (maybe (gen))
    json_builder_add_int_value (gen->builder, g_rand_int_range (gen->rand, 1990, 2101));
  else
    json_builder_add_null_value (gen->builder);
  add_optional_date (gen, "published_on");
  add_optional_date (gen, "target_date");
  add_string (gen, "status", PICK (gen, "proposed", "drafting", "agency-review", "wg-endorsement", "published"));
  add_ref_list_noting (gen, "lead_agencies", gen->agencies, 0, 2, writers);
  add_ref_list_noting (gen, "contributing_agencies", gen->agencies, 0, 3, writers);
  add_ref_list (gen, "mandates", gen->mandates, 0, 3);
  add_string (gen, "link", maybe (gen) ? "https://icat.un.org/publications" : NULL);
  add_optional_text (gen, "note");
  add_clearances (gen, writers);
  add_optional_text (gen, "endorsement_reason");
  json_builder_end_object (gen->builder);
}

static void
add_history (Generator *gen)
{
  json_builder_set_member_name (gen->builder, "history");
  json_builder_begin_array (gen->builder);
  for (int i = g_rand_int_range (gen->rand, 0, 3); i > 0; i--)
    {
      json_builder_begin_object (gen->builder);
      add_string (gen, "status", PICK (gen, "open", "in-progress", "done", "blocked", "cancelled"));
      add_owned_string (gen, "at", random_timestamp (gen, NULL));
      add_string (gen, "by", maybe (gen) ? gen->device : NULL);
      json_builder_end_object (gen->builder);
    }
  json_builder_end_array (gen->builder);
}

static void
add_action_item (Generator *gen)
{
  guint meeting = gen->meetings->len > 0 && maybe (gen) ? g_rand_int_range (gen->rand, 0, gen->meetings->len) : G_MAXUINT;
  GPtrArray *agenda = meeting != G_MAXUINT ? gen->agendas->pdata[meeting] : NULL;

  begin_record (gen, NULL);
  add_owned_string (gen, "title", random_text (gen, 4));
  add_optional_text (gen, "description");
  add_string (gen, "owner", random_id_of (gen, gen->agencies));
  add_ref_list (gen, "supporting", gen->agencies, 0, 3);
  /* A due date never before the start. */
  add_owned_string (gen, "starts", maybe (gen) ? g_strdup_printf ("%d", g_rand_int_range (gen->rand, 2006, 2016)) : NULL);
  add_owned_string (gen, "due", maybe (gen) ? random_date (gen) : NULL);
  add_string (gen, "status", PICK (gen, "open", "in-progress", "done", "blocked", "cancelled"));
  add_string (gen, "priority", PICK (gen, "low", "normal", "high"));
  add_string (gen, "meeting", meeting != G_MAXUINT ? gen->meetings->pdata[meeting] : NULL);
  add_string (gen, "agenda_item", agenda != NULL && agenda->len > 0 && maybe (gen) ? random_id_of (gen, agenda) : NULL);
  add_ref_list (gen, "mandates", gen->mandates, 0, 3);
  add_optional_text (gen, "completion_note");
  add_history (gen);
  json_builder_end_object (gen->builder);
}

/* Chair terms and work plans: a year each, none twice. */
static void
add_years (Generator *gen,
           gboolean   work_plan)
{
  g_autofree char *year = NULL;
  gboolean endorsed = maybe (gen);

  do
    {
      g_free (year);
      year = g_strdup_printf ("%s%d", work_plan ? "plan" : "chair", g_rand_int_range (gen->rand, 2006, 2101));
    }
  while (!g_hash_table_add (gen->used, g_strdup (year)));
  begin_record (gen, NULL);
  json_builder_set_member_name (gen->builder, "year");
  json_builder_add_int_value (gen->builder, atoi (year + (work_plan ? 4 : 5)));
  if (work_plan)
    {
      add_string (gen, "status", endorsed ? "endorsed" : "draft");
      add_owned_string (gen, "endorsed_on", endorsed ? g_strdup ("2026-02-14") : NULL);
      add_string (gen, "endorsed_at", endorsed && maybe (gen) ? random_id_of (gen, gen->meetings) : NULL);
    }
  else
    add_ref_list (gen, "agencies", gen->agencies, 1, 2);
  add_optional_text (gen, "note");
  json_builder_end_object (gen->builder);
}

static void
add_list (Generator  *gen,
          const char *name,
          guint       count,
          void      (*add) (Generator *gen))
{
  json_builder_set_member_name (gen->builder, name);
  json_builder_begin_array (gen->builder);
  for (guint i = 0; i < count; i++)
    add (gen);
  json_builder_end_array (gen->builder);
}

static void
add_chair_term (Generator *gen)
{
  add_years (gen, FALSE);
}

static void
add_work_plan (Generator *gen)
{
  add_years (gen, TRUE);
}

char *
icat_test_document_new (guint32               seed,
                        guint                 size,
                        IcatTestDocumentFlags flags)
{
  Generator gen = { 0 };
  g_autoptr(JsonNode) root = NULL;
  guint years;

  gen.rand = g_rand_new_with_seed (seed);
  years = flags & ICAT_TEST_DOCUMENT_YEARS ? g_rand_int_range (gen.rand, 0, 4) : 0;
  gen.builder = json_builder_new ();
  gen.agencies = g_ptr_array_new_with_free_func (g_free);
  gen.mandates = g_ptr_array_new_with_free_func (g_free);
  gen.meetings = g_ptr_array_new_with_free_func (g_free);
  gen.agendas = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  gen.used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen.device = random_uuid (&gen);

  json_builder_begin_object (gen.builder);
  add_string (&gen, "format", "icat-tracker");
  json_builder_set_member_name (gen.builder, "version");
  json_builder_add_int_value (gen.builder, 1);
  add_string (&gen, "exported_at", "2026-01-01T00:00:00.000Z");
  add_list (&gen, "agencies", 2 + g_rand_int_range (gen.rand, 0, size + 1), add_agency);
  add_list (&gen, "mandates", g_rand_int_range (gen.rand, 0, size + 1), add_mandate);
  add_list (&gen, "meetings", g_rand_int_range (gen.rand, 0, size + 1), add_meeting);
  add_list (&gen, "papers", g_rand_int_range (gen.rand, 0, size + 1), add_paper);
  add_list (&gen, "action_items", g_rand_int_range (gen.rand, 0, 2 * size + 1), add_action_item);
  add_list (&gen, "chair_terms", years, add_chair_term);
  add_list (&gen, "work_plans", years, add_work_plan);
  json_builder_end_object (gen.builder);

  root = json_builder_get_root (gen.builder);
  g_object_unref (gen.builder);
  g_ptr_array_unref (gen.agencies);
  g_ptr_array_unref (gen.mandates);
  g_ptr_array_unref (gen.meetings);
  g_ptr_array_unref (gen.agendas);
  g_hash_table_unref (gen.used);
  g_free (gen.device);
  g_rand_free (gen.rand);
  return json_to_string (root, TRUE);
}

GPtrArray *
icat_test_document_ids (const char *document)
{
  static const char * const lists[][2] = {
    { "agencies", "agency" }, { "chair_terms", "chair_term" }, { "meetings", "meeting" }, { "papers", "paper" },
    { "mandates", "mandate" }, { "action_items", "action_item" }, { "work_plans", "work_plan" },
  };
  g_autoptr(JsonNode) root = json_from_string (document, NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);
  JsonObject *object;

  g_assert_nonnull (root);
  object = json_node_get_object (root);
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    {
      JsonArray *records = json_object_has_member (object, lists[i][0])
                             ? json_object_get_array_member (object, lists[i][0]) : NULL;

      for (guint r = 0; records != NULL && r < json_array_get_length (records); r++)
        g_ptr_array_add (ids, g_strconcat (lists[i][1], "/",
                                           json_object_get_string_member (json_array_get_object_element (records, r), "id"),
                                           NULL));
    }
  return ids;
}
