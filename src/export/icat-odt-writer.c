/* icat-odt-writer.c — an editable document (OpenDocument Text) of ICAT's records
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The document body is built as content.xml text while the report is
 * written; finishing adds the styles, the metadata and the manifest and
 * puts them in a zip with libgsf. ODF asks for the "mimetype" member
 * first, stored uncompressed and without extra fields, so that the file's
 * type can be read at a fixed offset; libgsf does that for a stored member
 * of that name when zip64 is off.
 */
#define G_LOG_DOMAIN "icat-export"

#include "config.h"

#include "icat-odt-writer.h"

#include <gsf/gsf-outfile-zip.h>
#include <gsf/gsf-outfile.h>
#include <gsf/gsf-output-memory.h>
#include <string.h>

#include "icat-error.h"
#include "icat-page-writer.h"

#define ODT_MIME_TYPE "application/vnd.oasis.opendocument.text"

/* A4 with 2 cm margins: the text is 17 cm wide. */
#define ODT_TEXT_WIDTH_CM 17.0

struct _IcatOdtWriter {
  char      *language;
  char      *title;
  GDateTime *date;
  GString   *body;
  GString   *table_styles;   /* automatic styles of each table's columns */
  guint      n_tables;
  guint      table_columns;  /* 0 outside a table */
  gboolean   in_list;
  gboolean   in_facts;
  guint      n_fact_tables;
  gboolean   rtl;            /* Arabic: left-to-right phrases isolated */
};

IcatOdtWriter *
icat_odt_writer_new (const char *language,
                     const char *title,
                     GDateTime  *date)
{
  IcatOdtWriter *writer = g_new0 (IcatOdtWriter, 1);

  g_return_val_if_fail (language != NULL && title != NULL && date != NULL, NULL);

  writer->language = g_strdup (language);
  writer->rtl = icat_language_is_right_to_left (language);
  writer->title = g_strdup (title);
  writer->date = g_date_time_to_utc (date);
  writer->body = g_string_new (NULL);
  writer->table_styles = g_string_new (NULL);
  return writer;
}

void
icat_odt_writer_free (IcatOdtWriter *writer)
{
  if (writer == NULL)
    return;
  g_free (writer->language);
  g_free (writer->title);
  g_date_time_unref (writer->date);
  g_string_free (writer->body, TRUE);
  g_string_free (writer->table_styles, TRUE);
  g_free (writer);
}

/* Text as ODF character content: markup escaped, a line break and a tab as
 * their elements, a run of spaces kept (XML would fold it to one), and the
 * characters XML 1.0 cannot carry at all (other controls, U+FFFE, U+FFFF)
 * left out. So are word joiners (icat_text_unbroken ()): they keep a date
 * on one line of the PDF, but in a document being edited they would hide
 * inside the words, where Find no longer matches "10 March 2025". */
static void
append_text (GString    *out,
             const char *text)
{
  guint spaces = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == ' ')
        {
          if (spaces++ == 0)
            g_string_append_c (out, ' ');
          continue;
        }
      if (spaces > 1)
        g_string_append_printf (out, "<text:s text:c=\"%u\"/>", spaces - 1);
      spaces = 0;

      switch (c)
        {
        case '&': g_string_append (out, "&amp;"); break;
        case '<': g_string_append (out, "&lt;"); break;
        case '>': g_string_append (out, "&gt;"); break;
        case '"': g_string_append (out, "&quot;"); break;
        case '\n': g_string_append (out, "<text:line-break/>"); break;
        case '\t': g_string_append (out, "<text:tab/>"); break;
        default:
          if ((c < 0x20 && c != '\r') || c == 0xFFFE || c == 0xFFFF || c == 0x2060)
            break;
          if (c != '\r')
            g_string_append_unichar (out, c);
        }
    }
  if (spaces > 1)
    g_string_append_printf (out, "<text:s text:c=\"%u\"/>", spaces - 1);
}

/* Text of the document's body: in a right-to-left document, with its
 * left-to-right phrases isolated as the PDF sets them, so that a Latin date
 * or title inside Arabic keeps its order in Word and LibreOffice too. */
