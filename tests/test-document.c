/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "qg-cli.h"
#include "qg-document.h"
#include "qg-test-utils.h"

static QgDocument *
load_test_file (const char  *dir,
                const char  *name,
                GError     **error)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return qg_document_load (file, name, NULL, error);
}

static QgDocument *
load_valid (const char *name)
{
  g_autoptr(GError) error = NULL;
  QgDocument *doc = load_test_file ("valid", name, &error);

  g_assert_no_error (error);
  g_assert_nonnull (doc);
  return doc;
}

static char *
quote_slice (QgDocument    *doc,
             const QgQuote *q)
{
  const char *text = qg_document_get_text (doc, NULL);

  return g_strndup (text + q->start, q->end - q->start);
}

/* ------------------------------------------------------------------------ */
/* Every broken document in tests/data/broken gives exactly the error beside it */

static void
test_broken_document (gconstpointer data)
{
  const char *name = data;
  g_autofree char *json = g_strconcat (name, ".json", NULL);
  g_autofree char *err_path = g_test_build_filename (G_TEST_DIST, "data", "broken", name, NULL);
  g_autofree char *err_file = g_strconcat (err_path, ".err", NULL);
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);
  g_autofree char *expected_raw = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) read_error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(GString) subst = NULL;

  g_file_get_contents (err_file, &expected_raw, NULL, &read_error);
  g_assert_no_error (read_error);

  /* .err files name the test data folder as @DIR@. */
  subst = g_string_new (expected_raw);
  g_string_replace (subst, "@DIR@", dir, 0);
  g_strchomp (subst->str);
  expected = g_strdup (subst->str);

  doc = load_test_file ("broken", json, &error);
  g_assert_null (doc);
  g_assert_nonnull (error);
  g_assert_cmpstr (error->message, ==, expected);
  g_assert_true (error->domain == QG_DOCUMENT_ERROR);
  if (g_str_has_prefix (name, "syntax-"))
    g_assert_cmpint (error->code, ==, QG_DOCUMENT_ERROR_SYNTAX);
  else
    g_assert_cmpint (error->code, ==, QG_DOCUMENT_ERROR_INVALID);
}

static void
add_broken_document_tests (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "broken", NULL);

  qg_test_add_per_json_file ("/quotegraph/document/broken/", dir, 70, test_broken_document);
}

/* ------------------------------------------------------------------------ */
/* Valid documents                                                           */

static void
test_valid_document_model (void)
{
  g_autoptr(QgDocument) doc = load_valid ("small.json");
  const QgQuote *q;
  const QgRelation *r;
  g_autofree char *s0 = NULL;
  g_autofree char *s1 = NULL;
  g_autofree char *s2 = NULL;
  g_autofree char *s3 = NULL;

  g_assert_cmpstr (qg_document_get_title (doc), ==, "Small test");
  g_assert_cmpstr (qg_document_get_source (doc), ==, "Quotegraph test suite");
  g_assert_cmpstr (qg_document_get_published (doc), ==, "2017-09-13");
  g_assert_cmpuint (qg_document_get_n_entities (doc), ==, 3);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 4);
  g_assert_cmpuint (qg_document_get_n_relations (doc), ==, 3);

  g_assert_cmpstr (qg_document_get_entity (doc, 1)->aliases[0], ==, "the Agency");
  g_assert_cmpstr (qg_document_get_entity (doc, 1)->aliases[1], ==, "regulator");
  g_assert_null (qg_document_get_entity (doc, 1)->aliases[2]);
  g_assert_null (qg_document_get_entity (doc, 2)->description);
  g_assert_cmpstr (qg_document_get_entity (doc, 2)->kind, ==, "guild");
  g_assert_cmpint (qg_document_find_entity (doc, "cafe"), ==, 2);
  g_assert_cmpint (qg_document_find_entity (doc, "acme-refuses"), ==, -1);

  /* Each quote is mapped to its exact bytes in the article. */
  q = qg_document_get_quote (doc, 0);
  s0 = quote_slice (doc, q);
  g_assert_cmpstr (s0, ==, "will not comply");
  g_assert_cmpuint (q->start, ==, 34);
  q = qg_document_get_quote (doc, 1);
  s1 = quote_slice (doc, q);
  g_assert_cmpstr (s1, ==, "We  expect\tcompliance");
  g_assert_cmpint (q->speaker, ==, 1);
  q = qg_document_get_quote (doc, 2);
  s2 = quote_slice (doc, q);
  g_assert_cmpstr (s2, ==, "will not comply");
  g_assert_cmpuint (q->occurrence, ==, 2);
  g_assert_cmpuint (q->start, >, qg_document_get_quote (doc, 0)->start);
  g_assert_cmpstr (q->note, ==, "Reported speech");
  q = qg_document_get_quote (doc, 3);
  s3 = quote_slice (doc, q);
  g_assert_cmpstr (s3, ==, "“no comment”");

  r = qg_document_get_relation (doc, 0);
  g_assert_cmpstr (r->id, ==, "acme-defies");
  g_assert_cmpint (r->source, ==, 0);
  g_assert_cmpint (r->target, ==, 1);
  g_assert_cmpint (r->stance, ==, QG_STANCE_OPPOSE);
  g_assert_cmpuint (r->n_evidence, ==, 2);
  g_assert_cmpuint (r->evidence[1], ==, 2);
  /* Stance defaults to neutral. */
  g_assert_cmpint (qg_document_get_relation (doc, 1)->stance, ==, QG_STANCE_NEUTRAL);
  /* A relation may point at its own source. */
  r = qg_document_get_relation (doc, 2);
  g_assert_cmpint (r->source, ==, r->target);
}

