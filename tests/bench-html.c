/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reducing a large web page to its article's text, beside libxml2's own
 * xmllint --html --noout (which only parses) on the same file. A
 * benchmark: it prints what it measures and asserts nothing of time. */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "qg-article-draft.h"
#include "qg-html.h"

#define ROUNDS 3

/* A news site's page of about @size bytes: its head, menus, scripts and
 * ads around one long article of paragraphs with links, entities and
 * quotes, a table and a list now and then. */
static GString *
make_page (gsize size)
{
  GString *page = g_string_new ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                                "<title>A long article | The Daily Record</title>"
                                "<meta property=\"og:site_name\" content=\"The Daily Record\">"
                                "<meta property=\"article:published_time\" "
                                "content=\"2017-09-13T18:04:00-04:00\">"
                                "<style>body { margin: 0 }</style></head><body>"
                                "<header><nav><ul><li><a href=\"/\">Home</a></li>"
                                "<li><a href=\"/world\">World</a></li></ul></nav></header>"
                                "<main><article><h1>A long article</h1>");
  guint n = 0;

  while (page->len < size)
    {
      g_string_append_printf (page,
                              "<p>Paragraph %u: the agency&#8217;s <a href=\"/t/%u\">directive</a>"
                              " said &ldquo;the risk is real&rdquo; &amp; officials agreed,"
                              "&nbsp;according to <em>three</em> people.\n  Its text goes on "
                              "over\tseveral   lines, as pages write it.</p>\n", n, n);
      if (n % 10 == 0)
        g_string_append (page, "<div class=\"ad-slot\"><script>show_ad();</script></div>"
                               "<!-- an editor's comment -->");
      if (n % 25 == 0)
        g_string_append (page, "<table><tr><th>Agency</th><th>Products</th></tr>"
                               "<tr><td>DHS</td><td>All</td></tr></table>"
                               "<ul><li>one</li><li>two</li></ul>");
      n++;
    }
  g_string_append (page, "</article></main><footer><p>&copy; 2017</p></footer>"
                         "<script src=\"/app.js\"></script></body></html>\n");
  return page;
}

static double
seconds_of_xmllint (const char *path)
{
  const char *argv[] = { "xmllint", "--html", "--noout", path, NULL };
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH
                     | G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error))
    return -1;
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GString) page = make_page (5 * 1000 * 1000);
  g_autofree char *dir = g_dir_make_tmp ("quotegraph-bench-html-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "large-page.html", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  double reduce = G_MAXDOUBLE, read = G_MAXDOUBLE, xmllint = G_MAXDOUBLE;
  gsize text_length = 0;

  g_assert_true (g_file_set_contents (path, page->str, page->len, NULL));
  for (guint round = 0; round < ROUNDS; round++)
    {
      g_autoptr(QgArticleDraft) in_memory = NULL;
      g_autoptr(QgArticleDraft) from_file = NULL;
      gint64 start = g_get_monotonic_time ();
      double lint;

      in_memory = qg_html_reduce (page->str, page->len, NULL);
      reduce = MIN (reduce, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      text_length = in_memory->length;

      start = g_get_monotonic_time ();
      from_file = qg_article_draft_read_file (file, "large-page.html", NULL, NULL);
      read = MIN (read, (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC);
      g_assert_cmpstr (from_file->text, ==, in_memory->text);

      lint = seconds_of_xmllint (path);
      if (lint >= 0)
        xmllint = MIN (xmllint, lint);
    }

  g_print ("page: %.1f MB, reduced to %.1f MB of text (best of %d runs)\n",
           page->len / 1e6, text_length / 1e6, ROUNDS);
  g_print ("qg_html_reduce, in memory:                  %.3f s\n", reduce);
  g_print ("qg_article_draft_read_file (read, reduce):  %.3f s\n", read);
  if (xmllint < G_MAXDOUBLE)
    g_print ("xmllint --html --noout (parse only):        %.3f s\n", xmllint);
  else
    g_print ("xmllint --html --noout: not found (libxml2-utils)\n");

  g_remove (path);
  g_rmdir (dir);
  return 0;
}
