/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qg-graph-view-private.h"
#include "qg-raster.h"

/* The map from afar: every Graphviz label is a bar, lines are a pixel
 * wide, and thousands of elements are drawn by the small rasteriser in a
 * fraction of what cairo takes for them, in bands, one thread a band.
 * The threads read a scene made for the frame, never the widget. */

/* A map this large is drawn by the rasteriser until its edge labels read,
 * not only from afar: cairo takes a tenth of a second for it. */
#define LARGE_MAP_ITEMS 500

gboolean
qg_graph_view_is_large (QgLayout *layout)
{
  return qg_layout_get_n_nodes (layout) + qg_layout_get_n_edges (layout) >= LARGE_MAP_ITEMS;
}

gboolean
qg_graph_view_seen_from_afar (QgGraphView *self)
{
  double text = self->max_font * qg_viewport_get_zoom (self->viewport);
  gboolean large = qg_graph_view_is_large (self->layout);

  return self->previous == NULL
         && (text < TEXT_MIN_PIXELS || (large && text < EDGE_LABEL_MIN_PIXELS));
}

/* layout → device pixels: (x × sx + ox, y × sy + oy). */
typedef struct
{
  double sx, sy, ox, oy;
} Transform;

/* A node whose name is drawn in screen space, in its outline grown. */
typedef struct
{
  guint     index;
  Look      look;
  Transform transform;    /* from the band's top */
} Grown;

/* What one frame of the overview draws, owned by the frame. */
typedef struct
{
  QgLayout   *layout;
  QgDocument *document;
  Palette     palette;
  double      zoom;          /* layout → device pixels */
  double      ox;
  double      oy;
  double      text_zoom;     /* layout → widget pixels, for what reads */
  guint8     *kinds;         /* per node */
  guint8     *node_look;     /* per node: Look, or N_LOOKS when drawn apart */
  guint8     *edge_look;
  Grown      *grown;
  guint       n_grown;
  gboolean    edges_only;    /* near, under what cairo draws */
} Scene;

typedef struct
{
  const Scene *scene;
  QgRaster     raster;
  double       oy;           /* the scene's, for this band */
  double       top;          /* of the band, in device pixels */
  double       clip[4];      /* in layout points */
} Band;

static QgPaint
paint_of (const GdkRGBA *color,
          double         alpha)
{
  return qg_paint_from_rgba (color->red, color->green, color->blue, color->alpha * alpha);
}

/* An op's outline as device points: polygons as they are, splines and
 * ellipses flattened. Returns the number of points. */
static int
flatten_op (const Transform *tf,
            const QgOp      *op,
            const double    *pts,
            double          *out,
            int              max)
{
  double zoom = MAX (tf->sx, tf->sy);
  int n = 0;

#define PUT(X, Y) G_STMT_START { if (n < max) { out[2 * n] = (X) * tf->sx + tf->ox; \
                                                out[2 * n + 1] = (Y) * tf->sy + tf->oy; \
                                                n++; } } G_STMT_END
  switch (op->kind)
    {
    case QG_OP_ELLIPSE:
      {
        /* As many sides as the ellipse is large on screen, from 8 to 32. */
        int sides = CLAMP ((int) ((op->w + op->h) * zoom / 2), 8, 32);

        for (int i = 0; i < sides; i++)
          PUT (op->x + op->w * cos (i * 2 * G_PI / sides),
               op->y + op->h * sin (i * 2 * G_PI / sides));
      }
      break;
    case QG_OP_POLYGON:
    case QG_OP_POLYLINE:
      for (guint i = 0; i < op->n_points; i++)
        PUT (pts[2 * i], pts[2 * i + 1]);
      break;
    case QG_OP_BEZIER:
      /* A curve of no points (a hostile layout's) has nothing to draw. */
      if (op->n_points == 0)
        break;
      PUT (pts[0], pts[1]);
      for (guint i = 0; i + 3 < op->n_points; i += 3)
        {
          const double *p = pts + 2 * i;
          /* Few segments: the curve spans only a few pixels from afar. */
          double span = (fabs (p[6] - p[0]) + fabs (p[7] - p[1])) * zoom;
          int steps = CLAMP ((int) (span / 12), 1, 8);

          if (fabs (p[2] - (2 * p[0] + p[6]) / 3) + fabs (p[3] - (2 * p[1] + p[7]) / 3)
              + fabs (p[4] - (p[0] + 2 * p[6]) / 3) + fabs (p[5] - (p[1] + 2 * p[7]) / 3) < 1)
            steps = 1;  /* straight */
          for (int k = 1; k <= steps; k++)
            {
              double t = (double) k / steps, u = 1 - t;
              PUT (u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6],
                   u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7]);
            }
        }
      break;
    case QG_OP_TEXT:
    default:
      break;
    }
