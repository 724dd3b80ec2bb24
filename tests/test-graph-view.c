/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The graph view and the window, as real widgets in a real window under
 * Xvfb. Keys and clicks are real X events, sent with xdotool. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "qg-cli.h"
#include "qg-graph-view.h"
#include "qg-graph.h"
#include "qg-ui-resources.h"
#include "qg-window.h"

#define WIDTH 900
#define HEIGHT 640

static AdwApplication *app;

/* Runs the main loop until @done says so; a test that waits longer than
 * this has failed, it does not pass by time. */
static void
wait_for (gboolean (*done) (gpointer),
          gpointer   data,
          const char *what)
{
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (!done (data))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("timed out waiting for %s", what);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
}

typedef struct
{
  GtkWidget   *window;
  QgGraphView *view;
  QgDocument  *document;
} Fixture;

static gboolean
allocated (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->view)) == WIDTH
         && gtk_widget_get_height (GTK_WIDGET (f->view)) == HEIGHT
         && gtk_widget_get_mapped (GTK_WIDGET (f->view));
}

static QgDocument *
bundled (void)
{
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);

  g_assert_no_error (error);
  return doc;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = NULL;

  f->document = bundled ();
  layout = qg_graph_compute_layout (f->document, "dot", &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  f->view = QG_GRAPH_VIEW (qg_graph_view_new ());
  gtk_widget_set_size_request (GTK_WIDGET (f->view), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  qg_graph_view_set_document (f->view, f->document);
  qg_graph_view_set_layout (f->view, layout, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  wait_for (allocated, f, "the view to be shown");
  qg_graph_view_zoom_fit (f->view, FALSE);
  qg_graph_view_finish_animations (f->view);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_object (&f->document);
}

static const QgItem *
node_of (Fixture    *f,
         const char *id)
{
  gint entity = qg_document_find_entity (f->document, id);

  g_assert_cmpint (entity, >=, 0);
  return qg_layout_get_node (qg_graph_view_get_layout (f->view), entity);
}

/* Where a node's centre is in the view. */
static void
node_on_screen (Fixture    *f,
                const char *id,
                double     *x,
                double     *y)
{
  const QgItem *node = node_of (f, id);

  qg_graph_view_layout_to_widget (f->view, node->cx, node->cy, x, y);
}

/* ------------------------------------------------------------------------ */
/* Real input, through X                                                     */

static void
xdotool (Fixture     *f,
         const char **args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  int status;

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  for (guint i = 0; args[i]; i++)
    g_ptr_array_add (argv, g_strdup (args[i]));
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

typedef struct
{
  Fixture    *f;
  const char *expected;
} SelectionWait;

static gboolean
selection_is (gpointer data)
{
  SelectionWait *w = data;

  return g_strcmp0 (qg_graph_view_get_selection (w->f->view), w->expected) == 0;
}

static void
press_key (Fixture    *f,
           const char *key,
           const char *expected_selection)
{
  SelectionWait w = { f, expected_selection };

  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  xdotool (f, (const char *[]) { "key", "--clearmodifiers", key, NULL });
  wait_for (selection_is, &w, expected_selection ? expected_selection : "no selection");
}

static void
click_at (Fixture    *f,
          double      x,
          double      y,
          const char *expected_selection)
{
  SelectionWait w = { f, expected_selection };
  graphene_point_t p;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (f->window));
  double nx, ny;

  /* From the view to the window's surface. */
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (f->view), f->window,
                                           &GRAPHENE_POINT_INIT (x, y), &p));
  gtk_native_get_surface_transform (GTK_NATIVE (f->window), &nx, &ny);
  sx = g_strdup_printf ("%d", (int) round (p.x + nx));
  sy = g_strdup_printf ("%d", (int) round (p.y + ny));
  {
    g_autofree char *xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface));

    xdotool (f, (const char *[]) { "mousemove", "--sync", "--window", xid, sx, sy, "click", "1",
                                   NULL });
  }
  wait_for (selection_is, &w, expected_selection ? expected_selection : "no selection");
}

/* ------------------------------------------------------------------------ */

static void
test_hit_testing_at_zoom_levels (Fixture       *f,
                                 gconstpointer  data)
{
  static const double factors[] = { 1, 0.6, 2.0, 3.5 };
  guint checked = 0;

  for (guint z = 0; z < G_N_ELEMENTS (factors); z++)
    {
      qg_graph_view_zoom_fit (f->view, FALSE);
      qg_graph_view_zoom_at (f->view, factors[z], WIDTH / 2.0, HEIGHT / 2.0);

      for (guint i = 0; i < qg_document_get_n_entities (f->document); i++)
        {
          const char *id = qg_document_get_entity (f->document, i)->id;
          double x, y;

          node_on_screen (f, id, &x, &y);
          if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT)
            continue;
          g_assert_cmpstr (qg_graph_view_hit (f->view, x, y), ==, id);
          checked++;
        }
      /* Empty space, far from the map. */
      {
        double x, y;

        qg_graph_view_layout_to_widget (f->view, -200, -200, &x, &y);
        g_assert_null (qg_graph_view_hit (f->view, x, y));
      }
    }
  g_assert_cmpuint (checked, >, 28);
}

