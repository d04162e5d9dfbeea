/* icat-demo.c — a made-up but realistic exchange document of any size
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written straight into one GString, a record a line: a tree of 100,000
 * action items in json-glib would cost more than the import it feeds.
 * Every choice comes from one splitmix64 stream of the seed, never from
 * GRand or the clock, so a seed gives the same bytes on every machine.
 */
#define G_LOG_DOMAIN "icat-demo"

#include "config.h"

#include <gio/gio.h>
#include <json-glib/json-glib.h>

#include "icat-demo.h"
#include "icat-exchange.h"

#define DEMO_DEVICE "d3e0c0de-0000-4000-8000-000000000001"
#define MAX_AGENDA 6
#define UUID_LENGTH 36

typedef struct {
  char  id[UUID_LENGTH + 1];
  int   year;
  int   month;
  int   day;
  guint n_agenda;
  char  agenda[MAX_AGENDA][UUID_LENGTH + 1];
} DemoMeeting;

typedef struct {
  GString     *out;
  guint64      state;          /* splitmix64 */
  int          first_year;
  guint        years;
  JsonParser  *seed;           /* owns the strings below */
  GPtrArray   *agencies;       /* ids of agencies that still exist */
  GPtrArray   *working_group;  /* ids of the Working Group's members */
  GPtrArray   *mandates;       /* ids of every mandate paragraph */
  const char  *coordinator;    /* the agency coordinating ICAT */
  DemoMeeting *meetings;       /* in order of date */
  guint        n_meetings;
  guint       *year_first;     /* per year: index of its first meeting */
  guint       *year_count;     /* per year: how many meetings */
} Demo;

static guint64
next_random (Demo *demo)
{
  guint64 z = (demo->state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

/* 0..n-1; n is small, so the modulo's bias is far below anything visible. */
static guint
pick (Demo  *demo,
      guint  n)
{
  g_assert (n > 0);
  return (guint) (next_random (demo) % n);
}

/* True in percent cases out of a hundred. */
static gboolean
chance (Demo  *demo,
        guint  percent)
{
  return pick (demo, 100) < percent;
}

static const char *
pick_word (Demo               *demo,
           const char * const *words,
           guint               n_words)
{
  return words[pick (demo, n_words)];
}

#define PICK(demo, words) pick_word ((demo), (words), G_N_ELEMENTS (words))

/* A version 4 UUID from the seed's stream. */
static void
make_id (Demo *demo,
         char  id[UUID_LENGTH + 1])
{
  static const char hex[] = "0123456789abcdef";
  guint64 halves[2] = { next_random (demo), next_random (demo) };
  guint8 bytes[16];
  guint at = 0;

  halves[0] = (halves[0] & ~G_GUINT64_CONSTANT (0xf000)) | 0x4000;
  halves[1] = (halves[1] & ~(G_GUINT64_CONSTANT (0xc0) << 56)) | (G_GUINT64_CONSTANT (0x80) << 56);
  for (guint i = 0; i < 16; i++)
    bytes[i] = (guint8) (halves[i / 8] >> (56 - 8 * (i % 8)));
  for (guint i = 0; i < 16; i++)
    {
      if (i == 4 || i == 6 || i == 8 || i == 10)
        id[at++] = '-';
      id[at++] = hex[bytes[i] >> 4];
      id[at++] = hex[bytes[i] & 0xf];
    }
  id[at] = '\0';
}

/* A JSON string: quotes, backslashes and control characters escaped, all
 * else (UTF-8 included) as it is. */
static void
put_text (GString    *out,
          const char *text)
{
  g_string_append_c (out, '"');
  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        {
          g_string_append_c (out, '\\');
          g_string_append_c (out, (char) c);
        }
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }
  g_string_append_c (out, '"');
}

/* ,"key": — every member but a record's first (its id) starts so. */
static void
put_key (GString    *out,
         const char *key)
{
  g_string_append (out, ",\"");
  g_string_append (out, key);
  g_string_append (out, "\":");
}

static void
put_member (GString    *out,
            const char *key,
            const char *text)
{
  put_key (out, key);
  if (text == NULL)
    g_string_append (out, "null");
  else
    put_text (out, text);
}

static void
put_localized (GString    *out,
               const char *key,
               const char *english,
               const char *chinese)
{
  put_key (out, key);
  g_string_append (out, "{\"en\":");
  put_text (out, english);
  g_string_append (out, ",\"zh\":");
  put_text (out, chinese);
  g_string_append_c (out, '}');
}

#define MAX_SOME_IDS 4

/* n different ids of list, none of them except, into chosen. */
static void
choose_ids (Demo        *demo,
            GPtrArray   *list,
            guint        n,
            const char  *except,
            const char **chosen)
{
  guint count = 0;

  g_assert (n <= MAX_SOME_IDS && n < list->len);
  while (count < n)
    {
      const char *id = list->pdata[pick (demo, list->len)];
      gboolean taken = g_strcmp0 (id, except) == 0;

      for (guint i = 0; i < count && !taken; i++)
        taken = chosen[i] == id;
      if (!taken)
        chosen[count++] = id;
    }
}

static void
put_ids (GString            *out,
         const char         *key,
         const char * const *ids,
         guint               n)
{
  put_key (out, key);
  g_string_append_c (out, '[');
  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      put_text (out, ids[i]);
    }
  g_string_append_c (out, ']');
}