static void
append_body_text (IcatOdtWriter *writer,
                  const char    *text)
{
  g_autofree char *isolated = writer->rtl ? icat_text_isolate_left_to_right (text) : NULL;

  append_text (writer->body, isolated != NULL ? isolated : text);
}

static const char *
paragraph_style (IcatTextStyle style)
{
  switch (style)
    {
    case ICAT_TEXT_SMALL: return "ICAT_20_Small";
    case ICAT_TEXT_CAPTION: return "ICAT_20_Caption";
    case ICAT_TEXT_HEADING_1: return "Heading_20_1";
    case ICAT_TEXT_HEADING_2: return "Heading_20_2";
    case ICAT_TEXT_HEADING_3: return "Heading_20_3";
    case ICAT_TEXT_TABLE_HEADER: return "Table_20_Heading";
    case ICAT_TEXT_TABLE_CELL: return "Table_20_Contents";
    case ICAT_TEXT_COVER_KICKER: return "ICAT_20_Kicker";
    case ICAT_TEXT_COVER_TITLE: return "Title";
    case ICAT_TEXT_COVER_SUBTITLE: return "Subtitle";
    case ICAT_TEXT_TITLE: return "Title";
    case ICAT_TEXT_BODY:
    default: return "Text_20_body";
    }
}

static int
heading_level (IcatTextStyle style)
{
  switch (style)
    {
    case ICAT_TEXT_HEADING_1: return 1;
    case ICAT_TEXT_HEADING_2: return 2;
    case ICAT_TEXT_HEADING_3: return 3;
    default: return 0;
    }
}

/* A list or a run of facts ends where something else starts. */
static void
close_list (IcatOdtWriter *writer)
{
  if (writer->in_list)
    g_string_append (writer->body, "</text:list>\n");
  if (writer->in_facts)
    g_string_append (writer->body, "</table:table>\n");
  writer->in_list = writer->in_facts = FALSE;
}

void
icat_odt_writer_heading (IcatOdtWriter *writer,
                         IcatTextStyle  style,
                         const char    *text)
{
  int level = heading_level (style);

  close_list (writer);
  if (level == 0)
    {
      icat_odt_writer_text (writer, style, text);
      return;
    }
  /* An outline level makes the heading a bookmark of the PDF that Word or
   * LibreOffice exports, and an entry of their navigator. */
  g_string_append_printf (writer->body, "<text:h text:style-name=\"%s\" text:outline-level=\"%d\">",
                          paragraph_style (style), level);
  append_body_text (writer, text);
  g_string_append (writer->body, "</text:h>\n");
}

void
icat_odt_writer_text (IcatOdtWriter *writer,
                      IcatTextStyle  style,
                      const char    *text)
{
  close_list (writer);
  g_string_append_printf (writer->body, "<text:p text:style-name=\"%s\">", paragraph_style (style));
  append_body_text (writer, text);
  g_string_append (writer->body, "</text:p>\n");
}

void
icat_odt_writer_item (IcatOdtWriter *writer,
                      const char    *text)
{
  if (!writer->in_list)
    {
      close_list (writer);
      g_string_append (writer->body, "<text:list text:style-name=\"ICAT_20_Bullets\">\n");
      writer->in_list = TRUE;
    }
  g_string_append (writer->body, "<text:list-item><text:p text:style-name=\"ICAT_20_List\">");
  append_body_text (writer, text);
  g_string_append (writer->body, "</text:p></text:list-item>\n");
}

