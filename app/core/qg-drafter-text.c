/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-drafter"

#include "config.h"

#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/ustring.h>

#include "qg-drafter-lexicon.h"
#include "qg-drafter-private.h"

/* The article as the drafter reads it: paragraphs, ICU's sentences,
 * words, and the passages in quote marks. */

#define LEFT_QUOTE  0x201C
#define RIGHT_QUOTE 0x201D
#define APOSTROPHE  0x2019

static gboolean
is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Paragraphs are separated by blank lines; an article without any has
 * one paragraph per line. */
static void
read_paragraphs (QgDraftText *t)
{
  gboolean blank_lines = FALSE;
  gsize start = 0;

  for (gsize i = 0; i + 1 < t->len && !blank_lines; i++)
    if (t->text[i] == '\n')
      {
        gsize j = i + 1;

        while (j < t->len && (t->text[j] == ' ' || t->text[j] == '\t' || t->text[j] == '\r'))
          j++;
        blank_lines = j < t->len && t->text[j] == '\n';
      }

  while (start < t->len)
    {
      gsize end = start;
      QgRange range;

      while (start < t->len && is_space (t->text[start]))
        start++;
      if (start >= t->len)
        break;
      end = start;
      for (;;)
        {
          const char *nl = memchr (t->text + end, '\n', t->len - end);
          gsize j;

          if (nl == NULL)
            {
              end = t->len;
              break;
            }
          end = nl - t->text;
          if (!blank_lines)
            break;
          j = end + 1;
          while (j < t->len && (t->text[j] == ' ' || t->text[j] == '\t' || t->text[j] == '\r'))
            j++;
          if (j >= t->len || t->text[j] == '\n')
            break;
          end = j;
        }
      range.start = start;
      range.end = end;
      while (range.end > range.start && is_space (t->text[range.end - 1]))
        range.end--;
      g_array_append_val (t->paragraphs, range);
      start = end;
    }
}

/* Abbreviations after which ICU's English suppressions still break. */
static const char * const titles[] = {
  "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Mt", "Gen", "Sen", "Rep", "Gov", "Lt", "Col", "Sgt",
  "Capt", "Det", "Adm", "Rev", "Jr", "Sr", "No", "vs", "Ave", "Supt", "Insp", "Fr", "Sgt",
};
/* And those that may end a sentence too: "He moved to the U.S. Then…" */
static const char * const abbreviations_at_end[] = {
  "U.S", "U.K", "Inc", "Ltd", "Co", "Corp", "a.m", "p.m", "e.g", "i.e", "Jan", "Feb", "Aug",
  "Sept", "Sep", "Oct", "Nov", "Dec", "etc", "Bros", "U.N", "D.C",
};

static gboolean
word_in (const char         *word,
         gsize               length,
         const char * const *words,
         gsize               n)
{
  for (gsize i = 0; i < n; i++)
    if (strlen (words[i]) == length && memcmp (words[i], word, length) == 0)
      return TRUE;
  return FALSE;
}

/* ICU's C API has no FilteredBreakIteratorBuilder: its breaks after
 * "Dr." and "U.S." are undone here, as the builder would. */
static gboolean
ends_in_abbreviation (QgDraftText  *t,
                      const QgRange *before,
                      const QgRange *after)
{
  const char *end = t->text + before->end;
  const char *word = end - 1;
  gunichar next = g_utf8_get_char (t->text + after->start);
  const char *next_end = t->text + after->start;
  guint flags;

  if (before->end - before->start < 2 || *word != '.')
    return FALSE;
  while (word > t->text + before->start && (g_ascii_isalpha (word[-1]) || word[-1] == '.'))
    word--;
  if (end - 1 == word)
    return FALSE;
  /* "Eugene V. Kaspersky": an initial. */
  if (end - 1 - word == 1 && g_ascii_isupper (*word))
    return TRUE;
  if (word_in (word, end - 1 - word, titles, G_N_ELEMENTS (titles)))
    return TRUE;
  if (!word_in (word, end - 1 - word, abbreviations_at_end, G_N_ELEMENTS (abbreviations_at_end))
      || !g_unichar_isupper (next))
    return FALSE;
  while (next_end < t->text + after->end && g_ascii_isalpha (*next_end))
    next_end++;
  flags = qg_lexicon_flags (t->text + after->start, next_end - (t->text + after->start));
  /* A sentence begins "The", "He", "But"…; a name goes on: "U.S. Army". */
  return !(flags & QG_WORD_FUNCTION);
}

