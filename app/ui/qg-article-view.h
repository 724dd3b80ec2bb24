/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "qg-document.h"
#include "qg-sources.h"

G_BEGIN_DECLS

#define QG_TYPE_ARTICLE_VIEW (qg_article_view_get_type ())
G_DECLARE_FINAL_TYPE (QgArticleView, qg_article_view, QG, ARTICLE_VIEW, GtkTextView)

/* The article, read-only, with every quote's passage highlighted (in its
 * relation's stance colour; direct speech in italics; a draft with a wavy
 * underline over a faint tint, in the colour of warnings) and every mention of
 * an entity underlined. Clicking a passage activates win.select with what
 * it backs, or offers the choice when it backs several. */
GtkWidget *qg_article_view_new          (void);
void       qg_article_view_set_document (QgArticleView *self,
                                         QgDocument    *document,
                                         QgSources     *sources);
/* Whether the highlights are still being laid on, a little at a time
 * while the main loop is idle, so that a long article never holds up
 * the map or the keys. */
gboolean   qg_article_view_is_filling   (QgArticleView *self);
/* Scrolls to a quote's passage, selects it and makes it flash. */
void       qg_article_view_show_quote   (QgArticleView *self,
                                         guint          quote);
/* The byte range last shown, for tests. */
gboolean   qg_article_view_get_shown    (QgArticleView *self,
                                         gsize         *start,
                                         gsize         *end);
/* What a click at byte @offset of the article selects: returns the ids
 * (entities or relations) it offers, most specific first. */
GStrv      qg_article_view_items_at     (QgArticleView *self,
                                         gsize          offset);

G_END_DECLS
