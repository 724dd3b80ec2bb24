/* SPDX-License-Identifier: GPL-3.0-or-later */
/* quotegraph-layout ENGINE FORMAT < graph.gv > out
 *
 * Lays out the DOT text on its input with ENGINE and writes it drawn as
 * FORMAT ("svg", "png", "pdf"), or the layout's places ("places",
 * qg-graph-places.c), on its output. On failure, it says why on its
 * error output, on one line, and exits with 1. Quotegraph runs it for
 * every layout (core/qg-graph-worker.c), so that a crash in Graphviz
 * ends this process and nothing else. */

#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <unistd.h>

#include "qg-graph.h"
#include "qg-thread.h"

static void
fail (const char *message)
{
  fprintf (stderr, "%s\n", message);
  fflush (stderr);
  _exit (1);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  QgGraph *graph;
  GBytes *bytes;
  const char *data;
  gsize length;
  char buffer[65536];
  size_t got;

  setlocale (LC_ALL, "");
  /* The window it lays out for draws first. */
  qg_thread_give_way ();
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc != 3)
    fail ("usage: quotegraph-layout ENGINE FORMAT < graph.gv");
  while ((got = fread (buffer, 1, sizeof buffer, stdin)) > 0)
    g_string_append_len (text, buffer, got);
  if (ferror (stdin))
    fail (g_strerror (errno));

  graph = qg_graph_new_from_dot (text->str, argv[1], NULL, &error);
  if (graph == NULL || !qg_graph_layout (graph, &error))
    fail (error->message);
  bytes = g_str_equal (argv[2], "places") ? qg_graph_write_places (graph)
                                          : qg_graph_render (graph, argv[2], &error);
  if (bytes == NULL)
    fail (error->message);
  data = g_bytes_get_data (bytes, &length);
  if (fwrite (data, 1, length, stdout) != length || fflush (stdout) != 0)
    fail (g_strerror (errno));
  /* The graph is not freed, nor anything else: the process ends here,
   * as `dot` does. Freeing a layout is where Graphviz 2.42 frees memory
   * twice on some graphs, and _exit spares the leak checker's report of
   * what a process that ends does not free. */
  _exit (0);
}
