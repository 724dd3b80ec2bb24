/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-cli"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "qg-cli.h"
#include "qg-data-resources.h"
#include "qg-document.h"
#include "qg-export.h"
#include "qg-graph.h"

#define BUNDLED_URI "resource:///org/quotegraph/Quotegraph/kaspersky/kaspersky-us-ban.json"

GFile *
qg_bundled_document (void)
{
  /* Referencing the resource keeps it linked in from the static library. */
  g_assert (qg_data_get_resource () != NULL);
  return g_file_new_for_uri (BUNDLED_URI);
}

/* Errors name the file as the person typed it. */
char *
qg_cli_display_name (const char *path)
{
  if (path == NULL)
    return g_strdup ("kaspersky-us-ban.json");
  return g_strdup (path);
}

/* Messages quote the document, which is UTF-8: they are written as they
 * are, not converted to the terminal's character set, which may lose them. */
static void
print_error (const char *message)
{
  fputs (message, stderr);
  fputc ('\n', stderr);
}

static QgDocument *
load (const char *path)
{
  g_autoptr(GFile) file = path ? g_file_new_for_commandline_arg (path) : qg_bundled_document ();
  g_autofree char *display = qg_cli_display_name (path);
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load (file, display, NULL, &error);

  if (doc == NULL)
    print_error (error->message);
  return doc;
}

int
qg_cli_check (const char *path)
{
  /* Freeing a large document's tree costs a tenth of --check, and the
   * process ends right after: it is kept, reachable, until then. */
  static QgDocument *kept;
  QgDocument *doc = load (path);
  g_autofree char *display = qg_cli_display_name (path);

  if (doc == NULL)
    return QG_EXIT_INVALID;
  g_clear_object (&kept);
  kept = doc;

  /* Raw UTF-8, like the errors: the name is the file's as typed. */
  printf (_("%s: valid: %u entities, %u quotes, %u relations; every quote found in the "
            "article\n"), display, qg_document_get_n_entities (doc),
          qg_document_get_n_quotes (doc), qg_document_get_n_relations (doc));
  return QG_EXIT_OK;
}

int
qg_cli_export (const char *output,
               const char *engine,
               int         dpi,
               gboolean    without_drafts,
               const char *path)
{
  QgExportFormat format = qg_export_format_for_path (output);
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;

  if (format == QG_EXPORT_UNKNOWN)
    {
      fprintf (stderr, _("quotegraph: %s: unknown export format (use one of %s)\n"), output,
               qg_export_supported ());
      return QG_EXIT_USAGE;
    }
  if (engine != NULL && !qg_graph_engine_is_valid (engine))
    {
      g_autofree char *known = g_strjoinv (", ", (char **) qg_graph_engines ());
      fprintf (stderr, _("quotegraph: unknown layout engine \"%s\" (use one of %s)\n"), engine,
               known);
      return QG_EXIT_USAGE;
    }

  doc = load (path);
  if (doc == NULL)
    return QG_EXIT_INVALID;

  if (!qg_export_to_file (doc, &(QgExportOptions) { .engine = engine, .dpi = dpi,
                                                    .without_drafts = without_drafts },
                          format, output, &error))
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  return QG_EXIT_OK;
}
