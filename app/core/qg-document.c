/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-document"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-article-index.h"
#include "qg-document-private.h"
#include "qg-json-tree.h"

/* The model: an immutable document, read by qg-document-loader.c. */

G_DEFINE_FINAL_TYPE (QgDocument, qg_document, G_TYPE_OBJECT)

/* What the readers of a valid document look up by entity and by id. */
void
qg_document_build_indexes (QgDocument *doc)
{
  guint n = doc->n_entities;
  g_autofree guint *fill = g_new0 (guint, n + 1);

  doc->speaker_starts = g_new0 (guint, n + 1);
  doc->speaker_quotes = g_new (guint, MAX (doc->n_quotes, 1));
  doc->entity_starts = g_new0 (guint, n + 1);
  doc->entity_relations = g_new (guint, MAX (2 * doc->n_relations, 1));

  for (guint r = 0; r < doc->n_relations; r++)
    {
      const QgRelation *rel = &doc->relations[r];

      g_hash_table_insert (doc->relation_index, (gpointer) rel->id, GUINT_TO_POINTER (r + 1));
      doc->entity_starts[rel->source + 1]++;
      if (rel->target != rel->source)
        doc->entity_starts[rel->target + 1]++;
    }
  for (guint q = 0; q < doc->n_quotes; q++)
    if (doc->quotes[q].speaker >= 0)
      doc->speaker_starts[doc->quotes[q].speaker + 1]++;
  for (guint e = 0; e < n; e++)
    {
      doc->speaker_starts[e + 1] += doc->speaker_starts[e];
      doc->entity_starts[e + 1] += doc->entity_starts[e];
    }
  for (guint q = 0; q < doc->n_quotes; q++)
    {
      gint speaker = doc->quotes[q].speaker;

      if (speaker >= 0)
        doc->speaker_quotes[doc->speaker_starts[speaker] + fill[speaker]++] = q;
    }
  memset (fill, 0, sizeof (guint) * (n + 1));
  for (guint r = 0; r < doc->n_relations; r++)
    {
      gint source = doc->relations[r].source;
      gint target = doc->relations[r].target;

      doc->entity_relations[doc->entity_starts[source] + fill[source]++] = r;
      if (target != source)
        doc->entity_relations[doc->entity_starts[target] + fill[target]++] = r;
    }
}

/* ------------------------------------------------------------------------ */

static void
qg_document_finalize (GObject *object)
{
  QgDocument *self = QG_DOCUMENT (object);

  /* Strings belong to the JSON tree; only the arrays are ours. */
  for (guint i = 0; i < self->n_entities; i++)
    g_free (self->entities[i].aliases);
  g_free (self->entities);
  g_free (self->quotes);
  for (guint i = 0; i < self->n_relations; i++)
    g_free (self->relations[i].evidence);
  g_free (self->relations);
  g_clear_pointer (&self->entity_index, g_hash_table_unref);
  g_clear_pointer (&self->quote_index, g_hash_table_unref);
  g_clear_pointer (&self->relation_index, g_hash_table_unref);
  g_free (self->speaker_starts);
  g_free (self->speaker_quotes);
  g_free (self->entity_starts);
  g_free (self->entity_relations);
  /* Its strings, which the document lent, go with it. */
  g_clear_pointer (&self->root, qg_json_tree_unref_soon);
  g_clear_object (&self->file);
  g_clear_object (&self->text_file);
  g_clear_pointer (&self->text_bytes, g_bytes_unref);

  G_OBJECT_CLASS (qg_document_parent_class)->finalize (object);
}

static void
qg_document_class_init (QgDocumentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = qg_document_finalize;
}

static void
qg_document_init (QgDocument *self)
{
  self->entity_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->quote_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->relation_index = g_hash_table_new (g_str_hash, g_str_equal);
}

GFile *
qg_document_get_file (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  return self->file;
}

GFile *
qg_document_get_text_file (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  return self->text_file;
}

