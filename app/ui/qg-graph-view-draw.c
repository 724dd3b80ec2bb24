/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include "qg-graph-view-private.h"
#include "qg-op-path.h"

/* The map near: every shape as Graphviz drew it, with cairo, in batches;
 * and over it, in screen space, the names that would be too small to read
 * where Graphviz put them. */

/* Dashes shorter than this on screen are drawn as a fainter solid line:
 * they would not read, and cost the most to draw. */
#define DASH_MIN_PIXELS 1.0
/* Room around a name in its grown node, and between two names. */
#define NAME_PAD_X 5.0
#define NAME_PAD_Y 1.5
#define NAME_GAP 1.0
/* How far past the view's edges a name may reach. */
#define EDGE_SLACK 6.0
/* The places tried for an edge's label that must be shown. */
#define N_EDGE_SHIFTS 7
/* How much of a selection hidden by the filters shows. */
#define GHOST_ALPHA 0.45
/* Names drawn in screen space in one frame at the most, and the nodes of
 * each look tried for them, most connected first. */
#define MAX_SCREEN_LABELS 400
#define MAX_NODES_TRIED   1500
/* Edges in view above which they are drawn faster, by cairo and then by
 * the rasteriser, while no wider on screen than this. */
#define MANY_EDGES        200
#define RASTER_EDGES      250
#define RASTER_MAX_PIXELS 2.0
/* Names made in one placement: about 3 ms of Pango's time on the 2-core
 * machine (300 took 10 ms of the first frame of a map of 1,000
 * entities); and the time the main loop gives to making the rest when it
 * is idle. */
#define NAMES_PER_PLACEMENT 100
#define NAMES_SLICE_USEC    4000

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
set_line (QgGraphView *self,
          cairo_t     *cr,
          const QgOp  *op,
          double       extra_pixels)
{
  double zoom = qg_viewport_get_zoom (self->viewport);
  double width = MAX (op->pen_width, 1.0 / zoom) + extra_pixels / zoom;

  cairo_set_line_width (cr, width);
  if (op->dashed && 2 * zoom >= DASH_MIN_PIXELS)
    cairo_set_dash (cr, (double[]) { 5, 2 }, 2, 0);
  else if (op->dotted && 2 * zoom >= DASH_MIN_PIXELS)
    cairo_set_dash (cr, (double[]) { 1, 2 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

/* Fainter where the dashes were dropped. */
static double
dash_alpha (QgGraphView *self,
            const QgOp  *op)
{
  return (op->dashed || op->dotted) && 2 * qg_viewport_get_zoom (self->viewport) < DASH_MIN_PIXELS
         ? 0.6 : 1.0;
}

static PangoLayout *
text_layout (QgGraphView *self,
             guint        op_index,
             const QgOp  *op)
{
  PangoLayout *layout;
  PangoFontDescription *font;

  if (op_index < self->n_texts && self->texts[op_index] != NULL)
    return self->texts[op_index];

  layout = pango_layout_new (self->pango);
  /* The font Graphviz measured the labels with, at its size in points. */
  font = pango_font_description_from_string ("Helvetica");
  pango_font_description_set_size (font, (int) (op->h * PANGO_SCALE));
  /* A draft's label, in the oblique font Graphviz measured it in. */
  if (op->italic)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, op->text, -1);
  if (op_index < self->n_texts)
    self->texts[op_index] = layout;
  return layout;
}

/* Text that reads (@min_pixels or more on screen) is drawn as text; text
 * smaller, as the path of a bar where the line is (filled by the caller,
 * with all the others). */
static void
draw_text (QgGraphView   *self,
           cairo_t       *cr,
           guint          op_index,
           const GdkRGBA *color,
           double         alpha,
           double         dx,
           double         dy,
           gboolean       bars,
           double         min_pixels)
{
  const QgOp *op = qg_layout_get_op (self->layout, op_index);
  double pixels = op->h * qg_viewport_get_zoom (self->viewport);
  PangoLayout *layout;
  double left;
  int width, baseline;

  if (pixels < TEXT_NONE_PIXELS || op->text == NULL)
    return;
  if (pixels < min_pixels)
    {
      if (bars)
        cairo_rectangle (cr, qg_op_text_left (op) + dx, op->y - op->h * 0.6 + dy, op->w, op->h * 0.45);
      return;
    }
  if (bars)
    return;

  layout = text_layout (self, op_index, op);
  pango_layout_get_size (layout, &width, NULL);
  baseline = pango_layout_get_baseline (layout);
  /* Placed on Graphviz's anchor, whatever small difference in width. */
  left = op->align == QG_ALIGN_CENTER ? op->x - (double) width / PANGO_SCALE / 2
         : op->align == QG_ALIGN_RIGHT ? op->x - (double) width / PANGO_SCALE : op->x;
  set_color (cr, color, alpha);
  cairo_move_to (cr, left + dx, op->y - (double) baseline / PANGO_SCALE + dy);
  pango_cairo_show_layout (cr, layout);
}

static gboolean
visible (const QgItem *item,
         const double  clip[4],
         double        dx,
         double        dy)
{
  return item->x1 + dx >= clip[0] && item->x0 + dx <= clip[2]
         && item->y1 + dy >= clip[1] && item->y0 + dy <= clip[3];
}

/* Adds the path of an item's shape ops: filled ones, or all for a stroke. */
static const QgOp *
path_item (QgGraphView  *self,
           cairo_t      *cr,
           const QgItem *item,
           gboolean      filled_only,
           double        dx,
           double        dy)
{
  const double *pts = qg_layout_get_points (self->layout);
  const QgOp *first = NULL;

  for (guint i = 0; i < item->n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_op + i);

      if (filled_only && !op->filled)
        continue;
      qg_op_path (cr, op, pts + 2 * op->first, dx, dy);
      if (first == NULL)
        first = op;
    }
  return first;
}

/* An edge's spline (not its arrowheads), and the style of its line. */
/* Whether any of a cubic piece of an edge passes through @view (x0, y0,
 * x1, y1, in layout points): the curve lies within the hull of its
 * points, split in halves until a half is out of it or no longer than
 * the view. An edge is seen in view by its box, and the long edges of a
 * large map have boxes across much of it: at 100% on 10,000 entities,
 * cairo stroked thousands that passed nowhere near the view. */
#define MAX_SPLITS  12
/* Pixels around the view in which lines are still drawn. */
#define VIEW_MARGIN 16.0

static gboolean
curve_seen (const double  p[8],
            const double *view,
            guint         depth)
{
  double x0 = MIN (MIN (p[0], p[2]), MIN (p[4], p[6]));
  double x1 = MAX (MAX (p[0], p[2]), MAX (p[4], p[6]));
  double y0 = MIN (MIN (p[1], p[3]), MIN (p[5], p[7]));
  double y1 = MAX (MAX (p[1], p[3]), MAX (p[5], p[7]));
  double half[2][8];

  if (x1 < view[0] || x0 > view[2] || y1 < view[1] || y0 > view[3])
    return FALSE;
  if (depth >= MAX_SPLITS || (x1 - x0 <= view[2] - view[0] && y1 - y0 <= view[3] - view[1]))
    return TRUE;
  /* de Casteljau at one half. */
  for (guint c = 0; c < 2; c++)
    {
      double a = (p[c] + p[2 + c]) / 2, b = (p[2 + c] + p[4 + c]) / 2;
      double d = (p[4 + c] + p[6 + c]) / 2, e = (a + b) / 2, f = (b + d) / 2;

      half[0][c] = p[c];
      half[0][2 + c] = a;
      half[0][4 + c] = e;
      half[0][6 + c] = half[1][c] = (e + f) / 2;
      half[1][2 + c] = f;
      half[1][4 + c] = d;
      half[1][6 + c] = p[6 + c];
    }
  return curve_seen (half[0], view, depth + 1) || curve_seen (half[1], view, depth + 1);
}

static gboolean
op_seen (const QgOp   *op,
         const double *pts,
         const double *view)
{
  if (op->kind != QG_OP_BEZIER || op->n_points < 4)
    return TRUE;
  for (guint k = 0; k + 3 < op->n_points; k += 3)
    if (curve_seen (pts + 2 * k, view, 0))
      return TRUE;
  return FALSE;
}

/* Whether so many lines cross the view, and so thin, that the
 * rasteriser draws them (a pixel wide, dashes as fainter lines) instead
 * of cairo: 1,000 of them crossing the view at 100% of a map of 10,000
 * entities took cairo 80 ms a frame. */
static gboolean
edges_for_raster (QgGraphView  *self,
                  const guint  *edges,
                  guint         n,
                  const double *view)
{
  const double *pts = qg_layout_get_points (self->layout);
  double zoom = qg_viewport_get_zoom (self->viewport);
  guint seen = 0;

  if (n < RASTER_EDGES)
    return FALSE;
  for (guint k = 0; k < n && seen < RASTER_EDGES; k++)
    {
      const QgItem *item = qg_layout_get_edge (self->layout, edges[k]);

      for (guint i = 0; i < item->n_ops; i++)
        {
          const QgOp *op = qg_layout_get_op (self->layout, item->first_op + i);

          if (op->filled)
            continue;
          if (op->pen_width * zoom > RASTER_MAX_PIXELS)
            return FALSE;
          if (op_seen (op, pts + 2 * op->first, view))
            {
              seen++;
              break;
            }
        }
    }
  return seen >= RASTER_EDGES;
}

/* @view: what of the map is seen, or NULL for all of it. Lines that pass
 * outside it are left out; the others are drawn whole, so that their
 * dashes stay where they are as the map moves. */
static const QgOp *
path_edge_line (QgGraphView  *self,
                cairo_t      *cr,
                const QgItem *item,
                const double *view)
{
  const double *pts = qg_layout_get_points (self->layout);
  const QgOp *line = NULL;

  for (guint i = 0; i < item->n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_op + i);

      if (op->filled)
        continue;
      /* The first line gives the edge its style, seen or not. */
      if (line == NULL)
        line = op;
      if (view == NULL || op_seen (op, pts + 2 * op->first, view))
        qg_op_path (cr, op, pts + 2 * op->first, 0, 0);
    }
  return line;
}

