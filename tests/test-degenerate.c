/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Documents at the edges of what a map is, which stay usable and correct:
 * no relations, one entity with a thousand, many quotes, and text that
 * runs right to left or carries combining marks. */
#include "config.h"

#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "qg-document.h"
#include "qg-export.h"
#include "qg-graph.h"
#include "qg-layout.h"
#include "qg-test-utils.h"
#include "qg-xml.h"

static QgDocument *
load_json (const char *json,
           GError    **error)
{
  return qg_document_load_from_data (json, strlen (json), NULL, "edge.json", NULL, error);
}

/* Every node and edge of @layout is placed at finite points inside it. */
static void
assert_placed (QgLayout *layout,
               guint     n_nodes,
               guint     n_edges)
{
  g_assert_cmpuint (qg_layout_get_n_nodes (layout), ==, n_nodes);
  g_assert_cmpuint (qg_layout_get_n_edges (layout), ==, n_edges);
  g_assert_true (isfinite (qg_layout_get_width (layout)));
  g_assert_true (isfinite (qg_layout_get_height (layout)));
  for (guint i = 0; i < n_nodes; i++)
    {
      const QgItem *node = qg_layout_get_node (layout, i);

      g_assert_cmpuint (node->n_ops, >, 0);
      g_assert_true (isfinite (node->cx) && isfinite (node->cy));
      g_assert_cmpfloat (node->cx, >=, 0);
      g_assert_cmpfloat (node->cx, <=, qg_layout_get_width (layout));
    }
  for (guint i = 0; i < n_edges; i++)
    g_assert_cmpuint (qg_layout_get_edge (layout, i)->n_ops, >, 0);
}

/* The SVG export of @doc, checked to be well-formed XML. */
static char *
export_svg (QgDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gsize length;
  char *svg = qg_test_export_svg (doc, &length);

  g_assert_true (qg_xml_check (svg, length, &error));
  g_assert_no_error (error);
  return svg;
}

/* Entities and no relation: every engine places them all. */
static void
test_no_relations (void)
{
  g_autoptr(GString) json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": "
                                          "{\"title\": \"Alone\", \"text\": \"Nobody spoke.\"}, "
                                          "\"entities\": [");
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autofree char *svg = NULL;

  for (guint i = 0; i < 12; i++)
    g_string_append_printf (json, "%s{\"id\": \"e%u\", \"name\": \"Entity %u\", "
                                  "\"kind\": \"person\"}", i ? ", " : "", i, i);
  g_string_append (json, "], \"quotes\": [], \"relations\": []}");
  doc = load_json (json->str, &error);
  g_assert_no_error (error);

  for (const char * const *engine = qg_graph_engines (); *engine; engine++)
    {
      g_autoptr(QgLayout) layout = qg_graph_compute_layout (doc, *engine, &error);

      g_test_message ("%s", *engine);
      g_assert_no_error (error);
      assert_placed (layout, 12, 0);
    }
  svg = export_svg (doc);
  g_assert_cmpuint (qg_test_count (svg, "class=\"node person\""), ==, 12);
}

/* One entity that speaks of a thousand others: a star the default
 * engine lays out, every spoke drawn and exported. */
static void
test_one_entity_a_thousand_relations (void)
{
  enum { SPOKES = 1000 };
  g_autoptr(GString) json = g_string_new ("{\"format\": \"quotegraph/1\", \"article\": "
                                          "{\"title\": \"Hub\", \"text\": \"");
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgLayout) layout = NULL;
  g_autofree char *svg = NULL;

  for (guint i = 0; i < SPOKES; i++)
    g_string_append_printf (json, "The hub named %u. ", i);
  g_string_append (json, "\"}, \"entities\": [{\"id\": \"hub\", \"name\": \"Hub\", "
                         "\"kind\": \"agency\"}");
  for (guint i = 0; i < SPOKES; i++)
    g_string_append_printf (json, ", {\"id\": \"s%u\", \"name\": \"Spoke %u\", "
                                  "\"kind\": \"company\"}", i, i);
  g_string_append (json, "], \"quotes\": [");
  for (guint i = 0; i < SPOKES; i++)
    g_string_append_printf (json, "%s{\"id\": \"q%u\", \"speaker\": \"hub\", "
                                  "\"text\": \"The hub named %u.\"}", i ? ", " : "", i, i);
  g_string_append (json, "], \"relations\": [");
  for (guint i = 0; i < SPOKES; i++)
    g_string_append_printf (json, "%s{\"id\": \"r%u\", \"source\": \"hub\", \"target\": "
                                  "\"s%u\", \"label\": \"names\", \"stance\": \"neutral\", "
                                  "\"evidence\": [\"q%u\"]}", i ? ", " : "", i, i, i);
  g_string_append (json, "]}");
  doc = load_json (json->str, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_get_n_relations (doc), ==, SPOKES);

  layout = qg_graph_compute_layout (doc, NULL, &error);
  g_assert_no_error (error);
  assert_placed (layout, SPOKES + 1, SPOKES);
  svg = export_svg (doc);
  g_assert_cmpuint (qg_test_count (svg, "class=\"edge neutral"), ==, SPOKES);
}