const char *
qg_document_get_title (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  return self->title;
}

const char *
qg_document_get_source (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  return self->source;
}

const char *
qg_document_get_published (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  return self->published;
}

gboolean
qg_document_same_content (QgDocument *a,
                          QgDocument *b)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (a), FALSE);
  g_return_val_if_fail (QG_IS_DOCUMENT (b), FALSE);

  return a == b || json_node_equal (a->root, b->root);
}

const char *
qg_document_get_text (QgDocument *self,
                      gsize      *length)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  if (length != NULL)
    *length = self->text_len;
  return self->text;
}

guint
qg_document_get_n_entities (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), 0);
  return self->n_entities;
}

const QgEntity *
qg_document_get_entity (QgDocument *self,
                        guint       index)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->n_entities, NULL);
  return &self->entities[index];
}

gint
qg_document_find_entity (QgDocument *self,
                         const char *id)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), -1);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->entity_index, id)) - 1;
}

char *
qg_document_name_key (const char *name)
{
  g_autofree char *normal = NULL;

  /* Most names are ASCII, where both steps come to lowering the case. */
  if (g_str_is_ascii (name))
    return g_ascii_strdown (name, -1);
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_DEFAULT);
  return g_utf8_casefold (normal != NULL ? normal : name, -1);
}

/* Per name key, the entities that go by it: by their names first, then by
 * their other names, each in the document's order. */
struct _QgNameIndex
{
  GHashTable *named;   /* key -> GArray of NameHolder */
};

typedef struct
{
  guint       entity;
  const char *as_written;
} NameHolder;

static void
hold_name (GHashTable *named,
           guint       entity,
           const char *name)
{
  char *key = qg_document_name_key (name);
  GArray *holders = g_hash_table_lookup (named, key);
  NameHolder holder = { entity, name };

  if (holders == NULL)
    {
      holders = g_array_new (FALSE, FALSE, sizeof (NameHolder));
      g_hash_table_insert (named, key, holders);
    }
  else
    g_free (key);
  g_array_append_val (holders, holder);
}

QgNameIndex *
qg_name_index_new (QgDocument *document)
{
  QgNameIndex *self;

  g_return_val_if_fail (QG_IS_DOCUMENT (document), NULL);

  self = g_new0 (QgNameIndex, 1);
  self->named = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                       (GDestroyNotify) g_array_unref);
  for (guint e = 0; e < document->n_entities; e++)
    hold_name (self->named, e, document->entities[e].name);
  for (guint e = 0; e < document->n_entities; e++)
    for (guint i = 0; document->entities[e].aliases[i] != NULL; i++)
      hold_name (self->named, e, document->entities[e].aliases[i]);
  return self;
}

gint
qg_name_index_find (QgNameIndex *self,
                    const char  *name,
                    gint         except,
                    const char **as_written)
{
  g_autofree char *key = NULL;
  GArray *holders;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (name != NULL, -1);

  key = qg_document_name_key (name);
  holders = g_hash_table_lookup (self->named, key);
  for (guint i = 0; holders != NULL && i < holders->len; i++)
    {
      const NameHolder *holder = &g_array_index (holders, NameHolder, i);

      if ((gint) holder->entity == except)
        continue;
      if (as_written != NULL)
        *as_written = holder->as_written;
      return (gint) holder->entity;
    }
  return -1;
}

void
qg_name_index_free (QgNameIndex *self)
{
  if (self == NULL)
    return;
  g_hash_table_unref (self->named);
  g_free (self);
}

guint
qg_document_get_n_quotes (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), 0);
  return self->n_quotes;
}

const QgQuote *
qg_document_get_quote (QgDocument *self,
                       guint       index)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->n_quotes, NULL);
  return &self->quotes[index];
}

gint
qg_document_find_quote (QgDocument *self,
                        const char *id)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), -1);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->quote_index, id)) - 1;
}

