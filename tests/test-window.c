/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The window as a person meets it, under Xvfb: the map at first start, the
 * keys, the search, the sources beside the map, the legend and the filters,
 * narrow and wide. Input is real X events, sent with xdotool. */
#include "config.h"

#include <glib/gstdio.h>
#include <stdlib.h>

#include "qg-filter-popover.h"
#include "qg-graph.h"
#include "qg-graph-view-private.h"
#include "qg-layout-cache.h"
#include "qg-legend.h"
#include "qg-search-bar.h"
#include "qg-test-utils.h"
#include "qg-ui-test.h"
#include "qg-window-private.h"

static QgViewport *
viewport_of (QgWindow *window)
{
  return qg_graph_view_get_viewport (qg_window_get_graph_view (window));
}

static double
zoom_of (QgWindow *window)
{
  return qg_viewport_get_zoom (viewport_of (window));
}

static GtkWidget *
view_of (QgWindow *window)
{
  return GTK_WIDGET (qg_window_get_graph_view (window));
}

/* The one widget of @type in @window. */
static GtkWidget *
find_one (QgWindow *window,
          GType     type)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (window), qg_test_is_of_type, GSIZE_TO_POINTER (type), found);
  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static QgSearchBar *
search_bar_of (QgWindow *window)
{
  return QG_SEARCH_BAR (find_one (window, QG_TYPE_SEARCH_BAR));
}

static const char *
search_count (QgWindow *window)
{
  g_autoptr(GPtrArray) labels = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (search_bar_of (window)), qg_test_has_css_class, "numeric",
                      labels);
  g_assert_cmpuint (labels->len, ==, 1);
  return gtk_label_get_label (g_ptr_array_index (labels, 0));
}

static void
wait_for_selection (QgWindow   *window,
                    const char *expected)
{
  qg_test_wait_for_selection (qg_window_get_graph_view (window), expected);
}

/* Where a node's middle is on screen now. */
static void
node_on_screen (QgWindow   *window,
                const char *id,
                double     *x,
                double     *y)
{
  QgLayout *layout = qg_graph_view_get_layout (qg_window_get_graph_view (window));
  const QgItem *node = qg_layout_get_node (layout, qg_document_find_entity (
                                             qg_window_get_document (window), id));
  double ox, oy, zoom = zoom_of (window);

  qg_viewport_get_offset (viewport_of (window), &ox, &oy);
  *x = node->cx * zoom + ox;
  *y = node->cy * zoom + oy;
}

static void
test_window_shows_the_bundled_map (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Kaspersky: US government removes Russian security software");
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "dot");
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (view)), ==, 28);
  g_assert_null (qg_graph_view_get_selection (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
says_laying_out (gpointer data)
{
  return qg_test_find_labelled (data, ADW_TYPE_STATUS_PAGE, "Laying Out the Map…") != NULL;
}

static gboolean
engine_is_twopi (gpointer data)
{
  QgWindow *window = data;
  QgLayout *layout = qg_graph_view_get_layout (qg_window_get_graph_view (window));

  return !qg_window_is_busy (window) && g_str_equal (qg_layout_get_engine (layout), "twopi");
}

static gboolean
process_ended (gpointer data)
{
  return qg_test_process_ended (GPOINTER_TO_INT (data));
}

/* A layout that takes long says so, and a click on Stop ends it: its
 * worker is gone, and the map on screen and its engine are as they were. */
static void
test_stop_layout (void)
{
  QgWindow *window = qg_test_open_window ("dot", NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgLayout *before = qg_graph_view_get_layout (view);
  QgTestSlowWorker worker;
  GtkWidget *stop;
  int pid;

  qg_test_slow_worker_begin (&worker);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "neato");
  pid = qg_test_slow_worker_wait (&worker);
  g_assert_true (qg_window_is_busy (window));

  stop = qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Stop");
  g_assert_nonnull (stop);
  g_assert_true (gtk_widget_is_drawable (stop));
  qg_test_wait_settled (stop);
  qg_test_click_widget (stop);
  qg_test_wait_for (qg_test_not_busy, window, "the layout to stop");
  qg_test_wait_for (process_ended, GINT_TO_POINTER (pid), "the worker to end");

  g_assert_true (qg_graph_view_get_layout (view) == before);
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "dot");
  g_assert_false (gtk_widget_is_drawable (stop));
  qg_test_slow_worker_end (&worker);
  qg_test_close_all_windows ();
}

/* Stopped before the first layout came, the window says so, and how to
 * go on. */
static void
test_stop_first_layout (void)
{
  QgWindow *window = qg_window_new (GTK_APPLICATION (qg_test_app), "dot", NULL);
  g_autoptr(GFile) file = qg_bundled_document ();
  QgTestSlowWorker worker;
  GtkWidget *stop;

  qg_test_slow_worker_begin (&worker);
  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  qg_window_open (window, file, "kaspersky-us-ban.json");
  gtk_window_present (GTK_WINDOW (window));
  qg_test_slow_worker_wait (&worker);
  /* The layout begins as soon as the document is read; the window says
   * so once the article's passages are found too. */
  qg_test_wait_for (says_laying_out, window, "the window to say it lays the map out");
  stop = qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_BUTTON, "_Stop");
  g_assert_nonnull (stop);
  qg_test_wait_settled (stop);
  g_assert_true (gtk_widget_is_drawable (stop));
  qg_test_click_widget (stop);
  qg_test_wait_for (qg_test_not_busy, window, "the layout to stop");
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                           "Layout Stopped"));
  g_assert_null (qg_graph_view_get_layout (qg_window_get_graph_view (window)));
  qg_test_slow_worker_end (&worker);

  /* Another layout chosen goes on from there. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "twopi");
  g_assert_nonnull (qg_test_find_labelled (GTK_WIDGET (window), ADW_TYPE_STATUS_PAGE,
                                           "Laying Out the Map…"));
  qg_test_wait_for (engine_is_twopi, window, "the twopi layout");
  qg_test_close_all_windows ();
}

/* Choosing an engine that takes minutes for a map this large says so,
 * with a Stop button of its own: clicked, the map on screen stays, laid
 * out as it was. */
static void
test_slow_engine_warns (void)
{
  g_autofree char *json = qg_test_map_json (200, 240);
  g_autofree char *path = qg_test_scratch_file ("large.json", json, strlen (json));
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_test_open_window ("sfdp", NULL, file);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgLayout *before = qg_graph_view_get_layout (view);
  QgTestSlowWorker worker;
  GtkWidget *toast_label;
  GtkWidget *stop;

  /* dot's long layout, played by a worker that never ends. */
  qg_test_slow_worker_begin (&worker);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "dot");
  qg_test_slow_worker_wait (&worker);
  toast_label = qg_test_find_labelled (GTK_WIDGET (window), GTK_TYPE_WIDGET,
                                       "Hierarchical (dot) may take minutes for a map of 200 "
                                       "entities");
  g_assert_nonnull (toast_label);
  /* The toast's own button: the label sits in a bin in the toast. */
  stop = qg_test_find_labelled (gtk_widget_get_parent (gtk_widget_get_parent (toast_label)),
                                GTK_TYPE_BUTTON, "_Stop");
  g_assert_nonnull (stop);
  qg_test_wait_settled (stop);
  qg_test_click_widget (stop);
  qg_test_wait_for (qg_test_not_busy, window, "the layout to stop");
  g_assert_true (qg_graph_view_get_layout (view) == before);
  g_assert_cmpstr (qg_layout_get_engine (before), ==, "sfdp");
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "sfdp");
  qg_test_slow_worker_end (&worker);
  qg_test_close_all_windows ();
  qg_test_remove_scratch (path);
}

