/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-article-index.h"
#include "qg-document.h"
#include "qg-drafter.h"
#include "qg-drafter-private.h"

/* The drafter's rules, one English news pattern at a time. */

static QgDocument *
draft (const char *text)
{
  g_autoptr(GError) error = NULL;
  QgDocument *doc = qg_drafter_draft (text, -1, "Test", NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

/* The drafted quote whose text begins with @start. */
static const QgQuote *
find_quote (QgDocument *doc,
            const char *start)
{
  for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
    {
      const QgQuote *q = qg_document_get_quote (doc, i);

      if (g_str_has_prefix (q->text, start))
        return q;
    }
  g_error ("no drafted quote begins with “%s”", start);
  return NULL;
}

static const char *
speaker_of (QgDocument *doc,
            const char *start)
{
  const QgQuote *q = find_quote (doc, start);

  return q->speaker >= 0 ? qg_document_get_entity (doc, q->speaker)->name : NULL;
}

static const QgEntity *
find_entity (QgDocument *doc,
             const char *name)
{
  for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
    if (strcmp (qg_document_get_entity (doc, i)->name, name) == 0)
      return qg_document_get_entity (doc, i);
  return NULL;
}

static gboolean
has_alias (const QgEntity *e,
           const char     *alias)
{
  return g_strv_contains (e->aliases, alias);
}

typedef struct
{
  const char *pattern;
  const char *text;
  const char *quote;    /* the quote's first words */
  const char *speaker;
  const char *note;     /* part of the note on the speaker, or NULL for none */
} Attribution;

static const Attribution attributions[] = {
  { "said-after", "\"We will appeal the ruling,\" said Maria Lopez.", "We will appeal",
    "Maria Lopez", NULL },
  { "said-colon", "Maria Lopez said: \"We will appeal the ruling.\"", "We will appeal",
    "Maria Lopez", NULL },
  { "x-said-after", "Maria Lopez is a lawyer in Leeds. \"We will appeal the ruling,\" Lopez said.",
    "We will appeal", "Maria Lopez", NULL },
  { "appositive-said", "\"That company must collaborate with the agency,\" Rob Joyce, the "
    "president's top adviser, said during remarks.", "That company", "Rob Joyce", NULL },
  { "according-to", "According to Maria Lopez, \"the ruling is wrong in every respect.\"",
    "the ruling", "Maria Lopez", NULL },
  { "told-reporters", "Coach Bob Ray told reporters \"we played our best game of the season.\"",
    "we played", "Bob Ray", NULL },
  { "in-a-statement", "Acme Inc. said in a statement that it was \"deeply disappointed\".",
    "deeply disappointed", "Acme Inc.", NULL },
  { "typographic", "“We will appeal the ruling,” said Maria Lopez.", "We will appeal",
    "Maria Lopez", NULL },
  { "pronoun", "Ann Lee spoke after the match on Sunday. \"We were lucky to win tonight,\" she "
    "said.", "We were lucky", "Ann Lee", "“she”" },
  { "pronoun-told", "Helen Marsh addressed the chamber. \"This bill fails the people of "
    "Northfield,\" she told Parliament.", "This bill", "Helen Marsh", "“she”" },
  { "role-appositive", "The Northfield Housing Authority issued a statement on Friday. Its "
    "director, Helen Okafor, said: \"The repairs will begin in May.\"", "The repairs",
    "Helen Okafor", NULL },
  { "spokesperson", "Acme Inc. closed the Leeds factory on Monday. In response to questions "
    "from Reuters, a spokesperson said: \"The decision was not taken lightly.\"",
    "The decision", "Acme Inc.", "“a spokesperson”" },
  { "spokesperson-for", "A spokeswoman for Acme Inc. said: \"The decision was not taken "
    "lightly.\"", "The decision", "Acme Inc.", NULL },
  { "the-company", "Acme Inc. announced the closure on Monday. \"No one will lose their job "
    "this year,\" the company said.", "No one", "Acme Inc.", "“the company”" },
  { "the-coach", "Northfield United beat Leeds on Sunday. Their coach, Bob Ray, was pleased. "
    "\"It was a very hard match for all of us,\" the coach said.", "It was",
    "Bob Ray", "“the coach”" },
  { "abbreviation", "Mr. Smith met Dr. Jones in St. Louis on Monday. \"It went very well "
    "indeed,\" Mr. Smith said.", "It went", "Smith", NULL },
};

static void
test_attribution (gconstpointer data)
{
  const Attribution *a = data;
  g_autoptr(QgDocument) doc = draft (a->text);
  const QgQuote *q = find_quote (doc, a->quote);

  g_assert_cmpstr (speaker_of (doc, a->quote), ==, a->speaker);
  if (a->note == NULL)
    g_assert_null (q->note);
  else
    {
      g_assert_nonnull (q->note);
      g_assert_nonnull (strstr (q->note, a->note));
    }
  g_assert_true (q->draft);
}

static void
test_split_quote (void)
{
  g_autoptr(QgDocument) doc = draft ("\"We won,\" Ann Lee said. \"It was the best night of my "
                                     "life.\"");
  const QgQuote *second = find_quote (doc, "It was the best");

  g_assert_cmpstr (speaker_of (doc, "We won"), ==, "Ann Lee");
  g_assert_cmpstr (speaker_of (doc, "It was the best"), ==, "Ann Lee");
  g_assert_nonnull (strstr (second->note, "goes on"));
  /* "We won" has its comma outside: the sentence's, not the speaker's. */
  g_assert_cmpstr (find_quote (doc, "We won")->text, ==, "We won");
}

static void
test_paragraphs (void)
{
  const char *text = "Ann Lee said: \"The first part of the quote is here, in one paragraph.\n\n"
                     "\"And the second paragraph goes on and ends it.\"\n\n"
                     "The match was played in Leeds.";
  g_autoptr(QgDocument) doc = draft (text);
  const QgQuote *q = find_quote (doc, "The first part");

  /* One quote over both paragraphs, the reopening mark and all. */
  g_assert_nonnull (strstr (q->text, "ends it."));
  g_assert_cmpstr (speaker_of (doc, "The first part"), ==, "Ann Lee");
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 1);
}

static void
test_scare_quotes (void)
{
  g_autoptr(QgDocument) doc = draft ("The so-called \"experts\" were wrong, the report by Acme "
                                     "Inc. found.");

  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 0);
}

