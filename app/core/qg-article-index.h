/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Finds passages in an article, exactly except that any run of white space
 * matches any run of white space (FORMAT.md, quotes[]). The article is
 * normalised once; all passages are then found in a single pass over it. */
typedef struct _QgArticleIndex QgArticleIndex;

typedef struct
{
  const char *text;        /* the passage, as written in the document */
  guint       occurrence;  /* 1-based: which start position is meant */

  /* Results */
  gboolean    found;
  gsize       start;       /* byte range in the original article */
  gsize       end;
  guint       count;       /* occurrences seen; all of them when not found */
} QgPassage;

QgArticleIndex *qg_article_index_new             (const char     *text,
                                                  gsize           length);
void            qg_article_index_free            (QgArticleIndex *index);
/* Returns FALSE if it gave up: an article and quotes so repetitive that
 * checking them would take minutes (the results are then incomplete). */
gboolean        qg_article_index_find            (QgArticleIndex *index,
                                                  QgPassage      *passages,
                                                  guint           n_passages);
/* The occurrence by which the passage that is the article's own text at
 * the bytes [start, end) is found: one more than the places before it
 * where the same text starts, overlapping ones included. The bytes at
 * @start and @end - 1 must not be white space. 0 if it gave up, as
 * qg_article_index_find() does. */
guint           qg_article_index_occurrence_at   (QgArticleIndex *index,
                                                  gsize           start,
                                                  gsize           end);
char           *qg_article_index_longest_prefix  (QgArticleIndex *index,
                                                  const char     *text);
gboolean        qg_article_index_found_if_folded (QgArticleIndex *index,
                                                  const char     *text);

/* The white space whose runs are equivalent: space, tab, newline, CR, FF, VT. */
static inline gboolean
qg_article_is_space (char c)
{
  return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Whether @s is only such white space, or empty: says nothing. */
static inline gboolean
qg_article_is_blank (const char *s)
{
  for (; *s; s++)
    if (!qg_article_is_space (*s))
      return FALSE;
  return TRUE;
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (QgArticleIndex, qg_article_index_free)

G_END_DECLS
