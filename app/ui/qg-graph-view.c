/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph-view"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "qg-graph-view-private.h"

G_DEFINE_FINAL_TYPE (QgGraphView, qg_graph_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_LAYOUT,
  PROP_SELECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
qg_graph_view_new (void)
{
  return g_object_new (QG_TYPE_GRAPH_VIEW, NULL);
}

QgViewport *
qg_graph_view_get_viewport (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);
  return self->viewport;
}

/* ------------------------------------------------------------------------ */
/* Colours: the map's from the core's table, the theme's from the style      */

static void
parse_color (const char *hex,
             GdkRGBA    *color)
{
  double r, g, b;

  qg_color_parse (hex, &r, &g, &b);
  *color = (GdkRGBA) { r, g, b, 1 };
}

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
load_palette (QgGraphView *self)
{
  QgScheme scheme = adw_style_manager_get_dark (adw_style_manager_get_default ())
                    ? QG_SCHEME_DARK : QG_SCHEME_LIGHT;
  Palette *p = &self->palette;

  for (QgKind k = 0; k < QG_N_KINDS; k++)
    {
      parse_color (qg_kind_get_style (k)->fill[scheme], &p->fill[k]);
      parse_color (qg_kind_get_style (k)->stroke[scheme], &p->stroke[k]);
    }
  for (QgStance s = 0; s < 3; s++)
    parse_color (qg_stance_get_style (s)->color[scheme], &p->stance[s]);
  parse_color (qg_text_get_style ()->node_text[scheme], &p->node_text);
  parse_color (qg_text_get_style ()->edge_text[scheme], &p->edge_text);
  lookup (self, "accent_color", &p->accent);
  lookup (self, "view_bg_color", &p->background);
}

static void
qg_graph_view_css_changed (GtkWidget         *widget,
                           GtkCssStyleChange *change)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (qg_graph_view_parent_class)->css_changed (widget, change);
  load_palette (self);
  qg_graph_view_forget_names_if_restyled (self);
  qg_graph_view_redraw (self);
}

/* Antialiasing or hinting changed in the settings: the names' masks are
 * drawn with the old ones. (GTK 4.8 restyles too, so that css_changed
 * sees it first; this holds should a version not.) */
static void
qg_graph_view_system_setting_changed (GtkWidget        *widget,
                                      GtkSystemSetting  setting)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (qg_graph_view_parent_class)->system_setting_changed (widget, setting);
  if (qg_graph_view_forget_names_if_restyled (self))
    qg_graph_view_redraw (self);
}

void
qg_graph_view_set_name_pixels (QgGraphView *self,
                               double       pixels)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  pixels = CLAMP (pixels, 8, 32);
  if (pixels == self->name_pixels)
    return;
  self->name_pixels = pixels;
  qg_graph_view_forget_names (self);
  qg_graph_view_redraw (self);
}

double
qg_graph_view_get_name_pixels (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NAME_PIXELS);
  return self->name_pixels;
}

/* The names are placed as soon as the main loop has done what it was
 * doing, and before the frame that draws them: the frame, the longest
 * time the window is away, is then only drawing. Where a frame comes
 * first (an animation's step), its snapshot places them. */
static gboolean
place_labels_cb (gpointer user_data)
{
  QgGraphView *self = user_data;

  self->labels_idle = 0;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    qg_graph_view_update_labels (self);
  return G_SOURCE_REMOVE;
}

static void
place_labels_soon (QgGraphView *self)
{
  if (self->labels_idle == 0 && self->layout != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Before the frame's paint (GDK_PRIORITY_REDRAW), after input. */
      self->labels_idle = g_idle_add_full (GDK_PRIORITY_REDRAW - 10, place_labels_cb, self, NULL);
      g_source_set_name_by_id (self->labels_idle, "[quotegraph] place names");
    }
}

void
qg_graph_view_redraw (QgGraphView *self)
{
  self->labels_valid = FALSE;
  self->serial++;
  gtk_widget_queue_draw (GTK_WIDGET (self));
  place_labels_soon (self);
}

/* Names are not placed under @widget, a control drawn over the view (its
 * zoom buttons): they would not read there. */