/* Hebrew with its points, Arabic, and a Latin name with a combining
 * accent: quotes are verified character for character, names drawn as
 * given. A quote in another normal form is not the article's, and is
 * refused where it stands. */
static void
test_right_to_left_and_combining (void)
{
  /* שָׁלוֹם with its points, and "e" + U+0301. */
  static const char hebrew[] = "\xD7\xA9\xD6\xB8\xD7\x81\xD7\x9C\xD7\x95\xD6\xB9\xD7\x9D";
  static const char arabic[] = "\xD8\xA7\xD9\x84\xD8\xB3\xD9\x84\xD8\xA7\xD9\x85 "
                               "\xD8\xB9\xD9\x84\xD9\x8A\xD9\x83\xD9\x85";
  static const char combining[] = "Rene\xCC\x81";   /* René, decomposed */
  static const char composed[] = "Ren\xC3\xA9";     /* René, composed */
  g_autofree char *json = NULL;
  g_autofree char *wrong = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = NULL;
  g_autoptr(QgDocument) refused = NULL;
  g_autoptr(QgLayout) layout = NULL;
  g_autofree char *svg = NULL;
  const char *format = "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"%s\", "
                       "\"text\": \"%s said: %s. Then %s answered.\"}, \"entities\": ["
                       "{\"id\": \"he\", \"name\": \"%s\", \"kind\": \"person\"}, "
                       "{\"id\": \"ar\", \"name\": \"%s\", \"kind\": \"person\"}], "
                       "\"quotes\": [{\"id\": \"q\", \"speaker\": \"he\", \"text\": \"%s\"}], "
                       "\"relations\": [{\"id\": \"r\", \"source\": \"he\", \"target\": \"ar\", "
                       "\"label\": \"%s\", \"stance\": \"support\", \"evidence\": [\"q\"]}]}";

  json = g_strdup_printf (format, arabic, hebrew, arabic, combining, hebrew, arabic, arabic,
                          combining);
  doc = load_json (json, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (qg_document_get_entity (doc, 0)->name, ==, hebrew);
  g_assert_cmpstr (qg_document_get_quote (doc, 0)->text, ==, arabic);

  layout = qg_graph_compute_layout (doc, "dot", &error);
  g_assert_no_error (error);
  assert_placed (layout, 2, 1);
  {
    const QgItem *node = qg_layout_get_node (layout, 0);
    const QgOp *text = qg_layout_get_op (layout, node->first_text);

    g_assert_cmpuint (node->n_texts, ==, 1);
    g_assert_cmpstr (text->text, ==, hebrew);
  }
  svg = export_svg (doc);
  g_assert_nonnull (strstr (svg, hebrew));
  g_assert_nonnull (strstr (svg, arabic));
  g_assert_nonnull (strstr (svg, combining));

  /* The article has "René" decomposed; a quote of it composed is refused. */
  g_free (json);
  json = g_strdup_printf (format, arabic, hebrew, arabic, combining, hebrew, arabic, composed,
                          combining);
  refused = load_json (json, &error);
  g_assert_null (refused);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "edge.json:1:"));
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "quotes[0] \"q\": text not found in the article"));
}

/* A hundred thousand quotes, each found where it is in the article. */
static void
test_a_hundred_thousand_quotes (void)
{
  enum { QUOTES = 100000 };
  g_autofree char *json = qg_test_witnesses_json (QUOTES);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = load_json (json, &error);
  const char *text;

  g_assert_no_error (error);
  g_assert_cmpuint (qg_document_get_n_quotes (doc), ==, QUOTES);
  text = qg_document_get_text (doc, NULL);
  for (guint i = 0; i < QUOTES; i += 9973)
    {
      const QgQuote *quote = qg_document_get_quote (doc, i);
      g_autofree char *expected = g_strdup_printf ("Témoin %u a dit « %u € »", i, i);

      g_assert_cmpstr (quote->text, ==, expected);
      g_assert_cmpmem (text + quote->start, quote->end - quote->start, expected,
                       strlen (expected));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/degenerate/no-relations", test_no_relations);
  g_test_add_func ("/degenerate/one-entity-a-thousand-relations",
                   test_one_entity_a_thousand_relations);
  g_test_add_func ("/degenerate/right-to-left-and-combining", test_right_to_left_and_combining);
  g_test_add_func ("/degenerate/a-hundred-thousand-quotes", test_a_hundred_thousand_quotes);
  return g_test_run ();
}
