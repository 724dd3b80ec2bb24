/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "qg-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(QgApplication) app = NULL;
  /* The build tree's translations (_build/po), for a program not
   * installed: build-aux/run.sh and the tests point here. */
  const char *locale_dir = g_getenv ("QUOTEGRAPH_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, locale_dir != NULL && *locale_dir ? locale_dir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = qg_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