void
icat_odt_writer_fact (IcatOdtWriter *writer,
                      const char    *label,
                      const char    *value)
{
  /* Facts in a row make a borderless table, as the PDF sets them: labels
   * in a column of their own, wrapping there when long. */
  if (!writer->in_facts)
    {
      close_list (writer);
      /* Every table of a document has a name of its own. */
      g_string_append_printf (writer->body,
                       "<table:table table:name=\"Facts%u\" table:style-name=\"ICAT_Facts\">"
                       "<table:table-column table:style-name=\"ICAT_Facts.Label\"/>"
                       "<table:table-column table:style-name=\"ICAT_Facts.Value\"/>\n", ++writer->n_fact_tables);
      writer->in_facts = TRUE;
    }
  g_string_append (writer->body, "<table:table-row><table:table-cell table:style-name=\"ICAT_FactCell\""
                   " office:value-type=\"string\"><text:p text:style-name=\"ICAT_20_Fact\">");
  append_body_text (writer, label);
  g_string_append (writer->body, "</text:p></table:table-cell><table:table-cell table:style-name=\"ICAT_FactCell\""
                   " office:value-type=\"string\"><text:p text:style-name=\"Text_20_body\">");
  append_body_text (writer, value);
  g_string_append (writer->body, "</text:p></table:table-cell></table:table-row>\n");
}

static void
append_cell (IcatOdtWriter *writer,
             const char    *cell_style,
             const char    *text)
{
  g_string_append_printf (writer->body, "<table:table-cell table:style-name=\"%s\" office:value-type=\"string\">",
                          g_str_equal (cell_style, "Table_20_Heading") ? "ICAT_HeaderCell" : "ICAT_Cell");
  g_string_append_printf (writer->body, "<text:p text:style-name=\"%s\">", cell_style);
  append_body_text (writer, text != NULL ? text : "");
  g_string_append (writer->body, "</text:p></table:table-cell>");
}

void
icat_odt_writer_table_begin (IcatOdtWriter      *writer,
                             guint               n_columns,
                             const double       *fractions,
                             const char * const *headers)
{
  g_autofree char *name = NULL;
  double total = 0;

  g_return_if_fail (n_columns > 0 && writer->table_columns == 0);

  close_list (writer);
  writer->n_tables++;
  writer->table_columns = n_columns;
  name = g_strdup_printf ("Table%u", writer->n_tables);
  for (guint i = 0; i < n_columns; i++)
    total += fractions != NULL && fractions[i] > 0 ? fractions[i] : 1;

  g_string_append_printf (writer->table_styles,
                          "<style:style style:name=\"%s\" style:family=\"table\">"
                          "<style:table-properties style:width=\"%.2fcm\" table:align=\"margins\"/>"
                          "</style:style>\n", name, ODT_TEXT_WIDTH_CM);
  g_string_append_printf (writer->body, "<table:table table:name=\"%s\" table:style-name=\"%s\">\n", name, name);
  for (guint i = 0; i < n_columns; i++)
    {
      double share = (fractions != NULL && fractions[i] > 0 ? fractions[i] : 1) / total;

      /* Relative widths, so Word and LibreOffice keep the proportions
       * whatever page the user prints on. */
      g_string_append_printf (writer->table_styles,
                              "<style:style style:name=\"%s.C%u\" style:family=\"table-column\">"
                              "<style:table-column-properties style:rel-column-width=\"%d*\"/>"
                              "</style:style>\n", name, i, (int) (share * 10000 + 0.5));
      g_string_append_printf (writer->body, "<table:table-column table:style-name=\"%s.C%u\"/>\n", name, i);
    }
  g_string_append (writer->body, "<table:table-header-rows><table:table-row>");
  for (guint i = 0; i < n_columns; i++)
    append_cell (writer, "Table_20_Heading", headers != NULL ? headers[i] : NULL);
  g_string_append (writer->body, "</table:table-row></table:table-header-rows>\n");
}

