/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Graphviz in a process of its own (qg-graph-worker.c), and the layout
 * cache (qg-layout-cache.c). */
#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utime.h>
#include <string.h>

#include "qg-document.h"
#include "qg-dot.h"
#include "qg-export.h"
#include "qg-graph.h"
#include "qg-layout-cache.h"
#include "qg-test-utils.h"

/* ------------------------------------------------------------------------ */
/* Helpers                                                                   */

static char *
worker_script (const char *name)
{
  return g_test_build_filename (G_TEST_DIST, "data", "workers", name, NULL);
}

/* Two layouts are the same when every op and every point is. */
static void
assert_same_layout (QgLayout *a,
                    QgLayout *b)
{
  guint n_points = 0;

  g_assert_cmpfloat (qg_layout_get_width (a), ==, qg_layout_get_width (b));
  g_assert_cmpfloat (qg_layout_get_height (a), ==, qg_layout_get_height (b));
  g_assert_cmpuint (qg_layout_get_n_nodes (a), ==, qg_layout_get_n_nodes (b));
  g_assert_cmpuint (qg_layout_get_n_edges (a), ==, qg_layout_get_n_edges (b));
  g_assert_cmpuint (qg_layout_get_n_clusters (a), ==, qg_layout_get_n_clusters (b));
  g_assert_cmpuint (qg_layout_get_n_ops (a), ==, qg_layout_get_n_ops (b));
  for (guint i = 0; i < qg_layout_get_n_nodes (a); i++)
    g_assert_cmpmem (qg_layout_get_node (a, i), sizeof (QgItem),
                     qg_layout_get_node (b, i), sizeof (QgItem));
  for (guint i = 0; i < qg_layout_get_n_edges (a); i++)
    g_assert_cmpmem (qg_layout_get_edge (a, i), sizeof (QgItem),
                     qg_layout_get_edge (b, i), sizeof (QgItem));
  for (guint i = 0; i < qg_layout_get_n_ops (a); i++)
    {
      const QgOp *x = qg_layout_get_op (a, i), *y = qg_layout_get_op (b, i);

      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpuint (x->filled, ==, y->filled);
      g_assert_cmpuint (x->dashed, ==, y->dashed);
      g_assert_cmpuint (x->dotted, ==, y->dotted);
      g_assert_cmpuint (x->align, ==, y->align);
      g_assert_cmpuint (x->italic, ==, y->italic);
      g_assert_cmpuint (x->styled, ==, y->styled);
      g_assert_cmpuint (x->bold, ==, y->bold);
      g_assert_cmpuint (x->underline, ==, y->underline);
      g_assert_cmpuint (x->strike, ==, y->strike);
      g_assert_cmpfloat (x->pen_width, ==, y->pen_width);
      g_assert_cmpfloat (x->x, ==, y->x);
      g_assert_cmpfloat (x->y, ==, y->y);
      g_assert_cmpfloat (x->w, ==, y->w);
      g_assert_cmpfloat (x->h, ==, y->h);
      g_assert_cmpuint (x->first, ==, y->first);
      g_assert_cmpuint (x->n_points, ==, y->n_points);
      g_assert_cmpuint (x->stroke, ==, y->stroke);
      g_assert_cmpuint (x->fill, ==, y->fill);
      g_assert_cmpstr (x->text, ==, y->text);
      g_assert_cmpstr (x->font, ==, y->font);
      n_points = MAX (n_points, x->first + x->n_points);
    }
  g_assert_cmpmem (qg_layout_get_points (a), n_points * 2 * sizeof (double),
                   qg_layout_get_points (b), n_points * 2 * sizeof (double));
}

/* The layout made in this process, as before there was a worker. */
static QgLayout *
layout_here (QgDocument *doc,
             const char *engine)
{
  g_autoptr(QgGraph) graph = qg_graph_new (doc, engine, NULL);
  g_autoptr(GError) error = NULL;

  g_assert_true (qg_graph_layout (graph, &error));
  g_assert_no_error (error);
  return qg_graph_get_layout (graph, doc);
}

static QgLayout *
layout_by_worker (QgDocument *doc,
                  const char *engine)
{
  g_autoptr(QgGraph) graph = qg_graph_new (doc, engine, NULL);
  g_autoptr(GError) error = NULL;
  QgLayout *layout = qg_graph_run_layout (graph, doc, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (layout);
  return layout;
}

static guint
count_entries (void)
{
  g_autofree char *path = qg_layout_cache_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n = 0;

  while (dir != NULL && g_dir_read_name (dir) != NULL)
    n++;
  return n;
}

static void
empty_cache (void)
{
  g_autofree char *path = qg_layout_cache_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *entry = g_build_filename (path, name, NULL);

      g_assert_cmpint (g_unlink (entry), ==, 0);
    }
}

