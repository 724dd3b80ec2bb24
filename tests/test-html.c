/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "qg-html.h"

static QgArticleDraft *
reduce (const char *html)
{
  g_autoptr(GError) error = NULL;
  QgArticleDraft *draft = qg_html_reduce (html, strlen (html), &error);

  g_assert_no_error (error);
  g_assert_nonnull (draft);
  g_assert_cmpint (draft->kind, ==, QG_ARTICLE_KIND_HTML);
  g_assert_cmpuint (strlen (draft->text), ==, draft->length);
  return draft;
}

static void
assert_reduces_to (const char *html,
                   const char *expected)
{
  g_autoptr(QgArticleDraft) draft = reduce (html);

  g_assert_cmpstr (draft->text, ==, expected);
}

/* Every character is UTF-8 and none is a control character but a line
 * feed or a tab. */
static void
assert_clean_text (const QgArticleDraft *draft)
{
  const char *end;

  g_assert_true (g_utf8_validate_len (draft->text, draft->length, &end));
  for (const char *p = draft->text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c != '\n' && c != '\t')
        g_assert_false (g_unichar_iscntrl (c));
    }
}

/* A page of tests/data/html, reduced, beside the text it must give. */
static QgArticleDraft *
reduce_page (const char *name)
{
  g_autofree char *html_name = g_strconcat (name, ".html", NULL);
  g_autofree char *text_name = g_strconcat (name, ".txt", NULL);
  g_autofree char *html_path = g_test_build_filename (G_TEST_DIST, "data", "html", html_name,
                                                      NULL);
  g_autofree char *text_path = g_test_build_filename (G_TEST_DIST, "data", "html", text_name,
                                                      NULL);
  g_autofree char *html = NULL;
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  QgArticleDraft *draft;
  gsize length;

  g_assert_true (g_file_get_contents (html_path, &html, &length, &error));
  g_assert_true (g_file_get_contents (text_path, &expected, NULL, &error));
  draft = qg_html_reduce (html, length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->text, ==, expected);
  assert_clean_text (draft);
  return draft;
}

/* Pages of news sites, each reduced to the text beside it, with its
 * title, source and date:
 * - news-article: its article, headline and byline, caption and quotes;
 *   not its scripts, styles, cookie banner, menus, search, ads, related
 *   links, sign-up form, share buttons, hidden text, comments, sidebar,
 *   footer, template or icons;
 * - windows-1252: an old page in Windows-1252, as its <meta http-equiv>
 *   says: its typographic quotes, dashes, euro and no-break spaces (its
 *   menu is a table, which is kept: nothing says it is one);
 * - malformed: tags left open, crossed and stray, attributes without
 *   quotes, a bare "<", an entity without its semicolon (libxml2 keeps
 *   "&amp" as written, where a browser shows "&"), no <html> nor <body>;
 *   the title from the article's <h1>, the date from its <time>. */
