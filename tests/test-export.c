/* test-export.c — CSV and iCalendar exports, read back by independent parsers
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each test saves records into a fresh seeded store, exports through a
 * read-only connection of its own (as the CLI and the app's worker do) and
 * parses the result: CSV with an RFC 4180 parser written here, iCalendar
 * with Python's icalendar package, which shares no code with libical.
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "icat-db.h"
#include "icat-error.h"
#include "icat-export.h"
#include "icat-test-util.h"

#define ARABIC_TITLE  "اجتماع الفريق العامل بشأن مكافحة الاتجار بالأشخاص"
#define CHINESE_TITLE "制定2027年工作计划，并与各机构协商"
#define FOCAL_EMAIL   "focal.point@unodc.example"
#define FOCAL_PHONE   "+43 1 26060 4321"
#define HOST_EMAIL    "host.contact@iom.example"

typedef struct {
  char      *dir;
  char      *path;
  IcatStore *store;
  char      *unodc;
  char      *iom;
  char      *unhcr;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->dir = icat_test_tmpdir_new ();
  fixture->store = icat_test_store_new (fixture->dir, &fixture->path);
  fixture->unodc = icat_test_agency_id (fixture->store, "UNODC");
  fixture->iom = icat_test_agency_id (fixture->store, "IOM");
  fixture->unhcr = icat_test_agency_id (fixture->store, "UNHCR");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_assert_finalize_object (fixture->store);
  g_free (fixture->unodc);
  g_free (fixture->iom);
  g_free (fixture->unhcr);
  g_free (fixture->path);
  icat_test_tmpdir_free (fixture->dir);
}

static char *
save (Fixture    *fixture,
      const char *kind,
      JsonObject *record)
{
  g_autoptr(GError) error = NULL;
  char *id = icat_store_save (fixture->store, kind, record, &error);

  g_assert_no_error (error);
  g_assert_nonnull (id);
  return id;
}

static char *
mandate_id (Fixture    *fixture,
            const char *document,
            const char *paragraph)
{
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (fixture->store),
                                        "SELECT id FROM mandate WHERE document = ?1 AND paragraph = ?2", NULL);
  char *id = NULL;

  g_assert_nonnull (stmt);
  icat_bind_text (stmt, 1, document);
  icat_bind_text (stmt, 2, paragraph);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_reset (stmt);
  g_assert_nonnull (id);
  return id;
}

static JsonArray *
string_array (const char *first,
              ...)
{
  JsonArray *array = json_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s != NULL; s = va_arg (ap, const char *))
    json_array_add_string_element (array, s);
  va_end (ap);
  return array;
}

/* A minimal action item; callers add what the test needs. */
static JsonObject *
action_item (Fixture    *fixture,
             const char *title,
             const char *due)
{
  JsonObject *item = json_object_new ();

  json_object_set_string_member (item, "title", title);
  json_object_set_string_member (item, "owner", fixture->unodc);
  json_object_set_string_member (item, "status", "open");
  if (due != NULL)
    json_object_set_string_member (item, "due", due);
  return item;
}

static char *
save_item (Fixture    *fixture,
           const char *title,
           const char *due)
{
  g_autoptr(JsonObject) item = action_item (fixture, title, due);

  return save (fixture, "action_item", item);
}

/* Focal points for UNODC and IOM, to see where they appear. */
static void
add_focal_points (Fixture *fixture)
{
  g_autofree char *unodc = g_strdup_printf ("{\"id\": \"%s\", \"focal_points\": [{\"name\": \"Ana Focal\", "
                                            "\"email\": \"" FOCAL_EMAIL "\", \"phone\": \"" FOCAL_PHONE "\"}]}",
                                            fixture->unodc);
  g_autofree char *iom = g_strdup_printf ("{\"id\": \"%s\", \"focal_points\": [{\"name\": \"Ben Host\", "
                                          "\"email\": \"" HOST_EMAIL "\"}]}", fixture->iom);
  g_autoptr(JsonObject) unodc_changes = icat_test_object (unodc);
  g_autoptr(JsonObject) iom_changes = icat_test_object (iom);

  g_free (save (fixture, "agency", unodc_changes));
  g_free (save (fixture, "agency", iom_changes));
}

static IcatDb *
open_read_only (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  IcatDb *db = icat_db_open (fixture->path, ICAT_DB_READ_ONLY, NULL, &error);

  g_assert_no_error (error);
  return db;
}