#undef PUT
  return n;
}

static gboolean
tiny (const double *pts,
      int           n)
{
  double x0 = pts[0], x1 = pts[0], y0 = pts[1], y1 = pts[1];

  for (int i = 1; i < n; i++)
    {
      x0 = MIN (x0, pts[2 * i]);
      x1 = MAX (x1, pts[2 * i]);
      y0 = MIN (y0, pts[2 * i + 1]);
      y1 = MAX (y1, pts[2 * i + 1]);
    }
  return x1 - x0 < 2.5 && y1 - y0 < 2.5;
}

/* Filled ops are filled, and outlined if @outline; the others are lines. */
static void
draw_item (Band            *band,
           const Transform *transform,
           const QgItem    *item,
           const QgPaint   *fill,
           const QgPaint   *line,
           gboolean         outline)
{
  QgLayout *layout = band->scene->layout;
  const double *pts = qg_layout_get_points (layout);
  double buf[2 * 256];

  for (guint i = 0; i < item->n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (layout, item->first_op + i);
      int n = flatten_op (transform, op, pts + 2 * op->first, buf, 256);
      gboolean closed = op->kind != QG_OP_POLYLINE && (op->filled || op->kind != QG_OP_BEZIER);

      if (op->filled && n > 0 && tiny (buf, n))
        /* An arrowhead a pixel or two across is a dot. */
        qg_raster_fill_rectangle (&band->raster, floor (buf[0]), floor (buf[1]), 1, 1, fill);
      else if (op->filled)
        qg_raster_fill_polygon (&band->raster, buf, n, fill);
      if (!op->filled || outline)
        {
          for (int k = 0; k + 1 < n; k++)
            qg_raster_line (&band->raster, buf[2 * k], buf[2 * k + 1], buf[2 * k + 2],
                            buf[2 * k + 3], line);
          if (closed && n > 2)
            qg_raster_line (&band->raster, buf[2 * n - 2], buf[2 * n - 1], buf[0], buf[1], line);
        }
    }
}

static void
draw_bars (Band          *band,
           const QgItem  *item,
           const QgPaint *paint)
{
  const Scene *scene = band->scene;

  for (guint t = 0; t < item->n_texts; t++)
    {
      const QgOp *op = qg_layout_get_op (scene->layout, item->first_text + t);
      double left = qg_op_text_left (op);

      if (op->h * scene->text_zoom < TEXT_NONE_PIXELS)
        continue;
      qg_raster_fill_rectangle (&band->raster, left * scene->zoom + scene->ox,
                                (op->y - op->h * 0.6) * scene->zoom + band->oy,
                                op->w * scene->zoom, op->h * 0.45 * scene->zoom, paint);
    }
}

static gboolean
in_band (const QgItem *item,
         const double  clip[4])
{
  return item->x1 >= clip[0] && item->x0 <= clip[2] && item->y1 >= clip[1] && item->y0 <= clip[3];
}

