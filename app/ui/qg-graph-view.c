/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <math.h>
#include <string.h>

#include "qg-graph-view.h"
#include "qg-raster.h"

/* Kinds styled distinctly (FORMAT.md), then the neutral style. */
static const char * const kind_names[] = {
  "person", "agency", "government", "company", "retailer", "media", "group", "country", "event",
  "other",
};
#define N_KINDS G_N_ELEMENTS (kind_names)
#define OTHER_KIND (N_KINDS - 1)

#define MIN_ZOOM 0.02
#define MAX_ZOOM 8.0
#define FIT_MARGIN 24.0
#define ZOOM_STEP 1.25
#define HIT_SLOP 5.0          /* pixels of reach around thin lines */
#define TEXT_MIN_PIXELS 4.0   /* below this, a label is drawn as a bar */
#define TEXT_NONE_PIXELS 1.0  /* below this, not at all */
#define DIM_ALPHA 0.18

typedef enum
{
  EMPHASIS_NORMAL,
  EMPHASIS_DIM,
  EMPHASIS_NEAR,      /* a neighbour of the selection */
  EMPHASIS_SELECTED,
} Emphasis;

struct _QgGraphView
{
  GtkWidget     parent_instance;

  QgDocument   *document;
  QgLayout     *layout;
  guint8       *entity_kind;     /* index into kind_names, per entity */
  guint        *reading_order;   /* node indices, top to bottom, left to right */

  /* A change of layout moves the nodes from where they were. */
  QgLayout     *previous;
  double        transition;      /* 0 → 1 */
  AdwAnimation *transition_animation;

  /* widget = layout × scale + offset */
  double        scale;
  double        ox;
  double        oy;
  gboolean      fitted;          /* refit on resize until the person zooms or pans */
  gboolean      center_pending;  /* centre on the selection once there is a size */
  AdwAnimation *view_animation;
  double        from[3];
  double        to[3];

  QgItemKind    selection_kind;
  guint         selection_index;
  QgItemKind    hover_kind;
  guint         hover_index;
  guint8       *node_emphasis;
  guint8       *edge_emphasis;
  guint8       *hidden_nodes;    /* by the filters; NULL when nothing is */
  guint8       *hidden_edges;
  guint8       *matched_nodes;   /* by the search; NULL when there is none */
  guint8       *matched_edges;

  GdkRGBA       fill[N_KINDS];
  GdkRGBA       stroke[N_KINDS];
  GdkRGBA       stance[3];
  GdkRGBA       node_text;
  GdkRGBA       edge_text;
  GdkRGBA       accent;
  GdkRGBA       background;

  double        max_font;        /* the largest label, in points */
  cairo_surface_t *overview;     /* the map from afar, drawn by the rasteriser */
  PangoContext *pango;
  PangoLayout **texts;           /* per layout op, made when first drawn */
  guint         n_texts;

  /* Input */
  double        drag_ox;
  double        drag_oy;
  gboolean      dragging;
  double        pinch_scale;
  double        pointer_x;
  double        pointer_y;
  gboolean      pointer_inside;
};

G_DEFINE_FINAL_TYPE (QgGraphView, qg_graph_view, GTK_TYPE_WIDGET)

static gboolean is_hidden (QgGraphView *self,
                           QgItemKind   kind,
                           guint        index);

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LAYOUT,
  PROP_SELECTION,
  PROP_ZOOM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
qg_graph_view_new (void)
{
  return g_object_new (QG_TYPE_GRAPH_VIEW, NULL);
}

/* ------------------------------------------------------------------------ */
/* Colours, from the style                                                   */

static void
lookup (QgGraphView *self,
        const char  *name,
        GdkRGBA     *color)
{
  GtkStyleContext *context = gtk_widget_get_style_context (GTK_WIDGET (self));

  if (!gtk_style_context_lookup_color (context, name, color))
    gdk_rgba_parse (color, "#808080");
}

static void
load_colors (QgGraphView *self)
{
  static const char * const stances[] = { "qg_neutral", "qg_support", "qg_oppose" };

  for (guint i = 0; i < N_KINDS; i++)
    {
      g_autofree char *fill = g_strdup_printf ("qg_%s_fill", kind_names[i]);
      g_autofree char *stroke = g_strdup_printf ("qg_%s_stroke", kind_names[i]);

      lookup (self, fill, &self->fill[i]);
      lookup (self, stroke, &self->stroke[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (stances); i++)
    lookup (self, stances[i], &self->stance[i]);
  lookup (self, "qg_node_text", &self->node_text);
  lookup (self, "qg_edge_text", &self->edge_text);
  lookup (self, "accent_color", &self->accent);
  lookup (self, "view_bg_color", &self->background);
}

static void
qg_graph_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  GTK_WIDGET_CLASS (qg_graph_view_parent_class)->css_changed (widget, change);
  load_colors (QG_GRAPH_VIEW (widget));
  gtk_widget_queue_draw (widget);
}

/* ------------------------------------------------------------------------ */
/* The view transform                                                        */

static void
notify_zoom (QgGraphView *self,
             double       old_scale)
{
  if (old_scale != self->scale)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ZOOM]);
}

static void
set_transform (QgGraphView *self,
               double       scale,
               double       ox,
               double       oy)
{
  double old = self->scale;

  self->scale = scale;
  self->ox = ox;
  self->oy = oy;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  notify_zoom (self, old);
}

static void
view_animation_step (double   value,
                     gpointer user_data)
{
  QgGraphView *self = user_data;
  double t = value;
  /* Zoom interpolates geometrically, so that it feels even. */
  double scale = self->from[0] * pow (self->to[0] / self->from[0], t);
  double ox = self->from[1] + (self->to[1] - self->from[1]) * t;
  double oy = self->from[2] + (self->to[2] - self->from[2]) * t;

  set_transform (self, scale, ox, oy);
}

static void
animate_to (QgGraphView *self,
            double       scale,
            double       ox,
            double       oy,
            gboolean     animate)
{
  adw_animation_reset (self->view_animation);
  if (!animate || !gtk_widget_get_mapped (GTK_WIDGET (self)) || self->scale <= 0)
    {
      set_transform (self, scale, ox, oy);
      return;
    }
  self->from[0] = self->scale;
  self->from[1] = self->ox;
  self->from[2] = self->oy;
  self->to[0] = scale;
  self->to[1] = ox;
  self->to[2] = oy;
  adw_animation_play (self->view_animation);
}

static void
fit_transform (QgGraphView *self,
               double      *scale,
               double      *ox,
               double      *oy)
{
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));
  double lw = self->layout ? MAX (qg_layout_get_width (self->layout), 1) : 1;
  double lh = self->layout ? MAX (qg_layout_get_height (self->layout), 1) : 1;

  *scale = MIN ((w - 2 * FIT_MARGIN) / lw, (h - 2 * FIT_MARGIN) / lh);
  /* A small map is not blown up past 1.5× its size. */
  *scale = CLAMP (*scale, MIN_ZOOM, 1.5);
  *ox = (w - lw * *scale) / 2;
  *oy = (h - lh * *scale) / 2;
}

void
qg_graph_view_zoom_fit (QgGraphView *self,
                        gboolean     animate)
{
  double scale, ox, oy;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  fit_transform (self, &scale, &ox, &oy);
  self->fitted = TRUE;
  animate_to (self, scale, ox, oy, animate);
}

void
qg_graph_view_zoom_at (QgGraphView *self,
                       double       factor,
                       double       x,
                       double       y)
{
  double scale, lx, ly;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  adw_animation_reset (self->view_animation);
  scale = CLAMP (self->scale * factor, MIN_ZOOM, MAX_ZOOM);
  /* The point under (x, y) stays under it. */
  lx = (x - self->ox) / self->scale;
  ly = (y - self->oy) / self->scale;
  self->fitted = FALSE;
  set_transform (self, scale, x - lx * scale, y - ly * scale);
}