static GBytes *
export_csv (Fixture         *fixture,
            int              year,
            IcatExportFlags  flags)
{
  g_autoptr(IcatDb) db = open_read_only (fixture);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = icat_export_action_items_csv (db, year, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static char *
bytes_text (GBytes *bytes)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  g_assert_null (memchr (data, '\0', length));
  g_assert_true (g_utf8_validate (data, length, NULL));
  return g_strndup (data, length);
}

/* ------------------------------------------------------------------ */
/* An RFC 4180 reader                                                   */

typedef struct {
  GPtrArray *header;  /* of char * */
  GPtrArray *rows;    /* of GPtrArray of char * */
} Csv;

static void
csv_free (Csv *csv)
{
  g_ptr_array_unref (csv->header);
  g_ptr_array_unref (csv->rows);
  g_free (csv);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Csv, csv_free)

/* Reads one field at *p; quoted fields may hold anything, doubled quotes
 * stand for one. Unquoted fields may hold no quote, CR or LF. */
static char *
read_field (const char **p)
{
  GString *field = g_string_new (NULL);
  const char *s = *p;

  if (*s == '"')
    {
      for (s++; ; s++)
        {
          if (*s == '\0')
            g_error ("CSV: a quoted field does not end");
          if (*s == '"' && s[1] == '"')
            s++;
          else if (*s == '"')
            {
              s++;
              break;
            }
          g_string_append_c (field, *s);
        }
      if (*s != ',' && *s != '\r' && *s != '\0')
        g_error ("CSV: text after a closing quote: %.20s", s);
    }
  else
    for (; *s != ',' && *s != '\r' && *s != '\0'; s++)
      {
        if (*s == '"' || *s == '\n')
          g_error ("CSV: a quote or bare line feed in an unquoted field: %.20s", s);
        g_string_append_c (field, *s);
      }
  *p = s;
  return g_string_free (field, FALSE);
}

/* Every record, the last included, ends with CRLF. */
static Csv *
parse_csv (const char *text)
{
  Csv *csv = g_new0 (Csv, 1);
  const char *p = text;

  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  while (*p != '\0')
    {
      GPtrArray *row = g_ptr_array_new_with_free_func (g_free);

      for (;;)
        {
          g_ptr_array_add (row, read_field (&p));
          if (*p == ',')
            p++;
          else
            break;
        }
      if (p[0] != '\r' || p[1] != '\n')
        g_error ("CSV: a record does not end with CRLF: %.20s", p);
      p += 2;
      if (csv->header == NULL)
        csv->header = row;
      else
        {
          g_assert_cmpuint (row->len, ==, csv->header->len);
          g_ptr_array_add (csv->rows, row);
        }
    }
  g_assert_nonnull (csv->header);
  return csv;
}

static guint
csv_column (Csv        *csv,
            const char *name)
{
  for (guint i = 0; i < csv->header->len; i++)
    if (g_str_equal (csv->header->pdata[i], name))
      return i;
  g_error ("no column “%s” in the CSV header", name);
}

static const char *
csv_cell (Csv        *csv,
          GPtrArray  *row,
          const char *column)
{
  return row->pdata[csv_column (csv, column)];
}

static GPtrArray *
csv_row_by_id (Csv        *csv,
               const char *id)
{
  guint column = csv_column (csv, "ID");

  for (guint i = 0; i < csv->rows->len; i++)
    {
      GPtrArray *row = csv->rows->pdata[i];

      if (g_str_equal (row->pdata[column], id))
        return row;
    }
  g_error ("no row for action item %s", id);
}

static Csv *
export_and_parse_csv (Fixture         *fixture,
                      int              year,
                      IcatExportFlags  flags)
{
  g_autoptr(GBytes) bytes = export_csv (fixture, year, flags);
  g_autofree char *text = bytes_text (bytes);

  return parse_csv (text);
}

/* ------------------------------------------------------------------ */
/* CSV                                                                  */

/* The reader itself must refuse what is not RFC 4180, or the tests below
 * would prove nothing. */
static void
test_csv_reader (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(Csv) csv = parse_csv ("a,b\r\n\"x\ny\",\"he said \"\"no\"\"\"\r\n");

      g_assert_cmpuint (csv->rows->len, ==, 1);
      g_assert_cmpstr (((GPtrArray *) csv->rows->pdata[0])->pdata[0], ==, "x\ny");
      g_assert_cmpstr (((GPtrArray *) csv->rows->pdata[0])->pdata[1], ==, "he said \"no\"");
      /* A line feed outside quotes is not a line end. */
      g_clear_pointer (&csv, csv_free);
      csv = parse_csv ("a,b\nc,d\r\n");
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*bare line feed*");
}

static void
test_csv_rows (Fixture       *fixture,
               gconstpointer  data)
{
  const char *titles[] = {
    "Plain title",
    "Comma, in the title",
    "A \"quoted\" word",
    "Two\nlines",
    "Windows\r\nline end and a lone\rreturn",
    "A lone\rcarriage return",
    CHINESE_TITLE,
    ARABIC_TITLE,
    "\"Starts and ends with quotes\"",
    ",",
  };
  const char *description = "Line one, with a comma\n\"Quoted\" line two\r\n" ARABIC_TITLE "\n" CHINESE_TITLE;
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(Csv) csv = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      g_autoptr(JsonObject) item = action_item (fixture, titles[i], "2026-06-30");

      json_object_set_string_member (item, "description", description);
      json_object_set_string_member (item, "completion_note", titles[G_N_ELEMENTS (titles) - 1 - i]);
      g_ptr_array_add (ids, save (fixture, "action_item", item));
    }

  bytes = export_csv (fixture, 0, ICAT_EXPORT_DEFAULT);
  text = bytes_text (bytes);
  /* No byte-order mark unless asked for. */
  g_assert_true (g_str_has_prefix (text, "Title,"));
  csv = parse_csv (text);
  g_assert_cmpuint (csv->rows->len, ==, G_N_ELEMENTS (titles));
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      GPtrArray *row = csv_row_by_id (csv, ids->pdata[i]);

      g_assert_cmpstr (csv_cell (csv, row, "Title"), ==, titles[i]);
      g_assert_cmpstr (csv_cell (csv, row, "Description"), ==, description);
      g_assert_cmpstr (csv_cell (csv, row, "Completion note"), ==, titles[G_N_ELEMENTS (titles) - 1 - i]);
    }
}