/* n different ids of list, none of them except. */
static void
put_some_ids (Demo       *demo,
              const char *key,
              GPtrArray  *list,
              guint       n,
              const char *except)
{
  const char *chosen[MAX_SOME_IDS] = { NULL, };

  choose_ids (demo, list, n, except, chosen);
  put_ids (demo->out, key, chosen, n);
}

/* Opens a record: {"id":…,"created_at":…,"updated_at":…,"updated_by":… */
static void
put_record_start (Demo       *demo,
                  const char *id,
                  const char *created_at,
                  const char *updated_at)
{
  g_string_append (demo->out, "{\"id\":");
  put_text (demo->out, id);
  put_member (demo->out, "created_at", created_at);
  put_member (demo->out, "updated_at", updated_at);
  put_member (demo->out, "updated_by", DEMO_DEVICE);
}

static char *
timestamp (int year,
           int month,
           int day,
           int hour,
           int minute)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:00.000Z", year, month, day, hour, minute);
}

static char *
day_string (int year,
            int month,
            int day)
{
  return g_strdup_printf ("%04d-%02d-%02d", year, month, day);
}

/* The seed's agencies and mandates, which the demo's records refer to. */
static gboolean
read_seed (Demo    *demo,
           GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (RESOURCE_PREFIX "/seed/icat.json", 0, error);
  JsonObject *document;
  JsonArray *agencies;
  JsonArray *mandates;

  if (bytes == NULL)
    return FALSE;
  demo->seed = json_parser_new_immutable ();
  if (!json_parser_load_from_data (demo->seed, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error))
    return FALSE;
  document = json_node_get_object (json_parser_get_root (demo->seed));
  agencies = json_object_get_array_member (document, "agencies");
  mandates = json_object_get_array_member (document, "mandates");
  for (guint i = 0; i < json_array_get_length (agencies); i++)
    {
      JsonObject *agency = json_array_get_object_element (agencies, i);
      JsonArray *memberships = json_object_get_array_member (agency, "memberships");
      const char *id = json_object_get_string_member (agency, "id");

      JsonNode *successor = json_object_get_member (agency, "successor");

      /* UNIFEM and DAW live on as UN-Women. */
      if (successor != NULL && !JSON_NODE_HOLDS_NULL (successor))
        continue;
      g_ptr_array_add (demo->agencies, (gpointer) id);
      for (guint m = 0; memberships != NULL && m < json_array_get_length (memberships); m++)
        {
          const char *role = json_object_get_string_member (json_array_get_object_element (memberships, m), "role");

          if (g_strcmp0 (role, "working-group") == 0)
            g_ptr_array_add (demo->working_group, (gpointer) id);
          else if (g_strcmp0 (role, "coordinator") == 0)
            demo->coordinator = id;
        }
    }
  for (guint i = 0; i < json_array_get_length (mandates); i++)
    g_ptr_array_add (demo->mandates,
                     (gpointer) json_object_get_string_member (json_array_get_object_element (mandates, i), "id"));
  return TRUE;
}

/* What the meetings are: kind, its share in percent, and its title. */
static const struct {
  const char *kind;
  guint       percent;
  const char *english;
  const char *chinese;
} meeting_kinds[] = {
  { "working-group",         70, "Working Group meeting",            "工作组会议" },
  { "principals",             8, "Principals-level meeting of ICAT", "机构间协调小组主管级会议" },
  { "member-state-briefing", 12, "Briefing for Member States",       "会员国情况简报会" },
  { "hq-briefing",           10, "Headquarters briefing",            "总部情况简报会" },
};

static const struct {
  const char *venue;
  const char *timezone;
} venues[] = {
  { "Vienna",   "Europe/Vienna" },
  { "New York", "America/New_York" },
  { "Geneva",   "Europe/Zurich" },
  { "virtual",  "Europe/Vienna" },   /* hosted by the coordinator in Vienna */
};

static const char * const month_names[] = {
  "January", "February", "March", "April", "May", "June", "July",
  "August", "September", "October", "November", "December",
};