static gpointer
draw_band (gpointer data)
{
  Band *band = data;
  const Scene *scene = band->scene;
  guint n_edges = qg_layout_get_n_edges (scene->layout);
  guint n_nodes = qg_layout_get_n_nodes (scene->layout);
  Transform view = { scene->zoom, scene->zoom, scene->ox, band->oy };

  /* Dimmed first, then the rest, as near. Edge labels are left out. */
  for (Look look = 0; look < N_LOOKS; look++)
    for (guint i = 0; i < n_edges; i++)
      {
        const QgItem *item = qg_layout_get_edge (scene->layout, i);
        const QgOp *first;
        QgPaint paint;
        double alpha;

        if (scene->edge_look[i] != look || !in_band (item, band->clip) || item->n_ops == 0)
          continue;
        first = qg_layout_get_op (scene->layout, item->first_op);
        alpha = qg_graph_view_look_alpha (look) * (first->dashed || first->dotted ? 0.6 : 1.0);
        paint = paint_of (&scene->palette.stance[qg_document_get_relation (scene->document,
                                                                           i)->stance], alpha);
        draw_item (band, &view, item, &paint, &paint, FALSE);
      }

  if (scene->edges_only)
    return NULL;
  for (Look look = 0; look < N_LOOKS; look++)
    for (guint i = 0; i < n_nodes; i++)
      {
        const QgItem *item = qg_layout_get_node (scene->layout, i);
        double alpha = qg_graph_view_look_alpha (look);
        QgPaint fill, line, bar;

        if (scene->node_look[i] != look || !in_band (item, band->clip))
          continue;
        fill = paint_of (&scene->palette.fill[scene->kinds[i]], alpha);
        line = paint_of (&scene->palette.stroke[scene->kinds[i]], alpha);
        bar = paint_of (&scene->palette.node_text, alpha * 0.35);
        draw_item (band, &view, item, &fill, &line, TRUE);
        draw_bars (band, item, &bar);
      }

  /* The grown nodes, over the rest; their names are cairo's. */
  for (guint g = 0; g < scene->n_grown; g++)
    {
      const Grown *grown = &scene->grown[g];
      Transform t = grown->transform;
      double alpha = qg_graph_view_look_alpha (grown->look);
      QgPaint fill = paint_of (&scene->palette.fill[scene->kinds[grown->index]], alpha);
      QgPaint line = paint_of (&scene->palette.stroke[scene->kinds[grown->index]], alpha);

      t.oy -= band->top;
      draw_item (band, &t, qg_layout_get_node (scene->layout, grown->index), &fill, &line, TRUE);
    }
  return NULL;
}

static guint8 *
looks (QgGraphView  *self,
       QgItemKind    kind,
       guint         n,
       const guint8 *emphasis)
{
  guint8 *out = g_malloc (MAX (n, 1));

  for (guint i = 0; i < n; i++)
    out[i] = qg_graph_view_is_special_item (self, kind, i) ? N_LOOKS
             : qg_graph_view_look_of (emphasis, i);
  return out;
}

/* The scene of the view as it is now: what the threads draw. */
static void
make_scene (QgGraphView *self,
            int          factor,
            Scene       *scene)
{
  guint n_nodes = qg_layout_get_n_nodes (self->layout);

  scene->layout = qg_layout_ref (self->layout);
  scene->document = g_object_ref (self->document);
  scene->palette = self->palette;
  scene->text_zoom = qg_viewport_get_zoom (self->viewport);
  scene->zoom = scene->text_zoom * factor;
  qg_viewport_get_offset (self->viewport, &scene->ox, &scene->oy);
  scene->ox *= factor;
  scene->oy *= factor;
  scene->kinds = g_memdup2 (self->entity_kind, MAX (n_nodes, 1));
  scene->node_look = looks (self, QG_ITEM_NODE, n_nodes, self->node_emphasis);
  /* The names go where they find room first: the nodes they grow are
   * drawn grown, and not as they are. */
  qg_graph_view_update_labels (self);
  scene->grown = g_new (Grown, MAX (self->screen_labels->len, 1));
  scene->n_grown = 0;
  for (guint i = 0; i < self->screen_labels->len; i++)
    {
      const ScreenLabel *label = &g_array_index (self->screen_labels, ScreenLabel, i);
      const QgItem *node;
      Grown *grown;

      if (label->kind != QG_ITEM_NODE || label->gx <= 0
          || qg_graph_view_is_special_item (self, QG_ITEM_NODE, label->index))
        continue;
      node = qg_layout_get_node (self->layout, label->index);
      grown = &scene->grown[scene->n_grown++];
      grown->index = label->index;
      grown->look = qg_graph_view_look_of (self->node_emphasis, label->index);
      grown->transform.sx = scene->text_zoom * label->gx * factor;
      grown->transform.sy = scene->text_zoom * label->gy * factor;
      grown->transform.ox = (label->x0 + label->x1) / 2 * factor - node->cx * grown->transform.sx;
      grown->transform.oy = (label->y0 + label->y1) / 2 * factor - node->cy * grown->transform.sy;
      scene->node_look[label->index] = N_LOOKS;
    }
  scene->edge_look = looks (self, QG_ITEM_EDGE, qg_layout_get_n_edges (self->layout),
                            self->edge_emphasis);
}