/* While the nodes move, an edge is a straight line between them. */
static void
draw_moving_edges (QgGraphView *self,
                   cairo_t     *cr,
                   const guint *edges,
                   guint        n)
{
  for (guint stance = 0; stance < 3; stance++)
    {
      for (guint k = 0; k < n; k++)
        {
          const QgRelation *r = qg_document_get_relation (self->document, edges[k]);
          const QgItem *a, *b;
          double ax, ay, bx, by;

          if (r->stance != stance || qg_graph_view_is_hidden_item (self, QG_ITEM_EDGE, edges[k]))
            continue;
          a = qg_layout_get_node (self->layout, r->source);
          b = qg_layout_get_node (self->layout, r->target);
          qg_graph_view_node_offset (self, r->source, &ax, &ay);
          qg_graph_view_node_offset (self, r->target, &bx, &by);
          cairo_move_to (cr, a->cx + ax, a->cy + ay);
          cairo_line_to (cr, b->cx + bx, b->cy + by);
        }
      set_color (cr, &self->palette.stance[stance], 0.7);
      cairo_set_line_width (cr, MAX (1.0, 1.0 / qg_viewport_get_zoom (self->viewport)));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
}

/* Edges are stroked in batches of one stance, one look, drafts apart: the
 * batch's line is the style of its first edge. */
static gboolean
in_edge_batch (QgGraphView *self,
               guint        index,
               guint        stance,
               Look         look,
               gboolean     draft)
{
  const QgRelation *relation = qg_document_get_relation (self->document, index);

  return relation->stance == stance && relation->draft == draft
         && qg_graph_view_look_of (self->edge_emphasis, index) == look
         && !qg_graph_view_is_special_item (self, QG_ITEM_EDGE, index);
}

static void
draw_edge_batch (QgGraphView *self,
                 cairo_t     *cr,
                 const guint *edges,
                 guint        n,
                 guint         stance,
                 Look          look,
                 gboolean      draft,
                 const double *view)
{
  const QgOp *style = NULL;

  for (guint k = 0; k < n; k++)
    if (in_edge_batch (self, edges[k], stance, look, draft))
      {
        const QgOp *line = path_edge_line (self, cr, qg_layout_get_edge (self->layout, edges[k]),
                                           view);
        style = style ? style : line;
      }
  if (style == NULL)
    {
      cairo_new_path (cr);
      return;
    }
  set_color (cr, &self->palette.stance[stance],
             qg_graph_view_look_alpha (look) * dash_alpha (self, style));
  set_line (self, cr, style, 0);
  /* Many edges in view are drawn with cairo's faster antialiasing: alike
   * to the eye, and in half the time (a frame of 1,000 entities at 100%,
   * their long edges crossing the view, took 55 ms, most of it there). */
  if (n > MANY_EDGES)
    cairo_set_antialias (cr, CAIRO_ANTIALIAS_FAST);
  cairo_stroke (cr);
  cairo_set_antialias (cr, CAIRO_ANTIALIAS_DEFAULT);

  /* Arrowheads, filled in the same colour. */
  for (guint k = 0; k < n; k++)
    if (in_edge_batch (self, edges[k], stance, look, draft))
      path_item (self, cr, qg_layout_get_edge (self->layout, edges[k]), TRUE, 0, 0);
  set_color (cr, &self->palette.stance[stance], qg_graph_view_look_alpha (look));
  cairo_fill (cr);
}

/* The selected or hovered edge, with a halo in the accent colour. */
static void
draw_special_edge (QgGraphView *self,
                   cairo_t     *cr,
                   guint        index)
{
  const QgItem *item = qg_layout_get_edge (self->layout, index);
  const QgRelation *relation = qg_document_get_relation (self->document, index);
  gboolean selected = self->selection_kind == QG_ITEM_EDGE && self->selection_index == index;
  const QgOp *line;

  line = path_edge_line (self, cr, item, NULL);
  if (line != NULL)
    {
      set_color (cr, &self->palette.accent, selected ? 0.45 : 0.25);
      set_line (self, cr, line, selected ? 6 : 4);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke_preserve (cr);
      set_color (cr, &self->palette.stance[relation->stance], 1);
      set_line (self, cr, line, selected ? 1 : 0.5);
      cairo_stroke (cr);
    }
  path_item (self, cr, item, TRUE, 0, 0);
  set_color (cr, &self->palette.stance[relation->stance], 1);
  cairo_fill (cr);
}

/* Nodes are filled and stroked in batches of one kind, one look, drafts
 * apart: the batch's outline is the style of its first node. */
static void
draw_node_batch (QgGraphView  *self,
                 cairo_t      *cr,
                 const guint  *nodes,
                 guint         n,
                 const guint8 *grown,
                 guint         kind,
                 Look          look,
                 gboolean      draft)
{
  const QgOp *style = NULL;

  /* Fill all the outlines, then stroke them all. */
  for (int pass = 0; pass < 2; pass++)
    {
      for (guint k = 0; k < n; k++)
        {
          guint i = nodes[k];
          double dx, dy;
          const QgOp *op;

          if (self->entity_kind[i] != kind
              || qg_document_get_entity (self->document, i)->draft != draft
              || qg_graph_view_look_of (self->node_emphasis, i) != look
              || qg_graph_view_is_special_item (self, QG_ITEM_NODE, i) || grown[i])
            continue;
          qg_graph_view_node_offset (self, i, &dx, &dy);
          op = path_item (self, cr, qg_layout_get_node (self->layout, i), pass == 0, dx, dy);
          style = style ? style : op;
        }
      if (style == NULL)
        {
          cairo_new_path (cr);
          return;
        }
      if (pass == 0)
        {
          set_color (cr, &self->palette.fill[kind], qg_graph_view_look_alpha (look));
          cairo_fill (cr);
        }
      else
        {
          set_color (cr, &self->palette.stroke[kind],
                     qg_graph_view_look_alpha (look) * dash_alpha (self, style));
          set_line (self, cr, style, 0);
          cairo_stroke (cr);
        }
    }
}

static void
draw_special_node (QgGraphView *self,
                   cairo_t     *cr,
                   guint        index)
{
  const QgItem *item = qg_layout_get_node (self->layout, index);
  guint kind = self->entity_kind[index];
  gboolean selected = self->selection_kind == QG_ITEM_NODE && self->selection_index == index;
  double dx, dy;
  const QgOp *style;

  qg_graph_view_node_offset (self, index, &dx, &dy);
  path_item (self, cr, item, TRUE, dx, dy);
  set_color (cr, &self->palette.fill[kind], 1);
  cairo_fill (cr);
  style = path_item (self, cr, item, FALSE, dx, dy);
  if (style != NULL)
    {
      set_color (cr, &self->palette.accent, 1);
      set_line (self, cr, style, selected ? 2.5 : 1.5);
      cairo_stroke (cr);
    }
  else
    cairo_new_path (cr);
  for (guint i = 0; i < item->n_texts; i++)
    draw_text (self, cr, item->first_text + i, &self->palette.node_text, 1, dx, dy, FALSE,
               TEXT_MIN_PIXELS);
}

/* The labels of a set of items where Graphviz placed them: bars in one
 * fill per look (if @bars), then text (if @texts) where it is @min_pixels
 * or more on screen. Items in @skip are left out. */
static void
draw_labels (QgGraphView   *self,
             cairo_t       *cr,
             const guint   *items,
             guint          n,
             QgItemKind     kind,
             const guint8  *skip,
             gboolean       bars,
             gboolean       texts,
             double         min_pixels,
             const GdkRGBA *color)
{
  const guint8 *emphasis = kind == QG_ITEM_NODE ? self->node_emphasis : self->edge_emphasis;

  for (Look look = 0; look < N_LOOKS; look++)
    {
      for (int pass = 1; pass >= 0; pass--)
        {
          if ((pass == 1 && !bars) || (pass == 0 && !texts))
            continue;
          for (guint k = 0; k < n; k++)
            {
              guint i = items[k];
              const QgItem *item = kind == QG_ITEM_NODE ? qg_layout_get_node (self->layout, i)
                                                        : qg_layout_get_edge (self->layout, i);
              double dx = 0, dy = 0;

              if (qg_graph_view_look_of (emphasis, i) != look
                  || qg_graph_view_is_special_item (self, kind, i) || (skip && skip[i]))
                continue;
              if (kind == QG_ITEM_NODE)
                qg_graph_view_node_offset (self, i, &dx, &dy);
              for (guint t = 0; t < item->n_texts; t++)
                draw_text (self, cr, item->first_text + t, color,
                           qg_graph_view_look_alpha (look), dx, dy, pass == 1, min_pixels);
            }
          if (pass == 1)
            {
              set_color (cr, color, qg_graph_view_look_alpha (look) * 0.35);
              cairo_fill (cr);
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Names in screen space                                                     */

static double
edge_font (QgGraphView *self,
           guint        index)
{
  const QgItem *item = qg_layout_get_edge (self->layout, index);

  return item->n_texts > 0 ? qg_layout_get_op (self->layout, item->first_text)->h : 0;
}

/* Breaks @text, on one line, into @lines at the spaces nearest to equal
 * parts. */
static void
break_in (GString *text,
          guint    lines)
{
  gssize previous = -1;

  for (guint k = 1; k < lines; k++)
    {
      gssize ideal = (gssize) (k * text->len / lines);
      gssize best = -1;

      for (gssize i = previous + 1; i < (gssize) text->len; i++)
        if (text->str[i] == ' ' && (best < 0 || ABS (i - ideal) < ABS (best - ideal)))
          best = i;
      if (best < 0)
        return;
      text->str[best] = '\n';
      previous = best;
    }
}

/* An item's label in the interface's font at the names' size: as Graphviz broke
 * it into lines, in three, in two, or on one; made once, since its size on
 * screen never changes. */
static PangoLayout *
screen_text (QgGraphView *self,
             QgItemKind   kind,
             guint        index,
             NameBreak    shape)
{
  PangoLayout **slot = kind == QG_ITEM_NODE ? &self->node_names[N_NAME_BREAKS * index + shape]
                                            : &self->edge_names[index];
  const QgItem *item = kind == QG_ITEM_NODE ? qg_layout_get_node (self->layout, index)
                                            : qg_layout_get_edge (self->layout, index);
  g_autoptr(GString) text = NULL;
  PangoFontDescription *font;

  if (*slot != NULL)
    return *slot;

  text = g_string_new (NULL);
  if (self->names_to_make > 0)
    self->names_to_make--;
  for (guint t = 0; t < item->n_texts; t++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_text + t);

      if (t > 0)
        g_string_append_c (text, shape == NAME_AS_GRAPHVIZ ? '\n' : ' ');
      g_string_append (text, op->text ? op->text : "");
    }
  if (shape == NAME_IN_TWO)
    break_in (text, 2);
  else if (shape == NAME_IN_THREE)
    break_in (text, 3);
  *slot = gtk_widget_create_pango_layout (GTK_WIDGET (self), text->str);
  font = pango_font_description_copy (pango_context_get_font_description (
                                        pango_layout_get_context (*slot)));
  if (self->names_font == NULL)
    {
      const cairo_font_options_t *options =
        pango_cairo_context_get_font_options (pango_layout_get_context (*slot));

      self->names_font = pango_font_description_copy (font);
      self->names_options = options != NULL ? cairo_font_options_copy (options) : NULL;
    }
  pango_font_description_set_absolute_size (font, self->name_pixels * PANGO_SCALE);
  /* Edge labels read as such in italics, and so do drafts' names, as
   * Graphviz draws them. */
  if (kind == QG_ITEM_EDGE || qg_document_get_entity (self->document, index)->draft)
    pango_font_description_set_style (font, PANGO_STYLE_ITALIC);
  pango_layout_set_font_description (*slot, font);
  pango_font_description_free (font);
  pango_layout_set_alignment (*slot, PANGO_ALIGN_CENTER);
  /* Lines of one name a little closer than a paragraph's. */
  pango_layout_set_line_spacing (*slot, 0.9);
  return *slot;
}

/* An item's name for a placement, or NULL if it is not made yet and this
 * placement has made its share: the selection's and the hovered item's
 * (@forced) are made at once. */
static PangoLayout *
name_for_placement (QgGraphView *self,
                    QgItemKind   kind,
                    guint        index,
                    NameBreak    shape,
                    gboolean     forced)
{
  PangoLayout *made = kind == QG_ITEM_NODE ? self->node_names[N_NAME_BREAKS * index + shape]
                                           : self->edge_names[index];

  if (made == NULL && !forced && self->names_to_make == 0)
    {
      self->names_waiting = TRUE;
      return NULL;
    }
  return screen_text (self, kind, index, shape);
}

/* A name's glyphs, drawn once into a mask of their coverage, kept with
 * its layout: the names are the same size at every zoom, and painting a
 * mask costs a fraction of laying glyphs out again each frame. */
static G_DEFINE_QUARK (qg-graph-view-name-mask, name_mask)

static void
show_name (QgGraphView   *self,
           cairo_t       *cr,
           PangoLayout   *layout,
           double         cx,
           double         cy,
           const GdkRGBA *color,
           double         alpha)
{
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  cairo_surface_t *mask = g_object_get_qdata (G_OBJECT (layout), name_mask_quark ());
  PangoRectangle ink, logical;
  double x, y, sx = 0;

  pango_layout_get_pixel_extents (layout, &ink, &logical);
  if (mask != NULL)
    cairo_surface_get_device_scale (mask, &sx, NULL);
  if (mask == NULL || sx != scale)
    {
      cairo_t *mask_cr;

      mask = cairo_image_surface_create (CAIRO_FORMAT_A8, (ink.width + 2) * scale,
                                         (ink.height + 2) * scale);
      cairo_surface_set_device_scale (mask, scale, scale);
      mask_cr = cairo_create (mask);
      cairo_move_to (mask_cr, 1 - ink.x, 1 - ink.y);
      pango_cairo_show_layout (mask_cr, layout);
      cairo_destroy (mask_cr);
      g_object_set_qdata_full (G_OBJECT (layout), name_mask_quark (), mask,
                               (GDestroyNotify) cairo_surface_destroy);
    }
  /* Where the layout would have been drawn, on whole device pixels. */
  x = round ((cx - logical.width / 2.0 - logical.x + ink.x - 1) * scale) / scale;
  y = round ((cy - logical.height / 2.0 - logical.y + ink.y - 1) * scale) / scale;
  set_color (cr, color, alpha);
  cairo_mask_surface (cr, mask, x, y);
}

/* How much larger than its text a node's outline must be to hold it. */
static void
shape_room (guint   kind,
            double *fx,
            double *fy,
            double *extra)
{
  const char *shape = qg_kind_get_style (kind)->shape;

  /* Round and pointed shapes reach past the text's box at its sides; a
   * component's tabs and a note's corner take room of their own. */
  *fx = *fy = 1.0;
  *extra = 0;
  if (g_str_equal (shape, "ellipse"))
    *fx = 1.12, *fy = 1.2;
  else if (g_str_equal (shape, "hexagon") || g_str_equal (shape, "octagon"))
    *fx = 1.12, *fy = 1.15;
  else if (g_str_equal (shape, "house"))
    *fx = 1.04, *fy = 1.3;
  else if (g_str_equal (shape, "component"))
    *extra = 10;
  else if (g_str_equal (shape, "note"))
    *extra = 6;
}

/* Where names may go in this frame: every shown node's own box is taken,
 * so that a grown node never hides another; names placed so far too. */
typedef struct
{
  double   zoom, ox, oy, width, height;
  GArray  *boxes;     /* double[4] per shown node, in widget pixels */
  guint   *owners;    /* node index per box */
  /* A grid of CELL pixels over the view, each cell listing boxes. */
  guint    columns, rows;
  guint   *cell_starts;
  guint   *cell_boxes;
  GArray  *placed;    /* double[4] */
  GArray **placed_in; /* per cell, or NULL: indices into placed */
} Room;

#define CELL 64.0

static void
cell_range (const Room *room,
            double      x0,
            double      y0,
            double      x1,
            double      y1,
            guint       range[4])
{
  range[0] = (guint) CLAMP (floor (x0 / CELL), 0, room->columns - 1);
  range[1] = (guint) CLAMP (floor (y0 / CELL), 0, room->rows - 1);
  range[2] = (guint) CLAMP (floor (x1 / CELL), 0, room->columns - 1);
  range[3] = (guint) CLAMP (floor (y1 / CELL), 0, room->rows - 1);
}

static void
room_init (QgGraphView *self,
           Room        *room,
           double       width,
           double       height,
           const guint *nodes,
           guint        n_nodes)
{
  guint n_cells, total = 0;
  g_autofree guint *fill = NULL;

  room->zoom = qg_viewport_get_zoom (self->viewport);
  qg_viewport_get_offset (self->viewport, &room->ox, &room->oy);
  room->width = width;
  room->height = height;
  room->columns = (guint) ceil (width / CELL) + 1;
  room->rows = (guint) ceil (height / CELL) + 1;
  n_cells = room->columns * room->rows;
  room->boxes = g_array_sized_new (FALSE, FALSE, sizeof (double) * 4, n_nodes);
  room->owners = g_new (guint, MAX (n_nodes, 1));
  room->placed = g_array_new (FALSE, FALSE, sizeof (double) * 4);
  room->placed_in = g_new0 (GArray *, n_cells);
  room->cell_starts = g_new0 (guint, n_cells + 1);
  fill = g_new0 (guint, n_cells);

  for (guint k = 0; k < n_nodes; k++)
    {
      const QgItem *node = qg_layout_get_node (self->layout, nodes[k]);
      double dx, dy, box[4];
      guint r[4];

      if (qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, nodes[k]))
        continue;
      qg_graph_view_node_offset (self, nodes[k], &dx, &dy);
      box[0] = (node->x0 + dx) * room->zoom + room->ox;
      box[1] = (node->y0 + dy) * room->zoom + room->oy;
      box[2] = (node->x1 + dx) * room->zoom + room->ox;
      box[3] = (node->y1 + dy) * room->zoom + room->oy;
      room->owners[room->boxes->len] = nodes[k];
      g_array_append_val (room->boxes, box);
      cell_range (room, box[0], box[1], box[2], box[3], r);
      for (guint y = r[1]; y <= r[3]; y++)
        for (guint x = r[0]; x <= r[2]; x++)
          room->cell_starts[y * room->columns + x + 1]++;
    }
  for (guint c = 0; c < n_cells; c++)
    {
      total += room->cell_starts[c + 1];
      room->cell_starts[c + 1] = total;
    }
  room->cell_boxes = g_new (guint, MAX (total, 1));
  for (guint b = 0; b < room->boxes->len; b++)
    {
      const double *box = &g_array_index (room->boxes, double, 4 * b);
      guint r[4];

      cell_range (room, box[0], box[1], box[2], box[3], r);
      for (guint y = r[1]; y <= r[3]; y++)
        for (guint x = r[0]; x <= r[2]; x++)
          {
            guint c = y * room->columns + x;
            room->cell_boxes[room->cell_starts[c] + fill[c]++] = b;
          }
    }
}

/* @box is taken by a name. */
static void
room_take (Room         *room,
           const double *box)
{
  guint index = room->placed->len;
  guint r[4];

  g_array_append_vals (room->placed, box, 1);
  cell_range (room, box[0], box[1], box[2], box[3], r);
  for (guint y = r[1]; y <= r[3]; y++)
    for (guint x = r[0]; x <= r[2]; x++)
      {
        GArray **in = &room->placed_in[y * room->columns + x];

        if (*in == NULL)
          *in = g_array_new (FALSE, FALSE, sizeof (guint));
        g_array_append_val (*in, index);
      }
}

static void
room_clear (Room *room)
{
  g_array_unref (room->boxes);
  g_array_unref (room->placed);
  for (guint c = 0; c < room->columns * room->rows; c++)
    g_clear_pointer (&room->placed_in[c], g_array_unref);
  g_free (room->placed_in);
  g_free (room->owners);
  g_free (room->cell_starts);
  g_free (room->cell_boxes);
}

static gboolean
overlaps (const double *a,
          const double *b,
          double        gap)
{
  return a[0] < b[2] + gap && b[0] < a[2] + gap && a[1] < b[3] + gap && b[1] < a[3] + gap;
}

/* Whether @box is free of every name placed. */
static gboolean
room_is_free_of_names (const Room   *room,
                       const double *box)
{
  guint r[4];

  cell_range (room, box[0] - NAME_GAP, box[1] - NAME_GAP, box[2] + NAME_GAP, box[3] + NAME_GAP,
              r);
  for (guint y = r[1]; y <= r[3]; y++)
    for (guint x = r[0]; x <= r[2]; x++)
      {
        GArray *in = room->placed_in[y * room->columns + x];

        for (guint i = 0; in != NULL && i < in->len; i++)
          if (overlaps (box, &g_array_index (room->placed, double,
                                             4 * g_array_index (in, guint, i)), NAME_GAP))
            return FALSE;
      }
  return TRUE;
}

/* Whether @box is free of every other node and every name placed. */
static gboolean
room_is_free (const Room   *room,
              const double *box,
              gint          self_node)
{
  guint r[4];

  if (!room_is_free_of_names (room, box))
    return FALSE;
  cell_range (room, box[0], box[1], box[2], box[3], r);
  for (guint y = r[1]; y <= r[3]; y++)
    for (guint x = r[0]; x <= r[2]; x++)
      {
        guint c = y * room->columns + x;

        for (guint k = room->cell_starts[c]; k < room->cell_starts[c + 1]; k++)
          {
            guint b = room->cell_boxes[k];

            if ((gint) room->owners[b] != self_node
                && overlaps (box, &g_array_index (room->boxes, double, 4 * b), 1))
              return FALSE;
          }
      }
  return TRUE;
}

/* Where a name may sit, as fractions of the room it has to move: on its
 * node first, then shifted, always over the node's middle. */
static const double name_offsets[][2] = {
  { 0, 0 }, { 0, -1 }, { 0, 1 }, { -1, 0 }, { 1, 0 }, { -1, -1 }, { 1, -1 }, { -1, 1 }, { 1, 1 },
};

/* Fewer lines are tried where Graphviz made more. */
static gboolean
name_is_tried (const QgItem *node,
               NameBreak     shape)
{
  return node->n_texts > 0
         && !((shape == NAME_IN_THREE && node->n_texts < 4)
              || (shape == NAME_IN_TWO && node->n_texts < 3)
              || (shape == NAME_ON_ONE && node->n_texts < 2));
}

/* The selection, when the filters hide it, and the hidden ends of a
 * hidden relation selected: drawn faint, with their names. */
static gboolean
is_ghost_item (QgGraphView *self,
               QgItemKind   kind,
               guint        index)
{
  if (!qg_graph_view_is_hidden_item (self, kind, index))
    return FALSE;
  if (self->selection_kind == kind && self->selection_index == index)
    return TRUE;
  if (kind == QG_ITEM_NODE && self->selection_kind == QG_ITEM_EDGE
      && qg_graph_view_is_hidden_item (self, QG_ITEM_EDGE, self->selection_index))
    {
      const QgRelation *relation = qg_document_get_relation (self->document,
                                                             self->selection_index);

      return (guint) relation->source == index || (guint) relation->target == index;
    }
  return FALSE;
}

static gboolean
is_ghost (QgGraphView *self,
          guint        index)
{
  return is_ghost_item (self, QG_ITEM_NODE, index);
}

static void
try_node (QgGraphView *self,
          Room        *room,
          guint        index,
          gboolean     forced,
          guint8      *grown)
{
  const QgItem *node = qg_layout_get_node (self->layout, index);
  double fx, fy, extra, nw, nh, cx, cy, dx, dy;
  ScreenLabel label = { QG_ITEM_NODE, index, self->name_pixels };

  if (grown[index] || node->n_texts == 0
      || (qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, index) && !is_ghost (self, index))
      || self->screen_labels->len >= MAX_SCREEN_LABELS)
    return;
  shape_room (self->entity_kind[index], &fx, &fy, &extra);
  nw = (node->x1 - node->x0) * room->zoom;
  nh = (node->y1 - node->y0) * room->zoom;
  qg_graph_view_node_offset (self, index, &dx, &dy);
  cx = (node->cx + dx) * room->zoom + room->ox;
  cy = (node->cy + dy) * room->zoom + room->oy;

  /* On the node as Graphviz broke it, or on one line (which a short name
   * already is); then shifted. A name stays on screen but when it is the
   * selection's or under the pointer. */
  for (guint k = 0; k < G_N_ELEMENTS (name_offsets); k++)
    for (guint j = 0; j < N_NAME_BREAKS; j++)
      {
        /* A name Graphviz broke in two reads best on one line, if there is
         * room for it; a longer one, as Graphviz broke it. */
        NameBreak shape = node->n_texts == 2 ? (NameBreak) (N_NAME_BREAKS - 1 - j) : j;
        PangoRectangle extents;
        double w, h, room_x, room_y, x, y, box[4];

        if (!name_is_tried (node, shape))
          continue;
        PangoLayout *text = name_for_placement (self, QG_ITEM_NODE, index, shape, forced);

        /* Not made yet: the node waits for the next placement, where it
         * has every way of showing its name again. */
        if (text == NULL)
          return;
        pango_layout_get_pixel_extents (text, NULL, &extents);
        /* The box that must be free is the grown outline's. */
        w = MAX ((extents.width + 2 * NAME_PAD_X) * fx + extra, nw);
        h = MAX ((extents.height + 2 * NAME_PAD_Y) * fy, nh);
        room_x = MAX (w / 2 - nw / 2 - 2, 0);
        room_y = MAX (h / 2 - 4, 0);
        if ((name_offsets[k][0] != 0 && room_x <= 0) || (name_offsets[k][1] != 0 && room_y <= 0))
          continue;
        x = cx + name_offsets[k][0] * room_x;
        y = cy + name_offsets[k][1] * room_y;
        /* Moved, the outline reaches from the node's own place to the
         * name: one shape, where the node is and where its name reads. */
        box[0] = MIN (x - w / 2, cx - nw / 2);
        box[1] = MIN (y - h / 2, cy - nh / 2);
        box[2] = MAX (x + w / 2, cx + nw / 2);
        box[3] = MAX (y + h / 2, cy + nh / 2);
        if (!forced && (box[0] < -EDGE_SLACK || box[1] < -EDGE_SLACK
                        || box[2] > room->width + EDGE_SLACK
                        || box[3] > room->height + EDGE_SLACK || !room_is_free (room, box, index)))
          continue;

        label.shape = shape;
        label.x0 = box[0];
        label.y0 = box[1];
        label.x1 = box[2];
        label.y1 = box[3];
        label.tx = x;
        label.ty = y;
        label.gx = nw > 0 ? (box[2] - box[0]) / nw : 1;
        label.gy = nh > 0 ? (box[3] - box[1]) / nh : 1;
        room_take (room, box);
        g_array_append_val (self->screen_labels, label);
        grown[index] = TRUE;
        return;
      }
}

static void
try_edge (QgGraphView *self,
          Room        *room,
          guint        index,
          gboolean     forced)
{
  const QgItem *edge = qg_layout_get_edge (self->layout, index);
  PangoLayout *text;
  PangoRectangle extents;
  double cx, cy, box[4];
  ScreenLabel label = { QG_ITEM_EDGE, index, self->name_pixels };

  if (edge->n_texts == 0
      || (qg_graph_view_is_hidden_item (self, QG_ITEM_EDGE, index)
          && !is_ghost_item (self, QG_ITEM_EDGE, index))
      || self->screen_labels->len >= MAX_SCREEN_LABELS)
    return;
  for (guint i = 0; i < self->screen_labels->len; i++)
    {
      const ScreenLabel *other = &g_array_index (self->screen_labels, ScreenLabel, i);

      if (other->kind == QG_ITEM_EDGE && other->index == index)
        return;
    }
  text = name_for_placement (self, QG_ITEM_EDGE, index, NAME_AS_GRAPHVIZ, forced);
  if (text == NULL)
    return;
  pango_layout_get_pixel_extents (text, NULL, &extents);
  /* Where Graphviz put it. One that must be shown (the selection's, the
   * one under the pointer) may move beside it, a height or two above or
   * below or half its width aside: to where it is clear, else to where it
   * covers no name, only nodes faded behind it; else it stays, over the
   * rest. */
  for (guint k = 0; k < (forced ? 2 * N_EDGE_SHIFTS + 1 : 1); k++)
    {
      static const double shifts[N_EDGE_SHIFTS][2] = {
        { 0, 0 }, { 0, -1 }, { 0, 1 }, { -0.6, 0 }, { 0.6, 0 }, { 0, -2 }, { 0, 2 },
      };
      const double *shift = shifts[k % N_EDGE_SHIFTS];

      cx = edge->cx * room->zoom + room->ox + shift[0] * (extents.width + 8);
      cy = edge->cy * room->zoom + room->oy + shift[1] * (extents.height + 6);
      box[0] = cx - extents.width / 2.0 - 4;
      box[1] = cy - extents.height / 2.0 - 2;
      box[2] = cx + extents.width / 2.0 + 4;
      box[3] = cy + extents.height / 2.0 + 2;
      if (box[2] < 0 || box[3] < 0 || box[0] > room->width || box[1] > room->height)
        continue;
      /* Moved, it is moved to where it reads whole. */
      if (k % N_EDGE_SHIFTS != 0
          && (box[0] < -EDGE_SLACK || box[1] < -EDGE_SLACK || box[2] > room->width + EDGE_SLACK
              || box[3] > room->height + EDGE_SLACK))
        continue;
      if (k == 2 * N_EDGE_SHIFTS || (k < N_EDGE_SHIFTS && room_is_free (room, box, -1))
          || (k >= N_EDGE_SHIFTS && room_is_free_of_names (room, box)))
        break;
    }
  if (box[2] < 0 || box[3] < 0 || box[0] > room->width || box[1] > room->height)
    return;
  if (!forced && !room_is_free (room, box, -1))
    return;
  label.x0 = box[0];
  label.y0 = box[1];
  label.x1 = box[2];
  label.y1 = box[3];
  label.gx = label.gy = 1;
  room_take (room, box);
  g_array_append_val (self->screen_labels, label);
}

/* Decides which names are drawn where, most important first: the selection
 * and what is under the pointer, what the search found, the selection's
 * neighbours, then the most connected nodes, each where it finds room.
 * Fills self->screen_labels and marks the grown nodes. */
static void
place_labels (QgGraphView *self,
              double       width,
              double       height,
              const guint *nodes,
              guint        n_nodes,
              const guint *edges,
              guint        n_edges,
              guint8      *grown)
{
  double zoom = qg_viewport_get_zoom (self->viewport);
  guint n_all = qg_layout_get_n_nodes (self->layout);
  g_autofree guint8 *shown = g_new0 (guint8, MAX (n_all, 1));
  Room room;

  g_array_set_size (self->screen_labels, 0);

  /* Near enough, every label is Graphviz's own, at its size. */
  if (self->node_font * zoom >= self->name_pixels)
    {
      for (guint k = 0; k < n_nodes; k++)
        if (!qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, nodes[k]))
          {
            ScreenLabel label = { QG_ITEM_NODE, nodes[k], self->node_font * zoom };
            g_array_append_val (self->screen_labels, label);
          }
      for (guint k = 0; k < n_edges; k++)
        if (!qg_graph_view_is_hidden_item (self, QG_ITEM_EDGE, edges[k]))
          {
            ScreenLabel label = { QG_ITEM_EDGE, edges[k], edge_font (self, edges[k]) * zoom };
            g_array_append_val (self->screen_labels, label);
          }
      return;
    }

  room_init (self, &room, width, height, nodes, n_nodes);
  /* Under the zoom buttons a name would not read: only a name that must
   * be shown goes there. */
  if (self->obscuring != NULL && gtk_widget_get_mapped (self->obscuring))
    {
      graphene_rect_t bounds;

      if (gtk_widget_compute_bounds (self->obscuring, GTK_WIDGET (self), &bounds))
        room_take (&room, (double[]) { bounds.origin.x, bounds.origin.y,
                                       bounds.origin.x + bounds.size.width,
                                       bounds.origin.y + bounds.size.height });
    }
  for (guint k = 0; k < n_nodes; k++)
    shown[nodes[k]] = TRUE;

  if (self->selection_kind == QG_ITEM_NODE && shown[self->selection_index])
    try_node (self, &room, self->selection_index, TRUE, grown);
  /* A relation's two ends are named first: it reads from one to the
   * other, and its label finds room beside them. */
  if (self->selection_kind == QG_ITEM_EDGE)
    {
      const QgRelation *relation = qg_document_get_relation (self->document,
                                                             self->selection_index);

      if (shown[relation->source])
        try_node (self, &room, relation->source, TRUE, grown);
      if (shown[relation->target])
        try_node (self, &room, relation->target, TRUE, grown);
      try_edge (self, &room, self->selection_index, TRUE);
    }
  for (guint k = 0; k < n_nodes && self->matched_nodes != NULL; k++)
    if (self->matched_nodes[nodes[k]])
      try_node (self, &room, nodes[k], FALSE, grown);
  for (guint k = 0; k < n_nodes && self->node_emphasis != NULL; k++)
    if (self->node_emphasis[nodes[k]] == EMPHASIS_NEAR)
      try_node (self, &room, nodes[k], FALSE, grown);
  for (guint k = 0; k < n_edges && self->edge_emphasis != NULL; k++)
    if (self->edge_emphasis[edges[k]] == EMPHASIS_NEAR)
      try_edge (self, &room, edges[k], FALSE);
  /* Then the rest, hubs first; dimmed ones last; and not more of them
   * than can find room: each try looks at the room around the node, and
   * 10,000 entities seen whole took 30 ms of a frame. */
  for (Look look = N_LOOKS; look-- > 0;)
    for (guint k = 0, tried = 0; k < n_all && tried < MAX_NODES_TRIED; k++)
      {
        guint i = self->label_order[k];

        if (shown[i] && qg_graph_view_look_of (self->node_emphasis, i) == look)
          {
            try_node (self, &room, i, FALSE, grown);
            tried++;
          }
      }
  /* What is under the pointer shows its name, over the others, which stay
   * where they were. */
  if (self->hover_kind == QG_ITEM_NODE && shown[self->hover_index])
    try_node (self, &room, self->hover_index, TRUE, grown);
  if (self->hover_kind == QG_ITEM_EDGE)
    try_edge (self, &room, self->hover_index, TRUE);
  /* Edge labels that read where Graphviz put them count as drawn. */
  if (self->max_font * zoom >= EDGE_LABEL_MIN_PIXELS)
    for (guint k = 0; k < n_edges; k++)
      {
        ScreenLabel label = { QG_ITEM_EDGE, edges[k], edge_font (self, edges[k]) * zoom };

        if (!qg_graph_view_is_hidden_item (self, QG_ITEM_EDGE, edges[k])
            && !qg_graph_view_is_special_item (self, QG_ITEM_EDGE, edges[k]))
          g_array_append_val (self->screen_labels, label);
      }
  room_clear (&room);
}

/* A grown node and its name, in screen space; the name alone if @outlined
 * (the rasteriser drew the outline), but for the selection's. */
static void
draw_screen_node (QgGraphView       *self,
                  cairo_t           *cr,
                  const ScreenLabel *label,
                  gboolean           outlined)
{
  const QgItem *node = qg_layout_get_node (self->layout, label->index);
  guint kind = self->entity_kind[label->index];
  gboolean selected = self->selection_kind == QG_ITEM_NODE && self->selection_index == label->index;
  gboolean special = qg_graph_view_is_special_item (self, QG_ITEM_NODE, label->index);
  double alpha = qg_graph_view_look_alpha (qg_graph_view_look_of (self->node_emphasis,
                                                                  label->index));
  double zoom = qg_viewport_get_zoom (self->viewport);
  PangoLayout *text = screen_text (self, QG_ITEM_NODE, label->index, label->shape);
  double cx = (label->x0 + label->x1) / 2, cy = (label->y0 + label->y1) / 2;
  double dx, dy;
  const QgOp *style;
  cairo_matrix_t matrix;

  if (special)
    alpha = 1;
  if (outlined && !special)
    goto name;
  qg_graph_view_node_offset (self, label->index, &dx, &dy);
  cairo_get_matrix (cr, &matrix);
  cairo_translate (cr, cx, cy);
  cairo_scale (cr, zoom * label->gx, zoom * label->gy);
  cairo_translate (cr, -(node->cx + dx), -(node->cy + dy));
  path_item (self, cr, node, TRUE, dx, dy);
  cairo_set_matrix (cr, &matrix);
  set_color (cr, &self->palette.fill[kind], alpha);
  cairo_fill (cr);

  cairo_translate (cr, cx, cy);
  cairo_scale (cr, zoom * label->gx, zoom * label->gy);
  cairo_translate (cr, -(node->cx + dx), -(node->cy + dy));
  style = path_item (self, cr, node, FALSE, dx, dy);
  cairo_set_matrix (cr, &matrix);
  if (style != NULL)
    {
      cairo_set_line_width (cr, special ? (selected ? 3 : 2) : 1.25);
      if (style->dashed && !special)
        cairo_set_dash (cr, (double[]) { 4, 2 }, 2, 0);
      else if (style->dotted && !special)
        cairo_set_dash (cr, (double[]) { 1, 2 }, 2, 0);
      else
        cairo_set_dash (cr, NULL, 0, 0);
      set_color (cr, special ? &self->palette.accent : &self->palette.stroke[kind], alpha);
      cairo_stroke (cr);
    }
  else
    cairo_new_path (cr);

name:
  show_name (self, cr, text, label->tx, label->ty, &self->palette.node_text, alpha);
}

static void
draw_screen_edge_label (QgGraphView       *self,
                        cairo_t           *cr,
                        const ScreenLabel *label)
{
  PangoLayout *text = screen_text (self, QG_ITEM_EDGE, label->index, NAME_AS_GRAPHVIZ);
  const QgRelation *relation = qg_document_get_relation (self->document, label->index);
  double x = label->x0, y = label->y0, w = label->x1 - label->x0, h = label->y1 - label->y0;
  double r = 4;

  /* A plate under it, so that it reads over the lines it crosses. */
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
  set_color (cr, &self->palette.background, 0.9);
  cairo_fill_preserve (cr);
  set_color (cr, &self->palette.stance[relation->stance], 0.8);
  cairo_set_line_width (cr, 1);
  /* A draft's plate is dotted, as its line is. */
  if (relation->draft)
    cairo_set_dash (cr, (double[]) { 1, 2 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
  cairo_stroke (cr);

  show_name (self, cr, text, x + w / 2, y + h / 2, &self->palette.edge_text, 1);
}

/* The names placed in screen space, the least important first so that the
 * most important is on top. */
static void
draw_screen_labels (QgGraphView *self,
                    cairo_t     *cr,
                    gboolean     outlined)
{
  for (guint i = self->screen_labels->len; i-- > 0;)
    {
      const ScreenLabel *label = &g_array_index (self->screen_labels, ScreenLabel, i);
      gboolean ghost = is_ghost_item (self, label->kind, label->index);

      if (label->gx <= 0)
        continue;
      if (ghost)
        cairo_push_group (cr);
      if (label->kind == QG_ITEM_NODE)
        draw_screen_node (self, cr, label, outlined);
      else
        draw_screen_edge_label (self, cr, label);
      if (ghost)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, GHOST_ALPHA);
        }
    }
}

/* What the search found, the hovered element, then the selected one, over
 * everything; nodes grown in screen space are drawn with the names. */
static void
draw_specials (QgGraphView  *self,
               cairo_t      *cr,
               const guint8 *grown)
{
  gboolean edge_texts = FALSE;

  if (self->matched_edges != NULL && self->previous == NULL)
    for (guint i = 0; i < qg_layout_get_n_edges (self->layout); i++)
      if (self->matched_edges[i] && !qg_graph_view_is_hidden_item (self, QG_ITEM_EDGE, i))
        draw_special_edge (self, cr, i);
  if (self->matched_nodes != NULL)
    for (guint i = 0; i < qg_layout_get_n_nodes (self->layout); i++)
      if (self->matched_nodes[i] && !qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, i)
          && !grown[i])
        draw_special_node (self, cr, i);

  edge_texts = self->max_font * qg_viewport_get_zoom (self->viewport) >= EDGE_LABEL_MIN_PIXELS;
  for (int pass = 0; pass < 2; pass++)
    {
      QgItemKind kind = pass == 0 ? self->hover_kind : self->selection_kind;
      guint index = pass == 0 ? self->hover_index : self->selection_index;

      gboolean ghost;

      if (pass == 0 && kind == self->selection_kind && index == self->selection_index)
        continue;
      /* A selection the filters hide (chosen in the list or the article)
       * is drawn faint where it is, so that the view shows what it is on. */
      ghost = kind != QG_ITEM_NONE && qg_graph_view_is_hidden_item (self, kind, index);
      if (ghost && pass == 0)
        continue;
      if (ghost)
        cairo_push_group (cr);
      if (kind == QG_ITEM_EDGE && self->previous == NULL)
        {
          const QgItem *item = qg_layout_get_edge (self->layout, index);

          draw_special_edge (self, cr, index);
          for (guint t = 0; edge_texts && t < item->n_texts; t++)
            draw_text (self, cr, item->first_text + t, &self->palette.edge_text, 1, 0, 0, FALSE,
                       TEXT_MIN_PIXELS);
        }
      else if (kind == QG_ITEM_NODE && !grown[index])
        draw_special_node (self, cr, index);
      if (ghost && kind == QG_ITEM_EDGE)
        {
          const QgRelation *relation = qg_document_get_relation (self->document, index);

          for (guint end = 0; end < 2; end++)
            {
              guint node = end == 0 ? relation->source : relation->target;

              if (is_ghost (self, node) && !grown[node])
                draw_special_node (self, cr, node);
            }
        }
      if (ghost)
        {
          cairo_pop_group_to_source (cr);
          cairo_paint_with_alpha (cr, GHOST_ALPHA);
        }
    }
}

