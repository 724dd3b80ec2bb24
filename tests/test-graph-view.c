/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The graph view as a real widget in a real window under Xvfb. Keys, the
 * wheel and clicks are real X events, sent with xdotool; where a test
 * expects an element on screen, it works the place out itself from the
 * layout and the zoom, as a person measuring the screen would. */
#include "config.h"

#include "qg-graph.h"
#include "qg-graph-view-private.h"
#include "qg-kinds.h"
#include "qg-test-utils.h"
#include "qg-ui-test.h"

#define WIDTH 900
#define HEIGHT 640
/* The room a fitted map leaves around it, in pixels. */
#define FIT_MARGIN 24.0

typedef struct
{
  GtkWidget   *window;
  QgGraphView *view;
  QgViewport  *viewport;
  QgDocument  *document;
  QgLayout    *layout;
  /* Where the test expects the view to be: widget = layout × zoom + (x, y). */
  double       zoom, x, y;
  int          width, height;  /* of the view, if not WIDTH × HEIGHT */
} Fixture;

static gboolean
allocated (gpointer data)
{
  Fixture *f = data;

  return gtk_widget_get_width (GTK_WIDGET (f->view)) == (f->width ? f->width : WIDTH)
         && gtk_widget_get_height (GTK_WIDGET (f->view)) == (f->height ? f->height : HEIGHT)
         && gtk_widget_get_mapped (GTK_WIDGET (f->view));
}

/* The fitted view, from first principles: the whole map, centred, with
 * FIT_MARGIN around it on its tighter side. */
static void
expect_fitted (Fixture *f)
{
  double lw = qg_layout_get_width (f->layout), lh = qg_layout_get_height (f->layout);

  f->zoom = MIN (MIN ((WIDTH - 2 * FIT_MARGIN) / lw, (HEIGHT - 2 * FIT_MARGIN) / lh), 1.5);
  f->x = (WIDTH - lw * f->zoom) / 2;
  f->y = (HEIGHT - lh * f->zoom) / 2;
}

/* Zooming by @factor on (px, py) keeps the point under it. */
static void
expect_zoomed (Fixture *f,
               double   factor,
               double   px,
               double   py)
{
  f->x = px - (px - f->x) * factor;
  f->y = py - (py - f->y) * factor;
  f->zoom *= factor;
}

