/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-graph.h"
#include "qg-layout.h"
#include "qg-test-utils.h"

static void
test_geometry_of_every_element (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "dot", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (qg_layout_get_engine (layout), ==, "dot");
  g_assert_cmpuint (qg_layout_get_n_nodes (layout), ==, 3);
  g_assert_cmpuint (qg_layout_get_n_edges (layout), ==, 3);
  g_assert_cmpfloat (qg_layout_get_width (layout), >, 0);
  g_assert_cmpfloat (qg_layout_get_height (layout), >, 0);

  for (guint i = 0; i < 3; i++)
    {
      const QgItem *node = qg_layout_get_node (layout, i);
      const QgOp *label = qg_layout_get_op (layout, node->first_text);
      const QgOp *outline = qg_layout_get_op (layout, node->first_op);

      /* An outline, filled, and the name as text, inside the map. */
      g_assert_cmpuint (node->n_ops, >=, 1);
      g_assert_true (outline->filled);
      g_assert_cmpuint (node->n_texts, >=, 1);
      g_assert_cmpint (label->kind, ==, QG_OP_TEXT);
      g_assert_cmpfloat (label->h, ==, 11);
      g_assert_cmpfloat (node->x0, <, node->cx);
      g_assert_cmpfloat (node->cx, <, node->x1);
      g_assert_cmpfloat (node->y0, <, node->cy);
      g_assert_cmpfloat (node->cy, <, node->y1);
      g_assert_cmpfloat (node->x0, >=, -1);
      g_assert_cmpfloat (node->y1, <=, qg_layout_get_height (layout) + 1);
    }
  g_assert_cmpstr (qg_layout_get_op (layout, qg_layout_get_node (layout, 0)->first_text)->text,
                   ==, "Acme Corp");
  /* A long name is wrapped, one op per line. */
  g_assert_cmpuint (qg_layout_get_node (layout, 2)->n_texts, ==, 2);
  g_assert_cmpstr (qg_layout_get_op (layout, qg_layout_get_node (layout, 2)->first_text)->text,
                   ==, "Café owners");
  g_assert_cmpstr (qg_layout_get_op (layout,
                                     qg_layout_get_node (layout, 2)->first_text + 1)->text,
                   ==, "in Zürich");

  for (guint i = 0; i < 3; i++)
    {
      const QgItem *edge = qg_layout_get_edge (layout, i);
      const QgOp *spline = qg_layout_get_op (layout, edge->first_op);

      /* A spline, its arrowhead, and its label. */
      g_assert_cmpint (spline->kind, ==, QG_OP_BEZIER);
      g_assert_false (spline->filled);
      g_assert_cmpuint (spline->n_points, >=, 4);
      g_assert_cmpuint ((spline->n_points - 1) % 3, ==, 0);
      g_assert_cmpuint (edge->n_ops, >=, 2);
      g_assert_true (qg_layout_get_op (layout, edge->first_op + 1)->filled);
      g_assert_cmpuint (edge->n_texts, >=, 1);
    }
  /* Neutral relations are dashed, the others not. */
  g_assert_false (qg_layout_get_op (layout, qg_layout_get_edge (layout, 0)->first_op)->dashed);
  g_assert_true (qg_layout_get_op (layout, qg_layout_get_edge (layout, 1)->first_op)->dashed);
}

static void
test_hit_testing (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "dot", &error);
  guint index = 99;

  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      const QgItem *node = qg_layout_get_node (layout, i);

      g_assert_cmpint (qg_layout_hit (layout, node->cx, node->cy, 2, &index), ==, QG_ITEM_NODE);
      g_assert_cmpuint (index, ==, i);
    }

  /* An edge's label, and a point on its spline. */
  for (guint i = 0; i < 2; i++)
    {
      const QgItem *edge = qg_layout_get_edge (layout, i);
      const QgOp *spline = qg_layout_get_op (layout, edge->first_op);
      const double *pts = qg_layout_get_points (layout) + 2 * spline->first;

      g_assert_cmpint (qg_layout_hit (layout, edge->cx, edge->cy, 2, &index), ==, QG_ITEM_EDGE);
      g_assert_cmpuint (index, ==, i);
      /* The middle of the spline's first segment lies on it. */
      g_assert_cmpint (qg_layout_hit (layout,
                                      (pts[0] + 3 * pts[2] + 3 * pts[4] + pts[6]) / 8,
                                      (pts[1] + 3 * pts[3] + 3 * pts[5] + pts[7]) / 8,
                                      3, &index), ==, QG_ITEM_EDGE);
      g_assert_cmpuint (index, ==, i);
    }

  /* Nothing far from everything, and nothing just outside the map. */
  g_assert_cmpint (qg_layout_hit (layout, -50, -50, 2, &index), ==, QG_ITEM_NONE);
  g_assert_cmpint (qg_layout_hit (layout, qg_layout_get_width (layout) + 50, 0, 2, &index), ==,
                   QG_ITEM_NONE);
}