static void
test_csv_columns (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autofree char *para10 = mandate_id (fixture, "A/RES/72/195", "10");
  g_autofree char *annex3 = mandate_id (fixture, "A/RES/64/293", "annex 3");
  g_autofree char *agenda_id = g_uuid_string_random ();
  g_autofree char *meeting_json = g_strdup_printf (
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, "
    "\"starts_at\": \"2026-03-10T09:00:00.000Z\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", "
    "\"venue\": \"Vienna\", \"agenda\": [{\"id\": \"%s\", \"position\": 0, \"title\": \"Work plan 2027\"}]}", agenda_id);
  g_autoptr(JsonObject) meeting = icat_test_object (meeting_json);
  g_autofree char *meeting_id = save (fixture, "meeting", meeting);
  g_autoptr(JsonObject) item = action_item (fixture, "Draft the work plan", "2026-09");
  g_autofree char *id = NULL;
  g_autofree char *bare_id = save_item (fixture, "Nothing else", NULL);
  g_autoptr(Csv) csv = NULL;
  GPtrArray *row;

  json_object_set_string_member (item, "status", "in-progress");
  json_object_set_string_member (item, "priority", "high");
  json_object_set_string_member (item, "starts", "2026-03-11");
  json_object_set_string_member (item, "meeting", meeting_id);
  json_object_set_string_member (item, "agenda_item", agenda_id);
  json_object_set_array_member (item, "supporting", string_array (fixture->iom, fixture->unhcr, NULL));
  json_object_set_array_member (item, "mandates", string_array (para10, annex3, NULL));
  id = save (fixture, "action_item", item);

  csv = export_and_parse_csv (fixture, 0, ICAT_EXPORT_DEFAULT);
  {
    const char *expected[] = {
      "Title", "Owner", "Supporting agencies", "Starts", "Due", "Status", "Priority", "Meeting",
      "Agenda item", "Mandates", "Description", "Completion note", "ID",
    };

    g_assert_cmpuint (csv->header->len, ==, G_N_ELEMENTS (expected));
    for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
      g_assert_cmpstr (csv->header->pdata[i], ==, expected[i]);
  }
  row = csv_row_by_id (csv, id);
  g_assert_cmpstr (csv_cell (csv, row, "Owner"), ==, "UNODC");
  g_assert_cmpstr (csv_cell (csv, row, "Supporting agencies"), ==, "IOM; UNHCR");
  g_assert_cmpstr (csv_cell (csv, row, "Starts"), ==, "2026-03-11");
  g_assert_cmpstr (csv_cell (csv, row, "Due"), ==, "2026-09");
  g_assert_cmpstr (csv_cell (csv, row, "Status"), ==, "In progress");
  g_assert_cmpstr (csv_cell (csv, row, "Priority"), ==, "High");
  g_assert_cmpstr (csv_cell (csv, row, "Meeting"), ==, "Working Group meeting · 10 March 2026, 10:00");
  g_assert_cmpstr (csv_cell (csv, row, "Agenda item"), ==, "Work plan 2027");
  g_assert_cmpstr (csv_cell (csv, row, "Mandates"), ==, "A/RES/72/195, para. 10; A/RES/64/293, annex para. 3");

  /* Absent values are empty cells; an absent priority is normal. */
  row = csv_row_by_id (csv, bare_id);
  g_assert_cmpstr (csv_cell (csv, row, "Supporting agencies"), ==, "");
  g_assert_cmpstr (csv_cell (csv, row, "Due"), ==, "");
  g_assert_cmpstr (csv_cell (csv, row, "Status"), ==, "Open");
  g_assert_cmpstr (csv_cell (csv, row, "Priority"), ==, "Normal");
  g_assert_cmpstr (csv_cell (csv, row, "Meeting"), ==, "");
  g_assert_cmpstr (csv_cell (csv, row, "Mandates"), ==, "");
}