static void
test_layout_switch_keeps_the_selection (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  const QgItem *node;
  double x, y;

  g_assert_true (qg_graph_view_set_selection (view, "dhs"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "twopi");
  qg_test_wait_for (engine_is_twopi, window, "the twopi layout");
  qg_graph_view_finish_animations (view);

  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "dhs");
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "twopi");
  /* Still in view. */
  node = qg_layout_get_node (qg_graph_view_get_layout (view),
                             qg_document_find_entity (qg_window_get_document (window), "dhs"));
  qg_viewport_to_widget (qg_graph_view_get_viewport (view), node->cx, node->cy, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_select_option_centres_it (void)
{
  QgWindow *window = qg_test_open_window (NULL, "joyce", NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  const QgItem *node;
  double x, y;

  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "joyce");
  node = qg_layout_get_node (qg_graph_view_get_layout (view),
                             qg_document_find_entity (qg_window_get_document (window), "joyce"));
  qg_viewport_to_widget (qg_graph_view_get_viewport (view), node->cx, node->cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, 1.5);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1.5);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_bad_document_keeps_the_map (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *before = qg_window_get_document (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                 "relation-source-unknown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *body = NULL;
  g_autofree char *errors = NULL;

  qg_window_open (window, file, "relation-source-unknown.json");
  qg_test_wait_for (qg_test_not_busy, window, "the broken document to be read");

  g_assert_true (qg_window_get_document (window) == before);
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (
                      qg_window_get_graph_view (window))), ==, 28);

  /* The error is listed, naming the file and the place. */
  body = qg_test_take_dialog_and_errors (&errors);
  g_assert_cmpstr (body, ==, "The map on screen stays as it was.");
  g_assert_cmpstr (errors, ==, "relation-source-unknown.json:58: relations[0].source: "
                               "unknown entity \"amce\" (did you mean \"acme\"?)");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean has_action    (GtkWidget     *widget,
                              gconstpointer  name);
static void     wait_for_zoom (QgWindow      *window,
                               double         zoom);

/* With nothing on screen, a document that fails to load: the window says
 * why, naming the file and the place, keeps the map's actions off (the
 * zoom keys, typing to search), and offers a way on: the example map. */
static void
test_failed_open_offers_a_way_on (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                 "relation-source-unknown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_window_new (GTK_APPLICATION (qg_test_app), NULL, NULL);
  GActionGroup *zoom = qg_viewport_get_actions (viewport_of (window));
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  g_autofree char *errors = NULL;
  double before = zoom_of (window);

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  qg_window_open (window, file, "relation-source-unknown.json");
  gtk_window_present (GTK_WINDOW (window));
  qg_test_wait_for (qg_test_not_busy, window, "the broken document to be read");
  qg_test_wait_frames (GTK_WIDGET (window));

  g_assert_null (qg_test_take_message_dialog ());
  errors = qg_test_listed_errors (GTK_WIDGET (window));
  g_assert_cmpstr (errors, ==, "relation-source-unknown.json:58: relations[0].source: unknown "
                               "entity \"amce\" (did you mean \"acme\"?)");
  g_assert_true (gtk_widget_get_mapped (qg_test_error_list (GTK_WIDGET (window))));

  /* The zoom keys and typing reach nothing. */
  qg_test_keys (GTK_WIDGET (window), "plus");
  qg_test_keys (GTK_WIDGET (window), "0");
  qg_test_type (GTK_WIDGET (window), "kas");
  qg_test_wait_frames (GTK_WIDGET (window));
  g_assert_cmpfloat (zoom_of (window), ==, before);
  g_assert_false (g_action_group_get_action_enabled (zoom, "in"));
  g_assert_false (g_action_group_get_action_enabled (zoom, "fit"));
  g_assert_false (qg_search_bar_get_search_mode (search_bar_of (window)));
  g_assert_false (gtk_widget_is_sensitive (GTK_WIDGET (search_bar_of (window))));

  /* The example, with a real click: its map, and the keys work. */
  g_ptr_array_set_size (found, 0);
  qg_test_collect_if (GTK_WIDGET (window), has_action, "win.open-example", found);
  g_assert_cmpuint (found->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (found, 0));
  qg_test_wait_for (qg_test_window_ready, window, "the example map");
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (
                      qg_window_get_graph_view (window))), ==, 28);
  g_assert_true (g_action_group_get_action_enabled (zoom, "in"));
  qg_graph_view_finish_animations (qg_window_get_graph_view (window));
  before = zoom_of (window);
  qg_test_keys (GTK_WIDGET (window), "plus");
  wait_for_zoom (window, before * 1.25);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
article_filled (gpointer data)
{
  return !qg_article_view_is_filling (data);
}

/* A long article is highlighted a little at a time while the main loop
 * is idle, not all at once when it is set, and each passage where it
 * is: the characters of a text of many-byte ones, counted afresh. */
