/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "qg-aif.h"
#include "qg-cli.h"
#include "qg-document.h"
#include "qg-export.h"
#include "qg-graph.h"
#include "qg-test-utils.h"

static QgAifGraph *
load_aif (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "aif", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  QgAifGraph *graph = qg_aif_graph_load (file, name, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static const QgAifNode *
node (QgAifGraph *graph,
      const char *id)
{
  gint i = qg_aif_graph_find_node (graph, id);

  g_assert_cmpint (i, >=, 0);
  return &graph->nodes[i];
}

/* Whether an edge goes from the node @from to the node @to. */
static gboolean
has_edge (QgAifGraph *graph,
          const char *from,
          const char *to)
{
  for (guint i = 0; i < graph->n_edges; i++)
    if (strcmp (graph->nodes[graph->edges[i].from].id, from) == 0
        && strcmp (graph->nodes[graph->edges[i].to].id, to) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------ */
/* Reading                                                                   */

/* AIFdb's nodeset: the AIF at the top level, string ids, every S-node type. */
static void
test_aifdb_shape (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");

  g_assert_false (graph->wrapped);
  g_assert_cmpuint (graph->n_nodes, ==, 16);
  g_assert_cmpuint (graph->n_edges, ==, 17);
  g_assert_cmpuint (graph->n_locutions, ==, 2);
  g_assert_null (graph->text);

  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_I), ==, 5);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_L), ==, 2);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_YA), ==, 3);
  g_assert_cmpint (node (graph, "107")->type, ==, QG_AIF_NODE_RA);
  g_assert_cmpint (node (graph, "111")->type, ==, QG_AIF_NODE_CA);
  g_assert_cmpint (node (graph, "113")->type, ==, QG_AIF_NODE_MA);
  g_assert_cmpint (node (graph, "114")->type, ==, QG_AIF_NODE_PA);
  g_assert_cmpint (node (graph, "108")->type, ==, QG_AIF_NODE_TA);
  g_assert_cmpint (node (graph, "109")->type, ==, QG_AIF_NODE_YA);
  /* A type AIF does not name is kept as written. */
  g_assert_cmpint (node (graph, "115")->type, ==, QG_AIF_NODE_OTHER);
  g_assert_cmpstr (node (graph, "115")->type_name, ==, "ISSUE");
  g_assert_true (qg_aif_node_type_is_scheme (QG_AIF_NODE_OTHER));
  g_assert_false (qg_aif_node_type_is_scheme (QG_AIF_NODE_L));

  g_assert_cmpstr (node (graph, "105")->text, ==, "schools need money");
  g_assert_cmpstr (node (graph, "105")->timestamp, ==, "2016-03-01 10:00:30");
  g_assert_false (node (graph, "105")->has_position);
  g_assert_true (has_edge (graph, "105", "107"));
  g_assert_true (has_edge (graph, "107", "102"));

  /* An I-node no edge touches is still a node. */
  for (guint i = 0; i < graph->n_edges; i++)
    {
      g_assert_cmpstr (graph->nodes[graph->edges[i].from].id, !=, "116");
      g_assert_cmpstr (graph->nodes[graph->edges[i].to].id, !=, "116");
    }
  g_assert_cmpstr (node (graph, "116")->text, ==, "an aside nobody answered");
}

/* A participant listed twice is one speaker, and a locution names its L-node's. */
static void
test_participants (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");
  const QgAifNode *bob = node (graph, "101");
  const QgAifNode *wilma = node (graph, "104");

  g_assert_cmpuint (graph->n_participants, ==, 2);
  g_assert_cmpint (bob->participant, >=, 0);
  g_assert_cmpstr (graph->participants[bob->participant].firstname, ==, "Bob");
  g_assert_cmpstr (graph->participants[bob->participant].surname, ==, "Smith");
  g_assert_cmpstr (graph->participants[wilma->participant].firstname, ==, "Wilma");
  g_assert_cmpint (node (graph, "102")->participant, ==, -1);
  g_assert_cmpuint (graph->locutions[1].node, ==, (guint) qg_aif_graph_find_node (graph, "104"));
  g_assert_cmpstr (graph->locutions[1].person_id, ==, "2");
  g_assert_cmpstr (graph->locutions[1].timestamp, ==, "2016-03-01 10:00:30");
}

/* An undercut: a conflict that attacks an inference, an edge from one
 * S-node to another. */
static void
test_scheme_to_scheme_edge (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");

  g_assert_true (has_edge (graph, "111", "107"));
  g_assert_true (qg_aif_node_type_is_scheme (node (graph, "111")->type));
  g_assert_true (qg_aif_node_type_is_scheme (node (graph, "107")->type));
  /* And a transition that anchors an inference through an illocution. */
  g_assert_true (has_edge (graph, "109", "107"));
}

/* OVA3's shape: the AIF wrapped, ids as numbers and as strings in one
 * file, the text as HTML, the layout beside it. */
static void
test_ova3_shape (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("ova3-wrapped.json");

  g_assert_true (graph->wrapped);
  g_assert_cmpuint (graph->n_nodes, ==, 5);
  g_assert_cmpuint (graph->n_edges, ==, 4);
  /* 1 and "3" are written as a number and as a string; edges name them either way. */
  g_assert_cmpint (node (graph, "1")->type, ==, QG_AIF_NODE_L);
  g_assert_cmpint (node (graph, "3")->type, ==, QG_AIF_NODE_YA);
  g_assert_true (has_edge (graph, "1", "3"));
  g_assert_true (has_edge (graph, "3", "2"));
  g_assert_true (has_edge (graph, "2", "5"));
  g_assert_true (has_edge (graph, "5", "4"));

  /* No participants: the locution has a person the file does not describe. */
  g_assert_cmpuint (graph->n_participants, ==, 0);
  g_assert_cmpuint (graph->n_locutions, ==, 1);
  g_assert_cmpstr (graph->locutions[0].person_id, ==, "0");
  g_assert_cmpint (graph->locutions[0].participant, ==, -1);
  g_assert_cmpint (node (graph, "1")->participant, ==, -1);
}

/* OVA's coordinates, numbers or strings of numbers; the rest is no position. */
static void
test_ova3_layout (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("ova3-wrapped.json");

  g_assert_true (node (graph, "1")->has_position);
  g_assert_cmpfloat (node (graph, "1")->x, ==, 100.0);
  g_assert_cmpfloat (node (graph, "1")->y, ==, 50.5);
  g_assert_true (node (graph, "2")->has_position);
  g_assert_cmpfloat (node (graph, "2")->x, ==, 220.0);
  g_assert_cmpfloat (node (graph, "2")->y, ==, 75.25);
  g_assert_false (node (graph, "4")->has_position);
  g_assert_false (node (graph, "5")->has_position);
}