static void
assert_view_as_expected (Fixture *f)
{
  double x, y;

  qg_viewport_get_offset (f->viewport, &x, &y);
  g_assert_cmpfloat_with_epsilon (qg_viewport_get_zoom (f->viewport), f->zoom, 1e-6);
  g_assert_cmpfloat_with_epsilon (x, f->x, 1e-3);
  g_assert_cmpfloat_with_epsilon (y, f->y, 1e-3);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->document = qg_test_bundled ();
  f->layout = qg_graph_compute_layout (f->document, "dot", &error);
  g_assert_no_error (error);

  f->window = gtk_window_new ();
  f->view = QG_GRAPH_VIEW (qg_graph_view_new ());
  f->viewport = qg_graph_view_get_viewport (f->view);
  gtk_widget_set_size_request (GTK_WIDGET (f->view), WIDTH, HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  qg_graph_view_set_document (f->view, f->document);
  qg_graph_view_set_layout (f->view, f->layout, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  qg_test_wait_for (allocated, f, "the view to be shown");
  qg_viewport_fit (f->viewport, FALSE);
  qg_graph_view_finish_animations (f->view);
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  qg_test_wait_frames (f->window);
  expect_fitted (f);
  assert_view_as_expected (f);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  g_clear_pointer (&f->layout, qg_layout_unref);
  g_clear_object (&f->document);
}

static const QgItem *
node_of (Fixture    *f,
         const char *id)
{
  gint entity = qg_document_find_entity (f->document, id);

  g_assert_cmpint (entity, >=, 0);
  return qg_layout_get_node (f->layout, entity);
}

/* Where the test expects a point of the layout on screen. */
static void
on_screen (Fixture *f,
           double   lx,
           double   ly,
           double  *x,
           double  *y)
{
  *x = lx * f->zoom + f->x;
  *y = ly * f->zoom + f->y;
}

static void
node_on_screen (Fixture    *f,
                const char *id,
                double     *x,
                double     *y)
{
  const QgItem *node = node_of (f, id);

  on_screen (f, node->cx, node->cy, x, y);
}

static void
wait_for_selection (Fixture    *f,
                    const char *expected)
{
  qg_test_wait_for_selection (f->view, expected);
}

static void
press_key (Fixture    *f,
           const char *key,
           const char *expected_selection)
{
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  qg_test_keys (f->window, key);
  wait_for_selection (f, expected_selection);
}

static void
click_at (Fixture    *f,
          double      x,
          double      y,
          const char *expected_selection)
{
  qg_test_click (GTK_WIDGET (f->view), x, y);
  wait_for_selection (f, expected_selection);
}

/* ------------------------------------------------------------------------ */
/* What is on screen                                                         */

static cairo_surface_t *
render_view (Fixture *f)
{
  return qg_test_render (GTK_WIDGET (f->view));
}

static double
luminance (guint32 argb)
{
  return 0.2126 * ((argb >> 16) & 0xff) + 0.7152 * ((argb >> 8) & 0xff) + 0.0722 * (argb & 0xff);
}

/* The table's colour as a pixel, opaque. */
static guint32
table_pixel (const char *hex)
{
  return 0xff000000u | (guint32) g_ascii_strtoull (hex + 1, NULL, 16);
}

static gboolean
near_pixel (guint32 a,
            guint32 b)
{
  for (int shift = 0; shift < 24; shift += 8)
    if (ABS ((int) ((a >> shift) & 0xff) - (int) ((b >> shift) & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

/* A point inside a node's outline but off its label. */
static void
inside_node (Fixture    *f,
             const char *id,
             double     *x,
             double     *y)
{
  const QgItem *node = node_of (f, id);

  on_screen (f, node->cx, node->y0 + 3, x, y);
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
      qg_viewport_fit (f->viewport, FALSE);
      expect_fitted (f);
      qg_viewport_zoom_at (f->viewport, factors[z], WIDTH / 2.0, HEIGHT / 2.0);
      expect_zoomed (f, factors[z], WIDTH / 2.0, HEIGHT / 2.0);
      assert_view_as_expected (f);

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

        on_screen (f, -200, -200, &x, &y);
        g_assert_null (qg_graph_view_hit (f->view, x, y));
      }
    }
  g_assert_cmpuint (checked, >, 28);
}

/* Nodes are drawn where the test expects them: a company's fill, from the
 * table, inside Kaspersky Lab's outline at zooms where names are drawn
 * where Graphviz put them. */
static void
test_nodes_are_drawn_where_expected (Fixture       *f,
                                     gconstpointer  data)
{
  static const double factors[] = { 2.5, 4.0, 6.0 };
  guint32 fill = table_pixel (qg_kind_get_style (QG_KIND_COMPANY)->fill[QG_SCHEME_LIGHT]);

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  qg_test_wait_frames (f->window);
  for (guint z = 0; z < G_N_ELEMENTS (factors); z++)
    {
      cairo_surface_t *surface;
      double x, y;

      qg_viewport_fit (f->viewport, FALSE);
      expect_fitted (f);
      qg_viewport_zoom_at (f->viewport, factors[z], WIDTH / 2.0, HEIGHT / 2.0);
      expect_zoomed (f, factors[z], WIDTH / 2.0, HEIGHT / 2.0);
      inside_node (f, "kaspersky-lab", &x, &y);
      surface = render_view (f);
      g_test_message ("zoom %.2f: %08x at (%.0f, %.0f)", f->zoom, qg_test_pixel (surface, x, y),
                      x, y);
      g_assert_true (near_pixel (qg_test_pixel (surface, x, y), fill));
      cairo_surface_destroy (surface);
    }
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

static void
test_edge_labels_hit_their_edge (Fixture       *f,
                                 gconstpointer  data)
{
  guint checked = 0;

  qg_viewport_zoom_at (f->viewport, 2, WIDTH / 2.0, HEIGHT / 2.0);
  expect_zoomed (f, 2, WIDTH / 2.0, HEIGHT / 2.0);
  for (guint i = 0; i < qg_layout_get_n_edges (f->layout); i++)
    {
      const QgItem *edge = qg_layout_get_edge (f->layout, i);
      const char *id = qg_document_get_relation (f->document, i)->id;
      guint node;
      double x, y;

      /* Where a node covers the label, the node is what is under it. */
      if (qg_layout_hit (f->layout, edge->cx, edge->cy, 0, &node) == QG_ITEM_NODE)
        continue;
      on_screen (f, edge->cx, edge->cy, &x, &y);
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
      qg_viewport_zoom_at (f->viewport, 1.7, points[i][0], points[i][1]);
      expect_zoomed (f, 1.7, points[i][0], points[i][1]);
      assert_view_as_expected (f);
    }
}

static void
test_fit_shows_the_whole_map (Fixture       *f,
                              gconstpointer  data)
{
  double x0, y0, x1, y1;

  qg_viewport_zoom_at (f->viewport, 5, 10, 10);
  qg_viewport_pan (f->viewport, 3000, -2000);
  qg_viewport_fit (f->viewport, FALSE);
  expect_fitted (f);
  assert_view_as_expected (f);
  on_screen (f, 0, 0, &x0, &y0);
  on_screen (f, qg_layout_get_width (f->layout), qg_layout_get_height (f->layout), &x1, &y1);
  g_assert_cmpfloat (x0, >=, 0);
  g_assert_cmpfloat (y0, >=, 0);
  g_assert_cmpfloat (x1, <=, WIDTH);
  g_assert_cmpfloat (y1, <=, HEIGHT);
  /* Fitted on one side at least: not a map lost in the middle. */
  g_assert_true (x1 - x0 > WIDTH * 0.9 || y1 - y0 > HEIGHT * 0.9);
}

/* Nothing reaches the one place the view changes as a number that is not
 * one: the view stays where it was. */
static void
test_viewport_refuses_non_finite (Fixture       *f,
                                  gconstpointer  data)
{
  qg_viewport_zoom_at (f->viewport, 1.25, NAN, NAN);
  assert_view_as_expected (f);
  qg_viewport_zoom_at (f->viewport, INFINITY, 10, 10);
  assert_view_as_expected (f);
  qg_viewport_pan (f->viewport, NAN, 0);
  assert_view_as_expected (f);
  qg_viewport_center_on (f->viewport, NAN, 3, 0, FALSE);
  assert_view_as_expected (f);
  qg_viewport_set_view_size (f->viewport, NAN, HEIGHT);
  qg_viewport_set_view_size (f->viewport, WIDTH, HEIGHT);
  assert_view_as_expected (f);
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
      qg_test_keys (f->window, moves[i].key);
      qg_test_wait_for (selection_changed, &w, moves[i].key);
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
  on_screen (f, qg_layout_get_width (f->layout), 0, &x, &y);
  click_at (f, MIN (x + 5, WIDTH - 3), MAX (y - 5, 3), NULL);
}

/* ------------------------------------------------------------------------ */
/* The wheel, the keys                                                       */

typedef struct
{
  Fixture *f;
  double   zoom;
} ZoomWait;

static gboolean
zoom_is (gpointer data)
{
  ZoomWait *w = data;

  qg_graph_view_finish_animations (w->f->view);
  return fabs (qg_viewport_get_zoom (w->f->viewport) - w->zoom) < 1e-6;
}

static void
wait_for_zoom (Fixture *f,
               double   zoom)
{
  ZoomWait w = { f, zoom };

  qg_test_wait_for (zoom_is, &w, "the zoom to change");
}

static gboolean
offset_moved (gpointer data)
{
  Fixture *f = data;
  double x, y;

  qg_viewport_get_offset (f->viewport, &x, &y);
  return fabs (x - f->x) > 1e-3 || fabs (y - f->y) > 1e-3;
}

/* One notch of Ctrl+wheel over Kaspersky Lab zooms in on it, and the map
 * is still there, drawn and answering clicks; the other way zooms out.
 * GTK 4.8's scroll events carry no position: the pointer's is used. */
static void
test_ctrl_wheel_zooms_on_the_pointer (Fixture       *f,
                                      gconstpointer  data)
{
  guint32 fill = table_pixel (qg_kind_get_style (QG_KIND_COMPANY)->fill[QG_SCHEME_LIGHT]);
  double px, py, x, y;
  cairo_surface_t *surface;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_LIGHT);
  node_on_screen (f, "kaspersky-lab", &px, &py);
  px = round (px);
  py = round (py);
  qg_test_pointer_to (GTK_WIDGET (f->view), px, py);
  qg_test_wheel (GTK_WIDGET (f->view), px, py, 4, "ctrl");
  wait_for_zoom (f, f->zoom * 1.25);
  expect_zoomed (f, 1.25, px, py);
  assert_view_as_expected (f);

  /* Still drawn: its name's outline, in its fill, where the pointer is
   * (the name is to its side, on the line of its middle). */
  qg_test_wait_frames (f->window);
  surface = render_view (f);
  node_on_screen (f, "kaspersky-lab", &x, &y);
  g_test_message ("at the pointer %08x", qg_test_pixel (surface, x, y - 7));
  g_assert_true (near_pixel (qg_test_pixel (surface, x, y - 7), fill)
                 || near_pixel (qg_test_pixel (surface, x, y + 7), fill));
  cairo_surface_destroy (surface);
  g_assert_cmpstr (qg_graph_view_hit (f->view, px, py), ==, "kaspersky-lab");
  click_at (f, px, py, "kaspersky-lab");

  /* Down is out, to where it was. */
  qg_test_wheel (GTK_WIDGET (f->view), px, py, 5, "ctrl");
  wait_for_zoom (f, f->zoom / 1.25);
  expect_zoomed (f, 1 / 1.25, px, py);
  assert_view_as_expected (f);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_DEFAULT);
}

/* The wheel alone pans: down shows what is below, Shift turns it sideways,
 * and the zoom stays. */
static void
test_wheel_pans (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { int button; const char *modifier; double dx; double dy; } notches[] = {
    { 5, NULL, 0, -50 }, { 4, NULL, 0, 50 }, { 5, "shift", -50, 0 }, { 4, "shift", 50, 0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (notches); i++)
    {
      qg_test_wheel (GTK_WIDGET (f->view), WIDTH / 2.0, HEIGHT / 2.0, notches[i].button,
                     notches[i].modifier);
      qg_test_wait_for (offset_moved, f, "the map to move");
      f->x += notches[i].dx;
      f->y += notches[i].dy;
      g_test_message ("button %d %s", notches[i].button, notches[i].modifier);
      assert_view_as_expected (f);
    }
}

typedef struct
{
  const char *keys;
  double      factor;   /* of the zoom; 0: 100%; -1: fitted */
} ZoomKey;

/* Every key the shortcuts window promises for zooming, pressed for real on
 * the map, zooms on the middle of the view (the pointer is outside it). */
static void
test_zoom_keys (Fixture       *f,
                gconstpointer  data)
{
  static const ZoomKey keys[] = {
    { "plus", 1.25 }, { "minus", 0.8 }, { "equal", 1.25 }, { "KP_Subtract", 0.8 },
    { "KP_Add", 1.25 }, { "ctrl+minus", 0.8 }, { "ctrl+plus", 1.25 }, { "1", -1 },
    { "0", 0 }, { "KP_1", -1 }, { "ctrl+0", 0 }, { "ctrl+1", -1 }, { "KP_0", 0 },
    { "ctrl+equal", 1.25 },
  };

  /* Away from the view: zoom keys work on its middle. */
  qg_test_pointer_away (GTK_WIDGET (f->view));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      double zoom;

      if (keys[i].factor > 0)
        {
          zoom = f->zoom * keys[i].factor;
          expect_zoomed (f, keys[i].factor, WIDTH / 2.0, HEIGHT / 2.0);
        }
      else if (keys[i].factor == 0)
        {
          zoom = 1.0;
          expect_zoomed (f, 1.0 / f->zoom, WIDTH / 2.0, HEIGHT / 2.0);
        }
      else
        {
          expect_fitted (f);
          zoom = f->zoom;
        }
      gtk_widget_grab_focus (GTK_WIDGET (f->view));
      qg_test_keys (f->window, keys[i].keys);
      g_test_message ("%s", keys[i].keys);
      wait_for_zoom (f, zoom);
      assert_view_as_expected (f);
    }
}

/* Arrows pan by a tenth of the view; Return brings the selection to the
 * middle. */
static void
test_arrow_keys_and_return (Fixture       *f,
                            gconstpointer  data)
{
  static const struct { const char *key; double dx; double dy; } arrows[] = {
    { "Right", -WIDTH / 10.0, 0 }, { "Left", WIDTH / 10.0, 0 }, { "Down", 0, -HEIGHT / 10.0 },
    { "Up", 0, HEIGHT / 10.0 }, { "KP_Right", -WIDTH / 10.0, 0 },
  };
  const QgItem *node;

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      gtk_widget_grab_focus (GTK_WIDGET (f->view));
      qg_test_keys (f->window, arrows[i].key);
      qg_test_wait_for (offset_moved, f, arrows[i].key);
      f->x += arrows[i].dx;
      f->y += arrows[i].dy;
      assert_view_as_expected (f);
    }

  g_assert_true (qg_graph_view_set_selection (f->view, "fsb"));
  gtk_widget_grab_focus (GTK_WIDGET (f->view));
  qg_test_keys (f->window, "Return");
  qg_test_wait_for (offset_moved, f, "Return to centre the selection");
  qg_graph_view_finish_animations (f->view);
  node = node_of (f, "fsb");
  f->x = WIDTH / 2.0 - node->cx * f->zoom;
  f->y = HEIGHT / 2.0 - node->cy * f->zoom;
  assert_view_as_expected (f);
}

/* ------------------------------------------------------------------------ */
/* Looks                                                                     */

static void
test_selection_dims_the_rest (Fixture       *f,
                              gconstpointer  data)
{
  cairo_surface_t *before, *after;
  double ax, ay, tx, ty;
  guint32 amazon_before, amazon_after, tentler_before, tentler_after;

  qg_viewport_zoom_at (f->viewport, 1.5, WIDTH / 2.0, HEIGHT / 2.0);
  expect_zoomed (f, 1.5, WIDTH / 2.0, HEIGHT / 2.0);
  /* Phobos Group's one neighbour is Dan Tentler; Amazon is not one. */
  inside_node (f, "amazon", &ax, &ay);
  inside_node (f, "tentler", &tx, &ty);
  before = render_view (f);
  g_assert_true (qg_graph_view_set_selection (f->view, "phobos-group"));
  after = render_view (f);

  amazon_before = qg_test_pixel (before, ax, ay);
  amazon_after = qg_test_pixel (after, ax, ay);
  tentler_before = qg_test_pixel (before, tx, ty);
  tentler_after = qg_test_pixel (after, tx, ty);
  g_test_message ("amazon %08x → %08x, tentler %08x → %08x", amazon_before, amazon_after,
                  tentler_before, tentler_after);
  /* Dimmed: paler, nearer the background; the neighbour as it was. */
  g_assert_cmpuint (amazon_after, !=, amazon_before);
  g_assert_cmpfloat (luminance (amazon_after), >, luminance (amazon_before));
  g_assert_cmpuint (tentler_after, ==, tentler_before);
  cairo_surface_destroy (before);
  cairo_surface_destroy (after);
}

/* Style changes reach widgets with the next frames. */
static void
set_scheme (Fixture        *f,
            AdwColorScheme  scheme)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), scheme);
  qg_test_wait_frames (GTK_WIDGET (f->view));
}