static void
test_pages (void)
{
  static const struct
  {
    const char *name;
    const char *title;
    const char *source;
    const char *published;
  } pages[] = {
    { "news-article", "US bans Kaspersky software from federal agencies", "The Daily Record",
      "2017-09-13" },
    { "windows-1252", "Kaspersky responds to the ban \u2013 Le Courrier du Soir",
      "courrier-du-soir.example", "2017-09-13" },
    { "malformed", "Kaspersky\u2019s week", "news.example.org", "2017-09-15" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (pages); i++)
    {
      g_autoptr(QgArticleDraft) draft = reduce_page (pages[i].name);

      g_assert_cmpstr (draft->title, ==, pages[i].title);
      g_assert_cmpstr (draft->source, ==, pages[i].source);
      g_assert_cmpstr (draft->published, ==, pages[i].published);
    }
}

static void
test_white_space (void)
{
  static const struct
  {
    const char *html;
    const char *text;
  } cases[] = {
    /* Runs of white space are one space, none at a line's ends. */
    { "<p>  one \n\t two   three  </p>", "one two three" },
    /* Between inline elements, as written. */
    { "<p><b>a</b> <i>b</i><span>c</span></p>", "a bc" },
    /* Blocks are paragraphs, one blank line apart however they nest. */
    { "<div><div><p>a</p></div></div>\n\n<p>b</p><h2>c</h2>d", "a\n\nb\n\nc\n\nd" },
    /* A line break is a line, two a blank line, and no more than that. */
    { "<p>a<br>b<br><br>c<br><br><br><br>d<br></p><p>e</p>", "a\nb\n\nc\n\nd\n\ne" },
    /* List items and table rows are lines; cells are a tab apart. */
    { "<p>x</p><ol><li>a</li><li> b </li></ol><table><tr><td>1</td><td>2</td></tr>"
      "<tr><td>3</td></tr></table>", "x\n\na\nb\n\n1\t2\n3" },
    /* A no-break space is a space; a paragraph of them is no paragraph. */
    { "<p>90&nbsp;days</p><p>&nbsp;</p><p>&nbsp; &nbsp;</p><p>next</p>", "90 days\n\nnext" },
    /* <pre> keeps its white space, less the line feed that opens it. */
    { "<p>a</p><pre>\n  x  y\r\n\tz\n</pre><p>b</p>", "a\n\n  x  y\n\tz\n\nb" },
    /* Entities, named and numbered. */
    { "<p>&amp; &lt;&gt; &quot;&#39; &#8217;&#x201C;&eacute;&hellip;</p>",
      "& <> \"' \u2019\u201C\u00E9\u2026" },
    /* Nothing at the start or the end. */
    { "\n\n<br><br><p>\n x \n</p><br>\n", "x" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    assert_reduces_to (cases[i].html, cases[i].text);
}

/* What is not the article's text, whatever holds it. */
static void
test_dropped (void)
{
  assert_reduces_to ("<body><p>kept</p>"
                     "<script>var a = '<p>no</p>';</script><style>p { color: red }</style>"
                     "<noscript><p>no</p></noscript><template><p>no</p></template>"
                     "<svg><text>no</text></svg><iframe src='x'>no</iframe>"
                     "<form><p>no <input value='no'></p></form><button>no</button>"
                     "<select><option>no</option></select><textarea>no</textarea>"
                     "<nav><p>no</p></nav><aside><p>no</p></aside>"
                     "<div role='navigation'><p>no</p></div><div role='banner'>no</div>"
                     "<div role=\"search\">no</div><dialog open>no</dialog>"
                     "<p hidden>no</p><p aria-hidden='true'>no</p>"
                     "<p style='color: red; DISPLAY : none'>no</p><p style='visibility:hidden'>no</p>"
                     "<div class='story ad-slot'>no</div><div id='advertisement'>no</div>"
                     "<ins class='adsbygoogle'>no</ins><div class='related'>no</div>"
                     "<div class='heading'>kept</div><div class='add-on'>kept</div>"
                     "<p>also <!-- a comment --> kept</p></body>",
                     "kept\n\nkept\n\nkept\n\nalso kept");
}

/* A page's header and footer are its banner and small print; an
 * article's or a section's hold its headline and byline. */
static void
test_headers (void)
{
  assert_reduces_to ("<body><header><p>Site</p></header>"
                     "<section><header><h2>Section</h2></header><p>text</p>"
                     "<footer>Section's footer</footer></section>"
                     "<footer><p>Copyright</p></footer></body>",
                     "Section\n\ntext\n\nSection's footer");
  assert_reduces_to ("<body><header>Site</header><article><header><h1>Headline</h1>"
                     "<p>By A. Writer</p></header><p>Body.</p></article></body>",
                     "Headline\n\nBy A. Writer\n\nBody.");
}

/* The article with the most text, or else the main part, or else the
 * whole body; a page's classes never drop the whole page. */
static void
test_prefers_article (void)
{
  assert_reduces_to ("<body class='ads-enabled'><p>Menu</p><article><p>Teaser</p></article>"
                     "<article><p>The whole story, longer.</p><article><p>A comment</p>"
                     "</article></article><p>Footer</p></body>",
                     "The whole story, longer.\n\nA comment");
  assert_reduces_to ("<body><p>Menu</p><div role='main'><p>Main text</p></div></body>",
                     "Main text");
  assert_reduces_to ("<body><p>Menu</p><main><p>Main text</p></main></body>", "Main text");
  /* An empty article is no article. */
  assert_reduces_to ("<body><p>All of it</p><article> </article></body>", "All of it");
  assert_reduces_to ("<body hidden style='display:none'><p>Shown later</p></body>",
                     "Shown later");
}

typedef struct
{
  const char *bytes;
  gsize       length;
  const char *text;
} Bytes;

/* The character set from the byte order mark, or the page's <meta>, or
 * UTF-8 when it is, or Windows-1252; what does not decode is U+FFFD. */
static void
test_charsets (void)
{
#define BYTES(s) s, sizeof s - 1
  static const Bytes cases[] = {
    { BYTES ("\xEF\xBB\xBF<p>caf\xC3\xA9</p>"), "caf\u00E9" },
    { BYTES ("\xFF\xFE<\0p\0>\0\xE9\0t\0\xE9\0"), "\u00E9t\u00E9" },
    { BYTES ("\xFE\xFF\0<\0p\0>\x20\x19"), "\u2019" },
    /* Declared; the five bytes Windows-1252 leaves undefined are passed
     * over, not the end of the text (iconv refuses them). */
    { BYTES ("<meta charset='windows-1252'><p>a \x81 b \x92 c \x8D\x8F\x90\x9D d</p>"),
      "a b \u2019 c d" },
    /* Latin-1 is read as Windows-1252, as browsers do. */
    { BYTES ("<meta http-equiv='Content-Type' content='text/html; charset=ISO-8859-1'>"
             "<p>\x93quoted\x94 caf\xE9</p>"), "\u201Cquoted\u201D caf\u00E9" },
    { BYTES ("<meta charset='shift_jis'><p>\x82\xA0</p>"), "\u3042" },
    /* Declared UTF-8 with a bad byte: that byte alone is U+FFFD. */
    { BYTES ("<meta charset='utf-8'><p>bad \xFF caf\xC3\xA9</p>"), "bad \uFFFD caf\u00E9" },
    /* Undeclared: UTF-8 if it is, else Windows-1252. */
    { BYTES ("<p>caf\xC3\xA9 \xE2\x80\x99</p>"), "caf\u00E9 \u2019" },
    { BYTES ("<p>caf\xE9 \x92</p>"), "caf\u00E9 \u2019" },
    /* A name iconv does not know: as if undeclared. */
    { BYTES ("<meta charset='x-nonsense'><p>caf\xC3\xA9</p>"), "caf\u00E9" },
    /* A NUL is U+FFFD, and the page goes on after it. */
    { BYTES ("<p>a\0b</p><p>c</p>"), "a\uFFFDb\n\nc" },
  };
#undef BYTES

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(QgArticleDraft) draft = qg_html_reduce (cases[i].bytes, cases[i].length, &error);

      g_assert_no_error (error);
      g_assert_cmpstr (draft->text, ==, cases[i].text);
    }
}

/* Control characters are no text, C1 ones in a reference are what HTML
 * reads them as, and the invisible soft hyphen goes. */
static void
test_control_characters (void)
{
  assert_reduces_to ("<p>a&#1;b&#x7F;c\x01\x1B[31md&#146;s &#128;5&#129;x&#157;</p>"
                     "<p>soft&shy;hyphen&#xFEFF;</p>",
                     "abc[31md\u2019s \u20AC5x\n\nsofthyphen");
}

/* Bytes of every value, tags and entities at random: the text is always
 * clean UTF-8, and nothing crashes. */
static void
test_random_bytes (void)
{
  static const char * const pieces[] = {
    "<p>", "</p>", "<pre>", "</pre>", "<br>", "<td>", "<li>", "<script>", "<!--", "-->", "&#",
    ";", "&nbsp;", "<meta charset='windows-1252'>", "<meta charset='utf-16'>", "<svg>", "<", ">",
    "\r\n", "\xC3", "\xA9", "\x00", "\x92", "<article>", "<header>", "<title>", "&#x110000;",
    "&#xD800;", "&#0;",
  };
  GRand *rand = g_rand_new_with_seed (42);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GByteArray) page = g_byte_array_new ();
      g_autoptr(QgArticleDraft) draft = NULL;
      g_autoptr(GError) error = NULL;
      guint n = g_rand_int_range (rand, 0, 200);

      for (guint i = 0; i < n; i++)
        {
          if (g_rand_boolean (rand))
            {
              const char *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];

              g_byte_array_append (page, (const guint8 *) piece, MAX (strlen (piece), 1));
            }
          else
            {
              guint8 byte = g_rand_int_range (rand, 0, 256);

              g_byte_array_append (page, &byte, 1);
            }
        }
      draft = qg_html_reduce ((const char *) page->data, page->len, &error);
      g_assert_no_error (error);
      assert_clean_text (draft);
    }
  g_rand_free (rand);
}

