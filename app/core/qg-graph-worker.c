/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph"

#include "config.h"

#include <fontconfig/fontconfig.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "qg-graph-private.h"
#include "qg-label.h"
#include "qg-layout-cache.h"
#include "qg-timings.h"
#include "qg-xml.h"

/* Graphviz lays out in a process of its own, quotegraph-layout: a graph
 * that makes Graphviz crash (a DOT file from a stranger can: tests/fuzz/
 * known has one that frees memory twice in dot's layout) ends that
 * process, not the window; a layout that is no longer wanted is stopped
 * by ending the process, as Graphviz itself cannot be interrupted; and
 * layouts no longer wait for each other on one lock. The worker is
 * given the DOT text the graph was read from and the engine, and answers
 * with the rendering, or with the layout's places (qg-graph-places.c).
 *
 * What it answers is kept in the layout cache under a key made of all
 * that determines it: the text, the engine (whose attributes are in the
 * text), the format, this program's version and Graphviz's, and the fonts
 * Graphviz measures the labels with. */

/* $QUOTEGRAPH_LAYOUT_WORKER, else the one beside this program (in the
 * build tree), else the installed one. Read every time: a test sets it. */
static char *
worker_path (void)
{
  const char *given = g_getenv ("QUOTEGRAPH_LAYOUT_WORKER");
  g_autofree char *self = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *beside = NULL;

  if (given != NULL && *given != '\0')
    return g_strdup (given);
  self = g_file_read_link ("/proc/self/exe", NULL);
  dir = self ? g_path_get_dirname (self) : NULL;
  beside = dir ? g_build_filename (dir, "quotegraph-layout", NULL) : NULL;
  if (beside != NULL && g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
    return g_steal_pointer (&beside);
  return g_build_filename (LIBEXECDIR, "quotegraph-layout", NULL);
}

static gsize pipe_signal_ignored;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/* Adds to @sum the fonts there are, as fontconfig found them when this
 * program started: each file's path, size and change time. A label's size
 * is its text measured in the font that fontconfig matches to its name, or
 * in one that has its characters: a font installed, removed or updated
 * can change where everything goes. (The layout worker, started afresh
 * for each layout, sees the fonts as they are then; so does this program
 * from its next start.) */
static void
checksum_fonts (GChecksum *sum)
{
  /* The configuration as it is: FcFontList (NULL, …) would scan the font
   * folders again now and then, and make a new one. */
  FcConfig *config = FcConfigReference (NULL);
  FcObjectSet *file_only = FcObjectSetBuild (FC_FILE, NULL);
  FcPattern *any = FcPatternCreate ();
  FcFontSet *fonts = config != NULL ? FcFontList (config, any, file_only) : NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new_with_free_func (g_free);

  for (int i = 0; fonts != NULL && i < fonts->nfont; i++)
    {
      FcChar8 *file = NULL;
      GStatBuf info = { 0 };

      if (FcPatternGetString (fonts->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      if (g_stat ((const char *) file, &info) != 0)
        info.st_size = info.st_mtime = -1;
      g_ptr_array_add (lines, g_strdup_printf ("%s %" G_GINT64_FORMAT " %" G_GINT64_FORMAT,
                                               (const char *) file, (gint64) info.st_size,
                                               (gint64) info.st_mtime));
    }
  /* In an order of their own, not fontconfig's. */
  g_ptr_array_sort (lines, compare_strings);
  for (guint i = 0; i < lines->len; i++)
    {
      const char *line = g_ptr_array_index (lines, i);

      g_checksum_update (sum, (const guchar *) line, strlen (line) + 1);
    }
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcPatternDestroy (any);
  FcObjectSetDestroy (file_only);
  if (config != NULL)
    FcConfigDestroy (config);
}

static char *
cache_key (QgGraph    *self,
           const char *format)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  const char *parts[4];
  gsize length;
  const guchar *dot = g_bytes_get_data (self->dot, &length);

  parts[0] = "quotegraph-layout/2 " PACKAGE_VERSION;
  parts[1] = qg_graphviz_version ();
  parts[2] = self->engine;
  parts[3] = format;
  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      /* Each part ends with a NUL, which none holds: "ab"+"c" is not "a"+"bc". */
      g_checksum_update (sum, (const guchar *) parts[i], strlen (parts[i]) + 1);
    }
  checksum_fonts (sum);
  g_checksum_update (sum, dot, length);
  return g_strdup (g_checksum_get_string (sum));
}

/* The worker's last words, as a message: one line, valid, not too long. */
static char *
worker_words (GBytes *err)
{
  gsize length = 0;
  const char *data = err ? g_bytes_get_data (err, &length) : NULL;
  g_autofree char *valid = NULL;
  g_autofree char *safe = NULL;
  char **lines;
  char *last = NULL;

  if (length == 0)
    return NULL;
  valid = g_utf8_make_valid (data, length);
  lines = g_strsplit (valid, "\n", -1);
  /* The last line with words: a sanitizer's report comes before. */
  for (guint i = 0; lines[i]; i++)
    if (*g_strstrip (lines[i]) != '\0')
      {
        g_free (last);
        last = g_strdup (lines[i]);
      }
  g_strfreev (lines);
  if (last == NULL)
    return NULL;
  safe = qg_xml_safe (last);
  g_free (last);
  return qg_label_fit (safe, 0);
}

/* Lays out and draws in this process: no worker could be started. */
static GBytes *
run_here (QgGraph     *self,
          const char  *format,
          GError     **error)
{
  g_autoptr(QgGraph) copy = NULL;
  const char *text = g_bytes_get_data (self->dot, NULL);
  g_autofree char *terminated = g_strndup (text, g_bytes_get_size (self->dot));

  copy = qg_graph_new_from_dot (terminated, self->engine, NULL, error);
  if (copy == NULL || !qg_graph_layout (copy, error))
    return NULL;
  if (strcmp (format, "places") == 0)
    return qg_graph_write_places (copy);
  return qg_graph_render (copy, format, error);
}

static GBytes *
run_worker (QgGraph       *self,
            const char    *format,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GBytes) out = NULL;
  g_autoptr(GBytes) err = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *words = NULL;
  g_autofree char *path = worker_path ();

  if (!g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_debug ("no layout worker at %s: laying out in this process", path);
      return run_here (self, format, error);
    }
  /* A worker that ends before it has read the graph (killed for want of
   * memory, say) closes the pipe that is being written: the write fails,
   * instead of SIGPIPE ending this process. */
  if (g_once_init_enter (&pipe_signal_ignored))
    {
      signal (SIGPIPE, SIG_IGN);
      g_once_init_leave (&pipe_signal_ignored, 1);
    }
  worker = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                             | G_SUBPROCESS_FLAGS_STDERR_PIPE, &local_error,
                             path, self->engine, format, NULL);
  if (worker == NULL)
    {
      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                   _("the layout could not be started: %s"), local_error->message);
      return NULL;
    }
  if (!g_subprocess_communicate (worker, self->dot, cancellable, &out, &err, &local_error))
    {
      g_subprocess_force_exit (worker);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      /* The pipes failed: most likely the worker has ended, and how it
       * ended says why. (One still running has just been killed.) */
      if (!g_subprocess_wait (worker, NULL, NULL)
          || (!g_subprocess_get_if_signaled (worker) && g_subprocess_get_exit_status (worker) == 0))
        {
          g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                       _("the layout could not be read: %s"), local_error->message);
          return NULL;
        }
    }

  words = worker_words (err);
  if (g_subprocess_get_if_signaled (worker))
    {
      int signal_number = g_subprocess_get_term_sig (worker);

      g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                   /* Translators: %s is an engine's name (dot, sfdp), %s the
                    * signal's description ("Aborted") */
                   _("Graphviz crashed during the %s layout (%s); nothing else was affected"),
                   self->engine, g_strsignal (signal_number));
      return NULL;
    }
  if (g_subprocess_get_exit_status (worker) != 0)
    {
      if (words != NULL)
        g_set_error_literal (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT, words);
      else
        g_set_error (error, QG_GRAPH_ERROR, QG_GRAPH_ERROR_LAYOUT,
                     _("the %s layout failed (exit status %d)"), self->engine,
                     g_subprocess_get_exit_status (worker));
      return NULL;
    }
  return g_steal_pointer (&out);
}