/* What is on screen, in layout points, with room for line widths; and the
 * nodes and edges in it. */
static void
find_visible (QgGraphView *self,
              double       width,
              double       height,
              guint       *nodes,
              guint       *n_nodes,
              guint       *edges,
              guint       *n_edges)
{
  double clip[4];

  qg_viewport_to_layout (self->viewport, -8, -8, &clip[0], &clip[1]);
  qg_viewport_to_layout (self->viewport, width + 8, height + 8, &clip[2], &clip[3]);
  *n_nodes = *n_edges = 0;
  for (guint i = 0; i < qg_layout_get_n_edges (self->layout); i++)
    if (visible (qg_layout_get_edge (self->layout, i), clip, 0, 0) || self->previous != NULL)
      edges[(*n_edges)++] = i;
  for (guint i = 0; i < qg_layout_get_n_nodes (self->layout); i++)
    {
      double dx, dy;

      qg_graph_view_node_offset (self, i, &dx, &dy);
      if (visible (qg_layout_get_node (self->layout, i), clip, dx, dy))
        nodes[(*n_nodes)++] = i;
    }
}

static void
to_layout_space (QgGraphView *self,
                 cairo_t     *cr)
{
  double ox, oy, zoom = qg_viewport_get_zoom (self->viewport);

  qg_viewport_get_offset (self->viewport, &ox, &oy);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, zoom, zoom);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);
}

