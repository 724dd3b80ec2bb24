/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drafter"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-article-index.h"
#include "qg-document-private.h"
#include "qg-drafter.h"
#include "qg-drafter-lexicon.h"
#include "qg-drafter-private.h"
#include "qg-json-tree.h"

/* The drafter: quotes and their speakers, from the attribution patterns
 * of English news writing; entities from qg-drafter-names.c; relations
 * from each quote to what its sentence names, and from appositives. What
 * it finds becomes a document like any other, read by the loader, every
 * item marked as a draft. docs/format-notes.md, "The drafter", lists the
 * rules. */

/* A quote this short, without a verb of speech, is a scare quote or a
 * title: "so-called "experts"". */
#define SHORT_QUOTE_WORDS 4
/* How far before a short quote its verb may be: "said in a statement
 * that it was". */
#define SHORT_QUOTE_REACH 8
/* How far a role noun ("the company") looks back for what it names. */
#define CONTEXT_PARAGRAPHS 3
/* The words of a sentence that attribution looks at before a quote. */
#define LONG_SENTENCE 80
/* The relations one quote gives, at most. */
#define MAX_NAMED 12

typedef struct
{
  QgDraftText  t;
  GPtrArray   *extra_quotes;    /* of Evidence: appositives' passages */
  GPtrArray   *relations;       /* of Relation */
  GHashTable  *relation_index;  /* "source\ntarget\nlabel" → Relation */
  char         pronoun_gender;  /* of the "he" or "she" being resolved */
} Draft;

typedef struct
{
  gsize start;
  gsize end;
} Evidence;

typedef struct
{
  gint      source;
  gint      target;
  char     *label;
  GArray   *quotes;      /* of gint: a quote (>= 0) or ~an extra quote (< 0) */
} Relation;

/* ------------------------------------------------------------------------ */
/* Words                                                                     */

static const char *
token_text (Draft *d,
            guint  i,
            gsize *length)
{
  QgToken *token = qg_draft_token (&d->t, i);

  *length = token->end - token->start;
  return d->t.text + token->start;
}

static gboolean
is_speech_verb (Draft *d,
                guint  i)
{
  gsize n;
  const char *w;

  if (i >= d->t.tokens->len || qg_draft_token (&d->t, i)->quote >= 0)
    return FALSE;
  w = token_text (d, i, &n);
  return qg_lexicon_is_speech_verb (w, n);
}

static gboolean
is_any (Draft              *d,
        guint               i,
        const char * const *words)
{
  for (guint k = 0; words[k] != NULL; k++)
    if (qg_draft_token_is (&d->t, i, words[k]))
      return TRUE;
  return FALSE;
}

static gboolean
is_preposition (Draft *d,
                guint  i)
{
  static const char * const words[] = {
    "of", "from", "in", "at", "for", "with", "by", "to", "on", "about", "against", "than",
    "over", "into", "like", "and", "or", NULL,
  };

  return is_any (d, i, words);
}

static gboolean
is_determiner (Draft *d,
               guint  i)
{
  static const char * const words[] = {
    "a", "an", "the", "its", "his", "her", "their", "our", "one", NULL,
  };

  return is_any (d, i, words);
}

/* Whether the noun phrase at token @i follows a preposition: "at the
 * Wrenfield Institute". */
static gboolean
after_preposition (Draft *d,
                   guint  i)
{
  if (i > 0 && qg_draft_token_is (&d->t, i - 1, "the"))
    i--;
  return i > 0 && is_preposition (d, i - 1);
}

/* Words between a subject and its verb: "Duke later said". */
static gboolean
is_adverb (Draft *d,
           guint  i)
{
  static const char * const words[] = {
    "also", "later", "then", "again", "has", "had", "have", "was", "would", "will", "had",
    "previously", "earlier", "once", "further", "simply", "only", "recently", "repeatedly",
    "publicly", "separately", "still", "quickly", "has", "is", NULL,
  };

  return is_any (d, i, words);
}

static gboolean
same_sentence (Draft *d,
               guint  i,
               guint  sentence)
{
  return i < d->t.tokens->len && qg_draft_token (&d->t, i)->sentence == sentence;
}

static QgDraftEntity *
entity (Draft *d,
        gint   e)
{
  return qg_draft_entity (&d->t, e);
}

static const char *
kind_of (Draft *d,
         gint   e)
{
  return entity (d, e)->kind;
}

static gboolean
is_media (Draft *d,
          gint   e)
{
  return strcmp (kind_of (d, e), "media") == 0;
}

static gboolean
is_role_word (Draft *d,
              guint  i)
{
  gsize n;
  const char *w = token_text (d, i, &n);

  QgToken *token = qg_draft_token (&d->t, i);

  /* "founder", "CEO"; not "Director" in a name. */
  return (qg_lexicon_flags (w, n) & QG_WORD_ROLE) != 0 && (!token->cap || token->allcaps);
}

/* ------------------------------------------------------------------------ */
/* What a pronoun or a role names                                            */

/* How many mentions begin before token @at: the mentions are in the
 * order of the text. */