static void
test_text_file_and_unknown_members (void)
{
  g_autoptr(QgDocument) inline_doc = load_valid ("small.json");
  g_autoptr(QgDocument) file_doc = load_valid ("small-text-file.json");
  gsize len_a, len_b;
  const char *a = qg_document_get_text (inline_doc, &len_a);
  const char *b = qg_document_get_text (file_doc, &len_b);

  g_assert_cmpmem (a, len_a, b, len_b);
  for (guint i = 0; i < qg_document_get_n_quotes (inline_doc); i++)
    {
      g_assert_cmpuint (qg_document_get_quote (inline_doc, i)->start, ==,
                        qg_document_get_quote (file_doc, i)->start);
      g_assert_cmpuint (qg_document_get_quote (inline_doc, i)->end, ==,
                        qg_document_get_quote (file_doc, i)->end);
    }
  g_assert_nonnull (qg_document_get_file (file_doc));
  g_assert_null (qg_document_get_text_file (inline_doc));
  {
    g_autofree char *text = NULL;
    gsize length;

    g_assert_true (g_file_load_contents (qg_document_get_text_file (file_doc), NULL, &text,
                                         &length, NULL, NULL));
    g_assert_cmpmem (text, length, b, len_b);
  }
}

/* Entities found by a name as a person reads it: in any case, by another
 * of their names, and never the one left out. */
static void
test_entity_named (void)
{
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);
  g_autoptr(QgNameIndex) names = NULL;
  gint best_buy, duke;
  const char *as_written = NULL;

  g_assert_no_error (error);
  names = qg_name_index_new (doc);
  best_buy = qg_document_find_entity (doc, "best-buy");
  duke = qg_document_find_entity (doc, "duke");
  g_assert_cmpint (qg_name_index_find (names, "bEST bUY", -1, &as_written), ==, best_buy);
  g_assert_cmpstr (as_written, ==, "Best Buy");
  g_assert_cmpint (qg_name_index_find (names, "duke", -1, &as_written), ==, duke);
  g_assert_cmpstr (as_written, ==, "Duke");
  g_assert_cmpint (qg_name_index_find (names, "Best Buy", best_buy, NULL), ==, -1);
  g_assert_cmpint (qg_name_index_find (names, "Best", -1, NULL), ==, -1);
  g_assert_cmpint (qg_name_index_find (names, "", -1, NULL), ==, -1);
}