static void
test_article_fills_in_the_background (void)
{
  /* Longer than a piece of the text inserted at a time, in one line. */
  g_autoptr(QgDocument) doc = qg_test_load_witnesses (5000);
  g_autoptr(QgSources) sources = qg_sources_new (doc);
  QgArticleView *view = QG_ARTICLE_VIEW (g_object_ref_sink (qg_article_view_new ()));
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTagTable *tags = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *oppose = gtk_text_tag_table_lookup (tags, "evidence-oppose");
  GtkTextTag *speech = gtk_text_tag_table_lookup (tags, "speech");
  const char *text = qg_document_get_text (doc, NULL);
  const char *at = text;
  glong chars = 0;
  guint n = qg_document_get_n_quotes (doc);

  /* Set, it is highlighted later, out of sight: the view still shows
   * what it showed (nothing) until the whole text is ready. */
  qg_article_view_set_document (view, doc, sources);
  g_assert_true (qg_article_view_is_filling (view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (gtk_text_view_get_buffer (
                     GTK_TEXT_VIEW (view))), ==, 0);

  qg_test_wait_for (article_filled, view, "the article's highlights");
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_assert_cmpint (gtk_text_buffer_get_char_count (buffer), ==, g_utf8_strlen (text, -1));
  /* The quotes are in the article's order: their characters are counted
   * on from one to the next. */
  for (guint q = 0; q < n; q++)
    {
      const QgQuote *quote = qg_document_get_quote (doc, q);
      GtkTextIter start, end;

      chars += g_utf8_pointer_to_offset (at, text + quote->start);
      at = text + quote->start;
      gtk_text_buffer_get_iter_at_offset (buffer, &start, chars);
      gtk_text_buffer_get_iter_at_offset (buffer, &end,
                                          chars + g_utf8_pointer_to_offset (at, text + quote->end));
      g_assert_true (gtk_text_iter_starts_tag (&start, oppose));
      g_assert_true (gtk_text_iter_starts_tag (&start, speech));
      g_assert_true (gtk_text_iter_ends_tag (&end, oppose));
    }
  g_object_unref (view);
}

/* Where each highlight of @view's article begins and ends, tag by tag,
 * as characters: "speech 10-42 50-61\n…". */
static char *
highlights_of (QgArticleView *view)
{
  static const char * const names[] = { "evidence-neutral", "evidence-support",
                                        "evidence-oppose", "speech", "draft", "mention" };
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), names[i]);
      GtkTextIter at;

      g_assert_nonnull (tag);
      g_string_append (out, names[i]);
      gtk_text_buffer_get_start_iter (buffer, &at);
      if (!gtk_text_iter_starts_tag (&at, tag))
        gtk_text_iter_forward_to_tag_toggle (&at, tag);
      while (!gtk_text_iter_is_end (&at))
        {
          int start = gtk_text_iter_get_offset (&at);

          gtk_text_iter_forward_to_tag_toggle (&at, tag);
          g_string_append_printf (out, " %d-%d", start, gtk_text_iter_get_offset (&at));
          gtk_text_iter_forward_to_tag_toggle (&at, tag);
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* @doc, highlighted from nothing, by a view of its own. */
static char *
highlights_afresh (QgDocument *doc)
{
  g_autoptr(QgSources) sources = qg_sources_new (doc);
  QgArticleView *view = QG_ARTICLE_VIEW (g_object_ref_sink (qg_article_view_new ()));
  char *highlights;

  qg_article_view_set_document (view, doc, sources);
  qg_test_wait_for (article_filled, view, "the article's highlights");
  highlights = highlights_of (view);
  g_object_unref (view);
  return highlights;
}

/* Each name in the article is underlined in a line a person sees: a row
 * of pixels in the mention's colour under it. The fonts' own underline
 * was thinner than a pixel, drawn here as a pale smear over two rows, and
 * by GTK's GL renderer, on most desktops, mostly not at all. */
static void
test_mentions_underlined_crisply (void)
{
  const char *json = "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", "
                     "\"text\": \"Acme Corp said so.\\n\\nThen Acme Corp said it again.\"}, "
                     "\"entities\": [{\"id\": \"a\", \"name\": \"Acme Corp\", "
                     "\"kind\": \"company\"}], \"quotes\": [], \"relations\": []}";
  static const int starts[] = { 0, 25 };
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "d", NULL,
                                                          &error);
  g_autoptr(QgSources) sources = NULL;
  GtkWidget *window = gtk_window_new ();
  QgArticleView *view = QG_ARTICLE_VIEW (qg_article_view_new ());
  GtkTextBuffer *buffer;
  cairo_surface_t *image;
  GdkRGBA *line = NULL;
  int expected[3];

  g_assert_no_error (error);
  sources = qg_sources_new (doc);
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_set_default_size (GTK_WINDOW (window), 400, 200);
  gtk_window_present (GTK_WINDOW (window));
  qg_article_view_set_document (view, doc, sources);
  qg_test_wait_for (article_filled, view, "the article's highlights");
  qg_test_wait_frames (window);
  image = qg_test_render (GTK_WIDGET (view));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  g_object_get (gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), "mention"),
                "underline-rgba", &line, NULL);
  expected[0] = (int) round (255 * (line->alpha * line->red + 1 - line->alpha));
  expected[1] = (int) round (255 * (line->alpha * line->green + 1 - line->alpha));
  expected[2] = (int) round (255 * (line->alpha * line->blue + 1 - line->alpha));
  gdk_rgba_free (line);

  for (guint m = 0; m < G_N_ELEMENTS (starts); m++)
    {
      GtkTextIter at;
      GdkRectangle first, last;
      int x0, y0, x1, y1, rows = 0;

      gtk_text_buffer_get_iter_at_offset (buffer, &at, starts[m]);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &at, &first);
      gtk_text_buffer_get_iter_at_offset (buffer, &at, starts[m] + 8);
      gtk_text_view_get_iter_location (GTK_TEXT_VIEW (view), &at, &last);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             first.x, first.y, &x0, &y0);
      gtk_text_view_buffer_to_window_coords (GTK_TEXT_VIEW (view), GTK_TEXT_WINDOW_WIDGET,
                                             last.x, first.y + first.height, &x1, &y1);
      /* A row under the name's letters in at least half the strength of
       * the line's own colour over the white it is drawn on here (its
       * red and green: the blue is near white's), each pixel across the
       * name; the smear was two rows of a third and a fifth of it. */
      for (int y = y0; y < y1 + 2; y++)
        {
          gboolean whole = TRUE;

          for (int x = x0 + 1; x < x1 - 1 && whole; x++)
            {
              guint32 p = qg_test_pixel (image, x, y);

              whole = 255 - (int) ((p >> 16) & 0xff) >= (255 - expected[0]) / 2
                      && 255 - (int) ((p >> 8) & 0xff) >= (255 - expected[1]) / 2;
            }
          if (whole)
            rows++;
        }
      g_test_message ("mention %u: %d rows of half #%02x%02x%02x under x %d-%d, y %d-%d", m, rows,
                      expected[0], expected[1], expected[2], x0, x1, y0, y1);
      g_assert_cmpint (rows, >=, 1);
    }

  cairo_surface_destroy (image);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* An edit keeps the article's text in its buffer and changes only the
 * highlights that differ; what it leaves is what a view highlighting the
 * edited document afresh shows, edit after edit: a stance changed, a
 * passage moved, a speaker taken away, a quote added over others, one
 * under it spoken and unspoken, then deleted. */
static void
test_article_retags_an_edit (void)
{
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(QgDocument) doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, NULL);
  QgArticleView *view = QG_ARTICLE_VIEW (g_object_ref_sink (qg_article_view_new ()));
  g_autoptr(GPtrArray) versions = g_ptr_array_new_with_free_func (g_object_unref);
  const QgQuote *first, *spoken = NULL;
  QgEdit *edit;
  GtkTextBuffer *buffer;

  g_assert_nonnull (doc);
  first = qg_document_get_quote (doc, 0);
  for (guint i = 0; i < qg_document_get_n_quotes (doc) && spoken == NULL; i++)
    if (qg_document_get_quote (doc, i)->speaker >= 0)
      spoken = qg_document_get_quote (doc, i);
  g_assert_nonnull (spoken);

  g_ptr_array_add (versions, g_object_ref (doc));
  /* The relation whose stance colours the first quote. */
  {
    g_autoptr(QgSources) sources = qg_sources_new (doc);
    guint n;
    const guint *relations = qg_sources_relations_of_quote (sources, 0, &n);
    const QgRelation *relation;

    g_assert_cmpuint (n, >, 0);
    relation = qg_document_get_relation (doc, relations[0]);
    edit = qg_edit_new_change_relation (relation->id);
    qg_edit_set_stance (edit, relation->stance == QG_STANCE_OPPOSE ? QG_STANCE_SUPPORT
                                                                   : QG_STANCE_OPPOSE);
  }
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  edit = qg_edit_new_change_quote (first->id);
  qg_edit_set_span (edit, first->start + 4, first->end + 12);
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  edit = qg_edit_new_change_quote (spoken->id);
  qg_edit_set_speaker (edit, NULL);
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  /* Over the first quote and the one after it, spoken. */
  edit = qg_edit_new_add_quote (first->start, qg_document_get_quote (doc, 1)->end);
  qg_edit_set_speaker (edit, qg_document_get_entity (doc, spoken->speaker)->id);
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  /* The second quote spoken too, then not: the speech taken off it stays
   * on the quote over it. */
  edit = qg_edit_new_change_quote (qg_document_get_quote (doc, 1)->id);
  qg_edit_set_speaker (edit, qg_document_get_entity (doc, spoken->speaker)->id);
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  edit = qg_edit_new_change_quote (qg_document_get_quote (doc, 1)->id);
  qg_edit_set_speaker (edit, NULL);
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  edit = qg_edit_new_delete_quote (qg_document_get_quote (doc, 1)->id);
  g_ptr_array_add (versions, qg_test_apply_ok (g_ptr_array_index (versions, versions->len - 1), edit));
  /* And back to the first, every change undone at once. */
  g_ptr_array_add (versions, g_object_ref (doc));
  g_assert_cmpuint (versions->len, ==, 9);

  {
    g_autoptr(QgSources) sources = qg_sources_new (doc);

    qg_article_view_set_document (view, doc, sources);
    qg_test_wait_for (article_filled, view, "the article's highlights");
  }
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  for (guint v = 1; v < versions->len; v++)
    {
      QgDocument *version = g_ptr_array_index (versions, v);
      g_autoptr(QgSources) sources = qg_sources_new (version);
      g_autofree char *before = highlights_of (view);
      g_autofree char *after = NULL;
      g_autofree char *expected = highlights_afresh (version);

      qg_article_view_set_document (view, version, sources);
      /* In place, at once: the same buffer, nothing left to fill. */
      g_assert_false (qg_article_view_is_filling (view));
      g_assert_true (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)) == buffer);
      after = highlights_of (view);
      g_test_message ("version %u, first quote %zu-%zu:\n%s", v,
                      qg_document_get_quote (version, 0)->start,
                      qg_document_get_quote (version, 0)->end, after);
      g_assert_cmpstr (after, ==, expected);
      /* Where the quote over it is spoken, the second quote's speech
       * shows no more than it. */
      if (v == 5 || v == 6)
        g_assert_cmpstr (after, ==, before);
      else
        g_assert_cmpstr (after, !=, before);
    }
  g_object_unref (view);
}