/* The one entry in the cache: its path. */
static char *
only_entry (void)
{
  g_autofree char *path = qg_layout_cache_dir ();
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  g_assert_cmpuint (count_entries (), ==, 1);
  g_assert_nonnull (dir);
  name = g_dir_read_name (dir);
  return g_build_filename (path, name, NULL);
}

/* ------------------------------------------------------------------------ */
/* The worker                                                                */

/* What the worker answers draws exactly what a layout in this process
 * drew, for every engine. */
static void
test_worker_draws_as_here (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (30, 60);

  qg_layout_cache_set_enabled (FALSE);
  for (const char * const *engine = qg_graph_engines (); *engine; engine++)
    {
      g_autoptr(QgLayout) here = layout_here (doc, *engine);
      g_autoptr(QgLayout) there = layout_by_worker (doc, *engine);

      g_test_message ("%s", *engine);
      assert_same_layout (here, there);
    }
  qg_layout_cache_set_enabled (TRUE);
}

/* The window's graph leaves out the tooltips (QgGraphOptions): for every
 * engine, its layout is the same as the export's graph's, its DOT text
 * holds no tooltip, and it is shorter by them. */
static void
test_tooltips_place_nothing (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (30, 60);

  qg_layout_cache_set_enabled (FALSE);
  for (const char * const *engine = qg_graph_engines (); *engine; engine++)
    {
      QgGraphOptions bare = { .engine = *engine, .without_tooltips = TRUE };
      g_autoptr(QgGraph) full = qg_graph_new (doc, *engine, NULL);
      g_autoptr(QgGraph) graph = qg_graph_new_full (doc, &bare, NULL);
      g_autoptr(GBytes) full_dot = qg_graph_to_dot (full);
      g_autoptr(GBytes) dot = qg_graph_to_dot (graph);
      g_autofree char *text = g_strndup (g_bytes_get_data (dot, NULL), g_bytes_get_size (dot));
      g_autoptr(QgLayout) with = layout_by_worker (doc, *engine);
      g_autoptr(QgLayout) without = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", *engine);
      g_assert_null (strstr (text, "tooltip=\""));
      g_assert_nonnull (g_strstr_len (g_bytes_get_data (full_dot, NULL), g_bytes_get_size (full_dot),
                                      "tooltip=\""));
      g_assert_cmpuint (g_bytes_get_size (dot), <, g_bytes_get_size (full_dot));
      without = qg_graph_run_layout (graph, doc, NULL, &error);
      g_assert_no_error (error);
      assert_same_layout (with, without);
    }
  qg_layout_cache_set_enabled (TRUE);
}

/* A DOT file's drawing too: clusters in their order, records, HTML
 * labels, colours. */
static void
test_worker_draws_dot_files_as_here (void)
{
  static const char * const names[] = { "clusters.gv", "window.gv", "undirected.gv" };

  qg_layout_cache_set_enabled (FALSE);
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "dot", names[i], NULL);
      g_autofree char *text = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDrawing) here = NULL;
      g_autoptr(QgDrawing) there = NULL;

      g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
      {
        g_autoptr(QgGraph) graph = qg_graph_new_from_dot (text, NULL, NULL, &error);

        g_assert_no_error (error);
        g_assert_true (qg_graph_layout (graph, &error));
        here = qg_graph_get_drawing (graph);
      }
      {
        g_autoptr(QgGraph) graph = qg_graph_new_from_dot (text, NULL, NULL, &error);

        there = qg_graph_run_drawing (graph, NULL, &error);
        g_assert_no_error (error);
      }
      g_test_message ("%s", names[i]);
      g_assert_cmpuint (qg_drawing_get_n_clusters (here), ==, qg_drawing_get_n_clusters (there));
      g_assert_cmpuint (qg_drawing_get_n_clusters (here), >=, 1);
      assert_same_layout (qg_drawing_get_layout (here), qg_drawing_get_layout (there));
    }
  qg_layout_cache_set_enabled (TRUE);
}

/* A graph on which Graphviz 2.42's dot frees memory twice when its layout
 * is freed (found by fuzz-dot): the worker, which never frees it, draws
 * it, and this process is unharmed. */
static void
test_graphviz_double_free_contained (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fuzz", "known",
                                                 "graphviz-flat-edge-double-free.gv", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) graph = NULL;
  g_autoptr(QgDrawing) drawing = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  graph = qg_graph_new_from_dot (text, NULL, NULL, &error);
  g_assert_no_error (error);
  drawing = qg_graph_run_drawing (graph, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qg_drawing_get_n_nodes (drawing), ==, qg_graph_get_n_entities (graph));
  g_assert_cmpuint (qg_drawing_get_n_nodes (drawing), >, 0);
  g_assert_cmpfloat (qg_layout_get_width (qg_drawing_get_layout (drawing)), >, 0);
}

