/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

G_BEGIN_DECLS

/* What the article says where: the places that name each entity, and
 * which relations each quote backs. Built once per document, read-only. */

typedef struct
{
  gsize start;   /* byte range in the article */
  gsize end;
  guint entity;
} QgMention;

typedef struct _QgSources QgSources;

QgSources       *qg_sources_new                (QgDocument *document);
void             qg_sources_new_async          (QgDocument          *document,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
QgSources       *qg_sources_new_finish         (GAsyncResult        *result,
                                                GError             **error);
void             qg_sources_free               (QgSources  *sources);

/* Whole-word mentions of names and aliases, in article order, never
 * overlapping (the longest name wins where two start together). */
const QgMention *qg_sources_get_mentions       (QgSources  *sources,
                                                guint      *n_mentions);
guint            qg_sources_count_mentions     (QgSources  *sources,
                                                guint       entity);
/* Relations backed by a quote, as relation indices. */
const guint     *qg_sources_relations_of_quote (QgSources  *sources,
                                                guint       quote,
                                                guint      *n_relations);
/* The quotes whose passage contains byte @offset of the article. */
GArray          *qg_sources_quotes_at          (QgSources  *sources,
                                                gsize       offset);

/* "Department of Homeland Security bans products of Kaspersky Lab" */
char            *qg_relation_sentence          (QgDocument *document,
                                                guint       relation);
/* A quote with its source, for pasting into a report. */
char            *qg_quote_citation             (QgDocument *document,
                                                guint       quote);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgSources, qg_sources_free)

G_END_DECLS