guint
qg_document_get_n_relations (QgDocument *self)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), 0);
  return self->n_relations;
}

const QgRelation *
qg_document_get_relation (QgDocument *self,
                          guint       index)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (index < self->n_relations, NULL);
  return &self->relations[index];
}

gint
qg_document_find_relation (QgDocument *self,
                           const char *id)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), -1);
  return (gint) GPOINTER_TO_UINT (g_hash_table_lookup (self->relation_index, id)) - 1;
}

const guint *
qg_document_get_speaker_quotes (QgDocument *self,
                                guint       entity,
                                guint      *n_quotes)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (entity < self->n_entities, NULL);

  *n_quotes = self->speaker_starts[entity + 1] - self->speaker_starts[entity];
  return self->speaker_quotes + self->speaker_starts[entity];
}

const guint *
qg_document_get_entity_relations (QgDocument *self,
                                  guint       entity,
                                  guint      *n_relations)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self), NULL);
  g_return_val_if_fail (entity < self->n_entities, NULL);

  *n_relations = self->entity_starts[entity + 1] - self->entity_starts[entity];
  return self->entity_relations + self->entity_starts[entity];
}

const char *
qg_stance_to_string (QgStance stance)
{
  switch (stance)
    {
    case QG_STANCE_SUPPORT:
      return "support";
    case QG_STANCE_OPPOSE:
      return "oppose";
    case QG_STANCE_NEUTRAL:
    default:
      return "neutral";
    }
}

gboolean
qg_document_same_text (QgDocument *self,
                       QgDocument *other)
{
  g_return_val_if_fail (QG_IS_DOCUMENT (self) && QG_IS_DOCUMENT (other), FALSE);

  return self->text_len == other->text_len && memcmp (self->text, other->text, self->text_len) == 0;
}

guint
qg_document_count_drafts (QgDocument *self)
{
  guint n = 0;

  g_return_val_if_fail (QG_IS_DOCUMENT (self), 0);

  for (guint i = 0; i < self->n_entities; i++)
    n += self->entities[i].draft;
  for (guint i = 0; i < self->n_quotes; i++)
    n += self->quotes[i].draft;
  for (guint i = 0; i < self->n_relations; i++)
    n += self->relations[i].draft;
  return n;
}

char *
qg_document_relation_sentence (QgDocument *document,
                               guint       relation)
{
  const QgRelation *r = qg_document_get_relation (document, relation);

  return g_strdup_printf ("%s %s %s", qg_document_get_entity (document, r->source)->name,
                          r->label, qg_document_get_entity (document, r->target)->name);
}

void
qg_document_append_passage (QgDocument *self,
                            guint       quote,
                            GString    *out)
{
  const QgQuote *q = qg_document_get_quote (self, quote);

  for (gsize i = q->start; i < q->end; i++)
    {
      if (!qg_article_is_space (self->text[i]))
        g_string_append_c (out, self->text[i]);
      else if (i == q->start || !qg_article_is_space (self->text[i - 1]))
        g_string_append_c (out, ' ');
    }
}

char *
qg_document_quote_citation (QgDocument *document,
                            guint       quote)
{
  const QgQuote *q = qg_document_get_quote (document, quote);
  GString *out = g_string_new ("“");
  const char *source = qg_document_get_source (document);
  const char *published = qg_document_get_published (document);

  qg_document_append_passage (document, quote, out);
  g_string_append (out, "”");
  if (q->speaker >= 0)
    g_string_append_printf (out, " — %s", qg_document_get_entity (document, q->speaker)->name);
  /* Translators: the citation after a quote: "in “Article title”" */
  g_string_append_printf (out, _(", in “%s”"), qg_document_get_title (document));
  if (source != NULL)
    g_string_append_printf (out, ", %s", source);
  if (published != NULL)
    g_string_append_printf (out, ", %s", published);
  return g_string_free (out, FALSE);
}