static void
computed_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_and_cancelled (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) done = NULL;
  g_autoptr(GAsyncResult) cancelled = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = NULL;
  g_autoptr(QgLayout) none = NULL;

  qg_graph_compute_layout_async (doc, "neato", NULL, computed_cb, &done);
  g_cancellable_cancel (cancellable);
  qg_graph_compute_layout_async (doc, "dot", cancellable, computed_cb, &cancelled);
  while (done == NULL || cancelled == NULL)
    g_main_context_iteration (NULL, TRUE);

  layout = qg_graph_compute_layout_finish (done, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qg_layout_get_engine (layout), ==, "neato");
  none = qg_graph_compute_layout_finish (cancelled, &error);
  g_assert_null (none);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_every_engine_gives_geometry (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  const char * const *engines = qg_graph_engines ();

  for (guint e = 0; engines[e]; e++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, engines[e], &error);

      g_test_message ("engine %s", engines[e]);
      g_assert_no_error (error);
      for (guint i = 0; i < 3; i++)
        g_assert_cmpuint (qg_layout_get_node (layout, i)->n_ops, >=, 1);
    }
}

/* The most each engine is allowed, measured on the bundled map: edge labels
 * over nodes, and pairs of edge labels over each other. circo and twopi
 * draw straight edges (qg-graph.c says why), and a straight edge may pass
 * by a node or run beside its twin too closely for a label: one of each. */
static const struct
{
  const char *engine;
  guint       label_on_node;
  guint       label_on_label;
} label_bounds[] = {
  { "dot", 0, 0 },
  { "neato", 0, 0 },
  { "fdp", 0, 0 },
  { "sfdp", 0, 0 },
  { "circo", 1, 1 },
  { "twopi", 1, 1 },
};

/* Overlaps of less than this, in points, are rounding and touching. */
#define OVERLAP_TOLERANCE 1.5

typedef struct
{
  double x0, y0, x1, y1;
} Box;

/* A line of text as the box its glyphs fill: from the baseline up by the
 * font size (capitals and accents; Graphviz's own line pitch is about 1.1
 * of it) and down by 0.3 of it (descenders), as wide as Graphviz measured
 * it, aligned on its anchor. qg-layout.c bounds text the same way. */
static Box
text_box (const QgOp *op)
{
  double left = op->align == QG_ALIGN_CENTER ? op->x - op->w / 2
                : op->align == QG_ALIGN_RIGHT ? op->x - op->w : op->x;

  return (Box) { left, op->y - op->h, left + op->w, op->y + 0.3 * op->h };
}

static gboolean
boxes_overlap (const Box *a,
               const Box *b)
{
  return MIN (a->x1, b->x1) - MAX (a->x0, b->x0) > OVERLAP_TOLERANCE
         && MIN (a->y1, b->y1) - MAX (a->y0, b->y0) > OVERLAP_TOLERANCE;
}

/* Every line of an edge's label against a node's outline and name. */
static gboolean
label_on_box (QgLayout     *layout,
              const QgItem *edge,
              const Box    *box)
{
  for (guint t = 0; t < edge->n_texts; t++)
    {
      Box line = text_box (qg_layout_get_op (layout, edge->first_text + t));

      if (boxes_overlap (&line, box))
        return TRUE;
    }
  return FALSE;
}

static gboolean
labels_overlap (QgLayout     *layout,
                const QgItem *a,
                const QgItem *b)
{
  for (guint t = 0; t < b->n_texts; t++)
    {
      Box line = text_box (qg_layout_get_op (layout, b->first_text + t));

      if (label_on_box (layout, a, &line))
        return TRUE;
    }
  return FALSE;
}

