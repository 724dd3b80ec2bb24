/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-export"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-aif.h"
#include "qg-export.h"
#include "qg-file.h"
#include "qg-graph.h"
#include "qg-xml.h"

G_DEFINE_QUARK (qg-export-error-quark, qg_export_error)

QgExportFormat
qg_export_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  /* Only the double extension: any other .json is a Quotegraph map. */
  if (g_str_has_suffix (lower, ".aif.json"))
    return QG_EXPORT_AIF;
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

/* The extension a file of @format is given when its name has none. */
const char *
qg_export_extension (QgExportFormat format)
{
  switch (format)
    {
    case QG_EXPORT_PNG:
      return ".png";
    case QG_EXPORT_PDF:
      return ".pdf";
    case QG_EXPORT_DOT:
      return ".gv";
    case QG_EXPORT_AIF:
      return ".aif.json";
    case QG_EXPORT_SVG:
    case QG_EXPORT_UNKNOWN:
    default:
      return ".svg";
    }
}

const char *
qg_export_supported (void)
{
  return ".svg, .png, .pdf, .gv, .dot, .aif.json";
}

/* Graphviz titles a node's group with its id and an edge's with
 * "source->target"; a browser shows that title over an edge's label, which
 * Graphviz leaves outside the link carrying the tooltip. Each group's
 * title becomes its tooltip, so that hovering any part of a node or an
 * edge shows its quotes. (Graphviz's own labeltooltip would do it for the
 * label, but makes sfdp's label placement vary from run to run in 2.42.)
 * The tooltip is copied as written, already escaped for XML. */
static void
append_with_tooltip_titles (GString    *out,
                            const char *svg,
                            const char *end)
{
  static const char title_open[] = "<title>";
  static const char title_close[] = "</title>";
  static const char link_group[] = "\n<g id=\"a_";
  static const char link[] = "<a xlink:title=\"";
  const char *p = svg;

  for (;;)
    {
      const char *open = g_strstr_len (p, end - p, title_open);
      const char *close = open ? g_strstr_len (open, end - open, title_close) : NULL;
      const char *after = close ? close + strlen (title_close) : NULL;
      const char *line_end, *group_end, *a, *tooltip, *tooltip_end;

      if (close == NULL)
        break;
      /* The link follows on the next line: <g id="a_ID"><a xlink:title="…"> */
      line_end = (gsize) (end - after) > strlen (link_group)
                 && memcmp (after, link_group, strlen (link_group)) == 0
                   ? memchr (after + 1, '\n', end - (after + 1)) : NULL;
      group_end = line_end ? memchr (after + 1, '>', line_end - (after + 1)) : NULL;
      a = group_end ? g_strstr_len (group_end, line_end - group_end, link) : NULL;
      if (a == NULL)
        {
          g_string_append_len (out, p, after - p);
          p = after;
          continue;
        }
      tooltip = a + strlen (link);
      tooltip_end = memchr (tooltip, '"', line_end - tooltip);

      /* The legend's tooltip is a blank: its title stays. */
      if (tooltip_end != NULL && tooltip_end - tooltip > 1)
        {
          g_string_append_len (out, p, open + strlen (title_open) - p);
          g_string_append_len (out, tooltip, tooltip_end - tooltip);
          g_string_append (out, title_close);
        }
      else
        g_string_append_len (out, p, after - p);
      /* The link's group, which Graphviz names "a_" + the id, loses its
       * name: an entity called "a_dhs" must be the only one of that name. */
      g_string_append (out, "\n<g>");
      p = group_end + 1;
    }
  g_string_append_len (out, p, end - p);
}

/* The span of the attribute @name="…" in [@start, @end), from the space
 * before it to its closing quote. */
static gboolean
find_attribute (const char  *start,
                const char  *end,
                const char  *name,
                const char **attr_start,
                const char **attr_end)
{
  g_autofree char *needle = g_strdup_printf (" %s=\"", name);
  const char *at = g_strstr_len (start, end - start, needle);
  const char *value = at ? at + strlen (needle) : NULL;
  const char *close = value ? memchr (value, '"', end - value) : NULL;

  if (close == NULL)
    return FALSE;
  *attr_start = at;
  *attr_end = close + 1;
  return TRUE;
}

/* Graphviz sizes the root in points, which a browser shows as a fixed
 * picture, its top-left corner with scroll bars. The root's width becomes
 * its container's and its height is left out, so that it follows from the
 * viewBox, which keeps Graphviz's geometry exactly: the whole map scales to
 * its place. (librsvg, given no absolute size, draws the viewBox at one
 * pixel per unit.) Without a viewBox, the size is all there is: kept. */
static void
append_scalable_root (GString    *out,
                      const char *root,
                      const char *end)
{
  const char *view_box, *view_box_end, *width, *width_end, *height, *height_end;

  if (!find_attribute (root, end, "viewBox", &view_box, &view_box_end)
      || !find_attribute (root, end, "width", &width, &width_end)
      || !find_attribute (root, end, "height", &height, &height_end))
    {
      g_string_append_len (out, root, end - root);
      return;
    }
  if (width < height)
    {
      g_string_append_len (out, root, width - root);
      g_string_append (out, " width=\"100%\"");
      g_string_append_len (out, width_end, height - width_end);
      g_string_append_len (out, height_end, end - height_end);
    }
  else
    {
      g_string_append_len (out, root, height - root);
      g_string_append_len (out, height_end, width - height_end);
      g_string_append (out, " width=\"100%\"");
      g_string_append_len (out, width_end, end - width_end);
    }
}