static void
forget_obscuring (QgGraphView *self)
{
  if (self->obscuring == NULL)
    return;
  g_signal_handlers_disconnect_by_data (self->obscuring, self);
  g_object_remove_weak_pointer (G_OBJECT (self->obscuring), (gpointer *) &self->obscuring);
  self->obscuring = NULL;
}

void
qg_graph_view_set_obscuring (QgGraphView *self,
                             GtkWidget   *widget)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));
  g_return_if_fail (widget == NULL || GTK_IS_WIDGET (widget));

  forget_obscuring (self);
  self->obscuring = widget;
  if (widget != NULL)
    {
      g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &self->obscuring);
      g_signal_connect_swapped (widget, "notify::visible", G_CALLBACK (qg_graph_view_redraw),
                                self);
    }
  qg_graph_view_redraw (self);
}

/* ------------------------------------------------------------------------ */
/* Items                                                                     */

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
  gint found;

  if (self->document == NULL || id == NULL)
    return FALSE;
  if ((found = qg_document_find_entity (self->document, id)) >= 0)
    *kind = QG_ITEM_NODE;
  else if ((found = qg_document_find_relation (self->document, id)) >= 0)
    *kind = QG_ITEM_EDGE;
  else
    return FALSE;
  *index = found;
  return TRUE;
}

static const QgItem *
get_item (QgLayout   *layout,
          QgItemKind  kind,
          guint       index)
{
  return kind == QG_ITEM_NODE ? qg_layout_get_node (layout, index)
                              : qg_layout_get_edge (layout, index);
}

gboolean
qg_graph_view_is_hidden_item (QgGraphView *self,
                              QgItemKind   kind,
                              guint        index)
{
  const guint8 *hidden = kind == QG_ITEM_NODE ? self->hidden_nodes : self->hidden_edges;

  return hidden != NULL && hidden[index];
}

gboolean
qg_graph_view_is_matched_item (QgGraphView *self,
                               QgItemKind   kind,
                               guint        index)
{
  const guint8 *matched = kind == QG_ITEM_NODE ? self->matched_nodes : self->matched_edges;

  return matched != NULL && matched[index];
}

/* Drawn apart, over the rest: the selection, what is under the pointer,
 * what the search found; and hidden elements are not drawn at all. */
gboolean
qg_graph_view_is_special_item (QgGraphView *self,
                               QgItemKind   kind,
                               guint        index)
{
  return (self->selection_kind == kind && self->selection_index == index)
         || (self->hover_kind == kind && self->hover_index == index)
         || qg_graph_view_is_matched_item (self, kind, index)
         || qg_graph_view_is_hidden_item (self, kind, index);
}

Look
qg_graph_view_look_of (const guint8 *emphasis,
                       guint         index)
{
  return emphasis != NULL && emphasis[index] == EMPHASIS_DIM ? LOOK_DIM : LOOK_NORMAL;
}

double
qg_graph_view_look_alpha (Look look)
{
  return look == LOOK_DIM ? DIM_ALPHA : 1.0;
}

/* During a change of layout, nodes glide from their old place. */
void
qg_graph_view_node_offset (QgGraphView *self,
                           guint        index,
                           double      *dx,
                           double      *dy)
{
  *dx = *dy = 0;
  if (self->previous != NULL && (self->previous_of == NULL || self->previous_of[index] >= 0))
    {
      guint was = self->previous_of != NULL ? (guint) self->previous_of[index] : index;
      const QgItem *from = qg_layout_get_node (self->previous, was);
      const QgItem *to = qg_layout_get_node (self->layout, index);
      double t = self->transition;

      /* From where it was on screen: the view may have followed it. */
      *dx = (from->cx - to->cx - self->previous_dx) * (1 - t);
      *dy = (from->cy - to->cy - self->previous_dy) * (1 - t);
    }
}

