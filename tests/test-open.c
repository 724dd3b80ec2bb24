/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Opening files as a person does, under Xvfb: the command line and the
 * desktop, what a file is told by, what is said when it cannot be
 * opened. Input is real X events, sent with xdotool. */
#include "config.h"

#include <glib/gstdio.h>

#include "qg-new-map-dialog.h"
#include "qg-test-utils.h"
#include "qg-ui-test.h"
#include "qg-window-private.h"

/* A folder of the test's own, for the files it writes and for the
 * recent files' list (XDG_DATA_HOME), made afresh for every run. */
static char *scratch;

static GFile *scratch_copy_of (const char *from);

static void
remove_tree (const char *path)
{
  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          remove_tree (child);
        }
    }
  g_remove (path);
}

static GFile *
valid_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);

  return g_file_new_for_path (path);
}

/* @name of tests/data/valid copied into the scratch folder: a file the
 * test may change. */
static GFile *
scratch_copy (const char *name)
{
  g_autofree char *from = g_test_build_filename (G_TEST_DIST, "data", "valid", name, NULL);

  return scratch_copy_of (from);
}

static GFile *
scratch_copy_of (const char *from)
{
  g_autofree char *name = g_path_get_basename (from);
  g_autofree char *to = g_build_filename (scratch, name, NULL);
  g_autofree char *contents = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (from, &contents, &length, NULL));
  g_assert_true (g_file_set_contents (to, contents, length, NULL));
  return g_file_new_for_path (to);
}

static GFile *
scratch_file (const char *name,
              const char *contents,
              gssize      length)
{
  g_autofree char *path = g_build_filename (scratch, name, NULL);

  g_assert_true (g_file_set_contents (path, contents, length, NULL));
  return g_file_new_for_path (path);
}

static GtkWidget *
view_of (QgWindow *window)
{
  return GTK_WIDGET (qg_window_get_graph_view (window));
}

static gboolean
not_fitted (gpointer data)
{
  return !qg_viewport_get_fitted (data);
}

/* The viewport's offset moved away from where it was. */
typedef struct
{
  QgViewport *viewport;
  double      x;
} OffsetWait;

static gboolean
offset_moved (gpointer data)
{
  OffsetWait *wait = data;
  double x, y;

  qg_viewport_get_offset (wait->viewport, &x, &y);
  return x != wait->x;
}

static gboolean
one_window (gpointer data)
{
  g_autoptr(GPtrArray) windows = qg_test_app_windows ();

  return windows->len == 1;
}

static QgWindow *
window_holding (GFile *file)
{
  g_autoptr(GPtrArray) windows = qg_test_app_windows ();

  for (guint i = 0; i < windows->len; i++)
    if (qg_window_holds_file (g_ptr_array_index (windows, i), file))
      return g_ptr_array_index (windows, i);
  return NULL;
}

static gboolean
shown_and_ready (gpointer data)
{
  QgWindow *window = window_holding (data);

  return window != NULL && qg_window_get_document (window) != NULL
         && qg_test_window_ready (window);
}

/* The window that shows @file once it is laid out and on screen. */
static QgWindow *
wait_for_window (GFile *file)
{
  g_autofree char *name = g_file_get_basename (file);

  qg_test_wait_for (shown_and_ready, file, name);
  return window_holding (file);
}

typedef struct
{
  QgWindow *window;
  GFile    *file;
} ShownWait;

static gboolean
window_shows (gpointer data)
{
  ShownWait *w = data;
  QgDocument *document = qg_window_get_document (w->window);

  return document != NULL && qg_document_get_file (document) != NULL
         && g_file_equal (qg_document_get_file (document), w->file)
         && qg_test_window_ready (w->window);
}

static void
wait_window_shows (QgWindow *window,
                   GFile    *file)
{
  ShownWait w = { window, file };

  qg_test_wait_for (window_shows, &w, "the new map");
}

static gboolean
is_active (gpointer data)
{
  return gtk_window_is_active (data);
}

/* The one message dialog shown, or NULL. */
static AdwMessageDialog *
message_dialog (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  AdwMessageDialog *found = NULL;

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item) && gtk_widget_get_visible (GTK_WIDGET (item)))
        {
          g_assert_null (found);
          found = ADW_MESSAGE_DIALOG (item);
        }
    }
  return found;
}

static gboolean
no_message_dialog (gpointer data)
{
  return message_dialog () == NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return message_dialog () != NULL && gtk_widget_get_mapped (GTK_WIDGET (message_dialog ()));
}

/* ------------------------------------------------------------------------ */
/* The desktop and the command line                                          */

/* Two files given at once open two windows; one given again while it is
 * read, or once shown, presents the window that shows it. */
static void
test_two_files_two_windows (void)
{
  g_autoptr(GFile) small = valid_file ("small.json");
  g_autoptr(GFile) library = valid_file ("library-vote.json");
  GFile *files[] = { small, library, small };
  g_autoptr(GPtrArray) windows = NULL;
  QgWindow *small_window, *library_window;

  g_application_open (G_APPLICATION (qg_test_app), files, G_N_ELEMENTS (files), "");
  small_window = wait_for_window (small);
  library_window = wait_for_window (library);
  windows = qg_test_app_windows ();
  g_assert_cmpuint (windows->len, ==, 2);
  g_assert_true (small_window != library_window);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (small_window)), ==, "Small test");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (library_window)), ==,
                   "Millbrook council votes 4-3 to close Eastside library branch");

  /* Asked for again, from behind the other window: it comes forward. */
  gtk_window_present (GTK_WINDOW (library_window));
  qg_test_wait_for (is_active, library_window, "the library's window to be active");
  g_application_open (G_APPLICATION (qg_test_app), &small, 1, "");
  qg_test_wait_for (is_active, small_window, "the small map's window to come forward");
  g_clear_pointer (&windows, g_ptr_array_unref);
  windows = qg_test_app_windows ();
  g_assert_cmpuint (windows->len, ==, 2);
  qg_test_close_all_windows ();
}