/* Zooms on the pointer when it is over the view, else on the middle. */
static void
zoom_to_animated (QgGraphView *self,
                  double       scale)
{
  double cx = self->pointer_inside ? self->pointer_x : gtk_widget_get_width (GTK_WIDGET (self)) / 2.0;
  double cy = self->pointer_inside ? self->pointer_y : gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
  double base_scale = self->scale, base_ox = self->ox, base_oy = self->oy;
  double lx, ly;

  /* From where an animation in progress is heading. */
  if (adw_animation_get_state (self->view_animation) == ADW_ANIMATION_PLAYING)
    {
      base_scale = self->to[0];
      base_ox = self->to[1];
      base_oy = self->to[2];
    }
  scale = CLAMP (scale, MIN_ZOOM, MAX_ZOOM);
  lx = (cx - base_ox) / base_scale;
  ly = (cy - base_oy) / base_scale;
  self->fitted = FALSE;
  animate_to (self, scale, cx - lx * scale, cy - ly * scale, TRUE);
}

void
qg_graph_view_zoom_by (QgGraphView *self,
                       double       factor)
{
  double base = self->scale;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (adw_animation_get_state (self->view_animation) == ADW_ANIMATION_PLAYING)
    base = self->to[0];
  zoom_to_animated (self, base * factor);
}

void
qg_graph_view_zoom_reset (QgGraphView *self)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));
  zoom_to_animated (self, 1.0);
}

void
qg_graph_view_pan (QgGraphView *self,
                   double       dx,
                   double       dy)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  adw_animation_reset (self->view_animation);
  self->fitted = FALSE;
  set_transform (self, self->scale, self->ox + dx, self->oy + dy);
}

double
qg_graph_view_get_zoom (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), 1);
  return self->scale;
}

void
qg_graph_view_widget_to_layout (QgGraphView *self,
                                double       x,
                                double       y,
                                double      *lx,
                                double      *ly)
{
  *lx = (x - self->ox) / self->scale;
  *ly = (y - self->oy) / self->scale;
}

void
qg_graph_view_layout_to_widget (QgGraphView *self,
                                double       lx,
                                double       ly,
                                double      *x,
                                double      *y)
{
  *x = lx * self->scale + self->ox;
  *y = ly * self->scale + self->oy;
}

/* Skipping an animation that never played would jump to its unset end. */
static void
finish (AdwAnimation *animation)
{
  if (adw_animation_get_state (animation) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (animation);
}

void
qg_graph_view_finish_animations (QgGraphView *self)
{
  finish (self->view_animation);
  finish (self->transition_animation);
}

/* ------------------------------------------------------------------------ */
/* Selection                                                                 */

static const char *
item_id (QgGraphView *self,
         QgItemKind   kind,
         guint        index)
{
  if (self->document == NULL)
    return NULL;
  if (kind == QG_ITEM_NODE)
    return qg_document_get_entity (self->document, index)->id;
  if (kind == QG_ITEM_EDGE)
    return qg_document_get_relation (self->document, index)->id;
  return NULL;
}

static gboolean
find_item (QgGraphView *self,
           const char  *id,
           QgItemKind  *kind,
           guint       *index)
{
  gint entity;

  if (self->document == NULL || id == NULL)
    return FALSE;
  entity = qg_document_find_entity (self->document, id);
  if (entity >= 0)
    {
      *kind = QG_ITEM_NODE;
      *index = entity;
      return TRUE;
    }
  for (guint i = 0; i < qg_document_get_n_relations (self->document); i++)
    if (strcmp (qg_document_get_relation (self->document, i)->id, id) == 0)
      {
        *kind = QG_ITEM_EDGE;
        *index = i;
        return TRUE;
      }
  return FALSE;
}

/* What to emphasise and what to dim follows from the selection. */
static void
update_emphasis (QgGraphView *self)
{
  guint n_nodes, n_edges;

  g_clear_pointer (&self->node_emphasis, g_free);
  g_clear_pointer (&self->edge_emphasis, g_free);
  if (self->document == NULL || self->selection_kind == QG_ITEM_NONE)
    return;

  n_nodes = qg_document_get_n_entities (self->document);
  n_edges = qg_document_get_n_relations (self->document);
  self->node_emphasis = g_malloc (MAX (n_nodes, 1));
  self->edge_emphasis = g_malloc (MAX (n_edges, 1));
  memset (self->node_emphasis, EMPHASIS_DIM, n_nodes);
  memset (self->edge_emphasis, EMPHASIS_DIM, n_edges);

  for (guint i = 0; i < n_edges; i++)
    {
      const QgRelation *r = qg_document_get_relation (self->document, i);

      if (self->selection_kind == QG_ITEM_NODE
          && (r->source == (gint) self->selection_index
              || r->target == (gint) self->selection_index))
        {
          self->edge_emphasis[i] = EMPHASIS_NEAR;
          self->node_emphasis[r->source] = EMPHASIS_NEAR;
          self->node_emphasis[r->target] = EMPHASIS_NEAR;
        }
      else if (self->selection_kind == QG_ITEM_EDGE && i == self->selection_index)
        {
          self->edge_emphasis[i] = EMPHASIS_SELECTED;
          self->node_emphasis[r->source] = EMPHASIS_NEAR;
          self->node_emphasis[r->target] = EMPHASIS_NEAR;
        }
    }
  if (self->selection_kind == QG_ITEM_NODE)
    self->node_emphasis[self->selection_index] = EMPHASIS_SELECTED;
}

static void
set_selection (QgGraphView *self,
               QgItemKind   kind,
               guint        index)
{
  const char *id;

  if (kind == self->selection_kind && (kind == QG_ITEM_NONE || index == self->selection_index))
    return;
  self->selection_kind = kind;
  self->selection_index = index;
  update_emphasis (self);

  id = item_id (self, kind, index);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  id ? id : "", -1);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

const char *
qg_graph_view_get_selection (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);
  return item_id (self, self->selection_kind, self->selection_index);
}

gboolean
qg_graph_view_set_selection (QgGraphView *self,
                             const char  *id)
{
  QgItemKind kind;
  guint index;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), FALSE);

  if (id == NULL)
    {
      set_selection (self, QG_ITEM_NONE, 0);
      return TRUE;
    }
  if (!find_item (self, id, &kind, &index))
    return FALSE;
  set_selection (self, kind, index);
  return TRUE;
}

static void
item_center (QgGraphView *self,
             QgItemKind   kind,
             guint        index,
             double      *x,
             double      *y)
{
  const QgItem *item = kind == QG_ITEM_NODE ? qg_layout_get_node (self->layout, index)
                                            : qg_layout_get_edge (self->layout, index);
  *x = item->cx;
  *y = item->cy;
}

void
qg_graph_view_center_on_selection (QgGraphView *self,
                                   gboolean     animate)
{
  double cx, cy, w, h;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || self->selection_kind == QG_ITEM_NONE)
    return;
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0)
    {
      /* Not allocated yet: once it is, fit, then centre. */
      self->center_pending = TRUE;
      return;
    }
  item_center (self, self->selection_kind, self->selection_index, &cx, &cy);
  self->fitted = FALSE;
  animate_to (self, self->scale, w / 2 - cx * self->scale, h / 2 - cy * self->scale, animate);
}

/* Brings the selection into view if it is not, without moving otherwise. */
static void
reveal_selection (QgGraphView *self)
{
  double cx, cy, x, y;
  double w = gtk_widget_get_width (GTK_WIDGET (self));
  double h = gtk_widget_get_height (GTK_WIDGET (self));

  if (self->layout == NULL || self->selection_kind == QG_ITEM_NONE)
    return;
  item_center (self, self->selection_kind, self->selection_index, &cx, &cy);
  qg_graph_view_layout_to_widget (self, cx, cy, &x, &y);
  if (x < FIT_MARGIN || y < FIT_MARGIN || x > w - FIT_MARGIN || y > h - FIT_MARGIN)
    qg_graph_view_center_on_selection (self, TRUE);
}

static int
compare_reading_order (gconstpointer a,
                       gconstpointer b,
                       gpointer      user_data)
{
  QgLayout *layout = user_data;
  const QgItem *na = qg_layout_get_node (layout, *(const guint *) a);
  const QgItem *nb = qg_layout_get_node (layout, *(const guint *) b);
  /* Nodes whose centres are within a few points are on one line. */
  double dy = na->cy - nb->cy;

  if (fabs (dy) > 4)
    return dy < 0 ? -1 : 1;
  if (na->cx != nb->cx)
    return na->cx < nb->cx ? -1 : 1;
  return 0;
}

static void
update_reading_order (QgGraphView *self)
{
  guint n;

  g_clear_pointer (&self->reading_order, g_free);
  if (self->layout == NULL)
    return;
  n = qg_layout_get_n_nodes (self->layout);
  self->reading_order = g_new (guint, MAX (n, 1));
  for (guint i = 0; i < n; i++)
    self->reading_order[i] = i;
  g_qsort_with_data (self->reading_order, n, sizeof (guint), compare_reading_order,
                     self->layout);
}