void
icat_odt_writer_table_row (IcatOdtWriter      *writer,
                           const char * const *cells,
                           IcatRowFlags        flags)
{
  guint n = writer->table_columns;

  g_return_if_fail (n > 0);

  g_string_append (writer->body, "<table:table-row>");
  if (flags & ICAT_ROW_GROUP)
    {
      /* A sub-heading across the table, as the PDF draws it. */
      g_string_append_printf (writer->body,
                              "<table:table-cell table:style-name=\"ICAT_Cell\" office:value-type=\"string\""
                              " table:number-columns-spanned=\"%u\"><text:p text:style-name=\"ICAT_20_Group\">", n);
      append_body_text (writer, cells[0]);
      g_string_append (writer->body, "</text:p></table:table-cell>");
      for (guint i = 1; i < n; i++)
        g_string_append (writer->body, "<table:covered-table-cell/>");
    }
  else
    {
      for (guint i = 0; i < n; i++)
        {
          const char *style = "Table_20_Contents";

          if (flags & ICAT_ROW_MUTED)
            style = "ICAT_20_Muted";
          else if ((flags & ICAT_ROW_ALERT) && i == n - 1)
            style = "ICAT_20_Alert";
          append_cell (writer, style, cells[i]);
        }
    }
  g_string_append (writer->body, "</table:table-row>\n");
}

void
icat_odt_writer_table_end (IcatOdtWriter *writer)
{
  g_return_if_fail (writer->table_columns > 0);

  g_string_append (writer->body, "</table:table>\n");
  writer->table_columns = 0;
}

static const char odt_namespaces[] =
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\""
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\""
  " xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\""
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\""
  " xmlns:svg=\"urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0\""
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\""
  " office:version=\"1.3\"";

/* Cells as the PDF draws them: a shaded header over an accent rule, a
 * light rule under each row. Word and LibreOffice take cell borders and
 * padding from automatic styles only. */
static const char odt_cell_styles[] =
  "<style:style style:name=\"ICAT_Cell\" style:family=\"table-cell\">"
  "<style:table-cell-properties fo:padding=\"0.1cm\" fo:border-bottom=\"0.5pt solid #bfbfbd\""
  " fo:border-top=\"none\" fo:border-left=\"none\" fo:border-right=\"none\"/></style:style>\n"
  "<style:style style:name=\"ICAT_HeaderCell\" style:family=\"table-cell\">"
  "<style:table-cell-properties fo:padding=\"0.1cm\" fo:background-color=\"#e6f2fa\""
  " fo:border-bottom=\"0.8pt solid #0078b5\" fo:border-top=\"none\" fo:border-left=\"none\""
  " fo:border-right=\"none\"/></style:style>\n"
  "<style:style style:name=\"ICAT_Facts\" style:family=\"table\"><style:table-properties"
  " style:width=\"17cm\" table:align=\"margins\"/></style:style>\n"
  "<style:style style:name=\"ICAT_Facts.Label\" style:family=\"table-column\">"
  "<style:table-column-properties style:rel-column-width=\"3000*\"/></style:style>\n"
  "<style:style style:name=\"ICAT_Facts.Value\" style:family=\"table-column\">"
  "<style:table-column-properties style:rel-column-width=\"7000*\"/></style:style>\n"
  "<style:style style:name=\"ICAT_FactCell\" style:family=\"table-cell\">"
  "<style:table-cell-properties fo:padding=\"0.05cm\" fo:border=\"none\"/></style:style>\n";

static char *
content_xml (IcatOdtWriter *writer)
{
  return g_strdup_printf ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<office:document-content%s>\n"
                          "<office:automatic-styles>\n%s%s</office:automatic-styles>\n"
                          "<office:body><office:text>\n%s</office:text></office:body>\n"
                          "</office:document-content>\n",
                          odt_namespaces, odt_cell_styles, writer->table_styles->str, writer->body->str);
}

/* The default paragraph and text properties: the faces the PDF uses (a
 * serif body, a Ming face for Chinese), the document's language for
 * spelling, and its direction and alignment. */
