/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-graph"

#include "config.h"

#include <graphviz/xdot.h>
#include <stdio.h>
#include <string.h>

#include "qg-graph-private.h"

/* ------------------------------------------------------------------------ */
/* The layout's geometry, for the interactive view                          */

typedef struct
{
  double   x0;        /* Graphviz's bounding box: x offset and top (y up) */
  double   top;
  gboolean dashed;
  gboolean dotted;
  gboolean italic;
  double   pen_width;
  double   font_size;
  /* A drawing of a graph of its own keeps Graphviz's colours and font. */
  gboolean styled;
  guint32  stroke;
  guint32  fill;
  char    *font;
  guint    font_flags;  /* xdot's "t": Graphviz's textspan flags */
} DrawState;

/* Graphviz's textspan flags (lib/common/textspan.h), as xdot's "t" gives them. */
enum
{
  FONT_BOLD = 1 << 0,
  FONT_ITALIC = 1 << 1,
  FONT_UNDERLINE = 1 << 2,
  FONT_STRIKE = 1 << 5,
};

/* xdot writes colours as "#rrggbb" or "#rrggbbaa"; anything else (a
 * colour Graphviz could not resolve) is black. */
static guint32
parse_color (const char *text)
{
  guint64 value;
  char *end;
  gsize length;

  if (text == NULL || text[0] != '#')
    return 0x000000ff;
  length = strlen (text + 1);
  value = g_ascii_strtoull (text + 1, &end, 16);
  if (*end != '\0')
    return 0x000000ff;
  if (length == 6)
    return (guint32) (value << 8 | 0xff);
  if (length == 8)
    return (guint32) value;
  return 0x000000ff;
}

/* A gradient is drawn in its first colour. */
static guint32
parse_gradient (const xdot_color *color)
{
  switch (color->type)
    {
    case xd_linear:
      return color->u.ling.n_stops > 0 ? parse_color (color->u.ling.stops[0].color) : 0x000000ff;
    case xd_radial:
      return color->u.ring.n_stops > 0 ? parse_color (color->u.ring.stops[0].color) : 0x000000ff;
    case xd_none:
    default:
      return parse_color (color->u.clr);
    }
}

static void
convert_points (const DrawState   *state,
                const xdot_polyline *line,
                double            *out)
{
  for (int i = 0; i < line->cnt; i++)
    {
      out[2 * i] = line->pts[i].x - state->x0;
      out[2 * i + 1] = state->top - line->pts[i].y;
    }
}

static void
apply_style (DrawState  *state,
             const char *style)
{
  double width;

  if (strcmp (style, "dashed") == 0)
    state->dashed = TRUE, state->dotted = FALSE;
  else if (strcmp (style, "dotted") == 0)
    state->dotted = TRUE, state->dashed = FALSE;
  else if (strcmp (style, "solid") == 0)
    state->dashed = state->dotted = FALSE;
  else if (strcmp (style, "bold") == 0)
    state->pen_width = 2;
  else if (sscanf (style, "setlinewidth(%lf)", &width) == 1)
    state->pen_width = width;
}

