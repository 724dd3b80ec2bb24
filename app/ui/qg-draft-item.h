/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "qg-document.h"

G_BEGIN_DECLS

/* One drafted entity, quote or relation of a document, as the review list
 * shows it: what it is, in words, and the id its buttons act on. Items
 * are made anew for each version of the document, and compared, so that
 * the list changes only where the drafts did. */

typedef enum
{
  QG_DRAFT_ENTITY,
  QG_DRAFT_QUOTE,
  QG_DRAFT_RELATION,
} QgDraftKind;

#define QG_TYPE_DRAFT_ITEM (qg_draft_item_get_type ())
G_DECLARE_FINAL_TYPE (QgDraftItem, qg_draft_item, QG, DRAFT_ITEM, GObject)

const char  *qg_draft_item_get_id     (QgDraftItem *self);
QgDraftKind  qg_draft_item_get_kind   (QgDraftItem *self);
/* An entity's name, a quote's passage (in quote marks, shortened), a
 * relation's sentence. */
const char  *qg_draft_item_get_title  (QgDraftItem *self);
/* An entity's kind and description, who says a quote, a relation's
 * stance; or NULL. */
const char  *qg_draft_item_get_detail (QgDraftItem *self);
/* How a quote's speaker was found (its note), or NULL. */
const char  *qg_draft_item_get_note   (QgDraftItem *self);
/* Whether the two show the same thing. */
gboolean     qg_draft_item_equal      (QgDraftItem *a,
                                       QgDraftItem *b);

/* The drafts of @document in the order they are reviewed: entities as the
 * document has them, then quotes as the article has them, then relations;
 * a GPtrArray of QgDraftItem. */
GPtrArray   *qg_draft_items_of        (QgDocument  *document);

G_END_DECLS