static void
test_dark_style_changes_the_colours (Fixture       *f,
                                     gconstpointer  data)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();
  cairo_surface_t *light, *dark;
  double x, y;
  guint32 light_fill, dark_fill;

  qg_viewport_zoom_at (f->viewport, 2, WIDTH / 2.0, HEIGHT / 2.0);
  expect_zoomed (f, 2, WIDTH / 2.0, HEIGHT / 2.0);
  inside_node (f, "kaspersky-lab", &x, &y);

  set_scheme (f, ADW_COLOR_SCHEME_FORCE_LIGHT);
  g_assert_false (adw_style_manager_get_dark (manager));
  light = render_view (f);
  set_scheme (f, ADW_COLOR_SCHEME_FORCE_DARK);
  g_assert_true (adw_style_manager_get_dark (manager));
  dark = render_view (f);

  /* A company's fill: pale in the light style, deep in the dark one. */
  light_fill = qg_test_pixel (light, x, y);
  dark_fill = qg_test_pixel (dark, x, y);
  g_test_message ("fill light %08x dark %08x", light_fill, dark_fill);
  g_assert_true (near_pixel (light_fill,
                             table_pixel (qg_kind_get_style (QG_KIND_COMPANY)->fill[QG_SCHEME_LIGHT])));
  g_assert_true (near_pixel (dark_fill,
                             table_pixel (qg_kind_get_style (QG_KIND_COMPANY)->fill[QG_SCHEME_DARK])));
  g_assert_cmpfloat (luminance (light_fill), >, 180);
  g_assert_cmpfloat (luminance (dark_fill), <, 90);

  set_scheme (f, ADW_COLOR_SCHEME_DEFAULT);
  cairo_surface_destroy (light);
  cairo_surface_destroy (dark);
}