/* ICU's sentence break iterator, with the suppressions that keep "Mr."
 * and "U.S." from ending a sentence, over one paragraph at a time. */
static void
read_sentences (QgDraftText *t)
{
  UErrorCode open_status = U_ZERO_ERROR;
  /* Opened once and given each paragraph in turn: opening one builds the
   * suppressions anew, a fraction of a millisecond, which an article of a
   * hundred thousand one-line paragraphs would pay a hundred thousand
   * times. */
  UBreakIterator *breaks = ubrk_open (UBRK_SENTENCE, "en_US@ss=standard", NULL, 0,
                                      &open_status);

  if (U_FAILURE (open_status))
    g_clear_pointer (&breaks, ubrk_close);
  for (guint p = 0; p < t->paragraphs->len; p++)
    {
      QgRange para = g_array_index (t->paragraphs, QgRange, p);
      UErrorCode status = U_ZERO_ERROR;
      g_autofree UChar *units = NULL;
      g_autofree gsize *bytes = NULL;
      int32_t n_units = 0;
      gsize k = 0;

      u_strFromUTF8 (NULL, 0, &n_units, t->text + para.start, (int32_t) (para.end - para.start),
                     &status);
      status = U_ZERO_ERROR;
      units = g_new (UChar, n_units + 1);
      u_strFromUTF8 (units, n_units + 1, NULL, t->text + para.start,
                     (int32_t) (para.end - para.start), &status);
      /* Where each UTF-16 unit begins in the paragraph's bytes. */
      bytes = g_new (gsize, n_units + 1);
      for (const char *c = t->text + para.start; c < t->text + para.end;
           c = g_utf8_next_char (c))
        {
          bytes[k++] = c - t->text;
          if (g_utf8_get_char (c) > 0xFFFF)
            bytes[k++] = c - t->text;
        }
      bytes[n_units] = para.end;

      if (breaks != NULL && U_SUCCESS (status))
        ubrk_setText (breaks, units, n_units, &status);
      if (breaks == NULL || U_FAILURE (status))
        {
          /* ICU always has English; a paragraph is then one sentence. */
          g_array_append_val (t->sentences, para);
          g_array_append_val (t->sentence_paragraph, p);
          continue;
        }
      for (int32_t from = ubrk_first (breaks), to; (to = ubrk_next (breaks)) != UBRK_DONE;
           from = to)
        {
          QgRange s = { bytes[from], bytes[to] };
          guint n = t->sentences->len;

          while (s.end > s.start && is_space (t->text[s.end - 1]))
            s.end--;
          if (s.end == s.start)
            continue;
          if (n > 0 && g_array_index (t->sentence_paragraph, guint, n - 1) == p
              && ends_in_abbreviation (t, &g_array_index (t->sentences, QgRange, n - 1), &s))
            {
              g_array_index (t->sentences, QgRange, n - 1).end = s.end;
              continue;
            }
          g_array_append_val (t->sentences, s);
          g_array_append_val (t->sentence_paragraph, p);
        }
    }
  g_clear_pointer (&breaks, ubrk_close);
}

guint
qg_draft_sentence_at (QgDraftText *t,
                      gsize        offset)
{
  guint lo = 0, hi = t->sentences->len;

  /* The last sentence that starts at or before @offset. */
  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (t->sentences, QgRange, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }
  return lo;
}

static gboolean
is_opening (gunichar c)
{
  return c == '"' || c == LEFT_QUOTE;
}

static gboolean
is_mark (gunichar c)
{
  return c == '"' || c == LEFT_QUOTE || c == RIGHT_QUOTE;
}

