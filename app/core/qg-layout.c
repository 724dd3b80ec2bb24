/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-layout"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qg-layout.h"

struct _QgLayout
{
  char         *engine;
  double        width;
  double        height;
  QgItem       *nodes;
  guint         n_nodes;
  QgItem       *edges;
  guint         n_edges;
  QgItem       *clusters;
  guint         n_clusters;
  GArray       *ops;      /* QgOp */
  GArray       *points;   /* double pairs */
  GStringChunk *strings;
};

struct _QgLayoutBuilder
{
  QgLayout *layout;
  QgItem   *item;         /* being filled */
  GArray   *shape_ops;    /* of the current item, until it ends */
  GArray   *text_ops;
};

G_DEFINE_BOXED_TYPE (QgLayout, qg_layout, qg_layout_ref, qg_layout_unref)

static void
qg_layout_free (QgLayout *self)
{
  g_free (self->engine);
  g_free (self->nodes);
  g_free (self->edges);
  g_free (self->clusters);
  g_array_unref (self->ops);
  g_array_unref (self->points);
  g_string_chunk_free (self->strings);
}

QgLayout *
qg_layout_ref (QgLayout *self)
{
  return g_atomic_rc_box_acquire (self);
}

void
qg_layout_unref (QgLayout *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) qg_layout_free);
}

const char *
qg_layout_get_engine (QgLayout *self)
{
  return self->engine;
}

double
qg_layout_get_width (QgLayout *self)
{
  return self->width;
}

double
qg_layout_get_height (QgLayout *self)
{
  return self->height;
}

guint
qg_layout_get_n_nodes (QgLayout *self)
{
  return self->n_nodes;
}

guint
qg_layout_get_n_edges (QgLayout *self)
{
  return self->n_edges;
}

const QgItem *
qg_layout_get_node (QgLayout *self,
                    guint     entity)
{
  g_return_val_if_fail (entity < self->n_nodes, NULL);
  return &self->nodes[entity];
}

const QgItem *
qg_layout_get_edge (QgLayout *self,
                    guint     relation)
{
  g_return_val_if_fail (relation < self->n_edges, NULL);
  return &self->edges[relation];
}

guint
qg_layout_get_n_clusters (QgLayout *self)
{
  return self->n_clusters;
}

const QgItem *
qg_layout_get_cluster (QgLayout *self,
                       guint     index)
{
  g_return_val_if_fail (index < self->n_clusters, NULL);
  return &self->clusters[index];
}

guint
qg_layout_get_n_ops (QgLayout *self)
{
  return self->ops->len;
}

const QgOp *
qg_layout_get_op (QgLayout *self,
                  guint     index)
{
  return &g_array_index (self->ops, QgOp, index);
}

const double *
qg_layout_get_points (QgLayout *self)
{
  return (const double *) (gpointer) self->points->data;
}

/* ------------------------------------------------------------------------ */
/* Hit-testing                                                               */

static gboolean
in_bounds (const QgItem *item,
           double        x,
           double        y,
           double        margin)
{
  return x >= item->x0 - margin && x <= item->x1 + margin
         && y >= item->y0 - margin && y <= item->y1 + margin;
}

static gboolean
in_polygon (const double *pts,
            guint         n,
            double        x,
            double        y)
{
  gboolean inside = FALSE;

  for (guint i = 0, j = n - 1; i < n; j = i++)
    {
      double xi = pts[2 * i], yi = pts[2 * i + 1];
      double xj = pts[2 * j], yj = pts[2 * j + 1];

      if ((yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi)
        inside = !inside;
    }
  return inside;
}

static double
segment_distance (double px,
                  double py,
                  double ax,
                  double ay,
                  double bx,
                  double by)
{
  double dx = bx - ax, dy = by - ay;
  double len2 = dx * dx + dy * dy;
  double t = len2 > 0 ? ((px - ax) * dx + (py - ay) * dy) / len2 : 0;

  t = CLAMP (t, 0, 1);
  return hypot (px - (ax + t * dx), py - (ay + t * dy));
}

/* Distance from a point to a cubic spline, through a flattening of it. */
static double
bezier_distance (const double *pts,
                 guint         n,
                 double        x,
                 double        y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i + 3 < n; i += 3)
    {
      const double *p = pts + 2 * i;
      double px = p[0], py = p[1];

      for (int k = 1; k <= 12; k++)
        {
          double t = k / 12.0, u = 1 - t;
          double qx = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
          double qy = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];

          best = MIN (best, segment_distance (x, y, px, py, qx, qy));
          px = qx;
          py = qy;
        }
    }
  return best;
}

double
qg_op_text_left (const QgOp *op)
{
  return op->align == QG_ALIGN_CENTER ? op->x - op->w / 2
         : op->align == QG_ALIGN_RIGHT ? op->x - op->w : op->x;
}