typedef struct
{
  const char *title;
  guint       count;
} TitleWait;

/* The X windows shown with the title @title, as xdotool finds them. */
static GStrv
x_windows_titled (const char *title)
{
  g_autofree char *pattern = g_strdup_printf ("^%s$", title);
  const char *argv[] = { "xdotool", "search", "--onlyvisible", "--name", pattern, NULL };
  g_autofree char *out = NULL;
  int status;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, &status, NULL));
  return g_strsplit_set (g_strstrip (out), "\n", -1);
}

static gboolean
x_windows_are (gpointer data)
{
  TitleWait *w = data;
  g_auto(GStrv) found = x_windows_titled (w->title);

  return g_strv_length (found) == w->count && (w->count > 0 || found[0] == NULL);
}

static void
wait_x_windows (const char *title,
                guint       count)
{
  TitleWait w = { title, count };

  qg_test_wait_for (x_windows_are, &w, title);
}

static char *
x_focus (void)
{
  const char *argv[] = { "xdotool", "getwindowfocus", NULL };
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, NULL));
  return g_strstrip (out);
}

static gboolean
x_focus_is (gpointer data)
{
  g_autofree char *focus = x_focus ();

  return g_strcmp0 (focus, data) == 0;
}

static void
x_keys (const char *xid,
        const char *keys)
{
  qg_test_run ((const char *[]) { "xdotool", "windowfocus", "--sync", xid, "key",
                                  "--clearmodifiers", keys, NULL });
}

static void
subprocess_waited (GObject      *source,
                   GAsyncResult *result,
                   gpointer      data)
{
  g_assert_true (g_subprocess_wait_finish (G_SUBPROCESS (source), result, NULL));
  *(gboolean *) data = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
wait_subprocess (GSubprocess *process)
{
  gboolean done = FALSE;

  /* Its exit is seen by the main loop. */
  g_subprocess_wait_async (process, NULL, subprocess_waited, &done);
  qg_test_wait_for (is_true, &done, "quotegraph to exit");
}

/* The program itself: `quotegraph A B` opens two windows, and `quotegraph
 * A` again, from another shell, brings A's forward instead of opening it
 * twice. --check still takes one file. */
static void
test_command_line (void)
{
  const char *quotegraph = g_getenv ("QUOTEGRAPH");
  g_autofree char *small = g_test_build_filename (G_TEST_DIST, "data", "valid", "small.json",
                                                  NULL);
  g_autofree char *library = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                    "library-vote.json", NULL);
  const char *library_title = "Millbrook council votes 4-3 to close Eastside library branch";
  g_autofree char *data_home = g_build_filename (scratch, "quotegraph-data", NULL);
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  g_autoptr(GSubprocess) first = NULL;
  g_autoptr(GSubprocess) again = NULL;
  g_autoptr(GSubprocess) check = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) small_windows = NULL;
  g_auto(GStrv) library_windows = NULL;

  g_assert_nonnull (quotegraph);
  /* Its recent files are its own, not this process's. */
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", data_home, TRUE);
  check = g_subprocess_launcher_spawn (launcher, &error, quotegraph, "--check", small, library,
                                       NULL);
  g_assert_no_error (error);
  wait_subprocess (check);
  g_assert_cmpint (g_subprocess_get_exit_status (check), ==, 2);

  first = g_subprocess_launcher_spawn (launcher, &error, quotegraph, small, library, NULL);
  g_assert_no_error (error);
  wait_x_windows ("Small test", 1);
  wait_x_windows (library_title, 1);
  small_windows = x_windows_titled ("Small test");
  library_windows = x_windows_titled (library_title);

  /* Again, with the library's window in front. */
  qg_test_run ((const char *[]) { "xdotool", "windowfocus", "--sync", library_windows[0],
                                  NULL });
  again = g_subprocess_launcher_spawn (launcher, &error, quotegraph, small, NULL);
  g_assert_no_error (error);
  wait_subprocess (again);
  g_assert_true (g_subprocess_get_if_exited (again));
  g_assert_cmpint (g_subprocess_get_exit_status (again), ==, 0);
  qg_test_wait_for (x_focus_is, small_windows[0], "the small map's window to come forward");
  wait_x_windows ("Small test", 1);
  /* Still running: no identifier once it has exited. */
  g_assert_nonnull (g_subprocess_get_identifier (first));

  /* Quit, as a person would; it ends well. */
  x_keys (small_windows[0], "ctrl+q");
  wait_subprocess (first);
  g_assert_true (g_subprocess_get_if_exited (first));
  g_assert_cmpint (g_subprocess_get_exit_status (first), ==, 0);
}

/* ------------------------------------------------------------------------ */
/* What a file is                                                            */

static gboolean
new_map_dialog_read (gpointer data)
{
  QgNewMapDialog *dialog = qg_test_find_toplevel (QG_TYPE_NEW_MAP_DIALOG);

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog))
         && !qg_new_map_dialog_is_reading (dialog);
}

