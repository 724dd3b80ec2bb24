/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-export"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-export.h"
#include "qg-graph.h"

QgExportFormat
qg_export_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".svg"))
    return QG_EXPORT_SVG;
  if (g_str_has_suffix (lower, ".png"))
    return QG_EXPORT_PNG;
  if (g_str_has_suffix (lower, ".pdf"))
    return QG_EXPORT_PDF;
  if (g_str_has_suffix (lower, ".gv") || g_str_has_suffix (lower, ".dot"))
    return QG_EXPORT_DOT;
  return QG_EXPORT_UNKNOWN;
}

const char *
qg_export_supported (void)
{
  return ".svg, .png, .pdf, .gv, .dot";
}

static GBytes *
export_bytes (QgDocument      *document,
              const char      *engine,
              QgExportFormat   format,
              GError         **error)
{
  g_autoptr(QgGraph) graph = qg_graph_new (document, engine, error);

  if (graph == NULL)
    return NULL;

  /* DOT is the styled graph before layout, for people who lay it out again. */
  if (format == QG_EXPORT_DOT)
    return qg_graph_to_dot (graph);

  if (!qg_graph_layout (graph, error))
    return NULL;

  switch (format)
    {
    case QG_EXPORT_SVG:
      return qg_graph_render (graph, "svg", error);
    case QG_EXPORT_PNG:
      return qg_graph_render (graph, "png", error);
    case QG_EXPORT_PDF:
      return qg_graph_render (graph, "pdf", error);
    case QG_EXPORT_DOT:
    case QG_EXPORT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* Writes through a temporary file renamed into place, so that a failure
 * never leaves a partial file behind. */
gboolean
qg_export_to_file (QgDocument      *document,
                   const char      *engine,
                   QgExportFormat   format,
                   const char      *path,
                   GError         **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (QG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (format != QG_EXPORT_UNKNOWN, FALSE);

  bytes = export_bytes (document, engine, format, error);
  if (bytes == NULL)
    return FALSE;

  data = g_bytes_get_data (bytes, &length);
  if (!g_file_set_contents_full (path, data, length, G_FILE_SET_CONTENTS_CONSISTENT, 0666,
                                 &local_error))
    {
      g_set_error (error, local_error->domain, local_error->code, "%s: %s", path,
                   local_error->message);
      return FALSE;
    }
  return TRUE;
}