/* What is in view and which names go where, worked out once for a frame
 * and for the input that comes before the next. */
/* Some names were not made in the last placement: the rest are made
 * while the main loop is idle, a few milliseconds at a time and in the
 * order they are placed, and then the map is placed again, once. */
static gboolean
make_names (gpointer user_data)
{
  QgGraphView *self = user_data;
  gint64 until = g_get_monotonic_time () + NAMES_SLICE_USEC;
  guint n = self->layout != NULL ? qg_layout_get_n_nodes (self->layout) : 0;

  while (self->names_made < n && self->label_order != NULL)
    {
      guint index = self->label_order[self->names_made++];
      const QgItem *node = qg_layout_get_node (self->layout, index);

      /* Measured too: that is where Pango shapes the text, most of the
       * cost. */
      for (NameBreak shape = 0; shape < N_NAME_BREAKS; shape++)
        if (name_is_tried (node, shape))
          pango_layout_get_pixel_extents (screen_text (self, QG_ITEM_NODE, index, shape), NULL,
                                          NULL);
      if (g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }
  self->names_idle = 0;
  qg_graph_view_redraw (self);
  return G_SOURCE_REMOVE;
}

void
qg_graph_view_update_labels (QgGraphView *self)
{
  double width = gtk_widget_get_width (GTK_WIDGET (self));
  double height = gtk_widget_get_height (GTK_WIDGET (self));
  guint n_nodes, n_edges;

  if (self->labels_valid || self->layout == NULL)
    return;
  n_nodes = qg_layout_get_n_nodes (self->layout);
  n_edges = qg_layout_get_n_edges (self->layout);
  g_free (self->visible_nodes);
  g_free (self->visible_edges);
  g_free (self->grown);
  self->visible_nodes = g_new (guint, MAX (n_nodes, 1));
  self->visible_edges = g_new (guint, MAX (n_edges, 1));
  self->grown = g_new0 (guint8, MAX (n_nodes, 1));
  find_visible (self, width, height, self->visible_nodes, &self->n_visible_nodes,
                self->visible_edges, &self->n_visible_edges);
  self->names_to_make = NAMES_PER_PLACEMENT;
  self->names_waiting = FALSE;
  place_labels (self, width, height, self->visible_nodes, self->n_visible_nodes,
                self->visible_edges, self->n_visible_edges, self->grown);
  self->labels_valid = TRUE;
  if (self->names_waiting && self->names_idle == 0)
    {
      self->names_idle = g_idle_add_full (G_PRIORITY_LOW, make_names, self, NULL);
      g_source_set_name_by_id (self->names_idle, "[quotegraph] more names");
    }
}

gboolean
qg_graph_view_is_placing_names (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), FALSE);
  return self->names_idle != 0 || (self->labels_valid && self->names_waiting);
}

