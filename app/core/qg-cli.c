/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-cli"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "qg-aif.h"
#include "qg-article-draft.h"
#include "qg-cli.h"
#include "qg-timings.h"
#include "qg-data-resources.h"
#include "qg-document.h"
#include "qg-dot.h"
#include "qg-drafter.h"
#include "qg-export.h"
#include "qg-file.h"
#include "qg-graph.h"
#include "qg-sniff.h"

#define BUNDLED_URI "resource:///io/github/quotegraph/Quotegraph/kaspersky/kaspersky-us-ban.json"

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

/* An AIF map is read whole and said to be valid, or its errors listed. */
static int
check_aif (GFile      *file,
           const char *display)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = qg_aif_graph_load (file, display, NULL, &error);
  guint schemes = 0;

  if (graph == NULL)
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  for (guint i = 0; i < graph->n_nodes; i++)
    schemes += qg_aif_node_type_is_scheme (graph->nodes[i].type);
  /* Translators: I, L and S are AIF's names of its kinds of node. */
  printf (_("%s: valid AIF: nodes %u (I %u, L %u, S %u), edges %u, participants %u\n"), display,
          graph->n_nodes, qg_aif_graph_count_type (graph, QG_AIF_NODE_I),
          qg_aif_graph_count_type (graph, QG_AIF_NODE_L), schemes, graph->n_edges,
          graph->n_participants);
  return QG_EXIT_OK;
}

/* What the file at @path (not the bundled map) is when it is not a
 * document: QG_SNIFF_ERROR_DOT or _AIF, told by its content as the window
 * tells it; else -1. */
static int
foreign_kind (GFile      *file,
              const char *display)
{
  g_autoptr(GError) sniff_error = NULL;

  if (qg_sniff_file (file, display, NULL, &sniff_error) == QG_FILE_KIND_UNKNOWN
      && sniff_error->domain == QG_SNIFF_ERROR
      && (sniff_error->code == QG_SNIFF_ERROR_DOT || sniff_error->code == QG_SNIFF_ERROR_AIF))
    return sniff_error->code;
  return -1;
}

/* A DOT file is read by cgraph, as `dot` reads it, and counted. */
static int
check_dot (GFile      *file,
           const char *display)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = qg_dot_load (file, display, NULL, NULL, &error);

  if (graph == NULL)
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  printf (_("%s: valid DOT: %u nodes, %u edges, %u clusters\n"), display,
          qg_graph_get_n_entities (graph), qg_graph_get_n_relations (graph),
          qg_graph_get_n_clusters (graph));
  return QG_EXIT_OK;
}

/* Drawn by Graphviz as `dot -Tsvg` draws it: nothing of a map's is added. */
static int
export_dot (GFile          *file,
            const char     *display,
            const char     *engine,
            QgExportFormat  format,
            const char     *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = NULL;

  if (format != QG_EXPORT_SVG && format != QG_EXPORT_PNG && format != QG_EXPORT_PDF)
    {
      fprintf (stderr, _("quotegraph: %s: a DOT graph is exported as SVG, PNG or PDF\n"), output);
      return QG_EXIT_USAGE;
    }
  graph = qg_dot_load (file, display, engine, NULL, &error);
  if (graph == NULL || !qg_dot_export_to_file (graph, display, format, output, &error))
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  return QG_EXIT_OK;
}

/* @bytes written to @output whole, or the error said. */
static int
write_output (GBytes     *bytes,
              const char *output)
{
  g_autoptr(GError) error = NULL;

  if (qg_export_write (bytes, output, &error))
    return QG_EXIT_OK;
  print_error (error->message);
  return QG_EXIT_INVALID;
}

/* An AIF map drawn as the window draws it (qg_aif_graph_to_dot), or its
 * DOT itself, or the AIF again, normalised. */
static int
export_aif (GFile          *file,
            const char     *display,
            const char     *engine,
            QgExportFormat  format,
            const char     *output)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) aif = qg_aif_graph_load (file, display, NULL, &error);
  g_autoptr(QgGraph) graph = NULL;
  g_autofree char *dot = NULL;

  if (aif == NULL)
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  if (format == QG_EXPORT_AIF)
    {
      gsize length;
      char *json = qg_aif_graph_write (aif, &length);
      g_autoptr(GBytes) bytes = g_bytes_new_take (json, length);

      return write_output (bytes, output);
    }
  dot = qg_aif_graph_to_dot (aif);
  if (format == QG_EXPORT_DOT)
    {
      gsize length = strlen (dot);
      g_autoptr(GBytes) bytes = g_bytes_new_take (g_steal_pointer (&dot), length);

      return write_output (bytes, output);
    }
  /* The DOT is ours and cgraph reads it; what could still fail (Graphviz
   * itself) is said of the AIF file. */
  graph = qg_graph_new_from_dot (dot, engine, NULL, &error);
  if (graph == NULL)
    g_prefix_error (&error, "%s: ", display);
  if (graph == NULL || !qg_dot_export_to_file (graph, display, format, output, &error))
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  return QG_EXIT_OK;
}

