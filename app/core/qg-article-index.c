/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-article-index"

#include "config.h"

#include <string.h>

#include "qg-article-index.h"

/* Passages at least this long are found by a hash of their first KEY_BYTES
 * bytes during one scan of the article; shorter ones are rare and are found
 * by a direct search each. */
#define KEY_BYTES 8

/* Where a white-space run of more than one byte was collapsed, the offset
 * between normalised and original positions grows: from norm_at on, the
 * original offset is the normalised one plus shift. */
typedef struct
{
  gsize norm_at;
  gsize shift;
} Breakpoint;

struct _QgArticleIndex
{
  char   *norm;         /* article with each white-space run collapsed to one space */
  gsize   n;
  gsize   length;       /* of the original article */
  GArray *breakpoints;  /* of Breakpoint, by norm_at */
  char   *folded;       /* norm with quote marks folded, made on first need */
};

/* Collapses white-space runs in @text to single spaces. When @breakpoints
 * is not NULL it receives where the offset to the original changes. */
static gsize
normalize (const char *text,
           gsize       length,
           char       *out,
           GArray     *breakpoints)
{
  gsize j = 0;
  gsize i = 0;

  while (i < length)
    {
      if (qg_article_is_space (text[i]))
        {
          gsize run = i;

          out[j++] = ' ';
          while (i < length && qg_article_is_space (text[i]))
            i++;
          if (breakpoints != NULL && i - run > 1)
            {
              Breakpoint bp = { j, i - j };
              g_array_append_val (breakpoints, bp);
            }
        }
      else
        {
          out[j++] = text[i++];
        }
    }
  out[j] = '\0';
  return j;
}

/* How many breakpoints are at or before @at, a normalised position or,
 * with @original, one in the article: they are in the order of both. */
static guint
breakpoints_before (QgArticleIndex *index,
                    gsize           at,
                    gboolean        original)
{
  const Breakpoint *bps = (const Breakpoint *) (gpointer) index->breakpoints->data;
  guint lo = 0;
  guint hi = index->breakpoints->len;

  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (bps[mid].norm_at + (original ? bps[mid].shift : 0) <= at)
        lo = mid + 1;
      else
        hi = mid;
    }
  return lo;
}

/* The shift after the first @n breakpoints. */
static gsize
shift_after (QgArticleIndex *index,
             guint           n)
{
  return n > 0 ? g_array_index (index->breakpoints, Breakpoint, n - 1).shift : 0;
}

/* The original offset of normalised position @at (at may be n). */
static gsize
original_offset (QgArticleIndex *index,
                 gsize           at)
{
  if (at >= index->n)
    return index->length;
  return at + shift_after (index, breakpoints_before (index, at, FALSE));
}

/* The normalised position of original offset @at, of a byte that is not
 * white space. */
static gsize
normalized_offset (QgArticleIndex *index,
                   gsize           at)
{
  return at - shift_after (index, breakpoints_before (index, at, TRUE));
}

QgArticleIndex *
qg_article_index_new (const char *text,
                      gsize       length)
{
  QgArticleIndex *index;

  index = g_new0 (QgArticleIndex, 1);
  index->norm = g_malloc (length + 1);
  index->length = length;
  index->breakpoints = g_array_new (FALSE, FALSE, sizeof (Breakpoint));
  index->n = normalize (text, length, index->norm, index->breakpoints);
  return index;
}

void
qg_article_index_free (QgArticleIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->norm);
  g_array_unref (index->breakpoints);
  g_free (index->folded);
  g_free (index);
}

static inline guint64
load_key (const char *p)
{
  guint64 k;

  memcpy (&k, p, sizeof k);
  return k;
}

static inline guint64
hash_key (guint64 k1,
          guint64 k2)
{
  guint64 k = k1 ^ ((k2 << 29) | (k2 >> 35)) * G_GUINT64_CONSTANT (0xBF58476D1CE4E5B9);

  return k * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15);
}