/* Where @item's box is on screen now: from @left to @right and from @top
 * to @bottom. */
static void
box_on_screen (Fixture      *f,
               const QgItem *item,
               double       *left,
               double       *right,
               double       *top,
               double       *bottom)
{
  double x0, y0, x1, y1;

  qg_viewport_to_widget (f->viewport, item->x0, item->y0, &x0, &y0);
  qg_viewport_to_widget (f->viewport, item->x1, item->y1, &x1, &y1);
  *left = MIN (x0, x1);
  *right = MAX (x0, x1);
  *top = MIN (y0, y1);
  *bottom = MAX (y0, y1);
}

/* A node that Tab selects at the view's edge, its middle in the view but
 * half of it, and of its name, out, is brought into view whole, and no
 * further. */
static void
test_selection_revealed_whole (Fixture       *f,
                               gconstpointer  data)
{
  guint n = qg_layout_get_n_nodes (f->layout), first = 0;
  const QgItem *node;
  const char *id;
  double x, y, left, right, top, bottom;

  /* The first in reading order, which Tab selects first: the top line's
   * leftmost. */
  for (guint i = 1; i < n; i++)
    {
      const QgItem *a = qg_layout_get_node (f->layout, i);
      const QgItem *b = qg_layout_get_node (f->layout, first);

      if (a->cy < b->cy - 4 || (fabs (a->cy - b->cy) <= 4 && a->cx < b->cx))
        first = i;
    }
  node = qg_layout_get_node (f->layout, first);
  id = qg_document_get_entity (f->document, first)->id;

  qg_viewport_zoom_at (f->viewport, 3, WIDTH / 2.0, HEIGHT / 2.0);
  qg_viewport_finish_animation (f->viewport);
  qg_viewport_to_widget (f->viewport, node->cx, node->cy, &x, &y);
  qg_viewport_pan (f->viewport, 30 - x, HEIGHT / 2.0 - y);
  box_on_screen (f, node, &left, &right, &top, &bottom);
  g_test_message ("%s from %.1f to %.1f", id, left, right);
  g_assert_cmpfloat (left, <, 0);
  g_assert_cmpfloat (right - left, <, WIDTH / 2.0);
  qg_test_wait_frames (f->window);

  qg_test_keys (f->window, "Tab");
  qg_test_wait_for_selection (f->view, id);
  qg_graph_view_finish_animations (f->view);
  box_on_screen (f, node, &left, &right, &top, &bottom);
  g_test_message ("revealed from %.1f to %.1f", left, right);
  g_assert_cmpfloat (left, >=, 0);
  g_assert_cmpfloat (right, <=, WIDTH);
  g_assert_cmpfloat (top, >=, 0);
  g_assert_cmpfloat (bottom, <=, HEIGHT);
  /* Moved no further than that (a margin from the edge), and only
   * sideways: the rest of the map stays where it was looked at. */
  g_assert_cmpfloat_with_epsilon (left, 12, 1);
  qg_viewport_to_widget (f->viewport, node->cx, node->cy, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, HEIGHT / 2.0, 0.5);

  /* Again, with a zoom under way (a key pressed just before): the move is
   * worked out from where the zoom ends, not from where it is. */
  qg_test_keys (f->window, "Escape");
  qg_test_wait_for_selection (f->view, NULL);
  qg_viewport_to_widget (f->viewport, node->cx, node->cy, &x, &y);
  qg_viewport_pan (f->viewport, 30 - x, HEIGHT / 2.0 - y);
  qg_test_wait_frames (f->window);
  qg_test_xdotool (f->window, (const char *[]) { "key", "--clearmodifiers", "plus", "Tab", NULL });
  qg_test_wait_for_selection (f->view, id);
  qg_graph_view_finish_animations (f->view);
  box_on_screen (f, node, &left, &right, &top, &bottom);
  g_test_message ("revealed during a zoom from %.1f to %.1f", left, right);
  g_assert_cmpfloat (left, >=, 0);
  g_assert_cmpfloat (right, <=, WIDTH);
}