void
qg_graph_view_select_next (QgGraphView *self,
                           int          step)
{
  guint n, position = 0;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || (n = qg_layout_get_n_nodes (self->layout)) == 0)
    return;

  if (self->selection_kind != QG_ITEM_NODE)
    position = step > 0 ? n - 1 : 0;
  else
    for (guint i = 0; i < n; i++)
      if (self->reading_order[i] == self->selection_index)
        position = i;
  /* The next one shown, if any is. */
  for (guint tries = 0; tries < n; tries++)
    {
      position = (position + n + (step > 0 ? 1 : -1)) % n;
      if (!is_hidden (self, QG_ITEM_NODE, self->reading_order[position]))
        break;
    }
  if (is_hidden (self, QG_ITEM_NODE, self->reading_order[position]))
    return;
  set_selection (self, QG_ITEM_NODE, self->reading_order[position]);
  reveal_selection (self);
}

gboolean
qg_graph_view_select_toward (QgGraphView *self,
                             int          dx,
                             int          dy)
{
  double x0, y0;
  double best = G_MAXDOUBLE;
  gint best_index = -1;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), FALSE);

  if (self->layout == NULL)
    return FALSE;
  if (self->selection_kind == QG_ITEM_NODE)
    item_center (self, QG_ITEM_NODE, self->selection_index, &x0, &y0);
  else
    qg_graph_view_widget_to_layout (self, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                                    gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &x0, &y0);

  for (guint i = 0; i < qg_layout_get_n_nodes (self->layout); i++)
    {
      const QgItem *node = qg_layout_get_node (self->layout, i);
      double vx = node->cx - x0, vy = node->cy - y0;
      double along = vx * dx + vy * dy;
      double across = fabs (vx * dy - vy * dx);
      double score;

      if ((self->selection_kind == QG_ITEM_NODE && i == self->selection_index)
          || is_hidden (self, QG_ITEM_NODE, i))
        continue;
      /* Within 60° of the direction; sideways distance counts double. */
      if (along <= 0 || across > along * 1.8)
        continue;
      score = along + 2 * across;
      if (score < best)
        {
          best = score;
          best_index = i;
        }
    }
  if (best_index < 0)
    return FALSE;
  set_selection (self, QG_ITEM_NODE, best_index);
  reveal_selection (self);
  return TRUE;
}

/* ------------------------------------------------------------------------ */
/* Filters and search                                                        */


static void
set_flags (guint8       **flags,
           const guint8  *values,
           guint          n)
{
  gboolean any = FALSE;

  g_clear_pointer (flags, g_free);
  for (guint i = 0; values != NULL && i < n && !any; i++)
    any = values[i] != 0;
  if (any)
    *flags = g_memdup2 (values, MAX (n, 1));
}

/* Hides nodes and edges (arrays of flags, one per entity and relation, or
 * NULL for none) without a new layout. */
void
qg_graph_view_set_hidden (QgGraphView  *self,
                          const guint8 *entities,
                          const guint8 *relations)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));
  g_return_if_fail (self->document != NULL);

  set_flags (&self->hidden_nodes, entities, qg_document_get_n_entities (self->document));
  set_flags (&self->hidden_edges, relations, qg_document_get_n_relations (self->document));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gboolean
qg_graph_view_is_hidden (QgGraphView *self,
                         const char  *id)
{
  QgItemKind kind;
  guint index;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), FALSE);
  return find_item (self, id, &kind, &index) && is_hidden (self, kind, index);
}

/* Marks what a search found, drawn in the accent colour. */
void
qg_graph_view_set_matches (QgGraphView  *self,
                           const guint8 *entities,
                           const guint8 *relations)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));
  g_return_if_fail (self->document != NULL);

  set_flags (&self->matched_nodes, entities, qg_document_get_n_entities (self->document));
  set_flags (&self->matched_edges, relations, qg_document_get_n_relations (self->document));
  if (self->matched_nodes == NULL && self->matched_edges != NULL)
    self->matched_nodes = g_new0 (guint8, MAX (qg_document_get_n_entities (self->document), 1));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------ */
/* Document and layout                                                       */

static guint8
kind_index (const char *kind)
{
  for (guint i = 0; i < OTHER_KIND; i++)
    if (strcmp (kind, kind_names[i]) == 0)
      return i;
  return OTHER_KIND;
}

static void
clear_texts (QgGraphView *self)
{
  for (guint i = 0; i < self->n_texts; i++)
    g_clear_object (&self->texts[i]);
  g_clear_pointer (&self->texts, g_free);
  self->n_texts = 0;
}

void
qg_graph_view_set_document (QgGraphView *self,
                            QgDocument  *document)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (self->document == document)
    return;

  set_selection (self, QG_ITEM_NONE, 0);
  self->hover_kind = QG_ITEM_NONE;
  g_clear_pointer (&self->layout, qg_layout_unref);
  g_clear_pointer (&self->previous, qg_layout_unref);
  g_clear_pointer (&self->entity_kind, g_free);
  g_clear_pointer (&self->reading_order, g_free);
  g_clear_pointer (&self->hidden_nodes, g_free);
  g_clear_pointer (&self->hidden_edges, g_free);
  g_clear_pointer (&self->matched_nodes, g_free);
  g_clear_pointer (&self->matched_edges, g_free);
  clear_texts (self);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      guint n = qg_document_get_n_entities (document);

      self->entity_kind = g_new (guint8, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->entity_kind[i] = kind_index (qg_document_get_entity (document, i)->kind);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

QgDocument *
qg_graph_view_get_document (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);
  return self->document;
}

