/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "qg-article-draft.h"
#include "qg-document.h"
#include "qg-html.h"

/* A folder of its own for a test's files, removed with them. */
typedef struct
{
  char *dir;
} Scratch;

static void
scratch_init (Scratch *s)
{
  s->dir = g_dir_make_tmp ("quotegraph-article-XXXXXX", NULL);
  g_assert_nonnull (s->dir);
}

static char *
scratch_write (Scratch    *s,
               const char *name,
               const char *data,
               gsize       length)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (s->dir, name, NULL);

  g_assert_true (g_file_set_contents (path, data, length, &error));
  return path;
}

static void
scratch_clear (Scratch *s)
{
  g_autoptr(GDir) dir = g_dir_open (s->dir, 0, NULL);
  const char *name;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (s->dir, name, NULL);

      g_assert_cmpint (g_remove (path), ==, 0);
    }
  g_assert_cmpint (g_rmdir (s->dir), ==, 0);
  g_free (s->dir);
}

/* The file @name holding @data, read as an article. */
static QgArticleDraft *
read_bytes (const char  *name,
            const char  *data,
            gsize        length,
            GError     **error)
{
  Scratch s;
  g_autofree char *path = NULL;
  g_autoptr(GFile) file = NULL;
  QgArticleDraft *draft;

  scratch_init (&s);
  path = scratch_write (&s, name, data, length);
  file = g_file_new_for_path (path);
  draft = qg_article_draft_read_file (file, name, NULL, error);
  scratch_clear (&s);
  return draft;
}

static void
test_guess_kind (void)
{
  static const struct
  {
    const char    *name;
    const char    *data;
    QgArticleKind  kind;
  } cases[] = {
    /* By content, whatever the name says. */
    { "article.txt", "<!DOCTYPE html>\n<html><p>x</p></html>", QG_ARTICLE_KIND_HTML },
    { "article.txt", "\xEF\xBB\xBF  \n<HTML lang=en><p>x", QG_ARTICLE_KIND_HTML },
    { "article", "<?xml version=\"1.0\"?>\n<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 "
                 "Strict//EN\">\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
      QG_ARTICLE_KIND_HTML },
    { NULL, "<html><body>x", QG_ARTICLE_KIND_HTML },
    /* A page named so, and starting with a tag, without saying <html>. */
    { "saved.html", "<meta charset=utf-8><p>x</p>", QG_ARTICLE_KIND_HTML },
    /* Text is text, named .html or not; text that mentions a tag too. */
    { "article.html", "The article, in plain text.\n", QG_ARTICLE_KIND_TEXT },
    { "notes.txt", "How to write <html> in a page.\n", QG_ARTICLE_KIND_TEXT },
    { "notes.txt", "<b>bold</b> is how HTML says it.\n", QG_ARTICLE_KIND_TEXT },
    { "empty.txt", "", QG_ARTICLE_KIND_TEXT },
    /* UTF-16, by its name. */
    { "page.html", "\xFF\xFE<\0h\0", QG_ARTICLE_KIND_HTML },
    { "page.txt", "\xFF\xFE<\0h\0", QG_ARTICLE_KIND_TEXT },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].data[0] == '\xFF' ? 6 : strlen (cases[i].data);

      g_assert_cmpint (qg_article_guess_kind (cases[i].data, length, cases[i].name), ==,
                       cases[i].kind);
    }
}

/* Plain text is the article byte for byte: its line ends, tabs, spaces
 * at the ends of lines, every character; only a byte order mark goes. */
static void
test_plain_text_exact (void)
{
  static const char text[] = "Title line\r\n\r\n\tIndented, trailing spaces   \r\n"
                             "Emoji \xF0\x9F\x91\x8D, \xE2\x80\x9Cquotes\xE2\x80\x9D, a\xC2\xA0"
                             "no-break space, a form\x0C" "feed\rand a lone CR\n\n\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgArticleDraft) draft = read_bytes ("article.txt", text, sizeof text - 1, &error);
  g_autoptr(QgArticleDraft) with_bom = NULL;
  g_autofree char *bom_text = g_strconcat ("\xEF\xBB\xBF", text, NULL);

  g_assert_no_error (error);
  g_assert_cmpint (draft->kind, ==, QG_ARTICLE_KIND_TEXT);
  g_assert_cmpmem (draft->text, draft->length, text, sizeof text - 1);
  /* Its headline, on a line of its own, is the title offered. */
  g_assert_cmpstr (draft->title, ==, "Title line");
  g_assert_null (draft->source);
  g_assert_null (draft->published);

  with_bom = read_bytes ("article.txt", bom_text, strlen (bom_text), &error);
  g_assert_no_error (error);
  g_assert_cmpmem (with_bom->text, with_bom->length, text, sizeof text - 1);
}