static void
clear_scene (Scene *scene)
{
  g_clear_pointer (&scene->layout, qg_layout_unref);
  g_clear_object (&scene->document);
  g_clear_pointer (&scene->kinds, g_free);
  g_clear_pointer (&scene->node_look, g_free);
  g_clear_pointer (&scene->edge_look, g_free);
  g_clear_pointer (&scene->grown, g_free);
}

/* Draws @scene on @image, its background first. Drawing is most of the
 * cost and every band is independent: one thread a band, the last one on
 * the calling thread. Reads nothing but the scene. */
static void
draw_scene (const Scene     *scene,
            cairo_surface_t *image)
{
  int width = cairo_image_surface_get_width (image);
  int height = cairo_image_surface_get_height (image);
  int stride = cairo_image_surface_get_stride (image);
  guint8 *data;
  guint n_bands = MIN (g_get_num_processors (), 4);
  g_autofree Band *bands = g_new0 (Band, n_bands);
  g_autofree GThread **threads = g_new0 (GThread *, n_bands);
  /* What a band draws reaches this far past it, in device pixels. */
  double margin = 8 * scene->zoom / scene->text_zoom;
  QgPaint bg = paint_of (&scene->palette.background, 1);
  guint32 pixel = bg.packed | 0xff000000u;

  cairo_surface_flush (image);
  data = cairo_image_surface_get_data (image);
  /* Opaque, on the view's own background: painting it is then a copy. */
  for (int y = 0; y < height; y++)
    {
      guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);

      for (int x = 0; x < width; x++)
        row[x] = pixel;
    }

  for (guint b = 0; b < n_bands; b++)
    {
      Band *band = &bands[b];
      int top = height * b / n_bands;
      int bottom = height * (b + 1) / n_bands;

      band->scene = scene;
      band->raster.data = data + (gsize) top * stride;
      band->raster.width = width;
      band->raster.height = bottom - top;
      band->raster.stride = stride;
      band->oy = scene->oy - top;
      band->top = top;
      band->clip[0] = (-margin - scene->ox) / scene->zoom;
      band->clip[1] = (top - margin - scene->oy) / scene->zoom;
      band->clip[2] = (width + margin - scene->ox) / scene->zoom;
      band->clip[3] = (bottom + margin - scene->oy) / scene->zoom;
      if (b + 1 < n_bands)
        threads[b] = g_thread_new ("qg-overview", draw_band, band);
    }
  draw_band (&bands[n_bands - 1]);
  for (guint b = 0; b + 1 < n_bands; b++)
    g_thread_join (threads[b]);
  cairo_surface_mark_dirty (image);
}

/* ------------------------------------------------------------------------ */
/* A large map is drawn away from the frames: while its image is drawn in
 * threads, the frames show the last one, moved and scaled to where the
 * view is now, so that the keys and the pointer are answered at once.
 * From 2,000 items: the 3,000 of a map of 1,000 entities took 5 ms of
 * each frame's 16 on the 2-core machine. */

#define BACKGROUND_ITEMS 2000

typedef struct
{
  Scene            scene;
  cairo_surface_t *image;
  guint            serial;
  double           zoom;   /* the view's, in widget pixels */
  double           ox;
  double           oy;
} Drawing;

static void
drawing_free (Drawing *drawing)
{
  clear_scene (&drawing->scene);
  g_clear_pointer (&drawing->image, cairo_surface_destroy);
  g_free (drawing);
}

static void
draw_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Drawing *drawing = task_data;

  draw_scene (&drawing->scene, drawing->image);
  g_task_return_boolean (task, TRUE);
}

static void
drawn_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  QgGraphView *self = QG_GRAPH_VIEW (source);
  Drawing *drawing = g_task_get_task_data (G_TASK (result));

  self->drawing = FALSE;
  if (self->layout == NULL)
    return;
  /* Of a layout gone since, it shows nothing of what is: the next frame
   * begins the image of the new one. */
  gtk_widget_queue_draw (GTK_WIDGET (self));
  if (drawing->scene.layout != self->layout)
    return;
  g_clear_pointer (&self->overview, cairo_surface_destroy);
  self->overview = g_steal_pointer (&drawing->image);
  self->overview_serial = drawing->serial;
  self->overview_zoom = drawing->zoom;
  self->overview_ox = drawing->ox;
  self->overview_oy = drawing->oy;
  g_clear_pointer (&self->overview_layout, qg_layout_unref);
  self->overview_layout = qg_layout_ref (self->layout);
}