QgItemKind
qg_graph_view_hit_item (QgGraphView *self,
                        double       x,
                        double       y,
                        guint       *index)
{
  double zoom = qg_viewport_get_zoom (self->viewport);
  double lx, ly;

  *index = 0;
  if (self->layout == NULL)
    return QG_ITEM_NONE;
  /* A name drawn larger than its node is part of it. */
  qg_graph_view_update_labels (self);
  for (guint i = 0; self->screen_labels != NULL && i < self->screen_labels->len; i++)
    {
      const ScreenLabel *label = &g_array_index (self->screen_labels, ScreenLabel, i);

      if (label->kind == QG_ITEM_NODE && label->gx > 0
          && x >= label->x0 && x <= label->x1 && y >= label->y0 && y <= label->y1)
        {
          *index = label->index;
          return QG_ITEM_NODE;
        }
    }
  qg_viewport_to_layout (self->viewport, x, y, &lx, &ly);
  return qg_layout_hit_shown (self->layout, lx, ly, HIT_SLOP / zoom, self->hidden_nodes,
                              self->hidden_edges, index);
}

const char *
qg_graph_view_hit (QgGraphView *self,
                   double       x,
                   double       y)
{
  guint index;
  QgItemKind kind;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);

  kind = qg_graph_view_hit_item (self, x, y, &index);
  return item_id (self, kind, index);
}

double
qg_graph_view_get_label_pixels (QgGraphView *self,
                                const char  *id)
{
  QgItemKind kind;
  guint index;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), 0);

  if (!find_item (self, id, &kind, &index) || self->screen_labels == NULL)
    return 0;
  qg_graph_view_update_labels (self);
  for (guint i = 0; i < self->screen_labels->len; i++)
    {
      const ScreenLabel *label = &g_array_index (self->screen_labels, ScreenLabel, i);

      if (label->kind == kind && label->index == index)
        return label->pixels;
    }
  return 0;
}

/* ------------------------------------------------------------------------ */
/* Selection                                                                 */

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

  if (self->selection_kind == QG_ITEM_NODE)
    {
      guint n;
      const guint *relations = qg_document_get_entity_relations (self->document,
                                                                 self->selection_index, &n);

      for (guint i = 0; i < n; i++)
        {
          const QgRelation *r = qg_document_get_relation (self->document, relations[i]);

          self->edge_emphasis[relations[i]] = EMPHASIS_NEAR;
          self->node_emphasis[r->source] = EMPHASIS_NEAR;
          self->node_emphasis[r->target] = EMPHASIS_NEAR;
        }
      self->node_emphasis[self->selection_index] = EMPHASIS_SELECTED;
    }
  else
    {
      const QgRelation *r = qg_document_get_relation (self->document, self->selection_index);

      self->edge_emphasis[self->selection_index] = EMPHASIS_SELECTED;
      self->node_emphasis[r->source] = EMPHASIS_NEAR;
      self->node_emphasis[r->target] = EMPHASIS_NEAR;
    }
}

void
qg_graph_view_select_item (QgGraphView *self,
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
  qg_graph_view_redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

void
qg_graph_view_set_hover (QgGraphView *self,
                         QgItemKind   kind,
                         guint        index)
{
  if (kind == self->hover_kind && (kind == QG_ITEM_NONE || index == self->hover_index))
    return;
  self->hover_kind = kind;
  self->hover_index = index;
  gtk_widget_set_cursor_from_name (GTK_WIDGET (self), kind != QG_ITEM_NONE ? "pointer" : NULL);
  qg_graph_view_redraw (self);
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
      qg_graph_view_select_item (self, QG_ITEM_NONE, 0);
      return TRUE;
    }
  if (!find_item (self, id, &kind, &index))
    return FALSE;
  qg_graph_view_select_item (self, kind, index);
  return TRUE;
}

void
qg_graph_view_center_on_selection (QgGraphView *self,
                                   double       min_zoom,
                                   gboolean     animate)
{
  const QgItem *item;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || self->selection_kind == QG_ITEM_NONE)
    return;
  if (gtk_widget_get_width (GTK_WIDGET (self)) <= 0)
    {
      /* Not allocated yet: once it is, fit, then centre. */
      self->center_pending = TRUE;
      return;
    }
  item = get_item (self->layout, self->selection_kind, self->selection_index);
  qg_viewport_center_on (self->viewport, item->cx, item->cy, min_zoom, animate);
}

/* How far to move the view, on one axis of @size pixels, to bring in an
 * item from @lo to @hi (its middle at @mid): whole, a margin in, if it
 * fits; else to its middle, if that is near the edge or out. */