static void
test_edge_labels_hit_their_edge (Fixture       *f,
                                 gconstpointer  data)
{
  QgLayout *layout = qg_graph_view_get_layout (f->view);
  guint checked = 0;

  qg_graph_view_zoom_at (f->view, 2, WIDTH / 2.0, HEIGHT / 2.0);
  for (guint i = 0; i < qg_layout_get_n_edges (layout); i++)
    {
      const QgItem *edge = qg_layout_get_edge (layout, i);
      const char *id = qg_document_get_relation (f->document, i)->id;
      guint node;
      double x, y;

      /* Where a node covers the label, the node is what is under it. */
      if (qg_layout_hit (layout, edge->cx, edge->cy, 0, &node) == QG_ITEM_NODE)
        continue;
      qg_graph_view_layout_to_widget (f->view, edge->cx, edge->cy, &x, &y);
      if (x < 0 || y < 0 || x >= WIDTH || y >= HEIGHT)
        continue;
      g_assert_cmpstr (qg_graph_view_hit (f->view, x, y), ==, id);
      checked++;
    }
  g_assert_cmpuint (checked, >, 5);
}

static void
test_zoom_keeps_point_fixed (Fixture       *f,
                             gconstpointer  data)
{
  static const double points[][2] = { { 120, 90 }, { 700, 500 }, { 450, 320 } };

  for (guint i = 0; i < G_N_ELEMENTS (points); i++)
    {
      double lx0, ly0, lx1, ly1;
      double zoom = qg_graph_view_get_zoom (f->view);

      qg_graph_view_widget_to_layout (f->view, points[i][0], points[i][1], &lx0, &ly0);
      qg_graph_view_zoom_at (f->view, 1.7, points[i][0], points[i][1]);
      qg_graph_view_widget_to_layout (f->view, points[i][0], points[i][1], &lx1, &ly1);
      g_assert_cmpfloat_with_epsilon (qg_graph_view_get_zoom (f->view), zoom * 1.7, 1e-9);
      g_assert_cmpfloat_with_epsilon (lx0, lx1, 1e-6);
      g_assert_cmpfloat_with_epsilon (ly0, ly1, 1e-6);
    }
}

static void
test_fit_shows_the_whole_map (Fixture       *f,
                              gconstpointer  data)
{
  QgLayout *layout = qg_graph_view_get_layout (f->view);
  double x0, y0, x1, y1;

  qg_graph_view_zoom_at (f->view, 5, 10, 10);
  qg_graph_view_pan (f->view, 3000, -2000);
  qg_graph_view_zoom_fit (f->view, FALSE);
  qg_graph_view_layout_to_widget (f->view, 0, 0, &x0, &y0);
  qg_graph_view_layout_to_widget (f->view, qg_layout_get_width (layout),
                                  qg_layout_get_height (layout), &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, WIDTH);
  g_assert_cmpfloat (y1, <=, HEIGHT);
  /* Fitted on one side at least: not a map lost in the middle. */
  g_assert_true (x1 - x0 > WIDTH * 0.9 || y1 - y0 > HEIGHT * 0.9);
}

static void
test_keyboard_selection_order (Fixture       *f,
                               gconstpointer  data)
{
  guint n = qg_document_get_n_entities (f->document);
  g_autofree char **order = g_new0 (char *, n + 1);
  const char *first;

  /* Tab walks every node once, in reading order: top to bottom, then left
   * to right on one line. */
  for (guint i = 0; i < n; i++)
    {
      qg_graph_view_select_next (f->view, 1);
      order[i] = (char *) qg_graph_view_get_selection (f->view);
      g_assert_nonnull (order[i]);
      g_assert_cmpint (qg_document_find_entity (f->document, order[i]), >=, 0);
      for (guint j = 0; j < i; j++)
        g_assert_cmpstr (order[j], !=, order[i]);
      if (i > 0)
        {
          const QgItem *a = node_of (f, order[i - 1]);
          const QgItem *b = node_of (f, order[i]);

          g_assert_true (b->cy > a->cy + 4 || (fabs (b->cy - a->cy) <= 4 && b->cx >= a->cx));
        }
    }
  /* It wraps around, and Shift+Tab goes back. */
  qg_graph_view_select_next (f->view, 1);
  g_assert_cmpstr (qg_graph_view_get_selection (f->view), ==, order[0]);
  qg_graph_view_select_next (f->view, -1);
  g_assert_cmpstr (qg_graph_view_get_selection (f->view), ==, order[n - 1]);

  /* The same with real keys. */
  qg_graph_view_set_selection (f->view, NULL);
  first = order[0];
  press_key (f, "Tab", first);
  press_key (f, "Tab", order[1]);
  press_key (f, "shift+Tab", first);
  press_key (f, "Escape", NULL);
}

typedef struct
{
  Fixture    *f;
  const char *away_from;
} ChangeWait;

static gboolean
selection_changed (gpointer data)
{
  ChangeWait *w = data;
  const char *now = qg_graph_view_get_selection (w->f->view);

  return now != NULL && g_strcmp0 (now, w->away_from) != 0;
}

