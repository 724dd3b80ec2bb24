/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qg-article-index"

#include "config.h"

#include <string.h>

#include "qg-article-index.h"

/* Passages at least this long are found by a hash of their first KEY_BYTES
 * bytes during one scan of the article; shorter ones are rare and are found
 * by a direct search each. */
#define KEY_BYTES 8

struct _QgArticleIndex
{
  char   *norm;   /* article with each white-space run collapsed to one space */
  gsize   n;
  guint32 *orig;  /* orig[i]: byte offset in the article of norm[i]; orig[n] = length */
  char   *folded; /* norm with quote marks folded, made on first need */
};

gboolean
qg_article_is_space (char c)
{
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Collapses white-space runs in @text to single spaces. When @orig is not
 * NULL it receives, for each output byte, the offset of its input bytes. */
static gsize
normalize (const char *text,
           gsize       length,
           char       *out,
           guint32    *orig)
{
  gsize j = 0;
  gsize i = 0;

  while (i < length)
    {
      if (qg_article_is_space (text[i]))
        {
          if (orig != NULL)
            orig[j] = (guint32) i;
          out[j++] = ' ';
          while (i < length && qg_article_is_space (text[i]))
            i++;
        }
      else
        {
          if (orig != NULL)
            orig[j] = (guint32) i;
          out[j++] = text[i++];
        }
    }
  if (orig != NULL)
    orig[j] = (guint32) length;
  out[j] = '\0';
  return j;
}

QgArticleIndex *
qg_article_index_new (const char *text,
                      gsize       length)
{
  QgArticleIndex *index;

  /* Offsets are stored in 32 bits; the loader refuses larger files long before. */
  g_return_val_if_fail (length < G_MAXUINT32, NULL);

  index = g_new0 (QgArticleIndex, 1);
  index->norm = g_malloc (length + 1);
  index->orig = g_new (guint32, length + 1);
  index->n = normalize (text, length, index->norm, index->orig);
  return index;
}

void
qg_article_index_free (QgArticleIndex *index)
{
  if (index == NULL)
    return;
  g_free (index->norm);
  g_free (index->orig);
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

static inline gsize
hash_key (guint64 k,
          guint   shift)
{
  return (gsize) ((k * G_GUINT64_CONSTANT (0x9E3779B97F4A7C15)) >> shift);
}

typedef struct
{
  char  *text;     /* normalised */
  gsize  len;
  gint   next;     /* next passage with the same key, or -1 */
} Pattern;

typedef struct
{
  guint64 key;
  gint    head;    /* first pattern, or -1 for an empty slot */
} Slot;

static void
record_hit (QgArticleIndex *index,
            QgPassage      *passage,
            gsize           at,
            gsize           len)
{
  passage->count++;
  if (!passage->found && passage->count == passage->occurrence)
    {
      passage->found = TRUE;
      passage->start = index->orig[at];
      passage->end = index->orig[at + len];
    }
}

static void
find_short (QgArticleIndex *index,
            QgPassage      *passage,
            const Pattern  *pattern)
{
  const char *hay = index->norm;
  const char *end = index->norm + index->n;

  while (hay < end && !passage->found)
    {
      const char *hit = memmem (hay, end - hay, pattern->text, pattern->len);

      if (hit == NULL)
        break;
      record_hit (index, passage, hit - index->norm, pattern->len);
      hay = hit + 1;
    }
}

void
qg_article_index_find (QgArticleIndex *index,
                       QgPassage      *passages,
                       guint           n_passages)
{
  g_autofree Pattern *patterns = g_new0 (Pattern, n_passages);
  g_autofree Slot *slots = NULL;
  guint n_long = 0;
  guint bits = 4;
  gsize mask;

  for (guint i = 0; i < n_passages; i++)
    {
      gsize len = strlen (passages[i].text);

      patterns[i].text = g_malloc (len + 1);
      patterns[i].len = normalize (passages[i].text, len, patterns[i].text, NULL);
      patterns[i].next = -1;
      passages[i].found = FALSE;
      passages[i].count = 0;
      passages[i].start = passages[i].end = 0;
      if (passages[i].occurrence == 0)
        passages[i].occurrence = 1;
      if (patterns[i].len >= KEY_BYTES)
        n_long++;
    }

  /* An open-addressing table at most one quarter full: most article
   * positions end on the first, empty, slot. */
  while ((1u << bits) < n_long * 4)
    bits++;
  mask = ((gsize) 1 << bits) - 1;
  slots = g_new (Slot, mask + 1);
  for (gsize s = 0; s <= mask; s++)
    slots[s].head = -1;

  /* Insert in reverse so that each chain lists passages in document order. */
  for (guint i = n_passages; i-- > 0;)
    {
      guint64 key;
      gsize s;

      if (patterns[i].len < KEY_BYTES)
        {
          if (patterns[i].len > 0)
            find_short (index, &passages[i], &patterns[i]);
          continue;
        }
      key = load_key (patterns[i].text);
      for (s = hash_key (key, 64 - bits); slots[s].head != -1 && slots[s].key != key;
           s = (s + 1) & mask)
        ;
      if (slots[s].head == -1)
        slots[s].key = key;
      patterns[i].next = slots[s].head;
      slots[s].head = (gint) i;
    }

  if (n_long > 0 && index->n >= KEY_BYTES)
    {
      const char *norm = index->norm;
      gsize last = index->n - KEY_BYTES;

      for (gsize at = 0; at <= last; at++)
        {
          guint64 key = load_key (norm + at);
          gsize s = hash_key (key, 64 - bits);

          while (slots[s].head != -1 && slots[s].key != key)
            s = (s + 1) & mask;
          if (slots[s].head == -1)
            continue;

          for (gint p = slots[s].head; p != -1; p = patterns[p].next)
            {
              const Pattern *pattern = &patterns[p];

              if (at + pattern->len <= index->n
                  && memcmp (norm + at + KEY_BYTES, pattern->text + KEY_BYTES,
                             pattern->len - KEY_BYTES) == 0)
                record_hit (index, &passages[p], at, pattern->len);
            }
        }
    }

  for (guint i = 0; i < n_passages; i++)
    g_free (patterns[i].text);
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
