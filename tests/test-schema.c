/* test-schema.c — the field-name constants agree with the field tables
 *
 * Copyright 2026 ICAT Tracker developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "icat-schema.h"
#include "icat-test-util.h"

/* Whether any field of kind, or of a kind nested in it, is called name. */
static gboolean
kind_has_field (const IcatKind *kind,
                const char     *name)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];

      if (g_str_equal (field->name, name))
        return TRUE;
      if (field->child != NULL && kind_has_field (field->child, name))
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_key (const char *name)
{
  return g_strv_contains ((const char * const *) icat_field_keys, name);
}

static void
check_every_field_has_key (const IcatKind *kind)
{
  for (guint i = 0; i < kind->n_fields; i++)
    {
      const IcatField *field = &kind->fields[i];

      if (!is_key (field->name))
        g_error ("field %s of %s has no ICAT_KEY_ constant", field->name, kind->name);
      if (field->child != NULL)
        check_every_field_has_key (field->child);
    }
}

static void
test_every_field_has_a_key (void)
{
  guint n_kinds = 0;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);

  g_assert_cmpuint (n_kinds, ==, ICAT_N_KINDS);
  for (guint k = 0; k < n_kinds; k++)
    check_every_field_has_key (kinds[k]);
}

static void
test_every_key_names_a_field (void)
{
  guint n_kinds = 0;
  const IcatKind * const *kinds = icat_schema_kinds (&n_kinds);
  guint n_keys = 0;

  for (const char * const *key = icat_field_keys; *key != NULL; key++, n_keys++)
    {
      gboolean found = FALSE;

      for (guint k = 0; k < n_kinds && !found; k++)
        found = kind_has_field (kinds[k], *key);
      if (!found)
        g_error ("ICAT_KEY_ constant \"%s\" names no field of any kind", *key);
      /* Each name is listed once. */
      g_assert_false (g_strv_contains (key + 1, *key));
    }
  g_assert_cmpuint (n_keys, >, 0);
}

static void
test_keys_are_the_field_names (void)
{
  const IcatKind *meeting = icat_schema_lookup ("meeting");
  const IcatKind *action_item = icat_schema_lookup ("action_item");

  /* The constants spell what the exchange format spells. */
  g_assert_nonnull (icat_kind_lookup_field (meeting, ICAT_KEY_STARTS_AT));
  g_assert_cmpstr (icat_kind_lookup_field (meeting, ICAT_KEY_STARTS_AT)->name, ==, "starts_at");
  g_assert_nonnull (icat_kind_lookup_field (meeting, ICAT_KEY_RECORD_STATUS));
  g_assert_nonnull (icat_kind_lookup_field (action_item, ICAT_KEY_AGENDA_ITEM));
  g_assert_null (icat_kind_lookup_field (action_item, ICAT_KEY_VENUE));
}

int
main (int   argc,
      char *argv[])
{
  icat_test_init (&argc, &argv);

  g_test_add_func ("/schema/every-field-has-a-key", test_every_field_has_a_key);
  g_test_add_func ("/schema/every-key-names-a-field", test_every_key_names_a_field);
  g_test_add_func ("/schema/keys-are-the-field-names", test_keys_are_the_field_names);

  return g_test_run ();
}