static guint
mentions_before (Draft *d,
                 guint  at)
{
  guint lo = 0, hi = d->t.mentions->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (d->t.mentions, QgMention, mid).first < at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* Looking back for what a pronoun or a role names goes no further than
 * this many names: an article of one endless paragraph stays linear. */
#define LOOKBACK_MENTIONS 400

static guint
lookback_stop (guint k)
{
  return k > LOOKBACK_MENTIONS ? k - LOOKBACK_MENTIONS : 0;
}

/* The last mention before token @before, outside quotes, of an entity
 * @test accepts. */
static QgMention *
last_mention (Draft    *d,
              guint     before,
              gboolean (*test) (Draft *d, gint e),
              guint     min_paragraph)
{
  for (guint k = mentions_before (d, before), stop = lookback_stop (k); k > stop; k--)
    {
      QgMention *m = &g_array_index (d->t.mentions, QgMention, k - 1);
      QgToken *token = qg_draft_token (&d->t, m->first);

      if (token->paragraph < min_paragraph)
        break;
      if (token->quote < 0 && test (d, m->entity))
        return m;
    }
  return NULL;
}

static gboolean
is_person (Draft *d,
           gint   e)
{
  return entity (d, e)->person;
}

/* A person "he" or "she" may be: not one the article says is the other. */
static gboolean
is_person_for_pronoun (Draft *d,
                       gint   e)
{
  char gender = entity (d, e)->gender;

  return entity (d, e)->person
         && (gender == 0 || d->pronoun_gender == 0 || gender == d->pronoun_gender);
}

static gboolean
is_organisation (Draft *d,
                 gint   e)
{
  return qg_draft_kind_is_organisation (kind_of (d, e));
}

static gboolean
is_speaking_organisation (Draft *d,
                          gint   e)
{
  return is_organisation (d, e) && !is_media (d, e);
}

static guint
first_paragraph (Draft *d,
                 guint  token)
{
  guint p = qg_draft_token (&d->t, token)->paragraph;

  return p >= CONTEXT_PARAGRAPHS ? p - CONTEXT_PARAGRAPHS : 0;
}

/* An organisation that a sentence is about: named within its first words,
 * not after a preposition ("The US-owned Best Buy chain said..."). */
static gboolean
is_subject (Draft     *d,
            QgMention *m)
{
  QgToken *token = qg_draft_token (&d->t, m->first);
  guint words = 0;

  for (guint k = m->first; k > 0 && words <= 3 && same_sentence (d, k - 1, token->sentence); k--)
    words++;
  return words <= 3 && !after_preposition (d, m->title_first);
}

/* Who "a spokesperson" speaks for: the organisation the sentences before
 * are about, else the last one named. */
/* The last mention before token @at that is the subject of its sentence,
 * in that sentence or the two before, of an entity @test accepts: "he"
 * is the manager the sentence is about, not the referee it names. */
static QgMention *
last_subject (Draft    *d,
              guint     at,
              gboolean (*test) (Draft *d, gint e))
{
  guint sentence = qg_draft_token (&d->t, at)->sentence;

  for (guint k = mentions_before (d, at), stop = lookback_stop (k); k > stop; k--)
    {
      QgMention *m = &g_array_index (d->t.mentions, QgMention, k - 1);
      QgToken *token = qg_draft_token (&d->t, m->first);

      if (token->sentence + 2 < sentence)
        break;
      if (token->quote < 0 && test (d, m->entity) && is_subject (d, m))
        return m;
    }
  return NULL;
}

static gint
spokesperson_organisation (Draft *d,
                           guint  at)
{
  guint min = first_paragraph (d, at);
  QgMention *last = NULL;

  for (guint k = mentions_before (d, at), stop = lookback_stop (k); k > stop; k--)
    {
      QgMention *m = &g_array_index (d->t.mentions, QgMention, k - 1);
      QgToken *token = qg_draft_token (&d->t, m->first);

      if (token->quote >= 0)
        continue;
      if (token->paragraph < min)
        break;
      if (!is_speaking_organisation (d, m->entity))
        continue;
      if (last == NULL)
        last = m;
      if (is_subject (d, m))
        return m->entity;
    }
  return last != NULL ? last->entity : -1;
}

/* What "the company", "the authority" or "the coach" names: an entity
 * of the recent paragraphs whose name has the word ("the authority": the
 * Northfield Housing Authority), or whose role it is ("the coach"), or of
 * its kind; the one the article names most, and of those the last. */
static gint
role_referent (Draft *d,
               guint  at,
               guint  noun)
{
  gsize n;
  const char *word = token_text (d, noun, &n);
  g_autofree char *lower = g_ascii_strdown (word, n);
  const char *kind = qg_lexicon_noun_kind (word, n);
  gboolean role = (qg_lexicon_flags (word, n) & QG_WORD_ROLE) != 0;
  guint min = first_paragraph (d, at);
  gint best = -1;
  guint best_score = 0;

  for (guint k = mentions_before (d, at), stop = lookback_stop (k); k > stop; k--)
    {
      QgMention *m = &g_array_index (d->t.mentions, QgMention, k - 1);
      QgDraftEntity *e = entity (d, m->entity);
      const char *name = e->lower_name;
      guint score = 0;

      if (qg_draft_token (&d->t, m->first)->paragraph < min)
        break;
      if (strstr (name, lower) != NULL && !e->person)
        score = 3;
      else if (role && e->person)
        {
          score = 1;
          for (guint r = 0; r < e->roles->len; r++)
            if (strstr (g_ptr_array_index (e->roles, r), lower) != NULL)
              score = 3;
        }
      else if (kind != NULL && strcmp (kind, "company") == 0
               && (strcmp (e->kind, "company") == 0 || strcmp (e->kind, "retailer") == 0))
        score = 2;
      else if (kind != NULL && strcmp (kind, e->kind) == 0)
        score = 2;
      if (score == 0)
        continue;
      /* Then by how often the article names it. */
      score = score * 100000 + MIN (e->n_mentions, 99999);
      if (score > best_score)
        {
          best = m->entity;
          best_score = score;
        }
    }
  return best;
}

static void
set_note (char       **note,
          const char  *format,
          const char  *words,
          const char  *name)
{
  if (note == NULL)
    return;
  g_free (*note);
  *note = g_strdup_printf (format, words, name);
}

/* The entity a noun phrase at token @i names, or -1; *@end (if given) is
 * the token after it, past an appositive ("Rob Joyce, Trump's top cyber
 * adviser,"). Pronouns and roles are resolved in context, with a note
 * saying so. */
static gint
noun_phrase (Draft  *d,
             guint   i,
             guint  *end,
             char  **note)
{
  QgDraftText *t = &d->t;
  QgMention *m;
  guint sentence;
  gsize n;
  const char *w;

  if (i >= t->tokens->len || qg_draft_token (t, i)->quote >= 0)
    return -1;
  sentence = qg_draft_token (t, i)->sentence;
  if ((m = qg_draft_mention_over (t, i)) != NULL)
    {
      guint after = m->end;

      /* "a Kaspersky spokesperson", "the Acme board" */
      if (same_sentence (d, after, sentence) && qg_draft_gap_is_space (t, after)
          && !qg_draft_token (t, after)->cap && !is_speech_verb (d, after))
        {
          gsize an;
          const char *aw = token_text (d, after, &an);

          if (qg_lexicon_is_spokesperson (aw, an) || (qg_lexicon_flags (aw, an) & QG_WORD_ROLE)
              || qg_lexicon_noun_kind (aw, an) != NULL)
            after++;
        }
      /* Past an appositive, to the verb. */
      if (same_sentence (d, after, sentence) && qg_draft_gap_has (t, after, ','))
        {
          guint k = after;

          while (k < after + 12 && same_sentence (d, k, sentence) && !is_speech_verb (d, k)
                 && !(k > after && qg_draft_gap_has (t, k, ',')))
            k++;
          if (same_sentence (d, k, sentence) && qg_draft_gap_has (t, k, ','))
            after = k;
        }
      if (end != NULL)
        *end = after;
      return m->entity;
    }

  /* "according to the Coastal Protection Agency" */
  if (qg_draft_token_is (t, i, "the") && (m = qg_draft_mention_at (t, i + 1)) != NULL)
    return noun_phrase (d, i + 1, end, note);
  w = token_text (d, i, &n);
  if (qg_draft_token_is (t, i, "he") || qg_draft_token_is (t, i, "she"))
    {
      QgMention *p;
      g_autofree char *pronoun = g_strndup (w, n);

      d->pronoun_gender = qg_draft_token_is (t, i, "she") ? 'f' : 'm';
      p = last_subject (d, i, is_person_for_pronoun);
      if (p == NULL)
        p = last_mention (d, i, is_person_for_pronoun, 0);
      d->pronoun_gender = 0;

      if (end != NULL)
        *end = i + 1;
      if (p == NULL)
        return -1;
      /* Translators: the first %s is the pronoun as the article writes
       * it ("he"), the second a name. */
      set_note (note, _("Speaker inferred from “%s”: the last person named before, %s."),
                pronoun, entity (d, p->entity)->name);
      return p->entity;
    }
  if (qg_draft_token_is (t, i, "it") || qg_draft_token_is (t, i, "they")
      || qg_draft_token_is (t, i, "we"))
    {
      QgMention *p = last_mention (d, i, is_speaking_organisation, first_paragraph (d, i));
      g_autofree char *pronoun = g_strndup (w, n);

      if (end != NULL)
        *end = i + 1;
      if (p == NULL)
        return -1;
      set_note (note, _("Speaker inferred from “%s”: the organisation named before, %s."),
                pronoun, entity (d, p->entity)->name);
      return p->entity;
    }
  /* "said chief executive Martin Ashdown" */
  if (is_role_word (d, i))
    for (guint k = i + 1;
         k < i + 4 && same_sentence (d, k, sentence) && qg_draft_gap_is_space (t, k);
         k++)
      {
        if ((m = qg_draft_mention_at (t, k)) != NULL)
          return noun_phrase (d, k, end, note);
        if (!is_role_word (d, k))
          break;
      }
  if (is_determiner (d, i))
    {
      /* "the union's general secretary, Kate Osei," */
      for (guint k = i + 1; k < i + 6 && same_sentence (d, k, sentence); k++)
        {
          if (qg_draft_token (t, k)->cap)
            break;
          if (qg_draft_gap_has (t, k + 1, ',') && (m = qg_draft_mention_at (t, k + 1)) != NULL
              && entity (d, m->entity)->person && is_role_word (d, k))
            return noun_phrase (d, k + 1, end, note);
          if (!qg_draft_gap_is_space (t, k + 1))
            break;
        }
      /* "a spokesperson", "its director, Helen Okafor,", "the company" */
      for (guint k = i + 1; k < i + 5 && same_sentence (d, k, sentence); k++)
        {
          gsize kn;
          const char *kw = token_text (d, k, &kn);
          g_autofree char *phrase = NULL;
          gint who = -1;

          if (qg_draft_token (t, k)->cap || (k > i + 1 && !qg_draft_gap_is_space (t, k)))
            break;
          phrase = g_strndup (t->text + qg_draft_token (t, i)->start,
                              qg_draft_token (t, k)->end - qg_draft_token (t, i)->start);
          if (end != NULL)
            *end = k + 1;
          if (qg_lexicon_is_spokesperson (kw, kn))
            {
              /* "a spokeswoman for the council" */
              if (is_preposition (d, k + 1) && (m = qg_draft_mention_over (t, k + 2)) != NULL)
                {
                  if (end != NULL)
                    *end = m->end;
                  return m->entity;
                }
              if ((m = qg_draft_mention_over (t, k + 3)) != NULL && is_preposition (d, k + 1)
                  && qg_draft_token_is (t, k + 2, "the"))
                {
                  if (end != NULL)
                    *end = m->end;
                  return m->entity;
                }
              who = spokesperson_organisation (d, i);
              if (who >= 0)
                set_note (note, _("Speaker inferred from “%s”: the organisation the article "
                                  "is about at that point, %s."),
                          phrase, entity (d, who)->name);
              return who;
            }
          /* "its director, Helen Okafor, said" */
          if (qg_draft_gap_has (t, k + 1, ',') && (m = qg_draft_mention_at (t, k + 1)) != NULL
              && entity (d, m->entity)->person)
            {
              if (end != NULL)
                *end = m->end;
              return m->entity;
            }
          if (qg_lexicon_noun_kind (kw, kn) != NULL || (qg_lexicon_flags (kw, kn) & QG_WORD_ROLE))
            {
              who = role_referent (d, i, k);
              if (who >= 0)
                {
                  set_note (note, _("Speaker inferred from “%s”: %s, named in the paragraphs "
                                    "before."),
                            phrase, entity (d, who)->name);
                }
              return who;
            }
        }
    }
  return -1;
}

/* Whether "the <noun>" is a name of entity @e: the noun is in its name
 * ("the authority", the Northfield Housing Authority), or it is a company
 * and the noun says so ("the company", "the firm"). "the team" or "the
 * region" name too many things to be an alias of one. */
static gboolean
names_itself (Draft *d,
              gint   e,
              guint  noun)
{
  gsize n;
  const char *word = token_text (d, noun, &n);
  g_autofree char *lower = g_ascii_strdown (word, n);
  const char *name = entity (d, e)->lower_name;
  const char *kind = qg_lexicon_noun_kind (word, n);

  /* "the city's finances" is the city's, not its council's. */
  if (kind != NULL && (strcmp (kind, "place") == 0 || strcmp (kind, "country") == 0))
    return FALSE;
  if (strstr (name, lower) != NULL)
    return TRUE;
  return kind != NULL && strcmp (kind, "company") == 0
         && (strcmp (entity (d, e)->kind, "company") == 0
             || strcmp (entity (d, e)->kind, "retailer") == 0);
}

/* "the company", "the authority": how the article names an organisation
 * again, an alias of the one it names the first time. */
static void
find_role_aliases (Draft *d)
{
  QgDraftText *t = &d->t;
  g_autoptr(GHashTable) given = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i + 1 < t->tokens->len; i++)
    {
      QgToken *noun = qg_draft_token (t, i + 1);
      g_autofree char *phrase = NULL;
      gsize n;
      const char *w;
      gint who;

      if (!qg_draft_token_is (t, i, "the") || noun->cap || !qg_draft_gap_is_space (t, i + 1))
        continue;
      w = token_text (d, i + 1, &n);
      if (qg_lexicon_noun_kind (w, n) == NULL)
        continue;
      /* "the company Acme": a name follows. */
      if (!noun->possessive && i + 2 < t->tokens->len && qg_draft_token (t, i + 2)->cap
          && qg_draft_gap_is_space (t, i + 2))
        continue;
      phrase = g_strdup_printf ("the %.*s", (int) n, w);
      if (g_hash_table_contains (given, phrase))
        continue;
      who = role_referent (d, i, i + 1);
      if (who < 0 || entity (d, who)->person || !names_itself (d, who, i + 1))
        continue;
      qg_draft_entity_add_alias (entity (d, who), phrase);
      g_hash_table_add (given, g_steal_pointer (&phrase));
    }
}