static const char * const agenda_topics[] = {
  "Work plan of the year",
  "Issue brief on trafficking in children",
  "Policy paper on trafficking for forced labour",
  "Joint statement for the World Day against Trafficking in Persons",
  "Preparations for the principals-level meeting",
  "Inputs to the Global Report on Trafficking in Persons",
  "Appraisal of the Global Plan of Action",
  "Briefing of Member States by the chair",
  "Rotation of the chair and co-chair",
  "Outreach to the Group of Friends United against Human Trafficking",
  "工作组会议的筹备",
  "主席关于年度工作的报告",
};

static const char * const minutes_english[] = {
  "The chair introduced the item and recalled the decisions of the previous meeting.",
  "UNODC, as coordinator, presented the draft and invited comments by the end of the month.",
  "Members discussed the trafficking of children in conflict situations and agreed to share data.",
  "IOM and ILO reported on joint work on trafficking for forced labour in supply chains.",
  "OHCHR stressed a human rights-based approach and the non-punishment of victims.",
  "The Working Group reviewed the timeline and asked the co-chairs to circulate a revised version.",
  "UNHCR raised the identification of victims among refugees and asylum seekers.",
  "UNICEF proposed a section on child victims and their protection.",
};

static const char * const minutes_chinese[] = {
  "主席介绍了本议程项目，并回顾了上次会议的决定。",
  "各成员讨论了贩运人口问题，同意在月底前提交意见。",
  "协调员介绍了草案，请各机构在下次会议前提出评论。",
  "会议同意由共同主席分发修订稿。",
};

static const char * const decisions_english[] = {
  "The Working Group endorsed the work plan.",
  "The Working Group agreed to circulate the draft issue brief to all members for comment.",
  "The co-chairs will brief Member States on the outcome of the meeting.",
  "Members agreed to submit inputs to the Global Report on Trafficking in Persons.",
  "The next meeting will be held virtually.",
};

static const char * const decisions_chinese[] = {
  "工作组核可了工作计划。",
  "会议决定由主席向会员国通报会议成果。",
  "各成员同意为全球贩运人口问题报告提供资料。",
};

static const char * const delegates[] = {
  "Maria Gonzalez", "Li Wei", "Amina Diallo", "John Smith", "Olga Petrova",
  "Ahmed Hassan", "Chen Jing", "Sofia Rossi", "Kwame Mensah", "Ana Silva",
  "王芳", "张伟",
};

static void
put_attendance (Demo      *demo,
                GPtrArray *agencies)
{
  put_key (demo->out, "attendance");
  g_string_append_c (demo->out, '[');
  for (guint i = 0; i < agencies->len; i++)
    {
      gboolean present = chance (demo, 88);
      guint n_delegates = present ? 1 + pick (demo, 2) : 0;

      g_string_append (demo->out, i == 0 ? "{\"agency\":" : ",{\"agency\":");
      put_text (demo->out, agencies->pdata[i]);
      g_string_append (demo->out, present ? ",\"present\":true,\"delegates\":[" : ",\"present\":false,\"delegates\":[");
      /* Two different people when there are two. */
      for (guint d = 0, first = pick (demo, G_N_ELEMENTS (delegates)); d < n_delegates; d++)
        {
          if (d > 0)
            g_string_append_c (demo->out, ',');
          put_text (demo->out, delegates[(first + d) % G_N_ELEMENTS (delegates)]);
        }
      g_string_append (demo->out, "]}");
    }
  g_string_append_c (demo->out, ']');
}

static void
put_agenda (Demo        *demo,
            DemoMeeting *meeting)
{
  guint first_topic = pick (demo, G_N_ELEMENTS (agenda_topics));

  meeting->n_agenda = 3 + pick (demo, MAX_AGENDA - 2);
  put_key (demo->out, "agenda");
  g_string_append_c (demo->out, '[');
  for (guint i = 0; i < meeting->n_agenda; i++)
    {
      gboolean last = i + 1 == meeting->n_agenda;
      g_autoptr(GString) minutes = g_string_new (NULL);
      guint n_sentences = 1 + pick (demo, 3);

      make_id (demo, meeting->agenda[i]);
      g_string_append (demo->out, i == 0 ? "{\"id\":" : ",{\"id\":");
      put_text (demo->out, meeting->agenda[i]);
      g_string_append_printf (demo->out, ",\"position\":%u", i);
      put_member (demo->out, "title", i == 0 ? "Adoption of the agenda" : last ? "Any other business"
                                      : agenda_topics[(first_topic + i) % G_N_ELEMENTS (agenda_topics)]);
      put_member (demo->out, "presenter", i == 0 ? NULL : demo->working_group->pdata[pick (demo, demo->working_group->len)]);
      for (guint s = 0; s < n_sentences; s++)
        {
          gboolean chinese = chance (demo, 25);

          /* Chinese sentences follow each other without a space. */
          if (minutes->len > 0 && !chinese)
            g_string_append_c (minutes, ' ');
          g_string_append (minutes, chinese ? PICK (demo, minutes_chinese) : PICK (demo, minutes_english));
        }
      put_member (demo->out, "minutes", minutes->str);
      if (chance (demo, 40))
        put_some_ids (demo, "mandates", demo->mandates, 1, NULL);
      g_string_append_c (demo->out, '}');
    }
  g_string_append_c (demo->out, ']');
}

