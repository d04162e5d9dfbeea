/* test-odt-writer.c — the editable documents' container and content
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Read back with libgsf's zip reader and GMarkup, and — in the normal
 * build, where ICAT_TEST_LIBREOFFICE is set — with LibreOffice itself, as
 * the coordinators who edit the document will open it.
 */
#define G_LOG_DOMAIN "icat-tests"

#include <gsf/gsf-infile-zip.h>
#include <gsf/gsf-infile.h>
#include <gsf/gsf-input-memory.h>
#include <string.h>

#include "icat-odt-writer.h"
#include "icat-test-util.h"

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

static GBytes *
write_sample (const char *language,
              GDateTime  *date)
{
  g_autoptr(IcatOdtWriter) writer = icat_odt_writer_new (language, "ICAT handover 2025", date);
  const double fractions[] = { 3, 1, 1 };
  const char * const headers[] = { "Action item", "Owner", "Due" };
  const char * const row[] = { "Circulate the R&D <draft>", "UNODC", "2025-03-01" };
  const char * const late[] = { "Report to the \"Working Group\"", "IOM", "2024-12-01" };
  const char * const group[] = { "Prevention", NULL, NULL };
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  icat_odt_writer_text (writer, ICAT_TEXT_COVER_TITLE, "Chair's handover pack");
  icat_odt_writer_heading (writer, ICAT_TEXT_HEADING_1, "Open action items");
  icat_odt_writer_text (writer, ICAT_TEXT_BODY, "Two  spaces\tand a tab,\nthen a new line\x01.");
  icat_odt_writer_fact (writer, "Chairs", "UNODC · IOM");
  icat_odt_writer_item (writer, "机构间协调小组主管级会议");
  icat_odt_writer_item (writer, "72/195 ¶10");
  icat_odt_writer_heading (writer, ICAT_TEXT_HEADING_2, "By owner");
  icat_odt_writer_table_begin (writer, 3, fractions, headers);
  icat_odt_writer_table_row (writer, group, ICAT_ROW_GROUP);
  icat_odt_writer_table_row (writer, row, ICAT_ROW_DEFAULT);
  icat_odt_writer_table_row (writer, late, ICAT_ROW_ALERT);
  icat_odt_writer_table_end (writer);
  bytes = icat_odt_writer_finish (writer, &error);
  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  return bytes;
}

static GDateTime *
sample_date (void)
{
  return g_date_time_new_utc (2025, 12, 31, 12, 0, 0);
}

static guint
le16 (const guint8 *p)
{
  return p[0] | p[1] << 8;
}

/* ODF's rule for the file's type: "mimetype" first, stored, no extra
 * field, so its value starts at byte 38. */
static void
test_odt_mimetype_first (void)
{
  g_autoptr(GDateTime) date = sample_date ();
  g_autoptr(GBytes) bytes = write_sample ("en", date);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  g_assert_cmpuint (size, >, 38 + strlen (ODT_MIME_TYPE));
  g_assert_cmpmem (data, 4, "PK\003\004", 4);
  g_assert_cmpuint (le16 (data + 8), ==, 0);    /* stored */
  g_assert_cmpuint (le16 (data + 26), ==, 8);   /* name length */
  g_assert_cmpuint (le16 (data + 28), ==, 0);   /* no extra field */
  g_assert_cmpmem (data + 30, 8, "mimetype", 8);
  g_assert_cmpmem (data + 38, strlen (ODT_MIME_TYPE), ODT_MIME_TYPE, strlen (ODT_MIME_TYPE));
}

static void
test_odt_same_bytes (void)
{
  g_autoptr(GDateTime) date = sample_date ();
  g_autoptr(GDateTime) later = g_date_time_add_days (date, 1);
  g_autoptr(GBytes) first = write_sample ("en", date);
  g_autoptr(GBytes) second = write_sample ("en", date);
  g_autoptr(GBytes) other_day = write_sample ("en", later);

  g_assert_true (g_bytes_equal (first, second));
  g_assert_false (g_bytes_equal (first, other_day));
}

static char *
read_member (GsfInfile  *zip,
             const char *path)
{
  g_auto(GStrv) parts = g_strsplit (path, "/", -1);
  GsfInfile *dir = g_object_ref (zip);
  GsfInput *member = NULL;
  char *text;

  for (guint i = 0; parts[i + 1] != NULL; i++)
    {
      GsfInput *child = gsf_infile_child_by_name (dir, parts[i]);

      g_assert_nonnull (child);
      g_object_unref (dir);
      dir = GSF_INFILE (child);
    }
  member = gsf_infile_child_by_name (dir, parts[g_strv_length (parts) - 1]);
  g_assert_nonnull (member);
  text = g_strndup ((const char *) gsf_input_read (member, gsf_input_size (member), NULL),
                    gsf_input_size (member));
  g_object_unref (member);
  g_object_unref (dir);
  return text;
}