static void
append_default_style (GString    *out,
                      const char *language)
{
  g_auto(GStrv) parts = g_strsplit_set (language, "-_", 2);
  const char *lang = parts[0];
  const char *country = parts[1] != NULL ? parts[1] : "none";
  gboolean cjk = g_str_equal (lang, "zh") || g_str_equal (lang, "ja") || g_str_equal (lang, "ko");
  gboolean rtl = icat_language_is_right_to_left (language);

  g_string_append_printf (out,
                          "<style:default-style style:family=\"paragraph\">"
                          "<style:paragraph-properties style:writing-mode=\"%s\"%s/>"
                          "<style:text-properties style:font-name=\"Liberation Serif\" fo:font-size=\"11pt\""
                          " style:font-name-asian=\"AR PL UMing CN\" style:font-size-asian=\"11pt\""
                          " style:font-name-complex=\"Noto Naskh Arabic\" style:font-size-complex=\"11pt\""
                          " fo:language=\"%s\" fo:country=\"%s\""
                          " style:language-asian=\"%s\" style:country-asian=\"%s\""
                          " style:language-complex=\"%s\" style:country-complex=\"%s\"/>"
                          "</style:default-style>\n",
                          rtl ? "rl-tb" : "lr-tb",
                          /* LibreOffice aligns a right-to-left paragraph at
                           * its start only when told so in absolute terms. */
                          rtl ? " fo:text-align=\"right\"" : "",
                          cjk || rtl ? "en" : lang, cjk || rtl ? "none" : country,
                          cjk ? lang : "zh", cjk ? country : "CN",
                          rtl ? lang : "ar", rtl ? country : "none");
}

static const char odt_named_styles[] =
  "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>\n"
  "<style:style style:name=\"Text_20_body\" style:display-name=\"Text body\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.2cm\" fo:line-height=\"115%\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Heading\" style:family=\"paragraph\" style:parent-style-name=\"Standard\""
  " style:next-style-name=\"Text_20_body\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0.42cm\" fo:margin-bottom=\"0.21cm\" fo:keep-with-next=\"always\"/>"
  "<style:text-properties style:font-name=\"Liberation Sans\" fo:font-weight=\"bold\" style:font-weight-asian=\"bold\""
  " style:font-weight-complex=\"bold\" fo:color=\"#00578a\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\""
  " style:parent-style-name=\"Heading\" style:default-outline-level=\"1\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"16pt\" style:font-size-asian=\"16pt\" style:font-size-complex=\"16pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\""
  " style:parent-style-name=\"Heading\" style:default-outline-level=\"2\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"13pt\" style:font-size-asian=\"13pt\" style:font-size-complex=\"13pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Heading_20_3\" style:display-name=\"Heading 3\" style:family=\"paragraph\""
  " style:parent-style-name=\"Heading\" style:default-outline-level=\"3\" style:class=\"text\">"
  "<style:text-properties fo:font-size=\"11pt\" style:font-size-asian=\"11pt\" style:font-size-complex=\"11pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:class=\"chapter\">"
  "<style:text-properties fo:font-size=\"22pt\" style:font-size-asian=\"22pt\" style:font-size-complex=\"22pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Heading\""
  " style:class=\"chapter\">"
  "<style:text-properties fo:font-size=\"14pt\" fo:font-weight=\"normal\" style:font-size-asian=\"14pt\""
  " style:font-weight-asian=\"normal\" style:font-size-complex=\"14pt\" style:font-weight-complex=\"normal\"/>"
  "</style:style>\n"
  "<style:style style:name=\"ICAT_20_Kicker\" style:display-name=\"ICAT Kicker\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\">"
  "<style:text-properties style:font-name=\"Liberation Sans\" fo:font-size=\"10pt\" fo:color=\"#5e5c64\"/>"
  "</style:style>\n"
  "<style:style style:name=\"ICAT_20_Small\" style:display-name=\"ICAT Small\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\">"
  "<style:text-properties fo:font-size=\"9pt\" style:font-size-asian=\"9pt\" style:font-size-complex=\"9pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"ICAT_20_Caption\" style:display-name=\"ICAT Caption\" style:family=\"paragraph\""
  " style:parent-style-name=\"ICAT_20_Small\">"
  "<style:text-properties fo:color=\"#5e5c64\"/>"
  "</style:style>\n"
  "<style:style style:name=\"ICAT_20_Fact\" style:display-name=\"ICAT Fact\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\">"
  "<style:text-properties fo:color=\"#5e5c64\" fo:font-weight=\"bold\" style:font-weight-asian=\"bold\""
  " style:font-weight-complex=\"bold\"/>"
  "</style:style>\n"
  "<style:style style:name=\"ICAT_20_List\" style:display-name=\"ICAT List\" style:family=\"paragraph\""
  " style:parent-style-name=\"Text_20_body\"/>\n"
  "<style:style style:name=\"Table_20_Contents\" style:display-name=\"Table Contents\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:class=\"extra\">"
  "<style:text-properties fo:font-size=\"10pt\" style:font-size-asian=\"10pt\" style:font-size-complex=\"10pt\"/>"
  "</style:style>\n"
  "<style:style style:name=\"Table_20_Heading\" style:display-name=\"Table Heading\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Contents\" style:class=\"extra\">"
  "<style:text-properties style:font-name=\"Liberation Sans\" fo:font-weight=\"bold\""
  " style:font-weight-asian=\"bold\" style:font-weight-complex=\"bold\"/>"
  "</style:style>\n"
  "<style:style style:name=\"ICAT_20_Group\" style:display-name=\"ICAT Group\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Heading\"/>\n"
  "<style:style style:name=\"ICAT_20_Muted\" style:display-name=\"ICAT Muted\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Contents\"><style:text-properties fo:color=\"#5e5c64\"/></style:style>\n"
  "<style:style style:name=\"ICAT_20_Alert\" style:display-name=\"ICAT Alert\" style:family=\"paragraph\""
  " style:parent-style-name=\"Table_20_Contents\"><style:text-properties fo:color=\"#bf1c29\"/></style:style>\n"
  "<text:list-style style:name=\"ICAT_20_Bullets\" style:display-name=\"ICAT Bullets\">"
  "<text:list-level-style-bullet text:level=\"1\" text:bullet-char=\"•\">"
  "<style:list-level-properties text:list-level-position-and-space-mode=\"label-alignment\">"
  "<style:list-level-label-alignment text:label-followed-by=\"listtab\" text:list-tab-stop-position=\"0.63cm\""
  " fo:text-indent=\"-0.63cm\" fo:margin-left=\"0.63cm\"/>"
  "</style:list-level-properties></text:list-level-style-bullet></text:list-style>\n";