char *
qg_export_finish_svg (QgDocument *document,
                      guint       n_entities,
                      guint       n_relations,
                      const char *svg,
                      gsize       length)
{
  /* The document's words, in characters XML allows. */
  g_autofree char *safe_title = qg_xml_safe (qg_document_get_title (document));
  g_autofree char *source = qg_document_get_source (document)
                              ? qg_xml_safe (qg_document_get_source (document)) : NULL;
  const char *published = qg_document_get_published (document);
  const char *open = g_strstr_len (svg, length, "<svg");
  const char *end = open ? memchr (open, '>', length - (open - svg)) : NULL;
  g_autofree char *title = g_markup_escape_text (safe_title, -1);
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
                           safe_title,
                           source || published ? " (" : "", source ? source : "",
                           source && published ? ", " : "", published ? published : "",
                           source || published ? ")" : "",
                           n_entities, n_relations);
  desc = g_markup_escape_text (about, -1);

  out = g_string_sized_new (length + 512);
  g_string_append_len (out, svg, open - svg);
  append_scalable_root (out, open, end + 1);
  g_string_append_printf (out, "\n<title>%s</title>\n<desc>%s</desc>", title, desc);
  append_with_tooltip_titles (out, end + 1, svg + length);
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
    .without_drafts = options ? options->without_drafts : FALSE,
    .dpi = format == QG_EXPORT_PNG ? (options && options->dpi > 0 ? options->dpi
                                                                   : QG_EXPORT_DEFAULT_DPI) : 0,
  };
  GCancellable *cancellable = options ? options->cancellable : NULL;
  g_autoptr(QgGraph) graph = NULL;

  /* AIF is the map itself, not a drawing of it. */
  if (format == QG_EXPORT_AIF)
    {
      gsize length;
      char *aif = qg_aif_write_full (document, graph_options.without_drafts, &length);

      return g_bytes_new_take (aif, length);
    }

  graph = qg_graph_new_full (document, &graph_options, error);
  if (graph == NULL)
    return NULL;

  /* DOT is the styled graph before layout, for people who lay it out again. */
  if (format == QG_EXPORT_DOT)
    return qg_graph_to_dot (graph);

  switch (format)
    {
    case QG_EXPORT_SVG:
      {
        g_autoptr(GBytes) svg = qg_graph_run (graph, "svg", cancellable, error);
        g_autoptr(GError) not_xml = NULL;
        gsize length;
        const char *data;
        g_autofree char *finished = NULL;

        if (svg == NULL)
          return NULL;
        data = g_bytes_get_data (svg, &length);
        finished = qg_export_finish_svg (document, qg_graph_get_n_entities (graph),
                                         qg_graph_get_n_relations (graph), data, length);
        length = strlen (finished);
        /* Nothing that a reader of XML would refuse is written: the
         * document's strings are made safe, this catches what slipped
         * through Graphviz or the finishing. */
        if (!qg_xml_check (finished, length, &not_xml))
          {
            g_set_error (error, QG_EXPORT_ERROR, QG_EXPORT_ERROR_NOT_XML,
                         _("the SVG would not be well-formed XML, and was not written: %s"),
                         not_xml->message);
            return NULL;
          }
        return g_bytes_new_take (g_steal_pointer (&finished), length);
      }
    case QG_EXPORT_PNG:
      return qg_graph_run (graph, "png", cancellable, error);
    case QG_EXPORT_PDF:
      return qg_graph_run (graph, "pdf", cancellable, error);
    case QG_EXPORT_DOT:
    case QG_EXPORT_AIF:
    case QG_EXPORT_UNKNOWN:
    default:
      g_assert_not_reached ();
    }
}

/* Writes whole or not at all (qg-file.c says how), and says why not about
 * the file asked for. */
gboolean
qg_export_to_file (QgDocument             *document,
                   const QgExportOptions  *options,
                   QgExportFormat          format,
                   const char             *path,
                   GError                **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;

  g_return_val_if_fail (QG_IS_DOCUMENT (document), FALSE);
  g_return_val_if_fail (format != QG_EXPORT_UNKNOWN, FALSE);

  display = g_filename_display_name (path);
  bytes = export_bytes (document, options, format, &local_error);
  /* Cancelled once the map was made: still nothing is written. */
  if (bytes != NULL && options != NULL
      && g_cancellable_set_error_if_cancelled (options->cancellable, &local_error))
    g_clear_pointer (&bytes, g_bytes_unref);
  if (bytes == NULL)
    {
      /* A map that could not be made names the file it was to be. */
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", display);
      return FALSE;
    }

  return qg_export_write (bytes, path, error);
}

gboolean
qg_export_write (GBytes      *bytes,
                 const char  *path,
                 GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = g_filename_display_name (path);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!qg_file_replace_contents (path, data, length, &local_error))
    {
      /* Translators: "FILE: could not write the map: REASON" */
      g_set_error (error, local_error->domain, local_error->code,
                   _("%s: could not write the map: %s"), display, local_error->message);
      return FALSE;
    }
  return TRUE;
}