/* Passages with the same normalised text are one pattern, matched once: the
 * first of them (in document order) stands for all, which follow on
 * `same`. A pattern whose passages are all found leaves its chain. */
typedef struct
{
  char     *text;   /* normalised */
  gsize     len;
  gint      next;   /* next pattern with the same key, or -1 */
  gint      same;   /* next passage with the same text, or -1 */
  guint     count;  /* occurrences seen so far */
  guint     need;   /* the highest occurrence asked for */
  gboolean  done;
} Pattern;

/* Bytes compared before giving up: only an article and quotes that repeat
 * the same text thousands of times come near it. */
#define COMPARE_BUDGET (G_GUINT64_CONSTANT (1) << 32)

typedef struct
{
  guint64  k1;
  guint64  k2;
  gint     head;   /* first pattern, or -1 when all have left */
  gboolean used;   /* a key is here: probing goes on past it */
} Slot;

/* Patterns keyed by their first @width bytes (8 or 16), in an
 * open-addressing table at most a quarter full, so that most article
 * positions end on the first, empty, slot. */
typedef struct
{
  gsize    width;
  Slot    *slots;
  gsize    mask;
  guint    shift;
  guint    n_patterns;
  /* A bit per key hash, sixteen times as many as keys: most article
   * positions are turned away by this small array, which stays in the
   * cache, before the table, which does not. */
  guint64 *filter;
  guint    filter_shift;
} Table;

static void
table_init (Table *t,
            gsize  width,
            guint  n_patterns)
{
  guint bits = 4;

  while (((gsize) 1 << bits) < (gsize) n_patterns * 4)
    bits++;
  t->width = width;
  t->mask = ((gsize) 1 << bits) - 1;
  t->shift = 64 - bits;
  t->n_patterns = n_patterns;
  t->slots = g_new0 (Slot, t->mask + 1);
  for (gsize s = 0; s <= t->mask; s++)
    t->slots[s].head = -1;
  t->filter_shift = 64 - (bits + 2);
  t->filter = g_new0 (guint64, MAX (((gsize) 1 << (bits + 2)) / 64, 1));
}

static inline gboolean
filter_has (const Table *t,
            guint64      h)
{
  guint64 bit = h >> t->filter_shift;

  return (t->filter[bit >> 6] >> (bit & 63)) & 1;
}

static inline Slot *
table_slot (const Table *t,
            const char  *p)
{
  guint64 k1 = load_key (p);
  guint64 k2 = t->width > KEY_BYTES ? load_key (p + KEY_BYTES) : 0;
  guint64 h = hash_key (k1, k2);
  gsize s = h >> t->shift;
  guint64 bit = h >> t->filter_shift;

  t->filter[bit >> 6] |= G_GUINT64_CONSTANT (1) << (bit & 63);
  while (t->slots[s].used && (t->slots[s].k1 != k1 || t->slots[s].k2 != k2))
    s = (s + 1) & t->mask;
  t->slots[s].k1 = k1;
  t->slots[s].k2 = k2;
  t->slots[s].used = TRUE;
  return &t->slots[s];
}

static void
table_add (Table   *t,
           Pattern *patterns,
           guint    i)
{
  Slot *slot = table_slot (t, patterns[i].text);

  patterns[i].next = slot->head;
  slot->head = (gint) i;
}

/* An occurrence of pattern @first at @at, for every passage it stands for. */
static void
record_hit (QgArticleIndex *index,
            Pattern        *patterns,
            QgPassage      *passages,
            guint           first,
            gsize           at)
{
  Pattern *pattern = &patterns[first];

  pattern->count++;
  for (gint i = first; i != -1; i = patterns[i].same)
    {
      QgPassage *passage = &passages[i];

      passage->count = pattern->count;
      if (!passage->found && passage->count == passage->occurrence)
        {
          passage->found = TRUE;
          passage->start = original_offset (index, at);
          passage->end = original_offset (index, at + pattern->len);
        }
    }
  if (pattern->count >= pattern->need)
    pattern->done = TRUE;
}

