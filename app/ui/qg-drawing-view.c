/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drawing-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "qg-drawing-view.h"
#include "qg-op-path.h"
#include "qg-view-gestures.h"

/* Below this many pixels a line of text is drawn as a faint bar, and below
 * one pixel not at all: a view of a thousand nodes draws no glyphs. */
#define READABLE_TEXT_PIXELS 4.0
#define HIT_PIXELS 6.0
#define HALO_PIXELS 10.0

struct _QgDrawingView
{
  GtkWidget       parent_instance;

  QgDrawing      *drawing;
  QgLayout       *layout;
  QgViewport     *viewport;
  QgViewGestures *gestures;
  QgItemKind      selection_kind;
  guint           selection_index;
  QgItemKind      hover_kind;
  guint           hover_index;
  PangoContext   *pango;
  PangoLayout   **texts;    /* per op of the layout, made when first drawn */
  guint           n_texts;
  gboolean        dark;
  guint           n_frames;
  GArray         *strokes;  /* Stroke: a frame's lines, by pen */
};

G_DEFINE_FINAL_TYPE (QgDrawingView, qg_drawing_view, GTK_TYPE_WIDGET)

enum
{
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------ */
/* Colours                                                                   */

/* In the dark style a colour keeps its hue and saturation and takes the
 * opposite lightness (adding 1 - max - min to each channel turns HSL's
 * lightness over), squeezed away from pure black and white. */
static void
set_rgba (QgDrawingView *self,
          cairo_t       *cr,
          guint32        rgba,
          double         alpha)
{
  double r = ((rgba >> 24) & 0xff) / 255.0;
  double g = ((rgba >> 16) & 0xff) / 255.0;
  double b = ((rgba >> 8) & 0xff) / 255.0;
  double a = (rgba & 0xff) / 255.0;

  if (self->dark)
    {
      double shift = 1 - MAX (r, MAX (g, b)) - MIN (r, MIN (g, b));

      double luminance;

      r = 0.12 + 0.8 * CLAMP (r + shift, 0, 1);
      g = 0.12 + 0.8 * CLAMP (g + shift, 0, 1);
      b = 0.12 + 0.8 * CLAMP (b + shift, 0, 1);
      /* A pure hue keeps its middle lightness, which is dark against the
       * dark page for blue and violet: such colours are lifted. */
      luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
      if (MAX (r, MAX (g, b)) - MIN (r, MIN (g, b)) > 0.3 && luminance < 0.4)
        {
          double lift = (0.4 - luminance) / 0.4 * 0.6;

          r += (1 - r) * lift;
          g += (1 - g) * lift;
          b += (1 - b) * lift;
        }
    }
  cairo_set_source_rgba (cr, r, g, b, a * alpha);
}

/* ------------------------------------------------------------------------ */
/* Text                                                                      */

/* Graphviz names fonts as PostScript does: "Times-Roman",
 * "Helvetica-BoldOblique". The family is what comes before the dash, with
 * the generic family it stands for after it, for where it is missing. */
static PangoFontDescription *
font_for (const QgOp *op)
{
  g_autofree char *family = g_strdup (op->font != NULL && *op->font ? op->font : "Times");
  g_autofree char *families = NULL;
  PangoFontDescription *desc = pango_font_description_new ();
  char *dash = strchr (family, '-');
  const char *generic = "serif";

  if (dash != NULL && dash != family)
    *dash = '\0';
  if (g_ascii_strncasecmp (family, "Helvetica", 9) == 0 || g_ascii_strncasecmp (family, "Arial", 5) == 0
      || g_ascii_strncasecmp (family, "sans", 4) == 0)
    generic = "sans-serif";
  else if (g_ascii_strncasecmp (family, "Courier", 7) == 0
           || g_ascii_strncasecmp (family, "mono", 4) == 0)
    generic = "monospace";
  families = g_strdup_printf ("%s,%s", family, generic);
  pango_font_description_set_family (desc, families);
  pango_font_description_set_absolute_size (desc, MAX (op->h, 1) * PANGO_SCALE);
  if (op->bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  if (op->italic)
    pango_font_description_set_style (desc, PANGO_STYLE_ITALIC);
  return desc;
}

static PangoLayout *
text_layout (QgDrawingView *self,
             guint          index,
             const QgOp    *op)
{
  PangoFontDescription *desc;
  PangoAttrList *attributes;
  PangoLayout *layout;

  if (self->texts[index] != NULL)
    return self->texts[index];
  layout = pango_layout_new (self->pango);
  desc = font_for (op);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  attributes = pango_attr_list_new ();
  if (op->underline)
    pango_attr_list_insert (attributes, pango_attr_underline_new (PANGO_UNDERLINE_SINGLE));
  if (op->strike)
    pango_attr_list_insert (attributes, pango_attr_strikethrough_new (TRUE));
  pango_layout_set_attributes (layout, attributes);
  pango_attr_list_unref (attributes);
  pango_layout_set_text (layout, op->text ? op->text : "", -1);
  self->texts[index] = layout;
  return layout;
}

/* At the place and width Graphviz measured it, so that it fits its box
 * whatever font this machine has for the name. */
static void
draw_text (QgDrawingView *self,
           cairo_t       *cr,
           guint          index,
           const QgOp    *op,
           double         zoom)
{
  PangoLayout *layout;
  PangoRectangle logical;
  double pixels = op->h * zoom, scale = 1;

  if (op->text == NULL || *op->text == '\0' || pixels < 1)
    return;
  set_rgba (self, cr, op->stroke, 1);
  if (pixels < READABLE_TEXT_PIXELS)
    {
      cairo_save (cr);
      set_rgba (self, cr, op->stroke, 0.3);
      cairo_rectangle (cr, qg_op_text_left (op), op->y - op->h * 0.6, op->w, op->h * 0.45);
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  layout = text_layout (self, index, op);
  pango_layout_get_extents (layout, NULL, &logical);
  if (logical.width > 0 && op->w > 0)
    scale = CLAMP (op->w / (logical.width / (double) PANGO_SCALE), 0.5, 2.0);
  cairo_save (cr);
  cairo_translate (cr, qg_op_text_left (op), op->y);
  cairo_scale (cr, scale, 1);
  cairo_move_to (cr, 0, -pango_layout_get_baseline (layout) / (double) PANGO_SCALE);
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                   */

static void
set_line (cairo_t    *cr,
          const QgOp *op,
          double      zoom)
{
  /* A hairline stays a line at any zoom. */
  cairo_set_line_width (cr, MAX (op->pen_width, 0.7 / zoom));
  if (op->dashed)
    cairo_set_dash (cr, (double[]) { 5, 2 }, 2, 0);
  else if (op->dotted)
    cairo_set_dash (cr, (double[]) { 1, 5 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_op (QgDrawingView *self,
         cairo_t       *cr,
         guint          index,
         double         zoom)
{
  const QgOp *op = qg_layout_get_op (self->layout, index);
  const double *pts = qg_layout_get_points (self->layout) + 2 * op->first;

  if (op->kind == QG_OP_TEXT)
    {
      draw_text (self, cr, index, op, zoom);
      return;
    }
  cairo_new_path (cr);
  qg_op_path (cr, op, pts, 0, 0);
  set_line (cr, op, zoom);
  /* A filled shape is outlined in the pen's colour too, as xdot says. */
  if (op->filled)
    {
      set_rgba (self, cr, op->fill, 1);
      if ((op->stroke & 0xff) == 0)
        {
          cairo_fill (cr);
          return;
        }
      cairo_fill_preserve (cr);
    }
  if (op->kind == QG_OP_POLYLINE || !op->filled || (op->stroke & 0xff) != 0)
    {
      set_rgba (self, cr, op->stroke, 1);
      cairo_stroke (cr);
    }
}

static gboolean
visible (const QgItem *item,
         const double *clip)
{
  return item->n_ops + item->n_texts > 0 && item->x1 >= clip[0] && item->x0 <= clip[2]
         && item->y1 >= clip[1] && item->y0 <= clip[3];
}

static void
draw_item (QgDrawingView *self,
           cairo_t       *cr,
           const QgItem  *item,
           double         zoom)
{
  for (guint i = 0; i < item->n_ops; i++)
    draw_op (self, cr, item->first_op + i, zoom);
  for (guint i = 0; i < item->n_texts; i++)
    draw_op (self, cr, item->first_text + i, zoom);
}

/* A frame of a large graph is mostly the same few pens: all the lines of
 * one colour, width and dash make one path, stroked once, and the runs of
 * fills of one colour one path, filled once (in the order they are drawn,
 * so that what is drawn over stays over). */
typedef struct
{
  guint8  bar;      /* a line of text too small to read, drawn as a bar */
  guint8  dash;     /* 0 solid, 1 dashed, 2 dotted */
  float   width;
  guint32 rgba;
  guint   op;
} Stroke;

static int
compare_strokes (gconstpointer a,
                 gconstpointer b)
{
  const Stroke *x = a, *y = b;

  if (x->bar != y->bar)
    return x->bar - y->bar;
  if (x->rgba != y->rgba)
    return x->rgba < y->rgba ? -1 : 1;
  if (x->width != y->width)
    return x->width < y->width ? -1 : 1;
  if (x->dash != y->dash)
    return x->dash - y->dash;
  return x->op < y->op ? -1 : x->op > y->op;
}

static void
set_dash (cairo_t *cr,
          guint8   dash)
{
  if (dash == 1)
    cairo_set_dash (cr, (double[]) { 5, 2 }, 2, 0);
  else if (dash == 2)
    cairo_set_dash (cr, (double[]) { 1, 5 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

static void
draw_batched (QgDrawingView *self,
              cairo_t       *cr,
              QgItemKind     kind,
              const double  *clip,
              double         zoom)
{
  guint n = kind == QG_ITEM_NODE ? qg_layout_get_n_nodes (self->layout)
                                 : qg_layout_get_n_edges (self->layout);
  const double *pts = qg_layout_get_points (self->layout);
  guint32 fill = 0;
  gboolean filling = FALSE;

  g_array_set_size (self->strokes, 0);
  cairo_new_path (cr);
  for (guint i = 0; i < n; i++)
    {
      const QgItem *item = kind == QG_ITEM_NODE ? qg_layout_get_node (self->layout, i)
                                                : qg_layout_get_edge (self->layout, i);

      if (!visible (item, clip))
        continue;
      for (guint k = 0; k < item->n_ops + item->n_texts; k++)
        {
          guint index = k < item->n_ops ? item->first_op + k : item->first_text + k - item->n_ops;
          const QgOp *op = qg_layout_get_op (self->layout, index);
          Stroke stroke = { 0, op->dashed ? 1 : op->dotted ? 2 : 0,
                            MAX (op->pen_width, 0.7 / zoom), op->stroke, index };

          if (op->kind == QG_OP_TEXT)
            {
              double pixels = op->h * zoom;

              if (op->text == NULL || *op->text == '\0' || pixels < 1
                  || pixels >= READABLE_TEXT_PIXELS)
                continue;
              stroke.bar = TRUE;
              g_array_append_val (self->strokes, stroke);
              continue;
            }
          if (op->filled)
            {
              if (filling && op->fill != fill)
                cairo_fill (cr);
              if (!filling || op->fill != fill)
                set_rgba (self, cr, op->fill, 1);
              fill = op->fill;
              filling = TRUE;
              qg_op_path (cr, op, pts + 2 * op->first, 0, 0);
            }
          if (!op->filled || (op->stroke & 0xff) != 0)
            g_array_append_val (self->strokes, stroke);
        }
    }
  if (filling)
    cairo_fill (cr);

  g_array_sort (self->strokes, compare_strokes);
  for (guint i = 0; i < self->strokes->len; i++)
    {
      const Stroke *stroke = &g_array_index (self->strokes, Stroke, i);
      const Stroke *next = i + 1 < self->strokes->len ? stroke + 1 : NULL;
      const QgOp *op = qg_layout_get_op (self->layout, stroke->op);

      if (stroke->bar)
        cairo_rectangle (cr, qg_op_text_left (op), op->y - op->h * 0.6, op->w, op->h * 0.45);
      else
        qg_op_path (cr, op, pts + 2 * op->first, 0, 0);
      if (next != NULL && compare_strokes (stroke, next) != 0 && next->bar == stroke->bar
          && next->rgba == stroke->rgba && next->width == stroke->width
          && next->dash == stroke->dash)
        continue;
      if (stroke->bar)
        {
          set_rgba (self, cr, stroke->rgba, 0.3);
          cairo_fill (cr);
        }
      else
        {
          set_rgba (self, cr, stroke->rgba, 1);
          cairo_set_line_width (cr, stroke->width);
          set_dash (cr, stroke->dash);
          cairo_stroke (cr);
        }
    }

  /* The text that reads, over it all. */
  for (guint i = 0; i < n; i++)
    {
      const QgItem *item = kind == QG_ITEM_NODE ? qg_layout_get_node (self->layout, i)
                                                : qg_layout_get_edge (self->layout, i);

      if (!visible (item, clip))
        continue;
      /* Text ops are the item's texts (qg_layout_builder_add). */
      for (guint k = 0; k < item->n_texts; k++)
        {
          const QgOp *op = qg_layout_get_op (self->layout, item->first_text + k);

          if (op->kind == QG_OP_TEXT && op->h * zoom >= READABLE_TEXT_PIXELS)
            draw_text (self, cr, item->first_text + k, op, zoom);
        }
    }
}

static const QgItem *
item_of (QgDrawingView *self,
         QgItemKind     kind,
         guint          index)
{
  if (self->layout == NULL)
    return NULL;
  if (kind == QG_ITEM_NODE && index < qg_layout_get_n_nodes (self->layout))
    return qg_layout_get_node (self->layout, index);
  if (kind == QG_ITEM_EDGE && index < qg_layout_get_n_edges (self->layout))
    return qg_layout_get_edge (self->layout, index);
  return NULL;
}

/* The selection and the item under the pointer glow in the accent colour
 * under their own outline. */
static void
draw_halo (QgDrawingView *self,
           cairo_t       *cr,
           const QgItem  *item,
           double         alpha,
           double         zoom)
{
  const double *pts = qg_layout_get_points (self->layout);

  if (item == NULL)
    return;
  cairo_new_path (cr);
  for (guint i = 0; i < item->n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_op + i);

      qg_op_path (cr, op, pts + 2 * op->first, 0, 0);
    }
  for (guint i = 0; i < item->n_texts; i++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_text + i);

      if (item->n_ops == 0 || op->kind != QG_OP_TEXT)
        cairo_rectangle (cr, qg_op_text_left (op), op->y - op->h, op->w, op->h * 1.3);
    }
  cairo_set_source_rgba (cr, 0.21, 0.52, 0.89, alpha);
  cairo_set_line_width (cr, HALO_PIXELS / zoom);
  cairo_set_dash (cr, NULL, 0, 0);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
}

static guint32
page_color (QgDrawingView *self)
{
  const QgItem *background;
  const QgOp *op;

  if (self->layout == NULL || qg_layout_get_n_clusters (self->layout) == 0)
    return 0xffffffff;
  background = qg_layout_get_cluster (self->layout, 0);
  if (background->n_ops == 0)
    return 0xffffffff;
  op = qg_layout_get_op (self->layout, background->first_op);
  if (op->kind != QG_OP_POLYGON || !op->filled || (op->fill & 0xff) != 0xff)
    return 0xffffffff;
  return op->fill;
}

static void
qg_drawing_view_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  QgDrawingView *self = QG_DRAWING_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  double zoom, ox, oy, clip[4];
  const QgItem *selected, *hovered;
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  /* Graphviz's page is white, or the graph's bgcolor, which it fills
   * first. */
  set_rgba (self, cr, page_color (self), 1);
  cairo_paint (cr);
  if (self->layout == NULL)
    {
      cairo_destroy (cr);
      return;
    }

  zoom = qg_viewport_get_zoom (self->viewport);
  qg_viewport_get_offset (self->viewport, &ox, &oy);
  qg_viewport_to_layout (self->viewport, 0, 0, &clip[0], &clip[1]);
  qg_viewport_to_layout (self->viewport, width, height, &clip[2], &clip[3]);
  cairo_translate (cr, ox, oy);
  cairo_scale (cr, zoom, zoom);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_MITER);

  for (guint i = 0; i < qg_layout_get_n_clusters (self->layout); i++)
    if (visible (qg_layout_get_cluster (self->layout, i), clip))
      draw_item (self, cr, qg_layout_get_cluster (self->layout, i), zoom);

  selected = item_of (self, self->selection_kind, self->selection_index);
  hovered = item_of (self, self->hover_kind, self->hover_index);
  if (hovered == selected)
    hovered = NULL;
  if (self->selection_kind == QG_ITEM_EDGE)
    draw_halo (self, cr, selected, 0.7, zoom);
  if (self->hover_kind == QG_ITEM_EDGE)
    draw_halo (self, cr, hovered, 0.25, zoom);
  draw_batched (self, cr, QG_ITEM_EDGE, clip, zoom);
  if (self->selection_kind == QG_ITEM_NODE)
    draw_halo (self, cr, selected, 0.7, zoom);
  if (self->hover_kind == QG_ITEM_NODE)
    draw_halo (self, cr, hovered, 0.25, zoom);
  draw_batched (self, cr, QG_ITEM_NODE, clip, zoom);

  cairo_destroy (cr);
  self->n_frames++;
}

/* ------------------------------------------------------------------------ */
/* Selection and input                                                       */

static QgItemKind
hit (QgDrawingView *self,
     double         x,
     double         y,
     guint         *index)
{
  double lx, ly;

  if (self->layout == NULL)
    return QG_ITEM_NONE;
  qg_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  return qg_layout_hit (self->layout, lx, ly, HIT_PIXELS / qg_viewport_get_zoom (self->viewport),
                        index);
}

static void
set_hover (QgDrawingView *self,
           QgItemKind     kind,
           guint          index)
{
  if (self->hover_kind == kind && (kind == QG_ITEM_NONE || self->hover_index == index))
    return;
  self->hover_kind = kind;
  self->hover_index = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), kind != QG_ITEM_NONE ? "pointer" : NULL);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static const char *
item_name (QgDrawingView *self,
           QgItemKind     kind,
           guint          index)
{
  return kind == QG_ITEM_NODE ? qg_drawing_get_node_name (self->drawing, index)
                              : qg_drawing_get_edge_name (self->drawing, index);
}

static void
update_accessible (QgDrawingView *self)
{
  g_autofree char *label = NULL;

  if (self->selection_kind == QG_ITEM_NODE)
    /* Translators: what a screen reader says of the graph; %s is a node's name. */
    label = g_strdup_printf (_("Graph, node %s selected"),
                             item_name (self, self->selection_kind, self->selection_index));
  else if (self->selection_kind == QG_ITEM_EDGE)
    /* Translators: %s is an edge, "a -> b". */
    label = g_strdup_printf (_("Graph, edge %s selected"),
                             item_name (self, self->selection_kind, self->selection_index));
  else
    label = g_strdup (_("Graph"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

static void
set_selection (QgDrawingView *self,
               QgItemKind     kind,
               guint          index)
{
  if (item_of (self, kind, index) == NULL)
    kind = QG_ITEM_NONE, index = 0;
  if (self->selection_kind == kind && self->selection_index == index)
    return;
  self->selection_kind = kind;
  self->selection_index = index;
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           QgDrawingView            *self)
{
  QgItemKind kind = QG_ITEM_NONE;
  guint index = 0;

  qg_viewport_set_pointer (self->viewport, TRUE, x, y);
  if (!qg_view_gestures_is_dragging (self->gestures))
    kind = hit (self, x, y, &index);
  set_hover (self, kind, index);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          QgDrawingView            *self)
{
  qg_viewport_set_pointer (self->viewport, FALSE, 0, 0);
  set_hover (self, QG_ITEM_NONE, 0);
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   QgDrawingView   *self)
{
  guint index = 0;
  QgItemKind kind = hit (self, x, y, &index);

  gtk_widget_grab_focus (GTK_WIDGET (self));
  /* Clicking empty space clears the selection. */
  set_selection (self, kind, index);
}

/* What a node or an edge says of itself on hover: its tooltip, else its
 * label (when it is plain text), else its name. */
static gboolean
query_tooltip_cb (QgDrawingView *self,
                  int            x,
                  int            y,
                  gboolean       keyboard,
                  GtkTooltip    *tooltip)
{
  const char * const *attributes;
  const char *text;
  guint index = 0;
  QgItemKind kind;

  if (keyboard)
    {
      kind = self->selection_kind;
      index = self->selection_index;
    }
  else
    kind = hit (self, x, y, &index);
  if (kind == QG_ITEM_NONE)
    return FALSE;
  attributes = kind == QG_ITEM_NODE ? qg_drawing_get_node_attributes (self->drawing, index)
                                    : qg_drawing_get_edge_attributes (self->drawing, index);
  text = qg_drawing_lookup (attributes, "tooltip");
  if (text == NULL || *text == '\0')
    text = qg_drawing_lookup (attributes, "label");
  if (text == NULL || *text == '\0' || *text == '<' || strchr (text, '\\') != NULL)
    text = item_name (self, kind, index);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static gboolean
has_content (GtkWidget *widget)
{
  return QG_DRAWING_VIEW (widget)->layout != NULL;
}

static void
drag_ended (GtkWidget *widget,
            double     x,
            double     y)
{
  QgDrawingView *self = QG_DRAWING_VIEW (widget);
  guint index = 0;
  QgItemKind kind = hit (self, x, y, &index);

  set_hover (self, kind, index);
}

static const QgViewGesturesHooks gesture_hooks = { has_content, drag_ended };

static gboolean
next_node_binding (GtkWidget *widget,
                   GVariant  *args,
                   gpointer   data)
{
  QgDrawingView *self = QG_DRAWING_VIEW (widget);
  int step = g_variant_get_int32 (args);
  guint n = self->drawing != NULL ? qg_drawing_get_n_nodes (self->drawing) : 0;
  guint index;

  if (n == 0)
    return FALSE;
  if (self->selection_kind != QG_ITEM_NODE)
    index = step > 0 ? 0 : n - 1;
  else
    index = (self->selection_index + n + step) % n;
  qg_drawing_view_select (self, QG_ITEM_NODE, index);
  return TRUE;
}

static gboolean
clear_binding (GtkWidget *widget,
               GVariant  *args,
               gpointer   data)
{
  QgDrawingView *self = QG_DRAWING_VIEW (widget);

  if (self->selection_kind == QG_ITEM_NONE)
    return FALSE;
  set_selection (self, QG_ITEM_NONE, 0);
  return TRUE;
}

/* ------------------------------------------------------------------------ */

static void
clear_texts (QgDrawingView *self)
{
  for (guint i = 0; i < self->n_texts; i++)
    g_clear_object (&self->texts[i]);
  g_clear_pointer (&self->texts, g_free);
  self->n_texts = 0;
}

static void
dark_changed_cb (QgDrawingView *self)
{
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
qg_drawing_view_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  QgDrawingView *self = QG_DRAWING_VIEW (widget);

  qg_viewport_set_view_size (self->viewport, width, height);
  gtk_widget_queue_draw (widget);
}

static void
qg_drawing_view_dispose (GObject *object)
{
  QgDrawingView *self = QG_DRAWING_VIEW (object);

  g_signal_handlers_disconnect_by_data (adw_style_manager_get_default (), self);
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_clear_object (&self->viewport);
  clear_texts (self);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->strokes, g_array_unref);
  g_clear_pointer (&self->drawing, qg_drawing_unref);
  self->layout = NULL;
  G_OBJECT_CLASS (qg_drawing_view_parent_class)->dispose (object);
}

static void
qg_drawing_view_class_init (QgDrawingViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qg_drawing_view_dispose;
  widget_class->snapshot = qg_drawing_view_snapshot;
  widget_class->size_allocate = qg_drawing_view_size_allocate;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  qg_view_gestures_add_zoom_bindings (widget_class);
  qg_view_gestures_add_key_bindings (widget_class, NULL, next_node_binding, clear_binding);
  gtk_widget_class_set_css_name (widget_class, "qgdrawingview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
qg_drawing_view_init (QgDrawingView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  cairo_font_options_t *options;

  gtk_widget_set_focusable (widget, TRUE);
  self->strokes = g_array_new (FALSE, FALSE, sizeof (Stroke));
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);

  self->viewport = qg_viewport_new (widget);
  g_signal_connect_swapped (self->viewport, "changed", G_CALLBACK (gtk_widget_queue_draw), self);
  gtk_widget_insert_action_group (widget, "zoom", qg_viewport_get_actions (self->viewport));
  self->gestures = qg_view_gestures_attach (widget, self->viewport, &gesture_hooks);

  /* Text is measured unhinted, so that it scales with the zoom. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  gtk_widget_set_has_tooltip (widget, TRUE);
  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "enter", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (dark_changed_cb), self);
  self->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  update_accessible (self);
}

GtkWidget *
qg_drawing_view_new (void)
{
  return g_object_new (QG_TYPE_DRAWING_VIEW, NULL);
}

void
qg_drawing_view_set_drawing (QgDrawingView *self,
                             QgDrawing     *drawing)
{
  g_return_if_fail (QG_IS_DRAWING_VIEW (self));

  if (drawing != NULL)
    qg_drawing_ref (drawing);
  clear_texts (self);
  g_clear_pointer (&self->drawing, qg_drawing_unref);
  self->drawing = drawing;
  self->layout = drawing != NULL ? qg_drawing_get_layout (drawing) : NULL;
  self->hover_kind = QG_ITEM_NONE;
  if (self->layout != NULL)
    {
      self->n_texts = qg_layout_get_n_ops (self->layout);
      self->texts = g_new0 (PangoLayout *, MAX (self->n_texts, 1));
      qg_viewport_set_content_size (self->viewport, qg_layout_get_width (self->layout),
                                    qg_layout_get_height (self->layout));
      qg_viewport_fit (self->viewport, FALSE);
    }
  else
    qg_viewport_set_content_size (self->viewport, 0, 0);
  self->selection_kind = QG_ITEM_EDGE;  /* so that the clearing below tells */
  self->selection_index = G_MAXUINT;
  set_selection (self, QG_ITEM_NONE, 0);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

QgDrawing *
qg_drawing_view_get_drawing (QgDrawingView *self)
{
  g_return_val_if_fail (QG_IS_DRAWING_VIEW (self), NULL);
  return self->drawing;
}

QgViewport *
qg_drawing_view_get_viewport (QgDrawingView *self)
{
  g_return_val_if_fail (QG_IS_DRAWING_VIEW (self), NULL);
  return self->viewport;
}

QgItemKind
qg_drawing_view_get_selection (QgDrawingView *self,
                               guint         *index)
{
  g_return_val_if_fail (QG_IS_DRAWING_VIEW (self), QG_ITEM_NONE);
  if (index != NULL)
    *index = self->selection_index;
  return self->selection_kind;
}

void
qg_drawing_view_select (QgDrawingView *self,
                        QgItemKind     kind,
                        guint          index)
{
  const QgItem *item;
  double x, y;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));

  g_return_if_fail (QG_IS_DRAWING_VIEW (self));

  set_selection (self, kind, index);
  item = item_of (self, self->selection_kind, self->selection_index);
  if (item == NULL || width <= 0 || height <= 0)
    return;
  qg_viewport_to_widget (self->viewport, item->cx, item->cy, &x, &y);
  if (x < 0 || y < 0 || x > width || y > height)
    qg_viewport_center_on (self->viewport, item->cx, item->cy, 0, TRUE);
}

gboolean
qg_drawing_view_item_position (QgDrawingView *self,
                               QgItemKind     kind,
                               guint          index,
                               double        *x,
                               double        *y)
{
  const QgItem *item;

  g_return_val_if_fail (QG_IS_DRAWING_VIEW (self), FALSE);

  item = item_of (self, kind, index);
  if (item == NULL)
    return FALSE;
  qg_viewport_to_widget (self->viewport, item->cx, item->cy, x, y);
  return TRUE;
}

guint
qg_drawing_view_get_n_frames (QgDrawingView *self)
{
  g_return_val_if_fail (QG_IS_DRAWING_VIEW (self), 0);
  return self->n_frames;
}