/* The first name the map has made, and where it is kept. */
static PangoLayout *
first_name (Fixture *f,
            guint   *index)
{
  for (guint i = 0; f->view->node_names != NULL && i < f->view->n_node_names; i++)
    if (f->view->node_names[i] != NULL)
      {
        *index = i;
        return f->view->node_names[i];
      }
  return NULL;
}

static gboolean
has_visible_focus (gpointer data)
{
  return gtk_widget_has_visible_focus (data);
}

static gboolean
names_made_again (gpointer data)
{
  Fixture *f = data;
  guint index;
  PangoLayout *name = first_name (f, &index);

  return name != NULL && g_object_get_data (G_OBJECT (name), "qg-test-mark") == NULL;
}

/* Marks the first name the map has made, to tell it from one made again. */
static PangoLayout *
mark_first_name (Fixture *f,
                 guint   *index)
{
  PangoLayout *name = first_name (f, index);

  g_assert_nonnull (name);
  g_object_set_data (G_OBJECT (name), "qg-test-mark", GINT_TO_POINTER (1));
  return name;
}

/* A change of style that leaves the font as it was (the focus coming to
 * the map from the keyboard, which draws its outline) keeps the names the
 * map has made: making them all again is a frame's work on a large map.
 * A font of the map's own has them made again, in it; and so does another
 * antialiasing in the settings, which their masks are drawn with. */
