/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the benchmarks that draw share: an application with Quotegraph's
 * resource path, so that it loads the style and the map's colours. */

#include <adwaita.h>

#include "qg-ui-resources.h"

static inline AdwApplication *
bench_app_new (const char *id,
               const char *program)
{
  g_autoptr(GError) error = NULL;
  AdwApplication *app;

  g_assert (qg_ui_get_resource () != NULL);
  app = adw_application_new (id, G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), "/io/github/quotegraph/Quotegraph");
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    {
      g_printerr ("%s: %s\n", program, error->message);
      exit (1);
    }
  return app;
}