void
qg_graph_view_draw_near (QgGraphView *self,
                         cairo_t     *cr,
                         double       width,
                         double       height)
{
  const guint *nodes, *edges;
  const guint8 *grown;
  double zoom = qg_viewport_get_zoom (self->viewport);
  guint n_edges, n_nodes;
  cairo_matrix_t screen;
  double view[4];
  gboolean raster_edges;

  qg_graph_view_update_labels (self);
  nodes = self->visible_nodes;
  n_nodes = self->n_visible_nodes;
  edges = self->visible_edges;
  n_edges = self->n_visible_edges;
  grown = self->grown;

  /* What is seen of the map, with a margin for the widest line. */
  qg_viewport_to_layout (self->viewport, -VIEW_MARGIN, -VIEW_MARGIN, &view[0], &view[1]);
  qg_viewport_to_layout (self->viewport, width + VIEW_MARGIN, height + VIEW_MARGIN, &view[2],
                         &view[3]);
  raster_edges = self->previous == NULL && edges_for_raster (self, edges, n_edges, view);
  if (raster_edges)
    qg_graph_view_draw_near_edges (self, cr, width, height);
  cairo_get_matrix (cr, &screen);
  to_layout_space (self, cr);

  /* Edges: dimmed ones first, so that what matters is drawn over them. */
  if (self->previous != NULL)
    draw_moving_edges (self, cr, edges, n_edges);
  else if (raster_edges)
    {
      /* Drawn already, under everything; their labels are cairo's. */
      if (self->max_font * zoom >= EDGE_LABEL_MIN_PIXELS)
        draw_labels (self, cr, edges, n_edges, QG_ITEM_EDGE, NULL, FALSE, TRUE, TEXT_MIN_PIXELS,
                     &self->palette.edge_text);
    }
  else
    {
      for (Look look = 0; look < N_LOOKS; look++)
        for (guint stance = 0; stance < 3; stance++)
          for (int draft = 0; draft < 2; draft++)
            draw_edge_batch (self, cr, edges, n_edges, stance, look, draft, view);
      /* Edge labels too small to read are left out, not drawn as bars. */
      if (self->max_font * zoom >= EDGE_LABEL_MIN_PIXELS)
        draw_labels (self, cr, edges, n_edges, QG_ITEM_EDGE, NULL, FALSE, TRUE, TEXT_MIN_PIXELS,
                     &self->palette.edge_text);
    }

  for (Look look = 0; look < N_LOOKS; look++)
    for (guint kind = 0; kind < QG_N_KINDS; kind++)
      for (int draft = 0; draft < 2; draft++)
        draw_node_batch (self, cr, nodes, n_nodes, grown, kind, look, draft);
  /* Names that found no room show where they are, as bars. */
  draw_labels (self, cr, nodes, n_nodes, QG_ITEM_NODE, grown, TRUE, TRUE,
               self->node_font * zoom < self->name_pixels ? self->name_pixels : TEXT_MIN_PIXELS,
               &self->palette.node_text);

  draw_specials (self, cr, grown);
  cairo_set_matrix (cr, &screen);
  draw_screen_labels (self, cr, FALSE);
}