static void
test_bundled_kaspersky_map (void)
{
  static const char * const required[] = {
    "dhs", "duke", "kaspersky-lab", "eugene-kaspersky", "fsb", "russian-government",
    "us-federal-government", "us-intelligence", "shaheen", "best-buy", "amazon", "newegg",
    "buzzfeed-news", "reuters", "the-bell", "tentler", "phobos-group", "joyce", "trump",
    "us-cyber-executives",
  };
  /* The seven direct quotes of the article, and who says them. */
  static const struct { const char *start; const char *speaker; gboolean inferred; } direct[] = {
    { "do not have inappropriate ties", "kaspersky-lab", FALSE },
    { "The risk that the Russian government", "duke", FALSE },
    { "The company does regularly work", "kaspersky-lab", TRUE },
    { "As we evaluated the technology", "best-buy", TRUE },
    { "The reason all this drama", "tentler", FALSE },
    { "No credible evidence", "kaspersky-lab", FALSE },
    { "Under Russian law that company", "joyce", FALSE },
  };
  g_autoptr(GFile) file = qg_bundled_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load (file, "kaspersky-us-ban.json", NULL, &error);
  g_autoptr(GBytes) article = NULL;
  gsize text_len;
  const char *text;
  g_autofree char *shared = NULL;
  gsize shared_len;

  g_assert_no_error (error);
  g_assert_cmpstr (qg_document_get_title (doc), ==,
                   "Kaspersky: US government removes Russian security software");

  /* The article is shipped verbatim, typos and all. */
  text = qg_document_get_text (doc, &text_len);
  g_assert_nonnull (strstr (text, "Best Buy chain sazid it"));
  {
    g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "kaspersky",
                                                   "kaspersky-us-ban.txt", NULL);
    g_file_get_contents (path, &shared, &shared_len, &error);
    g_assert_no_error (error);
    g_assert_cmpmem (text, text_len, shared, shared_len);
  }

  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    {
      g_test_message ("entity %s", required[i]);
      g_assert_cmpint (qg_document_find_entity (doc, required[i]), >=, 0);
    }
  g_assert_cmpuint (qg_document_get_n_relations (doc), >=, 20);

  for (guint d = 0; d < G_N_ELEMENTS (direct); d++)
    {
      gboolean seen = FALSE;

      for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
        {
          const QgQuote *q = qg_document_get_quote (doc, i);
          g_autofree char *s = quote_slice (doc, q);

          if (!g_str_has_prefix (s, direct[d].start))
            continue;
          seen = TRUE;
          g_assert_cmpint (q->speaker, >=, 0);
          g_assert_cmpstr (qg_document_get_entity (doc, q->speaker)->id, ==, direct[d].speaker);
          /* The quote is the words spoken, inside the article's quote marks. */
          g_assert_cmpint (text[q->start - 1], ==, '"');
          g_assert_cmpint (text[q->end], ==, '"');
          if (direct[d].inferred)
            g_assert_nonnull (q->note);
        }
      g_assert_true (seen);
    }

  /* Every relation has evidence and every entity takes part in one. */
  {
    g_autofree guint *degree = g_new0 (guint, qg_document_get_n_entities (doc));

    for (guint i = 0; i < qg_document_get_n_relations (doc); i++)
      {
        const QgRelation *r = qg_document_get_relation (doc, i);
        g_assert_cmpuint (r->n_evidence, >=, 1);
        degree[r->source]++;
        degree[r->target]++;
      }
    for (guint i = 0; i < qg_document_get_n_entities (doc); i++)
      g_assert_cmpuint (degree[i], >, 0);
  }
}

/* ------------------------------------------------------------------------ */
/* Files and limits                                                          */

static void
test_unreadable_file (void)
{
  g_autoptr(GFile) file = g_file_new_for_path ("/nonexistent/missing.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load (file, "missing.json", NULL, &error);

  g_assert_null (doc);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "missing.json: cannot read the file: no such file");
}

