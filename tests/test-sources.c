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
  g_test_add_func ("/quotegraph/sources/quotes-and-relations", test_quotes_and_relations);
  g_test_add_func ("/quotegraph/sources/char-offsets", test_char_offsets);

  return g_test_run ();
}
