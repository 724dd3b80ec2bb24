/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-sources"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "qg-sources.h"
#include "qg-thread.h"

struct _QgSources
{
  gatomicrefcount ref_count;
  QgDocument *document;
  GArray     *mentions;        /* QgMention */
  guint      *mention_counts;  /* per entity */
  /* The relations each quote backs, in order: quote q's are
   * backed[backed_from[q]] to backed[backed_from[q + 1]]. */
  guint      *backed_from;     /* per quote, and one more */
  guint      *backed;          /* relation indices */
  GArray     *highlights;      /* QgHighlight */
  /* Every CHECKPOINT bytes, the first character that starts there or
   * after: its byte and how many characters come before it. */
  GArray     *checkpoints;     /* Checkpoint */
};

#define CHECKPOINT 4096

typedef struct
{
  gsize byte;
  glong chars;
} Checkpoint;

static inline gboolean
starts_char (guchar c)
{
  return (c & 0xC0) != 0x80;
}

/* One pass over the article. */
static GArray *
make_checkpoints (const char *text,
                  gsize       length)
{
  GArray *checkpoints = g_array_sized_new (FALSE, FALSE, sizeof (Checkpoint),
                                           length / CHECKPOINT + 2);
  glong chars = 0;
  gsize next = 0;

  for (gsize i = 0; i <= length; i++)
    {
      gboolean starts = i == length || starts_char (text[i]);

      if (starts && i >= next)
        {
          Checkpoint c = { i, chars };

          g_array_append_val (checkpoints, c);
          next = (i / CHECKPOINT + 1) * CHECKPOINT;
        }
      if (i < length && starts)
        chars++;
    }
  return checkpoints;
}

static gboolean
is_word_char (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

static int
compare_mentions (gconstpointer a,
                  gconstpointer b)
{
  const QgMention *ma = a, *mb = b;

  if (ma->start != mb->start)
    return ma->start < mb->start ? -1 : 1;
  /* The longest first, where two start together; then the first entity. */
  if ((mb->end - mb->start) != (ma->end - ma->start))
    return (mb->end - mb->start) > (ma->end - ma->start) ? 1 : -1;
  return ma->entity < mb->entity ? -1 : ma->entity > mb->entity;
}

/* Names are looked up by their first bytes, at most this many; those
 * longer than SHORT_PREFIX only where the text's first SHORT_PREFIX bytes
 * begin one of them. Eight bytes alone put 11,000 of 50,000 generated
 * names ("Entity 1…") behind one key, each compared at every "Entity 1"
 * of the article: 5 to 11 s of the 50,000-entity map's opening. */
#define PREFIX_MAX   24
#define SHORT_PREFIX 8

typedef struct
{
  const char *name;
  gsize       length;
  guint       entity;
} Name;

/* Every place in @text where one of @document's names or aliases is found
 * as whole words ("US" is not found in "USA" or "focus"), overlapping ones
 * too, in one pass over the text: at each place a word can start, the
 * names that begin with the bytes there are looked up by those bytes (as
 * many as the name has, up to PREFIX_MAX; past SHORT_PREFIX only where a
 * name that long begins so), and compared whole. A search of
 * the whole text for each name took minutes at 50,000 entities and a
 * 10 MB article. */
static void
find_names (GArray     *found,
            QgDocument *document,
            const char *text,
            gsize       length)
{
  g_autoptr(GArray) names = g_array_new (FALSE, FALSE, sizeof (Name));
  g_autoptr(GHashTable) by_prefix = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                           (GDestroyNotify) g_array_unref);
  g_autoptr(GHashTable) long_starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean lengths[PREFIX_MAX + 1] = { FALSE };
  const char *end = text + length;
  gboolean after_word = FALSE;

  for (guint e = 0; e < qg_document_get_n_entities (document); e++)
    {
      const QgEntity *entity = qg_document_get_entity (document, e);

      for (gint a = -1; a < 0 || entity->aliases[a]; a++)
        {
          const char *name = a < 0 ? entity->name : entity->aliases[a];
          Name item = { name, strlen (name), e };
          g_autofree char *prefix = NULL;
          gsize key_length;
          GArray *same;
          guint index = names->len;

          if (item.length == 0)
            continue;
          g_array_append_val (names, item);
          key_length = MIN (item.length, PREFIX_MAX);
          prefix = g_strndup (name, key_length);
          lengths[key_length] = TRUE;
          if (key_length > SHORT_PREFIX)
            g_hash_table_add (long_starts, g_strndup (name, SHORT_PREFIX));
          same = g_hash_table_lookup (by_prefix, prefix);
          if (same == NULL)
            {
              same = g_array_new (FALSE, FALSE, sizeof (guint));
              g_hash_table_insert (by_prefix, g_steal_pointer (&prefix), same);
            }
          g_array_append_val (same, index);
        }
    }
  if (names->len == 0)
    return;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      /* A name is found only where a word could start. */
      gboolean starts = !after_word;
      gboolean long_start = FALSE;

      after_word = is_word_char (p);
      if (!starts)
        continue;
      if (p + SHORT_PREFIX < end)
        {
          char start[SHORT_PREFIX + 1];

          memcpy (start, p, SHORT_PREFIX);
          start[SHORT_PREFIX] = '\0';
          long_start = g_hash_table_contains (long_starts, start);
        }
      for (gsize l = 1; l <= PREFIX_MAX && p + l <= end; l++)
        {
          char prefix[PREFIX_MAX + 1];
          GArray *same;

          if (l > SHORT_PREFIX && !long_start)
            break;
          if (!lengths[l])
            continue;
          memcpy (prefix, p, l);
          prefix[l] = '\0';
          same = g_hash_table_lookup (by_prefix, prefix);
          for (guint i = 0; same != NULL && i < same->len; i++)
            {
              const Name *name = &g_array_index (names, Name, g_array_index (same, guint, i));

              if (name->length <= (gsize) (end - p) && memcmp (p, name->name, name->length) == 0
                  && (p + name->length >= end || !is_word_char (p + name->length)))
                {
                  QgMention m = { p - text, p - text + name->length, name->entity };

                  g_array_append_val (found, m);
                }
            }
        }
    }
}