static void
test_too_large_file_refused_before_reading (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-test-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "huge.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  int fd = g_open (path, O_CREAT | O_WRONLY, 0600);

  /* A sparse file: its size is over the limit, its content never read. */
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, QG_DOCUMENT_MAX_BYTES + 1), ==, 0);
  close (fd);

  doc = qg_document_load (file, "huge.json", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==,
                   "huge.json: the file is larger than 64 MB, the most Quotegraph opens");
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_no_text_file_without_a_folder (void)
{
  const char *json = "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", "
                     "\"text_file\": \"a.txt\"}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
                     "\"kind\": \"person\"}], \"quotes\": [], \"relations\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "stdin",
                                                          NULL, &error);

  g_assert_null (doc);
  g_assert_cmpstr (error->message, ==,
                   "stdin:1: article.text_file: the document was not read from a file, so "
                   "\"a.txt\" cannot be found; use \"text\"");
}

static void
test_minimal_document (void)
{
  /* Quotes and relations may be empty; one entity is enough. */
  const char *json = "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", "
                     "\"text\": \"\"}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
                     "\"kind\": \"person\"}], \"quotes\": [], \"relations\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "min",
                                                          NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_get_n_entities (doc), ==, 1);
  g_assert_null (qg_document_get_source (doc));
  g_assert_null (qg_document_get_published (doc));
}

/* FORMAT.md: entities may be empty, a map being started. Quotes need no
 * speaker, so a map may hold quotes before it has any entity. */
static void
test_empty_map (void)
{
  g_autoptr(QgDocument) doc = load_valid ("empty-map.json");
  const char *json = "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", "
                     "\"text\": \"ab cd\"}, \"entities\": [], \"quotes\": [{\"id\": \"q\", "
                     "\"text\": \"cd\"}], \"relations\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) quoted = qg_document_load_from_data (json, strlen (json), NULL, "q.json",
                                                             NULL, &error);

  g_assert_cmpuint (qg_document_get_n_entities (doc), ==, 0);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 0);
  g_assert_cmpuint (qg_document_get_n_relations (doc), ==, 0);
  g_assert_cmpstr (qg_document_get_title (doc), ==, "A map being started");
  g_assert_cmpint (qg_document_find_entity (doc, "acme"), ==, -1);

  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_get_n_entities (quoted), ==, 0);
  g_assert_cmpint (qg_document_get_quote (quoted, 0)->speaker, ==, -1);
  g_assert_cmpuint (qg_document_get_quote (quoted, 0)->start, ==, 3);
}

static void
test_published_forms (void)
{
  static const struct { const char *value; gboolean ok; } cases[] = {
    { "2017", TRUE }, { "2017-09", TRUE }, { "2017-09-13", TRUE },
    { "2017-09-13T10:00:00Z", TRUE }, { "2017-09-13T10:00:00+02:00", TRUE },
    { "2017-13", FALSE }, { "2017-02-29", FALSE }, { "2016-02-29", TRUE }, { "Sept 2017", FALSE },
    { "17-09-13", FALSE }, { "", FALSE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"published\": \"%s\", "
        "\"text\": \"x\"}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}], "
        "\"quotes\": [], \"relations\": []}", cases[i].value);
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "d",
                                                              NULL, &error);

      g_test_message ("published: \"%s\"", cases[i].value);
      g_assert_cmpint (doc != NULL, ==, cases[i].ok);
    }
}

static void
loaded_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static void
test_async_load (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "small.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;

  qg_document_load_async (file, "small.json", NULL, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  doc = qg_document_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, 4);
}