static void
put_decisions (Demo *demo)
{
  guint n = 1 + pick (demo, 3);
  char id[UUID_LENGTH + 1];

  put_key (demo->out, "decisions");
  g_string_append_c (demo->out, '[');
  for (guint i = 0; i < n; i++)
    {
      make_id (demo, id);
      g_string_append (demo->out, i == 0 ? "{\"id\":" : ",{\"id\":");
      put_text (demo->out, id);
      g_string_append_printf (demo->out, ",\"number\":%u", i + 1);
      put_member (demo->out, "text", chance (demo, 25) ? PICK (demo, decisions_chinese) : PICK (demo, decisions_english));
      g_string_append_c (demo->out, '}');
    }
  g_string_append_c (demo->out, ']');
}

/* Where meeting index falls: evenly over the years, and within its year
 * evenly over the months, on a weekday. */
static void
place_meeting (Demo        *demo,
               DemoMeeting *meeting,
               guint        year_index,
               guint        slot)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, (GDateYear) (demo->first_year + (int) year_index));
  guint count = demo->year_count[year_index];
  guint day_of_year = (slot * 360 + 180) / count + pick (demo, 5);

  g_date_add_days (date, MIN (day_of_year, 364));
  /* To the Monday after a weekend, or the Friday before the last one. */
  while (g_date_get_weekday (date) >= G_DATE_SATURDAY)
    {
      if (g_date_get_month (date) == G_DATE_DECEMBER && g_date_get_day (date) >= 30)
        g_date_subtract_days (date, 1);
      else
        g_date_add_days (date, 1);
    }
  meeting->year = g_date_get_year (date);
  meeting->month = g_date_get_month (date);
  meeting->day = g_date_get_day (date);
}

/* The record's dates: starts and ends at 10:00–13:00 where it meets; its
 * minutes circulated two weeks later and approved after a month, but for
 * the last months of the last year. */
