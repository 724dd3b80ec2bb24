/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-draft-item"

#include "config.h"

#include <glib/gi18n.h>

#include "qg-draft-item.h"
#include "qg-kinds.h"
#include "qg-label.h"

struct _QgDraftItem
{
  GObject      parent_instance;

  QgDraftKind  kind;
  char        *id;
  char        *title;
  char        *detail;
  char        *note;
};

G_DEFINE_FINAL_TYPE (QgDraftItem, qg_draft_item, G_TYPE_OBJECT)

const char *
qg_draft_item_get_id (QgDraftItem *self)
{
  g_return_val_if_fail (QG_IS_DRAFT_ITEM (self), NULL);
  return self->id;
}

QgDraftKind
qg_draft_item_get_kind (QgDraftItem *self)
{
  g_return_val_if_fail (QG_IS_DRAFT_ITEM (self), QG_DRAFT_ENTITY);
  return self->kind;
}

const char *
qg_draft_item_get_title (QgDraftItem *self)
{
  g_return_val_if_fail (QG_IS_DRAFT_ITEM (self), NULL);
  return self->title;
}

const char *
qg_draft_item_get_detail (QgDraftItem *self)
{
  g_return_val_if_fail (QG_IS_DRAFT_ITEM (self), NULL);
  return self->detail;
}

const char *
qg_draft_item_get_note (QgDraftItem *self)
{
  g_return_val_if_fail (QG_IS_DRAFT_ITEM (self), NULL);
  return self->note;
}

gboolean
qg_draft_item_equal (QgDraftItem *a,
                     QgDraftItem *b)
{
  g_return_val_if_fail (QG_IS_DRAFT_ITEM (a) && QG_IS_DRAFT_ITEM (b), FALSE);
  return a->kind == b->kind && g_str_equal (a->id, b->id) && g_str_equal (a->title, b->title)
         && g_strcmp0 (a->detail, b->detail) == 0 && g_strcmp0 (a->note, b->note) == 0;
}

/* Takes the strings. */
static QgDraftItem *
item_new (QgDraftKind  kind,
          const char  *id,
          char        *title,
          char        *detail,
          const char  *note)
{
  QgDraftItem *self = g_object_new (QG_TYPE_DRAFT_ITEM, NULL);

  self->kind = kind;
  self->id = g_strdup (id);
  /* A row shows a few lines: what a document may hold beyond the map's
   * own limit is the panel's to show whole. */
  self->title = qg_label_fit (title, 0);
  self->detail = detail ? qg_label_fit (detail, 0) : NULL;
  self->note = note ? qg_label_fit (note, 0) : NULL;
  g_free (title);
  g_free (detail);
  return self;
}

static QgDraftItem *
entity_item (QgDocument *document,
             guint       index)
{
  const QgEntity *entity = qg_document_get_entity (document, index);
  g_autofree char *kind = qg_kind_display_name (entity->kind);

  return item_new (QG_DRAFT_ENTITY, entity->id, g_strdup (entity->name),
                   /* Translators: an entity's kind and description, "Person · CEO of Acme" */
                   entity->description ? g_strdup_printf (C_("kind and description", "%s · %s"),
                                                          kind, entity->description)
                                       : g_steal_pointer (&kind),
                   NULL);
}

static QgDraftItem *
quote_item (QgDocument *document,
            guint       index)
{
  const QgQuote *quote = qg_document_get_quote (document, index);
  GString *passage = g_string_new ("“");
  char *speaker;

  qg_document_append_passage (document, index, passage);
  g_string_append (passage, "”");
  /* Translators: who says a quote, under it: "— Ann Lee" */
  speaker = quote->speaker >= 0
            ? g_strdup_printf (_("— %s"), qg_document_get_entity (document, quote->speaker)->name)
            : g_strdup (_("No speaker"));
  return item_new (QG_DRAFT_QUOTE, quote->id, g_string_free (passage, FALSE), speaker,
                   quote->note);
}

static QgDraftItem *
relation_item (QgDocument *document,
               guint       index)
{
  const QgRelation *relation = qg_document_get_relation (document, index);

  return item_new (QG_DRAFT_RELATION, relation->id,
                   qg_document_relation_sentence (document, index),
                   g_strdup (qg_stance_display_name (relation->stance)), NULL);
}

static int
by_place (gconstpointer a,
          gconstpointer b,
          gpointer      user_data)
{
  const QgQuote *x = qg_document_get_quote (user_data, *(const guint *) a);
  const QgQuote *y = qg_document_get_quote (user_data, *(const guint *) b);

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->end < y->end ? -1 : x->end > y->end;
}

GPtrArray *
qg_draft_items_of (QgDocument *document)
{
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) quotes = g_array_new (FALSE, FALSE, sizeof (guint));

  g_return_val_if_fail (QG_IS_DOCUMENT (document), items);

  for (guint i = 0; i < qg_document_get_n_entities (document); i++)
    if (qg_document_get_entity (document, i)->draft)
      g_ptr_array_add (items, entity_item (document, i));
  for (guint i = 0; i < qg_document_get_n_quotes (document); i++)
    if (qg_document_get_quote (document, i)->draft)
      g_array_append_val (quotes, i);
  g_array_sort_with_data (quotes, by_place, document);
  for (guint i = 0; i < quotes->len; i++)
    g_ptr_array_add (items, quote_item (document, g_array_index (quotes, guint, i)));
  for (guint i = 0; i < qg_document_get_n_relations (document); i++)
    if (qg_document_get_relation (document, i)->draft)
      g_ptr_array_add (items, relation_item (document, i));
  return items;
}

static void
qg_draft_item_finalize (GObject *object)
{
  QgDraftItem *self = QG_DRAFT_ITEM (object);

  g_free (self->id);
  g_free (self->title);
  g_free (self->detail);
  g_free (self->note);

  G_OBJECT_CLASS (qg_draft_item_parent_class)->finalize (object);
}

static void
qg_draft_item_class_init (QgDraftItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = qg_draft_item_finalize;
}

static void
qg_draft_item_init (QgDraftItem *self)
{
}
