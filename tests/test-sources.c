/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-sources.h"
#include "qg-test-utils.h"

static void
test_mentions (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgSources) sources = qg_sources_new (doc);
  const char *text = qg_document_get_text (doc, NULL);
  const QgMention *mentions;
  guint n;

  /* "Acme Corp" twice; the Agency by its aliases "regulator" and "the
   * Agency" (its name, "The Agency", with a capital, is not in the text). */
  g_assert_cmpuint (qg_sources_count_mentions (sources, 0), ==, 2);
  g_assert_cmpuint (qg_sources_count_mentions (sources, 1), ==, 2);
  g_assert_cmpuint (qg_sources_count_mentions (sources, 2), ==, 1);

  mentions = qg_sources_get_mentions (sources, &n);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      /* In article order, never overlapping, on whole words. */
      if (i > 0)
        g_assert_cmpuint (mentions[i].start, >=, mentions[i - 1].end);
      g_assert_false (g_ascii_isalnum (text[mentions[i].end]));
    }
  g_assert_cmpmem (text + mentions[0].start, mentions[0].end - mentions[0].start, "Acme Corp", 9);
}

static void
test_longest_name_wins (void)
{
  const char *json =
    "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": "
    "\"Eugene Kaspersky leads Kaspersky Lab; Kaspersky denies it. KasperskyLab is no word.\"}, "
    "\"entities\": [{\"id\": \"lab\", \"name\": \"Kaspersky Lab\", \"kind\": \"company\", "
    "\"aliases\": [\"Kaspersky\"]}, {\"id\": \"eugene\", \"name\": \"Eugene Kaspersky\", "
    "\"kind\": \"person\"}], \"quotes\": [], \"relations\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "d", NULL,
                                                          &error);
  g_autoptr(QgSources) sources = NULL;

  g_assert_no_error (error);
  sources = qg_sources_new (doc);
  /* "Eugene Kaspersky" is Eugene's, not the lab's; "KasperskyLab" is no word. */
  g_assert_cmpuint (qg_sources_count_mentions (sources, 0), ==, 2);
  g_assert_cmpuint (qg_sources_count_mentions (sources, 1), ==, 1);
}

static gboolean
word_char_at (const char *p)
{
  return g_unichar_isalnum (g_utf8_get_char (p));
}

static int
by_place (gconstpointer a,
          gconstpointer b)
{
  const QgMention *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  if (x->end != y->end)
    return x->end > y->end ? -1 : 1;
  return x->entity < y->entity ? -1 : x->entity > y->entity;
}

static char *
random_words (GRand *rand,
              guint  min,
              guint  max,
              gboolean spaces)
{
  static const char * const pieces[] = { "a", "b", "ab", "é", "ß", "-", "1", " ", "." };
  guint n = g_rand_int_range (rand, min, max + 1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces) - (spaces ? 0 : 2))];

      /* A name starts and ends with a letter. */
      if (!spaces && (i == 0 || i == n - 1) && !g_unichar_isalpha (g_utf8_get_char (piece)))
        piece = "a";
      g_string_append (out, piece);
    }
  return g_string_free (out, FALSE);
}

/* The names are found where a search of the whole text for each of them
 * finds them as whole words: the same places, overlapping ones too, for
 * names long and short, sharing their first bytes, and aliases. */