/* The first character of paragraph @p, past white space. */
static gunichar
paragraph_opens_with (QgDraftText *t,
                      guint        p)
{
  QgRange para = g_array_index (t->paragraphs, QgRange, p);

  return para.start < para.end ? g_utf8_get_char (t->text + para.start) : 0;
}

static void
add_quote (QgDraftText *t,
           gsize        open,
           gsize        close,
           guint        paragraph)
{
  QgQuoteSpan q = { 0 };
  const char *text = t->text;

  q.open = open;
  q.close = close;
  q.start = open + g_utf8_skip[(guchar) text[open]];
  q.end = close;
  q.paragraph = paragraph;
  q.speaker = -1;
  while (q.start < q.end && is_space (text[q.start]))
    q.start++;
  /* "…," said X: the comma is the sentence's, not the speaker's. */
  while (q.end > q.start && (is_space (text[q.end - 1]) || text[q.end - 1] == ','))
    q.end--;
  if (q.end <= q.start)
    return;
  g_array_append_val (t->quotes, q);
}

/* Quote marks pair up within a paragraph; one left open at its end runs
 * on when the next paragraph opens with a quote mark, as news writing
 * marks a quote over several paragraphs. */
static void
read_quotes (QgDraftText *t)
{
  gssize open = -1;
  guint open_paragraph = 0;

  for (guint p = 0; p < t->paragraphs->len; p++)
    {
      QgRange para = g_array_index (t->paragraphs, QgRange, p);
      const char *c = t->text + para.start;

      /* The mark that reopens a quote run on is not a new one. */
      if (open >= 0)
        c = g_utf8_next_char (c);
      for (; c < t->text + para.end; c = g_utf8_next_char (c))
        {
          gunichar ch = g_utf8_get_char (c);

          if (!is_mark (ch))
            continue;
          if (open < 0 && ch != RIGHT_QUOTE)
            {
              open = c - t->text;
              open_paragraph = p;
            }
          else if (open >= 0 && ch != LEFT_QUOTE)
            {
              add_quote (t, open, c - t->text, open_paragraph);
              open = -1;
            }
        }
      if (open >= 0
          && !(p + 1 < t->paragraphs->len && is_opening (paragraph_opens_with (t, p + 1))))
        {
          add_quote (t, open, para.end, open_paragraph);
          open = -1;
        }
    }
}

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

static gboolean
is_joiner (gunichar c)
{
  return c == '-' || c == '\'' || c == APOSTROPHE || c == 0x2010 || c == 0x2011;
}

/* A full stop at @stop inside a word: between digits, or after one or two
 * letters and before a single one ("U.S", "U.S.A"). */
static gboolean
is_inner_stop (const char *stop,
               const char *next,
               const char *end,
               gsize       segment)
{
  gunichar before = g_utf8_get_char (g_utf8_prev_char (stop));
  gunichar after;
  const char *beyond;

  if (next >= end)
    return FALSE;
  after = g_utf8_get_char (next);
  if (g_unichar_isdigit (before) && g_unichar_isdigit (after))
    return TRUE;
  if (segment > 2 || !g_unichar_isalpha (after))
    return FALSE;
  beyond = g_utf8_next_char (next);
  return beyond >= end || !g_unichar_isalpha (g_utf8_get_char (beyond));
}

/* Abbreviations whose full stop belongs to the word. */
static const char * const abbreviations[] = {
  "Mr", "Mrs", "Ms", "Dr", "Prof", "St", "Inc", "Ltd", "Co", "Corp", "Jr", "Sr", "Gen", "Sen",
  "Rep", "Gov", "Lt", "Col", "Sgt", "Capt", "Det", "Adm", "Rev", "Mt", "Ft", "No", "vs",
  "Jan", "Feb", "Aug", "Sept", "Sep", "Oct", "Nov", "Dec", "Bros", "Ave", "Supt", "Insp",
};

static gboolean
is_abbreviation (const char *word,
                 gsize       length)
{
  for (guint i = 0; i < G_N_ELEMENTS (abbreviations); i++)
    if (strlen (abbreviations[i]) == length && memcmp (abbreviations[i], word, length) == 0)
      return TRUE;
  return FALSE;
}