/* The texts shown in the panel with a CSS class, in order. */
static GPtrArray *
panel_texts (QgWindow   *window,
             const char *css_class)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  qg_test_collect_if (GTK_WIDGET (qg_window_get_source_panel (window)), qg_test_has_css_class,
                      css_class, widgets);
  for (guint i = 0; i < widgets->len; i++)
    {
      GtkWidget *w = g_ptr_array_index (widgets, i);

      if (GTK_IS_BUTTON (w))
        w = gtk_button_get_child (GTK_BUTTON (w));
      g_ptr_array_add (texts, g_strdup (gtk_label_get_label (GTK_LABEL (w))));
    }
  return texts;
}

static char *
quoted_passage (QgDocument *doc,
                const char *quote_id)
{
  const char *text = qg_document_get_text (doc, NULL);

  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    {
      const QgQuote *quote = qg_document_get_quote (doc, q);

      if (g_str_equal (quote->id, quote_id))
        return g_strdup_printf ("“%.*s”", (int) (quote->end - quote->start), text + quote->start);
    }
  g_assert_not_reached ();
}

static void
test_panel_shows_the_quotes (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgDocument *doc = qg_window_get_document (window);
  g_autoptr(GPtrArray) quotes = NULL;
  g_autoptr(GPtrArray) links = NULL;
  g_autofree char *joyce = quoted_passage (doc, "joyce-fsb");
  g_autofree char *directive = quoted_passage (doc, "directive");
  g_autofree char *risk = quoted_passage (doc, "duke-risk");

  /* Nothing selected: the article. */
  quotes = panel_texts (window, "title-2");
  g_assert_cmpstr (g_ptr_array_index (quotes, 0), ==,
                   "Kaspersky: US government removes Russian security software");
  g_clear_pointer (&quotes, g_ptr_array_unref);

  /* An entity: what it says, and its relations as sentences. */
  g_assert_true (qg_graph_view_set_selection (view, "joyce"));
  quotes = panel_texts (window, "quote-text");
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (quotes, 0), ==, joyce);
  links = panel_texts (window, "relation-link");
  g_assert_cmpuint (links->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (links, 0), ==, "Rob Joyce warns of FSB ties of Kaspersky Lab");
  g_clear_pointer (&quotes, g_ptr_array_unref);

  /* A relation: every piece of evidence, verbatim, in order. */
  g_assert_true (qg_graph_view_set_selection (view, "dhs-bans-kaspersky"));
  quotes = panel_texts (window, "quote-text");
  g_assert_cmpuint (quotes->len, ==, 2);
  g_assert_cmpstr (g_ptr_array_index (quotes, 0), ==, directive);
  g_assert_cmpstr (g_ptr_array_index (quotes, 1), ==, risk);
  g_clear_pointer (&quotes, g_ptr_array_unref);
  quotes = panel_texts (window, "quote-speaker");
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (quotes, 0), ==, "— Elaine Duke");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A real click in the article, on the character at @byte of its text. */
static void
click_in_article (QgWindow *window,
                  gsize     byte)
{
  GtkTextView *article = GTK_TEXT_VIEW (qg_window_get_article_view (window));
  const char *text = qg_document_get_text (qg_window_get_document (window), NULL);
  GtkTextIter iter;
  GdkRectangle rect;
  int wx, wy;

  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (article), &iter,
                                      g_utf8_pointer_to_offset (text, text + byte));
  qg_test_wait_iter_visible (article, &iter);
  gtk_text_view_get_iter_location (article, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (article, GTK_TEXT_WINDOW_WIDGET, rect.x + 2,
                                         rect.y + rect.height / 2, &wx, &wy);
  qg_test_click (GTK_WIDGET (article), wx, wy);
}