static gboolean
is_text_view (GtkWidget     *widget,
              gconstpointer  data)
{
  return GTK_IS_TEXT_VIEW (widget);
}

/* The article in the New Map dialog, and its title. */
static void
new_map_dialog_fields (char **text,
                       char **title)
{
  QgNewMapDialog *dialog = qg_test_find_toplevel (QG_TYPE_NEW_MAP_DIALOG);
  g_autoptr(GPtrArray) views = g_ptr_array_new ();
  GtkWidget *row = qg_test_find_labelled (GTK_WIDGET (dialog), ADW_TYPE_ENTRY_ROW, "Title");
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  qg_test_collect_if (GTK_WIDGET (dialog), is_text_view, NULL, views);
  g_assert_cmpuint (views->len, ==, 1);
  buffer = gtk_text_view_get_buffer (g_ptr_array_index (views, 0));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  *text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
  *title = g_strdup (gtk_editable_get_text (GTK_EDITABLE (row)));
}

/* An article starts a new map: one way there for all, the New Map
 * dialog, with the article read into it. */
static void
test_article_starts_a_map (void)
{
  g_autoptr(GFile) text = valid_file ("small.txt");
  g_autoptr(GFile) html = scratch_file ("page.html", "<!DOCTYPE html><title>A</title><p>B", -1);
  g_autoptr(GPtrArray) windows = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *shown = NULL;
  g_autofree char *title = NULL;

  g_assert_true (g_file_load_contents (text, NULL, &expected, NULL, NULL, NULL));
  qg_application_open_file (QG_APPLICATION (qg_test_app), text, NULL, NULL);
  qg_test_wait_for (new_map_dialog_read, NULL, "the New Map dialog to read the article");
  new_map_dialog_fields (&shown, &title);
  g_assert_cmpstr (shown, ==, expected);
  windows = qg_test_app_windows ();
  g_assert_cmpuint (windows->len, ==, 0);
  gtk_window_destroy (qg_test_find_toplevel (QG_TYPE_NEW_MAP_DIALOG));
  g_clear_pointer (&shown, g_free);
  g_clear_pointer (&title, g_free);

  qg_application_open_file (QG_APPLICATION (qg_test_app), html, NULL, NULL);
  qg_test_wait_for (new_map_dialog_read, NULL, "the New Map dialog to read the page");
  new_map_dialog_fields (&shown, &title);
  g_assert_cmpstr (shown, ==, "B");
  g_assert_cmpstr (title, ==, "A");
  gtk_window_destroy (qg_test_find_toplevel (QG_TYPE_NEW_MAP_DIALOG));
  qg_test_close_all_windows ();
}

static gboolean
failure_page_shown (gpointer data)
{
  GtkWidget *list = qg_test_error_list (data);

  return list != NULL && gtk_widget_get_mapped (list);
}

/* What is neither is refused, naming the file and saying what it is: over
 * the map on screen, which stays, or on a window of its own. */
static void
test_neither_is_refused (void)
{
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  g_autoptr(GFile) picture = scratch_file ("picture.json", png, sizeof png - 1);
  const char *expected = "picture.json: not a Quotegraph document or an article: it is a PNG "
                         "image";
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *before = qg_window_get_document (window);
  g_autoptr(GPtrArray) windows = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *listed = NULL;

  qg_window_open_file (window, picture, NULL);
  qg_test_wait_for (message_dialog_shown, NULL, "the error");
  g_free (qg_test_take_dialog_and_errors (&errors));
  g_assert_cmpstr (errors, ==, expected);
  g_assert_true (qg_window_get_document (window) == before);
  gtk_window_destroy (GTK_WINDOW (window));

  /* From the desktop, with no window: one says why, and can try again. */
  qg_application_open_file (QG_APPLICATION (qg_test_app), picture, NULL, NULL);
  qg_test_wait_for (one_window, NULL, "a window");
  windows = qg_test_app_windows ();
  window = g_ptr_array_index (windows, 0);
  qg_test_wait_for (failure_page_shown, window, "the failure page");
  listed = qg_test_listed_errors (GTK_WIDGET (window));
  g_assert_cmpstr (listed, ==, expected);
  g_assert_true (gtk_widget_is_sensitive (qg_test_find_labelled (GTK_WIDGET (window),
                                                                 GTK_TYPE_BUTTON,
                                                                 "_Try Again")));
  qg_test_close_all_windows ();
}

/* ------------------------------------------------------------------------ */
/* Drops                                                                     */

/* A window of the test's own that offers @file to be dragged, as a file
 * manager does: a real drag, through the X server, from it to a window. */
typedef struct
{
  GtkWidget     *window;
  GtkWidget     *label;
  GFile         *file;
  gboolean       began;
} DragSource;

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source,
                 double         x,
                 double         y,
                 DragSource    *drag)
{
  GSList *files = g_slist_prepend (NULL, drag->file);
  GdkContentProvider *content = gdk_content_provider_new_typed (GDK_TYPE_FILE_LIST, files);

  g_slist_free (files);
  return content;
}

static void
drag_begin_cb (GtkDragSource *source,
               GdkDrag       *gdk_drag,
               DragSource    *drag)
{
  drag->began = TRUE;
}