/* Due date, then title, then id; items without a due date last. */
static void
test_csv_order (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *undated = save_item (fixture, "A undated", NULL);
  g_autofree char *late = save_item (fixture, "A late", "2027-01-15");
  g_autofree char *b_year = save_item (fixture, "B year only", "2026");
  g_autofree char *a_day = save_item (fixture, "B", "2026-02-01");
  g_autofree char *z_day = save_item (fixture, "Z", "2026-02-01");
  g_autofree char *a_month = save_item (fixture, "C month", "2026-02");
  g_autofree char *same1 = save_item (fixture, "Same", "2026-05-05");
  g_autofree char *same2 = save_item (fixture, "Same", "2026-05-05");
  g_autoptr(Csv) csv = export_and_parse_csv (fixture, 0, ICAT_EXPORT_DEFAULT);
  const char *first_same = strcmp (same1, same2) < 0 ? same1 : same2;
  const char *second_same = first_same == same1 ? same2 : same1;
  const char *expected[] = { b_year, a_month, a_day, z_day, first_same, second_same, late, undated };
  guint column = csv_column (csv, "ID");

  g_assert_cmpuint (csv->rows->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (((GPtrArray *) csv->rows->pdata[i])->pdata[column], ==, expected[i]);
}

static void
test_csv_bom (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *id = save_item (fixture, "Ünïcödé", "2026-01-01");
  g_autoptr(GBytes) with_bom = export_csv (fixture, 0, ICAT_EXPORT_BOM);
  g_autoptr(GBytes) without_bom = export_csv (fixture, 0, ICAT_EXPORT_DEFAULT);
  gsize with_length = 0, without_length = 0;
  const char *with = g_bytes_get_data (with_bom, &with_length);
  const char *without = g_bytes_get_data (without_bom, &without_length);

  g_assert_cmpuint (with_length, ==, without_length + 3);
  g_assert_cmpmem (with, 3, "\xef\xbb\xbf", 3);
  g_assert_cmpmem (with + 3, without_length, without, without_length);
  g_assert_cmpint ((guchar) without[0], !=, 0xef);
  g_assert_cmpuint (g_bytes_get_size (without_bom), >, 0);
}

static void
test_csv_year (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *in_year = save_item (fixture, "Year only", "2026");
  g_autofree char *in_month = save_item (fixture, "First month", "2026-01");
  g_autofree char *in_day = save_item (fixture, "Last day", "2026-12-31");
  g_autofree char *before = save_item (fixture, "Before", "2025-12-31");
  g_autofree char *after = save_item (fixture, "After", "2027-01-01");
  g_autofree char *undated = save_item (fixture, "Undated", NULL);
  g_autoptr(Csv) csv_2026 = export_and_parse_csv (fixture, 2026, ICAT_EXPORT_DEFAULT);
  g_autoptr(Csv) csv_2027 = export_and_parse_csv (fixture, 2027, ICAT_EXPORT_DEFAULT);
  g_autoptr(Csv) csv_2030 = export_and_parse_csv (fixture, 2030, ICAT_EXPORT_DEFAULT);
  g_autoptr(Csv) csv_all = export_and_parse_csv (fixture, 0, ICAT_EXPORT_DEFAULT);

  g_assert_cmpuint (csv_2026->rows->len, ==, 3);
  csv_row_by_id (csv_2026, in_year);
  csv_row_by_id (csv_2026, in_month);
  csv_row_by_id (csv_2026, in_day);
  g_assert_cmpuint (csv_2027->rows->len, ==, 1);
  csv_row_by_id (csv_2027, after);
  /* An empty year is a header alone. */
  g_assert_cmpuint (csv_2030->rows->len, ==, 0);
  g_assert_cmpuint (csv_2030->header->len, ==, csv_all->header->len);
  g_assert_cmpuint (csv_all->rows->len, ==, 6);
}

static void
test_csv_contacts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *id = save_item (fixture, "Chase the focal point", "2026-04-01");
  g_autofree char *without = NULL;
  g_autofree char *with = NULL;
  g_autoptr(Csv) csv = NULL;

  add_focal_points (fixture);
  {
    g_autoptr(GBytes) bytes = export_csv (fixture, 0, ICAT_EXPORT_DEFAULT);

    without = bytes_text (bytes);
  }
  {
    g_autoptr(GBytes) bytes = export_csv (fixture, 0, ICAT_EXPORT_INCLUDE_CONTACTS);

    with = bytes_text (bytes);
  }
  g_assert_null (strstr (without, FOCAL_EMAIL));
  g_assert_null (strstr (without, FOCAL_PHONE));
  g_assert_null (strstr (without, "Ana Focal"));
  g_assert_null (strchr (without, '@'));

  csv = parse_csv (with);
  g_assert_cmpstr (csv_cell (csv, csv_row_by_id (csv, id), "Owner’s focal points"), ==,
                   "Ana Focal, " FOCAL_EMAIL ", " FOCAL_PHONE);
  /* Only the owner's. */
  g_assert_null (strstr (with, HOST_EMAIL));
}

/* Every cell that a spreadsheet would run as a formula starts with an
 * apostrophe, whichever column it is in; with ICAT_EXPORT_RAW it is as
 * stored. */