void
qg_graph_view_draw_over (QgGraphView *self,
                         cairo_t     *cr,
                         double       width,
                         double       height)
{
  cairo_matrix_t screen;

  qg_graph_view_update_labels (self);
  cairo_get_matrix (cr, &screen);
  to_layout_space (self, cr);
  draw_specials (self, cr, self->grown);
  cairo_set_matrix (cr, &screen);
  draw_screen_labels (self, cr, TRUE);
}

/* A few milliseconds of texts let go at a time. */
#define SPENT_SLICE_USEC 3000
/* Fewer texts than this are let go at once. */
#define SPENT_AT_ONCE 500

static gboolean
free_spent_cb (gpointer data)
{
  QgGraphView *self = data;
  gint64 until = g_get_monotonic_time () + SPENT_SLICE_USEC;

  while (self->spent_texts->len > 0)
    {
      g_object_unref (g_ptr_array_steal_index_fast (self->spent_texts,
                                                    self->spent_texts->len - 1));
      if (self->spent_texts->len % 64 == 0 && g_get_monotonic_time () > until)
        return G_SOURCE_CONTINUE;
    }
  self->spent_idle = 0;
  return G_SOURCE_REMOVE;
}

void
qg_graph_view_free_spent_texts (QgGraphView *self)
{
  g_clear_handle_id (&self->spent_idle, g_source_remove);
  g_clear_pointer (&self->spent_texts, g_ptr_array_unref);
}