static void
test_sentences (void)
{
  const char *text = "Mr. Smith went to Washington on Monday. He met Dr. Jones of the U.S. Army "
                     "at 3.30 p.m. in St. Louis. Acme Inc. said nothing.";
  QgDraftText t = { 0 };

  t.text = text;
  t.len = strlen (text);
  qg_draft_text_read (&t);
  /* ICU's suppressions: "Mr.", "Dr.", "U.S.", "St.", "Inc." end no sentence. */
  g_assert_cmpuint (t.sentences->len, ==, 3);
  qg_draft_text_clear (&t);
}

static void
test_entities (void)
{
  const char *text =
    "The Northfield Housing Authority (NHA) raised rents in March. Priya Raman, the "
    "authority's chief executive, said: \"We had no choice.\"\n\n"
    "The NHA owns 4,000 homes. Raman said the authority would review the rise. Dan Tentler, "
    "founder of Phobos Group, said: \"The authority has ignored its tenants for years.\"\n\n"
    "Acting Secretary of Homeland Security Elaine Duke spoke on Wednesday. \"The risk is "
    "real,\" Duke said.";
  g_autoptr(QgDocument) doc = draft (text);
  const QgEntity *nha = find_entity (doc, "Northfield Housing Authority");
  const QgEntity *raman = find_entity (doc, "Priya Raman");
  const QgEntity *duke = find_entity (doc, "Elaine Duke");
  gboolean founder = FALSE, chief = FALSE;

  g_assert_nonnull (nha);
  g_assert_cmpstr (nha->kind, ==, "agency");
  g_assert_true (has_alias (nha, "NHA"));
  g_assert_true (has_alias (nha, "the authority"));
  g_assert_nonnull (raman);
  g_assert_cmpstr (raman->kind, ==, "person");
  g_assert_true (has_alias (raman, "Raman"));
  g_assert_cmpstr (raman->description, ==, "the authority's chief executive");
  g_assert_nonnull (duke);
  g_assert_cmpstr (duke->kind, ==, "person");
  g_assert_cmpstr (duke->description, ==, "Acting Secretary of Homeland Security");
  g_assert_true (has_alias (duke, "Duke"));
  g_assert_cmpstr (find_entity (doc, "Phobos Group")->kind, ==, "company");
  /* No entity for what is capitalised for position or as a day. */
  g_assert_null (find_entity (doc, "Wednesday"));
  g_assert_null (find_entity (doc, "Acting Secretary"));
  g_assert_null (find_entity (doc, "The Northfield Housing Authority"));
  g_assert_null (find_entity (doc, "NHA"));

  g_assert_cmpstr (speaker_of (doc, "We had"), ==, "Priya Raman");
  g_assert_cmpstr (speaker_of (doc, "The authority has"), ==, "Dan Tentler");
  g_assert_cmpstr (speaker_of (doc, "The risk"), ==, "Elaine Duke");
  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *r = qg_document_get_relation (doc, i);
      const char *source = qg_document_get_entity (doc, r->source)->name;
      const char *target = qg_document_get_entity (doc, r->target)->name;

      g_assert_true (r->draft);
      g_assert_cmpuint (r->n_evidence, >=, 1);
      founder |= strcmp (source, "Dan Tentler") == 0 && strcmp (target, "Phobos Group") == 0
                 && strcmp (r->label, "is founder of") == 0;
      chief |= strcmp (source, "Priya Raman") == 0
               && strcmp (target, "Northfield Housing Authority") == 0
               && strcmp (r->label, "is chief executive of") == 0;
    }
  g_assert_true (founder);
  g_assert_true (chief);
}