GBytes *
qg_graph_run (QgGraph       *self,
              const char    *format,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree char *key = NULL;
  GBytes *bytes;
  gint64 start = qg_timings_now ();

  g_return_val_if_fail (self != NULL && format != NULL, NULL);

  key = cache_key (self, format);
  bytes = qg_layout_cache_lookup (key);
  if (bytes != NULL)
    {
      qg_timings_phase ("layout (cached)", start);
      return bytes;
    }
  bytes = run_worker (self, format, cancellable, error);
  qg_timings_phase ("layout", start);
  if (bytes != NULL)
    qg_layout_cache_store (key, bytes);
  return bytes;
}

/* The places, from the worker, or from the cache if @cached_too (an entry
 * that does not read is laid out afresh, and the new places kept). A
 * map's layout keeps the map instead (qg_graph_run_layout): its places
 * are neither looked up, nor their key made, a hash of the whole DOT
 * text again. */
static QgPlaces *
run_places (QgGraph       *self,
            gboolean       cached_too,
            GCancellable  *cancellable,
            GError       **error)
{
  gint64 start = qg_timings_now ();
  g_autofree char *key = cached_too ? cache_key (self, "places") : NULL;
  g_autoptr(GBytes) cached = key != NULL ? qg_layout_cache_lookup (key) : NULL;
  g_autoptr(GBytes) bytes = NULL;
  QgPlaces *places;

  if (cached != NULL)
    {
      places = qg_places_read (self, cached, NULL);
      if (places != NULL)
        {
          qg_timings_phase ("layout (cached)", start);
          return places;
        }
      qg_layout_cache_forget (key);
    }
  bytes = run_worker (self, "places", cancellable, error);
  qg_timings_phase ("layout", start);
  if (bytes == NULL)
    return NULL;
  start = qg_timings_now ();
  places = qg_places_read (self, bytes, error);
  qg_timings_phase ("read layout", start);
  if (places != NULL && key != NULL)
    qg_layout_cache_store (key, bytes);
  return places;
}