/* The 10,000-entity map's names took 15 ms to free when the next
 * version of it was shown: a large map's are let go of later. */
static void
clear_layouts (QgGraphView   *self,
               PangoLayout ***layouts,
               guint         *n)
{
  gboolean later = *n >= SPENT_AT_ONCE;

  if (later && self->spent_texts == NULL)
    self->spent_texts = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; *layouts != NULL && i < *n; i++)
    if (later && (*layouts)[i] != NULL)
      g_ptr_array_add (self->spent_texts, g_steal_pointer (&(*layouts)[i]));
    else
      g_clear_object (&(*layouts)[i]);
  g_clear_pointer (layouts, g_free);
  *n = 0;
  if (self->spent_texts != NULL && self->spent_texts->len > 0 && self->spent_idle == 0)
    {
      self->spent_idle = g_idle_add_full (G_PRIORITY_LOW, free_spent_cb, self, NULL);
      g_source_set_name_by_id (self->spent_idle, "[quotegraph] texts let go");
    }
}

/* No names made, in no font. */
static void
forget_names_style (QgGraphView *self)
{
  g_clear_pointer (&self->names_font, pango_font_description_free);
  g_clear_pointer (&self->names_options, cairo_font_options_destroy);
}

/* Whether the names made so far were made in @context's font, with its
 * options. */
