/* SPDX-License-Identifier: GPL-3.0-or-later */
/* DOT files and AIF maps in the window: opened as a person opens them,
 * drawn as Graphviz draws them, explored with real clicks and keys. */
#include "config.h"

#include <glib/gstdio.h>

#include "qg-layout-cache.h"
#include "qg-ui-test.h"

static char *scratch;

static GFile *
data_file (const char *folder,
           const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", folder, name, NULL);

  return g_file_new_for_path (path);
}

static gboolean
drawing_shown (gpointer data)
{
  QgWindow *window = data;
  QgDrawingView *view = qg_drawing_page_get_view (qg_window_get_drawing_page (window));

  return !qg_window_is_busy (window) && qg_drawing_view_get_drawing (view) != NULL
         && gtk_widget_get_mapped (GTK_WIDGET (view)) && qg_drawing_view_get_n_frames (view) > 0;
}

static gboolean
has_one_window (gpointer data)
{
  g_autoptr(GPtrArray) windows = qg_test_app_windows ();

  return windows->len == 1;
}

/* @file opened from the desktop, as a file manager or the command line
 * opens it: the window that shows it, once it is drawn. */
static QgWindow *
open_from_desktop (GFile *file)
{
  g_autoptr(GPtrArray) windows = NULL;
  QgWindow *window;

  qg_application_open_file (QG_APPLICATION (qg_test_app), file, NULL, NULL);
  qg_test_wait_for (has_one_window, NULL, "a window");
  windows = qg_test_app_windows ();
  window = g_ptr_array_index (windows, 0);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  qg_test_wait_for (drawing_shown, window, "the drawing");
  qg_test_wait_frames (GTK_WIDGET (window));
  return window;
}

typedef struct
{
  QgDrawingView *view;
  QgItemKind     kind;
  guint          index;
} SelectionWait;

static gboolean
selection_is (gpointer data)
{
  SelectionWait *wait = data;
  guint index = G_MAXUINT;
  QgItemKind kind = qg_drawing_view_get_selection (wait->view, &index);

  return kind == wait->kind && (kind == QG_ITEM_NONE || index == wait->index);
}

static void
wait_for_selection (QgDrawingView *view,
                    QgItemKind     kind,
                    guint          index)
{
  SelectionWait wait = { view, kind, index };

  qg_test_wait_for (selection_is, &wait, "the selection");
}

/* A real click on the middle of an item, brought into view first. */
static void
click_item (QgDrawingView *view,
            QgItemKind     kind,
            guint          index)
{
  double x, y;

  g_assert_true (qg_drawing_view_item_position (view, kind, index, &x, &y));
  g_assert_true (x > 0 && y > 0 && x < gtk_widget_get_width (GTK_WIDGET (view))
                 && y < gtk_widget_get_height (GTK_WIDGET (view)));
  qg_test_click (GTK_WIDGET (view), x, y);
  wait_for_selection (view, kind, index);
}

static gint
find_edge (QgDrawing  *drawing,
           const char *name)
{
  for (guint i = 0; i < qg_drawing_get_n_edges (drawing); i++)
    if (strcmp (qg_drawing_get_edge_name (drawing, i), name) == 0)
      return (gint) i;
  return -1;
}

/* ------------------------------------------------------------------------ */

/* A DOT file opens from the desktop as Graphviz draws it (its colours
 * on screen), and a click on a node or an edge lists its attributes. */
