/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-article-index.h"

/* Finds one passage; returns whether it was found. */
static gboolean
find_one (const char *article,
          const char *text,
          guint       occurrence,
          QgPassage  *out)
{
  g_autoptr(QgArticleIndex) index = qg_article_index_new (article, strlen (article));

  memset (out, 0, sizeof *out);
  out->text = text;
  out->occurrence = occurrence;
  qg_article_index_find (index, out, 1);
  return out->found;
}

static char *
slice (const char      *article,
       const QgPassage *p)
{
  return g_strndup (article + p->start, p->end - p->start);
}

static void
test_whitespace_runs_match (void)
{
  const char *article = "Duke said:  \"The   risk\n\tthat the Russian\r\ngovernment\" is real.";
  QgPassage p;
  g_autofree char *found = NULL;

  g_assert_true (find_one (article, "The risk that the Russian government", 1, &p));
  found = slice (article, &p);
  /* The range is the article's own bytes, white space and all. */
  g_assert_cmpstr (found, ==, "The   risk\n\tthat the Russian\r\ngovernment");

  /* Any run matches any run, both ways. */
  g_assert_true (find_one ("a b", "a \n\t b", 1, &p));
  g_assert_cmpuint (p.start, ==, 0);
  g_assert_cmpuint (p.end, ==, 3);
}

static void
test_whitespace_is_not_optional (void)
{
  QgPassage p;

  g_assert_false (find_one ("The risk is real", "Therisk", 1, &p));
  g_assert_false (find_one ("Therisk is real", "The risk", 1, &p));
}

static void
test_exact_characters (void)
{
  QgPassage p;

  g_assert_false (find_one ("Best Buy chain sazid it", "Best Buy chain said it", 1, &p));
  g_assert_true (find_one ("Best Buy chain sazid it", "Best Buy chain sazid it", 1, &p));
  g_assert_false (find_one ("Kaspersky Lab", "kaspersky lab", 1, &p));
}

static void
test_occurrence (void)
{
  const char *article = "It said no. Then it said no. And again it said no.";
  QgPassage p;

  g_assert_true (find_one (article, "it said no", 1, &p));
  g_assert_cmpuint (p.start, ==, 17);
  g_assert_true (find_one (article, "it said no", 2, &p));
  g_assert_cmpuint (p.start, ==, 39);
  g_assert_false (find_one (article, "it said no", 3, &p));
  g_assert_cmpuint (p.count, ==, 2);

  /* Short passages take another path through the index. */
  g_assert_true (find_one (article, "no.", 3, &p));
  g_assert_cmpuint (p.start, ==, 47);
  g_assert_false (find_one (article, "no.", 4, &p));
  g_assert_cmpuint (p.count, ==, 3);
}

static void
test_overlapping_occurrences_count (void)
{
  QgPassage p;

  /* Occurrences are start positions: "aaaa aaaa" holds "aaaa aaa" twice. */
  g_assert_true (find_one ("aaaa aaaa aaaa", "aaaa aaa", 2, &p));
  g_assert_cmpuint (p.start, ==, 5);
  g_assert_true (find_one ("xaaaa", "aa", 3, &p));
  g_assert_cmpuint (p.start, ==, 3);
}

static void
test_multibyte_utf8 (void)
{
  const char *article = "Café owners in Zürich said “no comment” — naïvely.";
  QgPassage p;
  g_autofree char *found = NULL;

  g_assert_true (find_one (article, "Zürich said “no comment” — naïvely", 1, &p));
  found = slice (article, &p);
  g_assert_cmpstr (found, ==, "Zürich said “no comment” — naïvely");
  g_assert_cmpuint (p.start, ==, strlen ("Café owners in "));

  g_assert_true (find_one (article, "é", 1, &p));
  g_assert_cmpuint (p.start, ==, 3);
  g_assert_cmpuint (p.end, ==, 5);
}

static void
test_typographic_quotes_not_folded (void)
{
  const char *article = "He said “yes” and 'maybe'.";
  g_autoptr(QgArticleIndex) index = qg_article_index_new (article, strlen (article));
  QgPassage p;

  g_assert_false (find_one (article, "\"yes\"", 1, &p));
  g_assert_false (find_one (article, "‘maybe’", 1, &p));
  g_assert_true (find_one (article, "“yes”", 1, &p));

  /* Folding is only used to explain a miss. */
  g_assert_true (qg_article_index_found_if_folded (index, "\"yes\""));
  g_assert_true (qg_article_index_found_if_folded (index, "‘maybe’"));
  g_assert_false (qg_article_index_found_if_folded (index, "\"no\""));
}

static void
test_many_passages_sharing_a_prefix (void)
{
  const char *article = "The company said A. The company said B. The company said C.";
  QgPassage p[4] = {
    { .text = "The company said C", .occurrence = 1 },
    { .text = "The company said A", .occurrence = 1 },
    { .text = "The company said", .occurrence = 3 },
    { .text = "The company said D", .occurrence = 1 },
  };
  g_autoptr(QgArticleIndex) index = qg_article_index_new (article, strlen (article));

  qg_article_index_find (index, p, G_N_ELEMENTS (p));
  g_assert_true (p[0].found);
  g_assert_cmpuint (p[0].start, ==, 40);
  g_assert_true (p[1].found);
  g_assert_cmpuint (p[1].start, ==, 0);
  g_assert_true (p[2].found);
  g_assert_cmpuint (p[2].start, ==, 40);
  g_assert_false (p[3].found);
  g_assert_cmpuint (p[3].count, ==, 0);
}