int
qg_cli_check (const char *path)
{
  /* Freeing a large document's tree costs a tenth of --check, and the
   * process ends right after: it is kept, reachable, until then. */
  static QgDocument *kept;
  QgDocument *doc;
  g_autofree char *display = qg_cli_display_name (path);

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autoptr(GError) sniff_error = NULL;

      /* What the file is, as the window tells it: AIF has a reader of
       * its own. */
      if (qg_sniff_file (file, display, NULL, &sniff_error) == QG_FILE_KIND_UNKNOWN
          && g_error_matches (sniff_error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_AIF))
        return check_aif (file, display);
      if (g_error_matches (sniff_error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_DOT))
        return check_dot (file, display);
    }
  doc = load (path);

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
  gint64 start = qg_timings_now ();

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

  if (path != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
      g_autofree char *display = qg_cli_display_name (path);

      switch (foreign_kind (file, display))
        {
        case QG_SNIFF_ERROR_DOT:
          return export_dot (file, display, engine, format, output);
        case QG_SNIFF_ERROR_AIF:
          return export_aif (file, display, engine, format, output);
        default:
          break;
        }
    }

  doc = load (path);
  if (doc == NULL)
    return QG_EXIT_INVALID;
  qg_timings_phase ("load", start);

  if (!qg_export_to_file (doc, &(QgExportOptions) { .engine = engine, .dpi = dpi,
                                                    .without_drafts = without_drafts },
                          format, output, &error))
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  qg_timings_phase ("export", start);
  return QG_EXIT_OK;
}

/* The longest first line of a text article taken for its title: a longer
 * one is the article's first paragraph, not a headline. */
#define TITLE_MAX_CHARS 200

/* A title for an article that gives none (a text; a page without one): a
 * text's first line, as the bundled article and most saved articles have
 * their headline, else the file's name without its extension. */
static char *
draft_title (const QgArticleDraft *article,
             const char           *path)
{
  g_autofree char *given = g_strstrip (g_strdup (article->title ? article->title : ""));
  g_autofree char *name = NULL;
  char *dot;

  if (*given != '\0')
    return g_steal_pointer (&given);
  if (article->kind == QG_ARTICLE_KIND_TEXT)
    {
      const char *start = article->text;
      g_autofree char *line = NULL;

      while (g_ascii_isspace (*start))
        start++;
      line = g_strstrip (g_strndup (start, strcspn (start, "\r\n")));
      if (*line != '\0' && g_utf8_strlen (line, -1) <= TITLE_MAX_CHARS)
        return g_steal_pointer (&line);
    }
  name = g_filename_display_basename (path);
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';
  return g_steal_pointer (&name);
}

/* A write to standard output that fails (a full disk, a closed pipe) is
 * said, as a failed write to a file is. */
static gboolean
write_stdout (const char *data,
              gsize       length)
{
  if (fwrite (data, 1, length, stdout) == length && fflush (stdout) == 0)
    return TRUE;
  fprintf (stderr, _("quotegraph: could not write the map to standard output: %s\n"),
           g_strerror (errno));
  return FALSE;
}

int
qg_cli_draft (const char *path,
              const char *output)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFile) out_file = output ? g_file_new_for_commandline_arg (output) : NULL;
  g_autoptr(QgArticleDraft) article = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  g_autofree char *json = NULL;
  gsize length;

  /* The errors name the file as typed, and say where a byte is not UTF-8. */
  article = qg_article_draft_read_file (file, path, NULL, &error);
  if (article == NULL)
    {
      print_error (error->message);
      return QG_EXIT_INVALID;
    }
  title = draft_title (article, path);
  doc = qg_drafter_draft (article->text, article->length, title, article->source,
                          article->published, NULL, &error);
  if (doc == NULL)
    {
      /* Translators: "ARTICLE: could not draft a map: REASON" */
      fprintf (stderr, _("%s: could not draft a map: %s\n"), path, error->message);
      return QG_EXIT_INVALID;
    }

  /* The draft has no file of its own yet: its text is written inline. */
  json = qg_document_to_json (doc, out_file, &length);
  if (output == NULL)
    return write_stdout (json, length) ? QG_EXIT_OK : QG_EXIT_INVALID;
  if (!qg_file_replace_contents (output, json, length, &error))
    {
      /* Translators: "FILE: could not write the map: REASON" */
      fprintf (stderr, _("%s: could not write the map: %s\n"), output, error->message);
      return QG_EXIT_INVALID;
    }
  return QG_EXIT_OK;
}