static void
drag_source_init (DragSource *drag,
                  GFile      *file)
{
  GtkDragSource *source = gtk_drag_source_new ();

  drag->file = g_object_ref (file);
  drag->began = FALSE;
  drag->window = gtk_window_new ();
  drag->label = gtk_label_new ("Drag me");
  gtk_window_set_default_size (GTK_WINDOW (drag->window), 200, 100);
  gtk_window_set_child (GTK_WINDOW (drag->window), drag->label);
  gtk_drag_source_set_actions (source, GDK_ACTION_COPY);
  g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), drag);
  g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), drag);
  gtk_widget_add_controller (drag->label, GTK_EVENT_CONTROLLER (source));
  gtk_window_present (GTK_WINDOW (drag->window));
  qg_test_wait_frames (drag->window);
}

static void
drag_source_clear (DragSource *drag)
{
  gtk_window_destroy (GTK_WINDOW (drag->window));
  g_clear_object (&drag->file);
}

static GtkDropTarget *
drop_target_of (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  GtkDropTarget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        found = GTK_DROP_TARGET (controller);
    }
  g_assert_nonnull (found);
  return found;
}

static gboolean
drop_hovering (gpointer data)
{
  return gtk_drop_target_get_current_drop (data) != NULL;
}

/* Presses on the source, drags out of it and over (x, y) of @onto, and
 * lets go there, each step once the last has been seen. */
static void
drag_and_drop (DragSource *drag,
               GtkWidget  *onto,
               double      x,
               double      y)
{
  GtkDropTarget *target = drop_target_of (GTK_WIDGET (gtk_widget_get_native (onto)));
  g_autofree char *source_xid = qg_test_xid (drag->window);
  g_autofree char *onto_xid = qg_test_xid (onto);
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  g_autofree char *nx = NULL;
  g_autofree char *ny = NULL;

  qg_test_surface_point (onto, x, y, &sx, &sy);
  qg_test_surface_point (onto, x + 10, y + 10, &nx, &ny);
  qg_test_pointer_then (drag->label, 20, 20, (const char *[]) { "mousedown", "1", NULL });
  qg_test_run ((const char *[]) { "xdotool", "mousemove", "--window", source_xid, "40", "40",
                                  "mousemove", "--window", source_xid, "80", "60", NULL });
  qg_test_wait_for (is_true, &drag->began, "the drag to begin");
  qg_test_run ((const char *[]) { "xdotool", "mousemove", "--window", onto_xid, sx, sy,
                                  "mousemove", "--window", onto_xid, nx, ny, NULL });
  qg_test_wait_for (drop_hovering, target, "the drag over the window");
  qg_test_run ((const char *[]) { "xdotool", "mouseup", "1", NULL });
}

/* A map dragged from a file manager onto the map opens in the window. */
static void
test_drop_opens (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autoptr(GFile) library = valid_file ("library-vote.json");
  DragSource drag;

  drag_source_init (&drag, library);
  drag_and_drop (&drag, view_of (window), 500, 300);
  wait_window_shows (window, library);
  g_assert_cmpuint (qg_document_get_n_entities (qg_window_get_document (window)), ==, 12);
  drag_source_clear (&drag);
  qg_test_close_all_windows ();
}

/* A broken map dropped on the map: the dialog lists every error, as
 * --check prints them, and the map is as it was: the same document, the
 * same view, the same selection. */
static void
test_failed_open_keeps_the_map (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgViewport *viewport = qg_graph_view_get_viewport (view);
  QgDocument *before = qg_window_get_document (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                 "several-errors.json", NULL);
  g_autofree char *err = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                "several-errors.err", NULL);
  g_autoptr(GFile) broken = g_file_new_for_path (path);
  g_autofree char *expected = NULL;
  g_autofree char *errors = NULL;
  double zoom, x, y, after_x, after_y;
  DragSource drag;

  g_assert_true (g_file_get_contents (err, &expected, NULL, NULL));
  g_strchomp (expected);
  /* Somewhere of the person's own: zoomed in, one entity selected. */
  qg_test_keys (view_of (window), "plus");
  qg_test_wait_for (not_fitted, viewport, "the zoom");
  qg_viewport_finish_animation (viewport);
  g_assert_true (qg_graph_view_set_selection (view, "fsb"));
  zoom = qg_viewport_get_zoom (viewport);
  qg_viewport_get_offset (viewport, &x, &y);

  drag_source_init (&drag, broken);
  drag_and_drop (&drag, view_of (window), 400, 300);
  qg_test_wait_for (message_dialog_shown, NULL, "the errors");
  g_assert_cmpstr (adw_message_dialog_get_heading (message_dialog ()), ==,
                   "The Document Could Not Be Opened");
  g_free (qg_test_take_dialog_and_errors (&errors));
  g_assert_cmpstr (errors, ==, expected);

  g_assert_true (qg_window_get_document (window) == before);
  g_assert_true (qg_graph_view_get_document (view) == before);
  g_assert_cmpfloat (qg_viewport_get_zoom (viewport), ==, zoom);
  qg_viewport_get_offset (viewport, &after_x, &after_y);
  g_assert_cmpfloat (after_x, ==, x);
  g_assert_cmpfloat (after_y, ==, y);
  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "fsb");
  drag_source_clear (&drag);
  qg_test_close_all_windows ();
}

/* ------------------------------------------------------------------------ */
/* Recent files                                                              */

static gboolean
is_recent (gpointer data)
{
  return gtk_recent_manager_has_item (gtk_recent_manager_get_default (), data);
}

static gboolean
is_model_button (GtkWidget     *widget,
                 gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("GtkModelButton"));
}