/* Adds the drawing operations of one xdot attribute (_draw_, _ldraw_, …). */
static void
add_xdot (QgLayoutBuilder *builder,
          DrawState       *state,
          const char      *xdot_text,
          gboolean         is_label)
{
  g_autofree char *copy = NULL;
  xdot *ops;

  if (xdot_text == NULL || xdot_text[0] == '\0')
    return;
  copy = g_strdup (xdot_text);
  ops = parseXDot (copy);
  if (ops == NULL)
    return;

  for (int i = 0; i < ops->cnt; i++)
    {
      xdot_op *x = &ops->ops[i];
      QgOp op = { 0 };
      g_autofree double *points = NULL;

      op.dashed = state->dashed;
      op.dotted = state->dotted;
      op.italic = state->italic || (state->font_flags & FONT_ITALIC) != 0;
      op.pen_width = state->pen_width;
      if (state->styled)
        {
          op.styled = TRUE;
          op.stroke = state->stroke;
          op.fill = state->fill;
          op.font = state->font;
          op.bold = (state->font_flags & FONT_BOLD) != 0
                    || (state->font != NULL && strstr (state->font, "Bold") != NULL);
          op.underline = (state->font_flags & FONT_UNDERLINE) != 0;
          op.strike = (state->font_flags & FONT_STRIKE) != 0;
        }

      switch (x->kind)
        {
        case xd_filled_ellipse:
        case xd_unfilled_ellipse:
          op.kind = QG_OP_ELLIPSE;
          op.filled = x->kind == xd_filled_ellipse;
          op.x = x->u.ellipse.x - state->x0;
          op.y = state->top - x->u.ellipse.y;
          op.w = x->u.ellipse.w;
          op.h = x->u.ellipse.h;
          break;
        case xd_filled_polygon:
        case xd_unfilled_polygon:
        case xd_filled_bezier:
        case xd_unfilled_bezier:
        case xd_polyline:
          op.kind = x->kind == xd_polyline ? QG_OP_POLYLINE
                    : (x->kind == xd_filled_polygon || x->kind == xd_unfilled_polygon)
                      ? QG_OP_POLYGON : QG_OP_BEZIER;
          op.filled = x->kind == xd_filled_polygon || x->kind == xd_filled_bezier;
          op.n_points = x->u.polyline.cnt;
          points = g_new (double, 2 * MAX (op.n_points, 1));
          convert_points (state, &x->u.polyline, points);
          break;
        case xd_text:
          op.kind = QG_OP_TEXT;
          op.x = x->u.text.x - state->x0;
          op.y = state->top - x->u.text.y;
          op.w = x->u.text.width;
          op.h = state->font_size;
          op.align = x->u.text.align == xd_left ? QG_ALIGN_LEFT
                     : x->u.text.align == xd_right ? QG_ALIGN_RIGHT : QG_ALIGN_CENTER;
          op.text = x->u.text.text;
          break;
        case xd_font:
          state->font_size = x->u.font.size;
          g_free (state->font);
          state->font = g_strdup (x->u.font.name);
          /* PostScript's names, as Graphviz takes them: "Helvetica-Oblique". */
          state->italic = x->u.font.name != NULL && (strstr (x->u.font.name, "Oblique") != NULL
                                                     || strstr (x->u.font.name, "Italic") != NULL);
          continue;
        case xd_style:
          apply_style (state, x->u.style);
          continue;
        case xd_pen_color:
          state->stroke = parse_color (x->u.color);
          continue;
        case xd_fill_color:
          state->fill = parse_color (x->u.color);
          continue;
        case xd_grad_pen_color:
          state->stroke = parse_gradient (&x->u.grad_color);
          continue;
        case xd_grad_fill_color:
          state->fill = parse_gradient (&x->u.grad_color);
          continue;
        case xd_fontchar:
          state->font_flags = x->u.fontchar;
          continue;
        case xd_image:
        default:
          /* A document's colours come from the view's style, not from
           * Graphviz; an image is not drawn. */
          continue;
        }
      qg_layout_builder_add (builder, &op, points, op.kind == QG_OP_TEXT || is_label);
    }
  freeXDot (ops);
}

static gboolean
parse_pair (const char *s,
            double     *a,
            double     *b)
{
  return s != NULL && sscanf (s, "%lf,%lf", a, b) == 2;
}

static void
reset_state (DrawState *state)
{
  state->dashed = state->dotted = state->italic = FALSE;
  state->pen_width = 1;
  state->font_size = 14;
  state->stroke = 0x000000ff;
  state->fill = 0x000000ff;
  g_clear_pointer (&state->font, g_free);
  state->font_flags = 0;
}

/* Rendering to xdot attaches the drawing to every object. Caller holds
 * the lock. */
void
qg_graph_attach_xdot (Agraph_t *g)
{
  char *data = NULL;
  unsigned int length = 0;

  if (gvRenderData (qg_graphviz_context (), g, "xdot", &data, &length) == 0 && data != NULL)
    gvFreeRenderData (data);
}

/* The drawing's points are taken from Graphviz's bounding box (y up) to
 * ours (y down). Without @places, the graph is laid out here, and drawn
 * to xdot first. */
static void
read_bounds (Agraph_t  *g,
             QgPlaces  *places,
             DrawState *state,
             double    *llx,
             double    *lly,
             double    *urx,
             double    *ury)
{
  const char *bb;

  if (places == NULL)
    qg_graph_attach_xdot (g);
  bb = qg_places_get (places, g, "bb");
  if (sscanf (bb ? bb : "", "%lf,%lf,%lf,%lf", llx, lly, urx, ury) != 4)
    *llx = *lly = *urx = *ury = 0;
  state->x0 = *llx;
  state->top = *ury;
}

