/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* AIF, the Argument Interchange Format, as JSON: read in the two shapes
 * OVA3 and AIFdb write, into a plain model of nodes and edges; and a map
 * written as AIF. What is read, what is refused and how a map becomes AIF
 * are in docs/format-notes.md ("AIF"). */

typedef enum
{
  QG_AIF_NODE_I,      /* information: a proposition */
  QG_AIF_NODE_L,      /* a locution: "Speaker : words" */
  QG_AIF_NODE_RA,     /* inference */
  QG_AIF_NODE_CA,     /* conflict */
  QG_AIF_NODE_MA,     /* rephrase */
  QG_AIF_NODE_PA,     /* preference */
  QG_AIF_NODE_TA,     /* transition, between locutions */
  QG_AIF_NODE_YA,     /* illocution: a locution's force on a proposition */
  QG_AIF_NODE_OTHER,  /* any other type, kept as written in type_name */
} QgAifNodeType;

/* Strings live as long as the graph; ids are written in decimal when the
 * file has them as numbers, so that 3 and "3" are one id. */
typedef struct
{
  const char    *id;
  QgAifNodeType  type;
  const char    *type_name;    /* as written: "I", "RA", "ISSUE"… */
  const char    *text;         /* "" when the file gives none */
  const char    *timestamp;    /* or NULL */
  gint           participant;  /* who says it (an L-node's locution), or -1 */
  gboolean       has_position; /* OVA's layout gives x and y */
  double         x;
  double         y;
} QgAifNode;

typedef struct
{
  const char *id;    /* or NULL */
  guint       from;  /* node indices */
  guint       to;
} QgAifEdge;

typedef struct
{
  guint       node;         /* the L-node */
  const char *person_id;    /* or NULL */
  gint        participant;  /* or -1 when no participant has person_id */
  const char *timestamp;    /* or NULL */
} QgAifLocution;

typedef struct
{
  const char *id;
  const char *firstname;  /* "" when absent */
  const char *surname;    /* "" when absent */
} QgAifParticipant;

typedef struct
{
  QgAifNode        *nodes;
  guint             n_nodes;
  QgAifEdge        *edges;
  guint             n_edges;
  QgAifLocution    *locutions;
  guint             n_locutions;
  QgAifParticipant *participants;  /* each id once: the first of repeats */
  guint             n_participants;
  /* The file's text, reduced to plain text when it is HTML; or NULL. */
  const char       *text;
  gsize             text_len;
  gboolean          wrapped;       /* {"AIF": {…}} as OVA3 writes it */
  GStringChunk     *strings;
} QgAifGraph;

void        qg_aif_graph_free           (QgAifGraph    *graph);
/* The node of @id, or -1. */
gint        qg_aif_graph_find_node      (QgAifGraph    *graph,
                                         const char    *id);
/* The participant of @id, or -1. */
gint        qg_aif_graph_find_participant (QgAifGraph *graph,
                                           const char *id);
guint       qg_aif_graph_count_type     (QgAifGraph    *graph,
                                         QgAifNodeType  type);
/* Whether @type is an S-node's (a scheme's): every type but I and L. */
gboolean    qg_aif_node_type_is_scheme  (QgAifNodeType  type);

/* Errors are QG_DOCUMENT_ERROR's, worded and located as a document's
 * are ("NAME:LINE: nodes[3]: missing required member \"type\""), every
 * problem found in one pass. */
QgAifGraph *qg_aif_graph_load_from_data (const char    *data,
                                         gsize          length,
                                         const char    *display_name,
                                         GError       **error);
QgAifGraph *qg_aif_graph_load           (GFile         *file,
                                         const char    *display_name,
                                         GCancellable  *cancellable,
                                         GError       **error);

/* The map as AIF JSON in AIFdb's shape, with the article as "text":
 * always the same bytes for the same map, ended by a line break. */
char       *qg_aif_write                (QgDocument    *doc,
                                         gsize         *length);
/* @graph as AIF JSON in AIFdb's shape, every id as a string, the text
 * (plain, as read) as "text": a normalised copy of the file read, the
 * same bytes for the same graph, ended by a line break. */