static void
test_dot_opens_and_clicks (void)
{
  g_autoptr(GFile) file = data_file ("dot", "window.gv");
  QgWindow *window = open_from_desktop (file);
  QgDrawingPage *page = qg_window_get_drawing_page (window);
  QgDrawingView *view = qg_drawing_page_get_view (page);
  QgDrawing *drawing = qg_drawing_view_get_drawing (view);
  gint copy, wire, ok;
  g_autofree char *summary = NULL;
  g_autofree char *details = NULL;
  g_autofree char *edge_details = NULL;
  g_autofree char *after_escape = NULL;
  cairo_surface_t *surface;
  double x, y;
  guint32 pixel;

  g_assert_cmpuint (qg_drawing_get_n_nodes (drawing), ==, 5);
  g_assert_cmpuint (qg_drawing_get_n_edges (drawing), ==, 5);
  g_assert_true (qg_window_holds_file (window, file));
  g_assert_null (qg_window_get_document (window));
  summary = qg_drawing_page_get_details (page);
  g_assert_nonnull (strstr (summary, "5 nodes, 5 edges, 3 clusters"));

  /* The file's own fill colour, #cce5ff, where "wire" is drawn. */
  wire = qg_drawing_find_node (drawing, "wire");
  g_assert_true (qg_drawing_view_item_position (view, QG_ITEM_NODE, wire, &x, &y));
  surface = qg_test_render (GTK_WIDGET (view));
  pixel = qg_test_pixel (surface, x - 20, y - 10);
  cairo_surface_destroy (surface);
  g_assert_cmphex (pixel & 0xffffff, ==, 0xcce5ff);

  copy = qg_drawing_find_node (drawing, "copy");
  click_item (view, QG_ITEM_NODE, copy);
  details = qg_drawing_page_get_details (page);
  g_assert_nonnull (strstr (details, "copy\nNode\n"));
  g_assert_nonnull (strstr (details, "color\nred\n"));
  g_assert_nonnull (strstr (details, "label\nCopy edit\n"));
  g_assert_nonnull (strstr (details, "check -> copy\n"));

  /* An edge, by its label. */
  ok = find_edge (drawing, "check -> copy");
  g_assert_cmpint (ok, >=, 0);
  click_item (view, QG_ITEM_EDGE, ok);
  edge_details = qg_drawing_page_get_details (page);
  g_assert_nonnull (strstr (edge_details, "arrowhead\nvee\n"));
  g_assert_nonnull (strstr (edge_details, "From\ncheck\n"));

  /* A row of the details leads to its node. */
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW,
                                               "check"));
  wait_for_selection (view, QG_ITEM_NODE, qg_drawing_find_node (drawing, "check"));

  /* The keys: Tab walks the nodes, Escape lets go. */
  qg_test_keys (GTK_WIDGET (view), "Escape");
  wait_for_selection (view, QG_ITEM_NONE, 0);
  after_escape = qg_drawing_page_get_details (page);
  g_assert_nonnull (strstr (after_escape, "5 nodes"));
  gtk_widget_grab_focus (GTK_WIDGET (view));
  qg_test_keys (GTK_WIDGET (view), "Tab");
  wait_for_selection (view, QG_ITEM_NODE, 0);

  /* It is among the recent files, for the Open menu. */
  {
    g_autofree char *uri = g_file_get_uri (file);

    g_assert_true (gtk_recent_manager_has_item (gtk_recent_manager_get_default (), uri));
  }
  qg_test_close_all_windows ();
}

/* The wheel zooms a drawing as it zooms a map, on the pointer. */
static void
test_dot_zooms (void)
{
  g_autoptr(GFile) file = data_file ("dot", "window.gv");
  QgWindow *window = open_from_desktop (file);
  QgDrawingView *view = qg_drawing_page_get_view (qg_window_get_drawing_page (window));
  QgViewport *viewport = qg_drawing_view_get_viewport (view);
  double before = qg_viewport_get_zoom (viewport);

  qg_test_pointer_to (GTK_WIDGET (view), 200, 200);
  qg_test_xdotool (GTK_WIDGET (view), (const char *[]) { "keydown", "ctrl", "click", "4",
                                                         "keyup", "ctrl", NULL });
  qg_viewport_finish_animation (viewport);
  qg_test_wait_frames (GTK_WIDGET (view));
  g_assert_cmpfloat (qg_viewport_get_zoom (viewport), >, before * 1.1);
  g_assert_true (isfinite (qg_viewport_get_zoom (viewport)));
  qg_test_close_all_windows ();
}

static gint
aif_node_with_text (QgAifGraph *aif,
                    const char *text)
{
  for (guint i = 0; i < aif->n_nodes; i++)
    if (strcmp (aif->nodes[i].text, text) == 0)
      return (gint) i;
  return -1;
}