static void
test_click_in_the_article_selects (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *doc = qg_window_get_document (window);
  const QgQuote *quote = NULL;

  /* The headline, at the top of the article, backs one relation. */
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    if (g_str_equal (qg_document_get_quote (doc, q)->id, "title"))
      quote = qg_document_get_quote (doc, q);
  g_assert_cmpuint (quote->start, ==, 0);

  /* Click in its middle, as a person would. */
  click_in_article (window, quote->start + 6);
  wait_for_selection (window, "federal-government-removes-kaspersky");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A passage that backs several relations, clicked: a choice that says how
 * many, as narrow as a column of text (on one line each, the sentences
 * made it wider than the window), and the one clicked there selected. */
static void
test_click_a_passage_of_many (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *doc = qg_window_get_document (window);
  QgArticleView *view = qg_window_get_article_view (window);
  g_auto(GStrv) ids = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *sentence = NULL;
  g_autoptr(GPtrArray) found = g_ptr_array_new ();
  const QgQuote *quote = NULL;
  GtkWidget *popover, *button;

  /* The quote that backs the most relations. */
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    {
      const QgQuote *candidate = qg_document_get_quote (doc, q);
      g_auto(GStrv) at = qg_article_view_items_at (view, candidate->start + 4);

      if (g_strv_length (at) > (ids ? g_strv_length (ids) : 0))
        {
          g_strfreev (ids);
          ids = g_steal_pointer (&at);
          quote = candidate;
        }
    }
  g_assert_cmpuint (g_strv_length (ids), >=, 4);

  click_in_article (window, quote->start + 4);
  heading = g_strdup_printf ("This passage backs %u relations", g_strv_length (ids));
  qg_test_wait_for_shown_label (GTK_WIDGET (window), heading);
  qg_test_collect_if (GTK_WIDGET (window), qg_test_is_shown_label, heading, found);
  popover = gtk_widget_get_ancestor (g_ptr_array_index (found, 0), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  qg_test_wait_frames (popover);
  g_test_message ("the choice is %d px wide, the window %d", gtk_widget_get_width (popover),
                  gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (popover), <=, 560);

  /* The second of them, clicked. */
  sentence = qg_document_relation_sentence (doc, qg_document_find_relation (doc, ids[1]));
  button = qg_test_find_labelled (popover, GTK_TYPE_BUTTON, sentence);
  g_assert_nonnull (button);
  qg_test_click_widget (button);
  wait_for_selection (window, ids[1]);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
popover_closed (gpointer data)
{
  return qg_test_count_shown_labels (data, "2 relations and speakers come from this passage") == 0;
}

/* A passage where a quote that backs a relation overlaps one that backs
 * none, whose speaker is offered instead: the heading does not call the
 * speaker a relation. */
static void
test_click_a_passage_of_both (void)
{
  static const char json[] =
    "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": "
    "\"Acme Corp said that it will not comply with the order of the Agency.\"}, "
    "\"entities\": [{\"id\": \"acme\", \"name\": \"Acme Corp\", \"kind\": \"company\"}, "
    "{\"id\": \"agency\", \"name\": \"the Agency\", \"kind\": \"agency\"}], "
    "\"quotes\": [{\"id\": \"refuses\", \"speaker\": \"acme\", "
    "\"text\": \"will not comply with the order\"}, {\"id\": \"said\", \"speaker\": \"acme\", "
    "\"text\": \"it will not comply\"}], \"relations\": [{\"id\": \"acme-opposes\", "
    "\"source\": \"acme\", \"target\": \"agency\", \"label\": \"opposes the order of\", "
    "\"stance\": \"oppose\", \"evidence\": [\"refuses\"]}]}";
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-window-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "both.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window;
  const char *text;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  window = qg_test_open_window (NULL, NULL, file);
  text = qg_document_get_text (qg_window_get_document (window), NULL);
  click_in_article (window, strstr (text, "not comply") - text + 1);
  qg_test_wait_for_shown_label (GTK_WIDGET (window),
                                "2 relations and speakers come from this passage");
  /* Closed as a person would, before the window: a popover destroyed
   * open kept the pointer from the next test's window. */
  qg_test_keys (GTK_WIDGET (window), "Escape");
  qg_test_wait_for (popover_closed, window, "the choice to close");
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_another_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                 "library-vote.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgDocument *doc = qg_window_get_document (window);
  g_autoptr(GPtrArray) quotes = NULL;
  g_auto(GStrv) ids = NULL;
  const QgQuote *plan = NULL;

  g_assert_cmpuint (qg_document_get_n_entities (doc), ==, 12);
  g_assert_true (qg_graph_view_set_selection (view, "ferreira"));
  quotes = panel_texts (window, "quote-text");
  g_assert_cmpuint (quotes->len, ==, 3);
  for (guint i = 0; i < quotes->len; i++)
    {
      /* Every quote shown is the article's own words. */
      const char *shown = g_ptr_array_index (quotes, i);
      g_autofree char *inner = g_strndup (shown + strlen ("“"),
                                          strlen (shown) - 2 * strlen ("“"));

      g_assert_nonnull (strstr (qg_document_get_text (doc, NULL), inner));
    }

  /* A passage that backs two relations offers both. */
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    if (g_str_equal (qg_document_get_quote (doc, q)->id, "okafor-plan"))
      plan = qg_document_get_quote (doc, q);
  ids = qg_article_view_items_at (qg_window_get_article_view (window), plan->start + 10);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) ids, "union-backs-grant"));
  g_assert_true (g_strv_contains ((const char * const *) ids, "union-rejects-bid"));
  gtk_window_destroy (GTK_WINDOW (window));
}



/* ------------------------------------------------------------------------ */
/* The first minute                                                          */

typedef struct
{
  QgWindow *window;
  double    zoom;
} ZoomWait;

static gboolean
zoom_is (gpointer data)
{
  ZoomWait *w = data;

  qg_graph_view_finish_animations (qg_window_get_graph_view (w->window));
  return fabs (zoom_of (w->window) - w->zoom) < 1e-6;
}

static void
wait_for_zoom (QgWindow *window,
               double    zoom)
{
  ZoomWait w = { window, zoom };

  qg_test_wait_for (zoom_is, &w, "the zoom to change");
}

/* A pan after a zoom pans the view the zoom made: an animation that has
 * ended does not come back to its start (it did, and the pan after a
 * zoom key or a Ctrl+wheel notch jumped back to the zoom before). */
static void
test_pan_after_a_zoom_keeps_the_zoom (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  double fitted = zoom_of (window);
  double x0, y0, x1, y1;

  qg_test_keys (GTK_WIDGET (window), "plus");
  wait_for_zoom (window, fitted * 1.25);
  qg_viewport_get_offset (viewport_of (window), &x0, &y0);
  qg_test_keys (GTK_WIDGET (window), "Left");
  qg_test_wait_frames (GTK_WIDGET (window));
  g_assert_cmpfloat_with_epsilon (zoom_of (window), fitted * 1.25, 1e-6);
  qg_viewport_get_offset (viewport_of (window), &x1, &y1);
  /* Left shows what is left of the view: the map moves right, a tenth
   * of the view's width; nothing else changes. */
  g_assert_cmpfloat_with_epsilon (x1 - x0, gtk_widget_get_width (view_of (window)) / 10.0, 1e-6);
  g_assert_cmpfloat_with_epsilon (y1, y0, 1e-6);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The keys the shortcuts window promises zoom from the moment the window
 * opens, before anything is clicked; they do not type into the search. */
static void
test_zoom_keys_on_a_fresh_window (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgSearchBar *search = search_bar_of (window);
  double fitted = zoom_of (window);

  qg_test_keys (GTK_WIDGET (window), "plus");
  wait_for_zoom (window, fitted * 1.25);
  qg_test_keys (GTK_WIDGET (window), "KP_Add");
  wait_for_zoom (window, fitted * 1.25 * 1.25);
  qg_test_keys (GTK_WIDGET (window), "1");
  wait_for_zoom (window, fitted);
  qg_test_keys (GTK_WIDGET (window), "0");
  wait_for_zoom (window, 1.0);
  qg_test_keys (GTK_WIDGET (window), "minus");
  wait_for_zoom (window, 0.8);
  g_assert_false (qg_search_bar_get_search_mode (search));
  g_assert_cmpuint (qg_search_bar_get_n_matches (search), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
has_action (GtkWidget     *widget,
            gconstpointer  name)
{
  return GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget)
         && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), name) == 0;
}