static void
test_passage_at_the_very_end (void)
{
  QgPassage p;

  g_assert_true (find_one ("ends with the words", "with the words", 1, &p));
  g_assert_cmpuint (p.end, ==, strlen ("ends with the words"));
  g_assert_false (find_one ("ends with the words", "with the words!", 1, &p));
  g_assert_true (find_one ("12345678", "12345678", 1, &p));
}

static void
test_longest_prefix (void)
{
  const char *article = "The reason all this drama is happening is because there were articles";
  g_autoptr(QgArticleIndex) index = qg_article_index_new (article, strlen (article));
  g_autofree char *a = qg_article_index_longest_prefix (index, "The reason all this drama is "
                                                        "happening is due to reports");
  g_autofree char *b = qg_article_index_longest_prefix (index, "Nothing like it");
  g_autofree char *c = qg_article_index_longest_prefix (index, "The  reason\nall those");

  /* A dangling space is dropped; white space is shown collapsed. */
  g_assert_cmpstr (a, ==, "The reason all this drama is happening is");
  g_assert_cmpstr (b, ==, "");
  g_assert_cmpstr (c, ==, "The reason all th");
}

static void
test_longest_prefix_never_cuts_a_character (void)
{
  const char *article = "Zürich and Zug";
  g_autoptr(QgArticleIndex) index = qg_article_index_new (article, strlen (article));
  /* "Z\xC3\xBC" occurs; "Z\xC3\xB6" (Zö) shares the lead byte 0xC3 only. */
  g_autofree char *prefix = qg_article_index_longest_prefix (index, "Zörich");

  g_assert_cmpstr (prefix, ==, "Z");
  g_assert_true (g_utf8_validate (prefix, -1, NULL));
}

/* The index against a plain search, on many passages of a random article. */
static void
test_agrees_with_plain_search (void)
{
  static const char * const words[] = {
    "the", "company", "said", "Kaspersky", "risk", "ban", "café", "Zürich", "“no”", "a", "of",
  };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20171113);
  g_autoptr(GString) article = g_string_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  g_autofree QgPassage *passages = NULL;
  g_autoptr(QgArticleIndex) index = NULL;
  g_autoptr(GRegex) space = NULL;
  g_autofree char *collapsed = NULL;
  guint n = 400;

  for (guint i = 0; i < 20000; i++)
    {
      g_string_append (article, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
      g_string_append (article, g_rand_int_range (rand, 0, 10) == 0 ? " \n " : " ");
    }
  index = qg_article_index_new (article->str, article->len);

  passages = g_new0 (QgPassage, n);
  for (guint i = 0; i < n; i++)
    {
      GString *t = g_string_new (NULL);
      guint n_words = g_rand_int_range (rand, 1, 6);

      for (guint w = 0; w < n_words; w++)
        {
          if (w > 0)
            g_string_append_c (t, ' ');
          g_string_append (t, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
        }
      g_ptr_array_add (texts, g_string_free (t, FALSE));
      passages[i].text = g_ptr_array_index (texts, i);
      passages[i].occurrence = g_rand_int_range (rand, 1, 40);
    }
  qg_article_index_find (index, passages, n);

  /* The plain way: collapse the article's white space, then search. */
  space = g_regex_new ("\\s+", 0, 0, NULL);
  collapsed = g_regex_replace_literal (space, article->str, -1, 0, " ", 0, NULL);

  guint n_found = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *at = collapsed;
      guint count = 0;
      const char *nth = NULL;

      while ((at = strstr (at, passages[i].text)) != NULL)
        {
          if (++count == passages[i].occurrence)
            nth = at;
          at++;
        }

      g_assert_cmpint (passages[i].found, ==, nth != NULL);
      n_found += passages[i].found;
      if (nth == NULL)
        {
          g_assert_cmpuint (passages[i].count, ==, count);
        }
      else
        {
          g_autofree char *found = g_strndup (article->str + passages[i].start,
                                              passages[i].end - passages[i].start);
          g_autofree char *refound = g_regex_replace_literal (space, found, -1, 0, " ", 0, NULL);
          g_assert_cmpstr (refound, ==, passages[i].text);
        }
    }
  /* Both paths were taken, many times. */
  g_assert_cmpuint (n_found, >, n / 4);
  g_assert_cmpuint (n_found, <, n);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/article-index/whitespace-runs-match", test_whitespace_runs_match);
  g_test_add_func ("/quotegraph/article-index/whitespace-is-not-optional",
                   test_whitespace_is_not_optional);
  g_test_add_func ("/quotegraph/article-index/exact-characters", test_exact_characters);
  g_test_add_func ("/quotegraph/article-index/occurrence", test_occurrence);
  g_test_add_func ("/quotegraph/article-index/overlapping-occurrences-count",
                   test_overlapping_occurrences_count);
  g_test_add_func ("/quotegraph/article-index/multibyte-utf8", test_multibyte_utf8);
  g_test_add_func ("/quotegraph/article-index/typographic-quotes-not-folded",
                   test_typographic_quotes_not_folded);
  g_test_add_func ("/quotegraph/article-index/many-passages-sharing-a-prefix",
                   test_many_passages_sharing_a_prefix);
  g_test_add_func ("/quotegraph/article-index/passage-at-the-very-end",
                   test_passage_at_the_very_end);
  g_test_add_func ("/quotegraph/article-index/longest-prefix", test_longest_prefix);
  g_test_add_func ("/quotegraph/article-index/longest-prefix-never-cuts-a-character",
                   test_longest_prefix_never_cuts_a_character);
  g_test_add_func ("/quotegraph/article-index/agrees-with-plain-search",
                   test_agrees_with_plain_search);

  return g_test_run ();
}
