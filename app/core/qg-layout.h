/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

G_BEGIN_DECLS

/* The geometry of one layout of a document, as Graphviz drew it: the
 * outline of every node, the spline and arrowheads of every edge, and the
 * place of every line of text, in points with y growing downwards. A
 * document's layout carries no colours: the view takes those from the
 * style. A drawing of a graph of its own (a DOT file's, qg-drawing.h)
 * keeps Graphviz's colours and fonts in each op (`styled`), and the
 * background and clusters as items of their own. Immutable, and safe to
 * share between threads once built. */

typedef enum
{
  QG_OP_ELLIPSE,   /* x, y: centre; w, h: radii */
  QG_OP_POLYGON,   /* points */
  QG_OP_BEZIER,    /* points: a start and then three per cubic segment */
  QG_OP_POLYLINE,  /* points */
  QG_OP_TEXT,      /* x: anchor; y: baseline; w: width; h: font size; align; text */
} QgOpKind;

typedef enum
{
  QG_ALIGN_LEFT,
  QG_ALIGN_CENTER,
  QG_ALIGN_RIGHT,
} QgAlign;

typedef struct
{
  QgOpKind    kind;
  guint8      filled;
  guint8      dashed;
  guint8      dotted;
  guint8      align;
  guint8      italic;     /* text: in an oblique font (a draft's label) */
  float       pen_width;
  guint       first;      /* of its points in qg_layout_get_points() */
  guint       n_points;
  double      x, y, w, h;
  const char *text;
  /* Set in a drawing of a graph of its own: Graphviz's colours (0xRRGGBBAA)
   * and font (its name as Graphviz has it, "Helvetica-Bold"). */
  guint8      styled;
  guint8      bold;
  guint8      underline;
  guint8      strike;
  guint32     stroke;
  guint32     fill;
  const char *font;
} QgOp;

typedef enum
{
  QG_ITEM_NONE,
  QG_ITEM_NODE,
  QG_ITEM_EDGE,
  QG_ITEM_CLUSTER,  /* a drawing's background (cluster 0) and its clusters */
} QgItemKind;

typedef struct
{
  double x0, y0, x1, y1;  /* bounds of everything drawn for it */
  double cx, cy;          /* a node's centre; an edge's label, or middle */
  guint  first_op;        /* shape: outline, or spline and arrowheads */
  guint  n_ops;
  guint  first_text;      /* label lines */
  guint  n_texts;
} QgItem;

typedef struct _QgLayout QgLayout;
typedef struct _QgLayoutBuilder QgLayoutBuilder;

#define QG_TYPE_LAYOUT (qg_layout_get_type ())

GType             qg_layout_get_type      (void) G_GNUC_CONST;
QgLayout         *qg_layout_ref           (QgLayout    *layout);
void              qg_layout_unref         (QgLayout    *layout);

const char       *qg_layout_get_engine    (QgLayout    *layout);
double            qg_layout_get_width     (QgLayout    *layout);
double            qg_layout_get_height    (QgLayout    *layout);
guint             qg_layout_get_n_nodes   (QgLayout    *layout);
guint             qg_layout_get_n_edges   (QgLayout    *layout);
const QgItem     *qg_layout_get_node      (QgLayout    *layout,
                                           guint        entity);
const QgItem     *qg_layout_get_edge      (QgLayout    *layout,
                                           guint        relation);
/* A drawing's background and clusters, drawn first, in order: 0 for a
 * document's layout. */
guint             qg_layout_get_n_clusters (QgLayout   *layout);
const QgItem     *qg_layout_get_cluster   (QgLayout    *layout,
                                           guint        index);
guint             qg_layout_get_n_ops     (QgLayout    *layout);
const QgOp       *qg_layout_get_op        (QgLayout    *layout,
                                           guint        index);
const double     *qg_layout_get_points    (QgLayout    *layout);

/* Where a text op's line begins, by its anchor and alignment. */
double            qg_op_text_left         (const QgOp  *op);

/* The node, else the edge, under (x, y) in layout points; @tolerance
 * widens thin lines. Returns QG_ITEM_NONE if there is none. */
QgItemKind        qg_layout_hit           (QgLayout    *layout,
                                           double       x,
                                           double       y,
                                           double       tolerance,
                                           guint       *index);

/* The same, passing over hidden nodes and edges (arrays of flags, or NULL). */
QgItemKind        qg_layout_hit_shown     (QgLayout     *layout,
                                           double        x,
                                           double        y,
                                           double        tolerance,
                                           const guint8 *hidden_nodes,
                                           const guint8 *hidden_edges,
                                           guint        *index);

/* For the Graphviz module, which fills a layout from Graphviz's drawing. */
QgLayoutBuilder  *qg_layout_builder_new   (const char  *engine,
                                           guint        n_nodes,
                                           guint        n_edges,
                                           double       width,
                                           double       height);
void              qg_layout_builder_set_n_clusters (QgLayoutBuilder *builder,
                                                    guint            n_clusters);
void              qg_layout_builder_begin (QgLayoutBuilder *builder,
                                           QgItemKind   kind,
                                           guint        index,
                                           double       cx,
                                           double       cy);
void              qg_layout_builder_add   (QgLayoutBuilder *builder,
                                           const QgOp  *op,
                                           const double *points,
                                           gboolean     is_text);
QgLayout         *qg_layout_builder_end   (QgLayoutBuilder *builder);
void              qg_layout_builder_free  (QgLayoutBuilder *builder);

/* The layout as bytes, for the layout cache (qg-layout-store.c); its
 * items named by @document's ids. */
GBytes           *qg_layout_write         (QgLayout    *layout,
                                           QgDocument  *document);
/* The layout written by qg_layout_write, of a graph laid out by @engine,
 * for @document (its items found by their ids); NULL if the bytes are
 * not such a layout, whole, of this document's items. */
QgLayout         *qg_layout_read          (GBytes      *bytes,
                                           const char  *engine,
                                           QgDocument  *document);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgLayout, qg_layout_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgLayoutBuilder, qg_layout_builder_free)

G_END_DECLS