/* Caller holds the lock; the graph is laid out, or @places read. */
QgLayout *
qg_graph_extract_layout (QgGraph    *self,
                         QgDocument *document,
                         QgPlaces   *places)
{
  Agraph_t *g = self->graph;
  g_autoptr(GHashTable) relations = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(QgLayoutBuilder) builder = NULL;
  double llx = 0, lly = 0, urx = 0, ury = 0;
  DrawState state = { 0 };

  read_bounds (g, places, &state, &llx, &lly, &urx, &ury);

  for (guint i = 0; i < qg_document_get_n_relations (document); i++)
    g_hash_table_insert (relations, (gpointer) qg_document_get_relation (document, i)->id,
                         GUINT_TO_POINTER (i));

  builder = qg_layout_builder_new (self->engine, qg_document_get_n_entities (document),
                                   qg_document_get_n_relations (document), urx - llx, ury - lly);

  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    {
      gint entity = qg_document_find_entity (document, agnameof (n));
      double x = 0, y = 0;

      if (entity < 0)
        continue;
      parse_pair (qg_places_get (places, n, "pos"), &x, &y);
      qg_layout_builder_begin (builder, QG_ITEM_NODE, entity, x - llx, ury - y);
      reset_state (&state);
      add_xdot (builder, &state, qg_places_get (places, n, "_draw_"), FALSE);
      add_xdot (builder, &state, qg_places_get (places, n, "_ldraw_"), TRUE);
    }

  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e))
      {
        gpointer index;
        double x = 0, y = 0;
        const char *key = agnameof (e);

        if (key == NULL || !g_hash_table_lookup_extended (relations, key, NULL, &index))
          continue;
        if (!parse_pair (qg_places_get (places, e, "lp"), &x, &y))
          {
            x = (llx + urx) / 2;
            y = (lly + ury) / 2;
          }
        qg_layout_builder_begin (builder, QG_ITEM_EDGE, GPOINTER_TO_UINT (index), x - llx,
                                 ury - y);
        reset_state (&state);
        add_xdot (builder, &state, qg_places_get (places, e, "_draw_"), FALSE);
        add_xdot (builder, &state, qg_places_get (places, e, "_hdraw_"), FALSE);
        add_xdot (builder, &state, qg_places_get (places, e, "_tdraw_"), FALSE);
        add_xdot (builder, &state, qg_places_get (places, e, "_ldraw_"), TRUE);
      }

  g_free (state.font);
  return qg_layout_builder_end (g_steal_pointer (&builder));
}

QgLayout *
qg_graph_get_layout (QgGraph    *self,
                     QgDocument *document)
{
  QgLayout *layout;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (self->laid_out, NULL);

  qg_graphviz_lock ();
  layout = qg_graph_extract_layout (self, document, NULL);
  qg_graphviz_unlock ();
  return layout;
}

/* ------------------------------------------------------------------------ */
/* A graph of its own, as Graphviz drew it                                   */

/* What Graphviz writes on a graph as it lays it out and draws it, which
 * is not the file's to show. */
static gboolean
is_layout_attribute (const char *name)
{
  static const char *const produced[] = {
    "bb", "lp", "xlp", "head_lp", "tail_lp", "lheight", "lwidth", "lpos", "rects", "xdotversion",
  };

  if (name[0] == '_')
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (produced); i++)
    if (strcmp (name, produced[i]) == 0)
      return TRUE;
  return FALSE;
}

/* The attributes that apply to @object, its own and those it takes from a
 * default the file declares ("node [shape=box]"): read before the layout,
 * the only ones declared are the file's (and the label's "\\N", the
 * node's own name, which says nothing more). */
static GPtrArray *
own_attributes (Agraph_t *g,
                int       kind,
                void     *object)
{
  GPtrArray *pairs = g_ptr_array_new ();

  for (Agsym_t *sym = agnxtattr (g, kind, NULL); sym; sym = agnxtattr (g, kind, sym))
    {
      char *value = agxget (object, sym);

      if (value == NULL || value[0] == '\0' || is_layout_attribute (sym->name)
          || (strcmp (sym->name, "label") == 0 && strcmp (value, "\\N") == 0))
        continue;
      g_ptr_array_add (pairs, sym->name);
      g_ptr_array_add (pairs, value);
    }
  return pairs;
}

static void
count_drawn_clusters (Agraph_t *g,
                      guint    *n)
{
  for (Agraph_t *sub = agfstsubg (g); sub; sub = agnxtsubg (sub))
    {
      *n += strncmp (agnameof (sub), "cluster", 7) == 0;
      count_drawn_clusters (sub, n);
    }
}

QgDrawing *
qg_graph_read_attributes (Agraph_t *g)
{
  g_autoptr(GHashTable) index = g_hash_table_new (NULL, NULL);
  QgDrawing *drawing;
  guint clusters = 1, node = 0, edge = 0;
  GPtrArray *pairs;

  count_drawn_clusters (g, &clusters);
  drawing = qg_drawing_new (agisdirected (g), agnnodes (g), agnedges (g), clusters);
  pairs = own_attributes (g, AGRAPH, g);
  qg_drawing_set_graph_attributes (drawing, pairs);
  g_ptr_array_unref (pairs);
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n), node++)
    {
      pairs = own_attributes (g, AGNODE, n);
      qg_drawing_set_node (drawing, node, agnameof (n), pairs);
      g_ptr_array_unref (pairs);
      g_hash_table_insert (index, n, GUINT_TO_POINTER (node));
    }
  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e), edge++)
      {
        pairs = own_attributes (g, AGEDGE, e);
        qg_drawing_set_edge (drawing, edge,
                             GPOINTER_TO_UINT (g_hash_table_lookup (index, agtail (e))),
                             GPOINTER_TO_UINT (g_hash_table_lookup (index, aghead (e))), pairs);
        g_ptr_array_unref (pairs);
      }
  return drawing;
}

