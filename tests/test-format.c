/* test-format.c — the labels and dates every view shows, without a display
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-format"

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "icat-format.h"
#include "icat-record-io.h"
#include "icat-schema.h"
#include "icat-test-util.h"

/* An item of a choice list that is not a record, as GtkStringObject is:
 * an object with a readable "string" property. */
#define TEST_TYPE_STRING_ITEM (test_string_item_get_type ())
G_DECLARE_FINAL_TYPE (TestStringItem, test_string_item, TEST, STRING_ITEM, GObject)

struct _TestStringItem {
  GObject  parent_instance;
  char    *string;
};

G_DEFINE_FINAL_TYPE (TestStringItem, test_string_item, G_TYPE_OBJECT)

static void
test_string_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  g_value_set_string (value, TEST_STRING_ITEM (object)->string);
}

static void
test_string_item_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  TEST_STRING_ITEM (object)->string = g_value_dup_string (value);
}

static void
test_string_item_finalize (GObject *object)
{
  g_free (TEST_STRING_ITEM (object)->string);
  G_OBJECT_CLASS (test_string_item_parent_class)->finalize (object);
}

static void
test_string_item_class_init (TestStringItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = test_string_item_get_property;
  object_class->set_property = test_string_item_set_property;
  object_class->finalize = test_string_item_finalize;
  g_object_class_install_property (object_class, 1,
                                   g_param_spec_string ("string", NULL, NULL, NULL,
                                                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                                        G_PARAM_STATIC_STRINGS));
}

static void
test_string_item_init (TestStringItem *self)
{
}

static IcatRecord *
record_new (const char *kind,
            const char *json)
{
  g_autoptr(JsonObject) data = icat_test_object (json);

  return _icat_record_new (kind, "id-1", data);
}

static void
test_action_status_label (void)
{
  const char *expected[] = { "Open", "In progress", "Done", "Blocked", "Cancelled" };

  g_assert_cmpuint (g_strv_length ((char **) icat_action_statuses), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; icat_action_statuses[i] != NULL; i++)
    g_assert_cmpstr (icat_action_status_label (icat_action_statuses[i]), ==, expected[i]);
  g_assert_cmpstr (icat_action_status_label ("someday"), ==, "someday");
  g_assert_cmpstr (icat_action_status_label (NULL), ==, "");
}

static void
test_action_priority_label (void)
{
  const char *expected[] = { "Low", "Normal", "High" };

  g_assert_cmpuint (g_strv_length ((char **) icat_priorities), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; icat_priorities[i] != NULL; i++)
    g_assert_cmpstr (icat_action_priority_label (icat_priorities[i]), ==, expected[i]);
  g_assert_cmpstr (icat_action_priority_label ("urgent"), ==, "urgent");
  /* An item without a priority is a normal one. */
  g_assert_cmpstr (icat_action_priority_label (NULL), ==, "Normal");
}

static void
test_action_pillar_label (void)
{
  const char *expected[] = {
    "General", "Prevention", "Protection", "Prosecution", "Partnership", "Coordination", "Reporting",
  };

  g_assert_cmpuint (g_strv_length ((char **) icat_pillars), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; icat_pillars[i] != NULL; i++)
    g_assert_cmpstr (icat_action_pillar_label (icat_pillars[i]), ==, expected[i]);
  g_assert_cmpstr (icat_action_pillar_label ("research"), ==, "research");
  g_assert_cmpstr (icat_action_pillar_label (NULL), ==, "");
}