/* The patterns whose key starts at @at, checked in full. */
static inline void
table_match (Table          *t,
             QgArticleIndex *index,
             Pattern        *patterns,
             QgPassage      *passages,
             gsize           at,
             guint64        *compared)
{
  const char *p = index->norm + at;
  guint64 k1 = load_key (p);
  guint64 k2 = t->width > KEY_BYTES ? load_key (p + KEY_BYTES) : 0;
  guint64 h = hash_key (k1, k2);
  gsize s;
  gint *link;

  if (!filter_has (t, h))
    return;
  s = h >> t->shift;
  while (t->slots[s].used && (t->slots[s].k1 != k1 || t->slots[s].k2 != k2))
    s = (s + 1) & t->mask;
  for (link = &t->slots[s].head; *link != -1;)
    {
      guint i = *link;
      Pattern *pattern = &patterns[i];

      if (pattern->done)
        {
          /* Found as often as needed: it leaves the chain. */
          *link = pattern->next;
          continue;
        }
      if (at + pattern->len <= index->n)
        {
          *compared += pattern->len;
          if (memcmp (p + t->width, pattern->text + t->width, pattern->len - t->width) == 0)
            record_hit (index, patterns, passages, i, at);
        }
      link = &pattern->next;
    }
}

static void
find_short (QgArticleIndex *index,
            Pattern        *patterns,
            QgPassage      *passages,
            guint           first)
{
  const Pattern *pattern = &patterns[first];
  const char *hay = index->norm;
  const char *end = index->norm + index->n;

  while (hay < end && !pattern->done)
    {
      const char *hit = memmem (hay, end - hay, pattern->text, pattern->len);

      if (hit == NULL)
        break;
      record_hit (index, patterns, passages, first, hit - index->norm);
      hay = hit + 1;
    }
}

gboolean
qg_article_index_find (QgArticleIndex *index,
                       QgPassage      *passages,
                       guint           n_passages)
{
  g_autofree Pattern *patterns = g_new0 (Pattern, n_passages);
  g_autoptr(GHashTable) by_text = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gboolean *leads = g_new0 (gboolean, n_passages);
  Table wide = { 0 };
  Table narrow = { 0 };
  guint n_wide = 0;
  guint n_narrow = 0;
  guint64 compared = 0;

  for (guint i = 0; i < n_passages; i++)
    {
      gsize len = strlen (passages[i].text);
      gpointer first;

      patterns[i].text = g_malloc (len + 1);
      patterns[i].len = normalize (passages[i].text, len, patterns[i].text, NULL);
      patterns[i].next = patterns[i].same = -1;
      passages[i].found = FALSE;
      passages[i].count = 0;
      passages[i].start = passages[i].end = 0;
      if (passages[i].occurrence == 0)
        passages[i].occurrence = 1;

      /* The same text again: it joins the first, at the end of its list. */
      if (g_hash_table_lookup_extended (by_text, patterns[i].text, NULL, &first))
        {
          guint head = GPOINTER_TO_UINT (first);
          gint *tail = &patterns[head].same;

          while (*tail != -1)
            tail = &patterns[*tail].same;
          *tail = (gint) i;
          patterns[head].need = MAX (patterns[head].need, passages[i].occurrence);
          continue;
        }
      g_hash_table_insert (by_text, patterns[i].text, GUINT_TO_POINTER (i));
      leads[i] = TRUE;
      patterns[i].need = passages[i].occurrence;
      if (patterns[i].len >= 2 * KEY_BYTES)
        n_wide++;
      else if (patterns[i].len >= KEY_BYTES)
        n_narrow++;
    }

  /* Most passages are long: a 16-byte key leaves few false candidates.
   * Insert in reverse so that each chain lists passages in document order. */
  table_init (&wide, 2 * KEY_BYTES, n_wide);
  table_init (&narrow, KEY_BYTES, n_narrow);
  for (guint i = n_passages; i-- > 0;)
    {
      if (!leads[i])
        continue;
      if (patterns[i].len >= 2 * KEY_BYTES)
        table_add (&wide, patterns, i);
      else if (patterns[i].len >= KEY_BYTES)
        table_add (&narrow, patterns, i);
      else if (patterns[i].len > 0)
        find_short (index, patterns, passages, i);
    }

  for (gsize at = 0; at + KEY_BYTES <= index->n && compared < COMPARE_BUDGET; at++)
    {
      if (n_wide > 0 && at + 2 * KEY_BYTES <= index->n)
        table_match (&wide, index, patterns, passages, at, &compared);
      if (n_narrow > 0)
        table_match (&narrow, index, patterns, passages, at, &compared);
    }

  for (guint i = 0; i < n_passages; i++)
    g_free (patterns[i].text);
  g_free (wide.slots);
  g_free (narrow.slots);
  g_free (wide.filter);
  g_free (narrow.filter);
  return compared < COMPARE_BUDGET;
}