static void
test_mentions_as_searched (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 40; round++)
    {
      g_autofree char *text = random_words (rand, 200, 600, TRUE);
      GString *json = g_string_new (NULL);
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GArray) owners = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr(GArray) expected = g_array_new (FALSE, FALSE, sizeof (QgMention));
      g_autoptr(GArray) kept = g_array_new (FALSE, FALSE, sizeof (QgMention));
      g_autoptr(QgDocument) doc = NULL;
      g_autoptr(QgSources) sources = NULL;
      g_autoptr(GError) error = NULL;
      g_autofree char *document = NULL;
      guint n_entities = g_rand_int_range (rand, 1, 12);
      const QgMention *mentions;
      gsize last_end = 0;
      guint n;

      g_string_append_printf (json, "{\"format\": \"quotegraph/1\", \"article\": {\"title\": "
                              "\"T\", \"text\": \"%s\"}, \"entities\": [", text);
      for (guint e = 0; e < n_entities; e++)
        {
          char *name = random_words (rand, 1, 6, FALSE);
          guint n_aliases = g_rand_int_range (rand, 0, 3);

          g_ptr_array_add (names, name);
          g_array_append_val (owners, e);
          g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"%s\", \"kind\": "
                                  "\"person\", \"aliases\": [", e ? ", " : "", e, name);
          for (guint a = 0; a < n_aliases; a++)
            {
              char *alias = random_words (rand, 1, 4, FALSE);

              g_ptr_array_add (names, alias);
              g_array_append_val (owners, e);
              g_string_append_printf (json, "%s\"%s\"", a ? ", " : "", alias);
            }
          g_string_append (json, "]}");
        }
      g_string_append (json, "], \"quotes\": [], \"relations\": []}");
      document = g_string_free (json, FALSE);
      doc = qg_document_load_from_data (document, strlen (document), NULL, "d", NULL, &error);
      g_assert_no_error (error);

      /* Each name searched for through the whole text. */
      for (guint i = 0; i < names->len; i++)
        {
          const char *name = names->pdata[i];
          gsize len = strlen (name), length = strlen (text);

          for (const char *p = text; (p = memmem (p, text + length - p, name, len)) != NULL; p++)
            if ((p == text || !word_char_at (g_utf8_find_prev_char (text, p)))
                && (p + len >= text + length || !word_char_at (p + len)))
              {
                QgMention m = { p - text, p - text + len, g_array_index (owners, guint, i) };

                g_array_append_val (expected, m);
              }
        }
      g_array_sort (expected, by_place);
      for (guint i = 0; i < expected->len; i++)
        {
          const QgMention *m = &g_array_index (expected, QgMention, i);

          if (i > 0 && m->start < last_end)
            continue;
          g_array_append_val (kept, *m);
          last_end = m->end;
        }

      sources = qg_sources_new (doc);
      mentions = qg_sources_get_mentions (sources, &n);
      g_assert_cmpuint (n, ==, kept->len);
      for (guint i = 0; i < n; i++)
        {
          const QgMention *m = &g_array_index (kept, QgMention, i);

          g_assert_cmpuint (mentions[i].start, ==, m->start);
          g_assert_cmpuint (mentions[i].end, ==, m->end);
          g_assert_cmpuint (mentions[i].entity, ==, m->entity);
        }
    }
}