/* A page nested deeper than any stack: walked without recursion. */
static void
test_deep_nesting (void)
{
  GString *html = g_string_new ("<p>top</p>");
  g_autoptr(QgArticleDraft) draft = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 100000; i++)
    g_string_append (html, i % 2 ? "<div>" : "<span>");
  g_string_append (html, "deep");
  draft = qg_html_reduce (html->str, html->len, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (draft->text, ==, "top\n\ndeep");
  g_string_free (html, TRUE);
}

static void
test_too_large (void)
{
  g_autoptr(GError) error = NULL;

  /* Refused before a byte is read. */
  g_assert_null (qg_html_reduce ("", (gsize) QG_ARTICLE_MAX_BYTES + 1, &error));
  g_assert_error (error, QG_ARTICLE_ERROR, QG_ARTICLE_ERROR_TOO_LARGE);
  g_assert_cmpstr (error->message, ==, "the page is larger than 64 MB, the most Quotegraph reads");
}

static void
assert_metadata (const char *html,
                 const char *title,
                 const char *source,
                 const char *published)
{
  g_autoptr(QgArticleDraft) draft = reduce (html);

  g_assert_cmpstr (draft->title, ==, title);
  g_assert_cmpstr (draft->source, ==, source);
  g_assert_cmpstr (draft->published, ==, published);
}