static void
token_flags (QgDraftText *t,
             QgToken     *token)
{
  guint letters = 0, upper = 0;
  gboolean part_start = TRUE;

  token->cap = g_unichar_isupper (g_utf8_get_char (t->text + token->start))
               || g_unichar_istitle (g_utf8_get_char (t->text + token->start));
  for (const char *c = t->text + token->start; c < t->text + token->end; c = g_utf8_next_char (c))
    {
      gunichar ch = g_utf8_get_char (c);

      if (g_unichar_isalpha (ch))
        {
          letters++;
          upper += g_unichar_isupper (ch);
          if (part_start && g_unichar_islower (ch) && c != t->text + token->start)
            token->lower_part = TRUE;
        }
      part_start = ch == '-' || ch == 0x2010 || ch == 0x2011;
    }
  token->allcaps = letters >= 2 && upper == letters;
}

static void
read_tokens (QgDraftText *t)
{
  const char *text = t->text;
  const char *end = text + t->len;
  guint quote = 0;

  for (const char *c = text; c < end;)
    {
      gunichar ch = g_utf8_get_char (c);
      QgToken token = { 0 };
      const char *w;
      gsize segment = 0;

      if (!is_word_char (ch))
        {
          c = g_utf8_next_char (c);
          continue;
        }
      token.start = c - text;
      w = c;
      while (w < end)
        {
          gunichar wc = g_utf8_get_char (w);
          const char *next = g_utf8_next_char (w);
          gunichar after = next < end ? g_utf8_get_char (next) : 0;

          if (is_word_char (wc))
            {
              segment++;
              w = next;
            }
          else if (is_joiner (wc) && is_word_char (after))
            {
              segment = 0;
              w = next;
            }
          /* "U.S", "3.5": a full stop between short parts. */
          else if (wc == '.' && is_inner_stop (w, next, end, segment))
            {
              segment = 0;
              w = next;
            }
          else
            break;
        }
      token.end = token.full_end = w - text;
      /* "U.S." and "Mr." keep their full stop. */
      if (w < end && *w == '.'
          && (memchr (text + token.start, '.', token.end - token.start) != NULL
              || is_abbreviation (text + token.start, token.end - token.start)))
        token.end = token.full_end = token.end + 1;
      /* "Russia's", "Russia’s". */
      if (token.end - token.start > 2 && text[token.end - 1] == 's'
          && (text[token.end - 2] == '\''
              || (token.end - token.start > 4
                  && memcmp (text + token.end - 4, "\xe2\x80\x99", 3) == 0)))
        {
          token.possessive = TRUE;
          token.end -= text[token.end - 2] == '\'' ? 2 : 4;
        }
      token.sentence = qg_draft_sentence_at (t, token.start);
      token.paragraph = g_array_index (t->sentence_paragraph, guint, token.sentence);
      token.quote = -1;
      while (quote < t->quotes->len
             && g_array_index (t->quotes, QgQuoteSpan, quote).end <= token.start)
        quote++;
      if (quote < t->quotes->len
          && g_array_index (t->quotes, QgQuoteSpan, quote).start <= token.start)
        token.quote = quote;
      token_flags (t, &token);
      g_array_append_val (t->tokens, token);
      c = text + token.full_end;
    }

  /* First words, and the tokens each quote holds. */
  for (guint i = 0; i < t->tokens->len; i++)
    {
      QgToken *token = qg_draft_token (t, i);
      QgToken *before = i > 0 ? qg_draft_token (t, i - 1) : NULL;

      token->initial = before == NULL || before->sentence != token->sentence
                       || (token->quote >= 0 && before->quote != token->quote);
      if (token->quote >= 0)
        {
          QgQuoteSpan *q = &g_array_index (t->quotes, QgQuoteSpan, token->quote);

          if (before == NULL || before->quote != token->quote)
            q->first_token = i;
          q->end_token = i + 1;
        }
    }
  for (guint i = 0; i < t->quotes->len; i++)
    {
      QgQuoteSpan *q = &g_array_index (t->quotes, QgQuoteSpan, i);

      q->sentence = qg_draft_sentence_at (t, q->open);
      q->end_sentence = qg_draft_sentence_at (t, q->close > 0 ? q->close - 1 : 0);
    }
}