static gboolean
names_match (QgGraphView  *self,
             PangoContext *context)
{
  const cairo_font_options_t *options = pango_cairo_context_get_font_options (context);

  if (self->names_font == NULL)
    return TRUE;
  if (!pango_font_description_equal (pango_context_get_font_description (context),
                                     self->names_font))
    return FALSE;
  if (options == NULL || self->names_options == NULL)
    return options == NULL && self->names_options == NULL;
  return cairo_font_options_equal (options, self->names_options);
}

void
qg_graph_view_forget_names (QgGraphView *self)
{
  forget_names_style (self);
  for (guint i = 0; self->node_names != NULL && i < self->n_node_names; i++)
    g_clear_object (&self->node_names[i]);
  for (guint i = 0; self->edge_names != NULL && i < self->n_edge_names; i++)
    g_clear_object (&self->edge_names[i]);
}

/* The style or the settings changed: names made in another font, or with
 * other options, are made again; most changes (the focus, a state, a
 * class around the map) leave them, since making them all again is a
 * frame's work on a large map. Returns whether they were let go of. */
gboolean
qg_graph_view_forget_names_if_restyled (QgGraphView *self)
{
  if (names_match (self, gtk_widget_get_pango_context (GTK_WIDGET (self))))
    return FALSE;
  qg_graph_view_forget_names (self);
  return TRUE;
}

void
qg_graph_view_clear_texts (QgGraphView *self)
{
  self->names_made = 0;
  forget_names_style (self);
  clear_layouts (self, &self->texts, &self->n_texts);
  clear_layouts (self, &self->node_names, &self->n_node_names);
  clear_layouts (self, &self->edge_names, &self->n_edge_names);
}