static char *
text_of (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

/* An AIF map opens with its text; a proposition tells who asserts it and
 * what it supports, and its words are highlighted in the text; a click
 * on words in the text selects their locution. */
static void
test_aif_opens_and_clicks (void)
{
  g_autoptr(GFile) file = data_file ("aif", "ova3-wrapped.json");
  QgWindow *window = open_from_desktop (file);
  QgDrawingPage *page = qg_window_get_drawing_page (window);
  QgDrawingView *view = qg_drawing_page_get_view (page);
  QgAifGraph *aif = qg_drawing_page_get_aif (page);
  GtkTextView *text_view = qg_drawing_page_get_text_view (page);
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;
  g_autofree char *locution_details = NULL;
  const char *words;
  gint proposition, conclusion, locution;
  gsize start, end;

  g_assert_nonnull (aif);
  g_assert_cmpuint (qg_drawing_get_n_nodes (qg_drawing_view_get_drawing (view)), ==,
                    aif->n_nodes);
  g_assert_cmpuint (qg_drawing_get_n_edges (qg_drawing_view_get_drawing (view)), ==,
                    aif->n_edges);
  text = text_of (text_view);
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (text_view)));
  words = strstr (text, "the bridge is unsafe");
  g_assert_nonnull (words);

  proposition = aif_node_with_text (aif, "the bridge is unsafe");
  conclusion = aif_node_with_text (aif, "it should be closed");
  g_assert_cmpint (proposition, >=, 0);
  g_assert_cmpint (conclusion, >=, 0);
  click_item (view, QG_ITEM_NODE, qg_drawing_page_node_for_aif (page, proposition));
  details = qg_drawing_page_get_details (page);
  g_assert_nonnull (strstr (details, "the bridge is unsafe\nProposition"));
  g_assert_nonnull (strstr (details, "Asserted by\nAnna\nthe bridge is unsafe\n"));
  g_assert_nonnull (strstr (details, "Supports\nProposition\nit should be closed\n"));
  g_assert_true (qg_drawing_page_get_highlight (page, &start, &end));
  g_assert_cmpuint (start, ==, words - text);
  g_assert_cmpuint (end, ==, words - text + strlen ("the bridge is unsafe"));

  /* What it supports, from its row. */
  qg_test_click_widget (qg_test_find_labelled (GTK_WIDGET (page), GTK_TYPE_LIST_BOX_ROW,
                                               "it should be closed"));
  wait_for_selection (view, QG_ITEM_NODE, qg_drawing_page_node_for_aif (page, conclusion));
  g_assert_false (qg_drawing_page_get_highlight (page, &start, &end));

  /* The words in the text: their locution, with its speaker. */
  {
    GtkTextIter iter;
    GdkRectangle rect;
    int wx, wy;

    gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (text_view), &iter,
                                        (int) g_utf8_pointer_to_offset (text, words) + 4);
    gtk_text_view_get_iter_location (text_view, &iter, &rect);
    gtk_text_view_buffer_to_window_coords (text_view, GTK_TEXT_WINDOW_WIDGET, rect.x, rect.y,
                                           &wx, &wy);
    qg_test_click (GTK_WIDGET (text_view), wx + 2, wy + rect.height / 2.0);
  }
  locution = -1;
  for (guint i = 0; i < aif->n_nodes; i++)
    if (aif->nodes[i].type == QG_AIF_NODE_L)
      locution = (gint) i;
  g_assert_cmpint (locution, >=, 0);
  wait_for_selection (view, QG_ITEM_NODE, qg_drawing_page_node_for_aif (page, locution));
  locution_details = qg_drawing_page_get_details (page);
  g_assert_nonnull (strstr (locution_details, "Speaker\nAnna\n"));
  qg_test_close_all_windows ();
}

static gboolean
message_dialog_shown (gpointer data)
{
  return qg_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG) != NULL;
}

static gboolean
failure_listed (gpointer data)
{
  return !qg_window_is_busy (data) && qg_test_error_list (data) != NULL;
}

/* A broken file leaves the drawing on screen, and says where it broke;
 * opened with nothing on screen, it says so on the window. */
static void
test_broken_keeps_the_drawing (void)
{
  g_autoptr(GFile) good = data_file ("dot", "window.gv");
  g_autoptr(GFile) broken = data_file ("dot", "syntax.gv");
  g_autoptr(GFile) broken_aif = data_file ("aif", "broken/edge-missing-node.json");
  g_autofree char *expected = NULL;
  g_autofree char *listed = NULL;
  g_autoptr(GPtrArray) windows = NULL;
  QgWindow *window = open_from_desktop (good);
  QgDrawingView *view = qg_drawing_page_get_view (qg_window_get_drawing_page (window));
  QgDrawing *before = qg_drawing_view_get_drawing (view);
  g_autofree char *errors = NULL;
  g_autofree char *body = NULL;

  qg_drawing_ref (before);
  qg_window_open_drawing (window, broken, "syntax.gv", QG_DRAWING_DOT);
  /* The window keeps what it shows while the next is read. */
  g_assert_true (qg_window_is_busy (window));
  g_assert_true (qg_drawing_view_get_drawing (view) == before);
  qg_test_wait_for (message_dialog_shown, NULL, "the error");
  body = qg_test_take_dialog_and_errors (&errors);
  g_assert_nonnull (errors);
  g_assert_true (g_str_has_prefix (errors, "syntax.gv:3: error:"));
  g_assert_true (qg_drawing_view_get_drawing (view) == before);
  g_assert_true (qg_window_holds_file (window, good));
  qg_drawing_unref (before);
  qg_test_close_all_windows ();

  /* An AIF map with an edge to no node, from the desktop: the window says
   * where. */
  {
    g_autofree char *err = g_test_build_filename (G_TEST_DIST, "data", "aif", "broken",
                                                  "edge-missing-node.err", NULL);

    g_assert_true (g_file_get_contents (err, &expected, NULL, NULL));
    g_strchomp (expected);
  }
  qg_application_open_file (QG_APPLICATION (qg_test_app), broken_aif, "edge-missing-node.json",
                            NULL);
  qg_test_wait_for (has_one_window, NULL, "a window");
  windows = qg_test_app_windows ();
  window = g_ptr_array_index (windows, 0);
  qg_test_wait_for (failure_listed, window, "the failure page");
  listed = qg_test_listed_errors (GTK_WIDGET (window));
  g_assert_cmpstr (listed, ==, expected);
  qg_test_close_all_windows ();
}