static void
test_alt_arrows_move_the_selection (Fixture       *f,
                                    gconstpointer  data)
{
  static const struct { const char *key; int dx; int dy; } moves[] = {
    { "alt+Right", 1, 0 }, { "alt+Left", -1, 0 }, { "alt+Down", 0, 1 }, { "alt+Up", 0, -1 },
  };

  /* Kaspersky Lab is in the middle: there are nodes on every side. */
  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    {
      ChangeWait w = { f, "kaspersky-lab" };
      const QgItem *from = node_of (f, "kaspersky-lab");
      const QgItem *to;

      g_assert_true (qg_graph_view_set_selection (f->view, "kaspersky-lab"));
      gtk_widget_grab_focus (GTK_WIDGET (f->view));
      xdotool (f, (const char *[]) { "key", "--clearmodifiers", moves[i].key, NULL });
      wait_for (selection_changed, &w, moves[i].key);
      to = node_of (f, qg_graph_view_get_selection (f->view));
      g_test_message ("%s: %s", moves[i].key, qg_graph_view_get_selection (f->view));
      /* Further that way than sideways. */
      g_assert_cmpfloat ((to->cx - from->cx) * moves[i].dx + (to->cy - from->cy) * moves[i].dy,
                         >, 0);
    }
}

static void
test_clicks_select (Fixture       *f,
                    gconstpointer  data)
{
  double x, y;

  node_on_screen (f, "joyce", &x, &y);
  click_at (f, x, y, "joyce");
  node_on_screen (f, "dhs", &x, &y);
  click_at (f, x, y, "dhs");
  /* Empty space clears it. */
  {
    QgLayout *layout = qg_graph_view_get_layout (f->view);

    qg_graph_view_layout_to_widget (f->view, qg_layout_get_width (layout), 0, &x, &y);
  }
  click_at (f, MIN (x + 5, WIDTH - 3), MAX (y - 5, 3), NULL);
}

/* ------------------------------------------------------------------------ */
/* What is on screen                                                         */

static cairo_surface_t *
render_view (Fixture *f)
{
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  GskRenderNode *node;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, WIDTH, HEIGHT);
  cairo_t *cr = cairo_create (surface);

  GTK_WIDGET_GET_CLASS (f->view)->snapshot (GTK_WIDGET (f->view), snapshot);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  gsk_render_node_draw (node, cr);
  gsk_render_node_unref (node);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  return surface;
}

static guint32
pixel_at (cairo_surface_t *surface,
          double           x,
          double           y)
{
  guint8 *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);

  return *(guint32 *) (gpointer) (data + (int) y * stride + 4 * (int) x);
}

static double
luminance (guint32 argb)
{
  return 0.2126 * ((argb >> 16) & 0xff) + 0.7152 * ((argb >> 8) & 0xff) + 0.0722 * (argb & 0xff);
}

/* A point inside a node's outline but off its label. */
static void
inside_node (Fixture    *f,
             const char *id,
             double     *x,
             double     *y)
{
  const QgItem *node = node_of (f, id);

  qg_graph_view_layout_to_widget (f->view, node->cx, node->y0 + 3, x, y);
}