static void
test_says_of (void)
{
  g_autoptr(QgDocument) doc = draft ("\"Acme Inc. has let the people of Leeds down,\" said "
                                     "Maria Lopez.");
  gboolean found = FALSE;

  for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
    {
      const QgRelation *r = qg_document_get_relation (doc, i);
      const QgQuote *q = qg_document_get_quote (doc, r->evidence[0]);

      if (strcmp (qg_document_get_entity (doc, r->source)->name, "Maria Lopez") == 0
          && strcmp (qg_document_get_entity (doc, r->target)->name, "Acme Inc.") == 0)
        {
          found = TRUE;
          g_assert_cmpstr (r->label, ==, "says of");
          g_assert_cmpint (r->stance, ==, QG_STANCE_NEUTRAL);
          g_assert_true (g_str_has_prefix (q->text, "Acme Inc. has let"));
        }
    }
  g_assert_true (found);
}

static void
test_same_every_time (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kaspersky",
                                                 "kaspersky-us-ban.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) first = NULL;
  g_autoptr(QgDocument) second = NULL;
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  first = draft (text);
  second = draft (text);
  a = qg_document_to_json (first, NULL, NULL);
  b = qg_document_to_json (second, NULL, NULL);
  g_assert_cmpstr (a, ==, b);
  for (guint i = 0; i < qg_document_get_n_entities (first); i++)
    g_assert_true (qg_document_get_entity (first, i)->draft);
  for (guint i = 0; i < qg_document_get_n_quotes (first); i++)
    g_assert_true (qg_document_get_quote (first, i)->draft);
}

