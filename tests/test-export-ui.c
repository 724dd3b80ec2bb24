/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Export from the window: the written files, the failures, and GTK's own
 * save dialog, under Xvfb. */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <sys/resource.h>
#include <unistd.h>

#include "qg-aif.h"
#include "qg-layout-cache.h"
#include "qg-settings.h"
#include "qg-test-utils.h"
#include "qg-ui-test.h"
#include "qg-window-private.h"

/* ------------------------------------------------------------------------ */
/* Export from the window                                                    */

static char *
export_and_read (QgWindow   *window,
                 const char *path,
                 gboolean    filtered)
{
  char *contents = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", path, filtered);
  g_assert_true (qg_window_is_busy (window));
  qg_test_wait_for (qg_test_not_busy, window, "the export to be written");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export_writes_the_file (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *svg_path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *bare_path = g_build_filename (dir, "bare", NULL);
  g_autofree char *added_path = g_build_filename (dir, "bare.svg", NULL);
  g_autofree char *png_path = g_build_filename (dir, "map.PNG", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *added = NULL;
  g_autofree char *png = NULL;
  g_autoptr(GPtrArray) toasts = g_ptr_array_new ();
  gsize png_length;

  /* SVG, with the current engine's layout and the quotes. */
  svg = export_and_read (window, svg_path, FALSE);
  g_assert_nonnull (strstr (svg, "<title>Kaspersky: US government removes Russian security "
                                 "software</title>"));
  g_assert_nonnull (strstr (svg, "<g id=\"dhs\" class=\"node agency"));
  g_assert_nonnull (strstr (svg, "<g id=\"joyce\" class=\"node person"));
  g_assert_nonnull (strstr (svg, "class=\"legend\""));
  g_assert_null (qg_test_take_message_dialog ());

  /* The toast names the file. */
  qg_test_collect_if (GTK_WIDGET (window), qg_test_is_label_starting, "Exported “map.svg”", toasts);
  g_assert_cmpuint (toasts->len, >=, 1);

  /* No extension: SVG's is added. Another: its format. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", bare_path, FALSE);
  qg_test_wait_for (qg_test_not_busy, window, "the SVG to be written");
  g_assert_false (g_file_test (bare_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (added_path, &added, NULL, NULL));
  g_assert_true (g_str_has_prefix (added, "<?xml"));
  g_assert_nonnull (strstr (added, "<g id=\"dhs\""));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", png_path, FALSE);
  qg_test_wait_for (qg_test_not_busy, window, "the PNG to be written");
  g_assert_true (g_file_get_contents (png_path, &png, &png_length, NULL));
  g_assert_cmpuint (png_length, >, 8);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);

  /* PDF and the styled graph, the other two. */
  {
    g_autofree char *pdf_path = g_build_filename (dir, "map.pdf", NULL);
    g_autofree char *gv_path = g_build_filename (dir, "map.gv", NULL);
    g_autofree char *pdf = export_and_read (window, pdf_path, FALSE);
    g_autofree char *gv = export_and_read (window, gv_path, FALSE);

    g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
    g_assert_true (g_str_has_prefix (gv, "digraph"));
    g_assert_nonnull (strstr (gv, "layout=dot"));
    g_remove (pdf_path);
    g_remove (gv_path);
  }

  /* Only what the filters show, when asked: people hidden, Joyce leaves. */
  qg_filter_set_kind_hidden (qg_window_get_filter (window), "person", TRUE);
  g_clear_pointer (&svg, g_free);
  svg = export_and_read (window, svg_path, TRUE);
  g_assert_null (strstr (svg, "<g id=\"joyce\""));
  g_assert_null (strstr (svg, "<g id=\"joyce-advises-trump\""));
  g_assert_nonnull (strstr (svg, "<g id=\"dhs\" class=\"node agency"));
  /* And the whole map when not. */
  g_clear_pointer (&svg, g_free);
  svg = export_and_read (window, svg_path, FALSE);
  g_assert_nonnull (strstr (svg, "<g id=\"joyce\" class=\"node person"));

  g_remove (svg_path);
  g_remove (added_path);
  g_remove (png_path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The AIF at @path, read back by the AIF reader, has an L-node for each
 * quote of the window's map that has a speaker (qg_aif_write). */
static void
assert_aif_of_map (QgWindow   *window,
                   const char *path)
{
  QgDocument *doc = qg_window_get_document (window);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = qg_aif_graph_load (file, NULL, NULL, &error);
  guint n_said = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
    n_said += qg_document_get_quote (doc, i)->speaker >= 0;
  g_assert_cmpuint (n_said, >, 0);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_L), ==, n_said);
  g_assert_cmpuint (graph->n_locutions, ==, n_said);
}

/* The Kaspersky map exported to a .aif.json is AIF. */
static void
test_export_aif (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.aif.json", NULL);
  g_autofree char *aif = export_and_read (window, path, FALSE);

  g_assert_true (g_str_has_prefix (aif, "{\n  \"nodes\": ["));
  assert_aif_of_map (window, path);
  g_remove (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Only @name is in @dir, nothing half-written beside it. */
static void
assert_dir_holds (const char *dir,
                  const char *name)
{
  g_autoptr(GDir) handle = g_dir_open (dir, 0, NULL);
  const char *entry;
  guint n = 0;

  g_assert_nonnull (handle);
  while ((entry = g_dir_read_name (handle)) != NULL)
    {
      g_assert_cmpstr (entry, ==, name);
      n++;
    }
  g_assert_cmpuint (n, ==, name ? 1 : 0);
}

static gboolean
is_shown_label_starting (GtkWidget     *widget,
                         gconstpointer  prefix)
{
  return qg_test_is_label_starting (widget, prefix) && gtk_widget_get_mapped (widget);
}

/* The export's progress on the map: "Exporting “slow.svg”… 1 s". */
static gboolean
progress_shown (gpointer data)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (data, is_shown_label_starting, "Exporting “slow.svg”… ", labels);
  return labels->len > 0;
}

static gboolean
progress_gone (gpointer data)
{
  return !progress_shown (data);
}

/* An export to "slow.svg" in a folder of its own, through a layout worker
 * that never answers: it waits till it is stopped. */
typedef struct
{
  QgTestSlowWorker worker;
  char            *dir;
  char            *path;
} SlowExport;

static void
begin_slow_export (QgWindow   *window,
                   SlowExport *run)
{
  run->dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  run->path = g_build_filename (run->dir, "slow.svg", NULL);
  qg_test_slow_worker_begin (&run->worker);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", run->path, FALSE);
  g_assert_true (qg_window_is_busy (window));
  qg_test_slow_worker_wait (&run->worker);
  g_assert_true (qg_window_is_busy (window));
}

/* Once @window's export has ended: its worker ended too, and nothing
 * written, nothing half-written. */
static void
end_slow_export (QgWindow   *window,
                 SlowExport *run)
{
  qg_test_wait_for (qg_test_not_busy, window, "the export to end");
  qg_test_wait_for (qg_test_slow_worker_ended, &run->worker,
                    "the export's layout worker to end");
  g_assert_false (g_file_test (run->path, G_FILE_TEST_EXISTS));
  assert_dir_holds (run->dir, NULL);
  g_assert_cmpint (g_rmdir (run->dir), ==, 0);
  qg_test_slow_worker_end (&run->worker);
  g_free (run->dir);
  g_free (run->path);
}

/* An export that takes its time says so, and its Stop, clicked, ends
 * it: its layout worker killed, nothing written, no error to read. */
static void
test_export_can_be_cancelled (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  SlowExport run = { 0 };

  begin_slow_export (window, &run);
  qg_test_wait_for (progress_shown, window, "the export's progress");
  qg_test_collect_if (GTK_WIDGET (window), qg_test_is_shown_button_labelled, "_Stop", buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  /* Once it has slid in. */
  qg_test_wait_settled (g_ptr_array_index (buttons, 0));
  qg_test_click_widget (g_ptr_array_index (buttons, 0));
  end_slow_export (window, &run);
  qg_test_wait_for (progress_gone, window, "the export's progress to go");
  g_assert_null (qg_test_take_message_dialog ());
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
unrealized (gpointer widget)
{
  return !gtk_widget_get_realized (widget);
}

static gboolean
second_passed (gpointer since)
{
  return g_get_monotonic_time () > *(gint64 *) since + G_USEC_PER_SEC + 300 * 1000;
}

/* The window closed while its export runs, before its progress was due:
 * the export goes on (the application holds), its progress is not shown
 * on the window that is gone, and stopped as its Stop would, it ends and
 * touches nothing of that window. */
static void
test_export_outlives_its_window (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  SlowExport run = { 0 };
  gint64 closed;

  begin_slow_export (window, &run);
  g_object_ref (window);
  gtk_window_destroy (GTK_WINDOW (window));
  closed = g_get_monotonic_time ();
  qg_test_wait_for (unrealized, window, "the window to go");
  /* Past the moment the progress would have shown. */
  qg_test_wait_for (second_passed, &closed, "a second");
  g_assert_true (qg_window_is_busy (window));
  g_assert_false (qg_test_process_ended (run.worker.pid));
  qg_window_stop_exports (window);
  end_slow_export (window, &run);
  g_object_unref (window);
}

/* Exports to @path, which must fail: the error dialog names the file and
 * says why, in the words of @reason. */
static void
assert_export_fails (QgWindow   *window,
                     const char *path,
                     const char *reason)
{
  g_autofree char *expected = g_strdup_printf ("%s: could not write the map: %s", path, reason);
  g_autofree char *body = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", path, FALSE);
  qg_test_wait_for (qg_test_not_busy, window, "the export to fail");
  body = qg_test_take_message_dialog ();
  g_assert_cmpstr (body, ==, expected);
}

static void
test_export_failure_is_shown (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *not_a_folder = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (not_a_folder, "map.svg", NULL);

  /* A "folder" that is a file: nobody, not even root, writes there. */
  g_assert_true (g_file_set_contents (not_a_folder, "x", 1, NULL));
  {
    g_autofree char *reason = g_strdup_printf ("“%s” is a file, not a folder", not_a_folder);

    assert_export_fails (window, inside, reason);
  }
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
  assert_dir_holds (dir, "not-a-folder");

  /* A folder already has the name: the map is written beside it, and the
   * rename fails; the temporary file goes. */
  {
    g_autofree char *taken = g_build_filename (dir, "taken.svg", NULL);

    g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
    assert_export_fails (window, taken, "a folder already has that name");
    g_assert_true (g_file_test (taken, G_FILE_TEST_IS_DIR));
    g_assert_cmpint (g_rmdir (taken), ==, 0);
  }

  /* The map on screen is untouched. */
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (
                      qg_window_get_graph_view (window))), ==, 28);
  g_remove (not_a_folder);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The window writes as the command line does: onto a symbolic link, the
 * file it points to, and the link stays. */
static void
test_export_onto_a_symlink (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *real = g_build_filename (dir, "real.svg", NULL);
  g_autofree char *link = g_build_filename (dir, "link.svg", NULL);
  g_autofree char *svg = NULL;
  g_autofree char *target = NULL;
  g_autofree char *written = NULL;
  g_autoptr(GDir) handle = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (real, "earlier", -1, NULL));
  g_assert_cmpint (symlink ("real.svg", link), ==, 0);
  svg = export_and_read (window, link, FALSE);
  g_assert_null (qg_test_take_message_dialog ());
  g_assert_nonnull (strstr (svg, "<g id=\"dhs\" class=\"node agency"));

  target = g_file_read_link (link, NULL);
  g_assert_cmpstr (target, ==, "real.svg");
  g_assert_true (g_file_get_contents (real, &written, NULL, NULL));
  g_assert_cmpstr (written, ==, svg);
  handle = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (handle) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 2);

  g_remove (link);
  g_remove (real);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_export_without_permission_is_shown (void)
{
  QgWindow *window;
  g_autofree char *dir = NULL;
  g_autofree char *locked = NULL;
  g_autofree char *target = NULL;

  if (geteuid () == 0)
    {
      g_test_skip ("as root, a folder without write permission is written in all the same: "
                   "run it as another user (failed-write-keeps-the-earlier-file fails a "
                   "write for root too)");
      return;
    }

  window = qg_test_open_window (NULL, NULL, NULL);
  dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  locked = g_build_filename (dir, "locked", NULL);
  target = g_build_filename (locked, "map.svg", NULL);
  g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
  assert_export_fails (window, target, "no permission to write in that folder");
  assert_dir_holds (locked, NULL);

  g_assert_cmpint (g_rmdir (locked), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* Root writes past permissions, but not past a file-size limit: with
 * SIGXFSZ ignored, a write beyond it fails with EFBIG. The limit is the
 * whole process's, so it is held only while the export is written. */
static void
test_failed_write_keeps_the_earlier_file (void)
{
  static const char earlier[] = "<svg><!-- an earlier export --></svg>\n";
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "map.svg", NULL);
  g_autofree char *expected = g_strdup_printf ("%s: could not write the map: %s", path,
                                               g_strerror (EFBIG));
  g_autofree char *body = NULL;
  g_autofree char *kept = NULL;
  struct sigaction ignore = { .sa_handler = SIG_IGN };
  struct sigaction old_action;
  struct rlimit old_limit;
  struct rlimit limit;
  gsize length;

  g_assert_true (g_file_set_contents (path, earlier, -1, NULL));
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  /* The map (some 300 KB) fails past 8 KiB; the hard limit stays, so that
   * the soft one can be raised again without privileges. */
  limit = (struct rlimit) { .rlim_cur = 8192, .rlim_max = old_limit.rlim_max };
  g_assert_cmpint (sigaction (SIGXFSZ, &ignore, &old_action), ==, 0);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &limit), ==, 0);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", path, FALSE);
  qg_test_wait_for (qg_test_not_busy, window, "the export to fail");
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old_limit), ==, 0);
  g_assert_cmpint (sigaction (SIGXFSZ, &old_action, NULL), ==, 0);

  /* It failed writing, and says so about the file that was chosen, and no
   * other. */
  body = qg_test_take_message_dialog ();
  g_assert_cmpstr (body, ==, expected);
  /* The earlier file byte for byte, and no temporary file beside it. */
  g_assert_true (g_file_get_contents (path, &kept, &length, NULL));
  g_assert_cmpmem (kept, length, earlier, strlen (earlier));
  assert_dir_holds (dir, "map.svg");

  g_remove (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The name the save dialog proposes for the bundled map, but for its
 * extension: its title, "Kaspersky: US government removes…", made safe. */
#define KASPERSKY_NAME "Kaspersky - US government removes Russian security software"

/* The save dialog, opened from @window as its Export item does, with its
 * folder listed. */
static GtkFileChooser *
open_save_dialog (QgWindow *window)
{
  GtkFileChooser *chooser;

  /* Nothing left by the dialog before: GTK's own messages are these. */
  g_assert_null (qg_test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  qg_test_wait_for (qg_test_file_chooser_shown, NULL, "the save dialog");
  chooser = qg_test_find_file_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  qg_test_wait_for (qg_test_file_chooser_listed, chooser, "the save dialog to list its folder");
  return chooser;
}

typedef struct
{
  QgWindow   *window;
  const char *path;
} Written;

static gboolean
written (gpointer data)
{
  Written *w = data;

  return !qg_window_is_busy (w->window) && g_file_test (w->path, G_FILE_TEST_EXISTS)
         && qg_test_find_file_chooser () == NULL;
}

/* Accepts the dialog, after @choose has given it a name, with the filter
 * at @filter_index; waits for @expected to be written. */
static void
export_through_dialog (QgWindow   *window,
                       void      (*choose) (GtkFileChooser *chooser, const char *dir),
                       const char *dir,
                       guint       filter_index,
                       const char *expected)
{
  Written w = { window, expected };
  g_autofree char *proposed = NULL;
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GtkFileFilter) filter = NULL;
  GtkFileChooser *chooser;
  GtkWidget *button;

  chooser = open_save_dialog (window);
  proposed = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (proposed, ==, KASPERSKY_NAME ".svg");
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 7);
  filter = g_list_model_get_item (filters, filter_index);
  gtk_file_chooser_set_filter (chooser, filter);
  choose (chooser, dir);

  /* Its Export button, as a click would; the dialog checks the name
   * before it answers. */
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Export");
  gtk_widget_activate (button);
  qg_test_wait_for (written, &w, expected);
}

/* The proposed name, in the folder the dialog opens in: the current one. */
static void
keep_the_name (GtkFileChooser *chooser,
               const char     *dir)
{
}

/* A full path typed in the name field. */
static void
type_a_path (GtkFileChooser *chooser,
             const char     *dir)
{
  g_autofree char *path = g_build_filename (dir, "typed.pdf", NULL);

  gtk_file_chooser_set_current_name (chooser, path);
}

static void
test_export_dialog_follows_the_name (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, KASPERSKY_NAME ".png", NULL);
  g_autofree char *pdf_path = g_build_filename (dir, "typed.pdf", NULL);
  g_autofree char *png = NULL;
  g_autofree char *pdf = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  /* The proposed name kept and PNG chosen: a PNG. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  export_through_dialog (window, keep_the_name, dir, 1, png_path);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_true (g_file_get_contents (png_path, &png, NULL, NULL));
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  /* A full path typed, whose extension wins over the filter. */
  export_through_dialog (window, type_a_path, dir, 1, pdf_path);
  g_assert_true (g_file_get_contents (pdf_path, &pdf, NULL, NULL));
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  g_remove (png_path);
  g_remove (pdf_path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The AIF filter, with the proposed name kept, writes NAME.aif.json in
 * AIF, not NAME.json, nor NAME.aif.json.svg. */
static void
test_export_dialog_aif (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, KASPERSKY_NAME ".aif.json", NULL);
  g_autofree char *cwd = g_get_current_dir ();

  g_assert_cmpint (g_chdir (dir), ==, 0);
  export_through_dialog (window, keep_the_name, dir, 6, path);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  assert_aif_of_map (window, path);
  g_remove (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The width of the PNG image at @path, from its header; the file goes. */
static guint32
take_png_width (const char *path)
{
  g_autofree char *png = NULL;
  gsize length;
  guint32 width;

  g_assert_true (g_file_get_contents (path, &png, &length, NULL));
  g_assert_cmpuint (length, >, 24);
  g_assert_cmpmem (png, 8, "\x89PNG\r\n\x1a\n", 8);
  /* The first chunk's length and type, then the width, big-endian. */
  g_assert_cmpmem (png + 12, 4, "IHDR", 4);
  memcpy (&width, png + 16, sizeof width);
  g_assert_cmpint (g_remove (path), ==, 0);
  return GUINT32_FROM_BE (width);
}

/* Each PNG filter is a resolution: with the proposed name kept, the PNG
 * is drawn at the chosen one, and SVG chosen after it is SVG as ever. */
static void
test_export_dialog_png_resolution_is_a_filter (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (dir, KASPERSKY_NAME ".png", NULL);
  g_autofree char *svg_path = g_build_filename (dir, KASPERSKY_NAME ".svg", NULL);
  g_autofree char *plain_path = g_build_filename (dir, "plain.svg", NULL);
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *svg = NULL;
  g_autofree char *plain = NULL;
  guint32 screen, sharp, print;
  gsize svg_length;

  /* The dialog opens in the current folder; the filters are in the order
   * of export_choices: SVG, PNG at 96, 192 and 300 dpi, PDF, DOT, AIF. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  export_through_dialog (window, keep_the_name, dir, 1, png_path);
  screen = take_png_width (png_path);
  export_through_dialog (window, keep_the_name, dir, 2, png_path);
  sharp = take_png_width (png_path);
  export_through_dialog (window, keep_the_name, dir, 3, png_path);
  print = take_png_width (png_path);
  export_through_dialog (window, keep_the_name, dir, 0, svg_path);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_test_message ("PNG widths: %u, %u, %u", screen, sharp, print);
  g_assert_cmpuint (screen, >, 100);
  g_assert_cmpfloat (fabs (sharp - screen * 2.0), <=, 1.0);
  g_assert_cmpfloat (fabs (print - screen * 300.0 / 96.0), <=, 1.0);
  /* The SVG is the one written without any resolution, byte for byte. */
  g_assert_true (g_file_get_contents (svg_path, &svg, &svg_length, NULL));
  g_assert_true (g_str_has_prefix (svg, "<?xml"));
  plain = export_and_read (window, plain_path, FALSE);
  g_assert_cmpmem (svg, svg_length, plain, strlen (plain));

  g_remove (svg_path);
  g_remove (plain_path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The name proposed for the article's title, as every file system takes
 * it: each character that one of them refuses, and each unprintable one,
 * becomes a dash; a colon that ends a phrase, a spaced dash. */
static void
test_export_dialog_proposes_a_safe_name (void)
{
  static const struct
  {
    const char *document;  /* in tests/data/valid, or NULL: the bundled map */
    const char *expected;
  } cases[] = {
    { NULL, KASPERSKY_NAME ".svg" },
    /* Titled, as C would write it, "A/B\\C:D*E?F\"G<H>I|J\tK\nL\aM\x7fN\u0085O\u200bP: Q" */
    { "unsafe-title.json", "A-B-C-D-E-F-G-H-I-J-K-L-M-N-O-P - Q.svg" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = cases[i].document
                              ? g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                       cases[i].document, NULL)
                              : NULL;
      g_autoptr(GFile) file = path ? g_file_new_for_path (path) : NULL;
      QgWindow *window = qg_test_open_window (NULL, NULL, file);
      GtkFileChooser *chooser = open_save_dialog (window);
      g_autofree char *proposed = gtk_file_chooser_get_current_name (chooser);

      g_assert_cmpstr (proposed, ==, cases[i].expected);
      gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
      qg_test_wait_for (qg_test_file_chooser_gone, NULL, "the save dialog to close");
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
  GtkWidget  *found;
} ShownLabel;

static gboolean
label_shown_in_popover (gpointer data)
{
  ShownLabel *w = data;
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (w->root, qg_test_is_shown_label, w->text, labels);
  w->found = NULL;
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_ancestor (g_ptr_array_index (labels, i), GTK_TYPE_POPOVER) != NULL)
      w->found = g_ptr_array_index (labels, i);
  return w->found != NULL;
}

static gboolean
allocated (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

/* A real click on the drop-down of the dialog's choice @choice, then on
 * its option @option. (GTK 4.8's gtk_file_chooser_set_choice() leaves a
 * drop-down as it is.) */
static void
choose_from_drop_down (GtkFileChooser *chooser,
                       const char     *choice,
                       const char     *option)
{
  GtkWidget *label = qg_test_find_labelled (GTK_WIDGET (chooser), GTK_TYPE_LABEL, choice);
  g_autoptr(GPtrArray) drops = g_ptr_array_new ();
  ShownLabel wait = { GTK_WIDGET (chooser), option, NULL };

  g_assert_nonnull (label);
  qg_test_collect_if (gtk_widget_get_parent (label), qg_test_is_of_type,
                      GSIZE_TO_POINTER (GTK_TYPE_DROP_DOWN), drops);
  g_assert_cmpuint (drops->len, ==, 1);
  /* Laid out: the dialog is shown before it has a size. */
  qg_test_wait_for (allocated, g_ptr_array_index (drops, 0), "the drop-down to be laid out");
  qg_test_wait_frames (g_ptr_array_index (drops, 0));
  qg_test_click_widget (g_ptr_array_index (drops, 0));
  qg_test_wait_for (label_shown_in_popover, &wait, option);
  qg_test_wait_frames (wait.found);
  qg_test_click_widget (wait.found);
}

static gboolean
drafts_left_out (gpointer chooser)
{
  return g_strcmp0 (gtk_file_chooser_get_choice (chooser, "drafts"), "left-out") == 0;
}

/* A map with drafts offers them marked, as the map shows them, or left
 * out: left out, the SVG has none of them, and its description counts the
 * rest. A map without drafts has no such choice. */
static void
test_export_dialog_drafts_left_out (void)
{
  g_autofree char *document = g_test_build_filename (G_TEST_DIST, "data", "drafts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (document);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "checked.svg", NULL);
  g_autofree char *svg = NULL;
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  Written w = { window, path };
  GtkFileChooser *chooser = open_save_dialog (window);

  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "drafts"), ==, "marked");
  choose_from_drop_down (chooser, "Drafts", "Left out");
  qg_test_wait_for (drafts_left_out, chooser, "Drafts: Left out");
  gtk_file_chooser_set_current_name (chooser, path);
  gtk_widget_activate (gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser),
                                                           GTK_RESPONSE_ACCEPT));
  qg_test_wait_for (written, &w, path);
  g_assert_true (g_file_get_contents (path, &svg, NULL, NULL));
  g_assert_null (strstr (svg, "draft"));
  g_assert_null (strstr (svg, "Eastbrook"));
  g_assert_nonnull (strstr (svg, "<g id=\"carla&#45;diaz\" class=\"node person\">"));
  g_assert_nonnull (strstr (svg, "): 2 entities and 1 relations,"));
  gtk_window_destroy (GTK_WINDOW (window));

  /* Left out by default when the preferences say so. */
  {
    g_autoptr(GSettings) settings = qg_settings_new ();

    g_settings_set_string (settings, "export-drafts", "left-out");
    window = qg_test_open_window (NULL, NULL, file);
    chooser = open_save_dialog (window);
    g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "drafts"), ==, "left-out");
    gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
    qg_test_wait_for (qg_test_file_chooser_gone, NULL, "the save dialog to close");
    gtk_window_destroy (GTK_WINDOW (window));
    g_settings_reset (settings, "export-drafts");
  }

  window = qg_test_open_window (NULL, NULL, NULL);
  chooser = open_save_dialog (window);
  g_assert_false (window->export_offers_drafts);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_CANCEL);
  qg_test_wait_for (qg_test_file_chooser_gone, NULL, "the save dialog to close");
  gtk_window_destroy (GTK_WINDOW (window));
  g_remove (path);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!qg_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/quotegraph/export/writes-the-file", test_export_writes_the_file);
  g_test_add_func ("/quotegraph/export/aif", test_export_aif);
  g_test_add_func ("/quotegraph/export/failure-is-shown", test_export_failure_is_shown);
  g_test_add_func ("/quotegraph/export/can-be-cancelled", test_export_can_be_cancelled);
  g_test_add_func ("/quotegraph/export/outlives-its-window", test_export_outlives_its_window);
  g_test_add_func ("/quotegraph/export/onto-a-symlink", test_export_onto_a_symlink);
  g_test_add_func ("/quotegraph/export/without-permission-is-shown",
                   test_export_without_permission_is_shown);
  g_test_add_func ("/quotegraph/export/failed-write-keeps-the-earlier-file",
                   test_failed_write_keeps_the_earlier_file);
  /* The save dialog's, all below /quotegraph/export/dialog/: run by
   * tests/meson.build as a test of their own (see dialog_tests there). */
  g_test_add_func ("/quotegraph/export/dialog/follows-the-name",
                   test_export_dialog_follows_the_name);
  g_test_add_func ("/quotegraph/export/dialog/aif", test_export_dialog_aif);
  g_test_add_func ("/quotegraph/export/dialog/proposes-a-safe-name",
                   test_export_dialog_proposes_a_safe_name);
  g_test_add_func ("/quotegraph/export/dialog/png-resolution-is-a-filter",
                   test_export_dialog_png_resolution_is_a_filter);
  g_test_add_func ("/quotegraph/export/dialog/drafts-left-out",
                   test_export_dialog_drafts_left_out);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  return status;
}