/* The mapped item of the popover menu under @root labelled @label. */
static GtkWidget *
menu_item (GtkWidget  *root,
           const char *label)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();

  qg_test_collect_if (root, is_model_button, NULL, items);
  for (guint i = 0; i < items->len; i++)
    {
      GtkWidget *item = g_ptr_array_index (items, i);
      g_autofree char *text = NULL;

      g_object_get (item, "text", &text, NULL);
      if (g_strcmp0 (text, label) == 0 && gtk_widget_get_mapped (item))
        return item;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *label;
} ItemWait;

static gboolean
item_shown (gpointer data)
{
  ItemWait *w = data;

  return menu_item (w->root, w->label) != NULL;
}

/* Clicks the menu's item @label once it is shown. */
static void
click_menu_item (GtkWidget  *popover,
                 const char *label)
{
  ItemWait w = { popover, label };

  qg_test_wait_for (item_shown, &w, label);
  qg_test_wait_frames (popover);
  qg_test_click_widget (menu_item (popover, label));
}

static gboolean
is_main_menu_button (GtkWidget     *widget,
                     gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget));
}

/* A map opened is offered again in the main menu's Open Recent, by its
 * name, and its folder where another has that name; a click there opens
 * it again. */
static void
test_open_recent (void)
{
  g_autoptr(GFile) other_small = valid_file ("small.json");
  g_autoptr(GFile) small = scratch_copy ("small.json");
  g_autoptr(GFile) library = valid_file ("library-vote.json");
  g_autofree char *small_uri = g_file_get_uri (small);
  g_autofree char *other_uri = g_file_get_uri (other_small);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  QgWindow *window = qg_test_open_window (NULL, NULL, other_small);
  g_autofree char *label = g_strdup_printf ("small.json (%s)", scratch);
  GtkWidget *popover;

  qg_window_open_file (window, small, NULL);
  wait_window_shows (window, small);
  qg_window_open_file (window, library, NULL);
  wait_window_shows (window, library);
  qg_test_wait_for (is_recent, other_uri, "the other map to be a recent file");
  qg_test_wait_for (is_recent, small_uri, "the map to be a recent file");

  qg_test_collect_if (GTK_WIDGET (window), is_main_menu_button, NULL, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (buttons, 0));
  popover = GTK_WIDGET (gtk_menu_button_get_popover (g_ptr_array_index (buttons, 0)));
  click_menu_item (popover, "Open Recent");
  /* Two of that name, from two folders: each says which. */
  click_menu_item (popover, label);
  wait_window_shows (window, small);
  qg_test_close_all_windows ();
}

/* ------------------------------------------------------------------------ */
/* Live reload                                                               */

static char *
read_text (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, NULL));
  return text;
}

/* @file's text with every @from replaced by @to. */
static char *
edited (GFile      *file,
        const char *from,
        const char *to)
{
  g_autofree char *text = read_text (file);
  g_auto(GStrv) parts = NULL;

  g_assert_nonnull (strstr (text, from));
  parts = g_strsplit (text, from, -1);
  return g_strjoinv (to, parts);
}

/* Saved as most editors do: a new file renamed over the old. */
static void
save_by_rename (GFile      *file,
                const char *text)
{
  g_autofree char *path = g_file_get_path (file);

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
}

/* Saved in place: the file truncated and written again. */
static void
save_in_place (GFile      *file,
               const char *text)
{
  g_autofree char *path = g_file_get_path (file);
  FILE *out = fopen (path, "w");

  g_assert_nonnull (out);
  g_assert_cmpint (fputs (text, out), >=, 0);
  g_assert_cmpint (fclose (out), ==, 0);
}

typedef struct
{
  QgWindow   *window;
  QgDocument *before;
} VersionWait;

static gboolean
new_version_shown (gpointer data)
{
  VersionWait *w = data;

  return qg_window_get_document (w->window) != w->before && qg_test_window_ready (w->window);
}

/* Waits for a document other than @before to be shown. */
static QgDocument *
wait_new_version (QgWindow   *window,
                  QgDocument *before)
{
  VersionWait w = { window, before };

  qg_test_wait_for (new_version_shown, &w, "the new version");
  return qg_window_get_document (window);
}

static QgDocument *
save_and_wait (QgWindow   *window,
               void      (*save) (GFile *file, const char *text),
               GFile      *file,
               const char *text)
{
  VersionWait w = { window, qg_window_get_document (window) };

  save (file, text);
  qg_test_wait_for (new_version_shown, &w, "the new version");
  return qg_window_get_document (window);
}

static const char *
entity_name (QgDocument *document,
             const char *id)
{
  return qg_document_get_entity (document, qg_document_find_entity (document, id))->name;
}

/* A map saved elsewhere, by rename or in place, is shown anew where the
 * person was: the same zoom and part of the map, the same selection, or
 * none when it is gone. */