/* A worker that crashes is an error that says so, not a crash here. */
static void
test_worker_crash_is_an_error (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgGraph) graph = qg_graph_new (doc, "dot", NULL);
  g_autofree char *crash = worker_script ("crash.sh");
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = NULL;
  g_autoptr(GBytes) svg = NULL;
  const char *real = g_getenv ("QUOTEGRAPH_LAYOUT_WORKER");
  g_autofree char *saved = g_strdup (real);

  qg_layout_cache_set_enabled (FALSE);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", crash, TRUE);
  layout = qg_graph_run_layout (graph, doc, NULL, &error);
  g_assert_null (layout);
  g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT);
  g_assert_nonnull (strstr (error->message, "Graphviz crashed during the dot layout"));
  g_assert_nonnull (strstr (error->message, g_strsignal (SIGSEGV)));
  g_clear_error (&error);

  svg = qg_graph_run (graph, "svg", NULL, &error);
  g_assert_null (svg);
  g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT);

  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
  qg_layout_cache_set_enabled (TRUE);
}

/* A worker that ends before it has read a large graph is an error that
 * says how it ended: the pipe it left does not end this process. */
static void
test_worker_gone_before_reading (void)
{
  /* Its DOT text is larger than a pipe holds (64 KiB). */
  g_autoptr(QgDocument) doc = qg_test_load_map (300, 600);
  g_autoptr(QgGraph) graph = qg_graph_new (doc, "sfdp", NULL);
  g_autofree char *early = worker_script ("early-exit.sh");
  g_autofree char *saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) dot = qg_graph_to_dot (graph);
  g_autoptr(QgLayout) layout = NULL;

  g_assert_cmpuint (g_bytes_get_size (dot), >, 65536);
  qg_layout_cache_set_enabled (FALSE);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", early, TRUE);
  layout = qg_graph_run_layout (graph, doc, NULL, &error);
  g_assert_null (layout);
  g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT);
  g_assert_cmpstr (error->message, ==, "the sfdp layout failed (exit status 3)");
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
  qg_layout_cache_set_enabled (TRUE);
}

typedef struct
{
  QgGraph      *graph;
  QgDocument   *doc;
  GCancellable *cancellable;
  GError       *error;
  QgLayout     *layout;
  gboolean      done;
} Cancelled;

static gpointer
lay_out_cancellably (gpointer data)
{
  Cancelled *run = data;

  run->layout = qg_graph_run_layout (run->graph, run->doc, run->cancellable, &run->error);
  g_atomic_int_set (&run->done, TRUE);
  return NULL;
}

/* Cancelled, a layout ends at once, and so does its worker. */
static void
test_cancel_ends_the_worker (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autofree char *slow = worker_script ("slow.sh");
  g_autofree char *dir = g_dir_make_tmp ("qg-cancel-XXXXXX", NULL);
  g_autofree char *started = g_build_filename (dir, "started", NULL);
  g_autofree char *pid_text = NULL;
  g_autofree char *saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  Cancelled run = { 0 };
  GThread *thread;
  int pid;

  qg_layout_cache_set_enabled (FALSE);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", slow, TRUE);
  g_setenv ("QG_TEST_STARTED", started, TRUE);
  run.doc = doc;
  run.graph = qg_graph_new (doc, "dot", NULL);
  run.cancellable = g_cancellable_new ();
  thread = g_thread_new ("layout", lay_out_cancellably, &run);

  /* Until the worker has begun: it never ends by itself. */
  while (!g_file_get_contents (started, &pid_text, NULL, NULL))
    g_usleep (10000);
  pid = atoi (pid_text);
  g_assert_cmpint (pid, >, 0);
  g_assert_false (g_atomic_int_get (&run.done));
  g_assert_false (qg_test_process_ended (pid));

  g_cancellable_cancel (run.cancellable);
  g_thread_join (thread);
  g_assert_null (run.layout);
  g_assert_error (run.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Killed (SIGKILL is delivered before kill () returns to us). */
  while (!qg_test_process_ended (pid))
    g_usleep (10000);

  g_clear_error (&run.error);
  g_object_unref (run.cancellable);
  qg_graph_free (run.graph);
  g_unlink (started);
  g_rmdir (dir);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
  g_unsetenv ("QG_TEST_STARTED");
  qg_layout_cache_set_enabled (TRUE);
}

/* ------------------------------------------------------------------------ */
/* The cache                                                                 */

/* A second layout of the same graph comes from the cache, and is the
 * same; a changed graph is laid out afresh. */
static void
test_cache_hit_is_the_same (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (20, 30);
  g_autoptr(QgDocument) other = qg_test_load_map (21, 30);
  g_autoptr(QgLayout) first = NULL;
  g_autoptr(QgLayout) second = NULL;
  g_autoptr(QgLayout) changed = NULL;
  g_autofree char *crash = worker_script ("crash.sh");
  g_autofree char *saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  g_autoptr(GError) error = NULL;

  empty_cache ();
  first = layout_by_worker (doc, "neato");
  g_assert_cmpuint (count_entries (), ==, 1);

  /* Nothing can be laid out now: what comes, comes from the cache. */
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", crash, TRUE);
  second = layout_by_worker (doc, "neato");
  assert_same_layout (first, second);
  {
    g_autoptr(QgGraph) graph = qg_graph_new (other, "neato", NULL);

    changed = qg_graph_run_layout (graph, other, NULL, &error);
    g_assert_null (changed);
    g_assert_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT);
    g_clear_error (&error);
  }
  /* Another engine is another layout. */
  {
    g_autoptr(QgGraph) graph = qg_graph_new (doc, "fdp", NULL);

    changed = qg_graph_run_layout (graph, doc, NULL, &error);
    g_assert_null (changed);
    g_clear_error (&error);
  }
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
  g_assert_cmpuint (count_entries (), ==, 1);

  /* Off, nothing is read or written. */
  qg_layout_cache_set_enabled (FALSE);
  g_clear_pointer (&second, qg_layout_unref);
  second = layout_by_worker (other, "neato");
  g_assert_cmpuint (count_entries (), ==, 1);
  qg_layout_cache_set_enabled (TRUE);
}