static char
title_gender (Draft     *d,
              QgMention *m)
{
  static const char * const men[] = { "Mr", "Mr.", "Sir", "Lord", "Father", "King", "Prince",
                                       "Brother", NULL };
  static const char * const women[] = { "Mrs", "Mrs.", "Ms", "Ms.", "Miss", "Dame", "Lady",
                                         "Sister", "Queen", "Princess", "Madam", NULL };

  for (guint k = m->title_first; k < m->first; k++)
    {
      if (is_any (d, k, men))
        return 'm';
      if (is_any (d, k, women))
        return 'f';
    }
  return 0;
}

/* The person a sentence is about: its subject, or who speaks in it
 * ("…," said DCI Marsh). */
static gint
person_of_sentence (Draft *d,
                    guint  first,
                    guint  end)
{
  for (guint k = first; k < end; k++)
    {
      QgMention *m = qg_draft_mention_at (&d->t, k);

      if (m == NULL || !is_person (d, m->entity) || qg_draft_token (&d->t, k)->quote >= 0)
        continue;
      if (is_subject (d, m) || (m->title_first > 0 && is_speech_verb (d, m->title_first - 1)))
        return m->entity;
    }
  return -1;
}

/* What the article says of a person's gender: a title ("Ms Lal"), or "She"
 * opening the sentence after one about her. Only to tell "he" from "she". */