/* Which relations each quote backs, counted first, then laid out in
 * one array, each quote's in the relations' order. */
static void
find_backing (QgSources  *self,
              QgDocument *document)
{
  guint n_quotes = qg_document_get_n_quotes (document);
  guint n_relations = qg_document_get_n_relations (document);
  g_autofree guint *next = g_new (guint, MAX (n_quotes, 1));
  guint total = 0;

  for (guint r = 0; r < n_relations; r++)
    {
      const QgRelation *relation = qg_document_get_relation (document, r);

      for (guint e = 0; e < relation->n_evidence; e++)
        self->backed_from[relation->evidence[e] + 1]++;
    }
  for (guint q = 0; q < n_quotes; q++)
    {
      next[q] = total;
      total += self->backed_from[q + 1];
      self->backed_from[q + 1] = total;
    }
  self->backed = g_new (guint, MAX (total, 1));
  for (guint r = 0; r < n_relations; r++)
    {
      const QgRelation *relation = qg_document_get_relation (document, r);

      for (guint e = 0; e < relation->n_evidence; e++)
        self->backed[next[relation->evidence[e]]++] = r;
    }
}

int
qg_highlight_compare (const QgHighlight *a,
                      const QgHighlight *b)
{
  if (a->kind != b->kind)
    return a->kind < b->kind ? -1 : 1;
  if (a->start != b->start)
    return a->start < b->start ? -1 : 1;
  return a->end < b->end ? -1 : a->end > b->end;
}

static int
compare_highlights (gconstpointer a,
                    gconstpointer b)
{
  return qg_highlight_compare (a, b);
}

static void
add_highlight (GArray *highlights,
               guint   kind,
               gsize   start,
               gsize   end)
{
  QgHighlight highlight = { start, end, kind };

  g_array_append_val (highlights, highlight);
}

/* A kind at a time, each in the order of the quotes, which is nearly
 * always the order of the text already. Needs the backing found. */
static GArray *
find_highlights (QgSources  *self,
                 QgDocument *document)
{
  guint n_quotes = qg_document_get_n_quotes (document);
  GArray *highlights = g_array_sized_new (FALSE, FALSE, sizeof (QgHighlight),
                                          n_quotes * 2 + self->mentions->len);
  g_autofree guint8 *stances = g_new (guint8, MAX (n_quotes, 1));

  /* A quote's colour: its first relation's stance, or none. */
  for (guint q = 0; q < n_quotes; q++)
    stances[q] = self->backed_from[q + 1] > self->backed_from[q]
                 ? qg_document_get_relation (document, self->backed[self->backed_from[q]])->stance
                 : G_MAXUINT8;
  for (guint kind = 0; kind < QG_HIGHLIGHT_MENTION; kind++)
    for (guint q = 0; q < n_quotes; q++)
      {
        const QgQuote *quote = qg_document_get_quote (document, q);

        if (kind == QG_HIGHLIGHT_SPEECH ? quote->speaker >= 0
            : kind == QG_HIGHLIGHT_DRAFT ? quote->draft : stances[q] == kind)
          add_highlight (highlights, kind, quote->start, quote->end);
      }
  for (guint m = 0; m < self->mentions->len; m++)
    add_highlight (highlights, QG_HIGHLIGHT_MENTION,
                   g_array_index (self->mentions, QgMention, m).start,
                   g_array_index (self->mentions, QgMention, m).end);
  for (guint i = 1; i < highlights->len; i++)
    if (qg_highlight_compare (&g_array_index (highlights, QgHighlight, i - 1),
                              &g_array_index (highlights, QgHighlight, i)) > 0)
      {
        g_array_sort (highlights, compare_highlights);
        break;
      }
  return highlights;
}