/* Each field from the first of its sources the page has. */
static void
test_metadata_order (void)
{
  /* The title: og:title, then <title>, then the article's <h1>; a site's
   * name after it is the source's. */
  assert_metadata ("<meta property='og:title' content=' OG &amp; title '><title>Title</title>"
                   "<h1>H1</h1>", "OG & title", NULL, NULL);
  assert_metadata ("<title>\n  The\n  Title  \u2014  Site </title><meta property='og:site_name' "
                   "content='Site'><h1>H1</h1>", "The Title", "Site", NULL);
  assert_metadata ("<title> </title><h1>Head<br>line</h1><article><h1>In the article</h1>"
                   "<p>text</p></article>", "In the article", NULL, NULL);
  /* An SVG's <title> is the picture's. */
  assert_metadata ("<body><svg><title>Icon</title></svg><h1>Heading</h1></body>", "Heading",
                   NULL, NULL);
  /* The source: og:site_name, then the canonical URL's host, then og:url's. */
  assert_metadata ("<link rel='canonical' href='https://www.Example.COM/a'>"
                   "<meta property='og:url' content='https://other.example/'>", NULL,
                   "example.com", NULL);
  assert_metadata ("<link rel='canonical' href='/relative'>"
                   "<meta property='og:url' content='https://www.xn--bcher-kva.example/b'>", NULL,
                   "b\u00FCcher.example", NULL);
  assert_metadata ("<link rel='alternate canonical' href='http://news.example/'>", NULL,
                   "news.example", NULL);
  /* The date: article:published_time, then a <meta> date, then an item's
   * datePublished, then the article's <time pubdate>, then its first
   * <time>; each only if it reads as a date. */
  assert_metadata ("<meta name='date' content='2001-01-01'>"
                   "<meta property='article:published_time' content='2017-09-13T23:30:00-04:00'>",
                   NULL, NULL, "2017-09-13");
  assert_metadata ("<meta property='article:published_time' content='soon'>"
                   "<meta name='DC.date.issued' content='2017-09-12'>", NULL, NULL, "2017-09-12");
  assert_metadata ("<meta itemprop='datePublished' content='2017-09-11'><article><p>x "
                   "<time datetime='2001-01-01'>then</time></p></article>", NULL, NULL,
                   "2017-09-11");
  assert_metadata ("<article><p><time datetime='2017-09-14T08:00'>updated</time> "
                   "<time datetime='2017-09-10' pubdate>published</time></p></article>", NULL,
                   NULL, "2017-09-10");
  assert_metadata ("<article><p><time>no datetime</time><time datetime='2017-09'>Sept.</time>"
                   "</p></article>", NULL, NULL, "2017-09");
  assert_metadata ("<p>Nothing</p>", NULL, NULL, NULL);
}