static double
reveal_shift (double lo,
              double hi,
              double mid,
              double size)
{
  const double margin = 12;

  if (hi - lo <= size - 2 * margin)
    return lo < margin ? margin - lo : hi > size - margin ? size - margin - hi : 0;
  if (mid < 24 || mid > size - 24)
    return size / 2 - mid;
  return 0;
}

void
qg_graph_view_reveal_selection (QgGraphView *self)
{
  const QgItem *item;
  double zoom, ox, oy, w, h, dx, dy;

  if (self->layout == NULL || self->selection_kind == QG_ITEM_NONE)
    return;
  item = get_item (self->layout, self->selection_kind, self->selection_index);
  w = gtk_widget_get_width (GTK_WIDGET (self));
  h = gtk_widget_get_height (GTK_WIDGET (self));
  if (w <= 0 || h <= 0)
    {
      /* Not allocated yet: centred once it is. */
      qg_graph_view_center_on_selection (self, 0, TRUE);
      return;
    }
  /* Where the item will be once an animation under way (a zoom a key
   * began) is done: moved from there, since that is what moving does. */
  qg_viewport_get_destination (self->viewport, &zoom, &ox, &oy);
  /* Whole if it can be (a node half out at the view's edge, its name
   * cut, was not revealed), each way moved only as far as that takes, so
   * that the rest of the map stays where the person was looking; an item
   * larger than the view that way, by its middle. */
  dx = reveal_shift (MIN (item->x0, item->x1) * zoom + ox, MAX (item->x0, item->x1) * zoom + ox,
                     item->cx * zoom + ox, w);
  dy = reveal_shift (MIN (item->y0, item->y1) * zoom + oy, MAX (item->y0, item->y1) * zoom + oy,
                     item->cy * zoom + oy, h);
  if (dx == 0 && dy == 0)
    return;
  /* The view's middle, moved against the item. */
  qg_viewport_center_on (self->viewport, (w / 2 - dx - ox) / zoom, (h / 2 - dy - oy) / zoom, 0,
                         TRUE);
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

/* An entity's place among the names: its relations, then its index. */
typedef struct
{
  guint relations;
  guint index;
} LabelRank;

static int
compare_label_order (gconstpointer a,
                     gconstpointer b)
{
  const LabelRank *ra = a, *rb = b;

  if (ra->relations != rb->relations)
    return ra->relations > rb->relations ? -1 : 1;
  return ra->index < rb->index ? -1 : ra->index > rb->index;
}

static void
update_orders (QgGraphView *self)
{
  guint n;

  g_clear_pointer (&self->reading_order, g_free);
  g_clear_pointer (&self->label_order, g_free);
  if (self->layout == NULL)
    return;
  n = qg_layout_get_n_nodes (self->layout);
  self->label_order = g_new (guint, MAX (n, 1));
  /* Where names compete for room, the most connected win. Counted once
   * each, not in every comparison: 30 ms of a 50,000-entity map's arrival
   * went to asking the document again. */
  {
    g_autofree LabelRank *ranks = g_new (LabelRank, MAX (n, 1));

    for (guint i = 0; i < n; i++)
      {
        ranks[i].index = i;
        qg_document_get_entity_relations (self->document, i, &ranks[i].relations);
      }
    qsort (ranks, n, sizeof (LabelRank), compare_label_order);
    for (guint i = 0; i < n; i++)
      self->label_order[i] = ranks[i].index;
  }
}

/* The nodes in reading order, sorted the first time Tab asks for them:
 * 4 ms of the turn that shows an edited 10,000-entity map, for a key
 * that may never be pressed. */
static const guint *
nodes_in_reading_order (QgGraphView *self)
{
  guint n = qg_layout_get_n_nodes (self->layout);

  if (self->reading_order == NULL)
    {
      self->reading_order = g_new (guint, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->reading_order[i] = i;
      g_qsort_with_data (self->reading_order, n, sizeof (guint), compare_reading_order,
                         self->layout);
    }
  return self->reading_order;
}

void
qg_graph_view_select_next (QgGraphView *self,
                           int          step)
{
  const guint *order;
  guint n, position = 0;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (self->layout == NULL || (n = qg_layout_get_n_nodes (self->layout)) == 0)
    return;

  order = nodes_in_reading_order (self);
  if (self->selection_kind != QG_ITEM_NODE)
    position = step > 0 ? n - 1 : 0;
  else
    for (guint i = 0; i < n; i++)
      if (order[i] == self->selection_index)
        position = i;
  /* The next one shown, if any is. */
  for (guint tries = 0; tries < n; tries++)
    {
      position = (position + n + (step > 0 ? 1 : -1)) % n;
      if (!qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, order[position]))
        break;
    }
  if (qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, order[position]))
    return;
  qg_graph_view_select_item (self, QG_ITEM_NODE, order[position]);
  qg_graph_view_reveal_selection (self);
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
    {
      const QgItem *node = qg_layout_get_node (self->layout, self->selection_index);

      x0 = node->cx;
      y0 = node->cy;
    }
  else
    qg_viewport_to_layout (self->viewport, gtk_widget_get_width (GTK_WIDGET (self)) / 2.0,
                           gtk_widget_get_height (GTK_WIDGET (self)) / 2.0, &x0, &y0);

  for (guint i = 0; i < qg_layout_get_n_nodes (self->layout); i++)
    {
      const QgItem *node = qg_layout_get_node (self->layout, i);
      double vx = node->cx - x0, vy = node->cy - y0;
      double along = vx * dx + vy * dy;
      double across = fabs (vx * dy - vy * dx);
      double score;

      if ((self->selection_kind == QG_ITEM_NODE && i == self->selection_index)
          || qg_graph_view_is_hidden_item (self, QG_ITEM_NODE, i))
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
  qg_graph_view_select_item (self, QG_ITEM_NODE, best_index);
  qg_graph_view_reveal_selection (self);
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
  if (self->hover_kind != QG_ITEM_NONE
      && qg_graph_view_is_hidden_item (self, self->hover_kind, self->hover_index))
    qg_graph_view_set_hover (self, QG_ITEM_NONE, 0);
  qg_graph_view_redraw (self);
}

gboolean
qg_graph_view_is_hidden (QgGraphView *self,
                         const char  *id)
{
  QgItemKind kind;
  guint index;

  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), FALSE);
  return find_item (self, id, &kind, &index) && qg_graph_view_is_hidden_item (self, kind, index);
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
  qg_graph_view_redraw (self);
}