static void
transition_step (double   value,
                 gpointer user_data)
{
  QgGraphView *self = user_data;

  self->transition = value;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
transition_done (QgGraphView *self)
{
  g_clear_pointer (&self->previous, qg_layout_unref);
  self->transition = 1;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
qg_graph_view_set_layout (QgGraphView *self,
                          QgLayout    *layout,
                          gboolean     animate)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));
  g_return_if_fail (layout == NULL || self->document != NULL);
  g_return_if_fail (layout == NULL
                    || qg_layout_get_n_nodes (layout)
                       == qg_document_get_n_entities (self->document));

  if (self->layout == layout)
    return;

  finish (self->transition_animation);
  g_clear_pointer (&self->previous, qg_layout_unref);
  if (animate && self->layout != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->previous = g_steal_pointer (&self->layout);
  g_clear_pointer (&self->layout, qg_layout_unref);
  self->layout = layout ? qg_layout_ref (layout) : NULL;
  self->hover_kind = QG_ITEM_NONE;
  clear_texts (self);
  update_reading_order (self);

  if (self->layout != NULL)
    {
      /* One slot per op: only text ops get a Pango layout. */
      self->n_texts = qg_layout_get_n_ops (layout);
      self->max_font = 0;
      for (guint i = 0; i < self->n_texts; i++)
        if (qg_layout_get_op (layout, i)->kind == QG_OP_TEXT)
          self->max_font = MAX (self->max_font, qg_layout_get_op (layout, i)->h);
      self->texts = g_new0 (PangoLayout *, MAX (self->n_texts, 1));

      /* Keep the selection in view across layouts; otherwise show it all. */
      if (self->selection_kind != QG_ITEM_NONE && !self->fitted && self->scale > 0)
        qg_graph_view_center_on_selection (self, animate);
      else
        qg_graph_view_zoom_fit (self, animate);
    }

  if (self->previous != NULL)
    {
      self->transition = 0;
      adw_animation_play (self->transition_animation);
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

QgLayout *
qg_graph_view_get_layout (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

const char *
qg_graph_view_hit (QgGraphView *self,
                   double       x,
                   double       y)
{
  double lx, ly;
  guint index;
  QgItemKind kind;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);

  if (self->layout == NULL || self->scale <= 0)
    return NULL;
  qg_graph_view_widget_to_layout (self, x, y, &lx, &ly);
  kind = qg_layout_hit_shown (self->layout, lx, ly, HIT_SLOP / self->scale, self->hidden_nodes,
                              self->hidden_edges, &index);
  return item_id (self, kind, index);
}

/* ------------------------------------------------------------------------ */
/* Drawing                                                                   */

static void
set_color (cairo_t       *cr,
           const GdkRGBA *color,
           double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

static void
path_op (cairo_t      *cr,
         const QgOp   *op,
         const double *pts,
         double        dx,
         double        dy)
{
  switch (op->kind)
    {
    case QG_OP_ELLIPSE:
      cairo_save (cr);
      cairo_translate (cr, op->x + dx, op->y + dy);
      cairo_scale (cr, MAX (op->w, 1e-3), MAX (op->h, 1e-3));
      cairo_new_sub_path (cr);
      cairo_arc (cr, 0, 0, 1, 0, 2 * G_PI);
      cairo_restore (cr);
      break;
    case QG_OP_POLYGON:
    case QG_OP_POLYLINE:
      cairo_move_to (cr, pts[0] + dx, pts[1] + dy);
      for (guint i = 1; i < op->n_points; i++)
        cairo_line_to (cr, pts[2 * i] + dx, pts[2 * i + 1] + dy);
      if (op->kind == QG_OP_POLYGON)
        cairo_close_path (cr);
      break;
    case QG_OP_BEZIER:
      cairo_move_to (cr, pts[0] + dx, pts[1] + dy);
      for (guint i = 1; i + 2 < op->n_points; i += 3)
        cairo_curve_to (cr, pts[2 * i] + dx, pts[2 * i + 1] + dy, pts[2 * i + 2] + dx,
                        pts[2 * i + 3] + dy, pts[2 * i + 4] + dx, pts[2 * i + 5] + dy);
      if (op->filled)
        cairo_close_path (cr);
      break;
    case QG_OP_TEXT:
    default:
      break;
    }
}

/* Dashes shorter than this on screen are drawn as a fainter solid line:
 * they would not read, and cost the most to draw. */
#define DASH_MIN_PIXELS 1.0

static void
set_line (QgGraphView *self,
          cairo_t     *cr,
          const QgOp  *op,
          double       extra_pixels)
{
  double width = MAX (op->pen_width, 1.0 / self->scale) + extra_pixels / self->scale;

  cairo_set_line_width (cr, width);
  if (op->dashed && 2 * self->scale >= DASH_MIN_PIXELS)
    cairo_set_dash (cr, (double[]) { 5, 2 }, 2, 0);
  else if (op->dotted && 2 * self->scale >= DASH_MIN_PIXELS)
    cairo_set_dash (cr, (double[]) { 1, 2 }, 2, 0);
  else
    cairo_set_dash (cr, NULL, 0, 0);
}

/* Fainter where the dashes were dropped. */
static double
dash_alpha (QgGraphView *self,
            const QgOp  *op)
{
  return (op->dashed || op->dotted) && 2 * self->scale < DASH_MIN_PIXELS ? 0.6 : 1.0;
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
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, op->text, -1);
  if (op_index < self->n_texts)
    self->texts[op_index] = layout;
  return layout;
}

static double
text_left (const QgOp *op)
{
  return op->align == QG_ALIGN_CENTER ? op->x - op->w / 2
         : op->align == QG_ALIGN_RIGHT ? op->x - op->w : op->x;
}

/* Readable text is drawn as text; text too small to read, as the path of a
 * bar where the line is (filled by the caller, with all the others). */
static void
draw_text (QgGraphView   *self,
           cairo_t       *cr,
           guint          op_index,
           const GdkRGBA *color,
           double         alpha,
           double         dx,
           double         dy,
           gboolean       bars)
{
  const QgOp *op = qg_layout_get_op (self->layout, op_index);
  double pixels = op->h * self->scale;
  PangoLayout *layout;
  double left;
  int width, baseline;

  if (pixels < TEXT_NONE_PIXELS || op->text == NULL)
    return;
  if (pixels < TEXT_MIN_PIXELS)
    {
      if (bars)
        cairo_rectangle (cr, text_left (op) + dx, op->y - op->h * 0.6 + dy, op->w, op->h * 0.45);
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

/* During a change of layout, nodes glide from their old place. */
static void
node_offset (QgGraphView *self,
             guint        index,
             double      *dx,
             double      *dy)
{
  *dx = *dy = 0;
  if (self->previous != NULL)
    {
      const QgItem *from = qg_layout_get_node (self->previous, index);
      const QgItem *to = qg_layout_get_node (self->layout, index);
      double t = self->transition;

      *dx = (from->cx - to->cx) * (1 - t);
      *dy = (from->cy - to->cy) * (1 - t);
    }
}

/* Drawing goes by batches: every element of one look (stance or kind, and
 * emphasis) joins one path, filled or stroked once. Cairo's cost is per
 * operation more than per shape, so a map of thousands of elements takes
 * tens of operations, not thousands. The selection and the element under
 * the pointer are drawn last, on their own, over everything. */

typedef enum
{
  LOOK_DIM,
  LOOK_NORMAL,
  N_LOOKS
} Look;

static Look
look_of (const guint8 *emphasis,
         guint         index)
{
  return emphasis != NULL && emphasis[index] == EMPHASIS_DIM ? LOOK_DIM : LOOK_NORMAL;
}

static double
look_alpha (Look look)
{
  return look == LOOK_DIM ? DIM_ALPHA : 1.0;
}

static gboolean
is_hidden (QgGraphView *self,
           QgItemKind   kind,
           guint        index)
{
  const guint8 *hidden = kind == QG_ITEM_NODE ? self->hidden_nodes : self->hidden_edges;

  return hidden != NULL && hidden[index];
}

static gboolean
is_matched (QgGraphView *self,
            QgItemKind   kind,
            guint        index)
{
  const guint8 *matched = kind == QG_ITEM_NODE ? self->matched_nodes : self->matched_edges;

  return matched != NULL && matched[index];
}

/* Drawn apart, over the rest: the selection, what is under the pointer,
 * what the search found; and hidden elements are not drawn at all. */
static gboolean
is_special (QgGraphView *self,
            QgItemKind   kind,
            guint        index)
{
  return (self->selection_kind == kind && self->selection_index == index)
         || (self->hover_kind == kind && self->hover_index == index)
         || is_matched (self, kind, index) || is_hidden (self, kind, index);
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
      path_op (cr, op, pts + 2 * op->first, dx, dy);
      if (first == NULL)
        first = op;
    }
  return first;
}

/* An edge's spline (not its arrowheads), and the style of its line. */
static const QgOp *
path_edge_line (QgGraphView  *self,
                cairo_t      *cr,
                const QgItem *item)
{
  const double *pts = qg_layout_get_points (self->layout);
  const QgOp *line = NULL;

  for (guint i = 0; i < item->n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_op + i);

      if (op->filled)
        continue;
      path_op (cr, op, pts + 2 * op->first, 0, 0);
      if (line == NULL)
        line = op;
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

          if (r->stance != stance)
            continue;
          a = qg_layout_get_node (self->layout, r->source);
          b = qg_layout_get_node (self->layout, r->target);
          node_offset (self, r->source, &ax, &ay);
          node_offset (self, r->target, &bx, &by);
          cairo_move_to (cr, a->cx + ax, a->cy + ay);
          cairo_line_to (cr, b->cx + bx, b->cy + by);
        }
      set_color (cr, &self->stance[stance], 0.7);
      cairo_set_line_width (cr, MAX (1.0, 1.0 / self->scale));
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke (cr);
    }
}

static void
draw_edge_batch (QgGraphView *self,
                 cairo_t     *cr,
                 const guint *edges,
                 guint        n,
                 guint        stance,
                 Look         look)
{
  const QgOp *style = NULL;

  for (guint k = 0; k < n; k++)
    {
      guint i = edges[k];

      if (qg_document_get_relation (self->document, i)->stance == stance
          && look_of (self->edge_emphasis, i) == look && !is_special (self, QG_ITEM_EDGE, i))
        {
          const QgOp *line = path_edge_line (self, cr, qg_layout_get_edge (self->layout, i));
          style = style ? style : line;
        }
    }
  if (style == NULL)
    {
      cairo_new_path (cr);
      return;
    }
  set_color (cr, &self->stance[stance], look_alpha (look) * dash_alpha (self, style));
  set_line (self, cr, style, 0);
  cairo_stroke (cr);

  /* Arrowheads, filled in the same colour. */
  for (guint k = 0; k < n; k++)
    {
      guint i = edges[k];

      if (qg_document_get_relation (self->document, i)->stance == stance
          && look_of (self->edge_emphasis, i) == look && !is_special (self, QG_ITEM_EDGE, i))
        path_item (self, cr, qg_layout_get_edge (self->layout, i), TRUE, 0, 0);
    }
  set_color (cr, &self->stance[stance], look_alpha (look));
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

  line = path_edge_line (self, cr, item);
  if (line != NULL)
    {
      set_color (cr, &self->accent, selected ? 0.45 : 0.25);
      set_line (self, cr, line, selected ? 6 : 4);
      cairo_set_dash (cr, NULL, 0, 0);
      cairo_stroke_preserve (cr);
      set_color (cr, &self->stance[relation->stance], 1);
      set_line (self, cr, line, selected ? 1 : 0.5);
      cairo_stroke (cr);
    }
  path_item (self, cr, item, TRUE, 0, 0);
  set_color (cr, &self->stance[relation->stance], 1);
  cairo_fill (cr);
}

static void
draw_node_batch (QgGraphView *self,
                 cairo_t     *cr,
                 const guint *nodes,
                 guint        n,
                 guint        kind,
                 Look         look)
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

          if (self->entity_kind[i] != kind || look_of (self->node_emphasis, i) != look
              || is_special (self, QG_ITEM_NODE, i))
            continue;
          node_offset (self, i, &dx, &dy);
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
          set_color (cr, &self->fill[kind], look_alpha (look));
          cairo_fill (cr);
        }
      else
        {
          set_color (cr, &self->stroke[kind], look_alpha (look) * dash_alpha (self, style));
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

  node_offset (self, index, &dx, &dy);
  path_item (self, cr, item, TRUE, dx, dy);
  set_color (cr, &self->fill[kind], 1);
  cairo_fill (cr);
  style = path_item (self, cr, item, FALSE, dx, dy);
  if (style != NULL)
    {
      set_color (cr, &self->accent, 1);
      set_line (self, cr, style, selected ? 2.5 : 1.5);
      cairo_stroke (cr);
    }
  else
    cairo_new_path (cr);
  for (guint i = 0; i < item->n_texts; i++)
    draw_text (self, cr, item->first_text + i, &self->node_text, 1, dx, dy, FALSE);
}