static void
put_meeting_times (Demo        *demo,
                   DemoMeeting *meeting,
                   const char  *zone_name)
{
  g_autoptr(GTimeZone) zone = g_time_zone_new_identifier (zone_name);
  g_autoptr(GDateTime) local = g_date_time_new (zone, meeting->year, meeting->month, meeting->day, 10, 0, 0);
  g_autoptr(GDateTime) starts = g_date_time_to_utc (local);
  g_autoptr(GDateTime) ends = g_date_time_add_hours (starts, 3);
  g_autofree char *starts_at = g_date_time_format (starts, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autofree char *ends_at = g_date_time_format (ends, "%Y-%m-%dT%H:%M:%S.000Z");
  g_autoptr(GDateTime) circulated = g_date_time_add_days (starts, 14);
  g_autoptr(GDateTime) approved = g_date_time_add_days (starts, 30);
  gboolean recent = meeting->year == ICAT_DEMO_LAST_YEAR && meeting->month >= 10;
  gboolean draft = recent && meeting->month == 12;
  g_autofree char *circulated_on = g_date_time_format (circulated, "%Y-%m-%d");
  g_autofree char *approved_on = g_date_time_format (approved, "%Y-%m-%d");

  put_member (demo->out, "starts_at", starts_at);
  put_member (demo->out, "ends_at", ends_at);
  g_string_append (demo->out, ",\"multi_day\":false,\"date_precision\":\"minute\"");
  put_member (demo->out, "timezone", zone_name);
  put_member (demo->out, "record_status", draft ? "draft" : recent ? "circulated" : "approved");
  put_member (demo->out, "circulated_on", draft ? NULL : circulated_on);
  put_member (demo->out, "approved_on", recent ? NULL : approved_on);
}

static guint
pick_meeting_kind (Demo *demo)
{
  guint roll = pick (demo, 100);

  for (guint k = 0; k < G_N_ELEMENTS (meeting_kinds); k++)
    {
      if (roll < meeting_kinds[k].percent)
        return k;
      roll -= meeting_kinds[k].percent;
    }
  return 0;
}

static void
put_meeting (Demo        *demo,
             DemoMeeting *meeting)
{
  guint kind = pick_meeting_kind (demo);
  guint venue = pick (demo, G_N_ELEMENTS (venues));
  gboolean virtual = g_str_equal (venues[venue].venue, "virtual");
  g_autofree char *created_at = timestamp (meeting->year, meeting->month, 1, 8, (int) pick (demo, 60));
  g_autofree char *english = g_strdup_printf ("%s, %s %d", meeting_kinds[kind].english,
                                              month_names[meeting->month - 1], meeting->year);
  g_autofree char *chinese = g_strdup_printf ("%d年%d月%s", meeting->year, meeting->month, meeting_kinds[kind].chinese);

  make_id (demo, meeting->id);
  put_record_start (demo, meeting->id, created_at, created_at);
  put_member (demo->out, "kind", meeting_kinds[kind].kind);
  put_localized (demo->out, "title", english, chinese);
  put_meeting_times (demo, meeting, venues[venue].timezone);
  put_member (demo->out, "venue", venues[venue].venue);
  put_member (demo->out, "host", virtual ? demo->coordinator
                                         : demo->working_group->pdata[pick (demo, demo->working_group->len)]);
  put_some_ids (demo, "chairs", demo->agencies, 1 + pick (demo, 2), NULL);
  put_agenda (demo, meeting);
  put_decisions (demo);
  put_attendance (demo, g_str_equal (meeting_kinds[kind].kind, "principals") ? demo->agencies : demo->working_group);
  g_string_append_c (demo->out, '}');
}

static void
put_meetings (Demo  *demo,
              guint  n_meetings)
{
  demo->meetings = g_new0 (DemoMeeting, MAX (n_meetings, 1));
  demo->n_meetings = n_meetings;
  demo->year_first = g_new0 (guint, demo->years);
  demo->year_count = g_new0 (guint, demo->years);
  for (guint i = 0; i < n_meetings; i++)
    {
      guint year_index = (guint) ((guint64) i * demo->years / n_meetings);

      if (demo->year_count[year_index]++ == 0)
        demo->year_first[year_index] = i;
    }
  g_string_append (demo->out, "\"meetings\":[\n");
  for (guint i = 0; i < n_meetings; i++)
    {
      guint year_index = (guint) ((guint64) i * demo->years / n_meetings);

      place_meeting (demo, &demo->meetings[i], year_index, i - demo->year_first[year_index]);
      if (i > 0)
        g_string_append (demo->out, ",\n");
      put_meeting (demo, &demo->meetings[i]);
    }
  g_string_append (demo->out, "],\n");
}

static const struct {
  const char *english;
  const char *chinese;
} paper_topics[] = {
  { "trafficking in children",                       "儿童贩运" },
  { "trafficking for forced labour",                 "强迫劳动目的的贩运" },
  { "the gender dimensions of trafficking",          "贩运人口的性别层面" },
  { "trafficking in persons and technology",         "贩运人口与技术" },
  { "the non-punishment of victims",                 "不惩罚受害者" },
  { "trafficking in conflict situations",            "冲突局势中的贩运人口" },
  { "financial flows from trafficking in persons",   "贩运人口的资金流动" },
  { "the role of the chair in coordination",         "主席在协调中的作用" },
};

static const char * const paper_stages[] = { "proposed", "drafting", "agency-review", "wg-endorsement" };

static const char * const clearance_comments[] = {
  "Please cite the latest Global Report figures.",
  "Minor edits to the recommendations, sent by e-mail.",
  "Add a reference to the Palermo Protocol in the introduction.",
  "Our regional office suggests a case study from West Africa.",
};

static const char * const clearance_objections[] = {
  "The figures on identified victims predate the latest Global Report.",
  "Section 3 goes beyond our agency's mandate; we cannot associate ourselves with it.",
  "The recommendations on non-punishment need our legal office's review first.",
  "The paper should not name countries before their governments are consulted.",
};

static const char * const endorsement_reasons[] = {
  "The Working Group agreed to proceed; the objection is recorded in the cover note.",
  "The principals asked for the paper before the high-level meeting; the objecting agency was consulted.",
  "The objection was answered in the revised draft circulated to all members.",
};

/* A clearance: {"agency":…,"state":…,"on":…,"note":…} */
static void
put_clearance (Demo       *demo,
               const char *agency,
               const char *state,
               const char *on,
               const char *note)
{
  g_string_append (demo->out, "{\"agency\":");
  put_text (demo->out, agency);
  put_member (demo->out, "state", state);
  put_member (demo->out, "on", on);
  if (note != NULL)
    put_member (demo->out, "note", note);
  g_string_append_c (demo->out, '}');
}

/* Clearance is asked of every agency writing the paper (writers[0] leads)
 * when it goes to agency review, a month before the answers come: in
 * review some have not answered yet; past it every agency has, now and
 * then with an objection, and the paper then went on with a reason. */
static void
put_clearances (Demo               *demo,
                const char         *status,
                const char * const *writers,
                guint               n_writers,
                int                 year,
                guint               which)
{
  gboolean in_review = g_str_equal (status, "agency-review");
  gboolean answered = g_str_equal (status, "wg-endorsement") || g_str_equal (status, "published");
  g_autofree char *asked_on = NULL;
  guint objecting = G_MAXUINT;   /* none */

  if (!in_review && !answered)
    return;
  asked_on = day_string (year, 2 + (int) which * 3, 1 + (int) pick (demo, 28));
  /* The lead wrote the paper: an objection comes from a contributor. */
  if (n_writers > 1 && chance (demo, in_review ? 30 : 15))
    objecting = 1 + pick (demo, n_writers - 1);
  put_key (demo->out, "clearances");
  g_string_append_c (demo->out, '[');
  for (guint i = 0; i < n_writers; i++)
    {
      g_autofree char *answered_on = day_string (year, 3 + (int) which * 3, 1 + (int) pick (demo, 28));

      if (i > 0)
        g_string_append_c (demo->out, ',');
      if (i == objecting)
        put_clearance (demo, writers[i], "objected", answered_on, PICK (demo, clearance_objections));
      /* Still in review: the last agency asked, and some others, have not answered. */
      else if (in_review && (i == n_writers - 1 || chance (demo, 40)))
        put_clearance (demo, writers[i], "requested", asked_on, NULL);
      else if (chance (demo, 35))
        put_clearance (demo, writers[i], "cleared-with-comments", answered_on, PICK (demo, clearance_comments));
      else
        put_clearance (demo, writers[i], "cleared", answered_on, NULL);
    }
  g_string_append_c (demo->out, ']');
  if (answered && objecting != G_MAXUINT)
    put_member (demo->out, "endorsement_reason", PICK (demo, endorsement_reasons));
}

/* Three papers a year: a policy paper, an issue brief and a joint
 * statement or report; the last year's still on their way. */
static void
put_paper (Demo *demo,
           int   year,
           guint which,
           guint number)
{
  static const char * const kinds[] = { "policy-paper", "issue-brief", "joint-statement", "report" };
  guint kind = which < 2 ? which : 2 + pick (demo, 2);
  guint topic = pick (demo, G_N_ELEMENTS (paper_topics));
  static const char * const english_titles[] = { "Policy paper: ", "Issue brief: ", "Joint statement on ", "Report on " };
  static const char * const chinese_before[] = { "政策文件：", "议题简报：", "关于", "关于" };
  static const char * const chinese_after[] = { "", "", "的联合声明", "的报告" };
  g_autofree char *english = g_strconcat (english_titles[kind], paper_topics[topic].english, NULL);
  g_autofree char *chinese = g_strconcat (chinese_before[kind], paper_topics[topic].chinese, chinese_after[kind], NULL);
  g_autofree char *created_at = timestamp (year, 1 + (int) which * 3, 10, 9, 0);
  g_autofree char *number_text = g_strdup_printf ("%02u", number);
  g_autofree char *date = day_string (year, 4 + (int) which * 3, 1 + (int) pick (demo, 28));
  gboolean published = year < ICAT_DEMO_LAST_YEAR;
  const char *status = published ? "published" : PICK (demo, paper_stages);
  /* The lead, then the contributors. */
  const char *writers[1 + MAX_SOME_IDS] = { NULL, };
  guint n_contributing;
  char id[UUID_LENGTH + 1];

  make_id (demo, id);
  put_record_start (demo, id, created_at, created_at);
  put_member (demo->out, "kind", kinds[kind]);
  put_member (demo->out, "number", kind == 1 ? number_text : NULL);
  put_localized (demo->out, "title", english, chinese);
  g_string_append_printf (demo->out, ",\"year\":%d", year);
  put_member (demo->out, "published_on", published ? date : NULL);
  put_member (demo->out, "target_date", published ? NULL : date);
  put_member (demo->out, "status", status);
  choose_ids (demo, demo->working_group, 1, NULL, writers);
  put_ids (demo->out, "lead_agencies", writers, 1);
  n_contributing = pick (demo, MAX_SOME_IDS);
  choose_ids (demo, demo->agencies, n_contributing, writers[0], writers + 1);
  put_ids (demo->out, "contributing_agencies", writers + 1, n_contributing);
  put_some_ids (demo, "mandates", demo->mandates, 1 + pick (demo, 2), NULL);
  put_clearances (demo, status, writers, 1 + n_contributing, year, which);
  g_string_append_c (demo->out, '}');
}

static void
put_papers (Demo *demo)
{
  guint issue_brief = 20;   /* after the built-in ones */

  g_string_append (demo->out, "\"papers\":[\n");
  for (guint y = 0; y < demo->years; y++)
    for (guint which = 0; which < 3; which++)
      {
        if (y > 0 || which > 0)
          g_string_append (demo->out, ",\n");
        put_paper (demo, demo->first_year + (int) y, which, which == 1 ? issue_brief++ : 0);
      }
  g_string_append (demo->out, "],\n");
}

/* A plan a year, endorsed at the year's first meeting when it has one. */
static void
put_work_plans (Demo *demo)
{
  g_string_append (demo->out, "\"work_plans\":[\n");
  for (guint y = 0; y < demo->years; y++)
    {
      int year = demo->first_year + (int) y;
      g_autofree char *created_at = timestamp (year - 1, 11, 15, 9, 0);
      DemoMeeting *first = demo->year_count[y] > 0 ? &demo->meetings[demo->year_first[y]] : NULL;
      g_autofree char *endorsed_on = first ? day_string (first->year, first->month, first->day) : NULL;
      char id[UUID_LENGTH + 1];

      make_id (demo, id);
      if (y > 0)
        g_string_append (demo->out, ",\n");
      put_record_start (demo, id, created_at, created_at);
      g_string_append_printf (demo->out, ",\"year\":%d", year);
      put_member (demo->out, "status", first ? "endorsed" : "draft");
      put_member (demo->out, "endorsed_on", endorsed_on);
      put_member (demo->out, "endorsed_at", first ? first->id : NULL);
      g_string_append_c (demo->out, '}');
    }
  g_string_append (demo->out, "],\n");
}

static const char * const item_verbs[] = {
  "Draft", "Review", "Circulate", "Collect inputs for", "Present", "Translate",
  "Finalize", "Publish", "Update", "Comment on",
};

static const char * const item_things[] = {
  "the issue brief on trafficking in children",
  "the policy paper on trafficking for forced labour",
  "the joint statement for the World Day against Trafficking in Persons",
  "the chairs' report",
  "the Global Report on Trafficking in Persons",
  "the minutes of the Working Group meeting",
  "the briefing for Member States",
  "the ICAT work plan",
  "the survey of member agencies on anti-trafficking work",
  "the note on the appraisal of the Global Plan of Action",
};

static const char * const item_endings[] = {
  "", " before the next Working Group meeting", " with the co-chairs", " in English and Chinese",
};

static const char * const item_titles_chinese[] = {
  "起草关于儿童贩运的议题简报",
  "审查工作组会议纪要",
  "分发主席报告草稿",
  "为会员国情况简报会准备发言要点",
  "翻译关于强迫劳动目的贩运的政策文件",
  "收集各机构对全球行动计划评估的意见",
  "更新联合国打击贩运人口工作计划",
  "向主席提交年度活动清单",
};

static const char * const item_descriptions[] = {
  "Agreed at the Working Group; the coordinator follows up by e-mail.",
  "Each member agency sends one page on its work against trafficking in persons.",
  "Needs the chair's approval before it goes to Member States.",
  "各成员机构在会议前提交意见。",
};

/* Older items are mostly done; the last year's still open. */
static const char *
item_status (Demo *demo,
             int   year)
{
  guint roll = pick (demo, 100);

  if (year < ICAT_DEMO_LAST_YEAR)
    return roll < 72 ? "done" : roll < 80 ? "cancelled" : roll < 90 ? "open" : roll < 96 ? "in-progress" : "blocked";
  return roll < 25 ? "done" : roll < 30 ? "cancelled" : roll < 65 ? "open" : roll < 95 ? "in-progress" : "blocked";
}

static void
put_item_title (Demo *demo)
{
  g_autofree char *english = NULL;

  if (chance (demo, 25))
    {
      put_member (demo->out, "title", PICK (demo, item_titles_chinese));
      return;
    }
  english = g_strconcat (PICK (demo, item_verbs), " ", PICK (demo, item_things), PICK (demo, item_endings), NULL);
  put_member (demo->out, "title", english);
}

/* A third of the items come from a meeting of their year, half of those
 * from one of its agenda items. */
static void
put_item_meeting (Demo *demo,
                  int   year)
{
  guint y = (guint) (year - demo->first_year);
  DemoMeeting *meeting;

  if (demo->year_count == NULL || demo->year_count[y] == 0 || !chance (demo, 33))
    return;
  meeting = &demo->meetings[demo->year_first[y] + pick (demo, demo->year_count[y])];
  put_member (demo->out, "meeting", meeting->id);
  if (chance (demo, 50))
    put_member (demo->out, "agenda_item", meeting->agenda[pick (demo, meeting->n_agenda)]);
}

static void
put_action_item (Demo *demo)
{
  int year = demo->first_year + (int) pick (demo, demo->years);
  int month = 1 + (int) pick (demo, 12);
  int day = 1 + (int) pick (demo, 28);
  const char *status = item_status (demo, year);
  gboolean closed = g_str_equal (status, "done") || g_str_equal (status, "cancelled");
  g_autofree char *created_at = timestamp (year - 1, 12, day, 8 + (int) pick (demo, 10), (int) pick (demo, 60));
  g_autofree char *updated_at = closed ? timestamp (year, month, day, 16, (int) pick (demo, 60)) : NULL;
  g_autofree char *due = NULL;
  g_autofree char *starts = chance (demo, 60) ? day_string (year, 1 + (int) pick (demo, (guint) month), 1) : NULL;
  const char *owner = demo->agencies->pdata[pick (demo, demo->agencies->len)];
  char id[UUID_LENGTH + 1];
  guint roll = pick (demo, 100);

  /* As the sources give them: mostly a day, some only a month or a year. */
  due = roll < 80 ? day_string (year, month, day) : roll < 95 ? g_strdup_printf ("%04d-%02d", year, month)
                                                             : g_strdup_printf ("%04d", year);
  make_id (demo, id);
  put_record_start (demo, id, created_at, updated_at ? updated_at : created_at);
  put_item_title (demo);
  if (chance (demo, 40))
    put_member (demo->out, "description", PICK (demo, item_descriptions));
  put_member (demo->out, "owner", owner);
  if (chance (demo, 30))
    put_some_ids (demo, "supporting", demo->agencies, 1 + pick (demo, 2), owner);
  if (starts != NULL)
    put_member (demo->out, "starts", starts);
  put_member (demo->out, "due", due);
  put_member (demo->out, "status", status);
  roll = pick (demo, 100);
  put_member (demo->out, "priority", roll < 15 ? "low" : roll < 85 ? "normal" : "high");
  put_item_meeting (demo, year);
  put_some_ids (demo, "mandates", demo->mandates, pick (demo, 3), NULL);
  if (g_str_equal (status, "done") && chance (demo, 30))
    put_member (demo->out, "completion_note", "Done; reported at the Working Group.");
  g_string_append_c (demo->out, '}');
}

static void
put_action_items (Demo  *demo,
                  guint  n_items)
{
  g_string_append (demo->out, "\"action_items\":[\n");
  for (guint i = 0; i < n_items; i++)
    {
      if (i > 0)
        g_string_append (demo->out, ",\n");
      put_action_item (demo);
    }
  g_string_append (demo->out, "]");
}
static void
demo_clear (Demo *demo)
{
  g_clear_object (&demo->seed);
  g_clear_pointer (&demo->agencies, g_ptr_array_unref);
  g_clear_pointer (&demo->working_group, g_ptr_array_unref);
  g_clear_pointer (&demo->mandates, g_ptr_array_unref);
  g_clear_pointer (&demo->meetings, g_free);
  g_clear_pointer (&demo->year_first, g_free);
  g_clear_pointer (&demo->year_count, g_free);
  if (demo->out != NULL)
    g_string_free (g_steal_pointer (&demo->out), TRUE);
}

GBytes *
icat_demo_document (const IcatDemoSize  *size,
                    GError             **error)
{
  Demo demo = { 0, };
  GBytes *bytes = NULL;

  g_return_val_if_fail (size != NULL, NULL);
  g_return_val_if_fail (size->years >= 1 && size->years <= ICAT_DEMO_MAX_YEARS, NULL);
  g_return_val_if_fail (size->meetings <= ICAT_DEMO_MAX_MEETINGS, NULL);
  g_return_val_if_fail (size->items <= ICAT_DEMO_MAX_ITEMS, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  demo.state = size->seed;
  demo.years = size->years;
  demo.first_year = ICAT_DEMO_LAST_YEAR - (int) size->years + 1;
  demo.agencies = g_ptr_array_new ();
  demo.working_group = g_ptr_array_new ();
  demo.mandates = g_ptr_array_new ();
  /* About 560 bytes an action item, 4 KiB a meeting. */
  demo.out = g_string_sized_new (4096 + (gsize) size->items * 600 + (gsize) size->meetings * 4096);
  if (read_seed (&demo, error))
    {
      g_string_append_printf (demo.out,
                              "{\"format\":\"icat-tracker\",\"version\":1,\"exported_at\":\"%04d-12-31T12:00:00.000Z\","
                              "\"generator\":\"%s\",\n",
                              ICAT_DEMO_LAST_YEAR, ICAT_EXCHANGE_GENERATOR);
      put_meetings (&demo, size->meetings);
      put_papers (&demo);
      put_work_plans (&demo);
      put_action_items (&demo, size->items);
      g_string_append (demo.out, "}\n");
      bytes = g_string_free_to_bytes (g_steal_pointer (&demo.out));
    }
  demo_clear (&demo);
  return bytes;
}