static gboolean
in_text (const QgOp *op,
         double      x,
         double      y)
{
  double left = qg_op_text_left (op);

  return x >= left && x <= left + op->w && y >= op->y - op->h && y <= op->y + op->h * 0.3;
}

static double
op_distance (QgLayout   *self,
             const QgOp *op,
             double      x,
             double      y)
{
  const double *pts = qg_layout_get_points (self) + 2 * op->first;

  switch (op->kind)
    {
    case QG_OP_ELLIPSE:
      {
        double nx = (x - op->x) / MAX (op->w, 1e-6);
        double ny = (y - op->y) / MAX (op->h, 1e-6);
        double r = sqrt (nx * nx + ny * ny);

        if (r <= 1 && op->filled)
          return 0;
        /* Roughly the distance to the outline. */
        return fabs (r - 1) * MIN (op->w, op->h);
      }
    case QG_OP_POLYGON:
      {
        double best = G_MAXDOUBLE;

        if (op->filled && in_polygon (pts, op->n_points, x, y))
          return 0;
        for (guint i = 0; i < op->n_points; i++)
          {
            guint j = (i + 1) % op->n_points;
            best = MIN (best, segment_distance (x, y, pts[2 * i], pts[2 * i + 1], pts[2 * j],
                                                pts[2 * j + 1]));
          }
        return best;
      }
    case QG_OP_BEZIER:
      /* A filled spline outlines a rounded shape: its control points are
       * close enough to its outline for hit-testing. */
      if (op->filled && in_polygon (pts, op->n_points, x, y))
        return 0;
      return bezier_distance (pts, op->n_points, x, y);
    case QG_OP_POLYLINE:
      {
        double best = G_MAXDOUBLE;

        for (guint i = 0; i + 1 < op->n_points; i++)
          best = MIN (best, segment_distance (x, y, pts[2 * i], pts[2 * i + 1], pts[2 * i + 2],
                                              pts[2 * i + 3]));
        return best;
      }
    case QG_OP_TEXT:
    default:
      return in_text (op, x, y) ? 0 : G_MAXDOUBLE;
    }
}

static double
item_distance (QgLayout     *self,
               const QgItem *item,
               double        x,
               double        y)
{
  double best = G_MAXDOUBLE;

  for (guint i = 0; i < item->n_ops; i++)
    best = MIN (best, op_distance (self, qg_layout_get_op (self, item->first_op + i), x, y));
  for (guint i = 0; i < item->n_texts; i++)
    best = MIN (best, op_distance (self, qg_layout_get_op (self, item->first_text + i), x, y));
  return best;
}

QgItemKind
qg_layout_hit (QgLayout *self,
               double    x,
               double    y,
               double    tolerance,
               guint    *index)
{
  return qg_layout_hit_shown (self, x, y, tolerance, NULL, NULL, index);
}

QgItemKind
qg_layout_hit_shown (QgLayout     *self,
                     double        x,
                     double        y,
                     double        tolerance,
                     const guint8 *hidden_nodes,
                     const guint8 *hidden_edges,
                     guint        *index)
{
  double best = G_MAXDOUBLE;
  guint best_index = 0;

  /* Nodes are drawn over edges: the last node drawn wins. */
  for (guint i = self->n_nodes; i-- > 0;)
    {
      const QgItem *node = &self->nodes[i];

      if (node->n_ops + node->n_texts == 0 || !in_bounds (node, x, y, tolerance)
          || (hidden_nodes != NULL && hidden_nodes[i]))
        continue;
      /* Inside a node's outline, or within reach of its border. */
      if (item_distance (self, node, x, y) <= tolerance * 0.5)
        {
          *index = i;
          return QG_ITEM_NODE;
        }
    }

  for (guint i = 0; i < self->n_edges; i++)
    {
      const QgItem *edge = &self->edges[i];
      double d;

      if (edge->n_ops + edge->n_texts == 0 || !in_bounds (edge, x, y, tolerance)
          || (hidden_edges != NULL && hidden_edges[i]))
        continue;
      d = item_distance (self, edge, x, y);
      if (d <= tolerance && d < best)
        {
          best = d;
          best_index = i;
        }
    }
  if (best <= tolerance)
    {
      *index = best_index;
      return QG_ITEM_EDGE;
    }
  return QG_ITEM_NONE;
}

/* ------------------------------------------------------------------------ */
/* Building                                                                  */

QgLayoutBuilder *
qg_layout_builder_new (const char *engine,
                       guint       n_nodes,
                       guint       n_edges,
                       double      width,
                       double      height)
{
  QgLayoutBuilder *builder = g_new0 (QgLayoutBuilder, 1);
  QgLayout *self = g_atomic_rc_box_new0 (QgLayout);

  self->engine = g_strdup (engine);
  self->width = width;
  self->height = height;
  self->n_nodes = n_nodes;
  self->n_edges = n_edges;
  self->nodes = g_new0 (QgItem, MAX (n_nodes, 1));
  self->edges = g_new0 (QgItem, MAX (n_edges, 1));
  self->ops = g_array_new (FALSE, FALSE, sizeof (QgOp));
  self->points = g_array_new (FALSE, FALSE, sizeof (double));
  self->strings = g_string_chunk_new (4096);

  builder->layout = self;
  builder->shape_ops = g_array_new (FALSE, FALSE, sizeof (QgOp));
  builder->text_ops = g_array_new (FALSE, FALSE, sizeof (QgOp));
  return builder;
}