/* A text file that is not UTF-8 names the file and the place of the
 * first bad byte: its line, and its column in characters. */
static void
test_not_utf8 (void)
{
  static const struct
  {
    const char *data;
    gsize       length;
    const char *message;
  } cases[] = {
    { "caf\xE9", 4, "latin1.txt:1:4: not UTF-8 (byte 0xE9); save the article as UTF-8 and "
                    "choose it again" },
    { "line one\n\xC3\xA9t\xC3\xA9 \xE2\x80\x99 ok\nthird \x92quoted\x92", 36,
      "latin1.txt:3:7: not UTF-8 (byte 0x92); save the article as UTF-8 and choose it again" },
    /* Cut short at the end. */
    { "a\nb \xE2\x80", 6, "latin1.txt:2:3: not UTF-8 (byte 0xE2); save the article as UTF-8 "
                          "and choose it again" },
    { "text\0more", 9, "latin1.txt:1:5: a NUL byte: the file is not text" },
    { "\xFF\xFEt\0e\0x\0t\0", 10, "latin1.txt: the file is UTF-16 text; save the article as "
                                  "UTF-8 and choose it again" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_null (read_bytes ("latin1.txt", cases[i].data, cases[i].length, &error));
      g_assert_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_NOT_UTF8);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

/* A page read from a file is the page reduced, whatever its name. */
static void
test_html_file (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html",
                                                 "news-article.html", NULL);
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "data", "html",
                                                      "news-article.txt", NULL);
  g_autofree char *html = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgArticleDraft) draft = NULL;
  g_autoptr(QgArticleDraft) renamed = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (text_path, &expected, NULL, NULL));
  draft = qg_article_draft_read_file (file, "news-article.html", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (draft->kind, ==, QG_ARTICLE_KIND_HTML);
  g_assert_cmpstr (draft->text, ==, expected);
  g_assert_cmpstr (draft->title, ==, "US bans Kaspersky software from federal agencies");

  g_assert_true (g_file_get_contents (path, &html, &length, NULL));
  renamed = read_bytes ("saved-page.txt", html, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (renamed->kind, ==, QG_ARTICLE_KIND_HTML);
  g_assert_cmpstr (renamed->text, ==, expected);
}

static void
assert_read_error (GFile      *file,
                   const char *display_name,
                   int         code,
                   const char *message)
{
  g_autoptr(GError) error = NULL;

  g_assert_null (qg_article_draft_read_file (file, display_name, NULL, &error));
  g_assert_error (error, QG_ARTICLE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

/* What cannot be read says why, naming the file as it was given. */
static void
test_read_errors (void)
{
  Scratch s;
  g_autofree char *empty = NULL;
  g_autofree char *blank = NULL;
  g_autofree char *no_text = NULL;
  g_autofree char *large = g_build_filename (g_get_tmp_dir (), "quotegraph-large-XXXXXX", NULL);
  g_autoptr(GFile) file = NULL;
  int fd;

  scratch_init (&s);
  empty = scratch_write (&s, "empty.txt", "", 0);
  blank = scratch_write (&s, "blank.txt", " \r\n\t\n", 5);
  no_text = scratch_write (&s, "no-text.html", "<html><script>x()</script><nav>Menu</nav>", 41);

  file = g_file_new_for_path (empty);
  assert_read_error (file, "empty.txt", QG_ARTICLE_ERROR_EMPTY, "empty.txt: the file has no text");
  g_clear_object (&file);
  file = g_file_new_for_path (blank);
  assert_read_error (file, "blank.txt", QG_ARTICLE_ERROR_EMPTY, "blank.txt: the file has no text");
  g_clear_object (&file);
  file = g_file_new_for_path (no_text);
  assert_read_error (file, "no-text.html", QG_ARTICLE_ERROR_EMPTY,
                     "no-text.html: the page has no text to make a map of");
  g_clear_object (&file);

  file = g_file_new_for_path (s.dir);
  assert_read_error (file, "folder", QG_ARTICLE_ERROR_READ,
                     "folder: cannot read the file: it is a folder");
  g_clear_object (&file);
  file = g_file_new_for_path ("/dev/null");
  assert_read_error (file, "/dev/null", QG_ARTICLE_ERROR_READ,
                     "/dev/null: cannot read the file: it is not a regular file");
  g_clear_object (&file);
  file = g_file_new_for_path ("/nonexistent/article.txt");
  assert_read_error (file, "article.txt", QG_ARTICLE_ERROR_READ,
                     "article.txt: cannot read the file: no such file");
  g_clear_object (&file);

  /* A sparse file says it is larger than the limit: refused unread. */
  fd = g_mkstemp (large);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, (off_t) QG_ARTICLE_MAX_BYTES + 1), ==, 0);
  close (fd);
  file = g_file_new_for_path (large);
  assert_read_error (file, "huge.txt", QG_ARTICLE_ERROR_TOO_LARGE,
                     "huge.txt: the file is larger than 64 MB, the most Quotegraph opens");
  g_assert_cmpint (g_remove (large), ==, 0);

  scratch_clear (&s);
}

static void
read_done (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  QgArticleDraft **draft = data;
  g_autoptr(GError) error = NULL;

  *draft = qg_article_draft_read_file_finish (result, &error);
  g_assert_no_error (error);
}

/* Read in a thread, handed back in the main loop. */
static void
test_read_async (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "html",
                                                 "windows-1252.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(QgArticleDraft) draft = NULL;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  qg_article_draft_read_file_async (file, "windows-1252.html", NULL, read_done, &draft);
  while (draft == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  g_assert_cmpstr (draft->title, ==, "Kaspersky responds to the ban \u2013 Le Courrier du Soir");
  g_assert_true (g_str_has_prefix (draft->text, "Accueil | Monde\n\nKaspersky responds"));
}

/* The forms the loader takes, and the reason for each it does not. */
static void
test_check_date (void)
{
  static const char * const good[] = {
    "2017", "0000", "2017-09", "2017-09-13", "2016-02-29", "2017-09-13T10:00:00Z",
    "2017-09-13T10:00:00+02:00", "2017-09-13T10:00:00.5-04:00",
  };
  static const struct
  {
    const char *date;
    const char *reason;
  } bad[] = {
    { "2017-13", "“2017-13” is not a date: there is no month 13" },
    { "2017-00-10", "“2017-00-10” is not a date: there is no month 00" },
    { "2017-02-29", "“2017-02-29” is not a date: February 2017 has 28 days" },
    { "2017-09-31", "“2017-09-31” is not a date: September 2017 has 30 days" },
    { "2017-09-00", "“2017-09-00” is not a date: September 2017 has 30 days" },
    { "0000-01-01", "“0000-01-01” is not a date: there is no year 0" },
    { "2017-09-13T25:00:00Z", "“2017-09-13T25:00:00Z” is not a date and time: write it like "
                              "2017-09-13T10:00:00Z, or only the day" },
    { "13/09/2017", "“13/09/2017” is not a date: write a day like 2017-09-13, a month like "
                    "2017-09, or a year" },
    { "2017-9-13", "“2017-9-13” is not a date: write a day like 2017-09-13, a month like "
                   "2017-09, or a year" },
    { "2017-09-13 ", "“2017-09-13 ” is not a date: write a day like 2017-09-13, a month like "
                     "2017-09, or a year" },
    { "", "“” is not a date: write a day like 2017-09-13, a month like 2017-09, or a year" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_true (qg_article_check_date (good[i], &error));
      g_assert_no_error (error);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (qg_article_check_date (bad[i].date, &error));
      g_assert_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_DATE);
      g_assert_cmpstr (error->message, ==, bad[i].reason);
    }
}

/* What the dialog takes is what the loader takes, and no more. */
static void
test_check_date_agrees_with_loader (void)
{
  static const char * const dates[] = {
    "2017", "0000", "99999", "2017-09", "2017-13", "2017-00", "2017-09-13", "2016-02-29",
    "2017-02-29", "2017-09-31", "2017-09-00", "0000-01-01", "0001-01-01", "2017-09-13T10:00:00Z",
    "2017-09-13T10:00:00+02:00", "2017-09-13T10:00Z", "2017-09-13T25:00:00Z", "2017-02-30T10:00Z",
    "2017-09-13T", "2017-09-13t10:00:00Z", "13/09/2017", "2017-9-13", "2017-09-13 ", " 2017",
    "2017/09/13", "",
  };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"published\": \"%s\", "
        "\"text\": \"x\"}, \"entities\": [{\"id\": \"e\", \"name\": \"E\", \"kind\": \"person\"}], "
        "\"quotes\": [], \"relations\": []}", dates[i]);
      g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL,
                                                              "date.json", NULL, NULL);

      g_test_message ("%s", dates[i]);
      g_assert_cmpint (qg_article_check_date (dates[i], NULL), ==, doc != NULL);
    }
}