static void
test_selection_dims_the_rest (Fixture       *f,
                              gconstpointer  data)
{
  cairo_surface_t *before, *after;
  double ax, ay, tx, ty;
  guint32 amazon_before, amazon_after, tentler_before, tentler_after;

  qg_graph_view_zoom_at (f->view, 1.5, WIDTH / 2.0, HEIGHT / 2.0);
  /* Phobos Group's one neighbour is Dan Tentler; Amazon is not one. */
  inside_node (f, "amazon", &ax, &ay);
  inside_node (f, "tentler", &tx, &ty);
  before = render_view (f);
  g_assert_true (qg_graph_view_set_selection (f->view, "phobos-group"));
  after = render_view (f);

  amazon_before = pixel_at (before, ax, ay);
  amazon_after = pixel_at (after, ax, ay);
  tentler_before = pixel_at (before, tx, ty);
  tentler_after = pixel_at (after, tx, ty);
  g_test_message ("amazon %08x → %08x, tentler %08x → %08x", amazon_before, amazon_after,
                  tentler_before, tentler_after);
  /* Dimmed: fainter over the transparent background; the neighbour as it was. */
  g_assert_cmpuint (amazon_after >> 24, <, amazon_before >> 24);
  g_assert_cmpuint (tentler_after, ==, tentler_before);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

static gboolean
count_tick (GtkWidget     *widget,
            GdkFrameClock *clock,
            gpointer       data)
{
  (*(guint *) data)++;
  return G_SOURCE_CONTINUE;
}

static gboolean
two_frames (gpointer data)
{
  return *(guint *) data >= 2;
}

/* Style changes reach widgets with the next frames. */
static void
set_scheme (Fixture        *f,
            AdwColorScheme  scheme)
{
  guint ticks = 0;
  guint id;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  id = gtk_widget_add_tick_callback (GTK_WIDGET (f->view), count_tick, &ticks, NULL);
  wait_for (two_frames, &ticks, "two frames");
  gtk_widget_remove_tick_callback (GTK_WIDGET (f->view), id);
}

static void
test_dark_style_changes_the_colours (Fixture       *f,
                                     gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *light, *dark;
  double x, y;
  guint32 light_fill, dark_fill;

  qg_graph_view_zoom_at (f->view, 2, WIDTH / 2.0, HEIGHT / 2.0);
  inside_node (f, "kaspersky-lab", &x, &y);

  set_scheme (f, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  light = render_view (f);
  set_scheme (f, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  dark = render_view (f);

  /* A company's fill: pale in the light style, deep in the dark one. */
  light_fill = pixel_at (light, x, y);
  dark_fill = pixel_at (dark, x, y);
  g_test_message ("fill light %08x dark %08x", light_fill, dark_fill);
  g_assert_cmpuint (light_fill, !=, dark_fill);
  g_assert_cmpfloat (luminance (light_fill), >, 180);
  g_assert_cmpfloat (luminance (dark_fill), <, 90);

  set_scheme (f, ADW_COLOR_SCHEME_DEFAULT);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* ------------------------------------------------------------------------ */
/* The window                                                                */

static gboolean
window_ready (gpointer data)
{
  QgWindow *window = data;

  GtkWidget *view = GTK_WIDGET (qg_window_get_graph_view (window));

  return !qg_window_is_busy (window)
         && qg_graph_view_get_layout (QG_GRAPH_VIEW (view)) != NULL
         && gtk_widget_get_mapped (view) && gtk_widget_get_width (view) > 0;
}

static QgWindow *
open_window (const char *layout,
             const char *select,
             GFile      *file)
{
  QgWindow *window = qg_window_new (GTK_APPLICATION (app), layout, select);
  g_autoptr(GFile) bundled_file = qg_bundled_document ();

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 760);
  qg_window_open (window, file ? file : bundled_file, "kaspersky-us-ban.json");
  gtk_window_present (GTK_WINDOW (window));
  wait_for (window_ready, window, "the map to be laid out and shown");
  qg_graph_view_finish_animations (qg_window_get_graph_view (window));
  return window;
}

static void
test_window_shows_the_bundled_map (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==,
                   "Kaspersky: US government removes Russian security software");
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "dot");
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (view)), ==, 28);
  g_assert_null (qg_graph_view_get_selection (view));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
engine_is_twopi (gpointer data)
{
  QgWindow *window = data;
  QgLayout *layout = qg_graph_view_get_layout (qg_window_get_graph_view (window));

  return !qg_window_is_busy (window) && g_str_equal (qg_layout_get_engine (layout), "twopi");
}

static void
test_layout_switch_keeps_the_selection (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  const QgItem *node;
  double x, y;

  g_assert_true (qg_graph_view_set_selection (view, "dhs"));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.layout", "s", "twopi");
  wait_for (engine_is_twopi, window, "the twopi layout");
  qg_graph_view_finish_animations (view);

  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "dhs");
  g_assert_cmpstr (qg_window_get_layout_engine (window), ==, "twopi");
  /* Still in view. */
  node = qg_layout_get_node (qg_graph_view_get_layout (view),
                             qg_document_find_entity (qg_window_get_document (window), "dhs"));
  qg_graph_view_layout_to_widget (view, node->cx, node->cy, &x, &y);
  g_assert_cmpfloat (x, >=, 0);
  g_assert_cmpfloat (y, >=, 0);
  g_assert_cmpfloat (x, <=, gtk_widget_get_width (GTK_WIDGET (view)));
  g_assert_cmpfloat (y, <=, gtk_widget_get_height (GTK_WIDGET (view)));
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_select_option_centres_it (void)
{
  QgWindow *window = open_window (NULL, "joyce", NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  const QgItem *node;
  double x, y;

  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "joyce");
  node = qg_layout_get_node (qg_graph_view_get_layout (view),
                             qg_document_find_entity (qg_window_get_document (window), "joyce"));
  qg_graph_view_layout_to_widget (view, node->cx, node->cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (x, gtk_widget_get_width (GTK_WIDGET (view)) / 2.0, 1.5);
  g_assert_cmpfloat_with_epsilon (y, gtk_widget_get_height (GTK_WIDGET (view)) / 2.0, 1.5);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_zoom_actions (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  double fitted = qg_graph_view_get_zoom (view);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-in", NULL);
  qg_graph_view_finish_animations (view);
  g_assert_cmpfloat_with_epsilon (qg_graph_view_get_zoom (view), fitted * 1.25, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-reset", NULL);
  qg_graph_view_finish_animations (view);
  g_assert_cmpfloat_with_epsilon (qg_graph_view_get_zoom (view), 1.0, 1e-6);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.zoom-fit", NULL);
  qg_graph_view_finish_animations (view);
  g_assert_cmpfloat_with_epsilon (qg_graph_view_get_zoom (view), fitted, 1e-6);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
not_busy (gpointer data)
{
  return !qg_window_is_busy (data);
}

/* The one message dialog open, its body taken and the dialog closed. */
static char *
take_message_dialog (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  char *body = NULL;

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        {
          g_assert_null (body);
          body = g_strdup (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (item)));
          gtk_window_destroy (GTK_WINDOW (item));
          break;
        }
    }
  return body;
}

static void
test_bad_document_keeps_the_map (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgDocument *before = qg_window_get_document (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                 "relation-source-unknown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *body = NULL;

  qg_window_open (window, file, "relation-source-unknown.json");
  wait_for (not_busy, window, "the broken document to be read");

  g_assert_true (qg_window_get_document (window) == before);
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (
                      qg_window_get_graph_view (window))), ==, 28);

  /* The error is shown, naming the file and the place. */
  body = take_message_dialog ();
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, "relation-source-unknown.json:58: relations[0].source: "
                                  "unknown entity \"amce\" (did you mean \"acme\"?)"));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* ------------------------------------------------------------------------ */