guint
qg_article_index_occurrence_at (QgArticleIndex *index,
                                gsize           start,
                                gsize           end)
{
  gsize from, length;
  const char *pattern;
  const char *hay = index->norm;
  guint64 compared = 0;
  guint count = 1;

  g_return_val_if_fail (start < end && end <= index->length, 0);

  from = normalized_offset (index, start);
  length = normalized_offset (index, end - 1) + 1 - from;
  pattern = index->norm + from;
  /* Every start before it at which the same text is found, overlapping
   * ones too, as the loader counts them. */
  while (hay < pattern)
    {
      const char *hit = memmem (hay, pattern + length - 1 - hay, pattern, length);

      if (hit == NULL || hit >= pattern)
        break;
      compared += (hit - hay) + length;
      if (compared >= COMPARE_BUDGET || count == G_MAXUINT32)
        return 0;
      count++;
      hay = hit + 1;
    }
  return count;
}

static gboolean
occurs (QgArticleIndex *index,
        const char     *text,
        gsize           len)
{
  return len == 0 || memmem (index->norm, index->n, text, len) != NULL;
}

char *
qg_article_index_longest_prefix (QgArticleIndex *index,
                                 const char     *text)
{
  gsize len = strlen (text);
  g_autofree char *norm = g_malloc (len + 1);
  gsize n = normalize (text, len, norm, NULL);
  gsize lo = 0;
  gsize hi = n;

  /* Whether a prefix occurs is monotonic in its length: bisect. */
  while (lo < hi)
    {
      gsize mid = lo + (hi - lo + 1) / 2;

      if (occurs (index, norm, mid))
        lo = mid;
      else
        hi = mid - 1;
    }

  /* Never cut a character in two, and drop a dangling space. */
  while (lo > 0 && lo < n && ((guchar) norm[lo] & 0xC0) == 0x80)
    lo--;
  while (lo > 0 && norm[lo - 1] == ' ')
    lo--;

  return g_strndup (norm, lo);
}

/* Typographic quote marks folded to straight ones; used only to explain why
 * a quote was not found, never to match one. */
static char *
fold_quote_marks (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      switch (g_utf8_get_char (p))
        {
        case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x00AB: case 0x00BB:
          g_string_append_c (out, '"');
          break;
        case 0x2018: case 0x2019: case 0x201A: case 0x201B:
          g_string_append_c (out, '\'');
          break;
        default:
          g_string_append_len (out, p, g_utf8_next_char (p) - p);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

gboolean
qg_article_index_found_if_folded (QgArticleIndex *index,
                                  const char     *text)
{
  gsize len = strlen (text);
  g_autofree char *norm = g_malloc (len + 1);
  g_autofree char *folded = NULL;

  normalize (text, len, norm, NULL);
  folded = fold_quote_marks (norm);
  if (index->folded == NULL)
    index->folded = fold_quote_marks (index->norm);
  return folded[0] != '\0' && strstr (index->folded, folded) != NULL;
}