char       *qg_aif_graph_write          (QgAifGraph    *graph,
                                         gsize         *length);
/* @without_drafts: what is drafted is left out, as the other exports
 * leave it out. */
char       *qg_aif_write_full           (QgDocument    *doc,
                                         gboolean       without_drafts,
                                         gsize         *length);

/* ------------------------------------------------------------------------ */
/* What a viewer makes of an AIF graph (qg-aif-map.c)                         */

/* How a type of node is drawn, for a white background: Graphviz's shape
 * and style, "#rrggbb" colours, and the class its SVG group has. */
typedef struct
{
  const char *css_class;  /* "aif-i", "aif-ra", … "aif-other" */
  const char *shape;
  const char *style;
  const char *fill;
  const char *stroke;
  const char *text;
} QgAifStyle;

const QgAifStyle *qg_aif_node_type_style (QgAifNodeType type);

/* The map as a Graphviz digraph (NUL-terminated DOT text, to be freed),
 * for qg_graph_new_from_dot () to lay out with dot: node i is named
 * "n<i>" (and has id "n<i>"), edge k goes "n<from>" -> "n<to>" in the
 * order of @graph's edges with id "e<k>". Every node and every edge is
 * in it; the same graph gives the same bytes. */
char       *qg_aif_graph_to_dot          (QgAifGraph    *graph);

/* The L-nodes that assert the I-node @inode through a YA node (L → YA →
 * I, or a YA joined to both the other way round), in node order: an
 * array of *@n_locutions indices to g_free (), NULL when there are none. */
guint      *qg_aif_graph_asserting_locutions (QgAifGraph *graph,
                                              guint       inode,
                                              guint      *n_locutions);

/* An S-node joined to a node: in a GArray of QgAifLink whose clear
 * function frees @others; g_array_unref () frees it all. */
typedef struct
{
  guint          scheme;    /* the S-node */
  QgAifNodeType  type;
  guint         *others;    /* the nodes on its far side, in the order of the edges */
  guint          n_others;
} QgAifLink;

/* The S-nodes with an edge to @node (what supports, attacks, rephrases…
 * it), each with the nodes that have an edge into it (its premises, its
 * attackers); in the order of the edges. Every type of S-node is there,
 * YA and TA too: a panel picks what it shows. */
GArray     *qg_aif_graph_links_into      (QgAifGraph    *graph,
                                          guint          node);
/* The S-nodes @node has an edge to (what it supports, attacks…), each
 * with the nodes it has an edge to (its conclusions, what it attacks). */
GArray     *qg_aif_graph_links_from      (QgAifGraph    *graph,
                                          guint          node);

/* An L-node's speaker, to g_free (): its locution's participant,
 * "Firstname Surname", else the name before "Speaker : " or "Speaker: "
 * in its text; NULL when it has none, and for any other type of node. */
char       *qg_aif_graph_speaker         (QgAifGraph    *graph,
                                          guint          node);
/* A node's words, to g_free (): its text, an L-node's without the
 * speaker's name, white space at the ends dropped. */
char       *qg_aif_graph_words           (QgAifGraph    *graph,
                                          guint          node);

/* Where a node's words are in the article: UTF-8 bytes [start, end). */
typedef struct
{
  guint node;
  gsize start;
  gsize end;
} QgAifSpan;

/* The article a reading pane shows, to g_free (): the file's text when it
 * has one (not white space alone), else its locutions in the order they were said (the
 * locutions', then the other L-nodes' in node order), a paragraph each,
 * "Speaker: words", between blank lines. *@spans (to g_free (), in the
 * order of their start) places every L-node and I-node whose words are
 * in it: as written, else with white space and curly quotes taken
 * loosely, each locution after the one before it, each proposition where
 * the locution that asserts it is. docs/format-notes.md, "Drawing". */
char       *qg_aif_graph_article         (QgAifGraph    *graph,
                                          gsize         *length,
                                          QgAifSpan    **spans,
                                          guint         *n_spans);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgAifGraph, qg_aif_graph_free)

G_END_DECLS