/* ------------------------------------------------------------------------ */
/* Document and layout                                                       */

static void
clear_layout_state (QgGraphView *self)
{
  self->hover_kind = QG_ITEM_NONE;
  qg_graph_view_clear_texts (self);
  if (self->screen_labels != NULL)
    g_array_set_size (self->screen_labels, 0);
}

static void take_document  (QgGraphView *self,
                            QgDocument  *document);
static void install_layout (QgGraphView *self,
                            QgLayout    *layout,
                            gboolean     animate,
                            gboolean     keep_view);

void
qg_graph_view_set_document (QgGraphView *self,
                            QgDocument  *document)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  if (self->document == document)
    return;

  qg_graph_view_select_item (self, QG_ITEM_NONE, 0);
  qg_viewport_set_content_size (self->viewport, 0, 0);
  g_clear_pointer (&self->layout, qg_layout_unref);
  take_document (self, document);
  qg_graph_view_redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/* Forgets what was worked out for the document on screen, layout aside,
 * and takes @document. */
static void
take_document (QgGraphView *self,
               QgDocument  *document)
{
  clear_layout_state (self);
  g_clear_pointer (&self->previous, qg_layout_unref);
  g_clear_pointer (&self->previous_of, g_free);
  self->previous_dx = self->previous_dy = 0;
  g_clear_pointer (&self->entity_kind, g_free);
  g_clear_pointer (&self->reading_order, g_free);
  g_clear_pointer (&self->label_order, g_free);
  g_clear_pointer (&self->hidden_nodes, g_free);
  g_clear_pointer (&self->hidden_edges, g_free);
  g_clear_pointer (&self->matched_nodes, g_free);
  g_clear_pointer (&self->matched_edges, g_free);
  g_set_object (&self->document, document);

  if (document != NULL)
    {
      guint n = qg_document_get_n_entities (document);

      self->entity_kind = g_new (guint8, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->entity_kind[i] = qg_document_get_entity (document, i)->styled_kind;
    }
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
  qg_graph_view_redraw (self);
}

static void
transition_done (QgGraphView *self)
{
  g_clear_pointer (&self->previous, qg_layout_unref);
  g_clear_pointer (&self->previous_of, g_free);
  self->transition = 1;
  qg_graph_view_redraw (self);
}

/* Skipping an animation that never played would jump to its unset end. */
void
qg_graph_view_finish_animations (QgGraphView *self)
{
  g_return_if_fail (QG_IS_GRAPH_VIEW (self));

  qg_viewport_finish_animation (self->viewport);
  if (adw_animation_get_state (self->transition_animation) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (self->transition_animation);
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

  if (adw_animation_get_state (self->transition_animation) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (self->transition_animation);
  g_clear_pointer (&self->previous, qg_layout_unref);
  g_clear_pointer (&self->previous_of, g_free);
  self->previous_dx = self->previous_dy = 0;
  if (animate && self->layout != NULL && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->previous = g_steal_pointer (&self->layout);
  g_clear_pointer (&self->layout, qg_layout_unref);
  install_layout (self, layout, animate, FALSE);
}

/* Shows @layout of the document, @animate: from `previous`, if any;
 * @keep_view: where the viewport is, unless it shows the whole map. */
static void
install_layout (QgGraphView *self,
                QgLayout    *layout,
                gboolean     animate,
                gboolean     keep_view)
{
  self->layout = layout ? qg_layout_ref (layout) : NULL;
  clear_layout_state (self);
  update_orders (self);

  if (self->layout != NULL)
    {
      guint n_ops = qg_layout_get_n_ops (layout);

      /* One slot per op: only text ops get a Pango layout. */
      self->n_texts = n_ops;
      self->max_font = 0;
      self->node_font = 0;
      for (guint i = 0; i < n_ops; i++)
        if (qg_layout_get_op (layout, i)->kind == QG_OP_TEXT)
          self->max_font = MAX (self->max_font, qg_layout_get_op (layout, i)->h);
      for (guint i = 0; i < qg_layout_get_n_nodes (layout); i++)
        {
          const QgItem *node = qg_layout_get_node (layout, i);

          for (guint t = 0; t < node->n_texts; t++)
            self->node_font = MAX (self->node_font,
                                   qg_layout_get_op (layout, node->first_text + t)->h);
        }
      self->texts = g_new0 (PangoLayout *, MAX (n_ops, 1));
      self->n_node_names = N_NAME_BREAKS * qg_layout_get_n_nodes (layout);
      self->node_names = g_new0 (PangoLayout *, MAX (self->n_node_names, 1));
      self->n_edge_names = qg_layout_get_n_edges (layout);
      self->edge_names = g_new0 (PangoLayout *, MAX (self->n_edge_names, 1));
      qg_viewport_set_content_size (self->viewport, qg_layout_get_width (layout),
                                    qg_layout_get_height (layout));

      /* Keep the selection in view across layouts; otherwise show it all. */
      if (keep_view && !qg_viewport_get_fitted (self->viewport))
        ;
      else if (self->selection_kind != QG_ITEM_NONE && !qg_viewport_get_fitted (self->viewport))
        qg_graph_view_center_on_selection (self, 0, animate);
      else
        qg_viewport_fit (self->viewport, animate);
    }
  else
    qg_viewport_set_content_size (self->viewport, 0, 0);

  if (self->previous != NULL)
    {
      self->transition = 0;
      adw_animation_play (self->transition_animation);
    }
  qg_graph_view_redraw (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAYOUT]);
}

/* A map that grew or shrank is placed anew by Graphviz from its own
 * corner: the view follows the nodes that were on it, on average, so
 * that they stay where the person saw them (exactly, where the engine
 * kept their places). A map shown whole is shown whole again instead. */
static void
keep_nodes_in_view (QgGraphView *self,
                    QgLayout    *before,
                    QgDocument  *before_document)
{
  double dx = 0, dy = 0, zoom;
  guint kept = 0;

  if (qg_viewport_get_fitted (self->viewport))
    return;
  for (guint i = 0; i < qg_document_get_n_entities (self->document); i++)
    {
      gint was = qg_document_find_entity (before_document,
                                          qg_document_get_entity (self->document, i)->id);

      if (was < 0)
        continue;
      dx += qg_layout_get_node (before, was)->cx - qg_layout_get_node (self->layout, i)->cx;
      dy += qg_layout_get_node (before, was)->cy - qg_layout_get_node (self->layout, i)->cy;
      kept++;
    }
  if (kept == 0)
    return;
  zoom = qg_viewport_get_zoom (self->viewport);
  self->previous_dx = dx / kept;
  self->previous_dy = dy / kept;
  qg_viewport_pan (self->viewport, self->previous_dx * zoom, self->previous_dy * zoom);
}

void
qg_graph_view_replace_document (QgGraphView *self,
                                QgDocument  *document,
                                QgLayout    *layout)
{
  g_autoptr(QgDocument) before = NULL;
  g_autoptr(QgLayout) before_layout = NULL;
  g_autofree char *selected = NULL;
  guint n;

  g_return_if_fail (QG_IS_GRAPH_VIEW (self));
  g_return_if_fail (QG_IS_DOCUMENT (document));
  g_return_if_fail (layout != NULL
                    && qg_layout_get_n_nodes (layout) == qg_document_get_n_entities (document));

  if (self->document == NULL || self->layout == NULL)
    {
      qg_graph_view_set_document (self, document);
      qg_graph_view_set_layout (self, layout, FALSE);
      return;
    }

  if (adw_animation_get_state (self->transition_animation) == ADW_ANIMATION_PLAYING)
    adw_animation_skip (self->transition_animation);
  selected = g_strdup (qg_graph_view_get_selection (self));
  before = g_object_ref (self->document);
  self->selection_kind = QG_ITEM_NONE;
  take_document (self, document);

  /* Each node that was on the map glides from where it was; a new one
   * appears in its place. A large map is shown in its places at once:
   * at 1,000 entities, each frame of the glide took 90 ms. */
  n = qg_document_get_n_entities (document);
  before_layout = qg_layout_ref (self->layout);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && !qg_graph_view_is_large (self->layout)
      && !qg_graph_view_is_large (layout))
    {
      self->previous = g_steal_pointer (&self->layout);
      self->previous_of = g_new (gint, MAX (n, 1));
      for (guint i = 0; i < n; i++)
        self->previous_of[i] = qg_document_find_entity (before,
                                                        qg_document_get_entity (document, i)->id);
    }
  g_clear_pointer (&self->layout, qg_layout_unref);

  /* The selection stays where its id still is; the view stays where it
   * was, unless it showed the whole map, which it shows again. */
  if (selected == NULL || !find_item (self, selected, &self->selection_kind, &self->selection_index))
    self->selection_kind = QG_ITEM_NONE;
  update_emphasis (self);
  install_layout (self, layout, TRUE, TRUE);
  keep_nodes_in_view (self, before_layout, before);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTION]);
}

