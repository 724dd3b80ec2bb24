/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "qg-document.h"

G_BEGIN_DECLS

/* What the article says where: the places that name each entity, and
 * which relations each quote backs. Built once per document, read-only,
 * and shared by reference. */

typedef struct
{
  gsize start;   /* byte range in the article */
  gsize end;
  guint entity;
} QgMention;

/* What the article view marks, and how: a quote in the stance of the
 * first relation it backs (a QgStance), a quote with a speaker, a draft,
 * a mention. */
typedef enum
{
  QG_HIGHLIGHT_SPEECH = QG_STANCE_OPPOSE + 1,
  QG_HIGHLIGHT_DRAFT,
  QG_HIGHLIGHT_MENTION,
} QgHighlightKind;

typedef struct
{
  gsize start;   /* byte range in the article */
  gsize end;
  guint kind;    /* a QgStance or a QgHighlightKind */
} QgHighlight;

/* By kind, then start, then end. */
int              qg_highlight_compare          (const QgHighlight *a,
                                                const QgHighlight *b);

typedef struct _QgSources QgSources;

QgSources       *qg_sources_new                (QgDocument *document);
void             qg_sources_new_async          (QgDocument          *document,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
QgSources       *qg_sources_new_finish         (GAsyncResult        *result,
                                                GError             **error);
#define QG_TYPE_SOURCES (qg_sources_get_type ())

GType            qg_sources_get_type           (void) G_GNUC_CONST;
QgSources       *qg_sources_ref                (QgSources  *sources);
void             qg_sources_unref              (QgSources  *sources);

/* Every highlight of the article, in the order of qg_highlight_compare()
 * (a span may be there more than once, as quotes may share one). */
const QgHighlight *qg_sources_get_highlights   (QgSources  *sources,
                                                guint      *n_highlights);
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
/* Where byte @offset of the article is as a count of characters, as text
 * widgets count, and back: each a short walk from the nearest of the
 * places kept every few kilobytes, however long the article. */
glong            qg_sources_char_offset        (QgSources  *sources,
                                                gsize       offset);
gsize            qg_sources_byte_offset        (QgSources  *sources,
                                                glong       chars);
/* The quotes whose passage contains byte @offset of the article. */
GArray          *qg_sources_quotes_at          (QgSources  *sources,
                                                gsize       offset);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgSources, qg_sources_unref)

G_END_DECLS