static void
find_genders (Draft *d)
{
  QgDraftText *t = &d->t;
  guint sentence_first = 0, previous_first = 0;
  gboolean have_previous = FALSE;

  for (guint i = 0; i < t->mentions->len; i++)
    {
      QgMention *m = &g_array_index (t->mentions, QgMention, i);
      char g = m->has_title ? title_gender (d, m) : 0;

      if (g != 0 && entity (d, m->entity)->gender == 0)
        entity (d, m->entity)->gender = g;
    }
  for (guint k = 0; k < t->tokens->len; k++)
    {
      QgToken *token = qg_draft_token (t, k);

      if (k == 0 || qg_draft_token (t, k - 1)->sentence != token->sentence)
        {
          if (k > 0)
            {
              previous_first = sentence_first;
              have_previous = TRUE;
            }
          sentence_first = k;
          if (have_previous && token->quote < 0
              && (qg_draft_token_is (t, k, "He") || qg_draft_token_is (t, k, "She")))
            {
              gint who = person_of_sentence (d, previous_first, k);

              if (who >= 0 && entity (d, who)->gender == 0)
                entity (d, who)->gender = qg_draft_token_is (t, k, "She") ? 'f' : 'm';
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Speakers                                                                  */

static QgQuoteSpan *
quote (Draft *d,
       guint  q)
{
  return &g_array_index (d->t.quotes, QgQuoteSpan, q);
}

static guint
sentence_first_token (Draft *d,
                      guint  from)
{
  guint sentence = qg_draft_token (&d->t, from)->sentence;
  guint limit = from > LONG_SENTENCE ? from - LONG_SENTENCE : 0;

  /* A news sentence is shorter: further back is another clause. */
  while (from > limit && same_sentence (d, from - 1, sentence))
    from--;
  return from;
}

/* "according to X" in the sentence: X. */
static gint
according_to (Draft  *d,
              guint   sentence,
              guint   from,
              char  **note)
{
  for (guint k = from; k < from + 2 * LONG_SENTENCE && same_sentence (d, k, sentence); k++)
    if (qg_draft_token (&d->t, k)->quote < 0 && qg_draft_token_is (&d->t, k, "according")
        && qg_draft_token_is (&d->t, k + 1, "to"))
      return noun_phrase (d, k + 2, NULL, note);
  return -1;
}

/* After the quote: "…," said X; "…," X said; "…," X, the Y, said. */
static gint
speaker_after (Draft       *d,
               QgQuoteSpan *q,
               char       **note)
{
  guint k = q->end_token;
  guint end = 0;
  gint who;

  if (k >= d->t.tokens->len || qg_draft_token (&d->t, k)->sentence != q->end_sentence
      || qg_draft_token (&d->t, k)->quote >= 0)
    return -1;
  if (is_speech_verb (d, k))
    {
      q->attributed = TRUE;
      return noun_phrase (d, k + 1, NULL, note);
    }
  who = noun_phrase (d, k, &end, note);
  if (who < 0)
    return -1;
  while (end < k + 16 && same_sentence (d, end, q->end_sentence) && is_adverb (d, end))
    end++;
  if (is_speech_verb (d, end))
    {
      q->attributed = TRUE;
      return who;
    }
  return -1;
}

static gboolean
is_pronoun (Draft *d,
            guint  i)
{
  return is_any (d, i, (const char * const[]) { "he", "she", "it", "they", "we", NULL });
}

static gboolean
is_relative (Draft *d,
             guint  i)
{
  return is_any (d, i, (const char * const[]) { "which", "who", "whose", "where", NULL });
}

/* The subject of a sentence: the name, pronoun or role it opens with
 * ("The trust, which runs…, asked"). */
static gint
sentence_subject (Draft  *d,
                  guint   first,
                  guint   verb,
                  char  **note)
{
  for (guint i = first; i < verb && i < first + 4; i++)
    {
      QgMention *m = qg_draft_mention_over (&d->t, i);

      if (qg_draft_token (&d->t, i)->quote >= 0 || after_preposition (d, i))
        break;
      if (m != NULL)
        return m->entity;
      if (is_pronoun (d, i) || is_determiner (d, i))
        return noun_phrase (d, i, NULL, note);
    }
  return -1;
}

/* Who speaks by the verb of speech @verb, in the sentence from @first:
 * the noun phrase before it, less what a preposition or a relative
 * clause holds ("Mayor Jane Smith of Springfield said", "The trust,
 * which runs St Aldric's Hospital, asked"), or the name an appositive
 * describes ("Priya Raman, the authority's chief executive, said"). */
static gint
subject_of (Draft  *d,
            guint   first,
            guint   verb,
            char  **note)
{
  QgDraftText *t = &d->t;
  guint clause_start = G_MAXUINT, clause_end = G_MAXUINT, comma = G_MAXUINT;
  gsize vn;
  const char *vw = token_text (d, verb, &vn);

  /* "…, saying the contract contained": the sentence's subject. */
  if (vn > 4 && memcmp (vw + vn - 3, "ing", 3) == 0)
    return sentence_subject (d, first, verb, note);

  /* X, the Y of Z, said. Not when the verb opens the sentence (", said
   * "…""): verb - 1 would wrap round to the article's last token. */
  if (verb > first && qg_draft_gap_has (t, verb, ','))
    for (guint a = verb - 1; a > first; a--)
      if (qg_draft_gap_has (t, a, ','))
        {
          QgMention *m = qg_draft_mention_over (t, a - 1);

          if (m != NULL && m->end == a && !after_preposition (d, m->title_first))
            return m->entity;
          break;
        }

  /* The nearest relative clause before the verb: ", which runs X ,". */
  for (guint i = verb; i > first; i--)
    {
      if (qg_draft_gap_has (t, i, ',') && comma == G_MAXUINT)
        comma = i;
      if (comma != G_MAXUINT && i - 1 < comma && is_relative (d, i - 1)
          && qg_draft_gap_has (t, i - 1, ','))
        {
          clause_start = i - 1;
          clause_end = comma;
          break;
        }
    }

  for (guint i = verb; i > first;)
    {
      QgMention *m;
      gsize n;
      const char *w;

      i--;
      if (qg_draft_token (t, i)->quote >= 0)
        continue;
      if (i >= clause_start && i < clause_end)
        {
          i = clause_start;
          continue;
        }
      if ((m = qg_draft_mention_over (t, i)) != NULL)
        {
          /* "Mayor Jane Smith of Springfield said": not Springfield. */
          if (m->title_first > first && after_preposition (d, m->title_first))
            {
              i = m->title_first;
              continue;
            }
          return m->entity;
        }
      if (is_pronoun (d, i))
        return noun_phrase (d, i, NULL, note);
      w = token_text (d, i, &n);
      if (qg_lexicon_is_spokesperson (w, n) || qg_lexicon_noun_kind (w, n) != NULL
          || (qg_lexicon_flags (w, n) & QG_WORD_ROLE))
        for (guint b = 0; b < 4 && i >= first + b; b++)
          if (is_determiner (d, i - b))
            {
              guint di = i - b;
              const char *kind = qg_lexicon_noun_kind (w, n);

              /* "leader of the Liberal Reform group", "the city": not who
               * speaks. */
              if (after_preposition (d, di)
                  || (kind != NULL
                      && (strcmp (kind, "place") == 0 || strcmp (kind, "country") == 0)))
                {
                  i = di;
                  break;
                }
              /* "Priya Raman, the authority's chief executive, said": the
               * appositive's name. */
              if (di > first && qg_draft_gap_has (t, di, ',') && !qg_lexicon_is_spokesperson (w, n)
                  && (m = qg_draft_mention_over (t, di - 1)) != NULL && m->end == di
                  && (entity (d, m->entity)->person || qg_draft_gap_has (t, i + 1, ',')))
                return m->entity;
              return noun_phrase (d, di, NULL, note);
            }
    }
  return -1;
}

/* Before the quote, in its sentence: X said: "…"; X told reporters "…";
 * X said it was "…". The subject of the last verb of speech. */
static gint
speaker_before (Draft       *d,
                QgQuoteSpan *q,
                char       **note)
{
  QgDraftText *t = &d->t;
  guint first, verb = G_MAXUINT;

  if (q->first_token >= t->tokens->len || q->first_token == 0)
    return -1;
  first = sentence_first_token (d, q->first_token);
  if (!same_sentence (d, first, q->sentence))
    return -1;
  for (guint k = first; k < q->first_token; k++)
    if (is_speech_verb (d, k))
      verb = k;
  if (verb == G_MAXUINT)
    return -1;
  q->attributed = TRUE;
  q->verb_distance = q->first_token - verb;
  return subject_of (d, first, verb, note);
}

static gboolean
quote_starts_with (Draft       *d,
                   QgQuoteSpan *q,
                   const char  *words)
{
  gsize n = strlen (words);

  return q->end - q->start > n && g_ascii_strncasecmp (d->t.text + q->start, words, n) == 0
         && !g_ascii_isalnum (d->t.text[q->start + n]);
}

static gboolean
all_capitalised (Draft       *d,
                 QgQuoteSpan *q)
{
  for (guint k = q->first_token; k < q->end_token; k++)
    if (!qg_draft_token (&d->t, k)->cap)
      return FALSE;
  return TRUE;
}

/* Whether a short quote reads as a judgement ("deeply worrying"), not a
 * name: a word of it ends in "-ly" or "-ing". */
static gboolean
judges (Draft       *d,
        QgQuoteSpan *q)
{
  for (guint k = q->first_token; k < q->end_token; k++)
    {
      QgToken *token = qg_draft_token (&d->t, k);
      const char *end = d->t.text + token->end;

      if (token->end - token->start > 4
          && (memcmp (end - 2, "ly", 2) == 0 || memcmp (end - 3, "ing", 3) == 0))
        return TRUE;
    }
  return FALSE;
}

/* A name given in quote marks: "labelled "staging-old-2"", "dubbed the
 * "bridge to nowhere"", "call the worst bays "dead zones"". */
static gboolean
is_named (Draft       *d,
          QgQuoteSpan *q)
{
  static const char * const naming[] = {
    "labelled", "labeled", "named", "dubbed", "titled", "entitled", "nicknamed", "branded",
    "codenamed", "known", "so-called", "termed", "marked", NULL,
  };
  static const char * const calling[] = { "called", "call", "calls", NULL };

  for (guint back = 1; back <= 4 && back <= q->first_token; back++)
    {
      guint k = q->first_token - back;

      if (qg_draft_token (&d->t, k)->sentence != q->sentence)
        break;
      if (is_any (d, k, naming))
        return TRUE;
      /* "call the bays "dead zones"" names them; "called the news "deeply
       * worrying"" judges it, as speech does. */
      if (is_any (d, k, calling))
        return !judges (d, q);
    }
  return FALSE;
}

/* Reported speech: "said that the database … was "…"". */
static gboolean
reported (Draft       *d,
          QgQuoteSpan *q)
{
  for (guint k = q->first_token - MIN (q->verb_distance, q->first_token); k < q->first_token; k++)
    if (qg_draft_token_is (&d->t, k, "that"))
      return TRUE;
  return FALSE;
}

static gboolean
ends_sentence (Draft       *d,
               QgQuoteSpan *q)
{
  guint k = q->end_token;

  return k >= d->t.tokens->len || qg_draft_token (&d->t, k)->sentence != q->end_sentence;
}

static guint
count_quote_words (QgQuoteSpan *q)
{
  return q->end_token - q->first_token;
}

static gint
introduced_before (Draft       *d,
                   QgQuoteSpan *q,
                   char       **note)
{
  QgDraftText *t = &d->t;
  QgRange para;
  guint verb, first;

  if (q->paragraph == 0 || q->first_token == 0
      || q->open != g_array_index (t->paragraphs, QgRange, q->paragraph).start)
    return -1;
  para = g_array_index (t->paragraphs, QgRange, q->paragraph - 1);
  if (para.end == para.start || t->text[para.end - 1] != ':')
    return -1;
  verb = q->first_token - 1;
  if (qg_draft_token (t, verb)->paragraph != q->paragraph - 1 || !is_speech_verb (d, verb))
    return -1;
  first = sentence_first_token (d, verb);
  q->attributed = TRUE;
  return subject_of (d, first, verb, note);
}

static void
find_speakers (Draft *d)
{
  gint previous = -1;  /* the last kept quote */

  for (guint i = 0; i < d->t.quotes->len; i++)
    {
      QgQuoteSpan *q = quote (d, i);
      QgQuoteSpan *p = previous >= 0 ? quote (d, previous) : NULL;
      g_autofree char *note = NULL;
      gboolean goes_on = FALSE;
      gint who;

      if (q->end_token <= q->first_token)
        continue;
      /* A note only from the rule that found the speaker. */
      who = according_to (d, q->sentence, sentence_first_token (d, q->first_token), &note);
      if (who < 0)
        {
          g_clear_pointer (&note, g_free);
          who = speaker_after (d, q, &note);
        }
      if (who < 0)
        {
          g_clear_pointer (&note, g_free);
          who = speaker_before (d, q, &note);
        }
      if (who < 0)
        g_clear_pointer (&note, g_free);
      q->note = g_steal_pointer (&note);
      /* "…," X said. "…": the quote goes on. */
      goes_on = who < 0 && p != NULL && p->speaker >= 0 && p->paragraph == q->paragraph
                && q->sentence <= p->end_sentence + 1;
      /* A short quote goes on from the one before when it opens its
       * sentence ("…," he said. "Both are here."), not inside one. */
      if (count_quote_words (q) >= SHORT_QUOTE_WORDS
          || (goes_on && q->open == g_array_index (d->t.sentences, QgRange, q->sentence).start))
        q->kept = TRUE;
      /* "said it was "deeply disappointed"", "said that the database was
       * "mistakenly configured"", "would act "as a precaution"."; not
       * "its "Healthy Homes" programme", "call the bays "dead zones"" or
       * "labelled "staging-old-2"". */
      else
        q->kept = q->attributed && !all_capitalised (d, q) && !is_named (d, q)
                  && (q->verb_distance <= SHORT_QUOTE_REACH || reported (d, q)
                      || ends_sentence (d, q));
      if (!q->kept)
        continue;

      if (goes_on)
        {
          who = p->speaker;
          g_free (q->note);
          q->note = g_strdup_printf (_("Speaker inferred: the quote goes on from the one "
                                       "attributed to %s just before it."),
                                     entity (d, who)->name);
        }
      /* "Its director, Mr. Gordon Achterberg, said:" ends a paragraph and
       * the quote opens the next. */
      if (who < 0)
        who = introduced_before (d, q, &q->note);
      /* A company's statement speaks of "the company". */
      if (who < 0
          && (quote_starts_with (d, q, "The company") || quote_starts_with (d, q, "The firm")))
        {
          guint k = q->first_token + 1;

          who = role_referent (d, q->first_token, k);
          if (who >= 0)
            {
              g_free (q->note);
              q->note = g_strdup_printf (_("Speaker inferred: the quote has no attribution and "
                                           "speaks of “the company”, as a company's own "
                                           "statement does; the company in context is %s."),
                                         entity (d, who)->name);
            }
        }
      /* A paragraph that opens with an unattributed quote goes on from
       * the quote before. */
      if (who < 0 && p != NULL && p->speaker >= 0 && q->paragraph == p->paragraph + 1
          && q->open == g_array_index (d->t.paragraphs, QgRange, q->paragraph).start)
        {
          who = p->speaker;
          g_free (q->note);
          q->note = g_strdup_printf (_("Speaker inferred: the paragraph goes on from the quote "
                                       "of %s before it."), entity (d, who)->name);
        }
      q->speaker = who;
      previous = i;
    }
}

/* ------------------------------------------------------------------------ */
/* Appositives: "Dan Tentler, founder of Phobos Group,"                      */

typedef struct
{
  guint first;        /* tokens [first, end) of the appositive */
  guint end;
  guint role_first;   /* the role within it: "top cyber adviser" */
  guint role_end;
  gint  of;           /* the entity the role is of, or -1 */
} Appositive;

/* The role in tokens [first, end), and what it is of: "founder of Phobos
 * Group", "Trump's top cyber adviser", "its CEO", "the authority's chief
 * executive". */
static void
read_role (Draft      *d,
           guint       first,
           guint       end,
           Appositive *a)
{
  QgDraftText *t = &d->t;
  guint k = first;
  QgMention *m;

  a->of = -1;
  a->role_first = a->role_end = 0;
  if ((m = qg_draft_mention_at (t, k)) != NULL && qg_draft_token (t, m->end - 1)->possessive)
    {
      a->of = m->entity;
      k = m->end;
    }
  else if (qg_draft_token_is (t, k, "its") || qg_draft_token_is (t, k, "their"))
    {
      QgMention *o = last_mention (d, k, is_organisation, first_paragraph (d, k));

      a->of = o != NULL ? o->entity : -1;
      k++;
    }
  else if (is_determiner (d, k))
    {
      k++;
      /* "the authority's chief executive" */
      if (k < end && qg_draft_token (t, k)->possessive && !qg_draft_token (t, k)->cap)
        {
          a->of = role_referent (d, first, k);
          k++;
        }
    }
  for (guint r = k; r < end; r++)
    if (is_role_word (d, r))
      {
        a->role_first = k;
        a->role_end = r + 1;
      }
    else if (a->role_end > 0)
      break;
  if (a->role_end == 0)
    return;
  /* "founder of Phobos Group", "director at Acme" */
  if (a->of < 0 && a->role_end + 1 < end + 1 && is_preposition (d, a->role_end)
      && (m = qg_draft_mention_over (t, a->role_end + 1)) != NULL)
    a->of = m->entity;
  else if (a->of < 0 && is_preposition (d, a->role_end)
           && qg_draft_token_is (t, a->role_end + 1, "the")
           && (m = qg_draft_mention_over (t, a->role_end + 2)) != NULL)
    a->of = m->entity;
}

/* The appositive after mention @m: ", a Russian-language news outlet,". */
static gboolean
appositive_after (Draft      *d,
                  QgMention  *m,
                  Appositive *a)
{
  QgDraftText *t = &d->t;
  guint k = m->end;
  guint sentence = qg_draft_token (t, m->first)->sentence;
  gint q = qg_draft_token (t, m->first)->quote;

  if (!same_sentence (d, k, sentence) || !qg_draft_gap_has (t, k, ',')
      || qg_draft_token (t, k)->quote != q)
    return FALSE;
  if (!(is_determiner (d, k) || is_role_word (d, k)
        || (qg_draft_mention_at (t, k) != NULL
            && qg_draft_token (t, qg_draft_mention_at (t, k)->end - 1)->possessive)))
    return FALSE;
  a->first = k;
  for (k++; k < a->first + 10 && same_sentence (d, k, sentence); k++)
    {
      QgRange gap = qg_draft_gap (t, k);
      gboolean stop = FALSE;

      for (gsize c = gap.start; c < gap.end; c++)
        stop |= strchr (",;:()\"", t->text[c]) != NULL;
      if (stop || is_speech_verb (d, k) || qg_draft_token (t, k)->quote != q
          || qg_draft_gap_has (t, k, 0x201C) || qg_draft_gap_has (t, k, 0x201D))
        break;
    }
  /* An appositive ends at a comma or with its sentence; else it was a
   * clause ("Acme, which makes..."). */
  if (same_sentence (d, k, sentence) && !qg_draft_gap_has (t, k, ','))
    return FALSE;
  a->end = k;
  /* "a Russian-language news outlet", "the referee"; not "a month after
   * the takeover". */
  for (k = a->first; k < a->end; k++)
    {
      gsize n;
      const char *w = token_text (d, k, &n);

      if (is_role_word (d, k) || (!qg_draft_token (t, k)->cap && qg_lexicon_noun_kind (w, n)))
        break;
    }
  if (k == a->end)
    return FALSE;
  read_role (d, a->first, a->end, a);
  return TRUE;
}

/* The role before mention @m: "its CEO, Eugene Kaspersky". */
static gboolean
appositive_before (Draft      *d,
                   QgMention  *m,
                   Appositive *a)
{
  QgDraftText *t = &d->t;
  guint sentence = qg_draft_token (t, m->first)->sentence;

  if (m->title_first == 0 || !qg_draft_gap_has (&d->t, m->title_first, ',')
      || !is_role_word (d, m->title_first - 1))
    return FALSE;
  for (guint b = 2; b <= 5 && b <= m->title_first; b++)
    {
      guint k = m->title_first - b;

      if (!same_sentence (d, k, sentence) || !qg_draft_gap_is_space (t, k + 1))
        return FALSE;
      if (is_determiner (d, k) || qg_draft_token (t, k)->possessive)
        {
          QgMention *owner = qg_draft_mention_over (t, k);

          a->first = owner != NULL ? owner->first : k;
          a->end = m->title_first;
          read_role (d, a->first, a->end, a);
          return a->role_end > 0;
        }
    }
  return FALSE;
}

static char *
range_text (Draft *d,
            gsize  start,
            gsize  end)
{
  return g_strndup (d->t.text + start, end - start);
}

static char *
tokens_text (Draft *d,
             guint  first,
             guint  end)
{
  return range_text (d, qg_draft_token (&d->t, first)->start,
                     qg_draft_token (&d->t, end - 1)->full_end);
}

static gint
add_extra_quote (Draft *d,
                 gsize  start,
                 gsize  end)
{
  Evidence *e = g_new (Evidence, 1);

  e->start = start;
  e->end = end;
  g_ptr_array_add (d->extra_quotes, e);
  return ~(gint) (d->extra_quotes->len - 1);
}

static void
add_relation (Draft      *d,
              gint        source,
              gint        target,
              const char *label,
              gint        evidence)
{
  g_autofree char *key = NULL;
  Relation *r;

  if (source < 0 || target < 0 || source == target)
    return;
  key = g_strdup_printf ("%d\n%d\n%s", source, target, label);
  r = g_hash_table_lookup (d->relation_index, key);
  if (r == NULL)
    {
      r = g_new0 (Relation, 1);
      r->source = source;
      r->target = target;
      r->label = g_strdup (label);
      r->quotes = g_array_new (FALSE, FALSE, sizeof (gint));
      g_ptr_array_add (d->relations, r);
      g_hash_table_insert (d->relation_index, g_steal_pointer (&key), r);
    }
  /* Quotes come in order: one given twice is the last. */
  if (r->quotes->len > 0 && g_array_index (r->quotes, gint, r->quotes->len - 1) == evidence)
    return;
  g_array_append_val (r->quotes, evidence);
}

static void
describe (Draft *d)
{
  QgDraftText *t = &d->t;

  for (guint i = 0; i < t->mentions->len; i++)
    {
      QgMention *m = &g_array_index (t->mentions, QgMention, i);
      QgDraftEntity *e = entity (d, m->entity);
      Appositive a;
      gboolean after;

      /* "Acting Secretary of Homeland Security Elaine Duke" */
      if (m->has_title)
        {
          g_autofree char *title = tokens_text (d, m->title_first, m->first);

          if (e->description == NULL && m->first - m->title_first > 1)
            e->description = g_strdup (title);
          g_ptr_array_add (e->roles, g_ascii_strdown (title, -1));
        }
      /* "chief executive Martin Ashdown", "Ashby coach Tomas Varga" */
      if (m->title_first > 0 && qg_draft_gap_is_space (t, m->title_first)
          && is_role_word (d, m->title_first - 1))
        {
          guint from = m->title_first - 1;
          g_autofree char *role = NULL;

          while (from > 0 && qg_draft_gap_is_space (t, from) && is_role_word (d, from - 1))
            from--;
          role = tokens_text (d, from, m->title_first);
          g_ptr_array_add (e->roles, g_ascii_strdown (role, -1));
          if (e->description == NULL && e->person)
            e->description = g_strdup (role);
        }
      after = appositive_after (d, m, &a);
      if (!after && !appositive_before (d, m, &a))
        continue;
      /* "Arlington, Virginia, a Washington suburb": a place's appositive
       * is as likely the place before it's. */
      if (!qg_draft_kind_is_organisation (e->kind) && !e->person)
        continue;
      /* "The Bell, a Russian-language news outlet" */
      if (after && strcmp (e->kind, "organisation") == 0)
        for (guint k = a.first; k < a.end; k++)
          {
            gsize n;
            const char *w = token_text (d, k, &n);
            const char *kind = qg_draft_token (t, k)->cap ? NULL : qg_lexicon_noun_kind (w, n);

            if (kind != NULL)
              e->kind = kind;
          }
      if (after && e->description == NULL)
        {
          guint from = a.first;

          /* "a Russian-language news outlet" → "Russian-language news outlet" */
          if (qg_draft_token_is (t, from, "a") || qg_draft_token_is (t, from, "an"))
            from++;
          if (from < a.end)
            e->description = tokens_text (d, from, a.end);
        }
      if (a.role_end > 0)
        {
          g_autofree char *role = tokens_text (d, a.role_first, a.role_end);
          g_autofree char *label = g_strdup_printf (_("is %s of"), role);
          gsize start = MIN (m->start, qg_draft_token (t, a.first)->start);
          gsize end = MAX (m->name_end, qg_draft_token (t, a.end - 1)->end);

          g_ptr_array_add (e->roles, g_ascii_strdown (role, -1));
          /* "its CEO, Eugene Kaspersky": CEO of Kaspersky Lab. */
          if (e->description == NULL && a.of >= 0 && !after)
            /* Translators: a role and whose it is, "CEO of Kaspersky Lab". */
            e->description = g_strdup_printf (_("%s of %s"), role, entity (d, a.of)->name);
          else if (e->description == NULL)
            e->description = tokens_text (d, a.first, a.end);
          if (a.of >= 0 && a.of != m->entity && e->person)
            add_relation (d, m->entity, a.of, label, add_extra_quote (d, start, end));
        }
    }
}

/* ------------------------------------------------------------------------ */
/* Relations from quotes                                                     */

static void
quote_relations (Draft *d)
{
  QgDraftText *t = &d->t;

  for (guint i = 0; i < t->quotes->len; i++)
    {
      QgQuoteSpan *q = quote (d, i);
      gsize from = g_array_index (t->sentences, QgRange, q->sentence).start;
      gsize to = g_array_index (t->sentences, QgRange, q->end_sentence).end;

      if (!q->kept || q->speaker < 0)
        continue;
      /* What the quote and its sentence name (a sentence of news names a
       * few; an endless one no more than that many). */
      for (guint k = mentions_before (d, sentence_first_token (d, q->first_token)), n = 0;
           k < t->mentions->len && n < MAX_NAMED; k++)
        {
          QgMention *m = &g_array_index (t->mentions, QgMention, k);

          if (m->start >= to)
            break;
          if (m->start >= from)
            {
              add_relation (d, q->speaker, m->entity, _("says of"), (gint) i);
              n++;
            }
        }
    }
}

/* ------------------------------------------------------------------------ */
/* The document                                                              */

/* Ids made as edits make them: the slug, then "-2", "-3"… @taken holds
 * the ids given and, under "\n" + a slug, the next number to try. */
static char *
unique_id (GHashTable *taken,
           const char *text,
           gsize       max,
           const char *fallback)
{
  g_autofree char *base = qg_document_slug (text, max);
  g_autofree char *counter = NULL;
  guint n;
  char *id;

  if (base[0] == '\0')
    {
      g_free (base);
      base = g_strdup (fallback);
    }
  counter = g_strconcat ("\n", base, NULL);
  n = GPOINTER_TO_UINT (g_hash_table_lookup (taken, counter));
  id = n == 0 ? g_strdup (base) : g_strdup_printf ("%s-%u", base, n);
  for (n = MAX (n, 1) + 1; g_hash_table_contains (taken, id); n++)
    {
      g_free (id);
      id = g_strdup_printf ("%s-%u", base, n);
    }
  g_hash_table_add (taken, id);
  g_hash_table_insert (taken, g_steal_pointer (&counter), GUINT_TO_POINTER (n));
  return id;
}

/* The same words quoted again and again (a chant, a text that repeats
 * itself) are drafted this many times at most: each one the loader finds
 * by counting the ones before. */
#define MAX_SAME_QUOTE 20

static gboolean
too_often (GHashTable *said,
           Draft      *d,
           gsize       start,
           gsize       end)
{
  char *text = range_text (d, start, end);
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (said, text)) + 1;

  g_hash_table_insert (said, text, GUINT_TO_POINTER (n));
  return n > MAX_SAME_QUOTE;
}

static JsonObject *
quote_object (QgArticleIndex *index,
              Draft          *d,
              GHashTable     *taken,
              gsize           start,
              gsize           end,
              char          **id)
{
  g_autofree char *text = range_text (d, start, end);
  guint occurrence = qg_article_index_occurrence_at (index, start, end);
  JsonObject *object;

  /* Only an article that repeats itself thousands of times. */
  if (occurrence == 0)
    return NULL;
  object = json_object_new ();
  *id = unique_id (taken, text, 32, "quote");
  json_object_set_string_member (object, "id", *id);
  json_object_set_member (object, "text", qg_json_string_node (text));
  if (occurrence > 1)
    json_object_set_int_member (object, "occurrence", occurrence);
  return object;
}

static JsonNode *
build_tree (Draft      *d,
            const char *title,
            const char *source,
            const char *published)
{
  QgDraftText *t = &d->t;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(QgArticleIndex) index = qg_article_index_new (t->text, t->len);
  g_autofree char **entity_ids = g_new0 (char *, t->entities->len + 1);
  g_autofree char **quote_ids = g_new0 (char *, t->quotes->len + 1);
  g_autofree char **extra_ids = g_new0 (char *, d->extra_quotes->len + 1);
  JsonObject *root = json_object_new ();
  JsonObject *article = json_object_new ();
  JsonArray *entities = json_array_new ();
  JsonArray *quotes = json_array_new ();
  JsonArray *relations = json_array_new ();

  json_object_set_string_member (root, "format", "quotegraph/1");
  json_object_set_member (article, "title", qg_json_string_node (title));
  if (source != NULL)
    json_object_set_member (article, "source", qg_json_string_node (source));
  if (published != NULL)
    json_object_set_member (article, "published", qg_json_string_node (published));
  json_object_set_member (article, "text", qg_json_string_node (t->text));
  json_object_set_object_member (root, "article", article);

  for (guint e = 0; e < t->entities->len; e++)
    {
      QgDraftEntity *de = entity (d, e);
      JsonObject *object = json_object_new ();

      entity_ids[e] = unique_id (taken, de->name, 48, "entity");
      json_object_set_string_member (object, "id", entity_ids[e]);
      json_object_set_member (object, "name", qg_json_string_node (de->name));
      json_object_set_string_member (object, "kind", de->kind);
      if (de->aliases->len > 0)
        {
          g_ptr_array_add (de->aliases, NULL);
          json_object_set_member (object, "aliases",
                                  qg_json_strv_node ((const char * const *) de->aliases->pdata));
          g_ptr_array_remove_index (de->aliases, de->aliases->len - 1);
        }
      if (de->description != NULL)
        json_object_set_member (object, "description", qg_json_string_node (de->description));
      json_object_set_boolean_member (object, "draft", TRUE);
      json_array_add_object_element (entities, object);
    }

  for (guint i = 0; i < t->quotes->len; i++)
    {
      QgQuoteSpan *q = quote (d, i);
      JsonObject *object;

      if (!q->kept || too_often (said, d, q->start, q->end)
          || (object = quote_object (index, d, taken, q->start, q->end, &quote_ids[i])) == NULL)
        continue;
      if (q->speaker >= 0)
        json_object_set_string_member (object, "speaker", entity_ids[q->speaker]);
      if (q->note != NULL)
        json_object_set_member (object, "note", qg_json_string_node (q->note));
      json_object_set_boolean_member (object, "draft", TRUE);
      json_array_add_object_element (quotes, object);
    }
  for (guint i = 0; i < d->extra_quotes->len; i++)
    {
      Evidence *e = g_ptr_array_index (d->extra_quotes, i);
      JsonObject *object = quote_object (index, d, taken, e->start, e->end, &extra_ids[i]);

      if (object == NULL)
        continue;
      json_object_set_boolean_member (object, "draft", TRUE);
      json_array_add_object_element (quotes, object);
    }

  for (guint i = 0; i < d->relations->len; i++)
    {
      Relation *r = g_ptr_array_index (d->relations, i);
      JsonObject *object;
      JsonArray *evidence = json_array_new ();
      g_autofree char *name = g_strdup_printf ("%s %s %s", entity_ids[r->source], r->label,
                                               entity_ids[r->target]);
      const char *id;  /* taken's */

      for (guint k = 0; k < r->quotes->len; k++)
        {
          gint q = g_array_index (r->quotes, gint, k);
          const char *qid = q >= 0 ? quote_ids[q] : extra_ids[~q];

          if (qid != NULL)
            json_array_add_string_element (evidence, qid);
        }
      if (json_array_get_length (evidence) == 0)
        {
          json_array_unref (evidence);
          continue;
        }
      id = unique_id (taken, name, 48, "relation");
      object = json_object_new ();
      json_object_set_string_member (object, "id", id);
      json_object_set_string_member (object, "source", entity_ids[r->source]);
      json_object_set_string_member (object, "target", entity_ids[r->target]);
      json_object_set_member (object, "label", qg_json_string_node (r->label));
      json_object_set_string_member (object, "stance", "neutral");
      json_object_set_array_member (object, "evidence", evidence);
      json_object_set_boolean_member (object, "draft", TRUE);
      json_array_add_object_element (relations, object);
    }

  json_object_set_array_member (root, "entities", entities);
  json_object_set_array_member (root, "quotes", quotes);
  json_object_set_array_member (root, "relations", relations);
  return qg_json_object_node (root);
}

static void
relation_free (Relation *r)
{
  g_free (r->label);
  g_array_unref (r->quotes);
  g_free (r);
}

/* The article's first line, for an article given without a title. */
static char *
first_line (const char *text,
            gsize       length)
{
  const char *p = text, *end = text + length;
  const char *nl;
  g_autofree char *line = NULL;

  while (p < end && g_ascii_isspace (*p))
    p++;
  nl = memchr (p, '\n', end - p);
  line = g_strndup (p, (nl != NULL ? nl : end) - p);
  g_strstrip (line);
  if (g_utf8_strlen (line, -1) > 100)
    {
      char *cut = g_utf8_offset_to_pointer (line, 100);

      *cut = '\0';
    }
  return line[0] != '\0' ? g_steal_pointer (&line) : g_strdup (_("Untitled article"));
}

QgDocument *
qg_drafter_draft (const char    *text,
                  gssize         length,
                  const char    *title,
                  const char    *source,
                  const char    *published,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(QgDocument) empty = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *own_title = NULL;
  const char *checked_text;
  Draft d = { 0 };
  gsize len;

  g_return_val_if_fail (text != NULL || length == 0, NULL);

  /* No text is an empty one: refused below as any blank article is. */
  if (text == NULL)
    text = "";
  if (length < 0)
    length = strlen (text);
  if ((gsize) length > QG_DRAFTER_MAX_BYTES)
    {
      g_set_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_TOO_LARGE,
                   _("The article is longer than %d MB, the most Quotegraph drafts: start an "
                     "empty map instead"), QG_DRAFTER_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (title == NULL || title[0] == '\0' || strspn (title, " \t\r\n") == strlen (title))
    title = own_title = first_line (text, length);
  /* The article's own checks: size, UTF-8, a title, a date. */
  empty = qg_document_new_for_article (text, length, title, source, published, error);
  if (empty == NULL)
    return NULL;
  checked_text = qg_document_get_text (empty, &len);

  d.t.text = checked_text;
  d.t.len = len;
  d.extra_quotes = g_ptr_array_new_with_free_func (g_free);
  d.relations = g_ptr_array_new_with_free_func ((GDestroyNotify) relation_free);
  d.relation_index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  qg_draft_text_read (&d.t);
  if (!g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      qg_draft_find_names (&d.t);
      find_role_aliases (&d);
      /* Roles first: "the minister said" looks for the minister. */
      describe (&d);
      find_genders (&d);
      find_speakers (&d);
      quote_relations (&d);
      root = build_tree (&d, qg_document_get_title (empty), qg_document_get_source (empty),
                         qg_document_get_published (empty));
    }
  qg_draft_text_clear (&d.t);
  g_ptr_array_unref (d.extra_quotes);
  g_ptr_array_unref (d.relations);
  g_hash_table_unref (d.relation_index);
  if (root == NULL)
    return NULL;
  return qg_document_read_tree (root, NULL, 0, NULL, _("the draft"), NULL, cancellable, error);
}