static void
assert_well_formed (const char *xml)
{
  static const GMarkupParser no_callbacks = { 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&no_callbacks, 0, NULL, NULL);
  g_autoptr(GError) error = NULL;

  g_markup_parse_context_parse (context, xml, -1, &error);
  g_assert_no_error (error);
  g_markup_parse_context_end_parse (context, &error);
  g_assert_no_error (error);
}

static void
test_odt_members (void)
{
  g_autoptr(GDateTime) date = sample_date ();
  g_autoptr(GBytes) bytes = write_sample ("zh-CN", date);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  GsfInput *input = gsf_input_memory_new (data, size, FALSE);
  g_autoptr(GError) error = NULL;
  GsfInfile *zip = gsf_infile_zip_new (input, &error);
  const char * const members[] = { "mimetype", "content.xml", "styles.xml", "meta.xml", "META-INF/manifest.xml" };
  g_autofree char *content = NULL;
  g_autofree char *styles = NULL;
  g_autofree char *meta = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (zip);
  for (guint i = 1; i < G_N_ELEMENTS (members); i++)
    {
      g_autofree char *text = read_member (zip, members[i]);

      assert_well_formed (text);
    }
  content = read_member (zip, "content.xml");
  g_assert_nonnull (strstr (content, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">"
                                     "Open action items</text:h>"));
  g_assert_nonnull (strstr (content, "Circulate the R&amp;D &lt;draft&gt;"));
  g_assert_nonnull (strstr (content, "Two <text:s text:c=\"1\"/>spaces<text:tab/>and a tab,"
                                     "<text:line-break/>then a new line.</text:p>"));
  g_assert_nonnull (strstr (content, "机构间协调小组主管级会议"));
  g_assert_nonnull (strstr (content, "table:number-columns-spanned=\"3\""));
  g_assert_nonnull (strstr (content, "style:rel-column-width=\"6000*\""));
  g_assert_nonnull (strstr (content, "<text:p text:style-name=\"ICAT_20_Alert\">2024-12-01</text:p>"));
  styles = read_member (zip, "styles.xml");
  g_assert_nonnull (strstr (styles, "style:language-asian=\"zh\" style:country-asian=\"CN\""));
  g_assert_nonnull (strstr (styles, "style:writing-mode=\"lr-tb\""));
  meta = read_member (zip, "meta.xml");
  g_assert_nonnull (strstr (meta, "<dc:date>2025-12-31T12:00:00Z</dc:date>"));
  g_assert_nonnull (strstr (meta, "<dc:title>ICAT handover 2025</dc:title>"));
  g_object_unref (zip);
  g_object_unref (input);
}

static void
test_odt_right_to_left (void)
{
  g_autoptr(GDateTime) date = sample_date ();
  g_autoptr(GBytes) bytes = write_sample ("ar", date);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);
  GsfInput *input = gsf_input_memory_new (data, size, FALSE);
  GsfInfile *zip = gsf_infile_zip_new (input, NULL);
  g_autofree char *styles = read_member (zip, "styles.xml");

  g_assert_nonnull (strstr (styles, "style:writing-mode=\"rl-tb\""));
  g_assert_nonnull (strstr (styles, "style:language-complex=\"ar\""));
  g_object_unref (zip);
  g_object_unref (input);
}

/* LibreOffice opens the document and finds its text, Chinese included, in
 * order: what a coordinator sees when editing it. */
static void
test_odt_libreoffice_reads (void)
{
  g_autoptr(GDateTime) date = sample_date ();
  g_autoptr(GBytes) bytes = write_sample ("zh-CN", date);
  char *dir = icat_test_tmpdir_new ();
  g_autofree char *odt = g_build_filename (dir, "handover.odt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *heading, *item, *cell;

  if (g_getenv ("ICAT_TEST_LIBREOFFICE") == NULL)
    {
      g_test_skip ("LibreOffice reads the documents in the normal build only");
      icat_test_tmpdir_free (dir);
      return;
    }
  g_assert_true (g_file_set_contents (odt, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), &error));
  g_assert_no_error (error);
  text = icat_test_libreoffice_text (dir, odt);

  heading = strstr (text, "Open action items");
  item = strstr (text, "机构间协调小组主管级会议");
  cell = strstr (text, "Circulate the R&D <draft>");
  g_assert_nonnull (strstr (text, "Chair's handover pack"));
  g_assert_nonnull (heading);
  g_assert_nonnull (item);
  g_assert_nonnull (cell);
  g_assert_true (heading < item && item < cell);
  g_assert_nonnull (strstr (text, "Two  spaces\tand a tab,"));
  icat_test_tmpdir_free (dir);
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);

  g_test_add_func ("/odt/mimetype-first", test_odt_mimetype_first);
  g_test_add_func ("/odt/same-bytes", test_odt_same_bytes);
  g_test_add_func ("/odt/members", test_odt_members);
  g_test_add_func ("/odt/right-to-left", test_odt_right_to_left);
  g_test_add_func ("/odt/libreoffice-reads", test_odt_libreoffice_reads);

  return g_test_run ();
}