/* A font more, or one less, is another key: the labels might be measured
 * in it. The same fonts again are the same key. */
static void
test_cache_keys_the_fonts (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (20, 30);
  g_autoptr(QgLayout) first = NULL;
  g_autoptr(QgLayout) second = NULL;
  g_autoptr(QgLayout) again = NULL;
  g_autofree char *crash = worker_script ("crash.sh");
  g_autofree char *saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  g_autofree char *dir = g_dir_make_tmp ("qg-fonts-XXXXXX", NULL);
  g_autofree char *font = g_build_filename (dir, "added.ttf", NULL);
  g_autofree char *contents = NULL;
  gsize length;

  /* fonts-dejavu-core, which build-aux/deps.sh installs. */
  if (!g_file_get_contents ("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", &contents, &length,
                            NULL))
    {
      g_test_skip ("no DejaVu Sans to install");
      g_rmdir (dir);
      return;
    }
  g_assert_true (g_file_set_contents (font, contents, length, NULL));
  empty_cache ();
  first = layout_by_worker (doc, "neato");
  g_assert_cmpuint (count_entries (), ==, 1);

  /* A font installed: laid out afresh, and kept beside the first. */
  g_assert_true (FcConfigAppFontAddFile (NULL, (const FcChar8 *) font));
  second = layout_by_worker (doc, "neato");
  g_assert_cmpuint (count_entries (), ==, 2);

  /* And removed: the first layout's key again, from the cache, as
   * nothing can be laid out now. */
  FcConfigAppFontClear (NULL);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", crash, TRUE);
  again = layout_by_worker (doc, "neato");
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
  g_assert_cmpuint (count_entries (), ==, 2);
  assert_same_layout (first, again);

  g_unlink (font);
  g_rmdir (dir);
  empty_cache ();
}

static GBytes *
export_svg (QgDocument *doc)
{
  gsize length;
  char *svg = qg_test_export_svg (doc, &length);

  return g_bytes_new_take (svg, length);
}

/* An export's second time is the first's bytes. */
static void
test_cache_export_is_the_same (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (20, 30);
  g_autoptr(GBytes) first = NULL;
  g_autoptr(GBytes) second = NULL;
  g_autoptr(GBytes) fresh = NULL;

  empty_cache ();
  first = export_svg (doc);
  g_assert_cmpuint (count_entries (), ==, 1);
  second = export_svg (doc);
  g_assert_true (g_bytes_equal (first, second));
  qg_layout_cache_set_enabled (FALSE);
  fresh = export_svg (doc);
  qg_layout_cache_set_enabled (TRUE);
  g_assert_true (g_bytes_equal (first, fresh));
  g_assert_cmpuint (count_entries (), ==, 1);
}

/* Writes @payload as the entry at @path, with a checksum that holds for
 * it: what a person who meant harm could write. */