static void
click_action_button (QgWindow   *window,
                     const char *action)
{
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();

  qg_test_collect_if (GTK_WIDGET (window), has_action, action, buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  qg_test_click_widget (g_ptr_array_index (buttons, 0));
}

/* The map's zoom buttons, clicked: the viewport's actions. */
static void
test_zoom_buttons (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  double fitted = zoom_of (window);

  click_action_button (window, "zoom.in");
  wait_for_zoom (window, fitted * 1.25);
  click_action_button (window, "zoom.out");
  wait_for_zoom (window, fitted);
  click_action_button (window, "zoom.reset");
  wait_for_zoom (window, 1.0);
  click_action_button (window, "zoom.fit");
  wait_for_zoom (window, fitted);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* At the default size, with the sources beside it, the whole map is shown
 * and every name on it reads: drawn 11 pixels high or more. (How much of
 * it OCR reads off a real screenshot is measured by
 * tests/bench/legibility.py.) */
static void
check_names_read (int width,
                  int height)
{
  QgWindow *window = qg_test_open_window_sized (NULL, NULL, NULL, width, height);
  QgDocument *doc = qg_window_get_document (window);
  QgGraphView *view = qg_window_get_graph_view (window);

  g_test_message ("window %d×%d, map %d×%d at %.0f%%", width, height,
                  gtk_widget_get_width (GTK_WIDGET (view)),
                  gtk_widget_get_height (GTK_WIDGET (view)), zoom_of (window) * 100);
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    {
      const QgEntity *entity = qg_document_get_entity (doc, i);
      double pixels = qg_graph_view_get_label_pixels (view, entity->id);

      g_test_message ("%s: %.1f px", entity->name, pixels);
      g_assert_cmpfloat (pixels, >=, 11);
    }

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_names_read_at_the_default_size (void)
{
  check_names_read (0, 0);
}

/* Maximised on a screen of 1366×768. */
static void
test_names_read_on_a_small_screen (void)
{
  check_names_read (1366, 768 - 37);
}

/* ------------------------------------------------------------------------ */
/* Search                                                                    */

static gboolean
search_is_open (gpointer data)
{
  return qg_search_bar_get_search_mode (search_bar_of (data));
}

static gboolean
search_is_closed (gpointer data)
{
  return !qg_search_bar_get_search_mode (search_bar_of (data));
}

typedef struct
{
  QgWindow *window;
  guint     n;
} MatchWait;

static gboolean
matches_are (gpointer data)
{
  MatchWait *w = data;

  return qg_search_bar_get_n_matches (search_bar_of (w->window)) == w->n;
}

/* Typed for real: Ctrl+F, "DHS" (an alias), Enter; the result is brought
 * to the middle at a zoom where it reads; Enter and Shift+Enter go on and
 * back, and the count says where. */
static void
test_search_by_typing (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  MatchWait four = { window, 4 };
  MatchWait two = { window, 2 };
  double x, y;

  /* DHS is an alias of the Department of Homeland Security, and a word in
   * one of Kaspersky Lab's quotes: the department, then the quote's
   * speaker and the two relations it backs. */
  qg_test_keys (GTK_WIDGET (window), "ctrl+f");
  qg_test_wait_for (search_is_open, window, "the search bar");
  qg_test_type (GTK_WIDGET (window), "DHS");
  qg_test_wait_for (matches_are, &four, "four matches for DHS");
  g_assert_cmpstr (search_count (window), ==, "4 matches");
  qg_test_keys (GTK_WIDGET (window), "Return");
  wait_for_selection (window, "dhs");
  g_assert_cmpstr (search_count (window), ==, "1 of 4");
  qg_graph_view_finish_animations (qg_window_get_graph_view (window));
  g_assert_cmpfloat (zoom_of (window), >=, QG_GRAPH_VIEW_READING_ZOOM);
  node_on_screen (window, "dhs", &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (view_of (window)) / 2.0, 1.5);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (view_of (window)) / 2.0, 1.5);

  /* "Joyce": Rob Joyce, then the relations labelled with him or backed by
   * his quotes; Shift+Enter goes back, around the start. */
  qg_test_keys (GTK_WIDGET (window), "ctrl+a");
  qg_test_type (GTK_WIDGET (window), "Joyce");
  {
    MatchWait five = { window, 5 };

    qg_test_wait_for (matches_are, &five, "five matches for Joyce");
  }
  g_assert_cmpstr (search_count (window), ==, "5 matches");
  qg_test_keys (GTK_WIDGET (window), "Return");
  wait_for_selection (window, "joyce");
  qg_test_keys (GTK_WIDGET (window), "Return");
  wait_for_selection (window, "joyce-says-kaspersky-fsb");
  g_assert_cmpstr (search_count (window), ==, "2 of 5");
  qg_test_keys (GTK_WIDGET (window), "shift+Return");
  wait_for_selection (window, "joyce");
  g_assert_cmpstr (search_count (window), ==, "1 of 5");
  qg_test_keys (GTK_WIDGET (window), "shift+Return");
  wait_for_selection (window, "joyce-speaks-at-summit");
  g_assert_cmpstr (search_count (window), ==, "5 of 5");

  /* Quote text is searched too: Best Buy's spokesman's words. */
  qg_test_keys (GTK_WIDGET (window), "ctrl+a");
  qg_test_type (GTK_WIDGET (window), "sazid");
  qg_test_wait_for (matches_are, &two, "two matches for sazid");
  qg_test_keys (GTK_WIDGET (window), "Return");
  wait_for_selection (window, "best-buy");
  gtk_window_destroy (GTK_WINDOW (window));
}

/* The sources beside the map keep one width whatever they show: the map
 * does not move as the selection or the page changes. */
static void
test_panel_keeps_its_width (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  GtkWidget *side = adw_flap_get_flap (window->flap);
  int width = gtk_widget_get_width (side);
  int map_width = gtk_widget_get_width (view_of (window));
  const char *ids[] = { "best-buy", "dhs-bans-kaspersky", "us-cyber-executives", "fsb" };
  double x, y;

  g_assert_cmpint (width, >, 0);
  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      if (qg_document_find_entity (qg_window_get_document (window), ids[i]) >= 0)
        {
          node_on_screen (window, ids[i], &x, &y);
          qg_test_click (view_of (window), x, y);
        }
      else
        qg_window_select_and_show (window, ids[i], 0);
      wait_for_selection (window, ids[i]);
      qg_test_wait_frames (side);
      g_assert_cmpint (gtk_widget_get_width (side), ==, width);
      g_assert_cmpint (gtk_widget_get_width (view_of (window)), ==, map_width);
    }
  qg_test_click_widget (qg_test_find_labelled (window->side_switcher, GTK_TYPE_TOGGLE_BUTTON,
                                               "List"));
  qg_test_wait_frames (side);
  g_assert_cmpint (gtk_widget_get_width (side), ==, width);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* No name is placed under the zoom buttons, where it would not read, as
 * the map is zoomed in and moved under them by the wheel. */
static void
test_no_name_under_the_zoom_buttons (void)
{
  g_autofree char *json = qg_test_map_json (300, 600);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "crowded.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window;
  QgGraphView *view;
  double width, height;
  graphene_rect_t controls;
  guint named = 0;

  g_assert_true (g_file_set_contents (path, json, -1, NULL));
  window = qg_test_open_window (NULL, NULL, file);
  view = QG_GRAPH_VIEW (view_of (window));
  width = gtk_widget_get_width (GTK_WIDGET (view));
  height = gtk_widget_get_height (GTK_WIDGET (view));
  qg_test_wheel (GTK_WIDGET (view), width / 2, height / 2, 4, "ctrl");
  qg_graph_view_finish_animations (view);
  qg_test_wait_frames (GTK_WIDGET (view));
  /* Zoomed in, but names still placed by Quotegraph. */
  g_assert_cmpfloat (qg_viewport_get_zoom (qg_graph_view_get_viewport (view)) * view->node_font,
                     <, view->name_pixels);
  g_assert_true (gtk_widget_compute_bounds (window->zoom_controls, GTK_WIDGET (view), &controls));
  for (guint step = 0; step < 24; step++)
    {
      /* Down the map, then across it. */
      qg_test_wheel (GTK_WIDGET (view), width / 2, height / 2, step < 12 ? 5 : 7, NULL);
      qg_graph_view_finish_animations (view);
      qg_test_wait_frames (GTK_WIDGET (view));
      qg_graph_view_update_labels (view);
      for (guint i = 0; i < view->screen_labels->len; i++)
        {
          const ScreenLabel *label = &g_array_index (view->screen_labels, ScreenLabel, i);

          if (label->kind != QG_ITEM_NODE || label->gx <= 0)
            continue;
          named++;
          g_assert_false (label->x0 < controls.origin.x + controls.size.width
                          && controls.origin.x < label->x1
                          && label->y0 < controls.origin.y + controls.size.height
                          && controls.origin.y < label->y1);
        }
    }
  g_assert_cmpuint (named, >, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (dir);
}

/* Escape closes the search and gives the keys back to the map, so that a
 * second Escape clears the selection. */
static void
test_second_escape_clears_the_selection (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  double x, y;

  node_on_screen (window, "fsb", &x, &y);
  qg_test_click (view_of (window), x, y);
  wait_for_selection (window, "fsb");
  /* The hand goes to the keyboard (a tooltip left up would take the first
   * Escape, as GTK's tooltips do). */
  qg_test_pointer_away (GTK_WIDGET (window));
  qg_test_keys (GTK_WIDGET (window), "ctrl+f");
  qg_test_wait_for (search_is_open, window, "the search bar");
  qg_test_keys (GTK_WIDGET (window), "Escape");
  qg_test_wait_for (search_is_closed, window, "the search bar to close");
  g_assert_cmpstr (qg_graph_view_get_selection (qg_window_get_graph_view (window)), ==, "fsb");
  qg_test_keys (GTK_WIDGET (window), "Escape");
  wait_for_selection (window, NULL);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* The panel                                                                 */

static gboolean
panel_scrolled (gpointer data)
{
  return gtk_adjustment_get_value (data) > 0;
}

/* A new selection is read from its heading, wherever the last one was
 * scrolled to. */
static void
test_panel_starts_at_the_top (void)
{
  QgWindow *window = qg_test_open_window_sized (NULL, NULL, NULL, 1100, 600);
  GtkWidget *panel = GTK_WIDGET (qg_window_get_source_panel (window));
  GtkScrolledWindow *scroller = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (
                                                       panel, GTK_TYPE_SCROLLED_WINDOW));
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (scroller);
  double x, y;

  node_on_screen (window, "kaspersky-lab", &x, &y);
  qg_test_click (view_of (window), x, y);
  wait_for_selection (window, "kaspersky-lab");
  qg_test_wait_frames (GTK_WIDGET (window));
  for (int i = 0; i < 5; i++)
    qg_test_wheel (GTK_WIDGET (scroller), 100, 100, 5, NULL);
  qg_test_wait_for (panel_scrolled, adjustment, "the panel to scroll");

  node_on_screen (window, "reuters", &x, &y);
  qg_test_click (view_of (window), x, y);
  wait_for_selection (window, "reuters");
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
  gtk_window_destroy (GTK_WINDOW (window));
}

/* "Show in Article", clicked for real, brings the passage into view in the
 * article and selects it. */
static void
test_show_in_article_scrolls_to_it (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  QgDocument *doc = qg_window_get_document (window);
  GtkTextView *article = GTK_TEXT_VIEW (qg_window_get_article_view (window));
  GtkWidget *button;
  const QgQuote *quote;
  const char *text = qg_document_get_text (doc, NULL);
  GtkTextIter start, end;
  double x, y;

  /* Rob Joyce's one quote is near the end of the article. */
  node_on_screen (window, "joyce", &x, &y);
  qg_test_click (view_of (window), x, y);
  wait_for_selection (window, "joyce");
  qg_test_wait_frames (GTK_WIDGET (window));
  quote = qg_document_get_quote (doc, qg_document_get_speaker_quotes (
                                   doc, qg_document_find_entity (doc, "joyce"), &(guint) { 0 })[0]);
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (article), &start,
                                      g_utf8_pointer_to_offset (text, text + quote->start));
  {
    QgTestScrollWait w = { article, &start };

    g_assert_false (qg_test_iter_visible (&w));
    button = qg_test_find_labelled (GTK_WIDGET (qg_window_get_source_panel (window)),
                                    GTK_TYPE_BUTTON, "_Show in Article");
    g_assert_nonnull (button);
    qg_test_click_widget (button);
    qg_test_wait_for (qg_test_iter_visible, &w, "the passage to come into view");
  }
  g_assert_true (gtk_text_buffer_get_selection_bounds (gtk_text_view_get_buffer (article),
                                                       &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==,
                   g_utf8_pointer_to_offset (text, text + quote->start));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==,
                   g_utf8_pointer_to_offset (text, text + quote->end));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* The legend and the filter menu: one filter, one order                     */

static GPtrArray *
facet_labels (GtkWidget *root,
              GType      row_type)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GPtrArray *labels = g_ptr_array_new_with_free_func (g_free);

  qg_test_collect_if (root, qg_test_is_of_type, GSIZE_TO_POINTER (row_type), rows);
  for (guint i = 0; i < rows->len; i++)
    {
      g_autoptr(GPtrArray) texts = g_ptr_array_new ();

      qg_test_collect_if (g_ptr_array_index (rows, i), qg_test_is_of_type,
                          GSIZE_TO_POINTER (GTK_TYPE_LABEL), texts);
      g_assert_cmpuint (texts->len, ==, 1);
      g_ptr_array_add (labels, g_strdup (gtk_label_get_label (g_ptr_array_index (texts, 0))));
    }
  return labels;
}

static gboolean
popover_shown (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
hidden_is (QgWindow   *window,
           const char *id)
{
  return qg_graph_view_is_hidden (qg_window_get_graph_view (window), id);
}

typedef struct
{
  QgWindow   *window;
  const char *id;
  gboolean    hidden;
} HiddenWait;

static gboolean
hidden_as_expected (gpointer data)
{
  HiddenWait *w = data;

  return hidden_is (w->window, w->id) == w->hidden;
}

static void
wait_hidden (QgWindow   *window,
             const char *id,
             gboolean    hidden)
{
  HiddenWait w = { window, id, hidden };

  qg_test_wait_for (hidden_as_expected, &w, id);
}

static void
test_legend_and_filters_agree (void)
{
  QgWindow *window = qg_test_open_window (NULL, NULL, NULL);
  GtkWidget *legend = find_one (window, QG_TYPE_LEGEND);
  GtkWidget *menu_button = NULL;
  QgFilterPopover *popover = NULL;
  g_autoptr(GPtrArray) in_legend = facet_labels (legend, GTK_TYPE_TOGGLE_BUTTON);
  g_autoptr(GPtrArray) in_menu = NULL;
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  GtkWidget *person, *opposes, *check;

  /* The header's filter button and its menu. */
  qg_test_collect_if (GTK_WIDGET (window), qg_test_is_of_type,
                      GSIZE_TO_POINTER (GTK_TYPE_MENU_BUTTON),
                      buttons);
  for (guint i = 0; i < buttons->len; i++)
    if (gtk_widget_get_mapped (g_ptr_array_index (buttons, i))
        && QG_IS_FILTER_POPOVER (gtk_menu_button_get_popover (g_ptr_array_index (buttons, i))))
      {
        menu_button = g_ptr_array_index (buttons, i);
        popover = QG_FILTER_POPOVER (gtk_menu_button_get_popover (GTK_MENU_BUTTON (menu_button)));
      }
  g_assert_nonnull (popover);
  in_menu = facet_labels (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON);

  /* The same kinds and stances, in the same order, with capitals. */
  g_assert_cmpuint (in_legend->len, ==, 12);
  g_assert_cmpuint (in_menu->len, ==, in_legend->len);
  for (guint i = 0; i < in_legend->len; i++)
    g_assert_cmpstr (g_ptr_array_index (in_menu, i), ==, g_ptr_array_index (in_legend, i));
  g_assert_cmpstr (g_ptr_array_index (in_legend, 0), ==, "Person");
  g_assert_cmpstr (g_ptr_array_index (in_legend, 9), ==, "Supports");

  /* A click on the legend hides people; the menu says so. Each of its
   * buttons is shown, and says what a click does. */
  person = qg_test_find_labelled (legend, GTK_TYPE_TOGGLE_BUTTON, "Person");
  g_assert_true (gtk_widget_get_mapped (person));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (person), ==, "Show or hide on the map");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));
  qg_test_click_widget (person);
  wait_hidden (window, "joyce", TRUE);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (person)));
  check = qg_test_find_labelled (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, "Person");
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (check)));
  g_assert_true (hidden_is (window, "joyce-advises-trump"));
  g_assert_false (hidden_is (window, "dhs-bans-kaspersky"));

  /* The menu hides what opposes; the legend shows it hidden. */
  qg_test_click_widget (menu_button);
  qg_test_wait_for (popover_shown, popover, "the filter menu");
  check = qg_test_find_labelled (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, "Opposes");
  qg_test_click_widget (check);
  wait_hidden (window, "dhs-bans-kaspersky", TRUE);
  opposes = qg_test_find_labelled (legend, GTK_TYPE_TOGGLE_BUTTON, "Opposes");
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (opposes)));
  qg_test_keys (GTK_WIDGET (window), "Escape");

  /* Both back from the legend. */
  qg_test_click_widget (opposes);
  wait_hidden (window, "dhs-bans-kaspersky", FALSE);
  qg_test_click_widget (person);
  wait_hidden (window, "joyce", FALSE);
  g_assert_true (gtk_check_button_get_active (GTK_CHECK_BUTTON (
    qg_test_find_labelled (GTK_WIDGET (popover), GTK_TYPE_CHECK_BUTTON, "Person"))));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A kind of the document's own is named with a capital, as the styled
 * ones are. */