static void
test_csv_formulas (Fixture       *fixture,
                   gconstpointer  data)
{
  const char leading[] = "=+-@\t\r";
  g_autofree char *focal_points = g_strdup_printf ("{\"id\": \"%s\", \"focal_points\": [{\"name\": \"=Ana\"}]}",
                                                   fixture->unodc);
  g_autoptr(JsonObject) unodc_changes = icat_test_object (focal_points);
  g_autoptr(GPtrArray) ids = g_ptr_array_new_with_free_func (g_free);
  const char * const columns[] = { "Title", "Description", "Completion note" };

  g_free (save (fixture, "agency", unodc_changes));
  for (guint i = 0; leading[i] != '\0'; i++)
    {
      g_autofree char *title = g_strdup_printf ("%cSUM(A%u)", leading[i], i);
      g_autoptr(JsonObject) item = action_item (fixture, title, "2026-04-01");

      json_object_set_string_member (item, "description", title);
      json_object_set_string_member (item, "completion_note", title);
      g_ptr_array_add (ids, save (fixture, "action_item", item));
    }

  for (guint raw = 0; raw <= 1; raw++)
    {
      g_autoptr(Csv) csv = export_and_parse_csv (fixture, 0, ICAT_EXPORT_INCLUDE_CONTACTS | (raw ? ICAT_EXPORT_RAW : 0));

      for (guint i = 0; i < ids->len; i++)
        {
          GPtrArray *row = csv_row_by_id (csv, ids->pdata[i]);
          g_autofree char *stored = g_strdup_printf ("%cSUM(A%u)", leading[i], i);
          g_autofree char *expected = g_strconcat (raw ? "" : "'", stored, NULL);

          for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
            g_assert_cmpstr (csv_cell (csv, row, columns[c]), ==, expected);
          g_assert_cmpstr (csv_cell (csv, row, "Owner’s focal points"), ==, raw ? "=Ana" : "'=Ana");
          /* Other cells are as they were. */
          g_assert_cmpstr (csv_cell (csv, row, "Owner"), ==, "UNODC");
          g_assert_cmpstr (csv_cell (csv, row, "Due"), ==, "2026-04-01");
        }
    }
}

/* ------------------------------------------------------------------ */
/* iCalendar                                                            */

/* Python's icalendar reads the file, VTIMEZONEs included, and prints what
 * it understood as JSON; DTSTART and DTEND in UTC when they are times. */
static const char parse_ics_script[] =
  "import datetime, json, sys\n"
  "import icalendar\n"
  "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
  "def when(v):\n"
  "    if isinstance(v, datetime.datetime):\n"
  "        assert v.tzinfo is not None, 'a time without a zone'\n"
  "        return v.astimezone(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ')\n"
  "    return v.isoformat()\n"
  "events = []\n"
  "for e in cal.walk('VEVENT'):\n"
  "    start = e.decoded('DTSTART')\n"
  "    events.append({\n"
  "        'uid': str(e['UID']), 'summary': str(e['SUMMARY']),\n"
  "        'tzid': e['DTSTART'].params.get('TZID'),\n"
  "        'all_day': not isinstance(start, datetime.datetime),\n"
  "        'start': when(start), 'end': when(e.decoded('DTEND')) if 'DTEND' in e else None,\n"
  "        'dtstamp': when(e.decoded('DTSTAMP')),\n"
  "        'location': str(e['LOCATION']) if 'LOCATION' in e else None,\n"
  "        'description': str(e.get('DESCRIPTION', '')),\n"
  "        'categories': e['CATEGORIES'].to_ical().decode() if 'CATEGORIES' in e else None})\n"
  "print(json.dumps({'version': str(cal['VERSION']), 'prodid': str(cal['PRODID']),\n"
  "                  'zones': [str(z['TZID']) for z in cal.walk('VTIMEZONE')], 'events': events}))\n";