static void
test_quotes_and_relations (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_small ();
  g_autoptr(QgSources) sources = qg_sources_new (doc);
  g_autoptr(GArray) at = NULL;
  g_autofree char *sentence = qg_document_relation_sentence (doc, 1);
  g_autofree char *citation = qg_document_quote_citation (doc, 1);
  const guint *relations;
  guint n;

  relations = qg_sources_relations_of_quote (sources, 2, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (relations[0], ==, 0);

  at = qg_sources_quotes_at (sources, qg_document_get_quote (doc, 0)->start + 2);
  g_assert_cmpuint (at->len, ==, 1);
  g_assert_cmpuint (g_array_index (at, guint, 0), ==, 0);

  g_assert_cmpstr (sentence, ==, "The Agency demands compliance from Acme Corp");
  /* The article's words, white space as one space, and where they are from. */
  g_assert_cmpstr (citation, ==, "“We expect compliance” — The Agency, in “Small test”, "
                                 "Quotegraph test suite, 2017-09-13");
}

/* What the article view marks: each quote in its first relation's
 * stance, each spoken one, each draft, each mention; in order of kind,
 * then place, even where the quotes are not in the order of the text (a
 * quote added before the others comes last among them). */
static void
check_highlights (QgDocument *doc)
{
  g_autoptr(QgSources) sources = qg_sources_new (doc);
  guint n, n_mentions, counts[QG_HIGHLIGHT_MENTION + 1] = { 0 };
  guint expected[QG_HIGHLIGHT_MENTION + 1] = { 0 };
  const QgHighlight *highlights = qg_sources_get_highlights (sources, &n);
  const QgMention *mentions = qg_sources_get_mentions (sources, &n_mentions);

  for (guint q = 0; q < qg_document_get_n_quotes (doc); q++)
    {
      const QgQuote *quote = qg_document_get_quote (doc, q);
      guint n_relations;
      const guint *relations = qg_sources_relations_of_quote (sources, q, &n_relations);
      QgHighlight stance = { quote->start, quote->end,
                             n_relations > 0
                             ? qg_document_get_relation (doc, relations[0])->stance : 0 };
      gboolean found = FALSE;

      if (n_relations > 0)
        expected[stance.kind]++;
      if (quote->speaker >= 0)
        expected[QG_HIGHLIGHT_SPEECH]++;
      if (quote->draft)
        expected[QG_HIGHLIGHT_DRAFT]++;
      for (guint i = 0; i < n && n_relations > 0; i++)
        found |= qg_highlight_compare (&highlights[i], &stance) == 0;
      g_assert_true (found || n_relations == 0);
    }
  expected[QG_HIGHLIGHT_MENTION] = n_mentions;
  for (guint i = 0; i < n; i++)
    {
      g_assert_cmpuint (highlights[i].kind, <=, QG_HIGHLIGHT_MENTION);
      counts[highlights[i].kind]++;
      if (i > 0)
        g_assert_cmpint (qg_highlight_compare (&highlights[i - 1], &highlights[i]), <=, 0);
    }
  for (guint k = 0; k <= QG_HIGHLIGHT_MENTION; k++)
    g_assert_cmpuint (counts[k], ==, expected[k]);
  if (n_mentions > 0)
    {
      const QgHighlight *first = &highlights[n - n_mentions];

      g_assert_cmpuint (first->kind, ==, QG_HIGHLIGHT_MENTION);
      g_assert_cmpuint (first->start, ==, mentions[0].start);
      g_assert_cmpuint (first->end, ==, mentions[0].end);
    }
}

static void
test_highlights (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_witnesses (40);
  g_autoptr(QgDocument) small = qg_test_load_small ();
  g_autoptr(QgDocument) earlier = NULL;
  g_autoptr(QgSources) sources = NULL;
  const QgQuote *last;
  guint n;
  const QgHighlight *highlights;

  check_highlights (doc);
  check_highlights (small);
  /* A spoken quote over the first two, made last. */
  {
    QgEdit *edit = qg_edit_new_add_quote (qg_document_get_quote (doc, 0)->start,
                                          qg_document_get_quote (doc, 1)->end);

    qg_edit_set_speaker (edit, qg_document_get_entity (doc, 0)->id);
    earlier = qg_test_apply_ok (doc, edit);
  }
  last = qg_document_get_quote (earlier, qg_document_get_n_quotes (earlier) - 1);
  g_assert_cmpuint (last->start, <,
                    qg_document_get_quote (earlier, qg_document_get_n_quotes (earlier) - 2)->start);
  check_highlights (earlier);
  sources = qg_sources_new (earlier);
  highlights = qg_sources_get_highlights (sources, &n);
  for (guint i = 0; i < n; i++)
    if (highlights[i].kind == QG_HIGHLIGHT_SPEECH)
      {
        g_assert_cmpuint (highlights[i].start, ==, last->start);
        break;
      }
}

/* Byte offsets to characters, as text widgets count them, and back,
 * checked at every character of an article of many-byte ones against a
 * count of GLib's steps from the start. */
static void
test_char_offsets (void)
{
  g_autoptr(QgDocument) doc = qg_test_load_witnesses (1500);
  g_autoptr(QgSources) sources = qg_sources_new (doc);
  gsize length;
  const char *text = qg_document_get_text (doc, &length);
  gboolean split = FALSE;
  glong chars = 0;

  /* Several kilobytes, and a character cut by a 4 KiB boundary. */
  g_assert_cmpuint (length, >, 4 * 4096);
  for (gsize b = 4096; b < length; b += 4096)
    split |= ((guchar) text[b] & 0xC0) == 0x80;
  g_assert_true (split);

  for (const char *p = text; ; p = g_utf8_next_char (p), chars++)
    {
      gsize byte = p - text;

      g_assert_cmpint (qg_sources_char_offset (sources, byte), ==, chars);
      g_assert_cmpuint (qg_sources_byte_offset (sources, chars), ==, byte);
      if (byte == length)
        break;
    }
  /* Past the end, the end. */
  g_assert_cmpuint (qg_sources_byte_offset (sources, G_MAXLONG / 2), ==, length);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/sources/mentions", test_mentions);
  g_test_add_func ("/quotegraph/sources/longest-name-wins", test_longest_name_wins);
  g_test_add_func ("/quotegraph/sources/mentions-as-searched", test_mentions_as_searched);
  g_test_add_func ("/quotegraph/sources/quotes-and-relations", test_quotes_and_relations);
  g_test_add_func ("/quotegraph/sources/char-offsets", test_char_offsets);
  g_test_add_func ("/quotegraph/sources/highlights", test_highlights);

  return g_test_run ();
}