/* The labels of a set of items: bars in one fill per look, then text. */
static void
draw_labels (QgGraphView   *self,
             cairo_t       *cr,
             const guint   *items,
             guint          n,
             QgItemKind     kind,
             const GdkRGBA *color)
{
  const guint8 *emphasis = kind == QG_ITEM_NODE ? self->node_emphasis : self->edge_emphasis;

  for (Look look = 0; look < N_LOOKS; look++)
    {
      for (int bars = 1; bars >= 0; bars--)
        {
          for (guint k = 0; k < n; k++)
            {
              guint i = items[k];
              const QgItem *item = kind == QG_ITEM_NODE ? qg_layout_get_node (self->layout, i)
                                                        : qg_layout_get_edge (self->layout, i);
              double dx = 0, dy = 0;

              if (look_of (emphasis, i) != look || is_special (self, kind, i))
                continue;
              if (kind == QG_ITEM_NODE)
                node_offset (self, i, &dx, &dy);
              for (guint t = 0; t < item->n_texts; t++)
                draw_text (self, cr, item->first_text + t, color, look_alpha (look), dx, dy,
                           bars);
            }
          if (bars)
            {
              set_color (cr, color, look_alpha (look) * 0.35);
              cairo_fill (cr);
            }
        }
    }
}

static void draw_specials (QgGraphView *self,
                           cairo_t     *cr);