static GBytes *
export_ics (Fixture         *fixture,
            int              year,
            IcatExportFlags  flags)
{
  g_autoptr(IcatDb) db = open_read_only (fixture);
  g_autoptr(GError) error = NULL;
  GBytes *bytes = icat_export_meetings_ics (db, year, flags, &error);

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static JsonObject *
parse_ics (Fixture *fixture,
           GBytes  *bytes)
{
  g_autofree char *file = g_build_filename (fixture->dir, "meetings.ics", NULL);
  const char *argv[] = { "/usr/bin/python3", "-c", parse_ics_script, file, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_file_set_contents (file, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Python's icalendar could not read the export: %s", err);
  return icat_test_object (out);
}

static JsonObject *
find_event (JsonObject *calendar,
            const char *meeting_id)
{
  JsonArray *events = json_object_get_array_member (calendar, "events");
  g_autofree char *uid = g_strconcat (meeting_id, "@icattracker.org", NULL);

  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonObject *event = json_array_get_object_element (events, i);

      if (g_str_equal (json_object_get_string_member (event, "uid"), uid))
        return event;
    }
  g_error ("no event for meeting %s", meeting_id);
}

static const char *
event_string (JsonObject *event,
              const char *member)
{
  return json_object_get_string_member_with_default (event, member, NULL);
}

static GPtrArray *
meeting_ids (Fixture    *fixture,
             const char *from,
             const char *until)
{
  sqlite3_stmt *stmt = icat_db_prepare (_icat_store_get_read_db (fixture->store),
                                        "SELECT id FROM meeting WHERE ?1 IS NULL OR (starts_at >= ?1 AND starts_at < ?2)",
                                        NULL);
  GPtrArray *ids = g_ptr_array_new_with_free_func (g_free);

  g_assert_nonnull (stmt);
  icat_bind_text (stmt, 1, from);
  icat_bind_text (stmt, 2, until);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    g_ptr_array_add (ids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_reset (stmt);
  return ids;
}

typedef struct {
  char *vienna;    /* minute precision, with an end */
  char *new_york;  /* minute precision, no end; Arabic title, agenda, host and chairs */
  char *shanghai;  /* day precision, three days */
  char *month;     /* month precision */
  char *virtual;   /* a virtual meeting in 2027 */
  char *utc;       /* minute precision in UTC, which has no VTIMEZONE */
} Meetings;

static void
meetings_clear (Meetings *meetings)
{
  g_free (meetings->vienna);
  g_free (meetings->new_york);
  g_free (meetings->shanghai);
  g_free (meetings->month);
  g_free (meetings->virtual);
  g_free (meetings->utc);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Meetings, meetings_clear)

static char *
save_meeting (Fixture    *fixture,
              const char *json)
{
  g_autoptr(JsonObject) meeting = icat_test_object (json);

  return save (fixture, "meeting", meeting);
}

static void
add_meetings (Fixture  *fixture,
              Meetings *meetings)
{
  g_autofree char *new_york = g_strdup_printf (
    "{\"kind\": \"principals\", \"title\": {\"en\": \"Principals, \\\"special\\\"; session\", \"ar\": \"" ARABIC_TITLE "\"}, "
    "\"starts_at\": \"2026-07-01T14:00:00.000Z\", \"date_precision\": \"minute\", \"timezone\": \"America/New_York\", "
    "\"venue\": \"New York\", \"host\": \"%s\", \"chairs\": [\"%s\", \"%s\"], "
    "\"agenda\": [{\"id\": \"%s\", \"position\": 0, \"title\": \"Opening\", \"presenter\": \"%s\"}, "
    "            {\"id\": \"%s\", \"position\": 1, \"title\": \"Work plan\"}]}",
    fixture->iom, fixture->unodc, fixture->unhcr,
    "aaaaaaaa-0000-4000-8000-000000000001", fixture->unodc, "aaaaaaaa-0000-4000-8000-000000000002");

  meetings->vienna = save_meeting (fixture,
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Working Group meeting\", \"zh\": \"工作组会议\"}, "
    "\"starts_at\": \"2026-03-10T09:00:00.000Z\", \"ends_at\": \"2026-03-10T12:30:00.000Z\", "
    "\"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", \"venue\": \"Vienna\"}");
  meetings->new_york = save_meeting (fixture, new_york);
  meetings->shanghai = save_meeting (fixture,
    "{\"kind\": \"other\", \"title\": {\"en\": \"Regional consultation\"}, "
    "\"starts_at\": \"2026-05-19T17:00:00.000Z\", \"ends_at\": \"2026-05-22T09:00:00.000Z\", "
    "\"date_precision\": \"day\", \"timezone\": \"Asia/Shanghai\", \"venue\": \"Shanghai\"}");
  meetings->month = save_meeting (fixture,
    "{\"kind\": \"member-state-briefing\", \"title\": {\"en\": \"Briefing\"}, "
    "\"starts_at\": \"2026-10-01T14:00:00.000Z\", \"date_precision\": \"month\", \"timezone\": \"America/New_York\"}");
  meetings->virtual = save_meeting (fixture,
    "{\"kind\": \"working-group\", \"title\": {\"en\": \"Online Working Group\"}, "
    "\"starts_at\": \"2027-02-03T13:00:00.000Z\", \"date_precision\": \"minute\", \"timezone\": \"Europe/Vienna\", "
    "\"venue\": \"virtual\"}");
  meetings->utc = save_meeting (fixture,
    "{\"kind\": \"hq-briefing\", \"title\": {\"en\": \"Call in UTC\"}, "
    "\"starts_at\": \"2026-11-05T15:30:00.000Z\", \"ends_at\": \"2026-11-05T16:00:00.000Z\", "
    "\"date_precision\": \"minute\", \"timezone\": \"UTC\", \"venue\": \"virtual\"}");
}

static void
test_ics_events (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Meetings) meetings = { 0 };
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  g_autoptr(GPtrArray) ids = NULL;
  JsonObject *event;
  g_autofree char *text = NULL;

  add_meetings (fixture, &meetings);
  bytes = export_ics (fixture, 0, ICAT_EXPORT_DEFAULT);
  text = bytes_text (bytes);
  calendar = parse_ics (fixture, bytes);

  g_assert_cmpstr (json_object_get_string_member (calendar, "version"), ==, "2.0");
  g_assert_cmpstr (json_object_get_string_member (calendar, "prodid"), ==,
                   "-//ICAT Tracker//ICAT Tracker " PACKAGE_VERSION "//EN");
  /* Every meeting, the seed's included, once, with UID, DTSTART and SUMMARY. */
  ids = meeting_ids (fixture, NULL, NULL);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "events")), ==, ids->len);
  for (guint i = 0; i < ids->len; i++)
    {
      event = find_event (calendar, ids->pdata[i]);
      g_assert_nonnull (event_string (event, "start"));
      g_assert_cmpstr (event_string (event, "summary"), !=, "");
      /* DTSTAMP is the record's updated_at, never the time of the export. */
      g_assert_true (g_str_has_prefix (event_string (event, "dtstamp"), "2026-"));
    }
  /* One VTIMEZONE per zone used by a timed event, under its IANA name. */
  {
    JsonArray *zones = json_object_get_array_member (calendar, "zones");
    const char *first = json_array_get_string_element (zones, 0);
    const char *second = json_array_get_string_element (zones, 1);

    g_assert_cmpuint (json_array_get_length (zones), ==, 2);
    g_assert_true ((g_str_equal (first, "America/New_York") && g_str_equal (second, "Europe/Vienna")) ||
                   (g_str_equal (first, "Europe/Vienna") && g_str_equal (second, "America/New_York")));
  }

  /* 10:00 in Vienna (CET) is 09:00 UTC; the end is kept. */
  event = find_event (calendar, meetings.vienna);
  g_assert_cmpstr (event_string (event, "tzid"), ==, "Europe/Vienna");
  g_assert_false (json_object_get_boolean_member (event, "all_day"));
  g_assert_cmpstr (event_string (event, "start"), ==, "2026-03-10T09:00:00Z");
  g_assert_cmpstr (event_string (event, "end"), ==, "2026-03-10T12:30:00Z");
  g_assert_cmpstr (event_string (event, "location"), ==, "Vienna");
  g_assert_cmpstr (event_string (event, "categories"), ==, "Working Group");
  g_assert_nonnull (strstr (text, "DTSTART;TZID=Europe/Vienna:20260310T100000\r\n"));

  /* 10:00 in New York (EDT); two hours when no end is given. */
  event = find_event (calendar, meetings.new_york);
  g_assert_cmpstr (event_string (event, "tzid"), ==, "America/New_York");
  g_assert_cmpstr (event_string (event, "start"), ==, "2026-07-01T14:00:00Z");
  g_assert_cmpstr (event_string (event, "end"), ==, "2026-07-01T16:00:00Z");
  g_assert_cmpstr (event_string (event, "summary"), ==, "Principals, \"special\"; session");
  g_assert_nonnull (strstr (event_string (event, "description"), "Principals-level meeting"));
  g_assert_nonnull (strstr (event_string (event, "description"), "Host: IOM"));
  g_assert_nonnull (strstr (event_string (event, "description"), "Co-chairs: UNODC, UNHCR"));
  g_assert_nonnull (strstr (event_string (event, "description"), "1. Opening (UNODC)\n2. Work plan"));

  /* Known to the day: all-day, in the venue's calendar (19 May 17:00 UTC
   * is already the 20th in Shanghai); DTEND is the day after the last. */
  event = find_event (calendar, meetings.shanghai);
  g_assert_true (json_object_get_boolean_member (event, "all_day"));
  g_assert_cmpstr (event_string (event, "start"), ==, "2026-05-20");
  g_assert_cmpstr (event_string (event, "end"), ==, "2026-05-23");
  g_assert_null (event_string (event, "tzid"));
  g_assert_cmpstr (event_string (event, "location"), ==, "Shanghai");

  /* Known to the month: the first day, and a sentence saying so. */
  event = find_event (calendar, meetings.month);
  g_assert_true (json_object_get_boolean_member (event, "all_day"));
  g_assert_cmpstr (event_string (event, "start"), ==, "2026-10-01");
  g_assert_cmpstr (event_string (event, "end"), ==, "2026-10-02");
  g_assert_nonnull (strstr (event_string (event, "description"), "Only the month of this meeting is known: October 2026."));
  g_assert_null (event_string (event, "location"));

  event = find_event (calendar, meetings.virtual);
  g_assert_cmpstr (event_string (event, "location"), ==, "Virtual meeting");

  /* UTC needs no VTIMEZONE: its times end in Z. */
  event = find_event (calendar, meetings.utc);
  g_assert_null (event_string (event, "tzid"));
  g_assert_cmpstr (event_string (event, "start"), ==, "2026-11-05T15:30:00Z");
  g_assert_cmpstr (event_string (event, "end"), ==, "2026-11-05T16:00:00Z");
  g_assert_nonnull (strstr (text, "DTSTART:20261105T153000Z\r\n"));
}