static void
assert_date (const char *date,
             const char *expected)
{
  g_autofree char *text = icat_action_format_date (date);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_action_format_date (void)
{
  assert_date ("2026-11-23", "23 Nov 2026");
  assert_date ("2026-01-05", "5 Jan 2026");
  assert_date ("2024-02-29", "29 Feb 2024");
  /* Partial dates say only what is known. */
  assert_date ("2026-11", "Nov 2026");
  assert_date ("2026", "2026");
  /* What is not a date is shown as it was typed. */
  assert_date ("2026-02-30", "2026-02-30");
  assert_date ("2026-13", "2026-13");
  assert_date ("23/11/2026", "23/11/2026");
  assert_date ("soon", "soon");
  assert_date ("", "");
  assert_date (NULL, "");
}

static gboolean
is_overdue (const char *json,
            const char *today)
{
  g_autoptr(JsonObject) item = icat_test_object (json);

  return icat_action_item_is_overdue (item, today);
}

static void
test_action_item_is_overdue (void)
{
  const char *today = "2026-11-23";

  g_assert_true (is_overdue ("{\"due\": \"2026-11-22\", \"status\": \"open\"}", today));
  g_assert_true (is_overdue ("{\"due\": \"2025-01-01\", \"status\": \"in-progress\"}", today));
  g_assert_true (is_overdue ("{\"due\": \"2026-11-22\", \"status\": \"blocked\"}", today));
  g_assert_true (is_overdue ("{\"due\": \"2026-11-22\"}", today));
  /* Due today is not late yet; due later neither. */
  g_assert_false (is_overdue ("{\"due\": \"2026-11-23\", \"status\": \"open\"}", today));
  g_assert_false (is_overdue ("{\"due\": \"2026-11-24\", \"status\": \"open\"}", today));
  /* Finished work is never late. */
  g_assert_false (is_overdue ("{\"due\": \"2026-11-22\", \"status\": \"done\"}", today));
  g_assert_false (is_overdue ("{\"due\": \"2026-11-22\", \"status\": \"cancelled\"}", today));
  /* No due date, or no day to compare with. */
  g_assert_false (is_overdue ("{\"status\": \"open\"}", today));
  g_assert_false (is_overdue ("{\"due\": null, \"status\": \"open\"}", today));
  g_assert_false (is_overdue ("{\"due\": \"2026-11-22\", \"status\": \"open\"}", NULL));
}

static void
assert_short_label (const char *document,
                    const char *paragraph,
                    const char *expected)
{
  g_autofree char *label = icat_mandate_short_label (document, paragraph);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_mandate_short_label (void)
{
  assert_short_label ("A/RES/72/195", "10", "\u2068" "72/195 ¶10" "\u2069");
  assert_short_label ("A/RES/72/195", "annex 3", "\u2068" "72/195 annex 3" "\u2069");
  /* The Global Plan of Action is the annex of 64/293; its own paragraphs are not. */
  assert_short_label ("A/RES/64/293", "annex 11", "\u2068" "GPA annex 11" "\u2069");
  assert_short_label ("A/RES/64/293", "3", "\u2068" "64/293 ¶3" "\u2069");
  assert_short_label ("E/RES/2015/23", "7", "\u2068" "2015/23 ¶7" "\u2069");
  assert_short_label ("CTOC/COP resolution 5/2", "16", "\u2068" "5/2 ¶16" "\u2069");
  assert_short_label ("A/71/119", "79", "\u2068" "A/71/119 ¶79" "\u2069");
  /* Without a document or a paragraph there is nothing to abbreviate. */
  assert_short_label ("A/RES/72/195", NULL, NULL);
  assert_short_label ("A/RES/72/195", "", NULL);
  assert_short_label (NULL, "10", NULL);
  assert_short_label ("", "10", NULL);
  assert_short_label (NULL, NULL, NULL);
}

static void
assert_record_short_label (const char *json,
                           const char *expected)
{
  g_autoptr(IcatRecord) mandate = record_new ("mandate", json);
  g_autofree char *label = icat_action_mandate_short_label (mandate);

  g_assert_cmpstr (label, ==, expected);
}

static void
test_mandate_record_short_label (void)
{
  g_autoptr(JsonObject) no_paragraph = icat_test_object ("{\"document\": \"A/RES/72/195\"}");
  g_autofree char *title = icat_record_title (icat_schema_lookup ("mandate"), no_paragraph);

  assert_record_short_label ("{\"document\": \"A/RES/72/195\", \"paragraph\": \"10\"}", "\u2068" "72/195 ¶10" "\u2069");
  assert_record_short_label ("{\"document\": \"A/RES/64/293\", \"paragraph\": \"annex 38\"}", "\u2068" "GPA annex 38" "\u2069");
  /* A mandate that names no paragraph falls back to its title. */
  g_assert_cmpstr (title, !=, "");
  assert_record_short_label ("{\"document\": \"A/RES/72/195\"}", title);
}

static void
test_record_label (void)
{
  g_autoptr(IcatRecord) agency = record_new ("agency", "{\"acronym\": \"UNODC\", \"name\": {\"en\": \"United Nations Office on Drugs and Crime\"}}");
  g_autoptr(IcatRecord) meeting = record_new ("meeting",
                                              "{\"title\": {\"en\": \"Working Group, spring\"}, \"kind\": \"working-group\","
                                              " \"starts_at\": \"2018-05-02T08:00:00Z\", \"timezone\": \"Europe/Vienna\"}");
  g_autoptr(IcatRecord) mandate = record_new ("mandate", "{\"document\": \"A/RES/72/195\", \"paragraph\": \"10\"}");
  g_autoptr(GObject) none = g_object_new (TEST_TYPE_STRING_ITEM, "string", "None", NULL);
  g_autoptr(GObject) plain = g_object_new (G_TYPE_OBJECT, NULL);
  g_autofree char *agency_label = icat_action_record_label (G_OBJECT (agency));
  g_autofree char *meeting_label = icat_action_record_label (G_OBJECT (meeting));
  g_autofree char *mandate_label = icat_action_record_label (G_OBJECT (mandate));
  g_autofree char *none_label = icat_action_record_label (none);
  g_autofree char *plain_label = icat_action_record_label (plain);
  g_autofree char *null_label = icat_action_record_label (NULL);

  g_assert_cmpstr (agency_label, ==, "UNODC");
  g_assert_cmpstr (meeting_label, ==, "Working Group, spring · 2 May 2018");
  g_assert_cmpstr (mandate_label, ==, icat_record_get_title (mandate));
  g_assert_cmpstr (mandate_label, ==, "A/RES/72/195, para. 10");
  g_assert_cmpstr (none_label, ==, "None");
  g_assert_cmpstr (plain_label, ==, "");
  g_assert_cmpstr (null_label, ==, "");
}

static char *
when_in (const char *zone)
{
  g_autofree char *json = g_strdup_printf ("{\"starts_at\": \"2018-05-02T23:30:00Z\", \"date_precision\": \"minute\"%s%s%s}",
                                           zone ? ", \"timezone\": \"" : "", zone ? zone : "", zone ? "\"" : "");
  g_autoptr(JsonObject) meeting = icat_test_object (json);

  return icat_format_meeting_when (meeting);
}

/* Each meeting in its own zone, however many were formatted before in
 * another (the zones are kept once read); an unknown zone reads as UTC. */
static void
test_meeting_when_zones (void)
{
  for (guint round = 0; round < 2; round++)
    {
      g_autofree char *vienna = when_in ("Europe/Vienna");
      g_autofree char *new_york = when_in ("America/New_York");
      g_autofree char *unknown = when_in ("Nowhere/Atlantis");
      g_autofree char *none = when_in (NULL);

      g_assert_cmpstr (vienna, ==, "3 May 2018, 01:30");
      g_assert_cmpstr (new_york, ==, "2 May 2018, 19:30");
      g_assert_cmpstr (unknown, ==, "2 May 2018, 23:30");
      g_assert_cmpstr (none, ==, "2 May 2018, 23:30");
    }
}

static void
test_meeting_kind_label (void)
{
  const char *expected[] = {
    "Working Group", "Principals", "Member State Briefing", "Headquarters Briefing", "Other",
  };

  g_assert_cmpuint (g_strv_length ((char **) icat_meeting_kinds), ==, G_N_ELEMENTS (expected));
  for (guint i = 0; icat_meeting_kinds[i] != NULL; i++)
    g_assert_cmpstr (icat_meeting_kind_label (icat_meeting_kinds[i]), ==, expected[i]);
  g_assert_cmpstr (icat_meeting_kind_label ("retreat"), ==, "retreat");
  g_assert_cmpstr (icat_meeting_kind_label (""), ==, "");
  g_assert_cmpstr (icat_meeting_kind_label (NULL), ==, "");
}

static void
test_meeting_status_label (void)
{
  g_assert_cmpstr (icat_meeting_status_label ("draft"), ==, "Draft");
  g_assert_cmpstr (icat_meeting_status_label ("circulated"), ==, "Circulated");
  g_assert_cmpstr (icat_meeting_status_label ("approved"), ==, "Approved");
  /* A record nobody has circulated yet is a draft. */
  g_assert_cmpstr (icat_meeting_status_label ("withdrawn"), ==, "Draft");
  g_assert_cmpstr (icat_meeting_status_label (NULL), ==, "Draft");
}

/* What a function that reads the user's languages answers under LANGUAGE=language. */
static const char *
answer_in (const char   *language,
           const char *(*function) (void))
{
  const char *result;

  icat_test_set_language (language);
  result = function ();
  icat_test_set_language (NULL);
  return result;
}

static const char *
user_language_with (const char *language)
{
  return answer_in (language, icat_user_language);
}

static void
test_user_language (void)
{
  /* The tests run in the C locale, which reads no language in particular. */
  g_assert_cmpstr (user_language_with (NULL), ==, "en");
  g_assert_cmpstr (user_language_with ("zh_CN"), ==, "zh");
  g_assert_cmpstr (user_language_with ("zh_TW.UTF-8"), ==, "zh");
  g_assert_cmpstr (user_language_with ("zh"), ==, "zh");
  g_assert_cmpstr (user_language_with ("en_GB:zh_CN"), ==, "en");
  g_assert_cmpstr (user_language_with ("fr_FR"), ==, "en");
  /* Only the first language that names one counts. */
  g_assert_cmpstr (user_language_with ("C:zh_CN"), ==, "zh");
  g_assert_cmpstr (user_language_with ("POSIX:fr"), ==, "en");
  g_assert_cmpstr (user_language_with ("zhx"), ==, "en");
}

static const char *
pick_with (const char *language,
           const char *localized)
{
  static char picked[256];
  g_autoptr(JsonObject) object = icat_test_object (localized);
  const char *text;

  icat_test_set_language (language);
  text = icat_localized_pick (object);
  icat_test_set_language (NULL);
  g_strlcpy (picked, text ? text : "(none)", sizeof picked);
  return picked;
}

/* One fallback order for every localized text: the user's language, then
 * English, then Chinese, then any other. */
static void
test_localized_pick (void)
{
  g_assert_cmpstr (pick_with ("fr", "{\"zh\": \"工作组\"}"), ==, "工作组");
  g_assert_cmpstr (pick_with ("fr", "{\"zh\": \"工作组\", \"en\": \"Working Group\"}"), ==, "Working Group");
  g_assert_cmpstr (pick_with ("fr_FR", "{\"en\": \"Working Group\", \"zh\": \"工作组\", \"fr\": \"Groupe de travail\"}"),
                   ==, "Groupe de travail");
  /* Chinese before any other language once English is missing. */
  g_assert_cmpstr (pick_with ("es", "{\"ar\": \"الفريق العامل\", \"zh\": \"工作组\", \"ru\": \"Рабочая группа\"}"),
                   ==, "工作组");
  g_assert_cmpstr (pick_with ("es", "{\"ru\": \"Рабочая группа\"}"), ==, "Рабочая группа");
  g_assert_cmpstr (pick_with ("zh_CN", "{\"en\": \"Working Group\", \"zh\": \"工作组\"}"), ==, "工作组");
  g_assert_cmpstr (pick_with ("ar", "{\"en\": \"Working Group\", \"ar\": \"الفريق العامل\"}"), ==, "الفريق العامل");
  /* The second language the user reads comes before English. */
  g_assert_cmpstr (pick_with ("de:ru", "{\"en\": \"Working Group\", \"ru\": \"Рабочая группа\"}"), ==, "Рабочая группа");
  /* An empty text is no text: the next language shows. */
  g_assert_cmpstr (pick_with ("fr", "{\"fr\": \"\", \"en\": \"Working Group\"}"), ==, "Working Group");
  /* The C locale reads English. */
  g_assert_cmpstr (pick_with (NULL, "{\"zh\": \"工作组\", \"en\": \"Working Group\"}"), ==, "Working Group");
  g_assert_cmpstr (pick_with ("fr", "{}"), ==, "(none)");
  g_assert_null (icat_localized_pick (NULL));
}

static const char *
user_code_with (const char *language)
{
  return answer_in (language, icat_localized_user_code);
}

static void
test_localized_user_code (void)
{
  g_assert_cmpstr (user_code_with (NULL), ==, "en");
  g_assert_cmpstr (user_code_with ("fr_FR.UTF-8"), ==, "fr");
  g_assert_cmpstr (user_code_with ("zh_CN"), ==, "zh");
  g_assert_cmpstr (user_code_with ("ar"), ==, "ar");
  g_assert_cmpstr (user_code_with ("de"), ==, "en");
  g_assert_cmpstr (user_code_with ("de:es"), ==, "es");
  g_assert_true (icat_localized_is_code ("ru"));
  g_assert_false (icat_localized_is_code ("zh_CN"));
  g_assert_false (icat_localized_is_code ("de"));
}

/* The moved words keep their translations: same message ids, same contexts. */
static void
test_chinese (void)
{
  g_autofree char *date = NULL;
  g_autofree char *mandate = NULL;
  gboolean translated;

  icat_test_set_language ("zh_CN");
  translated = g_strcmp0 (C_("date format", "%-d %b %Y"), "%-d %b %Y") != 0;
  date = icat_action_format_date ("2026-11-23");
  mandate = icat_mandate_short_label ("A/RES/72/195", "10");
  icat_test_set_language (NULL);
  if (!translated)
    {
      g_test_skip ("the build's Chinese catalogue is not there");
      return;
    }
  g_assert_cmpstr (date, ==, "2026年11月23日");
  g_assert_cmpstr (mandate, ==, "\u2068" "72/195 第 10 段" "\u2069");
}

int
main (int    argc,
      char **argv)
{
  g_autofree char *locale_dir = NULL;

  setlocale (LC_ALL, "");
  icat_test_init (&argc, &argv);
  locale_dir = g_test_build_filename (G_TEST_BUILT, "..", "po", NULL);
  bindtextdomain (GETTEXT_PACKAGE, locale_dir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/format/meeting-when-zones", test_meeting_when_zones);
  g_test_add_func ("/format/action/status", test_action_status_label);
  g_test_add_func ("/format/action/priority", test_action_priority_label);
  g_test_add_func ("/format/action/pillar", test_action_pillar_label);
  g_test_add_func ("/format/action/date", test_action_format_date);
  g_test_add_func ("/format/action/overdue", test_action_item_is_overdue);
  g_test_add_func ("/format/mandate/short-label", test_mandate_short_label);
  g_test_add_func ("/format/mandate/record-short-label", test_mandate_record_short_label);
  g_test_add_func ("/format/record-label", test_record_label);
  g_test_add_func ("/format/meeting/kind", test_meeting_kind_label);
  g_test_add_func ("/format/meeting/status", test_meeting_status_label);
  g_test_add_func ("/format/user-language", test_user_language);
  g_test_add_func ("/format/localized-pick", test_localized_pick);
  g_test_add_func ("/format/localized-user-code", test_localized_user_code);
  g_test_add_func ("/format/chinese", test_chinese);
  return g_test_run ();
}