static void
test_names_kept_through_a_change_of_style (void)
{
  g_autoptr(QgDocument) doc = qg_test_bundled ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "dot", &error);
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GtkSettings *settings = gtk_settings_get_default ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *button = gtk_button_new_with_label ("Before the map");
  Fixture f = { 0 };
  PangoLayout *name;
  guint index = 0;
  int antialias;

  g_assert_no_error (error);
  f.window = gtk_window_new ();
  f.view = QG_GRAPH_VIEW (qg_graph_view_new ());
  f.viewport = qg_graph_view_get_viewport (f.view);
  gtk_widget_set_size_request (GTK_WIDGET (f.view), WIDTH, HEIGHT);
  gtk_box_append (GTK_BOX (box), button);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (f.view));
  gtk_window_set_child (GTK_WINDOW (f.window), box);
  qg_graph_view_set_document (f.view, doc);
  qg_graph_view_set_layout (f.view, layout, FALSE);
  gtk_window_present (GTK_WINDOW (f.window));
  qg_test_wait_for (allocated, &f, "the view to be shown");
  qg_viewport_fit (f.viewport, FALSE);
  qg_graph_view_finish_animations (f.view);
  gtk_widget_grab_focus (button);
  qg_test_wait_frames (f.window);
  name = mark_first_name (&f, &index);
  g_assert_false (gtk_widget_has_focus (GTK_WIDGET (f.view)));

  qg_test_keys (f.window, "Tab");
  qg_test_wait_for (has_visible_focus, f.view, "the map to have the focus");
  qg_test_wait_frames (f.window);
  g_assert_true (f.view->node_names[index] == name);
  g_assert_false (names_made_again (&f));

  gtk_css_provider_load_from_data (css, "graphview.serif-names { font-family: Serif; }", -1);
  gtk_style_context_add_provider_for_display (gdk_display_get_default (), GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_widget_add_css_class (GTK_WIDGET (f.view), "serif-names");
  qg_test_wait_for (names_made_again, &f, "the names to be made in the new font");
  name = first_name (&f, &index);
  g_assert_cmpstr (pango_font_description_get_family (pango_layout_get_font_description (name)),
                   ==, "Serif");

  name = mark_first_name (&f, &index);
  g_object_get (settings, "gtk-xft-antialias", &antialias, NULL);
  g_object_set (settings, "gtk-xft-antialias", antialias == 0 ? 1 : 0, NULL);
  qg_test_wait_for (names_made_again, &f, "the names to be made with the new antialiasing");
  g_object_set (settings, "gtk-xft-antialias", antialias, NULL);

  gtk_style_context_remove_provider_for_display (gdk_display_get_default (),
                                                 GTK_STYLE_PROVIDER (css));
  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* Far out, names are drawn at a size that reads, and never smaller;
 * near, at Graphviz's own size. */
static void
test_names_never_too_small (Fixture       *f,
                            gconstpointer  data)
{
  guint drawn = 0;

  qg_test_wait_frames (f->window);
  for (guint i = 0; i < qg_document_get_n_entities (f->document); i++)
    {
      double pixels = qg_graph_view_get_label_pixels (f->view,
                                                      qg_document_get_entity (f->document,
                                                                              i)->id);

      g_assert_true (pixels == 0 || pixels >= 11);
      drawn += pixels > 0;
    }
  g_test_message ("%u of 28 names at %.0f%%", drawn, f->zoom * 100);
  g_assert_cmpuint (drawn, >=, 20);

  qg_viewport_zoom_at (f->viewport, 3 / f->zoom, WIDTH / 2.0, HEIGHT / 2.0);
  qg_test_wait_frames (f->window);
  g_assert_cmpfloat_with_epsilon (qg_graph_view_get_label_pixels (f->view, "kaspersky-lab"),
                                  11 * 3, 1e-6);
}

static gboolean
drawn (gpointer data)
{
  return !qg_graph_view_is_drawing (data);
}

/* How many pixels of @b are those of @a moved by (dx, dy), of the pixels
 * of the map (not the background) that @a shows away from the edges. */
static double
moved_alike (cairo_surface_t *a,
             cairo_surface_t *b,
             int              dx,
             int              dy)
{
  guint32 background = qg_test_pixel (a, 0, 0);
  guint same = 0, all = 0;

  for (int y = 60; y < HEIGHT - 60; y += 2)
    for (int x = 60; x < WIDTH - 60; x += 2)
      {
        guint32 pixel = qg_test_pixel (a, x, y);

        if (pixel == background)
          continue;
        all++;
        same += qg_test_pixel (b, x + dx, y + dy) == pixel;
      }
  g_assert_cmpuint (all, >, 1000);
  return (double) same / all;
}

/* @doc laid out as @layout in a window of its own, at @f's size. */
static void
show_map (Fixture    *f,
          QgDocument *doc,
          QgLayout   *layout)
{
  f->document = doc;
  f->layout = layout;
  f->window = gtk_window_new ();
  f->view = QG_GRAPH_VIEW (qg_graph_view_new ());
  f->viewport = qg_graph_view_get_viewport (f->view);
  gtk_widget_set_size_request (GTK_WIDGET (f->view), f->width ? f->width : WIDTH,
                               f->height ? f->height : HEIGHT);
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->view));
  qg_graph_view_set_document (f->view, doc);
  qg_graph_view_set_layout (f->view, layout, FALSE);
  gtk_window_present (GTK_WINDOW (f->window));
  qg_test_wait_for (allocated, f, "the view to be shown");
}

static gboolean
texts_let_go (gpointer data)
{
  QgGraphView *view = data;

  return view->spent_idle == 0;
}

/* A small map, shown again after an edit, glides from where it was. */
static void
test_small_map_glides (Fixture       *f,
                       gconstpointer  data)
{
  qg_graph_view_replace_document (f->view, f->document, f->layout);
  g_assert_nonnull (f->view->previous);
  g_assert_cmpint (adw_animation_get_state (f->view->transition_animation), ==,
                   ADW_ANIMATION_PLAYING);
  qg_graph_view_finish_animations (f->view);
  g_assert_null (f->view->previous);
}

