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
/* @without_drafts: what is drafted is left out, as the other exports
 * leave it out. */
char       *qg_aif_write_full           (QgDocument    *doc,
                                         gboolean       without_drafts,
                                         gsize         *length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgAifGraph, qg_aif_graph_free)

G_END_DECLS