static void
test_no_title (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_drafter_draft ("\n  Acme wins the cup\n\nIt was close.", -1,
                                                NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (qg_document_get_title (doc), ==, "Acme wins the cup");
}

static void
test_bad_input (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_drafter_draft ("Caf\xe9", -1, "Test", NULL, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
}

/* No text at all, as the API allows (NULL, 0), and no title: refused as a
 * blank article is, not a crash looking for a first line. */
static void
test_no_text (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_drafter_draft (NULL, 0, NULL, NULL, NULL, NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
}

/* A verb of speech that opens the article, after a comma: the look back
 * for "X, the Y of Z, said" has nothing before it to look at, and must
 * not wrap round to the article's end (it named Acme Group, after some
 * four billion steps). */
static void
test_verb_opens_article (void)
{
  g_autoptr(QgDocument) doc = draft (", said \"We will win this case soon\" and more.\n\n"
                                     "Later the Acme Group, spoke.");

  g_assert_null (speaker_of (doc, "We will win"));
}

/* An article of a million one-line paragraphs: each
 * is a sentence, read in linear time (the break iterator was built anew
 * for each, a fifth of a millisecond: over three minutes for this one,
 * past the suite's timeout). */
static void
test_many_paragraphs (void)
{
  const guint lines = 1000000;
  g_autoptr(GString) text = g_string_sized_new (2 * lines);
  QgDraftText t = { 0 };

  for (guint i = 0; i < lines; i++)
    g_string_append (text, "a\n");
  t.text = text->str;
  t.len = text->len;
  qg_draft_text_read (&t);
  g_assert_cmpuint (t.paragraphs->len, ==, lines);
  g_assert_cmpuint (t.sentences->len, ==, lines);
  g_assert_cmpuint (t.tokens->len, ==, lines);
  qg_draft_text_clear (&t);
}

/* Articles made of the pieces the rules look at, in every order: the
 * drafter always gives a valid document, and never reads out of bounds
 * (run under the sanitizers). */
static void
test_any_text (void)
{
  static const char * const pieces[] = {
    "\"", "“", "”", "'", "’s", " ", " ", " ", "\n", "\n\n", ",", ".", ":", "(", ")", "U.S.",
    "Mr.", "Dr.", "said", "told", "according to", "he", "she", "it", "the company", "its",
    "a spokesperson", "for", "of", "the", "The", "Acme", "Inc.", "Ann", "Lee", "NHA", "Group",
    "founder", "CEO", "Wednesday", "Russian", "حسن", "e\u0301", "ß", "İ", "𝔄", "-", "&",
  };
  GRand *rand = g_rand_new_with_seed (11);

  for (guint round = 0; round < 400; round++)
    {
      /* Half of them open with a piece, not a title: the rules look
       * before a word too. */
      g_autoptr(GString) text = g_string_new (round % 2 == 0 ? "Title\n\n" : NULL);
      guint n = g_rand_int_range (rand, 1, 200);
      g_autoptr(QgDocument) doc = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (text, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      /* An article of white space only is refused, as it should be. */
      if (qg_article_is_blank (text->str))
        continue;
      doc = draft (text->str);
      for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
        {
          const QgQuote *q = qg_document_get_quote (doc, i);

          g_assert_cmpuint (q->end, <=, text->len);
          g_assert_cmpuint (q->start, <, q->end);
        }
    }
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (attributions); i++)
    {
      g_autofree char *path = g_strdup_printf ("/quotegraph/drafter/attribution/%s",
                                               attributions[i].pattern);

      g_test_add_data_func (path, &attributions[i], test_attribution);
    }
  g_test_add_func ("/quotegraph/drafter/split-quote", test_split_quote);
  g_test_add_func ("/quotegraph/drafter/paragraphs", test_paragraphs);
  g_test_add_func ("/quotegraph/drafter/scare-quotes", test_scare_quotes);
  g_test_add_func ("/quotegraph/drafter/sentences", test_sentences);
  g_test_add_func ("/quotegraph/drafter/entities", test_entities);
  g_test_add_func ("/quotegraph/drafter/says-of", test_says_of);
  g_test_add_func ("/quotegraph/drafter/same-every-time", test_same_every_time);
  g_test_add_func ("/quotegraph/drafter/no-title", test_no_title);
  g_test_add_func ("/quotegraph/drafter/bad-input", test_bad_input);
  g_test_add_func ("/quotegraph/drafter/no-text", test_no_text);
  g_test_add_func ("/quotegraph/drafter/verb-opens-article", test_verb_opens_article);
  g_test_add_func ("/quotegraph/drafter/many-paragraphs", test_many_paragraphs);
  g_test_add_func ("/quotegraph/drafter/any-text", test_any_text);

  return g_test_run ();
}