static void
draw (QgGraphView *self,
      cairo_t     *cr,
      double       width,
      double       height)
{
  guint n_edges = qg_layout_get_n_edges (self->layout);
  guint n_nodes = qg_layout_get_n_nodes (self->layout);
  g_autofree guint *edges = g_new (guint, MAX (n_edges, 1));
  g_autofree guint *nodes = g_new (guint, MAX (n_nodes, 1));
  guint n_visible_edges = 0, n_visible_nodes = 0;
  double clip[4];

  /* What is on screen, in layout points, with room for line widths. */
  qg_graph_view_widget_to_layout (self, -8, -8, &clip[0], &clip[1]);
  qg_graph_view_widget_to_layout (self, width + 8, height + 8, &clip[2], &clip[3]);

  for (guint i = 0; i < n_edges; i++)
    if (visible (qg_layout_get_edge (self->layout, i), clip, 0, 0) || self->previous != NULL)
      edges[n_visible_edges++] = i;
  for (guint i = 0; i < n_nodes; i++)
    {
      double dx, dy;

      node_offset (self, i, &dx, &dy);
      if (visible (qg_layout_get_node (self->layout, i), clip, dx, dy))
        nodes[n_visible_nodes++] = i;
    }

  cairo_translate (cr, self->ox, self->oy);
  cairo_scale (cr, self->scale, self->scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_new_path (cr);

  /* Edges: dimmed ones first, so that what matters is drawn over them. */
  if (self->previous != NULL)
    draw_moving_edges (self, cr, edges, n_visible_edges);
  else
    {
      for (Look look = 0; look < N_LOOKS; look++)
        for (guint stance = 0; stance < 3; stance++)
          draw_edge_batch (self, cr, edges, n_visible_edges, stance, look);
      draw_labels (self, cr, edges, n_visible_edges, QG_ITEM_EDGE, &self->edge_text);
    }

  for (Look look = 0; look < N_LOOKS; look++)
    for (guint kind = 0; kind < N_KINDS; kind++)
      draw_node_batch (self, cr, nodes, n_visible_nodes, kind, look);
  draw_labels (self, cr, nodes, n_visible_nodes, QG_ITEM_NODE, &self->node_text);

  draw_specials (self, cr);
}

/* ------------------------------------------------------------------------ */
/* The map from afar: every label is a bar, lines are a pixel wide, and
 * thousands of elements are drawn by the small rasteriser in a fraction of
 * what cairo takes for them. */

typedef struct
{
  QgRaster raster;
  double   scale;   /* layout → device pixels */
  double   ox;
  double   oy;
} Overview;

static QgPaint
paint_of (const GdkRGBA *color,
          double         alpha)
{
  return qg_paint_from_rgba (color->red, color->green, color->blue, color->alpha * alpha);
}

/* An op's outline as device points: polygons as they are, splines and
 * ellipses flattened. Returns the number of points. */
static int
flatten_op (const Overview *o,
            const QgOp     *op,
            const double   *pts,
            double          dx,
            double          dy,
            double         *out,
            int             max)
{
  int n = 0;

#define PUT(X, Y) G_STMT_START { if (n < max) { out[2 * n] = ((X) + dx) * o->scale + o->ox; \
                                                out[2 * n + 1] = ((Y) + dy) * o->scale + o->oy; \
                                                n++; } } G_STMT_END
  switch (op->kind)
    {
    case QG_OP_ELLIPSE:
      {
        /* As many sides as the ellipse is large on screen, from 8 to 32. */
        int sides = CLAMP ((int) ((op->w + op->h) * o->scale / 2), 8, 32);

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
      PUT (pts[0], pts[1]);
      for (guint i = 0; i + 3 < op->n_points; i += 3)
        {
          const double *p = pts + 2 * i;
          /* Few segments: the curve spans only a few pixels from afar. */
          double span = (fabs (p[6] - p[0]) + fabs (p[7] - p[1])) * o->scale;
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

/* Filled ops are filled, and outlined if @outline; the others are lines. */
static void
overview_item (QgGraphView   *self,
               Overview      *o,
               const QgItem  *item,
               double         dx,
               double         dy,
               const QgPaint *fill,
               const QgPaint *line,
               gboolean       outline)
{
  const double *pts = qg_layout_get_points (self->layout);
  double buf[2 * 256];

  for (guint i = 0; i < item->n_ops; i++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_op + i);
      int n = flatten_op (o, op, pts + 2 * op->first, dx, dy, buf, 256);
      gboolean closed = op->kind != QG_OP_POLYLINE && (op->filled || op->kind != QG_OP_BEZIER);

      if (op->filled)
        qg_raster_fill_polygon (&o->raster, buf, n, fill);
      if (!op->filled || outline)
        {
          for (int k = 0; k + 1 < n; k++)
            qg_raster_line (&o->raster, buf[2 * k], buf[2 * k + 1], buf[2 * k + 2],
                            buf[2 * k + 3], line);
          if (closed && n > 2)
            qg_raster_line (&o->raster, buf[2 * n - 2], buf[2 * n - 1], buf[0], buf[1], line);
        }
    }
}

static void
overview_bars (QgGraphView   *self,
               Overview      *o,
               const QgItem  *item,
               double         dx,
               double         dy,
               const QgPaint *paint)
{
  for (guint t = 0; t < item->n_texts; t++)
    {
      const QgOp *op = qg_layout_get_op (self->layout, item->first_text + t);

      if (op->h * self->scale < TEXT_NONE_PIXELS)
        continue;
      qg_raster_fill_rectangle (&o->raster, (text_left (op) + dx) * o->scale + o->ox,
                                (op->y - op->h * 0.6 + dy) * o->scale + o->oy,
                                op->w * o->scale, op->h * 0.45 * o->scale, paint);
    }
}

/* One horizontal band of the overview: each band is drawn whole by one
 * thread, items crossing bands are clipped to each. */
typedef struct
{
  QgGraphView *self;
  Overview     o;
  double       clip[4];
} Band;

static gpointer
draw_band (gpointer data)
{
  Band *band = data;
  QgGraphView *self = band->self;
  Overview *o = &band->o;
  guint n_edges = qg_layout_get_n_edges (self->layout);
  guint n_nodes = qg_layout_get_n_nodes (self->layout);

  /* Dimmed first, then the rest, as in the detailed drawing. */
  for (Look look = 0; look < N_LOOKS; look++)
    for (guint i = 0; i < n_edges; i++)
      {
        const QgItem *item = qg_layout_get_edge (self->layout, i);
        const QgOp *first;
        QgPaint paint;

        if (look_of (self->edge_emphasis, i) != look || is_special (self, QG_ITEM_EDGE, i)
            || !visible (item, band->clip, 0, 0) || item->n_ops == 0)
          continue;
        first = qg_layout_get_op (self->layout, item->first_op);
        paint = paint_of (&self->stance[qg_document_get_relation (self->document, i)->stance],
                          look_alpha (look) * dash_alpha (self, first));
        overview_item (self, o, item, 0, 0, &paint, &paint, FALSE);
      }
  for (guint i = 0; i < n_edges; i++)
    {
      const QgItem *item = qg_layout_get_edge (self->layout, i);
      QgPaint paint = paint_of (&self->edge_text,
                                look_alpha (look_of (self->edge_emphasis, i)) * 0.35);

      if (!is_special (self, QG_ITEM_EDGE, i) && visible (item, band->clip, 0, 0))
        overview_bars (self, o, item, 0, 0, &paint);
    }

  for (Look look = 0; look < N_LOOKS; look++)
    for (guint i = 0; i < n_nodes; i++)
      {
        const QgItem *item = qg_layout_get_node (self->layout, i);
        guint kind = self->entity_kind[i];
        QgPaint fill, line, bar;

        if (look_of (self->node_emphasis, i) != look || is_special (self, QG_ITEM_NODE, i)
            || !visible (item, band->clip, 0, 0))
          continue;
        fill = paint_of (&self->fill[kind], look_alpha (look));
        line = paint_of (&self->stroke[kind], look_alpha (look));
        bar = paint_of (&self->node_text, look_alpha (look) * 0.35);
        overview_item (self, o, item, 0, 0, &fill, &line, TRUE);
        overview_bars (self, o, item, 0, 0, &bar);
      }
  return NULL;
}

static void
draw_overview (QgGraphView *self,
               GtkSnapshot *snapshot,
               double       width,
               double       height)
{
  int factor = gtk_widget_get_scale_factor (GTK_WIDGET (self));
  int raster_width = (int) ceil (width * factor);
  int raster_height = (int) ceil (height * factor);
  guint n_bands = MIN (g_get_num_processors (), 4);
  g_autofree Band *bands = g_new0 (Band, n_bands);
  g_autofree GThread **threads = g_new0 (GThread *, n_bands);
  guint8 *data;
  int stride;
  cairo_t *cr;

  /* One image, reused from frame to frame: cairo copies it first if a
   * frame still being drawn holds it. */
  if (self->overview == NULL
      || cairo_image_surface_get_width (self->overview) != raster_width
      || cairo_image_surface_get_height (self->overview) != raster_height)
    {
      g_clear_pointer (&self->overview, cairo_surface_destroy);
      self->overview = cairo_image_surface_create (CAIRO_FORMAT_RGB24, raster_width,
                                                   raster_height);
      cairo_surface_set_device_scale (self->overview, factor, factor);
    }
  cairo_surface_flush (self->overview);
  data = cairo_image_surface_get_data (self->overview);
  stride = cairo_image_surface_get_stride (self->overview);
  /* Opaque, on the view's own background: painting it is then a copy. */
  {
    QgPaint bg = paint_of (&self->background, 1);
    guint32 pixel = bg.packed | 0xff000000u;

    for (int y = 0; y < raster_height; y++)
      {
        guint32 *row = (guint32 *) (gpointer) (data + (gsize) y * stride);

        for (int x = 0; x < raster_width; x++)
          row[x] = pixel;
      }
  }

  /* Drawing is most of the cost and every band is independent: one thread
   * a band, the last one on this thread. */
  for (guint b = 0; b < n_bands; b++)
    {
      Band *band = &bands[b];
      int top = raster_height * b / n_bands;
      int bottom = raster_height * (b + 1) / n_bands;

      band->self = self;
      band->o.raster.data = data + (gsize) top * stride;
      band->o.raster.width = raster_width;
      band->o.raster.height = bottom - top;
      band->o.raster.stride = stride;
      band->o.scale = self->scale * factor;
      band->o.ox = self->ox * factor;
      band->o.oy = self->oy * factor - top;
      qg_graph_view_widget_to_layout (self, -8, (double) top / factor - 8, &band->clip[0],
                                      &band->clip[1]);
      qg_graph_view_widget_to_layout (self, width + 8, (double) bottom / factor + 8,
                                      &band->clip[2], &band->clip[3]);
      if (b + 1 < n_bands)
        threads[b] = g_thread_new ("qg-overview", draw_band, band);
    }
  draw_band (&bands[n_bands - 1]);
  for (guint b = 0; b + 1 < n_bands; b++)
    g_thread_join (threads[b]);

  cairo_surface_mark_dirty (self->overview);
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  cairo_set_source_surface (cr, self->overview, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
}

/* What the search found, the hovered element, then the selected one, over
 * everything. */
static void
draw_specials (QgGraphView *self,
               cairo_t     *cr)
{
  if (self->matched_edges != NULL && self->previous == NULL)
    for (guint i = 0; i < qg_layout_get_n_edges (self->layout); i++)
      if (self->matched_edges[i] && !is_hidden (self, QG_ITEM_EDGE, i))
        draw_special_edge (self, cr, i);
  if (self->matched_nodes != NULL)
    for (guint i = 0; i < qg_layout_get_n_nodes (self->layout); i++)
      if (self->matched_nodes[i] && !is_hidden (self, QG_ITEM_NODE, i))
        draw_special_node (self, cr, i);

  for (int pass = 0; pass < 2; pass++)
    {
      QgItemKind kind = pass == 0 ? self->hover_kind : self->selection_kind;
      guint index = pass == 0 ? self->hover_index : self->selection_index;

      if (pass == 0 && kind == self->selection_kind && index == self->selection_index)
        continue;
      if (kind != QG_ITEM_NONE && is_hidden (self, kind, index))
        continue;
      if (kind == QG_ITEM_EDGE && self->previous == NULL)
        {
          const QgItem *item = qg_layout_get_edge (self->layout, index);

          draw_special_edge (self, cr, index);
          for (guint t = 0; t < item->n_texts; t++)
            draw_text (self, cr, item->first_text + t, &self->edge_text, 1, 0, 0, FALSE);
        }
      else if (kind == QG_ITEM_NODE)
        draw_special_node (self, cr, index);
    }
}

static gboolean
seen_from_afar (QgGraphView *self)
{
  return self->previous == NULL && self->max_font * self->scale < TEXT_MIN_PIXELS;
}

static void
qg_graph_view_snapshot (GtkWidget   *widget,
                        GtkSnapshot *snapshot)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->layout == NULL || self->document == NULL || width <= 0 || height <= 0)
    return;

  if (seen_from_afar (self))
    {
      draw_overview (self, snapshot, width, height);
      if (self->selection_kind == QG_ITEM_NONE && self->hover_kind == QG_ITEM_NONE
          && self->matched_nodes == NULL)
        return;
      cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
      cairo_translate (cr, self->ox, self->oy);
      cairo_scale (cr, self->scale, self->scale);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      draw_specials (self, cr);
      cairo_destroy (cr);
      return;
    }

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  draw (self, cr, width, height);
  cairo_destroy (cr);
}

static void
qg_graph_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  /* A fitted map stays fitted as the window changes size. */
  if ((self->fitted || self->center_pending) && self->layout != NULL
      && adw_animation_get_state (self->view_animation) != ADW_ANIMATION_PLAYING)
    {
      double scale, ox, oy;

      fit_transform (self, &scale, &ox, &oy);
      set_transform (self, scale, ox, oy);
    }
  if (self->center_pending && width > 0 && height > 0)
    {
      self->center_pending = FALSE;
      qg_graph_view_center_on_selection (self, FALSE);
    }
}