/* OVA's HTML text read as text: no markup, its entities decoded. */
static void
test_html_text (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("ova3-wrapped.json");

  g_assert_nonnull (graph->text);
  g_assert_cmpuint (strlen (graph->text), ==, graph->text_len);
  g_assert_nonnull (strstr (graph->text, "Yesterday the bridge is unsafe, said Anna."));
  g_assert_nonnull (strstr (graph->text, "Engineers agree & argue."));
  g_assert_null (strchr (graph->text, '<'));
}

/* xAIF: the text as {"txt": …}, "ova" an empty array, null members. */
static void
test_xaif_text_object (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("xaif-text-object.json");
  const QgAifNode *l = node (graph, "0");

  g_assert_cmpstr (graph->text, ==, "Speaker 1 it is late.");
  g_assert_cmpuint (graph->n_participants, ==, 1);
  g_assert_cmpint (l->participant, ==, 0);
  g_assert_cmpstr (graph->participants[0].surname, ==, "1");
  g_assert_cmpstr (graph->participants[0].id, ==, "0");
}

/* A text without markup is kept as it is, "<" and all. */
static void
test_plain_text_kept (void)
{
  static const char data[] = "{\"nodes\": [], \"edges\": [], \"text\": \"a < b and b > c\\n\"}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = qg_aif_graph_load_from_data (data, strlen (data), "plain.json",
                                                             &error);

  g_assert_no_error (error);
  g_assert_cmpstr (graph->text, ==, "a < b and b > c\n");
}

/* Every broken file in tests/data/aif/broken gives exactly the error beside it. */
static void
test_broken (gconstpointer data)
{
  const char *name = data;
  g_autofree char *base = g_test_build_filename (G_TEST_DIST, "data", "aif", "broken", name,
                                                 NULL);
  g_autofree char *json_path = g_strconcat (base, ".json", NULL);
  g_autofree char *err_path = g_strconcat (base, ".err", NULL);
  g_autofree char *json_name = g_strconcat (name, ".json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (json_path);
  g_autofree char *expected = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = NULL;
  int code = g_str_has_prefix (name, "syntax-") ? QG_DOCUMENT_ERROR_SYNTAX
                                                            : QG_DOCUMENT_ERROR_INVALID;

  g_file_get_contents (err_path, &expected, NULL, &error);
  g_assert_no_error (error);
  g_strchomp (expected);

  graph = qg_aif_graph_load (file, json_name, NULL, &error);
  g_assert_null (graph);
  g_assert_error (error, QG_DOCUMENT_ERROR, code);
  g_assert_cmpstr (error->message, ==, expected);
}

static void
add_broken_tests (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "data", "aif", "broken", NULL);

  qg_test_add_per_json_file ("/quotegraph/aif/broken/", dir, 10, test_broken);
}

/* What is not AIF's (a JSON array, a file too deep) is refused as a document is. */
static void
test_not_an_object (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = qg_aif_graph_load_from_data ("[1]", 3, "array.json", &error);

  g_assert_null (graph);
  g_assert_error (error, QG_DOCUMENT_ERROR, QG_DOCUMENT_ERROR_INVALID);
  g_assert_cmpstr (error->message, ==, "array.json:1: AIF must be a JSON object, not an array");
}

/* A copy of @node in which the @target-th value (counting in document
 * order, from 0 at the root) is @with. */
static JsonNode *
replace_nth (JsonNode *node,
             guint    *counter,
             guint     target,
             JsonNode *with)
{
  JsonNode *copy;

  if ((*counter)++ == target)
    return json_node_copy (with);
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *obj = json_node_get_object (node);
      JsonObject *out = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (obj);

      for (GList *l = members; l != NULL; l = l->next)
        json_object_set_member (out, l->data,
                                replace_nth (json_object_get_member (obj, l->data), counter,
                                             target, with));
      copy = json_node_init_object (json_node_alloc (), out);
      json_object_unref (out);
      return copy;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      JsonArray *out = json_array_new ();

      for (guint i = 0; i < json_array_get_length (array); i++)
        json_array_add_element (out, replace_nth (json_array_get_element (array, i), counter,
                                                  target, with));
      copy = json_node_init_array (json_node_alloc (), out);
      json_array_unref (out);
      return copy;
    }
  return json_node_copy (node);
}

static void
assert_graph_or_error (const char *data,
                       gsize       length,
                       guint      *n_loaded,
                       guint      *n_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(QgAifGraph) graph = qg_aif_graph_load_from_data (data, length, "mutant.json",
                                                             &error);

  g_assert_true ((graph == NULL) != (error == NULL));
  if (graph != NULL)
    (*n_loaded)++;
  else
    {
      g_assert_true (g_str_has_prefix (error->message, "mutant.json:"));
      (*n_refused)++;
    }
}

/* Bad input never crashes: every cut of real files, and every value of
 * them replaced by one of another type, gives a graph or an error that
 * names the file, never both and never neither. */
static void
test_mutations (void)
{
  static const char * const files[] = { "ova3-wrapped.json", "aifdb-nodeset.json" };
  static const char * const values[] = { "null", "0", "\"\"", "[]", "{}", "[{}]" };

  for (guint f = 0; f < G_N_ELEMENTS (files); f++)
    {
      g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "aif", files[f], NULL);
      g_autofree char *data = NULL;
      g_autoptr(JsonNode) root = NULL;
      gsize length = 0;
      guint n_values = 0, n_loaded = 0, n_refused = 0;

      g_assert_true (g_file_get_contents (path, &data, &length, NULL));
      for (gsize cut = 0; cut < length; cut += f == 0 ? 1 : 7)
        assert_graph_or_error (data, cut, &n_loaded, &n_refused);

      root = json_from_string (data, NULL);
      g_assert_nonnull (root);
      /* A pass that replaces nothing counts the values. */
      json_node_unref (replace_nth (root, &n_values, G_MAXUINT, root));
      for (guint v = 0; v < G_N_ELEMENTS (values); v++)
        {
          g_autoptr(JsonNode) with = json_from_string (values[v], NULL);

          for (guint target = 0; target < n_values; target++)
            {
              guint counter = 0;
              g_autoptr(JsonNode) mutant = replace_nth (root, &counter, target, with);
              g_autofree char *text = json_to_string (mutant, FALSE);

              assert_graph_or_error (text, strlen (text), &n_loaded, &n_refused);
            }
        }
      /* Both outcomes occur: a change to what only describes is still AIF. */
      g_assert_cmpuint (n_loaded, >, 0);
      g_assert_cmpuint (n_refused, >, 0);
    }
}

/* ------------------------------------------------------------------------ */
/* Writing                                                                   */