static void
test_parse_date (void)
{
  static const struct
  {
    const char *value;
    const char *date;  /* or NULL */
  } cases[] = {
    { "2017-09-13", "2017-09-13" },
    { " 2017-09-13T18:04:00-04:00 ", "2017-09-13" },
    { "2017-09-13T23:59:59.999Z", "2017-09-13" },
    { "2017-09-13 18:04:00", "2017-09-13" },
    { "2017/09/13", "2017-09-13" },
    { "20170913", "2017-09-13" },
    { "20170913T180400Z", "2017-09-13" },
    { "2017-09", "2017-09" },
    { "2017", "2017" },
    { "Wed, 13 Sep 2017 22:15:00 GMT", "2017-09-13" },
    { "13 September 2017", "2017-09-13" },
    { "September 13, 2017", "2017-09-13" },
    { "Sept. 13th, 2017", "2017-09-13" },
    { "wednesday, sep 13 2017", "2017-09-13" },
    { "1 May 2017", "2017-05-01" },
    /* Not a day of the calendar, or not a date at all: no date. */
    { "2017-02-29", NULL },
    { "2017-13", NULL },
    { "0000-01-01", NULL },
    { "2017-09-13X", NULL },
    { "13/09/2017", NULL },
    { "31 February 2017", NULL },
    { "September 2017", NULL },
    { "soon", NULL },
    { "", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *date = qg_html_parse_date (cases[i].value);

      g_assert_cmpstr (date, ==, cases[i].date);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/html/pages", test_pages);
  g_test_add_func ("/quotegraph/html/white-space", test_white_space);
  g_test_add_func ("/quotegraph/html/dropped", test_dropped);
  g_test_add_func ("/quotegraph/html/headers", test_headers);
  g_test_add_func ("/quotegraph/html/prefers-article", test_prefers_article);
  g_test_add_func ("/quotegraph/html/charsets", test_charsets);
  g_test_add_func ("/quotegraph/html/control-characters", test_control_characters);
  g_test_add_func ("/quotegraph/html/random-bytes", test_random_bytes);
  g_test_add_func ("/quotegraph/html/deep-nesting", test_deep_nesting);
  g_test_add_func ("/quotegraph/html/too-large", test_too_large);
  g_test_add_func ("/quotegraph/html/metadata-order", test_metadata_order);
  g_test_add_func ("/quotegraph/html/parse-date", test_parse_date);

  return g_test_run ();
}
