/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

char *
qg_export_finish_svg (QgDocument *document,
                      const char *svg,
                      gsize       length)
{
  const char *source = qg_document_get_source (document);
  const char *published = qg_document_get_published (document);
  const char *open = g_strstr_len (svg, length, "<svg");
  const char *end = open ? memchr (open, '>', length - (open - svg)) : NULL;
  g_autofree char *title = g_markup_escape_text (qg_document_get_title (document), -1);
  g_autofree char *about = NULL;
  g_autofree char *desc = NULL;
  g_autoptr(GString) out = NULL;

  if (end == NULL)
    return g_strndup (svg, length);

  /* Translators: the description of an exported map: "Map of “Title”
   * (Source, 2017-09-13): 28 entities and 42 relations." */
  about = g_strdup_printf (_("Map of “%s”%s%s%s%s%s: %u entities and %u relations, each backed by "
                             "quotes from the article. Hover a node or an edge to read them. "
                             "Made with Quotegraph."),
                           qg_document_get_title (document),
                           source || published ? " (" : "", source ? source : "",
                           source && published ? ", " : "", published ? published : "",
                           source || published ? ")" : "",
                           qg_document_get_n_entities (document),
                           qg_document_get_n_relations (document));
  desc = g_markup_escape_text (about, -1);

  out = g_string_sized_new (length + 512);
  g_string_append_len (out, svg, end + 1 - svg);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  g_string_append_len (out, end + 1, length - (end + 1 - svg));
  /* Graphviz calls every node "node": the legend is not one. */
  g_string_replace (out, "class=\"node legend\"", "class=\"legend\"", 0);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

static GBytes *
export_bytes (QgDocument             *document,
              const QgExportOptions  *options,
              QgExportFormat          format,
              GError                **error)
{
  QgGraphOptions graph_options = {
    .engine = options ? options->engine : NULL,
    .legend = TRUE,
    .hidden_entities = options ? options->hidden_entities : NULL,
    .hidden_relations = options ? options->hidden_relations : NULL,
    .dpi = format == QG_EXPORT_PNG ? (options && options->dpi > 0 ? options->dpi
                                                                   : QG_EXPORT_DEFAULT_DPI) : 0,
  };
  g_autoptr(QgGraph) graph = qg_graph_new_full (document, &graph_options, error);

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
      {
        g_autoptr(GBytes) svg = qg_graph_render (graph, "svg", error);
        gsize length;
        const char *data;
        char *finished;

        if (svg == NULL)
          return NULL;
        data = g_bytes_get_data (svg, &length);
        finished = qg_export_finish_svg (document, data, length);
        return g_bytes_new_take (finished, strlen (finished));
      }
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
qg_export_to_file (QgDocument             *document,
                   const QgExportOptions  *options,
                   QgExportFormat          format,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;
  const char *data;

  g_return_val_if_fail (QG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (format != QG_EXPORT_UNKNOWN, FALSE);

  bytes = export_bytes (document, options, format, error);
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
