/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Drafting a map of a 10,000-word article, the measure ("well
 * under a second"), beside reading the same text as an article, the step
 * before it. A benchmark: it prints what it measures and asserts nothing
 * of time. The article is the evaluation articles and the Kaspersky one,
 * given as arguments, one after another until it is long enough. */
#include "config.h"

#include <stdlib.h>

#include "qg-article-draft.h"
#include "qg-drafter.h"
#include "bench-stats.h"

#define ROUNDS    9
#define MIN_WORDS 10000

static guint
count_words (const char *text)
{
  gboolean in_word = FALSE;
  guint n = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gboolean space = g_unichar_isspace (g_utf8_get_char (p));

      if (!space && !in_word)
        n++;
      in_word = !space;
    }
  return n;
}

static void
report (const char *what,
        double     *ms)
{
  qsort (ms, ROUNDS, sizeof *ms, bench_compare_doubles);
  g_print ("%-44s median %8.2f ms, slowest %8.2f ms\n", what, ms[ROUNDS / 2], ms[ROUNDS - 1]);
}

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) article = g_string_new (NULL);
  double read_ms[ROUNDS], draft_ms[ROUNDS];
  guint words = 0, n_entities = 0, n_quotes = 0, n_relations = 0;

  if (argc < 2)
    {
      g_printerr ("usage: %s ARTICLE.txt…\n", argv[0]);
      return 2;
    }
  while (words < MIN_WORDS)
    for (int i = 1; i < argc; i++)
      {
        g_autofree char *text = NULL;
        g_autoptr(GError) error = NULL;

        if (!g_file_get_contents (argv[i], &text, NULL, &error))
          g_error ("%s", error->message);
        if (article->len > 0)
          g_string_append (article, "\n\n");
        g_string_append (article, g_strchomp (text));
        words = count_words (article->str);
      }

  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(QgArticleDraft) read = NULL;
      g_autoptr(QgDocument) doc = NULL;
      g_autoptr(GError) error = NULL;
      gint64 start = g_get_monotonic_time ();

      read = qg_article_draft_from_data (article->str, article->len, "long-article.txt", &error);
      read_ms[round] = ms_since (start);
      g_assert_no_error (error);

      start = g_get_monotonic_time ();
      doc = qg_drafter_draft (read->text, read->length, "A long article", NULL, NULL, NULL,
                              &error);
      draft_ms[round] = ms_since (start);
      g_assert_no_error (error);
      n_entities = qg_document_get_n_entities (doc);
      n_quotes = qg_document_get_n_quotes (doc);
      n_relations = qg_document_get_n_relations (doc);
    }

  g_print ("article: %u words, %zu bytes, %d articles over and over; drafted: %u entities, "
           "%u quotes, %u relations (%d runs)\n", words, (size_t) article->len, argc - 1,
           n_entities, n_quotes, n_relations, ROUNDS);
  report ("qg_drafter_draft:", draft_ms);
  report ("qg_article_draft_from_data (reference):", read_ms);
  return 0;
}