/* The sources: panel, article, search, filters                              */

/* Every widget under @widget, depth first, that passes @test. */
static void
collect_if (GtkWidget     *widget,
            gboolean     (*test) (GtkWidget *widget, gconstpointer data),
            gconstpointer  data,
            GPtrArray     *out)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child;
       child = gtk_widget_get_next_sibling (child))
    {
      if (test (child, data))
        g_ptr_array_add (out, child);
      collect_if (child, test, data, out);
    }
}

static gboolean
has_css_class (GtkWidget     *widget,
               gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

static void
collect (GtkWidget  *widget,
         const char *css_class,
         GPtrArray  *out)
{
  collect_if (widget, has_css_class, css_class, out);
}

static gboolean
is_check_labelled (GtkWidget     *widget,
                   gconstpointer  label)
{
  return GTK_IS_CHECK_BUTTON (widget)
         && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0;
}

/* The filter popover's check button for a kind, found by its label. */
static GtkCheckButton *
kind_filter (QgWindow   *window,
             const char *label)
{
  g_autoptr(GPtrArray) checks = g_ptr_array_new ();

  collect_if (GTK_WIDGET (window), is_check_labelled, label, checks);
  g_assert_cmpuint (checks->len, ==, 1);
  return g_ptr_array_index (checks, 0);
}

/* The texts shown in the panel with a CSS class, in order. */
static GPtrArray *
panel_texts (QgWindow   *window,
             const char *css_class)
{
  g_autoptr(GPtrArray) widgets = g_ptr_array_new ();
  GPtrArray *texts = g_ptr_array_new_with_free_func (g_free);

  collect (GTK_WIDGET (qg_window_get_source_panel (window)), css_class, widgets);
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
  QgWindow *window = open_window (NULL, NULL, NULL);
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

typedef struct
{
  GtkTextView *view;
  GtkTextIter *iter;
} ScrollWait;

static gboolean
iter_visible (gpointer data)
{
  ScrollWait *w = data;
  GdkRectangle visible, rect;

  gtk_text_view_get_visible_rect (w->view, &visible);
  gtk_text_view_get_iter_location (w->view, w->iter, &rect);
  return rect.y >= visible.y && rect.y + rect.height <= visible.y + visible.height;
}

static void
test_show_in_article_and_back (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgDocument *doc = qg_window_get_document (window);
  QgArticleView *article = qg_window_get_article_view (window);
  g_autoptr(GPtrArray) buttons = g_ptr_array_new ();
  g_auto(GStrv) ids = NULL;
  const QgQuote *quote = NULL;
  GtkTextBuffer *buffer;
  GtkTextIter start, end;
  gsize shown_start, shown_end;
  const char *text = qg_document_get_text (doc, NULL);

  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    if (g_str_equal (qg_document_get_quote (doc, q)->id, "tentler-drama"))
      quote = qg_document_get_quote (doc, q);

  g_assert_true (qg_graph_view_set_selection (view, "tentler"));
  /* "Show in Article" on the first quote card. */
  collect (GTK_WIDGET (qg_window_get_source_panel (window)), "quote-card", buttons);
  g_assert_cmpuint (buttons->len, ==, 1);
  {
    GtkWidget *card = g_ptr_array_index (buttons, 0);
    GtkWidget *actions = gtk_widget_get_last_child (card);

    g_signal_emit_by_name (gtk_widget_get_first_child (actions), "clicked");
  }
  g_assert_true (qg_article_view_get_shown (article, &shown_start, &shown_end));
  buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (article));
  g_assert_true (gtk_text_buffer_get_selection_bounds (buffer, &start, &end));
  g_assert_cmpint (gtk_text_iter_get_offset (&start), ==,
                   g_utf8_pointer_to_offset (text, text + quote->start));
  g_assert_cmpint (gtk_text_iter_get_offset (&end), ==,
                   g_utf8_pointer_to_offset (text, text + quote->end));

  /* A passage that backs one relation selects it; one that backs several
   * offers them all. */
  ids = qg_article_view_items_at (article, quote->start + 5);
  g_assert_cmpstrv (ids, ((const char *[]) { "kaspersky-suspected-ties", "tentler-explains-drama",
                                             NULL }));
  g_clear_pointer (&ids, g_strfreev);
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    if (g_str_equal (qg_document_get_quote (doc, q)->id, "tentler-founder"))
      quote = qg_document_get_quote (doc, q);
  ids = qg_article_view_items_at (article, quote->start + 3);
  g_assert_cmpstrv (ids, ((const char *[]) { "tentler-founded-phobos", NULL }));
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
selection_is_relation (gpointer data)
{
  QgWindow *window = data;

  return g_strcmp0 (qg_graph_view_get_selection (qg_window_get_graph_view (window)),
                    "federal-government-removes-kaspersky") == 0;
}

static void
test_click_in_the_article_selects (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgDocument *doc = qg_window_get_document (window);
  GtkTextView *article = GTK_TEXT_VIEW (qg_window_get_article_view (window));
  const char *text = qg_document_get_text (doc, NULL);
  const QgQuote *quote = NULL;
  GtkTextIter iter;
  GdkRectangle rect;
  graphene_point_t p;
  int wx, wy;
  double nx, ny;
  g_autofree char *xid = NULL;
  g_autofree char *sx = NULL;
  g_autofree char *sy = NULL;

  /* The headline, at the top of the article, backs one relation. */
  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    if (g_str_equal (qg_document_get_quote (doc, q)->id, "title"))
      quote = qg_document_get_quote (doc, q);
  g_assert_cmpuint (quote->start, ==, 0);

  /* Click in its middle, as a person would. */
  gtk_text_buffer_get_iter_at_offset (gtk_text_view_get_buffer (article), &iter,
                                      g_utf8_pointer_to_offset (text, text + quote->start + 6));
  {
    ScrollWait w = { article, &iter };
    wait_for (iter_visible, &w, "the passage to be in view");
  }
  gtk_text_view_get_iter_location (article, &iter, &rect);
  gtk_text_view_buffer_to_window_coords (article, GTK_TEXT_WINDOW_WIDGET, rect.x + 2,
                                         rect.y + rect.height / 2, &wx, &wy);
  g_assert_true (gtk_widget_compute_point (GTK_WIDGET (article), GTK_WIDGET (window),
                                           &GRAPHENE_POINT_INIT (wx, wy), &p));
  gtk_native_get_surface_transform (GTK_NATIVE (window), &nx, &ny);
  xid = g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (
                           gtk_native_get_surface (GTK_NATIVE (window))));
  sx = g_strdup_printf ("%d", (int) round (p.x + nx));
  sy = g_strdup_printf ("%d", (int) round (p.y + ny));
  {
    const char *argv[] = { "xdotool", "windowfocus", "--sync", xid, "mousemove", "--sync",
                           "--window", xid, sx, sy, "click", "1", NULL };
    int status;
    g_autoptr(GError) error = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                  &status, &error);
    g_assert_no_error (error);
  }
  wait_for (selection_is_relation, window, "the click to select the relation");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_search (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  g_autoptr(GPtrArray) quotes = NULL;
  g_autofree char *joyce = quoted_passage (qg_window_get_document (window), "joyce-fsb");
  GtkWidget *focus;
  GtkSearchEntry *entry;

  /* Ctrl+F's action opens the search bar and puts the focus in it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL);
  focus = gtk_window_get_focus (GTK_WINDOW (window));
  g_assert_nonnull (focus);
  entry = GTK_SEARCH_ENTRY (gtk_widget_get_ancestor (focus, GTK_TYPE_SEARCH_ENTRY));
  g_assert_nonnull (entry);

  /* "Joyce", then Enter: Rob Joyce, with his quote in the panel. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "Joyce");
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "joyce");
  quotes = panel_texts (window, "quote-text");
  g_assert_cmpuint (quotes->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (quotes, 0), ==, joyce);

  /* The next matches are what Joyce's quote backs and what is labelled
   * with his name; Shift+Enter goes back. */
  g_signal_emit_by_name (entry, "next-match");
  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "joyce-says-kaspersky-fsb");
  g_signal_emit_by_name (entry, "previous-match");
  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "joyce");

  /* Quote text is searched too. */
  gtk_editable_set_text (GTK_EDITABLE (entry), "sazid");
  g_signal_emit_by_name (entry, "search-changed");
  g_signal_emit_by_name (entry, "activate");
  g_assert_cmpstr (qg_graph_view_get_selection (view), ==, "best-buy");
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_filters_hide_and_restore (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgGraphView *view = qg_window_get_graph_view (window);
  QgDocument *doc = qg_window_get_document (window);
  g_autoptr(GPtrArray) notices = NULL;
  GtkCheckButton *person = NULL;
  const QgItem *node;
  double x, y;

  person = kind_filter (window, "Person");

  node = qg_layout_get_node (qg_graph_view_get_layout (view), qg_document_find_entity (doc, "joyce"));
  qg_graph_view_layout_to_widget (view, node->cx, node->cy, &x, &y);
  g_assert_cmpstr (qg_graph_view_hit (view, x, y), ==, "joyce");
  g_assert_true (qg_graph_view_set_selection (view, "joyce"));

  /* People hidden: Joyce and his relations leave the map, not its layout;
   * the panel says why the selection is not to be seen. */
  gtk_check_button_set_active (person, FALSE);
  g_assert_null (qg_graph_view_hit (view, x, y));
  g_assert_true (qg_graph_view_is_hidden (view, "joyce"));
  g_assert_true (qg_graph_view_is_hidden (view, "joyce-advises-trump"));
  g_assert_false (qg_graph_view_is_hidden (view, "dhs-bans-kaspersky"));
  notices = panel_texts (window, "warning");
  g_assert_cmpuint (notices->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (notices, 0), ==, "Hidden on the map by the filters");

  gtk_check_button_set_active (person, TRUE);
  g_assert_cmpstr (qg_graph_view_hit (view, x, y), ==, "joyce");
  g_assert_false (qg_graph_view_is_hidden (view, "joyce-advises-trump"));

  /* The legend leads to the same filter: clicking "Person" hides people. */
  {
    g_autoptr(GPtrArray) legends = g_ptr_array_new ();
    GtkFlowBoxChild *row = NULL;

    collect (GTK_WIDGET (window), "legend", legends);
    g_assert_cmpuint (legends->len, ==, 1);
    for (GtkWidget *child = gtk_widget_get_first_child (g_ptr_array_index (legends, 0)); child;
         child = gtk_widget_get_next_sibling (child))
      if (g_strcmp0 (g_object_get_data (G_OBJECT (gtk_flow_box_child_get_child (
                                          GTK_FLOW_BOX_CHILD (child))), "kind"), "person") == 0)
        row = GTK_FLOW_BOX_CHILD (child);
    g_assert_nonnull (row);
    g_signal_emit_by_name (g_ptr_array_index (legends, 0), "child-activated", row);
    g_assert_false (gtk_check_button_get_active (person));
    g_assert_true (qg_graph_view_is_hidden (view, "joyce"));
    g_signal_emit_by_name (g_ptr_array_index (legends, 0), "child-activated", row);
    g_assert_false (qg_graph_view_is_hidden (view, "joyce"));
  }
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_another_document (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid",
                                                 "library-vote.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  QgWindow *window = open_window (NULL, NULL, file);
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
/* Export from the window                                                    */

static gboolean
is_label_starting (GtkWidget     *widget,
                   gconstpointer  prefix)
{
  return GTK_IS_LABEL (widget)
         && g_str_has_prefix (gtk_label_get_label (GTK_LABEL (widget)), prefix);
}

static char *
export_and_read (QgWindow   *window,
                 const char *path,
                 gboolean    filtered)
{
  char *contents = NULL;

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", path, filtered);
  g_assert_true (qg_window_is_busy (window));
  wait_for (not_busy, window, "the export to be written");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

static void
test_export_writes_the_file (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
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
  g_assert_null (take_message_dialog ());

  /* The toast names the file. */
  collect_if (GTK_WIDGET (window), is_label_starting, "Exported “map.svg”", toasts);
  g_assert_cmpuint (toasts->len, >=, 1);

  /* No extension: SVG's is added. Another: its format. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", bare_path, FALSE);
  wait_for (not_busy, window, "the SVG to be written");
  g_assert_false (g_file_test (bare_path, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (added_path, &added, NULL, NULL));
  g_assert_true (g_str_has_prefix (added, "<?xml"));
  g_assert_nonnull (strstr (added, "<g id=\"dhs\""));

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", png_path, FALSE);
  wait_for (not_busy, window, "the PNG to be written");
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
  gtk_check_button_set_active (kind_filter (window, "Person"), FALSE);
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

static void
test_export_failure_is_shown (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *not_a_folder = g_build_filename (dir, "not-a-folder", NULL);
  g_autofree char *inside = g_build_filename (not_a_folder, "map.svg", NULL);
  g_autofree char *body = NULL;

  /* A "folder" that is a file: nobody, not even root, writes there. */
  g_assert_true (g_file_set_contents (not_a_folder, "x", 1, NULL));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", inside, FALSE);
  wait_for (not_busy, window, "the export to fail");
  body = take_message_dialog ();
  g_assert_nonnull (body);
  g_assert_nonnull (strstr (body, inside));
  g_assert_nonnull (strstr (body, "that folder does not exist"));
  g_assert_false (g_file_test (inside, G_FILE_TEST_EXISTS));
  assert_dir_holds (dir, "not-a-folder");

  /* A folder without write permission, where permissions hold. */
  if (geteuid () != 0)
    {
      g_autofree char *locked = g_build_filename (dir, "locked", NULL);
      g_autofree char *target = g_build_filename (locked, "map.svg", NULL);

      g_assert_cmpint (g_mkdir (locked, 0500), ==, 0);
      g_clear_pointer (&body, g_free);
      gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", target, FALSE);
      wait_for (not_busy, window, "the export to fail");
      body = take_message_dialog ();
      g_assert_nonnull (body);
      g_assert_nonnull (strstr (body, target));
      g_assert_nonnull (strstr (body, "no permission to write in that folder"));
      assert_dir_holds (locked, NULL);
      g_assert_cmpint (g_rmdir (locked), ==, 0);
    }

  /* A folder already has the name: the map is written beside it, and the
   * rename fails; the temporary file goes. */
  {
    g_autofree char *taken = g_build_filename (dir, "taken.svg", NULL);

    g_assert_cmpint (g_mkdir (taken, 0700), ==, 0);
    g_clear_pointer (&body, g_free);
    gtk_widget_activate_action (GTK_WIDGET (window), "win.export-to", "(sb)", taken, FALSE);
    wait_for (not_busy, window, "the export to fail");
    body = take_message_dialog ();
    g_assert_nonnull (body);
    g_assert_nonnull (strstr (body, "taken.svg: could not write the map: a folder already has "
                                    "that name"));
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

/* The save dialog: GTK's own, as GtkFileChooserNative shows it without a
 * portal. */
static GtkFileChooser *
find_file_chooser (void)
{
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  GtkFileChooser *found = NULL;

  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels) && found == NULL; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (item))
        found = GTK_FILE_CHOOSER (item);
    }
  return found;
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
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
         && find_file_chooser () == NULL;
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

  gtk_widget_activate_action (GTK_WIDGET (window), "win.export", NULL);
  wait_for (file_chooser_shown, NULL, "the save dialog");
  chooser = find_file_chooser ();
  g_assert_cmpint (gtk_file_chooser_get_action (chooser), ==, GTK_FILE_CHOOSER_ACTION_SAVE);
  proposed = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (proposed, ==, "Kaspersky: US government removes Russian security software.svg");
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 4);
  filter = g_list_model_get_item (filters, filter_index);
  gtk_file_chooser_set_filter (chooser, filter);
  choose (chooser, dir);

  /* Its Export button, as a click would; the dialog checks the name
   * before it answers. */
  button = gtk_dialog_get_widget_for_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_nonnull (button);
  g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "_Export");
  gtk_widget_activate (button);
  wait_for (written, &w, expected);
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
  QgWindow *window = open_window (NULL, NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-export-XXXXXX", NULL);
  g_autofree char *png_path = g_build_filename (
    dir, "Kaspersky: US government removes Russian security software.png", NULL);
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

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* build-aux/test.sh runs this under Xvfb; without a display, it says so. */
  if (g_getenv ("DISPLAY") == NULL)
    {
      g_print ("1..0 # SKIP needs an X display: run it under xvfb-run, as build-aux/test.sh does\n");
      return 0;
    }
  gdk_set_allowed_backends ("x11");
  gtk_test_init (&argc, &argv, NULL);

  /* An application with Quotegraph's resource path loads its style. */
  g_assert_nonnull (qg_ui_get_resource ());
  app = adw_application_new ("org.quotegraph.Quotegraph.Tests", G_APPLICATION_NON_UNIQUE);
  g_application_set_resource_base_path (G_APPLICATION (app), "/org/quotegraph/Quotegraph");
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

#define ADD(path, func) g_test_add ("/quotegraph/graph-view/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("hit-testing-at-zoom-levels", test_hit_testing_at_zoom_levels);
  ADD ("edge-labels-hit-their-edge", test_edge_labels_hit_their_edge);
  ADD ("zoom-keeps-point-fixed", test_zoom_keeps_point_fixed);
  ADD ("fit-shows-the-whole-map", test_fit_shows_the_whole_map);
  ADD ("keyboard-selection-order", test_keyboard_selection_order);
  ADD ("alt-arrows-move-the-selection", test_alt_arrows_move_the_selection);
  ADD ("clicks-select", test_clicks_select);
  ADD ("selection-dims-the-rest", test_selection_dims_the_rest);
  ADD ("dark-style-changes-the-colours", test_dark_style_changes_the_colours);
#undef ADD
  g_test_add_func ("/quotegraph/window/shows-the-bundled-map", test_window_shows_the_bundled_map);
  g_test_add_func ("/quotegraph/window/layout-switch-keeps-the-selection",
                   test_layout_switch_keeps_the_selection);
  g_test_add_func ("/quotegraph/window/select-option-centres-it", test_select_option_centres_it);
  g_test_add_func ("/quotegraph/window/zoom-actions", test_zoom_actions);
  g_test_add_func ("/quotegraph/window/bad-document-keeps-the-map",
                   test_bad_document_keeps_the_map);
  g_test_add_func ("/quotegraph/sources/panel-shows-the-quotes", test_panel_shows_the_quotes);
  g_test_add_func ("/quotegraph/sources/show-in-article-and-back", test_show_in_article_and_back);
  g_test_add_func ("/quotegraph/sources/click-in-the-article-selects",
                   test_click_in_the_article_selects);
  g_test_add_func ("/quotegraph/sources/search", test_search);
  g_test_add_func ("/quotegraph/sources/filters-hide-and-restore", test_filters_hide_and_restore);
  g_test_add_func ("/quotegraph/sources/another-document", test_another_document);
  g_test_add_func ("/quotegraph/export/writes-the-file", test_export_writes_the_file);
  g_test_add_func ("/quotegraph/export/failure-is-shown", test_export_failure_is_shown);
  /* Run by tests/meson.build as a test of its own (see there). */
  g_test_add_func ("/quotegraph/export/dialog-follows-the-name",
                   test_export_dialog_follows_the_name);

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