static void
write_entry (const char *path,
             const char *payload,
             gsize       length)
{
  g_autofree char *key = g_path_get_basename (path);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autoptr(GString) entry = g_string_new (NULL);
  g_autoptr(GOutputStream) memory = g_memory_output_stream_new_resizable ();
  g_autoptr(GZlibCompressor) compressor = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_RAW, 9);
  g_autoptr(GOutputStream) deflating = g_converter_output_stream_new (memory,
                                                                      G_CONVERTER (compressor));
  g_autoptr(GBytes) deflated = NULL;

  g_assert_true (g_output_stream_write_all (deflating, payload, length, NULL, NULL, NULL));
  g_assert_true (g_output_stream_close (deflating, NULL, NULL));
  deflated = g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (memory));
  g_checksum_update (sum, (const guchar *) key, strlen (key));
  g_checksum_update (sum, g_bytes_get_data (deflated, NULL), g_bytes_get_size (deflated));
  g_string_printf (entry, "quotegraph-layout-cache/2 %s %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT "\n",
                   g_checksum_get_string (sum), g_bytes_get_size (deflated), length);
  g_string_append_len (entry, g_bytes_get_data (deflated, NULL), g_bytes_get_size (deflated));
  g_assert_true (g_file_set_contents (path, entry->str, entry->len, NULL));
}

/* An entry whose checksum holds, of bytes that are not deflated. */
static void
write_raw_entry (const char *path,
                 const char *body,
                 gsize       size)
{
  g_autofree char *key = g_path_get_basename (path);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  g_autofree char *entry = NULL;

  g_checksum_update (sum, (const guchar *) key, strlen (key));
  g_checksum_update (sum, (const guchar *) body, strlen (body));
  entry = g_strdup_printf ("quotegraph-layout-cache/2 %s %" G_GSIZE_FORMAT " %" G_GSIZE_FORMAT
                           "\n%s", g_checksum_get_string (sum), strlen (body), size, body);
  g_assert_true (g_file_set_contents (path, entry, -1, NULL));
}

/* The last number of @entry's header, the layout's size, made @size. */
static GString *
with_size (const char *entry,
           gsize       length,
           const char *size)
{
  const char *newline = memchr (entry, '\n', length);
  const char *space = newline;
  GString *out = g_string_new (NULL);

  while (*--space != ' ')
    ;
  g_string_append_len (out, entry, space + 1 - entry);
  g_string_append (out, size);
  g_string_append_len (out, newline, entry + length - newline);
  return out;
}

/* A damaged entry (a flipped byte, cut short, a header that lies) is
 * found, removed, and laid out again; an entry that holds its checksum
 * but not a layout of this graph (hostile, or a wrong count) is not
 * trusted either, and rewritten. */
static void
test_cache_damage_is_not_trusted (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (12, 20);
  g_autoptr(QgLayout) good = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  static const char * const hostile[] = {
    "quotegraph-places/1 12 20 0\n",                        /* cut after the header */
    "quotegraph-places/1 99 20 0\n2:bb\n",                  /* not this graph */
    "quotegraph-places/1 12 20 0\n999999999999:x\n",        /* a length past the end */
    "quotegraph-places/1 12 20 0\n-1:x\n",                  /* not a length */
    "quotegraph-map/1\n",                                   /* cut after the magic */
    "",
    "<svg/>",
  };

  empty_cache ();
  good = layout_by_worker (doc, "neato");
  path = only_entry ();
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  for (guint round = 0; round < 7 + G_N_ELEMENTS (hostile); round++)
    {
      g_autoptr(QgLayout) again = NULL;
      g_autofree char *now = NULL;
      gsize now_length;
      g_autofree char *copy = g_memdup2 (contents, length);

      g_test_message ("round %u", round);
      if (round == 0)
        {
          /* A bit flipped in the layout. */
          copy[length - 10] ^= 0x01;
          g_assert_true (g_file_set_contents (path, copy, length, NULL));
        }
      else if (round == 1)
        /* Cut short, as by a full disk. */
        g_assert_true (g_file_set_contents (path, copy, length / 2, NULL));
      else if (round == 2)
        {
          /* The header lies about the length. */
          char *space = strchr (copy, '\n');

          while (*--space != ' ')
            ;
          while (*--space != ' ')
            *space = '9';
          g_assert_true (g_file_set_contents (path, copy, length, NULL));
        }
      else if (round <= 5)
        {
          /* Or about the size inflated: past what deflate can make, one
           * byte more or one less than the stream holds. */
          g_autofree char *size = NULL;
          g_autoptr(GString) lie = NULL;
          char *newline = memchr (copy, '\n', length);
          char *space = newline;
          guint64 truth;

          while (*--space != ' ')
            ;
          truth = g_ascii_strtoull (space + 1, NULL, 10);
          size = g_strdup_printf ("%" G_GUINT64_FORMAT,
                                  round == 3 ? G_MAXUINT64 / 4 : round == 4 ? truth + 1 : truth - 1);
          lie = with_size (copy, length, size);
          g_assert_true (g_file_set_contents (path, lie->str, lie->len, NULL));
        }
      else if (round == 6)
        /* Bytes that hold their checksum but are not deflated. */
        write_raw_entry (path, "quotegraph-places/1 12 20 0\n", 28);
      else
        write_entry (path, hostile[round - 7], strlen (hostile[round - 7]));
      /* Damage is the cache's to find; a hostile layout, its reader's. */
      if (round < 7)
        {
          g_autofree char *key = g_path_get_basename (path);
          g_autoptr(GBytes) found = qg_layout_cache_lookup (key);

          g_assert_null (found);
        }

      again = layout_by_worker (doc, "neato");
      assert_same_layout (good, again);
      /* And written again, whole. */
      g_assert_true (g_file_get_contents (path, &now, &now_length, NULL));
      g_assert_cmpmem (now, now_length, contents, length);
    }
}