/* Every date the pages' metadata gives is one the document takes. */
static void
test_parsed_dates_are_valid (void)
{
  static const char * const values[] = {
    "2017-09-13T18:04:00-04:00", "20170913", "2017/09/13", "2017-09", "2017",
    "Wed, 13 Sep 2017 22:15:00 GMT", "September 13th, 2017",
  };

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autofree char *date = qg_html_parse_date (values[i]);

      g_assert_nonnull (date);
      g_assert_true (qg_article_check_date (date, NULL));
    }
}

static void
test_draft_copy (void)
{
  g_autoptr(QgArticleDraft) draft = qg_article_draft_new ("abcdef", 3, "T", NULL, "2017");
  g_autoptr(QgArticleDraft) copy = NULL;

  draft->kind = QG_ARTICLE_KIND_HTML;
  copy = g_boxed_copy (QG_TYPE_ARTICLE_DRAFT, draft);
  g_assert_cmpuint (copy->length, ==, 3);
  g_assert_cmpstr (copy->text, ==, "abc");
  g_assert_cmpstr (copy->title, ==, "T");
  g_assert_null (copy->source);
  g_assert_cmpstr (copy->published, ==, "2017");
  g_assert_cmpint (copy->kind, ==, QG_ARTICLE_KIND_HTML);
}