static char *
styles_xml (IcatOdtWriter *writer)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");

  g_string_append_printf (out, "<office:document-styles%s>\n", odt_namespaces);
  g_string_append (out,
                   "<office:font-face-decls>"
                   "<style:font-face style:name=\"Liberation Serif\" svg:font-family=\"'Liberation Serif'\""
                   " style:font-family-generic=\"roman\"/>"
                   "<style:font-face style:name=\"Liberation Sans\" svg:font-family=\"'Liberation Sans'\""
                   " style:font-family-generic=\"swiss\"/>"
                   "<style:font-face style:name=\"AR PL UMing CN\" svg:font-family=\"'AR PL UMing CN'\""
                   " style:font-family-generic=\"roman\"/>"
                   "<style:font-face style:name=\"Noto Naskh Arabic\" svg:font-family=\"'Noto Naskh Arabic'\""
                   " style:font-family-generic=\"roman\"/>"
                   "</office:font-face-decls>\n<office:styles>\n");
  append_default_style (out, writer->language);
  g_string_append (out, odt_named_styles);
  g_string_append (out,
                   "</office:styles>\n<office:automatic-styles>"
                   "<style:page-layout style:name=\"ICAT_Page\"><style:page-layout-properties"
                   " fo:page-width=\"21cm\" fo:page-height=\"29.7cm\" fo:margin-top=\"2cm\""
                   " fo:margin-bottom=\"1.5cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
                   "<style:footer-style><style:header-footer-properties fo:min-height=\"0.5cm\""
                   " fo:margin-top=\"0.3cm\"/></style:footer-style></style:page-layout>"
                   "<style:style style:name=\"ICAT_Footer\" style:family=\"paragraph\""
                   " style:parent-style-name=\"ICAT_20_Caption\"><style:paragraph-properties"
                   " fo:text-align=\"center\"/></style:style>"
                   "</office:automatic-styles>\n<office:master-styles>"
                   "<style:master-page style:name=\"Standard\" style:page-layout-name=\"ICAT_Page\">"
                   "<style:footer><text:p text:style-name=\"ICAT_Footer\"><text:page-number"
                   " text:select-page=\"current\"/></text:p></style:footer></style:master-page>"
                   "</office:master-styles>\n</office:document-styles>\n");
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static char *
meta_xml (IcatOdtWriter *writer)
{
  g_autoptr(GString) out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *date = g_date_time_format (writer->date, "%Y-%m-%dT%H:%M:%SZ");

  g_string_append_printf (out, "<office:document-meta%s>\n<office:meta>", odt_namespaces);
  g_string_append (out, "<meta:generator>ICAT Tracker/" PACKAGE_VERSION "</meta:generator><dc:title>");
  append_text (out, writer->title);
  g_string_append (out, "</dc:title><dc:language>");
  append_text (out, writer->language);
  g_string_append_printf (out, "</dc:language><meta:creation-date>%s</meta:creation-date>"
                          "<dc:date>%s</dc:date></office:meta>\n</office:document-meta>\n", date, date);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static const char manifest_xml[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
  " manifest:version=\"1.3\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.3\""
  " manifest:media-type=\"" ODT_MIME_TYPE "\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

static gboolean
write_member (GsfOutfile *zip,
              const char *name,
              const char *text,
              gboolean    stored)
{
  GsfOutput *member = stored
    ? gsf_outfile_new_child_full (zip, name, FALSE, "compression-level", GSF_ZIP_STORED, NULL)
    : gsf_outfile_new_child (zip, name, FALSE);
  gboolean ok = member != NULL
    && gsf_output_write (member, strlen (text), (const guint8 *) text)
    && gsf_output_close (member);

  g_clear_object (&member);
  return ok;
}

/* The zip of the document's members, into sink. */
static gboolean
write_package (IcatOdtWriter *writer,
               GsfOutput     *sink,
               GError       **error)
{
  g_autofree char *content = content_xml (writer);
  g_autofree char *styles = styles_xml (writer);
  g_autofree char *meta = meta_xml (writer);
  GsfOutfile *zip = NULL;
  GsfOutput *meta_inf = NULL;
  gboolean ok;

  /* Every member carries the document's date rather than the clock's, and
   * no zip64 fields: the same records give the same bytes. */
  zip = g_object_new (GSF_OUTFILE_ZIP_TYPE, "sink", sink, "zip64", FALSE, "modtime", writer->date, NULL);
  ok = write_member (zip, "mimetype", ODT_MIME_TYPE, TRUE)
    && write_member (zip, "content.xml", content, FALSE)
    && write_member (zip, "styles.xml", styles, FALSE)
    && write_member (zip, "meta.xml", meta, FALSE)
    && (meta_inf = gsf_outfile_new_child (zip, "META-INF", TRUE)) != NULL
    && write_member (GSF_OUTFILE (meta_inf), "manifest.xml", manifest_xml, FALSE)
    && gsf_output_close (meta_inf);
  ok = gsf_output_close (GSF_OUTPUT (zip)) && ok;
  if (!ok)
    {
      const GError *cause = gsf_output_error (GSF_OUTPUT (zip));

      g_set_error (error, ICAT_ERROR, ICAT_ERROR_IO, "Cannot put the document together: %s",
                   cause != NULL ? cause->message : "the zip writer failed");
    }
  g_clear_object (&meta_inf);
  g_clear_object (&zip);
  return ok;
}

GBytes *
icat_odt_writer_finish (IcatOdtWriter  *writer,
                        GError        **error)
{
  GsfOutput *sink = NULL;
  GBytes *bytes = NULL;

  g_return_val_if_fail (writer->table_columns == 0, NULL);

  close_list (writer);
  sink = gsf_output_memory_new ();
  if (write_package (writer, sink, error) && gsf_output_close (sink))
    bytes = g_bytes_new (gsf_output_memory_get_bytes (GSF_OUTPUT_MEMORY (sink)), gsf_output_size (sink));
  g_object_unref (sink);
  return bytes;
}