static void
grow_bounds (QgItem *item,
             double  x0,
             double  y0,
             double  x1,
             double  y1)
{
  item->x0 = MIN (item->x0, x0);
  item->y0 = MIN (item->y0, y0);
  item->x1 = MAX (item->x1, x1);
  item->y1 = MAX (item->y1, y1);
}

/* Moves the current item's ops into the layout: shapes, then text. */
static void
flush_item (QgLayoutBuilder *builder)
{
  QgLayout *self = builder->layout;
  QgItem *item = builder->item;

  if (item == NULL)
    return;
  item->first_op = self->ops->len;
  item->n_ops = builder->shape_ops->len;
  g_array_append_vals (self->ops, builder->shape_ops->data, builder->shape_ops->len);
  item->first_text = self->ops->len;
  item->n_texts = builder->text_ops->len;
  g_array_append_vals (self->ops, builder->text_ops->data, builder->text_ops->len);
  g_array_set_size (builder->shape_ops, 0);
  g_array_set_size (builder->text_ops, 0);
  if (item->n_ops + item->n_texts == 0)
    item->x0 = item->y0 = item->x1 = item->y1 = 0;
  builder->item = NULL;
}

/* Before the first item begins. */
void
qg_layout_builder_set_n_clusters (QgLayoutBuilder *builder,
                                  guint            n_clusters)
{
  QgLayout *self = builder->layout;

  g_return_if_fail (builder->item == NULL && self->clusters == NULL);
  self->n_clusters = n_clusters;
  self->clusters = g_new0 (QgItem, MAX (n_clusters, 1));
}

void
qg_layout_builder_begin (QgLayoutBuilder *builder,
                         QgItemKind       kind,
                         guint            index,
                         double           cx,
                         double           cy)
{
  QgLayout *self = builder->layout;

  flush_item (builder);
  if (kind == QG_ITEM_NODE)
    {
      g_return_if_fail (index < self->n_nodes);
      builder->item = &self->nodes[index];
    }
  else if (kind == QG_ITEM_CLUSTER)
    {
      g_return_if_fail (index < self->n_clusters);
      builder->item = &self->clusters[index];
    }
  else
    {
      g_return_if_fail (index < self->n_edges);
      builder->item = &self->edges[index];
    }
  builder->item->cx = cx;
  builder->item->cy = cy;
  builder->item->x0 = builder->item->y0 = G_MAXDOUBLE;
  builder->item->x1 = builder->item->y1 = -G_MAXDOUBLE;
}

void
qg_layout_builder_add (QgLayoutBuilder *builder,
                       const QgOp      *op,
                       const double    *points,
                       gboolean         is_text)
{
  QgLayout *self = builder->layout;
  QgItem *item = builder->item;
  QgOp copy = *op;

  g_return_if_fail (item != NULL);

  copy.first = self->points->len / 2;
  if (op->n_points > 0)
    g_array_append_vals (self->points, points, 2 * op->n_points);
  if (op->text != NULL)
    copy.text = g_string_chunk_insert_const (self->strings, op->text);
  if (op->font != NULL)
    copy.font = g_string_chunk_insert_const (self->strings, op->font);

  switch (op->kind)
    {
    case QG_OP_ELLIPSE:
      grow_bounds (item, op->x - op->w, op->y - op->h, op->x + op->w, op->y + op->h);
      break;
    case QG_OP_TEXT:
      {
        double left = qg_op_text_left (op);

        grow_bounds (item, left, op->y - op->h, left + op->w, op->y + op->h * 0.3);
      }
      break;
    case QG_OP_POLYGON:
    case QG_OP_BEZIER:
    case QG_OP_POLYLINE:
    default:
      for (guint i = 0; i < op->n_points; i++)
        grow_bounds (item, points[2 * i], points[2 * i + 1], points[2 * i], points[2 * i + 1]);
      break;
    }

  g_array_append_val (is_text ? builder->text_ops : builder->shape_ops, copy);
}

QgLayout *
qg_layout_builder_end (QgLayoutBuilder *builder)
{
  QgLayout *self;

  flush_item (builder);
  self = g_steal_pointer (&builder->layout);
  qg_layout_builder_free (builder);
  return self;
}

void
qg_layout_builder_free (QgLayoutBuilder *builder)
{
  if (builder == NULL)
    return;
  if (builder->layout != NULL)
    qg_layout_unref (builder->layout);
  g_array_unref (builder->shape_ops);
  g_array_unref (builder->text_ops);
  g_free (builder);
}