static void
assert_labels_clear (const char *engine,
                     guint       max_on_node,
                     guint       max_on_label)
{
  /* The bundled map, in data/ beside tests/. */
  g_autoptr(QgDocument) doc = qg_test_load ("../../data/kaspersky", "kaspersky-us-ban.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, engine, &error);
  guint n_nodes, n_edges;
  guint on_node = 0, on_label = 0;
  g_autoptr(GString) found = g_string_new (NULL);

  g_assert_no_error (error);
  n_nodes = qg_layout_get_n_nodes (layout);
  n_edges = qg_layout_get_n_edges (layout);
  g_assert_cmpuint (n_edges, ==, 42);

  for (guint e = 0; e < n_edges; e++)
    {
      const QgItem *edge = qg_layout_get_edge (layout, e);

      /* Every relation of the map has its label drawn. */
      g_assert_cmpuint (edge->n_texts, >=, 1);
      for (guint n = 0; n < n_nodes; n++)
        {
          const QgItem *node = qg_layout_get_node (layout, n);
          Box box = { node->x0, node->y0, node->x1, node->y1 };

          if (label_on_box (layout, edge, &box))
            {
              g_string_append_printf (found, "%s: the label of %s is over %s\n", engine,
                                      qg_document_get_relation (doc, e)->id,
                                      qg_document_get_entity (doc, n)->id);
              on_node++;
            }
        }
      for (guint f = e + 1; f < n_edges; f++)
        if (labels_overlap (layout, edge, qg_layout_get_edge (layout, f)))
          {
            g_string_append_printf (found, "%s: the labels of %s and %s overlap\n", engine,
                                    qg_document_get_relation (doc, e)->id,
                                    qg_document_get_relation (doc, f)->id);
            on_label++;
          }
    }
  /* Which ones, on the child's stderr, which the parent shows on failure. */
  if (on_node > max_on_node || on_label > max_on_label)
    g_printerr ("%s", found->str);
  g_assert_cmpuint (on_node, <=, max_on_node);
  g_assert_cmpuint (on_label, <=, max_on_label);
}

/* Each engine lays the map out first in a process of its own, as
 * `quotegraph --export` does. (The map no longer depends on which tests
 * ran before: same-layout-every-time proves it.) */
static void
test_labels_clear (gconstpointer data)
{
  guint i = GPOINTER_TO_UINT (data);

  if (g_test_subprocess ())
    {
      assert_labels_clear (label_bounds[i].engine, label_bounds[i].label_on_node,
                           label_bounds[i].label_on_label);
      return;
    }
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* The box that all of @item's label lines fill. */
static Box
label_box (QgLayout     *layout,
           const QgItem *item)
{
  Box all = { G_MAXDOUBLE, G_MAXDOUBLE, -G_MAXDOUBLE, -G_MAXDOUBLE };

  for (guint t = 0; t < item->n_texts; t++)
    {
      Box line = text_box (qg_layout_get_op (layout, item->first_text + t));

      all = (Box) { MIN (all.x0, line.x0), MIN (all.y0, line.y0), MAX (all.x1, line.x1),
                    MAX (all.y1, line.y1) };
    }
  return all;
}

/* The point at @t (0 to 1) of an edge's drawn line, a chain of cubic
 * Bézier segments. */
static void
edge_point_at (QgLayout     *layout,
               const QgItem *edge,
               double        t,
               double       *x,
               double       *y)
{
  const double *points = qg_layout_get_points (layout);

  for (guint o = 0; o < edge->n_ops; o++)
    {
      const QgOp *op = qg_layout_get_op (layout, edge->first_op + o);

      if (op->kind == QG_OP_BEZIER && op->n_points >= 4)
        {
          guint segments = (op->n_points - 1) / 3;
          guint s = MIN ((guint) (t * segments), segments - 1);
          double u = t * segments - s, v = 1 - u;
          const double *p = points + 2 * (op->first + 3 * s);

          *x = v * v * v * p[0] + 3 * v * v * u * p[2] + 3 * v * u * u * p[4] + u * u * u * p[6];
          *y = v * v * v * p[1] + 3 * v * v * u * p[3] + 3 * v * u * u * p[5] + u * u * u * p[7];
          return;
        }
    }
  g_assert_not_reached ();
}

/* A map with more labels than Graphviz places quickly has them placed by
 * Quotegraph (qg-graph-labels.c): each drawn, inside the map, beside the
 * middle part of its edge's line, and over a node or another label more
 * seldom than Graphviz's. Measured on this crowded map: of the 5,100, 6
 * over a node and 16 over another label; with Graphviz's placement, 23
 * and 444; tried at the middle alone, as Graphviz does, 23 and 909. */
static void
test_large_map_labels (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_map_full (1000, 5100, TRUE);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, "sfdp", &error);
  guint n_nodes, n_edges, on_node = 0, on_label = 0;
  g_autoptr(GArray) boxes = g_array_new (FALSE, FALSE, sizeof (Box));

  g_assert_no_error (error);
  n_nodes = qg_layout_get_n_nodes (layout);
  n_edges = qg_layout_get_n_edges (layout);
  g_assert_cmpuint (n_edges, ==, 5100);
  for (guint e = 0; e < n_edges; e++)
    {
      const QgItem *edge = qg_layout_get_edge (layout, e);
      Box box;
      double x, y;

      g_assert_cmpuint (edge->n_texts, ==, 1);
      box = label_box (layout, edge);
      g_array_append_val (boxes, box);
      g_assert_cmpfloat (box.x0, >=, -OVERLAP_TOLERANCE);
      g_assert_cmpfloat (box.y0, >=, -OVERLAP_TOLERANCE);
      g_assert_cmpfloat (box.x1, <=, qg_layout_get_width (layout) + OVERLAP_TOLERANCE);
      g_assert_cmpfloat (box.y1, <=, qg_layout_get_height (layout) + OVERLAP_TOLERANCE);
      /* Beside the middle part of its line (from 0.3 to 0.7 of it):
       * touching it, give or take Graphviz's margin around the text. */
      {
        gboolean touches = FALSE;

        for (double t = 0.3; t <= 0.7 + 1e-9 && !touches; t += 0.01)
          {
            edge_point_at (layout, edge, t, &x, &y);
            touches = x >= box.x0 - 6 && x <= box.x1 + 6 && y >= box.y0 - 6 && y <= box.y1 + 6;
          }
        g_assert_true (touches);
      }
    }
  for (guint e = 0; e < n_edges; e++)
    {
      const Box *box = &g_array_index (boxes, Box, e);
      gboolean over_node = FALSE, over_label = FALSE;

      for (guint n = 0; n < n_nodes && !over_node; n++)
        {
          const QgItem *node = qg_layout_get_node (layout, n);
          Box outline = { node->x0, node->y0, node->x1, node->y1 };

          over_node = boxes_overlap (box, &outline);
        }
      for (guint f = 0; f < n_edges && !over_label; f++)
        over_label = f != e && boxes_overlap (box, &g_array_index (boxes, Box, f));
      on_node += over_node;
      on_label += over_label;
    }
  g_test_message ("%u of %u labels over a node, %u over a label", on_node, n_edges, on_label);
  g_assert_cmpuint (on_node, <=, 23);
  g_assert_cmpuint (on_label, <=, 444 / 4);
}

/* Everything Graphviz placed, exactly (numbers in hexadecimal), one line
 * per item and per drawing operation. */
static char *
layout_fingerprint (QgLayout *layout)
{
  const double *points = qg_layout_get_points (layout);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "size %a %a\n", qg_layout_get_width (layout),
                          qg_layout_get_height (layout));
  for (guint k = 0; k < 2; k++)
    {
      guint n = k == 0 ? qg_layout_get_n_nodes (layout) : qg_layout_get_n_edges (layout);

      for (guint i = 0; i < n; i++)
        {
          const QgItem *item = k == 0 ? qg_layout_get_node (layout, i)
                                      : qg_layout_get_edge (layout, i);

          g_string_append_printf (out, "%s %u: %a %a, %a %a %a %a, ops %u+%u, texts %u+%u\n",
                                  k == 0 ? "node" : "edge", i, item->cx, item->cy, item->x0,
                                  item->y0, item->x1, item->y1, item->first_op, item->n_ops,
                                  item->first_text, item->n_texts);
        }
    }
  for (guint i = 0; i < qg_layout_get_n_ops (layout); i++)
    {
      const QgOp *op = qg_layout_get_op (layout, i);

      g_string_append_printf (out, "op %u: %d %d%d%d %d %a, %a %a %a %a, \"%s\",", i, op->kind,
                              op->filled, op->dashed, op->dotted, op->align, op->pen_width,
                              op->x, op->y, op->w, op->h, op->text ? op->text : "");
      for (guint p = 0; p < op->n_points; p++)
        g_string_append_printf (out, " %a,%a", points[2 * (op->first + p)],
                                points[2 * (op->first + p) + 1]);
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

/* Memory given back in an order of its own, as a window that has been
 * used for a while would have it: where Graphviz's next allocations land
 * changes. */
static void
churn_memory (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();

  for (guint i = 0; i < 4000; i++)
    g_ptr_array_add (blocks, g_malloc (g_rand_int_range (rand, 16, 512)));
  while (blocks->len > 0)
    g_free (g_ptr_array_steal_index_fast (blocks, g_rand_int_range (rand, 0, blocks->len)));
}

static QgLayout *
layout_in_a_thread (QgDocument *doc,
                    const char *engine)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  QgLayout *layout;

  qg_graph_compute_layout_async (doc, engine, NULL, computed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  layout = qg_graph_compute_layout_finish (result, &error);
  g_assert_no_error (error);
  return layout;
}

/* The same document and engine give the same picture every time in one
 * process, whatever was laid out before and wherever memory lands: laid
 * out again in the window, from a worker thread as it does, a map does
 * not move. */
static void
test_same_layout_every_time (void)
{
  g_autoptr(QgDocument) doc = qg_test_load ("../../data/kaspersky", "kaspersky-us-ban.json");
  const char * const *engines = qg_graph_engines ();
  g_autoptr(GPtrArray) first = g_ptr_array_new_with_free_func (g_free);

  for (guint round = 0; round < 3; round++)
    {
      if (round == 2)
        churn_memory ();
      for (guint e = 0; engines[e]; e++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(QgLayout) layout = round == 1
                                       ? layout_in_a_thread (doc, engines[e])
                                       : qg_graph_compute_layout (doc, engines[e], &error);
          g_autofree char *found = NULL;

          g_assert_no_error (error);
          found = layout_fingerprint (layout);
          if (round == 0)
            {
              g_ptr_array_add (first, g_steal_pointer (&found));
              continue;
            }
          {
            g_auto(GStrv) a = g_strsplit (g_ptr_array_index (first, e), "\n", -1);
            g_auto(GStrv) b = g_strsplit (found, "\n", -1);
            guint line = 0;

            while (a[line] != NULL && g_strcmp0 (a[line], b[line]) == 0)
              line++;
            if (a[line] != NULL || b[line] != NULL)
              g_test_message ("%s, layout %u: differs from the first from line %u", engines[e],
                              round + 1, line + 1);
            g_assert_cmpstr (a[line], ==, b[line]);
          }
        }
    }
}

typedef struct
{
  GAsyncResult *results[3];
} Together;

static gboolean
all_done (Together *t)
{
  for (guint i = 0; i < G_N_ELEMENTS (t->results); i++)
    if (t->results[i] == NULL)
      return FALSE;
  return TRUE;
}

/* Windows lay out in threads of their own, two documents at once when
 * two are opened together: each gets its own map, as if alone. (Each
 * thread's layout used to point Graphviz's globals at its graph, which
 * the other thread's rendering then read: a crash within some hundred
 * rounds.) */
static void
test_layouts_at_once (void)
{
  g_autoptr(QgDocument) small = qg_test_load_small ();
  g_autoptr(QgDocument) library = qg_test_load ("valid", "library-vote.json");
  QgDocument *docs[] = { small, library, small, small };
  const char *engines[] = { "dot", "dot", "neato", "fdp" };
  char *expected[G_N_ELEMENTS (docs)] = { NULL };

  for (guint i = 0; i < G_N_ELEMENTS (docs); i++)
    {
      g_autoptr(QgLayout) alone = layout_in_a_thread (docs[i], engines[i]);

      expected[i] = layout_fingerprint (alone);
    }
  for (guint round = 0; round < 500; round++)
    {
      /* Both dots, and one of the spring engines, whose graphs differ most. */
      guint jobs[] = { 0, 1, 2 + round % 2 };
      Together t = { { NULL } };

      for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
        qg_graph_compute_layout_async (docs[jobs[j]], engines[jobs[j]], NULL, computed_cb,
                                       &t.results[j]);
      while (!all_done (&t))
        g_main_context_iteration (NULL, TRUE);
      for (guint j = 0; j < G_N_ELEMENTS (jobs); j++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(QgLayout) layout = qg_graph_compute_layout_finish (t.results[j], &error);
          g_autofree char *found = NULL;

          g_assert_no_error (error);
          found = layout_fingerprint (layout);
          g_assert_cmpstr (found, ==, expected[jobs[j]]);
          g_object_unref (t.results[j]);
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_free (expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/layout/geometry-of-every-element", test_geometry_of_every_element);
  g_test_add_func ("/quotegraph/layout/hit-testing", test_hit_testing);
  g_test_add_func ("/quotegraph/layout/async-and-cancelled", test_async_and_cancelled);
  g_test_add_func ("/quotegraph/layout/every-engine-gives-geometry",
                   test_every_engine_gives_geometry);
  g_test_add_func ("/quotegraph/layout/same-layout-every-time", test_same_layout_every_time);
  g_test_add_func ("/quotegraph/layout/layouts-at-once", test_layouts_at_once);
  g_test_add_func ("/quotegraph/layout/large-map-labels", test_large_map_labels);
  for (guint i = 0; i < G_N_ELEMENTS (label_bounds); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quotegraph/layout/labels-clear/%s",
                                               label_bounds[i].engine);
      g_test_add_data_func (path, GUINT_TO_POINTER (i), test_labels_clear);
    }

  return g_test_run ();
}