/* A map of thousands is drawn in threads: the frames meanwhile show the
 * last image, moved to where the map now is, never a blank view; and the
 * new image follows. Shown again, it is in its places at once, and its old
 * names are let go of later. */
static void
test_large_map_drawn_in_threads (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map (2000, 3200);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "sfdp", &error);
  Fixture f = { 0 };
  cairo_surface_t *before, *moving, *after;

  g_assert_no_error (error);
  show_map (&f, doc, layout);
  /* Near enough for the map to be seen whole, and to fill the view. */
  qg_viewport_fit (f.viewport, FALSE);
  qg_viewport_zoom_at (f.viewport, 2.0, WIDTH / 2.0, HEIGHT / 2.0);
  qg_test_wait_frames (f.window);
  qg_test_wait_for (drawn, f.view, "the map's image");
  while (qg_graph_view_is_placing_names (f.view))
    {
      qg_test_wait_frames (f.window);
      qg_test_wait_for (drawn, f.view, "the map's image");
    }
  before = qg_test_render (GTK_WIDGET (f.view));
  g_assert_false (qg_graph_view_is_drawing (f.view));

  /* Moved: the frame is drawn at once, from the last image. */
  qg_viewport_pan (f.viewport, 40, 30);
  moving = qg_test_render (GTK_WIDGET (f.view));
  g_assert_true (qg_graph_view_is_drawing (f.view));
  g_assert_cmpfloat (moved_alike (before, moving, 40, 30), >, 0.9);

  /* Then the image of the map where it is now. */
  qg_test_wait_for (drawn, f.view, "the moved map's image");
  after = qg_test_render (GTK_WIDGET (f.view));
  g_assert_false (qg_graph_view_is_drawing (f.view));
  g_assert_cmpfloat (moved_alike (before, after, 40, 30), >, 0.9);

  /* The map shown again: the names it had made are let go of when the
   * main loop is idle, not before the next frame. */
  qg_graph_view_replace_document (f.view, doc, layout);
  /* Shown in its places at once: no glide for thousands of nodes. */
  g_assert_null (f.view->previous);
  g_assert_nonnull (f.view->spent_texts);
  g_assert_cmpuint (f.view->spent_texts->len, >=, 2000);
  g_assert_cmpuint (f.view->spent_idle, !=, 0);
  qg_test_wait_for (texts_let_go, f.view, "the names to be let go of");
  g_assert_cmpuint (f.view->spent_texts->len, ==, 0);

  cairo_surface_destroy (before);
  cairo_surface_destroy (moving);
  cairo_surface_destroy (after);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

/* As large as a maximised window's map. */
#define BIG_WIDTH  1600
#define BIG_HEIGHT 1000

/* Near, with hundreds of long edges across the view, the rasteriser
 * draws the edges and cairo the nodes over them: each edge where its
 * line runs, each node in its own colour. */
static void
test_crowded_edges_near (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map_full (800, 16000, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "sfdp", &error);
  Fixture f = { .width = BIG_WIDTH, .height = BIG_HEIGHT };
  cairo_surface_t *image;
  guint32 background;
  guint edges_checked = 0, nodes_checked = 0;

  g_assert_no_error (error);
  show_map (&f, doc, layout);
  /* As far out as the map is still seen near. */
  qg_viewport_fit (f.viewport, FALSE);
  qg_viewport_zoom_at (f.viewport,
                       EDGE_LABEL_MIN_PIXELS / f.view->max_font * 1.05
                       / qg_viewport_get_zoom (f.viewport),
                       BIG_WIDTH / 2.0, BIG_HEIGHT / 2.0);
  qg_test_wait_frames (f.window);
  image = qg_test_render (GTK_WIDGET (f.view));
  g_assert_false (qg_graph_view_seen_from_afar (f.view));
  g_test_message ("%u edges in view", f.view->n_visible_edges);
  g_assert_nonnull (f.view->near_edges);
  background = qg_test_pixel (f.view->near_edges, 0, 0);

  for (guint i = 0; i < qg_layout_get_n_edges (layout); i++)
    {
      const QgRelation *relation = qg_document_get_relation (doc, i);
      const QgItem *a = qg_layout_get_node (layout, relation->source);
      const QgItem *b = qg_layout_get_node (layout, relation->target);
      double x, y;
      gboolean covered = FALSE;

      /* The middle of a straight edge between two nodes in view, where
       * no node lies. */
      qg_viewport_to_widget (f.viewport, (a->cx + b->cx) / 2, (a->cy + b->cy) / 2, &x, &y);
      if (x < 2 || y < 2 || x > BIG_WIDTH - 3 || y > BIG_HEIGHT - 3)
        continue;
      for (guint n = 0; n < qg_layout_get_n_nodes (layout) && !covered; n++)
        {
          const QgItem *node = qg_layout_get_node (layout, n);
          double x0, y0, x1, y1;

          qg_viewport_to_widget (f.viewport, node->x0, node->y0, &x0, &y0);
          qg_viewport_to_widget (f.viewport, node->x1, node->y1, &x1, &y1);
          covered = x >= MIN (x0, x1) - 4 && x <= MAX (x0, x1) + 4 && y >= MIN (y0, y1) - 4
                    && y <= MAX (y0, y1) + 4;
        }
      if (covered)
        continue;
      /* Some pixel of the three by three around it is the line's. */
      {
        gboolean line = FALSE;

        for (int dy = -1; dy <= 1; dy++)
          for (int dx = -1; dx <= 1; dx++)
            line |= qg_test_pixel (f.view->near_edges, (int) x + dx, (int) y + dy) != background;
        g_assert_true (line);
      }
      edges_checked++;
    }
  g_test_message ("%u edges checked", edges_checked);
  g_assert_cmpuint (edges_checked, >=, 20);

  /* A node is drawn over the edges, in its kind's fill. */
  for (guint n = 0; n < qg_layout_get_n_nodes (layout); n++)
    {
      const QgItem *node = qg_layout_get_node (layout, n);
      double x, y;

      qg_viewport_to_widget (f.viewport, node->cx, node->cy - (node->y1 - node->y0) * 0.3, &x, &y);
      if (x < 0 || y < 0 || x >= BIG_WIDTH || y >= BIG_HEIGHT)
        continue;
      if (qg_test_pixel (image, (int) x, (int) y) != qg_test_pixel (f.view->near_edges, (int) x, (int) y))
        nodes_checked++;
    }
  g_test_message ("%u nodes drawn over the edges", nodes_checked);
  g_assert_cmpuint (nodes_checked, >=, 5);

  cairo_surface_destroy (image);
  gtk_window_destroy (GTK_WINDOW (f.window));
}