QgLayout *
qg_graph_view_get_layout (QgGraphView *self)
{
  g_return_val_if_fail (QG_IS_GRAPH_VIEW (self), NULL);
  return self->layout;
}

/* ------------------------------------------------------------------------ */

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

  /* One cairo node a frame: another over the overview would cost a whole
   * image of the view's size, cleared and composited. */
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (qg_graph_view_seen_from_afar (self))
    {
      qg_graph_view_draw_overview (self, cr, width, height);
      qg_graph_view_draw_over (self, cr, width, height);
    }
  else
    qg_graph_view_draw_near (self, cr, width, height);
  cairo_destroy (cr);
}

/* A map laid out while another page was shown: its names are placed
 * before its first frame, as a redraw's are. */
static void
qg_graph_view_map (GtkWidget *widget)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  GTK_WIDGET_CLASS (qg_graph_view_parent_class)->map (widget);
  /* Not a redraw: the image being drawn for this serial stays of use. */
  if (!self->labels_valid)
    place_labels_soon (self);
}

static void
qg_graph_view_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  QgGraphView *self = QG_GRAPH_VIEW (widget);

  if (self->center_pending && self->layout != NULL)
    qg_viewport_fit (self->viewport, FALSE);
  qg_viewport_set_view_size (self->viewport, width, height);
  qg_graph_view_redraw (self);
  if (self->center_pending && width > 0 && height > 0)
    {
      self->center_pending = FALSE;
      qg_graph_view_center_on_selection (self, 0, FALSE);
    }
}

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

  forget_obscuring (self);
  g_clear_object (&self->transition_animation);
  g_clear_handle_id (&self->names_idle, g_source_remove);
  g_clear_handle_id (&self->labels_idle, g_source_remove);
  if (self->viewport != NULL)
    g_signal_handlers_disconnect_by_data (self->viewport, self);
  g_clear_object (&self->viewport);
  qg_graph_view_clear_texts (self);
  qg_graph_view_free_spent_texts (self);
  g_clear_pointer (&self->layout, qg_layout_unref);
  g_clear_pointer (&self->previous, qg_layout_unref);
  g_clear_pointer (&self->previous_of, g_free);
  g_clear_object (&self->document);
  g_clear_object (&self->pango);
  g_clear_pointer (&self->overview, cairo_surface_destroy);
  g_clear_pointer (&self->near_edges, cairo_surface_destroy);
  g_clear_pointer (&self->overview_layout, qg_layout_unref);
  g_clear_pointer (&self->screen_labels, g_array_unref);

  G_OBJECT_CLASS (qg_graph_view_parent_class)->dispose (object);
}