static void
test_reload_follows_a_save (void)
{
  g_autoptr(GFile) file = scratch_copy ("small.json");
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgViewport *viewport = qg_graph_view_get_viewport (view);
  g_autofree char *renamed = edited (file, "\"Acme Corp\",", "\"Acme Corporation\",");
  g_autofree char *in_place = NULL;
  g_autofree char *gone = NULL;
  QgDocument *document;
  double zoom, x, y, after_x, after_y;

  qg_test_keys (view_of (window), "plus");
  qg_test_wait_for (not_fitted, viewport, "the zoom");
  qg_viewport_finish_animation (viewport);
  qg_viewport_get_offset (viewport, &x, &y);
  {
    OffsetWait moved = { viewport, x };

    qg_test_keys (view_of (window), "Right");
    /* The key reaches the window after xdotool ends. */
    qg_test_wait_for (offset_moved, &moved, "the pan");
  }
  g_assert_true (qg_graph_view_set_selection (view, "acme"));
  qg_filter_set_kind_hidden (qg_window_get_filter (window), "guild", TRUE);
  g_assert_true (qg_graph_view_is_hidden (view, "cafe"));
  zoom = qg_viewport_get_zoom (viewport);
  qg_viewport_get_offset (viewport, &x, &y);

  document = save_and_wait (window, save_by_rename, file, renamed);
  g_assert_cmpstr (entity_name (document, "acme"), ==, "Acme Corporation");
  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "acme");
  g_assert_true (qg_graph_view_is_hidden (view, "cafe"));
  g_assert_true (qg_filter_get_kind_hidden (qg_window_get_filter (window), "guild"));
  g_assert_false (qg_viewport_get_fitted (viewport));
  g_assert_cmpfloat_with_epsilon (qg_viewport_get_zoom (viewport), zoom, 1e-9);
  qg_viewport_get_offset (viewport, &after_x, &after_y);
  g_assert_cmpfloat_with_epsilon (after_x, x, 1e-6);
  g_assert_cmpfloat_with_epsilon (after_y, y, 1e-6);

  in_place = edited (file, "\"Acme Corporation\",", "\"Acme Inc\",");
  document = save_and_wait (window, save_in_place, file, in_place);
  g_assert_cmpstr (entity_name (document, "acme"), ==, "Acme Inc");

  /* The selection gone with its id. */
  g_assert_true (qg_graph_view_set_selection (view, "cafe-silent"));
  gone = edited (file, "\"cafe-silent\"", "\"cafe-quiet\"");
  document = save_and_wait (window, save_by_rename, file, gone);
  g_assert_cmpint (qg_document_find_relation (document, "cafe-quiet"), >=, 0);
  g_assert_null (qg_graph_view_get_selection (view));
  qg_test_close_all_windows ();
}

/* The article, read from a file of its own, is followed as well. */
static void
test_reload_follows_the_text_file (void)
{
  g_autoptr(GFile) text_file = scratch_copy ("small.txt");
  g_autoptr(GFile) file = scratch_copy ("small-text-file.json");
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  g_autofree char *longer = edited (text_file, "“no comment”.", "“no comment”. The end.");
  QgDocument *document;

  document = save_and_wait (window, save_by_rename, text_file, longer);
  g_assert_true (g_str_has_suffix (qg_document_get_text (document, NULL), "The end."));
  qg_test_close_all_windows ();
}

static gboolean
banner_shown (gpointer data)
{
  GtkWidget *banner = gtk_widget_get_ancestor (data, GTK_TYPE_REVEALER);

  return gtk_revealer_get_child_revealed (GTK_REVEALER (banner));
}

static gboolean
banner_hidden (gpointer data)
{
  GtkWidget *banner = gtk_widget_get_ancestor (data, GTK_TYPE_REVEALER);

  return !gtk_revealer_get_reveal_child (GTK_REVEALER (banner))
         && !gtk_revealer_get_child_revealed (GTK_REVEALER (banner));
}

/* The line of @text on which @what begins. */
static guint
line_of (const char *text,
         const char *what)
{
  const char *at = strstr (text, what);
  guint line = 1;

  g_assert_nonnull (at);
  for (const char *p = text; p < at; p++)
    line += *p == '\n';
  return line;
}

/* A new version that cannot be opened leaves the map, under a banner
 * that shows its errors and goes when dismissed, or when the file opens
 * again. */
static void
test_reload_broken_keeps_the_map (void)
{
  g_autoptr(GFile) file = scratch_copy ("small.json");
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgDocument *before = qg_window_get_document (window);
  g_autofree char *good = read_text (file);
  g_autofree char *broken = edited (file, "\"target\": \"agency\"", "\"target\": \"agenc\"");
  g_autofree char *expected = g_strdup_printf ("small.json:%u: relations[0].target: unknown "
                                               "entity \"agenc\" (did you mean \"agency\"?)",
                                               line_of (broken, "\"agenc\""));
  GtkWidget *show_errors, *dismiss, *label;
  g_autofree char *errors = NULL;

  show_errors = qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Show Errors");
  g_assert_nonnull (show_errors);
  save_by_rename (file, broken);
  qg_test_wait_for (banner_shown, show_errors, "the banner");
  g_assert_true (qg_window_get_document (window) == before);
  label = gtk_widget_get_prev_sibling (show_errors);
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (label)), ==,
                   "The new version of “small.json” cannot be opened: the map shows the last "
                   "one that could");

  /* Its errors, as --check prints them. */
  qg_test_click_widget (show_errors);
  qg_test_wait_for (message_dialog_shown, NULL, "the errors");
  g_assert_cmpstr (adw_message_dialog_get_heading (message_dialog ()), ==,
                   "The New Version Cannot Be Opened");
  g_free (qg_test_take_dialog_and_errors (&errors));
  g_assert_cmpstr (errors, ==, expected);

  /* Dismissed, with a click. */
  dismiss = gtk_widget_get_next_sibling (show_errors);
  qg_test_click_widget (dismiss);
  qg_test_wait_for (banner_hidden, show_errors, "the banner to go");
  g_assert_true (qg_window_get_document (window) == before);

  /* Broken again, then fixed: the banner goes by itself. */
  save_by_rename (file, broken);
  qg_test_wait_for (banner_shown, show_errors, "the banner again");
  save_and_wait (window, save_by_rename, file, good);
  qg_test_wait_for (banner_hidden, show_errors, "the banner to go by itself");
  qg_test_close_all_windows ();
}