void
qg_draft_text_read (QgDraftText *t)
{
  t->paragraphs = g_array_new (FALSE, FALSE, sizeof (QgRange));
  t->sentences = g_array_new (FALSE, FALSE, sizeof (QgRange));
  t->sentence_paragraph = g_array_new (FALSE, FALSE, sizeof (guint));
  t->tokens = g_array_new (FALSE, FALSE, sizeof (QgToken));
  t->quotes = g_array_new (FALSE, FALSE, sizeof (QgQuoteSpan));
  t->mentions = g_array_new (FALSE, FALSE, sizeof (QgMention));
  t->entities = g_ptr_array_new ();
  t->acronyms = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  read_paragraphs (t);
  read_sentences (t);
  read_quotes (t);
  read_tokens (t);
}

static void
entity_free (QgDraftEntity *e)
{
  g_free (e->name);
  g_free (e->lower_name);
  g_ptr_array_unref (e->aliases);
  g_ptr_array_unref (e->roles);
  g_free (e->description);
  g_free (e);
}

void
qg_draft_text_clear (QgDraftText *t)
{
  if (t->quotes != NULL)
    for (guint i = 0; i < t->quotes->len; i++)
      g_free (g_array_index (t->quotes, QgQuoteSpan, i).note);
  if (t->mentions != NULL)
    for (guint i = 0; i < t->mentions->len; i++)
      {
        g_free (g_array_index (t->mentions, QgMention, i).name);
        g_free (g_array_index (t->mentions, QgMention, i).written);
      }
  if (t->entities != NULL)
    for (guint i = 0; i < t->entities->len; i++)
      entity_free (g_ptr_array_index (t->entities, i));
  g_clear_pointer (&t->paragraphs, g_array_unref);
  g_clear_pointer (&t->sentences, g_array_unref);
  g_clear_pointer (&t->sentence_paragraph, g_array_unref);
  g_clear_pointer (&t->tokens, g_array_unref);
  g_clear_pointer (&t->quotes, g_array_unref);
  g_clear_pointer (&t->mentions, g_array_unref);
  g_clear_pointer (&t->entities, g_ptr_array_unref);
  g_clear_pointer (&t->acronyms, g_hash_table_unref);
}

QgToken *
qg_draft_token (QgDraftText *t,
                guint        i)
{
  return &g_array_index (t->tokens, QgToken, i);
}

gboolean
qg_draft_token_is (QgDraftText *t,
                   guint        i,
                   const char  *word)
{
  QgToken *token;

  if (i >= t->tokens->len)
    return FALSE;
  token = qg_draft_token (t, i);
  return strlen (word) == token->full_end - token->start
         && g_ascii_strncasecmp (t->text + token->start, word, token->full_end - token->start) == 0;
}

QgRange
qg_draft_gap (QgDraftText *t,
              guint        i)
{
  QgRange gap = { 0, 0 };

  if (i < t->tokens->len)
    {
      gap.start = i > 0 ? qg_draft_token (t, i - 1)->full_end : 0;
      gap.end = qg_draft_token (t, i)->start;
    }
  return gap;
}

gboolean
qg_draft_gap_is_space (QgDraftText *t,
                       guint        i)
{
  QgRange gap = qg_draft_gap (t, i);

  if (gap.end == gap.start)
    return FALSE;
  for (gsize k = gap.start; k < gap.end; k++)
    if (t->text[k] != ' ')
      return FALSE;
  return TRUE;
}

gboolean
qg_draft_gap_has (QgDraftText *t,
                  guint        i,
                  gunichar     c)
{
  QgRange gap = qg_draft_gap (t, i);

  for (const char *p = t->text + gap.start; p < t->text + gap.end; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) == c)
      return TRUE;
  return FALSE;
}
