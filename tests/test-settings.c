/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The program run where its settings schema is not installed: the
 * settings work, in memory, after one warning. */
#include "config.h"

#include <gio/gio.h>

#include "qg-settings.h"

static void
test_without_schema (void)
{
  g_autoptr(GSettings) first = NULL;
  g_autoptr(GSettings) second = NULL;

  g_test_expect_message ("qg-settings", G_LOG_LEVEL_WARNING,
                         "The settings schema io.github.quotegraph.Quotegraph is not installed*");
  first = qg_settings_new ();
  g_test_assert_expected_messages ();
  /* One warning: the second says nothing (a fatal warning would abort). */
  second = qg_settings_new ();
  g_assert_nonnull (second);

  g_assert_cmpint (g_settings_get_int (first, "window-width"), >, 0);
  g_assert_true (g_settings_set_int (first, "window-width", 1234));
  /* The same memory for every window of the program. */
  g_assert_cmpint (g_settings_get_int (second, "window-width"), ==, 1234);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GSettingsSchema) installed = NULL;

  /* Nowhere to find the schema but the program itself. */
  g_unsetenv ("GSETTINGS_SCHEMA_DIR");
  g_setenv ("XDG_DATA_DIRS", "/nonexistent", TRUE);
  g_setenv ("XDG_DATA_HOME", "/nonexistent", TRUE);
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/quotegraph/settings/without-schema", test_without_schema);
  return g_test_run ();
}