static void
draw_in_background (QgGraphView *self,
                    int          factor,
                    int          raster_width,
                    int          raster_height)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, drawn_cb, NULL);
  Drawing *drawing = g_new0 (Drawing, 1);

  make_scene (self, factor, &drawing->scene);
  drawing->image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, raster_width, raster_height);
  cairo_surface_set_device_scale (drawing->image, factor, factor);
  drawing->serial = self->serial;
  drawing->zoom = qg_viewport_get_zoom (self->viewport);
  qg_viewport_get_offset (self->viewport, &drawing->ox, &drawing->oy);
  self->drawing = TRUE;
  g_task_set_source_tag (task, draw_in_background);
  g_task_set_task_data (task, drawing, (GDestroyNotify) drawing_free);
  g_task_run_in_thread (task, draw_in_thread);
}

/* One image, reused from frame to frame while its size holds: cairo
 * copies it first if a frame still being drawn holds it. */
static void
reuse_image (cairo_surface_t **image,
             int               width,
             int               height,
             int               factor)
{
  if (*image != NULL && cairo_image_surface_get_width (*image) == width
      && cairo_image_surface_get_height (*image) == height)
    return;
  g_clear_pointer (image, cairo_surface_destroy);
  *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_set_device_scale (*image, factor, factor);
}

gboolean
qg_graph_view_is_drawing (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), FALSE);
  return self->drawing;
}

void
qg_graph_view_draw_overview (QgGraphView *self,
                             cairo_t     *cr,
                             double       width,
                             double       height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int raster_width = (int) ceil (width * factor);
  int raster_height = (int) ceil (height * factor);
  gboolean current = self->overview != NULL && self->overview_serial == self->serial
                     && self->overview_layout == self->layout
                     && cairo_image_surface_get_width (self->overview) == raster_width
                     && cairo_image_surface_get_height (self->overview) == raster_height;

  if (!current && qg_layout_get_n_nodes (self->layout) + qg_layout_get_n_edges (self->layout)
                  >= BACKGROUND_ITEMS)
    {
      double zoom = qg_viewport_get_zoom (self->viewport), ox, oy;

      if (!self->drawing)
        draw_in_background (self, factor, raster_width, raster_height);
      else
        /* The labels the frame draws over the image. */
        qg_graph_view_update_labels (self);

      /* Meanwhile, the last image where its map now is. */
      gdk_cairo_set_source_rgba (cr, &self->palette.background);
      cairo_paint (cr);
      if (self->overview == NULL || self->overview_layout != self->layout)
        return;
      qg_viewport_get_offset (self->viewport, &ox, &oy);
      cairo_save (cr);
      cairo_translate (cr, ox - self->overview_ox * zoom / self->overview_zoom,
                       oy - self->overview_oy * zoom / self->overview_zoom);
      cairo_scale (cr, zoom / self->overview_zoom, zoom / self->overview_zoom);
      cairo_set_source_surface (cr, self->overview, 0, 0);
      /* For a few frames, while the image follows: the fastest filter. */
      cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_FAST);
      cairo_paint (cr);
      cairo_restore (cr);
      return;
    }

  if (!current)
    {
      Scene scene = { 0 };

      reuse_image (&self->overview, raster_width, raster_height, factor);
      make_scene (self, factor, &scene);
      draw_scene (&scene, self->overview);
      clear_scene (&scene);
      self->overview_serial = self->serial;
      g_clear_pointer (&self->overview_layout, qg_layout_unref);
      self->overview_layout = qg_layout_ref (self->layout);
    }

  cairo_save (cr);
  cairo_set_source_surface (cr, self->overview, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
qg_graph_view_draw_near_edges (QgGraphView *self,
                               cairo_t     *cr,
                               double       width,
                               double       height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  Scene scene = { 0 };

  reuse_image (&self->near_edges, (int) ceil (width * factor), (int) ceil (height * factor),
               factor);
  make_scene (self, factor, &scene);
  scene.edges_only = TRUE;
  draw_scene (&scene, self->near_edges);
  clear_scene (&scene);

  cairo_save (cr);
  cairo_set_source_surface (cr, self->near_edges, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_restore (cr);
}
