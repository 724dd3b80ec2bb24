/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The graph view and the window, as real widgets in a real window under
 * Xvfb. Keys and clicks are real X events, sent with xdotool. */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <math.h>
#include <string.h>

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
  layout = qg_layout_compute (f->document, "dot", &error);
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

static void
test_bad_document_keeps_the_map (void)
{
  QgWindow *window = open_window (NULL, NULL, NULL);
  QgDocument *before = qg_window_get_document (window);
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                 "relation-source-unknown.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GListModel) toplevels = NULL;
  gboolean dialog_seen = FALSE;

  qg_window_open (window, file, "relation-source-unknown.json");
  wait_for (not_busy, window, "the broken document to be read");

  g_assert_true (qg_window_get_document (window) == before);
  g_assert_cmpuint (qg_layout_get_n_nodes (qg_graph_view_get_layout (
                      qg_window_get_graph_view (window))), ==, 28);

  /* The error is shown, naming the file and the place. */
  toplevels = gtk_window_get_toplevels ();
  g_object_ref (toplevels);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        {
          const char *body = adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (item));

          g_assert_nonnull (strstr (body, "relation-source-unknown.json:58: relations[0].source: "
                                          "unknown entity \"amce\" (did you mean \"acme\"?)"));
          dialog_seen = TRUE;
          gtk_window_destroy (GTK_WINDOW (item));
          break;
        }
    }
  g_assert_true (dialog_seen);
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

  status = g_test_run ();
  g_clear_object (&app);
  return status;
}
