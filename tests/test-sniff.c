/* SPDX-License-Identifier: GPL-3.0-or-later */
/* What a file is, told by its content: a map, a text or HTML article, or
 * something else, said in words that name the file. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "qg-cli.h"
#include "qg-sniff.h"

/* What @text is, as the whole of a file named "in.txt"; @message is the
 * error expected, or NULL for none. */
static void
assert_sniff (const char *text,
              gsize       length,
              QgFileKind  expected,
              const char *message)
{
  g_autoptr(GError) error = NULL;
  QgFileKind kind = qg_sniff_data (text, length, TRUE, "in.txt", &error);

  g_assert_cmpint (kind, ==, expected);
  if (message == NULL)
    g_assert_no_error (error);
  else
    {
      g_assert_nonnull (error);
      g_assert_cmpstr (error->message, ==, message);
    }
}

static void
assert_text_is (const char *text,
                QgFileKind  expected,
                const char *message)
{
  assert_sniff (text, strlen (text), expected, message);
}

static void
assert_each_is (const char * const *texts,
                guint               n,
                QgFileKind          expected)
{
  for (guint i = 0; i < n; i++)
    assert_text_is (texts[i], expected, NULL);
}

static QgFileKind
sniff_path (const char  *path,
            const char  *name,
            GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return qg_sniff_file (file, name, NULL, error);
}

/* Every JSON file of tests/data/DIR, but @except, is a document. */
static void
assert_all_documents (const char         *dir,
                      const char * const *except)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", dir, NULL);
  g_autoptr(GDir) folder = g_dir_open (path, 0, NULL);
  const char *name;
  guint n = 0;

  g_assert_nonnull (folder);
  while ((name = g_dir_read_name (folder)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (name, ".json") || (except && g_strv_contains (except, name)))
        continue;
      QgFileKind kind = sniff_path (file, name, &error);

      g_assert_no_error (error);
      g_assert_cmpint (kind, ==, QG_FILE_KIND_DOCUMENT);
      n++;
    }
  g_assert_cmpuint (n, >, 3);
}

static void
test_valid_documents (void)
{
  g_autoptr(GFile) bundled = qg_bundled_document ();
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (qg_sniff_file (bundled, "kaspersky-us-ban.json", NULL, &error), ==,
                   QG_FILE_KIND_DOCUMENT);
  g_assert_no_error (error);
  assert_all_documents ("valid", NULL);
}

/* A broken map is still a map, so that the loader can say what is wrong
 * with it, line by line: but for what is no map at all. */
static void
test_broken_documents (void)
{
  static const char * const not_maps[] = { "root-not-object.json", "syntax-empty.json", NULL };
  static const char * const messages[] = {
    "root-not-object.json: a JSON file, but not a Quotegraph document: it has no \"article\" "
      "object",
    "syntax-empty.json: not a Quotegraph document or an article: the file is empty",
  };

  assert_all_documents ("broken", not_maps);
  for (guint i = 0; not_maps[i]; i++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "broken", not_maps[i],
                                                     NULL);
      g_autoptr(GError) error = NULL;

      g_assert_cmpint (sniff_path (path, not_maps[i], &error), ==, QG_FILE_KIND_UNKNOWN);
      g_assert_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_UNRECOGNISED);
      g_assert_cmpstr (error->message, ==, messages[i]);
    }
  /* Broken at once, before a first member, but naming its format. */
  assert_text_is ("{\n  // a map\n  \"format\": \"quotegraph/1\"\n}", QG_FILE_KIND_DOCUMENT,
                  NULL);
  assert_text_is ("{ format: \"quotegraph/1\", article: {} }", QG_FILE_KIND_DOCUMENT, NULL);
  /* Cut off inside a member, or broken after one. */
  assert_text_is ("{\"entities\": [{\"id\": \"a\"", QG_FILE_KIND_DOCUMENT, NULL);
  assert_text_is ("{\"entities\": [], \"quotes\" []}", QG_FILE_KIND_DOCUMENT, NULL);
}