static void
test_ics_year (Fixture       *fixture,
               gconstpointer  data)
{
  g_auto(Meetings) meetings = { 0 };
  g_autoptr(GPtrArray) ids_2018 = meeting_ids (fixture, "2018", "2019");
  g_autoptr(GBytes) bytes_2018 = NULL;
  g_autoptr(GBytes) bytes_2027 = NULL;
  g_autoptr(GBytes) bytes_2030 = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  JsonArray *events;

  add_meetings (fixture, &meetings);
  /* The seed's principals-level meeting and briefings of 2018. */
  g_assert_cmpuint (ids_2018->len, >, 0);
  bytes_2018 = export_ics (fixture, 2018, ICAT_EXPORT_DEFAULT);
  calendar = parse_ics (fixture, bytes_2018);
  events = json_object_get_array_member (calendar, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, ids_2018->len);
  for (guint i = 0; i < ids_2018->len; i++)
    g_assert_true (g_str_has_prefix (event_string (find_event (calendar, ids_2018->pdata[i]), "start"), "2018-"));
  g_clear_pointer (&calendar, json_object_unref);

  bytes_2027 = export_ics (fixture, 2027, ICAT_EXPORT_DEFAULT);
  calendar = parse_ics (fixture, bytes_2027);
  events = json_object_get_array_member (calendar, "events");
  g_assert_cmpuint (json_array_get_length (events), ==, 1);
  find_event (calendar, meetings.virtual);
  /* Only the zones this year's events use. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "zones")), ==, 1);
  g_clear_pointer (&calendar, json_object_unref);

  bytes_2030 = export_ics (fixture, 2030, ICAT_EXPORT_DEFAULT);
  calendar = parse_ics (fixture, bytes_2030);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (calendar, "events")), ==, 0);
}

static void
test_ics_contacts (Fixture       *fixture,
                   gconstpointer  data)
{
  g_auto(Meetings) meetings = { 0 };
  g_autoptr(GBytes) without = NULL;
  g_autoptr(GBytes) with = NULL;
  g_autofree char *without_text = NULL;
  g_autoptr(JsonObject) calendar = NULL;
  const char *description;

  add_meetings (fixture, &meetings);
  add_focal_points (fixture);
  without = export_ics (fixture, 0, ICAT_EXPORT_DEFAULT);
  without_text = bytes_text (without);
  g_assert_null (strstr (without_text, FOCAL_EMAIL));
  g_assert_null (strstr (without_text, HOST_EMAIL));
  /* The number with its space, which no generated id or time stamp holds
   * (a bare "4321" can turn up inside a random UID). */
  g_assert_null (strstr (without_text, FOCAL_PHONE));
  g_assert_null (strstr (without_text, "26060 4321"));
  g_assert_null (strstr (without_text, "Ana Focal"));

  with = export_ics (fixture, 0, ICAT_EXPORT_INCLUDE_CONTACTS);
  calendar = parse_ics (fixture, with);
  /* The host's and the chairs' focal points; UNHCR has none. */
  description = event_string (find_event (calendar, meetings.new_york), "description");
  g_assert_nonnull (strstr (description, "Focal points:\nIOM: Ben Host, " HOST_EMAIL "\n"
                                         "UNODC: Ana Focal, " FOCAL_EMAIL ", " FOCAL_PHONE));
  /* A meeting UNODC neither hosts nor chairs names nobody. */
  description = event_string (find_event (calendar, meetings.vienna), "description");
  g_assert_null (strstr (description, FOCAL_EMAIL));
}