static QgAifGraph *
write_and_read (QgDocument *doc)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *aif = qg_aif_write (doc, &length);
  QgAifGraph *graph;

  g_assert_cmpuint (strlen (aif), ==, length);
  graph = qg_aif_graph_load_from_data (aif, length, "written.aif.json", &error);
  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static guint
count_speakers (QgDocument *doc)
{
  guint n = 0;

  for (guint e = 0; e < qg_document_get_n_entities (doc); e++)
    {
      guint n_spoken = 0;

      qg_document_get_speaker_quotes (doc, e, &n_spoken);
      n += n_spoken > 0;
    }
  return n;
}

/* The bundled map written as AIF reads back with as many quotes, speakers
 * and relations. */
static void
test_write_round_trip (void)
{
  g_autoptr(GFile) bundled = qg_bundled_document ();
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load (bundled, NULL, NULL, &error);
  g_autoptr(QgAifGraph) graph = NULL;
  guint n_said = 0, n_schemes = 0;
  gsize text_len;
  const char *text;

  g_assert_no_error (error);
  for (guint i = 0; i < qg_document_get_n_quotes (doc); i++)
    n_said += qg_document_get_quote (doc, i)->speaker >= 0;
  g_assert_cmpuint (n_said, >, 0);
  g_assert_cmpuint (n_said, <, qg_document_get_n_quotes (doc));

  graph = write_and_read (doc);
  g_assert_false (graph->wrapped);
  /* Each quote an I-node, each relation's sentence one more. */
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_I), ==,
                    qg_document_get_n_quotes (doc) + qg_document_get_n_relations (doc));
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_L), ==, n_said);
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_YA), ==, n_said);
  g_assert_cmpuint (graph->n_locutions, ==, n_said);
  g_assert_cmpuint (graph->n_participants, ==, count_speakers (doc));
  for (guint i = 0; i < graph->n_nodes; i++)
    if (graph->nodes[i].type != QG_AIF_NODE_YA
        && qg_aif_node_type_is_scheme (graph->nodes[i].type))
      n_schemes++;
  g_assert_cmpuint (n_schemes, ==, qg_document_get_n_relations (doc));
  g_assert_cmpuint (qg_aif_graph_count_type (graph, QG_AIF_NODE_RA)
                    + qg_aif_graph_count_type (graph, QG_AIF_NODE_CA), ==,
                    qg_document_get_n_relations (doc));

  text = qg_document_get_text (doc, &text_len);
  g_assert_cmpuint (graph->text_len, ==, text_len);
  g_assert_true (memcmp (graph->text, text, text_len) == 0);
}

/* The mapping, on a small map: who says what, and which scheme each stance is. */
static void
test_write_mapping (void)
{
  g_autoptr(QgDocument) doc = qg_test_load ("valid", "small.json");
  g_autoptr(QgAifGraph) graph = write_and_read (doc);
  const QgAifNode *agency_l = NULL, *agency_i = NULL, *defies = NULL, *defies_scheme = NULL;
  const QgAifNode *demands_scheme = NULL, *silent_scheme = NULL;

  for (guint i = 0; i < graph->n_nodes; i++)
    {
      const QgAifNode *n = &graph->nodes[i];

      if (strcmp (n->text, "The Agency : We expect compliance") == 0)
        agency_l = n;
      else if (n->type == QG_AIF_NODE_I && strcmp (n->text, "We expect compliance") == 0)
        agency_i = n;
      else if (strcmp (n->text, "Acme Corp defies The Agency") == 0)
        defies = n;
    }
  g_assert_nonnull (agency_l);
  g_assert_nonnull (agency_i);
  g_assert_nonnull (defies);
  g_assert_cmpint (agency_l->type, ==, QG_AIF_NODE_L);
  g_assert_cmpint (defies->type, ==, QG_AIF_NODE_I);

  /* The locution asserts its proposition through a YA node. */
  for (guint i = 0; i < graph->n_edges; i++)
    {
      const QgAifNode *from = &graph->nodes[graph->edges[i].from];
      const QgAifNode *to = &graph->nodes[graph->edges[i].to];

      if (from == agency_l)
        {
          g_assert_cmpint (to->type, ==, QG_AIF_NODE_YA);
          g_assert_cmpstr (to->text, ==, "Asserting");
          g_assert_true (has_edge (graph, to->id, agency_i->id));
        }
      if (to == defies)
        defies_scheme = from;
      if (from == agency_i && qg_aif_node_type_is_scheme (to->type))
        demands_scheme = to;
      if (strcmp (from->text, "“no comment”") == 0 && qg_aif_node_type_is_scheme (to->type))
        silent_scheme = to;
    }
  g_assert_nonnull (defies_scheme);
  g_assert_cmpint (defies_scheme->type, ==, QG_AIF_NODE_CA);
  g_assert_cmpstr (defies_scheme->text, ==, "Default Conflict");
  g_assert_nonnull (demands_scheme);
  g_assert_cmpint (demands_scheme->type, ==, QG_AIF_NODE_RA);
  g_assert_nonnull (silent_scheme);
  g_assert_cmpint (silent_scheme->type, ==, QG_AIF_NODE_RA);

  /* "Acme Corp" is a company: named whole. Its two quotes are one participant's. */
  g_assert_cmpuint (graph->n_participants, ==, 3);
  g_assert_cmpstr (graph->participants[0].firstname, ==, "Acme Corp");
  g_assert_cmpstr (graph->participants[0].surname, ==, "");
  g_assert_cmpint (agency_l->participant, ==, 1);
  g_assert_cmpuint (graph->n_locutions, ==, 4);
  g_assert_cmpstr (graph->locutions[2].person_id, ==, graph->participants[0].id);
}

/* A person's last word is the surname; the rest the first name. */
static void
test_write_person_names (void)
{
  g_autoptr(GFile) bundled = qg_bundled_document ();
  g_autoptr(QgDocument) doc = qg_document_load (bundled, NULL, NULL, NULL);
  g_autoptr(QgAifGraph) graph = write_and_read (doc);
  gboolean found = FALSE;

  for (guint i = 0; i < graph->n_participants; i++)
    if (strcmp (graph->participants[i].surname, "Joyce") == 0)
      {
        g_assert_cmpstr (graph->participants[i].firstname, ==, "Rob");
        found = TRUE;
      }
  g_assert_true (found);
}