/* Graphviz crashing on a file ends the layout worker, not the window:
 * the drawing on screen stays, and the window says what happened. */
static void
test_graphviz_crash_keeps_the_drawing (void)
{
  g_autoptr(GFile) good = data_file ("dot", "window.gv");
  g_autoptr(GFile) other = data_file ("dot", "clusters.gv");
  g_autofree char *crash = g_test_build_filename (G_TEST_DIST, "data", "workers", "crash.sh",
                                                  NULL);
  g_autofree char *saved = g_strdup (g_getenv ("QUOTEGRAPH_LAYOUT_WORKER"));
  g_autofree char *errors = NULL;
  g_autofree char *body = NULL;
  QgWindow *window = open_from_desktop (good);
  QgDrawingView *view = qg_drawing_page_get_view (qg_window_get_drawing_page (window));
  QgDrawing *before = qg_drawing_ref (qg_drawing_view_get_drawing (view));

  qg_layout_cache_set_enabled (FALSE);
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", crash, TRUE);
  qg_window_open_drawing (window, other, "clusters.gv", QG_DRAWING_DOT);
  qg_test_wait_for (message_dialog_shown, NULL, "the error");
  body = qg_test_take_dialog_and_errors (&errors);
  g_assert_nonnull (errors);
  g_assert_true (g_str_has_prefix (errors, "clusters.gv: Graphviz crashed during the dot layout"));
  g_assert_true (qg_drawing_view_get_drawing (view) == before);
  g_assert_true (qg_window_holds_file (window, good));
  g_setenv ("QUOTEGRAPH_LAYOUT_WORKER", saved, TRUE);
  qg_layout_cache_set_enabled (TRUE);
  qg_drawing_unref (before);
  qg_test_close_all_windows ();
}

/* A large DOT file: the window is there at once, saying it lays the
 * graph out, and then shows every node. */
static void
test_large_dot_in_background (void)
{
  g_autofree char *path = g_build_filename (scratch, "large.gv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) dot = g_string_new ("digraph large {\n");
  QgWindow *window;
  QgDrawingView *view;

  for (guint c = 0; c < 10; c++)
    {
      g_string_append_printf (dot, "  subgraph cluster_%u { label=\"Group %u\";\n", c, c);
      for (guint i = 0; i < 30; i++)
        g_string_append_printf (dot, "    n%u_%u -> n%u_%u;\n", c, i, c, (i * 7 + 3) % 30);
      g_string_append (dot, "  }\n");
    }
  for (guint c = 0; c + 1 < 10; c++)
    g_string_append_printf (dot, "  n%u_0 -> n%u_1;\n", c, c + 1);
  g_string_append (dot, "}\n");
  g_assert_true (g_file_set_contents (path, dot->str, (gssize) dot->len, NULL));

  window = qg_window_new (GTK_APPLICATION (qg_test_app), NULL, NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  gtk_window_present (GTK_WINDOW (window));
  qg_window_open_drawing (window, file, "large.gv", QG_DRAWING_DOT);
  g_assert_true (qg_window_is_busy (window));
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                           "Laying Out “large.gv”…"));
  qg_test_wait_for (drawing_shown, window, "the drawing");
  view = qg_drawing_page_get_view (qg_window_get_drawing_page (window));
  g_assert_cmpuint (qg_drawing_get_n_nodes (qg_drawing_view_get_drawing (view)), ==, 300);
  g_assert_cmpuint (qg_drawing_get_n_clusters (qg_drawing_view_get_drawing (view)), ==, 11);
  qg_test_close_all_windows ();
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  g_rmdir (path);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *data_home = NULL;
  int status;

  /* The recent files are the test's own. */
  scratch = g_dir_make_tmp ("quotegraph-drawing-XXXXXX", NULL);
  data_home = g_build_filename (scratch, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  if (!qg_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/quotegraph/drawing/dot-opens-and-clicks", test_dot_opens_and_clicks);
  g_test_add_func ("/quotegraph/drawing/dot-zooms", test_dot_zooms);
  g_test_add_func ("/quotegraph/drawing/aif-opens-and-clicks", test_aif_opens_and_clicks);
  g_test_add_func ("/quotegraph/drawing/broken-keeps-the-drawing", test_broken_keeps_the_drawing);
  g_test_add_func ("/quotegraph/drawing/large-dot-in-background", test_large_dot_in_background);
  g_test_add_func ("/quotegraph/drawing/graphviz-crash-keeps-the-drawing",
                   test_graphviz_crash_keeps_the_drawing);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  remove_tree (scratch);
  g_free (scratch);
  return status;
}