static void
test_document_members (void)
{
  g_autoptr(GString) long_first = g_string_new ("{\"entities\": [");

  /* In any order, spelled with escapes, of any version. */
  assert_text_is ("{\"quotes\": [], \"article\": {\"title\": \"t\"}}", QG_FILE_KIND_DOCUMENT,
                  NULL);
  assert_text_is ("{\"\\u0061rticle\": {}}", QG_FILE_KIND_DOCUMENT, NULL);
  assert_text_is ("{\"format\": \"quotegraph/2\"}", QG_FILE_KIND_DOCUMENT, NULL);
  assert_text_is ("\xEF\xBB\xBF  {\"format\": \"quotegraph/1\"}", QG_FILE_KIND_DOCUMENT, NULL);
  /* Nested members of those names are not the document's. */
  assert_text_is ("{\"a\": {\"article\": {}, \"format\": \"quotegraph/1\"}, \"b\": [\"}\"]}",
                  QG_FILE_KIND_UNKNOWN, "in.txt: a JSON file, but not a Quotegraph document: "
                  "it has no \"article\" object");
  assert_text_is ("{\"article\": \"a text\", \"format\": \"other/1\"}", QG_FILE_KIND_UNKNOWN,
                  "in.txt: a JSON file, but not a Quotegraph document: it has no \"article\" "
                  "object");
  assert_text_is ("{}", QG_FILE_KIND_UNKNOWN, "in.txt: a JSON file, but not a Quotegraph "
                  "document: it has no \"article\" object");
  assert_text_is ("[{\"article\": {}}]", QG_FILE_KIND_UNKNOWN, "in.txt: a JSON file, but not "
                  "a Quotegraph document: it has no \"article\" object");

  /* An article after more than is read: not known to be no document. */
  while (long_first->len <= QG_SNIFF_BYTES)
    g_string_append (long_first, "{\"id\": \"e\", \"name\": \"An \\\"entity\\\"\"}, ");
  g_string_append (long_first, "{}], \"article\": {}}");
  {
    g_autoptr(GError) error = NULL;

    g_assert_cmpint (qg_sniff_data (long_first->str, QG_SNIFF_BYTES, FALSE, "long.json",
                                    &error), ==, QG_FILE_KIND_DOCUMENT);
    g_assert_no_error (error);
  }
}

static void
test_text_articles (void)
{
  static const char * const texts[] = {
    "WASHINGTON — The Department of Homeland Security said on Wednesday…\n",
    "\xEF\xBB\xBFWith a byte order mark.",
    "[Reuters] Washington, Sept 13",
    "{Editor's note: updated} The ban",
    "[1] A footnote comes first.",
    "From: the newsroom\nTo: readers\n\nA text that reads as an e-mail.",
    "%PDF is how a PDF begins, and this sentence too.",
    "<3 a text that begins with a heart",
  };

  assert_each_is (texts, G_N_ELEMENTS (texts), QG_FILE_KIND_TEXT);
}

static void
test_html_articles (void)
{
  static const char * const pages[] = {
    "<!DOCTYPE html>\n<html><head><title>A</title></head><body><p>B</p></body></html>",
    "  <!doctype HTML><p>lower and upper case",
    "<!-- saved from the web -->\n<HTML lang=\"en\">",
    "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Strict//EN\">",
    "<p>A fragment</p><p>of paragraphs</p>",
    "<meta charset=\"iso-8859-1\"><title>Caf\xE9</title>",
  };

  assert_each_is (pages, G_N_ELEMENTS (pages), QG_FILE_KIND_HTML);
  /* Not an element HTML has. */
  assert_text_is ("<pre-release> notes", QG_FILE_KIND_TEXT, NULL);
}