/* The same map is the same bytes, and the export writes exactly them. */
static void
test_write_deterministic (void)
{
  g_autoptr(QgDocument) doc = qg_test_load ("valid", "small.json");
  g_autofree char *dir = g_dir_make_tmp ("qg-aif-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "small.aif.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(GError) error = NULL;
  gsize first_len, second_len, written_len;

  first = qg_aif_write (doc, &first_len);
  second = qg_aif_write (doc, &second_len);
  g_assert_cmpstr (first, ==, second);
  g_assert_true (first[first_len - 1] == '\n');

  g_assert_cmpint (qg_export_format_for_path (path), ==, QG_EXPORT_AIF);
  g_assert_true (qg_export_to_file (doc, NULL, QG_EXPORT_AIF, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &written, &written_len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (written_len, ==, first_len);
  g_assert_cmpstr (written, ==, first);
  g_unlink (path);
  g_rmdir (dir);
}

/* Without drafts, what is drafted is left out, as the other exports leave it. */
static void
test_write_without_drafts (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "drafts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(QgDocument) doc = qg_document_load (file, "drafts.json", NULL, NULL);
  g_autofree char *dir = g_dir_make_tmp ("qg-aif-XXXXXX", NULL);
  g_autofree char *out = g_build_filename (dir, "checked.aif.json", NULL);
  g_autoptr(GFile) out_file = g_file_new_for_path (out);
  g_autoptr(QgAifGraph) all = write_and_read (doc);
  g_autoptr(QgAifGraph) checked = NULL;
  g_autoptr(GError) error = NULL;

  /* Everything: 4 quotes, each said, 3 relations, 3 speakers. */
  g_assert_cmpuint (qg_aif_graph_count_type (all, QG_AIF_NODE_I), ==, 4 + 3);
  g_assert_cmpuint (qg_aif_graph_count_type (all, QG_AIF_NODE_L), ==, 4);
  g_assert_cmpuint (all->n_participants, ==, 3);

  /* Checked only, through the export: Carla Diaz's quote and relation. */
  g_assert_true (qg_export_to_file (doc, &(QgExportOptions) { .without_drafts = TRUE },
                                    QG_EXPORT_AIF, out, &error));
  g_assert_no_error (error);
  checked = qg_aif_graph_load (out_file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qg_aif_graph_count_type (checked, QG_AIF_NODE_I), ==, 1 + 1);
  g_assert_cmpuint (qg_aif_graph_count_type (checked, QG_AIF_NODE_L), ==, 1);
  g_assert_cmpuint (qg_aif_graph_count_type (checked, QG_AIF_NODE_RA)
                    + qg_aif_graph_count_type (checked, QG_AIF_NODE_CA), ==, 1);
  g_assert_cmpuint (checked->n_participants, ==, 1);
  g_assert_cmpstr (checked->participants[0].firstname, ==, "Carla");
  g_assert_cmpstr (checked->participants[0].surname, ==, "Diaz");
  g_unlink (out);
  g_rmdir (dir);
}

/* A checked quote of a drafted speaker is written without its speaker, and
 * a checked relation keeps its checked evidence, or goes if it has none. */
static void
test_write_without_drafts_keeps_checked (void)
{
  static const char json[] =
    "{\"format\": \"quotegraph/1\", \"article\": {\"title\": \"T\", \"text\": \"one two three\"},"
    " \"entities\": [{\"id\": \"x\", \"name\": \"Xavier Ode\", \"kind\": \"person\","
    "                 \"draft\": true},"
    "                {\"id\": \"y\", \"name\": \"Yard\", \"kind\": \"group\"}],"
    " \"quotes\": [{\"id\": \"q1\", \"text\": \"one\", \"speaker\": \"x\"},"
    "              {\"id\": \"q2\", \"text\": \"two\", \"draft\": true},"
    "              {\"id\": \"q3\", \"text\": \"three\", \"draft\": true}],"
    " \"relations\": [{\"id\": \"r1\", \"source\": \"y\", \"target\": \"y\", \"label\": \"is\","
    "                 \"evidence\": [\"q1\", \"q2\"]},"
    "                {\"id\": \"r2\", \"source\": \"y\", \"target\": \"y\", \"label\": \"was\","
    "                 \"evidence\": [\"q3\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(QgDocument) doc = qg_document_load_from_data (json, strlen (json), NULL, "inline.json",
                                                          NULL, &error);
  g_autoptr(QgAifGraph) graph = NULL;
  g_autofree char *aif = NULL;
  gsize length;

  g_assert_no_error (error);
  aif = qg_aif_write_full (doc, TRUE, &length);
  graph = qg_aif_graph_load_from_data (aif, length, "written.aif.json", &error);
  g_assert_no_error (error);
  /* "one" and "Yard is Yard"; no locution, no participant. */
  g_assert_cmpuint (graph->n_nodes, ==, 3);
  g_assert_cmpstr (graph->nodes[0].text, ==, "one");
  g_assert_cmpstr (graph->nodes[1].text, ==, "Yard is Yard");
  g_assert_cmpint (graph->nodes[2].type, ==, QG_AIF_NODE_RA);
  g_assert_cmpuint (graph->n_participants, ==, 0);
  g_assert_cmpuint (graph->n_locutions, ==, 0);
  g_assert_cmpuint (graph->n_edges, ==, 2);
  g_assert_true (has_edge (graph, graph->nodes[0].id, graph->nodes[2].id));
  g_assert_true (has_edge (graph, graph->nodes[2].id, graph->nodes[1].id));
}

/* Only the double extension is AIF: any other .json is a map of our own. */
static void
test_export_format (void)
{
  g_assert_cmpint (qg_export_format_for_path ("map.aif.json"), ==, QG_EXPORT_AIF);
  g_assert_cmpint (qg_export_format_for_path ("MAP.AIF.JSON"), ==, QG_EXPORT_AIF);
  g_assert_cmpint (qg_export_format_for_path ("map.json"), ==, QG_EXPORT_UNKNOWN);
  g_assert_cmpstr (qg_export_extension (QG_EXPORT_AIF), ==, ".aif.json");
  g_assert_nonnull (strstr (qg_export_supported (), ".aif.json"));
}

/* An AIF file written again is the same graph in AIFdb's shape: every
 * node with its id, type and text, every edge, locution and participant,
 * and the text; the same bytes each time. */
static void
test_graph_write_round_trip (void)
{
  static const char * const names[] = { "ova3-wrapped.json", "aifdb-nodeset.json" };

  for (guint f = 0; f < G_N_ELEMENTS (names); f++)
    {
      g_autoptr(QgAifGraph) graph = load_aif (names[f]);
      g_autoptr(GError) error = NULL;
      g_autoptr(QgAifGraph) copy = NULL;
      gsize length = 0;
      g_autofree char *json = qg_aif_graph_write (graph, &length);
      g_autofree char *again = qg_aif_graph_write (graph, NULL);

      g_assert_cmpstr (json, ==, again);
      g_assert_cmpuint (strlen (json), ==, length);
      copy = qg_aif_graph_load_from_data (json, length, "copy.aif.json", &error);
      g_assert_no_error (error);
      g_assert_false (copy->wrapped);
      g_assert_cmpuint (copy->n_nodes, ==, graph->n_nodes);
      for (guint i = 0; i < graph->n_nodes; i++)
        {
          g_assert_cmpstr (copy->nodes[i].id, ==, graph->nodes[i].id);
          g_assert_cmpstr (copy->nodes[i].type_name, ==, graph->nodes[i].type_name);
          g_assert_cmpstr (copy->nodes[i].text, ==, graph->nodes[i].text);
          g_assert_cmpstr (copy->nodes[i].timestamp, ==, graph->nodes[i].timestamp);
          g_assert_cmpint (copy->nodes[i].participant, ==, graph->nodes[i].participant);
        }
      g_assert_cmpuint (copy->n_edges, ==, graph->n_edges);
      for (guint k = 0; k < graph->n_edges; k++)
        {
          g_assert_cmpuint (copy->edges[k].from, ==, graph->edges[k].from);
          g_assert_cmpuint (copy->edges[k].to, ==, graph->edges[k].to);
        }
      g_assert_cmpuint (copy->n_locutions, ==, graph->n_locutions);
      g_assert_cmpuint (copy->n_participants, ==, graph->n_participants);
      g_assert_cmpmem (copy->text, copy->text_len, graph->text, graph->text_len);
    }
}

/* ------------------------------------------------------------------------ */
/* Drawing and reading (qg-aif-map.c)                                         */

static QgAifGraph *
load_aif_text (const char *json)
{
  g_autoptr(GError) error = NULL;
  QgAifGraph *graph = qg_aif_graph_load_from_data (json, strlen (json), "inline.json", &error);

  g_assert_no_error (error);
  g_assert_nonnull (graph);
  return graph;
}

static guint
index_of (QgAifGraph *graph,
          const char *id)
{
  gint i = qg_aif_graph_find_node (graph, id);

  g_assert_cmpint (i, >=, 0);
  return (guint) i;
}

/* The DOT line of node @i: from "  n<i> [" to its end. */
static char *
dot_node_line (const char *dot,
               guint       i)
{
  g_autofree char *needle = g_strdup_printf ("\n  n%u [", i);
  const char *at = strstr (dot, needle);
  const char *end = at ? strchr (at + 1, '\n') : NULL;

  g_assert_nonnull (end);
  return g_strndup (at + 1, end - (at + 1));
}

/* Every node is "n<i>" and every edge "n<from>" -> "n<to>" with id
 * "e<k>", in order; cgraph reads as many nodes and edges as the file has,
 * the isolated node and the S-to-S edges included; and the same graph is
 * the same bytes. */
static void
test_dot_every_node_and_edge (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");
  g_autoptr(QgAifGraph) again = load_aif ("aifdb-nodeset.json");
  g_autofree char *dot = qg_aif_graph_to_dot (graph);
  g_autofree char *same = qg_aif_graph_to_dot (again);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) drawn = NULL;
  g_autofree char *svg = NULL;
  const char *at = dot;
  guint line = 0;

  g_assert_cmpstr (dot, ==, same);
  g_assert_true (g_str_has_prefix (dot, "digraph "));
  g_assert_nonnull (strstr (dot, "rankdir=TB"));
  for (guint i = 0; i < graph->n_nodes; i++)
    {
      g_autofree char *node_line = dot_node_line (dot, i);
      g_autofree char *id = g_strdup_printf ("[id=\"n%u\"", i);

      g_assert_nonnull (strstr (node_line, id));
      g_assert_nonnull (strstr (node_line, "tooltip=\""));
    }
  for (guint k = 0; k < graph->n_edges; k++)
    {
      g_autofree char *edge = g_strdup_printf ("  n%u -> n%u [id=\"e%u\"", graph->edges[k].from,
                                               graph->edges[k].to, k);

      /* In the order of the edges. */
      at = strstr (at, edge);
      g_assert_nonnull (at);
    }

  drawn = qg_graph_new_from_dot (dot, NULL, &line, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (qg_graph_get_n_entities (drawn), ==, graph->n_nodes);
  g_assert_cmpuint (qg_graph_get_n_relations (drawn), ==, graph->n_edges);
  g_assert_cmpstr (qg_graph_get_engine (drawn), ==, "dot");
  svg = qg_test_render_svg (drawn);
  g_assert_cmpuint (qg_test_count (svg, "class=\"node "), ==, graph->n_nodes);
  /* The undercut (CA → RA) and the isolated proposition are drawn. */
  g_assert_nonnull (strstr (svg, "<g id=\"e11\" class=\"edge\">"));
  g_assert_nonnull (strstr (svg, "an aside nobody answered"));
}

/* Propositions and locutions are text boxes that look apart; S-nodes are
 * small nodes named by their type, coloured by what they mean. */
static void
test_dot_styles (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");
  g_autofree char *dot = qg_aif_graph_to_dot (graph);
  g_autofree char *i_line = dot_node_line (dot, index_of (graph, "102"));
  g_autofree char *l_line = dot_node_line (dot, index_of (graph, "101"));
  static const struct { const char *id, *label, *color; QgAifNodeType type; } schemes[] = {
    { "107", "RA", "#2f8a4a", QG_AIF_NODE_RA }, { "111", "CA", "#c0392b", QG_AIF_NODE_CA },
    { "113", "MA", "#c86a10", QG_AIF_NODE_MA }, { "114", "PA", "#8446a8", QG_AIF_NODE_PA },
    { "108", "TA", "#77767b", QG_AIF_NODE_TA }, { "103", "YA", "#56708f", QG_AIF_NODE_YA },
    { "115", "ISSUE", "#8a8a8a", QG_AIF_NODE_OTHER },
  };

  g_assert_nonnull (strstr (i_line, "shape=box, style=\"rounded,filled\""));
  g_assert_nonnull (strstr (i_line, "label=\"we should raise taxes\""));
  g_assert_nonnull (strstr (l_line, "shape=box, style=\"filled\""));
  g_assert_cmpstr (qg_aif_node_type_style (QG_AIF_NODE_I)->fill, !=,
                   qg_aif_node_type_style (QG_AIF_NODE_L)->fill);
  /* Wrapped at about 32 characters, the text whole in the tooltip. */
  g_assert_nonnull (strstr (l_line, "label=\"Bob Smith : we\\nshould raise taxes\""));
  g_assert_nonnull (strstr (l_line, "tooltip=\"Bob Smith : we should raise taxes\""));
  for (guint s = 0; s < G_N_ELEMENTS (schemes); s++)
    {
      g_autofree char *line = dot_node_line (dot, index_of (graph, schemes[s].id));
      g_autofree char *label = g_strdup_printf ("label=\"%s\"", schemes[s].label);
      g_autofree char *color = g_strdup_printf ("color=\"%s\"", schemes[s].color);

      g_assert_nonnull (strstr (line, "shape=ellipse"));
      g_assert_nonnull (strstr (line, label));
      g_assert_nonnull (strstr (line, color));
      g_assert_cmpstr (qg_aif_node_type_style (schemes[s].type)->stroke, ==, schemes[s].color);
    }
  /* A support's edges are green, an attack's red. */
  g_assert_nonnull (strstr (dot, "  n4 -> n6 [id=\"e4\", color=\"#2f8a4a\"]"));
  g_assert_nonnull (strstr (dot, "  n9 -> n10 [id=\"e10\", color=\"#c0392b\"]"));
}

/* No text breaks the DOT or adds to it: quotes, backslashes, a closing
 * bracket and a would-be attribute, line breaks, HTML, a node named like
 * ours. Graphviz reads one node per AIF node and draws the text as
 * written. */
static void
test_dot_hostile_text (void)
{
  g_autoptr(QgAifGraph) graph = load_aif_text (
    "{\"nodes\": ["
    "{\"nodeID\": 1, \"type\": \"I\", \"text\": \"say \\\"hi\\\" \\\\ \\\\\\\" or \\\\N\"},"
    "{\"nodeID\": 2, \"type\": \"L\", \"text\": \"x\\\"]; n9 [label=\\\"pwned\\\"]; n1 -> n0; //\"},"
    "{\"nodeID\": 3, \"type\": \"I\", \"text\": \"<b>bold</b> & a\\nline\\\\\"},"
    "{\"nodeID\": 4, \"type\": \"x\\\"];}digraph{\", \"text\": \"\"}"
    "], \"edges\": [{\"fromID\": 1, \"toID\": 2}]}");
  g_autofree char *dot = qg_aif_graph_to_dot (graph);
  g_autoptr(GError) error = NULL;
  g_autoptr(QgGraph) drawn = qg_graph_new_from_dot (dot, NULL, NULL, &error);
  g_autofree char *data = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (qg_graph_get_n_entities (drawn), ==, 4);
  g_assert_cmpuint (qg_graph_get_n_relations (drawn), ==, 1);
  data = qg_test_render_svg (drawn);
  g_assert_null (strstr (data, "pwned\">"));
  g_assert_nonnull (strstr (data, ">say &quot;hi&quot; \\ \\&quot; or \\N</text>"));
  g_assert_nonnull (strstr (data, "xlink:title=\"say &quot;hi&quot; \\ \\&quot; or \\N\""));
  g_assert_nonnull (strstr (data, "x&quot;]; n9 [label=&quot;pwned&quot;]; n1 &#45;&gt; n0; //"));
  g_assert_nonnull (strstr (data, ">&lt;b&gt;bold&lt;/b&gt; &amp; a line\\</text>"));
  g_assert_nonnull (strstr (data, "xlink:title=\"&lt;b&gt;bold&lt;/b&gt; &amp; a&#10;line\\\""));
  g_assert_nonnull (strstr (data, ">x&quot;];}digraph{</text>"));
}

/* The L-nodes that assert a proposition, through a YA node whichever way
 * its edges go. */
static void
test_asserting_locutions (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");
  g_autoptr(QgAifGraph) reversed = load_aif_text (
    "{\"nodes\": [{\"nodeID\": \"l1\", \"type\": \"L\", \"text\": \"A : p\"},"
    "{\"nodeID\": \"l2\", \"type\": \"L\", \"text\": \"B : p\"},"
    "{\"nodeID\": \"i\", \"type\": \"I\", \"text\": \"p\"},"
    "{\"nodeID\": \"y1\", \"type\": \"YA\"}, {\"nodeID\": \"y2\", \"type\": \"YA\"},"
    "{\"nodeID\": \"r\", \"type\": \"RA\"}, {\"nodeID\": \"l3\", \"type\": \"L\", \"text\": \"C : q\"}],"
    "\"edges\": [{\"fromID\": \"l2\", \"toID\": \"y2\"}, {\"fromID\": \"y2\", \"toID\": \"i\"},"
    "{\"fromID\": \"i\", \"toID\": \"y1\"}, {\"fromID\": \"y1\", \"toID\": \"l1\"},"
    "{\"fromID\": \"l3\", \"toID\": \"r\"}, {\"fromID\": \"r\", \"toID\": \"i\"}]}");
  g_autofree guint *said = NULL;
  g_autofree guint *none = NULL;
  g_autofree guint *both = NULL;
  guint n = 99;

  said = qg_aif_graph_asserting_locutions (graph, index_of (graph, "102"), &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (said[0], ==, index_of (graph, "101"));
  none = qg_aif_graph_asserting_locutions (graph, index_of (graph, "116"), &n);
  g_assert_cmpuint (n, ==, 0);
  g_assert_null (none);

  /* l1's YA goes I → YA → L; l3 is joined through an RA, which asserts nothing. */
  both = qg_aif_graph_asserting_locutions (reversed, index_of (reversed, "i"), &n);
  g_assert_cmpuint (n, ==, 2);
  g_assert_cmpuint (both[0], ==, index_of (reversed, "l1"));
  g_assert_cmpuint (both[1], ==, index_of (reversed, "l2"));
}

static const QgAifLink *
link_of (GArray     *links,
         QgAifGraph *graph,
         const char *scheme)
{
  for (guint i = 0; i < links->len; i++)
    if (g_array_index (links, QgAifLink, i).scheme == index_of (graph, scheme))
      return &g_array_index (links, QgAifLink, i);
  g_assert_not_reached ();
}

/* What points at a node and what it points into, with what is on the far
 * side of each scheme: premises, attackers, conclusions; an undercut
 * seen from the inference it attacks. */
static void
test_links (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");
  g_autoptr(GArray) into = qg_aif_graph_links_into (graph, index_of (graph, "102"));
  g_autoptr(GArray) from = qg_aif_graph_links_from (graph, index_of (graph, "105"));
  g_autoptr(GArray) undercut = qg_aif_graph_links_into (graph, index_of (graph, "107"));
  g_autoptr(GArray) isolated = qg_aif_graph_links_into (graph, index_of (graph, "116"));
  const QgAifLink *link;

  /* 103 (YA), 107 (RA), 113 (MA), 115 (ISSUE), in the order of the edges. */
  g_assert_cmpuint (into->len, ==, 4);
  g_assert_cmpuint (g_array_index (into, QgAifLink, 0).scheme, ==, index_of (graph, "103"));
  link = link_of (into, graph, "107");
  g_assert_cmpint (link->type, ==, QG_AIF_NODE_RA);
  g_assert_cmpuint (link->n_others, ==, 3);
  g_assert_cmpuint (link->others[0], ==, index_of (graph, "105"));
  g_assert_cmpuint (link->others[1], ==, index_of (graph, "109"));
  g_assert_cmpuint (link->others[2], ==, index_of (graph, "111"));
  link = link_of (into, graph, "113");
  g_assert_cmpint (link->type, ==, QG_AIF_NODE_MA);
  g_assert_cmpuint (link->n_others, ==, 1);
  g_assert_cmpuint (link->others[0], ==, index_of (graph, "112"));
  link = link_of (into, graph, "115");
  g_assert_cmpint (link->type, ==, QG_AIF_NODE_OTHER);
  g_assert_cmpuint (link->n_others, ==, 0);

  /* 105 supports 102 (RA) and prefers 110 (PA). */
  g_assert_cmpuint (from->len, ==, 2);
  link = link_of (from, graph, "107");
  g_assert_cmpuint (link->n_others, ==, 1);
  g_assert_cmpuint (link->others[0], ==, index_of (graph, "102"));
  link = link_of (from, graph, "114");
  g_assert_cmpint (link->type, ==, QG_AIF_NODE_PA);
  g_assert_cmpuint (link->others[0], ==, index_of (graph, "110"));

  /* The RA is attacked by the CA, whose premise is 110; and the YA
   * "Arguing" points at it too. */
  g_assert_cmpuint (undercut->len, ==, 2);
  link = link_of (undercut, graph, "111");
  g_assert_cmpint (link->type, ==, QG_AIF_NODE_CA);
  g_assert_cmpuint (link->n_others, ==, 1);
  g_assert_cmpuint (link->others[0], ==, index_of (graph, "110"));
  g_assert_cmpuint (isolated->len, ==, 0);
}

/* A speaker from the participants, else from the text's prefix; the words
 * without it. */
static void
test_speaker_and_words (void)
{
  g_autoptr(QgAifGraph) aifdb = load_aif ("aifdb-nodeset.json");
  g_autoptr(QgAifGraph) ova = load_aif ("ova3-wrapped.json");
  g_autoptr(QgAifGraph) xaif = load_aif ("xaif-text-object.json");
  g_autoptr(QgAifGraph) loose = load_aif_text (
    "{\"nodes\": [{\"nodeID\": 1, \"type\": \"L\", \"text\": \"Jo Bloggs: it rains\"},"
    "{\"nodeID\": 2, \"type\": \"L\", \"text\": \"it rains, says everyone\"},"
    "{\"nodeID\": 3, \"type\": \"L\", \"text\": \"What everyone in the town said that night: it rains\"},"
    "{\"nodeID\": 4, \"type\": \"L\", \"text\": \"  Dr. Who  :  later  \"},"
    "{\"nodeID\": 5, \"type\": \"L\", \"text\": \"Ann Lee : \"},"
    "{\"nodeID\": 6, \"type\": \"L\", \"text\": \"Bob Smith : we should raise taxes\"}],"
    "\"edges\": [], \"locutions\": [{\"nodeID\": 6, \"personID\": 7}],"
    "\"participants\": [{\"participantID\": 7, \"firstname\": \" Robert \", \"surname\": \"\"}]}");
  static const char * const expected[][3] = {
    { "1", "Jo Bloggs", "it rains" },
    { "2", NULL, "it rains, says everyone" },
    { "3", NULL, "What everyone in the town said that night: it rains" },
    { "4", "Dr. Who", "later" },
    { "5", "Ann Lee", "" },
    { "6", "Robert", "we should raise taxes" },
  };
  g_autofree char *bob = qg_aif_graph_speaker (aifdb, index_of (aifdb, "101"));
  g_autofree char *anna = qg_aif_graph_speaker (ova, index_of (ova, "1"));
  g_autofree char *anna_words = qg_aif_graph_words (ova, index_of (ova, "1"));
  g_autofree char *speaker_1 = qg_aif_graph_speaker (xaif, index_of (xaif, "0"));
  g_autofree char *proposition = qg_aif_graph_speaker (aifdb, index_of (aifdb, "102"));

  g_assert_cmpstr (bob, ==, "Bob Smith");
  /* Anna's personID names no participant: her name is the prefix. */
  g_assert_cmpstr (anna, ==, "Anna");
  g_assert_cmpstr (anna_words, ==, "the bridge is unsafe");
  g_assert_cmpstr (speaker_1, ==, "Speaker 1");
  g_assert_null (proposition);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autofree char *speaker = qg_aif_graph_speaker (loose, index_of (loose, expected[i][0]));
      g_autofree char *words = qg_aif_graph_words (loose, index_of (loose, expected[i][0]));

      g_assert_cmpstr (speaker, ==, expected[i][1]);
      g_assert_cmpstr (words, ==, expected[i][2]);
    }
}

/* An article and its spans, as the reading pane is given them. */
typedef struct
{
  char      *text;
  gsize      length;
  QgAifSpan *spans;
  guint      n_spans;
} Article;

static void
article_clear (Article *article)
{
  g_free (article->text);
  g_free (article->spans);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Article, article_clear)

static void
article_of (Article    *article,
            QgAifGraph *graph)
{
  article->text = qg_aif_graph_article (graph, &article->length, &article->spans,
                                        &article->n_spans);
  g_assert_nonnull (article->text);
  for (guint i = 1; i < article->n_spans; i++)
    g_assert_cmpuint (article->spans[i - 1].start, <=, article->spans[i].start);
}

static const QgAifSpan *
span_of (Article *article,
         guint    node)
{
  for (guint i = 0; i < article->n_spans; i++)
    if (article->spans[i].node == node)
      return &article->spans[i];
  return NULL;
}

static void
assert_span_is (Article         *article,
                const QgAifSpan *span,
                const char      *expected)
{
  g_assert_nonnull (span);
  g_assert_cmpmem (article->text + span->start, span->end - span->start, expected,
                   strlen (expected));
}

/* Without a text, the article is the locutions, a paragraph each, and
 * every locution and proposition is placed in it. */
static void
test_article_from_locutions (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("aifdb-nodeset.json");
  g_auto(Article) a = { 0 };

  article_of (&a, graph);
  g_assert_cmpstr (a.text, ==, "Bob Smith: we should raise taxes\n\nWilma Jones: schools need money");
  g_assert_cmpuint (a.length, ==, strlen (a.text));
  /* Two locutions and the two propositions that are what they say. */
  g_assert_cmpuint (a.n_spans, ==, 4);
  assert_span_is (&a, span_of (&a, index_of (graph, "101")), "we should raise taxes");
  assert_span_is (&a, span_of (&a, index_of (graph, "102")), "we should raise taxes");
  assert_span_is (&a, span_of (&a, index_of (graph, "105")), "schools need money");
  g_assert_null (span_of (&a, index_of (graph, "110")));

  /* A text of white space is none. */
  {
    g_autoptr(QgAifGraph) blank = load_aif_text (
      "{\"nodes\": [{\"nodeID\": 1, \"type\": \"L\", \"text\": \"Ann : hello\"}],"
      " \"edges\": [], \"text\": \" \\n \"}");
    g_auto(Article) b = { 0 };

    article_of (&b, blank);
    g_assert_cmpstr (b.text, ==, "Ann: hello");
    g_assert_cmpuint (b.n_spans, ==, 1);
    assert_span_is (&b, &b.spans[0], "hello");
  }
}

/* With a text, the text is the article: the HTML's words, each locution
 * where it was said. */
static void
test_article_from_text (void)
{
  g_autoptr(QgAifGraph) graph = load_aif ("ova3-wrapped.json");
  g_auto(Article) a = { 0 };

  article_of (&a, graph);
  g_assert_cmpmem (a.text, a.length, graph->text, graph->text_len);
  g_assert_true (g_str_has_prefix (a.text, "Yesterday the bridge is unsafe, said Anna."));
  g_assert_cmpuint (a.n_spans, ==, 2);
  g_assert_cmpuint (a.spans[0].start, ==, strlen ("Yesterday "));
  assert_span_is (&a, span_of (&a, index_of (graph, "1")), "the bridge is unsafe");
  assert_span_is (&a, span_of (&a, index_of (graph, "2")), "the bridge is unsafe");
}

/* Words said twice are placed where each was said, in the order of the
 * locutions, not both at the first; a proposition goes with the locution
 * that asserts it. Curly quotes and white space are taken loosely when
 * the words are not there as written. */
static void
test_article_reading_order (void)
{
  g_autoptr(QgAifGraph) graph = load_aif_text (
    "{\"AIF\": {\"nodes\": ["
    "{\"nodeID\": 1, \"type\": \"L\", \"text\": \"Ann : we agree\"},"
    "{\"nodeID\": 2, \"type\": \"L\", \"text\": \"Bob : I \\\"doubt\\\" it very much\"},"
    "{\"nodeID\": 3, \"type\": \"L\", \"text\": \"Ann : we agree\"},"
    "{\"nodeID\": 4, \"type\": \"I\", \"text\": \"we agree\"},"
    "{\"nodeID\": 5, \"type\": \"I\", \"text\": \"we agree\"},"
    "{\"nodeID\": 6, \"type\": \"YA\"}, {\"nodeID\": 7, \"type\": \"YA\"}],"
    "\"edges\": [{\"fromID\": 3, \"toID\": 6}, {\"fromID\": 6, \"toID\": 4},"
    "{\"fromID\": 1, \"toID\": 7}, {\"fromID\": 7, \"toID\": 5}],"
    "\"locutions\": [{\"nodeID\": 1}, {\"nodeID\": 2}, {\"nodeID\": 3}]},"
    "\"text\": \"Ann: we agree. Bob: I \xe2\x80\x9c" "doubt\xe2\x80\x9d it\\n  very much. Ann, later: we agree.\"}");
  g_auto(Article) a = { 0 };
  const char *second;

  article_of (&a, graph);
  second = strstr (a.text, "later: we agree") + strlen ("later: ");
  g_assert_cmpuint (a.n_spans, ==, 5);
  g_assert_cmpuint (span_of (&a, index_of (graph, "1"))->start, ==, strlen ("Ann: "));
  g_assert_cmpuint (span_of (&a, index_of (graph, "3"))->start, ==, second - a.text);
  assert_span_is (&a, span_of (&a, index_of (graph, "3")), "we agree");
  /* 4 is asserted by the second locution, 5 by the first. */
  g_assert_cmpuint (span_of (&a, index_of (graph, "4"))->start, ==, second - a.text);
  g_assert_cmpuint (span_of (&a, index_of (graph, "5"))->start, ==, strlen ("Ann: "));
  /* Loosely: the article's own bytes, curly quotes, line break and all. */
  assert_span_is (&a, span_of (&a, index_of (graph, "2")),
                  "I \xe2\x80\x9c" "doubt\xe2\x80\x9d it\n  very much");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/quotegraph/aif/aifdb-shape", test_aifdb_shape);
  g_test_add_func ("/quotegraph/aif/participants", test_participants);
  g_test_add_func ("/quotegraph/aif/scheme-to-scheme-edge", test_scheme_to_scheme_edge);
  g_test_add_func ("/quotegraph/aif/ova3-shape", test_ova3_shape);
  g_test_add_func ("/quotegraph/aif/ova3-layout", test_ova3_layout);
  g_test_add_func ("/quotegraph/aif/html-text", test_html_text);
  g_test_add_func ("/quotegraph/aif/xaif-text-object", test_xaif_text_object);
  g_test_add_func ("/quotegraph/aif/plain-text-kept", test_plain_text_kept);
  g_test_add_func ("/quotegraph/aif/not-an-object", test_not_an_object);
  g_test_add_func ("/quotegraph/aif/mutations", test_mutations);
  add_broken_tests ();
  g_test_add_func ("/quotegraph/aif/write/round-trip", test_write_round_trip);
  g_test_add_func ("/quotegraph/aif/write/mapping", test_write_mapping);
  g_test_add_func ("/quotegraph/aif/write/person-names", test_write_person_names);
  g_test_add_func ("/quotegraph/aif/write/deterministic", test_write_deterministic);
  g_test_add_func ("/quotegraph/aif/write/without-drafts", test_write_without_drafts);
  g_test_add_func ("/quotegraph/aif/write/without-drafts-keeps-checked",
                   test_write_without_drafts_keeps_checked);
  g_test_add_func ("/quotegraph/aif/export-format", test_export_format);
  g_test_add_func ("/quotegraph/aif/write/graph-round-trip", test_graph_write_round_trip);

  g_test_add_func ("/quotegraph/aif/dot/every-node-and-edge", test_dot_every_node_and_edge);
  g_test_add_func ("/quotegraph/aif/dot/styles", test_dot_styles);
  g_test_add_func ("/quotegraph/aif/dot/hostile-text", test_dot_hostile_text);
  g_test_add_func ("/quotegraph/aif/asserting-locutions", test_asserting_locutions);
  g_test_add_func ("/quotegraph/aif/links", test_links);
  g_test_add_func ("/quotegraph/aif/speaker-and-words", test_speaker_and_words);
  g_test_add_func ("/quotegraph/aif/article/from-locutions", test_article_from_locutions);
  g_test_add_func ("/quotegraph/aif/article/from-text", test_article_from_text);
  g_test_add_func ("/quotegraph/aif/article/reading-order", test_article_reading_order);

  return g_test_run ();
}