static void
test_async_load_cancelled (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "small.json",
                                                 NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;

  g_cancellable_cancel (cancellable);
  qg_document_load_async (file, "small.json", cancellable, loaded_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  doc = qg_document_load_finish (result, &error);
  g_assert_null (doc);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static QgDocument *
load_json (const char  *json,
           GError     **error)
{
  return qg_document_load_from_data (json, strlen (json), NULL, "d.json", NULL, error);
}

static void
test_suggestion_is_the_nearest (void)
{
  /* The nearest id is suggested, whatever the order of the ids. */
  static const char *orders[][2] = { { "dhs", "ab" }, { "ab", "dhs" } };

  for (guint i = 0; i < G_N_ELEMENTS (orders); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": \"x\"}, "
        "\"entities\": [{\"id\": \"%s\", \"name\": \"A\", \"kind\": \"agency\"}, "
        "{\"id\": \"%s\", \"name\": \"B\", \"kind\": \"agency\"}], \"quotes\": "
        "[{\"id\": \"q\", \"text\": \"x\"}], \"relations\": [{\"id\": \"r\", "
        "\"source\": \"dhx\", \"target\": \"ab\", \"label\": \"l\", \"evidence\": [\"q\"]}]}",
        orders[i][0], orders[i][1]);
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDocument) doc = load_json (json, &error);

      g_assert_null (doc);
      g_assert_cmpstr (error->message, ==, "d.json:1: relations[0].source: unknown entity "
                                           "\"dhx\" (did you mean \"dhs\"?)");
    }
}

static void
test_occurrence_written_as_a_float (void)
{
  const char *json =
    "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": \"ab ab ab\"}, "
    "\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}], "
    "\"quotes\": [{\"id\": \"q\", \"text\": \"ab\", \"occurrence\": 2.0}, "
    "{\"id\": \"p\", \"text\": \"ab\", \"occurrence\": 3e0}], \"relations\": []}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = load_json (json, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_get_quote (doc, 0)->start, ==, 3);
  g_assert_cmpuint (qg_document_get_quote (doc, 1)->start, ==, 6);
}

/* The largest occurrence, 2^32 - 1, is a number in range: the quote then
 * fails only for want of that many occurrences. One more is out of range. */