/* The same database gives the same bytes: nothing depends on the clock. */
static void
test_ics_stable (Fixture       *fixture,
                 gconstpointer  data)
{
  g_auto(Meetings) meetings = { 0 };
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;

  add_meetings (fixture, &meetings);
  first = export_ics (fixture, 0, ICAT_EXPORT_DEFAULT);
  /* Time itself is the point: a second later, the calendar is the same bytes. */
  g_usleep (1100 * 1000);
  second = export_ics (fixture, 0, ICAT_EXPORT_DEFAULT);
  g_assert_true (g_bytes_equal (first, second));
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  /* Headers and values in English, whatever the developer's shell says. */
  g_unsetenv ("LANGUAGE");
  icat_test_init (&argc, &argv);

  g_test_add_func ("/export/csv/reader", test_csv_reader);
#define ADD(path, func) g_test_add ("/export/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("csv/rows", test_csv_rows);
  ADD ("csv/columns", test_csv_columns);
  ADD ("csv/order", test_csv_order);
  ADD ("csv/bom", test_csv_bom);
  ADD ("csv/year", test_csv_year);
  ADD ("csv/contacts", test_csv_contacts);
  ADD ("csv/formulas", test_csv_formulas);
  ADD ("ics/events", test_ics_events);
  ADD ("ics/year", test_ics_year);
  ADD ("ics/contacts", test_ics_contacts);
  ADD ("ics/stable", test_ics_stable);
#undef ADD

  return g_test_run ();
}