static const ScreenLabel *
screen_label_of (Fixture    *f,
                 QgItemKind  kind,
                 guint       index)
{
  for (guint i = 0; i < f->view->screen_labels->len; i++)
    {
      const ScreenLabel *label = &g_array_index (f->view->screen_labels, ScreenLabel, i);

      if (label->kind == kind && label->index == index)
        return label;
    }
  return NULL;
}

static gboolean
boxes_meet (const ScreenLabel *a,
            const ScreenLabel *b)
{
  return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

/* A selected relation reads from one end to the other: both ends named,
 * and its label beside their names, not over them, at the fit and
 * farther out, where names crowd. */
static void
test_relation_reads_end_to_end (Fixture       *f,
                                gconstpointer  data)
{
  guint n = qg_document_get_n_relations (f->document), covered = 0, unnamed = 0;

  for (int pass = 0; pass < 2; pass++)
    {
      if (pass == 1)
        {
          qg_viewport_zoom_at (f->viewport, 0.75, WIDTH / 2.0, HEIGHT / 2.0);
          qg_graph_view_finish_animations (f->view);
        }
      for (guint r = 0; r < n; r++)
        {
          const QgRelation *relation = qg_document_get_relation (f->document, r);
          const ScreenLabel *source, *target, *label;

          g_assert_true (qg_graph_view_set_selection (f->view, relation->id));
          qg_test_wait_frames (GTK_WIDGET (f->view));
          g_assert_cmpfloat (qg_graph_view_get_label_pixels (f->view, relation->id), >, 0);
          source = screen_label_of (f, QG_ITEM_NODE, relation->source);
          target = screen_label_of (f, QG_ITEM_NODE, relation->target);
          label = screen_label_of (f, QG_ITEM_EDGE, r);
          unnamed += (source == NULL) + (target == NULL);
          if (label != NULL && label->gx > 0)
            covered += (source != NULL && source->gx > 0 && boxes_meet (label, source))
                       + (target != NULL && target->gx > 0 && boxes_meet (label, target));
        }
    }
  g_test_message ("%u ends unnamed, %u names covered by their relation's label", unnamed,
                  covered);
  g_assert_cmpuint (unnamed, ==, 0);
  g_assert_cmpuint (covered, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  if (!qg_test_init_ui (&argc, &argv))
    return 0;

#define ADD(path, func) g_test_add ("/quotegraph/graph-view/" path, Fixture, NULL, \
                                    fixture_setup, func, fixture_teardown)
  ADD ("hit-testing-at-zoom-levels", test_hit_testing_at_zoom_levels);
  ADD ("nodes-are-drawn-where-expected", test_nodes_are_drawn_where_expected);
  ADD ("edge-labels-hit-their-edge", test_edge_labels_hit_their_edge);
  ADD ("zoom-keeps-point-fixed", test_zoom_keeps_point_fixed);
  ADD ("fit-shows-the-whole-map", test_fit_shows_the_whole_map);
  ADD ("viewport-refuses-non-finite", test_viewport_refuses_non_finite);
  ADD ("keyboard-selection-order", test_keyboard_selection_order);
  ADD ("alt-arrows-move-the-selection", test_alt_arrows_move_the_selection);
  ADD ("clicks-select", test_clicks_select);
  ADD ("ctrl-wheel-zooms-on-the-pointer", test_ctrl_wheel_zooms_on_the_pointer);
  ADD ("wheel-pans", test_wheel_pans);
  ADD ("zoom-keys", test_zoom_keys);
  ADD ("arrow-keys-and-return", test_arrow_keys_and_return);
  ADD ("selection-dims-the-rest", test_selection_dims_the_rest);
  ADD ("dark-style-changes-the-colours", test_dark_style_changes_the_colours);
  ADD ("names-never-too-small", test_names_never_too_small);
  ADD ("small-map-glides", test_small_map_glides);
  ADD ("selection-revealed-whole", test_selection_revealed_whole);
  ADD ("relation-reads-end-to-end", test_relation_reads_end_to_end);
#undef ADD
  g_test_add_func ("/quotegraph/graph-view/large-map-drawn-in-threads",
                   test_large_map_drawn_in_threads);
  g_test_add_func ("/quotegraph/graph-view/crowded-edges-near", test_crowded_edges_near);
  g_test_add_func ("/quotegraph/graph-view/names-kept-through-a-change-of-style",
                   test_names_kept_through_a_change_of_style);

  status = g_test_run ();
  g_clear_object (&qg_test_app);
  return status;
}
