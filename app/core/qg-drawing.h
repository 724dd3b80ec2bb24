/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-layout.h"

G_BEGIN_DECLS

/* A graph of its own (a DOT file's, or an AIF map's drawn as DOT) as
 * Graphviz drew it, for the window: its layout with Graphviz's colours and
 * fonts (qg-layout.h: styled ops, and the background and clusters as
 * cluster items), and what is written on each node and edge, the
 * attributes the file gives it. Node i is cgraph's i-th node, edge j its
 * j-th edge, node by node. Immutable, and safe to share between threads
 * once built. */

typedef struct _QgDrawing QgDrawing;

#define QG_TYPE_DRAWING (qg_drawing_get_type ())

GType               qg_drawing_get_type             (void) G_GNUC_CONST;
QgDrawing          *qg_drawing_ref                  (QgDrawing  *drawing);
void                qg_drawing_unref                (QgDrawing  *drawing);

QgLayout           *qg_drawing_get_layout           (QgDrawing  *drawing);
gboolean            qg_drawing_is_directed          (QgDrawing  *drawing);
guint               qg_drawing_get_n_nodes          (QgDrawing  *drawing);
guint               qg_drawing_get_n_edges          (QgDrawing  *drawing);
guint               qg_drawing_get_n_clusters       (QgDrawing  *drawing);
const char         *qg_drawing_get_node_name        (QgDrawing  *drawing,
                                                     guint       node);
/* The node named @name, or -1. */
gint                qg_drawing_find_node            (QgDrawing  *drawing,
                                                     const char *name);
/* "a -> b", or "a -- b" in a graph without directions. */
const char         *qg_drawing_get_edge_name        (QgDrawing  *drawing,
                                                     guint       edge);
guint               qg_drawing_get_edge_tail        (QgDrawing  *drawing,
                                                     guint       edge);
guint               qg_drawing_get_edge_head        (QgDrawing  *drawing,
                                                     guint       edge);
/* The attributes the file sets, as read, before Graphviz laid it out:
 * name, value, name, value…, NULL; sorted by name. */
const char * const *qg_drawing_get_node_attributes  (QgDrawing  *drawing,
                                                     guint       node);
const char * const *qg_drawing_get_edge_attributes  (QgDrawing  *drawing,
                                                     guint       edge);
const char * const *qg_drawing_get_graph_attributes (QgDrawing  *drawing);
/* The value of one of them, or NULL. */
const char         *qg_drawing_lookup               (const char * const *attributes,
                                                     const char         *name);

/* For the Graphviz module (qg-graph.h), which fills it in. */
QgDrawing          *qg_drawing_new                  (gboolean    directed,
                                                     guint       n_nodes,
                                                     guint       n_edges,
                                                     guint       n_clusters);
/* @attributes: name, value… as a GPtrArray of strings, copied. */
void                qg_drawing_set_node             (QgDrawing  *drawing,
                                                     guint       node,
                                                     const char *name,
                                                     GPtrArray  *attributes);
void                qg_drawing_set_edge             (QgDrawing  *drawing,
                                                     guint       edge,
                                                     guint       tail,
                                                     guint       head,
                                                     GPtrArray  *attributes);
void                qg_drawing_set_graph_attributes (QgDrawing  *drawing,
                                                     GPtrArray  *attributes);
/* Takes @layout. */
void                qg_drawing_set_layout           (QgDrawing  *drawing,
                                                     QgLayout   *layout);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgDrawing, qg_drawing_unref)

G_END_DECLS
