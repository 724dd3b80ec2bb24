/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <graphviz/gvc.h>

#include "qg-drawing.h"
#include "qg-graph.h"

G_BEGIN_DECLS

/* What the Graphviz module's files share (qg-graph.c, qg-graph-geometry.c). */

struct _QgGraph
{
  Agraph_t  *graph;
  GBytes    *dot;       /* the DOT text that graph was read from */
  char      *engine;
  gboolean   laid_out;
  gboolean   holds_graphviz;  /* laid out by this thread, which keeps the lock */
  guint      n_entities;  /* shown: the filters' hidden ones left out */
  guint      n_relations;
  guint      n_clusters;  /* of a DOT file's graph */
  QgDrawing *own;         /* a DOT file's: its names and attributes as read */
};

/* cgraph and gvc keep global state: one thread at a time, recursively,
 * in the C locale meanwhile (see qg-graph.c). */
void       qg_graphviz_lock             (void);
void       qg_graphviz_unlock           (void);

/* Caller holds the lock. */
GVC_t     *qg_graphviz_context          (void);
/* Graphviz's version: without the lock once a graph has been made. */
const char *qg_graphviz_version         (void);
/* How many large styled graphs have been closed in threads of their own
 * (close_soon, qg-graph.c) since the program started. */
guint      qg_graph_get_n_closed_beside (void);
/* A document's graph is read back from its DOT text when it is first
 * needed: by a layout here, or to read a layout's places. */
gboolean   qg_graph_parse               (QgGraph    *graph,
                                         GError    **error);
/* A layout as text, from the worker or the cache (qg-graph-places.c). */
typedef struct _QgPlaces QgPlaces;

/* Caller holds the lock for these. */
void       qg_graph_attach_xdot         (Agraph_t   *graph);
/* A large map's edge labels, taken away before its layout and placed
 * after it (qg-graph-labels.c); NULL where Graphviz places them. */
typedef struct _QgTakenLabels QgTakenLabels;
QgTakenLabels *qg_graph_labels_take     (Agraph_t   *graph,
                                         const char *engine);
/* Gives the labels back, placed if @laid_out, and frees @taken. */
void       qg_graph_labels_place        (Agraph_t      *graph,
                                         QgTakenLabels *taken,
                                         gboolean       laid_out);
GPtrArray *qg_graph_clusters_in_order   (Agraph_t   *graph);
/* What Graphviz wrote as @name on @object (its graph's places, or, if
 * @places is NULL, the object's own attribute). */
const char *qg_places_get               (QgPlaces   *places,
                                         void       *object,
                                         const char *name);
/* A document's layout (qg_graph_get_layout), a DOT file's drawing
 * (qg_graph_get_drawing): of the graph laid out here, or of @places. */
QgLayout  *qg_graph_extract_layout      (QgGraph    *graph,
                                         QgDocument *document,
                                         QgPlaces   *places);
QgDrawing *qg_graph_extract_drawing     (QgGraph    *graph,
                                         QgPlaces   *places);

/* Takes the lock itself. */
QgPlaces  *qg_places_read               (QgGraph    *graph,
                                         GBytes     *bytes,
                                         GError    **error);
void       qg_places_free               (QgPlaces   *places);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgPlaces, qg_places_free)
/* What a DOT file's graph says of its nodes and edges, read before the
 * layout adds its own attributes. */
QgDrawing *qg_graph_read_attributes     (Agraph_t   *graph);

G_END_DECLS