QgSources *
qg_sources_new (QgDocument *document)
{
  QgSources *self = g_new0 (QgSources, 1);
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (QgMention));
  guint n_entities = qg_document_get_n_entities (document);
  guint n_quotes = qg_document_get_n_quotes (document);
  gsize length;
  const char *text = qg_document_get_text (document, &length);
  gsize last_end = 0;

  g_atomic_ref_count_init (&self->ref_count);
  self->document = g_object_ref (document);
  self->mentions = g_array_new (FALSE, FALSE, sizeof (QgMention));
  self->mention_counts = g_new0 (guint, MAX (n_entities, 1));
  self->backed_from = g_new0 (guint, n_quotes + 1);

  find_names (found, document, text, length);
  g_array_sort (found, compare_mentions);
  for (guint i = 0; i < found->len; i++)
    {
      const QgMention *m = &g_array_index (found, QgMention, i);

      if (i > 0 && m->start < last_end)
        continue;
      g_array_append_val (self->mentions, *m);
      self->mention_counts[m->entity]++;
      last_end = m->end;
    }

  self->checkpoints = make_checkpoints (text, length);

  find_backing (self, document);
  self->highlights = find_highlights (self, document);
  return self;
}

G_DEFINE_BOXED_TYPE (QgSources, qg_sources, qg_sources_ref, qg_sources_unref)

QgSources *
qg_sources_ref (QgSources *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
qg_sources_unref (QgSources *self)
{
  g_return_if_fail (self != NULL);
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  g_free (self->backed_from);
  g_free (self->backed);
  g_array_unref (self->highlights);
  g_array_unref (self->checkpoints);
  g_free (self->mention_counts);
  g_array_unref (self->mentions);
  g_object_unref (self->document);
  g_free (self);
}

const QgHighlight *
qg_sources_get_highlights (QgSources *self,
                           guint     *n_highlights)
{
  *n_highlights = self->highlights->len;
  return (const QgHighlight *) (gpointer) self->highlights->data;
}

const QgMention *
qg_sources_get_mentions (QgSources *self,
                         guint     *n_mentions)
{
  *n_mentions = self->mentions->len;
  return (const QgMention *) (gpointer) self->mentions->data;
}

guint
qg_sources_count_mentions (QgSources *self,
                           guint      entity)
{
  g_return_val_if_fail (entity < qg_document_get_n_entities (self->document), 0);
  return self->mention_counts[entity];
}

const guint *
qg_sources_relations_of_quote (QgSources *self,
                               guint      quote,
                               guint     *n_relations)
{
  g_return_val_if_fail (quote < qg_document_get_n_quotes (self->document), NULL);
  *n_relations = self->backed_from[quote + 1] - self->backed_from[quote];
  return self->backed + self->backed_from[quote];
}

glong
qg_sources_char_offset (QgSources *self,
                        gsize      offset)
{
  gsize length;
  const char *text = qg_document_get_text (self->document, &length);
  const Checkpoint *c;
  glong chars;

  g_return_val_if_fail (offset <= length, -1);

  /* The checkpoint of @offset's block: at or before it, since a
   * character starts at @offset. */
  c = &g_array_index (self->checkpoints, Checkpoint, offset / CHECKPOINT);
  g_return_val_if_fail (c->byte <= offset, c->chars);
  chars = c->chars;
  for (gsize i = c->byte; i < offset; i++)
    chars += starts_char (text[i]);
  return chars;
}

gsize
qg_sources_byte_offset (QgSources *self,
                        glong      chars)
{
  gsize length;
  const char *text = qg_document_get_text (self->document, &length);
  const Checkpoint *all = (const Checkpoint *) (gpointer) self->checkpoints->data;
  guint lo = 0, hi = self->checkpoints->len;
  gsize byte;
  glong at;

  g_return_val_if_fail (chars >= 0, 0);

  /* The last checkpoint at or before @chars. */
  while (hi - lo > 1)
    {
      guint mid = lo + (hi - lo) / 2;

      if (all[mid].chars <= chars)
        lo = mid;
      else
        hi = mid;
    }
  byte = all[lo].byte;
  at = all[lo].chars;
  while (byte < length && at < chars)
    {
      byte++;
      if (byte < length && starts_char (text[byte]))
        at++;
    }
  return byte;
}

GArray *
qg_sources_quotes_at (QgSources *self,
                      gsize      offset)
{
  GArray *quotes = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint q = 0; q < qg_document_get_n_quotes (self->document); q++)
    {
      const QgQuote *quote = qg_document_get_quote (self->document, q);

      if (offset >= quote->start && offset < quote->end)
        g_array_append_val (quotes, q);
    }
  return quotes;
}

static void
sources_in_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  qg_thread_give_way ();
  g_task_return_pointer (task, qg_sources_new (task_data), (GDestroyNotify) qg_sources_unref);
}

/* Finding every mention scans the article once a name: for a large
 * document, that is work for a thread. */
void
qg_sources_new_async (QgDocument          *document,
                      GCancellable        *cancellable,
                      GAsyncReadyCallback  callback,
                      gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, qg_sources_new_async);
  g_task_set_task_data (task, g_object_ref (document), g_object_unref);
  g_task_run_in_thread (task, sources_in_thread);
}

QgSources *
qg_sources_new_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