typedef struct
{
  QgWindow *window;
  guint     handled;
} HandledWait;

static gboolean
changes_handled (gpointer data)
{
  HandledWait *w = data;

  return w->window->changes_handled > w->handled && !qg_window_is_busy (w->window);
}

/* What the window wrote itself (a save) is not read back as a new
 * version: the document, and all that goes with it, stays. */
static void
test_reload_not_its_own_write (void)
{
  g_autoptr(GFile) file = scratch_copy ("small.json");
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgDocument *before = qg_window_get_document (window);
  g_autofree char *saved = edited (file, "\"Acme Corp\",", "\"Acme Corp.\",");
  g_autofree char *theirs = edited (file, "\"Acme Corp\",", "\"Acme Ltd\",");
  HandledWait w = { window, window->changes_handled };
  QgDocument *document;

  save_by_rename (file, saved);
  qg_window_note_own_write (window);
  qg_test_wait_for (changes_handled, &w, "the change to be waited out");
  g_assert_true (qg_window_get_document (window) == before);

  /* Another program's, after it, is. */
  document = save_and_wait (window, save_by_rename, file, theirs);
  g_assert_cmpstr (entity_name (document, "acme"), ==, "Acme Ltd");
  qg_test_close_all_windows ();
}

/* Ctrl+R reads the file again; the bundled map has none to read. */
static void
test_reload_by_ctrl_r (void)
{
  g_autoptr(GFile) file = scratch_copy ("small.json");
  QgWindow *bundled = qg_test_open_window (NULL, NULL, NULL);
  QgWindow *window;
  QgDocument *document;

  g_assert_false (gtk_widget_activate_action (GTK_WIDGET (bundled), "win.reload", NULL)
                  && qg_window_is_busy (bundled));
  gtk_window_destroy (GTK_WINDOW (bundled));

  window = qg_test_open_window (NULL, NULL, file);
  document = qg_window_get_document (window);
  qg_test_keys (view_of (window), "ctrl+r");
  document = wait_new_version (window, document);
  g_assert_cmpstr (qg_document_get_title (document), ==, "Small test");
  qg_test_close_all_windows ();
}

/* The button of @dialog's response @label that is shown (it has two, a
 * wide and a narrow one). */
static GtkWidget *
response_button (AdwMessageDialog *dialog,
                 const char       *label)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();
  GtkWidget *found = NULL;

  qg_test_wait_frames (GTK_WIDGET (dialog));
  qg_test_collect_if (GTK_WIDGET (dialog), qg_test_is_label, label, labels);
  for (guint i = 0; i < labels->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (labels, i)))
      {
        g_assert_null (found);
        found = gtk_widget_get_ancestor (g_ptr_array_index (labels, i), GTK_TYPE_BUTTON);
      }
  g_assert_nonnull (found);
  return found;
}

/* A window with edits of its own asks before their file replaces them. */
static void
test_reload_asks_first (void)
{
  g_autoptr(GFile) file = scratch_copy ("small.json");
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgDocument *before = qg_window_get_document (window);
  AdwMessageDialog *dialog;

  qg_window_ask_reload (window);
  qg_test_wait_for (message_dialog_shown, NULL, "the question");
  dialog = message_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Reload the Document?");
  /* Asked once, however often the file changes. */
  qg_window_ask_reload (window);
  g_assert_true (message_dialog () == dialog);
  qg_test_click_widget (response_button (dialog, "_Keep Your Version"));
  qg_test_wait_for (no_message_dialog, NULL, "the question to go");
  g_assert_true (qg_window_get_document (window) == before);
  g_assert_false (qg_window_is_busy (window));

  qg_window_ask_reload (window);
  qg_test_wait_for (message_dialog_shown, NULL, "the question");
  qg_test_click_widget (response_button (message_dialog (), "_Reload"));
  wait_new_version (window, before);
  qg_test_close_all_windows ();
}

/* Many errors: each listed, as the loader gives them, in a list that
 * scrolls. */
static void
test_every_error_listed (void)
{
  g_autofree char *json = g_test_build_filename (G_TEST_DIST, "..", "data", "kaspersky",
                                                 "kaspersky-us-ban.json", NULL);
  g_autofree char *txt = g_test_build_filename (G_TEST_DIST, "..", "data", "kaspersky",
                                                "kaspersky-us-ban.txt", NULL);
  g_autoptr(GFile) text = scratch_copy_of (txt);
  g_autoptr(GFile) file = scratch_copy_of (json);
  g_autofree char *broken = edited (file, "\"target\": \"kaspersky-lab\"",
                                    "\"target\": \"kaspersky-lb\"");
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = NULL;
  g_auto(GStrv) lines = NULL;
  GtkWidget *list;

  save_by_rename (file, broken);
  g_assert_null (qg_document_load (file, "kaspersky-us-ban.json", NULL, &error));
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 16);
  qg_window_open_file (window, file, NULL);
  qg_test_wait_for (message_dialog_shown, NULL, "the errors");
  list = qg_test_error_list (GTK_WIDGET (message_dialog ()));
  g_assert_nonnull (gtk_widget_get_ancestor (list, GTK_TYPE_SCROLLED_WINDOW));
  g_free (qg_test_take_dialog_and_errors (&errors));
  g_assert_cmpstr (errors, ==, error->message);
  qg_test_close_all_windows ();
}

/* ------------------------------------------------------------------------ */
/* The Open dialog                                                           */

/* The Open dialog: GTK's own, as GtkFileChooserNative shows it without a
 * portal. */