static void
test_own_kinds_have_capitals (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                 "library-vote.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = qg_test_open_window (NULL, NULL, file);
  g_autoptr(GPtrArray) in_legend = facet_labels (find_one (window, QG_TYPE_LEGEND),
                                                 GTK_TYPE_TOGGLE_BUTTON);

  g_assert_true (g_ptr_array_find_with_equal_func (in_legend, "Facility", g_str_equal, NULL));
  g_assert_true (g_ptr_array_find_with_equal_func (in_legend, "Union", g_str_equal, NULL));
  g_assert_false (g_ptr_array_find_with_equal_func (in_legend, "facility", g_str_equal, NULL));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* Narrow                                                                    */

static gboolean
folded (gpointer data)
{
  return adw_flap_get_folded (ADW_FLAP (find_one (data, ADW_TYPE_FLAP)));
}

static gboolean
sources_hidden (gpointer data)
{
  return !adw_flap_get_reveal_flap (data);
}

static gboolean
is_narrow (gpointer data)
{
  return gtk_widget_get_width (data) <= 380;
}

/* Down to a phone's 360 pixels: the map takes the width, the sources come
 * over it when asked for, the legend folds away, the title still shows. */
static void
test_narrow_window (void)
{
  QgWindow *window = qg_test_open_window_sized (NULL, NULL, NULL, 360, 640);
  AdwFlap *flap = ADW_FLAP (find_one (window, ADW_TYPE_FLAP));
  GtkWidget *title = find_one (window, ADW_TYPE_WINDOW_TITLE);

  qg_test_wait_for (folded, window, "the sources to fold");
  qg_test_wait_for (sources_hidden, flap, "the sources to be put away");
  /* Folded, it takes less room: narrower still, as a person would drag
   * it. */
  {
    g_autofree char *xid = qg_test_xid (GTK_WIDGET (window));

    qg_test_xdotool (GTK_WIDGET (window), (const char *[]) { "windowsize", "--sync", xid, "360",
                                                             "640", NULL });
  }
  qg_test_wait_for (is_narrow, window, "the window to be 360 pixels wide");
  qg_test_wait_frames (GTK_WIDGET (window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, 400);
  g_assert_cmpint (gtk_widget_get_width (view_of (window)), >=, 340);
  g_assert_false (adw_flap_get_reveal_flap (flap));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (gtk_widget_get_ancestor (
    find_one (window, QG_TYPE_LEGEND), GTK_TYPE_REVEALER))));
  g_assert_cmpint (gtk_widget_get_width (title), >=, 80);

  /* The sources, over the map. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-sources", NULL);
  g_assert_true (adw_flap_get_reveal_flap (flap));
  g_assert_cmpint (gtk_widget_get_width (view_of (window)), >=, 340);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!qg_test_init_ui (&argc, &argv))
    return 0;

  g_test_add_func ("/quotegraph/window/shows-the-bundled-map", test_window_shows_the_bundled_map);
  g_test_add_func ("/quotegraph/window/names-read-at-the-default-size",
                   test_names_read_at_the_default_size);
  g_test_add_func ("/quotegraph/window/names-read-on-a-small-screen",
                   test_names_read_on_a_small_screen);
  g_test_add_func ("/quotegraph/window/pan-after-a-zoom-keeps-the-zoom",
                   test_pan_after_a_zoom_keeps_the_zoom);
  g_test_add_func ("/quotegraph/window/zoom-keys-on-a-fresh-window",
                   test_zoom_keys_on_a_fresh_window);
  g_test_add_func ("/quotegraph/window/zoom-buttons", test_zoom_buttons);
  g_test_add_func ("/quotegraph/window/stop-layout", test_stop_layout);
  g_test_add_func ("/quotegraph/window/slow-engine-warns", test_slow_engine_warns);
  g_test_add_func ("/quotegraph/window/stop-first-layout", test_stop_first_layout);
  g_test_add_func ("/quotegraph/window/layout-switch-keeps-the-selection",
                   test_layout_switch_keeps_the_selection);
  g_test_add_func ("/quotegraph/window/select-option-centres-it", test_select_option_centres_it);
  g_test_add_func ("/quotegraph/window/bad-document-keeps-the-map",
                   test_bad_document_keeps_the_map);
  g_test_add_func ("/quotegraph/window/narrow", test_narrow_window);
  g_test_add_func ("/quotegraph/window/failed-open-offers-a-way-on",
                   test_failed_open_offers_a_way_on);
  g_test_add_func ("/quotegraph/sources/article-fills-in-the-background",
                   test_article_fills_in_the_background);
  g_test_add_func ("/quotegraph/sources/article-retags-an-edit", test_article_retags_an_edit);
  g_test_add_func ("/quotegraph/sources/click-a-passage-of-many", test_click_a_passage_of_many);
  g_test_add_func ("/quotegraph/sources/click-a-passage-of-both", test_click_a_passage_of_both);
  g_test_add_func ("/quotegraph/sources/mentions-underlined-crisply",
                   test_mentions_underlined_crisply);
  g_test_add_func ("/quotegraph/search/by-typing", test_search_by_typing);
  g_test_add_func ("/quotegraph/search/second-escape-clears-the-selection",
                   test_second_escape_clears_the_selection);
  g_test_add_func ("/quotegraph/sources/panel-shows-the-quotes", test_panel_shows_the_quotes);
  g_test_add_func ("/quotegraph/sources/panel-starts-at-the-top", test_panel_starts_at_the_top);
  g_test_add_func ("/quotegraph/sources/panel-keeps-its-width", test_panel_keeps_its_width);
  g_test_add_func ("/quotegraph/window/no-name-under-the-zoom-buttons",
                   test_no_name_under_the_zoom_buttons);
  g_test_add_func ("/quotegraph/sources/show-in-article-scrolls-to-it",
                   test_show_in_article_scrolls_to_it);
  g_test_add_func ("/quotegraph/sources/click-in-the-article-selects",
                   test_click_in_the_article_selects);
  g_test_add_func ("/quotegraph/sources/another-document", test_another_document);
  g_test_add_func ("/quotegraph/filters/legend-and-menu-agree", test_legend_and_filters_agree);
  g_test_add_func ("/quotegraph/filters/own-kinds-have-capitals", test_own_kinds_have_capitals);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  return status;
}