/* What each engine lays out comes back from the cache as it was, items
 * left out (a filter's) included; only the finished layout is kept. */
static void
test_cache_map_for_every_engine (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (15, 25);
  g_autofree char *crash = worker_script ("crash.sh");
  g_autofree char *saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  guint8 hidden[15] = { 0 };
  guint n_engines = 0;

  hidden[3] = hidden[7] = TRUE;
  empty_cache ();
  for (const char * const *engine = qg_graph_engines (); *engine; engine++)
    {
      QgGraphOptions options = { .engine = *engine, .hidden_entities = hidden,
                                 .without_tooltips = TRUE };
      g_autoptr(QgGraph) graph = qg_graph_new_full (doc, &options, NULL);
      g_autoptr(QgGraph) again = qg_graph_new_full (doc, &options, NULL);
      g_autoptr(QgLayout) first = NULL;
      g_autoptr(QgLayout) second = NULL;
      g_autoptr(GError) error = NULL;

      g_test_message ("%s", *engine);
      first = qg_graph_run_layout (graph, doc, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (count_entries (), ==, ++n_engines);
      /* Left out: nothing placed for it. */
      g_assert_cmpuint (qg_layout_get_node (first, 3)->n_ops, ==, 0);
      g_assert_cmpuint (qg_layout_get_node (first, 4)->n_ops, >, 0);

      g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", crash, TRUE);
      second = qg_graph_run_layout (again, doc, NULL, &error);
      g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
      g_assert_no_error (error);
      g_assert_nonnull (second);
      assert_same_layout (first, second);
      g_assert_cmpstr (qg_layout_get_engine (first), ==, qg_layout_get_engine (second));
    }
  empty_cache ();
}

/* The generated map of qg_test_map_json, its entities in the reverse order. */
static QgDocument *
load_reversed (guint n_entities,
               guint n_relations)
{
  g_autofree char *json = qg_test_map_json (n_entities, n_relations);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonArray) reversed = json_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  JsonObject *root;
  JsonArray *entities;
  QgDocument *doc;

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  root = json_node_get_object (json_parser_get_root (parser));
  entities = json_object_get_array_member (root, "entities");
  for (guint i = json_array_get_length (entities); i > 0; i--)
    json_array_add_element (reversed, json_node_copy (json_array_get_element (entities, i - 1)));
  json_object_set_array_member (root, "entities", json_array_ref (reversed));
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, NULL);
  doc = qg_document_load_from_data (text, strlen (text), NULL, "reversed.json", NULL, &error);
  g_assert_no_error (error);
  return doc;
}

/* The kept layout names its items by their ids: read for a document
 * whose entities are in another order, each entity gets its own place. */
static void
test_cache_map_finds_items_by_id (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (12, 20);
  g_autoptr(QgDocument) reversed = load_reversed (12, 20);
  g_autoptr(QgLayout) layout = layout_here (doc, "neato");
  g_autoptr(GBytes) bytes = qg_layout_write (layout, doc);
  g_autoptr(QgLayout) read = qg_layout_read (bytes, "neato", reversed);

  g_assert_nonnull (read);
  g_assert_cmpuint (qg_layout_get_n_ops (read), ==, qg_layout_get_n_ops (layout));
  for (guint i = 0; i < 12; i++)
    {
      const char *id = qg_document_get_entity (doc, i)->id;
      gint there = qg_document_find_entity (reversed, id);

      g_assert_cmpint (there, ==, 11 - (gint) i);
      g_assert_cmpmem (qg_layout_get_node (layout, i), sizeof (QgItem),
                       qg_layout_get_node (read, there), sizeof (QgItem));
    }
  for (guint i = 0; i < 20; i++)
    g_assert_cmpmem (qg_layout_get_edge (layout, i), sizeof (QgItem),
                     qg_layout_get_edge (read, i), sizeof (QgItem));
}