static void
test_occurrence_range_ends_at_g_maxuint32 (void)
{
  static const struct
  {
    const char *occurrence;
    const char *message;
  } cases[] = {
    { "4294967295", "d.json:1: quotes[0] \"q\": text occurs 3 times in the article, but "
                    "occurrence is 4294967295" },
    { "4294967296", "d.json:1: quotes[0].occurrence: must be at most 4294967295, not "
                    "4294967296" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": \"ab ab ab\"}, "
        "\"entities\": [{\"id\": \"a\", \"name\": \"A\", \"kind\": \"person\"}], "
        "\"quotes\": [{\"id\": \"q\", \"text\": \"ab\", \"occurrence\": %s}], \"relations\": []}",
        cases[i].occurrence);
      g_autoptr(GError) error = NULL;
      g_autoptr(QgDocument) doc = load_json (json, &error);

      g_assert_null (doc);
      g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_not_a_regular_file (void)
{
  g_autofree char *dir = g_dir_make_tmp ("qg-test-XXXXXX", NULL);
  g_autofree char *fifo = g_build_filename (dir, "article.txt", NULL);
  g_autofree char *doc_path = g_build_filename (dir, "doc.json", NULL);
  g_autofree char *message = NULL;
  g_autoptr(GFile) doc_file = g_file_new_for_path (doc_path);
  g_autoptr(GFile) zero = g_file_new_for_path ("/dev/zero");
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  const char *json = "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", "
                     "\"text_file\": \"article.txt\"}, \"entities\": [{\"id\": \"a\", "
                     "\"name\": \"A\", \"kind\": \"person\"}], \"quotes\": [], \"relations\": []}";

  /* A pipe would block a reader for ever, and a device never ends. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_true (g_file_set_contents (doc_path, json, -1, NULL));
  doc = qg_document_load (doc_file, "doc.json", NULL, &error);
  g_assert_null (doc);
  message = g_strdup_printf ("doc.json:1: article.text_file: cannot read \"%s\": it is not a "
                             "regular file", fifo);
  g_assert_cmpstr (error->message, ==, message);

  g_clear_error (&error);
  doc = qg_document_load (zero, "/dev/zero", NULL, &error);
  g_assert_null (doc);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "/dev/zero: cannot read the file: it is not a regular file");

  g_unlink (fifo);
  g_unlink (doc_path);
  g_rmdir (dir);
}

static void
test_repeated_quotes_are_each_found (void)
{
  /* A thousand quotes of the same thousand "a" in an article of a million
   * "a": matched as one pattern, and each found at its occurrence. */
  GString *json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", "
                                "\"text\": \"");
  g_autofree char *quote = g_strnfill (1000, 'a');
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append (json, quote);
  g_string_append (json, "\"}, \"entities\": [{\"id\": \"a\", \"name\": \"A\", "
                         "\"kind\": \"person\"}], \"quotes\": [");
  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (json, "%s{\"id\": \"q%u\", \"text\": \"%s\", \"occurrence\": %u}",
                            i ? ", " : "", i, quote, i + 1);
  g_string_append (json, "], \"relations\": []}");
  text = g_string_free (json, FALSE);

  doc = load_json (text, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 1000; i += 111)
    g_assert_cmpuint (qg_document_get_quote (doc, i)->start, ==, i);
}

/* The drafts a document has, counted; and whether two documents are of
 * one article, byte for byte. */
static void
test_count_drafts_and_same_text (void)
{
  g_autoptr(QgDocument) drafts = qg_test_load_drafts ();
  g_autoptr(QgDocument) small = qg_test_load_small ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) empty = qg_document_new_for_article (qg_document_get_text (drafts, NULL),
                                                             -1, "Another title", NULL, NULL,
                                                             &error);
  g_autoptr(QgDocument) shorter = NULL;
  gsize length;
  const char *text = qg_document_get_text (drafts, &length);

  g_assert_no_error (error);
  shorter = qg_document_new_for_article (text, length - 1, "Shorter", NULL, NULL, &error);
  g_assert_no_error (error);
  /* Three entities, three quotes and two relations are drafts. */
  g_assert_cmpuint (qg_document_count_drafts (drafts), ==, 8);
  g_assert_cmpuint (qg_document_count_drafts (small), ==, 0);
  g_assert_cmpuint (qg_document_count_drafts (empty), ==, 0);
  g_assert_true (qg_document_same_text (drafts, empty));
  g_assert_false (qg_document_same_text (drafts, small));
  g_assert_false (qg_document_same_text (drafts, shorter));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_broken_document_tests ();
  g_test_add_func ("/quotegraph/document/valid-document-model", test_valid_document_model);
  g_test_add_func ("/quotegraph/document/text-file-and-unknown-members",
                   test_text_file_and_unknown_members);
  g_test_add_func ("/quotegraph/document/bundled-kaspersky-map", test_bundled_kaspersky_map);
  g_test_add_func ("/quotegraph/document/entity-named", test_entity_named);
  g_test_add_func ("/quotegraph/document/unreadable-file", test_unreadable_file);
  g_test_add_func ("/quotegraph/document/too-large-file-refused-before-reading",
                   test_too_large_file_refused_before_reading);
  g_test_add_func ("/quotegraph/document/no-text-file-without-a-folder",
                   test_no_text_file_without_a_folder);
  g_test_add_func ("/quotegraph/document/minimal-document", test_minimal_document);
  g_test_add_func ("/quotegraph/document/empty-map", test_empty_map);
  g_test_add_func ("/quotegraph/document/published-forms", test_published_forms);
  g_test_add_func ("/quotegraph/document/suggestion-is-the-nearest",
                   test_suggestion_is_the_nearest);
  g_test_add_func ("/quotegraph/document/occurrence-written-as-a-float",
                   test_occurrence_written_as_a_float);
  g_test_add_func ("/quotegraph/document/occurrence-range-ends-at-g-maxuint32",
                   test_occurrence_range_ends_at_g_maxuint32);
  g_test_add_func ("/quotegraph/document/not-a-regular-file", test_not_a_regular_file);
  g_test_add_func ("/quotegraph/document/repeated-quotes-are-each-found",
                   test_repeated_quotes_are_each_found);
  g_test_add_func ("/quotegraph/document/async-load", test_async_load);
  g_test_add_func ("/quotegraph/document/async-load-cancelled", test_async_load_cancelled);
  g_test_add_func ("/quotegraph/document/count-drafts-and-same-text",
                   test_count_drafts_and_same_text);

  return g_test_run ();
}