static gboolean
file_chooser_shown (gpointer data)
{
  return qg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG) != NULL;
}

static gboolean
is_focused_entry (GtkWidget     *widget,
                  gconstpointer  data)
{
  return GTK_IS_TEXT (widget) && gtk_widget_has_focus (widget);
}

static gboolean
location_typed_into (gpointer data)
{
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (data), is_focused_entry, NULL, entries);
  return entries->len == 1;
}

static gboolean
holds_drawing_of (gpointer data)
{
  QgWindow *window = window_holding (data);

  return window != NULL && !qg_window_is_busy (window)
         && qg_drawing_view_get_drawing (qg_drawing_page_get_view (
              qg_window_get_drawing_page (window))) != NULL;
}

/* Ctrl+O, a path typed into the dialog as a person would (Ctrl+L, the
 * path, Enter): the map opens in the window. */
static void
test_open_dialog_by_keys (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  g_autoptr(GFile) library = valid_file ("library-vote.json");
  g_autofree char *path = g_file_get_path (library);
  g_autoptr(GListModel) filters = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  GtkFileChooser *chooser;
  const char *names[] = { "Maps, Articles and Graphs", "Maps (Quotegraph or AIF)",
                          "Articles (Text or HTML)", "Graphviz Graphs", "All Files" };

  qg_test_keys (GTK_WIDGET (window), "ctrl+o");
  qg_test_wait_for (file_chooser_shown, NULL, "the Open dialog");
  chooser = qg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_OPEN);
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (chooser)), ==,
                   "Open a Map, an Article or a Graph");
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, G_N_ELEMENTS (names));
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(GtkFileFilter) filter = g_list_model_get_item (filters, i);

      g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, names[i]);
    }

  qg_test_keys (GTK_WIDGET (chooser), "ctrl+l");
  qg_test_wait_for (location_typed_into, chooser, "the location entry");
  qg_test_type (GTK_WIDGET (chooser), path);
  qg_test_keys (GTK_WIDGET (chooser), "Return");
  wait_window_shows (window, library);
  g_assert_null (qg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG));
  g_assert_cmpuint (qg_document_get_n_entities (qg_window_get_document (window)), ==, 12);
  windows = qg_test_app_windows ();
  g_assert_cmpuint (windows->len, ==, 1);

  /* A Graphviz file, chosen the same way, opens beside the map, in a
   * window of its own, drawn. */
  {
    g_autofree char *gv = g_test_build_filename (G_TEST_DIST, "data", "dot", "undirected.gv",
                                                 NULL);
    g_autoptr(GFile) graph = g_file_new_for_path (gv);
    QgWindow *drawn;

    qg_test_keys (GTK_WIDGET (window), "ctrl+o");
    qg_test_wait_for (file_chooser_shown, NULL, "the Open dialog");
    chooser = qg_test_find_toplevel (GTK_TYPE_FILE_CHOOSER_DIALOG);
    qg_test_keys (GTK_WIDGET (chooser), "ctrl+l");
    qg_test_wait_for (location_typed_into, chooser, "the location entry");
    qg_test_type (GTK_WIDGET (chooser), gv);
    qg_test_keys (GTK_WIDGET (chooser), "Return");
    qg_test_wait_for (holds_drawing_of, graph, "the graph's window");
    drawn = window_holding (graph);
    g_assert_true (drawn != window);
    g_assert_true (qg_window_holds_file (window, library));
    g_assert_cmpuint (qg_drawing_get_n_nodes (qg_drawing_view_get_drawing (
                        qg_drawing_page_get_view (qg_window_get_drawing_page (drawn)))), >, 0);
  }
  qg_test_close_all_windows ();
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The recent files are the test's own. */
  scratch = g_dir_make_tmp ("quotegraph-open-XXXXXX", NULL);
  data_home = g_build_filename (scratch, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!qg_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/quotegraph/open/two-files-two-windows", test_two_files_two_windows);
  g_test_add_func ("/quotegraph/open/command-line", test_command_line);
  g_test_add_func ("/quotegraph/open/article-starts-a-map", test_article_starts_a_map);
  g_test_add_func ("/quotegraph/open/neither-is-refused", test_neither_is_refused);
  g_test_add_func ("/quotegraph/open/drop-opens", test_drop_opens);
  g_test_add_func ("/quotegraph/open/failed-open-keeps-the-map", test_failed_open_keeps_the_map);
  g_test_add_func ("/quotegraph/open/every-error-listed", test_every_error_listed);
  g_test_add_func ("/quotegraph/open/recent", test_open_recent);
  g_test_add_func ("/quotegraph/reload/follows-a-save", test_reload_follows_a_save);
  g_test_add_func ("/quotegraph/reload/follows-the-text-file", test_reload_follows_the_text_file);
  g_test_add_func ("/quotegraph/reload/broken-keeps-the-map", test_reload_broken_keeps_the_map);
  g_test_add_func ("/quotegraph/reload/not-its-own-write", test_reload_not_its_own_write);
  g_test_add_func ("/quotegraph/reload/by-ctrl-r", test_reload_by_ctrl_r);
  g_test_add_func ("/quotegraph/reload/asks-first", test_reload_asks_first);
  /* GTK's file dialog, all below /quotegraph/open/dialog/: run by
   * tests/meson.build as a test of its own (see dialog_tests there). */
  g_test_add_func ("/quotegraph/open/dialog/by-keys", test_open_dialog_by_keys);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  remove_tree (scratch);
  g_free (scratch);
  return status;
}