/* A layout read is whole: its ops and points are where its items say. */
static void
assert_layout_whole (QgLayout   *layout,
                     QgDocument *doc)
{
  guint n_ops = qg_layout_get_n_ops (layout);

  g_assert_cmpuint (qg_layout_get_n_nodes (layout), ==, qg_document_get_n_entities (doc));
  g_assert_cmpuint (qg_layout_get_n_edges (layout), ==, qg_document_get_n_relations (doc));
  for (guint i = 0; i < qg_layout_get_n_nodes (layout) + qg_layout_get_n_edges (layout); i++)
    {
      guint n_nodes = qg_layout_get_n_nodes (layout);
      const QgItem *item = i < n_nodes ? qg_layout_get_node (layout, i)
                                       : qg_layout_get_edge (layout, i - n_nodes);

      g_assert_cmpuint (item->first_op + item->n_ops, <=, n_ops);
      g_assert_cmpuint (item->first_text + item->n_texts, <=, n_ops);
    }
  for (guint i = 0; i < n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (layout, i);

      g_assert_cmpint (op->kind, <=, QG_OP_TEXT);
      g_assert_true (op->kind != QG_OP_TEXT || g_utf8_validate (op->text, -1, NULL));
    }
}

/* Damaged or hostile bytes where a layout is kept are not a layout:
 * cut anywhere, they are refused; any byte changed, they are refused or
 * read whole; an id changed to another's, or to none, is refused. */
static void
test_cache_map_damage_is_refused (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (6, 8);
  g_autoptr(QgLayout) layout = layout_here (doc, "neato");
  g_autoptr(GBytes) bytes = qg_layout_write (layout, doc);
  gsize length;
  const guint8 *data = g_bytes_get_data (bytes, &length);
  /* After the magic, the width, the height and the count, the first
   * item: its kind, its name's length, its name ("e0"). */
  gsize name_at = strlen ("quotegraph-map/1\n") + 8 + 8 + 4 + 1 + 4;
  guint refused = 0;

  g_assert_cmpmem (data + name_at, 3, "e0", 3);
  for (gsize cut = 0; cut < length; cut++)
    {
      g_autoptr(GBytes) part = g_bytes_new (data, cut);

      g_assert_null (qg_layout_read (part, "neato", doc));
    }
  for (gsize at = 0; at < length; at++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) changed = NULL;
      g_autoptr(QgLayout) read = NULL;

      copy[at] ^= 0xff;
      changed = g_bytes_new_take (g_steal_pointer (&copy), length);
      read = qg_layout_read (changed, "neato", doc);
      if (read != NULL)
        assert_layout_whole (read, doc);
      else
        refused++;
    }
  g_test_message ("%u of %" G_GSIZE_FORMAT " changed bytes refused", refused, length);
  g_assert_cmpuint (refused, >, 0);
  for (const char *name = "1x"; *name; name++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) changed = NULL;

      /* "e1" is another's (twice, then), "ex" nobody's. */
      copy[name_at + 1] = (guint8) *name;
      changed = g_bytes_new_take (g_steal_pointer (&copy), length);
      g_assert_null (qg_layout_read (changed, "neato", doc));
    }
  /* A name's label no longer UTF-8 ("Entité 0", its "é" cut in two). */
  {
    g_autofree guint8 *copy = g_memdup2 (data, length);
    g_autoptr(GBytes) changed = NULL;
    const guint8 *label = memmem (data, length, "Entit\xc3\xa9 0", strlen ("Entit\xc3\xa9 0"));

    g_assert_nonnull (label);
    copy[label - data + 5] = 0xff;
    changed = g_bytes_new_take (g_steal_pointer (&copy), length);
    g_assert_null (qg_layout_read (changed, "neato", doc));
  }
  /* A width no map has, or none. */
  for (guint i = 0; i < 3; i++)
    {
      const double widths[] = { 1e10, -1e10, NAN };
      g_autofree guint8 *copy = g_memdup2 (data, length);
      g_autoptr(GBytes) changed = NULL;

      memcpy (copy + strlen ("quotegraph-map/1\n"), &widths[i], sizeof (double));
      changed = g_bytes_new_take (g_steal_pointer (&copy), length);
      g_assert_null (qg_layout_read (changed, "neato", doc));
    }
  /* Whole, it reads back as it was. */
  {
    g_autoptr(QgLayout) read = qg_layout_read (bytes, "neato", doc);

    g_assert_nonnull (read);
    assert_same_layout (layout, read);
  }
}