/* ------------------------------------------------------------------------ */
/* Input                                                                     */

static void
set_hover (QgGraphView *self,
           double       x,
           double       y)
{
  QgItemKind kind = QG_ITEM_NONE;
  guint index = 0;

  if (self->layout != NULL && !self->dragging)
    {
      double lx, ly;

      qg_graph_view_widget_to_layout (self, x, y, &lx, &ly);
      kind = qg_layout_hit_shown (self->layout, lx, ly, HIT_SLOP / self->scale, self->hidden_nodes,
                              self->hidden_edges, &index);
    }
  if (kind != self->hover_kind || (kind != QG_ITEM_NONE && index != self->hover_index))
    {
      self->hover_kind = kind;
      self->hover_index = index;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self),
                                       kind != QG_ITEM_NONE ? "pointer" : NULL);
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
motion_cb (GtkEventControllerMotion *controller,
           double                    x,
           double                    y,
           QgGraphView              *self)
{
  self->pointer_x = x;
  self->pointer_y = y;
  self->pointer_inside = TRUE;
  set_hover (self, x, y);
}

static void
leave_cb (GtkEventControllerMotion *controller,
          QgGraphView              *self)
{
  self->pointer_inside = FALSE;
  if (self->hover_kind != QG_ITEM_NONE)
    {
      self->hover_kind = QG_ITEM_NONE;
      gtk_widget_queue_draw (GTK_WIDGET (self));
    }
}

static void
click_released_cb (GtkGestureClick *gesture,
                   int              n_press,
                   double           x,
                   double           y,
                   QgGraphView     *self)
{
  QgItemKind kind = QG_ITEM_NONE;
  guint index = 0;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (self->layout != NULL)
    {
      double lx, ly;

      qg_graph_view_widget_to_layout (self, x, y, &lx, &ly);
      kind = qg_layout_hit_shown (self->layout, lx, ly, HIT_SLOP / self->scale, self->hidden_nodes,
                              self->hidden_edges, &index);
    }
  /* Clicking empty space clears the selection. */
  set_selection (self, kind, index);
  if (n_press == 2 && kind != QG_ITEM_NONE)
    qg_graph_view_center_on_selection (self, TRUE);
}

static void
drag_begin_cb (GtkGestureDrag *gesture,
               double          x,
               double          y,
               QgGraphView    *self)
{
  self->drag_ox = self->ox;
  self->drag_oy = self->oy;
  self->dragging = FALSE;
}

static void
drag_update_cb (GtkGestureDrag *gesture,
                double          dx,
                double          dy,
                QgGraphView    *self)
{
  if (!self->dragging)
    {
      double x, y;

      gtk_gesture_drag_get_start_point (gesture, &x, &y);
      if (!gtk_drag_check_threshold (GTK_WIDGET (self), x, y, x + dx, y + dy))
        return;
      /* A drag, not a click: the click gesture lets go. */
      self->dragging = TRUE;
      gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), "grabbing");
    }
  adw_animation_reset (self->view_animation);
  self->fitted = FALSE;
  set_transform (self, self->scale, self->drag_ox + dx, self->drag_oy + dy);
}

static void
drag_end_cb (GtkGestureDrag *gesture,
             double          dx,
             double          dy,
             QgGraphView    *self)
{
  if (self->dragging)
    {
      self->dragging = FALSE;
      gtk_widget_set_cursor_from_name (GTK_WIDGET (self), NULL);
      set_hover (self, self->pointer_x, self->pointer_y);
    }
}

static gboolean
scroll_cb (GtkEventControllerScroll *controller,
           double                    dx,
           double                    dy,
           QgGraphView              *self)
{
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));
  gboolean wheel = gtk_event_controller_scroll_get_unit (controller) == GDK_SCROLL_UNIT_WHEEL;

  if (self->layout == NULL)
    return FALSE;

  if (state & GDK_CONTROL_MASK)
    {
      /* Zoom on the point under the pointer. */
      GdkEvent *event = gtk_event_controller_get_current_event (GTK_EVENT_CONTROLLER (controller));
      double x = self->pointer_x, y = self->pointer_y;

      if (event != NULL)
        gdk_event_get_position (event, &x, &y);
      qg_graph_view_zoom_at (self, pow (wheel ? ZOOM_STEP : 1.01, -dy), x, y);
      return TRUE;
    }

  if (state & GDK_SHIFT_MASK && dx == 0)
    {
      dx = dy;
      dy = 0;
    }
  qg_graph_view_pan (self, -dx * (wheel ? 50 : 1), -dy * (wheel ? 50 : 1));
  return TRUE;
}

static void
pinch_begin_cb (GtkGesture       *gesture,
                GdkEventSequence *sequence,
                QgGraphView      *self)
{
  self->pinch_scale = self->scale;
}

static void
pinch_changed_cb (GtkGestureZoom *gesture,
                  double          scale,
                  QgGraphView    *self)
{
  double x, y;

  if (!gtk_gesture_get_bounding_box_center (GTK_GESTURE (gesture), &x, &y))
    return;
  qg_graph_view_zoom_at (self, self->pinch_scale * scale / self->scale, x, y);
}

static gboolean
query_tooltip_cb (QgGraphView *self,
                  int          x,
                  int          y,
                  gboolean     keyboard,
                  GtkTooltip  *tooltip)
{
  double lx, ly;
  guint index;
  QgItemKind kind;

  if (self->layout == NULL || keyboard)
    return FALSE;
  qg_graph_view_widget_to_layout (self, x, y, &lx, &ly);
  kind = qg_layout_hit_shown (self->layout, lx, ly, HIT_SLOP / self->scale, self->hidden_nodes,
                              self->hidden_edges, &index);
  if (kind == QG_ITEM_NODE)
    {
      const QgEntity *e = qg_document_get_entity (self->document, index);
      g_autofree char *text = e->description
        ? g_strdup_printf ("%s\n%s", e->name, e->description) : g_strdup (e->name);

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  if (kind == QG_ITEM_EDGE)
    {
      const QgRelation *r = qg_document_get_relation (self->document, index);
      g_autofree char *text = g_strdup_printf (
        "%s %s %s", qg_document_get_entity (self->document, r->source)->name, r->label,
        qg_document_get_entity (self->document, r->target)->name);

      gtk_tooltip_set_text (tooltip, text);
      return TRUE;
    }
  return FALSE;
}

/* Key bindings */

static gboolean
zoom_in_binding (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   data)
{
  qg_graph_view_zoom_by (QG_GRAPH_VIEW (widget), ZOOM_STEP);
  return TRUE;
}

static gboolean
zoom_out_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  qg_graph_view_zoom_by (QG_GRAPH_VIEW (widget), 1 / ZOOM_STEP);
  return TRUE;
}

static gboolean
zoom_reset_binding (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   data)
{
  qg_graph_view_zoom_reset (QG_GRAPH_VIEW (widget));
  return TRUE;
}

static gboolean
zoom_fit_binding (GtkWidget *widget,
                  GVariant  *args,
                  gpointer   data)
{
  qg_graph_view_zoom_fit (QG_GRAPH_VIEW (widget), TRUE);
  return TRUE;
}

static gboolean
pan_binding (GtkWidget *widget,
             GVariant  *args,
             gpointer   data)
{
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  /* A tenth of the view a press. */
  qg_graph_view_pan (QG_GRAPH_VIEW (widget), -dx * gtk_widget_get_width (widget) / 10.0,
                     -dy * gtk_widget_get_height (widget) / 10.0);
  return TRUE;
}