static void
qg_graph_view_finalize (GObject *object)
{
  QgGraphView *self = QG_GRAPH_VIEW (object);

  g_free (self->entity_kind);
  g_free (self->reading_order);
  g_free (self->label_order);
  g_free (self->node_emphasis);
  g_free (self->edge_emphasis);
  g_free (self->hidden_nodes);
  g_free (self->hidden_edges);
  g_free (self->matched_nodes);
  g_free (self->matched_edges);
  g_free (self->visible_nodes);
  g_free (self->visible_edges);
  g_free (self->grown);

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
  widget_class->map = qg_graph_view_map;
  widget_class->size_allocate = qg_graph_view_size_allocate;
  widget_class->css_changed = qg_graph_view_css_changed;
  widget_class->system_setting_changed = qg_graph_view_system_setting_changed;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, QG_TYPE_DOCUMENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAYOUT] =
    g_param_spec_boxed ("layout", NULL, NULL, QG_TYPE_LAYOUT,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SELECTION] =
    g_param_spec_string ("selection", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "graphview");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  qg_graph_view_class_init_input (widget_class);
}

static void
qg_graph_view_init (QgGraphView *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  cairo_font_options_t *options;

  self->transition = 1;
  self->name_pixels = NAME_PIXELS;
  self->screen_labels = g_array_new (FALSE, FALSE, sizeof (ScreenLabel));

  gtk_widget_set_focusable (widget, TRUE);
  gtk_widget_set_focus_on_click (widget, TRUE);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_widget_set_vexpand (widget, TRUE);
  gtk_widget_set_overflow (widget, GTK_OVERFLOW_HIDDEN);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Map of the article"), -1);

  self->viewport = qg_viewport_new (widget);
  g_signal_connect_swapped (self->viewport, "changed", G_CALLBACK (qg_graph_view_redraw), self);
  gtk_widget_insert_action_group (widget, "zoom", qg_viewport_get_actions (self->viewport));

  /* Text at the sizes Graphviz measured, in points, scaled smoothly. */
  self->pango = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  pango_cairo_context_set_resolution (self->pango, 72);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->pango, options);
  cairo_font_options_destroy (options);

  self->transition_animation =
    adw_timed_animation_new (widget, 0, 1, 450,
                             adw_callback_animation_target_new (transition_step, self, NULL));
  adw_timed_animation_set_easing (ADW_TIMED_ANIMATION (self->transition_animation),
                                  ADW_EASE_IN_OUT_CUBIC);
  g_signal_connect_swapped (self->transition_animation, "done", G_CALLBACK (transition_done),
                            self);

  load_palette (self);
  qg_graph_view_init_input (self);
}