static void
test_other_files (void)
{
  static const char png[] = "\x89PNG\r\n\x1A\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0";
  static const char zip[] = "PK\x03\x04\x14\0\0\0\x08\0";
  static const char binary[] = "abc\0def";

  assert_text_is ("", QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph document or an article: "
                  "the file is empty");
  assert_text_is (" \n\t\r\n", QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph document or an "
                  "article: the file is empty");
  assert_text_is ("%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", QG_FILE_KIND_UNKNOWN,
                  "in.txt: not a Quotegraph document or an article: it is a PDF document");
  assert_sniff (png, sizeof png - 1, QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph "
                "document or an article: it is a PNG image");
  assert_sniff (zip, sizeof zip - 1, QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph "
                "document or an article: it is a ZIP archive, or a document made of one (DOCX, "
                "ODT, EPUB)");
  assert_text_is ("{\\rtf1\\ansi Hello}", QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph "
                  "document or an article: it is an RTF document");
  assert_text_is ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
                  QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph document or an article: it "
                  "is an SVG image");
  assert_text_is ("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"/>", QG_FILE_KIND_UNKNOWN,
                  "in.txt: not a Quotegraph document or an article: it is an XML document");
  assert_sniff ("\x7F" "ELF\x02\x01", 6, QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph "
                "document or an article: it is a program");
  assert_sniff (binary, sizeof binary - 1, QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph "
                "document or an article: it holds binary data, not text");
  assert_sniff ("\xFF\xFEh\0i\0", 6, QG_FILE_KIND_UNKNOWN, "in.txt: not a Quotegraph "
                "document or an article: it is UTF-16 text, and an article must be UTF-8");
  /* Latin-1: where the first byte that is not UTF-8 is, in characters. */
  assert_text_is ("Naïve\nun caf\xE9 noir", QG_FILE_KIND_UNKNOWN, "in.txt:2:7: not a "
                  "Quotegraph document or an article: byte 0xE9 is not UTF-8, and an article "
                  "must be UTF-8");
}

/* A character cut by the end of what is read is no error, but the same
 * bytes at the end of the file are. */
static void
test_cut_character (void)
{
  const char *text = "Un caf\xC3\xA9";
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (qg_sniff_data (text, strlen (text) - 1, FALSE, "in.txt", &error), ==,
                   QG_FILE_KIND_TEXT);
  g_assert_no_error (error);
  g_assert_cmpint (qg_sniff_data (text, strlen (text) - 1, TRUE, "in.txt", &error), ==,
                   QG_FILE_KIND_UNKNOWN);
  g_assert_cmpstr (error->message, ==, "in.txt:1:7: not a Quotegraph document or an article: "
                   "byte 0xC3 is not UTF-8, and an article must be UTF-8");
}

static void
test_files_that_cannot_be_read (void)
{
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-sniff-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing.json", NULL);
  g_autofree char *fifo = g_build_filename (dir, "pipe", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sniff_path (missing, "missing.json", &error), ==, QG_FILE_KIND_UNKNOWN);
  g_assert_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_READ);
  g_assert_cmpstr (error->message, ==, "missing.json: cannot read the file: no such file");
  g_clear_error (&error);

  g_assert_cmpint (sniff_path (dir, "maps", &error), ==, QG_FILE_KIND_UNKNOWN);
  g_assert_cmpstr (error->message, ==, "maps: cannot read the file: it is a folder");
  g_clear_error (&error);

  /* A pipe would be read without end: it is not read. */
  g_assert_cmpint (mkfifo (fifo, 0600), ==, 0);
  g_assert_cmpint (sniff_path (fifo, "pipe", &error), ==, QG_FILE_KIND_UNKNOWN);
  g_assert_cmpstr (error->message, ==, "pipe: cannot read the file: it is not a regular file");
  g_clear_error (&error);

  g_assert_cmpint (g_remove (fifo), ==, 0);
  g_assert_cmpint (g_rmdir (dir), ==, 0);
}

static void
sniffed_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

/* What a thread finds @path is, named by its own path. */
static QgFileKind
sniff_in_thread (const char  *path,
                 GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;

  qg_sniff_file_async (file, NULL, NULL, sniffed_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return qg_sniff_file_finish (result, error);
}

static void
test_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "valid", "small.txt",
                                                 NULL);
  g_autofree char *latin1 = g_test_build_filename (G_TEST_DIST, "data", "broken",
                                                   "latin1-article.txt", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (sniff_in_thread (path, &error), ==, QG_FILE_KIND_TEXT);
  g_assert_no_error (error);
  g_assert_cmpint (sniff_in_thread (latin1, &error), ==, QG_FILE_KIND_UNKNOWN);
  g_assert_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_UNRECOGNISED);
  expected = g_strdup_printf ("%s:2:4: not a Quotegraph document or an article: byte 0xE9 is "
                              "not UTF-8, and an article must be UTF-8", latin1);
  g_assert_cmpstr (error->message, ==, expected);
}