/* A headline is the first line with words, alone on its line, short, and
 * not a sentence. */
static void
test_guess_title (void)
{
  static const struct { const char *text; const char *title; } cases[] = {
    { "Kaspersky: US government removes Russian security software\n\nLongstanding",
      "Kaspersky: US government removes Russian security software" },
    { "\n \n  Council backs bike lanes  \r\nThe council voted.", "Council backs bike lanes" },
    { "Is this the end?\nPerhaps.", "Is this the end?" },
    { "He said no, and left.\nThe second line.", NULL },
    { "One paragraph with no line end", NULL },
    { "A headline with nothing after it\n \n", NULL },
    { "", NULL },
    { "\t\v\nBody", NULL },
    { "\xC2\xA0\xE3\x80\x80\nBody", NULL },
  };
  g_autofree char *long_line = g_strnfill (151, 'x');
  g_autofree char *long_text = g_strconcat (long_line, "\nBody", NULL);
  g_autofree char *long_guess = qg_article_guess_title (long_text, strlen (long_text));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *guess = qg_article_guess_title (cases[i].text, strlen (cases[i].text));

      g_assert_cmpstr (guess, ==, cases[i].title);
    }
  g_assert_null (long_guess);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/article/guess-kind", test_guess_kind);
  g_test_add_func ("/quotegraph/article/plain-text-exact", test_plain_text_exact);
  g_test_add_func ("/quotegraph/article/guess-title", test_guess_title);
  g_test_add_func ("/quotegraph/article/not-utf8", test_not_utf8);
  g_test_add_func ("/quotegraph/article/html-file", test_html_file);
  g_test_add_func ("/quotegraph/article/read-errors", test_read_errors);
  g_test_add_func ("/quotegraph/article/read-async", test_read_async);
  g_test_add_func ("/quotegraph/article/check-date", test_check_date);
  g_test_add_func ("/quotegraph/article/check-date-agrees-with-loader",
                   test_check_date_agrees_with_loader);
  g_test_add_func ("/quotegraph/article/parsed-dates-are-valid", test_parsed_dates_are_valid);
  g_test_add_func ("/quotegraph/article/draft-copy", test_draft_copy);

  return g_test_run ();
}