static void
add_styled (QgLayoutBuilder *builder,
            DrawState       *state,
            QgPlaces        *places,
            void            *object,
            const char      *attribute,
            gboolean         is_label)
{
  add_xdot (builder, state, qg_places_get (places, object, attribute), is_label);
}

static void
add_clusters (QgLayoutBuilder *builder,
              DrawState       *state,
              QgPlaces        *places,
              Agraph_t        *g)
{
  g_autoptr(GPtrArray) clusters = qg_graph_clusters_in_order (g);

  for (guint i = 0; i < clusters->len; i++)
    {
      qg_layout_builder_begin (builder, QG_ITEM_CLUSTER, i + 1, 0, 0);
      reset_state (state);
      add_styled (builder, state, places, clusters->pdata[i], "_draw_", FALSE);
      add_styled (builder, state, places, clusters->pdata[i], "_ldraw_", TRUE);
    }
}

/* Caller holds the lock; the graph is laid out, or @places read. */
QgDrawing *
qg_graph_extract_drawing (QgGraph  *self,
                          QgPlaces *places)
{
  Agraph_t *g;
  g_autoptr(QgLayoutBuilder) builder = NULL;
  double llx = 0, lly = 0, urx = 0, ury = 0;
  DrawState state = { 0 };
  guint edge = 0;
  QgDrawing *drawing;

  g = self->graph;
  read_bounds (g, places, &state, &llx, &lly, &urx, &ury);
  state.styled = TRUE;

  drawing = qg_drawing_ref (self->own);
  builder = qg_layout_builder_new (self->engine, qg_drawing_get_n_nodes (drawing),
                                   qg_drawing_get_n_edges (drawing), urx - llx, ury - lly);
  qg_layout_builder_set_n_clusters (builder, qg_drawing_get_n_clusters (drawing));

  qg_layout_builder_begin (builder, QG_ITEM_CLUSTER, 0, (urx - llx) / 2, (ury - lly) / 2);
  reset_state (&state);
  add_styled (builder, &state, places, g, "_draw_", FALSE);
  add_styled (builder, &state, places, g, "_ldraw_", TRUE);
  add_clusters (builder, &state, places, g);

  {
    guint node = 0;

    for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n), node++)
      {
        double x = 0, y = 0;

        parse_pair (qg_places_get (places, n, "pos"), &x, &y);
        qg_layout_builder_begin (builder, QG_ITEM_NODE, node, x - llx, ury - y);
        reset_state (&state);
        add_styled (builder, &state, places, n, "_draw_", FALSE);
        add_styled (builder, &state, places, n, "_ldraw_", TRUE);
      }
  }

  for (Agnode_t *n = agfstnode (g); n; n = agnxtnode (g, n))
    for (Agedge_t *e = agfstout (g, n); e; e = agnxtout (g, e), edge++)
      {
        double x, y;

        /* An edge without a label is told by the middle of its ends. */
        if (!parse_pair (qg_places_get (places, e, "lp"), &x, &y))
          {
            double tx = 0, ty = 0, hx = 0, hy = 0;

            parse_pair (qg_places_get (places, agtail (e), "pos"), &tx, &ty);
            parse_pair (qg_places_get (places, aghead (e), "pos"), &hx, &hy);
            x = (tx + hx) / 2;
            y = (ty + hy) / 2;
          }
        qg_layout_builder_begin (builder, QG_ITEM_EDGE, edge, x - llx, ury - y);
        reset_state (&state);
        add_styled (builder, &state, places, e, "_draw_", FALSE);
        add_styled (builder, &state, places, e, "_hdraw_", FALSE);
        add_styled (builder, &state, places, e, "_tdraw_", FALSE);
        add_styled (builder, &state, places, e, "_ldraw_", TRUE);
        add_styled (builder, &state, places, e, "_hldraw_", TRUE);
        add_styled (builder, &state, places, e, "_tldraw_", TRUE);
      }

  g_free (state.font);
  qg_drawing_set_layout (drawing, qg_layout_builder_end (g_steal_pointer (&builder)));
  return drawing;
}

QgDrawing *
qg_graph_get_drawing (QgGraph *self)
{
  QgDrawing *drawing;

  g_return_val_if_fail (self != NULL && self->laid_out && self->own != NULL, NULL);

  qg_graphviz_lock ();
  drawing = qg_graph_extract_drawing (self, NULL);
  qg_graphviz_unlock ();
  return drawing;
}