static gboolean
select_toward_binding (GtkWidget *widget,
                       GVariant  *args,
                       gpointer   data)
{
  int dx, dy;

  g_variant_get (args, "(ii)", &dx, &dy);
  qg_graph_view_select_toward (QG_GRAPH_VIEW (widget), dx, dy);
  return TRUE;
}

static gboolean
select_next_binding (GtkWidget *widget,
                     GVariant  *args,
                     gpointer   data)
{
  qg_graph_view_select_next (QG_GRAPH_VIEW (widget), g_variant_get_int32 (args));
  return TRUE;
}

static gboolean
clear_selection_binding (GtkWidget *widget,
                         GVariant  *args,
                         gpointer   data)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  if (self->selection_kind == QG_ITEM_NONE)
    return FALSE;
  set_selection (self, QG_ITEM_NONE, 0);
  return TRUE;
}

static gboolean
center_binding (GtkWidget *widget,
                GVariant  *args,
                gpointer   data)
{
  qg_graph_view_center_on_selection (QG_GRAPH_VIEW (widget), TRUE);
  return TRUE;
}

static void
add_zoom_bindings (GtkWidgetClass *widget_class)
{
  static const guint in_keys[] = { GDK_KEY_plus, GDK_KEY_equal, GDK_KEY_KP_Add };
  static const guint out_keys[] = { GDK_KEY_minus, GDK_KEY_KP_Subtract };

  for (guint i = 0; i < G_N_ELEMENTS (in_keys); i++)
    {
      gtk_widget_class_add_binding (widget_class, in_keys[i], 0, zoom_in_binding, NULL);
      gtk_widget_class_add_binding (widget_class, in_keys[i], GDK_CONTROL_MASK, zoom_in_binding,
                                    NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (out_keys); i++)
    {
      gtk_widget_class_add_binding (widget_class, out_keys[i], 0, zoom_out_binding, NULL);
      gtk_widget_class_add_binding (widget_class, out_keys[i], GDK_CONTROL_MASK,
                                    zoom_out_binding, NULL);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, 0, zoom_reset_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_0, 0, zoom_reset_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_0, GDK_CONTROL_MASK, zoom_reset_binding,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_1, 0, zoom_fit_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_1, 0, zoom_fit_binding, NULL);
}

static void
add_move_bindings (GtkWidgetClass *widget_class)
{
  static const struct { guint key; guint kp; int dx; int dy; } arrows[] = {
    { GDK_KEY_Left, GDK_KEY_KP_Left, -1, 0 },
    { GDK_KEY_Right, GDK_KEY_KP_Right, 1, 0 },
    { GDK_KEY_Up, GDK_KEY_KP_Up, 0, -1 },
    { GDK_KEY_Down, GDK_KEY_KP_Down, 0, 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (arrows); i++)
    {
      /* Arrows move the view; with Alt they move the selection. */
      gtk_widget_class_add_binding (widget_class, arrows[i].key, 0, pan_binding, "(ii)",
                                    arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding (widget_class, arrows[i].kp, 0, pan_binding, "(ii)",
                                    arrows[i].dx, arrows[i].dy);
      gtk_widget_class_add_binding (widget_class, arrows[i].key, GDK_ALT_MASK,
                                    select_toward_binding, "(ii)", arrows[i].dx, arrows[i].dy);
    }
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, 0, select_next_binding, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Tab, 0, select_next_binding, "i", 1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_ISO_Left_Tab, GDK_SHIFT_MASK,
                                select_next_binding, "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Tab, GDK_SHIFT_MASK, select_next_binding,
                                "i", -1);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, clear_selection_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, 0, center_binding, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, 0, center_binding, NULL);
}

/* ------------------------------------------------------------------------ */

static void
qg_graph_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  QgGraphView *self = QG_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_LAYOUT:
      g_value_set_boxed (value, self->layout);
      break;
    case PROP_SELECTION:
      g_value_set_string (value, qg_graph_view_get_selection (self));
      break;
    case PROP_ZOOM:
      g_value_set_double (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_graph_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  QgGraphView *self = QG_GRAPH_VIEW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      qg_graph_view_set_document (self, g_value_get_object (value));
      break;
    case PROP_LAYOUT:
      qg_graph_view_set_layout (self, g_value_get_boxed (value), FALSE);
      break;
    case PROP_SELECTION:
      qg_graph_view_set_selection (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
qg_graph_view_dispose (GObject *object)
{
  QgGraphView *self = QG_GRAPH_VIEW (object);

  g_clear_object (&self->view_animation);
  g_clear_object (&self->transition_animation);
  clear_texts (self);
  g_clear_pointer (&self->layout, qg_layout_unref);
  g_clear_pointer (&self->previous, qg_layout_unref);
  g_clear_object (&self->document);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->overview, cairo_surface_destroy);

  G_OBJECT_CLASS (qg_graph_view_parent_class)->dispose (object);
}

static void
qg_graph_view_finalize (GObject *object)
{
  QgGraphView *self = QG_GRAPH_VIEW (object);

  g_free (self->entity_kind);
  g_free (self->reading_order);
  g_free (self->node_emphasis);
  g_free (self->edge_emphasis);
  g_free (self->hidden_nodes);
  g_free (self->hidden_edges);
  g_free (self->matched_nodes);
  g_free (self->matched_edges);

  G_OBJECT_CLASS (qg_graph_view_parent_class)->finalize (object);
}

static void
qg_graph_view_class_init (QgGraphViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = qg_graph_view_get_property;
  object_class->set_property = qg_graph_view_set_property;
  object_class->dispose = qg_graph_view_dispose;
  object_class->finalize = qg_graph_view_finalize;

  widget_class->snapshot = qg_graph_view_snapshot;
  widget_class->size_allocate = qg_graph_view_size_allocate;
  widget_class->css_changed = qg_graph_view_css_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, QG_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_boxed ("layout", NULL, NULL, QG_TYPE_LAYOUT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ZOOM] =
    g_param_spec_double ("zoom", NULL, NULL, 0, MAX_ZOOM, 1,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  add_zoom_bindings (widget_class);
  add_move_bindings (widget_class);
}

static void
qg_graph_view_init (QgGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  GtkEventController *controller;
  GtkGesture *gesture;
  cairo_font_options_t *options;

  self->scale = 1;
  self->transition = 1;
  self->fitted = TRUE;

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_widget_set_has_tooltip (widget, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the article"), -1);

  /* Text at the sizes Graphviz measured, in points, scaled smoothly. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->view_animation =
    adw_timed_animation_new (widget, 0, 1, 250,
                             adw_callback_animation_target_new (view_animation_step, self,
                                                                NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->view_animation),
                                  ADW_EASE_OUT_CUBIC);
  self->transition_animation =
    adw_timed_animation_new (widget, 0, 1, 450,
                             adw_callback_animation_target_new (transition_step, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->transition_animation),
                                  ADW_EASE_IN_OUT_CUBIC);
  g_signal_connect_swapped (self->transition_animation, "done", G_CALLBACK (transition_done),
                            self);

  controller = gtk_event_controller_motion_new ();
  g_signal_connect (controller, "motion", G_CALLBACK (motion_cb), self);
  g_signal_connect (controller, "leave", G_CALLBACK (leave_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_PRIMARY);
  g_signal_connect (gesture, "released", G_CALLBACK (click_released_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  gesture = gtk_gesture_drag_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), 0);
  g_signal_connect (gesture, "drag-begin", G_CALLBACK (drag_begin_cb), self);
  g_signal_connect (gesture, "drag-update", G_CALLBACK (drag_update_cb), self);
  g_signal_connect (gesture, "drag-end", G_CALLBACK (drag_end_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  controller = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES);
  g_signal_connect (controller, "scroll", G_CALLBACK (scroll_cb), self);
  gtk_widget_add_controller (widget, controller);

  gesture = gtk_gesture_zoom_new ();
  g_signal_connect (gesture, "begin", G_CALLBACK (pinch_begin_cb), self);
  g_signal_connect (gesture, "scale-changed", G_CALLBACK (pinch_changed_cb), self);
  gtk_widget_add_controller (widget, GTK_EVENT_CONTROLLER (gesture));

  g_signal_connect (self, "query-tooltip", G_CALLBACK (query_tooltip_cb), NULL);
}