QgLayout *
qg_graph_run_layout (QgGraph       *self,
                     QgDocument    *document,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_autoptr(QgPlaces) places = NULL;
  g_autoptr(GBytes) cached = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *key = NULL;
  QgLayout *layout;
  gint64 start = qg_timings_now ();

  g_return_val_if_fail (self != NULL && QG_IS_DOCUMENT (document), NULL);

  /* The finished layout is kept, not its places: read back, it needs
   * neither the graph read nor the places applied to it. */
  key = cache_key (self, "map/1");
  cached = qg_layout_cache_lookup (key);
  if (cached != NULL)
    {
      layout = qg_layout_read (cached, self->engine, document);
      if (layout != NULL)
        {
          qg_timings_phase ("layout (cached)", start);
          return layout;
        }
      qg_layout_cache_forget (key);
    }
  places = run_places (self, FALSE, cancellable, error);
  if (places == NULL)
    return NULL;
  start = qg_timings_now ();
  qg_graphviz_lock ();
  layout = qg_graph_extract_layout (self, document, places);
  qg_graphviz_unlock ();
  qg_timings_phase ("map", start);
  /* Not even written when nothing is kept (--no-cache). */
  bytes = qg_layout_cache_get_enabled () ? qg_layout_write (layout, document) : NULL;
  if (bytes != NULL)
    qg_layout_cache_store (key, bytes);
  return layout;
}

QgDrawing *
qg_graph_run_drawing (QgGraph       *self,
                      GCancellable  *cancellable,
                      GError       **error)
{
  g_autoptr(QgPlaces) places = NULL;
  QgDrawing *drawing;

  g_return_val_if_fail (self != NULL && self->own != NULL, NULL);

  places = run_places (self, TRUE, cancellable, error);
  if (places == NULL)
    return NULL;
  qg_graphviz_lock ();
  drawing = qg_graph_extract_drawing (self, places);
  qg_graphviz_unlock ();
  return drawing;
}