/* AIF maps, in either shape, are told apart from documents and from
 * other JSON; a document with a member named "nodes" stays a document. */
static void
test_aif_maps (void)
{
  static const char message[] =
    "in.txt: an AIF argument map, as OVA and AIFdb write it, not a Quotegraph document";
  g_autoptr(GError) error = NULL;

  assert_text_is ("{\"nodes\": [{\"nodeID\": 1, \"text\": \"x\", \"type\": \"I\"}], "
                  "\"edges\": []}", QG_FILE_KIND_UNKNOWN, message);
  assert_text_is ("{\"AIF\": {\"nodes\": [], \"edges\": []}, \"text\": \"\"}",
                  QG_FILE_KIND_UNKNOWN, message);
  /* Cut short in what was read: still AIF. */
  g_assert_cmpint (qg_sniff_data ("{\"nodes\": [{\"nodeID\": 1, \"te", 27, FALSE, "in.txt",
                                  &error), ==, QG_FILE_KIND_UNKNOWN);
  g_assert_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_AIF);
  assert_text_is ("{\"nodes\": [], \"format\": \"quotegraph/1\", \"article\": {}}",
                  QG_FILE_KIND_DOCUMENT, NULL);
  assert_text_is ("{\"nodes\": 3}", QG_FILE_KIND_UNKNOWN,
                  "in.txt: a JSON file, but not a Quotegraph document: it has no \"article\" "
                  "object");
}

/* A DOT graph is told by the shape of its first statement, past comments,
 * in any character set; an article that begins with the word stays one. */
static void
test_dot_graphs (void)
{
  static const char message[] =
    "in.txt: a Graphviz graph, not a Quotegraph document";
  static const char * const graphs[] = {
    "digraph { a -> b }",
    "\xEF\xBB\xBFgraph G {\n a -- b\n}",
    "/* made by hand */\n// and commented\n#line 1\nstrict digraph \"a \\\"b\\\"\" { }",
    "STRICT Graph 42 {}",
    "digraph <<b>x</b>> {",
    "digraph\n/* id next */ G\n{",
    "graph { caf\xE9 }",
  };
  static const char * const articles[] = {
    "Graph theory says a network is nodes and edges.\n",
    "graph: a word\n",
    "Digraphs {are} directed.",
    "graphs { a }",
    "strict rules apply { here }",
    "/* not closed graph {",
  };

  for (guint i = 0; i < G_N_ELEMENTS (graphs); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("graph %u", i);
      g_assert_cmpint (qg_sniff_data (graphs[i], strlen (graphs[i]), TRUE, "in.txt", &error), ==,
                       QG_FILE_KIND_UNKNOWN);
      g_assert_error (error, QG_SNIFF_ERROR, QG_SNIFF_ERROR_DOT);
      g_assert_cmpstr (error->message, ==, message);
    }
  assert_each_is (articles, G_N_ELEMENTS (articles), QG_FILE_KIND_TEXT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/sniff/valid-documents", test_valid_documents);
  g_test_add_func ("/quotegraph/sniff/broken-documents", test_broken_documents);
  g_test_add_func ("/quotegraph/sniff/document-members", test_document_members);
  g_test_add_func ("/quotegraph/sniff/text-articles", test_text_articles);
  g_test_add_func ("/quotegraph/sniff/html-articles", test_html_articles);
  g_test_add_func ("/quotegraph/sniff/other-files", test_other_files);
  g_test_add_func ("/quotegraph/sniff/aif-maps", test_aif_maps);
  g_test_add_func ("/quotegraph/sniff/dot-graphs", test_dot_graphs);
  g_test_add_func ("/quotegraph/sniff/cut-character", test_cut_character);
  g_test_add_func ("/quotegraph/sniff/files-that-cannot-be-read",
                   test_files_that_cannot_be_read);
  g_test_add_func ("/quotegraph/sniff/async", test_async);

  return g_test_run ();
}
