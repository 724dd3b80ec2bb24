/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"
#include "qg-drawing.h"
#include "qg-layout.h"

G_BEGIN_DECLS

/* Everything that touches Graphviz lives behind this header. cgraph is not
 * thread-safe: the module serialises layout and rendering with one lock, and
 * each QgGraph is owned by one thread at a time. */

#define QG_GRAPH_ERROR (qg_graph_error_quark ())

typedef enum
{
  QG_GRAPH_ERROR_ENGINE,  /* unknown layout engine */
  QG_GRAPH_ERROR_FORMAT,  /* unknown output format */
  QG_GRAPH_ERROR_LAYOUT,  /* Graphviz failed */
  QG_GRAPH_ERROR_SYNTAX,  /* DOT that cgraph cannot read (qg_graph_new_from_dot) */
} QgGraphError;

typedef struct _QgGraph QgGraph;

typedef struct
{
  const char   *engine;            /* NULL: chosen by size */
  gboolean      legend;            /* a legend of the kinds and stances shown */
  const guint8 *hidden_entities;   /* flags, or NULL: left out of the graph */
  const guint8 *hidden_relations;
  /* Drafted entities and relations left out too, and drafted quotes from
   * the tooltips; else drafts are drawn marked (docs/format-notes.md). */
  gboolean      without_drafts;
  int           dpi;               /* for bitmaps; 0: Graphviz's 96 */
  /* An earlier layout of an earlier version of the document: with neato
   * and fdp, each entity that was on it keeps its place (pinned), and the
   * new ones find theirs around them. Other engines lay out anew. */
  QgLayout     *keep;
  QgDocument   *keep_document;
  /* No tooltips (the quotes behind each entity and relation): for the
   * window, which shows them from the document. They place nothing, and
   * were three quarters of a large map's DOT text, written, hashed for
   * the layout cache and read by Graphviz twice. */
  gboolean      without_tooltips;
} QgGraphOptions;

GQuark              qg_graph_error_quark        (void);

const char * const *qg_graph_engines           (void);
gboolean            qg_graph_engine_is_valid   (const char  *engine);
const char         *qg_graph_engine_for        (QgDocument  *document);
/* What a person should know before laying @document out with @engine,
 * when it may take minutes ("… may take minutes for a map of 1000
 * entities"), else NULL. qg_graph_engine_for never chooses such an engine. */
char               *qg_graph_engine_warning    (const char  *engine,
                                                QgDocument  *document);
/* What a person calls a layout engine: "Hierarchical (dot)". */
const char         *qg_graph_engine_label      (const char  *engine);

QgGraph            *qg_graph_new                (QgDocument  *document,
                                                 const char  *engine,
                                                 GError     **error);
QgGraph            *qg_graph_new_full           (QgDocument            *document,
                                                 const QgGraphOptions  *options,
                                                 GError               **error);
/* A graph of a DOT file's own (qg-dot.h), laid out as it says: with
 * @engine if not NULL, else its "layout" attribute, else dot. @text ends
 * with a NUL. On a syntax error, *@error_line is the line cgraph named
 * (0: none) and the message is cgraph's words. */
QgGraph            *qg_graph_new_from_dot       (const char  *text,
                                                 const char  *engine,
                                                 guint       *error_line,
                                                 GError     **error);
void                qg_graph_free               (QgGraph     *graph);
/* The same, in a thread of its own, unless it holds Graphviz (qg_graph_layout). */
void                qg_graph_free_later         (QgGraph     *graph);
const char         *qg_graph_get_engine         (QgGraph     *graph);
/* The entities and relations in the graph: what the filters left. */
guint               qg_graph_get_n_entities     (QgGraph     *graph);
guint               qg_graph_get_n_relations    (QgGraph     *graph);
/* Subgraphs named "cluster…", at any depth: 0 for a document's graph. */
guint               qg_graph_get_n_clusters     (QgGraph     *graph);
/* Laid out, the graph keeps Graphviz for the calling thread until it is
 * freed, in that thread: another thread's graphs wait till then. */
gboolean            qg_graph_layout             (QgGraph     *graph,
                                                 GError     **error);
GBytes             *qg_graph_render             (QgGraph     *graph,
                                                 const char  *format,
                                                 GError     **error);
/* The styled graph as DOT, before layout: `dot -Tsvg` on it draws the same
 * picture as qg_graph_render (graph, "svg"). */
GBytes             *qg_graph_to_dot             (QgGraph     *graph);

/* A laid-out graph of a DOT file's own (qg_graph_new_from_dot) as
 * Graphviz drew it, colours and all, with its names and attributes. */
QgDrawing          *qg_graph_get_drawing        (QgGraph     *graph);

/* The geometry of a laid-out graph, for the interactive view. */
QgLayout           *qg_graph_get_layout         (QgGraph     *graph,
                                                 QgDocument  *document);

/* Lays out @graph and draws it as @format ("svg", "png", "pdf"; or
 * "places", the layout as text) in a process of its own, the layout
 * worker (qg-graph-worker.c): Graphviz crashing ends the worker, not the
 * caller, and @cancellable ends it at once. What it answers is kept in
 * the layout cache (qg-layout-cache.h), and taken from there the next
 * time. */
GBytes             *qg_graph_run                (QgGraph       *graph,
                                                 const char    *format,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
/* The same, for a document's layout and a DOT file's drawing. */
QgLayout           *qg_graph_run_layout         (QgGraph       *graph,
                                                 QgDocument    *document,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
QgDrawing          *qg_graph_run_drawing        (QgGraph       *graph,
                                                 GCancellable  *cancellable,
                                                 GError       **error);
/* What the worker answers for "places", from a graph laid out here. */
GBytes             *qg_graph_write_places       (QgGraph       *graph);

/* Lays out @document in a worker thread, through the layout worker. */
QgLayout           *qg_graph_compute_layout        (QgDocument          *document,
                                                    const char          *engine,
                                                    GError             **error);
void                qg_graph_compute_layout_async  (QgDocument          *document,
                                                    const char          *engine,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
/* The same, keeping the places of @previous (a layout of @previous_document)
 * where the engine can (QgGraphOptions.keep). */
void                qg_graph_compute_layout_keeping_async (QgDocument          *document,
                                                           const char          *engine,
                                                           QgLayout            *previous,
                                                           QgDocument          *previous_document,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
QgLayout           *qg_graph_compute_layout_finish (GAsyncResult        *result,
                                                    GError             **error);

char               *qg_graphviz_escape_label    (const char  *text);
char               *qg_graphviz_escape_tooltip  (const char  *text);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgGraph, qg_graph_free)

G_END_DECLS
