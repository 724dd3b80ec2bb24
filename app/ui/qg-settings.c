/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-settings"

#include "config.h"

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>
#include <glib/gstdio.h>

#include "qg-schema-resources.h"
#include "qg-settings.h"

#define COMPILED_SCHEMA "/io/github/quotegraph/Quotegraph/schema/gschemas.compiled"

/* GSettings reads schemas from files only: the compiled one goes to a
 * folder of its own, is read, and the folder is removed (GLib keeps the
 * file mapped, which outlives its name). */
static GSettingsSchema *
bundled_schema (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (COMPILED_SCHEMA, 0, NULL);
  g_autoptr(GSettingsSchemaSource) source = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  GSettingsSchema *schema = NULL;

  g_assert (qg_schema_get_resource () != NULL);
  dir = g_dir_make_tmp ("quotegraph-schema-XXXXXX", &error);
  if (bytes == NULL || dir == NULL)
    return NULL;
  path = g_build_filename (dir, "gschemas.compiled", NULL);
  if (g_file_set_contents (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL))
    {
      source = g_settings_schema_source_new_from_directory (dir, NULL, TRUE, NULL);
      if (source != NULL)
        schema = g_settings_schema_source_lookup (source, APP_ID, FALSE);
    }
  g_unlink (path);
  g_rmdir (dir);
  return schema;
}

GSettings *
qg_settings_new (void)
{
  static GSettingsSchema *schema;
  static GSettingsBackend *memory;
  GSettingsSchemaSource *installed = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) found = NULL;

  if (installed != NULL)
    found = g_settings_schema_source_lookup (installed, APP_ID, TRUE);
  if (found != NULL)
    return g_settings_new_full (found, NULL, NULL);

  if (memory == NULL)
    {
      schema = bundled_schema ();
      g_assert (schema != NULL);
      memory = g_memory_settings_backend_new ();
      g_warning ("The settings schema %s is not installed: settings are kept in memory "
                 "until Quotegraph quits (install it, or set GSETTINGS_SCHEMA_DIR)", APP_ID);
    }
  return g_settings_new_full (schema, memory, NULL);
}
