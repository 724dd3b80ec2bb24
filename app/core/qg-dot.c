/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-dot"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-document-private.h"
#include "qg-dot.h"

/* The line of @at, counted as cgraph counts: one per newline before it. */
static guint
line_of (const char *data,
         const char *at)
{
  guint line = 1;

  for (const char *p = data; p < at; p++)
    line += *p == '\n';
  return line;
}

QgGraph *
qg_dot_load_from_data (const char  *data,
                       gsize        length,
                       const char  *display_name,
                       const char  *engine,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *text = NULL;
  const char *nul;
  QgGraph *graph;
  guint line = 0;

  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (display_name != NULL, NULL);

  /* cgraph reads text up to a NUL: what follows one would be dropped
   * without a word. */
  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX,
                   _("%s:%u: error: a NUL byte, which DOT text cannot hold"), display_name,
                   line_of (data, nul));
      return NULL;
    }

  text = g_strndup (data, length);
  graph = qg_graph_new_from_dot (text, engine, &line, &local_error);
  if (graph != NULL)
    return graph;
  if (g_error_matches (local_error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_SYNTAX))
    {
      if (line > 0)
        /* Translators: "FILE:LINE: error: what cgraph said" */
        g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX, _("%s:%u: error: %s"),
                     display_name, line, local_error->message);
      else
        g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_SYNTAX, _("%s: error: %s"),
                     display_name, local_error->message);
      return NULL;
    }
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display_name);
  return NULL;
}

QgGraph *
qg_dot_load (GFile         *file,
             const char    *display_name,
             const char    *engine,
             GCancellable  *cancellable,
             GError       **error)
{
  g_autofree char *contents = NULL;
  g_autofree char *shown = NULL;
  gsize length = 0;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  if (display_name == NULL)
    display_name = shown = g_file_get_parse_name (file);
  if (!qg_document_read_file (file, display_name, cancellable, &contents, &length, error))
    return NULL;
  return qg_dot_load_from_data (contents, length, display_name, engine, error);
}

gboolean
qg_dot_export_to_file (QgGraph         *graph,
                       const char      *display_name,
                       QgExportFormat   format,
                       const char      *path,
                       GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  const char *renderer;

  g_return_val_if_fail (graph != NULL, FALSE);
  g_return_val_if_fail (format == QG_EXPORT_SVG || format == QG_EXPORT_PNG
                        || format == QG_EXPORT_PDF, FALSE);

  renderer = format == QG_EXPORT_SVG ? "svg" : format == QG_EXPORT_PNG ? "png" : "pdf";
  if ((bytes = qg_graph_run (graph, renderer, NULL, &local_error)) == NULL)
    {
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display_name);
      return FALSE;
    }

  return qg_export_write (bytes, path, error);
}