/* Over its cap, the cache lets go of what was used least recently. */
static void
test_cache_evicts_least_recently_used (void)
{
  char keys[4][65];
  char payload[1000];
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  empty_cache ();
  /* Bytes that do not compress, so that each entry is about 1,100 long. */
  for (guint i = 0; i < sizeof payload; i++)
    payload[i] = (char) g_rand_int_range (rand, 0, 256);
  for (guint i = 0; i < 4; i++)
    {
      memset (keys[i], '0' + i, 64);
      keys[i][64] = '\0';
    }
  qg_layout_cache_set_max_bytes (3 * 1150);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (payload, sizeof payload);
      g_autofree char *path = NULL;
      g_autofree char *dir = qg_layout_cache_dir ();

      qg_layout_cache_store (keys[i], bytes);
      /* Told apart by their times of use, whatever the clock's grain. */
      path = g_build_filename (dir, keys[i], NULL);
      {
        struct utimbuf times = { .actime = 1000000 + i * 10, .modtime = 1000000 + i * 10 };

        g_assert_cmpint (g_utime (path, &times), ==, 0);
      }
    }
  g_assert_cmpuint (count_entries (), ==, 3);
  /* The oldest is used: the second is now the least recently used. */
  {
    g_autoptr(GBytes) hit = qg_layout_cache_lookup (keys[0]);

    g_assert_nonnull (hit);
    g_assert_cmpuint (g_bytes_get_size (hit), ==, sizeof payload);
  }
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (payload, sizeof payload);

    qg_layout_cache_store (keys[3], bytes);
  }
  g_assert_cmpuint (count_entries (), ==, 3);
  {
    g_autoptr(GBytes) first = qg_layout_cache_lookup (keys[0]);
    g_autoptr(GBytes) second = qg_layout_cache_lookup (keys[1]);
    g_autoptr(GBytes) third = qg_layout_cache_lookup (keys[2]);
    g_autoptr(GBytes) fourth = qg_layout_cache_lookup (keys[3]);

    g_assert_nonnull (first);
    g_assert_null (second);
    g_assert_nonnull (third);
    g_assert_nonnull (fourth);
  }
  /* What is not a file is no entry, and is not read: a pipe would never
   * end, a link could lead anywhere. */
  {
    g_autofree char *dir = qg_layout_cache_dir ();
    g_autofree char *fifo = g_build_filename (dir, keys[1], NULL);
    g_autofree char *link = g_build_filename (dir, keys[2], NULL);

    g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
    g_unlink (link);
    g_assert_cmpint (symlink ("/dev/zero", link), ==, 0);
    g_assert_null (qg_layout_cache_lookup (keys[1]));
    g_assert_null (qg_layout_cache_lookup (keys[2]));
    g_assert_false (g_file_test (fifo, G_FILE_TEST_EXISTS));
    g_assert_false (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  }
  /* What is not a key is never a path. */
  {
    g_autoptr(GBytes) bytes = g_bytes_new_static (payload, sizeof payload);

    qg_layout_cache_store ("../../escape", bytes);
    g_assert_null (qg_layout_cache_lookup ("../../escape"));
  }
  qg_layout_cache_set_max_bytes (256 * 1024 * 1024);
  empty_cache ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *cache = g_dir_make_tmp ("qg-layout-cache-XXXXXX", NULL);
  int status;

  /* A cache of this test's own, before GLib reads where it is. */
  g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/layout-worker/draws-as-here", test_worker_draws_as_here);
  g_test_add_func ("/layout-worker/draws-dot-files-as-here", test_worker_draws_dot_files_as_here);
  g_test_add_func ("/layout-worker/tooltips-place-nothing", test_tooltips_place_nothing);
  g_test_add_func ("/layout-worker/graphviz-double-free-contained",
                   test_graphviz_double_free_contained);
  g_test_add_func ("/layout-worker/crash-is-an-error", test_worker_crash_is_an_error);
  g_test_add_func ("/layout-worker/cancel-ends-the-worker", test_cancel_ends_the_worker);
  g_test_add_func ("/layout-worker/gone-before-reading", test_worker_gone_before_reading);
  g_test_add_func ("/layout-cache/hit-is-the-same", test_cache_hit_is_the_same);
  g_test_add_func ("/layout-cache/export-is-the-same", test_cache_export_is_the_same);
  g_test_add_func ("/layout-cache/keys-the-fonts", test_cache_keys_the_fonts);
  g_test_add_func ("/layout-cache/damage-is-not-trusted", test_cache_damage_is_not_trusted);
  g_test_add_func ("/layout-cache/map-for-every-engine", test_cache_map_for_every_engine);
  g_test_add_func ("/layout-cache/map-finds-items-by-id", test_cache_map_finds_items_by_id);
  g_test_add_func ("/layout-cache/map-damage-is-refused", test_cache_map_damage_is_refused);
  g_test_add_func ("/layout-cache/evicts-least-recently-used",
                   test_cache_evicts_least_recently_used);

  status = g_test_run ();
  empty_cache ();
  {
    g_autofree char *layouts = qg_layout_cache_dir ();
    g_autofree char *parent = g_path_get_dirname (layouts);

    g_rmdir (layouts);
    g_rmdir (parent);
    g_rmdir (cache);
  }
  return status;
}
